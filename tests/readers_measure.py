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


def missing(source: Counter, output: Counter) -> Counter:
    """The source's words the output lacks, with how many times."""
    return Counter({w: n - output[w] for w, n in source.items() if output[w] < n})


def kept(source: Counter, output: Counter) -> float:
    total = sum(source.values())
    return 1.0 if not total else sum(min(n, output[w]) for w, n in source.items()) / total


_PHRASES = {"hi", "title", "foreign", "persName", "placeName", "orgName", "date", "ref", "num", "term", "seg", "code"}
_PHRASES |= {"add", "del", "anchor", "forename", "surname", "roleName", "addName"}


_XHTML_PHRASES = {"a", "abbr", "b", "i", "em", "strong", "span", "sup", "sub", "cite", "code", "small", "q", "s", "u"}
_XHTML_PHRASES |= {"time", "dfn", "var", "kbd", "samp", "mark", "bdi", "bdo", "data"}


def _spaced(el, phrases=_PHRASES):
    """The element's text as a reader sees it: phrases run on, anything else (a block, a
    note, a line break) stands apart."""
    yield el.text or ""
    for child in el:
        if not isinstance(child.tag, str):
            yield child.tail or ""
            continue
        apart = (
            etree.QName(child).localname not in phrases
            or "noteref" in (child.get(EPUB_TYPE) or "")
            or (child.tag == TEI + "ref" and child.get("type") == "note")
        )
        if apart:
            yield " "
        yield from _spaced(child, phrases)
        if apart:
            yield " "
        yield child.tail or ""


def output_words(outdir: Path) -> Counter:
    """The words of every text of an edition (registers and the corpus file aside), and the
    numbers of its notes (a reference's mark is the note's @n)."""
    c: Counter = Counter()
    for f in sorted(Path(outdir).glob("*.xml")):
        root = etree.parse(str(f), safe_parser()).getroot()
        if root.tag == TEI + "teiCorpus" or f.name in ("persons.xml", "places.xml", "orgs.xml"):
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
    """The words of the spine's documents' bodies, and their noterefs (a packaged EPUB of
    the corpus or of the tests is unpacked into a temporary folder to be measured)."""
    if folder.is_file():  # a packaged EPUB: measured unpacked
        import tempfile

        with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(folder) as z:
            z.extractall(tmp)
            return epub_source(Path(tmp))
    opf_path = sorted(folder.rglob("*.opf"))[0]
    opf = etree.parse(str(opf_path), safe_parser()).getroot()
    items = {i.get("id"): i.get("href") for i in opf.iter(OPF + "item")}
    c: Counter = Counter()
    refs = 0
    for ref in opf.iter(OPF + "itemref"):
        doc = etree.parse(str(opf_path.parent / items[ref.get("idref")]), safe_parser()).getroot()
        body = doc.find(XHTML + "body")
        c.update(words("".join(_spaced(body, _XHTML_PHRASES))))
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


def png(width: int = 1, height: int = 1) -> bytes:
    """A small red PNG image, made here (so that no binary file needs to be committed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def zip_folder(folder: Path, out: Path, extra: dict | None = None, first: str | None = None) -> Path:
    """Pack a folder (and `extra` members, name -> bytes) into a zip file, in name order
    (`first`, e.g. an EPUB's `mimetype`, stored first and uncompressed)."""
    members = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    members.update(extra or {})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if first is not None:
            z.writestr(zipfile.ZipInfo(first, date_time=(2020, 1, 1, 0, 0, 0)), members.pop(first))
        for name in sorted(members):
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), members[name], zipfile.ZIP_DEFLATED)
    return out


ROOT = Path(__file__).resolve().parent.parent
# The shared development corpus and TEI P5 (../shared beside the project; TEIKIT_SHARED elsewhere).
SHARED = Path(__import__("os").environ.get("TEIKIT_SHARED") or ROOT.parent / "shared")
CORPUS = SHARED / "corpus"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
DATA = Path(__file__).resolve().parent / "data" / "readers"


def invalid(outdir: Path) -> dict:
    """Files of an edition that a schema refuses: teikit's, and TEI P5 when it is at hand."""
    from teikit.validate import validate

    bad = {}
    schemas = [ROOT / "schema" / "teikit.rng"] + ([TEI_ALL] if TEI_ALL.is_file() else [])
    for schema in schemas:
        run = validate([outdir], schema=str(schema))
        for r in run.results:
            if not r.valid:
                bad[(schema.name, Path(r.path).name)] = [p.message for p in r.errors][:3]
    return bad
