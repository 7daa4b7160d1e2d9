"""The places' pass made faster (issue 14's half a second of enrichment), with the same
answers: each shortcut against the plain form it stands for, on the bundled book's text and
books of the shared corpus (a shortcut that found one match more or less would change the
edition)."""

from __future__ import annotations

import random
import re
from collections import Counter

import ahocorasick_rs
from lxml import etree

from conftest import ROOT, SAMPLE, SHARED
from teikit.enrich import matching, namewords, places, registers, textplaces, wordscan
from teikit.enrich.matching import Matcher, pieces_holding
from teikit.enrich.registers import Register
from teikit.profile import load_profile
from teikit.tei import make_in, q
from teikit.textnodes import text_slots, wrap_slots

BOOK = SAMPLE.read_text(encoding="utf-8")
BOOKS = sorted((SHARED / "corpus" / "books").glob("*.txt"))
CORPUS = [path.read_bytes().decode("utf-8", "replace") for path in BOOKS]


def _openings_plain(text: str, words: tuple[str, ...], articles: tuple[str, ...], capitals) -> list[int]:
    """Every place a word of `words`, a space, an article and a space perhaps, and a capital
    begin, by a look-ahead `re` tries at every position."""
    alternatives = "|".join(map(re.escape, words))
    the = "|".join(map(re.escape, articles))
    capital = "".join(map(re.escape, sorted(capitals)))
    pattern = re.compile(rf"(?=(?:{alternatives})\s(?:(?:{the})\s)?[{capital}])")
    return [m.start() for m in pattern.finditer(text)]


def test_the_openings_found_with_their_capitals_are_those_a_lookahead_finds():
    """`textplaces.cued_openings` (the capital in the automaton's strings where the capitals
    are few, the places pass's cues; looked at after the scan for a longer list) against a
    look-ahead tried everywhere, on the bundled book, the corpus, and strings that open
    inside a word ("land In Moscow"), with spaces of every kind."""
    texts = [
        BOOK,
        *CORPUS,
        "Finland In Moscow, from the\xa0St. Petersburg, in\u2009the Urals, into\tÉire; at the\nLille.",
        "and In The Hague and the In the in",
    ]
    with_capitals = 0
    for text in texts:
        for capitals in (places._NAME_CAPITALS, textplaces.UPPER_LETTERS):
            expected = _openings_plain(text, places._CUES, ("the",), capitals)
            assert textplaces.cued_openings(text, places._CUES, ("the",), capitals) == expected, text[:100]
            spaces = "".join(space for space in textplaces.SPACES if space in text)
            made = textplaces._openings_made(places._CUES, ("the",), spaces)
            with_capitals += len(capitals) * made <= textplaces._MOST_CAPITALISED_OPENINGS
    assert with_capitals >= len(texts)  # the places pass's capitals in the automaton, for every book


def test_the_names_matched_piece_by_piece_are_those_the_matcher_finds_in_the_whole_text():
    """`places.matches_in_pieces` (the matcher asked only of the pieces between blank lines
    that write a name) against the matcher asked of the whole text, on the bundled book and
    the corpus with names of each (the towns `forename_like` asks of the bundled book, the
    book's most frequent capitalised words, hyphenated and quoted ones), and on names at
    the ends of pieces, after hyphens, dashes and apostrophes."""
    lazar = ["Brest-Litovsk", "Frankfurt", "Gomel'", "New Delhi", "Sergo", "St Louis", "Zaporozhe", "Moscow"]
    edges = "Sergo\n\n-Sergo Ordzhonikidze\n\n--Sergo\n\n’Sergo x\n\nab'Sergo\n\n\nSergo-\n\nSergo--a\n\nSergo"
    matched = 0
    for text in [BOOK, *CORPUS, edges, "", "Sergo"]:
        capitalised = Counter(re.findall(r"\b[A-Z][\w'’-]+(?: [A-Z][a-z]+)?", text))
        for names in (lazar, [name for name, _ in capitalised.most_common(60)], list(capitalised)[::7]):
            expected = Matcher(dict.fromkeys(names)).find(text)
            assert places.matches_in_pieces(names, text) == expected, (names[:5], text[:100])
            matched += len(expected)
    assert matched > 50000


