"""Persons in a book of separate poems and in a novel's headings (teikit.enrich.textnames):
a poem stands alone, so a forename alone in it is the bearer of a full name only where the
poem writes it; a novel's names are read book-wide; a heading's capitals make no surname.
On the real books of the development corpus (skipped where it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS
from teikit.convert import convert
from teikit.enrich.matching import uses_of
from teikit.enrich.namewords import Words
from teikit.enrich.textnames import _UsesIn
from teikit.profile import load_profile
from test_enrich_noindex import _book, _book_profile, _links


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Books of the corpus converted once for this module, by name."""
    made: dict[str, Path] = {}

    def edition(name: str) -> Path:
        if name not in made:
            out = tmp_path_factory.mktemp("poems") / name
            convert(_book(name), out, profile=_book_profile(name))
            made[name] = out
        return made[name]

    return edition


def _persons(folder: Path) -> set[str]:
    register = etree.parse(str(folder / "persons.xml"))
    return {" ".join("".join(pn.itertext()).split()) for pn in register.iterfind(".//t:person/t:persName", NS)}


def test_a_forename_alone_in_a_poem_is_the_bearer_of_a_full_name_only_that_poem_writes(editions):
    """Burns: "Robin Adair" is only a tune named over two songs, so no "Robin" of any other
    poem is he; the Tibbie of "O Tibbie, I Hae Seen The Day" is not the heroine of "Sweet
    Tibbie Dunbar". A poem that names a person in full makes its forename alone that
    person's, the full name written once there: "Epigram On Francis Grose / ... where poor
    Francis lay moaning", "Epitaph For Gavin Hamilton, Esq. / ... here Gavin sleeps"."""
    burns = editions("burns-poems-and-songs")
    links = _links(burns)
    assert not [name for name, ref in links if ref == "persons.xml#robin-adair" and name == "Robin"]
    tibbie = {ref for name, ref in _links(burns, "ch1771.xml") if name == "Tibbie"}
    assert tibbie == {None}
    assert ("Francis", "persons.xml#francis-grose") in links
    assert ("Gavin", "persons.xml#gavin-hamilton") in links


def test_a_novels_forename_alone_is_linked_book_wide(editions):
    """Wells, Mr Polly: "Cousin Miriam" (chapter four) is the Miriam of every later chapter:
    a novel's chapters are prose, read as one book."""
    wells = editions("wells-mr-polly")
    assert ("Cousin Miriam", "persons.xml#cousin-miriam") in _links(wells, "ch04.xml")
    assert {ref for name, ref in _links(wells, "ch0[5-9].xml") if name == "Miriam"} == {"persons.xml#cousin-miriam"}


def test_a_headings_forename_and_capitalised_word_make_no_person_the_book_names_nowhere_else(editions):
    """Wells's "Chapter the Tenth / Miriam Revisited": Revisited, capitalised as a heading
    capitalises its words, is no surname, and Cousin Miriam is not joined to a "Miriam
    Revisited". A heading that names a person after a word is read as prose: Burns's
    "Epistle To John Goldie, In Kilmarnock" names John Goldie."""
    wells = editions("wells-mr-polly")
    assert "Miriam Revisited" not in _persons(wells)
    assert "Cousin Miriam" in _persons(wells)
    assert "John Goldie" in _persons(editions("burns-poems-and-songs"))


def test_an_epithet_before_a_forename_that_is_a_common_word_stays_outside_the_name(editions):
    """Burns, "There's Auld Rob Morris that wons in yon glen": the adjective (the book writes
    "auld" in lower case) outside, the common word's forename and the surname after it one
    name, not "Rob" alone (joined to Rob Mossgiel of another poem)."""
    links = _links(editions("burns-poems-and-songs"), "ch1792.xml")
    assert ("Rob Morris", "persons.xml#rob-morris") in links
    assert not [ref for name, ref in links if name == "Rob"]


_WELLS_CHAPTER = [
    " Miriam Revisited",  # Chapter the Tenth (its label apart)
    "I",
    "One summer afternoon about five years after his first coming to the Potwell Inn Mr. Polly "
    "found himself sitting under the pollard willow fishing for dace.",
]
_WHISTLE_LINES = [
    "     Three joyous good fellows, with hearts clear of flaw",
    "     Craigdarroch, so famous for wit, worth, and law;",
]


def test_only_a_verse_line_goes_on_with_the_sentence_of_the_line_before():
    """A verse line that ends on a word or a comma goes on in the next line ("with hearts
    clear of flaw / Craigdarroch, so famous": written mid-sentence); a heading that ends
    without a stop ("Miriam Revisited", "I") goes on with nothing: "One summer afternoon"
    opens its paragraph."""
    profile = load_profile()
    prose = Words("\n\n".join(_WELLS_CHAPTER), profile, _WELLS_CHAPTER, headings=set(_WELLS_CHAPTER[:2]))
    assert prose.mid["One"] == 0
    verse = Words("\n\n".join(_WHISTLE_LINES), profile, _WHISTLE_LINES, lines=set(_WHISTLE_LINES))
    assert verse.mid["Craigdarroch"] == 1


def test_a_divisions_uses_counted_when_asked_are_those_of_one_scan():
    """`textnames._UsesIn` counts each full form of a poem when first asked: the counts of
    `matching.uses_of`, which scans for them all at once, on the real text of a book."""
    text = _book("burns-poems-and-songs").read_text(encoding="utf-8")
    forms = ["Gavin Hamilton", "Robin Adair", "Davie Bluster", "Rob Mossgiel", "John", "Mr. Aiken", "Jean"]
    lazily = _UsesIn(lambda: text)
    assert {form: lazily.get(form) for form in forms} == uses_of(forms, text)
