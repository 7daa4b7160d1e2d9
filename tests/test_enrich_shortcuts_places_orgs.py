"""The places' and organisations' passes' shortcuts find what the plain forms they stand for find.

Each shortcut (a pattern tried only where an automaton found how its matches open, an answer
made once for a name asked again) is compared with the plain form on the bundled book's
text, on books of the shared corpus where present, and on random strings made of the
pieces that catch the edges: a shortcut that found a match more or less would change the
edition.
"""

from __future__ import annotations

import random
import re
import sys

from conftest import ROOT, SAMPLE, SHARED, found_by_find
from teikit.enrich import places, textplaces
from teikit.enrich.namewords import UPPER, words_at_start
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))[:4]


def _found(m: re.Match | None):
    return None if m is None else (m.span(), m.groups())


def test_the_spaces_and_capitals_the_openings_are_made_of_are_those_the_patterns_read():
    """`textplaces.SPACES` is every character `\\s` matches in a pattern of `str` (and
    `str.isspace` says is one); `places._NAME_CAPITALS` those `_NAME` opens with,
    `textplaces.UPPER_LETTERS` those of `namewords.UPPER`."""
    everything = [chr(c) for c in range(sys.maxunicode + 1)]
    assert set(textplaces.SPACES) == {c for c in everything if re.fullmatch(r"\s", c)}
    assert set(textplaces.SPACES) == {c for c in everything if c.isspace()}
    assert places._NAME_CAPITALS == {c for c in everything if re.fullmatch(r"[A-ZÀ-Ý]", c)}
    assert textplaces.UPPER_LETTERS == {c for c in everything if re.fullmatch(f"[{UPPER}]", c)}


def test_the_names_after_a_cue_are_those_finditer_finds():
    """`places.after_cue` (the pattern tried only where a cue, a space, "the" perhaps and a
    capital open a string) against `_AFTER_CUE.finditer`, on the bundled book, corpus books,
    and random runs of cues, their look-alikes ("land", "Into", "within"), names, spaces of
    every kind and the marks around them: matches that a longer opening covers ("land In
    Moscow"), saints, dashes, hyphens and possessives."""
    pieces = [*places._CUES, "the", "The", "land", "hand", "to", "In", "Saint", "St.", "St", "x", "é", "Éire"]
    pieces += ["Moscow", "Baku's", "Quimper", "Nizhnyi", "Val", "Ab", "oil", "fields", "a", "ploshchad"]
    pieces += [" ", " ", " ", " ", "\n", "\xa0", "\u2009", "\t", "-", "--", "'", "’", ",", ".", "é"]
    rng = random.Random(18)
    texts = [BOOK, *(path.read_bytes().decode("utf-8", "replace") for path in CORPUS)]
    texts += [
        "Finland In Moscow, from the St. Petersburg--a town, at Quimper--a small town; toward Baku's oil fields",
        "in\xa0the\u2009Urals and\nLille, in the\nthe Volga; within Riga-Minsk and into Ab-cd, to Saint Roch’",
        "",
        "no space at all",
    ]
    texts += ["".join(rng.choice(pieces) for _ in range(16)) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = [_found(m) for m in places._AFTER_CUE.finditer(text)]
        assert [_found(m) for m in places.after_cue(text)] == expected, text[:200]
        found += len(expected)
    assert found > 5000


def test_the_uses_counted_in_one_scan_are_those_a_search_of_each_name_finds():
    """`textplaces.Uses` (the names counted in one scan of the text) against `uses` (a search
    of the text for each), on the bundled book and corpus books, for their capitalised words
    and names holding one another ("New", "New York", "York"; "Ayr", "Ayrshire"), and on random
    runs of those names, hyphens, apostrophes and letters: names inside words, written
    twice running ("AbAb"), overlapping themselves ("aaa" in "aaaaa"), and a name asked that
    was not counted."""
    names = [
        "New",
        "New York",
        "York",
        "Ayr",
        "Ayrshire",
        "Ab",
        "AbAb",
        "Ab Ab",
        "aaa",
        "Ab-cd",
        "O'Neil",
        "St. Roch",
        "x",
    ]
    pieces = [*names, " ", " ", "-", "'", "’", "a", "é", "_", "\n\n", ".", "1"]
    rng = random.Random(14)
    texts = [BOOK, *(path.read_bytes().decode("utf-8", "replace") for path in CORPUS)]
    texts += ["".join(rng.choice(pieces) for _ in range(14)) for _ in range(3000)]
    found = 0
    for text in texts:
        asked = names + sorted(set(re.findall(r"[A-Z][a-z]+", text)))[:300]
        count = textplaces.Uses(text, asked[:-1] + [""])  # the last asked is not counted in the scan
        for name in asked:
            expected = textplaces.uses(name, text)
            assert count(name) == expected, (name, text[:200])
            found += expected
    assert found > 10000


def test_the_head_alone_after_the_is_found_where_the_plain_pattern_finds_it():
    """`places.the_head_alone` ("the" tested for a word's start after it is read) against
    the plain pattern (`\\bthe` first), on the bundled book for heads of sites it writes, and
    on random runs of the head, its look-alikes and the characters around ("xthe Metro",
    "the Metro-Vickers", "the Metro Vickers", "_the", "éthe", a text that opens with "the")."""
    heads = ["Metro", "Kremlin", "Hall", "Church", "Theatre", "Palace", "Cathedral", "Mausoleum", "Gate"]
    pieces = ["the", "The", "x", "é", "_", "-", "'", "’", " ", " ", "\n", "Metro", "Metros", "Vickers", "1"]
    rng = random.Random(17)
    texts = [BOOK, "the Metro", "xthe Metro", "_the Metro", "the Metro-Vickers", "the Metro Vickers, the Metro."]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(4000)]
    found = 0
    for head in heads:
        plain = re.compile(rf"\bthe {head}(?![\w'’-]| [A-Z])")
        for text in texts if head == "Metro" else texts[:1]:
            expected = [_found(m) for m in plain.finditer(text)]
            assert [_found(m) for m in places.the_head_alone(head).finditer(text)] == expected, (head, text[:200])
            found += len(expected)
    assert found > 30


