"""The name extractors' dictionaries, matched together once per document.

Companies, places, titles and the company rules' anchor words are separate
gazetteers, each owned by its extractor; :func:`document_matches` serves each
one's hits over a whole document from a single fused scan (see
:class:`~aicity.extractors.base.FusedGazetteer`), shared through the
document's cache.
"""
from __future__ import annotations

import functools
from typing import Any

from ..document import Document
from .base import FusedGazetteer, Gazetteer


@functools.cache
def _fused() -> FusedGazetteer:
    # Imported here: those modules import this one.
    from .city import _gazetteer as places
    from .company import _dictionary as companies, _rule_anchors
    from .official import _grammar

    return FusedGazetteer([companies(), places()[0], _grammar().titles, *_rule_anchors()])


def document_matches(doc: Document, gazetteer: Gazetteer) -> list[tuple[int, int, tuple[Any, ...]]]:
    """``gazetteer.matches(doc.folded)``, from the document's one fused scan."""
    fused = _fused()
    index = fused.index(gazetteer)
    if index is None:
        return gazetteer.matches(doc.folded)
    return doc.cached("lexicon.matches", lambda: fused.matches(doc.folded))[index]
