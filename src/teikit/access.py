"""What a hostile document may reach: local files, and the links a published page carries.

Every file teikit is given may be hostile, so two questions are answered here and
nowhere else:

**Local files.** A document (or schema) may name other local files — an XInclude, a
`graphic/@url`, a Schematron `document()`, a schema's `include`. A `LocalFiles` policy
holds the folders such a reference may land in (the document's own folder, unless the
caller widens it) and the paths it must never land on (the folder being written, for
instance). A reference is resolved against the *real* path of the file it stands in —
never against an `xml:base` the document wrote itself, which only ever moves the
reference, so the result is still checked — then every symlink is followed
(`os.path.realpath`), and the real target must lie inside an allowed folder, outside
every forbidden one, and have no hidden (dot) component below the folder. Only `file:`
URLs and relative references are local; anything with another scheme is refused.

**Links.** A published page may link only with the schemes in `LINK_SCHEMES` (http,
https, mailto) or with a relative reference — but not a network-path one (`//host/x`,
or the same with backslashes, which browsers read alike): it names another host without a scheme,
and a page opened from disk would reach it as `file://host/x`, a Windows share that
is sent the reader's credentials. Browsers ignore tabs and newlines inside
a URL and leading spaces or control characters before it, so the scheme is read after
removing those, as a browser would (`java\tscript:` is `javascript:`). The transforms
receive the same list as a parameter, so this module is the one place it is decided.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from .errors import TeikitError

LINK_SCHEMES = ("http", "https", "mailto")

_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_LEADING_JUNK = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def _as_browsers_read(url: str) -> str:
    return _LEADING_JUNK.sub("", _IGNORED_IN_URL.sub("", url))


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url` (lower case), or None for a relative reference."""
    m = _SCHEME.match(_as_browsers_read(url))
    return m.group(1).lower() if m else None


_NETWORK_PATH = re.compile(r"^[/\\]{2}")


def is_safe_link(url: str) -> bool:
    """True when a page may carry `url` as a link target or source."""
    read = _as_browsers_read(url)
    m = _SCHEME.match(read)
    if m is None:
        return not _NETWORK_PATH.match(read)
    return m.group(1).lower() in LINK_SCHEMES


class AccessDenied(TeikitError):
    """A document named a file it may not reach."""


def _real(path: str | os.PathLike) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class LocalFiles:
    """The local files that documents read from `roots` may reach.

    `roots`: folders a reference may land in (their real paths; symlinks followed).
    `forbidden`: paths a reference may never land on or under (e.g. the output folder).
    """

    def __init__(self, roots, forbidden=()):
        self.roots = tuple(dict.fromkeys(_real(r) for r in roots))
        self.forbidden = tuple(dict.fromkeys(_real(f) for f in forbidden))
        if not self.roots:
            raise ValueError("a LocalFiles policy needs at least one allowed folder")

    @classmethod
    def for_documents(cls, paths, widen=(), forbidden=()) -> LocalFiles:
        """The folders of the given files (and the given folders), plus `widen`."""
        folders = [p if Path(p).is_dir() else Path(p).parent for p in paths]
        return cls([*folders, *widen], forbidden)

    def check(self, path: str | os.PathLike) -> Path:
        """The real path of `path` if a document may reach it; AccessDenied otherwise."""
        real = _real(path)
        for bad in self.forbidden:
            if _inside(real, bad):
                raise AccessDenied(f"'{path}' lies in {bad}, which teikit is writing", str(path))
        for root in self.roots:
            if _inside(real, root):
                if any(part.startswith(".") for part in real.relative_to(root).parts):
                    raise AccessDenied(f"'{path}' is a hidden file", str(path))
                return real
        raise AccessDenied(
            f"'{path}' lies outside the folders documents may read ({', '.join(str(r) for r in self.roots)})", str(path)
        )

    def allows(self, path: str | os.PathLike) -> bool:
        try:
            self.check(path)
        except AccessDenied:
            return False
        return True

    def resolve(self, reference: str, within: str | os.PathLike) -> Path:
        """The real local file `reference` names, as written in the file `within`.

        Relative references resolve against `within`'s own folder; `file:` URLs are
        taken as they are; every other scheme is refused. The result is `check`ed.
        """
        if not reference:
            raise AccessDenied("an empty reference names no file", str(within))
        scheme = link_scheme(reference)
        if scheme not in (None, "file") and not (len(scheme) == 1 and os.name == "nt"):
            raise AccessDenied(
                f"'{reference}' is not a local file (scheme {scheme}:); teikit reads nothing from the network",
                str(within),
            )
        if scheme == "file":
            parsed = urlparse(reference)
            if parsed.netloc not in ("", "localhost"):
                raise AccessDenied(f"'{reference}' names another host", str(within))
            from urllib.request import url2pathname  # here: urllib.request is slow to import (HTTP, email)

            target = Path(url2pathname(parsed.path))
        else:
            target = Path(os.path.dirname(os.path.abspath(within))) / unquote(reference.split("#")[0])
        return self.check(target)
