"""The places' pass made faster (issue 14's half a second of enrichment), with the same
answers: each shortcut against the plain form it stands for, on the bundled book's text and
books of the shared corpus (a shortcut that found one match more or less would change the
edition)."""

from __future__ import annotations

import random
import re
from collections import Counter

from conftest import SAMPLE, SHARED
from teikit.enrich import places, textplaces
from teikit.enrich.matching import Matcher, pieces_holding
from teikit.enrich.registers import Register
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
BOOKS = sorted((SHARED / "corpus" / "books").glob("*.txt"))
CORPUS = [path.read_bytes().decode("utf-8", "replace") for path in BOOKS]


def _openings_plain(text: str, words: tuple[str, ...], articles: tuple[str, ...], capitals) -> list[int]:
    """Every place a word of `words`, a space, an article and a space perhaps, and a capital
    begin, by a look-ahead `re` tries at every position."""
    alternatives = "|".join(map(re.escape, words))
    the = "|".join(map(re.escape, articles))
    capital = "".join(map(re.escape, sorted(capitals)))
    pattern = re.compile(rf"(?=(?:{alternatives})\s(?:(?:{the})\s)?[{capital}])")
    return [m.start() for m in pattern.finditer(text)]


def test_the_openings_found_with_their_capitals_are_those_a_lookahead_finds():
    """`textplaces.cued_openings` (the capital in the automaton's strings where the capitals
    are few, the places pass's cues; looked at after the scan for a longer list) against a
    look-ahead tried everywhere, on the bundled book, the corpus, and strings that open
    inside a word ("land In Moscow"), with spaces of every kind."""
    texts = [
        BOOK,
        *CORPUS,
        "Finland In Moscow, from the\xa0St. Petersburg, in\u2009the Urals, into\tÉire; at the\nLille.",
        "and In The Hague and the In the in",
    ]
    with_capitals = 0
    for text in texts:
        for capitals in (places._NAME_CAPITALS, textplaces.UPPER_LETTERS):
            expected = _openings_plain(text, places._CUES, ("the",), capitals)
            assert textplaces.cued_openings(text, places._CUES, ("the",), capitals) == expected, text[:100]
            spaces = "".join(space for space in textplaces.SPACES if space in text)
            made = textplaces._openings_made(places._CUES, ("the",), spaces)
            with_capitals += len(capitals) * made <= textplaces._MOST_CAPITALISED_OPENINGS
    assert with_capitals >= len(texts)  # the places pass's capitals in the automaton, for every book


def test_the_names_matched_piece_by_piece_are_those_the_matcher_finds_in_the_whole_text():
    """`places.matches_in_pieces` (the matcher asked only of the pieces between blank lines
    that write a name) against the matcher asked of the whole text, on the bundled book and
    the corpus with names of each (the towns `forename_like` asks of the bundled book, the
    book's most frequent capitalised words, hyphenated and quoted ones), and on names at
    the ends of pieces, after hyphens, dashes and apostrophes."""
    lazar = ["Brest-Litovsk", "Frankfurt", "Gomel'", "New Delhi", "Sergo", "St Louis", "Zaporozhe", "Moscow"]
    edges = "Sergo\n\n-Sergo Ordzhonikidze\n\n--Sergo\n\n’Sergo x\n\nab'Sergo\n\n\nSergo-\n\nSergo--a\n\nSergo"
    matched = 0
    for text in [BOOK, *CORPUS, edges, "", "Sergo"]:
        capitalised = Counter(re.findall(r"\b[A-Z][\w'’-]+(?: [A-Z][a-z]+)?", text))
        for names in (lazar, [name for name, _ in capitalised.most_common(60)], list(capitalised)[::7]):
            expected = Matcher(dict.fromkeys(names)).find(text)
            assert places.matches_in_pieces(names, text) == expected, (names[:5], text[:100])
            matched += len(expected)
    assert matched > 50000


def test_the_units_of_towns_written_are_those_the_text_holds():
    """`places.units_of_towns_written` (the towns' places read from the book's scan of the
    persons' names that are cities) against a search of the text for each unit, on the
    bundled book and the corpus, for towns among the persons' names and towns that are not."""
    persons = ["Kalinin", "Kuibyshev", "Stalin", "Molotov", "Ordzhonikidze", "Kirov", "Gorky", "Washington", "Lincoln"]
    towns = {"Kalinin", "Kuibyshev", "Kirov", "Gorky", "Moscow", "Washington", "Lincoln", "Nizhnyi"}
    written = 0
    for text in [BOOK, *CORPUS, "Kirov province, Kirov  region, Kirovoblast; Moscow region\n\nGorky oblast"]:
        with places.scanning(text, places.book_word_lists(Register("place"), load_profile(), persons)):
            found = places.units_of_towns_written(text, towns, persons)
        expected = {unit for town in towns for head in places._TOWN_UNIT_WORDS if (unit := f"{town} {head}") in text}
        assert found == expected
        written += len(expected)
    assert written >= 5
    assert {"Kalinin", "Kuibyshev"} <= set(places._renamed_cities(frozenset(persons)))  # read from the scan


def test_the_lists_found_in_runs_of_their_letters_are_those_found_in_paragraphs():
    """`places.coordinated_lists` (`_COORDINATED` searched in the runs of the characters it
    reads that hold a close) against the same pattern searched in the paragraphs that hold
    a close (`pieces_holding`), on the bundled book, the corpus, and random runs of names,
    closes, commas and the characters that end a run or stand in a name (accented letters,
    apostrophes, hyphens, dashes, digits, stops, line breaks); and `_COORDINATED_LETTERS`
    every character a match of it holds."""
    pieces = ["Kharkov", "Dnepropetrovsk", "Komsomolsk-on-Amur", "Orekhovo-Zuevo", "St", "Condé", "New York", "Ab"]
    pieces += [", ", ", ", " and ", " or ", " and", ",", " ", "x", "’s", "'", "-", "--", "–", ".", ";", "1", "\n", "\n\n"]
    pieces += ["É", "é", "÷", "_", "(", "and", "or"]
    rng = random.Random(23)
    texts = [BOOK, *CORPUS, "", "Kiev, Kharkov and Odessa", "A, B and C"]
    names = pieces[:8] * 3 + [", "] * 8 + [" and ", " or "] * 3  # lists more often than not
    texts += ["".join(rng.choice(pieces if i % 3 == 2 else names) for i in range(20)) for _ in range(20000)]
    found = 0
    letters = re.compile(f"[{places._COORDINATED_LETTERS}]*")
    for text in texts:
        expected = [m.span() for m in pieces_holding(places._COORDINATED, places._COORDINATED_CLOSE_WORDS, text)]
        lists = places.coordinated_lists(text)
        assert [m.span() for m in lists] == expected, text[:200]
        assert all(letters.fullmatch(m.group(0)) for m in lists)
        found += len(expected)
    assert found > 500
