"""ISO Schematron, compiled once per schema and process, and run in-process.

Query bindings xslt (XSLT 1.0) and exslt (XSLT 1.0 with EXSLT functions such
as str:tokenize) run here, compiled by lxml (ISO's skeleton) and run with
libxslt, the stylesheet rewritten to walk each document once for all patterns
(_walk_once; the same findings as the skeleton's walk per pattern); xslt2 and
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
import functools
import os
import re
from urllib.parse import unquote

from lxml import etree, isoschematron

from ..access import AccessDenied, LocalFiles, link_scheme
from ..errors import TeikitError
from ..xmlio import safe_parser
from . import ownrules
from .documents import ORIGIN, content_digest
from .locations import Locator, origin_of, readable_path
from .owngrammar import is_copy_of
from .results import Problem
from .saxon import SaxonSchematron

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
SUPPORTED_BINDINGS = {None, "xslt", "xslt1", "exslt", "xpath"}  # run here, by libxslt
SAXON_BINDINGS = {"xslt2", "xslt3"}  # run by Saxon (saxon.py)
_MISSING = '<missing xmlns="urn:teikit:missing"/>'
SCHEMATRON_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")
_BUNDLED = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schema", "teikit.sch")


class UnsupportedBinding(TeikitError):
    pass


class _LocalOnly(etree.Resolver):
    """Every URL libxml2/libxslt would load goes through here: allowed local files only."""

    def __init__(self, policy: LocalFiles | None):
        super().__init__()
        self.policy = policy

    def resolve(self, url, pubid, context):
        real = _allowed_file(self.policy, url)
        if real is not None:
            return self.resolve_filename(real, context)
        return self.resolve_string(_MISSING, context)


def _allowed_file(policy: LocalFiles | None, url: str) -> str | None:
    """The real path of the local file `url` names if `policy` lets the rules read it; None
    otherwise (the rules then read an empty document)."""
    if policy is None:
        return None
    try:
        if link_scheme(url) is None:
            real = policy.check(os.path.abspath(unquote(url)))
        else:
            real = policy.resolve(url, os.getcwd() + os.sep + "-")
    except AccessDenied:
        return None
    return str(real) if real.is_file() else None


def _document_parser(policy: LocalFiles | None) -> etree.XMLParser:
    parser = safe_parser(collect_ids=False)  # a repeated xml:id in a read document is not a failure to read it
    parser.resolvers.add(_LocalOnly(policy))
    return parser


class Schematron:
    """A compiled Schematron schema (ISO, or embedded in a RELAX NG grammar).

    `read`: the folders document() may read (those of the validated files);
    `allow_read`: more folders, for document() and for sch:include.
    """

    def __init__(
        self,
        path: str,
        read=(),
        allow_read=(),
        start_saxon: bool = True,
        one_walk: bool = True,
        own_rules: bool = True,
    ):
        self.path = path
        self.one_walk = False
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
        self._many: etree.XSLT | None = None  # many files in one run (_for_many), where the lets allow
        self._walked: tuple | None = None
        self._outside: etree.XSLT | None = None
        # teikit.sch itself (the file, or a copy with its bytes) is read in Python (ownrules.py);
        # the compiled rules stay for the files ownrules declines.
        self._own = False
        self._own_reads: LocalFiles | None = None  # what their document() may read
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
            self.one_walk = one_walk and _walk_once(xslt_doc)
            access = etree.XSLTAccessControl(
                read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
            )
            self._xslt = etree.XSLT(xslt_doc, access_control=access)
            self._walked = (xslt_doc, access) if self.one_walk else None  # for _outside, made when first needed
            if self.one_walk and documents is not None:
                many = _for_many(xslt_doc)
                if many is not None:
                    try:
                        self._many = etree.XSLT(many, access_control=access)
                    except etree.XSLTParseError:
                        pass  # (a global let this rewrite cannot place) each file is checked alone
        except (etree.SchematronParseError, etree.XSLTParseError, etree.XMLSyntaxError) as exc:
            raise TeikitError(f"cannot compile Schematron schema: {exc}", path) from None
        if own_rules and _is_bundled(path):
            self._own, self._own_reads = True, documents

    @property
    def own_rules(self) -> bool:
        """Whether the rules are teikit.sch's, read in Python (ownrules.py) on parsed trees: files
        are then better parsed here than read by libxslt by their paths (run_files)."""
        return self._own

    def _documents(self) -> ownrules.Documents:
        policy = self._own_reads
        return ownrules.Documents(functools.partial(_allowed_file, policy), _document_parser(policy))

    def _own_check(self, tree: etree._ElementTree, documents: ownrules.Documents) -> list[Problem] | None:
        """No problem when ownrules shows that the rules find nothing in `tree`; None when it
        cannot (the compiled rules are then run: what they find, and how they say it, is theirs)."""
        return [] if ownrules.is_clean(tree, documents) else None

    @property
    def runs_in_saxon(self) -> bool:
        return self._saxon is not None

    def check(self, tree: etree._ElementTree) -> list[Problem]:
        if self._saxon is not None:
            return self._saxon.check(tree)
        if self.own_rules:
            found = self._own_check(tree, self._documents())
            if found is not None:
                return found
        return self._compiled_check(tree)

    def _compiled_check(self, tree: etree._ElementTree) -> list[Problem]:
        try:
            report = self._xslt(tree)
        except etree.XSLTApplyError as exc:
            return [self._failed(exc)]
        except etree.XMLSyntaxError as exc:
            return [_unreadable(exc)]
        return self._problems(report.getroot(), tree)

    @property
    def walks_outside_includes(self) -> bool:
        return self._saxon is None and self._walked is not None

    def check_outside(self, tree: etree._ElementTree) -> list[Problem]:
        """check() on the elements of `tree` outside what XInclude placed in it (each element
        with an origin, documents.ORIGIN, and its descendants are not walked; the rules still
        read the whole tree). Only with the schema walked once (walks_outside_includes); used
        where inclusion.py shows that the skipped elements would give no finding."""
        if self._outside is None:
            assert self._walked is not None
            walked, access = self._walked
            self._outside = etree.XSLT(_outside_includes(walked), access_control=access)
        try:
            report = self._outside(tree)
        except etree.XSLTApplyError as exc:
            return [self._failed(exc)]
        except etree.XMLSyntaxError as exc:
            return [_unreadable(exc)]
        return self._problems(report.getroot(), tree)

    def _failed(self, exc: Exception) -> Problem:
        return Problem(0, 0, f"Schematron {os.path.basename(self.path)} failed to run: {exc}", source="schematron")

    def check_many(self, trees: list[etree._ElementTree], on_disk: list[tuple | None]) -> list[list[Problem]]:
        """check() on each tree, the same findings; files as they are on disk in one run.

        A tree that is its file as it stands on disk (`on_disk`: the file's mtime, size and
        inode when it was parsed, documents.Loaded; None for a tree with a DOCTYPE, XIncludes
        or marks dropped), at a path that is its real path, written in plain characters, is
        read again by libxslt in one transformation for all such files, so that what the
        rules read with document() (registers beside the files) is parsed and indexed once
        for them all instead of once per file (the bundled book's 20 files besides the
        corpus: 348 -> 225 ms). Each file's findings are mapped to its own tree. A file
        libxslt could not read, one that changed on disk since it was parsed, or a run that
        fails: checked alone, on its tree."""
        results: list[list[Problem] | None] = [None] * len(trees)
        if self.own_rules:  # in Python, what the rules read with document() read once for all
            documents = self._documents()
            results = [self._own_check(tree, documents) for tree in trees]
        plain = [i for i, t in enumerate(trees) if results[i] is None and on_disk[i] and reads_by_path(t.docinfo.URL)]
        if self._many is not None and len(plain) > 1:
            reports = self.run_files([trees[i].docinfo.URL for i in plain])
            for i, report in zip(plain, reports, strict=True):
                if report is not None and unchanged(trees[i].docinfo.URL, on_disk[i]):
                    results[i] = self.problems_in(report, trees[i])
        return [found if found is not None else self._compiled_check(trees[i]) for i, found in enumerate(results)]

    @property
    def reads_files(self) -> bool:
        """Whether run_files() can check files read by their paths (an XSLT 1.0 schema whose
        lets allow many files in one run, with folders document() may read), and is the
        cheaper way: not for teikit.sch, read in Python on the parsed tree (own_rules)."""
        return self._many is not None and not self._own

    def run_files(self, paths: list[str]) -> list[etree._Element | None]:
        """The files at `paths` (each reads_by_path) read by libxslt and checked in one
        transformation: for each, its report (its findings, for problems_in), or None when
        libxslt could not read it or the run failed (the file is then to be checked alone)."""
        assert self._many is not None, "only for a schema that reads_files"
        files = etree.Element("teikit-files")
        for path in paths:
            etree.SubElement(files, "f").text = path
        try:
            report = self._many(files.getroottree())
        except (etree.XSLTApplyError, etree.XMLSyntaxError):
            return [None] * len(paths)  # each file alone: the failure is then said on its own file
        parts = list(report.getroot())
        if len(parts) != len(paths):  # one per file, in order (anything else: each alone)
            return [None] * len(paths)
        return [
            part if part.get("loaded") == "1" and part.get("url") == path else None
            for path, part in zip(paths, parts, strict=True)
        ]

    @staticmethod
    def has_findings(report) -> bool:
        """Whether a report (of run_files) holds any finding."""
        return next(report.iter(SVRL + "failed-assert", SVRL + "successful-report"), None) is not None

    def problems_in(self, report, tree: etree._ElementTree) -> list[Problem]:
        """The findings of a report (check's, or one of run_files') placed on `tree`, the
        document the report was made on."""
        return self._problems(report, tree)

    def _problems(self, report, tree: etree._ElementTree) -> list[Problem]:
        problems = []
        own = os.path.abspath(tree.docinfo.URL) if tree.docinfo.URL else ""
        locator = Locator(tree)
        findings = report.iter(SVRL + "failed-assert", SVRL + "successful-report")
        if self.one_walk:  # pattern by pattern, as the skeleton's one walk per pattern gives them
            findings = sorted(findings, key=lambda f: int(f.get(_PATTERN_ORDER) or 0))
        for finding in findings:
            text = " ".join((finding.findtext(SVRL + "text") or "").split())
            role = (finding.get("role") or "").lower()
            severity = "warning" if role in ("warning", "warn", "info", "information") else "error"
            node = _element_at(tree, finding.get("location"))
            if node is None:
                problems.append(Problem(0, 0, text, severity, "schematron"))
                continue
            problems.append(_placed(node, text, severity, locator, own))
        return problems


def _unreadable(exc: etree.XMLSyntaxError) -> Problem:
    """A document the rules read with document() (a register a pointer names) that is not
    well-formed: lxml raises its parser's error out of the transformation. Said on that
    document, where it is to be mended; the rules' verdict on the checked file is then none."""
    line, column = exc.position if exc.position else (0, 0)
    return Problem(
        line or 0,
        column or 0,
        f"not well-formed XML, in a document the Schematron rules read: {exc.msg}",
        source="schematron",
        path=exc.filename or None,
    )


