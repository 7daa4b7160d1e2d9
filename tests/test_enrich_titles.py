"""Titles and the shapes of names in a mention (teikit.enrich.persons beside a book's index):
a saint's title the index gives with the name, forenames an index leaves out that the text
always writes, a name quoted as a word. Sentences of William James's *The Varieties of
Religious Experience* (the development corpus), whose subject index prints persons in
capitals ("AUGUSTINE, SAINT, 171"; "REID, 446")."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT
from teikit.convert import convert
from teikit.enrich import headings, persons, registers
from teikit.profile import load_profile

CORPUS = ROOT.parent / "shared" / "corpus" / "books"
JAMES = CORPUS / "james-varieties-of-religious-experience.txt"


def _people(*headings_printed: str) -> persons.People:
    reg = registers.Register("person")
    for printed in headings_printed:
        reg.add(registers._person_entry(reg, headings.parse(printed), None, "Subject Index", registers.FROM_INDEX))
    return persons.People(reg, honorifics=load_profile().honorifics)


def _mention(said: str, surname: str, people: persons.People) -> str:
    at = said.index(surname)
    start, _ = persons._given_before(said, at, people, surname)
    return said[start : at + len(surname)]


def test_a_saints_title_the_index_gives_with_the_name_is_in_the_mention():
    """The index's "AUGUSTINE, SAINT": "Saint Augustine’s maxim" is one mention, and "Says
    Saint Teresa:" opens with the saint's title, not the verb; a rank the index gives stays
    outside ("Count Mirbach": the Lazar index's "Mirbach, Count W.")."""
    people = _people("Augustine, Saint", "Teresa, Saint", "Mirbach, Count W.")
    for said, surname, mention in (
        ("permitted. Saint Augustine’s maxim, _Dilige et quod vis fac_", "Augustine", "Saint Augustine"),
        ("deceptions of the tempter. Says Saint Teresa:— “Like imperfect sleep", "Teresa", "Saint Teresa"),
        ("the ambassador, Count Mirbach, was", "Mirbach", "Mirbach"),
    ):
        assert _mention(said, surname, people) == mention


def test_initials_and_a_particle_before_a_saints_name_are_the_mention():
    """ "Diderot, B. de Saint Pierre, and many of the leaders": the initial and "de" too."""
    people = _people("Pierre, Saint")
    said = "years of his writing, Diderot, B. de Saint Pierre, and many of the leaders"
    assert _mention(said, "Pierre", people) == "B. de Saint Pierre"


def test_a_forename_the_text_always_writes_before_a_bare_heading_is_in_the_mention():
    """The index's "REID, 446" gives no forename; the text writes "Mayne Reid" and "Captain
    Mayne Reid": "Mayne" is the mention's (the rank not), and no forename of the register."""
    people = _people("Reid")
    people.said_before["Reid"] = ("Mayne",)
    assert _mention("In the middle of the century just past, Mayne Reid was", "Reid", people) == "Mayne Reid"
    assert _mention("even in Captain Mayne Reid’s sense.", "Reid", people) == "Mayne Reid"
    people = _people("Alline")
    people.said_before["Alline"] = ("Henry",)
    assert _mention("In the autobiography of Mr. Henry Alline, a Nova Scotia", "Alline", people) == ("Mr. Henry Alline")


def test_forenames_of_bare_headings_need_one_form_written_twice():
    """ "Mayne Reid" twice; not "Walt" once, nor "John" and "James" (two forms), nor a word the
    book writes in lower case ("Thus Reid")."""
    from collections import Counter
    from types import SimpleNamespace

    counts = SimpleNamespace(lower=Counter({"thus": 40}), capitalised=Counter({"Thus": 5}))  # as `WordCounts` reads
    bare = {
        "reid": Counter({("Mayne",): 2}),
        "once": Counter({("Walt",): 1}),
        "two": Counter({("John",): 2, ("James",): 1}),
        "common": Counter({("Thus",): 3}),
    }
    assert set(persons._forenames_of_bare_headings(bare, counts)) == {"reid"}


def test_in_before_a_place_is_a_word_of_its_own():
    """ "in Moscow Stalin" puts a place before the surname; "Captain Mayne" ends in "in" but is none."""
    assert persons._in_or_bracket_before("the meeting in Moscow", "Moscow")
    assert not persons._in_or_bracket_before("the deity, even in Captain Mayne", "Mayne")
    assert persons._in_or_bracket_before("(", "Mayne")


def test_a_name_quoted_after_the_word_word_is_the_word_not_its_bearer():
    said = "something that might be worked out from the mere word “God” by one of"
    at = said.index("God")
    assert persons._the_word_quoted(said, at, at + 3)
    said = "The family name 'Kaganovich' (pronounced ka·gan·o·vich"
    at = said.index("Kaganovich")
    assert not persons._the_word_quoted(said, at, at + len("Kaganovich"))
    said = "also seems to let God evaporate into abstract"
    at = said.index("God")
    assert not persons._the_word_quoted(said, at, at + 3)


@pytest.fixture(scope="module")
def james(tmp_path_factory) -> Path:
    if not JAMES.is_file():
        pytest.skip(f"the development corpus is not beside the project ({JAMES} absent)")
    out = tmp_path_factory.mktemp("james")
    convert(JAMES, out, profile=load_profile())
    return out


def _marks(folder: Path, words: str) -> list[str]:
    """The persNames of the paragraph (or note) holding `words`."""
    for path in sorted(folder.glob("ch*.xml")):
        for block in etree.parse(str(path)).iterfind(".//t:p", NS):
            text = "".join(block.itertext())
            if words in " ".join(text.split()):
                return ["".join(n.itertext()) for n in block.iterfind(".//t:persName", NS)]
    raise AssertionError(f"no paragraph holds {words!r}")


def test_the_book_marks_saints_and_whole_names(james):
    assert "Saint Augustine" in _marks(james, "Saint Augustine’s maxim")
    assert "Saint Francis" in _marks(james, "Saint Francis and his immediate disciples")
    assert "B. de Saint Pierre" in _marks(james, "Diderot, B. de Saint Pierre, and many")
    marks = _marks(james, "Mayne Reid was the great writer")
    # beside a subject index a title written out is the mention's, as the text's conventions
    # have it (the development sample's "Captain Mayne Reid"): the forename inside both
    assert marks.count("Mayne Reid") == 1 and "Captain Mayne Reid" in marks and "Reid" not in marks
    # "God’s simplicity" is God's; "the mere word “God”" the word
    assert _marks(james, "from the mere word “God” by one of").count("God") == 1


def test_a_heading_hyphened_with_unicodes_hyphen_is_a_name():
    """The index's "AL‐GHAZZALI, 402." (U+2010, as the whole book hyphenates) reads as a name."""
    assert headings.parse(headings.from_capitals("AL‐GHAZZALI")).surname == "Al‐Ghazzali"


def test_a_name_after_an_authors_work_and_of_is_the_works_title():
    """ "In Sénancour’s novel of Obermann": the index's OBERMANN is the novel's title there."""
    work_of = persons._work_of_pattern(load_profile().title_cues)
    said = "In Sénancour’s novel of Obermann a similar transient lifting of the veil"
    assert work_of.search(said, 0, said.index("Obermann"))
    said = "the novel was read by Obermann and"
    assert not work_of.search(said, 0, said.index("Obermann"))


def test_the_book_marks_hyphened_names_and_no_works_title(james):
    assert "Al‐Ghazzali" in _marks(james, "has translated a part of Al‐Ghazzali’s autobiography")
    assert _marks(james, "novel of Obermann a similar transient") == ["Sénancour"]


def test_a_saint_told_apart_by_of_the_is_one_mention(james):
    """ "Saint John of the Cross, a Spanish mystic": the whole; "of the" before a longer name
    ("of the Church of Rome") tells no saint apart."""
    assert persons._SAINTS_EPITHET.match(" of the Cross, a Spanish mystic")
    assert not persons._SAINTS_EPITHET.match(" of the Church of Rome")
    assert not persons._SAINTS_EPITHET.match(" of the Holy Ghost")
    assert "Saint John of the Cross" in _marks(james, "Saint John of the Cross, a Spanish mystic")


def test_a_person_english_names_after_the_is_one_there(james):
    """ "Popularly, of course, the Buddha himself stands in place of a God" (`[names]
    known_titled`): the book writes "the Buddha" mostly, which of another name of the list says
    a thing named after him ("at the Shakespeare", a tavern)."""
    assert "Buddha" in load_profile().known_titled
    assert _marks(james, "the Buddha himself stands in place of a God") == ["Buddha", "God", "Emerson"]


def test_names_in_the_plural_used_as_types_are_persons(james):
    """ "the missionaries among them, the Xaviers, Brébeufs, Jogues, were objective minds" (the
    book names Francis Xavier): men like them, persons by the samples' convention; not a list
    of peoples or places ("the Germans, Austrians")."""
    from teikit.enrich.namewords import Words
    from teikit.enrich.textnames import names_as_types

    profile = load_profile()
    text = (
        "Other early Jesuits, especially the missionaries among them, the\n"
        "Xaviers, Brébeufs, Jogues, were objective minds.\n\n"
        "Against them stood the Germans, Austrians, and Prussians of that day.\n"
    )
    words = Words(text, profile)
    assert names_as_types(words, {"Xavier", "German"}) == {"Xaviers", "Brébeufs", "Jogues"}
    marks = _marks(james, "the Xaviers, Brébeufs, Jogues, were objective minds")
    assert {"Xaviers", "Brébeufs", "Jogues"} <= set(marks)
