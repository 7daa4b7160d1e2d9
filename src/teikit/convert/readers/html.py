"""XHTML to TEI: the content documents of an EPUB, and Markdown as markdown-it renders it.

Semantics come from the specifications' vocabularies, never from class names: EPUB 3
structural semantics (`epub:type`) and DPUB-ARIA roles (`role="doc-…"`).

Blocks: `section`/`article` → `div` (typed from its semantics: chapter, part, preface,
dedication, epigraph, colophon, endnotes…); `h1`–`h6` and `hgroup` → `head`, opening a
nested division when they are not the first thing in one; `p` → `p` (`bridgehead` too,
`rend="bridgehead"`); `blockquote` → `quote` (`type="epigraph"` inside an epigraph);
`ul`/`ol` → `list type="bulleted|ordered"`; `dl` → `list type="gloss"` of labelled items;
`table` → `table` (`th` rows `role="label"`, `colspan`/`rowspan` → `@cols`/`@rows`);
`figure`/`img` → `figure` with `graphic` (the image copied under `media/`) and its caption;
`pre` → `eg`; `hr` → `milestone unit="section"`. In a poem or verse (`z3998:poem`,
`z3998:verse`, `z3998:song`, `z3998:hymn`) each `p` is a stanza `lg`, a line per `br`.

Phrases: `i`/`em` → `hi rend="italic"` (a `se:name.publication.*` → `title`, a
`xml:lang` or `z3998:foreign` → `foreign`), `b`/`strong` → bold, `u` → underline, `s`/`del`
→ strikethrough, `sup`/`sub`, `code` → `code`, `br` → `lb`, `z3998:persona` → `persName`; a
link with a safe target (`teikit.access.is_safe_link`) → `ref`; a link within the book → a
`ref` pointing at the division it names (`resolve_links`), else its text.

Notes: a link that is a `noteref` (or `doc-noteref`) brings the note it points at
(`endnote`, `footnote`, `rearnote`, `doc-endnote`, `doc-footnote`, or any element with
that id) to the point of reference as `note place="end"|"foot"`, `n` the reference's
text; back-links are dropped. A note met by several references is given at the first,
and the others become `ref type="note"`. A notes division left with nothing but its
heading is dissolved, and reported. Everything else keeps its text and is reported by kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ...access import is_safe_link
from ...tei import XML_LANG, children, is_, make, sub
from .blocks import LINK, add_text, as_blocks, fill, tidy
from .common import Media, Unmapped
from .package import join

EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG_IN = "{http://www.w3.org/XML/1998/namespace}lang"

_HEADING = {f"h{k}": k for k in range(1, 7)}
_TRANSPARENT_BLOCKS = {"div", "main", "body", "header", "footer", "nav", "address", "center", "details", "summary"}
_SKIP = {"script", "style", "template", "head", "title", "link", "meta", "noscript"}
_VERSE = {"z3998:poem", "z3998:verse", "z3998:song", "z3998:hymn", "z3998:lyrics"}
_NOTE_REF = {"noteref", "doc-noteref"}
_NOTE = {"endnote", "footnote", "rearnote", "note", "doc-endnote", "doc-footnote", "doc-note"}
_FOOT = {"footnote", "doc-footnote"}
_BACKLINK = {"backlink", "doc-backlink"}
_NOTES_DIV = {"endnotes", "footnotes", "rearnotes", "doc-endnotes"}
# Division types from EPUB structural semantics (a closed list in schema/teikit.rnc).
_DIV_TYPES = {
    "chapter": "chapter",
    "part": "part",
    "volume": "part",
    "z3998:subchapter": "section",
    "subchapter": "section",
    "division": "section",
    "introduction": "introduction",
    "preface": "preface",
    "foreword": "foreword",
    "prologue": "prologue",
    "epilogue": "epilogue",
    "afterword": "afterword",
    "conclusion": "conclusion",
    "dedication": "dedication",
    "epigraph": "epigraph",
    "titlepage": "titlepage",
    "halftitlepage": "titlepage",
    "imprint": "imprint",
    "copyright-page": "imprint",
    "acknowledgments": "acknowledgements",
    "toc": "contents",
    "loi": "prefatory",
    "endnotes": "notes",
    "rearnotes": "notes",
    "footnotes": "notes",
    "doc-endnotes": "notes",
    "bibliography": "bibliography",
    "appendix": "appendix",
    "index": "index",
    "colophon": "colophon",
}
FRONT = {"titlepage", "imprint", "dedication", "epigraph", "preface", "foreword", "acknowledgements", "prefatory"}
BACK = {"notes", "bibliography", "index", "appendix", "colophon"}
_TOPLEVEL = FRONT | BACK | {"chapter", "part", "introduction", "conclusion", "prologue", "epilogue", "afterword"}
_MATTER = {"frontmatter": "prefatory", "backmatter": "appendix", "bodymatter": None}


def localname(el: etree._Element) -> str:
    return etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""


def semantics(el: etree._Element) -> set[str]:
    """The element's epub:type tokens and ARIA role tokens."""
    raw = (el.get(EPUB_TYPE) or el.get("epub:type") or "") + " " + (el.get("role") or "")
    return set(raw.split())


