"""A title of rank "of" a land with no personal name, marked as the editor chooses
(`[names] titles_of_rank`).

Editions differ: some mark "the King of France" as one person, the whole title ("person");
others mark no person there and the land, France, as a place. teikit's default, "land", marks
the land of every title of rank so (the development samples of The Prince, The Art of War,
Dante, Burns and Wollstonecraft read them so); "ruler" only a ruler's: a title of `[names]
rulers` always, a peer's title (`[names] peerages`) where the book writes its land after a
preposition of place too ("the Duke of Milan" beside "in Milan"), a peer's title the book never
writes so staying one person ("the Duke of York", "the Earl of Chesterfield", as the
Federalist's reader marks it). Each test holds real sentences of a real book, converted with
the values it compares.
"""

from __future__ import annotations

import pytest

from conftest import convert_paragraphs, marks_in
from teikit.errors import TeikitError
from teikit.profile import load_profile


def _marks(tmp_path, paragraphs: str, convention: str, include: str = "") -> tuple[list[str], list[str]]:
    """The persName and placeName marks of a one-chapter book of `paragraphs`, converted with
    a profile an editor writes beside it: `[names] titles_of_rank = convention` (none where
    `convention` is "default"), after the pack `include` if one is named."""
    folder = tmp_path / convention
    folder.mkdir()
    packs = f'include = ["{include}"]\n' if include else ""
    chosen = "" if convention == "default" else f'[names]\ntitles_of_rank = "{convention}"\n'
    out = convert_paragraphs(folder, paragraphs, f"{packs}{chosen}")
    return marks_in(out, "persName"), marks_in(out, "placeName")


# Machiavelli, The Prince, tr. W. K. Marriott, chapters XI and VII: the duke's land is a state
# the narrative stands in ("no sooner in Milan").
_PRINCE = (
    "Before Charles, King of France, passed into Italy, this country was under the dominion of\n"
    "the Pope, the Venetians, the King of Naples, the Duke of Milan, and the Florentines.\n\n"
    "Therefore the king came into Italy with the assistance of the Venetians and the consent of\n"
    "Alexander. He was no sooner in Milan than the Pope had soldiers from him for the attempt on\n"
    "the Romagna, which yielded to him on the reputation of the king."
)


def test_a_rulers_and_a_ruling_dukes_titles_are_persons_when_the_editor_chooses(tmp_path):
    persons, _ = _marks(tmp_path, _PRINCE, "person")
    assert "King of Naples" in persons
    assert "Duke of Milan" in persons


@pytest.mark.parametrize("convention", ["default", "land", "ruler"])
def test_a_rulers_and_a_ruling_dukes_titles_give_their_lands(tmp_path, convention):
    """ "the King of Naples" (a king: a ruler's title) and "the Duke of Milan" (a duke whose
    Milan the book stands in): no persons, the other names as with "person"; Milan a place in
    the title and after "in", Naples in the title (a ruler's land, a place whatever the
    gazetteer says: `textnames.lands_of_titles`)."""
    person_persons, person_places = _marks(tmp_path, _PRINCE, "person")
    persons, places = _marks(tmp_path, _PRINCE, convention)
    assert persons == [p for p in person_persons if p not in ("King of Naples", "Duke of Milan")]
    assert places.count("Milan") == person_places.count("Milan") + 1 == 2
    assert places.count("Naples") == 1


# S. R. Gardiner, The French Revolution 1789-1795, chapters VI and IX.
_GARDINER = (
    "Francis, on his side, looked for conquests in France,\n"
    "and also had in his mind the revival of Joseph’s project of making\n"
    "over Belgium to the Elector of Bavaria in exchange for that country.\n\n"
    "After the surrender of Condé and Valenciennes, the forces of the allies\n"
    "in Flanders separated. The Duke of York, against Coburg’s desire, went\n"
    "west to lay siege to Dunkirk, while Coburg himself invested Le Quesnoi."
)


def test_an_electors_and_a_peers_titles_are_persons_when_the_editor_chooses(tmp_path):
    persons, _ = _marks(tmp_path, _GARDINER, "person")
    assert "Elector of Bavaria" in persons
    assert "Duke of York" in persons


