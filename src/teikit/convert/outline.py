"""Outline: find the book's divisions and cut the text into them.

A table of contents laid out in tab-separated cells (label, title, page) says
which divisions exist, in which order, and what they are called; the converter
finds each one's heading in the text and cuts the block stream there.

Any other book is read from its own headings (`headings`): the numbered forms
that repeat in sequence, nested by how they interleave (parts, chapters,
sections); a labelled heading without a title on its line takes the title line
set right under it. Unnumbered headings (`INTRODUCTION`, `CONCLUSION`,
`GLOSSARY`) are those its contents list names (`contents`) or that the profile
names as front, body or back matter, set off like the numbered ones. A
back-matter title followed by a chapter is that chapter's own (its `NOTES`),
and a line standing right before the first chapter is the book's half-title,
not a division: both stay as text. What stands before the first division is
front matter; unnumbered divisions after the last chapter are back matter
unless the profile calls them body (`CONCLUSION`). The contents list becomes
the front matter's contents division; its entries link to the divisions.

Inside a division, pieces without numbers (poems under year headings) are told by
their setting: a title line with more blank lines before it than paragraphs have. A
contents list naming the pieces is checked against them (`_pieces_by_contents`): a
line it names heads its piece even when set like the text (indented like verse); a
title of a word or two that it does not name (`Postscript`, `The Epitaph`, `Her
Answer`), right after a piece, heads a part of that piece, not a piece of its own; a
line it does not name that ends in a full stop right under a piece holding one block
only is the source of that block, an epigraph, and stays text.

Result: text/front, text/body and text/back holding typed <div>s, each with its
<head> (a <label> for the number), nested divisions inside them; the blocks
before the first division stay in a title-page div.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from ..tei import XML_ID, block_line, children, line_of, make, q, set_line, sub, unique_id
from . import contents, headings
from .context import Context, norm_title, roman_to_int

_TOC_HEAD = re.compile(r"^\s*(table\s+of\s+)?contents\s*$", re.I)
_LABEL = re.compile(
    r"^(?P<word>chapter|part|book|section|appendix|lecture|letter)\s+"
    r"(?P<num>\d+|[ivxlcdm]+|[a-z])\b\.?$",
    re.I,
)
_HEADING_LABEL = re.compile(
    r"^(?P<word>chapter|part|book|lecture|letter)\s+(?P<num>\d+|[IVXLCDM]+|[ivxlcdm]+)"
    r"(?:\b\.?|:)\s*(?P<rest>.*)$",
    re.I,
)
_PAGE = r"(?:\d{1,4}|[ivxlcdm]{1,7})"
_LABELLED_TITLE = re.compile(r"^((?:chapter|part|book|section|appendix)\s+(?:\d+|[ivxlcdm]+))\b[.:]?\s+(.+)$", re.I)
# Front-matter division types (a closed list in schema/teikit.rnc), by words of the title.
_FRONT_TYPES = [
    (("figure", "illustration", "plate"), "figures"),
    (("contents",), "contents"),
    (("table",), "tables"),
    (("abbreviation",), "abbreviations"),
    (("acknowledg",), "acknowledgements"),
    (("preface",), "preface"),
    (("foreword",), "foreword"),
    (("dedication",), "dedication"),
    (("epigraph",), "epigraph"),
]
_DISPLAY_LINE = 60  # the longest line of a title page's display lines
_LEAD_IN_WORDS = 6  # the most words of a front heading ending in a colon
_SHORT_WORD = 3  # `To`: a word that opens a heading set over the lines below it
_STACK = 4  # the most lines in capitals one heading is set over
_FULL_LINE = 50  # a line this long that stops without a stop ran on to the next
_STACK_LINE = 75  # the longest line of a stack of short lines under a heading
_PROSE_SHARE = 0.05  # paragraphs set off like headings more often than this: no signal
_PART_WORDS = 2  # the most words of a part's title: it says what the part is, not its subject
_SET_OFF = 3  # blank lines before a heading told by its setting alone (paragraphs have one)
_CLOSING = {"conclusion", "epilogue"}  # unnumbered divisions after the chapters that are body
_BODY_TYPES = {"introduction", "conclusion", "prologue", "epilogue", "afterword", "postscript"}


@dataclass
class Entry:
    label: str | None
    title: str
    page: str | None
    line: int
    number: int | None = None
    block: int | None = None  # the heading block found in the text
    title_block: int | None = None  # a separate title block after a label-only heading
    role: str = "body"  # front, body, back
    type: str = "chapter"
    div: etree._Element | None = None  # the <div> made for it
    dropped: list = field(default_factory=list)  # stray cells of the contents line
    level: int = 1  # 1: a division of the front, body or back; 2…: inside the one before
    more_blocks: tuple = ()  # further lines of a heading set over several lines
    bare: bool = False  # a numeral alone (`IV`): the head holds it as text, not as a label


def _block_of(e: Entry) -> int:
    """The heading block of an entry the outline keeps: every entry read from the text's own
    headings has one, and entries of a contents list are kept only once found."""
    if e.block is None:
        raise ValueError(f"no heading block found for {e.title!r}")
    return e.block


def _parse_toc_line(line: str, lineno: int) -> Entry | None:
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) >= 2:
        nonempty = [c for c in cells if c]
        page = nonempty[-1] if re.fullmatch(_PAGE, nonempty[-1]) and len(nonempty) > 1 else None
        body = nonempty[:-1] if page else nonempty
        if not body:
            return None
        if len(body) >= 2 and _LABEL.match(body[0]):
            e = Entry(body[0], body[1], page, lineno)
            e.dropped = body[2:]
            return e
        lm = _LABELLED_TITLE.match(body[0])
        if lm:  # "Chapter 1 Beginnings<TAB>1": label and title in one cell
            e = Entry(lm.group(1), lm.group(2), page, lineno)
            e.dropped = body[1:]
            return e
        e = Entry(None, body[0], page, lineno)
        e.dropped = body[1:]
        return e
    m = re.match(rf"^(?P<text>.*?\S)(?:\s*\.{{2,}}\s*|\s{{2,}}|\s+)(?P<page>{_PAGE})$", line.strip())
    text, page = (m.group("text"), m.group("page")) if m else (line.strip(), None)
    lm = _LABELLED_TITLE.match(text)
    if lm:
        return Entry(lm.group(1), lm.group(2), page, lineno)
    if page is None and len(text) > 90:
        return None
    return Entry(None, text, page, lineno)


def _number(label: str | None) -> int | None:
    if not label:
        return None
    num = label.split()[-1].rstrip(".")
    if num.isdigit():
        return int(num)
    return roman_to_int(num)


def find_toc(blocks: list) -> tuple[int, int, list[Entry]] | None:
    """Return (first, last) block index of the table of contents and its entries."""
    for i, b in enumerate(blocks):
        first, *rest = (b.text or "").split("\n")
        if not _TOC_HEAD.match(first):
            continue
        entries, last = [], i
        lines = [(block_line(b) + k + 1, l) for k, l in enumerate(rest)]
        j = i + 1
        if not lines and j < len(blocks):
            lines = [(block_line(blocks[j]) + k, l) for k, l in enumerate(blocks[j].text.split("\n"))]
            last = j
        for lineno, line in lines:
            e = _parse_toc_line(line, lineno)
            if e:
                e.number = _number(e.label)
                entries.append(e)
        if len(entries) >= 2:
            return i, last, entries
    return None


def _label_pattern(label: str) -> re.Pattern:
    word = label.split()[0]
    return re.compile(rf"^{re.escape(word)}\s+(?P<num>\d+|[ivxlcdm]+)(?:\b\.?|:)\s*(?P<rest>.*)$", re.I)


def _classify(e: Entry, ctx: Context) -> None:
    t = norm_title(e.title)
    if e.label:
        word = e.label.split()[0].lower()
        e.role, e.type = ("back", "appendix") if word == "appendix" else ("body", "chapter")
        if word == "part":
            e.type = "part"
        return
    if t in ctx.profile.back_roles:
        e.role, e.type = "back", ctx.profile.back_roles[t]
    elif t in ctx.profile.front_titles:
        e.role = "front"
        e.type = next((kind for words, kind in _FRONT_TYPES if any(w in t for w in words)), "prefatory")
    else:
        e.role = "body"
        e.type = t if t in _BODY_TYPES else "chapter"


def _locate(entries: list[Entry], blocks: list, start: int, report) -> None:
    """Find each entry's heading block, labelled entries first, then the others between them."""
    pos = start
    for e in entries:
        if not e.label:
            continue
        pat = _label_pattern(e.label)
        for i in range(pos, len(blocks)):
            first = blocks[i].text.split("\n")[0].strip()
            m = pat.match(first)
            if m and "\n" not in blocks[i].text and len(first) < 150 and _same_number(m.group("num"), e.number):
                e.block = i
                rest = m.group("rest").strip()
                if not rest and i + 1 < len(blocks) and norm_title(blocks[i + 1].text) == norm_title(e.title):
                    e.title_block = i + 1
                pos = i + 1
                break
    for k, e in enumerate(entries):
        if e.label:
            continue
        lo = max([start] + [x.block + 1 for x in entries[:k] if x.block is not None])
        hi = min([len(blocks)] + [x.block for x in entries[k + 1 :] if x.block is not None and x.label])
        want = norm_title(e.title)
        candidates = [i for i in range(lo, hi) if "\n" not in blocks[i].text and norm_title(blocks[i].text) == want]
        upper = [i for i in candidates if blocks[i].text.isupper()]
        if upper or candidates:
            e.block = (upper or candidates)[0]
    for e in entries:
        if e.block is None:
            report.add(
                "toc-entry-not-found",
                e.line,
                f"the table of contents lists '{e.title}' but no heading for it was found in the text",
            )


