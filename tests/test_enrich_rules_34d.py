"""Places of a book of medieval Italy and of the medieval heavens: the pack "medieval-italy"
(src/teikit/profiles/medieval-italy.toml) and the heavens of the pack "christian"
(`textplaces.known_over_persons`).

With the pack "medieval-italy", a commune that is a small town today ("the citizens of Anagni")
is a place after a preposition of place, "of" or "and", as the default profile's regions are;
the rivers, lakes, mountains and lands of that Italy ("the Adige") wherever written. With the
pack "christian", a heaven named after its planet ("the Heaven of Venus") is one place, not its
god a person. Each test holds real sentences of a real book (Longfellow's notes to his Divine
Comedy).
"""

from __future__ import annotations

from conftest import convert_paragraphs, marks_in


def _marks(tmp_path, paragraphs: str, profile: str = "") -> tuple[list[str], list[str]]:
    """The persName and placeName marks of a one-chapter book of `paragraphs`, converted with
    the profile `profile` an editor writes beside it (none: teikit's default)."""
    out = convert_paragraphs(tmp_path, paragraphs, profile)
    return marks_in(out, "persName"), marks_in(out, "placeName")


# Longfellow's notes to Purgatorio XX (Milman on the outrage of Anagni) and Inferno XII.
_ANAGNI = (
    "The ungrateful citizens of Anagni, forgetful of their pride in their holy compatriot, of the\n"
    "honor and advantage to their town from the splendor and wealth of the Papal residence,\n"
    "received them with rebellious and acclaiming shouts."
)
_ADIGE = (
    "The Marca Trivigiana is again alluded to, lying between the Adige, that empties into the\n"
    "Adriatic south of Venice, and the Tagliamento to the northeast, towards Trieste."
)


def test_a_commune_of_medieval_italy_is_a_place_after_of(tmp_path):
    """Anagni, a town of 9,000 people today, once after "of": no place on the evidence a
    village of the gazetteer needs, a place in a book of medieval Italy."""
    (tmp_path / "plain").mkdir()
    _, places = _marks(tmp_path / "plain", _ANAGNI)
    assert "Anagni" not in places
    (tmp_path / "italy").mkdir()
    _, places = _marks(tmp_path / "italy", _ANAGNI, 'include = ["medieval-italy"]\n')
    assert "Anagni" in places


def test_the_rivers_of_medieval_italy_are_places_wherever_written(tmp_path):
    """The Adige and the Tagliamento, after "the" and no preposition of place: rivers of the
    pack (Trieste, after "towards", a place in either book)."""
    (tmp_path / "plain").mkdir()
    _, places = _marks(tmp_path / "plain", _ADIGE)
    assert "Adige" not in places and "Tagliamento" not in places
    (tmp_path / "italy").mkdir()
    _, places = _marks(tmp_path / "italy", _ADIGE, 'include = ["medieval-italy"]\n')
    assert {"Adige", "Tagliamento", "Trieste"} <= set(places)


# Longfellow's notes to Paradiso IX and XIV (the second quoting Dante's Convito, II 14).
_HEAVENS = (
    "The Heaven of Venus is continued in this canto.\n\n"
    "“The Heaven of Mars may be compared to Music, for two properties.”"
)


def test_a_heaven_named_after_its_planet_is_one_place_not_its_god(tmp_path):
    """Without the pack the gods Venus and Mars are persons there; with it each heaven is one
    place and no person is marked."""
    (tmp_path / "plain").mkdir()
    persons, places = _marks(tmp_path / "plain", _HEAVENS)
    assert "Venus" in persons and "Mars" in persons
    (tmp_path / "christian").mkdir()
    persons, places = _marks(tmp_path / "christian", _HEAVENS, 'include = ["christian"]\n')
    assert {"Heaven of Venus", "Heaven of Mars"} <= set(places)
    assert "Venus" not in persons and "Mars" not in persons


# Spenser's Faerie Queene III ix 34, quoted in Longfellow's note to Inferno V, and his note on
# Albertus Magnus (Paradiso X).
_PARIS = (
    "“Most famous Worthy of the world, by whome That warre was kindled which did Troy inflame And\n"
    "stately towres of Ilion whilome Brought unto baleflill ruine, was by name Sir Paris, far\n"
    "renown’d through noble fame.”\n\n"
    "In his youth he studied at Paris and at Padua; became a Dominican monk, and, retiring to a\n"
    "convent in Cologne, taught in the schools of that city."
)


