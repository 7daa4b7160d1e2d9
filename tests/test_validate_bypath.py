"""Files Schematron reads by their paths, unparsed here (validate._by_path): the same verdicts.

A file jing reads as it is, that teikit's grammar does not judge in-process and that writes no
provenance marks of its own is checked by the XSLT 1.0 Schematron reading it by its path; it
is parsed in Python only when the rules find something in it (to place the findings), when
libxslt could not read it or when it changed during the run. The reference is the same run
with every file parsed here first.
"""

from __future__ import annotations

import re
import shutil

import pytest

import teikit.validate as validation
from conftest import REGISTERS, ROOT
from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate
from teikit.validate.documents import load, may_mark_origins
from teikit.validate.schematron import Schematron
from test_validate_onewalk import mutants  # noqa: F401  (the fixture)

BOOK = ROOT / "tei" / "iron-lazar"
_MODEL = re.compile(r"<\?xml-model[^>]*\?>\s*")


def _seen(run) -> list:
    return [
        (
            r.path,
            r.schema,
            r.schematron,
            [(p.line, p.column, p.message, p.severity, p.source, p.path) for p in r.problems],
        )
        for r in run.results
    ]


@pytest.fixture()
def corpus(mutants, tmp_path):  # noqa: F811
    """The mutants, clean chapters, and copies of both with provenance marks of their own; a
    copy of teikit.rng that is not byte for byte the bundled one, so that jing judges."""
    folder, paths = mutants
    work = tmp_path / "corpus"
    work.mkdir()
    for name in REGISTERS:
        shutil.copy(folder / name, work / name)
    for p in paths[:16]:
        shutil.copy(p, work / p.name)
    chapters = sorted(BOOK.glob("ch*.xml"))[:6]
    for ch in chapters:
        (work / ch.name).write_text(_MODEL.sub("", ch.read_text(encoding="utf-8")), encoding="utf-8")
    forged = '<TEI xmlns:o="urn:teikit:validate" o:origin="elsewhere.xml" '
    for source in (chapters[0], paths[0]):
        text = _MODEL.sub("", source.read_text(encoding="utf-8"))
        (work / f"forged-{source.name}").write_text(text.replace("<TEI ", forged, 1), encoding="utf-8")
    rng = tmp_path / "grammar.rng"
    rng.write_text(open(TEIKIT_RNG, encoding="utf-8").read() + "<!-- a copy -->\n", encoding="utf-8")
    # The rules as a copy that is not byte for byte teikit.sch, which is read in Python on
    # parsed trees (ownrules.py), not by path.
    sch = tmp_path / "rules.sch"
    sch.write_text(open(TEIKIT_SCH, encoding="utf-8").read() + "<!-- a copy -->\n", encoding="utf-8")
    return work, str(rng), str(sch)


def test_files_read_by_path_get_the_verdicts_of_files_parsed_here(corpus, monkeypatch):
    work, rng, sch = corpus
    parsed: list[str] = []
    real_load = validation.load
    monkeypatch.setattr(validation, "load", lambda path, *a: parsed.append(path) or real_load(path, *a))
    by_path = validate([str(work)], schema=rng, schematron=sch)
    files = len(by_path.results)
    # Parsed here: the files the rules find something in, and those with marks of their own.
    with_findings = [r.path for r in by_path.results if any(p.source == "schematron" for p in r.problems)]
    assert sorted(parsed) == sorted(set(with_findings) | {str(p) for p in work.glob("forged-*.xml")})
    assert 8 <= len(parsed) < files - 6  # the clean chapters and registers were not parsed here

    monkeypatch.setattr(validation, "may_mark_origins", lambda path: True)  # no file read by path
    parsed.clear()
    reference = validate([str(work)], schema=rng, schematron=sch)
    assert len(parsed) == files
    assert _seen(by_path) == _seen(reference)
    assert by_path.summary.invalid >= 8 and by_path.summary.valid >= 6  # not vacuous


