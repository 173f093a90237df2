"""The page's own date, and where it was read from.

Never an event date from the body: the page's date is one of

* a **dateline** at the start of the story (``新華社北京3月5日電``,
  ``（中央社記者林小青台北5日電）``, ``(新山5日訊)``, ``【3月5日訊】``; fragment
  ``DATELINE``, outlets in ``words.tsv``): the day the story was filed. When it
  gives only the day (or the month and day), the rest comes from the page's
  header date (the latest date with that day on or before it, or a day or two
  after it: a story is filed before it is published), else from ``today``
  (the latest such date on or before it): source ``dateline`` or
  ``dateline+today``;
* else a **header** date (year, month and day): a labelled one (發布日期:2/17/2025,
  发布时间, 更新時間...: published beats updated), CNA's closing stamp
  (``1141231``), or an unlabelled date or timestamp near the top on a line of
  its own or with a byline (``2025/3/5 08:10 記者王大同／台南報導``,
  ``十二月 4, 2025``), never in a sentence of the body: source ``header``.

:func:`page_date` says which (:class:`PageDate`); :func:`publication_date`
gives only the date.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import NamedTuple

import regex

from ...document import Document
from ...fold import fold, script_of
from ..base import compile_folded
from ..money.region import page_region
from .matching import Found, Parsed, document_matches, find_all, select
from .reading import Ctx, small_number
from .values import Candidate, latest_day, valid
from .words import fragment

HEAD = 3000  # the characters of a page that its own date is looked for in
TOP = 1500  # an unlabelled header date or a dateline counts only this near the top
HEADER_LINE_REST = 40  # at most this many other characters on an unlabelled header date's line
# A dateline's day may fall this many days after the header's date (a header in another time zone, or
# written a day early); any later, it is the same day a year or a month before (中新社北京1月2日電 on a
# page whose header, 2024-11-14, is when the story was copied is 2024-01-02, no 2025-01-02).
DATELINE_AFTER_HEADER = 2
HEADER_BODY_GAP = (" ", "\t")
SPAN_LINE_ENDS = ("", "。", ".", fold("："), ":")  # what may close a line that holds only a span of days  # what parts a first line's timestamp from the body joined after it
REPEATED = regex.compile(r"(.+?)\s+\1")  # a headline written twice on a joined first line
PHOTO = fold("照片")  # the cheap look before PHOTO_CREDIT
LATIN_DATE = regex.compile(r"[A-Za-z0-9 ,./-]+")  # a date with no Chinese in it (Feb 16, 2024; 16/02/2024)

# Where the page's date came from (besides "given", "metadata" and "today", which the
# pipeline and the runner set).
HEADER = "header"
DATELINE = "dateline"
DATELINE_TODAY = "dateline+today"


class PageDate(NamedTuple):
    date: dt.date
    source: str  # HEADER, DATELINE or DATELINE_TODAY


@functools.cache
def _label_re() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    # published_at: "2026-02-24T04:16"; Published Fri, Sep 26, 2025 (an English weekday between)
    tail = (fragment("SP") + r"[:：]?" + fragment("SP") + r"[\"']?"
            + r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?" + fragment("SP") + r")?\Z")
    return tuple(compile_folded(fragment(name) + tail, regex.IGNORECASE)
                 for name in ("PUBLISHED_LABEL", "OTHER_LABEL", "UPDATE_LABEL"))


@functools.cache
def _print_credit_re() -> tuple[regex.Pattern, regex.Pattern]:
    return compile_folded(fragment("PRINT_CREDIT_BEFORE")), compile_folded(fragment("PRINT_CREDIT_AFTER"))


@functools.cache
def _dateline_re() -> regex.Pattern:
    return compile_folded(fragment("DATELINE"))


@functools.cache
def _local_dateline_re() -> tuple[re.Pattern, regex.Pattern]:
    """A local outlet's dateline (LOCAL_DATELINE: 某某新聞網2024年10月30日訊), and a cheap look (the re
    module, several times faster) for what it needs: 網 or 報, then on the same line 日 and 電 or 訊."""
    hint = re.compile(fold(r"[網報][^\n]{0,40}?日\s?專?[電訊]"))
    return hint, compile_folded(fragment("LOCAL_DATELINE"))


@functools.cache
def _release_dateline_re() -> tuple[re.Pattern, regex.Pattern]:
    """A press release's dateline (RELEASE_DATELINE: 吉隆坡,2025年1月13日 –), and a cheap look for
    what it needs: a comma, then a dash, on one line."""
    return re.compile(r"[,，][^\n]{0,24}[–—―-]"), compile_folded(fragment("RELEASE_DATELINE"))


@functools.cache
def _byline_dateline_re() -> tuple[re.Pattern, regex.Pattern]:
    """A mainland lead's dateline after its reporters' byline (BYLINE_DATELINE: 本報訊（記者 某某）2024年12月31日),
    and a cheap look (the re module) for what it needs: 訊, then a bracket and 記者 or 通訊員 on the same line."""
    hint = re.compile(fold(r"訊\s?[(（][^\n]{0,8}?(?:記者|通訊員)"))
    return hint, compile_folded(fragment("BYLINE_DATELINE"))


@functools.cache
def _profile_label() -> regex.Pattern:
    return compile_folded(fragment("PROFILE_LABEL"))


@functools.cache
def _date_preposition() -> regex.Pattern:
    return compile_folded(fragment("SHORT_YEAR_BEFORE"))


@functools.cache
def _header_line_not() -> regex.Pattern:
    return compile_folded(fragment("HEADER_LINE_NOT"))


@functools.cache
def _photo_credit() -> regex.Pattern:
    return compile_folded(fragment("PHOTO_CREDIT"))


def page_date(text: str, today: dt.date | None = None) -> PageDate | None:
    """The page's own date in ``text`` and its source (see the module's docstring).

    ``today`` completes a dateline that gives only the day when the page has no
    header date; without it, such a dateline gives no date."""
    head = text[:HEAD]
    folded = fold(head)
    ctx = Ctx(folded, head, None, lambda: script_of(head))
    return _page_date(ctx, find_all(folded), {}, today)


def publication_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date of :func:`page_date`, or ``None``."""
    found = page_date(text, today)
    return found.date if found is not None else None


