"""Persons' names that name a work, a ship or an office (issue 18, persName precision), on
sentences of the development corpus's books without a name index: James's *Varieties of
Religious Experience* names a novel by its hero ("the author of Mark Rutherford"), a play
by its hero and his epithet ("in Nathan the Wise"), books of scripture ("the book of Job",
"“In Job,” says"), a novel after a comma ("Mademoiselle Mori, a novel"), and a college's
head by his office ("Principal Caird"); Keynes's *Economic Consequences of the Peace* a
ship ("he sailed to us in the George Washington!") and treaty powers that are no persons
("the Principal Allied and Associated Powers")."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marks
from teikit.enrich import textnames

JAMES = "james-varieties-of-religious-experience"
KEYNES = "keynes-economic-consequences"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules23")


def _texts(folder, said: str, tag: str = "persName") -> list[str]:
    return [text for text, _ in marks(folder, said, tag)]


def test_a_work_named_after_its_hero_is_no_person(edition):
    """ "the author of Mark Rutherford" makes the name a novel's title wherever the book
    writes it (two marks before, the note's "Mark Rutherford’s Deliverance" one); a book of
    scripture after "book of", or cited after "In" ("“In Job,” says", as the book writes "the
    Book of Job"), is none of its hero's mentions (four marks before: Job, Jeremiah); Job's
    own cry stays his."""
    james = edition(JAMES)
    said = _texts(james, "says that coldly truthful writer, the author of Mark Rutherford")
    assert "Mark Rutherford" not in said and "Job" not in said
    assert "God" in said  # “God reminds us that man is not the measure of his creation”
    assert _texts(james, "Mark Rutherford’s Deliverance, London, 1885") == []
    assert _texts(james, "No! the book of Job went over this whole matter once for all") == []
    assert "Jeremiah" not in _texts(james, "Listen, for instance, [to] the opening of the book of Jeremiah.")
    assert "Job" in _texts(james, "with Job’s cry: “Though he slay me, yet will I trust in him!”")


def test_a_play_and_a_novel_named_after_their_heroes_are_no_persons(edition):
    """ "in Nathan the Wise," (Lessing's play: its name and epithet after "in", a comma after)
    and "Mademoiselle Mori, a novel quoted in" (the kind of work after a comma) were marked."""
    james = edition(JAMES)
    assert "Nathan the Wise" not in _texts(james, "says Lessing’s Tempelherr, in Nathan the Wise")
    assert _texts(james, "Mademoiselle Mori, a novel quoted in HARE’S Walks in Rome") == []


def test_an_office_before_a_name_is_inside_the_mention(edition):
    """ "Principal Caird" (the head of a Scottish university) was marked "Caird", the office
    left out, as the profile's honorifics are kept in; the office opens no name of its own in
    Keynes's "the Principal Allied and Associated Powers"."""
    james = edition(JAMES)
    assert _texts(james, "“How are we to conceive,” Principal Caird writes") == ["Principal Caird"]
    assert _texts(james, "Principal John Caird, for example, writes as follows")[0] == "Principal John Caird"
    keynes = edition(KEYNES)
    assert _texts(keynes, "Governments of the Principal Allied and Associated Powers") == []


def test_a_ship_named_after_a_man_is_no_person(edition):
    """Keynes writes "George Washington" only as the ship President Wilson sailed in, after
    "the": no mention of the man, and no register entry to claim "left Washington"."""
    keynes = edition(KEYNES)
    assert _texts(keynes, "when he sailed to us in the George Washington") == []
    assert _texts(keynes, "When President Wilson left Washington he enjoyed a prestige") == ["President Wilson"]


def test_works_named_as_persons_reads_the_author_of_and_book_of():
    """The titles after "the author of" keep a possessive whole ("Plato’s Logic", no title
    "Plato"); "book of" gives scripture's books, in either case."""
    works, books = textnames.works_named_as_persons(
        "“In Job,” says that coldly truthful writer, the author of Mark\nRutherford, “God reminds"
        " us.” The author of “Plato’s Logic.” In the Book of Job; the book of Jeremiah."
    )
    assert works == {"Mark Rutherford", "Plato’s Logic"}
    assert books == {"Job", "Jeremiah"}
    text = "“In Job,” says he; with Job’s cry; in Nathan the Wise, “mein Gott”; in Peter the Great’s time"
    at = text.index
    assert textnames.names_work(text, at("Job"), at("Job") + 3, works, books)
    assert not textnames.names_work(text, at("Job’s"), at("Job’s") + 3, works, books)
    assert textnames.names_work(text, at("Nathan"), at("Nathan") + len("Nathan the Wise"), works, books)
    assert not textnames.names_work(text, at("Peter"), at("Peter") + len("Peter the Great"), works, books)


def test_names_of_things_are_the_full_names_written_only_after_the():
    """A forename and surname written only after "the" name a thing; one written elsewhere
    too, a plural ("the Agnes Joneses"), or one with "of" after ("the Philip Sidney of his
    age") names persons."""
    forenames = {"George", "Agnes", "Philip", "John"}
    text = (
        "he sailed to us in the George Washington! the Agnes Joneses, the Philip Sidney of his age;"
        " the John Brown was sunk, and John Brown spoke."
    )
    assert textnames.names_of_things(text, forenames) == {"George Washington"}
