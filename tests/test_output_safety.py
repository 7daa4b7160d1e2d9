"""Output folders: --force replaces only what teikit wrote and never an input; bad output paths
are one clear line, never a traceback; concurrent and killed runs leave one complete folder;
ordinary permissions (issue 11, items 8, 11 and 13)."""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

import pytest

from conftest import BOOKS, ROOT
from teikit import xmlio
from teikit.cli import main
from teikit.errors import TeikitError
from teikit.xmlio import MARKER, atomic_folder, atomic_write_text

GARDEN = BOOKS / "garden.txt"


def listing(folder) -> dict[str, bytes]:
    """Every file below `folder` with its bytes: what must survive a refused run."""
    folder = pathlib.Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def hidden(folder) -> list[str]:
    return sorted(p.name for p in pathlib.Path(folder).iterdir() if p.name.startswith("."))


@pytest.fixture
def book(tmp_path):
    src = tmp_path / "garden.txt"
    shutil.copyfile(GARDEN, src)
    return src


def convert(*args) -> int:
    return main(["convert", *map(str, args)])


def edition(book, out) -> pathlib.Path:
    """A folder teikit wrote."""
    assert convert(book, "-o", out) == 0
    assert (out / MARKER).read_text().startswith("teikit convert\n")
    return out


# ----------------------------------------------------------------- what --force may replace


def test_source_book_inside_the_output_folder_survives_force(tmp_path, book, capsys):
    out = edition(book, tmp_path / "out")
    inside = out / "garden.txt"  # the book moved into its own edition
    shutil.copyfile(book, inside)
    before = listing(out)
    assert convert(inside, "-o", out, "--force") == 1
    err = capsys.readouterr().err
    assert (
        err == f"teikit: error: {out}: holds an input of this run ({inside}); teikit will not "
        "replace it: choose another output folder\n"
    )
    assert listing(out) == before


def test_profile_inside_the_output_folder_survives_force(tmp_path, book, capsys):
    out = edition(book, tmp_path / "out")
    profile = out / "garden.toml"
    profile.write_text("[running_heads]\npatterns = []\n")
    assert convert(book, "-o", out, "--profile", profile, "--force") == 1
    assert "holds an input of this run" in capsys.readouterr().err and profile.is_file()


def test_output_reached_through_a_link_is_checked_by_real_path(tmp_path, book, capsys):
    out = edition(book, tmp_path / "out")
    shutil.copyfile(book, out / "garden.txt")
    (tmp_path / "alias").symlink_to(out)
    assert convert(tmp_path / "alias" / "garden.txt", "-o", out, "--force") == 1
    assert "holds an input" in capsys.readouterr().err and (out / "garden.txt").is_file()


def test_render_into_its_own_input_folder_keeps_the_tei(tmp_path, book, capsys):
    out = edition(book, tmp_path / "tei")
    before = listing(out)
    assert main(["render", str(out), "--to", "text", "-o", str(out), "--force"]) == 1
    assert (
        capsys.readouterr().err == f"teikit: error: {out}: is an input of this run ({out}); "
        "choose another output folder\n"
    )
    assert main(["render", str(out), "--to", "text", "-o", str(out / "text")]) == 1
    assert "lies inside the input folder" in capsys.readouterr().err
    assert main(["render", str(out / "ch01.xml"), "--to", "text", "-o", str(out), "--force"]) == 1
    assert "holds an input" in capsys.readouterr().err
    assert listing(out) == before


def test_foreign_folder_is_refused_even_with_force_and_the_message_says_what_it_holds(tmp_path, book, capsys):
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (out / name).write_text(name)
    before = listing(out)
    assert convert(book, "-o", out, "--force") == 1
    assert capsys.readouterr().err == (
        f"teikit: error: {out}: was not written by teikit (it holds 3 files: a.txt, b.txt, sub/); "
        "remove it yourself or choose another folder (--force replaces only folders teikit wrote)\n"
    )
    assert listing(out) == before and hidden(tmp_path) == []


def test_a_marker_that_is_not_teikits_does_not_count(tmp_path, book, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / MARKER).write_text("")  # an empty file with the name is not the marker
    assert convert(book, "-o", out, "--force") == 1
    assert "not written by teikit" in capsys.readouterr().err and (out / "notes.txt").is_file()
    (out / MARKER).unlink()
    (out / MARKER).symlink_to(tmp_path / "elsewhere")
    (tmp_path / "elsewhere").write_text("teikit convert\n")
    assert convert(book, "-o", out, "--force") == 1


