"""XSLT 1.0 Schematron walked once for all patterns: the same findings as the skeleton's walks.

teikit rewrites the stylesheet lxml's ISO skeleton makes so that the document is walked
once, every pattern's mode applied on each node (schematron._walk_once). The reference is
the skeleton's own stylesheet, one walk per pattern (Schematron(..., one_walk=False)); both
without ownrules.py, which shows files clean without them (test_validate_ownrules.py).
Both are compared, finding by finding and in order, on the bundled book, on mutants of its
chapters that break every rule of teikit.sch, and on schemas written here to reach the
corners of ISO Schematron: several rules of a pattern matching one node (only the first
fires), abstract patterns and rules, attribute contexts, reports, roles, phases; and rules
on text or using position(), for which the rewrite is not done.

teikit.sch looks a single pointer up by key; the plain formulation (every xml:id compared)
is the reference for that too, on the same mutants.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import REGISTERS, ROOT, copy_registers, edit_at_random
from teikit.validate import TEIKIT_SCH
from teikit.validate.documents import XML_ID, load
from teikit.validate.schematron import Schematron

BOOK = ROOT / "tei" / "iron-lazar"

# The pointer checks of teikit.sch as first written: every token compared with every xml:id.
PLAIN_LOCAL = "not($local[not(substring(., 2) = $ids)])"
PLAIN_REMOTE = "not($remote[not(substring-after(., '#') = document(substring-before(., '#'), $root)//@xml:id)])"


def findings(schematron: Schematron, path) -> list:
    return schematron.check(load(str(path), 10**9, ()).tree)


@pytest.fixture(scope="module")
def teikit_sch():
    read = (str(BOOK),)
    return Schematron(TEIKIT_SCH, read, own_rules=False), Schematron(TEIKIT_SCH, read, one_walk=False, own_rules=False)


def test_teikit_sch_is_walked_once(teikit_sch):
    walked, skeleton = teikit_sch
    assert walked.one_walk and not skeleton.one_walk


def test_the_book_gives_the_same_findings(teikit_sch, tmp_path):
    walked, skeleton = teikit_sch
    files = sorted(BOOK.glob("*.xml"))
    assert len(files) > 15
    for f in files:
        assert findings(walked, f) == findings(skeleton, f), f.name
    # Not vacuous: a broken copy of the whole book has findings of several patterns.
    book = tmp_path / "book"
    shutil.copytree(BOOK, book)
    ch = book / "ch02.xml"
    text = ch.read_text(encoding="utf-8")
    text = re.sub(r'(<orgName ref=")[^"]*#', r"\1orgs.xml#nobody-", text, count=3)
    text = re.sub(r'(<date from=")(\d{4})(" to=")(\d{4})', r"\g<1>1999\g<3>1001", text, count=2)
    ch.write_text(text, encoding="utf-8")
    whole = Schematron(TEIKIT_SCH, (str(book),), own_rules=False)
    reference = Schematron(TEIKIT_SCH, (str(book),), one_walk=False, own_rules=False)
    found = findings(whole, book / "iron-lazar.xml")
    assert found == findings(reference, book / "iron-lazar.xml")
    assert {"runs backwards", "does not resolve"} <= {
        k for p in found for k in ("runs backwards", "does not resolve") if k in p.message
    }


# ---------------------------------------------------------------- mutants of the chapters


def _mutate(text: str, rng: random.Random) -> str:
    """One to four faults of the kinds teikit.sch looks for, placed at random."""

    def at_random(pattern: str, replace) -> str:
        return edit_at_random(text, pattern, replace, rng)

    ids = re.findall(r'xml:id="([^"]+)"', text)
    kinds = [
        # pointers: to nothing here, to nothing there, to a missing file, several at once
        lambda: at_random(r'<orgName ref="[^"]*"', lambda m: '<orgName ref="orgs.xml#no-such-org"'),
        lambda: at_random(r'<orgName ref="[^"]*"', lambda m: '<orgName ref="missing.xml#x"'),
        lambda: at_random(
            r'<orgName ref="([^"]*)"', lambda m: f'<orgName ref="{m.group(1)} #{rng.choice(ids)} #nowhere"'
        ),
        lambda: at_random(r'<orgName ref="([^"]*)"', lambda m: f'<orgName ref="{m.group(1)} persons.xml#nobody"'),
        lambda: at_random(r'<orgName ref="([^"]*)"', lambda m: f'<orgName ref="#{rng.choice(ids)}"'),
        lambda: at_random(r'<orgName ref="([^"]*)"', lambda m: '<orgName ref="#not-an-id"'),
        lambda: at_random(r'<orgName ref="([^"]*)"', lambda m: '<orgName ref="https://example.org/x#y"'),
        lambda: at_random(r"<p>", lambda m: f'<p corresp="#{rng.choice(ids)} orgs.xml#{rng.choice(ids)}">'),
        # registers
        lambda: at_random(r'<persName ref="[^"]*"', lambda m: '<persName ref="places.xml#nobody"'),
        lambda: at_random(r'<persName ref="([^"]*)"', lambda m: f'<persName ref="{m.group(1)} persons.xml#x"'),
        lambda: at_random(r'<placeName ref="([^"]*)"', lambda m: '<placeName ref="persons.xml#lazar"'),
        # dates, notes, paragraphs
        lambda: at_random(r'from="(\d{4})" to="(\d{4})"', lambda m: f'from="{m.group(2)}-12" to="{m.group(1)}"'),
        lambda: at_random(r'<note ([^>]*)n="(\d+)"', lambda m: f'<note {m.group(1)}n="{int(m.group(2)) + 2}"'),
        lambda: at_random(r"<p>", lambda m: "<p/><p>"),
    ]
    for _ in range(rng.randint(1, 4)):
        text = rng.choice(kinds)()
    return text


@pytest.fixture(scope="module")
def mutants(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutants")
    copy_registers(folder)
    rng = random.Random(15)
    chapters = sorted(BOOK.glob("ch*.xml")) + [BOOK / "introduction.xml", BOOK / "conclusion.xml"]
    paths = []
    for i in range(40):
        source = rng.choice(chapters).read_text(encoding="utf-8")
        path = folder / f"mutant{i:02}.xml"
        path.write_text(_mutate(source, rng), encoding="utf-8")
        paths.append(path)
    return folder, paths


def test_mutants_give_the_same_findings_walked_once(mutants):
    folder, paths = mutants
    walked = Schematron(TEIKIT_SCH, (str(folder),), own_rules=False)
    skeleton = Schematron(TEIKIT_SCH, (str(folder),), one_walk=False, own_rules=False)
    assert walked.one_walk
    seen = set()
    for path in paths:
        found = findings(walked, path)
        assert found == findings(skeleton, path), path.name
        seen |= {re.sub(r'"[^"]*"|\d+', "", p.message)[:30] for p in found}
    assert len(seen) >= 6, seen  # the mutants reach most of the rules


def test_mutants_give_the_same_findings_as_the_plain_pointer_checks(mutants, tmp_path):
    folder, paths = mutants
    text = Path(TEIKIT_SCH).read_text(encoding="utf-8")
    asserts = re.findall(r'<assert test="(not\(\$(?:local|remote)\)[^"]*)"', text)
    assert len(asserts) == 2
    plain = text.replace(asserts[0], PLAIN_LOCAL).replace(asserts[1], PLAIN_REMOTE)
    (tmp_path / "plain.sch").write_text(plain, encoding="utf-8")
    keyed = Schematron(TEIKIT_SCH, (str(folder),), own_rules=False)
    reference = Schematron(str(tmp_path / "plain.sch"), (str(folder),), one_walk=False)
    pointer_findings = 0
    for path in paths:
        found = findings(keyed, path)
        assert found == findings(reference, path), path.name
        pointer_findings += sum("points to" in p.message for p in found)
    assert pointer_findings >= 10


# ---------------------------------------------------------------- other schemas

DOC = """<?xml version="1.0"?>
<!-- a comment before the root -->
<doc xmlns:t="urn:t" kind="x">
  <sec n="1" t:note="a"><p>one</p><p/><p n="3">three <b>bold</b></p><t:p n="7">seven</t:p></sec>
  <sec n="2"><p kind="odd">four</p><sec n="2.1"><p>five</p><p n="-1"/></sec></sec>
  <?pi here?>
