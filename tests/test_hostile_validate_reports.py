"""Hostile tests of the day's validation changes: jing's stops and libxml2's pre-read
(jing.run_jing), the report written as the results come (formats.WRITERS, the CLI's -o), and
a run that is stopped.

Each test failed on main when written; the fix is in the same commit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from teikit.cli import main
from teikit.validate import validate

MINIMAL = (ROOT / "tests" / "data" / "validate" / "minimal.xml").read_text(encoding="utf-8")
BROKEN = MINIMAL.replace("</TEI>", "")
# Valid, but deeper than libxml2's limit (256) without XML_PARSE_HUGE: jing reads it.
DEEP = MINIMAL.replace("A note.", '<hi rend="bold">' * 300 + "x" + "</hi>" * 300, 1)


@pytest.fixture
def other_grammar(tmp_path) -> Path:
    """teikit.rng under another name: jing, not libxml2, judges every file."""
    other = tmp_path / "schema" / "other.rng"
    other.parent.mkdir()
    other.write_text((ROOT / "schema" / "teikit.rng").read_text(encoding="utf-8") + "<!-- other -->\n")
    return other


# ---------------------------------------------------------------- jing's stops


def test_a_file_past_libxml2s_limits_has_jings_verdict_after_a_second_stop(tmp_path, other_grammar):
    """After jing's second stop libxml2 reads the files left first, to spare JVMs; a file it
    refuses only for its own limits (depth, a text node over 10 MB), which jing reads, kept
    libxml2's 'not well-formed' where alone, or elsewhere in the batch, jing judges it valid."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.xml").write_text(BROKEN)
    (docs / "b.xml").write_text(MINIMAL)
    (docs / "c.xml").write_text(BROKEN)
    (docs / "d-deep.xml").write_text(DEEP)
    (docs / "e.xml").write_text(BROKEN)
    alone = validate([docs / "d-deep.xml"], schema=str(other_grammar)).results[0]
    assert alone.valid, alone.problems
    run = validate([docs], schema=str(other_grammar))
    verdicts = {Path(r.path).name: r.valid for r in run.results}
    assert verdicts == {"a.xml": False, "b.xml": True, "c.xml": False, "d-deep.xml": True, "e.xml": False}


def test_files_in_a_wrong_encoding_after_a_second_stop_cost_no_jvm_each(tmp_path, other_grammar, jing_batches):
    """libxml2 refuses bytes that are not UTF-8 with an OSError when it reads the file by its
    path; the pre-read took that for a file it cannot open and gave each to jing again, one
    more JVM per file."""
    docs = tmp_path / "docs"
    docs.mkdir()
    expected = {}
    for i in range(12):
        name = f"f{i:02}.xml"
        if i % 2:
            (docs / name).write_bytes(MINIMAL.encode().replace(b"Kiev</placeName>", b"K\xffev</placeName>"))
            expected[name] = False
        else:
            (docs / name).write_text(MINIMAL)
            expected[name] = True
    run = validate([docs], schema=str(other_grammar))
    assert {Path(r.path).name: r.valid for r in run.results} == expected
    assert len(jing_batches) <= 3, [len(b) for b in jing_batches]
    assert all(p.line == 15 for r in run.results for p in r.errors)


def test_a_prolog_of_many_processing_instructions_is_read_in_linear_time(tmp_path):
    """read_prolog asked lxml for an event per processing instruction before the root, whose
    cost grows with the number before it: 40,000 took 12 s, the 200,000 of this 1 MB file some
    five minutes, 2,000,000 in 10 MB hours, before any engine ran."""
    doc = tmp_path / "doc.xml"
    model = '<?xml-model href="own.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>'
    doc.write_text('<?xml version="1.0"?>\n' + model + "<?p?>" * 200_000 + MINIMAL.split("\n", 1)[1])
    code = (
        "import sys; from teikit.validate.documents import read_prolog; "
        "p = read_prolog(sys.argv[1]); print([d.href for d in p.declared], p.has_doctype)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(doc)], capture_output=True, text=True, timeout=60, env=env
    )  # the timeout guards against a hang; it is no speed target
    assert proc.stdout.strip() == f"[{str(tmp_path / 'own.rng')!r}] False", proc.stderr


