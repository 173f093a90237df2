"""The date extractor: the kept candidates of a document, anchored and normalized."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Iterator

import regex

from ...document import Document
from ...fold import fold
from ...model import Entity
from ..money.region import page_region
from .anchors import FISCAL_YEAR_WORDS, SENTENCE_BREAK, Anchors, clause_years
from .matching import document_matches, select
from .page_date import document_date
from .reading import Ctx, after_is, before_is, groups, time_of_day
from .values import Candidate, Spec, resolve, values
from .words import EVENING_WORDS, PREVIOUS_YEAR, context


class DateExtractor:
    type = "date"

    def find(self, doc: Document) -> Iterator[Entity]:
        ref = doc.ref_date if doc.ref_date is not None else document_date(doc)
        ctx = Ctx(doc.folded, doc.text, ref, lambda: doc.script, lambda: page_region(doc))
        found, parsed = document_matches(doc)
        cands = select(found, ctx, parsed)
        anchors = Anchors(ctx, cands, ref) if ref is not None else None
        clause = clause_years(ctx, cands, anchors)
        skip = -1
        period: tuple[int, int, str, dict] | None = None  # the last month, day or range named
        # the last one named in the anchor's own year or later (not 去年12月), and how many years
        # back the last one was named (去年12月: -1)
        present_period: tuple[int, int, str, dict] | None = None
        period_back = 0
        period_dateline = False  # the last period named is a dateline's day
        span_first: str | None = None  # the first day of the last period when it is days listed or a range
        stated: tuple[int, int, bool] | None = None  # (end, year, a year alone) of the last date named with a
        # year of its own (or 今年)
        undated = doc.ref_source == "today"  # the page was written on or before today
        shift = _fiscal_shift(ctx, cands, anchors, clause) if anchors is not None else 0
        land_year = _land_sale_year(ctx) if anchors is not None else None
        defined_year = _defined_year(ctx, cands, anchors) if anchors is not None else None
        fiscal_words = any(w in ctx.folded for w in _FISCAL_WORDS)
        # a company's year named with a part, on a page that never says where its periods end (截至…止)
        fiscal_parts = (fiscal_words and not any(w in ctx.folded for w in _PERIOD_END_WORDS)
                        and context("FISCAL_PART").search(ctx.folded) is not None)
        # 截至12月底次季 … 次季業績: a company's period word that the page once dates by the day it ends at
        # means that period wherever else it stands bare, the headline's before it included (folded word ->
        # the dated value); the bare ones wait in ``bare`` until the page is read
        dated_parts: dict[str, str] = {}
        bare: list[tuple[int, str]] = []
        out: list[tuple[int, int, str, str, dict]] = []
        for i, c in enumerate(cands):
            if i == skip or (c.spec.anchored and anchors is None):
                continue
            if _ends_unread_range(ctx, cands, i):
                continue
            if i + 1 < len(cands) and _weekday_of_next(ctx, c, cands[i + 1]):
                continue
            if fiscal_words and c.spec.year is None and c.spec.year_rel is not None \
                    and context("FISCAL_GLOSS").match(ctx.folded, c.end):
                continue  # 本年度(2026財年上半年): the company's year, glossed
            anchor = anchors.at(c.start) if anchors is not None else dt.date(2000, 1, 1)
            if undated and anchor == ref:
                c = _in_past(c)
            if c.spec.hour is None and c.end_spec is None and not c.items and c.spec.grain == "day":
                c = _bare_hour_range(ctx, c)
            if c.spec.hour is not None and c.end_spec is None and not c.items:
                c = _clock_range_end(ctx, c)
            listed_month = _listed_month(ctx, c, period, anchor)
            c = _last_years_month(ctx, c, anchor)
            if clause.get(i) is None:
                c = _nearest_holiday(c, anchor)
            joined = (_joined(ctx, c, cands[i + 1]) or _period_named_after(ctx, c, cands[i + 1])
                      or _this_day_of_year(ctx, c, cands[i + 1], anchor)
                      or _to_next_day(ctx, c, cands[i + 1], anchor, clause.get(i))
                      if i + 1 < len(cands) else None)
            if joined is None and c.rule == "date.same_period" and _dated_in_brackets(ctx, c, cands, i):
                continue  # 去年同期(2018年9月22至24日): the brackets give the period itself, another span than a shift
            got = values(joined, anchor, clause.get(i)) if joined is not None else []
            dated_by_end = False
            if got:
                c, skip = joined, i + 1
            elif glossed := _glossed_day(ctx, c, period, anchor):
                got = glossed
            elif from_line := _relative_day_of_line(ctx, c, period, anchor):
                got = from_line
            elif c.rule == "date.same_period" and period is not None and not period_dateline \
                    and not _compares_ahead(c, period, anchor):
                # 去年第3季…較前年同期: a period named years back moves by the rest; but 元月營收…較去年12月…
                # 較去年同期: a period already as far back is none that 去年同期 moves, the one before it is
                back = period_back if c.spec.year is None else 0
                compared = period
                if back and _years_back(c) - back >= 0:
                    # (with none named before it, the page compares that period with its year before)
                    compared, back = present_period or period, 0
                got = _same_period(ctx, c, compared, back)
            elif listed_month:
                got = listed_month
            elif c.rule in LISTED_DAY_RULES and period is not None:
                got = _listed_day(ctx, c, period, anchor)
            elif c.rule == "date.next_day":
                got = _next_day(ctx, c, period, anchor, span_first)
                if not got:
                    continue  # 次日 with no day named before it in its paragraph: the text does not say which
            elif c.rule == "date.same_month_day":
                got = _same_month_day(c, period, anchor)
                if not got:
                    continue  # 同月9日 with no month named before it: no date
            elif c.rule == "date.same_day_time":
                got = _same_day_time(c, period, anchor)
                if not got:
                    continue  # 當天下午3時 with no day named before it: a clock time alone
            elif c.rule in FISCAL_PERIOD_RULES and (ending := _end_in_brackets(ctx, c, cands, i, anchor)) is not None:
                got = _period_ending(ctx, c, ending, anchor, after=True)
                dated_by_end = bool(got)
            elif c.rule in FISCAL_PERIOD_RULES and period is not None:
                got = _period_ending(ctx, c, period, anchor)
                dated_by_end = bool(got)
            if not got and c.rule == "date.same_period" and ctx.folded.startswith(PREVIOUS_YEAR, c.start):
                continue  # 前一年同期 with no period in reach: the year before which, the text does not say here
            if not got and stated is not None:
                got = _narrated_month(ctx, c, stated, anchor)
            if not got and defined_year is not None and _is_defined_year_term(ctx, c):
                got = values(c._replace(spec=c.spec._replace(year=defined_year, year_rel=None)), anchor, None)
            if not got and land_year is not None and c.rule in FISCAL_PERIOD_RULES:
                got = _land_sale_quarter(ctx, cands[i], land_year, anchor)  # as written (not moved to last year)
            if not got and shift and c.rule in FISCAL_PERIOD_RULES:
                got = _in_fiscal_year(ctx, c, shift, anchor, clause.get(i))
            if not got and fiscal_parts and c.rule in FISCAL_PERIOD_RULES and _yearless(c.spec):
                continue  # 2026財年上半年 … 上半年: the company's half, whose months the page does not give
            if not got and clause.get(i) is None and (year := _chronology_year(ctx, c, period, anchor)) is not None:
                got = values(c._replace(spec=c.spec._replace(year=year, nearest=False)), anchor, None)
            if not got:
                got = values(c, anchor, clause.get(i))
            if c.rule in FISCAL_PERIOD_RULES and _yearless(c.spec) and len(got) == 1:
                word = ctx.folded[c.start:c.end]
                if dated_by_end:
                    dated_parts.setdefault(word, got[0][2][0])
                elif clause.get(i) is None and not _FISCAL_YEAR_BEFORE.search(ctx.folded, max(0, c.start - 12), c.start):
                    bare.append((len(out), word))  # (not 2024財政年第一季: a company year of its own before it)
            for start, end, (normalized, fields) in got:
                if c.spec.anchored:
                    fields["relative"] = True
                if c.calendar_roc:
                    fields["calendar"] = "roc"
                if fields["grain"] != "year" and c.rule != "date.same_period" \
                        and not _closes_period_before(ctx, cands, i) and not _reporting_day(ctx, c, end):
                    period = (start, end, normalized, fields)
                    period_back = min(c.spec.year_rel or 0, 0)
                    # (吉隆坡20日訊), 台北20日電: the dateline's day is the page's own, no period that a 去年同期
                    # after it compares (that is the year before, as with no period named)
                    period_dateline = c.spec.day is not None and ctx.folded.startswith(DATELINE_AFTER, end)
                    if not period_back:
                        present_period = period
                if not _yearless(c.spec) and c.rule != "date.same_period":
                    last = normalized.rsplit("/", 1)[-1]
                    stated = (end, int(last[:4]), len(last) == 4)  # (今年3月 after 2019年: this year's again)
                out.append((start, end, normalized, c.rule, fields))
            if got and period is not None and period[0] >= got[0][0]:  # this candidate named the last period
                first = got[0][2][0].split("/", 1)[0]
                span_first = first if (len(got) > 1 or "/" in got[-1][2][0]) and len(first) == 10 else None
        for at, word in bare:
            if word in dated_parts:
                start, end, _, rule, fields = out[at]
                out[at] = (start, end, dated_parts[word], rule, fields)
        for start, end, normalized, rule, fields in out:
            yield doc.entity("date", start, end, normalized, rule=rule, **fields)


# rules whose month is a number or name the text states (12月31日, 12/31, Dec 31, a stamp 12-31 23:05)
STATED_MONTH_RULES = frozenset({"date.cjk", "date.slash", "date.english", "date.month_day_clock"})  # (and 12-31 23:05)
# and the rules of a year's first months (前11個月數據 on a January page: last year's January to November)
LAST_YEARS_RANGE_RULES = STATED_MONTH_RULES | {"date.first_months"}
# a stated month this many months or more after the anchor's, with no year, is last year's
LAST_YEARS_MONTHS_AHEAD = 10


def _yearless(spec) -> bool:
    """No year of its own: none stated, relative or written short."""
    return spec.year is None and spec.year_rel is None and spec.year_short is None


def _in_last_year(c: Candidate, anchor: dt.date, with_end: bool) -> Candidate:
    year = anchor.year - 1
    end = c.end_spec._replace(year=year) if with_end else c.end_spec
    return c._replace(spec=c.spec._replace(year=year), end_spec=end)


def _last_years_month(ctx: Ctx, c: Candidate, anchor: dt.date) -> Candidate:
    """12月31日宣判, 12月營收 on a page of early January: a month with no year that would lie most of
    a year ahead of the anchor is the one just past (news reports what has happened). So is a
    company's quarter with no year that would end so far ahead: 第四季度淨收益 on a page of February
    (the results season) is last year's fourth quarter; not after a word of plans (預計第四季量產)."""
    spec, end = c.spec, c.end_spec
    if not _yearless(spec) or spec.quarter_rel is not None:
        return c
    if c.rule == "date.year_part":
        if (end is None or end.month is None or spec.month is None or end.month - spec.month != 2
                or end.year is not None or end.month - anchor.month < LAST_YEARS_MONTHS_AHEAD
                or before_is(ctx, c.start, "PLAN_BEFORE")):
            return c
        return _in_last_year(c, anchor, with_end=True)
    if c.rule not in LAST_YEARS_RANGE_RULES or spec.month is None or spec.month_rel is not None:
        return c
    # 10月至12月 on a January page: a range of months in one year that ends that far ahead is last year's too
    end_month = end.month if (end is not None and end.month is not None and _yearless(end)
                              and end.month >= spec.month) else None
    ahead = max(spec.month, end_month or 0) - anchor.month
    if ahead < LAST_YEARS_MONTHS_AHEAD and not (
            ahead > 0 and end is None and before_is(ctx, c.start, "MONTHS_AGO_BEFORE", 16)):
        return c  # (四個多月前、候任中的十二月初 on an April page: counted back, so last year's December)
    return _in_last_year(c, anchor, with_end=end_month is not None)


