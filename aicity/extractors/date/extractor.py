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
from .values import value


class DateExtractor:
    type = "date"

    def find(self, doc: Document) -> Iterator[Entity]:
        ref = doc.ref_date if doc.ref_date is not None else document_date(doc)
        ctx = Ctx(doc.folded, doc.text, ref, lambda: doc.script)
        found, parsed = document_matches(doc)
        cands = select(found, ctx, parsed)
        anchors = Anchors(ctx, cands, ref) if ref is not None else None
        clause = clause_years(ctx, cands)
        for i, c in enumerate(cands):
            if c.spec.anchored and anchors is None:
                continue
            anchor = anchors.at(c.start) if anchors is not None else dt.date(2000, 1, 1)
            got = value(c, anchor, clause.get(i))
            if got is None:
                continue
            normalized, fields = got
            if c.spec.anchored:
                fields["relative"] = True
            if c.calendar_roc:
                fields["calendar"] = "roc"
            yield doc.entity("date", c.start, c.end, normalized, rule=c.rule, **fields)
