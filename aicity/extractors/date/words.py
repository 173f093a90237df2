"""The date rules' data: word tables, holidays and regex fragments, from
``aicity/resources/date/``.

``words.tsv`` is one table (kind, surface, value, ...) from which both the
alternations the patterns use and the maps from a matched word to its value are
derived; ``fragments.txt`` holds the patterns, composed from named parts.
"""
from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from ...fold import fold
from ...resources import load_list, load_table
from ..base import alternation, compile_folded
from ..fragments import Fragments, load_fragments

ROC_OFFSET = 1911
# A bare 2-3 digit number before 年 is a ROC year only in this range (80年 = 1991,
# 130年 = 2041); outside it, it is a duration or a count (20年來, 1年內).
ROC_BARE = range(80, 131)
WESTERN = range(1600, 2101)


def _rows(kind: str) -> list[dict[str, str]]:
    return [row for row in load_table("date/words.tsv") if row["kind"] == kind]


def _values(kind: str) -> dict[str, int]:
    """Folded surface -> value, for the words of one kind (the text is matched folded)."""
    return {fold(row["surface"]): int(row["value"]) for row in _rows(kind)}


def _flagged(kind: str, flag: str) -> frozenset[str]:
    return frozenset(fold(row["surface"]) for row in _rows(kind) if flag in row["flags"].split("|"))


def _words_pattern(kind: str) -> str:
    """The words of one kind as an alternation, in table order; guarded words after the
    others, those sharing a guard together: ``(?<![guard])(?:a|b)``."""
    plain = [row["surface"] for row in _rows(kind) if not row["guard"]]
    guarded: dict[str, list[str]] = {}
    for row in _rows(kind):
        if row["guard"]:
            guarded.setdefault(row["guard"], []).append(row["surface"])
    branches = ["|".join(plain)] if plain else []
    branches += [f"(?<![{guard}])(?:{'|'.join(words)})" for guard, words in guarded.items()]
    return "|".join(branches)


def _chars(kind: str) -> str:
    return "".join(row["surface"] for row in _rows(kind))


AMPM_OFFSET = _values("ampm")  # 下午 -> 12
MIDNIGHT_WORDS = _flagged("ampm", "midnight")  # 12 o'clock after them is 0:00
EVENING_AMPM = _flagged("ampm", "evening")  # 12 o'clock after them ends the day: 00:00 of the next
PREVIOUS_YEAR = "前一年"  # 前一年同期 (the year before the period named): no year word alone; the same folded
YEAR_WORDS = {  # folded relative year word -> (offset, counts from a stated year, needs one)
    fold(row["surface"]): (int(row["value"]), "clause" in row["flags"], "needs_clause" in row["flags"])
    for row in _rows("year")
}
# 同年 takes the last year stated however far before it; 當年 ("back then") only one in its sentence or the one before
REACHING_YEAR_WORDS = tuple(fold(row["surface"]) for row in _rows("year") if "reaches" in row["flags"])
DAY_WORDS = _values("day")  # 昨天 -> -1
EVENING_WORDS = _flagged("day", "evening")
DAY_PREFIX = _values("day_prefix")  # 昨(13)日 -> -1
MONTH_WORDS = _values("month")  # 上個月 -> -1
MONTH_PREFIX = _values("month_prefix")  # 下(4)月 -> 1
WEEK_WORDS = _values("week")  # 上(週四) -> -1
WEEKDAYS = {**_values("weekday"), **_values("weekday_digit")}  # 一 -> 0 (Monday); 星期1 -> 0
ENGLISH_MONTHS = _values("month_en")  # jan -> 1
ENGLISH_MONTH_ABBRS = tuple(row["surface"] for row in _rows("month_en"))
YEAR_POINTS = _values("year_point")  # 底 -> 12 (年底)
BARE_YEAR_POINTS = _flagged("year_point", "bare")  # 年底 with no year before it (not 年中)
HALVES = _values("half")  # 下半年 -> 2
QUARTERS = _values("quarter")  # 首季 -> 1
YEAR_CHARS = _values("year_char")  # 明 -> 1 (今明兩年)


# ---------------------------------------------------------------------------
# Holidays


