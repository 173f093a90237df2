"""Resolution: a date as the words state it (:class:`Spec`), anchored into a calendar
value, and that value written as ANNOTATION.md says (ISO 8601, ranges ``a/b``)."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple


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
    nth: int | None = None  # with month and weekday: the n-th such weekday (-1 the last)
    days_after: int = 0  # with nth: days after that weekday (黑色星期五: the Friday after 感恩節)
    easter: int | None = None  # days from Easter Sunday (復活節 0, 耶穌受難節 -2)
    orthodox: bool = False  # with easter: the Eastern Orthodox Easter (東正教復活節), of the Julian computus
    year_short: int | None = None  # a two-digit year (3/5/98): the one nearest the anchor
    quarter_rel: int | None = None  # quarters from the anchor's quarter (上季度 -1); month: 1-3 within it
    ahead: bool = False  # a day after a word of plans (預定於26日): this month's or the next, never last month's
    past: bool = False  # on a page dated only by today: a day without its month is the latest one up to today

    @property
    def anchored(self) -> bool:
        return self.year is None

    @property
    def grain(self) -> str:
        if self.hour is not None:
            return "datetime"
        if (self.day is not None or self.day_rel is not None or self.weekday is not None
                or self.easter is not None):
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


def fmt(p: Point, grain: str) -> str:
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


def valid(y: int, m: int | None, d: int | None) -> bool:
    if not 1 <= y <= 9999:
        return False
    if m is None:
        return d is None
    if not 1 <= m <= 12:
        return False
    # calendar.monthrange(y, m)[1], without the weekday it also works out
    return d is None or 1 <= d <= (29 if m == 2 and calendar.isleap(y) else _MONTH_DAYS[m])


def shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _day_candidates(month: int | None, day: int, base: dt.date, steps: range) -> list[dt.date]:
    """The dates with this day (and month) ``steps`` months (years, with a month)
    from ``base``'s."""
    out = []
    for step in steps:
        if month is None:
            index = base.year * 12 + base.month - 1 + step
            year, mon = index // 12, index % 12 + 1
        else:
            year, mon = base.year + step, month
        if valid(year, mon, day):
            out.append(dt.date(year, mon, day))
    return out


def latest_day(month: int | None, day: int, base: dt.date) -> dt.date | None:
    """The latest date on or before ``base`` with this day (and month)."""
    return max((d for d in _day_candidates(month, day, base, range(-12, 1)) if d <= base), default=None)


# A day that a relative word names (今(8)日, 昨(7)日) is the writer's today or near it: it may
# fall this many days after the anchor's (a page dated a day early, another time zone), no more.
STATED_DAY_AHEAD = 2


def nearest_day(base: dt.date, day: int, ahead: bool = False, past: bool = False, after: int = 15) -> dt.date | None:
    """The date with day-of-month ``day`` that a news text most likely means.

    News reports the recent past more than the near future: a day more than
    ``after`` days after the anchor's day is last month's (``28日`` on March 2nd
    is February 28th), one far before it is next month's. A planned day (``ahead``: 預定26日, 將於3日)
    is this month's or the next; on a page dated only by today (``past``), the latest up to ``base``.
    """
    delta = day - base.day
    if past:
        return latest_day(None, day, base)
    if ahead:
        order = [0, 1] if delta >= 0 else [1, 0]
    else:
        order = [0, -1, 1] if -20 <= delta <= after else ([-1, 0, 1] if delta > after else [1, 0, -1])
    for shift in order:
        y, m = shift_month(base.year, base.month, shift)
        if valid(y, m, day):
            return dt.date(y, m, day)
    return None


def nearest_century(anchor_year: int, two_digits: int) -> int:
    """The year ending in ``two_digits`` nearest ``anchor_year`` (98 in 2025: 1998)."""
    century = anchor_year // 100 * 100
    return min((century - 100 + two_digits, century + two_digits, century + 100 + two_digits),
               key=lambda y: abs(y - anchor_year))


