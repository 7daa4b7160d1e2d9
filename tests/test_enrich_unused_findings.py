"""The converter's findings in the text that no mark points to leave the registers
(`registers.drop_unused_findings`, when the edition is written): a fresh edition's registers
hold no such entry, and a book converted over an edition an older version wrote — its
registers holding findings this version's rules no longer make — gets the entries a fresh
conversion gets, while the indexes' and the editors' entries stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from conftest import NS, ROOT, SAMPLE
from teikit.convert import convert

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REGISTERS = {"persons.xml": "person", "places.xml": "place", "orgs.xml": "org"}
JAMES = ROOT.parent / "shared" / "corpus" / "books" / "james-varieties-of-religious-experience.txt"


def _pointed(folder: Path) -> set[str]:
    """The register ids the edition's marks point to."""
    ids = set()
    for doc in folder.glob("*.xml"):
        if doc.name in REGISTERS:
            continue
        for mark in etree.parse(str(doc)).iterfind(".//*[@ref]"):
            for pointer in mark.get("ref").split():
                if pointer.split("#")[0] in REGISTERS:
                    ids.add(pointer.split("#")[1])
    return ids


def _entries(folder: Path) -> dict[str, etree._Element]:
    """Every register entry of an edition, by id."""
    out = {}
    for name, kind in REGISTERS.items():
        if (folder / name).is_file():
            for entry in etree.parse(str(folder / name)).iterfind(f".//t:{kind}", NS):
                out[entry.get(XML_ID)] = entry
    return out


def _source(entry) -> str | None:
    note = entry.find("t:note[@type='source']", NS)
    return note.get("subtype") if note is not None else None


def test_every_finding_of_the_bundled_books_registers_is_marked(sample_edition):
    """The bundled book's persons found in the text beside its Name Index ("Kostantin
    Mel'nikov" is the index's K. S. Mel'nikov; the text's rules once entered "Mel, Kostantin"
    too and marked nothing with it): each finding in the text is linked from a mark."""
    out, report = sample_edition
    entries, pointed = _entries(out), _pointed(out)
    found = [ident for ident, entry in entries.items() if _source(entry) == "text"]
    assert len(found) > 100
    assert [ident for ident in found if ident not in pointed] == []
    # what the report counts is what the registers hold
    counts = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))["counts"]
    assert counts["persons"] == sum(1 for e in entries.values() if e.tag.endswith("}person"))


def _entry(kind: str, ident: str, name: str, *notes: tuple[str, str | None, str]) -> etree._Element:
    tag = {"person": "persName", "place": "placeName", "org": "orgName"}[kind]
    entry = etree.Element(f"{{{NS['t']}}}{kind}", {XML_ID: ident})
    etree.SubElement(entry, f"{{{NS['t']}}}{tag}").text = name
    for note_type, subtype, words in notes:
        note = etree.SubElement(entry, f"{{{NS['t']}}}note", type=note_type)
        if subtype:
            note.set("subtype", subtype)
        note.text = words
    return entry


def test_a_book_converted_over_an_older_edition_keeps_only_what_this_version_finds(tmp_path):
    """James converted, then its person register given what an older version might have left
    there — a finding no rule of this version makes, with its evidence — and what an editor
    wrote: their own person, a finding they rejected, a finding they wrote a note into, a
    finding their entry relates to (`@sameAs`). Converted again into its own output: the
    older finding is gone, the editor's four stay; every other entry is the fresh one's."""
    if not JAMES.is_file():
        pytest.skip(f"the development corpus is not beside the project ({JAMES} absent)")
    out = tmp_path / "james"
    convert(JAMES, out, allow_loss=True)
    fresh = {ident: etree.tostring(e, with_tail=False) for ident, e in _entries(out).items()}
    text = ("source", "text", "named in the text, register built without an index")
    evidence = ("evidence", None, "after an honorific: “Mr. Quillwort”")
    planted = {
        "quillwort": _entry("person", "quillwort", "Quillwort", text, evidence),
        "editors-own": _entry("person", "editors-own", "Elspeth Marrow", ("source", "editor", "added by hand")),
        "rejected-one": _entry("person", "rejected-one", "Hogarth Wendle", text, ("rejected", None, "a ship")),
        "annotated-one": _entry("person", "annotated-one", "Basil Ferrow", text, ("note", None, "see his letters")),
        "related-one": _entry("person", "related-one", "Ivo Penhallow", text, evidence),
    }
    planted["editors-own"].set("sameAs", "#related-one")
    tree = etree.parse(str(out / "persons.xml"))
    listing = tree.find(".//t:listPerson", NS)
    for entry in planted.values():
        listing.append(entry)
    tree.write(str(out / "persons.xml"), encoding="UTF-8", xml_declaration=True)

    convert(JAMES, out, force=True, allow_loss=True)
    again = _entries(out)
    assert "quillwort" not in again
    assert {"editors-own", "rejected-one", "annotated-one", "related-one"} <= set(again)
    assert {ident: etree.tostring(e, with_tail=False) for ident, e in again.items() if ident not in planted} == fresh
    counts = json.loads((out / "conversion-report.json").read_text(encoding="utf-8"))["counts"]
    assert counts["persons"] == sum(1 for e in again.values() if e.tag.endswith("}person"))


def test_a_second_run_into_its_own_output_drops_nothing_it_marks(tmp_path):
    """The bundled book converted twice into one folder: the same files, byte for byte (the
    pass drops only what no mark points to, and a second run marks what the first did)."""
    out = tmp_path / "iron-lazar"
    convert(SAMPLE, out)
    first = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}
    convert(SAMPLE, out, force=True)
    assert {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()} == first