def test_the_units_of_towns_written_are_those_the_text_holds():
    """`places.units_of_towns_written` (the towns' places read from the book's scan of the
    persons' names that are cities) against a search of the text for each unit, on the
    bundled book and the corpus, for towns among the persons' names and towns that are not."""
    persons = ["Kalinin", "Kuibyshev", "Stalin", "Molotov", "Ordzhonikidze", "Kirov", "Gorky", "Washington", "Lincoln"]
    towns = {"Kalinin", "Kuibyshev", "Kirov", "Gorky", "Moscow", "Washington", "Lincoln", "Nizhnyi"}
    written = 0
    for text in [BOOK, *CORPUS, "Kirov province, Kirov  region, Kirovoblast; Moscow region\n\nGorky oblast"]:
        with places.scanning(text, places.book_word_lists(Register("place"), load_profile(), persons)):
            found = places.units_of_towns_written(text, towns, persons)
        expected = {unit for town in towns for head in places._TOWN_UNIT_WORDS if (unit := f"{town} {head}") in text}
        assert found == expected
        written += len(expected)
    assert written >= 5
    assert {"Kalinin", "Kuibyshev"} <= set(places._renamed_cities(frozenset(persons)))  # read from the scan


def test_the_lists_found_in_runs_of_their_letters_are_those_found_in_paragraphs():
    """`places.coordinated_lists` (`_COORDINATED` searched in the runs of the characters it
    reads that hold a close) against the same pattern searched in the paragraphs that hold
    a close (`pieces_holding`), on the bundled book, the corpus, and random runs of names,
    closes, commas and the characters that end a run or stand in a name (accented letters,
    apostrophes, hyphens, dashes, digits, stops, line breaks); and `_COORDINATED_LETTERS`
    every character a match of it holds."""
    pieces = ["Kharkov", "Dnepropetrovsk", "Komsomolsk-on-Amur", "Orekhovo-Zuevo", "St", "Condé", "New York", "Ab"]
    pieces += [", ", ", ", " and ", " or ", " and", ",", " ", "x", "’s", "'", "-", "--", "–", ".", ";", "1"]
    pieces += ["\n", "\n\n", "É", "é", "÷", "_", "(", "and", "or"]
    rng = random.Random(23)
    texts = [BOOK, *CORPUS, "", "Kiev, Kharkov and Odessa", "A, B and C"]
    names = pieces[:8] * 3 + [", "] * 8 + [" and ", " or "] * 3  # lists more often than not
    texts += ["".join(rng.choice(pieces if i % 3 == 2 else names) for i in range(20)) for _ in range(20000)]
    found = 0
    letters = re.compile(f"[{places._COORDINATED_LETTERS}]*")
    for text in texts:
        expected = [m.span() for m in pieces_holding(places._COORDINATED, places._COORDINATED_CLOSE_WORDS, text)]
        lists = places.coordinated_lists(text)
        assert [m.span() for m in lists] == expected, text[:200]
        assert all(letters.fullmatch(m.group(0)) for m in lists)
        found += len(expected)
    assert found > 500


_MATCH_KINDS = {
    wordscan.STANDARD: ahocorasick_rs.MatchKind.Standard,
    wordscan.LEFTMOST_LONGEST: ahocorasick_rs.MatchKind.LeftmostLongest,
    wordscan.LEFTMOST_FIRST: ahocorasick_rs.MatchKind.LeftmostFirst,
}
_KINDS = [(wordscan.STANDARD, True), *((kind, False) for kind in _MATCH_KINDS)]


