"""What the structured readers share: the facts they provide, nesting by heading level,
division ids, media, and the report of what was not mapped.

A structured reader returns the tree the text passes would have made: `text` with an
optional `front` (a `titlePage` and typed divisions), a `body` of divisions, each with an
`xml:id` naming its document (`ch01`, `introduction`...), and an optional `back`.
Headings nest by level: a heading opens a division inside the nearest open one of a
higher level; the highest level found is the body's. Blocks before the first heading
are front matter (`div type="prefatory"`), or the only chapter when there is no heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ...report import Report
from ...tei import XML_ID, children, is_, make, q, unique_id

# The facts a structured reader establishes itself (see teikit.pipeline.Registry.after_reader).
# The text passes that read raw lines or the source's line breaks (the ebook wrapper, notes in
# the text's stream, sidenotes, plays, letters and verse told by their lines) have nothing to do
# on a document whose structure its format states.
PROVIDES = (
    "blocks",
    "wrapper",
    "note-bodies",
    "footnotes",
    "sidenotes",
    "speeches",
    "letters",
    "verse",
    "outline",
    "divisions",
    "furniture-removed",
    "paragraphs",
    "figures",
    "notes",
    "bibliography",
    "indexes",
    "inline",
    "title-page",
)

_WORD = re.compile(r"\w+")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
SUB_TYPES = ("chapter", "section", "subsection")


def words(text: str) -> Counter:
    """The words of a text (runs of letters and digits), counted."""
    return Counter(_WORD.findall(text))


def kept(source: Counter, output: Counter) -> float:
    """The share of the source's words found in the output (1.0 for an empty source)."""
    total = sum(source.values())
    return 1.0 if not total else sum(min(n, output[w]) for w, n in source.items()) / total


@dataclass
class Unmapped:
    """What a reader met and could not map, counted by kind, with where it was first seen."""

    fmt: str
    seen: Counter = field(default_factory=Counter)
    first: dict = field(default_factory=dict)
    kept_as: dict = field(default_factory=dict)

    def add(self, kind: str, where: str, kept_as: str = "its text kept") -> None:
        self.seen[kind] += 1
        self.first.setdefault(kind, where)
        self.kept_as[kind] = kept_as

    def report(self, report: Report) -> None:
        for kind in sorted(self.seen):
            n = self.seen[kind]
            report.add(
                "not-mapped",
                None,
                f"{self.fmt}: {n} {kind}, {self.kept_as[kind]} (first in {self.first[kind]})",
            )


@dataclass
class Media:
    """Files of the input to copy beside the output, under `media/`, by their new names."""

    files: dict[str, bytes] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)

    def add(self, source_name: str, data: bytes) -> str:
        """The path (relative to the output folder) the file gets; the same source, the same path."""
        if source_name in self._names:
            return self._names[source_name]
        base = _SAFE_NAME.sub("-", source_name.rsplit("/", 1)[-1]).strip(".-") or "image"
        name, k = f"media/{base}", 2
        while name in self.files:
            stem, dot, ext = base.rpartition(".")
            name = f"media/{stem or base}-{k}{dot}{ext if stem else ''}"
            k += 1
        self.files[name] = data
        self._names[source_name] = name
        return name


@dataclass
class Section:
    level: int
    heads: list
    type: str | None = None
    blocks: list = field(default_factory=list)


class Outline:
    """Headings and blocks in reading order, nested into divisions at `finish`."""

    def __init__(self) -> None:
        self.pre: list = []
        self.sections: list[Section] = []

    def heading(self, level: int, heads: list, type: str | None = None) -> None:
        self.sections.append(Section(level, heads, type))

    def block(self, el: etree._Element) -> None:
        (self.sections[-1].blocks if self.sections else self.pre).append(el)

    def divisions(self, top_type: str = "chapter") -> list[etree._Element]:
        """The top-level divisions, subdivisions nested by level."""
        if not self.sections:
            return []
        top = min(s.level for s in self.sections)
        out: list[etree._Element] = []
        stack: list[tuple[int, etree._Element]] = []
        for s in self.sections:
            while stack and stack[-1][0] >= s.level:
                stack.pop()
            depth = len(stack)
            kind = s.type or (top_type if depth == 0 else SUB_TYPES[min(depth, 2)])
            div = make("div", type=kind)
            for h in s.heads:
                div.append(h)
            for b in s.blocks:
                div.append(b)
            if stack:
                stack[-1][1].append(div)
            else:
                out.append(div)
            stack.append((s.level if s.level >= top else top, div))
        return out


