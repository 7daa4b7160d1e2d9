"""The parts of a Word package (ECMA-376 WordprocessingML) as the Word reader needs them:
the main document found through the package relationships, its own relationships (parts,
images, hyperlinks), styles (name, `w:basedOn`, outline level, run properties, numbering),
numbering formats, footnotes, endnotes and comments by id, the note number formats of
the settings (`w:footnotePr`, `w:endnotePr`: endnotes default to lower-case Roman), and
the document properties (`docProps/core.xml`, `app.xml`: `core_metadata`). A part a
relationship names but the package lacks is an error naming both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ....teiheader import Book
from ....xmlio import safe_parser
from ..common import add_identifier, language_tag
from ..package import Package, join

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "urn:schemas-microsoft-com:vml"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EXT = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def on(el: etree._Element | None) -> bool:
    """A toggle property is on unless its w:val says off."""
    return el is not None and el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def number(n: int, fmt: str) -> str:
    """A note number in a WordprocessingML number format (ST_NumberFormat)."""
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "chicago":
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return str(n)


@dataclass
class Style:
    ident: str
    name: str
    kind: str
    based_on: str | None
    outline: int | None
    rpr: etree._Element | None
    num: tuple[str, str] | None


@dataclass
class Doc:
    """What one DOCX package holds, read from its parts."""

    pkg: Package
    main: str
    rels: dict = field(default_factory=dict)  # rId -> (target, external)
    styles: dict = field(default_factory=dict)
    numbering: dict = field(default_factory=dict)  # (numId, ilvl) -> numFmt
    footnotes: dict = field(default_factory=dict)
    endnotes: dict = field(default_factory=dict)
    comments: dict = field(default_factory=dict)
    note_format: dict = field(default_factory=lambda: {"foot": ("decimal", 1), "end": ("lowerRoman", 1)})
    default_lang: str | None = None  # the document defaults' w:lang (the language Word was set to)
    default_paragraph: str | None = None  # the paragraph style of paragraphs that name none


def _rels(pkg: Package, part: str) -> dict:
    folder, _, base = part.rpartition("/")
    name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    if not pkg.has(name):
        return {}
    out = {}
    for rel in pkg.xml(name).iter(PKG_REL + "Relationship"):
        external = rel.get("TargetMode") == "External"
        target = rel.get("Target") or ""
        out[rel.get("Id")] = (target if external else join(part, target.lstrip("/")), external, rel.get("Type") or "")
    return out


def open_doc(pkg: Package) -> Doc:
    main = "word/document.xml"
    for _, (target, external, kind) in _rels(pkg, "").items():
        if kind == OFFICE_DOC and not external:
            main = target
    if not pkg.has(main):
        raise pkg.error(f"{main} is missing: not a Word document, or a damaged one")
    doc = Doc(pkg, main, rels=_rels(pkg, main))
    parts = {kind.rsplit("/", 1)[-1]: target for target, external, kind in doc.rels.values() if not external}
    for kind in ("styles", "numbering", "footnotes", "endnotes", "comments", "settings"):
        if kind in parts and not pkg.has(parts[kind]):
            raise pkg.error(f"{parts[kind]} is missing: {main} names it as its {kind} part")
    if "styles" in parts and pkg.has(parts["styles"]):
        styles = pkg.xml(parts["styles"])
        default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        doc.default_lang = default.get(W + "val") if default is not None else None
        for s in styles.iter(W + "style"):
            if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true", "on"):
                doc.default_paragraph = s.get(W + "styleId")
            name = s.find(W + "name")
            based = s.find(W + "basedOn")
            lvl = s.find(f"{W}pPr/{W}outlineLvl")
            num = s.find(f"{W}pPr/{W}numPr")
            doc.styles[s.get(W + "styleId")] = Style(
                s.get(W + "styleId") or "",
                (name.get(W + "val") if name is not None else s.get(W + "styleId")) or "",
                s.get(W + "type") or "paragraph",
                based.get(W + "val") if based is not None else None,
                int(lvl.get(W + "val", "9")) if lvl is not None and lvl.get(W + "val", "").isdigit() else None,
                s.find(W + "rPr"),
                num_pr(num) if num is not None else None,
            )
    if "numbering" in parts and pkg.has(parts["numbering"]):
        root = pkg.xml(parts["numbering"])
        abstract = {}
        for a in root.iter(W + "abstractNum"):
            abstract[a.get(W + "abstractNumId")] = {
                lvl.get(W + "ilvl"): (
                    lvl.find(W + "numFmt").get(W + "val") if lvl.find(W + "numFmt") is not None else ""
                )
                for lvl in a.iter(W + "lvl")
            }
        for num in root.iter(W + "num"):
            aid = num.find(W + "abstractNumId")
            levels = abstract.get(aid.get(W + "val") if aid is not None else None, {})
            for ilvl, fmt in levels.items():
                doc.numbering[(num.get(W + "numId"), ilvl)] = fmt
    for kind, attr in (("footnotes", "footnotes"), ("endnotes", "endnotes"), ("comments", "comments")):
        if kind in parts and pkg.has(parts[kind]):
            tag = W + kind[:-1]
            for el in pkg.xml(parts[kind]).iter(tag):
                if el.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                getattr(doc, attr)[el.get(W + "id")] = el
    if "settings" in parts and pkg.has(parts["settings"]):
        settings = pkg.xml(parts["settings"])
        for key, tag in (("foot", "footnotePr"), ("end", "endnotePr")):
            pr = settings.find(W + tag)
            if pr is not None:
                fmt = pr.find(W + "numFmt")
                start = pr.find(W + "numStart")
                doc.note_format[key] = (
                    fmt.get(W + "val") if fmt is not None else doc.note_format[key][0],
                    int(start.get(W + "val")) if start is not None and start.get(W + "val", "").isdigit() else 1,
                )
    return doc


def num_pr(num: etree._Element) -> tuple[str, str] | None:
    nid, lvl = num.find(W + "numId"), num.find(W + "ilvl")
    if nid is None:
        return None
    return nid.get(W + "val") or "0", lvl.get(W + "val") if lvl is not None else "0"


def lang_of(rpr: etree._Element | None) -> str | None:
    """The language run properties set for the text (w:lang/@w:val), if any."""
    el = rpr.find(W + "lang") if rpr is not None else None
    return el.get(W + "val") if el is not None else None


def _prop(root: etree._Element, tag: str) -> str:
    el = root.find(tag)
    return " ".join((el.text or "").split()) if el is not None else ""


def _properties(pkg: Package, name: str, report) -> etree._Element | None:
    """A document-properties part, or None when it is missing or not well-formed (reported);
    a part that breaks the package's bounds still stops the conversion (`Package.read`)."""
    if not pkg.has(name):
        return None
    try:
        return etree.fromstring(pkg.read(name), safe_parser())
    except etree.XMLSyntaxError as exc:
        report.add("docx-properties", None, f"{name} is not well-formed XML ({exc.msg}): the header is made without it")
        return None


