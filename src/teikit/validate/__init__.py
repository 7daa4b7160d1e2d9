"""Validation of TEI files, one or thousands: well-formedness, RELAX NG, Schematron.

    run = validate(["tei/"], jobs=2)
    for result in run.results: ...

Which schema a file is checked against: the one given (`schema=`), else exactly
the schemas the file declares in xml-model processing instructions (one that
declares only Schematron gets no RELAX NG check), else, when it declares none,
teikit's own (schema/teikit.rng). Schematron runs when given or declared. A
declared schema that cannot be used is a problem of source "schema" on the file
and a schema error of the run (the CLI exits 2): never replaced by another.

Engines, chosen by measurement (benchmarks/bench_validate.py): RELAX NG
verdicts come from jing, the reference implementation, run once per batch of
files in one JVM per worker; with the JVM's start it loads official TEI P5
(tei_all) in 0.23 s where libxml2 takes 6 s to compile it. teikit's own small
grammar is judged in-process by libxml2 first (owngrammar.py) in runs or batches
of fewer than jing.LONG_RUN files; what it finds invalid goes to jing, whose
messages and verdict then stand. From LONG_RUN files on, jing judges them all (a
JVM's start shared by that many files makes it the cheaper engine per file). Parsing,
hostile-input checks, XInclude and Schematron run in Python (lxml; Saxon for
XSLT 2/3 Schematron, see schematron.py). Files are prepared in parts of up to PART
files: each part is parsed, then checked by each XSLT 1.0 Schematron in one
transformation for all its files that are as they stand on disk (Schematron.check_many:
the documents the rules read with document(), such as the registers beside an edition's
files, are parsed and indexed once per part, not once per file; memory stays bounded by
the part). A file jing reads as it is, whose grammar is not judged in-process, is not
parsed in Python at all unless the rules find something in it (_by_path: libxslt reads it
by its path; 1,000 copies of the book's chapters, 1 job: 24.0 -> 22.3 s of CPU); such files
are checked BY_PATH_PART at a time (the registers read once per 32 files, not 8). Not so
with teikit's own rules (schema/teikit.sch, or a copy of it): a file they find nothing in is
shown so in Python on its parsed tree (ownrules.py; 1,000 copies of the book's chapters, 1 job:
26.3 -> 17.5 s of CPU, jing's own 11.4 s), and only the files it cannot show clean go to the
compiled rules, whose findings and messages stand. Files
prepared in this process are prepared in two threads when no Saxon is involved and the run is not a batch of a larger one (libxml2 and libxslt release the GIL;
see _threads). In runs and batches where libxml2 judges teikit.rng (fewer than
jing.LONG_RUN files), the files that XInclude others are read beside the other files
(split in parts even in bytes) and checked after them: a file that includes only files this
run found clean, as they stand on disk, is checked outside them (inclusion.py: for
teikit.rng and teikit.sch, the bundled book's corpus file 0.45 -> 0.02 s of CPU). In longer
runs the includers are prepared first, one by one, so that their JVM starts early.

Scale: from PARALLEL_FROM files on with `jobs` > 1, or on a Dask cluster (`dask=`,
or $TEIKIT_DASK), the files are split into batches (`validate_batch`) that
teikit.cluster runs in `jobs` local processes or on the cluster's workers; each
batch is validated whole where it runs (one JVM per schema it needs, Schematron
compiled once per worker process) and sends back only its results, which are put
back in the order of the files; a batch that comes back twice or incomplete stops
the run rather than count a file twice or lose one. `jobs` is capped at the
number of processors (MAX_JOBS). The JVM options depend on how many files one
JVM judges (jing.py).

Fail closed: a file is valid only when every engine that had to judge it gave a
verdict and found no error; a file jing gave no verdict on (see jing.py), a file
over `max_bytes` (never given to any engine) or a file whose schema could not be
loaded has an error saying why. A file libxml2 refuses for a limit of its own, not for a
fault of XML (documents.libxml2_limit: deeper than 256 elements, a text over 10,000,000
bytes), has jing's verdict on its grammar in a run of any size, and an error saying that
Schematron could not read it where Schematron must run (never "not well-formed").

What may be read: documents and XIncludes as documents.py says; RELAX NG schemas
only as staged by schemas.py (jing never opens a URL, an entity or a file the
schema's folder does not hold); Schematron document() only under the folders of
the paths given, or `allow_read` folders (the one policy: teikit.access.LocalFiles).
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import cluster
from ..errors import TeikitError
from . import inclusion, owngrammar
from .documents import (
    MAX_BYTES,
    LineMap,
    Loaded,
    SchemaRef,
    duplicate_ids,
    find_xml_files,
    load,
    may_mark_origins,
    may_xinclude,
    read_prolog,
    sanitized_copy,
    stamp_of,
)
from .inclusion import Judged
from .jing import LONG_RUN, JingOutcome, files_per_run, jing_command, jvm_threads, run_jing
from .results import FileResult, Problem, Summary
from .schemas import stage

if TYPE_CHECKING:  # imported where used: a run without Schematron never loads it (nor Saxon)
    from .schematron import Schematron

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
TEIKIT_RNG = str(SCHEMA_DIR / "teikit.rng")
TEIKIT_SCH = str(SCHEMA_DIR / "teikit.sch")
# A JVM judges this many files at most (and no more than its command line holds, jing.files_per_run):
# each start and warm-up costs a few seconds of CPU (jing's first thousand files take 8.9 ms each, a
# file of the tenth thousand 5.2 ms), so a run of one job is one JVM up to here.
MAX_FILES_PER_JVM = 20000
PARALLEL_FROM = 100  # fewer files than this are validated in-process, whatever --jobs says
BATCH_MIN = 50  # files per batch at least: a batch starts a JVM and compiles its schemas
MAX_JOBS = os.cpu_count() or 1  # --jobs above this is lowered to it
THREADS = min(2, MAX_JOBS)  # files prepared at once in one process (see _threads)
PART = 8  # files loaded and checked together (Schematron.check_many); their trees are held at once
# Files Schematron reads by their paths (_by_path) are checked together in parts this large: each
# run parses and indexes what the rules read with document() (the book's registers: about 9 ms
# of CPU a run); libxslt holds the part's documents until the run ends, Python none of them.
BY_PATH_PART = 32

__all__ = ["validate", "Run", "FileResult", "Problem", "Summary", "TEIKIT_RNG", "TEIKIT_SCH", "find_xml_files"]


@dataclass
class Options:
    schema: str | None = None
    schematron: str | None = None
    max_bytes: int = MAX_BYTES
    workdir: str = ""
    read: tuple = ()  # folders Schematron document() may read: those of the paths given
    allow_read: tuple = ()  # more folders, for document(), XInclude and schema includes
    own_in_process: bool = True  # teikit.rng judged by libxml2 first (small runs; see _validate_files)


@dataclass
class Run:
    results: list[FileResult]
    summary: Summary
    schema_errors: list[str] = field(default_factory=list)


@dataclass
class _Prepared:
    result: FileResult
    jing_input: str | None = None
    line_map: LineMap | None = None
    judged: Judged | None = None  # what was found in a file read as it stands on disk (inclusion.py)


def validate(
    paths,
    *,
    schema: str | None = None,
    schematron: str | None = None,
    jobs: int = 1,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    allow_read=(),
    dask: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> Run:
    """Validate files and folders (recursed for *.xml). Raises TeikitError for unusable schemas.

    `allow_read`: folders that Schematron document(), XIncludes and schema
    includes may also read, beyond the folders of `paths` (documents), of the
    including file (XInclude) and of the schema (includes).
    `on_result`: called with each file's result, in the order of the files, as soon as the
    results before it are known; the Run then holds none of them (`results` is empty), only
    the summary and the schema errors, so that a report written as they come (formats.WRITERS)
    keeps the run's memory from growing with its files. Without it, `results` holds them all.
    """
    start = time.perf_counter()
    paths = list(paths)
    files = find_xml_files(paths)
    missing = [p for p in files if not os.path.exists(p)]
    if missing:
        raise TeikitError("no such file or folder", missing[0])
    # A pipe, socket or device named as a file: reading it would wait on whatever writes it.
    special = [p for p in files if not os.path.isfile(p)]
    if special:
        raise TeikitError("not a regular file (a pipe, a socket or a device); give files and folders", special[0])
    allow_read = tuple(os.path.abspath(d) for d in allow_read)
    for d in allow_read:
        if not os.path.isdir(d):
            raise TeikitError("--allow-read needs a folder", d)
    read = tuple(
        dict.fromkeys(os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths)
    )
    schema = _check_schema_path(schema, "RELAX NG")
    schematron = _check_schema_path(schematron, "Schematron")
    jobs = max(1, min(jobs, MAX_JOBS))
    address = cluster.dask_address(dask)
    batched = bool(address) or (jobs > 1 and len(files) >= PARALLEL_FROM)
    if schematron:  # checked here to fail early, before any file is read
        if batched:
            # Workers will be forked (or are elsewhere): Saxon is not started here, so a
            # schema Saxon cannot compile is reported on each file, as a schema error.
            from .schematron import Schematron

            Schematron(schematron, read, allow_read, start_saxon=False)
        else:
            _schematron(schematron, Options(schematron=schematron, read=read, allow_read=allow_read))
    jing_command()
    options = Options(schema, schematron, max_bytes, "", read, allow_read)
    if schema:  # a given schema that is refused stops the run, before any file is read
        with tempfile.TemporaryDirectory(prefix="teikit-validate-") as workdir:
            _SchemaStager(workdir, allow_read).get(schema, fail=True)
    schema_errors: list[str] = []  # the engines' (each batch's added as it comes)
    if batched:
        found = _in_batches(files, options, jobs, address, progress, schema_errors)
    else:
        ticker = _Ticker(2 * len(files), progress)
        results, schema_errors = _validate_files(files, options, ticker, whole_run=True)
        ticker.finish()
        found = _handed_on(results)
    # A schema a file declares that could not be used is a schema error of the run (exit 2).
    declared_errors: list[str] = []
    kept: list[FileResult] = []
    summary = Summary()
    for r in found:
        r.problems.sort(key=lambda p: (p.path or "", p.line, p.column))
        declared_errors += [f"{r.path}: {p.message}" for p in r.problems if p.source == "schema"]
        summary.add(r)
        if on_result is None:
            kept.append(r)
        else:
            on_result(r)
    summary.seconds = time.perf_counter() - start
    return Run(kept, summary, list(dict.fromkeys(schema_errors + declared_errors)))


def _handed_on(results: list[FileResult]) -> Iterator[FileResult]:
    """The results in order, each let go of by the list once handed on."""
    for i, r in enumerate(results):
        results[i] = None  # type: ignore[call-overload]
        yield r


def _validate_files(
    files: list[str], options: Options, ticker, whole_run: bool = False
) -> tuple[list[FileResult], list[str]]:
    """Validate `files` in this process, jing's JVMs in threads beside the parsing; results in
    the order of `files`. Every JVM judges many files: the whole run's share of one schema.
    `whole_run`: these are all the run's files (not a batch), so they may be prepared in
    threads (_threads)."""
    with (
        tempfile.TemporaryDirectory(prefix="teikit-validate-") as workdir,
        jvm_threads(workdir) as jvms,  # its JVMs killed if the run stops (jing.py)
    ):
        # teikit.rng: libxml2 in-process spares a small run the JVM's start, but costs more
        # per file than a JVM that judges many (measured on the book's chapters: libxml2
        # 5.8 ms of CPU a file, after lxml's parse; jing 5.2 ms for parse and check over
        # 10,000 files, 8.9 ms over 1,000): from jing.LONG_RUN files on, jing judges them
        # all, in its thread beside the parsing, and a file with no Schematron to run is
        # not parsed in Python at all.
        own_in_process = options.own_in_process and len(files) < LONG_RUN
        options = dataclasses.replace(options, workdir=workdir, own_in_process=own_in_process)
        stager = _SchemaStager(workdir, options.allow_read)
        # jing starts on the files whose prolog is plain while Python parses them all.
        plain, includers, direct, declared, by_path, unscanned = _plan(files, options)
        early = _submit(jvms, plain, 1, stager)
        _rescanned(unscanned, includers, direct)  # while the JVM starts
        done = {(inp, schema) for schema, part, _ in early for inp in part}
        skip = set(includers) | set(direct)
        rest = [f for f in files if f not in skip]
        threads = _threads(includers + rest, declared, options) if whole_run else 1
        with ThreadPoolExecutor(max_workers=threads) as pool:
            if options.own_in_process:
                # The files that XInclude others last, knowing what this run found in the
                # files they include (inclusion.py): a corpus of files judged here is not
                # judged a second time. jing is rarely needed then (teikit.rng by libxml2).
                # They are read (parsed, XIncluded) beside the other files.
                if threads > 1:
                    reading = [pool.submit(_load, f, options) for f in includers]
                    pending = [
                        pool.submit(_prepare_part, part, options, by_path)
                        for part in _split(rest, threads, _part_size(rest, by_path))
                    ]
                    others = _gathered(pending, ticker)
                else:
                    others = _prepare_all(rest, options, ticker, by_path)
                judged = {os.path.realpath(p.result.path): p.judged for p in others if p.judged is not None}
                if threads > 1:
                    pending = [
                        pool.submit(_prepare_part, [f], options, None, judged, [r.result()])
                        for f, r in zip(includers, reading, strict=True)
                    ]
                    first = _gathered(pending, ticker)
                else:
                    first = _prepare_all(includers, options, ticker, None, judged)
                batches = early + _submit(jvms, _late(first, done), 1, stager)
            # Files that XInclude others need a copy for jing: prepare them first so
            # that their JVM runs while the other files are parsed.
            elif threads > 1:
                # The includers one by one (the largest files, started first), the rest in
                # one part per thread.
                parts = [[f] for f in includers] + _split(rest, threads, _part_size(rest, by_path))
                pending = [pool.submit(_prepare_part, part, options, by_path) for part in parts]
                first = _gathered(pending[: len(includers)], ticker)
                batches = early + _submit(jvms, _late(first, done), 1, stager)
                others = _gathered(pending[len(includers) :], ticker)
            else:
                first = _prepare_all(includers, options, ticker)
                batches = early + _submit(jvms, _late(first, done), 1, stager)
                others = _prepare_all(rest, options, ticker, by_path)
        batches += _submit(jvms, _late(others, done), 1, stager)
        ticker(len(direct))
        order = {f: i for i, f in enumerate(files)}
        prepared = sorted(first + others + list(direct.values()), key=lambda p: order[p.result.path])
        schema_errors = _collect(batches, prepared, ticker)
    return [p.result for p in prepared], schema_errors


def validate_batch(files: list[str], options: Options) -> tuple[list[FileResult], list[str]]:
    """One batch of a run, in a worker process or on a Dask worker (module-level: pickled).

    Compiles each schema once for the batch (Schematron: once per worker process, cached)
    and starts one JVM per RELAX NG schema the batch needs jing for."""
    return _validate_files(list(files), options, _Ticker(0, None))


def _in_batches(
    files, options: Options, jobs: int, address: str | None, progress, schema_errors: list[str]
) -> Iterator[FileResult]:
    """The files split in batches, run by teikit.cluster in `jobs` processes or on Dask.

    A batch is large enough to pay for its JVM start and schema compilation (at least
    BATCH_MIN files; one batch per worker up to MAX_FILES_PER_JVM files each). Results come
    back as batches finish and are yielded in the order of `files`: a batch that finishes
    before one of the files before it waits for it (and only so long); each batch is counted
    once. Each batch's schema errors are added to `schema_errors` as it comes."""
    workers = jobs
    if address:
        workers = max(1, _dask_workers(address))
    # One batch per worker where MAX_FILES_PER_JVM allows: every batch starts a JVM and loads
    # the grammar (tei_all, 1,000 files, 2 jobs: four batches cost 15.6 s of CPU, one JVM 11.3 s).
    size = cluster.batch_size(len(files), workers, smallest=BATCH_MIN, largest=MAX_FILES_PER_JVM, per_worker=1)
    batches = cluster.split(files, size)
    ticker = _Ticker(len(files), progress)
    waiting: dict[int, list[FileResult]] = {}
    following = 0  # the batch whose results are yielded next
    work = functools.partial(validate_batch, options=options)
    for i, (results, errors) in cluster.map_batches(work, batches, jobs=jobs, dask=address):
        if i < following or i in waiting or [r.path for r in results] != list(batches[i]):
            raise TeikitError(f"batch {i + 1} of the run came back twice or not whole; no verdict is given")
        waiting[i] = results
        schema_errors += errors
        ticker(len(results))
        while following in waiting:
            yield from _handed_on(waiting.pop(following))
            following += 1
    ticker.finish()
    if following < len(batches):  # fail closed: a batch that never came back has no verdict
        raise TeikitError(f"batch {following + 1} of the run never came back; no verdict is given")


