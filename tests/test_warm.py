"""Dictionaries, rules and patterns are built once per process, never per document.

After one warm-up extraction of every type, further documents must neither read a
resource file nor compile a pattern: a lost cache on a rule table makes every
document pay the start-up cost again (a tiny document went from 0.07 ms to 1.6 ms
when one decorator was lost).
"""
from __future__ import annotations

import re

import regex

import aicity.resources
from aicity.pipeline import extract

TEXTS = [
    "市場快訊：某某科技營收年增15%，台積電股價上漲，北市長蔣萬安表示歡迎。",
    "2025年3月5日，新加坡某公司以1.2億新元收購吉隆坡的工廠，下週四完成交割。",
    "香港特首李家超昨日（11月18日）表示，港府今年首五個月收入約300億港元。",
]


def test_no_resource_read_or_pattern_compiled_once_warm(monkeypatch):
    for text in TEXTS:
        extract(text, ref_date="2025-06-01")  # warm-up: every type's resources load here
    calls: list[str] = []

    def spy(name, real):
        def wrapper(*args, **kwargs):
            calls.append(f"{name}({str(args[0])[:40]!r})")
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(aicity.resources, "_read_text", spy("read", aicity.resources._read_text))
    monkeypatch.setattr(regex, "compile", spy("regex.compile", regex.compile))
    monkeypatch.setattr(re, "compile", spy("re.compile", re.compile))
    for text in TEXTS:
        entities = extract(text, ref_date="2025-06-01")
        assert entities, text
    assert calls == []
