"""The `aicity show -f html` page as a real browser sees it (headless Chromium).

Chromium parses the page and dumps its DOM; the DOM is read back and checked:
the document's text is all there exactly once, each entity is a highlighted
mark with its type and normalized value, and overlapping entities nest.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicity.cli import cli
from aicity.html_view import render_html
from aicity.model import DocumentResult, Entity
from test_show import assert_page_matches, read_page

CHROMIUM = "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (/usr/bin/chromium); apt-get install -y chromium to run the browser tests",
)
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_000 = SEEDS / "000_54bfc9fa5cc0f4e0.txt"


def chromium(tmp_path: Path, page: Path, *mode: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         f"--user-data-dir={profile}", *mode, page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )


def dump_dom(tmp_path: Path, page: Path) -> str:
    run = chromium(tmp_path, page, "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "<mark" in run.stdout, run.stderr[-2000:]
    return run.stdout


def test_seed_page_in_the_browser(tmp_path):
    page = tmp_path / "000.html"
    result = CliRunner().invoke(cli, ["show", str(SEED_000), "-f", "html", "-o", str(page)])
    assert result.exit_code == 0, result.output
    extracted = CliRunner().invoke(cli, ["extract", str(SEED_000), "-f", "jsonl"])
    entities = json.loads(extracted.stdout)["entities"]
    text = SEED_000.read_text(encoding="utf-8")

    reader = assert_page_matches(dump_dom(tmp_path, page), text, entities)
    seen = {(m["type"], m["normalized"], m["text"]) for m in reader.marks}
    assert ("date", "2025-02-17", "2/17/2025") in seen
    assert any(t == "money" and v == "109000000000 EUR" and "1090億歐元" in s for t, v, s in seen)
    assert any(t == "official" and v == "張善政" for t, v, _ in seen)
    assert any(t == "city" and v == "臺北市" for t, v, _ in seen)
    at = text.index("桃園市長張善政")
    city = next(m for m in reader.marks if m["type"] == "city" and m["start"] == at)
    assert city["normalized"] == "桃園市" and city["text"] in ("桃園", "桃園市")


def test_overlaps_nest_in_the_browser(tmp_path):
    text = "<桃園市長張善政> & 台積電\n第二行ABCDEF"
    at = text.index("桃園")
    cross = text.index("ABCDEF")

    def span(type_, start, end, normalized):
        return Entity(type_, text[start:end], start, end, normalized, {}, f"{type_}.test")

    entities = (
        span("official", at, at + 7, "張善政"),
        span("city", at, at + 2, "桃園市"),
        span("company", text.index("台積電"), text.index("台積電") + 3, "台積電"),
        span("company", cross, cross + 4, "ABCD"),   # crosses the next one:
        span("city", cross + 2, cross + 6, "CDEF"),  # drawn as two parts
    )
    page = tmp_path / "overlap.html"
    page.write_text(render_html(DocumentResult("overlap.txt", "2025-01-01", entities), text), encoding="utf-8")

    reader = assert_page_matches(dump_dom(tmp_path, page), text, [e.to_dict() for e in entities])
    marks = {(m["type"], m["text"], m["part"]): m for m in reader.marks}
    assert marks[("city", "桃園", 1)]["parent"] == "official"
    assert marks[("official", "桃園市長張善政", 1)]["parent"] is None
    assert marks[("city", "CD", 1)]["parent"] == "company"
    assert marks[("city", "EF", 2)]["parent"] is None
    assert reader.text.count("\n") == 1 and "<桃園市長張善政> & " in reader.text


def test_page_renders_to_a_screenshot(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(SEED_000), "-f", "html", "--types", "date,money"])
    page = tmp_path / "page.html"
    page.write_text(result.stdout, encoding="utf-8")
    shot = tmp_path / "page.png"
    run = chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1000,800", "--hide-scrollbars")
    assert run.returncode == 0, run.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert read_page(result.stdout).text == text