def _nearest_holiday(c: Candidate, anchor: dt.date) -> Candidate:
    """將於元旦起生效 on a page of 18 December, 聖誕節前 on one of early January: a holiday of a fixed day
    with no year is the one nearest the page's date; one that would lie ten months or more away in
    the anchor's year is next year's or last year's (the two weeks to 1 January, not fifty back)."""
    spec = c.spec
    if c.rule != "date.holiday" or not _yearless(spec) or spec.month is None or c.end_spec is not None:
        return c
    if anchor.month - spec.month >= LAST_YEARS_MONTHS_AHEAD:
        return c._replace(spec=spec._replace(year=anchor.year + 1))
    if spec.month - anchor.month >= LAST_YEARS_MONTHS_AHEAD:
        return c._replace(spec=spec._replace(year=anchor.year - 1))
    return c


# what may stand between a day just named and its gloss in brackets: 明年元旦日（1月1日）, 下週一 (12月1日)
_GLOSS_OPEN = regex.compile(fold(r"[日節]?[ ]{0,2}[(（][ ]{0,2}"))
_GLOSS_CLOSE = frozenset(fold(")）"))


def _glossed_day(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict] | None, anchor: dt.date) -> list:
    """明年元旦日（1月1日）: a month and day in brackets right after the same day just named (a holiday,
    a relative day) gloss it, and take its year, not the page's."""
    spec = c.spec
    if (period is None or not _yearless(spec) or spec.month is None or spec.day is None
            or c.end_spec is not None or c.items):
        return []
    _, end, normalized, _ = period
    if "/" in normalized or len(normalized) < 10 or normalized[4:10] != f"-{spec.month:02d}-{spec.day:02d}":
        return []
    if ctx.folded[c.end:c.end + 1] not in _GLOSS_CLOSE or _GLOSS_OPEN.fullmatch(ctx.folded, end, c.start) is None:
        return []
    return values(c._replace(spec=spec._replace(year=int(normalized[:4]))), anchor, None)


