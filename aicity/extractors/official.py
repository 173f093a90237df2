"""Officials: a named person with a title, office or position.

Grammar, around every title of ``official/titles.txt`` (found with one automaton, with
prefixes such as 副/前/首席 absorbed from ``official/grammar.tsv``):

* ``official.title_name``: [org] title name — 桃園市長張善政, 資深副總裁Muhammad Issa,
  and lists sharing the title: 市議員劉士州、邱愛珊、黃馨慧;
* ``official.name_title``: name title — 梁見後董事長, 國網中心張朝亮主任; and a roster's name with its
  post in brackets after it — 某某(主席), 某某博士(中學校長);
* ``official.short``: surname + title — 張市長, 賴總統, 卓揆 — resolved to a full name
  named with a title elsewhere in the document; dropped when there is none;
* ``official.name_mention``: later bare mentions of a titled person's full name;
* ``official.appointed``: name, appointing verb, title — 由劉某擔任董事長, 魏某任總裁, 某某辭去市長職務;
  a gazette extract's entry, its name before a dash and 其 before the verb — 某某—根據…,其擔任某局局長;
  任命某甲、某乙為副市長; 免去某某秘書長職務;
* ``official.held_by``: title, 由, name, appointing verb — 召集人由葉某某擔任; a title, 為 and a list
  of two names or more is ``official.title_name`` (非官守議員為某某、某某);
* ``official.list_title``: names listed before 等 (and a count) and the title they share —
  陳某某、林某某等八位議員.
* ``official.roster``: a roster's layout — a title that ends its line or takes a colon, and the name
  alone on the next line or after the colon, or a list of them apart by spaces (出席委員:林某某  柯某某);
  after a title alone on its line (or its colon), a column of names one a line, each maybe with an
  honorific and bracketed notes (委員:\n某甲(主席)\n某乙博士\n某丙), up to a blank line.
  A contact list's line counts too: title, space, name and a telephone number (區委書記 某某 1380000xxxx).

A title in ``guarded_title`` (代表) counts only after an office (駐…辦事處); an
honorific (``official/honorifics.txt``: 丹斯里, 拿督斯里, Datuk) between a title and a
name is skipped; after a ``translit_title`` (首相, 州務大臣) or an honorific a
transliterated name without a Chinese surname may follow (首相安華).

A Han name is a surname (``official/surnames.txt``, compound ones too; Japanese ones
of ``official/surnames_ja.txt``: 岸田文雄) and one or two given characters. Whether a
third character belongs to the name is decided by what follows: a function word
(及, 等) or the start of a common word (表示, 強調: ``common/common_words.txt``, from
jieba's dictionary) ends the name, unless the three characters recur elsewhere as a
name (魏某家主導 … 後魏某家時代).
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass
from typing import Iterator

import regex

from ..document import Document
from ..fold import fold, name_key
from ..model import Entity
from ..resources import load_list, load_table
from .base import Gazetteer, IntervalSet, is_han, longest_non_overlapping
from .money.region import page_region
from .lexicon import (
    FOREIGN, OfficialGrammar, city_gazetteer, company_dictionary, document_matches, official_grammar, place_context,
    user_city_gazetteer, user_company_dictionary,
)

# a later part may take a lowercase particle before it (總裁 Francois Villeroy de Galhau: NAME_PARTICLE below)
LATIN_NAME = regex.compile(r"\s?([A-Z][a-z]+(?:[-'][A-Za-z]+)?(?:\s(?:[A-Z]\.\s?)?"
                           r"(?:(?:bin|ibn|al|de|da|di|dos|du|van|von|der|den|la|le) )*[A-Z][a-z]+(?:[-'][A-Za-z]+)?){1,3})(?![A-Za-z])")
ORG_STOP = set(fold("的與和、,，。;；:：!！?？「」『』《》()（）[]【】 \t\n\r·•|/兼暨"))
MAX_ORG = 16
# Before a name and the verb of an office: the person the subject succeeds (某乙接替|某甲|任檢察長), who held that office
SUCCEEDS = tuple(fold(w) for w in ("接替", "接任", "頂替"))
AND = fold("及")
STATIONED = fold("駐")
# The guarded title of a member of a township's council of representatives, and that council's name's end
# (太保市民代表會, 某某鄉民代表會: 鄉、鎮、市民代表會 under the Local Government Act).
REPRESENTATIVE = fold("代表")
TOWNSHIP_COUNCIL = fold("民代表會")
# A role's qualifier between a guarded title and the body it needs (國際汽車聯會|安全|代表某某, 某某總會|技術|代表):
# the body's name ends before it
GUARD_QUALIFIERS = tuple(fold(w) for w in ("安全", "技術", "首席", "常駐", "特別", "商務", "貿易", "體育", "醫務"))
# Numerals before a one-character "surname" make it a measure word of a count (兩席|一般董事: two seats).
COUNT_CHARS = frozenset(fold("一二兩三四五六七八九十百0123456789"))
# Titles that open with the level of the office (市委書記, 市長, 區長, 縣長, 省長, 州長).
LEVEL_TITLE_STARTS = frozenset(fold("市區縣省州鎮"))
COMMITTEE = fold("委")  # 區委書記, 縣委常委: a level's party committee
PARTY_COMMITTEE = fold("黨委")  # 設區市黨委常委
LIST_END_CHARS = frozenset(fold("等及和與、"))  # what may follow a listed name though it makes a word with it (李大同|等)
LONG_GIVEN_ENDS = frozenset(fold("郎子"))  # the third character of a Japanese given name
# 郎 ends a three-character given name whose last two are a word of jieba's (健太郎, 亮太郎: 太郎); 子 does not
# (石破茂妻子: the wife)
GIVEN_ROMAN_END = fold("郎")
INDEFINITE_NAME = fold("某")  # a certain: 吳某 (anonymized), 林某某 (a masked full name)
# The kind of business that ends a company's name: after a list's "name" it makes the company that opens the
# next post (會長某甲、韓進集團會長某乙: 韓進 is the group's name, no person's)
ORG_KIND_AFTER = tuple(fold(w) for w in ("集團", "公司", "控股", "銀行", "證券"))
BOTH_ADVERBS = frozenset(fold("均皆"))  # all, both: after the last of two names or more (某甲與某乙均出席)
# Adverbs that follow a sentence's subject (總統李在明正準備, 會長李在鎔也出席, 部長劉和然將赴): after a full name
# whose given name opens with a function character they close it, as a title or punctuation would
SUBJECT_ADVERBS = frozenset(fold("正也將已亦仍還則又"))
BOTH_REACH = 12  # how far before a name its list's joiner (與, 和, 及, 、) is sought
LAST_ITEM = frozenset(fold("與及和"))  # joins the last name of a list (某甲、某乙及某丙等三位局長)
# modal verbs, which no transliteration of a Malay, Indian or Western name is spelled with (能, 會, 應, 須, 要)
MODALS = frozenset(fold("能會應須要"))
# verbs of one character that open their object right after a title (首相發|森林城執照, 部長頒|獎學金, 大臣批|地):
# before a common word they open no transliterated name
# a headline's verbs of urging and attacking: no name holds them, so one opens no name after a title
# (總理籲|歐盟檢討, 總統嗆|媒體) and one ends the name it follows (總統川普|籲國會, 市長某萬安|嗆中央, 總統李在明|促企業)
HEADLINE_VERBS = frozenset(fold("籲促嗆轟批"))
LEAD_VERBS = frozenset(fold("發頒派")) | HEADLINE_VERBS
# a demonstrative and its measure word before a seat and its title (這位|米昔拉州議員): the seat, no name
SEAT_DEMONSTRATIVES = tuple(fold(w) for w in ("這位", "那位", "該位", "此位"))
# the adverbial particle after a common word (州務大臣|公平地公開宣布): an adverb of manner, no name
MANNER_DE = fold("地")
EAT = fold("吃")  # 首相吃|閉門羹, 部長吃|了一驚: no transliteration opens with it
# words that 後 opens (後方, 後續 ...): after a consort's title ending in 後 (蘇丹後, 元首後) they make the title
# a word of the clause instead (南蘇丹|後方補給線, 蘇丹|後續談判), so no name follows
AFTER_WORDS = frozenset(fold(w) for w in ("後方", "後續", "後來", "後勤", "後悔", "後面", "後者", "後援", "後果", "後期",
                                          "後天", "後年", "後門", "後裔", "後盾", "後備"))
EACH = frozenset(fold("各每"))  # 市長向|各位, 向|每位: each, every after the preposition 向 (方濟各 keeps its 各)
NAME_AFTER_ONLY = tuple(fold(w) for w in ("國王", "女王"))  # titles that a monarch's name follows, never one before
# the passive marker after a name, no character of it (總理佩通坦|遭法院解職, 主任某某|獲擢升)
PASSIVES = frozenset(fold("遭被獲"))
# The parties of a case: right after a fourth character they make it a judge's one-character verb (法官某某某|判被告,
# 裁判官某某某|斥被告), no married woman's name
COURT_PARTIES = tuple(fold(w) for w in ("被告", "被控人", "控方", "辯方", "原告", "上訴人", "答辯人", "申請人"))
POST_NAME_HONORIFICS = tuple(fold(w) for w in ("博士", "醫生", "教授"))  # after a listed name (某某與華素博士)
# The level of an office (局, 處, 署 ...) that ends its short name and opens its head's title:
# 衛福局副局長 is the deputy director of 衛福局, not a person named 衛福局.
OFFICE_LEVELS = frozenset(fold("局處署部院廳"))
# a government office's short name ends in one of these, a person's given name never does (檢察官某某、海巡署北部分署)
OFFICE_NAME_ENDS = frozenset(fold("局署廳"))
# A photo caption's bracket after a name in a list, （左）, (後左3), （右二） (folded: full-width
# brackets are ASCII ones), and how far its closing bracket may come.
CAPTION_OPEN, CAPTION_CLOSE = fold("（"), fold("）")
# A photo caption's roster after 左起/右起, each item a name, a space and the title, closed by ; or 、 (Hong Kong
# results captions: 圖左起:某甲 公司事務總監;某乙博士 常務總監;某丙 行政總裁)
CAPTION_ROSTER_CUES = tuple(fold(w) for w in ("左起", "右起"))
CAPTION_ROSTER_REACH = 240
CAPTION_ROSTER_ITEM = regex.compile(fold(r"[ ]*(\p{Han}{2,4}?)(?:博士|先生|女士|教授)?[ ]+(\p{Han}{2,16})[ ]*"))
CAPTION_ROSTER_BREAKS = regex.compile(fold(r"[;、,。]"))
CAPTION_ROSTER_OPENERS = frozenset(fold(")）:："))
CAPTION_REACH = 8
LATIN_IN_BRACKETS = regex.compile(r"\([A-Za-z][A-Za-z .'\-]{1,40}\)")
# ... and a person's, which may end in a generational suffix after a comma (Surangel S. Whipps, Jr.)
LATIN_NAME_IN_BRACKETS = regex.compile(r"\([A-Za-z][A-Za-z .'\-]{1,40}(?:, ?(?:Jr|Sr|II|III|IV)\.?)?\)")
# (Devin Nunes): a given and a family name; a later name may take a lowercase particle before it
# (Prince Abdulaziz bin Salman, Yasir al-Rumayyan, Ursula von der Leyen)
NAME_PARTICLE = r"(?:bin|binti|bint|ibn|al|el|de|da|di|do|dos|du|van|von|der|den|la|le) "
# a generational suffix may close it, with a comma or without (Ferdinand Marcos, Jr., Martin Luther King Jr, John Smith III)
NAME_GENERATION = r"(?:,? (?:Jr|Sr)\.?|,? (?:II|III|IV))? ?"
PERSON_IN_BRACKETS = regex.compile(
    r"\([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?: (?:" + NAME_PARTICLE + r")*(?:(?:al|el)-)?[A-Z][A-Za-z'\-]+)+" + NAME_GENERATION + r"\)")
# (GuillaumeFaury): a given and a family name that a copied page has glued together, each part capitalised
# a Chinese name's own Latin spelling in brackets right after it, as Hong Kong's filings and court news
# write it (某某(XU HANG), 某某(Chan Tai-man)): upper-case or capitalised words of letters only
LATIN_SPELLING_AFTER = regex.compile(r"[ ]?\([A-Z][A-Za-z'\-]*(?:,? [A-Z][A-Za-z'\-]*){0,3}\)")
GLUED_PERSON_IN_BRACKETS = regex.compile(r"\([A-Z][a-z]{2,}[A-Z][a-z]{2,}\)")
HOME_COUNTRIES = frozenset((None, "", "TW", "CN", "HK", "MO", "SG", "MY"))  # whose officers have Chinese names
# 和, 與, 及 after a weak surname and one character join the next name (首相安華和副首相), not a given name's third
WEAK_NAME_JOINERS = frozenset(fold("和與及跟同"))
# 曾兩度, 曾多次, 曾一度 (once twice, several times): the adverb 曾 before a count of times, no surname
# and given name
TIMES_COUNT_FIRST = frozenset(fold("一二兩两三四五六七八九十多再幾几屢数數"))
TIMES_COUNT_LAST = frozenset(fold("度次"))
FAMILY = fold("家")  # 許家, 王家 (the Hsu, the Wang family) are words, yet 家 opens many given names
# Countries whose officials have Chinese names, not transliterations (台灣鋼鐵公會理事長林大偉選「穩」:
# 林大偉 is a Chinese name, 選 the verb after it).
# A biography in a filing or a bank's announcement (董監事簡歷): 某某,女,1971年1月出生,…歷任…,現任某某銀行黨委書記.
# Its name opens the paragraph's clause with the sex and the birth; its posts follow in the same paragraph,
# the present one after 現任. Sought only on a page that writes 出生, or 年生/月生 after the sex (folded text: the comma is ASCII).
BIOGRAPHY = regex.compile(r"(?:^|(?<=[\n,。;:、!?)]))(\p{Han}{2,3})[ ]?,[ ]?[男女][ ]?,[^\n]{0,24}?(?:出生|(?<=[年月])生)")
BORN = fold("出生")
# ... or, as a mainland notice before an appointment (任前公示) writes it, 某某,男,漢族,1972年3月生 (looked for only
# on a page that holds 月生 or 年生)
BORN_SHORT = regex.compile(r",[ ]?[男女][ ]?,[^\n]{0,24}?[年月]生")
BORN_SHORT_HINTS = (fold("月生"), fold("年生"))
# 下一任主席, 上一任總統: "the next (last) holder" of an office, whose 任 counts a term and appoints no one
TERM_LEADS = frozenset(fold(w) for w in ("下一", "上一", "前一", "新一", "這一", "第一", "另一"))
PRESENT_POST = fold("現任")
PRESENT_POST_REACH = 24  # from 現任 to the title of the present post (現任某某銀行黨委書記)
BIOGRAPHY_REACH = 400  # how far a biography's paragraph runs after the birth (a page of one line has no paragraphs)
CHINESE_NAMED = frozenset(fold(w) for w in ("台灣", "臺灣", "中國"))
CHINESE_NAMED_CHARS = frozenset(fold("中台臺港澳"))  # ... and their one-character names (中, 台)
# ... and the places (by the city gazetteer's country codes) whose mayors have Chinese, Japanese or Korean names
CHINESE_NAMED_CITIES = frozenset({"TW", "CN", "HK", "MO", "JP", "KR", "SG", "MY"})
CITY_MARK = fold("市")
# A foreign leader's title after a transliterated name (杜特爾特總統), and what may stand right before
# that name: the verbs and prepositions that open such a phrase (會見菲利普總理, 同杜特爾特總統)
COUNTRY_NAME_MAX = 11  # the longest country name in common/countries.tsv (聖克里斯多福及尼維斯 is ten)
LEADER_TITLES = frozenset(fold(w) for w in ("總統", "總理", "首相", "國務卿", "外長", "國王"))
LEADER_LEADS = tuple(fold(w) for w in ("會見", "會晤", "接見", "邀請", "歡迎", "同", "與", "和", "及", "向", "將", "對"))
MEETING_VERBS = frozenset(w for w in LEADER_LEADS if len(w) == 2)  # 攝政王|接見大臣: no given name 接見
JUDGE_TITLES = frozenset(fold(w) for w in ("法官", "推事", "總統", "檢察司", "副檢察司"))  # after a transliterated name (某某法官, 哈莉瑪總統, 某某副檢察司) on MY/SG pages
JUNIOR_MARKS = frozenset(fold("小老"))  # 小/老 before a transliterated name: Jr./Sr. (總統小馬可斯, 小布希, 老布希)
NAME_RUN_ENDS = frozenset(fold("說指稱也亦在和與及"))  # one-character verbs and conjunctions after a name (某某說)
COME = fold("來")  # before a verb (某某來代答), it ends a transliterated name of three characters or more
NAME_DOTS = frozenset("·‧・•")  # between the parts of a transliterated Western name (愛德華·菲利普)
NAME_DOT_SPLIT = regex.compile(r"[·‧・•]|(?<=\p{Han})\.(?=\p{Han})")
# the particles of Western names as one-character parts between two dots (亞歷山大·德·莫賴斯: de; 烏爾蘇拉·馮·德萊恩:
# von; 范, van; 達, da; 迪, di; 杜, du; an Arabic name's 本 and 賓, bin: 穆罕默德·本·某某): a part of the name, though
# no transliteration of two characters or more
NAME_DOT_PARTICLES = frozenset(fold("德馮范達迪杜本賓"))
ONE_CHARACTER_PART = regex.compile(r"\p{Han}[（(][A-Za-z]")  # 扎迪•許（Zaldy Co）: the last part, one character, spelled after
FOREIGN_MINISTER = fold("外相")
MINISTER = fold("相")  # 日相, 英相, 外相: a country's or a ministry's one character and 相
ASSEMBLY = fold("會")  # 理事會, 委員會: the body a title word names with it
# words between a title and the list of names it heads (行動黨州議員，分別是張某某、林某某及阿魯古瑪; 董事成員分別為),
# or the one name of its holders it names (創辦人之一某某)
COMMA_AND = fold(",以及")
OPENER_VERBS = frozenset(fold("是為"))  # the verb that ends 分別是, 分別為 (a list opener, not 之一)
AFFILIATION_REACH = 32  # from a listed item's start to its 的 (a portfolio lists its matters: 掌管…、…事務的)
AFFILIATION_BREAKS = frozenset(fold(",，。;；:：\n()（）"))  # (but 、 and 及 may stand inside a portfolio)
LIST_OPENERS = tuple(fold(w) for w in ("，分別是", "分別是", "，分別為", "分別為", "成員分別是", "成員分別為", "之一"))  # (the fold makes ， a ,)
# ... or 的, a count of people and a colon (任副市長的3人：某甲、某乙、某丙: a personnel notice's summary)
COUNTED_LIST_OPENER = regex.compile(fold("的[0-9一二兩三四五六七八九十]{1,3}[人位名][:：]"))
NAMELY = fold("，即")  # (folded: ，is ,)
# 名譽會長有某甲、某乙: 有 opens the list of a title's holders (never a single name: 會長有意)
LIST_HAS = fold("有")
HAS_LIST = regex.compile(fold("有[:：]?|的?還有[:：]"))  # ... and 還有 before a colon (執行主席還有:某甲、某乙, 執行主席的還有：; not 主席還有某甲: "besides")
# A Hong Kong civil-service title's portfolio in brackets between the title and the name
# (常任秘書長(庫務)某某, 副秘書長(財經事務)某某; folded: full-width brackets are ASCII ones), or a firm's
# division, spaced as a press release writes it (總監 ( 估值及諮詢 ) 某某 表示)
PORTFOLIO = regex.compile(r"[ ]?\([ ]?\p{Han}{2,6}[ ]?\)")
# ... or a firm's division after a dash or with none, as Hong Kong's railway and utilities title their
# managing directors (常務總監－香港客運服務某某, 常務總監香港客運服務某某表示): a division word ends it, and a
# full name that a verb of speech or a stop ends must follow
PORTFOLIO_BARE = regex.compile(fold(r"[ ]?(?:[-—–][ ]?)?\p{Han}{2,8}?(?:服務|業務|事務)"))
PORTFOLIO_NAME_ENDS = frozenset(fold(",，、;；:：。"))
# How long a transliterated name may be before its Latin spelling in brackets (分析師高維特森(Grant …),
# 議長羅穆亞爾德斯(Martin Romualdez))
TRANSLIT_BEFORE_LATIN = 7
# How long a transliterated name after a country's title may be (阿根廷總統費爾南德斯): past four
# characters, all but one must be transliteration characters
LONG_AFTER_COUNTRY = 6
# 等, and a count of people, between a list of names and the title they share (某甲、某乙等八位議員);
# or the count alone (某甲、某乙、某丙15位代表: a council's report of who spoke), which may also let a
# guarded title (代表) stand after a list of names.
# A level's character may stand between them and the title (某甲、某乙等縣領導: the county's leaders), and the
# mainland's leading bodies (某甲、某乙等市四套班子領導: the leaders of the city's four leading bodies).
LIST_BEFORE_TITLE = regex.compile(fold("(?:等(?:[0-9一二兩三四五六七八九十多數]{1,3}[位名])?|[0-9一二兩三四五六七八九十]{1,3}[位名])[省市縣區]?(?:(?:四套|四大)?班子)?") + r"\Z")
COUNT_BEFORE_TITLE = regex.compile(fold("[0-9一二兩三四五六七八九十]{1,3}[位名]") + r"\Z")
# A group of a title's holders, counted before the title (4名董事) or after it (議員們, 委員共15人), and
# 其中 later in its sentence: the names after 其中 are of the group (…計劃減持股份，其中某甲、某乙擬…)
GROUP_COUNT_AFTER = regex.compile(fold("們|共?[0-9一二兩三四五六七八九十百]{1,4}[人位名]"))
AMONG = regex.compile(fold("其中(?:包括|包含|有)?"))
AMONG_REACH = 40  # characters from the title to 其中, within one sentence
# A roster (a council's or committee's record, a list of officers): the title ends its line or a colon follows
# it, and the name stands alone up to the line's end, or before two spaces and the next name of a list
# (司法院秘書長\n\n林某某; 主任秘書:陳某某; 出席委員:林某某  柯某某  段某某); or a table's cells (發言人 | 某某 |);
# or a contact list's line, where the name may take a telephone number before the line's end (區委書記 某某 1380000xxxx).
ROSTER_GAP = regex.compile(r"[ \t\u3000]*[:：][ \t\u3000]*(?:\n\s*)?|[ \t\u3000]*[|][ \t\u3000]*|[ \t\u3000]*\n\s*|[ \t\u3000]+(?=\S{2,4}(?:[ \t\u3000]+[0-9][0-9-]{6,15})?[ \t\u3000]*(?:\n|\Z))")
DASHES = frozenset("—–;。")  # what ends a roster's entry (a dash, a semicolon or full stop: 主席:某某;理事:…)
ORDINAL_PREFIX = "第"  # 總統賴清德|第5度: an ordinal after a name, no fourth transliteration character
NICKNAME_IN_BRACKETS = regex.compile(r"\((\p{Han}{2,4})\)")  # 曾某某|(龍貓): a nickname right after a full name
ROSTER_NOTES = regex.compile(r"(?:\([^()\n]{1,16}\))*")
# A Legislative Yuan record pads a two-character name to a three-character one's width (楊 曜, 陳 瑩) in its
# rosters, whose names two spaces or a line's end part; and writes an indigenous member's Latin name right
# after the Han one (廖國棟Sufin.Siluko, 鄭天財Sra Kacaw)
ROSTER_PADDED_NAME = regex.compile(r"\p{Han}[ \u3000]\p{Han}(?=[ \t\u3000]{2,}|[ \t\u3000]*(?:\n|\Z))")
ROSTER_LATIN_NAME = regex.compile(r"[A-Za-z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*)*(?=[ \t\u3000]|\n|\Z)")  # (主席)(再度委任) after a roster's name (folded brackets)
# after a roster's name: its line's end or a table's |, spaces before the next name, a dash that ends the entry
# or a semicolon or full stop (主席:某某——委員:…, as Macau's gazette signs; 主席:某甲;副主席:某乙、某丙。), or a
# comma before the next name of the same title (委員:某甲,某乙)
ROSTER_NAME_END = regex.compile(r"[ \t\u3000]*(?:\n|\Z|\||[—–]+|[;。])|[ \t\u3000]+(?=\S)|[,、](?=\p{Han})")
SPACED_NAME_REGIONS = ("HK", "MO")  # pages that write 經理 某某某 with a space
SPEAKER_COLONS = (":", fold("："))
CAPTION_OFFICE_REACH = 16  # a TV caption's office before its title (某鎮中心小學|校長 某某)
TITLE_DASHES = tuple(fold(d) for d in ("——", "—", "－－", "--"))  # longest first  # a TV report's speaker caption: 副主任 某某: what they said
OF = fold("的")  # 部長的某某: the title of the name after it
# a title's English abbreviation in brackets between the title and the name (首席執行長(CEO)某某,
# 首席信息安全官(CISO)某某; folded: the brackets are ASCII)
TITLE_ABBREVIATION = regex.compile(r"\([A-Z]{2,6}\)(?=\p{Han})")
AS_END = frozenset("，,。;；、")  # what ends the name after 為
# 是 (is) between a title and a list of its holders (被撤換的原有市議員是某甲(行動黨)、某乙及某丙): like 為, but
# only before a list or a party in brackets after the name
IS = fold("是")
# 當選為常委的還有某甲、某乙: 的(還)有 after a title that an appointing verb governs opens the list of its holders
OF_HAS = tuple(fold(w) for w in ("的還有", "的有"))
TITLE_BEFORE_REACH = 8  # how far back a title that ends right before an appointed name is looked for
IS_END = frozenset("、(")
CANDIDATE = fold("候選人")  # 董事候選人: a candidate for the title, not its holder
AS_TITLE = fold("作為")  # 作為某公司合夥人,某某某: the clause names the title's holder after its comma
AS_TITLE_REACH = 16
BRACKET_OPEN, BRACKET_CLOSE = "(", ")"  # folded: full-width brackets are ASCII ones
# what opens an entry of a court judgment's party block (原告:某某公司。\n法定代表人:某某,董事長。), where a guarded
# title (負責人) names the party's officer: the text's start, a line's or a sentence's end (folded: 。 stays, ； is ;)
PARTY_BLOCK_BEFORE = frozenset(("", "\n", "。", ";"))
ROSTER_BEFORE = frozenset("\n \t:,;、")  # what a bracketed roster entry follows (folded punctuation)
PRONOUN = fold("其")  # 其擔任: the entry's person, named at its head (DASH_HEAD)
DASH_HEAD = regex.compile(r"[ \t\u3000]*(\p{Han}{2,4})[ \t\u3000]*[—–]")  # 某某—: a gazette entry's head
# 某某:市委副書記 — a leadership list's entry: the name opens its line (after a bullet or a number) and a colon
# leads to its office and title, with no punctuation between them (the first title of the entry)
COLON_HEAD = regex.compile(fold(r"[ \t\u3000]*(?:[-•·*][ \t\u3000]*|[0-9]{1,2}[.、][ \t\u3000]*)?(\p{Han}{2,4})[ \t\u3000]*[:：]"))
TITLE_COMMA = ","  # 副總檢察長，某某(Latin name) (folded: the full-width comma too)
LATIN_IN_BRACKETS = regex.compile(r"\([A-Z][A-Za-z'\-]+(?: [A-Za-z'\-]+)*\)")  # (Mohamed Faizal) after a name (folded)
APPOINT_AS = fold("為")  # 任命某某為局長; and 推事為某某: the title, then the name that holds it
CONSTITUENCY_CUE = fold("選區)")  # what every bracketed constituency ends with (folded brackets)
TITLE_IS = fold("是")  # 新任團長是某某。: the title, then the name that holds it, and the clause ends
HELD_BY = fold("由")  # 召集人由某某擔任
NEW = fold("新")  # 委任某某為公司新總裁
# 擔任該公司的董事長: the firm the article is about, referred to, then 的 before the title
REFERRED_ORGS = tuple(fold(w) for w in ("該公司", "該集團", "該行", "該企業", "公司", "集團"))
OF = fold("的")
# an adverb of time between the post and 由 (區委書記曾由某某擔任, 主席改由某某出任, 一職將由某某接任)
HELD_BY_ADVERBS = frozenset(fold("曾現改將則仍"))
THE_POST = fold("一職")  # "the post of", between a title and 由 (總裁一職由某某接任) or after it (解除某某的總裁一職)
SERVED_AT = fold("在")  # 某某在交通部擔任司長: where the name served, between it and the appointing verb
# Name stops that also join the words of one office's name (土地及規劃事務|跟進委員會, 工商暨科技局): after an
# appointing verb the office may run on across them
OFFICE_JOINERS = frozenset(fold("及跟暨與和"))
LIST_COMMA = "、"
COMRADE = fold("同志")  # after a name in a mainland notice (任命某某同志為…)
MISTER_MADAM = tuple(fold(w) for w in ("先生", "女士"))  # after a name in a company's notice (聘任某某先生為…)
CITY_ITEM_ENDS = frozenset(fold("市縣"))  # the last character of a city's full name, never of a person's
LIST_SEPARATORS = LAST_ITEM | {LIST_COMMA}  # what may stand between two names of a list
CLAUSE_BREAKS = frozenset(fold(",;，；"))  # 任命某甲為副市長,某乙為秘書長
SENTENCE_ENDS = tuple(fold("。!?！？\n"))
POST = fold("職務")  # 免去某某秘書長職務
# ... or the title, more of the person's posts after it, and 的 before 職務 (免去某某市人民政府副市長、市公安局局長的職務)
POST_AFTER_TITLE = regex.compile(fold(r"(?:、[^、,，。;；:：\n]{1,16}?)*(?:的?職務|一職)"))
SURNAME_YU = "于"
STATE = "州"
PREPOSITION_YU = "於"  # as written, not folded: it folds to the surname 于
# 余 as written in Traditional text is the surname only (余萬菁): 餘 (more than, 餘萬) folds to it, and the words it
# makes (余万, 余下) would rule the name out; a common surname stands in for it while the name is read
SURNAME_SHE = "余"
SURNAME_STAND_IN = fold("陳")
# ... and 于 (in Simplified text the preposition too) before an event it happens at (主席于年结记者会上,
# 局长于记者会表示, 司长于新春酒会致辞): a "name" that runs into one of these nouns is the preposition's object
# ... or right before a place or a word of the occasion that the "given name" would be (行政长官于立法会发表,
# 署长于周二宣布, 董事长于致辞时表示)
YU_OCCASION = regex.compile(fold(r"立法會|會展|禮賓府|政府總部|[週周](?:[一二三四五六日天]|末)|星期[一二三四五六日天]"
                                 r"|致辭|致詞|發言|講話|出席|接受|答問|任內"))
YU_EVENT = regex.compile(fold(r"\p{Han}{0,3}?(?P<event>記者會|發布會|發佈會|新聞會|大會|酒會|年會|宴會|晚宴|午宴|儀式|典禮|論壇|峰會|會議|會上|會中|會後)"))
# How many characters of an office may stand between a country and its title (美國|商務|部長).
COUNTRY_OFFICE_GAP = 6
# a body's Latin abbreviation in brackets, spaced or not, right before its title (歐洲央行 (ECB) 總裁某某)
BODY_ABBREVIATION = regex.compile(r" ?\([A-Za-z]{2,6}\) ?$")
BODY_ABBREVIATION_MAX = 10
# Pages (by the region their money and signals name) where names in transliteration are common.
TRANSLIT_REGIONS = frozenset({"MY", "SG"})
# The organisation's chunk before a title: up to MAX_ORG characters that are no
# stop, matched leftwards from the title (REVERSE) in one call.
ORG_CHUNK = regex.compile(
    "[^" + "".join(regex.escape(ch) for ch in sorted(ORG_STOP)) + "]{0,%d}" % MAX_ORG, regex.REVERSE
)



# a one-character county's name (蕭縣, 趙縣, 沛縣) and "former" before a title (蕭縣原縣長): the place, no person;
# so the end of a body's short name (交管局原局長, 住建廳原廳長, 發改委原主任): its last character, no given name
PLACE_OR_BODY_ENDS = frozenset(fold("縣局廳委部處署院"))
FORMER_CHARS = frozenset(fold("原前"))
NAME_ZHI = "之"  # a particle, and the last character of many given names (朱惕之, 王羲之)
# 和 also ends many given names (黃家和, 林德和): it does where the two characters before it make a
# word (黃家) and a clear boundary or a verb of saying follows the three
NAME_FINAL_FUNCTION = frozenset(fold("和"))
# An aspect particle after a verb character (曾偉作|了發言): 作 is the verb, no third character of the name
VERB_PARTICLES = frozenset(fold("了過"))
# particles after an everyday word that opens a name (高興地說, 高興得很, 高興了): no third given character
NAME_START_PARTICLES = frozenset(fold("地得了的着著過"))
SAY_AFTER_NAME = frozenset(fold("說稱"))
SAY_WORDS_AFTER_NAME = frozenset(fold(w) for w in ("表示", "指出", "強調", "透露", "認為", "坦言", "直言", "宣布", "宣佈"))
# A day or month in Chinese numerals (廿三日, 五日, 十一月): the print press's dateline day after a name
# (總統普廷廿三日表示) ends a transliterated or Japanese name, whose characters are no numerals.
NUMERAL_DAY = regex.compile(fold("[〇零一二三四五六七八九十廿卅]{1,3}[日月]"))
# a monarch's or pope's regnal number after the name (查理三世, 良十四世), not 世紀, 世界 or 世代
# 出任第4任大臣, 受委霹州第13任大臣: the ordinal of a term (and a state's short name before it) may stand
# between an appointing verb and its title
TERM_ENDS = frozenset(fold("任屆"))
# a clause of dates alone between a name and its appointing verb (某某,於1999年12月至2008年3月,受委…)
TIME_CLAUSE = regex.compile(fold(",於[0-9一二三四五六七八九十〇年月日至到底初中旬]{3,24},?") + "$")
TERM_ORDINAL = regex.compile(fold("第[0-9一二三四五六七八九十]{1,3}[任屆]") + "$")
REGNAL_ORDINAL = regex.compile(fold("[一二三四五六七八九十]{1,3}世(?![紀界代])"))
# ... after a Japanese given name's first character only a day of two numerals or more: one numeral
# ends many given names (安倍晉三|日前, 岸田健一)
TENS_DAY = regex.compile(fold("[十廿卅][一二三四五六七八九]?[日月]"))
# 今(3)日, 昨(13)日: a relative day with its date in brackets ends a name as a time word does (folded brackets)
RELATIVE_DAY_OPEN = regex.compile(fold("[今昨明前]") + r"\(")
LIST_ENDS = (LIST_COMMA, ",")  # what closes a name in a list of names (folded: "，" is ",")

# the given names and the dot of a transliterated full name (克里斯多福·沃勒), folded
DOTTED_NAME_HEAD = regex.compile(r"\p{Han}{1,6}(?:[·‧•]|\.(?=\p{Han}))")
PLACE_LEVELS = frozenset(fold("市縣區省州鎮鄉村"))  # 任設區|市: a place's level ends no transliterated name
PLACE_ENDS = frozenset(fold("區縣省鎮鄉"))  # the levels that end no person's name before a title
MP_TITLE = fold("國會議員")  # the seat's name, not the member's, stands before it
# a double-barrelled transliteration, its parts joined by a hyphen as its Latin spelling's are, in
# brackets right after it (托瑞斯-斯普林格(Maria Torres-Springer)), folded
HYPHENED_NAME = regex.compile(r"(\p{Han}{2,5}[-‐]\p{Han}{2,5})\([A-Z][A-Za-z .']{0,30}[a-z]-[A-Z]")


def _name_dot(folded: str, i: int) -> bool:
    """A name dot at ``i``: a middle dot, or a full-width period (．, folded to ".") between two Han
    characters, as Taiwanese papers write it (穆罕默德．沙爾曼); never a decimal point or a sentence's end."""
    ch = folded[i:i + 1]
    return ch in NAME_DOTS or ch == "." and is_han(folded[i - 1:i]) and is_han(folded[i + 1:i + 2])


