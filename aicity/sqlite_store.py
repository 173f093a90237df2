"""``--format sqlite``: results in a SQLite database that later runs add to.

Tables (see :data:`SCHEMA`):

* ``documents``: one row per file, keyed on its resolved absolute path (so
  ``seeds/``, ``./seeds/`` and ``/home/me/seeds/`` are the same five files),
  with its ``ref_date``, length in characters, the SHA-256 of its text, the
  text itself and, for a web page, its title and URL.
* ``documents_fts``: a full-text index (FTS5, trigram tokenizer, which works
  for Chinese) of the documents' title and text.
* ``extractions``: which entity types each document's rows hold, and the
  ``ref_date`` and aicity version they were found with.
* ``entities``: one row per entity, with the JSON ``fields`` of its type, real
  columns for the fields worth filtering on (``title``, ``org``, ``key``,
  ``amount``, ``currency``, ``grain`` ...), ``amount_value`` (a number to sort
  and sum) and, for every date, its first and last day (``range_start``,
  ``range_end``, ISO text that sorts). Indexed on ``(type, normalized)``.
* views ``officials`` (one row per person: officials grouped by ``key``),
  ``entity_counts`` (each value's mentions and documents) and
  ``officials_companies`` (officials and companies named in the same
  document, with how close their mentions come).

Running again updates each document in place (same ``id``) and replaces the
rows of the types being extracted; the other types' rows stay, unless the
document's text changed, since their offsets would point into a text that is
gone. Each document is written in one transaction, so a run that is
interrupted or crashes leaves every document either complete or as it was.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import re
import sqlite3
from decimal import Decimal, InvalidOperation
from typing import Any

from . import __version__
from .errors import SqliteStoreError
from .fold import name_key
from .model import ENTITY_TYPES, DocumentResult, Entity
from .textio import STDIN, display_path

__all__ = ["SqliteRenderer", "SqliteStoreError"]

SCHEMA_VERSION = 2

# Type fields that get a column of their own (all of them are also in ``fields``).
FIELD_COLUMNS: tuple[str, ...] = (
    "name", "title", "org", "key",                     # official
    "canonical", "stock_code",                         # company
    "country", "level",                                # city
    "grain", "calendar",                               # date
    "amount", "currency", "qualifier",                 # money
)
# Columns computed for sorting and comparing: a date's first and last day, a money amount as a number.
DERIVED_COLUMNS: tuple[str, ...] = ("range_start", "range_end", "amount_value")

# How many paths a view lists per row: the count is exact, the paths are examples.
EXAMPLE_PATHS = 3

# FTS5's trigram tokenizer (SQLite 3.34+) indexes every three characters, so
# any Chinese substring of three or more characters can be found.
FTS_TOKENIZER = "trigram"

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,  -- the resolved absolute path; - for standard input
    ref_date TEXT,
    ref_date_source TEXT,
    title TEXT,
    url TEXT,
    characters INTEGER NOT NULL,
    sha256 TEXT NOT NULL,  -- of text
    encoding TEXT,
    text TEXT,  -- what start and end refer to: the file's text, or a web page's article
    extracted_at TEXT NOT NULL,
    aicity_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);

CREATE TABLE IF NOT EXISTS extractions (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    ref_date TEXT,
    aicity_version TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    PRIMARY KEY (document_id, type)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    normalized TEXT NOT NULL,
    rule TEXT,
    fields TEXT NOT NULL,  -- JSON object: every type-specific field
    {", ".join(f"{name} TEXT" for name in FIELD_COLUMNS)},
    range_start TEXT,  -- a date's first day, YYYY-MM-DD
    range_end TEXT,    -- a date's last day, YYYY-MM-DD
    amount_value REAL  -- amount as a number, to sort and compare (amount keeps the exact decimal)
);
CREATE INDEX IF NOT EXISTS entities_type_normalized ON entities (type, normalized);
CREATE INDEX IF NOT EXISTS entities_type_key ON entities (type, key);
CREATE INDEX IF NOT EXISTS entities_document ON entities (document_id, type);

-- One row per person: officials grouped by key (the name folded across
-- scripts, so 龔正 and 龚正 are one), named as most often written.
CREATE VIEW IF NOT EXISTS officials AS
WITH spellings AS (
    SELECT key, normalized, COUNT(*) AS mentions
    FROM entities WHERE type = 'official'
    GROUP BY key, normalized
), named AS (
    SELECT key, normalized AS name,
           ROW_NUMBER() OVER (PARTITION BY key ORDER BY mentions DESC, normalized) AS rank,
           GROUP_CONCAT(normalized, ', ') OVER (PARTITION BY key) AS spellings
    FROM spellings
)
SELECT n.key, n.name, n.spellings,
       COUNT(*) AS mentions,
       COUNT(DISTINCT e.document_id) AS documents,
       GROUP_CONCAT(DISTINCT e.title) AS titles
FROM named AS n
JOIN entities AS e ON e.type = 'official' AND e.key = n.key
WHERE n.rank = 1
GROUP BY n.key;

CREATE VIEW IF NOT EXISTS entity_counts AS
SELECT type, normalized,
       COUNT(*) AS mentions,
       COUNT(DISTINCT document_id) AS documents
FROM entities
WHERE type != 'official'
GROUP BY type, normalized
UNION ALL
SELECT 'official', name, mentions, documents FROM officials;

-- closest: the fewest characters between a mention of the one and of the
-- other; on long pages, pairs named in the same sentence are what matter.
-- example_paths: at most {EXAMPLE_PATHS} of the documents (a JSON array, closest pairs first).
CREATE VIEW IF NOT EXISTS officials_companies AS
WITH pairs AS (
    SELECT o.key, c.normalized AS company, o.document_id,
           MIN(ABS(c.start - o.start)) AS closest
    FROM entities AS o
    JOIN entities AS c ON c.document_id = o.document_id AND c.type = 'company'
    WHERE o.type = 'official'
    GROUP BY o.key, c.normalized, o.document_id
), ranked AS (
    SELECT pairs.*,
           ROW_NUMBER() OVER (PARTITION BY key, company ORDER BY closest, document_id) AS rank
    FROM pairs
)
SELECT p.name AS official,
       r.company,
       COUNT(*) AS documents,
       MIN(r.closest) AS closest,
       json_group_array(d.path) FILTER (WHERE r.rank <= {EXAMPLE_PATHS}) AS example_paths,
       r.key AS official_key
FROM ranked AS r
JOIN officials AS p ON p.key = r.key
JOIN documents AS d ON d.id = r.document_id
GROUP BY r.key, r.company;
"""

