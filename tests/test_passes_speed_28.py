"""The shortcuts of round 7 of issue 14 (enrichment's half second) in the organisations' and
the places' passes give what their plain forms give.

`orgs.capitalised_after_the` seeks "the" and its space as one literal, the look-behind for
the character before "the" after them (before the space, it cut the literal `re` seeks to
"the", found at every "there" and "other"): compared with the pattern that looked behind
before the space, on the bundled book, the edition's text nodes, corpus books and edges.
`places.apply` makes each place's mark once and copies it for each mention
(`places._place_marks`): the conversion of the bundled book (its profile and registers) and
of a corpus book without a profile compared with the marks made one by one by `make_in`.

And a fix found on the way: `orgs._words_before` asked at the end of a text that a lone
quotation mark ends (after it, no word) read past the text's end (IndexError); it finds no
capitalised word there, as before any other character that opens none.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import SAMPLE, SHARED, edition_pieces, texts_writing
from teikit.convert import convert_tree
from teikit.enrich import orgs, places
from teikit.profile import load_profile
from teikit.tei import make_in

# `_THE_CAPITALISED` as it was: the look-behind between "the" and its space.
_THE_CAPITALISED_PLAIN = re.compile(r"the(?<![\w-]the) ([A-Z][\w-]*)")

_EDGES = [
    "the Council",
    "bathe Council and breathe Air",
    "the Party; un-the Soviet, the-the Army",
    "_the Secretariat, 1the Cheka, éthe Army",
    "the  Double, the\tTab, the\nLine, the-Hyphen, the Hyphen-ated",
    "nothe, the",
    "the the The the Last",
    "—the Dash ’the Quote (the Bracket",
]


def test_the_capitalised_words_after_the_sought_from_the_and_its_space_are_the_plain_patterns():
    """`capitalised_after_the` (the literal "the " first, the look-behind after it) against
    the pattern with the look-behind before the space: the same words for the bundled book's
    source, every text node of its edition, the corpus books `texts_writing` reads and edges
    (a hyphen, "_", a digit or a letter before "the", two spaces, a tab, a line's end)."""
    texts = texts_writing("the ") + ["\n\n".join(pieces) for pieces in edition_pieces()] + _EDGES
    assert len(texts) > 1000
    words = 0
    for text in texts:
        expected = set(_THE_CAPITALISED_PLAIN.findall(text))
        assert orgs.capitalised_after_the(text) == expected, text[:80]
        words += len(expected)
    assert words > 2000
    assert orgs.capitalised_after_the(_EDGES[2]) == {"Party"}  # not after "un-the", "the-the"


def test_no_capitalised_words_before_the_end_of_a_text_a_lone_quotation_mark_ends():
    """Asked at the end of a text of the bundled book's edition that a quotation mark ends,
    alone after a space (a quotation opened, its words in the next text node), `_words_before`
    finds no capitalised words (-1); asked at the capital after the same quotation mark,
    where a name opens a quotation, it finds the words that open it as before."""
    pieces = [piece for pieces in edition_pieces()[:3] for piece in pieces]
    shapes = orgs.Shapes.of(load_profile(source=SAMPLE), "\n\n".join(pieces))
    asked = 0
    for piece in pieces[:400]:
        for mark in ("'", "‘", "’"):
            text = piece.rstrip() + " " + mark
            for prose in (True, False):
                assert orgs._words_before(text, len(text), shapes, prose) == -1
            asked += 1
    assert asked > 1000
    # "the 'Anti-Soviet Bloc of Rights and Trotskyites'": the name opens at its first word
    text = "the trial of the 'Anti-Soviet Bloc"
    assert orgs._words_before(text, text.index("Bloc"), shapes, True) == text.index("Anti")


def _plain_place_marks(tei):
    return lambda place, ref: make_in(tei, "placeName", ref=ref)


@pytest.mark.parametrize("book", ["iron-lazar", "gardiner-french-revolution"])
def test_the_places_marks_copied_are_the_marks_made_one_by_one(book, monkeypatch):
    """The whole conversion with each place's mark copied from the first made for it
    (`_place_marks`) against the marks made one by one (`make_in`): the same book, mark for
    mark, for the bundled book with its profile and registers and a corpus book without."""
    if book == "iron-lazar":
        source, extra = SAMPLE, {"registers_from": SAMPLE.parent.parent / "tei" / "iron-lazar"}
    else:
        source, extra = SHARED / "corpus" / "books" / f"{book}.txt", {}
        if not source.is_file():
            pytest.skip(f"corpus book not available at {source} (../shared absent)")
    out = []
    for maker in (places._place_marks, _plain_place_marks):
        monkeypatch.setattr(places, "_place_marks", maker)
        tree, _ = convert_tree(source, **extra)
        out.append(etree.tostring(tree, encoding="unicode"))
    assert out[0].count("<placeName ") > 200
    assert out[0] == out[1]
