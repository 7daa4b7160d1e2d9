"""Dates of books of any period (issues 18 and 14), read in books of the development corpus
converted with the profile their editor chose: Poems and Songs of Robert Burns (chapters headed
by the year of writing alone, "1784", each holding titled poems)."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import NS
from corpus_marks import converted_books, plain


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    return converted_books(tmp_path_factory, "dates30d")


def dates_of(folder, said: str, block: str = "l") -> list[tuple[str, dict[str, str]]]:
    """The dates marked in the block of kind `block` of the book that writes `said` (spaces
    normalised): each one's text and attributes."""
    for f in sorted(folder.glob("ch*.xml")):
        for el in etree.parse(str(f)).iter(f"{{{NS['t']}}}{block}"):
            if said in " ".join(plain(el).split()):
                return [("".join(d.itertext()), dict(d.attrib)) for d in el.iter(f"{{{NS['t']}}}date")]
    raise AssertionError(f"no {block} writes {said!r}")


def test_a_poem_under_a_year_heading_takes_no_year_from_it(converted):
    burns = converted("burns-poems-and-songs")
    # "1784" heads the chapter of the poems written that year: the November the dirge tells of
    # is of no year the words say
    assert dates_of(burns, "When chill November's surly blast") == [("November", {"when": "--11"})]
    # nor the June of "The Twa Dogs" (chapter "1786")
    assert dates_of(burns, "Upon a bonie day in June,") == [("June", {"when": "--06"})]
    # a poem's own dated title gives its year ("To A Mouse, … November, 1785")
    assert dates_of(burns, "An' bleak December's winds ensuin,") == [
        ("December", {"when": "1785-12", "evidence": "internal"})
    ]


def test_dates_without_a_year_take_the_year_of_a_dated_day_after_them(converted):
    # James's lectures give a year of context to no testimony: the testimony says it after
    # "during the latter part of October … until Christmas", "(this was January 7, 1881)"
    james = converted("james-varieties-of-religious-experience")
    said = "when one day during the latter part of October, while resting in the afternoon"
    assert dates_of(james, said, "p") == [
        ("latter part of October", {"notBefore": "1880-10-21", "notAfter": "1880-10-31", "evidence": "internal"}),
        ("Christmas", {"when": "1880-12-25", "evidence": "internal"}),
        ("January 7, 1881", {"when": "1881-01-07"}),
    ]


def test_a_season_after_all_the_is_one_season(converted):
    # "all the winter": the whole of one particular winter (which two years it spans, the
    # testimony does not say); "thereupon" after it is no noun the season would qualify
    james = converted("james-varieties-of-religious-experience")
    said = "The mind‐cure teachings that I had been listening to all the winter thereupon came into my mind"
    assert dates_of(james, said, "p") == [("winter", {"notBefore": "--12", "notAfter": "--02"})]
