"""Notes of every common kind attached at their references (teikit.convert.footnotes).

Small books written for each kind of note (tests/data/books/notes-*.txt), then three
books of the development corpus (read from ../shared; skipped when it is absent), whose
figures were counted by reading the books: Keynes numbers 168 notes through the book
and letters 3 more inside one of them, James 363, Burns 182.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BOOKS, NS, ROOT, convert_book, lost_words
from teikit.tei import line_of

CORPUS = ROOT.parent / "shared" / "corpus" / "books"


def _convert(path: Path):
    from teikit.convert import convert_tree

    return convert_tree(path)


def _words(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _before(note) -> str:
    """The words of the text just before a note, without other notes."""
    parent = note.getparent()
    out = [parent.text or ""]
    for child in parent:
        if child is note:
            break
        if not child.tag.endswith("}note"):
            out.append("".join(child.itertext()))
        out.append(child.tail or "")
    return " ".join("".join(out).split())


def _notes(tei) -> dict[str, list]:
    found: dict[str, list] = {}
    for note in tei.xpath("//t:text//t:note[@place]", namespaces=NS):
        found.setdefault(note.get("n"), []).append(note)
    return found


def _findings(ctx, kind: str) -> list:
    return [f for f in ctx.report.findings if f.kind == kind]


def test_footnotes_blocks_per_chapter_with_a_table_and_its_lettered_notes():
    tei, ctx = _convert(BOOKS / "notes-chapter-blocks.txt")
    notes = _notes(tei)
    assert sorted(notes) == ["1", "2", "3", "4", "A", "B"]
    assert ctx.report.counts["notes_linked"] == ctx.report.counts["notes"] == 6
    one = notes["1"][0]
    # the [1] of the text, not the (1) of the enumeration of accounts below it
    assert _before(one).endswith("rebuilt in stone forty years later.")
    assert one.get("place") == "foot" and _words(one).startswith("Harbour Board Minutes")
    # the numbered list introduced by a colon stays text, and so does the enumeration
    text = _words(tei.find(".//t:body", NS))
    assert "1. A penny a ton" in text and "(1) Dues, (2) Repairs, (3) Wages" in text
    # the table and the paragraph after it belong to note 4; its lettered notes sit in it
    four = notes["4"][0]
    assert "These figures leave out the coasting trade." in _words(four)
    assert notes["A"][0].xpath("ancestor::t:note[@n='4']", namespaces=NS)
    assert _words(notes["A"][0]) == "Eight months only."
    assert not tei.xpath("//t:div[@type='notes']", namespaces=NS)
    assert [f.text for f in _findings(ctx, "removed-notes-heading")] == ["FOOTNOTES:"]


def test_notes_set_in_brackets_after_the_title_or_the_paragraph():
    tei, ctx = _convert(BOOKS / "notes-in-brackets.txt")
    notes = _notes(tei)
    # the ^1 of the contents list stays text: note 1 is the title's
    one = notes["1"][0]
    assert _before(one) == "Song--The Miller's Daughter"
    assert "Miller's Daughter^1" in _words(tei.xpath("//t:div[@type='contents']", namespaces=NS)[0])
    # a note over two blocks keeps both paragraphs
    three = notes["3"][0]
    assert [_words(p) for p in three.findall("t:p", NS)] == [
        "A local saying. It is found in no book, but the millers' wives still use it.",
        'Another form of it runs "flour in her hair".',
    ]
    # "[Footnote : ...]" after note 4 is note 5, at the ^5 of the text (reported)
    assert _before(notes["5"][0]).endswith("where she walks the heather")
    assert [f.line for f in _findings(ctx, "note-number-restored")] == [34]
    star = [n for n in notes["*"] if n.getparent().tag.endswith("}p")]
    assert len(star) == 1 and _before(star[0]).endswith("it broke on the day she died.")
    # "(Footnote. ...)" without a mark in the text is kept where it stood, and reported
    lost = _findings(ctx, "note-without-reference")
    assert [f.line for f in lost] == [45]
    assert any(_words(n) == "The bowl came from Glasgow." for n in notes["*"])
    assert all(n.get("place") == "foot" for ns in notes.values() for n in ns)
    assert "[Footnote" not in _words(tei.find(".//t:text", NS))


def test_numbered_notes_after_each_essay_and_licence_items_left_alone():
    tei, ctx = _convert(BOOKS / "notes-after-essays.txt")
    notes = _notes(tei)
    assert sorted((n, len(v)) for n, v in notes.items()) == [("1", 3), ("2", 1), ("E1", 1)]
    first, second, third = notes["1"]
    assert _before(first).endswith("Good roads are the sinews of a county.")
    assert _words(first) == "See the Report of the Road Commissioners, 1787."
    assert _before(second).endswith("A bridge is a road over water.")
    assert _words(notes["E1"][0]).startswith("Two versions of this sentence")
    assert all(n.get("place") == "end" for ns in notes.values() for n in ns)
    text = _words(tei.find(".//t:text", NS))
    # the licence's items stay text (the wrapper pass moves the licence into the header's
    # availability statement) and so does the paper's own numbered list
    header = _words(tei.find(".//t:teiHeader", NS))
    assert "Only give exact copies of it." in header and "[2] Honor the refund provisions" in header
    assert "1. To lay out roads between the towns." in text
    assert ctx.report.counts["notes_linked"] == ctx.report.counts["notes"] == 5
    # "1 This statement ..." numbered without a stop after the paper is its note too
    assert _before(third).endswith("TWO ONLY of them")
    assert _words(third).startswith("This statement is taken from the printed list")
    # the other version's [E1] has no note of its own: it stays, and is reported
    assert "[It costs more than a road.][E1]" in text
    assert [(f.line, f.text) for f in _findings(ctx, "reference-without-note")] == [(54, "[E1]")]


def test_footnotes_at_the_end_of_the_book_with_right_aligned_numbers():
    tei, ctx = _convert(BOOKS / "notes-at-the-end.txt")
    notes = _notes(tei)
    assert sorted(notes) == ["1", "2", "3"]
    one = notes["1"][0]
    assert _before(one) == "Habit is the body's memory."
    paras = [_words(p) for p in one.findall("t:p", NS)]
    assert len(paras) == 2 and paras[1] == "It is found, in other words, in the old writers on education."
    assert _before(notes["3"][0]).endswith("The will makes habits and is made by them.")
    text = _words(tei.find(".//t:text", NS))
    assert "(1) definite principles; (2) facts of sensation" in text
    assert "1. Habits of the body come first." in text
    assert ctx.report.counts["notes_linked"] == 3


def test_notes_at_the_foot_of_ocr_pages():
    tei, ctx = _convert(BOOKS / "notes-page-foot.txt")
    notes = _notes(tei)
    linked = {n: [x for x in v if x.getparent().tag.endswith("}p")] for n, v in notes.items()}
    assert len(linked["1"]) == 2
    assert _before(linked["1"][0]).endswith("light diet. Dr. Wallace")
    assert _before(linked["1"][1]).endswith("given small quantities of water.")
    assert _words(linked["1"][0]).startswith("On the Fevers of Hot Climates")
    assert _before(linked["2"][0]).endswith("if the patient be weak.")
    # the asterisk's note takes the rest of its prescription, down to the page's end
    star = linked["*"][0]
    assert _before(star).endswith("a draught of the mixture")
    assert [_words(p) for p in star.findall("t:p", NS)] == ["R. Aquae rosae, jiv.", "Syrupi, gj. M."]
    assert ctx.report.counts["notes_linked"] == ctx.report.counts["notes"] == 4
    text = _words(tei.find(".//t:body", NS))
    assert "Of 2 patients so treated" in text  # no page ends after it: a number, not a mark
    assert all(n.get("place") == "foot" for ns in notes.values() for n in ns)


@pytest.mark.parametrize(
    "name", ["notes-chapter-blocks", "notes-in-brackets", "notes-after-essays", "notes-at-the-end", "notes-page-foot"]
)
def test_editions_with_notes_are_valid_and_lose_no_words(name, tmp_path, tei_all):
    from teikit.validate import TEIKIT_RNG, validate

    out, _ = convert_book(name, tmp_path)
    for schema in (TEIKIT_RNG, tei_all):
        run = validate([out], schema=schema)
        assert run.summary.invalid == 0, [(r.path, r.problems[:3]) for r in run.results if not r.valid]
    assert not lost_words((BOOKS / f"{name}.txt").read_text("utf-8"), out)


def _corpus(name: str):
    path = CORPUS / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"the development corpus is not here ({CORPUS})")
    return _convert(path)


def test_corpus_keynes_notes_numbered_through_the_book():
    tei, ctx = _corpus("keynes-economic-consequences")
    notes = _notes(tei)
    numbered = sorted(int(n) for n in notes if n.isdigit())
    assert numbered == list(range(1, 169)) and all(len(notes[str(n)]) == 1 for n in numbered)
    assert all(n.getparent().tag.endswith(("}p", "}head", "}cell", "}note")) for v in notes.values() for n in v)
    assert _before(notes["1"][0]).endswith("of whom an insignificant proportion emigrated.")
    assert _words(notes["168"][0]).startswith("It is reported that the United")
    # the lettered notes of the table inside note 122
    assert [x.get("n") for x in notes["122"][0].iter("{*}note")][1:] == ["A", "B", "C"]
    assert ctx.report.counts["notes_linked"] == 171
    # every reference paired before the paragraphs were joined was found again after
    assert not [f for f in _findings(ctx, "note-without-reference") if "not found again" in f.message]


def test_corpus_james_one_block_of_notes_after_the_index():
    tei, ctx = _corpus("james-varieties-of-religious-experience")
    notes = _notes(tei)
    assert sorted(int(n) for n in notes) == list(range(1, 364))
    assert ctx.report.counts["notes_linked"] == 363
    assert _before(notes["200"][0]).endswith("The Buddha and Mohammed")
    assert _words(notes["200"][0]).startswith("Compare J. L. MERRICK")
    # the enumeration of Lecture III stays text
    assert tei.xpath("//t:p[contains(., 'four things: (1)')]", namespaces=NS)


def test_corpus_burns_notes_after_titles_and_verses():
    tei, ctx = _corpus("burns-poems-and-songs")
    linked = tei.xpath("//t:text//t:note[@place][not(parent::t:div)]", namespaces=NS)
    assert len(linked) == 182 and ctx.report.counts["notes_linked"] == 182
    first = next(n for n in linked if _words(n).startswith("The first of my performances."))
    assert _before(first).endswith("Handsome Nell")
    # the contents list (no heading: found by its entries) keeps its ^1 (copies of the titles' marks)
    assert tei.xpath("//t:front/t:div[@type='contents'][contains(., 'Brownhill Inn^1')]", namespaces=NS)


def test_corpus_aurelius_notes_after_the_letters_and_a_list_keyed_by_phrase():
    tei, ctx = _corpus("aurelius-meditations-casaubon")
    linked = tei.xpath("//t:text//t:note[@place][not(parent::t:div)]", namespaces=NS)
    assert len(linked) == 48  # 16 blocks of notes in the appendix, numbered afresh in each
    first = next(n for n in linked if _words(n).startswith("References are made to the edition of Naber"))
    assert _before(first).endswith("M. CORNELIUS FRONTO")
    # the enumeration of translations in the introduction stays text
    assert tei.xpath("//t:p[contains(., '(1) By Meric Casaubon')]", namespaces=NS)
    # the NOTES keyed by book and phrase stay a notes division of the back matter, reported
    keyed = tei.xpath("//t:back/t:div[@type='notes']", namespaces=NS)
    assert len(keyed) == 1 and "Both to frequent" in _words(keyed[0])
    assert [f.line for f in _findings(ctx, "notes-without-numbers")] == [line_of(keyed[0])]


def test_marks_that_are_not_notes_stay_text():
    """Citations of a list of references, emphasis asterisks and a bulleted list."""
    tei, ctx = _convert(BOOKS / "notes-none.txt")
    assert not tei.xpath("//t:text//t:note", namespaces=NS)
    assert not ctx.report.counts["notes"]
    text = _words(tei.find(".//t:text", NS))
    assert "should be cited [1]" in text and "Smith, J. On Citing." in text
    assert "Cite the page, not only the book" in text


def test_a_bracket_never_closed_takes_only_its_block():
    tei, ctx = _convert(BOOKS / "notes-unclosed.txt")
    (note,) = tei.xpath("//t:text//t:note", namespaces=NS)
    assert _before(note) == "The mill stood by the water." and _words(note) == "The mill of Mossgiel, which"
    assert [f.line for f in _findings(ctx, "note-unclosed")] == [9]
    paras = [_words(p) for p in tei.xpath("//t:body//t:p", namespaces=NS)]
    assert "The third paragraph of the text." in paras


def assert_found_as_the_pattern_finds(fast, pattern, pieces: list[str], seed: int) -> None:
    """`fast.finditer` finds what `pattern.finditer` finds, on 20,000 random texts of `pieces`."""
    import random

    rng = random.Random(seed)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == expected, text


def test_references_are_found_where_the_pattern_finds_them():
    """The references looked for where one may begin are those `REF` finds tried at every
    position, on texts made of the characters that begin, end or surround one."""
    from teikit.convert import notes
    from teikit.convert.blocks import SUPERSCRIPTS

    pieces = [
        *"ab A.!?'’\"”‘“ 12345^{}[]\n\t",
        *SUPERSCRIPTS[:5],
        "^{1}",
        "^{’12}",
        "[2]",
        ".3 ",
        "’ 12 The",
        ".\u00a07 X",
    ]
    assert_found_as_the_pattern_finds(notes._REFS, notes.REF, pieces, seed=13)


def test_note_marks_are_found_where_the_pattern_finds_them():
    """`MARK.finditer`, trying the mark pattern only where a mark may begin, finds what the
    pattern finds tried at every position, on texts of the characters that begin, end or
    surround a mark (brackets, carets, parentheses, symbols, digits set off by spaces)."""
    from teikit.convert import notemarks
    from teikit.convert.blocks import SUPERSCRIPTS

    pieces = [
        *"ab A.,;:!?'’\"”) 123456789(0)[]^{}*†‡§¶\n\t",
        *SUPERSCRIPTS[:5],
        "[12]",
        "[A]",
        "[B3]",
        "^{4}",
        "^56",
        "(7)",
        "***",
        "word 1 ",
        "Desruelles 2",
        "x\u00a03",
    ]
    assert_found_as_the_pattern_finds(notemarks.MARK, notemarks._MARK, pieces, seed=29)
