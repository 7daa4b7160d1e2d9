"""The date pass's reading of a region's texts at once gives what reading them one by one gives.

`dates.find_in_texts` (one scan of a region's texts joined for the words a date begins
with, only the texts holding one read further) is compared with `find_dates` on each text
in turn, its plain form, and the pass that reads each region so (`dates.READ_AT_ONCE`)
with the pass that hands `find_dates` each text node as `wrap` walks the tree: on the
bundled book's edition, its source text, books of the shared corpus where present, and
strings made to catch the edges. So are the one date pattern (`dates.ONE_PATTERN`) and
the date elements copied (`dates._date_elements`) with their plain forms.
"""

from __future__ import annotations

import copy
import re

import pytest
from lxml import etree

from conftest import SAMPLE, SHARED
from teikit.context import Context
from teikit.enrich import dates
from teikit.profile import load_profile
from teikit.report import Report
from teikit.tei import TEI_NS, make_in

EDITION = SAMPLE.parent.parent / "tei" / "iron-lazar"
CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))

EDGES = [
    "the ninth century",
    "in the late twenties",
    "in the thirties, the parties",
    "in 1٩١٧",
    "in ١٩١٧ and 1917",
    "On16 September 1918",
    "in1935, by12 May",
    "Kyiv12 May",
    "12 May",
    "1917",
    "f. 17, op. 3, d. 1234, l. 5",
    "the twenty-fourth of June, twenty first of May",
    "from 10 April to 15 May 1943",
    "1904-5, 19045 workers, 3-5 March 1921, 12th of May",
    "x1917 a_1917 _1917 -1917 (1917) 1917s",
    "dekabr' 1927",
    "in early spring",
    "\u00a012\u00a0May",
    "12\u2009May 1917",
    "",
]


def _edition_trees() -> list[etree._Element]:
    """The edition's chapters, notes and back matter with their dates unmarked again: text
    for the date pass to read, as the conversion hands it over (its other marks kept)."""
    trees = []
    for path in sorted(EDITION.glob("*.xml")):
        tei = etree.parse(str(path)).getroot()
        if tei.tag == f"{{{TEI_NS}}}TEI" and tei.find(f"{{{TEI_NS}}}text") is not None:
            etree.strip_tags(tei, f"{{{TEI_NS}}}date")
            trees.append(tei)
    return trees


def _regions() -> list[list[str]]:
    """Real texts read together: runs of lines of the bundled book and of the corpus books
    (most lines hold no date, as most text nodes), and the edge strings."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for path in CORPUS:
        lines += path.read_bytes().decode("utf-8", "replace").splitlines()
    runs = [lines[i : i + 400] for i in range(0, len(lines), 400)]
    return [*runs, EDGES, EDGES[::-1]]


def _state(context: dates.YearContext) -> tuple:
    return context.year, context.month, context.since, context.ahead_of, context.lent


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_dates_found_in_texts_read_at_once_are_those_found_in_each_in_turn(profile):
    """`find_in_texts` against `find_dates` on each text in order: the same dates in the
    same texts, and the contexts (one for a run, or one for each of its sixth texts, as a
    chapter's and its notes') left alike, for the default profile and the bundled book's
    (its Russian months); block openings every seventh text. And the same dates where the
    sixth texts' context is private (a note's, left unread where no date asks it)."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    reading = dates.Reading(months)
    found = texts_read = 0
    for texts in _regions():
        kept = [t for t in texts if t]  # `wrap` hands over no empty text
        plain_contexts = [dates.YearContext(months) for _ in range(2)]
        joined_contexts = [dates.YearContext(months) for _ in range(2)]
        openings = {t for i, t in enumerate(kept) if i % 7 == 0}
        which = [int(i % 6 == 5) for i in range(len(kept))]
        plain = {}
        for k, text in enumerate(kept):
            got = dates.find_dates(text, plain_contexts[which[k]], text in openings, reading=reading)
            if got:
                plain[k] = got
        at_once = dates.find_in_texts(kept, [joined_contexts[w] for w in which], openings, reading)
        assert at_once == plain
        assert [_state(c) for c in joined_contexts] == [_state(c) for c in plain_contexts]
        # the sixth texts' context as a note's, read no more after: left unread where no
        # date without a year asks it
        private = [dates.YearContext(months) for _ in range(2)]
        unread = dates.find_in_texts(kept, [private[w] for w in which], openings, reading, private=[private[1]])
        assert unread == plain
        assert _state(private[0]) == _state(plain_contexts[0])
        found += len(plain)
        texts_read += len(kept)
    assert found > 2000 and texts_read > 20000


