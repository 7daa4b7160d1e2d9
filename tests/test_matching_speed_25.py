"""The matching shortcuts of round 4 (issue 14's half second) give what their plain forms give.

The text nodes joined once for all the scans of a pass (`matching.JoinedTexts`) against the
texts themselves: where each starts, which hold a word (`_texts_holding`), which hold the
persons' cue words (`persons._Cues`, a word sought in each node alone), on the bundled
edition's text nodes; the matches read ahead for the texts asked of only
(`Matcher.read_ahead`'s `asked`) against those found in each text alone. A matcher whose
automaton its caller sets (`orgs.scanner`) makes none of its own; the keys a matcher checks in
the text (`Matcher._checked`, told by str's tests) are those `in_latin_1` refuses.
"""

from __future__ import annotations

import random

from conftest import SAMPLE, edition_pieces
from teikit.enrich import matching, orgs, persons, registers
from teikit.profile import load_profile

PIECES = [piece for pieces in edition_pieces() for piece in pieces]
BOOK = SAMPLE.read_text(encoding="utf-8")


def _shapes() -> orgs.Shapes:
    return orgs.Shapes.of(load_profile(source=SAMPLE), BOOK)


def test_a_matcher_given_its_automaton_makes_none():
    """`orgs.scanner` (a DFA set on the matcher) finds what `Matcher` finds, its own
    automaton of bytes never made."""
    keys = _shapes().head_keys()
    scan = orgs.scanner(keys, split_hyphens=True)
    assert scan.find(BOOK) == matching.Matcher(keys, split_hyphens=True).find(BOOK)
    assert "_bytes" not in vars(scan)


def test_the_texts_joined_once_tell_where_each_text_starts_and_what_it_holds():
    """`JoinedTexts` of the edition's text nodes: the offset of each node (the summed length
    of those before, as `mark_at` tells `find`), the nodes that hold a word the places'
    finder seeks (`_texts_holding`, given the texts joined already), against each node read
    alone."""
    joined = matching.JoinedTexts(PIECES)
    at = 0
    for k, text in enumerate(PIECES):
        assert joined.offset_of(k) == at
        assert joined.text[joined.starts[k] : joined.starts[k] + len(text)] == text
        at += len(text)
    # the places' finder's, and words of most nodes, some inside others ("he" in "the")
    words = ("West", "East", "Continent", "seas", "rivers", "oceans", "lakes", "the", "he", "Party")
    expected = {k for k, text in enumerate(PIECES) if any(word in text for word in words)}
    assert matching._texts_holding(PIECES, words, joined) == expected
    assert 1000 < len(expected) < len(PIECES)


def test_the_persons_cues_of_the_texts_joined_are_each_nodes_own():
    """`persons._Cues` given the nodes joined once (`JoinedTexts`) against each cue word
    sought in each node alone: the nodes of each rule, known by their offsets."""
    unit_words = sorted(registers.PLACE_HEADS)
    heads = {"Prospekt ", "Hall of ", "ulitsa ", "Street"}
    words = [
        ("Order", "Prize", "named"),
        ("&", "And"),
        tuple(f" {w}" for word in unit_words for w in (word, word.upper())),
        tuple(heads),
    ]
    for texts in (PIECES, [*PIECES[:500], "Łódź Prospekt Marx", "x And", "? & Co", "Order of Lenin?"]):
        joined = matching.JoinedTexts(texts)
        cues = persons._Cues(texts, unit_words, heads, joined)
        plain: tuple[set[int], ...] = (set(), set(), set(), set())
        for k, text in enumerate(texts):
            for kind, cue_words in enumerate(words):
                if any(word in text for word in cue_words):
                    plain[kind].add(joined.offset_of(k))
        assert (cues.institution, cues.firm, cues.unit, cues.head) == plain
        assert all(plain)


def test_the_keys_a_matcher_checks_are_those_latin_1_cannot_be_trusted_with():
    """`Matcher._checked` against `in_latin_1` of each key alone: every word of the bundled
    book (its curly apostrophes are no Latin-1's), its organisations' nouns, and keys made for
    the edges (a "?", a letter past Latin-1, one within it, the dotted capital I)."""
    words = sorted(set(BOOK.split()) | set(_shapes().head_keys()))
    edges = ["Łódź", "Party?", "Kraków", "İstanbul", "’Ali", "Zoë", "?", "ÿ", "Ā"]
    for keys in (words, edges):
        matcher = matching.Matcher(dict.fromkeys(keys))
        plain = frozenset(k for k, key in enumerate(matcher.keys) if not matching.in_latin_1((key,)))
        assert matcher._checked == plain
    assert len(matching.Matcher(dict.fromkeys(words))._checked) > 100
    assert matching.Matcher(dict.fromkeys(edges))._checked == {0, 1, 3, 4, 6, 8}


def test_the_matches_read_ahead_for_the_texts_asked_of_are_those_found_in_each():
    """`Matcher.read_ahead(texts, asked=...)`: the texts with a match and those asked of
    (some with a match, some without) answered from the one scan, any other found anew: for
    every text node of the bundled edition, `find` gives what a matcher that read nothing
    ahead gives, whichever texts were asked of (none, a random third, all)."""
    keys = _shapes().head_keys()
    plain = matching.Matcher(keys, split_hyphens=True)
    expected = [plain.find(text) for text in PIECES]
    rng = random.Random(7)
    for asked in ((), sorted(rng.sample(range(len(PIECES)), len(PIECES) // 3)), range(len(PIECES))):
        ahead = matching.Matcher(keys, split_hyphens=True)
        matched = ahead.read_ahead(PIECES, matching.JoinedTexts(PIECES), asked)
        assert matched == {k for k, found in enumerate(expected) if found}
        answered = set(ahead._ahead)
        assert answered == {PIECES[k] for k in (*matched, *asked)}
        assert [ahead.find(text) for text in PIECES] == expected
    assert 1000 < len(matched) < len(PIECES)
