#!/usr/bin/env python3
"""Pathological text: seconds per input for the money extractor, against a time budget.

    python benchmarks/pathological.py [--size 100000] [--budget 2.0]

Each input is a hostile or careless text (``'億'*100000``, runs of 兆, of digits, of
``萬元``, a range or a list 100 000 characters long; a long line of news) built at
``--size`` characters and at a quarter of it. The script prints the CPU seconds of
``extract(text, "money")`` for both, the ratio (linear is about 4, quadratic 16), and
OK or OVER against the budget: at most ``--budget`` seconds per 100 000 characters,
and a ratio under 8. It exits 1 when an input is over. CPU time (not wall time) is
measured, as shared machines are noisy; still, it is a benchmark to read, not a test
(tests/test_properties.py checks what these inputs give).
"""
from __future__ import annotations

import argparse
import sys
import time

from aicity.pipeline import extract

NEWS = "外資賣超626億,台股下跌1494點,成交量5657億元,3.6萬張。"


def inputs(size: int) -> dict[str, str]:
    """Each pathological text, about ``size`` characters long."""
    def fill(unit: str, head: str = "", tail: str = "") -> str:
        return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail

    return {
        "億 run": fill("億"),
        "兆 run": fill("兆"),
        "萬 run after a cue": fill("萬", "營收"),
        "digit run + 元": fill("1", "營收", "元"),
        "十 run + 元": fill("十", "營收", "元"),
        "一 run + 點五元": fill("一", "營收", "點五元"),
        "多 run": fill("多", "3", "人"),
        "一個 repeated + 億": fill("一個", "營收", "億"),
        "萬元 repeated": fill("萬元"),
        "range chain": fill("3至", "", "5億元"),
        "list chain": fill("3億、", "營收", "5億美元"),
        "1元5角 repeated": fill("1元5角"),
        "spaced 億": fill(" 億", "營收3"),
        "news line": fill(NEWS),
    }


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    extract(text, "money", "2025-01-01")
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="characters per input (default 100000)")
    parser.add_argument("--budget", type=float, default=2.0,
                        help="CPU seconds allowed per 100000 characters (default 2.0)")
    parser.add_argument("--max-ratio", type=float, default=8.0,
                        help="largest time ratio for 4x the text (default 8; quadratic is 16)")
    args = parser.parse_args()
    extract(NEWS, "money", "2025-01-01")  # build the grammar first
    large, small = inputs(args.size), inputs(args.size // 4)
    allowed = args.budget * args.size / 100_000
    print(f"{'input':22} {'1/4 size':>9} {'size':>9} {'ratio':>6}  budget {allowed:.2f}s, ratio < {args.max_ratio:g}")
    over = 0
    for name, text in large.items():
        t_small, t_large = cpu_seconds(small[name]), cpu_seconds(text)
        ratio = t_large / max(t_small, 0.005)
        ok = t_large <= allowed and ratio < args.max_ratio
        over += not ok
        print(f"{name:22} {t_small:8.3f}s {t_large:8.3f}s {ratio:6.1f}  {'OK' if ok else 'OVER'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
