"""Note references in running text, and how a block of notes is paired with them.

A reference is one of the marks books print or transcribers write for a note:
`[1]`, `[A]`, `[E1]`, `^1`, `^{1}`, `(1)`, superscript digits (`¹²`), `*`, `**`, `†`, `‡`, `§`,
and, for notes at the foot of a page only, a digit set off by a space after a word
(`by Desruelles 1`), as OCR reads a superscript.
Its label is what a note's own number is compared with: digits as a number
(`(07)` is 7), superscript digits as digits, letters and symbols as written.
Numbers have at most three digits (`[1787]` is a year, never a note). A mark is not a
reference when it labels its line (`[1] the Project ...`, `(1) Mystical states`), when it
stands between spaces before a word in lower case (`cause: [1] distribution`, an
enumeration), when a parenthesised number follows a digit or a bracket (`501(c)(3)`), or
when the asterisks are those of an `*emphasis*` on one line.

Pairing (`align`) follows how books are made: one book writes its references one way
(`[1]`, not the `(1)` of an enumeration beside them), and the notes of one block are in the
order of their references, so the notes' labels are matched with the references
before the block as the longest common subsequence of labels. Of several equally
long pairings, each note takes the latest reference it can: a note stands after the
text that refers to it, and a reference far back (a contents line with the same
mark, an enumeration `(1)` earlier in the book) is the one to leave out. Numbers,
letters, an editor's `E1` and symbols (`family`) are paired each on their own; among the
ways of writing references (`Mark.shape`), the one that pairs most notes wins, and of two
that pair as many, the one whose numbering stops with the notes (an enumeration goes on).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from .blocks import FROM_SUPERSCRIPT, SUPERSCRIPTS

# `regex`, for the variable-width look-behind of plain digits: a line's indentation before
# the digit is one space once the lines of a paragraph are joined, and the two passes
# that count references (raw blocks, then paragraphs) must count the same ones.
_MARK = regex.compile(
    r"\[(?P<bracket>[A-Z]?\d{1,3}|[A-Z])\]"
    r"|\^\{(?P<brace>\d{1,3})\}"
    r"|\^(?P<caret>\d{1,3})(?!\d)"
    r"|(?<![\d()])\((?P<paren>\d{1,3})\)"
    rf"|(?P<sup>[{SUPERSCRIPTS}]+)"
    r"|(?P<sym>\*{1,3}|[†‡§‖¶])"
    # a digit set off by a space after a word, as OCR reads a superscript: "by Desruelles 1"
    r"|(?<=[\w.,;:!?\"'”’)]\s+)(?P<plain>[1-9])(?=\s|$)"
)
# Every way of writing a reference begins with one of these characters. `regex` tries the
# pattern (its look-behinds first) at every position of the text, forty times slower than
# trying it only where such a character stands; `MARK.finditer` does the latter and finds
# the same matches: a match can begin nowhere else, and the look-behinds still see the text
# before the position tried. A digit begins only a plain mark, one digit with a space
# before it and a space (or nothing) after it: the digits that follow a character found
# are taken with it, as none of them can begin a mark (no space before it), and a digit
# found is tried only alone and with no printable ASCII character (never a space) on
# either side (every digit of every number was tried).
_FIRST = re.compile(rf"[\[\^(*†‡§‖¶{SUPERSCRIPTS}1-9][0-9]*")
_DIGITS = frozenset("123456789")
_PRINTABLE_ASCII = frozenset(map(chr, range(0x21, 0x7F)))


def matches_at(pattern: Any, text: str, starts: Iterable[int]) -> Iterator[Any]:
    """The matches of `pattern` tried at each of `starts` (ascending), none inside the one
    before: what `pattern.finditer(text)` gives when every match begins at one of `starts`
    (the patterns given have no empty match: every alternative takes a character)."""
    end = 0
    for at in starts:
        if at < end:
            continue
        m = pattern.match(text, at)
        if m is not None:
            end = m.end()
            yield m


class _Marks:
    """The references in a text, as `finditer` of the pattern above would find them."""

    def finditer(self, text: str) -> Iterator[Any]:
        return matches_at(_MARK, text, self._starts(text))

    @staticmethod
    def _starts(text: str) -> Iterator[int]:
        for first in _FIRST.finditer(text):
            pos = first.start()
            if text[pos] in _DIGITS:
                stop = first.end()
                if (
                    stop - pos > 1
                    or not pos
                    or text[pos - 1] in _PRINTABLE_ASCII
                    or text[stop : stop + 1] in _PRINTABLE_ASCII
                ):
                    continue
            yield pos


MARK = _Marks()

# The labels of plain digits start with "#": they pair only with notes at the foot of a
# page read the same way ("1 See Desruelles ..."), never with notes marked [1] or (1).
PLAIN = "#"


@dataclass
class Mark:
    """One reference found in a block of the text."""

    label: str
    text: str  # the reference as written
    block: Any  # the element whose text (or tail) holds it
    start: int
    order: int  # place in the text's stream (document order)
    tail: bool = False  # the text is the tail of `block`, not its text

    @property
    def shape(self) -> str:
        """How the reference is written, whatever its label: "[]", "()", "^", "¹", "#"."""
        if self.label[0] == PLAIN:
            return PLAIN
        return re.sub(rf"[0-9A-Z{SUPERSCRIPTS}]", "", self.text) or "¹"


def label_of(m: re.Match) -> str:
    """The label of a reference: a number without leading zeros, else as written."""
    for name in ("bracket", "brace", "caret", "paren", "sup"):
        raw = m.group(name)
        if raw is not None:
            raw = raw.translate(FROM_SUPERSCRIPT)
            return str(int(raw)) if raw.isdigit() else raw
    if m.group("plain"):
        return PLAIN + m.group("plain")
    return m.group("sym")


def is_reference(text: str, m: re.Match) -> bool:
    """False for a mark that labels its line (`[1] the Project ...`, `(1) Mystical states`):
    at the start of a line and followed by a space, it numbers an item, it refers to nothing."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    after = text[m.end() : m.end() + 2]
    if not text[line_start : m.start()].strip():
        return bool(after) and not after[0].isspace()
    if m.group("plain"):  # set off by spaces by definition
        return True
    # set off by spaces before a word in lower case, it counts items: "cause: [1] distribution"
    spaced = text[m.start() - 1].isspace() and after[:1].isspace() and after[1:2].islower()
    return not spaced


