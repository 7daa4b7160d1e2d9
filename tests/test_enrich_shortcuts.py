"""The enrichment passes' shortcuts find what the plain forms they stand for find.

Each shortcut (a pattern rewritten so that `re` seeks its first letters, a count made on
demand, a run of one word taken as its own token) is compared with the plain form on the
bundled book's text and on strings made to catch the edges: a shortcut that found a
match more or less would change the edition.
"""

from __future__ import annotations

import random
import re
from collections import Counter

from conftest import SAMPLE
from teikit.enrich import headings, indexpersons, matching, orgs, persons, places, registers, textnames
from teikit.enrich.namewords import Words, prose
from teikit.profile import load_profile
from teikit.tei import make, sub

BOOK = SAMPLE.read_text(encoding="utf-8")[:300_000]  # its front matter and first chapters
EDGES = (
    "to a xto b _to c é to d  to\nTolstoy, the district of Bauman; subdistrict of Xy; a city of Ab and town of Cd\n"
    "J. V. Stalin, Ya. Sverdlov, Kh.\nKhrushchev, Comrade Ivan Ivanov, A.\n\nB. Smith, Central Committee-CCC plenum, "
    "the 'Anti-Soviet Bloc of Rights', O'Brien People's Commissariat, at Nancy, at Nancyville, L'Etat, l'État, "
    "the district of Ef'town of Gh"
)


def _windows(text: str, width: int) -> list[tuple[int, str]]:
    """Before every capitalised word: (where, the `width` characters before it)."""
    return [(m.start(), text[max(0, m.start() - width) : m.start()]) for m in re.finditer(r"[A-Z]", text)]


def _found(m: re.Match | None):
    return None if m is None else (m.span(), m.groups())


def test_patterns_before_a_mention_find_what_their_plain_forms_find():
    initial = r"(?:\b[A-Z][a-z]?\.|\b(?:Ya|Yu|Ye|Sh|Kh|Ts|Ch|Zh)\b\.?)"
    plain = {
        persons._INITIALS_BEFORE: re.compile(rf"((?:\b[A-Z][a-z]+\s)?(?:{initial}\s?){{1,3}})$"),
        persons._WORDS_BEFORE: re.compile(r"((?:\b[A-Z][a-z]+\s){1,2})$"),
        persons._INITIALS_ONLY_BEFORE: re.compile(rf"((?:{initial}\s){{1,3}})$"),
    }
    for text in (BOOK, EDGES):
        windows = _windows(text, 40) + [(0, w) for w in ("A.\n", "Ya. \n", "A.\n\n", "Ivan A. ", "x Kh. ")]
        for _, before in windows:
            for fast, slow in plain.items():
                assert _found(fast.search(before)) == _found(slow.search(before)), (fast.pattern, before)
            # initials are sought only where the window ends as initials do
            if persons._INITIALS_END.search(before[-5:]) is None:
                assert plain[persons._INITIALS_BEFORE].search(before) is None, before
        run_before = re.compile(rf"(?:(?<![\w.-])(?<!\w['’]){orgs._TOKEN}{orgs._SP})+$")
        for at, _ in _windows(text, 0):
            start = max(0, at - orgs._LOOK_BACK)
            assert _found(orgs._RUN_BEFORE.search(text, start, at)) == _found(run_before.search(text, start, at))


def test_patterns_over_the_book_find_what_their_plain_forms_find():
    district_of = re.compile(r"\b(?:district|village|town|city|suburb|province|region) of ([A-Z][a-z'’]+)\b")
    after_to = re.compile(r"\bto ([a-z]+)\b")
    nouns = "|".join(places._EVENT_NOUNS)
    event = re.compile(rf"(?<![\w-])[Tt]he ([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?) (?:{nouns})(?![\w-])")
    events = (
        "the Kronstadt revolt, xthe Ab trial, -The Cd affair, The Shakhty-Donbass affair; the Ef trials, (the Gh siege"
    )
    for text in (BOOK, EDGES, events):
        assert indexpersons._AFTER_TO.findall(text) == after_to.findall(text)
        assert [_found(m) for m in places._EVENT.finditer(text)] == [_found(m) for m in event.finditer(text)]
        assert list(places._districts_of(text)) == [(m.group(1), m.group()) for m in district_of.finditer(text)]
    assert [name for name, _ in places._districts_of(EDGES)] == ["Bauman", "Ab", "Cd", "Ef'town"]
    assert [m.group(1) for m in places._EVENT.finditer(events)] == ["Kronstadt", "Shakhty-Donbass", "Gh"]


def test_a_forename_after_a_preposition_of_place_is_found_as_the_pattern_finds_it():
    prepositions = load_profile().place_prepositions
    alternatives = "|".join(map(re.escape, prepositions))
    words = sorted(set(re.findall(r"[A-Z][a-z]+", BOOK)))[::7] + ["Nancy", "Tolstoy"]
    for text in (BOOK, EDGES):
        for word in words:
            expected = re.search(rf"\b(?:{alternatives}) {re.escape(word)}\b", text) is not None
            assert textnames._after_place_preposition(text, word, prepositions) == expected, word
    assert textnames._after_place_preposition(EDGES, "Nancy", prepositions)
    assert not textnames._after_place_preposition(EDGES, "Nancy", ())


