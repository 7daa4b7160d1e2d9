"""RELAX NG schemas made safe for jing: every file jing reads is one teikit wrote.

jing would itself fetch a schema's `include` or `externalRef` over HTTP, read any
local file they name, and expand the entities a schema's DOCTYPE declares. So it
is never given a user's schema. `stage` reads the schema and everything it
includes here, in Python, and writes sanitized copies into a private folder:

- XML syntax (.rng): every part must be RELAX NG (jing would also take W3C XML
  Schema, Schematron or NVDL, which have their own ways to reach other files);
  parsed like a document (no network, no DTD, no external
  entity; a DOCTYPE that points outside, or declares an external entity, is
  refused; internal entities are expanded, bounded by libxml2) and written back
  without a DOCTYPE, its root on the original line so that jing's line numbers
  stay right. `include` and `externalRef` are resolved against the real path of
  the file they stand in (xml:base ignored and removed) and must name a local
  file under the main schema's folder or an `allow_read` folder
  (teikit.access.LocalFiles: symlinks followed, no hidden files); their href is
  rewritten to the staged copy.
- Compact syntax (.rnc): `\\x{…}` escapes are decoded first, as the syntax
  defines, so that the scanner here and jing see the same text; comments and
  literals are tokenized, and every literal (or `~` concatenation) that follows
  the keyword `include` or `external` is resolved and rewritten in the same way.

The staged files name only one another, by absolute file: URL, so jing opens
nothing but them and the documents teikit gives it.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..access import AccessDenied, LocalFiles
from ..errors import TeikitError
from ..xmlio import safe_parser

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
MAX_FILES = 500  # a schema with more parts than this is refused


@dataclass
class Staged:
    path: str  # the staged main schema, for jing
    compact: bool
    originals: dict[str, str] = field(default_factory=dict)  # staged path -> original path


def stage(schema: str, folder: str, allow_read=()) -> Staged:
    """Copy `schema` and all it includes, sanitized, into `folder`. TeikitError if refused."""
    os.makedirs(folder, exist_ok=True)
    policy = LocalFiles([os.path.dirname(os.path.realpath(schema)), *allow_read])
    compact = is_compact(schema)
    stager = _Stager(folder, policy, compact)
    main = stager.add(os.path.realpath(schema))
    stager.run()
    return Staged(main, compact, {v: k for k, v in stager.names.items()})


def is_compact(schema: str) -> bool:
    if schema.endswith(".rnc"):
        return True
    if schema.endswith(".rng"):
        return False
    try:
        with open(schema, "rb") as fh:
            head = fh.read(512).lstrip()
    except OSError:
        return False
    return not head.startswith(b"<")


class _Stager:
    def __init__(self, folder: str, policy: LocalFiles, compact: bool):
        self.folder, self.policy, self.compact = folder, policy, compact
        self.names: dict[str, str] = {}  # real original path -> staged path
        self.todo: list[str] = []

    def add(self, real: str) -> str:
        if real not in self.names:
            if len(self.names) >= MAX_FILES:
                raise TeikitError(f"the schema has more than {MAX_FILES} parts", real)
            self.names[real] = os.path.join(self.folder, f"s{len(self.names)}" + (".rnc" if self.compact else ".rng"))
            self.todo.append(real)
        return self.names[real]

    def target(self, href: str, within: str, line: int | None) -> str:
        """The staged copy's file: URL for a reference in `within`, checked by the policy."""
        try:
            real = self.policy.resolve(href, within)
        except AccessDenied as exc:
            raise TeikitError(
                f"the schema refers to '{href}', refused: {exc.message}; teikit reads "
                "schema parts only from local files under the schema's folder "
                "(or --allow-read)",
                within,
                line,
            ) from None
        if not real.is_file():
            raise TeikitError(f"the schema refers to '{href}', which does not exist", within, line)
        return Path(self.add(str(real))).as_uri()

    def run(self) -> None:
        while self.todo:
            real = self.todo.pop()
            data = self._rnc(real) if self.compact else self._rng(real)
            with open(self.names[real], "wb") as fh:
                fh.write(data)

    def _rng(self, path: str) -> bytes:
        try:
            tree = etree.parse(path, safe_parser(resolve_entities="internal"))
        except etree.XMLSyntaxError as exc:
            line = exc.position[0] if exc.position else None
            try:
                # An undefined entity may be an external one, never loaded: say so.
                _check_doctype(etree.parse(path, safe_parser()), path)
            except etree.XMLSyntaxError:
                pass
            raise TeikitError(f"the schema is not well-formed XML: {exc.msg}", path, line) from None
        except OSError as exc:
            raise TeikitError(f"cannot read the schema: {exc}", path) from None
        _check_doctype(tree, path)
        root = tree.getroot()
        if not isinstance(root.tag, str) or not root.tag.startswith(f"{{{RNG_NS}}}"):
            # jing would take W3C XML Schema, Schematron or NVDL too, each with its own ways
            # of reading other files (xs:import, nvdl:validate/@schema …): refused outright.
            raise TeikitError(
                "not a RELAX NG schema (its root is not in the RELAX NG namespace); teikit gives jing RELAX NG only",
                path,
                root.sourceline,
            )
        for el in root.iter(etree.Element):
            el.attrib.pop(XML_BASE, None)
            if el.tag in (f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
                el.set("href", self.target(el.get("href") or "", path, el.sourceline))
        # No XML declaration: the root may then start on its original line (blank
        # lines before it are allowed), so jing reports the schema's own lines.
        pad = b"\n" * max(0, (root.sourceline or 1) - 1)
        return pad + etree.tostring(root, encoding="UTF-8", xml_declaration=False)

    def _rnc(self, path: str) -> bytes:
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            raise TeikitError(f"cannot read the schema: {exc}", path) from None
        text = _decode_rnc(raw, path)
        out, pos = [], 0
        for start, end, href, line in _rnc_references(text, path):
            out.append(text[pos:start])
            # A multi-line literal becomes one line: keep the line count after it.
            out.append('"' + self.target(href, path, line) + '"' + "\n" * text.count("\n", start, end))
            pos = end
        out.append(text[pos:])
        return "".join(out).encode("utf-8")


def _check_doctype(tree, path: str) -> None:
    info = tree.docinfo
    if info.system_url or info.public_id:
        raise TeikitError("the schema's DOCTYPE points to an external DTD; teikit loads no DTD for a schema", path, 1)
    if info.internalDTD is not None:
        for entity in info.internalDTD.iterentities():
            if entity.system_url:
                raise TeikitError(
                    f"the schema declares external entity '{entity.name}'; teikit "
                    "loads no external entity for a schema",
                    path,
                    1,
                )


_ESCAPE = re.compile(r"\\x+\{([0-9A-Fa-f]{1,6})\}")


def _decode_rnc(raw: bytes, path: str) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TeikitError(f"the compact schema is not {encoding.upper()[:6]} text: {exc.reason}", path) from None

    def char(m):
        code = int(m.group(1), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise TeikitError(f"the compact schema has an invalid escape {m.group(0)}", path)
        return chr(code)

    text = _ESCAPE.sub(char, text)
    if _ESCAPE.search(text):
        # Decoding made a new escape: jing would decode it again and see other text.
        raise TeikitError("the compact schema has an escape that decodes to another escape", path)
    return text


_TOKEN = re.compile(
    r'''
    (?P<comment>\#[^\n]*)
  | (?P<literal>"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"[^"\n]*"|'[^'\n]*')
  | (?P<word>\\?[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*|:\*)?)
  | (?P<space>\s+)
  | (?P<other>.)
''',
    re.VERBOSE,
)


def _rnc_references(text: str, path: str):
    """(start, end, href, line) of each literal naming a file in `include`/`external`."""
    tokens = [
        (m.lastgroup, m.start(), m.end(), m.group())
        for m in _TOKEN.finditer(text)
        if m.lastgroup not in ("space", "comment")
    ]
    i = 0
    while i < len(tokens):
        kind, _, _, value = tokens[i]
        i += 1
        if kind != "word" or value not in ("include", "external"):
            continue
        # The reference: a literal, or literals joined by '~'.
        if i >= len(tokens) or tokens[i][0] != "literal":
            continue
        start, parts = tokens[i][1], [tokens[i][3]]
        end = tokens[i][2]
        i += 1
        while i + 1 < len(tokens) and tokens[i][3] == "~" and tokens[i + 1][0] == "literal":
            parts.append(tokens[i + 1][3])
            end = tokens[i + 1][2]
            i += 2
        href = "".join(p[3:-3] if p[:3] in ('"""', "'''") else p[1:-1] for p in parts)
        yield start, end, href, text.count("\n", 0, start) + 1
