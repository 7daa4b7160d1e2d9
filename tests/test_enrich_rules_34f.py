"""Families and ruling houses named by their surname, as the editor chooses to mark them
(`[names] families`, `teikit.enrich.families`).

"person" (teikit's default) keeps what the persons' rules make of them ("the Vitelli" the
surname of Pagolo Vitelli, a person's mention); "org" marks a family's mention as an orgName
linked to an entry of the family in the organisations' register ("the Medici", "the house of
Sforza", "the Baglioni, the Vitelli, and the Orsini"); "none" marks it not at all, as the
development samples of Dante read families. A surname one person bears, written after "the",
is still that person's ("the Magdalene"); a people's adjective before "house" names no family
("the Swabian house"). Each test holds real sentences of a real book.
"""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import NS, ROOT, convert_paragraphs, marks_in
from teikit.enrich.families import FamilyMentions, family_names
from teikit.errors import TeikitError
from teikit.profile import load_profile

PROFILES = ROOT / "tests" / "data" / "enrich" / "profiles"


def _convert(tmp_path, paragraphs: str, families: str | None = None):
    """A one-chapter book of `paragraphs` converted with the profile an editor writes beside it
    (`[names] families = families`; none: teikit's default) into tmp_path / "out"."""
    return convert_paragraphs(tmp_path, paragraphs, "" if families is None else f'[names]\nfamilies = "{families}"\n')


def _families(out) -> dict[str, str]:
    """The families of the organisations' register (their evidence a family's name): name -> id."""
    if not (out / "orgs.xml").is_file():
        return {}  # a book that names no organisation has no register of them
    register = etree.parse(str(out / "orgs.xml"))
    return {
        "".join(org.find("t:orgName", NS).itertext()): org.get("{http://www.w3.org/XML/1998/namespace}id")
        for org in register.iterfind(".//t:org", NS)
        if any((n.text or "").startswith("a family's name") for n in org.iterfind("t:note[@type='evidence']", NS))
    }


# Machiavelli, The Prince, tr. W. K. Marriott: chapters VII, VIII, XII and XX.
_VITELLI = (
    "Alexander died five years after he had first drawn the sword. He left the duke with the state\n"
    "of Romagna alone consolidated, with the rest in the air, between two most powerful hostile\n"
    "armies, and sick unto death. In Rome, although but half alive, he remained secure; and whilst\n"
    "the Baglioni, the Vitelli, and the Orsini might come to Rome, they could not effect anything\n"
    "against him.\n\n"
    "Oliverotto da Fermo, having been left an orphan many years before, was brought up by his\n"
    "maternal uncle, Giovanni Fogliani, and in the early days of his youth sent to fight under\n"
    "Pagolo Vitelli, that, being trained under his discipline, he might attain some high position\n"
    "in the military profession.\n\n"
    "The Florentines appointed as their captain Pagolo Vitelli, a most prudent man, who from a\n"
    "private position had risen to the greatest renown.\n\n"
    "Notwithstanding that, Messer Niccolò Vitelli in our times has been seen to demolish two\n"
    "fortresses in Citta di Castello so that he might keep that state."
)


def test_the_default_leaves_a_house_named_by_a_surname_a_persons_mention(tmp_path):
    """Under "person" (no profile) "the Vitelli" is the surname of Pagolo Vitelli, a person's
    mention, and "the Orsini", which the book gives no one, is none: no family in the
    organisations' register."""
    out = _convert(tmp_path, _VITELLI)
    persons = marks_in(out, "persName")
    assert "Vitelli" in persons
    assert "Orsini" not in persons
    assert marks_in(out, "orgName") == []
    assert _families(out) == {}


def test_org_marks_the_houses_a_list_names_with_a_surname_of_two_persons(tmp_path):
    """Under "org": Vitelli, the surname of two persons, after "the" names their house; the
    Baglioni and the Orsini, listed with it, are houses too. Pagolo and Niccolò Vitelli stay
    persons, each by his whole name."""
    out = _convert(tmp_path, _VITELLI, "org")
    assert marks_in(out, "orgName") == ["Baglioni", "Vitelli", "Orsini"]
    assert "Vitelli" not in marks_in(out, "persName")
    assert {"Pagolo Vitelli", "Messer Niccolò Vitelli"} <= set(marks_in(out, "persName"))
    families = _families(out)
    assert set(families) == {"Baglioni", "Vitelli", "Orsini"}
    chapter = next(p for p in sorted(out.glob("*.xml")) if b"Baglioni" in p.read_bytes())
    refs = [e.get("ref") for e in etree.parse(str(chapter)).iterfind(".//t:orgName", NS)]
    assert refs == [f"orgs.xml#{families[w]}" for w in ("Baglioni", "Vitelli", "Orsini")]


