"""The persons pass's shortcuts of round 24 answer as the plain forms they stand for, on the
bundled book's text, James's Varieties, Burns's poems and strings made for the edges: the
words written after a preposition of place, told for many words in one scan of the text
(`textnames._written_after_place_preposition`, against `_after_place_preposition` of each);
the rules the marking asks only where their first characters stand (`_nothing_before` before
`_place_named_before`, a capital after the name before `_surname_follows`); and a work's
title told at a mention (`textnames.names_work`) without its spaces made one, nor its
epithet's pattern tried, where the name can hold neither."""

from __future__ import annotations

import re
from types import SimpleNamespace

from conftest import SAMPLE, corpus_book
from teikit.enrich import persons, textnames
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
BURNS = corpus_book("burns-poems-and-songs")
PLACE_EDGES = (
    "We went at Wells and by Wellsby; in We, into Nancy, xin Nancy, Łódź Nancy, at  Nancy,\n"
    "in\nNancy near Nancy’s near Nancy? at Łódź, at Ab?c, past Nancyville. between Wells"
)
NAMES_EDGES = (
    "in Nathan the\nWise, in Nathan the  Wise; says in Peter the Great’s time, in Nathan the Wise,"
    " the author of Mark  Rutherford, Mademoiselle Mori, a novel; in Job, in\tJob: the book of Job;"
    " and Mark\nRutherford’s pages"
)


def _capitalised_words(text: str, limit: int) -> list[str]:
    return sorted(set(re.findall(r"(?<= )[A-Z][\w’'-]*", text)))[:limit]


def test_words_after_a_preposition_of_place_are_told_in_one_scan_as_one_by_one():
    """`_written_after_place_preposition` (one scan of the text's Latin-1 bytes for all the
    words, every place each is written, overlapping ones too) against `_after_place_preposition`
    of each word alone: the same words, on three books and on edges (" We" written inside
    " Wells", a letter Latin-1 has not in a word and before one, a "?" in a word), with the
    profile's prepositions and with them capitalised too (as `seats` asks). Each book has
    words that pass and words that do not."""
    prepositions = list(load_profile().place_prepositions)
    both = [w for p in prepositions for w in (p, p[:1].upper() + p[1:])]
    edge_words = ["We", "Wells", "Wellsby", "Nancy", "Łódź", "Ab?c", "Nancyville", "in", "Mark Rutherford"]
    for text in (BOOK, JAMES, BURNS, PLACE_EDGES):
        words = _capitalised_words(text, 250) + edge_words
        # the scan of the text's Latin-1 bytes, and (a word Latin-1 has not sought) of the text
        for sought in ([w for w in words if w.isascii() and "?" not in w], words):
            for preps in (prepositions, both):
                told = textnames._written_after_place_preposition(text, sought, preps)
                plain = {w for w in sought if textnames._after_place_preposition(text, w, preps)}
                assert told == plain
                if text is not PLACE_EDGES:
                    assert told and len(told) < len(sought)
    edges = textnames._written_after_place_preposition(PLACE_EDGES, edge_words, prepositions)
    assert {"Wells", "Nancy", "Łódź"} <= edges and not {"Nancyville", "Wellsby"} & edges
    assert not textnames._written_after_place_preposition(PLACE_EDGES, edge_words, ())


def test_the_scan_of_words_after_a_preposition_is_made_once_for_a_loop():
    """`_placed_once`: the first answer kept, the scan made once whatever is asked after."""
    placed: list[set[str]] = []
    first = textnames._placed_once(placed, PLACE_EDGES, ["Wells", "Nancy"], ["at"])
    assert first == {"Wells"}
    assert textnames._placed_once(placed, "", [], ()) is first


def _people() -> SimpleNamespace:
    """A register that knows no name: `_place_named_before` then tells its pattern alone."""
    empty: frozenset[str] = frozenset()
    return SimpleNamespace(by_forename=empty, by_surname=empty, by_alias=empty, forenames=empty, honorifics=empty)


def _starts(text: str) -> list[int]:
    """Where a capitalised word starts (a name's first letter), and where the text opens."""
    return [0] + [m.start() for m in re.finditer(r"(?<=\W)[A-Z]", text)]


def test_no_place_is_named_before_a_mention_that_follows_nothing_given_before_reads():
    """Where `_nothing_before` holds, `_place_named_before` never does, so the marking asks it
    only where `_given_before` reads something: at every capital of three books and of edges
    that write "at" or "near" and a capitalised word before it in every way its pattern
    allows (a tab, a line break, spaces around it); each book has places the pattern finds."""
    edges = "at Hicks Mill, near\tHicks\tMill, at\nHicks Mill, at Hicks\n Mill, at Hicks  Mill, hat Hicks Mill"
    people = _people()
    for text in (BOOK, JAMES, BURNS, edges):
        found = 0
        for start in _starts(text):
            if persons._place_named_before(text, start, people):
                found += 1
                assert not persons._nothing_before(text, start), text[max(0, start - 30) : start + 10]
        assert found


