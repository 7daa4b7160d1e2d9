"""The shared enrichment machinery's shortcuts (issue 14's speed work) give what their
plain forms give, on the bundled edition's chapters (real marked text) and on trees made to
catch the edges (comments, processing instructions, marks nested, empty text nodes)."""

from __future__ import annotations

import pytest
from conftest import EDITION, SAMPLE, SHARED
from lxml import etree

from teikit.enrich import dates, registers
from teikit.profile import load_profile
from teikit.tei import make, q, sub


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


def _read_starts(automaton, lead, joined: str) -> list[tuple[int, int]]:
    """The words `dates.find_in_texts` reads of a scan of `joined`, as (index among
    `_date_starts`'s words, start): those not inside a word, or a digit after "n" or "y"."""
    out = []
    for index, start, _ in automaton.find_matches_as_indexes(joined):
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
        expected = _read_starts(plain, range(len(lead)), joined)
        assert _read_starts(by_pairs, lead, joined) == expected
        read += len(expected)
    assert read > 30_000
