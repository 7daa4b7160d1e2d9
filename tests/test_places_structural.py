"""The places' pass's structural shortcuts against their plain forms, on real data: the
one scan of the book for every list of words the pass seeks (`wordscan`) against a scan
for each list with that list's own automaton."""

from __future__ import annotations

import random
from contextlib import contextmanager

import ahocorasick_rs
from lxml import etree

from conftest import ROOT, SAMPLE, SHARED
from teikit.enrich import matching, places, registers, textplaces, wordscan
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
BOOKS = sorted((SHARED / "corpus" / "books").glob("*.txt"))
CORPUS = [path.read_bytes().decode("utf-8", "replace") for path in BOOKS]
_KINDS = (
    (wordscan.STANDARD, True),
    (wordscan.STANDARD, False),
    (wordscan.LEFTMOST_LONGEST, False),
    (wordscan.LEFTMOST_FIRST, False),
)
_MATCH_KINDS = {
    wordscan.STANDARD: ahocorasick_rs.MatchKind.Standard,
    wordscan.LEFTMOST_LONGEST: ahocorasick_rs.MatchKind.LeftmostLongest,
    wordscan.LEFTMOST_FIRST: ahocorasick_rs.MatchKind.LeftmostFirst,
}


def _plain(words: tuple[str, ...], text: str, kind: str, overlapping: bool) -> list:
    automaton = ahocorasick_rs.AhoCorasick(list(words), matchkind=_MATCH_KINDS[kind])
    return automaton.find_matches_as_indexes(text, overlapping=overlapping)


def _book_lists() -> list[tuple[str, ...]]:
    lists = []
    for profile in (load_profile(source=SAMPLE), load_profile()):
        lists += places.book_word_lists(registers.Register("place"), profile)
    return lists


def test_one_scan_answers_each_list_of_the_places_pass_as_its_own_automaton():
    """`WordScan.find` (one scan of the text for the words of all the lists, each list's
    places told from it) against each list's own automaton, for every list the places'
    pass seeks in a book (with the bundled book's profile and without), in every kind of
    match and with overlapping places, on the bundled book and the corpus: the same places,
    in the same order."""
    lists = list(dict.fromkeys(_book_lists()))
    assert len(lists) > 25
    found = 0
    for text in [BOOK, *CORPUS]:
        scan = wordscan.WordScan(text, lists)
        for words in lists:
            assert scan.holds(words), words
            for kind, overlapping in _KINDS:
                expected = _plain(words, text, kind, overlapping)
                assert scan.find(words, kind, overlapping) == expected, (words[:3], kind, overlapping)
                found += len(expected)
    assert found > 50_000


def test_one_scan_answers_lists_of_overlapping_words_as_their_own_automata():
    """The same on random strings of a few letters and lists of words that hold one
    another and run into one another ("ab", "b", "aba", "bab"), where the kinds of match
    part: the longest or the first at one place, the first to end, every place."""
    rng = random.Random(14)
    pool = ["a", "b", "ab", "ba", "aba", "bab", "abab", "c a", "a c", " "]
    lists = [tuple(rng.sample(pool, rng.randint(1, 6))) for _ in range(40)]
    lists += [("aa", "a"), ("a", "aa", "aaa"), ("ab", "b"), ("b", "ab")]
    lists = list(dict.fromkeys(lists))
    parted = set()
    for _ in range(300):
        text = "".join(rng.choice("ab c") for _ in range(rng.randint(0, 40)))
        scan = wordscan.WordScan(text, lists)
        for words in lists:
            answers = []
            for kind, overlapping in _KINDS:
                expected = _plain(words, text, kind, overlapping)
                assert scan.find(words, kind, overlapping) == expected, (words, text, kind, overlapping)
                answers.append(expected)
            parted.add(len({str(a) for a in answers}))
    assert max(parted) == 4  # the four kinds gave four answers somewhere


def test_a_list_the_scan_was_not_made_for_or_another_text_is_scanned_by_its_own_automaton():
    """`wordscan.find` answers from the current scan only for its text (the same string)
    and a list it was made for; a list with a word twice or an empty word is left out of
    it; the answers are those of the plain automaton either way."""
    text = "the Moscow city and the Moscow province"
    other = " ".join(text.split(" "))  # equal, another string
    assert other is not text
    with wordscan.scanning(text, [(" city",), ("Moscow", "Moscow"), ("", "x")]) as scan:
        assert not scan.holds(("Moscow", "Moscow")) and not scan.holds(("", "x"))
        assert wordscan.find((" city",), text) == _plain((" city",), text, wordscan.STANDARD, False)
        assert wordscan.find((" city",), other) == _plain((" city",), other, wordscan.STANDARD, False)
        assert wordscan.find(("Moscow", "Moscow"), text, overlapping=True) == _plain(
            ("Moscow", "Moscow"), text, wordscan.STANDARD, True
        )
        assert wordscan.find(("province",), text, wordscan.LEFTMOST_LONGEST) == [(0, 31, 39)]