def test_teikit_folder_is_replaced_with_force_and_only_with_force(tmp_path, book, capsys):
    out = edition(book, tmp_path / "out")
    (out / "stray.txt").write_text("added by hand")
    (out / "ch01.xml").write_text("edited")
    assert convert(book, "-o", out) == 1
    assert capsys.readouterr().err == f"teikit: error: {out}: exists (teikit wrote it); use --force to replace it\n"
    assert convert(book, "-o", out, "--force") == 0
    assert not (out / "stray.txt").exists() and (out / "ch01.xml").read_text().startswith("<?xml")
    assert (out / MARKER).read_text().startswith("teikit convert\n") and hidden(tmp_path) == []


def test_an_empty_folder_needs_no_force(tmp_path, book):
    (tmp_path / "out").mkdir()
    assert convert(book, "-o", tmp_path / "out") == 0 and (tmp_path / "out" / "ch01.xml").is_file()


def test_marker_is_the_same_on_every_run(tmp_path, book):
    """The committed edition holds the marker: it must not change between runs."""
    first = edition(book, tmp_path / "one")
    assert convert(book, "-o", first, "--force") == 0
    assert (first / MARKER).read_bytes() == (ROOT / "tei" / "iron-lazar" / MARKER).read_bytes()
    site = tmp_path / "site"
    assert main(["render", str(first), "--to", "text", "-o", str(site)]) == 0
    assert (site / MARKER).read_text().startswith("teikit render text\n")


def test_build_replaces_its_own_folders_adopts_unmarked_ones_and_refuses_others(tmp_path):
    from teikit.build import build

    (tmp_path / "sources").mkdir()
    shutil.copyfile(GARDEN, tmp_path / "sources" / "garden.txt")
    out = tmp_path / "tei" / "garden"
    quiet = lambda *args: None  # noqa: E731
    build(tmp_path, publish=False, echo=quiet)
    marker = (out / MARKER).read_bytes()
    (out / MARKER).unlink()  # as teikit left an edition before there were markers
    build(tmp_path, publish=False, echo=quiet)
    assert (out / MARKER).read_bytes() == marker
    (out / MARKER).unlink()
    (out / "notes.txt").write_text("mine")  # not only what teikit writes: not adopted
    with pytest.raises(TeikitError, match="was not written by teikit"):
        build(tmp_path, publish=False, echo=quiet)
    assert (out / "notes.txt").read_text() == "mine" and not (out / MARKER).exists()


# ----------------------------------------------------------------- output paths that cannot be


@pytest.mark.parametrize("given", [".", "..", "./", "sub/..", ""])
def test_dot_and_dotdot_are_refused_and_nothing_changes(tmp_path, book, capsys, monkeypatch, given):
    (tmp_path / "sub").mkdir()
    edition(book, tmp_path / "old")  # even a teikit folder around is left alone
    monkeypatch.chdir(tmp_path / "sub" if given == ".." else tmp_path)
    before = listing(tmp_path)
    assert convert(book, "-o", given, "--force") == 1
    shown = given or '""'
    assert capsys.readouterr().err == (
        f"teikit: error: {shown}: names no folder of its own; give the folder to write, such as out/book\n"
    )
    assert listing(tmp_path) == before and hidden(tmp_path) == []


def test_the_current_folder_by_its_full_name_is_refused(tmp_path, book, capsys, monkeypatch):
    out = edition(book, tmp_path / "out")
    monkeypatch.chdir(out)
    assert convert(book, "-o", out, "--force") == 1
    assert "is the current folder or holds it" in capsys.readouterr().err
    monkeypatch.chdir(tmp_path)
    assert (out / "ch01.xml").is_file()


def test_a_path_below_a_file_is_refused(tmp_path, book, capsys):
    assert convert(book, "-o", book / "below", "--force") == 1
    assert capsys.readouterr().err == (
        f"teikit: error: {book / 'below'}: cannot be created: {book} is a file, not a folder\n"
    )
    assert convert(book, "-o", book, "--force") == 1
    assert capsys.readouterr().err == f"teikit: error: {book}: exists and is not a folder\n"
    assert book.read_bytes() == GARDEN.read_bytes()


