"""Rendering a collection a few documents at a time, in memory bounded by its largest
documents and an outline of the rest, not by the whole collection.

The transforms (html.xsl, text.xsl) read a collection as one tree, and their pages
depend on all of it: page names are unique across the collection, a pointer leads into
another document, a register entry lists its mentions in every chapter, the contents
list every page. So each document is first reduced to its outline (transforms/
outline.xsl: every element with its attributes, words only where another document's
pages show them) and then the collection is rendered in windows: each run reads a tree
holding a few documents whole and every other document as its outline, and writes the
pages of the whole ones (common.xsl, tk:is-written). Saxon holds one such tree at a time.

The edition is the one the whole collection gives, byte for byte: the tree has the same
shape (an outline stands where its document stood), and the names the transforms make
from Saxon's node numbers (tk:node-id) are those of the whole collection's tree. Those
numbers are counted here: each outline says how many nodes its document takes (rm:span)
and its root is numbered after the documents before it, as Saxon's TinyTree numbers the
children of the collection's teiCorpus (a pseudo-node, a parent pointer, before every
eleventh child).

Saxon's heap is sized by its garbage collector, which grows it with each run a process
makes and never gives it back: a process that rendered the windows one after another
held ever more (some 280 MiB at the first window of 400 documents, 490 at the eighth).
So when the collection takes several windows, the outlines and each window are made in
a process of their own that ends with them (teikit.cluster.map_batches, `fresh`): the
memory a run takes is that of one window in a new process, and this process never
starts Saxon. A window's tree is bounded as a whole (TREE_BYTES): the more the other
documents' outlines take, the fewer documents it holds whole. A collection that fits in
one window is rendered here in one transform, as the whole collection (no outlines:
there is no other document to outline).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..cluster import map_batches
from ..tei import XML_NS, q
from . import saxon
from .collection import CORPUS_END, CORPUS_START
from .saxon import transform, transform_to_string

# How many bytes of TEI a window holds whole (at least one document): the tree Saxon
# builds is some five times the size of its file.
WINDOW_BYTES = 6 * 2**20
# How many bytes a window's tree holds in all, its whole documents and the outlines of
# the others: the outlines of a large collection (some 15 KB a chapter, 6 MB for 400)
# leave that much less for whole documents; but never less than a quarter of
# WINDOW_BYTES, past which the outlines, read again by every window, would cost more
# time than the pages. (A window of 400 chapters' outlines and 6 MiB whole took 330 MiB
# in its process, with 3 MiB whole 270.)
TREE_BYTES = 9 * 2**20

# TinyBuilder.PARENT_POINTER_INTERVAL: a parent pointer comes before a child of the
# collection's root when more than this many children came since the last one.
_PARENT_POINTER_INTERVAL = 10

_SPAN = re.compile(r'\brm:span="(\d+)"')


def outline_all(documents: list[Path], folder: Path, stylesheet: str = "outline.xsl") -> tuple[list[Path], list[int]]:
    """The outline of each document (a file in `folder`) and the number its root has in
    the tree of the whole collection (document node 0, the teiCorpus 1)."""
    entries = " ".join(sorted(_entry_ids(documents)))
    outlines: list[Path] = []
    bases: list[int] = []
    number = 2
    siblings = 0
    for k, document in enumerate(documents):
        if siblings > _PARENT_POINTER_INTERVAL:
            number += 1
            siblings = 0
        siblings += 1
        text = transform_to_string(stylesheet, document, {"base": number, "entries": entries, "link-schemes": ""})
        found = _SPAN.search(text)
        if found is None:  # outline.xsl always writes it on the root
            raise RuntimeError(f"outline.xsl gave no rm:span for {document}")
        outline = folder / f"outline-{k}.xml"
        outline.write_bytes(text.encode("utf-8"))
        outlines.append(outline)
        bases.append(number)
        number += int(found.group(1))
    return outlines, bases


# The register entries a page lists the mentions of (html.xsl, text.xsl).
_ENTRIES = tuple(q(name) for name in ("person", "place", "org", "event", "personGrp"))
_XML_ID = f"{{{XML_NS}}}id"


def _entry_ids(documents: list[Path]) -> set[str]:
    """The ids of the collection's register entries: a name that points to none of them
    mentions no entry, and its outline leaves it out."""
    ids: set[str] = set()
    for document in documents:
        # teikit wrote these files (collect_documents) from documents it had checked
        for _, element in etree.iterparse(str(document), tag=_ENTRIES, resolve_entities=False, no_network=True):
            if element.get(_XML_ID):
                ids.add(element.get(_XML_ID, ""))
    return ids


def whole_bytes(outlines: list[Path], budget: int) -> int:
    """How many bytes of documents a window holds whole, beside the outlines of the rest
    (TREE_BYTES); at most `budget`."""
    rest = TREE_BYTES - sum(outline.stat().st_size for outline in outlines)
    return min(budget, max(rest, WINDOW_BYTES // 4))


def windows(documents: list[Path], budget: int) -> list[list[int]]:
    """The documents (their indexes) each run holds whole: consecutive, at most `budget`
    bytes of them unless one alone is larger."""
    groups: list[list[int]] = []
    size = 0
    for k, document in enumerate(documents):
        length = document.stat().st_size
        if not groups or size + length > budget:
            groups.append([])
            size = 0
        groups[-1].append(k)
        size += length
    return groups


def one_run(documents: list[Path]) -> bool:
    """Whether render_windows renders `documents` in this process: they fit in one window."""
    return len(windows(documents, WINDOW_BYTES)) == 1


@dataclass(frozen=True)
class Outlining:
    """The outlines of a collection to make (outline_all), in a worker as a Window is."""

    documents: tuple[Path, ...]
    folder: Path
    stylesheet: str  # outline.xsl's path


def outline_run(run: Outlining) -> tuple[list[Path], list[int]]:
    return outline_all(list(run.documents), run.folder, run.stylesheet)


@dataclass(frozen=True)
class Window:
    """One run of a render: everything it needs travels with it (to a worker process or
    a Dask worker, which must see the same files: a shared file system)."""

    name: str  # the stylesheet's path (a worker does not know where this process finds it)
    documents: tuple[Path, ...]
    outlines: tuple[Path, ...]
    whole: frozenset[int]
    tree: Path  # where the run writes the tree it reads
    outdir: Path
    params: tuple[tuple[str, bool | int | str], ...]


def render_window_apart(window: Window) -> Path:
    """render_window in a worker: the messages go to a file beside the window's tree (its
    path is returned), read when every window is done. A collection whose documents name
    what it does not hold gives many (330,000 for 400 copies of the book's chapters without
    their registers, 4 MB a window): held by this process from window to window, they
    took some 40 MiB beside the worker rendering the last one."""
    messages = render_window(window)
    found = window.tree.with_suffix(".messages")
    found.write_bytes("\0".join(messages).encode("utf-8", "surrogatepass"))  # no XML text holds NUL
    return found


def _messages_of(found: Path) -> list[str]:
    text = found.read_bytes().decode("utf-8", "surrogatepass")
    found.unlink()
    return text.split("\0") if text else []


def render_window(window: Window) -> list[str]:
    """Write the pages of the documents `window` holds whole; returns the transform's messages."""
    parts = [document if k in window.whole else window.outlines[k] for k, document in enumerate(window.documents)]
    write_whole(parts, window.tree)
    try:
        return transform(window.name, window.tree, window.outdir, dict(window.params))
    finally:
        window.tree.unlink()


