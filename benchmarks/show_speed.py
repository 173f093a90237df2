#!/usr/bin/env python3
"""How the cost of `aicity show` grows with the document: extraction against layout.

    python benchmarks/show_speed.py [--mb 1] [--steps 4]

Builds one document of the seed pages repeated up to ``--mb`` MB and times, in
this process, the extraction and the terminal view (coloured, and plain as when
piped) on 1/steps, 2/steps ... of it. Linear layout keeps the show/extract
ratio flat as the text grows; a quadratic one (a containment check of every
entity against every other, 13 s on 1 MB) makes it climb. Figures, not a test:
the unit test counts span reads instead (tests/test_show.py).
"""
from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from aicity.commands.show import print_terminal
from aicity.model import ENTITY_TYPES
from aicity.runner import Options, extract_text, warm_up

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the largest document (default 1)")
    parser.add_argument("--steps", type=int, default=4, help="sizes to time, evenly spaced (default 4)")
    args = parser.parse_args()
    page = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    copies = max(1, round(args.mb * 1_000_000 / len(page.encode("utf-8"))))
    text = page * copies
    options = Options(types=ENTITY_TYPES, ref_date=None)
    warm_up(ENTITY_TYPES)  # the dictionaries are built once, not in the first timing
    print(f"{'MB':>6} {'entities':>9} {'extract':>9} {'show':>8} {'plain':>8} {'show/extract':>13}")
    for step in range(1, args.steps + 1):
        part = text[: len(text) * step // args.steps]
        start = time.perf_counter()
        result = extract_text("bench", part, options)
        extracted = time.perf_counter() - start
        timings = []
        for color in (True, False):
            start = time.perf_counter()
            print_terminal(result, part, ENTITY_TYPES, io.StringIO(), color)
            timings.append(time.perf_counter() - start)
        megabytes = len(part.encode("utf-8")) / 1e6
        print(f"{megabytes:6.2f} {len(result.entities):9d} {extracted:8.2f}s {timings[0]:7.2f}s "
              f"{timings[1]:7.2f}s {timings[0] / extracted:13.2f}")


if __name__ == "__main__":
    main()
