"""The Python API (`import aicity`): same results as the CLI, cheap to import."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

import aicity
from aicity.cli import cli
from aicity.model import DocumentResult, Entity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = SEEDS / "000_54bfc9fa5cc0f4e0.txt"
HEAVY_MODULES = ("regex", "jieba", "ahocorasick_rs", "rich", "pandas", "opencc", "charset_normalizer", "click")


def cli_jsonl(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def run_python(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# ------------------------------------------------------------ import cost

def test_import_aicity_loads_no_dictionary_and_no_heavy_module():
    run_python(
        "import sys, aicity\n"
        f"heavy = {HEAVY_MODULES!r}\n"
        "aicity.Entity, aicity.DocumentResult, aicity.ENTITY_TYPES, aicity.extract, aicity.to_dataframe\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "assert not [m for m in sys.modules if m.startswith('aicity.extractors.')], sorted(sys.modules)\n"
    )


def test_first_extraction_loads_the_extractors():
    run_python(
        "import sys, aicity\n"
        "aicity.extract('投資超過1090億歐元', types='money', ref_date='2025-02-17')\n"
        "assert 'aicity.extractors.money' in sys.modules\n"
        "assert 'pandas' not in sys.modules\n"
    )


def test_lazy_attributes():
    assert aicity.Entity is Entity
    assert aicity.DocumentResult is DocumentResult
    assert {"extract", "extract_file", "extract_files", "to_dataframe", "__version__"} <= set(dir(aicity))
    assert set(aicity.__all__) == {"__version__", *aicity._LAZY_EXPORTS}
    assert all(getattr(aicity, name) is not None for name in aicity.__all__)
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        aicity.nonexistent  # noqa: B018


# ------------------------------------------------------------ extract(text)

TEXT = "發布日期:2/17/2025\n法國總統馬克宏表示,歐洲將對晶片研發投資超過1090億歐元。"


def test_extract_returns_frozen_entities_with_offsets():
    entities = aicity.extract(TEXT, ref_date="2025-02-17")
    assert entities and all(isinstance(e, Entity) for e in entities)
    for entity in entities:
        assert TEXT[entity.start:entity.end] == entity.text
    assert entities == sorted(entities, key=lambda e: (e.start, e.end, aicity.ENTITY_TYPES.index(e.type)))
    money = [e for e in entities if e.type == "money"]
    assert [e.normalized for e in money] == ["109000000000 EUR"]
    assert money[0].to_dict()["amount"] == "109000000000"
    assert money[0].to_dict()["currency"] == "EUR"
    with pytest.raises(dataclasses.FrozenInstanceError):
        money[0].normalized = "0 EUR"  # type: ignore[misc]


def test_results_pickle_whole_and_stay_frozen():
    """Results cross process boundaries (--jobs, Dask): every field survives a pickle."""
    import pickle

    result = aicity.extract_file(str(SEED_000))
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == result and again.entities and again.sha256 == result.sha256
    assert [(e.rule, e.fields) for e in again.entities] == [(e.rule, e.fields) for e in result.entities]
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.entities[0].start = 0  # type: ignore[misc]


def test_extract_types_selection_and_validation():
    only_money = aicity.extract(TEXT, types="money", ref_date="2025-02-17")
    assert {e.type for e in only_money} == {"money"}
    assert aicity.extract(TEXT, types=["money"], ref_date=dt.date(2025, 2, 17)) == only_money
    with pytest.raises(ValueError, match="unknown entity type"):
        aicity.extract(TEXT, types="people")
    with pytest.raises(ValueError):
        aicity.extract(TEXT, ref_date="17/2/2025")


def test_extract_reads_the_publication_date():
    dates = [e for e in aicity.extract(TEXT, types="date") if e.type == "date"]
    assert "2025-02-17" in [e.normalized for e in dates]


def test_extract_file_says_where_the_ref_date_came_from(tmp_path, capsys):
    """The library prints nothing: the source is in the result."""
    page = tmp_path / "page.txt"
    page.write_text("（中央社記者林小青台北5日電）議會今天休會。", encoding="utf-8")
    result = aicity.extract_file(page)
    assert result.ref_date_source == "dateline+today" and result.ref_date.endswith("-05")
    assert aicity.extract_file(page, ref_date="2025-03-05").ref_date_source == "given"
    page.write_text("議會今天休會。", encoding="utf-8")
    assert aicity.extract_file(page).ref_date_source == "today"
    assert capsys.readouterr() == ("", "")


def test_extract_agrees_with_the_cli_on_a_text():
    result = CliRunner().invoke(cli, ["extract", "-", "--format", "jsonl", "--ref-date", "2025-02-17"], input=TEXT)
    assert result.exit_code == 0, result.output
    [document] = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e.to_dict() for e in aicity.extract(TEXT, ref_date="2025-02-17")] == document["entities"]


# ------------------------------------------------------------ files

def test_extract_file_equals_cli_output():
    result = aicity.extract_file(SEED_000)
    assert isinstance(result, DocumentResult) and result.ok
    assert result.ref_date == "2025-02-17"
    assert result.ref_date_source == "header"
    assert result.characters > 0 and len(result.sha256) == 64
    assert "109000000000 EUR" in [e.normalized for e in result.entities if e.type == "money"]
    assert result.to_dict() == cli_jsonl(str(SEED_000))[0]


def test_extract_file_errors_raise():
    with pytest.raises(FileNotFoundError):
        aicity.extract_file(SEEDS / "missing.txt")


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_files_is_an_ordered_generator_equal_to_cli(jobs):
    results = aicity.extract_files([str(SEEDS)], jobs=jobs)
    assert isinstance(results, types.GeneratorType)
    documents = [r.to_dict() for r in results]
    assert [d["path"] for d in documents] == sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert documents == cli_jsonl(str(SEEDS))


def test_extract_files_accepts_one_path_and_options():
    results = list(aicity.extract_files(SEEDS, types="date,money", ref_date="2025-01-01", globs=["000_*"]))
    assert [Path(r.path).name for r in results] == [SEED_000.name]
    assert results[0].ref_date == "2025-01-01"
    assert {e.type for e in results[0].entities} <= {"date", "money"}


def test_extract_files_errors_keep_or_raise(tmp_path):
    missing = tmp_path / "missing.txt"
    kept = list(aicity.extract_files([SEED_000, missing]))
    assert [r.ok for r in kept] == [True, False]
    assert kept[1].path == str(missing) and kept[1].error
    with pytest.raises(RuntimeError, match="missing.txt"):
        list(aicity.extract_files([SEED_000, missing], errors="raise"))


# ------------------------------------------------------------ pandas

CORE_COLUMNS = ["path", "ref_date", "type", "text", "start", "end", "normalized", "rule"]


def test_to_dataframe_one_row_per_entity():
    pytest.importorskip("pandas")
    results = list(aicity.extract_files([SEEDS]))
    frame = aicity.to_dataframe(results)
    assert list(frame.columns[: len(CORE_COLUMNS)]) == CORE_COLUMNS
    assert len(frame) == sum(len(r.entities) for r in results)
    assert str(frame["start"].dtype) == "int64"
    money = frame[(frame.type == "money") & (frame.normalized == "109000000000 EUR")]
    assert set(money.path) == {str(SEED_000)}
    assert set(money.amount) == {"109000000000"} and set(money.currency) == {"EUR"}
    # Each row is the CLI's entity dict plus the document's path and ref_date.
    first = results[0]
    row = frame.iloc[0].dropna().to_dict()
    assert row == {"path": first.path, "ref_date": first.ref_date, **first.entities[0].to_dict()}


def test_to_dataframe_from_entities_and_empty():
    pytest.importorskip("pandas")
    frame = aicity.to_dataframe(aicity.extract(TEXT, ref_date="2025-02-17"))
    assert frame["path"].isna().all() and (frame.type == "money").any()
    empty = aicity.to_dataframe([])
    assert list(empty.columns) == CORE_COLUMNS and len(empty) == 0
    with pytest.raises(TypeError):
        aicity.to_dataframe(["not an entity"])


def test_to_dataframe_without_pandas_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    with pytest.raises(ImportError, match=r"pip install -e '\.\[pandas\]'"):
        aicity.to_dataframe([])


def test_user_dictionary_paths_as_the_cli_takes_them(tmp_path):
    user_dict = tmp_path / "mine.tsv"
    user_dict.write_text("type\tname\taliases\tfields\ncompany\t量子貓科技\t量子貓\tcountry=TW\n", encoding="utf-8")
    text = "量子貓科技今日宣布投資5億元。"
    found = aicity.extract(text, types="company", ref_date="2025-02-17", user_dict=user_dict)
    assert "量子貓科技" in [e.normalized for e in found]
    cli_result = CliRunner().invoke(
        cli, ["extract", "-", "-f", "jsonl", "-t", "company", "--ref-date", "2025-02-17", "--dict", str(user_dict)],
        input=text,
    )
    assert [e.to_dict() for e in found] == json.loads(cli_result.stdout)["entities"]
