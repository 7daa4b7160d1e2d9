"""Persons in Longfellow's notes to The Divine Comedy and in The Prince (Machiavelli, tr. W. K.
Marriott), the Standard Ebooks source trees of the shared corpus converted with the default
profile as an editor's first run converts them (issue 18): a name lengthened by a title or a
byname over a word the book names as a person alone is one mention, its text written once;
a ruler's number of ten and one ("Louis XI") is the name's."""

from __future__ import annotations

from corpus_marks import marked_texts


def test_a_name_lengthened_over_a_name_found_alone_is_one_mention_written_once(dante):
    # The notes name an Anjou and a Pope alone elsewhere; "Charles of Anjou" (a forename's
    # bearer by his land) and "Pope Gregory IX" (a sovereign's title before the name) hold
    # them. `marked_texts` finds the block by its text: a word written twice would lose it.
    said = "he sunk into the vassal of Charles of Anjou."
    assert "Charles of Anjou" in marked_texts(dante, said)
    assert "Anjou" not in marked_texts(dante, said)
    said = "gives a long letter of Pope Gregory IX in which he calls"
    assert "Pope Gregory IX" in marked_texts(dante, said)
    assert "Pope" not in marked_texts(dante, said)


def test_a_rulers_number_of_ten_and_one_is_the_names(prince):
    said = "Louis XII divorced his wife, Jeanne, daughter of Louis XI, and married in 1499"
    assert "Louis XI" in marked_texts(prince, said)
    assert "Louis" not in marked_texts(prince, said)


def test_a_forename_and_a_particle_in_lower_case_before_a_name_are_one_name(prince, dante):
    # "de’" (Italian "dei" elided) is a particle of the default profile: the surname opens with it
    said = "under the guidance of Lorenzo de’ Medici, Il Magnifico"
    assert "Lorenzo de’ Medici" in marked_texts(prince, said)
    assert "Lorenzo" not in marked_texts(prince, said)
    # Jacopo, no forename of the profile, is named alone ("O Jacopo,” it said"); a particle and
    # his town's name after him tell him apart
    said = "Jacopo da St. Andrea was a Paduan of like character and life as Lano."
    assert "Jacopo da St. Andrea" in marked_texts(dante, said)
    assert "Jacopo" not in marked_texts(dante, said)


def test_italian_given_names_of_the_default_profile_open_names(dante, prince):
    said = "These two “miserable brothers” are Alessandro and Napoleone, sons of Alberto degli Alberti"
    marked = marked_texts(dante, said)
    assert {"Alessandro", "Napoleone", "Alberto degli Alberti"} <= set(marked)
    said = "Bernardo di Niccolò Machiavelli, a lawyer of some repute"
    assert "Bernardo di Niccolò Machiavelli" in marked_texts(prince, said)
    assert "Machiavelli" not in marked_texts(prince, said)


def test_signior_is_an_honorific_inside_the_name(dante):
    # the old English spelling of "Signor", in an old translation of Boccaccio quoted in a note
    said = "It chanced upon a day that Signior Guido, departing from the"
    assert "Signior Guido" in marked_texts(dante, said)


def test_a_surname_opening_with_a_particle_after_capitalised_words_is_no_mention_alone(dante):
    # Alberto della Scala is named whole elsewhere; "Can Grande della Scala" is another man,
    # whose forename and byname no rule knows: not "della Scala" alone, linked to Alberto
    said = "In a letter to Can Grande della Scala, Dante writes"
    assert "della Scala" not in marked_texts(dante, said)


def test_a_word_elided_before_its_apostrophe_ends_no_byname(dante):
    # "Sant’ Andrea": "da Sant" is no surname; Jacopo, named alone, is marked as before
    said = "Lano and Jacopo da Sant’ Andrea."
    assert "Jacopo da Sant" not in marked_texts(dante, said)
    assert "Jacopo" in marked_texts(dante, said)


def test_italian_and_french_regions_of_the_default_profile_are_places(dante):
    said = "was born of a noble family at the castle of Ribeyrac in Périgord"
    assert "Périgord" in marked_texts(dante, said, "placeName")
    # a land after a title and "of", named once in a list with persons: the land, no person
    said = "gave the kingdom of Naples and Sicily to his third son, Robert, Duke of Calabria"
    assert "Calabria" in marked_texts(dante, said, "placeName")
    assert "Calabria" not in marked_texts(dante, said)
