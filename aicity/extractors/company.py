"""Companies: a dictionary of listed and well-known companies, plus name grammar.

Dictionary (``company/companies_tw.tsv`` from the TWSE/TPEx lists, ``company/companies_extra.tsv``
for foreign, unlisted and everyday names, and a user's ``--dict``), matched
with one Aho–Corasick automaton over folded text. Every surface form of a
company maps to one canonical name, so ``normalized`` is stable across a corpus.
Names that are also ordinary words (統一, 國賓, 青雲) need company context: a cue
word nearby (營收, 董事長, 法說會), a company suffix right after (國賓飯店), or
a sure mention of the same company elsewhere in the document.

Rules find companies the dictionary lacks:

* ``company.suffix``: a name before a legal form or an industry word
  (健策精密工業股份有限公司, 豐禾建設, 太子集團), per ``company/suffixes.tsv``;
* ``company.foreign_prefix``: 英商安謀(ARM), 法商訊源(Atos), 美商Google;
* ``company.latin_before_title``: a Latin name before a corporate title
  (SiPearl執行長);
* ``company.latin_after_kind``: a Latin name right after a kind of firm, with no 公司
  (法國能源巨擘Engie, 營運商UK Power Networks), per ``company/latin_kind_words.txt``;
* ``company.latin_legal``: a Latin name with its legal form (ACME HOLDING CO.,
  LTD., Wiwynn Mexico S.A. de C.V., Foo Pte. Ltd.), normalized without the form;
* ``company.bracket``: a Chinese name followed by its Latin name or abbreviation
  in brackets (華新科技(WTC)): the pair confirms the name, and the Latin name is
  the same company;
* ``company.bracket_legal``: a Chinese name no rule found before a Latin name with its
  legal form in brackets (砂拉越油棕(Sarawak Oil Palms Bhd));
* ``company.ticker``: a name followed by its ticker ((NASDAQ:AAPL), (2330.TW), （00700）);
* ``company.listed_latin``: Latin names listed after a count of companies and 是/為/包括
  (3家私人有限公司是Sindok Trading、Laurich International以及SCN Singapore);
* ``company.frame``: a name no list has between words that only a company fits
  (某某科營收年增, 核准某某加入「…方案」), per ``company/frames.tsv``;
* ``company.mention``: later mentions of a name a rule found.

A rule's candidate that reads as a phrase rather than a name — beginning with a
pronoun, particle, preposition or set phrase, or holding an adverb (進一步提高,
投資最活躍, 人數逐漸減少; jieba's part-of-speech tags, ``company/function_words.tsv``) —
is dropped, and so is an industry word used as a modifier of the noun after it
(前瞻科技計畫, 科技園區; ``company/not_after.txt``).

A company's name inside a foundation's or association's name (日月光環保永續基金會)
is not a mention of the company.
"""
from __future__ import annotations

import bisect
import functools
from typing import Iterator

import regex

from ..document import Document
from ..fold import fold
from ..model import Entity
from ..numerals import BIG_UNITS, DIGIT_VALUES, SMALL_UNITS
from ..resources import load_list, load_table
from .base import Gazetteer, IntervalSet, alternation, compile_folded, is_han, latin_boundary, longest_non_overlapping
from .date.words import nations  # folded country name -> ISO code (common/countries.tsv and its other names)
from .money.region import page_region
from .lexicon import (
    FOREIGN, CompanyInfo, Form, a_shares_by_simplified_name, a_shares_by_traditional_name, city_gazetteer, common_words, company_dictionary, company_frames, company_latin_kinds, company_phrase_names, company_rule_anchors, corporate_titles, everyday_words,
    document_matches, is_latin, mainland_provinces, official_grammar, reporter_given_name, split_cell, user_company_dictionary,
)

# the magnitudes and 元 that close an amount (folded): a name opening with one right after a number
# is cut from the amount (3000億泰銖 holds no 億泰, 5兆元大金控 no 元大)
_AMOUNT_UNITS = frozenset(BIG_UNITS) | frozenset(SMALL_UNITS) | frozenset("元")

_COUNTED_ITEM = regex.compile(r"[一兩两二三四五六七八九十多數数幾几]家")  # 和|一家主權基金: a list's next item, counted
GROUP = fold("集團")  # a group: a country before its name says where it is (美國|某某集團)
ASSET_ARM = fold("資管")  # a broker's or bank's asset-management subsidiary after its name (某某證券資管)
INTENT_OPENERS = frozenset(fold("擬將已再"))  # a filing's verbs of intent and aspect before its object (擬回購股份)
AMOUNT_TAILS = tuple(fold(w) for w in ("餘元", "多元", "元"))  # what closes an amount (5億餘元, 300多元, 8萬元)
INDEFINITE = fold("某")  # 某酒店, 路氹某酒店: an unnamed business
# 粵港澳三地銀行, 港澳兩地銀行: the firms of the places just named (however they are abbreviated), no name
ALL_THE_PLACES = tuple(fold(w) for w in ("兩地", "三地", "多地"))
# the ranks of a league table, and the market figures that a table ranks (買超冠軍, 漲幅亞軍, 成交值冠軍)
_RANK_WORDS = frozenset(fold(w) for w in ("冠軍", "亞軍", "季軍"))
# 台南航空站, 花蓮航空站: a town's airport, whose name a listed firm's place-like short name (台南) may open
_AIRPORT_STATION = fold("航空站")
# 全國 (a listed petrol retailer's short name) right before a party's or an association's office is its
# scope: 某黨全國主席, 全國總會長 (the national chairman), no company
_NATIONAL_OFFICE = tuple(fold("全國" + w) for w in (
    "主席", "副主席", "署理主席", "總會長", "副總會長", "署理總會長", "秘書長", "總秘書", "組織秘書", "總財政", "領袖"))
_FIGURE_BEFORE_RANK = regex.compile("(?:" + "|".join(fold(w) for w in (
    "買超", "賣超", "漲幅", "跌幅", "成交量", "成交值", "市值", "營收", "獲利", "人氣", "周轉率", "週轉率")) + r")\Z")

# Trade nouns that are common words and end a firm's four-character short name in a frame (某某生物營收, 湖南某某醫藥投資的)
FRAME_TRADE_NOUNS = frozenset(fold(w) for w in ("生物", "醫藥", "材料", "環保", "農業", "物流", "傳媒", "文旅", "礦業", "新材"))
# A school and 教育 before 集團: a mainland school group (學軍中學教育集團, 中小學教育集團, a public school consortium), no firm
SCHOOL_GROUP_ENDS = tuple(fold(w + "教育") for w in ("中學", "小學", "學校", "幼兒園", "實驗學校", "職業學校", "中小學"))
FOREIGN_CITY_REACH = 6  # how far a city abroad may run on either side of a short name it holds (安克|雷奇)

CUE_WINDOW = 10
# A price between a name and its tender or purchase verb (某某以30億元投得, 某某以高價奪得): as if touching
_PRICE_BRIDGE = compile_folded(r"以[^，,。；;、\s]{1,10}?(?:投得|奪得|投到|中標|購入|收購)")
# How far left of a suffix of each strength a name may reach.
COUNTY_UNITS = frozenset(fold("縣鄉鎮"))  # a name ending with one is a county's or township's
INVESTOR = "investor"  # a suffix strength: 某某資本 before a verb of a funding round
LEGAL = "legal"  # a suffix strength: a legal form (股份有限公司)
INVESTOR_REACH = 40  # characters from an investor's name to its verb (a list of investors between)
CLAUSE_END = regex.compile(r"[,;。!?\n]")
NAME_LIMITS = {"legal": 14, "strong": 6, "weak": 4, "venue": 4, "bracketed": 4}
LIST_JOINERS = frozenset(fold("、和及與跟,，"))
# A count of firms (4家, 兩家, 多家, 數家) before a kind: the scan for a name stops at its 家 (萬家, 五家渠 are names).
COUNTED = fold("家")
COUNT_BEFORE = frozenset("0123456789０１２３４５６７８９" + fold("兩幾多數"))
LONG_LIST_JOINERS = tuple(fold(w) for w in ("、以及", "，以及", ",以及", "以及", "+", "＋", "、及", "、和"))  # (百度+快手)
# their last and first characters: a cheap test before the joiners are tried, for every name found
LONG_JOINER_LASTS = frozenset(j[-1] for j in LONG_LIST_JOINERS)
LONG_JOINER_FIRSTS = frozenset(j[0] for j in LONG_LIST_JOINERS)
NAME_LIST_JOINERS = frozenset(fold("、和及與"))  # around an item of a list of names (某某、某某及某某)
CAPTION_ORDER = (fold("左起"), fold("右起"))  # a photo caption's list of people: 左起某某、某某
ACCORDING_TO = fold("據")
NAMELY = fold("即")  # (即某某企業社): "that is" opens a bracketed note, no name
NAMELY_AFTER = fold("，,：:；;")  # ，即|某某公司: after a clause break, 即 opens the clause
COMPARE_VERBS = frozenset(fold(w) for w in ("對標", "對照"))  # verbs of comparison that jieba's list lacks (對比 it has)
OPENING_BRACKETS = frozenset(fold("(（"))
# The names of holding companies end in these; the suffixes that are the holding itself.
HOLDING_FORMS = tuple(fold(w) for w in ("金控", "投控", "金融控股", "投資控股"))
HOLDING_SUFFIXES = frozenset(fold(w) for w in ("金控", "投控", "控股", "集團", "金融控股"))
# An insurer's arm after its group's name (中國太保|產險, 某某|人壽): a subsidiary licensed on its own
INSURER_ARMS = frozenset(fold(w) for w in ("產險", "人壽", "產物保險"))
# Characters that end a name when scanning left from a suffix (function words; 像, 替 and 給 as
# prepositions: no listed name opens with one; 或 joins alternatives as 及 joins a list, and no listed name holds it).
# A firm's own structure or officers right after a bracketed-only industry word (企業): 某某企業|旗下 is a firm's name.
# an investment house's own officers after its name (某某資本創始合夥人, 某某資本管理合夥人, 某某資本董事總經理): a firm
INVESTOR_OWN_AFTER = tuple(fold(w) for w in ("創始合夥人", "管理合夥人", "執行合夥人", "主管合夥人", "合夥人", "創始人",
                                             "董事長", "董事總經理", "總裁", "執行長", "首席執行官"))
_OWN_STRUCTURE_AFTER = tuple(fold(w) for w in ("旗下", "子公司", "母公司", "董事長", "總經理", "執行長", "創辦人", "董事會", "股東會"))
LAST_ITEM_JOINERS = frozenset(fold("及與和"))  # before the last item of a list (某某、某某及某某)
NAME_END_AND = fold("和")  # a stop, but one that may end a name right before its suffix (泰和集團)
STOP_CHARS = set(fold("的與和及或跟暨由在為是於把被讓向對從將等也亦還都已像替給予、,，。;；:：!！?？「」『』《》()（）[]【】\"'“”‘’ \t\n\r·•|/"))
# (a real-estate trust named after its sponsor, 雙威|產托, 楊忠禮酒店|房產信託, is a listed fund, no company)
ORG_SUFFIX_AFTER = tuple(fold(w) for w in ("基金會", "協會", "學會", "公會", "基金", "研究院", "工會", "文教", "產托", "房產信託"))
ORG_SUFFIX_AFTER_PATTERN = regex.compile("|".join(map(regex.escape, ORG_SUFFIX_AFTER)))
# an association's word inside what a foreign prefix opens (大韓商|工會議所: Korea's chamber of commerce)
ASSOCIATION_IN_NAME = regex.compile("|".join(map(regex.escape, ORG_SUFFIX_AFTER + tuple(fold(w) for w in ("會議所", "商會")))))
# (and the short words of Taiwanese and Malaysian schools: 國小, 國中, 高中; 華小, 獨中, the Chinese primary and
# independent secondary schools of Malaysia, many named as listed companies are: 益華華小, 培才華小)
SCHOOL_AFTER = tuple(fold(w) for w in ("大學", "學院", "科大", "科技大學", "學校", "中學", "小學", "書院", "幼稚園",
                                       "國小", "國中", "高中", "華小", "獨中"))
# After a broadcaster's name: its news channel or site, an outlet cited as a source (not its press release, 新聞稿).
# (and a news site's dateline or credit after its name, 中國證券網訊, 據某某網報道, or its name closing a source line,
# 來源:某某報·中國證券網 作者: the site, named as a source)
OUTLET_AFTER = tuple(fold(w) for w in ("新聞台", "新聞網", "新聞報導", "新聞\n", "新聞)", "新聞）", "網訊", "網報道", "網報導",
                                       "網消息", "網\n", "網 ", "網\u3000"))
# A Latin name before News is a news service named as a medium (透過 Google News追蹤, Yahoo News):
# no company (ANNOTATION.md), as a Chinese name before 新聞網 is not.
LATIN_OUTLET_AFTER = regex.compile(r"[ \u00a0]?News(?![A-Za-z])")
# A photo credit (ANNOTATION.md: credit lines are no companies): the agency before 圖 that ends its line or
# bracket (視覺中國 圖, 某某供圖), or after 圖/ or 圖片來源: (圖/視覺中國). Folded: 圖 is 图, ： is :.
PHOTO_CREDIT_AFTER = regex.compile(r"[ \t\u3000]*供?图[ \t\u3000]*(?:\n|\Z|\))")
PHOTO_CREDIT_BEFORE = regex.compile(r"(?:图[/|]|图片来源:|图源:)[ \t\u3000]*\Z")
# ... or a caption's credit in brackets after its full stop, ending the line: 某某產品。（視覺中國）
PHOTO_CREDIT_BRACKET = regex.compile(r"\)[ \t\u3000]*(?:\n|\Z)")
# ... or a photo library's name alone after a space at the end of a caption line (典禮現場 視覺中國): the credit
# with no 圖 (the libraries that caption credits name: Visual China Group, Oriental IC, TPG 達志影像, Getty Images, Shutterstock)
# (a photo library in a caption's brackets after its full stop is its credit even where a flattened page runs the
# next sentence on after it: 展場一角。(視覺中國) 另外…)
PHOTO_LIBRARIES = frozenset(fold(w) for w in ("視覺中國", "東方IC", "達志影像", "Getty Images", "Shutterstock"))
ORG_NAME_REACH = 12  # how far after a company's name its foundation's suffix may come
BRACKET_OPENINGS = frozenset("(（")  # what opens a bracket, which opens no name
# Single characters that begin no company name (pronouns, particles, adverbs; jieba's
# tags r, u and d, less the characters that do begin names: 本田, 正新, 共信, 特力, 常州;
# and the prepositions and conjunctions 除, 而, 含, 但, 並: 除廷鑫(2358), 而明揚(8240), 但金融服務公司, 並強調公司將…); and the measure
# word 間 of a count of firms whose number a space parts from it (3 間相關公司, Hong Kong usage); 仍 (still: 仍使|公司); and 假, the
# Hong Kong and Macau press releases' verb of a venue (今日假某某公司大樓舉行), which opens no name (度假, 假日 are words).
# 姓 after a surname: a person or firm the press leaves unnamed (林姓業者, 王姓營造公司).
SURNAME_MARK = fold("姓")
PHRASE_START_CHARS = frozenset(fold("他我這你她那其它該誰另哪某此的了著地之得過般也就都還又將只已卻最更再才便則曾約太均未越極僅竟除而含但間並假仍"))
# Single-character adverbs that no name has inside (投資最活躍).
PHRASE_INSIDE_CHARS = frozenset(fold("最更越很仍已卻竟該這"))
# Single-character prepositions that end no name: the industry word after one is their object
# (計畫以|創投標準檢視, 款項被|銀行凍結, 包括就|證券市場改革), and the verb 佔 ("account for":
# 房地產佔|集團總盈利八成), and 往 ("towards": 乘搭娛樂場往|酒店房的升降機, 駛往|酒店)
PREPOSITION_END_CHARS = frozenset(fold("以把被從就對向佔往"))
# 有 (there is), 是 (is) and 在 (at) before a plain adjective and an industry word open a clause
# (又有新銀行, 是大集團), not a two-character name; so do the causatives 使, 令, 讓 (使好公司受惠, 令大企業卻步).
EXISTENTIAL_CHARS = frozenset(fold("有是在使令讓"))
PLAIN_MODIFIER_CHARS = frozenset(fold("新大小多老舊好壞"))
PLACED_TRADE_NAME = 4  # a trade name and its industry after a place (湖南|越某能源): no two-character clause (很好)
# The value of a cue of company/result_cues.txt in the cue gazetteer.
RESULT_CUE = "result"
# What may stand between a name and its cue word: a date (青雲2月營收, 台積電今年第3季營收), a
# relative day (小米昨天股價) or a part of the trading day (某某盤中大漲, 早盤, 尾盤).
DATE_CHARS = "0123456789０１２３４５６７８９年月日季度第前上下半今去明本昨天週周盤早尾中Q " + fold("年月日季度第前上下半今去明本昨天週周盤早尾中")
# Latin words that may join the capitalised words of a name (Acme Industrial de Monterrey).
LATIN_CONNECTORS = ("de", "del", "of", "and", "la", "le", "du", "van", "von", "y", "&")
# A four-digit number in brackets between these is a year, not a ticker (民國114年（2025）).
YEAR_RANGE = range(1900, 2101)
# A list that 等 and a kind of firm close (春福、富宇、昌益等建商): how long an item and how many items.
LIST_ITEM_LIMIT = 4
LIST_ITEM_COUNT = 12
_STOCK_CODE_BEFORE = regex.compile(r"[(（][0-9]{4,6}[)）]$")
# Characters that can end the Latin name before a corporate title (see latin_title).
LATIN_NAME_END = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&-")


@functools.cache
def _ring_words() -> tuple[str, ...]:
    """``company/ring_words.txt``: the crimes a ring is named by before 集團."""
    return tuple(fold(w) for w in load_list("company/ring_words.txt"))


@functools.cache
def _group_object_verbs() -> tuple[str, ...]:
    """``company/group_object_verbs.txt``: verbs whose object is the 集團 after them (破獲, 落實)."""
    return tuple(fold(w) for w in load_list("company/group_object_verbs.txt"))


@functools.cache
def _object_verbs() -> tuple[str, ...]:
    """``company/object_verbs.txt``: verbs whose object is the kind of firm after them (要求, 鼓勵)."""
    return tuple(fold(w) for w in load_list("company/object_verbs.txt"))


@functools.cache
def _figure_verbs() -> tuple[str, ...]:
    """``company/figure_verbs.txt``: the verbs of object_verbs.txt that may stand even before the bare 公司, whose
    object is the firm's own figure or formality (持股佔|公司總股本, 推進|公司註冊)."""
    return tuple(fold(w) for w in load_list("company/figure_verbs.txt"))


@functools.cache
def _say_verbs() -> tuple[str, ...]:
    """``company/say_verbs.txt``: verbs of saying that end a speaker's words before a firm (表示, 透露)."""
    return tuple(fold(w) for w in load_list("company/say_verbs.txt"))


@functools.cache
def _clause_openers() -> tuple[str, ...]:
    """``company/clause_openers.txt``: time and linking words that open a clause (目前, 近期, 此外), never part
    of the name after them."""
    return tuple(fold(w) for w in load_list("company/clause_openers.txt"))


@functools.cache
def _clause_opener_set() -> frozenset[str]:
    return frozenset(_clause_openers())


@functools.cache
def _speaker_verbs() -> tuple[str, ...]:
    """The verbs of saying that may stand between a firm's name and the firm it speaks of (萬科稱|某某集團):
    the long ones, and 稱 (指 and 說 end names: 金手指, 小說)."""
    return _long_say_verbs() + (fold("稱"),)


def _speaker_end(folded: str, start: int, end: int, known_ends: set[int]) -> int:
    """How far into the words before a suffix (``folded[start:end]``) the name begins, where a speaker and a
    verb of saying open them: the speaker is a known name, the firm itself (公司稱|某某集團), or a share's
    name after its risk marker right before (ST某某稱|某某集團), and two characters or more follow the verb;
    else 0."""
    chunk = folded[start:end]
    verbs = _speaker_verbs()
    for i in range(len(chunk) - 3, 1, -1):
        if chunk.startswith(verbs, i) and (start + i in known_ends or chunk.endswith((COMPANY, GROUP), 0, i)
                                           or ST_MARKER.search(folded, max(0, start - 4), start + i)):
            end = i + next(len(v) for v in verbs if chunk.startswith(v, i))
            return end if len(chunk) - end >= 2 else 0
    return 0


@functools.cache
def _long_say_verbs() -> tuple[str, ...]:
    """The verbs of saying of two characters or more (表示, 指出): one right after a name is read whole, so the
    name's last character and the verb's first (恒地|表示: 地表) make no word the name sits inside."""
    return tuple(w for w in _say_verbs() if len(w) >= 2)


@functools.cache
def _list_before_kind() -> regex.Pattern:
    """等 and the kind of firm that closes a list of names (``company/list_kinds.txt``), perhaps
    counted first (等8家企業, 等十餘家公司)."""
    return compile_folded(fold("等") + "(?:" + FIRM_COUNT_IN_CLOSING + ")?(?:"
                          + alternation(fold(w) for w in load_list("company/list_kinds.txt")) + ")")


@functools.cache
def _crossing_words() -> frozenset[str]:
    """``company/crossing_words.txt``: words a listed name may cut in two (和大|馬: 大馬)."""
    # and the names of countries of three characters or more (義大|利奇: 義大利 holds no 利奇)
    countries = (n for r in load_table("common/countries.tsv") for n in (r["name"], r["name_cn"], *r["aliases"].split("|"))
                 if len(n) > 2)
    return frozenset(fold(w) for w in (*load_list("company/crossing_words.txt"), *countries))


@functools.cache
def _longer_crossing_words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    """The crossing words of three characters or more, every piece of two or more characters of
    them (a name that is no piece is held by none), and the characters that open and that end one
    (the country names make them hundreds: a name whose last character opens none skips the look)."""
    longer = tuple(w for w in _crossing_words() if len(w) > 2)
    pieces = frozenset(w[i:j] for w in longer for i in range(len(w)) for j in range(i + 2, len(w) + 1))
    return longer, pieces, frozenset(w[0] for w in longer), frozenset(w[-1] for w in longer)


@functools.cache
def _team_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """``company/team_words.txt``: a sports team's nickname after its sponsor's name (中信|兄弟):
    the nicknames of two or more characters, and those of one (味全|龍隊)."""
    words = [fold(w) for w in load_list("company/team_words.txt")]
    return tuple(w for w in words if len(w) > 1), frozenset(w for w in words if len(w) == 1)


def _names_its_team(folded: str, start: int, end: int) -> bool:
    """The short name at ``start``:``end`` stands before a team's nickname elsewhere on the page (台鋼、富邦
    爭冠 ... 富邦悍將): there the sports page shortens the team's name to its sponsor's, no company."""
    name = folded[start:end]
    at = folded.find(name)
    while at >= 0:
        if at != start and _team_after(folded, at + len(name)):
            return True
        at = folded.find(name, at + 1)
    return False


@functools.cache
def _team_context() -> tuple[str, ...]:
    """``company/team_context.txt``: words after a one-character nickname that make it the team's (味全龍|領隊)."""
    return tuple(fold(w) for w in load_list("company/team_context.txt"))


def _team_after(folded: str, end: int, latin: bool = False) -> bool:
    """A sports team's nickname follows ``end`` (富邦|悍將, 味全|龍隊, 興農|牛4次, 味全|龍領隊; not 台積電|龍潭);
    ``latin``: the name before it is Latin, which no Han word runs on from (統一7-ELEVEN|獅今晚)."""
    longer, single = _team_words()
    if folded.startswith(longer, end):
        return True
    if folded[end:end + 1] not in single:
        return False
    if latin:
        return True
    following = folded[end + 1:end + 2]
    return following == fold("隊") or not following or not is_han(following) or folded.startswith(_team_context(), end + 1)


# 豐樹物流信託, 雙威產業信託, 凱德綜合商業信託, 騰飛房地產投資信託, 某某產托: a listed real-estate investment trust
# named after its sponsor and the kind of property it holds is a trust, no company (ANNOTATION.md: listed funds
# are none), neither the sponsor's name at its head nor an industry word inside it ends a company's name there;
# a bank's or a firm's trust arm (某某銀行信託部, 某某信託公司) is no such trust (folded)
_TRUST_WORDS = tuple(fold(w) for w in ("信託", "產托"))
_REIT_AFTER = compile_folded(
    r"[^\s,，。、;；:：()（）「」《》的和與及在將今年]{0,3}?(?:(?:產業|房地產(?:投資)?|地產|商業|商用|物流|工業|酒店|零售|辦公"
    r"|醫療(?:保健)?|數據中心)[^\s,，。、;；:：()（）「」《》的和與及在將銀]{0,4}?信託(?!部|業|銀行|公司|機構|基金)|產托"
    # ... or the market a sponsor's trust invests in, with no property word (凱德中國信託, 凱德印度信託)
    r"|(?:中國|印度|亞洲|歐洲|澳洲|日本|美國|馬來西亞|越南)信託(?!部|業|銀行|公司|機構|基金))")
_TRUST_AFTER = compile_folded(r"(?:投資)?信託(?!部|業|銀行|公司|機構|基金)|產托")
# ... and the kind of property right before 信託 that makes a name ending in it such a trust (豐樹物流|信託)
_REIT_KIND_BEFORE = compile_folded(r"(?:產業|房地產(?:投資)?|地產|商業|商用|物流|工業|酒店|零售|辦公|醫療(?:保健)?|數據中心"
                                   r"|(?<=\p{Han}{2})(?:中國|印度|亞洲|歐洲|澳洲|日本|美國|馬來西亞|越南))$")
# (or the market a sponsor's trust invests in, after the sponsor's name: 凱德中國|信託; 中國|信託 alone is CTBC)
TRUST_SUFFIX = fold("信託")
NATIONAL = fold("國家")  # 國家|銀行


