"""Word (DOCX): the OOXML package read directly with lxml (ECMA-376, WordprocessingML).

No library covers what is needed here (python-docx reads neither notes nor comments nor
tracked changes), and the parts are plain XML: `word/document.xml` and the parts its
relationships name (styles, numbering, footnotes, endnotes, comments, settings,
images, hyperlinks), each parsed safely from a bounded `Package`.

- Headings: a paragraph's outline level (`w:outlineLvl`, its own or its style's, through
  `w:basedOn`), else a style whose built-in name is `heading N` (Word writes the built-in
  English name whatever the UI language: `Überschrift 1`, `Titre 1`, `Kop1` all name
  `heading 1`); a style without outline level or built-in name is a heading when its name
  or id says so in a common UI language (`Überschrift 2`, `Titre 2`, `Kop2`). Levels nest
  into divisions. `Title`, `Subtitle` and a style named
  `Author` or `Date` before the first heading make the title page and the header.
- Notes: `w:footnoteReference`/`w:endnoteReference` → `note place="foot"|"end"` at the
  reference, `n` the number Word shows (counted in reference order in the format of
  `w:footnotePr`/`w:endnotePr`; endnotes default to lower-case Roman) or the custom mark.
- Comments: an `anchor` where the comment's range starts and, at its reference, `note
  type="comment" target="#…"` with the author and date, then the comment's paragraphs.
- Runs: italic, bold, underline, small caps, superscript, subscript, strike → `hi rend`;
  a character style named after a TEI element (`persName`, `placeName`, `orgName`,
  `date`, `foreign`, `title`, `term`, `add`, `del`, `code`, with or without a `tei:`
  prefix) → that element; other character styles → `seg rend` (the style id).
  Hyperlinks (relationship or `HYPERLINK` field) with a safe target → `ref`; a link to a
  bookmark → a `ref` to the division the bookmark stands in (the Word contents' entries).
- Paragraph styles: a quotation style (built-in `Quote`, `Intense Quote`, `Block Text`,
  `quote`, `cit`, `Zitat`, `Citation`…) → `quote`, consecutive ones one `quote`; a verse
  style (`l`, `lg`, `verse`, `poem`, `Gedicht`…) → `lg`/`l`, a line break a new line; a
  bibliographic style (`bibl`, the built-in `Bibliography`, `Literatur`…) → `bibl`,
  consecutive ones a `listBibl` (where a `bibl` cannot stand, in a cell, `p rend="bibl"`);
  `eg` → `eg`; other styles → `p rend` (the style id), so nothing of the source is lost.
- Lists (`w:numPr`, numbering.xml: bullet or numbered, nested by `w:ilvl`) → `list`/`item`;
  tables → `table` (`w:gridSpan` → `@cols`, `w:vMerge` → `@rows`); images → `figure`/
  `graphic`, the media copied under `media/`; page breaks → `pb`, section breaks →
  `milestone unit="section"`; a `caption` paragraph right after a figure or table is its head.
- Tracked changes: insertions → `add`, deletions → `del` by default (`accept_changes=True`
  keeps the insertions as text and leaves deletions out).
- Symbol-font characters (`w:sym`) are read in the Adobe Symbol encoding (Greek letters).
- Reported, by kind and the part first seen in: text boxes (kept as paragraphs after
  their anchor), index entries and other field instructions (left out; a field's shown
  result is kept), equations (their text kept), charts, SmartArt diagrams and shapes
  without text (left out), embedded objects and documents, headers and footers (running
  heads: left out). Tracked changes are counted in the report; accepted, each deletion's
  words are listed there.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lxml import etree

from ...access import is_safe_link
from ...context import Context
from ...errors import TeikitError
from ...tei import XML_ID, is_, make, sub
from ...teiheader import Book
from .blocks import LINK, add_text, demote, resolve_links, tidy
from .common import Media, Outline, Unmapped, assemble, language_tag, new_tree
from .common import words as count_words
from .docx_parts import MC, WP, A, Doc, R, V, W, core_metadata, lang_of, num_pr, number, on, open_doc
from .package import OLE_MAGIC, Package, magic

_PHRASE_STYLES = {
    "persname": "persName",
    "placename": "placeName",
    "orgname": "orgName",
    "date": "date",
    "foreign": "foreign",
    "title": "title",
    "term": "term",
    "add": "add",
    "del": "del",
    "code": "code",
}
# Paragraph styles named for TEI elements, as the TEI community's Word templates name them
# and in the words of Word's UI languages (the built-in `Quote` is `Zitat` or `Citation` in
# documents from other programs; the built-in `Bibliography` is an entry of a list of works).
_QUOTE_STYLES = {"quote", "intense quote", "block text", "cit", "quotation", "zitat", "citation", "citazione",
                 "cita", "block quote", "blockquote"}  # fmt: skip
_VERSE_STYLES = {"l", "lg", "verse", "poem", "poetry", "vers", "gedicht", "poème", "poeme", "verso", "poesia"}
_BIBL_STYLES = {"bibl", "bibliography", "bibliographie", "bibliografia", "bibliografía", "literatur",
                "literaturverzeichnis"}  # fmt: skip
_MAPPED_STYLES = set(_PHRASE_STYLES) | _QUOTE_STYLES | _VERSE_STYLES | _BIBL_STYLES | {"eg"}
_AUTHOR_STYLES = {"author", "autor", "auteur", "autore"}
_WORD = re.compile(r"[^\w.-]+")
# A heading style's name, or its id, in the languages Word writes them when the built-in
# English name is missing (documents from other programs): Überschrift 1, Titre 1, Kop1...
_HEADING_NAME = re.compile(
    r"(?:heading|überschrift|berschrift|titre|titolo|título|titulo|kop|rubrik|overskrift|otsikko"
    r"|nagłówek|nadpis|заголовок|見出し)\s*([1-9])"
)
# The Symbol font's letters (Adobe Symbol encoding), which Word writes as w:sym U+F0xx.
_SYMBOL_FONT = dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")) | dict(
    zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")
)


class Reader:
    """Converts one document; a new reader per conversion."""

    def __init__(self, doc: Doc, report, accept_changes: bool = False):
        self.doc = doc
        self.report = report
        self.accept = accept_changes
        self.unmapped = Unmapped("docx")
        self.media = Media()
        self.counter: Counter = Counter()
        self.refs = 0
        self.comments_given: set[str] = set()
        self._after: list = []  # blocks to place after the current paragraph (images, text boxes)
        self._field: list[dict] = []
        self.where = "word/document.xml"
        self._char_styles: dict[str, tuple[str | None, list[str]]] = {}
        self.bookmarks: dict[str, etree._Element] = {}  # part#name -> the block it stands in
        # Characters of text by the language Word marks them in: the most is the text's language
        # (the document defaults only say how Word was set up: a Slovene Word writing English).
        self.lang_chars: Counter = Counter()
        self._para_lang: str | None = None
        self._style_langs: dict[str | None, str | None] = {}
        self.changes: Counter = Counter()  # tracked insertions and deletions met
        self.deleted: list[tuple[str, str]] = []  # (part, text) of each deletion accepted (left out)

    # ---------------------------------------------------------------- styles

    def _style_chain(self, ident: str | None):
        seen = set()
        while ident and ident not in seen and ident in self.doc.styles:
            seen.add(ident)
            yield self.doc.styles[ident]
            ident = self.doc.styles[ident].based_on

    def style_name(self, ident: str | None) -> str:
        s = self.doc.styles.get(ident or "")
        return (s.name if s else ident or "").strip()

    def _key(self, ident: str | None) -> str:
        """A style's name compared loosely: case and a `tei:` prefix ignored (`tei` without
        the colon only before a name the reader maps, longer than a letter: `teipersName`, but
        German `Teil` is not `tei` + `l`)."""
        name = self.style_name(ident).lower()
        if name.startswith("tei:"):
            return name[4:]
        rest = name[3:]
        return rest if name.startswith("tei") and len(rest) > 1 and rest in _MAPPED_STYLES else name

    def character_style(self, ident: str) -> tuple[str | None, list[str]]:
        """What a character style becomes: a TEI element it names, a `seg` carrying its id, or
        (a built-in emphasis) only its formatting; and that formatting (hi/@rend values)."""
        if ident in self._char_styles:
            return self._char_styles[ident]
        key = self._key(ident)
        element: str | None = None
        rend: list[str] = []
        if key in _PHRASE_STYLES:
            element = _PHRASE_STYLES[key]
        elif key not in ("footnote reference", "endnote reference", "hyperlink", "annotation reference",
                         "default paragraph font", "followedhyperlink"):  # fmt: skip
            rend = _rend([s.rpr for s in self._style_chain(ident) if s.rpr is not None])
            if not rend or key not in ("emphasis", "strong", "subtle emphasis", "intense emphasis"):
                element = "seg:" + (_WORD.sub("-", ident).strip("-") or "style")
        self._char_styles[ident] = (element, rend)
        return element, rend

    def _style_lang(self, style: str | None) -> str | None:
        """The language a paragraph or character style (through `w:basedOn`) sets, if any."""
        if style not in self._style_langs:
            langs = (lang_of(s.rpr) for s in self._style_chain(style))
            self._style_langs[style] = next((lang for lang in langs if lang), None)
        return self._style_langs[style]

    def level(self, p: etree._Element, style: str | None) -> int | None:
        own = p.find(f"{W}pPr/{W}outlineLvl")
        if own is not None and own.get(W + "val", "").isdigit():
            v = int(own.get(W + "val"))
            return v + 1 if v < 9 else None
        for s in self._style_chain(style):
            if s.outline is not None:
                return s.outline + 1 if s.outline < 9 else None
            m = _HEADING_NAME.fullmatch(s.name.lower()) or _HEADING_NAME.fullmatch(s.ident.lower())
            if m:
                return int(m.group(1))
        return None

    # ---------------------------------------------------------------- blocks

    def body(self) -> tuple[list, list, Book, etree._Element | None]:
        root = self.doc.pkg.xml(self.doc.main)
        body = root.find(W + "body")
        if body is None:
            raise self.doc.pkg.error(f"{self.doc.main} has no body")
        outline = Outline()
        title_page: dict[str, list] = {}
        lists: list = []  # the open lists: (ilvl, list element)
        quote = verse = None
        bibls: etree._Element | None = None  # the bibl or listBibl consecutive bibl paragraphs go in
        for kind, el, extra in self.blocks(body):
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
                bibls = self._bibl(outline, el, bibls)
            elif is_(el, "p") and self._key(el.get("rend")) == "caption" and self._caption(outline, el):
                continue
            else:
                outline.block(el)
        book = self.title_book(title_page)
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

    def _bibl(self, outline: Outline, bibl: etree._Element, run: etree._Element | None) -> etree._Element:
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

    def _caption(self, outline: Outline, p: etree._Element) -> bool:
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

    def title_book(self, parts: dict) -> Book:
        book = core_metadata(self.doc.pkg, self.report)

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

    def blocks(self, container: etree._Element):
        """(kind, element, extra) for each block of a body, cell or note, in order."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                yield from self.paragraph(child)
            elif tag == W + "tbl":
                yield "block", self.table(child), None
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                yield from self.blocks(child)
            elif tag in (W + "del", W + "moveFrom"):
                if self.accept:
                    self._deletion(child)
                else:
                    yield from self.blocks(child)
            elif tag == W + "altChunk":
                self.unmapped.add("embedded documents (altChunk)", self.where, "left out")
            elif tag in (W + "sectPr", W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "permStart",
                         W + "permEnd", W + "commentRangeStart", W + "commentRangeEnd"):  # fmt: skip
                continue
            elif isinstance(tag, str) and "".join(child.itertext()).strip():
                self.unmapped.add(f"{etree.QName(child).localname} blocks", self.where)

    def paragraph(self, p: etree._Element):
        ppr = p.find(W + "pPr")
        style_el = ppr.find(W + "pStyle") if ppr is not None else None
        style = style_el.get(W + "val") if style_el is not None else None
        key = self._key(style)
        level = self.level(p, style)
        self._after = []
        self._para_lang = self._style_lang(style or self.doc.default_paragraph)
        if level is not None:
            el = self.inline(p, make("head"))
        elif key in ("title", "subtitle") or key in _AUTHOR_STYLES or key == "date":
            el = self.inline(p, make("titlePart"))
            role = {"title": "main", "subtitle": "sub", "date": "date"}.get(key, "author")
            if "".join(el.itertext()).strip():
                yield "titlepage", tidy(el), role
            yield from self._flush()
            return
        else:
            el = self.inline(p, make("p"))
        tidy(el)
        empty = not (el.text or "").strip() and not len(el)
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num = num_pr(numpr) if numpr is not None else None
        if num is None:
            num = next((s.num for s in self._style_chain(style) if s.num), None)
        if level is not None and not empty:
            yield "head", el, level
        elif empty:
            pass
        elif num is not None and num[0] != "0" and (num[0], num[1]) in self.doc.numbering:
            yield "item", el, (int(num[1]) if num[1].isdigit() else 0, self.doc.numbering[num])
        elif key in _QUOTE_STYLES:
            yield "quote", el, None
        elif key in _BIBL_STYLES:
            el.tag = "{http://www.tei-c.org/ns/1.0}bibl"
            yield "bibl", el, None
        elif key in _VERSE_STYLES:
            yield "verse", self._lines(el), None
        elif key == "eg":
            eg = make("eg")
            eg.text = "".join(el.itertext())
            yield "block", eg, None
        else:
            if style and key not in ("normal", "default paragraph font", "body text", "list paragraph"):
                el.set("rend", _WORD.sub("-", style).strip("-") or "style")
            yield "block", el, None
        yield from self._flush()
        if ppr is not None and ppr.find(W + "sectPr") is not None:
            yield "block", make("milestone", unit="section"), None

    def _flush(self):
        after, self._after = self._after, []
        for b in after:
            yield "block", b, None

    def _lines(self, p: etree._Element) -> list:
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

    def table(self, tbl: etree._Element) -> etree._Element:
        table = make("table")
        pending: dict[int, etree._Element] = {}  # grid column -> cell a vertical merge continues
        for tr in tbl.iterchildren(W + "tr"):
            row = make("row")
            if tr.find(f"{W}trPr/{W}tblHeader") is not None:
                row.set("role", "label")
            col = 0
            for tc in tr.iterchildren(W + "tc"):
                pr = tc.find(W + "tcPr")
                span_el = pr.find(W + "gridSpan") if pr is not None else None
                span = int(span_el.get(W + "val", "1")) if span_el is not None else 1
                vm = pr.find(W + "vMerge") if pr is not None else None
                if vm is not None and vm.get(W + "val", "continue") == "continue" and col in pending:
                    top = pending[col]
                    top.set("rows", str(int(top.get("rows", "1")) + 1))
                    extra = self.cell(tc)
                    if "".join(extra.itertext()).strip():  # text in a merged-away cell: kept in the top one
                        add_text(top, " ")
                        add_text(top, extra.text)
                        top.extend(list(extra))
                    col += span
                    continue
                cell = self.cell(tc)
                if span > 1:
                    cell.set("cols", str(span))
                if vm is not None:
                    pending[col] = cell
                else:
                    pending.pop(col, None)
                row.append(cell)
                col += span
            if len(row):
                table.append(row)
        if not len(table):
            sub(sub(table, "row"), "cell")
        return table

    def plain_blocks(self, container: etree._Element) -> list:
        """The blocks of a cell, note, comment or text box, none of them a heading or a
        title-page part (those become paragraphs) and each list item a list of its own."""
        out: list = []
        for kind, el, _ in self.blocks(container):
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

    def cell(self, tc: etree._Element) -> etree._Element:
        cell = make("cell")
        saved, self._after = self._after, []
        blocks = self.plain_blocks(tc)
        self._after = saved
        flat: list = []
        for b in blocks:
            flat.extend(demote(b, ("p",)))
        if len(flat) == 1 and is_(flat[0], "p") and not flat[0].get("rend"):
            cell.text = flat[0].text
            cell.extend(list(flat[0]))
        else:
            cell.extend(flat)
        return cell

    # ---------------------------------------------------------------- phrases

    def inline(self, container: etree._Element, into: etree._Element) -> etree._Element:
        for child in container:
            self.node(child, into)
        return into

    def node(self, el: etree._Element, into: etree._Element) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag == W + "r":
            self.run(el, into)
        elif tag == W + "hyperlink":
            rid = el.get(R + "id")
            target = self.doc.rels.get(rid, ("", False, ""))[0] if rid else ""
            if el.get(W + "anchor") and not target:  # to a bookmark: resolved once the divisions are made
                ref = sub(into, "ref")
                ref.set(LINK, f"{self.where}#{el.get(W + 'anchor')}")
                self.inline(el, ref)
            elif target and is_safe_link(target):
                self.inline(el, sub(into, "ref", target=target))
            else:
                if target:
                    self.unmapped.add("links with unsafe targets", self.where, "kept as text")
                self.inline(el, into)
        elif tag in (W + "ins", W + "moveTo"):
            self.changes["insertions"] += 1
            self.inline(el, into if self.accept else sub(into, "add"))
        elif tag in (W + "del", W + "moveFrom"):
            if self.accept:
                self._deletion(el)
            else:
                self.changes["deletions"] += 1
                self.inline(el, sub(into, "del"))
        elif tag in (W + "smartTag", W + "customXml", W + "fldSimple", W + "dir", W + "bdo"):
            instr = el.get(W + "instr") or ""
            if tag == W + "fldSimple" and instr.split()[:1] == ["HYPERLINK"]:
                url = _hyperlink(instr)
                if url and is_safe_link(url):
                    into = sub(into, "ref", target=url)
            elif tag == W + "fldSimple":
                self._field_unmapped(instr.split())
            self.inline(el, into)
        elif tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                self.inline(content, into)
        elif tag == W + "commentRangeStart":
            sub(into, "anchor", attrib={XML_ID: f"comment-{_safe_id(el.get(W + 'id'))}"})
        elif tag == W + "bookmarkStart":
            self.bookmarks.setdefault(f"{self.where}#{el.get(W + 'name')}", into)
        elif tag in (W + "pPr", W + "bookmarkEnd", W + "proofErr", W + "commentRangeEnd",
                     W + "permStart", W + "permEnd", W + "lastRenderedPageBreak"):  # fmt: skip
            return
        elif tag.startswith(MC):
            choice = el.find(MC + "Choice")
            if choice is not None:
                self.inline(choice, into)
            else:
                fallback = el.find(MC + "Fallback")
                if fallback is not None:
                    self.inline(fallback, into)
        elif tag.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/math}"):
            self.unmapped.add("equations", self.where, "their text kept")
            add_text(self._current(into), "".join(el.itertext()))
        elif "".join(el.itertext()).strip():
            self.unmapped.add(f"{etree.QName(el).localname} elements", self.where, "their text kept")
            add_text(self._current(into), "".join(el.itertext()))

    def _deletion(self, el: etree._Element) -> None:
        """A tracked deletion accepted: left out of the text, its words kept for the report."""
        self.changes["deletions"] += 1
        text = " ".join("".join(el.itertext()).split())
        if text:
            self.deleted.append((self.where, text))

    def report_changes(self) -> None:
        """Say what became of the tracked changes: kept as add/del, or accepted with every
        deletion's words listed, so that nothing leaves the text unsaid."""
        ins, dels = self.changes["insertions"], self.changes["deletions"]
        if not ins and not dels:
            return
        if not self.accept:
            self.report.info("tracked-changes", None, f"docx: {ins} insertions kept as add, {dels} deletions as del")
            return
        n_words = sum(sum(count_words(text).values()) for _, text in self.deleted)
        self.report.add(
            "tracked-changes",
            None,
            f"docx: tracked changes accepted: {ins} insertions kept as text, {dels} deletions left out "
            f"({n_words} words, each listed in the report)",
        )
        for where, text in self.deleted:
            self.report.info("deletion-left-out", None, f"a tracked deletion in {where}, left out", text=text)

    def _current(self, into: etree._Element) -> etree._Element:
        """Where a run's content goes: inside the open hyperlink field, if any."""
        for f in reversed(self._field):
            if f.get("ref") is not None and f["in"] is into:
                return f["ref"]
        return into

    def run(self, r: etree._Element, into: etree._Element) -> None:
        rpr = r.find(W + "rPr")
        target = self._current(into)
        rend: list[str] = []
        element = None
        rstyle = rpr.find(W + "rStyle") if rpr is not None else None
        if rstyle is not None:
            element, style_rend = self.character_style(rstyle.get(W + "val") or "")
            rend.extend(style_rend)
        if rpr is not None:
            for r_ in _rend([rpr]):
                if r_ not in rend:
                    rend.append(r_)
        if element == "code":
            holder = sub(target, "code")
        elif element and element.startswith("seg:"):
            holder = sub(target, "seg", rend=element[4:])
        elif element:
            holder = sub(target, element)
        else:
            holder = target
        if rend and element != "code":
            holder = sub(holder, "hi", rend=" ".join(rend))
        custom: list | None = None
        custom_note = None
        lang = lang_of(rpr) or (self._style_lang(rstyle.get(W + "val")) if rstyle is not None else None)
        lang = lang or self._para_lang or self.doc.default_lang or ""
        for c in r:
            tag = c.tag
            if tag == W + "t":
                if custom is not None and not custom:
                    custom.append(c.text or "")  # the custom mark: the note's n, not text
                    continue
                add_text(holder, c.text)
                self.lang_chars[lang] += len(c.text or "")
            elif tag == W + "delText":
                add_text(holder, c.text)
            elif tag == W + "tab" or tag == W + "ptab":
                add_text(holder, " ")
            elif tag == W + "br":
                if c.get(W + "type") == "page":
                    sub(target if is_(holder, "code") else holder, "pb")
                else:
                    sub(holder, "lb") if not is_(holder, "code") else add_text(holder, "\n")
            elif tag == W + "cr":
                sub(holder, "lb")
            elif tag == W + "noBreakHyphen":
                add_text(holder, "\u2011")
            elif tag == W + "sym":
                code = c.get(W + "char") or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                if 0xF000 <= ord(ch) <= 0xF0FF and (c.get(W + "font") or "").lower() == "symbol":
                    greek = _SYMBOL_FONT.get(ord(ch) - 0xF000)
                    if greek:
                        add_text(holder, greek)
                    else:
                        self.unmapped.add("Symbol-font characters", self.where, "left out (not a letter)")
                elif 0xF000 <= ord(ch) <= 0xF0FF:
                    self.unmapped.add("symbol-font characters", self.where, "left out (no Unicode value)")
                else:
                    add_text(holder, ch)
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                custom = [] if c.get(W + "customMarkFollows") in ("1", "true", "on") else None
                custom_note = self.note(c, target, custom)
            elif tag == W + "commentReference":
                self.comment(c.get(W + "id") or "", target)
            elif tag == W + "fldChar":
                self.field_char(c, into)
            elif tag == W + "instrText":
                if self._field:
                    self._field[-1]["instr"] += c.text or ""
            elif tag in (W + "drawing", W + "pict", W + "object"):
                self.drawing(c)
            elif tag.startswith(MC):
                choice = c.find(MC + "Choice")
                for d in (choice if choice is not None else c).iter(W + "drawing", W + "pict"):
                    self.drawing(d)
                    break
            elif tag in (W + "rPr", W + "lastRenderedPageBreak", W + "softHyphen", W + "footnoteRef",
                         W + "endnoteRef", W + "annotationRef", W + "separator", W + "continuationSeparator"):  # fmt: skip
                continue
        if custom and custom_note is not None and "".join(custom).strip():
            custom_note.set("n", "".join(custom).strip())
        for el in (holder, holder.getparent()):
            if el is not None and el is not target and not len(el) and not (el.text or ""):
                el.getparent().remove(el)

    def field_char(self, c: etree._Element, into: etree._Element) -> None:
        kind = c.get(W + "fldCharType")
        if kind == "begin":
            self._field.append({"instr": "", "in": into, "ref": None})
        elif kind == "separate" and self._field:
            f = self._field[-1]
            words = f["instr"].split()
            if words[:1] == ["HYPERLINK"]:
                url = _hyperlink(f["instr"])
                if url and is_safe_link(url):
                    f["ref"] = sub(self._current(into), "ref", target=url)
            else:
                self._field_unmapped(words)
        elif kind == "end" and self._field:
            f = self._field.pop()
            words = f["instr"].split()
            if words[:1] in (["XE"], ["TC"]):
                self.unmapped.add(f"{words[0]} fields (index or contents entries)", self.where, "left out")

    def _field_unmapped(self, words: list[str]) -> None:
        """A field the text keeps only the shown result of (an AUTHOR, a formula, a merge
        field), reported; page numbers, cross-references, numbering and dates are text."""
        if words[:1] and words[0] not in ("PAGE", "REF", "PAGEREF", "NOTEREF", "SEQ", "TOC", "DATE", "TIME"):
            self.unmapped.add(f"{words[0]} fields", self.where, "their shown result kept")

    def note(self, ref: etree._Element, into: etree._Element, custom) -> etree._Element:
        place = "foot" if ref.tag == W + "footnoteReference" else "end"
        notes = self.doc.footnotes if place == "foot" else self.doc.endnotes
        ident = ref.get(W + "id") or ""
        source = notes.get(ident)
        fmt, start = self.doc.note_format[place]
        if custom is None:
            self.counter[place] += 1
            n = number(self.counter[place] + start - 1, fmt)
        else:
            n = "*"
        note = sub(into, "note", place=place, n=n)
        self.refs += 1
        if source is None:
            self.report.add("note-missing", None, f"the document refers to {place}note {ident}, which it lacks")
            return note
        outer, self.where = self.where, f"word/{place}notes.xml"
        self._fill(note, source)
        self.where = outer
        return note

    def _fill(self, holder: etree._Element, source: etree._Element) -> None:
        saved, lang = self._after, self._para_lang
        self._after = []
        blocks = self.plain_blocks(source)
        self._after, self._para_lang = saved, lang
        if is_(holder, "note") and holder.get("type") is None and len(blocks) == 1 and is_(blocks[0], "p"):
            p = blocks[0]
            holder.text = p.text
            holder.extend(list(p))
        else:
            for b in blocks:
                holder.extend(demote(b, ("p", "quote", "lg", "list", "table", "eg", "bibl")))

    def comment(self, ident: str, into: etree._Element) -> None:
        source = self.doc.comments.get(ident)
        if source is None:
            self.report.add("comment-missing", None, f"the document refers to comment {ident}, which it lacks")
            return
        self.comments_given.add(ident)
        note = sub(into, "note", type="comment", target=f"#comment-{_safe_id(ident)}")
        who = make("p")
        add_text(who, source.get(W + "author") or "(no author)")
        date = source.get(W + "date") or ""
        if date:
            add_text(who, ", ")
            m = re.match(r"\d{4}-\d{2}-\d{2}", date)
            sub(who, "date", date, when=m.group() if m else None)
        note.append(who)
        outer, self.where = self.where, "word/comments.xml"
        self._fill(note, source)
        self.where = outer

    def drawing(self, d: etree._Element) -> None:
        boxes = [t for t in d.iter(W + "txbxContent")]
        for box in boxes:
            self.unmapped.add("text boxes", self.where, "kept as paragraphs after their anchor")
            saved = self._after
            self._after = []
            found = self.plain_blocks(box)
            self._after = saved + [b for el in found for b in demote(el, ("p", "quote", "lg", "list", "table"))]
        rids = [b.get(R + "embed") for b in d.iter(A + "blip")] + [i.get(R + "id") for i in d.iter(f"{{{V}}}imagedata")]
        rids = [r for r in rids if r]
        if not rids:
            if d.tag == W + "object":
                self.unmapped.add("embedded objects", self.where, "left out")
            elif not boxes:
                self.unmapped.add(_drawing_kind(d), self.where, "left out")
            return
        fig = make("figure")
        for rid in rids[:1]:
            target, external, _ = self.doc.rels.get(rid, ("", False, ""))
            if external or not target:
                self.unmapped.add("linked images", self.where, "kept as their description")
            elif self.doc.pkg.has(target):
                sub(fig, "graphic", url=self.media.add(target, self.doc.pkg.read(target)))
            else:
                self.unmapped.add("images missing from the package", self.where, "kept as their description")
        for pr in d.iter(WP + "docPr"):
            desc = (pr.get("descr") or pr.get("title") or "").strip()
            if desc:
                sub(fig, "figDesc", desc)
            break
        if len(fig):
            self._after.insert(0, fig)


