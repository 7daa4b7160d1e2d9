"""One scan of a book's text for many lists of words at once.

A pass that asks where the book writes each of a score of short lists of words (the heads
of sites, the nouns of events, "at " and "near ", the names the gazetteer knows) scanned
the whole book once for each list (Aho-Corasick, in Rust): about a millisecond a scan of
the bundled book whatever the list, thirty of them a third of the places pass. A
`WordScan` is made for a text and the lists a pass will ask of it: the text is scanned
once for the words of them all together, every place of every word (overlapping ones too),
and each list is then answered from that scan, as the automaton of that list alone answers
(`find`), the same places in the same order:

- overlapping: every place of the list's words, by where each ends, the longest of those
  ending together first (the automaton's order: a state's own word, then the shorter ones
  it ends with);
- `STANDARD` (not overlapping): the first place to end, then the first to end of those
  beginning at or after its end, and so on (the automaton starts again there);
- `LEFTMOST_LONGEST`: the place that begins first, the longest of those beginning there,
  then the same from its end;
- `LEFTMOST_FIRST`: the place that begins first, the word first in the list of those
  beginning there, then the same from its end.

A pass makes the scan of its text current (`scanning`) while it runs: `find` answers from
it a list of words it was made for, or of distinct words of those lists (a list the pass
makes of the register's names, each of them in a list it gave beforehand), asked of its
text (the same string, not an equal one); anything else is scanned as before, by the
list's own automaton. `pieces_holding`,
`matches_at_words` and `words_in` are those of `matching`, their words' places found so.

Every scan of a book's text is made of its Latin-1 bytes (`matching.latin1_bytes`: each character one
byte, "?" for any other, made once for a text), where the words are Latin-1 letters and
no "?" (`in_latin_1`): they are written at the same places, by the same offsets, in the
bytes as in the text. A scan of a `str` that is no Latin-1 (a book that writes one curly
quote) counted the characters of the whole text each time: a millisecond or two more of
each scan of the bundled book (its 900 words: 7 ms, of its bytes 5). A word of other
letters is sought in the bytes with "?" for each of them, each place found then read in the
text (`WordScan`), or its list is scanned in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from operator import itemgetter

import ahocorasick_rs

from . import matching
from .matching import in_latin_1, latin1_bytes

# The automaton's kinds of match, by name (its own values are no keys of a dict).
STANDARD, LEFTMOST_LONGEST, LEFTMOST_FIRST = "standard", "leftmost-longest", "leftmost-first"
_KINDS = {
    STANDARD: ahocorasick_rs.MatchKind.Standard,
    LEFTMOST_LONGEST: ahocorasick_rs.MatchKind.LeftmostLongest,
    LEFTMOST_FIRST: ahocorasick_rs.MatchKind.LeftmostFirst,
}

Place = tuple[int, int, int]  # (the word's index in its list, start, end), as the automaton gives it
_INDEX, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)


class WordScan:
    """Where `text` writes the words of each of `lists`, from one scan (see the module)."""

    def __init__(self, text: str, lists: Iterable[tuple[str, ...]]):
        self.text = text
        # A list with an empty word (the automaton refuses it) or a word twice (both its
        # indexes reported at each place) is left to its own automaton.
        self.lists = frozenset(words for words in lists if all(words) and len(set(words)) == len(words))
        self._places: dict[str, list[Place]] | None = None  # each word's places, in the scan's order
        self.words = frozenset(word for listed in self.lists for word in listed)

    def holds(self, words: tuple[str, ...]) -> bool:
        """Whether `find` answers `words`: a list of `lists`, or distinct words of them
        (each word's places are all found, whichever list it came in)."""
        return words in self.lists or (
            bool(words) and all(word in self.words for word in words) and len(set(words)) == len(words)
        )

    def _by_word(self) -> dict[str, list[Place]]:
        if self._places is None:
            every = sorted({word for listed in self.lists for word in listed})
            # (a place's index is that of its word among those scanned with it: `find` reads
            # only where each place is)
            words, others = _by_latin_1(every)
            found: list[list[Place]] = [[] for _ in words]
            if words:
                for place in _every_place(words).find_matches_as_indexes(latin1_bytes(self.text), overlapping=True):
                    found[place[0]].append(place)
            self._places = dict(zip(words, found))
            self._places.update(_read_in_text(others, self.text))
        return self._places

    def find(self, words: tuple[str, ...], kind: str = STANDARD, overlapping: bool = False) -> list[Place]:
        """`AhoCorasick(words, matchkind=kind).find_matches_as_indexes(text, overlapping=...)`
        for a list of `lists`."""
        by_word = self._by_word()
        places = [(index, start, end) for index, word in enumerate(words) for _, start, end in by_word[word]]
        if kind == STANDARD:
            # by where each ends, the longest (the first to begin) of those ending together first;
            # each sort keyed in C, the second stable
            places.sort(key=_START)
            places.sort(key=_END)
            if overlapping:
                return places
        elif kind == LEFTMOST_LONGEST:
            places.sort(key=_END, reverse=True)
            places.sort(key=_START)
        else:  # LEFTMOST_FIRST
            places.sort(key=_INDEX)
            places.sort(key=_START)
        out = []
        last = 0
        for place in places:
            if place[1] >= last:
                out.append(place)
                last = place[2]
        return out


def _by_latin_1(words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`words` (in their order) that `in_latin_1` takes, and the others: told by str's tests
    in C, not by `in_latin_1((word,))` twice for each (its cache of a thousand words missed
    by the places pass's 800 with the others' lists: ~0.4 ms a conversion)."""
    taken: list[str] = []
    others: list[str] = []
    for word in words:
        (taken if "?" not in word and (word.isascii() or max(word) <= "\xff") else others).append(word)
    return tuple(taken), tuple(others)


_CURRENT: ContextVar[WordScan | None] = ContextVar("wordscan", default=None)


@contextmanager
def scanning(text: str, lists: Iterable[tuple[str, ...]]) -> Iterator[WordScan]:
    """Make a `WordScan` of `text` for `lists` the current one while the block runs."""
    scan = WordScan(text, lists)
    token = _CURRENT.set(scan)
    try:
        yield scan
    finally:
        _CURRENT.reset(token)


def find(words: tuple[str, ...], text: str, kind: str = STANDARD, overlapping: bool = False) -> list[Place]:
    """`AhoCorasick(words, matchkind=kind).find_matches_as_indexes(text, overlapping=...)`:
    from the current scan where it was made for `text` and holds `words`, else by the list's own
    automaton (made once for each list), of the text's Latin-1 bytes where it can be."""
    scan = _CURRENT.get()
    if scan is not None and scan.text is text and scan.holds(words):
        return scan.find(words, kind, overlapping)
    if in_latin_1(words):
        return _bytes_automaton(words, kind).find_matches_as_indexes(latin1_bytes(text), overlapping=overlapping)
    return _automaton(words, kind).find_matches_as_indexes(text, overlapping=overlapping)


@lru_cache(maxsize=256)  # lists made of a book's names come and go: a few hundred kept
def _automaton(words: tuple[str, ...], kind: str) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(list(words), matchkind=_KINDS[kind])


@lru_cache(maxsize=256)
def _bytes_automaton(words: tuple[str, ...], kind: str) -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick([word.encode("latin-1") for word in words], matchkind=_KINDS[kind])


@lru_cache(maxsize=8)
def _every_place(words: tuple[str, ...]) -> ahocorasick_rs.BytesAhoCorasick:
    # a DFA: slower to build (3 ms for the places pass's 800 words), its scan twice as fast
    return ahocorasick_rs.BytesAhoCorasick(
        [word.encode("latin-1") for word in words], implementation=ahocorasick_rs.Implementation.DFA
    )


def _read_in_text(words: tuple[str, ...], text: str) -> dict[str, list[Place]]:
    """Every place of each of `words` (letters beyond Latin-1 among them: "’s A", "Volga–Don
    Canal"), in the order of the text: sought in its Latin-1 bytes with "?" for each such
    letter, each place found there read in the text."""
    found: dict[str, list[Place]] = {word: [] for word in words}
    if not words:
        return found
    forms = _forms_in_latin_1(words)
    spelt = list(forms.values())  # the words of each form, by the form's index
    for index, start, end in _every_form(tuple(forms)).find_matches_as_indexes(latin1_bytes(text), overlapping=True):
        for word in spelt[index]:
            if text.startswith(word, start):
                found[word].append((0, start, end))
    return found


def _forms_in_latin_1(words: tuple[str, ...]) -> dict[bytes, list[str]]:
    """`words` by their Latin-1 bytes, "?" for each letter beyond it."""
    forms: dict[bytes, list[str]] = {}
    for word in words:
        forms.setdefault(word.encode("latin-1", "replace"), []).append(word)
    return forms


@lru_cache(maxsize=8)
def _every_form(forms: tuple[bytes, ...]) -> ahocorasick_rs.BytesAhoCorasick:
    return ahocorasick_rs.BytesAhoCorasick(list(forms))


def words_in(words: tuple[str, ...], text: str) -> Iterator[tuple[int, int]]:
    """`matching.words_in`, the words' places by `find`."""
    for _, start, end in find(words, text, LEFTMOST_LONGEST):
        yield start, end


def pieces_holding(pattern: re.Pattern, words: re.Pattern | tuple[str, ...], text: str) -> Iterator[re.Match]:
    """`matching.pieces_holding`, the places of words given as a tuple by `find`: only the
    pieces of `text` between blank lines that hold one are searched."""
    if isinstance(words, re.Pattern):
        yield from matching.pieces_holding(pattern, words, text)
        return
    yield from matching.pieces_around(
        pattern, text, ((start, end) for _, start, end in find(words, text, LEFTMOST_LONGEST))
    )


def matches_at_words(pattern: re.Pattern, text: str, words: tuple[str, ...], before: int = 0) -> Iterator[re.Match]:
    """`matching.matches_at_words`, the words' places by `find`: the pattern tried `before`
    characters before each, from the end of the match before."""
    yield from matching.matches_before(pattern, text, (at for _, at, _ in find(words, text, LEFTMOST_LONGEST)), before)
