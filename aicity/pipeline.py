"""The one pure core: ``extract(text, types, ref_date) -> entities``.

The CLI, the Python API, parallel and streamed folder runs, the SQLite writer
and Dask workers all call :func:`extract` (or :func:`extract_document`). It
reads no global state that changes per document: extractors are built once
per process by the registry and keep no per-document state.
"""
from __future__ import annotations

import bisect
import datetime as dt
from typing import Iterable, NamedTuple, Sequence

import regex

from .document import Document
from .extractors import get_extractor
from .extractors.base import IntervalSet, longest_non_overlapping
from .fold import fold
from .model import ENTITY_TYPES, Entity

# A span of the first type lying inside a span of one of the second is dropped:
# a city's name used as part of a company's name (高雄銀行) does not name the city.
SHADOWED_BY: dict[str, tuple[str, ...]] = {"city": ("company",)}
# ... and one that starts inside such a span and runs on past its end reads across the name's
# last character (京東|營收: no city 東營).
# A span of the first type lying inside the *name* of an entity of the second is
# part of that name: a company's short name inside a person's (部長林佳龍: not 佳龍), a
# city's (院長周德陽: not 德陽); so is one that starts inside the name and runs on past it
# (任命郭曉華為秘書長: not 華為), and so is one that starts in the title before the name and
# runs into it (市長野志克仁: not 長野).
NAMED_INSIDE: dict[str, tuple[str, ...]] = {"company": ("official",), "city": ("official",)}
# Rules whose one span names several entities of its type (雙北: 臺北市 and 新北市): the
# overlap policy keeps or drops them together.
SHARED_SPAN_RULES = frozenset({"city.combined"})


def parse_types(types: str | Iterable[str] | None) -> tuple[str, ...]:
    """Validate a type selection (``"date,money"`` or an iterable); keep the canonical order."""
    if types is None:
        return ENTITY_TYPES
    if isinstance(types, str):
        wanted = [t.strip() for t in types.split(",") if t.strip()]
    elif isinstance(types, Iterable) and not isinstance(types, (bytes, bytearray)):
        wanted = [str(t).strip() for t in types]
    else:
        raise TypeError(f"types must be a str such as 'date,money' or an iterable of str, not {type(types).__name__}")
    unknown = [t for t in wanted if t not in ENTITY_TYPES]
    if unknown:
        raise ValueError(
            f"unknown entity type(s): {', '.join(unknown)}; choose from {', '.join(ENTITY_TYPES)}"
        )
    if not wanted:
        raise ValueError(f"no entity type given; choose from {', '.join(ENTITY_TYPES)}")
    return tuple(t for t in ENTITY_TYPES if t in wanted)


