"""Find-and-replace over the text of mixed content, turning matches into elements.

Time is linear in the size of the content: new elements are linked in after the
node whose text they come from (lxml's addnext, constant time), never placed by
index (`index()` and `insert(i)` walk the children, which made a long paragraph with
many matches quadratic).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

from lxml import etree

from .tei import local

Builder = Callable[[re.Match], "etree._Element | str | None"]


class Finds(Protocol):
    """A compiled pattern, or anything that finds matches as its `finditer` does."""

    def finditer(self, string: str, /) -> Iterator[Any]: ...


def _split(text: str, pattern: Finds, build: Builder):
    """Return (leading text, [elements with tails]) or None when nothing changed."""
    pieces: list[tuple[str, etree._Element]] = []
    buf: list[str] = []
    pos = 0
    changed = False
    for m in pattern.finditer(text):
        made = build(m)
        if made is None:  # the builder declined: the match stays as text
            continue
        changed = True
        buf.append(text[pos : m.start()])
        pos = m.end()
        if isinstance(made, str):  # the builder rewrote the match as plain text
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


def _link_after(el: etree._Element, anchor: etree._Element | None, nodes: list) -> None:
    """Put `nodes` (with their tails) right after `anchor`, or first in `el` when None."""
    if not nodes:
        return
    if anchor is None:
        el.insert(0, nodes[0])
    else:
        anchor.addnext(nodes[0])
    for prev, node in zip(nodes, nodes[1:]):
        prev.addnext(node)


def substitute(el: etree._Element, pattern: Finds, build: Builder, skip: tuple[str, ...] = ()) -> None:
    """Apply `build` to every match of `pattern` in the text nodes below `el`.

    Elements named in `skip` are not entered (their tails still are).
    """
    _substitute(el, pattern, build, skip, {})


def _substitute(el: etree._Element, pattern: Finds, build: Builder, skip: tuple[str, ...], enters: dict) -> None:
    # `enters`: whether an element of each tag is entered, decided once per tag (see `_wrap`)
    originals = list(el)
    if el.text:
        res = _split(el.text, pattern, build)
        if res:
            el.text, nodes = res
            _link_after(el, None, nodes)
    for child in originals:
        tag = child.tag
        enter = enters.get(tag)
        if enter is None:
            enter = enters[tag] = isinstance(tag, str) and local(child) not in skip
        if enter:
            _substitute(child, pattern, build, skip, enters)
        if child.tail:
            res = _split(child.tail, pattern, build)
            if res:
                child.tail, nodes = res
                _link_after(el, child, nodes)


Finder = Callable[[str], "list[tuple[int, int, etree._Element]]"]


def wrap(el: etree._Element, find: Finder, skip: tuple[str, ...] = ()) -> None:
    """Wrap the spans `find` reports in each text node below `el`, in document order.

    `find(text)` returns sorted, non-overlapping (start, end, element) triples; an
    element left empty receives the text it spans. Elements named in `skip` are not
    entered (their tails still are).
    """
    _wrap(el, find, skip, {})


def _wrap(el: etree._Element, find: Finder, skip: tuple[str, ...], enters: dict) -> None:
    # `enters`: whether an element of each tag is entered, decided once per tag of the walk
    # (the marking passes walk every element of the book)
    # (Each text is read from lxml once, and set once: each read and each setting converts
    # the whole text node between lxml's UTF-8 and a Python string.)
    originals = list(el)
    text = el.text
    if text:
        spans = find(text)
        if spans:
            _cut(el, None, text, spans, None)
    for child in originals:
        tag = child.tag
        enter = enters.get(tag)
        if enter is None:
            enter = enters[tag] = isinstance(tag, str) and local(child) not in skip
        if enter:
            if len(child):
                _wrap(child, find, skip, enters)
            else:  # a leaf (a verse line, a word set in italics): its one text, without a call
                text = child.text
                if text:
                    spans = find(text)
                    if spans:
                        _cut(child, None, text, spans, None)
        text = child.tail
        if text:
            spans = find(text)
            if spans:
                _cut(el, child, text, spans, None)


def _cut(parent: etree._Element, child: Any, text: str, spans, slots: list | None) -> None:
    """Wrap `spans` (sorted, non-overlapping (start, end, element); one that overlaps the span
    before it is left out, its words staying in the marks before; an element left empty
    takes the text it spans, and the text after it as tail) in the text node (parent, child)
    holding `text`; with `slots`, the text nodes left (what is left before the first element,
    then each element's tail) are added to it as slots. (One walk of the spans: the wrapping
    passes cut thousands of text nodes, most for one mark.) Each element is linked before its
    text and tail are set: set before, they were made in the element's own document (a copy's,
    `tei.make_in`) and moved into the tree's with it (linked first, the cut took 2-8 % less,
    as timed on the bundled book's text nodes)."""
    start, end, node = spans[0]
    lead = text[:start] or None
    if child is None:
        parent.insert(0, node)  # (before the first element: after the text, set next)
        parent.text = lead
    else:
        child.addnext(node)  # (after the child's tail, set next)
        child.tail = lead
    if slots is not None and lead is not None:
        slots.append((parent, child, lead))
    if node.text is None and not len(node):
        node.text = text[start:end]
    if len(spans) > 1:
        # Each element's tail runs to the next span's start: set once the next element is
        # linked after it (an element linked goes after the tail of the one it follows).
        for start, next_end, next_node in spans[1:]:
            if start < end:  # over the span before: never write its words twice; the words stay its
                continue
            node.addnext(next_node)
            tail = text[end:start] or None
            node.tail = tail
            if slots is not None and tail is not None:
                slots.append((parent, node, tail))
            node, end = next_node, next_end
            if node.text is None and not len(node):
                node.text = text[start:end]
    tail = text[end:] or None
    node.tail = tail
    if slots is not None and tail is not None:
        slots.append((parent, node, tail))


