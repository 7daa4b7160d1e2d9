"""Reading XML safely and writing files atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from .errors import TeikitError


def safe_parser(resolve_entities: bool | str = False, **kw) -> etree.XMLParser:
    """A parser that never fetches anything and never expands external entities.

    resolve_entities="internal" expands the entities a DOCTYPE declares inline
    (libxml2 bounds the expansion); external ones are never loaded.
    """
    return etree.XMLParser(resolve_entities=resolve_entities, no_network=True, load_dtd=False,
                           huge_tree=False, **kw)


def parse_xml(path: str | os.PathLike) -> etree._ElementTree:
    try:
        return etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise TeikitError(f"not well-formed XML: {exc.msg}", str(path), line) from None
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc}", str(path)) from None


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def serialize(tree: etree._Element | etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@contextmanager
def atomic_folder(outdir: str | os.PathLike, force: bool = False):
    """Yield a temporary folder beside `outdir`; on success it replaces `outdir` by renames.

    An existing non-empty folder is replaced only with `force`; on any error the
    temporary folder is removed and `outdir` is left as it was.
    """
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise TeikitError("output path exists and is not a folder", str(outdir))
    if outdir.exists() and any(outdir.iterdir()) and not force:
        raise TeikitError("output folder exists and is not empty; use --force to replace it",
                          str(outdir))
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", dir=outdir.parent))
    try:
        yield tmp
        old = None
        if outdir.exists():
            old = outdir.with_name(f".{outdir.name}.old")
            if old.exists():
                shutil.rmtree(old)
            os.replace(outdir, old)
        os.replace(tmp, outdir)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
