"""Reading a match: its named groups into a :class:`~.values.Spec`, and the text
around it (what a rule's production may look at besides its match)."""
from __future__ import annotations

import functools
import datetime as dt
import operator
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

import regex

from ...fold import shows_script
from ...numerals import DIGIT_VALUES, parse_number
from .values import Candidate, Spec
from .words import (AMPM_OFFSET, ENGLISH_MONTHS, EVENING_AMPM, MIDNIGHT_WORDS, ROC_BARE, ROC_OFFSET, WESTERN,
                    YEAR_POINTS, YEAR_WORDS, context)


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a rule's production may read besides its match."""

    folded: str
    text: str  # the original, where folding loses a distinction (週/周)
    ref: dt.date | None
    script_of: Callable[[], str]  # "traditional"/"simplified", computed when a rule asks
    region_of: Callable[[], Any] | None = None  # the page's money Region (TW, HK, SG ...), when a rule asks

    @property
    def script(self) -> str:
        return self.script_of()

    @property
    def region(self) -> str | None:
        return self.region_of().name if self.region_of is not None else None

    @property
    def day_first(self) -> bool:
        """Whether n/n/yyyy is day/month on this page (Hong Kong, Singapore ...)."""
        return self.region_of is not None and self.region_of().slash == "d/m"


def before_is(ctx: Ctx, start: int, name: str, span: int = 6) -> bool:
    """Whether the context fragment ``name`` is found in the few characters before ``start``."""
    return bool(context(name).search(ctx.folded[max(0, start - span):start]))


def after_is(ctx: Ctx, end: int, name: str, span: int = 6) -> bool:
    """Whether the context fragment ``name`` matches at ``end``."""
    return bool(context(name).match(ctx.folded[end:end + span]))


# ---------------------------------------------------------------------------
# Groups

Groups = dict  # a match's groups by name: str | None


@functools.lru_cache(maxsize=None)
def _group_names(pattern: regex.Pattern) -> tuple[tuple[str, ...], Callable[[tuple], tuple]]:
    """A pattern's group names, and what picks their values out of ``match.groups()``."""
    names = tuple(pattern.groupindex)
    indices = [pattern.groupindex[name] - 1 for name in names]
    if len(indices) == 1:
        return names, lambda values: (values[indices[0]],)
    return names, operator.itemgetter(*indices)


def groups(m: regex.Match) -> dict[str, str | None]:
    """``m.groupdict()``, built several times faster (the regex module looks names up
    slowly, and the patterns have many groups)."""
    names, pick = _group_names(m.re)
    return dict(zip(names, pick(m.groups())))


# ---------------------------------------------------------------------------
# Numbers and times

_CN_ALIASES = str.maketrans({"廿": "二十", "卅": "三十", "元": "一", "兩": "二", "两": "二"})


@functools.lru_cache(maxsize=4096)
def small_number(text: str | None) -> int | None:
    """A small Chinese or Arabic numeral (month, day, hour, ROC year)."""
    if not text:
        return None
    text = text.translate(_CN_ALIASES)
    value = parse_number(text)
    if value is None or value != int(value):
        return None
    return int(value)


def roc_page(ctx: Ctx) -> bool:
    """Whether a bare two- or three-digit year before 年 is a ROC year: on a Taiwanese page
    (one that says 民國 or writes a ROC year such as 114年; else its region, or without one
    its script), not on a mainland or overseas one (a Hong Kong page's 15年3月 is 2015)."""
    if _shows_roc_years(ctx.folded):
        return True
    if ctx.region_of is not None:
        return ctx.region == "TW"
    return ctx.script == "traditional"


def roc_by_default(ctx: Ctx) -> bool:
    """Whether a page reads as Taiwanese only by default: no ROC year shown and no character of
    one script only (a short text such as 15年3月2日 may be from anywhere)."""
    return not _shows_roc_years(ctx.folded) and not shows_script(ctx.text)


@functools.lru_cache(maxsize=16)
def _shows_roc_years(folded: str) -> bool:
    return bool(context("ROC_PAGE_MARK").search(folded))


