"""Persons in a poem with a translator's notes (issue 18), read in Longfellow's Divine Comedy
(Standard Ebooks source tree of the shared corpus, converted with the default profile) and in
its sentences converted with the pack "christian".

A book of the Church's writers names its saints by their title ("St. Gregory"): with the pack
"christian" the title and the name are a person, the epithet after them too ("St. John the
Baptist"), not where they end a longer name or name a monastery ("Hugo of St. Victor", "the
monastery of St. Victor"). The heavens of the old astronomy are the planets' ("the Heaven of
Venus"). Whatever the profile: a person's noun after "of which" or "where" is no apposition
("Marseilles, of which his father was lord"); a place after a preposition of place and a comma
before "and" lists no person with the clause that follows ("enter into Anagni, and Christ
again captive"); "the Lord of Verona" is a man's title; a saint's forename after "Santa" names a
church ("that of Santa Maria"); a great city after "in" or "at" is the city though a knight of
romance bears its name ("a street in Paris", "Sir Paris"); a word after a question's closing
quotation mark opens a clause, no forename ("is it?’ Whereto Biondello thus answered"); a word
the text gives as a name is one ("a certain Gotto", "a man named Ananias", "Carlo Roberto (or
Caroberto)"); a man named alone and his town after "of" are one name ("Sordello of Mantua"), and
so are he and his epithet after "the" ("Sordello the Troubadour", "Peter the Third of Aragon")."""

from __future__ import annotations

from conftest import convert_with_packs, marks_in
from corpus_marks import marked_texts

_NOTES = (
    "THE NOTES\n\nBy Anne Writer\n\n\nCANTO XXVIII\n\n"
    "The Angels of this heaven are ranged in three triads, and yet the order of them was long in\n"
    "dispute. St. Gregory differed from St. Dionysius in the arrangement of the Orders, placing the\n"
    "Principalities in the second triad, and the Virtues in the third.\n\n"
    "It will be remembered that St. John the Baptist is the patron saint of Florence.\n\n"
    "Hugo of St. Victor was a monk in the monastery of St. Victor near Paris.\n\n"
    "By the sacred trio of St. Peter, St. James, and St. John.\n\n"
    "CANTO VIII\n\n"
    "The Heaven of Venus is continued in this canto. The beautiful Clemence here addressed is the\n"
    "daughter of the Emperor Rudolph.\n"
)


def test_a_saint_is_named_by_his_title_in_a_book_of_the_church(tmp_path):
    marked = marks_in(convert_with_packs(tmp_path, _NOTES, ["christian"]), "persName")
    assert "St. Gregory" in marked and "St. Dionysius" in marked
    assert "St. John the Baptist" in marked  # his epithet inside, no comma before it
    assert "St. James" in marked  # a list's word, after a saint's name and its comma
    # the end of a longer name, a monastery's name: no saint there
    assert "St. Victor" not in marked


def test_without_the_pack_a_saints_title_proves_nothing(tmp_path):
    # most books name quarters, towns and churches so as often ("the Faubourg St. Antoine")
    marked = marks_in(convert_with_packs(tmp_path, _NOTES, name="plain"), "persName")
    assert "St. Gregory" not in marked and "St. Dionysius" not in marked


def test_the_heaven_of_a_planet_is_the_planets(tmp_path):
    marked = marks_in(convert_with_packs(tmp_path, _NOTES, ["christian"]), "persName")
    assert "Venus" not in marked
    assert "Clemence" not in marked or "Emperor Rudolph" in marked  # (the sentence's persons untouched)


def test_a_persons_noun_after_of_which_is_said_of_the_place(dante):
    said = "That part of Provence, embracing Avignon, Aix, Aries, and Marseilles, of which his father was lord"
    assert "Marseilles" not in marked_texts(dante, said)
    assert "Aries" not in marked_texts(dante, said)


def test_a_place_and_the_next_clause_after_a_comma_list_no_person(dante):
    said = "to behold the Fleur-de-lis enter into Anagni, and Christ again captive in his Vicar"
    assert "Anagni" not in marked_texts(dante, said)
    assert "Christ" in marked_texts(dante, said)


def test_the_lord_of_a_town_is_a_mans_title(dante):
    said = "Rinaldo Annibaldeschi, the Lord of Viterbo, was compelled to ask pardon on his knees"
    assert "Lord" not in marked_texts(dante, said)
    said = "The arms of Guido da Polenta, Lord of Ravenna, Dante’s friend"
    assert "Lord" not in marked_texts(dante, said)


def test_a_forename_after_santa_names_a_church(dante):
    said = "The principal church of Anagni, that of Santa Maria, protected the Pope’s palace."
    assert "Maria" not in marked_texts(dante, said)


def test_a_great_city_after_in_is_the_city_though_a_knight_bears_its_name(dante):
    said = "introducing the name of a street in Paris"
    assert "Paris" not in marked_texts(dante, said)
    assert "Paris" in marked_texts(dante, said, "placeName")


def test_a_word_after_a_questions_closing_quotation_mark_is_no_forename(dante):
    said = "Whereto Biondello thus answered"
    assert "Whereto Biondello" not in marked_texts(dante, said)
    assert "Biondello" in marked_texts(dante, said)


def test_a_man_the_text_names_so_is_a_person(dante):
    # "a certain", "whose name was", "a man named": the name given, once enough
    said = "he mentions a certain Gotto of Mantua as the author of many good songs"
    assert "Gotto of Mantua" in marked_texts(dante, said)  # his town inside, no comma before it
    said = "and this Gotto is supposed to be Sordello"
    assert "Gotto" in marked_texts(dante, said)
    said = "But a certain man named Ananias, with Sapphira his wife, sold a possession"
    assert "Ananias" in marked_texts(dante, said)


def test_another_form_of_a_name_in_brackets_is_the_same_persons(dante):
    said = "thus dispossessing Carlo Roberto (or Caroberto), son of Charles Martel and Clemence"
    assert "Caroberto" in marked_texts(dante, said)


def test_a_man_named_alone_and_his_town_after_of_are_one_name(dante):
    said = "speaks of Sordello of Mantua as “a man so choice in his language"
    assert "Sordello of Mantua" in marked_texts(dante, said)
    assert "Cato of Utica" in marked_texts(dante, "The shores of Purgatory⁠—Cato of Utica.")


def test_a_man_named_alone_and_his_epithet_after_the_are_one_name(dante):
    said = "no question of the Provençal in which Sordello the Troubadour wrote"
    assert "Sordello the Troubadour" in marked_texts(dante, said)
    said = "according to Dionysius the Areopagite are as follows"
    assert "Dionysius the Areopagite" in marked_texts(dante, said)
    # his land after his epithet: "Peter the Third of Aragon", as "Philip the Fair of France"
    said = "Charles of Anjou, Peter the Third of Aragon, and Philip the Third of France"
    assert "Peter the Third of Aragon" in marked_texts(dante, said)
