"""The Word reader on a document written for the tests (tests/data/readers/docx, zipped here)
and on the development corpus (../shared/corpus/docx)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from readers_measure import CORPUS, DATA, docx_source, invalid, kept, output_notes, output_words, png, zip_folder
from teikit.convert import convert

NS = {"t": "http://www.tei-c.org/ns/1.0", "xml": "http://www.w3.org/XML/1998/namespace"}


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("docx")
    src = zip_folder(DATA / "docx", tmp / "sample.docx", {"word/media/image1.png": png()})
    report = convert(src, tmp / "out")
    docs = {p.name: etree.parse(str(p)).getroot() for p in (tmp / "out").glob("*.xml")}
    return src, tmp / "out", report, docs


def _one(docs, xpath):
    found = [el for root in docs.values() if root.tag.endswith("}TEI") for el in root.xpath(xpath, namespaces=NS)]
    assert len(found) == 1, (xpath, len(found))
    return found[0]


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def test_title_page_and_header_come_from_the_title_styles(edition):
    _, _, _, docs = edition
    tp = docs["front.xml"].find(".//t:titlePage", NS)
    assert [_text(t) for t in tp.iterfind(".//t:titlePart", NS)] == ["Das Probebuch", "Ein Beispiel in Word"]
    assert _text(tp.find("t:docAuthor", NS)) == "Max Mustermann"
    stmt = docs["ch01.xml"].find(".//t:titleStmt", NS)
    assert stmt.findtext("t:title[@type='main']", namespaces=NS) == "Das Probebuch"
    assert stmt.findtext("t:author", namespaces=NS) == "Max Mustermann"
    pre = docs["front.xml"].find(".//t:body/t:div[@type='prefatory']/t:p", NS)
    assert _text(pre) == "Ein Vorwort vor der ersten Überschrift, mit Verweis zum Teil und ins Leere."
    # a link to a bookmark points at the bookmark's division; one to no bookmark is text
    assert [(r.text, r.get("target")) for r in pre.iterfind("t:ref", NS)] == [("zum Teil", "ch01.xml")]


def test_document_properties_fill_the_header(edition):
    _, _, report, docs = edition
    for name in ("ch01.xml", "sample.xml"):
        header = docs[name].find("t:teiHeader", NS)
        assert header.find("t:profileDesc/t:langUsage/t:language", NS).get("ident") == "de-DE"
        assert _text(header.findall(".//t:availability/t:p", NS)[-1]) == (
            "The source states its rights: Alle Rechte beim Verfasser."
        )
        assert header.findtext(".//t:monogr/t:idno[@type='DOI']", namespaces=NS) == "10.5555/probe.2024"
        assert header.findtext(".//t:biblStruct/t:note[@type='source']", namespaces=NS) == (
            "A Word document: created 2024-03-01, last modified 2024-03-05 by Erika Muster."
        )
    assert docs["ch01.xml"].find("t:text", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "de-DE"
    assert [f.text for f in report.of_kind("metadata-not-in-header")] == ["keywords: Probe; Test"]


def test_the_language_most_of_the_text_is_marked_in_when_the_properties_name_none(tmp_path):
    """Word's document defaults say how Word was set up, not what the text is in."""
    src = zip_folder(
        DATA / "docx",
        tmp_path / "sample.docx",
        {"word/media/image1.png": png(), "docProps/core.xml": b"<x/>"},
    )
    convert(src, tmp_path / "out")
    root = etree.parse(str(tmp_path / "out" / "sample.xml")).getroot()
    langs = [el.get("ident") for el in root.iterfind(".//t:langUsage/t:language", NS)]
    assert langs == ["de-DE"]


def test_damaged_document_properties_are_reported_and_the_text_converted(tmp_path):
    src = zip_folder(
        DATA / "docx", tmp_path / "sample.docx", {"word/media/image1.png": png(), "docProps/app.xml": b"<Prop"}
    )
    report = convert(src, tmp_path / "out")
    (finding,) = report.of_kind("docx-properties")
    assert finding.message.startswith("docProps/app.xml is not well-formed XML")
    assert (tmp_path / "out" / "ch01.xml").is_file()


