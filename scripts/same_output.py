#!/usr/bin/env python3
"""Check that a change leaves extraction output byte-identical.

    python scripts/same_output.py [BASE_REF] [--all]   (default: HEAD)

Runs ``aicity extract -f jsonl`` of the working tree and of BASE_REF (checked
out into a temporary git worktree) over the same reference set, and prints the
first five differing lines (``--all``: every one, whole).  The set: ``seeds/``, the seeds converted to Simplified
(OpenCC t2s), ``../shared/dev/docs`` when present, and every ``input`` of
``tests/cases/*.json`` (one document per case, run with the case's
``ref_date``).  Exit 0 when identical, 1 when not.

Refactorings (issue 13) must pass this; rule and data changes will not, and
the diff it prints is what to review.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "dev" / "docs"
REF_DATE = "2025-06-15"


def build_corpus(folder: Path) -> list[tuple[Path, str]]:
    """Write the reference documents; return (folder, ref_date) groups to run."""
    import opencc

    t2s = opencc.OpenCC("t2s").convert
    groups: list[tuple[Path, str]] = []
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for name, convert in (("seeds", str), ("seeds_simplified", t2s)):
        out = folder / name
        out.mkdir(parents=True)
        for path in seeds:
            (out / path.name).write_text(convert(path.read_text(encoding="utf-8")), encoding="utf-8")
        groups.append((out, REF_DATE))
    if DEV_DOCS.is_dir():
        groups.append((DEV_DOCS, REF_DATE))
    cases = folder / "cases"
    by_date: dict[str, list[str]] = {}
    for spec in sorted((ROOT / "tests" / "cases").glob("*.json")):
        for case in json.loads(spec.read_text(encoding="utf-8")):
            by_date.setdefault(case.get("ref_date") or REF_DATE, []).append(case["input"])
    for number, (ref_date, inputs) in enumerate(sorted(by_date.items())):
        out = cases / f"{number:03d}"
        out.mkdir(parents=True)
        for i, text in enumerate(inputs):
            (out / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        groups.append((out, ref_date))
    return groups


def run(tree: Path, groups: list[tuple[Path, str]]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(tree), NO_COLOR="1")
    lines: list[str] = []
    for folder, ref_date in groups:
        result = subprocess.run(
            [sys.executable, "-m", "aicity", "extract", "-f", "jsonl", "--ref-date", ref_date, str(folder)],
            cwd=tree, env=env, capture_output=True, text=True, check=False,
        )
        if result.returncode != 0:
            sys.exit(f"{tree}: aicity extract failed on {folder}:\n{result.stderr[-2000:]}")
        # Paths differ between the two trees only by the temporary folder.
        lines += result.stdout.splitlines()
    return lines


def main() -> int:
    refs = [a for a in sys.argv[1:] if not a.startswith("--")]
    base = refs[0] if refs else "HEAD"
    show_all = "--all" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        groups = build_corpus(tmp_path / "corpus")
        base_tree = tmp_path / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base_tree), base], cwd=ROOT, check=True)
        try:
            before = run(base_tree, groups)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT, check=False)
        after = run(ROOT, groups)
    if before == after:
        print(f"identical: {len(after)} documents, {sum(map(len, after)):,} characters of JSONL (base {base})")
        return 0
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    print(f"DIFFERENT: {len(changed)} of {len(before)} documents differ"
          + (f"; document count {len(before)} -> {len(after)}" if len(before) != len(after) else ""))
    for i in changed if show_all else changed[:5]:
        width = None if show_all else 1500
        print(f"--- base   {before[i][:width]}\n+++ change {after[i][:width]}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