# A text node as a place in the tree, with its text: (its element, None, the text) for the
# element's text, (the parent, the child, the text) for the child's tail. The text is the
# node's while only `wrap_slots` changes it (which brings the slot up to date).
Slot = tuple[etree._Element, Any, str]


def text_slots(el: etree._Element, skip: tuple[str, ...] = ()) -> list[Slot]:
    """The text nodes `wrap(el, find, skip)` would hand to `find`, in its order, as slots:
    for passes that mark the same text one after another (`wrap_slots`), without walking
    every element of the tree, nor reading each text from it, for each. Empty text nodes are
    left out, as `wrap` leaves them."""
    out: list[Slot] = []
    _text_slots(el, skip, {}, out)
    return out


def _text_slots(el: etree._Element, skip: tuple[str, ...], enters: dict, out: list[Slot]) -> None:
    # the walk of `_wrap`, element for element (its test of each tag, decided once per tag)
    text = el.text
    if text:
        out.append((el, None, text))
    for child in el:
        tag = child.tag
        enter = enters.get(tag)
        if enter is None:
            enter = enters[tag] = isinstance(tag, str) and local(child) not in skip
        if enter:
            _text_slots(child, skip, enters, out)
        text = child.tail
        if text:
            out.append((el, child, text))


def wrap_slots(found: list[Slot], find: Finder) -> None:
    """`wrap` over the text nodes `found` lists (`text_slots`), in their order; the list is
    brought up to date in place: a wrapped text node gives way to what is left of it and to
    the tails of the elements made, so the list stays that of the tree's text nodes (the
    elements made are not entered: they are among those `text_slots` skipped). The tree's
    text nodes must not have changed otherwise since the list was made."""
    out: list[Slot] = []
    keep = out.append
    for slot in found:
        parent, child, text = slot
        spans = find(text)
        if spans:
            _cut(parent, child, text, spans, out)
        else:
            keep(slot)
    found[:] = out


def wrap_slots_only(found: list[Slot], find: Finder, visit: list[int]) -> None:
    """`wrap_slots(found, find)` for a `find` that gives nothing, and changes nothing, for the
    text nodes of `found` but those at the indexes `visit` (in order): only those are handed
    to it, in their order, each wrapped as soon as its spans are given; the others are kept by
    copying runs of the list."""
    out: list[Slot] = []
    done = 0  # the slots before it are in `out`
    for k in visit:
        parent, child, text = found[k]
        spans = find(text)
        if spans:
            out += found[done:k]
            _cut(parent, child, text, spans, out)
            done = k + 1
    if done:
        out += found[done:]
        found[:] = out


def wrap_slots_at(found: list[Slot], spans: Mapping[int, list]) -> None:
    """`wrap_slots(found, find)` for a `find` that gives `spans[k]` for the k-th text node
    of `found` and nothing for the others, its spans made already: only the text nodes
    marked are visited, the others kept by copying runs of the list (a pass whose names
    stand in a few of a book's tens of thousands of text nodes made a call for each)."""
    if not any(spans.values()):
        return
    out: list[Slot] = []
    done = 0  # the slots before it are in `out`
    for k in sorted(spans):
        cuts = spans[k]
        if not cuts:
            continue
        out += found[done:k]
        parent, child, text = found[k]
        _cut(parent, child, text, cuts, out)
        done = k + 1
    out += found[done:]
    found[:] = out


def texts(el: etree._Element, skip: tuple[str, ...] = ()) -> Iterator[str]:
    """The text nodes below `el` in document order, without those inside `skip` elements."""
    if not skip:  # lxml's walk in C gives the same text nodes (and empty ones, left out)
        return filter(None, el.itertext())
    return _texts(el, skip)


def _texts(el: etree._Element, skip: tuple[str, ...]) -> Iterator[str]:
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and local(child) not in skip:
            yield from _texts(child, skip)
        if child.tail:
            yield child.tail


def preceding_text(el: etree._Element) -> str:
    """The text right before `el` inside its parent: the previous sibling's tail, else the
    parent's own text ("" for none)."""
    before = el.getprevious()
    return (before.tail if before is not None else el.getparent().text) or ""


def set_preceding_text(el: etree._Element, text: str) -> None:
    """Make `text` the text right before `el` inside its parent (see `preceding_text`)."""
    before = el.getprevious()
    if before is not None:
        before.tail = text
    else:
        el.getparent().text = text


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
