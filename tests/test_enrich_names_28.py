"""Persons in The Prince (Machiavelli, tr. W. K. Marriott, the Standard Ebooks source tree in
the shared corpus), a book without an index converted with the default profile as an editor's
first run would convert it (issue 18): Italian given names joined to a surname by a particle
in lower case, the Roman names Titus and Fabius before another, the names popes took with
their regnal numbers, and a name after "title of" (the title, no mention)."""

from __future__ import annotations

from corpus_marks import marked_texts


def test_an_italian_forename_and_a_surname_after_a_lower_case_particle_are_one_name(prince):
    said = "there he saw Cesare Borgia cheated into allowing the choice of the College to fall on Giuliano delle Rovere"
    assert "Giuliano delle Rovere" in marked_texts(prince, said)


def test_a_surname_after_an_italian_forename_names_its_bearer_alone_too(prince):
    # "In a letter to Francesco Vettori, dated 13th December 1513": Vettori alone is his
    said = "concludes his letter to Vettori thus"
    assert "Vettori" in marked_texts(prince, said)


def test_a_praenomen_of_rome_makes_a_full_name(prince):
    said = "but he who was conquered by Titus Quintius, had not much territory"
    assert "Titus Quintius" in marked_texts(prince, said)


def test_fabius_the_roman_name_english_writes_first_makes_a_full_name(prince):
    said = "For this he was upbraided in the Senate by Fabius Maximus, and called the corrupter"
    assert "Fabius Maximus" in marked_texts(prince, said)


def test_a_popes_name_with_its_regnal_number_is_a_person(prince):
    said = "On the death of Pius III, in 1503, Machiavelli was sent to Rome"
    assert "Pius III" in marked_texts(prince, said)


def test_a_name_after_title_of_is_the_title_given_not_its_bearer(prince):
    said = "and sent him the title of Caesar; and, moreover, that the Senate had made Albinus his colleague"
    assert "Caesar" not in marked_texts(prince, said)
    assert "Albinus" in marked_texts(prince, said)
