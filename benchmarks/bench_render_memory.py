"""Peak memory and time of rendering a collection of 25, 100 and 400 documents.

The documents are copies of the bundled edition's chapters (each about 100–200 KiB of TEI),
renamed so that every one is a page of its own, in a temporary folder. Each size is
rendered to HTML by a fresh process, and the resident memory (RSS) of that process and
of every process it starts (teikit renders a collection of several windows in worker
processes) is sampled every 20 ms: the peak of their sum (an upper bound: a page two of
them share counts in each; not the proportional set size, which counts a library page
shared with any other process on the machine, another user's Saxon, as a fraction), and
the largest resident memory of any one process (its VmHWM, the kernel's maximum); the
summed PSS too, a lower bound on a shared machine. The time
is wall time and the CPU time of all the processes (the machine may be shared: CPU time
is disturbed less). Saxon's heap is sized by its garbage collector, not by what it holds:
the peak varies from run to run by tens of MiB; --repeat runs each size several times
(best and median are printed). Target (issue 19): at most 400 MiB at 400 documents.

teikit renders such a collection a window at a time (teikit.render.windows); --whole
also renders it the way it was rendered before, in one transform over the whole
collection (the pages are the same), and --baseline SRC with the teikit found in SRC
(another checkout's src folder), side by side in the same run.

    python benchmarks/bench_render_memory.py [--sizes 25 100 400] [--to html] [--repeat N]
        [--whole] [--baseline ../main/src]
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "iron-lazar"
CHILD = """
import sys
from teikit.render import render
result = render([sys.argv[1]], sys.argv[2], sys.argv[3], search=False)
print(len(result.files))
"""
# The same collection in one transform over the whole of it, as before windows (no search index).
WHOLE = """
import sys, tempfile
from pathlib import Path
from teikit.access import LINK_SCHEMES
from teikit.render import FORMATS
from teikit.render.collection import collect_to_file
from teikit.render.saxon import transform
with tempfile.TemporaryDirectory() as work:
    source = Path(work) / "collection.xml"
    collect_to_file([sys.argv[1]], source)
    out = Path(sys.argv[3])
    out.mkdir()
    params = {"link-schemes": " ".join(LINK_SCHEMES)}
    transform(FORMATS[sys.argv[2]], source, out, params)
print(sum(1 for p in out.rglob("*") if p.is_file()))
"""


def _descendants(root: int) -> list[int]:
    """`root` and every process under it."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parents.get(pid, [])
    return found


def _read_kib(path: str, field: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list[str], env: dict[str, str]) -> tuple[str, float, float, float, float, float]:
    """Run `command`; its output, wall seconds, CPU seconds of it and of its descendants,
    peak summed RSS (MiB), peak RSS of one process (MiB) and peak summed PSS (MiB)."""
    # A subreaper: what the command starts and leaves (multiprocessing's fork server) is
    # reaped here, so its CPU time and memory are counted in RUSAGE_CHILDREN.
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # CPU time: counts every process reaped
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = largest = proportional = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, largest, proportional
        while not done.is_set():
            pids = _descendants(proc.pid)
            peak = max(peak, sum(_read_kib(f"/proc/{pid}/status", "VmRSS:") for pid in pids))
            proportional = max(proportional, sum(_read_kib(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in pids))
            # VmHWM: the most the process has held (the kernel's maximum, not a sample)
            largest = max([largest] + [_read_kib(f"/proc/{pid}/status", "VmHWM:") for pid in pids])
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, err = proc.communicate()
    done.set()
    sampler.join()
    while True:  # the orphans the command left
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(err.strip().splitlines()[-1:])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return out, seconds, cpu, peak / 1024, largest / 1024, proportional / 1024


def make_collection(n: int, folder: Path) -> Path:
    """`n` chapter documents, each a copy of one of the edition's chapters with its own name."""
    chapters = sorted(EDITION.glob("ch*.xml"))
    out = folder / f"docs{n}"
    out.mkdir()
    for k in range(n):
        source = chapters[k % len(chapters)]
        text = source.read_text(encoding="utf-8")
        # the document's own ids get a prefix, so that the copies are distinct pages
        text = re.sub(r'xml:id="([^"]+)"', lambda m: f'xml:id="d{k}-{m.group(1)}"', text)
        text = re.sub(r'(target|ref|corresp)="#([^"]+)"', lambda m: f'{m.group(1)}="#d{k}-{m.group(2)}"', text)
        (out / f"doc{k:04d}.xml").write_text(text, encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400])
    ap.add_argument("--to", default="html", choices=["html", "text"])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each size (best and median printed)")
    ap.add_argument("--whole", action="store_true", help="also render in one transform, as before windows")
    ap.add_argument("--baseline", type=Path, help="also render with the teikit of this src folder")
    args = ap.parse_args()
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    src = str(ROOT / "src")
    runs = [("windows", CHILD, src)]
    if args.baseline:
        runs.append(("baseline", CHILD, str(args.baseline.resolve())))
    if args.whole:
        runs.append(("whole", WHOLE, src))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            docs = make_collection(n, Path(tmp))
            size = sum(p.stat().st_size for p in docs.iterdir())
            for label, child, path in runs:
                env = {**os.environ, "PYTHONPATH": path}
                got = []
                for k in range(args.repeat):
                    out = Path(tmp) / f"out{n}-{label}-{k}"
                    try:
                        got.append(measure([sys.executable, "-c", child, str(docs), args.to, str(out)], env))
                    except RuntimeError as exc:
                        print(f"{n:5d} documents, {label}: failed: {exc}")
                        break
                if not got:
                    continue
                files = got[0][0].split()[0]
                pss = sorted(run[3] for run in got)
                rss = sorted(run[4] for run in got)
                cpu = sorted(run[2] for run in got)
                wall = min(run[1] for run in got)
                print(
                    f"{n:5d} documents ({size / 2**20:5.1f} MiB of TEI), {label:8s}: {args.to} in {wall:6.1f} s, "
                    f"CPU {cpu[0]:6.1f} s ({cpu[0] / n:.3f} s per document; median {statistics.median(cpu) / n:.3f}), "
                    f"peak RSS of all processes {pss[0]:4.0f} MiB (median {statistics.median(pss):4.0f}, "
                    f"worst {pss[-1]:4.0f}), largest RSS of one {rss[0]:4.0f} MiB (median "
                    f"{statistics.median(rss):4.0f}), summed PSS {min(run[5] for run in got):4.0f} MiB, "
                    f"{files} files, {len(got)} runs"
                )


if __name__ == "__main__":
    main()
