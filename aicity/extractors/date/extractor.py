"""The date extractor: the kept candidates of a document, anchored and normalized."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ...document import Document
from ...model import Entity
from .anchors import Anchors, clause_years
from .matching import document_matches, select
from .page_date import document_date
from .reading import Ctx
from .values import Candidate, values
from .words import context


class DateExtractor:
    type = "date"

    def find(self, doc: Document) -> Iterator[Entity]:
        ref = doc.ref_date if doc.ref_date is not None else document_date(doc)
        ctx = Ctx(doc.folded, doc.text, ref, lambda: doc.script)
        found, parsed = document_matches(doc)
        cands = select(found, ctx, parsed)
        anchors = Anchors(ctx, cands, ref) if ref is not None else None
        clause = clause_years(ctx, cands)
        skip = -1
        for i, c in enumerate(cands):
            if i == skip or (c.spec.anchored and anchors is None):
                continue
            anchor = anchors.at(c.start) if anchors is not None else dt.date(2000, 1, 1)
            joined = _joined(ctx, c, cands[i + 1]) if i + 1 < len(cands) else None
            got = values(joined, anchor, clause.get(i)) if joined is not None else []
            if got:
                c, skip = joined, i + 1
            else:
                got = values(c, anchor, clause.get(i))
            for start, end, (normalized, fields) in got:
                if c.spec.anchored:
                    fields["relative"] = True
                if c.calendar_roc:
                    fields["calendar"] = "roc"
                yield doc.entity("date", start, end, normalized, rule=c.rule, **fields)


def _joined(ctx: Ctx, first: Candidate, second: Candidate) -> Candidate | None:
    """今年初至11月14日: two dates with only 至/到/~ between them, as one range."""
    if (first.end_spec is not None or second.end_spec is not None or first.items or second.items
            or not context("RANGE_BETWEEN").fullmatch(ctx.folded, first.end, second.start)):
        return None
    return first._replace(end=second.end, end_spec=second.spec,
                          calendar_roc=first.calendar_roc or second.calendar_roc)