def _same_number(num: str, want: int | None) -> bool:
    got = int(num) if num.isdigit() else roman_to_int(num)
    return want is None or got == want


def _fallback_entries(blocks: list, ctx: Context) -> list[Entry]:
    """Divisions from headings alone, for books without a table of contents."""
    found: list[Entry] = []
    for i, b in enumerate(blocks):
        if "\n" in b.text or len(b.text) > 120:
            continue
        text = b.text.strip()
        m = _HEADING_LABEL.match(text)
        if m and not re.search(r"[,;]$", text):
            label = f"{m.group('word')} {m.group('num')}"
            rest = m.group("rest").strip().rstrip(".")
            e = Entry(
                f"{m.group('word').capitalize()} {m.group('num')}",
                rest,
                None,
                block_line(b),
                number=_number(label),
                block=i,
            )
            if not rest and i + 1 < len(blocks) and _looks_like_title(blocks[i + 1].text):
                e.title, e.title_block = blocks[i + 1].text.strip(), i + 1
            found.append(e)
            continue
        t = norm_title(text)
        if t in ctx.profile.back_roles or t in _BODY_TYPES or t in ctx.profile.front_titles:
            found.append(Entry(None, text, None, block_line(b), block=i))
    # A back-matter heading followed by a chapter is the chapter's own (e.g. its notes).
    keep = []
    for k, e in enumerate(found):
        if not e.label and norm_title(e.title) in ctx.profile.back_roles:
            if any(x.label for x in found[k + 1 :]):
                continue
        keep.append(e)
    return keep


