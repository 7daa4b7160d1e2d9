"""Persons in a book beside a subject index (teikit.enrich.persons, textnames, namewords), on
sentences of William James's *The Varieties of Religious Experience*, whose transcription
sets Unicode's hyphen (U+2010) throughout: a mention made whole (a double surname, a title
abbreviated before it, a forename before initials, a forename the index does not give, a
saint's title), and words that name no person here (a word hyphened to a name, a planet,
a firm)."""

from __future__ import annotations

import pytest

from corpus_marks import converted_books, marked_texts, marks

JAMES = "james-varieties-of-religious-experience"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return converted_books(tmp_path_factory, "james21")


def test_a_double_surname_joined_by_unicodes_hyphen_is_one_name(edition):
    """ "Sir James Crichton‐Browne", "Dr. Crichton‐Browne", "Dr. Binet‐Sanglé": one surname,
    not "Sir James Crichton" and "Browne". A part the book also writes alone is a surname of
    its own ("by Binet, Janet, Breuer, Freud, Mason": the list's persons stay marked)."""
    james = edition(JAMES)
    marked = marked_texts(james, "Sir James Crichton‐Browne has given the technical name")
    assert "Sir James Crichton‐Browne" in marked and "Dr. Crichton‐Browne" in marked
    assert "Browne" not in marked
    assert "Dr. Binet‐Sanglé" in marked_texts(james, "Type dévot,” by Dr. Binet‐Sanglé, in the")
    listed = marked_texts(james, "In the wonderful explorations by Binet, Janet, Breuer, Freud, Mason")
    assert {"Binet", "Janet", "Breuer", "Freud", "Mason"} <= set(listed)


def test_a_name_hyphened_to_a_word_is_no_mention(edition):
    """ "some Crump‐like capacity", "more Christ‐like activities": one word, as with the
    hyphen of ASCII ("anti-Stalin"); the note's four other Crumps ("poor Crump") are marked."""
    james = edition(JAMES)
    assert marked_texts(james, "poor Crump, may fall far short of what he individually might be").count("Crump") == 4
    assert "Christ" not in marked_texts(james, "in larger, nobler, more Christ‐like activities")


def test_an_abbreviated_title_before_a_mention_is_inside_it(edition):
    """As "Dr. Starbuck" beside the index, "Mrs. Annie Besant", "Prof. George A. Coe", "Rev.
    Mr. Henry Alline", "Mgr. Bougaud" (Mgr. an honorific now): the title is the mention's."""
    james = edition(JAMES)
    assert "Mrs. Annie Besant" in marked_texts(james, "autobiography of that high‐souled woman, Mrs. Annie Besant")
    assert "Prof. George A. Coe" in marked_texts(james, "Another American psychologist, Prof. George A. Coe")
    assert "Rev. Mr. Henry Alline" in marked_texts(james, "The Life and Journal of the Rev. Mr. Henry Alline")
    assert "Mgr. Bougaud" in marked_texts(james, "says Mgr. Bougaud, “is unquestionably the most")


def test_a_forename_before_initials_is_the_mentions_though_a_saint_bears_it(edition):
    """ "John B. Gough’s case": John is a forename, though the index's "John, Saint" makes it a
    surname of the register too; not "B. Gough"."""
    james = edition(JAMES)
    marked = marked_texts(james, "John B. Gough’s case, for instance, is practically")
    assert "John B. Gough" in marked and "B. Gough" not in marked


def test_forenames_the_index_does_not_give_are_the_mentions(edition):
    """European forenames of the default pack now (Immanuel, Martin, Victor, André), at a
    sentence's start too; a forename no list gives before a surname the index gives with
    other initials ("Shadworth Hodgson", not the index's "Hodgson, R.": unlinked), or that
    is a small town's name too ("Dr. Edward Everett Hale", "Hudson Taylor")."""
    james = edition(JAMES)
    assert "Immanuel Kant" in marked_texts(james, "Immanuel Kant held a curious doctrine")
    assert "Martin Luther" in marked_texts(james, "Martin Luther by no means belonged to the healthy")
    assert "Victor Hugo" in marked_texts(james, "As Victor Hugo makes his Mahomet say")
    assert "André Towianski" in marked_texts(james, "André Towianski, Traduction de l’Italien")
    assert ("Shadworth Hodgson", None) in marks(james, "and Shadworth Hodgson has used the principle")
    assert "Dr. Edward Everett Hale" in marked_texts(james, "the answer of Dr. Edward Everett Hale, the eminent")
    assert "Hudson Taylor" in marked_texts(james, "Autobiography of Hudson Taylor. I translate back")


