"""The ebook distributor's wrapper: out of the text, into the teiHeader, every line accounted for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import BOOKS, NS, ROOT, lost_words, text
from teikit.convert import convert, convert_tree, default_passes

DATA = Path(__file__).resolve().parent / "data" / "wrapper"


def _edition(tmp_path, name):
    out = tmp_path / name
    report = convert(DATA / f"{name}.txt", out)
    findings = json.loads((out / "conversion-report.json").read_text("utf-8"))["findings"]
    return out, report, findings


def _texts(out: Path) -> str:
    """The text of every document's <text> (the headers left out)."""
    return " ".join(
        text(t) for p in sorted(out.glob("*.xml")) for t in etree.parse(str(p)).getroot().iter(f"{{{NS['t']}}}text")
    )


def test_modern_wrapper_goes_to_the_header(tmp_path):
    out, report, findings = _edition(tmp_path, "modern")
    body = _texts(out)
    assert "Gutenberg" not in body and "START OF" not in body and "Release Date" not in body
    assert "licence printed at its end" not in body and "Produced by" not in body
    assert "The boats came in at dusk" in body and "until he slept" in body
    header = etree.parse(str(out / "modern.xml")).getroot().find("t:teiHeader", NS)
    ts = header.find("t:fileDesc/t:titleStmt", NS)
    assert ts.findtext("t:title[@type='main']", namespaces=NS) == "The Quiet Harbour"
    assert ts.findtext("t:title[@type='sub']", namespaces=NS) == "A Tale of the Coast"
    assert ts.findtext("t:author", namespaces=NS) == "Ada Fenwick"
    assert ts.find("t:editor", NS).get("role") == "translator" and ts.findtext("t:editor", namespaces=NS) == "Piet Hals"
    assert [
        (r.findtext("t:resp", namespaces=NS), r.findtext("t:name", namespaces=NS)) for r in ts.findall("t:respStmt", NS)
    ] == [("Produced by", "Maren Olsen and the Online Proofreading Team")]
    licence = [text(p) for p in header.findall("t:fileDesc/t:publicationStmt/t:availability/t:p", NS)]
    assert any(p.startswith("This ebook may be copied and shared by anyone") for p in licence)
    assert any("Nobody owns a copyright in it" in p for p in licence)
    # the licence is given once, in the corpus file's header; each part's header points there
    for part in sorted(out.glob("*.xml")):
        if part.name in ("modern.xml", "persons.xml", "places.xml", "orgs.xml"):
            continue
        av = etree.parse(str(part)).getroot().find("t:teiHeader//t:availability", NS)
        assert "Nobody owns a copyright in it" not in text(av), part.name
        assert av.find(".//t:ref", NS).get("target") == "modern.xml", part.name
    bibl = header.find("t:fileDesc/t:sourceDesc/t:bibl[@type='ebook']", NS)
    assert bibl.findtext("t:idno[@type='ebook']", namespaces=NS) == "99999"
    assert bibl.find("t:date", NS).get("when") == "2010-03-03"
    assert bibl.findtext("t:publisher", namespaces=NS) == "Project Gutenberg"
    # every marker line is reported with its line; the repeated credit too
    removed = {f["line"]: f["text"] for f in findings if f["kind"] == "removed-wrapper"}
    assert removed[1].startswith("The Project Gutenberg EBook of The Quiet Harbour")
    assert removed[18].startswith("*** START OF THIS PROJECT GUTENBERG EBOOK")
    assert removed[56].startswith("*** END OF THIS")
    assert removed[60].startswith("Produced by")
    assert {f["text"] for f in findings if f["kind"] == "dropped-wrapper-label"} == {"Title", "Author", "Translator"}
    assert "wrapper: the distributor's lines 1-23 and from line 54 moved into the header" in report.summary()
    assert not lost_words((DATA / "modern.txt").read_text("utf-8"), out)


