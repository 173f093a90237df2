"""Issue 17: never lose data, never hang, never a traceback, whatever a careless
or hostile user feeds the CLI and the API.

Signals and killed processes are tested on the installed command in
subprocesses; their timeouts only guard against a hang, they time nothing.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import aicity
from aicity import pipeline, runner
from aicity.cli import cli
from aicity.errors import InputError
from aicity.model import ENTITY_TYPES
from aicity.output import terminal_safe
from aicity.runner import Options, resolve_jobs
from aicity.textio import InputItem, parse_size

from conftest import SEED_FILES, assert_no_traceback, run_aicity

GOOD = SEED_FILES[0]
HANG_GUARD = 120  # seconds; only so that a regression fails instead of hanging the suite


def invoke(args, input=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)
    assert_no_traceback(result.stderr)
    return result


def jsonl_paths(stdout: str | bytes) -> list[str]:
    return [json.loads(line)["path"] for line in stdout.splitlines()]


def copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        for seed in SEED_FILES:
            target = folder / f"{number:03d}_{seed.name}"
            shutil.copyfile(seed, target)
            paths.append(target)
    return sorted(paths)


def group_is_gone(pid: int) -> bool:
    """True when no process of the session started for ``pid`` is left (workers included)."""
    for _ in range(50):
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def start_extract(aicity_bin: str, env: dict, folder: Path, out: Path) -> subprocess.Popen:
    """``aicity extract FOLDER -f jsonl -j 2 > OUT`` in its own session, as a shell job."""
    with open(out, "wb") as stdout:
        return subprocess.Popen([aicity_bin, "extract", str(folder), "-f", "jsonl", "-j", "2"],
                                stdout=stdout, stderr=subprocess.PIPE, env=env, start_new_session=True)


# ================================================================ 1. data loss

@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "tsv", "sqlite"])
def test_output_that_is_an_input_is_refused_before_anything_is_written(tmp_path, fmt):
    page = tmp_path / "a.txt"
    shutil.copyfile(GOOD, page)
    before = page.read_bytes()
    result = invoke(["extract", page, "-o", page, "-f", fmt])
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    assert page.read_bytes() == before


def test_output_named_differently_or_through_stdin_is_still_the_input(tmp_path, monkeypatch):
    page = tmp_path / "a.txt"
    shutil.copyfile(GOOD, page)
    before = page.read_bytes()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    assert invoke(["extract", "a.txt", "-o", "./sub/../a.txt", "-f", "jsonl"]).exit_code == 2
    os.link(page, tmp_path / "hard-link.txt")
    assert invoke(["extract", "hard-link.txt", "-o", "a.txt", "-f", "jsonl"]).exit_code == 2
    with open(page, "rb") as stdin:
        done = run_aicity(["extract", "-", "-o", page, "-f", "jsonl"], env=dict(os.environ), stdin=stdin)
    assert done.returncode == 2 and b"standard input" in done.stderr
    assert page.read_bytes() == before


def test_show_and_convert_refuse_to_overwrite_their_input(tmp_path):
    page = tmp_path / "a.txt"
    shutil.copyfile(GOOD, page)
    before = page.read_bytes()
    assert invoke(["show", page, "-o", page]).exit_code == 2
    assert invoke(["convert", page, "-o", page]).exit_code == 2
    assert page.read_bytes() == before


def test_a_folder_walk_skips_the_output_file(tmp_path):
    folder = tmp_path / "news"
    pages = copies(folder, 1)
    out = folder / "out.txt"
    first = invoke(["extract", folder, "-o", out, "-f", "jsonl"])
    assert first.exit_code == 0
    written = out.read_bytes()
    second = invoke(["extract", folder, "-o", out, "-f", "jsonl"])
    assert second.exit_code == 0, second.stderr
    assert out.read_bytes() == written
    assert jsonl_paths(written) == [str(p) for p in pages]


# ================================================================ 2. a worker that dies

def test_a_killed_worker_costs_only_the_document_it_held(tmp_path, monkeypatch):
    """The worker extracting one document is killed (as the OOM killer would):
    that document comes back as an error, every other one is extracted, in order."""
    pages = copies(tmp_path / "news", 4)
    victim = pages[5]
    victim.write_text("這一頁讓工作行程被殺掉。" + GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    items = [InputItem(str(p)) for p in pages]
    expected = [runner.process_item(item, Options(ENTITY_TYPES)).to_dict() for item in items if item.path != str(victim)]
    real = runner.extract_text

    def killing(path, text, options, encoding=""):
        if text.startswith("這一頁讓工作行程被殺掉"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, text, options, encoding)

    monkeypatch.setattr(runner, "extract_text", killing)  # the workers are forked: they have it too
    results = list(runner.run(items, Options(ENTITY_TYPES), jobs=2))
    assert [r.path for r in results] == [str(p) for p in pages]
    failed = [r for r in results if r.error]
    assert [r.path for r in failed] == [str(victim)]
    assert "worker process extracting it died (killed by SIGKILL" in failed[0].error
    assert [r.to_dict() for r in results if not r.error] == expected


def test_kill_9_of_a_worker_does_not_hang_the_command(aicity_bin, subprocess_env, tmp_path):
    pages = copies(tmp_path / "news", 30)
    out = tmp_path / "out.jsonl"
    process = start_extract(aicity_bin, subprocess_env, tmp_path / "news", out)
    try:
        workers = []
        while not workers and process.poll() is None:
            time.sleep(0.05)
            workers = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                     text=True).stdout.split()
        while process.poll() is None and out.stat().st_size == 0:
            time.sleep(0.05)
        if workers:
            try:
                os.kill(int(workers[0]), signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, stderr = process.communicate(timeout=HANG_GUARD)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert_no_traceback(stderr)
    reported = [line for line in stderr.decode().splitlines() if line]
    lost = [line.split(": ")[1] for line in reported]
    assert all("worker process extracting it died (killed by SIGKILL" in line for line in reported), reported
    # Every document is either printed or reported, in order; nothing twice.
    printed = jsonl_paths(out.read_bytes())
    assert sorted(printed + lost) == [str(p) for p in pages]
    assert printed == sorted(printed)
    assert process.returncode == (1 if lost else 0)


# ================================================================ 3. memory: size limits

@pytest.mark.parametrize("text, size", [("4096", 4096), ("500K", 500 * 1024), ("10M", 10 * 1024 ** 2),
                                        ("1G", 1024 ** 3), ("1.5g", int(1.5 * 1024 ** 3)), ("64MB", 64 * 1024 ** 2)])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "12q", "-1M", "0", "M"])
def test_parse_size_refuses_what_is_no_size(text):
    with pytest.raises(ValueError):
        parse_size(text)


def limit_memory():
    # A guard: if the cap regressed, the child fails with MemoryError instead of taking the machine.
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 ** 3, 3 * 1024 ** 3))


def test_endless_stdin_is_read_only_up_to_the_limit(aicity_bin, subprocess_env):
    with open("/dev/zero", "rb") as zero:
        done = run_aicity(["extract", "-", "--max-size", "2M"], env=subprocess_env, stdin=zero,
                          preexec_fn=limit_memory, timeout=HANG_GUARD)
    assert_no_traceback(done.stderr)
    assert done.returncode == 1
    assert done.stderr.decode() == "aicity: -: larger than the size limit of 2 MB (--max-size); skipped\n"


def test_default_limit_stops_dev_zero_on_stdin(aicity_bin, subprocess_env):
    with open("/dev/zero", "rb") as zero:
        done = run_aicity(["extract", "-"], env=subprocess_env, stdin=zero,
                          preexec_fn=limit_memory, timeout=HANG_GUARD)
    assert done.returncode == 1
    assert done.stderr.decode() == "aicity: -: larger than the size limit of 64 MB (--max-size); skipped\n"


def test_a_file_over_max_size_is_skipped_the_others_kept(tmp_path):
    pages = copies(tmp_path, 1)
    big = tmp_path / "big.txt"
    big.write_text(GOOD.read_text(encoding="utf-8") * 40, encoding="utf-8")
    result = invoke(["extract", tmp_path, "--max-size", "100K", "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"aicity: {big}: larger than the size limit of 100 KB (--max-size); skipped\n"
    assert jsonl_paths(result.stdout) == [str(p) for p in pages]


def test_max_size_is_a_usage_error_when_malformed():
    result = invoke(["extract", GOOD, "--max-size", "lots"])
    assert result.exit_code == 2 and "'lots' is not a size" in result.stderr


def test_api_refuses_devices_and_fifos_naming_the_path(tmp_path):
    with pytest.raises(InputError, match="^/dev/zero: a character device, not a regular file"):
        aicity.extract_file("/dev/zero")
    big = tmp_path / "big.txt"
    big.write_text("臺北市" * 1000, encoding="utf-8")
    with pytest.raises(OSError, match="larger than the size limit of 1000 bytes"):
        aicity.extract_file(big, max_size=1000)
    assert aicity.extract_file(big, max_size=None).ok


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_api_extract_file_of_a_fifo_does_not_block(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = ("import aicity, sys\n"
            "try:\n"
            "    aicity.extract_file(sys.argv[1])\n"
            "except OSError as exc:\n"
            "    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True,
                          timeout=HANG_GUARD)
    assert done.stdout == f"{fifo}: a FIFO (named pipe), not a regular file; skipped\n"


# ================================================================ 5. --jobs

def test_jobs_beyond_the_cores_are_capped_with_a_note():
    cores = runner.default_jobs()
    result = invoke(["extract", *SEED_FILES[:2], "-j", "1000", "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr == f"aicity: --jobs 1000 is more than the {cores} cores here; using {cores}\n"
    assert jsonl_paths(result.stdout) == [str(p) for p in SEED_FILES[:2]]


def test_resolve_jobs():
    cores = runner.default_jobs()
    assert resolve_jobs(None) == (cores, False)
    assert resolve_jobs(0) == (cores, False)
    assert resolve_jobs(1) == (1, False)
    assert resolve_jobs(cores + 5) == (cores, True)


@pytest.mark.parametrize("jobs, error", [(-1, ValueError), (-8, ValueError), ("2", TypeError), (1.5, TypeError)])
def test_api_rejects_bad_jobs_at_the_call(jobs, error):
    with pytest.raises(error, match="jobs"):
        aicity.extract_files([str(GOOD)], jobs=jobs)  # not iterated: checked at the call


def test_api_jobs_zero_means_every_core():
    results = list(aicity.extract_files([str(p) for p in SEED_FILES[:2]], jobs=0))
    assert [r.path for r in results] == [str(p) for p in SEED_FILES[:2]] and all(r.ok for r in results)


# ================================================================ 6. signals

@pytest.mark.parametrize("signame, code, message", [
    ("SIGTERM", 143, "aicity: stopped by SIGTERM"),
    ("SIGHUP", 129, "aicity: stopped by SIGHUP"),
    ("SIGINT", 130, "aicity: interrupted"),
])
@pytest.mark.parametrize("whole_group", [False, True], ids=["main-process", "process-group"])
def test_signals_stop_the_run_with_whole_lines_and_no_traceback(
        aicity_bin, subprocess_env, tmp_path, signame, code, message, whole_group):
    copies(tmp_path / "news", 40)
    out = tmp_path / "out.jsonl"
    process = start_extract(aicity_bin, subprocess_env, tmp_path / "news", out)
    try:
        while process.poll() is None and out.read_bytes().count(b"\n") < 2:
            time.sleep(0.02)
        (os.killpg if whole_group else os.kill)(process.pid, getattr(signal, signame))
        _, stderr = process.communicate(timeout=HANG_GUARD)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert_no_traceback(stderr)
    assert process.returncode == code
    assert stderr.decode().strip() == message
    data = out.read_bytes()
    assert data.endswith(b"\n")
    for line in data.decode().splitlines():
        json.loads(line)
    assert group_is_gone(process.pid), "a worker outlived the run"


def test_ctrl_c_during_the_dask_engine_is_one_line(aicity_bin, subprocess_env, tmp_path):
    pytest.importorskip("distributed")
    copies(tmp_path / "news", 120)
    outdir = tmp_path / "parts"
    process = subprocess.Popen([aicity_bin, "extract", str(tmp_path / "news"), "--engine", "dask", "-o", str(outdir)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env,
                               start_new_session=True)
    try:
        # Once a worker writes its first partition, the cluster is up and busy.
        while process.poll() is None and not list(outdir.glob(".part-*")) and not list(outdir.glob("part-*")):
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=HANG_GUARD)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert_no_traceback(stderr)
    if process.returncode == 0:
        pytest.skip("the run ended before Ctrl-C reached it")
    assert process.returncode == 130
    assert stderr.decode().strip() == "aicity: interrupted"
    assert group_is_gone(process.pid)


# ================================================================ 7. terminal injection

HOSTILE = "發布日期:2/17/2025\n\x1b]0;pwned\x07\x1b[2J臺北市長蔣萬安\x9b31m宣布\x7f投資1億元。\r\n第二行\n"


def test_terminal_safe_keeps_length_newlines_and_tabs():
    safe = terminal_safe(HOSTILE + "\tend")
    assert len(safe) == len(HOSTILE + "\tend")
    assert not any(ch in safe for ch in "\x1b\x07\x9b\x7f")
    assert "␛]0;pwned␇␛[2J" in safe and "\ufffd31m" in safe and "␡" in safe
    assert safe.endswith(" \n第二行\n\tend")  # CR of a CRLF shown as a space
    assert terminal_safe("a\rb") == "a␍b"
    assert terminal_safe("臺北 plain\ttext\n") == "臺北 plain\ttext\n"


@pytest.mark.parametrize("color", ["--no-color", "--color"])
def test_show_passes_no_control_characters_to_the_terminal(tmp_path, color):
    page = tmp_path / "hostile.txt"
    page.write_text(HOSTILE, encoding="utf-8")
    result = invoke(["show", page, color])
    assert result.exit_code == 0
    out = result.stdout
    assert "\x07" not in out and "\x9b" not in out and "\x7f" not in out
    assert "]0;pwned" not in out.replace("␛]0;pwned", "")  # only as visible text
    assert "\x1b]" not in out and "\x1b[2J" not in out
    assert "蔣萬安" in out


def test_table_and_messages_show_a_file_name_with_escapes_visibly(tmp_path):
    page = tmp_path / "a\x1b[2Jb.txt"
    shutil.copyfile(GOOD, page)
    missing = tmp_path / "gone\x1b]0;x\x07.txt"
    result = invoke(["extract", page, missing, "-f", "table"])
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "a␛[2Jb.txt" in result.stdout
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "gone␛]0;x␇.txt" in result.stderr


def test_summary_and_eval_views_show_control_characters_visibly(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("奇點\x1b[31m空間公司今天宣布投資1億元。", encoding="utf-8")
    dictionary = tmp_path / "mine.tsv"
    dictionary.write_text("company\t奇點\x1b[31m空間\n", encoding="utf-8")
    summary = invoke(["summary", page, "--dict", dictionary, "--types", "company"])
    assert summary.exit_code == 0
    assert "\x1b" not in summary.stdout and "奇點␛[31m空間" in summary.stdout
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "x\x1b]0;t\x07.txt", "entities": [
        {"type": "company", "normalized": ["假\x1b[2J公司"], "evidence": "假\x1b[2J公司"}]}) + "\n", encoding="utf-8")
    evaluation = invoke(["eval", gold, page, "--errors"])
    assert "\x1b" not in evaluation.stdout + evaluation.stderr
    assert "x␛]0;t␇.txt" in evaluation.stdout and "x␛]0;t␇.txt" in evaluation.stderr


# ================================================================ 8. clear errors

def test_disk_full_output_file_is_cannot_write(aicity_bin, subprocess_env):
    done = run_aicity(["extract", GOOD, "-o", "/dev/full", "-f", "jsonl"], env=subprocess_env)
    assert_no_traceback(done.stderr)
    assert done.returncode == 1
    assert done.stderr.decode() == "Error: cannot write /dev/full: no space left on device\n"


@pytest.mark.parametrize("args", [
    ["extract", GOOD, "-f", "jsonl"], ["extract", GOOD, "-f", "table"], ["show", GOOD],
    ["summary", GOOD], ["convert", GOOD],
])
def test_disk_full_stdout_is_cannot_write(aicity_bin, subprocess_env, args):
    with open("/dev/full", "wb") as full:
        done = run_aicity(args, env=subprocess_env, capture_output=False, stdout=full, stderr=subprocess.PIPE)
    assert_no_traceback(done.stderr)
    assert done.returncode == 1
    assert done.stderr.decode() == "Error: cannot write standard output: no space left on device\n"


@pytest.mark.parametrize("args", [["extract", GOOD, "-f", "jsonl"], ["show", GOOD], ["summary", GOOD]])
def test_closed_stdout_is_cannot_write(aicity_bin, subprocess_env, args):
    done = subprocess.run([aicity_bin, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=subprocess_env, timeout=HANG_GUARD,
                          preexec_fn=lambda: os.close(1))
    assert_no_traceback(done.stderr)
    assert done.returncode == 1
    assert done.stderr.decode() == "Error: cannot write standard output: it is closed\n"


def test_sqlite_on_a_full_disk_is_cannot_write(aicity_bin, subprocess_env, tmp_path):
    """A file size limit makes writes fail as a full disk would (SQLite reports it as full)."""
    db = tmp_path / "out.db"
    corpus = tmp_path / "news"
    copies(corpus, 20)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    done = run_aicity(["extract", corpus, "-o", db, "-j", "1"], env=subprocess_env, preexec_fn=small_files)
    assert_no_traceback(done.stderr)
    assert done.returncode == 1
    [line] = done.stderr.decode().splitlines()
    assert line.startswith(f"Error: cannot write {db}: "), line
    assert "internal error" not in line
    # What was committed is whole.
    with sqlite3.connect(db) as connection:
        documents = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        orphans = connection.execute(
            "SELECT COUNT(*) FROM entities WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert documents < 100 and orphans == 0


def test_eval_with_a_gold_file_that_is_not_utf8_is_a_usage_error(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes('{"doc": "a.txt", "entities": []}\n'.encode("utf-16"))
    result = invoke(["eval", gold, GOOD])
    assert result.exit_code == 2
    assert f"{gold}: not UTF-8 (byte 0" in result.stderr


def closed_pipe() -> int:
    """The write end of a pipe whose reader is already gone: the first write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


