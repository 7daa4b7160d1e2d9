"""From the first enrichment pass to the conversion's end the cyclic garbage collector
looks at new objects less often (`teikit.collector`, `Pass.collects_rarely`): the
collector's settings are the caller's again after the run, even one whose pass fails; the
passes before the first that asks run as the caller set it; the edition is the one the
passes make with the collector as Python sets it; and the dates pass leaves no cycle."""

from __future__ import annotations

import dataclasses
import gc

import pytest
from lxml import etree

from conftest import BOOKS, SAMPLE
from teikit import enrich
from teikit.collector import YOUNG_COLLECTED_AFTER, young_collected_rarely
from teikit.context import Context
from teikit.convert import FINISHING, PASSES, convert_tree
from teikit.pipeline import Pass, Registry, run
from teikit.profile import load_profile
from teikit.report import Report

GARDEN = BOOKS / "garden.txt"


@pytest.fixture
def threshold():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_the_threshold_is_raised_inside_and_restored_after(threshold):
    gc.set_threshold(700, 10, 10)
    with young_collected_rarely():
        assert gc.get_threshold() == (YOUNG_COLLECTED_AFTER, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_collector_disabled_by_its_threshold_stays_so(threshold):
    gc.set_threshold(0, 10, 10)
    with young_collected_rarely():
        assert gc.get_threshold() == (0, 10, 10)
    assert gc.get_threshold() == (0, 10, 10)


def _context(tmp_path) -> Context:
    return Context(source=tmp_path / "absent.txt", profile=load_profile(), report=Report())


def _noting(name: str, seen: list, rarely: bool = False, fails: bool = False) -> Pass:
    def apply(tei, ctx):
        seen.append((name, gc.get_threshold()[0]))
        if fails:
            raise ValueError("a pass that fails")
        return tei

    return Pass(name, apply, collects_rarely=rarely)


def test_from_the_first_pass_that_asks_to_the_end_of_the_run(threshold, tmp_path):
    gc.set_threshold(700, 10, 10)
    seen: list = []
    passes = [_noting("a", seen), _noting("b", seen, rarely=True), _noting("c", seen), _noting("d", seen, rarely=True)]
    run(Registry(passes), etree.Element("TEI"), _context(tmp_path))
    assert seen == [
        ("a", 700),
        ("b", YOUNG_COLLECTED_AFTER),
        ("c", YOUNG_COLLECTED_AFTER),
        ("d", YOUNG_COLLECTED_AFTER),
    ]
    assert gc.get_threshold() == (700, 10, 10)


def test_the_threshold_is_restored_when_a_pass_fails(threshold, tmp_path):
    gc.set_threshold(700, 10, 10)
    seen: list = []
    passes = [_noting("a", seen, rarely=True), _noting("b", seen, fails=True)]
    with pytest.raises(ValueError):
        run(Registry(passes), etree.Element("TEI"), _context(tmp_path))
    assert seen == [("a", YOUNG_COLLECTED_AFTER), ("b", YOUNG_COLLECTED_AFTER)]
    assert gc.get_threshold() == (700, 10, 10)


def test_every_enrichment_pass_asks_and_the_edition_is_the_same(threshold):
    """Each pass of `enrich.PASSES` asks; the conversion's own passes do not (they run as the
    caller set the collector); the book converted with the collector collecting as often as
    it can (no pass asking) is byte for byte the same."""
    assert all(p.collects_rarely for p in enrich.PASSES)
    assert not any(p.collects_rarely for p in (*PASSES, *FINISHING))
    gc.set_threshold(700, 10, 10)
    rare, _ = convert_tree(GARDEN, passes=Registry((*PASSES, *enrich.PASSES, *FINISHING)))
    plain = tuple(dataclasses.replace(p, collects_rarely=False) for p in enrich.PASSES)
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
