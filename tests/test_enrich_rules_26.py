"""Persons' and places' marks in books without a name index (issue 18, precision first), on
sentences of the development corpus's books read mark by mark: a saint named with a byname
("Saint Teresa of Avila", "St. John of God" in James's *Varieties*) is one name, no place
marked inside it; a place's name made longer by a capitalised word before it ("Lower Silesia",
"Northern France" in Keynes's *Economic Consequences*, "the trim New England landscape" in
Wells's *Mr. Polly*) is marked whole where the gazetteer or the book knows it whole, else not
at all ("the West India Islands" of the *Federalist*: no India); a sea named by its adjective
after "the" ("in the Adriatic."), and the two halves of the world ("the Old World", "the New
World"), are places."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from conftest import NS
from corpus_marks import converted_books, marked_texts
from teikit.enrich import dates, places

JAMES = "james-varieties-of-religious-experience"
KEYNES = "keynes-economic-consequences"
WELLS = "wells-mr-polly"
FEDERALIST = "federalist-papers-1998"


def _characters(el, tag: str, inside: int, chars: list[tuple[str, int]], marks: list[str]) -> None:
    """Each character of `el` (its notes aside) with the index in `marks` of the `tag` mark
    holding it (-1: none), the marks' texts added to `marks` as met."""
    chars.extend((c, inside) for c in el.text or "")
    for child in el:
        if etree.QName(child).localname != "note":
            held = inside
            if etree.QName(child).localname == tag:
                marks.append(" ".join("".join(child.itertext()).split()))
                held = len(marks) - 1
            _characters(child, tag, held, chars, marks)
        chars.extend((c, inside) for c in child.tail or "")


def marked_within(folder, said: str, tag: str = "placeName") -> list[str]:
    """The texts of the `tag` marks that lie inside the words `said` (spaces normalised), in the
    first paragraph or note of the book that writes them (a note set inside a paragraph read
    apart from it): `marked_texts` gives a whole paragraph's."""
    for f in sorted(folder.glob("*.xml")):
        if f.name in ("persons.xml", "places.xml", "orgs.xml"):
            continue
        for block in etree.parse(str(f)).iter(f"{{{NS['t']}}}p", f"{{{NS['t']}}}note"):
            chars: list[tuple[str, int]] = []
            marks: list[str] = []
            _characters(block, tag, -1, chars, marks)
            text = "".join(c for c, _ in chars)
            starts = [m.start() for m in re.finditer(r"\S+", text)]
            words = text.split()
            at = " ".join(words).find(said)
            if at < 0:
                continue
            first = " ".join(words)[:at].count(" ")  # the words of `said`, back in the block's positions
            held = {
                chars[starts[i] + j][1] for i in range(first, first + said.count(" ") + 1) for j in range(len(words[i]))
            }
            return [marks[i] for i in sorted(held - {-1})]
    raise AssertionError(f"no paragraph writes {said!r}")


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules26")


@pytest.mark.parametrize(
    ("said", "saint"),
    [
        ("in Saint Teresa of Avila just as in any Moravian brother", "Saint Teresa of Avila"),
        ("Saint Francis of Assisi as an hereditary degenerate", "Saint Francis of Assisi"),
        ("Of Saint Catharine of Genoa it is said", "Saint Catharine of Genoa"),
        ("Xavier, St. John of God, and others are said to have cleansed", "St. John of God"),
        ("Like Saint Philip of Neri in former times", "Saint Philip of Neri"),
        ("Saint Anthony of Padua to Christ’s childhood", "Saint Anthony of Padua"),
        ("the case of Saint Louis of Gonzaga serve as a type", "Saint Louis of Gonzaga"),
        ("Saint John of the Cross, a Spanish mystic who flourished", "Saint John of the Cross"),
    ],
)
def test_a_saint_named_with_a_byname_is_one_name_with_no_place_inside(edition, said, saint):
    """James names nine saints by their title, name and byname: "Saint Teresa" was marked and
    "Avila" (Genoa, Padua; Neri as Nyeri, a town of Kenya) a place apart, "God" of "St. John of
    God" a person; one name now, as "Saint John of the Cross" was, and no place inside."""
    james = edition(JAMES)
    assert saint in marked_texts(james, said)
    assert saint.rsplit(" ", 1)[-1] not in marked_texts(james, said, "placeName")


def test_a_saint_without_a_byname_stays_as_he_was(edition):
    """The byname needs the title, "of" and a capitalised name that ends it: a name without its
    title ("Francis of Assisi") and a saint with a second name ("Saint Francis Xavier") are
    marked as before."""
    james = edition(JAMES)
    assert "Francis" in marked_texts(james, "Francis of Assisi kisses his lepers")
    said = "Like Saint Philip of Neri in former times, or like Saint Francis Xavier"
    assert {"Saint Philip of Neri", "Saint Francis Xavier"} <= set(marked_texts(james, said))


