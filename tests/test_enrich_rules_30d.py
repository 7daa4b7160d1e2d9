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
