"""The places' pass made faster (issue 14, round 3), with the same answers: each shortcut
against the plain form it stands for, on the bundled book's text and the books of the
shared corpus (a shortcut that found one town more or less would change the edition)."""

from __future__ import annotations

import re

from lxml import etree

from conftest import ROOT, SAMPLE, SHARED
from teikit.enrich import gazetteer, places, registers
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
BOOKS = sorted((SHARED / "corpus" / "books").glob("*.txt"))
PERSONS = etree.parse(str(ROOT / "tei" / "iron-lazar" / "persons.xml"))
TEI = "{http://www.tei-c.org/ns/1.0}"
NS_XML = "http://www.w3.org/XML/1998/namespace"
SURNAMES = {el.text for el in PERSONS.iter(f"{TEI}surname") if el.text}
FORENAMES = {el.text for el in PERSONS.iter(f"{TEI}forename") if el.text}


def _a_town(name: str) -> bool:
    return (geo := gazetteer.lookup_romanised(name)) is not None and geo.type in ("city", "country")


def _among_towns_plainly(text: str, start: int, end: int, persons) -> bool:
    """`places._among_towns` read through at each call, in one piece."""
    near = [
        n.group(1)
        for n in (places._NEXT_ITEM.match(text, end), places._PREVIOUS_ITEM.search(text, max(0, start - 40), start))
        if n
    ]
    if not near or any(n in persons for n in near) or not any(_a_town(n) for n in near):
        return False
    reach = places._LIST_REACH
    for m in places._COORDINATED.finditer(text, max(0, start - reach), min(len(text), end + reach)):
        if m.start() > start:
            return False
        if m.end() < end:
            continue
        others = []
        for n in places._COORDINATED_NAME.finditer(m.group(0)):
            if m.start() + n.start() != start:
                name = n.group(0)
                if n.start() == 0 and " " in name and gazetteer.lookup_romanised(name) is None:
                    name = name.split(" ")[1]
                others.append(name)
        return len(others) >= 2 and all(name not in persons and _a_town(name) for name in others)
    return False


def _listed_plainly(text: str, surnames) -> list[str]:
    """`places._listed_among_towns` by `str.find`, name by name, nothing kept."""
    listed = []
    for name in places._renamed_cities(frozenset(surnames)):
        end = 0
        at = text.find(name)
        while at >= 0:
            if at >= end:
                end = at + len(name)
                if (
                    (at == 0 or not places._word_char(text[at - 1]))
                    and (end == len(text) or not places._word_char(text[end]))
                    and (text.startswith((", ", " and ", " or "), end) or text.endswith((", ", "and ", "or "), 0, at))
                    and _among_towns_plainly(text, at, end, surnames)
                ):
                    listed.append(name)
                    break
            at = text.find(name, at + 1)
    return listed


def test_the_towns_listed_from_what_is_kept_of_the_text_are_those_read_anew_for_each_persons():
    """`places._listed_among_towns`, whose readings of the text are kept for it (`_TownLists`:
    the persons' pass asks it with the surnames, the places' pass with all the persons'
    names), against the plain form read anew each time: the bundled book asked in turn with
    its persons' surnames, all their names, the surnames without those of the forenames and
    the surnames again; each corpus book with its own capitalised words (every third, then
    all of them) and the bundled book's names; and lists written to test the persons' check
    on either side of a name and inside its list."""
    edges = (
        "They visited Voronezh, Kursk, Saratov, Kuibyshev, Rostov and Krasnodar. Stalin, Molotov, "
        "Kuibyshev and Kaganovich met. From Kalinin, Tula and Kolomna; to Tula, Kalinin or Ryazan. "
        "Kirov, Gorky and Kalinin. Visiting Kalinin, Tula, Kolomna and Gorky."
    )
    lazar_sets = [SURNAMES, SURNAMES | FORENAMES, SURNAMES - FORENAMES, SURNAMES]
    listed = 0
    for text in [BOOK, edges, *(path.read_bytes().decode("utf-8", "replace") for path in BOOKS)]:
        capitalised = sorted(set(re.findall(r"\b[A-Z][a-z]+\b", text)))
        asked = [*lazar_sets, set(capitalised[::3]), set(capitalised), {"Tula", "Kalinin"}]
        for surnames in asked:
            expected = _listed_plainly(text, surnames)
            assert list(places._listed_among_towns(text, surnames)) == expected, (text[:60], sorted(surnames)[:9])
            listed += len(expected)
        # the same text asked in the other order: what was kept for one set answers another
        for surnames in reversed(asked):
            assert list(places._listed_among_towns(text, surnames)) == _listed_plainly(text, surnames)
    assert listed >= 10


def test_a_town_named_after_a_person_is_found_alike_by_the_two_passes_that_ask():
    """`places.towns_named_after_persons` asked as the persons' pass asks it (the surnames),
    then as the places' pass does (all the persons' names), of one text: the bundled book's
    two towns each time, as read anew."""
    named = places.named_as_towns(BOOK)
    first = places.towns_named_after_persons(BOOK, SURNAMES, named)
    second = places.towns_named_after_persons(BOOK, SURNAMES | FORENAMES, named)
    fresh = places.towns_named_after_persons("".join([BOOK[:1], BOOK[1:]]), SURNAMES | FORENAMES, named)
    assert sorted(first) == sorted(second) == sorted(fresh) == ["Kalinin", "Kuibyshev"]


