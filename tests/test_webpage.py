"""Saved web pages as input: the article text, its title, URL and publication date."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import aicity
from aicity.cli import cli

TITLE = "高雄港新碼頭啟用 航商看好貨運量"
URL = "https://news.example.tw/port/20250314-kaohsiung"

# A news page as a crawler saves it: a script and JSON-LD holding official-like
# strings, a <title> repeated as the article's <h1>, a navigation bar, a footer.
PAGE = f"""<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<title>{TITLE}</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:url" content="{URL}">
<meta property="article:published_time" content="2025-03-14T09:30:00+08:00">
<script>var teaser = "經濟部長王美花今日表示"; window.dataLayer = [];</script>
<style>body {{ font-family: serif; }}</style>
</head>
<body>
<nav><a href="/">首頁</a> | <a href="/port">港務</a></nav>
<article>
<h1>{TITLE}</h1>
<p>高雄市長陳其邁昨(13)日出席第七貨櫃中心啟用典禮,他說新碼頭總投資約新臺幣560億元,預計每年可增加300萬個標準貨櫃的吞吐量。</p>
<p>長榮海運董事長張衍義指出,新碼頭完工後,航商在高雄的轉運效率將大幅提升,公司也計劃在今年底前增派五艘新船。</p>
<p>港務公司表示,第二期工程將於2026年3月動工,由台灣港務股份有限公司負責,預算另計。</p>
</article>
<script type="application/ld+json">{{"@type": "NewsArticle", "author": "財政部長莊翠雲"}}</script>
<footer>版權所有 © 2025 港都新聞網</footer>
</body>
</html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "port.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_a_page_gives_its_article_text_title_url_and_date(page):
    result = aicity.extract_file(page)
    text = result.text
    assert text is not None and "陳其邁" in text
    # Nothing from scripts, styles, navigation or the footer.
    for noise in ("王美花", "莊翠雲", "dataLayer", "font-family", "首頁", "版權所有"):
        assert noise not in text
    officials = {e.normalized for e in result.entities if e.type == "official"}
    assert officials == {"陳其邁", "張衍義"}
    # The <title> is a field, and the text holds the headline at most once.
    assert result.title == TITLE and text.count(TITLE) <= 1
    assert result.url == URL
    assert (result.ref_date, result.ref_date_source) == ("2025-03-14", "metadata")
    # Relative dates are anchored on the page's date: 昨(13)日 is 2025-03-13.
    assert "2025-03-13" in {e.normalized for e in result.entities if e.type == "date"}
    assert result.characters == len(text)
    assert result.entities
    for entity in result.entities:
        assert entity.text == text[entity.start:entity.end]


def test_a_given_ref_date_wins_over_the_pages_date(page):
    result = aicity.extract_file(page, ref_date="2025-01-02")
    assert (result.ref_date, result.ref_date_source) == ("2025-01-02", "given")


def test_jsonl_document_carries_the_page_fields_and_text(page, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("高雄市長陳其邁出席典禮。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(page), str(plain), "-f", "jsonl", "--ref-date", "2025-01-02"])
    assert result.exit_code == 0, result.output
    html_doc, text_doc = (json.loads(line) for line in result.stdout.splitlines())
    assert list(html_doc) == ["path", "ref_date", "ref_date_source", "title", "url", "entities", "text"]
    assert html_doc["ref_date_source"] == "given" and html_doc["title"] == TITLE
    for entity in html_doc["entities"]:
        assert html_doc["text"][entity["start"]:entity["end"]] == entity["text"]
    # A plain text file's object has no page fields and no text.
    assert list(text_doc) == ["path", "ref_date", "ref_date_source", "entities"]


def test_a_fragment_without_an_article_still_gives_its_text(tmp_path):
    fragment = tmp_path / "snippet.htm"
    fragment.write_text("<p>台積電董事長魏哲家</p><script>x = '市長陳其邁'</script>", encoding="utf-8")
    result = aicity.extract_file(fragment, ref_date="2025-01-02")
    assert result.text == "台積電董事長魏哲家"
    assert result.ref_date_source == "given" and result.title is None and result.url is None
    assert {e.normalized for e in result.entities if e.type == "official"} == {"魏哲家"}


def test_show_highlights_the_article_text(page):
    result = CliRunner().invoke(cli, ["show", str(page), "--no-color", "--types", "official"])
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.output and "王美花" not in result.output
    assert "市長陳其邁" in result.output


def test_html_libraries_load_only_when_a_page_is_read(tmp_path, page):
    plain = tmp_path / "plain.txt"
    plain.write_text("高雄市長陳其邁出席典禮。", encoding="utf-8")
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from aicity.cli import cli\n"
        "heavy = ('trafilatura', 'htmldate', 'lxml')\n"
        "CliRunner().invoke(cli, ['--help'])\n"
        f"assert CliRunner().invoke(cli, ['extract', {str(plain)!r}, '-f', 'jsonl']).exit_code == 0\n"
        "assert not [m for m in heavy if m in sys.modules], [m for m in heavy if m in sys.modules]\n"
        f"assert CliRunner().invoke(cli, ['extract', {str(page)!r}, '-f', 'jsonl']).exit_code == 0\n"
        "assert 'trafilatura' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_short_article_is_read_without_the_menus(tmp_path):
    # A news brief of two sentences: shorter than trafilatura's default minimum (250 characters).
    brief = tmp_path / "brief.html"
    brief.write_text(
        "<html><head><title>新竹縣舉辦科技論壇</title></head><body>"
        "<nav><a href='/'>首頁</a> <a href='/tech'>科技版</a> <a href='/login'>會員登入</a></nav>"
        "<article><h1>新竹縣舉辦科技論壇</h1><p>新竹縣長楊文科昨日出席半導體論壇並致詞,現場約有三百人參加。</p>"
        "<p>論壇由縣府與在地廠商合辦,下一屆將移師竹北舉行。</p></article></body></html>",
        encoding="utf-8")
    result = aicity.extract_file(brief, ref_date="2025-01-02")
    assert "楊文科" in result.text
    assert not any(word in result.text for word in ("首頁", "科技版", "會員登入"))


def test_html_on_standard_input_is_read_as_a_page_and_text_as_text():
    page = CliRunner().invoke(cli, ["extract", "-", "-f", "jsonl"], input=PAGE)
    assert page.exit_code == 0, page.output
    document = json.loads(page.stdout)
    assert (document["title"], document["ref_date_source"]) == (TITLE, "metadata")
    assert "王美花" not in document["text"]
    # Text that merely mentions a tag stays text.
    plain = CliRunner().invoke(cli, ["extract", "-", "-f", "jsonl", "--ref-date", "2025-01-02"],
                               input="網頁以<html>標籤開頭,市長陳其邁說明。")
    assert list(json.loads(plain.stdout)) == ["path", "ref_date", "ref_date_source", "entities"]
