"""Finding a rule's matches fast: triggers, start positions and the scan near them.

A rule's pattern opens with optional parts and lookbehinds that the regex module
would try at every position of a page. This module knows no rule; it gives a
rule three cheaper looks at the text, all found with ``str.find`` or the re module
(which skips positions faster than the regex module does):

* a *trigger*: the spans of a cheap pattern every match contains (月 for 3月5日);
  the full pattern is tried only just before and at each of them;
* *starts*: a re pattern that matches wherever the full pattern can start;
* *present*: a look at the whole text that says it surely holds no match.

:class:`Finder` puts them together; ``Finder.matches(text, hits)`` yields what
``pattern.finditer`` would, near the trigger's hits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

import regex

from ..fold import fold

Spans = list[tuple[int, int]]
Trigger = Callable[[str], Spans]

SPACE_CHARS = frozenset(" \t\u00a0")  # what the rules' {SP} fragment matches
# Letters the regex module's (?i:) case-folds to an ASCII one: ſ (s), K (Kelvin, k), İ (i).
FOLDS_TO_ASCII = "\u017f\u212a\u0130"


def charset(chars: str) -> frozenset[str]:
    """The characters of a regex character-class body such as ``0-9A-Za-z今去``."""
    out: set[str] = set()
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.update(chr(c) for c in range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.add(chars[i])
            i += 1
    return frozenset(out)


def guarded(pattern: str, first: str | None = None, near: str | None = None, reach: int = 16) -> str:
    """``pattern`` behind leading lookaheads that let the engine give up at most
    positions at once: on the first character (``first``, a class body), and on a
    character the match must contain within ``reach`` characters (``near``, a class
    body: 月 for a Chinese month). Without them, the alternations and lookbehinds that
    open the patterns run at every position."""
    if near:
        pattern = rf"(?=[^{near}\n]{{0,{reach}}}[{near}])(?:{pattern})"
    if first:
        pattern = rf"(?=[{first}])(?:{pattern})"
    return pattern


def starts(first: str, after_digit: bool = True) -> re.Pattern:
    """Where a match can start: at one of the ``first`` characters (a class body), but
    with ``after_digit=False`` not at an ASCII digit right after another (every branch
    of the pattern that opens with a digit has a lookbehind that rules a digit out)."""
    chars = charset(fold(first))
    digits = frozenset("0123456789")
    if after_digit or not chars & digits:
        return re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")
    rest = "".join(map(re.escape, sorted(chars - digits)))
    return re.compile("(?<![0-9])[0-9]" + (f"|[{rest}]" if rest else ""))


# ---------------------------------------------------------------------------
# Triggers: the spans of a cheap pattern, found without the regex module


def re_hits(pattern: str) -> Trigger:
    """The spans of a plain pattern (literals, classes, alternations of literals), which
    the re module finds as the regex module does, several times faster."""
    compiled = re.compile(fold(pattern))
    return lambda text: list(map(re.Match.span, compiled.finditer(text)))


def words_hits(*words: str) -> Trigger:
    """The spans of ``a|b|c``: literal words that share no character (so no two
    occurrences overlap), found one by one with ``str.find``, far faster than a
    pattern finds a class or an alternation."""
    folded = [fold(w) for w in words]
    assert sum(len(set(w)) for w in folded) == len(set("".join(folded))), "words share a character"

    def hits(text: str) -> Spans:
        out: Spans = []
        find = text.find
        for word in folded:
            size = len(word)
            at = find(word)
            while at >= 0:
                out.append((at, at + size))
                at = find(word, at + size)
        if len(folded) > 1:
            out.sort()
        return out

    return hits


# Numerals fill Chinese text: a name that ends with one (雙十一) is looked for by another character.
COMMON_CHARS = frozenset("0123456789〇一二三四五六七八九十")


def alternation_hits(names: list[str]) -> Trigger:
    """The spans of a pattern alternating the literal ``names`` longest first (as
    :func:`base.alternation` writes it): at each point the longest name there, then on
    from its end. Each name is found by one of its characters with ``str.find`` (its
    last that is not among :data:`COMMON_CHARS`, so that 雙十一 is not looked for at
    every 一), then checked in place: scanning for the whole alternation costs several
    times more. ``names`` are spelled as the pattern holds them (folded)."""
    # key character -> the character before it ("" at a name's start) -> (name, key index)
    by_char: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for name in sorted({n for n in names if n}):
        index = next((i for i in range(len(name) - 1, -1, -1) if name[i] not in COMMON_CHARS), len(name) - 1)
        before = name[index - 1] if index else ""
        by_char.setdefault(name[index], {}).setdefault(before, []).append((name, index))

    def hits(text: str) -> Spans:
        longest: dict[int, int] = {}  # start -> length of the longest name there
        find = text.find
        startswith = text.startswith
        for char, by_before in by_char.items():
            first = by_before.get("", ())
            at = find(char)
            while at >= 0:
                keyed = by_before.get(text[at - 1], ()) if at else ()
                for name, index in (*keyed, *first):
                    start = at - index
                    if start >= 0 and len(name) > longest.get(start, 0) and startswith(name, start):
                        longest[start] = len(name)
                at = find(char, at + 1)
        out: Spans = []
        stop = 0
        for start in sorted(longest):
            if start >= stop:
                stop = start + longest[start]
                out.append((start, stop))
        return out

    return hits


def unit_hits(unit: str, spaced: str, adjacent: str = "") -> Trigger:
    """The spans of ``[spaced]{SP}unit|[adjacent]unit`` (unit: one character in neither
    class nor SP): each ``unit`` in the text, read backwards over SP to the class."""
    unit = fold(unit)
    spaced_set = charset(fold(spaced))
    adjacent_set = charset(fold(adjacent))
    assert unit not in spaced_set | adjacent_set | SPACE_CHARS

    def hits(text: str) -> Spans:
        out: Spans = []
        find = text.find
        at = find(unit)
        while at >= 0:
            k = at - 1
            while k >= 0 and text[k] in SPACE_CHARS:
                k -= 1
            if k >= 0 and (text[k] in spaced_set or (k == at - 1 and text[k] in adjacent_set)):
                out.append((k, at + 1))
            at = find(unit, at + 1)
        return out

    return hits


def after_char_hits(char: str, pattern: str, size: int) -> Trigger:
    """The spans of ``(?<=char{SP})pattern``, ``pattern`` matching exactly ``size``
    characters: each ``char`` in the text, read forwards over SP."""
    compiled = re.compile(pattern)

    def hits(text: str) -> Spans:
        out: Spans = []
        find = text.find
        at = find(char)
        while at >= 0:
            k = at + 1
            while k < len(text) and text[k] in SPACE_CHARS:
                k += 1
            if compiled.match(text, k):
                out.append((k, k + size))
            at = find(char, k)
        return out

    return hits


def line_start_hits(pattern: str, size: int) -> Trigger:
    """The spans of ``^{SP}pattern`` (multiline): at the text's start and after each newline."""
    compiled = re.compile(pattern)
    after_newline = after_char_hits("\n", pattern, size)

    def hits(text: str) -> Spans:
        k = 0
        while k < len(text) and text[k] in SPACE_CHARS:
            k += 1
        first: Spans = [(k, k + size)] if compiled.match(text, k) else []
        return first + after_newline(text)

    return hits


