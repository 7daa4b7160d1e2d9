"""The places' pass made faster (issue 14, round 5), with the same answers: each shortcut
against the plain form it stands for, on the bundled book's edition and text and on books of
the shared corpus (a shortcut that found one place more or less would change the edition)."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from conftest import ROOT, SAMPLE, corpus_book
from teikit.enrich import places, registers

BOOK = SAMPLE.read_text(encoding="utf-8")
JAMES = corpus_book("james-varieties-of-religious-experience")
GARDINER = corpus_book("gardiner-french-revolution")
EDITION = ROOT / "tei" / "iron-lazar"
TEI = "{http://www.tei-c.org/ns/1.0}"
PLACE_NAMES = sorted(
    {el.text for el in etree.parse(str(EDITION / "places.xml")).iter(f"{TEI}placeName") if el.text}
)
# Every capitalised word and run of capitalised words of the books, and their index's terms:
# what `spellings` is asked of (register names, index headings, a city's first word).
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.–-]*(?: [A-Z][\w'’.–-]*){0,3}")
NAMES = sorted(
    {*PLACE_NAMES, *(m.group(0) for text in (BOOK, JAMES, GARDINER) for m in _CAPITALISED_RUN.finditer(text))}
)


def _spellings_plainly(name: str) -> set[str]:
    """`places.spellings` with every step taken for every name."""
    out = {name}
    for pattern, alts in places._ENDINGS:
        for variant in list(out):
            if pattern.search(variant):
                out.update(pattern.sub(a, variant) for a in alts)
    out.update({n.replace("'", "") for n in out} | {n.replace("'", "’") for n in out})
    out.update({n.replace("–", "-") for n in out} | {n.replace("-", "–") for n in out if "-" in n and " " in n})
    for variant in list(out):
        m = places._SAINT.match(variant)
        if m:
            out.update(f"{form} {variant[m.end() :]}" for form in ("St", "St.", "Saint"))
    out.update({"Ye" + n[1:] for n in out if n.startswith("E") and n[1:2] in "kv"})
    return out


EDGE_NAMES = [
    "S't Petersburg",  # the apostrophe dropped makes the saint: "St Petersburg"
    "Nizhnyi Novgorod", "Krivoi Rog", "Gorkii", "Zaporozh'e", "Moscow–Volga canal", "Moscow-Volga canal",
    "St. Petersburg", "Saint Helena", "Stalino", "Ekaterinburg", "E", "Evpatoriya", "Dnepropetrovsk",
]  # fmt: skip


def test_spellings_as_every_step_taken():
    assert len(NAMES) > 10_000
    for name in [*NAMES, *EDGE_NAMES]:
        assert places.spellings(name) == _spellings_plainly(name), name
    assert "St Petersburg" in places.spellings("S't Petersburg")
