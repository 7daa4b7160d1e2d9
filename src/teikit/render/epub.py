"""The EPUB 3 edition: TEI documents to one `.epub` file.

    render_epub(["tei/book"], "book.epub")

transforms/epub.xsl writes the publication's files (package document, title page,
navigation document, one XHTML content document per page, the stylesheet) into a
temporary folder; this module adds the images and the container and zips it.

The file is written as EPUB 3.3's container requires and the same every time:

- `mimetype` is the first entry, stored (not compressed), with no extra field; then
  `META-INF/container.xml` and the publication under `EPUB/`, in sorted order, deflated.
- Every entry has the same fixed timestamp and permissions, so the same TEI gives the same
  bytes on every run and every machine (with the same zlib). Nothing reads the clock: the
  package's `dcterms:modified` is the TEI's own date (see epub.xsl).
- The identifier is the header's `publicationStmt/idno` when it has one, else a UUID
  derived from the documents' characters (`content_identifier`): the same text always
  gets the same identifier, a changed text another.
- The file is written beside its target under a temporary name and renamed over it
  (`teikit.xmlio.atomic_write_bytes`): a reader sees the old EPUB or the new one, never
  half of one.

Where it may be written (`output_file`): not a folder, not an input of the run nor inside
an input folder; an existing file is replaced only with `force`, and only when it is an
EPUB (so a mistyped `-o` cannot overwrite another file).

What the EPUB may carry is what the HTML edition may (teikit.access and
teikit.render.media): links through the transforms' tk:safe-href, and only the images
that media.plan allows, limited to the types every EPUB reading system must show
(`EPUB_IMAGE_KINDS`). The EPUB holds no script.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from lxml import etree

from ..access import LINK_SCHEMES
from ..errors import TeikitError
from ..xmlio import atomic_write_bytes
from . import Rendered, compile_stylesheets, media
from .collection import collect, located
from .saxon import transform

STYLESHEET = "epub.xsl"
MIMETYPE = b"application/epub+zip"
PUBLICATION = "EPUB"  # the folder of the publication in the container; epub.xsl writes there
CONTAINER = f"""<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="{PUBLICATION}/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""
# EPUB 3.3's core media types for images (AVIF is not one; SVG teikit never publishes).
EPUB_IMAGE_KINDS = ("png", "jpg", "jpeg", "gif", "webp")
# The earliest time a zip entry can carry: no run's clock reaches the file.
ENTRY_TIME = (1980, 1, 1, 0, 0, 0)
ENTRY_MODE = 0o644
# The namespace of the identifiers derived from content: fixed, so they are stable.
IDENTIFIER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:teikit:epub")
# The first bytes of an EPUB: a local file header, then the mimetype entry stored.
_EPUB_START = (b"PK\x03\x04", b"mimetype" + MIMETYPE)


def content_identifier(tree: etree._Element) -> str:
    """A URN for the documents, from their characters alone (not the paths they were read from)."""
    return f"urn:uuid:{uuid.uuid5(IDENTIFIER_NAMESPACE, ''.join(tree.itertext()))}"


def is_epub(path: Path) -> bool:
    """Whether the file starts as an EPUB container does."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(30 + 8 + len(MIMETYPE))
    except OSError:
        return False
    return head.startswith(_EPUB_START[0]) and head[30:] == _EPUB_START[1]


def output_file(
    output, force: bool, inputs, *, kind: str = "EPUB", example: str = "out/book.epub", recognise=None
) -> Path:
    """Check that the `kind` file (an EPUB, a PDF) may be written at `output`; return the real path to write.

    `recognise(path)` tells whether an existing file is of that kind (default: `is_epub`).
    """
    recognise = recognise or is_epub
    given = str(output) or '""'
    if Path(output).name in ("", ".", ".."):
        raise TeikitError(f"names no file; give the {kind} file to write, such as {example}", given)
    target = Path(os.path.realpath(output))
    if target.is_dir():
        raise TeikitError(f"is a folder; give the {kind} file to write, such as {example}", given)
    ancestor = target.parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise TeikitError(f"cannot be created: {ancestor} is a file, not a folder", given)
    for inp in inputs:
        real = Path(os.path.realpath(inp))
        if real == target:
            raise TeikitError(f"is an input of this run ({inp}); choose another output file", given)
        if real.is_dir() and real in target.parents:
            raise TeikitError(f"lies inside the input folder {inp}; choose an output file outside it", given)
    if os.path.lexists(target):
        if not force:
            raise TeikitError("exists; use --force to replace it", given)
        if not recognise(target):
            article = "an" if kind[0] in "AEIOU" else "a"
            raise TeikitError(
                f"exists and is not {article} {kind}; teikit replaces only {article} {kind} file: "
                "remove it yourself or choose another name",
                given,
            )
    return target


def _entry(name: str, compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
    info.compress_type = compress_type
    info.create_system = 3  # Unix, whatever the machine: the permissions below are Unix's
    info.external_attr = ENTRY_MODE << 16
    return info


def container(folder: Path) -> bytes:
    """The EPUB container of the publication written in `folder` (`folder`/EPUB/...)."""
    files = {"META-INF/container.xml": CONTAINER.encode("utf-8")}
    for path in folder.rglob("*"):
        if path.is_file():
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(_entry("mimetype", zipfile.ZIP_STORED), MIMETYPE)
        for name in sorted(files):
            zf.writestr(_entry(name, zipfile.ZIP_DEFLATED), files[name])
    return buffer.getvalue()


def render_epub(paths, output, *, force: bool = False) -> Rendered:
    """Render the TEI documents in `paths` to the EPUB file `output`."""
    target = output_file(output, force, paths)  # refuse a bad output before the work, not after
    result = Rendered(target, "epub")
    result.seconds["compile"] = compile_stylesheets("epub")
    t0 = time.perf_counter()
    tree = collect(paths, warn=result.warnings.append)
    identifier = content_identifier(tree)
    with tempfile.TemporaryDirectory(prefix="teikit-epub-") as tmp:
        folder = Path(tmp)
        publication = folder / PUBLICATION
        publication.mkdir()
        # The images are copied before the transform, so that the package lists exactly
        # the images that are in it.
        media.embed(tree, publication, forbidden=[folder, target], warn=result.warnings.append, kinds=EPUB_IMAGE_KINDS)
        xml_text = etree.tostring(tree, encoding="unicode")
        result.seconds["read"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        params: dict[str, int | str] = {"link-schemes": " ".join(LINK_SCHEMES), "identifier": identifier}
        result.warnings += located(tree, transform(STYLESHEET, xml_text, folder, params))
        data = container(folder)
    output_file(output, force, paths)  # another run may have put a file there meanwhile
    atomic_write_bytes(target, data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        result.files = zf.namelist()
    result.seconds["transform"] = time.perf_counter() - t0
    return result
