"""A book's own emphasis markers (_…_, /…/, =…=) and sidenotes (♦…♦), decided from the book."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from conftest import NS, lost_words, text
from teikit.convert import convert, markers

DATA = Path(__file__).resolve().parent / "data" / "wrapper"


def test_a_marker_is_read_only_where_the_book_uses_it_consistently():
    used = "the _harbour master_ and the _Evening Star_, _slept_, 8,750,000_l._ and Languidly_._".split(", ")
    assert [c.char for c in markers.conventions(used)] == ["_"]
    # "and/or", "a = b", dates and URLs are no pairs; too few pairs is no convention
    prose = ["and/or the chain", "a = b = c", "on 1/2/1890 and 3/4/1890", "see http://a.org/x/y/ and www.b.org/=z="]
    assert markers.conventions(prose) == []
    assert markers.conventions(["one _pair_ only", "and a snake_case_name"]) == []
    slashes = ["he was /very/ tired", "/Le Monde/ said so", "and /never/ again", "a /fine/ day", "on 1/2/1890"]
    [conv] = markers.conventions(slashes)  # 8 of the 10 slashes paired: the date's are not
    assert (conv.char, conv.rend, conv.pairs, conv.occurrences) == ("/", "italic", 4, 10)
    assert [markers.span(m) for m in conv.pattern.finditer(" ".join(slashes))] == ["very", "Le Monde", "never", "fine"]
    # pairs that are a minority of the character's uses: no convention
    mixed = ["x =a= y", "p =b= q", "r =c= s"] + [f"v{i} = w{i}" for i in range(6)]
    assert markers.conventions(mixed) == []


def test_a_title_reads_as_one():
    from teikit.convert.inline import _headline

    assert [_headline(s) for s in ["Tales from Blackwood", "The Quest of the Golden Girl", "Review of Reviews"]] == [
        True
    ] * 3
    not_titles = ["Lord! what's", "Fishbourne wasn't the world", "Victory of Fleurus.", "Times", "Ceteris paribus?"]
    assert [_headline(s) for s in not_titles] == [False] * 5


def test_a_names_short_form_in_brackets_is_no_title(tmp_path):
    """An italic word in brackets shortening the name before it stays emphasis (which the name
    passes read, unlike a title's words); a work named after a person, or announced, stays a title."""
    book = tmp_path / "book.txt"
    book.write_text(
        "Chapter 1\n\nThe party renamed them the Political Bureau (*Politburo*) and the Organizational"
        " Bureau (*Orgburo*). He berated the People's Commissariat of Enlightenment (*Narkompros*)."
        " He read it in *Pravda* and in Ivan Turgenev (*Smoke*) and (*Izvestiya*).\n",
        encoding="utf-8",
    )
    convert(book, tmp_path / "out")
    [ch] = sorted((tmp_path / "out").glob("ch*.xml"))
    body = etree.parse(str(ch)).find(".//t:body", NS)
    assert [text(h) for h in body.iterfind(".//t:hi[@rend='italic']", NS)] == ["Politburo", "Orgburo", "Narkompros"]
    assert [text(t) for t in body.iterfind(".//t:title", NS)] == ["Pravda", "Smoke", "Izvestiya"]


def test_italic_and_bold_markers_become_hi_and_title(tmp_path):
    out = tmp_path / "modern"
    report = convert(DATA / "modern.txt", out)
    ch1 = etree.parse(str(out / "ch01.xml"))
    assert [(h.get("rend"), text(h)) for h in ch1.iterfind(".//t:hi", NS)] == [("italic", "harbour master")]
    assert [text(t) for t in ch1.iterfind(".//t:body//t:title", NS)] == ["Evening Star"]
    ch2 = etree.parse(str(out / "ch02.xml"))
    para = text(ch2.find(".//t:body//t:p", NS))
    assert "a = b held" in para and "and/or the chain" in para and "_" not in para
    assert [text(h) for h in ch2.iterfind(".//t:hi[@rend='italic']", NS)] == ["slept"]  # one word: emphasis
    assert [f.message for f in report.of_kind("inline-convention")] == [
        "'_…_' read as italic: 4 pairs hold 8 of the 8 '_' in the text"
    ]


def test_sidenotes_become_margin_notes_at_their_paragraph(tmp_path):
    out = tmp_path / "marks"
    report = convert(DATA / "marks.txt", out)
    ch = etree.parse(str(out / "ch01.xml"))
    paras = ch.findall(".//t:div/t:p", NS)
    assert [text(p[0]) if len(p) and p[0].get("place") == "margin" else None for p in paras] == [
        "The first summary.",
        "The second summary.",
        "Third.",
    ]
    assert text(paras[1]).startswith("The second summary. The second paragraph stands under its summary")
    assert "a lone ♦ that is no sidenote" in text(paras[2])
    assert [text(h) for h in ch.iterfind(".//t:hi[@rend='bold']", NS)] == ["bold words", "strong", "another"]
    assert "www.example.org/=x=" in text(paras[2])  # in a URL: no bold
    assert "a = b" in text(paras[1])
    assert [f.line for f in report.of_kind("sidenote-moved")] == [12]
    assert report.counts["sidenotes"] == 3
    assert not lost_words((DATA / "marks.txt").read_text("utf-8"), out)


def test_sidenotes_are_found_where_their_pattern_finds_them():
    """A sidenote's pattern tried only where its symbol stands finds what it finds tried at
    every position."""
    import random

    from teikit.convert.sidenotes import _Sidenotes

    finder = _Sidenotes("♦")
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(["♦", "♦", " ", "a", "B.", "\n", "♦♦"]) for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder.pattern.finditer(text)], text