def _looks_like_title(text: str) -> bool:
    t = text.strip()
    return "\n" not in t and 0 < len(t) < 100 and not re.search(r"[.,;:]$", t) and t[:1].isupper()


def _layout(blocks: list) -> tuple[list[str], list[int], list[int]]:
    """Each block's text, first source line and the blank lines before it."""
    texts = [b.text or "" for b in blocks]
    starts = [line_of(b) or 0 for b in blocks]
    gaps = [starts[0] - 1 if blocks else 0]
    for k in range(1, len(blocks)):
        gaps.append(starts[k] - starts[k - 1] - texts[k - 1].count("\n") - 1)
    return texts, starts, gaps


def _title_like(line: str) -> bool:
    t = line.strip()
    return (
        0 < len(t) <= 100
        and len(t.split()) <= 16
        and t[-1] not in ",;"
        and (t[0].isupper() or t[0] in "_*\"'‘“")
        and not t.endswith(":")
    )


def _title_under(blocks, texts, gaps, k: int, taken: set[int], noisy: set[int], caps_only: bool = False) -> str | None:
    """The title set right under a label-only heading (`CHAPTER I.` / `INTRODUCTORY`).

    A line alone, or a stack of lines in capitals, is the title; of a stack of short
    lines (title, newspaper, date) the first is, and the others stay as text. Under a
    bare numeral (a letter's `IV`) only a line in capitals is a title: a line of text
    is the text."""
    caps = _caps_line(texts[k]) if k < len(blocks) else False
    if k >= len(blocks) or k in taken or (gaps[k] > (3 if caps else 2) and gaps[k] not in noisy):
        return None  # (in an OCR text every line may stand between page-break blank lines)
    lines = [l.strip() for l in texts[k].split("\n") if l.strip()]
    if 1 < len(lines) <= 5 and not any(c.islower() for c in texts[k]) and _title_like(lines[-1]):
        return None if caps_only else " ".join(lines)  # a title in capitals over several lines
    if not lines or not _title_like(lines[0]):
        return None
    if caps_only:
        return lines[0] if len(lines) == 1 and not any(c.islower() for c in lines[0]) else None
    if len(lines) == 1:
        return lines[0]
    if len(lines) <= 5 and not any(c.islower() for c in texts[k]):
        return " ".join(lines)
    if all(len(l) <= _STACK_LINE for l in lines[1:]) and len(lines) <= 6:
        # a title goes on over a line that is full (it wrapped), into a subtitle in
        # brackets and until its brackets close; a line that ends a sentence ends it
        n = 1
        while n < len(lines) and not lines[n - 1].endswith(".") and not lines[n].endswith("."):
            title = " ".join(lines[:n])
            if title.count("(") == title.count(")") and not (
                lines[n].startswith("(") or (len(lines[n - 1]) >= _FULL_LINE and not title.endswith(")"))
            ):
                break
            n += 1
        return " ".join(lines[:n])
    return None