</doc>
"""

SCHEMAS = {
    # Several rules of a pattern match one p: only the first fires; two patterns both fire.
    "first-rule": """
      <pattern id="a">
        <rule context="p[@n]"><report test="true()">numbered p <value-of select="@n"/></report></rule>
        <rule context="p"><assert test="normalize-space()">empty <name/></assert></rule>
        <rule context="*"><report test="@kind" role="warning">kind on <name/></report></rule>
      </pattern>
      <pattern id="b">
        <rule context="sec/p"><report test="not(*)">flat p</report></rule>
        <rule context="sec"><let name="n" value="count(p)"/><report test="$n &gt; 1">sec with <value-of select="$n"/> p</report></rule>
      </pattern>""",
    # Abstract patterns and rules, lets at every level, attribute contexts.
    "abstract": """
      <let name="all" value="count(//p)"/>
      <pattern abstract="true" id="counted">
        <rule context="$parent"><assert test="count($child) &lt; $max">too many <name/> children (<value-of select="$all"/> in all)</assert></rule>
      </pattern>
      <pattern is-a="counted" id="secs"><param name="parent" value="sec"/><param name="child" value="p"/><param name="max" value="3"/></pattern>
      <pattern id="attrs">
        <rule abstract="true" id="numbered"><assert test="number(.) &gt;= 0">negative <name/>=<value-of select="."/></assert></rule>
        <rule context="@n"><extends rule="numbered"/></rule>
        <rule context="@t:note"><report test=". = 'a'" role="info">note attribute a</report></rule>
      </pattern>""",
    # A phase choosing one pattern.
    "phase": """
      <phase id="only-b"><active pattern="b"/></phase>
      <pattern id="a"><rule context="p"><report test="true()">every p</report></rule></pattern>
      <pattern id="b"><rule context="sec"><report test="@n = '2'">sec two</report></rule></pattern>""",
    # Rules naming elements (in a namespace and in none, through a path and a union) beside
    # rules on any element and on attributes: each pattern is applied only to the elements
    # its rules name, or to all when one names any.
    "names": """
      <pattern id="n1"><rule context="t:p | sec/p[@n]"><report test="true()">named <name/></report></rule></pattern>
      <pattern id="n2"><rule context="b"><report test="true()">bold</report></rule>
        <rule context="@t:note"><report test=". = 'a'">note attribute</report></rule></pattern>
      <pattern id="n3"><rule context="p"><report test="@n">plain p <value-of select="@n"/></report></rule>
        <rule context="*[@n &gt; 2]"><report test="true()">big n on <name/></report></rule></pattern>""",
    # Rules on text and comments, and position() of the rule's node: left to the skeleton.
    "text": """
      <pattern><rule context="text()[normalize-space()]"><report test="contains(., 'o')">text with o</report></rule></pattern>
      <pattern><rule context="p"><report test="true()">p</report></rule></pattern>""",
    "position": """
      <pattern><rule context="p"><report test="position() = 2">second in its list</report></rule></pattern>""",
}


@pytest.mark.parametrize(
    "name, walked_once, expected",
    [
        ("first-rule", True, ["numbered p 3", "empty p", "kind on doc", "flat p", "sec with 3 p"]),
        ("abstract", True, ["too many sec children (6 in all)", "negative n=-1", "note attribute a"]),
        ("phase", True, ["sec two"]),
        (
            "names",
            True,
            ["named t:p", "named p", "bold", "note attribute", "plain p 3", "plain p -1", "big n on t:p"],
        ),
        ("text", False, ["p"]),  # (the skeleton does not walk text nodes)
        ("position", False, ["second in its list"]),
    ],
)
def test_other_schemas_give_the_same_findings(tmp_path, name, walked_once, expected):
    phase = ' defaultPhase="only-b"' if name == "phase" else ""
    sch = tmp_path / f"{name}.sch"
    sch.write_text(
        f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt"{phase}>'
        f'<ns prefix="t" uri="urn:t"/>{SCHEMAS[name]}</schema>',
        encoding="utf-8",
    )
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC, encoding="utf-8")
    walked, skeleton = Schematron(str(sch), (str(tmp_path),)), Schematron(str(sch), (str(tmp_path),), one_walk=False)
    assert walked.one_walk is walked_once
    found = findings(walked, doc)
    assert found == findings(skeleton, doc)
    messages = {p.message.split(" [")[0] for p in found}
    assert messages >= set(expected) and (name != "phase" or messages == {"sec two"}), messages


# ---------------------------------------------------------------- files prepared in threads


def test_threads_give_the_same_results_as_one(tmp_path, monkeypatch):
    """The book with faults for every engine (grammar: jing's messages; rules; a repeated
    xml:id), prepared in one thread and in two: the same results, file by file."""
    import teikit.validate as tv

    book = tmp_path / "book"
    shutil.copytree(BOOK, book)
    for path in book.glob("*.xml"):  # the declared schemas: the bundled ones
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('href="../../schema/', f'href="{ROOT / "schema"}/'), encoding="utf-8")
    tei = "{http://www.tei-c.org/ns/1.0}"

    def edit(name, change):
        path = book / name
        tree = etree.parse(str(path))
        change(tree.getroot())
        path.write_bytes(etree.tostring(tree, encoding="UTF-8", xml_declaration=True))

    def para(root):  # an element the grammar does not have
        root.find(f".//{tei}p").tag = tei + "para"

    def rules(root):  # a pointer to nothing, an empty paragraph
        root.find(f".//{tei}orgName").set("ref", "orgs.xml#nobody")
        root.find(f".//{tei}p").addprevious(etree.Element(tei + "p"))

    def repeated(root):  # one xml:id twice
        first, second = root.xpath("//@xml:id/..")[1:3]
        second.set(XML_ID, first.get(XML_ID))

    edit("ch01.xml", para)
    edit("ch04.xml", rules)
    edit("ch07.xml", repeated)
    used = []
    threads = tv._threads

    def spy(*args):
        used.append(threads(*args))
        return used[-1]

    monkeypatch.setattr(tv, "_threads", spy)

    def results():
        run = tv.validate([book])
        return [(r.path, r.valid, r.problems) for r in run.results]

    two = results()
    monkeypatch.setattr(tv, "THREADS", 1)
    one = results()
    assert used == [2, 1] or tv.MAX_JOBS < 2
    assert two == one
    invalid = {Path(p).name for p, valid, _ in one if not valid}
    assert invalid >= {"ch01.xml", "ch04.xml", "ch07.xml", "iron-lazar.xml"}, invalid


def test_a_stylesheet_of_another_shape_is_left_as_it_is():
    """The rewrite is made only on the shape lxml's skeleton gives; anything else runs as is."""
    from lxml import isoschematron

    from teikit.validate.schematron import _walk_once

    schema = etree.fromstring(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule context="p">'
        '<assert test="*">p without children</assert></rule></pattern></schema>'
    )
    stylesheet = isoschematron.Schematron(schema, include=False, store_xslt=True).validator_xslt.getroot()
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    assert _walk_once(etree.fromstring(etree.tostring(stylesheet)))  # the skeleton's own shape
    # A template of the default mode that writes something, a rule that does not go on to
    # the children, rules going on to different kinds of children: each left untouched.
    variants = []
    extra = etree.fromstring(etree.tostring(stylesheet))
    etree.SubElement(extra, xsl + "template", match="p").text = "out"
    variants.append(extra)
    cut = etree.fromstring(etree.tostring(stylesheet))
    rule = cut.find(f"{xsl}template[@match='p']")
    rule.remove(rule[-1])
    variants.append(cut)
    mixed = etree.fromstring(etree.tostring(stylesheet))
    mixed.find(f"{xsl}template[@match='p']")[-1].set("select", "*")
    variants.append(mixed)
    for variant in variants:
        before = etree.tostring(variant)
        assert not _walk_once(variant)
        assert etree.tostring(variant) == before


