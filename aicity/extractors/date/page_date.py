"""The page's own date, from its header: a labelled date (發布日期:2/17/2025,
发布时间, 更新時間...), else the first full date (with year and day) near the top."""
from __future__ import annotations

import datetime as dt
import functools

import regex

from ...document import Document
from ...fold import fold, script_of
from ..base import compile_folded
from .matching import Found, Parsed, document_matches, find_all, select
from .reading import Ctx
from .values import valid
from .words import fragment

HEAD = 3000  # the characters of a page that its own date is looked for in
TOP = 1500  # an unlabelled full date counts only this near the top


@functools.cache
def _label_re() -> tuple[regex.Pattern, regex.Pattern]:
    tail = fragment("SP") + r"[:：]?" + fragment("SP") + r"\Z"
    return (compile_folded(fragment("PUBLISHED_LABEL") + tail, regex.IGNORECASE),
            compile_folded(fragment("OTHER_LABEL") + tail, regex.IGNORECASE))


def publication_date(text: str) -> dt.date | None:
    """The page's own date in ``text`` (see the module's docstring)."""
    head = text[:HEAD]
    folded = fold(head)
    return _publication_date(Ctx(folded, head, None, lambda: script_of(head)), find_all(folded), {})


def document_date(doc: Document) -> dt.date | None:
    """:func:`publication_date` of a document, sharing the date rules' matches
    with the date extractor (the rules run over the text once)."""
    found, parsed = document_matches(doc)
    return _publication_date(Ctx(doc.folded, doc.text, None, lambda: doc.script), found, parsed)


def _publication_date(ctx: Ctx, found: Found, parsed: Parsed) -> dt.date | None:
    full = [c for c in select(found, ctx, parsed, limit=HEAD)
            if c.end_spec is None and c.spec.year is not None and c.spec.day is not None
            and valid(c.spec.year, c.spec.month, c.spec.day)]
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
