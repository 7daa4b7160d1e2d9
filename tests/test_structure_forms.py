"""Divisions from how a plain-text book sets its headings, contents list and page furniture.

Small books in tests/data/books/ hold one form each; three corpus books (read from
../shared, skipped when it is absent) hold them as published.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, convert_book, text

CORPUS = ROOT.parent / "shared" / "corpus" / "books"


def _heads(tree, path: str) -> list[str]:
    return [" ".join(text(h).split()) for h in tree.xpath(path, namespaces=NS)]


def _outline(source: Path):
    """The book through outline, furniture and structure only (the enrichment passes are
    not what these tests are about, and take most of the time on a long book)."""
    from teikit.convert import PASSES, convert_tree
    from teikit.pipeline import Registry

    passes = Registry(tuple(p for p in PASSES if p.name in ("outline", "furniture", "structure")))
    return convert_tree(source, passes=passes)


def _corpus(name: str) -> Path:
    path = CORPUS / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"corpus book not available at {path} (../shared absent)")
    return path


def test_bare_numerals_head_letters_with_their_superscription(tmp_path):
    out, report = convert_book("letters", tmp_path)
    book = etree.parse(str(out / "letters.xml"))
    assert [f.name for f in sorted(out.glob("ch*.xml"))] == ["ch01.xml", "ch02.xml", "ch03.xml"]
    ch2 = etree.parse(str(out / "ch02.xml"))
    head = ch2.xpath("//t:body/t:div/t:head", namespaces=NS)[0]
    assert " ".join(text(head).split()) == "II HER SISTER TO MRS. ASHBY"
    assert ch2.xpath("//t:body/t:div/@n", namespaces=NS) == ["2"]
    # the dateline, the closing and the signature stay text: no section heads in a letter
    assert not ch2.xpath("//t:div[@type='section']", namespaces=NS)
    assert "Clifton." in text(ch2.getroot()) and "L. FANE." in text(ch2.getroot())
    conclusion = etree.parse(str(out / "conclusion.xml"))
    assert _heads(conclusion, "//t:body/t:div[@type='conclusion']/t:head") == ["CONCLUSION"]
    assert book.getroot() is not None and report.counts["chapters"] == 4


def test_contents_list_names_divisions_and_stays_in_the_front(tmp_path):
    out, report = convert_book("lectures", tmp_path)
    front = etree.parse(str(out / "front.xml"))
    contents = front.xpath("//t:div[@type='contents']", namespaces=NS)[0]
    items = [" ".join(text(i).split()) for i in contents.xpath(".//t:item", namespaces=NS)]
    # every entry kept, the one broken over two lines as one, its page number with it
    assert items == [
        "Preface iii",
        "Lecture I. The Kitchen Garden 1",
        "Lectures II and III. Walls, Glass and the Heating of Houses 14",
        "Lecture IV. Orchards 40",
        "Postscript 52",
        "Index 55",
    ]
    assert contents.xpath(".//t:ref/@target", namespaces=NS)[1] == "ch01.xml"
    assert _heads(front, "//t:text/t:body/t:div[@type='preface']/t:head") == ["PREFACE."]
    chapters = [etree.parse(str(p)) for p in sorted(out.glob("ch*.xml"))]
    labels = [_heads(c, "//t:body/t:div/t:head/t:label")[0] for c in chapters]
    assert labels == ["LECTURE I.", "LECTURES II AND III.", "LECTURE IV."]
    # the title in the contents list's own case; an appendix inside a lecture is its section
    assert _heads(chapters[1], "//t:body/t:div/t:head") == [
        "LECTURES II AND III. Walls, Glass and the Heating of Houses"
    ]
    assert _heads(chapters[1], "//t:body/t:div/t:div/t:head") == ["Appendix"]
    back = etree.parse(str(out / "back.xml"))
    assert back.xpath("//t:body/t:div/@type", namespaces=NS) == ["postscript", "index"]
    assert report.counts["chapters"] == 3


def test_acts_and_front_matter_of_a_play(tmp_path):
    out, _ = convert_book("play", tmp_path)
    front = etree.parse(str(out / "front.xml"))
    assert _heads(front, "//t:text/t:body/t:div/t:head") == ["THE PERSONS IN THE PLAY", "THE SCENES OF THE PLAY"]
    acts = [etree.parse(str(p)) for p in sorted(out.glob("ch*.xml"))]
    assert [_heads(a, "//t:body/t:div/t:head")[0] for a in acts] == ["FIRST ACT", "SECOND ACT"]
    # the list of acts in the front matter heads nothing; SCENE is not a section
    assert not any(a.xpath("//t:div[@type='section']", namespaces=NS) for a in acts)
    assert "SCENE" in text(acts[0].getroot())


def test_year_groups_of_poems_and_verse_that_stays_verse(tmp_path):
    out, report = convert_book("mill-songs", tmp_path)
    years = [etree.parse(str(p)) for p in sorted(out.glob("ch*.xml"))]
    assert [_heads(y, "//t:body/t:div/t:head")[0] for y in years] == ["1790", "1791", "1792", "1793", "1794"]
    poems = _heads(years[0], "//t:body/t:div/t:div/t:head")
    assert poems == ["Song--The Miller's Lass", "Epistle To A Friend", "The Mill Dam"]
    assert sum(len(y.xpath("//t:body/t:div/t:div", namespaces=NS)) for y in years) == 15
    assert "Tune--" in text(years[0].xpath("//t:body/t:div/t:div", namespaces=NS)[0])
    # years far apart are headings, never page numbers
    assert not [f for f in report.findings if f.kind == "removed-page-number"]
    back = etree.parse(str(out / "back.xml"))
    assert _heads(back, "//t:body/t:div/t:head") == ["Glossary"]


def test_poems_checked_against_a_contents_list_without_a_heading(tmp_path):
    out, _ = convert_book("orchard-poems", tmp_path)
    years = [etree.parse(str(p)) for p in sorted(out.glob("ch*.xml"))]
    poems = [_heads(y, "//t:body/t:div/t:div/t:head") for y in years]
    assert poems[0] == [
        "The Orchard Gate",
        "Pear Tree, The",
        "Apple Blossom",  # indented like verse, but the list names it
        "Letter To A Neighbour",
        "To A Friend In The Town, On His Sending Me A Basket Of Quinces",  # a title on two lines
        "Gathering Day",
    ]
    # the group title heads its first piece too; the list names `On The Blight` as an epigram
    assert poems[2] == ["Versicles Of The Year", "The Last Apple", "Orchard Rain", "On The Blight", "Grafting"]
    # a title the list does not name, of a word or two, is a part of the piece above it
    parts = [
        (text(d.getparent().find("t:head", NS)), text(d.find("t:head", NS)))
        for y in years
        for d in y.xpath("//t:body/t:div/t:div/t:div", namespaces=NS)
    ]
    assert parts == [("Letter To A Neighbour", "Postscript"), ("Elegy On Old Tom", "The Epitaph")]
    assert [len(y.xpath("//t:body/t:div/t:div", namespaces=NS)) for y in years] == [6, 4, 4, 2, 2]
    # an epigraph's source, set off like a title, stays text of its poem
    farewell = years[4].xpath("//t:div[t:head='Farewell To The Orchard']", namespaces=NS)[0]
    assert "Cowley's Garden." in [text(p) for p in farewell.findall("t:p", NS)]
    # the list stays in the front matter, as the contents, with no heading of its own
    front = etree.parse(str(out / "front.xml"))
    contents = front.xpath("//t:div[@type='contents']", namespaces=NS)[0]
    assert contents.find("t:head", NS) is None
    assert "Farewell To The Orchard" in text(contents)
    # the half-title after the list repeats the title: the title page is the one before the list
    assert _heads(front, "//t:titlePage/t:docAuthor") == ["by Jane Appleby"]


def test_ocr_running_heads_page_numbers_and_broken_words(tmp_path):
    out, report = convert_book("brewing-ocr", tmp_path)
    removed = {(f.kind, f.text) for f in report.findings if f.kind.startswith("removed-")}
    assert ("removed-running-head", "MALTING. 1") in removed
    assert ("removed-running-head", "4 THE ART OF BREWING.") in removed
    assert ("removed-running-head", "THE BREW-HOUSE. 7") in removed
    assert ("removed-page-number", "3") in removed
    ch1 = etree.parse(str(out / "ch01.xml"))
    assert _heads(ch1, "//t:body/t:div/t:head") == ["CHAPTER I. OF MALTING."]
    body = text(ch1.getroot())
    assert "ART OF BREWING" not in body and "MALTING. " not in body
    # a word broken at the line end is whole again; a compound keeps its hyphen
    assert "fermentation is watched" in body and "ferment-" not in body
    assert "brew-house" in body
    joined = [f for f in report.findings if f.kind == "hyphen-rejoined"]
    assert joined and all(f.text == "ferment-ation" for f in joined)


def test_corpus_chapters_in_words_with_roman_sections():
    tei, _ = _outline(_corpus("wells-mr-polly"))
    chapters = tei.xpath("//t:text/t:body/t:div", namespaces=NS)
    assert [len(c.xpath("t:div", namespaces=NS)) for c in chapters] == [5, 3, 3, 5, 7, 8, 7, 5, 12, 3]
    assert " ".join(text(chapters[0].find("t:head", NS)).split()) == "Chapter the First Beginnings, and the Bazaar"


def test_corpus_letters_and_their_conclusion():
    tei, _ = _outline(_corpus("austen-lady-susan"))
    divs = tei.xpath("//t:text/t:body/t:div", namespaces=NS)
    assert len(divs) == 42 and divs[-1].get("type") == "conclusion"
    assert [d.get("n") for d in divs[:3]] == ["1", "2", "3"] and divs[40].get("n") == "41"


def test_corpus_ocr_book_chapters_and_page_furniture():
    tei, ctx = _outline(_corpus("parker-syphilitic-diseases-1845-ocr"))
    labels = [" ".join(text(x).split()) for x in tei.xpath("//t:text/t:body/t:div/t:head/t:label", namespaces=NS)]
    assert len(labels) == 23 and labels[0] == "CHAPTER I." and labels[-1] == "CHAPTER XXIII."
    heads = {f.text for f in ctx.report.findings if f.kind == "removed-running-head"}
    assert {"20 SYPHILITIC DISEASES.", "GONORRHEA IN THE MALE. 69"} <= heads
    assert "INDEX." in {" ".join(text(h).split()) for h in tei.xpath("//t:back/t:div/t:head", namespaces=NS)}


def test_parts_hold_their_chapters(tmp_path):
    out, report = convert_book("valleys", tmp_path)
    assert sorted(p.name for p in out.glob("part*.xml")) == ["part01.xml", "part02.xml"]
    assert not list(out.glob("ch*.xml"))
    part2 = etree.parse(str(out / "part02.xml"))
    assert _heads(part2, "//t:body/t:div[@type='part']/t:head") == ["PART II. THE LOWER VALLEY"]
    chapters = part2.xpath("//t:body/t:div/t:div[@type='chapter']", namespaces=NS)
    assert [c.get("n") for c in chapters] == ["4", "5", "6"]
    assert _heads(part2, "//t:div[@type='chapter']/t:head")[0] == "CHAPTER 4. A Day in the Valley 4"
    assert all(c.xpath("t:p", namespaces=NS) for c in chapters)


def test_corpus_chronology_years_are_text_not_page_numbers():
    tei, ctx = _outline(_corpus("gardiner-french-revolution"))
    assert not [f for f in ctx.report.findings if f.kind == "removed-page-number"]
    front = [" ".join(text(h).split()) for h in tei.xpath("//t:front/t:div/t:head", namespaces=NS)]
    assert front[-1] == "LEADING DATES IN THE HISTORY OF THE FRENCH REVOLUTION."
    dates = tei.xpath("//t:front/t:div[last()]", namespaces=NS)[0]
    assert {"1774", "1792", "1795"} <= set(text(dates).split())
    labels = [" ".join(text(x).split()) for x in tei.xpath("//t:text/t:body/t:div/t:head/t:label", namespaces=NS)]
    assert labels[:11] == [  # (the Project Gutenberg licence after them is not the book's)
        f"CHAPTER {n}." if n != "VII" else "CHAPTER VII"
        for n in ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    ]


def test_contents_list_forms_read_as_entries():
    from teikit.convert import contents
    from teikit.convert.outline import _layout
    from teikit.convert.reader import read_text
    from teikit.profile import load_profile
    from teikit.report import Report

    source = "\n".join(
        [
            "A HISTORY OF FRANCE",
            "",
            "",
            "",
            "",
            "CONTENTS.",
            "",
            "",
            "  CHAPTER I.",
            "",
            "  FEUDALISM AND THE MONARCHY.",
            "",
            "  The Monarchy in France                    1",
            "  Feudal rights . . . . . . . . . . . . .   4",
            "",
            "  CHAPTER II.  OBSERVATIONS ON THE STATE OF DEGRADATION TO WHICH WOMAN",
            "  IS REDUCED BY VARIOUS CAUSES.",
            "",
            "  Index .......................... 301",
            "",
            "",
            "",
            "",
            "CHAPTER I.",
            "",
            "FEUDALISM AND THE MONARCHY.",
            "",
            "The monarchy in France had grown strong by the end of the middle ages, and its",
            "kings ruled with few checks on their power over the provinces and the towns.",
        ]
    )
    tei = read_text(source, Report(source="t"))
    blocks = list(tei.iter("{http://www.tei-c.org/ns/1.0}p"))
    texts, starts, gaps = _layout(blocks)
    regions = contents.regions(texts, gaps)
    assert regions == [(1, 6)]  # the list ends where the chapter, set off as the word CONTENTS, begins
    items = contents.entries(texts, starts, *regions[0], load_profile().number_words)
    assert [(i.label, i.title, i.page) for i in items] == [
        ("CHAPTER I.", "FEUDALISM AND THE MONARCHY.", None),
        (None, "The Monarchy in France", "1"),
        (None, "Feudal rights", "4"),
        ("CHAPTER II.", "OBSERVATIONS ON THE STATE OF DEGRADATION TO WHICH WOMAN IS REDUCED BY VARIOUS CAUSES.", None),
        (None, "Index", "301"),
    ]
    assert [i.number for i in items] == [1, None, None, 2, None]


def test_ocr_sub_headings_and_lines_cut_by_a_page_break(tmp_path):
    out, report = convert_book("baths-ocr", tmp_path)
    ch1 = etree.parse(str(out / "ch01.xml"))
    # sub-headings in capitals naming their subject after OF, with a full stop, head
    # sections; OE is an OCR's OF
    sections = _heads(ch1, "//t:body/t:div/t:div[@type='section']/t:head")
    assert sections == ["OF THE COLD BATH.", "OE THE WARM BATH.", "OF THE VAPOUR BATH."]
    assert len(ch1.xpath("//t:head", namespaces=NS)) == 4  # the chapter's and its sections'
    paragraphs = [" ".join(text(p).split()) for p in ch1.xpath("//t:body//t:p", namespaces=NS)]

    def paragraph_with(words: str) -> str:
        return next(p for p in paragraphs if words in p)

    # a line cut by the page break goes on after the notes and furniture in lower case
    # (an OCR speck before it), after a word cut at the line's end, after a printer's
    # mark at the page's foot: one paragraph each time, never a heading
    assert "wine or water" in paragraph_with("alone in")
    assert "fectly distinct remedies" in paragraph_with("to be per-")
    assert "the evidence of his wife" in paragraph_with("warning of his wife i 3 §")
    # a page's own running head, printed once, beside its page number and before the text
    # going on in lower case: furniture, and the word it stood in is whole again
    assert ("removed-running-head", "VAPOUR BATHS.") in {(f.kind, f.text) for f in report.findings}
    assert "gradually increased as the patient" in paragraph_with("One a day")
    # a note's mark misread as a letter is not the rest of a word broken at the page's end
    assert "peri" not in " ".join(paragraphs).split()
    # the last line of a formula set as short lines stays a line of the formula
    assert "Croci in pulv. 3 „" in paragraphs
    ch2 = etree.parse(str(out / "ch02.xml"))
    assert not ch2.xpath("//t:div[@type='section']", namespaces=NS)  # its title opens it


def test_a_line_cut_in_a_word_or_with_no_word_heads_nothing():
    from teikit.convert.structure import _is_head_candidate
    from teikit.tei import make

    def candidate(line: str) -> bool:
        return _is_head_candidate(make("p", line))

    assert candidate("The Warm Bath") and candidate("OF THE WARM BATH.") and candidate("OP THE WARM BATH.")
    assert not candidate("One a day for the first ten days, the dose then gradually in-")
    assert not candidate("5 §")
    assert not candidate("THE WARM BATH.")  # a full stop ends a heading only of that form


_TOWER = """\
THE TOWER

