"""Contents: the book's own list of its divisions, read to find them and kept as text.

A contents list starts at a line `CONTENTS` or `TABLE OF CONTENTS` and runs on
through the blocks set as list entries: short lines, one entry a line or blank
lines between entries, page numbers at the end (after spaces or dotted
leaders), entries broken across lines, indented entries, a number and its title
on two lines. It ends where the text is set as prose again, where a line stands
right above prose (the heading of what follows), or at a line set off by as
many blank lines as the word `CONTENTS` itself.

Each entry keeps its label (`CHAPTER I`, `Lecture IV`), number, title and page;
entries never become divisions themselves: they name the headings the text must
have (`headings` finds numbered ones on its own; unnumbered titles such as
`INTRODUCTION` or `GLOSSARY` are looked up from here), and every line of the
list stays, as entries, in the front matter's contents division.
"""

from __future__ import annotations

import re
from collections import Counter

from .headings import read_heading

_TOC_HEAD = re.compile(r"^\s*(table\s+of\s+)?contents\.?\s*$", re.I)
_PAGE = r"(?:\d{1,4}|[ivxlcdm]{1,7})"
_WITH_PAGE = re.compile(rf"^(?P<text>.*?\S)(?:\s*(?:\.\s?){{2,}}\s*|\s{{2,}}|\s+)(?P<page>{_PAGE})$")
_LONG_LINE = 55
_NOISE = 0.05  # share of paragraphs after a number of blank lines that makes it no signal
_NEXT_PAGE = 6  # blocks between two pages of one contents list (page number, running head)


def is_contents_heading(text: str) -> bool:
    return "\n" not in text.strip() and bool(_TOC_HEAD.match(text))


def _prose(text: str) -> bool:
    """Lines of running text: long lines of lower-case words, not list entries."""
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    if len(lines) == 1:
        words = lines[0].split()
        if _WITH_PAGE.match(lines[0]) or len(words) < 8:
            return len(lines[0]) > 100
        return len(lines[0]) > 100 or sum(w[:1].islower() for w in words) >= len(words) / 2
    long = [l for l in lines if len(l) >= _LONG_LINE and not _WITH_PAGE.match(l)]
    lower = sum(c.islower() for c in text)
    return len(long) >= len(lines) / 2 and lower > sum(c.isupper() for c in text)


def noisy_gaps(texts: list[str], gaps: list[int]) -> set[int]:
    """Blank lines that page breaks leave before paragraphs (an OCR text): they set nothing off."""
    prose = Counter(g for t, g in zip(texts, gaps) if t.count("\n") >= 2)
    total = sum(prose.values())
    return {g for g, n in prose.items() if g >= 2 and n > total * _NOISE}


def regions(texts: list[str], gaps: list[int]) -> list[tuple[int, int]]:
    """(first, last) block of every contents list."""
    out: list[tuple[int, int]] = []
    noisy = noisy_gaps(texts, gaps)
    i = 0
    while i < len(texts):
        if not is_contents_heading(texts[i]):
            i += 1
            continue
        j = i + 1
        while j < len(texts):
            t = texts[j]
            if _prose(t) or is_contents_heading(t):
                break
            if gaps[i] >= 3 and gaps[j] >= gaps[i] and gaps[j] not in noisy:
                break  # set off like the word CONTENTS: the next part of the book
            if "\n" not in t.strip() and j + 1 < len(texts) and gaps[j + 1] <= 1 and _prose(texts[j + 1]):
                break  # a heading standing right above its text
            j += 1
        if j > i + 1:
            if out and i - out[-1][1] <= _NEXT_PAGE:
                out[-1] = (out[-1][0], j - 1)  # the list goes on over the page
            else:
                out.append((i, j - 1))
        i = j
    return out


class Item:
    """One entry of a contents list."""

    def __init__(self, text: str, line: int, page: str | None, words: dict[str, int]):
        self.text, self.line, self.page = text, line, page
        self.number: int | None = None
        self.label: str | None = None
        self.title = text
        r = read_heading(text, words)
        if r is not None:
            _form, numbers, label, title, _dec, _bare, _kind = r
            self.number, self.label, self.title = numbers[0], label, title

    def add(self, more: str) -> None:
        self.text = f"{self.text} {more}"
        self.title = f"{self.title} {more}".strip()


def entries(texts: list[str], starts: list[int], first: int, last: int, words: dict[str, int]) -> list[Item]:
    """Every line of the list after its heading, as entries (continuations joined)."""
    items: list[Item] = []
    prev_line, prev_indent = "", 0
    for k in range(first, last + 1):
        lines = texts[k].split("\n")
        for n, raw in enumerate(lines):
            s = raw.strip()
            if k == first and n == 0:
                continue  # the word CONTENTS
            if not s:
                continue
            m = _WITH_PAGE.match(s)
            text, page = (m.group("text"), m.group("page")) if m else (s, None)
            cur = items[-1] if items else None
            indent = len(raw) - len(raw.lstrip())
            continues = (
                cur is not None
                and n > 0
                and not cur.page
                and (
                    s[:1].islower()
                    or indent > prev_indent  # an entry's second line, indented under it
                    or (len(prev_line) >= _LONG_LINE and read_heading(s, words) is None)
                )
            )
            label_only = cur is not None and cur.label and not cur.title and not cur.page
            if continues or (label_only and read_heading(s, words) is None):
                cur.add(text)  # type: ignore[union-attr]
                cur.page = page  # type: ignore[union-attr]
            else:
                items.append(Item(text, starts[k] + n, page, words))
            prev_line, prev_indent = s, indent
    return items
