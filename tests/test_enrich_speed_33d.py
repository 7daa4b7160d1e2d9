"""The dates pass's shortcuts of round 15, each compared with its plain form on real text.

`find_in_texts` told the numbers no date begins at by `_OPENS_DAY_OR_YEAR`, then, where it
matched, by `_no_date_at` in Python; `_opens_a_date` is the two as one pattern, matched once
at each number (`dates.NUMBERS_BY_PATTERN` False: the plain form). Compared at every number of
real text (the bundled book's source, the date samples of development, Gardiner's book where
present, and strings made to catch the edges) with the English months and the bundled book's,
then the dates the whole reading finds with the shortcut and without.

`find_in_texts` tried the date pattern at the words of each text in a scan of its own
(`_matches`, `_scan`: a call for each of the ~2,600 texts of the bundled book that hold a
word a date may begin with); it tries them in one scan of the texts joined, each match bounded
by the end of its text (`dates.JOINED_SCAN` False: the plain form). Compared on the lines of
the same texts, each a text of its own (many texts' starts and ends: a day in words, a date
run into a preposition, an ancient year at a text's end), with the dates found.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import SAMPLE, date_texts, dates_in_shared_contexts
from teikit.enrich import dates
from teikit.profile import load_profile

EDGES = (
    "until 656. since\n300. Until 656; till 945) year 607, year\t607 ch. 32, 12 May 1917, 3\tMay, 3\nMay"
    " 25 per cent, 12 to 14 May, 5 of June, 1 day of May, 12 – 14 March, 30—31 July, 3rd May, 2nd,"
    " 7 may 1917, 3 aprelya 1917, 12 men, 4 Men, 1234 men, 0123 men, 01 May, 123, 9999, 1800s, 2 , 9"
    " 12\u20604, 19 ] 9, 3 ^x, 4 \\y, on16 May, by1917, in12 May 9 \t5 May 656 until 012. the year 045,"
)
# Lines that begin or end where a text's edge changes what the pattern or its shortcuts see.
EDGE_LINES = (
    "He reigned until 656\nfirst of May 1917 came\ntwenty-first of June 1917 came\nOn16 May 1917 he came"
    "\nin1917\nthe war of 1917 \n1917\n3 May\nthe twenty-fourth of June\n1812–\n1917 –\n the year 945"
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return date_texts(EDGES, EDGE_LINES)


@pytest.fixture(scope="module")
def lines(texts) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line]


@pytest.mark.parametrize("profile", ["default", "book"])
def test_a_number_opens_a_date_by_the_one_pattern_where_it_did_by_the_two_tests(texts, profile):
    """At every ASCII digit of the texts that begins a number: `_opens_a_date` matches where
    `_OPENS_DAY_OR_YEAR` matches and `_no_date_at` does not pass the number over, and only
    there; numbers of every size are met, kept and passed over."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    reading = dates.Reading(months)
    after_day = dates._after_a_days_number(reading.own)
    one = dates._opens_a_date(reading.own)
    outcomes: Counter = Counter()
    for text in texts:
        for m in re.finditer(r"(?<![0-9])[0-9]+", text):
            at = m.start()
            plain = dates._OPENS_DAY_OR_YEAR.match(text, at) is not None and not dates._no_date_at(text, at, after_day)
            assert (one.match(text, at) is not None) == plain, text[max(0, at - 20) : at + 10]
            outcomes[min(len(m.group()), 5), plain] += 1
    for size in (1, 2, 3, 4):
        assert outcomes[size, True] > 5 and outcomes[size, False] > 5, (size, outcomes)


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_with_numbers_told_by_one_pattern_are_those_read_without(lines, profile, monkeypatch):
    """The dates `find_in_texts` reads in the lines of the texts, in contexts shared by runs of
    lines, with the one pattern and with the two tests: the same dates, the contexts alike."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    quick = dates_in_shared_contexts(lines, months)
    monkeypatch.setattr(dates, "NUMBERS_BY_PATTERN", False)
    assert dates_in_shared_contexts(lines, months) == quick
    found = [lines[k][s:e] for k, spans in quick[0].items() for s, e, _ in spans]
    assert len(found) > 3000 and {"656", "945", "12 May 1917"} <= set(found)


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_in_one_scan_of_the_texts_joined_are_those_read_text_by_text(lines, profile, monkeypatch):
    """The dates `find_in_texts` reads in the lines of the texts (each line a text), in
    contexts shared by runs of lines, with the words of all tried in one scan and text by
    text: the same dates, the contexts alike; the edges' lines among them give their dates."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    quick = dates_in_shared_contexts(lines, months)
    monkeypatch.setattr(dates, "JOINED_SCAN", False)
    assert dates_in_shared_contexts(lines, months) == quick
    found = {(lines[k], lines[k][s:e]) for k, spans in quick[0].items() for s, e, _ in spans}
    for line, date in (
        ("He reigned until 656", "656"),
        ("first of May 1917 came", "first of May 1917"),
        ("twenty-first of June 1917 came", "twenty-first of June 1917"),
        ("On16 May 1917 he came", "16 May 1917"),
        ("1917", "1917"),
        ("the twenty-fourth of June", "the twenty-fourth of June"),
    ):
        assert (line, date) in found, (line, date)
