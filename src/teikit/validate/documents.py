"""Reading the files to validate: safely, and learning what each one declares.

Every file is parsed here by libxml2 with the network off, external entities
and DTDs never loaded, and libxml2's bounds on entity expansion and tree size;
a file over `max_bytes` is not read at all. XIncludes reach only the local files
teikit.access.LocalFiles allows (the including file's folder, real paths, plus
`allow_read`). Only a file that passes is handed to jing, which would otherwise
fetch DTDs and external entities itself; a file whose DOCTYPE or XIncludes jing
cannot be trusted with gets a sanitized copy instead, with a map from its lines
back to the lines of the original files.

A well-formed file libxml2 refuses for a limit of its own (libxml2_limit: nesting deeper
than 256 elements, a text over 10,000,000 bytes; XML_PARSE_HUGE stays off) is not called
not well-formed: it has no tree, and what its prolog declares is kept (Loaded.beyond_limit),
so that jing judges it as it stands where jing may read it (validate._beyond_limit), as in a
run where no file is parsed in Python. jing.py's pre-read uses the same definition.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

from lxml import etree

from ..access import AccessDenied, LocalFiles
from ..xmlio import safe_parser
from .results import Problem

RELAXNG_NS = "http://relaxng.org/ns/structure/1.0"
SCHEMATRON_NS = {"http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron"}
COMPACT_TYPE = "application/relax-ng-compact-syntax"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
XINCLUDE = f"{{{XINCLUDE_NS}}}include"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ORIGIN = "{urn:teikit:validate}origin"  # provenance of XIncluded elements, removed before jing
MAX_BYTES = 256 * 1024 * 1024
# libxml2's errors that are its own limits, not faults of XML (older versions call some internal):
# without XML_PARSE_HUGE (huge_tree, which teikit keeps off) it refuses nesting deeper than 256
# elements or a text over 10,000,000 bytes in a file that is well-formed, and that jing reads.
LIBXML2_LIMITS = frozenset(
    getattr(etree.ErrorTypes, name)
    for name in ("ERR_RESOURCE_LIMIT", "ERR_INTERNAL_ERROR", "ERR_NO_MEMORY")
    if hasattr(etree.ErrorTypes, name)
)


def find_xml_files(paths) -> list[str]:
    """The files named, and every *.xml below the folders named, in a stable order."""
    found: list[str] = []
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            candidates = sorted(str(f) for f in p.rglob("*.xml") if f.is_file())
        else:
            candidates = [str(p)]
        for c in candidates:
            key = os.path.abspath(c)
            if key not in seen:
                seen.add(key)
                found.append(c)
    return found


@dataclass(frozen=True)
class SchemaRef:
    """A schema a file declares in an xml-model processing instruction."""

    href: str  # a local path, or the URL as written when remote
    kind: str  # relaxng | schematron
    remote: bool = False
    line: int = 1


class LineMap:
    """Lines of a sanitized copy mapped back to (file, line) of the originals."""

    def __init__(self, entries: list[tuple[int, str, int]]):
        self._lines = [e[0] for e in entries]
        self._entries = entries

    def lookup(self, line: int) -> tuple[str, int] | None:
        i = bisect.bisect_right(self._lines, line) - 1
        if i < 0:
            return None
        _, path, orig = self._entries[i]
        return path, orig


@dataclass
class Loaded:
    path: str
    tree: etree._ElementTree | None = None
    problems: list[Problem] = field(default_factory=list)
    declared: list[SchemaRef] = field(default_factory=list)
    needs_copy: bool = False  # jing must not read the original (DOCTYPE, XInclude)
    # Why libxml2 could not read the file, when that is one of its own limits (libxml2_limit),
    # not a fault of XML: there is no tree, `declared` and `needs_copy` are from its prolog.
    beyond_limit: str | None = None
    # The tree is the file as a plain parse gives it (no DOCTYPE, nothing included or dropped):
    # the file's (mtime, size, inode) when it was read, to tell whether it is still that file.
    on_disk: tuple[int, int, int, bytes] | None = None
    # The files XIncluded (at any depth), by the path their elements' ORIGIN names: the
    # content_digest of the bytes each time one was included (inclusion.py compares them).
    included: dict[str, list[bytes]] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        return self.tree is not None


def load(path: str, max_bytes: int = MAX_BYTES, allow_read=()) -> Loaded:
    """Parse `path` safely; XInclude local files in its folder (or in `allow_read` folders)."""
    doc = Loaded(path)
    try:
        st = os.stat(path)
        size = st.st_size
    except OSError as exc:
        doc.problems.append(Problem(0, 0, f"cannot read the file: {exc.strerror}", source="xml"))
        return doc
    if size > max_bytes:
        doc.problems.append(
            Problem(
                0,
                0,
                f"file is {size / 2**20:.0f} MiB, over the limit of {max_bytes / 2**20:.0f} MiB (--max-size); not read",
            )
        )
        return doc
    if size == 0:
        doc.problems.append(Problem(1, 1, "empty file: an XML document needs a root element"))
        return doc
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        # Parsed from bytes: libxml2 then reports encoding errors with their position.
        doc.tree = _parse(data, os.path.abspath(path))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno or 0, 0)
        limit = libxml2_limit(exc)
        if limit is not None:
            _beyond_limit(doc, limit)
        elif not _external_entities(doc, data):
            doc.problems.append(Problem(line, col, f"not well-formed: {_plain(exc.msg)}"))
        return doc
    except OSError as exc:
        doc.problems.append(Problem(0, 0, f"cannot read the file: {exc}"))
        return doc
    _check_doctype(doc)
    root = doc.tree.getroot()
    forged = _drop_forged_origins(root, data, doc.tree.docinfo.encoding)
    doc.declared = _declarations(reversed(list(root.itersiblings(etree.PI, preceding=True))), path)
    info = doc.tree.docinfo
    if not (forged or info.internalDTD is not None or info.system_url or info.public_id):
        doc.on_disk = (st.st_mtime_ns, st.st_size, st.st_ino, content_digest(data))
    _expand_xincludes(doc, allow_read, max_bytes)
    return doc


def libxml2_limit(exc: etree.XMLSyntaxError) -> str | None:
    """What limit of libxml2's own refused the document, in words (nesting deeper than its
    limit of 256 elements); None when `exc` is a fault of the XML itself."""
    message = _plain(exc.msg or "").strip()
    if exc.code not in LIBXML2_LIMITS and "XML_PARSE_HUGE" not in message:
        return None
    # Its bound on entity expansion is teikit's defence against entity bombs: such a file is
    # refused as XML. Only a DOCTYPE declares entities, and jing never reads one as it stands.
    if "entity" in message.lower():
        return None
    depth = re.search(r"Excessive depth in document: (\d+)", message)
    if depth:
        return f"nesting deeper than its limit of {depth[1]} elements"
    if "Text node too long" in message:
        return "a text longer than its limit of 10,000,000 bytes"
    return message


def _beyond_limit(doc: Loaded, limit: str) -> None:
    """A file libxml2 refused for a limit of its own: what its prolog declares, and whether jing
    may read it as it stands (as it would in a run that never parses it in Python: no DOCTYPE,
    no XInclude). Problems are said where the engines are chosen (validate._finish)."""
    doc.beyond_limit = limit
    prolog = read_prolog(doc.path)
    if prolog is None:  # its prolog is not plain either: nothing is known of what it declares
        doc.problems.append(Problem(0, 0, f"libxml2 cannot read this file: {limit} (not an XML error); not checked"))
        doc.beyond_limit = None
        return
    doc.declared = prolog.declared
    doc.needs_copy = prolog.has_doctype or may_xinclude(doc.path)


def content_digest(data: bytes) -> bytes:
    """A digest of a file's bytes: a file rewritten within the clock's resolution with as many
    bytes has the same time and size, not the same digest. SHA-256, which processors compute
    in hardware: 0.07 ms for a 120 KiB chapter where BLAKE2b takes 0.14 (each file read by its
    path is digested twice: before and after libxslt reads it)."""
    return hashlib.sha256(data).digest()


def stamp_of(path: str) -> tuple[int, int, int, bytes] | None:
    """What Loaded.on_disk would hold for the file as it stands now: (mtime, size, inode, digest
    of its bytes); None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            data = fh.read()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, content_digest(data))


