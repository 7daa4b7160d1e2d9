"""Dates in books of the development corpus converted with the profile their editor chose
(issue 18, round 13): Poems and Songs of Robert Burns, its chapters headed by the year of
writing alone ("1783"), each holding titled poems with their tunes, prose headnotes and
datelines."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from conftest import NS
from corpus_marks import CORPUS, PROFILES, converted_books, plain
from teikit.context import Context
from teikit.enrich import dates
from teikit.profile import load_profile
from teikit.report import Report


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    return converted_books(tmp_path_factory, "dates32d")


def dates_of(folder, said: str, block: str) -> list[tuple[str, dict[str, str]]]:
    """The dates marked in the first block of kind `block` of the book's chapters that writes
    `said` (spaces normalised), the notes inside it aside: each one's text and attributes."""
    note = f"{{{NS['t']}}}note"
    for f in sorted(folder.glob("ch*.xml")):
        for el in etree.parse(str(f)).iter(f"{{{NS['t']}}}{block}"):
            if said in " ".join(plain(el).split()):
                dates = [d for d in el.iter(f"{{{NS['t']}}}date") if note not in {a.tag for a in d.iterancestors()}]
                return [("".join(d.itertext()), dict(d.attrib)) for d in dates]
    raise AssertionError(f"no {block} writes {said!r}")


def test_a_poems_title_and_prose_under_a_year_heading_are_of_that_year(converted):
    burns = converted("burns-poems-and-songs")
    # the title of a poem in the chapter "1783": composed in August of the year of writing
    assert dates_of(burns, "Song Composed In August", "head") == [
        ("August", {"when": "1783-08", "evidence": "internal"})
    ]
    # the prose headnote and the dateline of "Address Of Beelzebub" (chapter "1786")
    assert dates_of(burns, "which met on the 23rd of May last", "p") == [
        ("the 23rd of May", {"when": "1786-05-23", "evidence": "internal"})
    ]
    assert dates_of(burns, "Anno Mundi, 5790", "p") == [("June 1st", {"when": "1786-06-01", "evidence": "internal"})]
    # the verse still reads none of the heading's year (chapter "1784", the dirge's November)
    assert dates_of(burns, "When chill November's surly blast", "l") == [("November", {"when": "--11"})]
    # and what a poem's own dated title establishes, its verse goes on in ("To A Mouse, …
    # November, 1785": the December to come)
    assert dates_of(burns, "An' bleak December's winds ensuin,", "l") == [
        ("December", {"when": "1785-12", "evidence": "internal"})
    ]


def test_a_date_that_alone_fills_a_quotation_is_a_name_quoted(converted):
    burns = converted("burns-poems-and-songs")
    # the tune of "The Day Returns" (chapter "1788"), a title
    assert dates_of(burns, "Tune--“Seventh of November.”", "p") == []


def test_a_month_after_a_word_of_the_seasons_recurring_things_is_any_years(converted):
    burns = converted("burns-poems-and-songs")
    # what blooms, is sprung, sweet or fairest in a month, a month's pride, a season's blight
    # (the default profile's [dates] figures): any year's, no date
    for said in (
        "There's ne'er a flower that blooms in May,",
        "That's newly sprung in June:",
        "An' kissin's sweet in May;",
        "She's fresh as the morning, the fairest in May;",
        "Than all the pride of May:",
        "That scatters blight in early spring?",
    ):
        assert dates_of(burns, said, "l") == [], said
    # a month after a possessive: the spring of a life, not of a year
    assert dates_of(burns, "Blooming in thy early May,", "l") == []
    # a month of a tale's one day stays one ("The Twa Dogs")
    assert dates_of(burns, "Upon a bonie day in June,", "l") == [("June", {"when": "--06"})]


def test_both_readings_of_the_date_pass_read_a_year_headed_chapter_alike(converted, monkeypatch):
    """The chapter "1786" of Burns (poems with titles, prose headnotes, datelines and verse),
    its dates unmarked again: the pass reading each region's texts at once and the pass
    reading them one by one as `wrap` walks the tree mark the same dates, the poems' titles
    and datelines in the heading's year in both."""
    chapter = etree.parse(str(converted("burns-poems-and-songs") / "ch1786.xml")).getroot()
    etree.strip_tags(chapter, f"{{{NS['t']}}}date")
    profile = load_profile(PROFILES / "burns-poems-and-songs.toml")
    out = []
    for at_once in (True, False):
        monkeypatch.setattr(dates, "READ_AT_ONCE", at_once)
        tree = copy.deepcopy(chapter)
        dates.apply(
            tree, Context(source=CORPUS / "burns-poems-and-songs.txt", profile=profile, report=Report(), tree=tree)
        )
        out.append(etree.tostring(tree, encoding="unicode"))
    assert out[0] == out[1]
    assert '<date when="1786-06-01" evidence="internal">June 1st</date>' in out[0]
