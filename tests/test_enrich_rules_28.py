"""Persons' and places' marks in books without a name index (issue 18, precision first), on
sentences of the shared corpus's books read mark by mark: a great city whose name is a
forename too ("Florence", in Longfellow's notes to the *Divine Comedy*) is the city where the
book writes it after a preposition of place or a town's noun and "of" in one use of five, not
a woman named 195 times; an empire named by its people's adjective ("the Austro-Hungarian
Empire", "the German Empire" in Keynes's *Economic Consequences*) is a place of the
gazetteer, marked whole; a forename of another tongue that English books print untranslated
makes a full name ("Lucas Championniere" in Parker's *Syphilitic Diseases*, "Camille
Desmoulins", "Maximilien Robespierre" in Gardiner's *French Revolution*); a forename after the
"San" or "Santa" of the Romance tongues names a saint, a church or a town ("a nun of Santa
Clara"), no woman."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts, marks


def test_a_great_city_named_like_a_woman_is_the_city(dante):
    """Longfellow's notes name Florence some 195 times, most often as a subject or after "of"
    ("the state of Florence", "a citizen of Florence"), after a preposition of place ("in",
    "to", "from") 64 times, under one use in two; "Florence" is a forename of the profile, and
    every one was marked a woman's name. The city's name
    now: a place, linked to GeoNames, and no one in the persons' register."""
    said = "Florence the Fair, Fiorenza la bella."
    assert marked_texts(dante, said, "placeName") == ["Florence"]
    assert marked_texts(dante, said) == ["Dante"]
    said = "Florence my town thou shalt perchance behold,"
    assert marked_texts(dante, said, "placeName") == ["Florence"]
    persons = (dante / "persons.xml").read_text(encoding="utf-8")
    assert 'xml:id="florence"' not in persons
    places = (dante / "places.xml").read_text(encoding="utf-8")
    assert '<idno type="geonames">3176959</idno>' in places  # Florence, Tuscany


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules28")


@pytest.mark.parametrize(
    ("said", "empire"),
    [
        ("In the Austro-Hungarian Empire, which grew from about 40,000,000 in 1890", "Austro-Hungarian Empire"),
        ("the constituent parts of the former Austro-Hungarian Empire, and of", "Austro-Hungarian Empire"),
        ("Alsace-Lorraine has been part of the German Empire for nearly fifty years", "German Empire"),
    ],
)
def test_an_empire_named_by_its_peoples_adjective_is_a_place(edition, said, empire):
    """Keynes names the Austro-Hungarian Empire four times and the German Empire three: none
    was marked (the gazetteer held the Russian, Ottoman and British Empires, not these)."""
    assert empire in marked_texts(edition("keynes-economic-consequences"), said, "placeName")


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("sous les yeux de M. Cullerier, par Lucas Champonnierc. Paris, 1836.", "Lucas Champonnierc"),
        ("also Cullerier, in Lucas Championniere's work, p. 384", "Lucas Championniere"),
    ],
)
def test_a_forename_of_another_tongue_makes_a_full_name(parker, said, name):
    """Parker cites "Lucas Championniere" (Lucas-Championnière, the surgeon) four times, once
    damaged by the scan; "Lucas" was no forename of the profile, and none was marked."""
    assert name in marked_texts(parker, said)


def test_a_full_name_joins_the_surname_alone_to_one_person(edition):
    """Gardiner writes "Camille Desmoulins" and "Maximilien Robespierre" once or twice and the
    surnames alone many times: "Camille" and "Maximilien" were no forenames, the full names were
    marked unlinked (or as the surname only) and the surnames linked to a person of the surname
    alone. One person each now, the full name's."""
    gardiner = edition("gardiner-french-revolution")
    full = marks(gardiner, "In the Palais Royal a young man, Camille Desmoulins, leaping on a table")
    alone = marks(gardiner, "others, as Brissot, Desmoulins, and Danton, more sanguine")
    assert ("Camille Desmoulins", "camille-desmoulins") in full
    assert ("Desmoulins", "camille-desmoulins") in alone
    full = marks(gardiner, "Such a man was Maximilien Robespierre. A lawyer from Arras")
    alone = marks(gardiner, "Among the newly-chosen members was Robespierre, the only one")
    assert ("Maximilien Robespierre", "maximilien-robespierre") in full
    assert ("Robespierre", "maximilien-robespierre") in alone


def test_a_forename_after_santa_names_no_one(dante):
    """Longfellow's notes name the convent of Santa Clara twice and no woman Clara: "Clara", a
    forename of the profile written mid-sentence twice, was marked a person both times."""
    for said in ("She was a nun of Santa Clara, and is seen by Dante", "She was a nun of Santa Clara, and was dragged"):
        marked = marked_texts(dante, said)
        assert "Clara" not in marked and "Santa Clara" not in marked
    assert "Dante" in marked_texts(dante, "She was a nun of Santa Clara, and is seen by Dante")