def test_headings_from_outline_levels_in_any_language_nest(edition):
    _, _, _, docs = edition
    ch1 = docs["ch01.xml"].find(".//t:body/t:div", NS)
    assert ch1.get("type") == "chapter" and _text(ch1.find("t:head", NS)) == "Einleitung"
    section = ch1.find("t:div", NS)  # "Kapitelteil": a custom style with outline level 2
    assert section.get("type") == "section" and _text(section.find("t:head", NS)) == "Ein Teil"
    deeper = section.find("t:div", NS)  # "Titre 3": neither outline level nor built-in name
    assert deeper.get("type") == "subsection" and _text(deeper.find("t:head", NS)) == "Ein Unterteil"
    assert _text(docs["ch02.xml"].find(".//t:body/t:div/t:head", NS)) == "Schluss"


def test_notes_stand_at_their_references_with_the_numbers_word_shows(edition):
    _, _, _, docs = edition
    first = _one(docs, "//t:note[@n='1']")
    assert first.get("place") == "foot"
    assert first.getparent().text.startswith("Ein Satz mit")
    assert _text(first.getprevious()) == "unterstrichen"  # right after the word it follows
    assert first.find("t:hi[@rend='italic']", NS).text == "Grundriss"
    assert first.find("t:ref", NS).get("target") == "https://example.org/quelle"
    long = _one(docs, "//t:note[@n='2']")
    assert [_text(p) for p in long.iterfind("t:p", NS)] == [
        "Erster Absatz der langen Fußnote.",
        "Zweiter Absatz der langen Fußnote.",
    ]
    assert _text(_one(docs, "//t:note[@n='a']")) == "Eine Anmerkung mit eigenem Zeichen."
    end = _one(docs, "//t:note[@place='end']")
    assert end.get("n") == "i"  # Word numbers endnotes i, ii, iii unless told otherwise
    assert _text(end) == "Eine Endnote am Schluss."


def test_character_formatting_and_styles(edition):
    _, _, _, docs = edition
    p = _one(docs, "//t:p[starts-with(., 'Ein Satz mit')]")
    rends = [(h.get("rend"), _text(h)) for h in p.iterfind("t:hi", NS)]
    assert rends == [
        ("italic", "kursiver Schrift"),  # two runs of one formatting: one element
        ("bold", "fetter"),
        ("smallcaps", "Kapitälchen"),
        ("subscript", "2"),
        ("strikethrough", "gestrichen"),
        ("underline", "unterstrichen"),
    ]
    assert _text(p.find("t:persName", NS)) == "Rosa Luxemburg"
    seg = p.find("t:seg", NS)
    assert seg.get("rend") == "Werktitel" and seg.find("t:hi", NS).get("rend") == "italic"


def test_comments_links_and_tracked_changes(edition):
    _, _, report, docs = edition
    p = _one(docs, "//t:p[t:anchor]")
    anchor = p.find("t:anchor", NS)
    comment = p.find("t:note[@type='comment']", NS)
    assert comment.get("target") == "#" + anchor.get("{http://www.w3.org/XML/1998/namespace}id")
    assert _text(comment).startswith("Erika Muster, 2024-03-05")
    assert comment.find(".//t:date", NS).get("when") == "2024-03-05"
    assert "Quelle prüfen." in _text(comment)
    assert [r.get("target") for r in p.iterfind("t:ref", NS)] == ["https://example.org/quelle"]
    assert "unsicheren Verweis" in _text(p)  # an unsafe link keeps its text, not its target
    assert "javascript" not in etree.tostring(p, encoding="unicode")
    assert _text(p.find("t:add", NS)) == "Eingefügt." and _text(p.find("t:del", NS)) == "Gelöscht."
    assert any("links with unsafe targets" in f.message for f in report.of_kind("not-mapped"))


def test_tracked_changes_are_kept_as_add_and_del_by_default(edition):
    _, _, report, _ = edition
    assert [f.message for f in report.of_kind("tracked-changes")] == [
        "docx: 1 insertions kept as add, 1 deletions as del"
    ]


