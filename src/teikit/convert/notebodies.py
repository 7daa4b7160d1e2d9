"""Note bodies: how a block of the raw text reads when it is a note, or the start of one.

A block (a run of non-blank lines, as the reader made it) may hold one note or several,
each starting on a line of its own in one of the forms books and transcribers use:

- worded, in brackets: `[Footnote 1: ...]`, `(*Footnote. ...)` — the word is one of the
  profile's `[notes] body_words`; the note runs to the closing bracket, over lines and
  blocks (`open` says the bracket is not closed yet);
- a bracketed label: `[1] ...`, `[A] ...`;
- a number: `1. ...` (or `E1. ...`) at the margin, or indented with the number right-aligned
  (`    12 As with ...`), the note's further lines indented under it;
- a symbol at the foot of a page: `* ...`, `† ...`, `‡ ...`;
- a digit at the margin, as OCR gives a note at the foot of a page (`1 See Desruelles ...`),
  or a mark OCR misread, as the profile's `[notes] read_marks` says (`' Ricord ...` is 1).

`read_block` gives the notes a block starts, or None when its first line is none of
these. Whether they are notes at all is decided by pairing them with references
(`teikit.convert.footnotes`), never by their form alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .notemarks import PLAIN

_NUMBERED = re.compile(r"^(?P<indent>\s*)(?P<n>[A-Z]?\d{1,3})(?P<dot>\.?)\s+(?P<text>\S.*)$")
_BRACKETED = re.compile(r"^(?P<indent>\s*)\[(?P<n>\d{1,3}|[A-Z])\]\s+(?P<text>\S.*)$")
# a note at the foot of a page, as OCR gives it: "1 See Desruelles ...", "' Ricord, ..."
_FOOT = re.compile(r"^(?P<n>[1-9]|\S)\s+(?P<text>[\"'A-Z(].*)$")
_SYMBOL = re.compile(r"^(?P<indent>\s*)(?P<n>\*{1,3}|[†‡§‖¶])\s+(?P<text>[^\s*].*)$")


@dataclass
class Body:
    """One note as read from the raw text."""

    label: str
    form: str  # worded, bracketed, numbered, symbol
    line: int
    lines: list[str] = field(default_factory=list)  # its text, first line without the label
    paragraphs: list[list[str]] = field(default_factory=list)  # earlier paragraphs, when several
    indent: int = 0  # where the label stands
    open: str = ""  # the closing bracket still awaited (worded notes)
    word: str = ""  # the word of a worded note, lower case
    opening: str = ""  # what opens the note before its text ("[Footnote 1:", "1."), kept as its n
    unlabelled: bool = False  # a worded note that gives no number or symbol ("[Footnote : ...]")

    def add_paragraph(self, lines: list[str]) -> None:
        self.paragraphs.append(self.lines)
        self.lines = list(lines)

    def all_paragraphs(self) -> list[list[str]]:
        return [p for p in self.paragraphs + [self.lines] if any(l.strip() for l in p)]


def worded(words: tuple[str, ...]) -> re.Pattern | None:
    """The pattern of a note set in brackets with one of `words` ("[Footnote 1: ...").

    A note written with the word and nothing else ("[Footnote: ...]") takes the label "*".
    """
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"^\s*(?P<open>[\[(])(?P<pre>\*{{1,3}}|[†‡§])?\s*(?P<word>{alt})\b\s*(?P<n>\d{{1,3}}|[A-Z*†‡§])?\s*[.:]?\s*(?P<text>.*)$",
        re.I,
    )


def _label(s: str) -> str:
    return str(int(s)) if s.isdigit() else s


def _close(body: Body, line: str) -> str:
    """A worded note's line without its closing bracket (and `open` cleared) when it ends it."""
    s = line.rstrip()
    if body.open and s.endswith(body.open):
        body.open = ""
        return s[:-1].rstrip()
    return s


