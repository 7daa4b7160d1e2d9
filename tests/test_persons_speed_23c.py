"""The persons pass's shortcuts outside its marking answer as the plain forms they stand for,
on the bundled book's text, James's Varieties and Burns's poems, and on strings made for the
edges: the cue words' scan of the text nodes (`persons._Cues`, of their Latin-1 bytes), the
"book of" names' search (`textnames._book_of_name_finds`, from the places "Book" and "book"
open) and the answer kept for the last text (`textnames.works_named_as_persons`), and the
searches `_misprinted` asks of the text, each answered once (`persons._written`)."""

from __future__ import annotations

import re

from conftest import SAMPLE, corpus_book
from teikit.enrich import persons, registers, textnames

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
BURNS = corpus_book("burns-poems-and-songs")
BOOK_EDGES = (
    "Book of Bbook of Xbook of Yes; book of Book of Job and the book\nof Ruth, Book of  Kings, "
    "bookbook of Amos, the Book of job, notebook of Ezra, book of Łukasz; Book of Job"
)


def _cue_sets_plain(texts: list[str], words: list[tuple[str, ...]]) -> tuple[set[int], ...]:
    """Each rule's nodes (by where each starts in the texts joined), from every place each of
    its words is written in the texts joined, overlapping ones too, sought by `str.find`."""
    joined = "".join(texts)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text)
    out: tuple[set[int], ...] = tuple(set() for _ in words)
    for kind, cue_words in enumerate(words):
        for word in cue_words:
            if not word:
                continue
            found = joined.find(word)
            while found >= 0:
                node = max(s for s in starts if s <= found)
                out[kind].add(node)
                found = joined.find(word, found + 1)
    return out


def _nodes(text: str) -> list[str]:
    # text nodes of a size a book's are: its lines, with their breaks
    return text.splitlines(keepends=True)


def test_the_cue_words_are_found_in_the_text_nodes_as_a_search_of_each_finds_them():
    """`_Cues` (one scan of the nodes joined, of their Latin-1 bytes where every cue word is
    Latin-1's, else of the text) against every place of each word sought alone: the nodes
    of each rule the same, on three books and on edges that write a "?" and a letter
    Latin-1 has not (the scan of bytes reads both as "?"), and with a head Latin-1 has not
    (the scan of the text). Each rule finds nodes in the bundled book."""
    unit_words = sorted(registers.PLACE_HEADS)
    edges = ["Order of Lenin? Łódź", "? & Co", "x And", " district", "Łódź Prospekt Marx", "?Prize named"]
    for heads in ({"Prospekt ", "Hall of ", "ulitsa "}, {"Prospekt ", "Łódź "}):
        words = [
            ("Order", "Prize", "named"),
            ("&", "And"),
            tuple(f" {w}" for word in unit_words for w in (word, word.upper())),
            tuple(heads),
        ]
        for text in (BOOK, JAMES, BURNS, "".join(edges)):
            texts = _nodes(text) if text != "".join(edges) else edges
            cues = persons._Cues(texts, unit_words, heads)
            plain = _cue_sets_plain(texts, words)
            assert (cues.institution, cues.firm, cues.unit, cues.head) == plain
            if text is BOOK:
                assert all(plain[:3])


def test_the_books_called_book_of_a_name_are_found_as_the_pattern_finds_them():
    """`_book_of_name_finds` (the pattern tried where "Book" or "book" opens) against
    `_BOOK_OF_NAME.finditer`: the same matches, in order, on three books and on edges (a
    match that opens inside another's name, "Book of Bbook of Xbook", a line break, a name in
    small letters); and `works_named_as_persons` gives what it gives fresh, whichever text
    it read last."""
    for text in (BOOK, JAMES, BURNS, BOOK_EDGES, "", "book", "Book of"):
        plain = [(m.span(), m.groups()) for m in textnames._BOOK_OF_NAME.finditer(text)]
        assert [(m.span(), m.groups()) for m in textnames._book_of_name_finds(text)] == plain
    assert len([m for m in textnames._book_of_name_finds(JAMES)]) >= 3
    fresh = {}
    same_length = BOOK_EDGES.replace("Ruth", "Ruts")  # another text as long: another answer
    for text in (JAMES, BOOK_EDGES, BOOK, same_length):
        works = frozenset(
            " ".join(m.group(1).split()) for m in textnames.opening_words(textnames._AUTHOR_OF_WORK, text)
        )
        books = frozenset(m.group(1) for m in textnames.opening_words(textnames._BOOK_OF_NAME, text))
        fresh[text] = (works, books)
    assert fresh[BOOK_EDGES][1] == {"Bbook", "Book", "Job", "Ruth", "Kings"}  # not "Yes", after "X"
    assert fresh[same_length] != fresh[BOOK_EDGES]
    for text in (JAMES, JAMES, BOOK_EDGES, same_length, "".join([JAMES[:10], JAMES[10:]]), BOOK, BOOK_EDGES):
        assert textnames.works_named_as_persons(text) == fresh[text]


