"""The Word reader on documents built here part by part (no Word library): paragraph and
character styles that name TEI elements, custom styles kept as `rend`, and what is not
mapped reported by kind and place."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from readers_measure import invalid
from teikit.convert import convert

NS = {"t": "http://www.tei-c.org/ns/1.0"}
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)


def build_docx(path: Path, body: str, styles: dict[str, tuple[str, str]]) -> Path:
    """A minimal Word package: `body` (the w:body's paragraphs), `styles` id -> (type, name)."""
    style_xml = "".join(
        f'<w:style w:type="{kind}" w:styleId="{ident}"><w:name w:val="{name}"/></w:style>'
        for ident, (kind, name) in styles.items()
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{style_xml}</w:styles>')
        z.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W_NS}" '
            'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return path


def para(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    runs = "<w:r><w:br/></w:r>".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in text.split("|"))
    return f"<w:p>{ppr}{runs}</w:p>"


def run(text: str, style: str | None = None) -> str:
    rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


STYLES = {
    "H1": ("paragraph", "heading 1"),
    "Zitat": ("paragraph", "Zitat"),
    "Quote": ("paragraph", "Quote"),
    "tquote": ("paragraph", "tei:quote"),
    "Verse": ("paragraph", "Verse"),
    "Poem": ("paragraph", "Poem"),
    "Lg": ("paragraph", "lg"),
    "Bibliography": ("paragraph", "Bibliography"),
    "bibl": ("paragraph", "bibl"),
    "Teil": ("paragraph", "Teil"),
    "Marginalie": ("paragraph", "Marginalie"),
    **{name: ("character", name) for name in ("persName", "placeName", "orgName", "date", "foreign", "title", "term")},
    "teiterm": ("character", "teiterm"),
    "tei_foreign": ("character", "tei_foreign"),
    "TEIplace": ("character", "TEI placeName"),
    "Glosse": ("character", "Glosse"),
}


def _convert(tmp_path: Path, body: str):
    src = build_docx(tmp_path / "styles.docx", para("Stile", "H1") + body, STYLES)
    report = convert(src, tmp_path / "out")
    root = etree.parse(str(tmp_path / "out" / "ch01.xml")).getroot()
    assert invalid(tmp_path / "out") == {}
    return root.find(".//t:body/t:div", NS), report


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_paragraph_styles_that_name_tei_elements(tmp_path):
    body = (
        para("Ein Zitat.", "Zitat")
        + para("Still quoted.", "Zitat")
        + para("Plain text between.")
        + para("A built-in quote.", "Quote")
        + para("Text.")
        + para("A tei:quote.", "tquote")
        + para("First line|second line", "Verse")
        + para("Other text.")
        + para("Poem line one|Poem line two", "Poem")
        + para("Lg line", "Lg")
        + para("Other text.")
        + para("Smith, A Book, 1900.", "Bibliography")
        + para("Jones, Another, 1901.", "Bibliography")
        + para("Brown, Third, 1902.", "bibl")
        + para("Between the bibliographies.")
        + para("Alone, Single Work, 1903.", "bibl")
        + para("Ein Teil, kein Vers.", "Teil")
        + para("In the margin.", "Marginalie")
    )
    div, _ = _convert(tmp_path, body)
    blocks = [(etree.QName(el).localname, el.get("rend"), _text(el)) for el in div if not el.tag.endswith("head")]
    assert blocks == [
        ("quote", None, "Ein Zitat. Still quoted."),
        ("p", None, "Plain text between."),
        ("quote", None, "A built-in quote."),
        ("p", None, "Text."),
        ("quote", None, "A tei:quote."),
        ("lg", None, "First line second line"),
        ("p", None, "Other text."),
        ("lg", None, "Poem line one Poem line two Lg line"),
        ("p", None, "Other text."),
        ("listBibl", None, "Smith, A Book, 1900. Jones, Another, 1901. Brown, Third, 1902."),
        ("p", None, "Between the bibliographies."),
        ("bibl", None, "Alone, Single Work, 1903."),
        ("p", "Teil", "Ein Teil, kein Vers."),
        ("p", "Marginalie", "In the margin."),
    ]
    assert [len(q) for q in div.iterfind("t:quote", NS)] == [2, 1, 1]
    assert [_text(line) for line in div.find("t:lg", NS)] == ["First line", "second line"]
    assert [_text(b) for b in div.find("t:listBibl", NS)] == [
        "Smith, A Book, 1900.",
        "Jones, Another, 1901.",
        "Brown, Third, 1902.",
    ]


def test_character_styles_that_name_tei_elements(tmp_path):
    names = ("persName", "placeName", "orgName", "date", "foreign", "title", "term")
    body = "<w:p>" + "".join(run(f"{n} text ", n) for n in names) + run("teiterm text ", "teiterm")
    body += run("tei_foreign text ", "tei_foreign") + run("TEI placeName text ", "TEIplace")
    body += run("glossed", "Glosse") + "</w:p>"
    div, _ = _convert(tmp_path, body)
    p = div.find("t:p", NS)
    found = [(etree.QName(el).localname, el.get("rend"), _text(el)) for el in p]
    assert found == [(n, None, f"{n} text") for n in names] + [
        ("term", None, "teiterm text"),
        ("foreign", None, "tei_foreign text"),
        ("placeName", None, "TEI placeName text"),
        ("seg", "Glosse", "glossed"),
    ]


def test_what_is_not_mapped_is_reported_by_kind_and_place(tmp_path):
    graphic = (
        '<w:r><w:drawing><wp:inline><wp:docPr id="1" name="x"/><a:graphic><a:graphicData uri="{uri}"/>'
        "</a:graphic></wp:inline></w:drawing></w:r>"
    )
    body = (
        "<w:p>"
        + run("Before the chart. ")
        + graphic.format(uri="http://schemas.openxmlformats.org/drawingml/2006/chart")
        + graphic.format(uri="http://schemas.openxmlformats.org/drawingml/2006/diagram")
        + "<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> AUTHOR </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("Field result")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:fldSimple w:instr=" MERGEFIELD Name "><w:r><w:t> Merged</w:t></w:r></w:fldSimple>'
        + "</w:p>"
    )
    div, report = _convert(tmp_path, body)
    assert _text(div.find("t:p", NS)) == "Before the chart. x=1Field result Merged"
    said = sorted(f.message for f in report.of_kind("not-mapped"))
    assert said == [
        "docx: 1 AUTHOR fields, their shown result kept (first in word/document.xml)",
        "docx: 1 MERGEFIELD fields, their shown result kept (first in word/document.xml)",
        "docx: 1 SmartArt diagrams, left out (first in word/document.xml)",
        "docx: 1 charts, left out (first in word/document.xml)",
        "docx: 1 equations, their text kept (first in word/document.xml)",
    ]
