"""Plays: speeches, stage directions, cast lists, acts and scenes.

A book is a play by the evidence of its paragraphs, not its title (`speakers`): the book
is a play when at least `_MIN_SPEECHES` paragraphs are speeches of two speakers or more,
they are at least half of the paragraphs from the first speech to the last, and a
quarter of all the book's paragraphs (a dialogue quoted in prose, or a chronology of
`Jan.` and `Feb.`, is not a play). What page-furniture removal and paragraph rejoining did
to it is undone first (`playrepair`); cast lists are found before the speeches
(`castlist`).

In a play's division:
- each speech is an `<sp>` with its `<speaker>` (the name as printed, with its stop) and
  its text as `<p>`, or as `<l>`s when it is verse (two source lines or more, each
  opening with a capital and at most `_VERSE_WIDTH` long); a bracketed passage inside it
  (`[Hands them on a salver.]`) is an inline `<stage>`, one opening the speech stands
  before its text;
- a paragraph in brackets is a `<stage>` between the speeches; one that opens with a
  bracketed direction and goes on without a speaker continues the speech before it;
- a paragraph with no speaker and no brackets is a `<stage>` (reported) when it follows
  a heading or another direction or is written in capitals (`ACT DROP`), else it
  continues the speech right before it;
- headings of an act or a scene followed by speeches open `div type="act"` / `"scene"`
  (`ACT I. SCENE 1.` both); the scene word alone (`SCENE`, before the setting) numbers
  nothing and opens no division: it is the setting's label, a `<stage>`; a division already headed so is typed so, and is the play
  from its heading on. Headings `structure` made of short speeches (and the sections it
  opened under them) are undone: the play is rebuilt from its paragraphs in order;
- the divisions the outline made of the play's headings stay, each typed by its head and
  built in turn (its scenes inside an act); the lines the outline set under a heading as
  its title are the setting, a `<stage>` after the head (a title on the heading's own
  line stays in it: `SCENE 2. The same. Morning.`); `ACT I. SCENE 1.` heading a division
  is an act headed `ACT I.` holding a scene headed `SCENE 1.`; a body division typed an
  act or a scene takes an id that says so (`act01`), which names its document;
- a cast list in a front-matter division the outline made of it (`PERSONS OF THE PLAY`)
  stays in that division, as its `<castList>`;
- the play ends at the first long paragraph without brackets after its last speech:
  that and what follows stay paragraphs;
- the brackets are not kept in the text: `rend="brackets"` or `"parentheses"` says which
  the book used.
"""

from __future__ import annotations

import re

from ..tei import XML_ID, children, is_, line_of, make, q, sub, xpath
from ..textnodes import substitute
from .blocks import SECTION_TYPES, para_text, through_sections
from .castlist import cast_lists
from .context import Context
from .playrepair import in_a_play, put_back, set_apart, settle_put_back
from .sourcelines import lines_of, source_blocks
from .speakers import BRACKETS, Play, item_text

_MIN_SPEECHES = 10
_VERSE_WIDTH = 60


def _unnumbered(text: str, words: dict) -> bool:
    """A heading that is the scene word alone (`SCENE`), without a number."""
    return all(w in words.get("scene_words", ()) for w in re.findall(r"[^\W_]+", text.casefold()))


def _split_heading(it, level: str, words: dict) -> list:
    """The heads of the divisions a heading opens: itself, or its act part and its scene
    part (`ACT I.` and `SCENE 1.` of `ACT I. SCENE 1.`)."""
    head = make("head", line=line_of(it))
    head.text, head[:] = it.text, list(it)
    if "+" not in level or len(head):
        return [head]
    text = head.text or ""
    alternatives = "|".join(map(re.escape, words.get("scene_words", ())))
    scene = re.search(rf"\b(?:{alternatives})\b", text, re.I) if alternatives else None
    if scene is None or scene.start() == 0:
        return [head]
    second = make("head", text[scene.start() :].strip(), line=line_of(it))
    head.text = text[: scene.start()].strip()
    return [head, second]


def _is_bracketed(text: str, kinds) -> str | None:
    t = text.strip()
    for k in kinds:
        close, rend = BRACKETS[k]
        if t.startswith(k) and t.endswith(close) and t.count(k) == 1:
            return rend
    return None


def _stage(text: str, rend: str | None, line) -> object:
    return make("stage", text.strip(), line=line, rend=rend)


# A bracketed passage inside a speech, by its opening bracket.
_INLINE_STAGE = {
    k: re.compile(rf"{re.escape(k)}([^{re.escape(k + close)}]+){re.escape(close)}")
    for k, (close, _) in BRACKETS.items()
}


