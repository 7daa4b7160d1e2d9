"""Measures of a reader's output against its input, computed from the input independently
of the reader: the words of the input's text, the note references it holds."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

from teikit.xmlio import safe_parser

TEI = "{http://www.tei-c.org/ns/1.0}"
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    return Counter(_WORD.findall(text))


def kept(source: Counter, output: Counter) -> float:
    total = sum(source.values())
    return 1.0 if not total else sum(min(n, output[w]) for w, n in source.items()) / total


_PHRASES = {"hi", "title", "foreign", "persName", "placeName", "orgName", "date", "ref", "num", "term", "seg", "code"}
_PHRASES |= {"add", "del", "anchor", "forename", "surname", "roleName", "addName"}


def _spaced(el):
    """The element's text as a reader sees it: phrases run on, anything else (a block, a
    note, a line break) stands apart."""
    yield el.text or ""
    for child in el:
        apart = etree.QName(child).localname not in _PHRASES
        if apart:
            yield " "
        yield from _spaced(child)
        if apart:
            yield " "
        yield child.tail or ""


def output_words(outdir: Path) -> Counter:
    """The words of every text of an edition (registers and the corpus file aside), and the
    numbers of its notes (a reference's mark is the note's @n)."""
    c: Counter = Counter()
    for f in sorted(Path(outdir).glob("*.xml")):
        root = etree.parse(str(f), safe_parser()).getroot()
        if root.tag == TEI + "teiCorpus" or f.name in ("persons.xml", "places.xml"):
            continue
        for text in root.iter(TEI + "text"):
            c.update(words("".join(_spaced(text))))
            for note in text.iter(TEI + "note"):
                c.update(words(note.get("n") or ""))
    return c


def output_notes(outdir: Path) -> int:
    """Notes placed in the text (foot and end notes), over the edition's documents."""
    n = 0
    for f in sorted(Path(outdir).glob("*.xml")):
        root = etree.parse(str(f), safe_parser()).getroot()
        if root.tag != TEI + "teiCorpus":
            n += len(root.xpath("//t:text//t:note[@place]", namespaces={"t": TEI[1:-1]}))
    return n


def docx_source(path: Path) -> tuple[Counter, int]:
    """The words Word shows (w:t, w:delText, w:sym aside) in the body, notes and comments,
    and the footnote and endnote references of the body."""
    c: Counter = Counter()
    refs = 0
    with zipfile.ZipFile(path) as z:
        for part in ("document", "footnotes", "endnotes", "comments"):
            name = f"word/{part}.xml"
            if name not in z.namelist():
                continue
            root = etree.fromstring(z.read(name), safe_parser())
            text: list[str] = []  # a paragraph's runs joined as Word shows them
            for event, el in etree.iterwalk(root, events=("start", "end")):
                if event == "start" and el.tag in (W_NS + "t", W_NS + "delText"):
                    text.append(el.text or "")
                elif event == "start" and el.tag in (W_NS + "tab", W_NS + "br", W_NS + "cr"):
                    text.append(" ")
                elif event == "start" and el.tag == W_NS + "noBreakHyphen":
                    text.append("\u2011")
                elif event == "end" and el.tag in (W_NS + "p", W_NS + "footnoteReference", W_NS + "endnoteReference"):
                    text.append(" ")
            c.update(words("".join(text)))
            if part == "document":
                refs = len(list(root.iter(W_NS + "footnoteReference", W_NS + "endnoteReference")))
    return c, refs


def epub_source(folder: Path) -> tuple[Counter, int]:
    """The words of the spine's documents' bodies, and their noterefs."""
    opf_path = next(folder.glob("*.opf"))
    opf = etree.parse(str(opf_path), safe_parser()).getroot()
    items = {i.get("id"): i.get("href") for i in opf.iter(OPF + "item")}
    c: Counter = Counter()
    refs = 0
    for ref in opf.iter(OPF + "itemref"):
        doc = etree.parse(str(opf_path.parent / items[ref.get("idref")]), safe_parser()).getroot()
        body = doc.find(XHTML + "body")
        c.update(words(" ".join(body.itertext())))
        refs += sum(1 for a in body.iter(XHTML + "a") if "noteref" in (a.get(EPUB_TYPE) or "").split())
    return c, refs


def markdown_source(path: Path) -> tuple[Counter, int]:
    """The words of a Markdown file's text as the CommonMark tokens hold it (front matter
    included), and its footnote references."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"html": True}).use(footnote_plugin).use(front_matter_plugin)
    md.enable(["table", "strikethrough"])
    c: Counter = Counter()
    refs = 0
    apart = ("softbreak", "hardbreak", "footnote_ref", "html_inline", "image")

    def inline(tokens) -> str:
        nonlocal refs
        out = []
        for t in tokens:
            refs += t.type == "footnote_ref"
            if t.type in ("text", "code_inline"):
                out.append(t.content)
            elif t.type in apart:
                out.append(" " + (t.content if t.type == "image" else "") + " ")
        return "".join(out)

    def walk(tokens) -> None:
        for t in tokens:
            if t.type == "inline":
                c.update(words(inline(t.children or [])))
            elif t.type in ("code_block", "fence"):
                c.update(words(t.content))
            elif t.type == "html_block":
                c.update(words(re.sub(r"<[^>]*>", " ", t.content)))

    walk(md.parse(path.read_text(encoding="utf-8")))
    return c, refs