def _placed(node, text: str, severity: str, locator: Locator, own: str) -> Problem:
    """A finding on `node` of the tree `locator` indexes (the file `own`), where a person finds
    it: its start tag, in the file it came from."""
    origin = origin_of(node)
    line, column = locator.start_tag(node, origin or own)
    path = origin if origin and origin != own else None
    return Problem(line, column, f"{text} [{readable_path(node)}]", severity, "schematron", path)


def _is_bundled(path: str) -> bool:
    try:
        return is_copy_of(path, _BUNDLED)
    except OSError:
        return False


def unchanged(path: str, stamp: tuple | None) -> bool:
    """Whether the file at `path` is still the one that had `stamp` (mtime, size, inode and
    the digest of its bytes: times are as coarse as the system clock's tick)."""
    try:
        st = os.stat(path)
        if stamp is None or stamp[:3] != (st.st_mtime_ns, st.st_size, st.st_ino):
            return False
        with open(path, "rb") as fh:
            return stamp[3] == content_digest(fh.read())
    except OSError:
        return False


_PLAIN_PATH = re.compile(r"^[A-Za-z0-9/._+-]+$")


def reads_by_path(url: str | None) -> bool:
    """Whether libxslt, reading the file by its path, finds it at the same URL: a path
    that is its own real path and needs no escaping in a URI."""
    if not url or not _PLAIN_PATH.match(url) or "/../" in url or "/./" in url or "//" in url:
        return False
    return os.path.realpath(url) == url