def _inline_stages(p, kinds) -> int:
    made = 0
    text = item_text(p)
    for k in sorted(kinds):
        if k not in text:
            continue  # no bracket of this kind, no direction in it: the paragraph is not walked
        rend = BRACKETS[k][1]
        pattern = _INLINE_STAGE[k]

        def build(m, rend=rend):
            nonlocal made
            made += 1
            return make("stage", m.group(1).strip(), rend=rend)

        substitute(p, pattern, build, skip=("stage", "note"))
    return made


def _leading_stage_out(sp, p) -> None:
    """A direction opening a speech stands before its paragraph, not inside it."""
    first = p[0] if len(p) else None
    if first is not None and is_(first, "stage") and not (p.text or "").strip():
        p.text = (first.tail or "").lstrip() or None
        first.tail = None
        p.addprevious(first)
    if not (p.text or "").strip() and not len(p):
        sp.remove(p)


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text.split()) <= 6


class Builder:
    """Rebuilds a play's paragraphs as acts, scenes, speeches and stage directions."""

    def __init__(self, play: Play, ctx: Context):
        self.play, self.ctx = play, ctx
        self.report = ctx.report

    def _as_p(self, it):
        if is_(it, "head"):
            it.tag = q("p")
        return it

    def _verse(self, it, name: str) -> list[str] | None:
        """The speech's lines when it is verse: at least two source lines, each opening
        with a capital and at most `_VERSE_WIDTH` long, no bracket left open across them."""
        lines = lines_of(it, self.play.blocks)
        if not lines or not lines[0].startswith(name):
            return None
        body = [l for l in [lines[0][len(name) :].strip(), *lines[1:]] if l]
        if len(body) < 2 or max(len(l) for l in body) > _VERSE_WIDTH:
            return None
        for line in body:
            if not line.lstrip("'\"‘“([").strip()[:1].isupper():
                return None
            if any(line.count(k) != line.count(BRACKETS[k][0]) for k in self.play.kinds):
                return None
        return body

    def _fill(self, sp, it, verse: list[str] | None) -> None:
        """The speech's text into `sp`: the paragraph, or a line element a verse line."""
        p = self._as_p(it)
        if verse is None:
            sp.append(p)
            parts = [p]
        else:
            parts = [sub(sp, "l", line, line=(line_of(it) or 0) + k or None) for k, line in enumerate(verse)]
            if p.getparent() is not None:
                p.getparent().remove(p)
            self.report.counts["verse_lines"] += len(parts)
        for part in parts:
            self.report.counts["stage_directions"] += _inline_stages(part, self.play.kinds)
        _leading_stage_out(sp, parts[0])

    def speech(self, it, name: str, end: int):
        line, name = line_of(it), name.strip()
        sp = make("sp", line=line)
        sub(sp, "speaker", name, line=line)
        verse = self._verse(it, name) if not len(it) else None
        if verse is None:
            p = self._as_p(it)
            if len(p):  # keep children: cut the name off the leading text only
                p.text = (p.text or "")[end:].lstrip() or None
            else:
                p.text = (p.text or "")[end:].lstrip()
        self._fill(sp, it, verse)
        self.report.counts["speeches"] += 1
        return sp

    def continuation(self, sp, it) -> None:
        self._fill(sp, it, self._verse(it, "") if is_(it, "p") and not len(it) else None)

    def build(self, items, into, act=None) -> None:
        """Put the play's items into `into`, opening acts and scenes at their headings
        (a scene's in `act`, the act division `into` stands in, when there is one)."""
        play = self.play
        container = into
        last_sp = None
        after_heading = ended = False
        # each item's speech, asked once: building an item changes no other's
        found_at = [play.speech(it) if is_(it, "p", "head") else None for it in items]
        speeches = [k for k, f in enumerate(found_at) if f]
        last = speeches[-1] if speeches else len(items)  # no speech: a setting's directions
        for k, it in enumerate(items):
            if not ended and k > last and is_(it, "p", "head"):
                t = item_text(it)
                ended = len(t.split()) > 12 and _is_bracketed(t, play.kinds) is None
            if ended or not is_(it, "p", "head"):
                if ended:
                    self._as_p(it)
                container.append(it)
                last_sp = None
                continue
            text = item_text(it).strip()
            level = play.heading(it)
            if level == "scene" and _unnumbered(text, play.words):
                # `SCENE` alone, before the setting: the setting's label, no division
                container.append(_stage(text, None, line_of(it)))
                self.report.counts["scenes"] += 1
                self.report.counts["stage_directions"] += 1
                after_heading = True
                continue
            if level is not None:
                heads = _split_heading(it, level, play.words)
                for lvl, head in zip(level.split("+"), heads):
                    parent = into if lvl == "act" or act is None else act
                    div = sub(parent, "div", type=lvl, line=line_of(it))
                    div.append(head)
                    self.report.counts["acts" if lvl == "act" else "scenes"] += 1
                    if lvl == "act":
                        act = div
                    container = div
                last_sp, after_heading = None, True
                continue
            found = found_at[k]
            if found is not None:
                last_sp = self.speech(it, *found)
                container.append(last_sp)
                after_heading = False
                continue
            rend = _is_bracketed(text, play.kinds)
            if rend is not None:
                container.append(_stage(text[1:-1], rend, line_of(it)))
                self.report.counts["stage_directions"] += 1
                continue
            opens = text[:1] in play.kinds
            follows = last_sp is not None and len(container) and container[-1] is last_sp
            if follows and (opens or not (_is_caps(text) or after_heading)):
                self.continuation(last_sp, it)
                continue
            container.append(_stage(text, None, line_of(it)))
            self.report.counts["stage_directions"] += 1
            self.report.info(
                "stage-unbracketed",
                line_of(it),
                "a paragraph of the play without a speaker is a stage direction",
                text=text,
            )