def test_the_pieces_and_matches_found_from_the_scan_are_those_matching_finds():
    """`wordscan.pieces_holding`, `matches_at_words` and `words_in`, the words' places told by
    the book's one scan, against `matching`'s, each scanning the book for its words: the
    places' pass's patterns on the bundled book and the corpus."""
    heads = registers.PLACE_HEADS | load_profile(source=SAMPLE).place_heads
    holding = [
        (places._RIVER_PART, places._RIVER_PART_WORDS),
        (places._SIDE, places._SIDE_WORD),
        (places._APPOSITION, places._APPOSITION_WORDS),
        (places._STREET, places._STREET_WORD),
        (places._ROUTE_END, places._ROUTE_WORDS),
        (places._CITY_AFTER, places._CITY_WORD),
        (places._AUTONOMOUS_UNIT, places._AUTONOMOUS_WORDS),
        (places._COMPASS_COMPOUND, places._COMPASS_COMPOUND_WORDS),
        (places._STATE_OF, places._STATE_OF_WORDS),
        (textplaces._LANDFORM, textplaces.LANDFORM_WORDS),
        (places._COORDINATED, places._COORDINATED_CLOSE_WORDS),
        (places._COORDINATED, places._COORDINATED_CLOSE),  # a pattern's words: `matching`'s own
    ]
    at_words = [
        (places._COMPASS, places._COMPASS_WORDS, 0),
        (places._NICKNAME, places._NICKNAME_WORDS, 1),
        (places._FEATURE_HEAD, places._FEATURE_HEAD_WORDS, 1),
        (places.TOWN_UNIT_HEAD, places._TOWN_UNIT_WORDS, 1),
    ]
    unit = places.unit_pattern(heads)
    assert unit is not None
    at_words.append((unit, places._named_unit_forms(heads), 1))
    lists = [words for _, words in holding if isinstance(words, tuple)] + [words for _, words, _ in at_words]
    lists += [places._POSSESSIVE_CAPITALS, places._COORDINATED_CLOSE_WORDS]
    found = 0
    for text in [BOOK, *CORPUS]:
        with wordscan.scanning(text, lists):
            for pattern, words in holding:
                expected = [m.span() for m in matching.pieces_holding(pattern, words, text)]
                if words is places._COORDINATED_CLOSE_WORDS:  # the strings of a pattern of `re`
                    assert [
                        m.span() for m in matching.pieces_holding(pattern, places._COORDINATED_CLOSE, text)
                    ] == expected
                assert [m.span() for m in wordscan.pieces_holding(pattern, words, text)] == expected, pattern
                found += len(expected)
            for pattern, words, before in at_words:
                expected = [m.span() for m in matching.matches_at_words(pattern, text, words, before)]
                assert [m.span() for m in wordscan.matches_at_words(pattern, text, words, before)] == expected
                found += len(expected)
            expected = [m.span() for m in places._COORDINATED_CLOSE.finditer(text)]
            assert list(wordscan.words_in(places._COORDINATED_CLOSE_WORDS, text)) == expected
            expected = list(matching.words_in(places._POSSESSIVE_CAPITALS, text))
            assert list(wordscan.words_in(places._POSSESSIVE_CAPITALS, text)) == expected
    assert found > 1500


def _edition(source, registers_from=None) -> tuple[bytes, list[bytes]]:
    from teikit.convert import convert_tree

    tree, ctx = convert_tree(source, registers_from=registers_from)
    place_register = [etree.tostring(place) for place in ctx.registers["place"].entries.values()]
    return etree.tostring(tree), place_register


