"""Gathering the TEI documents to render into one tree for the transforms.

Every file is parsed by teikit's safe loader (no network, no external entities, local
XIncludes only), so Saxon only ever sees a tree that has already passed those checks.
Each document keeps, as xml:base, the URI of the file it came from: the transforms
resolve pointers such as `ch01.xml#fig1` with it. A corpus file's XIncluded documents
are rendered through the corpus, not a second time on their own.

Which file each element came from is recorded where the document cannot forge it:
every attribute in teikit's render namespace (`RENDER_NS`) that the document wrote is
removed, then the root of each file read or included gets rm:origin, its path. The
loader's XInclude provenance is believed only for a file in the including file's
folder (where XInclude may reach); anything else claiming it is ignored. An xml:base
the document wrote is data, never provenance (see teikit.render.media).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from ..tei import TEI_NS, XML_NS, q
from ..validate.documents import ORIGIN, find_xml_files, load, may_xinclude
from . import languages

XML_BASE = f"{{{XML_NS}}}base"
RENDER_NS = "urn:teikit:render"
ORIGIN_MARK = f"{{{RENDER_NS}}}origin"  # the file an element's subtree was read from
SOURCE_LINE = f"{{{RENDER_NS}}}line"  # a graphic's line in its file, while collect_to_file holds it
TEI_ROOTS = (q("TEI"), q("teiCorpus"))


def collect(paths, warn=lambda message: None) -> etree._Element:
    """One tree holding every TEI document found in `paths` (files or folders)."""
    included: set[str] = set()
    read = sorted(_documents(paths, warn, included), key=lambda document: document[0])
    roots = [root for _, path, root in read if path not in included]
    if not roots:
        raise TeikitError("no TEI documents to render", ", ".join(str(p) for p in paths))
    if len(roots) == 1:
        return roots[0]
    wrapper = etree.Element(q("teiCorpus"), nsmap={None: TEI_NS})
    wrapper.extend(roots)
    return wrapper


def collect_to_file(paths, dest: Path, warn=lambda message: None, prepare=lambda root: None) -> None:
    """Write to `dest` what `collect` would give, holding one document in memory at a time.

    The transforms see the same tree: the documents `collect_documents` writes, one after
    the other, in a teiCorpus when there are several.
    """
    with tempfile.TemporaryDirectory(prefix="teikit-collect-") as tmp:
        documents = collect_documents(paths, Path(tmp), warn=warn, prepare=prepare)
        with open(dest, "wb") as out:
            if len(documents) > 1:
                out.write(CORPUS_START)
            for document in documents:
                with open(document, "rb") as part:
                    shutil.copyfileobj(part, out)
            if len(documents) > 1:
                out.write(CORPUS_END)


CORPUS_START = f'<teiCorpus xmlns="{TEI_NS}">'.encode()
CORPUS_END = b"</teiCorpus>"


def collect_documents(paths, folder: Path, warn=lambda message: None, prepare=lambda root: None) -> list[Path]:
    """The documents `collect` would give, each written to a file of `folder` (in order),
    holding one in memory at a time: `gather_documents`, then `prepare_documents`."""
    return prepare_documents(gather_documents(paths, folder, warn=warn), folder, prepare)


@dataclass(frozen=True)
class Gathered:
    """A document of the collection as gather_documents wrote it, to be prepared."""

    file: Path
    graphics: bool  # whether it holds a graphic (each then carries its line, SOURCE_LINE)


def gather_documents(paths, folder: Path, warn=lambda message: None) -> list[Gathered]:
    """The documents `collect` would give, each written to a file of `folder` (in order),
    holding one in memory at a time; those with graphics still to be prepared
    (`prepare_documents`). Several editions of one collection may share what this gives.

    Each document is serialised as it is read; the documents that a corpus includes are
    known once every file has been read, and left out then.
    """
    included: set[str] = set()
    read: list[tuple[int, str, Gathered]] = []
    for k, path, root in _documents(paths, warn, included):
        chunk = folder / f"{k}.xml"
        graphics = False
        for graphic in root.iter(q("graphic")):  # read back, it would have the chunk's lines
            graphic.set(SOURCE_LINE, str(graphic.sourceline or ""))
            graphics = True
        chunk.write_bytes(etree.tostring(root, encoding="utf-8", xml_declaration=False))
        read.append((k, path, Gathered(chunk, graphics)))
    read.sort(key=lambda document: document[0])
    kept = [gathered for _, path, gathered in read if path not in included]
    for _, path, gathered in read:
        if path in included:
            gathered.file.unlink()
    if not kept:
        raise TeikitError("no TEI documents to render", ", ".join(str(p) for p in paths))
    return kept


def prepare_documents(gathered: list[Gathered], folder: Path, prepare=lambda root: None) -> list[Path]:
    """The files of the gathered documents made ready for a transform: a document with
    graphics is read back, given to `prepare` (which may mark its graphics, as the media
    plan does), its graphics' lines removed, and written to `folder` under its own name
    (replacing it, when that is its folder); any other is its file as gathered, which
    `prepare` would leave as it is. One at a time in memory."""
    # Read back what teikit has just written (already checked): no entities, no network,
    # and ids not collected (libxml2 would stop at an xml:id given twice, which the loader
    # let through: the edition renders it, as it does a document without graphics).
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, collect_ids=False)
    files: list[Path] = []
    for document in gathered:
        if not document.graphics:
            files.append(document.file)
            continue
        root = etree.parse(str(document.file), parser).getroot()
        prepare(root)
        for graphic in root.iter(q("graphic")):
            graphic.attrib.pop(SOURCE_LINE, None)
        prepared = folder / document.file.name
        prepared.write_bytes(etree.tostring(root, encoding="utf-8", xml_declaration=False))
        files.append(prepared)
    return files


def _documents(paths, warn, included: set[str]):
    """(position, absolute path, root) of every TEI document in `paths`, its parts'
    origins marked; the position is the file's among the files found, whose order the
    caller keeps (the documents come in another: the corpus files first).

    `included` gathers the files a corpus file brought in by XInclude: they are rendered
    through it, so the caller leaves them out. The files that may hold an XInclude are
    read first, so that a file they include is not read a second time on its own (only
    they can include one). What reading reports goes to `warn` in the files' order, once
    all are read.
    """
    files = find_xml_files(paths)
    if not files:
        raise TeikitError("no XML files to render", ", ".join(str(p) for p in paths))
    named = {os.path.abspath(p) for p in paths if not Path(p).is_dir()}
    reported: list[list[str]] = [[] for _ in files]
    including = {k for k, path in enumerate(files) if may_xinclude(path)}
    # those that may include first, each group in the files' order (sorted() is stable)
    for k in sorted(range(len(files)), key=lambda k: k not in including):
        path = files[k]
        if k not in including and os.path.abspath(path) in included:
            continue  # read through the corpus that includes it
        root = _load(path)
        if root.tag not in TEI_ROOTS:
            if os.path.abspath(path) in named:
                raise TeikitError(f"not a TEI document: the root element is <{etree.QName(root).localname}>", path)
            reported[k].append(f"{path}: skipped, not a TEI document")
            continue
        _mark_origins(root, path, included)
        languages.normalise(root, path, reported[k].append)
        root.set(XML_BASE, Path(path).resolve().as_uri())
        yield k, os.path.abspath(path), root
    for messages in reported:
        for message in messages:
            warn(message)


# How the transforms say where an element is (common.xsl, tk:location): element positions
# from the root of the tree they read, which is the tree collect() made.
_LOCATION = re.compile(r"\[at (/\*\[\d+\](?:/\*\[\d+\])*)\] ")


def located_in(paths, messages: list[str], documents: list[Path] | None = None) -> list[str]:
    """`located` for a collection that was not kept in memory (see collect_to_file): it is
    read again, only when a message names an element. Given the `documents` that
    collect_documents wrote, only the files of the documents the messages name are read,
    one at a time (the whole collection, read at once, takes some nine times its size:
    430 MiB for 48 MB of TEI)."""
    if not any(_LOCATION.search(message) for message in messages):
        return messages
    if documents is None or len(documents) < 2:
        return located(collect(paths), messages)
    # /*[1] is the collection's teiCorpus, /*[1]/*[k] its k-th document
    wanted: dict[int, set[str]] = {}
    where: dict[str, str] = {}
    for message in messages:
        for match in _LOCATION.finditer(message):
            steps = _steps(match)
            if len(steps) >= 2 and steps[0] == 1:
                wanted.setdefault(steps[1], set()).add(match.group(1))
            else:  # the teiCorpus itself, or nothing of the collection
                where[match.group(1)] = _where(etree.Element(q("teiCorpus")), steps)
    for k in sorted(wanted):
        if not 1 <= k <= len(documents):
            continue
        # the document as collect() reads it (a corpus file with the documents it includes),
        # first of its own teiCorpus
        wrapper = etree.Element(q("teiCorpus"))
        wrapper.extend(root for _, _, root in _documents([_origin_of(documents[k - 1])], lambda message: None, set()))
        for location in wanted[k]:
            where[location] = _where(wrapper, [1, 1, *_steps_of(location)[2:]])
    return [_LOCATION.sub(lambda match: where.get(match.group(1), ""), message) for message in messages]


def _origin_of(document: Path) -> str:
    """The file a document collect_documents wrote was read from (its root's rm:origin)."""
    for _, element in etree.iterparse(str(document), events=("start",), resolve_entities=False, no_network=True):
        return element.get(ORIGIN_MARK, "")
    return ""


def located(tree: etree._Element, messages: list[str]) -> list[str]:
    """The transforms' messages, an element's location in them given as its file and line."""
    return [_LOCATION.sub(lambda match: _where(tree, _steps(match)), message) for message in messages]


def _steps(match: re.Match) -> list[int]:
    return _steps_of(match.group(1))


def _steps_of(location: str) -> list[int]:
    """The element positions of a location (/*[1]/*[3]: 1, 3)."""
    return [int(n) for n in re.findall(r"\d+", location)]


def _where(tree: etree._Element, steps: list[int]) -> str:
    """The file and line of the element at `steps` from `tree`, the root (empty: none)."""
    el = tree if steps[:1] == [1] else None
    for n in steps[1:]:
        children = [c for c in el if isinstance(c.tag, str)] if el is not None else []
        el = children[n - 1] if n <= len(children) else None
    if el is None:
        return ""
    origin = next((a.get(ORIGIN_MARK) for a in el.iterancestors() if a.get(ORIGIN_MARK)), el.get(ORIGIN_MARK))
    return f"{origin or 'the collection'}:{el.sourceline or '?'}: "


def _mark_origins(root: etree._Element, path: str, included: set) -> None:
    """Record in rm:origin (and xml:base, for the transforms) the file each part came from."""
    # One scan for both (the tree may be a whole book): the document's own rm: attributes
    # go, then the loader's provenance becomes rm:origin.
    found = root.xpath("//@rm:* | //@v:origin", namespaces={"rm": RENDER_NS, "v": etree.QName(ORIGIN).namespace})
    claims = [(attr.getparent(), str(attr)) for attr in found if attr.attrname == ORIGIN]
    for attr in found:
        del attr.getparent().attrib[attr.attrname]
    folder = os.path.dirname(os.path.abspath(path))
    for el, origin in claims:
        # XInclude reaches only the including file's folder: a claim of another origin is forged.
        if not os.path.isabs(origin) or os.path.commonpath([folder, os.path.normpath(origin)]) != folder:
            continue
        origin = os.path.normpath(origin)
        el.set(ORIGIN_MARK, origin)
        if el.tag in TEI_ROOTS:
            included.add(origin)
            el.set(XML_BASE, Path(origin).as_uri())
    root.set(ORIGIN_MARK, os.path.abspath(path))


def _load(path: str) -> etree._Element:
    doc = load(path)
    errors = [p for p in doc.problems if p.severity == "error"]
    if errors or not doc.usable:
        first = errors[0] if errors else None
        message = first.message if first else "cannot be read"
        raise TeikitError(message, first.path or path if first else path, first.line if first else None)
    assert doc.tree is not None  # doc.usable
    return doc.tree.getroot()
