"""The shortcuts of the persons pass without an index (`textnames`) find what the plain
forms they stand for find, on the bundled book's text and on strings made to catch the
edges: a shortcut that answered otherwise once would change the edition.
"""

from __future__ import annotations

from conftest import SAMPLE
from teikit.enrich import textnames

BOOK = SAMPLE.read_text(encoding="utf-8")[:400_000]  # its front matter and first chapters


def test_words_written_in_a_text_are_told_as_any_of_them_is():
    """`written_in` (one search for all the strings) against `any(s in text for s in
    strings)`, for every line and paragraph of the book's first chapters and edges: titles
    of rank, one inside another ("Lord", "Lord Advocate"), a pattern's special characters,
    an empty string, none at all."""
    lines = BOOK.split("\n") + BOOK.split("\n\n")
    edges = ["", "Duke", "the Duke of Orleans", "Earlier", "St. Just", "a (b", "Lord Advocate", "Lor"]
    sets = [
        ("Duke", "Earl", "Marquis", "Prince"),
        ("Lord", "Lord Advocate"),
        ("Comrade", "Stalin", "Kaganovich", "Moscow"),
        ("St.", "(b", "a.b", "[x]"),
        ("",),
        (),
    ]
    told = 0
    for strings in sets:
        written = textnames.written_in(strings)
        for text in lines + edges:
            plain = any(s in text for s in strings)
            assert written(text) == plain, (strings, text[:80])
            told += plain
    assert told > 1000  # found, not only refused
