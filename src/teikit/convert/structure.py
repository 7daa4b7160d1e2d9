"""Structure: paragraphs, section heads, quotations, verse, figures and tables.

Runs over every division of the body (and appendices). In order:
figures and tables are recognised; blocks become paragraphs, and a paragraph
cut by a page break is rejoined to the one before (it starts in lower case, an
OCR speck before its first word aside, or the one before stops mid-sentence); a
paragraph that follows one ending in a colon is a block quotation, set as verse
when it is introduced as verse; short unpunctuated lines are section heads, two
levels told apart by their capitalisation (Title Case over sentence case), and
so are sub-headings set as a treatise sets them, in capitals naming their
subject after OF or ON, with a full stop (`OF THE COLD BATH.`; an OCR text may
read `OE` or `OP` for OF and leave a lower-case letter among the capitals);
sections become nested divs. A short line heads a section only as headings are
set (`_heads_text`): a line alone in the source, not the division's first
block, not a question, exclamation or quoted sentence, not one word in capitals,
not the last of a run of short lines (a formula, a list), and above a paragraph
of text. A line with no word in it (`5 §`, a printer's mark at a page's foot) or
ending in a word cut at the line's end (`gradually in-`) is never a heading:
it is the line of a paragraph the page break cut.
Divisions the outline nested (sections, poems, scenes) keep their place after
the division's own text and are structured in their turn.

A division never holds a heading alone (settle_empty_divs, run before writing):
a heading with nothing under it before another division of the same level
heads that division too (a part heading over its first chapter, two headings in
a row); the last one keeps its text as the division's paragraph. Either way it
is reported.
"""

from __future__ import annotations

import re

from ..tei import children, is_, line_of, make, only, q, sub, xpath
from ..textnodes import merge_into
from . import figures, verse
from .blocks import (
    SUPERSCRIPTS,
    body_paragraphs,
    ends_sentence,
    is_title_case,
    para_text,
    starts_lower,
    strip_refs,
    word_count,
)
from .context import Context, norm_title
from .sourcelines import source_blocks

_HEAD_MAX_CHARS = 120
_HEAD_MAX_WORDS = 16
_NOT_HEAD_ENDS = "?!—)]"
_QUOTES = "\"'‘’“”"
_TEXT_UNDER_HEAD = 60  # a heading stands above a paragraph, not above a signature
_RUN_OF_SHORT_LINES = 2  # lines alone before a short line that make it a list's last
_SUPERSCRIPTS = frozenset(SUPERSCRIPTS)  # a set, for `isdisjoint` with a line (not a test per character)
_LETTER = r"[^\W\d_]"  # a heading has a word: `5 §` at a page's foot is a printer's mark
# OF or ON; in an OCR text the F of OF read as a letter of like shape
_SUBJECT_WORD = re.compile(r"O[FNPEB]")
_OCR_LOWER_SHARE = 0.1  # lower-case letters an OCR text leaves in a line set in capitals


def make_table(block, ctx: Context):
    """A <table> when the block's lines are tab-separated cells in a regular grid."""
    if "\t" not in block.text:
        return None  # no cells: not a table (most blocks), told before the lines are cut
    lines = [l for l in block.text.split("\n") if l.strip()]
    rows = [[c.strip() for c in l.split("\t")] for l in lines]
    if len(rows) < 3 or any(len(r) < 2 for r in rows):
        return None
    width = max(len(r) for r in rows)
    if sum(len(r) == width for r in rows) < len(rows) * 0.8:
        return None
    cells = [c for r in rows for c in r]
    if sum(1 for c in cells if c) < len(cells) * 0.75:
        return None
    table = make("table", line=line_of(block), rows=str(len(rows)), cols=str(width))
    numeric = lambda r: sum(bool(re.fullmatch(r"[\d.,%–-]+", c)) for c in r)
    header = numeric(rows[0]) == 0 and numeric(rows[1]) > 0
    for k, r in enumerate(rows):
        row = sub(table, "row")
        if k == 0 and header:
            row.set("role", "label")
        for c in r + [""] * (width - len(r)):
            sub(row, "cell", c)
    ctx.report.counts["tables"] += 1
    return table


