#!/usr/bin/env python3
"""Throughput benchmark: aicity end to end, against plain jieba, on a corpus built from the seeds.

    python benchmarks/throughput.py [--mb 10] [--jobs 2] [--repeat 3] [--no-dask]

Builds a corpus of at least ``--mb`` MB in a temporary folder (the seed pages in
Traditional, and a Simplified copy made with ``aicity convert``, copied until the
size is reached), runs ``aicity extract --format jsonl`` over it as a user would,
and prints:

* MB/s of text and documents/s, peak RSS of the extraction processes;
* in the same run, on the same text: ``jieba.cut`` (segmentation alone) on at
  least 2 MB and ``jieba.posseg.cut`` on a 100 KB sample, and the ratios;
* cold start of ``aicity --help`` and of ``aicity extract`` on one seed page;
* scaling: time for 1x, 4x and 16x a 1 MB corpus (cost must grow linearly);
* the local Dask engine beside ``--jobs N`` (unless ``--no-dask`` or Dask is missing).

The extraction runs (``--jobs N``, ``--jobs 1`` and Dask) are repeated
``--repeat`` times and their median is printed with the range, as shared
machines are noisy. It is a script that prints figures, not a test: targets
are judged by reading them.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BIN = Path(sys.executable).parent
AICITY = str(BIN / "aicity") if (BIN / "aicity").exists() else shutil.which("aicity") or "aicity"


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Fill ``folder`` with copies of the seeds (Traditional + Simplified); return (bytes, files)."""
    folder.mkdir(parents=True, exist_ok=True)
    sources: list[tuple[str, bytes]] = []
    for seed in sorted(SEEDS.glob("*.txt")):
        sources.append((seed.stem + ".tw", seed.read_bytes()))
        simplified = subprocess.run([AICITY, "convert", "--to", "simplified", str(seed)],
                                    check=True, capture_output=True).stdout
        sources.append((seed.stem + ".cn", simplified))
    total = files = 0
    target = megabytes * 1_000_000
    copy = 0
    while total < target:
        for name, data in sources:
            (folder / f"{copy:05d}_{name}.txt").write_bytes(data)
            total += len(data)
            files += 1
        copy += 1
    return total, files


def run_extract(folder: Path, jobs: int, extra: list[str] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB, largest process) of one extraction run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([AICITY, "extract", "--format", "jsonl", "--jobs", str(jobs), "--no-progress",
                    str(folder), *(extra or [])], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def corpus_text(folder: Path, limit_bytes: int) -> str:
    parts, size = [], 0
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        parts.append(data.decode("utf-8"))
        size += len(data)
        if size >= limit_bytes:
            break
    return "".join(parts)


def spread(runs: list[tuple[float, int]], mb: float) -> str:
    """The range of several runs' rates, when there are several."""
    if len(runs) < 2:
        return ""
    rates = sorted(mb / t for t, _ in runs)
    return f" (median of {len(runs)}; {rates[0]:.2f}-{rates[-1]:.2f} MB/s)"


def jieba_rates(text: str, sample_bytes: int) -> tuple[float, float, float]:
    """MB/s of jieba.cut on ``text`` and of jieba.posseg.cut on a sample; dictionary load excluded."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    data_mb = len(text.encode("utf-8")) / 1e6
    start = time.perf_counter()
    for _ in jieba.cut(text):
        pass
    cut_rate = data_mb / (time.perf_counter() - start)
    sample = text.encode("utf-8")[:sample_bytes].decode("utf-8", errors="ignore")
    start = time.perf_counter()
    for _ in jieba.posseg.cut(sample):
        pass
    posseg_seconds = time.perf_counter() - start
    posseg_rate = len(sample.encode("utf-8")) / 1e6 / posseg_seconds
    return cut_rate, posseg_rate, data_mb


def cold_start(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each extraction; the median is printed (default 3)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask comparison")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1x/4x/16x scaling runs")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="aicity-bench-") as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        size, files = build_corpus(corpus, args.mb)
        mb = size / 1e6
        print(f"corpus: {mb:.1f} MB in {files} files (seeds in Traditional + Simplified), {os.cpu_count()} cores")

        # Warm the dictionary cache and page cache once, as a user's second run would be.
        run_extract(SEEDS, 1)
        runs = [run_extract(corpus, args.jobs) for _ in range(args.repeat)]
        elapsed = statistics.median(t for t, _ in runs)
        peak_kb = max(p for _, p in runs)
        rate = mb / elapsed
        print(f"aicity extract --jobs {args.jobs}: {elapsed:.2f} s, {rate:.2f} MB/s, "
              f"{files / elapsed:.0f} documents/s, peak RSS {peak_kb / 1024:.0f} MB{spread(runs, mb)}")
        runs1 = [run_extract(corpus, 1) for _ in range(args.repeat)]
        elapsed1 = statistics.median(t for t, _ in runs1)
        print(f"aicity extract --jobs 1: {elapsed1:.2f} s, {mb / elapsed1:.2f} MB/s{spread(runs1, mb)}")

        text = corpus_text(corpus, 2_100_000)
        cut_rate, posseg_rate, cut_mb = jieba_rates(text, 100_000)
        print(f"jieba.cut (segmentation only, {cut_mb:.1f} MB, one process): {cut_rate:.2f} MB/s "
              f"-> aicity --jobs {args.jobs} is {rate / cut_rate:.1f}x, --jobs 1 is {mb / elapsed1 / cut_rate:.1f}x")
        print(f"jieba.posseg.cut (100 KB sample): {posseg_rate * 1000:.1f} KB/s "
              f"-> aicity --jobs {args.jobs} is {rate / posseg_rate:.0f}x")

        help_time = cold_start([AICITY, "--help"])
        seed = sorted(SEEDS.glob("*.txt"))[0]
        one_page = cold_start([AICITY, "extract", "--format", "jsonl", str(seed)])
        print(f"cold start: aicity --help {help_time:.3f} s; aicity extract one seed page {one_page:.3f} s (medians of 5)")

        if not args.no_scaling:
            unit = tmp_path / "unit"
            build_corpus(unit, 1.0)
            timings = {}
            for factor in (1, 4, 16):
                folder = tmp_path / f"x{factor}"
                folder.mkdir()
                for copy in range(factor):
                    for path in unit.glob("*.txt"):
                        os.link(path, folder / f"{copy:03d}_{path.name}")
                timings[factor], _ = run_extract(folder, args.jobs)
            print("scaling (1 MB unit, --jobs {}): 1x {:.2f} s, 4x {:.2f} s ({:.2f}x), 16x {:.2f} s ({:.2f}x)".format(
                args.jobs, timings[1], timings[4], timings[4] / timings[1], timings[16], timings[16] / timings[1]))

        if not args.no_dask:
            try:
                import dask  # noqa: F401
                import distributed  # noqa: F401
            except ImportError:
                print("dask: not installed (pip install 'aicity[dask]'); skipped")
            else:
                dask_runs = []
                for run in range(args.repeat):
                    out = tmp_path / f"dask-out-{run}"
                    start = time.perf_counter()
                    subprocess.run([AICITY, "extract", "--engine", "dask", "-o", str(out), str(corpus)],
                                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    dask_runs.append((time.perf_counter() - start, 0))
                dask_elapsed = statistics.median(t for t, _ in dask_runs)
                print(f"dask local cluster: {dask_elapsed:.2f} s, {mb / dask_elapsed:.2f} MB/s "
                      f"= {elapsed / dask_elapsed * 100:.0f}% of --jobs {args.jobs}{spread(dask_runs, mb)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
