"""Dates of any period in running text (teikit.enrich.dates): a year before 1700 after a
word that makes a number a year, and centuries with their notBefore/notAfter."""

from __future__ import annotations

import pytest

from teikit.enrich.dates import find_dates


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The Comtat had belonged to the Pope since 1273, and Avignon since 1348.",
            [("1273", {"when": "1273"}), ("1348", {"when": "1348"})],
        ),
        (
            "In 1589, Henry of Navarre became king; in 1306 he went.",
            [("1589", {"when": "1589"}), ("1306", {"when": "1306"})],
        ),
        ("It was built in the tenth century.", [("the tenth century", {"notBefore": "0901", "notAfter": "1000"})]),
        (
            "In the early fourteenth century",
            [("the early fourteenth century", {"notBefore": "1301", "notAfter": "1333"})],
        ),
        (
            "the 18th century and the late nineteenth century",
            [
                ("the 18th century", {"notBefore": "1701", "notAfter": "1800"}),
                ("the late nineteenth century", {"notBefore": "1867", "notAfter": "1900"}),
            ],
        ),  # fmt: skip
    ],
)
def test_years_of_any_period_and_centuries(text, found):
    assert [(text[a:b], attrs) for a, b, attrs in find_dates(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "a sum of 1500 livres",  # money
        "an army of 1200 men",  # a count
        "He paid 1500 in gold",  # no word that makes it a year
        "see page 1306 of the roll",
        "the century was young",  # no number
        "1306 soldiers came",
    ],
)
def test_a_number_before_1700_is_a_year_only_where_the_words_say_so(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        (
            "in the last days of October, 1918 and",
            "last days of October, 1918",
            {"notBefore": "1918-10-21", "notAfter": "1918-10-31"},
        ),
        ("during the first part of 1919 the", "first part of 1919", {"notBefore": "1919-01", "notAfter": "1919-04"}),
        (
            "the latter part of March 1790",
            "latter part of March 1790",
            {"notBefore": "1790-03-21", "notAfter": "1790-03-31"},
        ),
    ],
)
def test_a_part_of_a_month_or_a_year_is_a_third_of_it(text, span, attrs):
    ((start, end, found),) = find_dates(text)
    assert (text[start:end], found) == (span, attrs)


@pytest.mark.parametrize(
    ("text", "span", "attrs"),
    [
        (  # Keynes, The Economic Consequences of the Peace, ch. 6
            "Before the middle of the nineteenth century no nation owed payments to a foreign nation",
            "middle of the nineteenth century",
            {"notBefore": "1834", "notAfter": "1866"},
        ),
        (  # Gardiner, The French Revolution, ch. 1
            "From that time to the end of the seventeenth century the power of the Monarchy grew",
            "end of the seventeenth century",
            {"notBefore": "1667", "notAfter": "1700"},
        ),
        ("in the first half of the 18th century", "first half of the 18th century", {"notBefore": "1701", "notAfter": "1750"}),
        ("the last quarter of the nineteenth century", "last quarter of the nineteenth century", {"notBefore": "1876", "notAfter": "1900"}),
        # a part the century has no measure of here: the century alone, as before
        ("the first days of the tenth century", "the tenth century", {"notBefore": "0901", "notAfter": "1000"}),
    ],
)  # fmt: skip
def test_a_part_of_a_century_is_its_third_half_or_quarter(text, span, attrs):
    ((start, end, found),) = find_dates(text)
    assert (text[start:end], found) == (span, attrs)
