"""Whose money a page's bare 元 is: the page's region, from the page's own signals.

In order: a declaration (``（單位：港元）``, ``（人民幣，下同）``, ``所有金額均以港元列示``) names the currency
itself; else the region of the place in the page's dateline (``(檳城11日訊)``,
``(中央社記者新加坡17日專電)``: where the story was filed beats who filed it); else the
region most named by strong signals (the outlet or wire service of the page: 中新社,
星洲日報); else the script's region
(Taiwan for Traditional, the mainland for Simplified), unless weak signals (places,
institutions, market and currency words) name another region at least ``WEAK_LEAD``
times and twice as often as the script's own (a Simplified copy of a Taiwanese page
full of 台股 and 台北 is still Taiwanese). Hong Kong's market words (港元, 港股, 港交所)
are no signal on a Simplified page that writes 港元 by name: the mainland's press names
the amounts of a Hong Kong listing so.
Within a page, a bare amount in a sentence that names a government before it (港府,
澳門特區政府, 國務院) is that government's money (``government_before``).
The signal words are ``money/region_signals.tsv``; the regions ``money/regions.tsv``.
"""
from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass

import regex

from ...document import Document
from ...fold import script_chars
from ...resources import load_table
from ..base import Gazetteer, alternation, compile_folded, longest_non_overlapping
from ..lexicon import city_gazetteer, company_dictionary
from .grammar import grammar

