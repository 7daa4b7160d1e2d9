"""Shortcuts of issue 14's round 6 in the marking step the name passes share, each against
the plain form it stands for, on real text.

`textnodes._cut` links each element before it sets the element's text and tail (set before,
they were made in the element's own document and moved with it): on the text nodes of the
bundled edition's chapters, cut at every capitalised word (an element now and then given its
text or a child already, which it keeps, or a tail, which it loses), the tree and the slots
left are those of the plain form, which sets the texts first.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from lxml import etree

from conftest import EDITION
from teikit.enrich import matching
from teikit.tei import make_in, q
from teikit.textnodes import _cut, text_slots

CHAPTERS = sorted(EDITION.glob("ch*.xml"))[:4]
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")


def _cut_plainly(parent: etree._Element, child: Any, text: str, spans, slots: list | None) -> None:
    """`_cut` as it was: each element's text and tail set, then the element linked."""
    start, end, node = spans[0]
    lead = text[:start] or None
    if child is None:
        parent.text = lead
    else:
        child.tail = lead
    if slots is not None and lead is not None:
        slots.append((parent, child, lead))
    if node.text is None and not len(node):
        node.text = text[start:end]
    anchor = child
    for start, next_end, next_node in spans[1:]:
        tail = text[end:start] or None
        node.tail = tail
        if anchor is None:
            parent.insert(0, node)
        else:
            anchor.addnext(node)
        if slots is not None and tail is not None:
            slots.append((parent, node, tail))
        anchor, node, end = node, next_node, next_end
        if node.text is None and not len(node):
            node.text = text[start:end]
    tail = text[end:] or None
    node.tail = tail
    if anchor is None:
        parent.insert(0, node)
    else:
        anchor.addnext(node)
    if slots is not None and tail is not None:
        slots.append((parent, node, tail))


def _marked(path, cut) -> tuple[bytes, list]:
    """The chapter at `path` with every capitalised word of its running text wrapped by `cut`
    (every seventh element holding a text of its own, every eleventh a child, every thirteenth
    a tail), and the slots left, as paths."""
    tei = etree.parse(str(path)).getroot()
    out: list = []
    made = 0
    for region in matching.regions(tei):
        for parent, child, text in text_slots(region, matching.SKIP):
            spans = []
            for m in _CAPITALISED.finditer(text):
                made += 1
                el = make_in(tei, "placeName", ref=f"places.xml#p{made % 5}")
                if made % 7 == 0:
                    el.text = "given"
                elif made % 11 == 0:
                    etree.SubElement(el, q("hi")).tail = "after a child"
                if made % 13 == 0:
                    el.tail = "a tail of its own"
                spans.append((m.start(), m.end(), el))
            if spans:
                cut(parent, child, text, spans, out)
            else:
                out.append((parent, child, text))
    tree = tei.getroottree()
    return etree.tostring(tei), [
        (tree.getpath(parent), None if child is None else tree.getpath(child), text) for parent, child, text in out
    ]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_linking_before_setting_the_texts_cuts_as_setting_them_first(path):
    marked = _marked(path, _cut)
    assert marked == _marked(path, _cut_plainly)
    assert marked[0].count(b"<placeName") > 100  # (a chapter's capitalised words: hundreds)
