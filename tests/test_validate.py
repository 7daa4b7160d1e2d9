"""teikit validate: Schematron rules, RELAX NG via jing, declarations, formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from teikit.cli import main
from teikit.validate import TEIKIT_RNG, TEIKIT_SCH, validate

DATA = ROOT / "tests" / "data" / "validate"
MINIMAL = (DATA / "minimal.xml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "doc.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def broken(tmp_path: Path, old: str, new: str, name: str = "doc.xml") -> Path:
    assert old in MINIMAL, old
    return write(tmp_path, MINIMAL.replace(old, new, 1), name)


def problems(path: Path, **kw):
    run = validate([path], schematron=kw.pop("schematron", TEIKIT_SCH), **kw)
    (result,) = run.results
    return result


def test_the_test_document_is_valid_against_both_schemas(tmp_path):
    result = problems(write(tmp_path, MINIMAL))
    assert result.valid and result.problems == []
    assert result.schema == TEIKIT_RNG and result.schematron == [TEIKIT_SCH]


# ---------------------------------------------------------------- one test per Schematron rule


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('<ref target="#ch01-n1">', '<ref target="#ch01-n9">', 'points to "#ch01-n9"'),
        ('<ref target="#ch01-n1">', '<ref target="other.xml#x1">', 'points to "other.xml#x1", which does not resolve'),
        ('<persName ref="#lazar">', '<persName ref="#ch01-n1">', "does not point to a person"),
        ('<placeName ref="#kiev">', '<placeName ref="#lazar">', "does not point to a place"),
        ('<date from="1904" to="1905">', '<date from="1905-03" to="1904">', 'runs backwards: from="1905-03"'),
        ('notBefore="1890" notAfter="1899"', 'notBefore="1899" notAfter="1890"', "runs backwards: notBefore"),
        ('n="2" xml:id="ch01-n2"', 'n="1" xml:id="ch01-n2"', "note number 1 is used 2 times"),
        ('n="1" xml:id="ch01-n1"', 'n="3" xml:id="ch01-n1"', "note number 2 follows note 3"),
        ("<head>One</head>", "<head>One</head><p>  </p>", "empty paragraph"),
    ],
)
def test_each_schematron_rule_catches_its_fault(tmp_path, old, new, expected):
    result = problems(broken(tmp_path, old, new))
    assert not result.valid
    messages = [p.message for p in result.errors]
    assert any(expected in m for m in messages), messages
    assert all(p.source == "schematron" and p.line > 0 for p in result.errors)


@pytest.mark.parametrize("place, n", [("foot", "1"), ("end", "*")])
def test_notes_numbered_per_page_or_by_symbol_may_repeat(tmp_path, place, n):
    """The numbering rule is for endnotes numbered through a chapter: footnotes that restart on
    every page (or poem, or letter) and notes marked by a symbol repeat in many books."""
    text = MINIMAL.replace('place="end" n="1"', f'place="{place}" n="{n}"').replace(
        'place="end" n="2"', f'place="{place}" n="{n}"'
    )
    assert text.count(f'place="{place}" n="{n}"') == 2
    result = problems(write(tmp_path, text))
    assert result.valid and result.problems == []


def test_pointers_into_other_files_resolve(tmp_path):
    write(tmp_path, '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="x1"/></TEI>', "other.xml")
    result = problems(broken(tmp_path, '<ref target="#ch01-n1">', '<ref target="other.xml#x1 https://example.org/#y">'))
    assert not [p for p in result.problems if p.source == "schematron"]


def test_dates_compare_by_calendar_not_by_string(tmp_path):
    ok = broken(tmp_path, '<date from="1904" to="1905">', '<date from="1905-06" to="1905">')
    assert problems(ok).valid


# ---------------------------------------------------------------- RELAX NG by jing


def test_grammar_errors_name_element_place_and_expectation(tmp_path, capsys):
    path = broken(tmp_path, "<head>One</head>", "<head>One</head><para>x</para>")
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    error = next(line for line in out if "para" in line)
    assert error.startswith(f"{path}:13:")
    assert 'element "para" not allowed' in error and "expected" in error
    assert out[-1].startswith("teikit validate: 1 files: 0 valid, 1 invalid")


def test_closed_value_lists_and_iso_dates_are_enforced(tmp_path):
    for old, new in [
        ('type="chapter"', 'type="kapitel"'),
        ('from="1904"', 'from="1904/5"'),
        ('place="end"', 'place="overleaf"'),  # "margin" is valid: sidenotes
        ('n="1" xml:id="ch01-n1"', 'xml:id="ch01-n1"'),
    ]:
        result = problems(broken(tmp_path, old, new), schematron=None)
        assert [p for p in result.errors if p.source == "relaxng"], (old, new)


def test_not_well_formed_files_are_reported_and_the_run_goes_on(tmp_path, capsys):
    bad = write(tmp_path, "<TEI>\n  <p>unclosed\n</TEI>\n", "bad.xml")
    good = write(tmp_path, MINIMAL, "good.xml")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:3:" in out and "not well-formed" in out
    assert "2 files: 1 valid, 1 invalid" in out
    assert str(good) not in out.replace(f"{bad}", "")


def test_schema_choice_given_declared_default(tmp_path):
    rnc = write(
        tmp_path, 'default namespace = "http://www.tei-c.org/ns/1.0"\nstart = element TEI { text }\n', "tiny.rnc"
    )
    plain = write(tmp_path, '<TEI xmlns="http://www.tei-c.org/ns/1.0">just text</TEI>', "plain.xml")
    declared = write(
        tmp_path,
        '<?xml-model href="tiny.rnc" type="application/relax-ng-compact-syntax"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">just text</TEI>',
        "declared.xml",
    )
    remote = write(
        tmp_path,
        '<?xml-model href="https://tei-c.org/tei_all.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">just text</TEI>',
        "remote.xml",
    )
    run = validate([plain, declared, remote])
    by_name = {Path(r.path).name: r for r in run.results}
    assert not by_name["plain.xml"].valid and by_name["plain.xml"].schema == TEIKIT_RNG
    assert by_name["declared.xml"].valid and by_name["declared.xml"].schema == str(rnc)
    assert not by_name["remote.xml"].valid
    assert "remote" in by_name["remote.xml"].errors[0].message
    given = validate([plain, remote], schema=str(rnc))
    assert given.summary.valid == 2


def test_declared_schematron_runs(tmp_path):
    sch = write(
        tmp_path,
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="t" '
        'uri="http://www.tei-c.org/ns/1.0"/><pattern><rule context="t:TEI">'
        '<assert test="t:teiHeader">no header</assert></rule></pattern></schema>',
        "rule.sch",
    )
    doc = write(
        tmp_path,
        f'<?xml-model href="{sch.name}" type="application/xml" '
        'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">x</TEI>',
    )
    result = validate([doc], schema=TEIKIT_RNG).results[0]
    # the message's own text, then where: the location path, the start tag's line and column
    assert ("no header [/TEI[1]]", 2, 1) in [(p.message, p.line, p.column) for p in result.errors]
    assert result.schematron == [str(sch)]


def test_a_finding_is_placed_at_its_start_tag_line_and_column(tmp_path):
    """Two elements on one line are told apart by column; a start tag over several lines is
    placed where its '<' stands; an XIncluded element in the file it came from."""
    sch = write(
        tmp_path,
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule context="p">'
        '<assert test="normalize-space()">empty p</assert></rule></pattern></schema>',
        "rule.sch",
    )
    part = write(tmp_path, "<div>\n  <p>x</p><p/>\n</div>", "part.xml")
    doc = write(
        tmp_path,
        '<doc xmlns:xi="http://www.w3.org/2001/XInclude">\n<p>a</p>  <p/>\n<p\n  n="2"\n/>'
        f'<xi:include href="{part.name}"/></doc>',
        "doc.xml",
    )
    result = validate([doc], schematron=str(sch)).results[0]
    found = [
        (p.path and Path(p.path).name, p.line, p.column, p.message) for p in result.problems if p.source == "schematron"
    ]
    assert found == [
        (None, 2, 11, "empty p [/doc[1]/p[2]]"),
        (None, 3, 1, "empty p [/doc[1]/p[3]]"),
        ("part.xml", 2, 11, "empty p [/doc[1]/div[1]/p[2]]"),
    ]


def test_xincluded_documents_are_validated_whole(tmp_path):
    write(tmp_path, MINIMAL, "part.xml")
    corpus = write(
        tmp_path,
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" '
        'xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        + MINIMAL.split('<TEI xmlns="http://www.tei-c.org/ns/1.0">')[1].split("<text>")[0]
        + '<xi:include href="part.xml"/>\n</teiCorpus>\n',
        "corpus.xml",
    )
    assert validate([corpus]).results[0].valid
    escape = write(tmp_path, corpus.read_text().replace("part.xml", "../part.xml"), "escape.xml")
    assert "refused" in validate([escape]).results[0].errors[0].message
    # an error inside the included file is reported at its own file and line
    write(tmp_path, MINIMAL.replace("<head>One</head>", "<head>One</head><para/>"), "part.xml")
    errors = validate([corpus]).results[0].errors
    assert any(p.path == str(tmp_path / "part.xml") and p.line == 13 for p in errors), errors


# ---------------------------------------------------------------- formats and exit codes


def test_json_and_junit_formats(tmp_path, capsys):
    bad = broken(tmp_path, "<head>One</head>", "<head>One</head><para/>", "bad.xml")
    write(tmp_path, MINIMAL, "good.xml")
    assert main(["validate", str(tmp_path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["files"] == 2 and data["summary"]["invalid"] == 1
    entry = next(f for f in data["files"] if f["path"] == str(bad))
    assert entry["valid"] is False
    assert set(entry["errors"][0]) >= {"line", "column", "severity", "message"}
    report = tmp_path / "junit.xml"
    assert main(["validate", str(tmp_path), "--format", "junit", "-o", str(report)]) == 1
    suite = etree.parse(str(report)).getroot()[0]
    assert suite.get("tests") == "2"
    failures = suite.findall("testcase/failure")
    assert len(failures) == 1 and "para" in failures[0].text


def test_exit_status_two_for_usage_and_schema_errors(tmp_path, capsys):
    doc = write(tmp_path, MINIMAL)
    assert main(["validate", str(doc), "--schema", str(tmp_path / "missing.rng")]) == 2
    bad_schema = write(
        tmp_path,
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>',
        "bad.rng",
    )
    assert main(["validate", str(doc), "--schema", str(bad_schema)]) == 2
    assert "nowhere" in capsys.readouterr().out
    assert main(["validate", str(doc), "--jobs", "0"]) == 2
    assert main(["validate", str(tmp_path / "absent.xml")]) == 2


def test_parallel_jobs_give_the_same_verdicts(tmp_path):
    for i in range(120):
        text = MINIMAL if i % 7 else MINIMAL.replace("<head>One</head>", "<head>One</head><para/>")
        write(tmp_path, text, f"f{i:03}.xml")
    one = validate([tmp_path], jobs=1)
    two = validate([tmp_path], jobs=2)
    assert one.summary.invalid == two.summary.invalid == 18
    assert [(r.path, r.problems) for r in one.results] == [(r.path, r.problems) for r in two.results]


def test_teikits_own_grammar_needs_no_jvm_unless_libxml2_objects(tmp_path, monkeypatch):
    """A file libxml2 finds valid against teikit.rng starts no JVM; one it finds invalid goes to
    jing, whose messages stand."""
    import teikit.validate.jing as jing_module

    runs = []
    real = jing_module._jing
    monkeypatch.setattr(jing_module, "_jing", lambda cmd: runs.append(cmd) or real(cmd))
    good = write(tmp_path, MINIMAL, "good.xml")
    assert validate([good]).results[0].valid and runs == []
    bad = broken(tmp_path, "<p>Written for the tests.</p>", "<para>Written for the tests.</para>", "bad.xml")
    (result,) = validate([bad]).results
    assert len(runs) == 1 and not result.valid
    assert any('element "para" not allowed' in p.message for p in result.errors if p.source == "relaxng")
