"""A corpus file checked only outside the files it includes, when the same run judged them
clean (validate/inclusion.py): the same results as the corpus checked whole.

The reference is the same run with the shortcut turned off (inclusion.covered giving None:
every corpus file checked whole). Both are compared file by file, problem by problem, on the
bundled book and on copies of it with faults: in a chapter (grammar, rules: the corpus must
report them at the chapter's file and line), in the corpus file's own header, and faults that
arise only when the chapters are put together (an xml:id repeated across chapters; endnotes
outside any text that the rules number across documents) or that vanish then (a pointer to
another chapter's xml:id). The argument for teikit.rng rests on two facts about the grammar,
checked here too: one element pattern only can match TEI, and the stand-in matches it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

import teikit.validate as tv
from conftest import ROOT
from teikit.validate import TEIKIT_RNG, inclusion, owngrammar
from teikit.validate.documents import XML_ID
from teikit.validate.schematron import Schematron

BOOK = ROOT / "tei" / "iron-lazar"
TEI = "{http://www.tei-c.org/ns/1.0}"
RNG = "{http://relaxng.org/ns/structure/1.0}"


def test_one_element_pattern_of_the_grammar_can_match_tei_and_the_stand_in_matches_it():
    grammar = etree.parse(TEIKIT_RNG).getroot()
    assert grammar.get("ns") == TEI[1:-1]
    assert list(grammar.iter(RNG + "anyName", RNG + "nsName")) == []
    named = [e for e in grammar.iter(RNG + "element") if e.get("name") == "TEI"]
    assert len(named) == 1 and named[0].getparent().get("name") == "TEI"
    assert [e for e in grammar.iter(RNG + "element") if e.get("name") is None] == []  # names as elements
    start = grammar.find(RNG + "start")
    assert "TEI" in {r.get("name") for r in start.iter(RNG + "ref")}
    stand_in = etree.ElementTree(etree.fromstring(owngrammar.STAND_IN))
    assert owngrammar.valid(stand_in)


@pytest.fixture
def book(tmp_path):
    """A copy of the bundled book declaring the bundled schemas by absolute path."""
    folder = tmp_path / "book"
    shutil.copytree(BOOK, folder)
    for path in folder.glob("*.xml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('href="../../schema/', f'href="{ROOT / "schema"}/'), encoding="utf-8")
    return folder


def _edit(path: Path, change) -> None:
    tree = etree.parse(str(path))
    change(tree.getroot())
    path.write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))


def _runs(folder: Path, monkeypatch):
    """The results with the shortcut and without it, and how often it was taken."""
    taken = {"rules": 0, "grammar": 0}
    outside, valid_outside = Schematron.check_outside, owngrammar.valid_outside

    def rules(self, tree):
        taken["rules"] += 1
        return outside(self, tree)

    def grammar(tree, included):
        taken["grammar"] += 1
        return valid_outside(tree, included)

    monkeypatch.setattr(Schematron, "check_outside", rules)
    monkeypatch.setattr(owngrammar, "valid_outside", grammar)

    def results():
        return [(r.path, r.valid, r.problems) for r in tv.validate([folder]).results]

    short = results()
    with monkeypatch.context() as m:
        m.setattr(inclusion, "covered", lambda doc, judged: None)
        whole = results()
    return short, whole, taken


def _corpus(results):
    (found,) = [r for r in results if r[0].endswith("iron-lazar.xml")]
    return found


def test_the_book_gives_the_same_results_and_its_corpus_is_not_checked_twice(book, monkeypatch):
    short, whole, taken = _runs(book, monkeypatch)
    assert short == whole
    assert taken == {"rules": 1, "grammar": 1}
    assert all(valid for _, valid, _ in short)


def test_a_fault_in_a_chapter_is_reported_by_the_corpus_at_the_chapters_line(book, monkeypatch):
    def faults(root):
        root.find(f".//{TEI}p").tag = TEI + "para"  # grammar (jing's message)
        root.find(f".//{TEI}orgName").set("ref", "orgs.xml#nobody")  # rules

    _edit(book / "ch03.xml", faults)
    short, whole, taken = _runs(book, monkeypatch)
    assert short == whole
    assert taken == {"rules": 0, "grammar": 0}  # ch03 was not clean: the corpus checked whole
    _, valid, problems = _corpus(short)
    chapter = str(book / "ch03.xml")
    (_, _, own) = next(r for r in short if r[0] == chapter)
    assert not valid
    at_chapter = {(p.source, p.line, p.message.split(" [")[0]) for p in problems if p.path == chapter}
    rule = next(p for p in own if p.source == "schematron")
    assert ("schematron", rule.line, rule.message.split(" [")[0]) in at_chapter
    first_grammar = min((p.line, p.message) for p in own if p.source == "relaxng")
    assert ("relaxng", *first_grammar) in at_chapter


def test_a_fault_of_the_corpus_files_own_is_found(book, monkeypatch):
    def empty(root):
        root.find(f".//{TEI}publicationStmt/{TEI}availability/{TEI}p").text = " "

    _edit(book / "iron-lazar.xml", empty)
    short, whole, taken = _runs(book, monkeypatch)
    assert short == whole
    assert taken == {"rules": 1, "grammar": 1}
    _, valid, problems = _corpus(short)
    assert not valid
    assert [(p.path, p.message.split(" [")[0]) for p in problems] == [
        (None, "empty paragraph: p has neither text nor elements.")
    ]


def test_an_xml_id_repeated_across_chapters_is_found_in_the_corpus(book, monkeypatch):
    taken_id = etree.parse(str(book / "ch01.xml")).getroot().xpath("//@xml:id")[3]

    def repeat(root):
        root.find(f".//{TEI}p").set(XML_ID, str(taken_id))

    _edit(book / "ch02.xml", repeat)
    short, whole, taken = _runs(book, monkeypatch)
    assert short == whole
    assert taken["grammar"] == 1  # both chapters clean: the shortcut was taken, and refused the corpus
    assert all(valid for path, valid, _ in short if not path.endswith("iron-lazar.xml"))
    _, valid, problems = _corpus(short)
    assert not valid
    assert any(f'"{taken_id}"' in p.message for p in problems), problems


def test_endnotes_outside_any_text_numbered_across_the_included_files_are_found(book, monkeypatch):
    def note(root):
        header_note = root.find(f".//{TEI}teiHeader//{TEI}note")
        if header_note is None:
            header_note = etree.SubElement(root.find(f".//{TEI}sourceDesc/*"), TEI + "note")
            header_note.text = "x"
        header_note.set("place", "end")
        header_note.set("n", "1")

    _edit(book / "front.xml", note)
    _edit(book / "ch01.xml", note)
    short, whole, _ = _runs(book, monkeypatch)
    assert short == whole
    _, _, problems = _corpus(short)
    assert any("is used 2 times" in p.message for p in problems), problems


def test_a_pointer_to_another_chapters_id_fails_in_the_chapter_and_resolves_in_the_corpus(book, monkeypatch):
    target = etree.parse(str(book / "ch02.xml")).getroot().xpath("//@xml:id")[3]

    def point(root):
        root.find(f".//{TEI}orgName").set("ref", f"#{target}")

    _edit(book / "ch01.xml", point)
    short, whole, _ = _runs(book, monkeypatch)
    assert short == whole
    chapter = next(r for r in short if r[0] == str(book / "ch01.xml"))
    assert not chapter[1] and "no element in this document has that xml:id" in chapter[2][0].message
    assert not any("no element in this document" in p.message for p in _corpus(short)[2])


def test_a_corpus_validated_without_its_chapters_is_checked_whole(book, monkeypatch):
    taken = []
    monkeypatch.setattr(Schematron, "check_outside", lambda self, tree: taken.append(tree) or [])
    (result,) = tv.validate([book / "iron-lazar.xml"]).results
    assert result.valid and taken == []


def test_a_chapter_changed_after_it_was_checked_is_not_taken_as_judged(book, monkeypatch):
    """The bytes the corpus includes must be the bytes judged: a chapter rewritten between its
    check and the corpus's reading (here: by the spy, just before the corpus is read; one
    thread, so that the order is sure) is no longer."""
    prepare = tv._prepare_part

    def spy(paths, options, by_path=None, judged=None, loaded=None):
        if judged:
            path = book / "ch05.xml"
            path.write_text(path.read_text(encoding="utf-8").replace("<p>", "<p> </p><p>", 1), encoding="utf-8")
        return prepare(paths, options, by_path, judged, loaded)

    monkeypatch.setattr(tv, "_prepare_part", spy)
    monkeypatch.setattr(tv, "THREADS", 1)
    run = tv.validate([book])
    chapter = str(book / "ch05.xml")
    assert next(r for r in run.results if r.path == chapter).valid  # as it was when checked
    _, valid, problems = _corpus([(r.path, r.valid, r.problems) for r in run.results])
    assert not valid
    assert any(p.path == chapter and "empty paragraph" in p.message for p in problems), problems


def test_a_file_included_from_another_folder_reads_its_pointers_from_the_corpus_folder(book, monkeypatch):
    """A file in sub/ points to orgs.xml beside it; in the corpus the same pointer is read
    beside the corpus file, where that org is missing: found in the corpus, not in the file."""
    sub = book / "sub"
    sub.mkdir()
    for name in ("persons.xml", "places.xml", "orgs.xml"):
        shutil.copy(book / name, sub / name)
    (book / "conclusion.xml").rename(sub / "conclusion.xml")
    corpus = book / "iron-lazar.xml"
    corpus.write_text(
        corpus.read_text(encoding="utf-8").replace('"conclusion.xml"', '"sub/conclusion.xml"'), encoding="utf-8"
    )

    def add_org(root):
        org = root.find(f".//{TEI}org")
        twin = etree.fromstring(etree.tostring(org))
        twin.set(XML_ID, "only-in-sub")
        org.addnext(twin)

    _edit(sub / "orgs.xml", add_org)
    _edit(sub / "conclusion.xml", lambda root: root.find(f".//{TEI}orgName").set("ref", "orgs.xml#only-in-sub"))
    short, whole, taken = _runs(book, monkeypatch)
    assert short == whole
    assert taken == {"rules": 0, "grammar": 0}  # another folder: the corpus checked whole
    assert next(r for r in short if r[0] == str(sub / "conclusion.xml"))[1]
    _, valid, problems = _corpus(short)
    assert not valid and any("orgs.xml#only-in-sub" in p.message for p in problems), problems


def test_the_files_checked_before_their_includers_are_split_evenly_in_bytes():
    files = [str(p) for p in sorted(BOOK.glob("*.xml")) if p.name != "iron-lazar.xml"]
    parts = tv._split(files, 2)
    assert sorted(f for part in parts for f in part) == files  # each file once
    assert len(parts) % 2 == 0 and all(0 < len(part) <= tv.PART for part in parts)
    assert all(part == sorted(part) for part in parts)  # in the order given
    weights = [sum(Path(f).stat().st_size for f in part) for part in parts]
    assert max(weights) < 1.5 * min(weights), weights
    assert tv._split(files[:1], 2) == [files[:1]] and tv._split([], 2) == []