def _joined_before(folded: str, pos: int) -> bool:
    """Whether a list's joiner (與, 和, 及, 、) stands in the clause just before the name at ``pos``."""
    before = folded[max(0, pos - BOTH_REACH):pos]
    for stop in "，,。;；：:":
        before = before.rpartition(stop)[2]
    return any(ch in LAST_ITEM or ch == "、" for ch in before)


@dataclass(slots=True)
class UserNames:
    """The user's officials found in one document: by start, by end, and in order."""

    starting: dict  # start -> (end, UserEntry)
    ending: dict    # end -> (start, UserEntry)
    spans: list     # (start, end, UserEntry)


@dataclass(slots=True)
class Found:
    start: int
    end: int
    name: str          # as written (folded offsets, original text)
    title: str
    org: str | None
    rule: str
    name_start: int
    name_end: int


@functools.lru_cache(maxsize=8)
@functools.lru_cache(maxsize=1)
def _outlet_short_names() -> frozenset[str]:
    """The wire services' names less their 社 (彭博社: 彭博), from date/words.tsv's outlets: right before a title
    (彭博分析師, 彭博經濟學家) the outlet's staff, no person's name (but 前市長彭博, a name after its title)."""
    return frozenset(fold(row["surface"])[:-1] for row in load_table("date/words.tsv")
                     if row["kind"] == "outlet" and row["surface"].endswith("社") and len(row["surface"]) >= 3)


def _user_titles(user) -> Gazetteer:
    """The user dictionary's titles (``--dict``), built once per dictionary."""
    return Gazetteer((entry.name, None) for entry in user.of_type("title"))


@functools.lru_cache(maxsize=8)
def _user_officials(user) -> Gazetteer:
    """The user dictionary's officials: each name and alias -> its entry."""
    return Gazetteer((name, entry) for entry in user.of_type("official") for name in entry.names)


@functools.cache
def _tibetan_name_parts() -> frozenset[str]:
    """The two-character parts of Tibetan personal names (official/tibetan_names.txt), folded."""
    return frozenset(fold(w) for w in load_list("official/tibetan_names.txt"))


TIBETAN_MAX_PARTS = 3  # 嘎瑪澤登 is two parts; a name of three (多吉次旦平措) is rare, of four none


def spelled_as_transliteration(name: str, g: OfficialGrammar) -> bool:
    """Spelled with transliteration characters: all of a two-character name, all but one of a longer one."""
    return sum(ch not in g.translit_chars for ch in name) <= (0 if len(name) == 2 else 1)


def anchored_ok(name: str, g: OfficialGrammar, after_honorific: bool = False) -> bool:
    """A transliteration holds no everyday word (級會議 after 部長 is none); a country's name
    it may hold (慕沙阿曼), and so may a long one spelled with transliteration characters only
    (依德里斯阿末 holds 德里); after an honorific, so may one whose inner word is so spelled
    (拿督斯里某某阿里: Ali, an everyday word in jieba), as the name's run allows."""
    if len(name) >= 4 and all(ch in g.translit_chars for ch in name):
        return True
    return not any(name[i:i + 2] in g.common and name[i:i + 2] not in g.countries
                   and not (after_honorific and all(ch in g.translit_chars for ch in name[i:i + 2]))
                   for i in range(1, len(name) - 1))


@functools.cache
def _prefix_first_chars(prefixes: frozenset[str]) -> frozenset[str]:
    """The first characters of the title prefixes (副, 前, 首席): a cheap test before the lookups."""
    return frozenset(p[0] for p in prefixes)


BESIDES_OPEN, BESIDES_END = "除", "外"
BESIDES_REACH = 30  # characters back to 除 within one clause (除上述剛被通報的某省政協原副主席某某外)


def _besides_frame(folded: str, pos: int) -> bool:
    """A 除 (besides) opens the clause before ``pos``, so a 外 after the name closes that frame."""
    window = folded[max(0, pos - BESIDES_REACH):pos]
    at = window.rfind(BESIDES_OPEN)
    return at >= 0 and not any(ch in CLAUSE_BREAKS or ch in "。！？!?" for ch in window[at:])


def _known_name_suffix(chunk: str, user=None) -> int:
    """Length of the longest company, city, country, province, prefecture or state name
    ending ``chunk`` (0 if none): 柔佛|州務大臣 -> org 柔佛."""
    best = 0
    gazetteers = [company_dictionary(), city_gazetteer()[0]]
    if user is not None:
        gazetteers += [user_company_dictionary(user), user_city_gazetteer(user)]
    for gazetteer in gazetteers:
        for start, end, _ in gazetteer.matches(chunk):
            if end == len(chunk):
                best = max(best, end - start)
    regions = place_context()
    for n in regions.region_lengths:
        if n > best and n <= len(chunk) and chunk[-n:] in regions.regions:
            best = n
            break
    return best


