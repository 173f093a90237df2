"""Dates: calendar days, months, years, date-times and ranges of them.

Every rule matches the folded text (``doc.folded``) with a pattern written in
Traditional Chinese and compiled by :func:`base.compile_folded`, so Simplified
input is handled by the same code. A rule turns its match into a :class:`Spec`
(what the words say: "the 5th of March", "last year", "yesterday"); the spec is
resolved against an *anchor* date into a calendar value afterwards:

* the anchor is ``doc.ref_date`` (the page's publication date), except inside a
  "related news" list, where an item's yearless or relative date is anchored on
  that item's own date line (ANNOTATION.md, date);
* a relative year (去年, 明年) in a sentence that states a year counts from
  that year (``2025年…較去年同期`` → 2024).

Values are ISO 8601: ``2025``, ``2025-03``, ``2025-03-05``, ``2025-03-05T15:00``
and ranges ``2025-03-16/2025-03-20``, with ``grain``, ``range_start``/``range_end``,
``relative`` and ``calendar`` beside them.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import operator
import re
from dataclasses import dataclass
from typing import Callable, Iterator, NamedTuple

import regex

from ..document import Document
from ..fold import fold, script_of
from ..model import Entity
from ..numerals import parse_number
from ..resources import load_list, load_table
from .base import alternation, compile_folded

# ---------------------------------------------------------------------------
# Values


class Spec(NamedTuple):
    """A date as the words state it, before anchoring. (A named tuple: rules build
    thousands per page, and a frozen dataclass is several times slower to build.)"""

    year: int | None = None
    year_rel: int | None = None  # years from the anchor's year: 今年 0, 去年 -1
    clause_year: bool = False  # 去年 after "2025年" in the same sentence counts from 2025
    needs_clause: bool = False  # 隔年/同年 mean nothing without a stated year
    month: int | None = None
    month_rel: int | None = None  # months from the anchor's month: 上個月 -1
    day: int | None = None
    day_rel: int | None = None  # days from the anchor: 昨天 -1
    nearest: bool = False  # a day without its month (於14日): the month nearest the anchor
    weekday: int | None = None  # Monday 0
    week_rel: int | None = None  # weeks from the anchor's week: 上週 -1
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    roc: bool = False

    @property
    def anchored(self) -> bool:
        return self.year is None

    @property
    def grain(self) -> str:
        if self.hour is not None:
            return "datetime"
        if self.day is not None or self.day_rel is not None or self.weekday is not None:
            return "day"
        if self.month is not None or self.month_rel is not None:
            return "month"
        return "year"


class Point(NamedTuple):
    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None


def _fmt(p: Point, grain: str) -> str:
    if grain == "year" or p.month is None:
        return f"{p.year:04d}"
    if grain == "month" or p.day is None:
        return f"{p.year:04d}-{p.month:02d}"
    text = f"{p.year:04d}-{p.month:02d}-{p.day:02d}"
    if grain == "datetime" and p.hour is not None:
        text += f"T{p.hour:02d}:{p.minute or 0:02d}"
        if p.second is not None:
            text += f":{p.second:02d}"
    return text


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # calendar.mdays


def _valid(y: int, m: int | None, d: int | None) -> bool:
    if not 1 <= y <= 9999:
        return False
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    # calendar.monthrange(y, m)[1], without the weekday it also works out
    return d is None or 1 <= d <= (29 if m == 2 and calendar.isleap(y) else _MONTH_DAYS[m])


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _nearest_day(base: dt.date, day: int) -> dt.date | None:
    """The date with day-of-month ``day`` that a news text most likely means.

    News reports the recent past more than the near future: a day well after
    the anchor's day is last month's (``28日`` on March 2nd is February 28th),
    one far before it is next month's.
    """
    delta = day - base.day
    order = [0, -1, 1] if -20 <= delta <= 15 else ([-1, 0, 1] if delta > 15 else [1, 0, -1])
    for shift in order:
        y, m = _shift_month(base.year, base.month, shift)
        if _valid(y, m, day):
            return dt.date(y, m, day)
    return None


def _resolve(spec: Spec, anchor: dt.date, clause_year: int | None) -> Point | None:
    """Turn a spec into a calendar point, using ``anchor`` for what it leaves out."""
    try:
        if spec.day_rel is not None:
            base = anchor + dt.timedelta(days=spec.day_rel)
            if spec.day is not None:  # 今(16)日: the stated day near the relative one
                near = _nearest_day(base, spec.day)
                if near is None:
                    return None
                base = near
            y, m, d = base.year, base.month, base.day
        elif spec.weekday is not None:
            monday = anchor - dt.timedelta(days=anchor.weekday())
            day = monday + dt.timedelta(days=7 * (spec.week_rel or 0) + spec.weekday)
            y, m, d = day.year, day.month, day.day
        else:
            if spec.year is not None:
                y = spec.year
            elif spec.year_rel is not None:
                if spec.needs_clause and clause_year is None:
                    return None
                base_year = clause_year if spec.clause_year and clause_year else anchor.year
                y = base_year + spec.year_rel
            else:
                y = anchor.year
            m, d = spec.month, spec.day
            if spec.month_rel is not None:
                y, m = _shift_month(anchor.year, anchor.month, spec.month_rel)
            if spec.nearest and m is None and d is not None:
                near = _nearest_day(anchor, d)
                if near is None:
                    return None
                y, m, d = near.year, near.month, near.day
    except OverflowError:
        return None
    if not _valid(y, m, d):
        return None
    return Point(y, m, d, spec.hour, spec.minute, spec.second)


def _resolve_end(spec: Spec, start: Point, anchor: dt.date, clause_year: int | None) -> Point | None:
    """The end of a range: what it leaves out comes from the start (3月16日至20日)."""
    if spec.year is not None or spec.year_rel is not None:
        return _resolve(spec, anchor, clause_year)
    y, m, d = start.year, spec.month, spec.day
    inherited_month = m is None and d is not None
    if inherited_month:
        m = start.month
    end = Point(y, m, d, spec.hour, spec.minute, spec.second)
    if _before(end, start):  # 12月28日至1月3日, 3月30日至2日: the end rolls over
        if inherited_month and m is not None:
            y, m = _shift_month(y, m, 1)
        else:
            y += 1
        end = Point(y, m, d, spec.hour, spec.minute, spec.second)
    if not _valid(end.year, end.month, end.day) or _before(end, start):
        return None
    return end


def _before(a: Point, b: Point) -> bool:
    key = lambda p: (p.year, p.month or 0, p.day or 0)  # noqa: E731
    return key(a) < key(b)


# ---------------------------------------------------------------------------
# Numbers

_CN_ALIASES = str.maketrans({"廿": "二十", "卅": "三十", "元": "一", "兩": "二", "两": "二"})


@functools.lru_cache(maxsize=4096)
def _cn(text: str | None) -> int | None:
    """A small Chinese or Arabic numeral (month, day, hour, ROC year)."""
    if not text:
        return None
    text = text.translate(_CN_ALIASES)
    value = parse_number(text)
    if value is None or value != int(value):
        return None
    return int(value)


AMPM_OFFSET = {
    "上午": 0, "早上": 0, "清晨": 0, "早晨": 0, "凌晨": 0, "半夜": 0, "午夜": 0,
    "中午": 12, "下午": 12, "晚上": 12, "晚间": 12, "傍晚": 12, "深夜": 12, "夜间": 12,
}  # folded keys
# One list for the pattern (Traditional, folded on compile) and the table above (folded).
AMPM_WORDS = "上午|下午|中午|晚上|晚間|凌晨|早上|清晨|傍晚|深夜|夜間|早晨|半夜|午夜"

WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}

YEAR_WORDS = {  # folded relative year words: offset, counts from a stated year, needs one
    "今年": (0, False, False), "去年": (-1, True, False), "前年": (-2, True, False),
    "明年": (1, True, False), "后年": (2, True, False), "隔年": (1, True, True),
    "翌年": (1, True, True), "同年": (0, True, True), "次年": (1, True, True),
    "上年": (-1, True, False), "上一年": (-1, True, False), "本年": (0, False, False),
}
DAY_WORDS = {  # folded relative day words: days from the anchor
    "今天": 0, "今日": 0, "今晨": 0, "今早": 0, "今晚": 0, "今夜": 0, "今起": 0,
    "昨天": -1, "昨日": -1, "昨晚": -1, "昨夜": -1, "昨晨": -1,
    "明天": 1, "明日": 1, "明晚": 1, "明早": 1, "明晨": 1, "明起": 1,
    "前天": -2, "前日": -2, "大前天": -3,
}
EVENING_WORDS = {"今晚", "今夜", "昨晚", "昨夜", "明晚"}  # folded
DAY_PREFIX = {"今": 0, "昨": -1, "明": 1, "前": -2}
MONTH_WORDS = {"本月": 0, "这个月": 0, "上个月": -1, "上月": -1, "下个月": 1, "下月": 1}
WEEK_WORDS = {"": 0, "本": 0, "这": 0, "这个": 0, "上": -1, "上个": -1, "上上": -2,
              "下": 1, "下个": 1, "下下": 2}
ENGLISH_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}

ROC_OFFSET = 1911
# A bare 2-3 digit number before 年 is a ROC year only in this range (80年 = 1991,
# 130年 = 2041); outside it, it is a duration or a count (20年來, 1年內).
ROC_BARE = range(80, 131)
WESTERN = range(1600, 2101)


def _time(g: "Groups") -> tuple[int | None, int | None, int | None]:
    hour = g.get("hh")
    if hour is None:
        hour = g.get("hhc")
    if hour is None:
        return None, None, None
    h = _cn(hour)
    mi = _cn(g.get("mi") or g.get("mic")) if (g.get("mi") or g.get("mic")) else (30 if g.get("half") else 0)
    s = int(g["ss"]) if g.get("ss") else None
    if h is None or mi is None:
        return None, None, None
    ampm = g.get("ampm")
    if ampm:
        offset = AMPM_OFFSET.get(ampm, 0)
        if offset and h < 12:
            h += offset
        elif not offset and h == 12 and ampm in ("凌晨", "半夜", "午夜"):
            h = 0
    if not (0 <= h <= 23 and 0 <= mi <= 59):
        return None, None, None
    return h, mi, s


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


_KEYS = {
    p: _Keys(p + "y4", p + "ycn",
             tuple((p + key, allowed) for key, allowed in (
                 ("roc", range(1, 201)), ("rocc", range(1, 201)), ("rocb", ROC_BARE),
                 ("rocbc", range(101, 131)), ("rocs", ROC_BARE))),
             p + "yrel", p + "mon", p + "monc", p + "mname", p + "day", p + "dayc", p + "ysuf")
    for p in ("", "e_")
}


def _year(g: "Groups", p: str) -> tuple[int | None, bool] | None:
    """The stated year of prefix ``p``: ``(year, roc)``, ``(None, False)`` if none, None if invalid."""
    keys = _KEYS[p]
    value = g.get(keys.y4)
    if value:
        y = int(value)
        return ((y, False) if y in WESTERN else None)
    value = g.get(keys.ycn)
    if value:
        y = _cn(value)
        return ((y, False) if y in WESTERN else None)
    for key, allowed in keys.rocs:
        value = g.get(key)
        if value:
            n = _cn(value)
            if n is None or n not in allowed:
                return None
            return n + ROC_OFFSET, True
    return None, False


def _spec(g: "Groups", p: str = "", with_time: bool = True) -> Spec | None:
    """Read the groups of prefix ``p`` (``""`` or ``"e_"``) into a spec; None if invalid."""
    got = _year(g, p)
    if got is None:
        return None
    year, roc = got
    keys = _KEYS[p]
    get = g.get
    year_rel = None
    clause_year = needs_clause = False
    word = get(keys.yrel)
    if word:
        year_rel, clause_year, needs_clause = YEAR_WORDS[word]
    month = day = None
    month_stated = True
    if get(keys.mon):
        month = int(g[keys.mon])
    elif get(keys.monc):
        month = _cn(g[keys.monc])
    elif get(keys.mname):
        month = ENGLISH_MONTHS.get(g[keys.mname][:3].lower())
    else:
        month_stated = False
    if get(keys.day):
        day = int(g[keys.day])
    elif get(keys.dayc):
        day = _cn(g[keys.dayc])
    if not month_stated and get(keys.ysuf) in ("底", "末"):
        month = 12  # 去年底 → 2024-12
    hour = minute = second = None
    if with_time and day is not None:
        hour, minute, second = _time(g)
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    return Spec(year=year, year_rel=year_rel, clause_year=clause_year, needs_clause=needs_clause,
                month=month, day=day, hour=hour, minute=minute, second=second, roc=roc)


# ---------------------------------------------------------------------------
# Pattern fragments (Traditional; compile_folded folds them)

SP = r"[ \t\u00a0]*"
Y4 = r"(?:1[6-9]|20)[0-9]{2}"
CN_DIGITS = "〇零○一二三四五六七八九"
# Relative year words, with guards against the same characters inside other words:
# 如今年輕人, 過去年度, 說明年度, 提前年底.
YREL = (  # (the leading lookahead lets the engine skip the lookbehinds at most positions)
    r"(?=[今去明前後隔翌同次本上])(?:今年|(?<![過失除離回死退])去年|(?<![聰光說證表聲文清發透精分開簡鮮標載指申註查闡辨澄照])明年"
    r"|(?<![提之以目眼從空史戰生年月日天週超事婚產賽])前年"
    r"|(?<![之最以戰然隨此其午前日月年事而落產婚賽背])後年|隔年|翌年|同年|次年"
    r"|(?<![基日資成版劇文腳根樣標範])本年"
    # 上年 (mainland "last year") only as a comparison or a period: 比上年, 上年同期; not 線上年會
    r"|(?<=[比較與於和及跟為從至到、,;；。\n]|^)上一?年|上一?年(?=同期|度|底|末))(?![輕紀齡級代])"
)
SEP = SP + r"(?:起至|起到|至|到|~|〜|-|–|—|－|～)" + SP
WD = (  # weekday after a date: 3月5日(三), （週三）, 星期三
    rf"(?:{SP}[(（]{SP}(?:週|星期|禮拜)?{SP}[一二三四五六日天]{SP}[)）]"
    rf"|{SP}(?:星期|週|禮拜)[一二三四五六日天](?![一二三四五六日天至到~\-]))"
)
TIME = (  # a clock time after a date; 三點 needs 上午/下午 (it is also "three points"), 三時 does not
    rf"(?:(?={SP}[0-9上下中晚凌早清傍深夜半午{CN_DIGITS}十兩]){SP}(?:(?P<ampm>{AMPM_WORDS}){SP})?"
    rf"(?:(?<![0-9])(?P<hh>2[0-3]|[01]?[0-9]){SP}:{SP}(?P<mi>[0-5][0-9])(?:{SP}:{SP}(?P<ss>[0-5][0-9]))?(?![0-9])"
    rf"|(?<![0-9])(?P<hh>2[0-4]|[01]?[0-9]){SP}[時點](?![間期段代])(?:{SP}(?P<mi>[0-5]?[0-9]){SP}分|{SP}(?P<half>半))?許?"
    rf"|(?P<hhc>二十[一二三四]?|十[一二三四五六七八九]?|[一二兩三四五六七八九]|零){SP}(?:時|(?(ampm)點|(?!)))"
    rf"(?:{SP}(?P<mic>[一二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九]|卅[一二三四五六七八九]?){SP}分|{SP}(?P<half>半))?"
    rf"))"
)


def _ynum(p: str) -> str:
    """A year number before 年: Western, Chinese digits, 民國 N, or a bare ROC year."""
    return (
        rf"(?=[0-9{CN_DIGITS}十百民])(?:(?<![0-9A-Za-z.])(?P<{p}y4>{Y4})(?![0-9])"
        rf"|(?<![{CN_DIGITS}十百])(?P<{p}ycn>[{CN_DIGITS}]{{4}})"
        rf"|民國{SP}(?:(?P<{p}roc>[0-9]{{1,3}})(?![0-9])|(?P<{p}rocc>[{CN_DIGITS}十百]{{1,6}}))"
        rf"|(?<![0-9A-Za-z/])(?<![0-9][.,:])(?P<{p}rocb>[0-9]{{2,3}})(?![0-9])"
        rf"|(?<![{CN_DIGITS}十百])(?P<{p}rocbc>一百[零〇一二三四五六七八九十]{{1,3}}|一[〇○零一二][{CN_DIGITS}]))"
    )


def _ypart(p: str) -> str:
    """A year before a month: 2025年, 民國114年, 114年度, 今年."""
    return rf"(?:{_ynum(p)}{SP}年(?:度)?|(?P<{p}yrel>{YREL})(?:度)?)"


def _mpart(p: str) -> str:
    return (
        rf"(?=[0-9{CN_DIGITS}十元])(?:(?<![0-9.])(?P<{p}mon>1[0-2]|0?[1-9])(?![0-9])"
        rf"|(?<![{CN_DIGITS}十])(?P<{p}monc>十[一二]|[一二三四五六七八九十元]))"
    )


def _dpart(p: str) -> str:
    return (
        rf"(?=[0-9{CN_DIGITS}十廿卅])(?:(?<![0-9.])(?P<{p}day>3[01]|[12][0-9]|0?[1-9])(?![0-9])"
        rf"|(?P<{p}dayc>[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]))"
    )


DAY_AR = r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])"
MON_AR = r"(?:1[0-2]|0?[1-9])(?![0-9])"
# Every character a Chinese date can start with (a year, a month or 今年/去年...).
YEAR_FIRST = "0-9" + CN_DIGITS + "十元民今去明前後隔翌同次上本"
MONTH_SUFFIX = r"(?:上旬|中旬|下旬|底|末|初(?![步次期選審賽稿始])|中(?!\p{Han}))"

# 2025年3月5日(三)下午3時, 3月16日至20日, 8 月 17–19 日, 2025年3月至6月, 三月五日, 2月營收
CJK = (
    rf"(?:{_ypart('')}{SP})?(?<![0-9])(?P<mon>{MON_AR}){SEP}(?P<e_mon>{MON_AR}){SP}月份?"  # 1—2月, 3至5月
    rf"|(?:{_ypart('')}{SP})?{_mpart('')}{SP}月份?"
    rf"(?:{SP}{_dpart('')}{SP}[日號](?P<wd>{WD})?{TIME}?"
    rf"(?:{SEP}(?:(?:{_ypart('e_')}{SP})?{_mpart('e_')}{SP}月{SP})?{_dpart('e_')}{SP}[日號]{WD}?)?"
    rf"|{SP}(?<![0-9])(?P<day>{DAY_AR}){SEP}(?P<e_day>{DAY_AR}){SP}[日號]{WD}?"
    rf"|{SP}(?P<day>{DAY_AR})(?=[ \t]*(?:\.\.|…|$))"  # a snippet cut off mid-date: 2025年9月16 ...
    rf"|(?P<msuf>{MONTH_SUFFIX})?(?:{SEP}(?:{_ypart('e_')}{SP})?{_mpart('e_')}{SP}月份?{MONTH_SUFFIX}?)?)"
)

# 2025年, 114年度, 民國115年, 今年, 去年底, 2025年至2030年, 2025-2030年
YEAR = (
    rf"(?:{_ynum('')}{SP}年(?:度)?|(?P<yrel>{YREL})(?:度)?)(?P<ysuf>底|末)?"
    rf"(?:{SEP}{_ynum('e_')}{SP}年(?:度)?)?"
    rf"|(?<![0-9A-Za-z.])(?P<y4>{Y4}){SEP}(?P<e_y4>{Y4}){SP}年"
)

# 2/17/2025, 2026/3/4 20:19, 114/3/5, 3/6, 2/9~13, 2/26至3/2
SLASH = (
    rf"(?<![0-9A-Za-z/\-_=#%@&?])(?<![0-9A-Za-z]\.)(?<![0-9]:)"
    rf"(?:(?P<y4>{Y4})/(?P<mon>{MON_AR})/(?P<day>{DAY_AR})"
    rf"|(?P<rocs>1[0-3][0-9]|[89][0-9])/(?P<mon>{MON_AR})/(?P<day>{DAY_AR})"
    rf"|(?P<mon>{MON_AR})/(?P<day>{DAY_AR})/(?P<y4>{Y4})"
    rf"|(?:{_ypart('')}{SP})?(?P<mon>{MON_AR})/(?P<day>{DAY_AR}))"  # 去年12/24
    rf"(?![0-9/A-Za-z%]|\.[0-9])(?P<wd>{WD})?{TIME}?"
    rf"(?:{SEP}(?:(?P<e_y4>{Y4})/)?(?:(?P<e_mon>{MON_AR})/)?(?P<e_day>{DAY_AR})(?![0-9/A-Za-z%]|\.[0-9]){WD}?)?"
)

# 2025-02-17, 2025.2.17, 2025-02-17T14:30, 114.3.5, 114-11-20 (ROC, as government sites write it)
ISO = (
    rf"(?<![0-9A-Za-z.\-/])(?<![0-9]:)"
    rf"(?:(?P<y4>{Y4})(?P<sep>[-.])(?P<mon>1[0-2]|0?[1-9])(?P=sep)(?P<day>{DAY_AR})"
    rf"|(?P<rocs>1[0-3][0-9])\.(?P<mon>1[0-2]|0?[1-9])\.(?P<day>{DAY_AR})"
    # ROC with dashes only zero-padded (114-01-05): 102-5-3號 is an address
    rf"|(?P<rocs>1[0-3][0-9])-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12][0-9]|3[01])(?![號号樓楼之]))"
    rf"(?![0-9]|\.[0-9]|-[0-9])(?P<wd>{WD})?"
    rf"(?:(?:T|{SP})(?P<hh>2[0-3]|[01][0-9]):(?P<mi>[0-5][0-9])(?::(?P<ss>[0-5][0-9]))?(?![0-9]))?"
)

# （編輯：張良知）1141231: CNA closes a story with its ROC date as yyyMMdd
CNA_STAMP = (
    rf"(?<=[)）]{SP})(?P<rocs>1[0-3][0-9])(?P<mon>0[1-9]|1[0-2])(?P<day>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)

# 12 月 12, 2025 (WordPress in Chinese)
MONTH_NAME_CJK = rf"(?<![0-9])(?P<mon>{MON_AR}){SP}月{SP}(?P<day>{DAY_AR}){SP},{SP}(?P<y4>{Y4})(?![0-9]){TIME}?"
# Feb 17, 2025; 17 February 2025
MONTH_NAME_EN = (
    rf"(?<![A-Za-z])(?i:(?P<mname>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
    rf"{SP}(?P<day>{DAY_AR})(?:st|nd|rd|th)?{SP},?{SP}(?P<y4>{Y4})(?![0-9])"
    rf"|(?<![0-9])(?P<day>{DAY_AR}){SP}(?i:(?P<mname>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
    rf",?{SP}(?P<y4>{Y4})(?![0-9])"
)

# 今(16)日, 昨（13）日, 今天, 昨晚, 明起, 今天(5日) ...
RELATIVE_DAY = (
    rf"(?:(?P<rd>[今昨明前]){SP}[(（]{SP}(?:(?P<mon>{MON_AR}){SP}月{SP})?(?P<day>{DAY_AR}){SP}(?:[)）]{SP}[日天]|日{SP}[)）])"
    rf"|(?P<rdw>今天|今日|今晨|今早|今晚|今夜|今起|昨天|昨日|昨晚|昨夜|昨晨|明晚|明早|明晨|明天"
    rf"|(?<![聰光說證表聲文清發透精分開簡鮮標載指申註查闡辨澄照])(?:明日|明起)"
    rf"|(?<![提之以目眼從空史戰生年月日天週超事婚產賽午當])(?:大前天|前天|前日))"
    rf"(?:{SP}[(（]{SP}(?P<day>{DAY_AR}){SP}日?{SP}[)）])?)"
    rf"(?![之本期黃])(?P<wd>{WD})?{TIME}?"
)

# (12)日上午, （26）日在桃園: a press-release day in brackets, without 今/昨
PAREN_DAY = (
    rf"(?<![0-9A-Za-z]{SP})[(（]{SP}(?P<day>{DAY_AR}){SP}[)）]{SP}(?P<ri>日)(?P<wd>{WD})?{TIME}?"
    rf"|(?<![0-9A-Za-z])[(（]{SP}(?P<day>{DAY_AR}){SP}(?P<ri>日){SP}[)）]"
)

# 上週五, 本週三, 下星期一, 週五
WEEKDAY = (
    rf"(?<![每逢隔至到~\-、])(?P<wrel>上上|下下|上個|下個|這個|上|本|這|下)?{SP}"
    rf"(?:週|星期|禮拜)(?P<wdn>[一二三四五六日天])(?![一二三四五六日天至到~\-、末休年刊報])"
)

# What follows a bare 周X that is a weekday rather than a name (周一收盤 vs 周一鳴)
AFTER_WEEKDAY = (
    r"\A(?:上午|下午|中午|晚上|晚間|凌晨|早上|傍晚|深夜|夜間|起|前|後|將|宣布|表示|收盤|開盤|舉行|在|的|至)"
)

# 本月, 上個月, 下月底, 上月28日
RELATIVE_MONTH = (
    rf"(?<![登送飛奔踏每])(?P<mrel>本月|這個月|上個月|上月|下個月|下月)(?![球亮光刊])"
    rf"(?:{SP}(?P<day>{DAY_AR}){SP}[日號](?P<wd>{WD})?{TIME}?|{MONTH_SUFFIX})?"
)

# 兩年前, 3個月前, 5天前
AGO = (
    rf"(?<![0-9.{CN_DIGITS}十多數幾])(?P<n>[1-7]?[0-9]|[一二兩三四五六七八九十]{{1,3}})"
    rf"{SP}(?P<unit>年|個{SP}月|天)前(?![往進來提夕景述者])"
)

# GTC 2025, 2025世界海洋日, 2025「潮臺北」, 高雄市2024城市工程品質金質獎
EVENT_YEAR = (
    rf"(?<![0-9A-Za-z/\-_#@$%~+])(?<![0-9][.,:])(?P<y4>(?:19|20)[0-9]{{2}})"
    rf"(?:{SP}[-–~]{SP}(?P<e_y4>(?:19|20)[0-9]{{2}}))?"
    rf"(?![0-9A-Za-z%]|[.,:/][0-9])"
)

# Copyright © 2014, © 2014-2025
COPYRIGHT = (
    rf"(?:(?i:copyright)|版權所有|©|\([cC]\))(?:{SP}(?:©|\([cC]\)))?{SP}"
    rf"(?P<y4>{Y4})(?:{SP}[-–~]{SP}(?P<e_y4>{Y4}))?(?![0-9])"
)

# 於14日, 14日下午3時, 14至16日
DAY_ONLY = (
    rf"(?<![0-9/\-A-Za-z月])(?<![0-9][.,:])(?P<day>{DAY_AR})"
    rf"(?:{SP}(?P<ri>日)(?P<wd>{WD})?{TIME}?(?:{SEP}(?P<e_day>{DAY_AR}){SP}日{WD}?)?"
    rf"|{SEP}(?P<e_day>{DAY_AR}){SP}日{WD}?)"
)

# 十三日, 二十日晚間, 五日在北京 (聯合報 writes days in Chinese numerals)
DAY_ONLY_CN = (
    rf"(?<![{CN_DIGITS}十百千萬億兩第月初廿卅])"
    rf"(?P<dayc>[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
    rf"{SP}(?P<ri>日)(?P<wd>{WD})?{TIME}?"
)
# After a one-character Chinese day (三日 is as often "three days"): words that
# make it the day of an event.
CN_DAY_CONTEXT = (
    r"\A(?:在|於|表示|指出|說|晚|上午|下午|中午|凌晨|晚間|晚上|清晨|傍晚|早上|深夜|夜間|起|電|出席|召開"
    r"|公布|宣布|舉行|舉辦|發布|發表|刊登|前往|抵達|會見|接見|再|又|也|則|即|將|正式|首度|率團|赴|出訪"
    r"|訪問|受訪|接受|消息|報導|報道|訊|[(（])"
)

# Context around a match (folded): words that make a number a duration or a count.
DURATION_BEFORE = (
    r"(?:近|連\p{Han}?|為期|過去|未來|最近|前|後|每|逾|約|共|短短|數|幾|第|首|半|持續|歷時|僅|只|再|多"
    r"|超過|長達|高達|不到|至少|歷經|花了|經過|停留|延長|縮短|延後|提前|順延|展延|需要|需|費時|耗時|這|那|滿|足"
    r"|平均|每隔|每年|每逢|逢|總計|累計|總共|剩下|剩|還有|尚有|倒數)" + SP + r"\Z"
)
ROC_BEFORE = (  # 成立90年, 已有100年: an age, not a ROC year
    r"(?:有|已|才|花|要|成立|創立|創校|建校|開業|走過|邁入|邁向|屆滿)" + SP + r"\Z"
)
DAY_AFTER = (  # 3日內, 5日均線, 3日遊, 500日圓, 5日本...
    r"\A(?:內|以內|之內|間|來|均|線|遊|份|左右|之久|以上|以下|多|後|前(?![往進來去])|期|圓|元|幣|本|系|式|籍|語|劇|商|企|僑|裔|薪|次|數)"
)
MONTH_AFTER = r"\A(?:內|以內|之內|之久|左右|多)"
NOT_DAIBIAO = r"(?![表理言工購收辦課替價謝駕碼號幣])"  # 1990年代 is a decade; 2020年代表 is "in 2020, represented"
YEAR_AFTER = (
    r"\A(?:多|餘|之久|左右|以上|以下|內|以內|之內|間|來|級|半|代" + NOT_DAIBIAO + r"|後|資|薪|的時間|期間|時間|的歷史|歷史)"
)
BIG_YEAR_AFTER = r"\A(?:多|餘|之久|代" + NOT_DAIBIAO + r")"  # 4-digit years: 2000多年, 1990年代
FRACTION_BEFORE = (  # 逾1/3, 1又1/2
    r"(?:約|近|逾|超過|佔|占|達|僅|不到|剩|將近|高達|多達|比數|比分|比|分之|約有|率|了|的|又)" + SP + r"\Z"
)
FRACTION_AFTER = (
    r"\A" + SP + r"(?:的|以上|以下|左右|強|弱|杯|匙|吋|英吋|寸|cm|mm|比例|機率|成|席|決賽|準決賽|倍|局|圈|碗|號|車廂)"
)
EVENT_BEFORE = (
    r"(?:撥打|專線|熱線|電話|代號|股號|編號|代碼|門牌|型號|版本|第|共|計|達|約|逾|近|破|突破|剩|僅|只|增加|減少"
    r"|漲|跌|收|報|價|指數|加權|No\.?|#|[x×*])" + SP + r"\Z"
)
EVENT_AFTER = (
    r"\A" + SP + r"(?:[萬億兆千百元圓人名件家個位輛點次張股戶間座支隻噸度分秒票項條號樓屆字頁卷集倍箱包坪層席艘架顆粒枚份封部篇場所輪回天週月年日時多餘%"
    r"例宗筆組款種頭巷弄室列趟班床x×*]"
    r"|美元|歐元|公里|公尺|公斤|客服|專線|熱線|kg|km|cm|mm|MW|GW|TB|GB|mAh|hp|cc|ml)"
)


class Candidate(NamedTuple):
    start: int
    end: int
    rule: str
    spec: Spec
    end_spec: Spec | None = None
    calendar_roc: bool = False


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a rule's parser may read besides its match."""

    folded: str
    text: str  # the original, where folding loses a distinction (週/周)
    ref: dt.date | None
    script_of: Callable[[], str]  # "traditional"/"simplified", computed when a rule asks

    @property
    def script(self) -> str:
        return self.script_of()


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: regex.Pattern
    parse: Callable[[regex.Match, Ctx], Candidate | None]
    # Where a match may be (月 for 3月5日): the spans of a cheap pattern that every
    # match contains, and how far before such a span's start a match may begin. The
    # full pattern is only tried just before and at each of them: it opens with
    # optional parts and lookbehinds that would otherwise be tried at every position.
    trigger: Callable[[str], list[tuple[int, int]]] | None = None
    before: int = 0
    # Where a match can start: a pattern of the re module (which scans faster) that
    # matches at every position the full pattern can match at (its first characters,
    # less those its leading lookbehinds rule out); the full pattern is tried only there.
    starts: re.Pattern | None = None
    # The group a candidate starts at, when not the match's start (© 2014: the year).
    span_group: str | None = None
    # False when the text surely holds no match (a cheap look before the pattern runs).
    present: Callable[[str], bool] | None = None
    # True when the parser reads ``ctx.ref``: its candidates are parsed again for
    # each anchor; every other rule's are parsed once per document.
    needs_ref: bool = False


