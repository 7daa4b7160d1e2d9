"""Stanzas printed as verse become line groups; prose, tables and title pages set in from
the margin stay what they are (teikit.convert.verse).

The small books of tests/data/books/ were written for these tests; the corpus's book of
poems (read from ../shared, skipped when it is absent) holds verse as published.
"""

from __future__ import annotations

from lxml import etree

from conftest import NS, ROOT, convert_book, text
from teikit.convert import verse

CORPUS = ROOT.parent / "shared" / "corpus" / "books"
MEASURE = 70  # a book's prose lines fill about this many characters


def test_a_quatrain_set_in_is_a_stanza():
    lines = [
        "     The apples hang along the wall,",
        "     The wasps are at the plum;",
        "     And all the summer, great and small,",
        "     We wait for what may come.",
    ]
    assert verse.is_stanza(lines, MEASURE)
    # the same lines flush with the prose margin: a book that prints verse so is not read
    assert not verse.is_stanza([line.strip() for line in lines], MEASURE)


def test_prose_set_in_fills_the_measure_and_is_no_stanza():
    quotation = [
        "    When the question was put to the meeting, the chairman, who had said",
        "    nothing all evening, rose and told them that the orchard would be sold",
        "    before the spring, whatever the parish thought of it.",
    ]
    assert not verse.is_stanza(quotation, MEASURE)
    # cut short of the measure, but after an article: a prose line, as a hanging indent is
    entry = ["   June 26.  Victory of the parish over the", "               Miller of the dam."]
    assert not verse.is_stanza(entry, MEASURE)


def test_tables_lists_and_title_pages_set_in_are_no_stanzas():
    table = ["    Apples        1,200     Pears       300", "    Quinces         140     Plums        80"]
    title_page = ["                 EDITED BY THE", "            REV. JOHN APPLEBY, M.A."]
    address = ["    Mr. Thomas Reed,", "    14 Mill Lane,", "    Dunford."]
    lower = ["    and so the song goes on", "    until the morning comes"]
    for block in (table, title_page, address, lower):
        assert not verse.is_stanza(block, MEASURE), block


def test_two_lines_are_a_stanza_only_well_short_of_the_measure():
    couplet = ["    Fair is the orchard, fair the tree,", "    And fair the fruit it bears for me."]
    assert verse.is_stanza(couplet, MEASURE)
    long_pair = [
        "    “When you go down to the mill in the morning, you will find the door",
        "    Open.”",
    ]
    assert not verse.is_stanza(long_pair, MEASURE)


def test_a_glossary_set_in_is_a_list_not_a_stanza():
    glossary = ["     Aiblins, perhaps.", "     Brawlie, finely.", "     Gleg, quick."]
    assert not verse.is_stanza(glossary, MEASURE)


def test_poems_of_a_book_are_line_groups_and_its_prose_stays_prose(tmp_path):
    out, report = convert_book("orchard-poems", tmp_path)
    first_year = etree.parse(str(out / "ch1801.xml"))
    gate = first_year.xpath("//t:div[t:head='The Orchard Gate']", namespaces=NS)[0]
    stanzas = gate.findall("t:lg", NS)
    assert len(stanzas) == 5 and not gate.findall("t:p", NS)
    assert [text(line) for line in stanzas[0].findall("t:l", NS)] == [
        "The apples hang along the wall,",
        "The wasps are at the plum;",
        "And all the summer, great and small,",
        "We wait for what may come.",
    ]
    # every block of two lines or more the poems set in (from the first year's heading to
    # the glossary) is a stanza, and no other
    source = (ROOT / "tests" / "data" / "books" / "orchard-poems.txt").read_text(encoding="utf-8")
    poems = source[source.index("\n1801\n", source.index("Preface\n\nThese")) : source.rindex("\nGlossary\n")]
    set_in = [b.split("\n") for b in poems.split("\n\n") if b.strip() and b.strip("\n").count("\n")]
    set_in = [b for b in (list(filter(None, b)) for b in set_in) if all(line.startswith("     ") for line in b)]
    assert report.counts["stanzas"] == len(set_in) > 100
    assert report.counts["stanza_lines"] == sum(map(len, set_in))
    # the summary counts them as verse, and no longer as the paragraphs they were
    body_paragraphs = sum(
        len(etree.parse(str(f)).xpath("//t:text/t:body//t:p[not(ancestor::t:note)]", namespaces=NS))
        for f in out.glob("ch*.xml")  # the body's documents
    )
    assert f"{body_paragraphs} paragraphs," in report.summary()
    assert f"{len(set_in)} verse groups" in report.summary()
    # the preface is prose, the epigraph's source a line of text, the glossary a list
    front = etree.parse(str(out / "front.xml"))
    assert front.xpath("//t:p[starts-with(., 'These poems were written')]", namespaces=NS)
    assert not front.xpath("//t:lg", namespaces=NS)
    farewell = etree.parse(str(out / "ch1805.xml")).xpath("//t:div[t:head='Farewell To The Orchard']", namespaces=NS)
    assert "Cowley's Garden." in [text(p) for p in farewell[0].findall("t:p", NS)]
    assert not etree.parse(str(out / "back.xml")).xpath("//t:lg", namespaces=NS)


