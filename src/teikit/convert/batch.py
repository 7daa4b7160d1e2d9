"""Many books converted in one run: one output folder per input, one report for the batch.

    result = convert_many(["books/", "extra.docx", "@list.txt"], "out/", jobs=2)
    result.failed  # the inputs that could not be converted, each with its reason

Inputs (`expand_inputs`), in the order given:
- a file: one input (plain text, Markdown, Word, EPUB: `convert` chooses the reader);
- an EPUB unpacked as a folder: one input;
- any other folder: the convertible files below it (CONVERTIBLE suffixes, and EPUB
  folders), in sorted order, hidden entries and the batch's output folder left out;
- `@FILE`: a list file, one input per line (blank lines and lines starting with # are
  skipped; a relative path is taken from the list file's folder); its inputs are expanded
  as above. An input named twice is converted once.

Input `books/x.txt` is written to `OUT/x/` (the input's name without its suffix). Two
inputs with the same name would share a folder: the later one fails and says so. Each
input is converted by `teikit.convert.convert` with the same options; its own profile
(`x.toml` beside it) applies unless `profile` is given for all. Before any work, each
output folder is checked as `convert` would check it (`xmlio.output_folder`: an existing
teikit folder is replaced only with `force`); the conversions themselves then replace
what a killed run of the same batch left, so that a conversion retried on another Dask
worker (`teikit.cluster`) writes its folder whole.

A failing input does not stop the others: its entry in the report says why (a
TeikitError's message, or, for a fault of teikit itself, the exception's type and
message). An edition that lacks words of the source (`accounting.WordsLost`) is written
and reported as "words-lost" unless `allow_loss`. The batch report `OUT/BATCH_REPORT`
lists every input in the order given, with its output folder, status and counts; it
holds no times, so that the same inputs give the same bytes. It is written atomically
when the batch ends; the CLI prints each input's outcome as it finishes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import cluster
from ..errors import TeikitError, UsageError
from ..xmlio import atomic_write_text, output_folder

CONVERTIBLE = (".txt", ".md", ".markdown", ".docx", ".epub")
BATCH_REPORT = "conversion-batch.json"
STATUSES = ("converted", "words-lost", "failed")


@dataclass(frozen=True)
class Job:
    """One input's conversion, as sent to a worker (picklable)."""

    source: str
    output: str
    profile: str | None = None
    schema_hrefs: tuple[str, ...] = ()
    allow_loss: bool = False
    accept_changes: bool = False


@dataclass
class Outcome:
    source: str
    output: str
    status: str  # one of STATUSES
    error: str | None = None
    counts: dict = field(default_factory=dict)
    warnings: int = 0

    def as_dict(self) -> dict:
        out: dict = {"source": self.source, "output": self.output, "status": self.status}
        if self.error:
            out["error"] = self.error
        if self.status != "failed":
            out["warnings"] = self.warnings
            out["counts"] = self.counts
        return out

    def line(self) -> str:
        if self.status == "converted":
            return f"converted {self.source} -> {self.output}"
        if self.status == "words-lost":
            return f"words lost {self.source} -> {self.output}: {self.error}"
        return f"FAILED {self.source}: {self.error}"


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    report: str  # path of the batch report

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def words_lost(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "words-lost"]

    def as_dict(self) -> dict:
        totals = {s: sum(o.status == s for o in self.outcomes) for s in STATUSES}
        return {"inputs": [o.as_dict() for o in self.outcomes], "totals": {"inputs": len(self.outcomes), **totals}}

    def summary(self) -> str:
        t = self.as_dict()["totals"]
        return (
            f"{t['inputs']} inputs: {t['converted']} converted, {t['words-lost']} with words lost, "
            f"{t['failed']} failed (report: {self.report})"
        )


def expand_inputs(inputs: Iterable[str | os.PathLike], skip: str | os.PathLike | None = None) -> list[str]:
    """The inputs to convert, in order, as described in the module docstring.

    Raises UsageError for a list file that cannot be read. A path that does not exist is
    kept: its conversion fails and is reported with the others."""
    from .readers import is_epub

    skip_real = os.path.realpath(skip) if skip else None
    out: list[str] = []

    def add(path: str, depth: int = 0) -> None:
        if path.startswith("@") and depth == 0:
            out.extend(_read_list(path[1:]))
            return
        p = Path(path)
        if p.is_dir() and not is_epub(p):
            for child in _walk(p, skip_real):
                out.append(str(child))
        else:
            out.append(path)

    for given in inputs:
        given = os.fspath(given)
        if given.startswith("@"):
            for listed in _read_list(given[1:]):
                add(listed, 1)
        else:
            add(given)
    seen: dict[str, str] = {}
    for path in out:  # the same file named twice (by two spellings, or a link) is one input
        seen.setdefault(os.path.realpath(path), path)
    return list(seen.values())


