"""Regex fragments composed from named parts (as Recognizers-Text's nested-regex
definitions are), read from a data file under ``aicity/resources/``.

The file: ``NAME = pattern`` starts a fragment; the lines after it, up to the next
``NAME =``, continue it (each stripped and appended as is); ``#`` lines are comments.
In a pattern, ``{NAME}`` inserts another fragment, ``{NAME:e_}`` inserts it with the
group-name prefix ``e_``, and ``{p}`` is the prefix the fragment was inserted with
(``""`` at the top). Braces around anything else (``{2}``, ``{1,3}``, ``\\p{Han}``)
are the regex's own.
"""
from __future__ import annotations

import re
from importlib import resources

from ..resources import ResourceError

_DEFINITION = re.compile(r"([A-Z][A-Z0-9_]*) = (.*)")
_REFERENCE = re.compile(r"\{([A-Z][A-Z0-9_]*)(?::([A-Za-z_]*))?\}|\{p\}")


def parse_fragments(text: str, source: str) -> dict[str, str]:
    """The fragments of a file, unexpanded, by name."""
    parts: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        definition = _DEFINITION.fullmatch(line)
        if definition:
            name = definition.group(1)
            if name in parts:
                raise ResourceError(f"{source}:{number}: {name} is defined twice")
            current = parts[name] = [definition.group(2)]
        elif current is None:
            raise ResourceError(f"{source}:{number}: a pattern line before any NAME =")
        else:
            current.append(line)
    return {name: "".join(lines) for name, lines in parts.items()}


class Fragments:
    """Named fragments, each expanded on first use (references resolved)."""

    def __init__(self, definitions: dict[str, str], source: str):
        self._definitions = definitions
        self._source = source
        self._expanded: dict[tuple[str, str], str] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._definitions

    def __getitem__(self, name: str) -> str:
        return self.expand(name)

    def expand(self, name: str, prefix: str = "", _seen: tuple[str, ...] = ()) -> str:
        key = (name, prefix)
        if key in self._expanded:
            return self._expanded[key]
        if name not in self._definitions:
            raise ResourceError(f"{self._source}: no fragment {name}" + (f" (in {_seen[-1]})" if _seen else ""))
        if name in _seen:
            raise ResourceError(f"{self._source}: {name} refers to itself ({' > '.join(_seen)})")

        def insert(m: re.Match) -> str:
            if m.group(1) is None:  # {p}
                return prefix
            inner_prefix = prefix if m.group(2) is None else m.group(2)
            return self.expand(m.group(1), inner_prefix, (*_seen, name))

        value = self._expanded[key] = _REFERENCE.sub(insert, self._definitions[name])
        return value


def load_fragments(name: str, derived: dict[str, str] | None = None) -> Fragments:
    """The fragments of the packaged file ``name`` (``date/fragments.txt``), with
    ``derived`` ones (built by code from word tables) beside them."""
    text = resources.files("aicity.resources").joinpath(name).read_text(encoding="utf-8")
    definitions = parse_fragments(text, name)
    for key, value in (derived or {}).items():
        if key in definitions:
            raise ResourceError(f"{name}: {key} is derived from a table; do not define it here")
        definitions[key] = value
    return Fragments(definitions, name)
