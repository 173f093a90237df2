"""``aicity show``: one document with every entity highlighted in place."""
from __future__ import annotations

import sys

import click

from ..cli import (CONTEXT_SETTINGS, make_options, open_output, read_one_input, ref_date_option,
                   refuse_output_over_input, types_option)
from . import some_input_options


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("path", metavar="FILE|-")
@types_option
@ref_date_option
@click.option("--format", "-f", "fmt", type=click.Choice(["terminal", "html"]), default="terminal",
              show_default=True,
              help="terminal: the text coloured by type, a legend and a summary; "
                   "html: a standalone web page (inline CSS, no external files).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), metavar="FILE",
              help="Write to FILE instead of stdout (e.g. -f html -o page.html).")
@click.option("--color/--no-color", default=None,
              help="Colours in the terminal view. Default: on when writing to a terminal.")
@some_input_options("dict_files", "encoding", "max_size")
def show(path, types, ref_date, fmt, output, color, dict_files, encoding, max_size):
    """Print a document with its entities highlighted, one colour per type.

    Below the text come a legend and each type's distinct values with their
    mention counts. Entities inside others (the city 桃園 in the official
    桃園市長張善政) are shown nested; no text is dropped or repeated.

    With -f html the page marks each entity as
    <mark class="ent ent-TYPE" data-type="TYPE" data-normalized="VALUE"
    title="TYPE: VALUE">, so hovering shows the type and normalized value.

    \b
    Examples:
      aicity show seeds/002_3244aa1531057470.txt
      aicity show seeds/000_54bfc9fa5cc0f4e0.txt -f html -o page.html
      cat page.txt | aicity show - --types date,money
    """
    from ..runner import extract_text

    options = make_options(types, ref_date, encoding, dict_files, max_size)
    refuse_output_over_input(output, [path])
    text, used_encoding = read_one_input(path, encoding, max_size)
    result = extract_text(path, text, options, used_encoding)
    if result.text is not None:  # a web page: the offsets refer to its article text
        text = result.text

    stream = open_output(output) if output else sys.stdout
    try:
        if fmt == "html":
            from ..html_view import render_html

            stream.write(render_html(result, text, types))
        else:
            print_terminal(result, text, types, stream, color)
    finally:
        if output:
            stream.close()
        else:
            stream.flush()


def print_terminal(result, text: str, types, stream, color: bool | None = None) -> None:
    """The text with rich styles per type, then a legend and a compact summary.

    Without colours (piped, NO_COLOR, --no-color) each entity is written inline
    as ``[text](type)``, so the output still says what was found where.
    """
    from rich.table import Table
    from rich.text import Text

    from ..html_view import digest
    from ..output import TYPE_STYLES, terminal_console, terminal_safe

    console = terminal_console(stream, color, emoji=False)
    coloured = console.color_system is not None and not console.no_color
    console.rule(Text(terminal_safe(f"{result.path}  (ref_date {result.ref_date}, {len(result.entities)} entities)")),
                 align="left", characters="─")
    safe = terminal_safe(text)  # one character for one, so the entities' offsets still hold
    console.print(styled_text(safe, result.entities) if coloured else labelled_text(safe, result.entities),
                  soft_wrap=True)
    console.rule(characters="─")

    counts = {t: 0 for t in types}
    for entity in result.entities:
        counts[entity.type] = counts.get(entity.type, 0) + 1
    legend = Text("Legend:" if coloured else "Entities:")
    for entity_type, count in counts.items():
        legend.append(("   ■ " if coloured else "   ") + entity_type, style=TYPE_STYLES.get(entity_type, "bold"))
        legend.append(f" {count}")
    console.print(legend, soft_wrap=True)

    summary = Table.grid(padding=(0, 2))
    summary.add_column(no_wrap=True)
    summary.add_column(overflow="fold")
    for entity_type, values in digest(result.entities).items():
        shown = " · ".join(f"{value} ×{mentions}" if mentions > 1 else value
                           for value, mentions, _ in values)
        summary.add_row(Text(entity_type, style=TYPE_STYLES.get(entity_type, "bold")), Text(terminal_safe(shown)))
    if summary.row_count:
        console.print(summary)
    else:
        console.print("No entities found.")


def styled_text(text: str, entities):
    """``text`` as a rich Text with a style per entity type; containers are also underlined."""
    from rich.text import Span, Text

    from ..output import TYPE_STYLES

    holding = containers(entities)
    # Longest spans first, so a nested entity's colour shows over its container's.
    spans = [
        Span(entity.start, entity.end,
             TYPE_STYLES.get(entity.type, "bold") + (" underline" if index in holding else ""))
        for index, entity in sorted(enumerate(entities), key=lambda ie: (ie[1].start - ie[1].end, ie[1].start))
    ]
    return Text(text, spans=spans)


def containers(entities) -> set[int]:
    """Indexes of the entities that contain another entity, in O(n log n).

    Sorted by (start, longest first), an entity contains another exactly when
    some entity after it ends no later than it does: everything after it starts
    at or after its start, and whatever starts at or after its end ends past it.
    """
    spans = [(entity.start, entity.end) for entity in entities]
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    holding: set[int] = set()
    earliest_end_after = None  # the smallest end among the entities after this one in `order`
    for position in range(len(order) - 1, -1, -1):
        index = order[position]
        start, end = spans[index]
        if earliest_end_after is not None and earliest_end_after <= end:
            holding.add(index)
        earliest_end_after = end if earliest_end_after is None else min(earliest_end_after, end)
    # Two entities on the same span (of different types) hold each other.
    seen: dict[tuple[int, int], int] = {}
    for index, span in enumerate(spans):
        if span in seen:
            holding.update((index, seen[span]))
        seen.setdefault(span, index)
    return holding


def labelled_text(text: str, entities) -> str:
    """``text`` with every entity written ``[text](type)``, nested where entities nest."""
    from ..html_view import Close, Open, nest

    out: list[str] = []
    for event in nest(text, entities):
        if isinstance(event, Open):
            out.append("[")
        elif isinstance(event, Close):
            out.append(f"]({event.entity.type})")
        else:
            out.append(event.text)
    return "".join(out)
