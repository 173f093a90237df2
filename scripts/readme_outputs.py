#!/usr/bin/env python3
"""Run the README's examples and check (or rewrite) the outputs it shows.

    python scripts/readme_outputs.py            # report every output that differs; exit 1 if any
    python scripts/readme_outputs.py --update   # write the real outputs into README.md
    python scripts/readme_outputs.py --benchmarks   # also run the benchmark commands

What is run, in README order and in one scratch folder (so a later command sees
the files an earlier one wrote):

* every ``$ command`` line of a ```` ```console ```` block; its output is the
  lines up to the next ``$`` line or the end of the block. Console blocks with
  no ``$`` line (install commands) are not run.
* a ```` ```python ```` block followed by ``Output:`` and a ```` ```text ````
  block: the code, whose output must be that block.

The scratch folder has ``seeds/``, ``aicity/`` and ``benchmarks/`` of this
checkout, and the example files of ``docs/examples/`` (``news.txt``,
``my_dict.tsv`` ...). ``aicity`` is the one installed beside this Python, the
terminal is 88 columns wide and not a terminal (so there are no colours).

Markers, an HTML comment on the line before a block:

* ``<!-- benchmark -->``: timings. Run only with ``--benchmarks``; with
  ``--update`` the new figures are written in.
* ``<!-- not run: REASON -->``: needs something this script cannot provide
  (a server, a cluster).
* ``<!-- file: PATH -->``: the block must be the content of PATH.

``tests/test_readme.py`` uses :func:`commands` to check that every command that
is run here still exits as the README says, without comparing outputs.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
EXAMPLES = ROOT / "docs" / "examples"
LINKED = ("seeds", "aicity", "benchmarks")
COLUMNS = "88"
FENCE = re.compile(r"^```(\w*)\s*$")
MARKER = re.compile(r"^<!--\s*(benchmark|not run|file)\s*:?\s*(.*?)\s*-->\s*$")
EXIT_STATUS = re.compile(r"^exit status (\d+)$", re.M)


@dataclass
class Example:
    kind: str               # "console" or "python"
    code: str               # the command (continuation lines joined) or the Python source
    first: int              # line index in README of the output's first line
    last: int               # line index after the output's last line
    output: str
    marker: str = ""        # "benchmark", "not run" or ""

    @property
    def command_exit(self) -> int:
        """What the aicity command before `; echo "exit status $?"` returns (else 0)."""
        found = EXIT_STATUS.findall(self.output) if "exit status $?" in self.code else []
        return int(found[-1]) if found else 0


def parse(lines: list[str]) -> tuple[list[Example], list[tuple[str, int, int]]]:
    """The runnable examples, and the ``(path, first, last)`` of blocks that must equal a file."""
    examples: list[Example] = []
    files: list[tuple[str, int, int]] = []
    index = 0
    while index < len(lines):
        fence = FENCE.match(lines[index])
        if not fence or not fence.group(1):
            index += 1
            continue
        kind = fence.group(1)
        marker = MARKER.match(lines[index - 1]) if index else None
        start = index + 1
        end = start
        while not FENCE.match(lines[end]) or FENCE.match(lines[end]).group(1):
            end += 1
        label = marker.group(1) if marker else ""
        if label == "file":
            files.append((marker.group(2), start, end))
        elif kind == "console":
            examples += _console_examples(lines, start, end, label)
        elif kind == "python":
            output = _output_block_after(lines, end + 1)
            if output:
                first, last = output
                examples.append(Example("python", "\n".join(lines[start:end]) + "\n", first, last,
                                        "\n".join(lines[first:last]), label))
        index = end + 1
    return examples, files


def _console_examples(lines, start, end, marker) -> list[Example]:
    found = []
    index = start
    while index < end:
        if not lines[index].startswith("$ "):
            index += 1
            continue
        command = lines[index][2:]
        while command.endswith("\\") and index + 1 < end:
            index += 1
            command = command[:-1] + " " + lines[index].strip()
        index += 1
        first = index
        while index < end and not lines[index].startswith("$ "):
            index += 1
        found.append(Example("console", command, first, index, "\n".join(lines[first:index]), marker))
    return found


def _output_block_after(lines, index):
    """``(first, last)`` of the ```text block after an ``Output:`` line starting at ``index``."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or lines[index].strip() != "Output:":
        return None
    index += 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and lines[index].startswith("```text"):
        first = index + 1
        last = first
        while not lines[last].startswith("```"):
            last += 1
        return first, last
    return None


def commands(readme: Path = README, benchmarks: bool = False) -> list[Example]:
    """The examples that are run (benchmarks only when asked for)."""
    examples, _ = parse(readme.read_text(encoding="utf-8").splitlines())
    return [e for e in examples
            if e.marker != "not run" and (benchmarks or e.marker != "benchmark")]


def make_sandbox(folder: Path) -> Path:
    for name in LINKED:
        (folder / name).symlink_to(ROOT / name)
    for example in sorted(EXAMPLES.iterdir()):
        (folder / example.name).write_bytes(example.read_bytes())
    return folder


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "AICITY_DEBUG")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               COLUMNS=COLUMNS, LINES="50", TERM="dumb", LC_ALL="C.UTF-8", PYTHONHASHSEED="0")
    return env


def run(example: Example, folder: Path) -> str:
    if example.kind == "python":
        args = [sys.executable, "-c", example.code]
    else:
        args = ["bash", "-o", "pipefail", "-c", example.code]
    # stderr into the same pipe: the messages stay where a terminal shows them.
    done = subprocess.run(args, cwd=folder, env=environment(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=900)
    text = done.stdout
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n")) if text.strip() else ""


def _same(shown: str, real: str) -> bool:
    def tidy(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())
    return tidy(shown) == tidy(real)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the real outputs into README.md")
    parser.add_argument("--benchmarks", action="store_true", help="also run the benchmark commands")
    args = parser.parse_args()
    lines = README.read_text(encoding="utf-8").splitlines()
    examples, files = parse(lines)
    problems = 0
    for path, first, last in files:
        if "\n".join(lines[first:last]) != (ROOT / path).read_text(encoding="utf-8").rstrip("\n"):
            problems += 1
            print(f"README.md:{first + 1}: the block is not the content of {path}")
    replacements: list[tuple[int, int, str]] = []
    with tempfile.TemporaryDirectory(prefix="aicity-readme-") as scratch:
        folder = make_sandbox(Path(scratch))
        for example in examples:
            if example.marker == "not run" or (example.marker == "benchmark" and not args.benchmarks):
                print(f"README.md:{example.first}: skipped ({example.marker}): {example.code.splitlines()[0][:70]}")
                continue
            real = run(example, folder)
            if _same(example.output, real):
                print(f"README.md:{example.first}: ok: {example.code.splitlines()[0][:70]}")
                continue
            problems += 1
            print(f"README.md:{example.first}: differs: {example.code.splitlines()[0][:70]}")
            if not args.update:
                for label, text in (("README", example.output), ("real", real)):
                    print(f"  --- {label}\n" + "\n".join("  " + line for line in text.splitlines()))
            replacements.append((example.first, example.last, real))
    if args.update and replacements:
        for first, last, real in sorted(replacements, reverse=True):
            lines[first:last] = real.split("\n") if real else []
        README.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"updated {len(replacements)} output(s) in README.md")
        return 0
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
