"""The organisations' pass's shortcuts (issue 14's half second) give what their plain forms
give.

The look-backs `find` asks for at every noun read the characters right before a place by
hand where they are of the common shape (one space after a word) and leave the others to
the pattern, or search the pattern from nearer the place, or only where it can match: each
is compared with the pattern searched as `find` searched it, at the places `find` asks of
(every word's first letter) and at every place of stretches of text, in the bundled book's
edition (its text nodes cut by every mark the passes make), its source text, books of the
shared corpus, and strings made to catch the edges. The marks made by copying one for each
organisation are compared with marks made one by one; the numbered bodies' pattern, asked
only of names holding its words, with the pattern asked of every name; the pieces read for
establishments listed with others, with what the patterns find. A shortcut that answered
otherwise would change the edition.
"""

from __future__ import annotations

import random
import re

from lxml import etree

from conftest import EDITION, SAMPLE, SHARED, edition_pieces, texts_writing
from teikit.enrich import orgs
from teikit.tei import XML_ID, make, q

CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))[:4]
_WORD_START = re.compile(r"(?<![\w'’-])[\w'’‘(-]")


def _texts() -> list[str]:
    texts = ["\n\n".join(pieces) for pieces in edition_pieces()[:8]]
    texts.append(SAMPLE.read_text(encoding="utf-8")[:200_000])
    texts += [path.read_bytes().decode("utf-8", "replace")[:80_000] for path in CORPUS]
    return texts


def _edges() -> list[str]:
    """Strings of the shapes the shortcuts tell apart: one space or more, tabs, a line's end,
    blank lines, words glued by hyphens and apostrophes, "the" and "The" inside words and at
    the start, a capital opening a quotation or a bracket, an underscore, an accented word."""
    rng = random.Random(23)
    parts = """the The bathe the- -the _the party city Moscow Central Committee 'Anti-Soviet (Politburo
    People's Workers' O'Brien é Étoile and Organization x A. Sovnarkom 1917 k-party Stalin's""".split()
    spaces = [" ", " ", " ", "  ", "\n", " \n", "\n\n", "\t", " \t", "\n ", "", "-", "'", "’", "‘", ".", ","]
    out = []
    for _ in range(400):
        out.append("".join(rng.choice(parts) + rng.choice(spaces) for _ in range(rng.randint(1, 12))))
    return out


def _places(text: str, every: bool) -> range | list[int]:
    return range(len(text) + 1) if every else [m.start() for m in _WORD_START.finditer(text)]


def _compare(fast, plain) -> int:
    """How many places the two were compared at (each text's word starts; every place of the
    made strings and of each text's first 3,000 characters): a difference fails at once."""
    asked = 0
    texts = _texts()
    for text in texts + _edges():
        every = len(text) < 3000
        for at in [*_places(text, every), *([] if every else range(3000))]:
            assert fast(text, at) == plain(text, at), (text[max(0, at - 40) : at], at)
            asked += 1
    return asked


def _match(m) -> tuple[int, str] | None:
    return None if m is None else (m.start(), m.group(1))


def test_the_rank_before_a_place_is_the_patterns():
    """`orgs.rank_before` (a word of letters read back from one space) against
    `_RANK_BEFORE.search` over the twenty characters before: the same word, at the same place."""
    asked = _compare(
        lambda text, at: _match(orgs.rank_before(text, at)),
        lambda text, at: _match(orgs._RANK_BEFORE.search(text, max(0, at - 20), at)),
    )
    assert asked > 100_000


def test_the_the_before_a_place_is_the_patterns():
    """`orgs.the_before` ("the" read from the four characters before one space) against
    `_THE_BEFORE.search` over the eight (and six) characters before."""
    for back in (8, 6):
        _compare(
            lambda text, at, back=back: orgs.the_before(text, at, back),
            lambda text, at, back=back: orgs._THE_BEFORE.search(text, max(0, at - back), at) is not None,
        )


def test_the_run_of_capitalised_words_before_a_place_is_the_patterns():
    """`orgs.run_before` (the pattern searched from the first of the capitalised words before)
    against `_RUN_BEFORE.search` over the hundred characters before: the same run."""

    def span(m):
        return None if m is None else (m.start(), m.end())

    _compare(
        lambda text, at: span(orgs.run_before(text, at)),
        lambda text, at: span(orgs._RUN_BEFORE.search(text, max(0, at - orgs._LOOK_BACK), at)),
    )


