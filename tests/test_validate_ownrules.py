"""teikit.sch's files shown clean in Python (ownrules.py): the same findings as the compiled rules.

ownrules only ever says that the rules find nothing in a file; every other file is judged by
the compiled rules. So the one way it could change a verdict is to call a file clean in which
the rules find something. The reference is the compiled rules alone (own_rules=False), on
the bundled book and on mutants of its chapters with faults of every kind the rules look for
and with the values ownrules leaves to them (whitespace in pointers, odd numbers, nested
notes, pointers to the file itself or through odd paths), each mutant checked alone and all
of them in one check_many, and through validate() with and without ownrules.
"""

from __future__ import annotations

import random
import re
import shutil

import pytest
from lxml import etree

import teikit.validate as validation
from conftest import ROOT, copy_registers, edit_at_random
from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, ownrules, validate
from teikit.validate.documents import load
from teikit.validate.schematron import Schematron

BOOK = ROOT / "tei" / "iron-lazar"


def _mutate(text: str, name: str, rng: random.Random) -> str:
    """One to three changes, each a fault the rules find or a value ownrules leaves to them."""
    ids = re.findall(r'xml:id="([^"]+)"', text) or ["none"]
    persons = re.findall(r'xml:id="([^"]+)"', (BOOK / "persons.xml").read_text(encoding="utf-8"))
    places = re.findall(r'xml:id="([^"]+)"', (BOOK / "places.xml").read_text(encoding="utf-8"))
    orgs = re.findall(r'xml:id="([^"]+)"', (BOOK / "orgs.xml").read_text(encoding="utf-8"))

    def at_random(pattern: str, replace) -> str:
        return edit_at_random(text, pattern, replace, rng)

    org_refs = [
        "orgs.xml#no-such-org",
        "missing.xml#x",
        f"{name}#{rng.choice(ids)}",  # the file itself
        f"./orgs.xml#{rng.choice(orgs)}",
        f"../mutants/orgs.xml#{rng.choice(orgs)}",
        f"sub/orgs.xml#{rng.choice(orgs)}",
        "orgs.xml#",
        "#",
        f"file:orgs.xml#{rng.choice(orgs)}",
        f"ORGS.xml#{rng.choice(orgs)}",
        f"orgs.xml#{rng.choice(orgs)} #nowhere",
        f"#{rng.choice(ids)}",
        f"persons.xml#{rng.choice(persons)}",  # any xml:id of the file will do for a pointer
        f"orgs.xml#{rng.choice(orgs)}&#9;orgs.xml#{rng.choice(orgs)}",
        f" orgs.xml#{rng.choice(orgs)} ",
        f"orgs.xml#{rng.choice(orgs)}&#10;",
        f"orgs%2Exml#{rng.choice(orgs)}",
    ]
    person_refs = [
        "places.xml#nobody",
        f"persons.xml#{rng.choice(places)}",
        f"places.xml#{rng.choice(places)}",
        f"persons.xml#{rng.choice(persons)} persons.xml#x",
        f"persons.xml#{rng.choice(persons)} persons.xml#{rng.choice(persons)}",
        f"persons.xml#{rng.choice(persons)}&#9;persons.xml#{rng.choice(persons)}",
        f"  persons.xml#{rng.choice(persons)}",
        f"#{rng.choice(ids)}",
        "https://example.org/p#1",
        "persons.xml",
    ]
    kinds = [
        lambda: at_random(r'<orgName ref="[^"]*"', lambda m: f'<orgName ref="{rng.choice(org_refs)}"'),
        lambda: at_random(r'<orgName ref="([^"]*)"', lambda m: f'<orgName corresp="#{rng.choice(ids)}" ref="{m[1]}"'),
        lambda: at_random(r'<persName ref="[^"]*"', lambda m: f'<persName ref="{rng.choice(person_refs)}"'),
        lambda: at_random(r'<persName ref="([^"]*)"', lambda m: f'<persName corresp="#nowhere" ref="{m[1]}"'),
        lambda: at_random(r'<placeName ref="[^"]*"', lambda m: '<placeName ref="persons.xml#lazar"'),
        lambda: at_random(r'<placeName ref="[^"]*"', lambda m: f'<placeName ref="places.xml#{rng.choice(places)}"'),
        lambda: at_random(r"<p>", lambda m: f'<p><ptr target="#{rng.choice(ids)} orgs.xml#{rng.choice(orgs)}"/>'),
        lambda: at_random(r"<p>", lambda m: '<p><ref target="orgs.xml#nobody">x</ref>'),
        # dates
        lambda: at_random(r'from="(\d{4})" to="(\d{4})"', lambda m: f'from="{m[2]}-12" to="{m[1]}"'),
        lambda: at_random(
            r'from="(\d{4})" to="(\d{4})"',
            lambda m: rng.choice(
                [
                    'from="1905-13" to="1905-02"',
                    'from=" 1905" to="1904"',
                    'from="19x5" to="1900"',
                    'from="-0500" to="-0600"',
                    'from="1905.5" to="1905"',
                    'from="1905" to="1905-06"',
                    f'from="{m[1]}" to="{m[2]}" notBefore="1999" notAfter="1000"',
                    'from="-1" to="1" notBefore="1999" notAfter="1000"',
                ]
            ),
        ),
        lambda: at_random(r"<date ", lambda m: '<date notBefore="1905-06-02" notAfter="1905-06-01" '),
        # notes
        lambda: at_random(
            r'<note ([^>]*)n="(\d+)"',
            lambda m: (
                f'<note {m[1]}n="{rng.choice([int(m[2]) + 2, int(m[2]) - 1, m[2], "0" + m[2], "1.5", "*", " 7 ", "1e1", "-3"])}"'
            ),
        ),
        lambda: at_random(r'(<note [^>]*place="end"[^>]*>)', lambda m: m[1] + '<note place="end" n="99">x</note>'),
        lambda: at_random(r'(<note [^>]*)place="end"', lambda m: f'{m[1]}place="foot"'),
        lambda: at_random(
            r'(<note [^>]*place="end"[^>]*>.*?</note>)', lambda m: f'<div type="notes"><p>{m[1]}</p></div>'
        ),
        # paragraphs
        lambda: at_random(
            r"<p>",
            lambda m: rng.choice(
                ["<p/><p>", "<p> </p><p>", "<p><!-- c --></p><p>", "<p>&#160;</p><p>", "<p><?pi x?>&#10;</p><p>"]
            ),
        ),
    ]
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(kinds)()
    if rng.random() < 0.05:  # a DOCTYPE: an entity that is empty
        text = text.replace("<TEI ", '<!DOCTYPE TEI [<!ENTITY nothing "">]><TEI ', 1)
        text = text.replace("<p>", "<p>&nothing;</p><p>", 1)
    return text


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutants")
    copy_registers(folder)
    (folder / "sub").mkdir()
    shutil.copy(BOOK / "orgs.xml", folder / "sub" / "orgs.xml")
    rng = random.Random(19)
    chapters = sorted(BOOK.glob("ch*.xml")) + [BOOK / "introduction.xml", BOOK / "conclusion.xml"]
    paths = []
    while len(paths) < 300:
        name = f"mutant{len(paths):03}.xml"
        text = _mutate(rng.choice(chapters).read_text(encoding="utf-8"), name, rng)
        try:  # (a note moved into a div can cut across elements: such a mutant is not kept)
            etree.fromstring(text.encode("utf-8"))
        except etree.XMLSyntaxError:
            continue
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return folder, paths


