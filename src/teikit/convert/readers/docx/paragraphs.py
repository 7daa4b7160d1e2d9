"""Word paragraphs as TEI blocks: the body's blocks in order, nested into divisions by
heading level, the title page, and the plain blocks of a cell, note, comment or text box.

- `Title`, `Subtitle` and a style named `Author` or `Date` before the first heading make the
  title page and the header; the document properties (`parts.core_metadata`) fill the rest.
- Paragraph styles: a quotation style (built-in `Quote`, `Intense Quote`, `Block Text`,
  `quote`, `cit`, `Zitat`, `Citation`…) → `quote`, consecutive ones one `quote`; a verse
  style (`l`, `lg`, `verse`, `poem`, `Gedicht`…) → `lg`/`l`, a line break a new line; a
  bibliographic style (`bibl`, the built-in `Bibliography`, `Literatur`…) → `bibl`,
  consecutive ones a `listBibl` (where a `bibl` cannot stand, in a cell, `p rend="bibl"`);
  `eg` → `eg`; other styles → `p rend` (the style id), so nothing of the source is lost.
- Lists (`w:numPr`, the paragraph's or its style's; numbering.xml: bullet or numbered,
  nested by `w:ilvl`) → `list`/`item`; section breaks → `milestone unit="section"`; a
  `caption` paragraph right after a figure or table is its head.
- Content controls, custom XML and tracked block-level changes give their blocks (a
  deletion accepted gives none: `changes`); embedded documents (`altChunk`) are reported.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from ....tei import is_, make, sub
from ....teiheader import Book
from ..blocks import add_text, tidy
from ..common import Outline
from . import changes, runs, styles, tables
from .parts import W, core_metadata, num_pr
from .styles import AUTHOR_STYLES, BIBL_STYLES, NOT_IN_NAME, QUOTE_STYLES, VERSE_STYLES

if TYPE_CHECKING:
    from .state import Reader


def body(r: Reader) -> tuple[list, list, Book, etree._Element | None]:
    root = r.doc.pkg.xml(r.doc.main)
    body = root.find(W + "body")
    if body is None:
        raise r.doc.pkg.error(f"{r.doc.main} has no body")
    outline = Outline()
    title_page: dict[str, list] = {}
    lists: list = []  # the open lists: (ilvl, list element)
    quote = verse = None
    bibls: etree._Element | None = None  # the bibl or listBibl consecutive bibl paragraphs go in
    for kind, el, extra in blocks(r, body):
        if kind != "bibl":
            bibls = None
        if kind != "item":
            lists = []
        if kind != "quote":
            quote = None
        if kind != "verse":
            verse = None
        if kind == "head":
            outline.heading(extra, [el])
        elif kind == "titlepage":
            if outline.sections:
                el.tag = el.tag.replace("titlePart", "p")
                outline.block(el)
            else:
                title_page.setdefault(extra, []).append(el)
        elif kind == "item":
            ilvl, fmt = extra
            while lists and lists[-1][0] > ilvl:
                lists.pop()
            if not lists or lists[-1][0] < ilvl:
                new = make("list", type="bulleted" if fmt == "bullet" else "ordered")
                if lists and len(lists[-1][1]):
                    lists[-1][1][-1].append(new)
                else:
                    outline.block(new)
                lists.append((ilvl, new))
            item = sub(lists[-1][1], "item")
            item.text = el.text
            item.extend(list(el))
        elif kind == "quote":
            if quote is None:
                quote = make("quote")
                outline.block(quote)
            quote.append(el)
        elif kind == "verse":
            if verse is None:
                verse = make("lg")
                outline.block(verse)
            verse.extend(el)
        elif kind == "bibl":
            bibls = add_bibl(r, outline, el, bibls)
        elif is_(el, "p") and styles.style_key(r, el.get("rend")) == "caption" and place_caption(r, outline, el):
            continue
        else:
            outline.block(el)
    book = title_book(r, title_page)
    tp = None
    if title_page:
        tp = make("titlePage")
        dt = sub(tp, "docTitle")
        for role in ("main", "sub"):
            for part in title_page.get(role, []):
                part.set("type", role)
                dt.append(part)
        if not len(dt):
            sub(dt, "titlePart", book.title, type="main")
        for part in title_page.get("author", []):
            part.tag = part.tag.replace("titlePart", "docAuthor")
            tp.append(part)
        for part in title_page.get("date", [])[:1]:
            part.tag = part.tag.replace("titlePart", "docDate")
            tp.append(part)
        for part in title_page.get("date", [])[1:]:
            part.tag = part.tag.replace("titlePart", "p")
            outline.pre.insert(0, part)
    divs = outline.divisions()
    front = []
    if outline.pre and divs:
        pre = make("div", type="prefatory")
        pre.extend(outline.pre)
        front.append(pre)
    elif outline.pre:
        only = make("div", type="chapter")
        only.extend(outline.pre)
        divs = [only]
    return front, divs, book, tp


def add_bibl(r: Reader, outline: Outline, bibl: etree._Element, run: etree._Element | None) -> etree._Element:
    """A bibliographic paragraph: a `bibl` of its own, or with the ones right before it a
    `listBibl`; returns what the next one joins."""
    if run is None:
        outline.block(bibl)
        return bibl
    if is_(run, "bibl"):
        blocks = outline.sections[-1].blocks if outline.sections else outline.pre
        lst = make("listBibl")
        blocks[blocks.index(run)] = lst
        lst.append(run)
        run = lst
    run.append(bibl)
    return run


def place_caption(r: Reader, outline: Outline, p: etree._Element) -> bool:
    """A caption right after a figure or a table becomes its head (Word puts captions
    below figures by default); True when it was placed."""
    blocks = outline.sections[-1].blocks if outline.sections else outline.pre
    last = blocks[-1] if blocks else None
    if last is None or not is_(last, "figure", "table"):
        return False
    p.tag = "{http://www.tei-c.org/ns/1.0}head"
    del p.attrib["rend"]
    if is_(last, "table"):
        last.insert(len([c for c in last if is_(c, "head")]), p)
    else:
        last.append(p)
    return True


def title_book(r: Reader, parts: dict) -> Book:
    book = core_metadata(r.doc.pkg, r.report)

    def text(el) -> str:
        return re.sub(r"\s+", " ", "".join(el.itertext())).strip()

    if parts.get("main"):
        book.title = " ".join(text(p) for p in parts["main"])
    if parts.get("sub"):
        book.subtitles = [text(p) for p in parts["sub"]]
    if parts.get("author"):
        book.author = " and ".join(text(p) for p in parts["author"])
    if parts.get("date"):
        m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text(parts["date"][0]))
        book.date = m.group(1) if m else None
    return book


def blocks(r: Reader, container: etree._Element):
    """(kind, element, extra) for each block of a body, cell or note, in order."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield from paragraph(r, child)
        elif tag == W + "tbl":
            yield "block", tables.table(r, child), None
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from blocks(r, content)
        elif tag in (W + "customXml", W + "ins", W + "moveTo"):
            yield from blocks(r, child)
        elif tag in (W + "del", W + "moveFrom"):
            if r.accept:
                changes.deletion(r, child)
            else:
                yield from blocks(r, child)
        elif tag == W + "altChunk":
            r.unmapped.add("embedded documents (altChunk)", r.where, "left out")
        elif tag in (W + "sectPr", W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "permStart",
                     W + "permEnd", W + "commentRangeStart", W + "commentRangeEnd"):  # fmt: skip
            continue
        elif isinstance(tag, str) and "".join(child.itertext()).strip():
            r.unmapped.add(f"{etree.QName(child).localname} blocks", r.where)


