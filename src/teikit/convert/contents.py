"""Contents: the book's own list of its divisions, read to find them and kept as text.

A contents list starts at a line `CONTENTS` or `TABLE OF CONTENTS` and runs on
through the blocks set as list entries: short lines, one entry a line or blank
lines between entries, page numbers at the end (after spaces or dotted
leaders), entries broken across lines, indented entries, a number and its title
on two lines. It ends where the text is set as prose again, where a line stands
right above prose (the heading of what follows), or at a line set off by as
many blank lines as the word `CONTENTS` itself.

A book without that word may still open with its list (`unheaded_regions`): a run of
blocks set as a list — every line indented and short, at least twenty of them — whose
entries mostly stand again later in the text as lines alone, the headings they name.
Such a list has one entry a line; only a line in lower case or indented deeper goes
on with the entry above it.

An entry names a heading when their words agree (`names`): the same words, in any
order (`Tarbolton Lasses, The`), one title the start or the end of the other (`To A
Louse` for `To A Louse, On Seeing One…`, `Epigram On Politics` for `On Politics`), or
either without the kind of piece it names first (`Song--Logan Braes` for `Logan
Braes`); note marks (`^1`) aside. Paired with the headings in order (`pair`), the list
tells which of them it names, and where in the text each of its other entries must stand.

Each entry keeps its label (`CHAPTER I`, `Lecture IV`), number, title and page;
entries never become divisions themselves: they name the headings the text must
have (`headings` finds numbered ones on its own; unnumbered titles such as
`INTRODUCTION` or `GLOSSARY` are looked up from here), and every line of the
list stays, as entries, in the front matter's contents division.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .context import norm_title
from .headings import read_heading

_TOC_HEAD = re.compile(r"^\s*(table\s+of\s+)?contents\.?\s*$", re.I)
_PAGE = r"(?:\d{1,4}|[ivxlcdm]{1,7})"
_WITH_PAGE = re.compile(rf"^(?P<text>.*?\S)(?:\s*(?:\.\s?){{2,}}\s*|\s{{2,}}|\s+)(?P<page>{_PAGE})$")
_LONG_LINE = 55
_NOISE = 0.05  # share of paragraphs after a number of blank lines that makes it no signal
_NEXT_PAGE = 6  # blocks between two pages of one contents list (page number, running head)
_UNHEADED_ENTRIES = 20  # lines a list without a heading needs before it is read as contents
_LIST_LINE = 80  # the longest line of such a list
_RUN_ON_SHARE = 0.2  # lines ending in a comma or semicolon that make a run of lines verse, not a list
_NOTE_MARK = re.compile(r"\^\d+|\[\d+\]")  # a note's mark on a title (`Handsome Nell^1`)
_KIND = re.compile(r"^[^\W\d][\w' ]{0,20}?\.?--")  # the kind of piece an entry names first (`Song--`)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_LOOKAHEAD = 8  # headings an entry may be ahead of its own (headings the list leaves out)


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

    def __init__(self, text: str, line: int, page: str | None, words: dict[str, int], numbered: bool = True):
        self.text, self.line, self.page = text, line, page
        self.number: int | None = None
        self.label: str | None = None
        self.title = text
        r = read_heading(text, words) if numbered else None
        if r is not None:
            _form, numbers, label, title, _dec, _bare, _kind = r
            self.number, self.label, self.title = numbers[0], label, title

    def add(self, more: str) -> None:
        self.text = f"{self.text} {more}"
        self.title = f"{self.title} {more}".strip()


def entries(
    texts: list[str], starts: list[int], first: int, last: int, words: dict[str, int], headed: bool = True
) -> list[Item]:
    """Every line of the list after its heading, as entries (continuations joined)."""
    items: list[Item] = []
    prev_line, prev_indent = "", 0
    for k in range(first, last + 1):
        lines = texts[k].split("\n")
        for n, raw in enumerate(lines):
            s = raw.strip()
            if headed and k == first and n == 0:
                continue  # the word CONTENTS
            if not s:
                continue
            m = _WITH_PAGE.match(s) if headed else None  # a list found by its entries repeats headings whole
            text, page = (m.group("text"), m.group("page")) if m else (s, None)
            cur = items[-1] if items else None
            indent = len(raw) - len(raw.lstrip())
            if headed:
                wrapped = (
                    indent > prev_indent  # an entry's second line, indented under it
                    or (len(prev_line) >= _LONG_LINE and read_heading(s, words) is None)
                )
            else:  # one entry a line: a stray space is no indent
                wrapped = indent > prev_indent + 1
            continues = cur is not None and n > 0 and not cur.page and (s[:1].islower() or wrapped)
            label_only = cur is not None and cur.label and not cur.title and not cur.page
            if continues or (label_only and read_heading(s, words) is None):
                cur.add(text)  # type: ignore[union-attr]
                cur.page = page  # type: ignore[union-attr]
            else:
                items.append(Item(text, starts[k] + n, page, words, numbered=headed))
            prev_line, prev_indent = s, indent
    return items


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(norm_title(_NOTE_MARK.sub("", text))))


@lru_cache(maxsize=4096)
def title_keys(text: str) -> tuple[tuple[str, ...], ...]:
    """A title's words, with and without the kind of piece named before it (`Song--`)."""
    t = text.strip()
    bare = _KIND.sub("", t)
    keys = (_words(t), _words(bare)) if bare != t else (_words(t),)
    return tuple(k for k in keys if k)


