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

The package: ``words.py`` (the word tables and fragments of
``aicity/resources/date/``), ``rules.py`` (one declaration per rule: its name, the
fragment it matches, its production), ``productions.py`` (a match read into a
candidate), ``reading.py`` (groups into a spec), ``values.py`` (a spec anchored
and normalized), ``matching.py`` (every rule's matches; the overlap policy),
``anchors.py`` (related-news lists, a sentence's year), ``page_date.py`` (the
page's own date) and ``extractor.py``.
"""
from __future__ import annotations

from .extractor import DateExtractor
from .page_date import PageDate, document_date, document_page_date, page_date, publication_date

__all__ = ["DateExtractor", "PageDate", "document_date", "document_page_date", "page_date",
           "publication_date"]