def paragraph(r: Reader, p: etree._Element):
    ppr = p.find(W + "pPr")
    style_el = ppr.find(W + "pStyle") if ppr is not None else None
    style = style_el.get(W + "val") if style_el is not None else None
    key = styles.style_key(r, style)
    level = styles.level(r, p, style)
    r.after = []
    r.para_lang = styles.style_lang(r, style or r.doc.default_paragraph)
    if level is not None:
        el = runs.inline(r, p, make("head"))
    elif key in ("title", "subtitle") or key in AUTHOR_STYLES or key == "date":
        el = runs.inline(r, p, make("titlePart"))
        role = {"title": "main", "subtitle": "sub", "date": "date"}.get(key, "author")
        if "".join(el.itertext()).strip():
            yield "titlepage", tidy(el), role
        yield from flush(r)
        return
    else:
        el = runs.inline(r, p, make("p"))
    tidy(el)
    empty = not (el.text or "").strip() and not len(el)
    numpr = ppr.find(W + "numPr") if ppr is not None else None
    num = num_pr(numpr) if numpr is not None else None
    if num is None:
        num = next((s.num for s in styles.style_chain(r, style) if s.num), None)
    if level is not None and not empty:
        yield "head", el, level
    elif empty:
        pass
    elif num is not None and num[0] != "0" and (num[0], num[1]) in r.doc.numbering:
        yield "item", el, (int(num[1]) if num[1].isdigit() else 0, r.doc.numbering[num])
    elif key in QUOTE_STYLES:
        yield "quote", el, None
    elif key in BIBL_STYLES:
        el.tag = "{http://www.tei-c.org/ns/1.0}bibl"
        yield "bibl", el, None
    elif key in VERSE_STYLES:
        yield "verse", verse_lines(r, el), None
    elif key == "eg":
        eg = make("eg")
        eg.text = "".join(el.itertext())
        yield "block", eg, None
    else:
        if style and key not in ("normal", "default paragraph font", "body text", "list paragraph"):
            el.set("rend", NOT_IN_NAME.sub("-", style).strip("-") or "style")
        yield "block", el, None
    yield from flush(r)
    if ppr is not None and ppr.find(W + "sectPr") is not None:
        yield "block", make("milestone", unit="section"), None


def flush(r: Reader):
    after, r.after = r.after, []
    for b in after:
        yield "block", b, None


def verse_lines(r: Reader, p: etree._Element) -> list:
    """A verse paragraph's lines (cut at its line breaks)."""
    lines, line = [], make("l")
    add_text(line, p.text)
    for c in list(p):
        if is_(c, "lb"):
            tail = c.tail
            lines.append(tidy(line))
            line = make("l")
            add_text(line, tail)
        else:
            line.append(c)
    lines.append(tidy(line))
    return [l for l in lines if (l.text or "").strip() or len(l)] or [make("l")]


def plain_blocks(r: Reader, container: etree._Element) -> list:
    """The blocks of a cell, note, comment or text box, none of them a heading or a
    title-page part (those become paragraphs) and each list item a list of its own."""
    out: list = []
    for kind, el, _ in blocks(r, container):
        if isinstance(el, list):
            lg = make("lg")
            lg.extend(el)
            el = lg
        if kind in ("head", "titlepage"):
            el.tag = "{http://www.tei-c.org/ns/1.0}p"
            el.attrib.pop("type", None)
        elif kind == "quote":
            q = make("quote")
            q.append(el)
            el = q
        elif kind == "item":
            lst = make("list", type="bulleted")
            item = sub(lst, "item")
            item.text = el.text
            item.extend(list(el))
            el = lst
        if not is_(el, "milestone", "pb"):
            out.append(el)
    return out
