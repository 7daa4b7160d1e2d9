"""Header: the teiHeader from the title page and the imprint.

The title is the first line of the book (repeated on the title page, where the
subtitle and the author follow it); further lines of the title's block are
subtitles, and so is a short block after it. Publisher, places, dates and ISBNs
come from the imprint page. The title page becomes <titlePage> (titlePart
type="main" and type="sub", emphasis kept); a short block that opens with one of
the profile's dedication cues ("For my mother") becomes <div type="dedication">,
and a short block in quotation marks, or ending in an attribution line opened by
a dash ("— Psalm 107"), becomes <div type="epigraph">;
every other block of the title page stays in the front matter, in the imprint
div. No line of the title page is dropped, except a half-title that repeats the
title before it; a repeat after the author's line (the half-title over the text, after
a contents list) is not the title page and stays in the imprint div.

When the text came in an ebook distributor's wrapper (`ctx.wrapper`, read by the wrapper
pass), the wrapper's title, subtitles and author are the book's and the wrapper is
described in the teiHeader (`teikit.teiheader.Ebook`); the title page still gives the
<titlePage> and the imprint. A text without a title page and without a wrapper takes
its title from the file name, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..context import Context
from ..tei import children, line_of, make, q, sub, xpath
from ..teiheader import Book, Ebook, build_header
from .context import norm_title

_PUBLISHER = re.compile(
    r"\b(?:by\s+)?(?P<p>(?:[A-Z][\w&'.-]*\s+){0,4}(?:Press|Publishers|Publishing|Books|"
    r"Verlag|Éditions|University Press))\b",
    re.I,
)
_UK_PLACE = re.compile(r"(?:^|,\s*)(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_US_PLACE = re.compile(r"(?:^|,\s*)(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*[A-Z]{2}\s+\d{5}\b")
_ISBN = re.compile(
    r"ISBN(?:-1[03])?:?\s*(?P<isbn>(?:97[89][\s-]?)?\d[\d\s-]{8,14}[\dXx])\s*"
    r"(?:\((?P<q>[^)]*)\))?"
)
_EDITION_YEAR = re.compile(r"(?:this edition )?first published[^.]*?\b(?P<y>1[5-9]\d\d|20\d\d)\b", re.I)
_BY = re.compile(r"^by\s+", re.I)  # "By H. G. Wells" on a title page: the author's line
_QUOTES = "\"'‘“«„"
_NAME = re.compile(r"^(?:(?:[A-Z]\.\s*)+|[A-Z][a-z]+\s+)(?:[A-Z]\.\s*)*[A-Z][\w'-]+$")
# After "BY", a name however it is set: in capitals, with several given names ("BY / BERTHA
# MERITON GARDINER"), a comma after it ("BY LANGSTON PARKER,").
_NAME_AFTER_BY = re.compile(r"^(?:[A-Z][\w'’-]*\.?\s+){0,4}[A-Z][\w'’-]+,?$")


def _author(text: str) -> str | None:
    """The author's name on an author's line of a title page, or None."""
    name = " ".join(_BY.sub("", text).split())
    if _NAME.match(name) or (_BY.match(text) and _NAME_AFTER_BY.match(name)):
        return name.rstrip(",")
    return None


@dataclass
class Layout:
    """Where the title page's parts are: block indexes into the title page's blocks."""

    title: tuple = (0, 0)  # (block, line) of the main title
    subtitles: list = field(default_factory=list)  # (block, line)
    author: int | None = None
    specials: list = field(default_factory=list)  # (block, "dedication" or "epigraph")
    used: set = field(default_factory=set)  # blocks that are all title page
    halftitles: list = field(default_factory=list)  # blocks that only repeat the title


def _lines(text: str) -> list[str]:
    return [l.strip() for l in text.split("\n") if l.strip()]


def read_title_page(blocks: list[str], dedication_cues=()) -> tuple[Book, int, Layout]:
    """Read the book's description; returns it, how many blocks the title page spans, and
    which block and line holds each part."""
    book, lay = Book(), Layout()
    texts = [b.strip() for b in blocks]
    if not texts:
        return book, 0, lay
    book.title = _lines(texts[0])[0]
    want = norm_title(book.title)
    # a half-title that only repeats the title goes; one after the author's line ("by …")
    # is the half-title over the text, after the contents, and stays
    byline = next((i for i, t in enumerate(texts) if _BY.match(t) and _NAME.match(_BY.sub("", t))), len(texts))
    repeat = max((i for i, t in enumerate(texts[: min(8, byline)]) if norm_title(_lines(t)[0]) == want), default=0)
    for i in range(repeat):
        if norm_title(texts[i]) == want:
            lay.halftitles.append(i)
    lay.title = (repeat, 0)
    lay.used.add(repeat)
    lay.subtitles = [(repeat, k) for k in range(1, len(_lines(texts[repeat])))]
    end = repeat + 1

    def special(t: str) -> str | None:
        if len(t) < 150 and t.lower().startswith(tuple(dedication_cues)):
            return "dedication"
        lines = _lines(t)
        if (
            t
            and len(t) < 600
            and (t[:1] in _QUOTES or len(lines) > 1 and lines[-1][:1] in "—–-" and len(lines[-1]) < 80)
        ):
            return "epigraph"
        return None

    def take_specials() -> None:
        nonlocal end
        while end < len(texts) and special(texts[end]):
            lay.specials.append((end, special(texts[end])))
            end += 1

    take_specials()
    if (
        end < len(texts)
        and not lay.subtitles
        and len(texts[end]) < 150
        and not _PUBLISHER.search(texts[end])
        and not _author(texts[end])
    ):
        lay.subtitles = [(end, k) for k in range(len(_lines(texts[end])))]
        lay.used.add(end)
        end += 1
    take_specials()
    if end < len(texts) and _author(texts[end]):
        book.author = _author(texts[end])
        lay.author = end
        lay.used.add(end)
        end += 1
    take_specials()
    book.subtitles = [_lines(texts[b])[k] for b, k in lay.subtitles]
    imprint = " ".join(texts[end:])
    m = re.search(r"^(?P<p>.+?)\s+An imprint of\s+(?P<o>.+?)(?:\s+www\.|\s*$)", texts[end] if end < len(texts) else "")
    if m:
        book.publisher, book.imprint_of = m.group("p").strip(), m.group("o").strip()
    else:
        pm = _PUBLISHER.search(imprint)
        book.publisher = pm.group("p").strip() if pm else None
    for rx in (_UK_PLACE, _US_PLACE):
        for pm in rx.finditer(imprint):
            if pm.group("city") not in book.places:
                book.places.append(pm.group("city"))
    years = [m.group("y") for m in _EDITION_YEAR.finditer(imprint)]
    if years:
        book.date = years[0]
        book.first_published = min(years) if min(years) != years[0] else None
    else:
        c = re.search(r"(?:©|Copyright)[^.\n]*?\b(1[5-9]\d\d|20\d\d)\b", imprint)
        book.date = c.group(1) if c else None
    for im in _ISBN.finditer(imprint):
        isbn = re.sub(r"\s+", " ", im.group("isbn")).strip()
        if all(isbn != i for i, _ in book.isbns):
            book.isbns.append((isbn, (im.group("q") or "").strip()))
    return book, end, lay


def _line_contents(p) -> list[list]:
    """A block's content cut at its line breaks, markup kept: per line, strings and
    copies of the elements (emphasis made by the inline pass) on it."""
    lines: list[list] = [[]]

    def add(text: str | None) -> None:
        for k, piece in enumerate((text or "").split("\n")):
            if k:
                lines.append([])
            if piece:
                lines[-1].append(piece)

    add(p.text)
    for child in p:
        el = etree.fromstring(etree.tostring(child, with_tail=False))
        lines[-1].append(el)
        add(child.tail)
    return [l for l in lines if "".join(x if isinstance(x, str) else "".join(x.itertext()) for x in l).strip()]


def _fill(el, items: list, sep: str = ""):
    """Give `el` the mixed content `items` (strings and elements), trimmed at both ends."""
    for k, x in enumerate(items):
        if isinstance(x, str):
            x = (sep if k else "") + x
            if len(el):
                el[-1].tail = (el[-1].tail or "") + x
            else:
                el.text = (el.text or "") + x
        else:
            el.append(x)
    if el.text:
        el.text = el.text.lstrip() or None
    last = el[-1] if len(el) else None
    if last is not None and last.tail:
        last.tail = last.tail.rstrip() or None
    elif last is None and el.text:
        el.text = el.text.rstrip()
    return el


def _join_lines(p) -> None:
    """A block's lines become one paragraph (markup kept)."""
    if p.text:
        p.text = " ".join(l.strip() for l in p.text.split("\n") if l.strip())
    for child in p:
        if child.tail and "\n" in child.tail:
            child.tail = re.sub(r"\s*\n\s*", " ", child.tail)


