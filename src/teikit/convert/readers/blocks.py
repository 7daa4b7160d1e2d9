"""TEI blocks as the structured readers build them: text added at the right place, spaces
tidied, blocks demoted for containers that take only some (an item, a cell, a note),
headings and divisions nested by level (`fill`), notes divisions left empty dissolved,
division types settled by depth, and links within a book resolved to the divisions they
name (the writer turns them into file names, as it does the contents' entries).
"""

from __future__ import annotations

import re

from lxml import etree

from ...tei import children, is_, local, make, q, sub
from .common import Unmapped

_WS = re.compile(r"\s+")
LINK = "teikit-link"  # an internal link's member#fragment, until resolve_links


def add_text(parent: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def tidy(el: etree._Element) -> etree._Element:
    """Collapse the spaces of a block's phrases and trim its ends (the source's layout is not text)."""
    for node in el.iter():
        if is_(node, "eg"):
            continue
        if node.text:
            node.text = _WS.sub(" ", node.text)
        if node.tail and node is not el:
            node.tail = _WS.sub(" ", node.tail)
    if el.text:
        el.text = el.text.lstrip() or None
    last = el
    while len(last) and not is_(last[-1], "note"):
        last = last[-1]
    if len(el) and is_(el[-1], "note"):
        if el[-1].tail:
            el[-1].tail = el[-1].tail.rstrip() or None
    elif last is el:
        if el.text:
            el.text = el.text.rstrip() or None
    elif len(el) and el[-1].tail:
        el[-1].tail = el[-1].tail.rstrip() or None
    return el


def as_blocks(item, allowed: tuple[str, ...]) -> list[etree._Element]:
    """Blocks for a container that takes only `allowed` ones (a list item, a cell): heads
    become paragraphs, divisions give their content, and other blocks are demoted."""
    kind = item[0]
    if kind == "head":
        out = []
        for h in item[2]:
            h.tag = q("p")
            out.append(h)
        return out
    if kind == "div":
        res = []
        for c in children(item[1]):
            res.extend(as_blocks(("head", 0, [c], None) if is_(c, "head") else ("block", c), allowed))
        return res
    return demote(item[1], allowed)


def demote(el: etree._Element, allowed: tuple[str, ...]) -> list[etree._Element]:
    """`el` as blocks of the `allowed` kinds, markup kept: a quotation's paragraphs become
    paragraphs `rend="quote"`, a stanza one paragraph with a line break between its lines,
    a list's items and a table's cells paragraphs of their own."""
    name = local(el)
    if name in allowed or "p" not in allowed:
        return [el]
    out: list[etree._Element] = []
    if name == "lg":
        p = make("p", rend="verse")
        for k, line in enumerate(children(el, "l")):
            if k:
                sub(p, "lb")
            add_text(p, line.text)
            p.extend(list(line))
        return [p]
    if name in ("quote", "list", "item", "table", "row", "cell", "figure"):
        loose = make("p", rend="quote") if name == "quote" else make("p")
        add_text(loose, el.text)
        for c in children(el):
            if local(c) in ("p", "lg", "quote", "list", "item", "table", "row", "cell", "figure", "eg", "milestone"):
                if (loose.text or "").strip() or len(loose):
                    out.append(tidy(loose))
                loose = make("p", rend="quote") if name == "quote" else make("p")
                for d in demote(c, allowed):
                    if name == "quote" and local(d) == "p" and not d.get("rend"):
                        d.set("rend", "quote")
                    out.append(d)
                add_text(loose, c.tail)
            elif local(c) in ("head", "label", "graphic", "figDesc"):
                if local(c) != "graphic":
                    c.tag = q("p")
                    c.attrib.clear()
                    out.append(c)
                add_text(loose, c.tail)
            else:
                loose.append(c)
        if (loose.text or "").strip() or len(loose):
            out.append(tidy(loose))
        return out
    if name == "bibl":  # where a bibliographic reference cannot stand: a paragraph that says what it was
        el.tag = q("p")
        el.set("rend", "bibl")
        return [el]
    if name in ("eg", "milestone"):
        p = make("p")
        p.text = "".join(el.itertext()) or None
        return [p] if p.text else []
    return [el]


def fill(div: etree._Element, items: list, own_head: bool) -> None:
    """Put items into `div`: its first heading (nothing before it) heads it; later headings
    open nested divisions by level; explicit divisions go where they stand."""
    stack: list[tuple[int, etree._Element]] = [(0, div)]
    for it in items:
        kind = it[0]
        if kind == "block":
            stack[-1][1].append(it[1])
        elif kind == "div":  # an explicit division belongs to the container, not to a heading's
            del stack[1:]
            stack[0][1].append(it[1])
        else:
            level, heads = it[1], it[2]
            if own_head and len(stack) == 1 and not len(div):
                div.extend(heads)
                stack[0] = (level, div)
                continue
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            new = make("div")
            new.extend(heads)
            stack[-1][1].append(new)
            stack.append((level, new))


def dissolve(divs: list, report) -> list:
    """Notes divisions left with nothing but their heading go; their notes are at their references."""
    out = []
    for d in divs:
        if d.get("teikit-notes") and _only_heads(d):
            heads = " / ".join("".join(h.itertext()).strip() for h in children(d, "head"))
            report.info("notes-division-dissolved", None, "every note is at its reference", text=heads)
            if d.getparent() is not None:  # out of any tree: a contents entry for it is text
                d.getparent().remove(d)
            continue
        out.append(d)
    return out


def _only_heads(div: etree._Element) -> bool:
    return all(is_(c, "head") or (is_(c, "div") and _only_heads(c)) for c in children(div))


def settle_types(div: etree._Element, depth: int, body: bool) -> None:
    if not div.get("type") or (depth == 0 and div.get("type") in ("section", "subsection")):
        div.set(
            "type", ("chapter" if body else "prefatory") if depth == 0 else "section" if depth == 1 else "subsection"
        )
    for c in children(div, "div"):
        settle_types(c, depth + 1, body)


def resolve_links(tree: etree._Element, where: dict, unmapped: Unmapped) -> None:
    """Links within the book: a `ref` to the division a link names (`where`: (member, id or
    None for the whole document) -> division), pointed at it the way the navigation pass
    points (the writer turns it into a file name); any other keeps its text only."""
    from ..navigation import ANCHOR, POINTER

    for k, ref in enumerate([el for el in tree.iter(q("ref")) if el.get(LINK) is not None]):
        member, _, frag = (ref.attrib.pop(LINK) or "").partition("#")
        target = where.get((member, frag or None))
        if target is None and not frag:
            target = where.get((member, None))
        if target is not None and _in_tree(target, tree):
            if target.get(ANCHOR) is None:
                target.set(ANCHOR, f"link-{k}")
            ref.set(POINTER, target.get(ANCHOR) or "")
            continue
        unmapped.add("links within the book to a place that is not a division", member, "kept as text")
        _unwrap(ref)


def _in_tree(el: etree._Element, tree: etree._Element) -> bool:
    return any(a is tree for a in el.iterancestors())


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    prev = el.getprevious()
    text = el.text or ""
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    for child in list(el):
        el.addprevious(child)
    last = el.getprevious()
    if el.tail:
        if last is not None:
            last.tail = (last.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
