"""Cities: Taiwan's 22 縣市 in every spelling, and cities abroad.

One Aho–Corasick gazetteer over all surface forms (folded, so 臺/台 and
Simplified spellings are one key), then context checks per kind of form:

* full forms (臺中市, 台中市, 新竹縣) always name the city;
* short forms (臺中, 高雄) do unless the next word makes them part of another
  name (臺中科大, 高雄港站, 新北投), per ``city/context.tsv``;
* government abbreviations (北市, 中市) only at a word boundary or before a
  government word (北市府, 中市長), since 集中市場 is no city;
* foreign names are cities unless followed by 縣/府/州/省 (青森縣 is a
  prefecture), or they share a prefecture's name that the document uses as a
  prefecture elsewhere (高雄×青森 beside 青森縣), or they are an item of a list
  of prefectures or states (青森、岩手等縣; 吉打、霹靂);
* weak forms (the bare name of a generated city that is also a word, a
  township, a state or a surname: 北安, 太平, 德州) count only after a province,
  state or country (江蘇崑山, 山東德州) or before a dateline (福州3月2日電);
* combined abbreviations (北北基, 桃竹苗) name one city per character;
* a city no list has counts as ``X市`` right after a country or a city abroad
  (澳洲墨爾本某某市), and as the town of a bracketed dateline ((淡邊3日訊)).
"""
from __future__ import annotations

import functools
from typing import Iterator

import regex

from ..document import Document
from ..fold import fold
from ..model import Entity
from ..resources import load_list
from .base import compile_folded, is_han, latin_boundary, longest_non_overlapping
from .lexicon import (
    ABBREVIATION, COMBINED, ENGLISH, FOREIGN, FULL, LATIN, PLACE_KIND_ORDER, SHORT, WEAK, CityInfo, city_gazetteer,
    city_context_words, common_words, document_matches, everyday_words, mainland_county_prefectures, mainland_municipalities,
    market_words, official_grammar, town_kinds,
    mainland_provinces, place_context, reporter_full_name, reporter_given_name, split_cell, user_city_gazetteer,
)

# A full form's last character that begins a title: 桃園市長 is 桃園 + 市長.
TITLE_AFTER_SUFFIX = frozenset(fold(w) for w in ("市長", "縣長", "市議員", "縣議員"))
# A Malaysian state title whose 州 a name before it cannot hold: 帆加|蘭州|議員 is the seat 帆加蘭's
# assemblyman, no 蘭州 (a name ending in 州 right before one is never the city).
STATE_TITLES = tuple(fold(w) for w in ("州議員", "州行政議員", "州務大臣", "州元首"))
# Function characters that end a word, so an abbreviation after them stands alone (與桃市).
FUNCTION_CHARS = frozenset(fold("與和及、跟同在於由向對"))
# A function character or a verb of arrival before a city's name: it opens no word with the name's first character.
ARRIVAL_CHARS = FUNCTION_CHARS | frozenset(fold("的到往至赴飛返抵經回來去進遊訪"))
# Verbs of going to a place or taking part in its events that end a word right before an abbreviation
# (報名參加|北市的賽事, 前往|中市): the abbreviation opens a word of its own. Verbs of meeting (拜會) are left
# out: 高市 is also Japan's prime minister.
VISIT_VERBS = frozenset(fold(w) for w in ("參加", "參與", "出席", "前往", "來到", "回到", "抵達", "走訪", "造訪", "進駐", "移居"))
OF = fold("的")
# 駐 (stationed in) right before a city's name: the office is in the city (越南駐台北經濟文化辦事處), although the
# after word (經濟文化) would make the name part of Taiwan's offices abroad (駐日本台北經濟文化代表處)
STATIONED = fold("駐")
ECONOMIC_CULTURAL = fold("經濟文化")  # only before it: other after words keep the name in theirs (進駐台北生技園區)
# Territories that are one city (ANNOTATION.md): their market is the city's own (香港市場, 澳門市場 name the city), no
# market hall named after it (南京市場)
CITY_TERRITORIES = frozenset({"HK", "MO"})
REGION_LINKS = frozenset(fold("(的"))  # between a region and a town of it: 中國(安陸), 韓國的晉州
# The last character of a province written out in full (黑龍江省), after which a name that is also an
# everyday word (合作) is the word: the town is written 甘肅合作 or 合作市 (but 德國漢堡 is the city).
WRITTEN_OUT_REGION_ENDS = frozenset(fold("省"))
PROVINCE = fold("省")
# Prepositions that make a country or province the partner of a verb (與中國合作, 同日本合作, 向美國學習):
# an everyday word after the place is that verb, not a town (the town is written 甘肅合作 or 合作市).
PARTNER_PREPOSITIONS = frozenset(fold("與和跟同向對"))
CLOSING_PUNCTUATION = frozenset(fold("，。！？；、,.!?;」』）)"))
ADMIN_SUFFIXES = tuple(fold(c) for c in "縣府州省都道")
METROPOLIS = fold("都")
METROPOLIS_AFTER = frozenset(fold("廳知民內政議府"))
RULES = {kind: f"city.{kind}" for kind in PLACE_KIND_ORDER}
# A dateline or byline right after a place names the city the story is filed from:
# 福州3月2日電, (新山5日訊), 〔記者某某／新竹報導〕.
# Countries whose papers date a story by its state: a dateline names no city of the state's name
STATE_DATELINE_COUNTRIES = frozenset({"MY"})
DATELINE_AFTER = compile_folded(r"(?:\s?(?:\d{1,2}月)?\d{1,2}日(?:電|訊|專電|綜合報導)|報導|報道|訊\b)")
# Separators of an enumeration (靜岡、岡山和廣島) and the words that close a list of prefectures.
LIST_SEPARATORS = frozenset(fold("、及和與"))
# ... and between two towns of a route (張家口至大同, 大同到北京, and the dash or slash of travel pages' routes:
# 北京—伊寧, 烏魯木齊至成都/杭州), or of a site's bar of local sections (福州|廈門|南平|三明): a weak name next
# to a city is a town too.
NEIGHBOUR_SEPARATORS = LIST_SEPARATORS | frozenset(fold("至到")) | frozenset("|｜") | frozenset(fold("—–-－/／"))
# ... and two weak names joined so before the kind of line that runs between them (盤州至興義|鐵路, 某某到某某|高速):
# the line's name holds both towns, though neither is a known city to lean on
ROUTE_JOINERS = frozenset(fold("至到—–-－"))
ROUTE_AFTER = compile_folded(r"(?:鐵路|高鐵|高速公路|高速|公路|城際|航線|客專|快速路)")
# Around an item of a list of people's names: the comma before it, and what may follow it.
NAME_LIST_COMMAS = frozenset("、")
NAME_LIST_ENDS = frozenset(fold("、,，。;；等"))
LEADERS = fold("領導")  # 市領導, 省領導: the list of officials that follows
# Bylines before a reporter's name (記者丁|朝霞, 通訊員李|長春): a surname and the name make a person's name.
PREFECTURE_LIST_END = tuple(fold(w) for w in ("等縣", "各縣", "等州", "等府", "等州屬"))
MAX_ITEM = 5
# 選區是 (the seats are) before a list of names: the names are constituencies (森州5個反對黨選區是拉務、金馬士、斯汀),
# no cities, though a town may give its name to one; the list runs from the head to the name with only names
# and list separators between
CONSTITUENCY = fold("選區")
CONSTITUENCY_LIST_HEAD = regex.compile(fold(r"選區(?:分別|依序)?(?:是|為|包括|有)[:]?"))
CONSTITUENCY_REACH = 40  # characters from the head to the name
CITY_SUFFIX = fold("市")
MARKET_WORD = fold("市場")  # a market: 市 opens the word, it is no city's suffix
DISTRICT = fold("區")
# countries whose Chinese associations are named after their members' places of origin in China
ORIGIN_ONLY_COUNTRIES = frozenset({"MY", "SG"})
# 區 opening a word; 區部 and 區會 are a Malaysian party's division named after its town (民政黨某某區部)
DISTRICT_WORDS = frozenset(fold(w) for w in ("區域", "區塊", "區間", "區別", "區分", "區隔", "區部", "區會",
                                             "區位"))  # 成都區位優勢: the city's location, no district 成都區