def day_of(g: Groups) -> int | None:
    """The day of the ``day`` (Arabic) or ``dayc`` (Chinese) group."""
    return int(g["day"]) if g.get("day") else small_number(g.get("dayc"))


def time_of_day(g: Groups, p: str = "") -> tuple[int | None, int | None, int | None]:
    """(hour, minute, second) of the clock-time groups of prefix ``p`` (``"e_"``: a range's
    end, 22日20時至23日20時); Nones without one or if invalid. A range's end may be 24時 sharp,
    the end of its day (12月9日0時至12月16日24時, as notices of closures and controls write it); 12
    o'clock after an evening word is hour 24 too (晚上12點: the midnight that ends the day)."""
    hour = g.get(p + "hh")
    if hour is None:
        hour = g.get(p + "hhc")
    if hour is None:
        return None, None, None
    h = small_number(hour)
    minute = g.get(p + "mi") or g.get(p + "mic")
    quarter = g.get(p + "quarter")
    mi = small_number(minute) if minute else (30 if g.get(p + "half") else 15 * small_number(quarter) if quarter else 0)
    s = int(g[p + "ss"]) if g.get(p + "ss") else small_number(g.get(p + "ssc"))
    if h is None or mi is None:
        return None, None, None
    ampm = g.get(p + "ampm")
    evening_twelve = False
    if ampm:
        offset = AMPM_OFFSET.get(ampm, 0)
        if offset and h < 12:
            h += offset
        elif not offset and h == 12 and ampm in MIDNIGHT_WORDS:
            h = 0
        elif h == 12 and ampm in EVENING_AMPM:
            h, evening_twelve = 24, True  # 5日晚上12時: the midnight that ends the 5th (value: 00:00 of the 6th)
    if h == 24 and (evening_twelve and 0 <= mi <= 59 or mi == 0 and not s and p == "e_"):
        return h, mi, (s if evening_twelve else None)
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None, None, None
    return h, mi, s


# ---------------------------------------------------------------------------
# Year, month and day groups of one part ("" for a date, "e_" for a range's end)


class _Keys(NamedTuple):
    """The group names of one prefix (``""`` or ``"e_"``), spelled out once."""

    y4: str
    ycn: str
    rocs: tuple[tuple[str, range], ...]
    yrel: str
    mon: str
    monc: str
    mname: str
    day: str
    dayc: str
    ysuf: str
    rocb: str  # a bare number before 年: ROC, or on a mainland page a two-digit year


_KEYS = {
    p: _Keys(p + "y4", p + "ycn",
             tuple((p + key, allowed) for key, allowed in (
                 ("roc", range(1, 201)), ("rocc", range(1, 201)), ("rocb", ROC_BARE),
                 ("rocbc", range(101, 131)), ("rocpc", range(40, 100)), ("rocs", ROC_BARE))),
             p + "yrel", p + "mon", p + "monc", p + "mname", p + "day", p + "dayc", p + "ysuf",
             p + "rocb")
    for p in ("", "e_")
}


def _year(g: Groups, p: str, short_years: bool) -> tuple[int | None, bool] | None:
    """The stated year of prefix ``p``: ``(year, roc)``, ``(None, False)`` if none, None if
    invalid. With ``short_years``, a bare two-digit year is not ROC: the caller reads it."""
    keys = _KEYS[p]
    value = g.get(keys.y4)
    if value:
        y = int(value)
        return ((y, False) if y in WESTERN else None)
    value = g.get(p + "yh")
    if value:  # 1357年6月: a year before 1600, read only with its month
        return int(value), False
    value = g.get(keys.ycn)
    if value:
        y = small_number(value.replace("0", "〇").replace("O", "〇"))  # 二０二五, 二O二六
        return ((y, False) if y in WESTERN else None)
    value = g.get(p + "ycnk")
    if value:  # 兩千零四
        y = small_number(value)
        return ((y, False) if y in WESTERN else None)
    value = g.get(p + "ycn2")
    if value:  # 九七年: read by the caller as the year nearest the anchor; 五六年, 三五年 are a few years
        first, second = _cn_digits(value)
        return None if (first >= 1 and second == first + 1) or (first, second) == (3, 5) else (None, False)
    for key, allowed in keys.rocs:
        value = g.get(key)
        if value and short_years and key == keys.rocb and len(value) == 2:
            return None, False  # 12年 on a mainland page: 2012
        if value:
            n = small_number(value.replace("0", "〇") if key.endswith("rocbc") else value)  # 一一0年
            if n is None or n not in allowed:
                return None
            return n + ROC_OFFSET, True
    return None, False


