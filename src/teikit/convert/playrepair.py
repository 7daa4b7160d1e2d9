"""What earlier passes did to a play, undone once it is known to be one.

`furniture` takes a line in capitals that repeats for a running head: in a play it is a
speaker's name on the first line of a speech, or a heading or direction repeated from act
to act (`SCENE`, `CURTAIN.`). `put_back` puts such lines back for now, those its `accept`
takes (`in_a_play`: a line with a figure that is no act or scene heading is a running
head with its page number, and stays out); `settle_put_back` keeps those its `keep`
takes, each reported and its removal withdrawn from the report, and takes the others out
again. `structure` rejoins a paragraph cut by a page break: `set_apart` sets apart again,
in a play, the speeches, headings and directions so joined to the paragraph before (the
source's blocks tell where each began).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from ..tei import is_, line_of, make, q, xpath
from .context import Context
from .sourcelines import lines_of, pieces_of
from .speakers import Play, candidates, heading_level, key


def set_apart(items, play: Play, ctx: Context) -> list:
    """Set apart again the speeches, headings and directions a paragraph rejoined across
    a page break swallowed; return the paragraphs changed (each so cut, and those set apart)."""
    changed = []
    for it in items:
        if not is_(it, "p") or lines_of(it, play.blocks) is not None:
            continue
        pieces = pieces_of(it, play.blocks)
        if not pieces or len(pieces) < 2:
            continue
        kept, after = [pieces[0]], []
        for line, piece in pieces[1:]:
            if (
                any(key(n) in play.speakers for n, _ in candidates(piece))
                or play.heading_text(piece) is not None
                or piece[:1] in play.kinds
            ):
                after.append(make("p", piece, line=line))
            elif after:
                after[-1].text += " " + piece
            else:
                kept.append((line, piece))
        if not after:
            continue
        it.text = " ".join(t for _, t in kept)
        changed.append(it)
        for new in reversed(after):
            it.addnext(new)
            changed.append(new)
            ctx.report.info(
                "play-set-apart",
                line_of(new),
                "a speech, heading or direction joined to the paragraph before is set apart",
            )
    return changed


def put_back(tei, ctx: Context, accept: Callable[[str, bool], bool]) -> list:
    """Put back, for now, the lines `furniture` took for running heads that `accept(text,
    first)` takes (`first`: the line was the first of a block that keeps its others, else
    a block of its own). Returns what was done, for `settle_put_back`."""
    divs = xpath(tei, "//t:text/*/t:div")
    paras = sorted(
        (p for d in divs for p in d.iter(q("p"), q("head")) if line_of(p)),
        key=lambda p: line_of(p) or 0,
    )
    lines = [line_of(p) or 0 for p in paras]
    by_line = dict(zip(lines, paras))
    done: list = []
    for f in ctx.report.of_kind("removed-running-head"):
        if not f.line or not f.text:
            continue
        p = by_line.get(f.line)
        if p is not None:
            if not len(p) and accept(f.text, True):
                done.append((f, p, p.text))
                p.text = f.text + " " + (p.text or "")
            continue
        if not accept(f.text, False):
            continue
        new = make("p", f.text, line=f.line)
        k = bisect.bisect_right(lines, f.line)
        if k < len(paras) and not (is_(paras[k], "head") and k > 0):
            paras[k].addprevious(new)
        elif paras and k > 0:
            paras[k - 1].addnext(new)  # before a heading: at the end of what precedes it
        else:
            continue
        done.append((f, new, None))
    return done


def in_a_play(text: str, first: bool, ctx: Context) -> bool:
    """A line a play may have lost: a line with a figure that is no act or scene heading is
    a running head with its page number, and stays out."""
    return not any(c.isdigit() for c in text) or heading_level(text, ctx.profile.drama) is not None


def settle_put_back(done, keep: Callable[[object], bool], ctx: Context, why: str) -> None:
    """Keep what `keep` takes of what was put back (its removal withdrawn from the report
    and the restoration reported, saying `why`); take the rest out again."""
    for f, p, old in done:
        if not keep(p):
            if old is None:
                p.getparent().remove(p)
            else:
                p.text = old
            continue
        ctx.report.findings.remove(f)
        ctx.report.counts["running_heads"] -= 1
        ctx.report.info("furniture-restored", f.line, why, text=f.text)
