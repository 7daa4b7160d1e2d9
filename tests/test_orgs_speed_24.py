"""The organisations' pass's shortcuts of round 3 (issue 14's half second) give what their
plain forms give.

`orgs.word_before`, the lower-case word before a place as a tuple (`find` asks it thousands
of times and drops most at once), and `orgs.lower_word_before`, the word `_article_less`
reads before every noun, are compared with the patterns they stand for at the places
`find` asks of and at every place of stretches of the bundled book's edition, its source,
books of the shared corpus and strings made to catch the edges. `discover` asks whether
`find` finds each of the register's names whole with the matcher of its scan of the book
(`Shapes.heads_from`), the names read ahead in one scan: compared with `Shapes.heads`, a
matcher made of the same keys, each name read alone, for every name of the bundled
edition's register and every name its text marks, and for the bundled book's Subject Index
headings. A shortcut that answered otherwise would change the edition.
"""

from __future__ import annotations

from lxml import etree

from conftest import EDITION, SAMPLE, edition_pieces
from teikit.enrich import orgs
from teikit.profile import load_profile
from teikit.tei import q
from test_orgs_speed_23 import _compare, _match


def test_the_word_before_a_place_is_the_patterns():
    """`orgs.word_before` (a word of letters read back from one space) against
    `_RANK_BEFORE.search` over the twenty characters before: the same word, at the same
    place, or none where the pattern finds none."""
    asked = _compare(
        orgs.word_before,
        lambda text, at: _match(orgs._RANK_BEFORE.search(text, max(0, at - 20), at)),
    )
    assert asked > 100_000


def test_a_word_whole_at_its_start_is_as_its_match_tells():
    """`orgs._whole_word_at` of the start `word_before` gives against `_whole_word` of the
    pattern's match, wherever the pattern finds a word ("s" of "Stalin's", "party" of
    "Anti-party" are no words whole)."""
    told = 0

    def whole_at(text: str, at: int) -> bool | None:
        found = orgs.word_before(text, at)
        return None if found is None else orgs._whole_word_at(text, found[0])

    def whole(text: str, at: int) -> bool | None:
        m = orgs._RANK_BEFORE.search(text, max(0, at - 20), at)
        return None if m is None else orgs._whole_word(text, m)

    def counted(text: str, at: int) -> bool | None:
        nonlocal told
        answer = whole_at(text, at)
        told += answer is not None
        return answer

    _compare(counted, whole)
    assert told > 10_000


def test_the_lower_case_word_before_a_place_is_the_patterns():
    """`orgs.lower_word_before` (read back from the place: spaces, tabs, one line's end, a
    word of lower-case letters not the end of a longer one) against `_LOWER_BEFORE.search`
    over the thirty characters before, as `_article_less` searched it at every noun."""

    def word(m) -> str | None:
        return None if m is None else m.group(1)

    asked = _compare(
        orgs.lower_word_before,
        lambda text, at: word(orgs._LOWER_BEFORE.search(text, max(0, at - 30), at)),
    )
    assert asked > 100_000


def _register_names() -> list[str]:
    """Every name of the bundled edition's register and every name its text marks."""
    names = [" ".join(el.text.split()) for el in etree.parse(str(EDITION / "orgs.xml")).iter(q("orgName")) if el.text]
    for path in sorted(EDITION.glob("ch*.xml")):
        names += [" ".join("".join(el.itertext()).split()) for el in etree.parse(str(path)).iter(q("orgName"))]
    return list(dict.fromkeys(name for name in names if len(name) > 2))


def _index_headings() -> list[str]:
    """The bundled edition's index headings, as `seed` reads them (page numbers and brackets off)."""
    root = etree.parse(str(EDITION / "back.xml")).getroot()
    out = []
    for term in root.iter(q("term")):
        text = " ".join("".join(term.itertext()).split()).strip(" ,;")
        out.append(orgs._BRACKETS.sub("", orgs._PAGES_BEFORE.sub("", text)).strip())
    return [heading for heading in dict.fromkeys(out) if heading]


def test_names_read_with_the_scans_matcher_ahead_are_whole_as_read_alone():
    """`_whole` of each name with the scan's matcher (`scanner`, `Shapes.heads_from`), the
    names read ahead in one scan, against `_whole` with `Shapes.heads` (a `Matcher` of the
    same keys, each name scanned alone): the same answer for every name, with the bundled
    book's profile and with none, before and after short names are learnt."""
    text = "\n\n".join("\n\n".join(pieces) for pieces in edition_pieces())
    names = _register_names() + _index_headings()
    assert len(names) > 1000
    for profile in (load_profile(source=SAMPLE), load_profile()):
        for learnt in ((), ("Politburo", "Orgburo", "NKPS", "Rabkrin")):
            plain = orgs.Shapes.of(profile, text)
            fast = orgs.Shapes.of(profile, text)
            for short in learnt:
                plain.learn(short)
                fast.learn(short)
            scan = orgs.scanner(fast.head_keys(), split_hyphens=True)
            fast.heads_from(scan)
            assert scan.read_ahead(names)  # (read ahead: the names holding a noun or name)
            wholes = [orgs._whole(name, fast) for name in names]
            assert wholes == [orgs._whole(name, plain) for name in names]
            assert 100 < sum(wholes) < len(names)
            assert fast.heads() is scan and plain.heads() is not scan


def test_a_word_learnt_makes_the_nouns_matcher_anew():
    """After `Shapes.heads_from`, a short name learnt gives `heads` a matcher of the keys
    with it: the scan's matcher, without the name, is no longer asked."""
    profile = load_profile(source=SAMPLE)
    shapes = orgs.Shapes.of(profile, "the Glavtorf and the Politburo")
    scan = orgs.scanner(shapes.head_keys(), split_hyphens=True)
    shapes.heads_from(scan)
    assert [f.name for f in orgs.find("the Glavtorf and the Politburo", shapes)] == ["Politburo"]
    shapes.learn("Glavtorf")
    assert shapes.heads() is not scan
    assert [f.name for f in orgs.find("the Glavtorf and the Politburo", shapes)] == ["Glavtorf", "Politburo"]