def read_block(
    text: str, first_line: int, words_rx: re.Pattern | None, read_marks: dict[str, str] | None = None
) -> list[Body] | None:
    """The notes a raw block starts with, or None (see the module's docstring)."""
    lines = text.split("\n")
    head = lines[0]
    marks = read_marks or {}
    start = _start(head, words_rx, first_line, single=len(lines) == 1, read_marks=marks)
    if start is None:
        return None
    bodies = [start]
    for k, line in enumerate(lines[1:], start=1):
        cur = bodies[-1]
        if cur.open:
            cur.lines.append(_close(cur, line.strip()))
            continue
        nxt = _start(line, words_rx, first_line + k, read_marks=marks)
        if nxt is not None and _follows(cur, nxt):
            bodies.append(nxt)
            continue
        cur.lines.append(line.strip())
    return bodies


def continue_open(body: Body, text: str) -> None:
    """A further block of a worded note whose bracket is still open: a new paragraph of it."""
    lines = [l.strip() for l in text.split("\n")]
    closed: list[str] = []
    for line in lines:
        closed.append(_close(body, line) if body.open else line)
    body.add_paragraph(closed)


def _follows(cur: Body, nxt: Body) -> bool:
    """True when a line that reads as a note's start is the next note, not a line of `cur`."""
    if {nxt.form, cur.form} - {"foot", "symbol"} and nxt.form != cur.form or nxt.indent != cur.indent:
        return False
    a, b = cur.label.lstrip(PLAIN), nxt.label.lstrip(PLAIN)
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return True


_STOPS = tuple(".!?)]\"'”’:;,-")


def _start(
    line: str, words_rx: re.Pattern | None, lineno: int, single: bool = False, read_marks: dict[str, str] | None = None
) -> Body | None:
    body, m = _read_start(line, words_rx, lineno, single, read_marks)
    if body is not None and m is not None:
        body.opening = line[: m.start("text")].strip()
    return body


def _read_start(
    line: str, words_rx: re.Pattern | None, lineno: int, single: bool, read_marks: dict[str, str] | None
) -> tuple[Body | None, re.Match | None]:
    indent = len(line) - len(line.lstrip())
    if words_rx is not None:
        m = words_rx.match(line)
        if m:
            label = m.group("pre") or m.group("n") or "*"
            body = Body(_label(label), "worded", lineno, indent=indent, open="]" if m.group("open") == "[" else ")")
            body.word = m.group("word").lower()
            body.unlabelled = not (m.group("pre") or m.group("n"))
            body.lines.append(_close(body, m.group("text")))
            return body, m
    m = _BRACKETED.match(line)
    if m:
        return Body(_label(m.group("n")), "bracketed", lineno, [m.group("text")], indent=indent), m
    m = _NUMBERED.match(line)
    # a numbered line at the margin without a stop is a numbered heading ("3. _A Loan_")
    heading = m is not None and not indent and not m.group("text").rstrip().endswith(_STOPS)
    lettered = m is not None and not m.group("n").isdigit()  # "E1. ..." (an editor's note)
    if m and (m.group("dot") or (indent and not lettered)) and not (heading and single):
        return Body(_label(m.group("n")), "numbered", lineno, [m.group("text")], indent=indent), m
    m = _FOOT.match(line)
    if m and (m.group("n").isdigit() or m.group("n") in (read_marks or {})):
        mark = (read_marks or {}).get(m.group("n"), m.group("n"))
        label = PLAIN + mark if mark.isdigit() else mark
        return Body(label, "foot" if mark.isdigit() else "symbol", lineno, [m.group("text")], indent=indent), m
    m = _SYMBOL.match(line)
    # a line framed by the symbol ("*** START ***") or a row of them is a banner or a break
    if m and not line.rstrip().endswith(m.group("n")[0]) and not line.strip().startswith("* *"):
        return Body(m.group("n"), "symbol", lineno, [m.group("text")], indent=indent), m
    return None, None