WEAK_LEAD = 3  # weak signals that may move a page off its script's region
WEAK_LEAD_ALONE = 2  # ... and on a Traditional page with no weak signal of Taiwan at all (香港, 尖沙咀)
# Regions whose own press writes Simplified: a Simplified page that names one of them and no other place
# (not the mainland, not Taiwan by its wording) moves on WEAK_LEAD_ALONE too (新加坡 … 總理黃循財: a short page of 聯合早報 or 8視界).
# Hong Kong and Macau write Traditional: a Simplified page about them is more often the mainland's report.
SIMPLIFIED_PRESS = frozenset({"MY", "SG"})
# Folded text that any dateline holds: the dateline pattern runs only on pages with one.
DATELINE_MARKERS = ("日讯", "日电", "专电", "日综合", "讯)", "讯】", "报道)", "报导)")
NO_SIGNAL = "none"  # a common word that holds a signal word (新元素 holds 新元): no signal
# A place's currency, market and exchange words (港元, 港股, 港交所): weak, but no signal on a page of this script
# that writes that place's currency by name (每股263港元): the mainland's press names a Hong Kong listing's
# amounts so and keeps its bare 元 for the yuan (a Hong Kong results brief's copy in this script, 港股某某
# 純利2.5億元, names no 港元 and stays Hong Kong's)
MARKET = "market"
MARKET_SILENT_SCRIPT = "simplified"
# A region's press wording that others share (同比增長, 環比下降: the mainland's, and Singapore's and Malaysia's
# Simplified press write it too): weak, but only on a page in another script than the region's own (a
# Traditional copy of a mainland results story)
STYLE = "style"
# A market's connect channel (北向資金, 滬股通: the northbound money that buys mainland shares): no vote for the
# page (a Hong Kong or Taiwanese market page reports it too), but a bare amount in a sentence that names it
# before the amount is that market's money, as a government's is (北上資金淨流入80億元 is yuan on any page)
CHANNEL = "channel"
SENTENCE_STRENGTHS = ("government", CHANNEL)
SHARED = "|"  # HK|MO: a word of both places (特區政府), counted for the one the page names most
# ... and, on a page that names none of them, for this one: Hong Kong's press writes most of the pair's
# news, and its listed companies (Macau's casino operators among them) report in HKD (銀河娛樂 ... 按年升).
# Malaysia's and Singapore's shared words (國會議員) stay uncounted: Taiwan's news writes them of any country.
UNNAMED_SHARED_LEAN = {("HK", "MO"): "HK"}
# Countries whose towns the city gazetteer knows far beyond the signal words (which list only Malaysia's large
# cities): a dateline place that is wholly one of its towns, (鵝嘜30日訊), (古來12日訊), places the page there.
DATELINE_TOWN_COUNTRIES = frozenset({"MY"})
# A Hong Kong stock code in brackets after a name, the house style of Hong Kong's financial press
# (銀河娛樂（027）, 銀娛（0027）, 滙控(00005)): strong, as an outlet is. Only codes 1-99, in any width but
# the four-digit 0050-0099 (Taiwan's ETFs are 0050, 0056, 00878: Taiwan writes no 3-digit code and no 000xx);
# and the five-digit codes 01000-09999 (中國銀行(03988), 中銀香港(02388): Taiwan's five-digit codes are its ETFs',
# 00xxx); not a telephone's area code (電話(037)-123456, (049)2345678).
HK_TICKER = regex.compile(r"(?<=\p{Han})\((?:0\d\d|00[0-4]\d|000\d\d|0[1-9]\d{3})\)(?![\d\-])")
# A place right before a plant word (緯穎馬來西亞廠, 檳城新廠, 墨西哥廠房) names where a firm makes things, the
# plant news of a Taiwanese or mainland maker, not where the page is from: no signal for a region other than
# the script's own (folded text)
PLANT_AFTER = ("厂", "新厂", "二厂", "三厂")
# A mainland place right before a street word (花蓮市重慶路, 台北市南京東路, 杭州南路) names a Taiwanese street, as many
# are named after mainland cities and provinces: no mainland signal on a page of another script (folded text;
# not 路演, a roadshow, nor 路线, 路透, nor 街头 or 街道: a street scene or a mainland subdistrict of that city)
STREET_AFTER = regex.compile(r"[东西南北中]?路(?![演线透])|[东西南北中]?街(?![头道舞区])")
# How far around a weak signal of another region a company's name that holds it is sought (TCL中環 holds 中環)
COMPANY_REACH = 8
# The place of a dateline: what stands between its bracket and its day
DATELINE_PLACE = regex.compile(r"[(【]?[ ]?(\p{Han}{2,12}?)[ ]?\d")


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    currency: str   # a bare 元
    dollar: str     # a bare $
    yen: str        # a bare ¥
    slash: str = "m/d"  # how n/n/yyyy reads: m/d or d/m (3/12/2025 is 3 December in Hong Kong)
    script: str = ""  # the script whose pages default to this region (TW: traditional), if any

    def symbol(self, code: str) -> str:
        """What the currency table's DOLLAR ($) or YEN (¥) is in this region."""
        return self.dollar if code == "DOLLAR" else self.yen


@dataclass(frozen=True, slots=True)
class _Signals:
    regions: dict[str, Region]
    by_script: dict[str, str]           # script -> its region
    by_currency: dict[str, str]         # currency -> the region whose money it is
    words: Gazetteer                    # folded word -> (region, strength)
    dateline: regex.Pattern
    declaration: regex.Pattern


