"""Persons' and places' marks in books without a name index (issue 18, precision first), on
sentences of the development corpus's books read mark by mark: a saint named with a byname
("Saint Teresa of Avila", "St. John of God" in James's *Varieties*) is one name, no place
marked inside it."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts

JAMES = "james-varieties-of-religious-experience"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules26")


@pytest.mark.parametrize(
    ("said", "saint"),
    [
        ("in Saint Teresa of Avila just as in any Moravian brother", "Saint Teresa of Avila"),
        ("Saint Francis of Assisi as an hereditary degenerate", "Saint Francis of Assisi"),
        ("Of Saint Catharine of Genoa it is said", "Saint Catharine of Genoa"),
        ("Xavier, St. John of God, and others are said to have cleansed", "St. John of God"),
        ("Like Saint Philip of Neri in former times", "Saint Philip of Neri"),
        ("Saint Anthony of Padua to Christ’s childhood", "Saint Anthony of Padua"),
        ("the case of Saint Louis of Gonzaga serve as a type", "Saint Louis of Gonzaga"),
        ("Saint John of the Cross, a Spanish mystic who flourished", "Saint John of the Cross"),
    ],
)
def test_a_saint_named_with_a_byname_is_one_name_with_no_place_inside(edition, said, saint):
    """James names nine saints by their title, name and byname: "Saint Teresa" was marked and
    "Avila" (Genoa, Padua; Neri as Nyeri, a town of Kenya) a place apart, "God" of "St. John of
    God" a person; one name now, as "Saint John of the Cross" was, and no place inside."""
    james = edition(JAMES)
    assert saint in marked_texts(james, said)
    assert saint.rsplit(" ", 1)[-1] not in marked_texts(james, said, "placeName")


def test_a_saint_without_a_byname_stays_as_he_was(edition):
    """The byname needs the title, "of" and a capitalised name that ends it: a name without its
    title ("Francis of Assisi") and a saint with a second name ("Saint Francis Xavier") are
    marked as before."""
    james = edition(JAMES)
    assert "Francis" in marked_texts(james, "Francis of Assisi kisses his lepers")
    said = "Like Saint Philip of Neri in former times, or like Saint Francis Xavier"
    assert {"Saint Philip of Neri", "Saint Francis Xavier"} <= set(marked_texts(james, said))
