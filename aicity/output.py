"""Renderers: table (rich), json, jsonl, csv, tsv. Each streams document by document.

A renderer is built with the output stream, gets ``write(result)`` per
document as it finishes, and ``close()`` at the end. Machine formats write to
the stream only; errors about inputs are the caller's business (stderr).

A machine format's text for one document is a pure function of the result
(:func:`document_renderer`), so worker processes can render their documents
and send back text (``write_rendered``) instead of entities to unpickle.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import re
import signal
import threading
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterator

from .model import ENTITY_TYPES, FIELDS_BY_TYPE, DocumentResult
from .textio import display_path

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
CORE_COLUMNS = ("path", "ref_date", "type", "text", "start", "end", "normalized")
UTF8_BOM = "\ufeff"


def console_colors(color: bool | None) -> dict[str, Any]:
    """rich Console arguments for --color/--no-color/neither.

    Left unset, rich decides: colour on a terminal unless NO_COLOR is set.
    An explicit ``no_color=False`` would override NO_COLOR, so it is only
    passed when --color forces colours.
    """
    if color is None:
        return {}
    return {"force_terminal": color, "no_color": not color}


def field_columns(types=ENTITY_TYPES) -> tuple[str, ...]:
    """One CSV column per field of ``types``, in type order, each once (country is shared)."""
    columns: dict[str, None] = {}
    for entity_type in types:
        columns.update(dict.fromkeys(FIELDS_BY_TYPE.get(entity_type, ())))
    return tuple(columns)


def _cell(value: Any) -> Any:
    """A field as one spreadsheet cell: lists joined with |, booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "|".join(map(str, value))
    return value


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _document(result: DocumentResult) -> dict[str, Any]:
    data = result.to_dict()
    data["path"] = display_path(result.path)
    return data


# The signals that stop a run (Ctrl-C, kill, a closed terminal): the CLI turns
# each into an orderly stop, and output is never cut between two of them.
RUN_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def whole_write() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM, SIGHUP) back while one document is written,
    so no line is left half-written.

    The signals are blocked on the main thread for the duration; one that
    arrives meanwhile is delivered (as ``KeyboardInterrupt``) right after.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = mask(signal.SIG_BLOCK, set(RUN_SIGNALS))
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, previous)


def render_jsonl(result: DocumentResult) -> str:
    return _json(_document(result)) + "\n"


def render_json_item(result: DocumentResult) -> str:
    return "  " + _json(_document(result))


