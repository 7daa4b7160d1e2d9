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


EXACT_FLOOR = 11  # of 12: burns (one year: the Monody's epitaph) still differs
NOTES_FLOOR = 0.98  # 995 of 1,009 on 2026-12-04
SAMPLES_FLOOR = 0.95  # 40 of 42 on 2026-12-04


def test_no_person_is_a_common_word(editions):
    """A person's name marked alone is never a word the book mostly writes in lower case
    ("That", "Nothing", "Similarly" read as names after a capital that was no initial):
    in books with an index and without."""
    import re
    from collections import Counter

    from conftest import NS
    from teikit.convert import reader
    from teikit.report import Report

    for stem, (folder, _) in editions.items():
        source = reader.text_of(BOOKS / f"{stem}.txt", Report())
        lower = Counter(re.findall(r"(?<![\w'’-])[a-z]+(?![\w-])", source))
        common = []
        for path in sorted(folder.glob("*.xml")):
            for name in etree.parse(str(path)).iterfind(".//t:text//t:persName", NS):
                words = "".join(name.itertext()).split()
                if len(words) == 1 and words[0].isalpha():
                    capitalised = len(re.findall(rf"\b{words[0]}\b", source))
                    if lower[words[0].lower()] > 3 * capitalised:
                        common.append(words[0])
        assert not common, (stem, Counter(common).most_common(10))


def test_a_title_before_a_surname_is_no_initial(editions):
    """ "Dr. Starbuck" is the Starbuck of the index (Edwin D.), not a new person whose initial
    is "Dr."; "Mr. John" makes no person named John."""
    from conftest import NS

    folder, _ = editions["james-varieties-of-religious-experience"]
    refs: dict[str, set] = {}
    for path in sorted(folder.glob("*.xml")):
        for name in etree.parse(str(path)).iterfind(".//t:text//t:persName", NS):
            refs.setdefault(" ".join("".join(name.itertext()).split()), set()).add(name.get("ref"))
    assert refs["Dr. Starbuck"] == refs["Starbuck"] and len(refs["Starbuck"]) == 1
    register = etree.parse(str(folder / "persons.xml"))
    forenames = {f.text for f in register.iterfind(".//t:forename", NS)}
    assert not forenames & {"Mr.", "Dr.", "Me.", "St."}


def test_the_title_page_sets_the_title_the_wrapper_names(editions):
    """Where the distributor's wrapper names the book, the titlePage is the page that sets that
    title — not a transcriber's note or a publisher's catalogue that opens the text."""
    from conftest import NS

    def fold(s: str) -> str:
        s = "".join(ch for ch in s.lower() if ch.isalnum())
        return s[3:] if s.startswith("the") else s

    checked = 0
    for stem, (folder, _) in editions.items():
        front = folder / "front.xml"
        corpus = etree.parse(str(folder / f"{stem}.xml")).getroot()
        if not front.exists() or corpus.find(".//t:sourceDesc/t:bibl[@type='ebook']", NS) is None:
            continue
        title = corpus.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=NS)
        main = etree.parse(str(front)).getroot().find(".//t:titlePage//t:titlePart[@type='main']", NS)
        assert main is not None, stem
        printed = fold("".join(main.itertext()))
        want = fold(title.split(":")[0])
        assert printed.startswith(want[: len(want) * 2 // 3]), (stem, title, "".join(main.itertext()))
        checked += 1
    assert checked >= 8
