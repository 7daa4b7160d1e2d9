"""Measuring the enrichment against a hand-annotated sample.

A gold file holds blocks of the edition, each introduced by a line naming it —
`@ ch03.xml p 14` (the 14th paragraph of the file's text, notes left out) or
`@ ch03.xml note ch03-n12` — followed by its text with every mention marked:

    {P Mikhail|kaganovich-mikhail-m} met {P L. M. Kaganovich|kaganovich-l-m} in
    {L Kiev|kyiv} on {D 5 March 1918|when=1918-03-05}.

P, L, D, O are persName, placeName, date, orgName; after the bar, the register id
(`?` for a mention that cannot be linked) or the date's attributes. The text with
the marks taken out must equal the block's text in the edition: `check` says so.

A date's value is its `when`, `from`, `to`, `notBefore` and `notAfter`; `evidence=internal`
(a year taken from the context, see `teikit.enrich.dates`) is not part of it but scored
apart: `{D 15 April|when=1943-04-15 evidence=internal}`. Scores: precision, recall and F1
of spans per type, exact and overlapping; of the dates found with the gold's exact span,
the share whose value is the gold's ("date value"), and of those the gold or the edition
says are inferred, the share both say so ("date inferred"); of the names the gold links,
the share linked to the gold's entry ("P link", "L link").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..tei import local, xpath
from ..xmlio import parse_xml

TYPES = {"persName": "P", "placeName": "L", "date": "D", "orgName": "O"}
_MARK = re.compile(r"\{([PLDO]) ([^{}|]+)\|([^{}]*)\}")
_HEAD = re.compile(r"^@ (\S+) (p|note) (\S+)\s*$")


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    value: str  # register id or date attributes ("when=1893-11-23")


@dataclass
class Block:
    file: str
    kind: str
    which: str
    text: str
    mentions: list[Mention] = field(default_factory=list)


def parse_gold(path: Path) -> list[Block]:
    blocks: list[Any] = []
    current: list[Any] | None = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = _HEAD.match(line)
        if m:
            current = [m.groups(), []]
            blocks.append(current)
        elif current is not None and line.strip() and not line.startswith("#"):
            current[1].append(line.strip())
    out = []
    for (file, kind, which), lines in blocks:
        text, mentions = _unmark(" ".join(lines))
        out.append(Block(file, kind, which, text, mentions))
    return out


def _unmark(marked: str) -> tuple[str, list[Mention]]:
    """The text with its marks taken out, and the mentions they marked (offsets in the text)."""
    text: list[str] = []
    mentions: list[Mention] = []
    pos = last = 0
    for m in _MARK.finditer(marked):
        text.append(marked[last : m.start()])
        pos += m.start() - last
        mentions.append(Mention(m.group(1), pos, pos + len(m.group(2)), m.group(3).strip()))
        text.append(m.group(2))
        pos += len(m.group(2))
        last = m.end()
    text.append(marked[last:])
    return "".join(text), mentions


_DATE_VALUE = ("when", "from", "to", "notBefore", "notAfter")


def _value(el) -> str:
    if local(el) == "date":
        return " ".join(f"{a}={el.get(a)}" for a in (*_DATE_VALUE, "evidence") if el.get(a))
    ref = el.get("ref")
    return ref.split("#", 1)[1] if ref else "?"


def read_block(el) -> Block:
    """A paragraph or note of the edition as text and mentions (nested notes left out)."""
    parts: list[str] = []
    mentions: list[Mention] = []

    def walk(node, top):
        if node is not top and local(node) == "note":
            return
        start = sum(map(len, parts))
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, top)
            if child.tail:
                parts.append(child.tail)
        if local(node) in TYPES and node is not top:
            end = sum(map(len, parts))
            mentions.append(Mention(TYPES[local(node)], start, end, _value(node)))

    walk(el, el)
    text = "".join(parts)
    # The gold is written on one line per block: compare white space loosely.
    return Block("", local(el), "", text, mentions)


def _normalise(block: Block) -> Block:
    """Collapse white space runs to one space, moving offsets with the text."""
    out: list[str] = []
    mapping: list[int] = []
    prev_space = False
    for ch in block.text:
        mapping.append(len(out))
        if ch.isspace():
            if not prev_space:
                out.append(" ")
            prev_space = True
        else:
            out.append(ch)
            prev_space = False
    mapping.append(len(out))
    text = "".join(out)
    lead = len(text) - len(text.lstrip())
    mentions = [Mention(m.kind, mapping[m.start] - lead, mapping[m.end] - lead, m.value) for m in block.mentions]
    return Block(block.file, block.kind, block.which, text.strip(), mentions)


def edition_block(folder: Path, gold: Block, cache: dict) -> Block:
    if gold.file not in cache:
        cache[gold.file] = parse_xml(Path(folder) / gold.file).getroot()
    root = cache[gold.file]
    if gold.kind == "note":
        found = xpath(root, f"//t:note[@xml:id='{gold.which}']")
    else:
        paras = xpath(root, "//t:text//t:p[not(ancestor::t:note)]")
        k = int(gold.which) - 1
        found = paras[k : k + 1]
    if not found:
        raise LookupError(f"{gold.file}: no {gold.kind} {gold.which}")
    return _normalise(read_block(found[0]))


def check(gold_blocks: list[Block], folder: Path) -> list[str]:
    """Where the gold's text differs from the edition's: an empty list when offsets agree."""
    problems: list = []
    cache: dict = {}
    for g in gold_blocks:
        e = edition_block(folder, g, cache)
        if _normalise(g).text != e.text:
            a, b = _normalise(g).text, e.text
            i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
            problems.append(
                f"{g.file} {g.kind} {g.which}: differs at {i}: gold {a[i : i + 40]!r} edition {b[i : i + 40]!r}"
            )
    return problems


@dataclass
class Scores:
    counts: dict = field(default_factory=dict)

    def add(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def prf(self, kind: str, mode: str) -> tuple[float, float, float]:
        tp = self.counts.get((kind, mode, "tp"), 0)
        p_all = self.counts.get((kind, "pred"), 0)
        g_all = self.counts.get((kind, "gold"), 0)
        tp_p = self.counts.get((kind, mode, "tp_pred"), 0)  # predictions that found a gold mention
        p = tp_p / p_all if p_all else 1.0
        r = tp / g_all if g_all else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def accuracy(self, what: str) -> tuple[float, int]:
        n = self.counts.get((what, "n"), 0)
        return (self.counts.get((what, "ok"), 0) / n if n else 1.0), n


def _date_parts(value: str) -> tuple[dict[str, str], bool]:
    """A date mention's value ("when=1943-04-15 evidence=internal") as its ISO attributes
    and whether its year is inferred."""
    attrs = dict(part.split("=", 1) for part in value.split() if "=" in part)
    return {k: v for k, v in attrs.items() if k in _DATE_VALUE}, attrs.get("evidence") == "internal"


def _score_date(s: Scores, edition: Mention, gold: Mention) -> bool:
    """Count a date found with the gold's span: its value, and whether it is inferred.
    True when the value is the gold's."""
    (found, found_inferred), (wanted, wanted_inferred) = _date_parts(edition.value), _date_parts(gold.value)
    s.add(("date value", "n"))
    s.add(("date value", "ok"), found == wanted)
    if found_inferred or wanted_inferred:
        s.add(("date inferred", "n"))
        s.add(("date inferred", "ok"), found_inferred and wanted_inferred)
    return found == wanted


