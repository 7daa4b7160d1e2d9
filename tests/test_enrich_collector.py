"""The enrichment passes run with the cyclic garbage collector looking at new objects less
often (`teikit.enrich.young_collected_rarely`): the collector's settings are the caller's
again after each pass, even one that fails, and the edition is the one the passes make
with the collector as Python sets it."""

from __future__ import annotations

import dataclasses
import gc

import pytest
from lxml import etree

from conftest import BOOKS, SAMPLE
from teikit import enrich
from teikit.convert import FINISHING, PASSES, convert_tree
from teikit.pipeline import Registry

GARDEN = BOOKS / "garden.txt"


@pytest.fixture
def threshold():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_the_threshold_is_raised_inside_and_restored_after(threshold):
    gc.set_threshold(700, 10, 10)
    with enrich.young_collected_rarely():
        assert gc.get_threshold() == (enrich.YOUNG_COLLECTED_AFTER, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_the_threshold_is_restored_when_the_pass_fails(threshold):
    gc.set_threshold(700, 10, 10)

    def failing(tei, ctx):
        assert gc.get_threshold()[0] == enrich.YOUNG_COLLECTED_AFTER
        raise ValueError("a pass that fails")

    with pytest.raises(ValueError):
        enrich.collecting_rarely(failing)(None, None)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_collector_disabled_by_its_threshold_stays_so(threshold):
    gc.set_threshold(0, 10, 10)
    with enrich.young_collected_rarely():
        assert gc.get_threshold() == (0, 10, 10)
    assert gc.get_threshold() == (0, 10, 10)


def test_every_enrichment_pass_runs_so_and_the_edition_is_the_same(threshold):
    """Each pass of `enrich.PASSES` is wrapped; its plain form (the function wrapped), run
    with the collector collecting as often as it can, marks the book byte for byte the same."""
    seen = []

    def watching(p):
        def apply(tei, ctx):
            seen.append(gc.get_threshold()[0])
            return p.apply.__wrapped__(tei, ctx)

        return dataclasses.replace(p, apply=enrich.collecting_rarely(apply))

    gc.set_threshold(700, 10, 10)
    rare, _ = convert_tree(GARDEN, passes=Registry((*PASSES, *map(watching, enrich.PASSES), *FINISHING)))
    assert seen == [enrich.YOUNG_COLLECTED_AFTER] * len(enrich.PASSES)
    plain = tuple(dataclasses.replace(p, apply=p.apply.__wrapped__) for p in enrich.PASSES)
    gc.set_threshold(20, 2, 2)
    often, _ = convert_tree(GARDEN, passes=Registry((*PASSES, *plain, *FINISHING)))
    gc.set_threshold(700, 10, 10)
    assert etree.tostring(rare) == etree.tostring(often)
    assert b"persName" in etree.tostring(rare)


def test_the_dates_pass_leaves_no_cycle_for_the_collector(threshold):
    """The dates pass's readers call themselves (closures holding themselves): unless the
    pass lets go of them, they and all they reach (the date elements' models, a document
    each) are a cycle only the collector frees — on the bundled book some 5,900 objects."""
    found = []

    def counting(p):
        def apply(tei, ctx):
            gc.collect()
            gc.disable()
            try:
                tei = p.apply(tei, ctx)
                found.append(gc.collect())  # what the pass left unreachable, in cycles
            finally:
                gc.enable()
            return tei

        return dataclasses.replace(p, apply=apply) if p.name == "dates" else p

    tei, _ = convert_tree(SAMPLE, passes=Registry((*PASSES, *map(counting, enrich.PASSES), *FINISHING)))
    assert len(tei.xpath("//*[local-name()='date']")) > 1000  # the pass marked the book's dates
    assert found == [0]