# ---------------------------------------------------------------- one walk for all patterns

XSLNS = "http://www.w3.org/1999/XSL/Transform"
_X = f"{{{XSLNS}}}"
_WALK = "teikit-walk"  # a mode name the skeleton does not use
_PATTERN_ORDER = "teikit-pattern"  # on each finding: its pattern's place in the schema
# What the skeleton's templates of a pattern's mode may apply next, "@*|*" or more (it depends
# on the query binding and on whether a rule names attributes). Comments and processing
# instructions reach only the default template when no rule context can match them, which
# _walk_once makes sure of.
_RECURSION = {"@*", "*", "comment()", "processing-instruction()"}


def _walk_once(root) -> bool:
    """Rewrite the stylesheet lxml's ISO skeleton made so that the document is walked once.

    The skeleton (iso_schematron_skeleton_for_xslt1) gives each pattern a mode of its
    own: the main template applies every mode to the root in turn, and each template
    of a mode, rule or default, ends by applying the mode to its node's attributes and
    child elements, so the document is walked once per pattern. Besides, it applies
    the default mode (built-in templates, text stripped: no output) inside every
    svrl:active-pattern, another walk per pattern.

    Here the modes stay as they are, so that within a pattern a node is still the
    context of the first rule (the highest priority) that matches it, and the lets,
    keys and messages are untouched; only the walking changes: the templates of the
    pattern modes no longer go on to the children, and one walk (mode teikit-walk)
    applies, on each element and, where a rule context can name one, on each
    attribute, every pattern's mode in the schema's order. The findings carry their
    pattern's place, so that check() lists them pattern by pattern as before.
    A pattern whose rules all name their elements (tei:persName[@ref], sec/p) is applied
    only to elements of those names (one walk template per name; libxslt finds it by
    name), a pattern with a rule on any element (*[@from]) to every element: applying a
    mode to an element none of its rules matches only ran its empty default template
    (the corpus file of the bundled book: 336 -> 270 ms). The svrl:fired-rule elements,
    which nothing reads, are not written.

    Done only when the stylesheet has exactly the expected shape and no rule context
    can match anything but elements and attributes (a rule on "/", text or comments is
    walked by the skeleton in ways not worth repeating); otherwise the stylesheet is
    left as it is (returns False). tests/test_validate_schematron.py checks that both
    give the same findings, on the book, its mutants and other schemas.
    """
    from .sch2xslt import _node_kinds  # the same reading of a rule context as for XSLT 2/3

    templates = root.findall(_X + "template")
    main = [t for t in templates if t.get("match") == "/" and t.get("mode") is None]
    if len(main) != 1:
        return False
    if any(t.get("mode") is None and t.get("match") not in ("/", "text()") for t in templates):
        return False  # a template of the default mode that could output something
    starts = [a for a in main[0].iter(_X + "apply-templates") if a.get("mode")]
    modes = [a.get("mode") for a in starts]
    if not modes or any(a.get("select") != "/" for a in starts) or len(set(modes)) != len(modes):
        return False
    quiet = [a for a in main[0].iter(_X + "apply-templates") if not a.get("mode")]
    if any(a.get("select") is not None or not a.getparent().tag.endswith("}active-pattern") for a in quiet):
        return False
    attribute_modes: set[str] = set()  # the modes that visit attributes and have rules for them
    recursion: set[str] | None = None
    rule_templates = []
    for order, mode in enumerate(modes):
        for t in (t for t in templates if t.get("mode") == mode):
            match = t.get("match") or ""
            last = next((c for c in reversed(t) if isinstance(c.tag, str)), None)
            if match == "text()" and last is None:
                continue
            if last is None or last.tag != _X + "apply-templates" or last.get("mode") != mode:
                return False
            steps = {step.strip() for step in (last.get("select") or "").split("|")}
            if "*" not in steps or not steps <= _RECURSION:
                return False
            if recursion is not None and steps != recursion:
                return False  # what a node's children are would depend on the rule that fired on it
            recursion = steps
            if match != "@*|node()":
                kinds = _node_kinds(match)
                if "other" in kinds:
                    return False
                if "attribute" in kinds and "@*" in steps:
                    attribute_modes.add(mode)
            if any(_uses_position(v) for el in t.iter(etree.Element) for k, v in el.attrib.items() if k != "match"):
                return False  # position() and last() of a rule's node would change with the walk
            rule_templates.append((order, t, last))
    defaults = [t for t in templates if t.get("mode") in modes and (t.get("match") or "") in ("@*|node()", "text()")]
    for order, t, last in rule_templates:
        t.remove(last)
        for finding in t.iter(SVRL + "failed-assert", SVRL + "successful-report"):
            finding.set(_PATTERN_ORDER, str(order))
        for fired in list(t.iter(SVRL + "fired-rule")):  # never read: only findings are
            _drop(fired)
    # What each pattern's rules can match among elements: names, or any element (None).
    # A pattern is applied to an element only when one of its rules may match it: the
    # default templates of its mode do nothing once they no longer go on to the children.
    names: dict[str, set[tuple[str | None, str]] | None] = {m: set() for m in modes}
    for order, t, _ in rule_templates:
        mode = modes[order]
        found = names[mode]
        if found is not None and (t.get("match") or "") not in ("@*|node()", "text()"):
            element_names = _element_names(t.get("match") or "", t.nsmap)
            names[mode] = None if element_names is None else found | element_names
    if any(len(t) or (t.text or "").strip() for t in defaults):
        names = dict.fromkeys(modes)  # a default template that does something: every element
    # A pattern with a rule on any element (*[@from and @to]) is not applied to every element
    # on the walk but to the elements its rules' contexts select, in one expression evaluated
    # on the document: a node matches an XSLT pattern when the pattern, read as an expression
    # below the root, selects it (//*[@from and @to]), and libxml2 filters the document's
    # elements within one evaluation at a fraction of the cost of applying a mode to each
    # (teikit.sch on copies of the book's chapters: 11.7 -> 10.6 ms of CPU a file). Its findings come in
    # document order, as on the walk; _problems orders the findings pattern by pattern.
    selected: dict[str, str] = {}
    for mode in modes:
        if names[mode] is None and mode not in attribute_modes:
            contexts = [
                t.get("match") or ""
                for order, t, _ in rule_templates
                if modes[order] == mode and (t.get("match") or "") not in ("@*|node()", "text()")
            ]
            expression = _selection(contexts)
            if expression is not None:
                selected[mode] = expression
                names[mode] = set()
    for a in quiet:
        a.getparent().remove(a)
    for a in starts[1:]:
        a.getparent().remove(a)
    starts[0].set("mode", _WALK)
    # The walk: the root's children (the skeleton's built-in root template does the same),
    # then every element and, when a rule may name one, its attributes; on each element the
    # patterns that may match it (a template per element name that some rule names, one for
    # the rest), in the schema's order. The selected patterns (above) before it.
    top = etree.SubElement(root, _X + "template", match="/", mode=_WALK)
    for mode, expression in selected.items():
        etree.SubElement(top, _X + "apply-templates", select=expression, mode=mode)
    etree.SubElement(top, _X + "apply-templates", select="*", mode=_WALK)
    named = sorted({n for found in names.values() if found for n in found}, key=lambda n: (n[0] or "", n[1]))
    for name in [None, *named]:
        if name is None:
            walk = etree.SubElement(root, _X + "template", match="*", mode=_WALK)
        else:
            uri, local = name
            nsmap = {"teikit-e": uri} if uri else None
            walk = etree.SubElement(
                root, _X + "template", nsmap=nsmap, match=f"teikit-e:{local}" if uri else local, mode=_WALK
            )
        for mode in modes:
            matched = names[mode]
            if matched is None or (name is not None and name in matched):
                etree.SubElement(walk, _X + "apply-templates", select=".", mode=mode)
        if attribute_modes:
            each = etree.SubElement(walk, _X + "for-each", select="@*")
            for mode in modes:
                if mode in attribute_modes:
                    etree.SubElement(each, _X + "apply-templates", select=".", mode=mode)
        etree.SubElement(walk, _X + "apply-templates", select="*", mode=_WALK)
    return True