def _read_list(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the list of inputs: {getattr(exc, 'strerror', None) or exc}", path) from None
    base = Path(path).parent
    lines = [l.strip() for l in text.splitlines()]
    return [str(base / l) if not os.path.isabs(l) else l for l in lines if l and not l.startswith("#")]


def _walk(folder: Path, skip_real: str | None) -> list[Path]:
    from .readers import is_epub

    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(".") or (skip_real and os.path.realpath(entry) == skip_real):
            continue
        if entry.is_dir():
            found += [entry] if is_epub(entry) else _walk(entry, skip_real)
        elif entry.suffix.lower() in CONVERTIBLE:
            found.append(entry)
    return found


def convert_many(
    inputs: Iterable[str | os.PathLike],
    outdir: str | os.PathLike,
    profile: str | os.PathLike | None = None,
    *,
    jobs: int = 1,
    dask: str | None = None,
    force: bool = False,
    schema_hrefs: tuple[str, ...] = (),
    allow_loss: bool = False,
    accept_changes: bool = False,
    progress: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Convert every input into its own folder under `outdir`; write the batch report there.

    `jobs`: local worker processes; `dask`: a Dask scheduler's address (see teikit.cluster;
    default $TEIKIT_DASK). `progress` is called with each input's Outcome as it finishes.
    Raises TeikitError only for what stops the whole batch (no inputs, an unusable `outdir`,
    an unreachable cluster); an input that fails is an Outcome with status "failed".
    """
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise UsageError("the batch's output must be a folder; it is a file", str(out))
    sources = expand_inputs(inputs, skip=out)
    if not sources:
        raise UsageError("no inputs to convert (folders are searched for " + ", ".join(CONVERTIBLE) + ")")
    out.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome | None] = [None] * len(sources)
    work: list[tuple[int, Job]] = []
    taken: dict[str, str] = {}
    for i, src in enumerate(sources):
        name = Path(src).stem if not Path(src).is_dir() else Path(src).name
        target = str(out / name)
        refused = None
        if name in taken:
            refused = f"another input ({taken[name]}) is also named {name!r}; both would be written to {target}"
        elif not os.path.exists(src):
            refused = "no such file or folder"
        else:
            taken[name] = src
            try:
                output_folder(target, force, _inputs_of(src, profile))
            except TeikitError as exc:
                refused = str(exc)
        if refused:
            outcomes[i] = Outcome(src, target, "failed", refused)
            if progress:
                progress(outcomes[i])  # type: ignore[arg-type]
        else:
            job = Job(src, target, os.fspath(profile) if profile else None, schema_hrefs, allow_loss, accept_changes)
            work.append((i, job))
    batches = [[job] for _, job in work]  # a conversion takes seconds: one input per task
    address = cluster.dask_address(dask)
    for k, results in cluster.map_batches(convert_batch, batches, jobs=min(jobs, os.cpu_count() or 1), dask=address):
        outcome = results[0]
        outcomes[work[k][0]] = outcome
        if progress:
            progress(outcome)
    done = [o for o in outcomes if o is not None]
    result = BatchResult(done, str(out / BATCH_REPORT))
    atomic_write_text(result.report, json.dumps(result.as_dict(), ensure_ascii=False, indent=1) + "\n")
    return result


def _inputs_of(source: str, profile) -> tuple:
    own = Path(source).with_suffix(".toml")
    return (source,) + ((os.fspath(profile),) if profile else (str(own),) if own.is_file() else ())


def convert_batch(jobs: list[Job]) -> list[Outcome]:
    """Convert each job's input (in a worker: module-level, so that it can be pickled)."""
    return [_convert_one(job) for job in jobs]


def _convert_one(job: Job) -> Outcome:
    from . import accounting, convert

    try:
        # force: the output folder was checked before the batch started (convert_many);
        # what is there now is this batch's own, from a run of this job that was killed.
        report = convert(
            job.source,
            job.output,
            job.profile,
            force=True,
            schema_hrefs=job.schema_hrefs,
            allow_loss=job.allow_loss,
            accept_changes=job.accept_changes,
        )
    except accounting.WordsLost as exc:
        return Outcome(
            job.source, job.output, "words-lost", exc.message, dict(exc.report.counts), len(exc.report.warnings)
        )
    except TeikitError as exc:
        return Outcome(job.source, job.output, "failed", str(exc))
    except Exception as exc:  # a fault of teikit on this input: reported, and the batch goes on
        return Outcome(job.source, job.output, "failed", f"internal error ({type(exc).__name__}): {exc}")
    return Outcome(job.source, job.output, "converted", None, dict(report.counts), len(report.warnings))
