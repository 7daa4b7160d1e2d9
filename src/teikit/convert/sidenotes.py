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

from ..tei import line_of, local, make, only, outermost, q, xpath
from ..textnodes import substitute, texts
from .context import Context

MIN_SIDENOTES = 3
MIN_SHARE = 0.8
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BLOCKS = "//t:text//*[self::t:p or self::t:head or self::t:item or self::t:l]"
_BLOCK_TAGS = tuple(q(n) for n in ("p", "head", "item", "l"))


def _pattern(char: str) -> re.Pattern:
    c = re.escape(char)
    return re.compile(rf"(?:(?<=\s)|^){c}(?P<t>[^{c}\s][^{c}]{{0,298}}[^{c}\s]|[^{c}\s]){c}(?=\s|$)")


def markers(strings: list[str]) -> dict[str, re.Pattern]:
    """The symbols the book sets its sidenotes between, with the pattern of a sidenote."""
    # the characters beyond ASCII (the only ones taken) found by a pattern: reading every
    # character of the book in Python took most of this pass
    symbols = Counter(ch for s in strings for ch in _NON_ASCII.findall(s) if unicodedata.category(ch) == "So")
    found = {}
    for char, occurrences in symbols.items():
        if occurrences < 2 * MIN_SIDENOTES:
            continue
        pattern = _pattern(char)
        pairs = sum(len(pattern.findall(s)) for s in strings if char in s)
        if pairs >= MIN_SIDENOTES and 2 * pairs >= MIN_SHARE * occurrences:
            found[char] = pattern
    return found


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
