"""The compiled-pattern cache: what one process compiles, the next one loads, matching the same."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from aicity import regex_cache

# A pattern of our own, unlike any of the grammars', so that no earlier run has cached it.
PATTERN = r"(?P<year>[0-9]{4})年(?P<month>1[0-2]|0?[1-9])月測試快取"
CHILD = """
import sys
from aicity import regex_cache
path = regex_cache.cache_file()
loaded = regex_cache._read(path)
key = (sys.argv[1], 0)
was_cached = key in loaded
pattern = regex_cache.compile_cached(sys.argv[1])
match = pattern.search("於2025年3月測試快取")
print(was_cached, match.group("year"), match.group("month"))
"""


def _run_child(cache_dir, pattern=PATTERN, **env):
    environment = {k: v for k, v in os.environ.items() if k != "AICITY_NO_CACHE"}
    environment.update(AICITY_CACHE_DIR=str(cache_dir), **env)
    done = subprocess.run([sys.executable, "-c", CHILD, pattern], env=environment,
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_a_pattern_compiled_by_one_process_is_loaded_by_the_next(tmp_path):
    assert _run_child(tmp_path) == ["False", "2025", "3"]  # compiled, then saved at exit
    assert [p.name for p in tmp_path.iterdir()] == [regex_cache.cache_file().name]
    assert _run_child(tmp_path) == ["True", "2025", "3"]  # loaded: the same matches


def test_the_cache_can_be_turned_off(tmp_path):
    assert _run_child(tmp_path, AICITY_NO_CACHE="1") == ["False", "2025", "3"]
    assert _run_child(tmp_path, AICITY_NO_CACHE="1") == ["False", "2025", "3"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a", "list"])])
def test_a_corrupt_cache_file_is_ignored_and_replaced(tmp_path, monkeypatch, content):
    monkeypatch.setenv("AICITY_CACHE_DIR", str(tmp_path))
    regex_cache.cache_file().write_bytes(content)
    assert _run_child(tmp_path) == ["False", "2025", "3"]
    assert _run_child(tmp_path) == ["True", "2025", "3"]


def test_a_cache_file_others_may_write_is_not_loaded(tmp_path, monkeypatch):
    monkeypatch.setenv("AICITY_CACHE_DIR", str(tmp_path))
    assert _run_child(tmp_path) == ["False", "2025", "3"]
    path = regex_cache.cache_file()
    path.chmod(0o666)  # a pickle anyone could have written: never unpickled
    assert regex_cache._read(path) == {}
    path.chmod(0o600)
    assert (PATTERN, 0) in regex_cache._read(path)


def test_an_unwritable_cache_folder_only_costs_the_saving(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    assert _run_child(blocker / "cache") == ["False", "2025", "3"]
    assert _run_child(blocker / "cache") == ["False", "2025", "3"]


def test_a_grammar_pattern_loaded_from_the_cache_matches_as_the_compiled_one():
    """The cache stores the regex module's pickles of compiled patterns; every date rule's
    pattern, pickled and loaded, finds the same spans and groups."""
    from aicity.extractors.date.rules import rules
    from aicity.fold import fold

    text = fold("2025年3月5日至7日，本月13至21日間，上季營收年增，114年第3季，今(16)日下午3時。")
    checked = 0
    for rule in rules():
        pattern = rule.finder.pattern
        loaded = pickle.loads(pickle.dumps(pattern))
        assert [(m.span(), m.groupdict()) for m in loaded.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in pattern.finditer(text)], rule.name
        checked += bool(pattern.search(text))
    assert checked >= 5  # the text exercises several rules, not none
