"""Page furniture: remove running heads and lone page numbers.

A running head is recognised by the profile's patterns, or inferred: a line in
capitals that repeats (digits aside), or that repeats the book's title or a
division's title. Every removal is recorded in the report with its line.
"""

from __future__ import annotations

import re
from collections import Counter

from ..tei import text_of, xpath
from .context import Context, norm_title

_PAGE_NUMBER = re.compile(r"^\s*(\d{1,4}|[ivxlcdm]{1,7})\s*$")
_SKIP_DIVS = {"titlepage", "contents"}


def _caps(line: str) -> bool:
    """A short line mostly of capital letters (not a note like '- 2 PZ, 22.')."""
    s = line.strip()
    letters = sum(c.isalpha() for c in s)
    return (0 < len(s) <= 90 and letters >= 4 and letters >= 0.6 * len(s.replace(" ", ""))
            and not any(c.islower() for c in s) and "\t" not in s)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", norm_title(line))


def _blocks(tei):
    for b in xpath(tei, "//t:text/*/t:div//t:p"):
        div = b.getparent()
        while div.getparent() is not None and div.get("type") is None:
            div = div.getparent()
        if div.get("type") not in _SKIP_DIVS:
            yield b


def apply(tei, ctx: Context):
    blocks = list(_blocks(tei))
    titles = {norm_title(text_of(h)) for h in xpath(tei, "//t:div/t:head")}
    titles |= {norm_title(e.title) for e in ctx.outline}
    first = xpath(tei, "//t:div[@type='titlepage']/t:p[1]")
    if first:
        titles.add(norm_title(first[0].text.split("\n")[0]))
    shapes = Counter(_shape(l) for b in blocks for l in b.text.split("\n") if _caps(l))

    def furniture(line: str) -> str | None:
        s = line.strip()
        if any(p.search(s) for p in ctx.profile.running_heads):
            return "running_heads"
        if _PAGE_NUMBER.match(s):
            return "page_numbers"
        if _caps(s) and (norm_title(s) in titles or shapes[_shape(s)] >= 2):
            return "running_heads"
        return None

    for b in blocks:
        lines = b.text.split("\n")
        keep = []   # removed lines stay as empty lines so that line numbers hold
        for k, line in enumerate(lines):
            kind = furniture(line)
            if kind:
                ctx.report.counts[kind] += 1
                ctx.report.info("removed-" + kind.replace("_", "-").rstrip("s"), b.sourceline + k,
                                "removed page furniture", text=line.strip())
                keep.append("")
            else:
                keep.append(line)
        if not any(keep):
            b.getparent().remove(b)
        elif keep != lines:
            b.text = "\n".join(keep)
    return tei
