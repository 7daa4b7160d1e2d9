"""Reports written as the results come (formats.WRITERS, validate(on_result=...)) are the
whole-run reports (formats.FORMATS) byte for byte; the CLI writes them so."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from teikit.cli import main
from teikit.validate import Run, Summary, validate
from teikit.validate.formats import FORMATS, WRITERS

DATA = ROOT / "tests" / "data" / "validate"
MINIMAL = (DATA / "minimal.xml").read_text(encoding="utf-8")


def _folder(tmp_path: Path) -> Path:
    """Valid files, an invalid one with two errors, an unparsable one, a name with a control
    character, and the `odd` documents: Schematron warnings, declared schemas that are missing
    or remote (schema errors of the run)."""
    folder = tmp_path / "docs"
    shutil.copytree(DATA / "odd", folder / "odd")
    (folder / "good.xml").write_text(MINIMAL, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "good2.xml").write_text(MINIMAL, encoding="utf-8")
    twice = MINIMAL.replace("<head>One</head>", "<head>One</head><para/><para/>", 1)
    assert twice != MINIMAL
    (folder / "invalid.xml").write_text(twice, encoding="utf-8")
    (folder / "unparsable.xml").write_text(MINIMAL[: len(MINIMAL) // 2], encoding="utf-8")
    (folder / "odd\x1bname.xml").write_text(MINIMAL.replace("<head>One</head>", "<para/>", 1), encoding="utf-8")
    return folder


def _streamed(fmt: str, run: Run, results) -> str:
    out = io.StringIO()
    writer = WRITERS[fmt](out)
    for r in results:
        writer.add(r)
    writer.finish(run)
    return out.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return _folder(tmp_path_factory.mktemp("stream"))


def test_the_folder_holds_every_kind_of_result(folder):
    run = validate([folder])
    assert run.summary.valid and run.summary.invalid and run.summary.warnings
    assert run.schema_errors
    assert any(len(r.errors) == 2 for r in run.results)
    assert any(p.message.startswith("not well-formed") for r in run.results for p in r.problems)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_streamed_report_is_the_whole_run_report(folder, fmt):
    run = validate([folder])
    streamed = _streamed(fmt, run, run.results)
    assert streamed == FORMATS[fmt](run)
    # what the CLI does: the results handed on as they come, the run keeping none of them
    seen = []
    out = io.StringIO()
    writer = WRITERS[fmt](out)
    again = validate([folder], on_result=lambda r: (seen.append(r.path), writer.add(r)))
    assert again.results == [] and seen == [r.path for r in run.results]
    assert again.schema_errors == run.schema_errors
    again.summary.seconds = run.summary.seconds  # the one figure that differs from run to run
    assert again.summary == run.summary
    writer.finish(again)
    assert out.getvalue() == FORMATS[fmt](run)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_cli_report_is_the_whole_run_report(folder, tmp_path, capsys, fmt):
    report = tmp_path / f"report.{fmt}"
    assert main(["validate", str(folder), "--format", fmt, "-o", str(report)]) == 2
    written = report.read_text(encoding="utf-8")
    assert main(["validate", str(folder), "--format", fmt]) == 2
    printed = capsys.readouterr().out
    run = validate([folder])
    for text in (written, printed):
        seconds = _seconds(text, fmt)
        run.summary.seconds = seconds
        assert text == FORMATS[fmt](run)


def _seconds(text: str, fmt: str) -> float:
    """The run's time as the report gives it (rounded as it shows it)."""
    import json
    import re

    if fmt == "json":
        return json.loads(text)["summary"]["seconds"]
    if fmt == "junit":
        return float(re.search(r'time="([0-9.]+)"', text).group(1))
    return float(re.search(r"; ([0-9.]+) s; RELAX NG", text).group(1))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("errors", [[], ["x.rng: cannot read the schema"]])
def test_a_run_of_no_files_streams_as_it_formats(fmt, errors):
    run = Run([], Summary(), errors)
    assert _streamed(fmt, run, []) == FORMATS[fmt](run)


def test_batches_hand_on_their_results_in_the_order_of_the_files(tmp_path):
    for i in range(120):
        text = MINIMAL if i % 7 else MINIMAL.replace("<head>One</head>", "<head>One</head><para/>")
        (tmp_path / f"f{i:03}.xml").write_text(text, encoding="utf-8")
    whole = validate([tmp_path], jobs=2)
    seen = []
    streamed = validate([tmp_path], jobs=2, on_result=seen.append)
    assert streamed.results == [] and streamed.summary.invalid == whole.summary.invalid == 18
    assert [(r.path, r.problems) for r in seen] == [(r.path, r.problems) for r in whole.results]


def test_json_values_are_written_as_the_json_module_writes_them(folder):
    """formats._dumped writes the report's values itself: the same text as json.dumps with
    one space a level (the reports of tests/data/validate/odd and the others, and values
    that go to json: a float, a key that is not text)."""
    import json

    from teikit.validate.formats import _dumped, _json_entry

    run = validate([folder])
    values: list = [_json_entry(r) for r in run.results] + [run.summary.as_dict(), run.schema_errors]
    values += [[], {}, [[], {}, [1, [2, {"a": None}]]], 'é\x1b"\\\n\udcff', -7, True, {"x": 1.5}, {1: "a"}]
    assert any(entry["errors"] for entry in values[:-8])  # problems, with files and lines, among them
    for value in values:
        for depth in (0, 1, 2):
            expected = json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * depth)
            assert _dumped(value, depth) == expected
