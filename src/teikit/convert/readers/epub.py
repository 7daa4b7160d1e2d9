"""EPUB: a packaged `.epub`, or its folder (an OPF package, or only XHTML files).

The package document is the one `META-INF/container.xml` names (its first `rootfile`),
else the folder's `.opf` file; without one, the folder's XHTML files are read in name
order. The spine gives the order of the content documents; each becomes one or more
divisions (its top `section`s, else the whole document), placed in front, body or back
by their semantics (see `html`). The navigation document (`properties="nav"`), when it
is not also in the spine, becomes the contents: a front division whose entries point at
the divisions they name (the `navigation` pass makes the list).

OPF metadata fill the header (`ctx.metadata`, a `teikit.teiheader.Book`): `dc:title`
(a `title-type` of `subtitle` a subtitle), `dc:creator` with role `aut` or none the
author; other creators and contributors with their roles (`meta refines="#id"
property="role"`, or EPUB 2's `opf:role`: MARC relator codes, `common.RELATORS`) as
editors (`trl`, `edt`, `ill`, `com`) or statements of responsibility; `dc:publisher`,
`dc:date` (its date part), identifiers (ISBN, DOI, UUID, any URI: `idno`), `dc:source` (a
note on the source), `dc:rights` (the availability statement), `dc:language` (the
header's `langUsage`, and the `xml:lang` of the text and its divisions). Subjects,
descriptions and identifiers of no known kind are reported (the header has no place for
them yet). A division without a heading takes its contents entry's title as
its head. A content document that `META-INF/encryption.xml` lists (DRM) stops the
conversion with an error saying so.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ...context import Context
from ...errors import TeikitError
from ...tei import XML_LANG, children, is_, make, q, sub
from ...teiheader import Book
from ..outline import Entry
from .blocks import as_blocks, dissolve, fill, resolve_links, settle_types
from .common import RELATORS, Unmapped, add_identifier, assemble, language_tag, new_tree
from .html import BACK, FRONT, Converter, Doc, localname, semantics
from .package import Package, join

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
_XHTML = re.compile(r"\.x?html?$", re.I)


def _natural(name: str) -> list:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", name)]


def _package_document(pkg: Package) -> str | None:
    if pkg.has("META-INF/container.xml"):
        root = pkg.xml("META-INF/container.xml")
        for rf in root.iter(f"{{{CONTAINER}}}rootfile", "rootfile"):
            path = rf.get("full-path")
            if path:
                if not pkg.has(path):
                    raise pkg.error(f"META-INF/container.xml names {path}, which the package does not hold")
                return path
        raise pkg.error("META-INF/container.xml names no package document (rootfile)")
    opfs = [n for n in pkg.names() if n.lower().endswith(".opf") and "/" not in n]
    return opfs[0] if opfs else None


def _encrypted(pkg: Package) -> set[str]:
    """The members META-INF/encryption.xml says are encrypted (fonts obfuscated, or DRM)."""
    if not pkg.has("META-INF/encryption.xml"):
        return set()
    root = pkg.xml("META-INF/encryption.xml")
    return {
        join("", ref.get("URI") or "")
        for ref in root.iter("{http://www.w3.org/2001/04/xmlenc#}CipherReference")
        if ref.get("URI")
    }


def _text(el: etree._Element) -> str:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def read_metadata(opf: etree._Element, unmapped: Unmapped, report) -> tuple[Book, str | None]:
    meta = opf.find(f"{{{OPF}}}metadata")
    book = Book()
    if meta is None:
        return book, None
    refines: dict[str, dict[str, str]] = {}
    for m in meta.iter(f"{{{OPF}}}meta"):
        ref, prop = (m.get("refines") or "").lstrip("#"), m.get("property")
        if ref and prop:
            refines.setdefault(ref, {}).setdefault(prop, _text(m))
    titles = [t for t in meta.iter(f"{{{DC}}}title") if _text(t)]
    main = [t for t in titles if refines.get(t.get("id") or "", {}).get("title-type") in (None, "main")]
    if titles:
        book.title = _text((main or titles)[0])
        book.subtitles = [
            _text(t) for t in titles if refines.get(t.get("id") or "", {}).get("title-type") == "subtitle"
        ]
    authors, others = [], []
    for c in [*meta.iter(f"{{{DC}}}creator"), *meta.iter(f"{{{DC}}}contributor")]:
        roles = [m.text.strip() for m in meta.iter(f"{{{OPF}}}meta")
                 if m.get("property") == "role" and (m.get("refines") or "").lstrip("#") == (c.get("id") or "x")
                 and m.text and m.text.strip()] or [c.get(f"{{{OPF}}}role") or ""]  # fmt: skip
        name = _text(c)
        if not name:
            continue
        for role in roles:
            if role in ("", "aut") and etree.QName(c).localname == "creator":
                authors.append(name)
            else:
                book.contributors.append((RELATORS.get(role, f"contributor ({role})" if role else "contributor"), name))
    book.author = " and ".join(authors) or None
    pub = meta.find(f"{{{DC}}}publisher")
    if pub is not None and _text(pub):
        book.publisher = _text(pub)
    date = meta.find(f"{{{DC}}}date")
    if date is not None:
        m = re.match(r"\d{4}(-\d{2}-\d{2})?", _text(date))
        book.date = m.group() if m else None
    lang = meta.find(f"{{{DC}}}language")
    book.language = language_tag(_text(lang)) if lang is not None else None
    for ident in meta.iter(f"{{{DC}}}identifier"):
        if _text(ident) and not add_identifier(book, _text(ident)):
            others.append(f"identifier {_text(ident)}")
    sources = [_text(el) for el in meta.iter(f"{{{DC}}}source") if _text(el)]
    book.source = "; ".join(sources) or None
    book.rights = [_text(el) for el in meta.iter(f"{{{DC}}}rights") if _text(el)]
    for tag in ("subject", "description"):
        for el in meta.iter(f"{{{DC}}}{tag}"):
            if _text(el):
                others.append(f"{tag}: {_text(el)}")
    for o in others:
        report.info("metadata-not-in-header", None, "OPF metadata the header has no place for yet", text=o)
    return book, book.language


def _parse(pkg: Package, member: str, unmapped: Unmapped) -> etree._Element:
    try:
        return pkg.xml(member)
    except TeikitError:
        # not well-formed XHTML (an EPUB 2 document with HTML entities, say): read as HTML
        parser = etree.HTMLParser(no_network=True, recover=True)
        root = etree.fromstring(pkg.read(member), parser)
        if root is None:
            raise
        unmapped.add("documents that are not well-formed XHTML", member, "read as HTML")
        return root


def read(path: Path, ctx: Context) -> etree._Element:
    report = ctx.report
    unmapped = Unmapped("epub")
    with Package(path) as pkg:
        opf_name = _package_document(pkg)
        nav_member = None
        if opf_name is not None:
            opf = pkg.xml(opf_name)
            if etree.QName(opf).localname != "package":
                raise pkg.error(f"{opf_name} is not an OPF package document (its root is {opf.tag})")
            book, lang = read_metadata(opf, unmapped, report)
            manifest = {}
            for item in opf.iter(f"{{{OPF}}}item"):
                href = item.get("href") or ""
                manifest[item.get("id")] = join(opf_name, href.split("#")[0])
                if "nav" in (item.get("properties") or "").split():
                    nav_member = manifest[item.get("id")]
            spine = []
            for ref in opf.iter(f"{{{OPF}}}itemref"):
                member = manifest.get(ref.get("idref"))
                if member is None or not pkg.has(member):
                    report.add("epub-missing", None, f"the spine names {ref.get('idref')!r}, which the package lacks")
                    continue
                spine.append(member)
            if opf.find(f"{{{OPF}}}spine") is None:
                raise pkg.error(f"{opf_name} has no spine: the reading order is unknown")
        else:
            book, lang = Book(title=path.stem.replace("-", " ").replace("_", " ").title()), None
            spine = sorted((n for n in pkg.names() if _XHTML.search(n)), key=_natural)
        if nav_member in spine:
            spine.remove(nav_member)
        locked = _encrypted(pkg)
        if locked & set(spine):
            raise pkg.error(f"{sorted(locked & set(spine))[0]} is encrypted (DRM): its text cannot be read")
        if locked:
            unmapped.add("encrypted resources (fonts)", "META-INF/encryption.xml", "left out")
        if not spine:
            raise pkg.error("the package has no content documents to read")
        docs = [Doc(m, _parse(pkg, m, unmapped)) for m in spine]

        def image(member: str, src: str) -> bytes | None:
            name = join(member, src.split("#")[0])
            return pkg.read(name) if name and pkg.has(name) else None

        conv = Converter(docs, unmapped, image)
        front: list = []
        body: list = []
        back: list = []
        div_of: dict = {}
        for d in docs:
            conv.member = d.member
            bodies = [el for el in d.root.iter() if localname(el) == "body"]
            src = bodies[0] if bodies else d.root
            for div, source in _divisions(conv, src, div_of):
                div_of.setdefault(source, div)
                kind = div.get("type")
                (front if kind in FRONT else back if kind in BACK else body).append(div)
        left = [n for n in conv.notes if n not in conv.given]
        if left:
            notes_div = make("div", type="notes")
            for n in sorted(left, key=lambda el: _natural(el.get("id") or "")):
                note = sub(notes_div, "note", place="end", n=n.get("id") or str(len(notes_div) + 1))
                conv.member = next((d.member for d in docs if d.root is n.getroottree().getroot()), "")
                for it in conv.flow(n):
                    note.extend(as_blocks(it, allowed=("p", "quote", "lg", "list", "table")))
            back.append(notes_div)
            report.add("notes-unreferenced", None, f"{len(left)} notes no reference points at: kept at the end")
        front, body, back = (dissolve(ds, report) for ds in (front, body, back))
        if not body:  # a book of front or back matter only: it is all body
            body, front, back = front + body + back, [], []
        for d in front + body + back:
            settle_types(d, 0, d in body)
            if lang:
                d.set(XML_LANG, lang)
        where = _targets(div_of, docs)
        contents = _contents(pkg, nav_member, where) if nav_member else None
        if contents is not None:
            ctx.contents = contents[1]
            front.insert(0, contents[0])
        tei = new_tree()
        assemble(tei, front, body, back)
        resolve_links(tei, where, unmapped)
    for el in tei.iter(q("div")):
        el.attrib.pop("teikit-notes", None)
    ctx.media.update(conv.media.files)
    ctx.metadata = book
    report.counts["notes"] = report.counts["notes_linked"] = conv.refs
    report.counts["chapters"] = len(body)
    report.info("reader", None, f"EPUB: {len(docs)} content documents, {conv.refs} notes at their references")
    unmapped.report(report)
    return tei


def _divisions(conv: Converter, src: etree._Element, div_of: dict):
    """The divisions of one content document, with the source element each came from."""
    root = make("div")
    items = conv.flow(src)
    fill(root, items, own_head=False)
    sections = [el for el in src.iter() if localname(el) in ("section", "article")]
    divs = children(root, "div")
    blocks = [c for c in children(root) if not is_(c, "div")]
    sem = semantics(src)
    kind = "prefatory" if "frontmatter" in sem else "appendix" if "backmatter" in sem else "chapter"
    if blocks and not divs:
        root.set("type", kind)
        yield root, src
        return
    if blocks:
        lead = make("div", type=kind)
        for b in blocks:
            lead.append(b)
        yield lead, src
    for s in sections:
        if s in conv.div_of:
            div_of.setdefault(s, conv.div_of[s])
    for d in divs:
        if not d.get("type"):
            d.set("type", kind)
        yield d, src


def _targets(div_of: dict, docs: list[Doc]) -> dict:
    """(member, id) -> the division a section became, and (member, None) -> a document's first."""
    member_of = {id(d.root): d.member for d in docs}
    where: dict = {}
    for source, div in div_of.items():
        member = member_of.get(id(source.getroottree().getroot()), "")
        if source.get("id"):
            where.setdefault((member, source.get("id")), div)
        where.setdefault((member, None), div)
    return where


def _contents(pkg: Package, nav_member: str, where: dict):
    """The navigation document's table of contents: a front division and its entries."""
    nav = pkg.xml(nav_member)
    tocs = [el for el in nav.iter() if localname(el) == "nav" and "toc" in semantics(el)]
    if not tocs:
        return None
    entries = []
    for a in tocs[0].iter():
        if localname(a) != "a" or not _text(a):
            continue
        path, _, frag = (a.get("href") or "").partition("#")
        member = join(nav_member, path)
        target = where.get((member, frag or None))
        if target is None:
            target = where.get((member, None))
        if target is not None and not children(target, "head"):
            # a division without a heading takes the one the navigation document gives it
            head = make("head", _text(a))
            target.insert(0, head)
        entries.append(Entry(None, _text(a), None, 0, div=target))
    if not entries:
        return None
    div = make("div", type="contents")
    heads = [el for el in tocs[0] if localname(el) in ("h1", "h2", "h3", "h4", "h5", "h6")]
    sub(div, "head", _text(heads[0]) if heads else "Contents")
    sub(div, "p", " ")  # replaced by the navigation pass's list
    return div, entries