def _ignorecase(word: str) -> str:
    """``word`` as the regex module's (?i:) matches it (simple case folding), spelled
    out as classes for the re module: re also lets ı match i, the regex module does not."""
    extra = {"i": "\u0130", "s": "\u017f", "k": "\u212a"}
    return "".join(f"[{ch.upper()}{ch.lower()}{extra.get(ch.lower(), '')}]" if ch.isalpha() else re.escape(ch)
                   for ch in word)


def latin_words_present(text: str, words: tuple[bytes, ...]) -> bool:
    """Whether ``(?i:a|b|c)`` (ASCII words, given lowered as bytes) may match in ``text``:
    the text's ASCII characters, lowered, hold one (a cheap look: a text rarely holds
    one), or the text has a letter that folds to an ASCII one."""
    projected = text.encode("ascii", "ignore").lower()
    return any(w in projected for w in words) or any(ch in text for ch in FOLDS_TO_ASCII)


def latin_words_hits(words: tuple[str, ...]) -> Trigger:
    """The spans of ``(?i:a|b|c)`` over Latin letters, as the regex module matches it
    (simple case folding; ſ is s). A page rarely holds one of the words: its ASCII
    letters, lowered, are looked through first, and the pattern runs only if one is there."""
    spans = re_hits(f"(?=[{''.join(sorted({_ignorecase(w[0])[1:-1] for w in words}))}])(?:"
                    + "|".join(_ignorecase(w) for w in words) + ")")
    lowered = tuple(w.lower().encode() for w in words)
    assert all(w.isascii() and w.isalpha() for w in words)

    def hits(text: str) -> Spans:
        return spans(text) if latin_words_present(text, lowered) else []

    return hits


# ---------------------------------------------------------------------------
# The scan


@dataclass(frozen=True, slots=True)
class Finder:
    """A pattern with the cheaper looks that say where it may match."""

    pattern: regex.Pattern
    starts: re.Pattern  # matches at every position the full pattern can match at
    trigger: Trigger | None = None
    before: int = 0  # how far before a trigger's hit a match may begin
    after: int = 0  # how far past a trigger's hit a match may run
    present: Callable[[str], bool] | None = None  # False: the text surely holds no match

    def matches(self, text: str, hits: Spans | None) -> Iterator[regex.Match]:
        """The non-overlapping matches, leftmost first, found near the trigger's
        ``hits`` (``pattern.finditer(text)`` for a finder without a trigger)."""
        if hits is None:
            if self.present is None or self.present(text):
                yield from self.scan(text)
            return
        match = self.pattern.match
        next_start = self.starts.search
        before = self.before
        size = len(text)
        last = 0
        for hit_start, hit_end in hits:
            if hit_end <= last:
                continue  # inside the previous match
            pos = hit_start - before
            if pos < last:
                pos = last
            # the leftmost match starting in [pos, hit_start], as pattern.search(text, pos, end)
            # finds it when it starts there: tried only where a match can start
            at = next_start(text, pos, hit_start + 1)
            if at is None:
                continue
            end = hit_end + self.after
            if end > size:
                end = size
            while at is not None:
                start = at.start()
                m = match(text, start, end)
                if m is None:
                    at = next_start(text, start + 1, hit_start + 1)
                    continue
                yield m
                last = m.end()
                if last <= start:
                    last = start + 1
                if last > hit_start:
                    break
                at = next_start(text, last, hit_start + 1)

    def scan(self, text: str) -> Iterator[regex.Match]:
        """``pattern.finditer(text)`` (whose matches are never empty), with the pattern
        tried only where ``starts`` finds a match can start."""
        match = self.pattern.match
        next_start = self.starts.search
        at = next_start(text)
        while at is not None:
            start = at.start()
            m = match(text, start)
            if m is None:
                at = next_start(text, start + 1)
                continue
            yield m
            at = next_start(text, m.end())