def _title_goes_on(texts, gaps, k: int, taken: set[int], title: str, bare: bool) -> tuple[str, tuple]:
    """A title in capitals that does not end with a stop goes on over the next lines in
    capitals, each a block of its own in an OCR text (`OF THE FIRST CLASS … DISEASES` /
    `GONORRHOEA, ITS VARIETIES AND CONSEQUENCES.`)."""
    more: list[int] = []
    while (
        not bare
        and _caps_line(title)
        and not title.endswith(".")
        and k < len(texts)
        and k not in taken
        and gaps[k] <= 1
        and _caps_line(texts[k])
        and len(more) < _STACK
    ):
        title = f"{title} {texts[k].strip()}"
        more.append(k)
        k += 1
    return title, tuple(more)


def _display(text: str) -> bool:
    """Lines set for display (a title page's): short, most words capitalised."""
    lines = [l.strip() for l in text.split("\n") if l.strip()]
    words = lines[0].split() if lines else []
    return (
        bool(words)
        and all(len(l) <= _DISPLAY_LINE for l in lines)
        and sum(w[:1].isupper() for w in words) * 2 >= len(words)
    )


def _caps_line(text: str) -> bool:
    t = text.strip()
    return "\n" not in t and sum(c.isalpha() for c in t) >= 2 and not any(c.islower() for c in t) and len(t) <= 90


def _front_line(text: str) -> bool:
    """A heading of the front matter: a line in capitals, or a short title-case lead-in
    ending in a colon (`Original Transcriber's Notes:`)."""
    t = text.strip()
    if _caps_line(t):
        return t[-1] not in ","
    words = t.split()
    return t.endswith(":") and len(words) <= _LEAD_IN_WORDS and all(w[:1].isupper() for w in words if len(w) > 3)


def _front_heads(
    texts, starts, gaps, taken: set[int], skip: set[int], first_top: int, forms: set[str], ctx: Context
) -> list[Entry]:
    """Divisions of the front matter, headed by lines in capitals set off by blank lines
    (`THE PERSONS IN THE PLAY`, `TO` / `M. TALLEYRAND PERIGORD,` / `LATE BISHOP OF
    AUTUN.` read as one heading), after the title (the first lines set for display)
    and only where text follows them before the next heading: the lines of a title page
    head nothing."""
    start = next((i for i in range(first_top) if i not in skip and i not in taken and _display(texts[i])), first_top)
    cands = []
    i = start + 1
    while i < first_top:
        t = texts[i].strip()
        short = len(t) <= _SHORT_WORD and t[:1].isupper() and i + 1 < first_top and gaps[i + 1] <= 1
        if i in taken or i in skip or gaps[i] < 2 or "\n" in t or not (short or _front_line(t)):
            i += 1
            continue
        if headings.read_heading(texts[i], ctx.profile.number_words) is not None:
            i += 1  # a numbered heading the body did not take (`HIS FIRST BOOK` before `THE FIRST BOOK`)
            continue
        j = i + 1
        # a heading goes on over a line in capitals after a short word (`TO`) or a comma
        while j < first_top and j not in taken and gaps[j] <= 1 and _caps_line(texts[j]) and j - i < _STACK:
            prev = texts[j - 1].strip()
            if not (len(prev) <= _SHORT_WORD or prev.endswith(",")):
                break
            j += 1
        if short and j == i + 1:
            i += 1
            continue
        cands.append((i, j))
        i = j
    out = []
    stops = sorted(taken | skip | {c[0] for c in cands} | {first_top})
    for i, j in cands:
        nxt = next((x for x in stops if x >= j), first_top)
        if nxt <= j:
            continue  # nothing under it: a title page's line
        after = headings.read_heading(texts[j], ctx.profile.number_words) if j < len(texts) else None
        if after is not None and after[0] in forms:
            continue  # a half-title over the first numbered heading
        title = " ".join(texts[k].strip() for k in range(i, j))
        e = Entry(None, title, None, starts[i], block=i)
        _classify(e, ctx)
        e.role = "front"
        if e.type in ("chapter", "appendix") or e.type in _BODY_TYPES:
            e.type = "prefatory"
        e.more_blocks = tuple(range(i + 1, j))
        out.append(e)
    return out


