"""ISO Schematron, compiled once per schema and process, and run in-process.

Query bindings xslt (XSLT 1.0) and exslt (XSLT 1.0 with EXSLT functions such
as str:tokenize) run here, compiled by lxml and run with libxslt; xslt2 and
xslt3 run in Saxon (saxon.py, sch2xslt.py). Rules embedded in a RELAX NG grammar
without a queryBinding are taken as xslt2, the binding the TEI's ODD processor
writes them in.

What a schema may read is decided by teikit.access.LocalFiles, as for documents:
- the schema itself is parsed like a document (no DTD, no external entity, no
  network);
- `sch:include` is resolved here, not by lxml's include step (which would read any
  file or URL): only local files under the schema's own folder (real paths,
  symlinks followed) or an `allow_read` folder, parsed the same way;
- rules embedded in a RELAX NG or XML Schema grammar are extracted by lxml with a
  stylesheet that would read every file the grammar includes: such a grammar may
  not include any;
- XSLT 2/3 rules read nothing but the document (saxon.py, sch2xslt.py);
- in XSLT 1.0 rules, `document()` (and any xsl:include/import the compiled stylesheet names) reads
  only local files under the folders given as `read` — the folders of the files
  being validated, plus `allow_read`. Anything else, and any missing file, reads
  as an empty document, so that a rule can report it; nothing is fetched from
  the network and no other file's content can reach a message.
"""

from __future__ import annotations

import copy
import os
from urllib.parse import unquote

from lxml import etree, isoschematron

from ..access import AccessDenied, LocalFiles, link_scheme
from ..errors import TeikitError
from ..xmlio import safe_parser
from .locations import Locator, origin_of, readable_path
from .results import Problem
from .saxon import SaxonSchematron

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
SUPPORTED_BINDINGS = {None, "xslt", "xslt1", "exslt", "xpath"}  # run here, by libxslt
SAXON_BINDINGS = {"xslt2", "xslt3"}  # run by Saxon (saxon.py)
_MISSING = '<missing xmlns="urn:teikit:missing"/>'
SCHEMATRON_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")


class UnsupportedBinding(TeikitError):
    pass


class _LocalOnly(etree.Resolver):
    """Every URL libxml2/libxslt would load goes through here: allowed local files only."""

    def __init__(self, policy: LocalFiles | None):
        super().__init__()
        self.policy = policy

    def resolve(self, url, pubid, context):
        if self.policy is not None:
            try:
                if link_scheme(url) is None:
                    real = self.policy.check(os.path.abspath(unquote(url)))
                else:
                    real = self.policy.resolve(url, os.getcwd() + os.sep + "-")
                if real.is_file():
                    return self.resolve_filename(str(real), context)
            except AccessDenied:
                pass
        return self.resolve_string(_MISSING, context)


def _document_parser(policy: LocalFiles | None) -> etree.XMLParser:
    parser = safe_parser(collect_ids=False)  # a repeated xml:id in a read document is not a failure to read it
    parser.resolvers.add(_LocalOnly(policy))
    return parser


class Schematron:
    """A compiled Schematron schema (ISO, or embedded in a RELAX NG grammar).

    `read`: the folders document() may read (those of the validated files);
    `allow_read`: more folders, for document() and for sch:include.
    """

    def __init__(self, path: str, read=(), allow_read=(), start_saxon: bool = True):
        self.path = path
        roots = [*read, *allow_read]
        documents = LocalFiles(roots) if roots else None
        includes = LocalFiles([os.path.dirname(os.path.abspath(path)), *allow_read])
        try:
            source = etree.parse(path, safe_parser())
            _inline_includes(source.getroot(), os.path.abspath(path), includes, 0)
        except (etree.XMLSyntaxError, OSError) as exc:
            raise TeikitError(f"cannot read Schematron schema: {exc}", path) from None
        if source.docinfo.internalDTD is not None or source.docinfo.system_url:
            raise TeikitError(
                "the Schematron schema has a DOCTYPE; teikit loads no DTD and no entity for a schema", path
            )
        _refuse_embedding_includes(source.getroot(), path)
        binding = _query_binding(source.getroot())
        self._saxon: SaxonSchematron | None = None
        if binding in SAXON_BINDINGS:
            self._saxon = SaxonSchematron(path, source.getroot(), etree.tostring(source), start_saxon)
            return
        if binding not in SUPPORTED_BINDINGS:
            raise UnsupportedBinding(
                f"Schematron query binding '{binding}' is not supported: teikit runs "
                "Schematron with the bindings xslt, exslt, xslt2 and xslt3",
                path,
            )
        try:
            # include=False: lxml's own include step would read whatever the schema names.
            compiled = isoschematron.Schematron(source, include=False, store_xslt=True)
            # Recompiled here so that document() goes through the local-only resolver.
            xslt_doc = etree.fromstring(
                etree.tostring(compiled.validator_xslt), _document_parser(documents), base_url=os.path.abspath(path)
            )
            access = etree.XSLTAccessControl(
                read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
            )
            self._xslt = etree.XSLT(xslt_doc, access_control=access)
        except (etree.SchematronParseError, etree.XSLTParseError, etree.XMLSyntaxError) as exc:
            raise TeikitError(f"cannot compile Schematron schema: {exc}", path) from None

    def check(self, tree: etree._ElementTree) -> list[Problem]:
        if self._saxon is not None:
            return self._saxon.check(tree)
        try:
            report = self._xslt(tree)
        except etree.XSLTApplyError as exc:
            return [
                Problem(0, 0, f"Schematron {os.path.basename(self.path)} failed to run: {exc}", source="schematron")
            ]
        problems = []
        own = os.path.abspath(tree.docinfo.URL) if tree.docinfo.URL else ""
        locator = Locator(tree)
        for finding in report.getroot().iter(SVRL + "failed-assert", SVRL + "successful-report"):
            text = " ".join((finding.findtext(SVRL + "text") or "").split())
            role = (finding.get("role") or "").lower()
            severity = "warning" if role in ("warning", "warn", "info", "information") else "error"
            node = _element_at(tree, finding.get("location"))
            if node is None:
                problems.append(Problem(0, 0, text, severity, "schematron"))
                continue
            origin = origin_of(node)
            line, column = locator.start_tag(node, origin or own)
            path = origin if origin and origin != own else None
            problems.append(Problem(line, column, f"{text} [{readable_path(node)}]", severity, "schematron", path))
        return problems


