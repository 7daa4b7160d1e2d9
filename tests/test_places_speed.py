"""The places' pass computed faster, with the same answers: each shortcut of places.py,
textplaces.py and gazetteer.py against the plain form it stands for, on the bundled book's
text, books of the shared corpus, and random strings made of the pieces that catch the
edges (a shortcut that found one match more or less would change the edition)."""

from __future__ import annotations

import random
import re
from collections import Counter

from lxml import etree

from conftest import ROOT, SAMPLE, SHARED, found_by_find
from teikit.enrich import gazetteer, matching, places, registers, textplaces
from teikit.enrich.matching import uses
from teikit.enrich.namewords import LISTED_WORD
from teikit.profile import load_profile
from teikit.tei import XML_ID

BOOK = SAMPLE.read_text(encoding="utf-8")
BOOKS = sorted((SHARED / "corpus" / "books").glob("*.txt"))
CORPUS = [path.read_bytes().decode("utf-8", "replace") for path in BOOKS]


_BUILDING_ALONE = re.compile(rf"\bthe ({'|'.join(places._BUILDING_HEADS)})\b")


def _buildings_plain(text: str) -> set[str]:
    return {m.group(1) for m in _BUILDING_ALONE.finditer(text) if places.building_alone(text, m.start(1), m.end(1))}


def test_the_buildings_named_alone_are_those_the_plain_pattern_finds():
    """`places.buildings_alone` (the heads after "the" sought by `re`'s scan for "the ", a
    word's start left to `building_alone`'s cue) against the plain pattern (`\\bthe` first), on the bundled book,
    the corpus, and random runs of heads, cues, look-alikes ("lathe", "_the", "éthe") and
    the marks after a building named alone."""
    pieces = ["the ", "in the ", "at the ", "In lathe ", "in _the ", "at éthe ", "1the ", "x", "-", " ", ",", "."]
    pieces += [" and", " of", "\n", *places._BUILDING_HEADS, "Templeton", "Towers"]
    pieces += [
        f"{cue} {head}" for cue in ("in the", "at lathe", "in _the", "In éthe", "inthe") for head in ("Temple", "Tower")
    ]
    rng = random.Random(14)
    texts = [BOOK, *CORPUS, "", "the Temple.", "lathe Temple, in the Temple, in the_the Tower."]
    texts += ["".join(rng.choice(pieces) for _ in range(10)) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = _buildings_plain(text)
        assert places.buildings_alone(text) == expected, text[:200]
        found += bool(expected)
    assert found > 200


def test_the_gazetteers_answers_kept_for_each_name_are_those_a_fresh_lookup_gives():
    """`gazetteer.lookup_romanised` and `lookup_named`, answered once for each name and then
    kept, against the lookups themselves (`__wrapped__`), for the bundled book's and Burns's
    capitalised words, each asked for well-known places and for everything, in turn, twice
    (the second answer the kept one): names of places, of other places under another
    romanisation ("Krivoi Rog") or a combining form ("Austro-Hungary"), of small towns only,
    and words that name no place."""
    burns = next(
        text for path, text in zip(sorted((SHARED / "corpus" / "books").glob("*.txt")), CORPUS) if "burns" in path.name
    )
    words = sorted({w for text in (BOOK, burns) for w in re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)})
    names = ["Krivoi Rog", "Mogiliev", "Austro-Hungary", "Anglo-Saxon", "Tarbolton", "Moscow", *words[::7]]
    found = {"romanised": 0, "named": 0, "only everything": 0}
    for _ in range(2):
        for name in names:
            for everything in (False, True):
                romanised = gazetteer.lookup_romanised(name, everything)
                assert romanised == gazetteer.lookup_romanised.__wrapped__(name, everything), (name, everything)
                named = gazetteer.lookup_named(name, everything=everything)
                assert named == gazetteer.lookup_named.__wrapped__(name, everything=everything), (name, everything)
                found["romanised"] += romanised is not None
                found["named"] += named is not None
            found["only everything"] += gazetteer.lookup_named(name) is None and named is not None
    assert min(found.values()) > 50, found