def test_the_edition_made_with_one_scan_of_the_book_is_that_made_with_a_scan_for_each_list(monkeypatch):
    """The places' pass with its one scan of the book (`wordscan.scanning`) against the
    plain form, no scan current (each list scanned by its own automaton): the same edition
    and register of places, for the bundled book with its registers and for Burns's poems
    (a book without an index, where the pass seeks fewer lists in the book's text); and the
    scan answered the pass's lists."""
    burns = next(path for path in BOOKS if "burns" in path.name)
    for source, registers_from, lists in ((SAMPLE, ROOT / "tei" / "iron-lazar", 25), (burns, None, 10)):
        answered: list[tuple[str, ...]] = []
        scan_find = wordscan.WordScan.find

        def counted(self, words, kind=wordscan.STANDARD, overlapping=False, answered=answered, scan_find=scan_find):
            answered.append(words)
            return scan_find(self, words, kind, overlapping)

        monkeypatch.setattr(wordscan.WordScan, "find", counted)
        shortcut = _edition(source, registers_from)

        @contextmanager
        def no_scan(text, lists):
            yield None

        monkeypatch.setattr(places, "scanning", no_scan)
        assert _edition(source, registers_from) == shortcut, source.name
        monkeypatch.undo()
        assert len(set(answered)) >= lists, source.name
    assert shortcut[0].count(b"<placeName") > 10


def _texts_before_bodies_plain(divisions: list) -> set[str]:
    """`places.texts_before_bodies` climbing from every organisation's name to its division."""
    found = set()
    for division in divisions:
        for name in division.iter(places._ORG_NAME):
            before, parent = name.getprevious(), name.getparent()
            text = parent.text if before is None else before.tail
            if not text or not text.endswith(" "):
                continue
            entered = parent
            while entered is not division and etree.QName(entered).localname not in matching.SKIP:
                entered = entered.getparent()
            if entered is division:
                found.add(text)
    return found


def _every_other_paragraph_made(divisions: list, name: str) -> None:
    """Every other paragraph of the divisions renamed `name`, an element of `matching.SKIP`
    (the walk of the text does not enter it)."""
    for division in divisions:
        for paragraph in list(division.iter(f"{{{division.nsmap.get(None)}}}p"))[::2]:
            paragraph.tag = paragraph.tag.replace("}p", "}" + name)


def test_the_texts_before_bodies_told_once_for_each_parent_are_those_told_for_each_name():
    """`places.texts_before_bodies` (whether the walk of the text enters a name's parent told
    once for each parent) against a climb from each organisation's name, on the bundled
    book's committed chapters (their names marked), and on them with every other paragraph
    made a title (`SKIP`: not entered)."""
    found = 0
    for path in sorted((ROOT / "tei" / "iron-lazar").glob("ch*.xml")):
        divisions = matching.regions(etree.parse(str(path)).getroot())
        expected = _texts_before_bodies_plain(divisions)
        assert places.texts_before_bodies(divisions) == expected, path.name
        found += len(expected)
        _every_other_paragraph_made(divisions, "title")  # half the paragraphs skipped
        expected_skipping = _texts_before_bodies_plain(divisions)
        assert places.texts_before_bodies(divisions) == expected_skipping, path.name
        assert len(expected_skipping) < len(expected) or not expected
    assert found > 100


def _titles_plain(divisions: list) -> list:
    """`places.titles_in_running_text` climbing from every title to its division."""
    found = []
    for division in divisions:
        for title in division.iter(places._TITLE):
            parent = title.getparent()
            while parent is not None and parent is not division and etree.QName(parent).localname not in matching.SKIP:
                parent = parent.getparent()
            if parent is division:
                found.append(title)
    return found


def test_the_titles_in_running_text_told_once_for_each_parent_are_those_told_for_each_title():
    """`places.titles_in_running_text` (whether the walk of the text enters a title's parent
    told once for each parent) against a climb from each title, on the bundled book's
    committed chapters and back matter, and on them with every other paragraph made a
    foreign phrase (`SKIP`: not entered)."""
    found = 0
    for path in sorted((ROOT / "tei" / "iron-lazar").glob("*.xml")):
        divisions = matching.regions(etree.parse(str(path)).getroot())
        expected = _titles_plain(divisions)
        assert places.titles_in_running_text(divisions) == expected, path.name
        found += len(expected)
        _every_other_paragraph_made(divisions, "foreign")
        assert places.titles_in_running_text(divisions) == _titles_plain(divisions), path.name
    assert found > 20


def test_the_cities_named_after_persons_kept_for_a_book_are_those_a_fresh_lookup_gives():
    """`places._renamed_cities` (kept for the book's word lists and `_listed_among_towns`)
    against the function itself, for capitalised words of the bundled book and Burns's poems
    taken as surnames, asked twice (the second answer the kept one)."""
    found = 0
    for text in (BOOK, CORPUS[[p.name for p in BOOKS].index("burns-poems-and-songs.txt")]):
        surnames = frozenset(w for w in set(text.split()) if w[:1].isupper() and w.isalpha())
        for _ in range(2):
            assert places._renamed_cities(surnames) == places._renamed_cities.__wrapped__(surnames)
        found += len(places._renamed_cities(surnames))
    assert found > 10
