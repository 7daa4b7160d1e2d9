"""The matching shortcuts of round 4 (issue 14's half second) give what their plain forms give.

A matcher whose automaton its caller sets (`orgs.scanner`) makes none of its own; the keys a
matcher checks in the text (`Matcher._checked`, told by str's tests) are those `in_latin_1`
refuses.
"""

from __future__ import annotations

from conftest import SAMPLE
from teikit.enrich import matching, orgs
from teikit.profile import load_profile

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
