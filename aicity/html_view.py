"""One document with its entities highlighted in place: the layout logic and the HTML page.

:func:`nest` turns possibly overlapping entity spans into a properly nested
sequence of open / text / close events, so every character of the text is
emitted exactly once. An entity inside another (the city 桃園 in the official
桃園市長張善政) becomes a nested mark; an entity that crosses another's end is
split into parts, each carrying the same type and value.

:func:`render_html` writes a standalone page from those events: inline CSS,
no scripts, no external assets, the text HTML-escaped, line breaks kept.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from .model import ENTITY_TYPES, DocumentResult, Entity


@dataclass(frozen=True)
class Open:
    entity: Entity
    part: int  # 1 for the entity's first mark, 2, 3 ... for the rest of a split entity


@dataclass(frozen=True)
class Close:
    entity: Entity


@dataclass(frozen=True)
class Text:
    text: str


def _outer_first(entity: Entity) -> tuple:
    type_rank = ENTITY_TYPES.index(entity.type) if entity.type in ENTITY_TYPES else len(ENTITY_TYPES)
    return (entity.start, -entity.end, type_rank)


def nest(text: str, entities: Iterable[Entity]) -> Iterator[Open | Close | Text]:
    """Events that rebuild ``text`` exactly, with every entity's span opened and closed.

    Marks are opened outermost first. When an entity ends while one opened
    after it is still open, the later one is closed with it and reopened as a
    new part right after, so the marks always nest.
    """
    spans = sorted((e for e in entities if 0 <= e.start < e.end <= len(text)), key=_outer_first)
    cuts = sorted({0, len(text), *(e.start for e in spans), *(e.end for e in spans)})
    starting: dict[int, list[Entity]] = {}
    for entity in spans:
        starting.setdefault(entity.start, []).append(entity)
    stack: list[Entity] = []
    parts: Counter[Entity] = Counter()
    for here, following in zip(cuts, cuts[1:] + [None]):
        ended = [i for i, e in enumerate(stack) if e.end <= here]
        if ended:
            lowest = ended[0]
            unwound = stack[lowest:]
            del stack[lowest:]
            for entity in reversed(unwound):
                yield Close(entity)
            for entity in unwound:  # entities that go on past here reopen as their next part
                if entity.end > here:
                    parts[entity] += 1
                    stack.append(entity)
                    yield Open(entity, parts[entity])
        for entity in starting.get(here, ()):
            parts[entity] += 1
            stack.append(entity)
            yield Open(entity, parts[entity])
        if following is not None and following > here:
            yield Text(text[here:following])


def digest(entities: Iterable[Entity]) -> dict[str, list[tuple[str, int, list[str]]]]:
    """Per type: ``(normalized, mentions, distinct texts)``, most mentioned first."""
    mentions: dict[str, Counter[str]] = {}
    forms: dict[tuple[str, str], list[str]] = {}
    for entity in entities:
        mentions.setdefault(entity.type, Counter())[entity.normalized] += 1
        seen = forms.setdefault((entity.type, entity.normalized), [])
        if entity.text not in seen:
            seen.append(entity.text)
    return {
        entity_type: [(value, count, forms[(entity_type, value)])
                      for value, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
        for entity_type, counter in sorted(mentions.items(), key=lambda kv: _type_rank(kv[0]))
    }


def _type_rank(entity_type: str) -> int:
    return ENTITY_TYPES.index(entity_type) if entity_type in ENTITY_TYPES else len(ENTITY_TYPES)


def type_colors() -> dict[str, tuple[int, int, int]]:
    """The RGB colour of each type's terminal style (:data:`aicity.output.TYPE_STYLES`)."""
    from rich.style import Style

    from .output import TYPE_STYLES

    colors = {}
    for entity_type, style in TYPE_STYLES.items():
        color = Style.parse(style).color
        colors[entity_type] = tuple(color.get_truecolor()) if color else (96, 96, 96)
    return colors


