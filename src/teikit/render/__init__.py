"""Publishing: TEI documents to an HTML reading edition, a plain-text edition, an EPUB or a PDF.

    render(["tei/book"], "html", "public/book/html")   # with a search index (teikit.render.search)
    render(["tei/book"], "epub", "public/book.epub")   # one file (teikit.render.epub)
    render(["tei/book"], "pdf", "public/book.pdf")     # one file (teikit.render.pdf)
    render_editions(["tei/book"], [("html", "public/book/html"), ("text", "public/book/text")])

The transforms (transforms/html.xsl, text.xsl) do the work; this package gathers the
documents safely, one at a time, runs the compiled stylesheet over the collection a
window of documents at a time (teikit.render.windows: memory bounded by a window and an
outline of the rest, the edition the same as one transform over the whole collection
would give), adds the site's assets and replaces the output folder atomically.

What a hostile document can make the site carry is decided in teikit.access: the
transforms get its LINK_SCHEMES as the parameter link-schemes (any other link is shown
as text and reported), and the only local files published are the images
teikit.render.media allows, copied under media/ where they cannot replace a page or
an asset. Refusals are warnings; the page renders without what was refused.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..access import LINK_SCHEMES
from ..errors import TeikitError, UsageError
from ..xmlio import atomic_folder, output_folder
from . import media, windows
from .collection import Gathered, gather_documents, located_in, prepare_documents
from .saxon import TRANSFORMS, Parsed, stylesheet, transform, value_of
from .search import Indexing
from .windows import render_windows

FORMATS = {"html": "html.xsl", "text": "text.xsl", "epub": "epub.xsl", "pdf": "typst.xsl"}

# What the transforms of one tree compute alike (common.xsl, tk:tree-values): a map of
# values by the name of the parameter of the transforms that holds each, computed once for
# the editions rendered together from one tree (Reading.shared) and given to each
# transform, which otherwise computes them itself. Among them the names in the pages of
# text, by page and register entry: html.xsl links every name to its entry and lists each
# entry's mentions, text.xsl lists the pages of each.
TREE_VALUES = "{urn:teikit:transforms}tree-values"
TREE_VALUE_NAMES = (
    "mentions-by-page",
    "mention-pages",
    "name-entries",
    "registers",
    "loose-milestones",
    "folders",
    "entries",
)
MENTIONS = "{urn:teikit:transforms}mentions-by-page"


@dataclass
class Rendered:
    outdir: Path
    to: str
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    pages: int = 0  # the PDF's pages

    def summary(self) -> str:
        times = ", ".join(f"{k} {v:.2f} s" for k, v in self.seconds.items())
        made = f"{self.pages} pages" if self.pages else f"{len(self.files)} files"
        return f"rendered {self.to}: {made} in {self.outdir} ({times}); {len(self.warnings)} warnings"


def compile_stylesheets(*formats: str) -> float:
    """Compile the stylesheets now (they are compiled once per process); returns seconds."""
    t0 = time.perf_counter()
    for to in formats or FORMATS:
        stylesheet(FORMATS[to])
    return time.perf_counter() - t0


def render(
    paths,
    to: str,
    outdir,
    *,
    width: int = 78,
    force: bool = False,
    search: bool = True,
    endnotes: bool = False,
    jobs: int = 1,
    dask: str | None = None,
) -> Rendered:
    """Render `paths` to the edition `to` in `outdir` (for "epub" and "pdf", the file to write).

    An HTML edition gets a search index and a search box on every page unless `search`
    is false. `endnotes`: the PDF's notes after the text instead of at the foot of each page.
    HTML and text: the windows of the collection (teikit.render.windows) run in `jobs`
    local processes, or on the Dask cluster at `dask` (whose workers see the same files).
    """
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if to not in FORMATS:
        raise UsageError(f"unknown edition '{to}': choose {', '.join(FORMATS)}")
    if width < 0:
        raise UsageError("--width must be 0 (no wrapping) or more")
    if to == "epub":
        from .epub import render_epub

        return render_epub(paths, outdir, force=force)
    if to == "pdf":
        from .pdf import render_pdf

        return render_pdf(paths, outdir, force=force, endnotes=endnotes)
    spread = {"jobs": jobs, "dask": dask}
    with _edition(paths, to, Path(outdir), width=width, force=force, search=search, spread=spread) as result:
        return result


def render_editions(
    paths,
    editions,
    *,
    width: int = 78,
    force: bool = False,
    search: bool = True,
    jobs: int = 1,
    dask: str | None = None,
) -> list[Rendered]:
    """Render `paths` to several site editions: `editions` pairs a format ("html", "text")
    with its output folder. As `render` for each, but the HTML edition's search index is
    built while the next edition renders: the indexer is a process of its own, so on a
    machine with a second core the index costs the run almost no time.

    A failure stops the run: the failing edition's folder, and those of the editions not
    yet finished, are left as they were.
    """
    for to, _ in editions:
        if to not in ("html", "text"):
            raise UsageError(f"render_editions makes site editions (html, text), not '{to}'")
    if width < 0:
        raise UsageError("--width must be 0 (no wrapping) or more")
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    spread = {"jobs": jobs, "dask": dask}
    with contextlib.ExitStack() as stack:
        # The documents are read once for every edition (Reading).
        reading = Reading(paths, Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="teikit-read-"))))
        return [
            stack.enter_context(
                _edition(paths, to, Path(out), width=width, force=force, search=search, spread=spread, reading=reading)
            )
            for to, out in editions
        ]


class Reading:
    """The documents of `paths` gathered into `folder` (collection.gather_documents) when
    the first edition asks for them, and what reading them reported: the editions of one
    collection share them, each preparing them for itself."""

    def __init__(self, paths, folder: Path) -> None:
        self.paths, self.folder = paths, folder
        self.warnings: list[str] = []
        self.gathered: list[Gathered] | None = None
        self.parsed: Parsed | None = None
        self.documents_parsed: list[Path] = []

    def documents(self) -> tuple[list[Gathered], list[str]]:
        if self.gathered is None:
            self.gathered = gather_documents(self.paths, self.folder, warn=self.warnings.append)
        return self.gathered, self.warnings

    def parse(self, documents: list[Path]) -> Parsed:
        """The collection of `documents` (in one window: windows.one_run) as Saxon read it:
        read once for the editions whose transforms read the same files (any without
        graphics to prepare), the tree the same as each would read on its own."""
        if self.parsed is None or self.documents_parsed != documents:
            self.parsed = None  # the tree read before goes before the next is built
            if len(documents) == 1:
                self.parsed = Parsed(documents[0])
            else:
                tree = self.folder / "collection.xml"
                windows.write_whole(documents, tree)
                try:
                    self.parsed = Parsed(tree)
                finally:
                    tree.unlink()
            self.documents_parsed = list(documents)
        return self.parsed

    def shared(self, parsed: Parsed, name: str, params: dict[str, bool | int | str]) -> dict[str, object]:
        """What the transforms of the tree `parsed` have in common, computed once (by
        transforms/NAME with `params`, the first edition's), as their parameters: the
        values of common.xsl's tk:tree-values (the mentions of the register entries among
        them), which depend on the tree alone, not on the edition."""
        if TREE_VALUES not in parsed.values:
            values = value_of(name, parsed, TREE_VALUES, params).head.get_map_value()
            given = {key: values.get(key) for key in TREE_VALUE_NAMES}
            # (a value Saxon gives as none, an empty sequence, is left to the transform)
            parsed.values[TREE_VALUES] = {
                f"{{urn:teikit:transforms}}{key}": value for key, value in given.items() if value is not None
            }
        shared = parsed.values[TREE_VALUES]
        assert isinstance(shared, dict)
        return shared


@contextlib.contextmanager
def _edition(
    paths, to: str, outdir: Path, *, width: int, force: bool, search: bool, spread, reading: Reading | None = None
) -> Iterator[Rendered]:
    """Render the site edition `to` into a temporary folder and yield its account; the
    folder replaces `outdir` when the block ends (the search index finished first).
    `reading`: the documents as another edition read them (else they are read here)."""
    output_folder(outdir, force, paths)  # refuse a bad output before the work, not after
    result = Rendered(outdir, to)
    t0 = time.perf_counter()
    search = search and to == "html"
    with (
        tempfile.TemporaryDirectory(prefix="teikit-render-") as work,
        atomic_folder(outdir, force, paths, writer=f"teikit render {to}") as tmp,
    ):
        # The documents go to Saxon as files, read one at a time: Python never holds the
        # collection whole, and Saxon holds a window of it (teikit.render.windows).
        # Decided before the transform: html.xsl shows only the images marked as published.
        shared = reading is not None  # with other editions, which may read the same tree
        reading = reading or Reading(paths, Path(work))
        gathered, read_warnings = reading.documents()
        result.warnings += read_warnings
        planner = media.Planner(forbidden=[outdir], warn=result.warnings.append)
        prepare = planner.mark if to == "html" else (lambda root: None)
        documents = prepare_documents(gathered, Path(work), prepare)
        result.seconds["read"] = time.perf_counter() - t0
        # Compiled here only for a run here: a collection of several windows is rendered
        # in processes of their own, and this one never starts Saxon.
        if len(documents) == 1 or windows.one_run(documents):
            result.seconds["compile"] = compile_stylesheets(to)
        t0 = time.perf_counter()
        params: dict[str, bool | int | str] = {"width": width} if to == "text" else {}
        params["link-schemes"] = " ".join(LINK_SCHEMES)
        if search:
            params["search"] = True
        if len(documents) == 1 and not shared:  # the collection is that document
            messages = transform(FORMATS[to], documents[0], tmp, params)
        elif shared and (len(documents) == 1 or windows.one_run(documents)):
            # read once for the editions that read the same documents, and what their
            # transforms share computed once
            parsed = reading.parse(documents)
            common = reading.shared(parsed, FORMATS[to], params)
            messages = transform(FORMATS[to], parsed, tmp, {**params, **common})
        else:
            messages = render_windows(FORMATS[to], documents, Path(work), tmp, params, book=to == "text", **spread)
        result.warnings += located_in(paths, messages, documents)
        if to == "html":
            _copy_contents(TRANSFORMS / "assets", tmp / "assets")
            media.publish(planner.images, tmp, warn=result.warnings.append)
        result.seconds["transform"] = time.perf_counter() - t0
        if not search:
            _list_files(result, tmp)
            yield result
            return
        indexing = Indexing(tmp)
        try:
            yield result  # the caller renders the next edition while the index is built
            waited = time.perf_counter()
            indexing.finish()
        except BaseException:
            indexing.stop()
            raise
        # What the index cost the run: the time it was waited for (all of it when nothing
        # else was done meanwhile).
        result.seconds["search index"] = time.perf_counter() - waited
        _list_files(result, tmp)


def _list_files(result: Rendered, folder: Path) -> None:
    result.files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    if not result.files:
        raise TeikitError("the transform wrote nothing", str(result.outdir))


def _copy_contents(source: Path, target: Path) -> None:
    """A folder's files copied by their contents only: the user's umask decides the modes of
    what teikit writes, not those of teikit's installation (copytree copies them)."""
    target.mkdir()
    for item in sorted(source.iterdir()):
        if item.is_dir():
            _copy_contents(item, target / item.name)
        else:
            shutil.copyfile(item, target / item.name)
