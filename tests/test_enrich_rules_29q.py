"""False marks of persons and places found by the round-10 precision audit (issue 18): 40
persName and 40 placeName marks drawn anew (seed 10) from each book kept from the project and
read in their sentences. Each rule here removes one general cause of wrong marks, tested on
the real sentence that showed it; the books are read from the shared corpus beside the
project (skipped where absent).

- "Mons." is Monsieur's older abbreviation, an honorific before a surname ("the account of
  Mons. Ricord's researches", Parker's Syphilitic Diseases), no mention of the Belgian town;
- the old astronomy calls the planets stars: a god's name that names a planet, in a sentence
  that writes "star" or "stars", is the planet's ("Jupiter is a star of a temperate
  complexion", Longfellow's notes to The Divine Comedy), as after "planet" already;
- a place's name before a journal's, a newspaper's or a book of tales' word, alone or after
  one more capitalised word, is part of a title, no mention of the place ("Dublin Medical
  Journal", Parker; "on Tuesday in the New York Packet", The Federalist; "the Canterbury
  Tales", Mr. Polly), while the same books' places written as places stay.
"""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return converted_books(tmp_path_factory, "r29q")


def test_mons_before_a_surname_is_monsieur_no_town(parker):
    said = "the account of Mons. Ricord's researches"
    assert marked_texts(parker, said, "placeName") == []
    assert marked_texts(parker, said) == ["Mons. Ricord"]


def test_a_gods_name_called_a_star_is_the_planet(dante):
    said = "Jupiter is a star of a temperate complexion, midway between the coldness of Saturn"
    assert not {"Jupiter", "Saturn", "Mars"} & set(marked_texts(dante, said))
    # the astronomer the note cites before it is a person still
    assert "Ptolemy" in marked_texts(dante, "in the Convito, II 14, quoting the opinion of Ptolemy")


def test_a_place_in_a_journals_title_is_no_mention(parker):
    assert marked_texts(parker, 'what Beck was in its day." — Dublin Medical Journal.', "placeName") == []


def test_a_place_in_a_newspapers_title_is_no_mention(books):
    federalist = books("federalist-papers-1998")
    assert marked_texts(federalist, "on Tuesday in the New York Packet", "placeName") == []
    # the Papers' own address to the people of the State stays a place
    assert "State of New York" in marked_texts(federalist, "To the People of the State of New York", "placeName")


def test_a_place_in_a_book_of_tales_title_is_no_mention(books):
    polly = books("wells-mr-polly")
    assert marked_texts(polly, "He was stirred to read the Canterbury Tales", "placeName") == []
    assert "Canterbury" in marked_texts(
        polly, "At Canterbury, too, he first to his knowledge saw Americans", "placeName"
    )