def render_delimited(result: DocumentResult, delimiter: str, fields: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    path = display_path(result.path)
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(
        [path, result.ref_date, entity.type, entity.text, entity.start,
         entity.end, entity.normalized, entity.rule, *(_cell(entity.fields.get(key)) for key in fields)]
        for entity in result.entities
    )
    return buffer.getvalue()


def document_renderer(fmt: str, types=ENTITY_TYPES) -> Callable[[DocumentResult], str] | None:
    """The picklable function that renders one document in ``fmt``; None for
    formats that render in the writing process (table)."""
    fields = field_columns(types)
    return {
        "jsonl": render_jsonl,
        "json": render_json_item,
        "csv": functools.partial(render_delimited, delimiter=",", fields=fields),
        "tsv": functools.partial(render_delimited, delimiter="\t", fields=fields),
    }.get(fmt)


class JsonlRenderer:
    """One JSON object per document per line, flushed as each document finishes."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, result: DocumentResult) -> None:
        self.write_rendered(render_jsonl(result))

    def write_rendered(self, line: str) -> None:
        # One write and flush per line, with Ctrl-C held back: never half a line.
        with whole_write():
            self.stream.write(line)
            self.stream.flush()

    def close(self) -> None:
        pass


class JsonRenderer:
    """One JSON array of document objects, written incrementally."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def write(self, result: DocumentResult) -> None:
        self.write_rendered(render_json_item(result))

    def write_rendered(self, item: str) -> None:
        prefix = "[\n" if self.count == 0 else ",\n"
        with whole_write():
            self.stream.write(prefix + item)
            self.stream.flush()
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class DelimitedRenderer:
    """One row per entity; each field of the selected types has its own column."""

    def __init__(self, stream: IO[str], delimiter: str, types=ENTITY_TYPES, bom: bool = False):
        self.stream = stream
        self.delimiter = delimiter
        self.fields = field_columns(types)
        if bom:  # Excel takes a CSV without one for the local code page
            stream.write(UTF8_BOM)
        csv.writer(stream, delimiter=delimiter, lineterminator="\n").writerow(
            [*CORE_COLUMNS, "rule", *self.fields])

    def write(self, result: DocumentResult) -> None:
        self.write_rendered(render_delimited(result, self.delimiter, self.fields))

    def write_rendered(self, rows: str) -> None:
        with whole_write():
            self.stream.write(rows)
            self.stream.flush()

    def close(self) -> None:
        pass


TYPE_STYLES = {
    "official": "bold magenta",
    "company": "bold cyan",
    "city": "bold green",
    "date": "bold yellow",
    "money": "bold red",
}

# Fields worth a glance in the table's Details column, per type.
DETAIL_FIELDS = {
    "official": ("title", "org"),
    "company": ("stock_code",),
    "city": ("country", "level"),
    "date": ("grain",),
    "money": ("qualifier",),
}


# Control characters in a text could drive the terminal (ESC sequences set the
# window title, clear the screen, fake output): every terminal view shows them
# as visible symbols instead, one character for one, so offsets stay valid.
# C0 becomes its Unicode "control picture" (ESC -> ␛), DEL ␡, C1 the
# replacement character; newline and tab are kept, and so is a CR before a
# newline (as a space), so CRLF text looks as it should.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code == 0x0D and match.string.startswith("\n", match.end()):
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def terminal_safe(text: str) -> str:
    """``text`` with its control characters (except newline and tab) made visible, length kept."""
    return _CONTROL.sub(_visible, text) if _CONTROL.search(text) else text


def terminal_console(stream: IO[str] | None = None, color: bool | None = None, **options: Any):
    """The rich Console of every terminal view (tables, ``show``, ``summary``, ``eval``).

    A closed pipe (``| head``) raises :class:`~aicity.errors.PipeClosed`,
    which the CLI ends quietly with exit 0, where rich would exit 1 on its own.
    """
    from rich.console import Console

    from .errors import PipeClosed

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise PipeClosed()

    options.setdefault("highlight", False)
    return _Console(file=stream, **console_colors(color), **options)


class TableRenderer:
    """A rich table per document, for people at a terminal."""

    def __init__(self, stream: IO[str], color: bool | None = None):
        self.console = terminal_console(stream, color, soft_wrap=False)

    def write(self, result: DocumentResult) -> None:
        from rich.table import Table
        from rich.text import Text

        # The heading is one unwrapped line above the table, so the path stays whole.
        heading = Text(terminal_safe(display_path(result.path)), style="bold")
        heading.append(f"  (ref_date {result.ref_date}, {len(result.entities)} entities)", style="dim")
        if not result.entities:
            with whole_write():
                self.console.print(heading, soft_wrap=True)
            return
        table = Table(expand=False)
        table.add_column("Type", no_wrap=True)
        table.add_column("Text", overflow="fold", max_width=30)
        table.add_column("Normalized", overflow="fold", max_width=34)
        table.add_column("Span", justify="right", no_wrap=True)
        table.add_column("Details", overflow="fold", max_width=30)
        for entity in result.entities:
            details = ", ".join(
                f"{key}={entity.fields[key]}"
                for key in DETAIL_FIELDS.get(entity.type, ())
                if entity.fields.get(key) not in (None, "")
            )
            # Text objects, not markup: entity text may hold "[" and "]".
            table.add_row(
                Text(entity.type, style=TYPE_STYLES.get(entity.type, "")),
                Text(_one_line(entity.text)),
                Text(_one_line(entity.normalized)),
                f"{entity.start}-{entity.end}",
                Text(_one_line(details)),
            )
        with whole_write():
            self.console.print(heading, soft_wrap=True)
            self.console.print(table)

    def close(self) -> None:
        pass


def _one_line(value: str) -> str:
    value = str(value)
    return terminal_safe(" ".join(value.split()) if any(c in value for c in "\r\n\t") else value)


def make_renderer(fmt: str, stream: IO[str], color: bool | None = None, types=ENTITY_TYPES, bom: bool = False):
    if fmt == "jsonl":
        return JsonlRenderer(stream)
    if fmt == "json":
        return JsonRenderer(stream)
    if fmt == "csv":
        return DelimitedRenderer(stream, ",", types, bom)
    if fmt == "tsv":
        return DelimitedRenderer(stream, "\t", types, bom)
    if fmt == "table":
        return TableRenderer(stream, color)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
