"""Sidenotes: marginal summaries, set off in plain text by a symbol, become margin notes.

Transcribers of books with sidenotes (the short summaries printed in the margin beside a
paragraph) set each one in the running text between two copies of a symbol, where the
paragraph it stands beside begins: `♦Feudal rights.♦ These feudal rights varied…`. Any
character of Unicode's "other symbol" class (♦, ◊, ☞…) can be such a marker; it is one in
a book that uses it so consistently:

* a sidenote opens with the symbol at the start of a paragraph or of a line, or after a
  space, and closes with it before a space or the end of the paragraph, with 1 to 300
  characters between them;
* the book has at least `MIN_SIDENOTES` of them, and they hold at least `MIN_SHARE` of
  the symbol's occurrences (a book that prints ♦ as an ornament keeps it as text).

Each becomes `<note place="margin">` at the point where it stood. A sidenote alone in its
paragraph (printed on a line of its own above the paragraph) moves to the start of the
paragraph that follows it, where the margin note belongs; the empty paragraph goes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from ..tei import line_of, local, make, only, outermost, q, xpath
from ..textnodes import substitute, texts
from .context import Context

MIN_SIDENOTES = 3
MIN_SHARE = 0.8
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BLOCKS = "//t:text//*[self::t:p or self::t:head or self::t:item or self::t:l]"
_BLOCK_TAGS = tuple(q(n) for n in ("p", "head", "item", "l"))


class _Sidenotes:
    """The sidenotes between two `char` in a text, as `finditer` of their pattern finds
    them, the pattern tried only where `char` stands: every match begins there, and its
    look-behind still sees the text before. Tried at every position (the look-behind
    first), it searched each paragraph character by character."""

    def __init__(self, char: str):
        c = re.escape(char)
        self.char = char
        self.pattern = re.compile(rf"(?:(?<=\s)|^){c}(?P<t>[^{c}\s][^{c}]{{0,298}}[^{c}\s]|[^{c}\s]){c}(?=\s|$)")

    def finditer(self, text: str) -> Iterator[re.Match]:
        at = text.find(self.char)
        while at >= 0:
            m = self.pattern.match(text, at)
            if m is None:
                at = text.find(self.char, at + 1)
            else:  # never empty: the next match begins after it
                yield m
                at = text.find(self.char, m.end())


def markers(strings: list[str]) -> dict[str, _Sidenotes]:
    """The symbols the book sets its sidenotes between, with the pattern of a sidenote."""
    # the characters beyond ASCII (the only ones taken) found by a pattern: reading every
    # character of the book in Python took most of this pass
    symbols = Counter(ch for s in strings for ch in _NON_ASCII.findall(s) if unicodedata.category(ch) == "So")
    found = {}
    for char, occurrences in symbols.items():
        if occurrences < 2 * MIN_SIDENOTES:
            continue
        pattern = _Sidenotes(char)
        pairs = sum(1 for s in strings if char in s for _ in pattern.finditer(s))
        if pairs >= MIN_SIDENOTES and 2 * pairs >= MIN_SHARE * occurrences:
            found[char] = pattern
    return found


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _may_hold_markers(text) -> bool:
    """Whether a symbol occurs in the text often enough to be a marker (`markers` asks the
    same of the blocks' text, which the whole text holds): the text serialised by libxml2
    (a walk in C, where reading its text nodes one by one in Python made a string of each)
    and its characters beyond ASCII, the only ones taken, looked at."""
    written = etree.tostring(text, method="text", encoding="unicode", with_tail=False)
    beyond = set(_ASCII_RUNS.sub("", written))
    return any(unicodedata.category(ch) == "So" and written.count(ch) >= 2 * MIN_SIDENOTES for ch in beyond)


def _alone(p) -> bool:
    """Whether the paragraph holds a margin note and nothing else."""
    return (
        len(p) == 1
        and local(p[0]) == "note"
        and p[0].get("place") == "margin"
        and not (p.text or "").strip()
        and not (p[0].tail or "").strip()
    )


def apply(tei, ctx: Context):
    text = only(tei, "text")  # walked down from, in document order (XPath searched the whole tree)
    if text is not None and not _may_hold_markers(text):
        return tei  # the book's text nodes are not read one by one
    blocks = list(text.iter(*_BLOCK_TAGS)) if text is not None else xpath(tei, _BLOCKS)
    outer = outermost(blocks)
    found = markers([t for b in outer for t in texts(b)])
    for char, pattern in sorted(found.items()):

        def build(m):
            ctx.report.counts["sidenotes"] += 1
            return make("note", m.group("t").strip(), place="margin")

        for b in outer:
            substitute(b, pattern, build)
        ctx.report.info(
            "sidenotes",
            None,
            f"text between two '{char}' at the start of a paragraph or line read as sidenotes "
            f"({ctx.report.counts['sidenotes']}): margin notes",
        )
    if not found:
        return tei
    for p in list(text.iter(q("p"))) if text is not None else xpath(tei, "//t:text//t:p"):
        nxt = p.getnext()
        if _alone(p) and nxt is not None and local(nxt) == "p":
            note = p[0]
            note.tail = None
            nxt.insert(0, note)
            note.tail, nxt.text = nxt.text, None
            if note.tail and not note.tail[:1].isspace():
                note.tail = " " + note.tail
            ctx.report.info(
                "sidenote-moved",
                line_of(p),
                "a sidenote on a line of its own moved to the start of the paragraph it stands beside",
                text="".join(note.itertext()),
            )
            p.getparent().remove(p)
    return tei
