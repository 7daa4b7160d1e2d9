"""Figures: captions in the text and the book's list of figures, made to agree.

The list of figures knows every figure with its full caption and page; a
caption in the text may be cut short or missing. Each caption found becomes
<figure xml:id="figN"><head>…</head></figure> with the list's full wording; a
listed figure whose caption is not in the text is placed in the division its
page falls in, at the proportional position, and reported as estimated.

A caption may also end a running line: an OCR dump prints it where the page did, and the
paragraph goes on after the page ("… and I. A. Knyazev **Figure 6.** I. V. Stalin … were
implicated"). Such a caption is cut from the paragraph and its figure follows the
paragraph (reported as `caption-in-line`) when the list of figures gives that label the
same caption (or one it completes); a book without a list needs the label set in bold,
as such dumps set it, for running text that names a figure ("see Figure 6.") stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..tei import block_line, line_of, make, sub, xpath
from .context import Context

CAPTION = re.compile(
    r"^(?P<label>(?:Figure|Fig\.|Plate|Illustration|Map)\s+(?P<n>\d+)|Frontispiece)"
    r"\s*[.:]\s*(?P<caption>\S.*)$",
    re.I,
)

# What a caption's text (`CAPTION`) opens with, after any spaces and blank lines
_LABEL_FIRST = re.compile(r"\s*(?:Figure|Fig\.|Plate|Illustration|Map|Frontispiece)", re.I)


# A caption's label inside a running line, its bold marks (`**Figure 6.**`) kept or not
_LABEL_IN_LINE = re.compile(
    r"(?P<bold>\*\*)?(?P<label>(?:Figure|Fig\.|Plate|Illustration|Map)\s+(?P<n>\d+))"
    r"[.:]?(?(bold)\*\*)[.:]?\s+",
    re.I,
)
_LABEL_WORDS = ("figure", "fig.", "plate", "illustration", "map")  # `_LABEL_IN_LINE`'s, lower-cased
_CAPTION_MIN_WORDS = 3  # a label followed by fewer words is a reference, not a caption


@dataclass
class Listed:
    key: str  # "1", "2", … or "frontispiece"
    label: str
    caption: str
    page: str | None
    line: int
    found: bool = False


def _key(label: str, n: str | None) -> str:
    return n if n else label.lower()


def figure_id(key: str) -> str:
    return f"fig{key}" if key.isdigit() else key


def read_list(tei) -> dict[str, Listed]:
    """Entries of the front matter's list of figures (label TAB caption TAB page)."""
    listed: dict[str, Listed] = {}
    for b in xpath(tei, "//t:div[@type='figures']/t:p"):
        for k, line in enumerate(b.text.split("\n")):
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            if len(cells) < 2:
                m = re.match(r"^(.*?)[\s.]+(\d+|[ivxlc]+)$", line.strip())
                if not m:
                    continue
                lm = CAPTION.match(m.group(1).replace("\t", " "))
                if not lm:
                    continue
                cells = [lm.group("label"), lm.group("caption"), m.group(2)]
            label = cells[0]
            m = re.match(r"^(?:Figure|Fig\.|Plate|Illustration|Map)\s+(\d+)$|^Frontispiece$", label, re.I)
            if not m:
                continue
            page = cells[-1] if len(cells) >= 3 else None
            listed[_key(label, m.group(1))] = Listed(_key(label, m.group(1)), label, cells[1], page, block_line(b) + k)
    return listed


def make_figure(key: str, label: str, caption: str, line: int | None):
    fig = make("figure", line=line)
    fig.set("{http://www.w3.org/XML/1998/namespace}id", figure_id(key))
    if key.isdigit():
        fig.set("n", key)
    head = sub(fig, "head")
    sub(head, "label", label).tail = ". " + caption
    return fig


