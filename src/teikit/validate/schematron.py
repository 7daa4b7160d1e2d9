"""ISO Schematron, compiled once by lxml and run in-process with libxslt.

Query bindings: xslt (XSLT 1.0) and exslt (XSLT 1.0 with EXSLT functions such
as str:tokenize). A stylesheet may read other documents with document(): they
are read from the local disk only, a missing one reads as an empty document so
that a rule can report it, and nothing is fetched from the network.
"""

from __future__ import annotations

import os
from urllib.parse import unquote, urlparse

from lxml import etree, isoschematron

from ..errors import TeikitError
from ..xmlio import safe_parser
from .results import Problem

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
SUPPORTED_BINDINGS = {None, "xslt", "xslt1", "exslt", "xpath"}
_MISSING = '<missing xmlns="urn:teikit:missing"/>'


class UnsupportedBinding(TeikitError):
    pass


class _LocalOnly(etree.Resolver):
    def resolve(self, url, pubid, context):
        parsed = urlparse(url)
        if parsed.scheme in ("", "file"):
            path = unquote(parsed.path)
            if os.path.isfile(path):
                return self.resolve_filename(path, context)
        return self.resolve_string(_MISSING, context)


def _document_parser() -> etree.XMLParser:
    parser = safe_parser()
    parser.resolvers.add(_LocalOnly())
    return parser


class Schematron:
    """A compiled Schematron schema (ISO, or embedded in a RELAX NG grammar)."""

    def __init__(self, path: str):
        self.path = path
        try:
            source = etree.parse(path, _document_parser())
        except (etree.XMLSyntaxError, OSError) as exc:
            raise TeikitError(f"cannot read Schematron schema: {exc}", path) from None
        binding = _query_binding(source.getroot())
        if binding not in SUPPORTED_BINDINGS:
            raise UnsupportedBinding(f"Schematron query binding '{binding}' is not supported: teikit runs "
                                     "Schematron with XSLT 1.0 (bindings xslt, exslt)", path)
        try:
            compiled = isoschematron.Schematron(source, store_xslt=True)
            # Recompiled here so that document() goes through the local-only resolver.
            xslt_doc = etree.fromstring(etree.tostring(compiled.validator_xslt), _document_parser())
            access = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                             read_network=False, write_network=False)
            self._xslt = etree.XSLT(xslt_doc, access_control=access)
        except (etree.SchematronParseError, etree.XSLTParseError, etree.XMLSyntaxError) as exc:
            raise TeikitError(f"cannot compile Schematron schema: {exc}", path) from None

    def check(self, tree: etree._ElementTree) -> list[Problem]:
        try:
            report = self._xslt(tree)
        except etree.XSLTApplyError as exc:
            return [Problem(0, 0, f"Schematron {os.path.basename(self.path)} failed to run: {exc}",
                            source="schematron")]
        problems = []
        for finding in report.getroot().iter(SVRL + "failed-assert", SVRL + "successful-report"):
            text = " ".join((finding.findtext(SVRL + "text") or "").split())
            role = (finding.get("role") or "").lower()
            severity = "warning" if role in ("warning", "warn", "info", "information") else "error"
            problems.append(Problem(_line_of(tree, finding.get("location")), 0, text, severity, "schematron"))
        return problems


def _query_binding(root) -> str | None:
    sch = root
    if root.tag.startswith("{http://relaxng.org/ns/structure/1.0}"):
        found = root.find(".//{http://purl.oclc.org/dsdl/schematron}schema")
        sch = found if found is not None else root
    binding = sch.get("queryBinding")
    return binding.lower() if binding else None


def _line_of(tree, location: str | None) -> int:
    if not location:
        return 0
    if "/@" in location.rsplit("/", 1)[-1] or location.rsplit("/", 1)[-1].startswith("@"):
        location = location.rsplit("/", 1)[0]
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return 0
    node = found[0] if isinstance(found, list) and found else None
    return getattr(node, "sourceline", None) or 0