def test_a_phrase_searched_again_is_answered_as_the_search():
    """`_written` with the answers kept for each phrase against `phrase in text`: initials and
    a surname the bundled book writes (most of them), and the same with other initials (most
    not), each asked twice in turn, the answers both ways among them."""
    written = [m.group() for m in re.finditer(r"(?:[A-Z]\. ){2}[A-Z][a-z]+", BOOK)][:300]
    phrases = written + [f"Q. {p}" for p in written]
    searched: dict[str, bool] = {}
    answers = {True: 0, False: 0}
    for phrase in phrases + phrases[::-1]:
        answer = persons._written(phrase, BOOK, searched)
        assert answer == (phrase in BOOK), phrase
        answers[answer] += 1
    assert answers[True] and answers[False]


def test_the_words_a_prescription_cuts_short_are_found_as_a_search_of_the_whole_text_finds_them(monkeypatch):
    """`namewords.recipe_words` (the uses of the words cut short sought where one of them is
    written, `wordscan.matches_at_words`) against the same with the pattern searched along the
    whole text (`finditer`): the same words and signs on Parker's book of prescriptions
    ("R. Pulv.", "Ext. opii"), the bundled book, James's and Burns's, and on edges (a word
    cut short inside another, after an apostrophe, a hyphen, a stop)."""
    from teikit.enrich import namewords

    parker = corpus_book("parker-syphilitic-diseases-1845-ocr")
    edges = (
        "R. Pulv. cubebae\nR. Ext. opii\nR. Bals. copaib.\nR. Hyd. chlorid.\nPulv. x and Pulvis, "
        "xPulv. y, 'Pulv. z, -Ext. w, .Bals. v, Ext Hyd.-and Bals. Pulv.\nR. Hydrargyri\n"
    )
    texts = (parker, BOOK, JAMES, BURNS, edges)
    fast = [namewords.recipe_words(text, ("Mr.", "M.")) for text in texts]
    monkeypatch.setattr(namewords, "matches_at_words", lambda pattern, text, words: pattern.finditer(text))
    assert fast == [namewords.recipe_words(text, ("Mr.", "M.")) for text in texts]
    assert fast[0][1] and fast[4][1]  # signs read in Parker's and the edges


def test_the_lists_of_names_in_the_plural_are_found_as_the_pattern_finds_them():
    """`textnames._types_lists_in` (a piece searched only where a looser pattern finds a list
    after "he", then from "he ", the "the" told after) against `_TYPES_LIST.finditer` on the
    piece with its white space made single spaces: every paragraph of the bundled book,
    James's (whose "the Xaviers, Brébeufs, Jogues" is found) and Burns's, and edges (a list
    at the text's start, after "she", "Athe", a quotation mark, across a line's break)."""
    edges = (
        "the Xaviers, Brébeufs, and Joneses were",
        "The Smiths, Joneses\nand  Browns, and",
        "she Smiths, Joneses went; the Smiths, Joneses went",
        "Athe Smiths, Joneses; ‘the Smiths, Joneses’; -the Smiths, Joneses",
        "the Smiths, Joneses Brown",
        "the Smiths,\tJoneses, the Browns, Greens",
    )
    found = 0
    for text in (BOOK, JAMES, BURNS):
        for piece in (*text.split("\n\n"), *edges):
            plain = (
                [m.group(1) for m in textnames._TYPES_LIST.finditer(" ".join(piece.split()))] if "s, " in piece else []
            )
            assert textnames._types_lists_in(piece) == plain, piece
            found += len(plain)
    assert found >= 10
