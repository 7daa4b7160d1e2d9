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

from corpus_marks import converted_books, marked_texts, marks
from teikit.enrich import textnames

JAMES = "james-varieties-of-religious-experience"
KEYNES = "keynes-economic-consequences"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "rules23")


def test_a_work_named_after_its_hero_is_no_person(edition):
    """ "the author of Mark Rutherford" makes the name a novel's title wherever the book
    writes it (two marks before, the note's "Mark Rutherford’s Deliverance" one); a book of
    scripture after "book of", or cited after "In" ("“In Job,” says", as the book writes "the
    Book of Job"), is none of its hero's mentions (four marks before: Job, Jeremiah); Job's
    own cry stays his."""
    james = edition(JAMES)
    said = marked_texts(james, "says that coldly truthful writer, the author of Mark Rutherford")
    assert "Mark Rutherford" not in said and "Job" not in said
    assert "God" in said  # “God reminds us that man is not the measure of his creation”
    assert marked_texts(james, "Mark Rutherford’s Deliverance, London, 1885") == []
    assert marked_texts(james, "No! the book of Job went over this whole matter once for all") == []
    assert "Jeremiah" not in marked_texts(james, "Listen, for instance, [to] the opening of the book of Jeremiah.")
    assert "Job" in marked_texts(james, "with Job’s cry: “Though he slay me, yet will I trust in him!”")


def test_a_play_and_a_novel_named_after_their_heroes_are_no_persons(edition):
    """ "in Nathan the Wise," (Lessing's play: its name and epithet after "in", a comma after)
    and "Mademoiselle Mori, a novel quoted in" (the kind of work after a comma) were marked."""
    james = edition(JAMES)
    assert "Nathan the Wise" not in marked_texts(james, "says Lessing’s Tempelherr, in Nathan the Wise")
    assert marked_texts(james, "Mademoiselle Mori, a novel quoted in HARE’S Walks in Rome") == []


def test_an_office_before_a_name_is_inside_the_mention(edition):
    """ "Principal Caird" (the head of a Scottish university) was marked "Caird", the office
    left out, as the profile's honorifics are kept in; the office opens no name of its own in
    Keynes's "the Principal Allied and Associated Powers"."""
    james = edition(JAMES)
    assert marked_texts(james, "“How are we to conceive,” Principal Caird writes") == ["Principal Caird"]
    assert marked_texts(james, "Principal John Caird, for example, writes as follows")[0] == "Principal John Caird"
    keynes = edition(KEYNES)
    assert marked_texts(keynes, "Governments of the Principal Allied and Associated Powers") == []


def test_a_ship_named_after_a_man_is_no_person(edition):
    """Keynes writes "George Washington" only as the ship President Wilson sailed in, after
    "the": no mention of the man, and no register entry to claim "left Washington"."""
    keynes = edition(KEYNES)
    assert marked_texts(keynes, "when he sailed to us in the George Washington") == []
    assert marked_texts(keynes, "When President Wilson left Washington he enjoyed a prestige") == ["President Wilson"]


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
    # the ship named again across a line break ("countermanded the George\nWashington")
    assert textnames.names_of_things(text + " He countermanded the George\nWashington, which", forenames) == {
        "George Washington"
    }
    assert textnames.names_of_things(text + " And George\nWashington spoke.", forenames) == frozenset()


def test_a_surname_ending_a_places_name_is_no_person(edition):
    """ "at Hicks Mill" (a place, "at" and a word that names no one before the surname Mill)
    was marked "Mill"; "See Mill’s Autobiography" stays the man's."""
    james = edition(JAMES)
    assert "Mill" not in marked_texts(james, "when at a prayer‐meeting at Hicks Mill, I heard the Lord say")
    assert marked_texts(james, "See Mill’s Autobiography, New York, 1873")[-1] == "Mill"


def test_a_towns_name_before_a_cited_books_year_is_no_persons_forename(edition):
    """ "à Nancy; Nancy, 1896, p. 129." (where a cited book was printed) made the forename
    Nancy a person and marked it twice: the town's, its place of publication, as "at Nancy"."""
    james = edition(JAMES)
    said = "Dominicaines de la Congrégation de St. Dominique, à Nancy; Nancy, 1896"
    assert marked_texts(james, said) == []
    assert marked_texts(james, said, "placeName") == ["Nancy", "Nancy"]


