"""Money: amounts with a currency, a money unit, or a plain money context.

The extractor scans the folded text once for number tokens (Arabic, Chinese
or mixed numerals with 十/百/千/萬/億/兆, 多/餘/幾 and a leading 數: ``1,090億``,
``一千零九十億``, ``3億5,000萬``, ``數十億``, ``四十四點三九五億``, ``一三·五億``,
``四二○億``, ``兩萬五``)
and reads a short window on either side of each:

* before it: a qualifier (逾, 約, 近, 上 ...), a currency written before the
  number (新臺幣, NT$, US$, €, 美金 ...), and a money cue (營收, 狂砸, 交保 ...)
  or a word that rules money out (失守, 人數 ...);
* after it: an English magnitude (``US$1.5 billion``), a currency or the money
  unit 元/塊 (``億歐元``, ``萬元``, a spoken last digit: ``3塊5``, ``三塊零五``), 角/毛/分/仙
  (``貶7.1分``, ``五毛錢``, ``每股派8仙``, ``2角``, ``漲了兩毛``), a named cent (``20美分``,
  ``12港仙``), a qualifier (以上, 左右), a money noun
  (``千億商機``, ``千億級投資``, ``500萬交保``), or a counter that rules money out
  (``3.6萬張``, ``1494點``, ``50萬個``, ``23MW``).

A token is money when a currency or money unit is written, or when it carries
萬/億/兆 and a cue makes it money. Passes over the document's tokens then add
what needs more than one token: ranges (``3至5億元``), lists that share a
currency or a cue (``3億、5億美元``, ``甲以500萬、乙以300萬交保``), per-item
amounts after a sentence-wide cue (``全交保!王昱棠500萬、辜淑雯400萬``), an
amount after 至/達 whose cue stands earlier in its clause (``營收年增3成至500億``), an amount
compared with an amount of money before it (``淨虧8億3800萬，比上財年的9億5400萬有所改善``),
a round level after an amount of money and near it (``總資產4.8兆元，有望跨過五兆大關``),
``1元5角``, and a foreign currency carried to the bare amounts after it in the
same sentence (``營收251.8億美元,淨利21.7億`` -> both USD).

Ranges give two amounts, one per end, each with the shared unit and currency:
``3至5億元`` -> ``300000000 TWD`` (``range="from"``, span ``3``) and
``500000000 TWD`` (``range="to"``). Vague amounts keep their number (``上千億``
-> 10^11, ``數十億`` -> 10^9) and say how in ``qualifier`` (over, about,
nearly, at least, at most, under, several).

A bare 元 (and an implicit amount) is the currency of the page's region (``region``:
TWD, CNY, HKD, MOP, MYR, SGD, from a declaration such as ``（單位：港元）``, the
page's outlet and dateline, and its places and currency words), or of a government
the sentence names before it (``澳門特區政府...900億元`` -> MOP). ``$`` alone is the
region's dollar unless the sentence speaks of 美元/美國/美股; ``¥`` is the region's
(CNY on the mainland, else JPY) unless it speaks of 人民幣. Amounts are exact: one
of 10^24 or more, or that cannot be held exactly, is refused. The word lists are
resource files (``money/currencies.tsv``, ``money/*.txt``/``.tsv``).

Layout: ``grammar`` (the token grammar and the patterns, compiled from the resources),
``screen`` (set lookups that skip plain numbers), ``numbers`` (a token's value),
``candidate`` (one token: the decision as named steps), ``passes`` (ranges, lists,
scope and clause cues, totals, 1元5角, currencies), ``region`` (the page's region) and this
module's ``MoneyExtractor``, which runs them.
"""
from __future__ import annotations

from typing import Iterator

from ...document import Document
from ...model import Entity
from ...numerals import format_decimal
from . import passes
from .candidate import MONEY, Cand, candidate
from .grammar import grammar

_grammar = grammar  # the name tests and tools have used

__all__ = ["MoneyExtractor"]


class MoneyExtractor:
    type = "money"

    def find(self, doc: Document) -> Iterator[Entity]:
        g = grammar()
        text = doc.folded
        cands = self._candidates(g, text)
        if not cands:
            return
        passes.ranges(text, cands)
        passes.shared_units(text, cands)
        passes.lists(g, text, cands)
        passes.scope(g, text, cands)
        passes.clause_cues(g, text, cands)
        passes.totals(g, text, cands)
        passes.comparisons(g, text, cands)
        passes.levels(text, cands)
        cands = passes.fractions(text, cands)
        passes.cantonese_dollars(g, text, cands)
        passes.currencies(g, doc, text, cands)
        cands = passes.yen_sen(text, cands)
        for c in cands:
            if c.status != MONEY:
                continue
            amount = format_decimal(c.value)
            yield doc.entity(
                "money", c.start, c.end, f"{amount} {c.code}", rule=c.rule,
                amount=amount, currency=c.code, qualifier=c.qualifier,
                per_share=True if c.per_share else None, range=c.range_role,
            )

    @staticmethod
    def _candidates(g, text: str) -> list[Cand]:
        """Every token that may be money, in text order (runs and plain tokens skipped)."""
        cands: list[Cand] = []
        plain = g.screen.plain
        quiet_run = g.screen.quiet_run
        tokens = g.token.finditer
        for run in g.runs.finditer(text):
            start, end = run.span()
            if quiet_run(text, start, end, run.group()):
                continue
            # the 元 right after a run is no token character, but TOKEN may look at it (3萬 9,700 元)
            for m in tokens(text, start, end + 1 if text[end:end + 1] == "元" else end):
                if plain(text, m.start(), m.end(), m.group()):
                    continue
                cand = candidate(g, text, m)
                if cand is not None:
                    cands.append(cand)
        return cands
