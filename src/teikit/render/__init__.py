"""Publishing: TEI documents to an HTML reading edition, a plain-text edition, an EPUB or a PDF.

    render(["tei/book"], "html", "public/book/html")   # with a search index (teikit.render.search)
    render(["tei/book"], "epub", "public/book.epub")   # one file (teikit.render.epub)
    render(["tei/book"], "pdf", "public/book.pdf")     # one file (teikit.render.pdf)

The transforms (transforms/html.xsl, text.xsl) do the work; this package gathers the
documents safely into one tree, runs the compiled stylesheet once for the whole
collection, adds the site's assets and replaces the output folder atomically.

What a hostile document can make the site carry is decided in teikit.access: the
transforms get its LINK_SCHEMES as the parameter link-schemes (any other link is shown
as text and reported), and the only local files published are the images
teikit.render.media allows, copied under media/ where they cannot replace a page or
an asset. Refusals are warnings; the page renders without what was refused.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..access import LINK_SCHEMES
from ..errors import TeikitError, UsageError
from ..xmlio import atomic_folder, output_folder
from . import media
from .collection import collect_to_file, located_in
from .saxon import TRANSFORMS, stylesheet, transform
from .search import build_index

FORMATS = {"html": "html.xsl", "text": "text.xsl", "epub": "epub.xsl", "pdf": "typst.xsl"}


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
    paths, to: str, outdir, *, width: int = 78, force: bool = False, search: bool = True, endnotes: bool = False
) -> Rendered:
    """Render `paths` to the edition `to` in `outdir` (for "epub" and "pdf", the file to write).

    An HTML edition gets a search index and a search box on every page unless `search`
    is false. `endnotes`: the PDF's notes after the text instead of at the foot of each page.
    """
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
    outdir = Path(outdir)
    output_folder(outdir, force, paths)  # refuse a bad output before the work, not after
    result = Rendered(outdir, to)
    result.seconds["compile"] = compile_stylesheets(to)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="teikit-render-") as work:
        # The collection goes to Saxon as a file, read one document at a time: Python never
        # holds it whole (a collection of hundreds of documents would not fit twice).
        source = Path(work) / "collection.xml"
        # Decided before the transform: html.xsl shows only the images marked as published.
        planner = media.Planner(forbidden=[outdir], warn=result.warnings.append)
        prepare = planner.mark if to == "html" else (lambda root: None)
        collect_to_file(paths, source, warn=result.warnings.append, prepare=prepare)
        result.seconds["read"] = time.perf_counter() - t0
        _transform(to, source, outdir, force, paths, width, search, planner.images, result)
    return result


def _transform(to, source: Path, outdir: Path, force, paths, width, search, images, result: Rendered) -> None:
    t0 = time.perf_counter()
    with atomic_folder(outdir, force, paths, writer=f"teikit render {to}") as tmp:
        params: dict[str, bool | int | str] = {"width": width} if to == "text" else {}
        params["link-schemes"] = " ".join(LINK_SCHEMES)
        search = search and to == "html"
        if search:
            params["search"] = True
        result.warnings += located_in(paths, transform(FORMATS[to], source, tmp, params))
        if to == "html":
            shutil.copytree(TRANSFORMS / "assets", tmp / "assets")
            media.publish(images, tmp, warn=result.warnings.append)
        indexing = 0.0
        if search:
            t1 = time.perf_counter()
            build_index(tmp)
            indexing = time.perf_counter() - t1
        result.files = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*") if p.is_file())
        if not result.files:
            raise TeikitError("the transform wrote nothing", str(outdir))
    result.seconds["transform"] = time.perf_counter() - t0 - indexing
    if search:
        result.seconds["search index"] = indexing