@pytest.mark.parametrize("args", [
    ["show", GOOD], ["show", GOOD, "--color"], ["summary", GOOD], ["summary", GOOD, "-f", "json"],
    ["eval", "aicity/resources/examples/seeds.gold.jsonl", "seeds"],
    ["eval", "aicity/resources/examples/seeds.gold.jsonl", "seeds", "-f", "json"],
    ["extract", GOOD, "-f", "table"], ["convert", GOOD],
])
def test_every_command_exits_0_quietly_on_a_closed_pipe(aicity_bin, subprocess_env, args):
    write_end = closed_pipe()
    try:
        done = subprocess.run([aicity_bin, *map(str, args)], stdout=write_end, stderr=subprocess.PIPE,
                              env=subprocess_env, timeout=HANG_GUARD, cwd=Path(__file__).resolve().parents[1])
    finally:
        os.close(write_end)
    assert done.stderr == b""
    assert done.returncode == 0


@pytest.mark.parametrize("command", [["extract", GOOD], ["show", GOOD], ["summary", GOOD], ["convert", GOOD]])
@pytest.mark.parametrize("name", ["rot13", "base64", "hex"])
def test_an_encoding_that_is_no_text_encoding_is_a_usage_error(command, name):
    result = invoke([*command, "--encoding", name])
    assert result.exit_code == 2
    assert f"'{name}' is not a text encoding" in result.stderr