def score(gold_blocks: list[Block], folder: Path, errors: list | None = None) -> Scores:
    """Compare the edition in `folder` with the gold: spans exact and overlapping, values, links."""
    s, cache = Scores(), dict[str, Any]()
    for g in gold_blocks:
        g = _normalise(g)
        e = edition_block(folder, g, cache)
        for kind in "PLDO":
            gm = [m for m in g.mentions if m.kind == kind]
            pm = [m for m in e.mentions if m.kind == kind]
            s.add((kind, "gold"), len(gm))
            s.add((kind, "pred"), len(pm))
            for m in gm:
                same = [p for p in pm if (p.start, p.end) == (m.start, m.end)]
                over = [p for p in pm if p.start < m.end and m.start < p.end]
                if same:
                    s.add((kind, "exact", "tp"))
                if over:
                    s.add((kind, "overlap", "tp"))
                elif errors is not None:
                    errors.append(("missed", kind, g.file, g.which, g.text[m.start : m.end]))
                if same and kind == "D" and not _score_date(s, same[0], m):
                    if errors is not None:
                        errors.append(
                            (
                                "date value",
                                kind,
                                g.file,
                                g.which,
                                f"{g.text[m.start : m.end]}: {same[0].value} != {m.value}",
                            )
                        )
                if over and kind in "PL" and m.value != "?":
                    s.add((f"{kind} link", "n"))
                    s.add((f"{kind} link", "ok"), over[0].value == m.value)
                    if over[0].value != m.value and errors is not None:
                        errors.append(
                            ("link", kind, g.file, g.which, f"{g.text[m.start : m.end]}: {over[0].value} != {m.value}")
                        )
            gold_spans = {(m.start, m.end) for m in gm}
            for p in pm:
                if (p.start, p.end) in gold_spans:
                    s.add((kind, "exact", "tp_pred"))
                if any(p.start < m.end and m.start < p.end for m in gm):
                    s.add((kind, "overlap", "tp_pred"))
                elif errors is not None:
                    errors.append(("spurious", kind, g.file, g.which, e.text[p.start : p.end]))
    return s


