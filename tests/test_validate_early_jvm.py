"""jing's JVM started before the files' prologs are read (jing.start_early): the same verdicts,
messages and schema errors as a JVM started once they are known, every file given to it that
would have been, and a JVM given no file ended, nothing of it left behind."""

import os
import subprocess
from pathlib import Path

import pytest

from teikit.validate import jing, validate

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
INVALID = MINIMAL.replace("<p>", "<para>", 1).replace("</p>", "</para>", 1)
BROKEN = MINIMAL.replace("</TEI>", "")  # not well-formed: jing stops there
DOCTYPE = MINIMAL.replace("<TEI", '<!DOCTYPE TEI [<!ENTITY e "x">]>\n<TEI', 1)  # never given to jing as it is


def _schema(tmp_path: Path) -> str:
    """teikit.rng by another name: jing, not libxml2, judges every file."""
    other = tmp_path / "schema" / "other.rng"
    other.parent.mkdir()
    other.write_text((ROOT / "schema" / "teikit.rng").read_text(encoding="utf-8") + "<!-- other -->\n")
    return str(other)


def _docs(tmp_path: Path, texts: list[str]) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, text in enumerate(texts):
        (docs / f"f{i:02}.xml").write_text(text)
    return docs


def _report(run) -> tuple:
    return (
        [
            (Path(r.path).name, r.valid, [(p.line, p.column, p.severity, p.source, p.message) for p in r.problems])
            for r in run.results
        ],
        run.schema_errors,
    )


@pytest.fixture
def early_runs(monkeypatch) -> list[list[str]]:
    """The files each JVM started early was given (Opened.run)."""
    given: list[list[str]] = []
    real = jing.Opened.run
    monkeypatch.setattr(jing.Opened, "run", lambda self, files: given.append(list(files)) or real(self, files))
    return given


@pytest.fixture
def names_folder(tmp_path, monkeypatch) -> Path:
    """The memory folder the documents' names are made in, the test's own (empty at the end)."""
    folder = tmp_path / "shm"
    folder.mkdir()
    monkeypatch.setattr(jing, "MEMORY_FOLDERS", (str(folder),))
    return folder


def test_files_given_to_a_jvm_started_early_get_the_verdicts_of_one_started_late(
    tmp_path, monkeypatch, early_runs, names_folder, request
):
    texts = [
        MINIMAL,
        INVALID,
        BROKEN,
        MINIMAL,
        DOCTYPE,
        INVALID,
        BROKEN,
        BROKEN,
        MINIMAL,
        DOCTYPE.replace("<p>", "<para>"),
    ]
    docs, schema = _docs(tmp_path, texts), _schema(tmp_path)
    early = validate([docs], schema=schema)
    (given,) = early_runs  # one JVM started early, given every file without a DOCTYPE
    assert [Path(f).name for f in given] == [
        f"f{i:02}.xml" for i, t in enumerate(texts) if t is not DOCTYPE and "DOCTYPE" not in t
    ]
    assert os.listdir(names_folder) == []
    request.getfixturevalue("late_jvm")
    late = validate([docs], schema=schema)
    assert _report(early) == _report(late)
    assert [r.valid for r in early.results] == [True, False, False, True, True, False, False, False, True, False]


def test_a_jvm_started_early_that_gets_no_file_is_ended(tmp_path, monkeypatch, early_runs, names_folder):
    docs, schema = _docs(tmp_path, [DOCTYPE, DOCTYPE.replace("<p>", "<para>")]), _schema(tmp_path)
    started: list = []
    real = jing.start_early
    monkeypatch.setattr("teikit.validate.start_early", lambda *args: started.append(real(*args)) or started[-1])
    run = validate([docs], schema=schema)
    assert [r.valid for r in run.results] == [True, False]
    assert early_runs == [] and len(started) == 1 and started[0] is not None
    assert started[0].proc.returncode is not None  # ended, not left waiting at its gate
    assert os.listdir(names_folder) == []


def test_a_schema_jing_cannot_load_gives_the_same_errors_started_early_or_late(
    tmp_path, monkeypatch, early_runs, names_folder, request
):
    # Well-formed RELAX NG that refers to a pattern it never defines: staged, refused by jing.
    schema = tmp_path / "bad.rng"
    schema.write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nowhere"/></start></grammar>'
    )
    docs = _docs(tmp_path, [MINIMAL, INVALID])
    early = validate([docs], schema=str(schema))
    assert len(early_runs) == 1 and early.schema_errors
    request.getfixturevalue("late_jvm")
    late = validate([docs], schema=str(schema))
    assert _report(early) == _report(late)
    assert not any(r.valid for r in early.results)


@pytest.mark.parametrize(
    "returncode, stdout, stderr",
    [
        (1, "", 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space'),
        (137, "", ""),  # killed
        (1, "", ""),  # failed, saying nothing
        (0, "fatal: file not found: x.xml\n", ""),
    ],
)
def test_what_a_jvm_started_early_cannot_account_for_is_no_verdict(
    tmp_path, monkeypatch, early_runs, returncode, stdout, stderr
):
    # Every run of jing says the same (the early one and those of the halves after it).
    def said(cmd):
        return subprocess.CompletedProcess(cmd, returncode, stdout, stderr)

    def ended(self, proc):
        proc.wait()
        return said(proc.args)

    monkeypatch.setattr(jing.Opened, "_ended", ended)
    monkeypatch.setattr(jing, "_jing", said)
    docs, schema = _docs(tmp_path, [MINIMAL, MINIMAL]), _schema(tmp_path)
    run = validate([docs], schema=schema)
    assert len(early_runs) == 1
    assert [r.valid for r in run.results] == [False, False]
    assert all("no RELAX NG verdict" in r.errors[0].message for r in run.results)


def test_a_jvm_started_early_that_refuses_the_security_manager_is_replaced(tmp_path, monkeypatch, early_runs):
    """A Java without a security manager (24 and later) ends before it reads the gate: the files
    run in a JVM of their own, without the policy, as any run on such a Java."""
    real = jing.Opened._ended

    def refused(self, proc):
        done = real(self, proc)
        return subprocess.CompletedProcess(done.args, 1, "", "Error: " + jing._NO_SANDBOX)

    monkeypatch.setattr(jing.Opened, "_ended", refused)
    monkeypatch.setattr(jing, "_sandbox_works", True)
    docs, schema = _docs(tmp_path, [MINIMAL, INVALID]), _schema(tmp_path)
    run = validate([docs], schema=schema)
    assert len(early_runs) == 1 and jing._sandbox_works is False
    assert [r.valid for r in run.results] == [True, False]
