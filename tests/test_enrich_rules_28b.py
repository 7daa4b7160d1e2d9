"""Persons, places and bodies in a book no one here had tuned on (issue 18): The Prince
(Machiavelli, tr. W. K. Marriott, the Standard Ebooks source tree in the shared corpus),
converted with the default profile as an editor's first run would convert it, read sentence by
sentence: a body the book names by its noun alone ("the Senate"), the prose of a section its
publisher tags a bibliography, titles before a name ("Pope Alexander", "Fra Girolamo
Savonarola"), a forename that names a great city ("born at Florence") and a forename's bearer
told apart by his land ("Ferdinand of Aragon")."""

from __future__ import annotations

import pytest

from conftest import SHARED
from corpus_marks import converted_epub, marked_texts
from teikit.enrich import dates


def test_a_noun_the_book_writes_alone_names_its_body_from_the_first_use(prince):
    # "the Senate" eight times, "the Roman Senate" once (in the prose on his works, read after the
    # chapters): the Senate, the article outside; "the Church" in a book that names no church
    said = "For this he was upbraided in the Senate by Fabius Maximus"
    assert set(marked_texts(prince, said, "orgName")) == {"Senate"}  # the paragraph's three
    said = "they would not have allowed the Church to reach such greatness"
    assert set(marked_texts(prince, said, "orgName")) == {"Church"}
    # "the College" (of Cardinals), written so once: a common word's capital
    assert marked_texts(prince, "the choice of the College to fall on", "orgName") == []


def test_the_prose_of_a_section_tagged_a_bibliography_is_read(prince):
    said = "The cloak of religion still conceals the vices which Machiavelli laid bare"
    assert "Machiavelli" in marked_texts(prince, said)


def test_titles_before_a_name_are_the_names(prince):
    assert "Pope Alexander" in marked_texts(prince, "the son of Pope Alexander, was usually called")
    assert "Fra Girolamo Savonarola" in marked_texts(prince, "as happened in our time to Fra Girolamo Savonarola")
    assert "Messer Ramiro d’Orco" in marked_texts(prince, "Thereupon he promoted Messer Ramiro d’Orco")


def test_a_forename_that_names_a_great_city_is_the_city_where_the_book_writes_it_so(prince):
    said = "Niccolò Machiavelli was born at Florence on 3rd May 1469"
    assert "Florence" in marked_texts(prince, said, "placeName")
    assert "Florence" not in marked_texts(prince, said)


def test_a_forenames_bearer_told_apart_by_his_land_is_one_name(prince):
    said = "laid bare in the character of Ferdinand of Aragon"
    assert "Ferdinand of Aragon" in marked_texts(prince, said)
    assert marked_texts(prince, said, "placeName") == []
    said = "Philip of Macedon, not the father of Alexander the Great"
    assert "Philip of Macedon" in marked_texts(prince, said)


def test_a_title_of_office_before_a_name_found_is_the_mentions(prince):
    said = "We have not seen great things done in our time except by those who have been considered mean"
    assert "Pope Julius the Second" in marked_texts(prince, said)


def test_a_capitalised_word_after_a_name_found_alone_is_its_surname(prince):
    # Cesare is named alone ("his son Cesare"); Borgia is no common word, place nor title
    said = "when Valentino, as Cesare Borgia, the son of Pope Alexander, was usually called"
    assert "Cesare Borgia" in marked_texts(prince, said)


def test_a_forename_no_list_gives_opens_a_sentence_where_the_book_writes_it_inside_one_too(prince):
    said = "Francesco Sforza, through being martial, from a private person became Duke"
    assert "Francesco Sforza" in marked_texts(prince, said)


def test_a_name_listed_with_a_forename_found_alone_is_a_persons(prince):
    # Philip is a forename of the profile the book writes alone mid-sentence; Antiochus is
    # listed with him
    said = "moreover they wished to fight with Philip and Antiochus in Greece"
    assert marked_texts(prince, said).count("Antiochus") == 3  # the paragraph's three


def test_a_list_read_again_makes_a_place_of_a_name_listed_before_the_place_is_known(prince):
    # Capua is a place by a later list ("Allesandria, Capua, Genoa"); Carthage is a town of the
    # gazetteer listed with it earlier
    said = "in order to hold Capua, Carthage, and Numantia, dismantled them"
    assert "Carthage" in marked_texts(prince, said, "placeName")


def test_a_day_and_a_month_make_a_year_of_an_older_number(prince):
    said = "Niccolò Machiavelli was born at Florence on 3rd May 1469"
    assert marked_texts(prince, said, "date") == ["3rd May 1469"]
    assert dates.find_dates(said) == [(44, 56, {"when": "1469-05-03"})]


WAR = SHARED / "corpus" / "epub" / "sun-tzu_the-art-of-war_lionel-giles"


@pytest.fixture(scope="module")
def war(tmp_path_factory):
    return converted_epub(tmp_path_factory, WAR.name)


def test_an_era_after_a_date_marked_is_no_acronym_after_the(war):
    # "lived in the latter half of the 6th century BC": the date's words marked first, "the" and
    # "BC" are no longer a body's acronym after "the"
    said = "lived in the latter half of the 6th century BC, and is also believed"
    assert marked_texts(war, said, "orgName") == []
    register = war / "orgs.xml"
    assert "<orgName>BC</orgName>" not in (register.read_text(encoding="utf-8") if register.is_file() else "")


def test_an_adjective_of_the_compass_is_no_region_alone(war):
    # "the Northern Sung period" (Sung a romanised name the text tags foreign, read apart): the
    # adjective alone is no region, though ISO 3166-2 names one so
    said = "We shall not be far out if we refer it to the Northern Sung period"
    assert marked_texts(war, said, "placeName") == []
