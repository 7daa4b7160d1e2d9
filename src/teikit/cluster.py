"""Where batch work runs: in this process, in local worker processes, or on a Dask cluster.

    for index, result in map_batches(work, batches, jobs=2): ...
    for index, result in map_batches(work, batches, dask="tcp://scheduler:8786"): ...

`map_batches(fn, batches)` calls `fn(batch)` once for every batch and yields
`(index of the batch, its result)` as the batches finish — in the order they finish,
so that a caller can write or count results as they come and hold no more than it
chooses to. Every batch's result is yielded exactly once; an exception raised by `fn`
stops the run and is raised to the caller (batch functions turn the failure of one
item into a result of that item, so an exception means the batch itself could not run).

- `jobs=1` and no cluster: the batches run here, one after another.
- `jobs=N`: a pool of N local processes, started by a fork server (never a fork of
  this process, whose threads' locks a fork would copy held).
- `fresh=True`: every batch runs in a local process of its own (`jobs` of them at a
  time, even when `jobs` is 1), which ends when the batch is done: what the batch made
  the process hold (a heap its runtime sized for it and never gives back, as Saxon's)
  goes back to the system before the next batch starts. The process is a new interpreter
  (`python -m teikit.worker`: the batch goes in and its result comes out by pickle), with
  no fork server or resource tracker beside it; one that ends without a result (killed,
  out of memory) stops the run with a TeikitError.
- `dask=ADDRESS` (or the TEIKIT_DASK environment variable, see `dask_address`): the
  batches are tasks on an existing dask.distributed cluster (`pip install teikit[dask]`).
  `fn` and the batches travel by pickle, so `fn` must be a module-level function; the
  workers must be able to import teikit and read the same paths as this process (a
  shared file system). Each task is submitted as impure (`pure=False`), so two equal
  batches are two tasks. When a worker dies with a batch running or waiting on it, the
  scheduler gives the batch to another worker (up to its `allowed-failures` setting,
  3 by default; past that the run fails with `distributed.KilledWorker`, raised here as
  a TeikitError); the result of the batch that ends is the only one this function
  yields for it, so no item is counted twice or lost. A batch function that writes
  files must therefore be safe to run again from the start (conversion writes each
  output atomically, and replaces what a killed run of the same batch left).

The batch size is the caller's choice: large enough to amortise what a batch starts
(a JVM, a compiled schema), small enough to spread over the workers; see `batch_size`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from .errors import TeikitError

B = TypeVar("B")
R = TypeVar("R")

ENV_VAR = "TEIKIT_DASK"
CONNECT_TIMEOUT = 30  # seconds to reach the scheduler


def dask_address(given: str | None = None) -> str | None:
    """The Dask scheduler to use: the one given, else $TEIKIT_DASK, else None (run locally)."""
    address = given or os.environ.get(ENV_VAR, "").strip()
    return address or None


def batch_size(count: int, workers: int, *, smallest: int, largest: int, per_worker: int = 2) -> int:
    """Items per batch: at least `per_worker` batches for every worker (so that a slow batch
    or a lost worker does not leave the others idle), and a whole number of rounds of
    batches over the workers where `largest` allows (no worker idle in the last round);
    never fewer than `smallest` items (what a batch starts must pay off) nor more than
    `largest`."""
    if count <= 0:
        return 1
    workers = max(1, workers)
    rounds = max(per_worker, -(-count // (workers * largest)))
    size = -(-count // (workers * rounds))
    return max(1, min(largest, max(smallest, size)))


def split(items: Sequence[B], size: int) -> list[Sequence[B]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def map_batches(
    fn: Callable[[B], R], batches: Sequence[B], *, jobs: int = 1, dask: str | None = None, fresh: bool = False
) -> Iterator[tuple[int, R]]:
    """Run `fn` on every batch here, in `jobs` local processes (with `fresh`, a process
    for each batch), or on the Dask cluster at `dask`; yield (batch index, result) as each
    batch finishes (see the module docstring)."""
    if not batches:
        return
    if dask:
        yield from _on_dask(fn, batches, dask)
    elif fresh:
        yield from _in_fresh_processes(fn, batches, max(1, jobs))
    elif jobs <= 1 or len(batches) == 1:
        for i, batch in enumerate(batches):
            yield i, fn(batch)
    else:
        yield from _in_processes(fn, batches, jobs)


def _context(fn: Callable[[B], R]) -> Any:
    # Workers come from a fork server, not from a fork of this process: this process may
    # run threads (a progress bar, a Saxon engine, a Dask client) whose locks a fork would
    # copy held. The server imports fn's module once; each worker compiles its schemas once.
    # (Imported here: a run in one process, most runs of `teikit validate`, needs none of it.)
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    module = getattr(getattr(fn, "func", fn), "__module__", None)  # a functools.partial's function
    if module and module.startswith("teikit."):
        context.set_forkserver_preload([module])  # imported once by the server, not by each worker
    return context


def _in_fresh_processes(fn: Callable[[B], R], batches: Sequence[B], jobs: int) -> Iterator[tuple[int, R]]:
    # Each batch in a new interpreter (teikit.worker), `jobs` at a time, each waited for by a
    # thread here: no fork server and no resource tracker, which a pool would start and keep
    # for the whole run beside the worker (some 45 MiB of the 432 a collection of 400
    # documents took); the worker imports only what the batch needs.
    from concurrent.futures import ThreadPoolExecutor

    workers = _Workers()
    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        yield from _as_done({pool.submit(workers.run, fn, batch): i for i, batch in enumerate(batches)})
    finally:
        workers.stop()
        pool.shutdown(wait=True)


def _as_done(pending: dict[Any, int]) -> Iterator[tuple[int, Any]]:
    """(batch number, result) of each future as it is done (those done together in batch
    order); the ones not started are cancelled when the caller stops early."""
    from concurrent.futures import FIRST_COMPLETED, wait

    try:
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=pending.__getitem__):
                yield pending.pop(future), future.result()
    finally:
        for future in pending:
            future.cancel()


class _Workers:
    """The worker processes of one map_batches(fresh=True): started, waited for, and ended
    at once when the run stops early (an exception, or the caller leaving the loop)."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()
        self.running: set[Any] = set()
        self.stopped = False

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            for proc in self.running:
                proc.kill()

    def run(self, fn: Callable[[B], R], batch: B) -> R:
        """`fn(batch)` in a new process (teikit.worker): its result, or the exception it raised."""
        import pickle
        import subprocess
        import sys

        payload = pickle.dumps((fn, batch), protocol=pickle.HIGHEST_PROTOCOL)
        # The worker imports from where this process does (teikit, and the module of `fn`).
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        with self.lock:
            if self.stopped:
                raise TeikitError("the run stopped before this batch started")
            proc = subprocess.Popen(
                [sys.executable, "-m", "teikit.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
            )
            self.running.add(proc)
        try:
            out, _ = proc.communicate(payload)
        finally:
            with self.lock:
                self.running.discard(proc)
        if proc.returncode != 0 or not out:
            how = f"signal {-proc.returncode}" if proc.returncode < 0 else f"status {proc.returncode}"
            raise TeikitError(f"a worker process ended with {how} before its batch was done")
        ok, value = pickle.loads(out)
        if not ok:
            raise value
        return value


def _in_processes(fn: Callable[[B], R], batches: Sequence[B], jobs: int) -> Iterator[tuple[int, R]]:
    from concurrent.futures import ProcessPoolExecutor

    context = _context(fn)
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context) as pool:
        yield from _as_done({pool.submit(fn, batch): i for i, batch in enumerate(batches)})


def client(address: str) -> Any:
    """A dask.distributed Client connected to `address`, or a TeikitError saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise TeikitError(
            "running on a Dask cluster needs dask.distributed: pip install 'teikit[dask]'", address
        ) from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise TeikitError(f"cannot reach the Dask scheduler: {exc}", address) from None


def _on_dask(fn: Callable[[B], R], batches: Sequence[B], address: str) -> Iterator[tuple[int, R]]:
    import uuid

    from distributed import KilledWorker, as_completed

    run = uuid.uuid4().hex[:12]
    name = getattr(fn, "__name__", "batch")
    with client(address) as c:
        futures = c.map(fn, list(batches), key=[f"teikit-{name}-{run}-{i}" for i in range(len(batches))], pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for future in as_completed(futures, loop=c.loop):
                try:
                    result = future.result()
                except KilledWorker as exc:
                    raise TeikitError(
                        f"batch {index[future.key] + 1} of {len(batches)} was lost: the workers running it died "
                        f"({exc})",
                        address,
                    ) from None
                yield index[future.key], result
                future.release()
        finally:
            for future in futures:
                if not future.done():
                    future.cancel()
