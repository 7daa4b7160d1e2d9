"""The searches of the works, things and imprints that a person's name can name
(`textnames.works_named_as_persons`, `names_of_things`, `_times_imprint`) against their plain
forms, on whole books: the patterns leave out their opening word boundary or look-behind,
which `textnames.opening_words` tells instead (a pattern that opens on one is searched
several times slower over a book), and an imprint's words are sought before the commas a
year follows, not each in the whole book."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from teikit.enrich import textnames
from teikit.enrich.namewords import place_name
from teikit.profile import load_profile

ROOT = Path(__file__).resolve().parent.parent
BOOKS = ROOT.parent / "shared" / "corpus" / "books"
NAMES = ["james-varieties-of-religious-experience", "keynes-economic-consequences", "wollstonecraft-vindication"]
EDGES = (
    "the author of Mark Rutherford; a coauthor of Nobody Here. Notebook of Job, the book of Job, "
    "Book of Ruth. bathe George Washington; in the George Washington! the George\nWashington, "
    "George Washington. Lathe Agnes Smith. à Nancy; Nancy, 1896, p. 1. FNancy, 1897. Nancy, 1898, 1899."
)


def _texts() -> list[str]:
    found = [p for name in NAMES if (p := BOOKS / f"{name}.txt").is_file()]
    if not found:
        pytest.skip(f"the corpus books are not in {BOOKS} (../shared beside the checkout)")
    # the emphasis' underscores left out, as the converter leaves them ("the _George Washington!_")
    return [p.read_text(encoding="utf-8").replace("_", "") for p in found] + [EDGES]


def _plain_works(text: str) -> tuple[frozenset[str], frozenset[str]]:
    author = re.compile(r"\b" + textnames._AUTHOR_OF_WORK.pattern)
    book = re.compile(r"\b" + textnames._BOOK_OF_NAME.pattern)
    return (
        frozenset(" ".join(m.group(1).split()) for m in author.finditer(text)),
        frozenset(m.group(1) for m in book.finditer(text)),
    )


def _plain_things(text: str, forenames) -> frozenset[str]:
    the = re.compile(r"(?<![\w'’-])" + textnames._THE_FULL_NAME.pattern)
    after_the = Counter(f"{m.group(1)} {m.group(2)}" for m in the.finditer(text) if m.group(1) in forenames)
    return frozenset(
        name
        for name, n in after_the.items()
        if len(re.findall(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", text)) == n
    )


def _plain_imprints(text: str, word: str) -> int:
    return sum(1 for m in re.finditer(rf"\b{re.escape(word)}\b", text) if textnames.imprint_after(text, m.end(), word))


def test_works_and_books_named_as_persons_are_those_the_bounded_patterns_find():
    found = 0
    for text in _texts():
        works = textnames.works_named_as_persons(text)
        assert works == _plain_works(text)
        found += len(works[0]) + len(works[1])
    assert found >= 8  # James's "Mark Rutherford", "Job"…, the edges'


def test_names_of_things_are_those_the_look_behind_finds():
    forenames = load_profile().forenames
    found = set()
    for text in _texts():
        things = textnames.names_of_things(text, forenames)
        assert things == _plain_things(text, forenames)
        found |= things
    assert "George Washington" in found  # Keynes's ship, and the edges'
    assert "Agnes Smith" not in found  # "Lathe Agnes Smith": no "the" before her


def test_an_imprint_s_word_is_counted_as_the_search_of_the_whole_text_counts_it():
    for text in _texts():
        before_years = {m.group(1) for m in re.finditer(r"([A-Z][\w’'-]*),[ \t]*\n?[ \t]*1[4-9]\d\d", text)}
        words = sorted(before_years | {"Nancy", "London", "Paris", "Boston", "Job"})
        counted = {word: textnames._times_imprint(text, word) for word in words}
        assert counted == {word: _plain_imprints(text, word) for word in words}
    assert textnames._times_imprint(EDGES, "Nancy") == _plain_imprints(EDGES, "Nancy") == 2  # not "FNancy"
    assert place_name("Nancy")


def test_an_answer_is_kept_for_the_text_itself_not_for_an_equal_one():
    """`matching.kept_for_text`: the answer read last is given again for the same string
    only; an equal string (another conversion's text of the same book) is read anew, so a
    benchmark converting a book twice measures the reading each time."""
    from teikit.enrich.matching import kept_for_text

    reads: list[str] = []

    @kept_for_text
    def commas(text: str) -> int:
        reads.append(text)
        return text.count(",")

    text = "Nancy, 1896, p. 1. " * 3
    equal = "".join(["Nancy, 1896, p. 1. "] * 3)
    assert equal == text and equal is not text
    assert commas(text) == commas(text) == 6 and len(reads) == 1
    assert commas(equal) == 6 and len(reads) == 2
    assert commas(text) == 6 and len(reads) == 3  # the last text read was the equal one