# 富邦、國泰、南山人壽: a list of short names closed by one name and a kind shares the kind; each name is the
# kind's company (富邦人壽, not the holding 富邦金), where every name in the list makes one in the dictionary
# (not before 業, 股: 中國銀行業 is the sector)
_LIST_KINDS = tuple(fold(w) for w in ("人壽", "產險", "銀行", "證券", "投信"))
_KIND_LIST = regex.compile(fold(r"((?:\p{Han}{2,4}、){1,9})(\p{Han}{2,4}?)") + "(" + "|".join(_LIST_KINDS) + fold(")(?![業界股類])"))


@functools.cache
def _forms_by_name() -> dict[str, tuple[Form, ...]]:
    gazetteer = company_dictionary()
    return dict(zip(gazetteer.keys, gazetteer.values))


def _list_kind_names(folded: str, hits: list) -> list:
    """富邦、國泰、南山、新光人壽: each short name of the list with the closing kind (富邦人壽 ...), when all make
    a company's name; the hits they cover give way."""
    forms = _forms_by_name()
    found = []
    for m in _KIND_LIST.finditer(folded):
        kind = m.group(3)
        items = []
        pos = m.start(1)
        for i, item in enumerate(m.group(1).split("、")[:-1]):
            start, end = pos, pos + len(item)
            pos = end + 1
            # the first item may hold the words before the list (包括富邦): its shortest tail that makes a name
            tails = [start + n for n in range(len(item) - 1)] if i == 0 else [start]
            form = None
            for at in sorted(tails, reverse=True) if i == 0 else tails:
                named = forms.get(folded[at:end] + kind)
                if named and len({f.info.canonical for f in named}) == 1:
                    form, start = named[0], at
                    break
            if form is None:
                items = []
                break
            items.append((start, end, form))
        # (美國、日本、中國銀行: countries before a bank are no list of banks; one item must be a name on its own)
        if items and forms.get(m.group(2) + kind) and any(h[0] == s and h[1] == e for s, e, _ in items for h in hits):
            found.extend(items)
    if not found:
        return hits
    return [h for h in hits if not any(s < h[1] and h[0] < e for s, e, _ in found)] + found


# 鴻海|上月營收, 萬海|上週, 台灣大|上半年: a time word right after a name opens with a character that makes a
# word with the name's last (海上, 大上), and it is the time word that the text means
_TIME_AFTER_NAME = tuple(fold(w) for w in (
    "上週", "上周", "上月", "上個月", "上半年", "上季", "上午", "上旬", "上年", "下週", "下周", "下月", "下個月",
    "下半年", "下季", "下午", "下旬", "本週", "本周", "本月", "本季", "今年", "今天", "今日", "去年", "明年",
    "昨天", "昨日", "前天", "日前", "近日"))
# 統一超|前10月營收, 台積電|前三季: a year's first months or quarters after the name (超前 is a word too)
_FIRST_MONTHS_AFTER = regex.compile(fold(r"前[ ]?(?:1[01]|[2-9]|十一|十|[兩二三四五六七八九])[ ]?個?[ ]?(?:月|季)"))


# Taiwan's active ETFs are named 主動 + the fund house + a theme (主動野村臺灣優選); 主動 never stands
# right before a company otherwise (it is an adverb before a verb)
_ACTIVE_FUND = fold("主動")


@functools.cache
def _fund_names() -> tuple[str, ...]:
    """``company/fund_names.txt``: what follows a fund house's name in a listed fund's (元大|台灣50)."""
    return tuple(fold(w) for w in load_list("company/fund_names.txt"))


@functools.cache
def _central_banks() -> tuple[str, ...]:
    """``company/central_banks.txt``: central banks named as a place and 銀行 (英格蘭銀行), no companies."""
    return tuple(fold(w) for w in load_list("company/central_banks.txt"))


# An HKEX code as Hong Kong's press writes it: five digits, or three or four with a leading 0 (017, 0017);
# not Taiwan's ETF codes 0050-0099; or four with none (1113, as some papers write codes from 1000 up: the
# listed name must still open the text before the bracket)
_HK_CODE = regex.compile(r"0\d{4}|0\d\d|0(?!0[5-9])\d{3}|[1-9]\d{3}")


@functools.cache
def _hk_listed_by_code() -> dict[str, tuple[str, str]]:
    """HKEX code -> (folded short name, short name in Traditional) from company/companies_hk.tsv."""
    return {row["code"]: (fold(row["name"]), row["name"]) for row in load_table("company/companies_hk.tsv")}


def _hk_listed_prefix(folded: str, end: int, code: str) -> tuple[int, int, str] | None:
    """新世界(00017), 爪哇(00251): the first characters of the HKEX short name of the bracket's own code
    (新世界發展, 爪哇控股), as Hong Kong's press shortens a listed name before its code, are that company,
    though they are words alone; (start, end, the listed name) or None."""
    listed = _hk_listed_by_code().get(code.zfill(5)) if _HK_CODE.fullmatch(code) else None
    if listed is None:
        return None
    name, canonical = listed
    for n in range(min(len(name) - 1, 4), 1, -1):
        if folded[end - n:end] == name[:n]:
            return end - n, end, canonical
    return None


@functools.cache
def _exchange_short_names() -> frozenset[str]:
    """The short names of the listings (TWSE/TPEx, A shares, HKEX), folded: a curated row (寧德時代, 中國中車)
    carries no stock code, so whether a company is listed is read from its names."""
    return frozenset(fold(row["name"]) for table in ("company/companies_tw.tsv", "company/companies_cn.tsv",
                                                     "company/companies_hk.tsv") for row in load_table(table))


def _alias_unlike_short_name(info: CompanyInfo, written: str) -> bool:
    """中車 of 中國中車: a known name that neither opens the listed short name nor runs on from it (as
    the full name 嘉晶電子 runs on from 嘉晶), so no registered name of the listed firm begins with it."""
    short = fold(info.canonical)
    return not (short.startswith(written) or written.startswith(short))


def _listed(info: CompanyInfo) -> bool:
    names = _exchange_short_names()
    return info.stock_code is not None or any(fold(n) in names for n in (info.canonical, *info.aliases))


@functools.cache
def _not_company_boards() -> tuple[str, ...]:
    """``company/not_company_boards.txt``: the Bursa boards of trusts and funds, no companies."""
    return tuple(fold(w) for w in load_list("company/not_company_boards.txt"))


def _ends_in_industry(folded: str, start: int, end: int) -> bool:
    """The name ``folded[start:end]`` ends in an industry word of company/suffixes.tsv (航空, 銀行), not a legal form."""
    suffixes = _rules()[0]
    return any(suffixes.get(folded[end - n:end], "legal") != "legal" for n in (2, 3, 4) if end - start > n)


# verbs of a joint venture or a deal that may follow a foreign firm named after its prefix (folded by compile_folded)
_VENTURE_VERBS = ("合資", "合作", "攜手", "聯手", "共同", "簽約", "簽署")


@functools.cache
def _rules():
    suffixes = {fold(r["suffix"]): r["strength"] for r in load_table("company/suffixes.tsv")}
    # what confirms a listed name that needs context (國賓|飯店); 某某|資本 only with a funding verb after it
    suffix_pattern = regex.compile(alternation(w for w, strength in suffixes.items() if strength != INVESTOR))
    generic = frozenset(fold(w) for w in load_list("company/generic.txt") + load_list("company/ring_words.txt"))
    # (a result cue's value says so: 業績理想 is the results' verdict, no company's results)
    cues = Gazetteer([(w, w) for w in load_list("company/cues.txt")]
                     + [(w, RESULT_CUE) for w in load_list("company/result_cues.txt")])
    prefixes = alternation(load_list("company/prefixes.txt"))
    # a Latin name may stand one space after the prefix (美商 Markforged) and ends where its letters do
    # (美商Markforged|結盟): a Chinese name has no such edge, so one needs a boundary or a venture's verb
    foreign = compile_folded(
        prefixes + r"(?: (?=[A-Za-z]))?(?P<name>[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*)*|\p{Han}{2,6}?)"
        r"(?:[(（](?P<alias>[A-Za-z][A-Za-z0-9&.\- ]{0,30})[)）])?(?=[(（、,，。及與和在\s]|$|(?<=[A-Za-z0-9])(?![A-Za-z0-9&.\-])|"
        # or a verb of a venture right after the name (與日商某某房屋|合資開發, 美商某某|攜手)
        + alternation(_VENTURE_VERBS) + ")"
    )
    latin_title = compile_folded(
        r"(?<![A-Za-z0-9])(?P<name>[A-Z][A-Za-z0-9&\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&\-]+)*)\s?"
        + alternation(corporate_titles())
    )
    return suffixes, suffix_pattern, generic, cues, foreign, latin_title


# A number of lots (張, a thousand shares) right after a name (folded): 7萬6350張, 41,522張, 3.6萬張;
# not a single digit (3張桌子).
_LOTS_AFTER = regex.compile(r"[ ]?(?:[0-9][0-9,.]*万[0-9,]*|[0-9][0-9,]+)张")
# a share's close or move in 元 right after a name (南亞收54.8元, 鴻海漲5元): a market report's stock (folded)
_PRICE_AFTER = regex.compile(r"[ ]?(?:收(?:在|盘)?|终场收|涨|跌)[ ]?[0-9][0-9,]*(?:\.[0-9]+)?元")
# a channel's net buying or selling of a stock right after its name (五糧液淨買入4.69億股, 騰訊獲淨賣出3億港元):
# a flow report's list of stocks (folded)
_FLOW_AFTER = regex.compile(r"[ ]?获?(?:净买入|净卖出|净买|净卖|净流入|净流出|净增持|净减持)(?:额|金额)?(?:达|约|逾|超)?[ ]?[0-9][0-9,.]*[ ]?[万亿]*(?:股|元|港元|美元|港币)")
# a finance portal's live quote in brackets right after a listed name: price, change, change in per cent
# (中国电影(10.660, -0.21, -1.93%)市场: the portal links the name wherever it stands), after the
# share class letter of an A or B share's name (万科A(5.12, +0.10, +1.99%)) (folded)
_QUOTE_AFTER = regex.compile(r"(?i:[ab])?\([0-9]+(?:\.[0-9]+)?, ?[-+]?[0-9]+(?:\.[0-9]+)?, ?[-+]?[0-9]+(?:\.[0-9]+)?%\)")
# a maker's model in Latin letters and a vehicle word right after a name (本田Civic轎車, 豐田Vios房車, 寶馬X5休旅車):
# the name is the carmaker's brand (folded)
_MODEL_AFTER = compile_folded(r"[ ]?[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z0-9\-]+){0,2}[ ]?(?:轎車|汽車|房車|跑車|休旅車|電動車|貨車|羅里|摩托車|電單車)")
# 一輛白色豐田Hilux, 一輛標價1萬5000令吉的豐田Vios: a Latin model right after the make, in a clause that counts a
# vehicle (輛) before it, names the carmaker as the vehicle word after it does (folded)
_MODEL_BARE_AFTER = regex.compile(r"[ ]?[A-Za-z][A-Za-z0-9\-]*")
_VEHICLE_COUNT_BEFORE = compile_folded(r"輛[^，。,；;、\s]{0,15}$")
VEHICLE_COUNT_REACH = 16  # 輛 and up to fifteen characters of the same clause (白色, 標價某某令吉的) before the make
# a stock index named after a company, by its number of constituents, right after the name (標普|500指數,
# 標普 500成分股): the index, no company (folded)
_INDEX_NUMBER_AFTER = compile_folded(r"[ ]?[0-9]{2,4}(?:指數|成分|成份)")
# an index provider's name that opens the name of one of its indexes (明晟(MSCI)新興市場指數, MSCI中國指數, MSCI指數
# 權重): the index, no company; the provider named on its own (明晟宣布調整成分股) stays one
_INDEX_PROVIDERS = frozenset(("MSCI", "富時羅素", "標普全球"))  # canonical names, as the rows write them
# (only the words of an index's own name between: MSCI今天公布季度指數調整 names the company)
_PROVIDER_INDEX_AFTER = compile_folded(
    r"(?:[ ]?[(（][^()（）]{1,20}[)）]|[)）])?[ ]?(?:[A-Z]{2,5}[ ]?|新興市場|前沿市場|邊境市場|亞洲|亞太|中國|全球|環球|世界|明晟"
    r"|大馬|馬來西亞|台灣|臺灣|香港|新加坡|美國|歐洲|日本|股票|綜合|小型|中小型|中型|大型){0,3}指數")
# a list item's number that opens a line or a clause right before a name (2.某某工程公司宣布, 3.Acme集團):
# the list's numbering, no part of the name (folded; not a decimal: 3.5)
_ITEM_NUMBER = regex.compile(r"[0-9]{1,2}\.(?![0-9])")
_BRACKET_LATIN = regex.compile(r"[(（]\s*[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,5}\s*[)）]")
_LATIN_ALIAS_MIN = 3


def _counted_and_one(chunk: str) -> bool:
    """A count, its measure word and one character at most (五款新, 三款): no name before a suffix."""
    m = _COUNTED.match(chunk)
    return m is not None and len(chunk) - m.end() <= 1


def _own_latin_in_brackets(folded: str, pos: int, info: CompanyInfo) -> bool:
    """A bracket at ``pos`` that holds one of the company's own Latin names (美團 (Meituan))."""
    m = _BRACKET_LATIN.match(folded, pos)
    if m is None:
        return False
    inner = m.group()[1:-1].strip().casefold()
    return any(n.casefold() == inner for n in (info.canonical, *info.aliases))


# A copyright notice before a Latin legal name (Copyright © 2026 Acme Ltd.): the publisher of the page.
_COPYRIGHT_BEFORE = regex.compile(r"(?i:©|\(c\)|copyright)[ 0-9\-–,]*\Z")
_COPYRIGHT_REACH = 24
# ... or a rights notice right after the name (某某網絡科技股份有限公司 All Rights Reserved, 某某有限公司 版權所有)
# A rights notice anywhere on the line of a press group's name (a footer: Copyright(C) 1998-2024 site.com All
# Rights Reserved某某日報報業集團某某網 版權所有): the page's publisher, its masthead (a web firm's 技術支持 in the same
# footer is named with no press word and stays a company)
_RIGHTS_LINE = regex.compile(r"(?i:©|\(c\)|copyright|all rights reserved|" + fold("版權所有") + r")")
_PRESS_WORDS = tuple(fold(w) for w in ("報", "傳媒", "新聞", "廣電", "媒體", "出版"))


def _rights_line(text: str, folded: str, start: int, end: int) -> bool:
    if not any(w in folded[start:end] for w in _PRESS_WORDS):
        return False
    line_start = folded.rfind("\n", 0, start) + 1
    line_end = folded.find("\n", end)
    return _RIGHTS_LINE.search(folded, line_start, line_end if line_end >= 0 else len(folded)) is not None


_RIGHTS_AFTER = regex.compile(r"[ \t\u3000]{0,3}(?i:all rights reserved|" + fold("版權所有") + r")")
# A Latin name right after a kind of business and 公司 (市調公司Canalys, 金融服務公司Motley Fool):
# one to three capitalised words, the first with small letters (not CEO, AI, IPO).
# (or an abbreviation that opens a title-cased name: 營運公司RTS Operations; not a title: 公司CEO Tim Cook)
_LATIN_NAME_AFTER = regex.compile(r"(?:[A-Z][a-z][A-Za-z0-9&\-]*|(?!C[EFOTI]O )[A-Z]{2,5}(?= [A-Z][a-z]))"
                                  r"(?: [A-Z][A-Za-z0-9&\-]*){0,2}(?![A-Za-z0-9])")
# A Latin name right after a kind of firm with no 公司 (能源巨擘Engie, 營運商UK Power Networks): as above, or an
# abbreviation of two to five capitals that opens a title-cased name (UK Power Networks; not CEO, AI alone).
_LATIN_NAME_AFTER_KIND = regex.compile(
    r"(?:[A-Z][a-z][A-Za-z0-9&\-]*|[A-Z]{2,5}(?= [A-Z][a-z]))(?: [A-Z][A-Za-z0-9&\-]*){0,2}(?![A-Za-z0-9])")
# 某某企業管理合夥企業(下稱“某某”), 某某合夥企業(有限合夥)(下稱“某某”), 某某股份有限公司（以下簡稱「某某」）:
# the short name a filing or a report gives a company right after its full name (matched on folded text).
_SHORT_NAME = regex.compile(
    r"(?:\(有限合伙\))?\((?:以下简称为|以下简称|以下称|简称为|简称|下称)[:：]?\s?[“\"「『‘]([^”\"」』’()]{2,12})[”\"」』’]\)")
# A number or quantity and a measure word for firms (一家德國公司, 多家業者, 20個銀行, 三間酒店), or
# "the N big" (三大電信, 兩大科技), or "individual" (因個別公司認列: some one firm or other): a count, no name,
# at the start of a candidate or inside it.
_FIRM_COUNT = regex.compile(fold("(?:[0-9]+ *|[一二兩三四五六七八九十百千幾多數每整])[餘多]?[家間個所]|(?:[0-9]+|[二兩三四五六七八九十])大|[個各]別"))
# A count with no measure word right before a trade or the suffix, as headlines write it (晤20航空公司, 逾百銀行):
# no Latin letter or digit before the number (3M, A1 and 58同城 open names).
_BARE_FIRM_COUNT = regex.compile(fold(r"(?<![A-Za-z0-9])(?:[0-9]+|[十百千])[餘多]?(?=\p{Han}|$)"))
# A count of firms between 等 and the kind that closes a list (等8家企業, 等十餘家公司); folded with the pattern.
FIRM_COUNT_IN_CLOSING = r"(?:[0-9]+|[一二兩三四五六七八九十百幾多數]{1,3})[餘多]?[家間]"
# A date that opens the words before a suffix (2024年|公司實現營收, 2025年一季度|公司): a time, no name.
_DATE_START = regex.compile(fold(r"(?:[0-9]{2,4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[今去明本上前]年)(?:[一二三四1-4]季度|[上下]半年|度)?"))
# A period word ending the words before a suffix (第四季度|集團收入, 上半年|集團): a time, no name (folded).
_PERIOD_END = regex.compile(fold(r"(?:第?[一二三四1-4]季度?|[上下]半年|年度|全年)$"))
# 某某集團|控股股東: the controlling shareholder, not a holding company's name.
CONTROLLING_SHAREHOLDER = fold("股東")
HOLDING_SUFFIX = fold("控股")
CONTROLLED_AFTER = (CONTROLLING_SHAREHOLDER, fold("子公司"))  # 控股 as "controlling": 控股股東, 控股子公司
BOND = fold("債")  # 公司債, 公司債券: a corporate bond
TOTAL = fold("總")  # 總營收: the total of a frame's figure
INDEX_WORD = fold("指數")  # 股價指數 names an index, not a share price (寶島股價指數, 發行量加權股價指數)
COMPANY, BRANCH, GROUP = fold("公司"), fold("分公司"), fold("集團")
POSSESSIVE = fold("的")
AFTER_EVENT = fold("後")  # 轉增後|公司: a clause before a bare 公司
SUBSIDIARIES_AFTER = fold("旗下")  # 某某資本|旗下: an investor that owns firms is one
_ORDINAL = regex.compile(r"第[0-9一二三四五六七八九十]{1,3}")  # 科技|第三園區: an ordinal before the noun (folded)
WRITTEN_OUT_PLACE_ENDS = frozenset(fold("省市"))
# professional firms (partnerships in business) that a mainland province or city opens: 北京|某某|律師事務所,
# 廣東省|某某|會計師事務所; the name after the place is the firm's own
PROFESSIONAL_FIRMS = frozenset(fold(w) for w in ("律師事務所", "會計師事務所", "法律事務所", "稅務師事務所"))
LOCAL_GROUP_REST = 4  # a mainland place, then four characters or more (a trade and more) before 集團: a local state group
DATE_UNITS = frozenset(fold("年月日號"))  # 2025 年|新能源: a date written with a space before its unit
ASPECT_PARTICLES = frozenset(fold("了着著"))  # they end a verb, never a company's name
# 兼 joins two posts of one person (創辦人兼|集團董事經理, 主席兼|集團總裁): the group after it is the
# person's employer, and 兼 ends no name
CONCURRENT_POSTS = fold("兼")
TAKES_POST = fold("任")  # 任|某省某某集團: "took the post at", a biography's verb before a place that opens a name
# 應 (at the invitation of) before a firm whose invitation (邀) follows in the clause: 應某某集團之邀,
# 應某某公司董事長某某的邀請; the clause runs this far past the suffix at most
AT_INVITATION, INVITE, INVITE_REACH = fold("應"), fold("邀"), 30
HAS = fold("有")  # 還有|某省某某有限公司, 其中有|某市某某集團: the verb of a list before a place that opens a name
# ... nor does it open one after a post: 副市長兼|市城市基礎設施投資開發有限公司董事長 (a mainland official's second
# post at a city's state firm, whose registered name the page shortens to 市…): the name begins after 兼.
POST_LAST_CHARS = frozenset(fold("長記理任席事員監裁"))
# A level standing for "the city's, the county's own" before a firm (市聯通公司, 縣供電公司): no part of a name
OWN_LEVELS = frozenset(fold("市縣省區"))
# Verbs of a career step before the bare noun (某某出任|公司董秘, 加入|集團, 某某辭任|公司董事): "the company", no
# name ends in one.
POST_VERBS = tuple(fold(w) for w in ("出任", "擔任", "接任", "升任", "轉任", "調任", "加入", "離開", "任職", "返回", "回到",
                                     "辭任", "卸任", "辭去", "離任"))
DISPOSAL_BEFORE = frozenset(fold("把將"))  # 把|前海建設|好: the object of 把 or 將, then its verb
RESULT_AFTER = frozenset(fold("好成得做"))  # ... and the verb's result (建設好, 建設成, 建設得, 建設做好)
# The weak suffixes that are also verbs (在某地|建設|一座警局, 營造|一個環境), and a count of the thing built
# right after one: the verb and its object, no firm's name before it
VERB_SUFFIXES = frozenset(fold(w) for w in ("建設", "營造"))
_BUILT_COUNT_AFTER = regex.compile(fold("(?:[0-9]+|[一二兩三四五六七八九十幾多數])[座條棟幢個項所間處]"))
KIND_OF = fold("型")  # 平台型公司: what ends the words of a kind of firm
_DAY_OPENING = regex.compile(fold(r"[0-9]{1,2}月[0-9]{1,2}日"))  # a chunk that opens with a month's day (folded)
_DATE_OPENING = regex.compile(r"[0-9]+[日月年号]")  # a chunk that opens with a date (23日舉行集團; folded)
_COUNTED = regex.compile(fold("有?[0-9一二兩三四五六七八九十百千幾數多]+[艘輛架家間座棟台臺隻條件個張部款]"))  # 十艘, 兩家, 有三張: a numeral and a measure word
# Cantonese particles (咁, 嘅, 咗, 嘢, 啲) of quoted speech: a name read by its suffix holds none (咁嘅電子|遊戲)
CANTONESE_PARTICLES = frozenset(fold("咁嘅咗嘢啲"))
_ROAD_AFTER = regex.compile(fold("[一二三四五六七八九十東西南北]路"))  # a numbered or a side road: 中芯二路
# 與軟銀、火腿進行交流賽: a sponsor's short name, in a list or alone, before a kind of match is the team that
# plays it (a Japanese or Korean club the sports pages call by its owner's name), no company (folded)
_TEAM_MATCH_AFTER = compile_folded(r"(?:[、和與及跟]\p{Han}{1,3}){0,3}(?:進行|展開|舉行|的)?(?:交流賽|熱身賽|友誼賽|對抗賽|邀請賽|系列賽)")
# 業 after an industry word names the sector (香港航空|業, 台灣銀行|業界), not the firm (中華航空|業績, |業務 are its)
_SECTOR_AFTER = regex.compile(fold("業(?![績務])"))
_MARKET = fold("市場")  # 香港證券|市場: the trade's market in a place
# lines of business that follow the industry word in a mainland full name before 公司 (某地某某實業資產經營公司,
# 某地某某科技資產管理公司); folded
_FULL_NAME_LINES = tuple(fold(w) for w in ("資產經營", "資產管理"))
# An industry word, then 報 closing the clause or line: the paper named after the industry
# (來源:中國證券報), as the paper's own words after 報 are (company/not_after.txt); folded
_NEWSPAPER_CLOSED = regex.compile(fold("報") + r"(?:[\n),.。;、:!?]|$)")
# A suffix ending in 行 whose 行 opens 行政 (工商|行政管理局: 市工|商行 is no trading firm); folded
_ADMINISTRATION_AFTER = regex.compile(fold("政(?:管理|機關|部門|區|院|長官|處罰|許可)"))
CITY_INVESTMENT, INVESTMENT_END = fold("城投"), fold("資")  # 某某城投, and the 資 of 投資 after its 投
A_SHARE_CODE = regex.compile(r"(?:60|68|00|30)[0-9]{4}")  # Shanghai and Shenzhen A shares (601229, 000001, 300750)
# The risk-warning marker that opens an A share's short name (ST西發, *ST生物, S*ST某某): the name after it is
# a listed company's, though the lists (which keep names without the marker) may lack it. What the marker is
# also written before and that names no company: the ST shares and their board (ST股, ST板塊, ST類), the
# marker itself (ST標記, 摘帽), and the ST segment of an electrocardiogram (ST段抬高).
ST_MARKER = regex.compile(r"(?<![A-Za-z0-9*])(?:S\*ST|\*ST|SST|ST)(?=\p{Han})")
ST_NAME_MAX = 4  # Han characters of a short name after the marker
ST_NOT_NAMES = tuple(fold(w) for w in ("段", "股", "板塊", "類", "個股", "公司", "概念", "標記", "帽", "風險", "警示", "制度", "企業"))
# What stands before 公司 in a legal form (股份有限|公司, 有限|公司, (股)|公司), longest first.
LEGAL_FORM_HEADS = tuple(fold(w) for w in ("股份有限", "有限", "(股)"))
# A district or zone's name before an industry word (自貿區|建設, 園區|建設): the works there.
ZONE_END = fold("區")
# ... and the free-trade port (海南自貿港|建設, 自由貿易港建設): the port's development, no builder named after it
FREE_PORTS = (fold("自貿港"), fold("貿易港"))
# ... and a transit line before its works (捷運藍線|建設, 環狀線|工程): the line's construction, no builder named 藍線
LINE_END = fold("線")
LINE_WORKS = frozenset(fold(w) for w in ("建設", "工程"))
# ... and a trade before 新能源 (鋰電|新能源, 光伏|新能源): a field of business, no firm named 電新 before 能源
ENERGY = fold("能源")
NEW_HEAD = fold("新")
FORMER = "前"  # a title's prefix (前董事長): the person held it before
FUTURES = fold("期貨")
BANK = fold("銀行")
# a person named by age or role in the words before 銀行 (男子銀行戶頭, 死者銀行帳戶, 婦女到銀行): no bank's name (folded)
PERSON_BEFORE_BANK = tuple(fold(w) for w in (
    "男子", "女子", "婦女", "婦人", "男童", "女童", "老翁", "老婦", "少女", "事主", "死者", "受害人", "受害者",
    "嫌犯", "嫌疑人", "被告", "騙徒", "車主", "患者", "家屬"))
