"""Validation results as text lines, one JSON object, or JUnit XML.

Every format is valid UTF-8 whatever the files are called or say:
- a file name that is not UTF-8 (os.fsdecode gives lone surrogates) is shown
  with its bytes escaped, `\\xff`;
- in the text format (and in the text of JUnit failures, which repeats it), a
  message or a path never holds a raw newline or other control character: they
  are escaped (`\\n`, `\\x1b`, and a backslash as `\\\\`), so that a
  document cannot forge a report line; so are U+FFFE and U+FFFF, which a file
  name may hold and XML may not (`\\ufffe`);
- JSON escapes control characters itself; JUnit XML is an XML document, so
  characters XML cannot hold are escaped as in the text format.

Two ways to the same text: `as_text`, `as_json` and `as_junit` format a whole Run (its
list of results); `WRITERS` hold, per format, a report written as the results come
(`add` each file's result in the order of the files, then `finish` with the run, whose
`results` may be empty): the same text, byte for byte, with only counts kept in memory
(tests/test_validate_stream.py compares them). JUnit's totals come before its test cases, so
the streamed cases wait in a temporary file until the totals are known.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import IO

from lxml import etree

from ..oneline import one_line, unicode_path, valid_unicode
from . import FileResult, Run


def problem_line(r, p) -> str:
    return f"{one_line(p.path or r.path)}:{p.line}:{p.column}: {p.severity}: {one_line(p.message)}"


def as_text(run: Run) -> str:
    lines = []
    for r in run.results:
        for p in r.problems:
            lines.append(problem_line(r, p))
    for e in run.schema_errors:
        lines.append(f"schema error: {one_line(e)}")
    lines.append(f"teikit validate: {run.summary.line()}; {one_line(schemas_used(run))}")
    return "\n".join(lines) + "\n"


def schemas_used(run: Run) -> str:
    """Which schemas the files were checked against, so that no choice goes unsaid."""
    count = _SchemaCount()
    for r in run.results:
        count.add(r)
    return count.text()


class _SchemaCount:
    """How many files each schema checked (by file name), in the order first met."""

    def __init__(self) -> None:
        self.grammars: dict[str, int] = {}
        self.rules: dict[str, int] = {}

    def add(self, r: FileResult) -> None:
        name = os.path.basename(r.schema) if r.schema else "none declared"
        self.grammars[name] = self.grammars.get(name, 0) + 1
        for s in r.schematron:
            self.rules[os.path.basename(s)] = self.rules.get(os.path.basename(s), 0) + 1

    def text(self) -> str:
        part = ", ".join(f"{k} ({v})" for k, v in self.grammars.items())
        text = f"RELAX NG: {part}"
        if self.rules:
            text += "; Schematron: " + ", ".join(f"{k} ({v})" for k, v in self.rules.items())
        return unicode_path(text) or text


def as_json(run: Run) -> str:
    """One JSON object: the files, the summary, the schema errors (indented by one space).

    Written a file at a time (each file's entry made, dumped and dropped), not as one object
    dumped whole: the same text, but the objects of every file are never held at once
    (10,000 files: a peak of 13.3 MiB above the results, the 1.6 MiB text included, -> 4.8 MiB).
    Nested values are indented by prefixing their lines: JSON text holds no raw newline."""
    entries = [f"  {_dumped(_json_entry(r), 2)}" for r in run.results]
    files = "[\n" + ",\n".join(entries) + "\n ]" if entries else "[]"
    del entries
    return f'{{\n "files": {files},\n{_json_end(run)}'


def _dumped(value, depth: int) -> str:
    """`value` as JSON indented by one space a level, its lines after the first `depth` deeper:
    the text of `json.dumps(value, ensure_ascii=False, indent=1)` so shifted.

    Written here for the values reports are made of (dicts with text keys, lists, text,
    integers, booleans, None): the json module indents in Python, one call per value, and
    a report of many files spent more on that than on anything else teikit does after the
    last JVM (10,000 results written: 0.18 -> 0.09 s of CPU). Anything else goes to json."""
    import json  # here: the text format, the usual one, does without it

    try:
        return _indented(value, " " * (depth + 1), json.encoder.encode_basestring)
    except _NotPlain:
        return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)


class _NotPlain(Exception):
    """A value _indented leaves to the json module."""


def _indented(value, inner: str, string) -> str:
    """`value` as JSON, its members (if any) on lines of their own indented by `inner`, its
    closing bracket by one space less; `string` is json's encoder of text."""
    if isinstance(value, str):
        return string(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    deeper = inner + " "
    if type(value) is dict:
        if not value:
            return "{}"
        if not all(type(k) is str for k in value):
            raise _NotPlain
        members = ",\n".join(f"{inner}{string(k)}: {_indented(v, deeper, string)}" for k, v in value.items())
        return "{\n" + members + "\n" + inner[:-1] + "}"
    if type(value) in (list, tuple):
        if not value:
            return "[]"
        members = ",\n".join(inner + _indented(v, deeper, string) for v in value)
        return "[\n" + members + "\n" + inner[:-1] + "]"
    raise _NotPlain


def _json_end(run: Run) -> str:
    """What follows the files in the JSON report: the summary and the schema errors."""
    summary = _dumped(run.summary.as_dict(), 1)
    errors = _dumped([valid_unicode(e) for e in run.schema_errors], 1)
    return f' "summary": {summary},\n "schema_errors": {errors}\n}}\n'


def _json_entry(r) -> dict:
    u = unicode_path
    return {
        "path": u(r.path),
        "valid": r.valid,
        "schema": u(r.schema),
        "schematron": [u(s) for s in r.schematron],
        "errors": [
            {
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "message": valid_unicode(p.message),
                "source": p.source,
                **({"file": u(p.path)} if p.path else {}),
            }
            for p in r.problems
        ],
    }


def as_junit(run: Run) -> str:
    suites, suite = _junit_suites(run)
    for r in run.results:
        _testcase(suite, r)
    _junit_errors(suite, run)
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


def _junit_suites(run: Run) -> tuple[etree._Element, etree._Element]:
    """The <testsuites> element and its one <testsuite>, with the run's totals."""
    s = run.summary
    suites = etree.Element(
        "testsuites",
        name="teikit validate",
        tests=str(s.files),
        failures=str(s.invalid),
        errors=str(len(run.schema_errors)),
        time=f"{s.seconds:.3f}",
    )
    suite = etree.SubElement(
        suites,
        "testsuite",
        name="teikit validate",
        tests=str(s.files),
        failures=str(s.invalid),
        errors=str(len(run.schema_errors)),
        skipped="0",
        time=f"{s.seconds:.3f}",
    )
    return suites, suite


def _testcase(suite: etree._Element, r: FileResult) -> None:
    path = one_line(r.path)
    case = etree.SubElement(suite, "testcase", classname=os.path.dirname(path) or ".", name=os.path.basename(path))
    errors = r.errors
    if errors:
        failure = etree.SubElement(
            case, "failure", type="invalid", message=f"{len(errors)} error(s); first: {one_line(errors[0].message)}"
        )
        failure.text = "\n".join(problem_line(r, p) for p in r.problems)
    elif r.problems:
        out = etree.SubElement(case, "system-out")
        out.text = "\n".join(problem_line(r, p) for p in r.problems)


def _junit_errors(suite: etree._Element, run: Run) -> None:
    for e in run.schema_errors:
        etree.SubElement(suite, "error", message=one_line(e))


FORMATS = {"text": as_text, "json": as_json, "junit": as_junit}


class Writer:
    """A report written to `out` as the results come: `add` each file's result in the order of
    the files, then `finish` with the run (its summary and schema errors; its results are not
    read). Holds counts, never the results."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def add(self, r: FileResult) -> None:
        raise NotImplementedError

    def finish(self, run: Run) -> None:
        raise NotImplementedError


class TextWriter(Writer):
    def __init__(self, out: IO[str]) -> None:
        super().__init__(out)
        self.schemas = _SchemaCount()

    def add(self, r: FileResult) -> None:
        self.schemas.add(r)
        for p in r.problems:
            self.out.write(problem_line(r, p) + "\n")

    def finish(self, run: Run) -> None:
        for e in run.schema_errors:
            self.out.write(f"schema error: {one_line(e)}\n")
        self.out.write(f"teikit validate: {run.summary.line()}; {one_line(self.schemas.text())}\n")


class JsonWriter(Writer):
    def __init__(self, out: IO[str]) -> None:
        super().__init__(out)
        self.files = 0

    def add(self, r: FileResult) -> None:
        self.out.write(('{\n "files": [\n  ' if not self.files else ",\n  ") + _dumped(_json_entry(r), 2))
        self.files += 1

    def finish(self, run: Run) -> None:
        self.out.write("\n ],\n" if self.files else '{\n "files": [],\n')
        self.out.write(_json_end(run))


class JunitWriter(Writer):
    """The test cases go to a temporary file as they come, each serialized as lxml indents it
    inside the whole document (two levels deep); `finish` writes the totals, copies the cases
    after them and closes the document."""

    _OPEN, _CLOSE = "<s>\n  <t>\n", "  </t>\n</s>\n"  # around a case serialized two levels deep

    def __init__(self, out: IO[str]) -> None:
        super().__init__(out)
        self.cases: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        self.count = 0

    def add(self, r: FileResult) -> None:
        holder = etree.Element("s")
        _testcase(etree.SubElement(holder, "t"), r)
        text = etree.tostring(holder, encoding="unicode", pretty_print=True)
        self.cases.write(text[len(self._OPEN) : -len(self._CLOSE)])
        self.count += 1

    def finish(self, run: Run) -> None:
        suites, suite = _junit_suites(run)
        if not self.count:
            _junit_errors(suite, run)
            self.out.write(etree.tostring(suites, encoding="unicode", pretty_print=True))
            self.cases.close()
            return
        etree.SubElement(suite, "cases")  # where the cases go: a line of its own, split on
        _junit_errors(suite, run)
        head, tail = etree.tostring(suites, encoding="unicode", pretty_print=True).split("    <cases/>\n")
        self.out.write(head)
        self.cases.seek(0)
        shutil.copyfileobj(self.cases, self.out)
        self.cases.close()
        self.out.write(tail)


WRITERS: dict[str, type[Writer]] = {"text": TextWriter, "json": JsonWriter, "junit": JunitWriter}
