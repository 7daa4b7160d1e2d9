"""Places named the way English writes them around a name (teikit.enrich.places), on small
texts converted with and without the russian pack: after a lower-case prefix and a hyphen
("post-Soviet Russia"), with "-side" after a town ("the Vyborg-side"), an index's heading
listed with places ("went to Leningrad, Orenburg, Bashkirya, and Tatary"), a river after a
part of it ("a crossing of the Don"), a town's short name and a word after "in" ("in Nizhnyi
Val"), "city" beside a province ("Moscow city and province"), and the pack's Moscow streets."""

from __future__ import annotations

import pytest

from conftest import convert_with_packs, marks_in
from teikit.enrich import gazetteer, registers
from teikit.enrich.places import coordinated, places_in_towns, rivers_by_their_parts, sides

_BOOK = "A Book\n\nChapter 1\n\n{}\n"


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_a_name_after_a_lower_case_prefix_and_a_hyphen_is_the_name_after_the_adjective(tmp_path, include):
    """ "In the post-Soviet Russia": Russia, "Soviet" the second half of "post-Soviet" (the
    russian pack's "Soviet Russia" is not matched across the hyphen); "Soviet Russia" written
    alone is one place, with the pack or without (gazetteer.toml); "anti-Moscow" is an
    adjective, no mention of Moscow; a name before the hyphen still splits ("the
    Moscow-Leningrad line": two places)."""
    text = _BOOK.format(
        "He was born in Russia and moved from Moscow to Leningrad. In the post-Soviet Russia, he was called a "
        "villain. He lived in Soviet Russia for years. The anti-Moscow faction met in Kiev. The Moscow-Leningrad "
        "line was busy."
    )
    marks = marks_in(convert_with_packs(tmp_path, text, include), "placeName")
    assert marks == ["Russia", "Moscow", "Leningrad", "Russia", "Soviet Russia", "Kiev", "Moscow", "Leningrad"]


def test_soviet_russia_is_a_former_state_of_the_gazetteer():
    geo = gazetteer.lookup("Soviet Russia", everything=True)
    assert geo is not None and geo.type == "country"


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_a_town_or_a_river_and_side_names_one_district(tmp_path, include):
    """ "the Vyborg-side working class district" (Vyborg a town of the gazetteer), "Thames-side"
    (a river): one place each; not "the Smith-side of the argument" (Smith is a village's name
    too, of a few hundred people)."""
    text = _BOOK.format(
        "He spoke in the Vyborg-side working class district. Dockers came from Thames-side to the Thames. "
        "The Smith-side of the argument won."
    )
    marks = marks_in(convert_with_packs(tmp_path, text, include), "placeName")
    assert marks == ["Vyborg-side", "Thames-side", "Thames"]


def test_sides_are_sought_once_and_not_of_a_persons_name():
    """ "the Kirov-side": no place where the text names a person Kirov (a town's name too)."""
    places = registers.Places(registers.Register("place"))
    text = "the Vyborg-side; the Vyborg-side again; the Kirov-side; Jones-side"
    assert sides(text, places, {"Kirov"}) == ["Vyborg-side"]


def test_an_index_heading_listed_with_places_is_a_place_of_the_kind_before_it():
    """ "Zhdanov went to Leningrad, Orenburg, Bashkirya, and Tatary": Tatary, a heading of the
    index no gazetteer knows, listed after places of the register, is a region as Bashkirya
    before it is; after two places too ("seized Simbirsk, Samara and Izhev", the bundled
    book's Izhev, a heading, a town as Samara is); not with a name of another kind in the
    list (a person's), nor two headings in one list, nor a heading opening the list."""
    places = registers.Places(registers.Register("place"))
    for name, kind in (("Leningrad", "city"), ("Orenburg", "city"), ("Bashkirya", "region"), ("Kiev", "city")):
        places.add(name, kind, None, "test")
    headings = {"Tatary", "Polese", "Gosplan", "Komi"}
    persons = {"Zhdanov", "Smith"} | headings
    said = [
        ("Zhdanov went to Leningrad, Orenburg, Bashkirya, and Tatary.", [("Tatary", None, "region")]),
        ("He went to Leningrad, Orenburg and Tatary.", [("Tatary", None, "city")]),
        ("He went to Leningrad, Orenburg, Smith and Tatary.", []),
        ("He went to Leningrad, Orenburg, Kiev, Polese and Tatary.", []),
        ("He went to Gosplan, Leningrad, Orenburg and Kiev.", []),
    ]
    for text, expected in said:
        assert list(coordinated(text, places, persons, set(), headings)) == expected, text
    for name in ("Simbirsk", "Samara", "Kazan"):
        places.add(name, "city", None, "test")
    text = (
        "The Czechoslovak Legion, which supported the Socialist Revolutionary Komuch government, seized Simbirsk, "
        "Samara and Izhev and took Kazan on 6 July."
    )
    assert list(coordinated(text, places, persons | {"Izhev"}, set(), headings | {"Izhev"})) == [
        ("Izhev", None, "city")
    ]


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_a_name_after_a_part_of_a_river_is_a_river(tmp_path, include):
    """ "a crossing of the Don" (no gazetteer holds Don, a forename and a word too), "the banks
    of the Dnieper", "the mouth of the Neva": rivers, and the Don wherever written since; not
    "the banks of the Moskva River" cut short (one name, its head capitalised)."""
    text = _BOOK.format(
        "The army forced a crossing of the Don in spring. They camped on the banks of the Dnieper "
        "and at the mouth of the Neva. The Don froze."
    )
    marks = marks_in(convert_with_packs(tmp_path, text, include), "placeName")
    assert marks == ["Don", "Dnieper", "Neva", "Don"]


