"""The command line end to end (issue #2): every format parsed back and compared as data."""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import pty
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from aicity import __version__
from aicity.cli import cli
from aicity.convert import convert
from aicity.model import ENTITY_TYPES
from aicity.runner import Options, process_item
from aicity.textio import InputItem

from conftest import SEED_FILES, SEEDS, assert_no_traceback, colour_codes, run_on_a_terminal

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
ANSI = re.compile(r"\x1b\[")


def expected_documents(paths, types=ENTITY_TYPES, ref_date=None) -> list[dict]:
    """What the CLI must print, computed through the library (the one core)."""
    options = Options(types=tuple(types), ref_date=ref_date)
    return [process_item(InputItem(str(p)), options).to_dict() for p in paths]


def invoke(runner, args, input=None, env=None):
    result = runner.invoke(cli, args, input=input, env=env, catch_exceptions=False)
    assert_no_traceback(result.stderr)
    return result


def parse(fmt: str, stdout: str) -> list[dict]:
    """Machine output back into the document dicts of --format json."""
    if fmt == "json":
        return json.loads(stdout)
    if fmt == "jsonl":
        return [json.loads(line) for line in stdout.splitlines()]
    if fmt in ("csv", "tsv"):
        reader = csv.DictReader(io.StringIO(stdout), delimiter="," if fmt == "csv" else "\t")
        core = ["path", "ref_date", "type", "text", "start", "end", "normalized", "rule"]
        assert reader.fieldnames[:len(core)] == core
        field_names = reader.fieldnames[len(core):]
        docs: dict[str, dict] = {}
        for row in reader:
            doc = docs.setdefault(row["path"], {"path": row["path"], "ref_date": row["ref_date"],
                                                "entities": []})
            assert doc["ref_date"] == row["ref_date"]
            entity = {"type": row["type"], "text": row["text"], "start": int(row["start"]),
                      "end": int(row["end"]), "normalized": row["normalized"]}
            entity.update((key, csv_field(key, row[key])) for key in field_names if row[key] != "")
            entity["rule"] = row["rule"]
            doc["entities"].append(entity)
        return list(docs.values())
    raise AssertionError(fmt)


def csv_field(key: str, cell: str):
    """A field cell back as JSON has it: aliases a list, flags booleans."""
    if key == "aliases":
        return cell.split("|")
    if cell in ("true", "false"):
        return cell == "true"
    return cell


def only_with_entities(docs):
    """CSV/TSV have one row per entity, so documents without any do not show; their
    document columns are path and ref_date (not ref_date_source)."""
    return [{k: v for k, v in d.items() if k != "ref_date_source"} for d in docs if d["entities"]]


# ---------------------------------------------------------------- formats