def _homes_found(text: str, profile, lowercase) -> list[bytes]:
    persons = {m.group(1) for m in textplaces._of_home(tuple(profile.place_holders)).finditer(text)}
    places = registers.Places(registers.Register("place"))
    textplaces._homes(places, text, persons | set(profile.not_places), profile, lowercase)
    return [etree.tostring(place) for place in places.reg.entries.values()]


class _SearchedUses:
    """`textplaces.Uses` as the plain search it stands for: each name sought when asked."""

    def __init__(self, text: str, names):
        self.text = text

    def __call__(self, name: str) -> int:
        return uses(name, self.text)


def test_the_homes_after_a_persons_name_are_those_found_with_each_name_searched(monkeypatch):
    """`textplaces._homes` (the names after a person's name and "of", and "of" with each,
    counted in one scan) against the same with each name searched when asked (`uses`), on
    Burns's poems and notes with the Burns profile ("Dr. Peter Wodrow of Tarbolton", "George
    Dempster of Dunnichen", "chaste Kilkerran" in verse), every word before "of" taken for a
    person's, and on the bundled book: the same places, in the same order, with the same
    evidence; and each name so found, and "of" with it, counted as often as `uses` finds it."""
    burns = next(text for path, text in zip(BOOKS, CORPUS) if "burns" in path.name)
    profile = load_profile(ROOT / "tests" / "data" / "enrich" / "profiles" / "burns-poems-and-songs.toml")
    found = 0
    for text in (burns, BOOK):
        lowercase = Counter(re.findall(r"\b[a-z]+\b", text))
        shortcut = _homes_found(text, profile, lowercase)
        with monkeypatch.context() as plain:
            plain.setattr(textplaces, "Uses", _SearchedUses)
            assert _homes_found(text, profile, lowercase) == shortcut
        found += len(shortcut)
        names = {
            n for m in textplaces._of_home(tuple(profile.place_holders)).finditer(text) for n in (m[2], f"of {m[2]}")
        }
        count = textplaces.Uses(text, names)
        assert {name: count(name) for name in names} == {name: uses(name, text) for name in names}
    assert found > 20


def _countries_plain(places, text: str, not_places, profile, lowercase) -> None:
    """`textplaces._countries` as it was: the gazetteer asked of every name the text writes."""
    seen: dict[str, int] = {}
    for m in textplaces._CAPITALISED.finditer(text):
        name, at = m.group(), m.start()
        first, _, second = name.partition(" ")
        if (name not in seen or first not in seen) and not textplaces.initial(text, at):
            seen.setdefault(name, at)
            seen.setdefault(first, at)
        if second:
            seen.setdefault(second, at + len(first) + 1)
    countries = {n for n, geo in gazetteer.lookup_many(seen).items() if geo.type in textplaces._LANDS}
    for name, at in sorted(seen.items()):
        if (
            name not in countries
            or places.find(name) is not None
            or name in not_places
            or name.lower() in lowercase
            or name in profile.forenames
            or name in profile.honorifics
            or any(w in not_places for w in name.split())
            or textplaces._ADJECTIVE.search(name)
        ):
            continue
        geo = gazetteer.lookup_named(name)
        if geo is not None and geo.type in textplaces._LANDS:
            evidence = f"a {geo.type} in GeoNames, under its own name: {textplaces.passage(text, at, at + len(name))}"
            places.add(name, geo.type, geo, "named in the text; GeoNames", evidence=evidence)


