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
from teikit.tei import make, q, sub

BOOK = SAMPLE.read_text(encoding="utf-8")[:300_000]  # its front matter and first chapters


def _random_content(rng: random.Random):
    """A function that fills an element with random content, as the name passes meet it: the
    book's words, marks (nested too), other elements, skipped ones, comments and processing
    instructions, to a depth of four."""
    from lxml import etree

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

    return grow


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


def test_an_index_marks_persons_by_capitals_as_the_count_of_every_heading_tells():
    """`headings.capitals_mark_persons` (each heading told in capitals once, the text's
    words asked for only while enough headings are left to make the convention) against
    its plain form, every heading counted: on the top headings of James's general index
    (persons in capitals) and of the bundled book's Subject Index (a few acronyms), on
    random samples of both mixed (around the five names the convention needs), the text's
    words counted from the books' own text."""
    from pathlib import Path

    from conftest import SHARED

    def plain(terms: list[str], text_words: Counter[str]) -> bool:
        names = sum(headings.name_in_capitals(t, text_words) for t in terms)
        lower = sum(not headings.in_capitals(t) for t in terms)
        return names >= headings.MIN_CAPITALS and lower >= max(headings.MIN_CAPITALS, names // 4)

    james = SHARED / "corpus" / "books" / "james-varieties-of-religious-experience.txt"
    lazar = Path(__file__).resolve().parents[1] / "tei" / "iron-lazar" / "back.xml"
    from lxml import etree

    lazar_terms = [
        " ".join("".join(t.itertext()).split())
        for t in etree.parse(str(lazar)).iterfind(".//{*}div[@type='index']/{*}list/{*}item/{*}term")
    ]
    words: Counter[str] = Counter(re.findall(r"[^\W\d_]+", BOOK))
    books = [(lazar_terms, words)]
    if james.exists():
        text = james.read_text(encoding="utf-8")
        body, index = text[: text.index("\nINDEX.\n")], text[text.index("\nINDEX.\n") :]
        james_terms = [line.strip() for line in index.splitlines() if line[:1].isalpha()]
        books.append((james_terms, Counter(re.findall(r"[^\W\d_]+", body))))
        books.append((lazar_terms + james_terms, books[-1][1] + words))
    rng = random.Random(14)
    answers = Counter()
    for terms, text_words in list(books):
        for _ in range(150):
            books.append((rng.sample(terms, rng.randint(0, min(len(terms), 40))), text_words))
    for terms, text_words in books:
        answer = plain(terms, text_words)
        assert headings.capitals_mark_persons(terms, text_words) == answer, terms
        capitalised = [t for t in terms if headings.in_capitals(t)]
        assert headings.capitals_mark_persons(terms, text_words, capitalised) == answer
        answers[answer] += 1
    assert answers[False] > 20 and (answers[True] > 20 or not james.exists())  # James's persons in capitals


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

    grow = _random_content(random.Random(14))

    for _ in range(300):
        div = make("div")
        grow(sub(div, "p"), 0)
        assert matching._unmarked(div) == _unmarked_plainly(div)


def _matches_plainly(keys: dict, text: str, split_hyphens: bool = False) -> list:
    """What `matching.Matcher.find` finds, by a search of each key in turn (`str.find`, every
    occurrence), its ends weighed as the matcher's docstring and comments say."""
    found = []
    for key, value in keys.items():
        at = text.find(key) if key else -1
        while at >= 0:
            start, end = at, at + len(key)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                if before == "-" and text[start - 2 : start] == "--":
                    before = " "
                if after == "-" and text[end : end + 2] == "--":
                    after = " "
                if split_hyphens and before == "-" and start >= 2 and text[start - 2].isalpha():
                    before = " "
                if split_hyphens and after == "-" and text[end + 1 : end + 2].isupper():
                    after = " "
                glued = before == "-" or after == "-" or (before in "'’" and start >= 2 and text[start - 2].isalpha())
                if not glued:
                    found.append((start, end, key, value))
            at = text.find(key, at + 1)
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out, last = [], -1
    for m in found:
        if m[0] >= last:
            out.append(m)
            last = m[1]
    return out


def test_the_matcher_finds_what_a_search_of_each_key_finds():
    """`matching.Matcher` (one scan of an automaton in Rust) against every key sought on its
    own: on the book with names of its own, and on random texts of letters (accented, Cyrillic
    and beyond the Basic Multilingual Plane, where a character is no longer one code unit),
    hyphens, dashes, apostrophes and spaces, with keys that overlap and nest."""
    names = sorted(set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", BOOK)))[::5]
    keys = {name: k for k, name in enumerate(names)} | {"": "none", "Stalin": "s", "Stalin Prize": "p", "Lenin": "l"}
    for split in (False, True):
        matcher = matching.Matcher(keys, split_hyphens=split)
        assert matcher.find(BOOK) == _matches_plainly(keys, BOOK, split)
        assert matcher.find(EDGES) == _matches_plainly(keys, EDGES, split)
    rng = random.Random(14)
    alphabet = ["a", "b", "B", "é", "ж", "𝔄", "1", "-", "--", "'", "’", " ", " ", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pieces = [text[i : i + rng.randint(1, 4)] for i in range(0, len(text), 3)]
        keys = {k: len(k) for k in rng.sample(pieces, min(len(pieces), rng.randint(0, 5)))}
        keys |= {"a": 1, "aB": 2, "Bé": 3, "𝔄b": 4}
        split = rng.random() < 0.5
        assert matching.Matcher(keys, split_hyphens=split).find(text) == _matches_plainly(keys, text, split), (
            text,
            keys,
        )
    assert matching.Matcher({}).find("anything") == [] and matching.Matcher({"": 1}).find("a b") == []
    assert [m[2] for m in matching.Matcher({"Stalin": 1, "Stalin Prize": 2}).find("the Stalin Prize, Stalin")] == [
        "Stalin Prize",
        "Stalin",
    ]


def test_the_gazetteer_names_a_text_writes_are_those_a_search_of_each_finds():
    """`gazetteer.known_in` (one scan of an automaton) against each name sought on its own:
    the names written as whole words, in the order their first such use ends (of two that
    end together, the longer first: "North Korea" before "Korea")."""
    from teikit.enrich import gazetteer

    def plainly(text: str) -> list[str]:
        first = {}
        for name in gazetteer.known():
            at = text.find(name)
            while at >= 0:
                end = at + len(name)
                if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    first[name] = (end, -len(name))
                    break
                at = text.find(name, at + 1)
        return sorted(first, key=first.__getitem__)

    names = list(gazetteer.known())
    rng = random.Random(14)
    texts = [BOOK, EDGES, "North Korea and Korea, South Koreans"]
    for _ in range(300):
        words = [rng.choice(names) for _ in range(rng.randint(0, 6))] + rng.sample(BOOK.split(), 6)
        rng.shuffle(words)
        texts.append(rng.choice([" ", "-", "", ", "]).join(words))
    for text in texts:
        assert gazetteer.known_in(text) == plainly(text), text


def test_whether_names_fit_a_person_is_asked_anew_once_the_person_is_learnt():
    """`persons.fits` keeps its answers (`People.fitting`) only until a person is learnt:
    a forename learnt for "Kaganovich", named by his surname alone, makes "Lazar" fit him."""
    reg = registers.Register("person")
    person = registers.new_person(reg, "Kaganovich", [], "test")
    people = persons.People(reg)
    assert not persons.fits(["Lazar"], person, people)
    assert not persons.fits(["Lazar"], person, people)  # asked again: the answer kept
    pn = person.find(q("persName"))
    forename = make("forename")
    forename.text = "Lazar"
    pn.insert(0, forename)
    people.learn(person)
    assert persons.fits(["Lazar"], person, people) and persons.fits(["L."], person, people)
    assert not persons.fits(["Mikhail"], person, people)


def test_names_whose_word_comes_first_are_found_where_a_search_of_each_word_finds_them():
    """`places._first_word_names` (the words found in one scan of an automaton) against each
    word sought on its own (`str.find`, every occurrence), the pattern tried at each in the
    order of where the word ends (of two that end together, the longer first)."""

    def plainly(text: str) -> list:
        at_words = []
        for word in places._FIRST_WORD_TYPES:
            at = text.find(word + " ")
            while at >= 0:
                at_words.append((at + len(word) + 1, -len(word), at))
                at = text.find(word + " ", at + 1)
        found = []
        for _, _, at in sorted(at_words):
            m = places._FIRST_WORD.match(text, at) if at == 0 or not text[at - 1].isalnum() else None
            if m:
                found.append(_found(m))
        return found

    rng = random.Random(14)
    words = [*places._FIRST_WORD_TYPES, "de", "la", "Concorde", "Royal", "Ville", "Mars", "Navona", "x", "-", "é"]
    texts = [BOOK, EDGES, "the Place de la Concorde, Hôtel de Ville and Palais Royal; a Champ de Mars"]
    texts += ["".join(rng.choice(words) + rng.choice([" ", " ", "", "-"]) for _ in range(8)) for _ in range(3000)]
    for text in texts:
        assert [_found(m) for m in places._first_word_names(text)] == plainly(text), text
    assert len(places._first_word_names(texts[2])) == 4


def test_marking_through_the_list_of_text_nodes_is_marking_by_a_walk_of_the_tree():
    """`textnodes.wrap_slots` over the list `text_slots` made once, kept up to date by each
    pass that marks through it (`matching.mark`), against `textnodes.wrap` walking the tree
    anew for each pass: the same texts handed to each finder, in the same order, and the
    same tree after four passes one after another (marks next to each other, at the ends of
    a text node, a text node marked whole, skipped elements and comments in between). Both
    against `textnodes.substitute`, the plain find-and-replace over the tree, which cuts
    each text node by a pattern's matches and links the elements in a walk of its own."""
    from lxml import etree

    from teikit.textnodes import substitute, text_slots, wrap, wrap_slots

    rng = random.Random(14)
    paragraphs = [p for p in BOOK.split("\n\n") if p.strip()][:600]
    inline = ["hi", "title", "note", "ref", "q", "foreign", "date", "persName"]

    def book():
        tei = make("TEI")
        body = sub(sub(tei, "text"), "body")
        regions = []
        for k in range(0, len(paragraphs), 40):
            div = sub(body, "div")
            regions.append(div)
            for paragraph in paragraphs[k : k + 40]:
                words = paragraph.split(" ")
                p = sub(div, "p")
                p.text = " ".join(words[: len(words) // 3])
                child = sub(p, rng.choice(inline), " ".join(words[len(words) // 3 : len(words) // 2]))
                child.tail = " ".join(words[len(words) // 2 :]) or None
                if rng.random() < 0.2:
                    child.addnext(etree.Comment("c"))
                if rng.random() < 0.1:
                    sub(p, "lb")
        return tei, regions

    def finder(pattern: str, tag: str, handed: list):
        def find(text: str):
            handed.append(text)
            return [(m.start(), m.end(), make(tag)) for m in re.finditer(pattern, text)]

        return find

    passes = [
        (r"\b1[89]\d\d\b", "date"),
        (r"\b[A-Z][a-z]+ (?:Committee|Party|Commissariat)\b", "orgName"),
        (r"\b[A-Z][a-z]{3,}\b", "persName"),
        (r"(?<= )[a-z]+$|^[A-Za-z]+|\S+", "placeName"),  # text nodes marked at their ends, and whole
    ]
    rng.seed(14)
    walked, walked_regions = book()
    rng.seed(14)
    listed, listed_regions = book()
    rng.seed(14)
    replaced, replaced_regions = book()
    assert etree.tostring(walked) == etree.tostring(listed) == etree.tostring(replaced)
    found = [text_slots(region, matching.SKIP) for region in listed_regions]
    for pattern, tag in passes:
        by_walk: list[str] = []
        by_list: list[str] = []
        for region in walked_regions:
            wrap(region, finder(pattern, tag, by_walk), matching.SKIP)
        for slots in found:
            wrap_slots(slots, finder(pattern, tag, by_list))
        for region in replaced_regions:
            substitute(region, re.compile(pattern), lambda m, tag=tag: make(tag, m.group()), matching.SKIP)
        assert by_list == by_walk and by_walk
        assert etree.tostring(listed) == etree.tostring(walked) == etree.tostring(replaced), tag
        assert found == [text_slots(region, matching.SKIP) for region in listed_regions]  # texts too
    # The text nodes an orgName follows, read from the names (`places.texts_before_bodies`),
    # against those read from the list: names first in an element and after a sibling, after a
    # comment, and inside skipped elements (a title's), whose texts the list leaves out.
    for title in list(listed.iter(q("title")))[::2]:
        title.text = (title.text or "") + " the "
        sub(title, "orgName", "Cheka").tail = " and"
    for k, comment in enumerate(list(listed.iter(etree.Comment))[::2]):
        comment.tail = f"at the {k} "
        comment.addnext(make("orgName"))
    slots = [text_slots(region, matching.SKIP) for region in listed_regions]
    by_slots = set()
    for parent, child, text in (slot for region in slots for slot in region):
        after = (parent[0] if len(parent) else None) if child is None else child.getnext()
        if text.endswith(" ") and after is not None and after.tag == q("orgName"):
            by_slots.add(text)
    assert len(by_slots) > 20
    assert places.texts_before_bodies(listed_regions) == by_slots
    assert not any(text.endswith(" the ") for text in by_slots)  # a title's only


def test_tokens_counted_by_the_words_between_spaces_are_those_the_pattern_finds():
    """`matching.tokens` (each word between spaces told apart once) against the token
    pattern over the whole text: the same counts, in the order each token first comes, on
    the book and on random texts of letters, digits, hyphens, apostrophes, quotation marks,
    brackets, white space of every kind and marks the words' ends lose."""
    rng = random.Random(14)
    alphabet = ["a", "B", "é", "ж", "𝔄", "1", "_", "-", "'", "’", "‘", '"', "“", "(", ")", ",", ".", "!", "…", "§"]
    alphabet += [" ", " ", "\n", "\t", "\u00a0", "\u2028", "\u200b", "ab", "Moscow", "don't"]
    texts = [BOOK, EDGES, ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000)]
    for text in texts:
        plain = Counter(matching._TOKEN.findall(text))
        fast = matching.tokens(text)
        assert list(fast.items()) == list(plain.items()), text


def test_words_counted_a_stretch_at_a_time_are_those_of_the_whole_text(monkeypatch):
    """`matching.count_words` (the words between white space counted a stretch of the text at a
    time, each cut at a space) against `Counter(text.split())`: the same counts in the same
    order, on the book in stretches of its own size and of a few characters (cut inside
    runs of spaces, before and after white space of other kinds, at the text's end), and on
    random texts of words and white space of every kind."""
    rng = random.Random(3)
    pieces = ["ab", "Moscow", "don't", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "x\ny", "é"]
    texts = [BOOK, EDGES, "", " ", "   a", "a   ", "a \n b"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(2000)]
    for stretch in (matching._STRETCH, 1, 2, 7):
        monkeypatch.setattr(matching, "_STRETCH", stretch)
        for text in texts if stretch < 1000 else texts[:3]:
            plain = Counter(text.split())
            assert list(matching.count_words(text).items()) == list(plain.items()), (stretch, text)


def test_matches_read_ahead_for_many_texts_are_those_found_in_each():
    """`matching.Matcher.read_ahead` (every text node in one scan, joined by blank lines)
    against `find` of each text on its own: on the book's paragraphs and lines (the same
    text twice among them, texts that open or close with a key, with a hyphen, dash or
    apostrophe next to it, empty ones), and with a key holding a blank line (then each
    text is scanned on its own)."""
    names = sorted(set(re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", BOOK)))[::3]
    texts = [t for p in BOOK.split("\n\n") for t in (p, *p.split("\n")[:2])][:4000]
    texts += ["", "Stalin", "-Stalin", "Stalin-", "--Stalin", "’Stalin", "Stalin’s", "x Lenin", "Lenin\n", "\n\nLenin"]
    texts += ["Stalin", texts[5], "Lenin Stalin\n\nPrize Lenin", EDGES]
    for extra in ({}, {"Stalin": "s", "Stalin Prize": "p", "Lenin": "l"}, {"Lenin\n\nStalin": "odd", "Stalin": "s"}):
        keys = {name: k for k, name in enumerate(names)} | extra
        for split in (False, True):
            one_by_one = matching.Matcher(keys, split_hyphens=split)
            ahead = matching.Matcher(keys, split_hyphens=split)
            ahead.read_ahead(texts)
            assert [ahead.find(t) for t in texts] == [one_by_one.find(t) for t in texts]
            assert ahead.find("Stalin and Lenin, not read ahead") == one_by_one.find("Stalin and Lenin, not read ahead")
    assert matching.Matcher({"Stalin": 1}).find("-Stalin") == []  # the hyphen's case is tried above


def test_patterns_tried_where_their_words_begin_find_what_finditer_finds():
    """`places.matches_at_words` (the pattern tried only where an automaton found one of its
    words) against `finditer`, for each pattern the places' pass seeks so: the compass parts,
    the nicknames, the heads of features and of towns' units, and the units' words of the
    default heads and of the russian pack's, on the bundled book, the edges and random runs of
    the words, their look-alikes ("Islandsx", "Western", "assr") and the characters around."""
    russian = registers.PLACE_HEADS | load_profile(SAMPLE.parent / "iron-lazar.toml").place_heads
    seeks = [
        (places._COMPASS, places._COMPASS_WORDS, 0),
        (places._NICKNAME, places._NICKNAME_WORDS, 1),
        (places._FEATURE_HEAD, places._FEATURE_HEAD_WORDS, 1),
        (places.TOWN_UNIT_HEAD, places._TOWN_UNIT_WORDS, 1),
    ]
    for heads in (registers.PLACE_HEADS, russian):
        words = places.unit_words(heads)
        forms = tuple(dict.fromkeys(form for w in words for form in (w, w.capitalize(), w.upper())))
        seeks.append((re.compile(" (" + "|".join(forms) + r")\b(?! [A-Z])"), forms, 1))
        seeks.append((places.unit_pattern(heads), tuple(form for w in words for form in (w, w.upper())), 1))
    pieces = [w for _, words, _ in seeks for w in words] + ["Islandsx", "Caucasus", "Baku", "Rome", "assr", "Ab"]
    pieces += [" ", " ", "-", "'", "‘", "’", " of ", "x", "é", ", "]
    rng = random.Random(14)
    texts = [BOOK, EDGES, "the 'Second Baku' of the East, North-West Caucasus, North West Africa, the Uzbek SSR"]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(3000)]
    found = 0
    for pattern, words, before in seeks:
        for text in texts:
            expected = [_found(m) for m in pattern.finditer(text)]
            assert [_found(m) for m in places.matches_at_words(pattern, text, words, before)] == expected, text
            found += len(expected)
    assert found > 900
    # the pieces holding the words of events and of streets, the words found by the automaton
    events = (
        "the Kronstadt revolt\n\nthe Shakhty affair, the Moscow trials\n\nby Tverskaya Street and the Lenin Prospekt"
    )
    for pattern, words in ((places._EVENT, places._EVENT_NOUN), (places._STREET, places._STREET_WORD)):
        for text in (BOOK, EDGES, events):
            expected = [_found(m) for m in pattern.finditer(text)]
            assert [_found(m) for m in matching.pieces_holding(pattern, words, text)] == expected
        assert [_found(m) for m in matching.pieces_holding(pattern, words, events)]
    # a profile's unit word with a space in it is sought by `finditer` itself
    spaced = re.compile(r" (autonomous region|region)\b")
    text = "the Jewish autonomous region, the Moscow region"
    assert [_found(m) for m in places._after_spaces(spaced, text, ("autonomous region", "region"))] == [
        _found(m) for m in spaced.finditer(text)
    ]


def test_the_words_before_initials_read_back_from_their_stops_are_those_the_pattern_finds():
    """`places._words_before_initials` (each initial's stop found, the word read back) against
    `_BEFORE_INITIAL.findall`, on the bundled book, the edges, a word longer than the reach
    read back at once, and random runs of capitals, letters, stops, spaces and apostrophes."""
    rng = random.Random(14)
    pieces = ["Ab", "cd", "X", ".", " ", "\n", "’", "'", "Ya", "é", "_", "Q", "zz", "-", "É", "1", "Ab C.", " Ya."]
    texts = [BOOK, EDGES, "A" + "b" * 100 + " C.", "xAb C. and _Ab C.", "Ab C. De F. Gh Ij."]
    texts += ["".join(rng.choice(pieces) for _ in range(15)) for _ in range(5000)]
    found = 0
    for text in texts:
        expected = set(places._BEFORE_INITIAL.findall(text))
        assert places._words_before_initials(text) == expected, text
        found += len(expected)
    assert found > 1000
    assert places._words_before_initials(texts[2]) == {"A" + "b" * 100}


def test_the_text_slots_and_the_unmarked_text_read_in_one_walk_are_those_of_two():
    """`matching._unmarked_walk` with slots (the first name pass's walk of the tree, which
    gives both views) against `textnodes.text_slots` and the plain walk of the unmarked text,
    on random trees of marks (nested too), other elements, skipped ones, comments and
    processing instructions."""

    from teikit.textnodes import text_slots

    grow = _random_content(random.Random(14))

    slots_seen = 0
    for _ in range(300):
        div = make("div")
        grow(sub(div, "p"), 0)
        pieces: list[str] = []
        slots: list = []
        matching._unmarked_walk(div, pieces, slots)
        assert slots == text_slots(div, matching.SKIP)
        assert pieces == _unmarked_plainly(div)
        slots_seen += len(slots)
    assert slots_seen > 300


def test_word_uses_read_from_the_counts_are_those_a_search_finds():
    """`WordCounts.uses` (a name of one word read from the counts of the text's tokens)
    against `matching.uses` (a search of the text), for every word of the book's text and
    of random texts of letters, digits, underscores, hyphens, apostrophes and white space,
    and for names of other characters, which are searched for."""
    rng = random.Random(14)
    alphabet = [
        "a",
        "B",
        "é",
        "ж",
        "1",
        "_",
        "-",
        "'",
        "’",
        "‘",
        ",",
        ".",
        "(",
        " ",
        " ",
        "\n",
        "\u00a0",
        "ab",
        "don't",
    ]
    texts = [BOOK, EDGES]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(1000)]
    asked = 0
    for text in texts:
        counts = matching.WordCounts(text)
        names = set(re.findall(r"[\w'’-]+", text)) | {"don't", "’s", "s", "-", "Central Committee", "a b"}
        if len(names) > 400:
            names = set(rng.sample(sorted(names), 400)) | {"’s", "s", "-"}
        for name in names:
            assert counts.uses(name, text) == matching.uses(name, text), (text[:80], name)
            asked += 1
    assert asked > 5000


def test_a_place_name_before_a_surname_is_found_as_each_head_finds_it():
    """`persons._ends_place_name` (one `endswith` of every head, then the heads by length)
    against a test of each head in turn, before every capitalised word of the book and of
    strings made to catch the edges (a head at the text's start, inside a word)."""
    heads = frozenset({"Prospekt ", "ulitsa ", "Ploshchad' ", "Red ", "the ", "of the "})
    edges = "Prospekt Marx, noProspekt Marx, ulitsa Gorkogo, Ploshchad' Lenina, x-the Y, of the Z, AProspekt B"
    found = 0
    for text in (BOOK, edges, "the X"):
        for start, _ in _windows(text, 0):
            plainly = any(
                text[:start].endswith(head) and not persons._word_char_at(text, start - len(head) - 1) for head in heads
            )
            assert persons._ends_place_name(text, start, heads) == plainly, (text[max(0, start - 20) : start], start)
            found += plainly
    assert found > 100


def test_the_date_patterns_digit_look_ahead_keeps_every_match():
    """The look-ahead that opens the date pattern's digit branch (a day's one or two digits,
    or a year's four) against the branch opened by any digit: the same matches on the
    bundled book and on random numbers, days, ordinals, ranges and years."""
    from teikit.enrich import dates

    rng = random.Random(14)
    pieces = ["1", "12", "123", "1930", "2001", "1650", "12345", "4th", "1st", "2nd", "3rd", " ", "-", "–", "—"]
    pieces += [" to ", " May", " March", ", ", "s", "’s", "/", "35", ".", "f. ", "p. ", "in ", "the "]
    texts = [BOOK, EDGES] + ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(3000)]
    matched = 0
    for args in (((), False, False), ((), True, True), (("aprelya", "maya"), False, True)):
        fast = dates._pattern(*args)
        plain = re.compile(fast.pattern.replace(dates._DIGIT_START, r"(?=\d)"), fast.flags)
        assert plain.pattern != fast.pattern
        for text in texts:
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == expected, text
            matched += len(expected)
    assert matched > 5000


def test_words_told_unwritten_by_the_counts_are_those_a_search_does_not_find():
    """`orgs.Shapes.written` (a word no whole word of the unmarked text nor the first or last
    of a text node is not written, told without a search) against `orgs._written`, the search
    of the text nodes joined: every word of random paragraphs of the book whose marks (dates)
    stand right against words ("pre<date>1914</date>war", "<date>May</date>day"), so that
    the unmarked text joins words the text nodes hold apart."""
    from teikit.textnodes import text_slots

    rng = random.Random(14)
    words = BOOK.split()
    glued = ["pre", "war", "day", "ish", "post", "1914", "May", "s", "-", "_x", "don't"]
    div = make("div")
    for _ in range(200):
        p = sub(div, "p")
        p.text = " ".join(rng.sample(words, rng.randint(0, 8))) + rng.choice(["", " ", *glued])
        for _ in range(rng.randint(0, 3)):
            mark = sub(p, rng.choice(["date", "persName", "hi", "title"]), rng.choice([*glued, "4 May 1930"]))
            mark.tail = rng.choice(["", " ", *glued]) + " ".join(rng.sample(words, rng.randint(0, 8)))
    pieces = [text for _, _, text in text_slots(div, matching.SKIP)]
    text = "\n\n".join(pieces)
    counts = matching.WordCounts(matching._unmarked_of([div]))
    shapes = orgs.Shapes.of(load_profile(), text, whole=counts.whole, pieces=pieces)
    asked = set(re.findall(r"[\w'’-]+", matching._unmarked_of([div]))) | {*glued, "1914war", "Mayday", "the May"}
    unwritten = 0
    for word in sorted(asked):
        assert shapes.written(word) == orgs._written(word, text), word
        unwritten += not orgs._written(word, text)
    assert unwritten > 20 and shapes.written("pre") and shapes.written("war")


def test_child_elements_chosen_by_lxml_are_those_each_childs_name_chooses():
    """`tei.children`, lxml's walk choosing the children by "{*}name", against the plain test
    of each child (an element, its local name among those asked): on the bundled book's
    edition and registers, every element asked for its children of each name it holds and
    for all of them; and on random content with comments, processing instructions and
    elements of another namespace and of none."""
    from lxml import etree

    from teikit.tei import children, local

    def plain(el, *names):
        return [c for c in el if isinstance(c.tag, str) and (not names or local(c) in names)]

    edition = SAMPLE.parent.parent / "tei" / "iron-lazar"
    trees = [etree.parse(str(path)).getroot() for path in sorted(edition.glob("*.xml"))]
    rng = random.Random(5)
    grow = _random_content(rng)
    for _ in range(30):
        root = make("div")
        grow(root, 0)
        for el in list(root.iter())[::3]:
            if isinstance(el.tag, str) and el is not root:
                el.addnext(etree.Element(rng.choice(["hi", "{urn:other}hi", "{urn:other}persName", "note"])))
        trees.append(root)
    asked = 0
    for tree in trees:
        for el in tree.iter():
            names = sorted({local(c) for c in el if isinstance(c.tag, str)})
            assert children(el) == plain(el)
            for name in names:
                assert children(el, name) == plain(el, name)
                asked += 1
            assert children(el, *names[:2], "surname") == plain(el, *names[:2], "surname")
            assert children(el, "") == plain(el, "") == []
    assert asked > 10_000