def may_xinclude(path: str) -> bool:
    """Whether the file may hold an XInclude anywhere (its namespace may be declared on any element).

    A file in UTF-16 or UTF-32 cannot be searched as bytes: it counts as one that may.
    """
    data = _searchable_bytes(path)
    return data is None or XINCLUDE_NS.encode() in data


_ORIGIN_ATTRIBUTE = re.compile(rb":origin\s*=")


def may_mark_origins(path: str) -> bool:
    """Whether the file may write provenance marks of its own (an attribute ORIGIN, which load
    drops): a prefixed attribute named origin anywhere (its name is written as it is, whatever
    the namespace's declaration escapes). As may_xinclude, a file in UTF-16 or UTF-32 may."""
    data = _searchable_bytes(path)
    return data is None or _ORIGIN_ATTRIBUTE.search(data) is not None


def _searchable_bytes(path: str) -> bytes | None:
    """The file's bytes, to search for ASCII markup; None when it cannot be read or is in a
    wide encoding (UTF-16 or UTF-32), where such a search finds nothing."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:1] == b"\x00" or data[1:2] == b"\x00":
        return None
    return data


_ALL_IDS = etree.XPath("//@xml:id", smart_strings=False)


def duplicate_ids(tree) -> list[Problem]:
    """Each repeated xml:id, at its repetition, naming the line of its first occurrence."""
    ids = _ALL_IDS(tree)
    if len(ids) == len(set(ids)):  # the usual case, told without visiting every element from Python
        return []
    first: dict[str, int] = {}
    problems = []
    for el in tree.getroot().iter(etree.Element):
        value = el.get(XML_ID)
        if value is None:
            continue
        if value in first:
            problems.append(
                Problem(el.sourceline or 0, 0, f'ID "{value}" has already been defined (first at line {first[value]})')
            )
        else:
            first[value] = el.sourceline or 0
    return problems


def _parse(data: bytes, url: str) -> etree._ElementTree:
    """Parse safely; a repeated xml:id is a validity error (jing's, or duplicate_ids()),
    not a reason to refuse the file as not well-formed, so a failed parse is tried again
    without libxml2's ID table (not the first time: without it libxml2 also refuses
    a DOCTYPE that names a DTD on the network, which teikit reports itself)."""
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: libxml2 takes URLs as UTF-8
        url = quote(os.fsencode(url), safe="/")
    try:
        return etree.parse(io.BytesIO(data), safe_parser(resolve_entities="internal"), base_url=url)
    except etree.XMLSyntaxError:
        return etree.parse(io.BytesIO(data), safe_parser(resolve_entities="internal", collect_ids=False), base_url=url)


def _plain(message: str) -> str:
    """libxml2's message without the position it repeats."""
    return re.sub(r", line \d+, column \d+$", "", message)