def test_the_countries_are_those_found_when_the_gazetteer_is_asked_of_every_name():
    """`textplaces._countries` (the gazetteer asked only of the names no other test rules
    out) against the same asking it of every capitalised name, on every book of the corpus
    and the bundled book, with the Burns profile, the forenames of one book's persons ("Chad",
    "Israel") and words it writes in lower case ("turkey", "china"): the same countries and
    continents, in the same order, with the same evidence."""
    profile = load_profile(ROOT / "tests" / "data" / "enrich" / "profiles" / "burns-poems-and-songs.toml")
    found = 0
    for text in (BOOK, *CORPUS):
        lowercase = Counter(re.findall(r"\b[a-z]+\b", text))
        not_places = {m.group(1) for m in re.finditer(r"\b(?:Mr|Mrs|Dr|Sir|Lord)\.? ([A-Z][a-z]+)", text)}
        entries = []
        for find in (textplaces._countries, _countries_plain):
            places = registers.Places(registers.Register("place"))
            find(places, text, not_places | {"Chad", "Israel"}, profile, lowercase)
            entries.append([etree.tostring(place) for place in places.reg.entries.values()])
        assert entries[0] == entries[1]
        found += len(entries[0])
    assert found > 100


def _accented_plain(places_, words, not_names):
    """`places.accented_spellings` as it was: every word of the book sorted, then tested."""
    for word in sorted(words):
        if not (word[:1].isupper() and word.isalpha()) or word in not_names:
            continue
        place = places_.find(word)
        if place is None or registers.rejected(place):
            continue
        names = registers.place_names(place)
        plain = places._unaccented(word)
        if word not in names and any(places._unaccented(name) == plain for name in names):
            yield word, place


def test_the_accented_spellings_are_those_found_when_every_word_is_sorted():
    """`places.accented_spellings` (the capitalised words alone sorted) against the same
    sorting every word, for a register of the corpus's places with and without accents
    (Gardiner's "Quibéron" and "Quiberon", "Vendée"; "Zürich" and "Zurich"), on the words of
    every book of the corpus and the bundled book, a person's name among them."""
    found = 0
    for text in (BOOK, *CORPUS):
        places_ = registers.Places(registers.Register("place"))
        for name in ("Quiberon", "Vendee", "Zürich", "Moscow", "Gérardmer", "Orleans"):
            places_.add(name, "place", None, "named in the text")
        words = matching.WordCounts(text + " Vendée Zurich Gerardmer Orléans").whole
        shortcut = [(w, p.get(XML_ID)) for w, p in places.accented_spellings(places_, words, {"Orléans"})]
        assert shortcut == [(w, p.get(XML_ID)) for w, p in _accented_plain(places_, words, {"Orléans"})]
        found += len(shortcut)
    assert found >= 3 * (1 + len(CORPUS))


def test_the_lists_of_names_are_those_the_pattern_giving_letters_back_finds():
    """`textplaces._listed`'s pattern of lists with its words' letters held (`++`) against
    the same with `LISTED_WORD` as it is, for the default profile's joins and Burns's ("an'"),
    on the bundled book, the corpus, and random runs of names, hyphenated names, letters with
    accents, commas, spaces, joins and what may follow a list (a word character, a hyphen,
    an apostrophe, a capital after a space)."""
    burns = load_profile(ROOT / "tests" / "data" / "enrich" / "profiles" / "burns-poems-and-songs.toml")
    pieces = ["Lyons", "Toulon", "Half-Moon", "Ayr-", "Öland", "Ba", "ß", "é", "x", "1", "_", "-", "'", "’", "'s"]
    pieces += [",", ", ", " ", "\n", " and ", " or ", " an' ", "an’", " Ayr", "A", "Z"]
    rng = random.Random(13)
    texts = [BOOK, *CORPUS, "", "Lyons, Toulon and Half-Moon-Ayr, Ayr an' Dee, Dee, Doon"]
    texts += ["".join(rng.choice(pieces) for _ in range(14)) for _ in range(6000)]
    found = 0
    for joins in (tuple(load_profile().name_joins), tuple(burns.name_joins)):
        plain = textplaces.list_of_names(joins, LISTED_WORD)
        held = textplaces.list_of_names(joins, textplaces._LISTED_WORD_HELD)
        for text in texts:
            expected = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in held.finditer(text)] == expected, text[:200]
            found += len(expected)
    assert found > 3000


