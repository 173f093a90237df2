"""Messages on stderr, shared by ``cli.py`` and the commands (which must not import ``cli.py`` back)."""
from __future__ import annotations

import click


def error(message: str) -> None:
    """One line on stderr, prefixed ``aicity:``."""
    click.echo(f"aicity: {message}", err=True)


def input_error(path: str, reason: str) -> None:
    """Report an input that was skipped: ``aicity: PATH: reason``."""
    from ..textio import display_path

    error(f"{display_path(path)}: {reason}")
