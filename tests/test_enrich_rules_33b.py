"""Places named by the events, buildings and otherworlds of two books of Italian history and
poetry, and persons named with an epithet, a land or a regnal number (issue 18), read in The
Prince (Machiavelli, tr. W. K. Marriott) and Longfellow's Divine Comedy, Standard Ebooks
source trees of the shared corpus converted with the default profile.

A battle or a siege names the place it was fought at ("the battle of Vaila"), whether the
gazetteer knows it or not. A forename's land after his epithet or number is inside his name
("Philip the Fair of France"), as after the forename alone; a pontiff's title, a word and a
reign's number are one name though the word is common ("Pope Innocent III")."""

from __future__ import annotations

from corpus_marks import marked_texts


def test_the_place_a_battle_is_named_after_is_a_place(prince, dante):
    said = "This result was attained in the battle of Vaila, when Venice lost in one day"
    assert "Vaila" in marked_texts(prince, said, "placeName")
    said = "whose treason caused the defeat of the Guelfs at the famous battle of Montaperti in 1260"
    assert "Montaperti" in marked_texts(dante, said, "placeName")


def test_the_battles_place_so_found_is_marked_where_the_book_writes_it_alone(prince):
    said = "because, after the rout at Vaila, one party at once took courage and seized the state"
    assert "Vaila" in marked_texts(prince, said, "placeName")


def test_a_forenames_land_after_his_epithet_is_inside_his_name(dante):
    # "Ferdinand of Aragon" is one name; so after an epithet or a number
    said = "Philip the Fair of France, who, after his defeat at Courtray in 1302, falsified the coin"
    assert "Philip the Fair of France" in marked_texts(dante, said)
    assert "France" not in marked_texts(dante, said, "placeName")


def test_a_popes_title_word_and_number_are_one_name_though_the_word_is_common(dante):
    said = "granted by Pope Innocent III, in 1214"
    assert "Pope Innocent III" in marked_texts(dante, said)


_OTHERWORLD = (
    "THE COMEDY\n\nBy Anne Writer\n\n\nCANTO I\n\n"
    "There is a place in Hell called Malebolge, Wholly of stone and of an iron color, As is the circle\n"
    "that around it turns. Then it was clear to me how everywhere In heaven is Paradise, although the\n"
    "grace Of good supreme there rain not in one measure. Thou hast at length arrived at Purgatory; See\n"
    "there the cliff that closes it around. But by itself alone was banished forth From Paradise,\n"
    "because it turned aside Out of the way of truth. Place us below, nor be disdainful of it, There\n"
    "where the cold doth lock Cocytus up. Love has conducted us unto one death; Caïna waiteth him who\n"
    "quenched our life! Such an advantage has this Ptolomaea, That oftentimes the soul descendeth here.\n"
)


def test_the_otherworld_is_no_place_but_its_named_parts_are(tmp_path):
    """With the pack "christian" the otherworld's wholes are no places though the gazetteer
    knows towns of their names (Paradise, Nevada), and its named parts are (Malebolge, Cocytus,
    Caïna, Ptolomaea): verses of Longfellow's Divine Comedy."""
    from conftest import convert_with_packs, marks_in

    marked = marks_in(convert_with_packs(tmp_path, _OTHERWORLD, ["christian"]), "placeName")
    assert marked == ["Malebolge", "Cocytus", "Caïna", "Ptolomaea"]
    # the default profile alone takes the gazetteer's town, and knows no part
    plain = marks_in(convert_with_packs(tmp_path, _OTHERWORLD, name="plain"), "placeName")
    assert "Paradise" in plain and "Malebolge" not in plain


def test_a_church_named_after_its_saint_is_a_place_where_it_is_written(dante):
    # the noun inside when capitalised, with the Italian words that run on; no body
    said = "in the Capella Chigiana of the Church of Santa Maria del Popolo in Rome"
    assert "Church of Santa Maria del Popolo" in marked_texts(dante, said, "placeName")
    assert marked_texts(dante, said, "orgName") == []
    # the noun outside in lower case; the saint no person there
    said = "and died in the monastery of St. Victor in 1198"
    assert "St. Victor" in marked_texts(dante, said, "placeName")
    said = "He did the same for the church of St. Peter; he did the same for the church of Our Lady"
    assert "St. Peter" in marked_texts(dante, said, "placeName")
    assert "St. Peter" not in marked_texts(dante, said)
    said = "Above it on the hill stands the church of San Miniato."
    assert "San Miniato" in marked_texts(dante, said, "placeName")


def test_the_saint_stays_a_person_elsewhere(dante):
    said = "the tonsure in remembrance and reverence of St. Peter, on whom"
    assert "St. Peter" in marked_texts(dante, said)