class OfficialExtractor:
    type = "official"

    def __init__(self) -> None:
        official_grammar()

    # ------------------------------------------------------------------ names
    def _given_ok(self, ch: str, g: OfficialGrammar) -> bool:
        # (a headline's verb is in no given name: 總理莫迪|轟鄰國)
        return is_han(ch) and ch not in g.stops and ch not in HEADLINE_VERBS

    def _name_at(self, folded: str, pos: int, g: OfficialGrammar) -> int | None:
        """End of a Han name starting at ``pos``, or None."""
        if folded[pos:pos + 1] not in g.name_first_chars:
            # no Chinese surname starts here (most positions after a title); maybe a Japanese one
            return self._japanese_name_at(folded, pos, g) if is_han(folded[pos:pos + 1]) else None
        if folded[pos] in g.weak_surnames:
            # 安倍晉三, 植田和男: a Japanese surname that opens with a weak Chinese one is read as Japanese first
            japanese = self._japanese_name_at(folded, pos, g)
            if japanese is not None:
                return japanese
        if folded[pos:pos + 3] in g.japanese_surnames:
            # 古久保健二, 大久保嘉人: a Japanese surname of three kanji outruns the Chinese reading of its first
            # one as a surname (古久|保健: 保健 is a word); only with a given name after it
            japanese = self._japanese_name_at(folded, pos, g)
            if japanese is not None and japanese - pos >= 4:
                return japanese
        if GIVEN_ROMAN_END in folded[pos + 3:pos + 6]:
            # 田中亮太郎: a Japanese full name of four characters or more that ends in 郎 outruns the Chinese
            # reading (田中亮|太郎, where 太郎 is a word)
            japanese = self._japanese_name_at(folded, pos, g)
            if japanese is not None and japanese - pos >= 4 and folded[japanese - 1] == GIVEN_ROMAN_END:
                return japanese
        for surname_length in (2, 1):
            surname = folded[pos:pos + surname_length]
            if len(surname) < surname_length:
                continue
            if surname not in (g.compound_surnames if surname_length == 2 else g.surnames):
                continue
            first = pos + surname_length
            first_char, second = folded[first:first + 1], folded[first + 1:first + 2]
            if not self._given_ok(first_char, g):
                # 劉和然, 李在明: a function character can open a given name when a
                # full name follows and then a clear boundary (a title, 表示, punctuation).
                if (is_han(first_char) and self._given_ok(second, g)
                        and (self._boundary_after(folded, first + 2, g)
                             or folded[first + 2:first + 3] in SUBJECT_ADVERBS)
                        and self._plausible(folded[pos:first + 2], g)):
                    return first + 2
                continue
            # The second given character belongs to the name unless it starts a
            # common word (表示, 強調) or is a function word (及, 等), or opens a verb that
            # follows names (劉偉認為, 李明帶隊: no 為 or 隊 after a three-character name).
            if second in BOTH_ADVERBS and _joined_before(folded, pos):
                end = first + 1  # 董事長某甲與總經理陳宇均來自…: 均 (both) after the last of two names, no given name
            elif (folded[first + 1:first + 3] in g.formal_adverbs and surname_length == 1
                  and self._recurs_as_name(folded, pos, first + 1)):
                end = first + 1  # 董事長杜某業奉…同意: 杜某 recurs before other characters, so 業 is the adverb
            elif self._given_ok(second, g) and folded[first + 1:first + 3] not in g.name_verbs and (
                    folded[first + 1:first + 3] not in g.common or folded[first + 2:first + 3] in g.stops) and not (
                    second in g.verb_chars and (folded[first + 2:first + 4] in g.common
                                                or folded[first + 2:first + 3] in VERB_PARTICLES)):
                # (李強作重要講話, 楊玲作關於…的說明: 作 before a common word makes the speech, no given name;
                # so does 作 before its aspect particle: 總經理曾偉作了發言)
                end = first + 2  # 林正宜都到場: 宜都 is a word, but 都 is the adverb after the name
            elif self._given_ok(second, g) and self._recurs_as_name(folded, pos, first + 2):
                end = first + 2  # 陳志家主持: 家主 is a word, but the three characters recur as a name
            elif self._given_ok(second, g) and (folded[first + 2:first + 4] in g.name_verbs
                                                or folded[first + 2:first + 4] in g.time_words):
                end = first + 2  # 陳麗儀表示: 儀表 is a word, but 表示 after it is the verb; 習近平日前: 日前 the time
            elif second == NAME_ZHI and folded[first + 2:first + 3] in LIST_ENDS and self._given_ok(first_char, g):
                end = first + 2  # 朱惕之、陳純敬: 之 ends a three-character name that a list comma closes
            elif second in NAME_FINAL_FUNCTION and self._name_final_close(folded, first + 2, g):
                end = first + 2  # 議員張家和今日, 副部長黃家和說: 和 ends the name that a time word or a verb closes
            else:
                end = first + 1
            if surname_length == 1 and end == first + 2:
                end = self._married_name_end(folded, pos, end, g)
            if end - first >= 2 and folded[end - 1] == BESIDES_END and _besides_frame(folded, pos):
                end -= 1  # 除副主席某某外,還有…: 外 closes the 除 frame, no given character
            if self._plausible(folded[pos:end], g):
                return end
            if (end == first + 1 and surname_length == 1 and folded[pos] in g.weak_surnames
                    and folded.startswith(COMRADE, end) and folded[pos:end] not in g.common
                    and folded[pos:end] not in g.not_names):
                return end  # 省委書記應某同志: 同志 closes a two-character name, even one a weak surname opens
            if (end == first + 2 and folded[pos:end - 1] in g.name_starts and folded[pos:end] not in g.common
                    and folded[pos:end] not in g.not_names and folded[end - 1] not in g.day_parts
                    and folded[end - 1] not in NAME_START_PARTICLES and self._boundary_after(folded, end, g)):
                return end  # 議員周一萍說: 周一 is a weekday, but a full name that a boundary ends
            if (end == first + 1 and second in NAME_FINAL_FUNCTION and self._plausible(folded[pos:first + 2], g)
                    and (self._boundary_after(folded, first + 2, g) or folded[first + 2:first + 3] in SAY_AFTER_NAME)):
                return first + 2  # 副部長黃家和今日: 黃家 is a word, and 和 (a function word) ends the given name
        return self._japanese_name_at(folded, pos, g)

    @staticmethod
    def _name_final_close(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """What may follow a given name that ends in a function character (張家和|今日, 黃家和|說,
        李平和|,, 林德和|表示): punctuation, a time word or a verb of saying; not another name or a pronoun
        (王強和|李明, 王強和|他的團隊), a verb (王強和|出席的嘉賓: with the guests), nor a title
        (市長王強和|副市長李明: two officials)."""
        following = folded[pos:pos + 1]
        return (not following or not is_han(following) or following in SAY_AFTER_NAME
                or folded[pos:pos + 2] in SAY_WORDS_AFTER_NAME or folded[pos:pos + 2] in g.time_words
                or RELATIVE_DAY_OPEN.match(folded, pos) is not None)

    def _married_name_end(self, folded: str, pos: int, end: int, g: OfficialGrammar) -> int:
        """葉劉淑儀, 陳馮富珍: a husband's surname before a woman's own full name (Hong Kong and
        Macau usage) makes four characters, when the second is a surname too and only the
        fourth, no adverb (梁某某均認為) nor passive marker (總統馬杜洛|遭起訴), ends the name (an adverb may
        follow the fourth: 林鄭某某均)."""
        if (folded[pos + 1] in g.surnames and self._given_ok(folded[end:end + 1], g)
                and folded[end:end + 1] not in g.adverbs and folded[end:end + 1] not in PASSIVES
                and not self._boundary_after(folded, end, g) and not folded.startswith(COURT_PARTIES, end + 1)
                and (self._boundary_after(folded, end + 1, g) or folded[end + 1:end + 2] in g.adverbs)):
            return end + 1
        return end

    @staticmethod
    def _recurs_as_name(folded: str, start: int, end: int) -> bool:
        """The characters ``folded[start:end]`` occur again followed by another character than
        here (後陳志家時代): a name, not a phrase that always runs on (施政報|告)."""
        name, following = folded[start:end], folded[end:end + 1]
        position = folded.find(name)
        while position != -1:
            if position != start and folded[position + len(name):position + len(name) + 1] != following:
                return True
            position = folded.find(name, position + 1)
        return False

    def _japanese_name_at(self, folded: str, pos: int, g: OfficialGrammar) -> int | None:
        """A Japanese surname of 2-3 kanji and a given name of 1-2: 岸田文雄, 石破茂."""
        for surname_length in (3, 2):
            if folded[pos:pos + surname_length] not in g.japanese_surnames:
                continue
            first = pos + surname_length
            second = folded[first + 1:first + 2]
            if not self._given_ok(folded[first:first + 1], g):
                # 植田和男: a function character (和) may open a given name of two that a clear
                # boundary ends, as in a Chinese name (劉和然)
                if (is_han(folded[first:first + 1]) and self._given_ok(second, g)
                        and self._boundary_after(folded, first + 2, g) and self._japanese_plausible(folded, pos, first, first + 2, g)):
                    return first + 2
                continue
            # 岡田健一出席: two given characters when a boundary follows them
            two = self._given_ok(second, g) and (
                folded[first + 1:first + 3] not in g.common or self._boundary_after(folded, first + 2, g)
                or folded[first + 2:first + 3] == GIVEN_ROMAN_END and (
                    self._boundary_after(folded, first + 3, g) or folded[first + 3:first + 5] in g.name_verbs))
            end = first + 2 if two else first + 1
            if two and folded[end:end + 1] in LONG_GIVEN_ENDS:  # 宮下宗一郎, 小池百合子
                end += 1
            if two and TENS_DAY.match(folded, first + 1):
                end = first + 1  # 石破茂|廿三日: the day's numerals are no given name
            if self._japanese_plausible(folded, pos, first, end, g):
                return end
        return None

    def _japanese_plausible(self, folded: str, pos: int, first: int, end: int, g: OfficialGrammar) -> bool:
        """A Japanese full name: plausible as a Chinese one is, or, whatever the Chinese reading of its
        first character (植, a weak surname; a surname that is a word of jieba's), a known Japanese
        surname and a given name that is no word, ended by a clear boundary (植田和男表示)."""
        name = folded[pos:end]
        return self._plausible(name, g) or (
            name not in g.common and folded[first:end] not in g.common and name not in g.not_names
            and folded[first:end] not in g.not_names
            and (self._boundary_after(folded, end, g) or folded[end:end + 2] in g.name_verbs))  # 安倍晉三|遇刺

    @staticmethod
    def _as_title_before(folded: str, ts: int) -> bool:
        """作為 (as) opens the clause of the title at ``ts``: within AS_TITLE_REACH characters before it,
        with no punctuation between."""
        start = folded.rfind(AS_TITLE, max(0, ts - AS_TITLE_REACH), ts)
        return start >= 0 and all(is_han(ch) or ch.isalnum() for ch in folded[start:ts])

    @staticmethod
    def _ends_word(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """The character at ``pos`` (a surname's, seemingly) ends a word that the one before it
        opens: a common word, or a verb of office (就任|特首, 轉任|國防部長, 卸任|後)."""
        pair = folded[pos - 1:pos + 1] if pos else ""
        # (南韓|總統, 北韓|領導人: the "surname" ends a country's name)
        return pair in g.common or pair in g.appoint_verbs or pair in g.name_verbs or pair in g.countries

    def _boundary_after(self, folded: str, pos: int, g: OfficialGrammar) -> bool:
        following = folded[pos:pos + 1]
        return (not following or not is_han(following) or following in g.stops
                or folded[pos:pos + 2] in g.common or self._title_starts_at(folded, pos, g)
                or RELATIVE_DAY_OPEN.match(folded, pos) is not None
                or following in HEADLINE_VERBS and is_han(folded[pos + 1:pos + 2]))

    def _tibetan_name_at(self, folded: str, pos: int, g: OfficialGrammar) -> int | None:
        """The end of a Tibetan name at ``pos``: two or three parts of official/tibetan_names.txt in a row
        (嘎瑪|澤登, 洛桑|江村, 向巴|平措) that a boundary ends."""
        parts = _tibetan_name_parts()
        end = pos
        while end - pos < 2 * TIBETAN_MAX_PARTS and folded[end:end + 2] in parts:
            end += 2
        if end - pos < 4 or not self._boundary_after(folded, end, g):
            return None
        return end

    def _spelled_name_at(self, doc: Document, ts: int, pos: int, g: OfficialGrammar) -> int | None:
        """The end of a transliterated name spelled as one at ``pos`` on a Malaysian or Singaporean
        page, after a word that links it to the title at ``ts`` (部長為某某, 首相的某某); None where the
        page is of another region, or the run is a country's name or a known name's end."""
        folded = doc.folded
        end = self._foreign_name_at(folded, ts, pos, g, True, True)
        if (end is None or self._country_at(folded, pos, g)
                or _known_name_suffix(folded[pos:end], doc.user) == end - pos
                or page_region(doc).name not in TRANSLIT_REGIONS):
            return None
        return end

    def _foreign_name_at(self, folded: str, ts: int, te: int, g: OfficialGrammar, anchored: bool = False,
                         spelled: bool = False) -> int | None:
        """A transliterated name after a foreign title: 美國總統川普在, 俄羅斯總統普丁表示,
        首相某某今年, 州務大臣拿督斯里某某.

        Only after a country's name, or (``anchored``) after a title of
        ``translit_title`` or an honorific, since transliterations have no surname to
        anchor them; the name runs to a function word or the start of a common word.
        ``spelled`` (any title on a Malaysian or Singaporean page): the name must also be
        spelled with transliteration characters (all of two, all but one of more).
        """
        if folded[te:te + 1] in JUNIOR_MARKS and not folded[te + 1:te + 2] in JUNIOR_MARKS:
            # 總統小馬可斯, 前總統老布希: 小 and 老 (Jr., Sr.) open the name when the rest is a transliteration
            # spelled as one (all its characters but one of three or more: 小馬可仕, whose 仕 is rare in them)
            more = self._foreign_name_at(folded, ts, te + 1, g, anchored, spelled)
            if more is not None and spelled_as_transliteration(folded[te + 1:more], g):
                return more
        by_city = False  # after a city abroad's title (紐約市長): the name must be spelled as a transliteration
        if not anchored and not self._country_before(folded, ts, g) and not self._foreign_company_before(folded, ts):
            by_city = self._foreign_city_before(folded, ts)
            if not by_city:
                return None
        # Malay names run longer: 依斯邁沙比里, and spelled as a transliteration with a title of a
        # Malaysian court, a Nik or Wan before a name and patronymic (推事聶莫哈末法迪里); after an
        # honorific, longer still (拿督莫哈末諾查茲林, 拿督斯里莫哈末沙禮賽益克叻)
        if (folded[te:te + 1] in g.adverbs or folded[te:te + 1] in LEAD_VERBS) and folded[te + 1:te + 3] in g.common \
                or folded[te:te + 1] == EAT:
            # (首相|吃閉門羹: an idiom that the common words lack; no transliteration opens with 吃)
            return None  # 巴西總統|仍重申, 總統|再重申: an adverb and the verb it opens; 首相|發森林城執照: a verb and its object
        if folded[te:te + 2] in g.name_verbs or any(len(v) > 1 and folded.startswith(v, te) for v in g.appoint_verbs):
            return None  # 某某警監|調任州警察總部: a rank after a name, then the verb of office, no name
        if any(folded.startswith(v, te) for v in g.dismiss_verbs):
            return None  # 總理|撤除某某…職務: the title's holder removes someone; the verb opens no name
        if folded[te:te + 2] in g.common and folded[te + 2:te + 3] == MANNER_DE:
            return None  # 州務大臣|公平地公開宣布: an adverb of manner after the title, no transliteration
        if self._title_starts_at(folded, te, g) or folded[te:te + 2] in g.time_words:
            return None  # 總統|顧問將出席, 總理|發言人說: a second title makes one post (an adviser's), no name;
            # nor does a time word open one (總統顧問|下週將赴美)
        honorific = anchored and self._honorific_before(folded, te, g)
        longest = (10 if honorific else 7 if spelled else 6) if anchored else LONG_AFTER_COUNTRY
        end = te
        while end < len(folded) and end - te < longest and (
                self._given_ok(folded[end], g) or end > te and folded[end - 1:end + 1] in g.translit_pairs):
            if anchored and end > te and (regnal := REGNAL_ORDINAL.match(folded, end)) is not None:
                return regnal.end()  # 國王查理|三世, 教宗良|十四世: the number is part of the name
            word = folded[end:end + 2]
            if end - te >= 3 and folded[end] == COME:
                break  # 拿督某某某某|來代答: 來 before the verb it introduces
            if end - te >= 2 and folded[end] in MODALS and is_han(folded[end + 1:end + 2] or "x"):
                break  # 國會議員哥賓星|能提供, 州議員阿茲敏|會出席: a modal before its verb, no character of the name
            if end - te >= 2 and folded[end] in g.adverbs and folded[end + 1:end + 3] in g.common:
                break  # 總統普拉博沃|仍堅持: an adverb before the verb it opens ends the name
            if end - te >= 2 and folded[end] in PASSIVES and is_han(folded[end + 1:end + 2] or "x"):
                break  # 總理佩通坦|遭解職, 領袖某某|被捕: a passive marker before its verb
            if end - te >= 2 and folded[end] in HEADLINE_VERBS and is_han(folded[end + 1:end + 2] or "x"):
                break  # 總統某某|籲國會: a headline's verb after the name
            if end - te >= 2 and NUMERAL_DAY.match(folded, end):
                break  # 總統普廷|廿三日表示: the dateline's day in numerals
            if end - te >= 2 and (word in g.appoint_gaps or folded[end:end + 2] in g.appoint_verbs):
                break  # 部長某某某某|博士, 主席某某某|擔任部長: a degree after the name, or the verb of office
            # 拿督阿茲|哈哈|倫: after an honorific, a common word spelled with transliteration
            # characters only (an interjection) is part of a long Malay name; so, on a Malaysian or
            # Singaporean page, after the three characters of a first name (州議員莫哈末|阿里|夫: Arif)
            spelled_word = ((honorific or spelled and end - te >= 3) and len(word) == 2
                            and all(ch in g.translit_chars for ch in word))
            if (end - te >= 2 and word in g.common and word not in g.name_verbs and folded[end:end + 3] not in g.common
                    and (folded[end + 1:end + 3] in g.name_verbs or folded[end + 1:end + 3] in g.after_names)):
                end += 1  # 總統某某普|通電話: the name's last character and a verb of speech or a call make
                break  # a word (普通), and the verb after them settles where the name ends (not 普通話, Mandarin)
            if end - te >= 2 and (word in g.common and not (anchored and word in g.countries) and not spelled_word
                                  or word in g.name_verbs or word in g.time_words or self._title_starts_at(folded, end, g)):
                break  # 慕沙阿曼: after an honorific or title, a country's name (阿曼) may be part of the name;
                # 首相石破茂|請辭, 特使某某某|下週出訪: a verb or a time word that follows names ends it
            end += 1
        if not 2 <= end - te <= longest or (end - te == longest and self._given_ok(folded[end:end + 1], g)
                                             and not self._boundary_after(folded, end, g)):
            return None  # it runs on past the longest name
        name = folded[te:end]
        if not any(ch in g.translit_chars for ch in name) and name not in g.japanese_surnames:
            return None  # 首相|撥出, 州務大臣|批出: a verb, no transliteration holds none of its characters
        if not anchored and len(name) > 4 and sum(ch not in g.translit_chars for ch in name) > 1:
            return None  # a long run after a country is a name only when spelled as a transliteration
        if (spelled or by_city) and not spelled_as_transliteration(name, g):
            return None  # 議員促請州, 部長受訪, 紐約市長|期以來: words, not a transliteration
        # 副檢察司|法依查: a spelled name of three or more transliteration characters may open with a
        # character that makes a word with the title's last (司法)
        spelled_name = spelled and len(name) >= 3 and all(ch in g.translit_chars for ch in name)
        # 部長阿德里: on such a page, so spelled, its inner word (德里, a city) is no everyday word either
        if anchored and (not anchored_ok(name, g, bool(honorific) or spelled_name) or folded[te - 1:te + 1] in g.common and not spelled_name
                         and not self._city_across(folded, te, name, g)
                         or folded[te - 2:te + 1] in g.common or folded[te:te + 1] in g.org_closing):
            return None  # 首相|府, 總統|府: the title and the first character make a word; 首相署: an office
        if not anchored and folded[te - 2:te + 1] in g.common:
            return None  # 法國總統|府發言人, 韓國總統|府召開: after a country too, the head's office is no name
        if self._plausible(name, g, translit=anchored and spelled_as_transliteration(name, g)):
            return end
        # 國會議員拿督西華拉治: after an honorific a name spelled with transliteration characters only
        # may open like an everyday word (西華); so may one after any title on a Malaysian or
        # Singaporean page (州議員阿里費: 阿里, Ali, is a word of jieba's)
        if (anchored and len(name) >= 3 and (spelled or self._honorific_before(folded, te, g))
                and name not in g.common and name not in g.not_names
                and all(ch in g.translit_chars for ch in name) and _known_name_suffix(name) < len(name)):
            return end  # (州議員|阿里巴巴集團: a company's or a place's name is no person's)
        return None

    @staticmethod
    def _country_before(folded: str, ts: int, g: OfficialGrammar) -> bool:
        """A country's name ends right before the title, or opens the office it heads
        (美國|總統, 美國|商務部長: up to ``COUNTRY_OFFICE_GAP`` Han characters between);
        not Taiwan or China, whose officials have Chinese names (``CHINESE_NAMED``)."""
        abbr = BODY_ABBREVIATION.search(folded, max(0, ts - BODY_ABBREVIATION_MAX), ts)
        if abbr is not None:
            ts = abbr.start()  # 歐洲央行 (ECB) 總裁: the body's abbreviation in brackets between it and the title
        for end in range(ts, max(ts - COUNTRY_OFFICE_GAP, 1) - 1, -1):
            if end < ts and not is_han(folded[end]):
                return False
            # (up to the longest name: an international body's runs longer than a country's, 世界貿易組織)
            if folded[end - 1:end] in g.country_last_chars and any(
                    folded[end - n:end] in g.countries and folded[end - n:end] not in CHINESE_NAMED
                    for n in range(2, COUNTRY_NAME_MAX + 1) if n <= end):
                return True
            if OfficialExtractor._country_char_at(folded, end - 1, g):
                return True
        return False

    @staticmethod
    def _country_ends_at(folded: str, end: int, g: OfficialGrammar) -> bool:
        """A foreign country's name (not Taiwan's or China's) ends right at ``end``: 帛琉|, 吐瓦魯|,
        聖克里斯多福及尼維斯|."""
        return folded[end - 1:end] in g.country_last_chars and any(
            folded[end - n:end] in g.countries and folded[end - n:end] not in CHINESE_NAMED
            for n in range(2, COUNTRY_NAME_MAX + 1) if n <= end)

    @staticmethod
    def _country_char_at(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """A foreign country's one-character name opens the office at ``pos`` (俄|外交部長, 美|財長,
        俄|總統新聞秘書): it opens its clause or follows a function word (和俄外長), and makes no word
        with the character after it (法務, 英文); so the last character of a name (賴清德|聘任為總統府)
        or of a word (完美, 今日) is none."""
        char = folded[pos:pos + 1]
        if not char or char not in g.country_chars or char in CHINESE_NAMED_CHARS:
            return False
        before = folded[pos - 1:pos] if pos else ""
        return ((not is_han(before) and not before.isdigit() or before in g.stops)
                and folded[pos:pos + 2] not in g.common)

    @staticmethod
    def _city_across(folded: str, te: int, name: str, g: OfficialGrammar) -> bool:
        """外長|沙倫賽: the title's last character and the name's first make a city's name (長沙), no
        word of the title's own; a name of three transliteration characters or more is the name."""
        return (len(name) >= 3 and all(ch in g.translit_chars for ch in name)
                and any(end == 2 for _, end, _ in city_gazetteer()[0].matches(folded[te - 1:te + 1])))

    @staticmethod
    def _foreign_city_before(folded: str, ts: int) -> bool:
        """A city abroad, where names are transliterations, ends right before the title, its 市
        maybe written (加州舊金山市|市長, 倫敦|市長): the office is that city's."""
        low = max(0, ts - MAX_ORG)
        window = folded[low:ts]
        cut = len(window) - 1 if window.endswith(CITY_MARK) else len(window)
        return any(end in (cut, len(window)) and info.kind == FOREIGN and info.country not in CHINESE_NAMED_CITIES
                   for _, end, (info,) in city_gazetteer()[0].matches(window))

    @staticmethod
    def _city_item(folded: str, start: int, end: int) -> bool:
        """The item ``folded[start:end]`` is a city's name with its 市 or 縣 (中山市), which no person's
        name ends in."""
        return folded[end - 1:end] in CITY_ITEM_ENDS and any(
            s == 0 and e == end - start for s, e, _ in city_gazetteer()[0].matches(folded[start:end]))

    @staticmethod
    def _city_runs_past(folded: str, start: int, end: int) -> bool:
        """A listed city's or town's name starts at ``start`` and runs past ``end`` (亞羅牙|也): the
        characters up to ``end`` are the head of a place's name, not a person's."""
        window = folded[start:start + MAX_ORG]
        return any(s == 0 and e > end - start for s, e, _ in city_gazetteer()[0].matches(window))

    @staticmethod
    def _company_runs_past(folded: str, start: int, end: int) -> bool:
        """A known company's name starts at ``start`` and runs past ``end`` (金沙|中國): the
        characters up to ``end`` are the head of that name, not a person's."""
        window = folded[start:start + MAX_ORG]
        return any(s == 0 and e > end - start for s, e, _ in company_dictionary().matches(window))

    @staticmethod
    def _foreign_company_before(folded: str, ts: int) -> bool:
        """A foreign company's name ends right before the title (蘋果|執行長庫克): its officers'
        names are transliterations, with no Chinese surname to anchor them."""
        low = max(0, ts - MAX_ORG)
        # 開放人工智慧研究中心(OpenAI)|執行長: the company's name in brackets right before the title
        close = ts - 1 if folded[ts - 1:ts] in ")）" else ts
        for start, end, forms in company_dictionary().matches(folded[low:ts]):
            info = forms[0].info
            if info.country in HOME_COUNTRIES:
                continue
            if low + end == ts or low + end == close < ts and folded[low + start - 1:low + start] in "(（":
                return True
        return False

    @staticmethod
    def _glued_person_at(folded: str, bracket: int) -> bool:
        """(GuillaumeFaury) at ``bracket``: a person's two names glued together, unless the word is a
        company's name written so (BlackRock, SoftBank)."""
        glued = GLUED_PERSON_IN_BRACKETS.match(folded, bracket)
        if glued is None:
            return False
        word = folded[bracket + 1:glued.end() - 1]
        return not any(end - start == len(word) for start, end, _ in company_dictionary().matches(word))

    def _plausible(self, name: str, g: OfficialGrammar, translit: bool = False) -> bool:
        """``translit``: the name is a transliteration after a title that such names follow (首相安華),
        so a weak surname (安, 文) opening it is no surname to test."""
        if len(name) < 2 or name in g.not_names or name in g.common:
            return False
        if all(ch in g.country_chars for ch in name):
            return False  # 韓中|領導人, 美日|外長: countries' one-character names, no person
        if len(name) >= 2 and name[1] == INDEFINITE_NAME:
            # 林某某: a whole name masked (a name); 吳某, 吳某|更因: the press's anonymized reference, none
            return len(name) == 3 and name[2] == INDEFINITE_NAME
        if name[:2] in g.not_names and name[:2] not in g.countries and not (
                len(name) == 3 and name[:2] in g.anonymized and name[1:] not in g.common):
            # 市長施政報時間: a not_name word opens no longer name either (but 韓國瑜; and 董事長黃男州:
            # the anonymized 黃男 opens a name whose last two characters make no word, as 男子, 女士 do)
            return False
        if len(name) == 3 and any(s == 0 and e == 2 for s, e, _ in g.titles.matches(name[1:])):
            return False  # 司長任組長: 任 (to serve as) before a title, no surname and given name
        if len(name) == 3 and name[1:] in g.org_suffixes:
            return False  # 菓葉國小|校長, 某某銀行: a body's name ends in it, no person's
        if len(name) == 3 and name[-1] in OFFICE_NAME_ENDS:
            return False  # 檢察官某某、海巡署北部分署: an office's three-character short name, no person's
        if name[0] in g.preposition_surnames and (name[1:] in g.common or name[1:] in g.name_verbs or name[1:2] in EACH):
            # 市長向大家介紹, 理事向卸任的前輩: the preposition 向 before a word, no surname; 市長向每位居民:
            # before a function character (each, every) either
            return False
        if name[0] in g.adverb_surnames and (name[1:] in g.verbs or name[1:] in g.name_verbs):
            return False  # 法官曾詢問, 局長曾指出: the adverb 曾 (once) before a verb, no surname
        if name[0] in g.adverb_surnames and name[1:2] in TIMES_COUNT_FIRST and name[2:3] in TIMES_COUNT_LAST:
            return False  # 部長某某、曾兩度參選…: the adverb before a count of times
        if not translit and name[0] in g.weak_surnames and (len(name) != 3 or name[:2] in g.common or name[:2] in g.not_names
                                           or name[1:] in g.common or name[-1] in WEAK_NAME_JOINERS):
            # 總統文告, 主任文員, 港區全國人大代表: 文, 區 open more words than names (but 局長文綺華); 首相安華|和:
            # a conjunction after two characters ends the name (a transliteration) rather than being its third
            return False
        if (len(name) >= 2 and name[:2] in g.common and name[:2] not in g.compound_surnames
                and not (len(name) == 3 and (name[:2] in g.countries or name[1] == FAMILY and name[1:] not in g.common))):
            return False  # 強調, 高度, 成為 ... read as surname + given name (but 韓國瑜, 許家豪)
        return True

    def _name_before(self, folded: str, end: int, g: OfficialGrammar) -> int | None:
        """Start of a Han name ending at ``end`` (right before a title), or None."""
        if not self._given_ok(folded[end - 1:end], g):
            return None  # every name's last character is a given one
        if folded[end - 1:end] in FORMER_CHARS and folded[end:end + 1] in LEVEL_TITLE_STARTS and end >= 3 \
                and folded[end - 3:end - 1] + folded[end] in folded:
            return None  # 某地原縣委書記 on a page that writes 某地縣: the place without its level and "former"
        # 3 characters first (most names), but 4 first for a Japanese surname: 岸田文雄首相.
        lengths = (4, 3, 2) if folded[end - 4:end - 2] in g.japanese_surnames else (3, 2, 4)
        for length in lengths:
            start = end - length
            if start < 0:
                continue
            name = folded[start:end]
            # The set look-ups first: they rule out most lengths.
            if length == 4:
                # (高市|藍營議員: a Japanese given name is no everyday word)
                ok = name[:2] in g.compound_surnames or name[:2] in g.japanese_surnames and name[2:] not in g.common
            elif length == 3:
                ok = name[0] in g.surnames or name[:2] in g.compound_surnames or name[:2] in g.japanese_surnames
            else:
                ok = name[0] in g.surnames
            if not ok or not is_han(name[0]):
                continue
            if not all(self._given_ok(ch, g) for ch in name[1:]):
                # 李在明總統, 劉和然市長: a function character opens a full name that stands alone
                # before its title (the text or a clause begins right before it)
                if not (length == 3 and is_han(name[1]) and self._given_ok(name[2], g) and name[0] in g.surnames
                        and name[1:] not in g.common
                        and (start == 0 or not is_han(folded[start - 1]) or folded[start - 1] in g.stops)):
                    continue
            if start and (folded[start - 1:start + 1] in g.common and not (length == 3 and folded[start - 2:start] in g.common)
                          or folded[start - 1:start + 1] in g.appoint_verbs or folded[start - 1:start + 1] in g.time_words):
                continue  # 兼任|統籌部長, 曾任|財政部長, 下週|舉行首相: the "surname" ends a word with the character before it
                # (unless that character ends a word of its own before a full name: 落實|習近平總書記, not 實習;
                # but 當面|向卓院長, 面向: a two-character name is too short to tell)
            if length == 3 and name[1:] in g.appoint_verbs:
                continue  # 何燕梅擔任局長: 擔任 is the verb, no given name
            if length == 2 and name[0] in g.adverb_surnames and name[1:] in g.appoint_verbs:
                continue  # 律師出身，曾任總檢察長: the adverb 曾 (once) and 任 (served as), no two-character name
            if length == 3 and name[1:] in MEETING_VERBS:
                continue  # 攝政王接見大臣: the verb of a meeting, no given name
            if length == 3 and name[1] in PLACE_OR_BODY_ENDS and name[2] in FORMER_CHARS:
                continue  # 蕭縣原縣長, 交管局原局長: a one-character county or a body's short name and "former", no name
            if name[-1] in g.org_enders:
                continue  # 醫管局主席, 房委會主席: the body's short name, no person's
            if name[-1] in PLACE_ENDS:
                continue  # 某某區國會議員, 某某縣議員: a constituency's or a place's name, no given name ends so
            if length == 2 and folded.startswith(MP_TITLE, end):
                continue  # (某黨,蒲來國會議員): two characters before an MP's title are his seat, a town's name
            if self._plausible(name, g):
                if (length == 3 and start >= 1 and folded[start - 1] in g.surnames and folded[start - 1] not in g.stops
                        and folded[start - 1:start + 1] not in g.common
                        and (start == 1 or not is_han(folded[start - 2]) or folded[start - 2] in g.stops)):
                    return start - 1  # 陳某某及葉劉淑儀議員: a husband's surname before a woman's own full name
                if length == 3 and start >= 1 and folded[start - 1:start + 1] in g.compound_surnames \
                        and self._plausible(folded[start - 1:end], g):
                    return start - 1  # 任命諸葛某某為: 葛 opens no name of three, 諸葛 one of four
                return start
        return None

    def _org_before(self, doc: Document, pos: int, g: OfficialGrammar, title: str = "") -> str | None:
        """The organisation or place right before a title or name, when there is one.

        经發|局長 and 桃園|市長: the title's first character closes the organisation
        (經發局, 桃園市). The chunk counts when it ends like an organisation
        (部, 中心, 大學 ...) or with a known company, city or country (輝達, 法國).
        """
        folded = doc.folded
        start = ORG_CHUNK.match(folded, 0, pos).start()
        if g.org_lead_pattern.search(folded, start, pos):
            for lead in g.org_leads:  # 包括台灣微軟 -> 台灣微軟
                index = folded.rfind(lead, start, pos)
                if index != -1:
                    start = index + len(lead)
        # 執行長詹文男及中央大學校長: a name before 及 ends the previous item, but
        # 國家科學及技術委員會 keeps its 及.
        index = folded.rfind(AND, start, pos)
        if index != -1 and self._name_before(folded, index, g) is not None:
            start = index + 1
        if pos - start < 1:
            return None
        closing = fold(title[:1])
        if folded[pos - 1:pos] in FORMER_CHARS and pos - 1 - start >= 2 and (
                folded[pos - 2] == closing or folded[start:pos - 1].endswith(g.org_suffixes)):
            return doc.text[start:pos - 1]  # 交通局|原|局長, 市政府|原|市長: "former" is no part of the office
        if closing and closing in g.org_closing:
            if folded[pos - 1:pos] == closing:  # 國家實驗研究院|院長: the chunk already ends with it
                return doc.text[start:pos] if pos - start >= 3 else None
            return doc.text[start:pos + 1] if pos - start >= 2 else None
        chunk = folded[start:pos]
        if len(chunk) >= 2 and chunk.endswith(g.org_suffixes):
            return doc.text[start:pos]
        known = _known_name_suffix(chunk, doc.user)
        if known:
            return doc.text[start:pos] if known >= 2 and known == len(chunk) else doc.text[pos - known:pos]
        return None

    # ------------------------------------------------------------------ find
    def _titles(self, doc: Document, g: OfficialGrammar) -> list[tuple[int, int]]:
        folded = doc.folded
        spans: list[tuple[int, int, None]] = []
        matches = document_matches(doc, g.titles)
        if doc.user is not None and doc.user.of_type("title"):
            matches = [*matches, *_user_titles(doc.user).matches(folded)]
        for start, end, _ in matches:
            if folded[start:end].isascii() and (
                folded[start - 1:start].isalpha() and folded[start - 1:start].isascii()
                or folded[end:end + 1].isascii() and folded[end:end + 1].isalpha()
            ):
                continue  # CEO inside a Latin word
            # Absorb prefixes, longest first: 資深副總裁, 前校長.
            while start and folded[start - 1] in g.prefix_last_chars:
                for length in g.prefix_lengths:
                    if length <= start and folded[start - length:start] in g.prefixes and (
                            length > 1 or folded[start - 2:start] not in g.common):  # 寧德時|代|董事長: 時代
                        start -= length
                        break
                else:
                    break
            if (end - start == 2 and folded[end - 1] == MINISTER and folded[start - 1:start + 1] in g.common
                    and (folded[end - 1:end + 1] in g.common or folded[start:end] != FOREIGN_MINISTER)):
                continue  # 今日|相關, 國外|相關: a country's minister (日相, 外相) only where no word ends on its first character
                # (英國|外相某某: 國外 is a word, but 外相 then opens no word with what follows, as 相關 would)
            if (end - start == 2 and folded[end - 1] == MINISTER and start and folded[end - 1:end + 1] in g.common
                    and any(s == 0 and e == 2 for s, e, _ in g.titles.matches(folded[start - 1:start + 1]))):
                continue  # 特首|相關: a title ends on the first character (特首) and 相 opens a word: no 首相
            if (end - start == 2 and folded[start - 1:start + 1] in g.common and folded[end - 1:end + 1] in g.common
                    and folded[start - 1] != folded[start]):
                continue  # 萬人|次長|者: each character of a two-character title makes a word with its neighbour (人次, 長者)
                # (but 中醫處|處長|于某某: an office whose name ends in the title's first character, though 處處 and 長於 are words)
            if end - start == 2 and folded[start - 1:end] in g.common:
                continue  # 向天|主教: the character before ends a word with the title (天主教 is the faith)
            if (folded[end - 1:end + 1] in g.common and folded[end:end + 2] not in g.common
                    and folded[end:end + 1] not in g.name_first_chars and folded[end:end + 1] not in g.translit_chars
                    and self._japanese_name_at(folded, end, g) is None):
                continue  # 蔡甸區|長期以來: the title's last character opens a word (長期) and no name can follow
                # (院長|期望, 市長|期間 stay titles: the next character opens a word of its own; so do 市長|大西秀人,
                # 外長|沙倫賽: a Japanese surname or a transliteration's character opens a name)
            if (folded[end:end + 1] == ASSEMBLY and folded[start:end + 1] in g.common
                    and folded[end:end + 2] not in g.common):
                continue  # 大馬體育理事|會至今, 委員|會表示: the body, no member of it (委員會見 is 委員 meeting)
            if folded[end - 1:end + 1] in AFTER_WORDS:
                continue  # 南蘇丹|後方補給線: the consort's title ends in 後, which opens a word of the clause
            if folded[end:end + 1] == ASSEMBLY and self._title_starts_at(folded, end + 1, g):
                continue  # 政務委員|會主任委員: the body whose head the next title names
            guards = g.guarded_titles.get(folded[start:end]) if g.guarded_titles else None
            if guards is not None and not self._guarded_ok(folded, start, guards) and not (
                    folded[start:end] == REPRESENTATIVE and self._council_member(folded, start)) and not (
                    folded[start - 1:start] in PARTY_BLOCK_BEFORE and folded[end:end + 1] == ":") and not (
                    self._counted_list_before(folded, start)):
                continue  # 代表 only after an office: 駐馬來西亞台北經濟文化辦事處代表 (or opening a line or sentence
                # before a colon, a court judgment's party block: 原告:某某有限公司…。負責人:某某,總經理。)
            spans.append((start, end, None))
        # Of two titles of one length that cross, the later one: it ends where the name begins
        # (世總|秘書長游某某 holds 秘書長, not the Hong Kong title 總秘書).
        ends = {(start, end) for start, end, _ in spans}
        spans = [span for span in spans if not any(
            (start, start + span[1] - span[0]) in ends for start in range(span[0] + 1, span[1]))]
        # 羽總|秘書長拿督某某: a title that a later one overlaps, where the later one runs on to an
        # honorific, is no title (總秘書 here: the body's short name ends in 總)
        ends_at_honorific = [(s, e) for s, e, _ in spans if self._honorific_at(folded, e, g)]
        if ends_at_honorific:
            spans = [span for span in spans if not any(span[0] < s < span[1] < e for s, e in ends_at_honorific)]
        # Longest first (prefixes included), so 主任委員 wins over 主任, 副市長 over 市長 and
        # 副+總裁 over the title 副總.
        return [(start, end) for start, end, _ in longest_non_overlapping(spans)]

    @staticmethod
    def _ends_clause(folded: str, end: int, g: OfficialGrammar) -> bool:
        """A clause break or a sentence's end right after the name, or after a degree (博士) or a gap word."""
        end += len(next((gap for gap in g.appoint_gaps if folded.startswith(gap, end)), ""))
        spelled = LATIN_SPELLING_AFTER.match(folded, end)
        if spelled:
            end = spelled.end()  # 董事是某某(XU HANG)。: the name's Latin spelling in brackets, then the break
        following = folded[end:end + 1]
        return not following or following in CLAUSE_BREAKS or following.startswith(SENTENCE_ENDS)

    def _person_before(self, folded: str, ts: int, te: int, g: OfficialGrammar) -> bool:
        """A person's name ends right before the title, not an office's short name (衛環|局長王某某)."""
        start = self._name_before(folded, ts, g)
        return start is not None and not (ts - start == 2 and folded[ts] in OFFICE_LEVELS
                                           and self._office_written(folded, start, ts, te, g.surnames)) \
            and _known_name_suffix(folded[start:ts]) != ts - start  # 馬六甲|首席部長: a place, no person

    @staticmethod
    def _office_written(folded: str, start: int, ts: int, te: int, surnames: frozenset[str]) -> bool:
        """Two characters before a title that opens with an office's level (衛福|部長, 經發|局長) are
        that office's short name when the page also writes them with the level outside the title
        (衛福部將, 衛福部的職責), or writes the whole title before a person's name (衛福部長石某某):
        the office's head, no person named 衛福."""
        office, rest = folded[start:ts + 1], folded[ts + 1:te]
        index = folded.find(office)
        while index != -1:
            if not folded.startswith(rest, index + len(office)):
                return True
            if folded[index + len(office) + len(rest):index + len(office) + len(rest) + 1] in surnames:
                return True
            index = folded.find(office, index + 1)
        return False

    @staticmethod
    def _counted_list_before(folded: str, start: int) -> bool:
        """A count of people right before the title and a list's comma just before the count
        (某乙、某丙15位代表): the names are checked as a list's by ``_listed_before``."""
        if LIST_COMMA not in folded[max(0, start - 12):start]:
            return False
        count = COUNT_BEFORE_TITLE.search(folded, max(0, start - 5), start)
        return count is not None and LIST_COMMA in folded[max(0, count.start() - 5):count.start()]

    @staticmethod
    def _council_member(folded: str, start: int) -> bool:
        """A bare 代表 that opens a clause (。代表某某說) on a page that names a township's council of
        representatives (鄉民代表會, 市民代表會): a member's title there, as 議員 is a councillor's."""
        return (not start or not is_han(folded[start - 1])) and TOWNSHIP_COUNCIL in folded

    @staticmethod
    def _guarded_ok(folded: str, start: int, guards: tuple[str, ...]) -> bool:
        chunk = folded[ORG_CHUNK.match(folded, 0, start).start():start]
        if chunk.endswith(GUARD_QUALIFIERS):
            chunk = chunk[:-2]
        return chunk.endswith(guards) or STATIONED in chunk

    def find(self, doc: Document) -> Iterator[Entity]:
        g = official_grammar()
        folded = doc.folded
        full: list[Found] = []
        shorts: list[tuple[int, int, str, str]] = []  # start, end, surname, title
        user_names = self._user_names(doc)
        for ts, te in self._titles(doc, g):
            title = doc.text[ts:te]
            found_after = self._user_name_after(doc, ts, te, title, user_names, g) or \
                self._names_after(doc, ts, te, title, g)
            # 衛福局|副局長, 財政處|處長: the office whose head the title names ends before it, no name
            office = ts > 0 and folded[ts - 1] in OFFICE_LEVELS and folded[ts - 1] in folded[ts:te]
            if found_after and not office and self._cut_short(folded, found_after, g) and self._person_before(folded, ts, te, g):
                found_after = []  # 習近平總書記|曾來到: a full name before the title, not 曾來 cut from 來到
            if not found_after:
                held = self._held_by(doc, ts, te, title, g)
                found_after = [held] if held is not None else []
            if not found_after and folded[te:te + 1] == APPOINT_AS:
                # 非官守議員為某某、某某及某某: a list of two names or more after 為 (one name after
                # 為 is as often 為何, 為此: no name)
                listed = self._names_after(doc, ts, te + 1, title, g)
                found_after = listed if len(listed) >= 2 else []
            if not found_after and folded[te:te + 1] == TITLE_IS:
                # 議長是某某博士, 團長是某某；: one name after 是 that ends its clause (not 是否, 是在)
                found_after = [f for f in self._names_after(doc, ts, te + 1, title, g)
                               if self._ends_clause(folded, f.name_end, g)][:1]
            found_after = [f for f in found_after if not self._verb_before_committee(folded, f, g)]
            if found_after:
                full.extend(found_after)
                continue
            if folded.endswith(NAME_AFTER_ONLY, ts, te):
                leader = self._leader_before(folded, ts, te, g)
                if leader and ts - leader >= 3 and folded.endswith(LEADER_LEADS, 0, leader):
                    # 轉達對某某國王的問候, 會見某某國王: a preposition or a meeting verb opens the monarch's
                    # transliterated name of three or more, which the title then follows (和三山國王廟: a temple)
                    full.append(Found(leader, te, doc.text[leader:ts], title, None, "official.name_title", leader, ts))
                continue  # 三山國王|宮 (a deity's temple), 汽車國王 (a nickname): a monarch's title opens the name
            user_before = user_names.ending.get(ts)
            if user_before is not None:
                start, entry = user_before
                full.append(Found(start, te, entry.name, title,
                                  self._org_before(doc, start, g) or entry.field("org"),
                                  "official.name_title", start, ts))
                continue
            owner = self._bracket_owner(folded, ts, te, g)
            if owner is not None:
                # 王汎森(前中研院副院長), 吳誠文（清大副校長）: a name, and its title in brackets after it
                full.append(Found(owner[0], te, doc.text[owner[0]:owner[1]], title,
                                  self._org_before(doc, ts, g, title), "official.name_title", *owner))
                continue
            bracketed = self._bracketed_title(folded, ts, te, g)
            if bracketed is not None:
                # 某某(主席), 某某博士(中學校長): a roster's name with its post in brackets
                start, end, opening = bracketed
                full.append(Found(start, te, doc.text[start:end], title, doc.text[opening + 1:ts] or None,
                                  "official.name_title", start, end))
                continue
            spelled = None if office else self._name_before_latin(folded, ts, g)
            if spelled is not None:
                # 李比爾（Bill Lee）州長: a name, its Latin spelling in brackets, then its title
                full.append(Found(spelled[0], te, doc.text[spelled[0]:spelled[1]], title,
                                  self._org_before(doc, spelled[0], g), "official.name_title", *spelled))
                continue
            name_start = None if office else self._name_before(folded, ts, g)
            if name_start is not None and folded[name_start:ts] in _outlet_short_names():
                name_start = None  # 彭博|分析師: the wire's analyst, no person 彭博
            if name_start is not None and ts - name_start == 2 and folded[ts] in OFFICE_LEVELS \
                    and self._office_written(folded, name_start, ts, te, g.surnames):
                name_start = None  # 衛福|部長 on a page that writes 衛福部 on its own: the office, no name
            if name_start is not None:
                place = _known_name_suffix(folded[max(0, ts - MAX_ORG):ts])
                if place >= ts - name_start or place >= 2 and folded[ts] in LEVEL_TITLE_STARTS:
                    # 舊金山市長: 金山 ends a city's name, no person's; 改任|東莞市委書記: a
                    # place right before 市委書記 or 區長 is the place whose office it is
                    name_start = None
                elif place >= 2 and place == ts - name_start - 1 and folded[name_start] in g.appoint_verbs:
                    name_start = None  # 他任|東營|副市長: 任 is the verb and the rest the place, no name 任東營
            if name_start is not None and self._state_before_title(folded, name_start, ts, g):
                name_start = None
            if name_start is not None and folded[ts - 1] == folded[ts] and folded[ts] in LEVEL_TITLE_STARTS:
                name_start = None  # 城關鎮|鎮長, 新城區|區長: the place's level, which the title repeats, ends no name
            if name_start is not None and folded[name_start - 1:name_start] in COUNT_CHARS and name_start > 0:
                name_start = None  # 兩席|一般董事, 三席|獨董: after a count the "surname" is a measure word (席 seats)
            if name_start is not None and ts - name_start == 2 and folded[ts:ts + 1] in LEVEL_TITLE_STARTS \
                    and folded[ts + 1:ts + 2] == COMMITTEE:
                name_start = None  # 蔡甸|區委書記, 汉南|區委副書記: two characters before a party committee's title name its place
            if (name_start is not None and folded[ts - 1:ts] in g.appoint_verbs and name_start > 0
                    and is_han(folded[name_start - 1]) and folded[name_start - 1] not in g.stops):
                name_start = None  # 黃建盛|任副省長, 加入寒武紀|任CTO: 任 is the verb, no name 盛任, 紀任
            if name_start is not None and ts - name_start == 3 and folded[ts - 1:ts] in g.appoint_verbs:
                # 某某任副市長 opening a clause: 任 is the verb after a two-character name, no third character
                appointed = self._appointed(doc, ts, te, title, g)
                if appointed and appointed[-1].name_start == name_start and appointed[-1].name_end == ts - 1:
                    full.extend(appointed)
                    continue
            if name_start is not None and folded[name_start:name_start + 1] in g.appoint_verbs \
                    and self._committee_at(folded, ts):
                name_start = None  # 分別任|嘉善|縣委書記: 任 is the verb, the rest the committee's place
            if name_start is not None and folded[name_start:name_start + 1] in g.appoint_verbs:
                # 魏某某任交通部長: 任 is the verb before an office, no surname of 任交通
                appointed = self._appointed(doc, ts, te, title, g)
                if appointed and appointed[-1].name_end == name_start:
                    full.extend(appointed)
                    continue
                if self._ends_word(folded, name_start, g):
                    name_start = None  # 昨日轉任國防部長: 任 ends the verb 轉任
            if name_start is not None and ts - name_start == 2 and not office:
                # 拉夫|羅夫外長: a surname's name of two is the tail of a longer transliteration
                leader = self._leader_before(folded, ts, te, g)
                name_start = leader if leader is not None and leader < name_start else name_start
            if name_start is not None and folded.endswith(SEAT_DEMONSTRATIVES, 0, name_start):
                name_start = None  # 這位|米昔拉州議員: "this member for" a seat, no person's name
            if name_start is not None:
                full.append(Found(name_start, te, doc.text[name_start:ts], title,
                                  self._org_before(doc, name_start, g), "official.name_title", name_start, ts))
                continue
            translit_start = None if office else (self._transliteration_before(doc, ts, te, g)
                                                  or self._leader_before(folded, ts, te, g))
            if translit_start is not None and folded.endswith(SEAT_DEMONSTRATIVES, 0, translit_start):
                translit_start = None
            if translit_start is not None:
                full.append(Found(translit_start, te, doc.text[translit_start:ts], title,
                                  None, "official.name_title", translit_start, ts))
                continue
            listed = self._listed_before(doc, ts, title, g)
            if listed:
                full.extend(listed)
                continue
            appointed = self._appointed(doc, ts, te, title, g) or self._dismissed(doc, ts, te, title, g)
            if appointed:
                full.extend(appointed)
                continue
            among = self._among_group(doc, ts, te, title, g)
            if among:
                full.extend(among)
                continue
            headed = self._colon_head(doc, ts, te, title, g)
            if headed is not None:
                full.append(headed)
                continue
            surname = folded[ts - 1:ts]
            if ts >= 1 and surname in g.surnames and not self._ends_word(folded, ts - 1, g):
                shorts.append((ts - 1, te, surname, title))  # not 就任|特首: the "surname" ends a word
        for match in g.short_title_pattern.finditer(folded):
            surname = match.group(1)
            if surname in g.surnames:
                shorts.append((match.start() - 1, match.end(), surname, g.short_titles[match.group()]))
        if BORN in folded or any(h in folded for h in BORN_SHORT_HINTS) and BORN_SHORT.search(folded):
            full.extend(self._biographies(doc, {f.name_start for f in full}, g))
        full.extend(self._constituency_members(doc, {f.name_start for f in full}, g))
        full.extend(self._caption_roster(doc, {f.name_start for f in full}, g))
        full.extend(self._dictionary_mentions(full, user_names))
        yield from self._emit(doc, self._complete_cut_names(doc, full), shorts)

    def _caption_roster(self, doc: Document, taken: set[int], g: OfficialGrammar) -> list[Found]:
        """圖左起:某甲 公司事務總監;某乙 物業總監: a caption's items after 左起 or 右起 on its line, each a full
        name, a space and a phrase that ends in a title."""
        folded = doc.folded
        if not any(cue in folded for cue in CAPTION_ROSTER_CUES):
            return []
        found = []
        for cue in CAPTION_ROSTER_CUES:
            at = folded.find(cue)
            while at >= 0:
                pos = at + len(cue)
                while folded[pos:pos + 1] in CAPTION_ROSTER_OPENERS:
                    pos += 1  # (左起):, 左起：
                line_end = folded.find("\n", pos, pos + CAPTION_ROSTER_REACH)
                line_end = line_end if line_end >= 0 else min(len(folded), pos + CAPTION_ROSTER_REACH)
                for part in regex.splititer(CAPTION_ROSTER_BREAKS, folded[pos:line_end]):
                    item = CAPTION_ROSTER_ITEM.fullmatch(part)
                    if item is not None:
                        ns, ne = pos + item.start(1), pos + item.end(1)
                        ts, te = pos + item.start(2), pos + item.end(2)
                        if (ns not in taken and self._name_at(folded, ns, g) == ne
                                and any(e == te - ts for _, e, _ in g.titles.matches(folded[ts:te]))):
                            found.append(Found(ns, te, doc.text[ns:ne], doc.text[ts:te], None,
                                               "official.caption_roster", ns, ne))
                    pos += len(part) + 1
                at = folded.find(cue, at + len(cue))
        return found

    def _biographies(self, doc: Document, taken: set[int], g: OfficialGrammar) -> list[Found]:
        """某某,女,1971年1月出生,…現任某某銀行黨委書記: a biography's name, with the present post of its
        paragraph (after 現任; else the first post it names), when it names no post right beside it."""
        folded = doc.folded
        found = []
        titles = None
        for m in BIOGRAPHY.finditer(folded):
            start, end = m.span(1)
            name = folded[start:end]
            if start in taken or name[:1] not in g.surnames and name[:2] not in g.surnames \
                    or not self._plausible(name, g):
                continue
            if titles is None:
                titles = sorted(self._titles(doc, g))
                title_starts = [ts for ts, _ in titles]
            limit = min(len(folded), m.end() + BIOGRAPHY_REACH)
            stop = folded.find("\n", m.end(), limit)
            stop = limit if stop < 0 else stop
            first = bisect.bisect_left(title_starts, m.end())
            posts = titles[first:bisect.bisect_left(title_starts, stop)]
            if not posts:
                continue
            present = folded.find(PRESENT_POST, m.end(), stop)
            ts, te = next(((ts, te) for ts, te in posts if present >= 0 and present < ts <= present + PRESENT_POST_REACH),
                          posts[0])
            found.append(Found(start, end, doc.text[start:end], doc.text[ts:te], None, "official.biography",
                               start, end))
        return found

    def _among_group(self, doc: Document, ts: int, te: int, title: str, g: OfficialGrammar) -> list[Found]:
        """三名副市長出席，其中某某負責交通: the names after 其中 in the sentence of a counted group of
        the title's holders; each is a bare name of the group (the title is not in its span)."""
        folded = doc.folded
        if COUNT_BEFORE_TITLE.search(folded, max(0, ts - 5), ts) is None and GROUP_COUNT_AFTER.match(folded, te) is None:
            return []
        reach = folded[te:te + AMONG_REACH]
        sentence_end = min((i for i in (reach.find(end) for end in SENTENCE_ENDS) if i >= 0), default=len(reach))
        among = AMONG.search(folded, te, te + sentence_end)
        if among is None:
            return []
        return [dataclasses.replace(f, start=f.name_start, rule="official.among_group")
                for f in self._names_after(doc, ts, among.end(), title, g)]

    def _constituency_members(self, doc: Document, taken: set[int], g: OfficialGrammar) -> list[Found]:
        """Members of parliament named with their constituency in brackets and no other title, as the
        Singaporean press lists them (來自工人黨的某某(盛港集選區)、某某(阿裕尼集選區)和某某博士(…單選區)):
        a full name right before the bracket (a 博士 between them), that a boundary opens."""
        folded = doc.folded
        if g.constituency_pattern is None or CONSTITUENCY_CUE not in folded:
            return []  # one cheap test: most pages name no constituency
        found = []
        for match in g.constituency_pattern.finditer(folded):
            end = self._appoint_gap_start(folded, match.start(), g)
            start = self._name_before(folded, end, g)
            if start is None or start in taken or (start and is_han(folded[start - 1]) and folded[start - 1] not in g.stops
                                                   and not folded.endswith(g.org_leads, 0, start)
                                                   and folded[start - 2:start] not in g.common):
                continue  # no name, one a title already holds, or the tail of a longer word (a word, 還有|, may end before it)
            constituency = doc.text[match.start() + 1:match.end() - 1].split(",")[0].split("，")[0]
            found.append(Found(start, match.end(), doc.text[start:end], g.constituency_title, constituency,
                               "official.constituency", start, end))
        return found

    def _bracket_owner(self, folded: str, ts: int, te: int, g: OfficialGrammar) -> tuple[int, int] | None:
        """The span of a full name right before the bracket that holds the title and closes after it
        (王汎森(前中研院副院長), a list of candidates with their offices), or None."""
        if folded[te:te + 1] != BRACKET_CLOSE:
            return None
        opening = folded.rfind(BRACKET_OPEN, max(0, ts - MAX_ORG), ts)
        if opening <= 0 or any(ch in folded[opening + 1:ts] for ch in "()、,。"):  # (folded: full-width ones are ASCII)
            return None
        start = self._name_before(folded, opening, g)
        if start is None or opening - start < 3 or (start and is_han(folded[start - 1]) and folded[start - 1] not in g.stops
                                                     and not folded.endswith(g.org_leads, 0, start)):
            return None  # a full name of three characters or more that a boundary or 包括 opens (包括|王汎森, 、|吳誠文)
        return start, opening

    @staticmethod
    def _committee_at(folded: str, pos: int) -> bool:
        """A level's party committee begins at ``pos`` (縣委, 市黨委): a place must stand before it."""
        return folded[pos:pos + 1] in LEVEL_TITLE_STARTS and (
            folded[pos + 1:pos + 2] == COMMITTEE or folded[pos + 1:pos + 3] == PARTY_COMMITTEE)

    def _verb_before_committee(self, folded: str, found: Found, g: OfficialGrammar) -> bool:
        """書記任|設區|市黨委常委, 書記任|設區|市副市長: a "name" after a title that opens with the appointing
        verb 任 and runs into a party committee, or into a level (市) and a title, is the verb and a place."""
        end = found.name_end
        return folded[found.name_start:found.name_start + 1] in g.appoint_verbs and (
            self._committee_at(folded, end)
            or folded[end:end + 1] in LEVEL_TITLE_STARTS and self._title_starts_at(folded, end + 1, g))  # 任|設區|市副市長

    def _listed_before(self, doc: Document, ts: int, title: str, g: OfficialGrammar) -> list[Found]:
        """陳某某、林某某等八位議員, 陳某某、林某某及黃某某等局長: names listed before 等 (and a count
        of people) and the title they share. Every item must read as a full name, the first one
        opening its clause."""
        folded = doc.folded
        match = LIST_BEFORE_TITLE.search(folded, max(0, ts - 8), ts)
        if match is None:
            return []
        end, names = match.start(), []
        while True:
            start = self._name_before(folded, end, g)
            if start is None or end - start < 2:
                return []
            outer = folded[start - 2:start - 1]
            if end - start == 3 and folded[start - 1:start] in g.surnames and (
                    start == 1 or outer in LIST_SEPARATORS or outer in g.stops or not is_han(outer)):
                start -= 1  # 楊何蓓茵: a married woman's name, her husband's surname before her own
            names.append((start, end))
            before = folded[start - 1:start]
            # 陳某某、林某某及黃某某等: 及 (和, 與) joins the last name to the list
            if before != LIST_COMMA and not (len(names) == 1 and before in LAST_ITEM
                                       and folded[start - 2:start - 1] not in ("", LIST_COMMA)):
                break
            end = start - 1
        if before and is_han(before) and before not in g.stops:
            return []  # the first name runs on into the words before it
        return [Found(s, e, doc.text[s:e], title, None, "official.list_title", s, e) for s, e in reversed(names)]

    @staticmethod
    def _cut_short(folded: str, found: list[Found], g: OfficialGrammar) -> bool:
        """True when the one name after a title is a surname and one character that opens a
        word with the character after it (總書記|曾來|到: 來到), or a surname and a word (主席|曾表示),
        the weakest readings of a name."""
        if len(found) != 1:
            return False
        start, end = found[0].name_start, found[0].name_end
        if end - start == 2:
            return folded[end - 1:end + 1] in g.common
        return end - start == 3 and folded[start + 1:end] in g.common

    @staticmethod
    def _nicknames(folded: str, keys: set[str]) -> dict[str, str]:
        """Nickname -> full name, for a found name that the page follows at once with a nickname of two to
        four Han characters in brackets (曾某某(龍貓), as sports and entertainment news introduce one) that
        is itself found as a name before a title elsewhere."""
        nicknames = {}
        for key in keys:
            at = folded.find(key + "(")
            while at >= 0:
                nick = NICKNAME_IN_BRACKETS.match(folded, at + len(key))
                if nick is not None and nick.group(1) in keys and nick.group(1) != key:
                    nicknames[nick.group(1)] = key
                at = folded.find(key + "(", at + 1)
        return nicknames

    @staticmethod
    def _complete_cut_names(doc: Document, full: list[Found]) -> list[Found]:
        """A name cut short by a word it runs into (总统特朗|普通话: 普通 is a word) is
        the longer name that the page names elsewhere, where the text here reads on into it."""
        folded = doc.folded
        keys = {folded[f.name_start:f.name_end] for f in full}
        if len(keys) < 2:
            return full
        # 菲利普總理 after 總理愛德華·菲利普: a Western name's surname alone is the person named in full
        surnames = {NAME_DOT_SPLIT.split(key)[-1]: key for key in keys if NAME_DOT_SPLIT.search(key)}
        # 龍貓總教練 after 總教練曾某某(龍貓): a nickname in brackets right after a full name is that person
        surnames.update(OfficialExtractor._nicknames(folded, keys))
        completed = []
        for found in full:
            key = folded[found.name_start:found.name_end]
            if key in surnames:
                whole = next(f for f in full if folded[f.name_start:f.name_end] == surnames[key])
                found = dataclasses.replace(found, name=whole.name)
            longer = [k for k in keys if len(k) > len(key) and k.startswith(key)
                      and folded.startswith(k, found.name_start)]
            if longer and found.end == found.name_end:
                end = found.name_start + len(max(longer, key=len))
                found = Found(found.start, end, doc.text[found.name_start:end], found.title, found.org,
                              found.rule, found.name_start, end)
            completed.append(found)
        return completed

    # ------------------------------------------------------------------ the user's officials
    @staticmethod
    def _user_names(doc: Document) -> UserNames:
        """Where the user dictionary's officials are named on this page (the longest names win)."""
        names = UserNames({}, {}, [])
        if doc.user is None or not doc.user.of_type("official"):
            return names
        for start, end, entries in longest_non_overlapping(
                (s, e, v) for s, e, v in _user_officials(doc.user).matches(doc.folded)):
            names.starting[start] = (end, entries[0])
            names.ending[end] = (start, entries[0])
            names.spans.append((start, end, entries[0]))
        return names

    def _user_name_after(self, doc: Document, ts: int, te: int, title: str,
                         user_names: UserNames, g: OfficialGrammar) -> list[Found]:
        """A user's official named right after a title: OpenAI執行長奧特曼."""
        hit = user_names.starting.get(te)
        if hit is None:
            return []
        end, entry = hit
        org = self._org_before(doc, ts, g, title) or entry.field("org")
        return [Found(ts, end, entry.name, title, org, "official.title_name", te, end)]

    @staticmethod
    def _dictionary_mentions(full: list[Found], user_names: UserNames) -> list[Found]:
        """Bare mentions of a user's official whose entry gives a title: the
        dictionary supplies the title the text leaves out."""
        taken = IntervalSet()
        for found in full:
            taken.add(found.start, found.end)
        return [Found(start, end, entry.name, entry.field("title"), entry.field("org"),
                      "official.dictionary", start, end)
                for start, end, entry in user_names.spans
                if entry.field("title") and not taken.overlaps(start, end)]

    def _appointed(self, doc: Document, ts: int, te: int, title: str, g: OfficialGrammar) -> list[Found]:
        """由劉某擔任董事長, 魏某任總裁: a name, an appointing verb, then the title; the office may
        stand between verb and title (某某擔任財政局代局長, 任命某某為交通事務局局長); after 任命 a
        list of names may share the title (任命某甲、某乙為副市長)."""
        folded = doc.folded
        if folded.startswith(CANDIDATE, te):
            return []  # 提名某某為董事會董事|候選人: a nominee for the office, who holds no title yet
        org_start = self._office_start(folded, ts, title, g)
        # 委任某某為(公司)新行政總裁: a bare 新 (new) between the office and the title, no title prefix
        # (出任新總裁的是某某 keeps its title 總裁)
        fresh = (ts - 1, self._office_start(folded, ts - 1, title, g)) if folded[ts - 1:ts] == NEW else ()
        referred = next((ts - 1 - len(w) for w in REFERRED_ORGS if folded[ts - 1:ts] == OF and folded.endswith(w, 0, ts - 1)),
                        None)
        # 出任柔州大臣, 出任新霹州大臣: a state's short name and 州 (then 新) between the verb and the title
        state = ((ts - 2, ts - 3) if folded[ts - 3:ts - 2] == NEW else (ts - 2,)) \
            if folded[ts - 1:ts] == STATE and folded[ts - 2:ts - 1] in g.state_shorts else ()
        for verb_end in dict.fromkeys((ts, org_start, self._post_start(folded, ts, g), *self._term_starts(folded, ts, g),
                                       *fresh, referred, *state)):
            if verb_end is None:
                continue
            for verb in g.appoint_verbs:
                verb_start = verb_end - len(verb)
                if verb_start > 0 and folded[verb_start:verb_end] == verb:
                    if len(verb) == 1 and folded[verb_start - 2:verb_start] in TERM_LEADS:
                        continue  # 聯儲|下一任|主席: a term of the office, no 儲下一 appointed
                    name_end = self._appoint_gap_start(folded, verb_start, g)
                    if name_end == verb_start and folded[verb_start - 1:verb_start + 1] in g.common:
                        continue  # 王宮委任大臣: 委任 is the verb, 委 no given name (but 某某醫生|出任: 生出 spans a gap word)
                    name_end = self._served_at_start(folded, name_end, g)
                    if (clause := TIME_CLAUSE.search(folded, max(0, name_end - 28), name_end)) is not None:
                        name_end = clause.start()  # 拿督某某,於1964年5月至1970年3月,出任第4任大臣
                    if folded[name_end - 1:name_end] == PRONOUN and (head := self._dash_head(folded, name_end)):
                        name_start, head_end = head  # 某某—根據…,其擔任法務局局長的定期委任
                        return [Found(name_start, te, doc.text[name_start:head_end], title,
                                      doc.text[verb_end:ts] or None, "official.appointed", name_start, head_end)]
                    name_start = self._name_before(folded, name_end, g)
                    if (after := self._honorific_name_before(folded, name_end, g)) is not None \
                            and (name_start is None or after < name_start):
                        name_start = after  # 丹斯里某某某|受委: the honorific anchors the whole transliteration
                    if name_start is None and folded[name_end - 1:name_end] == ")":
                        # 某某某(Sopon Racharaksa)將晉升為副總裁: a transliteration that its Latin name in
                        # brackets follows, right before the verb
                        name_start, name_end = self._spelled_before_latin(folded, name_end, g)
                    if name_start is not None and self._ends_word(folded, name_start, g):
                        name_start = None  # 卸任後轉任顧問: 任 ends 卸任, no surname of 任後
                    if name_start is not None and name_end < verb_start and name_start and any(
                            e == min(name_start, TITLE_BEFORE_REACH) for _, e, _ in g.titles.matches(
                                folded[max(0, name_start - TITLE_BEFORE_REACH):name_start])):
                        name_start = None  # 副總理某某|將|兼任部長: the title before the name holds it already
                    if name_start is None and len(verb) > 1 and verb_end != ts and self._country_before(folded, ts, g):
                        # 某某某曾擔任泰國副總理: a transliterated name that opens its clause, before a verb
                        # and a country's office
                        name_start = self._clause_transliteration(folded, name_end, g)
                    if (name_start is not None and name_end - name_start == 2 and name_start
                            and is_han(folded[name_start - 1]) and folded[name_start - 1] not in g.stops
                            and not folded.endswith(SUCCEEDS, 0, name_start)
                            and (len(verb) == 1 or all(ch in g.translit_chars for ch in folded[name_start - 1:name_end]))):
                        # 加入寒武紀任CTO: two characters that run on from a word, no name 武紀; 接替布林肯出任:
                        # nor from a transliteration (林肯 of 布林肯)
                        name_start = None
                    if name_start is None and len(verb) > 1 and verb_end in state:
                        # 沙某某出任新柔州大臣: a transliterated name that opens its clause, before the verb and a
                        # Malaysian state's office (its Chinese reading of two, 魯丁, ran on from the name)
                        name_start = self._clause_transliteration(folded, name_end, g)
                    if name_start is not None and verb_end in state and self._country_ends_at(folded, name_end, g):
                        name_start = None  # (馬來西亞出任…: a country, no person)
                    if name_start is not None:
                        org = doc.text[verb_end:ts + (folded[ts] in g.org_closing and folded[ts - 1] != folded[ts])] \
                            if verb_end != ts else self._org_before(doc, name_start, g)
                        if (terms := self._term_starts(folded, ts, g)) and verb_end in terms:
                            org = doc.text[verb_end:terms[0]]  # 受委霹州|第13任|大臣: the ordinal is no office
                        if fresh and org and verb_end in fresh:
                            org = org[:-1] or None  # 公司|新|總裁: 新 is no part of the office
                        if verb_end == referred:
                            org = None  # 該公司|的|董事長: "the company" refers back and names no office
                        if state and org and verb_end in state and folded[verb_end:verb_end + 1] == NEW:
                            org = org[1:] or None  # 新|柔州|大臣: 新 is no part of the state's name
                        found = [Found(name_start, te, doc.text[name_start:name_end], title, org or None,
                                       "official.appointed", name_start, name_end)]
                        succeeds = next((w for w in SUCCEEDS if folded.endswith(w, 0, name_start)), None)
                        subject = self._name_before(folded, name_start - len(succeeds), g) if succeeds else None
                        if subject is not None:
                            # 某乙接替某甲擔任董事長: the subject takes the office the predecessor held (its span is its
                            # name alone, so that both stay)
                            found.append(Found(subject, name_start - len(succeeds), doc.text[subject:name_start - len(succeeds)], title,
                                               org or None, "official.appointed", subject, name_start - len(succeeds)))
                        return found
            # 任命某某為局長: 為 appoints only after 任命, 委任
            if folded[verb_end - 1:verb_end] == APPOINT_AS:
                org = doc.text[verb_end:ts - (verb_end in fresh)] if verb_end != ts else None
                names = self._appointed_as(folded, verb_end - 1, g)
                return [Found(start, te if end == verb_end - 1 or folded[end:verb_end - 1] in (COMRADE, *MISTER_MADAM) else end,
                              doc.text[start:end], title, org or None, "official.appointed", start, end)
                        for start, end in names]
        return []

    def _spelled_before_latin(self, folded: str, end: int, g: OfficialGrammar) -> tuple[int | None, int]:
        """(start, end) of a transliterated name that a person's Latin name in brackets follows, the
        bracket closing at ``end`` (拉查拉克薩(Sopon Racharaksa)); (None, end) where there is none."""
        opening = folded.rfind("(", max(0, end - 44), end)
        if opening < 2 or PERSON_IN_BRACKETS.fullmatch(folded, opening, end) is None:
            return None, end
        start = opening
        while start and opening - start < TRANSLIT_BEFORE_LATIN and is_han(folded[start - 1]) \
                and folded[start - 1] not in g.stops:
            start -= 1
        if start and is_han(folded[start - 1]) and folded[start - 1] not in g.stops:
            return None, end  # it runs on past the longest transliteration
        name = folded[start:opening]
        if len(name) >= 3 and all(ch in g.translit_chars for ch in name) and name not in g.common:
            return start, opening
        return None, end

    def _appointed_as(self, folded: str, end: int, g: OfficialGrammar) -> list[tuple[int, int]]:
        """The names before 為 (at ``end``) that an appointing verb governs: 任命某某為, a list
        任命某甲、某乙為, and in a notice's next clause the same verb's next object (任命某甲為
        副市長,某乙為秘書長). Each item must read as a full name."""
        names = []
        next_item = False  # 選舉某甲為院長、某乙為檢察長: 、 closes the last item, a name and its title
        if folded.endswith(COMRADE, 0, end):
            end -= len(COMRADE)  # 任命某某同志為代理市長: 同志 after the name
        elif folded.endswith(MISTER_MADAM, 0, end):
            end -= 2  # 聘任某某先生為總經理: a company notice's 先生 or 女士 after the name
        while True:
            start = self._name_before(folded, end, g)
            if start is None and not names:
                return self._transliteration_appointed(folded, end, g)
            if start is None:
                if names and folded[names[-1][0] - 1:names[-1][0]] == LIST_COMMA:
                    start, next_item = names[-1][0], True
                    names = names[-1:]
                    break
                return []
            names.append((start, end))
            if folded[start - 1:start] != LIST_COMMA:
                break
            end = start - 1
        if not next_item and folded.endswith(g.appoint_as_verbs, 0, start):
            return names[::-1]
        sentence = max(folded.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
        if next_item and not self._title_ends_at(folded, start - 1, g):
            return []
        if folded[start - 1:start] in CLAUSE_BREAKS or start == sentence or next_item:
            if any(folded.find(verb, sentence, start) >= 0 for verb in g.appoint_as_verbs):
                return names[::-1]
            # 國務院任命了新一屆主要官員。某甲為司長,某乙為局長: the verb's sentence ends before the
            # list, which opens the next sentence with a name and 為
            first_as = folded.find(APPOINT_AS, sentence)
            if first_as > sentence and self._name_before(folded, first_as, g) == sentence \
                    and sentence > 1 and folded[sentence - 1] != "\n":
                previous = max(folded.rfind(mark, 0, sentence - 1) for mark in SENTENCE_ENDS) + 1
                if any(folded.find(verb, previous, sentence) >= 0 for verb in g.appoint_as_verbs):
                    return names[::-1]
        return []

    def _clause_transliteration(self, folded: str, end: int, g: OfficialGrammar) -> int | None:
        """The start of a transliterated name that runs from a clause's start to ``end``: two to five
        characters spelled with transliteration characters (all of two, all but one of more), no
        everyday word inside."""
        start = end
        while start > 0 and end - start < 6 and is_han(folded[start - 1]) and folded[start - 1] not in g.stops:
            start -= 1
        if start > 0 and is_han(folded[start - 1]) and folded[start - 1] not in g.stops:
            return None  # the clause runs on before it: no name's start
        name = folded[start:end]
        if not 2 <= len(name) <= 5 or not spelled_as_transliteration(name, g):
            return None
        return start if anchored_ok(name, g) else None

    def _transliteration_appointed(self, folded: str, end: int, g: OfficialGrammar) -> list[tuple[int, int]]:
        """任命某某某為財政部長 with a transliterated name: no surname anchors it, but the appointing
        verb right before it and 為 right after do. The name is two to five characters spelled with
        transliteration characters (all of two, all but one of more) and holds no everyday word."""
        for start in range(max(0, end - 5), end - 1):
            name = folded[start:end]
            if not folded.endswith(g.appoint_as_verbs, 0, start):
                continue
            if spelled_as_transliteration(name, g) and all(is_han(ch) for ch in name) and anchored_ok(name, g):
                return [(start, end)]
        return []

    def _dismissed(self, doc: Document, ts: int, te: int, title: str, g: OfficialGrammar) -> list[Found]:
        """免去某某省政府秘書長職務: a dismissing verb, the name, the office and the title, then 職務
        (mainland appointment notices). Where the name's third character could open the office
        (免去李群省政府…), the office's level character (省, 市) begins the office."""
        folded = doc.folded
        if not folded.startswith(POST, te) and POST_AFTER_TITLE.match(folded, te) is None:
            return []
        low = max(0, ts - MAX_ORG - 3)
        for verb in g.dismiss_verbs:
            at = folded.rfind(verb, low, ts)
            if at < 0:
                continue
            start = at + len(verb)
            end = self._name_at(folded, start, g)
            if end is None or end - start < 2:
                continue
            if end - start == 3 and folded[end - 1] in LEVEL_TITLE_STARTS:
                end -= 1
            org_start = end + len(next((gap for gap in g.appoint_gaps if folded.startswith(gap, end)), ""))
            if folded[org_start:org_start + 1] == OF and org_start < ts:
                org_start += 1  # 免去某某的某市人民政府副市長職務
            if not all(is_han(ch) and ch not in g.stops for ch in folded[org_start:ts]):
                continue
            return [Found(start, te, doc.text[start:end], title, doc.text[org_start:ts] or None,
                          "official.appointed", start, end)]
        return []

    def _held_by(self, doc: Document, ts: int, te: int, title: str, g: OfficialGrammar) -> Found | None:
        """召集人由葉某某擔任, 主席由某某出任: the title, 由, a full name, then an appointing verb
        of two characters or more (a bare 任 after a name opens words: 任內, 任期)."""
        folded = doc.folded
        by = te + len(THE_POST) if folded.startswith(THE_POST, te) else te
        if folded[by:by + 1] in HELD_BY_ADVERBS and folded[by + 1:by + 2] == HELD_BY:
            by += 1
        if folded[by:by + 1] != HELD_BY:
            return None
        end = self._name_at(folded, by + 1, g)
        if end is None or end - by - 1 < 2 or not any(
                folded.startswith(verb, end) for verb in g.appoint_verbs if len(verb) > 1):
            return None
        return Found(ts, end, doc.text[by + 1:end], title, self._org_before(doc, ts, g, title),
                     "official.held_by", by + 1, end)

    def _bracketed_title(self, folded: str, ts: int, te: int, g: OfficialGrammar) -> tuple[int, int, int] | None:
        """A roster's name with its post in brackets after it, alone on its line or first in a
        clause (某某(主席), 某某博士(中學校長)): the name's start and end and the bracket's
        position; an honorific of ``appoint_gap`` (博士, 醫生) may stand before the bracket."""
        if folded[te:te + 1] != BRACKET_CLOSE:
            return None
        opening = folded.rfind(BRACKET_OPEN, max(0, ts - MAX_ORG), ts + 1)
        if opening <= 0 or not all(self._given_ok(ch, g) for ch in folded[opening + 1:ts]):
            return None
        end = self._appoint_gap_start(folded, opening, g)
        start = self._name_before(folded, end, g)
        if start is None or end - start < 2 or start and folded[start - 1] not in ROSTER_BEFORE:
            return None
        return start, end, opening

    def _colon_head(self, doc: Document, ts: int, te: int, title: str, g: OfficialGrammar) -> Found | None:
        """某某:福州市委副書記 — the name that opens the title's line before a colon, the office (a body or
        a place, all that stands between) before the title, as a government's list of its leaders writes each."""
        folded = doc.folded
        colon = folded.rfind(":", max(0, ts - MAX_ORG - 1), ts)
        if colon < 2 or any(ch in ORG_STOP for ch in folded[colon + 1:ts]):
            return None
        line_start = folded.rfind("\n", 0, colon) + 1
        m = COLON_HEAD.match(folded, line_start, colon + 1)
        if m is None or m.end() != colon + 1 or self._name_at(folded, m.start(1), g) != m.end(1):
            return None
        org = self._org_before(doc, ts, g, title)
        if org is None or not doc.text.startswith(org, colon + 1):
            return None
        office = folded[colon + 1:ts]
        if not (office.endswith(g.org_suffixes) or len(office) >= 2 and _known_name_suffix(office) == len(office)):
            return None  # 某某:我們請市長…: a speaker's words, no body nor place, between the colon and the title
        return Found(m.start(1), te, doc.text[m.start(1):m.end(1)], title, org,
                     "official.name_title", m.start(1), m.end(1))

    def _dash_head(self, folded: str, pos: int) -> tuple[int, int] | None:
        """The name that opens the line of ``pos`` before a dash, as the extracts of Macau's
        gazette begin an entry (某某—根據…規定,其擔任…): its start and end, or None."""
        line_start = folded.rfind("\n", 0, pos) + 1
        m = DASH_HEAD.match(folded, line_start, pos)
        if m is None or self._name_at(folded, m.start(1), official_grammar()) != m.end(1):
            return None
        return m.start(1), m.end(1)

    @staticmethod
    def _post_start(folded: str, ts: int, g: OfficialGrammar) -> int | None:
        """Where the post begins after an appointing verb that ends in 為 (獲委任為, 獲選為): its
        object is a post, so the words up to the title are its unit, whatever they are
        (獲委任為策略發展總監, 獲委任為某某醫院及某某醫院行政總監); None when no such verb
        stands within reach, or a punctuation mark or a non-Han character comes between."""
        low = max(0, ts - MAX_ORG)
        at = ts
        while at > low and is_han(folded[at - 1]):
            at -= 1
            if folded[at - 1:at] == APPOINT_AS and folded.endswith(g.appoint_verbs, 0, at) and at < ts:
                return at
        return None

    def _honorific_name_before(self, folded: str, end: int, g: OfficialGrammar) -> int | None:
        """The start of a transliterated name that an honorific opens, ending at ``end`` before an
        appointing verb (拿督斯里某某某|出任): two to seven characters spelled as a transliteration;
        None where no honorific stands within reach."""
        for at in range(max(0, end - 12), end - 2):
            if folded[at:at + 1] not in g.honorific_first_chars or not (size := self._honorifics_at(folded, at, g)):
                continue
            start = at + size
            name = folded[start:end]
            if any(e == min(at, TITLE_BEFORE_REACH) for _, e, _ in g.titles.matches(
                    folded[max(0, at - TITLE_BEFORE_REACH):at])):
                return None  # 律政司拿督某某受委為…: the title before the honorific holds the name already
            if 2 <= len(name) <= 7 and all(is_han(ch) and (ch not in g.stops or name[i - 1:i + 1] in g.translit_pairs)
                                           for i, ch in enumerate(name)) \
                    and spelled_as_transliteration(name, g) and anchored_ok(name, g, True):
                return start
        return None

    @staticmethod
    def _term_starts(folded: str, ts: int, g: OfficialGrammar) -> tuple[int, ...]:
        """Where an appointing verb may end before a term's ordinal and the title (出任|第4任大臣,
        受委|霹州第13任大臣): the ordinal's start, and that of a state's short name before it; none
        without an ordinal."""
        if folded[ts - 1:ts] not in TERM_ENDS or (m := TERM_ORDINAL.search(folded, max(0, ts - 6), ts)) is None:
            return ()
        at = m.start()
        if folded[at - 1:at] == STATE and folded[at - 2:at - 1] in g.state_shorts:
            return at, at - 2
        return (at,)

    @staticmethod
    def _served_at_start(folded: str, end: int, g: OfficialGrammar) -> int:
        """某某在交通部擔任司長: 在 and the office where the name served may stand between the name and
        its appointing verb; where the name ends then (at 在), else ``end``."""
        at = end
        while at > max(0, end - MAX_ORG) and is_han(folded[at - 1]) and folded[at - 1] not in g.stops:
            at -= 1
        if end - at >= 2 and folded[at - 1:at] == SERVED_AT and folded[at:end].endswith(g.org_suffixes):
            return at - 1
        return end

    @staticmethod
    def _appoint_gap_start(folded: str, verb_start: int, g: OfficialGrammar) -> int:
        """Where the name ends before an appointing verb: 某某同志任, 某某不再擔任, 某某同志不再兼任
        (mainland appointment notices put 同志 and 不再 between the name and the verb); a reason may stand
        before another gap word (某某因工作調整,不再擔任): two gap words at most."""
        for _ in range(2):
            gap = next((gap for gap in g.appoint_gaps if folded.endswith(gap, 0, verb_start)), None)
            if gap is None:
                break
            verb_start -= len(gap)
        return verb_start

    @staticmethod
    def _office_start(folded: str, ts: int, title: str, g: OfficialGrammar) -> int | None:
        """Start of an office named right before a title (交通事務|局長, 財政局|代局長), read back to
        the nearest appointing word; None when the characters before the title name no office."""
        low = max(0, ts - MAX_ORG)
        chunk_start = ts
        while chunk_start > low and is_han(folded[chunk_start - 1]) and folded[chunk_start - 1] not in g.stops:
            chunk_start -= 1
        closes = folded[ts:ts + 1] in g.org_closing or folded[ts - 1:ts] in g.org_closing \
            or folded[chunk_start:ts].endswith(g.org_suffixes) or _known_name_suffix(folded[chunk_start:ts]) >= 2 \
            or folded[ts:ts + 1] in LEVEL_TITLE_STARTS and folded[ts + 1:ts + 2] == COMMITTEE \
            or folded[ts - 1:ts] in LEVEL_TITLE_STARTS and folded[ts - 1] == folded[ts]
        # (某某同志任中共臨淄|區委書記: a level's party committee closes the place before it, a district's too;
        # 某某任海淀區|區長, 某某鎮|鎮長: so does the level that the title repeats)
        if not closes or ts - chunk_start < 2:
            return None
        for at in range(ts - 2, chunk_start - 1, -1):  # the shortest office that an appointing word precedes
            if folded.endswith(g.appoint_verbs, 0, at) or folded[at - 1:at] == APPOINT_AS:
                return at
        at = chunk_start
        while at > low and folded[at - 1] in OFFICE_JOINERS:  # 某某擔任交通及運輸|委員會主席
            at -= 1
            while at > low and is_han(folded[at - 1]) and folded[at - 1] not in g.stops:
                at -= 1
                if folded.endswith(g.appoint_verbs, 0, at):
                    return at
        return None

    @staticmethod
    def _country_at(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """A country's name starts at ``pos`` (馬來西亞駐…)."""
        return any(folded[pos:pos + n] in g.countries for n in range(2, 6))

    @staticmethod
    def _state_before_title(folded: str, start: int, ts: int, g: OfficialGrammar) -> bool:
        """A Malaysian state, no name, before the title: 第13任霹|州務大臣 (霹州: Perak),
        彭亨新|州務大臣 (the new Pahang Menteri Besar)."""
        name = folded[start:ts]
        if folded[ts:ts + 1] == STATE and name[-1:] in g.state_shorts:
            return True
        return any(name.startswith(state) for state in g.states if len(state) < len(name))

    @staticmethod
    def _honorific_before(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """An honorific ends right before ``pos`` (拿督|某某)."""
        return folded.endswith(g.han_honorifics, 0, pos)

    @classmethod
    def _honorifics_at(cls, folded: str, pos: int, g: OfficialGrammar) -> int:
        """Length of the honorifics in a row at ``pos`` (拿督巴丁宜丹斯里: Datuk Patinggi Tan Sri); 0 if none."""
        end = pos
        while length := cls._honorific_at(folded, end, g):
            end += length
        return end - pos

    @staticmethod
    def _honorific_at(folded: str, pos: int, g: OfficialGrammar) -> int:
        """Length of an honorific at ``pos`` (丹斯里, 拿督斯里, Datuk Seri), with its space; 0 if none."""
        if folded[pos:pos + 1] not in g.honorific_first_chars:
            return 0  # most titles are followed by none
        for honorific in g.honorifics:
            if folded.startswith(honorific, pos):
                after = folded[pos + len(honorific):pos + len(honorific) + 1]
                if honorific.isascii():
                    if after != " ":
                        continue
                    return len(honorific) + 1
                if OfficialExtractor._name_run(folded, pos + len(honorific), g) == 1 and any(
                        len(h) < len(honorific) and not h.isascii() and folded.startswith(h, pos) for h in g.honorifics):
                    continue  # 拿督|阿瑪星透露: the longer honorific (拿督阿瑪, Datuk Amar) would leave one character
                    # of the name; the shorter one (拿督) leaves the whole name (Amar Singh). (A Latin name after it: none left)
                return len(honorific) + (after == " ")
        return 0

    @staticmethod
    def _name_run(folded: str, pos: int, g: OfficialGrammar) -> int:
        """How many Han characters follow ``pos`` before a verb of speech (某某|透露, 某某|說) or a conjunction."""
        end = pos
        while end < len(folded) and is_han(folded[end]) and folded[end] not in NAME_RUN_ENDS \
                and folded[end:end + 2] not in g.name_verbs:
            end += 1
        return end - pos

    @staticmethod
    def _caption_line(folded: str, ts: int) -> bool:
        """Whether only Han characters (the caption's office) stand between the line's start and the title."""
        line_start = folded.rfind("\n", 0, ts) + 1
        return ts - line_start <= CAPTION_OFFICE_REACH and all(is_han(ch) for ch in folded[line_start:ts])

    def _names_after(self, doc: Document, ts: int, te: int, title: str, g: OfficialGrammar) -> list[Found]:
        folded = doc.folded
        gap = ROSTER_GAP.match(folded, te)
        if gap and gap.end() > te and (roster := self._roster_names(doc, ts, gap.end(), title, g)):
            return roster
        opener = next((len(w) for w in LIST_OPENERS if folded.startswith(w, te)), 0)
        # 3位副主席分別是某黨的某甲、某黨的某乙: after 分別是 each name may follow its party or portfolio and 的
        affiliated = opener > 0 and folded[te + opener - 1:te + opener] in OPENER_VERBS
        opener += self._affiliation(folded, te + opener) if affiliated else 0
        counted = COUNTED_LIST_OPENER.match(folded, te) if not opener else None
        opener = counted.end() - te if counted is not None else opener
        has = HAS_LIST.match(folded, te) if not opener and LIST_HAS in folded[te:te + 3] else None
        if has is not None:
            listed = self._name_at(folded, has.end(), g)
            if listed is None or folded[listed:listed + 1] != LIST_COMMA:
                return []
            opener = has.end() - te
        if not opener and folded.startswith(NAMELY, te):
            # 3名行政議員，即某甲、某乙及他本人: ，即 (namely) opens a list of the title's holders (a list only:
            # 市長，即將卸任 is no name)
            listed = self._name_at(folded, te + len(NAMELY), g)
            if listed is not None and folded[listed:listed + 1] == LIST_COMMA:
                opener = len(NAMELY)
        portfolio = None if opener else PORTFOLIO.match(folded, te)
        if portfolio is not None:
            opener = portfolio.end() - te
        elif not opener and (bare := PORTFOLIO_BARE.match(folded, te)) is not None \
                and not self._title_starts_at(folded, te, g):
            # (not a second title whose own words hold the division's: 部長|特別事務官某某)
            named = self._name_at(folded, bare.end(), g)
            if named is not None and named - bare.end() in (3, 4) and (
                    folded[named:named + 2] in g.name_verbs or folded[named:named + 1] in PORTFOLIO_NAME_ENDS
                    or folded[named:named + 1] in g.stops):  # (某某指, Hong Kong's "says"; 某某及)
                opener = bare.end() - te
        if not opener and folded.startswith(TITLE_DASHES, te):
            dash = next(len(d) for d in TITLE_DASHES if folded.startswith(d, te))
            if self._honorifics_at(folded, te + dash, g):
                opener = dash  # 副首相——拿督斯里某某: a dash, then an honorific and the name
        if not opener and folded.startswith("(", te) and (abbr := TITLE_ABBREVIATION.match(folded, te)):
            opener = abbr.end() - te  # 首席信息安全官(CISO)某某: the title's English abbreviation, then the name
        honorific = self._honorifics_at(folded, te + opener, g)  # 首席部長拿督斯里某某: not part of the name
        ns = te + opener + honorific
        if folded.startswith(CANDIDATE, ns):
            return []  # 總理候選人某某: a candidate for the post holds no title (as 董事|候選人 in _appointed)
        if not honorific and folded[ns:ns + 1] == " " and is_han(folded[ns + 1:ns + 2]):
            # 分行經理 蕭某某指出: Hong Kong and Macau pages put one space between a title and a full
            # three-character name before a verb of speech (a Taiwanese headline's space ends a clause:
            # 提名某某選縣長 楊某某表態)
            spaced = self._name_at(folded, ns + 1, g)
            # (a press release spaces the name on both sides: 總監 某某 表示)
            verb_at = spaced + (folded[spaced:spaced + 1] == " ") if spaced is not None else 0
            if spaced is not None and ((spaced - ns == 4 and folded[verb_at:verb_at + 2] in g.name_verbs
                                        and page_region(doc).name in SPACED_NAME_REGIONS)
                                       or (spaced - ns in (3, 4) and folded[spaced:spaced + 1] in SPEAKER_COLONS)
                                       or (spaced - ns in (3, 4) and folded[spaced:spaced + 1] == " "
                                           and is_han(folded[spaced + 1:spaced + 2])
                                           and page_region(doc).name == "CN" and self._caption_line(folded, ts))):
                # a mainland TV report quotes its speaker as a caption, title, space, name and a colon
                # (中心副主任 某某:), on every page; or, on a mainland page, with no colon, the name spaced
                # on both sides before what they said, the caption opening its line (局副局長 某某 我們將…)
                ns += 1
        if not honorific and folded.startswith(OF + IS, ns):
            # 接任董事長的是某某某,: 的是 (the one who holds it is), then a full three-character name that
            # punctuation or a boundary ends (部長的是非: none)
            of_is_end = self._name_at(folded, ns + 2, g)
            if of_is_end is None or of_is_end - ns != 5 or not (
                    folded[of_is_end:of_is_end + 1] in AS_END or self._boundary_after(folded, of_is_end, g)):
                return []
            ns += 2
        elif not honorific and folded.startswith(OF_HAS, ns) and self._appointed_in_clause(folded, ts, g):
            # 當選為市委常委的還有某甲、某乙: a full name after 的(還)有 that a list's comma or punctuation ends
            # (擔任顧問的有關人員: no name)
            gap = next(len(w) for w in OF_HAS if folded.startswith(w, ns))
            has_end = self._name_at(folded, ns + gap, g)
            if has_end is None or has_end - ns - gap not in (2, 3, 4) or folded[has_end:has_end + 1] not in AS_END:
                return []
            ns += gap
        elif not honorific and folded[ns:ns + 1] == OF and (of_honorific := self._honorifics_at(folded, ns + 1, g)):
            # 董事經理的拿督某某, 前總裁的丹斯里某某: an honorific after 的 marks whose title it is; a full
            # three-character name or, on a Malaysian or Singaporean page, a transliteration that a boundary ends
            named = ns + 1 + of_honorific
            of_end = self._name_at(folded, named, g)
            if of_end is None or of_end - named != 3 or not self._boundary_after(folded, of_end, g):
                of_end = self._spelled_name_at(doc, ts, named, g)
                if of_end is None or not self._boundary_after(folded, of_end, g):
                    return []
            ns = named
        elif not honorific and folded[ns:ns + 1] == OF:
            # 升任人力資源部長的沈某某, 原任青年及體育部長的楊某某: a full three-character name after
            # 的 that a boundary ends (部長的黃金時期: 黃金 is no full name)
            of_end = self._name_at(folded, ns + 1, g)
            if of_end is None or of_end - ns != 4 or not self._boundary_after(folded, of_end, g):
                # 現任首相的安華: on a Malaysian or Singaporean page, a transliteration that a boundary
                # ends, as after 為 below (首相的指示: none; 部長的某某區|州議員: a seat before the next title)
                of_end = self._spelled_name_at(doc, ts, ns + 1, g)
                if of_end is None or not self._boundary_after(folded, of_end, g) or self._title_starts_at(folded, of_end, g):
                    return []
            ns += 1
        elif not honorific and folded[ns:ns + 1] == IS and folded[ns + 1:ns + 2] not in g.stops:
            # 原有市議員是某甲(行動黨)、某乙: a full three-character name after 是 that a list's comma or a
            # party in brackets ends (部長是否, 市長是我們的: none)
            is_end = self._name_at(folded, ns + 1, g)
            if is_end is None or is_end - ns != 4:
                is_end = self._spelled_name_at(doc, ts, ns + 1, g)
            if is_end is None or folded[is_end:is_end + 1] not in IS_END:
                return []
            ns += 1
        elif not honorific and folded[ns:ns + 1] == TITLE_COMMA and page_region(doc).name in TRANSLIT_REGIONS:
            # 代表總檢察署出庭的副總檢察長，莫哈末法伊扎爾(Mohamed Faizal): on a Malaysian or Singaporean page, a
            # comma between a title and a transliteration that its Latin spelling in brackets ends
            comma_end = self._spelled_name_at(doc, ts, ns + 1, g)
            if comma_end is None or LATIN_IN_BRACKETS.match(folded, comma_end) is None:
                return []
            ns += 1
        elif not honorific and folded[ns:ns + 1] == TITLE_COMMA and self._as_title_before(folded, ts):
            # 作為某某公司管理合夥人,某某某表示: the clause opens with 作為 (as), so the name after the
            # comma holds the title; a full three-character name that a boundary ends (作為市長,我認為: none)
            comma_end = self._name_at(folded, ns + 1, g)
            if comma_end is None or comma_end - ns != 4 or not self._boundary_after(folded, comma_end, g):
                return []
            ns += 1
        elif not honorific and folded[ns:ns + 1] == APPOINT_AS:
            # 此案推事為某某某。檢控官為諾拉菲婭,: a full three-character name, or on a Malaysian or
            # Singaporean page a transliteration, after 為 that punctuation ends (主席為人, 部長為此,
            # 市長為某某站台: none)
            as_end = self._name_at(folded, ns + 1, g)
            if as_end is None or as_end - ns != 4:
                as_end = self._spelled_name_at(doc, ts, ns + 1, g)
                if as_end is None:
                    return []
            if folded[as_end:as_end + 1] not in AS_END:
                return []
            ns += 1
        if "A" <= folded[ns:ns + 1] <= "Z" and folded[ns + 1:ns + 2] == "." and is_han(folded[ns + 2:ns + 3]) \
                and page_region(doc).name in TRANSLIT_REGIONS:
            # 總監拿督M.古瑪: an Indian name's initial (M. Kumar), then the transliteration (Malaysian and
            # Singaporean press)
            initial_end = self._foreign_name_at(folded, ts, ns + 2, g, True, True)
            if initial_end is not None:
                return [Found(ts, initial_end, doc.text[ns:initial_end], title, self._org_before(doc, ts, g, title),
                              "official.title_name", ns, initial_end)]
        latin = None if is_han(folded[ns:ns + 1]) else LATIN_NAME.match(folded, ns)
        if latin:
            s, e = latin.span(1)
            return [Found(ts, e, doc.text[s:e], title, self._org_before(doc, ts, g, title), "official.title_name", s, e)]
        # 總統謝赫某某·本·某某: after an honorific too, a name dot marks the full transliteration
        dotted = DOTTED_NAME_HEAD.match(folded, ns)
        if dotted:
            # 聯準會理事克里斯多福·沃勒: a name dot marks a transliterated full name after any title; its
            # last part runs to a verb or a common word, as a transliteration does
            e = self._dotted_name_end(folded, ts, dotted.end() - 1, g)  # (基爾·施凱爾|抵京: as far as its characters go)
            if e > dotted.end():
                return [Found(ts, e, doc.text[ns:e], title, self._org_before(doc, ts, g, title), "official.title_name", ns, e)]
        hyphened = None if honorific else HYPHENED_NAME.match(folded, ns)
        if hyphened and PERSON_IN_BRACKETS.match(folded, hyphened.end(1)):
            e = hyphened.end(1)
            return [Found(ts, e, doc.text[ns:e], title, self._org_before(doc, ts, g, title), "official.title_name", ns, e)]
        # 於 is the preposition (市長於會中表示); the surname is written 于 in Traditional text too
        # and in Simplified text 于 before a time word is the preposition too (董事于上周五)
        end = None if doc.text[ns:ns + 1] == PREPOSITION_YU or (
            folded[ns:ns + 1] == SURNAME_YU and folded[ns + 1:ns + 3] in g.time_words) else self._name_at(folded, ns, g)
        if end is not None and ns == te and self._title_starts_at(folded, ns, g):
            end = None  # 總統|顧問將出席: a surname that opens a second title (顧問) makes one post, no name
        if end is not None and folded[ns:ns + 1] == SURNAME_YU:
            event = YU_EVENT.match(folded, ns + 1)
            if event is not None and event.end() > end >= event.start("event") or YU_OCCASION.match(folded, ns + 1):
                return []  # (于海峰|在大會上: a name)
        if end is not None and ns == te and (folded[te - 2:te + 1] in g.common or folded[te - 1:te + 1] in g.not_names):
            # 總統|府, 首相|府: the title and the next character make a word (the head's office), no surname;
            # 部長官|邸: a not_name word across the title's end (官邸) is no name either
            return []
        if end is None and doc.text[ns:ns + 1] == SURNAME_SHE and doc.script == "traditional":
            end = self._name_at(folded[:ns] + SURNAME_STAND_IN + folded[ns + 1:], ns, g)  # 局長余萬菁表示
            if end is not None and end - ns != 3:
                end = None  # (a full name only: 局長余下的任期, where a writer slipped 余 for 餘)
        padded = end is None and not honorific and folded[ns + 3:ns + 4] == LIST_COMMA
        if padded:
            end = self._padded_name_in_list(folded, ns, g)  # 區領導李 傑、某某: a padded name opens the roster
            padded = end is not None
        anchored = bool(honorific) or folded[ts:te].endswith(g.translit_titles)
        tibetan = None if honorific else self._tibetan_name_at(folded, ns, g)
        if tibetan is not None:
            end = tibetan  # 自治區主席嘎瑪澤登: Tibetan name parts, no surname to anchor them (白瑪赤林: no 白瑪赤)
        elif end is None:
            # 外交部長維文, 通訊部長法米: on a Malaysian or Singaporean page any title may
            # precede a Malay or Indian name in transliteration
            end = self._foreign_name_at(folded, ts, ns, g, anchored)
            if end is None:
                # the name first, the page's region (a scan of the page) only for one (after 首席部長 too:
                # 首席部長阿德里, spelled as a transliteration, holds the city 德里)
                end = self._foreign_name_at(folded, ts, ns, g, True, True)
                if end is not None and page_region(doc).name not in TRANSLIT_REGIONS:
                    end = None
            if end is None:
                # 主席努尼斯(Devin Nunes): a transliteration with no surname, spelled out right after it in Latin
                bracket = folded.find("(", ns, ns + TRANSLIT_BEFORE_LATIN + 2)
                # (總裁某某 (Jane Doe): one space may stand before the bracket; 前總統|兼盟友某某 (Jair …): a stop
                # such as 兼 opens another post, no name)
                han_end = bracket - 1 if bracket > 0 and folded[bracket - 1] == " " else bracket
                if (han_end - ns >= 2 and all(map(is_han, folded[ns:han_end])) and folded[ns] not in g.stops
                        and not (ns == te and folded[te - 2:te + 1] in g.common)  # 總統|府政策室長某某 (Kim …): the office
                        and not g.titles.matches(folded[ns:han_end])  # 秘書|室長某某 (Kim …): the title nearer holds it
                        and (PERSON_IN_BRACKETS.match(folded, bracket) or self._glued_person_at(folded, bracket))
                        and (self._plausible(folded[ns:han_end], g) or (
                            # 總統小馬可斯(Ferdinand Marcos, Jr.): 小 (Jr.) before a transliteration opens a word (小馬)
                            folded[ns] in JUNIOR_MARKS and han_end - ns >= 3
                            and all(ch in g.translit_chars for ch in folded[ns + 1:han_end])))):
                    end = han_end
        elif not self._boundary_after(folded, end, g) or (
                folded[end - 1:end + 1] in g.translit_pairs
                or end - ns == 3 and all(ch in g.translit_chars for ch in folded[ns:end + 2])) \
                and page_region(doc).name in TRANSLIT_REGIONS:
            # (古阿|都拉曼: Ku Abdul Rahman, the pair 阿都 is never split: 都 is no adverb after it; 莫哈末|沙布:
            # five transliteration characters in a row are one Malay name, which a Chinese reading of three cuts)
            # The Chinese reading runs into the next word: a Japanese name (武藤|容治) or a
            # transliteration (拿督翁哈菲茲, 部長盧特尼克) may end at a boundary instead; on a
            # Malaysian page a word spelled with transliteration characters after three of them is
            # no boundary (州議員莫哈末|阿里夫: Arif, whose 阿里 is a word of jieba's).
            longer = self._japanese_name_at(folded, ns, g)
            bracket = folded.find("(", end, ns + TRANSLIT_BEFORE_LATIN + 1)
            if longer is None and bracket > end and all(map(is_han, folded[end:bracket])) and LATIN_IN_BRACKETS.match(folded, bracket):
                longer = bracket  # 高維特森(Grant Govertsen): the Han run up to its Latin spelling is the name
            if longer is None or longer <= end or not self._boundary_after(folded, longer, g):
                longer = self._foreign_name_at(folded, ts, ns, g, anchored)
                if not honorific and longer is not None and not self._boundary_after(folded, longer, g):
                    longer = None
                if longer is None and not anchored and page_region(doc).name in TRANSLIT_REGIONS:
                    # 部長莫哈末沙布受封: a Malay name that opens like a Chinese one (莫 is a surname)
                    # runs on to a boundary, spelled with transliteration characters only
                    longer = self._foreign_name_at(folded, ts, ns, g, True, True)
                    if longer is not None and (not self._boundary_after(folded, longer, g) or any(
                            ch not in g.translit_chars for ch in folded[ns:longer])):
                        longer = None  # every character a transliteration's: 賴清德|聘任 is no longer name
                if (longer is None and end - ns == 3 and self._boundary_after(folded, end + 1, g)
                        and all(ch in g.translit_chars for ch in folded[ns:end + 1])
                        and folded[end:end + 2] not in g.common and folded[end] not in PLACE_LEVELS
                        and folded[end] != ORDINAL_PREFIX):
                    longer = end + 1  # 部長盧特尼克也: four transliteration characters that a boundary ends, no 盧特尼
            if longer is not None and longer > end:
                end = longer
        if end is None:
            # 法蘭西共和國總理愛德華·菲利普: a middle dot after it marks a transliteration, whatever the title
            first = self._foreign_name_at(folded, ts, ns, g, True)
            if first is not None and _name_dot(folded, first):
                end = first
        if end is None:
            return []
        if all(ch in g.translit_chars for ch in folded[ns:end]):
            end = self._dotted_name_end(folded, ts, end, g)
        org = self._org_before(doc, ts, g, title)
        written = "".join(doc.text[ns:end].split()) if padded else doc.text[ns:end]
        found = [Found(ts, end, written, title, org, "official.title_name", ns, end)]
        # 市議員劉士州、邱愛珊、黃馨慧: names sharing the title; so does a last name after 與/及/和
        # when it is a full three-character name, or a married woman's four (林鄭某某), that ends the list
        # (前副總羅某某與林某某退休).
        while True:
            # 立委顏某某（後左3）、楊某某（後左4）: a photo caption's position after a name
            sep = self._after_name_suffix(folded, self._after_caption(folded, end), g)
            if affiliated and folded.startswith(COMMA_AND, sep):
                sep += len(COMMA_AND) - 1  # 分別是…的某甲、…的某乙,以及…的某丙: ,以及 before the last item
            if not (folded[sep:sep + 1] == LIST_COMMA or folded[sep:sep + 1] in LAST_ITEM and end > ns):
                break
            last = folded[sep:sep + 1] != LIST_COMMA
            end = sep
            # 顧問某甲、拿督某乙: an honorific opens the item, no part of the name
            opens = end + 1 + (self._affiliation(folded, end + 1) if affiliated else 0)  # (the party is no part of it)
            item = opens + self._honorifics_at(folded, opens, g)
            next_end = self._name_at(folded, item, g)
            if next_end is None and not last:
                next_end = self._word_name_in_list(folded, item, g)
            if next_end is None:
                next_end = self._padded_name_in_list(folded, item, g)
            if next_end is None or not last and not self._boundary_after(folded, next_end, g):
                # 某某、林某某及威拉班: the last name too may be a transliteration
                next_end = self._listed_transliteration(doc, ts, item, g) or next_end
            if next_end is None or self._title_starts_at(folded, next_end, g):
                break  # 立委A、B市長: B has a title of its own
            if self._company_runs_past(folded, item, next_end) or folded.startswith(ORG_KIND_AFTER, next_end):
                break  # 執行董事某某、金沙中國則由…: a known company's name, no person's, opens the item
            if self._city_item(folded, item, next_end):
                break  # 副主任某某、中山市中級人民法院副院長某某: a city's office opens the next item, no name
            if self._city_runs_past(folded, item, next_end):
                break  # 主任某某及亞羅牙也警區主任某某: a town's name, cut at its 也, opens the next item
            if _known_name_suffix(folded[item:next_end], doc.user) == next_end - item:
                break  # 總監某某及馬六甲歷史城市政廳: a state's or a company's name opens the next item, no person's
            if any(self._title_starts_at(folded, pos, g) for pos in range(item + 1, next_end)):
                break  # 主席某某、楊|立委服務處: a surname and a title, no name
            if folded[next_end - 1:next_end + 1] in g.common and folded[next_end:next_end + 1] not in LIST_END_CHARS:
                break  # 秘書長某某、高功|率半導體實驗室: the "name"'s last character makes a word with the next (功率)
            if (not self._boundary_after(folded, next_end, g) and folded[next_end:next_end + 1] not in g.adverbs
                    or self._country_at(folded, item, g)):
                break  # 某某、彭加蘭|哥打區州議員; 某某、馬來|西亞駐…大使: no name but a place
            # 顧問楊某某與華素博士, 部長某某與維文: a last name of two transliteration characters on a Malaysian or
            # Singaporean page, as the list's transliteration rule reads it
            two_spelled = next_end - item == 2 and next_end == self._listed_transliteration(doc, ts, item, g)
            # (…的某丙 closing a 分別是 list: a transliteration of any length, as its items before)
            two_spelled = two_spelled or affiliated and next_end == self._listed_transliteration(doc, ts, item, g)
            if last and (next_end - item not in (3, 4) and not two_spelled
                         or not self._boundary_after(folded, next_end, g) and folded[next_end:next_end + 1] not in g.adverbs
                         or folded[next_end:next_end + 1] in LIST_SEPARATORS
                         and not self._title_starts_at(folded, next_end + 1, g)):
                break  # (副主席某甲及某乙、總務某丙: a roster's next post after the list's last name)
            # (區領導某甲、李 杰: a padded two-character name is written without its space)
            found.append(Found(opens, next_end, "".join(doc.text[item:next_end].split()), title, org,
                               "official.title_name_list", item, next_end))
            end = next_end
            if last:
                break
        return found

    @staticmethod
    def _appointed_in_clause(folded: str, ts: int, g: OfficialGrammar) -> bool:
        """Whether an appointing verb of two characters or more (當選為, 出任) stands in the clause before
        the title at ``ts``."""
        clause = max(folded.rfind(mark, 0, ts) for mark in (*SENTENCE_ENDS, *CLAUSE_BREAKS)) + 1
        return any(len(verb) > 1 and folded.find(verb, clause, ts) >= 0 for verb in g.appoint_verbs)

    def _padded_name_in_list(self, folded: str, start: int, g: OfficialGrammar) -> int | None:
        """The end of a two-character name padded with one space to the width of a three-character one
        (區領導某甲、李 杰、某乙: a mainland release lines up its roster so), where a list's comma, a comma or a
        joining word ends it; or None."""
        if (folded[start:start + 1] in g.surnames and folded[start + 1:start + 2] == " "
                and is_han(folded[start + 2:start + 3]) and self._given_ok(folded[start + 2], g)
                and (folded[start + 3:start + 4] in LIST_SEPARATORS or folded[start + 3:start + 4] in ",，")
                and self._plausible(folded[start] + folded[start + 2], g)):
            return start + 3
        return None

    def _word_name_in_list(self, folded: str, start: int, g: OfficialGrammar) -> int | None:
        """The end of a two- or three-character name that is also a common word (省領導某某、莊稼漢、某某: a peasant,
        and a provincial leader's name), where it stands between two list commas with a surname first and a name
        after it: the list goes on through it; or None."""
        if folded[start:start + 1] not in g.surnames:
            return None
        for n in (3, 2):
            end = start + n
            if (folded[end:end + 1] == LIST_COMMA and all(is_han(ch) for ch in folded[start:end])
                    and self._name_at(folded, end + 1, g) is not None):
                return end
        return None

    @staticmethod
    def _affiliation(folded: str, pos: int) -> int:
        """The length of a listed name's party or portfolio and its 的 at ``pos`` (民政黨的|某某,
        掌管教育、交通事務的|某某), 0 if none: a 的 before the clause ends."""
        of = folded.find(OF, pos, pos + AFFILIATION_REACH)
        if of <= pos or any(ch in AFFILIATION_BREAKS for ch in folded[pos:of]):
            return 0
        return of + 1 - pos

    def _dotted_name_end(self, folded: str, ts: int, end: int, g: OfficialGrammar) -> int:
        """A Western name in transliteration joins its given name and surname with a middle dot
        (總理愛德華·菲利普, 國務卿馬可·魯比奧): after the dot the name runs on as a
        transliteration after a title does."""
        while _name_dot(folded, end):
            if folded[end + 1:end + 2] in NAME_DOT_PARTICLES and _name_dot(folded, end + 2) \
                    and self._foreign_name_at(folded, ts, end + 3, g, True) is not None:
                end += 2  # 亞歷山大·德·莫賴斯: the particle, then the next part after its dot
                continue
            more = self._foreign_name_at(folded, ts, end + 1, g, True)
            if more is None:
                if ONE_CHARACTER_PART.match(folded, end + 1):
                    end += 2  # 眾議員扎迪•許（Zaldy Co）: a one-character part that its Latin spelling right after confirms
                    break
                # 立委某某‧以用表示: a Taiwanese Indigenous name's part may open with a stop or a common
                # character (以, 夷); after a middle dot (not a period: 川普.他表示), two to four Han
                # characters that a boundary ends, no title among them
                part = None if folded[end] not in NAME_DOTS else next(
                    (k for k in (2, 3, 4) if all(map(is_han, folded[end + 1:end + 1 + k]))
                     and self._boundary_after(folded, end + 1 + k, g)), None)
                if part is None or self._title_starts_at(folded, end + 1, g) or (
                        part == 3 and self._name_at(folded, end + 1, g) == end + 4):
                    break  # (某甲‧某乙某: a full Chinese name after the dot is a list's next item)
                end += 1 + part
                continue
            spelled = end + 2
            while spelled < more and folded[spelled] in g.translit_chars:
                spelled += 1  # 施凱爾|抵京: after its first character the part runs as far as transliteration characters do
            if spelled - end - 1 < 2:
                spelled = more  # 威廉斯: a rarer character early in the part; it runs to a verb or a word
            if spelled - end - 1 < 2:
                break
            end = spelled
        return end

    def _roster_names(self, doc: Document, ts: int, pos: int, title: str, g: OfficialGrammar) -> list[Found]:
        """The names of a roster after a title and its gap (ROSTER_GAP): each alone up to its line's end, or
        before two spaces and the next name."""
        folded, found, column = doc.folded, [], False
        # an honorific after the gap is no part of the name (主席:拿督某某)
        while True:
            pos += self._honorific_at(folded, pos, g)
            end = self._name_at(folded, pos, g)
            name = doc.text[pos:end] if end is not None else None
            if end is None:
                padded = ROSTER_PADDED_NAME.match(folded, pos) if folded[pos:pos + 1] in g.surnames else None
                if padded is None or not self._given_ok(folded[padded.end() - 1], g):
                    break
                end, name = padded.end(), doc.text[pos] + doc.text[padded.end() - 1]  # 楊 曜 is 楊曜
            # 某某博士(副主席)(再度委任): an honorific and bracketed notes may follow the name on its line
            after = self._roster_notes_end(folded, end, g)
            if after == end and folded[end:end + 1].isascii() and (latin := ROSTER_LATIN_NAME.match(folded, end)):
                after = latin.end()  # 廖國棟|Sufin.Siluko: the member's indigenous name after the Han one
            tail = ROSTER_NAME_END.match(folded, after)
            if tail is None or column and "\n" not in tail.group() and tail.end() != len(folded):
                break  # a later line of a column holds its name alone
            org = found[0].org if found else self._org_before(doc, ts, g, title)
            found.append(Found(pos if found else ts, end, name, title, org, "official.roster", pos, end))
            if "|" in tail.group() or tail.end() == len(folded) or DASHES.intersection(tail.group()):
                break  # (a table's cell ends at its |: 發言人 | 某某 | 發言人職稱 | …; an entry at its dash)
            if "\n" in tail.group():
                if tail.group().count("\n") > 1 or not (found[0].start == ts and folded[ts:pos].count("\n") == 1
                                                         or column):
                    break  # a blank line ends the column; so does a title not alone on its line
                column = True  # 委員:\n某甲\n某乙\n某丙: a column of names, one a line
            pos = tail.end()
        return found

    @staticmethod
    def _roster_notes_end(folded: str, end: int, g: OfficialGrammar) -> int:
        """Past an honorific (博士: ``appoint_gap``) and bracketed notes after a roster's name."""
        end += len(next((gap for gap in g.appoint_gaps if folded.startswith(gap, end)), ""))
        return ROSTER_NOTES.match(folded, end).end()
    @staticmethod
    def _leader_before(folded: str, ts: int, te: int, g: OfficialGrammar, name_end: int | None = None) -> int | None:
        """Start of a transliterated name before a head of state's or government's title, as
        mainland reports write foreign leaders (將同杜特爾特總統會談, 。特朗普總統表示): two to five
        transliteration characters right after punctuation, a line's start, a word that
        opens the phrase (同, 會見) or the leader's country (帛琉|惠恕仁總統). ``name_end``: where the
        name ends when its Latin spelling in brackets stands between it and the title."""
        if folded[ts:te] not in LEADER_TITLES:
            return None
        ts = ts if name_end is None else name_end
        for start in range(ts - 1, max(ts - 6, -1), -1):
            if folded[start] not in g.translit_chars:
                return None
            if ts - start >= 2 and (start == 0 or not is_han(folded[start - 1])
                                    or folded.endswith(LEADER_LEADS, 0, start) or folded[start - 2:start] in g.common
                                    or OfficialExtractor._country_ends_at(folded, start, g)):
                name = folded[start:ts]
                if (name in g.common or name in g.countries or all(ch in g.country_chars for ch in name)
                        or not anchored_ok(name, g) or _known_name_suffix(name) == len(name) or name[-1] in g.stops
                        or name[0] in g.stops or any(name[i:] in g.countries for i in range(1, len(name) - 1))):
                    return None  # 南韓|總統, 美日|外長, 高市|首相: a country, countries' one-character names or a place before the title;
                    # 關係密切的|總統…: a function word (的) ends a phrase, no name; 政策的菲律賓|總統: nor opens
                    # one, and a country's name closing the run is the president's country
                return start
        return None

    @staticmethod
    def _transliteration_before(doc: Document, ts: int, te: int, g: OfficialGrammar) -> int | None:
        """Start of a Malay or Indian name before a judge's title on a Malaysian or Singaporean
        page (裁決的艾迪阿都拉法官): three to seven transliteration characters after a boundary."""
        folded = doc.folded
        if folded[ts:te] not in JUDGE_TITLES or page_region(doc).name not in TRANSLIT_REGIONS:
            return None
        start = ts
        while start > 0 and ts - start < 7 and folded[start - 1] in g.translit_chars and (
                folded[start - 1] not in g.stops or folded[start - 2:start] in g.translit_pairs):  # (阿都: Abdul)
            start -= 1
        before = folded[start - 1:start]
        honorific = OfficialExtractor._honorifics_at(folded, start, g)  # 拿督某某法官: not part of the name
        start += honorific
        if not 3 <= ts - start <= 7 or before and is_han(before) and before not in g.stops and not honorific \
                or folded[start:ts] in g.common or not anchored_ok(folded[start:ts], g) \
                or folded[start:ts] in place_context().regions:
            return None  # (a longer run, one inside a word, or a country (斯里蘭卡總統) is no name)
        return start

    def _listed_transliteration(self, doc: Document, ts: int, pos: int, g: OfficialGrammar) -> int | None:
        """End of a Malay or Indian name listed after another under one title on a Malaysian or
        Singaporean page (州行政議員某某、林某某、拉文古瑪): spelled with transliteration characters
        only, up to a boundary."""
        folded = doc.folded
        if folded[pos:pos + 1] not in g.translit_chars or page_region(doc).name not in TRANSLIT_REGIONS:
            return None
        end = self._foreign_name_at(folded, ts, pos, g, True, True)
        if end is None or any(ch not in g.translit_chars for ch in folded[pos:end]):
            return None
        following = folded[end:end + 1]
        if is_han(following) and following not in g.stops and folded[end:end + 2] not in g.name_verbs \
                and not folded.startswith(POST_NAME_HONORIFICS, end):
            return None  # 某某、峇株巴轄市|議會主席, 某某、沙巴|前任…議員: a place opens the next item
            # (顧問某某與華素|博士: a doctorate's honorific after the name ends it)
        if _known_name_suffix(folded[pos:end], doc.user) == end - pos:
            return None  # 某某、雪蘭莪、…: a place, no name
        return end

    def _name_before_latin(self, folded: str, ts: int, g: OfficialGrammar) -> tuple[int, int] | None:
        """The Chinese name before a Latin spelling in brackets that ends right at a title
        (李比爾(Bill Lee)州長, folded brackets): its start and end, or None."""
        if folded[ts - 1:ts] != BRACKET_CLOSE:
            return None
        opening = folded.rfind(BRACKET_OPEN, max(0, ts - 43), ts)
        if opening < 2 or LATIN_NAME_IN_BRACKETS.fullmatch(folded, opening, ts) is None:
            return None
        start = self._name_before(folded, opening, g)
        if start is None:  # 海妮（Hilda C. Heine）總統: a leader's transliterated name
            start = self._leader_before(folded, ts, ts + max((len(t) for t in LEADER_TITLES if folded.startswith(t, ts)), default=0),
                                        g, name_end=opening)
        return None if start is None else (start, opening)

    @staticmethod
    def _after_name_suffix(folded: str, end: int, g: OfficialGrammar) -> int:
        """After a name, the end of a polite form (先生, 女士) when a list goes on after it
        (董事某甲先生、某乙女士); else ``end``."""
        for suffix in g.name_suffixes:
            after = end + len(suffix)
            if folded.startswith(suffix, end) and folded[after:after + 1] in LIST_SEPARATORS:
                return after
        return end

    @staticmethod
    def _after_caption(folded: str, end: int) -> int:
        """After a name, the end of a short bracket that places the person in a photo (（左）,
        (後左3), （右二）) when a list goes on after it; else ``end``."""
        if folded[end:end + 1] != CAPTION_OPEN:
            return end
        close = folded.find(CAPTION_CLOSE, end + 1, end + CAPTION_REACH)
        if close < 0:  # 法官潘某某(Andrew Phang)、朱迪柏拉卡斯: a name in Latin letters after the Chinese one
            latin = LATIN_IN_BRACKETS.match(folded, end)
            close = latin.end() - 1 if latin else -1
        if close < 0 or folded[close + 1:close + 2] not in LIST_SEPARATORS:
            return end
        return close + 1

    @staticmethod
    def _title_ends_at(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """A title ends at ``pos``, after 為 in its clause (某甲為院長|、): the last item of an appointment."""
        window = folded[max(0, pos - 8):pos]
        return APPOINT_AS in folded[max(0, pos - MAX_ORG - 8):pos] and any(
            end == len(window) for _, end, _ in g.titles.matches(window))

    @staticmethod
    def _title_starts_at(folded: str, pos: int, g: OfficialGrammar) -> bool:
        """A title starts at ``pos``, or a prefix and a title (某某|副檢察司: the name ends before 副)."""
        if folded[pos:pos + 1] in _prefix_first_chars(g.prefixes):
            for length in g.prefix_lengths:
                if folded[pos:pos + length] in g.prefixes:
                    pos += length
                    break
        if folded[pos:pos + 1] not in g.title_first_chars:
            return False  # most positions: no title starts with the character there
        return any(start == 0 for start, _, _ in g.titles.matches(folded[pos:pos + 6]))

    def _emit(self, doc: Document, full: list[Found], shorts) -> Iterator[Entity]:
        folded = doc.folded
        by_name: dict[str, Found] = {}
        for item in full:
            by_name.setdefault(folded[item.name_start:item.name_end], item)  # the fold of its name
            yield self._entity(doc, item.start, item.end, item.name, item.title, item.org, item.rule)
        # Han names by their first character, for the one-character surnames of short forms.
        by_surname: dict[str, list[Found]] = {}
        for key, person in by_name.items():
            if not person.name.isascii():
                by_surname.setdefault(key[:1], []).append(person)
        for start, end, surname, title in shorts:
            person = self._resolve(surname, title, by_surname)
            if person is not None:
                yield self._entity(doc, start, end, person.name, title, person.org, "official.short")
        taken = IntervalSet()
        for f in full:
            taken.add(f.start, f.end)
        for key, person in by_name.items():
            if person.name.isascii():
                continue
            position = folded.find(key)
            while position != -1:
                end = position + len(key)
                if not taken.overlaps(position, end):
                    yield self._entity(doc, position, end, person.name, person.title, person.org,
                                       "official.name_mention")
                position = folded.find(key, end)

    @staticmethod
    def _resolve(surname: str, title: str, by_surname: dict[str, list[Found]]) -> Found | None:
        candidates = by_surname.get(surname, [])
        if len(candidates) > 1:
            folded_title = fold(title)
            same_title = [f for f in candidates if fold(f.title).endswith(folded_title[-2:])]
            candidates = same_title or candidates
        return candidates[0] if len(candidates) == 1 else None

    @staticmethod
    def _entity(doc: Document, start: int, end: int, name: str, title: str, org: str | None, rule: str) -> Entity:
        return doc.entity("official", start, end, name, rule, name=name, title=title, org=org,
                          key=name_key(name))