@functools.cache
def _signals() -> _Signals:
    regions, by_script = {}, {}
    for row in load_table("money/regions.tsv"):
        regions[row["region"]] = Region(row["region"], row["currency"], row["dollar"], row["yen"], row["slash"],
                                       row["script"])
        if row["script"]:
            by_script[row["script"]] = row["region"]
    names = [surface for surface, cur in grammar().currencies.items()
             if cur.kind in ("name", "code") and cur.code in {r.currency for r in regions.values()}]
    # (美元.下同), 金額均以美元列示 declare the page's money in any currency; a 單位 names a region's only
    # (單位:美元 heads one table as often as a page)
    any_names = [surface for surface, cur in grammar().currencies.items() if cur.kind in ("name", "code")]
    return _Signals(
        regions=regions,
        by_script=by_script,
        by_currency={r.currency: r.name for r in regions.values()},
        words=Gazetteer((row["word"], (row["region"], row["strength"]))
                        for row in load_table("money/region_signals.tsv")),
        # (檳城11日訊), (新山5日讯), 中新社江蘇昆山6月23日電: the place a page was filed from;
        # bracketed, the day may be left out: (澳門綜合報道), (新加坡訊)
        dateline=compile_folded(
            r"[(【]?[ ]?\p{Han}{2,12}?[ ]?\d{1,2}(?:月\d{1,2})?日(?:專電|綜合外電報導|綜合報導|[訊電])[ ]?[)】]?"
            r"|[(【][ ]?\p{Han}{2,8}?(?:綜合報道|綜合報導|專訊|訊)[ ]?[)】]"
        ),
        # (單位:港元), 單位:新臺幣億元, (人民幣,下同), (美元.下同), 澳門元(下同): the page says whose money its 元 is;
        # so does a listed company's results release: 所有金額均以港元列示 (呈列: as its statements word it)
        declaration=compile_folded(
            f"單位[ ]?[:]?[ ]?(?:[百千萬億兆]+)?(?P<a>{alternation(names)})"
            f"|(?P<b>{alternation(any_names)})[ ]?[(]?[ ]?[,、.·]?[ ]?下同"
            f"|金額(?:均|皆|全部)?以(?P<c>{alternation(any_names)})(?:列示|呈列|列報)"
        ),
    )


def page_region(doc: Document) -> Region:
    """The region whose money the page's bare 元 is (computed once per document)."""
    return doc.cached("money.region", lambda: _page_region(doc))


def government_before(doc: Document, pos: int) -> tuple[int, Region] | None:
    """Where the last region signal before ``pos`` starts and its region, when that signal
    is a government (港府, 國務院) or a market's channel (北向資金); None when it is a place (臺北市編列...: the amount is
    that place's), when there is none, or when the page declares its currency (a
    declaration covers every amount)."""
    page = doc.cached("money.page", lambda: _scan(doc))
    if page.declared is not None:
        return None
    i = bisect.bisect_left(page.signal_starts, pos) - 1
    if i < 0 or page.signals[i][1] not in SENTENCE_STRENGTHS:
        return None
    return page.signal_starts[i], _signals().regions[page.signals[i][0]]


# A line wholly in Simplified on a Traditional page (a mainland feed's "related news" list at a Hong Kong or
# Macau page's foot: 某某人寿连收罚单…被罚65万元) is the mainland's: at least this many characters of
# Simplified only, none of Traditional only
SIMPLIFIED_LINE_CHARS = 3


def simplified_line(doc: Document, pos: int) -> bool:
    """Whether the line around ``pos`` is a Simplified line on a Traditional page that declares no currency."""
    if doc.script != "traditional" or doc.cached("money.page", lambda: _scan(doc)).declared is not None:
        return False
    return doc.cached("money.simplified_lines", lambda: _SimplifiedLines(doc.text)).at(pos)


