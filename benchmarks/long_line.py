#!/usr/bin/env python3
"""Is each extractor linear on one long line? Time per type on a line and on one 4x longer.

    python benchmarks/long_line.py [--size 30000] [--repeat 3] [--types date,money]

The line is the seed pages joined with spaces (no newline), repeated to ``--size``
characters and to 4x that. For each type it prints the best of ``--repeat`` runs
of ``aicity.pipeline.extract`` on both, and their ratio: about 4 is linear, 16
quadratic. A ratio of 8 or more is flagged (and the exit status is 1), but on a
loaded machine read the figures again before believing it: this is a measurement,
not a test (it used to be one, and failed under load).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REF_DATE = "2025-02-17"
FLAG_RATIO = 8  # between linear (4) and quadratic (16)


def one_line() -> str:
    return " ".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))).replace("\n", " ")


def best_time(extract, text: str, entity_type: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        extract(text, entity_type, REF_DATE)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=30_000, help="characters of the short line")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the best is kept)")
    parser.add_argument("--types", default="official,company,city,date,money")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from aicity.pipeline import extract

    news = one_line()
    flagged = []
    print(f"{'type':<9} {args.size:>9,} ch {4 * args.size:>9,} ch  ratio (4 = linear, 16 = quadratic)")
    for entity_type in args.types.split(","):
        extract(news[:3000], entity_type, REF_DATE)  # build the extractor before timing it
        small, large = ((news * (size // len(news) + 1))[:size] for size in (args.size, 4 * args.size))
        t_small = best_time(extract, small, entity_type, args.repeat)
        t_large = best_time(extract, large, entity_type, args.repeat)
        ratio = t_large / max(t_small, 0.005)  # a very fast small run says nothing
        mark = "  <- superlinear?" if ratio >= FLAG_RATIO else ""
        print(f"{entity_type:<9} {t_small:>10.3f} s {t_large:>10.3f} s  x{ratio:.1f}{mark}")
        if mark:
            flagged.append(entity_type)
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
