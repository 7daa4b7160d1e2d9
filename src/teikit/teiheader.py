"""The teiHeader of every file of an edition, from what the title page and imprint say.

`Book` is what the `header` pass reads from the title page and the imprint (title,
subtitles, author, publisher, places, dates, ISBNs); `build_header` makes a teiHeader of
it, with the part's own title (`type="part"`) for the files of one edition (front matter,
chapters, back matter, the registers). It lives above `convert` and `enrich`, which both
write headers.

`Ebook` is what an ebook distributor's wrapper says (read by the `wrapper` pass; the book
holds it as `Book.ebook`). With one, the title statement also names translators, editors
and illustrators (`editor/@role`) and the producers (`respStmt`), the availability
statement carries the distributor's licence and notices after the edition's own
paragraph (in the corpus file's header; each part's header points there rather than repeat
thousands of words), and the source description a `bibl type="ebook"`: title, distributor, number
(`idno type="ebook"`), release date and the wrapper's other fields as notes. Without one,
the header is as it always was.
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
class Ebook:
    """What an ebook distributor's wrapper says (read by `teikit.convert.wrapper`)."""

    distributor: str | None = None
    title: str | None = None
    subtitles: list = field(default_factory=list)
    author: str | None = None
    contributors: list = field(default_factory=list)  # (role, name): translator, editor, illustrator
    number: str | None = None  # the distributor's ebook number
    date: tuple | None = None  # (release date as printed, ISO date or None)
    notes: list = field(default_factory=list)  # every other field, verbatim ("Language: English")
    credits: list = field(default_factory=list)  # (what, who): ("Produced by", "J. Boulton")
    licence: list = field(default_factory=list)  # the licence and notices, one paragraph per block


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
    ebook: Ebook | None = None  # the distributor's wrapper, when the text came in one
    identifiers: list = field(default_factory=list)  # (type, value), type "URI" or "DOI": a reader's metadata
    source: str | None = None  # where the text was taken from (an EPUB's dc:source)
    # What a structured reader's metadata (OPF, DOCX document properties, YAML front matter) adds:
    language: str | None = None  # BCP 47: profileDesc/langUsage and the text's xml:lang
    contributors: list = field(default_factory=list)  # (role, name): translator, editor, illustrator, other
    rights: list = field(default_factory=list)  # rights or licence statements, verbatim (a URL: a licence)

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


_ROLES = {"translator": "translator", "editor": "editor", "illustrator": "illustrator"}


def _ebook_bibl(sd: etree._Element, book: Book, eb: Ebook) -> None:
    """The ebook the text was taken from: title, distributor, number, release date, and its
    wrapper's other fields verbatim."""
    bibl = sub(sd, "bibl", type="ebook")
    sub(bibl, "title", eb.title or book.title, level="m")
    if eb.distributor:
        sub(bibl, "publisher", eb.distributor)
    if eb.number:
        sub(bibl, "idno", eb.number, type="ebook")
    if eb.date:
        date = sub(bibl, "date", eb.date[0])
        if eb.date[1]:
            date.set("when", eb.date[1])
    for text in eb.notes:
        sub(bibl, "note", text, type="source")


def _more_normalization(ctx: Context) -> str:
    """What else the conversion did to this book's text, said only where it did it."""
    c, said = ctx.report.counts, []
    if c["wrapper_head_to"]:
        said.append(
            "The ebook distributor's header and footer were moved out of the text: the ebook is "
            "described in the source description, its licence in the availability statement."
        )
    marks = [f.message.split(" read as ")[0] for f in ctx.report.of_kind("inline-convention")]
    if marks:
        said.append(f"The transcription's own emphasis markers ({', '.join(marks)}) encoded as hi or title.")
    if c["sidenotes"]:
        said.append(f"Sidenotes ({c['sidenotes']}) encoded as margin notes at the start of their paragraphs.")
    if c["stanzas"]:
        said.append(
            f"Verse the source prints as verse, set in from the margin, encoded as stanzas ({c['stanzas']}) "
            f"of lines ({c['stanza_lines']}), a line element each printed line; its indentation not kept."
        )
    return "".join(" " + s for s in said)


# What each reader reads, as the header says it (teikit.convert.READERS).
_SOURCE_KINDS = {"text": "plain text", "docx": "a Word document", "epub": "an EPUB", "markdown": "Markdown"}


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
    eb = book.ebook
    for role, name in eb.contributors if eb else ():
        sub(ts, "editor", name, role=_ROLES.get(role, "editor"))
    others: dict[str, list[str]] = {}
    for role, name in book.contributors:
        if role in _ROLES or role == "compiler":
            sub(ts, "editor", name, role=role)
        elif name not in others.setdefault(role, []):
            others[role].append(name)
    for role, names in others.items():  # a role the editor roles do not name: in its own words
        rs = sub(ts, "respStmt")
        sub(rs, "resp", role)
        for name in names:
            sub(rs, "name", name)
    for what, who in eb.credits if eb else ():
        rs = sub(ts, "respStmt")
        sub(rs, "resp", what)
        sub(rs, "name", who)
    ps = sub(fd, "publicationStmt")
    sub(ps, "publisher", ctx.profile.edition_publisher)
    av = sub(ps, "availability")
    copy = "a plain-text copy of the printed book" if ctx.reader == "text" else _SOURCE_KINDS.get(ctx.reader, "")
    sub(
        av,
        "p",
        ctx.profile.edition_licence
        or f"Encoded edition made with teikit from {copy}; the rights in the text remain with its copyright holder.",
    )
    for statement in book.rights:
        sub(av, "p", f"The source states its rights: {statement}")
    if eb and eb.licence and part_title is None:
        for para in eb.licence:
            sub(av, "p", para)
    elif eb and eb.licence:
        # The licence runs to thousands of words: it is given once, in the corpus file's header,
        # and every part points there rather than repeat it.
        p = sub(av, "p", "The text is given under the distributor's licence and notices, stated in full in ")
        sub(p, "ref", f"the edition's header ({ctx.book_id}.xml)", target=f"{ctx.book_id}.xml").tail = "."
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
    if eb:
        _ebook_bibl(sd, book, eb)
    ed = sub(header, "encodingDesc")
    app = sub(sub(ed, "appInfo"), "application", ident="teikit", version=__version__)
    sub(app, "label", "teikit")
    sub(
        app,
        "desc",
        f"converted from {_SOURCE_KINDS.get(ctx.reader, ctx.reader)} by the teikit pipeline ({', '.join(ctx.passes)})",
    )
    decl = sub(ed, "editorialDecl")
    c = ctx.report.counts
    sub(
        sub(decl, "normalization"),
        "p",
        f"Running heads ({c['running_heads']}) and page numbers ({c['page_numbers']}) removed; "
        f"paragraphs broken by page breaks rejoined ({c['paragraphs_rejoined']}); chapter titles "
        "printed in capitals given as in the table of contents; text in Unicode NFC; asterisk "
        "emphasis encoded as hi, title or foreign." + _more_normalization(ctx),
    )
    sub(
        sub(decl, "correction"),
        "p",
        f"Endnotes moved to their points of reference. {c['refs_corrected']} note references "
        "damaged in the source were read from the numbering sequence; notes that lost their "
        "number took it from the sequence. Remaining doubts are listed in the conversion report.",
    )
    if book.language:
        sub(sub(sub(header, "profileDesc"), "langUsage"), "language", book.language, ident=book.language)
    return header
