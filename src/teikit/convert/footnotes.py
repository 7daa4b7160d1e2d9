"""Notes in the text's stream: found, paired with their references, set apart.

The first of two passes around `structure` (the second: `teikit.convert.noteattach`):
a note body must be taken out of the stream before paragraphs are rejoined (a note at the
foot of a page sits inside the paragraph the page break cut), and references can only
be replaced once paragraphs are made.

`find` (note-bodies) reads the raw blocks of the whole text in order, whatever the
divisions. A block that starts like a note (`teikit.convert.notebodies`) opens a run of
notes; the run goes on over the blocks that continue it: further notes (a numbering
that starts again opens another run), the rest of a note whose bracket is still open, a
paragraph indented under an indented note, the blocks (a table, a paragraph) between a
note and the next one of its numbering, and, at the foot of a page, what stands between
the notes and the page's end. A notes heading (the profile's `[notes] headings`:
"FOOTNOTES:", "Notes") opens a run too, and goes with it; so does the heading of a notes
division. A numbered list of a bibliography division is never read as notes.

A run is paired with the references in the text before it, back to the previous run
(`teikit.convert.notemarks.align`: labels in order, the way of writing references that
explains most notes, each note taking the latest reference it can). It is a run of
notes when it has a heading, or a note set in brackets with the word (`[Footnote 1:
...]`), or when at least half its notes find their reference, unless the paragraph
before announces a list (it ends with a colon), the text's numbering goes on after the
last reference paired (7 after 6: a list counting like the references), or it is
numbered from n > 1 with no earlier run to go on from. Otherwise its blocks stay text
(a numbered list, the `[1]` items of a licence). Notes at the foot of a page (a digit at
the margin, `1 See ...`) pair only with the references of that page and only where a
page ends after them (`teikit.convert.pagefoot`); without a page's foot
they are read as notes numbered without a stop and pair with `[1]` or `(1)`.

The notes of a run become `<note n place>`, set apart where the run stood; `place` is
"foot" when the heading or the bracketed word says so (`[notes] foot_words`), for notes
marked by a symbol, notes at a page's foot and notes indented as there, "end" for other
blocks of notes after the text. The heading is removed and reported
(removed-notes-heading); a lettered note whose reference stands in an earlier note of
its run (a table's notes) goes inside that note. References written like the paired
ones that stand among them with no note are reported (reference-without-note).

The notes are attached by `teikit.convert.noteattach` once paragraphs are made.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..tei import is_, line_of, local, make, q, sub
from ..textnodes import substitute
from .blocks import para_text
from .context import Context
from .noteattach import Pending, report_label
from .notebodies import Body, continue_open, read_block, worded
from .notemarks import MARK, PLAIN, Mark, align, family, find_marks, is_reference, label_of
from .pagefoot import PAGE_LINES, Pages

# How many blocks of text may stand between two notes of one run (a note's table and its
# further paragraphs) and still belong to the first one.
_LOOKAHEAD = 8


@dataclass
class Run:
    heading: Any = None  # the heading block, if any
    before: Any = None  # the block of text the run follows
    blocks: list = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)

    @property
    def headed(self) -> bool:
        """Under a notes heading: its own, or that of the notes division it opens."""
        if self.heading is not None:
            return True
        if not self.blocks:
            return False
        first = self.blocks[0]
        parent, prev = first.getparent(), first.getprevious()
        return parent is not None and parent.get("type") == "notes" and prev is not None and is_(prev, "head")


def _text_nodes(el, skip=("note",)):
    """(owner, is_tail, text) for every text node below `el` in document order."""
    if el.text:
        yield el, False, el.text
    for child in el:
        if not isinstance(child.tag, str):
            if child.tail:
                yield child, True, child.tail
            continue
        if local(child) not in skip:
            yield from _text_nodes(child, skip)
        if child.tail:
            yield child, True, child.tail


def _heading_words(text: str) -> str:
    return text.strip().rstrip(":.").strip().lower()


def _indent(text: str) -> int:
    first = text.split("\n", 1)[0]
    return len(first) - len(first.lstrip())


class _Finder:
    def __init__(self, tei, ctx: Context):
        self.ctx = ctx
        self.words_rx = worded(ctx.profile.note_body_words)
        self.marks: list[Mark] = []  # references since the last run of notes
        self.chosen: dict[tuple[int, bool, int], Pending] = {}  # (id of node, tail?, start) -> note
        self.stream: list = []  # the blocks in order (ids of those marks point into stay valid)
        self.order = 0
        self.last_number: int | None = None  # the last number of the last run of notes
        self.pages = Pages(ctx.report, [])  # where pages end (given the stream by `find`)

    def collect(self, el) -> None:
        """The references in a block of text become candidates for the next run."""
        for owner, is_tail, value in _text_nodes(el):
            for mark in find_marks(value, owner, self.order):
                mark.tail = is_tail
                self.marks.append(mark)
        self.order += 1

    def close(self, run: Run, after) -> None:
        """Pair a run with the references before it: keep it as notes or give it back as text."""
        if not run.bodies:
            if run.heading is not None:
                self.collect(run.heading)
            return
        _restore_numbers(run.bodies, self.ctx)
        if run.headed:
            for b in run.bodies:  # under a heading, "3 Minutes ..." is a list of notes, not a page's foot
                if b.form == "foot":
                    b.form, b.label = "numbered", b.label.removeprefix(PLAIN)
        labels = [b.label for b in run.bodies]
        # every reference since the last notes, those of other labels too: they tell
        # an enumeration, which goes on past the notes' numbers, from references
        candidates = list(self.marks)
        if any(b.form == "foot" for b in run.bodies):
            # notes at the foot of a page refer to that page: the lines just before them
            top = run.bodies[0].line - PAGE_LINES
            candidates = [m for m in candidates if _line_of_mark(m) >= top]
            if not self.pages.ends_after(run.blocks[-1], after):
                candidates = []
        pairs = align(labels, candidates)
        matched = sum(p is not None for p in pairs)
        if not matched and any(b.form == "foot" for b in run.bodies):
            # "1 This statement ..." after the text, not at a page's foot: a list of notes
            # numbered without a stop, referred to as [1] or (1)
            for b in run.bodies:
                if b.form == "foot":
                    b.form, b.label = "numbered", b.label.removeprefix(PLAIN)
            labels = [b.label for b in run.bodies]
            candidates = list(self.marks)
            pairs = align(labels, candidates)
            matched = sum(p is not None for p in pairs)
        worded_run = any(b.form == "worded" for b in run.bodies)
        # items announced by a colon ("either delete this ... or:") are a list, not notes
        listed = run.before is not None and _introduces(run.before.text or "")
        paired = (
            matched and 2 * matched >= len(labels) and not listed and _closes(labels, pairs, candidates, self.marks)
        )
        if paired and not _numbering_fits(labels, self.last_number):
            paired = False
        if not (run.headed or worded_run or paired):
            for b in run.blocks:
                self.collect(b)
            return
        numbers = [int(lab) for lab in labels if lab.isdigit()]
        if numbers and numbers[0] > 1 and (self.last_number or 0) < numbers[0] - 1:
            self.ctx.report.add(
                "notes-start-late",
                run.bodies[0].line,
                f"the notes start at number {numbers[0]}; notes 1 to {numbers[0] - 1} are not in the text",
            )
        if numbers:
            self.last_number = numbers[-1]
        ctx = self.ctx
        notes = []
        foot_words = ctx.profile.note_foot_words
        heading_says = run.heading is not None and _heading_words(run.heading.text or "") in foot_words
        first = run.blocks[0] if run.blocks else run.heading
        for body, p in zip(run.bodies, pairs):
            foot = heading_says or body.form in ("symbol", "foot") or body.indent > 0 or body.word in foot_words
            n = body.label.removeprefix(PLAIN)
            note = make("note", place="foot" if foot else "end", n=n, line=body.line)
            paras = body.all_paragraphs()
            if len(paras) <= 1:
                note.text = para_text("\n".join(paras[0])) if paras else None
            else:
                for lines in paras:
                    sub(note, "p", para_text("\n".join(lines)))
            first.addprevious(note)
            notes.append(note)
            ctx.report.counts["notes"] += 1
            inner = _within(note, notes[:-1]) if p is None else None
            if inner is not None:
                ctx.report.counts["notes_linked"] += 1
                report_label(ctx, body.line, body.opening, inner)
                continue
            if p is None:
                report_label(ctx, body.line, body.opening, "")
                ctx.report.counts["notes_unreferenced"] += 1
                ctx.report.add(
                    "note-without-reference",
                    body.line,
                    f"no reference to note {body.label} was found in the text before it; it is kept where it stood",
                    text=" ".join(body.lines)[:80],
                )
                continue
            mark = candidates[p]
            self.chosen[(id(mark.block), mark.tail, mark.start)] = Pending(
                note, mark.text, 0, line_of(mark.block), body.opening
            )
        if run.heading is not None:
            ctx.report.info(
                "removed-notes-heading",
                line_of(run.heading),
                "heading of the notes removed: the notes stand at their references",
                text=(run.heading.text or "").strip(),
            )
            run.heading.getparent().remove(run.heading)
        for b in run.blocks:
            b.getparent().remove(b)
        # the references up to the last one paired are spent; later ones wait for the next notes
        used = [candidates[p] for p in pairs if p is not None]
        last = max(used, key=lambda m: (m.order, m.start), default=None)
        if last is not None:
            self._report_skipped(used)
            self.marks = [m for m in self.marks if (m.order, m.start) > (last.order, last.start)]

    def _report_skipped(self, used: list[Mark]) -> None:
        """References written like the paired ones, among them, that no note of the run took."""
        first = min((m.order, m.start) for m in used)
        last = max((m.order, m.start) for m in used)
        kinds = {(family(m.label), m.shape) for m in used}
        taken = {id(m) for m in used}
        for m in self.marks:
            if id(m) in taken or (family(m.label), m.shape) not in kinds or not first < (m.order, m.start) < last:
                continue
            self.ctx.report.add(
                "reference-without-note",
                _line_of_mark(m),
                f"the reference '{m.text}' stands among those of a block of notes, but no note of it has its label",
                text=m.text,
            )


def _starts(finder: _Finder, el) -> list[Body] | None:
    return read_block(el.text or "", line_of(el) or 0, finder.words_rx, finder.ctx.profile.note_read_marks)


def _is_heading(el, ctx: Context) -> bool:
    text = el.text or ""
    return is_(el, "p") and "\n" not in text.strip() and _heading_words(text) in ctx.profile.note_headings


def find(tei, ctx: Context):
    """Take the notes out of the text's stream (see the module's docstring)."""
    text = tei.find(q("text"))
    if text is None:
        return tei
    finder = _Finder(tei, ctx)
    # ancestors filtered by lxml (`{*}`: in any namespace, as `is_` compares local names)
    stream = [el for el in text.iter(q("p"), q("head")) if next(el.iterancestors("{*}note"), None) is None]
    finder.stream = stream
    finder.pages = Pages(ctx.report, stream)
    run: Run | None = None
    for k, el in enumerate(stream):
        if is_(el, "head") or len(el):
            if run is not None:
                finder.close(run, el)
                run = None
            finder.collect(el)
            continue
        raw = el.text or ""
        if run is not None and run.bodies and run.bodies[-1].open:
            continue_open(run.bodies[-1], raw)
            run.blocks.append(el)
            continue
        if _is_heading(el, ctx):
            if run is not None:
                finder.close(run, el)
            run = Run(heading=el)
            continue
        bodies = None if _in_bibliography(el) else _starts(finder, el)
        if bodies is not None:
            if run is not None and run.bodies and not _same_run(run, bodies):
                finder.close(run, el)
                run = None
            if run is None:
                run = Run(before=stream[k - 1] if k else None)
            run.bodies.extend(bodies)
            run.blocks.append(el)
            _closes_soon(bodies[-1], stream[k + 1 : k + 1 + _LOOKAHEAD], ctx)
            continue
        if run is not None and run.bodies and _continues(run, el, stream[k + 1 : k + 1 + _LOOKAHEAD], finder):
            run.bodies[-1].add_paragraph([l.strip() for l in raw.split("\n")])
            run.blocks.append(el)
            continue
        if run is not None:
            finder.close(run, el)
            run = None
        finder.collect(el)
    if run is not None:
        finder.close(run, None)
    _count_occurrences(text, finder)
    ctx.footnotes = sorted(finder.chosen.values(), key=lambda p: (p.mark, p.occurrence))
    return tei


def _closes_soon(body: Body, following: list, ctx: Context) -> None:
    """A bracket left open must close within a few blocks; else the note is its first
    block alone (reported), and the text after it stays text."""
    if not body.open:
        return
    for block in following:
        if is_(block, "head"):
            break
        if (block.text or "").rstrip().endswith(body.open):
            return
    ctx.report.add(
        "note-unclosed",
        body.line,
        f"the note opened here has no closing '{body.open}' in the blocks after it; it is read as this block alone",
        text=" ".join(body.lines)[:80],
    )
    body.open = ""


def _in_bibliography(el) -> bool:
    """A numbered list of works ("[1] Smith, J., ...") is cited, not referred to as notes."""
    return any(a.get("type") == "bibliography" for a in el.iterancestors("{*}div"))


def _line_of_mark(mark: Mark) -> int:
    text = (mark.block.tail if mark.tail else mark.block.text) or ""
    return (line_of(mark.block) or 0) + text.count("\n", 0, mark.start)


def _numbering_fits(labels: list[str], last: int | None) -> bool:
    """A run of notes numbered from n > 1 goes on from an earlier run (notes numbered
    through the book); numbered so with no run before it, it is a list's tail."""
    first = labels[0]
    if not first.isdigit() or int(first) <= 1:
        return True
    return last is not None and last >= int(first) - 1


