"""Persons missed in books without an index (issue 18, round 11: recall without losing
precision), each rule tested on the real sentences of development books that showed it; the
documents are read from the shared corpus beside the project (skipped where absent).

- a possessive before a deity's name that is no honorific makes it the one the speaker
  worships, not a kind of being (`[names] possessives`): "Where is my God?", "Pray now to your
  God" (James's Varieties), "That still I praise and thank my God for it" (Longfellow's Dante); but not
  where a relative clause follows, the god within one ("let thy God that is in thee to rule",
  Casaubon's Aurelius), nor an honorific's title ("my Lord");
- a capitalised word before a comma, a possessive and a noun of a person's kin, office or
  calling that ends the apposition is a person's name, once enough ("and Esarhaddon, his son,
  reigned in his stead", "Adrammelech and Sharezer, his sons, smote him": Isaiah quoted in
  Longfellow's notes to The Divine Comedy); not a place the gazetteer knows, nor where a name
  runs on after the noun ("the siege of Troy, his mother Thetis": no evidence of a person);
- a capitalised word before a comma and a title of rank or office "of" a capitalised name (the
  profile's peerages, rulers, office titles and honorifics written out) is a person's name,
  once enough: "with Anthimus, Bishop of Trebizond, who" (Longfellow's notes), "where
  Talleyrand, Bishop of Autun, said mass" (Gardiner); not the land after a name and "of"
  ("Godfrey of Bouillon, Duke of Lorraine": Bouillon stays the lordship "in the Ardennes");
  so is one before a comma and a noun of kin, office or calling "of" something, no determiner
  between (`[names] roles`): "Delessart, minister of foreign affairs" (Gardiner), "Hecuba, wife
  of Priam" (Longfellow's notes); not the land after a name and a particle ("Matteo d’
  Acquasparta, general of the Franciscans": the town of "nor Acquasparta");
- a list that begins inside a person's name lists persons, its first word ending the name
  (a person's word marked alone or an honorific before it): "son of Charles Martel and
  Clemence" (Longfellow's notes), "the patient labors of Messrs. Myers, Hodgson, and Hyslop"
  (James);
- a dash written as two hyphens between two words without spaces parts them for the cues
  read before a name: "two men devoted to Robespierre--its mayor, Fleuriot-Lescot, and its
  national agent, Payan" (Gardiner) reads "its mayor" before Fleuriot-Lescot;
- a family name in the plural after "the" (and a number) is marked, linked to no one, where
  its singular is a surname the book gives a person: "The two Robespierres" (Gardiner), "a
  young friend of the Rolands"; "the Orsinis" (Longfellow's notes); not a people's ("the
  Moors" beside "a young Moor");
- no surname after an honorific is the plural of an honorific: "M. Generals . . . Mallam,
  Maxbohm, Magley" (Wilde: the Army List's heading), while "Markby, Migsby, Mobbs, Moncrieff"
  after it stay persons;
- a second agent of a verb in the passive, joined to the first by "and" or "or" and "by", is
  cited as the first is: "negotiations both by Innocent the Third and by Honorius the Third"
  (Longfellow's notes), and "Pope Honorius III" is then marked whole.
"""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules30p")


def test_a_possessive_before_god_names_the_one_worshipped(book):
    james = book("james-varieties-of-religious-experience")
    said = "when I awoke, the first inquiry was, Where is my God? And in an instant of time"
    # God five times in the paragraph, "Where is my God?" first ("in and with God", "what God had done")
    assert marked_texts(james, said) == ["God"] * 5
    assert "God" in marked_texts(james, "‘Pray now to your God.’ It was the Roulette woman")


def test_a_possessive_before_god_in_verse(dante):
    assert marked_texts(dante, "That still I praise and thank my God for it.") == ["God"]


def test_a_god_within_one_is_none(book):
    aurelius = book("aurelius-meditations-casaubon")
    assert "God" not in marked_texts(aurelius, "let thy God that is in thee to rule over")


def test_a_name_before_a_possessive_and_a_kin_noun_is_a_persons(dante):
    said = "that Adrammelech and Sharezer, his sons, smote him with the sword"
    assert marked_texts(dante, said) == ["Adrammelech", "Sharezer", "Esarhaddon"]


def test_a_name_before_a_title_of_a_land_is_a_persons(dante, book):
    assert "Anthimus" in marked_texts(dante, "communication with Anthimus, Bishop of Trebizond, who")
    gardiner = book("gardiner-french-revolution")
    assert "Talleyrand" in marked_texts(gardiner, "where Talleyrand, Bishop of Autun, said mass")


def test_the_land_a_titled_man_is_named_after_is_no_person(dante):
    said = "improperly transferred to his lordship of Bouillon in the Ardennes"
    assert "Bouillon" not in marked_texts(dante, said)
    assert "Bouillon" in marked_texts(dante, said, "placeName")


def test_a_list_begun_inside_a_persons_name_lists_persons(dante, book):
    said = "thus dispossessing Carlo Roberto (or Caroberto), son of Charles Martel and Clemence"
    assert marked_texts(dante, said)[-1] == "Clemence"
    james = book("james-varieties-of-religious-experience")
    assert "Hyslop" in marked_texts(james, "the patient labors of Messrs. Myers, Hodgson, and Hyslop")


def test_a_dash_parts_the_words_before_a_calling(book):
    gardiner = book("gardiner-french-revolution")
    said = "devoted to Robespierre--its mayor, Fleuriot-Lescot, and its national agent, Payan"
    marked = marked_texts(gardiner, said)
    assert "Fleuriot-Lescot" in marked and "Payan" in marked


def test_a_family_name_in_the_plural_is_marked(book, dante):
    gardiner = book("gardiner-french-revolution")
    assert "Robespierres" in marked_texts(gardiner, "to stir up an insurrection. The two Robespierres")
    assert "Rolands" in marked_texts(gardiner, "a young friend of the Rolands")
    assert "Orsinis" in marked_texts(dante, "the Orsinis, the Colonnas, the Savellis")


def test_a_peoples_name_in_the_plural_is_none(dante):
    for f in sorted(dante.glob("*.xml")):
        assert ">Moors</persName>" not in f.read_text(encoding="utf-8"), f.name


def test_a_name_before_a_noun_of_kin_or_office_of_is_a_persons(book, dante):
    gardiner = book("gardiner-french-revolution")
    assert "Delessart" in marked_texts(gardiner, "Delessart, minister of foreign affairs, sought to maintain")
    assert "Hecuba" in marked_texts(dante, "Hecuba, wife of Priam")


def test_the_land_after_a_name_and_a_particle_is_no_person(dante):
    assert "Acquasparta" not in marked_texts(dante, "’Twill not be from Casal nor Acquasparta,")


def test_an_honorifics_plural_is_no_surname(book):
    wilde = book("wilde-importance-of-being-earnest")
    marked = marked_texts(wilde, "M. Generals . . . Mallam, Maxbohm, Magley")
    assert not any("Generals" in m for m in marked)
    assert "Moncrieff" in marked


def test_a_second_agent_joined_to_the_first_is_cited(dante):
    said = "negotiations both by Innocent the Third and by Honorius the Third"
    # with his epithet since "Pope Honorius III" makes Honorius a forename (rules 33b)
    assert "Honorius the Third" in marked_texts(dante, said)
