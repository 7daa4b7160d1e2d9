"""Verse: stanzas printed as verse become line groups (`lg` of `l`).

A plain-text book sets a poem's lines one under another, each broken where the poet
broke it, not where the page's measure ran out; the structure pass has joined each
block's lines into a paragraph, and this pass, run once speeches and letters are made,
reads the source's lines again (`sourcelines`) and sets a paragraph as a stanza when
its block was printed as verse. A block was printed as verse (`is_stanza`) when:

- it has two lines or more, and every line is indented: a poem stands in from the prose
  margin (a book that prints its verse flush with its prose is left as it is);
- every line break comes early: the next line's first word would have fitted on the line
  within the book's measure, the width its prose lines fill (`measure`: the longest
  line but one in twenty of the lines a block goes on after, those printed flush with
  the margin where there are two or more). A prose
  quotation set in from the margin fills the measure, as a paragraph does;
- every line opens with a capital (after opening quotes, brackets or a dash), as English
  verse is printed;
- no line but the last ends in an article or "of", where only the measure cuts a line
  (a hanging indent, a prose quotation cut short);
- every line holds a lower-case letter (a title page's lines in capitals are not verse),
  no line holds a digit outside a note's reference (a list, an address, a table of
  figures), nor a gap of three spaces inside it (columns);
- a block of two lines has both lines shorter than nine tenths of the measure: two
  lines are evidence enough only when both stop well short of it; a block of three or
  more lines has a line that does not end in a full stop (a list's or a glossary's
  entries are sentences of a line each: "Gleg, quick.").

The paragraph must still hold its source block's words and no others (not rejoined with
another): its notes, attached by then at their references, go into the line that held
the reference (`_cut_into_lines`, matching letters and digits, references aside); a
paragraph whose words differ from its block's, or that holds an element other than a
note or an empty milestone, stays a paragraph, and is reported
(`verse-kept-as-paragraph`), never guessed at. Paragraphs of a speech (the drama pass sets a speech's verse itself), of a note,
of a letter's opener or closer, and of the front matter are not read. Each line keeps
its words; the printed indentation is not kept. The structure pass asks `is_stanza`
before it rejoins a paragraph to the one before it: a stanza ending in a comma goes on
in the next stanza, but is no paragraph cut by a page break.
"""

from __future__ import annotations

import re

from ..tei import is_, line_of, make, sub, xpath
from ..textnodes import append_text
from .blocks import body_paragraphs
from .context import Context
from .sourcelines import SourceBlocks, lines_of, source_blocks

