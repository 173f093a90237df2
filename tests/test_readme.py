"""Every example in the README still runs and exits as the README shows.

The outputs themselves are checked (and rewritten) by ``scripts/readme_outputs.py``,
which runs each command in a shell; that takes a minute, so here each ``aicity``
call of a command runs in this process instead, with the same scratch folder,
and only its exit status is checked. Benchmarks and examples marked "not run"
are skipped, as the script skips them.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aicity.cli import cli

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("readme_outputs", ROOT / "scripts" / "readme_outputs.py")
readme_outputs = importlib.util.module_from_spec(_spec)
sys.modules["readme_outputs"] = readme_outputs  # dataclasses look their module up there
_spec.loader.exec_module(readme_outputs)

EXAMPLES = readme_outputs.commands()
SEPARATORS = {"|", "||", "&&", ";", "<(", "(", ")"}


def aicity_calls(command: str) -> list[tuple[list[str], str | None]]:
    """``(arguments, stdin)`` of each ``aicity`` call in a shell command line.

    Redirections are dropped (the call's output is not needed); stdin is given
    when an ``echo`` pipes into the call.
    """
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    stages: list[tuple[list[str], str]] = [([], "")]
    tokens = list(lexer)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in SEPARATORS:
            stages.append(([], token))
        elif token in (">", ">>", "<"):
            index += 1  # and its file name
        else:
            stages[-1][0].append(token)
        index += 1
    calls = []
    for position, (words, joined_by) in enumerate(stages):
        if not words or words[0] != "aicity":
            continue
        previous = stages[position - 1][0] if position else []
        stdin = " ".join(previous[1:]) + "\n" if joined_by == "|" and previous[:1] == ["echo"] else None
        calls.append((words[1:], stdin))
    return calls


def test_the_command_parser_finds_every_aicity_call():
    assert aicity_calls("echo '内存 价格' | aicity convert --to taiwan") == [
        (["convert", "--to", "taiwan"], "内存 价格\n")]
    assert aicity_calls("aicity extract a/ -f jsonl -o p.jsonl && aicity eval g --pred p.jsonl > /dev/null; "
                        "echo \"exit status $?\"") == [
        (["extract", "a/", "-f", "jsonl", "-o", "p.jsonl"], None), (["eval", "g", "--pred", "p.jsonl"], None)]
    assert aicity_calls("cat parts/*.jsonl | cmp - <(aicity extract seeds/ --format jsonl) && echo same") == [
        (["extract", "seeds/", "--format", "jsonl"], None)]
    assert aicity_calls("sqlite3 corpus.db 'SELECT 1'") == []


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Path:
    return readme_outputs.make_sandbox(tmp_path_factory.mktemp("readme"))


def test_the_readme_has_examples_to_run():
    kinds = {example.kind for example in EXAMPLES}
    assert kinds == {"console", "python"}
    assert sum(1 for e in EXAMPLES if aicity_calls(e.code)) >= 20
    skipped = [e for e in readme_outputs.parse(readme_outputs.README.read_text(encoding="utf-8").splitlines())[0]
               if e not in EXAMPLES]
    assert {e.marker for e in skipped} == {"benchmark", "not run"}


def _shell_expanded(word: str, folder: Path) -> str:
    """A word as the shell would expand it in ``folder`` ("$PWD/seeds")."""
    if "$" not in word:
        return word
    done = subprocess.run(["bash", "-c", f'printf %s "{word}"'], cwd=folder, capture_output=True, text=True,
                          env={**os.environ, "PWD": str(folder)}, check=True)
    return done.stdout


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"README.md:{e.first}")
def test_readme_example_runs(example, sandbox, monkeypatch):
    monkeypatch.chdir(sandbox)
    monkeypatch.setenv("COLUMNS", readme_outputs.COLUMNS)
    if example.kind == "python":
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            exec(compile(example.code, f"README.md:{example.first}", "exec"), {"__name__": "__readme__"})
        assert printed.getvalue().strip()
        return
    calls = aicity_calls(example.code)
    for number, (args, stdin) in enumerate(calls, 1):
        args = [_shell_expanded(arg, sandbox) for arg in args]
        result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
        expected = example.command_exit if number == len(calls) else 0
        assert result.exit_code == expected, f"aicity {shlex.join(args)}:\n{result.output}"
        assert "Traceback" not in result.output


def test_the_files_the_readme_shows_are_the_example_files():
    lines = readme_outputs.README.read_text(encoding="utf-8").splitlines()
    _, files = readme_outputs.parse(lines)
    assert files
    for path, first, last in files:
        assert "\n".join(lines[first:last]) == (ROOT / path).read_text(encoding="utf-8").rstrip("\n")
