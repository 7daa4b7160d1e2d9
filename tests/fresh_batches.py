"""Batch functions for the tests of map_batches(fresh=True) (test_cluster.py): in a module of
their own, which a worker imports quickly (it must import the module of the function it runs)."""

from __future__ import annotations

import os
import signal
import sys
import threading


def chatty_pid(batch):
    print("a batch that prints to its standard output", batch)  # never into the result
    return os.getpid(), os.getppid(), sorted(m for m in sys.modules if m.startswith("multiprocessing"))


def killed(batch):
    if batch == "die":
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return batch


class Unpicklable(Exception):
    def __init__(self, what, lock):
        super().__init__(what)
        self.lock = lock  # a lock cannot be pickled


def raises_unpicklable(batch):
    raise Unpicklable(f"batch {batch} failed", threading.Lock())
