"""The package's own exceptions. The library layers raise these; only the CLI
turns them into messages and exit codes."""
from __future__ import annotations


class AicityError(Exception):
    """Base of every error aicity raises on purpose; its message is written for the user."""


class SqliteStoreError(AicityError):
    """The database cannot be opened or is not an aicity database of this version."""


class InputError(AicityError, OSError):
    """One input cannot be read: not a regular file, too large, unreadable or not text.

    ``reason`` is the one-line explanation the CLI prints after the path
    (``aicity: PATH: reason``); ``str()`` names the path too. An ``OSError``,
    so API callers that catch "cannot read this file" catch it as well.
    """

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        return (type(self), (self.path, self.reason))


class OutputIsInput(AicityError, ValueError):
    """The output file is one of the inputs: writing it would destroy what is being read."""


class PipeClosed(AicityError):
    """Standard output was closed by its reader (``| head``): stop quietly, exit 0.

    Not an ``OSError``: Click turns an EPIPE ``OSError`` into exit 1 itself.
    """