def _start(items, play: Play) -> int | None:
    """Index of the first item of the play proper: its first speech, or the act or
    scene heading just before it (only headings and a few paragraphs between)."""
    first = next((k for k, it in enumerate(items) if is_(it, "p", "head") and play.speech(it)), None)
    if first is None:
        return None
    start = first
    for k in range(first - 1, max(-1, first - 6), -1):
        level = play.heading(items[k]) if is_(items[k], "p", "head") else None
        if level is not None:
            start = k
            if level.startswith("act"):
                break
    return start


def _setting_out(head, play: Play, ctx: Context) -> None:
    """An act or scene heading's title that the outline took from the lines set under it
    (`SCENE 1.` / `A street at dusk.`) is, in a play, the setting: a `<stage>` after the
    head, which keeps the heading's own line (`SCENE 2. The same. Morning.` stays whole)."""
    lines = play.blocks.get(line_of(head) or -1)
    if not lines:
        return
    own, text = para_text("\n".join(lines)), item_text(head)
    rest = text[len(own) :].strip() if text.startswith(own) else ""
    if not rest or play.heading_text(own) is None:
        return
    label = head.find(q("label"))
    if label is not None and item_text(label).strip() == own.strip():
        label.tail = None
        head[:] = [label]
    else:
        head[:] = []
        head.text = own
    k = play.blocks.order.get(line_of(head) or -1)
    line = play.blocks.starts[k + 1] if k is not None and k + 1 < len(play.blocks.starts) else line_of(head)
    head.addnext(_stage(rest, None, line))
    ctx.report.counts["stage_directions"] += 1


def _scene_of(div, head, play: Play, ctx: Context):
    """`ACT I. SCENE 1.` heading a division: the act's head keeps `ACT I.`, and a scene
    division headed `SCENE 1.` holds what followed the heading."""
    text = item_text(head)
    alternatives = "|".join(map(re.escape, play.words.get("scene_words", ())))
    m = re.search(rf"\b(?:{alternatives})\b", text, re.I) if alternatives else None
    if m is None or m.start() == 0:
        return None
    act_text = text[: m.start()].strip()
    label = head.find(q("label"))
    if label is not None and item_text(label).strip() == act_text:
        label.tail = None
        head[:] = [label]
    else:
        head[:] = []
        head.text = act_text
    scene = make("div", type="scene", line=line_of(head))
    sub(scene, "head", text[m.start() :].strip(), line=line_of(head))
    for c in list(head.itersiblings()):
        scene.append(c)
    head.addnext(scene)
    ctx.report.counts["scenes"] += 1
    return scene


def _head_level(div, play: Play, ctx: Context) -> str | None:
    """'act', 'scene' or 'act+scene' when the division the outline made is headed so."""
    heads = children(div, "head")
    if not heads:
        return None
    _setting_out(heads[0], play, ctx)
    return play.heading(heads[0])


def _label_only(head) -> None:
    """A head that is its label alone (`<label>ACT I.</label>`) holds it as text: an element
    alone in the head would be indented when written, spaces added to the heading."""
    if len(head) == 1 and is_(head[0], "label") and not (head.text or "").strip() and not (head[0].tail or "").strip():
        label = head[0]
        head.remove(label)
        head.text = item_text(label)


