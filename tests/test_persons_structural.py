"""The persons pass's structural shortcuts mark a book as their plain forms mark it.

Each shortcut of the marking's machinery (the text nodes holding no name not handed to the
pass's `find`, which is told instead where each node it is handed stands in the book) is
swapped for the plain form it stands for, and the bundled book and a book of the corpus are
converted both ways: the trees and the person registers must be the same, byte for byte.
"""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import SAMPLE
from corpus_marks import CORPUS
from teikit.convert import convert_tree
from teikit.enrich import matching, persons
from teikit.profile import load_profile

JAMES = CORPUS / "james-varieties-of-religious-experience.txt"


def _plain_mark_at(ctx, find_at, region_start, matcher):
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
