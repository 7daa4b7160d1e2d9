"""The EPUB reader on a book written for the tests (tests/data/readers/epub), as a folder and
packaged, and on the development corpus (../shared/corpus/epub)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from readers_measure import (
    CORPUS,
    DATA,
    epub_source,
    invalid,
    kept,
    missing,
    output_notes,
    output_words,
    png,
    zip_folder,
)
from teikit.convert import convert
from teikit.xmlio import safe_parser

NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("epub")
    src = shutil.copytree(DATA / "epub", tmp / "sample")
    (src / "OEBPS" / "images").mkdir()
    (src / "OEBPS" / "images" / "dot.png").write_bytes(png())
    report = convert(src, tmp / "out")
    docs = {p.name: etree.parse(str(p)).getroot() for p in (tmp / "out").glob("*.xml")}
    return src, tmp / "out", report, docs


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_spine_order_divisions_and_their_place(edition):
    _, _, _, docs = edition
    assert sorted(docs) == ["ch01.xml", "ch02.xml", "front.xml", "sample.xml"]  # the notes division dissolved
    front = docs["front.xml"].find(".//t:body", NS)
    assert [d.get("type") for d in front.iterfind("t:div", NS)] == ["contents", "dedication"]
    ch1 = docs["ch01.xml"].find(".//t:body/t:div", NS)
    assert [_text(h) for h in ch1.iterfind("t:head", NS)] == ["I", "The Harbour"]
    assert ch1.get(XML_LANG) == "en-GB"
    sub = ch1.find("t:div", NS)
    assert sub.get("type") == "section" and _text(sub.find("t:head", NS)) == "The Crew"


def test_endnotes_are_moved_to_their_references(edition):
    _, _, report, docs = edition
    notes = {n.get("n"): n for root in docs.values() for n in root.iterfind(".//t:text//t:note", NS)}
    assert sorted(notes) == ["1", "2", "3"]
    assert all(n.get("place") == "end" for n in notes.values())
    assert notes["1"].getparent().text == "We sailed at dawn" and _text(notes["1"]) == "Dawn was at five."
    two = notes["2"]
    assert two.getparent().tag.endswith("}l")  # inside the verse line that refers to it
    assert two.find("t:quote", NS) is not None and "↩" not in _text(two)
    again = docs["ch02.xml"].find(".//t:ref[@type='note']", NS)
    assert again.get("n") == "1"  # a second reference to a note already given
    assert report.of_kind("notes-division-dissolved")


def test_semantics_become_tei(edition):
    _, _, _, docs = edition
    ch1 = docs["ch01.xml"]
    assert _text(ch1.find(".//t:quote[@type='epigraph']", NS)) == "The sea is wide."
    assert [l.text for l in ch1.iterfind(".//t:quote/t:lg/t:l", NS)] == [
        "The wind was in the shrouds,",
        "the gulls were in the air.",  # then its note
    ]
    assert ch1.find(".//t:text//t:title", NS).text == "Moby-Dick"
    assert ch1.find(".//t:foreign", NS).get(XML_LANG) == "fr"
    cell = ch1.find(".//t:table/t:row[2]/t:cell", NS)
    assert cell.get("cols") == "2" and cell.text == "All hands"
    links = [r.get("target") for r in ch1.iterfind(".//t:p/t:ref", NS)]
    assert links == ["https://example.org/ships", "ch02.xml"]  # a link within the book: its division's file
    assert "javascript" not in etree.tostring(ch1, encoding="unicode")


def test_metadata_fill_the_header_and_the_rest_is_reported(edition):
    _, _, report, docs = edition
    stmt = docs["ch01.xml"].find(".//t:titleStmt", NS)
    assert stmt.findtext("t:title[@type='main']", namespaces=NS) == "The Sample Voyage"
    assert stmt.findtext("t:title[@type='sub']", namespaces=NS) == "With Notes and Verse"
    assert stmt.findtext("t:author", namespaces=NS) == "Ann Author"
    mono = docs["ch01.xml"].find(".//t:monogr", NS)
    assert mono.findtext("t:idno[@type='ISBN']", namespaces=NS) == "9780000000002"
    assert mono.findtext(".//t:publisher", namespaces=NS) == "Sample Press"
    assert mono.find(".//t:date", NS).get("when") == "1911-05-01"
    source = docs["ch01.xml"].find(".//t:biblStruct/t:note[@type='source']", NS)
    assert source.text == "https://example.org/first-edition"
    assert [(e.get("role"), e.text) for e in stmt.iterfind("t:editor", NS)] == [
        ("translator", "Tom Translator"),
        ("illustrator", "Ivy Illustrator"),
    ]
    resp = stmt.find("t:respStmt", NS)  # a role the editor roles do not name: in its own words
    assert (resp.findtext("t:resp", namespaces=NS), resp.findtext("t:name", namespaces=NS)) == (
        "book producer",
        "Bo Producer",
    )
    assert mono.findtext("t:idno[@type='UUID']", namespaces=NS) == "0f8a3c2e-5b1d-4e6f-9a7b-2c4d6e8f0a1b"
    header = docs["ch01.xml"].find("t:teiHeader", NS)
    assert header.find("t:profileDesc/t:langUsage/t:language", NS).get("ident") == "en-GB"
    assert docs["ch01.xml"].find("t:text", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    rights = header.findall(".//t:availability/t:p", NS)
    assert rights[-1].text == "The source states its rights: Public domain."
    assert report.of_kind("metadata-not-in-header") == []


def test_the_navigation_document_is_the_contents(edition):
    _, _, _, docs = edition
    items = docs["front.xml"].findall(".//t:div[@type='contents']/t:list/t:item/t:ref", NS)
    assert [(r.text, r.get("target")) for r in items] == [
        ("Dedication", "front.xml"),
        ("I. The Harbour", "ch01.xml"),
        ("II. The Storm", "ch02.xml"),
    ]
    dedication = docs["front.xml"].find(".//t:div[@type='dedication']", NS)
    assert dedication.findtext("t:head", namespaces=NS) == "Dedication"  # its heading from the contents


def test_images_are_copied_and_everything_is_kept_and_valid(edition):
    src, out, report, docs = edition
    assert docs["ch02.xml"].find(".//t:graphic", NS).get("url") == "media/dot.png"
    assert (out / "media" / "dot.png").read_bytes() == png()
    source, refs = epub_source(src / "OEBPS")
    # every word but the heading of the notes division, dissolved (and reported)
    assert missing(source, output_words(out)) == {"Endnotes": 1}
    assert [f.text for f in report.of_kind("notes-division-dissolved")] == ["Endnotes"]
    assert refs == 4 and output_notes(out) == 3  # four references to three notes
    assert invalid(out) == {}


def test_a_packaged_epub_gives_the_same_edition(edition, tmp_path):
    src, out, _, _ = edition
    packed = zip_folder(src, tmp_path / "sample.epub", first="mimetype")
    convert(packed, tmp_path / "packed")
    for f in sorted(out.glob("ch*.xml")) + [out / "front.xml"]:
        assert (tmp_path / "packed" / f.name).read_bytes() == f.read_bytes(), f.name


EPUBS = (
    sorted(p for p in (CORPUS / "epub").iterdir() if p.is_dir() or p.suffix == ".epub")
    if (CORPUS / "epub").is_dir()
    else []
)


@pytest.mark.skipif(not EPUBS, reason=f"the development corpus is not at {CORPUS / 'epub'}")
@pytest.mark.parametrize("src", EPUBS, ids=lambda p: p.stem[:30])
def test_corpus_book(src: Path, tmp_path):
    convert(src, tmp_path / "out")
    source, refs = epub_source(src)
    assert kept(source, output_words(tmp_path / "out")) >= 0.999
    assert output_notes(tmp_path / "out") == len(_noted(src))
    assert invalid(tmp_path / "out") == {}


def _noted(src: Path) -> set[str]:
    """The notes the book's noterefs point at (a note may be referred to twice)."""
    if src.is_file():
        with zipfile.ZipFile(src) as z:
            texts = {n: z.read(n) for n in z.namelist() if n.endswith((".xhtml", ".html"))}
    else:
        texts = {str(f.relative_to(src)): f.read_bytes() for f in src.rglob("*.xhtml")}
    targets = set()
    for data in texts.values():
        for a in etree.fromstring(data, safe_parser()).iter("{http://www.w3.org/1999/xhtml}a"):
            if "noteref" in (a.get("{http://www.idpf.org/2007/ops}type") or "").split():
                href = a.get("href") or ""
                targets.add(href.split("#")[-1] if href.startswith("#") else href.rsplit("/", 1)[-1])
    return targets
