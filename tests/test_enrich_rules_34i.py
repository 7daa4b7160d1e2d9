"""The pack "italian" (src/teikit/profiles/italian.toml): Italian names in English books of the
Middle Ages and the Renaissance, for a book whose editor's profile says include = ["italian"].

Its given names open a full name ("Dino Compagni"), also without their last vowel as verse
drops it after "l", "n" or "r" ("Rinier Pazzo"); its titles stand before a name as the
default's do ("Ser Brunetto"); a given name no list holds is read before "de’", "degli", "del"
and "della" as before "da" and "di" ("Tebaldello de’ Manfredi", "Giano della Bella"); the words
that open the names of an Italian town's bridges, markets and squares make places of them ("the
Mercato Vecchio", "the Ponte Vecchio"). Left out, and so left as they were: "Marchese", a given
name as often as a title ("I saw Messer Marchese"), and "Ubaldo", a mountain's name ("Mount
Ubaldo"). Each test converts real paragraphs of Longfellow's Divine Comedy (its verse and his
notes) or of Marriott's notes to The Prince (the shared corpus's EPUB sources, skipped where
absent), with the pack and without it.
"""

from __future__ import annotations

from conftest import ROOT, convert_paragraphs, marks_in
from corpus_marks import xhtml_paragraph
from teikit.profile import load_profile

EPUB = ROOT.parent / "shared" / "corpus" / "epub"
DANTE_NOTES = EPUB / "dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow" / "text" / "endnotes.xhtml"
INFERNO = EPUB / "dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow" / "text" / "inferno.xhtml"
PURGATORIO = EPUB / "dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow" / "text" / "purgatorio.xhtml"
PRINCE_NOTES = EPUB / "niccolo-machiavelli_the-prince_w-k-marriott" / "text" / "endnotes.xhtml"
ITALIAN = 'include = ["italian"]\n'


def _paragraphs(source, *said: str) -> str:
    """The paragraphs of an XHTML file that write each of `said`, the note's back-link arrow
    left out, one after another."""
    return "\n\n".join(xhtml_paragraph(source, s).replace("↩", "").strip() for s in said)


def _marks(tmp_path, paragraphs: str, profile: str = "") -> tuple[list[str], list[str]]:
    """The persName and placeName marks of a one-chapter book of `paragraphs`, converted with
    the profile `profile` an editor writes beside it (none: teikit's default)."""
    folder = tmp_path / ("italian" if profile else "default")
    folder.mkdir(parents=True)
    out = convert_paragraphs(folder, paragraphs, profile)
    return marks_in(out, "persName"), marks_in(out, "placeName")


def test_the_pack_loads_with_its_lists_added_to_the_default(tmp_path):
    (tmp_path / "book.toml").write_text(ITALIAN, encoding="utf-8")
    pack, default = load_profile(tmp_path / "book.toml"), load_profile()
    assert pack.packs == ("italian",)
    assert "Brunetto" in pack.forenames and "Brunetto" not in default.forenames
    assert "Ser" in pack.honorifics and "Ser" not in default.honorifics
    assert set(default.forenames) <= set(pack.forenames)  # the pack adds; the default's stay


def test_a_given_name_of_the_pack_opens_a_full_name(tmp_path):
    """ "Dino Compagni, a contemporary of Giano": Dino, a Florentine given name, opens the
    chronicler's name; "San Giorgio is Raffaello Riario", Raffaello the cardinal's."""
    text = _paragraphs(DANTE_NOTES, "Dino Compagni, a contemporary of Giano")
    assert "Dino Compagni" not in _marks(tmp_path / "a", text)[0]
    assert "Dino Compagni" in _marks(tmp_path / "b", text, ITALIAN)[0]
    text = _paragraphs(PRINCE_NOTES, "San Giorgio is Raffaello Riario")
    assert "Raffaello Riario" not in _marks(tmp_path / "c", text)[0]
    assert "Raffaello Riario" in _marks(tmp_path / "d", text, ITALIAN)[0]


def test_an_italian_title_before_a_name(tmp_path):
    """ "Ser Brunetto, returning from an embassy to King Alphonso of Spain": Ser, the notary's
    title, inside the mention as an honorific is."""
    text = _paragraphs(DANTE_NOTES, "Ser Brunetto, returning from an embassy")
    assert "Ser Brunetto" not in _marks(tmp_path / "a", text)[0]
    assert "Ser Brunetto" in _marks(tmp_path / "b", text, ITALIAN)[0]


def test_a_given_name_before_de_or_della_and_a_family_name(tmp_path):
    """ "Tebaldello de’ Manfredi treacherously opened the gates of Faenza", "Giano della Bella,
    himself a noble": given names no list holds, read before the particle as before "da"."""
    text = _paragraphs(DANTE_NOTES, "Tebaldello de’ Manfredi treacherously", "Giano della Bella, himself a noble")
    before = _marks(tmp_path / "a", text)[0]
    after = _marks(tmp_path / "b", text, ITALIAN)[0]
    assert "Tebaldello de’ Manfredi" not in before and "Giano della Bella" not in before
    assert "Tebaldello de’ Manfredi" in after and "Giano della Bella" in after


def test_a_market_and_a_bridge_named_the_italian_way_are_places(tmp_path):
    """ "The Caponsacchi lived in the Mercato Vecchio", "Between the Ponte Vecchio, where once
    stood the statue of Mars": places, and Vecchio no man's surname."""
    text = _paragraphs(DANTE_NOTES, "The Caponsacchi lived in the Mercato Vecchio", "Between the Ponte Vecchio")
    persons, places = _marks(tmp_path / "b", text, ITALIAN)
    assert "Mercato Vecchio" in places and "Ponte Vecchio" in places
    assert not any("Vecchio" in p for p in persons)
    assert "Mercato Vecchio" not in _marks(tmp_path / "a", text)[1]


def test_a_given_name_that_is_a_title_or_a_mountain_is_left_out(tmp_path):
    """ "I saw Messer Marchese, who had leisure / Once at Forli for drinking" (Purgatorio XXIV):
    Marchese a man's given name after Messer, no second title; "owes to Mount Ubaldo" (a note):
    the mountain stays a place, Ubaldo no given name of the pack."""
    text = _paragraphs(PURGATORIO, "I saw Messer Marchese") + "\n\n" + _paragraphs(DANTE_NOTES, "owes to Mount Ubaldo")
    persons, places = _marks(tmp_path, text, ITALIAN)
    assert "Messer Marchese" in persons
    assert "Mount Ubaldo" in places and "Ubaldo" not in persons


def test_a_given_name_without_its_last_vowel_as_verse_writes_it(tmp_path):
    """ "In Rinier da Corneto and Rinier Pazzo, Who made upon the highways so much war" (Inferno
    XII): Rinier, Rinieri without its last vowel, opens both highwaymen's names."""
    text = _paragraphs(INFERNO, "and Rinier Pazzo")
    assert "Rinier Pazzo" not in _marks(tmp_path / "a", text)[0]
    assert "Rinier Pazzo" in _marks(tmp_path / "b", text, ITALIAN)[0]


def test_a_saints_name_before_del_names_a_church_no_given_name(tmp_path):
    """ "with the name given to the Duomo, St. Maria del Fiore": the cathedral named for the
    Virgin, no woman of the Fiore family, though "del" follows a given name in the pack."""
    text = _paragraphs(DANTE_NOTES, "St. Maria del Fiore")
    persons = _marks(tmp_path, text, ITALIAN)[0]
    assert "Leonardo Aretino" in persons  # the paragraph's own person, found by the pack
    assert not any("Fiore" in p for p in persons)
