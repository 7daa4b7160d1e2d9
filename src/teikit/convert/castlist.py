"""Cast lists: the block before a play's speeches whose lines name its speakers.

A block of two lines or more (its lines read from the source) of which most begin with
a speaker's name (the words before a comma or colon, six at most, hold the name) is a
`<castList>`, a `<castItem>` a line: its `<role>`, a `<roleDesc>` after a comma (`Lane,
Manservant`; initials such as `J.P.` stay in the role) and an `<actor>` after a colon
(`Lane: Mr. F. Kinsey Peile.`; a description after a colon, in lower case, is the role's:
`ORLA: a ferrywoman`). A speech whose first line is its speaker's name is no cast list.
The names a cast list gives are speakers' names however seldom they speak.
"""

from __future__ import annotations

import re

from ..tei import is_, line_of, make, sub
from .context import Context
from .sourcelines import lines_of
from .speakers import Play

_INITIALS = re.compile(r"(?:[A-Z]\.\s?)+")


def cast_list(it, play: Play):
    """A <castList> when the block's lines mostly name the play's speakers."""
    lines = lines_of(it, play.blocks) if is_(it, "p", "head") else None
    if not lines or len(lines) < 2:
        return None
    naming = 0
    for line in lines:
        role = re.split(r",\s|:\s", line, maxsplit=1)[0]
        words = set(re.findall(r"[^\W_]+", role.casefold()))
        if len(role.split()) <= 6 and any(set(re.findall(r"[^\W_]+", s)) <= words for s in play.speakers):
            naming += 1
    if naming * 2 <= len(lines) or (naming < len(lines) and play.speech(it)):
        return None  # a speech whose first line is its speaker's name is no cast list
    cast = make("castList", line=line_of(it))
    for line in lines:
        item = sub(cast, "castItem")
        actor = None
        role, desc = line, None
        m = re.match(r"(.+?):\s+(.+)$", line)
        if m and m.group(2)[:1].isupper():  # a name after the colon: who played the part
            role, actor = m.group(1), m.group(2)
        elif m:
            role, desc = m.group(1), m.group(2)
        m = re.match(r"(.+?),\s+(.+)$", role)
        if desc is None and m and not _INITIALS.fullmatch(m.group(2).strip()):
            role, desc = m.group(1), m.group(2)
        r = sub(item, "role", role)
        if desc is not None:
            r.tail = line[len(role) : line.index(desc, len(role))]
            sub(item, "roleDesc", desc)
        if actor is not None:
            item[-1].tail = ": "
            sub(item, "actor", actor)
    return cast


def cast_lists(items, play: Play, ctx: Context) -> None:
    """Cast lists among the items before the first speech, in place (and in `items`)."""
    for k, it in enumerate(items):
        if not is_(it, "p", "head"):
            continue
        cast = cast_list(it, play)
        if cast is None:
            if play.speech(it):
                return
            continue
        play.add_cast(cast)
        it.addprevious(cast)
        it.getparent().remove(it)
        items[k] = cast
        ctx.report.counts["cast_items"] += len(cast)
        ctx.report.info("cast-list", line_of(cast), f"cast list of {len(cast)} roles")