def test_a_surname_follows_a_mention_only_where_a_capital_stands_after_its_white_space():
    """`_FOLLOWING_NAME` (what `_surname_follows` reads after a mention) matches only where a
    capital stands right after the name's first character (a white space): the marking tells
    that character before asking. At every white space of three books, and of edges."""
    edges = "Stalin A. Mikoyan, Stalin\nMolotov, Stalin  Molotov, Stalin MOLOTOV, Stalin Ya. Bel'sky Stalin"
    for text in (BOOK, JAMES, BURNS, edges):
        found = 0
        for m in re.finditer(r"\s", text):
            end = m.start()
            if persons._FOLLOWING_NAME.match(text, end, end + 40):
                found += 1
                assert "A" <= text[end + 1 : end + 2] <= "Z"
        assert found


def _names_work_plain(text: str, start: int, end: int, works, books) -> bool:
    """`names_work` as it read before round 24: the name's spaces made one at every mention, the
    epithet's pattern tried on each (and the rule made since, a tune's title, asked first as there)."""
    if textnames.in_tunes_title(text, start):
        return True
    name = " ".join(text[start:end].split())
    if name in works:
        return True
    if name in books:
        if textnames._BOOK_BEFORE.search(text, max(0, start - 12), start) is not None:
            return True
        if textnames._IN_BEFORE.search(text, max(0, start - 6), start) is not None and textnames._STOP_AFTER.match(
            text, end
        ):
            return True
    if (
        textnames._NAME_AND_EPITHET.match(name) is not None
        and textnames._IN_BEFORE.search(text, max(0, start - 6), start) is not None
        and textnames._STOP_AFTER.match(text, end)
    ):
        return True
    return text.startswith(",", end) and textnames._WORK_KIND_AFTER.match(text, end) is not None


def test_a_works_title_is_told_at_a_mention_as_with_its_spaces_made_one():
    """`names_work` against its plain form at every capitalised word of three books and of
    edges, alone and with the words after it up to an epithet ("Nathan the\\nWise", spaces
    and tabs between), with the works and books the book names: the same answers, and each
    edge's title told."""
    span = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?(?:\s+the\s+[A-Z][a-z]+)?")
    for text in (BOOK, JAMES, BURNS, NAMES_EDGES):
        works, books = textnames.works_named_as_persons(text)
        books |= {"Job"}
        told = 0
        for m in span.finditer(text):
            for end in {m.end(), m.start() + len(m.group().split()[0])}:
                answer = textnames.names_work(text, m.start(), end, works, books)
                assert answer == _names_work_plain(text, m.start(), end, works, books), text[m.start() : end]
                told += answer
        assert told or text is BURNS
    works, books = textnames.works_named_as_persons(NAMES_EDGES)
    for name in ("Nathan the\nWise", "Nathan the  Wise", "Mark  Rutherford", "Mark\nRutherford", "Mademoiselle Mori"):
        at = NAMES_EDGES.index(name)
        assert textnames.names_work(NAMES_EDGES, at, at + len(name), works, books), name


def test_a_thing_named_after_a_person_is_sought_only_after_a_letter_one_of_them_opens_with():
    """Where `textnames.named_after` finds a thing's noun after a name (the profile's `[names]
    named_after`), the character after the blank is no letter, or one a noun opens with
    (`named_after_openings`, in either case): the marking tells it before asking. At the end of every word of three
    books, and of edges (a tab, a line break, capitals, the Kelvin sign that is a "k" in
    small letters)."""
    things = frozenset(load_profile().named_after)
    openings = textnames.named_after_openings(things)
    edges = "Gifford lectures, Gifford\tLectures, Gifford \nlectures, Gifford  PRIZE, Nobel \u212aelvin Gifford Lecture"
    for text in (BOOK, JAMES, BURNS, edges):
        found = 0
        for m in re.finditer(r"\w\b", text):
            end = m.end()
            if text[end : end + 1] in persons._BLANKS_AFTER and textnames.named_after(text, end, things):
                found += 1
                first = text[end + 1 : end + 2]
                assert first in openings or not first.isalpha(), text[end - 20 : end + 20]
        assert found


def test_a_bare_surname_names_its_only_person_or_the_books_subject_as_by_surname_answers():
    """What the marking tells at a bare surname without asking `Resolver.by_surname`: a
    surname of one person names that person, one the book's subject bears names the subject,
    whatever was said before; a surname of two others is read from what came before (none
    here: no one)."""
    from teikit.enrich import headings, registers

    reg = registers.Register("person")
    for surname, given in (
        ("Kaganovich", ["L.", "M."]),
        ("Kaganovich", ["M.", "M."]),
        ("Molotov", ["V.", "M."]),
        ("Ordzhonikidze", ["G.", "K."]),
        ("Ordzhonikidze", ["P.", "K."]),
    ):
        entry = registers._person_entry(reg, headings.Heading(surname, given), None, "Name Index", registers.FROM_INDEX)
        reg.add(entry)
    people = persons.People(reg)
    subject = people.by_surname["Kaganovich"][0]
    resolver = persons.Resolver(people, subject)
    assert resolver.by_surname(people.by_surname["Molotov"], []) is people.by_surname["Molotov"][0]
    assert resolver.by_surname(people.by_surname["Kaganovich"], []) is subject
    assert resolver.by_surname(people.by_surname["Ordzhonikidze"], []) is None
    assert all(persons.fits([], p, people) for ps in people.by_surname.values() for p in ps)