def test_a_region_named_by_a_compass_word_before_a_known_place_is_marked_whole(edition):
    """Keynes: "Lower Silesia", "Northern France", "Western Galicia" were marked "Silesia",
    "France", "Galicia"; whole now (the gazetteer knows Upper Silesia, and a point of the compass
    before a country or region the book names, written as a noun once at least, is a region's
    name). "Eastern Germany", written only before "depend", no longer marks Germany."""
    keynes = edition(KEYNES)
    said = "the Oder traverses Lower Silesia; and the Niemen now bounds the frontier"
    assert marked_within(keynes, said) == ["Oder", "Lower Silesia", "Niemen"]
    assert marked_within(keynes, "the countryside of Northern France would never") == ["Northern France"]
    assert marked_within(keynes, "deposits of Western Galicia which") == ["Western Galicia"]
    assert marked_within(keynes, "the industries of Eastern Germany depend") == []


def test_a_qualified_place_the_book_does_not_know_whole_is_not_marked_in_part(edition):
    """ "the trim New England landscape ... like the New England mind" marked England twice: New
    England is a region of the gazetteer now, marked whole; "the West India Islands" (the
    Federalist) and "Tales of Old Japan" (Wells) marked India and Japan, parts of longer names
    that no one knows whole: unmarked."""
    wells = edition(WELLS)
    said = "the trim New England landscape, a little bleak and rather fine like the New England mind"
    assert marked_within(wells, said) == ["New England", "New England"]
    assert marked_within(wells, "Mitford's Tales of Old Japan, and") == []
    federalist = edition(FEDERALIST)
    assert marked_within(federalist, "vicinity of the West India Islands, belonging") == []


def test_a_sea_by_its_adjective_and_the_halves_of_the_world_are_places(edition):
    """ "by Austrian submarines in the Adriatic." and "the dangers of the Mediterranean;" named
    the seas unmarked; "the Old World", "the New World" the halves of the world. The adjective
    before a noun stays unmarked ("the Atlantic coast is the longest side of the Union")."""
    keynes = edition(KEYNES)
    assert marked_within(keynes, "or by Austrian submarines in the Adriatic.") == ["Adriatic"]
    assert marked_within(keynes, "The Old World employed with an immense prudence") == ["Old World"]
    said = "the need for European capitalism to find an outlet in the New World has led"
    assert marked_within(keynes, said) == ["New World"]
    federalist = edition(FEDERALIST)
    assert marked_within(federalist, "the Atlantic coast is the longest side of the Union") == []


def test_qualified_reads_the_word_right_before_a_name():
    text = "the New England mind; Near Wimbledon; ANew England; the Lower-Silesia; Old  Japan"
    at = text.index
    assert places.qualified(text, at("England mind"))
    assert not places.qualified(text, at("Wimbledon"))
    assert not places.qualified(text, at("England;"))
    assert not places.qualified(text, at("Silesia"))
    assert not places.qualified(text, at("Japan"))  # two spaces: no word right before the name


def test_a_part_of_a_century_is_one_date_from_the_parts_word():
    """Keynes: "since the middle of the nineteenth century" was marked "the nineteenth century"
    (1801-1900); the part is the date, as "the end of the 1930s" is a decade's."""
    text = "during the middle of the nineteenth century, when; at the end of the 18th century"
    found = [(text[a:b], value) for a, b, value in dates.find_dates(text)]
    assert found == [
        ("middle of the nineteenth century", {"notBefore": "1834", "notAfter": "1866"}),
        ("end of the 18th century", {"notBefore": "1767", "notAfter": "1800"}),
    ]
    text = "the first days of the nineteenth century"  # no measure of a century's days here
    assert [(text[a:b]) for a, b, _ in dates.find_dates(text)] == ["the nineteenth century"]


def test_a_range_named_by_its_land_is_one_place(edition):
    """ "in distant days in the Alps of Dauphiné" marked the Alps and Dauphiné apart: one name,
    the range's part in that land (the Alps a range of the gazetteer's list, Dauphiné a region
    the book names)."""
    james = edition(JAMES)
    assert marked_within(james, "distant days in the Alps of Dauphiné, I was impelled to kneel") == ["Alps of Dauphiné"]
    text = "the Alps of Dauphiné, the Alps of Savoy Proper, the Alps of Provence"  # Provence: no place found
    assert places.ranges_of(text, {"Dauphiné": object(), "Savoy": object()}) == ["Alps of Dauphiné"]
