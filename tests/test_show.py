"""`aicity show`: the highlighted document, in the terminal and as an HTML page."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from aicity.cli import cli
from aicity.commands.show import containers, labelled_text, styled_text
from aicity.html_view import Close, Open, Text, highlighted_html, nest, render_html
from aicity.model import ENTITY_TYPES, DocumentResult, Entity

from conftest import colour_codes, run_on_a_terminal

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_000 = SEEDS / "000_54bfc9fa5cc0f4e0.txt"
SEED_002 = SEEDS / "002_3244aa1531057470.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def span(source: str, type_: str, start: int, end: int, normalized: str) -> Entity:
    return Entity(type_, source[start:end], start, end, normalized, {}, f"{type_}.test")


# ---------------------------------------------------------------- reading a page back

class PageReader(HTMLParser):
    """The text of ``<div id="doc">`` and every ``<mark class="ent">`` in it, with offsets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.marks: list[dict] = []
        self.open_marks: list[dict] = []
        self.depth = 0  # elements open inside the doc div (0: outside it)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            if tag == "mark" and "ent" in (attrs.get("class") or "").split():
                mark = {"type": attrs.get("data-type"), "normalized": attrs.get("data-normalized"),
                        "title": attrs.get("title"), "class": attrs.get("class"),
                        "part": int(attrs.get("data-part", 1)), "start": len(self.text),
                        "parent": self.open_marks[-1]["type"] if self.open_marks else None}
                self.marks.append(mark)
                self.open_marks.append(mark)
        elif tag == "div" and attrs.get("id") == "doc":
            self.depth = 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if tag == "mark" and self.open_marks:
            mark = self.open_marks.pop()
            mark["end"] = len(self.text)
            mark["text"] = self.text[mark["start"]:mark["end"]]

    def handle_data(self, data):
        if self.depth:
            self.text += data


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader


def merged_spans(marks: list[dict]) -> set[tuple[str, str, int, int]]:
    """(type, normalized, start, end) per entity, joining the parts of split entities."""
    spans: list[list] = []
    for mark in sorted(marks, key=lambda m: m["start"]):
        if mark["part"] > 1:
            previous = next(s for s in reversed(spans)
                            if s[0] == mark["type"] and s[1] == mark["normalized"] and s[3] == mark["start"])
            previous[3] = mark["end"]
        else:
            spans.append([mark["type"], mark["normalized"], mark["start"], mark["end"]])
    return {tuple(s) for s in spans}


def assert_page_matches(page: str, text: str, entities: list[dict]) -> PageReader:
    """The page shows the whole text once and one mark (or parts) per entity, with its value."""
    reader = read_page(page)
    assert reader.text == text
    assert merged_spans(reader.marks) == {(e["type"], e["normalized"], e["start"], e["end"]) for e in entities}
    for mark in reader.marks:
        assert mark["class"] == f"ent ent-{mark['type']}"
        assert mark["title"] == f"{mark['type']}: {mark['normalized']}"
    return reader


# ---------------------------------------------------------------- nest()

def events(text, entities):
    out = []
    for event in nest(text, entities):
        if isinstance(event, Text):
            out.append(event.text)
        elif isinstance(event, Open):
            out.append(f"<{event.entity.type}{event.part}>")
        else:
            out.append(f"</{event.entity.type}>")
    return "".join(out)


def test_nested_entity():
    text = "桃園市長張善政說"
    official = span(text, "official", 0, 7, "張善政")
    city = span(text, "city", 0, 2, "桃園市")
    assert events(text, [city, official]) == "<official1><city1>桃園</city>市長張善政</official>說"


def test_crossing_entities_are_split_not_dropped_or_repeated():
    text = "abcdefg"
    first = span(text, "company", 0, 4, "abcd")
    second = span(text, "city", 2, 6, "cdef")
    assert events(text, [second, first]) == "<company1>ab<city1>cd</city></company><city2>ef</city>g"


