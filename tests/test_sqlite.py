"""`aicity extract --format sqlite -o DB`: a database that reruns update, never duplicate or half-write."""
from __future__ import annotations

import json
from contextlib import closing
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import aicity
from aicity import sqlite_store
from aicity.cli import cli
from aicity.sqlite_store import FIELD_COLUMNS, SqliteRenderer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_000 = "000_54bfc9fa5cc0f4e0.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(seed, folder / seed.name)
    return folder


def extract_to_db(folder: Path, db: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(folder), "--format", "sqlite", "-o", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # everything went to the database


def jsonl_output(folder: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def query(db: Path, sql: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql, params).fetchall()


def counts(db: Path) -> tuple[int, int]:
    return query(db, "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities)")[0]


def stored_documents(db: Path) -> list[dict]:
    """The database read back as the JSONL documents the CLI prints."""
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    documents = []
    for doc in connection.execute("SELECT * FROM documents ORDER BY path"):
        entities = []
        for row in connection.execute(
            'SELECT * FROM entities WHERE document_id = ? ORDER BY id', (doc["id"],)
        ):
            entities.append({
                "type": row["type"], "text": row["text"], "start": row["start"], "end": row["end"],
                "normalized": row["normalized"], **json.loads(row["fields"]), "rule": row["rule"],
            })
        documents.append({"path": doc["path"], "ref_date": doc["ref_date"], "entities": entities})
    connection.close()
    return documents


def test_database_holds_the_jsonl_output(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    assert stored_documents(db) == jsonl_output(corpus)

    [(ref_date, characters, sha256)] = query(
        db, "SELECT ref_date, characters, sha256 FROM documents WHERE path = ?", str(corpus / SEED_000)
    )
    text = (corpus / SEED_000).read_text(encoding="utf-8")
    assert ref_date == "2025-02-17" and characters == len(text) and len(sha256) == 64

    money = query(
        db, "SELECT e.amount, e.currency, e.fields FROM entities e JOIN documents d ON d.id = e.document_id "
        "WHERE d.path = ? AND e.type = 'money' AND e.normalized = '109000000000 EUR'", str(corpus / SEED_000)
    )
    assert money and money[0][:2] == ("109000000000", "EUR")
    assert json.loads(money[0][2])["currency"] == "EUR"
    assert query(db, "SELECT COUNT(*) FROM entities WHERE type = 'date' AND normalized = '2025-02-17'")[0][0] >= 1


def test_schema_columns_indexes_and_views(tmp_path, corpus):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    columns = [row[1] for row in query(db, "PRAGMA table_info(entities)")]
    assert columns[:9] == ["id", "document_id", "type", "text", "start", "end", "normalized", "rule", "fields"]
    assert set(FIELD_COLUMNS) <= set(columns)
    assert {"title", "org", "canonical", "stock_code", "country", "level", "grain",
            "range_start", "range_end", "amount", "currency", "qualifier"} <= set(columns)
    indexed = [row[2] for row in query(db, "PRAGMA index_info(entities_type_normalized)")]
    assert indexed == ["type", "normalized"]
    plan = " ".join(str(r) for r in query(
        db, "EXPLAIN QUERY PLAN SELECT * FROM entities WHERE type = 'money' AND normalized = '1 TWD'"))
    assert "entities_type_normalized" in plan
    assert query(db, "PRAGMA foreign_key_list(entities)")[0][2] == "documents"
    assert query(db, "SELECT * FROM entity_counts WHERE type = 'money' AND normalized = '109000000000 EUR'")


def test_officials_companies_view_is_co_occurrence(tmp_path, corpus):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    documents: dict[tuple[str, str], int] = {}
    closest: dict[tuple[str, str], int] = {}
    for document in jsonl_output(corpus):
        officials = [e for e in document["entities"] if e["type"] == "official"]
        companies = [e for e in document["entities"] if e["type"] == "company"]
        pairs = set()
        for o in officials:
            for c in companies:
                pair = (o["normalized"], c["normalized"])
                pairs.add(pair)
                closest[pair] = min(closest.get(pair, 10**9), abs(c["start"] - o["start"]))
        for pair in pairs:
            documents[pair] = documents.get(pair, 0) + 1
    found = query(db, "SELECT official, company, documents, closest FROM officials_companies")
    assert {(o, c): n for o, c, n, _ in found} == documents
    assert {(o, c): d for o, c, _, d in found} == closest


def test_running_twice_does_not_duplicate(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    first = counts(db)
    ids = query(db, "SELECT id, path, sha256 FROM documents ORDER BY id")
    extract_to_db(corpus, db)
    assert counts(db) == first
    assert first[0] == len(list(corpus.glob("*.txt")))
    assert query(db, "SELECT id, path, sha256 FROM documents ORDER BY id") == ids


def test_a_changed_file_replaces_its_rows(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    documents_before, _ = counts(db)
    changed = corpus / SEED_000
    [(old_id, old_sha)] = query(db, "SELECT id, sha256 FROM documents WHERE path = ?", str(changed))

    # Keep the header (its date) and drop the sentence with the euros.
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text[: text.index("在法國AI行動峰會")] + "市府今日召開記者會。\n", encoding="utf-8")
    extract_to_db(corpus, db)

    assert counts(db)[0] == documents_before
    [(new_id, new_sha, characters)] = query(
        db, "SELECT id, sha256, characters FROM documents WHERE path = ?", str(changed))
    assert new_id == old_id and new_sha != old_sha
    assert characters == len(changed.read_text(encoding="utf-8"))
    assert stored_documents(db) == jsonl_output(corpus)
    assert not query(db, "SELECT 1 FROM entities WHERE document_id = ? AND normalized = '109000000000 EUR'", old_id)


def test_an_exception_mid_document_leaves_it_as_it_was(corpus, tmp_path, monkeypatch):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    before = stored_documents(db)
    rows_written = 0
    real_entity_row = sqlite_store.entity_row

    def failing_entity_row(*args):
        nonlocal rows_written
        rows_written += 1
        if rows_written == 2:
            raise KeyboardInterrupt  # as if Ctrl-C arrived between two rows
        return real_entity_row(*args)

    monkeypatch.setattr(sqlite_store, "entity_row", failing_entity_row)
    changed = aicity.extract_file(corpus / SEED_000, ref_date="2030-01-01")  # new ref_date, same entities
    assert len(changed.entities) >= 2
    with SqliteRenderer(db) as store, pytest.raises(KeyboardInterrupt):
        store.write(changed)
    assert stored_documents(db) == before  # the old version, whole

    new = aicity.extract_file(corpus / SEED_000)
    new = type(new)(path=str(tmp_path / "new.txt"), ref_date=new.ref_date, entities=new.entities,
                    characters=new.characters, sha256=new.sha256)
    rows_written = 0
    with SqliteRenderer(db) as store, pytest.raises(KeyboardInterrupt):
        store.write(new)
    assert stored_documents(db) == before  # no trace of the new document


CRASH_SCRIPT = """
import os, sys
import aicity
from aicity import sqlite_store

written = 0
real = sqlite_store.entity_row
def crash_after_one_row(*args):
    global written
    written += 1
    if written == 2:
        os._exit(9)  # the process dies at once: no rollback, no cleanup
    return real(*args)
sqlite_store.entity_row = crash_after_one_row
store = sqlite_store.SqliteRenderer(sys.argv[1])
store.write(aicity.extract_file(sys.argv[2]))
"""


def test_a_crash_mid_document_leaves_no_partial_document(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    crashed = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(db), str(corpus / SEED_000)])
    assert crashed.returncode == 9
    assert counts(db) == (0, 0)
    extract_to_db(corpus, db)  # the database is still usable afterwards
    assert stored_documents(db) == jsonl_output(corpus)


def test_not_a_database_is_refused_untouched(tmp_path, corpus):
    target = tmp_path / "notes.txt"
    target.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--format", "sqlite", "-o", str(target)])
    assert result.exit_code == 1
    assert "cannot use as a SQLite database" in result.output
    assert target.read_text(encoding="utf-8") == "my notes, not a database\n" * 100


def test_the_python_api_raises_aicity_errors(tmp_path):
    """Used from Python, a bad database is an aicity error, not a click exception."""
    import click

    from aicity.errors import AicityError

    target = tmp_path / "notes.txt"
    target.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(AicityError, match="cannot use as a SQLite database") as caught:
        SqliteRenderer(target)
    assert not isinstance(caught.value, click.ClickException)


def test_sqlite_needs_an_output_file(corpus):
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--format", "sqlite"])
    assert result.exit_code == 2


def test_another_tools_database_is_refused(tmp_path, corpus):
    target = tmp_path / "other.db"
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("CREATE TABLE documents (title TEXT)")
        connection.commit()
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--format", "sqlite", "-o", str(target)])
    assert result.exit_code == 1
    assert "did not create" in result.output
    assert query(target, "SELECT name FROM sqlite_master") == [("documents",)]
    assert query(target, "PRAGMA journal_mode") == [("delete",)]  # left as it was