# A Taiwanese village (里): its name's last characters may spell a city abroad that ends in 里 (福|德里 is
# no Delhi). Where a district, township or town's suffix stands one character before the name
# (士林區福|德里), or 里長, 里民 or 里辦 follows it, the name is the village's.
VILLAGE = fold("里")
VILLAGE_PARENTS = frozenset(fold("區鄉鎮市"))
VILLAGE_AFTER = tuple(fold(w) for w in ("里長", "里民", "里辦"))
# a person's age in brackets right after a name (被告某某(36歲)): the court and police news of every Chinese press
# lists defendants so; a foreign city's name there ends a transliterated name (阿夫|里茲(36歲): Leeds)
AGE_BRACKET = regex.compile(r"\(\s?\d{1,3}\s?" + fold("歲") + r"\s?\)")
BRACKET_DATELINE = regex.compile(r"\(\s?(\p{Han}{2,4}?)\s?\d{1,2}日" + fold("(?:訊|電|專訊)") + r"\s?\)")
MAYOR_AFTER = frozenset(fold("長"))
# The bodies of a mainland city, right after its name and 市 (禹城市委書記, 肥城市人民政府, 某某市長): a county-level
# city jieba hardly knows (a weak name) is the city there, as after its province.
CITY_BODIES_AFTER = tuple(fold(w) for w in ("委", "政府", "人民政府", "人大", "政協", "長", "紀委", "監委",
                                             "中級人民法院", "人民法院", "人民檢察院", "檢察院", "公安局"))
# A mainland city's delegation to its province's or the nation's congress (中山代表團, 昆山代表團): the
# weak name before it is the city's (the reports of 人大 sessions name each city only so).
DELEGATION = fold("代表團")
# 本, 全 before a territory's one-character short name (本澳, 全澳: this, all of Macau)
TERRITORY_LEADS = frozenset(fold("本全"))
# Taiwan and China as a country before a place: their cities are all in the gazetteers.
HOME = frozenset(fold(w) for w in ("台灣", "臺灣", "中華民國", "中國", "大陸", "內地", "中國大陸"))


def _in_province_list(folded: str, start: int, end: int) -> bool:
    """A list item next to the name, across 、 or 和, is another mainland province (浙江、吉林、上海)."""
    provinces = mainland_provinces(with_aliases=True)
    name = folded[start:end]
    before = start >= 2 and folded[start - 1] in LIST_SEPARATORS and any(
        folded[start - 1 - n:start - 1] in provinces and folded[start - 1 - n:start - 1] != name for n in (2, 3, 4))
    after = folded[end:end + 1] in LIST_SEPARATORS and folded[end:end + 1] != "" and any(
        folded[end + 1:end + 1 + n] in provinces and folded[end + 1:end + 1 + n] != name for n in (2, 3, 4))
    return before or after


@functools.cache
def _pure_prefectures() -> frozenset[str]:
    """Prefecture and state names that are no city's name (岩手, 兵庫, 吉打): one in a list
    shows the list is of prefectures or states."""
    gazetteer = city_gazetteer()[0]
    keys = set(gazetteer.keys)
    return frozenset(p for p in place_context().prefectures if p not in keys)


@functools.cache
def _townships() -> tuple[frozenset[str], tuple[int, ...]]:
    """Taiwan's county-administered cities (竹北市): townships, whose last characters are
    no abbreviation of a city (竹|北市長); mainland counties so ending (紫|金縣); and townships named by a
    common word (嘉義|水上鄉), which the test in :func:`_before_township` cannot see; with their lengths,
    longest first."""
    names = frozenset(city_context_words("township")) | frozenset(city_context_words("mainland_county")) \
        | frozenset(city_context_words("common_township"))
    return names, tuple(sorted({len(n) for n in names}, reverse=True))


@functools.cache
def _counties_by_short_form() -> dict[str, CityInfo]:
    """The counties whose short form a city of the same name takes (嘉義 is 嘉義市, 新竹 新竹市):
    the short form before one of the county's townships names the county (嘉義|竹崎鄉)."""
    gazetteer = city_gazetteer()[0]
    out = {}
    for county in city_context_words("county_before_township"):
        (info,) = next(infos for start, end, infos in gazetteer.matches(county) if end - start == len(county))
        out[county[:-1]] = info
    return out


_TOWNSHIP_ENDS = frozenset(fold("鄉鎮"))


@functools.cache
def _idioms() -> frozenset[str]:
    """Four-character idioms that hold a city's name (city/idioms.txt: 四平八穩, 邯鄲學步)."""
    return frozenset(load_list("city/idioms.txt"))


@functools.cache
def _idiom_pieces() -> frozenset[str]:
    """The two- and three-character pieces of :func:`_idioms`: a name that is none is in no idiom."""
    return frozenset(idiom[i:i + n] for idiom in _idioms() for n in (2, 3) for i in range(5 - n))


def _inside_idiom(folded: str, start: int, end: int) -> bool:
    """``folded[start:end]`` lies inside one of :func:`_idioms` written there."""
    idioms = _idioms()
    return any(folded[first:first + 4] in idioms for first in range(max(0, end - 4), start + 1))


@functools.cache
def _not_township() -> frozenset[str]:
    """Words that 鄉 or 鎮 opens after a place's name and that are no township's (鄉親, 鎮守)."""
    return frozenset(city_context_words("not_township"))


@functools.cache
def _long_honorifics() -> tuple[str, ...]:
    """The honorifics of two characters or more: only such a one may end on a name's first character (拿督斯|里諾);
    a one-character honorific there is the name's own first character (敦 in 敦煌, 敦化)."""
    return tuple(h for h in official_grammar().han_honorifics if len(h) > 1)


def _before_township(folded: str, end: int) -> bool:
    """Two or three Han characters that make no common word and 鄉 or 鎮 follow ``end`` (竹崎鄉, 阿里山鄉), or a listed
    county-administered city (竹北市)."""
    common = common_words()
    for n in (2, 3):
        name = folded[end:end + n]
        if folded[end + n:end + n + 1] in _TOWNSHIP_ENDS and all(is_han(c) and c not in _TOWNSHIP_ENDS for c in name) \
                and name not in common and folded[end + n:end + n + 2] not in _not_township():  # not 新竹|在地鄉親, 新竹|各鄉鎮
            return True
    townships, lengths = _townships()
    return any(folded[end:end + n] in townships for n in lengths)


@functools.cache
def _abbreviation_word_opened() -> tuple[str, ...]:
    """Words that an abbreviation's own 市 opens: 高|市場估值, 高|市值 ("a high market ..."), no 高市."""
    return city_context_words("abbreviation_word_opened")