def assemble(tei: etree._Element, front: list, body: list, back: list, title_page=None) -> None:
    """Put the divisions into tei/text (front, body, back), make every division's content
    fit (blocks before subdivisions), and give body divisions their ids."""
    text = tei.find(q("text"))
    if text is None:
        text = etree.SubElement(tei, q("text"))
    if title_page is not None or front:
        fr = etree.SubElement(text, q("front"))
        if title_page is not None:
            fr.append(title_page)
        for d in front:
            fr.append(d)
    bd = etree.SubElement(text, q("body"))
    for d in body:
        bd.append(d)
    if not len(bd):
        etree.SubElement(bd, q("div"), type="chapter")
    if back:
        bk = etree.SubElement(text, q("back"))
        for d in back:
            bk.append(d)
    for div in list(text.iter(q("div"))):
        _blocks_first(div)
    assign_ids(bd)


def _blocks_first(div: etree._Element) -> None:
    """A division holds its blocks before its subdivisions: blocks that follow a
    subdivision go into a division of their own (no heading) in their place."""
    run: list = []
    seen_div = False
    for child in children(div):
        if is_(child, "div"):
            seen_div = True
            if run:
                _wrap(run)
                run = []
        elif seen_div and not is_(child, "head"):
            run.append(child)
    if run:
        _wrap(run)


def _wrap(run: list) -> None:
    parent = run[0].getparent()
    kind = "section" if parent.get("type") in ("chapter", "part") else "subsection"
    new = make("div", type=kind)
    run[0].addprevious(new)
    for el in run:
        new.append(el)


def assign_ids(body: etree._Element) -> None:
    """Each body division's id names its document: ch01, ch02 … for chapters (numbered
    in order), part01 … for parts, the type for others (introduction, conclusion-2)."""
    seen: set[str] = set()
    counts: Counter = Counter()
    for div in children(body, "div"):
        kind = div.get("type") or "chapter"
        if kind in ("chapter", "part"):
            counts[kind] += 1
            base = f"{'ch' if kind == 'chapter' else 'part'}{counts[kind]:02d}"
        else:
            base = kind
        div.set(XML_ID, unique_id(base, seen))


def new_tree() -> etree._Element:
    tei = make("TEI")
    etree.SubElement(tei, q("teiHeader"))
    etree.SubElement(tei, q("text"))
    return tei


# The roles of a book's contributors, by MARC relator code (OPF `role`) or by the word front
# matter and document properties use, as the header names them: author, the editor roles
# of the schema (translator, editor, illustrator, compiler), or the role's own words.
RELATORS = {
    "aut": "author",
    "author": "author",
    "trl": "translator",
    "translator": "translator",
    "edt": "editor",
    "editor": "editor",
    "ill": "illustrator",
    "illustrator": "illustrator",
    "com": "compiler",
    "compiler": "compiler",
    "art": "artist",
    "cov": "cover designer",
    "bkp": "book producer",
    "ctb": "contributor",
    "nrt": "narrator",
    "aui": "author of introduction",
    "aft": "author of afterword",
    "ann": "annotator",
    "tyd": "type designer",
    "pht": "photographer",
    "pbl": "publisher",
    "red": "redactor",
    "trc": "transcriber",
    "blw": "blurb writer",
    "mrk": "markup editor",
    "pfr": "proofreader",
    "tyg": "typographer",
    "wat": "writer of added text",
    "dto": "dedicator",
    "win": "writer of introduction",
    "wpr": "writer of preface",
}

_ISBN = re.compile(r"(?:urn:isbn:|isbn:?\s*)?((?:97[89])?\d{9}[\dX])", re.I)
_DOI = re.compile(r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.I)
_UUID = re.compile(r"(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", re.I)
_URI = re.compile(r"[a-z][a-z0-9+.-]*:\S+", re.I)
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def identifier(value: str) -> tuple[str, str] | None:
    """An identifier as the header's `idno` gives it: (type, value) for an ISBN (its digits),
    a DOI (without its resolver), a UUID (without `urn:uuid:`) or another URI; None for a
    bare string whose kind cannot be told."""
    value = value.strip()
    if m := _ISBN.fullmatch(value.replace("-", "").replace(" ", "")):
        return "ISBN", m.group(1).upper()
    if m := _DOI.fullmatch(value):
        return "DOI", m.group(1)
    if m := _UUID.fullmatch(value):
        return "UUID", m.group(1).lower()
    if _URI.fullmatch(value):
        return "URI", value
    return None


def add_identifier(book, value: str) -> bool:
    """Put an identifier into a `teiheader.Book` (ISBNs with the ISBNs); False when its kind is unknown."""
    found = identifier(value)
    if found is None:
        return False
    kind, ident = found
    if kind == "ISBN":
        if ident not in [i for i, _ in book.isbns]:
            book.isbns.append((ident, ""))
    elif (kind, ident) not in book.identifiers:
        book.identifiers.append((kind, ident))
    return True


def language_tag(value: str | None) -> str | None:
    """A language as metadata writes it (`en-US`, `de_DE`, `fr`) as a BCP 47 tag, or None."""
    tag = (value or "").strip().replace("_", "-")
    return tag if _LANGUAGE.fullmatch(tag) else None