def test_an_edition_with_families_is_valid(tmp_path):
    """The families' entries and marks are valid against teikit's schema and its rules."""
    from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate

    out = _convert(tmp_path, _VITELLI, "org")
    run = validate([out], schema=TEIKIT_RNG, schematron=TEIKIT_SCH)
    assert run.summary.invalid == 0, [p for r in run.results for p in r.problems][:3]


def test_none_leaves_a_house_unmarked_and_its_men_persons(tmp_path):
    """Under "none": neither house marked, the men still persons."""
    out = _convert(tmp_path, _VITELLI, "none")
    persons = marks_in(out, "persName")
    assert "Vitelli" not in persons
    assert {"Pagolo Vitelli", "Messer Niccolò Vitelli"} <= set(persons)
    assert marks_in(out, "orgName") == []


# The same, the translator's introduction: the Medici, named by the particle's surname.
_MEDICI = (
    "Machiavelli was born at Florence on 3rd May 1469. Florence was at that time a great and\n"
    "wealthy city, whose power as an Italian power grew under the guidance of Lorenzo de’ Medici,\n"
    "Il Magnifico. The downfall of the Medici in Florence occurred in 1494, in which year\n"
    "Machiavelli entered the public service.\n\n"
    "Later he received a commission at the instance of Cardinal de’ Medici to write the History of\n"
    "Florence, and he dedicated the book to his patron, Giuliano de’ Medici, who had in the\n"
    "meanwhile become Pope Clement VII."
)


def test_org_marks_a_house_by_the_surname_its_men_bear_after_a_particle(tmp_path):
    """ "de’ Medici", the surname of Lorenzo and Giuliano: "the Medici" their house, an
    orgName; the men persons by their whole names."""
    out = _convert(tmp_path, _MEDICI, "org")
    assert marks_in(out, "orgName") == ["Medici"]
    assert {"Lorenzo de’ Medici", "Giuliano de’ Medici"} <= set(marks_in(out, "persName"))
    assert set(_families(out)) == {"Medici"}


# The same, chapter XX: the house of Sforza, named after the man who built the castle.
_SFORZA = (
    "The castle of Milan, built by Francesco Sforza, has made, and will make, more trouble for the\n"
    "house of Sforza than any other disorder in the state."
)


def test_org_marks_the_house_of_a_surname(tmp_path):
    """ "the house of Sforza": Sforza the house, though one man alone bears the surname; the
    founder a person. The default makes "Sforza" his surname, a person's mention."""
    out = _convert(tmp_path, _SFORZA, "org")
    assert marks_in(out, "orgName") == ["Sforza"]
    assert marks_in(out, "persName") == ["Francesco Sforza"]
    (tmp_path / "default").mkdir()
    out = _convert(tmp_path / "default", _SFORZA)
    assert marks_in(out, "persName") == ["Francesco Sforza", "Sforza"]


# Longfellow's notes to Dante's Divine Comedy (Inferno VI, and the note on Forese).
_DONATI = (
    "The seeds of the same dissension being thus sown in Florence, the whole city became divided,\n"
    "the Cerchi espousing the interests of the Bianchi, and the Donati those of the Neri.\n\n"
    "Florence being thus exposed to the greatest perils, and in a continued state of insurrection,\n"
    "Messer Corso Donati, with the Spini, the Pazzi, the Tosinghi, the Cavicciuli, and the populace\n"
    "attached to the Neri faction, applied, with the consent of their leaders, to Pope Boniface.\n\n"
    "Forese Donati, the brother-in-law and intimate friend of Dante."
)
_MAGDALENE = (
    "If, for instance, we could again behold the Magdalene receiving her pardon at Christ’s feet, or\n"
    "the disciples sitting with him at the table of Emmaus.\n\n"
    "Mary Magdalene, who as patron saint wears the red robe, as penitent wears violet and blue, the\n"
    "colors of sorrow and of constancy."
)