@functools.cache
def _closed_words(kind: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """The words of a context kind that a name's first character closes, with their lengths, longest
    first: ``abbreviation_word_closed`` (保證金|縣長: the 金 of 金縣 ends a word of money),
    ``foreign_word_closed`` (淹水|戶, 停水|戶: households; 淹水|原因)."""
    words = frozenset(city_context_words(kind))
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def _first_char_closes(folded: str, start: int, kind: str) -> bool:
    """Whether the character at ``start`` ends one of the kind's words begun before it."""
    words, lengths = _closed_words(kind)
    return any(start + 1 >= n and folded[start + 1 - n:start + 1] in words for n in lengths)


@functools.cache
def _abbreviation_word_not_opened() -> tuple[str, ...]:
    """The city's own word after its 市 that a word_opened begins: 北市|場地 (the city's venues)."""
    return city_context_words("abbreviation_word_not_opened")


@functools.cache
def _hk_places() -> frozenset[str]:
    """Places of Hong Kong named as a mainland city is (馬鞍山), folded (``hk_place`` rows of city/context.tsv)."""
    return frozenset(fold(w) for w in city_context_words("hk_place"))


@functools.cache
def _districts_now() -> frozenset[str]:
    """County-level cities of the gazetteer that are now districts of their prefecture-level city (臨安)."""
    return frozenset(city_context_words("district_now"))


@functools.cache
def _facility_after() -> regex.Pattern:
    """A facility's own two- or three-character name and its head (context.tsv facility_head: 白雲機場,
    澄清湖棒球場, 寬柔中學), as it follows its city's name; a numeral, function character, verb of travel or
    word of an area makes no name (上海兩座機場, 台中往桃園機場, 新山地區中學)."""
    heads = "|".join(sorted(city_context_words("facility_head"), key=len, reverse=True))
    not_in_name = "".join(sorted(FUNCTION_CHARS | set(fold("的各等一二兩三四五六七八九十幾多到往至赴飛返抵經區帶州縣省市內間所今昨"))))
    return regex.compile(rf"(?:(?![{not_in_name}])\p{{Han}}){{2,3}}(?:{heads})")


@functools.cache
def _epithet_before() -> tuple[str, ...]:
    """A word before a city abroad that makes it a nickname (context.tsv epithet_before: 沙漠|達沃斯, 夏季|達沃斯)."""
    return city_context_words("epithet_before")


EPITHET_ENDS = frozenset(fold("」』”’\""))  # what closes a nickname in quotes (「沙漠達沃斯」)
EPITHET_MEETINGS = tuple(fold(w) for w in ("論壇", "年會"))  # the meeting a nickname names (夏季達沃斯論壇)


@functools.cache
def _dish_after() -> tuple[str, ...]:
    """A food word after a city abroad (context.tsv dish: 北京|烤鴨, 杜拜|巧克力): the name of a dish's style."""
    return city_context_words("dish")


AIRPORT_HEADS = tuple(fold(w) for w in ("國際機場", "機場"))  # what closes an airport's name (東京成田|機場)


@functools.cache
def _city_airports() -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]]]:
    """context.tsv city_airport (東京+成田): each city's airports' own names, and each airport name's cities."""
    airports: dict[str, list[str]] = {}
    cities: dict[str, set[str]] = {}
    for word in city_context_words("city_airport"):
        city, airport = word.split("+")
        airports.setdefault(city, []).append(airport)
        cities.setdefault(airport, set()).add(city)
    return ({c: tuple(a) for c, a in airports.items()}, {a: frozenset(c) for a, c in cities.items()})


# a work's title in 《》 (a film, book, song, show or periodical: 《南京照相館》, 《東京愛情故事》, 《澳門日報》) holds a
# city's name as a building's or a company's name does; a public document's title names the city it is of
# (《臺北市都市更新自治條例》, 《香港國安法》, 《澳門年鑑》). (Not 〈〉: Taiwanese pages quote a related story's
# headline in it, and a headline's city is named.)
_WORK_OPEN, _WORK_CLOSE = "《", "》"
_WORK_REACH = 24  # characters from a title's bracket to the name inside it


@functools.cache
def _document_kinds() -> tuple[str, ...]:
    """``city/document_kinds.txt``: the last words of a public document's title (條例, 年鑑)."""
    return tuple(fold(w) for w in load_list("city/document_kinds.txt"))


def _in_work_title(folded: str, start: int, end: int) -> bool:
    """The name stands inside a work's title in 《》 that is no public document's."""
    head = folded[max(0, start - _WORK_REACH):start]
    opened = max(head.rfind(ch) for ch in _WORK_OPEN)
    if opened < 0 or any(ch in _WORK_CLOSE or ch == "\n" for ch in head[opened + 1:]):
        return False
    tail = folded[end:end + _WORK_REACH]
    closes = [i for i in (tail.find(ch) for ch in _WORK_CLOSE) if i >= 0]
    if not closes:
        return False
    closed = min(closes)
    if any(ch in _WORK_OPEN or ch == "\n" for ch in tail[:closed]):
        return False
    return not (folded[start:end] + tail[:closed]).endswith(_document_kinds())


def _in_airport_name(folded: str, start: int, end: int) -> bool:
    """The match at ``start``-``end`` is part of an airport's name written by its city's and its own (東京成田):
    the airport's part (成田, a town of its own), or the city's where the whole goes on to 機場 (東京成田|機場);
    the city's before anything else (台北－東京成田、) names the city."""
    airports, cities = _city_airports()
    name = folded[start:end]
    own = airports.get(name)
    if own is not None:
        for airport in own:
            if folded.startswith(airport, end):
                return folded.startswith(AIRPORT_HEADS, end + len(airport))
    before = cities.get(name)
    return before is not None and any(folded[start - len(c):start] == c for c in before)


MUNICIPAL = fold("立")


@functools.cache
def _municipal_venue() -> regex.Pattern:
    """A municipal venue's name after a city's full name: 立, at most four characters of its own name and
    its head (context.tsv municipal_venue: 嘉義市|立棒球場, 高雄市|立歷史博物館)."""
    heads = "|".join(sorted(city_context_words("municipal_venue"), key=len, reverse=True))
    return regex.compile(rf"{MUNICIPAL}(?P<own>\p{{Han}}{{0,4}}?)(?:{heads})")


def _municipal_venue_at(folded: str, end: int) -> bool:
    """A municipal venue's name follows a city's full name ending at ``end`` (嘉義市|立棒球場); a word that
    立 opens (台中市|立即展開…體育館, 臺北市|立法…) makes the 立 no venue's, unless the head follows at once
    (臺北市|立體育館: 立體 is a word too)."""
    if folded[end:end + 1] != MUNICIPAL:
        return False  # (the usual case: one comparison)
    match = _municipal_venue().match(folded, end)
    return match is not None and (not match.group("own") or folded[end:end + 2] not in common_words())


@functools.cache
def _abbreviation_not_after() -> tuple[str, ...]:
    """Words after which an abbreviation is a Japanese surname: 高市|首相, 高市|內閣."""
    return city_context_words("abbreviation_not_after")


@functools.cache
def _person_adverbs() -> tuple[str, ...]:
    """abbreviation_after words that follow a person as well (高市|也表示): no government word on a surname's page."""
    return city_context_words("person_adverb")


@functools.cache
def _malay_name_heads() -> tuple[str, ...]:
    """阿都, 阿都拉, 莫哈末: the first part of a Malay name, which the rest of the person's name follows."""
    return city_context_words("malay_name_head")


@functools.cache
def _malaysian_councils() -> tuple[str, ...]:
    """縣, 市議會, 市政廳: a Malaysian district's or town council's word after the town's name."""
    return city_context_words("malaysian_council")


@functools.cache
def _storm_words() -> tuple[str, ...]:
    """颱風, 熱帶風暴: a storm's name follows them, and a city's name inside it is none (颱風樺|加沙)."""
    return city_context_words("storm")


@functools.cache
def _storm_verbs() -> frozenset[str]:
    """襲, 吹: a verb right after a storm word, before the place it strikes (颱風襲東京)."""
    return frozenset(city_context_words("storm_verb"))


STORM_NAME_REACH = 1  # Han characters of a storm's name that may stand before a city's name in it


# A place's name between an amount and 元 or 幣 is its currency's (201.88億澳門元, 500澳門幣), no city's; so is one
# before 元 or 幣 and an amount (澳門幣210億元, 澳門元5,000萬).
CURRENCY_UNITS = frozenset(fold("元幣"))
# (also a Chinese digit or 多 ends an amount: 三十九萬八千八百三十三澳門元, 三百多澳門元)
AMOUNT_LAST_CHARS = frozenset(fold("0123456789億萬千百十一二三四五六七八九零〇兩多餘"))
AMOUNT_FIRST_CHARS = frozenset(fold("0123456789一二三四五六七八九十百千兩零〇"))  # ... or open one after it

# Particles and verbs that no city's name holds (威海市委的是市委 names no city 委的是市).
PARTICLES = frozenset(fold("的是了在與和及"))

