"""ISO Schematron to XSLT 3.0, for the query bindings xslt2 and xslt3.

Input: a Schematron schema as an lxml element — an `sch:schema`, or a RELAX NG
grammar with rules embedded in it as the TEI ODD processor emits them
(`sch:pattern`, `sch:ns`, `sch:let`, `sch:diagnostics` anywhere in the grammar;
such rules are XPath 2.0, as the TEI writes them). Output: the text of an XSLT
3.0 stylesheet that, applied to a document, returns

    <findings><f kind="assert|report" role="…" loc="path()">message</f>…</findings>

What the stylesheet does, by ISO/IEC 19757-3:
- abstract patterns (`is-a` with `param`) and abstract rules (`extends`) are
  expanded here first, parameters substituted as `$name` in every attribute;
- each active pattern (the default phase's, else all) walks the whole document
  (elements, attributes, text) in its own mode; a node is the context of the
  first rule of that pattern whose context matches it (rule order becomes
  template priority);
- `let`: schema-level lets are global variables; pattern- and rule-level lets
  are local variables of each rule of the pattern, evaluated on its context;
- a failed `assert` or a successful `report` gives an `f` with the message:
  text, `name` and `value-of` evaluated, other markup reduced to its text, and
  the texts of the assertion's `diagnostics` after it;
- a dynamic error in a test (say `eq` between a string and a number) is caught
  and becomes an `f kind="error"` at that node: never a silent pass.
`properties` are accepted and not reported; `flag` and `subject` are ignored.

What a schema may not do (refused with UnsafeSchema naming the construct):
call functions that read or reach outside the document (doc, document,
unparsed-text, collection, json-doc, transform, environment-variable,
function-lookup, …), or carry XSLT (`xsl:function`, `xsl:key`) that writes
results, evaluates strings or includes other modules. The runner also forbids
every URI protocol in Saxon, so this list is a clear message, not the barrier.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
RNG = "http://relaxng.org/ns/structure/1.0"
S = f"{{{SCH}}}"
X = f"{{{XSL}}}"

FORBIDDEN_FUNCTIONS = {
    "doc",
    "document",
    "doc-available",
    "unparsed-text",
    "unparsed-text-lines",
    "unparsed-text-available",
    "collection",
    "uri-collection",
    "json-doc",
    "transform",
    "load-xquery-module",
    "function-lookup",
    "environment-variable",
    "available-environment-variables",
}
FORBIDDEN_XSLT = {"result-document", "evaluate", "source-document", "include", "import", "use-package", "import-schema"}
COPIED_XSLT = {"function", "key"}
DONE = "Q{urn:teikit:schematron}done"  # the patterns fired on a node; a name no schema can take
_STRING_OR_COMMENT = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|\(:.*?:\)', re.S)
_CALL = re.compile(r"(Q\{[^}]*\}[\w.-]+|[\w.-]+(?::[\w.-]+)?)\s*[(#]")


class UnsafeSchema(ValueError):
    """The schema asks for something the compiled rules may not do."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def collect(root) -> etree._Element:
    """An `sch:schema` holding the rules of `root` (itself, or embedded in a grammar)."""
    if root.tag == S + "schema":
        return root
    schema = etree.Element(S + "schema", nsmap={"sch": SCH})
    schema.set("queryBinding", "xslt2")  # the binding TEI's ODD processor gives extracted rules
    found = root.iter(S + "ns", S + "let", S + "pattern", S + "diagnostics", S + "phase", X + "function", X + "key")
    for el in found:
        parent = el.getparent()
        inside = parent is not None and (parent.tag.startswith(S) or parent.tag.startswith(X))
        if inside and parent.tag != S + "schema":
            continue  # part of something already taken (an sch:schema in the grammar is opened)
        schema.append(copy.deepcopy(el))
    return schema


