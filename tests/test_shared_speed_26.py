"""Shortcuts of issue 14's round 5 in the shared modules, each against the plain form it
stands for, on real books.

The writer settles the divisions again only where a pass may have changed the tree since the
navigation pass settled them (`navigation.SETTLED`, a view that pass keeps): on the bundled
book and on Burns's (whose headings with nothing under them are merged into the next
division), settling the divisions of the finished tree again changes nothing, and a pass that
changes the tree after navigation has its empty division settled by the writer. A word scan
tells the words a scan of Latin-1 bytes finds (`wordscan._by_latin_1`) as `in_latin_1` does.
"""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from conftest import SAMPLE, corpus_book
from teikit.convert import convert_tree, default_passes, navigation, writer
from teikit.convert.structure import settle_empty_divs
from teikit.enrich import wordscan
from teikit.enrich.matching import in_latin_1
from teikit.pipeline import Pass, Registry
from teikit.profile import load_profile
from teikit.tei import XML_ID, q, sub

BURNS = corpus_book("burns-poems-and-songs")


@pytest.fixture(scope="module")
def burns_source(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("burns") / "burns-poems-and-songs.txt"
    path.write_text(BURNS, encoding="utf-8")
    return str(path)


def _kinds(ctx) -> list[str]:
    return [finding.kind for finding in ctx.report.findings]


@pytest.mark.parametrize("book", ["bundled", "burns"])
def test_the_divisions_navigation_settled_need_no_settling_again(book, burns_source):
    """After the navigation pass (its lists made), settling the divisions again (what the
    writer did every time) changes neither the tree nor the report; and the pass's view says
    so, kept to the writer."""
    source = SAMPLE if book == "bundled" else burns_source
    tei, ctx = convert_tree(source, load_profile(source=SAMPLE) if book == "bundled" else load_profile())
    assert ctx.view(navigation.SETTLED, lambda tree: False) is True
    before, kinds = etree.tostring(tei), _kinds(ctx)
    settle_empty_divs(tei, ctx)
    assert etree.tostring(tei) == before
    assert _kinds(ctx) == kinds
    if book == "burns":  # a book whose divisions settling changes (headings merged)
        assert "heading-merged" in kinds


def _empties_a_division(tei, ctx):
    """A pass after navigation that leaves a division with a heading alone."""
    body = tei.find(f".//{q('body')}")
    div = body.find(q("div"))
    empty = copy.deepcopy(div)
    for child in list(empty):
        if child.tag != q("head"):
            empty.remove(child)
    sub(empty, "head", "A heading alone")
    empty.set(XML_ID, "heading-alone")  # a file of its own
    div.addprevious(empty)
    return tei


def _heads_alone(doc) -> list:
    return [
        div for div in doc.iter(q("div")) if all(child.tag == q("head") for child in div if isinstance(child.tag, str))
    ]


def test_a_pass_after_navigation_has_its_divisions_settled_by_the_writer(burns_source):
    """A pass that changes the tree after navigation forgets the view: the writer settles
    the divisions (no file holds a division with a heading alone), as it always did."""
    passes = Registry((*default_passes(), Pass("empties", _empties_a_division)))
    tei, ctx = convert_tree(burns_source, load_profile(), passes=passes)
    assert _heads_alone(tei)
    docs = writer.split(tei, ctx)
    assert not [div for doc in docs.values() for div in _heads_alone(doc)]
    assert "heading-merged" in _kinds(ctx)


def test_the_words_a_scan_of_latin_1_bytes_finds_are_those_in_latin_1_takes():
    """`_by_latin_1` against `in_latin_1((word,))` for each of the bundled book's words and
    a corpus book's (accented letters, dashes, superscript note numbers, a "?" among them),
    in their order."""
    words = sorted(set(SAMPLE.read_text(encoding="utf-8").split()) | set(BURNS.split()))
    taken, others = wordscan._by_latin_1(words)
    assert taken == tuple(word for word in words if in_latin_1((word,)))
    assert others == tuple(word for word in words if not in_latin_1((word,)))
    assert any("?" in word for word in others) and any(max(word) > "\xff" for word in others)
    assert any(not word.isascii() for word in taken)
