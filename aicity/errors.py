"""The package's own exceptions: the library raises these, the CLI turns them into messages."""
from __future__ import annotations


class AicityError(Exception):
    """Base of aicity's errors; its message is written for the user (the CLI exits 1)."""


class SqliteStoreError(AicityError):
    """The database cannot be opened or is not an aicity database of this version."""
