"""What a candidate is anchored on: the page's date, an item's own date line inside a
"related news" list, and for a relative year the year its sentence states."""
from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import Callable

import regex

from ...fold import fold
from ...resources import load_list
from .. import scan
from ..base import compile_folded
from .reading import Ctx, after_is, before_is
from .values import Candidate, valid
from .words import REACHING_YEAR_WORDS, fragment


@functools.cache
def _marker_res() -> tuple[Callable[[str], list[tuple[int, int]]], regex.Pattern]:
    markers = load_list("date/related_markers.txt")
    # the marker is a heading: alone on its line, give or take decoration (►延伸閱讀)
    heading = regex.compile(fragment("RELATED_HEADING"))  # (its words are folded)
    return scan.alternation_hits([fold(w) for w in markers]), heading  # (as regex.compile(words))


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
LISTING_ITEMS = 2  # dated item lines with a byline that make a page without a heading a list
# A news aggregator's item: its headline line, then a line of its source and date (某某日報· 2025-12-11 22:20),
# then its summary. The headline takes the date of the source line right after it, the summary that of the one before.
HEADLINE_FIRST = "headline"
# A read-more link (閱讀全文), which a list puts at each item's edge: a yearless date after it is in no
# earlier item's snippet (標題【某某】2024-11-5 / 閱讀全文 / 另一則(某地27日訊)…: 27日 is no day of that month)
READ_MORE = tuple(fold(w) for w in ("閱讀全文", "閱讀更多"))


class Anchors:
    """The anchor date for each position: ``ref`` outside "related news" lists;
    inside one, the date line of the item a position belongs to."""

    def __init__(self, ctx: Ctx, cands: list[Candidate], ref: dt.date):
        self.ref = ref
        self._text = ctx.folded
        # (start, end, date-line positions, their dates, whether dates lead their items, or HEADLINE_FIRST)
        self.regions: list[tuple[int, int, list[int], list[dt.date], bool]] = []
        text = ctx.folded
        markers = _markers(text)
        if not markers:
            # a listing page (a tag's or a search's): each item's headline line ends with its
            # date and a byline after a bar (標題 2017年12月14日|文:某某|https://…); two or more
            # such lines make the page a list, each item anchored on its own date line
            items = _date_lines(text, cands, _ITEM_BYLINE, required=True)
            if len(items) >= LISTING_ITEMS:
                self.regions.append((items[0][0], len(text), [p for p, _ in items], [d for _, d in items], True))
                self._starts = [items[0][0]]
                return
            # an aggregator's items, each with a source line under its headline (某某日報· 2025-12-11 22:20)
            items = _source_lines(text, cands)
            if len(items) >= LISTING_ITEMS:
                first = _line_before(text, items[0][0])
                self.regions.append((first, len(text), [p for p, _ in items], [d for _, d in items], HEADLINE_FIRST))
                self._starts = [first]
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

    def _read_more(self, line: int, pos: int) -> bool:
        """A read-more link between an item's date line and ``pos`` closes that item: ``pos`` is another's."""
        return any(self._text.find(w, line, pos) >= 0 for w in READ_MORE)

    def at(self, pos: int) -> dt.date:
        i = bisect.bisect_right(self._starts, pos) - 1 if self.regions else -1
        if i >= 0:
            start, end, positions, dates, leading = self.regions[i]
            if start <= pos < end:
                # an item is a few short lines: a date line farther away belongs to
                # another item, or the "list" was an in-body link box and the
                # article goes on
                if leading == HEADLINE_FIRST:
                    i = bisect.bisect_right(positions, pos)  # the next source line
                    if i < len(positions) and pos >= _line_before(self._text, positions[i]):
                        return dates[i]  # the headline right above its source line
                    i -= 1
                    ok = i >= 0 and pos - positions[i] <= ITEM_REACH
                elif leading:
                    i = bisect.bisect_right(positions, pos) - 1
                    ok = i >= 0 and pos - positions[i] <= ITEM_REACH and not self._read_more(positions[i], pos)
                else:
                    i = bisect.bisect_left(positions, pos)
                    ok = i < len(positions) and positions[i] - pos <= ITEM_REACH
                    if (i == len(positions) and pos - positions[-1] <= ITEM_REACH
                            and not self._read_more(positions[-1], pos)):
                        i, ok = i - 1, True  # the last item's snippet, after its date line
                return dates[i] if ok else self.ref
        return self.ref


_SENTENCE_END = compile_folded(fragment("SENTENCE_END"))
_LINE_TRAILER = compile_folded(fragment("DATE_LINE_TRAILER"))
_ITEM_BYLINE = compile_folded(fragment("ITEM_BYLINE"))


def _date_lines(text: str, cands: list[Candidate], trailer: regex.Pattern = _LINE_TRAILER,
                required: bool = False) -> list[tuple[int, dt.date]]:
    """(position, date) of the lines that end with an item's full date (and ``trailer``,
    which may close the line, or with ``required`` must)."""
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
        if required or rest[0].strip() or (len(rest) == 1 and c.end + 16 < len(text)):
            # 2024年04月19日 11:35 最後更新:14:57: the item's update time may close its date line
            if trailer.match(text, c.end) is None:
                continue
        prefix = text[line_start:c.start].strip()
        if len(prefix) > 60 or _SENTENCE_END.search(prefix):
            continue
        if valid(c.spec.year, c.spec.month, c.spec.day):
            out.append((line_start, dt.date(c.spec.year, c.spec.month, c.spec.day)))
    return out


