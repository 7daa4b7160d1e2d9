"""The shared enrichment machinery's shortcuts (issue 14's speed work) give what their
plain forms give, on the bundled edition's chapters (real marked text) and on trees made to
catch the edges (comments, processing instructions, marks nested, empty text nodes)."""

from __future__ import annotations

import ahocorasick_rs
import pytest
from lxml import etree

from conftest import EDITION, SAMPLE, SHARED, edition_pieces
from teikit.enrich import dates, matching, registers
from teikit.profile import load_profile
from teikit.tei import make, q, sub, text_of
from teikit.textnodes import text_slots

CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))


def _chapters() -> list:
    return [etree.parse(str(path)).getroot() for path in sorted(EDITION.glob("ch*.xml"))]


def _with_comments_and_instructions():
    """A TEI tree whose front and body hold comments and processing instructions (with text
    and tails of their own), marks nested and empty text nodes."""
    tei = make("TEI")
    text = sub(tei, "text")
    front = sub(text, "front")
    sub(front, "p", "Preface by")
    front.tail = "\n"
    body = sub(text, "body")
    p = sub(body, "p", "In ")
    p.append(etree.Comment(" Moscow, said the editor "))
    p[-1].tail = "Moscow "
    p.append(etree.ProcessingInstruction("page", "12 Stalin"))
    p[-1].tail = "Stalin met "
    name = sub(p, "persName", "")
    sub(name, "forename", "Lazar").tail = " "
    sub(name, "surname", "Kaganovich").tail = ""
    name.tail = " there."
    sub(body, "p")  # empty
    sub(sub(text, "back"), "p", "Index: Zyxwvut")
    return tei


def _plain_running_texts(tei) -> list[str]:
    """What `_RunningWords.texts` stands for: each front's and body's text by `itertext`."""
    parts = [part for text in tei.iter(q("text")) for part in text if part.tag in (q("front"), q("body"))]
    return [" ".join(part.itertext()) for part in parts]


def test_running_words_read_the_text_nodes_itertext_gives():
    """`registers._RunningWords.texts` (the text nodes listed by XPath) against `itertext`."""
    trees = [*_chapters(), _with_comments_and_instructions()]
    assert sum(len(t) for tree in trees for t in _plain_running_texts(tree)) > 500_000
    for tree in trees:
        assert registers._RunningWords(tree).texts() == _plain_running_texts(tree)


def _read_starts(scan, lead, joined: str) -> list[tuple[int, int]]:
    """The words `dates.find_in_texts` reads of a scan of `joined`, as (index among
    `_date_starts`'s words, start): those not inside a word, or a digit after "n" or "y"."""
    out = []
    for index, start, _ in scan(joined):
        index = lead[index]
        before = joined[start - 1] if start else " "
        if (before.isalnum() or before == "_") and (index >= dates._DIGIT_WORDS or before not in "ny"):
            continue
        out.append((index, start))
    return out


@pytest.mark.parametrize("profile", ["default", "book"])
def test_the_date_words_found_with_pairs_of_digits_are_those_found_digit_by_digit(profile):
    """`dates._date_starts_by_pairs` (a number found in pairs of digits) against
    `_date_starts` (each digit a match): the same words read, at the same places, in the
    bundled book and the corpus books, joined by NULs as `find_in_texts` joins its texts,
    and in strings made to catch the edges."""
    months = load_profile(source=SAMPLE if profile == "book" else None).months
    own = dates.Reading(months).own
    plain = dates._date_starts(own, False, False)
    by_pairs, lead = dates._date_starts_by_pairs(own)
    texts = [SAMPLE.read_text(encoding="utf-8")]
    texts += [path.read_bytes().decode("utf-8", "replace") for path in CORPUS]
    edges = ["1929", "x1917 a_1917 _1917", "in1935, by12 May", "On16 September", "12", "1", "123", "f. 17, op. 3"]
    read = 0
    for joined in [*texts, "\x00".join(edges), "\x00".join(edges[::-1])]:
        expected = _read_starts(plain.find_matches_as_indexes, range(len(lead)), joined)
        assert _read_starts(by_pairs.find_matches_as_indexes, lead, joined) == expected
        read += len(expected)
    assert read > 30_000


def _register_names() -> list[str]:
    """Every name the bundled edition's registers write (persons, places, organisations)."""
    names = set()
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        root = etree.parse(str(EDITION / name)).getroot()
        for tag in ("persName", "surname", "forename", "placeName", "orgName"):
            names.update(" ".join(text_of(el).split()) for el in root.iter(q(tag)))
    return sorted(n for n in names if n)


# Keys and texts at the edges of the Latin-1 scan: characters Latin-1 has not (in the key,
# in the text, both), a "?" written in a key or in the text, keys alike in Latin-1.
_EDGE_KEYS = ["Łódź", "Lódz", "?ód?", "Kraków", "O’Brien", "O'Brien", "what?", "?", "Ōsaka", "Ősaka", "Dnipro–Don"]
_EDGE_TEXT = (
    "From Łódź to Lódz and ?ód? by Kraków; O’Brien met O'Brien — what? what! ? Ōsaka, Ősaka, "
    "?saka; the Dnipro–Don canal, Dnipro-Don; Łódź-Kraków, Kraków--Łódź."
)


def _plain(keys: list[str], split_hyphens: bool = False) -> matching.Matcher:
    """A matcher that scans the text itself (`str`), as every matcher did before its bytes."""
    matcher = matching.Matcher(dict.fromkeys(keys, 1), split_hyphens=split_hyphens)
    matcher.automaton = ahocorasick_rs.AhoCorasick(matcher.keys)
    return matcher


