"""Page furniture: remove running heads and lone page numbers.

A running head is recognised by the profile's patterns, or inferred: a line in
capitals that repeats the book's title or a division's title; a line in capitals
that repeats (digits aside) in page rhythm (`pages.in_rhythm`); a line in
capitals carrying the page number the page sequence expects there
(`20 SYPHILITIC DISEASES.`, the sequence read from `pages.page_numbers`); a line
in capitals alone beside a page number, the page's text going on in lower case
after the two (a page's own running head, printed once: `IODIDE OF MERCURY.` over
page 199; a heading there would start a sentence). A number alone on its line is
a page number, unless numbers alone go up faster than pages can
(`pages.listed_numbers`: the years of a chronology) or is higher than the book can
have pages (`pages.beyond_the_book`); a year heading a group of poems is a
heading, taken by the outline before this pass runs. A lone
roman numeral is a page number only when it is one (canonical, at most cc),
stands alone between blank lines where page numbers stand, and has a neighbour
in sequence (xi after x) — so that `did`, `mix` or a lone `x` in running text
are kept. Headings the outline made are never furniture (they are no longer
text). Every removal is recorded in the report with its line; then words broken
across line ends are rejoined (`hyphenation`).
"""

from __future__ import annotations

import re

from ..tei import children, line_of, q, text_of, xpath
from . import hyphenation, pages
from .blocks import starts_lower
from .context import Context, norm_title, roman_to_int

_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_ROMAN_LINE = re.compile(r"^\s*([ivxlcdm]{1,7})\s*$")  # lower case, as roman pages are printed
_ROMAN_MAX = 200  # front matter is never paged past cc
_ROMAN_STEP = 40  # two roman page numbers at most this many pages apart
_SKIP_DIVS = {"titlepage", "contents"}


def _caps(line: str) -> bool:
    """A short line mostly of capital letters (not a note like '- 2 PZ, 22.')."""
    s = line.strip()
    if not 0 < len(s) <= 90 or s != s.upper():  # before counting letters: cheap refusals
        return False
    letters = sum(c.isalpha() for c in s)
    return (
        0 < len(s) <= 90
        and letters >= 4
        and letters >= 0.6 * len(s.replace(" ", ""))
        and not any(c.islower() for c in s)
        and "\t" not in s
    )


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", norm_title(line))


def _int_to_roman(n: int) -> str:
    out = ""
    for value, letters in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _roman_page_blocks(blocks) -> set:
    """The blocks that are roman page numbers: alone between blank lines, canonical
    numerals, and each in sequence with the one before or after it."""
    found = []
    for b in blocks:
        m = _ROMAN_LINE.match(b.text or "")
        if m and "\n" not in b.text.strip():
            s = m.group(1).lower()
            v = roman_to_int(s)
            if v and v <= _ROMAN_MAX and _int_to_roman(v) == s:
                found.append((b, v))
    pages = set()
    for k, (b, v) in enumerate(found):
        before = found[k - 1][1] if k else None
        after = found[k + 1][1] if k + 1 < len(found) else None
        if (before is not None and 0 < v - before <= _ROMAN_STEP) or (
            after is not None and 0 < after - v <= _ROMAN_STEP
        ):
            pages.add(b)
    return pages


def _heads_beside_page_numbers(blocks, page_of: dict[int, int]) -> set[int]:
    """Source lines of a page's own running head, printed once and so out of any rhythm
    (`IODIDE OF MERCURY.` over page 199): a line in capitals alone in its block, next to a
    page number with only blank lines between, the page's text going on in lower case
    right after the two (the sentence the page break cut; a heading would start one)."""
    text_lines: list[tuple[int, str, bool]] = []  # (source line, text, alone in its block)
    for b in blocks:
        lines = [(k, l.strip()) for k, l in enumerate(b.text.split("\n")) if l.strip()]
        text_lines.extend(((line_of(b) or 0) + k, l, len(lines) == 1) for k, l in lines)
    found = set()
    for k, (n, text, alone) in enumerate(text_lines):
        if not (alone and _caps(text)):
            continue
        for j in (k - 1, k + 1):  # the page number under the head, or over it
            after = max(k, j) + 1
            if (
                0 <= j < len(text_lines)
                and text_lines[j][0] in page_of
                and after < len(text_lines)
                and starts_lower(text_lines[after][1])
            ):
                found.add(n)
    return found


def _blocks(tei):
    # walked with iter(), not the XPath //t:div//t:p: libxml2 merges the node sets of
    # the many divisions with a duplicate check that made a large book quadratic
    text = tei.find(q("text"))
    parts = children(text) if text is not None else []
    for b in (p for part in parts for div in children(part, "div") for p in div.iter(q("p"))):
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
    numbered = [((line_of(b) or 0) + k, l) for b in blocks for k, l in enumerate(b.text.split("\n"))]
    returns: dict[str, list[int]] = {}
    for n, l in numbered:
        if _caps(l):
            returns.setdefault(_shape(l), []).append(n)
    rhythm = {shape for shape, at in returns.items() if pages.in_rhythm(at)}
    page_of = pages.page_numbers(numbered)
    listed = pages.listed_numbers(numbered)
    total_lines = ctx.report.counts.get("source_lines") or len(numbered)
    keys = sorted(page_of)
    roman_pages = _roman_page_blocks(blocks)
    page_heads = _heads_beside_page_numbers(blocks, page_of)

    def head(s: str, n: int) -> bool:
        if not _caps(s):
            return False
        return norm_title(s) in titles or _shape(s) in rhythm or pages.numbered_head(s, page_of, n, keys)

    def furniture(line: str, n: int) -> str | None:
        s = line.strip()
        if ctx.profile.running_heads.search(s):  # time-bounded: see profile.Patterns
            return "running_heads"
        if _PAGE_NUMBER.match(s):
            if n in listed or pages.beyond_the_book(int(s), total_lines):
                return None
            return "page_numbers"
        if head(s, n) or n in page_heads:
            return "running_heads"
        return None

    for b in blocks:
        lines = b.text.split("\n")
        keep = []  # removed lines stay as empty lines so that line numbers hold
        for k, line in enumerate(lines):
            kind = "page_numbers" if b in roman_pages else furniture(line, (line_of(b) or 0) + k)
            if kind:
                ctx.report.counts[kind] += 1
                ctx.report.info(
                    "removed-" + kind.replace("_", "-").rstrip("s"),
                    (line_of(b) or 0) + k,
                    "removed page furniture",
                    text=line.strip(),
                )
                keep.append("")
            else:
                keep.append(line)
        if not any(keep):
            b.getparent().remove(b)
        elif keep != lines:
            b.text = "\n".join(keep)
    hyphenation.rejoin([b for b in blocks if b.getparent() is not None], ctx)
    return tei
