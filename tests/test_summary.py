"""`aicity summary`: corpus-level rankings, money totals, timeline and co-occurrence."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicity.cli import cli
from aicity.commands.summary import CorpusSummary
from aicity.model import DocumentResult, Entity

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_000 = SEEDS / "000_54bfc9fa5cc0f4e0.txt"


def ent(type_: str, text: str, normalized: str | None = None, **fields) -> Entity:
    return Entity(type_, text, 0, len(text), normalized or text, fields, f"{type_}.test")


def doc(path: str, *entities: Entity) -> DocumentResult:
    return DocumentResult(path, "2025-02-17", tuple(entities))


CORPUS = [
    doc("a.txt",
        ent("official", "桃園市長張善政", "張善政", title="市長", org="桃園市政府"),
        ent("official", "張市長", "張善政", title="市長"),
        ent("company", "台積電", "台積電", stock_code="2330"),
        ent("company", "TSMC", "台積電"),
        ent("city", "桃園", "桃園市"),
        ent("money", "0.1元", "0.1 TWD", amount="0.1", currency="TWD"),
        ent("money", "1090億歐元", "109000000000 EUR", amount="109000000000", currency="EUR"),
        ent("date", "2/17/2025", "2025-02-17", grain="day"),
        ent("date", "2025年", "2025", grain="year"),
        ent("date", "2/26至3/2", "2025-02-26/2025-03-02"),
        ent("date", "2026/3/4 20:19", "2026-03-04T20:19", grain="datetime")),
    doc("b.txt",
        ent("official", "市長張善政", "張善政", title="市長"),
        ent("official", "董事長魏哲家", "魏哲家", title="董事長", org="台積電"),
        ent("company", "台灣積體電路", "台積電"),
        ent("city", "台北", "臺北市"),
        ent("money", "0.2元", "0.2 TWD", amount="0.2", currency="TWD"),
        ent("money", "5億", "500000000 TWD"),  # no amount field: read from normalized
        ent("date", "2025年2月", "2025-02", grain="month")),
    doc("c.txt", ent("city", "台北", "臺北市")),
]


def test_corpus_summary_aggregates():
    corpus = CorpusSummary()
    for result in CORPUS:
        corpus.add(result)
    data = corpus.to_dict(top=10)
    assert data["documents"] == 3
    assert data["officials"] == [
        {"name": "張善政", "key": "张善政", "documents": 2, "mentions": 3, "spellings": ["張善政"],
         "titles": ["市長"], "orgs": ["桃園市政府"]},
        {"name": "魏哲家", "key": "魏哲家", "documents": 1, "mentions": 1, "spellings": ["魏哲家"],
         "titles": ["董事長"], "orgs": ["台積電"]},
    ]
    assert data["companies"] == [{"name": "台積電", "documents": 2, "mentions": 3,
                                  "aliases": ["TSMC", "台灣積體電路"]}]
    assert data["cities"] == [{"name": "臺北市", "documents": 2, "mentions": 2},
                              {"name": "桃園市", "documents": 1, "mentions": 1}]
    # exact decimal sums: 0.1 + 0.2 is 0.3, not 0.30000000000000004
    assert data["money"] == [{"currency": "TWD", "total": "500000000.3", "mentions": 3},
                             {"currency": "EUR", "total": "109000000000", "mentions": 1}]
    assert Decimal(data["money"][0]["total"]) == Decimal("500000000.3")
    # a day, a range (by its start) and a month count; a bare year does not
    assert data["timeline"] == [{"month": "2025-02", "mentions": 3}, {"month": "2026-03", "mentions": 1}]
    assert data["cooccurrence"] == [
        {"official": "張善政", "documents": 2,
         "companies": [{"name": "台積電", "documents": 2}],
         "cities": [{"name": "桃園市", "documents": 1}, {"name": "臺北市", "documents": 1}]},
        {"official": "魏哲家", "documents": 1,
         "companies": [{"name": "台積電", "documents": 1}],
         "cities": [{"name": "臺北市", "documents": 1}]},
    ]


def test_one_official_written_in_both_scripts_is_counted_once(tmp_path):
    # Shanghai's mayor in a Traditional and a Simplified report, and both spellings in one text.
    (tmp_path / "a.txt").write_text("上海市長龔正昨日會見台積電董事長魏哲家。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("上海市长龚正表示欢迎。龔正市長隨後離開。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["summary", str(tmp_path), "-f", "json", "--ref-date", "2025-03-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    [mayor] = [o for o in data["officials"] if o["key"] == "龚正"]
    assert mayor["documents"] == 2 and mayor["mentions"] == 3
    assert mayor["name"] == "龔正" and sorted(mayor["spellings"]) == ["龔正", "龚正"]
    assert [o["name"] for o in data["officials"]].count("龔正") == 1
    assert "龚正" not in [o["name"] for o in data["officials"]]
    together = {o["official"]: o for o in data["cooccurrence"]}
    assert together["龔正"]["companies"] == [{"name": "台積電", "documents": 1}]
    table = CliRunner().invoke(cli, ["summary", str(tmp_path), "--ref-date", "2025-03-01"])
    assert table.exit_code == 0 and "龔正 / 龚正" in table.stdout


def test_top_limits_every_ranking():
    corpus = CorpusSummary()
    for result in CORPUS:
        corpus.add(result)
    data = corpus.to_dict(top=1)
    assert [o["name"] for o in data["officials"]] == ["張善政"]
    assert [c["name"] for c in data["cities"]] == ["臺北市"]
    assert len(data["cooccurrence"]) == 1 and len(data["cooccurrence"][0]["cities"]) == 1


def test_empty_corpus():
    assert CorpusSummary().to_dict() == {"documents": 0, "officials": [], "companies": [], "cities": [],
                                         "money": [], "timeline": [], "cooccurrence": []}


# ---------------------------------------------------------------- the CLI on the seeds

def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["summary", *args], input=input)


def extracted(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["extract", *args, "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_summary_json_dates_and_money_on_the_seeds():
    result = invoke(str(SEEDS), "--types", "date,money", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 5
    assert data["officials"] == data["companies"] == data["cities"] == data["cooccurrence"] == []
    # 000 is dated 2/17/2025 and mentions 1090億歐元
    assert any(m["month"] == "2025-02" for m in data["timeline"])
    eur = {m["currency"]: m for m in data["money"]}["EUR"]
    assert Decimal(eur["total"]) >= Decimal("109000000000")
    # the totals are the exact sums of what `extract` finds
    expected: dict[str, Decimal] = {}
    for document in extracted(str(SEEDS), "--types", "money"):
        for entity in document["entities"]:
            amount, currency = entity["normalized"].split()  # "<amount> <ISO code>"
            expected[currency] = expected.get(currency, Decimal(0)) + Decimal(amount)
    assert {m["currency"]: Decimal(m["total"]) for m in data["money"]} == expected
    months = [m["month"] for m in data["timeline"]]
    assert months == sorted(months)


def test_summary_all_types_on_the_seeds():
    result = invoke(str(SEEDS), "-f", "json", "--top", "50")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    officials = {o["name"]: o for o in data["officials"]}
    assert officials["張善政"]["documents"] >= 2  # 桃園市長張善政 in 000 and 002
    assert any("市長" in title for title in officials["張善政"]["titles"])
    assert "台積電" in {c["name"] for c in data["companies"]}  # 003
    assert {"臺北市", "桃園市"} <= {c["name"] for c in data["cities"]}
    together = {o["official"]: o for o in data["cooccurrence"]}
    assert "桃園市" in {c["name"] for c in together["張善政"]["cities"]}


def test_summary_table_and_top():
    result = invoke(str(SEEDS), "--types", "date,money", "--top", "3")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("5 documents\n")
    assert "Money" in result.stdout and "EUR" in result.stdout
    assert "Timeline (date mentions per month)" in result.stdout and "2025-02" in result.stdout
    assert "Officials" not in result.stdout  # not selected


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_summary_writes_to_an_output_file(tmp_path, fmt):
    out = tmp_path / f"summary.{fmt}"
    result = invoke(str(SEEDS), "--types", "money", "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    written = out.read_text(encoding="utf-8")
    assert written == invoke(str(SEEDS), "--types", "money", "-f", fmt).stdout
    assert "EUR" in written


def test_summary_output_that_cannot_be_written_is_reported(tmp_path):
    result = invoke(str(SEEDS), "--types", "money", "-o", str(tmp_path / "no" / "such" / "summary.json"))
    assert result.exit_code == 1
    assert "cannot write" in result.output


def test_parallel_jobs_give_the_same_summary():
    one = invoke(str(SEEDS), "--types", "date,money", "-f", "json", "--jobs", "1")
    two = invoke(str(SEEDS), "--types", "date,money", "-f", "json", "--jobs", "3")
    assert one.exit_code == two.exit_code == 0
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_summary_reads_stdin_and_reports_bad_inputs(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    piped = invoke("-", "--types", "money", "-f", "json", input=text)
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.stdout)["documents"] == 1

    result = invoke(str(SEED_000), str(tmp_path / "missing.txt"), "--types", "money", "-f", "json")
    assert result.exit_code == 1
    assert "missing.txt: no such file or folder" in result.stderr
    assert json.loads(result.stdout)["documents"] == 1


@pytest.mark.parametrize("args", [["--top", "0"], ["--types", "people"], ["-f", "csv"]])
def test_summary_usage_errors(args):
    assert invoke(str(SEEDS), *args).exit_code == 2
