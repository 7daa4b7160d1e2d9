"""The places' pass computed faster, with the same answers: each shortcut of places.py,
textplaces.py and gazetteer.py against the plain form it stands for, on the bundled book's
text, books of the shared corpus, and random strings made of the pieces that catch the
edges (a shortcut that found one match more or less would change the edition)."""

from __future__ import annotations

import random
import re

from conftest import SAMPLE, SHARED
from teikit.enrich import gazetteer, places

BOOK = SAMPLE.read_text(encoding="utf-8")
CORPUS = [path.read_bytes().decode("utf-8", "replace") for path in sorted((SHARED / "corpus" / "books").glob("*.txt"))]


_BUILDING_ALONE = re.compile(rf"\bthe ({'|'.join(places._BUILDING_HEADS)})\b")


def _buildings_plain(text: str) -> set[str]:
    return {m.group(1) for m in _BUILDING_ALONE.finditer(text) if places.building_alone(text, m.start(1), m.end(1))}


def test_the_buildings_named_alone_are_those_the_plain_pattern_finds():
    """`places.buildings_alone` (the heads after "the" sought by `re`'s scan for "the ", a
    word's start left to `building_alone`'s cue) against the plain pattern (`\\bthe` first), on the bundled book,
    the corpus, and random runs of heads, cues, look-alikes ("lathe", "_the", "éthe") and
    the marks after a building named alone."""
    pieces = ["the ", "in the ", "at the ", "In lathe ", "in _the ", "at éthe ", "1the ", "x", "-", " ", ",", "."]
    pieces += [" and", " of", "\n", *places._BUILDING_HEADS, "Templeton", "Towers"]
    pieces += [
        f"{cue} {head}" for cue in ("in the", "at lathe", "in _the", "In éthe", "inthe") for head in ("Temple", "Tower")
    ]
    rng = random.Random(14)
    texts = [BOOK, *CORPUS, "", "the Temple.", "lathe Temple, in the Temple, in the_the Tower."]
    texts += ["".join(rng.choice(pieces) for _ in range(10)) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = _buildings_plain(text)
        assert places.buildings_alone(text) == expected, text[:200]
        found += bool(expected)
    assert found > 200


def test_the_gazetteers_answers_kept_for_each_name_are_those_a_fresh_lookup_gives():
    """`gazetteer.lookup_romanised` and `lookup_named`, answered once for each name and then
    kept, against the lookups themselves (`__wrapped__`), for the bundled book's and Burns's
    capitalised words, each asked for well-known places and for everything, in turn, twice
    (the second answer the kept one): names of places, of other places under another
    romanisation ("Krivoi Rog") or a combining form ("Austro-Hungary"), of small towns only,
    and words that name no place."""
    burns = next(
        text for path, text in zip(sorted((SHARED / "corpus" / "books").glob("*.txt")), CORPUS) if "burns" in path.name
    )
    words = sorted({w for text in (BOOK, burns) for w in re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", text)})
    names = ["Krivoi Rog", "Mogiliev", "Austro-Hungary", "Anglo-Saxon", "Tarbolton", "Moscow", *words[::7]]
    found = {"romanised": 0, "named": 0, "only everything": 0}
    for _ in range(2):
        for name in names:
            for everything in (False, True):
                romanised = gazetteer.lookup_romanised(name, everything)
                assert romanised == gazetteer.lookup_romanised.__wrapped__(name, everything), (name, everything)
                named = gazetteer.lookup_named(name, everything=everything)
                assert named == gazetteer.lookup_named.__wrapped__(name, everything=everything), (name, everything)
                found["romanised"] += romanised is not None
                found["named"] += named is not None
            found["only everything"] += gazetteer.lookup_named(name) is None and named is not None
    assert min(found.values()) > 50, found