def test_the_common_words_joined_before_a_place_are_the_patterns():
    """`orgs.joined_common` (searched only after "and") against `_JOINED_COMMON.search` over
    the forty characters before; the strings made hold "the Organization and " often."""
    _compare(
        lambda text, at: _match(orgs.joined_common(text, at)),
        lambda text, at: _match(orgs._JOINED_COMMON.search(text, max(0, at - 40), at)),
    )


def test_the_mark_of_each_mention_is_a_new_element_linked_as_the_plain_one():
    """`orgs.OrgMarks.mark` (a copy of the organisation's first mark) against `orgs.mark_of`
    (an element made and its link set): for every entry of the bundled edition's register,
    asked twice in turn, the same element written out, a new one each time (each mention is
    wrapped on its own), and every entry's id among those used."""
    register = etree.parse(str(EDITION / "orgs.xml")).getroot()
    entries = list(register.iter(q("org")))
    assert len(entries) > 100
    tei = make("TEI")
    used: set[str] = set()
    marks = orgs.OrgMarks(tei, used)
    made = []
    for org in entries + entries:
        el = marks.mark(org)
        assert etree.tostring(el) == etree.tostring(orgs.mark_of(tei, org))
        made.append(el)
    assert len({id(el) for el in made}) == len(made)
    made[0].set("ref", "changed")  # a mark changed (as wrapping it does) leaves the next ones
    assert marks.mark(entries[0]).get("ref") == orgs.mark_of(tei, entries[0]).get("ref")
    assert used == {org.get(XML_ID) for org in entries}


def test_a_name_numbered_by_its_members_holds_of_between_words():
    """`_numbers_alone` asks `_NUMBERED` only of names holding " of " (the pattern's own
    words): every name of the bundled edition's register and every name its text marks, and
    made ones ("Council of Four", "Council of Five Hundred"), the pattern matches none other."""
    names = [" ".join(el.text.split()) for el in etree.parse(str(EDITION / "orgs.xml")).iter(q("orgName")) if el.text]
    for path in sorted(EDITION.glob("ch*.xml")):
        names += [" ".join("".join(el.itertext()).split()) for el in etree.parse(str(path)).iter(q("orgName"))]
    names += ["Council of Four", "Council of Five Hundred", "Council of\nFour", "Council  of Ten", "Club of Ten"]
    numbered = [name for name in names if orgs._NUMBERED.search(name)]
    assert numbered and len(names) > 1000
    assert all(" of " in name for name in numbered)


def test_the_number_alone_names_the_body_numbered_by_its_members_keynes():
    """Keynes's "the Council of Four" then "the intimate equality of the Four": the number
    alone after "the" is the Council, found once the name holding " of " is asked of."""
    pieces = [
        "Clemenceau was by far the most eminent member of the Council of Four,",
        "once stepped down to the intimate equality of the Four, the game was",
    ]
    start = pieces[0].index("Council")
    found = [[orgs.Found(start, start + len("Council of Four"), "Council of Four", "Council", False)], []]
    out = orgs._numbers_alone(found, pieces, "\n\n".join(pieces), orgs.piece_starts(pieces))
    assert [(f.name, pieces[1][f.start : f.end]) for f in out[1]] == [("Council of Four", "Four")]


def test_an_establishment_listed_with_others_is_in_a_piece_holding_other_and_its_plural():
    """`_establishments_alone` reads with its two patterns only the pieces that hold "other "
    and an establishment's plural: every plural either pattern finds stands right after
    "other " in the text it is found in (the edition's pieces holding " other ", the bundled
    book's source, corpus books, strings made to catch the edges)."""
    texts = texts_writing(" other ")
    texts += [
        "Sormovo and other works, other works, such as Sormovo, and other works",
        "Putilov and other\nplants; other  works like Putilov; (other works, such as Sormovo",
        "another works, such as Sormovo; other factories, including Putilov",
    ]
    found = 0
    for text in texts:
        for m in orgs._AND_OTHER.finditer(text):
            assert f"other {m.group(2)}" in text
            found += 1
        for m in orgs._OTHER_SUCH_AS.finditer(text):
            assert f"other {m.group(1)}" in text
            found += 1
    assert found > 20