def test_unwritable_parent_as_an_unprivileged_user(tmp_path):
    """A real permission refusal. Root may write anywhere, so when the tests run as root the
    run drops to `nobody` once teikit is imported (its files are in a folder nobody may not
    read); an unprivileged tester just gets a read-only parent."""
    base = pathlib.Path(tempfile.mkdtemp(prefix="teikit-perm-", dir="/tmp"))
    try:
        os.chmod(base, 0o755)
        src = base / "garden.txt"
        shutil.copyfile(GARDEN, src)
        os.chmod(src, 0o644)
        locked = base / "locked"
        locked.mkdir()
        os.chmod(locked, 0o555)
        script = (
            "import os, sys\n"
            "import gettext, locale, teikit.cli, teikit.convert  # what nobody could not read later\n"
            "import teikit.profile\n"
            f"teikit.profile.load_profile(source={str(src)!r})  # loads importlib's resource readers\n"
            "if os.geteuid() == 0:\n"
            "    os.setgid(65534); os.setuid(65534)\n"
            f"sys.exit(teikit.cli.main(['convert', {str(src)!r}, '-o', {str(locked / 'out')!r}]))\n"
        )
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr == (
            f"teikit: error: {locked / 'out'}: cannot be written: no permission to write in {locked}\n"
        )
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(base / "locked", 0o755)
        shutil.rmtree(base)


def test_a_refusal_while_writing_names_the_output_not_the_temporary(tmp_path, book, capsys, monkeypatch):
    """Errors the pre-check cannot foresee (the folder turned read-only, the disk filled up)
    are one line naming the output and the file, and the old folder stays."""
    out = edition(book, tmp_path / "out")
    before = listing(out)

    def full(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(pathlib.Path, "write_bytes", full)
    assert convert(book, "-o", out, "--force") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"teikit: error: {out}: cannot write ") and err.endswith(": No space left on device\n")
    assert ".teikit-tmp" not in err and listing(out) == before and hidden(tmp_path) == []

    monkeypatch.undo()
    real_mkdir = pathlib.Path.mkdir

    def denied(self, *args, **kw):
        if ".teikit-tmp-" in self.name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_mkdir(self, *args, **kw)

    monkeypatch.setattr(pathlib.Path, "mkdir", denied)
    assert convert(book, "-o", tmp_path / "new") == 1
    err = capsys.readouterr().err
    assert err.startswith(f"teikit: error: {tmp_path / 'new'}: Permission denied: ") and err.count("\n") == 1


def test_an_oserror_the_library_lets_through_is_still_one_line(tmp_path, monkeypatch, capsys):
    import teikit.convert

    def unreadable(*args, **kw):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), "/some/book.txt")

    monkeypatch.setattr(teikit.convert, "convert", unreadable)
    assert convert("/some/book.txt", "-o", tmp_path / "out") == 1
    assert capsys.readouterr().err == "teikit: error: /some/book.txt: Permission denied\n"


def test_symlinked_output_folder_is_resolved_run_after_run(tmp_path, book):
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real")  # dangling at first
    for extra in ((), ("--force",), ("--force",)):
        assert convert(book, "-o", link, *extra) == 0
        assert link.is_symlink() and os.readlink(link) == str(tmp_path / "real")
        assert (tmp_path / "real" / "ch01.xml").is_file() and (tmp_path / "real" / MARKER).is_file()
        assert hidden(tmp_path) == []


