"""A well-formed file that libxml2 refuses for a limit of its own (nesting deeper than 256
elements, a text over 10,000,000 bytes: teikit keeps XML_PARSE_HUGE off) has one verdict,
whatever the run it is in: alone, among a few files, in a run long enough that jing alone
judges the files (jing.LONG_RUN, lowered here), or in batches over two jobs.

Its grammar's verdict is jing's, which reads it; Schematron, which needs libxml2's tree, says
it could not run and why; never "not well-formed" (the XML is fine), never valid unless
every engine that had to judge it did. Each test failed on integ edf071d when written: a run
of fewer than LONG_RUN files called the file not well-formed where a long one found it valid.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import teikit.validate as validate_module
from conftest import ROOT
from teikit.validate import TEIKIT_SCH, jing, validate

MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
DEEP = MINIMAL.replace("A note.", '<hi rend="bold">' * 300 + "x" + "</hi>" * 300, 1)
LONG_TEXT = MINIMAL.replace("A note.", "x" * 10_000_001, 1)
DEPTH = "nesting deeper than its limit of 256 elements"
NO_SCHEMATRON = "libxml2 cannot read this file for Schematron: {} (not an XML error)"
RUNS = ("alone", "among five", "long")


@pytest.fixture
def other_grammar(tmp_path) -> str:
    """teikit.rng under another name: never judged in-process, jing alone judges it."""
    other = tmp_path / "schema" / "other.rng"
    other.parent.mkdir()
    other.write_text((ROOT / "schema" / "teikit.rng").read_text(encoding="utf-8") + "<!-- other -->\n")
    return str(other)


@pytest.fixture
def rule(tmp_path) -> str:
    """A Schematron schema of the user's (XSLT 1.0, read by libxslt by the files' paths), which
    a valid document satisfies."""
    sch = tmp_path / "schema" / "rule.sch"
    sch.parent.mkdir(exist_ok=True)
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="t:TEI"><assert test="t:teiHeader">no header</assert></rule></pattern></schema>'
    )
    return str(sch)


def _judged(tmp_path, monkeypatch, body: str, run: str, schema=None, schematron=None, well_formed=True):
    """The verdict and problems (source, line, message) of a file holding `body` in a run of the
    kind `run`; the other files of the run, valid, stay valid. `well_formed`: no problem of the
    file may say it is not."""
    folder = tmp_path / run.replace(" ", "-")
    folder.mkdir(parents=True)
    (folder / "a.xml").write_text(body, encoding="utf-8")
    if run != "alone":
        for i in range(4):
            (folder / f"b{i}.xml").write_text(MINIMAL, encoding="utf-8")
    jobs = 1
    with monkeypatch.context() as m:
        if run == "long":  # jing judges every file, as from 800 files on
            m.setattr(validate_module, "LONG_RUN", 3)
            m.setattr(jing, "LONG_RUN", 3)
        if run == "two jobs":  # batches in two worker processes, as from 100 files on
            m.setattr(validate_module, "PARALLEL_FROM", 2)
            m.setattr(validate_module, "BATCH_MIN", 2)
            jobs = 2
        results = validate([folder], schema=schema, schematron=schematron, jobs=jobs).results
    assert len(results) == (1 if run == "alone" else 5)
    assert all(r.valid for r in results if Path(r.path).name != "a.xml"), results
    (target,) = [r for r in results if Path(r.path).name == "a.xml"]
    assert not well_formed or not any("well-formed" in p.message for p in target.problems), target.problems
    return target.valid, sorted((p.source, p.line, p.message) for p in target.errors)


@pytest.mark.parametrize("grammar", ["teikit.rng", "other"])
@pytest.mark.parametrize("with_schematron", [None, "teikit.sch", "the user's"])
def test_a_file_too_deep_for_libxml2_has_one_verdict_whatever_the_run(
    tmp_path, monkeypatch, other_grammar, rule, grammar, with_schematron
):
    schema = other_grammar if grammar == "other" else None
    schematron = {None: None, "teikit.sch": TEIKIT_SCH, "the user's": rule}[with_schematron]
    verdicts = {run: _judged(tmp_path, monkeypatch, DEEP, run, schema, schematron) for run in RUNS}
    if schematron is None:  # jing's verdict, the only engine that had to judge it
        expected = (True, [])
    else:
        expected = (False, [("schematron", 1, NO_SCHEMATRON.format(DEPTH))])
    assert verdicts == dict.fromkeys(RUNS, expected)


@pytest.mark.parametrize("schematron", [None, TEIKIT_SCH], ids=["no Schematron", "teikit.sch"])
def test_a_text_too_long_for_libxml2_has_one_verdict_whatever_the_run(tmp_path, monkeypatch, schematron):
    verdicts = {run: _judged(tmp_path, monkeypatch, LONG_TEXT, run, schematron=schematron) for run in RUNS}
    if schematron is None:
        expected = (True, [])
    else:
        limit = "a text longer than its limit of 10,000,000 bytes"
        expected = (False, [("schematron", 1, NO_SCHEMATRON.format(limit))])
    assert verdicts == dict.fromkeys(RUNS, expected)


@pytest.mark.parametrize("schematron", [None, TEIKIT_SCH], ids=["no Schematron", "teikit.sch"])
def test_jings_findings_in_a_file_too_deep_for_libxml2_are_the_same_in_every_run(tmp_path, monkeypatch, schematron):
    """teikit.rng, which libxml2 judges in-process in short runs: the file goes to jing."""
    invalid = DEEP.replace("<body>", "<body><bogus/>", 1)
    verdicts = {run: _judged(tmp_path, monkeypatch, invalid, run, schematron=schematron) for run in RUNS}
    jings = ("relaxng", 11, 'element "bogus" not allowed anywhere; expected element "div"')
    expected = [jings] + ([("schematron", 1, NO_SCHEMATRON.format(DEPTH))] if schematron else [])
    assert verdicts == dict.fromkeys(RUNS, (False, sorted(expected)))


def test_a_file_too_deep_for_libxml2_has_one_verdict_in_batches_over_two_jobs(tmp_path, monkeypatch, other_grammar):
    for schematron, expected in [
        (None, (True, [])),
        (TEIKIT_SCH, (False, [("schematron", 1, NO_SCHEMATRON.format(DEPTH))])),
    ]:
        verdicts = {
            run: _judged(tmp_path / str(bool(schematron)), monkeypatch, DEEP, run, schematron=schematron)
            for run in ("alone", "two jobs")
        }
        assert verdicts == dict.fromkeys(verdicts, expected)


@pytest.mark.parametrize(
    "unsafe",
    [
        DEEP.replace("<TEI", "<!DOCTYPE TEI>\n<TEI", 1),
        DEEP.replace("<TEI ", '<TEI xmlns:xi="http://www.w3.org/2001/XInclude" ', 1),
    ],
    ids=["doctype", "xinclude"],
)
def test_a_file_too_deep_for_libxml2_that_jing_may_not_read_as_it_stands_has_no_verdict(tmp_path, monkeypatch, unsafe):
    """jing is given a file with a DOCTYPE or XIncludes only as libxml2 read it (it would load
    DTDs itself, and it does not include): such a file has no verdict, and says why."""
    verdicts = {run: _judged(tmp_path, monkeypatch, unsafe, run) for run in RUNS}
    expected = (
        "relaxng",
        1,
        f"no RELAX NG verdict: libxml2 cannot read this file ({DEPTH}; not an XML error), "
        "and jing is given a file with a DOCTYPE or XIncludes only as libxml2 read it",
    )
    assert verdicts == dict.fromkeys(RUNS, (False, [expected]))


def test_a_file_too_deep_for_libxml2_and_broken_beyond_is_not_well_formed_by_jing(tmp_path, monkeypatch):
    """libxml2 stops at its limit before the fault; jing reads on and finds it, in every run."""
    broken = DEEP.replace("</hi></note>", "</note>", 1)
    assert broken != DEEP
    verdicts = {run: _judged(tmp_path, monkeypatch, broken, run, well_formed=False) for run in RUNS}
    assert all(v == verdicts["alone"] for v in verdicts.values()), verdicts
    valid, problems = verdicts["alone"]
    assert not valid and [source for source, _, _ in problems] == ["relaxng"], problems


DEEPER_THAN_THE_BOUND = MINIMAL.replace(
    "A note.", '<hi rend="bold">' * (jing.MAX_DEPTH + 50) + "x" + "</hi>" * (jing.MAX_DEPTH + 50), 1
)


@pytest.mark.parametrize("schematron", [None, TEIKIT_SCH], ids=["no Schematron", "teikit.sch"])
def test_a_file_nested_beyond_teikits_bound_is_refused_by_jing_in_every_run(tmp_path, monkeypatch, schematron):
    """jing reads no deeper than jing.MAX_DEPTH (it would take minutes and gigabytes on a file a
    million elements deep): the file is never valid, the other files of the run keep their
    verdicts. Valid to the grammar but for its depth, the bound is its only error there."""
    verdicts = {run: _judged(tmp_path, monkeypatch, DEEPER_THAN_THE_BOUND, run, schematron=schematron) for run in RUNS}
    valid, problems = verdicts["alone"]
    assert all(v == verdicts["alone"] for v in verdicts.values()), verdicts
    assert not valid
    note_line = MINIMAL[: MINIMAL.index("A note.")].count("\n") + 1  # where the nesting is
    assert [p for p in problems if p[0] == "relaxng"] == [("relaxng", note_line, jing.DEPTH_MESSAGE)]
    assert "10,000 elements" in jing.DEPTH_MESSAGE
    if schematron:
        assert ("schematron", 1, NO_SCHEMATRON.format(DEPTH)) in problems
