"""The shortcuts of round 9 of issue 14 (enrichment's half second) in the registers' and the
organisations' passes give what their plain forms give.

`registers._letter_runs` counts the runs of letters of the running text word by word, a
stretch of the text at a time, a word with stops or brackets at its ends taken as its letters
between them: compared with every run the pattern finds, counted, on the bundled book's
source, a corpus book and edges (digits, underscores, apostrophes, dashes, letters outside
ASCII, stops inside a word).
"""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import SAMPLE, SHARED
from teikit.enrich import registers

_EDGES = [
    "(Moscow), “Kiev”; ‘Kharkov’ «Odessa» *Tula* [Orel] {Tver} /Omsk/ -Perm- —Ufa— –Chita–",
    "don't O'Brien’s rock'n'roll 1917 1917th 3rd snake_case _under_ __",
    "Nizhnyi-Novgorod Moscow-Leningrad well-known e.g. U.S.S.R. a.b.c",
    "Éire Zürich naïve Ærø ΑΘΗΝΑ Москва 北京 ß ﬁ Kelvin\u212a",
    "",
    "   ",
    "word",
    "!!! ... ,,, 123 ---",
    "a\u00a0b\tc\nd\re\x0bf",
]


def _letter_runs_plain(texts: list[str]) -> Counter[str]:
    """Every run of letters the pattern finds in the texts, counted."""
    return Counter(run for text in texts for run in registers._LETTERS.findall(text))


def _book(stem: str) -> str:
    path = SHARED / "corpus" / "books" / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"the shared corpus has no {path.name}")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "texts",
    [
        [SAMPLE.read_text(encoding="utf-8")],
        _EDGES,
        [" ".join(_EDGES)],
    ],
    ids=["bundled-book", "edges", "edges-joined"],
)
def test_letter_runs_count_what_the_pattern_finds(texts):
    assert registers._letter_runs(texts) == _letter_runs_plain(texts)


def test_letter_runs_of_a_corpus_book_count_what_the_pattern_finds():
    text = _book("james-varieties-of-religious-experience")
    # two texts, as a book's front and body are, one cut inside a stretch of its words
    texts = [text[:12345], text[12345:]]
    runs = registers._letter_runs(texts)
    assert runs == _letter_runs_plain(texts)
    assert runs["God"] > 100 and "Varieties" in runs  # real words of the book, counted
