"""Renderers: table (rich), json, jsonl, csv, tsv. Each streams document by document.

A renderer is built with the output stream, gets ``write(result)`` per
document as it finishes, and ``close()`` at the end. Machine formats write to
the stream only; errors about inputs are the caller's business (stderr).
"""
from __future__ import annotations

import csv
import json
from typing import IO, Any

from .model import DocumentResult

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
CORE_COLUMNS = ("path", "ref_date", "type", "text", "start", "end", "normalized")


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


class JsonlRenderer:
    """One JSON object per document per line, flushed as each document finishes."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, result: DocumentResult) -> None:
        # One write call per line, so an interrupted run never leaves half a line.
        self.stream.write(_json(result.to_dict()) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class JsonRenderer:
    """One JSON array of document objects, written incrementally."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def write(self, result: DocumentResult) -> None:
        prefix = "[\n" if self.count == 0 else ",\n"
        self.stream.write(prefix + "  " + _json(result.to_dict()))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class DelimitedRenderer:
    """One row per entity; type-specific fields go in a JSON ``fields`` column."""

    def __init__(self, stream: IO[str], delimiter: str):
        self.stream = stream
        self.writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        self.writer.writerow([*CORE_COLUMNS, "rule", "fields"])

    def write(self, result: DocumentResult) -> None:
        for entity in result.entities:
            self.writer.writerow([
                result.path, result.ref_date, entity.type, entity.text, entity.start,
                entity.end, entity.normalized, entity.rule,
                _json(entity.fields) if entity.fields else "",
            ])
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


class TableRenderer:
    """A rich table per document, for people at a terminal."""

    def __init__(self, stream: IO[str], color: bool | None = None):
        from rich.console import Console

        self.console = Console(file=stream, force_terminal=color, no_color=color is False,
                               highlight=False, soft_wrap=False)

    def write(self, result: DocumentResult) -> None:
        from rich.table import Table

        table = Table(
            title=f"{result.path}  [dim](ref_date {result.ref_date}, {len(result.entities)} entities)[/]",
            title_justify="left",
            expand=False,
        )
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
            table.add_row(
                f"[{TYPE_STYLES.get(entity.type, '')}]{entity.type}[/]",
                entity.text.replace("\n", " "),
                entity.normalized,
                f"{entity.start}-{entity.end}",
                details,
            )
        self.console.print(table)

    def close(self) -> None:
        pass


def make_renderer(fmt: str, stream: IO[str], color: bool | None = None):
    if fmt == "jsonl":
        return JsonlRenderer(stream)
    if fmt == "json":
        return JsonRenderer(stream)
    if fmt == "csv":
        return DelimitedRenderer(stream, ",")
    if fmt == "tsv":
        return DelimitedRenderer(stream, "\t")
    if fmt == "table":
        return TableRenderer(stream, color)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