def document_page_date(doc: Document, today: dt.date | None = None) -> PageDate | None:
    """:func:`page_date` of a document, sharing the date rules' matches with the
    date extractor (the rules run over the text once)."""
    found, parsed = document_matches(doc)
    ctx = Ctx(doc.folded, doc.text, None, lambda: doc.script, lambda: page_region(doc))
    return _page_date(ctx, found, parsed, today)


def document_date(doc: Document) -> dt.date | None:
    """The date of :func:`document_page_date`, without today's help."""
    found = document_page_date(doc)
    return found.date if found is not None else None


def _page_date(ctx: Ctx, found: Found, parsed: Parsed, today: dt.date | None) -> PageDate | None:
    header, head_month = _header_date(ctx, found, parsed)
    line = _dateline(ctx.folded)
    if line is not None and line[3] and header is not None and (
            line[2] != (header + dt.timedelta(days=1)).day or line[1] not in (None, header.month, header.month % 12 + 1)):
        # a web story's 今(23)日 dates a page with no header date only, or one whose header is the day
        # before: a UTC stamp (date 2025-11-27) on a story written after midnight in Taipei (今(28)日)
        line = None
    if line is not None:
        year, month, day, _ = line
        if year is not None:
            if month is not None and valid(year, month, day):
                return PageDate(dt.date(year, month, day), DATELINE)
        elif header is not None:
            got = latest_day(month, day, header + dt.timedelta(days=DATELINE_AFTER_HEADER))
            if got is not None:
                return PageDate(got, DATELINE)
        elif head_month is not None:
            if month in (None, head_month[1]) and valid(head_month[0], head_month[1], day):
                return PageDate(dt.date(head_month[0], head_month[1], day), DATELINE)  # date 2020-06 … 今(2)日
        elif today is not None:
            got = latest_day(month, day, today)
            if got is not None:
                return PageDate(got, DATELINE_TODAY)
    if header is None and head_month is not None:
        # a header that gives only the month: its last day, so that a relative day (今(15)日)
        # or a weekday falls inside it; the year and month are what the page's dates need most
        return PageDate(dt.date(head_month[0], head_month[1], calendar.monthrange(*head_month)[1]), HEADER)
    return PageDate(header, HEADER) if header is not None else None


def _header_date(ctx: Ctx, found: Found, parsed: Parsed) -> tuple[dt.date | None, tuple[int, int] | None]:
    """The header date, else the (year, month) of a header that gives only the month
    (a metadata prefix ``date 2020-06`` before the body on the first line)."""
    selected = select(found, ctx, parsed, limit=HEAD)
    day = _header_day(ctx, found, parsed, selected)
    if day is not None:
        return day, None
    for c in selected:
        if c.start >= TOP:
            break
        if (c.end_spec is None and c.spec.year is not None and c.spec.month is not None and c.spec.day is None
                and c.spec.grain == "month" and _header_line(ctx.folded, c)):
            return None, (c.spec.year, c.spec.month)
    return None, None


def _header_day(ctx: Ctx, found: Found, parsed: Parsed, selected: list[Candidate]) -> dt.date | None:
    full = [c for c in selected
            if c.end_spec is None and c.spec.year is not None and c.spec.day is not None
            and valid(c.spec.year, c.spec.month, c.spec.day)]
    published, other, update = _label_re()
    updated = [c for c in full if _labelled(ctx.folded, c, update)]
    for label in (published, other):
        for c in full:
            if _labelled(ctx.folded, c, label):
                return _day(c)
    for c in full:
        if c.rule == "date.cna_stamp" or c.start < TOP and c not in updated and _header_line(ctx.folded, c):
            return _day(c)
    before, after = _print_credit_re()
    for c in full:
        if before.search(ctx.folded, max(0, c.start - 24), c.start) and after.match(ctx.folded[c.end:c.end + 12]):
            return _day(c)  # no header date: the edition's date in a print credit, wherever it stands
    if updated:
        return _day(updated[0])  # published beats updated; so does a date with no label
    return _span_line_end(ctx.folded, selected)


