"""The date pass's tests before its patterns give what the patterns give alone (round 3).

Each shortcut of `dates` is compared with its plain form (`dates.SHORTCUTS` False, or the
pattern alone) at every place of real text (the bundled book's source, the date samples of
development, a corpus book where present) and of strings made to catch the edges: a year's
branch tried only on a number that opens with 17-20 (`_year_alone`), a reference before a
year told by its last two letters (`_not_a_year_before`), the attributive "of", "since",
"until" matched where they stand (`_attributive`), a paragraph's or sentence's opening told
by its first character and length (`_opens`), the patterns after a date tried only where their
first characters stand (`_closes`, `_year_away_after`, `_ordinal_day`), a decade in words
sought where "ties" stands in the texts joined (`find_in_texts`), and a year alone judged
inline (`_judge`); then the dates the whole reading finds, with the shortcuts and without.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import SAMPLE, date_texts, dates_in_shared_contexts
from teikit.enrich import dates
from teikit.profile import load_profile

EDGES = (
    "of 1917, f 1917, (f 1917, .f 1917, _f 1917, 9f 1917, Of 1917, oF 1917, op 1917, Op 1917, OP. 1917,"
    " pp 1917, Pp 1917, xpp 1917, p 1917, ap 1917, ll 1917, all 1917, l 1917, t 1917, at 1917, nos 1917,"
    " vols 1917, list 1917, art 1917, part 1917, str 1917, ſtr 1917, opiſ 1917, Kvol 1917, ch 1917,"
    " sch 1917, nr 1917, no 1917, No1917, pages 1917, fond 1917, delo 1917, ſ 1917, ǆ 1917, é 1917,"
    " the decree of 1917, the months of 1917, the end of 1917, the course of 1917, since 1917, until"
    " 1917, till 1917, still 1917, until\n1917, of\n1917, \tof 1917, the half of 1917, the quarter of 1917"
    " in the autumn of the preceding year, in June of the following year, in May of the\nnext year,"
    " the 13th May, 1919, the 1st of May, the 2nd day of March, 22nd June, 3rd July, 11 May, 4th, 21st,"
    " 1917.\n1917)\n(1917).\n1917’”. 1917; 1917! 1917? 1917'\" 1917\n"
    "In 1917, Early in the 1917, early in the 1917, In the\n1917, the year 1808, the year\n1808,"
    " twenties, the thirties, the early forties, parties, activities, the mid-twenties, twentieths\n"
    "adopted in 1917, set in\n1917, held on 5 May, made in  1917, given on\t1917, Xcreated in 1917, took on 1917,"
    " built in 1917, it in 1917, issued by the Council (i.e. by Stalin) in 1917, passed by him in 1917, ed in 1917,"
    " aimed on 1917, wrote in\n"
)
# Texts that open a paragraph: a date at or near their start, with the words `_OPENING` and
# `_SENTENCE_OPENING` allow before it, and others.
OPENINGS = (
    "1917 was",
    "In 1917 the",
    "in 1917 the",
    "By the 1920s",
    "During the 1930s",
    "during the 1930s",
    "From 1917",
    "Early in the 1917",
    "Late in 1917",
    "late in\n1917",
    "the 1917",
    "The 1917",
    "  In 1917",
    "\n\tthe 1917",
    "In \n1917",
    "In the\n1917",
    "Early in the \n1917",
    "Early in the  1917",
    "Latein 1917",
    "Early inthe 1917",
    "Indeed 1917",
    "On 5 March 1940",
    "Bylaws of 1917",
    "Ibid., 1917",
    "t 1917",
    "\u00a0In 1917",
    "The year 1917\n",
    "It ended in 1917.\n",
)


def _texts() -> list[str]:
    return date_texts(EDGES, *OPENINGS)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


@pytest.fixture(scope="module")
def lines(texts) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line]


def test_a_years_branch_is_tried_at_every_year_alone_and_gives_the_patterns_match(texts):
    """`_year_alone` (its branch tried only on a number opening with 17, 18, 19 or 20) at every
    digit that begins a word: where the date pattern matches a year alone there, it gives that
    match (the shortcut is taken at every such year), and nothing where the pattern matches
    another form or nothing (a day's date, a page)."""
    pattern = dates.Reading(load_profile(source=SAMPLE).months).pattern(False, False)
    years = days = 0
    for text in texts:
        for m in re.finditer(r"(?<!\w)\d", text):
            at = m.start()
            plain = pattern.match(text, at)
            quick = dates._year_alone(text, at)
            if plain is not None and plain.lastgroup == "year" and text[at + 4 : at + 5] not in "-–—/'’":
                if text[at + 4 : at + 5].isspace() and text[at + 5 : at + 6] in ("", "-", "–", "—"):
                    continue  # (a space and a dash after it: the pattern is tried, as before)
                assert quick is not None and quick.span() == plain.span(), text[at : at + 20]
                years += 1
            elif quick is not None:
                assert plain is not None and (plain.lastgroup, plain.span()) == ("year", quick.span())
            if plain is not None and plain.lastgroup in ("dm", "dmy"):
                assert quick is None
                days += 1
    assert years > 1000 and days > 300


def test_a_reference_before_a_year_is_told_by_its_last_two_letters_as_by_the_pattern(texts):
    """`_not_a_year_before` against `_NOT_A_YEAR_BEFORE` on the eight characters before every
    position of the texts' first 300,000 characters (the words of references, "of", a letter
    that is a reference alone, letters that are not ASCII, each told)."""
    said = 0
    for text in texts:
        for at in range(min(len(text), 300_000) + 1):
            before = text[max(0, at - 8) : at]
            plain = dates._NOT_A_YEAR_BEFORE.search(before) is not None
            assert dates._not_a_year_before(before) == plain, before
            said += plain
    assert said > 1000


def test_an_attributive_word_before_a_date_is_matched_where_it_stands_as_searched_for(texts, monkeypatch):
    """`_attributive` against its plain form (the pattern searched in the sixteen characters
    before) at every position of the texts' first 300,000 characters."""
    found = 0
    quick = []
    for text in texts:
        quick.append([dates._attributive(text, at) for at in range(min(len(text), 300_000) + 1)])
    monkeypatch.setattr(dates, "SHORTCUTS", False)
    for text, told in zip(texts, quick, strict=True):
        for at, said in enumerate(told):
            assert dates._attributive(text, at) == said, text[max(0, at - 16) : at]
            found += said
    assert found > 300


@pytest.mark.parametrize("block_start", [True, False])
def test_an_opening_is_told_by_its_first_character_and_length_as_by_the_patterns(texts, lines, block_start):
    """`_opens` against its plain form at every position of the first 40 characters of every
    line of the texts (and the openings written to catch the edges: white space first, the
    longest words, a newline before the date), read as opening a paragraph or not."""
    told = Counter()
    for line in [*lines, *OPENINGS]:
        for at in range(min(len(line), 40) + 1):
            quick = dates._opens(line, at, block_start)
            dates.SHORTCUTS = False
            try:
                assert quick == dates._opens(line, at, block_start), repr(line[:at])
            finally:
                dates.SHORTCUTS = True
            told[quick] += 1
    assert told["sentence"] > 50 and (told["paragraph"] > 1000 if block_start else not told["paragraph"])


def test_the_patterns_after_a_date_are_tried_where_their_first_characters_stand(texts, monkeypatch):
    """`_closes`, `_year_away_after` and `_ordinal_day` against the patterns alone at every
    position of the texts' first 300,000 characters."""
    said = Counter()
    for text in texts:
        for at in range(min(len(text), 300_000) + 1):
            closes = dates._CLOSES.match(text, at) is not None
            assert dates._closes(text, at) == closes, text[at : at + 4]
            away = dates._YEAR_AWAY_AFTER.match(text, at)
            quick = dates._year_away_after(text, at)
            assert (quick and quick.group(1)) == (away and away.group(1)), text[at : at + 30]
            ordinal = dates._ORDINAL_DAY.match(text, at) is not None
            assert dates._ordinal_day(text, at) == ordinal, text[at : at + 5]
            said.update(closes=closes, away=away is not None, ordinal=ordinal)
    assert said["closes"] > 3000 and said["away"] >= 3 and said["ordinal"] > 5


def test_a_participle_is_sought_before_in_or_on_where_its_last_letter_stands(texts):
    """`_participle_before` against `_PARTICIPLE_BEFORE` searched in the 90 characters before
    every position of the texts' first 300,000 characters (a participle's last letter before
    "in" or "on", a "by" clause between, a newline after "in")."""
    found = 0
    for text in texts:
        for at in range(min(len(text), 300_000) + 1):
            plain = dates._PARTICIPLE_BEFORE.search(text, max(0, at - 90), at) is not None
            assert dates._participle_before(text, at) == plain, text[max(0, at - 90) : at]
            found += plain
    assert found > 100


def test_the_forms_whose_days_are_not_checked_name_none(texts):
    """Every match of the date pattern at the words of the texts where a date may begin, of a
    form outside `_NAMING_DAYS`: its value (`_judge` checks no day of it) names no day."""
    reading = dates.Reading(load_profile(source=SAMPLE).months)
    pattern = reading.pattern(True, True)
    kinds = Counter()
    for text in texts:
        for m in re.finditer(r"\b(?=\w)", text):
            g = pattern.match(text, m.start())
            if g is None or g.lastgroup in dates._NAMING_DAYS:
                continue
            for year in (None, 1917):
                attrs = dates.value(g, year, reading.months) or {}
                assert not any(len(v) == 10 and v[0] != "-" for v in attrs.values()), g.group()
            kinds[g.lastgroup] += 1
    assert {"year", "my", "range", "decade", "bare", "season", "mmy"} <= set(kinds)


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_read_at_once_with_the_shortcuts_are_those_read_without(lines, profile, monkeypatch):
    """The dates `find_in_texts` reads in the lines of the texts (a decade in words among them,
    after "the", and "ties" in other words), in contexts shared by runs of lines, with the
    shortcuts and without (a text holding "ties" searched whole, a year alone judged as the
    other forms): the same dates, the contexts left alike."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months

    quick = dates_in_shared_contexts(lines, months)
    monkeypatch.setattr(dates, "SHORTCUTS", False)
    assert dates_in_shared_contexts(lines, months) == quick
    decades = [lines[k][s:e] for k, found in quick[0].items() for s, e, _ in found if lines[k][s:e].endswith("ties")]
    assert sum(map(len, quick[0].values())) > 3000 and "early forties" in decades