def _plain(words: tuple[str, ...], text: str, kind: str, overlapping: bool) -> list:
    automaton = ahocorasick_rs.AhoCorasick(list(words), matchkind=_MATCH_KINDS[kind])
    return automaton.find_matches_as_indexes(text, overlapping=overlapping)


def test_words_are_found_in_the_latin_1_bytes_where_the_text_writes_them():
    """`wordscan.find` (outside a scan: the text's Latin-1 bytes scanned, "?" for each
    character beyond it, where the words are Latin-1 and hold no "?") and `WordScan` (the
    words beyond Latin-1 sought with "?" for those letters, each place read in the text)
    against the list's own automaton scanning the text, in every kind of match: on the
    bundled book and the corpus with lists of their words, accented, curly-quoted, dashed
    ("’s A", "Volga–Don Canal"), and on random strings of letters, "?", curly quotes, dashes
    and accented letters with lists of words of them."""
    rng = random.Random(2314)
    found = 0
    for text in [BOOK, *CORPUS]:
        words = sorted(set(re.findall(r"[\w’'?–-]+(?: [\w’'?–-]+)?", text[::97])))
        lists = [tuple(rng.sample(words, 40)) for _ in range(4)]
        lists += [("’s A", "’s B", "’s M", "Volga–Don Canal", "Moscow"), ("?", "”", "?”", "é"), ("Condé", "é", "Paris")]
        scan = wordscan.WordScan(text, lists)
        for words in lists:
            for kind, overlapping in _KINDS:
                expected = _plain(words, text, kind, overlapping)
                assert wordscan.find(words, text, kind, overlapping) == expected, (words[:3], kind)
                assert scan.find(words, kind, overlapping) == expected, (words[:3], kind)
                found += len(expected)
    assert found > 10_000
    pool = ["a", "b", "é", "?", "’", "–", "ab", "a?", "’b", "é’"]
    for _ in range(300):
        text = "".join(rng.choice("ab?’–é ") for _ in range(rng.randint(0, 40)))
        lists = list({tuple(rng.sample(pool, rng.randint(1, 5))) for _ in range(6)})
        scan = wordscan.WordScan(text, lists)
        for words in lists:
            for kind, overlapping in _KINDS:
                expected = _plain(words, text, kind, overlapping)
                assert wordscan.find(words, text, kind, overlapping) == expected, (words, text, kind)
                if scan.holds(words):
                    assert scan.find(words, kind, overlapping) == expected, (words, text, kind)


def test_a_pattern_tried_where_its_words_are_written_finds_what_finditer_finds():
    """`places.matches_where_written` (the pattern `short_forms` makes of cities' first words,
    tried only where the text writes one) against its `finditer`, on the bundled book and
    the corpus, with the first words of the bundled edition's cities and their spellings,
    and the book's own capitalised words; and on strings where the words stand inside
    others, overlap and follow each other."""
    register = etree.parse(str(ROOT / "tei" / "iron-lazar" / "places.xml")).getroot()
    firsts = sorted(
        {
            first
            for place in register.iter(q("place"))
            if place.get("type") == "city"
            for name in registers.place_names(place)
            if len(name.split()) == 2
            for first in places.spellings(name.split()[0])
        }
    )
    assert len(firsts) > 10
    found = 0
    for text in [BOOK, *CORPUS, "Nizhnyi Novgorod, Nizhnyi, Nizhnyi-Nizhny NizhnyNizhny Nizhny Val", ""]:
        capitalised = sorted(set(re.findall(r"\b[A-Z][a-z]{3,}", text[::50])))
        for words in (firsts, capitalised):
            pattern = re.compile(r"(" + namewords.words_at_start(words) + r")\b(?: (\w+))?")
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in places.matches_where_written(pattern, words, text)] == expected
            found += len(expected)
    assert found > 5000


