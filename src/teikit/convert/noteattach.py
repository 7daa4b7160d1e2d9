"""Notes set apart by `teikit.convert.footnotes`, attached at their references.

The footnotes pass runs once paragraphs are made (`structure` rejoins them) and moves
each note into the text in place of its reference, which it finds as the same occurrence
of the same reference text in the text's stream as note-bodies counted: text is never
reordered between the two passes, only blocks (and the notes set apart) are. What opened
a note (`[Footnote 1:`, `1.`) and the reference it replaced are its `n` now, reported
(dropped-note-label). A note whose reference cannot be found again stays where its run
stood and is reported (note-without-reference), with its line. Nothing is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..tei import line_of, q
from ..textnodes import substitute
from .context import Context
from .notemarks import MARK


@dataclass
class Pending:
    """A note set apart by `teikit.convert.footnotes.find`, and the reference `attach` puts it at."""

    note: Any  # the <note> element
    mark: str  # the reference as written
    occurrence: int  # its place among the references written so in the text (1-based)
    line: int | None
    opening: str = ""  # what opened the note's text ("[Footnote 1:"), reported when dropped


def report_label(ctx: Context, line: int | None, opening: str, mark: str) -> None:
    """What opened a note ("[Footnote 1:") and the reference it replaced ("^1") are its n now."""
    ctx.report.info(
        "dropped-note-label",
        line,
        "the note's label and its reference in the text are kept as the note's n",
        text=f"{opening} {mark}".strip(),
    )


def attach(tei, ctx: Context):
    """Put each note set apart by note-bodies at its reference (see the module's docstring)."""
    if not ctx.footnotes:
        return tei
    text = tei.find(q("text"))
    wanted = {(p.mark, p.occurrence): p for p in ctx.footnotes if p.occurrence}
    seen: Counter[str] = Counter()
    placed: set[int] = set()

    def build(m: re.Match):
        s = m.group(0)
        seen[s] += 1
        pending = wanted.get((s, seen[s]))
        if pending is None:
            return None
        placed.add(id(pending))
        ctx.report.counts["notes_linked"] += 1
        report_label(ctx, line_of(pending.note), pending.opening, s)
        return pending.note  # moved from where its run stood: lxml takes it out of there

    # the notes leave the stream first: the walk below must not meet them where they stood
    where = {}
    for p in ctx.footnotes:
        note = p.note
        where[id(p)] = (note.getparent(), note.getprevious())
        note.getparent().remove(note)
    substitute(text, MARK, build, skip=("note",))
    for p in ctx.footnotes:
        if id(p) not in placed:
            report_label(ctx, line_of(p.note), p.opening, "")
            parent, prev = where[id(p)]
            if prev is not None and prev.getparent() is parent:
                prev.addnext(p.note)
            else:
                parent.insert(0, p.note)
            ctx.report.counts["notes_unreferenced"] += 1
            ctx.report.add(
                "note-without-reference",
                line_of(p.note),
                f"the reference '{p.mark}' of note {p.note.get('n')} was not found again in the text; "
                "the note is kept where it stood",
            )
    ctx.footnotes = []
    return tei