# how far a relative day may stand after the day its line has just named
LINE_DAY_REACH = 40


def _relative_day_of_line(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict] | None, anchor: dt.date) -> list:
    """香港新聞網10月16日電 行政長官今日(16日)表示: a relative day whose day in brackets is the day its line
    has just named (or that day's neighbour, 昨(15)日) counts from that day, the date line of an item of
    a list of other stories, not from the page's date (a page of 12/4 holds no 今日(16日) of its own)."""
    spec = c.spec
    if (period is None or spec.day_rel is None or spec.day is None or spec.month is not None
            or spec.year is not None or c.end_spec is not None or c.items):
        return []
    if (anchor + dt.timedelta(days=spec.day_rel)).day == spec.day:
        return []  # 今(16)日 on a page of the 16th: the page's own day
    _, end, normalized, _ = period
    if "/" in normalized or len(normalized) < 10 or not 0 <= c.start - end <= LINE_DAY_REACH \
            or "\n" in ctx.folded[end:c.start]:
        return []
    try:
        day = dt.date.fromisoformat(normalized[:10]) + dt.timedelta(days=spec.day_rel)
    except ValueError:
        return []
    if day.day != spec.day or (day.year, day.month) == (anchor.year, anchor.month):
        return []
    return values(c._replace(spec=spec._replace(year=day.year, month=day.month, day_rel=None)), anchor, None)


def _in_past(c: Candidate) -> Candidate:
    """On a page dated only by today, a day without its month (14日, 昨(10)日) is the latest one up to it."""
    if not (c.spec.nearest or c.spec.day_rel is not None and c.spec.day is not None):
        return c
    end = c.end_spec._replace(past=True) if c.end_spec is not None else None
    return c._replace(spec=c.spec._replace(past=True), end_spec=end)


BRACKETS = frozenset("(（")


def _weekday_of_next(ctx: Ctx, c: Candidate, after: Candidate) -> bool:
    """星期日 2015年4月8日: a bare weekday right before a date with its month and day is that
    date's weekday, not a day of its own; so is a weekday before its day in brackets (星期四(5月1日),
    the Singaporean and Malaysian press's way)."""
    if c.rule != "date.weekday" or c.spec.hour is not None or after.spec.day is None:
        return False
    bracket_end = after.start + (ctx.folded[after.start:after.start + 1] in BRACKETS)  # (25日) holds its bracket
    if context("WEEKDAY_IN_BRACKETS").fullmatch(ctx.folded, c.end, bracket_end) is not None:
        return True  # 星期四(5月1日), 周一(25日), 上周五(26日): the bracket names the day the weekday is
    return (c.spec.week_rel is None and after.spec.month is not None
            and context("WEEKDAY_BEFORE_DATE").fullmatch(ctx.folded, c.end, after.start) is not None)


def _joined(ctx: Ctx, first: Candidate, second: Candidate) -> Candidate | None:
    """今年初至11月14日: two dates with only 至/到/~ between them, as one range; so are two
    parts of a year (2024年第4季至2025年第1季, 今年初至第三季) and a part of a year and a month
    (2019年下半年至2024年5月): from the first's start to the second's end."""
    if first.items or second.items or second.rule in ANAPHORIC_RULES:
        return None  # (次日, 同日下午3時 name no day of their own: _to_next_day)
    if (not context("RANGE_BETWEEN").fullmatch(ctx.folded, first.end, second.start)
            and not _and_between(ctx, first, second) and not _after_before(ctx, first, second)):
        return None
    if first.end_spec is None and second.end_spec is None:
        end = second.spec
    elif second.end_spec is not None and _months_only(first) and _months_only(second):
        # the second's end month, in the year its start states (2025年第1季: March 2025)
        year = second.spec
        end = second.end_spec._replace(year=year.year, year_rel=year.year_rel, year_short=year.year_short,
                                       clause_year=year.clause_year, needs_clause=year.needs_clause)
    elif second.end_spec is None and _months_only(first) and _months_only(second):
        end = second.spec  # 2019年下半年至2024年5月: from the half's first month to that month
    else:
        return None
    spec = first.spec
    if spec.weekday is not None and spec.week_rel is None and end.weekday is not None and end.week_rel is not None:
        # 週日至下週一, 週三至下週五: a bare weekday that opens a range to a day of a named week is in
        # the week before that one (a range within one week names the week first: 下週一至週五),
        # not the latest such day on or before the anchor
        spec = spec._replace(week_rel=end.week_rel - 1)
    return first._replace(end=second.end, spec=spec, end_spec=end,
                          calendar_roc=first.calendar_roc or second.calendar_roc)


