"""Outline: find the book's divisions from its own table of contents.

The table of contents says which divisions exist, in which order, and what
they are called; the converter finds each one's heading in the text and cuts
the block stream there. Without a table of contents it falls back on headings
that say what they are (`Chapter 3`, `CHAPTER IV.`, `Notes`, `Index`).
Result: text/front, text/body and text/back holding typed <div>s, each with
its <head>; the blocks before the first division stay in a title-page div.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tei import XML_ID, children, line_of, make, q, sub
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
_BODY_TYPES = {"introduction", "conclusion", "prologue", "epilogue", "afterword", "postscript"}


@dataclass
class Entry:
    label: str | None
    title: str
    page: str | None
    line: int
    number: int | None = None
    block: object = None  # the heading block found in the text
    title_block: object = None  # a separate title block after a label-only heading
    role: str = "body"  # front, body, back
    type: str = "chapter"
    div: object = None  # the <div> made for it
    dropped: list = field(default_factory=list)  # stray cells of the contents line


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
        lines = [(line_of(b) + k + 1, l) for k, l in enumerate(rest)]
        j = i + 1
        if not lines and j < len(blocks):
            lines = [(line_of(blocks[j]) + k, l) for k, l in enumerate(blocks[j].text.split("\n"))]
            last = j
        for lineno, line in lines:
            e = _parse_toc_line(line, lineno)
            if e:
                e.number = _number(e.label)
                entries.append(e)
        if len(entries) >= 2:
            return i, last, entries
    return None


def _label_pattern(e: Entry) -> re.Pattern:
    word = e.label.split()[0]
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
        pat = _label_pattern(e)
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
                line_of(b),
                number=_number(label),
                block=i,
            )
            if not rest and i + 1 < len(blocks) and _looks_like_title(blocks[i + 1].text):
                e.title, e.title_block = blocks[i + 1].text.strip(), i + 1
            found.append(e)
            continue
        t = norm_title(text)
        if t in ctx.profile.back_roles or t in _BODY_TYPES or t in ctx.profile.front_titles:
            found.append(Entry(None, text, None, line_of(b), block=i))
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


def apply(tei, ctx: Context):
    text = tei.find(q("text"))
    body = text.find(q("body"))
    blocks = children(body, "p")
    toc = find_toc(blocks)
    if toc:
        toc_first, toc_last, entries = toc
        for e in entries:
            _classify(e, ctx)
            for cell in e.dropped:
                ctx.report.add(
                    "dropped-toc-cell",
                    e.line,
                    "stray text in a table-of-contents line left out of the entry",
                    text=cell,
                )
        _locate(entries, blocks, toc_last + 1, ctx.report)
        ctx.contents = list(entries)  # listed in full, found or not: no entry is lost
        ctx.report.info("outline", line_of(blocks[toc_first]), f"table of contents with {len(entries)} entries")
    else:
        toc_first = toc_last = None
        entries = _fallback_entries(blocks, ctx)
        for e in entries:
            _classify(e, ctx)
        if not entries:
            ctx.report.add(
                "no-chapters", None, "no table of contents and no chapter headings: the whole text becomes one division"
            )
    entries = sorted([e for e in entries if e.block is not None], key=lambda e: e.block)
    if entries and not any(e.role == "body" for e in entries):
        # Only front or back matter headings (a text that starts with its Notes or an
        # Appendix): with no chapter to hang them on, the whole text is one body division
        # and those headings stay in it as text.
        ctx.report.add(
            "no-chapters",
            line_of(blocks[entries[0].block]),
            "no chapter heading: the whole text becomes one division; the headings "
            f"found ({', '.join(e.title for e in entries)}) are kept inside it",
        )
        entries = []
    ctx.outline = entries

    front, new_body, back = make("front"), make("body"), make("back")
    title_div = sub(front, "div", type="titlepage")
    consumed = set()
    if toc:
        toc_div = sub(front, "div", type="contents")
        for i in range(toc_first, toc_last + 1):
            toc_div.append(blocks[i])
            consumed.add(i)
        toc_div[0].tag = q("head")
    starts = {e.block: e for e in entries}
    current = title_div
    if not entries:
        current = sub(new_body, "div", type="chapter")
    for i, b in enumerate(blocks):
        if i in consumed:
            continue
        e = starts.get(i)
        if e is not None:
            parent = {"front": front, "body": new_body, "back": back}[e.role]
            current = sub(parent, "div", type=e.type, line=line_of(b))
            if e.number is not None:
                current.set("n", str(e.number))
            head = sub(current, "head", line=line_of(b))
            if e.label:
                sub(head, "label", e.label).tail = (" " + e.title) if e.title else None
            else:
                head.text = e.title
            e.div = current
            if e.title_block is not None:
                consumed.add(e.title_block)
            continue
        current.append(b)
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
        ident, k = base, 2
        while ident in seen:
            ident, k = f"{base}-{k}", k + 1
        seen.add(ident)
        div.set(XML_ID, ident)