def _play_division(div, play: Play, ctx: Context, act=None) -> None:
    heads = children(div, "head")  # the division's own: it keeps them, typed by them
    level = _head_level(div, play, ctx)
    into = div
    if level is not None:
        lvl = level.split("+")[0]  # `ACT I. SCENE 1.` heading a division: an act and its scene
        div.set("type", lvl)
        ctx.report.counts["acts" if lvl == "act" else "scenes"] += 1
        if lvl == "act":
            act = div
        if "+" in level:
            scene = _scene_of(div, heads[0], play, ctx)
            into = div if scene is None else scene
        _label_only(heads[0])
    # the acts and scenes the outline made of the play's headings: each built in its own
    nested = [c for c in children(into, "div") if children(c, "head") and play.heading(children(c, "head")[0])]
    if into is not div:
        heads = heads + children(into, "head")  # the scene's, made of the act's heading
    runs: list[list] = [[]]
    for c in children(into):
        if any(c is n for n in nested):
            runs.append([])
        elif is_(c, "div") and c.get("type") in SECTION_TYPES:
            runs[-1].extend(through_sections(c))
        elif not any(c is h for h in heads):
            runs[-1].append(c)
    for n in nested:
        _play_division(n, play, ctx, act)
    for k, items in enumerate(runs):
        if items:
            _play_items(into, items, nested[k] if k < len(nested) else None, level is not None, act, play, ctx)


def _play_items(div, items: list, before, headed: bool, act, play: Play, ctx: Context) -> None:
    """The play among a division's items (those before the division `before`, if any)."""
    cast_lists(items, play, ctx)
    start = 0 if headed else _start(items, play)  # an act's division is the play from its heading on
    if start is None:
        return
    play_items = items[start:]
    for it in play_items:
        it.getparent().remove(it)
    for section in reversed(xpath(div, ".//t:div")):
        if not len(section):
            section.getparent().remove(section)
    into = make("div")
    first = play_items[0]
    opens = is_(first, "p", "head") and play.heading(first) and not _unnumbered(item_text(first), play.words)
    if children(div, "div") and not opens and not headed:  # after divisions, the play's text needs one of its own
        into = sub(into, "div", type="section", line=line_of(first))
    Builder(play, ctx).build(play_items, into, act)
    while into.getparent() is not None:
        into = into.getparent()
    for c in list(into):
        if before is not None:
            before.addprevious(c)
        else:
            div.append(c)


def _is_play(items, play: Play, ctx: Context) -> bool:
    speeches = [it for it in items if play.speech(it)]
    if len(speeches) < _MIN_SPEECHES or len(play.speakers) < 2:
        return False
    first, last = items.index(speeches[0]), items.index(speeches[-1])
    # dense where they are, and a good part of the book: not a dialogue or a chronology in prose
    if len(speeches) * 2 < last - first + 1 or len(speeches) * 4 < len(items):
        ctx.report.info(
            "not-a-play", line_of(speeches[0]), f"{len(speeches)} paragraphs open with a name, too few for a play"
        )
        return False
    return True


def _items(divs) -> list:
    """The paragraphs and headings standing in divisions, in order (walked with iter():
    an XPath union of the two grew slow with a long play)."""
    return [it for d in divs for it in d.iter(q("p"), q("head")) if is_(it.getparent(), "div")]


def _act_ids(tei) -> None:
    """A body division the outline numbered and the play typed an act or a scene is named
    so (`act01`, not the outline's `part01` or `ch01`): the id names its document."""
    body = xpath(tei, "//t:text/t:body")
    divs = children(body[0], "div") if body else []
    taken = {d.get(XML_ID) for d in divs}
    for d in divs:
        kind, n = d.get("type"), d.get("n") or ""
        if kind in ("act", "scene") and n.isdigit() and f"{kind}{int(n):02d}" not in taken:
            taken.discard(d.get(XML_ID))
            d.set(XML_ID, f"{kind}{int(n):02d}")
            taken.add(d.get(XML_ID))


def apply(tei, ctx: Context):
    restored = put_back(tei, ctx, lambda text, first: in_a_play(text, first, ctx))
    divs = xpath(tei, "//t:text/t:front/t:div | //t:text/t:body/t:div")
    items = _items(divs)
    play = Play(items, source_blocks(ctx), ctx.profile)
    is_play = _is_play(items, play, ctx)
    settle_put_back(restored, lambda p: is_play, ctx, "a repeated line in capitals is the play's, not a running head")
    if not is_play:
        return tei
    changed = set_apart(items, play, ctx)
    if changed:
        items = _items(divs)
        play = play.again(items, changed)
    speeches = [it for it in items if play.speech(it)]
    first = line_of(speeches[0])
    for d in divs:
        _play_division(d, play, ctx)
    _act_ids(tei)
    names = ", ".join(sorted(play.speakers))
    n = ctx.report.counts["speeches"]
    ctx.report.info("play", first, f"a play: {n} speeches of {len(play.speakers)} speakers ({names})")
    return tei