def _set_off(
    entries: list[Entry], texts, starts, gaps, taken: set[int], level1_gap: int, first_top: int
) -> list[Entry]:
    """Unnumbered headings inside the divisions, told by their setting alone: a title
    line with more blank lines before it than any paragraph has, and no more than the
    division headings have, close above its text (poems under year headings), or above the
    title of the first piece of a group it names (it then heads that piece too: see
    structure.settle_empty_divs). Only in divisions without numbered sections, and only
    when the setting repeats."""
    with_sections = set()
    top = None
    for e in entries:
        if e.level == 1:
            top = e.block
        elif top is not None and e.number is not None:
            with_sections.add(top)
    tops = [_block_of(e) for e in entries if e.level == 1]
    body = {e.block for e in entries if e.level == 1 and e.role == "body"}
    found = []
    k = 0
    for i, text in enumerate(texts):
        while k < len(tops) and tops[k] < i:
            k += 1
        owner = tops[k - 1] if k else None
        if owner not in body or owner in with_sections or i in taken or i <= first_top:
            continue
        title = _set_title(text) if _SET_OFF <= gaps[i] <= level1_gap else None
        if title is None:
            continue
        if i + 1 >= len(texts) or i + 1 in taken or gaps[i + 1] >= _SET_OFF and not _heads_text(texts, gaps, i + 1):
            continue  # a heading stands close above its text (or above a heading that does); page furniture does not
        found.append(Entry(None, title, None, starts[i], block=i, level=2, type="section"))
    if not found:
        return []
    # the setting the book gives these headings is the one most of them have; lines
    # set off by fewer blank lines are something else (the speakers of a dialogue poem)
    common = Counter(gaps[e.block] for e in found).most_common(1)[0][0]
    found = [e for e in found if gaps[e.block] >= common]
    indent = lambda e: len(texts[e.block]) - len(texts[e.block].lstrip())  # noqa: E731
    margin = Counter(indent(e) for e in found).most_common(1)[0][0]
    found = [e for e in found if indent(e) == margin]  # and set at the same margin
    # and a setting the running text never has: where page breaks leave as many blank
    # lines before paragraphs (an OCR text), the blank lines tell nothing
    prose = [g for t, g in zip(texts, gaps) if t.count("\n") >= 2]
    if prose and sum(g >= common for g in prose) > len(prose) * _PROSE_SHARE:
        return []
    return found if len(found) >= _SET_OFF else []


def _heads_text(texts, gaps, i: int) -> bool:
    """Block i is a title set off with its text close under it: the first of the pieces a
    group title stands over (`Versicles, A.D. 1793` and its epigrams)."""
    return gaps[i] >= _SET_OFF and _set_title(texts[i]) is not None and i + 1 < len(texts) and gaps[i + 1] < _SET_OFF


def _set_title(text: str) -> str | None:
    """The title a block set off as a heading holds: its one line, or two lines when the
    first ends in a comma and both are in title case (a long title run on to a second line)."""
    lines = [l.strip() for l in text.strip().split("\n")]
    if len(lines) == 1:
        return lines[0] if _title_like(lines[0].rstrip(" ,")) else None
    if len(lines) == 2 and lines[0].endswith(",") and all(_title_case(l) for l in lines):
        return " ".join(lines)
    return None


def _title_case(line: str) -> bool:
    """Every word of four letters or more capitalised, as titles are set (not sentences)."""
    words = [w for w in line.split() if sum(c.isalpha() for c in w) >= 4]
    return bool(words) and line[:1].isupper() and all(w[:1].isupper() for w in words)


def _pieces_by_contents(
    entries: list[Entry], pieces: list[Entry], items: list, texts, starts, gaps, taken: set[int]
) -> tuple[list[Entry], dict[int, int]]:
    """The pieces set off inside divisions (poems under year headings), checked against the
    contents list (see the module's account), in the divisions holding them only: (every
    entry, {list entry: heading block})."""
    tops = sorted(_block_of(e) for e in entries if e.level == 1)

    def owner(i: int) -> int | None:
        return tops[bisect_right(tops, i) - 1] if tops and tops[0] <= i else None

    with_pieces = {owner(_block_of(e)) for e in pieces}
    heads = sorted(entries, key=_block_of)
    paired = contents.pair([it.title for it in items], [texts[_block_of(e)] for e in heads])
    at = {k: _block_of(heads[h]) for k, h in paired.items()}
    for k, i in _named_lines(items, at, texts, gaps, taken, lambda i: owner(i) in with_pieces).items():
        heads.append(Entry(None, texts[i].strip(), None, starts[i], block=i, level=2, type="section"))
        taken.add(i)
        at[k] = i
    heads.sort(key=_block_of)
    named = set(at.values())
    sources = []
    for above, e in zip(heads, heads[1:]):
        if e.level != 2 or e.number is not None or e.block in named or owner(_block_of(e)) not in with_pieces:
            continue
        if above.level < 2 or above.number is not None:
            continue
        if _epigraph_source(above, e):
            sources.append(e)  # stays text of the piece above
        elif _part_title(e.title, items):
            e.level, e.type = 3, "subsection"  # a part of the piece above
    return [e for e in heads if not any(e is x for x in sources)], at


