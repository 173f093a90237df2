"""Cities: Taiwan's 22 縣市 in every spelling, and cities abroad.

One Aho–Corasick gazetteer over all surface forms (folded, so 臺/台 and
Simplified spellings are one key), then context checks per kind of form:

* full forms (臺中市, 台中市, 新竹縣) always name the city;
* short forms (臺中, 高雄) do unless the next word makes them part of another
  name (臺中科大, 高雄港站, 新北投), per ``city/context.tsv``;
* government abbreviations (北市, 中市) only at a word boundary or before a
  government word (北市府, 中市長), since 集中市場 is no city;
* foreign names are cities unless followed by 縣/府/州/省 (青森縣 is a
  prefecture), or they share a prefecture's name that the document uses as a
  prefecture elsewhere (高雄×青森 beside 青森縣).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator

from ..document import Document
from ..fold import fold
from ..model import Entity
from ..resources import load_table
from .base import Gazetteer, is_han, longest_non_overlapping
from .lexicon import document_matches

# Kinds of surface form, strongest first (the order breaks ties between equal spans).
FULL, SHORT, ABBREVIATION, ENGLISH, FOREIGN = "full", "short", "abbreviation", "english", "foreign"
# A full form's last character that begins a title: 桃園市長 is 桃園 + 市長.
TITLE_AFTER_SUFFIX = frozenset(fold(w) for w in ("市長", "縣長", "市議員", "縣議員"))
# Countries whose cities news writes with 市 (上海市, 大阪市, 首爾市).
CITY_SUFFIX_COUNTRIES = frozenset({"CN", "JP", "KR"})
# Function characters that end a word, so an abbreviation after them stands alone (與桃市).
FUNCTION_CHARS = frozenset(fold("與和及、跟同在於由向對"))
ADMIN_SUFFIXES = tuple(fold(c) for c in "縣府州省都道")
# Ties between places that share a form: Taiwan first, then by kind (strongest first).
KIND_ORDER = (FULL, SHORT, ABBREVIATION, ENGLISH, FOREIGN)
RULES = {kind: f"city.{kind}" for kind in KIND_ORDER}


@dataclass(frozen=True, slots=True)
class CityInfo:
    name: str
    country: str
    level: str | None
    kind: str
    prefecture_homonym: bool = False


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _choose(infos: list[CityInfo]) -> CityInfo:
    """The place a form shared by several names: Taiwan first, then the first listed."""
    return sorted(infos, key=lambda i: (i.country != "TW", KIND_ORDER.index(i.kind)))[0]


class WordStarts:
    """A set of words to test for at a position of a text (up to ``longest`` characters).

    Most positions start no word at all, which one look-up of the first character shows.
    """

    __slots__ = ("words", "first_chars", "lengths")

    def __init__(self, words: frozenset[str], longest: int = 5):
        self.words = words
        self.first_chars = frozenset(word[:1] for word in words)
        self.lengths = tuple(sorted({len(word) for word in words if 1 <= len(word) <= longest}))

    def at(self, text: str, pos: int) -> bool:
        if text[pos:pos + 1] not in self.first_chars:
            return False
        return any(text[pos:pos + n] in self.words for n in self.lengths)


@functools.cache
def _gazetteer() -> tuple[Gazetteer, WordStarts, WordStarts]:
    """The gazetteer, whose payload per form is the one place the form names
    (chosen once here, not per match), and the context words after short forms
    and after abbreviations."""
    entries: list[tuple[str, CityInfo]] = []
    for row in load_table("city/tw_cities.tsv"):
        name, level = row["name"], row["level"]
        full = CityInfo(name, "TW", level, FULL)
        entries.append((name, full))
        for alias in _split(row["aliases"]):
            kind = FULL if alias.endswith(("市", "縣")) else SHORT
            entries.append((alias, CityInfo(name, "TW", level, kind)))
        for abbreviation in _split(row["abbreviations"]):
            entries.append((abbreviation, CityInfo(name, "TW", level, ABBREVIATION)))
        for english in _split(row["english"]):
            entries.append((english, CityInfo(name, "TW", level, ENGLISH)))
    for table in ("city/world_cities.tsv", "city/world_cities_extra.tsv"):
        for row in load_table(table):
            info = CityInfo(
                row["name"], row["country"], None, FOREIGN,
                row.get("prefecture_homonym", "") in ("1", "true", "yes"),
            )
            forms = {row["name"], row.get("name_cn", ""), *_split(row.get("aliases", ""))}
            if row["country"] in CITY_SUFFIX_COUNTRIES:  # 上海市, 大阪市: the 市 is part of the name
                forms |= {f + "市" for f in forms if f and not f.endswith("市")}
            for form in forms:
                if form:
                    entries.append((form, info))
    after = frozenset(fold(r["word"]) for r in load_table("city/context.tsv") if r["kind"] == "after")
    abbreviation_after = frozenset(
        fold(r["word"]) for r in load_table("city/context.tsv") if r["kind"] == "abbreviation_after"
    )
    places_by_form: dict[str, list[CityInfo]] = {}
    for form, info in entries:
        places_by_form.setdefault(fold(form), []).append(info)
    chosen = Gazetteer((form, _choose(infos)) for form, infos in places_by_form.items())
    return chosen, WordStarts(after), WordStarts(abbreviation_after)


@functools.lru_cache(maxsize=8)
def _user_gazetteer(user) -> Gazetteer:
    """The user dictionary's cities (``--dict``), built once per dictionary."""
    entries = []
    for entry in user.of_type("city"):
        fields = dict(entry.fields)
        info = CityInfo(entry.name, fields.get("country", ""), fields.get("level"), FULL)
        entries.extend((form, info) for form in (entry.name, *entry.aliases))
    return Gazetteer(entries)


