"""Places of a book on ancient China (issue 18): The Art of War (Sun Tzu, tr. Lionel Giles,
Standard Ebooks), converted with the default profile. The states of the Warring States are
named by the words English uses for a polity, and this book names many of them only so: each
of a list after a plural state's word ("the States of Chʽi and Chin") is a state, and a word
whose army the book writes both ways, "of" it and before an army's noun ("the army of Chao",
"the men of Yen"; "the Chao army", "the Yen general"), is one too, a place wherever it stands
alone, though the gazetteer knows a town of that name elsewhere (Chao, Peru) and the romanised
syllable is a surname too ("Chao Shê": a person's name, not marked a place). A ruling house's
name written with an army ("the Chʽin general", "the Han army") is not taken for a state's on
that evidence: a dynasty's army (`polities`). Read from the EPUB in the shared corpus beside
the project (skipped where absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from corpus_marks import converted_epub, marked_texts
from teikit.enrich import polities
from teikit.profile import load_profile

WAR = ROOT.parent / "shared" / "corpus" / "epub" / "sun-tzu_the-art-of-war_lionel-giles"


@pytest.fixture(scope="module")
def war(tmp_path_factory) -> Path:
    return converted_epub(tmp_path_factory, WAR.name)


@pytest.fixture(scope="module")
def book_text() -> str:
    if not (WAR / "text").is_dir():
        pytest.skip(f"the shared corpus is not beside the project ({WAR} absent)")
    return "\n\n".join(
        " ".join("".join(p.itertext()).split())
        for source in sorted((WAR / "text").glob("*.xhtml"))
        for p in etree.parse(str(source)).iter("{http://www.w3.org/1999/xhtml}p")
    )


def test_each_state_of_a_list_after_states_of_is_a_state(war):
    said = "to the north he put fear into the States of"
    assert {"Chʽi", "Chin"} <= set(marked_texts(war, said, "placeName"))
    assert "Chin" not in marked_texts(war, said)


def test_a_state_named_in_a_list_is_a_place_where_it_stands_alone(war):
    said = "which was bounded on the northeast by"
    assert marked_texts(war, said, "placeName").count("Chin") == 1
    assert "Chin" not in marked_texts(war, said)


def test_a_state_whose_army_is_written_both_ways_is_a_place(war):
    # "the army of Chao" elsewhere; here "the Chao army"
    said = "When the Chao army turned back from the pursuit"
    assert "Chao" in marked_texts(war, said, "placeName")
    assert "Chao" not in marked_texts(war, said)
    said = "What I dread most is that the men of"
    assert "Yen" in marked_texts(war, said, "placeName")


def test_a_surname_like_a_state_stays_a_person_s_name(war):
    # "Chao Shê": the state's syllable opens a person's name
    said = "that Chao Shê beat the army of"
    assert "Chao" not in marked_texts(war, said, "placeName")
    assert "Chao Shê" in marked_texts(war, said)
    # "Êrh-chu Chao": the state's syllable closes a name whose first word holds a hyphen
    assert "Chao" not in marked_texts(war, "was surrounded by a great army under", "placeName")


def test_armies_written_both_ways_name_states_not_ruling_houses(book_text):
    """`polities`: Chao and Yen are named by their armies both ways; Chʽin too, but the book
    names it a ruling house ("the Chʽin dynasty") more often than a state otherwise: no place
    on an army's evidence."""
    states = polities.polities(book_text, load_profile())
    assert {"Chao", "Yen", "Chin"} <= set(states), sorted(states)
    assert "Chʽin" not in states and "Han" not in states, sorted(states)


def test_a_name_before_the_capital_in_apposition_is_a_place(war):
    said = "and forced his way into Ying, the capital"
    assert "Ying" in marked_texts(war, said, "placeName")
    # and wherever the book writes it alone
    assert "Ying" in marked_texts(war, "Now the capture of Ying was undoubtedly", "placeName")
    # not inside a person's name ("Hsün Ying")
    assert "Ying" not in marked_texts(war, "when urged to attack", "placeName")


def test_lands_the_profile_knows_are_left_to_the_places_pass():
    """A list after "kingdoms of" names no state of its own where the profile knows its
    names as lands (`[places] regions`): The Federalist's sentence."""
    sentence = (
        "The number of inhabitants in the two kingdoms of England and Scotland cannot be stated"
        " at less than eight millions."
    )
    assert polities.polities(sentence, load_profile()) == {}


def test_a_romanised_name_holding_a_state_s_word_is_one_person_s(war):
    # "Hu Yen" beside the state Yen, "Chêng Yu-hsien" beside the state Chêng: the names the
    # book sets apart as romanised are marked whole, though the state's word is no name alone
    assert "Hu Yen" in marked_texts(war, "mentioned in ch. 39 under the year 637")
    said = "that a clause relating to it has fallen out of the text"
    assert "Chêng Yu-hsien" in marked_texts(war, said)
    assert "Êrh-chu Chao" in marked_texts(war, "was surrounded by a great army under")


def test_a_state_s_name_set_apart_after_a_title_is_no_place(war):
    # a romanised word in an element of its own: the pass reads the text around that element
    # ("King <foreign>Yen</foreign> of", "Lord <foreign>Wu</foreign>"), the profile's titles
    assert "Yen" not in marked_texts(war, "King Yen of 徐 Hsü, a fabulous being", "placeName")
    assert "Yen" not in marked_texts(war, "and King Yen of Hsü", "placeName")
    said = "From the date of King Chao’s accession [515]"
    assert "Chao" not in marked_texts(war, said, "placeName")
    assert {"Chʽu", "Wu"} <= set(marked_texts(war, said, "placeName"))  # the states beside him
    assert "Wu" not in marked_texts(war, "Many years ago, Lord Wu performed a similar service", "placeName")


def test_a_state_s_name_set_apart_before_a_title_is_no_place(war):
    said = "marched with a vast army against the 晉 Chin Emperor"
    assert "Chin" not in marked_texts(war, said, "placeName")


def test_a_state_s_name_before_a_second_romanised_name_is_no_place(war):
    said = "But when [Chao] Yüan-hao’s rebellion came"
    assert "Chao" not in marked_texts(war, said, "placeName")


def test_a_state_s_name_after_the_indefinite_article_is_no_place(war):
    said = "they will display the courage of a Chu or a Kuei"
    assert "Chu" not in marked_texts(war, said, "placeName")


def test_a_state_s_name_set_apart_at_a_sentence_s_start_stays_a_place(war):
    # "When" is a capitalised word, no title: the state is named
    assert "Wu" in marked_texts(war, "When Wu first appears in the Chʽun Chʽiu in 584", "placeName")