def _epigraph_source(above: Entry, line: Entry) -> bool:
    """An epigraph is a quotation set under a poem's title, then its source, then the poem. A
    set-off line the list does not name that ends in a full stop, as a citation does, right
    under a piece whose only text is one block (`The Farewell`, blank verse, then `Thomson's
    Edward and Eleanora.`) is that quotation's source, not a title."""
    return line.title.endswith(".") and _block_of(line) == _block_of(above) + 2 and not above.more_blocks


def _named_lines(items: list, at: dict[int, int], texts, gaps, taken: set[int], in_pieces) -> dict[int, int]:
    """{list entry: block} for the entries no heading was found for, each at a line the entry
    names by all its words, alone in its block with its text close under it, where the list
    puts it: after the heading of the entry before, before that of the entry after."""
    found: dict[int, int] = {}
    paired = sorted(at)
    for k, it in enumerate(items):
        if k in at:
            continue
        n = bisect_right(paired, k)
        lo = at[paired[n - 1]] if n else -1
        hi = at[paired[n]] if n < len(paired) else len(texts)
        for i in range(lo + 1, hi):
            line = texts[i].strip()
            if i in taken or i in found.values() or "\n" in line or not in_pieces(i) or not _title_like(line):
                continue
            if i + 1 < len(texts) and gaps[i + 1] <= 2 and contents.names(it.title, line, whole=True):
                found[k] = i
                break
    return found


def _part_title(title: str, items: list) -> bool:
    """A title of a word or two that the list names nowhere: it says what the part is."""
    words = contents.title_keys(title)
    if not words or len(words[0]) > _PART_WORDS:
        return False
    return not any(contents.names(it.title, title, whole=True) for it in items)  # not a second version


