"""The shared case files, tests/cases/<type>.json: one schema, one runner for all five.

A case (Recognizers-Text's Specs format)::

    {"input": "...",                  # a sentence of our own
     "ref_date": "2025-03-05",        # optional: only where a result depends on it
     "results": [{"text": "...", "start": 0, "end": 3, "normalized": "..."}],
     "notSupported": true,            # optional: a known gap, run as a strict xfail ...
     "reason": "...",                 # ... with the reason it fails (required with it)
     "comment": "the form under test",
     "script_note": "..."}            # optional: why a t2s copy's value differs (money)

A result may also carry ``type`` (the file's type), ``alternatives`` (other
normalized values ANNOTATION.md accepts for the same mention: 健策精密工業 beside
健策精密) and the type's checked field (``title`` of an official, ``country`` of a
city). A case lists EVERY entity of its type that the sentence should yield; the
runner extracts that one type with the pipeline and compares spans and values.
Most Traditional cases are followed by their OpenCC t2s copy (on a Simplified
page a bare 元 is CNY); the names and dates files mark the copy's comment with
``(Simplified)``, the money file with ``t2s copy``.

Span conventions the name cases follow:

* official: the title (with its prefixes: 副, 前, 代理, 共同) and the name —
  ``市長張善政`` in 桃園市長張善政, ``黃敏惠市長`` for a name before its title; the
  organisation or place before the title is not in the span. A list sharing a
  title gives the first ``title+name`` and then each bare name. A later bare
  mention of the full name and a resolved short mention (張市長, 卓揆) are
  entities of their own.
* company: the name as written, legal form included (``健策精密工業股份有限公司``).
* city: the longest written form of the city (``桃園市`` in 桃園市長, ``北市`` in 北市府).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from aicity.fold import script_of
from aicity.pipeline import extract

CASE_DIR = Path(__file__).parent / "cases"
TYPES = ("official", "company", "city", "date", "money")
# A case without ref_date must not depend on the day: it runs anchored on a fixed
# day (never today) and must give the same on another.
DEFAULT_REF_DATE = "2025-01-01"
OTHER_REF_DATE = "2031-07-15"

CASE_KEYS = {"input", "results", "comment"}
OPTIONAL_CASE_KEYS = {"ref_date", "notSupported", "reason", "script_note"}
RESULT_KEYS = {"text", "start", "end", "normalized"}
OPTIONAL_RESULT_KEYS = {"type", "alternatives"}
CHECKED_FIELD = {"official": "title", "city": "country"}


def schema_errors(entity_type: str, case) -> list[str]:
    """What is wrong with one case of ``cases/<entity_type>.json`` (empty when it is well formed)."""
    if not isinstance(case, dict):
        return [f"a case is an object, not {type(case).__name__}"]
    errors = []
    missing, unknown = CASE_KEYS - case.keys(), case.keys() - CASE_KEYS - OPTIONAL_CASE_KEYS
    if missing or unknown:
        return [f"missing keys {sorted(missing)}, unknown keys {sorted(unknown)}"]
    if not isinstance(case["input"], str) or not case["input"]:
        errors.append("input is not a non-empty string")
    for key in ("comment", "script_note"):
        if not isinstance(case.get(key, ""), str):
            errors.append(f"{key} is not a string")
    if "ref_date" in case:
        try:
            dt.date.fromisoformat(case["ref_date"])
        except (TypeError, ValueError):
            errors.append(f"ref_date {case['ref_date']!r} is not YYYY-MM-DD")
    if not isinstance(case.get("notSupported", False), bool):
        errors.append("notSupported is not true or false")
    if (case.get("notSupported") is True) != ("reason" in case):
        errors.append("a reason goes with notSupported: true, and only with it")
    elif "reason" in case and not (isinstance(case["reason"], str) and case["reason"].strip()):
        errors.append("reason is empty")
    if not isinstance(case["results"], list):
        return errors + ["results is not a list"]
    allowed = RESULT_KEYS | OPTIONAL_RESULT_KEYS | {CHECKED_FIELD.get(entity_type, "type")}
    for result in case["results"]:
        if not isinstance(result, dict) or not RESULT_KEYS <= result.keys() <= allowed:
            errors.append(f"result {result!r}: needs keys {sorted(RESULT_KEYS)}, may add "
                          f"{sorted(allowed - RESULT_KEYS)}")
            continue
        if result.get("type", entity_type) != entity_type:
            errors.append(f"result {result['text']!r} has type {result['type']!r}")
        start, end = result["start"], result["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            errors.append(f"result {result['text']!r}: bad span {start}:{end}")
        elif isinstance(case["input"], str) and case["input"][start:end] != result["text"]:
            errors.append(f"result {result['text']!r} is not input[{start}:{end}] "
                          f"({case['input'][start:end]!r})")
    return errors


def load_cases(entity_type: str) -> list:
    return json.loads((CASE_DIR / f"{entity_type}.json").read_text(encoding="utf-8"))


CASES = {t: load_cases(t) for t in TYPES}


def _param(entity_type: str, index: int, case):
    case_id = f"{entity_type}-{index}"
    if isinstance(case, dict) and case.get("notSupported") is True and case.get("reason"):
        mark = pytest.mark.xfail(reason=case["reason"], strict=True)
        return pytest.param(entity_type, case, id=case_id, marks=mark)
    return pytest.param(entity_type, case, id=case_id)


PARAMS = [_param(t, i, case) for t in TYPES for i, case in enumerate(CASES[t])]


@pytest.mark.parametrize("entity_type", TYPES)
def test_case_files_are_well_formed(entity_type):
    """A malformed case fails here by name, whatever its notSupported mark says."""
    problems = [f"case {i} ({case.get('comment', '')!r}): {error}" if isinstance(case, dict)
                else f"case {i}: {error}"
                for i, case in enumerate(CASES[entity_type])
                for error in schema_errors(entity_type, case)]
    assert not problems, "\n".join(problems)


def _describe(spans) -> list[str]:
    return [f"{text}@{start}:{end}={normalized}" for text, start, end, normalized in spans]


def check_case(entity_type: str, case: dict) -> None:
    """Assert that the pipeline gives exactly the case's results."""
    errors = schema_errors(entity_type, case)
    assert not errors, errors
    text = case["input"]
    found = extract(text, types=entity_type, ref_date=case.get("ref_date", DEFAULT_REF_DATE))
    for entity in found:  # the invariant: an entity's text is the slice of the input it spans
        assert entity.type == entity_type
        assert entity.text == text[entity.start:entity.end]
        assert entity.rule
    got = [(e.text, e.start, e.end, e.normalized) for e in found]
    if "ref_date" not in case:
        elsewhen = extract(text, types=entity_type, ref_date=OTHER_REF_DATE)
        assert [(e.text, e.start, e.end, e.normalized) for e in elsewhen] == got, (
            "the result depends on the reference date: give the case a ref_date")
    want = sorted(((r["text"], r["start"], r["end"], r["normalized"]) for r in case["results"]),
                  key=lambda span: span[1:3])
    assert [g[:3] for g in got] == [w[:3] for w in want], (
        f"spans differ: want {_describe(want)}, got {_describe(got)}")
    # a span may name several entities (雙北: two cities): each entity takes one result there
    by_span: dict[tuple[str, int, int], list[dict]] = {}
    for r in case["results"]:
        by_span.setdefault((r["text"], r["start"], r["end"]), []).append(r)
    for entity in found:
        results = by_span[entity.text, entity.start, entity.end]
        result = next((r for r in results if entity.normalized in {r["normalized"], *r.get("alternatives", ())}),
                      results[0])
        results.remove(result)
        accepted = {result["normalized"], *result.get("alternatives", ())}
        assert entity.normalized in accepted, (
            f"{entity.text}@{entity.start}: want {result['normalized']}, got {entity.normalized}")
        field = CHECKED_FIELD.get(entity_type)
        if field in result:
            assert entity.fields.get(field) == result[field], (
                f"{entity.text}@{entity.start}: want {field}={result[field]}, "
                f"got {entity.fields.get(field)}")