def lang_of(el: etree._Element) -> str | None:
    return el.get(XML_LANG_IN) or el.get("lang")


@dataclass
class Doc:
    member: str
    root: etree._Element


@dataclass
class Converter:
    """Converts the documents of one book; `image(member, src)` gives an image's bytes or None."""

    docs: list[Doc]
    unmapped: Unmapped
    image: Callable[[str, str], bytes | None]
    media: Media = field(default_factory=Media)
    ids: dict = field(default_factory=dict)  # (member, id) -> element
    note_of: dict = field(default_factory=dict)  # noteref element -> note element
    notes: set = field(default_factory=set)  # note elements (brought to their references)
    given: set = field(default_factory=set)  # notes already given at a reference
    refs: int = 0
    dissolved: list = field(default_factory=list)
    div_of: dict = field(default_factory=dict)  # source section -> the division made of it
    member: str = ""
    _figures: list = field(default_factory=list)

    def __post_init__(self) -> None:
        for d in self.docs:
            for el in d.root.iter():
                ident = el.get("id") if isinstance(el.tag, str) else None
                if ident:
                    self.ids.setdefault((d.member, ident), el)
        for d in self.docs:
            for a in d.root.iter():
                if localname(a) != "a" or not (semantics(a) & _NOTE_REF):
                    continue
                target = self._target(d.member, a.get("href") or "")
                if target is not None:
                    self.note_of[a] = target
                    self.notes.add(target)

    def _target(self, member: str, href: str):
        path, _, frag = href.partition("#")
        if not frag or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path):
            return None
        where = join(member, path) if path else member
        return self.ids.get((where, frag))

    # ------------------------------------------------------------------ blocks

    def flow(self, el: etree._Element, verse: bool = False) -> list:
        """The items of a container: ("block", el) | ("head", level, heads, kind) | ("div", el)."""
        items: list = []
        run = make("p")  # phrases met directly in the container
        verse = verse or bool(semantics(el) & _VERSE)

        def close_run() -> None:
            nonlocal run
            if (run.text or "").strip() or len(run):
                items.append(("block", tidy(run)))
            run = make("p")

        add_text(run, el.text)
        for child in el:
            if not isinstance(child.tag, str):
                add_text(run, child.tail)
                continue
            name = localname(child)
            if child in self.notes:
                add_text(run, child.tail)
                continue
            if name in _SKIP:
                if name in ("script", "noscript", "template") and "".join(child.itertext()).strip():
                    self.unmapped.add(f"{name} elements", self.member, "left out (not text of the book)")
                add_text(run, child.tail)
                continue
            if self._is_block(child):
                close_run()
                items.extend(self.block(child, verse))
                self._flush_figures(items)
                add_text(run, child.tail)
            else:
                self.phrase(child, run, verse)
        close_run()
        self._flush_figures(items)
        return items

    def _is_block(self, el: etree._Element) -> bool:
        name = localname(el)
        return name in _HEADING or name in _TRANSPARENT_BLOCKS or name in {
            "p", "section", "article", "aside", "blockquote", "ul", "ol", "dl", "table", "figure",
            "pre", "hr", "hgroup", "li", "dd", "dt", "figcaption", "caption", "math", "svg", "form",
        }  # fmt: skip

    def _flush_figures(self, items: list) -> None:
        for fig in self._figures:
            items.append(("block", fig))
        self._figures = []

    def block(self, el: etree._Element, verse: bool) -> list:
        name = localname(el)
        sem = semantics(el)
        if name in _HEADING:
            return [("head", _HEADING[name], [self.head(el)], None)]
        if name == "hgroup" or (name == "header" and any(localname(c) in _HEADING for c in el)):
            heads = [self.head(c) for c in el if isinstance(c.tag, str)]
            levels = [_HEADING[localname(c)] for c in el if localname(c) in _HEADING]
            return [("head", min(levels, default=6), [h for h in heads if h is not None], None)]
        if name in ("section", "article") and sem & _MATTER.keys() and not any(localname(c) in _HEADING for c in el):
            # a wrapper for the front, body or back matter: its divisions take its role
            items = self.flow(el, verse)
            role = next((_MATTER[t] for t in sem if t in _MATTER), None)
            for it in items:
                if it[0] == "div" and role and not it[1].get("type"):
                    it[1].set("type", role)
            return items
        if name in ("section", "article") or (name == "aside" and not (sem & _NOTE)):
            return [("div", self.division(el, verse))]
        if name in _TRANSPARENT_BLOCKS or name == "aside":
            return self.flow(el, verse)
        if name == "p":
            if verse or sem & _VERSE:
                return [("block", self.stanza(el))]
            p = tidy(self.phrases(el, make("p"), verse))
            if "bridgehead" in sem or "se:bridgehead" in sem:
                p.set("rend", "bridgehead")
            return [("block", p)] if (p.text or len(p)) else []
        if name == "blockquote":
            return [("block", self.quote(el, verse))]
        if name in ("ul", "ol"):
            lst = self.list(el, "ordered" if name == "ol" else "bulleted")
            return [("block", lst)] if lst is not None else []  # none: its items were notes
        if name == "dl":
            return [("block", self.gloss(el))]
        if name == "table":
            return [("block", self.table(el))]
        if name == "figure":
            return [("block", self.figure(el))]
        if name == "pre":
            eg = make("eg")
            eg.text = "".join(el.itertext())
            return [("block", eg)]
        if name == "hr":
            return [("block", make("milestone", unit="section"))]
        # li/dd/dt/figcaption out of place, math, svg, form: the text as a paragraph
        self.unmapped.add(f"{name} elements out of place", self.member, "kept as paragraphs")
        p = tidy(self.phrases(el, make("p"), verse))
        return [("block", p)] if (p.text or len(p)) else []

    def head(self, el: etree._Element) -> etree._Element:
        return tidy(self.phrases(el, make("head"), False))

    def division(self, el: etree._Element, verse: bool = False) -> etree._Element:
        sem = semantics(el)
        kind = next((_DIV_TYPES[t] for t in sorted(sem) if t in _DIV_TYPES), None)
        div = make("div")
        self.div_of[el] = div
        if kind:
            div.set("type", kind)
        if sem & _NOTES_DIV:
            div.set("teikit-notes", "1")
        fill(div, self.flow(el, verse), own_head=True)
        return div

    def stanza(self, el: etree._Element) -> etree._Element:
        lg = make("lg")
        line = make("l")
        for child in [el.text, *el]:
            if isinstance(child, str) or child is None:
                add_text(line, child)
                continue
            if not isinstance(child.tag, str):
                add_text(line, child.tail)
                continue
            if localname(child) == "br":
                if (line.text or "").strip() or len(line):
                    lg.append(tidy(line))
                line = make("l")
                add_text(line, child.tail)
                continue
            if localname(child) == "span" and not semantics(child) and not lang_of(child):
                # a line of its own (EPUB verse markup), unless it shares its line with text
                self.phrases(child, line, True)
                add_text(line, child.tail)
                continue
            self.phrase(child, line, True)
        if (line.text or "").strip() or len(line):
            lg.append(tidy(line))
        if not len(lg):
            lg.append(make("l"))
        return lg

    def quote(self, el: etree._Element, verse: bool) -> etree._Element:
        quote = make("quote")
        if "epigraph" in semantics(el) or (el.getparent() is not None and "epigraph" in semantics(el.getparent())):
            quote.set("type", "epigraph")
        for it in self.flow(el, verse):
            quote.extend(as_blocks(it, allowed=("p", "lg")))
        return quote

    def list(self, el: etree._Element, kind: str) -> etree._Element | None:
        lst = make("list", type=kind)
        for li in el:
            if localname(li) != "li":
                if isinstance(li.tag, str) and "".join(li.itertext()).strip():
                    self.unmapped.add(f"{localname(li)} elements in lists", self.member, "kept as items")
                elif not isinstance(li.tag, str) or not "".join(li.itertext()).strip():
                    continue
            if li in self.notes:
                continue
            lst.append(self.item(li))
        return lst if len(lst) else None

    def item(self, li: etree._Element) -> etree._Element:
        item = make("item")
        items = self.flow(li)
        if len(items) == 1 and items[0][0] == "block" and is_(items[0][1], "p"):
            p = items[0][1]
            item.text = p.text
            for c in p:
                item.append(c)
            return item
        for it in items:
            item.extend(as_blocks(it, allowed=("p", "list")))
        return item

    def gloss(self, el: etree._Element) -> etree._Element:
        lst = make("list", type="gloss")
        item = None
        for c in el:
            if localname(c) == "dt":
                item = sub(lst, "item")
                label = tidy(self.phrases(c, sub(item, "label"), False))
                label.tail = " "
            elif localname(c) == "dd":
                if item is None or len(item) > 1 or item.text:
                    item = sub(lst, "item")
                dd = self.item(c)
                add_text(item, dd.text)
                item.extend(list(dd))
        if not len(lst):
            sub(lst, "item")
        return lst

    def table(self, el: etree._Element) -> etree._Element:
        table = make("table")
        for cap in el.iter():
            if localname(cap) == "caption":
                table.append(self.head(cap))
        for tr in el.iter():
            if localname(tr) != "tr":
                continue
            cells = [c for c in tr if localname(c) in ("td", "th")]
            if not cells:
                continue
            row = sub(table, "row")
            if all(localname(c) == "th" for c in cells):
                row.set("role", "label")
            for c in cells:
                cell = sub(row, "cell")
                for attr, tei in (("colspan", "cols"), ("rowspan", "rows")):
                    v = c.get(attr, "1")
                    if v.isdigit() and int(v) > 1:
                        cell.set(tei, v)
                items = self.flow(c)
                if len(items) == 1 and items[0][0] == "block" and is_(items[0][1], "p"):
                    p = items[0][1]
                    cell.text = p.text
                    cell.extend(list(p))
                else:
                    for it in items:
                        cell.extend(as_blocks(it, allowed=("p",)))
        if not len(children(table, "row")):
            sub(sub(table, "row"), "cell")
        return table

    def figure(self, el: etree._Element) -> etree._Element:
        fig = make("figure")
        for node in el.iter():
            name = localname(node)
            if name == "img":
                self.graphic(node, fig)
            elif name == "figcaption":
                fig.append(self.head(node))
        for node in el:
            if localname(node) not in ("img", "figcaption") and isinstance(node.tag, str):
                for it in self.flow(node):
                    fig.extend(as_blocks(it, allowed=("p",)))
        return fig

    def graphic(self, img: etree._Element, fig: etree._Element) -> None:
        src = img.get("src") or ""
        alt = (img.get("alt") or "").strip()
        url = None
        if src and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) and not src.startswith("//"):
            data = self.image(self.member, src)
            if data is not None:
                url = self.media.add(join(self.member, src) or src, data)
            else:
                self.unmapped.add(
                    "images not found (missing, or outside the input's folder)",
                    self.member,
                    "kept as their description",
                )
        elif src and is_safe_link(src):
            url = src
        elif src:
            self.unmapped.add("images with unsafe addresses", self.member, "kept as their description")
        if url:
            sub(fig, "graphic", url=url)
        if alt:
            sub(fig, "figDesc", alt)

    # ------------------------------------------------------------------ phrases

    def phrases(self, el: etree._Element, into: etree._Element, verse: bool) -> etree._Element:
        add_text(into, el.text)
        for child in el:
            if isinstance(child.tag, str):
                self.phrase(child, into, verse)
            else:
                add_text(into, child.tail)
        return into

    def phrase(self, el: etree._Element, into: etree._Element, verse: bool) -> None:
        name = localname(el)
        sem = semantics(el)
        target = into
        if name == "a":
            target = self.link(el, into)
        elif name in ("i", "em", "cite", "dfn", "var"):
            if any(t.startswith("se:name.publication") for t in sem):
                target = sub(into, "title")
            elif lang_of(el) or "z3998:foreign" in sem:
                target = sub(into, "foreign")
            else:
                target = sub(into, "hi", rend="italic")
        elif name in ("b", "strong"):
            target = sub(into, "hi", rend="bold")
        elif name in ("u", "ins"):
            target = sub(into, "hi", rend="underline")
        elif name in ("s", "strike", "del"):
            target = sub(into, "hi", rend="strikethrough")
        elif name in ("sup", "sub"):
            only_ref = len(el) == 1 and el[0] in self.note_of and not (el.text or "").strip()
            if not only_ref:
                target = sub(into, "hi", rend="superscript" if name == "sup" else "subscript")
        elif name in ("code", "kbd", "samp", "tt"):
            target = sub(into, "code")
        elif name == "br":
            sub(into, "lb")
        elif name == "img":
            fig = make("figure")
            self.graphic(el, fig)
            self._figures.append(fig)
            self.unmapped.add("images within a paragraph", self.member, "placed after the paragraph")
        elif "z3998:persona" in sem:
            target = sub(into, "persName")
        elif name in _SKIP:
            target = None
        elif lang_of(el) and name == "span":
            target = sub(into, "foreign")
        elif name not in ("span", "abbr", "q", "small", "big", "time", "data", "mark", "bdi", "bdo", "wbr", "font"):
            self.unmapped.add(f"{name} elements", self.member, "their text kept")
        if target is not None and target is not into and lang_of(el) and is_(target, "foreign"):
            target.set(XML_LANG, lang_of(el) or "")
        if target is not None and name != "a" and name != "br" and name != "img":
            self.phrases(el, target, verse)
        add_text(into, el.tail)

    def link(self, a: etree._Element, into: etree._Element) -> etree._Element | None:
        """A note, a back-link (dropped), a ref, or the link's text alone; returns where its
        content goes (None when it is dealt with)."""
        sem = semantics(a)
        if a in self.note_of:
            self.note(a, into)
            return None
        if sem & _BACKLINK:
            return None
        href = (a.get("href") or "").strip()
        external = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or href.startswith("//")
        if href and external and is_safe_link(href):
            ref = sub(into, "ref", target=href)
            self.phrases(a, ref, False)
            return None
        if href and external:
            self.unmapped.add("links with unsafe targets", self.member, "kept as text")
        elif href:  # within the book: resolved to a division by `resolve_links`, or text
            path, _, frag = href.partition("#")
            ref = sub(into, "ref")
            ref.set(LINK, f"{join(self.member, path) if path else self.member}#{frag}")
            self.phrases(a, ref, False)
            return None
        self.phrases(a, into, False)
        return None

    def note(self, a: etree._Element, into: etree._Element) -> None:
        target = self.note_of[a]
        n = re.sub(r"[\s\[\]()]", "", "".join(a.itertext())) or str(len(self.given) + 1)
        if target in self.given:
            ref = sub(into, "ref", n, type="note", n=n)
            ref.text = n
            return
        self.given.add(target)
        self.refs += 1
        sem = semantics(target)
        note = sub(into, "note", place="foot" if sem & _FOOT else "end", n=n)
        outer = self.member
        self.member = _member_of(target, self.docs) or outer
        for it in self.flow(target):
            note.extend(as_blocks(it, allowed=("p", "quote", "lg", "list", "table", "figure", "eg")))
        self.member = outer
        if len(note) == 1 and is_(note[0], "p") and not note[0].attrib:
            p = note[0]  # a one-paragraph note is the paragraph's phrases
            note.remove(p)
            note.text = p.text
            note.extend(list(p))


def _member_of(el: etree._Element, docs: list[Doc]) -> str | None:
    root = el.getroottree().getroot()
    return next((d.member for d in docs if d.root is root), None)