def dump(el) -> str:
    """A block of the edition in the gold's notation (a start for annotating by hand)."""
    b = _normalise(read_block(el))
    out, last = [], 0
    for m in sorted(b.mentions, key=lambda m: m.start):
        if m.start < last:
            continue
        out.append(b.text[last : m.start])
        out.append(f"{{{m.kind} {b.text[m.start : m.end]}|{m.value}}}")
        last = m.end
    out.append(b.text[last:])
    return "".join(out)


# ------------------------------------------------------- source-anchored samples
#
# A sample of a book converted afresh (one without an index, say) names its blocks by the
# source: `@ 346` (the paragraph that starts on line 346 of the plain text) followed by
# the paragraph's lines joined by single spaces, marked as above. Such a block is found
# in the edition by its text: white space collapsed and the plain text's convention
# markers (`_italics_`, `=bold=`) taken out, it is looked for in the edition's running
# text (its blocks in reading order, notes left out) by its letters and digits alone, so
# that quotation marks made curly, `--` made a dash or a salutation split from its letter
# do not hide it. Spans are compared in letters and digits too: `Mr. Polly` is
# `Mr. Polly` however the edition spaced it.

_ANCHOR = re.compile(r"^@ (\d+)\s*$")
_CONVENTIONS = re.compile(r"[_=]")


def parse_anchored(path: Path) -> list[Block]:
    """Blocks introduced by `@ <source line>`; `#` lines are the annotator's comments."""
    blocks: list[Block] = []
    lines: list[str] = []
    line_no = ""

    def close() -> None:
        if line_no:
            blocks.append(_marked(line_no, " ".join(lines)))

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        m = _ANCHOR.match(raw)
        if m:
            close()
            line_no, lines = m.group(1), []
        elif raw.strip() and not raw.startswith("#") and line_no:
            lines.append(raw.strip())
    close()
    return blocks


def _marked(line_no: str, marked: str) -> Block:
    text, mentions = _unmark(marked)
    return Block("source", "line", line_no, text, mentions)


# Superscript digits: a note's number the converter could not tie to a note stays in the text
# as written ("the *vozhd*²." where note 89 was due); the samples delete note numbers.
_SUPERSCRIPTS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")


def _kept(ch: str) -> bool:
    return ch.isalnum() and ch not in _SUPERSCRIPTS


def _key(block: Block) -> tuple[str, list[Mention]]:
    """A block's letters and digits only (not superscript digits), its mentions moved with them."""
    before = [0]
    for ch in block.text:
        before.append(before[-1] + _kept(ch))
    key = "".join(ch for ch in block.text if _kept(ch))
    return key, [Mention(m.kind, before[m.start], before[m.end], m.value) for m in block.mentions]