class _SimplifiedLines:
    """Each line's verdict, counted once per page: a page of one long line has many amounts on that line."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.start() for m in regex.finditer("\n", text)]
        self.verdicts: dict[int, bool] = {}

    def at(self, pos: int) -> bool:
        i = bisect.bisect_left(self.ends, pos)
        verdict = self.verdicts.get(i)
        if verdict is None:
            start = self.ends[i - 1] + 1 if i > 0 else 0
            end = self.ends[i] if i < len(self.ends) else len(self.text)
            simplified, traditional = script_chars(self.text[start:end])
            verdict = self.verdicts[i] = simplified >= SIMPLIFIED_LINE_CHARS and traditional == 0
        return verdict


@dataclass(frozen=True, slots=True)
class _Page:
    declared: str | None                 # the region (or currency) a declaration names
    strong: Counter
    weak: Counter
    styled: Counter                      # STYLE signals of a region other than the script's own
    placed: Counter                      # the places of datelines ((中央社記者新加坡17日專電): 新加坡)
    shared: Counter                      # (HK, MO) -> how often words of both places occur
    signal_starts: list[int]             # where each signal word starts, in order
    signals: list[tuple[str, str]]       # its (region, strength)


def _scan(doc: Document) -> _Page:
    s = _signals()
    text = doc.folded
    datelines = []
    if any(marker in text for marker in DATELINE_MARKERS):
        datelines = [m.span() for m in s.dateline.finditer(text)]
    strong, weak, styled, placed, shared = Counter(), Counter(), Counter(), Counter(), Counter()
    starts, regions = [], []
    # the longest word wins where two overlap: 香港經濟日報 is not 經濟日報
    matches = longest_non_overlapping(s.words.matches(text))
    silent = _currency_named_regions(s, text, matches) if doc.script == MARKET_SILENT_SCRIPT else ()
    own = s.by_script.get(doc.script, s.by_script["traditional"])
    for start, end, payloads in matches:
        for region, strength in payloads:
            if strength == NO_SIGNAL or strength == MARKET and region in silent:
                continue
            if strength == CHANNEL:
                starts.append(start)
                regions.append((region, strength))
                continue
            if strength == STYLE:
                if region != own:
                    styled[region] += 1
                continue
            if strength == "weak" and region != own and (text.startswith(PLANT_AFTER, end)
                                                         or region == "CN" and STREET_AFTER.match(text, end)):
                continue
            if strength == "weak" and region != own and _inside_company_of_elsewhere(text, start, end, region):
                continue
            if SHARED in region:  # 特區政府, 行政長官: Hong Kong's or Macau's, settled by the page
                shared[tuple(region.split(SHARED))] += 1
                continue
            in_dateline = any(a <= start and end <= b for a, b in datelines)
            (strong if strength == "strong" or in_dateline else weak)[region] += 1
            if in_dateline and strength != "strong":
                placed[region] += 1
            starts.append(start)
            regions.append((region, strength))
    if datelines and not placed:
        placed.update(_dateline_town_countries(text, datelines))
    if "(0" in text:
        for m in HK_TICKER.finditer(text):
            strong["HK"] += 1
    return _Page(_declared(s, text), strong, weak, styled, placed, shared, starts, regions)


def _inside_company_of_elsewhere(text: str, start: int, end: int, region: str) -> bool:
    """Whether the signal word at start:end is part of a longer name of a company of another place
    (TCL中環 is a Shenzhen-listed maker: its 中環 is no sign of Hong Kong's Central); a company of the
    signal's own place (香港交易所) keeps it. Sought only in a window around the word."""
    low = max(0, start - COMPANY_REACH)
    window = text[low:end + COMPANY_REACH]
    for s, e, forms in company_dictionary().matches(window):
        s, e = s + low, e + low
        if s <= start and end <= e and e - s > end - start:
            if all(form.info.country and form.info.country != region for form in forms):
                return True
    return False


def _currency_named_regions(s: _Signals, text: str, matches) -> set[str]:
    """The regions whose currency one of the page's market words names (港元: Hong Kong)."""
    currencies = grammar().currencies
    named = set()
    for start, end, payloads in matches:
        for region, strength in payloads:
            if strength == MARKET and region in s.regions:
                currency = currencies.get(text[start:end])
                if currency is not None and currency.code == s.regions[region].currency:
                    named.add(region)
    return named


def _dateline_town_countries(text: str, datelines: list[tuple[int, int]]) -> list[str]:
    """The countries of DATELINE_TOWN_COUNTRIES whose town is the whole place of a dateline."""
    gazetteer = city_gazetteer()[0]
    countries = []
    for start, end in datelines:
        m = DATELINE_PLACE.match(text, start, end)
        if m is None:
            continue
        place = m.group(1)
        for s, e, infos in gazetteer.matches(place):
            if s == 0 and e == len(place) and infos[0].country in DATELINE_TOWN_COUNTRIES:
                countries.append(infos[0].country)
    return countries


def _page_region(doc: Document) -> Region:
    s = _signals()
    page = doc.cached("money.page", lambda: _scan(doc))
    default = s.by_script.get(doc.script, s.by_script["traditional"])
    if page.declared is not None:
        declared = page.declared
        return s.regions[declared] if declared in s.regions else _declared_region(s, declared, default)
    strong, weak = page.strong, _with_shared(page)
    if page.placed:  # where the story was filed beats who filed it: 中央社 from Singapore
        strong = page.placed
        partner = _bureau_partner(page, weak)
        if partner is not None:
            return s.regions[partner]
    if strong:
        best = max(strong.values())
        leaders = [r for r, n in strong.items() if n == best]
        return s.regions[default if default in leaders else leaders[0]]
    if page.styled:
        weak = weak + page.styled
    moves = [r for r in weak if r != default]
    if moves:
        best = max(moves, key=lambda r: weak[r])
        # a Traditional page that names nothing of Taiwan (臺灣, 臺北, 台股 ...) moves on fewer, and so does a
        # Simplified page that names nothing of the mainland but Singapore or Malaysia
        alone = doc.script == "traditional" or (best in SIMPLIFIED_PRESS and set(+weak) == {best})
        need = WEAK_LEAD_ALONE if not weak[default] and alone else WEAK_LEAD
        if weak[best] >= need and weak[best] >= 2 * weak[default]:
            return s.regions[best]
    return s.regions[default]


def _bureau_partner(page: _Page, weak: Counter) -> str | None:
    """(中央社記者香港18日電) 澳門行政長官…澳門的財政儲備為6580億元: a wire's Hong Kong bureau files Macau's
    news too; a page placed in one place of a pair (HK|MO) that names the other at least WEAK_LEAD times
    and its own place nowhere outside the dateline is the other's (its bare 元 is MOP)."""
    placed = max(page.placed, key=page.placed.get)
    for places in page.shared.keys() | UNNAMED_SHARED_LEAN.keys():
        if placed in places:
            for other in places:
                if other != placed and weak[other] >= WEAK_LEAD and not weak[placed]:
                    return other
    return None


def _with_shared(page: _Page) -> Counter:
    """The weak signals, with each word shared by several places (特區政府: Hong Kong and Macau)
    counted for the one of them the page names most; for none when two are named alike (and, where
    none is named, for the place of ``UNNAMED_SHARED_LEAN``)."""
    if not page.shared:
        return page.weak
    weak = Counter(page.weak)
    for places, n in page.shared.items():
        named = sorted(((page.strong[p] + page.weak[p], p) for p in places), reverse=True)
        if named[0][0] and (len(named) == 1 or named[0][0] > named[1][0]):
            weak[named[0][1]] += n
        elif not named[0][0] and places in UNNAMED_SHARED_LEAN:
            weak[UNNAMED_SHARED_LEAN[places]] += n
    return weak


# A declaration holds one of these words (folded): the pattern, whose currency names run to hundreds, is tried
# only in a window around each of them (the currency before 下同, after 單位 and 金額), not along the whole page
_DECLARATION_WORDS = ("单位", "下同", "金额")
DECLARATION_REACH = 24


def _declared(s: _Signals, text: str) -> str | None:
    """The region (or, outside the regions, the currency) a declaration names, or None."""
    m = None
    for word in _DECLARATION_WORDS:
        at = text.find(word)
        while at >= 0:
            low, high = (at - DECLARATION_REACH, at + len(word)) if word == "下同" else (at, at + DECLARATION_REACH)
            found = s.declaration.search(text, max(0, low), high)
            if found is not None and (m is None or found.start() < m.start()):
                m = found
            at = text.find(word, at + len(word))
    if m is None:
        return None
    code = grammar().currencies[m.group("a") or m.group("b") or m.group("c")].code
    return s.by_currency.get(code, code)


def _declared_region(s: _Signals, code: str, default: str) -> Region:
    """A declared currency of no region in the table (單位:美元): bare 元 is that currency."""
    base = s.regions[default]
    return Region(base.name, code, base.dollar, base.yen, base.slash, base.script)