def _source_lines(text: str, cands: list[Candidate]) -> list[tuple[int, dt.date]]:
    """(line start, date) of the lines that hold only a source, a middle dot or bar, and a full date
    (每日經濟新聞· 2025-12-12 00:20) under a headline line: an aggregator's item lines."""
    out = []
    for c in cands:
        if c.end_spec is not None or c.spec.year is None or c.spec.day is None:
            continue
        m = _SOURCE_BEFORE.search(text, max(0, c.start - SOURCE_REACH), c.start)
        if m is None or m.start() == 0 or text[m.start() - 1] != "\n" or _SOURCE_AFTER.match(text, c.end) is None:
            continue
        if valid(c.spec.year, c.spec.month, c.spec.day):
            out.append((m.start(), dt.date(c.spec.year, c.spec.month, c.spec.day)))
    return out


def _line_before(text: str, line_start: int) -> int:
    """Where the line before the one that starts at ``line_start`` starts."""
    return text.rfind("\n", 0, max(0, line_start - 1)) + 1


def _dates_lead(text: str, start: int, dated: list[tuple[int, dt.date]]) -> bool:
    """Whether each item's date line comes before its headline (the list opens with one)."""
    first_date = dated[0][0]
    for line in _LINE.finditer(text, start, first_date):
        if len(_SPACE.sub("", line.group())) >= 10:
            return False
    return True


_LINE = regex.compile(r"[^\n]+")
SOURCE_REACH = 24  # a source line's source and its mark before the date
# the source (a few words, no clause) and the middle dot or bar between it and the date, ending at the date
_SOURCE_BEFORE = regex.compile(r"[^\n,，。;；:：!?！？]{2,16}[ \t]*[·・|｜][ \t]*\Z")
# after the date: a time at most, then the line's end
_SOURCE_AFTER = regex.compile(r"(?:[ \t]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \t]*(?:\n|\Z)")
_SPACE = regex.compile(r"\s")


# a run of breaks (。 and a blank line) is one break between two sentences or clauses
SENTENCE_BREAK = compile_folded(f"(?:{fragment('SENTENCE_BREAK')}\\s*)+")
_CLAUSE_BREAK = compile_folded(f"(?:{fragment('CLAUSE_BREAK')}\\s*)+")


def _compares(ctx: Ctx, c: Candidate) -> bool:
    """較去年, 比上年, 去年同期: a comparison with the year the sentence is about (去年同期 is one
    whatever stands before it: 2025財年下半年淨虧擴大，遠高於去年同期)."""
    return (c.rule == "date.same_period" or before_is(ctx, c.start, "COMPARISON_BEFORE")
            or after_is(ctx, c.end, "COMPARISON_AFTER"))


_FORECAST = tuple(fold(w) for w in ("預計", "預料", "預期", "估計", "可望", "有望", "料", "將"))


