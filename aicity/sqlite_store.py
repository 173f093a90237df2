"""``--format sqlite``: results in a SQLite database that later runs add to.

Tables (see :data:`SCHEMA`):

* ``documents``: one row per input path, with its ``ref_date``, length in
  characters and the SHA-256 of its decoded text.
* ``entities``: one row per entity, with the JSON ``fields`` of its type and
  real columns for the fields worth filtering on (``title``, ``org``,
  ``amount``, ``currency``, ``grain`` ...). Indexed on ``(type, normalized)``.
* views ``entity_counts`` (each value's mentions and documents) and
  ``officials_companies`` (officials and companies named in the same document,
  with how close their mentions come).

A path is stored once: running again over the same folder updates each
document in place (same ``id``) and replaces its entities, so nothing is
duplicated and a changed file loses its old rows. Each document is written in
one transaction, so a run that is interrupted or crashes leaves every document
either complete or as it was.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from typing import Any

from . import __version__
from .errors import SqliteStoreError
from .model import DocumentResult, Entity
from .textio import display_path

SCHEMA_VERSION = 1

# Type fields that get a column of their own (all of them are also in ``fields``).
FIELD_COLUMNS: tuple[str, ...] = (
    "name", "title", "org",                            # official
    "canonical", "stock_code",                         # company
    "country", "level",                                # city
    "grain", "calendar", "range_start", "range_end",   # date
    "amount", "currency", "qualifier",                 # money
)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    ref_date TEXT,
    characters INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    encoding TEXT,
    extracted_at TEXT NOT NULL,
    aicity_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);

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
    {", ".join(f"{name} TEXT" for name in FIELD_COLUMNS)}
);
CREATE INDEX IF NOT EXISTS entities_type_normalized ON entities (type, normalized);
CREATE INDEX IF NOT EXISTS entities_document ON entities (document_id);

CREATE VIEW IF NOT EXISTS entity_counts AS
SELECT type, normalized,
       COUNT(*) AS mentions,
       COUNT(DISTINCT document_id) AS documents
FROM entities
GROUP BY type, normalized;

-- closest: the fewest characters between a mention of the one and of the
-- other; on long pages, pairs named in the same sentence are what matter.
CREATE VIEW IF NOT EXISTS officials_companies AS
SELECT o.normalized AS official,
       c.normalized AS company,
       COUNT(DISTINCT o.document_id) AS documents,
       MIN(ABS(c.start - o.start)) AS closest,
       GROUP_CONCAT(DISTINCT d.path) AS paths
FROM entities AS o
JOIN entities AS c ON c.document_id = o.document_id AND c.type = 'company'
JOIN documents AS d ON d.id = o.document_id
WHERE o.type = 'official'
GROUP BY o.normalized, c.normalized;
"""

ENTITY_COLUMNS = (
    "document_id", "type", "text", "start", '"end"', "normalized", "rule", "fields", *FIELD_COLUMNS,
)
INSERT_ENTITY = (
    f"INSERT INTO entities ({', '.join(ENTITY_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(ENTITY_COLUMNS))})"
)


class SqliteRenderer:
    """Write (or add to) a SQLite database, one transaction per document.

    Has the renderer interface of :mod:`aicity.output` (``write(result)``,
    ``close()``) and is also a context manager::

        with SqliteRenderer("corpus.db") as db:
            for result in aicity.extract_files(["news/"]):
                db.write(result)
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = os.fspath(path)
        try:
            # isolation_level=None: transactions are begun and ended explicitly in write().
            self.connection = sqlite3.connect(self.path, isolation_level=None)
            self._prepare()
        except sqlite3.Error as exc:
            raise SqliteStoreError(f"{self.path}: cannot use as a SQLite database: {exc}") from None

    def _prepare(self) -> None:
        db = self.connection
        db.execute("PRAGMA foreign_keys = ON")
        # Check before changing anything in someone else's file.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 and tables & {"documents", "entities"}:
            raise SqliteStoreError(
                f"{self.path} already has a documents or entities table that aicity did not create; "
                "choose another -o file"
            )
        if version > SCHEMA_VERSION:
            raise SqliteStoreError(
                f"{self.path} was written by a newer aicity (schema {version}); upgrade aicity"
            )
        # WAL: readers (Datasette) are not blocked while a run writes; NORMAL
        # sync stays consistent after a crash and avoids an fsync per document.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(f"BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")

    def write(self, result: DocumentResult) -> int:
        """Store one document and its entities atomically; return its ``documents.id``."""
        if result.error:
            raise ValueError(f"{result.path}: not stored, it failed: {result.error}")
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            document_id = self._upsert_document(result)
            db.execute("DELETE FROM entities WHERE document_id = ?", (document_id,))
            db.executemany(INSERT_ENTITY, (entity_row(document_id, e) for e in result.entities))
        except BaseException:  # KeyboardInterrupt too: never leave half a document
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return document_id

    def _upsert_document(self, result: DocumentResult) -> int:
        # Keyed on path: the same file again keeps its id; a changed file
        # (new sha256) is updated and its entities replaced by the caller.
        values = (
            result.ref_date, result.characters, result.sha256, result.encoding or None,
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), __version__,
        )
        path = display_path(result.path)  # as the other formats print it; always valid UTF-8
        db = self.connection
        row = db.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()
        if row is not None:
            db.execute(
                "UPDATE documents SET ref_date = ?, characters = ?, sha256 = ?, encoding = ?, "
                "extracted_at = ?, aicity_version = ? WHERE id = ?",
                (*values, row[0]),
            )
            return row[0]
        cursor = db.execute(
            "INSERT INTO documents (ref_date, characters, sha256, encoding, extracted_at, "
            "aicity_version, path) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (*values, path),
        )
        assert cursor.lastrowid is not None  # set by every successful INSERT
        return cursor.lastrowid

    def close(self) -> None:
        # Closing the last connection checkpoints the WAL into the main file.
        self.connection.close()

    def __enter__(self) -> SqliteRenderer:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


def entity_row(document_id: int, entity: Entity) -> tuple[Any, ...]:
    """The ``entities`` row of one entity, in :data:`ENTITY_COLUMNS` order."""
    return (
        document_id, entity.type, entity.text, entity.start, entity.end, entity.normalized,
        entity.rule, json.dumps(entity.fields, ensure_ascii=False, sort_keys=True),
        *(_column_value(entity.fields.get(name)) for name in FIELD_COLUMNS),
    )


def _column_value(value: Any) -> Any:
    # Amounts stay decimal strings (exact; SUM() and CAST still work in SQL);
    # lists and dicts go in as JSON.
    if value is None or isinstance(value, (str, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False)