def test_api_arguments_of_the_wrong_type_are_named():
    with pytest.raises(TypeError, match="^text must be a str, not NoneType"):
        aicity.extract(None)
    with pytest.raises(TypeError, match="^text must be a str, not bytes; decode"):
        aicity.extract("臺北市".encode("utf-8"))
    with pytest.raises(TypeError, match="^user_dict must be"):
        aicity.extract("臺北市", user_dict=5)
    with pytest.raises(TypeError, match="^types must be"):
        aicity.extract("臺北市", types=5)
    with pytest.raises(TypeError, match="^ref_date must be"):
        aicity.extract("臺北市", ref_date=20250217)
    with pytest.raises(ValueError, match="^ref_date: '2025-02-30' is not a date"):
        aicity.extract("臺北市", ref_date="2025-02-30")
    with pytest.raises(ValueError, match="^encoding: 'rot13' is not a text encoding"):
        aicity.extract_file(GOOD, encoding="rot13")
    with pytest.raises(TypeError, match="path must be"):
        aicity.extract_file(None)


def test_a_binary_file_is_called_one(tmp_path):
    png = tmp_path / "logo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("臺北市長蔣萬安今天宣布投資1億元。".encode("utf-16-le"))
    result = invoke(["extract", png, utf16])
    assert result.stderr.splitlines() == [
        f"aicity: {png}: cannot decode: binary file (NUL bytes), not text; try --encoding NAME",
        f"aicity: {utf16}: cannot decode: binary data (NUL bytes); it looks like UTF-16-LE without a "
        "byte-order mark: give --encoding utf-16-le; try --encoding NAME",
    ]


