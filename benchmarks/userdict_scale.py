#!/usr/bin/env python3
"""How a large user dictionary (``--dict``) scales with ``--jobs``.

    python benchmarks/userdict_scale.py [--entries 300000] [--copies 40] [--jobs 1 2]

Writes a synthetic dictionary of ``--entries`` company and city entries
(made-up names, one alias each) and a corpus of ``--copies`` copies of the
seed pages, then times ``aicity extract --dict FILE -f jsonl`` for each
``--jobs`` value and prints the seconds and the peak RSS of the largest
process of the run (the main one or a worker). A dictionary must be built
once, before the workers are forked, and not sent to them with every task:
time and memory should then barely grow from ``-j1`` to ``-j2``.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
AICITY = str(BIN / "aicity") if (BIN / "aicity").exists() else shutil.which("aicity") or "aicity"
# Common characters to make up names from (no real company is meant).
CHARACTERS = "安寶長晨達東鼎豐福光弘華輝佳嘉金錦凱康藍力立隆茂銘南品啟強榮瑞森盛泰騰通偉翔欣鑫興旭揚益友宇元源允澤振正志中"


def write_dictionary(path: Path, entries: int, seed: int = 17) -> None:
    rng = random.Random(seed)
    seen: set[str] = set()
    lines = ["type\tname\taliases\tfields"]
    while len(lines) <= entries:
        core = "".join(rng.choice(CHARACTERS) for _ in range(rng.randint(3, 5)))
        if core in seen:
            continue
        seen.add(core)
        if len(lines) % 10 == 0:
            lines.append(f"city\t{core}市\t{core}\tcountry=TW")
        else:
            lines.append(f"company\t{core}科技股份有限公司\t{core}科技\tcountry=TW")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_corpus(folder: Path, copies: int) -> int:
    folder.mkdir()
    files = 0
    for copy in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copyfile(seed, folder / f"{copy:04d}_{seed.name}")
            files += 1
    return files


# Runs one command and prints its wall time and the peak RSS of its largest process.
PROBE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "elapsed = time.perf_counter() - start\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(done.returncode, elapsed, peak, done.stderr.decode()[-300:].replace(chr(10), ' '))\n"
)


def measure(args: list[str]) -> tuple[int, float, float, str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True).stdout
    code, elapsed, peak_kb, stderr = (out.rstrip("\n").split(" ", 3) + [""])[:4]
    return int(code), float(elapsed), int(peak_kb) / 1024, stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=300_000)
    parser.add_argument("--copies", type=int, default=40, help="copies of the seed pages in the corpus")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dictionary = folder / "user.tsv"
        write_dictionary(dictionary, args.entries)
        files = write_corpus(folder / "corpus", args.copies)
        size = dictionary.stat().st_size / 1e6
        print(f"dictionary: {args.entries} entries, {size:.1f} MB; corpus: {files} files")
        for jobs in args.jobs:
            code, elapsed, peak, stderr = measure(
                [AICITY, "extract", str(folder / "corpus"), "--dict", str(dictionary),
                 "-f", "jsonl", "--jobs", str(jobs)])
            note = "" if code == 0 else f"  (exit {code}: {stderr})"
            print(f"--jobs {jobs}: {elapsed:6.2f} s, peak RSS {peak:6.0f} MB{note}")


if __name__ == "__main__":
    main()
