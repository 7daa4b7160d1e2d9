"""The date pass's numbers passed over without the pattern (round 9).

`find_in_texts` tried the date pattern at every number its scan found where a date may open
(`_OPENS_DAY_OR_YEAR`); three digits, page numbers and references ("pp. 181-210", "ch. 32")
were half of them in the bundled book, and only an ancient year's branch can begin with three
digits, after "the year", since, until or till; a day's number and a space go on with a dash,
"to", "day of", "of" or a month ("25 per cent" does not). `_no_date_at` tells them by their
digits and the characters around: compared with the pattern at every number of real text (the
bundled book's source, the date samples of development, Gardiner's book where present, and
strings made to catch the edges), with the English months and the bundled book's, then the
dates the whole reading finds with the shortcut and without (`dates.NUMBERS_TOLD` False, the
plain form).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import SAMPLE, date_texts, dates_in_shared_contexts
from teikit.enrich import dates
from teikit.profile import load_profile

EDGES = (
    "until 656. until 656, Until 656; till 945) Till 945. since 300. Since 300, since\n300. until\t656."
    " the year 945, The year 945. the year\n945. under the year 637. year 607, ch. 32, year 607."
    " in 300 places, until 300 men came, still 656. untill 656. tilll 945. Xsince 300. 656. 656 945"
    " p. 245, pp. 181-210, 12 May 1917, 3 May, 1234 men, 123, 12, 1, 0123, 9999, 100s, 300BC."
    " 25 per cent, 3 and 4 May 1917, 12 to 14 May 1917, 5 of June 1917, 1 day of May, 12 – 14 March,"
    " 7 may 1917, 3 aprelya 1917, 3 maya, 12 men, 4 Men, 30 -, 30 — 31 July, 2 , 9 \n5 May 9 \t5 May"
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return date_texts(EDGES)


@pytest.fixture(scope="module")
def lines(texts) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line]


@pytest.mark.parametrize("profile", ["default", "book"])
def test_a_number_told_as_no_date_is_where_the_pattern_matches_nothing(texts, profile):
    """At every digit that begins a word of the texts where a date may open: where
    `_no_date_at` passes the number over, the date pattern (every kind of it, with the
    profile's months) matches nothing; and it passes over most numbers of three digits and
    many days' (the shortcut is taken), not the cued ancient years nor the days of the edges."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    reading = dates.Reading(months)
    pattern = reading.pattern(True, True)
    after_day = dates._after_a_days_number(reading.own)
    passed = Counter()
    tried = 0
    for text in texts:
        for m in re.finditer(r"(?<![^\W\d_])\d+", text):
            at = m.start()
            if dates._OPENS_DAY_OR_YEAR.match(text, at) is None:
                continue
            if dates._no_date_at(text, at, after_day):
                passed[len(m.group())] += 1
                assert pattern.match(text, at) is None, text[max(0, at - 20) : at + 10]
            else:
                tried += 1
    assert passed[3] > 1000 and passed[1] + passed[2] > 300 and tried > 1000
    kept = [
        EDGES[m.start() : m.end() + 6]
        for m in re.finditer(r"(?<=\s)\d+", EDGES)
        if not dates._no_date_at(EDGES, m.start(), after_day)
    ]
    assert sum(k.startswith("656") for k in kept) >= 4 and sum(k.startswith("945") for k in kept) >= 4
    for day in ("12 to 1", "5 of Ju", "1 day o", "3 and 4", "12 – 14", "30 — 31", "3 May, "):
        assert day[:6] in [k[:6] for k in kept] or day == "3 and 4" and profile == "default", day
    assert not any(k.startswith(("25 per", "2 , 9")) for k in kept)
    assert any(k.startswith("12 men") for k in kept) == (profile == "book")  # "marta", "may": a month's first letter
    if profile == "book":
        assert any(k.startswith("3 apr") for k in kept) and any(k.startswith("7 may") for k in kept)


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_at_once_with_numbers_told_are_those_read_without(lines, profile, monkeypatch):
    """The dates `find_in_texts` reads in the lines of the texts, in contexts shared by runs of
    lines, with the shortcut and without: the same dates, the contexts left alike."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months

    quick = dates_in_shared_contexts(lines, months)
    monkeypatch.setattr(dates, "NUMBERS_TOLD", False)
    assert dates_in_shared_contexts(lines, months) == quick
    found = [lines[k][s:e] for k, spans in quick[0].items() for s, e, _ in spans]
    assert len(found) > 3000 and {"656", "945"} <= set(found)