def _restore_numbers(bodies: list[Body], ctx: Context) -> None:
    """A worded note that gives no number after note n of its run is note n + 1."""
    for prev, body in zip(bodies, bodies[1:]):
        if body.unlabelled and prev.label.isdigit():
            body.label = str(int(prev.label) + 1)
            ctx.report.info(
                "note-number-restored",
                body.line,
                f"note without a number takes number {body.label} from the sequence",
                text=" ".join(body.lines)[:80],
            )


def _within(note, earlier: list) -> str | None:
    """Put a note at its reference inside an earlier note of its run (a table's lettered
    notes under a note that holds the table); the reference replaced, None if none."""
    mark = None
    for host in reversed(earlier):
        for _owner, _tail, value in _text_nodes(host):
            for m in MARK.finditer(value):
                if label_of(m) == note.get("n") and is_reference(value, m):
                    mark = m.group(0)
        if mark is None:
            continue
        done: list[re.Match] = []

        def build(m: re.Match, mark=mark, done=done):
            if done or m.group(0) != mark:
                return None
            done.append(m)
            return note

        substitute(host, MARK, build, skip=("note",))
        if done:
            return mark
    return None


def _closes(labels: list[str], pairs: list[int | None], candidates: list[Mark], marks: list[Mark]) -> bool:
    """False when the numbering of the references goes on after the last one paired.

    A block of notes stands after the references it explains: when the text before it
    refers on beyond them (7 after 6), the block is something else that counts like them
    (a numbered list), not their notes.
    """
    paired = [(labels[i], candidates[p]) for i, p in enumerate(pairs) if p is not None]
    label, mark = max(paired, key=lambda lm: (lm[1].order, lm[1].start))
    if not label.isdigit():
        return True
    nxt = str(int(label) + 1)
    return not any(
        m.label == nxt and m.shape == mark.shape and (m.order, m.start) > (mark.order, mark.start) for m in marks
    )


