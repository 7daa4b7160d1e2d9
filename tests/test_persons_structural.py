"""The persons pass's structural shortcuts mark a book as their plain forms mark it.

Each shortcut of the marking's machinery (the text nodes holding no name not handed to the
pass's `find`, which is told instead where each node it is handed stands in the book; the
rules refusing a surname asked only in the nodes holding their words, found in one scan) is
swapped for the plain form it stands for, and the bundled book and a book of the corpus are
converted both ways: the trees and the person registers must be the same, byte for byte.
"""

from __future__ import annotations

import sys

import pytest
from lxml import etree

from conftest import SAMPLE
from corpus_marks import CORPUS
from teikit.convert import convert_tree
from teikit.enrich import matching, persons
from teikit.profile import load_profile

JAMES = CORPUS / "james-varieties-of-religious-experience.txt"


def _plain_mark_at(ctx, find_at, region_start, matcher, joined=None):
    """`matching.mark_at` as its plain form: every text node handed to `find`, in reading
    order, each told the summed length of those handed before it."""
    seen = [0]

    def find(text):
        spans = find_at(text, seen[0])
        seen[0] += len(text)
        return spans

    matching.mark(ctx, find, region_start, matcher)


def _converted(source) -> tuple[bytes, bytes, dict]:
    tei, ctx = convert_tree(source, profile=load_profile(source=source))
    register = ctx.registers["person"].root
    return etree.tostring(tei), etree.tostring(register), dict(ctx.report.counts)


@pytest.mark.parametrize("source", [SAMPLE, JAMES], ids=["iron-lazar", "james"])
def test_only_the_text_nodes_holding_a_name_are_handed_to_the_pass(source, monkeypatch):
    """`mark_at` (the nodes holding no match of the matcher passed over, each node's place
    in the book given) against `mark` handing every node over, its place summed as it goes."""
    if not source.is_file():
        pytest.skip(f"the development corpus is not beside the project ({source} absent)")
    fast = _converted(source)
    monkeypatch.setattr(persons, "mark_at", _plain_mark_at)
    plain = _converted(source)
    assert fast[2]["persName"] > 1000  # many mentions marked, many of them linked
    assert fast == plain


class _Everywhere:
    """A set holding everything: every node cued, every key a site's."""

    def __contains__(self, item) -> bool:
        return True


class _EveryNode:
    def __init__(self, texts, unit_words, heads, joined=None):
        self.institution = self.firm = self.unit = self.head = _Everywhere()


def test_the_rules_refusing_a_surname_are_asked_only_where_their_words_stand(monkeypatch):
    """`_Cues` and `_site_keys` (a rule asked in a node only if one scan of the book found
    its words there, a site's rule only of a site's key) against every rule asked at every
    surname, on the bundled book and on James's; each rule refuses a mention in one of them
    at least, so that the test sees the cues found, not only their absence."""
    refused: dict[str, int] = {}

    def counting(module, name):
        rule = getattr(module, name)

        def asked(*args):
            said = rule(*args)
            if sys._getframe(1).f_code.co_name == "find":  # the persons pass's, not another's
                refused[name] = refused.get(name, 0) + bool(said)
            return said

        monkeypatch.setattr(module, name, asked)

    books = [b for b in (SAMPLE, JAMES) if b.is_file()]
    fast = [_converted(b) for b in books]
    monkeypatch.setattr(persons, "_Cues", _EveryNode)
    monkeypatch.setattr(persons, "_site_keys", lambda keys: _Everywhere())
    counting(persons, "_institution_before")
    counting(persons.textnames, "in_firm")
    counting(persons.places, "names_unit")
    counting(persons.places, "names_site")
    counting(persons, "_ends_head")
    plain = [_converted(b) for b in books]
    assert fast == plain
    if len(books) == 2:
        rules = ("_institution_before", "in_firm", "names_unit", "names_site", "_ends_head")
        assert all(refused.get(name) for name in rules), refused