def test_the_words_found_in_the_texts_joined_are_those_found_in_each():
    """The automaton of the words a date begins with (`Reading.starts`) scanning the texts
    joined by a NUL, as `find_in_texts` does, against its scan of each text alone: in each
    text the same words at the same places, for the default profile's months and the
    bundled book's, on runs of lines of the bundled book, the corpus books and the edge
    strings."""
    found = 0
    for months in ({}, load_profile(source=SAMPLE).months):
        automaton = dates.Reading(months).starts(False, False)
        for texts in _regions():
            kept = [t for t in texts if t]
            joined = "\x00".join(kept)
            alone, at = [], 0
            for text in kept:
                alone += [(i, at + s, at + e) for i, s, e in automaton.find_matches_as_indexes(text)]
                at += len(text) + 1
            assert automaton.find_matches_as_indexes(joined) == alone
            found += len(alone)
    assert found > 100000


# Verses of Burns's "Halloween" (the corpus book), a feast the Scots pack names, in a
# chapter of their own: the feast found in the texts joined, and added to that text's dates.
VERSES = (
    '<div xmlns="http://www.tei-c.org/ns/1.0" type="chapter"><head>Halloween, 1785</head>'
    "<lg><l>I was na past fyfteen:</l><l>The simmer had been cauld an' wat,</l>"
    "<l>An' stuff was unco green;</l><l>An' eye a rantin kirn we gat,</l>"
    "<l>An' just on Halloween</l><l>It fell that night.</l></lg></div>"
)


def _pass_both_ways(tei: etree._Element, profile, monkeypatch) -> list[str]:
    """The tree the date pass leaves, with `READ_AT_ONCE` and without, each date element
    copied from one made for its attributes and made anew by `make_in` (the plain form)."""
    out = []
    copied = dates._date_elements
    for at_once, plain_elements in ((True, False), (False, False), (True, True)):
        monkeypatch.setattr(dates, "READ_AT_ONCE", at_once)
        made = (lambda t: lambda a: make_in(t, "date", attrib=a)) if plain_elements else copied
        monkeypatch.setattr(dates, "_date_elements", made)
        tree = copy.deepcopy(tei)
        dates.apply(tree, Context(source=SAMPLE, profile=profile, report=Report(), tree=tree))
        out.append(etree.tostring(tree, encoding="unicode"))
    return out


@pytest.mark.parametrize("profile", ["default", "book", "scots"])
def test_the_pass_reading_regions_at_once_marks_what_it_marks_reading_text_by_text(profile, monkeypatch, tmp_path):
    """The date pass with `READ_AT_ONCE` against the pass without (each text node handed
    to `find_dates` as `wrap` walks the tree), and with its date elements copied against
    made one by one: the same tree, mark for mark, on every part of the bundled book's
    edition (its dates unmarked), with the book's profile, the default and the Scots pack
    (a chapter of Burns's verses added, which names a feast)."""
    if profile == "scots":
        own = tmp_path / "scots.toml"
        own.write_text('include = ["scots"]\n', encoding="utf-8")
        chosen = load_profile(own)
    else:
        chosen = load_profile(source=SAMPLE) if profile == "book" else load_profile()
    marked = 0
    for tei in _edition_trees():
        body = tei.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
        if body is not None:
            body.append(etree.fromstring(VERSES))
        out = _pass_both_ways(tei, chosen, monkeypatch)
        assert out[0] == out[1] == out[2]
        marked += out[0].count("<date ")
        if profile == "scots" and body is not None:
            assert 'when="--10-31">Halloween<' in out[0]
    assert marked > 1500


def _groups(m: re.Match | None) -> tuple | None:
    return None if m is None else (m.span(), m.lastgroup, m.groups())


def test_the_one_date_pattern_matches_as_the_pattern_of_each_kind_of_text(monkeypatch):
    """`Reading.pattern` with `ONE_PATTERN` (the pattern made for a text with a century and
    a decade in words, for every text) against it without (the pattern of the text's kind,
    as `find_dates` tells it): the same matches, group for group, in every line of the
    bundled book and of the corpus books and the edge strings (and at every word's start of
    those holding a date), for the default profile's months and the bundled book's."""
    compared = with_dates = 0
    for months in ({}, load_profile(source=SAMPLE).months):
        one, plain = dates.Reading(months), dates.Reading(months)
        for texts in _regions():
            for text in texts:
                decades = "ties" in text and dates._HOLDS_DECADE_WORD.search(text) is not None
                monkeypatch.setattr(dates, "ONE_PATTERN", False)
                kind = plain.pattern("century" in text, decades)
                monkeypatch.setattr(dates, "ONE_PATTERN", True)
                pattern = one.pattern("century" in text, decades)
                found = [_groups(m) for m in kind.finditer(text)]
                assert [_groups(m) for m in pattern.finditer(text)] == found, text
                compared += 1
                if found:
                    with_dates += 1
                    for word in re.finditer(r"\b\w", text):
                        at = word.start()
                        assert _groups(pattern.match(text, at)) == _groups(kind.match(text, at)), (text, at)
    assert compared > 40000 and with_dates > 3000
