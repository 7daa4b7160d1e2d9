"""Who speaks: the evidence that a book is a play, read from its paragraphs.

A paragraph may begin with a speaker's name: up to four capitalised words (`Algernon`,
`Lady Bracknell`, `FIRST CITIZEN`, `Mr. Worthing`) followed by a full stop or a colon and
the speech (`Algernon.  Did you…`, `HAMLET: To be…`), or alone on the block's first line
with the speech on the next (`ALGERNON.` / `Did you…`, read from the source's lines). A
name is a speaker's when at least three paragraphs begin with it and end their name
there (`Mr` in `Mr. Worthing.` never does, so `Mr. Worthing` is the name; `Jack.  Yes.` is
Jack's), or when the cast list names it (`add_cast`). Numbers (`IV.`) are never names.
Speakers joined by a profile `[drama] joint_words` word (`Gwendolen and Cecily`) speak
together; a speaker's name may be followed by a direction before the speech (`MAUD
[Aside.] Words`). Direction brackets are `[…]`, and `(…)` when at least two speeches or
paragraphs open with one. Headings of acts and scenes are a profile act or scene word
and a number or ordinal (`FIRST ACT`, `ACT II.`, `SCENE`, `ACT I. SCENE 1.`), alone or
before a title (`SCENE II. A street.`).
"""

from __future__ import annotations

import re
from collections import Counter

from ..tei import is_, q
from .context import roman_to_int
from .sourcelines import SourceBlocks, lines_of

_MIN_NAME_USES = 3
_NAME_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'’\-]*\.?|[a-z]{1,3}")
_SEP = re.compile(r"[.:](?=\s|$)")
_WORD = re.compile(r"[^\W_]+")
# Direction brackets: opening -> (closing, the `rend` that records them).
BRACKETS = {"[": ("]", "brackets"), "(": (")", "parentheses")}


def is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 4 or len(name) > 40:
        return False
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    if all(w.rstrip(".").isdigit() or roman_to_int(w.rstrip(".")) for w in words):
        return False  # numbered paragraphs (`IV. Of my mother…`), not speakers
    return words[0][:1].isupper() and words[-1][:1].isupper()


def candidates(text: str) -> list[tuple[str, int]]:
    """(name, end of name and separator) for each way the paragraph may begin with a name."""
    out = []
    for m in _SEP.finditer(text):
        if m.start() > 60:
            break
        name = text[: m.start()].strip()
        if not is_name(name):
            break
        if text[m.end() :].strip():
            out.append((name, m.end()))
    return out


def key(name: str) -> str:
    return " ".join(name.casefold().split())


# A way a paragraph may begin with a speaker's name: the name as printed (with its stop),
# where the speech starts, and the name's `key` (asked for every time a speech is)
Candidate = tuple[str, int, str]


