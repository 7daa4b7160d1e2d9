"""Convert a book into TEI P5: read -> outline -> clean -> structure -> enrich -> write.

The reader is chosen by the input's content (`reader_for`): a Word document, an EPUB (packaged
or a folder), Markdown, else plain text. A structured reader provides the facts the text
passes would establish, and those passes are left out (`teikit.pipeline.Registry.after_reader`).

The conversion is a `teikit.pipeline.Registry` of passes, each `apply(tei, ctx) -> tei`
with what it needs and provides; `default_passes()` is this package's passes followed by
`teikit.enrich.PASSES` and `FINISHING`. `convert_tree` and `convert` check the order before any work
(`teikit.pipeline.PassOrderError`), then run the reader, the passes and (for `convert`)
the writer. A caller may give its own registry (`passes=default_passes().disable("places")`,
`.add(Pass(...), after="inline")`); the profile's `[passes] disable` is applied on top.
`convert` counts the words of the source against the documents it writes
(`teikit.convert.accounting`) and, after writing them, raises `accounting.WordsLost` when
words are missing that the report does not name as removed, unless `allow_loss`.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from pathlib import Path

from .. import enrich
from ..context import Context
from ..pipeline import Pass, Reader, Registry, run
from ..profile import Profile, load_profile
from ..report import Report
from ..xmlio import output_folder
from . import (
    accounting,
    bibliography,
    drama,
    footnotes,
    furniture,
    header,
    indexes,
    inline,
    letters,
    navigation,
    noteattach,
    notes,
    outline,
    reader,
    readers,
    sidenotes,
    structure,
    titlepage,
    verse,
    wrapper,
    writer,
)

READERS = (
    # Chosen by content, in this order; the first that recognises the input reads it.
    Reader(
        "docx",
        readers.docx.read,
        suffixes=(".docx",),
        provides=readers.PROVIDES,
        doc="a Word document (OOXML): styles, notes, comments, lists, tables, images",
        recognises=readers.is_docx,
    ),
    Reader(
        "epub",
        readers.epub.read,
        suffixes=(".epub",),
        provides=readers.PROVIDES,
        doc="an EPUB, packaged or as a folder (OPF package or XHTML files): spine, notes, metadata",
        recognises=readers.is_epub,
    ),
    Reader(
        "markdown",
        readers.markdown.read,
        suffixes=(".md", ".markdown"),
        provides=readers.PROVIDES,
        doc="Markdown (CommonMark, footnotes, tables, front matter)",
        recognises=readers.is_markdown,
    ),
    Reader(
        "text",
        lambda path, ctx: reader.read(path, ctx.report),
        provides=("blocks",),
        doc="plain text in UTF-8 (or a declared legacy encoding): paragraphs of raw lines",
    ),
)

PASSES = (
    Pass(
        "wrapper",
        wrapper.apply,
        needs=("blocks",),
        provides=("wrapper",),
        doc="an ebook distributor's header and footer out of the text, into the teiHeader",
    ),
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
        "drama",
        drama.apply,
        needs=("paragraphs",),
        provides=("speeches",),
        doc="a play's speeches, stage directions, cast list, acts and scenes",
    ),
    Pass(
        "letters",
        letters.apply,
        needs=("paragraphs",),
        provides=("letters",),
        doc="letters as divisions with their opener (dateline, salutation) and closer (salutation, signature)",
    ),
    Pass(
        "verse",
        verse.apply,
        needs=("paragraphs", "speeches", "letters"),
        provides=("verse",),
        doc="stanzas printed as verse set as line groups, a line element each printed line",
    ),
    Pass(
        "notes",
        notes.apply,
        needs=("paragraphs",),
        provides=("notes",),
        doc="endnotes moved to their references, numbering repaired from the sequence",
    ),
    Pass(
        "sidenotes",
        sidenotes.apply,
        needs=("paragraphs",),
        provides=("sidenotes",),
        doc="text set between two symbols (♦…♦) at a paragraph's start as margin notes",
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
        doc="*...* and **...**, and the book's own _..._, /.../, =...= as hi, title or foreign",
    ),
    Pass(
        "title-page",
        titlepage.apply,
        needs=("divisions", "wrapper", "paragraphs"),
        provides=("title-page",),
        doc="the title page found where the wrapper's title is set, when other matter opens the book",
    ),
    Pass(
        "header",
        header.apply,
        needs=("divisions", "wrapper"),
        provides=("book",),
        doc="the teiHeader and titlePage from the title page and imprint",
    ),
)

# Passes that finish the book once it is enriched: the lists that point at its parts.
FINISHING = (
    Pass(
        "navigation",
        navigation.apply,
        needs=("outline", "divisions"),
        provides=("navigation",),
        keeps_views=(navigation.SETTLED,),
        doc="the contents and the list of figures as lists pointing at what they list",
    ),
)

# What the writer reads besides the tree: the book (every file's header).
WRITER_NEEDS = ("book", "divisions")


def default_passes() -> Registry:
    """Every pass of a conversion, in order: this package's, enrichment's, then the finishing ones."""
    return Registry(PASSES + tuple(enrich.PASSES) + FINISHING)


def reader_for(source: Path) -> Reader:
    """The first reader that recognises the input by its content (plain text takes the rest)."""
    return next(r for r in READERS if r.accepts(source))


def passes_for(profile: Profile, passes: Registry | None = None, read: Reader | None = None) -> Registry:
    """The registry a conversion runs: `passes` (default: all) without the profile's `[passes] disable`
    and, after a structured `read`er, without the passes whose facts it already provides."""
    registry = passes if passes is not None else default_passes()
    if profile.disabled_passes:
        registry = registry.disable(*profile.disabled_passes)
    if read is not None:
        registry, _ = registry.after_reader(read.provides)
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
    accept_changes: bool = False,
):
    """Run the pipeline on a text file; return (TEI tree of the whole book, context).

    The order of the passes is checked before the file is read (`then_needs`: what the
    caller will read after them, e.g. the writer's needs). `accept_changes`: a Word
    document's tracked changes are accepted (see `readers.docx`) instead of kept as
    `add`/`del`; other inputs have none.
    """
    source = Path(source)
    report = report or Report(source=source.name)
    profile = profile or load_profile(source=source)
    read = reader_for(source)
    if accept_changes and read.name == "docx":
        read = dataclasses.replace(read, read=functools.partial(readers.docx.read, accept_changes=True))
    registry = passes_for(profile, passes, read)
    registry.check(provided=read.provides, then_needs=then_needs)
    ctx = Context(
        source=source,
        profile=profile,
        report=report,
        book_id=book_id or source.stem,
        registers_from=Path(registers_from) if registers_from else None,
        reader=read.name,
    )
    t0 = time.perf_counter()
    tei = read.read(source, ctx)
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
    allow_loss: bool = False,
    accept_changes: bool = False,
) -> Report:
    """Convert a text file into a TEI edition in `outdir`; return the conversion report.

    Raises `accounting.WordsLost` (after writing the edition and its report) when the
    edition lacks words of the source that the report does not name, unless `allow_loss`.
    `accept_changes`: accept a Word document's tracked changes (see `convert_tree`).
    """
    source = Path(source)
    if not isinstance(profile, Profile):
        profile = load_profile(profile, source=source)
    read = reader_for(source)
    passes_for(profile, passes, read).check(provided=read.provides, then_needs=WRITER_NEEDS)
    inputs = (source,) + ((profile.source,) if profile.source != "default" else ())
    output_folder(outdir, force, inputs)  # refuse a bad output before the work, not after
    tei, ctx = convert_tree(
        source,
        profile,
        timings=timings,
        registers_from=outdir,
        passes=passes,
        then_needs=WRITER_NEEDS,
        accept_changes=accept_changes,
    )
    t0 = time.perf_counter()
    docs = writer.split(tei, ctx)
    # The words of a plain-text source are counted here; a structured reader's words are
    # checked by its own tests against its input's text (the package is not text).
    tally = accounting.check(reader.text_of(source, Report()), docs, ctx.report) if read.name == "text" else None
    writer.write(docs, Path(outdir), ctx.report.to_json(), force, tuple(schema_hrefs), inputs, ctx.media)
    if timings is not None:
        timings["write"] = time.perf_counter() - t0
    if tally is not None and tally.lost and not allow_loss:
        raise accounting.WordsLost(tally, ctx.report, str(source))
    return ctx.report
