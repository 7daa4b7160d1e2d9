"""Reading XML safely and writing output atomically.

Every command that writes a folder writes it through `atomic_folder`, by these rules:

- The folder is built as a temporary folder beside it and takes its place by renames: a
  reader sees the old folder or the new one, never a mix, and a run that fails or is
  interrupted leaves the old folder as it was.
- Every folder teikit writes holds a marker file, `.teikit-output`, naming the command that
  wrote it (no date or version: a committed edition stays byte-identical between runs). An
  existing non-empty folder is replaced only with `force` and only when it holds the marker;
  any other folder is refused with a message saying what it holds.
- The output is never, never holds, and never lies inside an input of the run (compared by
  real path), and is never '.', '..' or the current folder.
- An output path that is a symbolic link is resolved: the folder it points to is replaced,
  and the link keeps pointing at it.
- Temporary and `.old` folders have names unique to the run (host, pid, random token), so
  concurrent runs never share one; the final renames happen under a lock on the parent
  folder, so that concurrent runs into one folder each succeed or fail cleanly and the
  folder is always one run's complete output. What killed runs leave (owner process gone,
  or older than an hour) is removed by the next run into the same folder.
- Folders and files get ordinary permissions: 0777 and 0666 less the umask.

A problem is a TeikitError naming the path the user gave, never a traceback.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import socket
import stat
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # not on Windows: the final renames are then not serialised
    fcntl = None  # type: ignore[assignment]

from lxml import etree

from .errors import TeikitError


def safe_parser(resolve_entities: bool | str = False, **kw) -> etree.XMLParser:
    """A parser that never fetches anything and never expands external entities.

    resolve_entities="internal" expands the entities a DOCTYPE declares inline
    (libxml2 bounds the expansion); external ones are never loaded.
    """
    return etree.XMLParser(resolve_entities=resolve_entities, no_network=True, load_dtd=False, huge_tree=False, **kw)


def parse_xml(path: str | os.PathLike) -> etree._ElementTree:
    try:
        return etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise TeikitError(f"not well-formed XML: {exc.msg}", str(path), line) from None
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc}", str(path)) from None


def atomic_write_bytes(path: str | os.PathLike, data: bytes | BinaryIO) -> None:
    """Write to a temporary file beside the target, then rename over it.

    `data`: the bytes, or a binary file read from where it stands to its end (a report
    made in a temporary file, never held in memory whole).

    The file gets 0666 less the umask, like any other tool's output (mkstemp's 0600 would
    hide a report from the people it is for). An OSError becomes a TeikitError naming `path`.
    """
    path = Path(path)
    if _is_special(path):
        # /dev/null, /dev/stdout, a named pipe: written into as they are; a rename would put a
        # regular file in the device's place.
        try:
            with open(path, "wb") as fh:
                _put(fh, data)
        except OSError as exc:
            raise TeikitError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        return
    tmp = _run_name(path.parent, path.name, "tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(path.parent, path.name)
        # O_EXCL: never write through a file or link that someone else put at this name
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        if exc.filename == str(tmp):  # named by the target, not the temporary file
            raise TeikitError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        raise _os_error(exc, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            _put(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # named by the target, not the temporary file
            raise TeikitError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        raise


def _put(fh: BinaryIO, data: bytes | BinaryIO) -> None:
    if isinstance(data, bytes):
        fh.write(data)
    else:
        shutil.copyfileobj(data, fh)


def _is_special(path: Path) -> bool:
    """Whether `path` is a device, a pipe or a socket (not a file one may replace)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def report_file(path: str | os.PathLike, inputs: Callable[[], Iterable[str | os.PathLike]]) -> None:
    """Refuse, before a run, a file its report cannot be written to (a TeikitError naming
    `path` as given): an existing folder, a path below a file, in a folder this process may not
    write, or an input of the run (`inputs`
    is called only when `path` exists; compared by the file itself, so that a link or another
    name of an input is refused too). A report written at the run's end over an input would
    replace the document with its own verdict; one that cannot be written at all would be
    found so only after the whole run."""
    given = str(path)
    target = Path(path)
    try:
        if target.is_dir():
            raise TeikitError("is a folder; give the file to write the report to", given)
        ancestor = target.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise TeikitError(f"cannot be created: {ancestor} is a file, not a folder", given)
        if _is_special(target):
            return  # written into where it stands (atomic_write_bytes)
        if not os.access(ancestor, os.W_OK | os.X_OK):  # the report is written beside, then renamed
            raise TeikitError(f"cannot be written: no permission to write in {ancestor}", given)
        if not target.exists():
            return
        st = target.stat()
        for inp in inputs():
            try:
                other = os.stat(inp)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
                raise TeikitError(
                    f"is an input of this run ({inp}); teikit will not write the report over it: choose another file",
                    given,
                )
    except OSError as exc:
        raise TeikitError(f"cannot be inspected: {exc.strerror or exc}", given) from None


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


