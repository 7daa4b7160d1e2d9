"""The persons pass's shortcuts of round 28 answer as the plain forms they stand for, on the
bundled book's text and James's Varieties: a word's uses sought in the text's Latin-1 bytes
(`persons.word_starts`), not by `re` in the text."""

from __future__ import annotations

import re
from collections import Counter

from conftest import SAMPLE, corpus_book
from teikit.enrich import matching, persons

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


def test_a_feature_opens_only_at_the_keys_told_to_open_one():
    """At every place of the bundled book and of James's where a feature's head opens
    ("Hall of ", "Lake "), each run of the text from there to a word's end within 30
    characters, as a key matched there reads: `_feature_keys` keeps it (the marking tries
    `registers.FEATURE_FIRST` only at the mentions of those keys); and of the bundled book's
    capitalised words, most are no such key."""
    heads = runs = 0
    for text in (BOOK, JAMES):
        for at in (m.start() for m in re.finditer(r"[A-Z]", text)):
            if not text.startswith(persons._FEATURE_HEADS, at):
                continue
            heads += 1
            for end in (m.end() for m in re.finditer(r"\w+", text[at : at + 30])):
                key = text[at : at + end]
                assert key in persons._feature_keys([key]), key
                runs += 1
    assert heads > 5 and runs > 30, (heads, runs)
    words = set(re.findall(r"[A-Z][a-z]+", BOOK))
    told = persons._feature_keys(words)
    assert told and len(told) < len(words) / 100, sorted(told)


def test_no_capital_after_a_mention_no_next_capital():
    """At every word end of the bundled book and of James's (where a mention ends), where no
    capital stands one character on, `_NEXT_CAPITAL` (tried by the marking only where one
    does) finds nothing; where one does, it finds something at many."""
    tried = found = 0
    for text in (BOOK, JAMES):
        for end in (m.end() for m in re.finditer(r"\w+", text)):
            m = persons._NEXT_CAPITAL.match(text, end, end + 30)
            if not "A" <= text[end + 1 : end + 2] <= "Z":
                assert m is None, text[end - 20 : end + 20]
                tried += 1
            else:
                found += m is not None
    assert tried > 100_000 and found > 10_000, (tried, found)


def test_a_matcher_keeps_a_match_between_plain_characters_as_its_tests_do(monkeypatch):
    """`matching.Matcher.find`, which keeps a place between two of `_PLAIN_AROUND` at once,
    against the same matcher weighing every place by its tests (`_PLAIN_AROUND` emptied): the
    same matches on the bundled book and James's, with keys of their capitalised words and
    pairs of them (inside longer words, hyphened, after apostrophes too), hyphens split or
    not. Places kept at once and places weighed are both many."""
    for text in (BOOK, JAMES):
        names = sorted(set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)))[::3]
        keys = {name: k for k, name in enumerate(names)} | {"Stalin": "s", "Stalin Prize": "p", "ism": "i"}
        for split in (False, True):
            matcher = matching.Matcher(keys, split_hyphens=split)
            told = matcher.find(text)
            with monkeypatch.context() as patched:
                patched.setattr(matching, "_PLAIN_AROUND", frozenset())
                assert told == matcher.find(text), split
        plain = matching._PLAIN_AROUND
        around = [(text[s - 1 : s] or " ", text[e : e + 1] or " ") for _, s, e in matcher.places(text)]
        at_once = sum(before in plain and after in plain for before, after in around)
        assert at_once > 2000 and len(around) - at_once > 2000, (at_once, len(around))