# the dots between the parts of a transliterated person's name (史蒂芬·米蘭), folded
NAME_DOTS = ("·", "‧", "•")
# A mainland page names its own county-level city bare, again and again (宁国依托…投资宁国品牌…宁国招商): a weak
# name (one that needs a province, a dateline or its 市) that a Simplified page writes this many times, on its own
# each time, is the city, unless it is also a word (common_words.txt, or company/everyday_words.txt: 燈塔, 磐石), a
# region's name (德州 is Texas too), or the mountain, lake or river the city is named after (井岡山, 洪湖, 蛟河: a
# travel page names the scenic spot again and again).
REPEATED_WEAK_MIN = 3
NATURAL_FEATURE_LAST_CHARS = frozenset(fold("山嶺峰湖池河江泉井"))
# A mainland city named after its river (沅江, 晉江, 黑河) in flood and water news names the river: in a list of
# rivers (洞庭湖水系澧水、沅江; a neighbour ending in 江, 河, 水 or 溪 that is no city nor province), after a river
# word (支流沅江), or before a stretch of it (沅江流域, 黑河上游). Looked at only for a name ending in 江 or 河.
RIVER_LAST_CHARS = frozenset(fold("江河"))
RIVER_ITEM_LAST_CHARS = frozenset(fold("江河水溪"))
RIVER_BEFORE = tuple(fold(w) for w in ("支流", "幹流", "干流", "水系", "幹支流"))
RIVER_AFTER = tuple(fold(w) for w in ("流域", "幹流", "干流", "支流", "水系", "上游", "中游", "下游",
                                      "上中游", "中下游", "江段", "河段", "幹支流", "干支流"))
# A mainland autonomous prefecture or county is named after its seat and its peoples (臨夏回族自治州, 恩施土家族苗族
# 自治州, 民和回族土族自治縣): a county-level city's name before one or more peoples and 自治州/縣/旗 names the
# prefecture or county, no city (ANNOTATION.md: autonomous prefectures are no cities). Looked at only where 自治 follows.
AUTONOMY = fold("自治")
# The mainland's 55 recognised minority peoples (facts), as an autonomous unit's name writes them before 族; three
# write no 族 there (伊犁哈薩克自治州, 巴音郭楞蒙古自治州, 克孜勒蘇柯爾克孜自治州). Named, so that 海東|市民和回族土族自治縣
# (海東市, then the county 民和) is no prefecture of 海東's.
MINORITY_PEOPLES = (
    "蒙古", "回", "藏", "維吾爾", "苗", "彝", "壯", "布依", "朝鮮", "滿", "侗", "瑤", "白", "土家", "哈尼", "哈薩克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "東鄉", "納西", "景頗", "柯爾克孜", "土", "達斡爾", "仫佬",
    "羌", "布朗", "撒拉", "毛南", "仡佬", "錫伯", "阿昌", "普米", "塔吉克", "怒", "烏孜別克", "俄羅斯", "鄂溫克",
    "德昂", "保安", "裕固", "京", "塔塔爾", "獨龍", "鄂倫春", "赫哲", "門巴", "珞巴", "基諾",
)
_PEOPLES = "|".join(sorted((fold(p) for p in MINORITY_PEOPLES), key=len, reverse=True))
AUTONOMOUS_UNIT_AFTER = regex.compile(
    "(?:(?:" + _PEOPLES + ")" + fold("族") + "|" + fold("(?:哈薩克|蒙古|柯爾克孜)") + "){1,4}" + fold("自治[州縣旗]"))
AUTONOMY_REACH = 20  # characters after a name within which 自治 may close its peoples
TYPHOON = fold("颱風")  # a typhoon's transliterated name may hold a city's (樺加沙: 加沙)
# a typhoon's name quoted after or before 颱風 (颱風「樺加沙」, 『樺加沙』颱風): (opening, closing) marks
TYPHOON_NAME_QUOTES = (("", ""), ("「", "」"), ("『", "』"), ("\"", "\""))