def test_the_names_and_titles_found_in_one_walk_are_those_each_walk_finds():
    """`places.names_and_titles` (one walk of the divisions for organisations' names and
    titles) handed to `texts_before_bodies` and `titles_in_running_text` against each
    walking the divisions itself, on the bundled book's committed chapters and back matter;
    and the titles found before the places' marks are those found after them (the pass
    marks a chapter's places between the two: their `placeName`s wrapped round the text)."""
    names = titles = 0
    for path in sorted((ROOT / "tei" / "iron-lazar").glob("*.xml")):
        tree = etree.parse(str(path)).getroot()
        divisions = matching.regions(tree)
        org_names, found_titles = places.names_and_titles(divisions)
        expected = places.texts_before_bodies(divisions)
        assert places.texts_before_bodies(divisions, org_names) == expected, path.name
        assert places.titles_in_running_text(divisions, found_titles) == places.titles_in_running_text(divisions)
        names += len(expected)
        titles += sum(map(len, found_titles))
        # the places' marks, wrapped round every capitalised word of the text
        for division in divisions:
            wrap_slots(
                text_slots(division, matching.SKIP),
                lambda text, tree=tree: [
                    (m.start(), m.end(), make_in(tree, "placeName")) for m in re.finditer(r"[A-Z]\w+", text)
                ],
            )
        assert places.titles_in_running_text(divisions, found_titles) == places.titles_in_running_text(divisions)
    assert names > 100 and titles > 20


def _names_after_kind_plain(text: str) -> list:
    starts = []
    for word in places._KIND_LIST_WORDS:
        at = text.find(word)
        while at >= 0:
            if at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-"):
                starts.append(at)
            at = text.find(word, at + 1)
    return [m for at in sorted(starts) if (m := places._NAMES_AFTER_KIND.match(text, at))]


def test_the_patterns_tried_where_the_scan_finds_their_words_find_what_finditer_finds():
    """The patterns the places' pass tries only where the book's scan (`wordscan`) finds
    their words, against the plain forms: `district_of_matches` against `_DISTRICT_OF`'s
    `finditer`, `_WORLD_PART` in the pieces that name a part of the world against its
    `finditer`, `_names_after_kind` against its words sought by `str.find`,
    `apposition_matches` against `_APPOSITION`'s `finditer`; on the bundled
    book and the corpus (in the pass's scan and outside it), and on random runs of the
    words, their look-alikes and what follows them."""
    pieces = ["district", "village", "the city", " of ", "of ", "Bauman", "Ab'town", " the ", "the West", "East"]
    pieces += ["Continent", "far ", "West-", "Westminster", " and ", "including ", "such as ", "notably ", "towns "]
    pieces += [
        "Tula",
        ", ",
        "Kaluga",
        " or ",
        "x",
        "\n\n",
        "’",
        "é",
        ".",
        "-",
        "capital",
        "port",
        "support",
        " – ",
        " —",
    ]
    rng = random.Random(1494)
    books = [BOOK, *CORPUS]
    texts = books + ["".join(rng.choice(pieces) for _ in range(18)) for _ in range(3000)]
    lists = places.book_word_lists(Register("place"), load_profile())
    found = Counter()
    for text in texts:
        for scanned in (True, False) if text in books else (False,):
            with places.scanning(text, lists if scanned else []):
                districts = [(m.span(), m.groups()) for m in places.district_of_matches(text)]
                assert districts == [(m.span(), m.groups()) for m in places._DISTRICT_OF.finditer(text)]
                world = [m.span() for m in pieces_holding(places._WORLD_PART, places._WORLD_WORDS, text)]
                assert world == [m.span() for m in places._WORLD_PART.finditer(text)]
                appositions = [m.span() for m in places.apposition_matches(text)]
                assert appositions == [m.span() for m in places._APPOSITION.finditer(text)]
                kinds = [m.span() for m in places._names_after_kind(text)]
                assert kinds == [m.span() for m in _names_after_kind_plain(text)]
                found.update(districts=len(districts), world=len(world), kinds=len(kinds), appositions=len(appositions))
    assert found.pop("appositions") > 5 and min(found.values()) > 40, found


