"""Schematron with XPath 2.0/3.0 (query bindings xslt2, xslt3), run by SaxonC-HE.

The schema is compiled to XSLT 3.0 by sch2xslt (the generated text is kept in
the user's cache, keyed by the schema's content and the compiler's version),
then compiled by Saxon once per schema and process, and applied to each
document.

Closed like the XSLT 1.0 path (schematron.py):
- the schema is read by teikit (schematron.py), never by Saxon; the stylesheet
  Saxon compiles is text teikit wrote, with no include or import;
- the Saxon processor used here forbids every URI protocol (the configuration
  feature allowedProtocols set to ""), so no function can open a file or a URL;
  sch2xslt also refuses schemas that call such functions, with a clear message;
- documents reach Saxon as the text lxml serialized from the tree it parsed
  safely (no DOCTYPE, entities already expanded, XIncludes resolved), with
  teikit's own provenance attributes removed.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
from pathlib import Path

from lxml import etree

from ..errors import TeikitError
from . import sch2xslt
from .documents import ORIGIN
from .locations import Locator, origin_of
from .results import Problem
from .sch2xslt import UnsafeSchema, collect, compile_schema

_WARNING_ROLES = {"warning", "warn", "info", "information", "nonfatal"}
_STEP = re.compile(r"Q\{([^}]*)\}([^\[/]+)\[(\d+)\]")

_processor = None


def processor():
    """One Saxon processor per process, with every external access forbidden."""
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor

        _processor = PySaxonProcessor(license=False)
        _processor.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "")
    return _processor


def saxon_started() -> bool:
    return _processor is not None


def cache_dir() -> Path:
    """$TEIKIT_CACHE_DIR/schematron, else the XDG cache folder's (as teikit's other caches)."""
    own = os.environ.get("TEIKIT_CACHE_DIR")
    base = Path(own) if own else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "teikit"
    return base / "schematron"


def stylesheet_text(root, source: bytes, fresh: bool = False) -> str:
    """The XSLT for a schema's root element; from the cache when this content was compiled
    before (unless `fresh`: then compiled again and the cache rewritten)."""
    # Keyed by the compiler's own code too: a changed compiler never reuses old output.
    compiler = Path(sch2xslt.__file__).read_bytes()
    key = hashlib.sha256(hashlib.sha256(compiler).digest() + source).hexdigest()
    cached = cache_dir() / f"{key}.xsl"
    try:
        if not fresh:
            return cached.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    text = compile_schema(collect(root))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return text


class SaxonSchematron:
    """A schema compiled for Saxon; check() gives the findings for one document."""

    def __init__(self, path: str, root, source: bytes, start_saxon: bool = True):
        """start_saxon=False: only compile to XSLT (and refuse what is unsafe), for a check."""
        self.path = path
        try:
            text = stylesheet_text(root, source)
        except UnsafeSchema as exc:
            raise TeikitError(f"Schematron schema refused: {exc.message}", path, exc.line) from None
        if not start_saxon:
            return
        try:
            self._executable = _compile(text)
        except Exception as exc:  # saxonche raises PySaxonApiError, a plain Exception
            # A damaged cache entry must not make a good schema unusable: compile afresh once.
            fresh = stylesheet_text(root, source, fresh=True)
            try:
                if fresh == text:
                    raise
                self._executable = _compile(fresh)
            except Exception:
                raise TeikitError(f"cannot compile Schematron schema: {_first_line(exc)}", path) from None

    def check(self, tree: etree._ElementTree) -> list[Problem]:
        root = tree.getroot()
        if root.find(f".//*[@{ORIGIN}]") is not None or root.get(ORIGIN) is not None:
            root = _without_origins(root)
        try:
            doc = processor().parse_xml(xml_text=etree.tostring(root, encoding="unicode"))
            self._executable.set_global_context_item(xdm_item=doc)
            out = self._executable.transform_to_string(xdm_node=doc)
            if out is None:
                raise RuntimeError("no result")
        except Exception as exc:
            message = f"Schematron {os.path.basename(self.path)} failed to run: {_first_line(exc)}"
            return [Problem(0, 0, message, "error", "schematron")]
        report = etree.fromstring(out.encode("utf-8"), etree.XMLParser(no_network=True, resolve_entities=False))
        problems = []
        own = os.path.abspath(tree.docinfo.URL or "") if tree.docinfo.URL else None
        locator = Locator(tree)
        for f in report.iter("f"):
            loc = f.get("loc") or ""
            diagnostics = [" ".join("".join(d.itertext()).split()) for d in f.findall("d")]
            for d in f.findall("d"):
                f.remove(d)
            text = " ".join("".join(f.itertext()).split())
            if diagnostics:
                text += " (" + "; ".join(diagnostics) + ")"
            if f.get("kind") == "error":
                text = f"Schematron rule could not be evaluated: {text}"
                severity = "error"
            else:
                severity = "warning" if (f.get("role") or "").lower() in _WARNING_ROLES else "error"
            node = _element_at(tree, loc)
            readable = re.sub(r"Q\{[^}]*\}", "", loc)
            if node is None:
                problems.append(Problem(0, 0, f"{text} [{readable}]", severity, "schematron"))
                continue
            origin = origin_of(node)
            line, column = locator.start_tag(node, origin or own or "")
            path = origin if origin and origin != own else None
            problems.append(Problem(line, column, f"{text} [{readable}]", severity, "schematron", path))
        return problems


def _compile(text: str):
    executable = processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)
    if executable is None:
        raise RuntimeError("Saxon returned no stylesheet")
    return executable


def _without_origins(root):
    root = copy.deepcopy(root)  # not re-parsed: a repeated xml:id must not stop it
    for el in root.iter(etree.Element):
        el.attrib.pop(ORIGIN, None)
    return root


def _element_at(tree, loc: str):
    """The element at `loc` (a path() result) in the lxml tree, or its nearest ancestor there."""
    node = tree.getroot()
    steps = _STEP.findall(loc)
    if not steps:
        return None
    uri, local, n = steps[0]
    if etree.QName(node).localname != local or (etree.QName(node).namespace or "") != uri:
        return None
    for uri, local, n in steps[1:]:
        tag = f"{{{uri}}}{local}" if uri else local
        found = [c for c in node if c.tag == tag]
        if len(found) < int(n):
            break
        node = found[int(n) - 1]
    return node


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:500]
