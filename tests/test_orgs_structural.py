"""The organisations pass's shortcuts give what the plain forms they stand for give.

Each shortcut (an answer told from what a pattern found already, a scan of all the index's
headings at once, a test of a word's end by `str.endswith`, a sort left out where the order
is that of the scan) is compared with its plain form on the bundled book's edition (its
text nodes cut by every mark the passes make), on its source text, on books of the shared
corpus where present, and on strings made to catch the edges: a shortcut that answered
otherwise would change the edition.
"""

from __future__ import annotations

import copy

from lxml import etree

from conftest import SAMPLE, SHARED, edition_pieces
from teikit.enrich import matching, orgs, registers
from teikit.profile import load_profile
from teikit.tei import q, text_of

EDITION = SAMPLE.parent.parent / "tei" / "iron-lazar"
CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))[:4]
EDGES = (
    "the Soviet Union. Stalin's party line; the Workers' party; the Moscow party committee; the"
    " Anti-party group; the _party; x-party Congress; 'the party', the\nparty; the\n\nparty"
    " congress; O'Brien's commission; café commission; the 1930s party; l’party; —party;"
    " the  party\tcommittee; party"
)


def _texts() -> list[str]:
    texts = [piece for pieces in edition_pieces()[:6] for piece in pieces]
    texts.append(SAMPLE.read_text(encoding="utf-8")[:200_000])
    texts += [path.read_bytes().decode("utf-8", "replace")[:100_000] for path in CORPUS]
    texts.append(EDGES)
    return texts


def test_a_whole_word_in_lower_case_before_a_body_leaves_no_capitalised_word_to_find():
    """`orgs._body` gives nothing, without asking `_words_before`, where the word
    `_RANK_BEFORE` finds before a body's noun is a whole word (`orgs._whole_word`): the plain
    form, `_words_before` there, finds no capitalised word (-1), in prose and out of it. Asked
    at every place a word follows a space in the edition's text nodes, the bundled book's
    source, four corpus books and strings that catch the edges (a possessive's "s", a
    word's end after a capital, a hyphen, an underscore, an accented letter, a quotation)."""
    profile = load_profile(source=SAMPLE)
    asked = whole = 0
    for text in _texts():
        shapes = orgs.Shapes.of(profile, text)
        for at in range(1, len(text)):
            if not text[at - 1].isspace() or text[at].isspace():
                continue
            rank = orgs._RANK_BEFORE.search(text, max(0, at - 20), at)
            if rank is None:
                continue
            asked += 1
            if orgs._whole_word(text, rank):
                whole += 1
                assert orgs._words_before(text, at, shapes, True) == -1, (text[max(0, at - 40) : at + 20], at)
                assert orgs._words_before(text, at, shapes, False) == -1
    assert whole > 50_000 and asked - whole > 1_000  # the shortcut taken, and passed by


def test_whole_word_tells_a_word_whole_from_the_end_of_one():
    """`orgs._whole_word` of the lower-case word before a body's noun, as `_words_before`
    reads a word's characters: "party" whole after a space, an underscore or a dash; "s" of
    "Stalin's", "oscow" of "Moscow", "party" of "Anti-party" or "l’party" not."""
    for text, expected in (
        ("the party committee", True),
        ("the _party committee", True),
        ("a —party committee", True),
        ("party committee", True),
        ("Stalin's party", False),
        ("the Moscow party", False),
        ("the Anti-party group", False),
        ("the l’party group", False),
        ("the x2party group", False),
    ):
        at = text.rindex(" ") + 1
        rank = orgs._RANK_BEFORE.search(text, max(0, at - 20), at)
        assert rank is not None
        assert orgs._whole_word(text, rank) is expected, text
        if expected:
            assert orgs._words_before(text, at, orgs.Shapes.of(load_profile(), text), True) == -1


def test_the_index_headings_scanned_at_once_hold_what_each_asked_alone_holds():
    """`seed`'s one scan of all the Subject Index's headings (`Matcher.read_ahead`, hyphens
    split) against `Shapes.heads().find` of each heading alone: the same headings hold a noun
    or a known name, and the matcher gives each heading, when asked again (`_whole`), what a
    matcher that read nothing ahead gives; with the bundled book's profile and the default."""
    back = etree.parse(str(EDITION / "back.xml")).getroot()  # its indexes in a `body` of their own
    subjects = [d for d in back.iter(q("div")) if d.get("type") == "index" and "Subject" in text_of(d.find(q("head")))]
    index = orgs.IndexItems(subjects)
    terms = [index.term(item) for item in index.items]
    assert len(terms) > 500
    text = "\n\n".join(piece for pieces in edition_pieces()[:3] for piece in pieces)
    for profile in (load_profile(source=SAMPLE), load_profile()):
        keys = orgs.Shapes.of(profile, text).head_keys()
        ahead, plain = orgs.Matcher(keys, split_hyphens=True), orgs.Matcher(keys, split_hyphens=True)
        holding = ahead.read_ahead(terms)
        assert holding is not None
        assert holding == {k for k, term in enumerate(terms) if plain.find(term)}
        assert len(holding) > 100
        for term in terms:
            assert ahead.find(term) == plain.find(term)