def test_a_scan_answers_lists_of_words_drawn_from_its_lists_as_their_own_automata():
    """`WordScan.find` for lists the pass makes later of words each of which it gave in a
    list beforehand (the first words of the register's names, `register_first_words`,
    sought by `short_forms` and `site_first_words`), in any order, against each list's own
    automaton, in every kind of match, on the bundled book (with its register's first words)
    and the corpus; not a list with a word twice, an empty word, or a word not scanned."""
    register = registers.Register("place", etree.parse(str(ROOT / "tei" / "iron-lazar" / "places.xml")).getroot())
    lists = places.book_word_lists(register, load_profile(source=SAMPLE))
    assert len(places.register_first_words(register)) > 20
    rng = random.Random(7)
    found = 0
    for text in [BOOK, *CORPUS]:
        scan = wordscan.WordScan(text, lists)
        words = sorted(scan.words)
        for size in (1, 2, 5, 30, 200):
            drawn = tuple(rng.sample(words, size))
            assert scan.holds(drawn)
            for kind, overlapping in _KINDS:
                expected = _plain(drawn, text, kind, overlapping)
                assert scan.find(drawn, kind, overlapping) == expected, (drawn[:3], kind, overlapping)
                found += len(expected)
        assert not scan.holds((words[0], words[0])) and not scan.holds(("", words[0]))
        assert not scan.holds((words[0], "no such word here"))
    assert found > 40_000  # (the words drawn, and so the count, change with the lists' words: 44,220 now)


def _names_a_line_plain(text: str, start: int, end: int) -> bool:
    if start and text[start - 1] in "-–":
        return False
    return (
        places._LINE_AFTER.match(text, end) is not None
        or places._LINES_SHARED_AFTER.match(text, end) is not None
        or (
            places._LINES_AFTER.match(text, end) is not None
            and places._LINES_SHARED.search(text, max(0, start - 40), start) is not None
        )
    )


def test_a_place_names_a_line_where_the_plain_patterns_say_so():
    """`places.names_a_line` (its patterns tried only after what they open with) against
    the three tried after every name, after every capitalised word of the bundled book and
    the corpus, and of strings of names, "line", "lines" and their look-alikes."""
    rng = random.Random(1482)
    pieces = ["Donetsk", " line", " lines", " and ", " or ", "Omsk", "Tomsk", "South", " liner", "-", "–", " ", "x"]
    texts = [BOOK, *CORPUS] + ["".join(rng.choice(pieces) for _ in range(10)) for _ in range(3000)]
    lines = 0
    for text in texts:
        for m in re.finditer(r"[A-Z][a-z]+", text):
            expected = _names_a_line_plain(text, m.start(), m.end())
            assert places.names_a_line(text, m.start(), m.end()) == expected, text[m.start() : m.end() + 30]
            lines += expected
    assert lines > 300


def test_the_text_within_an_element_is_its_itertext():
    """`places.text_within` (the text serialised in C) against `"".join(itertext())`, for
    every element of the bundled edition (its index's terms among them), and for elements
    holding comments, processing instructions and tails."""
    elements = 0
    for path in sorted((ROOT / "tei" / "iron-lazar").glob("*.xml")):
        for el in etree.parse(str(path)).getroot().iter(etree.Element):
            assert places.text_within(el) == "".join(el.itertext()), path.name
            elements += 1
    made = etree.fromstring("<term>Germany. <!-- a note --><hi>See</hi> <?pi x?>Empire, the<ref>x</ref> tail</term>")
    made.tail = " after"
    for el in made.iter(etree.Element):
        assert places.text_within(el) == "".join(el.itertext())
    assert elements > 10_000
