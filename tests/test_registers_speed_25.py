"""The registers' reading of the indexes made faster (issue 14, round 4), with the same
answers: each shortcut against the plain form it stands for, on the bundled book (its
conversion, its indexes' headings, its text)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import ROOT, SAMPLE
from teikit.convert import convert_tree, default_passes
from teikit.enrich import headings, registers
from teikit.enrich.registers import PLACE_KINDS, SUBJECT_SITES
from teikit.pipeline import Pass
from teikit.profile import load_profile
from teikit.tei import q, text_of

PROFILE = load_profile(source=SAMPLE)


@pytest.fixture(scope="module")
def seen() -> dict:
    """What the bundled book's conversion kept: the answers of `classify_place` after the
    places' pass, the subject indexes' items with their sites after the persons' pass (and
    what `book_indexed_sites` read), and the tree with its index divisions then."""
    seen: dict = {}

    def after_persons(tei, ctx):
        seen["sites"] = ctx.view(SUBJECT_SITES, lambda tree: None)
        seen["indexed"] = registers.book_indexed_sites(ctx)
        seen["terms"] = registers.book_subject_terms(ctx)
        seen["divs"] = ctx.view(registers.INDEX_DIVS, registers.index_divs)
        seen["tei"] = tei
        return tei

    def after_places(tei, ctx):
        seen["answers"] = ctx.view(PLACE_KINDS, lambda tree: None)
        return tei

    passes = default_passes().add(Pass("after-persons", after_persons, changes_tree=False), after="persons")
    passes = passes.add(Pass("after-places", after_places, changes_tree=False), after="places")
    convert_tree(SAMPLE, passes=passes)
    return seen


def test_the_places_classified_in_a_conversion_are_as_asked_afresh(seen):
    answers = seen["answers"]
    assert answers is not None and len(answers) > 1000  # kept from the organisations' pass on
    for name, answer in answers.items():
        assert answer == registers.classify_place(name, PROFILE), name  # no conversion's: asked afresh
    assert answers["Donbass"] == ("region", None)  # the book's profile knows it


def test_another_profile_is_answered_afresh_inside_a_conversions_answers():
    default = load_profile()
    plain = registers.classify_place("Donbass", default)
    assert plain != registers.classify_place("Donbass", PROFILE)
    answers: dict = {}
    with registers.classifying(PROFILE, answers):
        assert registers.classify_place("Donbass", PROFILE) == ("region", None)
        assert registers.classify_place("Donbass", default) == plain
        # a name of a pack's head ("oblast") for the book's profile, of none for the default one
        assert registers.classify_place("Moscow oblast", PROFILE) == ("region", None)
        assert registers.classify_place("Moscow oblast", default) is None
    assert set(answers) == {"Donbass", "Moscow oblast"}


def test_the_sites_kept_for_the_subject_index_are_those_each_item_lists(seen):
    sites = seen["sites"]
    items = [item for items in seen["terms"] for item, _ in items]
    plain = {item: registers._sites(item) for item in items}
    assert sites == {item: found for item, found in plain.items() if found}
    assert len(sites) == 1  # "Moscow: buildings and locations: Bolshoi Theatre ..."
    assert seen["indexed"] == registers.indexed_sites(seen["divs"])
    assert len(seen["indexed"]) > 20

    def seeded_places(**given):
        places = registers.Places(registers.Register("place"))
        topics = registers.seed_places(places, seen["tei"], PROFILE, set(), None, seen["divs"], **given)
        return sorted(topics), etree.tostring(places.reg.root)

    assert seeded_places(terms=seen["terms"], sites=sites) == seeded_places()


def _in_capitals_plainly(term: str) -> bool:
    head = term.split(",")[0]
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _headings() -> list[str]:
    """Every index heading of the bundled book as written, and each line of its text (up
    to a comma, as a heading is read), in capitals or not, with letters beyond ASCII."""
    text = SAMPLE.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [*lines, *(line.upper() for line in lines[:3000]), "ÉCOLE, L'", "ÉCOLe", "Ab", "A", "AB", "A.B.", "N K V D"]


def test_a_heading_in_capitals_is_found_as_by_reading_each_letter():
    terms = _headings()
    assert sum(map(_in_capitals_plainly, terms)) > 3000
    assert [headings.in_capitals(t) for t in terms] == [_in_capitals_plainly(t) for t in terms]


def _heading_parts_plainly(written: str) -> tuple[str, str | None, list[str]]:
    term = " ".join(written.split()).strip(" ,;")
    kind = None
    m = registers._PLACE_QUALIFIER.search(term)
    if m:
        term, kind = term[: m.start()], registers._TYPE_OF_QUALIFIER[m.group("q").lower()]
    aliases = [a for a in re.findall(r"\(([A-Z][^)]*)\)", term) if len(a.split()) <= 2]
    return re.sub(r"\s*\([^)]*\)", "", term).strip(), kind, aliases


def test_a_headings_parts_are_read_as_by_trying_each_pattern(seen):
    written = [term for items in seen["terms"] for _, term in items]
    written += [item.findtext(q("term")) or "" for div in seen["divs"][0] for item in div.iter(q("item"))]
    written += _headings()
    assert sum("(" in w for w in written) > 50
    assert any(registers._heading_parts(w)[1] for w in written)  # "(river)": a type
    assert [registers._heading_parts(w) for w in written] == [_heading_parts_plainly(w) for w in written]


def test_a_place_is_found_by_the_names_read_once_as_by_those_read_again(seen):
    class ReadAgain(registers.Places):
        def _learn(self, place, names=None) -> None:
            super()._learn(place)  # its names read from the entry at each turn

    def seeded(kind) -> tuple:
        places = kind(registers.Register("place"))
        registers.seed_places(places, seen["tei"], PROFILE, set(), None, seen["divs"])
        for place in list(places.reg.entries.values()):  # each found again, by each of its names
            for name in registers.place_names(place):
                places.add(name, None, None, "named in the text")
        ident = "{http://www.w3.org/XML/1998/namespace}id"
        return (
            {name: place.get(ident) for name, place in places.by_name.items()},
            {geo: place.get(ident) for geo, place in places.by_geo.items()},
            etree.tostring(places.reg.root),
        )

    once, again = seeded(registers.Places), seeded(ReadAgain)
    assert once == again
    assert len(once[0]) > len(re.findall(rb"<place ", once[2])) > 150  # some entries have two names


def _person_names_plainly(person) -> list[dict]:
    return [
        {
            "surname": " ".join(text_of(s) for s in pn.iterchildren("{*}surname")),
            "given": [text_of(f) for f in pn.iterchildren("{*}forename")],
            "full": " ".join(text_of(pn).split()),
        }
        for pn in person.iter(q("persName"))
    ]


def test_a_persons_names_are_read_as_by_walking_their_text():
    persons = list(etree.parse(str(ROOT / "tei" / "iron-lazar" / "persons.xml")).iter(q("person")))
    # an editor's entry: a comment and a note inside the name, an alias of two surnames
    persons.append(
        etree.fromstring(
            '<person xmlns="http://www.tei-c.org/ns/1.0"><persName><forename>Lazar</forename> '
            "<!-- checked -->\n <surname>Kaganovich</surname> <note>b. 1893</note></persName>"
            "<persName><surname>Kogan</surname> <surname>Kaganovich</surname></persName></person>"
        )
    )
    assert len(persons) > 600
    assert [registers.person_names(p) for p in persons] == [_person_names_plainly(p) for p in persons]
    assert registers.person_names(persons[-1])[0]["full"] == "Lazar Kaganovich b. 1893"


def test_a_persons_key_is_the_key_of_the_heading_of_their_first_name(seen):
    persons = list(etree.parse(str(ROOT / "tei" / "iron-lazar" / "persons.xml")).iter(q("person")))

    def key_plainly(person) -> str:
        names = _person_names_plainly(person)
        if not names:
            return ""
        h = headings.Heading(names[0]["surname"] or names[0]["full"], names[0]["given"])
        return f"{h.surname}, {h.initials}".strip(", ")

    assert [registers.person_key(p) for p in persons] == [key_plainly(p) for p in persons]
    parsed = [h for div in seen["divs"][0] for item in div.iter(q("term")) if (h := headings.parse(text_of(item)))]
    assert len(parsed) > 400
    assert [h.key for h in parsed] == [f"{h.surname}, {h.initials}".strip(", ") for h in parsed]


@pytest.mark.parametrize("earlier", [False, True])
def test_the_names_of_places_read_once_in_the_places_pass_are_as_read_again(monkeypatch, earlier):
    real = registers.place_names
    kept: list[bool] = []

    def checked(place) -> list[str]:
        names = real(place)
        kept.append(registers._NAMES_READ.get() is not None)
        assert names == registers._names_of(place), names  # read from the entry as it is now
        return names

    monkeypatch.setattr(registers, "place_names", checked)
    convert_tree(SAMPLE, registers_from=ROOT / "tei" / "iron-lazar" if earlier else None)
    assert sum(kept) > 2000  # the places' pass, the seeding with it
