"""Notes: move every endnote to the point where the text refers to it.

Notes are read from the back matter's Notes (grouped under headings that name
the chapters) or from a chapter's own Notes section. The numbering is
repaired from the sequence: a note that lost its number takes the next one; a
note numbered in superscript where it does not belong fills the gap it fits.
References in the text (superscript digits, ^{n}, [n], or plain digits right
after a sentence) are resolved in order: the expected number, a number with
stray digits fused in front (²⁸⁸ where 88 is due), or a small forward skip.
What the sequence cannot make certain is reported, never guessed, and nothing
is dropped: notes whose numbering starts late (at 3) are kept and reported, and
lines or notes that fit no sequence are kept as paragraphs in the chapter's
closing notes division (and reported). The heading of a list of notes is
removed with the list, and reported (removed-notes-heading). A list that neither names
chapters nor numbers its notes from 1 (notes keyed by page or quoted phrase) stays where
it is, a notes division of the back matter, and is reported (notes-without-numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..tei import XML_ID, children, line_of, make, q, sub, text_of, xpath
from ..textnodes import substitute
from .blocks import FROM_SUPERSCRIPT, SUPERSCRIPTS, para_text
from .context import Context, norm_title, roman_to_int
from .notemarks import matches_at
from .structure import make_table

_NUMBERED = re.compile(r"^(?P<dash>[-–•]\s*)?(?P<n>\d{1,3})[.)]?\s+(?P<text>\S.*)$")
_BRACKETED = re.compile(r"^\[(?P<n>\d{1,3})\]\s*(?P<text>\S.*)$")
_SUPER = re.compile(rf"^(?P<n>[{SUPERSCRIPTS}]+)\s*(?P<text>\S.*)$")
_UNNUMBERED = re.compile(r"^[-–•]\s+(?P<text>\S.*)$")
_GROUP = re.compile(r"^(?:chapter|part)\s+(?P<n>\d+|[ivxlcdm]+)\b", re.I)
_MAX_SKIP = 3

REF = re.compile(
    rf"(?P<sup>[{SUPERSCRIPTS}]+)"
    r"|\^\{['’]?(?P<caret>\d{1,4})\}"
    r"|\[(?P<bracket>\d{1,3})\]"
    r"|(?<=[.!?'’\"”])(?P<space>\s?)(?P<plain>\d{1,3})(?=\s+[A-Z‘'\"“]|\s*$)"
)
# Where a reference may begin: a superscript, `^` or `[` (at the character), or the end of
# a sentence before a digit (after it). One class opens the pattern, which `re` looks for
# at the speed of a character search; `REF`, whose last alternative opens with a
# look-behind, is tried at every position of a text.
_SENTENCE_END = ".!?'’\"”"
_REF_START = re.compile(
    rf"[{SUPERSCRIPTS}^\[{_SENTENCE_END}](?:(?<=[{_SENTENCE_END}])(?=\s?\d)|(?<![{_SENTENCE_END}]))"
)


class _Refs:
    """The references in a text, as `REF.finditer` finds them: `REF` is tried only where
    one may begin (`_REF_START`), its look-behind still seeing the text before."""

    def finditer(self, text: str):
        # a plain number begins after the sentence's end
        starts = (m.start() + (text[m.start()] in _SENTENCE_END) for m in _REF_START.finditer(text))
        return matches_at(REF, text, starts)


_REFS = _Refs()


@dataclass
class Note:
    n: int | None
    line: int
    parts: list = field(default_factory=list)  # strings and tables
    how: str = "numbered"  # numbered, unnumbered, superscript
    referenced: bool = False


@dataclass
class Group:
    div: Any  # the chapter div the notes belong to
    title: str
    line: int
    notes: dict = field(default_factory=dict)  # n -> Note
    displaced: list = field(default_factory=list)
    stray: list = field(default_factory=list)  # <p>s and <table>s that fit no note: kept


def _chapter_key(div) -> str:
    head = div.find(q("head"))
    return norm_title(text_of(head)) if head is not None else ""


def _match_group(line: str, chapters: list) -> object | None:
    m = _GROUP.match(line.strip())
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else roman_to_int(m.group("n"))
        for div in chapters:
            if div.get("n") == str(n):
                return div
        return None
    t = norm_title(line)
    for div in chapters:
        if div.get("n") is None and _chapter_key(div) == t:
            return div
    return None


def _parse_lines(group: Group, lines, ctx: Context, groups: list, chapters: list) -> Group:
    """Read note lines into the group; a heading line naming a chapter opens a new group."""
    last: Note | None = None
    expected = lambda: (max(group.notes) + 1) if group.notes else 1
    for lineno, line, table in lines:
        if table is not None:
            if last is not None:
                last.parts.append(table)
            else:
                group.stray.append(table)
                ctx.report.add("unplaced-line", lineno, "table in the notes before any note; kept after the notes")
            continue
        if not line.strip():
            continue
        starts_space = line[:1].isspace()
        s = line.strip()
        if not starts_space and len(s) < 120 and not _NUMBERED.match(s) and not _UNNUMBERED.match(s):
            div = _match_group(s, chapters)
            if div is not None:
                ctx.report.info(
                    "removed-notes-heading",
                    lineno,
                    "heading naming the chapter of the notes below it, removed with them",
                    text=s,
                )
                group = Group(div, s, lineno)
                groups.append(group)
                last = None
                continue
        m = None if starts_space else (_BRACKETED.match(s) or _NUMBERED.match(s))
        if m:
            n = int(m.group("n"))
            first = not group.notes and not group.displaced and last is None
            plausible = m.groupdict().get("dash") or _BRACKETED.match(s) or n in (expected(), expected() + 1)
            if (plausible or first) and n not in group.notes:
                if first and n > 1:
                    # a list that starts late lost its first notes (or numbers on): keep it
                    ctx.report.add(
                        "notes-start-late",
                        lineno,
                        f"the notes start at number {n}; notes 1 to {n - 1} are not in the text",
                        where=group.title,
                    )
                last = Note(n, lineno, [m.group("text")])
                group.notes[n] = last
                continue
        m = None if starts_space else _SUPER.match(s)
        if m:
            last = Note(int(m.group("n").translate(FROM_SUPERSCRIPT)), lineno, [m.group("text")], how="superscript")
            group.displaced.append(last)
            continue
        m = None if starts_space else _UNNUMBERED.match(s)
        if m:
            n = expected()
            last = Note(n, lineno, [m.group("text")], how="unnumbered")
            group.notes[n] = last
            ctx.report.info(
                "note-number-restored",
                lineno,
                f"note without a number takes number {n} from the sequence",
                text=s,
                where=group.title,
            )
            continue
        if last is not None:
            if isinstance(last.parts[-1], str):
                last.parts[-1] += " " + s
            else:
                last.parts.append(s)
            continue
        group.stray.append(make("p", s, line=lineno))
        ctx.report.add(
            "unplaced-line",
            lineno,
            "line in the notes that belongs to no note; kept after the notes",
            text=s,
            where=group.title,
        )
    return group


def _place_displaced(groups: list, ctx: Context) -> None:
    """A note numbered in superscript fills the gap it fits: its own group's, else another's."""
    for g in groups:
        for note in g.displaced:
            n = note.n
            target = None
            if n not in g.notes and g.notes and n < max(g.notes):
                target = g
            else:
                for other in groups:
                    if n not in other.notes and other.notes and n < max(other.notes):
                        target = other
                        break
            if target is None:
                ctx.report.add(
                    "unplaced-note",
                    note.line,
                    f"note numbered {n} fits no gap in any chapter's notes; kept after the notes",
                    text=" ".join(p for p in note.parts if isinstance(p, str)),
                )
                _keep_as_text(g, note)
                continue
            target.notes[n] = note
            ctx.report.info(
                "displaced-note-placed",
                note.line,
                f"note {n} found out of place; it fills the gap in '{target.title}'",
                where=target.title,
            )


def _keep_as_text(group: Group, note: Note) -> None:
    """A note that fits no sequence stays, with its number, as plain paragraphs."""
    for k, part in enumerate(note.parts):
        if isinstance(part, str):
            text = f"{note.n} {part}" if k == 0 and note.n is not None else part
            group.stray.append(make("p", para_text(text), line=note.line))
        else:
            group.stray.append(part)


def _report_heading(ndiv, ctx: Context) -> None:
    """The heading of a list of notes goes with the list: said in the report."""
    for head in ndiv.findall(q("head")):
        ctx.report.info(
            "removed-notes-heading",
            line_of(head),
            "heading of the notes removed: the notes stand at their references",
            text=text_of(head).strip(),
        )


def _keep_or_remove(ndiv, ctx: Context) -> None:
    """The list of notes goes, its heading with it, unless it holds notes the text's
    stream left there (`teikit.convert.footnotes`, notes without a reference)."""
    if ndiv.find(q("note")) is not None:
        for p in children(ndiv, "p"):
            ndiv.remove(p)
        return
    _report_heading(ndiv, ctx)
    ndiv.getparent().remove(ndiv)


def _keyed(ndiv, chapters: list) -> bool:
    """True when a list of notes can be paired with the text: it names the chapters of its
    notes, or numbers them from 1. A list keyed by page or quoted phrase stays as it is."""
    paras = children(ndiv, "p")
    if not paras:
        return True  # nothing of its own left (the notes in the text's stream took it)
    for b in paras:
        for line in (b.text or "").split("\n"):
            s = line.strip()
            m = _BRACKETED.match(s) or _NUMBERED.match(s)
            if (m and int(m.group("n")) == 1) or _match_group(s, chapters) is not None:
                return True
    return False


def _collect(tei, ctx: Context) -> list[Group]:
    chapters = xpath(
        tei, "//t:text/t:body/t:div | //t:text/t:front/t:div[t:head][not(@type='contents' or @type='figures')]"
    )
    groups: list[Group] = []
    for ndiv in xpath(tei, "//t:text/t:back/t:div[@type='notes']"):
        if not _keyed(ndiv, chapters):
            paras = children(ndiv, "p")
            ctx.report.counts["notes_unreferenced"] += len(paras)
            ctx.report.add(
                "notes-without-numbers",
                line_of(ndiv),
                f"a list of notes without numbers (keyed by page or phrase): its {len(paras)} paragraphs "
                "are kept as a notes division, not linked to the text",
            )
            continue
        lines = []
        for b in children(ndiv, "p"):
            table = make_table(b, ctx) if "\t" in b.text else None
            if table is not None:
                lines.append((line_of(b), "", table))
            else:
                lines.extend(((line_of(b) or 0) + k, l, None) for k, l in enumerate(b.text.split("\n")))
        group = Group(None, "Notes", line_of(ndiv) or 0)
        _parse_lines(group, lines, ctx, groups, chapters)
        if group.notes or group.stray:  # notes before any chapter heading: pair by order with chapters
            groups.insert(0, group)
        _keep_or_remove(ndiv, ctx)
    for ndiv in xpath(tei, "//t:text/t:body/t:div/t:div[@type='notes']"):
        chapter = ndiv.getparent()
        head = chapter.find(q("head"))
        title = text_of(head) if head is not None else "the text"  # a book without chapters
        group = Group(chapter, title, line_of(ndiv) or 0)
        groups.append(group)
        lines = []
        for b in children(ndiv, "p"):
            lines.extend(((line_of(b) or 0) + k, l, None) for k, l in enumerate(b.text.split("\n")))
        _parse_lines(group, lines, ctx, groups, chapters=[])
        _keep_or_remove(ndiv, ctx)
    _place_displaced(groups, ctx)
    # groups that no heading tied to a chapter: give them, in order, to chapters with references
    free = [d for d in chapters if not any(g.div is d for g in groups)]
    for g in groups:
        if g.div is None:
            if free:
                g.div = free.pop(0)
                g.title = _chapter_key(g.div)
            elif chapters:
                # more lists of notes than chapters: the notes stay, unlinked, at the end
                g.div = chapters[-1]
                g.title = _chapter_key(g.div)
                for note in g.notes.values():
                    ctx.report.add(
                        "unplaced-note", note.line, "note for no chapter; kept at the end of the last chapter"
                    )
            else:
                for note in g.notes.values():
                    ctx.report.add("unplaced-note", note.line, "note for no chapter")
    return [g for g in groups if g.div is not None]


def _note_element(note: Note, div_id: str, ids: set):
    el = make("note", place="end", n=str(note.n), line=note.line)
    ident, k = f"{div_id}-n{note.n}", 2
    while ident in ids:  # two lists of notes for one chapter (a repeated heading)
        ident, k = f"{div_id}-n{note.n}-{k}", k + 1
    ids.add(ident)
    el.set(XML_ID, ident)
    strings = [p for p in note.parts if isinstance(p, str)]
    if len(strings) == len(note.parts):
        el.text = para_text("\n".join(strings))
    else:
        for part in note.parts:
            if isinstance(part, str):
                sub(el, "p", para_text(part))
            else:
                el.append(part)
    return el


def _resolve(group: Group, div_id: str, ctx: Context, ids: set) -> None:
    notes = group.notes
    state = {"expected": min(notes) if notes else 1}
    report = ctx.report

    def take(n: int, how: str, line: int | None, shown: str):
        note = notes[n]
        note.referenced = True
        state["expected"] = n + 1
        report.counts["notes_linked"] += 1
        if how:
            report.counts["refs_corrected"] += 1
            report.info("reference-corrected", line, f"reference '{shown}' read as note {n} ({how})", where=group.title)
        return _note_element(note, div_id, ids)

    def build(m: re.Match):
        e = state["expected"]
        line = state.get("line")
        if m.group("plain"):
            v = int(m.group("plain"))
            if v == e and v in notes and not notes[v].referenced:
                return take(v, "plain digits after the sentence", line, m.group("plain"))
            return None
        raw = m.group("sup") or m.group("caret") or m.group("bracket")
        shown = m.group(0)
        v = int(raw.translate(FROM_SUPERSCRIPT))
        if v == e and v in notes:
            return take(v, "" if m.group("sup") or m.group("bracket") else "caret notation", line, shown)
        if v != e and str(v).endswith(str(e)) and e in notes:
            return take(e, "stray digits fused in front", line, shown)
        if e < v <= e + _MAX_SKIP and v in notes and not notes[v].referenced:
            for missing in range(e, v):
                report.add(
                    "note-without-reference",
                    notes[missing].line if missing in notes else None,
                    f"no reference to note {missing} was found in the text",
                    where=group.title,
                )
            return take(v, "", line, shown)
        report.counts["refs_unresolved"] += 1
        report.add(
            "reference-without-note",
            line,
            f"reference '{shown}' does not fit the note sequence (note {e} expected)",
            where=group.title,
        )
        hi = make("hi", shown, rend="superscript") if m.group("sup") else None
        return hi

    for block in xpath(group.div, ".//t:p | .//t:head | .//t:l | .//t:cell"):
        if next(block.iterancestors(q("note")), None) is not None:  # (an XPath compiled per block was slow)
            continue
        state["line"] = line_of(block)
        substitute(block, _REFS, build, skip=("note",))

    unreferenced = [notes[n] for n in sorted(notes) if not notes[n].referenced]
    if unreferenced or group.stray:
        holder = sub(group.div, "div", type="notes")
        lst = holder  # notes may stand directly in a div (model.global)
        for note in unreferenced:
            lst.append(_note_element(note, div_id, ids))
            report.counts["notes_unreferenced"] += 1
            already = any(
                f.kind == "note-without-reference" and f.where == group.title and f"note {note.n} " in f.message
                for f in report.findings
            )
            if not already:
                report.add(
                    "note-without-reference",
                    note.line,
                    f"no reference to note {note.n} was found in the text; it is kept in a "
                    "list at the end of the chapter",
                    where=group.title,
                )
        for el in group.stray:
            holder.append(el)


def apply(tei, ctx: Context):
    groups = _collect(tei, ctx)
    ids: set[str] = set()
    for k, g in enumerate(groups):
        ctx.report.counts["notes"] += len(g.notes)
        div_id = g.div.get(XML_ID) or f"d{k}"
        _resolve(g, div_id, ctx, ids)
    return tei