def clause_years(ctx: Ctx, cands: list[Candidate], anchors: Anchors | None = None) -> dict[int, int]:
    """For each relative-year candidate, the year stated before it in its clause, or
    in its sentence when it makes a comparison (2025年營收衰退，較去年減少 → 2024) or
    means nothing without one (2024年通過法令，同年4月修訂 → 2024-04; such a word reaches into the
    sentence before: 2024年通過法令。同年4月修訂, and 同年 back to the last year stated); not for the end of a
    span from that year (自2014年開始規劃至去年底: the page's last year), unless it means
    nothing alone (2020年3月到隔年). A word that means nothing alone also takes the year a
    relative year names (去年5月23日駁回，同年5月24日上訴: last year), given the ``anchors``."""
    out: dict[int, int] = {}
    breaks: dict[bool, list[int]] = {}
    last: tuple[int, int] | None = None  # (end, year) of the last stated year
    last_rel: tuple[int, int] | None = None  # (end, year) of the last relative year, for 同年 only
    fiscal = _fiscal_years(ctx.folded)
    f = 0
    for i, c in enumerate(cands):
        while f < len(fiscal) and fiscal[f][0] <= c.start:
            if last is None or fiscal[f][0] > last[0]:
                last = fiscal[f]  # 2025財年下半年淨虧擴大，遠高於去年同期: the company's year states the clause's
            f += 1
        stated = last
        if c.spec.needs_clause and last_rel is not None and (last is None or last_rel[0] > last[0]):
            stated = last_rel  # not for 較去年 after 去年: a comparison counts from a stated year only
        if c.spec.clause_year and stated is not None and not _after_page_year(ctx.folded, c.start) and (
                c.spec.needs_clause or not before_is(ctx, c.start, "RANGE_END_BEFORE")):
            # 2003年任科長，3年後升任; 2007年調任。3年後升任: years on from a stated year count from it, back
            # into the sentence before, as a career's story tells them
            # (not a forecast: 預計5年後, nor after a year still ahead of the page: 2020年藍圖…預料4年後)
            later = (c.rule == "date.ago" and (c.spec.year_rel or 0) > 0
                     and (anchors is None and ctx.ref is None
                          or stated[1] < (anchors.at(c.start).year if anchors is not None else ctx.ref.year))
                     and not ctx.folded.endswith(_FORECAST, max(0, c.start - 2), c.start))
            reach = c.spec.needs_clause or later
            sentence = reach or _compares(ctx, c)
            if sentence not in breaks:
                pattern = SENTENCE_BREAK if sentence else _CLAUSE_BREAK
                breaks[sentence] = [m.start() for m in pattern.finditer(ctx.folded)]
            starts = breaks[sentence]
            # 同年, 當年: the year may be stated in the sentence before (2019年加入公司。同年4月…), or in a
            # paragraph before when the sentences between state none (2023年11月初報案。…。警方於同年11月4日拘捕)
            k = bisect.bisect_left(starts, c.start) - (1 if reach else 0)
            if stated[0] > (starts[k - 1] if k > 0 else -1) or ctx.folded.startswith(REACHING_YEAR_WORDS, c.start):
                out[i] = stated[1]
                if c.spec.needs_clause:  # 2019年…隔年3月擴廠，同年5月: 同年 is 2020, the year 隔年 names
                    last = (c.end, stated[1] + (c.spec.year_rel or 0))
        if c.spec.year is not None and (c.rule not in _NO_CLAUSE_YEAR or _year_of_period(ctx.folded, c)) \
                and not _glossed_relative(ctx.folded, c.start) and not _since_year(ctx.folded, c.end):
            last = (c.end, c.spec.year)
        elif (anchors is not None and c.spec.year is None and c.spec.year_rel is not None
              and not c.spec.needs_clause):
            last_rel = (c.end, out.get(i, anchors.at(c.start).year) + c.spec.year_rel)
    return out


# 今年和明年, 去年與今年: a relative year joined to one that counts from the page's year counts from it
# too, whatever year the sentence states (2028年將超越，相較於今年和明年 → the page's next year)
_PAGE_YEAR_AND = compile_folded(r"(?:今年|明年|去年|前年|後年)[ \t]*(?:和|與|及|或|、)[ \t]*\Z")


# a year that a span starts from up to now (創2021年以來新高, 2019年至今): where the span begins, not the
# year its clause is about (創2021年以來新高。去年銷量… → the page's last year)
_SINCE_YEAR = tuple(fold(w) for w in ("以來", "至今"))


def _since_year(folded: str, end: int) -> bool:
    return folded[end:end + 3].lstrip(" ").startswith(_SINCE_YEAR)


def _after_page_year(folded: str, start: int) -> bool:
    return _PAGE_YEAR_AND.search(folded, max(0, start - 6), start) is not None


# A company's year by its number (2025財年, 2024財政年, 2023會計年度): no date of its own (its months
# need not be the calendar's), but the year its clause is about, for 去年 and 同期 after it
FISCAL_YEAR_WORDS = tuple(fold(w) for w in ("財年", "財政年", "會計年度"))
_FISCAL_YEAR_STATED = compile_folded(r"(?<![0-9A-Za-z./／\-])(?P<y>(?:1[6-9]|20)[0-9]{2})[ \t]*(?:財年|財政年|會計年度)")


# a bare year before a part of it (2019 全年銷售, 2024上半年): the year the clause is about, no edition's
_PERIOD_OF_YEAR = tuple(fold(w) for w in ("全年", "上半年", "下半年"))


def _year_of_period(folded: str, c: Candidate) -> bool:
    return c.rule == "date.event_year" and folded[c.end:c.end + 4].lstrip(" ").startswith(_PERIOD_OF_YEAR)


def _fiscal_years(folded: str) -> list[tuple[int, int]]:
    """(end, year) of each company's year stated by its number, in the order of the text."""
    if not any(w in folded for w in FISCAL_YEAR_WORDS):
        return []
    return [(m.end(), int(m.group("y"))) for m in _FISCAL_YEAR_STATED.finditer(folded)]


# years that name something rather than the time a clause is about: a copyright line, and an
# edition's year (2026全民運動會預計明年10月登場: 明年 is the page's next year, not 2027), and a school
# class's year (1986級校友…今年: the page's year)
_NO_CLAUSE_YEAR = frozenset({"date.copyright", "date.event_year", "date.school_cohort"})


def _glossed_relative(folded: str, start: int) -> bool:
    """去（113）年, 明(2026)年: a relative year with its number in brackets counts from the page's
    own year, so it states no year of its own for the relative years after it (較去（113）年同期
    成長，日本相較去年提前 → the page's last year, not the one before it)."""
    if folded.startswith("前一", start):  # 前一（2024）年: the bracket comes one character later
        start += 1
    return folded[start:start + 1] in _RELATIVE_GLOSSED and folded[start + 1:start + 2] in "(（"


_RELATIVE_GLOSSED = frozenset("今明去前一")
