"""Header: the teiHeader from the title page and the imprint.

The title is the first line of the book (repeated on the title page, where the
subtitle and the author follow it); publisher, places, dates and ISBNs come
from the imprint page. The title page becomes <titlePage>; the imprint's own
text stays in the front matter, in a div of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import __version__
from ..tei import children, make, q, sub, xpath
from .context import Context, norm_title

_PUBLISHER = re.compile(r"\b(?:by\s+)?(?P<p>(?:[A-Z][\w&'.-]*\s+){0,4}(?:Press|Publishers|Publishing|Books|"
                        r"Verlag|Éditions|University Press))\b", re.I)
_UK_PLACE = re.compile(r"(?:^|,\s*)(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_US_PLACE = re.compile(r"(?:^|,\s*)(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*[A-Z]{2}\s+\d{5}\b")
_ISBN = re.compile(r"ISBN(?:-1[03])?:?\s*(?P<isbn>(?:97[89][\s-]?)?\d[\d\s-]{8,14}[\dXx])\s*"
                   r"(?:\((?P<q>[^)]*)\))?")
_EDITION_YEAR = re.compile(r"(?:this edition )?first published[^.]*?\b(?P<y>1[5-9]\d\d|20\d\d)\b", re.I)
_NAME = re.compile(r"^(?:(?:[A-Z]\.\s*)+|[A-Z][a-z]+\s+)(?:[A-Z]\.\s*)*[A-Z][\w'-]+$")


@dataclass
class Book:
    title: str = "Untitled"
    subtitle: str | None = None
    author: str | None = None
    publisher: str | None = None
    imprint_of: str | None = None
    places: list = field(default_factory=list)
    date: str | None = None
    first_published: str | None = None
    isbns: list = field(default_factory=list)     # (isbn, qualifier)


def read_title_page(blocks: list[str]) -> tuple[Book, int]:
    """Read the book's description; returns it and how many blocks the title page spans."""
    book = Book()
    texts = [b.strip() for b in blocks]
    if not texts:
        return book, 0
    book.title = texts[0].split("\n")[0].strip()
    repeat = max((i for i, t in enumerate(texts[:8]) if norm_title(t) == norm_title(book.title)), default=0)
    end = repeat + 1
    if end < len(texts) and len(texts[end]) < 150 and not _PUBLISHER.search(texts[end]) \
            and not _NAME.match(texts[end]):
        book.subtitle = texts[end]
        end += 1
    if end < len(texts) and _NAME.match(texts[end]):
        book.author = texts[end]
        end += 1
    imprint = " ".join(texts[end:])
    m = re.search(r"^(?P<p>.+?)\s+An imprint of\s+(?P<o>.+?)(?:\s+www\.|\s*$)", texts[end] if end < len(texts) else "")
    if m:
        book.publisher, book.imprint_of = m.group("p").strip(), m.group("o").strip()
    else:
        pm = _PUBLISHER.search(imprint)
        book.publisher = pm.group("p").strip() if pm else None
    for rx in (_UK_PLACE, _US_PLACE):
        for pm in rx.finditer(imprint):
            if pm.group("city") not in book.places:
                book.places.append(pm.group("city"))
    years = [m.group("y") for m in _EDITION_YEAR.finditer(imprint)]
    if years:
        book.date = years[0]
        book.first_published = min(years) if min(years) != years[0] else None
    else:
        c = re.search(r"(?:©|Copyright)[^.\n]*?\b(1[5-9]\d\d|20\d\d)\b", imprint)
        book.date = c.group(1) if c else None
    for im in _ISBN.finditer(imprint):
        isbn = re.sub(r"\s+", " ", im.group("isbn")).strip()
        if all(isbn != i for i, _ in book.isbns):
            book.isbns.append((isbn, (im.group("q") or "").strip()))
    return book, end


def _binding(qualifier: str) -> str | None:
    ql = qualifier.lower()
    if "pbk" in ql or "paper" in ql and "alkaline" not in ql:
        return "paperback"
    if "hardback" in ql or "hbk" in ql or "cloth" in ql:
        return "hardback"
    if "ebook" in ql or "e-book" in ql or "pdf" in ql or "epub" in ql:
        return "ebook"
    return None