def _introduces(text: str) -> bool:
    """True when a paragraph announces what follows: "as follows:", "three in number--"."""
    t = text.rstrip()
    return t.endswith((":", "--", "—", "–")) or t.rstrip("-—–").endswith(":")


def _same_run(run: Run, bodies: list[Body]) -> bool:
    """A note in another form than the run's opens a run of its own."""
    last = run.bodies[-1]
    a, b = last.label.lstrip(PLAIN), bodies[0].label.lstrip(PLAIN)
    if a.isdigit() and b.isdigit() and int(b) <= int(a):
        return False  # the numbering starts again: another block of notes (or a list)
    foot = {"foot", "symbol"}
    return bodies[0].form == last.form or run.headed or {bodies[0].form, last.form} <= foot


def _continues(run: Run, el, following: list, finder: _Finder) -> bool:
    """True when a block that starts no note is more of the run's last note."""
    last = run.bodies[-1]
    raw = el.text or ""
    if last.form == "worded":  # it ended with its bracket
        return False
    if last.indent > 0 and _indent(raw) >= last.indent:
        return True
    if last.form in ("foot", "symbol"):
        # at the foot of a page, what stands between the notes and the page's end is theirs
        if finder.pages.at_foot(run.blocks[-1], el):
            return True
    # blocks between two notes of the run (a table, a further paragraph) are the first one's
    for block in following:
        if not is_(block, "p") or len(block):
            return False
        nxt = _starts(finder, block)
        if nxt:
            if run.headed and block is following[0]:
                return True
            if nxt[0].form != last.form:
                return False
            return _next_label(last.label) == nxt[0].label or family(last.label) != family(nxt[0].label)
    return False


def _next_label(label: str) -> str:
    if label.startswith(PLAIN):
        return PLAIN + _next_label(label[len(PLAIN) :])
    if label.isdigit():
        return str(int(label) + 1)
    if len(label) == 1 and label.isalpha():
        return chr(ord(label) + 1)
    return label


def _count_occurrences(text, finder: _Finder) -> None:
    """Say which occurrence of its reference text each paired reference is, in the stream."""
    if not finder.chosen:
        return
    seen: Counter[str] = Counter()
    for owner, is_tail, value in _text_nodes(text):
        for m in MARK.finditer(value):
            seen[m.group(0)] += 1
            pending = finder.chosen.get((id(owner), is_tail, m.start()))
            if pending is not None:
                pending.occurrence = seen[m.group(0)]