def test_the_names_written_as_towns_found_in_one_scan_are_those_each_kind_s_own_scan_finds():
    """`places.named_as_towns` (the words before or after each name found in one scan of
    the text, every place of each) against each kind sought apart, as before
    (`_named_as_towns_word_by_word`: "city of " and "town of " by `str.find`, the units' and
    the sites' words each by a scan of their own), on the bundled book, the corpus, and
    words written into each other ("oblastown of", "the station at Oblast region")."""
    edges = (
        "the city of Kuibyshev; Kuibyshev province, Gorky oblast and Kalinin region; the works at Kalinin, "
        "the plant in Gorky's suburbs, the camp near Tula Station; oblastown of Kazan; the station at "
        "Oblast region, city of town of Tver; Kirov provinceregion Perm oblast\n\nmines at Donetsk"
    )
    assert not places._town_naming_words_overlap()  # the one scan is the one in use
    lists = places.book_word_lists(registers.Register("place"), load_profile())
    found = 0
    for text in [BOOK, edges, *(path.read_bytes().decode("utf-8", "replace") for path in BOOKS), ""]:
        expected = places._named_as_towns_word_by_word(text)
        assert places.named_as_towns(text) == expected, text[:60]
        # the places' pass asks it where the persons' pass did not: its words are in the book's scan
        with places.scanning(text, lists):
            assert places.named_as_towns(text) == expected, text[:60]
        found += len(expected)
    assert found >= 100


def _close_spellings_plainly(places_, capitalised, text, not_names):
    """`places.close_spellings` with every capitalised word of the book sorted and looked at."""
    wanted: dict = {}
    for place in places_.reg.entries.values():
        if registers.provenance(place) != registers.FROM_INDEX or registers.rejected(place):
            continue
        for name in registers.place_names(place):
            for word in set(name.split()):
                if len(word) >= places._CLOSE_LETTERS and word.isalpha() and word[0].isupper():
                    wanted.setdefault((word[:2], word[-2:]), []).append((word, name, place))
    for word in sorted(capitalised):
        near = wanted.get((word[:2], word[-2:]))
        if near is None or len(word) < places._CLOSE_LETTERS or word in not_names or places_.find(word) is not None:
            continue
        hits = {(name, known): place for known, name, place in near if places._one_letter_apart(known, word)}
        if len({id(place) for place in hits.values()}) != 1 or gazetteer.lookup_named(word, everything=True):
            continue
        for (name, known), place in sorted(hits.items(), key=lambda kv: kv[0]):
            form = " ".join(word if w == known else w for w in name.split())
            if places_.find(form) is None and (form == word or form in text):
                yield form, name, place


def test_the_close_spellings_found_among_the_words_sharing_letters_are_those_of_every_word():
    """`places.close_spellings` (only the book's capitalised words that open and end with
    two letters of an index heading's word sorted and looked at) against every capitalised
    word sorted and looked at, with the bundled book's place register: on the book's words,
    and on the index's names each with one letter changed inside (misprints it must find)."""
    tree = etree.parse(str(ROOT / "tei" / "iron-lazar" / "places.xml"))
    found = 0
    for text in (BOOK, *(path.read_bytes().decode("utf-8", "replace")[:200_000] for path in BOOKS[:3])):
        register = registers.Places(registers.Register("place", etree.fromstring(etree.tostring(tree.getroot()))))
        names = [n for p in register.reg.entries.values() for n in registers.place_names(p)]
        misprints = [
            " ".join(w[:3] + ("x" if w[3] != "x" else "y") + w[4:] if len(w) >= 7 else w for w in name.split())
            for name in names[::3]
        ]
        text = text + "\n\n" + ", ".join(misprints)
        capitalised = set(re.findall(r"\b[A-Z][\w'’-]+", text))
        for not_names in (SURNAMES, set()):
            expected = list(_close_spellings_plainly(register, capitalised, text, not_names))
            assert list(places.close_spellings(register, capitalised, text, not_names)) == expected
            found += len(expected)
    assert found >= 10


def test_each_place_marked_is_referred_to_by_its_own_id(sample_docs):
    """The places' pass reads each place's id once (`_apply`'s `find`: ids are given as
    entries are made, never changed): every place marked in the converted edition refers to
    an entry of the register, and to the one its text names: a name of it, or a word of one,
    the letters folded (an alias the text writes, "Piter" for Petrograd, aside: a few)."""
    places_doc = sample_docs["places.xml"]
    names = {
        place.get(f"{{{NS_XML}}}id"): {gazetteer.fold(" ".join(n.text.split())) for n in place.iter(f"{TEI}placeName")}
        for place in places_doc.iter(f"{TEI}place")
    }
    marks = [
        (el.get("ref").partition("#")[2], "".join(el.itertext()))
        for name, doc in sample_docs.items()
        if name not in ("places.xml", "persons.xml", "orgs.xml")
        for el in doc.iter(f"{TEI}placeName")
    ]
    assert len(marks) > 1500 and len({ident for ident, _ in marks}) > 150
    assert all(ident in names for ident, _ in marks)
    named = sum(
        gazetteer.fold(text) in names[ident] or any(gazetteer.fold(text) in name.split() for name in names[ident])
        for ident, text in marks
    )
    assert named >= 0.95 * len(marks), (named, len(marks))
