"""The images published with the HTML edition and the EPUB: which files, checked how, copied where.

A `graphic/@url` is published only when all of these hold:

- It names a local file that `teikit.access.LocalFiles` allows: resolved against the real
  path of the file the graphic is written in (recorded by `collection.collect` as
  rm:origin, never taken from the document), with every symlink followed, inside that
  file's folder, with no hidden (dot) component, and not in the folder being written.
  An `xml:base` the document wrote between the two only moves the reference (so that
  `<facsimile xml:base="images/">` works); the result is checked all the same, so
  `xml:base="file:///etc/"` cannot leave the folder.
- The real file's extension is one of `IMAGE_TYPES` and its first bytes are that type's
  signature, so no other file (the TEI itself, a script, a page) is published under an
  image's name.
- It is not SVG: an SVG opened on its own is a document whose scripts run in the site's
  origin, and teikit does not sanitise SVG; convert it to PNG or WebP.

A published image is copied to `media/` (`MEDIA`) at its path below the document's
folder, each character other than a letter, digit, '.', '_' or '-' replaced by '-'
(a clash between two folders gets a numbered name). No generated page or asset lives
under `media/`, so an image can never replace `index.html`, a page or
`assets/edition.js`. The graphic gets rm:src, the URL of the copy, and html.xsl shows
nothing else. A refused graphic is a warning naming the file, line, reference and
reason; the page renders without it. A graphic on the web (http, https) is not copied
nor loaded: html.xsl shows it as a link, and a warning says so.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from ..access import AccessDenied, LocalFiles, link_scheme
from ..tei import q
from .collection import ORIGIN_MARK, RENDER_NS, SOURCE_LINE, XML_BASE

MEDIA = "media"
SRC = f"{{{RENDER_NS}}}src"


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _avif(head: bytes) -> bool:
    return head[4:12] in (b"ftypavif", b"ftypavis")


_JPEG = lambda head: head[:3] == b"\xff\xd8\xff"
# Extension (lower case) -> test of the file's first 16 bytes.
IMAGE_TYPES = {
    "png": lambda head: head[:8] == b"\x89PNG\r\n\x1a\n",
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "gif": lambda head: head[:6] in (b"GIF87a", b"GIF89a"),
    "webp": _webp,
    "avif": _avif,
}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # not echoed to a terminal


@dataclass
class Image:
    """One file to publish: its real path, where it goes in the site, the policy that allowed it."""

    source: Path
    dest: str
    policy: LocalFiles
    kind: str


def image_kind(path: Path, head: bytes) -> str:
    """The image type of `path` given its first bytes; AccessDenied naming what is wrong."""
    ext = path.suffix.lower().lstrip(".")
    if ext in ("svg", "svgz"):
        raise AccessDenied(
            "SVG is not published (an SVG opened on its own runs its scripts); convert it to PNG or WebP", str(path)
        )
    if ext not in IMAGE_TYPES:
        raise AccessDenied(f"'{path.name}' is not an image file teikit publishes ({', '.join(IMAGE_TYPES)})", str(path))
    if not IMAGE_TYPES[ext](head):
        raise AccessDenied(f"'{path.name}' does not hold {ext.upper()} data", str(path))
    return ext


def _printable(warn):
    """`warn` with control characters (which a document can put in a URL) shown as '?'."""
    return lambda message: warn(_CONTROL.sub("?", message))


def _read_head(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(16)


def _reference(graphic: etree._Element) -> tuple[str, str | None]:
    """The graphic's URL as an absolute URL, and the file it stands in.

    Resolved against that file's URI, moved by every xml:base the document wrote in
    between (outermost first, as XML Base does); the caller checks where it lands.
    """
    bases: list[str] = []
    for el in [graphic, *graphic.iterancestors()]:
        origin = el.get(ORIGIN_MARK)
        if origin is not None:
            uri = Path(origin).as_uri()
            for base in reversed(bases):
                uri = urljoin(uri, base)
            return urljoin(uri, graphic.get("url") or ""), origin
        if el.get(XML_BASE):
            bases.append(el.get(XML_BASE))
    return "", None


def plan(tree: etree._Element, forbidden=(), warn=lambda message: None, kinds=tuple(IMAGE_TYPES)) -> list[Image]:
    """Decide which graphics are published; mark each published one with rm:src.

    `forbidden`: paths no image may come from (the output folder). `kinds`: the image
    types the edition may carry (the EPUB takes fewer than a browser shows).
    """
    planner = Planner(forbidden, warn, kinds)
    planner.mark(tree)
    return planner.images


class Planner:
    """`plan`, for a collection read one document at a time: call `mark` on each in turn;
    `images` is then what `plan` would have returned for all of them together."""

    def __init__(self, forbidden=(), warn=lambda message: None, kinds=tuple(IMAGE_TYPES)):
        self.forbidden = forbidden
        self.warn = _printable(warn)
        self.kinds = kinds
        self.policies: dict[str, LocalFiles] = {}
        self.by_source: dict[Path, Image] = {}
        self.taken: set[str] = set()

    @property
    def images(self) -> list[Image]:
        return list(self.by_source.values())

    def mark(self, tree: etree._Element) -> None:
        warn, policies, by_source, taken = self.warn, self.policies, self.by_source, self.taken
        for graphic in tree.iter(q("graphic")):
            url = graphic.get("url") or ""
            ref, origin = _reference(graphic)
            where = position(graphic)
            shown = url[:80] + ("…" if len(url) > 80 else "")
            scheme = link_scheme(url)
            if scheme in ("http", "https"):
                warn(f"{where}: graphic '{shown}' is on the web: shown as a link, not loaded")
                continue
            if scheme not in (None, "file"):
                warn(f"{where}: graphic '{shown}' not published: only local image files are, not {scheme}: URLs")
                continue
            if origin is None:
                warn(f"{where}: graphic '{shown}' not published: its document's file is unknown")
                continue
            real_origin = os.path.realpath(origin)
            if real_origin not in policies:
                policies[real_origin] = LocalFiles.for_documents([real_origin], forbidden=self.forbidden)
            policy = policies[real_origin]
            try:
                source = policy.resolve(ref, real_origin)
                if not source.is_file():
                    raise AccessDenied(f"'{source}' is not a file" if source.exists() else f"'{source}' not found")
                kind = image_kind(source, _read_head(source))
                if kind not in self.kinds:
                    raise AccessDenied(
                        f"{kind.upper()} is not an image type this edition carries ({', '.join(self.kinds)})"
                    )
            except AccessDenied as exc:
                warn(f"{where}: graphic '{shown}' not published: {exc.message}")
                continue
            except OSError as exc:
                warn(f"{where}: graphic '{shown}' not published: cannot read it ({exc.strerror})")
                continue
            image = by_source.get(source)
            if image is None:
                image = Image(source, _destination(source, policy, taken), policy, kind)
                by_source[source] = image
            graphic.set(SRC, image.dest)


def _destination(source: Path, policy: LocalFiles, taken: set[str]) -> str:
    root = next(r for r in policy.roots if r == source or r in source.parents)
    parts = [_UNSAFE_NAME.sub("-", p) for p in source.relative_to(root).parts]
    stem, dot, ext = parts[-1].rpartition(".")
    dest, n = "/".join([MEDIA, *parts]), 1
    while dest in taken:
        n += 1
        dest = "/".join([MEDIA, *parts[:-1], f"{stem}-{n}{dot}{ext}"])
    taken.add(dest)
    return dest


def publish(images: list[Image], site: Path, warn=lambda message: None) -> None:
    """Copy the planned images into `site` (the folder being written), checking each again.

    The file is checked again (it may have changed since `plan`), opened without
    following a symlink, and its signature read from the very file that is copied.
    """
    warn = _printable(warn)
    media = (site / MEDIA).resolve()
    for image in images:
        target = (site / image.dest).resolve()
        if media not in target.parents or target.exists():
            warn(f"{image.source}: not published: '{image.dest}' is not a free place under {MEDIA}/")
            continue
        try:
            LocalFiles(image.policy.roots, [*image.policy.forbidden, site]).check(image.source)
            fd = os.open(image.source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as src:
                image_kind(image.source, src.read(16))
                src.seek(0)
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "xb") as out:
                    shutil.copyfileobj(src, out)
        except AccessDenied as exc:
            warn(f"{image.source}: not published: {exc.message}")
        except OSError as exc:
            warn(f"{image.source}: not published: cannot copy it ({exc.strerror})")


def position(graphic: etree._Element) -> str:
    """Where a graphic stands, as warnings name it: its document's file and line."""
    _, origin = _reference(graphic)
    line = graphic.get(SOURCE_LINE) or graphic.sourceline
    return f"{origin or '?'}:{line}" if line else (origin or "?")


def embed(tree: etree._Element, dest: Path, forbidden=(), warn=lambda message: None, kinds=tuple(IMAGE_TYPES)) -> None:
    """For an edition in one file (EPUB, PDF): plan the images, copy them into `dest`, and
    unmark those publish refused at its last check, so that they are shown and listed nowhere."""
    images = plan(tree, forbidden=forbidden, warn=warn, kinds=kinds)
    publish(images, dest, warn=warn)
    missing = {image.dest for image in images if not (dest / image.dest).is_file()}
    if missing:
        for graphic in tree.iter(q("graphic")):
            if graphic.get(SRC) in missing:
                del graphic.attrib[SRC]