def names(entry: str, heading: str, whole: bool = False) -> bool:
    """The list's entry names this heading: their words agree (see the module's account);
    `whole`: all their words, not one title the start or the end of the other."""
    for a in title_keys(entry):
        for b in title_keys(heading):
            if a == b or set(a) == set(b):
                return True
            n = min(len(a), len(b))
            if not whole and (a[:n] == b[:n] or a[-n:] == b[-n:]):
                return True
    return False


def pair(entries: list[str], headings: list[str]) -> dict[int, int]:
    """{entry: heading} for the entries of a list that name the text's headings, in order:
    each entry takes the first heading it names among the next few after the last one taken."""
    out: dict[int, int] = {}
    at = 0
    for k, entry in enumerate(entries):
        for h in range(at, min(at + _LOOKAHEAD, len(headings))):
            if names(entry, headings[h]):
                out[k] = h
                at = h + 1
                break
    return out


def _list_block(text: str) -> bool:
    """A block set as list entries: every line indented and short."""
    lines = text.split("\n")
    if not all(l[:1].isspace() and len(l.rstrip()) <= _LIST_LINE for l in lines):
        return False
    # lines of a list are short; only a line alone, or lines as long as prose's, may be prose
    return (len(lines) > 1 and all(len(l.strip()) < _LONG_LINE for l in lines)) or not _prose(text)


def unheaded_regions(texts: list[str], gaps: list[int]) -> list[tuple[int, int]]:
    """(first, last) block of every list set as contents without the word CONTENTS."""
    last_alone: dict[tuple[str, ...], int] = {}  # the last line alone in its block with these words
    out = []
    i = 0
    while i < len(texts):
        if not _list_block(texts[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(texts) and gaps[j + 1] <= 2 and _list_block(texts[j + 1]):
            j += 1
        lines = [l for k in range(i, j + 1) for l in texts[k].split("\n") if l.strip()]
        if len(lines) >= _UNHEADED_ENTRIES and not _runs_on(lines):
            if not last_alone:
                last_alone.update(_lines_alone(texts))
            if _mostly_again(lines, last_alone, j):
                out.append((i, j))
        i = j + 1
    return out


def _runs_on(lines: list[str]) -> bool:
    """Lines that end in commas and semicolons run on, as verse and prose do; a list's do not."""
    return sum(l.rstrip()[-1:] in ",;" for l in lines) > len(lines) * _RUN_ON_SHARE


def _lines_alone(texts: list[str]) -> dict[tuple[str, ...], int]:
    """{title words: the last block holding them as its one line}."""
    out = {}
    for i, t in enumerate(texts):
        if t.strip() and "\n" not in t.strip():
            for key in title_keys(t):
                out[key] = i
    return out


def _mostly_again(lines: list[str], last_alone: dict[tuple[str, ...], int], end: int) -> bool:
    """At least half the lines stand again, alone, after block `end` (stops counting once
    too many do not: a poem's lines are no list)."""
    missed = 0
    for line in lines:
        if not any(last_alone.get(key, -1) > end for key in title_keys(line)):
            missed += 1
            if 2 * missed > len(lines):
                return False
    return True