def test_runs_of_one_word_are_their_own_tokens():
    profile = load_profile()
    for text in (BOOK, EDGES):
        words = Words(text, profile)
        for piece in prose(text, profile.english_words)[:3000]:
            expected = [
                [(*t.span(), t.group()) for t in words.token.finditer(piece, run.start(), run.end())]
                for run in words.runs(piece)
            ]
            assert words.tokens(piece) == expected


def test_running_words_counted_on_demand_are_those_of_a_count_of_every_word():
    """`registers._RunningWords`: a few words sought one by one, or every word counted, give
    the counts of the runs of letters of the front and body (not the back, the index's)."""
    tei = make("TEI")
    text = sub(tei, "text")
    sub(sub(text, "front"), "p", EDGES)
    body = sub(text, "body")
    for k, paragraph in enumerate(BOOK.split("\n\n")[:400]):
        p = sub(body, "p", paragraph)
        if k % 7 == 0:
            sub(p, "hi", "Stalin's").tail = " USSR état"
    sub(sub(text, "back"), "p", "Index: Zyxwvut Zyxwvut")
    every: Counter[str] = Counter()
    for part in (text[0], text[1]):
        every.update(re.findall(r"[^\W\d_]+", " ".join(part.itertext())))
    asked = ["Stalin", "stalin", "USSR", "Ussr", "état", "État", "Zyxwvut", "Kaganovich", "the", "x-y", "A1", "s"]
    few = registers._RunningWords(tei, few=True)
    assert [few[w] for w in asked] == [every[w] for w in asked]
    assert few["Zyxwvut"] == 0 and few["s"] == every["s"] > 0  # the back is not read; "Stalin's" has an s
    many = registers._RunningWords(tei, few=True)
    for w in list(every)[:40] + asked:  # past the few sought one by one, every word is counted
        assert many[w] == every[w], w
    assert registers._RunningWords(tei)["Kaganovich"] == every["Kaganovich"]


def test_a_persons_key_is_that_of_the_first_of_its_names():
    """`registers.person_key` reads the first persName only: the key `person_names` gives it."""
    people = []
    for names in (
        [("Kaganovich", ["Lazar", "M."])],
        [("Stalin", ["J."]), ("Dzhugashvili", ["Iosif"])],
        [],
        [(None, [])],
    ):
        person = make("person")
        for surname, given in names:
            pn = sub(person, "persName")
            if surname is None:
                pn.text = "Sergo  the\nelder"
                continue
            sub(pn, "surname", surname)
            for g in given:
                sub(pn, "forename", g)
        people.append(person)

    def plain(person) -> str:
        names = registers.person_names(person)
        return headings.Heading(names[0]["surname"] or names[0]["full"], names[0]["given"]).key if names else ""

    keys = [registers.person_key(p) for p in people]
    assert keys == [plain(p) for p in people] == ["Kaganovich, L. M.", "Stalin, J.", "", "Sergo the elder"]


def _unmarked_plainly(el) -> list[str]:
    """The pieces of `matching._unmarked` as the plain walk read them: a text goes on with
    the piece before it unless an element other than a mark stands between them."""
    pieces: list[str] = []
    joined = False

    def put(text: str | None) -> None:
        nonlocal joined
        if text:
            if joined and pieces:
                pieces[-1] += text
            else:
                pieces.append(text)
            joined = True

    def walk(e, mark: bool) -> None:
        nonlocal joined
        if not mark:
            joined = False
        put(e.text)
        for child in e:
            name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else None
            if name in matching.MARKS:
                walk(child, True)
            else:
                joined = False
                if name is not None and name not in matching.SKIP:
                    walk(child, False)
                joined = False
            put(child.tail)
        if not mark:
            joined = False

    walk(el, False)
    return pieces


def test_the_unmarked_text_is_read_as_the_plain_walk_reads_it():
    """`matching._unmarked` (one list per piece, each tag's reading decided once) gives the
    pieces of the plain walk: marks (nested too) joined into the text around them, other
    elements, skipped ones, comments and processing instructions ending a piece."""
    from lxml import etree

    rng = random.Random(14)
    words = BOOK.split()
    tags = ["persName", "date", "placeName", "orgName", "hi", "title", "note", "ref", "lb", "q", "foreign"]

    def text() -> str | None:
        return rng.choice([None, "", " ".join(rng.sample(words, rng.randint(1, 6)))])

    def grow(el, depth: int) -> None:
        el.text = text()
        for _ in range(rng.randint(0, 4)):
            kind = rng.random()
            if kind < 0.07:
                child = etree.Comment("c")
                el.append(child)
            elif kind < 0.1:
                child = etree.ProcessingInstruction("pi", "x")
                el.append(child)
            else:
                child = sub(el, rng.choice(tags))
                if depth < 4:
                    grow(child, depth + 1)
            child.tail = text()

    for _ in range(300):
        div = make("div")
        grow(sub(div, "p"), 0)
        assert matching._unmarked(div) == _unmarked_plainly(div)