def _edition(source, registers_from=None) -> tuple[bytes, list[bytes]]:
    """The book's tree and its register of places, as `convert_tree` makes them."""
    from teikit.convert import convert_tree

    tree, ctx = convert_tree(source, registers_from=registers_from)
    place_register = [etree.tostring(place) for place in ctx.registers["place"].entries.values()]
    return etree.tostring(tree), place_register


def _in_places(replacement):
    """The places' pass with `replacement` for `textnodes.wrap_slots_only` while it runs
    (the persons' `mark_at` takes it too, and tells its finder the offsets of the nodes it
    visits only: never asked of every one)."""
    apply = places.apply

    def run(tei, ctx, **options):
        saved = matching.wrap_slots_only
        matching.wrap_slots_only = replacement
        try:
            return apply(tei, ctx, **options)
        finally:
            matching.wrap_slots_only = saved

    return run


def test_the_marks_made_asking_only_the_text_nodes_that_hold_a_name_are_those_made_asking_every_one(monkeypatch):
    """The places' pass hands its finder only the text nodes holding a match of its names or
    a word it looks for besides (`matching.mark`'s `also`, `textnodes.wrap_slots_only`),
    against the plain form, every text node handed to it (`wrap_slots`): the same edition
    and register of places, for the bundled book with its registers and for Burns's poems
    (a book without an index, the rules of `textplaces`)."""
    from teikit.textnodes import wrap_slots

    burns = next(path for path in BOOKS if "burns" in path.name)
    for source, registers_from in ((SAMPLE, ROOT / "tei" / "iron-lazar"), (burns, None)):
        asked: list[int] = []
        only = matching.wrap_slots_only

        def counted(found, find, visit, only=only, asked=asked):
            asked.append(len(visit))
            return only(found, find, visit)

        with monkeypatch.context() as patched:
            patched.setattr(places, "apply", _in_places(counted))
            shortcut = _edition(source, registers_from)
        with monkeypatch.context() as patched:
            patched.setattr(places, "apply", _in_places(lambda found, find, visit: wrap_slots(found, find)))
            assert _edition(source, registers_from) == shortcut, source.name
        assert sum(asked) > 200  # the shortcut was taken
        assert shortcut[0].count(b"<placeName") > 300


def test_the_head_written_twice_is_told_as_findall_tells_it():
    """`places.written_twice` (the head's opening found by `str.find`, the pattern tried
    there, until two match) against `len(findall) >= 2`, on the bundled book and the corpus for
    heads of sites, and on random runs of "the", the head, its look-alikes and what follows."""
    heads = ["Metro", "Kremlin", "Hall", "Church", "Theatre", "Palace", "Cathedral", "Mausoleum", "Gate", "Temple"]
    pieces = ["the", "The", "x", "é", "_", "-", "'", "’", " ", " ", "\n", "Metro", "Metros", "Vickers", "1", "Hall"]
    pieces += ["the Metro", "the Metro", "the Hall", "the Hall"]
    rng = random.Random(23)
    texts = [BOOK, *CORPUS, "the Metro", "the Metro the Metro", "xthe Metro, the Metro", "the the Metro the Metro"]
    texts += ["".join(rng.choice(pieces) for _ in range(14)) for _ in range(4000)]
    told = {True: 0, False: 0}
    for head in heads:
        pattern = places.the_head_alone(head)
        for text in texts if head in ("Metro", "Hall") else texts[: 1 + len(CORPUS)]:
            expected = len(pattern.findall(text)) >= 2
            assert places.written_twice(pattern, f"the {head}", text) == expected, (head, text[:200])
            told[expected] += 1
    assert min(told.values()) > 20, told