def test_a_pattern_on_any_element_is_applied_to_what_its_contexts_select():
    """A pattern with a rule on any element is applied through one selection from the root
    (its rule contexts below //, or as written from /); a context that does not start with a
    name or * (a key, an attribute, a text node) keeps the pattern on the walk."""
    from teikit.validate.schematron import _selection

    assert (
        _selection(["*[@from and @to]", "tei:p/tei:hi | /tei:TEI"]) == "//*[@from and @to] | //tei:p/tei:hi | /tei:TEI"
    )
    assert _selection(["child::*[1]"]) == "//child::*[1]"
    for context in ("@when", "key('k', 'v')", "id('x')", "text()", "node()", "attribute::n", "/@x", "*[@a] | @b"):
        assert _selection(["p", context]) is None, context


# ---------------------------------------------------------------- many files in one run


def _loaded(paths):
    return [load(str(p), 10**9, ()) for p in paths]


def test_files_checked_together_give_the_findings_of_each_alone(mutants, monkeypatch):
    """Schematron.check_many: the mutants and the registers in one run of the rules (the
    registers read once), finding by finding as each file checked alone; none left to be
    checked alone."""
    folder, paths = mutants
    schematron = Schematron(TEIKIT_SCH, (str(folder),), own_rules=False)
    docs = _loaded(paths + [folder / name for name in REGISTERS])
    alone = [schematron.check(d.tree) for d in docs]
    singles = []
    check = schematron._compiled_check
    monkeypatch.setattr(schematron, "_compiled_check", lambda tree: singles.append(tree) or check(tree))
    together = schematron.check_many([d.tree for d in docs], [d.on_disk for d in docs])
    assert together == alone
    assert singles == []
    assert sum(map(len, alone)) >= 40  # the mutants' faults are found, by several rules
    assert len({re.sub(r'"[^"]*"|\d+', "", p.message)[:30] for found in alone for p in found}) >= 6