def test_the_register_seeded_with_the_headings_scanned_at_once_is_the_one_each_asked_alone_seeds(monkeypatch):
    """`orgs.seed` on the bundled book's Subject Index, the headings' nouns and names found in
    one scan of them all, against `seed` asking each heading alone (`Matcher.read_ahead`
    made to read nothing ahead, as where a key holds a blank line): the same entries, notes
    and all, and the same names, bodies and placed names learnt; with the bundled book's
    profile and the default."""
    back = etree.parse(str(EDITION / "back.xml")).getroot()
    subjects = [d for d in back.iter(q("div")) if d.get("type") == "index" and "Subject" in text_of(d.find(q("head")))]
    tei = etree.Element(q("TEI"))
    etree.SubElement(etree.SubElement(tei, q("text")), q("back")).append(copy.deepcopy(subjects[0]))
    text = "\n\n".join(piece for pieces in edition_pieces() for piece in pieces)

    def seeded(profile) -> tuple:
        shapes = orgs.Shapes.of(profile, text)
        register = registers.Register("org")
        orgs.seed(orgs.Orgs(register), tei, shapes, profile)
        entries = [etree.tostring(org, encoding=str) for org in register.entries.values()]
        return entries, sorted(shapes.known), sorted(shapes.bodies), sorted(shapes.placed)

    for profile in (load_profile(source=SAMPLE), load_profile()):
        ahead = seeded(profile)
        with monkeypatch.context() as m:
            m.setattr(matching.Matcher, "read_ahead", lambda self, texts: None)
            alone = seeded(profile)
        assert ahead == alone
        assert len(ahead[0]) > 100


def test_the_nouns_of_one_scan_come_in_the_order_find_sorts_them_in():
    """`discover` hands `find` a piece's nouns and names of the one scan of the book as the
    scan gives them, not sorted again: sorted by their starts and ends, none overlapping, on
    the edition's chapters joined as the pass joins them, the bundled book's source and four
    corpus books (a piece's share of them is a run of that order)."""
    texts = ["\n\n".join(pieces) for pieces in edition_pieces()[:5]]
    texts.append(SAMPLE.read_text(encoding="utf-8"))
    texts += [path.read_bytes().decode("utf-8", "replace") for path in CORPUS]
    seen = 0
    for profile in (load_profile(source=SAMPLE), load_profile()):
        scan = orgs.scanner(orgs.Shapes.of(profile, texts[0]).head_keys(), split_hyphens=True)
        for text in texts:
            heads = scan.find(text)
            assert heads == sorted(heads, key=lambda h: h[:2])
            assert all(a[1] <= b[0] for a, b in zip(heads, heads[1:]))
            seen += len(heads)
    assert seen > 10_000


def test_a_possessive_told_by_its_end_is_the_one_the_pattern_finds():
    """`orgs._POSSESSIVE_ENDS` (`str.endswith`) against `orgs._POSSESSIVE` (a search) for
    every capitalised word (`_TOKENS`) of the edition, the bundled book's source, four corpus
    books and the edges, as `_words_before` asks of them."""
    words = {w for text in _texts() for w in orgs._TOKENS.findall(text)}
    words |= {"People's", "Workers'", "Workers’", "Stalin’s", "Bus", "S", "'s", "s'", "Ss", "Its"}
    assert len(words) > 3_000
    possessives = 0
    for word in words:
        told = word.endswith(orgs._POSSESSIVE_ENDS)
        assert told == bool(orgs._POSSESSIVE.search(word)), word
        possessives += told
    assert possessives > 100


def test_a_name_of_single_spaces_folds_as_its_apostrophes_replaced():
    """`find` tells a name's `fold` (the words joined by single spaces, "’" as "'") by its
    apostrophes alone, its words already so joined: the same, for the runs of every text
    of the edition, the bundled book's source and the edges (no-break spaces, tabs, line
    ends joined away first)."""
    names = {
        " ".join(text[at : at + n].split()) for text in _texts()[-6:] for at in range(0, len(text), 97) for n in (9, 30)
    }
    names |= {" ".join(s.split()) for s in ("Workers’\u00a0Opposition", "People’s \t Commissariat\n", "a’’b")}
    for name in names:
        assert orgs.fold(name) == name.replace("’", "'"), name
