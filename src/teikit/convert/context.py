"""Helpers the convert passes share (headings compared loosely, Roman numerals).

`Context` is defined in `teikit.context` and re-exported here for the passes' imports.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..context import Context

__all__ = ["Context", "norm_title", "roman_to_int"]

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_SPACES = re.compile(r"\s+")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


# Kept for the texts compared again and again (each contents entry against every short
# block of its stretch of the book, each paragraph against the notes headings): bounded.
@functools.lru_cache(maxsize=1 << 16)
def norm_title(text: str) -> str:
    """A heading's text compared loosely: case, dashes, quotes and spacing ignored."""
    t = unicodedata.normalize("NFKC", text or "").lower()
    t = _DASHES.sub("-", t).replace("\u2019", "'").replace("\u2018", "'")
    return _SPACES.sub(" ", t).strip(" .:")


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b in _ROMAN and _ROMAN[b] > v else v
    return total