def core_metadata(pkg: Package, report) -> Book:
    """The book as the document properties describe it (docProps/core.xml, app.xml): title,
    creator (the author), language, identifier, rights (`dc:rights`, which some programs
    write), and the document's making (created, modified, by whom, with what, for which
    company) as a note on the source. Subject, keywords, description and category are
    reported: the header has no place for them yet. A properties part that is not
    well-formed is reported and left out: the text does not depend on it."""
    book = Book()
    made = []
    core = _properties(pkg, "docProps/core.xml", report)
    if core is not None:
        book.title = _prop(core, DC + "title") or book.title
        book.author = _prop(core, DC + "creator") or None
        book.language = language_tag(_prop(core, DC + "language"))
        ident = _prop(core, DC + "identifier")
        if ident and not add_identifier(book, ident):
            report.info("metadata-not-in-header", None, "a document property the header has no place for yet",
                        text=f"identifier: {ident}")  # fmt: skip
        if _prop(core, DC + "rights"):
            book.rights.append(_prop(core, DC + "rights"))
        for tag, what in ((DC + "subject", "subject"), (CP + "keywords", "keywords"),
                          (DC + "description", "description"), (CP + "category", "category")):  # fmt: skip
            if _prop(core, tag):
                report.info("metadata-not-in-header", None, "a document property the header has no place for yet",
                            text=f"{what}: {_prop(core, tag)}")  # fmt: skip
        created, modified = _prop(core, DCTERMS + "created")[:10], _prop(core, DCTERMS + "modified")[:10]
        by = _prop(core, CP + "lastModifiedBy")
        if created:
            made.append(f"created {created}")
        if modified and modified != created:
            made.append(f"last modified {modified}" + (f" by {by}" if by else ""))
    app = _properties(pkg, "docProps/app.xml", report)
    if app is not None:
        program, company = _prop(app, EXT + "Application"), _prop(app, EXT + "Company")
        if program:
            made.append(f"written with {program}")
        if company:
            made.append(f"company given as {company}")
    if made:
        book.source = "A Word document: " + ", ".join(made) + "."
    return book