def _cn_digits(text: str) -> tuple[int, ...]:
    """The digits of ``九七``: (9, 7)."""
    return tuple(DIGIT_VALUES[ch] for ch in text)


def _month(g: Groups, keys: _Keys) -> int | None:
    get = g.get
    if get(keys.mon):
        return int(g[keys.mon])
    if get(keys.monc):
        return small_number(g[keys.monc])
    if get(keys.mname):
        return ENGLISH_MONTHS.get(g[keys.mname][:3].lower())
    return YEAR_POINTS.get(get(keys.ysuf) or "")  # 去年底 → 2024-12


def read_spec(g: Groups, p: str = "", with_time: bool = True, short_years: bool = False) -> Spec | None:
    """Read the groups of prefix ``p`` (``""`` or ``"e_"``) into a spec; None if invalid.
    ``short_years``: a bare two-digit year before 年 is the one nearest the anchor, not ROC."""
    got = _year(g, p, short_years)
    if got is None:
        return None
    year, roc = got
    keys = _KEYS[p]
    year_rel = None
    clause_year = needs_clause = False
    word = g.get(keys.yrel)
    if word:
        year_rel, clause_year, needs_clause = YEAR_WORDS[word]
    month = _month(g, keys)
    day = None
    if g.get(keys.day):
        day = int(g[keys.day])
    elif g.get(keys.dayc):
        day = small_number(g[keys.dayc])
    hour = minute = second = None
    if with_time and day is not None:
        hour, minute, second = time_of_day(g, p)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    short = g.get(p + "y2") or (g.get(keys.rocb) if short_years and year is None else None)
    if not short and g.get(p + "ycn2"):
        short = "".join(map(str, _cn_digits(g[p + "ycn2"])))
    return Spec(year=year, year_rel=year_rel, clause_year=clause_year, needs_clause=needs_clause,
                month=month, day=day, hour=hour, minute=minute, second=second, roc=roc,
                year_short=int(short) if short else None)


_END_GROUPS = ("e_y4", "e_yh", "e_ycn", "e_ycnk", "e_ycn2", "e_roc", "e_rocc", "e_rocb", "e_rocbc", "e_rocpc", "e_yrel",
               "e_mon", "e_monc", "e_day", "e_dayc")


def century_year(first: int, short: str) -> int | None:
    """The year of two digits ``short`` after the year ``first``, in its century or the next
    (2014到20年 → 2020, 1998、2000年 written 1998、00年 → 2000); None unless it is later."""
    second = first - first % 100 + int(short)
    if second <= first:
        second += 100
    return second if second - first < 50 else None


def with_range(m: regex.Match, g: Groups, name: str, start_spec: Spec) -> Candidate | None:
    """A candidate from a match whose ``e_`` groups, if any matched, state a range's end."""
    end_spec = None
    if any(map(g.get, _END_GROUPS)):
        # 18年10月1日到19年2月3日: the end's two-digit year is read as the start's was;
        # after a year of four digits (2018年10月至19年3月) it is the next such year
        western_start = start_spec.year is not None and not start_spec.roc
        end_spec = read_spec(g, "e_", short_years=start_spec.year_short is not None or western_start)
        if end_spec is None:
            return None
        if western_start and end_spec.year_short is not None:
            end_year = century_year(start_spec.year, str(end_spec.year_short))
            if end_year is None:
                return None
            end_spec = end_spec._replace(year=end_year, year_short=None)
    roc = start_spec.roc or (end_spec is not None and end_spec.roc)
    return Candidate(m.start(), m.end(), name, start_spec, end_spec, roc)