def test_teikit_sch_and_its_copies_are_read_in_python_and_no_other_schema(tmp_path):
    copy = tmp_path / "copy.sch"
    shutil.copy(TEIKIT_SCH, copy)
    edited = tmp_path / "edited.sch"
    edited.write_text(open(TEIKIT_SCH, encoding="utf-8").read() + "<!-- -->\n", encoding="utf-8")
    assert Schematron(TEIKIT_SCH).own_rules and Schematron(str(copy)).own_rules
    assert not Schematron(str(edited)).own_rules
    assert not Schematron(TEIKIT_SCH, own_rules=False).own_rules


def test_the_book_is_shown_clean_where_the_rules_find_nothing():
    own = Schematron(TEIKIT_SCH, (str(BOOK),))
    compiled = Schematron(TEIKIT_SCH, (str(BOOK),), own_rules=False)
    documents = own._documents()
    files = sorted(BOOK.glob("*.xml"))
    clean = 0
    for f in files:
        tree = load(str(f), 10**9, ()).tree
        found = compiled.check(tree)
        shown = ownrules.is_clean(tree, documents)
        assert not (shown and found), f.name
        clean += shown
        assert own.check(tree) == found, f.name
    assert clean >= len(files) - 1  # every chapter and register (the corpus file includes them)


def test_mutants_get_the_compiled_rules_findings(mutants):
    folder, paths = mutants
    own = Schematron(TEIKIT_SCH, (str(folder),))
    compiled = Schematron(TEIKIT_SCH, (str(folder),), own_rules=False)
    documents = own._documents()
    docs = [load(str(p), 10**9, ()) for p in paths]
    shown_clean = findings = 0
    for path, doc in zip(paths, docs, strict=True):
        expected = compiled.check(doc.tree)
        shown = ownrules.is_clean(doc.tree, documents)
        assert not (shown and expected), (path.name, expected[:2])
        assert own.check(doc.tree) == expected, path.name
        shown_clean += shown
        findings += len(expected)
    together = own.check_many([d.tree for d in docs], [d.on_disk for d in docs])
    assert together == [compiled.check(d.tree) for d in docs]
    # Not vacuous: many mutants are clean and shown so, many more have findings.
    assert shown_clean >= 30 and findings >= 250, (shown_clean, findings)  # 295 on the edition of 2026-12-06


def test_validate_gives_the_same_results_with_and_without_ownrules(mutants, tmp_path, monkeypatch):
    """Through validate(), jing judging (a copy of teikit.rng that is not byte for byte the
    bundled one), as in runs of many files: the same results file by file."""
    folder, paths = mutants
    work = tmp_path / "work"
    shutil.copytree(folder, work)
    for ch in sorted(BOOK.glob("ch*.xml")):
        shutil.copy(ch, work / ch.name)
    rng = tmp_path / "grammar.rng"
    rng.write_text(open(TEIKIT_RNG, encoding="utf-8").read() + "<!-- a copy -->\n", encoding="utf-8")

    def seen(run):
        return [(r.path, r.schema, r.schematron, r.problems) for r in run.results]

    with_own = validate([str(work)], schema=str(rng), schematron=TEIKIT_SCH)
    monkeypatch.setattr(ownrules, "is_clean", lambda tree, documents: False)
    validation._schematrons.clear()
    without = validate([str(work)], schema=str(rng), schematron=TEIKIT_SCH)
    validation._schematrons.clear()
    assert seen(with_own) == seen(without)
    assert with_own.summary.valid >= 30 and with_own.summary.invalid >= 100