def _dask_workers(address: str) -> int:
    with cluster.client(address) as c:
        return len(c.scheduler_info().get("workers", {})) or 1


class _Ticker:
    def __init__(self, total: int, callback):
        self.total, self.done, self.callback = total, 0, callback

    def __call__(self, n: int) -> None:
        self.done += n
        if self.callback:
            self.callback(min(self.done, self.total), self.total)

    def finish(self) -> None:
        self(self.total - self.done)


class _SchemaStager:
    """Each RELAX NG schema staged once per run (schemas.stage); a refusal is remembered."""

    def __init__(self, workdir: str, allow_read):
        self.workdir, self.allow_read = workdir, allow_read
        self.done: dict[str, object] = {}

    def get(self, schema: str, fail: bool = False):
        if schema not in self.done:
            folder = os.path.join(self.workdir, f"schema{len(self.done)}")
            try:
                self.done[schema] = stage(schema, folder, self.allow_read)
            except TeikitError as exc:
                self.done[schema] = exc
        found = self.done[schema]
        if fail and isinstance(found, TeikitError):
            raise found
        return found


def _check_schema_path(path: str | None, kind: str) -> str | None:
    if path is None:
        return None
    if not os.path.isfile(path):
        raise TeikitError(f"{kind} schema not found", path)
    return os.path.abspath(path)


