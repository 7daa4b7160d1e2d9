"""Plays: speeches, stage directions, cast lists, acts and scenes.

A book is a play by the evidence of its paragraphs, not its title. A paragraph may
begin with a speaker's name: up to four capitalised words (`Algernon`, `Lady
Bracknell`, `FIRST CITIZEN`, `Mr. Worthing`) followed by a full stop or a colon and
the speech (`Algernon.  Did you…`, `HAMLET: To be…`), or alone on the block's first
line with the speech on the next (`ALGERNON.` / `Did you…`). A name is a speaker's
when at least three paragraphs begin with it and end their name there (`Mr` in
`Mr. Worthing.` never does, so `Mr. Worthing` is the name; `Jack.  Yes.` is Jack's).
The book is a play when at least `_MIN_SPEECHES` paragraphs are speeches of two
speakers or more, they are at least half of the paragraphs from the first speech to the
last, and a quarter of all the book's paragraphs (a dialogue quoted in prose, or a
chronology of `Jan.` and `Feb.`, is not a play). Speakers joined by a profile word (`Gwendolen and Cecily`) speak
together.

In a play's division:
- each speech is an `<sp>` with its `<speaker>` (the name as printed, with its stop)
  and its text as `<p>`, or as `<l>`s when it is verse (two lines or more, each opening
  with a capital and short: the source's lines are kept); a bracketed passage inside it (`[Hands them on a salver.]`)
  is an inline `<stage>`, one opening the speech stands before the `<p>`;
- a paragraph in brackets is a `<stage>` between the speeches; one that opens with a
  bracketed direction and goes on without a speaker continues the speech before it;
- a paragraph with no speaker and no brackets is a `<stage>` (reported) when it
  follows a heading or is written in capitals (`ACT DROP`), else it continues the
  speech before it;
- headings of an act or a scene (`FIRST ACT`, `ACT II.`, `SCENE`; words from the
  profile's `[drama]`) followed by speeches open `div type="act"` / `"scene"`; a
  division already headed so is typed so. Headings `structure` made of short speeches
  (and the sections it opened under them) are undone: the play is rebuilt from its
  paragraphs in their order.
- the brackets are not kept in the text: `rend="brackets"` or `"parentheses"` says
  which the book used. Parentheses count as direction brackets only when the book
  uses them so at least twice (a speech or a paragraph opening with one).

A block before the play whose lines (from the source) mostly name speakers is a cast
list: `<castList>` with a `<castItem>` a line, its `<role>`, a `<roleDesc>` after a
comma (`Lane, Manservant`; initials such as `J.P.` stay in the role) and an `<actor>`
after a colon (`Lane: Mr. F. Kinsey Peile.`; a description after a colon, in lower case, is
the role's: `ORLA: a ferrywoman`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..tei import children, is_, line_of, make, q, sub, xpath
from ..textnodes import substitute
from .context import Context, roman_to_int
from .sourcelines import SourceBlocks, lines_of, pieces_of, source_blocks

_MIN_SPEECHES = 10
_MIN_NAME_USES = 3
_VERSE_WIDTH = 60
_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'’\-]*\.?|[a-z]{1,3}")
_SEP = re.compile(r"[.:](?=\s|$)")
_INITIALS = re.compile(r"(?:[A-Z]\.\s?)+")
_BRACKETS = {"[": ("]", "brackets"), "(": (")", "parentheses")}
_FLATTENED = ("section", "subsection")


def _is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 4 or len(name) > 40:
        return False
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if all(w.rstrip(".").isdigit() or roman_to_int(w.rstrip(".")) for w in words):
        return False  # numbered paragraphs (`IV. Of my mother…`), not speakers
    return words[0][:1].isupper() and words[-1][:1].isupper()


def _candidates(text: str) -> list[tuple[str, int]]:
    """(name, end of name and separator) for each way the paragraph may begin with a name."""
    out = []
    for m in _SEP.finditer(text):
        name = text[: m.start()].strip()
        if m.start() > 60:
            break
        if not _is_name(name):
            break
        if text[m.end() :].strip():
            out.append((name, m.end()))
    return out


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


class Play:
    """What the paragraphs say about a play: its speakers and its direction brackets."""

    def __init__(self, items, blocks: SourceBlocks, profile):
        self.blocks = blocks
        self.words = profile.drama
        self.cands: dict[int, list[tuple[str, int]]] = {}
        ending: Counter = Counter()
        for it in items:
            cands = self._item_candidates(it)
            self.cands[id(it)] = cands
            if cands:
                ending[_key(cands[-1][0].rstrip(".:"))] += 1
        self.speakers: set[str] = set()
        for key in sorted(ending, key=len):
            if ending[key] >= _MIN_NAME_USES and not any(key.startswith(s + ".") for s in self.speakers):
                self.speakers.add(key)
        self.ending = ending
        self.kinds = {"["}
        opens = sum(1 for it in items if (_text(it).startswith("(") or self._rest_starts(it, "(")))
        if opens >= 2:
            self.kinds.add("(")

    def add_cast(self, cast) -> None:
        """Names the cast list gives are speakers' names however seldom they speak."""
        roles = [set(re.findall(r"[^\W_]+", "".join(r.itertext()).casefold())) for r in cast.iter(q("role"))]
        for key in self.ending:
            words = set(re.findall(r"[^\W_]+", key))
            if key not in self.speakers and any(words and words <= r for r in roles):
                if not any(key.startswith(s + ".") for s in self.speakers):
                    self.speakers.add(key)

    def _item_candidates(self, it) -> list[tuple[str, int]]:
        text = _text(it)
        lines = lines_of(it, self.blocks) if is_(it, "p") else None
        if lines and len(lines) > 1:
            first = lines[0]
            name = first.rstrip(".:").strip()
            if name and _is_name(name):
                return [(first, len(first))]
        return _candidates(text)

    def _rest_starts(self, it, ch: str) -> bool:
        sp = self.speech(it)
        return sp is not None and _text(it)[sp[1] :].lstrip().startswith(ch)

    def speech(self, it) -> tuple[str, int] | None:
        """(speaker as printed, where the speech starts) when `it` is a speech."""
        for name, end in reversed(self.cands.get(id(it), [])):
            if _key(name.rstrip(".:")) in self.speakers:
                return _text(it)[:end].strip(), end
        return self._joint(_text(it))

    def _joint(self, text: str) -> tuple[str, int] | None:
        joins = "|".join(re.escape(w) for w in self.words.get("joint_words", ()))
        if not joins or not self.speakers:
            return None
        names = "|".join(re.escape(s) for s in sorted(self.speakers, key=len, reverse=True))
        opens = "".join(re.escape(k) for k in self.kinds)
        m = re.match(rf"((?:{names})(?:,? (?:{joins}) (?:{names}))+)(?:[.:](?=\s)|\s*(?=[{opens}]))", text, re.I)
        return (m.group(0).strip(), m.end()) if m else None

    def heading(self, it) -> str | None:
        """'act' or 'scene' when the item is such a heading."""
        return self.heading_text(_text(it).strip())

    def heading_text(self, text: str) -> str | None:
        return _heading_level(text, self.words)


