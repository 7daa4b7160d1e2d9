"""Pages: what a printed page leaves in a plain text, told by the rhythm of the pages.

A page number is a number alone on its line that continues a sequence: the
page numbers before and after it go up with the lines of text between them, no
more than a printed page's lines for each page (`_PAGE_LINES`). Numbers alone on
their lines that go up faster than pages can, fewer than `_MIN_PAGE_LINES` lines
for each step (the years of a chronology), are text, and so is a number higher
than the book can have pages when it has four digits.

A repeated line is a running head only when it comes back in page rhythm:
most of its returns are a page or two apart in lines. A line that carries a
page number at its start or end (`20 SYPHILITIC DISEASES.`, `GONORRHEA IN THE
MALE. 69`) is a running head when the number is the page the sequence of page
numbers expects at that line, give or take `_PAGE_SLACK`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
_NUMBERED_HEAD = re.compile(r"^\s*(?:(?P<before>\d{1,4})\s+(?P<a>\S.*?)|(?P<b>\S.*?)\s+(?P<after>\d{1,4}))\s*$")
_PAGE_LINES = 150  # the most lines of text a printed page holds
_PAGE_SLACK = 3  # pages a running head's number may differ from the one expected
_MAX_STEP = 4  # pages between two page numbers of one sequence
_FOUR_DIGITS = 1000
_MIN_PAGE_LINES = 10  # the fewest lines a page holds (a book set one paragraph a line)


def page_numbers(lines: list[tuple[int, str]]) -> dict[int, int]:
    """Source line -> page number, for the numbers alone on their lines that are pages.

    `lines`: (source line, text) of every line the pages may hold, in order."""
    found = [(n, int(m.group(1))) for n, t in lines if (m := _NUMBER.match(t))]
    pages: dict[int, int] = {}
    for k, (line, value) in enumerate(found):
        for other in (found[k - 1] if k else None, found[k + 1] if k + 1 < len(found) else None):
            if other is None:
                continue
            dl, dv = other[0] - line, other[1] - value
            if dl and dv and (dl > 0) == (dv > 0) and abs(dv) <= _MAX_STEP and abs(dl) <= _PAGE_LINES * abs(dv):
                pages[line] = value
                break
    return pages


def listed_numbers(lines: list[tuple[int, str]]) -> set[int]:
    """Source lines of numbers alone on their lines that go up faster than pages can: the
    years of a chronology, a numbered list. They are text, not page numbers."""
    found = [(n, int(m.group(1))) for n, t in lines if (m := _NUMBER.match(t))]
    dense = [vb > va and lb - la < _MIN_PAGE_LINES * (vb - va) for (la, va), (lb, vb) in zip(found, found[1:])]
    out: set[int] = set()
    for k in range(len(dense) - 1):
        if dense[k] and dense[k + 1]:  # three in a row (a page's foot and the next page's head make two)
            out.update((found[k][0], found[k + 1][0], found[k + 2][0]))
    return out


def beyond_the_book(value: int, total_lines: int) -> bool:
    """A number in four digits higher than the book has pages (its lines, `_MIN_PAGE_LINES`
    a page): a year. (An extract may start at any page below a thousand.)"""
    return value >= _FOUR_DIGITS and value > total_lines / _MIN_PAGE_LINES


def expected_page(pages: dict[int, int], line: int, keys: list[int] | None = None) -> float | None:
    """The page the page numbers around a line say it is on (None: no page numbers)."""
    keys = keys if keys is not None else sorted(pages)
    if not keys:
        return None
    k = bisect_left(keys, line)
    if k == 0:
        return pages[keys[0]] - (keys[0] - line) / _PAGE_LINES
    if k == len(keys):
        return float(pages[keys[-1]])
    a, b = keys[k - 1], keys[k]
    return pages[a] + (pages[b] - pages[a]) * (line - a) / (b - a)


def numbered_head(text: str, pages: dict[int, int], line: int, keys: list[int]) -> bool:
    """A line in capitals with a page number at its start or end, the page expected there."""
    m = _NUMBERED_HEAD.match(text)
    if not m:
        return False
    words = m.group("a") or m.group("b")
    if any(c.islower() for c in words) or sum(c.isalpha() for c in words) < 4:
        return False
    value = int(m.group("before") or m.group("after"))
    want = expected_page(pages, line, keys)
    return want is not None and abs(value - want) <= _PAGE_SLACK


def in_rhythm(lines: list[int]) -> bool:
    """Returns of one line a page or two apart in lines, most of the time."""
    if len(lines) < 3:
        return False
    steps = sorted(b - a for a, b in zip(lines, lines[1:]))
    return steps[len(steps) // 2] <= _PAGE_LINES