# rules whose day is the one named before them (次日, 同日下午3時, 同月9日)
ANAPHORIC_RULES = frozenset({"date.next_day", "date.same_day_time", "date.same_month_day"})


def _to_next_day(ctx: Ctx, first: Candidate, second: Candidate, anchor: dt.date,
                 clause_year: int | None) -> Candidate | None:
    """晚上10時至次日凌晨5時, 3月5日13:20至翌日05:40: a range from a day (and its time) to the day after
    it, with the clock time after 次日 if one follows."""
    if (second.rule != "date.next_day" or first.items or first.end_spec is not None
            or (first.spec.day is None and first.spec.day_rel is None)
            or not context("RANGE_BETWEEN").fullmatch(ctx.folded, first.end, second.start)):
        return None
    start = resolve(first.spec, anchor, clause_year)
    if start is None or start.day is None:
        return None
    day = dt.date(start.year, start.month, start.day) + dt.timedelta(days=1)
    end, stop = Spec(year=day.year, month=day.month, day=day.day), second.end
    m = context("NEXT_DAY_TIME").match(ctx.folded, second.end)
    if m is not None and first.spec.hour is not None:
        hour, minute, sec = time_of_day(groups(m), "e_")
        if hour is not None:
            end, stop = end._replace(hour=hour, minute=minute, second=sec), m.end()
    return first._replace(end=stop, end_spec=end)


_EVENING_DAY_WORDS = tuple(EVENING_WORDS)  # (words.py folds them already)


def _bare_hour_range(ctx: Ctx, c: Candidate) -> Candidate:
    """昨晚9~11點, 3月4日下午2至4時: the day's first hour without 時 or 點 before a range's end that
    has one; the day takes that hour, and _clock_range_end the end."""
    m = context("BARE_HOUR_RANGE").match(ctx.folded, c.end)
    if m is None:
        return c
    hour, minute, second = time_of_day(groups(m))
    if hour is None:
        return c
    if not m.group("ampm") and hour < 12 and any(ctx.folded.endswith(w, c.start, c.end) for w in _EVENING_DAY_WORDS):
        hour += 12  # 昨晚9~11點: 21:00
    started = c._replace(end=m.start("hh") + len(m.group("hh")), spec=c.spec._replace(hour=hour, minute=minute))
    ranged = _clock_range_end(ctx, started)
    return c if ranged.end_spec is None else ranged


def _clock_range_end(ctx: Ctx, c: Candidate) -> Candidate:
    """今晚8點至8點半, 3月4日下午2時至4時: a clock time right after a date's own time closes a range
    on that day. With no 上午/下午 of its own it keeps the afternoon or evening of the start
    (晚上8點至10點: 22:00), and 12 after an evening start is its midnight (晚上10點至12點: 00:00 of the
    next day); one that would not come after the start (晚上11點至1點) adds nothing."""
    m = context("CLOCK_RANGE_END").match(ctx.folded, c.end)
    if m is None:
        return c
    hour, minute, second = time_of_day(groups(m), "e_")
    if hour is None:
        return c
    if not m.group("e_ampm") and c.spec.hour >= 12 > hour and hour + 12 >= c.spec.hour:
        hour += 12
    elif not m.group("e_ampm") and hour == 12 and 18 <= c.spec.hour < 24:
        hour = 24  # 晚上10點至12點: the midnight that ends the evening (00:00 of the next day)
    if (hour, minute) <= (c.spec.hour, c.spec.minute or 0):
        return c
    end = c.spec._replace(hour=hour, minute=minute, second=second)
    return c._replace(end=m.end(), end_spec=end)


def _and_between(ctx: Ctx, first: Candidate, second: Candidate) -> bool:
    """2007年與2009年之間, 三月和九月間, 1月15日和2月3日之間: two dates of one kind (years, months or
    days) joined by 與/和/跟/及 and closed by (之)間 name the span between them."""
    a, b = first.spec, second.spec
    return (second.start - first.end <= 3  # 與, 和 and spaces: a cheap test first
            and (a.day is None) == (b.day is None) and (a.month is None) == (b.month is None)
            and first.end_spec is None and second.end_spec is None
            and context("RANGE_AND_BETWEEN").fullmatch(ctx.folded, first.end, second.start) is not None
            and after_is(ctx, second.end, "RANGE_CLOSE_AFTER"))


def _after_before(ctx: Ctx, first: Candidate, second: Candidate) -> bool:
    """2012年以後、2016年以前, 3月1日之後5月1日之前: after one date and before another of its kind,
    the span between them."""
    a, b = first.spec, second.spec
    return (second.start - first.end <= 5
            and (a.day is None) == (b.day is None) and (a.month is None) == (b.month is None)
            and first.end_spec is None and second.end_spec is None
            and context("RANGE_AFTER_BETWEEN").fullmatch(ctx.folded, first.end, second.start) is not None
            and after_is(ctx, second.end, "RANGE_BEFORE_CLOSE"))


def _period_named_after(ctx: Ctx, c: Candidate, after: Candidate) -> Candidate | None:
    """去年同期11月營收, 前年同期第3季: 去年同期 right before a month or part of a year with no year of
    its own names that period, so many years back (去年11月), not the period named before it."""
    if (c.rule != "date.same_period" or c.spec.year_rel is None or after.items
            or not _months_only(after) or after.spec.year is not None or after.spec.year_rel is not None
            or context("SAME_PERIOD_NAMED_BETWEEN").fullmatch(ctx.folded, c.end, after.start) is None):
        return None
    years = c.spec.year_rel
    end = after.end_spec._replace(year_rel=years, clause_year=c.spec.clause_year) if after.end_spec is not None else None
    return after._replace(start=c.start, spec=after.spec._replace(year_rel=years, clause_year=c.spec.clause_year),
                          end_spec=end)


# a relative year and the day or month of the anchor named after it: one date (去年的今天)
_OF_YEAR_RULES = frozenset({"date.year", "date.ago"})