def _is_head_candidate(p) -> bool:
    text = p.text or ""
    if len(p) or not text or len(text) > _HEAD_MAX_CHARS or word_count(text) > _HEAD_MAX_WORDS:
        return False
    if not _SUPERSCRIPTS.isdisjoint(text) or not re.search(_LETTER, text) or _cut_at_line_end(text):
        return False
    if re.search(r"[.,;:]$", strip_refs(text)) and not _is_subject_heading(text):
        return False
    first = text.lstrip("'\"‘“")[:1]
    return first.isupper() or first.isdigit()


def _cut_at_line_end(text: str) -> bool:
    """A line that ends in a word part and a hyphen was cut by the printer in the middle
    of a word (`gradually in-`): the line of a paragraph, never a whole heading."""
    line = text.rstrip()  # the pattern is tried only on a line ending in a hyphen
    return line.endswith("-") and re.search(r"\w-$", line) is not None


def _is_subject_heading(text: str) -> bool:
    """A sub-heading set as a treatise sets them: in capitals, naming its subject after OF
    or ON, with a full stop (`OF THE SYPHILITIC SQUAMAE.`, a note's mark after it aside).
    An OCR text misreads a letter here and there: a lower-case letter or two among the
    capitals (Æ read `iE`), and OF read with a letter of like shape (`OP`, `OE`, `OB`)."""
    t = strip_refs(text)
    words = t.split()
    if not t.endswith(".") or len(words) < 2 or not _SUBJECT_WORD.fullmatch(words[0]):
        return False
    letters = [c for c in t if c.isalpha()]
    return sum(c.islower() for c in letters) <= len(letters) * _OCR_LOWER_SHARE


def _is_notes_heading(p, ctx: Context) -> bool:
    text = p.text or ""
    # a line alone first: a block of lines is never the heading, and need not be normalised
    return "\n" not in text and ctx.profile.back_roles.get(norm_title(text)) == "notes"


def _verse_lines(text: str) -> list[str] | None:
    """Split run-together verse at each lower-case word followed by a capitalised one."""
    if len(text) > 600 or re.search(r"[.;!?]\s+[A-Z]", text):
        return None
    small = {"a", "an", "the", "by", "of", "to", "in", "on", "at", "for", "with", "from", "and", "or"}
    lines: list[list[str]] = []
    for word in text.split():
        prev = lines[-1][-1] if lines else ""
        if not lines or (word[:1].isupper() and prev[:1].islower() and prev.lower() not in small):
            lines.append([word])
        else:
            lines[-1].append(word)
    return [" ".join(l) for l in lines] if len(lines) >= 3 else None


def _structure_div(div, ctx: Context, listed, width: int) -> None:
    items = [c for c in children(div) if not is_(c, "head")]
    for c in items:
        div.remove(c)
    # divisions the outline found inside this one follow its own text, and are
    # structured in their turn
    subdivs = [c for c in items if is_(c, "div")]
    items = [c for c in items if not is_(c, "div")]
    # chapter-local notes: everything after a "Notes" line belongs to the notes
    notes_div = None
    for k, c in enumerate(items):
        if is_(c, "p") and _is_notes_heading(c, ctx):
            notes_div = make("div", type="notes", line=line_of(c))
            sub(notes_div, "head", c.text.strip(), line=line_of(c))
            for rest in items[k + 1 :]:
                notes_div.append(rest)
            items = items[:k]
            break

    # 1. figures, tables, paragraphs
    flat = []
    one_line: set = set()  # blocks that were a line alone in the source
    stanzas: set = set()  # blocks printed as verse: never rejoined (the verse pass sets them)
    for c in items:
        if not is_(c, "p"):
            flat.append(c)
            continue
        fig = figures.caption_figure(c, listed, ctx)
        if fig is not None:
            flat.append(fig)
            continue
        table = make_table(c, ctx)
        if table is not None:
            flat.append(table)
            continue
        in_line = figures.cut_caption_in_line(c, listed, ctx)
        if "\n" not in (c.text or "").strip():
            one_line.add(c)
        elif verse.is_stanza((c.text or "").split("\n"), width):
            stanzas.add(c)
        c.text = para_text(c.text)
        if c.text:
            flat.append(c)
        if in_line is not None:
            flat.append(in_line)  # after its paragraph, which step 2 may join to the next

    # 2. rejoin paragraphs cut by page breaks (figures in between move after the paragraph)
    joined: list = []
    pending_figs = []
    for c in flat:
        if not is_(c, "p"):
            pending_figs.append(c)
            continue
        prev = next((x for x in reversed(joined) if is_(x, "p")), None)
        # walked back by index, not by copying joined[:-1]: linear in a long division
        before_prev = next((joined[i] for i in range(len(joined) - 2, -1, -1) if is_(joined[i], "p")), None)
        after_colon = before_prev is not None and strip_refs(before_prev.text or "").endswith(":")
        if (
            prev is not None
            and joined[-1] is prev
            and c not in stanzas
            and prev not in stanzas
            and _continues(prev, c)
            and (not after_colon or starts_lower(c.text or ""))
        ):
            merge_into(prev, c)
            ctx.report.counts["paragraphs_rejoined"] += 1
            continue
        joined.extend(pending_figs)
        pending_figs = []
        joined.append(c)
    joined.extend(pending_figs)

    # 3. quotations and verse; 4. heads
    out: list = []
    for k, c in enumerate(joined):
        prev = out[-1] if out else None
        if (
            is_(c, "p")
            and prev is not None
            and is_(prev, "p")
            and strip_refs(prev.text or "").endswith(":")
            and not len(prev.xpath("*"))
        ):
            out.append(_quote(c, prev, ctx))
            continue
        if is_(c, "p") and _is_head_candidate(c) and k + 1 < len(joined) and _heads_text(c, k, joined, one_line):
            head = make("head", c.text.strip(), line=line_of(c))
            out.append(head)
            continue
        out.append(c)

    _nest(div, out, ctx)
    for d in subdivs:
        div.append(d)
    if notes_div is not None:
        div.append(notes_div)