def test_same_span_and_adjacent_entities():
    text = "台北台積電"
    assert events(text, [span(text, "company", 0, 2, "x"), span(text, "city", 0, 2, "臺北市"),
                         span(text, "company", 2, 5, "台積電")]) == \
        "<company1><city1>台北</city></company><company1>台積電</company>"


def test_no_entities_and_out_of_range_spans():
    assert events("abc", []) == "abc"
    assert events("", []) == ""
    assert events("abc", [Entity("city", "", 2, 2, "x"), Entity("city", "zz", 2, 9, "y")]) == "abc"


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_nest_keeps_every_character_once_and_every_entity_whole(data):
    text = data.draw(st.text(alphabet="ab市長<&\n", min_size=0, max_size=30))
    raw = data.draw(st.lists(st.tuples(st.sampled_from(ENTITY_TYPES), st.integers(0, len(text)),
                                       st.integers(0, len(text))), max_size=8))
    # within one type spans never overlap (the pipeline's rule); across types they may
    entities: list[Entity] = []
    for type_, a, b in raw:
        start, end = sorted((a, b))
        if start < end and not any(e.type == type_ and start < e.end and e.start < end for e in entities):
            entities.append(span(text, type_, start, end, f"{type_}{start}"))
    stack, covered, position = [], {e: [] for e in entities}, 0
    for event in nest(text, entities):
        if isinstance(event, Open):
            stack.append(event.entity)
        elif isinstance(event, Close):
            assert stack.pop() is event.entity  # properly nested
        else:
            assert event.text
            for entity in stack:
                covered[entity].extend(range(position, position + len(event.text)))
            position += len(event.text)
    assert not stack and position == len(text)
    for entity in entities:
        assert covered[entity] == list(range(entity.start, entity.end))
    page = "<div id=\"doc\">" + highlighted_html(text, entities) + "</div>"
    assert_page_matches(page, text, [{"type": e.type, "normalized": e.normalized, "start": e.start,
                                      "end": e.end} for e in entities])


def test_html_escapes_text_and_attributes():
    text = '<b>"A&B"</b>'
    entity = span(text, "company", 4, 7, 'A&B "Co" <x>')
    out = highlighted_html(text, [entity])
    assert out == ('&lt;b&gt;"<mark class="ent ent-company" data-type="company" '
                   'data-normalized="A&amp;B &quot;Co&quot; &lt;x&gt;" '
                   'title="company: A&amp;B &quot;Co&quot; &lt;x&gt;">A&amp;B</mark>"&lt;/b&gt;')


def test_page_is_standalone():
    text = "桃園市長張善政\n說<明>"
    result = DocumentResult("x.txt", "2025-02-17", (span(text, "official", 0, 7, "張善政"),
                                                    span(text, "city", 0, 2, "桃園市")))
    page = render_html(result, text)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page and "<style>" in page
    for external in ("<script", "<link", " src=", "@import", "url("):
        assert external not in page
    reader = assert_page_matches(page, text, [e.to_dict() for e in result.entities])
    city = next(m for m in reader.marks if m["type"] == "city")
    assert city["parent"] == "official" and city["text"] == "桃園"
    assert '<span class="swatch ent-money">money</span> 0' in page  # legend, zero counts too
    assert "<td>張善政</td>" in page  # the summary table


# ---------------------------------------------------------------- the CLI

def invoke(*args, input=None):
    return CliRunner().invoke(cli, ["show", *args], input=input)