def _plain(p) -> str:
    return "".join(p.itertext())


def _from_wrapper(book: Book, ebook: Ebook) -> None:
    """The wrapper names the book as its distributor catalogued it: its title, subtitles
    and author stand over the title page's (whose lines stay in <titlePage>)."""
    book.ebook = ebook
    if ebook.title:
        if norm_title(ebook.title) != norm_title(book.title):
            book.subtitles = list(ebook.subtitles)
        else:
            book.subtitles = list(ebook.subtitles) or book.subtitles
        book.title = ebook.title
    if ebook.author:
        book.author = ebook.author


def apply(tei, ctx: Context):
    title_div = xpath(tei, "//t:text/t:front/t:div[@type='titlepage']")
    book = Book()
    if ctx.metadata is not None:  # a structured reader read the file's own metadata
        book = ctx.metadata
    elif title_div and children(title_div[0], "p"):  # a title page a later pass emptied is none
        div = title_div[0]
        blocks = children(div, "p")
        book, _, lay = read_title_page([_plain(b) for b in blocks], ctx.profile.dedication_cues)
        front = div.getparent()
        tp = make("titlePage")
        dt = sub(tp, "docTitle")
        contents = {i: _line_contents(blocks[i]) for i in lay.used | {lay.title[0]}}
        b, k = lay.title
        _fill(sub(dt, "titlePart", type="main"), contents[b][k])
        for b, k in lay.subtitles:
            _fill(sub(dt, "titlePart", type="sub"), contents[b][k])
        if lay.author is not None:
            _fill(sub(tp, "docAuthor"), [x for line in contents[lay.author] for x in line], " ")
        front.insert(0, tp)
        at = 1
        for i, kind in lay.specials:
            ded = make("div", type=kind)
            b = blocks[i]
            div.remove(b)
            _join_lines(b)
            ded.append(b)
            front.insert(at, ded)
            at += 1
            ctx.report.info(kind, line_of(b), f"title-page block kept as the {kind}", text=_plain(b))
        # the title page's own lines are in <titlePage>; the rest is the imprint page
        for i in sorted(lay.used | set(lay.halftitles)):
            div.remove(blocks[i])
        for b in children(div, "p"):
            _join_lines(b)
        div.set("type", "imprint")
        if not len(div):
            front.remove(div)
    elif ctx.source and ctx.wrapper is None:
        book.title = ctx.source.stem.replace("-", " ").title()
        ctx.report.add(
            "no-title-page", None, "no title page before the first division: the title is taken from the file name"
        )
    if ctx.wrapper is not None:
        _from_wrapper(book, ctx.wrapper)
    ctx.book = book
    old = tei.find(q("teiHeader"))
    tei.replace(old, build_header(book, ctx))
    return tei