def test_a_file_changed_during_the_run_is_judged_as_it_is_then(corpus, monkeypatch):
    """The rules read the file as it was; it then changes: it is parsed and checked again, so
    that its findings are those of the file its tree holds (and no verdict of another text)."""
    work, rng, sch = corpus
    clean, broken = work / "ch01.xml", work / "mutant00.xml"
    schematron = Schematron(sch, (str(work),))
    expected = schematron.check(load(str(broken), 10**9, ()).tree)
    assert expected  # the mutant breaks some rule
    run_files = Schematron.run_files

    def then_changed(self, paths):
        reports = run_files(self, paths)
        shutil.copy(broken, clean)
        return reports

    monkeypatch.setattr(Schematron, "run_files", then_changed)
    options = validation.Options(schema=rng, schematron=sch, read=(str(work),), workdir=str(work))
    [prepared] = validation._prepare_part([str(clean)], options, {str(clean): []})
    assert [p for p in prepared.result.problems if p.source == "schematron"] == expected


def test_provenance_marks_of_its_own_are_told_from_the_bytes(tmp_path):
    cases = {
        "plain.xml": ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text origin="x"/></TEI>', False),
        "marked.xml": ('<TEI xmlns:o="urn:teikit:validate" o:origin="a.xml"/>', True),
        # The namespace written with a character reference: the attribute's name still shows.
        "escaped.xml": ('<TEI xmlns:v="urn:teikit:&#118;alidate"><p v:origin = "a.xml"/></TEI>', True),
    }
    for name, (text, marked) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert may_mark_origins(str(tmp_path / name)) is marked, name
    (tmp_path / "utf16.xml").write_text("<TEI/>", encoding="utf-16")
    assert may_mark_origins(str(tmp_path / "utf16.xml"))  # not searched as bytes: it may


def test_provenance_marks_of_its_own_are_dropped_in_every_encoding(tmp_path):
    """load drops the marks a file wrote itself; it skips the search of the tree only where the
    bytes show no attribute named origin and the encoding writes markup in ASCII."""
    body = '<TEI xmlns:v="urn:teikit:&#118;alidate"><p v:origin = "a.xml"/><q o:origin="b.xml" xmlns:o="urn:teikit:validate"/></TEI>'
    for encoding in ("utf-8", "iso-8859-1", "utf-16", "utf-32"):
        path = tmp_path / f"{encoding}.xml"
        path.write_bytes(f'<?xml version="1.0" encoding="{encoding}"?>{body}'.encode(encoding))
        doc = load(str(path), 10**9, ())
        assert doc.tree is not None, encoding
        assert not doc.tree.xpath("//@v:origin", namespaces={"v": "urn:teikit:validate"}), encoding
        assert doc.on_disk is None, encoding  # the tree is not the file as it stands
    plain = tmp_path / "plain.xml"
    plain.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text origin="x"/></TEI>', encoding="utf-8")
    assert load(str(plain), 10**9, ()).on_disk is not None


def test_provenance_marks_an_entity_writes_are_dropped_in_the_file_and_those_it_includes(tmp_path):
    """An entity's markup may spell the attribute's name with a character reference (o&#58;origin),
    which the file's bytes do not show as the name: the tree is searched all the same, in the
    file read and in a file it includes."""
    entity = "<!DOCTYPE TEI [<!ENTITY e \"<p xmlns:o='urn:teikit:validate' o&#58;origin='x.xml'>e</p>\">]>"
    body = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>&e;</body></text></TEI>'
    (tmp_path / "part.xml").write_text(entity + body, encoding="utf-8")
    (tmp_path / "whole.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<text><body><xi:include href="part.xml"/></body></text></TEI>',
        encoding="utf-8",
    )
    marks = {"v": "urn:teikit:validate"}
    part = load(str(tmp_path / "part.xml"), 10**9, ())
    assert part.tree is not None and part.tree.xpath("//*[local-name() = 'p'] = 'e'")  # the entity's markup
    assert not part.tree.xpath("//@v:origin", namespaces=marks)
    whole = load(str(tmp_path / "whole.xml"), 10**9, ())
    assert whole.tree is not None
    # the included root's own mark, which the XInclude step wrote, and no other
    assert whole.tree.xpath("//@v:origin", namespaces=marks) == [str(tmp_path / "part.xml")]