def extracted(path: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", str(path), "-f", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["entities"]


LABEL = re.compile(r"\]\((?:official|company|city|date|money)\)")


def test_show_piped_labels_every_entity_in_the_text_and_counts_them(tmp_path, monkeypatch):
    # A short relative path, so the heading fits the 80 columns wherever the checkout is.
    (tmp_path / "page.txt").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("page.txt", "--types", "date,money")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not ANSI.search(out)  # not a terminal: no colour codes
    text = SEED_000.read_text(encoding="utf-8")
    assert "[" not in text and "]" not in text  # so the labels can be taken out again below
    lines = out.splitlines()
    rule = max(i for i, line in enumerate(lines) if line and set(line) == {"─"})
    body = "\n".join(lines[1:rule])
    assert LABEL.sub("", body).replace("[", "").rstrip("\n") == text.rstrip("\n")
    labelled = re.findall(r"\[([^\[\]]+)\]\((date|money)\)", body)
    entities = extracted(SEED_000, "--types", "date,money")
    assert sorted(labelled) == sorted((e["text"], e["type"]) for e in entities)
    assert ("超過1090億歐元", "money") in labelled and ("2/17/2025", "date") in labelled
    assert out.splitlines()[0].startswith("page.txt  (ref_date 2025-02-17,")
    counts = {t: sum(e["type"] == t for e in entities) for t in ("date", "money")}
    assert f"Entities:   date {counts['date']}   money {counts['money']}" in out
    assert "■" not in out  # a colour swatch means nothing without colour
    summary = out.split("Entities:")[1]
    assert re.search(r"^date  ", summary, re.M) and re.search(r"^money  ", summary, re.M)
    assert "2025-02-17" in summary and "109000000000 EUR" in summary


def test_show_piped_nests_labels_like_the_entities():
    text = "桃園市長張善政出席"
    entities = [span(text, "city", 0, 2, "桃園市"), span(text, "official", 0, 7, "張善政")]
    assert labelled_text(text, entities) == "[[桃園](city)市長張善政](official)出席"
    # Crossing spans: the later one is split where the earlier one ends, as in the HTML view.
    crossing = [span(text, "city", 0, 3, "桃園市"), span(text, "official", 2, 7, "張善政")]
    assert labelled_text(text, crossing) == "[桃園[市](official)](city)[長張善政](official)出席"


def test_show_with_colours_keeps_the_text_and_the_swatch_legend():
    result = invoke(str(SEED_000), "--types", "date,money", "--color")
    out = ANSI.sub("", result.stdout)
    assert SEED_000.read_text(encoding="utf-8").rstrip("\n") in out
    assert re.search(r"Legend: +■ date \d+ +■ money \d+", out)


def test_show_on_a_terminal_honours_no_color(aicity_bin, subprocess_env):
    args = [aicity_bin, "show", str(SEED_000), "--types", "date"]
    env = {k: v for k, v in subprocess_env.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    assert 33 in colour_codes(run_on_a_terminal(args, env))  # date: bold yellow
    plain = run_on_a_terminal(args, {**env, "NO_COLOR": "1"})
    assert colour_codes(plain) == set()
    assert "[2/17/2025](date)".encode() in plain  # without colour, labels say what is what
    forced = run_on_a_terminal([*args, "--color"], {**env, "NO_COLOR": "1"})
    assert 33 in colour_codes(forced)


class CountingEntity:
    """An entity whose span reads are counted, to see how often the layout looks at each."""

    reads = 0

    def __init__(self, entity: Entity):
        self._entity = entity

    def __getattr__(self, name):
        if name in ("start", "end"):
            CountingEntity.reads += 1
        return getattr(self._entity, name)


def span_reads(count: int) -> int:
    text = "張市長" * count
    entities = []
    for i in range(count):  # a container over every third one, so both branches are taken
        entities.append(span(text, "official", 3 * i, 3 * i + 3, "張三"))
        if i % 3 == 0:
            entities.append(span(text, "city", 3 * i, 3 * i + 1, "X"))
    CountingEntity.reads = 0
    styled_text(text, [CountingEntity(e) for e in entities])
    return CountingEntity.reads


def test_show_terminal_layout_reads_each_span_a_bounded_number_of_times():
    """Linear, not quadratic: checking containment against every other entity made 1 MB take 13 s.

    (benchmarks/show_speed.py times it.)"""
    small, large = span_reads(300), span_reads(3000)
    assert large <= 10.5 * small
    assert large < 20 * 4000


def test_containers_match_a_pairwise_check():
    text = "x" * 40
    import random

    rng = random.Random(7)
    for _ in range(200):
        entities = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 38)
            entities.append(span(text, rng.choice(ENTITY_TYPES), start, rng.randint(start + 1, 40), "v"))
        pairwise = {i for i, e in enumerate(entities)
                    if any(j != i and e.start <= o.start and o.end <= e.end for j, o in enumerate(entities))}
        assert containers(entities) == pairwise


def test_show_terminal_colours_entities_with_the_type_styles():
    result = invoke(str(SEED_000), "--types", "date", "--color")
    assert result.exit_code == 0, result.output
    # TYPE_STYLES["date"] is bold yellow: ESC[1;33m
    assert "\x1b[1;33m2/17/2025\x1b[0m" in result.stdout


def test_show_html_to_a_file(tmp_path):
    page_path = tmp_path / "page.html"
    result = invoke(str(SEED_000), "--types", "date,money", "-f", "html", "-o", str(page_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    page = page_path.read_text(encoding="utf-8")
    text = SEED_000.read_text(encoding="utf-8")
    reader = assert_page_matches(page, text, extracted(SEED_000, "--types", "date,money"))
    values = {(m["type"], m["normalized"], m["text"]) for m in reader.marks}
    assert ("date", "2025-02-17", "2/17/2025") in values
    assert any(t == "money" and v == "109000000000 EUR" and "1090億歐元" in s for t, v, s in values)
    assert "\n" in reader.text and reader.text.count("\n") == text.count("\n")


def test_show_html_all_types_nests_the_city_in_the_official():
    result = invoke(str(SEED_000), "-f", "html")
    assert result.exit_code == 0, result.output
    text = SEED_000.read_text(encoding="utf-8")
    reader = assert_page_matches(result.stdout, text, extracted(SEED_000))
    officials = [m for m in reader.marks if m["type"] == "official" and m["normalized"] == "張善政"]
    assert any("張善政" in m["text"] for m in officials)
    at = text.index("桃園市長張善政")
    city = next(m for m in reader.marks if m["type"] == "city" and m["start"] == at)
    assert city["normalized"] == "桃園市" and city["text"] in ("桃園", "桃園市")
    official = next(m for m in officials if m["start"] <= at + 4 < m["end"])
    if official["start"] <= at:  # the official's span includes 桃園: the city is drawn inside it
        assert city["parent"] == "official"
    # otherwise the spans cross (桃園[市]長張善政), and assert_page_matches has
    # checked that the parts add up to each entity exactly


def test_show_reads_stdin_with_a_ref_date():
    text = "今年2/17/2025,總統宣布投資1090億歐元。"
    result = invoke("-", "--types", "date,money", "--ref-date", "2025-02-17", "-f", "html", input=text)
    assert result.exit_code == 0, result.output
    reader = read_page(result.stdout)
    assert reader.text == text
    assert ("date", "2025-02-17") in {(m["type"], m["normalized"]) for m in reader.marks}
    assert "<title>- · aicity</title>" in result.stdout


def test_show_errors(tmp_path):
    missing = invoke(str(tmp_path / "missing.txt"))
    assert missing.exit_code == 1
    assert "missing.txt: no such file or folder" in missing.stderr
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    bad = invoke(str(binary), "--types", "date")
    assert bad.exit_code == 1 and "binary.txt: cannot decode" in bad.stderr and "--encoding" in bad.stderr
    folder = invoke(str(tmp_path))
    assert folder.exit_code == 1 and "is a folder" in folder.stderr
    unwritable = invoke(str(SEED_000), "--types", "money", "-f", "html", "-o", str(tmp_path / "no" / "x.html"))
    assert unwritable.exit_code == 1 and "cannot write" in unwritable.stderr and "x.html" in unwritable.stderr
    assert invoke(str(SEED_000), "-f", "pdf").exit_code == 2
    assert invoke(str(SEED_000), "--types", "people").exit_code == 2
    assert invoke().exit_code == 2


def test_show_help_has_no_glob_option():
    result = invoke("--help")
    assert result.exit_code == 0
    for option in ("--types", "--ref-date", "--dict", "--encoding", "--format", "--output"):
        assert option in result.output
    assert "--glob" not in result.output