class CityExtractor:
    type = "city"

    def __init__(self) -> None:
        city_gazetteer()

    def find(self, doc: Document) -> Iterator[Entity]:
        gazetteer, after_words, abbreviation_after = city_gazetteer()
        folded = doc.folded
        candidates: list[tuple[int, int, CityInfo]] = []
        if doc.user is not None and doc.user.of_type("city"):
            for start, end, infos in user_city_gazetteer(doc.user).matches(folded):
                candidates.append((start, end, infos[0]))
        common = common_words()
        idiom_pieces = _idiom_pieces()
        for start, end, (info,) in document_matches(doc, gazetteer):
            if info.kind in (ENGLISH, LATIN) and not latin_boundary(folded, start, end):
                continue
            if info.kind == LATIN and not (self._region_before(folded, start, end, info.country) or (
                    folded[start - 1:start] == " " and self._region_before(folded, start - 1, end, info.country))):
                continue  # Fremont alone may be a street's or a firm's name; 加州Fremont, 美國 Chicago are the cities
            if (end - start == 3 and folded[end - 1] == CITY_SUFFIX and folded[end - 2:end] in common
                    and folded[start - 1:start + 1] in common):
                continue  # 上|海城市|論壇: 城市 (city) and 上海 take the name's characters, not 海城市
            if info.country != "TW" and folded[end - 1:end + 1] == MARKET_WORD:
                continue  # 延吉|市場, 南京|市場: a market named after the city (context.tsv after: 市場), not 延吉市
            if folded[start:end] in idiom_pieces and _inside_idiom(folded, start, end):
                continue  # 四平八穩, 邯鄲學步: an idiom holds the name
            if _in_work_title(folded, start, end):
                continue  # 《南京照相館》: a film's title holds the name
            if folded[end:end + 1] in CURRENCY_UNITS and (folded[start - 1:start] in AMOUNT_LAST_CHARS
                                                          or folded[end + 1:end + 2] in AMOUNT_FIRST_CHARS):
                continue  # 16億|澳門|元, 澳門|幣210億元: the currency of an amount, named after the place, names no city
            candidates.append((start, end, info))
        # 抵|達曼|谷: a name whose first character ends a word before it (抵達) and that overlaps the
        # next name (曼谷) gives way to it
        starts = {start for start, _, _ in candidates}
        if len(starts) > 1:
            candidates = [c for c in candidates if not (
                c[2].kind in (FOREIGN, WEAK) and c[0] and folded[c[0] - 1:c[0] + 1] in common
                and any(c[0] < other < c[1] for other in starts))]
        # Longest match first, so 臺中市 wins over 臺中 and 中市 inside it.
        kept = longest_non_overlapping(candidates)
        prefectures = {
            info.name for start, end, info in kept
            if info.kind == FOREIGN and self._admin_suffix(folded, end)
        }
        by_start = {start: info for start, _, info in kept}
        by_end = {end: info for _, end, info in kept}
        ends = {start: end for start, end, _ in kept}
        # 北京市朝陽區: a mainland city's name before 區 is a district's, and so is its bare
        # name elsewhere on the page (朝陽分局), unless 市 follows it (遼寧省朝陽市).
        districts = {
            info.name for start, end, info in kept
            if info.kind in (FOREIGN, WEAK) and info.country == "CN" and self._district_after(folded, end)
        }
        # 高市早苗 ... 高市表示: an abbreviation the page uses as a Japanese surname elsewhere names
        # the city only before a government word (高市府, 高市議會), not at a mere boundary.
        not_after = _abbreviation_not_after()
        counties_only = self._counties_named_alone(kept)
        typhoon_on_page = TYPHOON in folded  # (looked for once, not for each candidate)
        repeated = self._repeated_weak(doc, kept)
        surnames = {
            info.name for start, end, info in kept if info.kind == ABBREVIATION and folded.startswith(not_after, end)
        }
        for start, end, info in kept:
            if info.kind == COMBINED:  # 北北基: each character names its city; 雙北: the form names both
                if not after_words.at(folded, end):
                    for offset, (name, country) in enumerate(zip(info.parts, info.part_countries)):
                        span = (start, end) if info.whole_form else (start + offset, start + offset + 1)
                        yield doc.entity("city", *span, name, RULES[COMBINED], country=country, level=None)
                continue
            if info.name in surnames and info.kind == ABBREVIATION and (
                    not abbreviation_after.at(folded, end) or folded.startswith(_person_adverbs(), end)):
                continue
            if _in_airport_name(folded, start, end):
                continue  # 東京|成田, 東京成田|機場: an airport's name written by its city's and its own
            if not self._accept(folded, start, end, info, after_words, abbreviation_after, prefectures) and not (
                info.kind == WEAK and not after_words.at(folded, end)  # (豐鎮|北、大同南: a station's direction)
                and (self._listed_with_city(folded, start, end, info, by_start, by_end)
                                       or self._route_end(folded, start, end, info, by_start, by_end, ends)
                                       or self._after_own_prefecture(folded, start, end, info, by_end)
                                       or info.name in repeated and self._weak_alone(folded, start, end, after_words))
            ):
                continue
            if folded.startswith(STATE_TITLES, end - 1):
                continue
            if info.country == "CN" and AUTONOMY in folded[end:end + AUTONOMY_REACH] \
                    and AUTONOMOUS_UNIT_AFTER.match(folded, end):
                continue  # 臨夏|回族自治州: the autonomous prefecture named after its seat, no city
            if self._region_overlaps(folded, start, end):
                continue  # 森美|蘭州|務大臣: the state 森美蘭 holds the first character
            if info.kind in (FOREIGN, WEAK) and self._opens_region(folded, start, end):
                continue  # 羅馬|尼亞: a country's name opens with the city's
            if end - start == 2 and folded[start] in TERRITORY_LEADS and self._opens_region(folded, start + 1, end):
                continue  # 全|澳洲: the short name of 全澳 (all of Macau) opens a country's
            if info.kind in (FOREIGN, WEAK) and (self._person_in_list(folded, start, end)
                                                 or reporter_given_name(folded, start, end)
                                                 or reporter_full_name(folded, start, end)):
                continue  # 市領導王炳松、方|桂林、…, 記者丁|朝霞, 記者 沈陽 攝: a surname and the name make a person's name
            if info.kind in (FOREIGN, WEAK) and start and self._minister_across(folded, start):
                continue  # 外|長沙|倫賽: a foreign minister's title, and his name spelled after it
            if info.kind in (FOREIGN, WEAK) and self._after_honorific(folded, start):
                continue  # 拿督斯|里諾|萊妮: a Malaysian honorific and the name after it make a person
            if info.kind in (FOREIGN, WEAK) and (folded.endswith(_malay_name_heads(), 0, start)
                                                 or folded.endswith(_malay_name_heads(), 0, start + 1)):
                continue  # 阿都|拉薩|拉曼: the head of a Malay name, and the rest of the person's name after it
            if info.kind in (FOREIGN, WEAK) and (
                    folded[start - 1:start] in NAME_DOTS and start - 1 not in by_end
                    or folded[end:end + 1] in NAME_DOTS and end + 1 not in by_start):
                continue  # 史蒂芬·米蘭, 米蘭·昆德拉: a part of a transliterated person's name (not 台北‧上海)
            if info.country == "CN" and folded[end - 1:end] in RIVER_LAST_CHARS \
                    and self._names_river(folded, start, end, by_start, by_end):
                continue  # 洞庭湖水系澧水、|沅江, 沅江|流域: the river the city is named after
            if info.kind in (FOREIGN, WEAK) and typhoon_on_page and self._in_typhoon_name(folded, start, end):
                continue  # 颱風樺加沙 ... 樺加沙成為今年風王: the typhoon's name holds 加沙, no city
            if info.name in districts and info.kind in (FOREIGN, WEAK) and CITY_SUFFIX not in folded[end - 1:end + 1]:
                continue
            if info.kind in (FOREIGN, WEAK) and info.country not in ("HK", "MO") and folded[start:end] in _hk_places() \
                    and self._hong_kong_place(doc, start, end):
                continue  # 新地馬鞍山新盤: on a Hong Kong page, the new town of Sha Tin, no Anhui city (柯士甸: no Austin)
            if info.country == "CN" and info.kind in (FOREIGN, WEAK) and info.name not in mainland_municipalities() \
                    and self._after_municipality(start, by_end):
                continue  # 北京|朝陽, 天津|和平: a municipality holds districts and counties, no city; a name right after it is its district's
            if info.kind in (FOREIGN, WEAK) and CONSTITUENCY in folded[max(0, start - CONSTITUENCY_REACH):start] \
                    and self._in_constituency_list(folded, start):
                continue  # 選區是拉務、金馬士: seats of a legislature, named after their towns
            if info.kind in (FOREIGN, WEAK) and (info.prefecture_homonym or info.kind == WEAK) \
                    and CITY_SUFFIX not in folded[end - 1:end + 1] and self._in_prefecture_list(folded, start, end):
                continue  # 靜岡、岡山等縣 / 檳城、吉打、霹靂: prefectures and states, not cities (大阪府與大阪市: its 市 names the city)
            if info.country == "CN" and folded[start:end] in mainland_provinces(with_aliases=True) and _in_province_list(folded, start, end):
                continue  # 浙江、吉林、上海等省份: the province of the city's name, no city
            if info.kind == SHORT and folded[start:end] in _counties_by_short_form() and (
                    _before_township(folded, end) or _counties_by_short_form()[folded[start:end]].name in counties_only):
                # 嘉義|竹崎鄉: the county's township; or a page of 嘉義縣政府 that never names the city
                info = _counties_by_short_form()[folded[start:end]]
            if info.kind in (FULL, FOREIGN, WEAK) and end - start > 2 and (
                folded[end - 1:end + 1] in TITLE_AFTER_SUFFIX or folded[end - 1:end + 2] in TITLE_AFTER_SUFFIX
            ):
                end -= 1  # 桃園|市長, 福岡|市長: the 市 belongs to the title, so spans nest, never cross
            yield doc.entity(
                "city", start, end, info.name, RULES[info.kind],
                country=info.country, level=info.level,
            )
        yield from self._unlisted(doc, kept)
        yield from self._dateline_towns(doc, kept)

    @staticmethod
    def _hong_kong_place(doc: Document, start: int, end: int) -> bool:
        """A bare name (no 市 after it, no province before it) on a page whose money is Hong Kong's."""
        folded = doc.folded
        if folded[end:end + 1] == CITY_SUFFIX or any(folded.endswith(p, 0, start) for p in mainland_provinces(with_aliases=True)):
            return False
        from .money.region import page_region  # (money's module imports no city code: no cycle; loaded on a hit only)
        return page_region(doc).name == "HK"

    @staticmethod
    def _repeated_weak(doc: Document, kept) -> frozenset[str]:
        """The weak mainland names a Simplified page writes REPEATED_WEAK_MIN times or more that are no
        common word nor a region's name (see REPEATED_WEAK_MIN)."""
        counts: dict[str, int] = {}
        folded = doc.folded
        for start, end, info in kept:
            if info.kind == WEAK and info.country == "CN":
                counts[folded[start:end]] = counts.get(folded[start:end], 0) + 1
        if not counts or max(counts.values()) < REPEATED_WEAK_MIN or doc.script != "simplified":
            return frozenset()
        context = place_context()
        common = common_words()
        everyday = everyday_words()  # (no name a page repeats is one)
        names = {written for written, n in counts.items()
                 if n >= REPEATED_WEAK_MIN and written not in common and written not in everyday
                 and written not in context.regions and written[-1] not in NATURAL_FEATURE_LAST_CHARS}
        return frozenset(info.name for start, end, info in kept if folded[start:end] in names)

    def _weak_alone(self, folded: str, start: int, end: int, after_words) -> bool:
        """A weak name on its own: no word after it holds it (宁国|府 is a mansion), nor a word across it."""
        return not (after_words.at(folded, end) or self._admin_suffix(folded, end) or self._glued(folded, start, end))

    @staticmethod
    def _names_river(folded: str, start: int, end: int, by_start, by_end) -> bool:
        """The name ending in 江 or 河 at ``start:end`` names a river (see RIVER_LAST_CHARS): a river word
        before or after it, or a river listed next to it that no city or region ends (澧水、沅江; not
        浙江、晉江 nor 湛江、九江)."""
        if folded.startswith(RIVER_AFTER, end) or folded.endswith(RIVER_BEFORE, 0, start):
            return True
        context = place_context()

        def river_item(item_end: int, item_start: int | None) -> bool:
            if item_start is not None:  # the item after the name: its end is where a river's last character is
                stop = item_start
                while stop < len(folded) and stop - item_start < 4 and is_han(folded[stop]) \
                        and folded[stop] not in LIST_SEPARATORS:
                    stop += 1
                if stop in by_end or item_start in by_start:
                    return False
                item_end = stop
            if item_end < 2 or folded[item_end - 1] not in RIVER_ITEM_LAST_CHARS or item_end in by_end:
                return False
            return not any(folded[item_end - n:item_end] in context.regions for n in context.region_lengths
                           if n <= item_end)

        return (folded[start - 1:start] in LIST_SEPARATORS and river_item(start - 1, None)
                or folded[end:end + 1] in LIST_SEPARATORS and river_item(0, end + 1))

    @staticmethod
    def _counties_named_alone(kept) -> frozenset[str]:
        """The counties whose short form a city shares (嘉義縣, 新竹縣) that the page names in full or by
        abbreviation (嘉縣) while it never so names the city (嘉義市, 嘉市): there the bare short form
        (首部曲嘉義) is the county's."""
        counties = {info.name for info in _counties_by_short_form().values()}
        written = {info.name for _, _, info in kept if info.kind in (FULL, ABBREVIATION)}
        return frozenset(county for county in counties & written if county[:-1] + "市" not in written)

    def _dateline_towns(self, doc: Document, kept) -> Iterator[Entity]:
        """A town no gazetteer lists that opens a bracketed dateline, as the Malaysian and Hong
        Kong press write them: (居鑾8日訊), （昔加末12日電）. States and countries are no towns."""
        folded = doc.folded
        if "(" not in folded:
            return
        context = place_context()
        for match in BRACKET_DATELINE.finditer(folded):
            start, end = match.span(1)
            name = match.group(1)
            if name in context.regions or any(a < end and start < b for a, b, _ in kept):
                continue
            yield doc.entity("city", start, end, doc.text[start:end], "city.dateline", country=None, level=None)

    def _unlisted(self, doc: Document, kept) -> Iterator[Entity]:
        """A city no gazetteer lists, named with its 市 right after a country, province or a
        city abroad: 美國加州庫比蒂諾市, 澳洲墨爾本某某市 (not 日本大城市: 城市 is a word)."""
        folded = doc.folded
        if CITY_SUFFIX not in folded:
            return
        context = place_context()
        # (not after a mainland city: the gazetteer lists all of the mainland's cities, and what follows one
        # is its own office: 中山市|政府副市長 holds no city 政府副市)
        foreign_ends = {end for _, end, info in kept if info.country not in ("TW", "CN")}
        spans = [(start, end) for start, end, _ in kept]
        common = common_words()
        position = folded.find(CITY_SUFFIX)
        while position != -1:
            if folded.startswith(MARKET_WORD, position):
                # 美國茶飲|市場: 市 opens the word 市場 (a market), it ends no city's name
                position = folded.find(CITY_SUFFIX, position + 1)
                continue
            for length in (3, 2):
                start = position - length
                if start < 2:
                    continue
                # The place before the name first: most 市 follow none (臺北市, 市長).
                anchored = start in foreign_ends or folded[start - 1] in context.region_last_chars and any(
                    folded[start - n:start] in context.regions and folded[start - n:start] not in HOME
                    for n in context.region_lengths if n <= start)
                name = folded[start:position]
                if not anchored or not all(is_han(ch) for ch in name) or CITY_SUFFIX in name \
                        or not PARTICLES.isdisjoint(name):  # 威海市|委的是|市委: a clause, no name
                    continue  # ...公主城|市政廳|市長: a name holding 市 is the council's, no city
                if name in common or name[-1] + CITY_SUFFIX in common or name[-1] + CITY_SUFFIX in market_words() \
                        or name[-2:] in common or name[-2:] + CITY_SUFFIX in town_kinds() \
                        or any(a < position + 1 and start < b for a, b in spans):
                    break
                end = position if folded[position + 1:position + 2] in MAYOR_AFTER else position + 1
                yield doc.entity("city", start, end, doc.text[start:position + 1], "city.unlisted",
                                 country=None, level=None)
                break
            position = folded.find(CITY_SUFFIX, position + 1)

    def _accept(self, folded, start, end, info, after_words, abbreviation_after, prefectures) -> bool:
        if info.kind == FULL:
            return not _municipal_venue_at(folded, end)  # 嘉義市|立棒球場: the venue's name holds the city's
        if _facility_after().match(folded, end):
            return False  # 廣州|白雲機場: the airport's name holds the city's
        if info.kind == SHORT:
            return not after_words.at(folded, end) or (
                folded[start - 1:start] == STATIONED and folded.startswith(ECONOMIC_CULTURAL, end))
        if info.kind == ABBREVIATION:
            townships, lengths = _townships()
            if any(n > end - start and folded[end - n:end] in townships for n in lengths):
                return False  # 竹北市長 is the mayor of a township, not of 臺北市
            if folded.startswith(_abbreviation_not_after(), end):
                return False  # 高市首相 is Japan's prime minister 高市早苗
            if folded.startswith(_abbreviation_word_opened(), end - 1) and not folded.startswith(
                    _abbreviation_word_not_opened(), end - 1):
                return False  # 以高|市場估值: the 市 opens a market word, the 高 is "high"
            before = folded[start - 1:start]
            if before and before + folded[start] in common_words():
                return False  # 提高|市民, 其中|市長: the first character closes a word begun before it
            if before and is_han(before):
                if _first_char_closes(folded, start, "abbreviation_word_closed"):
                    return False  # 保證金|縣長: the 金 ends a word of money, no 金門縣
            at_boundary = not before or not is_han(before) or before in FUNCTION_CHARS \
                or folded[start - 2:start] in VISIT_VERBS
            # 三訪竹市!: punctuation after it ends the abbreviation as well as before it
            closed = folded[end:end + 1] in CLOSING_PUNCTUATION
            return at_boundary or closed or abbreviation_after.at(folded, end)
        if info.kind in (ENGLISH, LATIN):
            return True
        if info.kind == WEAK:
            if end - start >= 3 and folded[end - 1] == CITY_SUFFIX and folded.startswith(CITY_BODIES_AFTER, end):
                return True  # 禹城市委, 肥城市人民政府: the city's party committee or government names the city
            # 崑山 alone may be a word; 江蘇崑山, 日本岡山 or a dateline (福州3月2日電) make it the city.
            # (霹靂|海南會館: a Malaysian region before a place abroad names its origin, no anchor)
            if self._own_region_after_country(folded, start, end):
                return False  # 美國|德州 is Texas, a state of the country before it, no 德州 (山東)
            region_before = self._region_before(folded, start, end, info.country)
            # (山東|海陽: a province right before the name is how places are named, though 東海 is a word)
            district = self._malaysian_district(info, folded, end)
            if after_words.at(folded, end) or self._admin_suffix(folded, end) and not district or (
                    self._glued(folded, start, end) and not region_before) or folded.startswith(_dish_after(), end):
                return False
            # a Malaysian state's name opening a dateline ((馬六甲10日訊), as (柔佛8日訊)) is the state's, not its
            # capital's of the same name: Malaysian papers date a story by its state
            dateline = self._dateline(folded, end) and not (
                info.country in STATE_DATELINE_COUNTRIES and folded[start:end] in place_context().prefectures)
            return dateline or region_before or district or (
                info.country == "CN" and folded.startswith(DELEGATION, end))
        # Foreign: 青森縣 / 大阪府 are prefectures; so is a bare 青森 in a page that
        # speaks of 青森縣 (the prefecture's capital shares its name). 史丹佛大學 is no 丹佛.
        if self._admin_suffix(folded, end) and not self._malaysian_district(info, folded, end) \
                or after_words.at(folded, end) and not (
                    info.country in CITY_TERRITORIES and folded.startswith(MARKET_WORD, end)) \
                or self._in_storm_name(folded, start) \
                or folded.startswith(_dish_after(), end) or self._epithet(folded, start, end):
            return False
        if folded.startswith("(", end) and AGE_BRACKET.match(folded, end):
            return False  # 阿夫里茲(36歲): a person's name before an age, no 里茲 (Leeds)
        if start and _first_char_closes(folded, start, "foreign_word_closed"):
            return False  # 淹水|戶數, 停水|戶: a water word's 水 with 戶 (households) or 原因, no 水戶 (Mito), 水原
        if (info.country != "CN" and self._district_after(folded, end) and start and is_han(folded[start - 1])
                and folded[start - 1] not in FUNCTION_CHARS and not self._region_before(folded, start, end)):
            return False  # 萬|柏林|區 (Taiyuan's 萬柏林區): a foreign city's name inside a mainland district's
        if info.country == "JP" and self._district_after(folded, end):
            return False  # 新津區 (Chengdu), 松山區 (Chifeng): a Japanese city's name before 區 is a district's (Japan's
            # wards are named 北區, 中央區, never after a city)
        if (info.generated and self._glued(folded, start, end) or self._glued(folded, start, end, both=True)) \
                and not self._region_before(folded, start, end):
            return False  # 很|大分|歧: 很大 and 分歧 take each character of even a listed name (but 浙江|湖州)
        if end - start == 2 and folded[start - 1:start + 1] in common_words() and (
                folded[start:end] != fold(info.name)
                or info.prefecture_homonym and folded[start - 1] not in ARRIVAL_CHARS):
            return False  # 日|本港口, 基|本港務: an alias's first character closes a word begun before it; so does
            # a prefecture's homonym city's, unless a verb of travel begins that word (豐|富山海; but 來|京都)
        if info.prefecture_homonym and info.name in prefectures and not self._dateline(folded, end) \
                and CITY_SUFFIX not in folded[end - 1:end + 1]:
            return False  # a bare 青森 on a page of 青森縣 is the prefecture; 青森市 (青森|市長) with its 市 is the city
        if (folded[end - 1] == VILLAGE and start and is_han(folded[start - 1]) and folded[start - 1] not in FUNCTION_CHARS
                and (folded[start - 2:start - 1] in VILLAGE_PARENTS or folded.startswith(VILLAGE_AFTER, end))):
            return False  # 士林區福|德里, 福|德里里長: a village's name, no Delhi
        if start and is_han(folded[start - 1]) and folded[start - 1] not in FUNCTION_CHARS and any(
                folded[start - k:end] + PROVINCE in folded for k in (2, 1)):
            return False  # 巴地|頭頓 on a page that writes 巴地頭頓省: the province's name holds the city's
        # A foreign name glued inside a longer Han word is usually another word.
        return True

    @staticmethod
    def _in_typhoon_name(folded: str, start: int, end: int) -> bool:
        """The name, with the one or two Han characters before it, is a typhoon's name that the
        page writes right after or before 颱風, quoted or not (強烈颱風樺加沙, 樺加沙颱風, 颱風「樺加沙」)."""
        for k in (1, 2):
            if start < k or not all(is_han(ch) for ch in folded[start - k:start]) or folded[start - k] in _storm_verbs():
                break  # (颱風襲|東京: the storm's verb, then the city it strikes)
            name = folded[start - k:end]
            if any(TYPHOON + opening + name in folded or name + closing + TYPHOON in folded
                   for opening, closing in TYPHOON_NAME_QUOTES):
                return True
        return False

    @staticmethod
    def _person_in_list(folded: str, start: int, end: int) -> bool:
        """A two-character name that is the given name of an item of a list of people
        (、方|桂林、, 市領導李|長春、): a list comma (or 領導), a surname, the name, then a comma or 等."""
        return (end - start == 2 and start >= 2
                and (folded[start - 2] in NAME_LIST_COMMAS or folded.startswith(LEADERS, start - 1 - len(LEADERS)))
                and folded[start - 1] in official_grammar().surnames
                and (end == len(folded) or folded[end] in NAME_LIST_ENDS))

    @staticmethod
    def _after_honorific(folded: str, start: int) -> bool:
        """A Malaysian honorific (拿督斯里, 丹斯里) ends right before ``start`` or on its first
        character: what follows is a person's name."""
        honorifics = official_grammar().han_honorifics  # (as OfficialExtractor._honorific_before reads them)
        return folded.endswith(honorifics, 0, start) or folded.endswith(_long_honorifics(), 0, start + 1)

    @staticmethod
    def _in_storm_name(folded: str, start: int) -> bool:
        """A storm word (颱風) ends up to STORM_NAME_REACH Han characters before ``start``: the
        name is part of the storm's (超強颱風樺加沙 is no 加沙)."""
        for gap in range(STORM_NAME_REACH + 1):
            at = start - gap
            if at < 0 or gap and (not is_han(folded[at]) or folded[at] in _storm_verbs()):
                return False  # 颱風襲|東京: the storm's verb, then the city it strikes
            if folded.endswith(_storm_words(), 0, at):
                return True
        return False

    @staticmethod
    def _admin_suffix(folded: str, end: int) -> bool:
        """青森縣, 大阪府, 東京都: a prefecture or state; but 吉隆坡都有 is 都 the adverb."""
        suffix = folded[end:end + 1]
        if suffix not in ADMIN_SUFFIXES:
            return False
        if suffix == METROPOLIS:  # 東京都知事, 東京都內, 東京都, — not 都有, 都是
            following = folded[end + 1:end + 2]
            return not is_han(following) or following in METROPOLIS_AFTER
        return True

    @staticmethod
    def _origin_region(region_country: str | None, country: str | None) -> bool:
        """A Malaysian or Singaporean region before a place of another country names where a clan
        association's members came from (霹靂海南會館, 馬來西亞海南會館), not where the place is."""
        return country is not None and region_country in ORIGIN_ONLY_COUNTRIES and region_country != country

    @staticmethod
    def _malaysian_district(info: CityInfo, folded: str, end: int) -> bool:
        """昔加末縣, 萬捷縣: in Malaysia a 縣 is a district, a county-level place named after its seat,
        not a prefecture or state; and a town's council (居林市議會, context.tsv malaysian_council) is named after it."""
        return info.country == "MY" and folded.startswith(_malaysian_councils(), end)

    @staticmethod
    def _district_after(folded: str, end: int) -> bool:
        """區 follows as a district's suffix (朝陽區), not as a word's first character (杭州區域)."""
        return folded[end:end + 1] == DISTRICT and folded[end:end + 2] not in DISTRICT_WORDS

    @staticmethod
    def _glued(folded: str, start: int, end: int, both: bool = False) -> bool:
        """A two-character name from a generated list whose characters each also make an
        everyday word with their neighbour (南|北安|全: 南北, 安全) is part of other words;
        ``both``: each of its two characters does (很|大分|歧: 很大, 分歧)."""
        if end - start != 2:
            return False
        common = common_words()
        if both:
            return folded[start - 1:start + 1] in common and folded[end - 1:end + 1] in common
        return folded[start - 1:start + 1] in common or folded[end - 1:end + 1] in common

    @staticmethod
    def _epithet(folded: str, start: int, end: int) -> bool:
        """A nickname for a meeting held elsewhere (「沙漠達沃斯」, 夏季達沃斯論壇): an epithet_before word before
        the name, closed by a quote or followed by the meeting's word (夏季|巴黎 alone is Paris in summer)."""
        return folded.endswith(_epithet_before(), 0, start) and (
            folded[end:end + 1] in EPITHET_ENDS or folded.startswith(EPITHET_MEETINGS, end))

    @staticmethod
    def _dateline(folded: str, end: int) -> bool:
        return DATELINE_AFTER.match(folded, end) is not None

    @staticmethod
    def _region_before(folded: str, start: int, end: int, country: str | None = None) -> bool:
        """A province, state or country right before the name, or before the bracket that opens it
        (江蘇崑山; 中國(安陸)銀杏節, the mainland's way of naming an event's host city), or 的 (韓國的晉州)."""
        context = place_context()
        if folded[start - 1:start] == OF and folded[start:end] in common_words():
            return False  # 臺灣和日本的合作: 合作 after 的 is the word, not the town
        if folded[start - 1:start] in WRITTEN_OUT_REGION_ENDS and folded[start:end] in common_words() \
                and folded[end:end + 1] != CITY_SUFFIX:
            return False  # 與黑龍江省合作: after a province written out, the word (湖南省長沙市 is the city)
        word = folded[start:end] in common_words() and folded[end:end + 1] != CITY_SUFFIX
        if folded[start - 1:start] in REGION_LINKS:
            start -= 1  # 中國(安陸), 韓國的晉州
        return any(
            start >= n and folded[start - n:start] in context.regions
            and not CityExtractor._origin_region(context.region_countries.get(folded[start - n:start]), country)
            and not (word and folded[start - n - 1:start - n] in PARTNER_PREPOSITIONS)  # 與中國|合作: the verb
            for n in context.region_lengths
        )

    @staticmethod
    def _own_region_after_country(folded: str, start: int, end: int) -> bool:
        """The name is itself a region (a state, province or prefecture: regions.tsv) of the country or
        region named right before it (美國|德州: Texas; not 山東|德州, 韓國的|晉州, which no region list has)."""
        context = place_context()
        country = context.region_countries.get(folded[start:end])
        return country is not None and any(
            start >= n and context.region_countries.get(folded[start - n:start]) == country for n in context.region_lengths)

    @staticmethod
    def _minister_across(folded: str, start: int) -> bool:
        """The name's first character ends a title after which a transliterated name may follow
        (外長, 防長), and three transliteration characters run from its second: 外長|沙倫賽."""
        g = official_grammar()
        name = folded[start + 1:start + 4]
        return (len(name) == 3 and all(ch in g.translit_chars for ch in name)
                and any(folded.endswith(title, 0, start + 1) for title in g.translit_titles if len(title) > 1))

    @staticmethod
    def _listed_with_city(folded: str, start: int, end: int, info: CityInfo, by_start, by_end) -> bool:
        """A weak name listed next to a city of its country (古來及士乃, 怡保、太平), or the other end of
        a route from one (張家口至大同): the list is of towns, and so is the name. Only the weak name's
        own tests of a word are kept."""
        if info.generated and CityExtractor._glued(folded, start, end) or CityExtractor._admin_suffix(folded, end):
            return False
        neighbours = []
        if folded[start - 1:start] in NEIGHBOUR_SEPARATORS:
            neighbours.append(by_end.get(start - 1))
        if folded[end:end + 1] in NEIGHBOUR_SEPARATORS:
            neighbours.append(by_start.get(end + 1))
        return any(n is not None and n.kind in (FOREIGN, FULL) and n.country == info.country for n in neighbours)

    @staticmethod
    def _route_end(folded: str, start: int, end: int, info: CityInfo, by_start, by_end, ends) -> bool:
        """A weak name at one end of a line named by its two towns (盤州至興義鐵路): the other end is a weak
        name of the same country, and the kind of line follows the pair."""
        if folded[end:end + 1] in ROUTE_JOINERS and (other := by_start.get(end + 1)) is not None:
            return other.country == info.country and ROUTE_AFTER.match(folded, ends[end + 1]) is not None
        if folded[start - 1:start] in ROUTE_JOINERS and (other := by_end.get(start - 1)) is not None:
            return other.country == info.country and ROUTE_AFTER.match(folded, end) is not None
        return False

    @staticmethod
    def _after_municipality(start: int, by_end) -> bool:
        """The name stands right after a mainland municipality's (北京朝陽), with no 市 between."""
        before = by_end.get(start)
        return before is not None and before.country == "CN" and before.name in mainland_municipalities()

    @staticmethod
    def _after_own_prefecture(folded: str, start: int, end: int, info: CityInfo, by_end) -> bool:
        """A weak county-level city right after its own prefecture-level city (嘉興平湖, 寧波餘姚,
        泉州晉江): the mainland's way of placing one; another city before it (深圳|平湖, a
        subdistrict) places nothing, nor does its own before one that is now its district (杭州|臨安)."""
        before = by_end.get(start)
        return (before is not None and info.country == before.country == "CN"
                and mainland_county_prefectures().get(info.name) == before.name
                and fold(info.name) not in _districts_now() and not CityExtractor._admin_suffix(folded, end)
                and not _facility_after().match(folded, start))  # 泉州|晉江機場: the airport's name

    @staticmethod
    def _opens_region(folded: str, start: int, end: int) -> bool:
        """A country's or region's name that starts with the match and runs past it (羅馬尼亞 holds
        羅馬): the name is the region's beginning, not a city."""
        context = place_context()
        return any(folded[start:start + n] in context.regions for n in context.region_lengths if n > end - start)

    @staticmethod
    def _region_overlaps(folded: str, start: int, end: int) -> bool:
        """A state or province name that starts before the match and ends inside it or with it
        (森美蘭|州務大臣 and 馬里蘭州 hold 蘭州): the name is the end of the region's, not a city."""
        if not start or not is_han(folded[start - 1]):
            return False
        context = place_context()
        return any(
            folded[cut - n:cut] in context.regions
            for cut in range(start + 1, end + 1) if folded[cut - 1] in context.region_last_chars
            for n in context.region_lengths if cut - n < start and cut >= n
        )

    @staticmethod
    def _in_constituency_list(folded: str, start: int) -> bool:
        """The name is an item of a list that 選區是 (選區包括, 選區分別為) opens: a constituency's."""
        low = max(0, start - CONSTITUENCY_REACH)
        head = None
        for head in CONSTITUENCY_LIST_HEAD.finditer(folded, low, start):
            pass
        if head is None:
            return False
        return all(is_han(ch) or ch in LIST_SEPARATORS for ch in folded[head.end():start])

    @staticmethod
    def _in_prefecture_list(folded: str, start: int, end: int) -> bool:
        """The name is an item of an enumeration that is of prefectures or states: another item is
        a prefecture or state that is no city (岩手, 吉打), or the list ends in 等縣, 縣, 州."""
        pure = _pure_prefectures()
        items: list[str] = []
        pos = start  # items to the left
        while pos and folded[pos - 1] in LIST_SEPARATORS:
            item_end, item_start = pos - 1, pos - 1
            while item_start and is_han(folded[item_start - 1]) and item_end - item_start < MAX_ITEM \
                    and folded[item_start - 1] not in LIST_SEPARATORS:
                item_start -= 1
            if item_start == item_end:
                break
            items.append(folded[item_start:item_end])
            pos = item_start
        pos = end  # items to the right
        while folded[pos:pos + 1] in LIST_SEPARATORS and folded[pos:pos + 1]:
            item_start = item_end = pos + 1
            while item_end < len(folded) and is_han(folded[item_end]) and item_end - item_start < MAX_ITEM \
                    and folded[item_end] not in LIST_SEPARATORS:
                item_end += 1
            if item_end == item_start:
                break
            items.append(folded[item_start:item_end])
            pos = item_end
        if not items:
            return False
        for item in items:
            for n in range(2, len(item) + 1):
                if item[-n:] in pure or item[:n] in pure:
                    return True
        # The words right after the list: 青森、岩手、秋田等縣.
        tail = items[-1] if folded[end:end + 1] in LIST_SEPARATORS else folded[end:end + 3]
        return any(word in tail for word in PREFECTURE_LIST_END)