_AGE = regex.compile(r"\d+" + fold("歲"))  # 52歲 in a name's chunk: a person's age, no bank's name
# jieba's verbs that end a bank's own name (國家開發銀行, 某某振興銀行): the others before 銀行 make a clause
# (民眾湧入|銀行, 法院判處|銀行罰款, 央行降低|銀行存款準備率), no name
VERBS_IN_BANK_NAMES = frozenset(fold(w) for w in ("開發", "振興"))
# 商銀 (a Taiwanese commercial bank's short form) before 行 is 商 ending a name and 銀行 (上海農商|銀行, 蘇商|銀行)
COMMERCIAL_BANK, BANK_END = fold("商銀"), fold("行")  # (行 also ends a trading firm's suffix: 商行)
BANK_KINDS = frozenset(fold(w) for w in ("城商", "農商", "村鎮", "民營", "外資", "中資", "國有", "股份制"))
# What follows 區 in words that are no district (區域, 區塊, 區間).
NOT_DISTRICT_AFTER = frozenset(fold("域塊間隔別分"))
# The short words of a mainland city's state investment firms (某市國投, 某市城投): after a city's name they are
# that city's own firm, not the central one that goes by the bare word (國投 = SDIC)
_LOCAL_STATE_FIRMS = frozenset(fold(w) for w in ("國投", "城投", "交投", "國資", "國控", "建投", "金控"))
# A company's news service after its name is a medium (網易新聞, 騰訊新聞): ANNOTATION.md counts no
# news site named as a source or a medium; a press release or a spokesman is the company's own.
# and so is its finance channel (騰訊財經, 網易財經: the portal's desk named as a source)
NEWS_SERVICES = tuple(fold(w) for w in ("新聞", "財經"))
NEWS_NOT_SERVICE = frozenset(fold("稿發部處官組"))
_LATIN_WORDS_AFTER = regex.compile(r"(?: [A-Za-z]+)*")  # the rest of a Latin service's name (PChome| Online|新聞)
# A metro system's name before a line's (台中捷運|藍線, 北捷|信義線, 高捷|紅線): the line, a project, not the company.
_METRO_NAME_END = fold("捷")
_METRO_NAME_ENDS = (fold("捷運"), _METRO_NAME_END)
_LINE_AFTER = regex.compile(r"\p{Han}{1,3}" + fold("線"))
# An exchange's short name (港交所, 聯交所, 深交所) ends in a whole word: 所|指 after it is Hong Kong's
# verb of saying (港交所指，…, 聯交所指出), not the word 所指.
_EXCHANGE_END = fold("交所")
# A railway's name before 站 (九龍灣港鐵站, 高鐵站, 北捷車站): a station, a place, not the company.
_RAIL_NAME_ENDS = (*_METRO_NAME_ENDS, fold("鐵"))
_STATION_AFTER = regex.compile(fold("車?站"))
# ...and before a station's own name and 站 (港鐵東涌東站, 高鐵台中站); not a clause (港鐵今日在站內)
_NAMED_STATION_AFTER = regex.compile(
    r"(?:(?![" + fold("在於于今昨明將已的了及與和是為指稱說表示宣布回應各全每該本多所") + r"])\p{Han}){1,4}?"
    + fold("站") + r"(?![" + fold("出起立穩著着長") + "])")
LATIN_NAME_WORDS = 3  # how many more capitalised Latin words a legal form's name may reach back over
# The shape of a brand in brackets before 集團 (MonSpace, GENTING): a capital inside the word, or all
# capitals; not a plain word (Malaysia, Holdings), which a place or a kind of firm is as often.
_BRAND_SHAPE = regex.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{3,}")
# A Latin trade name (MYAirline, Zetax; not an acronym: IoT, AI) before an industry word and 公司.
_LATIN_TRADE_NAME = regex.compile(r"[A-Z]*[A-Z][a-z]{2,}(?:[A-Z][a-z]+)*")
# A Latin name in brackets between a Han name and its industry word or legal form: 滿星雲(MonSpace)集團
_TITLE_CASE_IN_BRACKETS = regex.compile(r"[(（]\s?[A-Z][a-z]{2,}(?: (?:[A-Z][a-z]+|&|of|and))*\s?[)）]")
_BRACKETED_LATIN_BEFORE = regex.compile(r"(?<=\p{Han})\(([A-Za-z][A-Za-z0-9 .&'\-]{2,38})\)$")
# A count of companies and the verb that lists them (3家私人有限公司是, 兩家公司分別為), the Latin
# names listed and what joins them (company.listed_latin)
_FIRMS_LISTED = compile_folded(r"[0-9一二兩三四五六七八九十]{1,3}[家間](?:私人)?(?:有限)?公司(?:分別)?(?:是|為|包括)\s?")
_LATIN_ITEM = regex.compile(r"[A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*){0,3}(?![A-Za-z0-9])")
_LATIN_ITEM_JOINER = compile_folded(r"\s?(?:、|以及|及|和|與)\s?")
# A parent, subsidiary or platform named right after the word (母公司DoorDash, 外賣平台Deliveroo, 德國母公司
# Delivery Hero): a Latin name in mixed case (not an acronym or a title: 母公司CEO) of five letters or more
# (but a news or media platform's Latin name is a publication, no firm: 新聞平台|Culpium; ANNOTATION.md)
_RELATED_FIRM = compile_folded(r"(?:母公司|子公司|(?<!新聞|媒體)平台)\s?(?=[A-Z][A-Za-z]*[a-z])")
RELATED_FIRM_MIN = 5
# A stake in a Latin-named firm (Novus Mediacorp的51%股權, Constellation Agency的100%的股權): the words
# after the per cent sign, the 的 before the number, and the capitalised words before it (folded)
_STAKE_WORDS = tuple(fold(w) for w in ("股權", "股份", "的股權", "的股份"))
OF = fold("的")
# the Latin words that end only a holding company's name (Food Empire Holdings, AEM Holdings)
_HOLDING_WORDS = ("Holdings", "HOLDINGS")
STAKE_NAME_REACH = 48
_LATIN_NAME_BEFORE = regex.compile(r"(?<![A-Za-z0-9&.\-])[A-Z][A-Za-z0-9&\-]*(?: [A-Z][A-Za-z0-9&\-]*){0,3}\Z")
_LATIN_WORD_BEFORE = regex.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&'\-]*$")
# Every Latin legal form has one of these letters pairs: a cheap test before the regex.
# one capitalised Latin word, and one right before it with a space between (Alexandra |Vale)
# A listed Latin name that runs on into a longer one, capitalised words that end in a kind of firm
# (Samsung| Heavy Industries, Evergreen| Shipping Agency, Cathay| Life Insurance; not Foo| Shipping Lines, whose
# kind word another word follows, but a legal form may: Samsung Heavy Industries Co., Ltd.): another company, a
# subsidiary named as a company of its own (ANNOTATION.md), not the listed parent. (Words that a parent's own
# Latin name ends in are left out: Yang Ming Marine, EVA Airways, Hon Hai Precision Industry, Nissan Motor.)
_LATIN_SUBSIDIARY_AFTER = regex.compile(
    r"(?: [A-Z][A-Za-z&\-]*){0,2} (?:Industries|Shipping|Agency|Logistics|Engineering|Shipbuilding|Construction"
    r"|Steel|Chemicals?|Securities|Insurance|Leasing|Energy|Solutions|Properties|Development)(?![A-Za-z0-9&\-])"
    r"(?! (?!(?:Co|Corp|Corporation|Inc|Ltd|Limited|Pte|Sdn|GmbH|LLC|PLC|Plc|S\.A)\b)[A-Z])")
# A region in brackets after a listed Latin name that 子公司 or 旗下 opens (子公司Evergreen Marine|(Asia)):
# the subsidiary registered there (a branch named so elsewhere is the company itself: ANNOTATION.md).
_LATIN_REGION_BRACKET = regex.compile(
    r" ?[(（](?:Asia|Asia Pacific|Europe|America|Americas|Taiwan|Singapore|Hong Kong|China|Japan|Korea|India"
    r"|Malaysia|Thailand|Vietnam|Indonesia|Philippines|Australia|USA|UK|Netherlands|Germany)[)）]")
SUBSIDIARY_BEFORE = tuple(fold(w) for w in ("子公司", "旗下"))
_TITLE_WORD = regex.compile(r"[A-Z][a-z]+")
_TITLE_WORD_BEFORE = regex.compile(r"(?<![A-Za-z0-9])[A-Z][a-z]+ \Z")
TITLE_WORD_REACH = 40  # the longest Latin word looked back over (a bounded search on a long line)
_LEGAL_HINT = regex.compile(r"(?i)(?:co\.|ltd|inc|corp|limited|bhd|berhad|gmbh|plc|llc|l\.l\.c|s\.a\.|s\.p\.a|n\.v\.|b\.v\.|k\.k\.|\bag\b|pty)")


# how many characters one reading of a name by its suffix may differ from another at its head
# (根據樟宜|機場集團, 同|樟宜機場集團) for the page's other reading to stand for both
AGREED_HEAD = 2


def _latin_trade_led(chunk: str, common: frozenset[str]) -> bool:
    """A Latin trade name, then one everyday word of its trade (no verb), the whole chunk before
    公司 (子公司Leaptec工程|公司, Zenith建築|公司): the Malaysian press's way of naming a subsidiary."""
    opening = _LATIN_TRADE_NAME.match(chunk)
    word = chunk[opening.end():] if opening is not None else ""
    return len(word) == 2 and word in common and word not in _function_words()[2]  # (Leaptec表示|公司: a verb)


def _agreed_suffix_names(folded: str, found: list) -> list:
    """The names read by their suffix, each made to agree with the page's others: where two
    readings differ only by one or two characters at the head that the text has at this place
    (講解林|木生集團 and 林木生集團; 同|樟宜機場集團 and 樟宜機場集團), the one the page reads more
    often where a boundary opens it (a stop, punctuation, the text's start), then more often at
    all, stands for both: the suffix rule's left edge errs where no boundary tells it."""
    if len(found) < 2:
        return found
    weight: dict[str, list[int]] = {}
    for s, e, *_ in found:
        w = weight.setdefault(folded[s:e], [0, 0])
        w[0] += s == 0 or folded[s - 1] in STOP_CHARS or not is_han(folded[s - 1])
        w[1] += 1
    if len(weight) < 2:
        return found
    readings = {folded[s:e]: (n, i) for s, e, n, i, _ in found}
    agreed = []
    for start, end, name, info, strength in found:
        mine = folded[start:end]
        best = mine
        for other, score in weight.items():
            head = len(other) - len(mine)
            if score <= weight[best] or not 0 < abs(head) <= AGREED_HEAD:
                continue
            if head > 0 and other.endswith(mine) and folded[start - head:start] == other[:head] \
                    or head < 0 and mine.endswith(other):
                best = other
        if best != mine:
            start = end - len(best)
            name, info = readings[best]
        agreed.append((start, end, name, info, strength))
    return agreed


@functools.cache
def _foreign_prefix_before() -> regex.Pattern:
    """A foreign company's prefix (``company/prefixes.txt``: 美商, 英商 …) and the characters
    after it up to the match's end (美商|艾爾光|科技): the name it opens."""
    prefixes = [fold(w) for w in load_list("company/prefixes.txt") if fold(w) not in HOME_PREFIXES]
    return regex.compile(f"(?:{alternation(prefixes)})(?P<name>\\p{{Han}}{{2,{NAME_LIMITS['legal']}}})\\Z")


@functools.cache
def _foreign_countries() -> tuple[str, ...]:
    """Folded names of the countries outside Taiwan, the mainland, Hong Kong and Macau, longest first
    (``common/countries.tsv``): before a registered name they say where the firm is, as 美商 does."""
    names = set()
    for row in load_table("common/countries.tsv"):
        if row["code"] not in ("TW", "CN", "HK", "MO"):
            names.update(fold(n) for n in (row["name"], row.get("name_cn", ""), *split_cell(row.get("aliases", ""))) if n)
    return tuple(sorted(names, key=len, reverse=True))


def _country_before(folded: str, start: int) -> tuple[int, str] | None:
    """The length and code of the country named right before ``start`` (巴林|國家能源公司), or None."""
    codes = nations()
    return next(((n, codes[folded[start - n:start]]) for n in (5, 4, 3, 2) if folded[start - n:start] in codes), None)


@functools.cache
def _name_places() -> frozenset[str]:
    """Places that begin a full company name (深圳市|大疆創新科技, 江蘇|恆潤光電科技):
    the place names of at least two characters."""
    return frozenset(n for n in _place_names() if len(n) >= 2)


@functools.cache
def _tw_everyday_words() -> frozenset[str]:
    """Everyday verbs of Taiwanese business news that jieba lacks (tw_everyday_words.txt), folded."""
    return frozenset(fold(w) for w in load_list("company/tw_everyday_words.txt"))


@functools.cache
def _everyday_words() -> frozenset[str]:
    # jieba's (folded already) and the Taiwanese business verbs it lacks (挹注, 認列)
    return everyday_words() | _tw_everyday_words()


@functools.cache
def _product_words() -> tuple[str, ...]:
    """Product names after a company's Latin name (Microsoft Edge): ``company/product_words.txt``."""
    return tuple(" " + word for word in load_list("company/product_words.txt"))


@functools.cache
def _currency_words() -> frozenset[str]:
    """Currency names (新台幣, 美元) of ``money/currencies.tsv``: a name whose last
    character begins one (營收達|新台幣) is inside it."""
    return frozenset(fold(r["surface"]) for r in load_table("money/currencies.tsv") if r["kind"] == "name")


@functools.cache
def _function_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """jieba's function words (folded): those no name begins with, adverbs, which
    no name has anywhere, and verbs, which begin no name that a weak rule finds; the
    words before a name of ``company/name_leads.txt`` (旗下, 增購, 股東) join the first."""
    words: dict[str, set[str]] = {"start": set(), "inside": set(), "verb": set()}
    for row in load_table("company/function_words.tsv"):
        words[row["where"]].add(fold(row["word"]))
    words["start"].update(_name_leads())  # 旗下, 增購, 股東: the same role
    return frozenset(words["start"]), frozenset(words["inside"]), frozenset(words["verb"])


@functools.cache
def _kinds() -> tuple[str, ...]:
    """Words that end a description of a kind of company (上市|公司, 陸資|企業): ``company/kinds.txt``."""
    return tuple(sorted((fold(w) for w in load_list("company/kinds.txt")), key=len, reverse=True))


# Prefixes for the businesses of Taiwan, the mainland, Hong Kong or abroad at large (台商回流): a name
# after one is a company only when a list has it or its Latin name follows in brackets.
HOME_PREFIXES = frozenset(fold(w) for w in ("台商", "臺商", "陸商", "港商", "外商"))
# 子公司, 母公司, 分公司, 總公司: a company's subsidiary, parent, branch or head office, not its name;
# 本公司, 該公司, 貴公司, 此公司, 非公司: "this company", "your company", "no company" (公告本公司擬…,
# 經本公司董事會, 且非公司之關係人: the wording of filings), not its name either; nor 某某系公司 (a filing's
# copula: 國元資本系公司全資子公司, "is the Company's"; 關係公司, an affiliate) or 跨公司 (across companies).
RELATIVE_BEFORE_COMPANY = frozenset(fold("子母孫分總本該貴此非系跨"))
# 本集團, 該集團, 此集團: "this group" (將有助鞏固本集團的優勢), unless the character makes a word with the one
# before it (資本集團, 日本集團: a name's word)
SELF_BEFORE_GROUP = frozenset(fold("本該此"))
# The units of a reporting period that open a frame's word (月營收, 年營收, 季財報): no name ends in one there
PERIOD_UNIT_CHARS = frozenset(fold("月年季"))
# A negation right before a name read by its suffix (亦不|影響集團的現金流): a verb and its object follow, no name.
NEGATIONS = frozenset(fold("不未沒"))


# The companies of these markets may be named after a mainland place (浙江|某某集團 is theirs); a
# foreign company's name after one is a local group's (浙江|超威集團 is no AMD).
HOME_MARKETS = frozenset(("CN", "HK", "MO"))


@functools.cache
def _provinces() -> frozenset[str]:
    """The mainland's provinces and Malaysia's states that open registered names (``company/name_places.txt``)."""
    return frozenset(fold(n) for n in load_list("company/name_places.txt"))


def _home_place_length(words: str) -> int:
    """The length of the mainland province or city that opens ``words`` (浙江|機場, 太原|軌道交通), or 0."""
    province = next((n for n in (4, 3, 2) if words[:n] in _provinces()), 0)
    city = max((e for s, e, (info,) in city_gazetteer()[0].matches(words[:6]) if s == 0 and info.country == "CN"), default=0)
    return max(province, city)


def _clause_between(words: str) -> bool:
    """Whether ``words`` (folded), between a firm's name and a fund's or foundation's word after it, are a
    clause rather than the rest of a name: a function character (的, 將), a time word (今年), or a verb or
    function word of jieba's (發行, 推出, 旗下) in them (環保永續, 慈善, 文教 are a foundation's own words)."""
    if any(ch in STOP_CHARS for ch in words) or any(w in words for w in _time_words()):
        return True
    start, _, verbs = _function_words()
    return any(words[i:i + n] in verbs or words[i:i + n] in start
               for n in (2, 3, 4) for i in range(len(words) - n + 1))


@functools.cache
def _name_leads() -> tuple[str, ...]:
    """Words before a company's name and no part of it (第一大股東|某某合夥企業, 項目|某某有限公司,
    旗下|某某集團, 增購|某某國際): ``company/name_leads.txt``, and the leads of a list of investors
    (投資方包括|某某資本: ``company/investor_leads.txt``)."""
    words = load_list("company/name_leads.txt") + load_list("company/investor_leads.txt")
    return tuple(sorted({fold(w) for w in words}, key=len, reverse=True))


def _after_name_lead(folded: str, start: int, stop: int) -> int:
    """Where a name between ``start`` and ``stop`` begins after the rightmost relation noun
    (which may reach left of ``start``, where the scan ran out of room: 關聯|方某某); ``start``
    if none, or if nothing of two characters would be left."""
    low = max(0, start - 3)
    best = start
    for lead in _name_leads():
        index = folded.rfind(lead, low, stop)
        if index != -1 and best < index + len(lead) <= stop - 2:
            best = index + len(lead)
    return best


@functools.cache
def _investor_verbs() -> regex.Pattern:
    """``company/investor_verbs.txt``: the verbs of a funding round after an investor (領投, 跟投)."""
    return regex.compile("|".join(map(regex.escape, (fold(w) for w in load_list("company/investor_verbs.txt")))))


@functools.cache
def _investor_leads() -> regex.Pattern:
    """``company/investor_leads.txt``: the words that open a list of a funding round's investors (投資方包括)."""
    return regex.compile("|".join(map(regex.escape, (fold(w) for w in load_list("company/investor_leads.txt")))))


def _listed_investor(folded: str, end: int) -> bool:
    """The name before a suffix that ends at ``end`` is an item of a list of investors that one of
    ``_investor_leads`` opens in its clause (投資方包括某某資本、|某某資本等機構): the lead ends at least a
    two-character name and the suffix's two characters before ``end``."""
    lead = None
    for lead in _investor_leads().finditer(folded, max(0, end - INVESTOR_REACH), end):
        pass
    return lead is not None and lead.end() <= end - 4 and CLAUSE_END.search(folded, lead.end(), end) is None


def _invests(folded: str, end: int) -> bool:
    """A verb of a funding round follows ``end`` in its clause: 某某資本|領投, 某某資本|、某某資本等機構聯合投資."""
    clause = CLAUSE_END.search(folded, end, end + INVESTOR_REACH)
    return _investor_verbs().search(folded, end, clause.start() if clause else end + INVESTOR_REACH) is not None


@functools.cache
def _share_class() -> regex.Pattern:
    """An HKEX marker after a stock's short name (快手 -W, 美團-W): ``company/share_classes.txt``."""
    return regex.compile(rf"[ ]?-{alternation(load_list('company/share_classes.txt'))}(?![A-Za-z0-9])")


def _after_share_class(folded: str, end: int) -> int:
    """Where a name's confirming words begin: after its share-class marker, if any."""
    match = _share_class().match(folded, end) if folded[end:end + 2].strip()[:1] == "-" else None
    return match.end() if match is not None else end


@functools.cache
def _move_after() -> regex.Pattern:
    """A share's move with its percentage right after a name (快手升逾7%, 九毛九分別升逾9%):
    ``company/price_moves.tsv``."""
    words: dict[str, list[str]] = {}
    for row in load_table("company/price_moves.tsv"):
        words.setdefault(row["kind"], []).append(row["word"])
    return compile_folded(f"{alternation(words['lead'])}?{alternation(words['verb'])}"
                          f"{alternation(words['amount'])}?[ ]?[0-9][0-9.]*[ ]?%")


@functools.cache
def _not_after() -> frozenset[str]:
    """Nouns that an industry word modifies (科技園區, 科技計畫): a candidate right
    before one is that phrase, not a company."""
    return frozenset(fold(w) for w in load_list("company/not_after.txt"))


@functools.cache
def _body_heads() -> tuple[str, ...]:
    """Last words of bodies' names (委員會, 協會, 總署; ``company/body_heads.txt``): a Latin
    abbreviation in brackets right after one is the body's, not a company's."""
    return tuple(fold(w) for w in load_list("company/body_heads.txt"))


def _abbreviates_body(folded: str, start: int) -> bool:
    """True when the name at ``start`` opens a bracket right after a body's name (海洋管理委員會(MSC))."""
    return start >= 1 and folded[start - 1] in "(（" and folded.endswith(_body_heads(), 0, start - 1)


@functools.cache
def _latin_legal() -> regex.Pattern:
    """A Latin name (capitalised words, connectors between them) and a legal form; a place in
    brackets before the form is part of the name (Acme Property (Melaka) Sdn Bhd, Acme (M) Sdn Bhd)."""
    forms = sorted(load_list("company/latin_legal_forms.txt"), key=len, reverse=True)
    form_pattern = "|".join(
        regex.escape(f).replace(r"\ ", r"\s*").replace(",", ",?") for f in forms
    )
    word = r"(?:[A-Z0-9][A-Za-z0-9&'\-]*|[a-z]+[A-Z][A-Za-z0-9&\-]*)"
    connector = "(?:" + "|".join(regex.escape(c) for c in LATIN_CONNECTORS) + ")"
    return regex.compile(
        rf"(?<![A-Za-z0-9&'\-.])(?P<name>{word}(?: (?:{connector} )?{word}){{0,7}}?(?:\s*\({word}(?: {word}){{0,2}}\))?)"
        rf",?\s+(?P<form>(?i:{form_pattern}))(?![A-Za-z0-9])"
    )


@functools.cache
def _ticker() -> regex.Pattern:
    """A ticker in brackets: (NASDAQ:AAPL), (2330.TW), （00700）, (2330), (6669-KY), (2330-TW), the Hong Kong
    press's three digits (016), (700); and the
    Malaysian press's Bursa form, stock name, code and board: (MRCB,1651,主板產業股), (TM,4863). A portal's
    link words may stand between the name and its code, with the share class (某某(資訊 行情 論壇)A(000001)),
    and a firm with A and B shares gives both codes (某某(600001、900901))."""
    exchanges = "|".join(regex.escape(x) for x in load_list("company/exchanges.txt"))
    return regex.compile(
        rf"(?:[(（]资讯 行情 论坛[)）][AB]?)?"  # folded text
        rf"[(（]\s*(?:(?:{exchanges})\s*[:：]\s*(?P<symbol>[A-Z][A-Z.]{{0,5}}|\d{{3,6}})"
        rf"|(?P<code>\d{{3,6}})(?:\.(?:TW|TWO|HK|SS|SZ|SH|KL|SI|T)|-(?:KY|TW|TWO)|、\d{{6}})?"
        rf"|(?P<bursa>[A-Z][A-Z0-9&.\-]{{0,11}})\s*[,，]\s*\d{{4}}[A-Z]{{0,2}}"
        rf"(?:\s*[,，]\s*(?P<board>[^()（）,，\n]{{1,16}}))?)\s*[)）]"
    )


_LATIN_WORD_CHAR = regex.compile(r"[A-Za-z0-9&.\-]")  # a character a Latin stock name runs on through
# A Latin word and a few Han characters that end right before a Bursa ticker (MYEG服務(MYEG,0138,...))
_LATIN_LED_NAME = regex.compile(r"(?<![A-Za-z0-9&.])[A-Za-z][A-Za-z0-9&]{1,9}(?P<han>\p{Han}{1,4})\Z")


def _other_listing(folded: str, end: int, info: CompanyInfo) -> bool:
    """A Bursa ticker right after ``end`` whose stock name is none of ``info``'s names."""
    if folded[end:end + 1] not in ("(", "（"):
        return False
    match = _ticker().match(folded, end)
    stock = match.group("bursa") if match is not None else None
    return stock is not None and stock.casefold() not in {n.casefold() for n in (info.canonical, *info.aliases)}


ITEM_BRACKET_REACH = 16  # how long a ranking item's bracket may be: (1960.2億元), (600438.SH)
# ... with no bracket or clause end inside it
_ITEM_BRACKET = r"[(（][^()（）,，;；。、\n]{0,%d}[)）]" % (ITEM_BRACKET_REACH - 2)
_ITEM_BRACKET_BEFORE = regex.compile(_ITEM_BRACKET + r"\Z")
_ITEM_BRACKET_AT = regex.compile(_ITEM_BRACKET)