# *emphasis* on one line: its asterisks mark the emphasis, they refer to nothing
_EMPHASIS = re.compile(r"(?<![\w*])\*[^\s*][^*\n]*?(?<=[^\s*])\*(?![\w*])")


def find_marks(text: str, block, order: int) -> list[Mark]:
    """Every reference in one block's text, in order."""
    emphasis = {i for m in _EMPHASIS.finditer(text) for i in (m.start(), m.end() - 1)} if "*" in text else set()
    return [
        Mark(label_of(m), m.group(0), block, m.start(), order)
        for m in MARK.finditer(text)
        if is_reference(text, m) and not (m.group("sym") and m.start() in emphasis)
    ]


def family(label: str) -> str:
    """The numbering a label belongs to: notes numbered 1, 2, 3, lettered A, B, C, an
    editor's E1, E2 and symbols each keep their own order among the references."""
    if label.isdigit():
        return "1"
    if label.startswith(PLAIN):
        return PLAIN
    if label[:1].isalpha():
        return "A" if len(label) == 1 else label[0]
    return "*"


def align(labels: list[str], marks: list[Mark]) -> list[int | None]:
    """For each note label (in the block's order) the index of its reference in `marks`.

    Each family of labels (`family`) is paired on its own, as the longest common
    subsequence of labels, each note taking the latest reference it can (see the
    module's docstring); None where a note has no reference.
    """
    out: list[int | None] = [None] * len(labels)
    for fam in sorted({family(lab) for lab in labels}):
        idx = [i for i, lab in enumerate(labels) if family(lab) == fam]
        best: list[int | None] = [None] * len(idx)
        # references written alike belong together: pair with the way of writing them
        # that explains most notes ("[1]" rather than the "(1)" of an enumeration)
        for shape in sorted({m.shape for m in marks if family(m.label) == fam}):
            midx = [j for j, m in enumerate(marks) if family(m.label) == fam and m.shape == shape]
            got = [midx[j] if j is not None else None for j in _lcs([labels[i] for i in idx], [marks[j] for j in midx])]
            if _score(got, labels, idx, marks, midx) > _score(best, labels, idx, marks, midx):
                best = got
        for i, j in zip(idx, best):
            out[i] = j
    return out


def _score(got: list[int | None], labels: list[str], idx: list[int], marks: list[Mark], midx: list[int]):
    """How well a pairing explains a block of notes: how many notes it pairs, and whether
    the references stop with them (an enumeration goes on: (1), (2), (3) for two notes)."""
    paired = [(labels[i], j) for i, j in zip(idx, got) if j is not None]
    if not paired:
        return (0, False)
    label, last = paired[-1]
    nxt = str(int(label) + 1) if label.isdigit() else None
    shape = marks[last].shape
    goes_on = nxt is not None and any(
        marks[j].label == nxt and marks[j].shape == shape for j in range(last + 1, len(marks))
    )
    return (len(paired), not goes_on)


def _lcs(labels: list[str], marks: list[Mark]) -> list[int | None]:
    n, m = len(labels), len(marks)
    # lengths[i][j]: the longest pairing of labels[:i] with marks[:j]
    lengths = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, prev, lab = lengths[i], lengths[i - 1], labels[i - 1]
        for j in range(1, m + 1):
            if marks[j - 1].label == lab:
                row[j] = prev[j - 1] + 1
            else:
                row[j] = max(prev[j], row[j - 1])
    out: list[int | None] = [None] * n
    i, j = n, m
    while i > 0 and j > 0:
        if marks[j - 1].label == labels[i - 1] and lengths[i][j] == lengths[i - 1][j - 1] + 1:
            out[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif lengths[i][j - 1] == lengths[i][j]:
            j -= 1  # the latest reference is not needed: look further back
        else:
            i -= 1  # this note has no reference
    return out