def test_small_print_wrapper_of_the_1990s(tmp_path):
    out, report, findings = _edition(tmp_path, "smallprint")
    body = _texts(out)
    assert "SMALL PRINT" not in body and "lawyers" not in body and "Etext" not in body and "Jo Quill" not in body
    assert "[1]" not in body  # the small print's numbered items are no note references
    assert "The tide rises twice a day" in body
    header = etree.parse(str(out / "smallprint.xml")).getroot().find("t:teiHeader", NS)
    assert header.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Notes on Tides"
    assert header.findtext(".//t:titleStmt/t:author", namespaces=NS) == "Hugh Marlow"
    assert header.findtext(".//t:titleStmt/t:respStmt/t:name", namespaces=NS) == "Jo Quill <jo@example.org>"
    assert header.findtext(".//t:sourceDesc/t:bibl/t:idno", namespaces=NS) == "777"
    licence = " ".join(text(p) for p in header.findall(".//t:availability/t:p", NS))
    assert "Because lawyers ask for it." in licence
    assert report.counts["notes"] == 0
    assert not lost_words((DATA / "smallprint.txt").read_text("utf-8"), out)


def test_a_text_without_wrapper_is_left_as_it_is():
    """No header marker (a publisher's text, an Internet Archive OCR dump): the pass does nothing."""
    src = BOOKS / "garden.txt"
    with_pass, ctx = convert_tree(src)
    without, _ = convert_tree(src, passes=default_passes().replace(_no_op("wrapper")))
    assert etree.tostring(with_pass) == etree.tostring(without)
    assert ctx.wrapper is None and not ctx.report.of_kind("wrapper")


def _no_op(name):
    from teikit.pipeline import Pass

    return Pass(name, lambda tei, ctx: tei, needs=("blocks",), provides=(name,))