def test_an_electors_title_gives_his_land_and_a_peers_stays_a_person_for_rulers_only(tmp_path):
    """ "the Elector of Bavaria": no person, Bavaria a place; "The Duke of York", whose York the
    book never writes after a preposition of place: a peer, one person still."""
    persons, places = _marks(tmp_path, _GARDINER, "ruler")
    assert "Elector of Bavaria" not in persons
    assert "Bavaria" in places
    assert "Duke of York" in persons


def test_an_electors_and_a_peers_titles_give_their_lands_by_default(tmp_path):
    """ "The Duke of York", whose York these paragraphs write nowhere else: a land too."""
    persons, places = _marks(tmp_path, _GARDINER, "default")
    assert "Elector of Bavaria" not in persons
    assert "Duke of York" not in persons
    assert places.count("Bavaria") == places.count("York") == 1


# The Federalist, No. 12 and No. 22.
_FEDERALIST = (
    "The hereditary\n"
    "dominions of the Emperor of Germany contain a great extent of fertile,\n"
    "cultivated, and populous territory.\n\n"
    "The Earl of Chesterfield (if my memory serves me right), in a letter to\n"
    "his court, intimates that his success in an important negotiation must\n"
    "depend on his obtaining a major's commission for one of those deputies."
)


def test_an_emperors_title_gives_his_land_and_an_earls_stays_a_person_for_rulers_only(tmp_path):
    assert _marks(tmp_path, _FEDERALIST, "person")[0] == ["Emperor of Germany", "Earl of Chesterfield"]
    persons, places = _marks(tmp_path, _FEDERALIST, "ruler")
    assert persons == ["Earl of Chesterfield"]
    assert places == ["Germany"]
    assert _marks(tmp_path, _FEDERALIST, "land") == ([], ["Germany", "Chesterfield"])


# Mary Wollstonecraft, A Vindication of the Rights of Woman, chapter IV.
_WOLLSTONECRAFT = (
    "I shall not lay any great stress upon the\n"
    "example of a few women (Sappho, Eloisa, Mrs. Macaulay, the Empress\n"
    "of Russia, Madame d'Eon, etc.  These, and many more, may be\n"
    "reckoned exceptions."
)


def test_an_empresss_title_gives_her_land(tmp_path):
    """ "the Empress of Russia" (Catherine II, unnamed): a person with "person"; with "land", no
    person and Russia a place, the women named beside her persons still."""
    person_persons, person_places = _marks(tmp_path, _WOLLSTONECRAFT, "person")
    assert "Empress of Russia" in person_persons
    assert "Russia" not in person_places
    persons, places = _marks(tmp_path, _WOLLSTONECRAFT, "land")
    assert persons == [p for p in person_persons if p != "Empress of Russia"]
    assert places == ["Russia"]


def test_a_convention_teikit_does_not_know_is_an_error(tmp_path):
    (tmp_path / "book.toml").write_text('[names]\ntitles_of_rank = "place"\n', encoding="utf-8")
    with pytest.raises(TeikitError, match=r'\[names\] titles_of_rank must be "person", "ruler" or "land", not "place"'):
        load_profile(tmp_path / "book.toml")


# Robert Burns, Poems and Songs (his editor's profile includes the Scots pack): a note to "The
# Laddies by the banks o' Nith", and the epistle that calls the Prince "Geordie Wales".
_BURNS = (
    "The fourth Duke of Queensberry supported the\n"
    "proposal that, during George III's illness, the Prince of Wales\n"
    "should assume the Government with full prerogative.\n\n"
    "The news o' princes, dukes, and earls,\n"
    "Pimps, sharpers, bawds, and opera-girls;\n"
    "If that daft buckie, Geordie Wales,\n"
    "Was threshing still at hizzies' tails;"
)


def test_the_land_inside_a_rulers_title_is_no_persons_name(tmp_path):
    """ "the Prince of Wales" beside "Geordie Wales": with "person" the whole title one person;
    with "land", no person there, not even Wales, a surname elsewhere."""
    person_persons, _ = _marks(tmp_path, _BURNS, "person", "scots")
    assert "Prince of Wales" in person_persons
    persons, _ = _marks(tmp_path, _BURNS, "land", "scots")
    assert persons == [p for p in person_persons if p != "Prince of Wales"]
