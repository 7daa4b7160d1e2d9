"""Packages: a zip file (DOCX, EPUB) or a folder (an unpacked EPUB) read without trusting it.

A `Package` names its members by the forward-slash paths the formats use
(`word/document.xml`, `OEBPS/content.opf`). Whatever it reads is bounded:

- a zip that is not a zip, is truncated, or has a corrupt central directory is an error
  naming the file; so is an encrypted member (bit 0 of its flags) and a compression
  method Python's `zipfile` cannot read;
- a member name that is absolute, holds `..`, a backslash, a drive letter or a NUL is an
  error: nothing is ever read or written by a member's name outside the package;
- at most `MAX_MEMBERS` members, `MAX_MEMBER` bytes a member and `MAX_TOTAL` bytes in all,
  counted as they are inflated (the sizes a zip declares are not believed), and a ratio
  of inflated to compressed size above `MAX_RATIO` for a member over 1 MiB: a zip bomb
  stops early with an error, in bounded time and memory;
- in a folder, a member is read only when its real path (symbolic links followed) lies
  inside the folder;
- XML members are parsed by `teikit.xmlio.safe_parser` (no DTD, no network, no entities).
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path, PurePosixPath

from lxml import etree

from ...errors import TeikitError
from ...xmlio import safe_parser

MAX_MEMBERS = 20_000
MAX_MEMBER = 256 * 1024 * 1024
MAX_TOTAL = 1024 * 1024 * 1024
MAX_RATIO = 200
_CHUNK = 1 << 16
_DRIVE = re.compile(r"^[A-Za-z]:")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: legacy .doc, or an encrypted OOXML file


def safe_member_name(name: str) -> bool:
    """True for a relative, forward-slash member name that stays inside the package."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        return False
    return ".." not in PurePosixPath(name).parts


def join(base: str, href: str) -> str:
    """The member a relative reference in member `base` names (`../images/a.png` from
    `text/ch1.xhtml` is `images/a.png`); '' when it would leave the package."""
    parts = [p for p in PurePosixPath(base).parent.parts if p not in ("", ".")]
    for p in href.split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            if not parts:
                return ""
            parts.pop()
        else:
            parts.append(p)
    return "/".join(parts)


def magic(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(8)
    except OSError:
        return b""


class Package:
    """The members of a zip file or of a folder, read within bounds."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._zip: zipfile.ZipFile | None = None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._read_total = 0
        if self.path.is_dir():
            self._root = os.path.realpath(self.path)
            return
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise self.error(f"not a readable zip package ({exc})") from None
        except OSError as exc:
            raise self.error(f"cannot read: {exc.strerror or exc}") from None
        if len(infos) > MAX_MEMBERS:
            raise self.error(f"the package has {len(infos)} members, more than {MAX_MEMBERS}: refused")
        for info in infos:
            if not safe_member_name(info.filename):
                raise self.error(f"member name {info.filename!r} leads outside the package: refused")
            if info.flag_bits & 0x1:
                raise self.error(f"member {info.filename} is encrypted: save the document without a password")
            self._infos[info.filename] = info

    def error(self, message: str) -> TeikitError:
        return TeikitError(message, str(self.path))

    def names(self) -> list[str]:
        """Every member, in the package's order (a folder's: sorted)."""
        if self._zip is not None:
            return [n for n in self._infos if not n.endswith("/")]
        out = []
        for dirpath, dirnames, filenames in os.walk(self._root):
            dirnames.sort()
            rel = os.path.relpath(dirpath, self._root)
            for f in sorted(filenames):
                out.append(f if rel == "." else f"{rel.replace(os.sep, '/')}/{f}")
        return out

    def has(self, name: str) -> bool:
        if self._zip is not None:
            return name in self._infos
        return safe_member_name(name) and self._local(name) is not None

    def _local(self, name: str) -> str | None:
        full = os.path.realpath(os.path.join(self._root, *name.split("/")))
        if not full.startswith(self._root + os.sep) or not os.path.isfile(full):
            return None
        return full

    def read(self, name: str) -> bytes:
        """The member's bytes; an error when it is missing, unsafe or too big."""
        if not safe_member_name(name):
            raise self.error(f"member name {name!r} leads outside the package: refused")
        if self._zip is None:
            full = self._local(name)
            if full is None:
                raise self.error(f"{name} is missing (or lies outside the folder)")
            size = os.path.getsize(full)
            if size > MAX_MEMBER or self._read_total + size > MAX_TOTAL:
                raise self.error(f"{name} is too large ({size} bytes): refused")
            self._read_total += size
            return Path(full).read_bytes()
        info = self._infos.get(name)
        if info is None:
            raise self.error(f"{name} is missing from the package")
        chunks, size = [], 0
        try:
            with self._zip.open(info) as f:
                while chunk := f.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > MAX_MEMBER or self._read_total > MAX_TOTAL:
                        raise self.error(f"{name} inflates past {MAX_MEMBER // (1 << 20)} MiB: a zip bomb? refused")
                    if size > (1 << 20) and size > MAX_RATIO * max(info.compress_size, 1):
                        raise self.error(
                            f"{name} inflates more than {MAX_RATIO} times its compressed size: a zip bomb? refused"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, NotImplementedError, ValueError, OSError) as exc:
            raise self.error(f"{name} cannot be read from the package ({exc})") from None
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element:
        """The member parsed as XML, safely; an error naming the member when it is not well-formed."""
        data = self.read(name)
        try:
            root = etree.fromstring(data, safe_parser())
        except etree.XMLSyntaxError as exc:
            line = exc.position[0] if exc.position else None
            raise TeikitError(f"{name} is not well-formed XML: {exc.msg}", str(self.path), line) from None
        if root is None:
            raise self.error(f"{name} is empty")
        return root

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