def _well_known_plain(names) -> dict:
    """`gazetteer.lookup_many` as it was: every name asked of the database, nothing kept."""
    keys: dict[str, list[str]] = {}
    for name in names:
        keys.setdefault(gazetteer.fold(name), []).append(name)
    found = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        rows = (
            gazetteer._database()
            .execute(
                "SELECT key, geonameid, name, type, lat, lng, population FROM place"
                f" WHERE key IN ({','.join('?' * len(chunk))}) AND {gazetteer._WELL_KNOWN} ORDER BY key, rank",
                chunk,
            )
            .fetchall()
        )
        for key, *row in rows:
            for name in keys[key]:
                found.setdefault(name, gazetteer.GeoPlace(*row))
    return found


def test_the_well_known_places_kept_for_each_name_are_those_a_fresh_query_gives():
    """`gazetteer.lookup_many`, its answers kept by folded name, against a query of every
    name, in the same order: for the bundled book's and the corpus's capitalised words in
    overlapping batches (the second asking names the first answered, and new ones), names
    one fold makes the same ("Kiev", "KIEV"), and words that name no place."""
    words = sorted({w for text in (BOOK, *CORPUS) for w in re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)})
    batches = [words[::3], words[::2], ["Kiev", "KIEV", "Kyiv", "Moscow", "Krivoi Rog", "Nowhere-in-particular"]]
    batches += [words[1::5] + words[:40], words]
    found = 0
    for names in batches * 2:
        kept = gazetteer.lookup_many(names)
        plain = _well_known_plain(names)
        assert list(kept.items()) == list(plain.items())
        found += len(plain)
    assert found > 2000


def test_the_names_after_a_feature_are_those_the_whole_pattern_finds():
    """`textplaces.after_feature` (the name found by `str.find`, the feature and its link
    sought before it) against the pattern searched over the whole text, with Burns's profile
    (features and "of", "o'") and the default one (none), on Burns's poems and the bundled
    book for their capitalised words, and on random runs of features, links, names, their
    look-alikes, spaces and what may follow ("the banks o' Earn", "banks ofEarn", "Earn's")."""
    burns_profile = load_profile(ROOT / "tests" / "data" / "enrich" / "profiles" / "burns-poems-and-songs.toml")
    burns = next(text for path, text in zip(BOOKS, CORPUS) if "burns" in path.name)
    pieces = ["the", "banks", "bank", "shores", "of", "o'", "o’", "vale", "vales", "xbanks", " ", " ", "\n"]
    pieces += ["Earn", "Sark", "Earns", "-", "'", "’", "s", ",", "é", "_", "banks of ", "vale o' ", "vales o’ "]
    rng = random.Random(29)
    randoms = ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(3000)]
    told = {True: 0, False: 0}
    for profile in (burns_profile, load_profile()):
        linked = textplaces._feature_links(profile)
        for text, names in [
            (burns, ["Earn", "Sark", "Gath", "Ayr", "Doon", *sorted(set(re.findall(r"\b[A-Z][a-z]+", burns)))[::20]]),
            (BOOK, ["Moscow", "Volga", "Don"]),
            *((text, ["Earn", "Sark", "Ear"]) for text in randoms),
        ]:
            for name in names:
                expected = re.search(rf"\b{linked} {re.escape(name)}(?![\w'’-])", text) is not None
                assert textplaces.after_feature(name, text, profile) == expected, (name, text[:200])
                told[expected] += 1
    assert min(told.values()) > 40, told


def test_the_texts_holding_a_word_found_in_one_scan_are_those_each_text_tells():
    """`matching._texts_holding` (the texts joined, scanned once) against a test of each
    text, for the words the places' finder looks for besides its names, on the lines of the
    bundled book and of the corpus, and on random texts of the words, their look-alikes
    ("overseas", "Easter") and line breaks' neighbours (a word at a text's end or start)."""
    words = ("West", "East", "Continent", "seas", "rivers", "oceans", "lakes")
    pieces = ["West", "East", "Easter", "seas", "overseas", "sea", "river", "rivers", "x", " ", "lakes", ""]
    rng = random.Random(31)
    samples = [text.split("\n") for text in (BOOK, *CORPUS)]
    samples.append(["".join(rng.choice(pieces) for _ in range(rng.randrange(4))) for _ in range(5000)])
    held = 0
    for texts in samples:
        expected = {k for k, text in enumerate(texts) if any(word in text for word in words)}
        assert matching._texts_holding(texts, words) == expected
        held += len(expected)
    assert matching._texts_holding(["East"], ()) == set()
    assert held > 2000


