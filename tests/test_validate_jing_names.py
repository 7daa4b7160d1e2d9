"""Where jing's documents are named (jing.py): a memory folder when there is one, else the run's
folder; either way every file gets jing's own verdict and nothing is left behind."""

import errno
import os
from pathlib import Path

import pytest

from teikit.validate import TEIKIT_RNG, jing, validate
from teikit.validate.schemas import stage

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
INVALID = MINIMAL.replace("<head>One</head>", "<head>One</head><para/>")


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("a.xml", MINIMAL), ("b.xml", INVALID), ("c.xml", MINIMAL)):
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / n) for n in ("a.xml", "b.xml", "c.xml")]


@pytest.fixture
def staged(tmp_path):
    """teikit.rng staged in a run's folder, as validate stages it for jing."""
    work = tmp_path / "work"
    work.mkdir()
    return stage(TEIKIT_RNG, str(work / "schema")), str(work)


def _commands(monkeypatch, policies: list[str] | None = None) -> list[list[str]]:
    """The JVMs' command lines as run (and in `policies` the text of their policies, read while
    they exist)."""
    runs: list[list[str]] = []
    real = jing._jing

    def recorded(cmd):
        runs.append(cmd)
        for arg in cmd:
            if arg.startswith("-Djava.security.policy==") and policies is not None:
                policies.append(Path(arg.split("==", 1)[1]).read_text(encoding="utf-8"))
        return real(cmd)

    monkeypatch.setattr(jing, "_jing", recorded)
    return runs


def _assert_verdicts(outcome, docs):
    assert outcome.checked == set(docs) and not outcome.failed
    assert set(outcome.problems) == {docs[1]}
    assert any('element "para" not allowed' in p[3] for p in outcome.problems[docs[1]])


def test_names_made_in_a_memory_folder_are_granted_and_removed(tmp_path, monkeypatch, docs, staged):
    memory = tmp_path / "memory"  # stands for /dev/shm: any folder teikit may write in
    memory.mkdir()
    monkeypatch.setattr(jing, "MEMORY_FOLDERS", (str(memory),))
    policies: list[str] = []
    runs = _commands(monkeypatch, policies)
    schema, work = staged
    _assert_verdicts(jing.run_jing(schema, docs, work), docs)
    cmd = runs[-1]
    names = cmd[-len(docs) :]
    assert all(n.startswith(str(memory) + os.sep) for n in names)
    if jing._sandbox_works:  # the policy grants the run's folder and the names' folder, no more
        (policy,) = policies
        granted = {line.split('"')[1] for line in policy.splitlines() if "FilePermission" in line}
        assert granted == {f"{work}/-", f"{os.path.dirname(os.path.dirname(names[0]))}/-"}
    assert list(memory.iterdir()) == []  # the run's names and policy are gone
    assert list(Path(work).glob("in*")) == []


def test_without_a_memory_folder_the_names_are_made_in_the_runs_folder(tmp_path, monkeypatch, docs, staged):
    monkeypatch.setattr(jing, "MEMORY_FOLDERS", (str(tmp_path / "nowhere"),))
    runs = _commands(monkeypatch)
    schema, work = staged
    _assert_verdicts(jing.run_jing(schema, docs, work), docs)
    assert all(n.startswith(work + os.sep) for n in runs[0][-len(docs) :])
    assert list(Path(work).glob("in*")) == []


def test_a_memory_folder_that_refuses_the_names_is_left_for_the_runs_folder(tmp_path, monkeypatch, docs, staged):
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(jing, "MEMORY_FOLDERS", (str(memory),))
    real = os.symlink

    def full(src, dst, *a, **kw):  # the memory file system is full after the first name
        if str(dst).startswith(str(memory)) and str(dst).endswith("d1.xml"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(jing.os, "symlink", full)
    runs = _commands(monkeypatch)
    schema, work = staged
    _assert_verdicts(jing.run_jing(schema, docs, work), docs)
    (cmd,) = runs
    assert all(n.startswith(work + os.sep) for n in cmd[-len(docs) :])
    assert list(memory.iterdir()) == []
    assert list(Path(work).glob("in*")) == []


def test_a_whole_run_judged_by_jing_with_its_names_in_a_memory_folder(tmp_path, monkeypatch, docs):
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(jing, "MEMORY_FOLDERS", (str(memory),))
    other = tmp_path / "other.rng"  # not teikit's own grammar: jing, not libxml2, judges
    other.write_text(Path(TEIKIT_RNG).read_text(encoding="utf-8") + "<!-- other -->\n", encoding="utf-8")
    run = validate([Path(docs[0]).parent], schema=str(other))
    assert [(Path(r.path).name, r.valid) for r in run.results] == [("a.xml", True), ("b.xml", False), ("c.xml", True)]
    assert list(memory.iterdir()) == []


@pytest.mark.parametrize("part, valid", [("<p>Included.</p>", True), ("<para>Included.</para>", False)])
def test_a_file_given_to_jing_before_it_was_searched_for_xincludes_is_judged_included(tmp_path, part, valid):
    """A file with no Schematron to run goes to jing on its prolog alone, and is searched for
    XIncludes (declared below its root) while jing runs: one that includes is then judged with
    its inclusions, not by what jing said of it as it stands."""
    other = tmp_path / "other.rng"  # not teikit's own grammar: jing, not libxml2, judges
    other.write_text(Path(TEIKIT_RNG).read_text(encoding="utf-8") + "<!-- other -->\n", encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "part.xml").write_text(part.replace(">", ' xmlns="http://www.tei-c.org/ns/1.0">', 1), encoding="utf-8")
    include = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="part.xml"/>'
    (folder / "whole.xml").write_text(MINIMAL.replace("<head>One</head>", "<head>One</head>" + include))
    (folder / "plain.xml").write_text(MINIMAL, encoding="utf-8")
    results = {Path(r.path).name: r for r in validate([folder], schema=str(other)).results}
    assert results["plain.xml"].valid
    assert results["whole.xml"].valid is valid
    if not valid:
        assert any('element "para" not allowed' in p.message for p in results["whole.xml"].errors)