def test_none_leaves_a_family_unmarked_where_the_default_marks_its_surname(tmp_path):
    """ "the Donati", the surname of Corso and Forese Donati: a person's mention by default,
    none under "none", as Dante's editors read families; the men persons."""
    out = _convert(tmp_path, _DONATI)
    assert "Donati" in marks_in(out, "persName")
    (tmp_path / "none").mkdir()
    out = _convert(tmp_path / "none", _DONATI, "none")
    persons = marks_in(out, "persName")
    assert "Donati" not in persons
    assert {"Messer Corso Donati", "Forese Donati"} <= set(persons)
    assert marks_in(out, "orgName") == []


def test_a_surname_one_person_bears_is_his_after_the(tmp_path):
    """ "the Magdalene": Mary's byname, one woman's, no family; a person's mention under "org"
    and "none" as by default."""
    for families in ("org", "none"):
        (tmp_path / families).mkdir()
        out = _convert(tmp_path / families, _MAGDALENE, families)
        assert "Magdalene" in marks_in(out, "persName"), families
        assert marks_in(out, "orgName") == [], families


# The same (Milman quoted on Conradin, and the notes on the Balls of Gold, on the pope's wars
# and on Filippo Argenti).
_HOUSES = (
    "“Christendom heard with horror,” says Milman, History of Latin Christianity, Book XI Ch. 3,\n"
    "“that the royal brother of St. Louis, that the champion of the Church, after a mock trial, by\n"
    "the sentence of one judge, Robert di Lavena\u2060—after an unanswerable pleading by Guido de\n"
    "Suzaria, a famous jurist\u2060—had condemned the last heir of the Swabian house\u2060—a rival king\n"
    "who had fought gallantly for his hereditary throne\u2060—to be executed as a felon and a rebel on\n"
    "a public scaffold.\n\n"
    "The Balls of Gold were the arms of the Lamberti family.\n\n"
    "The wars against the Ghibellines in general, and particularly that waged against the Colonna\n"
    "family, ending in the destruction of Palestrina.\n\n"
    "He was of the Adimari family, and of the Neri faction; while Dante was of the Bianchi party,\n"
    "and in banishment."
)


def test_a_word_before_family_or_house_names_a_family_unless_a_peoples(tmp_path):
    """ "the Lamberti family", "the Colonna family", "the Adimari family": families, though the
    book gives no one these names; "the Swabian house", a people's adjective, none."""
    out = _convert(tmp_path, _HOUSES, "org")
    assert "Swabian" not in marks_in(out, "orgName")
    assert set(_families(out)) == {"Lamberti", "Colonna", "Adimari"}


# Gardiner, The French Revolution, chapters VI and XI: a family named in the plural of its
# surname.
_ROLANDS = (
    "The municipality of Marseilles, at the request of Barbaroux, a young friend of the\n"
    "Rolands, sent up a band of 500 men, who first sung in Paris the verses celebrated as the\n"
    "‘Marseillaise.’\n\n"
    "Amongst them were the late King’s sister, the gentle and pious Madame Elizabeth; the former\n"
    "Mayor of Paris, the grey-haired Bailly; the youthful Barnave, Mirabeau’s rival for popularity\n"
    "in the Constituent Assembly; Philip Egalité, who could not atone for the crime of his birth,\n"
    "although he had voted for the death of Louis; and Madame Roland, the friend and inspirer of the\n"
    "Girondists, condemned for plotting against the unity and indivisibility of the republic."
)


def test_org_marks_a_family_named_in_the_plural_of_its_surname(tmp_path):
    """ "the Rolands" (the line's end after "the"), the plural of Madame Roland's surname: a
    person's mention by default, the family's orgName under "org"."""
    out = _convert(tmp_path, _ROLANDS)
    assert "Rolands" in marks_in(out, "persName")
    (tmp_path / "org").mkdir()
    out = _convert(tmp_path / "org", _ROLANDS, "org")
    assert "Rolands" not in marks_in(out, "persName")
    assert "Madame Roland" in marks_in(out, "persName")
    assert marks_in(out, "orgName").count("Rolands") == 1


def test_a_second_run_over_its_own_output_changes_nothing(tmp_path):
    """Converted again into its own output, the families' entries read back: the same edition,
    byte for byte (the organisations' pass does not mark a family's name wherever written, as
    inside "Lorenzo de’ Medici")."""
    out = _convert(tmp_path, _MEDICI, "org")
    first = {p.name: p.read_bytes() for p in sorted(out.glob("*.xml"))}
    assert b"a family's name" in first["orgs.xml"]
    out = _convert(tmp_path, _MEDICI, "org")
    assert {p.name: p.read_bytes() for p in sorted(out.glob("*.xml"))} == first


