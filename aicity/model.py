"""Plain-data results: entities and per-document results.

Everything here is a frozen dataclass of builtins, so results pickle cleanly
(multiprocessing, Dask workers) and serialise to JSON via ``to_dict()``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENTITY_TYPES: tuple[str, ...] = ("official", "company", "city", "date", "money")

# Where a document's ref_date came from: the caller (--ref-date), a web page's metadata,
# the page's header date, its dateline (completed from the header date when it gives only
# the day), a dateline that gives only the day completed from today, or nothing on the
# page: today (see aicity.extractors.date.page_date).
REF_DATE_SOURCES = ("given", "metadata", "header", "dateline", "dateline+today", "today")
# those that mean today's date was used
TODAY_SOURCES = ("dateline+today", "today")
# The fields each type may carry beside ``normalized`` (see docs/entities.md);
# CSV/TSV output has one column per field of the types extracted.
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "official": ("name", "title", "org", "key"),
    "company": ("canonical", "aliases", "stock_code", "country", "parent"),
    "city": ("country", "level"),
    "date": ("grain", "range_start", "range_end", "relative", "calendar"),
    "money": ("amount", "currency", "qualifier", "per_share", "range"),
}


@dataclass(frozen=True, slots=True)
class Entity:
    """One entity found in a text.

    ``text == source[start:end]`` always holds for the source it was found in;
    ``normalized`` is the value that ANNOTATION.md defines for the type, and
    ``fields`` carries the type-specific structure beside it.
    """

    type: str
    text: str
    start: int
    end: int
    normalized: str
    fields: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    rule: str = ""

    def __reduce__(self):
        # Rebuilt through the constructor from one tuple: pickling is the price of
        # every entity crossing from a worker process, and the default for a frozen
        # slots dataclass (a state dict set field by field) costs twice as much.
        return (Entity, (self.type, self.text, self.start, self.end, self.normalized, self.fields, self.rule))

    def to_dict(self) -> dict[str, Any]:
        """Flat JSON-ready dict: the core keys first, then the type's fields, then ``rule``."""
        out: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "normalized": self.normalized,
        }
        for key, value in self.fields.items():
            if key not in out:
                out[key] = value
        out["rule"] = self.rule
        return out


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The result of extracting one document (a file, stdin or a string).

    The optional fields are set only where they mean something, and the JSON
    object shows them only when set: ``ref_date_source`` (where ``ref_date``
    came from, set for every document extracted: ``"given"``, ``"metadata"``
    for a web page's own date, ``"header"``, ``"dateline"``,
    ``"dateline+today"``, ``"today"``; see :data:`REF_DATE_SOURCES`),
    ``title`` and ``url`` of a web page, and ``text``, the text the offsets
    refer to, kept when it is not the file's content (a web page's article)
    or when asked for (the SQLite store). ``types`` are the entity types that
    were looked for (not printed).
    """

    path: str
    ref_date: str | None
    entities: tuple[Entity, ...] = ()
    characters: int = 0
    sha256: str = ""
    encoding: str = ""
    error: str | None = None
    ref_date_source: str | None = None
    title: str | None = None
    url: str | None = None
    text: str | None = None
    types: tuple[str, ...] | None = None

    def __reduce__(self):
        return (DocumentResult, (self.path, self.ref_date, self.entities, self.characters,
                                 self.sha256, self.encoding, self.error, self.ref_date_source,
                                 self.title, self.url, self.text, self.types))

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """The per-document JSON object of the CLI's ``json``/``jsonl`` formats."""
        out: dict[str, Any] = {"path": self.path, "ref_date": self.ref_date}
        for key in ("ref_date_source", "title", "url"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out["entities"] = [e.to_dict() for e in self.entities]
        if self.text is not None:
            out["text"] = self.text
        return out