def test_files_libxslt_would_not_read_as_they_were_parsed_are_checked_alone(mutants, tmp_path, monkeypatch):
    """A DOCTYPE, provenance marks the file wrote itself, a path through a symlink, a file
    changed on disk since it was parsed: each such file is checked alone, on its tree."""
    folder, paths = mutants
    work = tmp_path / "work"
    work.mkdir()
    for name in REGISTERS:
        shutil.copy(folder / name, work / name)
    texts = [p.read_text(encoding="utf-8") for p in paths[:5]]
    plain = work / "plain.xml"
    plain.write_text(texts[0], encoding="utf-8")
    doctype = work / "doctype.xml"
    doctype.write_text(texts[1].replace("<TEI ", '<!DOCTYPE TEI [<!ENTITY e "x">]><TEI ', 1), encoding="utf-8")
    forged = work / "forged.xml"
    forged.write_text(
        texts[2].replace("<TEI ", '<TEI xmlns:o="urn:teikit:validate" o:origin="elsewhere.xml" ', 1), encoding="utf-8"
    )
    (tmp_path / "link").symlink_to(work)
    linked = tmp_path / "link" / "linked.xml"
    (work / "linked.xml").write_text(texts[3], encoding="utf-8")
    changed = work / "changed.xml"
    changed.write_text(texts[4], encoding="utf-8")
    files = [plain, doctype, forged, linked, changed]
    schematron = Schematron(TEIKIT_SCH, (str(work), str(tmp_path / "link")), own_rules=False)
    docs = _loaded(files)
    assert [d.on_disk is not None for d in docs] == [True, False, False, True, True]
    alone = [schematron.check(d.tree) for d in docs]
    changed.write_text(texts[0], encoding="utf-8")  # after the parse: another document
    singles = []
    check = schematron._compiled_check
    monkeypatch.setattr(schematron, "_compiled_check", lambda tree: singles.append(tree) or check(tree))
    got = schematron.check_many([d.tree for d in docs], [d.on_disk for d in docs])
    assert got[:4] == alone[:4]
    # The changed file's findings are those of its tree, but their columns are read from the
    # file, which now holds another text: only where the file still is as parsed are they known.
    assert [(p.line, p.message, p.severity) for p in got[4]] == [(p.line, p.message, p.severity) for p in alone[4]]
    assert singles == [d.tree for d in docs[1:]]
    assert all(alone[:3]) and any("points to" in p.message for found in alone for p in found)


