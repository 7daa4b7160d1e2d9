"""Word footnotes, endnotes and comments at their references.

- `w:footnoteReference`/`w:endnoteReference` → `note place="foot"|"end"` at the reference,
  `n` the number Word shows (counted in reference order in the format of
  `w:footnotePr`/`w:endnotePr`; endnotes default to lower-case Roman) or the custom mark
  (`w:customMarkFollows`: `*` until the mark is read). A note of one paragraph holds its
  text; a longer one its paragraphs, quotations, lists, tables and references.
- Comments: an `anchor` where the comment's range starts and, at its reference, `note
  type="comment" target="#…"` with the author and date, then the comment's paragraphs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from ....tei import is_, make, sub
from ..blocks import add_text, demote
from . import paragraphs, runs
from .parts import W, number

if TYPE_CHECKING:
    from .state import Reader


def note(r: Reader, ref: etree._Element, into: etree._Element, custom) -> etree._Element:
    place = "foot" if ref.tag == W + "footnoteReference" else "end"
    notes = r.doc.footnotes if place == "foot" else r.doc.endnotes
    ident = ref.get(W + "id") or ""
    source = notes.get(ident)
    fmt, start = r.doc.note_format[place]
    if custom is None:
        r.counter[place] += 1
        n = number(r.counter[place] + start - 1, fmt)
    else:
        n = "*"
    note = sub(into, "note", place=place, n=n)
    r.refs += 1
    if source is None:
        r.report.add("note-missing", None, f"the document refers to {place}note {ident}, which it lacks")
        return note
    outer, r.where = r.where, f"word/{place}notes.xml"
    fill_from(r, note, source)
    r.where = outer
    return note


def fill_from(r: Reader, holder: etree._Element, source: etree._Element) -> None:
    saved, lang = r.after, r.para_lang
    r.after = []
    blocks = paragraphs.plain_blocks(r, source)
    r.after, r.para_lang = saved, lang
    if is_(holder, "note") and holder.get("type") is None and len(blocks) == 1 and is_(blocks[0], "p"):
        p = blocks[0]
        holder.text = p.text
        holder.extend(list(p))
    else:
        for b in blocks:
            holder.extend(demote(b, ("p", "quote", "lg", "list", "table", "eg", "bibl")))


def comment(r: Reader, ident: str, into: etree._Element) -> None:
    source = r.doc.comments.get(ident)
    if source is None:
        r.report.add("comment-missing", None, f"the document refers to comment {ident}, which it lacks")
        return
    r.comments_given.add(ident)
    note = sub(into, "note", type="comment", target=f"#comment-{runs.safe_id(ident)}")
    who = make("p")
    add_text(who, source.get(W + "author") or "(no author)")
    date = source.get(W + "date") or ""
    if date:
        add_text(who, ", ")
        m = re.match(r"\d{4}-\d{2}-\d{2}", date)
        sub(who, "date", date, when=m.group() if m else None)
    note.append(who)
    outer, r.where = r.where, "word/comments.xml"
    fill_from(r, note, source)
    r.where = outer