def _poems_book(tmp_path):
    """The corpus's book of poems through the passes up to verse (the enrichment passes
    are not what these tests are about, and take most of the time on a long book)."""
    import pytest

    from teikit.convert import PASSES, convert_tree
    from teikit.pipeline import Registry

    path = CORPUS / "burns-poems-and-songs.txt"
    if not path.is_file():
        pytest.skip(f"corpus book not available at {path} (../shared absent)")
    upto = ("wrapper", "outline", "furniture", "note-bodies", "structure", "footnotes", "drama", "letters", "verse")
    tree, ctx = convert_tree(path, passes=Registry(tuple(p for p in PASSES if p.name in upto)))
    return path, tree, ctx.report


def _blocks_at(lines: list[str], first: str) -> list[list[str]]:
    """The printed lines, stripped, of each of the source's blocks that open with `first`."""
    out = []
    for k, line in enumerate(lines):
        if line.strip() == first and (k == 0 or not lines[k - 1].strip()):
            block = []
            while k < len(lines) and lines[k].strip():
                block.append(lines[k].strip())
                k += 1
            out.append(block)
    return out


def test_a_book_of_poems_keeps_its_lines_and_its_notes_in_them(tmp_path):
    path, tree, report = _poems_book(tmp_path)
    source = path.read_text(encoding="utf-8-sig").replace("\r", "").split("\n")
    stanzas = tree.xpath("//t:text//t:lg", namespaces=NS)

    def opening(first: str) -> list:
        return [lg for lg in stanzas if text(lg.find("t:l", NS)).startswith(first)]

    # the poem is printed twice, in two versions: each stanza as printed
    edina = [[text(line) for line in lg.findall("t:l", NS)] for lg in opening("Edina! Scotia's darling seat!")]
    assert edina == _blocks_at(source, "Edina! Scotia's darling seat!") and len(edina) == 2
    # the notes whose references the first line held are in that line, at their places
    [moddie] = opening("O, Moddie,")
    first_line = moddie.find("t:l", NS)
    assert [n.get("n") for n in first_line.findall("t:note", NS)] == ["1", "2"]
    assert (first_line.text, first_line[0].tail) == ("O, Moddie,", " man, an' wordy Russell,")
    [printed] = _blocks_at(source, "O, Moddie,^1 man, an' wordy Russell,^2")
    assert [text(line) for line in moddie.findall("t:l", NS)[1:]] == printed[1:]
    assert not report.of_kind("verse-kept-as-paragraph")
    # nearly every block of two lines or more that the poems set in (from the preface to the
    # glossary; a footnote's opens with a bracket) is a stanza; the editor's prose (the
    # preface, the notes) stays paragraphs
    start = next(k for k, line in enumerate(source) if line.strip() == "Preface" and k > 100)
    end = max(k for k, line in enumerate(source) if line.strip() == "Glossary")
    blocks = [b.split("\n") for b in "\n".join(source[start:end]).split("\n\n") if b.strip()]
    set_in = [
        b
        for b in (list(filter(str.strip, b)) for b in blocks)
        if len(b) > 1 and all(line[:1] == " " for line in b) and not b[0].strip().startswith("[")
    ]
    assert len(stanzas) == report.counts["stanzas"]
    assert 0.97 * len(set_in) <= len(stanzas) <= len(set_in)
    preface = tree.xpath("//t:p[starts-with(., 'Robert Burns was born near Ayr')]", namespaces=NS)
    assert preface and not tree.xpath("//t:lg[starts-with(., 'Robert Burns was born')]", namespaces=NS)
