"""The land a title of rank names, under teikit's default `[names] titles_of_rank = "land"`
(`textnames.lands_of_titles`).

A title of rank "of" a land with no personal name is no person: its land is a place, whether
the gazetteer knows it or not: after "the" ("the Countess of Forli"), in apposition to a name
("Guido Ubaldo, Duke of Urbino"), or in lower case where the book writes that title capitalised
before "of" too ("the count of Pitigliano" beside "Count of Cunio"). Not an abstraction ("the
Prince of Darkness"), a people's adjective ("the prince of Roman orators" beside "the Romans"),
nor a peer's land the book writes alone as a man's name ("Montrose, Claverhouse, and Prince
Charles had fought"). Each test holds real sentences of a real book.
"""

from __future__ import annotations

from conftest import convert_paragraphs, marks_in


def _marks(tmp_path, paragraphs: str, profile: str = "") -> tuple[list[str], list[str]]:
    """The persName and placeName marks of a one-chapter book of `paragraphs`, converted with
    the profile `profile` an editor writes beside it (none: teikit's default)."""
    out = convert_paragraphs(tmp_path, paragraphs, profile)
    return marks_in(out, "persName"), marks_in(out, "placeName")


# Machiavelli, The Prince, tr. W. K. Marriott, chapter XX.
_FORLI = (
    "It has not been seen in our times that such fortresses have been of use to any prince,\n"
    "unless to the Countess of Forli, when the Count Girolamo, her consort, was killed; for by\n"
    "that means she was able to withstand the popular attack and wait for assistance from Milan,\n"
    "and thus recover her state."
)


def test_a_countess_title_gives_her_land_a_place(tmp_path):
    """Forli, which the gazetteer does not know by that spelling: a place; the countess no
    person, her consort one."""
    persons, places = _marks(tmp_path, _FORLI)
    assert "Countess of Forli" not in persons
    assert "Count Girolamo" in persons
    assert "Forli" in places


# The same, chapter XII, and the translator's note to chapter XII on Alberico da Barbiano.
_PITIGLIANO = (
    "They had afterwards for their captains Bartolomeo da Bergamo, Roberto da San Severino, the\n"
    "count of Pitigliano, and the like, under whom they had to dread loss and not gain."
)
_CUNIO = (
    "Alberico da Barbiano, Count of Cunio in Romagna. He was the leader of the famous\n"
    "“Company of St. George,” composed entirely of Italian soldiers. He died in 1409."
)


def test_a_title_in_lower_case_gives_its_land_where_the_book_writes_it_capitalised(tmp_path):
    """ "the count of Pitigliano": a title written in lower case, "Count of" capitalised in the
    note (in apposition to a name: Cunio a place too). Without the note the lower-case "count"
    may be the noun ("the count of his abandonment"): no land."""
    (tmp_path / "alone").mkdir()
    _, places = _marks(tmp_path / "alone", _PITIGLIANO)
    assert "Pitigliano" not in places
    (tmp_path / "noted").mkdir()
    _, places = _marks(tmp_path / "noted", f"{_PITIGLIANO}\n\n{_CUNIO}")
    assert "Pitigliano" in places
    assert "Cunio" in places


# The same, chapters VII and XX (the book writes Urbino after "at" too: no peer's name alone,
# as `peers_by_title` reads a land written only in titles).
_URBINO = (
    "From this sprung the rebellion at Urbino and the tumults in the Romagna, with endless\n"
    "dangers to the duke, all of which he overcame with the help of the French.\n\n"
    "Notwithstanding that, Messer Niccolò Vitelli in our times has been seen to demolish two\n"
    "fortresses in Citta di Castello so that he might keep that state; Guido Ubaldo, Duke of\n"
    "Urbino, on returning to his dominion, whence he had been driven by Cesare Borgia, razed to\n"
    "the foundations all the fortresses in that province."
)


def test_a_title_in_apposition_gives_its_land_and_leaves_the_name_a_person(tmp_path):
    persons, places = _marks(tmp_path, _URBINO)
    assert "Guido Ubaldo" in persons
    assert "Urbino" in places
    assert not any("Duke" in p for p in persons)


# Sun Tzŭ, The Art of War, tr. Lionel Giles, chapter XI, a commentator's story of Pan Chʽao.
_KHOTAN = (
    "Pan Chʽao summoned his officers and also the King of Khotan to a council of war, and\n"
    "said: ‘Our forces are now outnumbered and unable to make head against the enemy.’"
)


def test_a_kings_title_gives_a_land_the_gazetteer_does_not_know(tmp_path):
    persons, places = _marks(tmp_path, _KHOTAN)
    assert "King of Khotan" not in persons
    assert places == ["Khotan"]


# Dante, The Divine Comedy, tr. Longfellow: the notes to Paradiso XXII and to Inferno XXXIV,
# and a line of Paradiso VI.
_DANTE = (
    "From the summit the prospect extended on one side towards Arpinum, where the prince of\n"
    "Roman orators was born, and on the other towards Aquinum.\n\n"
    "Black expressed the earth, darkness, mourning, wickedness, negation, death; and was\n"
    "appropriate to the Prince of Darkness.\n\n"
    "Even as the Romans, for the mighty host,"
)


def test_no_land_in_an_abstraction_nor_in_a_peoples_adjective(tmp_path):
    """ "the Prince of Darkness" (the book writes "darkness"), "the prince of Roman orators"
    (the book writes "the Romans"): no place in either title."""
    _, places = _marks(tmp_path, _DANTE)
    assert "Darkness" not in places
    assert "Roman" not in places


# Robert Burns, Poems and Songs (his editor's profile includes the Scots pack): the notes to
# "The Author's Earnest Cry and Prayer" and to "Strathallan's Lament".
_MONTROSE = (
    "The Marquis of Graham, eldest son of the Duke of Montrose.\n\n"
    "Burns confesses that his Jacobtism was merely sentimental, and a tour through the country\n"
    "where Montrose, Claverhouse, and Prince Charles had fought, was cause enough."
)


def test_a_peers_land_the_book_writes_as_a_mans_name_is_no_place(tmp_path):
    """Montrose, the Duke's land, is the Marquis of Montrose where written alone: no place; the
    titles no persons either (the Laird's convention of Burns's readers)."""
    persons, places = _marks(tmp_path, _MONTROSE, 'include = ["scots"]\n')
    assert "Montrose" not in places
    assert "Duke of Montrose" not in persons
    assert "Prince Charles" in persons


# The Federalist, a note to No. 19 and No. 18: under "ruler" (a peer's title a person) a ruler's
# title gives its land as under "land", in lower case too.
_MACEDON = (
    "The League of Cambray, comprehending the Emperor, the King of France,\n"
    "the King of Aragon, and most of the Italian princes and states.\n\n"
    '"Greece was undone," he adds, "as soon\n'
    'as the king of Macedon obtained a seat among the Amphictyons."'
)


def test_a_rulers_title_in_lower_case_gives_its_land_for_rulers_only_too(tmp_path):
    persons, places = _marks(tmp_path, _MACEDON, '[names]\ntitles_of_rank = "ruler"\n')
    assert "Macedon" in places
    assert not any(" of " in p for p in persons)