_SELECTABLE_STEP = re.compile(r"^(?:child::)?(?:\*|[A-Za-z_][\w.-]*(?::(?:[A-Za-z_][\w.-]*|\*))?)(?:\s*\[|\s*$|\s*/)")


def _selection(contexts: list[str]) -> str | None:
    """The expression that selects, from the root, every element that matches one of the
    rule `contexts` (XSLT 1.0 patterns): each branch below the root (//x) or as written
    when it starts at the root (/x); None when a branch starts otherwise (id(), key(),
    an attribute, a node test other than a name or *)."""
    from .sch2xslt import _split_top

    branches = []
    for context in contexts:
        for branch in _split_top(context, "|"):
            branch = " ".join(branch.split())
            if branch.startswith("/"):
                if not _SELECTABLE_STEP.match(branch.lstrip("/")):
                    return None
                branches.append(branch)
            elif _SELECTABLE_STEP.match(branch):
                branches.append("//" + branch)
            else:
                return None
    return " | ".join(branches) if branches else None


def _outside_includes(walked) -> etree._Element:
    """The walked stylesheet (_walk_once) made to leave out every element XInclude placed
    (one with a documents.ORIGIN attribute) and its descendants: the walk does not go into them.
    The global lets are inlined where the rewrite allows (_lets_inlined): evaluated where a
    rule uses them, not over the whole document before the walk (the bundled book's
    corpus: 36 -> 10 ms), since few of the document's elements are walked."""
    root = _lets_inlined(walked)
    if root is None:
        root = copy.deepcopy(walked)
    uri, name = ORIGIN[1:].split("}")
    placed = f"@*[local-name() = '{name}' and namespace-uri() = '{uri}']"
    for t in root.findall(_X + "template"):
        if t.get("mode") != _WALK:
            continue
        for a in t.findall(_X + "apply-templates"):
            if a.get("mode") == _WALK and a.get("select") == "*":
                a.set("select", f"*[not({placed})]")
            elif a.get("mode") != _WALK and a.get("select") != ".":  # a pattern's selection (_walk_once)
                a.set("select", f"({a.get('select')})[not(ancestor-or-self::*[{placed}])]")
    return root


