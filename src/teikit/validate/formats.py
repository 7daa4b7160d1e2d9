"""Validation results as text lines, one JSON object, or JUnit XML."""

from __future__ import annotations

import json
import os

from lxml import etree

from . import Run


def as_text(run: Run) -> str:
    lines = []
    for r in run.results:
        for p in r.problems:
            lines.append(f"{p.path or r.path}:{p.line}:{p.column}: {p.severity}: {p.message}")
    for e in run.schema_errors:
        lines.append(f"schema error: {e}")
    lines.append(f"teikit validate: {run.summary.line()}")
    return "\n".join(lines) + "\n"


def as_json(run: Run) -> str:
    files = [{"path": r.path, "valid": r.valid, "schema": r.schema, "schematron": r.schematron,
              "errors": [{"line": p.line, "column": p.column, "severity": p.severity,
                          "message": p.message, "source": p.source,
                          **({"file": p.path} if p.path else {})} for p in r.problems]}
             for r in run.results]
    return json.dumps({"files": files, "summary": run.summary.as_dict(),
                       "schema_errors": run.schema_errors}, ensure_ascii=False, indent=1) + "\n"


def as_junit(run: Run) -> str:
    s = run.summary
    suites = etree.Element("testsuites", name="teikit validate", tests=str(s.files),
                           failures=str(s.invalid), errors=str(len(run.schema_errors)),
                           time=f"{s.seconds:.3f}")
    suite = etree.SubElement(suites, "testsuite", name="teikit validate", tests=str(s.files),
                             failures=str(s.invalid), errors=str(len(run.schema_errors)),
                             skipped="0", time=f"{s.seconds:.3f}")
    for r in run.results:
        case = etree.SubElement(suite, "testcase", classname=os.path.dirname(r.path) or ".",
                                name=os.path.basename(r.path))
        errors = r.errors
        if errors:
            failure = etree.SubElement(case, "failure", type="invalid",
                                       message=f"{len(errors)} error(s); first: {errors[0].message}")
            failure.text = "\n".join(f"{p.path or r.path}:{p.line}:{p.column}: {p.severity}: {p.message}"
                                     for p in r.problems)
        elif r.problems:
            out = etree.SubElement(case, "system-out")
            out.text = "\n".join(f"{r.path}:{p.line}:{p.column}: {p.severity}: {p.message}"
                                 for p in r.problems)
    for e in run.schema_errors:
        etree.SubElement(suite, "error", message=e)
    return etree.tostring(suites, encoding="unicode", pretty_print=True)


FORMATS = {"text": as_text, "json": as_json, "junit": as_junit}