def compile_schema(schema) -> str:
    """The XSLT 3.0 text for an `sch:schema` element (see the module docstring)."""
    _check_safe(schema)
    namespaces = {"xsl": XSL, "xs": "http://www.w3.org/2001/XMLSchema"}
    for ns in schema.iter(S + "ns"):
        prefix, uri = ns.get("prefix"), ns.get("uri")
        if prefix and uri is not None and prefix not in ("xsl", "xs"):
            namespaces[prefix] = uri
    out = etree.Element(X + "stylesheet", nsmap=namespaces, version="3.0")
    out.set("exclude-result-prefixes", "#all")
    for el in schema:
        if el.tag in (X + "function", X + "key"):
            out.append(copy.deepcopy(el))
        elif el.tag == S + "let":
            _variable(out, el, "global")
    diagnostics = {d.get("id"): d for d in schema.iter(S + "diagnostic") if d.get("id")}
    patterns = _expand(schema)
    main = _sub(out, "template", match="/")
    findings = etree.SubElement(main, "findings")
    _sub(findings, "apply-templates", select=".", mode="rules")
    # One walk over the document for all patterns: the templates of every rule in one mode,
    # earlier rules of a pattern at higher priority; each passes on (xsl:next-match) the
    # patterns that have fired on this node, and a rule whose pattern has fired does nothing.
    rules = [
        (i, pattern, r) for i, pattern in enumerate(patterns) for r in pattern.findall(S + "rule") if r.get("context")
    ]
    for k, (i, pattern, rule) in enumerate(rules):
        template = _sub(out, "template", match=rule.get("context"), mode="rules", priority=str(len(rules) - k))
        _sub(template, "param", name=DONE, select="()")
        choose = _sub(template, "choose")
        _next(_sub(choose, "when", test=f"${DONE} = {i}"), f"${DONE}")
        fire = _sub(choose, "otherwise")
        for let in pattern.findall(S + "let") + rule.findall(S + "let"):
            _variable(fire, let, "local")
        for check in rule:
            if check.tag in (S + "assert", S + "report"):
                _check(fire, check, diagnostics)
        _next(fire, f"(${DONE}, {i})")
    walk = _sub(out, "template", match="document-node() | node() | @*", mode="rules", priority="0")
    kinds = set().union(*(_node_kinds(rule.get("context")) for _, _, rule in rules)) if rules else set()
    children = "node()" if "other" in kinds else "*"
    _sub(walk, "apply-templates", select=f"@* | {children}" if "attribute" in kinds else children, mode="rules")
    return etree.tostring(out, encoding="unicode")


_NAME_STEP = re.compile(
    r"^(?:element\(|\*(?::[A-Za-z_][\w.-]*)?|[A-Za-z_][\w.-]*(?::(?:[A-Za-z_][\w.-]*|\*))?)(?:\[|$)"
)
_AXIS = re.compile(r"^(?:child|descendant|descendant-or-self|self)::")


def _node_kinds(context: str) -> set[str]:
    """Which kinds of node a rule context can match beyond elements: "attribute", "other".

    The walk visits only those kinds (attributes and text nodes are most of a document's
    nodes). Decided by the last step of each branch of the pattern: a name test, `*` or
    `element()` matches elements only; `@x` or `attribute::` attributes; anything else
    (`text()`, `node()`, `.`, a variable, a function call such as key()) is taken to match
    any kind.
    """
    kinds: set[str] = set()
    for branch in _split_top(context, "|"):
        step = _AXIS.sub("", _split_top(branch.strip(), "/")[-1].strip())
        if step.startswith(("@", "attribute::", "attribute(")):
            kinds.add("attribute")
        elif step == "" or not _NAME_STEP.match(step) or step.startswith(("text(", "node(", "comment(", "processing-")):
            kinds |= {"attribute", "other"}  # "" : the pattern is "/" or ends in "//": be safe
    return kinds


