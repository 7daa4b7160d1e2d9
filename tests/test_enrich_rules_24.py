"""Persons' and places' marks that name no one (issue 18, persName and placeName precision),
on sentences of the development corpus's books without a name index, read mark by mark: the
Casaubon *Meditations* of Marcus Aurelius cites Fronto's letters to him by their Latin title
("Ad M. Caes., iii. 5.") and a town whose comma is lost ("at Baiae Tiberius"); Gardiner's
*French Revolution* writes a people's word a town of the gazetteer bears ("the Roman
emperors"); Wells's *Mr. Polly* an inn by a possessive ("the
God's Providence Inn") and a man's home after a journey's noun ("the suburban train to
Johnson's discreet home"); and Aurelius, Gardiner and Wilde a forename and a surname they each
name persons by alone, marked as two ("Marcus Aurelius", "Napoleon Bonaparte", "Gwendolen
Fairfax")."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import NS
from corpus_marks import converted_books, marked_texts, marks
from teikit.enrich import textnames

AURELIUS = "aurelius-meditations-casaubon"
GARDINER = "gardiner-french-revolution"
WILDE = "wilde-importance-of-being-earnest"
WELLS = "wells-mr-polly"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules24")


def test_a_latin_title_of_letters_cited_with_its_passage_is_no_person(edition):
    """The introduction's footnotes cite Fronto's letters "Ad M. Caes." (to Marcus Caesar) and
    "Ad Verum imp. Aur. Caes." by book and letter: 18 marks of "M. Caes" or "Caes" before, a
    person of the register made of the abbreviation; the letters' writer and reader named in
    the text stay marked."""
    aurelius = edition(AURELIUS)
    assert marked_texts(aurelius, "Ad. M. Caes., iii. 5.") == []
    assert marked_texts(aurelius, "Ad M Caes., iv. 1.") == []
    assert marked_texts(aurelius, "Ad Verum imp. Aur. Caes., ii, 7. and edited in the year 1823.") == []
    assert marked_texts(aurelius, "Ad M. Caes., ii. 10.") == []
    assert marked_texts(aurelius, "he writes to Fronto, 'to ask for my hexameters;")[0] == "Fronto"


def test_cites_letters_to_wants_the_passage_after_the_name():
    text = "Ad M. Caes iii. 17; Ad M. Caes., v. 8.; the Ad Fronto wrote; Ad Marcum said"
    at = text.index
    assert textnames.cites_letters_to(text, at("M. Caes iii"), at("M. Caes iii") + 7)
    assert textnames.cites_letters_to(text, at("M. Caes., v"), at("M. Caes., v") + 7)
    assert not textnames.cites_letters_to(text, at("Fronto"), at("Fronto") + 6)
    assert not textnames.cites_letters_to(text, at("Marcum"), at("Marcum") + 6)


def test_a_peoples_word_written_once_after_a_cue_before_a_noun_is_no_town(edition):
    """Gardiner writes "Roman" (a town of Romania, 67,000 people) once after a cue, before the
    noun it qualifies ("the worst of the Roman emperors"), and once more as an adjective: both
    were marked places; the gazetteer knows Rome, the greater place whose people's word it is."""
    gardiner = edition(GARDINER)
    said = "the worst of the Roman emperors"
    assert "Roman" not in marked_texts(gardiner, said, "placeName")
    said = "imitation of that which was once worn by the emancipated Roman slave"
    assert "Roman" not in marked_texts(gardiner, said, "placeName")


def test_a_name_opening_a_buildings_name_with_its_possessive_is_no_mention(edition):
    """Wells's town has "the God's Providence Inn" beside "the Potwell Inn": "God" was marked a
    person there four times; the inn is a place now, as the Potwell Inn is. God named elsewhere
    stays marked."""
    wells = edition(WELLS)
    said = "He began to attend the bar parlour of the God's Providence Inn with some frequency"
    assert "God" not in marked_texts(wells, said)
    assert marked_texts(wells, said, "placeName") == ["God's Providence Inn"]
    said = "and greens such as God had never permitted in the world before"
    assert "God" in marked_texts(wells, said)


def test_a_name_after_a_journeys_noun_with_its_possessive_is_its_bearer(edition):
    """ "he was rattled along in the suburban train to Johnson's discreet home": Johnson was made
    a place (a journey's destination, as "a first-class ticket for Worthing" is); his
    possessive makes him the home's owner, the Johnson the chapter names throughout."""
    wells = edition(WELLS)
    said = "he was rattled along in the suburban train to Johnson's discreet home"
    assert "Johnson" not in marked_texts(wells, said, "placeName")
    assert "Johnson" in marked_texts(wells, said)


def test_words_naming_persons_alone_one_space_apart_are_one_name(edition):
    """ "Marcus" (the subject of "writes Marcus") and "Aurelius" (of "M. Aurelius") were
    marked as two mentions wherever the book writes "Marcus Aurelius" (13 times): one name
    now, its surname's bearer; so "Napoleon Bonaparte" in Gardiner and the cast list's "Hon.
    Gwendolen Fairfax" in Wilde. "Lucius Aurelius Verus", whose "Aurelius" was linked to M.
    Aurelius, is linked to no one."""
    aurelius = edition(AURELIUS)
    said = "Such is the system which underlies the Meditations of Marcus Aurelius."
    assert marks(aurelius, said)[0] == ("Marcus Aurelius", "m-aurelius")
    said = "giving him the name of Lucius Aurelius Verus. Henceforth the two are colleagues"
    assert ("Aurelius Verus", None) in marks(aurelius, said)
    assert "Marcus" in marked_texts(aurelius, "When Marcus succeeded to the throne in 161")
    gardiner = edition(GARDINER)
    said = "who entrusted the organisation of resistance to Napoleon Bonaparte, a young general"
    assert "Napoleon Bonaparte" in marked_texts(gardiner, said)
    wilde = edition(WILDE)
    cast = etree.parse(str(wilde / "front.xml")).iter(f"{{{NS['t']}}}role")
    gwendolen = [r for r in cast if " ".join("".join(r.itertext()).split()) == "Hon. Gwendolen Fairfax"]
    assert [[el.text for el in r.iter(f"{{{NS['t']}}}persName")] for r in gwendolen] == [["Gwendolen Fairfax"]] * 2


def test_a_word_after_at_is_no_forename_the_list_leaves_out(edition):
    """ "Lucius Lupus, and Stertinius, at Baiae Tiberius at Caprem" (Tiberius at Capri, the comma
    after Baiae lost): "Baiae Tiberius" was one name, Baiae taken for a forename no list gives;
    after "at" it is a place's name, and Tiberius is marked alone."""
    aurelius = edition(AURELIUS)
    said = "and Stertinius, at Baiae Tiberius at Caprem"
    assert "Tiberius" in marked_texts(aurelius, said)
    assert "Baiae Tiberius" not in marked_texts(aurelius, said)
