"""The organisations' pass's shortcuts of round 3 (issue 14's half second) give what their
plain forms give.

`orgs.word_before`, the lower-case word before a place as a tuple (`find` asks it thousands
of times and drops most at once), and `orgs.lower_word_before`, the word `_article_less`
reads before every noun, are compared with the patterns they stand for at the places
`find` asks of and at every place of stretches of the bundled book's edition, its source,
books of the shared corpus and strings made to catch the edges; so is `_country_after`,
which tells most places before its pattern, and `_words_before`, which splits the run of
capitalised words before a noun at its spaces. `seed` takes an index heading's name from
`IndexItems.heading`, read once for the readings after it: compared with the term less its
page numbers and brackets, as `seed` read it. `discover` asks whether
`find` finds each of the register's names whole with the matcher of its scan of the book
(`Shapes.heads_from`), the names read ahead in one scan: compared with `Shapes.heads`, a
matcher made of the same keys, each name read alone, for every name of the bundled
edition's register and every name its text marks, and for the bundled book's Subject Index
headings. A shortcut that answered otherwise would change the edition.
"""

from __future__ import annotations

from functools import partial

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


def _plain_words_before(text: str, hs: int, prose: bool, shapes: orgs.Shapes) -> int | None:
    """`orgs._words_before` as it read the run's words with `_TOKENS`, each a match."""
    k = hs - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’-"):
        k -= 1
    if text[k : k + 1] in ("'", "‘", "’") and (k == 0 or not text[k - 1].isalnum()):
        k += 1
    if k < 0 or k == hs - 1 or not text[k].isupper():
        return -1
    run = orgs.run_before(text, hs)
    if not run:
        return -1
    words = [(t.start(), t.group()) for t in orgs._TOKENS.finditer(run.group())]
    first = -1
    for at, word in reversed(words):
        if word.lower() in shapes.stops:
            break
        if word in shapes.persons and not shapes.common(word):
            return None
        if word.endswith(orgs._POSSESSIVE_ENDS) and (
            not shapes.common(word)
            or (bare := orgs._APOSTROPHE_S.sub("", word)) in shapes.nouns
            or bare in shapes.known
        ):
            if at == 0 and len(words) == 1 and orgs._the_whose(text, run.start(), word, shapes):
                first = run.start()
                continue
            break
        first = run.start() + at
    quoted = (
        first > 0
        and text[first - 1] in orgs._OPENING_QUOTES
        and orgs._THE_BEFORE.search(text, max(0, first - 6), first - 1)
    )
    if first >= 0 and prose and not quoted and orgs.initial(text, first):
        starts = [run.start() + at for at, _ in words]
        opening = words[starts.index(first)][1]
        if shapes.common(opening) and not shapes.opens_names(opening):
            rest = [at for at in starts if at > first]
            first = rest[0] if rest else -1
    if first == run.start():
        joined = orgs.joined_common(text, first)
        if joined and shapes.common(joined.group(1)) and shapes.common(words[0][1]):
            first = joined.start(1)
    return first


def test_the_capitalised_words_before_a_noun_are_those_the_tokens_pattern_reads():
    """`orgs._words_before`, which splits the run of capitalised words before a noun at its
    spaces, against its plain form, which read the run's tokens with `_TOKENS`: the same
    start of a name (or none, or a person's name) at every place of the test texts, in
    running text and not, with the bundled book's profile (forenames, honorifics, the
    words that begin sentences) and the words of the first texts as the book's."""
    pieces = [piece for pieces in edition_pieces()[:4] for piece in pieces]
    shapes = orgs.Shapes.of(load_profile(source=SAMPLE), "\n\n".join(pieces))
    named = 0

    def fast(text: str, at: int, prose: bool) -> int | None:
        nonlocal named
        answer = orgs._words_before(text, at, shapes, prose)
        named += answer is not None and answer >= 0
        return answer

    def asked(read, text: str, at: int, prose: bool) -> int | None | str:
        # (both read a character past a quotation mark ending the text: `find` asks at a
        # noun's first letter only)
        return read(text, at, prose) if at < len(text) else "past the end"

    for prose in (True, False):
        _compare(
            lambda text, at, prose=prose: asked(fast, text, at, prose),
            lambda text, at, prose=prose: asked(partial(_plain_words_before, shapes=shapes), text, at, prose),
        )
    assert named > 10_000


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
