"""What every extractor is, and the helpers they share.

An extractor is an object with a ``type`` (one of ``ENTITY_TYPES``) and a
``find(doc)`` method that yields normalized :class:`~aicity.model.Entity`
objects for one :class:`~aicity.document.Document`. Extractors match the
folded text (``doc.folded``) and build entities with ``doc.entity(...)`` so the
offsets and ``text`` refer to the original.

Extractor instances are built once per process (lazily, by the registry) and
must not keep per-document state.
"""
from __future__ import annotations

import bisect
import operator

from typing import Any, Callable, Iterable, Protocol, TypeVar

import regex

from ..document import Document
from ..fold import fold
from ..model import Entity
from ..regex_cache import compile_cached

T = TypeVar("T")


class Extractor(Protocol):
    type: str

    def find(self, doc: Document) -> Iterable[Entity]: ...


def compile_folded(pattern: str, flags: int = 0) -> regex.Pattern:
    """Compile a pattern written in Traditional Chinese so it matches folded text.

    ``fold()`` maps only CJK and full-width characters, so regex syntax is
    untouched; ``regex.VERSION1`` is not used, to keep ``[...]`` semantics plain.
    Compiled once per machine, not per process (:mod:`aicity.regex_cache`).
    """
    return compile_cached(fold(pattern), flags)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first, folded."""
    unique = sorted({fold(w) for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w) for w in unique) + ")"


class Gazetteer:
    """An Aho–Corasick automaton over folded keys, each mapped to a payload.

    ``matches(folded)`` returns ``(start, end, payloads)`` for every occurrence of
    every key (overlapping ones included); callers decide which to keep, usually
    with :func:`longest_non_overlapping`.

    The automaton is ahocorasick_rs (the Rust aho-corasick crate): it reports
    character offsets and scans CJK text about ten times faster than
    pyahocorasick, whose trie looks a character up among a node's children one
    by one, and the root of a Chinese dictionary has a thousand of them.
    """

    def __init__(self, entries: Iterable[tuple[str, Any]]):
        payloads: dict[str, list[Any]] = {}
        for key, payload in entries:
            folded = fold(key)
            if folded:
                payloads.setdefault(folded, []).append(payload)
        self.size = len(payloads)
        self.keys = list(payloads)
        self.values = [tuple(values) for values in payloads.values()]  # per key, in key order
        self._automaton = None
        if payloads:
            import ahocorasick_rs  # imported here: building is the first use

            self._automaton = ahocorasick_rs.AhoCorasick(list(payloads))

    def __len__(self) -> int:
        return self.size

    def matches(self, folded: str) -> list[tuple[int, int, tuple[Any, ...]]]:
        if self._automaton is None:
            return []
        values = self.values
        found = self._automaton.find_matches_as_indexes(folded, overlapping=True)
        # In the automaton's order: by end, the longest first at one end (the order
        # the callers' first-match tie-breaks were written against).
        return [(start, end, values[index]) for index, start, end in found]


class FusedGazetteer:
    """Several gazetteers matched in one pass: ``matches(folded)[i]`` equals
    ``gazetteers[i].matches(folded)``, in the same order.

    A scan of a whole document costs about the same whatever the dictionary's
    size (the automaton's walk over the text and the byte-to-character offset
    conversion dominate), so matching the dictionaries together costs one scan
    instead of one each.
    """

    def __init__(self, gazetteers: Iterable[Gazetteer]):
        self.members = tuple(gazetteers)
        payloads: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
        for index, gazetteer in enumerate(self.members):
            for key, values in zip(gazetteer.keys, gazetteer.values):
                payloads.setdefault(key, []).append((index, values))
        self._payloads = list(payloads.values())
        self._automaton = None
        if payloads:
            import ahocorasick_rs

            self._automaton = ahocorasick_rs.AhoCorasick(list(payloads))

    def index(self, gazetteer: Gazetteer) -> int | None:
        return next((i for i, member in enumerate(self.members) if member is gazetteer), None)

    def matches(self, folded: str) -> list[list[tuple[int, int, tuple[Any, ...]]]]:
        found: list[list[tuple[int, int, tuple[Any, ...]]]] = [[] for _ in self.members]
        if self._automaton is None:
            return found
        payloads = self._payloads
        for key_index, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            for index, values in payloads[key_index]:
                found[index].append((start, end, values))
        return found


class IntervalSet:
    """A union of half-open intervals, with O(log n) overlap queries.

    Overlap checks against everything kept so far are the inner loop of span
    selection; a linear scan there makes a long document quadratic.
    """

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def __bool__(self) -> bool:
        return bool(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start)
        if index and self._ends[index - 1] > start:
            return True
        return index < len(self._starts) and self._starts[index] < end

    def covers(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies within one interval of the set."""
        index = bisect.bisect_right(self._starts, start)
        return bool(index) and self._ends[index - 1] >= end

    def add(self, start: int, end: int) -> None:
        """Add an interval, merging it with any it overlaps (the set is their union)."""
        low = bisect.bisect_left(self._ends, start)  # first interval that may touch
        high = bisect.bisect_right(self._starts, end)
        if low < high:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]


# A (start, end, payload) tuple's span, and a span's end, read in C.
_tuple_span = operator.itemgetter(0, 1)
_second = operator.itemgetter(1)


def longest_non_overlapping(
    items: Iterable[T],
    span: Callable[[T], tuple[int, int]] = _tuple_span,
    tiebreak: Callable[[T], Any] | None = None,
    accept: Callable[[T], Any] | None = None,
) -> list[T]:
    """The one overlap policy: keep the longest spans, leftmost first (then by
    ``tiebreak``), that overlap no span already kept; return them by position.

    ``items`` are ``(start, end, payload)`` tuples unless ``span`` says how to
    read an item's span (``lambda e: (e.start, e.end)`` for entities).
    ``accept``, for tuples, is asked about each span that overlaps none kept:
    None drops it (it blocks no other), anything else is kept as its payload. A
    costly check thus runs only on the spans that could be kept.
    """
    by_start = sorted(items, key=span)
    # Most lists come out of their extractor without overlaps: one linear check.
    if accept is None:
        spans = list(map(span, by_start))
        if all(a[1] <= b[0] for a, b in zip(spans, spans[1:])):
            return by_start

    def priority(item: T) -> tuple[Any, ...]:
        start, end = span(item)
        return (start - end, start) if tiebreak is None else (start - end, start, tiebreak(item))

    kept: list[T] = []
    # One byte per character, 1 where a kept span lies: two C calls an item, no bisecting.
    taken = bytearray(max(map(_second, map(span, by_start))) + 1) if by_start else bytearray(1)
    find = taken.find
    for item in sorted(by_start, key=priority):
        start, end = span(item)
        if find(1, start, end) >= 0 or start == end and taken[start]:
            continue
        if accept is not None:
            payload = accept(item)
            if payload is None:
                continue
            item = (start, end, payload)
        kept.append(item)
        taken[start:end] = b"\x01" * (end - start)
    kept.sort(key=span)
    return kept


def latin_boundary(text: str, start: int, end: int) -> bool:
    """No Latin letter or digit glued to either side of ``text[start:end]`` (AMD, not AMDX)."""
    before, after = text[start - 1:start], text[end:end + 1]
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def is_han(ch: str) -> bool:
    # (the supplementary planes hold the rare characters of given names, and the Simplified forms that
    # folding gives some of them: 張錦鋐 folds to 张锦𬭎, U+2CB4E)
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch == "〇"
                         or "\U00020000" <= ch <= "\U000323af")
