"""Parties and places in Longfellow's notes to The Divine Comedy, the Standard Ebooks source
tree of the shared corpus converted with the default profile as an editor's first run
converts it (issue 18): a word the book writes in the plural after "the" and alone after "a"
("the Ghibellines", "a Ghibelline") names one of a party or a people, no person."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules29e")


def test_a_partys_word_written_in_the_plural_and_after_a_is_no_person(dante):
    # the notes write "the Ghibellines", "the Guelfs" and "a Ghibelline", "a Guelf"
    said = "one party was called Guelf and the other party Ghibelline"
    marked = marked_texts(dante, said)
    assert "Guelf" not in marked and "Ghibelline" not in marked
    said = "Imperial Vicar, Ghibelline, and friend of Dante"
    assert "Ghibelline" not in marked_texts(dante, said)
    # the rule takes no person the notes name: Dante stays one
    assert "Dante" in marked_texts(dante, said)


def test_a_name_after_a_castle_or_a_valley_and_of_is_a_place(dante):
    # "castle" and "valley" are features of a place of the default profile, as "banks" is
    said = "was born of a noble family at the castle of Ribeyrac in Périgord"
    assert "Ribeyrac" in marked_texts(dante, said, "placeName")
    said = "who died a prisoner in the castle of Peronne, in 922"
    assert "Peronne" in marked_texts(dante, said, "placeName")
    said = "which glided gently through the valley of Trent, assumes the roughness of a torrent"
    assert "Trent" in marked_texts(dante, said, "placeName")


def test_a_name_running_on_through_a_particle_is_no_place_by_its_first_word(dante):
    # "di" is a particle of the default profile: "Monte di Croce" is one name, not "Monte"
    said = "the powerful family of the Cerchi had their castle of Monte di Croce"
    assert "Monte" not in marked_texts(dante, said, "placeName")


def test_a_river_after_a_feature_of_the_is_a_place_a_common_words_capital_is_not(dante):
    # "of the" is a link of the default profile's features: a river is so written
    said = "lord of Falterona in the valley of the Bisenzio"
    assert "Bisenzio" in marked_texts(dante, said, "placeName")
    # a word the book writes in lower case too, after "the", is a common word's capital
    said = "the representations on the walls of the Temple of Juno at Carthage"
    assert "Temple" not in marked_texts(dante, said, "placeName")


def test_a_word_written_once_opening_a_sentence_before_a_surname_is_the_forename(dante):
    # "Bertoldo" is in no list and the notes write it nowhere else; Orsini is named alone
    said = "Bertoldo Orsini was deposed from the Countship of Romagna"
    assert "Bertoldo Orsini" in marked_texts(dante, said)
    assert "Orsini" not in marked_texts(dante, said)


def test_a_preposition_the_profile_says_is_no_name_opens_no_name_written_once(book):
    # Gardiner writes "Unlike" once, opening this sentence, and never in lower case
    said = "Unlike Marat and Robespierre"
    marked = marked_texts(book("gardiner-french-revolution"), said)
    assert "Unlike Marat" not in marked and "Marat" in marked
