"""Names: the shared case files of officials, companies and cities (tests/cases/*.json).

Each case lists EVERY entity of its type that the sentence should yield per
ANNOTATION.md. The test runs the pipeline for that one type and compares the
set of ``(text, start, end)`` spans and each span's ``normalized`` value; where
a case gives a ``title`` (officials) or ``country`` (cities), that field must
match too. A company result may list ``alternatives``: other normalized values
that ANNOTATION.md accepts for the same company (``健策精密工業股份有限公司`` →
``健策精密``, ``健策精密工業`` also accepted).

Span conventions the cases follow:

* official: the title (with its prefixes: 副, 前, 代理, 共同) and the name —
  ``市長張善政`` in 桃園市長張善政, ``黃敏惠市長`` for a name before its title; the
  organisation or place before the title is not in the span. A list sharing a
  title gives the first ``title+name`` and then each bare name. A later bare
  mention of the full name and a resolved short mention (張市長, 卓揆) are
  entities of their own.
* company: the name as written, legal form included (``健策精密工業股份有限公司``).
* city: the longest written form of the city (``桃園市`` in 桃園市長, ``北市`` in 北市府).

Cases marked ``"notSupported": true`` are expected to fail (xfail, not strict).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from aicity.pipeline import extract

HERE = Path(__file__).parent
TYPES = ("official", "company", "city")
CASES = {t: json.loads((HERE / "cases" / f"{t}.json").read_text(encoding="utf-8")) for t in TYPES}
PARAMS = [
    pytest.param(t, case, id=f"{t}-{i}-{case['comment'][:40]}")
    for t in TYPES
    for i, case in enumerate(CASES[t])
]
FIELD = {"official": "title", "city": "country"}


def _describe(entities) -> list[str]:
    return [f"{e['text']}@{e['start']}:{e['end']}={e['normalized']}" for e in entities]


@pytest.mark.parametrize("entity_type,case", PARAMS)
def test_case(entity_type, case):
    text = case["input"]
    for r in case["results"]:  # the case file itself keeps the invariant
        assert r["type"] == entity_type
        assert text[r["start"]:r["end"]] == r["text"], r
    found = [e for e in extract(text, types=entity_type, ref_date=case.get("ref_date", "2025-06-01"))
             if e.type == entity_type]
    for e in found:  # the invariant: entity text is the original slice
        assert e.text == text[e.start:e.end]
    if case.get("notSupported"):
        pytest.xfail(case["comment"])

    got = {(e.text, e.start, e.end): e for e in found}
    want = {(r["text"], r["start"], r["end"]): r for r in case["results"]}
    got_desc = _describe([{"text": e.text, "start": e.start, "end": e.end, "normalized": e.normalized} for e in found])
    assert set(got) == set(want), f"spans differ: want {_describe(case['results'])}, got {got_desc}"
    for span, r in want.items():
        entity = got[span]
        accepted = {r["normalized"], *r.get("alternatives", ())}
        assert entity.normalized in accepted, f"{span}: want {r['normalized']}, got {entity.normalized}"
        field = FIELD.get(entity_type)
        if field and field in r:
            assert entity.fields.get(field) == r[field], f"{span}: want {field}={r[field]}, got {entity.fields.get(field)}"


@pytest.mark.parametrize("entity_type", TYPES)
def test_case_file_size(entity_type):
    cases = CASES[entity_type]
    traditional = [c for c in cases if not c["comment"].endswith("(Simplified)")]
    simplified = [c for c in cases if c["comment"].endswith("(Simplified)")]
    assert len(traditional) >= 60
    assert len(simplified) * 3 >= len(traditional)
    assert sum(1 for c in cases if not c["results"]) >= 10  # negatives


@pytest.mark.parametrize("spellings", [
    ("龔正", "龚正"),
    ("黃偉哲", "黄伟哲", "黃伟哲"),
    ("Matt Mahan", "MATT  MAHAN", "ｍａｔｔ　ｍａｈａｎ"),
    ("馬克·宏", "馬克‧宏", "马克・宏"),
])
def test_name_key_is_one_identity_across_scripts_and_spellings(spellings):
    from aicity.fold import name_key

    assert len({name_key(name) for name in spellings}) == 1


def test_officials_carry_a_key_and_keep_their_name_as_written():
    from aicity import extract

    found = extract("上海市長龔正與上海市长龚正", types="official", ref_date="2025-03-01")
    assert [(e.normalized, e.fields["key"]) for e in found] == [("龔正", "龚正"), ("龚正", "龚正")]
    # Different people stay apart: only script and spelling variants are folded.
    from aicity.fold import name_key

    assert name_key("張善政") != name_key("張善正")