@pytest.mark.parametrize("entity_type,case", PARAMS)
def test_case(entity_type, case):
    check_case(entity_type, case)


@pytest.mark.parametrize("entity_type", TYPES)
def test_case_file_covers_both_scripts_and_negatives(entity_type):
    cases = CASES[entity_type]
    simplified = sum(1 for c in cases if script_of(c["input"]) == "simplified")
    assert len(cases) - simplified >= 60
    assert simplified * 3 >= len(cases) - simplified
    assert sum(1 for c in cases if not c["results"]) >= 10  # negatives


def test_schema_check_catches_malformed_cases():
    good = {"input": "台中市", "results": [{"text": "台中市", "start": 0, "end": 3,
                                            "normalized": "臺中市", "country": "TW"}],
            "comment": "bare city"}
    assert schema_errors("city", good) == []
    assert schema_errors("city", {**good, "notSupported": True, "reason": "gap"}) == []
    bad = [
        {**good, "results": [{**good["results"][0], "end": 2}]},        # text is not the slice
        {**good, "notSupported": True},                                 # no reason
        {**good, "reason": "gap"},                                      # reason without the mark
        {**good, "ref_date": "5/3/2025"},                               # not ISO
        {**good, "note": "x"},                                          # unknown key
        {**good, "script_note": 1},                                     # not a string
        {k: v for k, v in good.items() if k != "comment"},              # missing key
    ]
    for case in bad:
        assert schema_errors("city", case), case
    assert schema_errors("date", good)  # country is a city's field, not a date's


def test_the_runner_fails_a_wrong_case():
    case = {"input": "市府今天宣布新制，預算3億元。", "ref_date": "2025-03-05", "comment": "",
            "results": [{"text": "今天", "start": 2, "end": 4, "normalized": "2025-03-05"}]}
    check_case("date", case)
    wrong_value = {**case, "results": [{**case["results"][0], "normalized": "2025-03-06"}]}
    missing = {**case, "results": []}
    for bad in (wrong_value, missing):
        with pytest.raises(AssertionError, match="want"):
            check_case("date", bad)
    # right on the default day, but 今天 depends on the day: the case needs a ref_date
    no_ref_date = {"input": case["input"], "comment": "", "results": [
        {"text": "今天", "start": 2, "end": 4, "normalized": DEFAULT_REF_DATE}]}
    with pytest.raises(AssertionError, match="depends on the reference date"):
        check_case("date", no_ref_date)
