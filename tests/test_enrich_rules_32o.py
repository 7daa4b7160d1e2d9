"""Organisations named by shapes that carry from book to book (issue 14's orgName recall), in
books of the development corpus converted with the profile their editor chose: a hospital or a
college that a founder's or a patron's possessive heads (Parker's Queen's Hospital, Keynes's
King's College), a body named by its number of members called by the number alone before the
book names it in full (Keynes's "the Four"), an order of friars or knights named by its members
(Longfellow's notes to The Divine Comedy, Gardiner's Knights Templars), a university named for
its town or founder by one word that no list knows as a place (James's "University of
Harvard"), two bodies' names joined by a dash or a hyphen without a space as one body where the
second is a body's noun a known name opens or where the index heads them so (the bundled
book's "Central Committee–Sovnarkom Commission on Transport", "Central Control
Commission-Rabkrin"), a word that ends in a suffix of the pack russian's, a Soviet body's
one-word name (the bundled book's Yugostal, Azovstal), a name that double quotation marks open
after "the" (James's “Don’t Worry Movement”)."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules32o")


def test_a_hospital_or_a_college_a_patrons_possessive_heads_is_a_body(book, parker):
    said = "in a patient in the Queen's Hospital. The vesicles were seated"
    assert "Queen's Hospital" in marked_texts(parker, said, "orgName")
    said = "afterwards, as an in-patient of the Queen's Hospital"
    assert "Queen's Hospital" in marked_texts(parker, said, "orgName")
    # a hospital named without a patron is a body too
    said = "employed at the Hospital St. Louis, and in the Venereal Hospital, which may be adopted"
    assert "Venereal Hospital" in marked_texts(parker, said, "orgName")
    # not the title of a hospital's journal: more capitalised words follow the noun
    said = "Dr. Golding Bird (Guy's Hospital Reports, April 1845.)"
    assert marked_texts(parker, said, "orgName") == []
    keynes = book("keynes-economic-consequences")
    said = "JOHN MAYNARD KEYNES, C.B. Fellow of King's College, Cambridge"
    assert "King's College" in marked_texts(keynes, said, "orgName")


def test_a_body_called_by_its_number_of_members_before_the_book_names_it(book):
    keynes = book("keynes-economic-consequences")
    # the first chapter alludes to the Council of Four, which the third names
    said = "house, where the Four fulfilled their destinies in empty and arid intrigue"
    assert "Four" in marked_texts(keynes, said, "orgName")
    said = "once stepped down to the intimate equality of the Four, the game was"
    assert "Four" in marked_texts(keynes, said, "orgName")
    # a number before another capitalised word is no body's
    said = "This is one of the many questions to which the Fourteen Points give no clear answer"
    marked = marked_texts(keynes, said, "orgName")
    assert "Four" not in marked and "Fourteen" not in marked


def test_an_order_of_friars_or_knights_is_named_by_its_members(book, dante):
    said = "under the title of “Knights of Santa Maria.”"
    assert "Knights of Santa Maria" in marked_texts(dante, said, "orgName")
    said = "or “Jovial Friars,” was a nickname"
    assert "Jovial Friars" in marked_texts(dante, said, "orgName")
    said = "St. Dominic founded the Order of Preaching Friars"
    assert "Preaching Friars" in marked_texts(dante, said, "orgName")
    said = "an old keep once belonging to the Knights Templars"
    assert "Knights Templars" in marked_texts(book("gardiner-french-revolution"), said, "orgName")
    # a building named for the friars is a place, no order
    said = "Written In Friars'-Carse Hermitage"
    assert marked_texts(book("burns-poems-and-songs"), said, "orgName") == []


def test_a_university_of_one_word_is_named_for_its_town_or_founder(book):
    said = "At my own University of Harvard, not a winter passes without its harvest"
    assert "University of Harvard" in marked_texts(book("james-varieties-of-religious-experience"), said, "orgName")


def test_two_names_a_dash_joins_before_a_noun_a_known_name_opens_are_one_body(sample_edition):
    edition, _ = sample_edition
    said = "The Central Committee–Sovnarkom Commission on Transport in December 1934 approved"
    marked = marked_texts(edition, said, "orgName")
    assert "Central Committee–Sovnarkom Commission on Transport" in marked and "Central Committee" not in marked
    said = "Kaganovich became his deputy in the joint Politburo–Sovnarkom Defence Committee."
    assert "Politburo–Sovnarkom Defence Committee" in marked_texts(edition, said, "orgName")
    # two bodies acting together, before a lower-case noun: two names
    said = "published as a joint Central Committee–Sovnarkom USSR resolution"
    marked = marked_texts(edition, said, "orgName")
    assert "Central Committee" in marked and "Sovnarkom USSR" in marked


def test_names_a_hyphen_joins_that_the_index_heads_as_one_are_one_body(sample_edition):
    edition, _ = sample_edition
    said = "The decision to abolish the Central Control Commission-Rabkrin (see The Reorganization"
    assert "Central Control Commission-Rabkrin" in marked_texts(edition, said, "orgName")
    # the index heads no joint plenum: two bodies
    said = "Kaganovich reported to the party activists on the results of the joint Central Committee-CCC plenum"
    marked = marked_texts(edition, said, "orgName")
    assert "Central Committee" in marked and "CCC" in marked


def test_a_word_ending_in_a_soviet_bodys_suffix_names_a_body(sample_edition):
    edition, _ = sample_edition
    said = "discussed the near insolvency of two Ukrainian trusts, Yugostal and the"
    assert "Yugostal" in marked_texts(edition, said, "orgName")
    said = "investigating the building of the steel works of 'Azovstal' and 'Zaporozhstal'"
    marked = marked_texts(edition, said, "orgName")
    assert "Azovstal" in marked and "Zaporozhstal" in marked
    # before an establishment's noun, the establishment's own name, as "the Sormovo works"
    said = "The Moskanalstroi trust was set up to organize"
    assert "Moskanalstroi trust" in marked_texts(edition, said, "orgName")


def test_double_quotation_marks_after_the_open_a_name_not_a_sentence(book):
    said = "of the “Don’t Worry Movement,” of people who"
    assert "Don’t Worry Movement" in marked_texts(book("james-varieties-of-religious-experience"), said, "orgName")
