"""The states of ancient China an editor's pack lists (`[places] states`, the pack "chinese";
`teikit.enrich.polities`), and the aspirate of Wade-Giles in the place register.

A state of the profile's list is a place where the book writes it alone as a state ("the King
of Chʽin", "conquered by Chʽin", "the Han army"), though the book names it a ruling house too
and a man bears it as his surname; not where it names the house or its period ("the Chʽin and
Han dynasties", "the Sung philosopher", "the Later Han"), nor inside a man's name ("Han Hsin",
"Mei Yao-Chʽên"), nor where it stands bare as a verb's subject in a paragraph that named a man
whose name ends in it (the general "Huang-fu Sung" named again "Sung"): that man's name. The
aspirate tells two states apart in the register ("Chʽin" is not "Chin"). Each test holds real
sentences of Lionel Giles's translation of Sun Tzǔ's The Art of War (1910).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, convert_paragraphs, marks_in
from teikit.convert import convert
from teikit.profile import load_profile

_PACK = 'include = ["chinese"]\n'


def _convert(tmp_path, paragraphs: str, profile: str = _PACK) -> Path:
    return convert_paragraphs(tmp_path, paragraphs, profile)


def _marks(tmp_path, paragraphs: str, profile: str = _PACK) -> tuple[Counter, Counter]:
    """How often each persName and placeName text is marked in a one-chapter book of
    `paragraphs`, converted with the profile an editor writes beside it."""
    out = _convert(tmp_path, paragraphs, profile)
    return Counter(marks_in(out, "persName")), Counter(marks_in(out, "placeName"))


# Giles's introduction and his notes to chapters XI and XIII.
_CHIN = (
    "During the Chʽin and Han dynasties Sun Tzǔ’s Art of War was in general use amongst\n"
    "military commanders, but they seem to have treated it as a work of mysterious import.\n\n"
    "Chang Yü alludes to the mournful parting at the 易 I River between 荆軻 Ching Kʽo and his\n"
    "friends, when the former was sent to attempt the life of the King of Chʽin (afterwards\n"
    "First Emperor) in 227 BC.\n\n"
    "Shortly afterwards, the whole of Chʽu was conquered by Chʽin, and the king 負芻 Fu-chʽu\n"
    "led into captivity."
)


def test_a_listed_state_is_a_place_where_the_book_writes_it_as_a_state(tmp_path):
    """The King of Chʽin and the conqueror of Chʽu: the state, twice; the dynasties that open
    the first paragraph: no place."""
    _, places = _marks(tmp_path, _CHIN)
    assert places["Chʽin"] == 2


# Giles's note to chapter IX (Han Hsin at the Ching-hsing pass) and his introduction.
_HAN = (
    "“When the men of Chao see me in full flight,” Han Hsin said, “they will abandon their\n"
    "fortifications and give chase. This must be the sign for you to rush in, pluck down the\n"
    "Chao standards and set up the red banners of 漢 Han in their stead.” Then the Han army\n"
    "fell on them from both sides and completed the rout.\n\n"
    "The mistake is natural enough. Native critics refer to the 越絶書, a work of the Han\n"
    "dynasty, which says nothing of it."
)


def test_a_state_that_is_a_surname_and_a_dynasty_is_a_place_only_as_the_state(tmp_path):
    """Han's banners and the Han army: the state; Han Hsin: a man; "a work of the Han
    dynasty": the dynasty, no place."""
    persons, places = _marks(tmp_path, _HAN)
    assert places["Han"] == 2
    assert persons["Han Hsin"] == 1


# Giles's note to chapter IX, from the Hou Han Shu; and his note to chapter I on the five
# leaders of the Spring and Autumn period.
_SUNG = (
    "“The rebel 王國 Wang Kuo of 梁 Liang was besieging the town of 陳倉 Chʽên-tsʽang, and 皇甫嵩\n"
    "Huang-fu Sung, who was in supreme command, and 董卓 Tung Cho were sent out against him.\n"
    "The latter pressed for hasty measures, but Sung turned a deaf ear to his counsel. At last\n"
    "the rebels were utterly worn out. Sung was now for advancing to the attack, but Cho said:\n"
    "‘It is a principle of war not to pursue desperate men and not to press a retreating host.’\n"
    "Sung answered: ‘That does not apply here.’”\n\n"
    "The words and artifices of war are beyond verbal computation. Duke Hsiang of Sung and\n"
    "King Yen of Hsü were brought to destruction by their misplaced humanity."
)


def test_a_state_s_name_standing_for_a_general_named_before_is_his(tmp_path):
    """Sung, three times the subject of a verb after "Huang-fu Sung" in the same paragraph:
    the general, no state; "Duke Hsiang of Sung" in another: the state. Liang, the rebel's
    state written after its characters: a place."""
    persons, places = _marks(tmp_path, _SUNG)
    assert persons["Sung"] == 3
    assert places["Sung"] == 1
    assert places["Liang"] == 1


# Giles's introduction (the Sung commentators) and his note to chapter VI.
_LETTERS = (
    "It has been furnished with a commentary by the well-known Sung philosopher 張載 Chang\n"
    "Tsai. The Sung State lay between the great powers.\n\n"
    "This passage may be cited as evidence against Mei Yao-Chʽên’s interpretation of the\n"
    "words, and in favour of the State of Chʽên."
)