def _choose_schema(declared, options: Options) -> tuple[str | None, list[Problem]]:
    """The RELAX NG schema for a file: given, else exactly the one it declares, else teikit's.

    A file that declares only Schematron gets no RELAX NG check (None, no problem):
    its declarations are used exactly. A declared schema that cannot be used is a
    problem of source "schema": the file has no verdict and the run exits 2.
    """
    if options.schema:
        return options.schema, []
    firsts: dict[str, SchemaRef] = {}
    for d in declared:
        if d.kind == "relaxng":
            firsts.setdefault(d.href, d)  # the same schema declared twice is one schema
    rng = list(firsts.values())
    if not rng:
        return (None if declared else TEIKIT_RNG), []
    if len(rng) > 1:
        return None, [
            _unusable(
                rng[1], f"the file declares {len(rng)} RELAX NG schemas; teikit checks one: give it with --schema"
            )
        ]
    ref = rng[0]
    if ref.remote:
        return None, [
            _unusable(
                ref,
                f"the declared schema {ref.href} is remote; teikit never fetches schemas: "
                "give a local copy with --schema",
            )
        ]
    if not os.path.isfile(ref.href):
        return None, [_unusable(ref, f"the declared schema {ref.href} does not exist")]
    return ref.href, []


def _unusable(ref, message: str) -> Problem:
    return Problem(ref.line, 0, message, "error", "schema")


