"""jing's JVM confined by the kernel (teikit.validate.confine, Linux Landlock), and the security
policy where the kernel cannot confine it."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from teikit.validate import TEIKIT_RNG, confine, jing
from teikit.validate.schemas import stage

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
INVALID = MINIMAL.replace("<head>One</head>", "<head>One</head><para/>")
CAT = shutil.which("cat")
SOFTWARE = [*confine.LIBRARY_FOLDERS, "/bin", "/usr/bin"]  # what cat, sh and ln load (and are read from)
landlock = pytest.mark.skipif(not confine.abi(), reason="the kernel offers no Landlock")


@pytest.fixture
def names(tmp_path):
    """A folder of names (as jing.py makes them) for a document beside a secret it must not lead to."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.xml").write_text("the document\n")
    (corpus / "secret.txt").write_text("the secret\n")
    folder = tmp_path / "names"
    folder.mkdir()
    os.symlink(corpus / "doc.xml", folder / "d0.xml")
    return folder, corpus


@landlock
def test_a_confined_program_reads_the_files_its_names_lead_to_and_nothing_beside_them(tmp_path, names):
    folder, corpus = names
    run = tmp_path / "run"
    run.mkdir()
    (run / "schema.rng").write_text("the schema\n")
    cmd = [CAT, str(folder / "d0.xml"), str(run / "schema.rng"), str(corpus / "secret.txt"), "/etc/hostname"]
    proc = subprocess.run(confine.command(cmd, [str(run), *SOFTWARE], str(folder)), capture_output=True, text=True)
    assert proc.stdout == "the document\nthe schema\n"
    assert "secret.txt: Permission denied" in proc.stderr and "/etc/hostname: Permission denied" in proc.stderr
    # unconfined, the same command reads them all
    assert "the secret" in subprocess.run(cmd, capture_output=True, text=True).stdout


@landlock
def test_a_name_made_after_the_grant_leads_nowhere(tmp_path, names):
    """The kernel grants the files the names lead to when the JVM starts: a name added, or
    pointed elsewhere, later reaches nothing."""
    folder, corpus = names
    script = f"ln -s {corpus / 'secret.txt'} {folder / 'd1.xml'} && exec {CAT} {folder / 'd0.xml'} {folder / 'd1.xml'}"
    proc = subprocess.run(
        confine.command(["/bin/sh", "-c", script], SOFTWARE, str(folder)),
        capture_output=True,
        text=True,
    )
    assert proc.stdout == "the document\n" and "d1.xml: Permission denied" in proc.stderr


@landlock
def test_a_name_that_leads_to_a_folder_grants_nothing_in_it(tmp_path, names):
    """A document replaced by a link to a folder after teikit chose it: the JVM reads nothing there."""
    folder, corpus = names
    os.symlink(corpus, folder / "d1.xml")
    cmd = [CAT, str(corpus / "doc.xml"), str(corpus / "secret.txt")]
    proc = subprocess.run(confine.command(cmd, SOFTWARE, str(folder)), capture_output=True, text=True)
    assert proc.stdout == "the document\n" and "secret.txt: Permission denied" in proc.stderr


def test_the_launcher_never_runs_a_command_it_cannot_confine(tmp_path):
    cmd = [CAT, "/etc/hostname"]
    proc = subprocess.run(confine.command(cmd, [], str(tmp_path / "no-such-folder")), capture_output=True, text=True)
    assert proc.returncode == confine.FAILED and confine.CANNOT in proc.stderr and proc.stdout == ""


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("a.xml", MINIMAL), ("b.xml", INVALID)):
        (folder / name).write_text(text, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    return [str(folder / "a.xml"), str(folder / "b.xml")], stage(TEIKIT_RNG, str(work / "schema")), str(work)


def _watched(monkeypatch, replace=None) -> list[list[str]]:
    runs: list[list[str]] = []
    real = jing._jing

    def run(cmd):
        runs.append(cmd)
        return real(replace(cmd) if replace else cmd)

    monkeypatch.setattr(jing, "_jing", run)
    return runs


def _assert_verdicts(outcome, files):
    assert outcome.checked == set(files) and not outcome.failed
    assert set(outcome.problems) == {files[1]}


@landlock
def test_where_landlock_is_offered_jing_runs_confined_without_the_security_manager(monkeypatch, docs):
    monkeypatch.setattr(jing, "_landlock_works", True)
    runs = _watched(monkeypatch)
    files, schema, work = docs
    _assert_verdicts(jing.run_jing(schema, files, work), files)
    (cmd,) = runs
    assert cmd[3] == confine.__file__ and "-Djava.security.manager" not in cmd
    assert jing.confinement() == "landlock"


def test_without_landlock_the_security_policy_confines_jing(monkeypatch, docs):
    monkeypatch.setattr(confine, "abi", lambda: 0)
    runs = _watched(monkeypatch)
    files, schema, work = docs
    _assert_verdicts(jing.run_jing(schema, files, work), files)
    assert confine.__file__ not in runs[0]
    if jing._sandbox_works:
        assert "-Djava.security.manager" in runs[0]


@landlock
def test_a_launcher_that_cannot_confine_leaves_jing_to_the_security_policy(monkeypatch, docs):
    """The launcher refuses (here: told of no names folder): no JVM runs unconfined; the files get
    jing's verdicts under the policy, which confines every later JVM of the process."""
    monkeypatch.setattr(jing, "_landlock_works", True)

    def broken(cmd):
        if cmd[3] != confine.__file__:
            return cmd
        at = cmd.index("--names")
        return cmd[: at + 1] + ["/nonexistent-teikit-names"] + cmd[at + 2 :]

    runs = _watched(monkeypatch, broken)
    files, schema, work = docs
    _assert_verdicts(jing.run_jing(schema, files, work), files)
    assert [cmd[3] == confine.__file__ for cmd in runs] == [True, False]
    assert not jing._landlock_works and jing.confinement() != "landlock"