def _heads_text(c, k: int, joined: list, one_line: set) -> bool:
    """A short line heads a section only as headings are set: a line alone in the source,
    not the division's first line (its dateline or epigraph), not a question, an
    exclamation or a quoted sentence, not one word in capitals (a name, a signature, a stage
    word), and above a paragraph of text (not above a signature)."""
    text = (c.text or "").strip().rstrip("_*")  # the end of the words, not of their italics
    if c not in one_line or k == 0 or not text or text[-1] in _NOT_HEAD_ENDS:
        return False
    if text[-1] in _QUOTES and text[-2:-1] in tuple(".,;:!?"):
        return False  # a quotation that ends a sentence
    if len(text.split()) == 1 and text.isupper():
        return False
    if _ends_run_of_short_lines(k, joined, one_line):
        return False
    nxt = joined[k + 1]
    return not is_(nxt, "p") or len(nxt.text or "") >= _TEXT_UNDER_HEAD


def _ends_run_of_short_lines(k: int, joined: list, one_line: set) -> bool:
    """The lines of a list or a formula are set one under another, each alone (`Myrrhae,
    5 „` / `Croci in pulv. 3 „`): a short line after two such lines is the run's last,
    not a heading over the paragraph after it. Lines in capitals make no such run (a
    running head left in the text, a title over a heading)."""
    before = joined[max(0, k - _RUN_OF_SHORT_LINES) : k]
    return len(before) == _RUN_OF_SHORT_LINES and all(_short_line_of_text(b, one_line) for b in before)


def _short_line_of_text(b, one_line: set) -> bool:
    if not is_(b, "p") or b not in one_line:
        return False
    text = b.text or ""
    return len(text) < _TEXT_UNDER_HEAD and any(c.islower() for c in text)


def _continues(prev, cur) -> bool:
    text = cur.text or ""
    if _is_head_candidate(cur) and not starts_lower(text):
        return False
    if starts_lower(text):
        return True
    before = prev.text or ""
    if len(before) < 60 or _is_head_candidate(prev):
        return False
    return not ends_sentence(before)


def _quote(p, intro, ctx: Context):
    quote = make("quote", line=line_of(p))
    intro_words = set(re.findall(r"[a-z]+", (intro.text or "").lower()))
    verse = _verse_lines(p.text) if intro_words & set(ctx.profile.verse_cues) else None
    if verse:
        lg = sub(quote, "lg", line=line_of(p))
        for line in verse:
            sub(lg, "l", line)
        ctx.report.counts["verse"] += 1
        ctx.report.info("verse", line_of(p), f"quotation set as verse in {len(verse)} lines", text=p.text)
    else:
        quote.append(p)
        ctx.report.counts["quotes"] += 1
    return quote


