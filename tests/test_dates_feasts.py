"""Feast days as dates: a profile's `[dates] feasts` (teikit.enrich.dates.add_feasts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS
from teikit.context import Context
from teikit.enrich import dates
from teikit.errors import TeikitError
from teikit.profile import load_profile
from teikit.report import Report
from teikit.tei import TEI_NS

SCOTS = Path(__file__).resolve().parent / "data" / "enrich" / "profiles" / "burns-poems-and-songs.toml"


def marked(body: str, tmp_path: Path, profile=None) -> list[tuple[str, dict[str, str]]]:
    """The dates the pass marks in a TEI body: (words, attributes) in document order."""
    tei = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><div type="chapter">{body}</div></body></text></TEI>'
    )
    profile = profile or load_profile()
    dates.apply(tei, Context(source=tmp_path / "absent.txt", profile=profile, report=Report(), tree=tei))
    return [("".join(d.itertext()), dict(d.attrib)) for d in tei.iterfind(".//t:date", NS)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was upon a Lammas night, When corn rigs are bonie,", [("Lammas", {"when": "--08-01"})]),
        ("I fee'd a man at Michaelmas, Wi' airle-pennie three,", [("Michaelmas", {"when": "--09-29"})]),
        ("which continued until Christmas, when I returned", [("Christmas", {"when": "--12-25"})]),
        ("An' just on Halloween It fell that night.", [("Halloween", {"when": "--10-31"})]),
        ("At Martinmas the rent fell due.", [("Martinmas", {"when": "--11-11"})]),
        # a year after it: one date of that day
        ("At Christmas 1790 the court sat at Versailles.", [("Christmas 1790", {"when": "1790-12-25"})]),
        ("the Christmas of 1790 was cold", [("Christmas of 1790", {"when": "1790-12-25"})]),
    ],
)
def test_a_feast_of_the_profile_is_its_day(text, expected, tmp_path):
    assert marked(f"<p>{text}</p>", tmp_path) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<p>A Merry Christmas to you all.</p>",  # a greeting: a capitalised word before it
        "<p>Father Christmas came down the chimney.</p>",
        "<p>Sowens is always the Halloween Supper.</p>",  # an event's name
        "<p>On blythe Yule-night when we were fou,</p>",  # a compound's part
        "<head>Halloween</head>",  # a poem's title: the whole text
        "<p>The Christmassy air of the shops.</p>",  # inside a word
    ],
)
def test_no_feast_day_where_it_names_something_else(text, tmp_path):
    assert marked(text, tmp_path, load_profile(SCOTS)) == []


def test_a_pack_adds_its_countrys_feasts(tmp_path):
    text = (
        "<p>Hallowmass is come and gane, The nights are lang in winter,</p><p>The blude-red rose at Yule may blaw,</p>"
    )
    assert marked(text, tmp_path) == []  # not English feasts: the default profile knows neither
    assert marked(text, tmp_path, load_profile(SCOTS)) == [
        ("Hallowmass", {"when": "--11-01"}),
        ("Yule", {"when": "--12-25"}),
    ]


def test_a_pack_adds_its_languages_prepositions_before_a_month(tmp_path):
    """With the pack "scots" (`[dates] cues`), "frae" makes a month a date as "from" does
    (Burns's "Tam o' Shanter": "That frae November till October"); English "till" does in
    any profile, and "o'" ("of" elided, English as much as Scots: "As the mirk night o'
    December!", Burns's "Thou Gloomy December")."""
    text = (
        "<p>That frae November till October, Ae market-day thou was na sober;</p><p>As the mirk night o' December!</p>"
    )
    assert marked(text, tmp_path) == [("October", {"when": "--10"}), ("December", {"when": "--12"})]
    assert marked(text, tmp_path, load_profile(SCOTS)) == [
        ("November", {"when": "--11"}),
        ("October", {"when": "--10"}),
        ("December", {"when": "--12"}),
    ]


def test_a_feast_that_is_no_day_of_the_year_is_refused(tmp_path):
    book = tmp_path / "book.toml"
    book.write_text('[dates]\nfeasts = { "Lammas" = "13-01" }\n', encoding="utf-8")
    with pytest.raises(TeikitError, match=r"feasts.*Lammas"):
        load_profile(book)


def _republican(tmp_path: Path):
    book = tmp_path / "republic.toml"
    book.write_text('include = ["french-republican"]\n', encoding="utf-8")
    return load_profile(book)


def test_a_date_of_the_republican_calendar_is_its_gregorian_day(tmp_path):
    """With the pack "french-republican": a day or a month of the Republic's calendar is the
    Gregorian day or the thirty days it was, in the year its number gives ("the 18th Brumaire
    (Year VIII)", 9 November 1799) or else the Gregorian year the text established (Thermidor,
    the eleventh month, in the summer after the autumn of the year's start); none where neither
    says which year, nor inside a word ("the Thermidorians")."""
    body = (
        "<p>In July 1794 the Convention turned; Thermidor 9 ended the Terror, and the Thermidorians ruled.</p>"
        "<p>In 1795 came the insurrection of Prairial.</p>"
        "<p>Then on the 18th Brumaire (Year VIII) he seized power.</p>"
    )
    assert marked(body, tmp_path, _republican(tmp_path)) == [
        ("July 1794", {"when": "1794-07"}),
        ("Thermidor 9", {"when": "1794-07-27", "evidence": "internal"}),
        ("1795", {"when": "1795"}),
        ("Prairial", {"notBefore": "1795-05-20", "notAfter": "1795-06-18", "evidence": "internal"}),
        ("18th Brumaire (Year VIII)", {"when": "1799-11-09"}),
    ]
    assert [d for d, _ in marked(body, tmp_path)] == ["July 1794", "1795"]  # without the pack, none
    assert marked("<p>Fructidor 30 was hot.</p>", tmp_path, _republican(tmp_path)) == []  # no year known


def test_a_calendar_year_that_is_no_date_is_refused(tmp_path):
    book = tmp_path / "book.toml"
    book.write_text('[dates]\ncalendar_years = { "2" = "1793-22-09" }\n', encoding="utf-8")
    with pytest.raises(TeikitError, match=r"calendar_years.*1793-22-09"):
        load_profile(book)
