"""Write: the book's tree becomes one TEI document per part, tied by a corpus file.

OUTDIR/
  front.xml        title page, imprint, contents, list of figures (made by the navigation pass)
  introduction.xml, ch01.xml … ch13.xml, conclusion.xml   one per body division
  back.xml         bibliography, indexes, appendices
  persons.xml, places.xml, orgs.xml   the registers names in the text link to
  BOOKID.xml       <teiCorpus> with the book's header and an XInclude per part
  conversion-report.json

Everything is written into a fresh temporary folder beside OUTDIR, which then
takes OUTDIR's place: a run that fails leaves OUTDIR as it was. An existing OUTDIR is
replaced only if teikit wrote it and it holds neither the book nor its profile
(xmlio.atomic_folder, which also leaves its marker, .teikit-output).
"""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from ..enrich.registers import FILES, drop_unused_findings
from ..errors import TeikitError
from ..tei import LINE_ATTR, TEI_NS, XI_NS, XML_ID, XML_LANG, children, make, q, sub, text_of
from ..xmlio import atomic_folder, serialize
from . import navigation
from .context import Context
from .header import build_header
from .structure import settle_empty_divs

_SCHEMA_NS = {".rng": "http://relaxng.org/ns/structure/1.0", ".sch": "http://purl.oclc.org/dsdl/schematron"}


def _xml_model(href: str) -> bytes:
    """The processing instruction by which a TEI file declares a schema."""
    suffix = Path(href).suffix
    if suffix == ".rnc":
        return f'<?xml-model href="{href}" type="application/relax-ng-compact-syntax"?>'.encode()
    if suffix not in _SCHEMA_NS:
        raise TeikitError("a declared schema must be .rng, .rnc or .sch", href)
    return f'<?xml-model href="{href}" type="application/xml" schematypens="{_SCHEMA_NS[suffix]}"?>'.encode()


def _fresh(div):
    """A copy of the division for a document of its own. Moving a large division from the
    book's tree into another document makes lxml reconcile the namespace of every element
    against a growing cache, which grew quadratic with a division's size (5 s for one of
    16 MB); a deep copy is made in linear time and serializes the same."""
    return copy.deepcopy(div)


def _document(header, text_type: str, front=None, body_divs=(), back=None):
    tei = make("TEI")
    tei.append(header)
    text = sub(tei, "text", type=text_type)
    if front is not None and len(front):
        text.append(front)
    body = sub(text, "body")
    for d in body_divs:
        body.append(_fresh(d))
    if back is not None and len(back):
        text.append(back)
    return tei


def split(tei, ctx: Context) -> dict[str, etree._Element]:
    """The documents of the edition, by file name, the corpus file last."""
    book = ctx.need_book()

    # No division may hold a heading alone (schema): settled, unless the navigation pass did
    # and nothing changed the tree since (its view kept).
    def settled(_tree) -> bool:
        settle_empty_divs(tei, ctx)
        return True

    ctx.view(navigation.SETTLED, settled)
    drop_unused_findings(tei, ctx)  # read the marks before the parts leave the tree
    text = tei.find(q("text"))
    front = text.find(q("front"))
    body = text.find(q("body"))
    back = text.find(q("back"))
    parts = [(f"{div.get(XML_ID)}.xml", div) for div in children(body, "div")]
    part_of = {div: name for name, div in parts}

    def file_of(el):
        top = el
        while top.getparent() is not None and top.getparent().getparent() is not text:
            top = top.getparent()
        if top in part_of:
            return part_of[top]
        return "front.xml" if top.getparent() is front else "back.xml"

    navigation.resolve_pointers(tei, file_of)
    docs: dict[str, etree._Element] = {}
    if front is not None:
        fm = make("front")
        for el in children(front, "titlePage"):
            fm.append(el)
        divs = children(front, "div")
        if not divs:
            divs = [make("div", type="imprint")]
            sub(divs[0], "p", book.title)
        docs["front.xml"] = _document(build_header(book, ctx, "Front matter"), "front", fm, divs)
    for name, div in parts:
        title = text_of(div.find(q("head"))) if div.find(q("head")) is not None else name
        docs[name] = _document(build_header(book, ctx, title), "chapter", body_divs=[div])
    if back is not None and len(back):
        docs["back.xml"] = _document(build_header(book, ctx, "Back matter"), "back", body_divs=children(back, "div"))
    for kind, reg in ctx.registers.items():
        if reg.entries:
            docs[FILES[kind]] = reg.root
    corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "xi": XI_NS})
    corpus.append(build_header(book, ctx))
    for name in docs:
        etree.SubElement(corpus, f"{{{XI_NS}}}include", href=name)
    docs[f"{ctx.book_id}.xml"] = corpus
    for root in docs.values():  # source lines past 65,535 were kept here (tei.set_line)
        etree.strip_attributes(root, LINE_ATTR)
        text = root.find(q("text"))
        if book.language and text is not None and text.get("type") != "registers":  # the language metadata names
            text.set(XML_LANG, book.language)
    return docs


def write(
    docs: dict[str, etree._Element],
    outdir: Path,
    report_json: str,
    force: bool,
    schema_hrefs: tuple[str, ...] = (),
    inputs: tuple = (),
    files: dict[str, bytes] | None = None,
) -> None:
    """Write the documents into `outdir` (`inputs`: the files the conversion read, which the
    output folder may never hold; see xmlio.atomic_folder), and `files` (a reader's media,
    by names under `media/` that a reader made safe) beside them."""
    with atomic_folder(outdir, force, inputs, writer="teikit convert") as tmp:
        for name, blob in sorted((files or {}).items()):
            folder, _, base = name.partition("/")
            if folder != "media" or not base or "/" in base or base.startswith("."):
                raise TeikitError(f"refused to write {name!r}: a reader's file must be media/NAME", str(outdir))
            (tmp / "media").mkdir(exist_ok=True)
            (tmp / name).write_bytes(blob)
        for name, root in docs.items():
            data = serialize(root)
            if schema_hrefs:
                decl_end = data.index(b"?>") + 2
                models = b"".join(b"\n" + _xml_model(h) for h in schema_hrefs)
                data = data[:decl_end] + models + data[decl_end:]
            (tmp / name).write_bytes(data)
        (tmp / "conversion-report.json").write_text(report_json, encoding="utf-8")