# External-content FTS5: the index reads title and text from documents, and
# triggers keep it in step with every insert, update and delete.
FTS_SCHEMA = f"""
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'id', tokenize = '{FTS_TOKENIZER}'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
"""

ENTITY_COLUMNS = (
    "document_id", "type", "text", "start", '"end"', "normalized", "rule", "fields",
    *FIELD_COLUMNS, *DERIVED_COLUMNS,
)
INSERT_ENTITY = (
    f"INSERT INTO entities ({', '.join(ENTITY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ENTITY_COLUMNS))})"
)
DOCUMENT_COLUMNS = (
    "ref_date", "ref_date_source", "title", "url", "characters", "sha256", "encoding", "text",
    "extracted_at", "aicity_version",
)


class SqliteRenderer:
    """Write (or add to) a SQLite database, one transaction per document.

    Has the renderer interface of :mod:`aicity.output` (``write(result)``,
    ``close()``) and is also a context manager::

        with SqliteRenderer("corpus.db") as db:
            for result in aicity.extract_files(["news/"], keep_text=True):
                db.write(result)

    ``notes`` lists what the caller should tell the user (the full-text index
    could not be built with this SQLite).
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = os.fspath(path)
        self.notes: list[str] = []
        try:
            # isolation_level=None: transactions are begun and ended explicitly in write().
            self.connection = sqlite3.connect(self.path, isolation_level=None)
            self._prepare()
        except sqlite3.Error as exc:
            if _is_io_error(exc):
                raise  # cannot write (a full disk): the caller's write error, not a bad database
            raise SqliteStoreError(f"{self.path}: cannot use as a SQLite database: {exc}") from None

    def _prepare(self) -> None:
        db = self.connection
        db.execute("PRAGMA foreign_keys = ON")
        # Check before changing anything in someone else's file.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables & {"documents", "entities", "extractions"}:
            raise SqliteStoreError(
                f"{self.path} already has a documents or entities table that aicity did not create; "
                "choose another -o file"
            )
        if version > SCHEMA_VERSION:
            raise SqliteStoreError(
                f"{self.path} was written by a newer aicity (schema {version}); upgrade aicity"
            )
        if 0 < version < SCHEMA_VERSION:
            raise SqliteStoreError(
                f"{self.path} was written by an older aicity (schema {version}, which keyed documents "
                "on the path as typed); write to a new -o file, or delete this one, and run again"
            )
        # WAL: readers (Datasette) are not blocked while a run writes; NORMAL
        # sync stays consistent after a crash and avoids an fsync per document.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
        if "documents_fts" not in tables:
            self._create_full_text_index()

    def _create_full_text_index(self) -> None:
        db = self.connection
        try:
            db.executescript(f"BEGIN; {FTS_SCHEMA} COMMIT;")
        except sqlite3.OperationalError as exc:  # no FTS5, or a SQLite before 3.34 (no trigram)
            if db.in_transaction:
                db.execute("ROLLBACK")
            if not _missing_fts(exc):
                raise  # a full disk or an unwritable file is no missing feature
            self.notes.append(
                f"this SQLite ({sqlite3.sqlite_version}) cannot build the full-text index "
                f"(FTS5 with the {FTS_TOKENIZER} tokenizer, SQLite 3.34+: {exc}); documents.text is "
                "stored but not indexed: search it with LIKE"
            )

    def write(self, result: DocumentResult) -> int:
        """Store one document and its entities atomically; return its ``documents.id``.

        Only the rows of the types ``result`` was extracted for are replaced.
        """
        if result.error:
            raise ValueError(f"{result.path}: not stored, it failed: {result.error}")
        types = tuple(result.types or ENTITY_TYPES)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            document_id, same_text = self._upsert_document(result, now)
            if same_text:
                marks = ", ".join("?" * len(types))
                db.execute(f"DELETE FROM entities WHERE document_id = ? AND type IN ({marks})",
                           (document_id, *types))
            else:  # every old row's offsets point into a text that is gone
                db.execute("DELETE FROM entities WHERE document_id = ?", (document_id,))
                db.execute("DELETE FROM extractions WHERE document_id = ?", (document_id,))
            db.executemany(INSERT_ENTITY, (entity_row(document_id, e) for e in result.entities))
            db.executemany(
                "INSERT OR REPLACE INTO extractions (document_id, type, ref_date, aicity_version, extracted_at) "
                "VALUES (?, ?, ?, ?, ?)",
                ((document_id, t, result.ref_date, __version__, now) for t in types),
            )
        except BaseException:  # KeyboardInterrupt too: never leave half a document
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return document_id

    def _upsert_document(self, result: DocumentResult, now: str) -> tuple[int, bool]:
        """The document's id (kept when the path is known) and whether its text is unchanged."""
        path = document_key(result.path)
        values = (
            result.ref_date, result.ref_date_source, result.title, result.url, result.characters,
            result.sha256, result.encoding or None, result.text, now, __version__,
        )
        db = self.connection
        row = db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        if row is None:
            cursor = db.execute(
                f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, path) "
                f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))}, ?)",
                (*values, path),
            )
            assert cursor.lastrowid is not None  # set by every successful INSERT
            return cursor.lastrowid, True
        document_id, old_sha256 = row
        same_text = old_sha256 == result.sha256
        # A result without its text (an API caller that did not keep it) keeps the stored one if it is the same.
        assignments = ", ".join(
            f"{name} = COALESCE(?, text)" if name == "text" and same_text else f"{name} = ?"
            for name in DOCUMENT_COLUMNS
        )
        db.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*values, document_id))
        return document_id, same_text

    def close(self) -> None:
        # Closing the last connection checkpoints the WAL into the main file.
        self.connection.close()

    def __enter__(self) -> SqliteRenderer:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def document_key(path: str) -> str:
    """The ``documents.path`` of a file: resolved and absolute, so any spelling of it is one document."""
    if path == STDIN or "://" in path:  # standard input; a remote file (Dask) has no local path
        return path
    return display_path(os.path.realpath(path))  # always valid UTF-8


