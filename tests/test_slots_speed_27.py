"""The dates pass and the name passes read the text nodes of one walk (issue 14, round 6).

The dates pass makes the name passes' list of text nodes (`matching.TEXT_SLOTS`) with its
bounds of each division and note (`marked_text_by_units`) and reads each division's and
note's own text nodes as runs of its region's (`dates._own_runs`), where it listed them by
`text_slots(unit, SKIP + div, note)`; it wraps its dates through that list and keeps it for
the passes after it. On real books (the bundled one, James's, Burns's, Gardiner's, converted
up to the enrichment): each unit's runs are the text nodes `text_slots` gives it, the list
the pass leaves is the one a fresh walk of the marked tree gives, and the tree the pass
leaves is the one it left listing each unit's text nodes anew. The walk with bounds gives
the text nodes and unmarked text of the walk without.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLE, SHARED
from teikit.context import Context
from teikit.convert import PASSES, convert_tree
from teikit.enrich import dates
from teikit.enrich.matching import (
    REGIONS,
    SKIP,
    TEXT_SLOTS,
    UNMARKED_TEXT,
    _slots_and_unmarked,
    marked_text,
    marked_text_by_units,
    regions,
)
from teikit.pipeline import Registry
from teikit.profile import load_profile
from teikit.report import Report
from teikit.textnodes import text_slots

BOOKS = {
    "bundled": SAMPLE,
    **{
        name: SHARED / "corpus" / "books" / f"{name}.txt"
        for name in ("james-varieties-of-religious-experience", "burns-poems-and-songs", "gardiner-french-revolution")
    },
}


@pytest.fixture(scope="module", params=list(BOOKS))
def unenriched(request) -> tuple[etree._Element, object]:
    """A book converted up to the enrichment (no mark made yet), and its profile."""
    source: Path = BOOKS[request.param]
    if not source.is_file():
        pytest.skip(f"corpus book not available at {source} (../shared absent)")
    profile = load_profile(source=source)
    tei, _ = convert_tree(source, profile, passes=Registry(PASSES))
    return tei, profile


def _context(tei, profile) -> Context:
    ctx = Context(source=SAMPLE, profile=profile, report=Report(), tree=tei)
    ctx.tree_changed(tei)
    return ctx


def _read_in(region, owned, months) -> list[tuple]:
    """Each unit `dates._units` lists with `owned`, and its context told by the order in which
    the contexts first appear (a new context is a new object each time)."""
    out: list = []
    dates._units(region, dates.YearContext(months), owned, out, set(), months)
    told: dict = {}
    return [(unit, told.setdefault(id(context), len(told))) for unit, context in out]


def _slot_ids(slots) -> list[tuple]:
    return [(id(parent), id(child), text) for parent, child, text in slots]


def test_each_units_runs_are_the_text_nodes_text_slots_gives_it(unenriched):
    """For every division and note the pass reads (`dates._units`), the runs of its region's
    list `_own_runs` gives it are, node for node, `text_slots(unit, _INNER)`; and the units
    it reads through what `_own_runs` says each holds (not `_owned`, a walk of the tree) give
    the same text nodes in the same order, each in the same context."""
    tei, profile = unenriched
    tree = copy.deepcopy(tei)
    ctx = _context(tree, profile)
    slots, inside = marked_text_by_units(ctx)
    units = 0
    nested = 0
    for region, region_slots, region_inside in zip(ctx.view(REGIONS, regions), slots, inside, strict=True):
        own, owned = dates._own_runs(region_inside, len(region_slots), region)
        plain = []
        for unit, context in _read_in(region, dates._owned(region), profile.months):
            found = text_slots(unit, dates._INNER)
            runs = [slot for start, end in own[unit] for slot in region_slots[start:end]]
            assert _slot_ids(runs) == _slot_ids(found)
            plain += [(id(unit), context, slot) for slot in _slot_ids(found)]
            units += 1
        read = [
            (id(unit), context, slot)
            for unit, context in _read_in(region, owned, profile.months)
            for start, end in own[unit]
            for slot in _slot_ids(region_slots[start:end])
        ]
        assert read == plain
        nested += len(region_inside)
    assert units > len(slots)  # divisions or notes inside regions were read apart
    assert nested > 0


def test_the_walk_with_bounds_gives_the_walk_without(unenriched):
    """`marked_text_by_units` gives the text nodes and unmarked text `marked_text` gives."""
    tei, profile = unenriched
    with_bounds = _context(tei, profile)
    slots, _ = marked_text_by_units(with_bounds)
    plain = _context(tei, profile)
    plain_slots = _slots_and_unmarked(plain)
    assert [_slot_ids(s) for s in slots] == [_slot_ids(s) for s in plain_slots]
    assert with_bounds.view(UNMARKED_TEXT, lambda tree: None) == plain.view(UNMARKED_TEXT, lambda tree: None)
    assert [_slot_ids(s) for s in marked_text(with_bounds)] == [_slot_ids(s) for s in slots]


def test_the_pass_keeps_the_list_true_and_marks_what_it_marked(unenriched, monkeypatch):
    """After the pass, the list it kept is that of a fresh walk of the marked tree (the
    name passes read it), and the tree is the one the pass leaves when it lists each
    unit's text nodes by a walk of their own and forgets the list (`READ_AT_ONCE` off:
    each text wrapped as `wrap` finds it, the other way of the pass)."""
    tei, profile = unenriched
    tree = copy.deepcopy(tei)
    ctx = _context(tree, profile)
    dates.apply(tree, ctx)
    assert ctx.report.counts["date"] > 0
    kept = ctx.view(TEXT_SLOTS, lambda tree: None)
    fresh = [text_slots(region, SKIP) for region in regions(tree)]
    assert [_slot_ids(s) for s in kept] == [_slot_ids(s) for s in fresh]

    other = copy.deepcopy(tei)
    other_ctx = _context(other, profile)
    other_ctx.view(TEXT_SLOTS, lambda tree: [])  # a list the pass must not keep
    monkeypatch.setattr(dates, "READ_AT_ONCE", False)
    dates.apply(other, other_ctx)
    assert TEXT_SLOTS not in other_ctx._views
    assert etree.tostring(other) == etree.tostring(tree)
