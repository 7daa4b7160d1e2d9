"""Bodies and parties named without an organisation's noun (issue 14's orgName recall), in
books of the development corpus converted with the profile their editor chose: the French
Revolution's parties, clubs and courts by the pack french-republican's list (Gardiner's
history), the States-General by the default profile's (Gardiner's and The Federalist's), the
Amphictyons by the pack classical's (The Federalist)."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, converted_word, marked_texts, marks


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules30o")


def test_the_revolutions_parties_and_clubs_are_bodies_their_member_and_adjective_are_not(book):
    gardiner = book("gardiner-french-revolution")
    said = "The Montagnards supported a coercive policy"
    assert "Montagnards" in marked_texts(gardiner, said, "orgName")
    said = "The Girondists had eloquence and courage, but no practical programme"
    assert "Girondists" in marked_texts(gardiner, said, "orgName")
    said = "A schism took place in the Jacobins. The constitutionalists founded a new club, the Feuillants"
    marked = marked_texts(gardiner, said, "orgName")
    assert "Jacobins" in marked and "Feuillants" in marked
    # the Convention's sides by their seats: the Plain is no town of that name here
    said = "The Centre of the Convention, often styled the Plain, consisted mainly of new-comers"
    assert "Plain" in marked_texts(gardiner, said, "orgName")
    assert "Plain" not in marked_texts(gardiner, said, "placeName")
    # the old sovereign law courts, in the plural
    said = "involved in incessant strife with the Parliaments. The Parliaments concealed"
    assert marked_texts(gardiner, said, "orgName").count("Parliaments") >= 2
    # an adjective, a member: no body
    said = "according as it was under the dominion of constitutionalist or Girondist opinions"
    assert "Girondist" not in marked_texts(gardiner, said, "orgName")
    said = "Some of the deputies in mission joined the Hébertist faction"
    assert "Hébertist" not in marked_texts(gardiner, said, "orgName")


def test_the_states_general_of_france_and_of_the_netherlands_is_a_body(book):
    said = "But in 1789 the work before the States-General was not one of ordinary legislation"
    assert "States-General" in marked_texts(book("gardiner-french-revolution"), said, "orgName")
    said = "The sovereignty of the Union is represented by the States-General"
    assert "States-General" in marked_texts(book("federalist-papers-1998"), said, "orgName")


def test_the_amphictyons_are_the_greek_council_their_founder_is_not(book):
    federalist = book("federalist-papers-1998")
    said = "as soon as the king of Macedon obtained a seat among the Amphictyons"
    assert "Amphictyons" in marked_texts(federalist, said, "orgName")
    said = "Amphictyon, we are told, was the author of that which bore his name"
    assert "Amphictyon" not in marked_texts(federalist, said, "orgName")


def test_the_states_general_written_with_a_space_or_a_hyphen_is_one_body(book):
    gardiner = book("gardiner-french-revolution")
    spaced = marks(gardiner, "Meeting of the States General.", "orgName")
    hyphened = marks(gardiner, "But in 1789 the work before the States-General was not one", "orgName")
    body = dict(hyphened)["States-General"]
    assert spaced == [("States General", body)]


def test_a_noun_after_the_and_a_word_describing_it_names_the_body_as_after_the(book):
    gardiner = book("gardiner-french-revolution")
    said = "was the dread of an insurrection directed against the entire Convention"
    assert "Convention" in marked_texts(gardiner, said, "orgName")
    said = "They feared to come into violent collision with the unscrupulous Commune"
    assert marked_texts(gardiner, said, "orgName").count("Commune") == 2
    said = "that, after the dissolution of the existing Assembly, new men would come into power"
    assert "Assembly" in marked_texts(gardiner, said, "orgName")
    # The Federalist's Senate, described
    said = "If the federal Senate, therefore, really contained the danger"
    assert "Senate" in marked_texts(book("federalist-papers-1998"), said, "orgName")


def test_a_word_that_points_back_names_no_body(dante):
    # "the said Church": the building the sentence spoke of
    # (the paragraph names the Church elsewhere: the sentence's own words are read)
    written = "".join(f.read_text(encoding="utf-8") for f in sorted(dante.glob("part*.xml")))
    assert "goodly Marble Tombs were then about the said Church, as now" in written
    # while a word that describes the body is read as after "the"
    said = "Has held the holy Church within his arms"
    assert "Church" in marked_texts(dante, said, "orgName")


def test_a_names_first_word_the_book_writes_in_lower_case_before_its_noun_is_the_name(book):
    # "constituent" stands before "Assembly" in 12 of its 13 uses, and the book writes the
    # "Constituent Assembly" too: one name, with its word in lower case
    gardiner = book("gardiner-french-revolution")
    said = "The ecclesiastical settlement attempted by the constituent Assembly was being daily"
    assert "constituent Assembly" in marked_texts(gardiner, said, "orgName")
    said = "members of the present constituent Assembly to the ensuing Legislature"
    marked = marked_texts(gardiner, said, "orgName")
    assert "constituent Assembly" in marked and "Legislature" in marked
    # "new" stands before a hundred other words: the Legislature, described
    said = "Monarchists an opportunity of obtaining a majority in the new Legislature"
    assert "Legislature" in marked_texts(gardiner, said, "orgName")
    assert "new Legislature" not in marked_texts(gardiner, said, "orgName")


def test_a_name_after_the_number_that_opens_a_lists_paragraph_is_no_title(book):
    # Keynes's proposals, numbered "(1)" to "(4)": "The" opens the sentence after the number
    keynes = book("keynes-economic-consequences")
    said = "(4) The Reparation Commission should be dissolved"
    assert "Reparation Commission" in marked_texts(keynes, said, "orgName")
    said = "(4) The Coal Commission already established by the Allies should become"
    assert "Coal Commission" in marked_texts(keynes, said, "orgName")


def test_a_bodys_name_in_a_quotations_capitals_is_the_body(book):
    # The Federalist quotes the Constitution's words in capitals: "Congress" is the body the
    # book names without an article, "the Senate" the one it names after "the"
    federalist = book("federalist-papers-1998")
    said = "that they shall not, WITHOUT THE CONSENT OF CONGRESS, lay such duties"
    assert "CONGRESS" in marked_texts(federalist, said, "orgName")
    said = '"BY AND WITH THE ADVICE AND CONSENT OF THE SENATE, TO MAKE TREATIES'
    assert "SENATE" in marked_texts(federalist, said, "orgName")
    # the other capitals are no body
    assert "CONSENT" not in marked_texts(federalist, said, "orgName")


def test_a_saints_name_after_of_and_st_names_the_body_not_a_church(book, prince):
    # the Prince's endnote, "St." and a no-break space before the saint's name
    said = "He was the leader of the famous “Company of St. George,” composed entirely"
    assert "Company of St. George" in marked_texts(prince, said, "orgName")
    # Gardiner's church of St. Roch is the building named for him: no body of that name
    gardiner = book("gardiner-french-revolution")
    written = "".join(f.read_text(encoding="utf-8") for f in sorted(gardiner.glob("ch*.xml")))
    assert "Church of St. Roch" in " ".join(written.split()).replace("</orgName>", "")
    assert ">Church of St. Roch</orgName>" not in written


def test_a_forum_and_a_brigade_end_a_bodys_name(book, tmp_path_factory):
    # Wells's town has a Fire Brigade (its captain, Boomer); the book's lower-case "fire
    # brigade" is the common noun
    wells = book("wells-mr-polly")
    said = "Boomer, captain of the Fire Brigade, appeared, staring out"
    assert "Fire Brigade" in marked_texts(wells, said, "orgName")
    # the WGIG report's forum of security teams, its short name in brackets after it
    wgig = converted_word(tmp_path_factory, "wgig-background-report-2005")
    said = "Many CERTs belong to the Forum of Incident Response and Security Teams (FIRST)"
    marked = marked_texts(wgig, said, "orgName")
    assert "Forum of Incident Response and Security Teams" in marked and "FIRST" in marked