@functools.cache
def _ctx_re(pattern: str) -> regex.Pattern:
    return compile_folded(pattern)


def _before_is(ctx: Ctx, start: int, pattern: str, span: int = 6) -> bool:
    return bool(_ctx_re(pattern).search(ctx.folded[max(0, start - span):start]))


def _after_is(ctx: Ctx, end: int, pattern: str, span: int = 6) -> bool:
    return bool(_ctx_re(pattern).match(ctx.folded[end:end + span]))


@functools.lru_cache(maxsize=None)
def _group_names(pattern: regex.Pattern) -> tuple[tuple[str, ...], Callable[[tuple], tuple]]:
    """A pattern's group names, and what picks their values out of ``match.groups()``."""
    names = tuple(pattern.groupindex)
    indices = [pattern.groupindex[name] - 1 for name in names]
    if len(indices) == 1:
        return names, lambda values: (values[indices[0]],)
    return names, operator.itemgetter(*indices)


Groups = dict  # a match's groups by name: str | None


def _Groups(m: regex.Match) -> dict[str, str | None]:
    """``m.groupdict()``, built several times faster (the regex module looks names up
    slowly, and the patterns have many groups)."""
    names, pick = _group_names(m.re)
    return dict(zip(names, pick(m.groups())))


_END_GROUPS = ("e_y4", "e_ycn", "e_roc", "e_rocc", "e_rocb", "e_rocbc", "e_yrel",
               "e_mon", "e_monc", "e_day", "e_dayc")


