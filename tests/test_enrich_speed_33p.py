"""The persons passes' shortcuts of round 33 (speed, persons) answer as the plain forms they
stand for, on the bundled book's text and James's Varieties: a word counted after a noun of a
town and "of" sought from " of " and the word (`namewords.times_after_town_noun`); a tune's
opening quotation mark sought in reach of a mention before the tune's title is asked
(`textnames.names_work`); the full names after "the" sought from "he", a white space and a
capital (`textnames._the_full_name_finds`); the words after an article sought from its letters
but the first, a space and a capital (`namewords._words_after_articles`); the profile's known
persons' first uses alone sought in one scan (`textnames._first_uses_alone`); the words before
years read back from each year (`textnames._words_before_years`); a deity's uses tried only
where the scan of them all finds it written (`textnames._matches_from`)."""

from __future__ import annotations

import re

from conftest import SAMPLE, corpus_book
from teikit.enrich import namewords, textnames
from teikit.profile import load_profile

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
# Edges: a noun opening the text, a noun ending another word ("Pocity of"), the word going
# on ("Florences"), a word of other characters than letters, a noun of another case.
EDGES = (
    "city of Florence, Pocity of Florence, the town of Florences, the state of Florence\n"
    "the City of Florence; village of St. Ives, kingdom of St. Ives and duchy of  Florence"
)


def _plain_times_after_town_noun(text: str, word: str) -> int:
    nouns = "|".join(namewords.TOWN_NOUNS)
    return len(re.findall(rf"\b(?:{nouns}) of {re.escape(word)}\b", text))


def test_a_word_after_a_town_noun_is_counted_as_the_pattern_counts_it():
    """For every capitalised word the bundled book, James's book and edges write after a
    word in small letters and "of" that opens a noun of a town, one in three of the others
    they write after "of" (the plain pattern reads a whole book for each), and words of other
    characters ("St. Ives"),
    `times_after_town_noun` counts the uses the plain pattern of the nouns, "of" and the word
    counts; some words are counted, most not."""
    counted = uncounted = 0
    for text in (BOOK, JAMES, EDGES):
        after_noun = set(re.findall(r"\b(?:[ctvsrkdp][a-z]+) of ([A-Z]\w+)", text))
        others = sorted(set(re.findall(r"\w+ of ([A-Z]\w+)", text)) - after_noun)[::3]
        for word in sorted(after_noun | {"St. Ives", "Florence", *others}):
            told = namewords.times_after_town_noun(text, word)
            assert told == _plain_times_after_town_noun(text, word), (word, told)
            counted += told > 0
            uncounted += told == 0
    assert counted > 8 and uncounted > 100, (counted, uncounted)
    assert namewords.times_after_town_noun(EDGES, "Florence") == 2  # not "Pocity of", "Florences", "City of"


BURNS = corpus_book("burns-poems-and-songs")


def test_a_name_in_a_tunes_title_is_a_works_though_its_quote_is_sought_first():
    """At every capitalised word of Burns's songs (which print each song's tune, "Tune--“Galla
    Water.”") and of the bundled book, `textnames.names_work`, which seeks the opening
    quotation mark in reach before it asks `namewords.in_tunes_title`, answers as the plain
    form, that question asked first, then `names_work`'s own: a work's title wherever the
    tune's title holds the word (many in Burns's). (Elsewhere the question's answer is no,
    whether asked or not: the rest of `names_work` answers alone either way.)"""
    in_tunes = 0
    for text in (BURNS, BOOK):
        works, books = textnames.works_named_as_persons(text)
        for m in re.finditer(r"[A-Z][a-z]+", text):
            told = textnames.names_work(text, m.start(), m.end(), works, books)
            if namewords.in_tunes_title(text, m.start()):
                assert told, text[max(0, m.start() - 80) : m.end()]
                in_tunes += 1
    assert in_tunes > 100, in_tunes


def test_the_full_names_after_the_are_the_patterns_matches():
    """In the bundled book, James's and Burns's books and edges (the text opening with "The",
    "the" inside a word, two names run on, a line break and tabs), the full names after "the"
    found only where "he", a white space and a capital stand (`textnames._the_full_name_finds`)
    are the matches of the pattern sought over the whole text, the same spans and groups;
    they are many."""
    edges = (
        "The George Washington sailed; the Mary Blithe Jones, lithe John Smith, the\n\tAgnes Joneses "
        "and the The Hague; clothe Tom Brown the Philip Sidney of his age, tHe Bad Case the John Howard"
    )
    found = 0
    for text in (BOOK, JAMES, BURNS, edges):
        told = [(m.span(), m.groups()) for m in textnames._the_full_name_finds(text)]
        assert told == [(m.span(), m.groups()) for m in textnames._THE_FULL_NAME.finditer(text)]
        found += len(told)
    assert found > 1000, found