# What a drawing without an image holds, by its graphic data's kind (DrawingML `a:graphicData/@uri`).
_GRAPHIC_KINDS = {
    "drawingml/2006/chart": "charts",
    "drawing/2014/chartex": "charts",
    "drawingml/2006/diagram": "SmartArt diagrams",
    "wordprocessingShape": "shapes",
    "wordprocessingGroup": "groups of shapes",
    "wordprocessingCanvas": "drawing canvases",
    "drawingml/2006/picture": "pictures without image data",
}


def _drawing_kind(d: etree._Element) -> str:
    for data in d.iter(A + "graphicData"):
        uri = data.get("uri") or ""
        for key, kind in _GRAPHIC_KINDS.items():
            if uri.endswith(key):
                return kind
    return "drawings without an image (shapes, ink)"


def _hyperlink(instr: str) -> str | None:
    m = re.search(r'HYPERLINK\s+(?:\\[a-z]\s+)*"([^"]*)"', instr) or re.search(r"HYPERLINK\s+(\S+)", instr)
    return m.group(1) if m else None


def _safe_id(ident: str | None) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "-", ident or "x")


_TOGGLES = {
    W + "i": "italic",
    W + "b": "bold",
    W + "smallCaps": "smallcaps",
    W + "strike": "strikethrough",
    W + "dstrike": "strikethrough",
}


