"""The source's line breaks, read again for passes that run after paragraphs were joined.

`structure` joins a block's lines into one paragraph; a cast list or a speaker's name
on a line of its own is told by those lines. `source_blocks(ctx)` decodes the source
again the way the reader decoded it (the findings of that second reading are dropped:
the reader made them already); `lines_of(p, blocks)` returns the lines of the block a
paragraph came from (joined, or its lines kept as printed), or None when the
paragraph is no longer that block (rejoined with another, or changed); `pieces_of(p, blocks)` the blocks a rejoined paragraph was
made of.
"""

from __future__ import annotations

from ..errors import TeikitError
from ..report import Report
from ..tei import line_of
from . import reader
from .blocks import para_text
from .context import Context


class SourceBlocks(dict[int, list[str]]):
    """Each block of the source by its first line: its lines; `order` numbers the blocks."""

    def __init__(self, blocks=()):
        super().__init__(blocks)
        self.starts = list(self)  # the reader yields blocks in order: already sorted
        self.order = {line: k for k, line in enumerate(self.starts)}
        self._read: dict[int, tuple[str, tuple[str, ...]]] = {}

    def read(self, line: int) -> tuple[str, tuple[str, ...]]:
        """The block at `line` joined into one paragraph, and its lines stripped, blank
        ones left out: made once per block (a play's passes ask for each paragraph's often)."""
        found = self._read.get(line)
        if found is None:
            lines = self[line]
            found = self._read[line] = (para_text("\n".join(lines)), tuple([l.strip() for l in lines if l.strip()]))
        return found


def source_blocks(ctx: Context) -> SourceBlocks:
    """The source's blocks, read as the reader read them: once a conversion (the source
    does not change while it is converted)."""
    kept = getattr(ctx, "source_blocks", None)
    if kept is None:
        kept = _read_blocks(ctx)
        if hasattr(ctx, "source_blocks"):
            ctx.source_blocks = kept
    return kept


def _read_blocks(ctx: Context) -> SourceBlocks:
    try:
        data = ctx.source.read_bytes()
        text = reader.clean_text(reader.decode(data, str(ctx.source), Report()), Report())
    except (OSError, TeikitError):  # a tree built without a readable source: no line breaks
        return SourceBlocks()
    return SourceBlocks((line, block.split("\n")) for line, block in reader.blocks(text))


def lines_of(p, blocks: SourceBlocks) -> tuple[str, ...] | None:
    """The stripped source lines of paragraph `p`, when `p` is still its source block."""
    line = line_of(p)
    if line is None or len(p) or line not in blocks:
        return None
    joined, kept = blocks.read(line)
    text = p.text or ""
    # joined into one paragraph, or its lines kept as printed (a front-matter division's)
    if joined != text and tuple([l.strip() for l in text.split("\n") if l.strip()]) != kept:
        return None
    return kept


def pieces_of(p, blocks: SourceBlocks) -> list[tuple[int, str]] | None:
    """The (first line, text) of each source block a rejoined paragraph was made of, in
    order, when its text is exactly those blocks joined by spaces; None otherwise."""
    line = line_of(p)
    text = p.text or ""
    if line is None or len(p) or line not in blocks:
        return None
    starts = blocks.starts
    k = blocks.order[line]
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text) and k < len(starts):
        piece = blocks.read(starts[k])[0]
        if not piece or not text.startswith(piece, pos):
            return None
        out.append((starts[k], piece))
        pos += len(piece)
        if text.startswith(" ", pos):
            pos += 1
        k += 1
    return out if pos == len(text) else None