# ---------------------------------------------------------------- jing batches


def _plan(files, options):
    """Sort the files by how they must be handled, reading only their prologs.

    A file over the size limit is skipped unread (its prolog too): _prepare
    reports it, and it reaches no engine.
    Returns the files jing may read itself (no DOCTYPE), by schema; the files
    that look like XIncluders; the files that need nothing but jing (plain,
    no Schematron to run, within the size limit), already prepared: jing checks
    their well-formedness too, and without a DOCTYPE they can hold no entity to
    fear; and the local Schematron schemas the files declare (None when a prolog
    could not be read, so that they are not known); and the files Schematron may read by
    their paths, with their declarations (_by_path): files jing reads as they are, that teikit's
    grammar does not judge in-process, and that load would not change (no provenance marks
    of their own), at paths libxslt reads as they are written, for a schema that reads
    files so (not teikit.sch: _read_by_path); and the files of the third group not yet
    searched for XIncludes below their root (_rescanned does, once jing has been started).
    """
    groups: dict[str, list[str]] = {}
    includers = []
    direct: dict[str, _Prepared] = {}
    by_path: dict[str, list[SchemaRef]] = {}
    unscanned: list[str] = []  # files in `direct` not yet searched for XIncludes
    own_grammar: dict[str, bool] = {}
    declared: set[str] | None = set()  # the Schematron schemas the files declare; None: not known
    for f in files:
        try:
            if os.path.getsize(f) > options.max_bytes:
                continue  # not read at all, not given to jing: _prepare reports it
        except OSError:
            continue
        prolog = read_prolog(f)
        if prolog is None:
            declared = None
            continue
        if declared is not None:
            declared.update(d.href for d in prolog.declared if d.kind == "schematron" and not d.remote)
        if prolog.has_doctype:
            continue
        if prolog.uses_xinclude:
            includers.append(f)
            continue
        schema, problems = _choose_schema(prolog.declared, options)
        own = options.own_in_process and schema is not None and _own_grammar(schema, own_grammar)
        needs_schematron = options.schematron or any(d.kind == "schematron" for d in prolog.declared)
        if schema and not problems and not own and not needs_schematron:
            # Given to jing now; whether it may XInclude is asked after jing has started
            # (unscanned: _validate_files).
            path = os.path.abspath(f)
            groups.setdefault(schema, []).append(path)
            direct[f] = _Prepared(FileResult(f, schema=schema), path)
            unscanned.append(f)
            continue
        if may_xinclude(f):
            includers.append(f)
            continue
        if own:
            continue  # checked in-process when parsed (_prepare); jing only if libxml2 objects
        if schema and not problems:
            groups.setdefault(schema, []).append(os.path.abspath(f))
            if (
                _read_by_path(prolog.declared, options)
                and _reads_by_path(os.path.abspath(f))
                and not may_mark_origins(f)
            ):
                by_path[f] = prolog.declared
    return groups, includers, direct, declared, by_path, unscanned


