"""The exceptions aicity raises about a user's files, for the API and the CLI alike.

The library never imports click: it raises these, and the command line turns
one into its message on stderr and exit code 1.
"""
from __future__ import annotations


class AicityError(Exception):
    """A problem with what the user gave aicity; the message names the file and what to do."""


class OutputError(AicityError):
    """An output (a file, a database) cannot be written or used."""