def weekday_near(anchor: dt.date, weekday: int, week_rel: int | None) -> dt.date:
    """上週四, 本週二 (weeks from Monday, ``week_rel`` from the anchor's); a bare 週五
    (``week_rel`` None) is the latest on or before the anchor: news reports the past."""
    if week_rel is None:
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    monday = anchor - dt.timedelta(days=anchor.weekday())
    return monday + dt.timedelta(days=7 * week_rel + weekday)


def nth_weekday(year: int, month: int, weekday: int | None, nth: int) -> int | None:
    """The day of the ``nth`` ``weekday`` of a month (``nth`` -1: the last); None if none."""
    if weekday is None or not 1 <= month <= 12:
        return None
    first = dt.date(year, month, 1).weekday()
    days = calendar.monthrange(year, month)[1]
    matching = [d for d in range(1 + (weekday - first) % 7, days + 1, 7)]
    if nth == -1:
        return matching[-1]
    return matching[nth - 1] if 1 <= nth <= len(matching) else None


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Eastern Orthodox churches: the Julian computus (Meeus), its Julian
    date moved to the Gregorian calendar (13 days later in 1900-2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_gap)


def resolve(spec: Spec, anchor: dt.date, clause_year: int | None) -> Point | None:
    """Turn a spec into a calendar point, using ``anchor`` for what it leaves out."""
    try:
        if spec.day_rel is not None:
            base = anchor + dt.timedelta(days=spec.day_rel)
            if spec.day is not None:  # 今(16)日: the stated day near the relative one, not after it
                near = nearest_day(base, spec.day, past=spec.past, after=STATED_DAY_AHEAD)
                if near is None:
                    return None
                base = near
            y, m, d = base.year, base.month, base.day
        elif spec.weekday is not None and spec.nth is None:
            day = weekday_near(anchor, spec.weekday, spec.week_rel)
            y, m, d = day.year, day.month, day.day
        else:
            if spec.year is not None:
                y = spec.year
            elif spec.year_short is not None:
                y = nearest_century(anchor.year, spec.year_short)
            elif spec.year_rel is not None:
                if spec.needs_clause and clause_year is None:
                    return None
                base_year = clause_year if spec.clause_year and clause_year else anchor.year
                y = base_year + spec.year_rel
            else:
                y = anchor.year
            m, d = spec.month, spec.day
            if spec.month_rel is not None:
                y, m = shift_month(anchor.year, anchor.month, spec.month_rel)
            elif spec.quarter_rel is not None and m is not None:
                first = anchor.month - (anchor.month - 1) % 3  # the anchor's quarter's first month
                y, m = shift_month(anchor.year, first, 3 * spec.quarter_rel + m - 1)
            if spec.nearest and m is None and d is not None:
                near = nearest_day(anchor, d, spec.ahead, spec.past)
                if near is None:
                    return None
                y, m, d = near.year, near.month, near.day
            if spec.nth is not None and m is not None:
                d = nth_weekday(y, m, spec.weekday, spec.nth)
                if d is not None and spec.days_after:
                    day = dt.date(y, m, d) + dt.timedelta(days=spec.days_after)
                    y, m, d = day.year, day.month, day.day
            elif spec.easter is not None:
                sunday = orthodox_easter_sunday(y) if spec.orthodox else easter_sunday(y)
                day = sunday + dt.timedelta(days=spec.easter)
                y, m, d = day.year, day.month, day.day
    except OverflowError:
        return None
    if not valid(y, m, d):
        return None
    return Point(y, m, d, spec.hour, spec.minute, spec.second)


def resolve_end(spec: Spec, start: Point, anchor: dt.date, clause_year: int | None) -> Point | None:
    """The end of a range: what it leaves out comes from the start (3月16日至20日); an end
    relative to the anchor (上個月到今天, 昨天到明天) is anchored itself; a year word that means
    nothing alone (2024年9月29日至翌年1月2日, 3月至同年5月) counts from the start's year."""
    if spec.needs_clause and spec.year is None:
        return resolve(spec, anchor, start.year)
    if (spec.year is not None or spec.year_short is not None or spec.year_rel is not None or spec.day_rel is not None
            or spec.month_rel is not None or spec.quarter_rel is not None or spec.weekday is not None
            or spec.easter is not None):
        return resolve(spec, anchor, clause_year)
    y, m, d = start.year, spec.month, spec.day
    inherited_month = m is None and d is not None
    if inherited_month:
        m = start.month
    end = Point(y, m, d, spec.hour, spec.minute, spec.second)
    if is_before(end, start):  # 12月28日至1月3日, 3月30日至2日: the end rolls over
        if inherited_month and m is not None:
            y, m = shift_month(y, m, 1)
        else:
            y += 1
        end = Point(y, m, d, spec.hour, spec.minute, spec.second)
    if not valid(end.year, end.month, end.day) or is_before(end, start):
        return None
    return end


