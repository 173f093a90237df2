"""Companies: a dictionary of listed and well-known companies, plus name grammar.

Dictionary (``company/companies_tw.tsv`` from the TWSE/TPEx lists, ``company/companies_extra.tsv``
for foreign, unlisted and everyday names, and a user's ``--dict``), matched
with one Aho–Corasick automaton over folded text. Every surface form of a
company maps to one canonical name, so ``normalized`` is stable across a corpus.
Names that are also ordinary words (統一, 國賓, 青雲) need company context: a cue
word nearby (營收, 董事長, 法說會), a company suffix right after (國賓飯店), or
a sure mention of the same company elsewhere in the document.

Rules find companies the dictionary lacks:

* ``company.suffix``: a name before a legal form or an industry word
  (健策精密工業股份有限公司, 豐禾建設, 太子集團), per ``company/suffixes.tsv``;
* ``company.foreign_prefix``: 英商安謀(ARM), 法商訊源(Atos), 美商Google;
* ``company.latin_before_title``: a Latin name before a corporate title
  (SiPearl執行長);
* ``company.mention``: later mentions of a name a rule found.

A company's name inside a foundation's or association's name (日月光環保永續基金會)
is not a mention of the company.
"""
from __future__ import annotations

import bisect
import functools
from typing import Iterator

import regex

from ..document import Document
from ..fold import fold
from ..model import Entity
from ..resources import load_list, load_table
from .base import Gazetteer, IntervalSet, alternation, compile_folded, is_han, latin_boundary, longest_non_overlapping
from .lexicon import (
    CompanyInfo, Form, common_words, company_dictionary, company_forms, company_rule_anchors, corporate_titles,
    document_matches, is_latin, split_cell,
)

CUE_WINDOW = 10
# How far left of a suffix of each strength a name may reach.
NAME_LIMITS = {"legal": 14, "strong": 6, "weak": 4}
LIST_JOINERS = frozenset(fold("、和及與跟,，"))
# Characters that end a name when scanning left from a suffix (function words).
STOP_CHARS = set(fold("的與和及跟由在為是於把被讓向對從將等也亦還都已、,，。;；:：!！?？「」『』《》()（）[]【】\"'“”‘’ \t\n\r·•|/"))
ORG_SUFFIX_AFTER = tuple(fold(w) for w in ("基金會", "協會", "學會", "公會", "基金", "研究院", "工會", "文教"))
ORG_SUFFIX_AFTER_PATTERN = regex.compile("|".join(map(regex.escape, ORG_SUFFIX_AFTER)))
ORG_NAME_REACH = 12  # how far after a company's name its foundation's suffix may come
# Characters that can end the Latin name before a corporate title (see latin_title).
LATIN_NAME_END = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&-")


@functools.lru_cache(maxsize=8)
def _user_dictionary(user) -> Gazetteer:
    entries = []
    for entry in user.of_type("company"):
        fields = dict(entry.fields)
        info = CompanyInfo(entry.name, tuple(entry.aliases), fields.get("stock_code"), fields.get("country"))
        entries += company_forms(info, [entry.name, *entry.aliases], set())
    return Gazetteer(entries)


@functools.cache
def _rules():
    suffixes = {fold(r["suffix"]): r["strength"] for r in load_table("company/suffixes.tsv")}
    suffix_pattern = regex.compile(alternation(suffixes))
    generic = frozenset(fold(w) for w in load_list("company/generic.txt"))
    cues = Gazetteer((w, w) for w in load_list("company/cues.txt"))
    prefixes = alternation(load_list("company/prefixes.txt"))
    foreign = compile_folded(
        prefixes + r"(?P<name>[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*)*|\p{Han}{2,6}?)"
        r"(?:[(（](?P<alias>[A-Za-z][A-Za-z0-9&.\- ]{0,30})[)）])?(?=[(（、,，。及與和在\s]|$)"
    )
    latin_title = compile_folded(
        r"(?<![A-Za-z0-9])(?P<name>[A-Z][A-Za-z0-9&\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&\-]+)*)\s?"
        + alternation(corporate_titles())
    )
    return suffixes, suffix_pattern, generic, cues, foreign, latin_title


@functools.cache
def _suffix_automaton():
    """The company suffixes as (words, leftmost-longest automaton): the same
    non-overlapping matches as ``suffix_pattern.finditer`` (an alternation,
    longest first), in a tenth of the time on CJK text."""
    import ahocorasick_rs

    words = [w for w in _rules()[0] if w]
    return words, ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