# ================================================================ 9. a large user dictionary

def test_workers_get_the_user_dictionary_once_at_their_start_not_with_each_document(tmp_path):
    """Built before the fork and inherited: never pickled per task (that cost 49 s
    for 300 k entries); results equal a one-process run."""
    from aicity.userdict import UserDictionary, load_user_dictionary

    dictionary_file = tmp_path / "mine.tsv"
    dictionary_file.write_text("company\t奇點空間設計\t奇點空間\tcountry=TW\n", encoding="utf-8")
    loaded = load_user_dictionary([dictionary_file])

    class NeverPickled(UserDictionary):
        def __reduce__(self):
            raise AssertionError("the user dictionary was pickled")

    user = NeverPickled(loaded.entries)
    pages = copies(tmp_path / "news", 2)
    pages[0].write_text("奇點空間今天宣布投資1億元。", encoding="utf-8")
    items = [InputItem(str(p)) for p in pages]
    options = Options(ENTITY_TYPES, user_dict=user)
    parallel = [r.to_dict() for r in runner.run(items, options, jobs=2)]
    single = [r.to_dict() for r in runner.run(items, options, jobs=1)]
    assert parallel == single
    assert any(e["normalized"] == "奇點空間設計" for e in parallel[0]["entities"])


# ================================================================ issue 13: one read path, types parsed once

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_every_command_reports_a_bad_input_with_the_same_words(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 10)
    for path in (fifo, binary, tmp_path / "missing.txt"):
        lines = {
            tuple(invoke([*command, path]).stderr.splitlines())
            for command in (["extract"], ["extract", "-j", "2", GOOD], ["show"], ["convert"], ["summary"])
        }
        messages = {line for group in lines for line in group}
        assert len(messages) == 1, messages