def _this_day_of_year(ctx: Ctx, c: Candidate, after: Candidate, anchor: dt.date) -> Candidate | None:
    """去年本月, 明年這個月, 去年本月十日: 本月 right after a relative year is the anchor's month in
    that year (twelve months back or on), not this year's month beside last year; 去年的今天,
    一年前的今天: the anchor's day in that year."""
    spec, then = c.spec, after.spec
    if (c.rule not in _OF_YEAR_RULES or c.items or after.items or c.end_spec is not None or spec.year_rel is None
            or spec.month is not None or spec.month_rel is not None or spec.day_rel is not None
            or spec.needs_clause or ctx.folded[c.end:after.start].strip(" ") not in ("", "的")):
        return None
    back = 12 * spec.year_rel
    if after.rule == "date.relative_month" and then.month_rel == 0:
        end = after.end_spec._replace(month_rel=back) if after.end_spec is not None else None
        return after._replace(start=c.start, spec=then._replace(month_rel=back), end_spec=end)
    if (after.rule == "date.relative_day" and then.day_rel == 0 and then.day is None and after.end_spec is None
            and then.weekday is None):
        return after._replace(start=c.start, spec=then._replace(day_rel=None, month_rel=back, day=anchor.day))
    return None


def _months_only(c: Candidate) -> bool:
    """A month or a span of months (第3季, 上半年, 年初), no day in it."""
    return c.spec.day is None and c.spec.day_rel is None and c.spec.weekday is None and c.spec.month is not None and (
        c.end_spec is None or c.end_spec.day is None and c.end_spec.weekday is None)


# a day with no month of its own (6日, 六日)
LISTED_DAY_RULES = frozenset({"date.day", "date.day_cn"})
# a day and a range word right before a bare day (農曆3月2日至|5日, 每年3月2日至|5日)
_RANGE_FROM_DAY = regex.compile(r"(?r)[日号][ ]?(?:[(（][^)）]{1,3}[)）])?[ ]?(?:至|到|~|～|-|–|—)[ ]?\Z")


def _ends_unread_range(ctx: Ctx, cands: list[Candidate], i: int) -> bool:
    """A bare day that ends a range whose start no candidate covers (a lunar or recurring day, a
    refused year: 農曆3月2日至5日, 每年3月2日至5日): read alone it would be this month's, a wrong day."""
    c = cands[i]
    if c.rule not in LISTED_DAY_RULES or c.end_spec is not None or c.items:
        return False
    gap = _RANGE_FROM_DAY.search(ctx.folded, max(0, c.start - 10), c.start)
    return gap is not None and not (i > 0 and cands[i - 1].end > gap.start())


def _listed_day(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict], anchor: dt.date) -> list:
    """3月5日、6日及7日: a bare day listed right after a day takes that day's month and year,
    not the month nearest the page's date."""
    _, end, normalized, _ = period
    last = normalized.rsplit("/", 1)[-1]
    if c.end_spec is not None or len(last) < 10:
        return []
    if not context("LIST_BETWEEN").fullmatch(ctx.folded, end, c.start) and not _narrated_day(ctx, c, period, anchor):
        return []
    year, month = _year_month(last)
    spec = c.spec._replace(year=year, month=month, nearest=False)
    return values(c._replace(spec=spec), anchor, None)


# how far a bare day may stand after the day a narrative last named, and across how many sentence breaks
NARRATED_DAY_REACH = 80
NARRATED_DAY_BREAKS = 1
# how many days before the page's a bare day may be and still be the page's own recent day after a day ahead
RECENT_DAY_REACH = 6


def _narrated_day(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict], anchor: dt.date) -> bool:
    """去年12月13日相約遊玩…。至15日早上離開: a bare day on or after the day a police or court narrative has
    just named (13日晚間 after it: that day again), in another month than the page's, in the same sentence or the next and close after it,
    is in that day's month (the narrative goes on), not in the page's; but the page's own day stays the page's."""
    _, end, normalized, _ = period
    if len(normalized) != 10 or c.start - end > NARRATED_DAY_REACH or c.spec.day is None:
        return False
    year, month = _year_month(normalized)
    if (year, month) == (anchor.year, anchor.month) or c.spec.day < int(normalized[8:10]) \
            or c.spec.day > calendar.monthrange(year, month)[1] or c.spec.day == anchor.day:
        # (18日 on a page of the 18th is the report's own day: 他在2月3日報到，18日再回鄉)
        return False
    if dt.date(year, month, int(normalized[8:10])) > anchor and c.spec.day <= anchor.day \
            and anchor.day - c.spec.day <= RECENT_DAY_REACH:
        return False  # 8月1日大限逼近…會長29日啟程 on a page of 7/30: the day named lies ahead; a day of the
        # page's own week just before it is the recent day the report tells of, not one in the deadline's month
    between = ctx.folded[end:c.start]
    return "\n" not in between and len(SENTENCE_BREAK.findall(between)) <= NARRATED_DAY_BREAKS


def _narrated_month(ctx: Ctx, c: Candidate, stated: tuple[int, int, bool], anchor: dt.date) -> list:
    """在甲州於2023年4月組成政府前，他於1月至4月共獲得…，從4月起…; 2023年，他於5月…: a month (or range of
    months) with no year, later in the sentence that has just named an earlier year or a month of one, and
    that in the page's year would still lie ahead of the page (news tells what has happened), is in that year;
    so is a part of a year (上半年, 第3季, 前三季) after a year named alone, the whole of which it is part of."""
    spec, end_spec = c.spec, c.end_spec
    end, year, whole_year = stated
    if (c.rule not in NARRATED_MONTH_RULES or spec.month is None or spec.month_rel is not None or not _yearless(spec)
            or spec.quarter_rel is not None or c.items or year >= anchor.year):
        return []
    # (a year alone that opens its paragraph, 2023年，…: the paragraph's topic, which its later sentences go on in)
    topic = whole_year and ctx.folded[end:end + 1] in TOPIC_YEAR_COMMAS and PARAGRAPH_YEAR.search(
        ctx.folded, max(0, end - PARAGRAPH_YEAR_WIDTH), end) is not None
    if c.start - end > (TOPIC_YEAR_REACH if topic else NARRATED_MONTH_REACH):
        return []
    if end_spec is not None and (end_spec.month is None or not _yearless(end_spec)):
        return []
    last_month = end_spec.month if end_spec is not None else spec.month
    if c.rule == "date.year_part" and whole_year and YEAR_SCOPE.fullmatch(ctx.folded, end, c.start) is not None:
        # 2024年全市一季度, 2023年某某市上半年: only the place whose figures they are stands between the year and its part
        end_spec = end_spec._replace(year=year) if end_spec is not None else None
        return values(c._replace(spec=spec._replace(year=year, nearest=False), end_spec=end_spec), anchor, None)
    if last_month <= anchor.month:
        return []  # (a month up to the page's own may be this year's: the text does not say)
    if c.rule == "date.year_part" and (not whole_year or last_month - anchor.month < NARRATED_PART_AHEAD):
        return []  # (2025年營收…第1季展望 on a January page: the quarter under way may be this year's;
        # 2024年第二、三季…，第四季: a quarter after quarters is read as the page's, as the letter has it)
    between = ctx.folded[end:c.start]
    if "\n" in between or SENTENCE_BREAK.search(between) is not None and not topic:
        return []
    if before_is(ctx, c.start, "PLAN_BEFORE") or any(w in between for w in NARRATED_MONTH_PLANS):
        return []  # 該公司2019年成立，預計3月上市: a plan looks ahead from the page, not from the year named
    end_spec = end_spec._replace(year=year) if end_spec is not None else None
    return values(c._replace(spec=spec._replace(year=year, nearest=False), end_spec=end_spec), anchor, None)


