"""The persons' pass computed faster, with the same answers: each shortcut of persons.py,
textnames.py and namewords.py against the plain form it stands for, on the bundled book's
text and books of the shared corpus (a shortcut that answered one word otherwise would
change the edition)."""

from __future__ import annotations

import re
from collections import Counter
from types import SimpleNamespace

from conftest import SAMPLE, SHARED
from teikit.enrich import namewords, persons, textnames
from teikit.enrich.persons import _CAPITALISED_PAIR, _CAPITALISED_WORD, People
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
CORPUS = {
    path.stem: path.read_bytes().decode("utf-8", "replace")
    for path in sorted((SHARED / "corpus" / "books").glob("*.txt"))
}


def _counted_in_one_scan(text: str) -> tuple[Counter, Counter]:
    """Every capitalised word of `text`, and every pair of them, counted as
    `People.written_only_before` counts them past the words it seeks alone."""
    alone = Counter(_CAPITALISED_WORD.findall(text))
    pairs = Counter((capital + rest, second) for capital, rest, second in _CAPITALISED_PAIR.findall(text))
    return alone, pairs


def _people(text: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, _capitalised=None, _followers={})


def test_a_word_sought_alone_is_counted_as_the_scan_of_every_capitalised_word_counts_it():
    """`persons._capitalised_followers` (a word's uses sought alone, the word after each)
    against the counts of one scan of every capitalised word and pair: on the bundled book,
    James's, Parker's OCR and Burns's, for capitalised words and the words written after them,
    words of other shapes ("O'Brien", "Jean-Paul", "Crump‐like", a word in small letters, one
    with a dot), and pairs never written."""
    checked = 0
    for text in (
        BOOK,
        CORPUS["james-varieties-of-religious-experience"],
        CORPUS["parker-syphilitic-diseases-1845-ocr"],
        CORPUS["burns-poems-and-songs"],
    ):
        alone, pairs = _counted_in_one_scan(text)
        # and capitals written after a word's character too ("McDonald", "O’Brien", "‐Hegelian")
        inside = sorted(set(re.findall(r"[\w'’‐-]([A-Z][\w‐-]*)", text)))
        words = sorted(alone)[::7][:250] + inside[::3][:100]
        words += ["O'Brien", "Jean-Paul", "Crump‐like", "the", "St.", "Kaganovich", "Ab"]
        for word in words:
            followers = persons._capitalised_followers(text, word)
            assert followers.total() == alone[word], word
            for second, n in followers.items():
                if second is not None:
                    assert pairs[(word, second)] == n, (word, second)
            assert sum(n for (first, _), n in pairs.items() if first == word) == followers.total() - followers[None]
            checked += bool(alone[word])
    assert checked > 600


def test_written_only_before_answers_alike_word_by_word_and_after_one_scan():
    """`People.written_only_before` seeks its first `_SOUGHT_ONE_BY_ONE` words alone, the
    rest in one scan of every capitalised word: on the bundled book and James's, for pairs of
    capitalised words the text writes (a word written only before its surname, or elsewhere
    too) and words before a surname they never precede, the same answer either way, and the
    same as the plain counts."""
    for text in (BOOK, CORPUS["james-varieties-of-religious-experience"]):
        alone, pairs = _counted_in_one_scan(text)
        written = sorted(set(re.findall(r"(?<![\w'’‐-])([A-Z][a-z]+) ([A-Z][a-z]+)(?![\w‐-])", text)))[::5][:200]
        asked = written + [(word, "Nobody") for word, _ in written[:20]]
        one_by_one, scanned = _people(text), _people(text)
        scanned._followers = dict.fromkeys(range(persons._SOUGHT_ONE_BY_ONE))  # as if past them
        both = set()
        for word, surname in asked:
            expected = alone[word] == pairs[(word, surname)]
            answer = People.written_only_before(one_by_one, word, surname)
            assert answer == expected == People.written_only_before(scanned, word, surname), (word, surname)
            both.add(answer)
        assert both == {True, False}
        assert one_by_one._capitalised is not None  # past `_SOUGHT_ONE_BY_ONE` words: the scan
        assert scanned._capitalised is not None


def test_the_prose_recipe_words_are_made_once_for_the_finders_and_are_the_plain_ones(monkeypatch):
    """`namewords.Words.prose_recipe_words`, which each `textnames.Finder` of a book asks
    (three of them), against `namewords.recipe_words` of the prose: on Parker's OCR (a book
    of prescriptions: its Latin and the words after its Recipe sign found) and James's
    (none), the same sets, made once for both finders."""
    profile = load_profile()
    for book, prescribes in (
        ("parker-syphilitic-diseases-1845-ocr", True),
        ("james-varieties-of-religious-experience", False),
    ):
        words = namewords.Words(CORPUS[book], profile)
        plain = namewords.recipe_words(words.prose_joined, words.honorifics)
        assert bool(plain[0] and plain[1]) == prescribes
        made: list = []

        def counted(*args, made=made, recipe_words=namewords.recipe_words):
            made.append(args)
            return recipe_words(*args)

        monkeypatch.setattr(namewords, "recipe_words", counted)
        assert textnames.Finder(words)._recipe_words() == plain == textnames.Finder(words)._recipe_words()
        assert len(made) == 1
        monkeypatch.undo()


def test_the_places_ending_in_surnames_are_the_heads_of_each_name_and_the_street_words():
    """`persons.places_ending_in_surnames` (the street words of a pack made once for all the
    surnames) against its plain form, for the bundled book's place register and persons'
    surnames with the Russian pack's street words: for each surname the words before it in a
    place's name ("Prospekt " of "Prospekt Marx") and every street word, none for a surname
    without any, and each set the one object shared by all the surnames that have it."""
    from lxml import etree

    from conftest import ROOT
    from teikit.tei import q, text_of

    edition = ROOT / "tei" / "iron-lazar"
    names = [" ".join(text_of(n).split()) for n in etree.parse(edition / "places.xml").iter(q("placeName"))]
    names += ["Prospekt Marx", "Kaganovich", "the Stalin"]  # a street, a name alone, a head in small letters
    surnames = {text_of(s) for s in etree.parse(edition / "persons.xml").iter(q("surname"))}
    streets = load_profile(ROOT / "src" / "teikit" / "profiles" / "russian.toml").streets_first
    assert streets and len(surnames) > 300
    for street_words in (streets, ()):
        found = persons.places_ending_in_surnames(names, surnames, street_words)
        plain: dict[str, set[str]] = {}
        for name in names:
            head, _, last = name.rpartition(" ")
            if head and last in surnames:
                plain.setdefault(last, set()).add(head + " ")
        for surname in surnames if street_words else ():
            plain.setdefault(surname, set()).update(word + " " for word in street_words)
        assert found == {surname: frozenset(heads) for surname, heads in plain.items()}
        assert "Prospekt " in found["Marx"]  # the street named after him
        assert len({id(heads) for heads in found.values()}) == len(set(found.values()))
        assert found["Nobody"] == frozenset()
