"""Figures: captions in the text and the book's list of figures, made to agree.

The list of figures knows every figure with its full caption and page; a
caption in the text may be cut short or missing. Each caption found becomes
<figure xml:id="figN"><head>…</head></figure> with the list's full wording; a
listed figure whose caption is not in the text is placed in the division its
page falls in, at the proportional position, and reported as estimated.
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
