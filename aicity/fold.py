"""Script folding: one length-preserving view of Traditional and Simplified text.

Extractors never match the raw input. They match ``fold(text)``, where every
Traditional character is replaced by its Simplified form (OpenCC's
TSCharacters table, first candidate), full-width ASCII and the small form
variants (﹒ ﹐ ﹙) by ASCII, and the ideographic space by a space (and a lone surrogate by U+FFFD). The mapping is character for character, so an
offset in the folded text is the same offset in the original: extractors find
spans in the fold and slice the entity's ``text`` from the original.

Patterns and dictionary keys are folded the same way (``fold()`` on the
pattern source), so a rule written once in Traditional matches both scripts.
"""
from __future__ import annotations

import functools
import os
import unicodedata


def _opencc_dictionary(name: str) -> str:
    import opencc  # opencc-python-reimplemented ships OpenCC's dictionaries

    return os.path.join(os.path.dirname(opencc.__file__), "dictionary", name)


@functools.cache
def _tables() -> tuple[list[str], frozenset[str], frozenset[str]]:
    table: dict[int, str] = {}
    traditional_only: set[str] = set()
    with open(_opencc_dictionary("TSCharacters.txt"), encoding="utf-8") as fh:
        for line in fh:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0]
            if len(source) == 1 and len(target) == 1 and source != target:
                table[ord(source)] = target
                traditional_only.add(source)
    # Taiwan variant characters (啟/啓, 為/爲 ...) fold to the same character.
    with open(_opencc_dictionary("TWVariants.txt"), encoding="utf-8") as fh:
        for line in fh:
            source, _, targets = line.rstrip("\n").partition("\t")
            target = targets.split(" ")[0]
            if len(source) == 1 and len(target) == 1:
                folded = table.get(ord(target), target)
                table.setdefault(ord(source), folded)
    simplified_only: set[str] = set()
    with open(_opencc_dictionary("STCharacters.txt"), encoding="utf-8") as fh:
        for line in fh:
            source, _, targets = line.rstrip("\n").partition("\t")
            if len(source) == 1 and source not in targets.split(" ") and ord(source) not in table:
                simplified_only.add(source)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0)
    # Small form variants (U+FE50-FE6B) are punctuation as well: Hong Kong wire copy writes
    # 34﹒82億 with the small full stop as its decimal point; each folds as NFKC reads it.
    for code in range(0xFE50, 0xFE6C):
        target = unicodedata.normalize("NFKC", chr(code))
        if len(target) == 1 and target != chr(code):
            table.setdefault(code, target)
    table[0x3000] = " "
    # 丶 (the radical "dot") is the enumeration comma 、 as some input methods type it, and as the
    # Malaysian press prints it in lists (主席拉曼丶總經理洪敏芝); no news text uses the radical itself
    table[0x4E36] = "\u3001"
    _close(table)
    # Lone surrogates (undecodable bytes kept by surrogateescape) become U+FFFD:
    # the fold must encode as UTF-8 for the dictionary automaton, and no rule
    # matches either character.
    for code in range(0xD800, 0xE000):
        table[code] = "\ufffd"
    # str.translate looks a list up by index twice as fast as a dict by key;
    # code points past the list's end raise IndexError, which translate reads
    # as "unchanged".
    size = max(0x10000, max(table) + 1)
    lookup = [chr(code) for code in range(size)]
    for code, target in table.items():
        lookup[code] = target
    return lookup, frozenset(traditional_only), frozenset(simplified_only)


def _close(table: dict[int, str]) -> None:
    """Map every character to the end of its chain, so that fold(fold(x)) == fold(x).

    A target can itself be a source (薴→苧 in TSCharacters, 苧→苎 as well); a
    pattern folded at build time is folded again by ``compile_folded``, and the
    text is folded once, so every chain must end in one step.
    """
    for code, target in table.items():
        seen = {code}
        while len(target) == 1 and ord(target) in table and ord(target) not in seen:
            seen.add(ord(target))
            target = table[ord(target)]
        table[code] = target


def fold(text: str) -> str:
    """Length-preserving fold of ``text`` to Simplified, half-width characters."""
    return text.translate(_tables()[0])


def script_of(text: str, sample: int = 4000) -> str:
    """``"simplified"`` or ``"traditional"``: which script the text is mostly in.

    Counts the distinct characters of the sample that exist in only one
    script: set operations run in C, and distinct characters decide as well
    as occurrences do.
    """
    head = text[:sample]
    simplified, traditional = script_chars(head)
    if simplified == traditional and not _SIMPLIFIED_LEANING.isdisjoint(head):
        return "simplified"  # 1.2万元, 售价99元: no other sign either way
    return "simplified" if simplified > traditional else "traditional"


def script_chars(text: str) -> tuple[int, int]:
    """How many distinct characters of the text are Simplified only, and how many Traditional only."""
    _, traditional_only, simplified_only = _tables()
    present = set(text)
    return len(present & simplified_only), len(present & traditional_only)


def shows_script(text: str, sample: int = 4000) -> bool:
    """Whether the text has a character of one script only: 15年3月2日 or 1月3至2月10 has none,
    and reads the same on a Taiwanese page as on a mainland one."""
    _, traditional_only, simplified_only = _tables()
    present = set(text[:sample])
    return not (present.isdisjoint(traditional_only) and present.isdisjoint(simplified_only))


# Characters that OpenCC lists in both scripts (万 is also a Traditional variant of 萬), but
# that Traditional text all but never writes: they tip a tie (a short text with no
# character of one script only) to Simplified.
_SIMPLIFIED_LEANING = frozenset("万价")


# The dots between the parts of a transliterated name (馬克·宏, 馬克‧宏, 馬克・宏).
_NAME_DOTS = str.maketrans({"\u2027": "\u00b7", "\u30fb": "\u00b7", "\u2022": "\u00b7", "\uff65": "\u00b7"})


def name_key(name: str) -> str:
    """One person's identity across scripts and spellings of the name.

    龔正 and 龚正, 黃偉哲 and 黄伟哲, ``MATT MAHAN`` and ``Matt Mahan`` share a
    key: the fold, lower-cased, with runs of spaces made one and the dots of
    transliterated names made one kind. Summaries and the SQLite views count
    one person per key; the name as written stays in ``normalized``.
    """
    return " ".join(fold(name).translate(_NAME_DOTS).casefold().split())