# what follows a dateline's day (吉隆坡20日訊, 台北20日電, 新加坡20日專電) (folded)
DATELINE_AFTER = tuple(fold(w) for w in ("訊", "電", "專電"))
# a part of a year goes on in the year named too (2025年全年…若加計上半年…, 去年營收…其中第3季…; not 本季)
NARRATED_MONTH_RULES = STATED_MONTH_RULES | {"date.year_part"}
# the place or scope between a year and its part (2024年|全市|一季度, 2023年|某某市|上半年) (folded)
YEAR_SCOPE = regex.compile(fold(r"[全我本該][市省縣區國]|\p{Han}{1,4}[市省縣區]"))
# a part of a year must end this many months or more after the page's month to be moved so
NARRATED_PART_AHEAD = 3
# how far a yearless month may stand after the earlier year its sentence named
NARRATED_MONTH_REACH = 120
# a year alone at the head of its paragraph (2023年，全縣…。1~11月，…): the later sentences of the paragraph go on
# in it, as far as this (folded; the year, then a comma)
PARAGRAPH_YEAR = regex.compile(r"(?:^|\n)[ \t\u3000]*\d{4}" + fold("年") + "$")
PARAGRAPH_YEAR_WIDTH = 12
TOPIC_YEAR_COMMAS = frozenset(fold(",，"))
TOPIC_YEAR_REACH = 400
# words of plans and expectations between that year and the month (料, 將, 預計): the month is the page's future
NARRATED_MONTH_PLANS = tuple(fold(w) for w in ("將", "預計", "預定", "計劃", "計畫", "擬", "可望", "料", "打算", "準備", "有望"))


def _listed_month(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict] | None, anchor: dt.date) -> list:
    """2016年4月和7月, 去年4月、7月及9月: a month with no year of its own listed right after a month or day
    takes that one's year, not the page's."""
    spec = c.spec
    if (period is None or c.rule not in STATED_MONTH_RULES or spec.month is None or spec.year is not None
            or spec.year_rel is not None or spec.year_short is not None or spec.month_rel is not None
            or c.end_spec is not None or c.items):
        return []
    _, end, normalized, _ = period
    last = normalized.rsplit("/", 1)[-1]
    if len(last) < 7 or not context("LIST_BETWEEN").fullmatch(ctx.folded, end, c.start):
        return []
    return values(c._replace(spec=spec._replace(year=int(last[:4]), nearest=False)), anchor, None)


# how far a yearless day may stand after the last day of a chronology that it continues
CHRONOLOGY_REACH = 120


def _chronology_year(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict] | None,
                     anchor: dt.date) -> int | None:
    """2024年9月5日,兩家公司停牌;10月9日,發布預案;11月5日,市政府批覆 on a page of March 2025: a timeline's
    yearless month and day that would lie ahead of the anchor in the anchor's year, but falls after the
    day it last named in that day's earlier year, goes on in that year (news reports what has happened);
    not a plan (預計10月9日完工) nor across a paragraph."""
    spec = c.spec
    if (period is None or c.rule not in STATED_MONTH_RULES or not _yearless(spec) or spec.month is None
            or spec.day is None or spec.month_rel is not None or c.end_spec is not None or c.items):
        return None
    _, end, normalized, _ = period
    last = normalized.rsplit("/", 1)[-1]
    if len(last) != 10 or c.start - end > CHRONOLOGY_REACH or "\n" in ctx.folded[end:c.start]:
        return None
    year, month = _year_month(last)
    if year >= anchor.year or (spec.month, spec.day) <= (anchor.month, anchor.day) \
            or (spec.month, spec.day) <= (month, int(last[8:10])) or before_is(ctx, c.start, "PLAN_BEFORE"):
        return None
    return year


def _same_month_day(c: Candidate, period: tuple[int, int, str, dict] | None, anchor: dt.date) -> list:
    """同月9日: the day in the month of the last month or day named before it."""
    if period is None:
        return []
    last = period[2].rsplit("/", 1)[-1]
    if len(last) < 7:
        return []
    year, month = _year_month(last)
    return values(c._replace(spec=c.spec._replace(year=year, month=month, nearest=False)), anchor, None)


# 首日…第二天: the first day of the span just named, so 第二天 after it is that span's second day
_FIRST_DAY_WORDS = tuple(fold(w) for w in ("首日", "第一天", "頭一天"))
_SECOND_DAY = fold("第二天")


def _next_day(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict] | None, anchor: dt.date,
              span_first: str | None = None) -> list:
    """次日, 翌日, 隔天: the day after the last day named before it in the same paragraph (the end
    of a range: 3月3日至5日…次日 is the 6th); but 第二天 after 首日 in the span's own account is the span's
    second day (3月28、29日開幕周，首日…，第二天…: the 29th)."""
    if period is None or "\n" in ctx.folded[period[1]:c.start]:
        return []
    last = period[2].rsplit("/", 1)[-1][:10]
    if span_first is not None and ctx.folded[c.start:c.end] == _SECOND_DAY \
            and any(w in ctx.folded[period[1]:c.start] for w in _FIRST_DAY_WORDS):
        last = span_first
    if len(last) != 10:
        return []
    day = dt.date.fromisoformat(last) + dt.timedelta(days=1)
    return values(c._replace(spec=c.spec._replace(year=day.year, month=day.month, day=day.day)), anchor, None)