class Holiday(NamedTuple):
    month: int | None  # None (and no easter): a lunar holiday, named only so that it blocks a shorter name
    day: int | None
    script: str  # all | traditional | simplified, or a region (HK, MO, SG, MY) whose pages mean this day
    after: regex.Pattern | None  # what must follow the name, if anything
    nth: int | None = None  # with month and weekday: the n-th weekday of the month (-1: the last)
    weekday: int | None = None  # Monday 0
    easter: int | None = None  # days from Easter Sunday
    orthodox: bool = False  # from the Eastern Orthodox Easter Sunday (computus: julian)
    days_after: int = 0  # with nth: days after that weekday (黑色星期五: the day after 感恩節)


class Era(NamedTuple):
    first_year: int  # the Gregorian year of the era's year 1 (元年)
    years: int | None  # how many years it has; None while it lasts
    lunar: bool  # its months and days are of the lunar calendar (not annotated)


@functools.cache
def eras() -> dict[str, Era]:
    """Folded era name (康熙, 令和) -> the era (``date/eras.tsv``)."""
    return {fold(row["name"]): Era(int(row["first_year"]), int(row["years"]) if row["years"] else None,
                                   row["calendar"] == "lunar")
            for row in load_table("date/eras.tsv")}


# other names of the countries and regions whose pages give a generic holiday its day (holidays.tsv's
# script column), beside common/countries.tsv's
NATION_ALIASES = {"中華民國": "TW", "臺灣": "TW", "中華人民共和國": "CN", "韓國": "KR"}


@functools.cache
def nations() -> dict[str, str]:
    """Folded country or region name (美國, 以色列, 新加坡) -> its ISO code (``common/countries.tsv``)."""
    table = {fold(name): code for name, code in NATION_ALIASES.items()}
    for row in load_table("common/countries.tsv"):
        for name in (row["name"], row["name_cn"], *filter(None, row["aliases"].split("|"))):
            table.setdefault(fold(name), row["code"])
    return table


def holiday_names() -> list[str]:
    names = []
    for row in load_table("date/holidays.tsv"):
        names.append(row["name"])
        names.extend(filter(None, row["aliases"].split("|")))
    return names


@functools.cache
def holidays() -> dict[str, tuple[Holiday, ...]]:
    """Folded holiday name -> the holidays it names (by script)."""
    space = fragments()["SP"]
    table: dict[str, list[Holiday]] = {}
    for row in load_table("date/holidays.tsv"):
        after = row.get("after") or ""
        number = {key: int(row[key]) if row.get(key) else None for key in ("month", "day", "nth", "weekday", "easter")}
        holiday = Holiday(number["month"], number["day"], row["script"] or "all",
                          compile_folded(rf"{space}(?:{after})") if after else None,
                          number["nth"], number["weekday"], number["easter"], row.get("computus") == "julian",
                          int(row.get("days_after") or 0))
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            table.setdefault(fold(name), []).append(holiday)
    return {k: tuple(v) for k, v in table.items()}


# ---------------------------------------------------------------------------
# Fragments


@functools.cache
def fragments() -> Fragments:
    """The patterns of ``date/fragments.txt``, with the alternations derived from the tables."""
    return load_fragments("date/fragments.txt", {
        "AMPM_WORDS": _words_pattern("ampm"),
        # 明日大嶼, 今日頭條: a name that opens with a day word is no day
        "RELATIVE_DAY_WORDS": f"(?!{_words_pattern('day_name')})(?:{_words_pattern('day')})",
        "DAY_PREFIXES": _chars("day_prefix"),
        "MONTH_PREFIXES": _chars("month_prefix"),
        "RELATIVE_MONTH_WORDS": _words_pattern("month"),
        "WEEK_RELATIONS": _words_pattern("week"),
        "WEEKDAY_CHARS": _chars("weekday"),
        "WEEKDAY_DIGITS": _chars("weekday_digit"),
        "MONTH_ABBRS": _words_pattern("month_en"),
        "HALF_WORDS": _words_pattern("half"),
        "QUARTER_WORDS": _words_pattern("quarter"),
        "YEAR_CHARS": _chars("year_char"),
        "HOLIDAY_NAMES": alternation(holiday_names()),
        "NATION_NAMES": alternation(nations()),
        "ERA_NAMES": alternation([row["name"] for row in load_table("date/eras.tsv")]),
        "OUTLET_WORDS": _words_pattern("outlet"),
        "RELATED_MARKERS": alternation(load_list("date/related_markers.txt")),
    })


def fragment(name: str) -> str:
    return fragments()[name]


@functools.cache
def context(name: str) -> regex.Pattern:
    """A context fragment compiled for the folded text (DAY_AFTER, DURATION_BEFORE...)."""
    return compile_folded(fragment(name))
