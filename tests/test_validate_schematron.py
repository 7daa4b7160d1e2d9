"""XSLT 2/3 Schematron (embedded in an ODD-style grammar, and standalone), declared schemas
used exactly, XInclude declared below the root, duplicate xml:id — on tests/data/validate/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

import teikit.validate
from conftest import ROOT
from teikit.cli import main
from teikit.validate import validate
from teikit.validate.saxon import processor

DATA = ROOT / "tests" / "data" / "validate"
ODD = DATA / "odd"


def result_of(path, **kw):
    (result,) = validate([path], **kw).results
    return result


def test_an_odd_style_grammar_with_xpath2_rules_accepts_a_valid_file():
    result = result_of(ODD / "letters-valid.xml")
    assert result.valid and result.problems == []
    assert result.schema == str(ODD / "letters.rng")
    assert result.schematron == [str(ODD / "letters.rng")]


def test_each_embedded_rule_reports_at_its_element_with_its_own_message():
    result = result_of(ODD / "letters-rules.xml")
    found = {(p.line, p.severity, p.message) for p in result.problems}
    assert all(p.source == "schematron" for p in result.problems), result.problems
    assert found == {
        (7, "error", "A div has at most one head, not 2 [/TEI[1]/text[1]/body[1]/div[1]]"),  # sch:name, value-of
        (10, "error", "An empty p (paragraph) [/TEI[1]/text[1]/body[1]/div[1]/p[1]]"),  # abstract pattern
        (12, "error", "The date 4 March 1801 is not an ISO date (YYYY-MM-DD) [/TEI[1]/text[1]/body[1]/div[2]]"),
        (
            13,
            "error",
            "A highlight of over 40 characters: highlight that runs … [/TEI[1]/text[1]/body[1]/div[2]/p[1]/hi[1]]",
        ),  # XPath 3.0: let, =>
        (15, "warning", "A letter should have a head [/TEI[1]/text[1]/body[1]/div[3]]"),  # role nonfatal
        (18, "error", "A division holding divisions must say its type [/TEI[1]/text[1]/body[1]/div[4]]"),  # extends
    }


def test_a_rule_level_let_and_diagnostics():
    result = result_of(ODD / "letters-noletter.xml")
    (problem,) = result.problems
    assert problem.line == 6 and problem.severity == "error"
    assert problem.message.startswith("A body must hold at least one letter (found 2 division(s), none of type letter)")


def test_a_standalone_xslt3_schema_with_lets_and_a_default_phase(tmp_path):
    doc = tmp_path / "doc.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><hi>Fanny</hi> <hi>Lucy</hi></p></TEI>', encoding="utf-8"
    )
    result = result_of(doc, schematron=str(ODD / "names.sch"))
    # Only the default phase's pattern runs: the inactive pattern's report on every p never fires.
    assert [(p.severity, p.message) for p in result.problems if p.source == "schematron"] == [
        ("warning", "'Lucy' is not a known correspondent [/TEI[1]/p[1]/hi[2]]")
    ]


def test_a_file_that_declares_only_schematron_gets_no_other_schema(capsys):
    result = result_of(ODD / "sch-only.xml")
    assert result.schema is None  # not teikit.rng: its root's child is in no grammar
    assert result.schematron == [str(ODD / "names.sch")]
    assert [p.message for p in result.problems] == [
        "'Edward' is not a known correspondent [/TEI[1]/notInAnyGrammar[1]/p[1]/hi[2]]"
    ]
    assert main(["validate", str(ODD / "sch-only.xml")]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert "RELAX NG: none declared (1); Schematron: names.sch (1)" in summary


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("remote.xml", "is remote; teikit never fetches schemas"),
        ("remote-sch.xml", "letters.sch is remote and was not run"),
        ("missing.xml", "no-such-schema.rng does not exist"),
    ],
)
def test_an_unusable_declared_schema_is_said_in_every_format_and_exits_2(tmp_path, capsys, name, says):
    path = ODD / name
    result = result_of(path)
    assert not result.valid and any(says in p.message for p in result.errors)
    assert result.schema != str(ROOT / "schema" / "teikit.rng")  # no silent fallback
    assert main(["validate", str(path)]) == 2
    text = capsys.readouterr().out
    assert text.count(says) == 2  # the file's line and the schema error line
    assert main(["validate", "--format", "json", str(path)]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["valid"] is False and says in data["schema_errors"][0]
    assert main(["validate", "--format", "junit", str(path)]) == 2
    junit = etree.fromstring(capsys.readouterr().out.encode())
    assert says in junit.find(".//error").get("message") and junit.find(".//failure") is not None


def test_xinclude_declared_below_the_root_is_expanded():
    result = result_of(DATA / "xinclude" / "book.xml")
    # jing accepts the expanded book; the one problem is a rule's, at its own file and line.
    assert [(p.path, p.line, p.source) for p in result.problems] == [
        (str(DATA / "xinclude" / "letter2.xml"), 4, "schematron")
    ]
    assert result.problems[0].message.startswith("An empty p (paragraph)")


def test_a_duplicate_xml_id_is_a_validity_error_with_both_places():
    result = result_of(DATA / "ids" / "duplicate-ids.xml")
    assert not any("well-formed" in p.message for p in result.problems)
    assert {(p.line, p.message) for p in result.errors} == {
        (6, 'first occurrence of ID "l1"'),
        (7, 'ID "l1" has already been defined'),
    }
    alone = result_of(DATA / "ids" / "duplicate-ids-sch-only.xml")  # no jing: teikit says it
    assert [(p.line, p.message) for p in alone.errors] == [(5, 'ID "a" has already been defined (first at line 4)')]


def test_a_dynamic_error_in_a_rule_is_an_error_not_a_pass(tmp_path):
    sch = tmp_path / "typed.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="p"><assert test="xs:integer(@n) gt 0">positive</assert></rule></pattern>'
        "</schema>"
    )
    doc = tmp_path / "doc.xml"
    doc.write_text('<doc>\n<p n="two"/></doc>')
    (problem,) = [p for p in result_of(doc, schematron=str(sch)).problems if p.source == "schematron"]
    assert problem.severity == "error" and problem.line == 2
    assert "could not be evaluated" in problem.message and "two" in problem.message


def test_an_xpath2_error_in_a_schema_is_a_schema_error_naming_it(tmp_path, capsys):
    sch = tmp_path / "bad.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="p"><assert test="count(*) gt">x</assert></rule></pattern></schema>'
    )
    doc = tmp_path / "doc.xml"
    doc.write_text("<doc><p/></doc>")
    assert main(["validate", str(doc), "--schematron", str(sch)]) == 2
    err = capsys.readouterr().err
    assert "cannot compile Schematron schema" in err and "bad.sch" in err


def test_the_compiled_schema_is_cached_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(teikit.validate, "_schematrons", {})  # compiled in this process: not used
    result_of(ODD / "letters-valid.xml")
    (cached,) = (tmp_path / "cache" / "schematron").glob("*.xsl")
    etree.fromstring(cached.read_bytes())  # an XSLT stylesheet teikit wrote
    result_of(ODD / "letters-rules.xml")
    assert list((tmp_path / "cache" / "schematron").glob("*.xsl")) == [cached]


def test_the_saxon_processor_forbids_every_protocol(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    xslt = processor().new_xslt30_processor()
    sheet = xslt.compile_stylesheet(
        stylesheet_text='<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        f'<xsl:template match="/"><r><xsl:value-of select="unparsed-text(\'{secret.as_uri()}\')"/></r>'
        "</xsl:template></xsl:stylesheet>"
    )
    with pytest.raises(Exception, match="prohibited"):
        sheet.transform_to_string(xdm_node=processor().parse_xml(xml_text="<a/>"))


def test_xslt2_rules_in_worker_processes(tmp_path):
    # From PARALLEL_FROM files with jobs=2, files are prepared in forked workers, each
    # starting Saxon itself; a schema Saxon cannot compile is then a schema error on each file.
    sch = tmp_path / "rules.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><pattern>'
        '<rule context="p"><assert test="@n castable as xs:integer">n="<value-of select="@n"/>"</assert>'
        "</rule></pattern></schema>"
    )
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(teikit.validate.PARALLEL_FROM):
        (docs / f"d{i:03}.xml").write_text(f'<doc>\n<p n="{i if i % 2 else "x"}"/></doc>')
    run = validate([docs], schematron=str(sch), jobs=2)
    for r in run.results:
        rules = [(p.line, p.message) for p in r.problems if p.source == "schematron"]
        odd = int(r.path[-7:-4]) % 2
        assert rules == ([] if odd else [(2, 'n="x" [/doc[1]/p[1]]')]), r.path
    broken = tmp_path / "broken.sch"
    broken.write_text(sch.read_text().replace("castable as xs:integer", "castable as"))
    run = validate([docs], schematron=str(broken), jobs=2)
    assert run.schema_errors and not any(r.valid for r in run.results)
    assert all("cannot compile Schematron schema" in r.errors[0].message for r in run.results)


def test_a_duplicate_xml_id_across_xincluded_files_is_reported_in_both(tmp_path):
    for f in (DATA / "xinclude").glob("*.xml"):
        text = f.read_text(encoding="utf-8").replace("../odd/letters.rng", str(ODD / "letters.rng"))
        (tmp_path / f.name).write_text(text.replace('xml:id="l2"', 'xml:id="l1"'), encoding="utf-8")
    result = result_of(tmp_path / "book.xml")
    ids = {(Path(p.path or "").name, p.line, p.message) for p in result.errors if p.source == "relaxng"}
    assert ids == {
        ("letter1.xml", 2, 'first occurrence of ID "l1"'),
        ("letter2.xml", 2, 'ID "l1" has already been defined'),
    }


def test_an_sch_schema_element_inside_a_grammar_is_opened(tmp_path):
    rng = tmp_path / "g.rng"
    rng.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron">'
        '<sch:schema queryBinding="xslt2"><sch:pattern><sch:rule context="p">'
        '<sch:assert test="string-length(.) gt 1">too short</sch:assert></sch:rule></sch:pattern></sch:schema>'
        '<start><element name="doc"><zeroOrMore><element name="p"><text/></element></zeroOrMore></element></start>'
        "</grammar>"
    )
    doc = tmp_path / "doc.xml"
    doc.write_text("<doc>\n<p>x</p><p>xy</p></doc>")
    result = result_of(doc, schema=str(rng), schematron=str(rng))
    assert [(p.line, p.message) for p in result.problems] == [(2, "too short [/doc[1]/p[1]]")]


@pytest.mark.parametrize(
    ("context", "line"),
    [
        ("p", 2),
        ("p/text()", 2),
        ("@n", 2),
        ("node()[self::p]", 2),
        ("key('p', 'x')", 2),
        ("comment()", 1),
    ],  # a node not an element is placed at its element
)
def test_rules_reach_every_kind_of_node_their_context_names(tmp_path, context, line):
    # The walk skips attributes and text where no rule can match them: each kind is reached.
    sch = tmp_path / "kinds.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3"'
        ' xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:key name="p" match="p" use="@n"/>'
        f'<pattern><rule context="{context}"><report test="true()">here</report></rule></pattern></schema>'
    )
    doc = tmp_path / "doc.xml"
    doc.write_text('<doc>\n<p n="x">text</p>\n<!-- c --></doc>')
    result = result_of(doc, schematron=str(sch))
    assert [p.line for p in result.problems if p.source == "schematron"] == [line]


def test_a_damaged_cache_entry_is_compiled_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(teikit.validate, "_schematrons", {})
    result_of(ODD / "letters-valid.xml")
    (cached,) = (tmp_path / "cache" / "schematron").glob("*.xsl")
    cached.write_text(cached.read_text()[:200])  # cut short, as by a full disk
    monkeypatch.setattr(teikit.validate, "_schematrons", {})
    result = result_of(ODD / "letters-rules.xml")
    assert len([p for p in result.problems if p.source == "schematron"]) == 6
    etree.fromstring(cached.read_bytes())  # rewritten whole


def test_an_xslt1_schema_changed_between_runs_is_compiled_again(tmp_path):
    """XSLT 1.0 rules are compiled once per process and schema (about 5 ms for teikit.sch:
    no disk cache), keyed by the file's modification time and size: a schema edited between
    two runs of a long-lived process is compiled again, never run as it was."""
    import os

    sch = tmp_path / "rules.sch"
    rules = (
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt"><pattern>'
        '<rule context="p"><assert test="normalize-space()">{}</assert></rule></pattern></schema>'
    )
    sch.write_text(rules.format("empty p"), encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text("<doc><p/><p>x</p></doc>", encoding="utf-8")

    def messages():
        result = result_of(doc, schematron=str(sch))
        return [p.message.split(" [")[0] for p in result.problems if p.source == "schematron"]

    assert messages() == ["empty p"]
    assert messages() == ["empty p"]  # from the process's compiled schemas
    before = sch.stat().st_mtime_ns
    sch.write_text(rules.format("a paragraph without text"), encoding="utf-8")
    os.utime(sch, ns=(before + 10**9, before + 10**9))  # a later time even on a coarse clock
    assert messages() == ["a paragraph without text"]
