"""Organisations in a book without an index (teikit.enrich.orgs), on Keynes's Economic
Consequences of the Peace and Gardiner's French Revolution: a country's government described
is no body's name ("the German Government"), a noun alone after "the" names a body only in a
book that calls the body so ("the Convention", not "the Commission"), a noun without an
article may be a body's own name ("before Congress"), the pack "german" ("the Reichstag"),
and a parliament's Chamber ("the French Chamber")."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, text
from teikit.enrich import orgs, registers
from teikit.profile import load_profile

CORPUS = ROOT.parent / "shared" / "corpus" / "books"
PROFILES = ROOT / "tests" / "data" / "enrich" / "profiles"


def _names(sentence: str, profile=None, book: str = "") -> list[str]:
    shapes = orgs.Shapes.of(profile or load_profile(), book or sentence)
    return [f.name for f in orgs.find(sentence, shapes)]


def _discovered(pieces: list[str], profile=None) -> list[list[orgs.Found]]:
    profile = profile or load_profile()
    shapes = orgs.Shapes.of(profile, "\n\n".join(pieces))
    return orgs.discover(orgs.Orgs(registers.Register("org")), pieces, shapes, profile)


# ------------------------------------------------------------------ a country's government


def test_a_government_a_people_or_a_country_qualifies_is_the_countrys_described():
    """Keynes writes "the German Government" for Germany acting, as "the Government of
    Germany"; a people's adjective no rule derives from its country (`[orgs] peoples`:
    "French", "English") says as much; "the Provisional Government" is a body's name."""
    said = "On October 5, 1918, the German Government addressed a brief Note to the\nPresident"
    assert _names(said) == []
    assert _names("from the British, French, and United States Governments, the French Government") == []
    assert _names("The English Government had to deal with Ireland") == []  # Gardiner
    assert _names("power passed to the Provisional Government in March") == ["Provisional Government"]


# ------------------------------------------------------------------ a noun alone after "the"


_REPARATION = "without regard to the views of the Reparation Commission."  # Keynes, l. 1607
_THE_COMMISSION = "In general the Commission decides by a majority vote, except in certain"  # Keynes, l. 4717
_NATIONAL = "The National Convention met on September 21."
_THE_CONVENTION = "was enabled to impose its will upon the Convention and the Committee\nof Public Safety"  # Gardiner


def test_a_noun_alone_names_a_body_only_where_the_book_calls_it_so_far_more_often():
    """ "the Commission" as often as "the Reparation Commission": a common noun standing for
    it (Keynes); "the Convention" far more often than "the National Convention": the
    book's name of the body (Gardiner)."""
    keynes = _discovered([_REPARATION, _THE_COMMISSION, _REPARATION, _THE_COMMISSION])
    assert [f.bare for f in keynes[1]] == [True]
    assert "Commission" not in orgs.book_names(keynes)
    gardiner = _discovered([_NATIONAL, _THE_CONVENTION, _THE_CONVENTION])
    assert "Convention" in orgs.book_names(gardiner)


# ------------------------------------------------------------------ a noun without an article


_ADDRESS = "laid down in his Address to Congress on the 8th January, 1918 the"  # Keynes, l. 1324
_SPEECH = "passage in the President's speech before Congress on February 11, 1918"  # Keynes, l. 2711
_OF_JANUARY = "terms of peace laid down in the President's Address to Congress of\nJanuary 8, 1918, and"  # l. 1318


def test_a_noun_the_book_writes_without_an_article_is_a_bodys_name():
    found = _discovered([_ADDRESS, _SPEECH, _OF_JANUARY])
    assert [[f.name for f in fs] for fs in found] == [["Congress"], ["Congress"], ["Congress"]]
    # one use alone tells nothing: "Address to Congress of January 8" is no "Congress of January"
    assert _names(_OF_JANUARY) == []


def test_a_noun_the_book_writes_in_lower_case_too_is_an_idioms_not_a_name():
    """ "in Council" twice in Keynes, who writes "the council chamber" too."""
    council = [
        "by the cerebrations of Statesmen in Council:",  # l. 175
        "with his colleagues in Council by sometimes throwing over with an air of",  # l. 656
        "agility of a Lloyd George. There can seldom have been a statesman of the\ncouncil chamber.",  # l. 980
    ]
    assert _discovered(council) == [[], [], []]


def test_a_body_named_by_its_number_is_called_by_the_number_alone_after_it_is_named():
    """ "The Council of Four ... the interest of the Four" (Keynes, l. 5595-5601): the same
    body; before the book names it too (l. 200, the development sample's Four, round 13); not
    before another capitalised word."""
    before = "house, where the Four fulfilled their destinies in empty and arid"  # l. 200
    named = "The Council of Four paid no attention to these issues, being preoccupied"
    after = "which it was impossible to arouse the interest of the Four. Reparation"
    powers = "Germany has four votes out of ten; the Four Powers met."  # l. 2282; the book writes "four"
    found = _discovered([before, named, after, powers])
    assert [
        [(f.name, pieces[f.start : f.end]) for f in fs] for fs, pieces in zip(found, [before, named, after, powers])
    ] == [
        [("Council of Four", "Four")],
        [("Council of Four", "Council of Four")],
        [("Council of Four", "Four")],
        [],
    ]


# ------------------------------------------------------------------ the pack "german", a Chamber


def test_the_german_pack_knows_the_reichstag_and_the_reichsbank(tmp_path: Path):
    book = tmp_path / "book.toml"
    book.write_text('include = ["german"]\n', encoding="utf-8")
    german = load_profile(book)
    said = "Constitution and a Government dependent for its authority on the\nReichstag."  # Keynes, l. 1293
    assert _names(said, profile=german) == ["Reichstag"]
    said = "Germany during the war for the surrender to the Reichsbank not only of"  # Keynes, l. 3808
    assert _names(said, profile=german) == ["Reichsbank"]
    assert _names(said) == []


def test_a_chamber_is_a_house_of_a_parliament():
    said = "A speech delivered by M. Klotz before the French Chamber\nsix months later"  # Keynes, l. 3030
    assert _names(said) == ["French Chamber"]


def test_a_house_is_a_bodys_only_before_of_and_its_members():
    said = "most to be relied on, is, that the House of Representatives is not"  # Federalist, l. 7343
    assert _names(said) == ["House of Representatives"]
    said = 'justices of county courts shall be eligible to either House of Assembly."'  # Federalist, l. 10915
    assert _names(said) == ["House of Assembly"]
    assert _names("amongst the political opponents of the House of Orange, but the") == []  # Gardiner, l. 7783
    assert _names("had thundered from the White House. He could have preached") == []  # Keynes, l. 967


# ------------------------------------------------------------------ the whole book


def test_keynes_marks_its_bodies_and_not_its_governments_nor_its_common_nouns(tmp_path: Path):
    from teikit.convert import convert

    source = CORPUS / "keynes-economic-consequences.txt"
    if not source.is_file():
        pytest.skip(f"the development corpus is not beside the project ({source} absent)")
    out = tmp_path / "keynes"
    convert(source, out, profile=load_profile(PROFILES / "keynes-economic-consequences.toml"))
    marks = [
        " ".join(text(m).split())
        for f in sorted(out.glob("ch*.xml"))
        for m in etree.parse(str(f)).iterfind(".//t:orgName", NS)
    ]
    assert marks.count("Reichsbank") >= 10
    assert marks.count("Congress") >= 3
    assert "French Chamber" in marks
    assert not {"German Government", "French Government", "Commission", "Conference", "Council"} & set(marks)
    assert marks.count("Reparation Commission") > 40
