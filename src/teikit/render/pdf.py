"""The print edition: TEI documents to one PDF, laid out by the Typst compiler.

    render_pdf(["tei/book"], "book.pdf")                    # notes at the foot of the page
    render_pdf(["tei/book"], "book.pdf", endnotes=True)     # notes after the text

transforms/typst.xsl writes the book as Typst markup (`book.typ`) into a temporary folder;
the images media.plan allows are copied beside it; Typst (the `typst` package: the compiler
in-process) lays it out and writes the PDF: footnotes, running heads, page numbers, a
contents page and registers with page numbers, hyphenation in the language of the TEI,
fonts embedded (subset), tags for assistive technology. See typst.xsl for what goes where.

Nothing is fetched: the markup names only the images published in the temporary folder,
which is the compiler's root (it reads no file outside it), and imports no package (every
character of the text is escaped, so no text becomes Typst code). The fonts are DejaVu
(Debian: fonts-dejavu-core, fonts-dejavu-extra: Latin, Greek, Cyrillic, combining marks),
found in the machine's font folders and given to the compiler by path; the machine's other
fonts are not read, so the layout does not depend on what else is installed.

The file is the same on every run: its dates are the TEI's own (typst.xsl sets them from
e:modified; nothing reads the clock), and Typst derives the rest (its identifier, the
subset fonts) from the document alone.

A character that no font given carries (DejaVu has no Chinese or Japanese, for instance)
is set as an empty box, and the PDF's text may lose it; Typst gives no warning for it.

Where it may be written: the EPUB writer's rules (`teikit.render.epub.output_file`): not a
folder, not an input of the run nor inside an input folder; an existing file is replaced
only with `force`, and only when it is a PDF. The file is written beside its target under a
temporary name and renamed over it, so a reader sees the old PDF or the new one.
"""

from __future__ import annotations

import functools
import json
import tempfile
import time
from pathlib import Path

from lxml import etree

from ..access import LINK_SCHEMES
from ..errors import TeikitError
from ..tei import q
from ..xmlio import atomic_write_bytes
from . import Rendered, compile_stylesheets, media
from .collection import collect, located
from .epub import EPUB_IMAGE_KINDS, content_identifier, output_file
from .saxon import transform

STYLESHEET = "typst.xsl"
DOCUMENT = "book.typ"  # the document typst.xsl writes
# What Typst can draw of the images media.plan publishes (PNG, JPEG, GIF, WebP; not AVIF).
PDF_IMAGE_KINDS = EPUB_IMAGE_KINDS


def is_pdf(path: Path) -> bool:
    """Whether the file starts as a PDF does."""
    try:
        with open(path, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


# The folders searched for DejaVu, as Debian and most systems install fonts.
FONT_ROOTS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
FONT_FILE = "DejaVuSerif.ttf"  # the text face: without it the book cannot be set
LAST_PAGE = "<teikit-last-page>"  # typst.xsl's metadata on the last page: the number of pages


@functools.cache
def font_folders() -> tuple[Path, ...]:
    """The folders that hold the DejaVu fonts."""
    folders = sorted(
        {f.parent for root in FONT_ROOTS if root.is_dir() for f in root.rglob("DejaVu*.ttf")},
        key=lambda folder: (not (folder / FONT_FILE).is_file(), str(folder)),
    )
    if not folders or not (folders[0] / FONT_FILE).is_file():
        raise TeikitError(
            f"the PDF's fonts are missing: no {FONT_FILE} under {' or '.join(map(str, FONT_ROOTS))} "
            "(Debian: apt-get install fonts-dejavu-core fonts-dejavu-extra)"
        )
    return tuple(folders)


def layout(typ_file: Path, warn=lambda message: None) -> tuple[bytes, int]:
    """Lay out the Typst document `typ_file` and return the PDF's bytes and its number of pages.

    The compiler reads no file outside the document's folder and no font but DejaVu's."""
    import typst

    folder = typ_file.parent
    compiler = typst.Compiler(
        str(typ_file), root=str(folder), font_paths=[str(f) for f in font_folders()], ignore_system_fonts=True
    )
    try:
        data, warnings = compiler.compile_with_warnings(format="pdf")
        pages = json.loads(compiler.query(LAST_PAGE, field="value", one=True))
    except typst.TypstError as exc:
        raise TeikitError(f"the PDF layout failed: {exc.message}", str(typ_file)) from None
    for warning in warnings:
        warn(f"PDF layout: {warning.message}")
    assert isinstance(data, bytes)  # no output named: the bytes are returned
    return data, int(pages)


def drop_undrawable(tree, folder: Path, warn=lambda message: None) -> None:
    """Leave out the published images Typst cannot decode, each with a warning.

    Typst fails the whole layout on one image it cannot read (a damaged file whose first
    bytes are an image's); each image is tried alone first, and one that fails is removed
    and unmarked, so that it is shown and listed nowhere, as media.embed does with those it
    refuses."""
    import typst

    tried: dict[str, bool] = {}
    probe = folder / "probe.typ"
    for graphic in tree.iter(q("graphic")):
        src = graphic.get(media.SRC)
        if src is None:
            continue
        if src not in tried:
            probe.write_text(f"#image({json.dumps(src, ensure_ascii=False)})\n", encoding="utf-8")
            try:
                typst.compile(str(probe), root=str(folder), format="svg", ignore_system_fonts=True)
                tried[src] = True
            except typst.TypstError as exc:
                tried[src] = False
                url = graphic.get("url") or ""
                warn(
                    f"{media.position(graphic)}: graphic '{url[:80]}' not drawn: the PDF layout cannot read it ({exc.message})"
                )
                (folder / src).unlink(missing_ok=True)
        if not tried[src]:
            del graphic.attrib[media.SRC]
    probe.unlink(missing_ok=True)


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
        drop_undrawable(tree, folder, warn=result.warnings.append)
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
        data, pages = layout(folder / DOCUMENT, warn=result.warnings.append)
        result.seconds["layout"] = time.perf_counter() - t0
    output_file(
        output, force, paths, kind="PDF", example="out/book.pdf", recognise=is_pdf
    )  # another run may have put a file there
    atomic_write_bytes(target, data)
    result.files = [target.name]
    result.pages = pages
    return result
