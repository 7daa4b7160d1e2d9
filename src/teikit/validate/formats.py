"""Validation results as text lines, one JSON object, or JUnit XML.

Every format is valid UTF-8 whatever the files are called or say:
- a file name that is not UTF-8 (os.fsdecode gives lone surrogates) is shown
  with its bytes escaped, `\\xff`;
- in the text format (and in the text of JUnit failures, which repeats it), a
  message or a path never holds a raw newline or other control character: they
  are escaped (`\\n`, `\\x1b`, and a backslash as `\\\\`), so that a
  document cannot forge a report line;
- JSON escapes control characters itself; JUnit XML is an XML document, so
  characters XML cannot hold are escaped as in the text format.
"""

from __future__ import annotations

import os
import re

from lxml import etree

from . import Run

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\\]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def unicode_path(path: str | None) -> str | None:
    """A path as valid Unicode: bytes that were not UTF-8 become \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace") if path else path


def one_line(text: str) -> str:
    """`text` on one line: control characters and backslashes escaped."""
    text = _CONTROL.sub(
        lambda m: _NAMED.get(
            m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )
    return _unicode(text)


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
    grammars: dict[str, int] = {}
    rules: dict[str, int] = {}
    for r in run.results:
        name = os.path.basename(r.schema) if r.schema else "none declared"
        grammars[name] = grammars.get(name, 0) + 1
        for s in r.schematron:
            rules[os.path.basename(s)] = rules.get(os.path.basename(s), 0) + 1
    part = ", ".join(f"{k} ({v})" for k, v in grammars.items())
    text = f"RELAX NG: {part}"
    if rules:
        text += "; Schematron: " + ", ".join(f"{k} ({v})" for k, v in rules.items())
    return unicode_path(text) or text


def as_json(run: Run) -> str:
    """One JSON object: the files, the summary, the schema errors (indented by one space).

    Written a file at a time (each file's entry made, dumped and dropped), not as one object
    dumped whole: the same text, but the objects of every file are never held at once
    (10,000 files: a peak of 13.3 MiB above the results, the 1.6 MiB text included, -> 4.8 MiB).
    Nested values are indented by prefixing their lines: JSON text holds no raw newline."""
    import json  # here: the text format, the usual one, does without it

    def dumped(value, depth: int) -> str:
        return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)

    entries = [f"  {dumped(_json_entry(r), 2)}" for r in run.results]
    files = "[\n" + ",\n".join(entries) + "\n ]" if entries else "[]"
    del entries
    summary = dumped(run.summary.as_dict(), 1)
    errors = dumped([_unicode(e) for e in run.schema_errors], 1)
    return f'{{\n "files": {files},\n "summary": {summary},\n "schema_errors": {errors}\n}}\n'


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
                "message": _unicode(p.message),
                "source": p.source,
                **({"file": u(p.path)} if p.path else {}),
            }
            for p in r.problems
        ],
    }


def _unicode(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def as_junit(run: Run) -> str:
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
    for r in run.results:
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
    for e in run.schema_errors:
        etree.SubElement(suite, "error", message=one_line(e))
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


FORMATS = {"text": as_text, "json": as_json, "junit": as_junit}