def _nest(div, items, ctx: Context) -> None:
    """Turn the flat run of heads and blocks into nested section divs."""
    heads = [h for h in items if is_(h, "head")]
    has_title_case = any(is_title_case(h.text) and word_count(h.text) > 1 for h in heads)
    stack = [(0, div)]
    prev_level = 1
    for it in items:
        if not is_(it, "head"):
            stack[-1][1].append(it)
            continue
        text = it.text
        if word_count(text) == 1:
            level = prev_level
        elif has_title_case and not is_title_case(text):
            level = 2
        else:
            level = 1
        if level == 2 and len(stack) == 1:
            level = 1
        while stack[-1][0] >= level:
            stack.pop()
        section = sub(stack[-1][1], "div", type="section" if level == 1 else "subsection", line=line_of(it))
        section.append(it)
        stack.append((level, section))
        prev_level = level
        ctx.report.counts["sections"] += 1


def _heads_only(div) -> bool:
    """Whether every element the division holds is a head (or it holds none). Asked of
    every division, twice a conversion: a division's children are walked only up to the
    first that is no head (its second, mostly), not listed whole."""
    return all(is_(c, "head") for c in div.iterchildren() if isinstance(c.tag, str))


def settle_empty_divs(tei, ctx: Context, divs: list | None = None) -> None:
    """Give every division content: see the module's docstring. `divs`: the divisions of
    the book's one `text` in document order, when the caller has walked the tree for them."""
    # reversed document order: a division's inner divisions are settled before it
    if divs is None:
        text = only(tei, "text")  # walked down from (XPath searched the whole tree)
        divs = list(text.iter(q("div"))) if text is not None else xpath(tei, "//t:text//t:div")
    for div in reversed(divs):
        parent = div.getparent()
        if parent is None or not _heads_only(div):
            continue
        heads = children(div, "head")
        nxt = div.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        heading = " / ".join("".join(h.itertext()).strip() for h in heads)
        if heads and nxt is not None and is_(nxt, "div"):
            first = nxt[0] if len(nxt) else None
            for h in heads:
                if first is not None:
                    first.addprevious(h)
                else:
                    nxt.append(h)
            if div.get("n") is not None and nxt.get("n") is None and div.get("type") == nxt.get("type"):
                nxt.set("n", div.get("n"))
            for e in ctx.outline:
                if getattr(e, "div", None) is div:
                    e.div = nxt
            ctx.report.info(
                "heading-merged",
                line_of(heads[0]),
                "a heading with nothing under it heads the next division too",
                text=heading,
            )
            parent.remove(div)
        elif heads:
            for h in heads:  # keep the words, as the division's text
                h.tag = h.tag[: -len("head")] + "p"
                for label in children(h, "label"):
                    _unwrap(label)
            ctx.report.add(
                "empty-division",
                line_of(heads[0]),
                "a heading with nothing under it is kept as the division's only paragraph",
                text=heading,
            )
        else:
            parent.remove(div)  # nothing at all: nothing lost


def _unwrap(el) -> None:
    """Replace an element by its content (text, children and tail)."""
    parent = el.getparent()
    prev = el.getprevious()

    def put(text: str | None) -> None:  # text at the point where `el` stands
        if not text:
            return
        if prev is not None:
            prev.tail = (prev.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    put(el.text)
    for child in list(el):
        el.addprevious(child)
        prev = child
    put(el.tail)
    el.tail = None
    parent.remove(el)


def apply(tei, ctx: Context):
    listed = figures.read_list(tei)
    ctx.figures = listed
    width = verse.measure(source_blocks(ctx))
    for div in xpath(tei, "//t:text/t:body//t:div | //t:text/t:back/t:div[@type='appendix']"):
        _structure_div(div, ctx, listed, width)
    # captions outside the body (a frontispiece on the title page)
    for b in xpath(tei, "//t:text/t:front/t:div[@type='titlepage']/t:p"):
        fig = figures.caption_figure(b, listed, ctx)
        if fig is not None:
            b.addprevious(fig)
            b.getparent().remove(b)
    figures.place_missing(listed, ctx)
    ctx.report.counts["paragraphs"] = body_paragraphs(tei)
    return tei
