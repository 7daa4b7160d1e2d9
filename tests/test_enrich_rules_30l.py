"""Places of older worlds found on the book's own evidence (issue 18, round 11): towns that
no preposition of place ever stands before, in a book without an index.

- a town whose people the book names after it, plural, after "the" ("the Pisans", "the
  Sienese", "the Athenians"), is a place wherever written: The Prince writes "he pounced down
  upon Pisa", "as Pisa after the hundred years", "After this, Lucca and Siena yielded", never
  "in Pisa"; a name the book writes in lower case too is none ("the Sirens" of The Divine
  Comedy: "sire");
- a name the book says is a town, a village, a river or a mountain, and where it lies ("Sible
  Hedingham, a village in Essex", The Prince's notes; "Caieta, a town in Latium", the
  Meditations' glossary; "The Elsa is a river in Tuscany", "Bismantova, a mountain in the
  duchy of Modena", Longfellow's notes to The Divine Comedy), is a place of that kind; not
  "a city of hermits", nor a person's name ("Worthing is a place in Sussex": Jack Worthing's
  name in The Importance of Being Earnest);
- a name after "the" and its kind in lower case, "the river Reno", "the isle of Lemnos", "the
  plain of Roncesvalles" (Longfellow's notes), "the port of Rotterdam" (Keynes), is a place of
  that kind; not a verse's next line ("the river / Lifted": a word the book writes in lower
  case).

Read from the shared corpus beside the project (skipped where absent).
"""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts
from teikit.enrich import registers, textplaces
from teikit.profile import load_profile


def test_a_town_whose_people_the_book_names_is_a_place(prince):
    said = "If this man had taken Pisa, nobody can deny"
    assert "Pisa" in marked_texts(prince, said, "placeName")
    marked = marked_texts(prince, "The Spartans held Athens and Thebes, establishing there an oligarchy", "placeName")
    assert {"Athens", "Pisa"} <= set(marked)  # "as Pisa after the hundred years", the same paragraph
    # Siena by its people ("the Sienese"), and so Lucca listed with it
    marked = marked_texts(prince, "After this, Lucca and Siena yielded at once", "placeName")
    assert {"Pisa", "Lucca", "Siena"} <= set(marked)


def _found(text: str) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces._towns_of_peoples(places, text, set(), load_profile(), {"sire"})
    return set(places.by_name)


def test_the_people_word_is_the_evidence():
    """The Prince's sentences, alone: the people's word makes the town a place, and only
    the town it names."""
    text = (
        "and the Pisans, the Sienese⁠—everybody made advances to him. "
        "Having dispatched these matters, he pounced down upon Pisa. After this, Lucca and Siena yielded at once."
    )
    assert _found(text) == {"pisa", "siena"}
    # no people's word, no place
    assert _found("he pounced down upon Pisa. After this, Lucca and Siena yielded at once.") == set()
    # "the Sirens": Sire, a town of 21,300 in the gazetteer, is the book's "sire"
    assert _found("Wherefore thou shalt not hear the Sirens, and the Sire of all replied") == set()


def test_a_name_said_to_be_a_village_somewhere_is_one(prince):
    said = "He was born about 1320 at Sible Hedingham, a village in Essex."
    assert {"Sible Hedingham", "Essex"} <= set(marked_texts(prince, said, "placeName"))


def _apposed(text: str, not_places: frozenset[str] = frozenset()) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces._apposed_kinds(places, text, set(not_places), load_profile(), {"it", "there", "or"})
    return set(places.by_name)


def test_the_kind_and_where_it_lies_are_the_evidence():
    """Sentences of the Meditations' glossary and Longfellow's notes, alone."""
    assert _apposed("of the Roman Republic. Carnuntum, a town on the Danube in Upper Pannonia.") == {"carnuntum"}
    assert _apposed("thy mind, The Elsa is a river in Tuscany, rising in the mountains") == {"elsa"}
    said = "Noli, a town in the Genoese territory, by the seaside; Bismantova, a mountain in the duchy of Modena."
    assert _apposed(said) == {"noli", "bismantova"}
    said = "Figghine, or Figline, is a town in the Val d’Arno, some twelve miles distant"
    assert _apposed(said) == {"figline"}
    # where it lies is no place: no evidence
    assert _apposed("“The Eremo is a city of hermits, walled round") == set()
    assert _apposed("Sanleo, a fortress on a mountain in the duchy of Urbino") == set()
    # a word the book writes in lower case, a person's name
    assert _apposed("It is an island in the South Pacific Ocean.") == set()
    said = "Worthing is a place in Sussex. It is a seaside resort."
    assert _apposed(said, frozenset({"Worthing"})) == set()


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    return converted_books(tmp_path_factory, "r30l")


def test_a_name_after_its_kind_is_a_place(books):
    said = "with German property in the port of Rotterdam."
    assert "Rotterdam" in marked_texts(books("keynes-economic-consequences"), said, "placeName")


def _kinds_before(text: str, lowercase: frozenset[str] = frozenset()) -> set[str]:
    places = registers.Places(registers.Register("place"))
    textplaces._kinds_before(places, text, set(), load_profile(), lowercase)
    return set(places.by_name)


def test_the_kind_before_the_name_is_the_evidence():
    """Sentences of Longfellow's notes to The Divine Comedy, alone."""
    said = "the Po, the Apennines, the Adriatic, and the river Reno, that passes near Bologna."
    assert _kinds_before(said) == {"reno"}
    said = "He by the isle of Lemnos passed along After the daring women"
    assert _kinds_before(said) == {"lemnos"}
    said = "meets on the plain of Roncesvalles a student of Bologna"
    assert _kinds_before(said) == {"roncesvalles"}
    # a verse's next line, a word the book writes in lower case
    said = "Beheld I from the river Lifted into the air"
    assert _kinds_before(said, frozenset({"lifted"})) == set()
    # a name of two words is no river of its first
    assert _kinds_before("down the river Des Moines to the town") == set()


def test_a_name_opened_by_mount_or_lake_is_a_place(books):
    said = "and of Kentucky to Lake Champlain"
    assert "Lake Champlain" in marked_texts(books("federalist-papers-1998"), said, "placeName")


def _first_words(text: str, lowercase: frozenset[str] = frozenset(), found: tuple[str, ...] = ()) -> set[str]:
    places = registers.Places(registers.Register("place"))
    for name in found:
        places.add(name, "mountain", None, "named in the text")
    textplaces._first_words(places, text, set(), load_profile(), lowercase)
    return set(places.by_name) - {name.lower() for name in found}


def test_the_opening_word_is_the_evidence():
    """Sentences of Longfellow's notes to The Divine Comedy, alone."""
    said = "Ghibellines at the famous battle of Monte Aperto in 1260, where the Guelfs were routed"
    assert _first_words(said) == {"monte aperto"}
    said = "long chain ends in Calabria, opposite Cape Peloro in Sicily."
    assert _first_words(said) == {"cape peloro"}
    # a longer name's words (the Gutenberg licence's address; a man's name)
    assert _first_words("809 North 1500 West, Salt Lake City, UT 84116") == set()
    assert _first_words("the prophet Thomas Lake Harris") == set()
    # "Mount Etna" where Etna is found already: Etna marked, as before
    assert _first_words("the flames of Mount Etna", found=("Etna",)) == set()
    # a word the book writes in lower case after the opening one
    assert _first_words("unto the Mount Delectable", frozenset({"delectable"})) == set()