_QNAME_STEP = re.compile(r"^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)\s*(?:\[.*)?$", re.S)


def _element_names(match: str, nsmap) -> set[tuple[str | None, str]] | None:
    """The (namespace, local name) pairs of the elements a template's pattern can match, by the
    last step of each branch; None when it may match any element (`*`, `tei:*`, a function
    such as id() or key(), a prefix not in scope: anything not a plain name test)."""
    from .sch2xslt import _AXIS, _split_top

    found: set[tuple[str | None, str]] = set()
    for branch in _split_top(match, "|"):
        step = _AXIS.sub("", _split_top(branch.strip(), "/")[-1].strip())
        if step.startswith(("@", "attribute::")):
            continue  # attributes: reached by the walk's loop over them
        m = _QNAME_STEP.match(step)
        if not m or m.group(2) in ("node", "text", "comment", "processing-instruction"):
            return None
        prefix, local = m.group(1), m.group(2)
        if prefix is not None and prefix not in nsmap:
            return None
        found.add((nsmap[prefix] if prefix else None, local))
    return found


def _drop(el) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


# ---------------------------------------------------------------- many files in one run

_VARIABLE = re.compile(r"\$([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)")
_FROM_ROOT = "current()/ancestor-or-self::node()[last()]"  # the root of the rule's node's document
_SKELETON_MODES = {
    "schematron-select-full-path",
    "schematron-get-full-path",
    "schematron-get-full-path-2",
    "schematron-get-full-path-3",
    "generate-id-from-path",
    "generate-id-2",
}
_AVT = re.compile(r"\{([^}]*)\}")
_ID_CALL = re.compile(r"(?<![\w.:-])id\s*\(")