def _external_entities(doc: Loaded, data: bytes) -> bool:
    """After a failed parse: report external entities as such, not as 'not defined'."""
    try:
        tree = etree.parse(io.BytesIO(data), safe_parser())
    except (etree.XMLSyntaxError, OSError):
        return False
    probe = Loaded(doc.path, tree)
    _check_doctype(probe)
    doc.problems.extend(probe.problems)
    return bool(probe.problems)


def _check_doctype(doc: Loaded) -> None:
    assert doc.tree is not None, "only called on a parsed document"
    info = doc.tree.docinfo
    dtd = info.internalDTD
    if info.system_url or info.public_id:
        what = info.system_url or info.public_id
        doc.problems.append(
            Problem(
                1,
                1,
                f"the DOCTYPE points to an external DTD ({what}); "
                "teikit never loads DTDs, so nothing it defines is applied",
            )
        )
        doc.needs_copy = True
    if dtd is None:
        return
    for entity in dtd.iterentities():
        doc.needs_copy = True
        if entity.system_url:
            doc.problems.append(
                Problem(
                    1,
                    1,
                    f"the DOCTYPE declares external entity '{entity.name}' "
                    f"({entity.system_url}); teikit never loads external entities",
                )
            )


@dataclass
class Prolog:
    """What a file says before its root element, read without parsing the rest."""

    declared: list[SchemaRef]
    has_doctype: bool
    uses_xinclude: bool  # the root declares the XInclude namespace


