"""Convert a plain-text book into TEI P5: read -> outline -> clean -> structure -> enrich -> write.

The conversion is a `teikit.pipeline.Registry` of passes, each `apply(tei, ctx) -> tei`
with what it needs and provides; `default_passes()` is this package's passes followed by
`teikit.enrich.PASSES`. `convert_tree` and `convert` check the order before any work
(`teikit.pipeline.PassOrderError`), then run the reader, the passes and (for `convert`)
the writer. A caller may give its own registry (`passes=default_passes().disable("places")`,
`.add(Pass(...), after="inline")`); the profile's `[passes] disable` is applied on top.
"""

from __future__ import annotations

import time
from pathlib import Path

from .. import enrich
from ..context import Context
from ..pipeline import Pass, Reader, Registry, run
from ..profile import Profile, load_profile
from ..report import Report
from ..xmlio import output_folder
from . import (
    bibliography,
    footnotes,
    furniture,
    header,
    indexes,
    inline,
    noteattach,
    notes,
    outline,
    reader,
    structure,
    writer,
)

READERS = (
    Reader(
        "text",
        reader.read,
        provides=("blocks",),
        doc="plain text in UTF-8 (or a declared legacy encoding): paragraphs of raw lines",
    ),
)

PASSES = (
    Pass(
        "outline",
        outline.apply,
        needs=("blocks",),
        provides=("outline", "divisions"),
        doc="divisions from the book's table of contents or its chapter headings",
    ),
    Pass(
        "furniture",
        furniture.apply,
        needs=("outline", "divisions"),
        provides=("furniture-removed",),
        doc="running heads and page numbers removed",
    ),
    Pass(
        "note-bodies",
        footnotes.find,
        needs=("outline", "divisions"),
        provides=("note-bodies",),
        doc="notes in the text's stream set apart and paired with their references",
    ),
    Pass(
        "structure",
        structure.apply,
        needs=("outline", "divisions"),
        provides=("paragraphs", "figures"),
        doc="paragraphs rejoined, heads, quotations, verse, figures, tables",
    ),
    Pass(
        "footnotes",
        noteattach.attach,
        needs=("note-bodies", "paragraphs"),
        provides=("footnotes",),
        doc="notes found in the text's stream attached at their references",
    ),
    Pass(
        "notes",
        notes.apply,
        needs=("paragraphs",),
        provides=("notes",),
        doc="endnotes moved to their references, numbering repaired from the sequence",
    ),
    Pass(
        "bibliography",
        bibliography.apply,
        needs=("paragraphs",),
        provides=("bibliography",),
        doc="the bibliography as listBibl",
    ),
    Pass(
        "indexes",
        indexes.apply,
        needs=("paragraphs",),
        provides=("indexes",),
        doc="the book's indexes as lists of terms with page references",
    ),
    Pass(
        "inline",
        inline.apply,
        needs=("paragraphs",),
        provides=("inline",),
        doc="*...* and **...** as hi, title or foreign",
    ),
    Pass(
        "header",
        header.apply,
        needs=("divisions",),
        provides=("book",),
        doc="the teiHeader and titlePage from the title page and imprint",
    ),
)

# What the writer reads besides the tree: the book (every file's header).
WRITER_NEEDS = ("book", "divisions")


def default_passes() -> Registry:
    """Every pass of a conversion, in order: this package's, then enrichment's."""
    return Registry(PASSES + tuple(enrich.PASSES))


def reader_for(source: Path) -> Reader:
    """The first reader that accepts the file (today: plain text, whatever the suffix)."""
    return next(r for r in READERS if r.accepts(source))


def passes_for(profile: Profile, passes: Registry | None = None) -> Registry:
    """The registry a conversion runs: `passes` (default: all) without the profile's `[passes] disable`."""
    registry = passes if passes is not None else default_passes()
    if profile.disabled_passes:
        registry = registry.disable(*profile.disabled_passes)
    return registry


def convert_tree(
    source: str | Path,
    profile: Profile | None = None,
    report: Report | None = None,
    book_id: str | None = None,
    timings: dict[str, float] | None = None,
    registers_from: str | Path | None = None,
    passes: Registry | None = None,
    then_needs: tuple[str, ...] = (),
):
    """Run the pipeline on a text file; return (TEI tree of the whole book, context).

    The order of the passes is checked before the file is read (`then_needs`: what the
    caller will read after them, e.g. the writer's needs).
    """
    source = Path(source)
    report = report or Report(source=source.name)
    profile = profile or load_profile(source=source)
    read = reader_for(source)
    registry = passes_for(profile, passes)
    registry.check(provided=read.provides, then_needs=then_needs)
    ctx = Context(
        source=source,
        profile=profile,
        report=report,
        book_id=book_id or source.stem,
        registers_from=Path(registers_from) if registers_from else None,
    )
    t0 = time.perf_counter()
    tei = read.read(source, report)
    if timings is not None:
        timings["read"] = time.perf_counter() - t0
    tei = run(registry, tei, ctx, timings)
    return tei, ctx


def convert(
    source: str | Path,
    outdir: str | Path,
    profile: Profile | str | Path | None = None,
    force: bool = False,
    schema_hrefs: tuple[str, ...] = (),
    timings: dict[str, float] | None = None,
    passes: Registry | None = None,
) -> Report:
    """Convert a text file into a TEI edition in `outdir`; return the conversion report."""
    source = Path(source)
    if not isinstance(profile, Profile):
        profile = load_profile(profile, source=source)
    passes_for(profile, passes).check(provided=reader_for(source).provides, then_needs=WRITER_NEEDS)
    inputs = (source,) + ((profile.source,) if profile.source != "default" else ())
    output_folder(outdir, force, inputs)  # refuse a bad output before the work, not after
    tei, ctx = convert_tree(
        source, profile, timings=timings, registers_from=outdir, passes=passes, then_needs=WRITER_NEEDS
    )
    t0 = time.perf_counter()
    docs = writer.split(tei, ctx)
    writer.write(docs, Path(outdir), ctx.report.to_json(), force, tuple(schema_hrefs), inputs)
    if timings is not None:
        timings["write"] = time.perf_counter() - t0
    return ctx.report