def _heading_level(text: str, words: dict) -> str | None:
    """'act', 'scene' or 'act+scene' (`ACT I. SCENE 1.`) when the text is such a heading:
    the word and a number or ordinal."""
    if len(text) > 80 or "\n" in text:
        return None
    tokens = re.findall(r"[^\W_]+", text.casefold())
    if not tokens or len(tokens) > 5:
        return None
    found = {level: [w for w in tokens if w in words.get(f"{level}_words", ())] for level in ("act", "scene")}
    others = [w for w in tokens if not any(w in f for f in found.values())]
    if not all(w.isdigit() or roman_to_int(w) or w in words.get("numbers", ()) for w in others):
        return None
    levels = [level for level, f in found.items() if len(f) == 1]
    if len(levels) != sum(1 for f in found.values() if f) or not levels:
        return None
    if len(tokens) > 3 * len(levels):
        return None
    return "+".join(levels)


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


def _text(el) -> str:
    return "".join(el.itertext()) if len(el) else (el.text or "")


def _flatten(div, out: list) -> None:
    """The div's heads and blocks in order, the sections structure opened expanded."""
    for c in children(div):
        if is_(c, "div") and c.get("type") in _FLATTENED:
            _flatten(c, out)
        else:
            out.append(c)


def _is_bracketed(text: str, kinds) -> str | None:
    t = text.strip()
    for k in kinds:
        close, rend = _BRACKETS[k]
        if t.startswith(k) and t.endswith(close) and t.count(k) == 1:
            return rend
    return None