def test_types_are_parsed_once_per_run(monkeypatch):
    calls = []
    real = pipeline.parse_types

    def counting(types):
        calls.append(types)
        return real(types)

    monkeypatch.setattr(pipeline, "parse_types", counting)
    assert invoke(["extract", *SEED_FILES, "-t", "date,money", "-j", "1", "-f", "jsonl"]).exit_code == 0
    assert calls == ["date,money"]
    calls.clear()
    list(aicity.extract_files([str(p) for p in SEED_FILES], types="city", jobs=1))
    assert calls == ["city"]


def test_a_worker_dead_before_taking_anything_hands_its_work_on(tmp_path, monkeypatch):
    """The first worker to start dies at once: the documents sent to it were never
    taken, so they go to the workers started after it and none is lost."""
    pages = copies(tmp_path / "news", 2)
    flag = tmp_path / "first-worker-started"
    real_serve = runner._serve

    def serve(conn, options, render):
        try:
            os.close(os.open(flag, os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            return real_serve(conn, options, render)
        os._exit(0)

    monkeypatch.setattr(runner, "_serve", serve)
    results = list(runner.run([InputItem(str(p)) for p in pages], Options(ENTITY_TYPES), jobs=2))
    assert flag.exists()
    assert [r.path for r in results] == [str(p) for p in pages]
    assert all(r.ok for r in results), [r.error for r in results if r.error]


def test_workers_that_always_die_at_start_end_the_run_instead_of_spinning(tmp_path, monkeypatch):
    pages = copies(tmp_path / "news", 2)
    monkeypatch.setattr(runner, "_serve", lambda conn, options, render: os._exit(3))
    with pytest.raises(RuntimeError, match=r"worker processes keep dying as soon as they start \(exit status 3\)"):
        list(runner.run([InputItem(str(p)) for p in pages], Options(ENTITY_TYPES), jobs=2))
