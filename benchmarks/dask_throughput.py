"""Throughput of ``aicity extract --engine dask`` against the local process pool.

Builds a corpus of at least ``--mb`` megabytes from copies of ``seeds/*.txt``
in a temporary folder, then times, on the same corpus and as a user runs them:

* local: ``aicity extract --jobs N --format jsonl CORPUS > out.jsonl``
* dask:  ``aicity extract --engine dask -o OUTDIR CORPUS`` (a local cluster,
  one single-threaded worker process per core; its start-up is included)

and prints the MB/s of each and their ratio. It also checks that the Dask
partitions, read in order, are the local output line for line.

    python benchmarks/dask_throughput.py            # 10 MB, --jobs 2
    python benchmarks/dask_throughput.py --mb 50 --jobs 4 --repeat 3

Other benchmarks can ``from benchmarks.dask_throughput import measure``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def aicity_command() -> list[str]:
    """The installed ``aicity`` script beside this Python, else ``python -m aicity``."""
    script = Path(sys.executable).with_name("aicity")
    return [str(script)] if script.exists() else [sys.executable, "-m", "aicity"]


def build_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Copy the seeds into ``folder`` until it holds ``megabytes``; return (files, bytes)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seeds in {SEEDS}")
    folder.mkdir(parents=True, exist_ok=True)
    files = total = copy = 0
    while total < megabytes * 1_000_000:
        for seed in seeds:
            target = folder / f"{copy:05d}_{seed.name}"
            shutil.copyfile(seed, target)
            files += 1
            total += target.stat().st_size
        copy += 1
    return files, total


def timed(command: list[str], stdout=subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return elapsed


def measure(corpus_mb: float = 10.0, jobs: int = 2, repeat: int = 1, workdir: str | None = None) -> dict:
    """Time both engines on one corpus (best of ``repeat``); return the figures as a dict.

    The fixed cost of each engine (start-up, building the extractors, for the
    Dask run starting the cluster) is also timed on a one-file corpus.
    """
    with tempfile.TemporaryDirectory(prefix="aicity-dask-bench-", dir=workdir) as tmp:
        corpus, outdir, local_out = Path(tmp, "corpus"), Path(tmp, "parts"), Path(tmp, "local.jsonl")
        files, size = build_corpus(corpus, corpus_mb)
        one_file = str(sorted(corpus.iterdir())[0])
        aicity = aicity_command()
        local = [*aicity, "extract", "--jobs", str(jobs), "--format", "jsonl", "--no-progress"]
        dask = [*aicity, "extract", "--engine", "dask", "-o", str(outdir)]

        local_fixed = timed([*local, one_file])
        dask_fixed = timed([*dask, one_file])
        local_seconds = dask_seconds = float("inf")
        for _ in range(repeat):
            with open(local_out, "w", encoding="utf-8") as out:
                local_seconds = min(local_seconds, timed([*local, str(corpus)], stdout=out))
            dask_seconds = min(dask_seconds, timed([*dask, str(corpus)]))
        parts = sorted(outdir.glob("part-*.jsonl"))
        dask_lines = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
        identical = dask_lines == local_out.read_text(encoding="utf-8").splitlines()
    megabytes = size / 1_000_000
    return {
        "files": files,
        "megabytes": round(megabytes, 2),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None,
        "local_jobs": jobs,
        "local_seconds": round(local_seconds, 2),
        "local_mb_per_s": round(megabytes / local_seconds, 3),
        "local_one_file_seconds": round(local_fixed, 2),
        "dask_partitions": len(parts),
        "dask_seconds": round(dask_seconds, 2),
        "dask_mb_per_s": round(megabytes / dask_seconds, 3),
        "dask_one_file_seconds": round(dask_fixed, 2),
        "dask_to_local_ratio": round(local_seconds / dask_seconds, 2),
        "identical_output": identical,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of the local run (default 2)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each engine; the best counts (default 1)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    f = measure(args.mb, args.jobs, args.repeat)
    if args.json:
        print(json.dumps(f))
    else:
        print(f"corpus: {f['files']} files, {f['megabytes']} MB; {f['cores']} cores, "
              f"load average {f['load_average']}")
        print(f"local --jobs {f['local_jobs']}:       {f['local_seconds']:7.2f} s  {f['local_mb_per_s']:6.3f} MB/s"
              f"  (one file: {f['local_one_file_seconds']:.2f} s)")
        print(f"dask, {f['dask_partitions']:3d} partitions: {f['dask_seconds']:7.2f} s  {f['dask_mb_per_s']:6.3f} MB/s"
              f"  (one file: {f['dask_one_file_seconds']:.2f} s, cluster start-up included)")
        print(f"dask / local throughput: {f['dask_to_local_ratio']:.2f}x; identical output: {f['identical_output']}")
    if not f["identical_output"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