def edition_text(folder: Path) -> Block:
    """The edition's running text, document after document in the corpus file's order,
    with every mention, then the notes' text: a note stands apart from the sentence that
    refers to it (a sample's paragraph holds no note marker), and a sample's block may be a
    note ("[Footnote 2: ...]" in the source), found among the notes."""
    folder = Path(folder)
    order = [f.name for f in sorted(folder.glob("*.xml")) if f.name not in ("book.xml", "persons.xml", "places.xml")]
    corpus = folder / "book.xml"
    if corpus.is_file():
        included = [
            el.get("href") for el in parse_xml(corpus).getroot().iter("{http://www.w3.org/2001/XInclude}include")
        ]
        order = [h for h in included if h in order] + [f for f in order if f not in included]
    parts: list[str] = []
    mentions: list[Mention] = []
    size = 0

    def put(s: str | None) -> None:
        nonlocal size
        if s:
            parts.append(s)
            size += len(s)

    notes: list = []

    def walk(node, in_note: bool = False) -> None:
        if local(node) == "note" and not in_note:
            notes.append(node)
            put(" ")
            return
        start = size
        put(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, in_note)
            put(child.tail)
        if local(node) in TYPES:
            mentions.append(Mention(TYPES[local(node)], start, size, _value(node)))
        put(" ")  # blocks apart

    for name in order:
        for text in xpath(parse_xml(folder / name).getroot(), "//t:text"):
            walk(text)
    for note in notes:
        walk(note, in_note=True)
    return Block("", "text", "", "".join(parts), mentions)


def _clean(block: Block, dropped: re.Pattern[str] = _CONVENTIONS) -> Block:
    """Convention markers out (or whatever `dropped` matches), offsets moved with the text,
    then white space collapsed."""
    gone = bytearray(len(block.text))
    for m in dropped.finditer(block.text):
        gone[m.start() : m.end()] = b"\1" * (m.end() - m.start())
    before = [0] * (len(block.text) + 1)
    n = 0
    for k in range(len(block.text) + 1):
        before[k] = n
        if k < len(block.text) and not gone[k]:
            n += 1
    text = "".join(ch for k, ch in enumerate(block.text) if not gone[k])
    moved = [Mention(m.kind, before[m.start], before[m.end], m.value) for m in block.mentions]
    return _normalise(Block(block.file, block.kind, block.which, text, moved))


# A note call as a plain-text book prints it against the word it follows ("transgress.(14)",
# "Buddha(199)", "[12]"): the edition makes it a note, so a sample that kept it as the source
# prints it is looked for again without it.
_NOTE_CALL = re.compile(r"(?<=[^\s(\[])(?:\(\d{1,4}\)|\[\d{1,4}\])|[_=]")


# A note's label as a plain-text book prints it, in letters and digits: "[Footnote 2:", "Note 3."
_NOTE_LABEL = re.compile(r"(?:Footnote|Note)\d+")


# A block the edition does not hold letter for letter (an OCR book's page furniture, bare note
# calls or a side-head kept in the sample, which the edition removes or moves): aligned with the
# stretch of the edition its pieces open, when three letters in four of it are found there in
# order, in runs of `_RUN` at least. Only the edition's mentions inside aligned letters are the
# block's (a note moved there is not); a gold mention over letters the edition lacks is missed.
_ANCHOR_SIZE = 24
_RUN = 4
_ALIGNED_SHARE = 0.75