def test_accepting_tracked_changes_keeps_insertions_and_lists_the_deletions(tmp_path):
    src = zip_folder(DATA / "docx", tmp_path / "sample.docx", {"word/media/image1.png": png()})
    report = convert(src, tmp_path / "out", accept_changes=True)
    text = "".join(etree.tostring(etree.parse(str(f)), encoding="unicode") for f in (tmp_path / "out").glob("*.xml"))
    assert "Eingefügt." in text and "Gelöscht." not in text and "<add" not in text and "<del" not in text
    (summary,) = report.of_kind("tracked-changes")
    assert summary.message == (
        "docx: tracked changes accepted: 1 insertions kept as text, 1 deletions left out "
        "(1 words, each listed in the report)"
    )
    assert [(f.message, f.text) for f in report.of_kind("deletion-left-out")] == [
        ("a tracked deletion in word/document.xml, left out", "Gelöscht.")
    ]
    assert invalid(tmp_path / "out") == {}


def test_the_command_line_accepts_changes_when_asked(tmp_path):
    from teikit.cli import main

    src = zip_folder(DATA / "docx", tmp_path / "sample.docx", {"word/media/image1.png": png()})
    assert main(["convert", str(src), "-o", str(tmp_path / "out"), "--accept-changes"]) == 0
    assert "Gelöscht" not in (tmp_path / "out" / "ch01.xml").read_text(encoding="utf-8")
    report = (tmp_path / "out" / "conversion-report.json").read_text(encoding="utf-8")
    assert "Gelöscht." in report  # the deletion is named in the report, not lost


def test_blocks_lists_tables_quotes_verse_breaks_and_images(edition):
    _, out, report, docs = edition
    section = _one(docs, "//t:div[@type='section']")
    lst = section.find("t:list", NS)
    assert lst.get("type") == "ordered"
    assert [i.text for i in lst.iterfind("t:item", NS)] == ["Erster Punkt", "Zweiter Punkt"]
    assert lst.find("t:item/t:list", NS).get("type") == "bulleted"
    assert section.findtext("t:table/t:head", namespaces=NS) == "Tabelle 1: Zahlen"  # its caption
    rows = section.findall("t:table/t:row", NS)
    assert rows[0].get("role") == "label" and rows[0][0].get("cols") == "2"
    assert rows[1][0].get("rows") == "2" and [_text(c) for c in rows[2]] == ["b2", "c2"]
    quote = _one(docs, "//t:quote")
    assert [_text(p) for p in quote] == ["Ein Zitat in zwei Absätzen,", "hier der zweite."]
    assert [_text(l) for l in _one(docs, "//t:lg")] == ["Erste Verszeile", "zweite Verszeile", "dritte Verszeile"]
    assert _one(docs, "//t:p[t:pb]").xpath("string()") == "Vor dem Seitenumbruch.Danach."
    assert _one(docs, "//t:p[@rend='Randnotiz']").getnext().tag.endswith("milestone")
    graphic = _one(docs, "//t:figure/t:graphic")
    assert graphic.get("url") == "media/image1.png" and (out / "media" / "image1.png").read_bytes() == png()
    assert _text(graphic.getparent().find("t:figDesc", NS)) == "Ein roter Punkt"
    assert _one(docs, "//t:p[. = 'Text im Textfeld.']") is not None
    assert _one(docs, "//t:p[starts-with(., 'Griechisch')]").text == "Griechisch: αβ"  # Symbol font
    assert any(f.message.startswith("docx: 1 text boxes, kept as paragraphs") for f in report.of_kind("not-mapped"))


def test_every_word_is_kept_output_is_valid_and_the_same_run_to_run(edition, tmp_path):
    src, out, _, _ = edition
    source, refs = docx_source(src)
    assert kept(source, output_words(out)) == 1.0
    assert output_notes(out) == refs == 4
    assert invalid(out) == {}
    convert(src, tmp_path / "again")
    for f in sorted(out.iterdir()):
        if f.is_file():
            assert (tmp_path / "again" / f.name).read_bytes() == f.read_bytes(), f.name


DOCX = sorted((CORPUS / "docx").glob("*.docx"))


@pytest.mark.skipif(not DOCX, reason=f"the development corpus is not at {CORPUS / 'docx'}")
@pytest.mark.parametrize("src", DOCX, ids=lambda p: p.stem)
def test_corpus_document(src: Path, tmp_path):
    convert(src, tmp_path / "out")
    source, refs = docx_source(src)
    assert output_notes(tmp_path / "out") == refs
    assert kept(source, output_words(tmp_path / "out")) >= 0.999
    assert invalid(tmp_path / "out") == {}