def _for_many(walked) -> etree._Element | None:
    """The walked stylesheet (_walk_once) made to check many files in one transformation.

    Its input is `<teikit-files><f>PATH</f>...</teikit-files>`; each file is read with
    document() and walked as the one-file stylesheet walks its input, its findings in a
    `<teikit-doc url="..." loaded="1">` of its own. Documents read with document() during
    the run (the registers) are then read once for all the files. What differs from one
    run per file, and how it is kept the same:
    - the schema's global lets are evaluated on the input document: here every use of one is
      replaced by its expression, which must be an absolute path (`/`, `//tei:person/@xml:id`:
      the same nodes from any node of the file) or a literal; any other let, a use of one
      this rewrite cannot see, or a local variable of the same name: None (not rewritten);
    - libxslt parses the files without an ID table, so a stylesheet that calls id() is not
      rewritten.
    """
    root = _lets_inlined(walked)
    if root is None:
        return None
    main = [t for t in root.findall(_X + "template") if t.get("match") == "/" and t.get("mode") is None]
    if len(main) != 1:
        return None
    template = main[0]
    for child in list(template):
        template.remove(child)
    template.text = None
    out = etree.SubElement(template, "teikit-many")
    each = etree.SubElement(out, _X + "for-each", select="/teikit-files/f")
    doc = etree.SubElement(each, "teikit-doc")
    etree.SubElement(etree.SubElement(doc, _X + "attribute", name="url"), _X + "value-of", select=".")
    read = etree.SubElement(doc, _X + "for-each", select="document(string(.))")
    # A document libxslt could not read (not well-formed) gives no node, one the resolver
    # refused its stand-in (_MISSING): no mark, and the file is checked alone.
    mark = etree.SubElement(read, _X + "if", test="*[not(namespace-uri() = 'urn:teikit:missing')]")
    etree.SubElement(mark, _X + "attribute", name="loaded").text = "1"
    etree.SubElement(read, _X + "apply-templates", select="/", mode=_WALK)
    return root


