"""The organisations' pass's scans of a book's Latin-1 bytes find what their plain forms find.

`orgs._case_variants` reads the text's bytes in ASCII lower case (`orgs.LatinScan`), not
`text.lower()`; `orgs.scanner` reads the text's bytes by a DFA, not the text. Each is
compared with its plain form on the bundled book's edition and source, books of the shared
corpus where present, and strings made to catch the edges (letters Latin-1 has not, capitals
not ASCII, the Kelvin sign, the dotted capital I).
"""

from __future__ import annotations

import ahocorasick_rs

from conftest import SAMPLE, SHARED, edition_pieces
from teikit.enrich import orgs
from teikit.enrich.matching import Matcher
from teikit.profile import load_profile

CORPUS = sorted((SHARED / "corpus" / "books").glob("*.txt"))[:4]

EDGES = [
    "the NKTyazhprom and the Nktyazhprom, the NKTYAZHPROM; xNKTyazhprom NKTyazhpromx NKTyazhprom-Vesenkha",
    "the GlavPolitProsvet’s work, the GlavpolitProsvet's, Glavpolitprosvet, glavPolitprosvet",
    "the RabKrin and Rabkrin, ÉRabKrin RabKrinÉ, RabKrin’ and ‘RabKrin’ — RabKrin? the ÖGPU and OgPU",
    "the \u212aomSomol and the KomSomol, the KomsomoL",  # the Kelvin sign: "k" in lower case
    "Ivan Ivanovič of the VeSenKha and the Весенха, the VESENKHA, VeSenkha",
    "the \u0130sPolKom and the IsPolKom",  # the dotted capital I: two characters in lower case
]
KNOWN = {"NKTyazhProm", "GlavPolitProsvet", "RabKrin", "KomSomol", "VeSenKha", "IsPolKom", "OGPU", "NKVD", "Sto"}


def _plain_case_variants(text: str, shapes: orgs.Shapes) -> list[str]:
    """`orgs._case_variants` as it read the text in lower case (`text.lower()`)."""
    names = {k.lower(): k for k in sorted(shapes.known) if sum(c.isupper() for c in k) >= 2 and " " not in k}
    if not names:
        return []
    lowered = text.lower()
    if len(lowered) != len(text):
        return []
    out: set[str] = set()
    for start, end, _, name in Matcher(names).find(lowered):
        written = text[start:end]
        capitals = sum(c.isupper() for c in written)
        if written != name and capitals >= 2 and not written.isupper() and written not in shapes.known:
            out.add(written)
    return sorted(out)


def _texts() -> list[str]:
    texts = ["\n\n".join(pieces) for pieces in edition_pieces()[:5]]
    texts.append(SAMPLE.read_text(encoding="utf-8"))
    texts += [path.read_bytes().decode("utf-8", "replace") for path in CORPUS]
    return texts


def test_the_case_variants_read_in_ascii_lower_case_are_those_read_in_the_texts_lower_case():
    profile = load_profile(source=SAMPLE)
    texts = _texts()
    # the bundled book's known names, with mixed-case ones the edges write otherwise
    known = {*profile.known_orgs, *KNOWN}
    variants = 0
    for text in [*texts, *EDGES]:
        shapes = orgs.Shapes.of(profile, text)
        shapes.known = set(known)
        found = orgs._case_variants(text, shapes)
        assert found == _plain_case_variants(text, shapes), text[:80]
        variants += len(found)
    assert variants >= 5
    # the edges: each kind of text the bytes' lower case reads, or leaves to `text.lower()`
    shapes = orgs.Shapes.of(profile, EDGES[1])
    shapes.known = set(known)
    assert orgs._case_variants(EDGES[1], shapes) == ["GlavpolitProsvet"]
    assert orgs._case_variants(EDGES[4], shapes) == ["VeSenkha"]  # letters Latin-1 has not, "?" in its bytes
    assert orgs.ascii_lowered(["rabkrin"], EDGES[2]) and not orgs.ascii_lowered(["rabkrin"], EDGES[3])
    assert "\u212aomSomol" in orgs._case_variants(EDGES[3], shapes)  # read by `text.lower()`
    assert orgs._case_variants(EDGES[5], shapes) == []


def test_the_nouns_scanned_in_latin_1_bytes_are_those_the_matchers_automaton_finds():
    """`orgs.scanner`'s scan of the text's Latin-1 bytes against `Matcher` itself and against
    a DFA of the text (`str`), with the default profile's nouns and names and keys written in
    letters Latin-1 has not (left to the DFA of the text)."""
    texts = [*_texts(), *EDGES]
    found = 0
    for profile in (load_profile(source=SAMPLE), load_profile()):
        keys = orgs.Shapes.of(profile, texts[0]).head_keys()
        for extra in ({}, {"Весенха": None, "Ivanovič": None}):
            every = {**keys, **extra}
            scan = orgs.scanner(every, split_hyphens=True)
            assert isinstance(scan.automaton, orgs.LatinScan) == (not extra)
            plain = Matcher(every, split_hyphens=True)
            on_str = Matcher(every, split_hyphens=True)
            on_str.automaton = ahocorasick_rs.AhoCorasick(on_str.keys, implementation=orgs._DFA)
            for text in texts:
                matches = scan.find(text)
                assert matches == plain.find(text) == on_str.find(text)
                found += len(matches)
    assert found > 10_000
