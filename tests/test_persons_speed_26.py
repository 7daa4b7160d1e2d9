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