# The TEI elements of teikit's schema that hold text beside their children (mixed content).
# Indented, they would gain white space that is no part of the text ("<head> <label>SECTION
# 5.1.</label> </head>"); tests/test_schema.py derives the same set from schema/teikit.rng.
MIXED_CONTENT = frozenset(
    "actor add addName author bibl castItem cell code date dateline del desc docAuthor docDate "
    "editor eg figDesc foreign forename head hi idno item l label language name note num orgName p persName "
    "placeName pubPlace publisher quote ref resp role roleDesc roleName salute seg signed speaker "
    "stage surname term title titlePart".split()
)
_TEI = "{http://www.tei-c.org/ns/1.0}"
_MIXED_TAGS = tuple(sorted(f"{_TEI}{name}" for name in MIXED_CONTENT))
# Children that make paragraphs of their own (a quotation of paragraphs, a note of verse):
# white space between them is layout, and indenting them keeps the file readable.
_BLOCKS = frozenset(
    f"{_TEI}{name}" for name in "p lg l list table quote sp figure listBibl castList opener closer div".split()
)


def serialize(tree: etree._Element | etree._ElementTree) -> bytes:
    """The document as UTF-8 with a declaration, indented where white space means nothing: an
    element of mixed content that opens with a child (and no text) is written as it stands,
    unless its children are blocks (paragraphs, verse, lists)."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    for el in root.iter(*_MIXED_TAGS):  # lxml's walk picks them (in C), not a test of every element
        if el.text is None and len(el) and not any(child.tag in _BLOCKS for child in el):
            el.text = ""  # an empty text node: libxml2 then indents nothing inside the element
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ----------------------------------------------------------------------------- output folders

MARKER = ".teikit-output"
STALE_AFTER = 3600  # seconds; no run takes this long, so such a temporary is orphaned
_HOST = hashlib.sha1(socket.gethostname().encode()).hexdigest()[:8]


def _run_name(parent: Path, name: str, kind: str) -> Path:
    """A name beside `name` unique to this run: its host and pid say whose it is, so that a
    later run can tell an orphan (owner gone) from the work of a run still going."""
    return parent / f".{name}.teikit-{kind}-{_HOST}-{os.getpid()}-{secrets.token_hex(4)}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists and belongs to someone else
        return True
    return True


def _remove_stale(parent: Path, name: str) -> None:
    """Remove the temporary and `.old` folders (and files) that killed runs left beside `name`.

    A run killed between its two renames leaves no `name` but a whole `.old` folder: that
    one is put back rather than removed.
    """
    pattern = re.compile(rf"\.{re.escape(name)}\.teikit-(tmp|old)-([0-9a-f]{{8}})-(\d+)-[0-9a-f]{{8}}\Z")
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return
    for entry in entries:
        m = pattern.match(entry.name)
        if not m:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue  # another run removed it first
        # ctime too: renaming a folder aside (`.old`) keeps its mtime, however old, but sets ctime
        age = time.time() - max(st.st_mtime, st.st_ctime)
        # the pid says nothing about a run on another host sharing this folder: age alone then
        if age > STALE_AFTER or (m.group(2) == _HOST and not _alive(int(m.group(3)))):
            if m.group(1) == "old" and entry.is_dir(follow_symlinks=False) and not os.path.lexists(parent / name):
                with suppress(OSError):
                    os.rename(entry.path, parent / name)
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with suppress(OSError):
                    os.unlink(entry.path)


def _os_error(exc: OSError, given: str, tmp: Path | None = None) -> TeikitError:
    """One line naming the output the user gave, and the file inside it when there is one
    (never the hidden temporary folder, which the user does not know about)."""
    what = exc.strerror or str(exc)
    name = exc.filename
    if tmp is not None and name is not None:
        rel = os.path.relpath(name, tmp)
        if not rel.startswith(".."):
            return TeikitError(f"cannot write {rel}: {what}", given)
    if name is not None and os.path.abspath(name) != os.path.abspath(given):
        return TeikitError(f"{what}: {name}", given)
    return TeikitError(f"cannot write: {what}", given)


def _written_by_teikit(folder: Path) -> bool:
    marker = folder / MARKER
    if marker.is_symlink() or not marker.is_file():
        return False
    with open(marker, "rb") as fh:
        return fh.read(7) == b"teikit "


def _describe(folder: Path, limit: int = 10_000) -> str:
    """What a folder holds, for the message that refuses to remove it: how many files, and the
    first few names at its top."""
    files = 0
    for _, _dirs, names in os.walk(folder):  # links are not followed
        files += len(names)
        if files > limit:
            break
    top = sorted(e.name + ("/" if e.is_dir(follow_symlinks=False) else "") for e in os.scandir(folder))
    shown = ", ".join(top[:3]) + (", …" if len(top) > 3 else "")
    count = f"more than {limit:,} files" if files > limit else f"{files} file{'' if files == 1 else 's'}"
    return f"{count}: {shown}"


def output_folder(outdir: str | os.PathLike, force: bool = False, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Check that `outdir` may be written, or replaced; return the real folder to write.

    Refused, with a TeikitError naming `outdir` as given: '.', '..' or '/'; the current
    folder or one holding it; a path below a file or in a folder this process may not write;
    an existing file; a folder that is, holds, or lies inside an input of the run (real
    paths: links cannot hide an input); an existing non-empty folder without teikit's marker
    (the message says what it holds), and one with the marker unless `force`. A symbolic link
    is resolved: the folder it points to is the one written, and the link stays. What killed
    runs left beside the folder is cleaned up first (`_remove_stale`).
    """
    given = str(outdir) or '""'
    if Path(outdir).name in ("", ".", ".."):
        raise TeikitError("names no folder of its own; give the folder to write, such as out/book", given)
    target = Path(os.path.realpath(outdir))
    if target.name in ("", ".", ".."):
        raise TeikitError(f"leads to {target}, which cannot be an output folder", given)
    try:
        cwd = Path(os.path.realpath(os.getcwd()))
    except OSError:
        cwd = None
    if cwd is not None and (target == cwd or target in cwd.parents):
        raise TeikitError("is the current folder or holds it; choose another output folder", given)
    try:
        ancestor = target.parent
        while not ancestor.exists():
            ancestor = ancestor.parent
        if not ancestor.is_dir():
            raise TeikitError(f"cannot be created: {ancestor} is a file, not a folder", given)
        if not os.access(ancestor, os.W_OK | os.X_OK):
            raise TeikitError(f"cannot be written: no permission to write in {ancestor}", given)
        if ancestor == target.parent:
            _remove_stale(target.parent, target.name)
        if os.path.lexists(target) and not target.is_dir():
            raise TeikitError("exists and is not a folder", given)
        for inp in inputs:
            real = Path(os.path.realpath(inp))
            if real == target:
                raise TeikitError(f"is an input of this run ({inp}); choose another output folder", given)
            if target in real.parents:
                raise TeikitError(
                    f"holds an input of this run ({inp}); teikit will not replace it: choose another output folder",
                    given,
                )
            if real in target.parents and real.is_dir():
                raise TeikitError(f"lies inside the input folder {inp}; choose an output folder outside it", given)
        if target.is_dir() and any(target.iterdir()):
            if not _written_by_teikit(target):
                raise TeikitError(
                    f"was not written by teikit (it holds {_describe(target)}); remove it "
                    "yourself or choose another folder (--force replaces only folders "
                    "teikit wrote)",
                    given,
                )
            if not force:
                raise TeikitError("exists (teikit wrote it); use --force to replace it", given)
    except OSError as exc:
        raise TeikitError(f"cannot be inspected: {exc.strerror or exc}", given) from None
    return target


