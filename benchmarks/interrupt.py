#!/usr/bin/env python3
"""How fast does ``aicity extract`` stop on Ctrl-C? Seconds from SIGINT to exit.

    python benchmarks/interrupt.py [--jobs 1,2] [--copies 20]

Runs the installed ``aicity extract -f jsonl`` over ``--copies`` copies of the
seed pages, sends SIGINT to its process group (a terminal's Ctrl-C) once three
documents are out, and prints the time until it exits and its exit status (130
expected). tests/test_robustness.py checks what it prints and leaves behind;
the figure is printed here, as it depends on the machine and its load.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BIN = Path(sys.executable).parent
AICITY = str(BIN / "aicity") if (BIN / "aicity").exists() else shutil.which("aicity") or "aicity"


def time_to_stop(folder: Path, out: Path, jobs: str) -> tuple[float, int]:
    with open(out, "wb") as stdout:
        process = subprocess.Popen([AICITY, "extract", str(folder), "-f", "jsonl", "-j", jobs],
                                   stdout=stdout, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while out.read_bytes().count(b"\n") < 3:
            if process.poll() is not None:
                raise SystemExit("aicity finished before it could be interrupted: use more --copies")
            time.sleep(0.02)
        sent = time.monotonic()
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=120)
        return time.monotonic() - sent, process.returncode
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to try")
    parser.add_argument("--copies", type=int, default=20, help="copies of the seed pages to extract")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        for copy in range(args.copies):
            for seed in sorted(SEEDS.glob("*.txt")):
                shutil.copyfile(seed, folder / f"{copy:03d}_{seed.name}")
        for jobs in args.jobs.split(","):
            seconds, code = time_to_stop(folder, Path(tmp) / "out.jsonl", jobs)
            print(f"--jobs {jobs}: stopped {seconds:.2f} s after Ctrl-C, exit status {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