def test_the_prefixes_and_meetings_before_a_name_are_those_the_patterns_find():
    """`places.prefixed` and `places.opens_with_meeting` (the pattern searched only where the
    text before ends as its matches do) against the pattern searched before every place, at
    each capital of the bundled book and the corpus, and at every position of random runs of
    prefixes, hyphens, "of", "the", meetings' words and line breaks (where `$` is met too)."""
    words = places.body_words(load_profile())
    pieces = ["post", "All", "Anti", "-", "-", "\n", " ", "of", " of ", "the ", "party", "conference", "Moscow", "x"]
    pieces += ["conferences", "plenum", "city", "'", "é", " party conference of the ", " party conference of "]
    rng = random.Random(37)
    randoms = ["".join(rng.choice(pieces) for _ in range(10)) for _ in range(3000)]
    told = Counter()
    for text in [BOOK, *CORPUS, *randoms]:
        positions = range(len(text) + 1) if len(text) < 200 else [m.start() for m in re.finditer("[A-Z]", text)]
        for at in positions:
            plain = places._PREFIXED.search(text, max(0, at - 16), at) is not None
            assert places.prefixed(text, at) == plain, (text[max(0, at - 30) : at + 10], at)
            told["prefixed", plain] += 1
            m = places._MEETING_OF.search(text, max(0, at - 40), at)
            meeting = m is not None and m.group(1) in words[2] and m.group(2) in words[1]
            assert places.opens_with_meeting(text, at, words) == meeting, (text[max(0, at - 50) : at + 10], at)
            told["meeting", m is not None] += 1
            told["a meeting's", meeting] += 1
    assert min(told.values()) > 20, told


def _overlap_plain(words: list[str]) -> bool:
    """Whether two places of `words` can share a character: one word written at a character
    of another's (itself included, not at its first), the two agreeing where both are."""
    for word in words:
        for other in words:
            for at in range(len(word)):
                if at == 0 and other is word:
                    continue
                rest = word[at:]
                if rest.startswith(other) or other.startswith(rest):
                    return True
    return len(set(words)) < len(words)


def test_the_places_of_words_that_cannot_overlap_are_those_str_find_gives():
    """`places.occurrences` where no two places of the words can overlap (a leftmost scan, not
    the overlapping one) against `str.find` from the start and after each place, and
    `places.can_overlap` against a test of every pair at every character: for the bundled
    book's capitalised words in sets as its pass makes them (surnames that are towns, sites'
    first words) and random sets of short words over few letters (which overlap as often as not)
    on random texts of those letters."""
    names = sorted(set(re.findall(r"\b[A-Z][a-z]{3,}\b", BOOK)))
    sets = [names[k::97] for k in range(0, 97, 7)] + [["Ivanov", "Ivanovo"], ["Kirov", "Kirovsk", "Ber'a", "Beria"]]
    rng = random.Random(41)
    sets += [
        sorted({"".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(3)}) for _ in range(300)
    ]
    told = Counter()
    for words in sets:
        overlap = places.can_overlap(words)
        assert overlap == _overlap_plain(words), words
        told[overlap] += 1
        texts = [BOOK] if words[0][0].isupper() else ["".join(rng.choice("abc ") for _ in range(30)) for _ in range(20)]
        for text in texts:
            assert places.occurrences(words, text) == [found_by_find(w, text) for w in words], (words, text[:100])
    assert places.can_overlap(["Moscow", "Moscow"])
    assert min(told.values()) > 20, told