@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_machine_formats_parse_back_to_the_library_results(runner, fmt):
    result = invoke(runner, ["extract", str(SEEDS), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    expected = expected_documents(SEED_FILES)
    got = parse(fmt, result.stdout)
    if fmt in ("csv", "tsv"):
        expected = only_with_entities(expected)
    assert got == expected


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_with_types_and_ref_date(runner, fmt):
    args = ["extract", *map(str, SEED_FILES[:3]), "-f", fmt, "--types", "money,date", "--ref-date", "2025-02-17"]
    result = invoke(runner, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    expected = expected_documents(SEED_FILES[:3], ("date", "money"), "2025-02-17")
    if fmt == "table":
        assert not ANSI.search(result.stdout)  # no colour codes when not on a terminal
        for doc in expected:
            assert f"{doc['path']}  (ref_date 2025-02-17, {len(doc['entities'])} entities)" in result.stdout
            for entity in doc["entities"]:
                assert entity["type"] in ("date", "money")
                if len(entity["normalized"]) < 30:
                    assert entity["normalized"] in result.stdout
        return
    got = parse(fmt, result.stdout)
    if fmt in ("csv", "tsv"):
        expected = only_with_entities(expected)
    assert got == expected
    assert all(d["ref_date"] == "2025-02-17" for d in got)
    assert {e["type"] for d in got for e in d["entities"]} <= {"date", "money"}


def test_jsonl_is_the_default_when_piped_and_streams_one_line_per_document(runner):
    result = invoke(runner, ["extract", str(SEEDS)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(SEED_FILES)
    assert [json.loads(line)["path"] for line in lines] == [str(p) for p in SEED_FILES]


def test_json_keys_and_entity_keys_are_in_a_stable_order(runner):
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "-f", "json"])
    doc = json.loads(result.stdout)[0]
    assert list(doc) == ["path", "ref_date", "ref_date_source", "entities"]
    for entity in doc["entities"]:
        keys = list(entity)
        assert keys[:5] == ["type", "text", "start", "end", "normalized"]
        assert keys[-1] == "rule"


def test_empty_json_is_an_empty_array(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = invoke(runner, ["extract", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{"path": str(tmp_path / "empty.txt"),
                                          "ref_date": json.loads(result.stdout)[0]["ref_date"],
                                          "ref_date_source": "today", "entities": []}]
    result = invoke(runner, ["extract", str(tmp_path), "-f", "csv", "--types", "date"])
    assert result.stdout.splitlines() == ["path,ref_date,type,text,start,end,normalized,rule,"
                                          "grain,range_start,range_end,relative,calendar"]


def test_types_are_filtered_and_kept_in_canonical_order(runner):
    result = invoke(runner, ["extract", str(SEEDS), "--types", " money , city"])
    assert result.exit_code == 0
    docs = parse("jsonl", result.stdout)
    assert {e["type"] for d in docs for e in d["entities"]} <= {"money", "city"}
    assert docs == expected_documents(SEED_FILES, ("city", "money"))


def test_entities_are_sorted_by_position(runner):
    for doc in parse("jsonl", invoke(runner, ["extract", str(SEEDS)]).stdout):
        keys = [(e["start"], e["end"], ENTITY_TYPES.index(e["type"])) for e in doc["entities"]]
        assert keys == sorted(keys)


def test_ref_date_option_anchors_every_document(runner):
    docs = parse("jsonl", invoke(runner, ["extract", str(SEEDS), "--ref-date", "2024-12-31"]).stdout)
    assert {d["ref_date"] for d in docs} == {"2024-12-31"}


def test_ref_date_defaults_to_each_documents_publication_date(runner, gold_ref_dates):
    docs = parse("jsonl", invoke(runner, ["extract", str(SEEDS), "--types", "date"]).stdout)
    assert {Path(d["path"]).name: d["ref_date"] for d in docs} == gold_ref_dates


# Each document's own date and where it came from (pages in our own words).
SOURCE_PAGES = {
    "a_header.txt": ("發布日期：2025-03-05\n市府今天宣布新的補助方案。", "2025-03-05", "header"),
    "b_dateline.txt": ("2025/03/06 00:40\n（中央社記者林小青台北5日電）議會今天休會。", "2025-03-05", "dateline"),
    "c_day_only.txt": ("(新山5日訊)州政府今天宣布撥款。", None, "dateline+today"),
    "d_nothing.txt": ("市府今天宣布新的補助方案。", None, "today"),
    "e_nothing.txt": ("議會明天審查預算。", None, "today"),
}


def write_source_pages(folder: Path) -> None:
    for name, (text, _, _) in SOURCE_PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_document_says_where_its_ref_date_came_from(runner, tmp_path, jobs):
    write_source_pages(tmp_path)
    result = invoke(runner, ["extract", str(tmp_path), "-f", "jsonl", "--jobs", jobs])
    assert result.exit_code == 0
    docs = {Path(d["path"]).name: d for d in parse("jsonl", result.stdout)}
    assert {name: d["ref_date_source"] for name, d in docs.items()} == {
        name: source for name, (_, _, source) in SOURCE_PAGES.items()}
    for name, (_, ref_date, _) in SOURCE_PAGES.items():
        if ref_date is not None:
            assert docs[name]["ref_date"] == ref_date, name
    today = docs["d_nothing.txt"]["ref_date"]
    assert docs["e_nothing.txt"]["ref_date"] == today
    assert docs["c_day_only.txt"]["ref_date"].endswith("-05") and docs["c_day_only.txt"]["ref_date"] <= today
    # one note for the whole run, not one per document
    assert result.stderr == (
        "aicity: note: 2 documents have no date of their own and 1 document gives only the day in "
        "a dateline, so the month and year are today's; relative dates in them are counted from "
        f"today ({today}): give --ref-date\n")


def test_the_today_note_is_silenced_by_quiet_and_absent_with_ref_date(runner, tmp_path):
    write_source_pages(tmp_path)
    quiet = invoke(runner, ["extract", str(tmp_path), "-f", "jsonl", "-q"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert len(parse("jsonl", quiet.stdout)) == len(SOURCE_PAGES)
    given = invoke(runner, ["extract", str(tmp_path), "-f", "jsonl", "--ref-date", "2024-01-02"])
    assert given.stderr == ""
    assert {d["ref_date_source"] for d in parse("jsonl", given.stdout)} == {"given"}
    one = invoke(runner, ["extract", str(tmp_path / "d_nothing.txt"), "-f", "jsonl"])
    assert one.stderr.startswith("aicity: note: 1 document has no date of its own; relative dates")
    dated = invoke(runner, ["extract", str(tmp_path / "a_header.txt"), str(tmp_path / "b_dateline.txt")])
    assert dated.exit_code == 0 and dated.stderr == ""


def test_the_seeds_are_dated_by_their_headers(runner):
    docs = parse("jsonl", invoke(runner, ["extract", str(SEEDS), "--types", "date"]).stdout)
    assert {d["ref_date_source"] for d in docs} == {"header"}


# ---------------------------------------------------------------- the offsets invariant

@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name[:3])
def test_text_is_source_slice_for_every_entity_of_every_seed(runner, seed):
    source = seed.read_text(encoding="utf-8")
    [doc] = json.loads(invoke(runner, ["extract", str(seed), "-f", "json"]).stdout)
    assert doc["entities"], "a seed page with no entity at all"
    for entity in doc["entities"]:
        assert 0 <= entity["start"] < entity["end"] <= len(source), entity
        assert source[entity["start"]:entity["end"]] == entity["text"], entity
        assert entity["type"] in ENTITY_TYPES
        assert entity["normalized"], entity


# ---------------------------------------------------------------- stdin

def test_stdin_dash(runner):
    data = SEED_FILES[0].read_bytes()
    result = invoke(runner, ["extract", "-", "-f", "json"], input=data)
    assert result.exit_code == 0
    [doc] = json.loads(result.stdout)
    [expected] = expected_documents(SEED_FILES[:1])
    assert doc == {**expected, "path": "-"}


def test_stdin_is_read_when_no_path_is_given(runner):
    data = SEED_FILES[1].read_bytes()
    result = invoke(runner, ["extract"], input=data)
    assert result.exit_code == 0
    [doc] = parse("jsonl", result.stdout)
    assert doc == {**expected_documents(SEED_FILES[1:2])[0], "path": "-"}


def test_stdin_in_big5_and_mixed_with_files(runner):
    text = "臺北市長蔣萬安與台積電董事長魏哲家出席,2025年3月5日宣布投資1億元。"
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "-", str(SEED_FILES[1]), "--jobs", "2",
                             "--ref-date", "2025-01-01"], input=text.encode("cp950"))
    assert result.exit_code == 0
    docs = parse("jsonl", result.stdout)
    assert [d["path"] for d in docs] == [str(SEED_FILES[0]), "-", str(SEED_FILES[1])]
    for entity in docs[1]["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]


# ---------------------------------------------------------------- jobs

@pytest.fixture(scope="module")
def twenty_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("twenty")
    for copy in range(4):
        for seed in SEED_FILES:
            shutil.copyfile(seed, folder / f"{copy}_{seed.name}")
    (folder / "zz_empty.txt").write_bytes(b"")
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "tsv", "table"])
def test_jobs_1_and_2_give_identical_output(runner, twenty_files, fmt):
    one = invoke(runner, ["extract", str(twenty_files), "-f", fmt, "--jobs", "1"])
    two = invoke(runner, ["extract", str(twenty_files), "-f", fmt, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the binary file
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert one.stdout.count(str(twenty_files)) >= 20


def test_jobs_0_means_every_core(runner, monkeypatch):
    import aicity.runner
    from aicity.runner import default_jobs

    asked = []
    real_run = aicity.runner.run

    def recording_run(items, options, jobs, render=None):
        asked.append(jobs)
        return real_run(items, options, 1, render)

    monkeypatch.setattr(aicity.runner, "run", recording_run)
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "-j", "0", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert asked == [default_jobs()]
    assert parse("jsonl", result.stdout) == expected_documents(SEED_FILES[:1])


def test_negative_jobs_are_a_usage_error(runner):
    assert invoke(runner, ["extract", str(SEED_FILES[0]), "-j", "-1"]).exit_code == 2


def test_shell_completion_is_documented_and_completes_option_values(runner):
    assert "_AICITY_COMPLETE=bash_source aicity" in invoke(runner, ["--help"]).stdout
    env = {"_AICITY_COMPLETE": "bash_complete", "COMP_WORDS": "aicity extract --format c", "COMP_CWORD": "3"}
    result = runner.invoke(cli, [], env=env, prog_name="aicity")
    assert result.stdout.split() == ["plain,csv"]


# ---------------------------------------------------------------- quiet, colour

def test_quiet_keeps_errors(runner, tmp_path):
    missing = tmp_path / "missing.txt"
    result = invoke(runner, ["extract", "-q", str(SEED_FILES[0]), str(missing), "--progress"])
    assert result.exit_code == 1
    assert result.stderr == f"aicity: {missing}: no such file or folder\n"


def test_the_table_honours_no_color_unless_color_is_forced(runner):
    args = ["extract", str(SEED_FILES[0]), "-f", "table", "--types", "date"]
    # --color forces colours; NO_COLOR (https://no-color.org) turns them off again unless forced.
    assert ANSI.search(invoke(runner, [*args, "--color"]).stdout)
    assert ANSI.search(invoke(runner, [*args, "--color"], env={"NO_COLOR": "1"}).stdout)
    assert not ANSI.search(invoke(runner, [*args, "--no-color"], env={"FORCE_COLOR": "1"}).stdout)


def test_the_table_on_a_terminal_honours_no_color(aicity_bin, subprocess_env):
    """On a real terminal the table is coloured, and NO_COLOR takes the colours away."""
    args = [aicity_bin, "extract", str(SEED_FILES[0]), "--types", "date"]
    env = {k: v for k, v in subprocess_env.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    assert colour_codes(run_on_a_terminal(args, env))
    plain = run_on_a_terminal(args, {**env, "NO_COLOR": "1"})
    assert "2025-02-17".encode() in plain
    assert colour_codes(plain) == set()  # bold may stay: NO_COLOR is about colour only


# ---------------------------------------------------------------- CSV for spreadsheets

def test_csv_has_one_column_per_field_of_the_selected_types(runner):
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "-f", "csv", "--types", "official,money"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["path", "ref_date", "type", "text", "start", "end", "normalized", "rule",
                             "name", "title", "org", "key", "amount", "currency", "qualifier", "per_share", "range"]
    euros = next(r for r in rows if r["normalized"] == "109000000000 EUR")
    assert (euros["amount"], euros["currency"], euros["qualifier"], euros["title"]) == (
        "109000000000", "EUR", "over", "")
    president = next(r for r in rows if r["text"] == "總統馬克宏")
    assert (president["name"], president["title"], president["amount"]) == ("馬克宏", "總統", "")


def test_every_field_the_extractors_produce_has_a_csv_column():
    from aicity.output import field_columns

    for doc in expected_documents(SEED_FILES):
        for entity in doc["entities"]:
            extra = set(entity) - {"type", "text", "start", "end", "normalized", "rule"}
            assert extra <= set(field_columns([entity["type"]])), entity


def test_csv_list_and_flag_fields_are_plain_cells(runner):
    result = invoke(runner, ["extract", *map(str, SEED_FILES), "-f", "tsv", "--types", "company,date"])
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))
    nvidia = next(r for r in rows if r["normalized"] == "輝達")
    assert "NVIDIA" in nvidia["aliases"].split("|")
    assert {r["relative"] for r in rows} >= {"true", ""}


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_bom_starts_csv_for_excel_and_parses_back(runner, tmp_path, fmt):
    out = tmp_path / f"entities.{fmt}"
    assert invoke(runner, ["extract", str(SEEDS), "-o", str(out), "--bom", "--jobs", "2"]).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and data.count(codecs.BOM_UTF8) == 1
    plain = invoke(runner, ["extract", str(SEEDS), "-f", fmt]).stdout
    assert not plain.startswith("\ufeff")
    assert data.decode("utf-8-sig") == plain


# ---------------------------------------------------------------- encodings

ENCODED_TEXT = (
    "發布日期:2/17/2025\n臺北市長蔣萬安今(16)日表示,台積電將在高雄投資新臺幣1,000億元,"
    "預計2025年3月5日完工。\r\n副市長李四川與鴻海董事長劉揚偉出席。\n"
)


def _encodings():
    simplified = convert(ENCODED_TEXT, "t2s")
    return {
        "utf-8": ENCODED_TEXT.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + ENCODED_TEXT.encode("utf-8"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + ENCODED_TEXT.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + ENCODED_TEXT.encode("utf-16-be"),
        "big5": ENCODED_TEXT.encode("cp950"),
        "gb18030-simplified": simplified.encode("gb18030"),
        "utf-8-simplified": simplified.encode("utf-8"),
    }


@pytest.mark.parametrize("name", list(_encodings()))
def test_input_encodings_are_read_correctly(runner, tmp_path, name):
    data = _encodings()[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    source = convert(ENCODED_TEXT, "t2s") if "simplified" in name else ENCODED_TEXT
    result = invoke(runner, ["extract", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    [doc] = json.loads(result.stdout)
    reference = tmp_path / "reference.txt"
    reference.write_text(source, encoding="utf-8", newline="")
    [expected] = expected_documents([reference])
    assert doc["entities"] == expected["entities"]
    assert doc["ref_date"] == expected["ref_date"]
    for entity in doc["entities"]:
        assert source[entity["start"]:entity["end"]] == entity["text"]


def test_binary_file_is_reported_and_skipped_others_printed(runner, tmp_path):
    shutil.copyfile(SEED_FILES[0], tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    shutil.copyfile(SEED_FILES[1], tmp_path / "c.txt")
    result = invoke(runner, ["extract", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    assert [d["path"] for d in parse("jsonl", result.stdout)] == [str(tmp_path / "a.txt"), str(tmp_path / "c.txt")]
    assert result.stderr.splitlines() == [
        f"aicity: {tmp_path / 'b.txt'}: cannot decode: binary file (NUL bytes), not text; try --encoding NAME"
    ]


def test_encoding_option_reads_what_detection_refuses(runner, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(ENCODED_TEXT.encode("utf-16-le"))
    assert invoke(runner, ["extract", str(path)]).exit_code == 1
    result = invoke(runner, ["extract", str(path), "--encoding", "utf-16-le", "-f", "json"])
    assert result.exit_code == 0
    reference = tmp_path / "reference.txt"
    reference.write_text(ENCODED_TEXT, encoding="utf-8", newline="")
    assert json.loads(result.stdout)[0]["entities"] == expected_documents([reference])[0]["entities"]


# ---------------------------------------------------------------- folders, globs, output files

def test_folders_are_recursive_and_sorted(runner, tmp_path):
    for rel in ("b/2.txt", "a/1.md", "a/z/3.txt", "0.html", "skip.csv"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("臺北市長蔣萬安", encoding="utf-8")
    docs = parse("jsonl", invoke(runner, ["extract", str(tmp_path)]).stdout)
    assert [os.path.relpath(d["path"], tmp_path) for d in docs] == ["0.html", "a/1.md", "a/z/3.txt", "b/2.txt"]
    docs = parse("jsonl", invoke(runner, ["extract", str(tmp_path), "--glob", "*.csv", "--glob", "3.*"]).stdout)
    assert [os.path.relpath(d["path"], tmp_path) for d in docs] == ["a/z/3.txt", "skip.csv"]


@pytest.mark.parametrize("suffix, fmt", [(".json", "json"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
                                         (".csv", "csv"), (".tsv", "tsv")])
def test_output_file_format_follows_its_suffix(runner, tmp_path, suffix, fmt):
    out = tmp_path / f"result{suffix}"
    result = invoke(runner, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    expected = expected_documents(SEED_FILES)
    if fmt in ("csv", "tsv"):
        expected = only_with_entities(expected)
    assert parse(fmt, out.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("name", ["result.xlsx", "result.out", "result"])
def test_an_output_suffix_that_names_no_format_is_a_usage_error(runner, tmp_path, name):
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "-o", str(tmp_path / name)])
    assert result.exit_code == 2
    assert f"cannot tell the format from '{tmp_path / name}'" in result.stderr
    assert not (tmp_path / name).exists()


def test_an_unknown_suffix_is_fine_with_an_explicit_format(runner, tmp_path):
    out = tmp_path / "result.out"
    assert invoke(runner, ["extract", str(SEED_FILES[0]), "-f", "jsonl", "-o", str(out)]).exit_code == 0
    assert parse("jsonl", out.read_text(encoding="utf-8")) == expected_documents(SEED_FILES[:1])


@pytest.mark.parametrize("fmt", ["sqlite", "csv", "json", "tsv"])
def test_dask_engine_with_a_format_it_cannot_write_is_a_usage_error(runner, tmp_path, fmt):
    out = tmp_path / "parts"
    result = invoke(runner, ["extract", str(SEEDS), "--engine", "dask", "-f", fmt, "-o", str(out)])
    assert result.exit_code == 2
    assert f"--engine dask writes JSONL partitions only, not --format {fmt}" in result.stderr
    assert not out.exists()


def test_scheduler_without_the_dask_engine_is_a_usage_error(runner):
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.stderr
    assert result.stdout == ""


def test_bom_is_only_for_csv_and_tsv(runner):
    result = invoke(runner, ["extract", str(SEED_FILES[0]), "-f", "jsonl", "--bom"])
    assert result.exit_code == 2
    assert "--bom is for csv and tsv output, not jsonl" in result.stderr


def test_explicit_format_wins_over_the_output_suffix(runner, tmp_path):
    out = tmp_path / "result.json"
    invoke(runner, ["extract", str(SEEDS), "-o", str(out), "-f", "jsonl"])
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(SEED_FILES)


# ---------------------------------------------------------------- progress bar

def test_no_progress_bar_when_not_on_a_terminal(runner, twenty_files):
    result = invoke(runner, ["extract", str(SEEDS), "-f", "jsonl"])
    assert result.stderr == ""


def test_forced_progress_bar_goes_to_stderr_only(runner):
    result = invoke(runner, ["extract", str(SEEDS), "-f", "jsonl", "--progress"])
    assert result.exit_code == 0
    assert parse("jsonl", result.stdout) == expected_documents(SEED_FILES)


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal_stderr_and_clean_piped_stdout(aicity_bin, subprocess_env, tmp_path, quiet):
    """stderr is a terminal, stdout a pipe: the bar shows on stderr (not with -q), stdout is pure JSONL."""
    for copy in range(3):
        for seed in SEED_FILES:
            shutil.copyfile(seed, tmp_path / f"{copy}_{seed.name}")
    controller, terminal = pty.openpty()
    seen = bytearray()

    def drain():  # the terminal must be read, or the bar blocks once its buffer is full
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the other side is closed
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        process = subprocess.Popen(
            [aicity_bin, "extract", str(tmp_path), "--types", "money", "--jobs", "2", *(["-q"] if quiet else [])],
            stdout=subprocess.PIPE, stderr=terminal, env={**subprocess_env, "COLUMNS": "100"})
        os.close(terminal)
        stdout, _ = process.communicate(timeout=120)
        reader.join(timeout=10)
    finally:
        os.close(controller)
    assert process.returncode == 0, bytes(seen)
    if quiet:
        assert seen == b""
    else:
        assert b"extracting" in seen
    assert b"Traceback" not in seen
    lines = stdout.decode("utf-8").splitlines()
    assert len(lines) == 3 * len(SEED_FILES)
    for line in lines:
        json.loads(line)
    assert b"\x1b" not in stdout


# ---------------------------------------------------------------- convert

def test_convert_to_simplified_traditional_taiwan(runner, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("臺灣積體電路製造公司發佈新聞。\n", encoding="utf-8")
    simplified = invoke(runner, ["convert", "--to", "simplified", str(path)])
    assert simplified.exit_code == 0
    assert simplified.stdout == "台湾积体电路制造公司发布新闻。\n"
    back = invoke(runner, ["convert", "--to", "traditional", "-"], input=simplified.stdout.encode("utf-8"))
    assert back.stdout == "臺灣積體電路製造公司發佈新聞。\n"
    taiwan = invoke(runner, ["convert", "--to", "taiwan", "-"], input="台湾积体电路制造公司发布新闻。\n")
    assert taiwan.stdout == "臺灣積體電路製造公司發佈新聞。\n"  # OpenCC s2tw: 台 -> 臺


TRADITIONAL_LINE = "他宣布了,皇后后來也到了台灣。\n"


@pytest.mark.parametrize("target, expected", [
    ("taiwan", TRADITIONAL_LINE),          # t2tw: this line is already Taiwan standard
    ("traditional", TRADITIONAL_LINE),     # already Traditional
    ("hongkong", "他宣布了,皇后后來也到了台灣。\n"),  # t2hk
    ("simplified", "他宣布了,皇后后来也到了台湾。\n"),
])
def test_convert_traditional_input_is_not_read_as_simplified(runner, target, expected):
    # s2tw would turn 宣布 into 宣佈 and 后 into 後: it takes its input for Simplified.
    result = invoke(runner, ["convert", "--to", target, "-"], input=TRADITIONAL_LINE)
    assert result.exit_code == 0
    assert result.stdout == expected


def test_convert_hongkong_from_simplified_and_traditional(runner):
    assert invoke(runner, ["convert", "--to", "hongkong", "-"], input="他说后来宣布了。\n").stdout == "他説後來宣佈了。\n"
    assert invoke(runner, ["convert", "--to", "hongkong", "-"], input="他說後來宣布了。\n").stdout == "他説後來宣布了。\n"


def test_an_opencc_configuration_is_applied_as_named(runner):
    assert invoke(runner, ["convert", "--to", "s2tw", "-"], input=TRADITIONAL_LINE).stdout == "他宣佈了,皇后後來也到了臺灣。\n"


def test_convert_keeps_crlf_and_lone_cr_line_endings(runner, tmp_path):
    source = "臺北市長\r\n蔣萬安\r\n\r\n發佈\r舊式\n結尾無換行"
    path = tmp_path / "crlf.txt"
    path.write_bytes(source.encode("utf-8"))
    result = invoke(runner, ["convert", "--to", "simplified", str(path)])
    assert result.stdout_bytes == "台北市长\r\n蒋万安\r\n\r\n发布\r旧式\n结尾无换行".encode("utf-8")
    out = tmp_path / "out.txt"
    invoke(runner, ["convert", "--to", "simplified", str(path), "-o", str(out)])
    assert out.read_bytes() == result.stdout_bytes


def test_convert_reads_legacy_encodings_and_writes_utf8(runner, tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("臺北市長蔣萬安\r\n".encode("cp950"))
    result = invoke(runner, ["convert", "--to", "simplified", str(path)])
    assert result.stdout_bytes == "台北市长蒋万安\r\n".encode("utf-8")


def test_convert_stdin_is_the_default(runner):
    result = invoke(runner, ["convert"], input="臺北".encode("utf-8"))
    assert result.stdout == "台北"


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "missing.txt", "no such file or folder"),
    (lambda p: p, "is a folder"),
    (lambda p: Path("/dev/null"), "a character device, not a regular file; skipped"),
])
def test_convert_unusable_input_is_one_line_exit_1(runner, tmp_path, make, message):
    target = make(tmp_path)
    result = invoke(runner, ["convert", str(target)])
    assert result.exit_code == 1
    assert result.stderr == f"aicity: {target}: {message}\n"
    assert result.stdout == ""


def test_convert_binary_input(runner, tmp_path):
    path = tmp_path / "bin.dat"
    path.write_bytes(b"\x00\x01\x02\x03")
    result = invoke(runner, ["convert", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"aicity: {path}: cannot decode: binary file")


# ---------------------------------------------------------------- help and version

def test_version_and_help(runner):
    assert invoke(runner, ["--version"]).stdout == f"aicity, version {__version__}\n"
    for args in (["--help"], ["extract", "--help"], ["convert", "-h"]):
        result = invoke(runner, args)
        assert result.exit_code == 0
        assert "Usage:" in result.stdout
    assert "Exit codes" in invoke(runner, ["extract", "--help"]).stdout


# ---------------------------------------------------------------- the console-script entry point

@pytest.fixture
def main_entry(monkeypatch):
    """``aicity.cli.main`` in-process, with stdout left alone (it would point fd 1 at /dev/null)."""
    from aicity import cli as cli_module

    monkeypatch.setattr(cli_module, "_silence_stdout", lambda: None)
    monkeypatch.delenv("AICITY_DEBUG", raising=False)

    def call(args, exception):
        def boom(*_args, **_kwargs):
            raise exception

        monkeypatch.setattr(cli_module, "_run_and_render", boom)
        with pytest.raises(SystemExit) as info:
            cli_module.main(args)
        return info.value.code

    return call


def test_main_unexpected_exception_is_one_line_exit_1(main_entry, capsys):
    assert main_entry(["extract", str(SEED_FILES[0])], RuntimeError("kaput")) == 1
    err = capsys.readouterr().err
    assert err == ("aicity: internal error: RuntimeError: kaput "
                   "(please report it; AICITY_DEBUG=1 shows the traceback)\n")


def test_main_debug_shows_the_traceback(main_entry, monkeypatch):
    monkeypatch.setenv("AICITY_DEBUG", "1")
    with pytest.raises(RuntimeError, match="kaput"):
        main_entry(["extract", str(SEED_FILES[0])], RuntimeError("kaput"))


def test_main_ctrl_c_is_exit_130(main_entry, capsys):
    assert main_entry(["extract", str(SEED_FILES[0])], KeyboardInterrupt()) == 130
    assert capsys.readouterr().err.strip() == "aicity: interrupted"


def test_main_closed_pipe_is_quiet(main_entry, capsys):
    assert main_entry(["extract", str(SEED_FILES[0])], BrokenPipeError(32, "Broken pipe")) == 0
    assert capsys.readouterr().err == ""


def test_main_usage_error_is_exit_2(capsys):
    from aicity.cli import main

    with pytest.raises(SystemExit) as info:
        main(["extract", str(SEED_FILES[0]), "--types", "nope"])
    assert info.value.code == 2
    assert "unknown entity type(s): nope" in capsys.readouterr().err


def test_output_is_utf8_whatever_the_locale_says(aicity_bin, subprocess_env):
    done = subprocess.run([aicity_bin, "extract", str(SEED_FILES[0]), "--types", "city,date"],
                          capture_output=True, env={**subprocess_env, "PYTHONIOENCODING": "ascii"}, timeout=120)
    assert done.returncode == 0, done.stderr
    [doc] = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert doc == {**expected_documents(SEED_FILES[:1], ("city", "date"))[0]}
