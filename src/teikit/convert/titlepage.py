"""Title page: where the book's title is set, when the front matter opens with something else.

`outline` keeps the blocks before the first division as the title page. Many ebooks open
with something else: a transcriber's note, a publisher's catalogue of the series ("HISTORICAL
WORKS FOR SCHOOLS"), a half-title page and a frontispiece; the title page comes after them,
and its display lines (`THE`, `FRENCH REVOLUTION`, `1789–1795`, `BY`, the author) are often
read as headings of front divisions. When the distributor's wrapper names the book
(`ctx.wrapper`), the title page is where that title is set:

- the front matter is read block by block (heads and paragraphs, divisions in order); the
  title page starts at the first display block whose lines, read on line by line into the
  display blocks after it, spell the title or its part before a colon (letters and digits
  compared, case and a leading article ignored) — unless the title page `outline` kept
  already starts so, when nothing changes;
- it runs on over the display blocks after it (short blocks of short lines) to the end of
  their division; the first block of prose ends it;
- its title lines become one line (the title as printed over several lines), a lone `BY`
  joins the name under it, display lines lose the spaces that centred them, and the blocks
  move, in order, into the title-page division, placed where they stood (after what their
  division held before them: a half-title page, a frontispiece); a division left with no
  block is removed;
- what `outline` had kept as the title page stays front matter, as a prefatory division.

Every block is moved, none dropped; the move is reported (`title-page-found`). A book with
no wrapper, or whose title is not set in its front matter, is left as `outline` made it.
"""

from __future__ import annotations

import re

from lxml import etree

from ..context import Context
from ..tei import children, line_of, local, make, q

_ARTICLES = ("the", "a", "an")
_ARTICLE = re.compile(r"^(?:the|a|an)(?=[a-z0-9])")
_DISPLAY_LINE = 80  # a display line of a title page is short
_DISPLAY_LINES = 6  # and a display block holds few of them (an imprint: publisher, streets, cities, year)
_TITLE_BLOCKS = 6  # a title set over several blocks, one line each


def _fold(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _keys(title: str) -> list[str]:
    """The title, and its part before a colon or semicolon (a subtitle the page may set apart)."""
    short = re.split(r"[:;]", title, maxsplit=1)[0]
    return [k for k in dict.fromkeys(_ARTICLE.sub("", _fold(t)) for t in (title, short)) if k]


def _text(el) -> str:
    return "".join(el.itertext())


def _display(el) -> bool:
    lines = [line for line in _text(el).split("\n") if line.strip()]
    return 0 < len(lines) <= _DISPLAY_LINES and all(len(line.strip()) <= _DISPLAY_LINE for line in lines)


def _blocks(front) -> list[etree._Element]:
    """The front matter's heads and paragraphs, in reading order."""
    return [el for div in children(front, "div") for el in div if local(el) in ("head", "p")]


def _title_at(blocks: list, k: int, keys: list[str]) -> int:
    """How many blocks from `k` on spell the title line by line (0: they do not)."""
    for key in keys:
        spelt = ""
        for n, el in enumerate(blocks[k : k + _TITLE_BLOCKS], 1):
            if not _display(el):
                break
            for line in _text(el).split("\n"):
                spelt = _ARTICLE.sub("", spelt + _fold(line))
                if spelt in _ARTICLES:
                    continue  # "THE" set on a line of its own over the title
                if spelt.startswith(key):
                    return n
                if not key.startswith(spelt):
                    break
            else:
                continue
            break
    return 0


def _as_paragraph(el) -> etree._Element:
    if local(el) == "head":
        el.tag = q("p")
        for attr in ("type", "rend"):
            el.attrib.pop(attr, None)
    return el


def _trim_lines(el) -> None:
    """Display lines lose the spaces that centred them (their line breaks stay)."""
    if len(el) == 0 and el.text:
        el.text = "\n".join(line.strip() for line in el.text.strip().split("\n"))


def _one_line(el) -> None:
    """A title set over several lines, read as one."""
    if len(el) == 0 and el.text:
        el.text = " ".join(el.text.split())


def apply(tei, ctx: Context):
    title = ctx.wrapper.title if ctx.wrapper is not None else None
    front = tei.find(f"{q('text')}/{q('front')}")
    if not title or front is None:
        return tei
    keys = _keys(title)
    blocks = _blocks(front)
    if not keys or not blocks:
        return tei
    kept = next((d for d in children(front, "div") if d.get("type") == "titlepage"), None)
    if kept is not None and len(kept) and _title_at(blocks, 0, keys) and blocks[0].getparent() is kept:
        return tei
    found = next((k for k in range(len(blocks)) if _title_at(blocks, k, keys)), None)
    if found is None:
        return tei
    spans = _title_at(blocks, found, keys)
    home = blocks[found].getparent()
    page = [blocks[found + i] for i in range(spans)]
    for el in blocks[found + spans :]:
        if el.getparent() is not home or not _display(el):
            break
        page.append(el)
    new = make("div", type="titlepage")
    before = [el for el in home if local(el) in ("head", "p")].index(page[0])
    if before:  # a half-title page, a frontispiece first: the title page follows them
        home.addnext(new)
    else:
        home.addprevious(new)
    for el in page[:spans]:
        if any(k.startswith(_ARTICLE.sub("", _fold(_text(el)))) for k in keys):
            _one_line(el)  # all its lines are the title's
    for el in page:
        new.append(_as_paragraph(el))
        _trim_lines(el)
    _join_by(new)
    if kept is not None:
        kept.set("type", "prefatory")
        if not len(kept):
            kept.getparent().remove(kept)
    if not any(local(c) in ("p", "head") for c in home):
        for leftover in list(home):
            new.append(leftover)  # what the division held besides (a milestone) goes along
        home.getparent().remove(home)
    ctx.report.info(
        "title-page-found",
        line_of(page[0]),
        "the title page is where the book's title is set; what stands before it stays front matter",
        text=_text(page[0]).strip(),
    )
    return tei


def _join_by(div) -> None:
    """A lone "BY" above the author's name is one line with it ("BY BERTHA GARDINER")."""
    paras = children(div, "p")
    for a, b in zip(paras, paras[1:]):
        if _text(a).strip().lower() == "by" and len(a) == 0 and len(b) == 0 and b.text:
            b.text = "BY " + b.text.strip() if _text(a).strip().isupper() else "By " + b.text.strip()
            div.remove(a)