def read_prolog(path: str) -> Prolog | None:
    """The xml-model declarations and DOCTYPE of a file; None if its prolog is not plain XML."""
    # Only the root's start is asked for: the processing instructions before it are read from the
    # tree then. lxml's events for processing instructions outside the root cost time in the
    # number of those before (a file of 40,000 took 12 s; 2,000,000 in 10 MB, hours).
    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        with open(path, "rb") as fh:
            # Small reads: the parser builds the tree of everything it is fed, and most prologs end
            # within the first few hundred bytes (10,000 chapters: 0.11 -> 0.04 ms of CPU a file);
            # a plain one (an XML declaration and the root's start tag) within the first 128
            # (10,000 chapters, no xml-model: 0.041 -> 0.029 ms a file).
            size = 128
            while chunk := fh.read(size):
                size = 512
                parser.feed(chunk)
                for _, node in parser.read_events():
                    pis = reversed(list(node.itersiblings(etree.PI, preceding=True)))
                    info = node.getroottree().docinfo
                    return Prolog(_declarations(pis, path), bool(info.doctype), XINCLUDE_NS in node.nsmap.values())
    except (etree.XMLSyntaxError, OSError):
        return None
    return None


def _declarations(pis, path: str) -> list[SchemaRef]:
    refs = []
    for pi in pis:
        if pi.target != "xml-model":
            continue
        href = pi.get("href")
        ns = pi.get("schematypens") or ""
        kind = (
            "relaxng"
            if ns == RELAXNG_NS or pi.get("type") == COMPACT_TYPE
            else "schematron"
            if ns in SCHEMATRON_NS
            else None
        )
        if not href or kind is None:
            continue
        url = urlparse(href)
        if url.scheme in ("", "file") or (len(url.scheme) == 1 and os.name == "nt"):
            local = unquote(url.path) if url.scheme == "file" else href
            local = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), local))
            refs.append(SchemaRef(local, kind, False, pi.sourceline or 1))
        else:
            refs.append(SchemaRef(href, kind, True, pi.sourceline or 1))
    return refs


def _expand_xincludes(doc: Loaded, allow_read=(), max_bytes: int = MAX_BYTES) -> None:
    """XInclude local files in the including file's folder (or below); refuse anything else.

    Which files may be included is decided by teikit.access.LocalFiles: the real
    path of the target (every symlink followed) must lie in the including file's
    folder or in an `allow_read` folder, so a symlink does not lead out of it.
    An included file over `max_bytes` is refused, as a validated one would be.
    Done here rather than by libxml2 so that every included element keeps the
    name of the file it came from, for reporting errors at their own file and line.
    """
    assert doc.tree is not None, "only called on a parsed document"
    if doc.tree.getroot().find(f".//{XINCLUDE}") is None:
        return
    folder = os.path.dirname(os.path.abspath(doc.path))
    policy = LocalFiles([folder, *allow_read])
    doc.on_disk = None
    if _include_into(doc.tree.getroot(), os.path.abspath(doc.path), policy, doc.problems, (), max_bytes, doc.included):
        doc.needs_copy = True
    else:
        doc.tree = None