def _own_grammar(schema: str, known: dict[str, bool]) -> bool:
    """owngrammar.is_own_grammar, asked once per schema in one plan."""
    if schema not in known:
        known[schema] = owngrammar.is_own_grammar(schema)
    return known[schema]


def _rescanned(unscanned: list[str], includers: list[str], direct: dict[str, _Prepared]) -> None:
    """The files of `unscanned` that may XInclude others moved from `direct` to `includers`:
    prepared as includers, whatever jing already said about them as they stand. jing judged
    them as they are on disk; that verdict is used only if the file turns out to include
    nothing (its input for jing is then the file itself)."""
    for f in unscanned:
        if may_xinclude(f):
            del direct[f]
            includers.append(f)


def _late(prepared, done) -> dict[str, list[str]]:
    late: dict[str, list[str]] = {}
    for p in prepared:
        if p.jing_input and (p.jing_input, p.result.schema) not in done:
            late.setdefault(p.result.schema, []).append(p.jing_input)
    return late


def _submit(pool, groups: dict[str, list[str]], jobs: int, stager) -> list[tuple[str, list[str], Future[JingOutcome]]]:
    """One JVM per worker and schema (more only past MAX_FILES_PER_JVM files)."""
    batches = []
    for schema, inputs in groups.items():
        staged = stager.get(schema)
        if isinstance(staged, TeikitError):
            # The schema was refused: no JVM; every file gets the reason.
            refused: Future[JingOutcome] = Future()
            refused.set_result(
                JingOutcome(
                    failed={i: f"not checked against the RELAX NG schema: {staged}" for i in inputs},
                    schema_errors=[str(staged)],
                )
            )
            batches.append((schema, inputs, refused))
            continue
        most = max(1, min(MAX_FILES_PER_JVM, files_per_run(stager.workdir)))
        parts = max(jobs, -(-len(inputs) // most))
        size = -(-len(inputs) // parts)
        for i in range(0, len(inputs), size):
            part = inputs[i : i + size]
            batches.append((schema, part, pool.submit(run_jing, staged, part, stager.workdir)))
    return batches


def _collect(batches, prepared: list[_Prepared], ticker) -> list[str]:
    """Wait for jing and file its findings under the files whose input it read."""
    by_input: dict[str, list[_Prepared]] = {}
    for p in prepared:
        if p.jing_input:
            by_input.setdefault(p.jing_input, []).append(p)
    errors = []
    seen: set[tuple[str, str]] = set()
    for schema, part, future in batches:
        outcome = future.result()
        errors += outcome.schema_errors
        seen.update((inp, schema) for inp in part)
        for inp in part:
            for p in by_input.get(inp, []):
                if p.result.schema != schema:
                    continue
                if inp not in outcome.checked:
                    reason = outcome.failed.get(inp, "no RELAX NG verdict from jing")
                    p.result.problems.append(Problem(0, 0, reason, "error", "relaxng"))
                    continue
                for line, col, sev, msg in outcome.problems.get(inp, []):
                    p.result.problems.append(_placed(p, line, col, sev, msg))
        ticker(len(part))
    # Fail closed: a file meant for jing that no batch held has no verdict.
    for p in prepared:
        if p.jing_input and p.result.schema and (p.jing_input, p.result.schema) not in seen:
            p.result.problems.append(
                Problem(0, 0, "no RELAX NG verdict: the file was not given to jing", "error", "relaxng")
            )
    return errors


# ---------------------------------------------------------------- parsing, Schematron


def _prepare_all(files, options, ticker, by_path=None, judged: dict[str, Judged] | None = None) -> list[_Prepared]:
    out = []
    size = _part_size(files, by_path)
    for i in range(0, len(files), size):
        part = _prepare_part(files[i : i + size], options, by_path, judged)
        out += part
        ticker(len(part))
    return out


def _part_size(files: list[str], by_path) -> int:
    """How many of `files` go in one part: BY_PATH_PART when most are read by their paths
    (_by_path; those it leaves are still loaded PART at a time), else PART."""
    if by_path and 2 * sum(1 for f in files if f in by_path) > len(files):
        return BY_PATH_PART
    return PART


def _split(files: list[str], parts: int, size: int = PART) -> list[list[str]]:
    """`files` in parts of at most `size` files for `parts` threads: a multiple of `parts` of
    them (none empty), as even in bytes as can be (the largest file first into the lightest
    part), each in the order of `files`."""
    count = max(parts, -(-len(files) // size))
    count = min(len(files), -(-count // parts) * parts)
    if count <= 1:
        return [files] if files else []
    sizes = {}
    for f in files:
        try:
            sizes[f] = os.path.getsize(f)
        except OSError:
            sizes[f] = 0
    bins: list[list[str]] = [[] for _ in range(count)]
    weights = [0] * count
    # The lightest part that is not full, the first of equals: a heap of (weight, part), a full
    # part left out of it (a scan of every part for every file cost 0.4 s at 10,000 files).
    lightest = [(0, i) for i in range(count)]
    for f in sorted(files, key=sizes.__getitem__, reverse=True):
        _, i = heapq.heappop(lightest)
        bins[i].append(f)
        weights[i] += sizes[f]
        if len(bins[i]) < size:
            heapq.heappush(lightest, (weights[i], i))
    order = {f: i for i, f in enumerate(files)}
    heaviest = sorted(range(count), key=lambda i: -weights[i])
    return [sorted(bins[i], key=order.__getitem__) for i in heaviest if bins[i]]


def _threads(files, declared, options: Options) -> int:
    """How many threads prepare the files in this process: THREADS, or 1.

    Parsing, libxml2's RELAX NG and libxslt's Schematron release the GIL, so
    that two files are prepared at once on two processors (each file in one thread:
    its tree is never shared between threads). Only in a run that is not a batch of a
    larger one (whose batches already fill the processors), and only with XSLT 1.0
    Schematron: Saxon (a native image
    with threads of its own) is kept to one thread; the schemas are compiled here
    first to know, which each file would do anyway.
    """
    if THREADS < 2 or len(files) < 2 or _saxon_started():
        return 1
    if declared is None:
        return 1
    schemas = {options.schematron} if options.schematron else {p for p in declared if os.path.isfile(p)}
    for sch in sorted(schemas):
        try:
            if _schematron(sch, options).runs_in_saxon:
                return 1
        except TeikitError:
            continue  # each file that declares it reports it; nothing runs
    return THREADS


def _saxon_started() -> bool:
    """Whether this process has started Saxon (never, when the module was not even imported)."""
    saxon = sys.modules.get(f"{__name__}.saxon")
    return saxon is not None and saxon.saxon_started()


def _reads_by_path(path: str) -> bool:
    from .schematron import reads_by_path

    return reads_by_path(path)


def _gathered(futures, ticker) -> list[_Prepared]:
    out = []
    for future in futures:
        part = future.result()
        out += part
        ticker(len(part))
    return out


_schematrons: dict[tuple, Schematron | TeikitError] = {}


def _schematron(path: str, options: Options) -> Schematron:
    try:  # a schema changed on disk since (in a long-lived process) is compiled again
        stat = os.stat(path)
        key: tuple = (path, stat.st_mtime_ns, stat.st_size, options.read, options.allow_read)
    except OSError:
        key = (path, options.read, options.allow_read)
    if key not in _schematrons:
        from .schematron import Schematron

        try:
            _schematrons[key] = Schematron(path, options.read, options.allow_read)
        except TeikitError as exc:
            _schematrons[key] = exc
    found = _schematrons[key]
    if isinstance(found, TeikitError):
        raise found
    return found


def _prepare(path: str, options: Options) -> _Prepared:
    return _prepare_part([path], options)[0]


def _load(path: str, options: Options) -> Loaded:
    return load(path, options.max_bytes, options.allow_read)


def _prepare_part(
    paths: list[str],
    options: Options,
    by_path=None,
    judged: dict[str, Judged] | None = None,
    loaded: list[Loaded] | None = None,
) -> list[_Prepared]:
    """Each file parsed and checked by Schematron and (teikit.rng) libxml2; what jing is to read.

    The files of the part that run the same XSLT 1.0 Schematron are checked in one run of
    it (Schematron.check_many: what the rules read with document() is read once). Files
    Schematron may read by their paths (`by_path`, see _plan) are first checked so, unparsed
    (_by_path): one the rules find nothing in is done; only the others are parsed here.
    `judged`: what this run found in the files validated before, by real path; a file that
    XIncludes only such files is checked outside what it includes where inclusion.py allows.
    `loaded`: the files already read (_load), in the order of `paths` (none read by path).
    The files not settled by path are loaded and checked PART at a time."""
    if loaded is not None:
        return _prepare_loaded(paths, loaded, options, judged, {})
    settled, reports = _by_path([p for p in paths if p in (by_path or {})], by_path or {}, options)
    rest = [p for p in paths if p not in settled]
    for i in range(0, len(rest), PART):
        chunk = rest[i : i + PART]
        done = _prepare_loaded(chunk, [_load(path, options) for path in chunk], options, judged, reports)
        settled.update(zip(chunk, done, strict=True))
    return [settled[path] for path in paths]


def _prepare_loaded(
    rest: list[str], loaded: list[Loaded], options: Options, judged: dict[str, Judged] | None, reports: dict
) -> list[_Prepared]:
    """_prepare_part on loaded files (`rest`, in the same order), with the reports _by_path made
    on them by their paths."""
    wanted = [_schematrons_of(doc, options) for doc in loaded]
    covered = [inclusion.covered(doc, judged) if judged else None for doc in loaded]
    found: dict[tuple[int, str], list[Problem] | TeikitError] = {}
    for sch in dict.fromkeys(s for w in wanted for s in w if isinstance(s, str)):
        which = [i for i, w in enumerate(wanted) if sch in w]
        try:
            schematron = _schematron(sch, options)
        except TeikitError as exc:  # UnsupportedBinding included: a declared schema that cannot run
            found.update(((i, sch), exc) for i in which)
            continue
        if schematron.walks_outside_includes and judged:
            for i in which:
                roots = covered[i]
                if roots is not None and inclusion.schematron_covered(sch, loaded[i].tree, roots, judged):
                    found[(i, sch)] = schematron.check_outside(loaded[i].tree)
            which = [i for i in which if (i, sch) not in found]
        if schematron.runs_in_saxon:  # one file at a time; a failure is that file's
            for i in which:
                try:
                    found[(i, sch)] = schematron.check(loaded[i].tree)
                except TeikitError as exc:
                    found[(i, sch)] = exc
            continue
        # A report made on the file by its path stands when the tree is that same file.
        for i in which:
            made = reports.get((rest[i], sch))
            if made is not None and loaded[i].on_disk is not None and loaded[i].on_disk == made[0]:
                found[(i, sch)] = schematron.problems_in(made[1], loaded[i].tree)
        which = [i for i in which if (i, sch) not in found]
        trees = [loaded[i].tree for i in which]
        checked = schematron.check_many(trees, [loaded[i].on_disk for i in which])
        found.update(((i, sch), problems) for i, problems in zip(which, checked, strict=True))
    grammar = [roots if roots and judged and inclusion.grammar_covered(roots, judged) else None for roots in covered]
    return [
        _finish(doc, options, wanted[i], {s: found[(i, s)] for s in wanted[i] if isinstance(s, str)}, grammar[i])
        for i, doc in enumerate(loaded)
    ]


def _by_path(paths: list[str], declared: dict[str, list[SchemaRef]], options: Options):
    """Files checked by their XSLT 1.0 Schematron schemas read by their paths, in one run per
    schema (Schematron.run_files), without parsing them here: the files' bytes are already
    parsed three times (here, by libxslt, by jing), and the tree made here serves only to
    place findings. Returns the files every schema found nothing in, prepared (their verdict
    as _finish gives it: Schematron's, and jing's to come), and the reports on the others
    with the stamp of the file they were made on ({(path, schema): (stamp, report)}).

    Only files a schema reads by its paths (Schematron.reads_files) are read so: not those of
    teikit.sch alone, which are parsed here and checked by ownrules.py.
    A file stays to be parsed (and a schema's report on it is used only if the tree is the
    same file) when a schema finds something, runs in Saxon or cannot read files, when
    libxslt could not read it, or when it is not the same file after the run as before."""
    settled: dict[str, _Prepared] = {}
    reports: dict[tuple[str, str], tuple] = {}
    # Only files a schema reads by their paths (not teikit.sch, read in Python on the tree).
    paths = [p for p in paths if _read_by_path(declared[p], options)]
    if not paths:
        return settled, reports
    stamps = {p: stamp_of(p) for p in paths}
    wanted = {p: _wanted(declared[p], options) for p in paths if stamps[p] is not None}
    from .schematron import Schematron, unchanged

    clean: dict[str, bool] = dict.fromkeys(wanted, True)
    for sch in dict.fromkeys(s for w in wanted.values() for s in w if isinstance(s, str)):
        which = [p for p, w in wanted.items() if sch in w]
        try:
            schematron = _schematron(sch, options)
        except TeikitError:
            schematron = None
        if schematron is None or not schematron.reads_files:
            clean.update(dict.fromkeys(which, False))
            continue
        for p, report in zip(which, schematron.run_files([os.path.abspath(p) for p in which]), strict=True):
            if report is None or Schematron.has_findings(report):
                clean[p] = False
            if report is not None:
                reports[(p, sch)] = (stamps[p], report)
    for p, ok in clean.items():
        if not ok or not unchanged(os.path.abspath(p), stamps[p]):
            continue
        result = FileResult(p)
        result.schema, problems = _choose_schema(declared[p], options)
        result.problems += problems
        for each in wanted[p]:
            if isinstance(each, Problem):
                result.problems.append(each)
            else:
                result.schematron.append(each)
        settled[p] = _Prepared(result, os.path.abspath(p))
    return settled, reports


def _read_by_path(declared: list[SchemaRef], options: Options) -> bool:
    """Whether a Schematron schema of a file that declares `declared` reads files by their paths."""
    for sch in _wanted(declared, options):
        if isinstance(sch, str):
            try:
                if _schematron(sch, options).reads_files:
                    return True
            except TeikitError:
                continue
    return False


def _schematrons_of(doc, options: Options) -> list[str | Problem]:
    """The Schematron schemas a loaded file is checked by (paths), or why a declared one is not
    (a problem), in the order they are given or declared."""
    if not doc.usable:
        return []
    return _wanted(doc.declared, options)


def _wanted(declared: list[SchemaRef], options: Options) -> list[str | Problem]:
    """_schematrons_of a file that declares `declared`."""
    if options.schematron:
        return [options.schematron]
    out: list[str | Problem] = []
    for ref in [d for d in declared if d.kind == "schematron"]:
        if ref.remote:
            out.append(
                _unusable(
                    ref,
                    f"the declared Schematron {ref.href} is remote and was not run (teikit never "
                    "fetches schemas); give a local copy with --schematron",
                )
            )
        elif not os.path.isfile(ref.href):
            out.append(_unusable(ref, f"the declared Schematron {ref.href} does not exist"))
        else:
            out.append(ref.href)
    return out


def _finish(doc, options: Options, wanted: list[str | Problem], found: dict, covered=None) -> _Prepared:
    """The file's result from its loading and its Schematron findings (`found`, by schema),
    with libxml2's verdict for teikit.rng: on the file outside the `covered` documents it
    includes (inclusion.grammar_covered), or whole."""
    path = doc.path
    result = FileResult(path, list(doc.problems))
    prepared = _Prepared(result)
    if doc.beyond_limit is not None:
        return _beyond_limit(doc, options, prepared)
    if not doc.usable:
        return prepared
    result.schema, problems = _choose_schema(doc.declared, options)
    result.problems += problems
    clean = set()
    for sch in wanted:
        if isinstance(sch, Problem):
            result.problems.append(sch)
            continue
        outcome = found[sch]
        if isinstance(outcome, TeikitError):
            result.problems.append(Problem(1, 0, f"Schematron not run: {outcome}", "error", "schema"))
            continue
        result.problems.extend(outcome)
        result.schematron.append(sch)
        if not outcome:
            clean.add(sch)
    if not result.schema and not problems:
        result.problems += duplicate_ids(doc.tree)  # jing reports them when it runs
    own_valid = bool(
        result.schema
        and options.own_in_process
        and owngrammar.is_own_grammar(result.schema)
        and (owngrammar.valid_outside(doc.tree, covered) if covered else owngrammar.valid(doc.tree))
    )
    if doc.on_disk is not None:
        prepared.judged = Judged(doc.tree.docinfo.URL or "", doc.on_disk[3], own_valid, frozenset(clean))
    if own_valid:
        return prepared  # libxml2's verdict; a file it finds invalid goes on to jing for the messages
    if result.schema:
        if doc.needs_copy:
            prepared.jing_input, prepared.line_map = sanitized_copy(doc, options.workdir)
        else:
            prepared.jing_input = os.path.abspath(path)
    return prepared


def _beyond_limit(doc: Loaded, options: Options, prepared: _Prepared) -> _Prepared:
    """A file libxml2 could not read for a limit of its own (documents.libxml2_limit), not for a
    fault of XML: its grammar's verdict is jing's, on the file as it stands, as in a run where
    jing alone reads it (the same verdict whatever the run's size); what needs a tree has none,
    and says so (fail closed). jing reads it only where it would in such a run: without a
    DOCTYPE or XIncludes, which jing is never trusted with."""
    result = prepared.result
    result.schema, problems = _choose_schema(doc.declared, options)
    result.problems += problems
    wanted = _wanted(doc.declared, options)
    result.problems += [sch for sch in wanted if isinstance(sch, Problem)]
    if any(isinstance(sch, str) for sch in wanted):
        result.problems.append(
            Problem(
                1,
                0,
                f"libxml2 cannot read this file for Schematron: {doc.beyond_limit} (not an XML error)",
                "error",
                "schematron",
            )
        )
    if not result.schema:
        return prepared
    if doc.needs_copy:
        result.problems.append(
            Problem(
                1,
                0,
                f"no RELAX NG verdict: libxml2 cannot read this file ({doc.beyond_limit}; not an XML error), "
                "and jing is given a file with a DOCTYPE or XIncludes only as libxml2 read it",
                "error",
                "relaxng",
            )
        )
    else:
        prepared.jing_input = os.path.abspath(doc.path)
    return prepared


def _placed(m: _Prepared, line: int, col: int, severity: str, message: str) -> Problem:
    if m.line_map is None:
        return Problem(line, col, message, severity, "relaxng")
    found = m.line_map.lookup(line)
    if found is None:
        return Problem(line, 0, message, severity, "relaxng")
    path, orig = found
    own = os.path.abspath(m.result.path)
    return Problem(orig, 0, message, severity, "relaxng", None if path == own else path)
