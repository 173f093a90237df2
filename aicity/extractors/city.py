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
from typing import Iterator

from ..document import Document
from ..fold import fold
from ..model import Entity
from .base import Gazetteer, is_han, latin_boundary, longest_non_overlapping
from .lexicon import (
    ABBREVIATION, ENGLISH, FOREIGN, FULL, PLACE_KIND_ORDER, SHORT, CityInfo, city_gazetteer, document_matches,
)

# A full form's last character that begins a title: 桃園市長 is 桃園 + 市長.
TITLE_AFTER_SUFFIX = frozenset(fold(w) for w in ("市長", "縣長", "市議員", "縣議員"))
# Function characters that end a word, so an abbreviation after them stands alone (與桃市).
FUNCTION_CHARS = frozenset(fold("與和及、跟同在於由向對"))
ADMIN_SUFFIXES = tuple(fold(c) for c in "縣府州省都道")
RULES = {kind: f"city.{kind}" for kind in PLACE_KIND_ORDER}


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
        city_gazetteer()

    def find(self, doc: Document) -> Iterator[Entity]:
        gazetteer, after_words, abbreviation_after = city_gazetteer()
        folded = doc.folded
        candidates: list[tuple[int, int, CityInfo]] = []
        if doc.user is not None and doc.user.of_type("city"):
            for start, end, infos in _user_gazetteer(doc.user).matches(folded):
                candidates.append((start, end, infos[0]))
        for start, end, (info,) in document_matches(doc, gazetteer):
            if info.kind == ENGLISH and not latin_boundary(folded, start, end):
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
