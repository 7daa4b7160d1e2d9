"""The persons pass's per-mention shortcuts answer as the plain forms they stand for: each
against its plain form at every position of the bundled book's text and of James's
Varieties (every place a mention may start among them), and of strings made for the edges
(a line's end, a blank line, the text's start, initials, a Russian letter's two letters)."""

from __future__ import annotations

from conftest import SAMPLE, SHARED
from teikit.enrich import persons

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = (SHARED / "corpus" / "books" / "james-varieties-of-religious-experience.txt").read_text(encoding="utf-8")
EDGES = (
    "by Ivan Petrov, (Ivan Petrov 'J. V. Stalin and Ya. Petrov Yu.\nIvanov A.B. Cde\n\nEf Gh \nIj é Kl "
    "etc. Stalin 1920 Stalin x Stalin McDonald Stalin ł Stalin, \n Stalin.\n Stalin  Stalin ab  Stalin"
)


def test_nothing_before_a_mention_is_told_where_neither_initials_nor_capitalised_words_end():
    """`_nothing_before` (told from the characters before the mention, and the word its space
    ends) against the plain forms `_given_before` stands on: where it answers that nothing
    is given before the position, neither the initials' pattern nor the capitalised words'
    (`_INITIALS_BEFORE`, `_WORDS_BEFORE`) matches the forty characters before it, at every
    position. And it answers so at most positions (most are inside a word), else it would stand for nothing."""
    told = positions = 0
    for text in (BOOK, JAMES, EDGES, " ", "A ", ". ", "\n"):
        for start in range(len(text) + 1):
            if not persons._nothing_before(text, start):
                continue
            window = text[max(0, start - 40) : start]
            assert persons._INITIALS_BEFORE.search(window) is None, (window, start)
            assert persons._WORDS_BEFORE.search(window) is None, (window, start)
            told += 1
        positions += len(text) + 1
    assert told > positions * 0.6  # most positions are inside a word, which a space or a letter ends
