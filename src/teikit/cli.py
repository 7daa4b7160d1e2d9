"""The `teikit` command: parses arguments and calls the library."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from . import __version__
from .errors import TeikitError, UsageError
from .oneline import one_line
from .progress import progress_bar

# `teikit convert`'s exit status when the edition lacks words of the source (without --allow-loss)
WORDS_LOST = 3


def _passes(args) -> int:
    from .convert import READERS, WRITER_NEEDS, default_passes, passes_for, reader_for
    from .profile import load_profile

    if len(args.sources) > 1:
        raise UsageError("--passes takes at most one input")
    source = args.sources[0] if args.sources else None
    registry = default_passes()
    profile = load_profile(args.profile, source=source)
    read = reader_for(Path(source)) if source else READERS[-1]
    active = passes_for(profile, registry, read)
    active.check(provided=read.provides, then_needs=WRITER_NEEDS)
    print(f"reader {read.name}: provides {', '.join(read.provides)}")
    print(active.describe())
    off = [n for n in passes_for(profile, registry).names() if n not in active]
    if off:
        print(f"left out after the {read.name} reader, which provides their facts: {', '.join(off)}")
    off = [n for n in registry.names() if n not in passes_for(profile, registry)]
    if off:
        print(f"disabled by {profile.source}: {', '.join(off)}")
    print(f"writer: needs {', '.join(WRITER_NEEDS)}")
    return 0


def _one_input(sources: list[str]) -> bool:
    """Whether `teikit convert` writes one edition into -o itself (one file, or one unpacked
    EPUB, given alone) rather than a batch: one folder per input under -o."""
    if len(sources) != 1 or sources[0].startswith("@"):
        return False
    from .convert.readers import is_epub

    path = Path(sources[0])
    return not path.is_dir() or is_epub(path)


def _convert_batch(args) -> int:
    from .cluster import dask_address
    from .convert.batch import convert_many

    result = convert_many(
        args.sources,
        args.output,
        args.profile,
        jobs=args.jobs,
        dask=dask_address(args.dask),
        force=args.force,
        schema_hrefs=tuple(args.declare or ()),
        allow_loss=args.allow_loss,
        accept_changes=args.accept_changes,
        progress=lambda outcome: print(outcome.line(), flush=True),
    )
    print(result.summary())
    if result.failed:
        return 1
    return WORDS_LOST if result.words_lost else 0


def _convert(args) -> int:
    if args.passes:
        return _passes(args)
    if not args.sources or args.output is None:
        raise UsageError("convert needs the input(s) and -o/--output (or --passes to list the passes)")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if not _one_input(args.sources):
        return _convert_batch(args)
    args.source = args.sources[0]
    from .convert import accounting, convert

    try:
        report = convert(
            args.source,
            args.output,
            args.profile,
            force=args.force,
            schema_hrefs=tuple(args.declare or ()),
            allow_loss=args.allow_loss,
            accept_changes=args.accept_changes,
        )
    except accounting.WordsLost as exc:
        print(exc.report.summary())
        print(f"wrote {args.output} (report: {Path(args.output) / 'conversion-report.json'})")
        _say_error(exc)
        return WORDS_LOST
    print(report.summary())
    print(f"wrote {args.output} (report: {Path(args.output) / 'conversion-report.json'})")
    return 0


def _build(args) -> int:
    from .build import build
    from .validate.formats import as_text

    status = 0
    for run in build(args.root, schema=args.schema, publish=not args.no_render):
        sys.stdout.write(as_text(run))
        status = status or (1 if run.summary.invalid or run.schema_errors else 0)
    return status


def _render(args) -> int:
    from .cluster import dask_address
    from .render import render

    result = render(
        args.paths,
        args.to,
        args.output,
        width=args.width,
        force=args.force,
        search=not args.no_search,
        endnotes=args.endnotes,
        jobs=args.jobs,
        dask=dask_address(args.dask),
    )
    for warning in result.warnings:  # they quote the documents, which may hold control characters
        print(f"teikit render: {one_line(warning)}", file=sys.stderr)
    print(result.summary())
    return 0


def _validate(args) -> int:
    import io
    import shutil
    import tempfile

    from .cluster import dask_address
    from .validate import find_xml_files, validate
    from .validate.formats import WRITERS
    from .xmlio import atomic_write_bytes, report_file

    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.output:
        report_file(args.output, lambda: find_xml_files(args.paths))
    # The report is written as the results come (formats.WRITERS: memory does not grow with the
    # files), into a temporary file: the output or standard output gets it only once the run
    # is done, whole (a run that fails leaves no report half-written).
    with tempfile.TemporaryFile() as spool:
        report = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        writer = WRITERS[args.format](report)
        with progress_bar("validating") as tick:
            run = validate(
                args.paths,
                schema=args.schema,
                schematron=args.schematron,
                jobs=args.jobs,
                max_bytes=args.max_size * 2**20,
                progress=tick,
                allow_read=args.allow_read or (),
                dask=dask_address(args.dask),
                on_result=writer.add,
            )
        writer.finish(run)
        report.seek(0)  # flushes what the wrapper holds
        if args.output:
            atomic_write_bytes(args.output, spool)
            print(f"teikit validate: {run.summary.line()} (written to {one_line(args.output)})", file=sys.stderr)
        else:
            shutil.copyfileobj(report, sys.stdout)
        report.detach()  # the spool is closed by its own `with`
    if run.schema_errors:
        return 2
    return 0 if run.summary.invalid == 0 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="teikit", description="TEI toolkit: convert, validate, publish.")
    parser.add_argument("--version", action="version", version=f"teikit {__version__}")
    cmds = parser.add_subparsers(dest="command", required=True)
    c = cmds.add_parser(
        "convert",
        help="convert books (plain text, Markdown, Word, EPUB) to TEI",
        description="Convert one book into -o, or many (several inputs, a folder of them, or @LIST, a file "
        "naming one input a line) into one folder per input under -o, with a batch report "
        "(conversion-batch.json). Exit status: 0 converted, 1 an input failed, "
        f"{WORDS_LOST} words lost (without --allow-loss).",
    )
    c.add_argument("sources", nargs="*", metavar="INPUT", help="a book file or EPUB folder; a folder of books; @LIST")
    c.add_argument("-o", "--output", help="output folder (required unless --passes)")
    c.add_argument(
        "-j", "--jobs", type=int, default=1, help="convert this many inputs at once, in worker processes (default 1)"
    )
    c.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run the conversions on this Dask cluster (tcp://host:8786; default: $TEIKIT_DASK); "
        "its workers must see the same files",
    )
    c.add_argument(
        "--passes",
        action="store_true",
        help="list the passes a conversion runs (with the profile's [passes] disable applied), "
        "what each needs and provides, and exit",
    )
    c.add_argument("--profile", help="conversion profile (TOML); default: SOURCE.toml if present")
    c.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output folder, if teikit wrote it and it holds no input (an existing EPUB file)",
    )
    c.add_argument(
        "--declare",
        action="append",
        metavar="HREF",
        help="declare a schema (.rng, .rnc, .sch) in each file's xml-model; repeatable",
    )
    c.add_argument(
        "--allow-loss",
        action="store_true",
        help="accept an edition that lacks words of the source the report does not name as removed "
        f"(otherwise the exit status is {WORDS_LOST})",
    )
    c.add_argument(
        "--accept-changes",
        action="store_true",
        help="accept a Word document's tracked changes: insertions become plain text, deletions are left out "
        "(and listed in the report); by default they are kept as add and del",
    )
    c.set_defaults(run=_convert)
    b = cmds.add_parser("build", help="convert, validate and render the project's bundled books")
    b.add_argument("--root", default=".", help="project folder holding sources/ and tei/")
    b.add_argument("--schema", help="RELAX NG schema to validate against instead of the declared one")
    b.add_argument("--no-render", action="store_true", help="do not render the HTML and text editions")
    b.set_defaults(run=_build)
    r = cmds.add_parser(
        "render",
        help="publish TEI as an HTML reading edition, a plain-text edition, an EPUB or a PDF",
        description="Render TEI files and folders (a corpus file brings the documents it "
        "XIncludes) through transforms/html.xsl, text.xsl, epub.xsl or typst.xsl (PDF, laid out by Typst).",
    )
    r.add_argument("paths", nargs="+", metavar="PATH", help="TEI files or folders")
    r.add_argument("--to", choices=["html", "text", "epub", "pdf"], required=True, help="which edition")
    r.add_argument("-o", "--output", required=True, help="output folder (for epub and pdf: the file to write)")
    r.add_argument("--width", type=int, default=78, help="text edition: wrap at this column; 0 = no wrapping")
    r.add_argument(
        "--no-search",
        action="store_true",
        help="HTML edition: no search index and no search box (by default a Pagefind index is built)",
    )
    r.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output folder, if teikit wrote it and it holds no input (an existing EPUB or PDF file)",
    )
    r.add_argument("--endnotes", action="store_true", help="pdf: notes after the text, not at the foot of the page")
    r.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        help="html, text: render this many windows of the collection at once, in worker processes (default 1)",
    )
    r.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="html, text: render the windows of the collection on this Dask cluster (tcp://host:8786; "
        "default: $TEIKIT_DASK); its workers must see the same files",
    )
    r.set_defaults(run=_render)
    v = cmds.add_parser(
        "validate",
        help="validate TEI files against RELAX NG and Schematron",
        description="Validate files and folders (recursed for *.xml). Schema: --schema, "
        "else the file's xml-model declarations, else teikit's own. "
        "Exit status: 0 all valid, 1 some invalid, 2 usage or schema error.",
    )
    v.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    v.add_argument("--schema", help="RELAX NG schema (XML or compact syntax)")
    v.add_argument("--schematron", help="ISO Schematron schema")
    v.add_argument("--format", choices=["text", "json", "junit"], default="text")
    v.add_argument("-o", "--output", help="write the report to this file (default: standard output)")
    v.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        help="parallel workers (default 1; more than the machine's processors are lowered to that)",
    )
    v.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="validate on this Dask cluster (tcp://host:8786; default: $TEIKIT_DASK) in batches; "
        "its workers must see the same files",
    )
    v.add_argument(
        "--max-size",
        type=int,
        default=256,
        metavar="MIB",
        help="refuse files larger than this, unread by any engine (default 256 MiB)",
    )
    v.add_argument(
        "--allow-read",
        action="append",
        metavar="DIR",
        help="a folder Schematron document(), XIncludes and schema includes may also read "
        "(default: only the folders of the files given, of the including file, of the schema); "
        "repeatable",
    )
    v.set_defaults(run=_validate)
    args = parser.parse_args(argv)
    try:
        previous = signal.signal(signal.SIGTERM, _terminated)
    except ValueError:  # not the main thread, which alone may handle signals
        previous = None
    try:
        return args.run(args)
    except UsageError as exc:
        _say_error(exc)
        return 2
    except TeikitError as exc:
        _say_error(exc)
        return 2 if args.command == "validate" else 1
    except OSError as exc:
        # what the library did not turn into a TeikitError (permission, disk full, a file
        # vanished): still one line naming the file, never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        _say_error(f"{where}{exc.strerror or exc}")
        return 2 if args.command == "validate" else 1
    except Terminated:
        print("teikit: terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        print("teikit: interrupted", file=sys.stderr)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _say_error(message: object) -> None:
    """One `teikit: error:` line on stderr. Error messages name the files given, and a file's
    name may hold a newline or a terminal's escape sequence: escaped as in the text report
    (`\\n`, `\\x1b`), so that a name can neither forge a second line nor drive the terminal."""
    print(f"teikit: error: {one_line(str(message))}", file=sys.stderr)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a supervisor, `timeout`, a cancelled CI job), raised in the main thread so that
    the command ends as on Ctrl-C, not at once: its temporary files removed, no output
    half-written, the JVMs and workers it started ended."""


def _terminated(signum, frame) -> None:
    raise Terminated


if __name__ == "__main__":
    sys.exit(main())