def _split_top(text: str, sep: str) -> list[str]:
    """`text` split at `sep` where it stands outside brackets, parentheses and string literals."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _next(parent, done: str) -> None:
    _sub(_sub(parent, "next-match"), "with-param", name=DONE, select=done)


def _sub(parent, xsl_name: str, **attrs) -> etree._Element:
    el = etree.SubElement(parent, X + xsl_name)
    for key, value in attrs.items():
        el.set(key, value)
    return el


def _variable(parent, let, _scope: str) -> None:
    var = _sub(parent, "variable", name=let.get("name") or "")
    if let.get("as"):
        var.set("as", let.get("as"))  # Schematron 2016: the let's declared type
    if let.get("value") is not None:
        var.set("select", let.get("value"))
    else:
        for child in let:
            var.append(copy.deepcopy(child))


def _check(template, check, diagnostics) -> None:
    """xsl:if around the finding, inside xsl:try so that a dynamic error is a finding too."""
    kind = "assert" if check.tag == S + "assert" else "report"
    test = check.get("test") or "true()"
    attempt = _sub(template, "try")
    cond = _sub(attempt, "if", test=f"not({test})" if kind == "assert" else f"({test})")
    finding = _finding(cond, kind, check.get("role") or "")
    _message(finding, check)
    for ref in (check.get("diagnostics") or "").split():
        if ref in diagnostics:
            d = etree.SubElement(finding, "d")
            _message(d, diagnostics[ref])
    caught = _sub(attempt, "catch")
    error = _finding(caught, "error", "")
    _sub(error, "value-of", select="$Q{http://www.w3.org/2005/xqt-errors}description")


def _finding(parent, kind: str, role: str) -> etree._Element:
    el = _sub(parent, "element", name="f")
    _sub(el, "attribute", name="kind").text = kind
    _sub(el, "attribute", name="role").text = role
    _sub(el, "attribute", name="loc", select="path()")
    return el


def _message(target, source) -> None:
    """Copy a message: text kept, name and value-of evaluated, other markup reduced to text."""
    if source.text:
        _sub(target, "text").text = source.text
    for child in source:
        if child.tag == S + "name":
            _sub(target, "value-of", select=f"name({child.get('path') or '.'})")
        elif child.tag == S + "value-of":
            _sub(target, "value-of", select=child.get("select") or "()")
        elif isinstance(child.tag, str):
            _message(target, child)
        if child.tail:
            _sub(target, "text").text = child.tail


# ---------------------------------------------------------------- abstract patterns and rules


def _expand(schema) -> list:
    """The active patterns, abstract patterns instantiated and abstract rules inlined."""
    abstract = {p.get("id"): p for p in schema.iter(S + "pattern") if p.get("abstract") == "true"}
    active = _active_ids(schema)
    patterns = []
    for p in schema.iter(S + "pattern"):
        if p.get("abstract") == "true" or (active is not None and p.get("id") not in active):
            continue
        if p.get("is-a"):
            base = abstract.get(p.get("is-a"))
            if base is None:
                raise UnsafeSchema(f"pattern is-a '{p.get('is-a')}': no abstract pattern has that id", p.sourceline)
            params = {q.get("name"): q.get("value") or "" for q in p.findall(S + "param")}
            p = _instantiate(base, params)
        patterns.append(_inline_rules(p, schema))
    return patterns


def _active_ids(schema) -> set | None:
    phase_id = schema.get("defaultPhase")
    if not phase_id or phase_id == "#ALL":
        return None
    for phase in schema.iter(S + "phase"):
        if phase.get("id") == phase_id:
            return {a.get("pattern") for a in phase.findall(S + "active")}
    raise UnsafeSchema(f"defaultPhase '{phase_id}': no phase has that id")


def _instantiate(base, params: dict) -> etree._Element:
    p = copy.deepcopy(base)
    if params:
        # Longest names first within one alternation: $ab is never taken for $a followed by b.
        names = sorted(params, key=len, reverse=True)
        pattern = re.compile(r"\$(" + "|".join(map(re.escape, names)) + r")(?![\w.-])")
        for el in p.iter(etree.Element):
            for key, value in el.attrib.items():
                el.set(key, pattern.sub(lambda m: params[m.group(1)], value))
    del p.attrib["abstract"]
    return p


def _inline_rules(pattern, schema) -> etree._Element:
    abstract = {r.get("id"): r for r in schema.iter(S + "rule") if r.get("abstract") == "true"}
    pattern = copy.deepcopy(pattern)
    for rule in list(pattern.findall(S + "rule")):
        if rule.get("abstract") == "true":
            pattern.remove(rule)
            continue
        for _ in range(8):  # extends may chain; a cycle stops here
            extends = rule.findall(S + "extends")
            if not extends:
                break
            for ext in extends:
                base = abstract.get(ext.get("rule"))
                if base is None:
                    raise UnsafeSchema(
                        f"extends rule '{ext.get('rule')}': no abstract rule has that id", ext.sourceline
                    )
                at = rule.index(ext)
                rule.remove(ext)
                for k, child in enumerate(c for c in base if isinstance(c.tag, str)):
                    rule.insert(at + k, copy.deepcopy(child))
    return pattern


# ---------------------------------------------------------------- what a schema may not do


def _check_safe(schema) -> None:
    for el in schema.iter(etree.Element):
        if el.tag.startswith(X):
            local = el.tag[len(X) :]
            if local in FORBIDDEN_XSLT:
                raise UnsafeSchema(f"xsl:{local} is not allowed in a Schematron schema", el.sourceline)
            if el.getparent() is schema and local not in COPIED_XSLT:
                raise UnsafeSchema(f"xsl:{local} at the top of a Schematron schema is not supported", el.sourceline)
        for value in el.attrib.values():
            _check_expression(value, el.sourceline)


def _check_expression(text: str, line: int | None) -> None:
    for name in _CALL.findall(_STRING_OR_COMMENT.sub('""', text)):
        local = name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        prefix = name.split(":", 1)[0] if ":" in name and not name.startswith("Q{") else ""
        if local in FORBIDDEN_FUNCTIONS and prefix in ("", "fn"):
            raise UnsafeSchema(f"{local}() reads outside the document; teikit does not run it", line)
        if name.startswith("Q{") and local in FORBIDDEN_FUNCTIONS:
            raise UnsafeSchema(f"{local}() reads outside the document; teikit does not run it", line)
