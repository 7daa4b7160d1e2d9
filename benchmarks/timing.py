"""Timing shared by the benchmarks: best of N, since the machines are shared and noisy.

`clock(cpu)`: wall time (what a user waits), or with `cpu` the CPU time of this process,
which other processes on a loaded machine disturb far less (a conversion does no I/O to
speak of besides reading its files, so the two agree on an idle machine)."""

from __future__ import annotations

import time


def clock(cpu: bool = False):
    """The clock to time with: CPU time of this process, or wall time."""
    return time.process_time if cpu else time.perf_counter


def best(runs: int, fn, cpu: bool = False) -> float:
    """The fastest of `runs` calls of fn(), in seconds (of CPU time with `cpu`)."""
    now = clock(cpu)
    times = []
    for _ in range(runs):
        t0 = now()
        fn()
        times.append(now() - t0)
    return min(times)
