"""Persons named by their shape (issue 18, round 13), read in two books converted with the
default profile: Longfellow's Divine Comedy and The Prince (Machiavelli, tr. W. K. Marriott),
both Standard Ebooks source trees in the shared corpus.

A sovereign's name written between a title of the profile's sovereigns or rulers and a
ruler's number is a person's ("Pope Urban IV", "Pope Celestine V", "Pope Leo X"), marked
with the title and the number, and marked alone wherever the book writes it so ("Resign,
Celestine!"); a word the book writes in lower case too is none ("Pope Innocent III" beside
"innocent"), nor does the rule take a word another rule found already ("Pope Julius the
Second" keeps its epithet).

A family named in the plural in one list with a person the book names is persons, though the
book never writes the family's name in the singular (Gardiner's French Revolution, a plain text
converted with its editor's profile: "Lafayette, Barnave, the Lameths"); no family where a
capitalised word follows ("the Phillips Brookses", James's Varieties of Religious Experience).

A note or paragraph that opens with a name, a comma, "born" and a year is a note on that
person ("Agathocles the Sicilian, born 361 BC, died 289 BC.", an endnote of The Prince): the
name is a person's there and wherever the book writes it ("if the courage of Agathocles in
entering into ... dangers").

The profile's persons of myth and letters (`[names] known`) hold the Italian form of a poet
English writes both ways ("whom Petrarca calls “the Grand Master of Love,”", beside Petrarch)
and the nymph of Ovid's tale ("Those eyes compassionless, of Syrinx hearing")."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts, marks


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules32p")


def test_a_name_between_a_popes_title_and_a_rulers_number_is_a_person(dante):
    said = "An order of knighthood, established by Pope Urban IV in 1261"
    assert marked_texts(dante, said)[0] == "Pope Urban IV"  # the paragraph's first mention
    said = "Generally supposed to be Pope Celestine V whose great refusal"
    assert "Pope Celestine V" in marked_texts(dante, said)


def test_the_sovereigns_name_so_found_is_marked_alone_and_linked(dante):
    said = "Resign, Celestine! Resign, Celestine!"
    found = [(text, ref) for text, ref in marks(dante, said) if text == "Celestine"]
    assert len(found) >= 2  # the paragraph writes him alone four times
    assert found[0][1] is not None and {ref for _, ref in found} == {found[0][1]}  # one person, linked
    said = "He was acknowledged by two Popes, Urban IV and"
    assert "Urban IV" in marked_texts(dante, said)


def test_a_common_word_after_a_popes_title_needs_the_number(dante):
    """r14-events' rule takes a common word between "Pope" and a number ("Pope Innocent III"),
    as the development golds do; without the number it is no sovereign's name."""
    said = "The permission to establish his religious Order, granted by Pope Innocent III"
    assert "Pope Innocent III" in marked_texts(dante, said)
    said = "may have sat upon the Poet’s knee, as a bright, innocent little child"
    assert not any("nnocent" in text for text in marked_texts(dante, said))


def test_a_name_another_rule_found_keeps_its_epithet(prince):
    said = "Pope Leo X was the Cardinal de’ Medici"
    assert marked_texts(prince, said)[0] == "Pope Leo X"
    said = "not wish to leave this recent one of Pope Julius the Second"
    assert "Pope Julius the Second" in marked_texts(prince, said)


def test_a_family_in_the_plural_listed_with_persons_is_marked(book):
    gardiner = book("gardiner-french-revolution")
    said = "Amongst the constitutionalists or Feuillants were Lafayette, Barnave, the Lameths, and all the most"
    found = marked_texts(gardiner, said)
    assert "Lameths" in found
    assert found[found.index("Lameths") - 2 : found.index("Lameths") + 1] == ["Lafayette", "Barnave", "Lameths"]
    said = "ascendancy to the group which followed Barnave and the Lameths."
    found = marked_texts(gardiner, said)
    assert "Lameths" in found and found[found.index("Lameths") - 1] == "Barnave"


def test_a_plural_before_a_capitalised_word_is_no_family(book):
    james = book("james-varieties-of-religious-experience")
    said = "Emerson’s or Phillips Brooks’s, we see the range"
    assert "Phillips" not in marked_texts(james, said)


def test_a_note_opening_with_a_name_and_born_names_a_person(prince):
    assert marked_texts(prince, "Agathocles the Sicilian, born 361 BC, died 289 BC.") == ["Agathocles the Sicilian"]
    assert marked_texts(prince, "Hiero II, born about 307 BC, died 216 BC.") == ["Hiero II"]
    assert marked_texts(prince, "Joannes Cantacuzenus, born 1300, died 1383.") == ["Joannes Cantacuzenus"]


def test_the_person_of_such_a_note_is_marked_wherever_named(prince):
    said = "Still, if the courage of Agathocles in entering into and extricating himself"
    found = marks(prince, said)
    assert [text for text, _ in found].count("Agathocles") >= 1
    said = "Giuliano della Rovere, Cardinal of San Pietro ad Vincula, born 1443"
    assert "Vincula" not in marked_texts(prince, said)


def test_the_profiles_known_persons_hold_petrarca_and_syrinx(dante):
    said = "whom Petrarca calls “the Grand Master of Love,”"
    assert "Petrarca" in marked_texts(dante, said)
    said = "Those eyes compassionless, of Syrinx hearing"
    assert "Syrinx" in marked_texts(dante, said)
