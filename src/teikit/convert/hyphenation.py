"""Hyphenation: words a printed line broke with a hyphen, made whole again.

A line that ends in a word part and a hyphen, followed (in its paragraph, or
across a page break in the next block) by a line that starts with a lower-case
word part, may hold a word the printer broke (`medi-` / `cine`) or a compound
that happened to break at its own hyphen (`well-` / `known`). The text decides:

- the joined word appears elsewhere in the book without a hyphen: rejoined;
- the hyphenated form appears elsewhere within a line: a compound, kept as it is;
- neither: rejoined only in a book whose lines are printed lines (one line in a
  hundred or more ends in a hyphen, as in an OCR text); otherwise kept.

A printer carries at least two letters over: a line that starts with one letter
alone does not continue the word. The second part moves up to the end of the first
line, so line numbers hold; every rejoined word is reported (`hyphen-rejoined`)
with its line.
"""

from __future__ import annotations

import re

from ..tei import line_of
from .context import Context

_BROKEN = re.compile(r"(?<![-\w])([A-Za-z]+)-$")
# a printer carries at least two letters of a word to the next line: a lone letter there is
# a word of its own, or a note's mark misread (`i See the chapter` under `per-`)
_CONTINUED = re.compile(r"^(\s*)([a-z]{2,})(.*)$", re.S)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_HYPHEN_AT_END = re.compile(r"-[^\S\n]*$", re.M)  # a line's last character but spaces
# every byte but an ASCII letter or a hyphen made a space
_LETTERS_AND_HYPHENS = bytes(b if chr(b).isascii() and (chr(b).isalpha() or b == 0x2D) else 0x20 for b in range(256))
_PRINTED_LINES = 0.01  # share of lines ending in a hyphen in a text of printed lines


def _vocabulary(texts: list[str]) -> tuple[set[str], set[str]]:
    """Words written whole, and hyphenated compounds written within a line (lower-cased)."""
    # The part of a line before its break is no whole word: it is cut off, from the line's
    # last space. The lines ending in a hyphen are found by one search of the whole text
    # (not a Python loop over every line), and the words by one more: no word spans a line
    # end. The words are ASCII letters: each is lower-cased once, however often it is written.
    text = "\n".join(texts)
    kept = []
    pos = 0
    for m in _HYPHEN_AT_END.finditer(text):
        start = text.rfind("\n", pos, m.start()) + 1 or pos  # the line's
        kept.append(text[pos : text.rfind(" ", start, m.start()) + 1 or start])
        pos = m.end()
    kept.append(text[pos:])
    # The runs of ASCII letters and hyphens, told apart from the rest by a byte table (no
    # character outside ASCII is a letter of `_WORD`) and lower-cased at once: a run without
    # a hyphen is a word as it stands, one with a hyphen is read by `_WORD` (`-so-called-`),
    # each distinct run once (the pattern searched over the whole book took most of the pass).
    letters = "".join(kept).encode("utf-8", "surrogatepass").translate(_LETTERS_AND_HYPHENS)
    runs = set(letters.decode("ascii").lower().split())
    words = {run for run in runs if "-" not in run}
    for run in runs:
        if "-" in run:
            words.update(_WORD.findall(run))
    compounds = {w for w in words if "-" in w}
    return words - compounds, compounds


def _broken(line: str) -> re.Match[str] | None:
    """The word a line ends in before its hyphen. `_BROKEN` opens with a look-behind, which
    `re` tries at every position of the line: only a line ending in a hyphen is searched."""
    body = line.rstrip()
    return _BROKEN.search(body) if body.endswith("-") else None


def rejoin(blocks: list, ctx: Context) -> None:
    """Rejoin broken words in the blocks (<p> elements with raw lines), in place."""
    texts = [b.text or "" for b in blocks]
    lines_total = sum(t.count("\n") + 1 for t in texts)
    # the lines ending in a hyphen, found by one search of each text, and of those the lines
    # `_broken` takes (its pattern tried on the line alone: from its start to its hyphen)
    broken_total = sum(
        1
        for t in texts
        for m in _HYPHEN_AT_END.finditer(t)
        if _BROKEN.search(t, t.rfind("\n", 0, m.start()) + 1, m.start() + 1)
    )
    if not broken_total:
        return
    whole, compounds = _vocabulary(texts)
    printed = broken_total >= lines_total * _PRINTED_LINES
    for j, b in enumerate(blocks):
        if b.text and "-" not in b.text:
            continue  # no line of it is broken, and it is left as it is
        lines = (b.text or "").split("\n")
        for k, line in enumerate(lines):
            m = _broken(line)
            if not m:
                continue
            if k + 1 < len(lines):
                target, t_index = b, k + 1
                nxt_lines = lines
            elif j + 1 < len(blocks):
                target, t_index = blocks[j + 1], 0
                nxt_lines = (target.text or "").split("\n")
                if len(nxt_lines[0].split()) < 2:
                    continue  # over a page break, only onto a line of text (not a stray mark)
            else:
                continue
            c = _CONTINUED.match(nxt_lines[t_index])
            if not c:
                continue
            left, right = m.group(1), c.group(2)
            joined = left + right
            if joined.lower() in whole:
                why = "the word is written whole elsewhere in the book"
            elif f"{left}-{right}".lower() in compounds:
                continue  # a compound: the hyphen is its own
            elif printed:
                why = "a text of printed lines, and the hyphenated form is never written within a line"
            else:
                continue
            lines[k] = line.rstrip()[:-1] + right
            nxt_lines[t_index] = c.group(1) + c.group(3).lstrip()
            if target is not b:
                target.text = "\n".join(nxt_lines)
            ctx.report.counts["hyphens_rejoined"] += 1
            ctx.report.info(
                "hyphen-rejoined",
                (line_of(b) or 0) + k,
                f"word broken at the line end rejoined: {why}",
                text=f"{left}-{right}",
            )
        b.text = "\n".join(lines)