def _range(m: regex.Match, g: "Groups", name: str, start_spec: Spec) -> Candidate | None:
    """A candidate from a match whose ``e_`` groups, if any matched, state a range's end."""
    end_spec = None
    if any(map(g.get, _END_GROUPS)):
        end_spec = _spec(g, "e_", with_time=False)
        if end_spec is None:
            return None
    roc = start_spec.roc or (end_spec is not None and end_spec.roc)
    return Candidate(m.start(), m.end(), name, start_spec, end_spec, roc)


# -- parsers: one per rule; each returns a Candidate or None (rejected) ------


def _parse_cjk(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    spec = _spec(g)
    if spec is None:
        return None
    if spec.day is None and spec.year is None and spec.year_rel is None and not g.get("e_mon"):
        # a bare month (2月營收): not a duration (連3月, 近3月) nor 五月天
        if _before_is(ctx, m.start(), DURATION_BEFORE) or _after_is(ctx, m.end(), MONTH_AFTER):
            return None
        if g.get("monc") and _after_is(ctx, m.end(), r"\A天"):
            return None  # 五月天, 人間四月天: names
    if g.get("rocb") and _year_context_bad(ctx, m.start("rocb"), None):
        return None
    return _range(m, g, "date.cjk", spec)


def _year_context_bad(ctx: Ctx, start: int, end: int | None) -> bool:
    """A bare ROC year that reads as a duration or a count (逾100年, 20年來)."""
    if _before_is(ctx, start, DURATION_BEFORE) or _before_is(ctx, start, ROC_BEFORE):
        return True
    return end is not None and _after_is(ctx, end, YEAR_AFTER)


def _parse_year(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    spec = _spec(g)
    if spec is None:
        return None
    end_of_year = m.end("ysuf") if g.get("ysuf") else m.end()
    if g.get("rocb") or g.get("rocbc"):
        key = "rocb" if g.get("rocb") else "rocbc"
        if _year_context_bad(ctx, m.start(key), end_of_year):
            return None
        if spec.year == 100 + ROC_OFFSET and _after_is(ctx, end_of_year, r"\A前"):
            return None  # 100年前: a century ago, not "before 2011"
    elif g.get("y4") or g.get("ycn"):
        key = "y4" if g.get("y4") else "ycn"
        if _before_is(ctx, m.start(key), r"(?:近|逾|超過|長達|將近|共|數|滿|每|第)" + SP + r"\Z"):
            return None
        if _after_is(ctx, m.end(), BIG_YEAR_AFTER):
            return None
    if g.get("yrel") and _after_is(ctx, m.end(), r"\A(?:輕|紀|齡)"):
        return None
    return _range(m, g, "date.year", spec)


def _parse_slash(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    spec = _spec(g)
    if spec is None:
        return None
    if spec.year is None and spec.year_rel is None and not g.get("e_day"):
        # a bare M/D may be a fraction or a score: 3/4的, 比數3/4
        if _before_is(ctx, m.start(), FRACTION_BEFORE) or _after_is(ctx, m.end(), FRACTION_AFTER):
            return None
    return _range(m, g, "date.slash", spec)


def _parse_iso(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    spec = _spec(g)
    if spec is None:
        return None
    return Candidate(m.start(), m.end(), "date.iso", spec, None, spec.roc)


def _parse_cna_stamp(m: regex.Match, ctx: Ctx) -> Candidate | None:
    spec = _spec(_Groups(m))
    return None if spec is None else Candidate(m.start(), m.end(), "date.cna_stamp", spec, None, True)


def _parse_month_name(m: regex.Match, ctx: Ctx) -> Candidate | None:
    spec = _spec(_Groups(m))
    name = "date.english" if m.re.groupindex.get("mname") else "date.month_name"
    return None if spec is None else Candidate(m.start(), m.end(), name, spec)


def _parse_relative_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    if g.get("rd"):
        rel = DAY_PREFIX[g["rd"]]
    else:
        rel = DAY_WORDS[g["rdw"]]
    day = int(g["day"]) if g.get("day") else None
    h, mi, s = _time(g)
    if h is not None and h < 12 and not g.get("ampm") and g.get("rdw") in EVENING_WORDS:
        h += 12  # 今晚六時 is 18:00
    if g.get("mon"):  # 今(2月10)日: the month is stated, the year is the anchor's
        spec = Spec(month=int(g["mon"]), day=day, hour=h, minute=mi, second=s)
    else:
        spec = Spec(day_rel=rel, day=day, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.relative_day", spec)


def _parse_paren_day(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    if _after_is(ctx, m.end("ri"), DAY_AFTER):
        return None
    h, mi, s = _time(g)
    spec = Spec(day=int(g["day"]), nearest=True, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.paren_day", spec)


def _parse_weekday(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    rel = WEEK_WORDS.get(g.get("wrel") or "", 0)
    if not g.get("wrel"):
        # a bare weekday: not a list or a schedule (週一至週五, 每週三), not the
        # surname 周 of a mainland name (周一鸣): there the original text has 周
        original = ctx.text[m.start():m.end()]
        if _before_is(ctx, m.start(), r"(?:每|逢|隔|至|到|~|、|和|及|與)" + SP + r"\Z"):
            return None
        if (original.startswith("周") and _after_is(ctx, m.end(), r"\A\p{Han}")
                and not _after_is(ctx, m.end(), AFTER_WEEKDAY)):
            return None
    spec = Spec(weekday=WEEKDAYS[g["wdn"]], week_rel=rel)
    return Candidate(m.start(), m.end(), "date.weekday", spec)


def _parse_relative_month(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    h, mi, s = _time(g)
    spec = Spec(month_rel=MONTH_WORDS[g["mrel"]], day=int(g["day"]) if g.get("day") else None,
                hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.relative_month", spec)


def _parse_ago(m: regex.Match, ctx: Ctx) -> Candidate | None:
    n = _cn(m.group("n"))
    if n is None or n <= 0:
        return None
    unit = m.group("unit")
    if unit == "年":
        if n >= 80:
            return None
        spec = Spec(year_rel=-n)
    elif unit == "天":
        spec = Spec(day_rel=-n)
    else:
        spec = Spec(month_rel=-n)
    return Candidate(m.start(), m.end(), "date.ago", spec)


def _parse_event_year(m: regex.Match, ctx: Ctx) -> Candidate | None:
    """A bare year naming an edition (GTC 2025, 2025世界海洋日): only near the page's year."""
    if ctx.ref is None:
        return None
    g = _Groups(m)
    y = int(g["y4"])
    ref_year = ctx.ref.year
    years = [y] + ([int(g["e_y4"])] if g.get("e_y4") else [])
    # recent editions any year; targets further ahead are round (2030, 2040, 2050)
    if any(not (ref_year - 10 <= v <= ref_year + 5 or (v <= ref_year + 30 and v % 5 == 0))
           for v in years):
        return None
    if _before_is(ctx, m.start(), EVENT_BEFORE) or _after_is(ctx, m.end(), EVENT_AFTER):
        return None
    # a stock code after a company name: 中鋼(2002)
    if _before_is(ctx, m.start(), r"\p{Han}[(（]\Z") and _after_is(ctx, m.end(), r"\A[)）]"):
        return None
    end_spec = Spec(year=years[1]) if len(years) > 1 else None
    if end_spec is not None and years[1] <= y:
        return None
    return Candidate(m.start(), m.end(), "date.event_year", Spec(year=y), end_spec)


def _parse_copyright(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    end_spec = Spec(year=int(g["e_y4"])) if g.get("e_y4") else None
    return Candidate(m.start("y4"), m.end(), "date.copyright", Spec(year=int(g["y4"])), end_spec)


def _parse_day_only(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    if _before_is(ctx, m.start(), DURATION_BEFORE):
        return None
    end_of_day = m.end("ri") if g.get("ri") else m.end()
    if _after_is(ctx, end_of_day, DAY_AFTER):
        return None
    h, mi, s = _time(g)
    spec = Spec(day=int(g["day"]), nearest=True, hour=h, minute=mi, second=s)
    end_spec = Spec(day=int(g["e_day"])) if g.get("e_day") else None
    return Candidate(m.start(), m.end(), "date.day", spec, end_spec)


def _parse_day_only_cn(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    if _before_is(ctx, m.start(), DURATION_BEFORE):
        return None
    day_end = m.end("ri")
    if _after_is(ctx, day_end, DAY_AFTER):
        return None
    if len(g["dayc"]) == 1 and not _after_is(ctx, day_end, CN_DAY_CONTEXT):
        return None
    day = _cn(g["dayc"])
    if day is None or not 1 <= day <= 31:
        return None
    h, mi, s = _time(g)
    spec = Spec(day=day, nearest=True, hour=h, minute=mi, second=s)
    return Candidate(m.start(), m.end(), "date.day_cn", spec)


def _parse_holiday(m: regex.Match, ctx: Ctx) -> Candidate | None:
    g = _Groups(m)
    holiday = next((h for h in _holidays().get(g["hol"], ()) if h.script in ("all", ctx.script)), None)
    if holiday is None or holiday.month is None:
        return None  # a lunar or moving holiday: not annotated
    if holiday.after is not None and not holiday.after.match(ctx.folded, m.end()):
        return None  # 國慶 alone is also a given name
    year_spec = _spec(g, with_time=False)
    if year_spec is None:
        return None
    spec = year_spec._replace(month=holiday.month, day=holiday.day)
    return Candidate(m.start(), m.end(), "date.holiday", spec, None, spec.roc)


class Holiday(NamedTuple):
    month: int | None  # None: named only so that it blocks a shorter name; not annotated
    day: int | None
    script: str  # all | traditional | simplified
    after: regex.Pattern | None  # what must follow the name, if anything


@functools.cache
def _holidays() -> dict[str, tuple[Holiday, ...]]:
    """Folded holiday name -> the holidays it names (by script)."""
    table: dict[str, list[Holiday]] = {}
    for row in load_table("date/holidays.tsv"):
        after = row.get("after") or ""
        holiday = Holiday(int(row["month"]) if row["month"] else None,
                          int(row["day"]) if row["day"] else None, row["script"] or "all",
                          compile_folded(rf"{SP}(?:{after})") if after else None)
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            table.setdefault(fold(name), []).append(holiday)
    return {k: tuple(v) for k, v in table.items()}


def _charset(chars: str) -> frozenset[str]:
    """The characters of a regex character-class body such as ``0-9A-Za-z今去``."""
    out: set[str] = set()
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.update(chr(c) for c in range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.add(chars[i])
            i += 1
    return frozenset(out)


def _ignorecase(word: str) -> str:
    """``word`` as the regex module's (?i:) matches it (simple case folding), spelled
    out as classes for the re module: re also lets ı match i, the regex module does not."""
    extra = {"i": "\u0130", "s": "\u017f", "k": "\u212a"}
    return "".join(f"[{ch.upper()}{ch.lower()}{extra.get(ch.lower(), '')}]" if ch.isalpha() else re.escape(ch)
                   for ch in word)


def _re_hits(pattern: str) -> Callable[[str], list[tuple[int, int]]]:
    """The spans of a plain pattern (literals, classes, alternations of literals), which
    the re module finds as the regex module does, several times faster."""
    compiled = re.compile(fold(pattern))
    return lambda text: list(map(re.Match.span, compiled.finditer(text)))


def _regex_hits(pattern: str) -> Callable[[str], list[tuple[int, int]]]:
    compiled = compile_folded(pattern)
    return lambda text: [m.span() for m in compiled.finditer(text)]


def _words_hits(*words: str) -> Callable[[str], list[tuple[int, int]]]:
    """The spans of ``a|b|c``: literal words that share no character (so no two
    occurrences overlap), found one by one with ``str.find``, far faster than a
    pattern finds a class or an alternation."""
    folded = [fold(w) for w in words]
    assert sum(len(set(w)) for w in folded) == len(set("".join(folded))), "words share a character"

    def hits(text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        find = text.find
        for word in folded:
            size = len(word)
            at = find(word)
            while at >= 0:
                out.append((at, at + size))
                at = find(word, at + size)
        if len(folded) > 1:
            out.sort()
        return out

    return hits


def _alternation_hits(names: list[str]) -> Callable[[str], list[tuple[int, int]]]:
    """The spans of a pattern alternating the literal ``names`` longest first (as
    :func:`base.alternation` writes it): at each point the longest name there, then on
    from its end. The names are found by their last characters with ``str.find`` and
    told apart by their last two: scanning for the whole alternation costs several
    times more. ``names`` are spelled as the pattern holds them (folded)."""
    by_tail: dict[str, dict[str, list[str]]] = {}  # last character -> last two -> names
    for name in sorted({n for n in names if n}):
        by_tail.setdefault(name[-1], {}).setdefault(name[-2:], []).append(name)

    def hits(text: str) -> list[tuple[int, int]]:
        longest: dict[int, int] = {}  # start -> length of the longest name there
        find = text.find
        for last, by_two in by_tail.items():
            at = find(last)
            while at >= 0:
                end = at + 1
                keyed = by_two.get(text[at - 1:end], ()) if at else ()
                for name in (*keyed, *by_two.get(last, ())):  # (a one-character name)
                    start = end - len(name)
                    if start >= 0 and len(name) > longest.get(start, 0) and text.startswith(name, start):
                        longest[start] = len(name)
                at = find(last, end)
        out: list[tuple[int, int]] = []
        stop = 0
        for start in sorted(longest):
            if start >= stop:
                stop = start + longest[start]
                out.append((start, stop))
        return out

    return hits


def _cna_stamp_hits(text: str) -> list[tuple[int, int]]:
    """The spans of ``(?<=[)）]{SP})1[0-3][0-9]{5}``: a 7-digit number right after a
    closing bracket (folded: ")"), past SP."""
    out: list[tuple[int, int]] = []
    find = text.find
    at = find(")")
    while at >= 0:
        k = at + 1
        while k < len(text) and text[k] in _SP_CHARS:
            k += 1
        if _CNA_DIGITS.match(text, k):
            out.append((k, k + 7))
        at = find(")", k)
    return out


_CNA_DIGITS = re.compile(r"1[0-3][0-9]{5}")


# Letters the regex module's (?i:) case-folds to an ASCII one: ſ (s), K (Kelvin, k), İ (i).
_FOLDS_TO_ASCII = "\u017f\u212a\u0130"


def _latin_words_present(text: str, words: tuple[bytes, ...]) -> bool:
    """Whether ``(?i:a|b|c)`` (ASCII words, given lowered as bytes) may match in ``text``:
    the text's ASCII characters, lowered, hold one (a cheap look: a text rarely holds
    one), or the text has a letter that folds to an ASCII one."""
    projected = text.encode("ascii", "ignore").lower()
    return any(w in projected for w in words) or any(ch in text for ch in _FOLDS_TO_ASCII)


def _copyright_present(text: str) -> bool:
    """Whether COPYRIGHT may match: it opens with ©, 版權所有, (c) or Copyright."""
    return "©" in text or _COPYRIGHT_CN in text or _latin_words_present(text, (b"(c)", b"copyright"))


_COPYRIGHT_CN = fold("版權所有")


def _latin_words_hits(words: tuple[str, ...]) -> Callable[[str], list[tuple[int, int]]]:
    """The spans of ``(?i:a|b|c)`` over Latin letters, as the regex module matches it
    (simple case folding; ſ is s). A page rarely holds one of the words: its ASCII
    letters, lowered, are looked through first, and the pattern runs only if one is there."""
    spans = _re_hits(f"(?=[{''.join(sorted({_ignorecase(w[0])[1:-1] for w in words}))}])(?:"
                     + "|".join(_ignorecase(w) for w in words) + ")")
    lowered = tuple(w.lower().encode() for w in words)
    assert all(w.isascii() and w.isalpha() for w in words)

    def hits(text: str) -> list[tuple[int, int]]:
        return spans(text) if _latin_words_present(text, lowered) else []

    return hits


_SP_CHARS = frozenset(" \t\u00a0")  # SP


def _unit_hits(unit: str, spaced: str, adjacent: str = "") -> Callable[[str], list[tuple[int, int]]]:
    """The spans of ``[spaced]{SP}unit|[adjacent]unit`` (unit: one character in neither
    class nor SP): each ``unit`` in the text, read backwards over SP to the class."""
    unit = fold(unit)
    spaced_set = _charset(fold(spaced))
    adjacent_set = _charset(fold(adjacent))
    assert unit not in spaced_set | adjacent_set | _SP_CHARS

    def hits(text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        find = text.find
        at = find(unit)
        while at >= 0:
            k = at - 1
            while k >= 0 and text[k] in _SP_CHARS:
                k -= 1
            if k >= 0 and (text[k] in spaced_set or (k == at - 1 and text[k] in adjacent_set)):
                out.append((k, at + 1))
            at = find(unit, at + 1)
        return out

    return hits


def _starts(first: str, after_digit: bool = True) -> re.Pattern:
    """Where a match can start: at one of the ``first`` characters (a class body), but
    with ``after_digit=False`` not at an ASCII digit right after another (every branch
    of the pattern that opens with a digit has a lookbehind that rules a digit out)."""
    chars = _charset(fold(first))
    digits = frozenset("0123456789")
    if after_digit or not chars & digits:
        return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")
    rest = "".join(map(re.escape, sorted(chars - digits)))
    return re.compile("(?<![0-9])[0-9]" + (f"|[{rest}]" if rest else ""))


@functools.cache
def _rules() -> tuple[Rule, ...]:
    names = alternation(_holiday_names())
    holiday = rf"(?:{_ypart('')}{SP}的?{SP})?(?P<hol>{names})"
    firsts = "".join(sorted({fold(n)[0] for n in _holiday_names()}))
    month_abbrs = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

    def c(pattern: str, first: str | None = None, flags: int = 0, near: str | None = None,
          reach: int = 16) -> regex.Pattern:
        # Leading lookaheads let the engine give up at most positions at once:
        # on the first character, and on a character the match must contain
        # within a few characters (月 for a Chinese month). Without them, the
        # alternations and lookbehinds that open the patterns run at every position.
        if near:
            pattern = rf"(?=[^{near}\n]{{0,{reach}}}{near})(?:{pattern})"
        if first:
            pattern = rf"(?=[{first}])(?:{pattern})"
        return compile_folded(pattern, flags)

    def rule(name, pattern, first, parse, trigger=None, before=0, span_group=None,
             after_digit=True, present=None, needs_ref=False, starts=None, **kw) -> Rule:
        return Rule(name, c(pattern, first, **kw), parse, trigger, before,
                    starts or _starts(first, after_digit), span_group, present, needs_ref)

    yue, ri = _words_hits("月"), _words_hits("日")  # shared: their hits are found once per text
    # after_digit=False: every branch that opens with an ASCII digit has (?<![0-9...]).
    return (
        rule("date.cjk", CJK, YEAR_FIRST, _parse_cjk, _unit_hits("月", f"0-9{CN_DIGITS}十元"), 16,
             after_digit=False, flags=regex.MULTILINE, near="月"),
        rule("date.year", YEAR, YEAR_FIRST, _parse_year,
             _unit_hits("年", f"0-9{CN_DIGITS}十百", "今去明前後隔翌同次上本一"), 16,
             after_digit=False, near="年", reach=12),
        rule("date.slash", SLASH, YEAR_FIRST, _parse_slash, _words_hits("/"), 12, after_digit=False,
             near="/", reach=10),
        rule("date.iso", ISO, "0-9", _parse_iso, _regex_hits(r"[0-9][-.][0-9]"), 4, after_digit=False),
        rule("date.cna_stamp", CNA_STAMP, "1", _parse_cna_stamp, _cna_stamp_hits, 0),
        rule("date.month_name", MONTH_NAME_CJK, "0-9", _parse_month_name, yue, 4, after_digit=False,
             near="月", reach=4),
        rule("date.english", MONTH_NAME_EN, "0-9A-Za-z", _parse_month_name,
             _latin_words_hits(month_abbrs), 4, after_digit=False),
        rule("date.relative_day", RELATIVE_DAY, "今昨明前大", _parse_relative_day,
             _words_hits("今", "昨", "明", "前"), 2),
        rule("date.paren_day", PAREN_DAY, "(（", _parse_paren_day, ri, 8, near="日", reach=8),
        rule("date.weekday", WEEKDAY, "上下這本週星禮", _parse_weekday,
             _words_hits("週", "星期", "禮拜"), 4),
        rule("date.relative_month", RELATIVE_MONTH, "本這上下", _parse_relative_month, yue, 4,
             near="月"),
        rule("date.ago", AGO, "0-9一二兩三四五六七八九十", _parse_ago, _words_hits("前"), 12,
             after_digit=False, near="前"),
        rule("date.holiday", holiday, YEAR_FIRST + firsts, _parse_holiday,  # names as compile_folded has them
             _alternation_hits([fold(fold(n)) for n in _holiday_names()]), 16),
        rule("date.copyright", COPYRIGHT, "Cc©版(", _parse_copyright,  # before event_year: ties
             span_group="y4", present=_copyright_present),
        rule("date.event_year", EVENT_YEAR, "12", _parse_event_year, needs_ref=True,
             # where (?P<y4>) can be; the lookbehind comes second, so that re scans for [12]
             starts=re.compile(r"(?:19|20)(?<![0-9]..)[0-9]{2}(?![0-9])")),
        rule("date.day", DAY_ONLY, "0-9", _parse_day_only, ri, 8, after_digit=False, near="日", reach=8),
        rule("date.day_cn", DAY_ONLY_CN, "一二三四五六七八九十廿卅", _parse_day_only_cn, ri, 4,
             near="日", reach=4),
    )


def _holiday_names() -> list[str]:
    names = []
    for row in load_table("date/holidays.tsv"):
        names.append(row["name"])
        names.extend(filter(None, row["aliases"].split("|")))
    return names


# ---------------------------------------------------------------------------
# Finding candidates, then anchoring them


# How far a match may run past its trigger (3月16日（三）下午3時至3月20日（五）...).
WINDOW_AFTER = 72


def _matches(rule: Rule, text: str, hits: list[tuple[int, int]] | None) -> Iterator[regex.Match]:
    """The non-overlapping matches of ``rule``, leftmost first, found near its trigger's
    ``hits`` (``pattern.finditer(text)`` for a rule without a trigger)."""
    if hits is None:
        if rule.present is None or rule.present(text):
            yield from _scan(rule, text)
        return
    match = rule.pattern.match
    next_start = rule.starts.search
    before = rule.before
    size = len(text)
    last = 0
    for hit_start, hit_end in hits:
        if hit_end <= last:
            continue  # inside the previous match
        pos = hit_start - before
        if pos < last:
            pos = last
        # the leftmost match starting in [pos, hit_start], as pattern.search(text, pos, end)
        # finds it when it starts there: tried only where a match can start
        at = next_start(text, pos, hit_start + 1)
        if at is None:
            continue
        end = hit_end + WINDOW_AFTER
        if end > size:
            end = size
        while at is not None:
            start = at.start()
            m = match(text, start, end)
            if m is None:
                at = next_start(text, start + 1, hit_start + 1)
                continue
            yield m
            last = m.end()
            if last <= start:
                last = start + 1
            if last > hit_start:
                break
            at = next_start(text, last, hit_start + 1)


def _scan(rule: Rule, text: str) -> Iterator[regex.Match]:
    """``rule.pattern.finditer(text)`` (whose matches are never empty), with the pattern
    tried only where ``rule.starts`` finds a match can start: the re module skips the
    other positions faster than the regex module does."""
    match = rule.pattern.match
    next_start = rule.starts.search
    at = next_start(text)
    while at is not None:
        start = at.start()
        m = match(text, start)
        if m is None:
            at = next_start(text, start + 1)
            continue
        yield m
        at = next_start(text, m.end())


Found = list[tuple[int, int, int, int, Rule, regex.Match]]


def _found(text: str) -> Found:
    """Every rule's matches in the folded ``text``, in the order the overlap policy
    visits them: longest first, then leftmost, then in rule order."""
    found: Found = []
    hits: dict[Callable, list[tuple[int, int]]] = {}  # rules may share a trigger
    for rule in _rules():
        group = rule.span_group
        trigger = rule.trigger
        if trigger is not None and trigger not in hits:
            hits[trigger] = trigger(text)
        for m in _matches(rule, text, hits.get(trigger)):
            start = m.start(group) if group else m.start()
            end = m.end()
            if end > start:
                found.append((start - end, start, len(found), end, rule, m))
    found.sort()
    return found


_UNPARSED = object()


def _select(found: Found, ctx: Ctx, parsed: dict[int, Candidate | None], limit: int | None = None) -> list[Candidate]:
    """The matches parsed into candidates; the longest kept, leftmost first, where
    they overlap (the policy of :func:`base.longest_non_overlapping`).

    A match's span is known before it is parsed, so one that overlaps a candidate
    already kept is dropped unparsed: it would be dropped once parsed too.
    ``parsed`` remembers the parses that do not depend on ``ctx.ref`` across the
    calls for one document; ``limit`` keeps only candidates starting before it."""
    covered = bytearray(len(ctx.folded))  # 1 where a kept candidate lies
    kept: list[Candidate] = []
    for index, (_, start, _, end, rule, m) in enumerate(found):
        if limit is not None and start >= limit or covered.find(1, start, end) >= 0:
            continue
        if rule.needs_ref:
            cand = rule.parse(m, ctx)
        else:
            cand = parsed.get(index, _UNPARSED)
            if cand is _UNPARSED:
                cand = parsed[index] = rule.parse(m, ctx)
        if cand is None:
            continue
        assert cand.start == start and cand.end == end, rule.name
        covered[start:end] = b"\x01" * (end - start)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _candidates(ctx: Ctx) -> list[Candidate]:
    """The candidates of a text that is not a :class:`Document`."""
    return _select(_found(ctx.folded), ctx, {})


def _document_matches(doc: Document) -> tuple[Found, dict[int, Candidate | None]]:
    """The rules' matches in a document and its parse memo, found once for both
    the publication date and the extractor."""
    return doc.cached("date.found", lambda: (_found(doc.folded), {}))


@functools.cache
def _marker_res() -> tuple[Callable[[str], list[tuple[int, int]]], regex.Pattern]:
    markers = load_list("date/related_markers.txt")
    words = alternation(markers)
    # the marker is a heading: alone on its line, give or take decoration (►延伸閱讀)
    heading = regex.compile(r"[ \t\u00a0]*[^\w\n]{0,3}[ \t]*" + words + r"[ \t]*[^\w\n]{0,3}[ \t]*")
    return _alternation_hits([fold(w) for w in markers]), heading  # (as regex.compile(words))


def _markers(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of ``text`` (folded) that are a related-news heading."""
    hits, heading = _marker_res()
    out: list[tuple[int, int]] = []
    for hit_start, hit_end in hits(text):
        # a heading line is short: look for its ends only a few characters away
        lo = max(0, hit_start - 12)
        start = text.rfind("\n", lo, hit_start) + 1 or lo
        end = text.find("\n", hit_end, hit_end + 12)
        end = min(len(text), hit_end + 12) if end < 0 else end
        line_is_whole = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
        if line_is_whole and (not out or out[-1][0] != start) and heading.fullmatch(text, start, end):
            out.append((start, end))
    return out


ITEM_REACH = 400  # characters between a related-news date and its item's date line


class _Anchors:
    """The anchor date for each position: ``ref`` outside "related news" lists;
    inside one, the date line of the item a position belongs to."""

    def __init__(self, ctx: Ctx, cands: list[Candidate], ref: dt.date):
        self.ref = ref
        # (start, end, date-line positions, their dates, whether dates lead their items)
        self.regions: list[tuple[int, int, list[int], list[dt.date], bool]] = []
        text = ctx.folded
        markers = _markers(text)
        if not markers:
            return
        lines = _date_lines(text, cands)
        line_positions = [pos for pos, _ in lines]  # ascending, as the candidates are
        ends = [m[0] for m in markers[1:]] + [len(text)]
        for marker, end in zip(markers, ends):
            start = marker[1]
            dated = lines[bisect.bisect_left(line_positions, start):bisect.bisect_left(line_positions, end)]
            if dated:
                self.regions.append((start, end, [p for p, _ in dated], [d for _, d in dated],
                                     _dates_lead(text, start, dated)))
        self._starts = [region[0] for region in self.regions]  # the regions do not overlap

    def at(self, pos: int) -> dt.date:
        i = bisect.bisect_right(self._starts, pos) - 1 if self.regions else -1
        if i >= 0:
            start, end, positions, dates, leading = self.regions[i]
            if start <= pos < end:
                # an item is a few short lines: a date line farther away belongs to
                # another item, or the "list" was an in-body link box and the
                # article goes on
                if leading:
                    i = bisect.bisect_right(positions, pos) - 1
                    ok = i >= 0 and pos - positions[i] <= ITEM_REACH
                else:
                    i = bisect.bisect_left(positions, pos)
                    ok = i < len(positions) and positions[i] - pos <= ITEM_REACH
                return dates[i] if ok else self.ref
        return self.ref


_SENTENCE_END = regex.compile(r"[。!?;；]")  # folded: ！？ are ASCII now


def _date_lines(text: str, cands: list[Candidate]) -> list[tuple[int, dt.date]]:
    """(position, date) of the lines that end with an item's full date."""
    out = []
    for c in cands:
        if c.end_spec is not None or c.spec.year is None or c.spec.day is None:
            continue
        # what precedes the date on its line: nothing, a user name, a category or
        # the item's headline; never a sentence. Only a short stretch is looked
        # at, so that a page without newlines costs no more than one with them.
        lo = max(0, c.start - 61)
        line_start = text.rfind("\n", lo, c.start) + 1
        if line_start == 0 and lo > 0:
            continue
        rest = text[c.end:c.end + 16].split("\n", 1)
        if rest[0].strip() or (len(rest) == 1 and c.end + 16 < len(text)):
            continue
        prefix = text[line_start:c.start].strip()
        if len(prefix) > 60 or _SENTENCE_END.search(prefix):
            continue
        if _valid(c.spec.year, c.spec.month, c.spec.day):
            out.append((line_start, dt.date(c.spec.year, c.spec.month, c.spec.day)))
    return out


def _dates_lead(text: str, start: int, dated: list[tuple[int, dt.date]]) -> bool:
    """Whether each item's date line comes before its headline (the list opens with one)."""
    first_date = dated[0][0]
    for line in _LINE.finditer(text, start, first_date):
        if len(_SPACE.sub("", line.group())) >= 10:
            return False
    return True


_LINE = regex.compile(r"[^\n]+")
_SPACE = regex.compile(r"\s")


_SENTENCE_BREAK = regex.compile(r"[。!?;；\n]")  # folded text


def _clause_years(ctx: Ctx, cands: list[Candidate]) -> dict[int, int]:
    """For each relative-year candidate, the year stated before it in its sentence."""
    out: dict[int, int] = {}
    breaks: list[int] | None = None
    last: tuple[int, int] | None = None  # (end, year) of the last stated year
    for i, c in enumerate(cands):
        if c.spec.clause_year and last is not None:
            if breaks is None:
                breaks = [m.start() for m in _SENTENCE_BREAK.finditer(ctx.folded)]
            k = bisect.bisect_left(breaks, c.start)
            sentence_start = breaks[k - 1] if k else -1
            if last[0] > sentence_start:
                out[i] = last[1]
        if c.spec.year is not None and c.rule != "date.copyright":
            last = (c.end, c.spec.year)
    return out


class DateExtractor:
    type = "date"

    def find(self, doc: Document) -> Iterator[Entity]:
        ref = doc.ref_date if doc.ref_date is not None else document_date(doc)
        ctx = Ctx(doc.folded, doc.text, ref, lambda: doc.script)
        found, parsed = _document_matches(doc)
        cands = _select(found, ctx, parsed)
        anchors = _Anchors(ctx, cands, ref) if ref is not None else None
        clause = _clause_years(ctx, cands)
        for i, c in enumerate(cands):
            if c.spec.anchored and anchors is None:
                continue
            anchor = anchors.at(c.start) if anchors is not None else dt.date(2000, 1, 1)
            value = _value(c, anchor, clause.get(i))
            if value is None:
                continue
            normalized, fields = value
            if c.spec.anchored:
                fields["relative"] = True
            if c.calendar_roc:
                fields["calendar"] = "roc"
            yield doc.entity("date", c.start, c.end, normalized, rule=c.rule, **fields)


def _value(c: Candidate, anchor: dt.date, clause_year: int | None) -> tuple[str, dict] | None:
    start = _resolve(c.spec, anchor, clause_year)
    if start is None:
        return None
    grain = c.spec.grain
    if c.end_spec is None:
        return _fmt(start, grain), {"grain": grain}
    end = _resolve_end(c.end_spec, start, anchor, clause_year)
    if end is None or _before(end, start):
        return None
    a = _fmt(start, grain)
    b = _fmt(end, c.end_spec.grain)
    if a == b:
        return a, {"grain": grain}
    return f"{a}/{b}", {"grain": grain, "range_start": a, "range_end": b}


# ---------------------------------------------------------------------------
# The page's own date

PUBLISHED_LABEL = (
    r"(?:發布|發佈|發表|出版|刊登|上稿|張貼|刊出|Published|Posted)"
    r"(?:日期|時間|於|on|:)?"
)
OTHER_LABEL = r"(?:日期|時間|更新時間|更新日期|最後更新|異動時間|Date|Updated)"


@functools.cache
def _label_re() -> tuple[regex.Pattern, regex.Pattern]:
    tail = SP + r"[:：]?" + SP + r"\Z"
    return (compile_folded(PUBLISHED_LABEL + tail, regex.IGNORECASE),
            compile_folded(OTHER_LABEL + tail, regex.IGNORECASE))


HEAD = 3000  # the characters of a page that its own date is looked for in
TOP = 1500  # an unlabelled full date counts only this near the top


def publication_date(text: str) -> dt.date | None:
    """The page's own date, from its header: a labelled date (發布日期:2/17/2025,
    发布时间, 更新時間...), else the first full date (with year and day) near the top."""
    head = text[:HEAD]
    folded = fold(head)
    return _publication_date(Ctx(folded, head, None, lambda: script_of(head)), _found(folded), {})


def document_date(doc: Document) -> dt.date | None:
    """:func:`publication_date` of a document, sharing the date rules' matches
    with the date extractor (the rules run over the text once)."""
    found, parsed = _document_matches(doc)
    return _publication_date(Ctx(doc.folded, doc.text, None, lambda: doc.script), found, parsed)


def _publication_date(ctx: Ctx, found: Found, parsed: dict[int, Candidate | None]) -> dt.date | None:
    full = [c for c in _select(found, ctx, parsed, limit=HEAD)
            if c.end_spec is None and c.spec.year is not None and c.spec.day is not None
            and _valid(c.spec.year, c.spec.month, c.spec.day)]
    published, other = _label_re()
    for label in (published, other):
        for c in full:
            line_start = ctx.folded.rfind("\n", 0, c.start) + 1
            if label.search(ctx.folded[max(line_start, c.start - 16):c.start]):
                return dt.date(c.spec.year, c.spec.month, c.spec.day)
    for c in full:
        if c.start < TOP:
            return dt.date(c.spec.year, c.spec.month, c.spec.day)
    return None
