"""The Markdown reader on a file written for the tests (tests/data/readers/sample.md) and on
the development corpus (../shared/corpus/markdown)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from readers_measure import CORPUS, DATA, invalid, kept, markdown_source, missing, output_notes, output_words, png
from teikit.convert import convert

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("md")
    book = tmp / "book"
    book.mkdir()
    src = Path(shutil.copy(DATA / "sample.md", book / "sample.md"))
    (book / "dot.png").write_bytes(png())
    (tmp / "outside.png").write_bytes(png())
    report = convert(src, tmp / "out")
    docs = {p.name: etree.parse(str(p)).getroot() for p in (tmp / "out").glob("*.xml")}
    return src, tmp / "out", report, docs


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_front_matter_fills_the_header_and_title_page(edition):
    _, _, report, docs = edition
    stmt = docs["ch01.xml"].find(".//t:titleStmt", NS)
    assert stmt.findtext("t:title[@type='main']", namespaces=NS) == "A Markdown Sample"
    assert stmt.findtext("t:title[@type='sub']", namespaces=NS) == "Footnotes and Tables"
    assert stmt.findtext("t:author", namespaces=NS) == "Mary Writer and Sam Second"
    tp = docs["front.xml"].find(".//t:titlePage", NS)
    assert tp.find("t:docDate", NS).get("when") == "2021-04-03"
    assert [f.text for f in report.of_kind("metadata-not-in-header")] == ["keywords"]
    assert docs["ch01.xml"].find(".//t:body/t:div", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_language_rights_identifiers_contributors_and_source_reach_the_header(edition):
    _, _, _, docs = edition
    for name in ("ch01.xml", "sample.xml"):
        header = docs[name].find("t:teiHeader", NS)
        assert header.find("t:profileDesc/t:langUsage/t:language", NS).get("ident") == "en"
        stmt = header.find(".//t:titleStmt", NS)
        assert [(e.get("role"), e.text) for e in stmt.iterfind("t:editor", NS)] == [
            ("translator", "Tina Translator"),
            ("editor", "Ed One"),
            ("editor", "Ed Two"),
        ]
        rights = [_text(p) for p in header.iterfind(".//t:availability/t:p", NS)]
        assert rights[0].startswith("Encoded edition made with teikit from Markdown;")
        assert rights[1] == "The source states its rights: CC BY 4.0, https://creativecommons.org/licenses/by/4.0/"
        mono = header.find(".//t:monogr", NS)
        assert [(i.get("type"), i.text) for i in mono.iterfind("t:idno", NS)] == [
            ("ISBN", "9780000000002"),
            ("UUID", "5a2c8e1f-3b4d-4c6e-8f0a-1b2c3d4e5f60"),
        ]
        assert (
            header.findtext(".//t:biblStruct/t:note[@type='source']", namespaces=NS) == "https://example.org/original"
        )
    assert docs["ch01.xml"].find("t:text", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_headings_nest_and_text_before_the_first_is_front_matter(edition):
    _, _, _, docs = edition
    assert sorted(docs) == ["ch01.xml", "ch02.xml", "front.xml", "sample.xml"]
    pre = docs["front.xml"].find(".//t:div[@type='prefatory']", NS)
    assert _text(pre) == "Some words before the first heading."
    ch1 = docs["ch01.xml"].find(".//t:body/t:div", NS)
    assert _text(ch1.find("t:head", NS)) == "First Chapter"
    assert ch1.find("t:div[@type='section']/t:head", NS).text == "A Section"


def test_footnotes_numbered_and_named_at_their_references(edition):
    _, _, _, docs = edition
    p = docs["ch01.xml"].find(".//t:body/t:div/t:p", NS)
    notes = p.findall("t:note", NS)
    assert [(n.get("place"), n.get("n")) for n in notes] == [("foot", "1"), ("foot", "2")]
    assert _text(notes[0]) == "The first note, numbered."
    assert [_text(x) for x in notes[1].findall("t:p", NS)] == [
        "A named note, defined mid-text, with a second line.",
        "And a second paragraph.",
    ]
    assert notes[0].getprevious().tag.endswith("hi")  # right after "... and a footnote."
    again = docs["ch02.xml"].find(".//t:ref[@type='note']", NS)
    assert again.get("n") == "1"


def test_commonmark_blocks_and_phrases(edition):
    _, out, report, docs = edition
    ch1 = docs["ch01.xml"]
    p = ch1.find(".//t:body/t:div/t:p", NS)
    assert [(h.get("rend"), h.text) for h in p.iterfind("t:hi", NS)] == [
        ("italic", "emphasis"),
        ("bold", "strong"),
        ("strikethrough", "struck"),
    ]
    assert p.find("t:code", NS).text == "code"
    assert _text(ch1.find(".//t:quote", NS)) == "A block quotation over two lines."
    lst = ch1.find(".//t:list[@type='ordered']", NS)
    assert [i.find("t:list", NS) is not None for i in lst.iterfind("t:item", NS)] == [False, True]
    rows = ch1.findall(".//t:table/t:row", NS)
    assert rows[0].get("role") == "label" and [c.text for c in rows[2]] == ["c", "d"]
    assert [r.get("target") for r in ch1.iterfind(".//t:ref", NS)] == ["https://example.org/"]
    assert ch1.find(".//t:eg", NS).text == 'print("code block")\n'
    graphics = [g.get("url") for g in ch1.iterfind(".//t:graphic", NS)]
    assert graphics == ["media/dot.png"] and (out / "media" / "dot.png").read_bytes() == png()
    assert any("images not found" in f.message for f in report.of_kind("not-mapped"))


def test_every_word_is_kept_and_valid(edition):
    src, out, _, _ = edition
    source, refs = markdown_source(src)
    assert missing(source, output_words(out)) == {}
    assert refs == 3 and output_notes(out) == 2  # three references to two notes
    assert invalid(out) == {}


MARKDOWN = sorted(
    p for p in (CORPUS / "markdown").glob("*") if p.suffix in (".md", ".markdown") and p.name != "MANIFEST.md"
)


@pytest.mark.skipif(not MARKDOWN, reason=f"the development corpus is not at {CORPUS / 'markdown'}")
@pytest.mark.parametrize("src", MARKDOWN, ids=lambda p: p.stem)
def test_corpus_document(src: Path, tmp_path):
    convert(src, tmp_path / "out")
    source, refs = markdown_source(src)
    assert output_notes(tmp_path / "out") == refs
    assert kept(source, output_words(tmp_path / "out")) >= 0.999
    assert invalid(tmp_path / "out") == {}


def test_front_matter_that_is_not_yaml_is_kept_and_reported(tmp_path):
    src = tmp_path / "broken.md"
    src.write_text("---\ntitle: [unclosed\nauthor: Someone\n---\n# One\n\nText.\n", encoding="utf-8")
    report = convert(src, tmp_path / "out")
    (finding,) = report.of_kind("front-matter")
    assert "not valid YAML" in finding.message
    front = etree.parse(str(tmp_path / "out" / "front.xml")).getroot()
    assert front.find(".//t:eg", NS).text == "title: [unclosed\nauthor: Someone"
