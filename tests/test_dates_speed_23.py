"""The date pass's character tests before its patterns give what the patterns give alone.

`dates._not_a_year_before`, `dates._participle_before` and `dates._opens` look at a
character or two before they try a pattern (`dates.SHORTCUTS`; False: the pattern alone,
their plain form), and the joins of two dates are sought only between dates at most
`dates._JOIN_REACH` characters apart. Each is compared with its plain form at every place
of real text (the bundled book's source, the date samples of development, the corpus books
where present) and of strings made to catch the edges, and the dates found by the whole
reading of those texts with the tests and without them.
"""

from __future__ import annotations

import re

import pytest

from conftest import SAMPLE, date_texts
from teikit.enrich import dates
from teikit.profile import load_profile

EDGES = (
    "vol. 1917, vols 3 1917, No. 1917, nos. 1917, p. 1917, pp 1917, f.1917, op. 1917, d. 1917, l. 1917,"
    " ll. 1917, t. 1917, fond 1917, delo 1917, opis' 1917, list 1917, page 1917, pages 1917, nr. 1917,"
    " ch. 1917, art. 1917, str. 1917, VOL. 1917, P 1917, :1917, #1917, №1917, § 1917, ſ 1917, pageſ 1917,"
    " p.\n1917, vol \n1917, no.  1917, in 1917, by 1917, (1917), —1917, p\t1917\n"
    "the decree adopted on 5 March, set in\nJuly 1935, issued by the Council in\n12 May, held on 3 June,"
    " taken in 1919. In 1920 the end. By the 4 May! During 1921? From 1922 on, the year 1923, night of"
    " 4 May, on\n5 May, of\n6 May, the year\n1924, early in 1925, 1926 to 1927, 1928 until the 1929,"
    " 1930, through 1931, 12 May – 14 June, 1932 and 1933, between 1934 and 1935, 1936/37"
)


def _texts() -> list[str]:
    return date_texts(EDGES)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_a_reference_before_a_year_is_told_by_its_last_characters_as_by_the_pattern(texts):
    """`_not_a_year_before` against `_NOT_A_YEAR_BEFORE` on the eight characters before every
    digit of the texts (where a year may stand) and before every position of the edge strings."""
    said = 0
    for text in texts:
        places = [m.start() for m in re.finditer(r"\d", text)]
        if text is EDGES:
            places = range(len(text) + 1)
        for at in places:
            before = text[max(0, at - 16) : at][-8:]
            plain = dates._NOT_A_YEAR_BEFORE.search(before) is not None
            assert dates._not_a_year_before(before) == plain, before
            said += plain
    assert said > 100  # references there are, and told


def test_a_participle_before_a_date_is_told_by_in_or_on_before_it_as_by_the_pattern(texts):
    """`_participle_before` against `_PARTICIPLE_BEFORE` at every position of the texts'
    first 300,000 characters (every date's start among them), and `_opens` against the
    pattern alone, there too."""
    found = opened = 0
    for text in texts:
        for start in range(min(len(text), 300_000) + 1):
            plain = dates._PARTICIPLE_BEFORE.search(text, max(0, start - 90), start) is not None
            assert dates._participle_before(text, start) == plain, text[max(0, start - 90) : start]
            found += plain
            quick = dates._opens(text, start, False)
            dates.SHORTCUTS = False
            try:
                assert quick == dates._opens(text, start, False), text[max(0, start - 24) : start]
            finally:
                dates.SHORTCUTS = True
            opened += quick == "sentence"
    assert found > 100 and opened > 1000


def test_the_joins_of_two_dates_span_no_more_than_their_reach():
    """The patterns joining two dates (as a range, a span, "between … and …") match no more
    characters than `_JOIN_REACH`, the widest gap they are sought in: by the widths `re`
    gives them, and on the widest joins of each written out."""
    for pattern in (dates._RANGE_JOIN, dates._SPAN_JOIN, dates._BETWEEN_JOIN):
        assert re._parser.parse(pattern.pattern).getwidth()[1] <= dates._JOIN_REACH  # type: ignore[attr-defined]
    assert dates._RANGE_JOIN.fullmatch(" , through ") and len(" , through ") == dates._JOIN_REACH
    assert dates._SPAN_JOIN.fullmatch(" until the ") and len(" until the ") == dates._JOIN_REACH


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_with_the_character_tests_are_those_read_without(texts, profile, monkeypatch):
    """The dates `find_dates` reads in every line of the texts, with one context for all of
    them, with the character tests and the joins' reach, and without either (the patterns
    tried at every date, the joins between any two dates): the same dates, the same context."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    lines = [line for text in texts for line in text.splitlines() if line]

    def read() -> tuple[list, tuple]:
        reading = dates.Reading(months)
        context = dates.YearContext(months)
        got = [dates.find_dates(line, context, k % 5 == 0, reading=reading) for k, line in enumerate(lines)]
        return got, (context.year, context.month, context.since, context.ahead_of, context.lent)

    quick = read()
    monkeypatch.setattr(dates, "SHORTCUTS", False)
    monkeypatch.setattr(dates, "_JOIN_REACH", 10**9)
    plain = read()
    assert quick == plain
    assert sum(map(len, quick[0])) > 3000


def test_a_year_alone_matched_by_its_branch_is_the_date_patterns_match(texts):
    """`_year_alone` against the date pattern at every digit of the texts that begins a word
    (where `_scan` tries it): where it gives a match, the pattern's, of the same form, span
    and year; and the edges where the branches before the year's match (a range, a decade)."""
    pattern = dates.Reading(load_profile(source=SAMPLE).months).pattern(False, False)
    alone = 0
    for text in [*texts, "1917-18, 1917 -18, 1917 – 1918, 1917/18, 1920s, 1920's, 1917 ", "1917"]:
        for m in re.finditer(r"(?<!\w)\d", text):
            quick = dates._year_alone(text, m.start())
            if quick is not None:
                plain = pattern.match(text, m.start())
                assert plain is not None and (plain.lastgroup, plain.span(), plain["y8"]) == (
                    quick.lastgroup,
                    quick.span(),
                    quick["y8"],
                ), text[m.start() : m.start() + 20]
                alone += 1
    assert alone > 1000


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_with_years_alone_are_those_read_by_the_pattern(texts, profile, monkeypatch):
    """The dates `find_in_texts` reads in the lines of the texts, with `_year_alone` tried
    first (`dates.YEAR_ALONE`) and without: the same dates."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    lines = [line for text in texts for line in text.splitlines() if line]

    def read() -> dict:
        contexts = [dates.YearContext(months)] * len(lines)
        return dates.find_in_texts(lines, contexts, set(lines[::7]), dates.Reading(months))

    quick = read()
    monkeypatch.setattr(dates, "YEAR_ALONE", False)
    assert read() == quick
    assert sum(map(len, quick.values())) > 3000
