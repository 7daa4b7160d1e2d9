"""The persons pass's per-mention shortcuts answer as the plain forms they stand for: each
against its plain form at every position of the bundled book's text and of James's
Varieties (every place a mention may start among them), and of strings made for the edges
(a line's end, a blank line, the text's start, initials, a Russian letter's two letters)."""

from __future__ import annotations

import re

from conftest import SAMPLE, corpus_book
from teikit.enrich import persons

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
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


def test_the_rules_after_a_surname_are_asked_only_where_their_first_character_stands():
    """The characters `find` tells before asking a rule of each surname's mention, against the
    rule asked alone: a city's other name and an imprint's place (`_renamed_place`,
    `_imprint`) stand only after a bracket, a book of scripture (`textnames.cites_scripture`)
    only after a digit and a space, a thing named after a person (`textnames.named_after`)
    only before a space or a tab: at every capitalised word of the bundled book, of James's
    and of the edges, each rule found true somewhere."""
    edges = (
        "Samara (Kuibyshev), Nizhnyi Novgorod (Gorky) wrote; Khronika (Gorky, 1932), 144 and (Moscow, 1996) "
        "in (1 John v. 19) and 2 Samuel vii. 3, 2\tKings iv. 1: the Gifford lectures, Gifford\tLectures"
    )
    from teikit.enrich import textnames

    found = {"renamed": 0, "imprint": 0, "scripture": 0, "named_after": 0}
    for text in (BOOK, JAMES, edges):
        things = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}  # every word names a thing
        for m in re.finditer(r"(?<![\w'’‐-])[A-Z][\w'’‐-]*", text):
            start, end = m.span()
            if persons._renamed_place(text, start, end):
                assert text[start - 1 : start] == "(", m.group()
                found["renamed"] += 1
            if persons._imprint(text, start, end):
                assert text[start - 1 : start] == "(", m.group()
                found["imprint"] += 1
            if textnames.cites_scripture(text, start, end):
                assert text[start - 2 : start - 1].isdigit(), m.group()
                found["scripture"] += 1
            if textnames.named_after(text, end, things):
                assert text[end : end + 1] in persons._BLANKS_AFTER, m.group()
                found["named_after"] += 1
    assert all(found.values()), found