def _stage(text: str, rend: str | None, line) -> object:
    return make("stage", text.strip(), line=line, rend=rend)


def _inline_stages(p, kinds) -> int:
    made = 0
    for k in sorted(kinds):
        close, rend = _BRACKETS[k]
        pattern = re.compile(rf"{re.escape(k)}([^{re.escape(k + close)}]+){re.escape(close)}")

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
            if any(line.count(k) != line.count(_BRACKETS[k][0]) for k in self.play.kinds):
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
        sp = make("sp", line=line_of(it))
        sub(sp, "speaker", name.strip(), line=line_of(it))
        verse = self._verse(it, name.strip()) if not len(it) else None
        if verse is None:
            p = self._as_p(it)
            rest = _text(p)[end:].lstrip()
            if len(p):  # keep children: cut the name off the leading text only
                p.text = (p.text or "")[end:].lstrip() or None
            else:
                p.text = rest
        self._fill(sp, it, verse)
        self.report.counts["speeches"] += 1
        return sp

    def continuation(self, sp, it) -> None:
        self._fill(sp, it, self._verse(it, "") if is_(it, "p") and not len(it) else None)

    def build(self, items, into) -> None:
        """Put the play's items into `into`, opening acts and scenes at their headings."""
        play = self.play
        act = None
        container = into
        last_sp = None
        after_heading = ended = False
        last = max(k for k, it in enumerate(items) if is_(it, "p", "head") and play.speech(it))
        for k, it in enumerate(items):
            if not ended and k > last and is_(it, "p", "head"):
                t = _text(it)
                ended = len(t.split()) > 12 and _is_bracketed(t, play.kinds) is None
            if ended or not is_(it, "p", "head"):
                if ended:
                    self._as_p(it)
                container.append(it)
                last_sp = None
                continue
            text = _text(it).strip()
            level = play.heading(it)
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
            found = play.speech(it)
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


def _cast_list(it, play: Play):
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


def _cast_lists(items, play: Play, ctx: Context) -> None:
    """Cast lists among the items before the first speech, in place (and in `items`)."""
    for k, it in enumerate(items):
        if not is_(it, "p", "head"):
            continue
        cast = _cast_list(it, play)
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


def _play_division(div, play: Play, ctx: Context) -> None:
    heads = children(div, "head")  # the division's own: it keeps them, typed by them
    items: list = []
    _flatten(div, items)
    items = [it for it in items if not any(it is h for h in heads)]
    _cast_lists(items, play, ctx)
    start = _start(items, play)
    level = play.heading(heads[0]) if heads else None
    if level is not None:
        level = level.split("+")[0]  # `ACT I. SCENE 1.` heading a division: the act's
        div.set("type", level)
        ctx.report.counts["acts" if level == "act" else "scenes"] += 1
        if start is not None:
            start = 0  # an act's division is the play from its heading on
    if start is None:
        return
    play_items = items[start:]
    for it in play_items:
        it.getparent().remove(it)
    for section in reversed(xpath(div, ".//t:div")):
        if not len(section):
            section.getparent().remove(section)
    into = div
    if children(div, "div") and not (is_(play_items[0], "p", "head") and play.heading(play_items[0])):
        into = sub(div, "div", type="section", line=line_of(play_items[0]))
    Builder(play, ctx).build(play_items, into)


