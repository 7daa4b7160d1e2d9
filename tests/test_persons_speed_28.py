"""The persons pass's shortcuts of round 28 answer as the plain forms they stand for, on the
bundled book's text and James's Varieties: a word's uses sought in the text's Latin-1 bytes
(`persons.word_starts`), not by `re` in the text."""

from __future__ import annotations

import re
from collections import Counter

from conftest import SAMPLE, corpus_book
from teikit.enrich import persons

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")


def _plain_starts(text: str, word: str, goes_on: re.Pattern) -> list[int]:
    return [m.start() for m in re.finditer(rf"{re.escape(word)}(?!{goes_on.pattern})", text)]


def test_a_words_uses_are_found_where_re_finds_them():
    """For capitalised words of the bundled book and of James's (one in twenty of those
    written five times or fewer, as the forenames asked of are, and the most written), with both
    of the patterns the pass refuses a use by: `word_starts` gives the places `re.finditer`
    finds, in order. Uses kept and uses refused are both many; and edges: a word that
    overlaps itself, one of letters Latin-1 has not, one with a '?'."""
    kept = refused = 0
    for text in (BOOK, JAMES):
        counts = Counter(re.findall(r"[A-Z][a-zà-ÿ]+", text))
        words = [w for w, n in counts.items() if n <= 5][::20] + [w for w, n in counts.most_common(20)]
        for word in words:
            for goes_on in (persons._NAME_GOES_ON, persons._WORD_GOES_ON):
                told = list(persons.word_starts(text, word, goes_on))
                assert told == _plain_starts(text, word, goes_on), word
                kept += len(told)
                refused += text.count(word) - len(told)
    assert kept > 2000 and refused > 2000, (kept, refused)
    edges = "Annanna Anna Annan Ann-a aa aaa Łukasz Łukasza Wh? Wh?y Émile Émiles "
    for word in ("Anna", "Ann", "aa", "Łukasz", "Wh?", "Émile", "a"):
        for goes_on in (persons._NAME_GOES_ON, persons._WORD_GOES_ON):
            assert list(persons.word_starts(edges, word, goes_on)) == _plain_starts(edges, word, goes_on), word