def test_a_saints_title_before_a_forename_and_surname_is_the_mentions(edition):
    """ "Saint Francis Xavier", "Saint John Climachus", "Saint François de Sales", as
    "Saint Augustine" of the index: the saint's title inside the mention."""
    james = edition(JAMES)
    assert "Saint Francis Xavier" in marked_texts(james, "or like Saint Francis Xavier, she said to God")
    assert "Saint John Climachus" in marked_texts(james, "Saint John Climachus is of the same sentiment")
    assert "Saint François de Sales" in marked_texts(james, "Saint François de Sales, for instance, thus describes")


def test_a_gods_name_is_the_planets_where_the_sentence_speaks_of_planets(edition):
    """ "as if it related to the planet Mars"; "under the planet Venus if possible, but never
    under Mars or Saturn" (astrology's planets): no persons ([names] planets, planet_nouns)."""
    james = edition(JAMES)
    assert "Mars" not in marked_texts(james, "as if it related to the planet Mars")
    marked = marked_texts(james, "the whole prepared under the planet Venus if possible")
    assert not {"Venus", "Mars", "Saturn"} & set(marked)


def test_a_founders_name_before_sons_is_a_firms(edition):
    """ "published by G. P. Putnam’s Sons, New York and London": a publisher, no person."""
    james = edition(JAMES)
    assert "G. P. Putnam" not in marked_texts(james, "Mr. Dresser’s works are published by G. P. Putnam’s Sons")


def test_a_forename_no_list_gives_is_no_word_written_as_a_surname(sample_edition):
    """Beside the Name Index of the bundled book: "Anatoli Sudoplatov" after "Pavel
    Sudoplatov" (the index's Sudoplatov, P.) is another Sudoplatov, the whole name his mention,
    unlinked; but "in honour of Ribbentrop Kaganovich recalled" (a comma missing) names two
    men, the book writing "Joachim von Ribbentrop" elsewhere."""
    folder, _ = sample_edition
    assert ("Anatoli Sudoplatov", None) in marks(folder, "Pavel Sudoplatov and Anatoli Sudoplatov (with Jerrold")
    marked = marked_texts(folder, "At the banquet in honour of Ribbentrop Kaganovich recalled")
    assert "Kaganovich" in marked and "Ribbentrop Kaganovich" not in marked


def test_a_forename_that_is_a_common_word_too_mid_sentence(edition):
    """ "by Frank Bullen": a forename of the profile that is a common word too, mid-sentence,
    is the mention's."""
    james = edition(JAMES)
    assert "Frank Bullen" in marked_texts(james, "“With Christ at Sea,” by Frank Bullen")


def test_a_forename_no_list_gives_opening_a_note(sample_edition):
    """ "Grigory Bessedovsky, Revelations of a Soviet Diplomat": a word opening a note that the
    book writes nowhere but before this surname is his forename, the whole name his mention
    (unlinked: the index's "Bessedovsky, B." is another); not a word opening a sentence
    mid-paragraph, which may be an adverb ("Later Emerson walked")."""
    folder, _ = sample_edition
    assert ("Grigory Bessedovsky", None) in marks(folder, "Grigory Bessedovsky, Revelations of a Soviet Diplomat")


def test_a_book_of_scripture_cited_is_no_mention(edition):
    """ "like David in 2 Samuel vii.", "(1 John v. 19)": a book of scripture by its number,
    name and chapter; David is marked."""
    james = edition(JAMES)
    marked = marked_texts(james, "before God, and admire him, like David in 2 Samuel vii.")
    assert "David" in marked and "Samuel" not in marked
    assert "John" not in marked_texts(james, "world, which lies in wickedness (1 John v. 19), accounted evils")


