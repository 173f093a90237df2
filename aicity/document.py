"""The per-document context that every extractor reads.

A :class:`Document` holds the original text, its folded view (see
:mod:`aicity.fold`) and the reference date, plus a small per-document cache
for analyses that several extractors share (the date anchors, the script, the
dictionary hits). It lives for one ``extract()`` call only: nothing global
changes per document.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, TypeVar

from .fold import fold, script_of
from .model import Entity

T = TypeVar("T")


class Document:
    __slots__ = ("text", "folded", "ref_date", "ref_source", "user", "_cache")

    def __init__(self, text: str, ref_date: dt.date | None = None, user=None):
        self.text = text
        self.folded = fold(text)
        self.ref_date = ref_date
        # where ref_date came from (model.REF_DATE_SOURCES), once the pipeline has set it
        self.ref_source: str | None = None
        # a user dictionary (aicity.userdict.UserDictionary) or None
        self.user = user
        self._cache: dict[str, Any] = {}

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        """Compute a shared per-document analysis once."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @property
    def script(self) -> str:
        return self.cached("script", lambda: script_of(self.text))

    def entity(
        self,
        type: str,
        start: int,
        end: int,
        normalized: str,
        rule: str,
        **fields: Any,
    ) -> Entity:
        """Build an entity whose ``text`` is the original slice ``[start:end]``."""
        return Entity(type, self.text[start:end], start, end, normalized,
                      {k: v for k, v in fields.items() if v is not None}, rule)
