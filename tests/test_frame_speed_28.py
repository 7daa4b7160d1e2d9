"""The shortcut of issue 14's seventh round of speed work on the pipeline's frame gives what
its plain form gives, on real books: the book's skeleton (`Context.skeleton`: its texts,
front and back matters, divisions and figures) read by the registers pass before the marks
and kept by every enrichment pass is the skeleton of the marked book navigation works on,
navigation given it makes the tree and findings it makes from a walk of its own, and the
registers pass's readings from it (the back matter's indexes, the running words) are those
of its own walks; the index items with a term found by lxml's walk are those XPath finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EDITION, SAMPLE, SHARED
from teikit.context import SKELETON, Skeleton, _skeleton
from teikit.convert import PASSES, convert_tree, default_passes, navigation
from teikit.enrich import registers
from teikit.pipeline import Registry
from teikit.profile import load_profile
from teikit.tei import q, text_of, xpath
from test_shared_speed_24 import _navigation_plainly, _outcome

GARDINER = SHARED / "corpus" / "books" / "gardiner-french-revolution.txt"


def _enriched(source: Path, registers_from: Path | None = None):
    """The book converted with every pass but navigation (enrichment in)."""
    if not source.is_file():
        pytest.skip(f"{source} absent")
    return convert_tree(
        source,
        profile=load_profile(source=source),
        registers_from=registers_from,
        passes=default_passes().disable("navigation"),
    )


def _same(kept: Skeleton, walked: Skeleton) -> None:
    for field in ("texts", "fronts", "backs", "divisions", "figures"):
        a, b = getattr(kept, field), getattr(walked, field)
        assert len(a) == len(b) and all(x is y for x, y in zip(a, b)), field


@pytest.mark.parametrize(("source", "folder"), [(SAMPLE, EDITION), (GARDINER, None)], ids=["iron-lazar", "gardiner"])
def test_the_skeleton_read_before_the_marks_is_that_of_the_marked_book(source, folder):
    tei, ctx = _enriched(source, folder)
    kept = ctx._views.get(SKELETON)
    assert kept is not None, "the enrichment passes kept the registers pass's skeleton"
    walked = _skeleton(tei)
    _same(kept, walked)
    assert walked.divisions and walked.texts  # a real book's, not empty lists alike
    if source == SAMPLE:
        assert len(walked.figures) == 10 and len(walked.backs) == 1


def test_navigation_given_the_kept_skeleton_is_navigation_walking_the_book_for_each_element():
    """Against the pass's plain form (test_shared_speed_24's: each element sought by a walk
    of its own, the figures' targets among every id), on the marked bundled book."""
    tei, ctx = _enriched(SAMPLE, EDITION)
    plain_tei, plain_ctx = _enriched(SAMPLE, EDITION)
    assert SKELETON in ctx._views
    assert _outcome(navigation.apply(tei, ctx), ctx) == _outcome(_navigation_plainly(plain_tei, plain_ctx), plain_ctx)


def test_the_registers_pass_reads_the_indexes_and_running_words_from_the_skeleton_as_from_its_walks():
    tei, _ = _enriched(SAMPLE, EDITION)
    skeleton = _skeleton(tei)
    names, subjects = registers.index_divs(tei, skeleton.backs)
    plain_names, plain_subjects = registers.index_divs(tei)
    assert subjects and [id(d) for d in names] == [id(d) for d in plain_names]
    assert [id(d) for d in subjects] == [id(d) for d in plain_subjects]
    given = registers._RunningWords(tei, few=True, texts=skeleton.texts)
    walked = registers._RunningWords(tei, few=True)
    assert given.texts() == walked.texts() and len(given.texts()) == 2  # the front's and the body's
    for word in ("NKVD", "USSR", "Kaganovich", "Stalin", "Moscow", "Index"):
        assert given[word] == walked[word]
    assert walked["Kaganovich"] > 0


def _termed_items_by_xpath(div) -> list[tuple[object, str]]:
    """The plain form: the items XPath finds, each one's first term's text."""
    return [(item, text_of(item.find(q("term")))) for item in xpath(div, ".//t:item[t:term]")]


def test_the_index_items_with_a_term_are_those_xpath_finds():
    """`registers._termed_items` (the name index's and the subject indexes' items) against
    XPath's `.//t:item[t:term]` on the indexes of the bundled book and Gardiner's, each index
    and each of its lists (an item nested in an item, a list of items without a term) asked."""
    for source in (SAMPLE, GARDINER):
        if not source.is_file():
            continue
        tei, _ = convert_tree(source, profile=load_profile(source=source), passes=Registry(PASSES))
        divs = sum(registers.index_divs(tei), [])
        assert sum(len(_termed_items_by_xpath(div)) for div in divs) > 400
        for el in [*divs, *(lst for div in divs for lst in div.iter(q("list")))]:
            assert registers._termed_items(el) == _termed_items_by_xpath(el)