def _lets_inlined(walked) -> etree._Element | None:
    """A copy of the walked stylesheet with every use of a global let replaced by the let's
    expression, evaluated from the root of the rule's node (see _for_many); None when a let
    or a use of one is not of a shape this rewrite can see, or the stylesheet calls id()."""
    from .sch2xslt import _split_top

    root = copy.deepcopy(walked)
    lets: dict[str, str] = {}  # where the context may be another node than the rule's: from current()
    plain: dict[str, str] = {}  # outside every predicate, where the context is the rule's node: as written
    for el in list(root):
        if el.tag not in (_X + "param", _X + "variable"):
            continue
        select = el.get("select")
        if select is None:
            if len(el) or (el.text or "").strip():
                return None
            continue  # the skeleton's empty parameters: the same in every run
        branches = [b.strip() for b in _split_top(select, "|")]
        literal = re.fullmatch(r"\s*(?:'[^']*'|\"[^\"]*\"|-?\d+(?:\.\d+)?)\s*", select)
        if "$" in select or not (literal or all(b.startswith("/") for b in branches)):
            return None
        if literal:
            lets[el.get("name") or ""] = plain[el.get("name") or ""] = select.strip()
        else:  # from the root of the rule's node: / means the context's document in a predicate
            lets[el.get("name") or ""] = (
                "(" + " | ".join(_FROM_ROOT + b if b != "/" else _FROM_ROOT for b in branches) + ")"
            )
            plain[el.get("name") or ""] = "(" + select.strip() + ")"
        root.remove(el)
    rule_modes = {t.get("mode") for t in root.findall(_X + "template") if t.get("mode")} - {_WALK} - _SKELETON_MODES
    for el in root.iter(etree.Element):
        if not el.tag.startswith(_X):
            expressions = (e for v in el.attrib.values() for e in _AVT.findall(v.replace("{{", "")))
            if any(_VARIABLE.search(e) for e in expressions):
                return None  # a variable in an attribute value template of a literal result
            continue
        if el.tag in (_X + "variable", _X + "param") and el.get("name") in lets:
            return None  # a local of a let's name would hide it
        for key, value in el.attrib.items():
            if key in ("match", "mode", "name", "priority"):
                continue
            replaced = _replace_lets(value, lets, plain) if "$" in value else value
            if _ID_CALL.search(_LITERAL.sub("''", replaced)):
                return None
            if replaced != value:
                if not _in_rule(el, rule_modes):
                    return None  # a let used where current() may not be the rule's node
                el.set(key, replaced)
    return root


