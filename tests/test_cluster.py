"""Batch work run locally and on a Dask cluster (issue 19): the same verdicts, the same outputs.

A LocalCluster of two worker processes stands in for a cluster. A distributed validation
must give the same results, in the same report formats, as a local one; a distributed batch
conversion the same files, byte for byte. Then the same again with a worker killed while it
runs a batch: the scheduler gives the batch to another worker, and no file is counted twice
or lost.

The kill is made deterministic by wrapping the batch function (`_dies_once`): the first
batch to start records its worker's process id and waits; the test kills that process
(SIGKILL, as the kernel's OOM killer or a lost machine would); the batch's rerun elsewhere
finds the record and runs normally.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import cloudpickle
import pytest
from distributed import LocalCluster

import fresh_batches  # batch functions a fresh worker imports quickly
import teikit.validate as validate_module
from teikit import cluster
from teikit.cli import main
from teikit.convert.batch import BATCH_REPORT, convert_many, expand_inputs
from teikit.validate import TEIKIT_SCH, validate
from teikit.validate.formats import FORMATS

# The wrapper below travels to the workers by value (they cannot import this test module).
cloudpickle.register_pickle_by_value(sys.modules[__name__])

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
MINIMAL = (DATA / "validate" / "minimal.xml").read_text(encoding="utf-8")
INVALID = MINIMAL.replace("<head>One</head>", "<head>One</head><para/>")
BOOKS = ["garden.txt", "lighthouse.txt", "play.txt"]


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def _dies_once(marker: str, fn, *args, **kwargs):
    """Run fn, except in the first batch to get here: that one records its process and waits
    to be killed. The record is made with O_EXCL, so that only one batch waits."""
    try:
        os.close(os.open(marker + ".lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return fn(*args, **kwargs)
    with open(marker + ".tmp", "w") as fh:
        fh.write(str(os.getpid()))
    os.replace(marker + ".tmp", marker)
    time.sleep(120)  # killed here
    raise RuntimeError("the worker was not killed")


@pytest.fixture
def kill_first_batch(tmp_path, monkeypatch):
    """Make the next cluster run lose the worker running its first batch; yields the list of
    killed process ids (filled when the kill happened)."""
    marker = str(tmp_path / "slow-batch.pid")
    real = cluster.map_batches
    killed: list[int] = []

    def wrapped(fn, batches, **kw):
        return real(functools.partial(_dies_once, marker, fn), batches, **kw)

    def killer():
        for _ in range(1200):
            if os.path.exists(marker):
                pid = int(Path(marker).read_text())
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.05)

    monkeypatch.setattr(cluster, "map_batches", wrapped)
    thread = threading.Thread(target=killer, daemon=True)
    thread.start()
    yield killed
    thread.join(timeout=1)


def _corpus(folder: Path, n: int = 120) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"f{i:03}.xml").write_text(INVALID if i % 7 == 0 else MINIMAL, encoding="utf-8")
    (folder / "broken.xml").write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    return folder


def _reports(run) -> dict[str, str]:
    run.summary.seconds = 0.0  # the one figure that differs from run to run
    return {name: fmt(run) for name, fmt in FORMATS.items()}


def test_batch_sizes_cover_every_item_and_balance_the_workers():
    assert cluster.batch_size(10_000, 2, smallest=50, largest=2000) == 1667  # 6 batches, 3 rounds of 2
    assert cluster.batch_size(10_000, 2, smallest=50, largest=5000) == 2500  # 2 rounds of 2
    assert cluster.batch_size(120, 2, smallest=50, largest=2000) == 50
    assert cluster.batch_size(3, 4, smallest=50, largest=2000) == 50
    items = list(range(1001))
    parts = cluster.split(items, cluster.batch_size(len(items), 3, smallest=10, largest=100))
    assert [x for p in parts for x in p] == items


def _square_all(batch):
    return [x * x for x in batch]


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_batches_locally_yields_every_batch_once(jobs):
    batches = cluster.split(list(range(50)), 7)
    got = dict(cluster.map_batches(_square_all, batches, jobs=jobs))
    assert sorted(got) == list(range(len(batches)))
    assert [x for i in sorted(got) for x in got[i]] == [x * x for x in range(50)]


def _pid_and_squares(batch):
    if -1 in batch:
        raise ValueError("a batch that cannot run")
    return os.getpid(), [x * x for x in batch]


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs (a zombie, whose memory is gone, does not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.parametrize("jobs", [1, 2])
def test_fresh_batches_each_run_in_a_process_that_ends_with_it(jobs):
    batches = cluster.split(list(range(20)), 4)
    got = {}
    for i, (pid, squares) in cluster.map_batches(_pid_and_squares, batches, jobs=jobs, fresh=True):
        assert not _alive(pid)  # ended before its result is yielded: its memory is returned
        got[i] = (pid, squares)
    assert sorted(got) == list(range(len(batches)))
    pids = {pid for pid, _ in got.values()}
    assert len(pids) == len(batches) and os.getpid() not in pids
    assert [x for i in sorted(got) for x in got[i][1]] == [x * x for x in range(20)]
    with pytest.raises(ValueError, match="cannot run"):
        list(cluster.map_batches(_pid_and_squares, [[1], [-1], [2]], jobs=jobs, fresh=True))


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def test_a_fresh_batch_runs_in_a_new_interpreter_with_nothing_beside_it(capfd):
    # Each worker is a child of this process, started for its batch alone: no fork server
    # and no resource tracker (processes a pool keeps beside its workers for the whole run).
    before = _children(os.getpid())
    seen: list[set[int]] = []

    def watch(stop: threading.Event) -> None:
        while not stop.is_set():
            seen.append(_children(os.getpid()) - before)
            time.sleep(0.005)

    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(stop,))
    watcher.start()
    try:
        got = dict(cluster.map_batches(fresh_batches.chatty_pid, ["a", "b", "c"], jobs=2, fresh=True))
    finally:
        stop.set()
        watcher.join()
    pids = {pid for pid, _, _ in got.values()}
    assert len(pids) == 3 and all(parent == os.getpid() for _, parent, _ in got.values())
    assert all(modules == [] for _, _, modules in got.values())  # multiprocessing never imported
    assert capfd.readouterr().out == ""  # what a batch prints goes to standard error
    assert all(now <= pids for now in seen), "a process other than a batch's worker was started"
    assert all(len(now) <= 2 for now in seen)  # jobs=2 at a time


def test_a_fresh_worker_that_is_killed_stops_the_run_with_a_clear_error():
    with pytest.raises(cluster.TeikitError, match="worker process ended with signal 9"):
        list(cluster.map_batches(fresh_batches.killed, ["a", "die", "b"], jobs=1, fresh=True))
    assert dict(cluster.map_batches(fresh_batches.killed, ["a", "b"], fresh=True)) == {0: "a", 1: "b"}


def test_an_exception_that_cannot_travel_reaches_the_caller_by_name():
    with pytest.raises(cluster.TeikitError, match=r"Unpicklable: batch 7 failed"):
        list(cluster.map_batches(fresh_batches.raises_unpicklable, [7], fresh=True))


def test_the_cluster_address_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(cluster.ENV_VAR, "tcp://example:8786")
    assert cluster.dask_address(None) == "tcp://example:8786"
    assert cluster.dask_address("tcp://given:1") == "tcp://given:1"
    monkeypatch.setenv(cluster.ENV_VAR, "")
    assert cluster.dask_address(None) is None


def test_an_unreachable_cluster_is_one_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    corpus = _corpus(tmp_path / "docs", 3)
    assert main(["validate", str(corpus), "--dask", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("teikit: error: tcp://127.0.0.1:9: cannot reach the Dask scheduler"), err
    assert "Traceback" not in err


def test_distributed_validation_gives_the_local_verdicts_and_reports(tmp_path, scheduler):
    corpus = _corpus(tmp_path / "docs")
    local = validate([corpus], schematron=TEIKIT_SCH)
    remote = validate([corpus], schematron=TEIKIT_SCH, dask=scheduler)
    assert local.summary.files == remote.summary.files == 121
    assert local.summary.invalid == remote.summary.invalid == 19  # 18 grammar errors, 1 not well-formed
    assert _reports(remote) == _reports(local)
    two = validate([corpus], schematron=TEIKIT_SCH, jobs=2)
    assert _reports(two) == _reports(local)


def test_distributed_validation_survives_a_killed_worker(tmp_path, scheduler, kill_first_batch):
    corpus = _corpus(tmp_path / "docs")
    remote = validate([corpus], dask=scheduler)
    assert kill_first_batch, "no worker was killed: the test did not test the retry"
    local = validate([corpus])
    assert [r.path for r in remote.results] == [r.path for r in local.results]  # none twice, none lost
    assert _reports(remote) == _reports(local)


def test_the_validate_command_runs_on_the_cluster_named_by_the_environment(tmp_path, scheduler, monkeypatch, capsys):
    corpus = _corpus(tmp_path / "docs")
    assert main(["validate", str(corpus), "--format", "json"]) == 1
    local = json.loads(capsys.readouterr().out)
    monkeypatch.setenv(cluster.ENV_VAR, scheduler)
    assert main(["validate", str(corpus), "--format", "json"]) == 1
    remote = json.loads(capsys.readouterr().out)
    local["summary"].pop("seconds"), remote["summary"].pop("seconds")
    assert remote == local


# ---------------------------------------------------------------- batch conversion


def _books(folder: Path) -> Path:
    folder.mkdir()
    for name in BOOKS:
        (folder / name).write_bytes((DATA / "books" / name).read_bytes())
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != BATCH_REPORT
    }


def test_batch_conversion_reports_a_failing_input_and_converts_the_others(tmp_path, capsys):
    books = _books(tmp_path / "books")
    (books / "broken.docx").write_bytes(b"PK\x03\x04 not a zip package")
    listing = tmp_path / "more.txt"
    listing.write_text(f"# the same book twice, and one missing\nbooks/garden.txt\n{books / 'garden.txt'}\nnone.txt\n")
    out = tmp_path / "out"
    status = main(["convert", str(books), f"@{listing}", "-o", str(out), "-j", "2"])
    assert status == 1
    printed = capsys.readouterr().out
    report = json.loads((out / BATCH_REPORT).read_text(encoding="utf-8"))
    by_source = {Path(e["source"]).name: e for e in report["inputs"]}
    assert sorted(by_source) == sorted([*BOOKS, "broken.docx", "none.txt"])
    assert by_source["broken.docx"]["status"] == "failed"
    assert "not a readable zip package" in by_source["broken.docx"]["error"]
    assert by_source["none.txt"] == {
        "source": str(tmp_path / "none.txt"),
        "output": str(out / "none"),
        "status": "failed",
        "error": "no such file or folder",
    }
    for name in BOOKS:
        entry = by_source[name]
        assert entry["status"] == "converted", entry
        assert entry["counts"]["paragraphs"] > 0
        assert (out / Path(name).stem / "conversion-report.json").is_file()
    assert report["totals"] == {"inputs": 5, "converted": 3, "words-lost": 0, "failed": 2}
    assert f"FAILED {books / 'broken.docx'}" in printed
    assert "5 inputs: 3 converted, 0 with words lost, 2 failed" in printed


def test_batch_inputs_expand_folders_and_lists_in_order(tmp_path):
    books = _books(tmp_path / "books")
    (books / "notes.toml").write_text("")  # a profile, not an input
    (books / ".hidden.txt").write_text("x")
    sub = books / "more"
    sub.mkdir()
    (sub / "a.md").write_text("# A\n\ntext\n")
    listing = tmp_path / "list.txt"
    listing.write_text("books/more/a.md\n\n# comment\nbooks/play.txt\n")
    got = expand_inputs([f"@{listing}", books])
    assert got == [str(sub / "a.md"), str(books / "play.txt")] + [
        str(books / n) for n in sorted(BOOKS) if n != "play.txt"
    ]


def test_two_inputs_of_one_name_do_not_share_a_folder(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for folder in (a, b):
        (folder / "garden.txt").write_bytes((DATA / "books" / "garden.txt").read_bytes())
    result = convert_many([a, b], tmp_path / "out")
    assert [o.status for o in result.outcomes] == ["converted", "failed"]
    assert "also named 'garden'" in result.outcomes[1].error


def test_distributed_conversion_writes_the_local_files(tmp_path, scheduler):
    books = _books(tmp_path / "books")
    local = convert_many([books], tmp_path / "local", jobs=2)
    remote = convert_many([books], tmp_path / "remote", dask=scheduler)
    assert [o.status for o in local.outcomes] == [o.status for o in remote.outcomes] == ["converted"] * len(BOOKS)
    assert _tree(tmp_path / "remote") == _tree(tmp_path / "local")
    assert len(_tree(tmp_path / "local")) > len(BOOKS)
    as_local = (
        (tmp_path / "remote" / BATCH_REPORT).read_text().replace(str(tmp_path / "remote"), str(tmp_path / "local"))
    )
    assert as_local == (tmp_path / "local" / BATCH_REPORT).read_text()


def test_distributed_conversion_survives_a_killed_worker(tmp_path, scheduler, kill_first_batch):
    books = _books(tmp_path / "books")
    remote = convert_many([books], tmp_path / "remote", dask=scheduler)
    assert kill_first_batch, "no worker was killed: the test did not test the retry"
    local = convert_many([books], tmp_path / "local")
    assert [o.status for o in remote.outcomes] == [o.status for o in local.outcomes] == ["converted"] * len(BOOKS)
    assert _tree(tmp_path / "remote") == _tree(tmp_path / "local")


def test_jing_gets_the_jit_settings_for_the_number_of_files_it_judges():
    from teikit.validate import jing

    short, long = jing.jing_command(jing.LONG_RUN - 1), jing.jing_command(jing.LONG_RUN)
    assert "-XX:TieredStopAtLevel=1" in short and "-XX:TieredStopAtLevel=1" not in long
    assert short[-2:] == long[-2:] and short[-2] == "-jar"


@pytest.mark.parametrize("schematron", [None, TEIKIT_SCH])
def test_a_long_run_gives_teikits_grammar_to_jing_with_the_same_verdicts(
    tmp_path, monkeypatch, schematron, jing_batches
):
    """From LONG_RUN files on, teikit.rng is judged by jing for every file (cheaper per file
    than libxml2 once the JVM's start is shared); the verdicts and messages are those of the
    in-process path."""
    corpus = _corpus(tmp_path / "docs", 30)
    small = validate([corpus], schematron=schematron)
    jing_batches.clear()  # what the long run gives jing
    monkeypatch.setattr(validate_module, "LONG_RUN", 10)
    long = validate([corpus], schematron=schematron)
    assert sorted(f for batch in jing_batches for f in batch) == sorted(
        str(p) for p in corpus.glob("f*.xml")
    )  # all but the ill-formed one
    assert _reports(long) == _reports(small)
    assert small.summary.invalid == 6  # 5 grammar errors, 1 not well-formed