def write_whole(documents: list[Path], tree: Path) -> None:
    """Write to `tree` the collection's tree as a run reads it: the documents (or outlines),
    in order, in a teiCorpus."""
    with open(tree, "wb") as out:
        out.write(CORPUS_START)
        for document in documents:
            out.write(document.read_bytes())
        out.write(CORPUS_END)


def render_windows(
    name: str,
    documents: list[Path],
    work: Path,
    outdir: Path,
    params: dict[str, bool | int | str],
    *,
    budget: int | None = None,
    book: bool = False,
    jobs: int = 1,
    dask: str | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[str]:
    """Render `documents` (the collection's documents, in order, as collect_documents
    wrote them) with transforms/NAME into `outdir`, a window at a time; returns the
    transforms' messages, in the order of the windows. With `book` (the text edition),
    book.txt is joined from the windows' parts.

    A collection of one window is rendered here. Otherwise the outlines, then the
    windows, are made in processes that end with them (teikit.cluster.map_batches,
    `fresh`): `jobs` windows at a time, or on the Dask cluster at `dask`."""
    if len(windows(documents, budget or WINDOW_BYTES)) == 1:
        return _render_whole(name, documents, work / "window-0.xml", outdir, params)
    stylesheets = saxon.TRANSFORMS.resolve()
    outlining = Outlining(tuple(documents), work, str(stylesheets / "outline.xsl"))
    [(_, (outlines, bases))] = list(map_batches(outline_run, [outlining], dask=dask, fresh=True))
    groups = windows(documents, whole_bytes(outlines, budget or WINDOW_BYTES))
    parts: list[Path] = []
    runs: list[Window] = []
    for w, group in enumerate(groups):
        run: dict[str, bool | int | str] = {**params, "node-bases": " ".join(map(str, bases)), "opening": w == 0}
        if book:
            parts.append(work / f"book-{w}.txt")
            run["book-part"] = parts[-1].resolve().as_uri()
        runs.append(
            Window(
                str(stylesheets / name),
                tuple(documents),
                tuple(outlines),
                frozenset(group),
                work / f"window-{w}.xml",
                outdir,
                tuple(run.items()),
            )
        )
    found: dict[int, Path] = {}
    for w, messages in map_batches(render_window_apart, runs, jobs=jobs, dask=dask, fresh=True):
        found[w] = messages
        progress(len(found), len(runs))
    if parts:
        _join_book(parts, outdir / "book.txt")
    return [message for w in range(len(runs)) for message in _messages_of(found[w])]


def _render_whole(
    name: str, documents: list[Path], tree: Path, outdir: Path, params: dict[str, bool | int | str]
) -> list[str]:
    """The collection in one transform, as one window holding every document whole: the
    tree is the whole collection's, so the transform needs no outline and no numbers
    (node-bases), and writes the opening page and book.txt itself."""
    window = Window(name, tuple(documents), (), frozenset(range(len(documents))), tree, outdir, tuple(params.items()))
    return render_window(window)


def _join_book(parts: list[Path], dest: Path) -> None:
    """book.txt from the windows' parts (text.xsl, $book-part): their blocks in the order
    of the pages they come from, separated as text.xsl separates them."""
    blocks: list[tuple[int, str]] = []
    for part in parts:
        text = part.read_bytes().decode("utf-8")
        at = 0
        while at < len(text):
            line = text.index("\n", at)
            number, length = (int(n) for n in text[at:line].split())
            blocks.append((number, text[line + 1 : line + 1 + length]))
            at = line + 1 + length
    blocks.sort(key=lambda block: block[0])  # stable: the title before the contents
    dest.write_bytes(("\n\n\n".join(text for _, text in blocks) + "\n").encode("utf-8"))