@functools.cache
def _place_names() -> frozenset[str]:
    """Countries and Taiwan's cities, which are not a company's name on their own."""
    names = set()
    for row in load_table("common/countries.tsv"):
        names.update(fold(n) for n in (row["name"], row.get("name_cn", ""), *split_cell(row.get("aliases", ""))) if n)
    for row in load_table("city/tw_cities.tsv"):
        names.update(fold(n) for n in (row["name"], *split_cell(row["aliases"])))
    names.update(fold(n) for n in ("台灣", "臺灣", "中國", "大陸", "歐洲", "亞洲", "美洲", "非洲", "兩岸", "全台", "全臺"))
    return frozenset(names)


class CompanyExtractor:
    type = "company"

    def __init__(self) -> None:
        company_dictionary()
        _rules()

    # ------------------------------------------------------------------ dictionary
    def _dictionary_hits(self, doc: Document) -> list[tuple[int, int, Form]]:
        return doc.cached("company.dictionary_hits", lambda: self._match_dictionary(doc))

    def _match_dictionary(self, doc: Document) -> list[tuple[int, int, Form]]:
        folded = doc.folded
        hits: list[tuple[int, int, Form]] = []
        sources = []
        if doc.user is not None and doc.user.of_type("company"):
            sources.append(_user_dictionary(doc.user))
        sources.append(company_dictionary())
        for gazetteer in sources:
            for start, end, forms in document_matches(doc, gazetteer):
                form = forms[0]
                # Latin forms match case-sensitively as listed, and only as whole words.
                if form.latin and not latin_boundary(folded, start, end):
                    continue
                hits.append((start, end, form))
        # 中華 inside 中華電信 is no mention of 中華汽車: keep the longest names.
        return longest_non_overlapping(hits)

    @staticmethod
    def _inside_org_name(folded: str, end: int) -> bool:
        """True when the name continues into a foundation's or association's name."""
        if not ORG_SUFFIX_AFTER_PATTERN.search(folded, end, end + ORG_NAME_REACH):
            return False  # no suffix within reach: the usual case, and no walk needed
        stop = end
        while stop < len(folded) and stop - end < ORG_NAME_REACH and (is_han(folded[stop]) or folded[stop].isalnum()):
            stop += 1
        tail = folded[end:stop]
        return any(suffix in tail for suffix in ORG_SUFFIX_AFTER)

    @staticmethod
    def _listed_with(folded: str, start: int, end: int, sure_ends: set[int], sure_starts: set[int]) -> bool:
        """True when the name is an item of an enumeration next to a sure company
        (鴻海、和碩、聯發科): one joining character between them."""
        return (start - 1 in sure_ends and folded[start - 1] in LIST_JOINERS
                or end + 1 in sure_starts and folded[end] in LIST_JOINERS)

    def _has_cue(self, folded: str, start: int, end: int) -> bool:
        cues = _rules()[3]
        window = folded[max(0, start - CUE_WINDOW):end + CUE_WINDOW]
        return bool(cues.matches(window))

    # ------------------------------------------------------------------ rules
    def _scan_name_left(self, folded: str, stop: int, limit: int) -> int:
        start = stop
        while start > 0 and stop - start < limit:
            ch = folded[start - 1]
            if ch in STOP_CHARS or not (is_han(ch) or ch.isalnum() or ch in "&.-"):
                break
            start -= 1
        return start

    def _suffix_candidates(self, doc: Document, known: Gazetteer) -> Iterator[tuple[int, int, str, CompanyInfo | None, str]]:
        suffixes, _, generic, _, _, _ = _rules()
        suffix_words, suffix_automaton = _suffix_automaton()
        folded = doc.folded
        common = common_words()
        places = _place_names()
        # Sure dictionary names, non-overlapping and sorted by start.
        known_starts = [start for start, _, form in self._dictionary_hits(doc) if not form.ambiguous]
        known_ends = [end for _, end, form in self._dictionary_hits(doc) if not form.ambiguous]
        dictionary_ends = set(known_ends)
        for word_index, s, e in suffix_automaton.find_matches_as_indexes(folded):
            if e in dictionary_ends:
                continue  # 中華電信 is a dictionary name; 電信 is no suffix of 中華 here
            suffix = suffix_words[word_index]
            strength = suffixes[suffix]
            limit = NAME_LIMITS[strength]
            start = self._scan_name_left(folded, s, limit)
            # 華為|技術有限公司: 為 is no stop inside 華為 (binary search: one name at most)
            index = bisect.bisect_left(known_starts, start) - 1
            if index >= 0 and known_ends[index] >= start:
                start = known_starts[index]
            chunk = folded[start:s]
            if not chunk:
                continue
            # A dictionary company ending right at the suffix: 科技大廠群聯|電子 -> 群聯.
            best = None
            for hs, he, forms in known.matches(chunk):
                if forms[0].ambiguous:
                    continue  # 太子|集團 is Prince Group, not 太子建設
                if he == len(chunk) or hs == 0:
                    if best is None or he - hs > best[1] - best[0]:
                        best = (hs, he, forms[0])
            if best is not None:
                hs, he, form = best
                if he == len(chunk):
                    name_start = start + hs
                else:  # 健策精密|工業股份有限公司: the known name starts the chunk
                    name_start = start
                yield name_start, e, form.info.canonical, form.info, strength
                continue
            if strength != "legal" and len(chunk) > 2 and start > 0 and folded[start - 1] not in STOP_CHARS:
                chunk, start = chunk[-2:], s - 2  # no boundary: take the usual two-character name
            if strength != "legal" and start > 0 and folded[start - 1].isdigit():
                continue  # 5月新|能源: a date, not a name
            if self._generic(chunk, generic, places, strength):
                continue
            if strength == "weak" and not self._looks_like_name(chunk, common, places):
                continue
            if strength == "legal" and suffix == fold("公司") and not is_latin(chunk):
                # bare 公司 after Han text is mostly "the company": need a boundary and no generic word
                if len(chunk) > 6 or chunk in common or (start > 0 and folded[start - 1] not in STOP_CHARS):
                    continue
            if len(chunk) < 2:
                continue
            written = doc.text[start:s] if strength == "legal" else doc.text[start:e]
            yield start, e, written, None, strength

    @staticmethod
    def _generic(chunk: str, generic: frozenset[str], places: frozenset[str], strength: str) -> bool:
        """A generic word, a demonstrative (這一科技), or a place plus a generic word
        (歐洲投資銀行): no company's own name."""
        if chunk in generic or chunk[:1] in generic:
            return True
        for length in range(min(len(chunk) - 1, 4), 1, -1):
            if chunk[:length] in places and chunk[length:] in generic:
                return True
        return strength != "strong" and chunk in places

    @staticmethod
    def _looks_like_name(chunk: str, common: frozenset[str], places: frozenset[str]) -> bool:
        """A name before an industry word: Han, and no common word or place inside it
        (創新科技, 傳輸科技 and 臺灣大學科技 are no company names; 豐禾建設 is)."""
        if not 2 <= len(chunk) <= 4 or not all(is_han(c) for c in chunk):
            return False
        pieces = {chunk[i:i + n] for n in (2, 3) for i in range(len(chunk) - n + 1)}
        return not (pieces & common or pieces & places)

    # ------------------------------------------------------------------ find
    def find(self, doc: Document) -> Iterator[Entity]:
        folded = doc.folded
        hits = self._dictionary_hits(doc)
        known = company_dictionary()
        entities: list[Entity] = []
        sure: set[str] = set()
        pending: list[tuple[int, int, Form]] = []
        suffix_pattern = _rules()[1]
        common = common_words()
        places = _place_names()
        for start, end, form in hits:
            if self._inside_org_name(folded, end):
                continue
            # A name whose edge is half of a common word is likely inside that word:
            # 全聯 in 安全聯盟, 日友 in 臺日友誼, 台灣大 in 台灣大學.
            straddles = not form.latin and (
                folded[start - 1:start + 1] in common or folded[end - 1:end + 1] in common
                or folded[start:end] in places
            )
            if form.ambiguous or straddles:  # needs context (most names do not)
                followed_by_suffix = suffix_pattern.match(folded, end) is not None
                # 國賓|飯店 confirms 國賓, but not inside a longer name (沛星互動|科技).
                confirmed = followed_by_suffix and (start == 0 or folded[start - 1] in STOP_CHARS or not is_han(folded[start - 1]))
                if not confirmed and not self._has_cue(folded, start, end):
                    pending.append((start, end, form))
                    continue
            sure.add(form.info.canonical)
            entities.append(self._entity(doc, start, end, form.info, "company.dictionary"))
        sure_ends = {e.end for e in entities}
        sure_starts = {e.start for e in entities}
        for start, end, form in pending:
            # 國賓 alone after 國賓飯店 was seen; 和碩 in a list with 鴻海、和碩、聯發科.
            if form.info.canonical in sure or self._listed_with(folded, start, end, sure_ends, sure_starts):
                entities.append(self._entity(doc, start, end, form.info, "company.dictionary_context"))

        found_names: dict[str, tuple[str, CompanyInfo | None]] = {}
        for start, end, name, info, strength in self._suffix_candidates(doc, known):
            if self._inside_org_name(folded, end):
                continue
            entities.append(self._entity(doc, start, end, name, "company.suffix", info))
            found_names.setdefault(fold(doc.text[start:end]), (name, info))
        for match in self._foreign_prefix_matches(doc):
            for group in ("name", "alias"):
                if match.group(group) is None:
                    continue
                s, e = match.span(group)
                written = doc.text[s:e].strip()
                e = s + len(written)
                info = next((f[0].info for _, _, f in known.matches(folded[s:e]) if True), None)
                canonical = info.canonical if info else doc.text[match.start("name"):match.end("name")]
                entities.append(self._entity(doc, s, e, canonical, "company.foreign_prefix", info))
                found_names.setdefault(folded[s:e], (canonical, info))
        latin_title = _rules()[5]
        for match in latin_title.finditer(folded) if self._latin_name_before_title(doc) else ():
            s, e = match.span("name")
            name = doc.text[s:e]
            if len(name) < 2 or name.isupper() and len(name) <= 3 and name in ("CEO", "CFO", "CTO", "COO", "AI"):
                continue
            entities.append(self._entity(doc, s, e, name, "company.latin_before_title"))
            found_names.setdefault(folded[s:e], (name, None))
        entities.extend(self._later_mentions(doc, found_names, entities))
        return iter(entities)

    @staticmethod
    def _foreign_prefix_matches(doc: Document) -> Iterator[regex.Match]:
        """``foreign.finditer(doc.folded)``, tried only where a prefix (英商, 美商) starts:
        every match starts with one, and the regex is slow to scan for them."""
        foreign = _rules()[4]
        folded = doc.folded
        resume = 0
        for start in sorted({start for start, _, _ in document_matches(doc, company_rule_anchors()[0])}):
            if start < resume:
                continue  # inside the previous match, as finditer would skip it
            match = foreign.match(folded, start)
            if match:
                yield match
                resume = match.end()

    @staticmethod
    def _latin_name_before_title(doc: Document) -> bool:
        """Whether ``latin_title`` can match at all: some corporate title right after
        (or one space after) a character that can end a Latin name."""
        folded = doc.folded
        for start, _, _ in document_matches(doc, company_rule_anchors()[1]):
            if folded[start - 1:start] in LATIN_NAME_END or folded[start - 2:start - 1] in LATIN_NAME_END:
                return True
        return False

    def _later_mentions(self, doc, found_names, entities) -> list[Entity]:
        """Other mentions of names that a rule found (SiPearl公司 ... SiPearl團隊)."""
        if not found_names:
            return []
        taken = IntervalSet()
        for e in entities:
            taken.add(e.start, e.end)
        extra = []
        for key, (canonical, info) in found_names.items():
            position = doc.folded.find(key)
            while position != -1:
                end = position + len(key)
                latin_ok = not is_latin(key) or latin_boundary(doc.folded, position, end)
                if latin_ok and not taken.overlaps(position, end):
                    extra.append(self._entity(doc, position, end, canonical, "company.mention", info))
                    taken.add(position, end)
                position = doc.folded.find(key, end)
        return extra

    @staticmethod
    def _entity(doc: Document, start: int, end: int, canonical_or_info, rule: str, info: CompanyInfo | None = None) -> Entity:
        if isinstance(canonical_or_info, CompanyInfo):
            info = canonical_or_info
            canonical = info.canonical
        else:
            canonical = canonical_or_info
        return doc.entity(
            "company", start, end, canonical, rule,
            canonical=canonical,
            aliases=list(info.aliases) if info and info.aliases else None,
            stock_code=info.stock_code if info else None,
            country=info.country if info else None,
            parent=info.parent if info else None,
        )
