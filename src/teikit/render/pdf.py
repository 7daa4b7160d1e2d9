"""The print edition: TEI documents to one PDF, laid out by WeasyPrint.

    render_pdf(["tei/book"], "book.pdf")                    # notes at the foot of the page
    render_pdf(["tei/book"], "book.pdf", endnotes=True)     # notes after the text

transforms/print.xsl writes one HTML document (`book.html`) with CSS Paged Media into a
temporary folder; the images media.plan allows are copied beside it; WeasyPrint lays it
out and writes the PDF: footnotes, running heads, page numbers, a contents page and
registers with page numbers, hyphenation in the language of the TEI, fonts embedded
(subset). See print.xsl for what goes where.

Nothing is fetched: WeasyPrint loads resources only through `LocalFetcher`, which serves
the files inside the temporary folder (the document and the images published there) and
refuses everything else, another local file or any network address, with a warning. The
fonts are the machine's (fontconfig), named by print.xsl's stylesheet.

The file is the same on every run: its dates are the TEI's own (print.xsl puts e:modified
in the document's metadata; nothing reads the clock) and its identifier is derived from
the documents' characters (`teikit.render.epub.content_identifier`).

Where it may be written: the EPUB writer's rules (`teikit.render.epub.output_file`): not a
folder, not an input of the run nor inside an input folder; an existing file is replaced
only with `force`, and only when it is a PDF. The file is written beside its target under a
temporary name and renamed over it, so a reader sees the old PDF or the new one.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from lxml import etree

from ..access import LINK_SCHEMES
from ..errors import TeikitError
from ..xmlio import atomic_write_bytes
from . import Rendered, compile_stylesheets, media
from .collection import collect, located
from .epub import EPUB_IMAGE_KINDS, content_identifier, output_file
from .saxon import transform

STYLESHEET = "print.xsl"
DOCUMENT = "book.html"  # the document print.xsl writes
# What WeasyPrint can draw of the images media.plan publishes (not AVIF everywhere).
PDF_IMAGE_KINDS = EPUB_IMAGE_KINDS


def is_pdf(path: Path) -> bool:
    """Whether the file starts as a PDF does."""
    try:
        with open(path, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """Serves the regular files inside `folder` and nothing else; each refusal is a warning."""

        def __init__(self, folder: Path, warn) -> None:
            super().__init__(allowed_protocols=("file",))
            self.folder = Path(os.path.realpath(folder))
            self.warn = warn

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(os.path.realpath(url2pathname(unquote(parsed.path)))) if parsed.scheme == "file" else None
            if path is None or parsed.netloc not in ("", "localhost") or self.folder not in path.parents:
                self.warn(f"not loaded (the PDF loads only the images published with it): {url[:80]}")
                raise ValueError("refused")
            if not path.is_file():
                self.warn(f"not loaded, not a file: {path.name}")
                raise ValueError("refused")
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as fh:
                return URLFetcherResponse(path.as_uri(), fh.read())

    return LocalFetcher


class _Collect(logging.Handler):
    """WeasyPrint's warnings and errors (a CSS it did not apply, an image it could not read)."""

    def __init__(self, warn) -> None:
        super().__init__(logging.WARNING)
        self.warn = warn

    def emit(self, record: logging.LogRecord) -> None:
        self.warn(f"PDF layout: {record.getMessage()}")


def layout(html_file: Path, identifier: str, warn=lambda message: None) -> tuple[bytes, int]:
    """Lay out the document `html_file` and return the PDF's bytes and its number of pages."""
    import weasyprint

    fetcher = _fetcher_class()(html_file.parent, warn)
    logger = logging.getLogger("weasyprint")
    handler = _Collect(warn)
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # a library does not print to the user's terminal; teikit reports
    try:
        document = weasyprint.HTML(filename=str(html_file), url_fetcher=fetcher, media_type="print").render()
        data = document.write_pdf(pdf_identifier=identifier.encode("utf-8"))
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    assert data is not None  # no target given: the bytes are returned
    return data, len(document.pages)


def render_pdf(paths, output, *, force: bool = False, endnotes: bool = False) -> Rendered:
    """Render the TEI documents in `paths` to the PDF file `output`."""
    # refuse a bad output before the work, not after
    target = output_file(output, force, paths, kind="PDF", example="out/book.pdf", recognise=is_pdf)
    result = Rendered(target, "pdf")
    result.seconds["compile"] = compile_stylesheets("pdf")
    t0 = time.perf_counter()
    tree = collect(paths, warn=result.warnings.append)
    identifier = content_identifier(tree)
    with tempfile.TemporaryDirectory(prefix="teikit-pdf-") as tmp:
        folder = Path(tmp)
        media.embed(tree, folder, forbidden=[folder, target], warn=result.warnings.append, kinds=PDF_IMAGE_KINDS)
        xml_text = etree.tostring(tree, encoding="unicode")
        result.seconds["read"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        params: dict[str, int | str] = {
            "link-schemes": " ".join(LINK_SCHEMES),
            "identifier": identifier,
            "notes": "endnotes" if endnotes else "footnotes",
        }
        result.warnings += located(tree, transform(STYLESHEET, xml_text, folder, params))
        if not (folder / DOCUMENT).is_file():
            raise TeikitError("the transform wrote nothing", str(output))
        result.seconds["transform"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        data, pages = layout(folder / DOCUMENT, identifier, warn=result.warnings.append)
        result.seconds["layout"] = time.perf_counter() - t0
    output_file(
        output, force, paths, kind="PDF", example="out/book.pdf", recognise=is_pdf
    )  # another run may have put a file there
    atomic_write_bytes(target, data)
    result.files = [target.name]
    result.pages = pages
    return result