def build_header(book: Book, ctx: Context, part_title: str | None = None):
    header = make("teiHeader")
    fd = sub(header, "fileDesc")
    ts = sub(fd, "titleStmt")
    sub(ts, "title", book.title, type="main")
    if book.subtitle:
        sub(ts, "title", book.subtitle, type="sub")
    if part_title:
        sub(ts, "title", part_title, type="part")
    if book.author:
        sub(ts, "author", book.author)
    ps = sub(fd, "publicationStmt")
    sub(ps, "publisher", ctx.profile.edition_publisher)
    av = sub(ps, "availability")
    sub(av, "p", ctx.profile.edition_licence or
        "Encoded edition made with teikit from a plain-text copy of the printed book; "
        "the rights in the text remain with its copyright holder.")
    sd = sub(fd, "sourceDesc")
    bs = sub(sd, "biblStruct")
    mo = sub(bs, "monogr")
    if book.author:
        sub(mo, "author", book.author)
    sub(mo, "title", book.title, level="m", type="main")
    if book.subtitle:
        sub(mo, "title", book.subtitle, level="m", type="sub")
    for isbn, qualifier in book.isbns:
        el = sub(mo, "idno", isbn, type="ISBN")
        if _binding(qualifier):
            el.set("subtype", _binding(qualifier))
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
    if book.first_published:
        note = sub(bs, "note", "First published in ", type="publicationHistory")
        sub(note, "date", book.first_published, when=book.first_published).tail = "."
    ed = sub(header, "encodingDesc")
    app = sub(sub(ed, "appInfo"), "application", ident="teikit", version=__version__)
    sub(app, "label", "teikit")
    sub(app, "desc", "converted from plain text by the teikit pipeline "
                     "(outline, furniture, structure, notes, bibliography, indexes, inline, header)")
    decl = sub(ed, "editorialDecl")
    c = ctx.report.counts
    sub(sub(decl, "normalization"), "p",
        f"Running heads ({c['running_heads']}) and page numbers ({c['page_numbers']}) removed; "
        f"paragraphs broken by page breaks rejoined ({c['paragraphs_rejoined']}); chapter titles "
        "printed in capitals given as in the table of contents; text in Unicode NFC; asterisk "
        "emphasis encoded as hi, title or foreign.")
    sub(sub(decl, "correction"), "p",
        f"Endnotes moved to their points of reference. {c['refs_corrected']} note references "
        "damaged in the source were read from the numbering sequence; notes that lost their "
        "number took it from the sequence. Remaining doubts are listed in the conversion report.")
    return header


def apply(tei, ctx: Context):
    title_div = xpath(tei, "//t:text/t:front/t:div[@type='titlepage']")
    book, used = Book(), 0
    if title_div:
        div = title_div[0]
        blocks = children(div, "p")
        book, used = read_title_page([b.text for b in blocks])
        front = div.getparent()
        tp = make("titlePage")
        dt = sub(tp, "docTitle")
        sub(dt, "titlePart", book.title, type="main")
        if book.subtitle:
            sub(dt, "titlePart", book.subtitle, type="sub")
        if book.author:
            sub(tp, "docAuthor", book.author)
        front.insert(0, tp)
        # the title page's own lines are in <titlePage>; the rest is the imprint page
        for b in blocks[:used]:
            div.remove(b)
        for b in children(div, "p"):
            b.text = " ".join(l.strip() for l in b.text.split("\n") if l.strip())
        div.set("type", "imprint")
        if not len(div):
            front.remove(div)
    elif ctx.source:
        book.title = ctx.source.stem.replace("-", " ").title()
        ctx.report.add("no-title-page", None, "no title page before the first division: "
                       "the title is taken from the file name")
    ctx.book = book
    old = tei.find(q("teiHeader"))
    tei.replace(old, build_header(book, ctx))
    return tei