def test_markers_alone_still_name_the_book(tmp_path):
    """A wrapper cut down to its two markers: the marker's title (in its capitals) is the
    book's, the marker lines are reported, and the header says what was done."""
    src = tmp_path / "bare.txt"
    src.write_text(
        "*** START OF THE PROJECT GUTENBERG EBOOK THE QUIET HARBOUR ***\n\nCHAPTER I\n\nTHE BOATS\n\n"
        "The boats came in at dusk, and the harbour was full of them.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK THE QUIET HARBOUR ***\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    report = convert(src, out)
    header = etree.parse(str(out / "bare.xml")).getroot().find("t:teiHeader", NS)
    assert header.findtext(".//t:titleStmt/t:title", namespaces=NS) == "THE QUIET HARBOUR"
    assert header.findtext(".//t:sourceDesc/t:bibl/t:publisher", namespaces=NS) == "Project Gutenberg"
    assert "distributor's header and footer were moved out" in text(header.find(".//t:normalization", NS))
    assert [f.line for f in report.of_kind("removed-wrapper")] == [1, 9]
    assert "GUTENBERG" not in _texts(out) and "The boats came in at dusk" in _texts(out)
    assert not lost_words(src.read_text("utf-8"), out)


def test_small_print_and_start_marker_both_in_the_header(tmp_path):
    """Early-2000s files: the small print, then the START marker; the header ends at the last."""
    src = tmp_path / "both.txt"
    src.write_text(
        "The Project Gutenberg EBook of Salt Roads, by Ned Carrow\n\n"
        "Title: Salt Roads\n\nAuthor: Ned Carrow\n\n"
        "***START**THE SMALL PRINT!**FOR PUBLIC DOMAIN EBOOKS**START***\n"
        "You may copy this ebook freely.\n"
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK SALT ROADS ***\n\n"
        "Note: Project Gutenberg also has an HTML version of this\n      file, with the maps.\n\n"
        "CHAPTER I\n\nTHE MARSH\n\nThe salt was carried over the marsh on the backs of mules.\n\n"
        "*** END OF THE PROJECT GUTENBERG EBOOK SALT ROADS ***\n\n"
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN EBOOKS*Ver.02/11/02*END*\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    report = convert(src, out)
    body = _texts(out)
    assert "START OF" not in body and "SMALL PRINT" not in body and "copy this ebook" not in body
    assert "The salt was carried over the marsh" in body
    header = etree.parse(str(out / "both.xml")).getroot().find("t:teiHeader", NS)
    assert [f.line for f in report.of_kind("removed-wrapper")] == [1, 7, 9, 11, 22, 24]
    assert "HTML version" not in body
    assert "Note: Project Gutenberg also has an HTML version of this file, with the maps." in [
        text(n) for n in header.findall(".//t:sourceDesc/t:bibl/t:note", NS)
    ]
    header = etree.parse(str(out / "both.xml")).getroot().find("t:teiHeader", NS)
    assert header.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Salt Roads"
    assert "You may copy this ebook freely." in [text(p) for p in header.findall(".//t:availability/t:p", NS)]
    assert not lost_words(src.read_text("utf-8"), out)


def test_a_first_line_that_names_no_ebook_is_no_title_line(tmp_path):
    src = tmp_path / "alice.txt"
    src.write_text(
        "Alice's Adventures Underground\n\nTitle: Alice's Adventures Underground\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK ALICE'S ADVENTURES UNDERGROUND ***\n\n"
        "CHAPTER I\n\nDOWN\n\nAlice was beginning to get very tired of sitting by her sister.\n",
        encoding="utf-8",
    )
    _, ctx = convert_tree(src)
    assert (ctx.wrapper.distributor, ctx.wrapper.title) == ("Project Gutenberg", "Alice's Adventures Underground")
    assert ctx.book.title == "Alice's Adventures Underground"
    # the line is kept in the licence paragraphs, not reported as a distributor's title line
    assert "Alice's Adventures Underground" in ctx.wrapper.licence
    assert [f.line for f in ctx.report.of_kind("removed-wrapper")] == [5]


def test_an_internet_archive_ocr_dump_is_left_as_it_is():
    """The corpus's OCR book (no wrapper): the same tree with the pass as without it."""
    src = ROOT.parent / "shared" / "corpus" / "books" / "parker-syphilitic-diseases-1845-ocr.txt"
    if not src.is_file():
        pytest.skip(f"corpus book not available at {src} (../shared absent)")
    passes = default_passes().disable("registers", "dates", "orgs", "persons", "places")
    with_pass, ctx = convert_tree(src, passes=passes)
    without, _ = convert_tree(src, passes=passes.replace(_no_op("wrapper")))
    assert ctx.wrapper is None and not ctx.report.of_kind("removed-wrapper")
    assert etree.tostring(with_pass) == etree.tostring(without)


def test_title_page_after_a_transcribers_note_and_a_catalogue(tmp_path):
    """The title page is where the wrapper's title is set, not the transcriber's note that opens
    the text; the note and the publisher's catalogue before it stay front matter, word for word."""
    out, _, findings = _edition(tmp_path, "catalogue")
    front = etree.parse(str(out / "front.xml")).getroot()
    page = front.find(".//t:titlePage", NS)
    assert text(page.find("t:docTitle/t:titlePart[@type='main']", NS)) == "THE SALT ROADS 1820–1850"
    assert text(page.find("t:docAuthor", NS)) == "BY EDITH MARR"
    divs = front.findall("t:text/t:body/t:div", NS)
    assert text(divs[0]).strip().startswith("Transcriber's Notes: Italic text")
    body = _texts(out)
    for words in ("HANDBOOKS FOR THE YOUNG", "THE WOOL MARKETS", "Mrs. E. MARR", "HOLLOWAY AND SONS", "1899"):
        assert words in body, words
    assert [f["line"] for f in findings if f["kind"] == "title-page-found"] == [50]
    assert not lost_words(DATA.joinpath("catalogue.txt").read_text(encoding="utf-8"), out)
