"""The screen: set lookups that skip number tokens which cannot be money before any regex runs."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...fold import fold


@dataclass(frozen=True, slots=True)
class Screen:
    """What must be written beside a number token for it to be money, or the first end
    of a range, at all: most tokens (dates, counts, scores) have nothing of the kind
    around them, and these set lookups let them be skipped before any regex runs.

    After the token (at ``p``, or at ``p + 1`` past one space): a word of
    ``after_currency`` or ``cue_after`` starts there (its first character, if the word
    has one, else its first two are in ``first``/``first_two``), or 的, 角/毛/分, a
    Latin letter (an English magnitude) or a range's 至/到/~ is there. Before it (at
    ``p``, or at ``p - 1`` past a space or colon): a word of ``left`` or ``cue_left``
    ends there (``last``/``last_two``). Each set holds every word's first or last
    characters both singly folded and as the compiled patterns (folded twice) hold them.
    """

    first: frozenset[str]
    first_two: frozenset[str]
    first_two_heads: frozenset[str]  # the first characters of first_two
    last: frozenset[str]
    last_two: frozenset[str]
    last_two_tails: frozenset[str]  # the last characters of last_two

    @staticmethod
    def build(after_words: list[str], before_words: list[str], after_extra: str, quiet: str) -> "Screen":
        """``quiet``: the characters of a run that cannot make a token money (see quiet_run)."""
        first, first_two, last, last_two = set(after_extra), set(), set(), set()
        for words, one, two, cut in ((after_words, first, first_two, slice(0, 2)),
                                     (before_words, last, last_two, slice(-2, None))):
            for word in words:
                folded = fold(word)
                if len(folded) == 1:
                    one.add(folded)
                elif folded:
                    two.add(folded[cut])
        screen = Screen(frozenset(first), frozenset(first_two), frozenset(w[0] for w in first_two),
                        frozenset(last), frozenset(last_two), frozenset(w[-1] for w in last_two))
        # quiet_run relies on this: no word starts or ends with a quiet run character
        edges = screen.first | screen.first_two_heads | screen.last | screen.last_two_tails
        assert not edges & set(quiet), "a word edge in a run"
        assert not any(regex.match(r"\d", ch) or ord(ch) > 0xFFFF for ch in edges), "a word edge in a run"
        return screen

    def quiet_run(self, text: str, start: int, end: int, run: str) -> bool:
        """True when no token in the run text[start:end] (see ``grammar.RUN``) can be money,
        as ``plain`` would find for each. A token inside the run has run characters beside
        it, and no word begins or ends with one; so only a big unit (which plain looks
        for), 多/餘 (which end a token inside the run), 個 (a counter, or 一個億), or a
        word beside the run itself can make a token money."""
        return (
            "多" not in run and "余" not in run and "个" not in run and "来" not in run
            and self.plain(text, start, end, run)
        )

    def plain(self, text: str, start: int, end: int, token: str) -> bool:
        """True when the token text[start:end] is surely no money (the candidate steps
        would reject it): no big unit, no 多/餘 to trim, and nothing of the above beside it."""
        if token[-1] in "多余来" or "万" in token or "亿" in token or "兆" in token:  # numbers.BIG
            return False
        if end < len(text):
            ch = text[end]
            if ch in self.first or (ch in self.first_two_heads and text[end:end + 2] in self.first_two):
                return False
            if ch == " " and (text[end + 1:end + 2] in self.first or text[end + 1:end + 3] in self.first_two):
                return False
        if start > 0:
            ch = text[start - 1]
            if ch in self.last or (
                start > 1 and ch in self.last_two_tails and text[start - 2:start] in self.last_two
            ):
                return False
            if ch in " :" and start > 1 and (
                text[start - 2] in self.last or (start > 2 and text[start - 3:start - 1] in self.last_two)
            ):
                return False
        return True
