"""Package data: word lists and tables, loaded lazily and once per process.

Formats (see SOURCES.md for where each file comes from):

* ``.txt``: one entry per line; ``#`` starts a comment line; blank lines ignored.
* ``.tsv``: ``#`` comment lines first, then a header row, then tab-separated rows.

Loaders raise :class:`ResourceError` naming the file and line of a malformed
row, so that a broken data file (or a user dictionary) is reported, not guessed.
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path


class ResourceError(ValueError):
    """A data file is malformed; the message names the file and line."""


def _read_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def parse_list(text: str, source: str) -> list[str]:
    items = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "\t" in line:
            raise ResourceError(f"{source}:{number}: a list entry may not contain a tab")
        items.append(line)
    return items


def parse_table(text: str, source: str) -> list[dict[str, str]]:
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.rstrip("\r").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            raise ResourceError(
                f"{source}:{number}: {len(cells)} columns, the header has {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append({key: value.strip() for key, value in zip(header, cells)})
    if header is None:
        raise ResourceError(f"{source}: no header row")
    return rows


@functools.cache
def load_list(name: str) -> tuple[str, ...]:
    """Entries of a packaged ``.txt`` list, in file order."""
    return tuple(parse_list(_read_text(name), name))


@functools.cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a packaged ``.tsv`` table as dicts keyed by the header."""
    return tuple(parse_table(_read_text(name), name))


def load_user_table(path: str | Path) -> list[dict[str, str]]:
    """Rows of a user-supplied ``.tsv`` file (same format as the package tables)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ResourceError(f"{path}: not UTF-8 ({exc.reason})") from None
    return parse_table(text, str(path))
