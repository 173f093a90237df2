"""`aicity extract --format sqlite -o DB`: a database that reruns update, never duplicate or half-write."""
from __future__ import annotations

import json
from decimal import Decimal
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
        document = {"path": doc["path"], "ref_date": doc["ref_date"]}
        if doc["ref_date_source"] is not None:
            document["ref_date_source"] = doc["ref_date_source"]
        documents.append({**document, "entities": entities})
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
    assert {"key", "amount_value"} <= set(columns)
    assert dict((row[1], row[2]) for row in query(db, "PRAGMA table_info(entities)"))["amount_value"] == "REAL"
    assert {"path", "sha256", "text", "title", "url", "ref_date_source"} <= {
        row[1] for row in query(db, "PRAGMA table_info(documents)")}
    assert [row[1] for row in query(db, "PRAGMA table_info(extractions)")] == [
        "document_id", "type", "ref_date", "aicity_version", "extracted_at"]
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


def type_counts(db: Path) -> dict[str, int]:
    return dict(query(db, "SELECT type, COUNT(*) FROM entities GROUP BY type"))


def test_any_spelling_of_a_path_is_one_document(corpus, tmp_path, monkeypatch):
    db = tmp_path / "corpus.db"
    monkeypatch.chdir(corpus.parent)
    for spelling in ("corpus", "./corpus/", str(corpus.resolve())):
        extract_to_db(Path(spelling), db)
    files = sorted(corpus.glob("*.txt"))
    assert query(db, "SELECT path FROM documents ORDER BY path") == [(str(f.resolve()),) for f in files]
    once = tmp_path / "once.db"
    extract_to_db(corpus, once)
    assert counts(db) == counts(once)


