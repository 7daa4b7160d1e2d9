"""Measuring a conversion against what a reader established about the book.

Expectations (a TOML file, `[books.<stem>]` tables; see tests/data/corpus-expectations.toml)
say, for one book, by reading it and never from the converter's output:

    body = [{label = "CHAPTER I.", title = "Introductory", sections = 3}, ...]
    front = ["CONTENTS", "PREFACE"]      back = ["INDEX"]
    notes = 168                          # note bodies with a reference mark in the text
    note_samples = [{n = "12", before = "words before the marker", note = "first words"}]

`measure(edition, expected)` reads an edition folder as `teikit convert` writes it and
compares: the body's top-level divisions (one file each, in order) with `body` — a division
matches when its head holds the label's words (or, for an unlabelled one, the title's) and
it has the expected number of divisions inside (notes divisions aside); a book read as
having none (`body = []`) matches one unheaded division holding all its text; the notes attached
in the text (a `note` not in a notes division, margin notes aside) with `notes`; and each
sampled note: found by its first words (and its number, where the edition numbers it as the
sample does), right after the words before it in the text (other notes' markers aside).
Words are compared folded (case, punctuation and spacing aside).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..tei import TEI_NS
from ..xmlio import parse_xml

NS = {"t": TEI_NS}


def fold(text: str) -> str:
    """Lower case, letters and digits only, single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("_", " ")).lower().split())


def load_expectations(path: Path) -> dict[str, dict[str, Any]]:
    """The `[books.*]` tables of an expectations file, by book stem."""
    with open(path, "rb") as f:
        return tomllib.load(f).get("books", {})


@dataclass
class Division:
    head: str
    sections: int


@dataclass
class Measured:
    body: list[Division] = field(default_factory=list)
    body_expected: int = 0
    body_matched: int = 0
    divisions_exact: bool = False
    notes_found: int = 0
    notes_expected: int = 0
    samples: int = 0
    samples_right: int = 0
    mismatches: list[str] = field(default_factory=list)


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _body_divisions(edition: Path) -> list[Division]:
    corpus = next((p for p in sorted(edition.glob("*.xml")) if _root(p).tag == f"{{{TEI_NS}}}teiCorpus"), None)
    if corpus is None:
        return []
    order = [inc.get("href") for inc in _root(corpus).iter("{http://www.w3.org/2001/XInclude}include")]
    found = []
    for name in order:
        root = _root(edition / name)
        if root.xpath("string(t:text/@type)", namespaces=NS) != "chapter":
            continue
        for div in root.xpath("t:text/t:body/t:div", namespaces=NS):
            head = div.find("t:head", NS)
            inner = div.xpath("t:div[not(@type='notes')]", namespaces=NS)
            found.append(Division(_text(head) if head is not None else "", len(inner)))
    return found


_roots: dict[Path, etree._Element] = {}


def _root(path: Path) -> etree._Element:
    if path not in _roots:
        _roots[path] = parse_xml(path).getroot()
    return _roots[path]


def _matches(found: Division, want: dict[str, Any]) -> bool:
    key = fold(want.get("label") or want.get("title") or "")
    head = fold(found.head)
    return bool(key) and (head == key or head.startswith(key + " ")) and found.sections == want.get("sections", 0)


def _notes(edition: Path) -> list[etree._Element]:
    notes = []
    for path in sorted(edition.glob("*.xml")):
        root = _root(path)
        if root.tag != f"{{{TEI_NS}}}TEI":
            continue
        notes += root.xpath(
            "t:text//t:note[not(ancestor::t:div[@type='notes']) and not(@place='margin')]", namespaces=NS
        )
    return notes


def _before(note: etree._Element, words: int) -> str:
    """The last `words` words of the text before the note in its paragraph, or in its
    stanza when a verse line holds it (notes aside)."""
    parent = note.getparent()
    grand = parent.getparent()
    block = grand if etree.QName(parent).localname == "l" and grand is not None else parent
    parts: list[str] = []

    def read(el) -> bool:
        """The text of `el` up to the note into `parts`; whether the note was reached."""
        parts.append(el.text or "")
        for child in el:
            if child is note:
                return True
            if not isinstance(child.tag, str) or etree.QName(child).localname != "note":
                if read(child):
                    return True
            parts.append(child.tail or "")
        if etree.QName(el).localname == "l":
            parts.append(" ")  # a verse line's end
        return False

    read(block)
    return " ".join(fold("".join(parts)).split()[-words:])


# Other notes' markers quoted in a sample's `before` ("one female,[6] the petulance"): in the
# edition they are notes, which `_before` leaves out.
_MARKER = re.compile(r"\[[^\]\s]{1,4}\]|\^\{?\w{1,3}\}?|\(\d{1,3}\)|[*†‡]")


def _sample_right(notes: list[etree._Element], sample: dict[str, Any]) -> bool:
    """The sampled note is in the edition (its first words; its number, unless the book marks
    notes with symbols and the sample numbers them in order) right after the words before it."""
    want_note = fold(sample.get("note", ""))
    want_before = fold(_MARKER.sub(" ", sample.get("before", "")))
    candidates = [n for n in notes if fold(_text(n)).startswith(want_note)]
    numbered = [n for n in candidates if n.get("n") == str(sample.get("n"))]
    for note in numbered or candidates:
        if _before(note, len(want_before.split())) == want_before:
            return True
    return False


def measure(edition: Path, expected: dict[str, Any]) -> Measured:
    """Compare the edition in `edition` with one book's expectations."""
    _roots.clear()
    m = Measured()
    m.body = _body_divisions(edition)
    if m.body and all(not d.head and not d.sections for d in m.body) and len(m.body) == 1:
        m.body = []  # a book without divisions: its text is held in one unheaded division
    want = expected.get("body", [])
    m.body_expected = len(want)
    for k, (f, w) in enumerate(zip(m.body, want)):
        if _matches(f, w):
            m.body_matched += 1
        else:
            m.mismatches.append(f"division {k + 1}: found {f.head!r} ({f.sections} inside), expected {w}")
    if len(m.body) != len(want):
        m.mismatches.append(f"{len(m.body)} body divisions found, {len(want)} expected")
    m.divisions_exact = m.body_matched == len(want) == len(m.body)
    notes = _notes(edition)
    m.notes_found = len(notes)
    m.notes_expected = int(expected.get("notes", 0))
    for sample in expected.get("note_samples", []):
        m.samples += 1
        if _sample_right(notes, sample):
            m.samples_right += 1
        else:
            m.mismatches.append(f"note sample {sample} not found at its reference")
    _roots.clear()
    return m