def coerce_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        raise TypeError(f"ref_date must be a datetime.date or 'YYYY-MM-DD', not {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"ref_date: {value!r} is not a date; use YYYY-MM-DD") from None


def document_date(doc: Document) -> dt.date | None:
    """The document's own publication date (header, byline, dateline), if its
    text has one; the date rules then run once for both it and the date extractor."""
    from .extractors.date import document_date as find

    return find(doc)


class Extraction(NamedTuple):
    """What :func:`extract_document` returns."""

    ref_date: dt.date
    entities: list[Entity]
    ref_date_source: str  # model.REF_DATE_SOURCES ("metadata" is the runner's: to this it is given)


def extract_document(
    text: str,
    types: tuple[str, ...] = ENTITY_TYPES,
    ref_date: dt.date | str | None = None,
    user_dict=None,
) -> Extraction:
    """Extract entities and return ``(ref_date used, entities, ref_date_source)``.

    ``types`` is a selection already checked by :func:`parse_types` (where the
    user gave it: the CLI's option, the API's call), so a run of many
    documents parses it once. ``ref_date`` anchors dates without a year and
    relative dates. When it is not given, the document's own date is read from
    its text (:func:`aicity.extractors.date.page_date`); when the text has none,
    today's date is used. ``ref_date_source`` says which (:data:`aicity.model.REF_DATE_SOURCES`).
    Nothing is printed: a caller that wants to warn about today's date does so.
    """
    from .extractors.date import document_page_date

    glossed = _without_glosses(text)
    doc = Document(glossed[0] if glossed is not None else text, None, user_dict)
    given = coerce_date(ref_date)
    if given is not None:
        doc.ref_date, source = given, "given"
    else:
        today = dt.date.today()
        found = document_page_date(doc, today)
        doc.ref_date, source = (found.date, found.source) if found is not None else (today, "today")
    doc.ref_source = source
    found_entities: dict[str, list[Entity]] = {}
    for entity_type in _with_shadowing(types):
        found_entities[entity_type] = list(get_extractor(entity_type).find(doc))
    entities = resolve(found_entities)
    if len(found_entities) > len(types):  # types run only to shadow others stay out
        entities = [e for e in entities if e.type in types]
    if glossed is not None:
        entities = [_in_source(e, text, glossed[1]) for e in entities]
    return Extraction(doc.ref_date, entities, source)


# Pronunciation glosses in brackets after characters (部長(zhǎng)劉建茂, 書(shū)記, 濮陽(yáng)市): mirror sites of
# mainland news print the pinyin of some characters after them, which splits titles from names and titles
# themselves. The extractors read the text without them, and each entity is given back its span in the text
# as written (its ``text`` then holds the gloss: 部長(zhǎng)劉建茂). A gloss has a tone mark, so only a page with
# a bracket and a tone-marked vowel is looked at (one character-class scan, where a bracket is on the page).
GLOSS_BRACKETS = ("(", "（")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONE_MARK = regex.compile(f"[{TONED}]")
PINYIN_GLOSS = regex.compile(rf"(?<=\p{{Han}})[(（](?=[a-zü]*[{TONED}])[a-zü{TONED}]{{1,7}}[)）]")


def _without_glosses(text: str) -> tuple[str, tuple[list[int], list[int]]] | None:
    """The text without its pinyin glosses, and where they were cut: the offsets in the new text right after
    each cut, and the characters removed up to it (so that offsets map back with a bisect, whatever the
    page's length); None where the text has none."""
    if not any(b in text for b in GLOSS_BRACKETS) or TONE_MARK.search(text) is None:
        return None
    pieces: list[str] = []
    cut_at: list[int] = []
    removed_by: list[int] = []
    last = removed = 0
    for match in PINYIN_GLOSS.finditer(text):
        pieces.append(text[last:match.start()])
        cut_at.append(match.start() - removed)
        removed += match.end() - match.start()
        removed_by.append(removed)
        last = match.end()
    if not pieces:
        return None
    pieces.append(text[last:])
    return "".join(pieces), (cut_at, removed_by)


def _in_source(entity: Entity, text: str, cuts: tuple[list[int], list[int]]) -> Entity:
    cut_at, removed_by = cuts

    def source(i: int) -> int:  # a character's offset in the text as written
        k = bisect.bisect_right(cut_at, i)
        return i + (removed_by[k - 1] if k else 0)

    start, end = source(entity.start), source(entity.end - 1) + 1
    return Entity(entity.type, text[start:end], start, end, entity.normalized, entity.fields, entity.rule)


def _with_shadowing(types: tuple[str, ...]) -> tuple[str, ...]:
    """The selected types and those that can shadow them, in canonical order, so a
    type's result does not depend on which other types were asked for."""
    needed = set(types)
    for entity_type in types:
        needed.update(SHADOWED_BY.get(entity_type, ()))
        needed.update(NAMED_INSIDE.get(entity_type, ()))
    return tuple(t for t in ENTITY_TYPES if t in needed)


def extract(
    text: str,
    types: str | Iterable[str] | None = None,
    ref_date: dt.date | str | None = None,
    user_dict=None,
) -> list[Entity]:
    """Entities of the selected types in ``text``, sorted by ``(start, end, type)``.

    The core's own entry point: ``types`` and ``ref_date`` are checked here.
    """
    return extract_document(text, parse_types(types), coerce_date(ref_date), user_dict)[1]


def resolve(found: dict[str, Sequence[Entity]]) -> list[Entity]:
    """One place for overlap policy.

    Within a type, the longest span wins and overlapping shorter ones go
    (spaCy EntityRuler's policy). Across types spans may overlap (the city in
    桃園市長張善政 and the official), except where :data:`SHADOWED_BY` says a
    type's span inside another's is no mention of it, or :data:`NAMED_INSIDE` that
    a span inside another entity's name is part of that name.
    """
    kept: list[Entity] = []
    for entity_type, entities in found.items():
        chosen = longest_non_overlapping(entities, _entity_span, _normalized)
        shadows = IntervalSet()
        crossed: dict[int, int] = {}  # a shadowing span's end -> its earliest start
        for shadowing_type in SHADOWED_BY.get(entity_type, ()):
            for other in found.get(shadowing_type, ()):
                shadows.add(other.start, other.end)
                crossed[other.end] = min(other.start, crossed.get(other.end, other.start))
        if crossed:
            chosen = [e for e in chosen if not any(crossed.get(p, e.start) < e.start for p in range(e.start + 1, e.end))]
        inside_names = IntervalSet()  # a name's characters after its first (郭曉|華為: no company 華為)
        name_starts: set[int] = set()  # 市長|野志克仁: no city 長野 across a name's first character
        for naming_type in NAMED_INSIDE.get(entity_type, ()):
            for other in found.get(naming_type, ()):
                name_span = _name_span(other)
                if name_span is not None:
                    shadows.add(*name_span)
                    inside_names.add(name_span[0] + 1, name_span[1])
                    name_starts.add(name_span[0])
        if shadows:
            chosen = [e for e in chosen if not shadows.covers(e.start, e.end)
                      and not inside_names.covers(e.start, e.start + 1)
                      and not any(p in name_starts for p in range(e.start + 1, e.end))]
        kept.extend(chosen)
        kept.extend(_span_sharers(entities, chosen))
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    kept.sort(key=lambda e: (e.start, e.end, order[e.type]))
    return kept


def _span_sharers(entities: Sequence[Entity], chosen: list[Entity]) -> list[Entity]:
    """The entities of :data:`SHARED_SPAN_RULES` at the span of one chosen by the same rule,
    that the overlap policy (one entity per span) left out."""
    sharing = [e for e in entities if e.rule in SHARED_SPAN_RULES]
    if not sharing:
        return []
    chosen_ids = {id(e) for e in chosen}
    spans = {(e.start, e.end, e.rule) for e in chosen if e.rule in SHARED_SPAN_RULES}
    return [e for e in sharing if (e.start, e.end, e.rule) in spans and id(e) not in chosen_ids]


def _name_span(entity: Entity) -> tuple[int, int] | None:
    """Where an entity's ``name`` field stands in its text, if it does. Compared folded: a later
    mention keeps the name as first found, which a page of mixed scripts writes in the other one
    (a Traditional headline's 丹尼斯奧 of the Simplified body's 丹尼斯奥: no city 尼斯 inside it)."""
    name = entity.fields.get("name")
    at = fold(entity.text).find(fold(name)) if name else -1
    return None if at < 0 else (entity.start + at, entity.start + at + len(name))


def _entity_span(entity: Entity) -> tuple[int, int]:
    return entity.start, entity.end


def _normalized(entity: Entity) -> str:
    return entity.normalized
