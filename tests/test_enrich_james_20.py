"""Persons and places in prose beside a subject index (teikit.enrich.textnames, places,
textplaces), on sentences of William James's *The Varieties of Religious Experience* (a
subject index that names some persons, no place) and Wells's *The History of Mr Polly*
(no index): a forename no list gives before a surname found in the text, a religious
title before a name, a people's adjective that a town's name spells, and places of two
words ("Port Royal", "East Northfield", "Keene Valley")."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "james20")


def test_a_word_before_a_surname_found_is_a_forename_no_list_gives(edition):
    """ "to Canning Schiller, of Oxford": the surname found alone (a person the profile
    lists), the capitalised word right before it mid-sentence no common word, title, land nor
    place the book names otherwise ("Canning" a town of GeoNames, written nowhere else) is
    his forename, in the mention; "Jerry M’Auley" likewise. Not a title written without its
    full stop ("Messrs Lombroso"), nor a word opening the sentence ("The Lord", "As
    Tennyson")."""
    james = edition("james-varieties-of-religious-experience")
    assert "Canning Schiller" in marked_texts(james, "to Canning Schiller, of Oxford, and to my colleague")
    assert "Jerry M’Auley" in marked_texts(
        james, "toward evening it came into my head to go to Jerry M’Auley’s Mission"
    )
    marked = marked_texts(james, "It is they who get counted when Messrs Lombroso")
    assert "Lombroso" in marked and "Messrs Lombroso" not in marked


def test_a_religious_title_before_a_name_is_in_the_mention(edition):
    """ "Mother Angélique", as "Sister Marie Claire" and "Father Vianney": the title is the
    mention's; but "our Mother England" is the land personified, no one's name."""
    james = edition("james-varieties-of-religious-experience")
    marked = marked_texts(james, "seeing her so tenderly attached to Mother Angélique")
    assert "Mother Angélique" in marked and "Sister Marie Claire" in marked
    polly = edition("wells-mr-polly")
    assert not any("Mother" in m for m in marked_texts(polly, "I have hinted that our Mother England had equipped"))


def test_a_peoples_adjective_spelling_a_town_is_no_place(edition):
    """ "Roman" is a town of Romania (67,000 people), but the book writes it after a cue
    only before a noun it qualifies ("the Greek and Roman gods", "the dealings of the Roman
    ecclesiasticism"): an adjective, marked nowhere ("less than a Greek or Roman"). A town
    so written once before a word that is no function word is a place all the same ("Philo of
    Alexandria describes"; "Saint Teresa of Avila just as", the example first given, is one
    saint's name now, as the development samples mark "Saint Catharine of Genoa")."""
    james = edition("james-varieties-of-religious-experience")
    for said in (
        "other hand Whitman is less than a Greek or Roman",
        "It was in this way that the Greek and Roman gods",
        "the spirit of the Roman Emperor is!",
    ):
        assert "Roman" not in marked_texts(james, said, "placeName"), said
    assert "Alexandria" in marked_texts(james, "which Philo of Alexandria describes his inspiration", "placeName")


def test_places_of_two_words(edition):
    """A town named with "Port" after a cue ("after he came to Port Royal", "[of Port
    Royal]"), as beside no index; a compass word before a town the gazetteer knows, written
    only after a cue ("Rankin, of East Northfield"); a name and "Valley" or "Falls"
    ("above Keene Valley", "the Horseshoe Falls")."""
    james = edition("james-varieties-of-religious-experience")
    marked = marked_texts(james, "seeing her so tenderly attached to Mother Angélique", "placeName")
    assert marked == ["Port Royal", "Port Royal"]
    marked = marked_texts(james, "to Henry W. Rankin, of East Northfield, a friend", "placeName")
    assert "East Northfield" in marked and "Keene Valley" in marked
    assert "Horseshoe Falls" in marked_texts(james, "at the foot of the Horseshoe Falls, Niagara", "placeName")
