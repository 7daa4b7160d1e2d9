"""Every book of the development corpus converts into valid TEI with the structure and notes a
reader established (tests/data/corpus-expectations.toml); tests/test_accounting.py checks that
none loses words.

The floors asserted here are what the converter reaches today, so that a change that makes
any book worse fails; the issue's targets and what still misses them are in the README's
"Converting other books". One conversion per book, shared by the tests (module fixture).
"""

from __future__ import annotations

import pytest
from lxml import etree

from conftest import NS, ROOT, SHARED, TEI_ALL, text
from teikit.convert import convert
from teikit.convert.evaluate import load_expectations, measure

BOOKS = SHARED / "corpus" / "books"
EXPECTATIONS = load_expectations(ROOT / "tests" / "data" / "corpus-expectations.toml")

pytestmark = pytest.mark.skipif(not BOOKS.is_dir(), reason=f"the development corpus is not at {BOOKS}")


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """Every corpus book converted once: {stem: (folder, report)}."""
    out = {}
    for book in sorted(BOOKS.glob("*.txt")):
        folder = tmp_path_factory.mktemp("corpus") / book.stem
        out[book.stem] = (folder, convert(book, folder, allow_loss=True))  # losses: test_accounting
    return out


def test_every_book_has_expectations(editions):
    assert sorted(editions) == sorted(k for k in EXPECTATIONS if (BOOKS / f"{k}.txt").exists())


def test_every_edition_is_valid(editions):
    from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate

    for stem, (folder, _) in editions.items():
        run = validate([folder], schema=TEIKIT_RNG, schematron=TEIKIT_SCH)
        assert run.summary.invalid == 0, (stem, [p for r in run.results for p in r.problems][:3])
        if TEI_ALL.exists():
            run = validate([folder], schema=str(TEI_ALL))
            assert run.summary.invalid == 0, (stem, [p for r in run.results for p in r.problems][:3])


def test_structure_and_notes_as_read(editions):
    measured = {stem: measure(folder, EXPECTATIONS[stem]) for stem, (folder, _) in editions.items()}
    exact = [stem for stem, m in measured.items() if m.divisions_exact]
    notes = sum(min(m.notes_found, m.notes_expected) for m in measured.values())
    expected = sum(m.notes_expected for m in measured.values())
    right = sum(m.samples_right for m in measured.values())
    samples = sum(m.samples for m in measured.values())
    assert len(exact) >= EXACT_FLOOR, {s: m.mismatches[:2] for s, m in measured.items() if s not in exact}
    assert notes >= NOTES_FLOOR * expected
    assert right >= SAMPLES_FLOOR * samples


def test_burns_poems_checked_against_its_contents_list(editions):
    folder, _ = editions["burns-poems-and-songs"]
    years = [etree.parse(str(p)) for p in sorted(folder.glob("ch*.xml"))]

    def heads(path: str) -> list[str]:
        return [" ".join(text(h).split()) for y in years for h in y.xpath(path, namespaces=NS)]

    poems = heads("//t:body/t:div/t:div/t:head")
    # indented like verse, but named by the contents list
    assert {
        "Ah, Woe Is Me, My Mother Dear",
        "Inscribed Under Fergusson's Portrait",
        "You're Welcome, Willie Stewart",
    } <= set(poems)
    # parts of the poem above, and an epigraph's source: not poems
    assert not {"Postcript", "Postscript", "Per Contra", "Her Answer", "Thomson's Edward and Eleanora."} & set(poems)
    parts = heads("//t:body/t:div/t:div/t:div/t:head")
    assert {"Postcript", "Postscript", "The Epitaph", "Per Contra", "Her Answer"} <= set(parts)
    assert measure(folder, EXPECTATIONS["burns-poems-and-songs"]).body_matched >= 17  # of 18 years


EXACT_FLOOR = 10  # of 12: burns (one year: the Monody's epitaph) and parker (OCR chapters) still differ
NOTES_FLOOR = 0.98  # 994 of 1,009 on 2026-12-04
SAMPLES_FLOOR = 0.95  # 40 of 42 on 2026-12-04