def _world_parts_plain(text: str) -> list:
    """`places.world_parts` as it was: each pattern of the two parts paired tried by `finditer`."""
    found = []
    for m in places._WORLD_PART.finditer(text):
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            found.append(m)
    for pattern in (places._WORLD_PAIR_FIRST, places._WORLD_PAIR_SECOND):
        for m in pattern.finditer(text):
            before = text[m.start() - 1] if m.start() else " "
            if not (before.isalnum() or before in "_-") and m.group(0).count("West") == 1:
                found.append(m)
    return found


def test_the_parts_of_the_world_paired_are_those_finditer_finds():
    """`places.world_parts` (the pairs' patterns tried where their opening words are written)
    against `finditer` of each pattern, on the bundled book and the corpus, and on random
    runs of "from", "between", "the", the parts, "and", capitals and what may stand before
    ("xfrom", "-the"), a pair inside another's words ("from Westhe West and East")."""
    pieces = ["from", "between", "the", "West", "East", "Continent", " ", " and ", "x", "-", "'", "s", " Prussia", "."]
    pieces += ["he West", "he East", "from West", "between East", " and East", " and West"]
    rng = random.Random(43)
    texts = [BOOK, *CORPUS, "from West and East", "between East and West Prussia", "from Westhe West and East"]
    texts += ["".join(rng.choice(pieces) for _ in range(12)) for _ in range(5000)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in _world_parts_plain(text)]
        assert [(m.span(), m.groups()) for m in places.world_parts(text)] == expected, text[:200]
        found += len(expected)
    assert found > 100


def test_the_compounds_of_a_name_and_its_side_or_dale_are_those_finditer_finds():
    """`textplaces.compounds` (the pattern tried at the capital before each word's ending in
    "side" or "dale") against `_COMPOUND.finditer`, on Burns's poems, the bundled book and
    the corpus, and on random runs of capitals, lower-case letters, the endings, a linking "s",
    hyphens, apostrophes and letters with accents ("Nithsdale", "Beside", "dales", "éside")."""
    pieces = ["N", "T", "ith", "eviot", "s", "side", "dale", "Be", "x", "é", "É", "-", "'", "’", " ", "\n", "_", "1"]
    rng = random.Random(47)
    texts = [BOOK, *CORPUS, "down Nithside, Teviotdale and Nithsdale; Beside dales", "Xside", "side", "aside"]
    texts += ["".join(rng.choice(pieces) for _ in range(10)) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in textplaces._COMPOUND.finditer(text)]
        assert [(m.span(), m.groups()) for m in textplaces.compounds(text)] == expected, text[:200]
        found += len(expected)
    assert found > 60


def test_the_sites_after_a_possessive_are_those_finditer_finds():
    """`places.possessed_sites` (the pattern tried four characters before the owner's word of
    each possessive a capital follows) against `_POSSESSED_SITE.finditer`, on the bundled
    book and the corpus, and on random runs of "the", owners' words with hyphens and
    apostrophes, possessives, capitalised words and sites' heads ("bathe Kremlin's Great
    Hall", "The Tsar's-Kremlin's Great Hall", "the O'Neill's Old Palace"); the possessives
    can overlap none of one another."""
    assert not places.can_overlap(list(places._POSSESSIVE_CAPITALS))
    pieces = ["the ", "The ", "ba", "Kremlin", "Tsar", "-", "'", "’", "'s ", "’s ", "Great ", "Old ", "Hall", "Palace"]
    pieces += ["x", " ", "é", "_", "1", "s", "the Kremlin's ", "The Tsar’s ", "Great Hall", "Old Palace"]
    rng = random.Random(53)
    texts = [
        BOOK,
        *CORPUS,
        "in the Kremlin's Great Hall",
        "bathe Kremlin's Old Great Palace",
        "The Tsar's-Kremlin's Great Hall",
    ]
    texts += ["the O'Neill's Old Palace", "The Ó’Neill’s Great Hall"]
    texts += ["".join(rng.choice(pieces) for _ in range(8)) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in places._POSSESSED_SITE.finditer(text)]
        assert [(m.span(), m.groups()) for m in places.possessed_sites(text)] == expected, text[:200]
        found += len(expected)
    assert found > 60