def _span_line_end(folded: str, selected: list[Candidate]) -> dt.date | None:
    """A page with no header date that opens with a span of days on a line of its own (a weekly
    roundup's 2025年6月30日至7月6日。): the span's last day, after which the page was written."""
    for c in selected:
        if c.start >= TOP:
            break
        if c.end_spec is None or c.spec.year is None or c.spec.day is None or c.end_spec.day is None:
            continue
        start = folded.rfind("\n", 0, c.start) + 1
        end = folded.find("\n", c.end)
        if folded[start:c.start].strip() or folded[c.end:end if end >= 0 else len(folded)].strip() not in SPAN_LINE_ENDS:
            continue
        year = c.end_spec.year if c.end_spec.year is not None else c.spec.year
        month = c.end_spec.month if c.end_spec.month is not None else c.spec.month
        if month is not None and valid(year, month, c.end_spec.day):
            return dt.date(year, month, c.end_spec.day)
    return None


def _labelled(folded: str, c: Candidate, label: regex.Pattern) -> bool:
    line_start = folded.rfind("\n", 0, c.start) + 1
    return label.search(folded[max(line_start, c.start - 16):c.start]) is not None


def _day(c: Candidate) -> dt.date:
    return dt.date(c.spec.year, c.spec.month, c.spec.day)


def _header_line(folded: str, c: Candidate) -> bool:
    """Whether the date stands on a header line: no sentence punctuation and little
    else on its line (a time, a byline, an outlet's name)."""
    start = folded.rfind("\n", 0, c.start) + 1
    end = folded.find("\n", c.end)
    after = folded[c.end:end if end >= 0 else len(folded)]
    if after.strip() in (",", "，"):
        after = ""  # 2025-03-19, on a line of its own: the comma closes the stamp, no sentence
    rest = folded[start:c.start] + " " + after
    if PHOTO in folded[start:c.start] and not after.strip() and _photo_credit().fullmatch(folded, start, c.start):
        return True  # 新華社照片,北京,2024年5月6日: a photo credit's commas are no sentence's
    if c.spec.second is not None:
        before = folded[start:c.start].strip()
        if not before:
            return True  # 2021-06-18 21:49:35 某某報道 記者甲,乙: a stamp to the second opens no sentence
        if (len(before) <= HEADER_LINE_REST and len(after.strip()) <= HEADER_LINE_REST
                and _header_line_not().search(rest) is None):
            # 某站 | 2025-07-27 11:49:18  某台 | 0則評論: a site's furniture on both sides, each short
            return True
    if ((c.spec.minute is not None or LATIN_DATE.fullmatch(folded, c.start, c.end))
            and start == 0 and folded[c.end:c.end + 1] in HEADER_BODY_GAP
            and (c.start == 0 or folded[c.start - 1] in HEADER_BODY_GAP)):
        # 標題 2011年6月9日 07:18 政府今日…: a page whose lines were joined, the headline, the
        # timestamp and the body on the first line; a timestamp, or a date written the Latin way
        # (標題 Feb 16, 2024 公司公布…), set off by spaces after the headline is its date (not
        # one a sentence runs into: 市長將於2025年3月5日 14:30 出席)
        rest = folded[start:c.start]
        if c.spec.minute is None and _date_preposition().search(rest):
            return False  # 商場將於 Mar 3, 2024 開幕: a sentence that runs into the date
        twice = REPEATED.fullmatch(rest.strip())
        if twice is not None:  # the headline given twice, as the page's title and its heading
            rest = twice.group(1)
    return (len(rest.strip()) <= HEADER_LINE_REST
            and _header_line_not().search(rest) is None
            and _profile_label().search(folded, max(0, c.start - HEADER_LINE_REST), c.start) is None)


def _dateline(folded: str) -> tuple[int | None, int | None, int, bool] | None:
    """(year, month, day, weak) of the first dateline near the top; the year and month
    may be missing; weak: a web story's 今(23)日, which counts on a page with no header date only."""
    m = _dateline_re().search(folded, 0, TOP)
    hint, local = _local_dateline_re()
    if hint.search(folded, 0, TOP):
        m = local.search(folded, 0, m.start() if m else TOP) or m  # the first dateline of either kind
    hint, byline = _byline_dateline_re()
    if hint.search(folded, 0, TOP):
        m = byline.search(folded, 0, m.start() if m else TOP) or m
    hint, release = _release_dateline_re()
    if hint.search(folded, 0, TOP):
        m = release.search(folded, 0, m.start() if m else TOP) or m
    if m is None:
        return None
    y4 = m.group("y4")
    month = small_number(m.group("mon") or m.group("monc"))
    day = small_number(m.group("day") or m.group("dayc"))
    if day is None or not 1 <= day <= 31 or month is not None and not 1 <= month <= 12:
        return None
    return (int(y4) if y4 else None), month, day, m.groupdict().get("weak") is not None
