"""Years before 1700 in four shapes (issue 18, round 14's cause 5): a month's name and a year
("In April, 1302", "(February 1513)"), a year alone in brackets after a word ("a clever poet of
the day (1260)"), a year after "born" or "died", "in" or "at" and a place's name ("born in
Bologna 1438, died at Milan 1508"), and a year before "between" ("made in 1508 between the three
great European powers"); and after "year" whatever follows ("In this year 1294 died"), after
"anno" ("fought anno 1448"), between a citation's commas before its pages ("London, 1699, pp.
269"), in brackets where the text node begins before them (a romanised title set apart). Read from the endnotes and introduction of The Prince and The Divine
Comedy, the Burns and James books and The Art of War in the shared corpus beside the project (skipped where absent); the guards against counts,
references and ranges on sentences of the same shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from corpus_marks import converted_epub, marks, xhtml_paragraph
from teikit.enrich.dates import find_dates

EPUB = ROOT.parent / "shared" / "corpus" / "epub"
PRINCE = EPUB / "niccolo-machiavelli_the-prince_w-k-marriott" / "text"
DANTE = EPUB / "dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow" / "text"
BOOKS = ROOT.parent / "shared" / "corpus" / "books"


def _book_lines(name: str, said: str) -> str:
    """The lines of a corpus book's text round the first that writes `said`, joined, white
    space collapsed."""
    source = BOOKS / name
    if not source.is_file():
        pytest.skip(f"the shared corpus is not beside the project ({source} absent)")
    lines = source.read_text(encoding="utf-8").splitlines()
    at = next(k for k, line in enumerate(lines) if said in line)
    return " ".join(" ".join(lines[max(0, at - 2) : at + 3]).split())


def _dated(text: str, said: str) -> list[tuple[str, dict[str, str]]]:
    """The dates found in the sentence of `text` that writes `said`: (their words, attributes)."""
    at = text.index(said)
    start = text.rfind(". ", 0, at) + 1
    end = text.find(". ", at + len(said))
    sentence = text[start : end if end >= 0 else len(text)]
    return [(sentence[a:b], attrs) for a, b, attrs in find_dates(sentence)]


def test_a_month_and_a_year_before_1700_are_one_date():
    text = xhtml_paragraph(DANTE / "endnotes.xhtml", "In April, 1302")
    assert ("April, 1302", {"when": "1302-04"}) in _dated(text, "In April, 1302")
    text = xhtml_paragraph(PRINCE / "endnotes.xhtml", "(February 1513)")
    assert ("February 1513", {"when": "1513-02"}) in _dated(text, "(February 1513)")


def test_a_year_alone_in_brackets_after_a_word():
    text = xhtml_paragraph(DANTE / "endnotes.xhtml", "clever poet of the day (1260)")
    assert ("1260", {"when": "1260"}) in _dated(text, "clever poet of the day (1260)")


def test_a_year_after_born_or_died_at_a_place():
    text = xhtml_paragraph(PRINCE / "endnotes.xhtml", "born in Bologna 1438")
    found = _dated(text, "born in Bologna 1438")
    assert ("1438", {"when": "1438"}) in found
    assert ("1508", {"when": "1508"}) in found


def test_a_year_before_between():
    text = xhtml_paragraph(PRINCE / "introduction.xhtml", "made in 1508 between")
    assert ("1508", {"when": "1508"}) in _dated(text, "made in 1508 between")


@pytest.mark.parametrize(
    "sentence",
    [
        "On the first of May 1500 men marched out of the town.",  # a count after a month
        "In March 1200 soldiers crossed the river.",
        "See note (1260).",  # a reference's number in brackets
        "The garrison (1500 men) held out.",
        "Euripides, Supplices, 1110.",  # a line of verse cited
        "He lived in Bologna 1438 steps from the church.",  # no birth or death
        "Its business office is located at 809 North 1500 West.",
    ],
)
def test_numbers_of_the_same_shapes_that_are_no_year(sentence):
    assert not [attrs for *_, attrs in find_dates(sentence) if any("1" in v[:1] for v in attrs.values())]


def test_a_range_in_brackets_stays_a_range():
    assert find_dates("Henry the Third (1216\u2060–\u20601272), of whom Hume says") == [
        (17, 28, {"from": "1216", "to": "1272"})
    ]


def test_a_year_after_year_whatever_follows():
    text = xhtml_paragraph(DANTE / "endnotes.xhtml", "In this year 1294 died")
    assert ("1294", {"when": "1294"}) in _dated(text, "In this year 1294 died")
    text = xhtml_paragraph(DANTE / "endnotes.xhtml", "in the same year, 1285")
    assert ("1285", {"when": "1285"}) in _dated(text, "in the same year, 1285")


def test_a_year_after_anno():
    text = _book_lines("burns-poems-and-songs.txt", "fought anno 1448")
    assert ("1448", {"when": "1448"}) in _dated(text, "fought anno 1448")


def test_a_year_of_a_citation_before_its_pages():
    text = _book_lines("james-varieties-of-religious-experience.txt", "London, 1699, pp.")
    assert ("1699", {"when": "1699"}) in _dated(text, "London, 1699, pp.")


@pytest.fixture(scope="module")
def war(tmp_path_factory) -> Path:
    return converted_epub(tmp_path_factory, "sun-tzu_the-art-of-war_lionel-giles")


def test_a_year_in_brackets_after_a_title_set_apart(war):
    # "廣博物志 Kuang Po Wu Chih (1607), ch. 31, 32.": the romanised title is an element of its
    # own, the text after it begins with the space before the bracket
    assert ("1607", None) in marks(war, "Kuang Po Wu Chih (1607)", "date")


def test_a_range_of_years_before_1700_after_in_is_the_range():
    text = xhtml_paragraph(PRINCE / "introduction.xhtml", "an envoy at his court in 1507")
    assert ("1507\u2060–\u20608", {"from": "1507", "to": "1508"}) in _dated(text, "an envoy at his court in 1507")
