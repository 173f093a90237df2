"""Every rule's matches in a text, and the candidates kept where they overlap."""
from __future__ import annotations

from typing import Callable

import regex

from ...document import Document
from ..base import longest_non_overlapping
from .reading import Ctx
from .rules import CompiledRule, rules
from .values import Candidate

# (start - end, start, order found, end, rule, match): sorted, the order the
# overlap policy visits them in
Found = list[tuple[int, int, int, int, CompiledRule, regex.Match]]
Parsed = dict[int, "Candidate | None"]


def find_all(text: str) -> Found:
    """Every rule's matches in the folded ``text``, in the order the overlap policy
    visits them: longest first, then leftmost, then in rule order."""
    found: Found = []
    hits: dict[Callable, list[tuple[int, int]]] = {}  # rules may share a trigger
    for rule in rules():
        group = rule.span_group
        trigger = rule.finder.trigger
        if trigger is not None and trigger not in hits:
            hits[trigger] = trigger(text)
        for m in rule.finder.matches(text, hits.get(trigger)):
            start = m.start(group) if group and m.start(group) >= 0 else m.start()
            end = m.end()
            if end > start:
                found.append((start - end, start, len(found), end, rule, m))
    found.sort()
    return found


_UNPARSED = object()


def select(found: Found, ctx: Ctx, parsed: Parsed, limit: int | None = None) -> list[Candidate]:
    """The matches parsed into candidates, the longest kept where they overlap
    (:func:`base.longest_non_overlapping`; at one span, the earlier rule), in text order.

    A match's span is known before it is parsed, so one that overlaps a candidate
    already kept is dropped unparsed. ``parsed`` remembers the parses that do not
    depend on ``ctx.ref`` across the calls for one document; ``limit`` keeps only
    candidates starting before it."""

    def parse(span: tuple[int, int, int]) -> Candidate | None:
        index = span[2]
        _, start, _, end, rule, m = found[index]
        if rule.needs_ref:
            return rule.parse(m, ctx)
        cand = parsed.get(index, _UNPARSED)
        if cand is _UNPARSED:
            cand = parsed[index] = rule.parse(m, ctx)
        assert cand is None or (cand.start == start and cand.end == end), rule.name
        return cand

    spans = [(start, end, index) for index, (_, start, _, end, _, _) in enumerate(found)
             if limit is None or start < limit]  # in the order found: ties go to the earlier
    return [cand for _, _, cand in longest_non_overlapping(spans, accept=parse)]


def document_matches(doc: Document) -> tuple[Found, Parsed]:
    """The rules' matches in a document and its parse memo, found once for both
    the publication date and the extractor."""
    return doc.cached("date.found", lambda: (find_all(doc.folded), {}))