def test_an_unknown_convention_is_refused(tmp_path):
    (tmp_path / "book.toml").write_text('[names]\nfamilies = "house"\n', encoding="utf-8")
    with pytest.raises(TeikitError, match=r'\[names\] families must be "person", "org" or "none", not "house"'):
        load_profile(tmp_path / "book.toml")


@pytest.mark.parametrize(
    ("book", "families"),
    [
        ("niccolo-machiavelli_the-prince_w-k-marriott", "org"),
        ("dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow", "none"),
    ],
)
def test_the_editors_profiles_choose_their_books_convention(book, families):
    """The Prince, a treatise on Italian states and their ruling houses: houses are bodies;
    Dante's commentary: families are no mentions (its development samples' readings)."""
    assert load_profile(PROFILES / f"{book}.toml").families == families


def test_a_family_the_editor_made_theirs_is_marked_in_a_familys_place_only(tmp_path):
    """A family's entry the editor wrote a note into (theirs, no longer a run's finding) is
    taken as it is, its note kept, and marked where it was: not inside "Lorenzo de’ Medici"."""
    out = _convert(tmp_path, _MEDICI, "org")
    first = {p.name: p.read_bytes() for p in sorted(out.glob("*.xml")) if p.name != "orgs.xml"}
    register = out / "orgs.xml"
    text = register.read_text(encoding="utf-8")
    org_end = text.index("</org>", text.index("a family's name"))
    register.write_text(f"{text[:org_end]}<note>The house of Lorenzo the Magnificent.</note>{text[org_end:]}", "utf-8")
    out = _convert(tmp_path, _MEDICI, "org")
    assert {p.name: p.read_bytes() for p in sorted(out.glob("*.xml")) if p.name != "orgs.xml"} == first
    assert b"The house of Lorenzo the Magnificent." in (out / "orgs.xml").read_bytes()


def test_a_family_the_editor_rejected_is_marked_nowhere(tmp_path):
    """A family's entry the editor rejected (`<note type="rejected">`) stays in the register
    and names nothing: "the Medici" unmarked, the men still persons."""
    out = _convert(tmp_path, _MEDICI, "org")
    register = out / "orgs.xml"
    text = register.read_text(encoding="utf-8")
    org_end = text.index("</org>", text.index("a family's name"))
    register.write_text(f'{text[:org_end]}<note type="rejected"/>{text[org_end:]}', "utf-8")
    out = _convert(tmp_path, _MEDICI, "org")
    assert marks_in(out, "orgName") == []
    assert "Medici" not in marks_in(out, "persName")
    assert set(_families(out)) == {"Medici"}


# Giles's Sun Tzŭ, his note on chapter V: a name, "the" and an epithet.
_COMPLETER = (
    "The Yellow Emperor, Tʽang the Completer and Wang all used spears and battle-axes in order to"
    " succor their generation."
)


def test_an_epithets_article_lists_no_family():
    """ "Tʽang the Completer and Wang": the "the" of an epithet after a name, no family's
    article: "Completer" is listed with no family, nor is "Wang" (the surname of Wang Hsi and
    Wang Chien, men of the book) a family's mention there."""
    found = family_names(_COMPLETER, {"Wang": ["Wang Chien", "Wang Hsi"]}, (), lambda word: False)
    assert set(found) == {"Wang"}
    assert FamilyMentions(found)(_COMPLETER) == []


# James, The Varieties of Religious Experience, lectures XI-XIII and XIV-XV: names in the
# plural used as types.
_XAVIERS = (
    "Like Saint Philip of Neri in former times, or like Saint Francis Xavier, she said to God:\n"
    "‘Hold back, O my God, these torrents which overwhelm me, or else enlarge my capacity for their\n"
    "reception.’\n\n"
    "Other early Jesuits, especially the missionaries among them, the Xaviers, Brébeufs, Jogues,\n"
    "were objective minds, and fought in their way for the world’s welfare; so their lives to‐day\n"
    "inspire us."
)


def test_names_used_as_types_are_no_family(tmp_path):
    """ "the Xaviers, Brébeufs, Jogues": men like Francis Xavier, persons' names used as types
    (`textnames.names_as_types`), no family, though "Xaviers" is the plural of his surname:
    persons' mentions under "org" as by default."""
    out = _convert(tmp_path, _XAVIERS, "org")
    assert "Xaviers" in marks_in(out, "persName")
    assert marks_in(out, "orgName") == []
