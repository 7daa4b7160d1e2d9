"""The persons pass's shortcuts of round 26 answer as the plain forms they stand for, on the
bundled book's text and James's Varieties: the marking asks what is given before a surname
(`persons._given_before_something`) only where `_nothing_before` has said that something
may be, without `_given_before` asking it again."""

from __future__ import annotations

import re

from conftest import SAMPLE, corpus_book
from teikit.enrich import headings, persons, registers

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")


def _people() -> persons.People:
    """A register of some of the bundled book's persons, with initials and a forename."""
    reg = registers.Register("person")
    for surname, given in (
        ("Kaganovich", ["L.", "M."]),
        ("Kaganovich", ["Mikhail"]),
        ("Molotov", ["V.", "M."]),
        ("Stalin", ["J.", "V."]),
        ("Khrushchev", ["N.", "S."]),
        ("Starbuck", ["E.", "D."]),
        ("Wesley", ["John"]),
    ):
        entry = registers._person_entry(reg, headings.Heading(surname, given), None, "Name Index", registers.FROM_INDEX)
        reg.add(entry)
    people = persons.People(reg, honorifics=("Mr.", "Dr.", "Professor", "Comrade"))
    people.text = BOOK
    return people


def test_what_is_given_before_a_surname_is_read_as_given_before_reads_it():
    """At every capitalised word of the bundled book and of James's (where a mention may
    start), with each of the register's surnames: `_given_before` gives nothing where
    `_nothing_before` says nothing is given, and elsewhere what `_given_before_something`
    (asked by the marking without the test made again) gives. Both kinds of place are
    many, and names are given at some."""
    people = _people()
    nothing = something = given = 0
    for text in (BOOK, JAMES):
        for m in re.finditer(r"(?<![\w'’‐-])[A-Z]", text):
            start = m.start()
            for surname in ("Kaganovich", "Wesley"):
                plain = persons._given_before(text, start, people, surname)
                if persons._nothing_before(text, start):
                    assert plain == (start, []), (text[max(0, start - 40) : start], surname)
                    nothing += 1
                else:
                    told = persons._given_before_something(text, start, people, surname)
                    assert told == plain, (text[max(0, start - 40) : start], surname)
                    something += 1
                    given += bool(told[1])
    assert nothing > 1000 and something > 1000 and given > 100, (nothing, something, given)


def test_the_forename_before_initials_is_found_as_its_plain_pattern_finds_it():
    """`_FORENAME_BEFORE_INITIALS` (its capital first, the word boundary told after it)
    against the plain `\\b([A-Z][a-zà-ÿ]+) $`, in the twenty characters before every place
    of the bundled book and of James's where a capital, a space or a line break stands, as
    `_find_unindexed` cuts them before initials: the same match, or none, at each; and
    edges (the window opening on the capital, a letter or an apostrophe before it, a line
    break at the end). Both kinds of answer are many."""
    plain = re.compile(r"\b([A-Z][a-zà-ÿ]+) $")
    edges = ["Carl ", "xCarl ", "’Carl ", "Carl \n", "Carl", " Émile ", "-Carl ", "Carl  ", "é Carl "]
    found = none = 0
    for text in (BOOK, JAMES):
        for m in re.finditer(r"[A-Z\s]", text):
            edges.append(text[max(0, m.start() - 20) : m.start()])
    for window in edges:
        told, sought = persons._FORENAME_BEFORE_INITIALS.search(window), plain.search(window)
        assert (told and (told.span(), told.group(1))) == (sought and (sought.span(), sought.group(1))), window
        found += sought is not None
        none += sought is None
    assert found > 1000 and none > 1000, (found, none)
