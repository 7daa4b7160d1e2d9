"""Timing shared by the benchmarks: best of N, since the machines are shared and noisy."""

from __future__ import annotations

import time


def best(runs: int, fn) -> float:
    """The fastest of `runs` calls of fn(), in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)
