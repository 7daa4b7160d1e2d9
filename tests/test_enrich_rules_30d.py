"""Dates of books of any period (issues 18 and 14), read in books of the development corpus
converted with the profile their editor chose: Poems and Songs of Robert Burns (chapters headed
by the year of writing alone, "1784", each holding titled poems)."""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import NS
from corpus_marks import converted_books, converted_epub, plain


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    return converted_books(tmp_path_factory, "dates30d")


def dates_of(folder, said: str, block: str = "l") -> list[tuple[str, dict[str, str]]]:
    """The dates marked in the block of kind `block` of the book that writes `said` (spaces
    normalised): each one's text and attributes, those of the notes inside it aside."""
    note = f"{{{NS['t']}}}note"
    for f in sorted(folder.glob("ch*.xml")):
        for el in etree.parse(str(f)).iter(f"{{{NS['t']}}}{block}"):
            if said in " ".join(plain(el).split()):
                dates = [d for d in el.iter(f"{{{NS['t']}}}date") if not _in_note(d, el, note)]
                return [("".join(d.itertext()), dict(d.attrib)) for d in dates]
    raise AssertionError(f"no {block} writes {said!r}")


def dates_in(folder, said: str) -> list[tuple[str, dict[str, str]]]:
    """The dates (text, attributes) marked in the innermost paragraphs or notes of the book's files
    that write `said` (a note holding a paragraph that writes it aside)."""
    out = []
    for f in sorted(folder.glob("*.xml")):
        for el in etree.parse(str(f)).iter(f"{{{NS['t']}}}p", f"{{{NS['t']}}}note"):
            if said in " ".join("".join(el.itertext()).split()) and not any(
                said in " ".join("".join(inner.itertext()).split())
                for inner in el.iter(f"{{{NS['t']}}}p", f"{{{NS['t']}}}note")
                if inner is not el
            ):
                out += [("".join(d.itertext()), dict(d.attrib)) for d in el.iter(f"{{{NS['t']}}}date")]
    return out


def _in_note(date, block, note: str) -> bool:
    """Whether `date` stands in a note inside `block`."""
    for a in date.iterancestors():
        if a is block:
            return False
        if a.tag == note:
            return True
    return False


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


def test_the_journees_of_the_revolution_are_of_their_own_year(converted):
    # Gardiner's chapter on 1795 names the fall of Robespierre by its day, "Thermidor 9" (Year
    # II, 1794), and the rising of Prairial by its month after "of" (Year III, 1795): the pack
    # french-republican's calendar_events, not the year the text is in
    gardiner = converted("gardiner-french-revolution")
    said = "called the White Terror in distinction to the Red Terror preceding Thermidor 9"
    assert dates_of(gardiner, said, "p") == [("Thermidor 9", {"when": "1794-07-27", "evidence": "internal"})]
    said = "whose action they had before the insurrection of Prairial abetted and applauded"
    assert dates_of(gardiner, said, "p") == [
        ("Prairial", {"notBefore": "1795-05-20", "notAfter": "1795-06-18", "evidence": "internal"})
    ]


def test_a_day_of_the_republican_calendar_takes_the_year_of_the_date_before_it(converted):
    # "(August 22, Fructidor 5)": the same day twice, though "the spring of 1797" later in the
    # paragraph's text moves the year the text is in
    gardiner = converted("gardiner-french-revolution")
    said = "formed of new men (August 22, Fructidor 5)"
    assert dates_of(gardiner, said, "p")[:2] == [
        ("August 22", {"when": "1795-08-22", "evidence": "internal"}),
        ("Fructidor 5", {"when": "1795-08-22", "evidence": "internal"}),
    ]


def test_a_season_after_till_the_names_another_time_than_the_narratives(converted):
    # "no new elections till the spring of 1797" in Gardiner's chapter on 1795: the elections'
    # time, not the narrative's (as "until September 1919"): the days after stay in 1795
    gardiner = converted("gardiner-french-revolution")
    said = "should elect the deputies required to make up the number wanting (August 31"
    assert ("August 31", {"when": "1795-08-31", "evidence": "internal"}) in dates_of(gardiner, said, "p")
    said = "Before nightfall the insurgents were on all sides in flight and dispersed (October 5"
    assert ("October 5", {"when": "1795-10-05", "evidence": "internal"}) in dates_of(gardiner, said, "p")


def test_a_month_or_season_in_a_comparison_is_any_years(converted):
    burns = converted("burns-poems-and-songs")
    assert dates_of(burns, "Her breath is as sweet as the blossoms in May;") == []
    assert dates_of(burns, "Her looks were like a flow'r in May,") == []
    # the particular month of a tale stays one ("The Twa Dogs")
    assert dates_of(burns, "Upon a bonie day in June,") == [("June", {"when": "--06"})]
    aurelius = converted("aurelius-meditations-casaubon")
    said = "as usual and ordinary as a rose in the spring, and fruit in summer"
    assert dates_of(aurelius, said, "p") == []


def test_a_month_named_with_an_epithet_is_any_years(converted):
    burns = converted("burns-poems-and-songs")
    assert dates_of(burns, "It was the charming month of May,") == []
    assert dates_of(burns, "Again the merry month of May") == []


def test_a_number_after_note_is_the_notes(tmp_path_factory):
    # Longfellow's notes to The Divine Comedy refer to each other by number: "See note 1986."
    dante = converted_epub(tmp_path_factory, "dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow")
    assert dates_in(dante, "See note 1986.") == []
    assert dates_in(dante, "For his definition of form, see note 2006.") == []
    # a year of the same notes stays one
    said = "The following description of the spot is from a letter in the London Daily News, February 26, 1866"
    assert dates_in(dante, said) == [("February 26, 1866", {"when": "1866-02-26"})]


def test_a_range_of_years_after_its_era_is_one_span(tmp_path_factory):
    # Giles's notes to The Art of War date lives with the era first: "(AD 155–220)" (the
    # word joiners Standard Ebooks sets round the dash inside)
    art_of_war = converted_epub(tmp_path_factory, "sun-tzu_the-art-of-war_lionel-giles")
    said = "Tu Mu alludes to the remarkable story of"
    assert ("AD 155\u2060–\u2060220", {"from": "0155", "to": "0220"}) in dates_in(art_of_war, said)