def test_statesmen_and_writers_of_later_ages_named_alone(edition):
    """The default pack's later figures named by the surname alone ("Bismarck", "Lenin",
    "Byron", "Swedenborg"), the rank "Marshal" among the honorifics ("Marshal Foch"), in
    Keynes's *Economic Consequences of the Peace* and James: each a person; a list of
    writers with one of them makes the others persons ("Scott, Burns, Byron, Longfellow")."""
    keynes = edition("keynes-economic-consequences")
    assert "Bismarck" in marked_texts(keynes, "but his theory of politics was Bismarck's")
    assert "Lenin" in marked_texts(keynes, "to the deep influences of expanding numbers than to Lenin or to Nicholas")
    assert "Marshal Foch" in marked_texts(keynes, "Marshal Foch had been authorized to communicate the terms")
    listed = marked_texts(edition(JAMES), "I like Scott, Burns, Byron, Longfellow, especially Shakespeare")
    assert {"Scott", "Byron", "Longfellow"} <= set(listed)


def test_an_initial_that_is_an_honorific_too_after_another_is_an_initial(edition):
    """ "J.M. Keynes." signing the preface: the initials and the surname, not "M. Keynes"
    (Monsieur Keynes) after a stray "J."."""
    keynes = edition("keynes-economic-consequences")
    assert marked_texts(keynes, "J.M. Keynes.") == ["J.M. Keynes"]


def test_a_name_spoken_of_as_a_word_is_no_mention(edition):
    """ "as the words “soul,” “God,” “immortality,” cover no distinctive sense‐content" (a
    list of words quoted, the name among them), "corresponding to the words God, Heaven,
    Angels" (not quoted): the words, not the one they name, as in "the mere word “God”". The
    paragraph's "such objects of belief as God, the design of creation" is marked."""
    james = edition(JAMES)
    assert marked_texts(james, "as the words “soul,” “God,” “immortality,” cover no distinctive").count("God") == 1
    assert "God" not in marked_texts(james, "corresponding to the words God, Heaven, Angels, etc.?")


def test_the_scans_of_capitalised_words_agree_with_a_search_of_each(edition):
    """`People.written_only_before` counts every capitalised word and pair of them in one scan,
    `People.written_as_surname` reads what stands before each use of a word: on James's and
    the bundled book's text, the same answers as a search of the whole text for each word."""
    import re
    from types import SimpleNamespace

    from conftest import SAMPLE
    from corpus_marks import CORPUS
    from teikit.enrich.persons import _PARTICLE_WORDS, People
    from teikit.profile import load_profile

    honorifics = frozenset(load_profile().honorifics)
    alternatives = "|".join(map(re.escape, sorted({*honorifics, *_PARTICLE_WORDS}, key=len, reverse=True)))
    for source in (CORPUS / f"{JAMES}.txt", SAMPLE):
        text = source.read_text(encoding="utf-8")
        people = SimpleNamespace(text=text, honorifics=honorifics, _as_surname={}, _capitalised=None, _followers={})
        people._word_before = lambda at, people=people: People._word_before(people, at)
        pairs = sorted(set(re.findall(r"(?<![\w'’‐-])([A-Z][a-z]+) ([A-Z][a-z]+)(?![\w‐-])", text)))[::3][:300]
        assert len(pairs) > 150
        for word, surname in pairs:
            anywhere = len(re.findall(rf"(?<![\w'’‐-]){word}(?![\w‐-])", text))
            before = len(re.findall(rf"(?<![\w'’‐-]){word}\s+{surname}(?![\w‐-])", text))
            assert People.written_only_before(people, word, surname) == (anywhere == before), (word, surname)
            after = rf"(?<!\S)(?:{alternatives}|[A-Z]\.)\s+{word}(?![\w‐-]|\s+[A-Z])"
            assert People.written_as_surname(people, word) == (re.search(after, text) is not None), word