def is_before(a: Point, b: Point) -> bool:
    key = lambda p: (p.year, p.month or 0, p.day or 0)  # noqa: E731
    return key(a) < key(b)


class Candidate(NamedTuple):
    """A rule's reading of a match: where it is and what it says (a range's end apart)."""

    start: int
    end: int
    rule: str
    spec: Spec
    end_spec: Spec | None = None
    calendar_roc: bool = False
    # a list (3月5、6日, 第3、4季): each item's span, spec and the spec of its end if it is a
    # range (a quarter's last month); the items after the first take what they leave out from it
    items: tuple[tuple[int, int, Spec, Spec | None], ...] | None = None


def _past_midnight(p: Point) -> Point:
    """5日晚上12時 (hour 24): 00:00 of the next day, as 今晚12時 is."""
    if p.hour != 24 or p.day is None or p.month is None:
        return p
    day = dt.date(p.year, p.month, p.day) + dt.timedelta(days=1)
    return Point(day.year, day.month, day.day, 0, p.minute, p.second)


def value(c: Candidate, anchor: dt.date, clause_year: int | None) -> tuple[str, dict] | None:
    """The normalized value of a candidate and the fields beside it; None if it names no day."""
    start = resolve(c.spec, anchor, clause_year)
    if start is None:
        return None
    start = _past_midnight(start)
    return _ranged(start, c.spec.grain, c.end_spec, anchor, clause_year)


def _ranged(start: Point, grain: str, end_spec: Spec | None, anchor: dt.date,
            clause_year: int | None) -> tuple[str, dict] | None:
    """The value of a point, or of a range from it to ``end_spec``; None if the end comes first."""
    if end_spec is None:
        return fmt(start, grain), {"grain": grain}
    end = resolve_end(end_spec, start, anchor, clause_year)
    if end is None or is_before(end, start):
        return None
    end_grain = end_spec.grain
    if end.hour == 24:  # 至16日24時: the end of the 16th, 00:00 of the 17th after a start with its time
        if grain != "datetime":
            end, end_grain = end._replace(hour=None, minute=None), "day"
        else:
            day = dt.date(end.year, end.month, end.day) + dt.timedelta(days=1)
            end = Point(day.year, day.month, day.day, 0, end.minute or 0, end.second)
    if grain == "year" and end_grain in ("month", "day") and end.year == start.year and end.month != 12:
        # 今年至5月, 2024年至9月10日: the year from its first month (or day) up to that month (or day);
        # to its December (今年開始至年底) the span stays as written, the whole year
        start, grain = start._replace(month=1, day=1 if end_grain == "day" else None), end_grain
    a = fmt(start, grain)
    b = fmt(end, end_grain)
    if a == b:
        return a, {"grain": grain}
    return f"{a}/{b}", {"grain": grain, "range_start": a, "range_end": b}


def values(c: Candidate, anchor: dt.date, clause_year: int | None) -> list[tuple[int, int, tuple[str, dict]]]:
    """(start, end, value) of a candidate, or of each item of a list (3月5、6日)."""
    if c.items is None:
        got = value(c, anchor, clause_year)
        return [] if got is None else [(c.start, c.end, got)]
    first = resolve(c.spec, anchor, clause_year)
    if first is None:
        return []
    first = _past_midnight(first)
    out = []
    for index, (start, end, spec, end_spec) in enumerate(c.items):
        point = first if index == 0 else resolve_end(spec, first, anchor, clause_year)
        got = None if point is None else _ranged(point, spec.grain, end_spec, anchor, clause_year)
        if got is not None:
            out.append((start, end, got))
    return out