# ---------------------------------------------------------------- the report's path


def _validate_not_called(monkeypatch):
    import teikit.validate

    def refuse(*args, **kwargs):
        raise AssertionError("the run started before its report's path was checked")

    monkeypatch.setattr(teikit.validate, "validate", refuse)


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "in-folder"])
def test_a_report_written_over_an_input_is_refused_and_the_input_kept(tmp_path, capsys, how):
    doc = tmp_path / "doc.xml"
    doc.write_text(MINIMAL)
    report = doc
    given = [str(doc)]
    if how == "symlink":
        report = tmp_path / "report.xml"
        report.symlink_to(doc)
    elif how == "hardlink":
        report = tmp_path / "report.xml"
        os.link(doc, report)
    elif how == "in-folder":
        given = [str(tmp_path)]
    assert main(["validate", *given, "-o", str(report)]) == 2
    err = capsys.readouterr().err
    assert "input" in err and str(report) in err and "Traceback" not in err
    assert doc.read_text() == MINIMAL


@pytest.mark.parametrize("where", ["folder", "below-a-file"])
def test_a_report_path_that_cannot_be_written_is_refused_before_the_run(tmp_path, capsys, monkeypatch, where):
    doc = tmp_path / "doc.xml"
    doc.write_text(MINIMAL)
    if where == "folder":
        report = tmp_path / "reports"
        report.mkdir()
        said = "folder"
    else:
        report = tmp_path / "doc.xml" / "report.txt"
        said = "not a folder"
    _validate_not_called(monkeypatch)
    assert main(["validate", str(doc), "-o", str(report)]) == 2
    err = capsys.readouterr().err
    assert said in err and str(report) in err and "Traceback" not in err
    assert doc.read_text() == MINIMAL


def test_a_report_in_a_folder_teikit_may_not_write_is_refused_before_the_run():
    """Root may write anywhere: when the tests run as root, the run drops to `nobody` once
    teikit is imported. The report was found unwritable only after the whole run."""
    import shutil
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="teikit-perm-", dir="/tmp"))
    try:
        os.chmod(base, 0o755)
        doc = base / "doc.xml"
        doc.write_text(MINIMAL)
        os.chmod(doc, 0o644)
        locked = base / "locked"
        locked.mkdir()
        os.chmod(locked, 0o555)
        report = locked / "report.txt"
        script = (
            "import os, sys\n"
            "import teikit.cli, teikit.validate, teikit.validate.formats, teikit.xmlio\n"
            "def refuse(*a, **k):\n"
            "    raise SystemExit('the run started before its report was checked')\n"
            "teikit.validate.validate = refuse\n"
            "if os.geteuid() == 0:\n"
            "    os.setgid(65534); os.setuid(65534)\n"
            f"sys.exit(teikit.cli.main(['validate', {str(doc)!r}, '-o', {str(report)!r}]))\n"
        )
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr == f"teikit: error: {report}: cannot be written: no permission to write in {locked}\n"
    finally:
        os.chmod(base / "locked", 0o755)
        shutil.rmtree(base)


def test_a_report_in_a_missing_folder_is_written_there(tmp_path, capsys):
    doc = tmp_path / "doc.xml"
    doc.write_text(MINIMAL)
    report = tmp_path / "new" / "sub" / "report.json"
    assert main(["validate", "--format", "json", str(doc), "-o", str(report)]) == 0
    assert json.loads(report.read_text())["summary"]["valid"] == 1


# ---------------------------------------------------------------- the writers