def _item_bracket_before(folded: str, stop: int) -> int | None:
    """Where a ranking item's bracket (a figure or ticker) that closes right before ``stop`` opens, else None."""
    m = _ITEM_BRACKET_BEFORE.search(folded, max(0, stop - ITEM_BRACKET_REACH), stop)
    return m.start() if m else None


def _item_bracket_after(folded: str, start: int) -> int | None:
    """Where a ranking item's bracket that opens at ``start`` closes (the index after it), else None."""
    m = _ITEM_BRACKET_AT.match(folded, start)
    return m.end() if m else None


def reads_as_phrase(chunk: str, weak: bool = False) -> bool:
    """True when a (folded) candidate begins with a function word, a count of firms
    (一家, 兩家, 多家), or (``weak``: a candidate of a rule with little evidence) a
    verb (提高公司), or holds an adverb."""
    if not chunk:
        return False
    if chunk[0] in PHRASE_START_CHARS and not _home_place_length(chunk) or _FIRM_COUNT.match(chunk):
        return True  # (but a mainland city opens a name whose first character is an adverb elsewhere: 太原, 都勻)
    start, inside, verbs = _function_words()
    if chunk[:2] in start or chunk[:3] in start or chunk[:4] in start:
        return True
    if weak and (chunk[:2] in verbs or chunk[:3] in verbs or chunk[:4] in verbs):
        return True
    if len(chunk) > 2 and chunk[0] in PREPOSITION_END_CHARS and (chunk[1:3] in verbs or chunk[1:4] in verbs):
        return True  # 以|具有|證券…資格: a preposition, then a verb, opens a clause, no name
    # (a place that opens the name is followed by its trade name, whose first character may be one
    # of these elsewhere: 湖南|越某能源, 浙江|更某科技)
    placed = _home_place_length(chunk) if not PHRASE_INSIDE_CHARS.isdisjoint(chunk[1:]) else 0
    placed = placed if len(chunk) - placed >= PLACED_TRADE_NAME else 0  # (湖南很好|公司 is a clause)
    if not PHRASE_INSIDE_CHARS.isdisjoint(chunk[1:placed] + chunk[placed + 1:] if placed else chunk[1:]):
        return True
    if any(word in chunk for word in _time_words()):
        return True  # 香港今年有新|銀行: a clause that holds a time word
    firsts = _inside_first_chars()
    for i, ch in enumerate(chunk):
        if ch in firsts and (chunk[i:i + 2] in inside or chunk[i:i + 3] in inside or chunk[i:i + 4] in inside):
            return True
    return False


def _ends_in_verb(folded: str, start: int, end: int) -> bool:
    """The words ``folded[start:end]`` end with a verb (jieba's, company/function_words.tsv): 透過擔任|."""
    verbs = _function_words()[2]
    return any(folded[end - n:end] in verbs for n in (2, 3, 4) if end - n >= start)


def _two_everyday_words(chunk: str) -> bool:
    """A four-character candidate that is two everyday words (指控|掏空): a clause, no name (the caller
    keeps one whose second word is an industry word: 東方|精密)."""
    common, everyday = common_words(), _everyday_words()
    return len(chunk) == 4 and all(word in common or word in everyday for word in (chunk[:2], chunk[2:]))


@functools.cache
def _time_words() -> tuple[str, ...]:
    """company/time_words.txt: relative time words that no name holds (今年, 去年)."""
    return tuple(fold(w) for w in load_list("company/time_words.txt"))


@functools.cache
def _inside_first_chars() -> frozenset[str]:
    return frozenset(w[0] for w in _function_words()[1])


@functools.cache
def _latin_trade_words() -> frozenset[str]:
    """company/latin_trade_words.txt: words of trade that end a firm's Latin name (Beverage, Holdings)."""
    return frozenset(w.casefold() for w in load_list("company/latin_trade_words.txt"))


# A bracket of capitalised Latin words, the last one apart (泰國釀酒(Thai Beverage)); no small connector word
# (Food and Beverage) (folded)
_TRADE_IN_BRACKETS = regex.compile(r"\(((?:[A-Z][A-Za-z0-9&.'\-]* ){0,4}([A-Z][A-Za-z]+))\)")


# How many spaces a Latin name before its legal form holds before it may be several names run together,
# and the words that end a trust's name (Prime US Reit) inside such a run
RUN_ON_WORDS = 3
_TRUST_WORD = regex.compile(r"(?<= )(?i:reit|trust)(?= )(?!.* (?i:reit|trust) )")


def _run_on_cut(name: str, known: Gazetteer, opening: bool = False) -> int:
    """Where the last of several Latin names that a market list runs together with no comma begins in
    ``name`` (Yangzijiang Shipbuilding UOL City Developments Venture Corporation): after a known firm's name
    inside the run (not opening it: Hon Hai Precision Industry Co., Ltd. is one name) or a trust's (Prime US
    Reit), less one (the space); 0 where nothing ends an item. ``opening``: a known name that opens the
    run ends an item too (Seatrium AEM Holdings, where no legal form makes the run one registered name)."""
    cut = max((he for hs, he, _ in known.matches(fold(name))
               if (0 < hs and name[hs - 1] == " " or opening and hs == 0)
               and he < len(name) and name[he] == " "), default=0)
    trust = _TRUST_WORD.search(name)
    return max(cut, trust.end() if trust is not None else 0)


def _after_item_number(folded: str, start: int) -> bool:
    """A list item's number (2.) that opens a line or follows a stop ends right before ``start``."""
    if folded[start - 1:start] != "." or not folded[start - 2:start - 1].isdigit():
        return False
    opening = start - 2 - (folded[start - 3:start - 2].isdigit())
    return (opening == 0 or folded[opening - 1] in STOP_CHARS) and _ITEM_NUMBER.match(folded, opening) is not None


def _latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


BANK_TRADES = tuple(fold(w) for w in ("銀行", "商銀"))


def _bank_arm(info: CompanyInfo, rest: str) -> bool:
    """``rest``, the words between a bank's name and a legal form, name a trade of another kind (中銀|金融租賃,
    某銀|理財): the bank's subsidiary; not a bank's own longer name (渣打|國際商業銀行)."""
    return (bool(rest) and fold(info.canonical).endswith(BANK) and all(map(is_han, rest))
            and not rest.endswith(BANK_TRADES))


BROKER = fold("證券")


def _broker_arm(info: CompanyInfo, rest: str) -> bool:
    """``rest``, the words between a listed name and a legal form, name a broker's arm: words after a broker's
    name (招商證券|資產管理, 某某證券|投資) or 證券 and a further trade after a group's (申萬宏源|證券承銷保薦):
    a subsidiary registered in its own name; not the broker's own registered name (國泰君安|證券)."""
    if not rest or not all(map(is_han, rest)):
        return False
    return fold(info.canonical).endswith(BROKER) or rest.startswith(BROKER) and len(rest) > len(BROKER)


def phrase_end(chunk: str) -> int:
    """Where the name may begin after the function words at the left of a long
    candidate (又一家新成員某某電子材料 -> after 又一家): the end of the rightmost
    function word, or 0."""
    start, inside, verbs = _function_words()
    end = 0
    for i in range(len(chunk) - 2):
        if chunk[i] in PHRASE_START_CHARS and i + 1 > end and not (
                i and chunk[i - 1:i + 1] in common_words() or chunk[i:i + 2] in common_words()
                or _home_place_length(chunk[i:])):
            end = i + 1  # 地 after 天 ends the word 天地, and 地 before 質 begins 地質: no adverb (nor 都 of 都江堰)
        for n in (4, 3, 2):
            word = chunk[i:i + n]
            if len(word) == n and i + n < len(chunk) - 1 and (word in start or word in inside or word in verbs) \
                    and not (n == 2 and chunk[i:i + 3] in common_words()):
                end = max(end, i + n)  # (進出|口 is no verb: 進出口 is the longer word)
    return end


@functools.cache
def _bracket_qualifiers() -> frozenset[str]:
    """Everyday words a registered name puts in brackets before its legal form (某某(國際)有限公司;
    ``company/bracket_qualifiers.txt``)."""
    return frozenset(fold(w) for w in load_list("company/bracket_qualifiers.txt"))


def _place_in_brackets(folded: str, end: int, registered: bool = False) -> int | None:
    """The opening bracket of a place's name or of 集團 in brackets that ends at ``end``
    ((天津), （揚州）, 某某軸承(集團)股份有限公司), or None. ``registered``: the bracket stands
    right before a legal form, where a registered name puts its county or district, whatever
    it is (某某輪轂(盱眙)有限公司): any two to four Han characters that make no common word, or a
    word of ``company/bracket_qualifiers.txt`` (某某(國際)有限公司)."""
    for length in (2, 3, 4):
        opening = end - length - 2
        if opening >= 0 and folded[opening] in "(（" and folded[end - 1] in ")）":
            inside = folded[opening + 1:end - 1]
            if inside in _name_places() or inside == GROUP or registered and all(map(is_han, inside)) \
                    and (inside not in common_words() or inside in _bracket_qualifiers()):
                return opening
    return None


def _bracket_place_end(folded: str, end: int) -> int:
    """Where a listed name ends that a place in brackets follows (萬科控股(香港), 騰訊(深圳)): the
    place is its registered name's, and names no city; else ``end``."""
    if folded[end:end + 1] not in "(（":
        return end
    for length in (2, 3, 4):
        if end + length + 2 <= len(folded) and _place_in_brackets(folded, end + length + 2) == end:
            return end + length + 2
    return end


def _places_only(words: str) -> bool:
    """True when ``words`` are one or more places' names and nothing else (福建廈門, 江蘇)."""
    places = _name_places()
    i = 0
    while i < len(words):
        n = next((n for n in (4, 3, 2) if words[i:i + n] in places), 0)
        if not n:
            return False
        i += n
    return bool(words)


def _province_before_foreign(folded: str, start: int, end: int, form) -> bool:
    """A mainland province's short name right before a foreign firm's two-character Chinese name (江蘇|威騰,
    the Taiwanese name of Western Digital): the province's own firm of the same name, not the foreign one."""
    return (end - start <= 2 and not form.latin and form.info.country not in (None, "CN", "TW", "HK")
            and any(folded[start - n:start] in mainland_provinces() for n in (2, 3)))


WRITTEN_OUT_PLACE_REACH = 5  # the longest place written out with 省 or 市 (黑龍江省, 呼和浩特市)
# what makes a word with the 省 or 市 of a place written out (江蘇省內, 省屬, 市委, 市政): no name opens there
PLACE_WORD_OPENERS = frozenset(fold("內外級屬委會政直轄域民場"))


def _written_out_place_start(folded: str, lo: int, hi: int, stop: int) -> int | None:
    """Where a province or city written out with its 省 or 市 (四川省, 廣州市) begins between ``lo`` and
    ``hi``, with at least two characters after it before ``stop``; the leftmost, or None."""
    places = _name_places()
    for q in range(lo, hi + 1):
        for n in (5, 4, 3):
            if q + n <= stop - 2 and folded[q + n - 1] in WRITTEN_OUT_PLACE_ENDS and folded[q:q + n] in places \
                    and folded[q + n] not in PLACE_WORD_OPENERS:
                return q
    return None


def _opens_with_written_out_place(words: str) -> bool:
    """``words`` open with a province or city written out with its 省 or 市 (廣東省, 深圳市), as a
    registered name opens, and go on."""
    places = _name_places()
    return any(len(words) > n and words[n - 1] in WRITTEN_OUT_PLACE_ENDS and words[:n] in places
               for n in (3, 4))


@functools.cache
def _futures_underlyings() -> tuple[str, ...]:
    """company/futures_underlyings.txt: what a contract's name ends in before 期貨 (台指, 原油)."""
    return tuple(fold(w) for w in load_list("company/futures_underlyings.txt"))


@functools.cache
def _folded_corporate_titles() -> tuple[str, ...]:
    return tuple(fold(t) for t in corporate_titles())


@functools.cache
def _trades() -> frozenset[str]:
    """company/trades.txt: trades that are no name alone before 公司 or 集團 (自動駕駛, 電商平台)."""
    return frozenset(fold(w) for w in load_list("company/trades.txt"))


# The page regions (money/regions.tsv) whose news means by a short name shared across regions the
# company of these countries: 國泰 is Cathay Pacific in Hong Kong and Macau, Cathay Financial in Taiwan.
_REGION_COUNTRIES = {"HK": ("HK", "MO"), "MO": ("MO", "HK"), "TW": ("TW",), "CN": ("CN",)}


def _shared_name_form(doc: Document, forms: tuple[Form, ...], named: frozenset[str] | set[str]) -> Form:
    """Of the companies that one name is listed for (companies_extra.tsv rows sharing a ~name), the one
    the page names in full elsewhere (國泰航空…國泰), else the one of the page's region; else the first listed."""
    in_full = next((f for f in forms if f.info.canonical in named), None)
    if in_full is not None:
        return in_full
    countries = _REGION_COUNTRIES.get(page_region(doc).name, ())
    return next((f for country in countries for f in forms if f.info.country == country), forms[0])


def _industry_words_only(words: str, suffixes: dict[str, str]) -> bool:
    """True when ``words`` hold nothing but industry words, and places or 集團 in brackets
    (精密工業, 電子(南京), (集團)): what may follow a listed name in its own registered name."""
    i = 0
    while i < len(words):
        if words[i] in "(（":
            close = next((j for j in range(i + 3, min(len(words), i + 6)) if words[j] in ")）"), None)
            if close is None or words[i + 1:close] not in _name_places() and words[i + 1:close] != GROUP:
                return False
            i = close + 1
            continue
        n = next((n for n in (5, 4, 3, 2) if suffixes.get(words[i:i + n]) in ("weak", "strong", "venue")), 0)
        if not n:
            return False
        i += n
    return True


@functools.cache
def _legal_forms_longest_first() -> tuple[str, ...]:
    return tuple(sorted((w for w, strength in _rules()[0].items() if strength == LEGAL), key=len, reverse=True))


def _a_share_written(doc: Document, start: int, end: int) -> CompanyInfo | None:
    """The A share whose short name a name built from a Taiwanese short name and a trade word is, legal form
    aside: 中信 + 证券 is CTBC's securities arm in Taiwan, but 中信证券 written so (or 中信證券 on a mainland
    page) is the listed CITIC Securities, as the dictionary's own match of that name is."""
    written = doc.text[start:end]
    folded = fold(written)
    form = next((f for f in _legal_forms_longest_first() if folded.endswith(f) and len(folded) > len(f) + 1), "")
    written = written[:len(written) - len(form)]
    a_share = a_shares_by_simplified_name().get(written)
    if a_share is None and written in a_shares_by_traditional_name() and page_region(doc).name == "CN":
        a_share = a_shares_by_traditional_name()[written]
    return a_share


PLAN_TO = "拟"  # 擬 (plans to), folded: the modal that opens a deal's clause

SHORT_FORM_MIN = 4  # Han characters left of a registered name once its home place is cut off (拉薩啤酒)


def _registered_short_forms(name: str) -> list[str]:
    """The forms a registered name (found with its legal form, 西藏拉薩啤酒有限公司) goes by later on the page:
    the name without the form (西藏拉薩啤酒), without the province or city that opens it as well
    (拉薩啤酒), and as its place and the two characters of its trade name (上海鑌鐵生物科技 -> 上海鑌鐵), when at least SHORT_FORM_MIN characters are left and they are more than industry words
    (上海|電氣集團 leaves 電氣集團, which any firm of the trade may be called); neither when it is an
    everyday phrase or a field's name (澳門博彩)."""
    phrases = company_phrase_names()
    common = common_words()
    forms = [name]
    place = _home_place_length(name)
    rest = name[place:]
    if place and len(rest) >= SHORT_FORM_MIN and all(is_han(c) for c in rest) and not _industry_words_only(
            rest, _rules()[0]):
        forms.append(rest)
    # 上海鑌鐵生物科技 -> 上海鑌鐵: a place and the two characters of the trade name after it, as the page names the
    # firm again, where more words follow them in the registered name and the two are no common or industry word
    trade = rest[:2]
    if place and len(rest) >= 4 and all(is_han(c) for c in trade) and trade not in common \
            and trade not in _rules()[0] and not _places_only(trade):
        forms.append(name[:place + 2])
    # 澳門博彩|股份有限公司: a field's name (澳門博彩稅) or an everyday word stays the industry's or the word
    return [f for f in forms if f not in phrases["phrase"] and f not in phrases["uncued"] and f not in common]


def _other_registered(info: CompanyInfo, chunk: str) -> bool:
    """A Taiwanese listed company whose longer names (its registered one) are known, none of which the chunk
    before a legal form agrees with (華興 is 華興電子工業: 華興茶業 is another firm; 鴻海精密 agrees with 鴻海精密工業)."""
    if info.country != "TW":
        return False
    longer = [fold(n) for n in info.aliases if len(n) > 2 and is_han(n[0])]
    return bool(longer) and not any(n.startswith(chunk) or chunk.startswith(n) for n in longer)


def _strip_industry(words: str, suffixes: dict[str, str]) -> str:
    """``words`` without the industry words at their end (偉祥工業 -> 偉祥)."""
    while True:
        n = next((n for n in (5, 4, 3, 2) if len(words) > n and suffixes.get(words[-n:]) in ("weak", "strong", "venue")), 0)
        if not n:
            return words
        words = words[:-n]


# the trades of an airline or a shipping line, whose group's hotels (長榮酒店, 日航酒店, 華航諾富特) are
# companies of their own (folded)
_CARRIER_ENDS = tuple(fold(w) for w in ("航空", "海運", "航運", "Airlines", "Air Lines", "Marine"))


def _is_carrier(info: CompanyInfo) -> bool:
    """An airline or a shipping line (長榮海運, 日本航空): a hotel named after it is its own firm."""
    return any(fold(name).endswith(_CARRIER_ENDS) for name in (info.canonical, *info.aliases))


def _is_holding(info: CompanyInfo) -> bool:
    """A financial or investment holding company (富邦金控, 日月光投控): it does its
    business through subsidiaries, each named after it."""
    return any(fold(name).endswith(HOLDING_FORMS) for name in (info.canonical, *info.aliases))


@functools.cache
def _suffix_automaton():
    """The company suffixes as (words, leftmost-longest automaton): the same
    non-overlapping matches as ``suffix_pattern.finditer`` (an alternation,
    longest first), in a tenth of the time on CJK text."""
    import ahocorasick_rs

    words = [w for w in _rules()[0] if w]
    return words, ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


@functools.cache
def _inside_foreign_city(folded: str, start: int, end: int) -> bool:
    """The name at ``start:end`` lies inside a longer name of a city abroad (安克 of 安克雷奇, Anker in
    Anchorage): a transliteration's syllables, no mention of the company."""
    low = max(0, start - FOREIGN_CITY_REACH)
    return any(low + s <= start and low + e >= end and e - s > end - start and info.kind == FOREIGN
               for s, e, (info,) in city_gazetteer()[0].matches(folded[low:end + FOREIGN_CITY_REACH]))


CITY_LEVEL_ENDS = fold("市縣")  # a city's or county's last character (folded, as the text is)


def _city_names() -> frozenset[str]:
    """Every form of the city gazetteer, folded, as a set (the gazetteer keeps them as a list)."""
    return frozenset(city_gazetteer()[0].keys)


@functools.cache
def _city_bigrams() -> frozenset[str]:
    """Every two adjacent characters of a form of the city gazetteer (台中 -> 台中; 高雄市 -> 高雄, 雄市), folded."""
    return frozenset(name[i:i + 2] for name in _city_names() for i in range(len(name) - 1))


@functools.cache
def _place_names() -> frozenset[str]:
    """Countries, cities (every form of the city gazetteer), the regions that begin
    full company names (``company/name_places.txt``) and a few more: no company's
    name on their own."""
    names = set(_city_names())
    for row in load_table("common/countries.tsv"):
        names.update(fold(n) for n in (row["name"], row.get("name_cn", ""), *split_cell(row.get("aliases", ""))) if n)
    names.update(_provinces())
    names.update(fold(n) for n in (
        "台灣", "臺灣", "中國", "大陸", "歐洲", "亞洲", "美洲", "非洲", "兩岸", "全台", "全臺", "大馬", "星馬", "港澳", "東南亞",
    ))
    return frozenset(names)