def _split_rejoined(items, play: Play, ctx: Context) -> int:
    """Set apart again the speeches, headings and directions a paragraph rejoined across
    a page break swallowed."""
    split = 0
    for it in items:
        if not is_(it, "p") or lines_of(it, play.blocks) is not None:
            continue
        pieces = pieces_of(it, play.blocks)
        if not pieces or len(pieces) < 2:
            continue
        kept, after = [pieces[0]], []
        for line, piece in pieces[1:]:
            if (
                any(_key(n) in play.speakers for n, _ in _candidates(piece))
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
        for new in reversed(after):
            it.addnext(new)
            split += 1
            ctx.report.info(
                "play-set-apart",
                line_of(new),
                "a speech, heading or direction joined to the paragraph before is set apart",
            )
    return split


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
    return [it for d in divs for it in xpath(d, ".//t:p[parent::t:div] | .//t:head[parent::t:div]")]


def _put_back(tei, ctx: Context) -> list:
    """Put back, for now, the lines in capitals `furniture` took for running heads: in a
    play they are speakers' names (the first line of a speech) and headings or
    directions repeated from act to act (`SCENE`, `CURTAIN.`). A line with a number that
    is no act or scene heading is a running head with its page number, and stays out.
    Returns what was done, for `_settle_put_back`."""
    paras = sorted(
        (p for p in xpath(tei, "//t:text/*/t:div//t:p | //t:text/*/t:div//t:head") if line_of(p)),
        key=lambda p: line_of(p) or 0,
    )
    lines = [line_of(p) or 0 for p in paras]
    by_line = dict(zip(lines, paras))
    done: list = []
    for f in ctx.report.of_kind("removed-running-head"):
        if not f.line or not f.text:
            continue
        if any(c.isdigit() for c in f.text) and _heading_level(f.text, ctx.profile.drama) is None:
            continue
        p = by_line.get(f.line)
        if p is not None:
            if not len(p):
                done.append((f, p, p.text))
                p.text = f.text + " " + (p.text or "")
            continue
        new = make("p", f.text, line=f.line)
        k = bisect.bisect_right(lines, f.line)
        if k < len(paras):
            paras[k].addprevious(new)
        elif paras:
            paras[-1].addnext(new)
        else:
            continue
        done.append((f, new, None))
    return done


def _settle_put_back(done, keep: bool, ctx: Context) -> None:
    for f, p, old in done:
        if not keep:
            if old is None:
                p.getparent().remove(p)
            else:
                p.text = old
            continue
        ctx.report.findings.remove(f)
        ctx.report.counts["running_heads"] -= 1
        ctx.report.info(
            "furniture-restored", f.line, "a repeated line in capitals is the play's, not a running head", text=f.text
        )


def apply(tei, ctx: Context):
    put_back = _put_back(tei, ctx)
    divs = xpath(tei, "//t:text/t:front/t:div | //t:text/t:body/t:div")
    items = _items(divs)
    play = Play(items, source_blocks(ctx), ctx.profile)
    is_play = _is_play(items, play, ctx)
    _settle_put_back(put_back, is_play, ctx)
    if not is_play:
        return tei
    if _split_rejoined(items, play, ctx):
        items = _items(divs)
        play = Play(items, play.blocks, ctx.profile)
    speeches = [it for it in items if play.speech(it)]
    first = line_of(speeches[0])
    for d in divs:
        _play_division(d, play, ctx)
    names = ", ".join(sorted(play.speakers))
    n = ctx.report.counts["speeches"]
    ctx.report.info("play", first, f"a play: {n} speeches of {len(play.speakers)} speakers ({names})")
    return tei
