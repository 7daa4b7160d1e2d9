"""Places in books without an index (issue 18, round 8): the rules that the two EPUB books'
development samples (The Prince, The Art of War) showed missing, each tested on a real
sentence (teikit.enrich.textplaces)."""

from __future__ import annotations

from conftest import marks_in
from teikit.convert import convert
from teikit.profile import load_profile


def _places(tmp_path, paragraph: str) -> list[str]:
    """The placeName marks of a one-chapter book holding `paragraph`, converted with the
    default profile, as an editor's first run would."""
    source = tmp_path / "book.txt"
    source.write_text(f"A BOOK\n\nBy A. Writer\n\n\nCHAPTER I\n\nTHE TEXT\n\n{paragraph}\n", encoding="utf-8")
    convert(source, tmp_path / "out", profile=load_profile(), allow_loss=True)
    return marks_in(tmp_path / "out", "placeName")


# The Art of War, tr. Lionel Giles (1910), a note to chapter II.
_FABIUS = (
    "In considering the point raised here by Sun Tzu, the classic example of Fabius Cunctator\n"
    "will inevitably occur to the mind. That general deliberately measured the endurance of Rome\n"
    "against that of Hannibal's isolated army, because it seemed to him that the latter was more\n"
    "likely to suffer from a long campaign in a strange country."
)


def test_a_city_of_the_world_after_of_is_a_place(tmp_path):
    """A city of a million people or more is a place after "of" as a country is, written as
    what a state does or suffers ("the endurance of Rome"), where no preposition of place
    stands before it in the book."""
    assert "Rome" in _places(tmp_path, _FABIUS)


# The Prince, tr. W. K. Marriott, chapter III and the introduction.
_DUKE = (
    "At this time this country was under the dominion of the Pope, the Venetians, the King of\n"
    "Naples, the Duke of Milan, and the Florentines. The Venetians joined with France against\n"
    "the Duke of Milan, and this alliance, which caused their ruin, could have been avoided."
)


def test_a_city_of_the_world_inside_a_title_of_rank_is_the_titles_land(tmp_path):
    """After a title of rank and "of" ("the Duke of Milan"): the land, a place, by the README's
    default convention for a title of rank with no name (`[names] titles_of_rank = "land"`, as
    the development samples read it: no person there); Naples too."""
    places = _places(tmp_path, _DUKE)
    assert places.count("Milan") == 2
    assert "Naples" in places


# The Prince, tr. W. K. Marriott, chapters V and XIX.
_NUMANTIA = (
    "The Romans, in order to hold Capua, Carthage, and Numantia, dismantled them, and did not lose\n"
    "them. Knowing the sloth of the Emperor Julian, he persuaded the army in Sclavonia, of which he\n"
    "was captain, that it would be right to go to Rome and avenge the death of Pertinax."
)


def test_places_of_history_that_geonames_holds_under_no_such_name_are_places(tmp_path):
    """The gazetteer learns names GeoNames does not hold: a city of antiquity no modern place
    is named after ("Numantia"), a historical region as older English books spell it
    ("Sclavonia", Slavonia)."""
    marked = _places(tmp_path, _NUMANTIA)
    assert "Numantia" in marked
    assert "Sclavonia" in marked
