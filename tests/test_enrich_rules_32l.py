"""Places in a book without an index, round 13 (issue 18): a person's context before the gazetteer.

- a name the gazetteer knows as a country is no place where the book introduces it as a man,
  a person's noun with "of" in apposition after a comma ("one in Asia, where Niger, head of
  the Asiatic army, had caused himself to be proclaimed emperor": The Prince's Niger, whom
  the book then has Severus "attack" and "kill"), though it names him elsewhere with no cue;
  a country so written nowhere stays one;
- a word that opens places' names (`[places] first_words`: "Val", "Monte"), an Italian
  particle of "of" (`[places] first_word_links`) and a name: one place of the word's type, not
  the place named after the particle ("the battle of Colle in the Val d’ Elsa": the valley, not
  the river Elsa; Longfellow's notes write "Val d’Arno" and "Val d’ Arno", one valley); not
  before a forename ("employed at Val de Grace", Parker's hospital: no Italian particle either);
- the words that open places' names have one source each: English's "Mount", "Lake", "Cape"
  teikit's (`registers.FEATURE_FIRST_TYPES`), other languages' the profile's (`[places]
  first_words`: "Monte", "Val"); the words that open a town's name after a cue the profile's
  too (`[places] town_first`: "at Port Burdock", Mr Polly's town), no longer a constant of code;
- a capitalised word and "River" is a river wherever written (The Art of War's notes: "they
  could dam up the Yangtsze River itself"), the word no person's name nor word the book writes
  in lower case, unless the gazetteer's own list knows the whole ("across the Yellow River");
- one name before "and other" or "and the other" and a plural word for places is a place of
  that kind ("from Khotan and other Central Asian states", "Kutcha and the other kingdoms":
  Giles's notes), though no gazetteer knows it; not an adjective after "the" ("the American
  and other republics": The Federalist);
- "the", one or two capitalised words and a capitalised word for a region or islands
  ("Region", "Peninsula", "Islands", "Isles") name one place ("in Africa and the Arab Region",
  the WGIG report; "the three Balearic Islands", Longfellow's notes; "exclude the British
  Isles", Keynes), not where a word of it is one the book writes in lower case.

Read from the shared corpus beside the project (skipped where absent).
"""

from __future__ import annotations

from dataclasses import replace

from corpus_marks import marked_texts, marks
from teikit.enrich import registers, textplaces
from teikit.profile import load_profile

# The Prince, chapter XIX (Marriott's translation)
_SEVERUS = (
    "After this there remained for Severus, who wished to make himself master of the whole empire, two "
    "difficulties; one in Asia, where Niger, head of the Asiatic army, had caused himself to be proclaimed "
    "emperor; the other in the west where Albinus was, who also aspired to the throne. And as he considered it "
    "dangerous to declare himself hostile to both, he decided to attack Niger and to deceive Albinus."
)


def _countries(text: str) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces._countries(places, text, set(), load_profile(), set())
    return set(places.by_name)


def test_a_country_the_book_introduces_as_a_man_is_none():
    assert "niger" not in _countries(_SEVERUS)
    # the same name with no apposition, and a country beside it: both countries of the gazetteer
    plain = _SEVERUS.replace(", head of the Asiatic army,", "")
    assert {"niger", "asia"} <= _countries(plain)
    # an article before the noun is no apposition of a man's ("Greece, the mother of arts")
    assert "niger" in _countries(_SEVERUS.replace("head of", "the head of"))


def test_the_emperor_niger_is_no_country_in_the_prince(prince):
    said = "one in Asia, where Niger, head of the Asiatic army, had caused himself"
    marked = marked_texts(prince, said, "placeName")
    assert "Asia" in marked
    assert "Niger" not in marked
    assert "Niger" not in marked_texts(prince, "he decided to attack Niger and to deceive", "placeName")


def _linked(text: str) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces._linked_first_words(places, text, set(), load_profile(), {"sieve"})
    return set(places.by_name)


def test_a_valley_named_by_its_river_is_one_place():
    """Longfellow's notes to The Divine Comedy, alone."""
    said = "when the Sienese were routed by the Florentines at the battle of Colle in the Val d’ Elsa, (note 772,)"
    assert _linked(said) == {"val d elsa"}
    said = "Cacciaguida’s wife came from Ferrara in the Val di Pado, or Val di Po, the Valley of the Po."
    assert _linked(said) == {"val di pado", "val di po"}
    # the two ways of writing the elided particle: one place, found by both
    said = "lost his life in the battle of Campaldino in the Val d’Arno. the inhabitants of the Val d’ Arno, he"
    assert _linked(said) == {"val darno", "val d arno"}
    # a word the book writes in lower case ("the forest lands of Val di Sieve"), a French "de"
    assert _linked("came from the forest lands of Val di Sieve. The other") == set()
    assert _linked("This injection is employed at Val de Grace, in chronic gonorrhoea") == set()