def _same_day_time(c: Candidate, period: tuple[int, int, str, dict] | None, anchor: dt.date) -> list:
    """同日下午五時三十分: the clock time on the last day named before it (not a range: which of its days, the
    text does not say)."""
    if period is None or "/" in period[2]:
        return []
    last = period[2]
    if len(last) < 10:
        return []
    year, month = _year_month(last)
    spec = c.spec._replace(year=year, month=month, day=int(last[8:10]))
    return values(c._replace(spec=spec), anchor, None)


def _year_month(iso: str) -> tuple[int, int]:
    """The year and month of a value of month or day grain (2025-03, 2025-03-05)."""
    return int(iso[:4]), int(iso[5:7])


# a company's quarter, half-year or first months (第二季, 次季, 上半年, 首9個月)
FISCAL_PERIOD_RULES = frozenset({"date.year_part", "date.first_months"})
# a company's year stated right before one of its periods (2024財政年|第一季, FY2024的|上半年)
_FISCAL_YEAR_BEFORE = regex.compile(fold(r"(?:(?:19|20)[0-9]{2}[ ]?(?:財年|財政年度|財政年|會計年度)|FY[ ]?[0-9]{2,4})[ ]?的?[ ]?$"))
# a company's year (財年, FY): a cheap look before the page's FISCAL_PART and FISCAL_GLOSS are sought (FY2026
# is written as no year word does)
_FISCAL_WORDS = FISCAL_YEAR_WORDS + ("FY",)
_PERIOD_END_WORDS = tuple(fold(w) for w in ("截至", "截止"))


def _end_in_brackets(ctx: Ctx, c: Candidate, cands: list[Candidate], i: int,
                     anchor: dt.date) -> tuple[int, int, str, dict] | None:
    """2023財政年第3季(截至9月30日止): the date in brackets right after a company's period, that
    the period ends at, as _period_ending reads a date before it."""
    if i + 1 >= len(cands) or context("PERIOD_END_AFTER").match(ctx.folded, c.end, cands[i + 1].start) is None:
        return None
    # (on a page of early in the year, 截至12月31日 is the December just past, as it is read alone)
    got = values(_last_years_month(ctx, cands[i + 1], anchor), anchor, None)
    return (cands[i + 1].start, cands[i + 1].end, *got[0][2]) if len(got) == 1 else None


def _reporting_day(ctx: Ctx, c: Candidate, end: int) -> bool:
    """昨日，據某機構統計… / 今天，記者從…獲悉: a relative day that opens a clause of who reports is
    when the news came, no period that a 同期 after it compares."""
    return (c.spec.day_rel is not None and c.spec.month is None
            and context("REPORTING_AFTER").match(ctx.folded, end) is not None)


def _closes_period_before(ctx: Ctx, cands: list[Candidate], i: int) -> bool:
    """第3季(截至9月30日止)…上年同期: the day in brackets only says where the period before it
    ends; a 同期 after them compares that period, not the day."""
    return (i > 0 and cands[i - 1].rule in FISCAL_PERIOD_RULES
            and context("PERIOD_END_AFTER").match(ctx.folded, cands[i - 1].end, cands[i].start) is not None)