def _in_rule(el, rule_modes: set) -> bool:
    """Whether `el` is in a template of a pattern's mode, outside any xsl:for-each (where
    current() is the node the rule fired on)."""
    node = el
    while node is not None:
        if node.tag == _X + "for-each":
            return False
        if node.tag == _X + "template":
            return node.get("mode") in rule_modes
        node = node.getparent()
    return False


def _replace_lets(expression: str, lets: dict[str, str], plain: dict[str, str] | None = None) -> str:
    """Every $name of a let replaced by its expression, outside string literals: inside a
    predicate by `lets`' (from current(): the predicate's context may be a node of another
    document, a register's or str:tokenize's), outside every predicate by `plain`'s when
    given (the expression as written: its context is the rule's node, and `/` is cheaper
    than current()/ancestor-or-self::node()[last()]: teikit.sch 10.6 -> 10.2 ms a chapter)."""
    parts = re.split(r"(\"[^\"]*\"|'[^']*')", expression)
    depth = 0
    for i in range(0, len(parts), 2):
        pieces = re.split(r"([\[\]])", parts[i])
        for k, piece in enumerate(pieces):
            if piece == "[":
                depth += 1
            elif piece == "]":
                depth -= 1
            else:
                chosen = plain if plain is not None and depth == 0 else lets
                pieces[k] = _VARIABLE.sub(lambda m, c=chosen: c.get(m.group(1), m.group(0)), piece)
        parts[i] = "".join(pieces)
    return "".join(parts)


_LITERAL = re.compile(r'"[^"]*"|\'[^\']*\'')
_PREDICATE = re.compile(r"\[[^\[\]]*\]")


def _uses_position(expression: str) -> bool:
    """Whether position() or last() appears outside every predicate (where it is the rule's node's)."""
    text = _LITERAL.sub("''", expression)
    while True:
        shorter = _PREDICATE.sub("", text)
        if shorter == text:
            break
        text = shorter
    return bool(re.search(r"\b(?:position|last)\s*\(", text))


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