def _aligned(gkey: str, key: str, marks: list[Mention]) -> list[Mention] | None:
    """The edition's mentions over the stretch that aligns with `gkey`, in gkey's offsets;
    None where no stretch does."""
    starts = []
    for offset in range(0, max(1, len(gkey) - _ANCHOR_SIZE), _ANCHOR_SIZE):
        piece = gkey[offset : offset + _ANCHOR_SIZE]
        at = key.find(piece)
        if len(piece) == _ANCHOR_SIZE and at >= 0 and key.find(piece, at + 1) < 0:
            starts.append(at - offset)
    if not starts:
        return None
    start = max(0, sorted(starts)[len(starts) // 2] - len(gkey) // 4)
    window = key[start : start + len(gkey) * 3 // 2 + 2 * _ANCHOR_SIZE]
    to_gold: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, gkey, window, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        if size >= _RUN:
            to_gold.update((start + b + k, a + k) for k in range(size))
    if len(to_gold) < _ALIGNED_SHARE * len(gkey):
        return None
    return [
        Mention(m.kind, to_gold[m.start], to_gold[m.end - 1] + 1, m.value)
        for m in marks
        if m.start in to_gold and m.end - 1 in to_gold
    ]


def locate(gold: list[Block], edition: Block) -> list[tuple[Block, list[Mention] | None]]:
    """Each gold block (in letters and digits) with the edition's mentions over the same
    stretch of text (aligned where the edition holds it with pieces left out or moved), or
    None where the edition does not hold its text."""
    spaced = _normalise(edition)
    key, marks = _key(spaced)
    out: list[tuple[Block, list[Mention] | None]] = []
    taken: set[int] = set()
    for marked in gold:
        g = _clean(marked)
        gkey, gmarks = _key(g)
        at = key.find(gkey) if gkey else -1
        if at < 0 and _NOTE_CALL.search(marked.text.replace("_", "").replace("=", "")):
            g = _clean(marked, _NOTE_CALL)
            gkey, gmarks = _key(g)
            at = key.find(gkey) if gkey else -1
        label = _NOTE_LABEL.match(gkey)
        if at < 0 and label:  # the source's note label ("Footnote 2:"), which the edition's note drops
            gkey = gkey[label.end() :]
            gmarks = [Mention(m.kind, m.start - label.end(), m.end - label.end(), m.value) for m in gmarks]
            at = key.find(gkey) if gkey else -1
        while at in taken:
            at = key.find(gkey, at + 1)
        if at < 0:
            out.append((Block(g.file, g.kind, g.which, gkey, gmarks), _aligned(gkey, key, marks)))
            continue
        taken.add(at)
        end = at + len(gkey)
        found = [Mention(m.kind, m.start - at, m.end - at, m.value) for m in marks if m.start < end and at < m.end]
        out.append((Block(g.file, g.kind, g.which, gkey, gmarks), found))
    return out


def score_anchored(gold: list[Block], folder: Path, errors: list | None = None) -> tuple[Scores, list[str]]:
    """Scores of a freshly converted edition against a source-anchored sample, and the
    blocks the edition does not hold (their gold mentions count as missed): spans of
    every type, date values and whether they are inferred, as `score` gives them (links
    are not scored: a register built afresh names its entries its own way)."""
    s = Scores()
    missing: list[str] = []
    for g, found in locate(gold, edition_text(folder)):
        if found is None:
            missing.append(g.which)
            found = []
        for kind in "PLDO":
            gm = [m for m in g.mentions if m.kind == kind]
            pm = [m for m in found if m.kind == kind]
            s.add((kind, "gold"), len(gm))
            s.add((kind, "pred"), len(pm))
            for m in gm:
                same = [p for p in pm if (p.start, p.end) == (m.start, m.end)]
                if same:
                    s.add((kind, "exact", "tp"))
                if same and kind == "D" and not _score_date(s, same[0], m) and errors is not None:
                    errors.append(
                        ("date value", kind, g.which, f"{g.text[m.start : m.end]}: {same[0].value} != {m.value}")
                    )
                over = [p for p in pm if p.start < m.end and m.start < p.end]
                if over:
                    s.add((kind, "overlap", "tp"))
                    if not same and errors is not None:  # found, but not as the gold spans it
                        marked = " | ".join(g.text[max(p.start, 0) : p.end] for p in over)
                        errors.append(("span", kind, g.which, f"{g.text[m.start : m.end]} (marked: {marked})"))
                elif errors is not None:
                    errors.append(("missed", kind, g.which, g.text[m.start : m.end]))
            for p in pm:
                if any((p.start, p.end) == (m.start, m.end) for m in gm):
                    s.add((kind, "exact", "tp_pred"))
                if any(p.start < m.end and m.start < p.end for m in gm):
                    s.add((kind, "overlap", "tp_pred"))
                elif errors is not None:
                    errors.append(("spurious", kind, g.which, g.text[max(p.start, 0) : p.end]))
    return s, missing
