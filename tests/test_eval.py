"""`aicity eval` and aicity.evaluation: the reference scorer's semantics, reimplemented."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicity.cli import cli
from aicity.evaluation import GoldError, canon, load_gold, load_records, score

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "aicity" / "resources" / "examples" / "seeds.gold.jsonl"
SHARED = ROOT.parent / "shared"
REFERENCE_SCORER = SHARED / "eval" / "score.py"
needs_reference = pytest.mark.skipif(not REFERENCE_SCORER.exists(),
                                     reason="the reference scorer ../shared/eval/score.py is not here")
ROWS = ("official", "company", "city", "date", "money", "all")


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def pred(doc: str, *entities: tuple[str, str]) -> dict:
    return {"path": f"some/folder/{doc}", "ref_date": "2025-02-17",
            "entities": [{"type": t, "text": v, "start": 0, "end": 1, "normalized": v} for t, v in entities]}


def gold(doc: str, *entities: tuple[str, list[str]]) -> dict:
    return {"doc": doc, "ref_date": "2025-02-17",
            "entities": [{"type": t, "normalized": v, "evidence": v[0]} for t, v in entities]}


# A hand-made pair with known figures:
#   a.txt  official tp; company tp (NVIDIA is an alternative) + fp 台積電;
#          city tp through 台 = 臺; date fp; money tp through decimal canon
#   b.txt  predicted nothing for it -> its two entities are missed
#   c.txt  not in gold -> ignored
GOLD_DOCS = [
    gold("a.txt", ("official", ["張善政"]), ("company", ["輝達", "NVIDIA"]), ("city", ["臺北市"]),
         ("money", ["109000000000 EUR"])),
    gold("b.txt", ("city", ["高雄市"]), ("date", ["2025-02-17"])),
]
PRED_DOCS = [
    pred("a.txt", ("official", "張善政"), ("company", "NVIDIA"), ("company", "台積電"),
         ("company", "nvidia"), ("city", "台北市"), ("city", "台北市"), ("date", "2025"),
         ("money", "1.09E+11 eur")),
    pred("c.txt", ("city", "臺中市")),
]
# per type: tp, fn, fp
KNOWN = {"official": (1, 0, 0), "company": (1, 0, 1), "city": (1, 1, 0), "date": (0, 1, 1),
         "money": (1, 0, 0), "all": (4, 2, 2)}


@pytest.mark.parametrize("kind, value, expected", [
    ("city", "台北市", "臺北市"),
    ("city", " 臺北市 ", "臺北市"),
    ("company", "ＮＶＩＤＩＡ", "nvidia"),          # NFKC, then casefold
    ("company", "Matt  Mahan", "mattmahan"),
    ("official", "Matt Mahan", "mattmahan"),
    ("city", "San  Jose", "San Jose"),               # spaces collapse but stay outside company/official
    ("money", "1,090.00 eur", "1090 EUR"),
    ("money", "1.09E+11 EUR", "109000000000 EUR"),
    ("money", "１.５ TWD", "1.5 TWD"),
    ("money", {"amount": "8529e4", "currency": "twd"}, "85290000 TWD"),
    ("money", "about 5 TWD", "about 5 TWD"),
    ("date", "2025-02-17", "2025-02-17"),
])
def test_canon(kind, value, expected):
    assert canon(kind, value) == expected


def test_known_figures_on_a_hand_made_pair():
    report = score(GOLD_DOCS, PRED_DOCS)
    assert {name: (c.tp, c.fn, c.fp) for name, c in report.rows().items()} == KNOWN
    p, r, f = report.total.prf()
    assert (p, r) == (4 / 6, 4 / 6)
    assert f == pytest.approx(2 / 3)
    assert report.counts["company"].prf() == (0.5, 1.0, pytest.approx(2 / 3))
    assert report.unmatched_gold == ["b.txt"]
    assert [(e.doc, e.type, e.kind, e.value) for e in report.errors] == [
        ("a.txt", "company", "false alarm", "臺積電"),
        ("a.txt", "date", "false alarm", "2025"),
        ("b.txt", "city", "missed", "高雄市"),
        ("b.txt", "date", "missed", "2025-02-17"),
    ]


def test_empty_rows_score_zero_and_types_can_be_restricted():
    report = score(GOLD_DOCS, [], types=("city",))
    assert list(report.rows()) == ["city", "all"]
    assert report.rows()["all"].to_dict() == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                              "tp": 0, "fn": 2, "fp": 0}


def test_perfect_predictions():
    perfect = [pred(g["doc"], *[(e["type"], e["normalized"][-1]) for e in g["entities"]]) for g in GOLD_DOCS]
    assert score(GOLD_DOCS, perfect).total.prf() == (1.0, 1.0, 1.0)


def test_load_records_accepts_json_array_and_jsonl(tmp_path):
    array = tmp_path / "p.json"
    array.write_text(json.dumps(PRED_DOCS, ensure_ascii=False), encoding="utf-8")
    lines = write_jsonl(tmp_path / "p.jsonl", PRED_DOCS)
    assert load_records(str(array)) == load_records(str(lines)) == PRED_DOCS


@pytest.mark.parametrize("content, message", [
    ('{"doc": "a.txt", "entities": []}\nnot json\n', ":2: not JSON"),
    ('{"entities": []}\n', "has no doc/path key"),
    ('{"doc": "a.txt", "entities": [{"type": "person", "normalized": ["x"]}]}\n', "'type' must be one of"),
    ('{"doc": "a.txt", "entities": [{"type": "city", "normalized": []}]}\n', "'normalized' must be"),
    ('{"doc": "a.txt"}\n', "'entities' must be a list"),
])
def test_malformed_gold(tmp_path, content, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(str(path))
    result = CliRunner().invoke(cli, ["eval", str(path), "--pred", str(path)])
    assert result.exit_code == 2
    assert message.strip(":") in result.output


# ---------------------------------------------------------------- the CLI

@pytest.fixture
def pair(tmp_path):
    return write_jsonl(tmp_path / "gold.jsonl", GOLD_DOCS), write_jsonl(tmp_path / "pred.jsonl", PRED_DOCS)


def test_eval_json_on_the_hand_made_pair(pair):
    gold_path, pred_path = pair
    result = CliRunner().invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path), "-f", "json", "--errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert {name: (row["tp"], row["fn"], row["fp"]) for name, row in data["scores"].items()} == KNOWN
    assert data["scores"]["all"]["f1"] == pytest.approx(2 / 3)
    assert {"doc": "b.txt", "type": "city", "kind": "missed", "value": "高雄市",
            "evidence": "高雄市"} in data["errors"]
    assert "1 gold document(s) have no matching input" in result.stderr
    assert "1 input(s) are not in the gold file" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_eval_writes_to_an_output_file_and_quiet_drops_the_warnings(pair, tmp_path, fmt):
    gold_path, pred_path = pair
    out = tmp_path / f"scores.{fmt}"
    args = ["eval", str(gold_path), "--pred", str(pred_path), "-f", fmt, "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == ""
    written = out.read_text(encoding="utf-8")
    assert written == CliRunner().invoke(cli, args[:-2]).stdout
    if fmt == "json":
        assert json.loads(written)["scores"]["all"]["f1"] == pytest.approx(2 / 3)
    else:
        assert "\x1b[" not in written and "all" in written


def test_eval_table_and_errors(pair):
    gold_path, pred_path = pair
    result = CliRunner().invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path), "--errors"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Misses and false alarms (4)" in out
    assert "false alarm" in out and "missed" in out and "高雄市" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()[:1] and line.split()[0] in ROWS}
    assert rows["all"] == ["0.667", "0.667", "0.667", "4", "2", "2"]
    assert rows["company"] == ["0.500", "1.000", "0.667", "1", "0", "1"]
    assert rows["official"] == ["1.000", "1.000", "1.000", "1", "0", "0"]


def test_eval_table_prints_values_literally(tmp_path):
    gold_path = write_jsonl(tmp_path / "[gold].jsonl", [
        {"doc": "a.txt", "entities": [{"type": "company", "normalized": ["[bold]X[/]"], "evidence": "[red]ev"}]}])
    pred_path = write_jsonl(tmp_path / "pred.jsonl", [pred("a.txt", ("company", "[b]Y"))])
    result = CliRunner().invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path), "--errors"])
    assert result.exit_code == 0, result.output
    for literal in ("[bold]X[/]", "[red]ev", "[b]y", "[gold].jsonl: 1 document\n"):
        assert literal in result.stdout


def test_eval_types_restricts_the_rows(pair):
    gold_path, pred_path = pair
    result = CliRunner().invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path), "-f", "json",
                                      "--types", "city,money"])
    scores = json.loads(result.stdout)["scores"]
    assert list(scores) == ["city", "money", "all"]
    assert (scores["all"]["tp"], scores["all"]["fn"], scores["all"]["fp"]) == (2, 1, 0)


@pytest.mark.parametrize("threshold, code", [("0.6", 0), ("0.667", 1), ("1", 1), ("0", 0)])
def test_min_f1(pair, threshold, code):
    gold_path, pred_path = pair
    result = CliRunner().invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path), "--min-f1", threshold])
    assert result.exit_code == code
    assert ("is below --min-f1" in result.stderr) == bool(code)


def test_eval_needs_paths_or_pred_but_not_both(pair):
    gold_path, pred_path = pair
    runner = CliRunner()
    assert runner.invoke(cli, ["eval", str(gold_path)]).exit_code == 2
    assert runner.invoke(cli, ["eval", str(gold_path), str(SEEDS), "--pred", str(pred_path)]).exit_code == 2
    assert runner.invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path), "--min-f1", "2"]).exit_code == 2


def test_eval_reports_unreadable_inputs(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(GOLD), str(SEEDS / "000_54bfc9fa5cc0f4e0.txt"),
                                      str(tmp_path / "missing.txt"), "--types", "date", "-f", "json"])
    assert result.exit_code == 1
    assert "missing.txt: no such file or folder" in result.stderr
    assert json.loads(result.stdout)["documents"] == 5


# ---------------------------------------------------------------- the seeds, and the reference scorer

def test_the_seed_gold_ships_with_the_package():
    shipped = resources.files("aicity.resources").joinpath("examples/seeds.gold.jsonl")
    docs = load_gold(str(shipped))
    assert sorted(d["doc"] for d in docs) == sorted(p.name for p in SEEDS.glob("*.txt"))
    if (SHARED / "gold" / "seeds.jsonl").exists():
        assert shipped.read_text(encoding="utf-8") == (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8")


def run_reference(gold_path: Path, pred_path: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REFERENCE_SCORER), str(gold_path), str(pred_path), *extra],
                          capture_output=True, text=True, check=False)


@needs_reference
def test_same_figures_as_the_reference_scorer_on_a_hand_made_pair(pair):
    gold_path, pred_path = pair
    reference = json.loads(run_reference(gold_path, pred_path, "--json").stdout)
    ours = json.loads(CliRunner().invoke(cli, ["eval", str(gold_path), "--pred", str(pred_path),
                                               "-f", "json"]).stdout)["scores"]
    for row in ROWS:
        for measure in ("precision", "recall", "f1"):
            assert ours[row][measure] == pytest.approx(reference[row][measure]), (row, measure)


@needs_reference
def test_same_errors_as_the_reference_scorer(pair):
    gold_path, pred_path = pair
    reference = run_reference(gold_path, pred_path, "--errors").stdout.split("\n\n")[0].splitlines()
    ours = [f"{e.doc}\t{e.type}\t{e.kind}\t{e.value}\t{e.evidence}"
            for e in score(load_gold(str(gold_path)), load_records(str(pred_path))).errors]
    assert ours == reference


@needs_reference
@pytest.mark.parametrize("types", ["date,money", None])
def test_same_figures_as_the_reference_scorer_on_the_seeds(tmp_path, types):
    """`aicity eval GOLD seeds/` == score.py on `aicity extract seeds/` output."""
    runner = CliRunner()
    type_args = ["--types", types] if types else []
    extracted = runner.invoke(cli, ["extract", str(SEEDS), "-f", "jsonl", *type_args])
    assert extracted.exit_code == 0, extracted.output
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(extracted.stdout, encoding="utf-8")
    reference_run = run_reference(GOLD, pred_path, "--json")
    assert reference_run.returncode == 0, reference_run.stderr
    reference = json.loads(reference_run.stdout)

    direct = runner.invoke(cli, ["eval", str(GOLD), str(SEEDS), "-f", "json", "--jobs", "2", *type_args])
    assert direct.exit_code == 0, direct.output
    saved = runner.invoke(cli, ["eval", str(GOLD), "--pred", str(pred_path), "-f", "json"])
    assert saved.exit_code == 0, saved.output
    # With --types, the reference still scores every type (the others as all missed),
    # so only the extracted types' rows are comparable.
    rows = types.split(",") if types else ROWS
    for scores in (json.loads(direct.stdout)["scores"], json.loads(saved.stdout)["scores"]):
        for row in rows:
            for measure in ("precision", "recall", "f1"):
                assert scores[row][measure] == pytest.approx(reference[row][measure]), (row, measure)
