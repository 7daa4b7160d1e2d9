"""The date pass's numbers of three digits passed over without the pattern (round 9).

`find_in_texts` tried the date pattern at every number its scan found where a date may open
(`_OPENS_DAY_OR_YEAR`); three digits, page numbers and references ("pp. 181-210", "ch. 32")
were half of them in the bundled book, and only an ancient year's branch can begin with three
digits, after "the year", since, until or till. `_uncued_three_digits` tells them by their
digits and the word before: compared with the pattern at every number of real text (the
bundled book's source, the date samples of development, Gardiner's book where present, and
strings made to catch the edges), then the dates the whole reading finds with the shortcut
and without (`dates.CUED_THREE_DIGITS` False, the plain form).
"""

from __future__ import annotations

import re

import pytest

from conftest import SAMPLE, date_texts
from teikit.enrich import dates
from teikit.profile import load_profile

EDGES = (
    "until 656. until 656, Until 656; till 945) Till 945. since 300. Since 300, since\n300. until\t656."
    " the year 945, The year 945. the year\n945. under the year 637. year 607, ch. 32, year 607."
    " in 300 places, until 300 men came, still 656. untill 656. tilll 945. Xsince 300. 656. 656 945"
    " p. 245, pp. 181-210, 12 May 1917, 3 May, 1234 men, 123, 12, 1, 0123, 9999, 100s, 300BC."
)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return date_texts(EDGES)


@pytest.fixture(scope="module")
def lines(texts) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line]


def test_a_number_of_three_digits_without_a_cue_is_where_the_pattern_matches_nothing(texts):
    """At every digit that begins a word of the texts where a date may open: where
    `_uncued_three_digits` passes the number over, the date pattern (every kind of it, the
    bundled book's months too) matches nothing; and it passes over most numbers of three
    digits (the shortcut is taken), not the cued ancient years of the edges."""
    reading = dates.Reading(load_profile(source=SAMPLE).months)
    pattern = reading.pattern(True, True)
    passed = tried = 0
    for text in texts:
        for m in re.finditer(r"(?<![^\W\d_])\d", text):
            at = m.start()
            if dates._OPENS_DAY_OR_YEAR.match(text, at) is None:
                continue
            if dates._uncued_three_digits(text, at):
                passed += 1
                assert pattern.match(text, at) is None, text[max(0, at - 20) : at + 10]
            else:
                tried += 1
    assert passed > 1000 and tried > 1000
    ancient = [
        m.group() for m in re.finditer(r"(?<=\s)\d{3}\b", EDGES) if not dates._uncued_three_digits(EDGES, m.start())
    ]
    assert ancient.count("656") >= 4 and ancient.count("945") >= 4 and ancient.count("300") >= 3


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_at_once_without_uncued_three_digits_are_those_read_with_them(lines, profile, monkeypatch):
    """The dates `find_in_texts` reads in the lines of the texts, in contexts shared by runs of
    lines, with the shortcut and without: the same dates, the contexts left alike."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months

    def read() -> tuple[dict, list]:
        contexts = [dates.YearContext(months) for _ in range(len(lines) // 50 + 1)]
        shared = [contexts[k // 50] for k in range(len(lines))]
        got = dates.find_in_texts(lines, shared, set(lines[::7]), dates.Reading(months))
        return got, [(c.year, c.month, c.since, c.ahead_of, c.lent) for c in contexts]

    quick = read()
    monkeypatch.setattr(dates, "CUED_THREE_DIGITS", False)
    assert read() == quick
    found = [lines[k][s:e] for k, spans in quick[0].items() for s, e, _ in spans]
    assert len(found) > 3000 and {"656", "945"} <= set(found)