def entity_row(document_id: int, entity: Entity) -> tuple[Any, ...]:
    """The ``entities`` row of one entity, in :data:`ENTITY_COLUMNS` order."""
    columns = {name: _column_value(entity.fields.get(name)) for name in FIELD_COLUMNS}
    range_start = range_end = amount_value = None
    if entity.type == "official" and not columns["key"]:  # a result from before official keys
        columns["key"] = name_key(entity.normalized)
    elif entity.type == "date":
        range_start, range_end = date_bounds(entity.normalized)
    elif entity.type == "money":
        amount_value = _number(entity.fields.get("amount"))
    return (
        document_id, entity.type, entity.text, entity.start, entity.end, entity.normalized,
        entity.rule, json.dumps(entity.fields, ensure_ascii=False, sort_keys=True),
        *columns.values(), range_start, range_end, amount_value,
    )


_ISO_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:]+)?")


def date_bounds(normalized: str) -> tuple[str | None, str | None]:
    """The first and last day a normalized date covers, as ``YYYY-MM-DD``.

    ``2025-03-05`` → both that day; ``2026-03`` → 2026-03-01, 2026-03-31;
    ``2025`` → 2025-01-01, 2025-12-31; a range ``A/B`` from A's first day to
    B's last; a date-time counts as its day. ``(None, None)`` for anything else.
    """
    first, _, last = normalized.partition("/")
    start, end = _day_bounds(first), _day_bounds(last or first)
    if start is None or end is None:
        return None, None
    return start[0], end[1]


def _day_bounds(value: str) -> tuple[str, str] | None:
    match = _ISO_PART.fullmatch(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return (dt.date(int(year), int(month), int(day)).isoformat(),) * 2
        if month:
            days = calendar.monthrange(int(year), int(month))[1]
            return f"{year}-{month}-01", f"{year}-{month}-{days:02d}"
    except ValueError:  # month 13, February 30
        return None
    return f"{year}-01-01", f"{year}-12-31"


def _number(amount: Any) -> float | None:
    try:
        return float(Decimal(str(amount))) if amount is not None else None
    except InvalidOperation:
        return None


def _column_value(value: Any) -> Any:
    # Amounts stay decimal strings (exact; amount_value is the number to sort);
    # lists and dicts go in as JSON.
    if value is None or isinstance(value, (str, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False)


def _missing_fts(exc: sqlite3.OperationalError) -> bool:
    """Whether the error says this SQLite lacks FTS5 or its trigram tokenizer."""
    message = str(exc).lower()
    return "no such module" in message or "tokenizer" in message


def _is_io_error(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed to write (a full disk, an I/O error), not on the file's content."""
    message = str(exc).lower()
    return "disk i/o error" in message or "disk is full" in message
