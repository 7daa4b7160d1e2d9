"""Years of running text of any period (issues 18 and 14), read in sentences of two books of the
shared corpus that no rule was written for: The Prince (tr. W. K. Marriott) and The Art of War
(tr. Lionel Giles), Standard Ebooks source trees. A year before 1700 is a date after a word that
makes a number one ("born 1462, died 1515", "from 1494 to 1500"), as a range of years ("1512–17",
the word joiners Standard Ebooks sets round the dash kept in the span), or as a list's item's
year ("Il Principe, 1513;"); a year of three digits after "until" that ends its clause; never a
page ("p. 297") or a count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SHARED
from teikit.enrich.dates import find_dates

EPUB = SHARED / "corpus" / "epub"
PRINCE = EPUB / "niccolo-machiavelli_the-prince_w-k-marriott" / "text"
ART_OF_WAR = EPUB / "sun-tzu_the-art-of-war_lionel-giles" / "text"


def _text(folder: Path, name: str) -> str:
    """The words of one XHTML file of a book's source tree, its tags taken out, its spaces one."""
    path = folder / name
    if not path.is_file():
        pytest.skip(f"the shared corpus's source of {folder.parent.name} is not beside the project ({path} absent)")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def _sentence(text: str, opening: str, closing: str) -> str:
    """The stretch of `text` from `opening` to the end of `closing` after it (the book's own words)."""
    start = text.index(opening)
    return text[start : text.index(closing, start) + len(closing)]


def _dates(sentence: str) -> list[tuple[str, dict[str, str]]]:
    return [(sentence[start:end], attrs) for start, end, attrs in find_dates(sentence)]


def test_a_life_and_a_reign_of_the_fifteenth_century_are_dated():
    notes = _text(PRINCE, "endnotes.xhtml")
    reign = _sentence(notes, "He ruled over Milan", "died in 1510.")
    assert _dates(reign) == [("1494 to 1500", {"from": "1494", "to": "1500"}), ("1510", {"when": "1510"})]
    life = _sentence(notes, "Louis XII, King of France, “The Father", "died 1515.")
    assert _dates(life) == [("1462", {"when": "1462"}), ("1515", {"when": "1515"})]
    # a page of the same notes stays a page
    assert _dates(_sentence(notes, "“The present chapter has given greater offence", "p. 297")) == []


def test_ranges_of_old_years_with_the_word_joiners_round_their_dash():
    works = _text(PRINCE, "the-man-and-his-works.xhtml")
    listed = _sentence(works, "Discorsi sopra la prima deca", "Il Principe, 1513;")
    assert _dates(listed) == [
        ("1512\u2060–\u206017", {"from": "1512", "to": "1517"}),
        ("1513", {"when": "1513"}),
    ]
    editions = _sentence(works, "Cambiagi, Florence", "1782\u2060–\u20605;")
    assert _dates(editions) == [("1782\u2060–\u20605", {"from": "1782", "to": "1785"})]


def test_a_list_of_works_dates_each_by_the_year_that_ends_it():
    works = _text(PRINCE, "the-man-and-his-works.xhtml")
    listed = _sentence(works, "Andria, comedy translated", "Mandragola")
    assert [attrs for _, attrs in _dates(listed)] == [{"when": "1513"}]
    # the list's last item before its full stop, after items ended so
    battles = _sentence(_text(PRINCE, "endnotes.xhtml"), "The battles of Il Taro", "Mestri, 1513.")
    assert [attrs["when"] for _, attrs in _dates(battles)] == ["1495", "1499", "1501", "1507", "1509", "1511", "1513"]
    # the volumes' count before a year is no year ("3 vols., 1512–17")
    assert "3" not in [span for span, _ in _dates(_sentence(works, "T. Livio, 3 vols.", "1513;"))]


def test_a_year_of_three_digits_after_until_that_ends_its_clause():
    notes = _text(ART_OF_WAR, "endnotes.xhtml")
    lived = _sentence(notes, "that he escaped and lived on", "until 656.")
    assert _dates(lived) == [("656", {"when": "0656"})]
    # chapters and folios of the same sentence are no years
    cited = _sentence(notes, "(ch. 58, fol. 2", "respectively)")
    assert _dates(cited) == []
    # a chronicle's entry, of the era the chronicle sets (the text says none), is no year of ours
    assert _dates(_sentence(notes, "mentioned in ch. 39", "the year 637.")) == []


def test_the_year_of_three_digits_is_a_year_with_its_words():
    intro = _text(ART_OF_WAR, "translators-intro-2.xhtml")
    back = _sentence(intro, "takes us back to", "the year 983,")
    assert _dates(back) == [("the year 983", {"when": "0983"})]


def _line(path: Path, holding: str) -> str:
    """The line of a plain-text book of the shared corpus that holds `holding`."""
    if not path.is_file():
        pytest.skip(f"the shared corpus's {path.name} is not beside the project ({path} absent)")
    return next(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if holding in line)


def test_pages_lines_and_files_of_citations_stay_numbers():
    # a page after a comma ends the citation, a line of a play too; a file's numbers between slashes
    lazar = SHARED / "corpus" / "iron-lazar.txt"
    assert _dates(_line(lazar, "Dokumenty, 1005.")) == [("1928-1953", {"from": "1928", "to": "1953"})]
    assert _dates(_line(lazar, "89/1009/62")) == []
    aurelius = SHARED / "corpus" / "books" / "aurelius-meditations-casaubon.txt"
    assert _dates(_line(aurelius, "Supplices, 1110.")) == []
    # and a list's years before the next item are years: "(1) By Meric Casaubon, 1634;"
    listed = _line(aurelius, "By Meric Casaubon, 1634;")
    assert ("1634", {"when": "1634"}) in _dates(listed)
