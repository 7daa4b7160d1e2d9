"""Markers: which plain-text emphasis conventions a book uses, decided from the book itself.

Plain-text books mark emphasis with punctuation: `_italic_`, `/italic/` and `=bold=`
(`*…*` and `**…**` are the inline pass's own, always read). A character is a marker in a
book only when the book uses it as one, consistently:

* a pair opens with the character before a non-space, not after a letter (not inside a
  word: "and/or", "snake_case"; after a digit it may: "8,750,000_l._"), and closes with
  it after a non-space and not before a letter or digit ("1/2/1890" is no pair), within
  one paragraph (never across an element); punctuation alone may be marked right after a
  word ("Languidly_._");
* a pair inside a URL or an e-mail address ("http://a/b/", "www.x.org/_y_") is no pair;
* the book has at least `MIN_PAIRS` pairs, and at least `MIN_SHARE` of the character's
  occurrences in its text belong to pairs; runs of the character ("____" for a blank
  left to fill, "=====" as a rule) are not occurrences. A book that writes "a = b", or
  slashes between words, keeps the character as text.

`conventions` returns, for each marker the book uses, its rendition ("italic" or "bold"),
the pattern of its pairs and the figures of the evidence (pairs, occurrences).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MARKERS = {"_": "italic", "/": "italic", "=": "bold"}
MIN_PAIRS = 3
MIN_SHARE = 0.8
_URL = re.compile(r"(?:\w+://|www\.|@)\S*$")


@dataclass(frozen=True)
class Convention:
    char: str
    rend: str
    pattern: re.Pattern
    pairs: int
    occurrences: int


def pair_pattern(char: str) -> re.Pattern:
    """The pairs of one marker character: `_text_`, the text group named `t` (or `p`, for
    punctuation marked after a word: "Languidly_._")."""
    c = re.escape(char)
    return re.compile(
        rf"(?<![^\W\d_]|{c}){c}(?=[^\s{c}])(?P<t>[^{c}]{{0,400}}?[^\s{c}]){c}(?![\w{c}])"
        rf"|(?<=[^\W\d_]){c}(?P<p>[^\w\s{c}]{{1,3}}){c}(?![\w{c}])"
    )


def span(m: re.Match) -> str:
    """The text a pair marks."""
    return m.group("t") or m.group("p")


def in_url(text: str, at: int) -> bool:
    """Whether position `at` of `text` is inside a URL or an e-mail address."""
    return bool(_URL.search(text[max(0, at - 200) : at]))


def _count(texts: Iterable[str], char: str, pattern: re.Pattern) -> tuple[int, int]:
    runs = re.compile(re.escape(char) + "{2,}")
    one = re.compile(re.escape(char))  # its occurrences found by the pattern, not char by char
    pairs = occurrences = 0
    for text in texts:
        if char not in text:
            continue
        bare = runs.sub(" ", text)
        occurrences += sum(1 for m in one.finditer(bare) if not in_url(bare, m.start()))
        pairs += sum(1 for m in pattern.finditer(bare) if not in_url(bare, m.start()))
    return pairs, occurrences


def conventions(texts: list[str]) -> list[Convention]:
    """The marker conventions the book whose running texts are `texts` uses."""
    found = []
    for char, rend in MARKERS.items():
        pattern = pair_pattern(char)
        pairs, occurrences = _count(texts, char, pattern)
        if pairs >= MIN_PAIRS and 2 * pairs >= MIN_SHARE * occurrences:
            found.append(Convention(char, rend, pattern, pairs, occurrences))
    return found
