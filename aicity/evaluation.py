"""Scoring predictions against a gold file: document-level P/R/F1 per type.

The same semantics as the reference scorer ``eval/score.py`` (see ANNOTATION.md):
for each document and type, the distinct normalized values the extractor found
are compared with the gold entities. A gold entity is found when any of its
accepted values was output (true positive), otherwise it is missed (false
negative); an output value that matches no gold entity is a false alarm (false
positive). Gold documents without predictions count as all missed. Values are
compared after :func:`canon`. Documents are matched on the file's base name.

Standard library only, so it can be imported anywhere.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

from .model import ENTITY_TYPES

DOC_KEYS = ("doc", "path", "file", "source")


class GoldError(ValueError):
    """A gold or prediction file is malformed; the message says where."""


def canon(kind: str, value: Any) -> str:
    """One spelling for values that mean the same thing (NFKC, 台 = 臺, money decimals)."""
    if isinstance(value, dict):  # tolerate structured money / date values
        if kind == "money" and "amount" in value:
            value = f"{value['amount']} {value.get('currency', '')}"
        else:
            value = json.dumps(value, sort_keys=True, ensure_ascii=False)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    text = text.replace("台", "臺")
    text = re.sub(r"\s+", " ", text)
    if kind == "money":
        parts = text.replace(",", "").split(" ")
        if len(parts) == 2:
            try:
                amount = Decimal(parts[0]).normalize()
                return f"{amount:f} {parts[1].upper()}"
            except InvalidOperation:
                pass
    if kind in ("company", "official"):
        text = text.replace(" ", "").casefold()
    return text


def load_records(path: str) -> list[dict]:
    """Documents of a JSONL file (or a JSON array): gold files and ``extract`` output alike."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read().decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 (byte {exc.start}: {exc.reason})") from None
    except OSError as exc:
        from .textio import describe_os_error

        raise GoldError(f"{path}: {describe_os_error(exc)}") from None
    if not raw:
        return []
    try:
        if raw.startswith("["):
            records = json.loads(raw)
        else:
            records = []
            for number, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise GoldError(f"{path}: record {number} is not a JSON object")
        doc_key(record, f"{path}: record {number}")
    return records


def load_gold(path: str) -> list[dict]:
    """Gold documents (ANNOTATION.md format), checked so that scoring cannot fail halfway."""
    records = load_records(path)
    for number, record in enumerate(records, 1):
        where = f"{path}: document {number} ({doc_key(record)})"
        entities = record.get("entities")
        if not isinstance(entities, list):
            raise GoldError(f"{where}: 'entities' must be a list")
        for index, entity in enumerate(entities, 1):
            if not isinstance(entity, dict) or entity.get("type") not in ENTITY_TYPES:
                raise GoldError(f"{where}, entity {index}: 'type' must be one of {', '.join(ENTITY_TYPES)}")
            accepted = entity.get("normalized")
            if not accepted or not isinstance(accepted, (list, str)):
                raise GoldError(f"{where}, entity {index}: 'normalized' must be a non-empty list of values")
    return records


def doc_key(record: Mapping[str, Any], where: str = "a record") -> str:
    """The base name of the document a record is about."""
    for key in DOC_KEYS:
        if record.get(key):
            return os.path.basename(str(record[key]))
    raise GoldError(f"{where} has no doc/path key: {str(record)[:120]}")


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def to_dict(self) -> dict[str, float | int]:
        p, r, f = self.prf()
        return {"precision": p, "recall": r, "f1": f, "tp": self.tp, "fn": self.fn, "fp": self.fp}


@dataclass(frozen=True)
class ScoreError:
    """One miss (a gold entity not found) or false alarm (a value found that is not gold)."""

    doc: str
    type: str
    kind: str  # "missed" | "false alarm"
    value: str
    evidence: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"doc": self.doc, "type": self.type, "kind": self.kind,
                "value": self.value, "evidence": self.evidence}


@dataclass
class Report:
    types: tuple[str, ...]
    counts: dict[str, Counts]
    errors: list[ScoreError] = field(default_factory=list)
    documents: int = 0
    unmatched_gold: list[str] = field(default_factory=list)  # gold docs with no prediction

    @property
    def total(self) -> Counts:
        return Counts(*(sum(getattr(self.counts[t], k) for t in self.types) for k in ("tp", "fn", "fp")))

    def rows(self) -> dict[str, Counts]:
        """Per type, then the micro-averaged ``all``."""
        return {**{t: self.counts[t] for t in self.types}, "all": self.total}

    @property
    def micro_f1(self) -> float:
        return self.total.prf()[2]


def score(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Mapping[str, Any]],
    types: Iterable[str] = ENTITY_TYPES,
) -> Report:
    """Score predicted documents against gold documents; only ``types`` count."""
    types = tuple(types)
    preds: dict[str, list] = {doc_key(r): list(r.get("entities") or []) for r in pred_docs}
    report = Report(types, {t: Counts() for t in types})
    for gold in gold_docs:
        name = doc_key(gold)
        report.documents += 1
        if name not in preds:
            report.unmatched_gold.append(name)
        found: dict[str, set[str]] = {t: set() for t in types}
        for entity in preds.get(name, []):
            entity_type = entity.get("type")
            value = entity.get("normalized")
            if entity_type in found and value not in (None, ""):
                values = value if isinstance(value, list) else [value]
                found[entity_type] |= {canon(entity_type, v) for v in values}
        matched: dict[str, set[str]] = {t: set() for t in types}
        for entity in gold.get("entities") or []:
            entity_type = entity["type"]
            if entity_type not in found:
                continue
            accepted = entity["normalized"]
            accepted = accepted if isinstance(accepted, list) else [accepted]
            alternatives = {canon(entity_type, v) for v in accepted}
            if alternatives & found[entity_type]:
                report.counts[entity_type].tp += 1
                matched[entity_type] |= alternatives
            else:
                report.counts[entity_type].fn += 1
                report.errors.append(ScoreError(name, entity_type, "missed", str(accepted[0]),
                                                entity.get("evidence", "")))
        for entity_type in types:
            for value in sorted(found[entity_type] - matched[entity_type]):
                report.counts[entity_type].fp += 1
                report.errors.append(ScoreError(name, entity_type, "false alarm", value))
    return report