def test_a_great_city_after_a_locative_is_the_city_though_a_man_bears_its_name(tmp_path):
    """Paris, Priam's son in the verse ("Sir Paris"), a person there; "studied at Paris": the
    city, a place after "at" as Padua is, no mention of him."""
    persons, places = _marks(tmp_path, _PARIS)
    assert persons == ["Sir Paris"]
    assert places.count("Paris") == 1
    assert "Padua" in places


# Longfellow's note to Paradiso VIII.
_COUTANCE = (
    "Robert Guiscard, founder of the kingdom of Naples, was the sixth of the twelve sons of the\n"
    "Baron Tancred de Hauteville of the diocese of Coutance in Lower Normandy, where he was born\n"
    "in the year 1015."
)


def test_a_name_after_a_bishops_territory_and_of_is_a_place(tmp_path):
    """ "the diocese of Coutance": a region, though no gazetteer knows that spelling."""
    _, places = _marks(tmp_path, _COUTANCE)
    assert "Coutance" in places


# Ruskin, Modern Painters, quoted twice in Longfellow's notes to Paradiso X (the street of the
# schools of Paris where Siger lectured); "straw" a word of English in lower case.
_STRAW_STREET = (
    "“A common idealist would have been rather alarmed at the thought of introducing the name of a\n"
    "street in Paris—Straw Street (Rue du Fouarre)—into the midst of a description of the highest\n"
    "heavens.”"
)
_STRAW_STREET_AGAIN = (
    "With equal and unoffended vision they take in the sum of the world, Straw Street and the\n"
    "seventh heavens, in the same instant. Their beds were of straw."
)


def test_a_common_word_and_street_written_twice_is_a_street(tmp_path):
    """Straw Street, its first word one the book writes in lower case: a street where the book
    writes the name twice inside sentences, not where it writes it once."""
    (tmp_path / "once").mkdir()
    _, places = _marks(tmp_path / "once", f"{_STRAW_STREET}\n\nTheir beds were of straw.")
    assert "Straw Street" not in places
    (tmp_path / "twice").mkdir()
    _, places = _marks(tmp_path / "twice", f"{_STRAW_STREET}\n\n{_STRAW_STREET_AGAIN}")
    assert places.count("Straw Street") == 2


# Longfellow's notes to Paradiso X and XVI (the second quoting Villani).
_WORD_FIRST = (
    "The Rue du Fouarre, or Street of Straw, originally called Rue de l’École, is famous among the\n"
    "old streets of Paris, as having been the cradle of the University.\n\n"
    "But in Dante’s time the statue of Mars was still standing on a column at the head of the\n"
    "Ponte Vecchio.\n\n"
    "The greatest were the Uberti, whose ancestors were the Della Magna, and who lived where now\n"
    "stand the Piazza de’ Priori and the Palazzo del Popolo."
)


def test_a_street_or_a_bridge_named_its_word_first_is_a_place_without_an_index(tmp_path):
    """A French street, an Italian bridge and square, named the way of their language (an
    Italian particle inside, de’), in a book without an index, as in a book with one."""
    _, places = _marks(tmp_path, _WORD_FIRST)
    assert {"Rue du Fouarre", "Ponte Vecchio", "Piazza de’ Priori"} <= set(places)


# Longfellow's note to Purgatorio VI, quoting Benvenuto on Sordello.
_GOITO = (
    "He says, moreover, that Dante places Sordello alone and separate from the others, and that\n"
    "Sordello was a Mantuan of the village of Goïto—“beautiful of person, valiant of spirit,\n"
    "gentle of manner.”"
)


def test_a_name_with_an_accented_letter_after_a_village_and_of_is_a_place(tmp_path):
    """ "the village of Goïto": the diaeresis inside the name ends no word."""
    _, places = _marks(tmp_path, _GOITO)
    assert "Goïto" in places


# Milman on Piero delle Vigne, in Longfellow's note to Inferno XIII, and Villani on the ancient
# houses of Florence, in his note to Paradiso XVI.
_PORTA = (
    "The fate of his friend and minister, Piero delle Vigne of Capua, if truly told, would\n"
    "nevertheless impress us with an unfavorable idea of his mercy and magnanimity: Piero was sent\n"
    "with Taddeo di Sessa as Frederick’s advocate and representative to the Council of Lyons.\n\n"
    "In the quarter of Porta San Piero were the Bisdomini, who, as above mentioned, were custodians\n"
    "of the bishopric."
)


def test_a_gate_named_its_word_first_after_a_saint_is_one_place_not_the_saint(tmp_path):
    """Piero (delle Vigne), a man of the book, a person alone; "Porta San Piero": a gate of Florence, one
    place, no mention of him."""
    persons, places = _marks(tmp_path, _PORTA)
    assert "Porta San Piero" in places
    assert persons.count("Piero") == 1
