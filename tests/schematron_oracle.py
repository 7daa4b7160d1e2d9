"""A second, independent evaluation of ISO Schematron rules: the reference for parity tests.

teikit compiles Schematron to XSLT 3 and runs it in Saxon (teikit.validate.sch2xslt,
saxon). This evaluates the same rules another way, node by node in Python with
elementpath's XPath 2.0 engine over lxml, following ISO/IEC 19757-3 directly:
for each pattern, each node is the context of the first rule whose context
matches it; lets are bound in order; a failed assert or a successful report
gives (line, severity, message). `current()` (an XSLT function) is the context
node. Enough for the rules projects embed in ODD-generated grammars (rules,
asserts, reports, lets, name, value-of, sch:ns); abstract patterns and
diagnostics are not handled here (tests/test_validate_schematron.py covers them
on files whose findings are known).
"""

from __future__ import annotations

import copy
import re

from elementpath import XPath2Parser, XPathContext
from lxml import etree

SCH = "{http://purl.oclc.org/dsdl/schematron}"
WARNING_ROLES = {"warning", "warn", "info", "information", "nonfatal"}
CODEPOINT = "http://www.w3.org/2005/xpath-functions/collation/codepoint"


class Rules:
    def __init__(self, schema_path: str):
        root = etree.parse(schema_path).getroot()
        self.ns = {n.get("prefix"): n.get("uri") for n in root.iter(SCH + "ns")}
        self.parser = XPath2Parser(namespaces=self.ns, default_collation=CODEPOINT)
        self.patterns = [p.findall(SCH + "rule") for p in root.iter(SCH + "pattern")]
        self._compiled: dict[str, object] = {}

    def _token(self, expr: str):
        if expr not in self._compiled:
            self._compiled[expr] = self.parser.parse(re.sub(r"\bcurrent\(\)", "$current", expr))
        return self._compiled[expr]

    def findings(self, tree) -> set[tuple[int, str, str]]:
        context = XPathContext(tree)
        found = set()
        for rules in self.patterns:
            fired: set[int] = set()
            for rule in rules:
                for node in self._matches(tree, context, rule.get("context")):
                    if id(node) in fired:
                        continue
                    fired.add(id(node))
                    found |= self._check(context, node, rule)
        return found

    def _matches(self, tree, context, pattern: str) -> list:
        try:
            return tree.xpath("//" + pattern, namespaces=self.ns)  # an XPath 1.0 pattern: libxml2 is quicker
        except etree.XPathError:
            return list(self._token(f"//({pattern})").select(copy.copy(context)))

    def _eval(self, context, node, variables: dict, expr: str):
        c = copy.copy(context)
        c.item = c.get_context_item(node)
        c.variables = {**variables, "current": c.item}
        token = self._token(expr)
        return token, token.select(c)

    def _check(self, context, node, rule) -> set:
        variables: dict = {}
        found = set()
        for let in rule.findall(SCH + "let"):
            _, value = self._eval(context, node, variables, let.get("value"))
            variables[let.get("name")] = list(value)
        for check in rule:
            if check.tag not in (SCH + "assert", SCH + "report"):
                continue
            token, value = self._eval(context, node, variables, check.get("test"))
            if (check.tag == SCH + "assert") == bool(token.boolean_value(value)):
                continue
            severity = "warning" if (check.get("role") or "").lower() in WARNING_ROLES else "error"
            found.add((node.sourceline or 0, severity, self._message(context, node, variables, check)))
        return found

    def _message(self, context, node, variables, check) -> str:
        parts = [check.text or ""]
        for child in check:
            if child.tag == SCH + "name":
                parts.append(self._string(context, node, variables, f"name({child.get('path') or '.'})"))
            elif child.tag == SCH + "value-of":
                parts.append(self._string(context, node, variables, child.get("select")))
            else:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())

    def _string(self, context, node, variables, expr: str) -> str:
        _, value = self._eval(context, node, variables, f"string-join(for $i in ({expr}) return string($i), ' ')")
        return "".join(str(v) for v in value)