def _include_into(
    root,
    path: str,
    policy: LocalFiles,
    problems: list,
    chain: tuple,
    max_bytes: int = MAX_BYTES,
    digests: dict[str, list[bytes]] | None = None,
) -> bool:
    ok = True
    for inc in list(root.iter(XINCLUDE)):
        href = inc.get("href") or ""
        where = inc.sourceline or 0
        try:
            target = str(policy.resolve(href, path))
        except AccessDenied as exc:
            problems.append(
                Problem(
                    where,
                    0,
                    f"XInclude of '{href}' refused: teikit includes only "
                    f"files in the including file's folder ({exc.message})",
                    path=_other(path, chain),
                )
            )
            ok = False
            continue
        if inc.get("xpointer") or inc.get("parse", "xml") != "xml":
            problems.append(
                Problem(
                    where,
                    0,
                    f"XInclude of '{href}': only whole XML documents are included (no xpointer, no parse=\"text\")",
                    path=_other(path, chain),
                )
            )
            ok = False
            continue
        if target in chain or target == os.path.realpath(path) or len(chain) > 8:
            problems.append(Problem(where, 0, f"XInclude of '{href}' would include itself", path=_other(path, chain)))
            ok = False
            continue
        try:
            if os.path.getsize(target) > max_bytes:
                problems.append(
                    Problem(
                        where,
                        0,
                        f"XInclude of '{href}' refused: the file is over the limit "
                        f"of {max_bytes / 2**20:.0f} MiB (--max-size)",
                        path=_other(path, chain),
                    )
                )
                ok = False
                continue
            with open(target, "rb") as fh:
                data = fh.read()
            parsed = _parse(data, target)
            included = parsed.getroot()
            _drop_forged_origins(included, data, parsed.docinfo.encoding)
            if digests is not None:
                digests.setdefault(target, []).append(content_digest(data))
        except (etree.XMLSyntaxError, OSError) as exc:
            problems.append(
                Problem(where, 0, f"XInclude of '{href}' failed: {_plain(str(exc))}", path=_other(path, chain))
            )
            ok = False
            continue
        ok = (
            _include_into(included, target, policy, problems, chain + (os.path.realpath(path),), max_bytes, digests)
            and ok
        )
        included.set(ORIGIN, target)
        included.tail = inc.tail
        inc.getparent().replace(inc, included)
    return ok


_FORGED = etree.XPath("descendant-or-self::*[@o:origin]", namespaces={"o": ORIGIN[1:].split("}")[0]})
# Encodings that write markup in ASCII bytes: an attribute's name shows in the file's bytes.
_ASCII_MARKUP = (
    {"utf-8", "us-ascii", "ascii"}
    | {f"iso-8859-{i}" for i in range(1, 17)}
    | {f"windows-{i}" for i in range(1250, 1259)}
)


def _drop_forged_origins(root, data: bytes | None = None, encoding: str | None = None) -> int:
    """Remove provenance a file wrote itself: only the XInclude step may say where elements came from.
    Returns how many were removed. `data`: the bytes the tree was parsed from, in `encoding`;
    when that writes markup in ASCII and no attribute named origin shows in them (as
    may_mark_origins looks), there is none to remove and the tree is not searched (0.5 ms a
    chapter of the bundled book). Not when the file declares entities: an entity's markup may
    write the name with character references, which the bytes do not show as the name."""
    if (
        data is not None
        and (encoding or "").lower() in _ASCII_MARKUP
        and root.getroottree().docinfo.internalDTD is None
        and not _ORIGIN_ATTRIBUTE.search(data)
    ):
        return 0
    forged = _FORGED(root)
    for el in forged:
        del el.attrib[ORIGIN]
    return len(forged)


def _other(path: str, chain: tuple) -> str | None:
    """The path to report a problem under, when it is not the file being validated."""
    return path if chain else None


def sanitized_copy(doc: Loaded, folder: str) -> tuple[str, LineMap]:
    """Write the parsed (and XIncluded) document for jing; map its lines back."""
    own = os.path.abspath(doc.path)
    origin: dict = {}
    lines = []
    assert doc.tree is not None, "only called on a usable document"
    for el in doc.tree.getroot().iter(etree.Element):
        parent = el.getparent()
        origin[el] = el.attrib.pop(ORIGIN, None) or (origin[parent] if parent is not None else own)
        lines.append((origin[el], el.sourceline or 0))
    data = etree.tostring(doc.tree.getroot(), encoding="UTF-8", xml_declaration=True)
    fd, name = tempfile.mkstemp(prefix="copy-", suffix=".xml", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    copy = etree.fromstring(data, safe_parser(collect_ids=False))
    entries = [(new.sourceline or 0, path, line) for new, (path, line) in zip(copy.iter(etree.Element), lines)]
    entries.sort(key=lambda e: e[0])
    return name, LineMap(entries)