def _from_text(blocks: list, ctx: Context) -> tuple[list[Entry], list[tuple[int, int]], list[Entry]]:
    """Divisions from the text's own headings and contents list: (entries, contents
    regions, contents entries)."""
    texts, starts, gaps = _layout(blocks)
    words = ctx.profile.number_words
    regions = contents.regions(texts, gaps)
    headed = bool(regions)
    if not headed:
        regions = contents.unheaded_regions(texts, gaps)
    skip = {i for a, b in regions for i in range(a, b + 1)}
    items = [it for a, b in regions for it in contents.entries(texts, starts, a, b, words, headed)]
    unused: list[tuple[headings.Heading, str]] = []
    found = headings.find(texts, starts, gaps, skip, words, unused)
    for h, why in sorted(unused, key=lambda u: u[0].index):
        ctx.report.info("heading-kept-as-text", h.line, f"read as a heading but kept as text: {why}", text=h.text)
    noisy = contents.noisy_gaps(texts, gaps)
    at = {h.index for h in found}
    deeper_labelled = {h.level for h in found if h.level > 1 and not h.bare and not h.decimal}
    entries: list[Entry] = []
    taken: set[int] = set(at) | skip
    for h in found:
        e = Entry(h.label, h.title, None, starts[h.index], number=h.numbers[0], block=h.index, level=h.level)
        e.bare = h.bare
        if h.level == 1:
            e.type = "part" if 2 in deeper_labelled else "chapter"
        elif h.level == 2 and 2 in deeper_labelled and not h.bare:
            e.type = "chapter"
        else:
            e.type = "section" if h.level <= 2 else "subsection"
        if not h.title and (h.bare or not h.form.startswith("#")):
            title = _title_under(blocks, texts, gaps, h.index + 1, taken, noisy, caps_only=h.bare)
            if title is not None:
                e.title = title
                rest = texts[h.index + 1].strip().split("\n")
                used = next((n for n in range(1, len(rest)) if " ".join(l.strip() for l in rest[:n]) == title), 0)
                if used:
                    b = blocks[h.index + 1]  # the title's lines leave the block; the rest stays
                    b.text = "\n".join(rest[used:])
                    set_line(b, starts[h.index + 1] + used)
                else:
                    e.title_block = h.index + 1
                    e.title, e.more_blocks = _title_goes_on(texts, gaps, h.index + 2, taken | at, title, h.bare)
                taken.add(h.index + 1)
                taken.update(e.more_blocks)
        entries.append(e)
    tops = [_block_of(e) for e in entries if e.level == 1]
    first_top, last_top = (min(tops), max(tops)) if tops else (len(blocks), -1)
    top_gaps = sorted(gaps[i] for i in tops)
    level1_gap = top_gaps[0] if top_gaps else 2
    typical_gap = top_gaps[len(top_gaps) // 2] if top_gaps else 2
    known = set(ctx.profile.front_titles) | set(ctx.profile.back_roles) | _BODY_TYPES
    # a list found by its entries alone names poems and pieces, not the book's divisions
    listed = {norm_title(it.title): it for it in items if it.number is None} if headed else {}
    # once the back matter has begun (an index, a glossary after the last chapter), a
    # title set off like the chapters' heads a division of it (`Transcriber's Notes`),
    # unless page breaks set paragraphs off as much
    seen: set[str] = set()
    back_from = len(texts)
    for i, text in enumerate(texts):
        if i in taken or "\n" in text.strip():
            continue
        t = norm_title(text)
        closing = (
            i > back_from and gaps[i] >= max(typical_gap, _SET_OFF) and gaps[i] not in noisy and i + 1 < len(texts)
        )
        if not t or t in seen or not (t in listed or t in known or closing):
            continue
        if gaps[i] < min(level1_gap, 3 if t not in listed else 2) or not _title_like(text):
            continue
        if i + 1 in at and first_top == i + 1 and t not in known:
            continue  # the half-title right before the first chapter
        e = Entry(None, text.strip(), None, starts[i], block=i)
        _classify(e, ctx)
        if first_top < i < last_top:
            if e.role == "back" and e.type == "notes":
                continue  # a chapter's own notes: text of the chapter, for the notes pass
            e.level, e.role, e.type = 2, "body", "section"  # an appendix to a chapter
        elif i < first_top:
            e.role = "front"  # before the first chapter: an introduction is front matter too
            if e.type == "chapter":
                e.type = "prefatory"
        elif e.type not in _CLOSING:
            # after the last chapter: an epilogue or conclusion goes on with the body,
            # a postscript, notes or an index are back matter
            e.role = "back"
            if e.type == "chapter" or e.type in _BODY_TYPES:
                e.type = e.type if e.type in _BODY_TYPES else "appendix"
        if e.role == "back" and i > last_top:
            back_from = min(back_from, i)
        seen.add(t)
        taken.add(i)
        entries.append(e)
    entries += _front_heads(texts, starts, gaps, taken, skip, first_top, {h.form for h in found}, ctx)
    entries.sort(key=_block_of)
    pieces = _set_off(entries, texts, starts, gaps, taken, top_gaps[-1] if top_gaps else 2, first_top)
    entries = sorted(pieces + entries, key=_block_of)
    listed_at: dict[int, int] = {}  # contents entry: the heading block found for it
    if items and pieces:
        entries, listed_at = _pieces_by_contents(entries, pieces, items, texts, starts, gaps, taken)
    by_block = {e.block: e for e in entries}
    listing = []
    unlabelled: dict[str, Entry] = {}
    for e in entries:
        if e.label is None:
            unlabelled.setdefault(norm_title(e.title), e)
    for k, it in enumerate(items):
        le = Entry(it.label, it.title, it.page, it.line, number=it.number)
        if it.number is not None:
            match = next((e for e in entries if e.level == 1 and e.number == it.number and e.label), None)
        else:
            match = unlabelled.get(norm_title(it.title)) or by_block.get(listed_at.get(k))
        le.block = match.block if match is not None else None
        if match is not None and match.label and it.title and norm_title(it.title) == norm_title(match.title):
            match.title = it.title  # the contents list sets titles in their own case
        if match is None:  # kept in the contents division all the same
            ctx.report.info(
                "contents-entry-not-found",
                it.line,
                "the contents list names this, but no heading in the text was read as its division",
                text=it.text,
            )
        listing.append(le)
    return entries, regions, listing


def _title_page_length(blocks) -> int:
    """How many blocks open the text as a title page would: each a single short line that
    ends no sentence, at most four, and prose right after them."""
    n = 0
    for b in blocks[:5]:
        line = (b.text or "").strip()
        if "\n" in line or not line or len(line) > 60 or line[-1] in ".!?:;,":
            break
        n += 1
    if n == 0 or n >= len(blocks) or n > 4:
        return 0
    return n


def apply(tei, ctx: Context):
    text = tei.find(q("text"))
    body = text.find(q("body"))
    blocks = children(body, "p")
    toc = find_toc(blocks)
    regions: list[tuple[int, int]] = []
    listing: list[Entry] = []
    if toc and any("\t" in (blocks[i].text or "") for i in range(toc[0], toc[1] + 1)):
        toc_first, toc_last, entries = toc
        regions = [(toc_first, toc_last)]
        for entry in entries:
            _classify(entry, ctx)
            for cell in entry.dropped:
                ctx.report.add(
                    "dropped-toc-cell",
                    entry.line,
                    "stray text in a table-of-contents line left out of the entry",
                    text=cell,
                )
        _locate(entries, blocks, toc_last + 1, ctx.report)
        ctx.contents = list(entries)  # listed in full, found or not: no entry is lost
        ctx.report.info("outline", line_of(blocks[toc_first]), f"table of contents with {len(entries)} entries")
    else:
        entries, regions, listing = _from_text(blocks, ctx)
        ctx.contents = listing
        for a, _b in regions:
            ctx.report.info("outline", line_of(blocks[a]), "contents list: its entries name the divisions")
        if not entries:
            ctx.report.add(
                "no-chapters", None, "no table of contents and no chapter headings: the whole text becomes one division"
            )
    entries = sorted([e for e in entries if e.block is not None], key=_block_of)
    if entries and not any(e.role == "body" for e in entries):
        # Only front or back matter headings (a text that starts with its Notes or an
        # Appendix): with no chapter to hang them on, the whole text is one body division
        # and those headings stay in it as text.
        ctx.report.add(
            "no-chapters",
            line_of(blocks[_block_of(entries[0])]),
            "no chapter heading: the whole text becomes one division; the headings "
            f"found ({', '.join(e.title for e in entries)}) are kept inside it",
        )
        entries = []
    ctx.outline = entries

    front, new_body, back = make("front"), make("body"), make("back")
    title_div = sub(front, "div", type="titlepage")
    consumed = set()
    toc_at = regions[0][0] if regions else None
    starts = {e.block: e for e in entries}
    current = title_div
    stack: list[tuple[int, etree._Element]] = []  # the open divisions, outermost first
    whole = sub(new_body, "div", type="chapter") if not entries else None
    # A text with no divisions still opens with its title page: the short lines set before
    # its first sentence (a title, "By" and the author) are the title page's, not the text's.
    title_lines = _title_page_length(blocks) if whole is not None else 0
    if whole is not None and not title_lines:
        current = whole
    for i, b in enumerate(blocks):
        if whole is not None and i == title_lines:
            current = whole
        if i == toc_at:  # the contents list, all its parts, where it stands
            toc_div = sub(front, "div", type="contents")
            for first, last in regions:
                for k in range(first, last + 1):
                    toc_div.append(blocks[k])
                    consumed.add(k)
            if contents.is_contents_heading(toc_div[0].text or ""):
                toc_div[0].tag = q("head")  # a list found by its entries alone has no heading
        if i in consumed:
            continue
        e = starts.get(i)
        if e is not None:
            while stack and stack[-1][0] >= e.level:
                stack.pop()
            if stack:
                parent = stack[-1][1]
            else:
                parent = {"front": front, "body": new_body, "back": back}[e.role]
            current = sub(parent, "div", type=e.type, line=line_of(b))
            stack.append((e.level if stack else 1, current))
            if e.number is not None:
                current.set("n", str(e.number))
            head = sub(current, "head", line=line_of(b))
            if e.label and not e.bare:
                sub(head, "label", e.label).tail = (" " + e.title) if e.title else None
            elif e.label:
                head.text = f"{e.label} {e.title}".strip()
            else:
                head.text = e.title
            e.div = current
            if e.title_block is not None:
                consumed.add(e.title_block)
            consumed.update(e.more_blocks)
            continue
        if len(stack) > 1 and "\n" not in (b.text or "").strip() and _is_notes_line(b.text or "", ctx):
            # a chapter's notes after its last section belong to the chapter
            del stack[1:]
            current = stack[0][1]
        current.append(b)
    for le in listing:  # the contents list's entries link to the divisions they name
        le.div = starts[le.block].div if le.block in starts else None
    if not len(new_body):
        # Nothing recognised as the body: the title-page blocks are all the text there is.
        div = sub(new_body, "div", type="chapter")
        for b in list(title_div):
            div.append(b)
    if len(title_div) == 0:
        front.remove(title_div)
    text.remove(body)
    if len(front):
        text.append(front)
    text.append(new_body)
    if len(back):
        text.append(back)
    _assign_ids(new_body)
    ctx.report.counts["chapters"] = len(children(new_body, "div"))
    return tei


def _is_notes_line(text: str, ctx: Context) -> bool:
    return ctx.profile.back_roles.get(norm_title(text)) == "notes"


def _assign_ids(body) -> None:
    """Each body division gets the id that names its document: ch01, part01, introduction, …"""
    seen: set[str] = set()
    for div in children(body, "div"):
        n = div.get("n")
        kind = div.get("type") or "div"
        if n and n.isdigit():  # parts and chapters are numbered apart: part01, ch01
            base = f"part{int(n):02d}" if kind == "part" else f"ch{int(n):02d}"
        else:
            base = kind
        div.set(XML_ID, unique_id(base, seen))
