"""Time `teikit convert` on the bundled book, pass by pass (best of N runs)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from teikit.convert import convert

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("source", nargs="?", default=str(ROOT / "sources" / "iron-lazar.txt"))
    args = ap.parse_args()
    totals, passes = [], {}
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            timings: dict = {}
            t0 = time.perf_counter()
            convert(args.source, Path(tmp) / "out", timings=timings)
            totals.append(time.perf_counter() - t0)
            for name, t in timings.items():
                passes.setdefault(name, []).append(t)
    size = Path(args.source).stat().st_size
    print(f"convert {args.source} ({size / 1e6:.2f} MB), {args.runs} runs")
    print(f"total: best {min(totals):.3f} s, median {statistics.median(totals):.3f} s (target < 1.5 s)")
    for name, ts in passes.items():
        print(f"  {name:13s} {min(ts) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