@pytest.mark.parametrize("split_hyphens", [False, True])
def test_a_matcher_finds_in_latin1_bytes_what_it_finds_in_the_text(split_hyphens):
    """`Matcher.find` and `Matcher.read_ahead` (the keys sought in the text's Latin-1 bytes)
    against the same matcher scanning the text itself, for the registers' names on the
    bundled book's paragraphs and the edition's text nodes (one by one, and read ahead), on
    the text of them all, and at the edges."""
    keys = [*_register_names(), *_EDGE_KEYS]
    bytewise, plain = matching.Matcher(dict.fromkeys(keys, 1), split_hyphens), _plain(keys, split_hyphens)
    assert bytewise._checked and not bytewise._given
    paragraphs = SAMPLE.read_text(encoding="utf-8").split("\n\n")
    pieces = [*paragraphs, *(piece for chapter in edition_pieces() for piece in chapter), _EDGE_TEXT]
    whole = "\n\n".join(pieces)
    assert bytewise.places(whole) == plain.automaton.find_matches_as_indexes(whole, overlapping=True)
    assert bytewise.find(whole) == plain.find(whole)
    assert len(plain.find(whole)) > 5000 and not whole.isascii()
    assert [bytewise.find(p) for p in pieces] == [plain.find(p) for p in pieces]
    assert bytewise.read_ahead(pieces) == plain.read_ahead(pieces)
    assert [bytewise.find(p) for p in pieces] == [plain.find(p) for p in pieces]
    edges = bytewise.find(_EDGE_TEXT)
    assert edges == plain.find(_EDGE_TEXT) and {"Łódź", "?ód?", "Ōsaka", "Ősaka", "O’Brien"} <= {m[2] for m in edges}


def test_a_text_s_latin1_bytes_are_kept_for_the_text_itself():
    """`matching.latin1_bytes`: a long text's bytes are kept, by the text's identity: an equal text
    made anew is encoded anew, and a text that has the id of one kept (made after that one
    was freed) is not given that one's bytes."""
    text = "Łódź " * 5000
    first = matching.latin1_bytes(text)
    assert first == text.encode("latin-1", "replace") and len(first) == len(text)
    assert matching.latin1_bytes(text) is first
    again = "".join(["Łódź "] * 5000)
    assert again is not text and matching.latin1_bytes(again) is not first and matching.latin1_bytes(again) == first
    other = "Kraków " * 5000
    matching._ENCODED[id(other)] = (text, first)  # as if `other` had taken a kept text's id
    assert matching.latin1_bytes(other) == other.encode("latin-1")


@pytest.mark.parametrize("kind", [ahocorasick_rs.MatchKind.Standard, ahocorasick_rs.MatchKind.LeftmostLongest])
@pytest.mark.parametrize(
    "words",
    [
        ["Lammas", "Christmas", "Hallowmass", "Whitsunday", "May", "Mayday", "ay", "the", "he"],  # ASCII: bytes
        ["Lammas", "Saint John’s Day", "Hogmanay", "Noël", "?", "Łódź", "Lódz"],  # not: the text itself
        ["Noël", "Lódz", "Café", "the", "May"],  # Latin-1, not all ASCII: bytes too
    ],
)
def test_a_bytes_scan_of_latin1_bytes_finds_what_the_scan_of_the_text_finds(words, kind):
    """`matching.bytes_scan` against `AhoCorasick(words, kind)` on the text itself, on the
    bundled book and the corpus books (their characters beyond Latin-1 among them) and on a
    string of the edges."""
    scan = matching.bytes_scan(words, kind)
    plain = ahocorasick_rs.AhoCorasick(words, matchkind=kind)
    edges = "Łódź Lódz ?ód? Noël Noel Saint John’s Day, Saint John's Day; Lammas? Mayday May ?ay Ōay"
    texts = [SAMPLE.read_text(encoding="utf-8"), *(p.read_bytes().decode("utf-8", "replace") for p in CORPUS), edges]
    found = 0
    for text in texts:
        expected = plain.find_matches_as_indexes(text)
        assert scan(text) == expected
        found += len(expected)
    assert found > 1000 and any(not text.isascii() for text in texts)


def _pieces_plainly(el) -> list[str]:
    """The pieces of `el`'s unmarked text, as `matching.unmarked_text` says: a mark's text
    goes on with the piece around it, another element ends the piece, and is read unless it
    is one of `SKIP` (or no element); each element entered by a call of its own."""
    pieces: list[str] = []
    piece: list[str] = []

    def end_piece() -> None:
        if piece:
            pieces.append("".join(piece))
            piece.clear()

    def walk(e) -> None:
        if e.text:
            piece.append(e.text)
        for child in e:
            name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else None
            if name in matching.MARKS:
                walk(child)
            else:
                end_piece()
                if name is not None and name not in matching.SKIP:
                    walk(child)
                    end_piece()
            if child.tail:
                piece.append(child.tail)

    walk(el)
    end_piece()
    return pieces


def test_the_walk_of_the_unmarked_text_reads_the_edition_as_the_plain_walk():
    """`matching._unmarked_walk` (an element without children read without a call of the
    walk) against the plain walk and `textnodes.text_slots`, on the regions of the edition's
    chapters: their dates, names, notes, breaks and skipped elements as the book has them."""
    seen = 0
    for tree in _chapters():
        for region in matching.regions(tree):
            pieces: list[str] = []
            slots: list = []
            matching._unmarked_walk(region, pieces, slots)
            assert pieces == _pieces_plainly(region)
            assert slots == text_slots(region, matching.SKIP)
            seen += len(pieces)
    assert seen > 5000