def test_a_capitals_index_heading_with_a_subheading_run_on_is_a_person():
    """ "NEWMAN, J. H., on dogmatic theology," (a subheading in lower case after the name in
    capitals) gave no person, so every "Newman" linked to the index's other Newman, F. W."""
    from teikit.enrich import headings

    assert headings.capitals_head("NEWMAN, J. H., on dogmatic theology,") == "NEWMAN, J. H."
    assert headings.capitals_head("CAIRD, J., on feeling in religion,") == "CAIRD, J."
    assert headings.capitals_head("AUGUSTINE, SAINT,") == "AUGUSTINE, SAINT,"
    assert headings.capitals_head("ALVAREZ DE PAZ") == "ALVAREZ DE PAZ"


def test_a_title_the_index_gives_as_a_given_name_links_its_bearer(edition):
    """ "Cardinal Newman" (the index names two Newmans, J. H. with a subheading) linked to F.
    W. Newman; "Mrs. Edwards" and "Mrs. Jonathan Edwards" to Jonathan Edwards, beside the
    index's "EDWARDS, MRS. J."; "Principal Caird" to Edward Caird, beside "CAIRD, J."."""
    james = edition(JAMES)
    newman = marks(james, "Cardinal Newman, in his work, The Idea of a University")
    assert newman[0] == ("Cardinal Newman", None)
    edwards = marks(james, "Here is an account from Mrs. Jonathan Edwards")
    assert ("Mrs. Jonathan Edwards", "edwards-mrs-j") in edwards
    assert ("Mrs. Edwards", "edwards-mrs-j") in edwards
    assert marks(james, "Principal John Caird, for example, writes as follows")[0] == (
        "Principal John Caird",
        "caird-j",
    )


def test_a_saints_title_the_index_leaves_out_is_inside_the_mention(edition):
    """The index's "CLIMACHUS, JOHN" (no SAINT), taken as a person since its subheadings are
    read: the text's "Saint John Climachus" keeps the title, as the dev samples hold it."""
    james = edition(JAMES)
    assert marked_texts(james, "Saint John Climachus is of the same sentiment when he calls obedience")[0] == (
        "Saint John Climachus"
    )


def test_a_places_name_after_a_forename_is_inside_a_persons_name(edition):
    """ "(Thomas Lake Harris)": the gazetteer's Lake Harris after the forename Thomas and one
    space is the mystic's middle name and surname, no place (marked before); "at Glenmore,
    above Keene Valley" stays two places."""
    james = edition(JAMES)
    assert marked_texts(james, "our best known American mystic (Thomas Lake Harris)", "placeName") == []
    places = marked_texts(james, "at Glenmore, above Keene Valley, I owe more obligations", "placeName")
    assert "Glenmore" in places and "Keene Valley" in places


def test_a_book_of_scripture_the_profile_lists_cited_after_in_is_no_person(edition):
    """ "As in Isaiah: ‘Hearken unto me, O Jacob" (the book, as the profile's `[names]
    scripture_books` gives it; the text writes no "book of Isaiah") was marked; "this of
    Isaiah’s" (the prophet's words) stays his."""
    james = edition(JAMES)
    # one paragraph writes both: the prophet's words marked, the book not (two marks before)
    assert marked_texts(james, "As in Isaiah: ‘Hearken unto me, O Jacob").count("Isaiah") == 1
    assert "Isaiah" in marked_texts(james, "For instance, this of Isaiah’s: ‘The Lord spake thus to me")


def test_an_index_reference_that_reads_as_no_name_leaves_its_heading_a_person(edition):
    """The text dump runs the index's "AURELIUS, see MARCUS." into the next heading ("AURELIUS,
    see MARCUS. Automatic writing,"): a reference to no name, so Aurelius is the index's
    person, and "Marcus Aurelius" was left unmarked (four times) beside its "MARCUS
    AURELIUS", run on too."""
    james = edition(JAMES)
    assert "Marcus Aurelius" in marked_texts(
        james, "When Marcus Aurelius reflects on the eternal reason that has ordered"
    )