_EMBEDDING_INCLUDES = (
    "{http://relaxng.org/ns/structure/1.0}include",
    "{http://relaxng.org/ns/structure/1.0}externalRef",
    "{http://www.w3.org/2001/XMLSchema}include",
    "{http://www.w3.org/2001/XMLSchema}import",
    "{http://www.w3.org/2001/XMLSchema}redefine",
)


def _refuse_embedding_includes(root, path: str) -> None:
    """Rules embedded in a RELAX NG or XML Schema grammar: lxml extracts them with a
    stylesheet that reads every file the grammar includes, so such includes are refused."""
    if root.tag in {f"{{{ns}}}schema" for ns in SCHEMATRON_NS}:
        return
    for el in root.iter(*_EMBEDDING_INCLUDES):
        raise TeikitError(
            "a grammar with embedded Schematron rules may not include other files "
            "(teikit does not read them for Schematron); give the rules as a .sch file",
            path,
            el.sourceline,
        )


def _inline_includes(root, path: str, policy: LocalFiles, depth: int) -> None:
    """Replace every sch:include by the element it names, read under `policy`."""
    for inc in list(root.iter(*(f"{{{ns}}}include" for ns in SCHEMATRON_NS))):
        href = inc.get("href") or ""
        try:
            target = policy.resolve(href, path)
        except AccessDenied as exc:
            raise TeikitError(f"sch:include of '{href}' refused: {exc.message}", path, inc.sourceline) from None
        if depth > 8:
            raise TeikitError(f"sch:include of '{href}' nests too deep (a cycle?)", path, inc.sourceline)
        included = etree.parse(str(target), safe_parser())
        if included.docinfo.internalDTD is not None or included.docinfo.system_url:
            raise TeikitError(
                "an included Schematron file has a DOCTYPE; teikit loads no DTD and no entity for a schema", str(target)
            )
        element = included.getroot()
        fragment = href.partition("#")[2]
        if fragment:
            found = element.xpath("//*[@id=$id or @xml:id=$id]", id=fragment)
            if not found:
                raise TeikitError(f"sch:include of '{href}': no element with id '{fragment}'", path, inc.sourceline)
            element = found[0]
        element = copy.deepcopy(element)
        _inline_includes(element, str(target), policy, depth + 1)
        element.tail = inc.tail
        inc.getparent().replace(inc, element)


def _query_binding(root) -> str | None:
    sch = root
    if root.tag.startswith("{http://relaxng.org/ns/structure/1.0}"):
        found = root.find(".//{http://purl.oclc.org/dsdl/schematron}schema")
        sch = found if found is not None else root
    binding = sch.get("queryBinding")
    if not binding and sch.tag not in {f"{{{ns}}}schema" for ns in SCHEMATRON_NS}:
        return "xslt2"  # rules embedded by the TEI's ODD processor are XPath 2.0
    return binding.lower() if binding else None


def _element_at(tree, location: str | None):
    """The element an SVRL location names (an attribute's or a text's: its element)."""
    if not location:
        return None
    if "/@" in location.rsplit("/", 1)[-1] or location.rsplit("/", 1)[-1].startswith("@"):
        location = location.rsplit("/", 1)[0]
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None
    node = found[0] if isinstance(found, list) and found else None
    if node is not None and not isinstance(node, etree._Element):
        node = node.getparent() if hasattr(node, "getparent") else None
    return node if isinstance(node, etree._Element) else None