@contextmanager
def _parent_lock(folder: Path):
    """Serialise the final renames of runs writing into one folder. The lock is taken on the
    folder itself (flock on a directory works on Linux), so no lock file is left behind."""
    try:
        fd = os.open(folder, os.O_RDONLY) if fcntl is not None else None
    except OSError:  # a folder we may write but not read: renames unserialised
        fd = None
    if fd is None:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def atomic_folder(
    outdir: str | os.PathLike, force: bool = False, inputs: Iterable[str | os.PathLike] = (), writer: str = "teikit"
):
    """Yield a fresh temporary folder beside `outdir`; on success it replaces `outdir`.

    `output_folder` decides, before and again at the moment of replacing, whether `outdir`
    may be written (`inputs`: the files and folders the run reads). The temporary folder is
    made with ordinary permissions (0777 less the umask); the body fills it; teikit's marker
    (`MARKER`, holding `writer`, e.g. "teikit convert", and nothing that changes between
    runs) is added; then, under a lock on the parent folder, `outdir` is renamed aside to a
    per-run `.old` name and the temporary folder renamed into its place, and the old one is
    removed. On any error or interruption the temporary folder is removed and `outdir` is
    left as it was; an OSError becomes a TeikitError naming `outdir`.
    """
    given = str(outdir)
    target = output_folder(outdir, force, inputs)
    parent, name = target.parent, target.name
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = _run_name(parent, name, "tmp")
        tmp.mkdir()  # mode 0777 less the umask, unlike mkdtemp's 0700
    except OSError as exc:
        raise _os_error(exc, given) from None
    try:
        yield tmp
        (tmp / MARKER).write_text(
            f"{writer}\nThis folder was written by teikit. Writing it again with --force replaces "
            "it as a whole:\nfiles added to it are not kept.\n",
            encoding="utf-8",
        )
        with _parent_lock(parent):
            output_folder(outdir, force, inputs)  # another run may have written it meanwhile
            old = None
            if target.exists():
                old = _run_name(parent, name, "old")
                os.rename(target, old)
            try:
                os.rename(tmp, target)
            except BaseException:
                if old is not None:
                    os.rename(old, target)
                raise
        if old is not None:
            # what cannot be removed now is an orphan the next run removes (its owner is gone)
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _os_error(exc, given, tmp) from None
        raise
