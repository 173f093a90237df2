"""User dictionaries: extra companies, cities, officials and titles from TSV files.

The format (also taught by ``aicity dict --help``)::

    # comment lines start with #; blank lines are ignored
    type	name	aliases	fields
    company	奇點空間設計	奇點空間	country=TW
    company	台灣積體電路製造	台積電|TSMC	stock_code=2330;country=TW
    city	臺東縣	台東|東縣	country=TW;level=縣
    official	張善政		title=市長;org=桃園市政府
    title	智發會主委

UTF-8, tab-separated, at most four columns: ``type`` (company, city, official
or title), ``name`` (the canonical name), ``aliases`` (other names, separated
by ``|``; may be empty) and ``fields`` (``key=value`` pairs separated by ``;``).
Names and aliases have at least two characters. A city's ``level`` is written
as the built-in cities have it: 直轄市, 市 or 縣.
The header row is optional. Errors name the file and line.

The loaded :class:`UserDictionary` is plain frozen data, so it is hashable
(extractors may cache automata on it) and pickles to worker processes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .resources import ResourceError

USER_TYPES: tuple[str, ...] = ("company", "city", "official", "title")
# The field keys each type may carry; they become the entity's fields.
ALLOWED_FIELDS: dict[str, tuple[str, ...]] = {
    "company": ("stock_code", "country"),
    "city": ("country", "level"),
    "official": ("title", "org"),
    "title": (),
}
HEADER: tuple[str, ...] = ("type", "name", "aliases", "fields")
ALIAS_SEPARATOR = "|"
MIN_NAME_LENGTH = 2
FIELD_SEPARATOR = ";"


@dataclass(frozen=True)
class UserEntry:
    """One line of a user dictionary."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    source: str = ""
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by its aliases."""
        return (self.name, *self.aliases)

    def field(self, key: str, default: str | None = None) -> str | None:
        return dict(self.fields).get(key, default)


@dataclass(frozen=True)
class UserDictionary:
    """Every entry of the user's dictionary files, in file and line order."""

    entries: tuple[UserEntry, ...] = ()

    def __post_init__(self) -> None:
        # Extractors look entries up per document and cache automata keyed on
        # the dictionary, so the per-type index and the hash are computed once.
        by_type: dict[str, list[UserEntry]] = {}
        for entry in self.entries:
            by_type.setdefault(entry.type, []).append(entry)
        object.__setattr__(self, "_by_type", {t: tuple(group) for t, group in by_type.items()})
        object.__setattr__(self, "_hash", hash(self.entries))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self):
        # Rebuild from the entries: string hashes differ between processes.
        return (UserDictionary, (self.entries,))

    def of_type(self, type: str) -> tuple[UserEntry, ...]:
        return self._by_type.get(type, ())

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, int]:
        """Number of entries per type, in :data:`USER_TYPES` order, zeros included."""
        return {t: len(self.of_type(t)) for t in USER_TYPES}


def parse_user_dictionary(text: str, source: str) -> tuple[list[UserEntry], list[str]]:
    """Parse one file's text; return its valid entries and every error found."""
    entries: list[UserEntry] = []
    errors: list[str] = []
    first_line: dict[tuple[str, str], int] = {}
    header_allowed = True
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header_allowed and cells[0].strip().casefold() == "type":
            header_allowed = False
            if tuple(c.strip().casefold() for c in cells) != HEADER[: len(cells)]:
                errors.append(f"{source}:{number}: the header row must be: {'<TAB>'.join(HEADER)}")
            continue
        header_allowed = False
        entry, problem = _parse_row(cells, source, number)
        if problem:
            errors.append(f"{source}:{number}: {problem}")
            continue
        key = (entry.type, entry.name)
        if key in first_line:
            errors.append(
                f"{source}:{number}: duplicate {entry.type} {entry.name!r} "
                f"(first on line {first_line[key]})"
            )
            continue
        first_line[key] = number
        entries.append(entry)
    return entries, errors


def _parse_row(cells: list[str], source: str, number: int) -> tuple[UserEntry | None, str | None]:
    if len(cells) > len(HEADER):
        return None, (
            f"{len(cells)} tab-separated columns, at most {len(HEADER)} allowed "
            f"({', '.join(HEADER)})"
        )
    cells = [c.strip() for c in cells] + [""] * (len(HEADER) - len(cells))
    entry_type, name, aliases_cell, fields_cell = cells
    if entry_type not in USER_TYPES:
        hint = " (columns are separated by tabs, not spaces)" if " " in entry_type else ""
        return None, f"unknown type {entry_type!r}; use one of {', '.join(USER_TYPES)}{hint}"
    if not name:
        return None, "empty name"
    aliases: list[str] = []
    for alias in aliases_cell.split(ALIAS_SEPARATOR):
        alias = alias.strip()
        if alias and alias != name and alias not in aliases:
            aliases.append(alias)
    for written in (name, *aliases):
        # The extractors never match a single character (it is part of too many words).
        if len(written) < MIN_NAME_LENGTH:
            what = "name" if written == name else "alias"
            return None, f"{what} {written!r} is one character; names need at least {MIN_NAME_LENGTH}"
    fields, problem = _parse_fields(fields_cell, entry_type)
    if problem:
        return None, problem
    return UserEntry(entry_type, name, tuple(aliases), fields, source, number), None


def _parse_fields(cell: str, entry_type: str) -> tuple[tuple[tuple[str, str], ...], str | None]:
    allowed = ALLOWED_FIELDS[entry_type]
    fields: list[tuple[str, str]] = []
    for part in cell.split(FIELD_SEPARATOR):
        if not part.strip():
            continue  # tolerate a trailing or doubled ';'
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            return (), f"bad field {part.strip()!r}; write key=value pairs separated by ';'"
        if key not in allowed:
            keys = ", ".join(allowed) if allowed else "none"
            return (), f"unknown field {key!r} for a {entry_type}; allowed: {keys}"
        if not value:
            return (), f"field {key!r} has an empty value"
        if any(key == seen for seen, _ in fields):
            return (), f"field {key!r} given twice"
        fields.append((key, value))
    return tuple(fields), None


def _read(path: str | Path) -> str:
    """The file's text; a BOM is tolerated. Raises OSError, or ResourceError when not UTF-8."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ResourceError(f"{path}: not UTF-8 (byte {exc.start}: {exc.reason})") from None


def load_user_dictionary(paths: Iterable[str | Path]) -> UserDictionary:
    """Load and validate dictionary files, in the order given.

    Raises :class:`~aicity.resources.ResourceError` (``FILE:LINE: problem``) at
    the first malformed file, and ``OSError`` when a file cannot be read.
    """
    entries: list[UserEntry] = []
    for path in paths:
        found, errors = parse_user_dictionary(_read(path), str(path))
        if errors:
            more = f" (and {len(errors) - 1} more; run `aicity dict check {path}`)" if len(errors) > 1 else ""
            raise ResourceError(errors[0] + more)
        entries.extend(found)
    return UserDictionary(tuple(entries))


def read_dictionary_file(path: str | Path) -> tuple[list[UserEntry], list[str]]:
    """One file's valid entries and all its problems (unreadable files included)."""
    try:
        text = _read(path)
    except ResourceError as exc:
        return [], [str(exc)]
    except OSError as exc:
        from .textio import describe_os_error

        return [], [f"{path}: {describe_os_error(exc)}"]
    return parse_user_dictionary(text, str(path))


def check_file(path: str | Path) -> list[str]:
    """Every problem in one dictionary file, line-numbered; empty when it is valid."""
    return read_dictionary_file(path)[1]
