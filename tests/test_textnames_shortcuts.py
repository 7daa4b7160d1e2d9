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


def test_the_uses_of_many_names_counted_in_one_scan_are_those_counted_one_by_one():
    """`matching.uses_of` (one scan for all the names, their places taken in order) against
    `matching.uses` of each name: capitalised words of the book and "of"/"Of" before them
    (as `seats` asks), and names made for the edges: one inside a longer word ("Ivan" in
    "Ivanov"), a hyphened word, a name that overlaps itself ("aa" in "aaaa", "of of" in "of
    of of"), the text's two ends."""
    import re

    from teikit.enrich.matching import uses, uses_of

    edges = "aaaa of of of Ivanov Ivan-Ivan Ivan, x-Ivan Ivan_ aa aa of Moscow Of Moscow-Kiev Ivan"
    text = "Ivan " + BOOK + edges
    capitalised = sorted(set(re.findall(r"\b[A-Z][a-z]+\b", BOOK)))[::7]
    names = [*capitalised, *(f"of {w}" for w in capitalised), *(f"Of {w}" for w in capitalised)]
    names += ["aa", "of of", "Ivan", "Ivan-Ivan", "Moscow-Kiev", "of Moscow", "x-Ivan", "a"]
    counted = uses_of(names, text)
    assert counted == {name: uses(name, text) for name in names}
    assert sum(1 for n in counted.values() if n) > 200  # found, not only refused
    at_edges = uses_of(names, edges)
    assert at_edges == {name: uses(name, edges) for name in names}
    assert at_edges["aa"] == 2 and at_edges["of of"] == 1 and at_edges["Ivan"] == 2  # not inside a word
