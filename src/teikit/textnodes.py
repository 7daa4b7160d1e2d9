"""Find-and-replace over the text of mixed content, turning matches into elements."""

from __future__ import annotations

import re
from typing import Callable

from lxml import etree

from .tei import local

Builder = Callable[[re.Match], "etree._Element | str | None"]


def _split(text: str, pattern: re.Pattern, build: Builder):
    """Return (leading text, [elements with tails]) or None when nothing changed."""
    pieces: list[tuple[str, etree._Element]] = []
    buf: list[str] = []
    pos = 0
    changed = False
    for m in pattern.finditer(text):
        made = build(m)
        if made is None:            # the builder declined: the match stays as text
            continue
        changed = True
        buf.append(text[pos:m.start()])
        pos = m.end()
        if isinstance(made, str):   # the builder rewrote the match as plain text
            buf.append(made)
            continue
        pieces.append(("".join(buf), made))
        buf = []
    if not changed:
        return None
    buf.append(text[pos:])
    rest = "".join(buf)
    if not pieces:
        return rest, []
    nodes = []
    for i, (_, node) in enumerate(pieces):
        node.tail = (pieces[i + 1][0] if i + 1 < len(pieces) else rest) or None
        nodes.append(node)
    return pieces[0][0], nodes


def substitute(el: etree._Element, pattern: re.Pattern, build: Builder,
               skip: tuple[str, ...] = ()) -> None:
    """Apply `build` to every match of `pattern` in the text nodes below `el`.

    Elements named in `skip` are not entered (their tails still are).
    """
    originals = list(el)
    if el.text:
        res = _split(el.text, pattern, build)
        if res:
            el.text, nodes = res
            for i, n in enumerate(nodes):
                el.insert(i, n)
    for child in originals:
        if isinstance(child.tag, str) and local(child) not in skip:
            substitute(child, pattern, build, skip)
        if child.tail:
            res = _split(child.tail, pattern, build)
            if res:
                child.tail, nodes = res
                idx = el.index(child)
                for i, n in enumerate(nodes, start=1):
                    el.insert(idx + i, n)


def append_text(el: etree._Element, text: str) -> None:
    """Append text at the end of an element's content."""
    if len(el):
        last = el[-1]
        last.tail = (last.tail or "") + text
    else:
        el.text = (el.text or "") + text


def merge_into(target: etree._Element, source: etree._Element, sep: str = " ") -> None:
    """Move the content of `source` to the end of `target`, joined by `sep`."""
    append_text(target, sep)
    append_text(target, source.text or "")
    for child in list(source):
        target.append(child)


def strip_end(el: etree._Element) -> None:
    """Remove trailing white space at the end of an element's content."""
    if len(el):
        last = el[-1]
        if last.tail:
            last.tail = last.tail.rstrip() or None
    elif el.text:
        el.text = el.text.rstrip()


def plain_end(el: etree._Element) -> str:
    """The text at the very end of an element's content (after its last child)."""
    if len(el):
        return el[-1].tail or ""
    return el.text or ""