_MIN_FLUSH_LINES = 2  # fewer lines flush with the margin tell no measure: every line is read
_MEASURE_RANK = 0.95  # the longest line but one in twenty: a stray long line (a URL) aside
_TWO_LINE_SHARE = 0.9
_PROSE_LINE_ENDS = frozenset({"a", "an", "the", "of"})
_OPENERS = "'\"‘“([—-_ "
_REFERENCE = re.compile(r"\^\d+|\^\{[^}]*\}|\[\d+\]|\(\d+\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_DIGIT = re.compile(r"\d")


def measure(blocks: SourceBlocks) -> int:
    """The width the book's prose lines fill, in characters (tabs expanded): read from
    the lines printed flush with the margin (a book of poems sets its verse in, and its
    measure is its prose's), or from every line where few are."""
    # a paragraph's last line stops where its text does: the lines above it were filled
    filled = [line for lines in blocks.values() for line in lines[:-1]]
    flush = sorted(len(line.expandtabs()) for line in filled if not line[:1].isspace())
    if len(flush) < _MIN_FLUSH_LINES:
        flush = sorted(len(line.expandtabs()) for line in filled)
    return flush[int(len(flush) * _MEASURE_RANK)] if flush else 0


def is_stanza(lines: list[str] | tuple[str, ...], width: int) -> bool:
    """Whether a block's printed lines (indentation kept) were set as verse: see the module."""
    if len(lines) < 2 or not width:
        return False
    printed = [line.expandtabs().rstrip() for line in lines]
    if any(not line[:1].isspace() for line in printed):
        return False
    words = [line.split() for line in printed]
    if any(not w for w in words):
        return False
    for k, line in enumerate(printed):
        text = line.strip()
        if not text.lstrip(_OPENERS)[:1].isupper() or text.upper() == text:
            return False  # no capital to open it, or no lower-case letter in it
        if _COLUMN_GAP.search(text) or (_DIGIT.search(text) and _DIGIT.search(_REFERENCE.sub("", text))):
            return False
        if k + 1 < len(printed):
            if len(line) + 1 + len(words[k + 1][0]) > width:
                return False  # the next line's first word would not have fitted: filled to the measure
            if words[k][-1].lower() in _PROSE_LINE_ENDS:
                return False
    if len(printed) > 2:
        # every line a sentence of its own: a list's entries ("Gleg, quick."), not a stanza
        return not all(line.endswith(".") for line in printed)
    return max(len(line) for line in printed) < width * _TWO_LINE_SHARE


def apply(tei, ctx: Context):
    """Set as stanzas the paragraphs whose source blocks were printed as verse."""
    if ctx.reader != "text":
        return tei  # a structured reader's paragraphs are its document's, not printed lines
    blocks = source_blocks(ctx)
    width = measure(blocks)
    if not width:
        return tei
    paragraphs = xpath(
        tei,
        "//t:text/t:body//t:p[parent::t:div or parent::t:quote][not(ancestor::t:note or ancestor::t:sp)]"
        " | //t:text/t:back//t:p[parent::t:div or parent::t:quote][not(ancestor::t:note or ancestor::t:sp)]",
    )
    for p in paragraphs:
        line = line_of(p)
        raw = blocks.get(line) if line is not None else None
        if line is None or raw is None or not is_stanza(raw, width):
            continue
        kept = lines_of(p, blocks)
        cut = [[text] for text in kept] if kept is not None else _cut_into_lines(p, raw)
        if cut is None:
            ctx.report.info(
                "verse-kept-as-paragraph",
                line,
                "printed as verse, but the paragraph holds more than its block's words: kept as a paragraph",
                text=(p.text or "")[:80],
            )
            continue
        stanza = make("lg", line=line)
        for k, pieces in enumerate(cut):
            verse_line = sub(stanza, "l", line=line + k)
            for piece in pieces:
                if isinstance(piece, str):
                    append_text(verse_line, piece)
                else:
                    piece.tail = None
                    verse_line.append(piece)
        p.addprevious(stanza)
        p.getparent().remove(p)
        ctx.report.counts["stanzas"] += 1
        ctx.report.counts["stanza_lines"] += len(cut)
    if ctx.report.counts["stanzas"]:
        # the structure pass counted these stanzas as the paragraphs they were
        ctx.report.counts["paragraphs"] = body_paragraphs(tei)
    return tei


def _letters(text: str) -> list[int]:
    """The offsets of the letters and digits of `text`, references to notes left out."""
    refs = [m.span() for m in _REFERENCE.finditer(text)] if _DIGIT.search(text) else []
    out = []
    r = 0
    for k, ch in enumerate(text):
        while r < len(refs) and refs[r][1] <= k:
            r += 1
        if ch.isalnum() and not (r < len(refs) and refs[r][0] <= k):
            out.append(k)
    return out


def _cut_into_lines(p, raw: list[str]) -> list[list] | None:
    """The paragraph's text and notes cut at its printed lines' ends, each line a list of
    strings and elements; None when its words are not its block's (see the module)."""
    pieces: list = [p.text or ""]
    for child in p:
        if not (is_(child, "note") or (not len(child) and not (child.text or "").strip())):
            return None  # running text inside an element: not cut blind
        pieces += [child, child.tail or ""]
    text = "".join(x for x in pieces if isinstance(x, str))
    at = _letters(text)
    lines = [line.strip() for line in raw]
    ends = []  # in the paragraph's letters: where each printed line's letters end
    n = 0
    key = "".join(text[k] for k in at)
    for line in lines:
        letters = "".join(line[k] for k in _letters(line))
        if key[n : n + len(letters)] != letters:
            return None
        n += len(letters)
        ends.append(n)
    if n != len(key) or not all(ends):
        return None
    # each line ends after its last letter and the punctuation that follows it, before the space
    cuts = []
    for end in ends[:-1]:
        k = at[end - 1] + 1
        while k < len(text) and not text[k].isspace() and not text[k].isalnum():
            k += 1
        cuts.append(k)
    out: list[list] = [[] for _ in lines]
    offset = 0
    line_no = 0
    for piece in pieces:
        if not isinstance(piece, str):
            while line_no < len(cuts) and offset > cuts[line_no]:
                line_no += 1
            out[line_no].append(piece)
            continue
        start = offset
        offset += len(piece)
        pos = start
        while pos < offset:
            while line_no < len(cuts) and pos >= cuts[line_no]:
                line_no += 1
            stop = min(offset, cuts[line_no]) if line_no < len(cuts) else offset
            out[line_no].append(piece[pos - start : stop - start])
            pos = stop
    return [_trimmed(parts) for parts in out]


def _trimmed(parts: list) -> list:
    """A line's pieces without the white space at its two ends."""
    if parts and isinstance(parts[0], str):
        parts[0] = parts[0].lstrip()
    if parts and isinstance(parts[-1], str):
        parts[-1] = parts[-1].rstrip()
    return [x for x in parts if not isinstance(x, str) or x]
