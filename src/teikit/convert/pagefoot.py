"""Pages in the text's stream: where a printed page ends, for notes set at its foot.

An OCR text keeps its pages' furniture: the furniture pass takes out running heads and
page numbers and reports each with its line (removed-running-head, removed-page-number).
Those lines are where pages end. A page ends after a block when furniture was taken out
within `FOOT_LINES` lines after it, or when one of the next two blocks is furniture the
pass left (a page number, a short line in capitals) or a division's heading (a chapter
begins a page). The references of a page's notes stand within `PAGE_LINES` lines
before them.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..report import Report
from ..tei import is_, line_of

# How far back (source lines) the references of notes at the foot of a page may stand: a
# printed page and a little more.
PAGE_LINES = 60
# How many lines after notes at the foot of a page the page may end (blank lines, the rest
# of a prescription set as lines of its own).
FOOT_LINES = 20
# The findings of the furniture pass that say a page ended there.
_FURNITURE = ("removed-running-head", "removed-page-number")


class Pages:
    """Where pages end, read from the furniture the furniture pass reported."""

    def __init__(self, report: Report, stream: list):
        self.lines = sorted(f.line for f in report.findings if f.kind in _FURNITURE and f.line is not None)
        self.stream = stream  # the blocks in document order
        self.index = {id(b): k for k, b in enumerate(stream)}

    def furniture_in(self, after: int, upto: int) -> bool:
        """True when page furniture was taken out of a line in (after, upto]."""
        k = bisect.bisect_right(self.lines, after)
        return k < len(self.lines) and self.lines[k] <= upto

    def ends_after(self, block: Any, nxt: Any) -> bool:
        """True when a page ends after `block`, `nxt` being the block after it (None: the end)."""
        if nxt is None:
            return True
        end = end_line(block)
        if self.furniture_in(end, end + FOOT_LINES):
            return True
        k = self.index.get(id(nxt), len(self.stream))
        return any(
            is_(b, "head") or is_(b, "p") and _looks_like_furniture(b.text or "") for b in self.stream[k : k + 2]
        )

    def at_foot(self, last_note: Any, block: Any) -> bool:
        """True when `block`, after the notes ending with `last_note`, is still on their page
        and the page ends right after it: it belongs to the notes."""
        start, end = line_of(block) or 0, end_line(block)
        return not self.furniture_in(end_line(last_note), start) and self.furniture_in(end, end + FOOT_LINES)


def _looks_like_furniture(text: str) -> bool:
    t = text.strip()
    if re.fullmatch(r"\d{1,4}|[ivxlc]{1,6}", t):
        return True
    return "\n" not in t and len(t.split()) <= 6 and not any(c.islower() for c in t) and any(c.isalpha() for c in t)


def end_line(block: Any) -> int:
    """The source line a raw block ends on."""
    return (line_of(block) or 0) + (block.text or "").count("\n")
