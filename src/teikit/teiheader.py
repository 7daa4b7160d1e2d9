"""The teiHeader of every file of an edition, from what the title page and imprint say.

`Book` is what the `header` pass reads from the title page and the imprint (title,
subtitles, author, publisher, places, dates, ISBNs); `build_header` makes a teiHeader of
it, with the part's own title (`type="part"`) for the files of one edition (front matter,
chapters, back matter, the registers). It lives above `convert` and `enrich`, which both
write headers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from . import __version__
from .tei import make, sub

if TYPE_CHECKING:
    from .context import Context


@dataclass
class Book:
    title: str = "Untitled"
    subtitles: list = field(default_factory=list)
    author: str | None = None
    publisher: str | None = None
    imprint_of: str | None = None
    places: list = field(default_factory=list)
    date: str | None = None
    first_published: str | None = None
    isbns: list = field(default_factory=list)  # (isbn, qualifier)
    identifiers: list = field(default_factory=list)  # (type, value), type "URI" or "DOI": a reader's metadata
    source: str | None = None  # where the text was taken from (an EPUB's dc:source)

    @property
    def subtitle(self) -> str | None:
        """The subtitles as one line (what the person pass reads for the book's subject)."""
        return " ".join(self.subtitles) or None


def _binding(qualifier: str) -> str | None:
    ql = qualifier.lower()
    if "pbk" in ql or "paper" in ql and "alkaline" not in ql:
        return "paperback"
    if "hardback" in ql or "hbk" in ql or "cloth" in ql:
        return "hardback"
    if "ebook" in ql or "e-book" in ql or "pdf" in ql or "epub" in ql:
        return "ebook"
    return None


def build_header(book: Book, ctx: Context, part_title: str | None = None) -> etree._Element:
    header = make("teiHeader")
    fd = sub(header, "fileDesc")
    ts = sub(fd, "titleStmt")
    sub(ts, "title", book.title, type="main")
    for subtitle in book.subtitles:
        sub(ts, "title", subtitle, type="sub")
    if part_title:
        sub(ts, "title", part_title, type="part")
    if book.author:
        sub(ts, "author", book.author)
    ps = sub(fd, "publicationStmt")
    sub(ps, "publisher", ctx.profile.edition_publisher)
    av = sub(ps, "availability")
    sub(
        av,
        "p",
        ctx.profile.edition_licence
        or "Encoded edition made with teikit from a plain-text copy of the printed book; "
        "the rights in the text remain with its copyright holder.",
    )
    sd = sub(fd, "sourceDesc")
    bs = sub(sd, "biblStruct")
    mo = sub(bs, "monogr")
    if book.author:
        sub(mo, "author", book.author)
    sub(mo, "title", book.title, level="m", type="main")
    for subtitle in book.subtitles:
        sub(mo, "title", subtitle, level="m", type="sub")
    for isbn, qualifier in book.isbns:
        el = sub(mo, "idno", isbn, type="ISBN")
        if _binding(qualifier):
            el.set("subtype", _binding(qualifier))
    for kind, value in book.identifiers:
        sub(mo, "idno", value, type=kind)
    imp = sub(mo, "imprint")
    for place in book.places:
        sub(imp, "pubPlace", place)
    if book.publisher:
        sub(imp, "publisher", book.publisher)
    if book.date:
        sub(imp, "date", book.date, when=book.date)
    else:
        sub(imp, "date")
    if book.imprint_of:
        sub(bs, "note", f"{book.publisher} is an imprint of {book.imprint_of}.", type="imprint")
    if book.source:
        sub(bs, "note", book.source, type="source")
    if book.first_published:
        note = sub(bs, "note", "First published in ", type="publicationHistory")
        sub(note, "date", book.first_published, when=book.first_published).tail = "."
    ed = sub(header, "encodingDesc")
    app = sub(sub(ed, "appInfo"), "application", ident="teikit", version=__version__)
    sub(app, "label", "teikit")
    sub(
        app,
        "desc",
        "converted from plain text by the teikit pipeline "
        "(outline, furniture, structure, notes, bibliography, indexes, inline, header)",
    )
    decl = sub(ed, "editorialDecl")
    c = ctx.report.counts
    sub(
        sub(decl, "normalization"),
        "p",
        f"Running heads ({c['running_heads']}) and page numbers ({c['page_numbers']}) removed; "
        f"paragraphs broken by page breaks rejoined ({c['paragraphs_rejoined']}); chapter titles "
        "printed in capitals given as in the table of contents; text in Unicode NFC; asterisk "
        "emphasis encoded as hi, title or foreign.",
    )
    sub(
        sub(decl, "correction"),
        "p",
        f"Endnotes moved to their points of reference. {c['refs_corrected']} note references "
        "damaged in the source were read from the numbering sequence; notes that lost their "
        "number took it from the sequence. Remaining doubts are listed in the conversion report.",
    )
    return header