def _rend(props: list) -> list[str]:
    """The hi/@rend values run properties ask for (each property element looked at once)."""
    out: list[str] = []
    for rpr in props:
        for el in rpr:
            tag = el.tag
            value = None
            if tag in _TOGGLES:
                value = _TOGGLES[tag] if on(el) else None
            elif tag == W + "u":
                value = "underline" if el.get(W + "val", "single") != "none" else None
            elif tag == W + "vertAlign":
                value = el.get(W + "val") if el.get(W + "val") in ("superscript", "subscript") else None
            if value and value not in out:
                out.append(value)
    return out


def read(path: Path, ctx: Context, accept_changes: bool = False) -> etree._Element:
    if magic(Path(path)) == OLE_MAGIC:
        raise TeikitError(
            "an encrypted Word document or a legacy .doc (a Compound File, not OOXML): "
            "save it unencrypted as .docx first",
            str(path),
        )
    with Package(path) as pkg:
        doc = open_doc(pkg)
        reader = Reader(doc, ctx.report, accept_changes)
        front, body, book, title_page = reader.body()
        for ident in sorted(set(doc.comments) - reader.comments_given):
            ctx.report.add("comment-unreferenced", None, f"comment {ident} has no reference in the text: left out")
        headers = [t for t, ext, kind in doc.rels.values() if kind.endswith(("/header", "/footer")) and not ext]
        if headers:
            reader.unmapped.add("header and footer parts", "word/_rels", "left out (running heads)")
            reader.unmapped.seen["header and footer parts"] = len(headers)
        tei = new_tree()
        assemble(tei, front, body, [], title_page)
        where = {}
        for name, el in reader.bookmarks.items():
            div = next((a for a in el.iterancestors() if is_(a, "div")), None)
            if div is not None:
                member, _, frag = name.partition("#")
                where[(member, frag)] = div
        resolve_links(tei, where, reader.unmapped)
    reader.report_changes()
    _merge_adjacent(tei)
    if book.title == "Untitled":
        heads = [h for h in tei.iter("{http://www.tei-c.org/ns/1.0}head")]
        book.title = "".join(heads[0].itertext()).strip() if heads else Path(path).stem.replace("-", " ").title()
    if book.language is None:  # the document properties name none: the language most of the text is in
        marked = [(n, lang) for lang, n in reader.lang_chars.items() if language_tag(lang)]
        book.language = language_tag(max(marked)[1]) if marked else None
    ctx.metadata = book
    ctx.media.update(reader.media.files)
    ctx.report.counts["notes"] = ctx.report.counts["notes_linked"] = reader.refs
    ctx.report.counts["chapters"] = len(body)
    ctx.report.info("reader", None, f"Word: {reader.refs} notes at their references")
    reader.unmapped.report(ctx.report)
    return tei


def _merge_adjacent(tei: etree._Element) -> None:
    """Runs of one formatting split by Word (spell-check, revisions) become one element."""
    for el in list(tei.iter("{http://www.tei-c.org/ns/1.0}hi", "{http://www.tei-c.org/ns/1.0}seg")):
        nxt = el.getnext()
        parent = el.getparent()
        if parent is None:
            continue
        while nxt is not None and not el.tail and nxt.tag == el.tag and dict(nxt.attrib) == dict(el.attrib):
            add_text(el, nxt.text)
            el.extend(list(nxt))
            el.tail = nxt.tail
            parent.remove(nxt)
            nxt = el.getnext()
