"""The persons pass's shortcuts of round 29 answer as the plain forms they stand for, on the
bundled book's text and James's Varieties: the words before a surname told from the
characters before it without the window cut (`persons._words_before_at`), the keys that may
open a feature's name told by a set of the heads' beginnings (`persons._feature_keys`), a
thing named after a person sought only after the two letters its noun opens with
(`textnames.named_after_pairs`), and the matches a scan reads ahead kept in the walk that
deals them out (`matching.Matcher.read_ahead`)."""

from __future__ import annotations

import re

from conftest import SAMPLE, corpus_book
from teikit.enrich import matching, persons, textnames
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
# Edges: a text opening with a name, a line break before a name (after a capitalised word,
# after a small one, after spaces), tabs, a name right after one or two characters.
EDGES = "Kaganovich said. \nLazar Kaganovich\nand \nKaganovich  Stalin\tMolotov\n\n Ivan\n Petrov A Ivanov ab Ivanov"


def _plain_words_before_at(text: str, start: int) -> re.Match | None:
    return persons._words_before(text[max(0, start - 40) : start])


def test_the_words_before_a_place_are_those_of_the_window_before_it():
    """At every place of the bundled book, of James's and of edges where a word may start (a
    capital, or any character after a white space), `_words_before_at` finds the words the
    plain search of the 40 characters before it finds (the same span in the window, the
    same words) or, where it finds none, none. Both kinds are many."""
    found = none = 0
    for text in (BOOK, JAMES, EDGES):
        for at in sorted({m.start() for m in re.finditer(r"[A-Z]|(?<=\s)\S", text)} | {0, len(text)}):
            told, plain = persons._words_before_at(text, at), _plain_words_before_at(text, at)
            if plain is None:
                assert told is None, text[max(0, at - 40) : at + 10]
                none += 1
            else:
                assert told is not None and told.span() == plain.span(), text[max(0, at - 40) : at + 10]
                assert told.group(1) == plain.group(1)
                found += 1
    assert found > 10_000 and none > 100_000, (found, none)


def _plain_feature_keys(keys) -> frozenset[str]:
    return frozenset(k for k in keys if any(h.startswith(k) or k.startswith(h) for h in persons._FEATURE_HEADS))


def test_the_keys_that_may_open_a_feature_are_those_the_heads_and_keys_open():
    """Of every word and every pair of words of the bundled book and of James's, and of the
    heads' own beginnings and the heads with a name after them, `_feature_keys` keeps those
    a head starts with or that start with a head, as testing each head both ways keeps
    them; some are kept, most not."""
    keys = set()
    for text in (BOOK, JAMES):
        keys.update(re.findall(r"\w+", text))
        keys.update(m.group(0) for m in re.finditer(r"(?=(\w+ \w+))", text))
    for head in persons._FEATURE_HEADS:
        keys.update(head[:k] for k in range(1, len(head) + 1))
        keys.add(f"{head}Columns")
    keys.add("")
    told = persons._feature_keys(keys)
    assert told == _plain_feature_keys(keys)
    assert 20 < len(told) < len(keys) / 100, len(told)


def test_a_thing_named_after_a_person_opens_with_a_pair_of_its_nouns_letters():
    """At the end of every word of the bundled book, of James's and of edges (capitals, a
    tab, a line break, two blanks, a noun of one letter), wherever `textnames.named_after`
    finds a thing's noun after a blank, the two characters after the blank are a pair of
    `named_after_pairs`, or not both letters (then the marking asks): and most places
    where a letter a noun opens with follows the blank are no such pair."""
    things = frozenset(load_profile().named_after)
    one_letter = things | {"x"}
    pairs, pairs_one = textnames.named_after_pairs(things), textnames.named_after_pairs(one_letter)
    openings = textnames.named_after_openings(things)
    edges = "Gifford lectures, Gifford\tLectures, Gifford \nlectures, Gifford  PRIZE, Nobel PRIZE; Smith x, Smith x"
    found = opening = paired = 0
    for text in (BOOK, JAMES, edges):
        for end in (m.end() for m in re.finditer(r"\w\b", text)):
            if text[end : end + 1] not in persons._BLANKS_AFTER:
                continue
            first = text[end + 1 : end + 3]
            for nouns, told in ((things, pairs), (one_letter, pairs_one)):
                if textnames.named_after(text, end, nouns):
                    found += 1
                    assert first in told or not first.isalpha() or len(first) < 2, text[end - 20 : end + 20]
            opening += first[:1] in openings
            paired += first in pairs
    assert found > 20, found
    assert paired < opening / 3, (paired, opening)


def test_the_matches_read_ahead_are_those_find_gives_each_text():
    """For the bundled book's and James's paragraphs (their text between blank lines, as a
    pass's text nodes) and the names of each written there (capitalised words written ten
    times or more, and some of two words), hyphens split and not: each text's matches read
    ahead (`Matcher.read_ahead`, which keeps the matches as `find` keeps them in the walk that
    deals them out) are those a matcher that read nothing ahead finds in it; and many texts
    hold some."""
    for text in (BOOK, JAMES):
        texts = [t for t in text.split("\n\n") if t]
        counts = re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)
        names = {w for w in set(counts) if counts.count(w) >= 10}
        names |= {w.split()[0] for w in names}
        for split in (True, False):
            keys = dict.fromkeys(sorted(names), "name")
            ahead, plain = matching.Matcher(keys, split_hyphens=split), matching.Matcher(keys, split_hyphens=split)
            matched = ahead.read_ahead(texts)
            assert matched is not None and len(matched) > 100
            for k, t in enumerate(texts):
                found = ahead.find(t)
                assert found == plain.find(t), t[:80]
                assert bool(found) == (k in matched)