def test_a_state_s_name_before_a_noun_of_letters_or_after_a_hyphen_is_no_place(tmp_path):
    """ "the Sung philosopher": the dynasty dates him; "Mei Yao-Chʽên": a syllable of a man's
    name; "the Sung State", "the State of Chʽên": the states."""
    _, places = _marks(tmp_path, _LETTERS)
    assert places["Sung"] == 1
    assert places["Chʽên"] == 1


# Giles's note to chapter I (Wu's victories) and to chapter XIII (the Former Chʽin).
_TWO_STATES = (
    "In the west, he defeated the Chʽu State; to the north he put fear into the States of\n"
    "Chʽi and Chin, and spread his fame abroad amongst the feudal princes.\n\n"
    "Li Chʽüan cites the case of 苻堅 Fu Chien, prince of 秦 Chʽin, who in 383 AD marched with a\n"
    "vast army against the Chin Emperor."
)


def test_the_aspirate_tells_two_states_apart_in_the_register(tmp_path):
    """Chʽin (Qin) and Chin (Jin): two entries of the place register, not one."""
    out = _convert(tmp_path, _TWO_STATES)
    names = [
        " ".join(el.text.split())
        for el in etree.parse(str(out / "places.xml")).iter("{http://www.tei-c.org/ns/1.0}placeName")
    ]
    assert "Chʽin" in names
    assert "Chin" in names


# Giles's note to the introduction on Sun Wu's grave.
_KIANGSU = (
    "“Ten li outside the Wu gate [of the city of Wu, now Soochow in Kiangsu] there is a great\n"
    "mound, raised to commemorate the entertainment of Sun Wu of Chʽi.”"
)


def test_a_province_under_its_old_spelling_is_a_place(tmp_path):
    """Kiangsu (Jiangsu), which the gazetteer does not know so spelt: the pack's."""
    _, places = _marks(tmp_path, _KIANGSU)
    assert places["Kiangsu"] == 1


_WAR = ROOT.parent / "shared" / "corpus" / "epub" / "sun-tzu_the-art-of-war_lionel-giles"
_WAR_PROFILE = ROOT / "tests" / "data" / "enrich" / "profiles" / "sun-tzu_the-art-of-war_lionel-giles.toml"


@pytest.fixture(scope="module")
def war(tmp_path_factory) -> Path:
    """The Art of War (../shared/corpus/epub) converted with its editor's profile, where the
    romanised words stand in elements of their own (`<foreign>Chʽin</foreign>`)."""
    if not _WAR.is_dir():
        pytest.skip(f"the development corpus is not beside the project ({_WAR} absent)")
    out = tmp_path_factory.mktemp("war") / _WAR.name
    convert(_WAR, out, profile=load_profile(_WAR_PROFILE), allow_loss=True)
    return out


def _paragraph_marks(edition: Path, opening: str, tag: str) -> list[str]:
    """The `tag` marks of the paragraph or note of `edition` whose text opens with `opening`."""
    tei = "{http://www.tei-c.org/ns/1.0}"
    for f in sorted(edition.glob("*.xml")):
        for block in etree.parse(str(f)).iter(f"{tei}p", f"{tei}note"):
            if "".join(block.itertext()).lstrip().startswith(opening):
                return [" ".join("".join(e.itertext()).split()) for e in block.iter(f"{tei}{tag}")]
    raise AssertionError(f"no paragraph opens with {opening!r}")


def test_in_the_epub_a_dynasty_list_set_apart_word_by_word_is_no_place(war):
    """ "During the <foreign>Chʽin</foreign> and <foreign>Han</foreign> dynasties": each word in
    an element of its own, the house's word after the second; neither is a place."""
    assert _paragraph_marks(war, "During the Chʽin and Han dynasties", "placeName") == []


def test_in_the_epub_a_state_set_apart_is_a_place(war):
    """ "the King of <foreign>Chʽin</foreign>": the state."""
    assert "Chʽin" in _paragraph_marks(war, "Not because they are afraid", "placeName")


def test_in_the_epub_a_river_set_apart_after_its_characters_is_one_name_with_its_word(war):
    """ "the 易 <foreign>I</foreign> River" (Giles's note to chapter XI) and "at the 濰
    <foreign>Wei</foreign> River" (his note to chapter IX): each river one name, "River"
    inside; the state Wei alone no mark there."""
    assert "I River" in _paragraph_marks(war, "Not because they are afraid", "placeName")
    marks = _paragraph_marks(war, "The Tʽung Tien and Yü Lan read 度 for 濟", "placeName")
    assert "Wei River" in marks
    assert "Wei" not in marks


def test_in_the_epub_a_pass_set_apart_after_its_characters_is_one_name_with_its_word(war):
    """ "the mouth of the 井陘 <foreign>Ching-hsing</foreign> pass" (Giles's note to chapter
    IX on Han Hsin's battle): the pass, its word inside."""
    assert "Ching-hsing pass" in _paragraph_marks(war, "Compare the paradoxical saying", "placeName")


def test_in_the_epub_a_name_opening_with_a_syllable_of_one_letter_is_no_common_word(war):
    """ "the town of 閼與 <foreign>O-yü</foreign>" (Giles's note to chapter VII), then "on his
    march to O-yü" (his note to chapter XIII): a place, though the book writes the letter "o"
    alone (the superscript of "fol. 3 v<sup>o</sup>"), which no syllable of a name is."""
    assert "O-yü" in _paragraph_marks(war, "By means of heavy bribes", "placeName")