class CompanyExtractor:
    type = "company"

    def __init__(self) -> None:
        company_dictionary()
        _rules()

    # ------------------------------------------------------------------ dictionary
    def _dictionary_hits(self, doc: Document) -> list[tuple[int, int, Form]]:
        return doc.cached("company.dictionary_hits", lambda: self._match_dictionary(doc))

    def _match_dictionary(self, doc: Document) -> list[tuple[int, int, Form]]:
        folded = doc.folded
        hits: list[tuple[int, int, Form]] = []
        sources = []
        if doc.user is not None and doc.user.of_type("company"):
            sources.append(user_company_dictionary(doc.user))
        sources.append(company_dictionary())
        crossing = _crossing_words()
        # 成德眉資: the name's last character opens a longer one, or it holds the name (大者恆大)
        longer, longer_pieces, longer_firsts, longer_lasts = _longer_crossing_words()
        surnames = official_grammar().surnames
        trusts = any(w in folded for w in _TRUST_WORDS)  # (the REIT look runs only on a page that names a trust)
        reits: list[tuple[int, int]] = []  # the REITs' names: no other name inside one (凱德|中國信託: no CTBC)
        for gazetteer in sources:
            matches = document_matches(doc, gazetteer)
            # the companies a name that several are listed for may mean, named in full on the page (rare)
            # (a name several rows share names none of them in full: 中信 is both CTBC's and CITIC's)
            named = {f.info.canonical for _, _, forms in matches if len({g.info.canonical for g in forms}) == 1
                     for f in forms if not f.ambiguous} if any(
                len(forms) > 1 for _, _, forms in matches) else frozenset()
            for start, end, forms in matches:
                form = forms[0] if len(forms) == 1 else _shared_name_form(doc, forms, named)
                # Latin forms match case-sensitively as listed, and only as whole words.
                if form.latin and not latin_boundary(folded, start, end):
                    continue
                if form.latin and _TITLE_WORD.fullmatch(folded, start, end) and _TITLE_WORD_BEFORE.search(
                        folded, max(0, start - TITLE_WORD_REACH), start):
                    continue  # Alexandra Vale, a housing project: the last word of a longer Latin name (Vale, the miner)
                if (folded[end - 1:end + 1] in crossing or folded[start - 1:start + 1] in crossing
                        or folded[end - 1] in longer_firsts and folded.startswith(longer, end - 1)
                        or folded[start] in longer_lasts and folded.endswith(longer, 0, start + 1)
                        or folded[start:end] in longer_pieces and any(
                            0 <= folded.find(w, max(0, end - len(w)), start + len(w)) for w in longer)):
                    continue  # 和大|馬, 巫|統聯署: the name cuts 大馬 (Malaysia) or 巫統 (UMNO) in two; 大者恆大 holds 恆大
                if _team_after(folded, end, form.latin):
                    continue  # 中信|兄弟, 富邦|悍將, 統一7-ELEVEN|獅: a sports team, not its sponsor
                if not form.latin and end - start <= 3 and _names_its_team(folded, start, end):
                    continue  # 台鋼、富邦爭冠 on a page of 富邦悍將: the team by its sponsor's short name
                if not form.latin and folded.startswith(_fund_names(), end):
                    continue  # 元大|台灣50, 國泰|永續高股息: a listed fund (ETF), no company
                if not form.latin and folded.endswith(_ACTIVE_FUND, 0, start):
                    continue  # 主動|統一台股增長: an active ETF is named 主動 + its fund house + a theme, no company
                if trusts and not form.latin and (reit := _REIT_AFTER.match(folded, end)):
                    reits.append((start, reit.end()))
                    continue  # 豐樹|物流信託, 雙威|產業信託: a listed REIT named after its sponsor, no company
                if not form.latin and end - start <= 3 and _TEAM_MATCH_AFTER.match(folded, end):
                    continue  # 與軟銀、火腿進行交流賽: the teams of a match, named by their owners
                if not form.latin and _ROAD_AFTER.match(folded, end):
                    continue  # 中芯|二路, 高新|五路: a numbered road named after it, no mention
                if not form.latin and _SECTOR_AFTER.match(folded, end) and _ends_in_industry(folded, start, end):
                    continue  # 日本航空|業復甦: the sector of a place, not the airline
                if (end - start == 2 and start >= 2 and (folded[start - 2] in NAME_LIST_JOINERS
                                                          or folded.endswith(CAPTION_ORDER, 0, start - 1))
                        and folded[end:end + 1] in NAME_LIST_JOINERS and folded[start - 1] in surnames):
                    continue  # 林某某、劉|業強、鄭某某 (左起王|長和、): a surname before it makes a person's name in a list
                if (end - start == 2 and start >= 1 and folded[start - 1] in surnames and folded[end:end + 1] == ":"
                        and (start == 1 or folded[start - 2] in "\n ")):
                    continue  # 林|建榮:…, a headline's speaker: a surname opening the line makes a person's name
                if end - start == 2 and reporter_given_name(folded, start, end):
                    continue  # 記者陳|華興: the given name of a bylined reporter
                if not form.latin and folded.startswith(OUTLET_AFTER, end):
                    continue  # 東森|新聞, 三立|新聞: a news channel cited as a source, no company (ANNOTATION.md)
                if form.latin and LATIN_OUTLET_AFTER.match(folded, end):
                    continue  # Google| News: a news service as a medium, no company (ANNOTATION.md)
                if PHOTO_CREDIT_AFTER.match(folded, end) or PHOTO_CREDIT_BEFORE.search(folded, max(0, start - 8), start) or (
                        folded[start - 2:start] == "。(" and PHOTO_CREDIT_BRACKET.match(folded, end)) or (
                        folded[start - 1:start] in (" ", "\u3000") and folded[end:end + 1] in ("\n", "")
                        and folded[start:end] in PHOTO_LIBRARIES) or (
                        folded[start - 2:start] == "。(" and folded[end:end + 1] == ")"
                        and folded[start:end] in PHOTO_LIBRARIES):
                    continue  # 視覺中國 圖, 圖/視覺中國, 產品。（視覺中國）, 典禮 視覺中國: a photo credit, no company (ANNOTATION.md)
                if not form.latin and folded[start] in _AMOUNT_UNITS and start and (
                        folded[start - 1].isdigit() or folded[start - 1] in DIGIT_VALUES or folded[start - 1] in _AMOUNT_UNITS):
                    continue  # 3000億|泰銖, 5兆元|大金控: the name's first character is the amount's magnitude or 元
                if not form.latin and form.info.country and folded.startswith(NATIONAL, start) and (
                        other := _country_before(folded, start)) and other[1] != form.info.country:
                    # 巴林|國家能源公司, 伊朗|國家石油公司: another country's national firm, not the listed one; the
                    # country is part of its name
                    written = doc.text[start - other[0]:end]
                    written = written.removesuffix("公司")
                    hits.append((start - other[0], end, Form(CompanyInfo(written, (), None, other[1]), False, False)))
                    continue
                if not form.latin and _inside_foreign_city(folded, start, end):
                    continue  # 安克|雷奇 (Anchorage): the transliterated name of a city abroad holds the short name
                hits.append((start, end, form))
        if reits:
            hits = [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in reits)]
        if "、" in folded and any(k in folded for k in _LIST_KINDS):
            hits = _list_kind_names(folded, hits)
        # 中華 inside 中華電信 is no mention of 中華汽車: keep the longest names.
        return longest_non_overlapping(hits)

    @staticmethod
    def _home_place(words: str) -> bool:
        """``words`` are one mainland province or Malaysian state (company/name_places.txt) or one mainland
        city, and nothing else."""
        if words in _provinces():
            return True
        return any(s == 0 and e == len(words) and info.country == "CN"
                   for s, e, (info,) in city_gazetteer()[0].matches(words))

    @staticmethod
    def _city_before(folded: str, start: int) -> bool:
        """A city's name (in any form of the gazetteer) ends right before ``start``."""
        cities = city_gazetteer()[0]
        low = max(0, start - 4)
        return any(low + e == start for _, e, _ in cities.matches(folded[low:start]))

    @staticmethod
    def _city_at(folded: str, position: int) -> bool:
        """A city's name begins at ``position`` (台積電|台中廠, 聯電|台南廠: the word 電台 that the name's last
        character would make with the next is cut by the city, which names the plant's site)."""
        return any(s == 0 for s, _, _ in city_gazetteer()[0].matches(folded[position:position + 4]))

    @staticmethod
    def _across_city(folded: str, start: int, end: int) -> bool:
        """A city's name runs across an edge of the short name at ``start:end`` (台中|台南 holds 中台: 台中
        ends inside it, 台南 begins inside it): the characters are the cities', no mention of the company."""
        bigrams = _city_bigrams()
        if folded[start - 1:start + 1] not in bigrams and folded[end - 1:end + 1] not in bigrams:
            return False  # no city's two characters across either edge: the usual case, no gazetteer look
        low = max(0, start - 3)
        cues = _rules()[3]
        # (but not a city whose last character opens a company's cue after the name: 京東|營收 holds no 東營)
        return any(low + s < start < low + e < end
                   or start < low + s < end < low + e and not any(
                       cs == 0 for cs, _, _ in cues.matches(folded[low + e - 1:low + e + 3]))
                   for s, e, _ in city_gazetteer()[0].matches(folded[low:end + 3]))

    @staticmethod
    def _inside_org_name(folded: str, end: int) -> bool:
        """True when the name continues into a foundation's or association's name, or is the
        first part of a school's (長榮|大學, 中國醫藥|大學 are universities)."""
        if folded.startswith(SCHOOL_AFTER, end):
            return True
        if not ORG_SUFFIX_AFTER_PATTERN.search(folded, end, end + ORG_NAME_REACH):
            return False  # no suffix within reach: the usual case, and no walk needed
        stop = end
        while stop < len(folded) and stop - end < ORG_NAME_REACH and (is_han(folded[stop]) or folded[stop].isalnum()):
            stop += 1
        tail = folded[end:stop]
        if tail[:1] in NAME_LIST_JOINERS and any(s == 1 for s, _, _ in company_dictionary().matches(tail)):
            return False  # 易方達基金和|興證全球基金, 招商銀行與|華夏基金: the next item of a list, no name that goes on
        if tail[:1] in NAME_LIST_JOINERS and _COUNTED_ITEM.match(tail, 1):
            return False  # 瑞銀資管和|一家主權基金: the next item of a list, counted, no name that goes on
        first = min((i for i in (tail.find(suffix) for suffix in ORG_SUFFIX_AFTER) if i >= 0), default=-1)
        if first > 0 and any(title in tail[:first] for title in _folded_corporate_titles()):
            return False  # 某某資管|前董事長出任基金公司: an officer's title ends the name before the fund's word
        if first > 0 and _clause_between(tail[:first]):
            return False  # 某某投信|發行新基金, 某某金控|將成立基金會: a clause runs on to the fund, no name
        # 中國航天科技集團(有限公司)|第一研究院: a name that a legal form closes is the company's, and
        # the institute after it one of its units (as a branch is)
        return first >= 0 and not (folded.endswith(COMPANY, 0, end) or COMPANY in tail[:first])

    @staticmethod
    def _listed_with(folded: str, start: int, end: int, sure_ends: set[int], sure_starts: set[int]) -> bool:
        """True when the name is an item of an enumeration next to a sure company
        (鴻海、和碩、聯發科): one joining character between them, or a joining character after
        a figure or ticker in brackets that each item of a ranking carries
        (保利發展(2530億元)、萬科(1339億元), 通威股份(600438.SH)、協鑫科技)."""
        if folded[start - 1:start] in LIST_JOINERS:
            if start - 1 in sure_ends:
                return True
            opening = _item_bracket_before(folded, start - 1)
            if opening is not None and opening in sure_ends:
                return True
        if folded[end:end + 1] in LIST_JOINERS and end + 1 in sure_starts:
            return True
        # 百度、騰訊、以及|快手, 百度+|快手: a joiner of more than one character
        if (folded[start - 1:start] in LONG_JOINER_LASTS or folded[end:end + 1] in LONG_JOINER_FIRSTS) and any(
                folded.endswith(j, 0, start) and start - len(j) in sure_ends
                or folded.startswith(j, end) and end + len(j) in sure_starts for j in LONG_LIST_JOINERS):
            return True
        after = _item_bracket_after(folded, end)
        return after is not None and folded[after:after + 1] in LIST_JOINERS and after + 1 in sure_starts

    @staticmethod
    def _cues(doc: Document) -> tuple[list[int], list[int], set[int]]:
        """The document's cue words, once: their starts and ends (sorted by start),
        and the set of their ends."""
        def scan():
            spans = sorted(_rules()[3].matches(doc.folded))
            # a result cue right before a name is its subject (業績|理想: satisfying results), so
            # only the other cues confirm a name from there
            return [s for s, _, _ in spans], [e for _, e, _ in spans], {e for _, e, payloads in spans if RESULT_CUE not in payloads}
        return doc.cached("company.cues", scan)

    def _cue_ends_at(self, doc: Document, position: int) -> bool:
        return position in self._cues(doc)[2]

    def _has_cue(self, doc: Document, start: int, end: int, adjacent: bool = False, across_dates: bool = True) -> bool:
        """A cue word within CUE_WINDOW characters, or (``adjacent``) touching the name; ``across_dates``:
        a date or a time of day may stand between them."""
        starts, ends, end_set = self._cues(doc)
        if adjacent and not across_dates:
            return start in end_set or end in set(starts)
        if adjacent:
            # 青雲2月營收: a date between the name and its cue keeps them together; so does 的 right after
            # the name (光大的淨利潤)
            folded = doc.folded
            after = end + (folded[end:end + 1] == POSSESSIVE)
            i = bisect.bisect_left(starts, end)
            while i < len(starts) and starts[i] < end + 8:
                if ends[i] <= end + 8 and starts[i] >= after and not folded[after:starts[i]].strip(DATE_CHARS):
                    return True
                i += 1
            if folded[after:after + 1] == "以" and _PRICE_BRIDGE.match(folded, after) is not None:
                return True  # 某某以30億元投得: the price stands between the name and its verb
            return start in end_set
        low, high = max(0, start - CUE_WINDOW), end + CUE_WINDOW
        i = bisect.bisect_left(starts, low)
        while i < len(starts) and starts[i] < high:
            if ends[i] <= high:
                return True
            i += 1
        return False

    # ------------------------------------------------------------------ rules
    def _scan_name_left(self, folded: str, stop: int, limit: int, hop_places: bool = False) -> int:
        """Where a name ending at ``stop`` begins; ``hop_places``: a place in brackets is part of
        a registered name (某某光電科技(揚州)有限公司, 某某(天津)航運租賃有限公司)."""
        start = stop
        while start > 0 and stop - start < limit:
            ch = folded[start - 1]
            if hop_places and ch in ")）":
                opening = _place_in_brackets(folded, start, registered=start == stop)
                if opening is not None and opening > 0 and folded[opening - 1] not in STOP_CHARS:
                    start = opening
                    continue
            if ch == NAME_END_AND and start == stop and folded.startswith(GROUP, stop) and start > 1 \
                    and is_han(folded[start - 2]) and folded[start - 2] not in STOP_CHARS and not any(
                        folded[start - 1 - n:start - 1] in common_words() or folded[start - 1 - n:start - 1]
                        in _everyday_words() for n in (2, 3, 4)):
                # 均和|集團, 泰和|集團: 和 right before 集團 ends a name where no word ends before it (政府和集團,
                # 員工和集團 join two nouns)
                start -= 1
                continue
            if ch in STOP_CHARS or not (is_han(ch) or ch.isalnum() or ch in "&.-"):
                break
            if ch == CONCURRENT_POSTS and folded[start - 2:start - 1] in POST_LAST_CHARS:
                break  # 副市長兼|市城投…有限公司: a post and 兼 before the employer's name
            counted_at = start - 2
            while ch == COUNTED and counted_at > 0 and folded[counted_at] == " ":
                counted_at -= 1  # 106 家證券公司: a space between the number and 家, as some pages write it
            if ch == COUNTED and counted_at >= 0 and folded[counted_at] in COUNT_BEFORE:
                # 浦發銀行|4家股份制銀行, 多家農商銀行: a count of firms opens the kind (a generic chunk), no name
                # runs back over it
                start = counted_at
                while start > 0 and folded[start - 1].isdigit():
                    start -= 1
                break
            if ch == "-" and not (_latin_or_digit(folded[start - 2:start - 1]) and _latin_or_digit(folded[start:start + 1])):
                break  # a hyphen joins Latin words (Coca-Cola); 熱門股--科鼎, 官聯公司-依海城市 it divides

            start -= 1
        if folded[start:start + 1].isdigit() and (start == 0 or folded[start - 1] in STOP_CHARS):
            item = _ITEM_NUMBER.match(folded, start, stop)
            if item is not None:
                start = item.end()  # 2.|Acme集團: the list's numbering opens no name
        return start

    @staticmethod
    def _place_across(folded: str, start: int) -> int | None:
        """The start of a city's name that holds the stop character before ``start`` and runs
        up to or into the name the scan found (成都市, 京都), or None."""
        low = max(0, start - 6)
        for a, b, _ in city_gazetteer()[0].matches(folded[low:start + 2]):
            if low + a < start - 1 and low + b >= start:
                return low + a
        return None

    @staticmethod
    def _place_before_joiner(folded: str, start: int) -> int | None:
        """The start of a city's name that ends right before the joiner before ``start`` when the
        joiner opens the trade name of a registered name (天津|和悅科技發展合夥企業: 和 is no
        stop there), or None: not when another place follows the joiner (天津和|上海某某公司)."""
        matches = city_gazetteer()[0].matches
        if any(a == 0 for a, _, _ in matches(folded[start:start + 4])):
            return None
        low = max(0, start - 5)
        for a, b, _ in matches(folded[low:start - 1]):
            if low + b == start - 1 and b - a >= 2:
                return low + a
        return None

    def _suffix_candidates(self, doc: Document, known: Gazetteer) -> Iterator[tuple[int, int, str, CompanyInfo | None, str]]:
        suffixes, _, generic, _, _, _ = _rules()
        suffix_words, suffix_automaton = _suffix_automaton()
        folded = doc.folded
        common = common_words()
        places = _place_names()
        not_after = _not_after()
        # Sure dictionary names, non-overlapping and sorted by start.
        # (but not a short name whose first character ends a word before it: 中國|建設 holds no 國建)
        sure_hits = [(start, end) for start, end, form in self._dictionary_hits(doc) if not form.ambiguous and not (
            end - start <= 3 and not form.latin and folded[start - 1:start + 1] in common)]
        known_starts = [start for start, _ in sure_hits]
        known_start_set = set(known_starts)
        hit_starts_by_end = {end: start for start, end, _ in self._dictionary_hits(doc)}
        known_ends = [end for _, end in sure_hits]
        dictionary_ends = set(known_ends)
        for word_index, s, e in suffix_automaton.find_matches_as_indexes(folded):
            if e in dictionary_ends:
                continue  # 中華電信 is a dictionary name; 電信 is no suffix of 中華 here
            suffix = suffix_words[word_index]
            if suffix == CITY_INVESTMENT and folded[e:e + 1] == INVESTMENT_END:
                continue  # 來檳城|投資: a city's 城 and 投資, no 城投 (投資 is a suffix of its own)
            if suffix == COMMERCIAL_BANK and folded[e:e + 1] == BANK_END:
                # 上海農商|銀行, 蘇商|銀行: the leftmost 商銀 cut the name before 行 (not a listed 商銀's: 台中商銀|行員)
                s, e, suffix = s + 1, e + 1, BANK
                if e in dictionary_ends:
                    continue
            strength = suffixes[suffix]
            if strength != "legal" and any(hs <= s and he > e for hs, he in sure_hits):
                continue  # 工|商銀|行: an industry word inside a listed name (工商銀行) ends no name there
            investor = strength == INVESTOR
            if investor:
                if not (_invests(folded, e) or _listed_investor(folded, e) or folded.startswith(SUBSIDIARIES_AFTER, e)
                        or folded.startswith(INVESTOR_OWN_AFTER, e + (folded[e:e + 1] == " "))):
                    continue  # 社會資本, 國有資本: no funding round, no firm (某某資本|旗下的: a firm's subsidiaries)
                strength = "weak"
            bracketed = self._latin_in_brackets(folded, e)
            if strength == "bracketed" and not bracketed and folded.startswith(_OWN_STRUCTURE_AFTER, e):
                strength = "weak"  # 某某企業|旗下, 某某企業|董事長: the firm's own structure or officer names it a firm
            if strength == "bracketed" and not bracketed:
                continue  # 企業 ends a name only when its Latin name follows: 某某企業(ABC)
            if suffix.endswith(HOLDING_SUFFIX) and folded.startswith(CONTROLLED_AFTER, e):
                continue  # 某某集團|控股股東, 某某集團|控股子公司: a controlling shareholder, a controlled subsidiary
            if suffix == COMPANY and folded.startswith(BOND, e):
                continue  # 發行的6筆境內|公司債券: a corporate bond, no firm's name
            if strength != "legal" and _SECTOR_AFTER.match(folded, e):
                continue  # 香港銀行|業: a place's banking sector
            if strength != "legal" and folded.startswith(_MARKET, e) \
                    and any(folded[max(0, s - n):s] in _place_names() for n in (2, 3, 4)):
                continue  # 香港證券|市場, 亞洲半導體|市場: a place's market in a trade, no firm (國泰證券|市場部 stays)
            if strength != "legal" and _NEWSPAPER_CLOSED.match(folded, e):
                continue  # 來源:上海證券|報: a newspaper
            if suffix[-1:] == BANK_END and _ADMINISTRATION_AFTER.match(folded, e):
                continue  # 某市工商|行政管理局: a government office
            if suffix == TRUST_SUFFIX and _REIT_KIND_BEFORE.search(folded, max(0, s - 6), s):
                continue  # 豐樹物流|信託: a listed REIT, no trust company
            if strength != "legal" and _TRUST_AFTER.match(folded, e):
                continue  # 騰飛房地產|投資信託, 某某物流|信託: an industry word inside a listed trust's name ends no firm's
            ordinal = _ORDINAL.match(folded, e)
            noun = ordinal.end() if ordinal else e
            if strength != "legal" and (
                folded[noun:noun + 1] in not_after or folded[noun:noun + 2] in not_after or folded[noun:noun + 3] in not_after
            ):
                continue  # 前瞻科技|計畫, 居林高科技|園, 楠梓科技|第三園區: the industry word modifies a noun
            limit = NAME_LIMITS[strength]
            bracket = _BRACKETED_LATIN_BEFORE.search(folded, max(0, s - 42), s) if (
                folded[s - 1:s] == ")" and strength == "strong") else None
            if bracket is not None and _BRAND_SHAPE.fullmatch(bracket.group(1)):
                # 滿星雲(MonSpace)|集團: the Latin name in brackets is the firm's (where its Han name
                # begins, nothing tells)
                yield bracket.start(1), bracket.end(1), doc.text[bracket.start(1):bracket.end(1)], None, strength
                continue
            whole_start = None  # where the scan began, when a listed name inside moved the start
            verb_opened = False  # a verb before the name that the scan cut off (擔任|某某公司)
            start = self._scan_name_left(folded, s, limit, hop_places=strength == "legal")
            if suffix in PROFESSIONAL_FIRMS and s - start >= limit:
                # 北京市|某某|律師事務所: the place opening a professional firm's name runs past the limit
                wide = self._scan_name_left(folded, s, limit + WRITTEN_OUT_PLACE_REACH)
                placed = next((q for q in range(wide, start + 1) if 2 <= s - q - self._professional_place(folded[q:s]) <= 3
                               and self._professional_place(folded[q:s])), None)
                start = start if placed is None else placed
            if strength == "strong" and s - start >= limit:
                # 據|四川省鐵路產業投資|集團: a province or city written out with 省 or 市 opens a provincial or
                # municipal state group's name, which runs past the limit (the limit counts what follows the place)
                wide = self._scan_name_left(folded, s, limit + WRITTEN_OUT_PLACE_REACH)
                placed_at = _written_out_place_start(folded, wide, start, s)
                start = start if placed_at is None else placed_at
            post = folded.rfind(TAKES_POST, start, s - 2) if strength in ("legal", "strong") else -1
            if post != -1 and not _home_place_length(folded[post:s]) and _home_place_length(folded[post + 1:s]):
                # (某某)任|河北某某(集團)公司: the verb of a post, after its holder's name, before the employer's
                # name, which a place opens (任丘 is a city)
                start = post + 1
            if strength == "venue" and s and folded[s - 1].isascii() and folded[s - 1].isalpha():
                latin = _LATIN_WORD_BEFORE.search(folded, 0, s)
                start = latin.start() if latin else start  # Aurora|酒店: the whole Latin word
            elif start and start < s and _latin_letter(folded[start - 1]) and _latin_letter(folded[start]):
                # Prolintas|集團, Amechanus|控股: the limit counts characters, a Latin word is one
                while start and _latin_letter(folded[start - 1]):
                    start -= 1
            if start < s and folded[start:start + 1].isupper() and (strength == "legal" or is_latin(folded[start:s])):
                # 子公司Juara Sejati|有限公司, W Brothers |Investment公司, One Global|集團: the capitalised
                # Latin words before it, space-separated
                for _ in range(LATIN_NAME_WORDS):
                    word = _LATIN_WORD_BEFORE.search(folded, max(0, start - 1 - TITLE_WORD_REACH), start - 1) \
                        if folded[start - 1:start] == " " else None
                    if word is None or not folded[word.start()].isupper():
                        break
                    start = word.start()
            # 華為|技術有限公司: 為 is no stop inside 華為 (binary search: one name at most)
            index = bisect.bisect_left(known_starts, start) - 1
            # (but a name ending where the scan ran out of room is a name before this one:
            # 富邦金控旗下|富邦建設 is no one name)
            if index >= 0 and (known_ends[index] > start
                               or known_ends[index] == start and start and folded[start - 1] in STOP_CHARS):
                start = known_starts[index]
            if suffix == BRANCH:
                head = self._company_of_branch(folded[start:s])
                if head:  # 某某科技股份有限公司|台灣|分公司: the branch is its company's, named before the form
                    s = start + head
                else:  # 某某氣體|台中|分公司: the branch's city follows its company's name (ANNOTATION.md:
                    # a branch is the company itself, and an office named after its city names the city,
                    # so the mention ends with the company's name)
                    cities = _city_names()
                    # (or a province's, whose branch is named so too: 某某集團|山東|分公司, 某某移動|廣東省|分公司)
                    place = next((n for n in (4, 3, 2) if s - start >= n + 2 and (
                        folded[s - n:s] in cities or folded[s - n:s] in _provinces())), 0)
                    if not place:  # 某某氣體|中港|分公司, 某某電機|竹科|分公司: a site or park no gazetteer
                        # holds, after the company's industry word, which ends the company's name
                        place = next((n for n in (2, 3) if s - n - start >= 4 and folded[s - n:s].isalpha()
                                      and all(is_han(c) for c in folded[s - n:s])
                                      and _ends_in_industry(folded, start, s - n)), 0)
                    if place:
                        s = e = s - place
            if strength == "legal" and self._ran_out(folded, start):
                # 共同組|建|太原某某建設運營有限公司: the scan's limit cut a verb, and a place after its last
                # character opens the registered name
                start += self._place_opening(folded[start:s], reach=2) or 0
            placed = self._place_across(folded, start) if (
                strength in ("legal", "strong") and start and folded[start - 1] in STOP_CHARS) else None
            if placed is not None and strength == "strong" and not _home_place_length(folded[placed:s]):
                placed = None  # (before 集團 and the like, only a mainland city: 都江堰|旅遊集團)
            if placed is None and strength == "legal" and start and folded[start - 1] in NAME_LIST_JOINERS:
                placed = self._place_before_joiner(folded, start)
            if placed is not None:
                start = placed  # 成都市|好味道餐飲有限公司: 都 is no stop in 成都, and the city begins the name
            elif strength == "legal" and s - start > 2:
                # 又一家新成員|某某電子材料股份有限公司: a sure company inside a long legal name
                # begins it; otherwise the name begins after the last function word.
                inner = bisect.bisect_left(known_starts, start + 1)
                # (a known name that runs into the legal form is none: 廷鑫|興業股份|有限公司)
                inside = inner < len(known_starts) and start < known_starts[inner] < s - 1 and known_ends[inner] <= s
                placed_known = inside and _places_only(folded[start:known_starts[inner]])
                # 深圳市|騰訊|計算機系統有限公司: a place and a known name open a registered name,
                # whatever words follow (計算 is no verb of a clause here)
                scan_start = start
                start += 0 if placed_known else self._registered_phrase_end(folded[start:s])
                verb_opened = start > scan_start and _ends_in_verb(folded, scan_start, start)
                listed = hit_starts_by_end.get(start)
                if listed is not None and scan_start <= listed:
                    start = listed  # 子公司大同|智能股份有限公司: the cut word is a listed name that opens this one
                    group = hit_starts_by_end.get(start)
                    if group is not None and scan_start <= group and _home_place_length(folded[start:s]) >= 2:
                        start = group  # 中國重汽|大同|齒輪有限公司: that name is a city's, after a group's name
                if inside and start < known_starts[inner]:
                    # ... unless places begin the name: 深圳市|大疆創新科技有限公司, 福建廈門|某某集團有限公司
                    # (and a province or city written out opens a registered name whatever follows it:
                    # 廣東省機械|五礦|進出口集團有限公司 is no 五礦)
                    before_known = folded[start:known_starts[inner]]
                    if not _places_only(before_known) and not _opens_with_written_out_place(before_known) \
                            and not self._place_and_trade_start(before_known):
                        # (the whole begins after a 公司 before the known name: 台肥子公司|台肥開曼公司)
                        company_end = before_known.rfind(COMPANY)
                        whole_start = start + (company_end + len(COMPANY) if company_end >= 0 else 0)
                        start = known_starts[inner]
            elif strength == "strong" and s - start > 2:
                start += phrase_end(folded[start:s])  # 擔任|國庫控股, 歡迎|某某集團: a verb opens the clause
            if strength in ("legal", "strong", "weak") and s - start > 3:
                # 第一大股東|某某合夥企業, 某某集團旗下|某某集團, (曾)任|某某光電董事長: a weak name's scan may
                # start inside the lead, which reaches left of it
                start = _after_name_lead(folded, start, s)
            if s - start == 1 and start > 0 and folded[start - 1] in LIST_JOINERS and is_han(folded[start - 1]) and (
                start == 1 or folded[start - 2] in STOP_CHARS and folded[start - 2] not in ")）"
            ) and folded[start:s] not in generic:
                start -= 1  # 、和泰|電子: a name may begin with 和 or 與 after a list comma (not 及|母公司;
                # after a bracket's end, 和 joins the last name of a list: 某某(ABC,1234)和謙|工業)
            if strength == "legal" and s in dictionary_ends and hit_starts_by_end[s] < start:
                start = hit_starts_by_end[s]  # 台灣集中|保管結算所股份有限公司: a listed name before the form is whole
            chunk = folded[start:s]
            spoken = _speaker_end(folded, start, s, dictionary_ends)
            if spoken:
                start += spoken  # 萬科稱|某某集團, ST某某稱|某某集團: the speaker and its verb, then the name
                chunk = folded[start:s]
            if chunk[:1] in BRACKET_OPENINGS:
                continue  # 包括|(國際)有限公司: the words before the bracket were cut off, no name is left
            if len(chunk) == 2 and chunk[0] in EXISTENTIAL_CHARS and chunk[1] in PLAIN_MODIFIER_CHARS:
                continue  # 又|有新|銀行, 是新|公司: "there is a new bank", no name
            if strength == "weak" and folded[start - 1:start] in DISPOSAL_BEFORE and folded[e:e + 1] in RESULT_AFTER:
                continue  # 共同把前海|建設|好: a weak suffix that is a verb (建設, 營造) with its result, no name
            if suffix in VERB_SUFFIXES and _BUILT_COUNT_AFTER.match(folded, e):
                continue  # 在丹絨米雅|建設|一座警局: the verb and a count of what it builds, no name
            if folded[start - 1:start + 1] in _crossing_words():
                continue  # 我|國新能源汽車: the name's first character ends a word before it (crossing_words.txt)
            if start and folded[start - 1] in STOP_CHARS and start not in known_start_set and (
                    folded[start - 1:start + 1] in _function_words()[2] or folded[start - 1:start + 1] in COMPARE_VERBS):
                start += 1  # 對比|互聯網公司, 對標|某某科技公司: a stop opens a verb with the name's first character
                if s - start < 2:
                    continue
                chunk = folded[start:s]
            if chunk.endswith(_kinds()):
                named = _LATIN_NAME_AFTER.match(folded, e + (folded[e:e + 1] == " ")) if (
                    folded[e:e + 2].strip()[:1].isascii()) else None
                if named is not None and named.end() - named.start() >= _LATIN_ALIAS_MIN:
                    # 泰國上市公司InTouch: the kind of company, and the name after it
                    listed = next((f[0].info for hs, he, f in known.matches(folded[named.start():named.end()])
                                   if hs == 0 and he == named.end() - named.start()), None)
                    yield named.start(), named.end(), listed.canonical if listed else doc.text[
                        named.start():named.end()], listed, "strong"
                continue  # 第一上市櫃|公司, 不含金融保險|公司: a kind of company, no name
            if suffix == GROUP and chunk.endswith(_ring_words()):
                continue  # 跨國詐騙|集團, 市府根本詐騙|集團: a ring named by its crime, no firm
            if suffix == GROUP and chunk.endswith(_group_object_verbs()):
                continue  # 警方破獲|集團, 為落實|集團策略: a verb and its object, the ring or the group, no firm
            if suffix == BANK and chunk[-2:] in _function_words()[2] and chunk[-2:] not in VERBS_IN_BANK_NAMES:
                continue  # 央行降低|銀行存款準備率, 存戶起訴|銀行: a verb and its object, banks in general
            if (strength != "legal" or suffix == COMPANY and chunk.endswith(_figure_verbs())) and chunk.endswith(_object_verbs()):
                continue  # 金管會要求|銀行, 預期|銀行將降息, 董事佔|公司董事的三成: a verb and its object, firms in general
            if any(chunk[-n:] in generic and chunk[:-n].endswith(_object_verbs()) for n in (2, 3) if n < len(chunk)):
                continue  # 北京敦促|本土|公司: the verb, a generic word, and firms in general after them (even 公司)
            if len(chunk) > 2 and chunk.endswith(_say_verbs()) and (strength != "legal" or suffix == COMPANY and (
                    chunk.endswith(_speaker_verbs()))):
                continue  # 管理層表示|集團已…, 主席透露|集團正…: a speaker, the verb, and the firm it speaks of
                # (萬科表示|公司…: before the bare 公司 too, for a verb no registered name ends in)
            if suffix == GROUP and (e in known_start_set or folded[e:e + 1] == " " and e + 1 in known_start_set) and (
                    chunk in common or _two_everyday_words(chunk)):
                continue  # 連鎖餐飲|集團|王品: the kind of group before the listed name it describes, no name of its own
            if suffix == GROUP and chunk[-1:] in SELF_BEFORE_GROUP and chunk[-2:] not in common:
                continue  # 有助鞏固本|集團: "this group", no name
            if strength != "legal" and chunk[-1:] in COUNTY_UNITS:
                continue  # 旺蒼縣|工業, 某某鎮|農業: a county's or township's industry, no firm's trade
            if suffix == fold("公司") and chunk[-1:] in RELATIVE_BEFORE_COMPANY:
                # 台積電日本JASM子|公司: the subsidiary is no name of its parent; a Latin name right
                # before 子公司 is the subsidiary's own (台積電德國ESMC子公司)
                latin = _LATIN_WORD_BEFORE.search(folded, 0, s - 1) if chunk[-1] == fold("子") else None
                if latin is not None and latin.end() - latin.start() >= _LATIN_ALIAS_MIN and not any(
                        hs == 0 and he == latin.end() - latin.start()
                        for hs, he, _ in known.matches(folded[latin.start():latin.end()])):
                    yield latin.start(), latin.end(), doc.text[latin.start():latin.end()], None, strength
                continue
            if _PERIOD_END.search(chunk):
                continue  # 公司第四季度|集團收入, 本年度|集團: a period, then the group's own figures
            dated = _DATE_START.match(chunk)
            if dated:
                start, chunk = start + dated.end(), chunk[dated.end():]  # 2024年|公司: a time, not a name
            inner_company = chunk.rfind(COMPANY) if strength == "legal" and suffix != BRANCH else -1
            if inner_company >= 0:  # 全資子公司|某某有限公司, 項目公司|某某(天津)航運有限公司
                start, chunk = start + inner_company + len(COMPANY), chunk[inner_company + len(COMPANY):]
            after_according_to = chunk[:1] == ACCORDING_TO and len(chunk) > 2
            if after_according_to:
                start, chunk = start + 1, chunk[1:]  # 據|某某銀行統計 (據 is no stop: 數據科技)
            elif chunk[:1] == NAMELY and len(chunk) > 2 and (
                    folded[start - 1:start] in OPENING_BRACKETS
                    or folded[start - 1:start] in NAMELY_AFTER and folded[start:start + 2] not in common):
                # 周某某(即|某某企業社): "that is", a court's note of the firm; so after a clause break
                # (按淨資產計算，即|某某公司股權的價格), unless 即 makes a word with the next character (即時)
                start, chunk = start + 1, chunk[1:]
            if chunk[-1:] in ASPECT_PARTICLES or chunk[-1:] == CONCURRENT_POSTS:
                continue  # 並介紹了|集團, 成立了|公司: a verb and its particle, then the bare noun
            if chunk.endswith(POST_VERBS):
                continue  # 某某接替某某出任|公司董秘: a career step and the bare noun (the company), no name
            if not chunk or folded[start - 1:start] == INDEFINITE:
                continue  # 深圳市某某|發投資開發有限公司: the rest of a name that a court report masks
            if strength != "legal" and len(chunk) > 2 and (
                    chunk[-2:] in _function_words()[0] or chunk[-1] in PREPOSITION_END_CHARS):
                continue  # 嫌疑人通過|銀行: a preposition before an industry word, no name ending in it
            # A dictionary company ending right at the suffix: 科技大廠群聯|電子 -> 群聯.
            best = None
            for hs, he, forms in known.matches(chunk):
                if forms[0].ambiguous and not (
                        strength == "legal" and he == len(chunk) and forms[0].registered) and not (
                        hs == 1 and he == len(chunk) and chunk[0] in OWN_LEVELS and strength == "legal"):
                    # (市|聯通|公司: the level and 公司 make an everyday word the city's branch of the firm)
                    # 太子|集團 is Prince Group, not 太子建設; but a listed company's registered name
                    # right before its legal form is the company (投資|大樹醫藥|股份有限公司 is 大樹)
                    continue
                if he == len(chunk) or hs == 0:
                    if best is None or he - hs > best[1] - best[0]:
                        best = (hs, he, forms[0])
            if best is not None and strength != "legal" and best[1] - best[0] <= 3 \
                    and folded[start + best[0] - 1:start + best[0] + 1] in common:
                continue  # 加|強新能源: a short listed name whose first character ends a word before it
            if best is not None and investor:
                best = None  # 高捷|資本, 蔚來|資本: a fund manager of its own, whose name a listed one may open
            if best is not None:
                hs, he, form = best
                if he == len(chunk) and strength != "legal" and suffix not in HOLDING_SUFFIXES \
                        and (_is_holding(form.info) or suffix == ASSET_ARM or suffix in INSURER_ARMS):
                    # 富邦金控 -> 富邦|建設, 日月光投控 -> 日月光|半導體: a holding's name and an
                    # industry word name one of its subsidiaries, a company of its own; so does a broker's or
                    # a bank's name before 資管, its asset-management arm (某某證券|資管, 瑞銀|資管), and an
                    # insurance group's before its property or life arm (某某保險|產險)
                    written = doc.text[start + hs:e]
                    yield start + hs, e, written, CompanyInfo(written, (), None, form.info.country,
                                                              form.info.canonical), strength
                elif strength == "venue" and _is_carrier(form.info) and not reads_as_phrase(chunk[he:]):
                    # 長榮|酒店, (高雄)日航|酒店, 長榮桂冠|酒店: an airline's or shipping line's name opening a
                    # hotel's names the group's hotel, a company of its own (not the carrier itself)
                    written = doc.text[start + hs:e]
                    yield start + hs, e, written, CompanyInfo(written, (), None, form.info.country), strength
                elif he == len(chunk) and strength == "strong" and hs >= 2 and form.info.country not in HOME_MARKETS \
                        and self._home_place(chunk[:hs]):
                    # 浙江|超威集團: a mainland province or city before a foreign name and 集團 opens a
                    # local group's own name (not AMD's, whose Taiwanese name is 超威)
                    yield start, e, doc.text[start:e], None, strength
                elif he == len(chunk) and strength != "legal" and _other_listing(folded, e, form.info):
                    # 楊忠禮|能源(YTLPOWR,6742,...): a Bursa stock name that is not the known company's
                    # own names a listing of its own, a subsidiary named after its group
                    written = doc.text[start + hs:e]
                    yield start + hs, e, written, CompanyInfo(written, (), None, form.info.country,
                                                              form.info.canonical), strength
                elif he == len(chunk) and strength != "legal" and doc.script == "simplified" \
                        and suffix not in (BRANCH, GROUP, COMPANY) and suffix not in HOLDING_SUFFIXES \
                        and _other_registered(form.info, folded[start + hs:e]):
                    # 希華|醫藥 on a mainland page: a Taiwanese listed short name, then a trade its registered name
                    # (希華晶體科技) does not run on with, names a local firm, as before a legal form below (not
                    # 集團, 公司 or a holding's word: 華碩集團 is the listed firm's group)
                    yield start + hs, e, doc.text[start + hs:e], None, strength
                elif he == len(chunk):
                    # 杭州|宇樹科技有限公司: the city opens the registered name, and is no mention of the city
                    placed = strength == "legal" and chunk[:hs] in _name_places()
                    yield start if placed else start + hs, e, form.info.canonical, form.info, strength
                elif strength == "strong" and len(chunk) - he >= 2 and not reads_as_phrase(chunk[he:]):
                    # 兆豐|國際投顧: a financial arm named after its holding is a subsidiary (not a clause
                    # after the name: 緯穎|昨天舉行|集團新總部動土)
                    written = doc.text[start:e]
                    yield start, e, written, CompanyInfo(written, (), None, form.info.country, form.info.canonical), strength
                elif strength == "legal" and hs == 0 and (placed := _home_place_length(chunk[he:])) \
                        and len(chunk) - he - placed >= 2 and not reads_as_phrase(chunk[he + placed:]):
                    # 中國重汽|大同|齒輪有限公司: a group's name, then a mainland city or province and a trade before the
                    # legal form: its subsidiary registered there, a company of its own (a listed firm's registered
                    # name runs on with 集團 or a trade, not a city: 中國重汽集團濟南卡車 is the listed firm)
                    written = doc.text[start:s]
                    yield start, e, written, CompanyInfo(written, (), None, form.info.country,
                                                         form.info.canonical), strength
                elif reads_as_phrase(chunk[he:]):
                    pass  # 三商壽|創該|公司: a clause after the name, which the dictionary finds alone
                elif strength == "legal" and not _industry_words_only(chunk[he:], suffixes) \
                        and self._looks_like_name(_strip_industry(chunk[he:], suffixes), common, places):
                    # 台新|偉祥工業有限公司: a trade name of its own after the listed name's
                    # characters names another company (from where the scan began)
                    begin = whole_start if whole_start is not None else start
                    yield begin, e, doc.text[begin:s], None, strength
                elif strength == "legal" and hs == 0 and (_bank_arm(form.info, chunk[he:]) or _broker_arm(form.info, chunk[he:])):
                    # 中銀|金融租賃有限公司: a bank's short name and a trade of another kind name its subsidiary,
                    # a company of its own (ANNOTATION.md), as 兆豐|國際投顧 does before a strong suffix; so do a
                    # broker's arms (申萬宏源|證券承銷保薦有限責任公司, 招商證券|資產管理有限公司)
                    written = doc.text[start:s]
                    yield start, e, written, CompanyInfo(written, (), None, form.info.country,
                                                         form.info.canonical), strength
                elif strength == "legal" and hs == 0 and len(chunk) - he >= 2 \
                        and (not _listed(form.info) or _alias_unlike_short_name(form.info, chunk[:he])) \
                        and not _industry_words_only(chunk[he:], suffixes) and not reads_as_phrase(chunk[he:]):
                    # 一汽|模具製造有限公司, 華潤|聯盛黃家溝煤業有限公司: an unlisted group's short name, then a trade or
                    # a name of its own before the legal form: a subsidiary registered in its own name, a company of
                    # its own (ANNOTATION.md), not the group. (A listed firm's registered name often runs on past its
                    # short name, 寧德時代|新能源科技股份有限公司, and stays the listed firm; so do industry words only.)
                    # A listed firm's alias that its short name does not open (中車 of 中國中車) opens no registered
                    # name of the listed firm: 中車|城市交通有限公司 is a subsidiary.
                    written = doc.text[start:s]
                    yield start, e, written, CompanyInfo(written, (), None, form.info.country,
                                                         form.info.canonical), strength
                elif suffix == ASSET_ARM:
                    pass  # 中信|證券資管: a known name that stops short of 資管 is left to the dictionary (中信證券)
                elif strength == "legal" and hs == 0 and len(chunk) - he >= 2 and suffix != BRANCH \
                        and doc.script == "simplified" and _other_registered(form.info, chunk):
                    # 華興|茶業公司, 華電|福新某某抽水蓄能公司 on a mainland page: a Taiwanese listed short name, then
                    # words its registered name (華興電子工業, 中華電線電纜) does not run on with, names a local firm
                    # (a Taiwanese page's 順發|電器 is the retailer's own brand)
                    yield start, e, doc.text[start:s], None, strength
                else:  # 健策精密|工業股份有限公司: the known name starts the chunk
                    yield start, e, form.info.canonical, form.info, strength
                continue
            prefixed = _foreign_prefix_before().search(folded, max(0, s - NAME_LIMITS[strength] - 4), s) if (
                len(chunk) > 2) else None
            if prefixed is not None and prefixed.start() >= start - 2 and s - prefixed.start("name") <= NAME_LIMITS[strength]:
                start, chunk = prefixed.start("name"), folded[prefixed.start("name"):s]  # 美商|艾爾光|科技
            elif (strength == "legal" or folded.endswith(_name_leads(), 0, start)
                  or suffix == GROUP and (start == 0 or folded[start - 1] in STOP_CHARS)) and (
                    country := next((c for c in _foreign_countries() if chunk.startswith(c) and len(chunk) - len(c) >= 2),
                                    None)):
                # 日本|丸一鋼管株式會社, 美國|Acme有限公司, 收購|日本|芝浦電子: a foreign country before a registered
                # name, or after a deal verb, says where the firm is, as 美商 does (法國SiPearl is SiPearl); a known
                # name (日本電信電話) was found above. So does one that opens the clause before a group's name
                # (,美國|某某集團代表團; but 日本振興銀行, 卡達國家銀行 are banks' own names)
                start, chunk = start + len(country), chunk[len(country):]
            elif strength != "legal" and len(chunk) > 2 and start > 0 and folded[start - 1] not in STOP_CHARS and not is_latin(chunk) \
                    and not folded.endswith(_name_leads(), 0, start) and not after_according_to \
                    and not _after_item_number(folded, start):
                # (老股東|臨港科創投: a relation noun bounds it; so does 據, stripped above: 據|浙江機場集團)
                opening = self._place_opening(chunk, reach=len(chunk))
                if opening is not None and (opening or folded[start - 1:start + 1] not in common
                                            and folded[start - 1:start + 1] not in places):
                    # 出資方|太原軌道交通|集團: a mainland place opens the name (a place and a trade, 某地某業集團,
                    # names a local state firm), where no word runs into it from the left (陝|西安康)
                    start, chunk = start + opening, chunk[opening:]
                elif folded[s - 3:s - 1] in common or folded[s - 3:s - 1] in _tw_everyday_words():
                    continue  # 建設|新能源, 持續|以科技, 拓寬|新能源: the name would begin inside a word
                else:
                    chunk, start = chunk[-2:], s - 2  # no boundary: take the usual two-character name
            while len(chunk) >= 4:
                opener = next((w for w in _clause_openers() if chunk.startswith(w)), "")
                if not opener or len(chunk) - len(opener) < 2:
                    break
                start, chunk = start + len(opener), chunk[len(opener):]  # 目前|本土銀行: the time word opens the clause
            if chunk in _clause_opener_set():
                continue  # 主因|年底|銀行: a time or linking word alone before the suffix names no firm
            if chunk[:1] == PLAN_TO:
                continue  # (簡稱某某)|擬收購|公司股份, 大股東|擬出售|公司股份: "plans to" and its verb, no name
            if (chunk[:1] == AT_INVITATION and len(chunk) >= 3 and folded[start:start + 2] not in common
                    and INVITE in folded[s:s + INVITE_REACH].split("。", 1)[0]):
                start, chunk = start + 1, chunk[1:]  # 應|某某集團會長之邀: 應 (at the invitation of) opens the clause
            if chunk[:1] == HAS and len(chunk) >= 5 and strength in ("legal", "strong") and _home_place_length(chunk[1:]):
                start, chunk = start + 1, chunk[1:]  # 還有|江蘇某某鋁業有限公司: 有 ends the list's verb; the place opens the name
            if strength in ("weak", "venue") and len(chunk) == 2 and (
                    folded[start - 1:start + 1] in common or folded[start - 1:start + 1] in _tw_everyday_words()):
                continue  # 加|強新|能源: a two-character name would begin inside a word
            if strength == "weak" and len(chunk) == 2 and chunk[0] in PREPOSITION_END_CHARS \
                    and chunk[1:] + suffix in generic:
                continue  # 仍會以|高科技、大健康為主打: a preposition and a generic word as its object, no name
            if strength != "legal" and (start > 0 and folded[start - 1].isdigit() or _DATE_OPENING.match(chunk)
                                        or folded[start - 2:start - 1].isdigit() and folded[start - 1] == " "
                                        and chunk[:1] in DATE_UNITS):
                continue  # 5月新|能源, 將在23日舉行|集團, 2025 年新|能源: a date, not a name
            if strength == "legal" and _DAY_OPENING.match(chunk):
                continue  # 8月8日收到|公司董事長的辭職報告: a day and a verb before 公司, no registered name
            if start and chunk.startswith(AMOUNT_TAILS) and (
                    folded[start - 1].isdigit() or folded[start - 1] in DIGIT_VALUES or folded[start - 1] in _AMOUNT_UNITS):
                continue  # 挪用5.08億|餘元銀行資金, 3000|多元銀行存款: an amount's tail, no name
            if strength != "legal" and folded.startswith(OUTLET_AFTER, e):
                continue  # 中國證券|網訊, 據某某證券|網報道: a news site named as a source, no company (ANNOTATION.md)
            if strength != "legal" and (chunk.endswith(ZONE_END) or folded.endswith(FREE_PORTS, 0, s)):
                continue  # 自貿區|建設, 自貿港|建設: the works of a zone, a district or a free-trade port
            if strength != "legal" and suffix in LINE_WORKS and chunk.endswith(LINE_END):
                continue  # 藍線|建設, 萬大線|工程: the works of a transit line
            if suffix == ENERGY and chunk.endswith(NEW_HEAD) and any(
                    folded.endswith(t, max(0, s - 1 - len(t)), s - 1) for t in _trades()):
                continue  # 圍繞鋰電|新能源, 光伏|新能源等產業: a trade and new energy, no name
            if suffix == FUTURES and chunk.endswith(_futures_underlyings()):
                continue  # 台指|期貨, 原棕油|期貨: a futures contract, no futures broker
            if suffix == BANK and (any(w in chunk for w in PERSON_BEFORE_BANK) or _AGE.search(chunk)):
                continue  # 52歲男子|銀行戶頭, 男子到|銀行: a person, their account at a bank or their errand there, no bank's name
            if suffix == BANK and folded.endswith(_central_banks(), 0, e):
                continue  # 英格蘭銀行, 日本銀行, 英|格蘭銀行: a central bank, no company
            if suffix == BANK and chunk == NATIONAL:
                continue  # 國家銀行 with no country before it: Malaysia's Bank Negara (the Malaysian press's short name of
                # the central bank) or a state's bank in general, no company (卡達國家銀行, QNB, still is one)
            if suffix == BANK and chunk in BANK_KINDS:
                continue  # 城商銀行和農商銀行: the mainland's kinds of bank by charter, no name (上海|農商銀行 is one)
            bare = strength == "legal" and suffix == fold("公司")  # 公司 alone: mostly "the company"
            kind_of_group = suffix == GROUP and not is_latin(chunk) and self._generic(chunk, generic, places, strength)
            # (a Hong Kong or Singaporean page spaces the Latin name off: 公關公司 Edelman)
            named = _LATIN_NAME_AFTER.match(folded, e + (folded[e:e + 1] == " ")) if (
                bare or kind_of_group) and not is_latin(chunk) else None
            if named is not None and named.end() - named.start() >= _LATIN_ALIAS_MIN:  # (公司 We. …: no "We")
                # 市調公司Canalys, 金融服務公司Motley Fool, 英國諮詢集團Skytrax: a kind of business, and the name after it
                span = named.span()
                listed = next((f[0].info for hs, he, f in known.matches(folded[span[0]:span[1]])
                               if hs == 0 and he == span[1] - span[0]), None)
                written = doc.text[span[0]:span[1]]
                yield span[0], span[1], listed.canonical if listed else written, listed, "strong"
                continue
            latin_led = bare and _latin_trade_led(chunk, common)  # Leaptec工程|公司: a Latin trade name and its trade
            # 資本|集團(Capital Group): a generic word is a name when its own name in title case follows in brackets
            titled = bracketed and strength != "legal" and _TITLE_CASE_IN_BRACKETS.match(folded, e) is not None
            # 北京|能源|集團董事長某某: a mainland place and a trade before 集團, then its chairman's or manager's title:
            # the local state group's own name, no kind of group (北京能源集團 alone may be the city's energy groups)
            chaired = (suffix == GROUP and 0 < _home_place_length(chunk) < len(chunk)
                       and folded.startswith(_folded_corporate_titles(), e))
            if self._generic(chunk, generic, places, strength, registered=strength == "legal" and not bare,
                             group=suffix == GROUP) and not (titled or chaired) or reads_as_phrase(chunk, weak=bare) and not latin_led:
                continue
            if strength == "strong" and len(chunk) == 2 and (
                    chunk in _function_words()[2] or chunk in _tw_everyday_words()) and not any(
                    hs == 0 and he == 2 for hs, he, _ in known.matches(chunk)):
                continue  # 為|完善|金控版圖, 將推升|金控: a verb before a strong suffix is no name (金利|企業行 is; so is a listed one)
            home = self._professional_place(chunk) if suffix in PROFESSIONAL_FIRMS else 0
            if strength in ("weak", "venue") and not (
                self._looks_like_name(chunk, common, places) or bracketed and all(is_han(c) for c in chunk)
                or home and self._looks_like_name(chunk[home:], common, places)
                or strength == "venue" and regex.fullmatch(r"[A-Z][A-Za-z]{2,}", chunk)
            ) or strength == "weak" and (_COUNTED.fullmatch(chunk) or not CANTONESE_PARTICLES.isdisjoint(chunk)
                                         or start and _COUNTED.fullmatch(folded, start - 1, start + 1)
                                         or _counted_and_one(chunk)):
                continue  # (交付十艘|遊艇, 兩家|科技: a count of things, no name; 咁嘅|電子: speech; 推出三|款新|科技
                # 車型, 五款新|能源車型: a count and its measure word open the chunk, one adjective at most after them)
            if bare and chunk.endswith(AFTER_EVENT):
                continue  # 轉增後|公司總股本, 重組後|公司: "the company after" an event, no name
            if strength == "legal" and suffix == fold("公司") and not is_latin(chunk):
                # bare 公司 after Han text is mostly "the company": need a boundary and no
                # generic word, or a full name (江蘇恆潤光電科技公司: place, trade name, industry)
                # (a verb that opens the clause bounds it too: 擔任|阿波羅公司負責人, 處理|某某公司股權; not
                # an everyday word, which is the verb's own object: 涉嫌|掏空公司)
                # (a party's role or relation noun bounds it as a stop does: 被告單位|某某公司, 客戶|某某公司;
                # one that the stop 被 cut, 被|告某某公司, still opens the name after it)
                led = _after_name_lead(folded, start, s)
                if led > start:
                    start, chunk = led, folded[led:s]
                bounded = start == 0 or folded[start - 1] in STOP_CHARS or after_according_to or _after_item_number(
                    folded, start) or folded.endswith(_name_leads(), 0, start) or (
                    verb_opened and chunk not in _everyday_words() and all(map(is_han, chunk)))
                # (a longer chunk that opens with an everyday word is a clause: 具體內容詳見|公司)
                short = len(chunk) <= 4 or len(chunk) <= 6 and (chunk[:2] not in common or chunk[:2] in places)
                trade = _strip_industry(chunk, suffixes)
                latin = _LATIN_WORD_BEFORE.search(trade) if trade != chunk else None
                if latin is not None and _LATIN_TRADE_NAME.fullmatch(latin.group()):
                    # 促請|MYAirline航空公司: a Latin trade name and an industry word make a name, which
                    # the Latin word begins
                    start, chunk = start + latin.start(), chunk[latin.start():]
                # (a name of any length that its Latin name in brackets follows: 某某兄弟生態工程公司(Acme Engineering))
                # (an everyday verb that jieba lacks is no name either: 多地,實探|公司的項目 is a visit to the firm)
                elif not (bounded and (short or bracketed) and chunk not in common and chunk not in _tw_everyday_words()
                          or self._full_name(chunk, suffixes) or latin_led):
                    continue
                elif _two_everyday_words(chunk) and trade == chunk:
                    continue  # 被指控|掏空|公司: a verb and its object, then "the company", no name
            if len(chunk) < 2 or chunk.isdigit():
                continue  # 157|公司創新高: a count of firms, no name
            written = doc.text[start:s] if strength == "legal" else doc.text[start:e]
            yield start, e, written, None, strength

    def _listed_before_kind(self, folded: str, entities: list[Entity], common: frozenset[str],
                            places: frozenset[str]) -> Iterator[tuple[int, int]]:
        """春福、富宇（4907）、昌益、寶佳等建商: the items of a list that 等 and a kind of firm close,
        where a known company is one of them, are companies (each two to four Han characters that
        read as a name; a stock code in brackets may follow an item). An item that ends in a
        strong industry word (某某集團、某某化工) is as sure as a known one."""
        closings = list(_list_before_kind().finditer(folded)) if fold("等") in folded else []
        if not closings:
            return
        known = IntervalSet()
        for entity in entities:
            known.add(entity.start, entity.end)
        generic = _rules()[2]
        for match in closings:
            items = []
            end = match.start()
            while True:
                code = _STOCK_CODE_BEFORE.search(folded, max(0, end - 8), end)
                if code is not None:
                    end = code.start()  # 富宇（4907）: the item before its stock code
                start = end
                while start > 0 and end - start < LIST_ITEM_LIMIT + 1 and folded[start - 1] not in STOP_CHARS:
                    start -= 1
                items.append((start, end))
                if start == 0 or len(items) > LIST_ITEM_COUNT or folded[start - 1] != fold("、") and not (
                        len(items) == 1 and folded[start - 1] in LAST_ITEM_JOINERS):
                    break  # (嘉鴻、捷順企業及軒味食品等3家企業: 及, 與 or 和 joins the last item)
                end = start - 1
            if len(items) < 2 or not any(known.covers(s, e) or self._ends_in_strong_suffix(folded[s:e])
                                         for s, e in items):
                continue
            for s, e in items:
                for s in self._item_starts(folded, s, e, common):
                    chunk = folded[s:e]
                    if not known.overlaps(s, e) and self._item_looks_like_name(chunk, common, places) and not (
                            self._generic(chunk, generic, places, "weak") or reads_as_phrase(chunk, weak=True)):
                        yield s, e
                        break

    @staticmethod
    def _item_starts(folded: str, start: int, end: int, common: frozenset[str]) -> list[int]:
        """Where a list item may begin: where its scan stopped, and, when the scan ran out of room with no
        stop before it, after each everyday word that ends inside it (今天通過|嘉鴻遊艇、…: 通過 is the verb)."""
        if not start or folded[start - 1] in STOP_CHARS:
            return [start]
        return [start] + [i for i in range(start + 1, end - 1) if folded[i - 2:i] in common]

    def _item_looks_like_name(self, chunk: str, common: frozenset[str], places: frozenset[str]) -> bool:
        """A list item reads as a name, or as a name and an industry word (捷順|企業, 軒味|食品: the industry
        word is a common word itself, the name before it is none)."""
        if self._looks_like_name(chunk, common, places):
            return True
        suffixes = _rules()[0]
        return any(len(chunk) - n >= 2 and chunk[-n:] in suffixes and self._looks_like_name(chunk[:-n], common, places)
                   for n in (2, 3))

    @staticmethod
    def _ran_out(folded: str, start: int) -> bool:
        """The scan left from a suffix stopped at its limit, not at a stop: a word may run on before ``start``."""
        return start > 0 and folded[start - 1] not in STOP_CHARS and (is_han(folded[start - 1]) or folded[start - 1].isalnum())

    @staticmethod
    def _place_opening(chunk: str, reach: int) -> int | None:
        """Where a mainland province or city begins ``chunk``'s name, within ``reach`` characters of its start,
        with two characters or more of a trade after it (太原|軌道交通, 浙江|機場); or None."""
        for i in range(min(reach, len(chunk) - 3) + 1):
            length = _home_place_length(chunk[i:])
            if length and len(chunk) - i - length >= 2:
                return i
        return None

    @staticmethod
    def _registered_phrase_end(chunk: str) -> int:
        """:func:`phrase_end` of a legal name's words, but a word-opening character right after a
        place opens the trade name there (上海|均瑤(集團)有限公司: 均 is no adverb after 上海)."""
        end = phrase_end(chunk)
        if end > 2 and chunk[end - 1] in PHRASE_START_CHARS and chunk[end - 1] != INDEFINITE \
                and _places_only(chunk[:end - 1]):
            return 0  # (東莞某|電子科技: a masked name, which stays cut)
        return end

    @staticmethod
    def _professional_place(words: str) -> int:
        """The length of the mainland province or city, with its 省 or 市 if written, that opens ``words``
        (北京市|某某, 陝西|某某), or 0."""
        n = _home_place_length(words)
        return n + 1 if n and words[n:n + 1] in WRITTEN_OUT_PLACE_ENDS else n

    def _place_and_trade_start(self, words: str) -> bool:
        """``words`` are a mainland place and one or two more characters that open a trade name
        with the known name after them (上海|偉|嘉晶創光電科技有限公司: 嘉晶 is only part of it)."""
        for n in (4, 3, 2):
            rest = words[n:]
            if 1 <= len(rest) <= 2 and self._home_place(words[:n]) and all(map(is_han, rest)) \
                    and not reads_as_phrase(rest, weak=True):
                return True
        return False

    @staticmethod
    def _ends_in_strong_suffix(chunk: str) -> bool:
        """A list item of a name and a strong or legal industry word (金某集團, 某某化工): a firm."""
        suffixes = _rules()[0]
        return any(len(chunk) > n and suffixes.get(chunk[-n:]) in ("strong", LEGAL) for n in (2, 3, 4))

    @staticmethod
    def _listed_latin_firms(folded: str) -> Iterator[tuple[int, int]]:
        """Latin names listed after a count of companies and 是/為/包括 (3家私人有限公司是Sindok
        Trading、Laurich International以及SCN Singapore): each is a firm, with or without a legal form."""
        for opening in _FIRMS_LISTED.finditer(folded):
            pos = opening.end()
            while (item := _LATIN_ITEM.match(folded, pos)) is not None:
                yield item.span()
                joiner = _LATIN_ITEM_JOINER.match(folded, item.end())
                if joiner is None:
                    break
                pos = joiner.end()
        for opening in _RELATED_FIRM.finditer(folded):
            item = _LATIN_ITEM.match(folded, opening.end())
            if item is not None and len(item.group()) >= RELATED_FIRM_MIN:
                yield item.span()
        for word in _HOLDING_WORDS:  # Food Empire Holdings: a Latin name that ends in Holdings is a firm's
            at = folded.find(word)
            while at >= 0:
                after = at + len(word)
                named = _LATIN_NAME_BEFORE.search(folded, max(0, at - 1 - STAKE_NAME_REACH), at - 1) if (
                    folded[at - 1:at] == " " and not _latin_or_digit(folded[after:after + 1])) else None
                if named is not None:
                    yield named.start(), after
                at = folded.find(word, after)
        at = folded.find("%")
        while at >= 0:  # Novus Mediacorp的51%股權: a stake in it makes a Latin name a firm
            if folded.startswith(_STAKE_WORDS, at + 1):
                number = at
                while number and (folded[number - 1].isdigit() or folded[number - 1] == "."):
                    number -= 1
                if number < at and folded[number - 1:number] == OF:
                    named = _LATIN_NAME_BEFORE.search(folded, max(0, number - 1 - STAKE_NAME_REACH), number - 1)
                    if named is not None and len(named.group()) >= _LATIN_ALIAS_MIN and (
                            not named.group().isupper() or " " in named.group()):
                        yield named.span()
            at = folded.find("%", at + 1)

    def _frame_candidates(self, doc: Document) -> Iterator[tuple[int, int]]:
        """Names of two to four Han characters between the words of a frame (``company_frames``)
        that read as a name (no common word, place or generic word inside them)."""
        hits = document_matches(doc, company_frames())
        if not hits:
            return
        folded = doc.folded
        generic = _rules()[2]
        common = common_words()
        everyday_words = _everyday_words()
        places = _place_names()
        known: IntervalSet | None = None  # the listed names, read only once a frame opens: 」 is on most pages
        for position, end, befores in sorted(hits):
            if folded.startswith(INDEX_WORD, end):
                continue  # 某某|股價指數: the frame's word opens an index's name (a market's gauge), no firm's price
            if folded[position - 1:position] == TOTAL:
                continue  # 占總|營收, 集團總|營收: 總 opens the frame's word (total revenue), no name ends in it
            if folded[position - 1:position + 1] in everyday_words or folded[position - 1:position + 1] in common:
                continue  # 以招|股價上限定價: the frame's word is the end of a longer word (招股價, the offer price)
            for length in (4, 3, 2):
                start = position - length
                if start < 0:
                    continue
                chunk = folded[start:position]
                if not STOP_CHARS.isdisjoint(chunk):
                    continue  # the clause begins inside: a shorter name may fill it
                if "^" in befores and (start == 0 or folded[start - 1] in STOP_CHARS):
                    opened = True
                else:  # (the character before the name ends one of the befores: a cheap look first)
                    opened = start > 0 and any(folded.startswith(before, start - len(before), start)
                                               for before in befores if before[-1] == folded[start - 1])
                if not opened:
                    continue
                if chunk[-1] in PERIOD_UNIT_CHARS:
                    break  # 15 家|月營收, 全年|年營收: a period's figure (月營收, 季財報), no name before the frame's word
                if known is None:
                    known = IntervalSet()
                    for hit_start, hit_end, form in self._dictionary_hits(doc):
                        if not _province_before_foreign(folded, hit_start, hit_end, form):
                            known.add(hit_start, hit_end)
                if known.overlaps(start, position):
                    break  # a listed name is the dictionary's to find
                # Nothing but its own words backs the name: no everyday word inside it either
                # (晶圓|代工營收 is an industry's revenue).
                everyday = any(chunk[i:i + 2] in everyday_words for i in range(len(chunk) - 1))
                # (湖南|華成生物|投資的: a two-character trade name and a trade noun that is a common word, 生物)
                named = self._looks_like_name(chunk, common, places) or (
                    len(chunk) == 4 and chunk[2:] in FRAME_TRADE_NOUNS and self._looks_like_name(chunk[:2], common, places))
                if not everyday and named and not (
                    self._generic(chunk, generic, places, "weak") or reads_as_phrase(chunk, weak=True)
                ):
                    yield start, position
                break  # the frame opens here and nowhere else

    @staticmethod
    def _latin_in_brackets(folded: str, end: int) -> bool:
        """A Latin name or abbreviation of at least three letters in brackets right
        after ``end``: 華新科技(WTC), 某某企業(ABC)."""
        return folded[end:end + 1] in ("(", "（") and _BRACKET_LATIN.match(folded, end) is not None

    @staticmethod
    def _full_name(chunk: str, suffixes: dict[str, str]) -> bool:
        """A mainland-style full name before 公司: a region or city, a trade name of
        two to four characters and an industry word (江蘇|恆潤|光電科技, 廣州|立達|精密)."""
        if not 5 <= len(chunk) <= 14 or not all(is_han(c) for c in chunk):
            return False
        regions = _name_places()
        place = next((n for n in (4, 3, 2) if chunk[:n] in regions), 0)
        if not place:
            return False
        rest = chunk[place:]
        line = next((w for w in _FULL_NAME_LINES if rest.endswith(w) and len(rest) >= len(w) + 4), "")
        rest = rest[:len(rest) - len(line)]  # 廣州|東華實業|資產經營: the line of business after the industry word
        for n in (3, 2):
            word = rest[-n:]
            if suffixes.get(word) in ("weak", "strong", "venue") and 2 <= len(rest) - n <= 6:
                return not reads_as_phrase(rest)
        return False

    @staticmethod
    def _generic(chunk: str, generic: frozenset[str], places: frozenset[str], strength: str,
                 registered: bool = False, group: bool = False) -> bool:
        """A generic word, a demonstrative (這一科技), or a place plus a generic word
        (歐洲投資銀行): no company's own name; but a place and a generic word before 有限公司
        (``registered``) are a registered name (北京市|基礎設施投資|有限公司)."""
        if chunk in generic or chunk[:1] in generic or chunk.endswith(INDEFINITE):
            return True  # 路氹某|酒店, 某|銀行: "a certain hotel"
        if chunk.endswith(ALL_THE_PLACES):
            return True  # 粵港澳三地|銀行: the banks of all the places named
        if chunk in _trades() or _industry_words_only(chunk, _rules()[0]):
            return True  # 電商平台|公司, 食品|集團, 光電科技|公司: a trade and no trade name
        if chunk.endswith(KIND_OF) and len(chunk) <= 5:
            return True  # 平台型|公司, 科技型|企業, 輕資產型|公司: a kind of firm, no name
        if len(chunk) > 2 and chunk[0] in INTENT_OPENERS and chunk[1:] in generic:
            return True  # 擬|回購|股份, 將|增發|股份: a filing's verb of intent before a generic word, no name
        if chunk.endswith(SCHOOL_GROUP_ENDS):
            return True  # 杭州市學軍中學教育|集團: a school group
        if len(chunk) > 2 and chunk[0] in OWN_LEVELS and (chunk[1:] in _trades() or chunk[1:] in generic) \
                and not registered and strength != "strong":
            # 市|供電|公司, 縣|自來水|公司: the city's own utility, named by its trade only (but before 集團 or a
            # legal form, 市|建築|集團, 市|基礎設施投資|有限公司, the city's own state firm: a company)
            return True
        if _FIRM_COUNT.search(chunk):
            return True  # 20個|銀行, 利用22個|銀行, 13大|銀行: a count of businesses, not a name
        count = _BARE_FIRM_COUNT.search(chunk)
        if count is not None and (chunk[count.end():] in _trades() or _industry_words_only(chunk[count.end():], _rules()[0])
                                  or count.end() == len(chunk) and count.start() > 0):
            # 將晤20|航空公司, 逾百|銀行 (a headline drops the measure word): a count, no name (but 360|集團 is one)
            return True
        if any(chunk[:n] in generic and (chunk[n:] in _trades() or _industry_words_only(chunk[n:], _rules()[0]))
               for n in (2, 3) if n < len(chunk)):
            return True  # 單一|航空集團, 內地|城市商業|銀行: a generic word and a trade, a kind of firm whatever the suffix
        if strength != "strong" and any(chunk[:n] in generic for n in (2, 3, 4) if n < len(chunk)):
            return True  # 數位|基磐建設: a generic word leads it
        home = _home_place_length(chunk) if group and len(chunk) > LOCAL_GROUP_REST + 1 else 0
        for length in range(min(len(chunk) - 1, 4), 1, -1):
            if home == length and len(chunk) - length >= LOCAL_GROUP_REST:
                break  # 某市|航空產業|集團: a mainland city or province, a trade and more before 集團, a local state group
            if chunk[:length] in places and not registered and not (
                    strength == "strong" and chunk[length - 1] in WRITTEN_OUT_PLACE_ENDS) and (chunk[length:] in generic or any(
                    chunk[length:length + n] in generic for n in (2, 3, 4) if length + n < len(chunk))):
                return True  # 歐洲|投資銀行; 南韓|本土|航空公司: a place, then a generic word that leads the rest
        return strength != "strong" and chunk in places

    @staticmethod
    def _company_of_branch(chunk: str) -> int:
        """The length of the name of the company a branch belongs to, written before its legal form
        (某某科技股份有限公司|台灣|分公司 -> 某某科技), or 0 (某某銀行台中|分公司: no form to cut at)."""
        inner = chunk.find(COMPANY)
        if inner <= 0:
            return 0
        head = chunk[:inner]
        for form in LEGAL_FORM_HEADS:
            if head.endswith(form):
                head = head[:-len(form)]
                break
        return len(head) if len(head) >= 2 else 0

    @staticmethod
    def _looks_like_name(chunk: str, common: frozenset[str], places: frozenset[str]) -> bool:
        """A name before an industry word: Han, and no common word or place inside it
        (創新科技, 傳輸科技 and 臺灣大學科技 are no company names; 豐禾建設 is)."""
        if not 2 <= len(chunk) <= 4 or not all(is_han(c) for c in chunk) or chunk in _everyday_words():
            return False
        pieces = {chunk[i:i + n] for n in (2, 3) for i in range(len(chunk) - n + 1)}
        # (and no everyday verb that jieba lacks: 做大做強|科技型企業 is a slogan, no firm)
        return not (pieces & common or pieces & places or pieces & _tw_everyday_words())

    # ------------------------------------------------------------------ find
    def find(self, doc: Document) -> Iterator[Entity]:
        folded = doc.folded
        hits = self._dictionary_hits(doc)
        known = company_dictionary()
        entities: list[Entity] = []
        sure: set[str] = set()
        pending: list[tuple[int, int, Form]] = []
        suffix_pattern = _rules()[1]
        common = common_words()
        places = _place_names()
        currencies = _currency_words()
        # Latin names that the page binds to a body (海洋管理委員會(MSC)) mean that body all through it
        body_abbreviations = {folded[s:e] for s, e, form in hits if form.latin and _abbreviates_body(folded, s)}
        hit_ends = {e for _, e, _ in hits}
        for start, end, form in hits:
            if folded[end:end + 1] == ZONE_END and folded[end + 1:end + 2] not in NOT_DISTRICT_AFTER and not form.latin:
                continue  # 東麗|區, 福田|區: a district of the same name
            if _province_before_foreign(folded, start, end, form):
                continue  # 江蘇|威騰投資的: a mainland firm named by its province and a foreign firm's short name
            if form.latin and folded[start:end] in body_abbreviations:
                continue  # 海洋管理委員會(MSC), then MSC認證: the council's abbreviation, not the shipping line's
            subsidiary = None
            if form.latin:
                subsidiary = _LATIN_SUBSIDIARY_AFTER.match(folded, end)
                if subsidiary is None and folded.endswith(SUBSIDIARY_BEFORE, 0, start):
                    subsidiary = _LATIN_REGION_BRACKET.match(folded, end)
            if subsidiary is not None:
                written = doc.text[start:subsidiary.end()]
                info = CompanyInfo(written, (), None, form.info.country, form.info.canonical)
                entities.append(self._entity(doc, start, subsidiary.end(), info, "company.dictionary"))
                continue  # Samsung Heavy Industries, Evergreen Marine (Asia): a subsidiary of its own
            service = _LATIN_WORDS_AFTER.match(folded, end).end() if form.latin else end
            if folded.startswith(NEWS_SERVICES, service) and folded[service + 2:service + 3] not in NEWS_NOT_SERVICE:
                continue  # 網易新聞, Yahoo新聞, PChome Online新聞: a news service named as a medium (not 某某新聞稿, 新聞發言人)
            if form.latin and folded.startswith(_product_words(), end):
                continue  # Microsoft Edge, Google Chrome: a product's name, not the company named
            if folded[end:end + 2].strip()[:1].isdigit() and _INDEX_NUMBER_AFTER.match(folded, end) is not None:
                continue  # 標普|500指數收盤: the index named after the company, no company
            if form.info.canonical in _INDEX_PROVIDERS and _PROVIDER_INDEX_AFTER.match(folded, end) is not None:
                continue  # 明晟(MSCI)|新興市場指數, MSCI|指數權重: an index named after its provider
            if folded.endswith(_METRO_NAME_ENDS, start, end) and _LINE_AFTER.match(folded, end) is not None:
                continue  # 台中捷運|藍線: a metro line, not the metro company
            if folded.endswith(_RAIL_NAME_ENDS, start, end) and (
                    _STATION_AFTER.match(folded, end) is not None or _NAMED_STATION_AFTER.match(folded, end) is not None):
                continue  # 九龍灣港鐵|站, 港鐵|東涌東站: a station, not the railway company
            # A name whose edge is half of a common word is likely inside that word:
            # 全聯 in 安全聯盟, 日友 in 臺日友誼, 台灣大 in 台灣大學.
            # 工智 in 人工智能, 達新 in 達新台幣: the name's edge is half of a word.
            # A long name (中國信託銀行 in 攜手中國信託銀行) is never inside a word; a cue word
            # that ends where the name begins explains its first character (賣超|群創), and so
            # does a word that stands before names (name_leads.txt: 攜手|中油, not 手中).
            # (Not for the user's own names: 星河動力|主席 is no 力主.)
            # 前|台泥總經理: 前 (former) before a name that a corporate title follows is the title's
            # prefix, not the first half of 前台 (front desk).
            # 凱德集團和|豐樹: a list's joiner right after another company's name opens the next item, no word
            # (和豐) or town (和豐, Ayer Tawar) whose first half the joiner is
            listed_after_name = start and folded[start - 1] in NAME_LIST_JOINERS and start - 1 in hit_ends
            inside_word = not form.latin and not form.user and end - start <= 3 and (
                folded[start - 1:start + 1] in common and not self._cue_ends_at(doc, start)
                and not folded.endswith(_name_leads(), 0, start)
                and not (folded[start - 1] == FORMER and folded.startswith(_folded_corporate_titles(), end))
                and not listed_after_name
                or folded[end - 1:end + 1] in common and not self._city_at(folded, end)
                and not folded.endswith(_EXCHANGE_END, start, end) and not (folded.startswith(_TIME_AFTER_NAME, end) or _FIRST_MONTHS_AFTER.match(folded, end))
                and not folded.startswith(_long_say_verbs(), end)  # 新地|表示: a verb of saying, no 地表
                or folded[end - 1:end + 2] in currencies or folded[end - 1:end + 3] in currencies
                or self._across_city(folded, start, end) and not listed_after_name
            )
            straddles = inside_word or not form.latin and folded[start:end] in places
            if form.ambiguous and (end - start >= 4 or folded[start:end] in _LOCAL_STATE_FIRMS) and self._city_before(folded, start):
                continue  # 上海|證券交易所: a city's own institution, not the name (證交所 = TWSE) alone; 某市|國投: its own state firm
            # (a listed name that is an everyday word jieba lacks, 熱映 of film pages, needs context as well)
            if form.ambiguous or straddles or folded[start:end] in _tw_everyday_words():  # needs context (most names do not)
                if folded.startswith(_NATIONAL_OFFICE, start):
                    continue
                if folded.startswith(_AIRPORT_STATION, end):
                    continue  # 台南|航空站: the place's airport, no firm
                if folded[end:end + 1] in CITY_LEVEL_ENDS and any(
                        s == 0 and e == end + 1 - start for s, e, _ in city_gazetteer()[0].matches(folded[start:end + 1])):
                    continue  # 台南|市體育總會, 台中|市政府: the name and 市 or 縣 make the city's, even in a list
                if folded.startswith(_folded_corporate_titles(), start):
                    continue  # 聯合|創辦人, 聯合|主席: the word opens a title (co-founder), no name
                suffix = suffix_pattern.match(folded, end)
                # 全台|百貨: after an everyday phrase (tw_phrase, period, field) only a legal form confirms;
                # 現代|工業, 現代|化工: an everyday word before an industry word of the weak kind is the
                # phrase (modern industry), not the listed name and its trade (國賓|飯店 still is)
                followed_by_suffix = suffix is not None and (
                    folded[start:end] not in company_phrase_names()["uncued"] or _rules()[0][suffix.group()] == LEGAL
                ) and not (folded[start:end] in common and _rules()[0][suffix.group()] == "weak")
                # 國賓|飯店 confirms 國賓, but not inside a longer name (沛星互動|科技).
                bounded = start == 0 or folded[start - 1] in STOP_CHARS or not is_han(folded[start - 1])
                confirmed = followed_by_suffix and bounded
                # 中石化5萬6647張, 南亞6萬張, 南亞收54.8元: lots traded or a price right after it (a market report's list)
                confirmed = confirmed or not inside_word and (
                    _LOTS_AFTER.match(folded, end) is not None or _PRICE_AFTER.match(folded, end) is not None
                    or _QUOTE_AFTER.match(folded, end) is not None or _FLOW_AFTER.match(folded, end) is not None)
                # 本田Civic轎車: a model and a vehicle word right after it name the carmaker
                confirmed = confirmed or not inside_word and _MODEL_AFTER.match(folded, end) is not None
                confirmed = confirmed or not inside_word and _MODEL_BARE_AFTER.match(folded, end) is not None and (
                    _VEHICLE_COUNT_BEFORE.search(folded, max(0, start - VEHICLE_COUNT_REACH), start) is not None)
                # 快手升逾7%: a share's move right after it, as a market report words it (快手-W升: its
                # share-class marker between)
                marked = _after_share_class(folded, end)
                confirmed = confirmed or not inside_word and _move_after().match(folded, marked) is not None
                # 蘋果(NASDAQ:AAPL), 蘋果(Apple): a ticker or a Latin name in brackets confirms it
                confirmed = confirmed or bounded and not inside_word and folded[marked:marked + 1] in ("(", "（") and (
                    _ticker().match(folded, marked) is not None or self._latin_in_brackets(folded, marked)
                )
                # 和滴滴 (Didi): the company's own Latin name in brackets, after a space as 鉅亨網 writes it, confirms it
                # even inside a list (any Latin word would not: 某某 (AFP) is a credit)
                confirmed = confirmed or not inside_word and folded[marked:marked + 1] == " " and _own_latin_in_brackets(
                    folded, marked + 1, form.info)
                # 華東 (8110-TW): a ticker may stand after a space, as 鉅亨網 writes it; the company's own code
                # confirms it after any character (其他如|華東 (8110-TW))
                ticker = not inside_word and _ticker().match(folded, end + (folded[end:end + 1] == " "))
                confirmed = confirmed or bool(ticker) and (
                    bounded and folded[end:end + 1] == " " or ticker.group("code") == form.info.stock_code)
                if not confirmed and folded[start:end] in _RANK_WORDS and _FIGURE_BEFORE_RANK.search(
                        folded, max(0, start - 3), start):
                    continue  # 居買超冠軍, 漲幅冠軍: a rank after a market figure, no stock (冠軍 is also a name)
                # A cue nearby (營收, 董事長) does not take a name out of the word it is in,
                # and an everyday word (卓越, 統一) needs its cue right next to it.
                everyday = folded[start:end] in common or form.ambiguous and end - start == 2 \
                    or folded[start:end] in _tw_everyday_words()  # (熱映: a film's run, as jieba lacks it)
                # 中期業績: a period word qualifies the results word after it; 澳門博彩收入: so does a
                # place's industry (field); no cue confirms either
                cued = not inside_word and folded[start:end] not in company_phrase_names()["uncued"] and (
                    # a place's name (台南, 南港) keeps its cue touching it: 台南昨天上漲至38度 is the weather
                    self._has_cue(doc, start, end, adjacent=everyday, across_dates=folded[start:end] not in places))
                if not confirmed and not cued:
                    if not inside_word:
                        pending.append((start, end, form))
                    continue
            if self._inside_org_name(folded, end):
                continue  # checked last: most hits never get here
            info = self._a_share_listing(doc, start, end, form.info)
            sure.add(info.canonical)
            entities.append(self._entity(doc, start, _bracket_place_end(folded, end), info, "company.dictionary"))
        sure_ends = {e.end for e in entities}
        sure_starts = {e.start for e in entities}
        fields = company_phrase_names()["field"]
        while pending:
            left = []
            for start, end, form in pending:
                # 國賓 alone after 國賓飯店 was seen; 和碩 in a list with 鴻海、和碩、聯發科.
                # A field (澳門博彩稅) stays the industry's even after the company's full name.
                if (form.info.canonical in sure and folded[start:end] not in fields
                        or self._listed_with(folded, start, end, sure_ends, sure_starts)) and not (
                    self._inside_org_name(folded, end)
                ):
                    entities.append(self._entity(doc, start, _bracket_place_end(folded, end), form.info,
                                                 "company.dictionary_context"))
                    sure_ends.add(end)  # the list goes on through it: 吉利、長安、上汽通用五菱
                    sure_starts.add(start)
                else:
                    left.append((start, end, form))
            if len(left) == len(pending):
                break
            pending = left

        found_names: dict[str, tuple[str, CompanyInfo | None]] = {}
        for start, end in self._listed_before_kind(folded, entities, common, places):
            entities.append(self._entity(doc, start, end, doc.text[start:end], "company.list"))
            found_names.setdefault(folded[start:end], (doc.text[start:end], None))
        suffixed = _agreed_suffix_names(folded, list(self._suffix_candidates(doc, known)))
        surnames = official_grammar().surnames
        # Copyright © 2001-2025 某某網絡科技股份有限公司: the page's own publisher (its masthead), whose name holds
        # no other firm (© 某某|金信科技|有限公司: its trade name and industry)
        publishers = [(start, end) for start, end, _, _, strength in suffixed if strength == "legal" and (
            _COPYRIGHT_BEFORE.search(doc.text, max(0, start - _COPYRIGHT_REACH), start) or _RIGHTS_AFTER.match(folded, end))]
        for start, end, name, info, strength in suffixed:
            if self._inside_org_name(folded, end):
                continue
            if publishers and any(ps <= start and end <= pe for ps, pe in publishers):
                continue
            if info is None and folded[start + 1:start + 2] == SURNAME_MARK and folded[start] in surnames:
                continue  # 陳姓|建設公司: court and police news withhold the firm's name, giving its owner's surname
            if info is None and _rights_line(doc.text, folded, start, end):
                continue  # Copyright(C) 1998-2024 site.com All Rights Reserved某某日報報業集團: the publisher
            if info is None and strength != "legal" and (
                    folded[start - 1:start] in NEGATIONS
                    or folded[start:start + 1] in NEGATIONS and folded[start:start + 2] not in common):
                continue  # 賬項不|影響集團, 亦|不影響集團: a negated verb and its object (未來集團 is a name)
            if info is not None and info.country in ("TW", "CN"):
                a_share = _a_share_written(doc, start, end)
                if a_share is not None and a_share.stock_code != info.stock_code and fold(a_share.canonical) not in (
                        fold(info.canonical), *map(fold, info.aliases)):
                    name, info = a_share.canonical, a_share
            entities.append(self._entity(doc, start, _bracket_place_end(folded, end), name, "company.suffix", info))
            found_names.setdefault(fold(doc.text[start:end]), (name, info))
            if strength == LEGAL and info is None:
                for short in _registered_short_forms(fold(name)):
                    found_names.setdefault(short, (name, None))
        for start, end in self._frame_candidates(doc):
            entities.append(self._entity(doc, start, end, doc.text[start:end], "company.frame"))
            found_names.setdefault(folded[start:end], (doc.text[start:end], None))
        for start, end in self._listed_latin_firms(folded):
            if folded.count(" ", start, end) >= 2:
                # Seatrium AEM Holdings: two names, no comma (the last keeps a word before its Holdings:
                # CK Hutchison Holdings is one name)
                cut = _run_on_cut(doc.text[start:end], known, opening=True)
                if cut and folded.count(" ", start + cut + 1, end) >= 1:
                    start += cut + 1
            # a listed company's Latin name (平台Facebook) keeps its canonical name
            # (and so does a known name before its Holdings: CK Hutchison Holdings is 長江和記)
            whole = end - start - (len(_HOLDING_WORDS[0]) + 1 if folded.endswith(_HOLDING_WORDS, start, end) else 0)
            info = next((forms[0].info for hs, he, forms in known.matches(folded[start:end])
                         if hs == 0 and he in (end - start, whole)), None)
            name = info.canonical if info is not None else doc.text[start:end]
            entities.append(self._entity(doc, start, end, name, "company.listed_latin", info))
            found_names.setdefault(folded[start:end], (name, info))
        for match in self._foreign_prefix_matches(doc):
            name_start = match.start("name")
            # The longest listed name opening the name: 台商|聯發科|表示 is 聯發科 (not 聯發, nor 聯發科表示).
            opening = max(((he, f[0].info) for hs, he, f in known.matches(folded[name_start:match.end("name")])
                           if hs == 0), key=lambda m: m[0], default=None)
            if opening is None and (reads_as_phrase(match.group("name"), weak=True) or match.group("name")[:1] in STOP_CHARS):
                continue  # 台商|投資最活躍, 台商|的雇員人數, 台商|在東莞: a clause, not a name
            if opening is None and match.group("alias") is None and folded[match.start():name_start] in HOME_PREFIXES:
                continue  # 台商|回流, 台商|回台投資: Taiwan's businesspeople, no company a list lacks
            if opening is None and folded[name_start - 1:name_start + 1] in common:
                continue  # 將軍澳|商業地: the prefix's 商 opens a word (商業, 商場), no 澳商
            if opening is None and ASSOCIATION_IN_NAME.search(match.group("name")):
                continue  # 大韓商|工會議所: a chamber's or an association's name, no company
            for group in ("name", "alias"):
                if match.group(group) is None:
                    continue
                s, e = match.span(group)
                if group == "name" and opening is not None:
                    e = s + opening[0]
                written = doc.text[s:e].strip()
                e = s + len(written)
                info = opening[1] if group == "name" and opening is not None else next(
                    (f[0].info for _, _, f in known.matches(folded[s:e])), None)
                if info is None and is_latin(written) and len(written) < _LATIN_ALIAS_MIN:
                    continue  # 美商AB: two Latin letters name no company on their own
                canonical = info.canonical if info else doc.text[name_start:match.end("name")]
                entities.append(self._entity(doc, s, e, canonical, "company.foreign_prefix", info))
                found_names.setdefault(folded[s:e], (canonical, info))
        latin_title = _rules()[5]
        for match in latin_title.finditer(folded) if self._latin_name_before_title(doc) else ():
            s, e = match.span("name")
            name = doc.text[s:e]
            if len(name) < 2 or name.isupper() and len(name) <= 3:
                continue  # CEO, AI; EBG總裁, BG總裁: a business unit's or a title's letters
            entities.append(self._entity(doc, s, e, name, "company.latin_before_title"))
            found_names.setdefault(folded[s:e], (name, None))
        for s, e in self._latin_after_kind(doc):
            written = doc.text[s:e]
            info = next((f[0].info for hs, he, f in known.matches(folded[s:e]) if hs == 0 and he == e - s), None)
            entities.append(self._entity(doc, s, e, info.canonical if info else written, "company.latin_after_kind", info))
            found_names.setdefault(folded[s:e], (info.canonical if info else written, info))
        for s, e, name, info, rule in self._latin_legal_names(doc, known):
            entities.append(self._entity(doc, s, e, name, rule, info))
            if info is None:  # ACME HOLDING CO., LTD. ... later ACME HOLDING alone
                found_names.setdefault(fold(name), (name, None))
            if info is None and folded[s - 1:s] in ("(", "（") and s > 1:
                # 砂拉越油棕(Sarawak Oil Palms Bhd): the Han name before its registered Latin name is
                # the company (and the Latin name takes its value: _bracket_aliases)
                han = self._name_before_bracket(folded, s - 1)
                if han is not None and not any(x.end == s - 1 for x in entities):
                    entities.append(self._entity(doc, han, s - 1, doc.text[han:s - 1], "company.bracket_legal"))
                    found_names.setdefault(folded[han:s - 1], (doc.text[han:s - 1], None))
        for han, s, e in self._bracketed_trade_names(doc, entities):
            # 泰國釀酒(Thai Beverage): a Han name before a bracket whose Latin name ends in a word of trade (its
            # Latin name takes its value: _bracket_aliases)
            entities.append(self._entity(doc, han, s - 1, doc.text[han:s - 1], "company.bracket_trade"))
            found_names.setdefault(folded[han:s - 1], (doc.text[han:s - 1], None))
        tickers = list(_ticker().finditer(folded)) if "(" in folded or "（" in folded else []
        if tickers:  # (NASDAQ:AAPL): the exchange in a ticker is notation, no mention
            brackets = IntervalSet()
            for match in tickers:
                brackets.add(match.start(), match.end())
            entities = [e for e in entities if not brackets.covers(e.start, e.end)]
        for s, e, name in self._ticker_names(doc, tickers, entities):
            entities.append(self._entity(doc, s, e, name, "company.ticker"))
            found_names.setdefault(folded[s:e], (name, None))
        if "ST" in folded:
            for s, e, name, info in self._st_marked_names(doc, known, entities):
                entities.append(self._entity(doc, s, e, name, "company.st_marker", info))
        entities = self._bracket_aliases(doc, entities)
        if "(" in folded:
            entities.extend(self._short_names(doc, entities))
        for entity in entities:  # 某某電子(Acme) ... later Acme alone; 某某合夥企業(下稱“某某”) ... 某某
            if entity.rule in ("company.bracket", "company.short_name") and "stock_code" not in entity.fields:
                found_names.setdefault(folded[entity.start:entity.end], (entity.normalized, None))
        entities.extend(self._later_mentions(doc, found_names, entities))
        return iter(entities)

    def _bracketed_trade_names(self, doc: Document, entities: list[Entity]) -> Iterator[tuple[int, int, int]]:
        """(start of the Han name, start and end of the Latin name) for each Latin name in brackets right
        after a Han name whose last word is a word of trade (``company/latin_trade_words.txt``): 泰國釀酒(Thai
        Beverage). Tried only where a bracket holds a capitalised Latin word."""
        folded = doc.folded
        trades = _latin_trade_words()
        at = folded.find("(")
        while at >= 0:
            match = _TRADE_IN_BRACKETS.match(folded, at) if "A" <= folded[at + 1:at + 2] <= "Z" else None
            at = folded.find("(", at + 1)
            if match is None:
                continue
            s, e = match.span(1)
            if match.group(2).casefold() not in trades or not is_han(folded[s - 2:s - 1]) \
                    or any(x.end == s - 1 or x.start <= s - 2 < x.end for x in entities):
                continue
            han = self._name_before_bracket(folded, s - 1)
            if han is not None:
                yield han, s, e

    @staticmethod
    def _latin_after_kind(doc: Document) -> Iterator[tuple[int, int]]:
        """A Latin name right after a kind of firm (``company/latin_kind_words.txt``), or one space
        after it: 法國能源巨擘Engie, 營運商UK Power Networks. Tried only where a kind word occurs."""
        folded = doc.folded
        for _, end, _ in document_matches(doc, company_latin_kinds()):
            named = _LATIN_NAME_AFTER_KIND.match(folded, end + (folded[end:end + 1] == " "))
            if named is not None and named.end() - named.start() >= _LATIN_ALIAS_MIN \
                    and " " + named.group() not in _product_words():
                yield named.span()

    def _latin_legal_names(self, doc: Document, known: Gazetteer) -> Iterator[tuple[int, int, str, CompanyInfo | None, str]]:
        """ACME HOLDING CO., LTD. -> ACME HOLDING; a known name keeps its company (NVIDIA Corp. -> 輝達)."""
        text = doc.text
        if not _LEGAL_HINT.search(text):
            return
        for match in _latin_legal().finditer(text):
            s, e = match.start("name"), match.end("form")
            name = match.group("name").rstrip(" ,")
            if len(name) < _LATIN_ALIAS_MIN or name.lower() in LATIN_CONNECTORS:
                continue
            if _COPYRIGHT_BEFORE.search(text, max(0, s - _COPYRIGHT_REACH), s):
                continue  # Copyright © 2026 某某 Ltd.: the page's own publisher, its masthead (no company)
            if name.count(" ") >= RUN_ON_WORDS:
                cut = _run_on_cut(name, known)
                if cut:
                    s += cut + 1
                    name = name[cut + 1:]
                    if len(name) < _LATIN_ALIAS_MIN:
                        continue
            info = next((f[0].info for hs, he, f in known.matches(fold(name)) if hs == 0 and he == len(name)), None)
            yield s, e, info.canonical if info else name, info, "company.latin_legal"

    @staticmethod
    def _st_marked_names(doc: Document, known: Gazetteer, entities: list[Entity]) -> Iterator[tuple[int, int, str, CompanyInfo | None]]:
        """A share's short name after its risk-warning marker (ST西發, *ST生物): the listed name that the
        marker opens, else the Han characters after it up to a non-Han one (at most ST_NAME_MAX), else
        the first two of a longer run (ST納川|收到: a headline runs the name into its verb)."""
        folded = doc.folded
        taken = IntervalSet()
        for entity in entities:
            taken.add(entity.start, entity.end)
        for match in ST_MARKER.finditer(folded):
            start = match.end()
            if folded.startswith(ST_NOT_NAMES, start):
                continue
            run = start
            while run < len(folded) and run - start <= ST_NAME_MAX and is_han(folded[run]):
                run += 1
            listed = max(((he, f[0].info) for hs, he, f in known.matches(folded[start:start + ST_NAME_MAX])
                          if hs == 0 and he >= 2), key=lambda m: m[0], default=None)
            if listed is not None:
                end, info = start + listed[0], listed[1]
            else:
                end, info = (run if run - start <= ST_NAME_MAX else start + 2), None
                end = next((i for i in range(start + 2, end) if folded.startswith(_speaker_verbs(), i)), end)
                # (ST某某稱…: the verb of saying after the name is no part of it)
            if end - start < 2 or taken.overlaps(match.start(), end):
                continue
            taken.add(match.start(), end)
            yield match.start(), end, info.canonical if info else doc.text[match.start():end], info

    @staticmethod
    def _a_share_listing(doc: Document, start: int, end: int, info: CompanyInfo) -> CompanyInfo:
        """上海銀行(601229): a name followed by a mainland ticker that is not its listing's is the
        A share of that code, a company of its own (Taiwan's 上海商銀 is also called 上海銀行)."""
        if info.country == "TW":
            # 中信银行: a Taiwanese name (中信銀行 = CTBC Bank) written in the Simplified spelling of an
            # A share's short name is that A share (China CITIC Bank), as a mainland page means it
            written = doc.text[start:end]
            a_share = a_shares_by_simplified_name().get(written)
            if a_share is None and written in a_shares_by_traditional_name() and page_region(doc).name == "CN":
                # 中信銀行 on a mainland page in Traditional script (招商銀行、中信銀行, 營收…億元 in 人民幣):
                # the page's region, not the script, says whose bank it is
                a_share = a_shares_by_traditional_name()[written]
            if a_share is not None and a_share.stock_code != info.stock_code:
                return a_share
        if doc.folded[end:end + 1] not in ("(", "（"):
            return info
        ticker = _ticker().match(doc.folded, end)
        if info.country != "HK" and info.stock_code is not None and ticker is not None and ticker.group("code"):
            # 發展商新世界(00017): an HKEX code whose listed name the words before it open is that listing's, where
            # the name is another exchange's listing (Shanghai's 新世界, 600628); 騰訊（00700） keeps its own row
            hk = _hk_listed_prefix(doc.folded, end, ticker.group("code"))
            if hk is not None and hk[0] == start:
                return CompanyInfo(hk[2], (), ticker.group("code"), "HK")
        if info.country == "CN":
            return info
        code = ticker.group("code") if ticker is not None else None
        if code is None or not A_SHARE_CODE.fullmatch(code) or code == info.stock_code:
            return info
        return CompanyInfo(doc.text[start:end], (), code, "CN")

    def _ticker_names(self, doc: Document, tickers: list[regex.Match], entities: list[Entity]) -> Iterator[tuple[int, int, str]]:
        """A name no list has, right before its ticker: 某某生技(6999.TWO), 某某集團（01234）."""
        if not tickers:
            return
        folded = doc.folded
        suffixes = _rules()[0]
        taken = {e.end: e.start for e in entities}
        for match in tickers:
            end = match.start()
            code = match.group("code")
            if code and len(code) == 4 and int(code) in YEAR_RANGE:
                continue
            if code and len(code) == 3 and code[0] != "0":
                continue  # 騰訊(700) confirms a listed name; 確診個案(120) is a count, no ticker
            bursa = match.group("bursa") is not None
            short = _hk_listed_prefix(folded, end, code) if code and end not in taken else None
            if short is not None:
                if code[0] != "0":
                    # 長實（1113）: a paper that writes codes unpadded writes the short name its own way; keep it as written
                    short = (short[0], short[1], doc.text[short[0]:short[1]])
                yield short
                continue
            if end in taken and not bursa:
                continue
            if bursa and (match.group("board") or "").endswith(_not_company_boards()):
                continue  # 中環產托(SENTRAL,5123,主板產業投資信託組): a trust, no company
            start = self._name_before_bracket(folded, end, listed=bursa)
            latin = _LATIN_LED_NAME.search(folded, max(0, end - 14), end) if bursa and start is None else None
            if latin is not None and not reads_as_phrase(latin.group("han")):
                start = latin.start()  # UOA發展(UOADEV,5200,...), Astro大馬: a Latin name opens a listed one
            if start is None and bursa:
                # MRDIY(MRDIY,5296,...): a Latin stock name written just as its Bursa symbol
                symbol = match.group("bursa")
                if (folded[end - len(symbol):end].casefold() == symbol.casefold()
                        and not _LATIN_WORD_CHAR.match(folded[end - len(symbol) - 1:end - len(symbol)])):
                    start = end - len(symbol)
            if start is None:
                continue
            start = _after_name_lead(folded, start, end)  # 競爭對|手某某(01234): the scan stops at 對, 對手 is a lead
            chunk = folded[start:end]
            if end in taken and taken[end] <= start:
                continue  # 馬國際船務(MISC,...): only a longer name than the list's (國際船務) counts
            if bursa and chunk.endswith(_not_company_boards()):
                continue
            name = doc.text[start:end]
            for form in sorted((f for f, strength in suffixes.items() if strength == "legal"), key=len, reverse=True):
                if chunk.endswith(form) and len(chunk) - len(form) >= 2:
                    name = name[:-len(form)]
                    break
            yield start, end, name

    def _name_before_bracket(self, folded: str, end: int, listed: bool = False) -> int | None:
        """Start of a Han name of two to eight characters that ends at ``end``, right before a
        bracket (某某生技(6999.TWO), 砂拉越油棕(Sarawak Oil Palms Bhd)): the clause's words before
        it left out; None when the characters read as a word, a generic word or a phrase.
        ``listed``: the bracket is a Bursa stock name, code and board, which only a listed company
        has; the scan reaches two characters further, so that a verb before a long name is seen
        whole (包括|天地通數碼網絡), a name may begin as a generic word does (高偉科技, 新茂控股),
        and where cutting a verb off leaves no name, the name is the whole clause (振興產業)."""
        scanned = self._scan_name_left(folded, end, 10 if listed else 8)
        # a state or province opening the name keeps its characters (砂拉越油棕: 越 is no adverb here)
        place = next((n for n in (4, 3, 2) if folded[scanned:scanned + n] in _name_places()), 0)
        cut = phrase_end(folded[scanned + place:end])
        start = scanned + (place + cut if cut else 0)
        if self._reads_as_name(folded[start:end], place if place and not cut else 0, listed):
            return start
        if listed and cut and self._reads_as_name(folded[scanned:end], 0, listed, weak=False):
            return scanned
        return None

    def _reads_as_name(self, chunk: str, place: int, listed: bool, weak: bool = True) -> bool:
        """Two to eight Han characters, no common or generic word, no phrase (after a state
        of ``place`` characters, what follows it is read as words; ``weak``: nor a verb first)."""
        if not 2 <= len(chunk) <= 8 or not all(is_han(c) for c in chunk) or chunk in common_words():
            return False
        generic = chunk in _rules()[2] if listed else self._generic(chunk, _rules()[2], _place_names(), "weak")
        return not generic and not reads_as_phrase(chunk[place:], weak=weak)

    def _short_names(self, doc: Document, entities: list[Entity]) -> list[Entity]:
        """A short name given in brackets right after a company (某某合夥企業(下稱“某某”)) is that
        company; ``company.short_name`` entities (their later mentions follow from them)."""
        folded = doc.folded
        generic = _rules()[2]
        common = common_words()
        out = []
        for e in entities:
            match = _SHORT_NAME.match(folded, e.end) if folded[e.end:e.end + 1] == "(" else None
            if match is None:
                continue
            s, t = match.span(1)
            alias = folded[s:t]
            if alias in common or alias in generic or alias.endswith(_kinds()) or reads_as_phrase(alias):
                continue  # (以下簡稱“公司”), (下稱“本公司”): the company, no name
            out.append(doc.entity(
                "company", s, t, e.normalized, "company.short_name",
                **{k: v for k, v in e.fields.items() if k in ("canonical", "aliases", "stock_code", "country", "parent")},
            ))
        return out

    def _bracket_aliases(self, doc: Document, entities: list[Entity]) -> list[Entity]:
        """A Latin name in brackets right after a company (日月光半導體(ASE), 華新科技(WTC))
        is that company: it takes the company's value, whatever the dictionary says of it."""
        folded = doc.folded
        by_start: dict[int, list[Entity]] = {}
        for e in entities:
            by_start.setdefault(e.start, []).append(e)
        out = list(entities)
        replaced: set[int] = set()
        for e in entities:
            if is_latin(e.text) or folded[e.end:e.end + 1] not in ("(", "（"):
                continue
            match = _BRACKET_LATIN.match(folded, e.end)
            if match is None:
                continue
            inner = match.group().strip("()（） ")
            s = folded.index(inner, e.end)
            t = s + len(inner)
            if len(inner) < _LATIN_ALIAS_MIN:
                continue
            for other in by_start.get(s, ()):
                if other.end == t and id(other) not in replaced:
                    replaced.add(id(other))
            out.append(doc.entity(
                "company", s, t, e.normalized, "company.bracket",
                **{k: v for k, v in e.fields.items() if k in ("canonical", "aliases", "stock_code", "country", "parent")},
            ))
        return [e for e in out if id(e) not in replaced]

    @staticmethod
    def _foreign_prefix_matches(doc: Document) -> Iterator[regex.Match]:
        """``foreign.finditer(doc.folded)``, tried only where a prefix (英商, 美商) starts:
        every match starts with one, and the regex is slow to scan for them."""
        foreign = _rules()[4]
        folded = doc.folded
        resume = 0
        for start in sorted({start for start, _, _ in document_matches(doc, company_rule_anchors()[0])}):
            if start < resume:
                continue  # inside the previous match, as finditer would skip it
            match = foreign.match(folded, start)
            if match:
                yield match
                resume = match.end()

    @staticmethod
    def _latin_name_before_title(doc: Document) -> bool:
        """Whether ``latin_title`` can match at all: some corporate title right after
        (or one space after) a character that can end a Latin name."""
        folded = doc.folded
        for start, _, _ in document_matches(doc, company_rule_anchors()[1]):
            if folded[start - 1:start] in LATIN_NAME_END or folded[start - 2:start - 1] in LATIN_NAME_END:
                return True
        return False

    def _later_mentions(self, doc, found_names, entities) -> list[Entity]:
        """Other mentions of names that a rule found (SiPearl公司 ... SiPearl團隊)."""
        if not found_names:
            return []
        taken = IntervalSet()
        for e in entities:
            taken.add(e.start, e.end)
        extra = []
        for key, (canonical, info) in found_names.items():
            position = doc.folded.find(key)
            while position != -1:
                end = position + len(key)
                latin_ok = not is_latin(key) or latin_boundary(doc.folded, position, end) and not (
                    position and doc.folded[position - 1] in "(（" and doc.folded[end:end + 1] in (",", "，"))
                # (MRDIY(MRDIY,5296,...): the symbol in a Bursa ticker is notation, no other mention)
                if latin_ok and not taken.overlaps(position, end):
                    extra.append(self._entity(doc, position, end, canonical, "company.mention", info))
                    taken.add(position, end)
                position = doc.folded.find(key, end)
        return extra

    @staticmethod
    def _entity(doc: Document, start: int, end: int, canonical_or_info, rule: str, info: CompanyInfo | None = None) -> Entity:
        if isinstance(canonical_or_info, CompanyInfo):
            info = canonical_or_info
            canonical = info.canonical
        else:
            canonical = canonical_or_info
        return doc.entity(
            "company", start, end, canonical, rule,
            canonical=canonical,
            aliases=list(info.aliases) if info and info.aliases else None,
            stock_code=info.stock_code if info else None,
            country=info.country if info else None,
            parent=info.parent if info else None,
        )
