"""Shortcuts of issue 14's round 5 in the shared modules, each against the plain form it
stands for, on real books.

The writer settles the divisions again only where a pass may have changed the tree since the
navigation pass settled them (`navigation.SETTLED`, a view that pass keeps): on the bundled
book and on Burns's (whose headings with nothing under them are merged into the next
division), settling the divisions of the finished tree again changes nothing, and a pass that
changes the tree after navigation has its empty division settled by the writer.
"""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from conftest import SAMPLE, corpus_book
from teikit.convert import convert_tree, default_passes, navigation, writer
from teikit.convert.structure import settle_empty_divs
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