@pytest.mark.parametrize("char", ["\ufffe", "\uffff"])
def test_a_file_named_with_a_noncharacter_keeps_every_report_well_formed(tmp_path, capsys, char):
    """U+FFFE and U+FFFF are valid in a Linux file name and in UTF-8, not in XML: lxml refused
    them in the JUnit report's attributes (a ValueError, a traceback, no report)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / f"a{char}.xml").write_text(MINIMAL)
    (docs / f"b{char}.xml").write_text(MINIMAL.replace("<p>", "<para>", 1).replace("</p>", "</para>", 1))
    for fmt in ("junit", "json", "text"):
        report = tmp_path / f"report.{fmt}"
        assert main(["validate", "--format", fmt, str(docs), "-o", str(report)]) == 1, capsys.readouterr().err
        data = report.read_bytes()
        if fmt == "junit":
            suites = etree.fromstring(data)
            names = [c.get("name") for c in suites.iter("testcase")]
            assert names == [f"a\\u{ord(char):04x}.xml", f"b\\u{ord(char):04x}.xml"]
            assert len(suites.findall(".//failure")) == 1
        elif fmt == "json":
            files = json.loads(data.decode("utf-8"))["files"]
            assert [Path(f["path"]).name for f in files] == [f"a{char}.xml", f"b{char}.xml"]
        else:
            text = data.decode("utf-8")
            assert f"b\\u{ord(char):04x}.xml:" in text and char not in text


# ---------------------------------------------------------------- files that are not files


def test_a_named_pipe_given_by_name_is_an_error_not_a_hang(tmp_path):
    pipe = tmp_path / "pipe.xml"
    os.mkfifo(pipe)
    # A shell without job control starts its background commands with SIGINT ignored, and a
    # process keeps that for its children (as nohup does): teikit, started so, rightly stays
    # deaf to Ctrl-C. The run under test is one a person can interrupt, whatever ran pytest.
    code = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from teikit.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code, "validate", str(pipe)], capture_output=True, text=True, timeout=60, env=env
    )
    assert proc.returncode == 2
    assert str(pipe) in proc.stderr and "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


# ---------------------------------------------------------------- a run that is stopped


@pytest.mark.parametrize("sig, status", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)])
def test_a_stopped_run_ends_its_jvm_and_leaves_no_temporary_files_and_no_report(tmp_path, other_grammar, sig, status):
    """SIGTERM (a supervisor, `timeout`, a cancelled CI job) ended the process at once: the
    run's temporary folder (the staged schema, a link to every file, any sanitized copies)
    stayed, and jing's JVM ran on without its parent. SIGINT sent to teikit alone (not to its
    process group, as Ctrl-C does) waited for jing to judge every file it had. Here `java` is a
    JVM that never finishes: the run must end it, not wait for it."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(10):
        (docs / f"f{i}.xml").write_text(MINIMAL)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text("#!/bin/sh\nexec sleep 300\n")
    java.chmod(0o755)
    temp = tmp_path / "tmp"
    temp.mkdir()
    report = tmp_path / "report.txt"
    # A shell without job control starts its background commands with SIGINT ignored, and a
    # process keeps that for its children (as nohup does): teikit, started so, rightly stays
    # deaf to Ctrl-C. The run under test is one a person can interrupt, whatever ran pytest.
    code = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from teikit.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "TMPDIR": str(temp),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
    }
    argv = [sys.executable, "-c", code, "validate", "--schema", str(other_grammar), str(docs), "-o", str(report)]
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    jvm = None
    deadline = time.monotonic() + 60
    while jvm is None and time.monotonic() < deadline and proc.poll() is None:
        found = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        jvm = int(found[0]) if found else None
        time.sleep(0.05)
    assert jvm is not None, "jing never started"
    proc.send_signal(sig)
    try:
        _, err = proc.communicate(timeout=60)  # a guard against a hang, not a speed target
    finally:
        if proc.poll() is None:
            proc.kill()
        subprocess.run(["kill", "-9", str(jvm)], capture_output=True)
    assert proc.returncode == status, err
    assert "Traceback" not in err
    assert not report.exists() and list(tmp_path.glob("report.txt*")) == []
    assert list(temp.iterdir()) == []
    assert not Path(f"/proc/{jvm}").exists()