@pytest.mark.parametrize(
    "let, together",
    [
        ('<let name="all" value="//p"/>', True),  # an absolute path: the same from any node
        ('<let name="all" value="p"/>', False),  # relative to the input document: not rewritten
        ('<let name="all" value="//p[. = id(\'x\')]"/>', False),  # id(): libxslt reads without IDs
    ],
)
def test_a_schema_is_run_on_many_files_only_when_its_lets_allow(tmp_path, let, together):
    sch = tmp_path / "s.sch"
    sch.write_text(
        f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">{let}'
        '<pattern><rule context="sec"><let name="mine" value="count($all)"/>'
        '<report test="$mine &gt; 0">sec sees <value-of select="$mine"/> p</report>'
        '<assert test="p[string(.) = $all[2]] or not($all[2])">no p like the second</assert></rule></pattern></schema>',
        encoding="utf-8",
    )
    files = []
    for i, body in enumerate(["<p>a</p><p>b</p>", "<p>b</p>", "<p>d</p><p>e</p>"]):
        path = tmp_path / f"d{i}.xml"
        top = "<p>c</p>" if i == 2 else ""
        path.write_text(f"<doc><p>top</p>{top}<sec>{body}</sec></doc>", encoding="utf-8")
        files.append(path)
    schematron = Schematron(str(sch), (str(tmp_path),))
    assert (schematron._many is not None) is together
    docs = _loaded(files)
    alone = [schematron.check(d.tree) for d in docs]
    assert schematron.check_many([d.tree for d in docs], [d.on_disk for d in docs]) == alone
    if let == '<let name="all" value="//p"/>':  # each file's own p, seen from its sec
        assert [[p.message.split(" [")[0] for p in found] for found in alone] == [
            ["sec sees 3 p"],
            ["sec sees 2 p"],
            ["sec sees 4 p", "no p like the second"],
        ]