LIST OF FIGURES

Figure 1\tThe stone tower shortly after its completion in 1840\t3
Figure 2\tThe keepers and their families on the gallery\t5

CHAPTER I.

THE FIRST LAMP

The first lamp was lit in 1822, and a keeper was engaged at forty pounds **Figure 1.** The stone tower shortly after its completion in 1840

a year, with coals and a cottage.

The keepers, as Figure 2. shows in part, were many; a second paragraph names the figure without being its caption.

CHAPTER II.

THE SECOND LAMP

The new lamp burned colza oil and was trimmed every four hours by the keepers and their wives Figure 2. The keepers and their families

on the gallery at night.
"""


def _structure_passes():
    from teikit.convert import PASSES
    from teikit.pipeline import Registry

    return Registry(tuple(p for p in PASSES if p.name in ("outline", "furniture", "structure")))


_STRUCTURE = _structure_passes()


def test_a_caption_ending_a_running_line_follows_its_paragraph(tmp_path):
    """An OCR dump prints a caption where the page put it, inside a paragraph cut by the
    page: the caption leaves the paragraph (which is joined again) and its figure follows."""
    source = tmp_path / "tower.txt"
    source.write_text(_TOWER, encoding="utf-8")
    from teikit.convert import convert_tree

    tree, ctx = convert_tree(source, passes=_STRUCTURE)
    body = tree.xpath("//t:text/t:body", namespaces=NS)[0]
    paragraphs = [" ".join(text(p).split()) for p in body.xpath(".//t:p", namespaces=NS)]
    assert paragraphs[0].endswith("a keeper was engaged at forty pounds a year, with coals and a cottage.")
    assert not any("stone tower" in p for p in paragraphs)
    fig1 = body.xpath(".//t:figure[@xml:id='fig1']", namespaces=NS)[0]
    assert fig1.getprevious().tag == f"{{{NS['t']}}}p" and "forty pounds a year" in text(fig1.getprevious())
    assert " ".join(text(fig1.find("t:head", NS)).split()) == (
        "Figure 1. The stone tower shortly after its completion in 1840"
    )
    # a label followed by running text is a reference, not a caption
    assert "as Figure 2. shows in part" in paragraphs[1]
    # a caption cut short in the line is completed from the list; its paragraph joined again
    fig2 = body.xpath(".//t:figure[@xml:id='fig2']", namespaces=NS)[0]
    assert " ".join(text(fig2.find("t:head", NS)).split()).endswith("their families on the gallery")
    assert "by the keepers and their wives on the gallery at night." in paragraphs[2]
    kinds = [(f.kind, f.line) for f in ctx.report.findings if f.kind.startswith(("caption", "figure"))]
    assert kinds == [("caption-in-line", 12), ("caption-in-line", 22)]  # the source lines


def test_a_book_without_a_list_needs_the_bold_label_for_a_caption_in_a_line(tmp_path):
    unlisted = _TOWER.split("CHAPTER I.", 1)[1].replace("\t", " ")
    source = tmp_path / "tower.txt"
    source.write_text("THE TOWER\n\nCHAPTER I." + unlisted, encoding="utf-8")
    from teikit.convert import convert_tree

    tree, _ = convert_tree(source, passes=_STRUCTURE)
    figures = tree.xpath("//t:figure", namespaces=NS)
    assert [f.get("{http://www.w3.org/XML/1998/namespace}id") for f in figures] == ["fig1"]
    all_text = " ".join(text(tree).split())
    # unbolded, unlisted: the words stay where they are, in the paragraph
    assert "their wives Figure 2. The keepers and their families on the gallery at night." in all_text


def test_a_compound_broken_at_its_own_hyphen_is_joined_whole(tmp_path):
    # A text wrapped anew by its transcriber (not printed lines): "-" at a line end is a
    # compound's when the book writes the compound within a line, and U+2010 HYPHEN always is
    source = tmp_path / "wrapped.txt"
    source.write_text(
        "THE BOOK\n\nCHAPTER I.\n\nTHE LECTURE\n\n"
        "Long ago, as a boy, I well remember the awe\u2010\nstruck feeling I received, and the class\u2010room.\n"
        "It was a well-\nknown story, a well-known one, and fully\nwritten out.\n\n"
        + "A line of plain prose, and nothing more.\n"
        * 300,
        encoding="utf-8",
    )
    tei, ctx = _outline(source)
    body = " ".join(text(tei.find(".//t:body", NS)).split())
    assert "the awe\u2010struck feeling" in body and "awe\u2010 struck" not in body
    assert "a well-known story" in body and "well- known" not in body
    assert not ctx.report.counts["hyphens_rejoined"]


def test_corpus_compounds_at_line_ends_keep_no_space():
    tei, ctx = _outline(_corpus("james-varieties-of-religious-experience"))
    body = " ".join(text(tei.find(".//t:text", NS)).split())
    # the source's 96 lines that end in a letter and U+2010 (3 before a capital): each compound whole
    assert "the awe\u2010struck feeling" in body and "healthy\u2010minded" in body
    assert "what Al\u2010Ghazzali told us" in body and "non\u2010Christian countries" in body
    assert re.findall("[A-Za-z]\u2010 [A-Za-z]+", body) == ["s\u2010 und"]  # written so within a line