def test_the_words_after_an_article_are_the_patterns_finds():
    """In the bundled book, James's and Burns's books and edges (the text opening with "The",
    "the" inside a word, a name after "the" run into the next, accented capitals), the
    capitalised words after the default profile's article, found only at its first letter
    before each "he", a space and a capital (`namewords._words_after_articles`), are those the
    pattern finds over the whole text, in order; and with articles of other rests ("le",
    "la"), those `findall` finds."""
    edges = "The Senate; clothe Mary, the The Hague, the Émile, the McAdam the O’Neil the Jean-Paul"
    profile = load_profile()
    for articles in ([w for a in profile.articles for w in (a, a[:1].upper() + a[1:])], ["le", "la", "Le", "La"]):
        after = re.compile(rf"(?:{namewords.words_at_start(articles)}) ({namewords.WORD})(?![\w-])")
        found = 0
        for text in (BOOK, JAMES, BURNS, edges, "la Mancha, le Havre, Le Mans"):
            told = namewords._words_after_articles(after, articles, text)
            assert told == after.findall(text)
            found += len(told)
        assert found > 100 if "the" in articles else found >= 3, found


def _plain_first_use_alone(text: str, name: str) -> tuple[int, int] | None:
    written = re.compile(rf"{re.escape(name)}(?![\w-]|['’][a-rt-z])")
    for m in written.finditer(text):
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'’-")):
            return m.span()
    return None


def test_each_known_persons_first_use_alone_is_the_one_its_own_search_finds():
    """For every person the default profile knows (`[names] known`) and a name that may end
    as it begins ("Xa Xa": its first use inside a word, the next overlapping it), in the
    bundled book, James's and Burns's books and edges (a name inside a word, before a
    possessive or an elision, hyphened, opening the text),
    `textnames._first_uses_alone`, all sought in one scan, gives each name's first use standing
    alone as the name's own search from the text's start finds it, and none where it finds
    none; both are many."""
    names = [*load_profile().known_persons, "Xa Xa", "Cato"]
    edges = "Cato’s Catonic Cato-like Sapph'ra bXa Xa Xa. Cato Homer's Homer"
    used = unused = 0
    for text in (BOOK, JAMES, BURNS, edges):
        told = textnames._first_uses_alone(text, names)
        for name in names:
            assert told.get(name) == _plain_first_use_alone(text, name), name
            used += name in told
            unused += name not in told
    assert used > 50 and unused > 50, (used, unused)


def test_the_words_before_years_are_those_the_pattern_finds():
    """In the bundled book, James's, Burns's and Gardiner's books (many dates) and edges (a
    year after a line break, after two, after tabs; a year of five figures; a capital inside
    a word; two years in a row; the text opening with a year), the capitalised words before
    a year read back from each year (`textnames._words_before_years`) are those the pattern
    finds over the whole text, and the years found from each "1" and "2" (`textnames._years`)
    those the year's pattern finds; they are many."""
    edges = (
        "1832 Mars 1832, Avril \n 1833 Mai\n\n1834 Juin\t1835 Juillet 18356 McAdam 1836 "
        "xYz 1837 Août 1838 1839 Sept. 1840 O’Neil-Smith  \n\t1841 a-B_c 1842 Dec\n1843 21212 2121"
    )
    gardiner = corpus_book("gardiner-french-revolution")
    count = 0
    for text in (BOOK, JAMES, BURNS, gardiner, edges):
        told = textnames._words_before_years(text)
        assert told == {m.group(1) for m in textnames._BEFORE_YEAR.finditer(text)}
        years = [m.span() for m in textnames._years(text)]
        assert years == [m.span() for m in textnames._YEAR.finditer(text)]
        count += len(told)
    assert count > 100, count


def test_a_deitys_uses_are_the_patterns_matches_tried_where_it_is_written():
    """For every deity of the default profile (`[names] deities`) and a name that may end as
    it begins ("Xa Xa"), with and without what a title needs after it (`_BEFORE_NAME`: "Lord"
    before no name), in the bundled book, James's and Burns's books and edges, the pattern
    tried only where the scan of them all finds the name written (`textnames._places_written`,
    `_matches_from`) matches where `finditer` over the whole text does, the same spans; they
    are many."""
    deities = [*load_profile().deities, "Xa Xa"]
    edges = "the Lord God, Lord Panmure, God’s, Godly, bXa Xa Xa. Xa Xa Xa"
    found = 0
    for text in (BOOK, JAMES, BURNS, edges):
        places = textnames._places_written(text, deities)
        for deity in deities:
            for after in ("", textnames._BEFORE_NAME):
                written = re.compile(rf"{re.escape(deity)}(?![\w-]|['’][a-rt-z]){after}")
                told = [m.span() for m in textnames._matches_from(written, text, places[deity])]
                assert told == [m.span() for m in written.finditer(text)], deity
                found += len(told)
    assert found > 1000, found