def test_rivers_are_sought_after_their_parts_once_and_not_a_persons_name():
    places = registers.Places(registers.Register("place"))
    places.add("Volga", "river", None, "test")
    text = (
        "the banks of the Don; the mouth of the Don; the source of the Volga; the delta of the Kirov; "
        "the banks of the Moskva River; the banks of Ayr"
    )
    assert rivers_by_their_parts(text, places, {"Kirov"}) == ["Don"]


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_a_towns_short_name_and_a_capitalised_word_after_in_name_a_place_in_it(tmp_path, include):
    """ "a dosshouse in Nizhny Val", Nizhny the text's short name of Nizhny Novgorod: one place
    (a street), with the russian pack (whose "Val" makes it a street) or without; not "in
    Nizhny Smith spoke" (a person's name after it)."""
    text = _BOOK.format(
        "He was born in Nizhny Novgorod in 1890. In Nizhny the workers struck, and from Nizhny he went to "
        "Kazan. Later they stayed in a dosshouse in Nizhny Val with Ivan Smith. In Nizhny Smith spoke."
    )
    marks = marks_in(convert_with_packs(tmp_path, text, include), "placeName")
    assert marks == ["Nizhny Novgorod", "Nizhny", "Nizhny", "Kazan", "Nizhny Val"]


def test_places_in_towns_are_named_after_a_locative_only_by_a_word_no_person_writes_in_lower_case():
    text = (
        "in Nizhnyi Val; on Nizhnyi Val; to Nizhnyi Kreml; in Nizhnyi Party circles; at Nizhnyi Kaganovich; "
        "in Nizhnyi Times; at Nizhnyi Kreml; in Moscow Kreml; in Nizhnyi Novgorod"
    )
    found = places_in_towns(text, {"Nizhnyi"}, {"Nizhnyi Novgorod"}, {"Kaganovich"}, {"party"})
    assert found == ["Nizhnyi Val", "Nizhnyi Kreml"]


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_a_city_and_city_in_lower_case_after_it_is_one_name_of_the_city(tmp_path, include):
    """ "Moscow city and province accounted for a fifth", "Moscow city leaders": "Moscow
    city", one name of Moscow (the dev samples' convention, iron-lazar-dev10); "the Moscow
    city and province party committees" names Moscow (a body's words after the province);
    not "the Moscow city party committee" (a body's name: no place)."""
    text = _BOOK.format(
        "He lived in Moscow. By 1939 Moscow city and province accounted for a fifth of all industry. "
        "The Moscow city party committee met. He addressed the Moscow city and province party committees. "
        "He wrote that Moscow city leaders worried."
    )
    out = convert_with_packs(tmp_path, text, include)
    assert marks_in(out, "placeName") == ["Moscow", "Moscow city", "Moscow", "Moscow city"]
    assert "Moscow city party committee" in marks_in(out, "orgName")


def test_the_russian_pack_knows_moscows_old_streets_named_alone(tmp_path):
    """ "we would go by foot to the Kremlin via Ilinka", "moved to Vozdvizhenka": streets of
    Moscow the russian pack knows (English books name them alone, without "ulitsa"); a book
    without the pack has no word of them."""
    text = _BOOK.format(
        "Then we would go by foot to the Kremlin via Ilinka. Later the offices moved to Vozdvizhenka. "
        "He lived on the Arbat."
    )
    with_pack = convert_with_packs(tmp_path, text, ["russian"], name="with")
    assert marks_in(with_pack, "placeName") == ["Kremlin", "Ilinka", "Vozdvizhenka", "Arbat"]
    assert marks_in(convert_with_packs(tmp_path, text, None, name="without"), "placeName") == ["Kremlin"]


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_a_rivers_bank_capitalised_is_a_region(tmp_path, include):
    """ "the agricultural provinces of the Right Bank" (the bundled book, ch. 4: Ukraine west
    of the Dnieper): a region of the gazetteer's list, as the Left Bank is; "the left bank of
    the Dnieper", in lower case, a river's bank."""
    text = _BOOK.format(
        "The dominance of the industrial centres was challenged by the agricultural provinces of the Right Bank. They camped on the "
        "left bank of the Dnieper."
    )
    marks = marks_in(convert_with_packs(tmp_path, text, include), "placeName")
    assert marks == ["Right Bank", "Dnieper"]


@pytest.mark.parametrize("include", [None, ["russian"]])
def test_west_and_east_paired_after_from_are_two_parts_of_the_world(tmp_path, include):
    """ "they would have faced war and intervention from West and East" (the bundled book, ch.
    6): the two parts of the world, as "the West" is, without "the"; not before a
    capitalised word ("between East and West Prussia": the provinces' names, West Prussia
    one region's, the point of the compass and a country the book names)."""
    text = _BOOK.format(
        "Without industrialization, they would have faced war and intervention from West and East. The war "
        "between East and West Prussia ended."
    )
    marks = marks_in(convert_with_packs(tmp_path, text, include), "placeName")
    assert marks == ["West", "East", "West Prussia"]