def _css(types: Sequence[str]) -> str:
    rules = []
    for entity_type, (r, g, b) in type_colors().items():
        rules.append(
            f".ent-{entity_type}{{background:rgba({r},{g},{b},.16);border-bottom:2px solid rgb({r},{g},{b})}}"
            f".ent .ent-{entity_type}{{background:rgba({r},{g},{b},.34)}}"
            f".swatch.ent-{entity_type}{{color:rgb({r},{g},{b})}}"
        )
    return """
body{font-family:system-ui,"Noto Sans CJK TC","Microsoft JhengHei","PingFang TC",sans-serif;
 max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.8;color:#222;background:#fff}
h1{font-size:1.2rem;word-break:break-all}
.meta{color:#666;font-size:.9rem}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem}
.swatch{font-weight:bold;padding:0 .3rem}
.doc{white-space:pre-wrap;border:1px solid #ddd;border-radius:4px;padding:1rem;overflow-wrap:anywhere}
mark.ent{color:inherit;padding:0 1px 3px;border-radius:2px}
mark.ent mark.ent{padding:0}
mark.ent:hover{outline:1px solid #444}
table{border-collapse:collapse;margin-top:.5rem}
th,td{text-align:left;padding:.15rem .7rem;border-bottom:1px solid #eee;vertical-align:top}
td.n{text-align:right}
""" + "\n".join(rules) + "\n"


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _open_tag(event: Open) -> str:
    entity = event.entity
    part = f' data-part="{event.part}"' if event.part > 1 else ""
    return (
        f'<mark class="ent ent-{_attr(entity.type)}" data-type="{_attr(entity.type)}" '
        f'data-normalized="{_attr(entity.normalized)}" title="{_attr(f"{entity.type}: {entity.normalized}")}"'
        f'{part}>'
    )


def highlighted_html(text: str, entities: Iterable[Entity]) -> str:
    """The text, HTML-escaped, with one ``<mark class="ent ...">`` per entity (or entity part)."""
    out = []
    for event in nest(text, entities):
        if isinstance(event, Text):
            out.append(html.escape(event.text, quote=False))
        elif isinstance(event, Open):
            out.append(_open_tag(event))
        else:
            out.append("</mark>")
    return "".join(out)


def render_html(result: DocumentResult, text: str, types: Sequence[str] = ENTITY_TYPES) -> str:
    """A standalone HTML page: header, legend, highlighted text and an entity summary."""
    counts = Counter(e.type for e in result.entities)
    legend = "".join(
        f'<li><span class="swatch ent-{t}">{t}</span> {counts.get(t, 0)}</li>' for t in types
    )
    rows = []
    for entity_type, values in digest(result.entities).items():
        for value, mentions, texts in values:
            shown = " · ".join(html.escape(t) for t in texts if t != value)
            rows.append(
                f'<tr><td><span class="swatch ent-{entity_type}">{entity_type}</span></td>'
                f"<td>{html.escape(value)}</td><td class=\"n\">{mentions}</td><td>{shown}</td></tr>"
            )
    summary = (
        "<table><thead><tr><th>type</th><th>normalized</th><th>mentions</th><th>as written</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>" if rows else "<p>No entities found.</p>"
    )
    title = html.escape(result.path)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<meta name=\"generator\" content=\"aicity show\"><title>{title} · aicity</title>"
        f"<style>{_css(types)}</style></head>\n<body>\n"
        f"<header><h1>{title}</h1>"
        f'<p class="meta">ref_date {html.escape(str(result.ref_date))} · '
        f"{len(result.entities)} entities · hover a highlight for its type and normalized value</p>"
        f'<ul class="legend">{legend}</ul></header>\n'
        f'<main><div class="doc" id="doc">{highlighted_html(text, result.entities)}</div></main>\n'
        f'<section class="summary"><h2>Entities</h2>{summary}</section>\n'
        "</body></html>\n"
    )