class Play:
    """What the paragraphs say about a play: its speakers and its direction brackets."""

    def __init__(self, items, blocks: SourceBlocks, profile, known: dict[int, list[Candidate]] | None = None):
        self.blocks = blocks
        self.profile = profile
        self.words = profile.drama
        self.items = list(items)  # alive while the play is: `cands` is keyed by their ids
        self.cands: dict[int, list[Candidate]] = {}
        ending: Counter = Counter()
        for it in items:
            if known and id(it) in known:
                cands = known[id(it)]
            else:
                cands = [(name, end, key(name.rstrip(".:"))) for name, end in self._item_candidates(it)]
            self.cands[id(it)] = cands
            if cands:
                ending[cands[-1][2]] += 1
        self.speakers: set[str] = set()
        for name in sorted(ending, key=len):
            if ending[name] >= _MIN_NAME_USES and not any(name.startswith(s + ".") for s in self.speakers):
                self.speakers.add(name)
        self.ending = ending
        self.kinds = {"["}
        self._joint_made_for: tuple[frozenset[str], frozenset[str]] | None = None
        self._joint_compiled: re.Pattern | None = None
        # a paragraph without "(" anywhere opens nothing with one (its speech is not looked up)
        opens = sum(
            1 for it in items if "(" in (text := item_text(it)) and (text.startswith("(") or self._rest_starts(it, "("))
        )
        if opens >= 2:
            self.kinds.add("(")

    def add_cast(self, cast) -> None:
        """Names the cast list gives are speakers' names however seldom they speak."""
        roles = [set(re.findall(r"[^\W_]+", "".join(r.itertext()).casefold())) for r in cast.iter(q("role"))]
        for name in self.ending:
            words = set(re.findall(r"[^\W_]+", name))
            if name not in self.speakers and any(words and words <= r for r in roles):
                if not any(name.startswith(s + ".") for s in self.speakers):
                    self.speakers.add(name)

    def again(self, items, changed) -> Play:
        """The play of `items` after the items `changed` were changed or made: the others are
        not read again."""
        changed_ids = {id(it) for it in changed}
        return Play(items, self.blocks, self.profile, {k: c for k, c in self.cands.items() if k not in changed_ids})

    def _item_candidates(self, it) -> list[tuple[str, int]]:
        text = item_text(it)
        lines = lines_of(it, self.blocks) if is_(it, "p") else None
        if lines and len(lines) > 1:
            first = lines[0]
            name = first.rstrip(".:").strip()
            if name and is_name(name):
                return [(first, len(first))]
        return candidates(text)

    def _rest_starts(self, it, ch: str) -> bool:
        sp = self.speech(it)
        return sp is not None and item_text(it)[sp[1] :].lstrip().startswith(ch)

    def speech(self, it) -> tuple[str, int] | None:
        """(speaker as printed, where the speech starts) when `it` is a speech."""
        for _, end, name in reversed(self.cands.get(id(it), [])):
            if name in self.speakers:
                return item_text(it)[:end].strip(), end
        return self._joint(item_text(it))

    def _joint(self, text: str) -> tuple[str, int] | None:
        pattern = self._joint_pattern()
        m = pattern.match(text) if pattern is not None else None
        return (m.group(0).strip(), m.end()) if m else None

    def _joint_pattern(self) -> re.Pattern | None:
        """The pattern of speakers joined by a joint word, made again only when the speakers
        or the brackets have changed (it was made for every paragraph asked about)."""
        made_for = (frozenset(self.speakers), frozenset(self.kinds))
        if self._joint_made_for != made_for:
            self._joint_made_for = made_for
            self._joint_compiled = None
            joins = "|".join(re.escape(w) for w in self.words.get("joint_words", ()))
            if joins and self.speakers:
                names = "|".join(re.escape(s) for s in sorted(self.speakers, key=len, reverse=True))
                opens = "".join(re.escape(k) for k in self.kinds)
                self._joint_compiled = re.compile(
                    rf"((?:{names})(?:,? (?:{joins}) (?:{names}))*)(?:[.:](?=\s)|\s*(?=[{opens}]))", re.I
                )
        return self._joint_compiled

    def heading(self, it) -> str | None:
        """'act' or 'scene' when the item is such a heading."""
        return self.heading_text(item_text(it).strip())

    def heading_text(self, text: str) -> str | None:
        return heading_level(text, self.words)


def heading_level(text: str, words: dict) -> str | None:
    """'act', 'scene' or 'act+scene' (`ACT I. SCENE 1.`) when the text is such a heading:
    the word and a number or ordinal, alone or before a title (`SCENE II. A street.`)."""
    if len(text) > 80 or "\n" in text:
        return None
    heading_words = (*words.get("act_words", ()), *words.get("scene_words", ()))
    if not any(w in heading_words for w in _WORD.findall(text.casefold())[:5]):
        return None  # a heading, or the part before its title, is at most five words, one an act's or scene's
    level = _bare_heading_level(text, words)
    if level is not None:
        return level
    for m in reversed(list(re.finditer(r"[.:—–]\s", text[:40]))):
        level = _bare_heading_level(text[: m.start() + 1], words)
        if level is not None:
            return level
    return None


def _bare_heading_level(text: str, words: dict) -> str | None:
    tokens = _WORD.findall(text.casefold())
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


def item_text(el) -> str:
    return "".join(el.itertext()) if len(el) else (el.text or "")