def test_no_traceback_reaches_stderr_from_the_command(tmp_path, book):
    """Through a real process: each bad output path gives one line and status 1."""
    for target, words in [
        (book / "below", "is a file, not a folder"),
        (".", "names no folder of its own"),
        (tmp_path, "is the current folder or holds it"),
    ]:
        proc = subprocess.run(
            [sys.executable, "-m", "teikit.cli", "convert", str(book), "-o", str(target), "--force"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
        assert proc.returncode == 1
        assert proc.stderr.startswith("teikit: error: ") and proc.stderr.count("\n") == 1, proc.stderr
        assert words in proc.stderr and "Traceback" not in proc.stderr
    assert book.read_bytes() == GARDEN.read_bytes()


# ----------------------------------------------------------------- killed and concurrent runs


def test_temporary_of_a_killed_run_is_removed_by_the_next_run(tmp_path, book):
    out = edition(book, tmp_path / "out")
    # a conversion killed (SIGKILL: nothing of its own can clean up) in the middle of writing
    script = (
        "import sys, time\n"
        "import teikit.convert.writer as w\n"
        "real = w.serialize\n"
        "def slow(root):\n"
        "    print('writing', flush=True); time.sleep(60); return real(root)\n"
        "w.serialize = slow\n"
        "import teikit.cli\n"
        f"teikit.cli.main(['convert', {str(book)!r}, '-o', {str(out)!r}, '--force'])\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "writing\n"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    orphans = hidden(tmp_path)
    assert len(orphans) == 1 and orphans[0].startswith(".out.teikit-tmp-")
    assert (out / "ch01.xml").is_file()  # the killed run changed nothing
    assert convert(book, "-o", out, "--force") == 0
    assert hidden(tmp_path) == []


def test_only_orphans_are_removed(tmp_path, book, monkeypatch):
    """Owner gone on this host, or too old (any host), is an orphan; a live run's is not."""
    monkeypatch.setattr(xmlio, "STALE_AFTER", 2)  # the age is read from ctime, which no test can set back
    edition(book, tmp_path / "out")
    gone = subprocess.Popen(["true"])
    gone.wait()
    host = xmlio._HOST

    def leftover(kind, host, pid, name="out"):
        p = tmp_path / f".{name}.teikit-{kind}-{host}-{pid}-0123abcd"
        (p / "sub").mkdir(parents=True)
        (p / "sub" / "half.xml").write_text("<half")
        return p

    stale_elsewhere = leftover("tmp", "feedf00d", 12345)
    time.sleep(2.5)
    dead = leftover("tmp", host, gone.pid)
    dead_old = leftover("old", host, gone.pid)
    live_elsewhere = leftover("tmp", "feedf00d", 12346)
    live_here = leftover("tmp", host, os.getppid())
    other_name = leftover("tmp", host, gone.pid, name="other")
    assert convert(book, "-o", tmp_path / "out", "--force") == 0
    assert not dead.exists() and not dead_old.exists() and not stale_elsewhere.exists()
    assert live_elsewhere.is_dir() and live_here.is_dir() and other_name.is_dir()


def test_a_run_killed_between_its_renames_gets_the_old_folder_back(tmp_path, book, capsys):
    out = edition(book, tmp_path / "out")
    before = listing(out)
    gone = subprocess.Popen(["true"])
    gone.wait()
    out.rename(tmp_path / f".out.teikit-old-{xmlio._HOST}-{gone.pid}-0123abcd")  # then SIGKILL
    assert convert(book, "-o", out) == 1  # the old folder is back, so --force is needed
    assert "use --force" in capsys.readouterr().err and listing(out) == before and hidden(tmp_path) == []


def test_a_live_runs_old_folder_is_left_alone_however_old_its_files(tmp_path, book):
    """A run on this host has just renamed a week-old output aside: not an orphan to put back."""
    week = time.time() - 7 * 86400
    aside = tmp_path / "previous"
    aside.mkdir()
    (aside / "ch01.xml").write_text("<old/>")
    os.utime(aside, (week, week))
    live = aside.rename(tmp_path / f".out.teikit-old-{xmlio._HOST}-{os.getppid()}-0123abcd")
    assert convert(book, "-o", tmp_path / "out") == 0
    assert (live / "ch01.xml").read_text() == "<old/>" and (tmp_path / "out" / MARKER).is_file()


def test_concurrent_runs_in_threads_leave_one_complete_folder(tmp_path):
    """Many runs replace one folder at once: each ends cleanly, the folder is one run's."""
    out = tmp_path / "out"
    errors, done = [], []

    def run(n):
        try:
            with atomic_folder(out, force=True, writer="teikit test") as tmp:
                for i in range(20):
                    (tmp / f"f{i}.txt").write_text(str(n))
                    time.sleep(0.001)
            done.append(n)
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(repr(exc))

    for _ in range(3):
        threads = [threading.Thread(target=run, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        contents = {p.read_text() for p in out.glob("f*.txt")}
        assert len(list(out.glob("f*.txt"))) == 20 and len(contents) == 1 and int(contents.pop()) in done
        assert (out / MARKER).is_file() and hidden(tmp_path) == []


def test_two_concurrent_force_processes_both_end_cleanly(tmp_path, book):
    out = edition(book, tmp_path / "out")
    expected = sorted(p.name for p in out.iterdir())
    cmd = [sys.executable, "-m", "teikit.cli", "convert", str(book), "-o", str(out), "--force"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    for code, err in results:
        assert "Traceback" not in err
        assert code == 0 or (code == 1 and err.startswith("teikit: error: ") and err.count("\n") == 1)
    assert sorted(p.name for p in out.iterdir()) == expected and hidden(tmp_path) == []


def test_two_concurrent_first_runs_without_force(tmp_path, book):
    """Both find no folder; the second to finish must refuse, not merge or crash."""
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "teikit.cli", "convert", str(book), "-o", str(out)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    for p in procs:
        p.stderr.close()
    assert sorted(code for code, _ in results)[0] == 0
    for code, err in results:
        assert code == 0 or err == f"teikit: error: {out}: exists (teikit wrote it); use --force to replace it\n"
    assert (out / "ch01.xml").is_file() and hidden(tmp_path) == []


# ----------------------------------------------------------------- permissions


@pytest.fixture
def umask():
    def set_to(mask):
        os.umask(mask)

    old = os.umask(0o022)
    yield set_to
    os.umask(old)


def modes(folder) -> set[tuple[str, int]]:
    return {
        ("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode))
        for p in [pathlib.Path(folder), *pathlib.Path(folder).rglob("*")]
    }


def test_output_gets_ordinary_permissions_under_the_umask(tmp_path, book, umask):
    out = edition(book, tmp_path / "out")
    assert modes(out) == {("dir", 0o755), ("file", 0o644)}
    site = tmp_path / "site"
    assert main(["render", str(out), "--to", "html", "-o", str(site)]) == 0
    assert modes(site) == {("dir", 0o755), ("file", 0o644)}
    atomic_write_text(tmp_path / "report.txt", "ok")
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o644
    umask(0o077)  # the umask decides, not a fixed mode
    assert convert(book, "-o", out, "--force") == 0
    assert modes(out) == {("dir", 0o700), ("file", 0o600)}
    atomic_write_text(tmp_path / "report.txt", "ok")
    assert stat.S_IMODE((tmp_path / "report.txt").stat().st_mode) == 0o600


def test_atomic_write_into_a_folder_is_a_clear_error(tmp_path):
    (tmp_path / "report.txt").mkdir()
    with pytest.raises(TeikitError) as err:
        atomic_write_text(tmp_path / "report.txt", "ok")
    assert str(err.value) == f"{tmp_path / 'report.txt'}: cannot write: Is a directory"
    assert hidden(tmp_path) == []
    (tmp_path / "report.txt").rmdir()
    (tmp_path / "report.txt").symlink_to(tmp_path / "absent" / "x")
    with pytest.raises(TeikitError) as err:  # a folder that cannot hold files
        atomic_write_text(tmp_path / "report.txt" / "r.txt", "ok")
    assert ".teikit-tmp" not in str(err.value) and str(err.value).startswith(str(tmp_path / "report.txt"))


def test_a_report_written_to_a_pipe_or_device_goes_into_it_and_leaves_it_in_place(tmp_path):
    """`-o /dev/null` or a named pipe: a rename over it would put a regular file in its place."""
    import stat
    import threading

    from teikit.xmlio import atomic_write_text

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    atomic_write_text(pipe, "the report\n")
    reader.join(timeout=10)
    assert got == [b"the report\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left beside it


def test_published_assets_take_the_umask_not_the_installations_modes(tmp_path, umask):
    """teikit's own files copied into an edition (the HTML's assets) get the modes the user's
    umask gives, whatever modes the installation has (a checkout made under umask 002)."""
    from teikit.render import _copy_contents

    source = tmp_path / "installed"
    (source / "fonts").mkdir(parents=True)
    (source / "edition.css").write_text("p { }", encoding="utf-8")
    (source / "fonts" / "a.woff2").write_bytes(b"\0")
    for p in [source, source / "fonts", *source.rglob("*")]:
        p.chmod(0o775 if p.is_dir() else 0o664)
    _copy_contents(source, tmp_path / "assets")
    assert modes(tmp_path / "assets") == {("dir", 0o755), ("file", 0o644)}
    assert (tmp_path / "assets" / "fonts" / "a.woff2").read_bytes() == b"\0"