def test_the_occurrences_found_in_one_scan_are_those_str_find_gives():
    """`places.occurrences` (every word's places, found in one scan) against `str.find` from
    the start and then from the character after each, on the bundled book and corpus books
    for words written often, seldom and never, words inside one another ("Nizhnyi",
    "Nizhnyi Novgorod", "Novgorod"), and on random runs where a word overlaps itself
    ("aa" in "aaaa")."""
    words = ["Moscow", "Nizhnyi", "Nizhnyi Novgorod", "Novgorod", "Novodevichy", "the", "Zzyzx", "aa", "a"]
    rng = random.Random(16)
    texts = [BOOK, *(path.read_bytes().decode("utf-8", "replace") for path in CORPUS), ""]
    texts += [
        "".join(rng.choice(["a", "aa", "b", " ", "Novgorod", "Nizhnyi "]) for _ in range(10)) for _ in range(2000)
    ]
    found = 0
    for text in texts:
        expected = [found_by_find(word, text) for word in words]
        assert places.occurrences(words, text) == expected, text[:200]
        found += sum(map(len, expected))
    assert places.occurrences([], BOOK) == []
    assert found > 50000


def test_the_cues_of_a_book_without_an_index_are_found_where_finditer_finds_them():
    """`textplaces.matches_from` over `cued_openings` (a cue, a space, an article perhaps and
    a capital, found in one scan) against `finditer` of the pattern of cues `_cued_matches`
    seeks, with the Burns profile's cues ("frae", "thro'", "owre") and articles, on corpus
    books and random runs of the cues, their look-alikes, articles, capitals and spaces."""
    profile = load_profile(ROOT / "tests" / "data" / "enrich" / "profiles" / "burns-poems-and-songs.toml")
    cue_words = [w for cue in profile.place_prepositions + profile.place_links for w in (cue, cue.capitalize())]
    cues = tuple(sorted(set(cue_words)))
    article = textplaces._words(profile.articles)
    plain = re.compile(rf"(?:{words_at_start(cues)})(?=\s(?:(?:{article})\s)?[{UPPER}])")
    pieces = [*cues, "the", "The", "x", "é", "Éire", "Ayr", "land", "thro", "'", "’", "-", ",", " ", " ", "\n", "\xa0"]
    rng = random.Random(15)
    texts = [BOOK, *(path.read_bytes().decode("utf-8", "replace") for path in CORPUS), "", "In Ayr"]
    texts += ["".join(rng.choice(pieces) for _ in range(14)) for _ in range(4000)]
    found = 0
    for text in texts:
        expected = [_found(m) for m in plain.finditer(text)]
        openings = textplaces.cued_openings(text, cues, tuple(profile.articles), textplaces.UPPER_LETTERS)
        assert [_found(m) for m in textplaces.matches_from(plain, text, openings)] == expected, text[:200]
        found += len(expected)
    assert found > 3000