class CityExtractor:
    type = "city"

    def __init__(self) -> None:
        _gazetteer()

    def find(self, doc: Document) -> Iterator[Entity]:
        gazetteer, after_words, abbreviation_after = _gazetteer()
        folded = doc.folded
        candidates: list[tuple[int, int, CityInfo]] = []
        if doc.user is not None and doc.user.of_type("city"):
            for start, end, infos in _user_gazetteer(doc.user).matches(folded):
                candidates.append((start, end, infos[0]))
        for start, end, (info,) in document_matches(doc, gazetteer):
            if info.kind == ENGLISH and not self._latin_boundary(folded, start, end):
                continue
            candidates.append((start, end, info))
        # Longest match first, so 臺中市 wins over 臺中 and 中市 inside it.
        kept = longest_non_overlapping(candidates)
        prefectures = {
            info.name for start, end, info in kept
            if info.kind == FOREIGN and folded[end:end + 1] in ADMIN_SUFFIXES
        }
        for start, end, info in kept:
            if not self._accept(folded, start, end, info, after_words, abbreviation_after, prefectures):
                continue
            if info.kind in (FULL, FOREIGN) and end - start > 2 and (
                folded[end - 1:end + 1] in TITLE_AFTER_SUFFIX or folded[end - 1:end + 2] in TITLE_AFTER_SUFFIX
            ):
                end -= 1  # 桃園|市長, 福岡|市長: the 市 belongs to the title, so spans nest, never cross
            yield doc.entity(
                "city", start, end, info.name, RULES[info.kind],
                country=info.country, level=info.level,
            )

    @staticmethod
    def _latin_boundary(folded: str, start: int, end: int) -> bool:
        before = folded[start - 1:start]
        after = folded[end:end + 1]
        return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())

    def _accept(self, folded, start, end, info, after_words, abbreviation_after, prefectures) -> bool:
        if info.kind == FULL:
            return True
        if info.kind == SHORT:
            return not after_words.at(folded, end)
        if info.kind == ABBREVIATION:
            before = folded[start - 1:start]
            at_boundary = not before or not is_han(before) or before in FUNCTION_CHARS
            return at_boundary or abbreviation_after.at(folded, end)
        if info.kind == ENGLISH:
            return True
        # Foreign: 青森縣 / 大阪府 are prefectures; so is a bare 青森 in a page that
        # speaks of 青森縣 (the prefecture's capital shares its name). 史丹佛大學 is no 丹佛.
        if folded[end:end + 1] in ADMIN_SUFFIXES or after_words.at(folded, end):
            return False
        if info.prefecture_homonym and info.name in prefectures:
            return False
        # A foreign name glued inside a longer Han word is usually another word.
        return True