def caption_figure(block, listed: dict[str, Listed], ctx: Context):
    """The figure for a caption block, or None when the block is not a caption."""
    if not _LABEL_FIRST.match(block.text):
        return None  # no caption's label first: its lines are not joined to be matched
    text = " ".join(l.strip() for l in block.text.split("\n") if l.strip())
    m = CAPTION.match(text)
    if not m:
        return None
    key = _key(m.group("label"), m.group("n"))
    caption = m.group("caption").strip().rstrip(".")
    entry = listed.get(key)
    if entry:
        entry.found = True
        full = entry.caption.rstrip(".")
        if full != caption and full.startswith(caption):
            ctx.report.info(
                "caption-completed",
                line_of(block),
                f"caption of {m.group('label')} completed from the list of figures",
                text=full,
            )
            caption = full
    elif listed:
        ctx.report.add("figure-not-listed", line_of(block), f"{m.group('label')} is not in the list of figures")
    ctx.report.counts["figures"] += 1
    label = m.group("label")
    return make_figure(key, label[:1].upper() + label[1:], caption, line_of(block))


def _caption_of_line(rest: str, entry: Listed | None, bold: bool, listed: dict[str, Listed]) -> str | None:
    """The caption a line's rest after a label is, or None when it is running text."""
    rest = rest.strip().rstrip(".")
    if len(rest.split()) < _CAPTION_MIN_WORDS:
        return None
    if entry is not None:
        full = entry.caption.strip().rstrip(".")
        return full if not entry.found and full.startswith(rest) else None
    return rest if bold and not listed else None


def cut_caption_in_line(block, listed: dict[str, Listed], ctx: Context):
    """The figure of a caption that ends one of a paragraph's lines, cut from the block's
    text; None when no line ends with one."""
    low = (block.text or "").lower()
    if not any(word in low for word in _LABEL_WORDS):
        return None  # most paragraphs: a substring test, not the pattern tried at every place
    lines = (block.text or "").split("\n")
    for k, line in enumerate(lines):
        for m in _LABEL_IN_LINE.finditer(line):
            if not line[: m.start()].strip():
                continue  # a label opening the line: a caption block is `caption_figure`'s
            key = m.group("n")
            caption = _caption_of_line(line[m.end() :], listed.get(key), bool(m.group("bold")), listed)
            if caption is None:
                continue
            at = block_line(block) + k
            entry = listed.get(key)
            if entry is not None:
                entry.found = True
            lines[k] = line[: m.start()].rstrip()
            block.text = "\n".join(lines)
            label = m.group("label")
            ctx.report.counts["figures"] += 1
            ctx.report.info(
                "caption-in-line",
                at,
                f"the caption of {label} ends a running line; its figure follows the paragraph",
                text=caption,
            )
            return make_figure(key, label[:1].upper() + label[1:], caption, at)
    return None


def _page(value: str | None) -> int | None:
    if not value:
        return None
    return int(value) if value.isdigit() else None


def place_missing(listed: dict[str, Listed], ctx: Context) -> None:
    """Put listed figures whose caption the text lacks in the division their page falls in."""
    spans = []
    pages = [(e, _page(e.page)) for e in ctx.outline if getattr(e, "div", None) is not None]
    for k, (e, p) in enumerate(pages):
        if p is None:
            continue
        nxt = next((q for _, q in pages[k + 1 :] if q is not None), None)
        spans.append((e, p, nxt))
    for entry in listed.values():
        if entry.found:
            continue
        page = _page(entry.page)
        home = next(
            (
                (e, start, end)
                for e, start, end in spans
                if page is not None and start <= page and (end is None or page < end)
            ),
            None,
        )
        div = home[0].div if home is not None else None
        if page is None or home is None or home[0].role != "body" or not isinstance(div, etree._Element):
            ctx.report.add(
                "figure-not-placed",
                entry.line,
                f"{entry.label} is in the list of figures, but neither its caption "
                "nor its page could be found in the text; it stays in the list only",
                text=entry.caption,
            )
            continue
        e, start, end = home
        blocks = xpath(div, ".//t:p[not(ancestor::t:quote) and not(ancestor::t:note)]")
        frac = (page - start) / max(1, ((end or page + 1) - start))
        at = blocks[min(len(blocks) - 1, round(frac * len(blocks)))] if blocks else None
        fig = make_figure(entry.key, entry.label, entry.caption.rstrip("."), None)
        if at is not None:
            at.addnext(fig)
        else:
            div.append(fig)
        entry.found = True
        ctx.report.counts["figures"] += 1
        ctx.report.add(
            "figure-placed-by-page",
            entry.line,
            f"{entry.label}: its caption is not in the text; placed in '{e.title}' near "
            f"page {page} by proportion, check the position",
            text=entry.caption,
            where=e.title,
        )