def test_the_valley_not_the_river_in_the_divine_comedy(dante):
    said = "Afterwards, when the Sienese were routed by the Florentines at the battle of Colle in the Val d’ Elsa"
    assert "Val d’ Elsa" in marked_texts(dante, said, "placeName")
    said = "the battle of Campaldino in the Val d’Arno"
    valley = dict(marks(dante, said, "placeName"))["Val d’Arno"]
    said = "thus describes this region of the Val d’ Arno"
    assert dict(marks(dante, said, "placeName"))["Val d’ Arno"] == valley  # one valley


def test_first_words_have_one_source():
    profile = load_profile()
    words = registers.first_words(profile)
    assert {"Mount", "Lake", "Cape", "Monte", "Val"} <= set(words)
    assert not set(profile.place_first_words) & set(registers.FEATURE_FIRST_WORDS)  # listed once
    places = registers.Places(registers.Register("place"))
    # The Meditations' glossary: English's word, found as before
    textplaces._first_words(places, "Herculaneum, near Mount Vesuvius, buried by the eruption", set(), profile, set())
    assert set(places.by_name) == {"mount vesuvius"}


def _discovered(text: str, profile) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces.discover(places, text, set(), profile, {"park", "one", "of", "the", "three"})
    return set(places.by_name)


def test_a_town_opened_by_the_profiles_word_after_a_cue():
    said = "a department store in fact, The Port Burdock Drapery Bazaar at Port Burdock, one of the three townships"
    profile = load_profile()
    assert "port burdock" in _discovered(said, profile)
    assert "port burdock" not in _discovered(said, replace(profile, place_town_first=()))


def _rivers(text: str, lowercase: frozenset[str] = frozenset(), not_places: frozenset[str] = frozenset()) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces._rivers(places, text, set(not_places), load_profile(), lowercase)
    return {place.get("type") + ": " + registers.place_names(place)[0] for place in places.by_name.values()}


def test_a_name_and_river_is_a_river():
    """Giles's notes to The Art of War, alone."""
    said = "infantry and horsemen to the number of one million; why, they could dam up the Yangtsze River itself"
    assert _rivers(said) == {"river: Yangtsze River"}
    said = "suddenly threw a large force across the Yellow River in wooden tubs, utterly disconcerting his opponent"
    assert _rivers(said, frozenset({"yellow"})) == {"river: Yellow River"}  # the gazetteer's, "yellow" or not
    # a word the book writes in lower case, or a person's name, before "River": no river's name
    assert _rivers(said.replace("Yellow", "Wooden"), frozenset({"wooden"})) == set()
    assert _rivers(said.replace("Yellow", "Wei"), not_places=frozenset({"Wei"})) == set()


def _among_others(text: str) -> dict[str, str | None]:
    places = registers.Places(registers.Register("place"))
    textplaces._one_among_others(places, text, set(), load_profile(), {"with", "the", "object"})
    return {registers.place_names(place)[0]: place.get("type") for place in places.by_name.values()}


def test_one_name_among_other_places_of_a_kind():
    said = "Pan Chʽao took the field with 25,000 men from Khotan and other Central Asian states with the object"
    assert _among_others(said) == {"Khotan": "country"}
    said = "Yarkand then capitulating, Kutcha and the other kingdoms drew off their respective forces."
    assert _among_others(said) == {"Kutcha": "country"}
    # The Federalist: a people's adjective after "the", no place
    assert _among_others("The difference most relied on, between the American and other republics, consists") == {}


def _headed(text: str, lowercase: frozenset[str] = frozenset()) -> dict[str, str | None]:
    places = registers.Places(registers.Register("place"))
    textplaces._headed_regions(places, text, set(), load_profile(), lowercase)
    return {registers.place_names(place)[0]: place.get("type") for place in places.by_name.values()}


def test_a_name_and_a_capitalised_word_for_a_region():
    said = "the Place of the Media in the Information Society in Africa and the Arab Region, adopted at Marrakesh"
    assert _headed(said) == {"Arab Region": "region"}
    said = "are interpreted by modern prose as meaning the three Balearic Islands, Majorca, Minorca, and Ivica"
    assert _headed(said) == {"Balearic Islands": "island"}
    # a word the book would write in lower case too before the head: a description, no name
    said = "the Place of the Media in the Information Society in Africa and the Arab Region, adopted at Marrakesh"
    assert _headed(said, frozenset({"arab"})) == {}
