"""Readers of structured books: Word (DOCX), EPUB (packaged or a folder) and Markdown.

Each turns its input into the TEI tree the text passes would have made (see `common`)
and provides their facts (`PROVIDES`), so that only the header, enrichment, navigation
and the writer run after it. The reader is chosen by content, not only by name:

- a zip holding `word/document.xml`, or any zip named `.docx`, is Word (which says what
  is wrong with a damaged one); a Compound File (an encrypted Word document
  or a legacy .doc) named `.docx`/`.doc` goes to the Word reader, which says what it is;
- a zip holding `META-INF/container.xml` or named `.epub`, and a folder
  holding `META-INF/container.xml`, an `.opf` package or XHTML files, is EPUB;
- a file named `.md`/`.markdown`, or one that opens with YAML front matter (`---`) and is
  not named `.txt`, is Markdown;
- anything else is plain text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from . import docx, epub, markdown
from .common import PROVIDES
from .package import OLE_MAGIC, ZIP_MAGIC, magic

__all__ = ["PROVIDES", "docx", "epub", "is_docx", "is_epub", "is_markdown", "markdown"]


def _zip_names(path: Path) -> set[str]:
    try:
        with zipfile.ZipFile(path) as z:
            return set(z.namelist()[:100_000])
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return set()


def is_docx(path: Path) -> bool:
    if path.is_dir():
        return False
    head = magic(path)
    if head.startswith(ZIP_MAGIC):
        names = _zip_names(path)
        return "word/document.xml" in names or path.suffix.lower() in (".docx", ".docm")
    return head == OLE_MAGIC and path.suffix.lower() in (".docx", ".doc", ".docm")


def is_epub(path: Path) -> bool:
    if path.is_dir():
        if (path / "META-INF" / "container.xml").is_file():
            return True
        return any(path.glob("*.opf")) or any(path.glob("*.xhtml")) or any(path.glob("*/*.xhtml"))
    if magic(path).startswith(ZIP_MAGIC):
        names = _zip_names(path)
        return "META-INF/container.xml" in names or path.suffix.lower() == ".epub"
    return False


def is_markdown(path: Path) -> bool:
    if path.is_dir():
        return False
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return True
    if suffix == ".txt":
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return False
    return head in (b"---\n", b"---\r")
