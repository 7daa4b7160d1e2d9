"""The organisations' pass's shortcuts of round 3 (issue 14's half second) give what their
plain forms give.

`orgs.word_before`, the lower-case word before a place as a tuple (`find` asks it thousands
of times and drops most at once), and `orgs.lower_word_before`, the word `_article_less`
reads before every noun, are compared with the patterns they stand for at the places
`find` asks of and at every place of stretches of the bundled book's edition, its source,
books of the shared corpus and strings made to catch the edges; so is `_country_after`,
which tells most places before its pattern. `seed` takes an index heading's name from
`IndexItems.heading`, read once for the readings after it: compared with the term less its
page numbers and brackets, as `seed` read it. `discover` asks whether
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


def _plain_country_after(text: str, end: int, shapes: orgs.Shapes):
    """`orgs._country_after` as it asked the pattern first, at every place."""
    country = orgs._COUNTRY_AFTER.match(text, end)
    if country is None or orgs._CONTINUES.match(text, country.end()):
        return None
    name = country.group(1)
    if name.isupper():
        return country if orgs._is_place(name, shapes.profile) else None
    kind = orgs.registers.classify_place(name, shapes.profile)
    return country if kind is not None and kind[0] == "country" else None


def test_the_country_after_a_name_is_the_one_the_pattern_first_finds():
    """`orgs._country_after`, which tells most places (a stop, a space and a word in lower
    case) before the pattern, against the pattern asked at every place: the same country
    ("NKZem USSR", "Sovnarkom Ukraine"), or none."""
    shapes = orgs.Shapes.of(load_profile(source=SAMPLE), "")

    def span(m) -> tuple[int, int] | None:
        return None if m is None else m.span(1)

    found = 0

    def fast(text: str, at: int) -> tuple[int, int] | None:
        nonlocal found
        answer = span(orgs._country_after(text, at, shapes))
        found += answer is not None
        return answer

    _compare(fast, lambda text, at: span(_plain_country_after(text, at, shapes)))
    for text in ("NKZem USSR and Gosplan RSFSR", "Sovnarkom Ukraine, Vesenkha\tUkraine", "the NKVD USSR's"):
        for at in range(len(text) + 1):
            assert fast(text, at) == span(_plain_country_after(text, at, shapes)), (text, at)
    assert found > 3


def test_a_headings_brackets_are_those_of_its_words_without_page_numbers():
    """`seed` reads an index heading's bracketed short names in its term as written and takes
    its name from `IndexItems.heading` (read once, for the readings after it too): the
    brackets are those of the term less the page numbers run into it, and the name is the
    term less both, for every heading of the bundled edition's indexes and made ones."""
    root = etree.parse(str(EDITION / "back.xml")).getroot()
    subjects = [div for div in root.iter(q("div")) if div.get("type") == "index"]
    index = orgs.IndexItems(subjects)
    terms = [index.term(item) for item in index.items]
    made = ["12, 14 Political Bureau (Politburo)", "3–5; KGB (Committee of State Security)", "7 (x) Cheka (VChK)"]
    assert len(terms) > 1000
    assert sum("(" in term for term in terms) > 50 and sum(bool(orgs._PAGES_BEFORE.match(t)) for t in terms) > 10
    for term in terms + made:
        paged = orgs._PAGES_BEFORE.sub("", term)
        assert orgs._BRACKETED.findall(term) == orgs._BRACKETED.findall(paged), term
    for item, term in zip(index.items, terms):
        assert index.heading(item) == orgs._BRACKETS.sub("", orgs._PAGES_BEFORE.sub("", term)).strip()


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