def test_amounts_sort_as_numbers_and_keep_their_exact_decimal(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    rows = query(db, "SELECT text, amount, amount_value, fields FROM entities WHERE type = 'money' "
                     "ORDER BY amount_value DESC")
    assert [Decimal(amount) for _, amount, _, _ in rows] == sorted(
        (Decimal(amount) for _, amount, _, _ in rows), reverse=True)
    assert all(amount == json.loads(fields)["amount"] and float(amount) == value
               for _, amount, value, fields in rows)
    texts = [text for text, *_ in rows]
    # As text, "85290000" sorts above "15000000000000"; as numbers it does not.
    assert texts.index("15兆元") < texts.index("8,529萬")


@pytest.mark.parametrize("normalized, bounds", [
    ("2025-03-05", ("2025-03-05", "2025-03-05")),
    ("2026-02", ("2026-02-01", "2026-02-28")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2025", ("2025-01-01", "2025-12-31")),
    ("2026-03-04T20:19", ("2026-03-04", "2026-03-04")),
    ("2023-03-16/2023-03-20", ("2023-03-16", "2023-03-20")),
    ("2025-11/2026-01", ("2025-11-01", "2026-01-31")),
    ("2019/2021", ("2019-01-01", "2021-12-31")),
    ("2025-13", (None, None)),
    ("去年", (None, None)),
])
def test_date_bounds(normalized, bounds):
    assert sqlite_store.date_bounds(normalized) == bounds


def test_every_date_gets_sortable_bounds(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    rows = query(db, "SELECT normalized, range_start, range_end FROM entities WHERE type = 'date'")
    assert rows and all(start and end and start <= end and len(start) == len(end) == 10 for _, start, end in rows)
    assert all(start <= normalized[:10] or len(normalized) < 10 for normalized, start, _ in rows)


def test_full_text_search_finds_the_documents_that_contain_a_phrase(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    texts = {str(f): f.read_text(encoding="utf-8") for f in sorted(corpus.glob("*.txt"))}
    assert dict(query(db, "SELECT path, text FROM documents")) == texts
    for phrase in ("台積電", "桃園市長", "Muhammad Issa"):
        found = query(db, "SELECT d.path FROM documents_fts JOIN documents AS d ON d.id = documents_fts.rowid "
                          "WHERE documents_fts MATCH ? ORDER BY d.path", f'"{phrase}"')
        assert [path for (path,) in found] == [p for p, text in texts.items() if phrase in text]
        assert found
    # The index follows a changed file.
    changed = corpus / SEED_000
    changed.write_text("發布日期:2/17/2025\n台積電董事長魏哲家今日來訪。\n", encoding="utf-8")
    extract_to_db(corpus, db)
    assert (str(changed),) in query(db, "SELECT d.path FROM documents_fts JOIN documents AS d "
                                        "ON d.id = documents_fts.rowid WHERE documents_fts MATCH '台積電'")
    # Offsets refer to the stored text.
    assert query(db, "SELECT COUNT(*) FROM entities AS e JOIN documents AS d ON d.id = e.document_id "
                     "WHERE e.text != substr(d.text, e.start + 1, e.\"end\" - e.start)") == [(0,)]


def test_without_the_trigram_tokenizer_the_text_is_stored_and_a_note_says_why(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_store, "FTS_SCHEMA", sqlite_store.FTS_SCHEMA.replace(
        f"tokenize = '{sqlite_store.FTS_TOKENIZER}'", "tokenize = 'no_such_tokenizer'"))
    db = tmp_path / "corpus.db"
    result = CliRunner().invoke(cli, ["extract", str(corpus), "-f", "sqlite", "-o", str(db)])
    assert result.exit_code == 0, result.output
    assert "cannot build the full-text index" in result.stderr and "LIKE" in result.stderr
    assert not query(db, "SELECT name FROM sqlite_master WHERE name LIKE 'documents_fts%'")
    assert query(db, "SELECT COUNT(*) FROM documents WHERE text LIKE '%台積電%'") == [(1,)]


def test_a_run_with_fewer_types_keeps_the_other_types_rows(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    before = type_counts(db)
    kept = query(db, "SELECT id FROM entities WHERE type != 'money' ORDER BY id")
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--types", "money", "-f", "sqlite", "-o", str(db)])
    assert result.exit_code == 0, result.output
    assert type_counts(db) == before
    assert query(db, "SELECT id FROM entities WHERE type != 'money' ORDER BY id") == kept

    def in_text_order(documents):
        order = aicity.model.ENTITY_TYPES.index
        return [{**d, "entities": sorted(d["entities"], key=lambda e: (e["start"], e["end"], order(e["type"])))}
                for d in documents]

    assert in_text_order(stored_documents(db)) == jsonl_output(corpus)
    # Each document records every type it holds, with the version that found it.
    assert query(db, "SELECT COUNT(*), COUNT(DISTINCT document_id), MIN(aicity_version) FROM extractions") == [
        (5 * len(aicity.model.ENTITY_TYPES), 5, aicity.__version__)]


def test_a_changed_file_run_with_fewer_types_drops_its_stale_rows(corpus, tmp_path):
    db = tmp_path / "corpus.db"
    extract_to_db(corpus, db)
    changed = corpus / SEED_000
    changed.write_text("發布日期:2/17/2025\n桃園市長張善政宣布投資1億元。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(changed), "--types", "money", "-f", "sqlite", "-o", str(db)])
    assert result.exit_code == 0, result.output
    [(document_id,)] = query(db, "SELECT id FROM documents WHERE path = ?", str(changed))
    # The old officials and cities pointed into the old text: gone, and the record says so.
    assert query(db, "SELECT type, normalized FROM entities WHERE document_id = ?", document_id) == [
        ("money", "100000000 TWD")]
    assert query(db, "SELECT type FROM extractions WHERE document_id = ?", document_id) == [("money",)]


def test_the_store_is_a_library_layer_without_click():
    done = subprocess.run([sys.executable, "-c", "import sys, aicity.sqlite_store; assert 'click' not in sys.modules"])
    assert done.returncode == 0


def test_a_database_of_the_previous_schema_is_refused(tmp_path, corpus):
    target = tmp_path / "old.db"
    with closing(sqlite3.connect(target)) as connection:
        connection.executescript("CREATE TABLE documents (id INTEGER PRIMARY KEY); PRAGMA user_version = 1;")
    result = CliRunner().invoke(cli, ["extract", str(corpus), "-f", "sqlite", "-o", str(target)])
    assert result.exit_code == 1
    assert "older aicity (schema 1" in result.output and "new -o file" in result.output


def test_one_official_in_both_scripts_is_one_person(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("上海市長龔正昨日會見台積電董事長魏哲家。", encoding="utf-8")
    (folder / "b.txt").write_text("上海市长龚正表示欢迎台积电投资。龔正市長隨後離開。", encoding="utf-8")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["extract", str(folder), "-o", str(db), "--ref-date", "2025-03-01"])
    assert result.exit_code == 0, result.output
    assert query(db, "SELECT key, name, mentions, documents FROM officials WHERE key = '龚正'") == [
        ("龚正", "龔正", 3, 2)]
    assert query(db, "SELECT normalized, mentions, documents FROM entity_counts WHERE type = 'official' "
                     "AND normalized IN ('龔正', '龚正')") == [("龔正", 3, 2)]
    [(official, documents, paths)] = query(
        db, "SELECT official, documents, example_paths FROM officials_companies "
            "WHERE official_key = '龚正' AND company = '台積電'")
    assert (official, documents) == ("龔正", 2)
    assert sorted(json.loads(paths)) == [str(folder / "a.txt"), str(folder / "b.txt")]


def test_list_columns_hold_a_count_and_a_few_examples(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(sqlite_store.EXAMPLE_PATHS + 3):
        (folder / f"{number}.txt").write_text(f"台積電董事長魏哲家第{number + 1}次出席。", encoding="utf-8")
    db = tmp_path / "news.db"
    extract_to_db(folder, db)
    [(documents, paths)] = query(db, "SELECT documents, example_paths FROM officials_companies "
                                     "WHERE official = '魏哲家' AND company = '台積電'")
    assert documents == sqlite_store.EXAMPLE_PATHS + 3
    assert len(json.loads(paths)) == sqlite_store.EXAMPLE_PATHS


def test_a_web_page_is_stored_with_its_title_url_date_and_article_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>港口新聞</title>"
        '<meta property="article:published_time" content="2025-05-06">'
        '<link rel="canonical" href="https://news.example.tw/a/1">'
        "<script>var x = '市長陳其邁';</script></head>"
        "<body><article><p>台積電董事長魏哲家昨(5)日出席活動,宣布投資新臺幣100億元。</p></article></body></html>",
        encoding="utf-8")
    db = tmp_path / "pages.db"
    extract_to_db(page, db)
    [(title, url, ref_date, source, text)] = query(
        db, "SELECT title, url, ref_date, ref_date_source, text FROM documents")
    assert (title, url, ref_date, source) == ("港口新聞", "https://news.example.tw/a/1", "2025-05-06", "metadata")
    assert "<" not in text and "陳其邁" not in text
    rows = query(db, "SELECT text, start, \"end\" FROM entities")
    assert rows and all(text[start:end] == entity_text for entity_text, start, end in rows)
    assert query(db, "SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH '港口新聞'") == [(1,)]