def _period_ending(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict], anchor: dt.date,
                   after: bool = False) -> list:
    """截至7月杪第二季, 截至6月30日止首季: a company's period that ends at the date before it
    (the Malaysian press's results), or (``after``) in brackets after it: as many months as the
    period spans, ending in that date's month (May to July), not the calendar quarter."""
    start, end, normalized, _ = period
    if "/" in normalized or c.spec.year is not None or c.spec.year_rel is not None or c.end_spec is None \
            or c.spec.month is None or c.end_spec.month is None:
        return []
    if not after and not (context("PERIOD_END_BEFORE").search(ctx.folded, max(0, start - 8), start)
                          and context("PERIOD_END_BETWEEN").fullmatch(ctx.folded, end, c.start)):
        return []
    year, month = _year_month(normalized)
    first = year * 12 + month - 1 - (c.end_spec.month - c.spec.month)
    spec = c.spec._replace(year=first // 12, month=first % 12 + 1)
    end_spec = c.end_spec._replace(year=year, month=month)
    return values(c._replace(spec=spec, end_spec=end_spec), anchor, None)


def _month_index(iso: str) -> int:
    """A month's place in time, in months (2025-03 and 2025-03-05: 2025 * 12 + 2)."""
    year, month = _year_month(iso)
    return year * 12 + month - 1


DEFINED_YEAR_TERM = fold("本年度")


def _is_defined_year_term(ctx: Ctx, c: Candidate) -> bool:
    """Whether the candidate is the bare word 本年度, which a results announcement may define."""
    return c.end - c.start == len(DEFINED_YEAR_TERM) and ctx.folded.startswith(DEFINED_YEAR_TERM, c.start)


def _defined_year(ctx: Ctx, cands: list[Candidate], anchors: Anchors) -> int | None:
    """截至2025年12月31日止十二個月（「本年度」）: the year a results announcement names 本年度, as a
    term of its own, from the day its year ends at; its 本年度 is that year, not the page's (the
    announcement of a year's results comes out early in the next). None where no such term is defined."""
    if DEFINED_YEAR_TERM not in ctx.folded:
        return None
    between = context("YEAR_DEFINED_BETWEEN")
    for before, c in zip(cands, cands[1:]):
        if _is_defined_year_term(ctx, c) and before.spec.day is not None \
                and between.fullmatch(ctx.folded, before.end, c.start):
            got = values(before, anchors.at(before.start), None)
            if len(got) == 1:
                return int(got[0][2][0].rsplit("/", 1)[-1][:4])
    return None


def _fiscal_shift(ctx: Ctx, cands: list[Candidate], anchors, clause: dict) -> int:
    """How many months a company's year on the page is off the calendar's: where a period is given
    its end (截至去年11月底的第一季 is September to November; 截至今年9月底的上半年 is April to
    September), the months from the calendar's period to it, if every such period agrees and is less
    than a year off (0 if none does, or they differ: two companies' years)."""
    shifts = set()
    for i, c in enumerate(cands):
        if c.rule not in FISCAL_PERIOD_RULES:
            continue
        anchor = anchors.at(c.start)
        ending = _end_in_brackets(ctx, c, cands, i, anchor)
        got = _period_ending(ctx, c, ending, anchor, after=True) if ending is not None else []
        if not got and i:
            before = values(cands[i - 1], anchor, clause.get(i - 1))
            if len(before) == 1:
                got = _period_ending(ctx, c, (before[0][0], before[0][1], *before[0][2]), anchor)
        plain = values(c, anchor, clause.get(i)) if got else []
        if len(got) == 1 and len(plain) == 1:
            shifts.add(_month_index(got[0][2][0].rsplit("/", 1)[-1]) - _month_index(plain[0][2][0].rsplit("/", 1)[-1]))
    shift = shifts.pop() if len(shifts) == 1 else 0
    return shift if abs(shift) < 12 else 0  # (a whole year off is a period of another year, no company's year)


# Hong Kong's land sale programme of a government year (2026/27年度賣地計劃, 2026-27年度第二季賣地計劃): its
# quarters are that year's, which starts in April (首季推出的住宅地 is April to June)
_LAND_SALE_WORD = fold("賣地")
_LAND_SALE_YEAR = regex.compile(fold(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[ ]?[/／\-至][ ]?(?:(?:19|20)?[0-9]{2})[ ]?(?:財政)?年度的?[ ]?(?:首季|第[1-4一二三四]季度?)?[ ]?賣地計劃"))
_NUMBERED_QUARTER = regex.compile(fold(r"(?:首|第[1-4一二三四])季度?|[一二三四]季度"))
HK_YEAR_START_MONTH = 4  # the Hong Kong government's year runs April to March


def _land_sale_year(ctx: Ctx) -> int | None:
    """The first year of the one land sale programme a page names (None if none, or two)."""
    if _LAND_SALE_WORD not in ctx.folded:
        return None
    years = {int(m.group("y")) for m in _LAND_SALE_YEAR.finditer(ctx.folded)}
    return years.pop() if len(years) == 1 else None


def _land_sale_quarter(ctx: Ctx, c: Candidate, year: int, anchor: dt.date) -> list:
    """A numbered quarter with no year of its own (首季, 第二季) on a page about the land sale
    programme of the government year starting in April of ``year``: that year's quarter."""
    if c.spec.year is not None or c.spec.year_rel is not None \
            or not _NUMBERED_QUARTER.fullmatch(ctx.folded, c.start, c.end):
        return []
    plain = values(c, anchor, None)
    if len(plain) != 1 or "/" not in plain[0][2][0]:
        return []
    quarter = (_year_month(plain[0][2][0].split("/", 1)[0])[1] - 1) // 3
    end = year * 12 + HK_YEAR_START_MONTH - 1 + 3 * quarter + 2
    return _period_ending(ctx, c, (c.start, c.start, f"{end // 12:04d}-{end % 12 + 1:02d}", {}), anchor, after=True)


def _in_fiscal_year(ctx: Ctx, c: Candidate, shift: int, anchor: dt.date, clause_year) -> list:
    """A company's period with no year of its own (首季, 上半年, 首9個月) on a page whose
    company's year is ``shift`` months off the calendar's: the same months of that year (SPH's 首季
    after 截至去年11月底的第一季: September to November)."""
    if c.spec.year is not None or c.spec.year_rel is not None:
        return []  # 今年上半年, 2024年第3季: the calendar's, as written
    plain = values(c, anchor, clause_year)
    if len(plain) != 1 or "/" not in plain[0][2][0]:
        return []
    end = _month_index(plain[0][2][0].rsplit("/", 1)[-1]) + shift
    return _period_ending(ctx, c, (c.start, c.start, f"{end // 12:04d}-{end % 12 + 1:02d}", {}), anchor, after=True)


def _compares_ahead(c: Candidate, period: tuple[int, int, str, dict], anchor: dt.date) -> bool:
    """…明年第一季將增至380人。護士流失率…較去年同期減少: 去年同期 after a period of a coming year
    would land in the page's own year or later, no "last year": the figure is compared over
    another period, not that one."""
    back = _years_back(c)
    return back < 0 and int(period[2][:4]) + back >= anchor.year


def _years_back(c: Candidate) -> int:
    """How many years 去年同期 (-1), 前年同期 (-2) or 去年同月 (-1) counts back."""
    return c.spec.year_rel if c.spec.year_rel is not None else (c.spec.month_rel or 0) // 12


def _dated_in_brackets(ctx: Ctx, c: Candidate, cands: list, i: int) -> bool:
    """去年同期(2024年3月1至3日): a date with its own year opens the brackets right after 同期."""
    if i + 1 >= len(cands) or cands[i + 1].spec.year is None:
        return False
    gap = ctx.folded[c.end:cands[i + 1].start]
    return gap.strip(" ") in ("(", "（")


def _same_period(ctx: Ctx, c: Candidate, period: tuple[int, int, str, dict], back: int = 0) -> list:
    """去年同期 after 第三季 in its sentence or the one before: that quarter, a year earlier;
    2024年同期 after 去年第4季: that quarter in 2024."""
    _, end, normalized, fields = period
    if fields["grain"] == "datetime" or len(context("PERIOD_BREAKS").findall(ctx.folded, end, c.start)) > 1:
        return []  # (a page's timestamp is no period a figure is compared over)
    if c.spec.year is not None:
        years = c.spec.year - int(normalized[:4])
        if years >= 0:
            return []  # 2025年同期 after a period of 2025: the year itself
    else:
        years = _years_back(c) - back  # (the period itself named ``back`` years back)
    moved = "/".join(_years_earlier(part, years) for part in normalized.split("/"))
    if "None" in moved:
        return []
    out = dict(fields)
    if "/" in moved:
        out["range_start"], out["range_end"] = moved.split("/")
    return [(c.start, c.end, (moved, out))]


def _years_earlier(iso: str, years: int) -> str:
    """``2025-07`` moved by ``years`` years; "None" if the day does not exist then (02-29)."""
    year, rest = int(iso[:4]) + years, iso[4:]
    if rest.startswith("-02-29") and not calendar.isleap(year):
        return "None"
    return f"{year:04d}{rest}"
