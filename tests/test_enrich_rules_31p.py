"""Persons named by a given name, a particle in lower case and the name of a town or a father
(issue 18), read in two books of Italian names converted with the default profile: The Prince
(Machiavelli, tr. W. K. Marriott) and Longfellow's Divine Comedy, both Standard Ebooks source
trees in the shared corpus. A given name no list gives is one where the book writes it
before "da" or "di" and a capitalised word ("Oliverotto da Fermo"), not a word opening
places' names ("Val di Chiana", "Monte di Croce"); the land after a name and "of" opens no
list of persons ("St. Francis of Accesi and Joachim of Flora"); the town after a forename's
particle lends no surname ("Roberto da San Severino"); "Madonna" is a lady's title."""

from __future__ import annotations

from corpus_marks import marked_texts


def test_a_given_name_before_a_particle_and_a_town_is_a_persons_whole_name(prince):
    said = "The first who gave renown to this soldiery was Alberigo da Conio"
    assert "Alberigo da Conio" in marked_texts(prince, said)
    said = "Alberico da Barbiano, Count of Cunio in Romagna"
    assert "Alberico da Barbiano" in marked_texts(prince, said)
    said = "a lawyer of some repute, and of Bartolommea di Stefano Nelli, his wife"
    assert "Bartolommea di Stefano Nelli" in marked_texts(prince, said)


def test_the_given_name_so_found_is_marked_alone_where_the_book_writes_it_alone(prince):
    said = "After these murders Oliverotto, mounted on horseback, rode up and down the town"
    assert "Oliverotto" in marked_texts(prince, said)  # the paragraph names Giovanni and others


def test_the_town_after_a_forenames_particle_lends_no_surname(prince):
    said = "Bartolomeo Colleoni of Bergamo; died 1457. Roberto of San Severino"
    assert "Severino" not in marked_texts(prince, said)


def test_words_opening_places_names_before_a_particle_are_no_given_names(dante):
    # "Val di Chiana", "Val di Magra", "Val Sesia": a valley's; "Monte di Croce" beside many
    # "Monte Cassino", "Monte Aperto": a castle's
    said = "The Val di Chiana, near Arezzo, was in Dante’s time marshy"
    assert marked_texts(dante, said) == ["Dante"]
    said = "the Cerchi had their castle of Monte di Croce"
    assert marked_texts(dante, said) == []
    said = "a nephew of Ghino di Tacco for highway robbery"
    assert "Ghino di Tacco" in marked_texts(dante, said)


def test_the_land_of_a_name_opens_no_list_of_persons(dante):
    said = "it produces men like St. Francis of Accesi and Joachim of Flora"
    assert "Accesi" not in marked_texts(dante, said)


def test_madonna_is_a_ladys_title_before_her_name(dante):
    said = "You must know that this lady. Madonna Francesca, was daughter of"
    assert "Madonna Francesca" in marked_texts(dante, said)
