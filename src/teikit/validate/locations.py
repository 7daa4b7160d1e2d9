"""Where a Schematron finding is, as a person looks for it: file, line and column of the
start tag of the element it names.

libxml2 records, for an element, the line on which its start tag ends (`sourceline`) and
no column. The start tag is found in the file's text instead: among the start tags of
that name (any prefix) that close on the recorded line, the element's is the one of the
same rank as the element among its namesakes recorded on that line, in document order.
Its line and column (1-based, in characters) are where its `<` stands, which for a start
tag spread over several lines is above the recorded one. When the text does not show the
tag where the tree says (a file changed since it was read), the recorded line is given
with column 0, never a guess.

An element that an XInclude brought in is found in the file it came from (the origin
attribute `documents` sets); its path is returned with it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from lxml import etree

from .documents import ORIGIN

_LOOK_BACK = 30  # lines a start tag may spread over, at most


@lru_cache(maxsize=64)
def _lines(path: str, stamp: float) -> tuple[str, ...]:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return tuple(fh.read().split("\n"))
    except OSError:
        return ()


def _file_lines(path: str) -> tuple[str, ...]:
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError:
        return ()
    return _lines(path, stamp)


def origin_of(el) -> str | None:
    """The file an XIncluded element came from (None: the validated file itself)."""
    for node in (el, *el.iterancestors()):
        found = node.get(ORIGIN)
        if found:
            return found
    return None


class Locator:
    """Start tags of one validated tree's elements; the tree is indexed once, on first use."""

    def __init__(self, tree):
        self.tree = tree
        self._by_line: dict[tuple[str, int, str], list] | None = None

    def _namesakes(self, el) -> list:
        if self._by_line is None:
            self._by_line = {}
            for e in self.tree.iter(etree.Element):
                key = (origin_of(e) or "", e.sourceline or 0, etree.QName(e).localname)
                self._by_line.setdefault(key, []).append(e)
        return self._by_line.get((origin_of(el) or "", el.sourceline or 0, etree.QName(el).localname), [])

    def start_tag(self, el, path: str) -> tuple[int, int]:
        """(line, column) of the start tag of `el` in the file at `path`; column 0 if not found."""
        recorded = el.sourceline or 0
        lines = _file_lines(path)
        if not recorded or recorded > len(lines):
            return recorded, 0
        # the namesakes of any namespace: the text shows prefixes, which the tree does not keep
        same = self._namesakes(el)
        rank = same.index(el) if el in same else 0
        first = max(0, recorded - _LOOK_BACK)
        text = "\n".join(lines[first:recorded])
        starts = [0]  # offset in `text` where each line begins
        for line in lines[first:recorded]:
            starts.append(starts[-1] + len(line) + 1)
        last_line = starts[-2]
        local = etree.QName(el).localname
        closing_here = [
            m.start()
            for m in re.finditer(rf"<(?:[\w.-]+:)?{re.escape(local)}(?=[\s/>])", text)
            if text.find(">", m.end()) < 0 or text.find(">", m.end()) >= last_line
        ]
        if rank >= len(closing_here):
            return recorded, 0
        at = closing_here[rank]
        k = max(i for i, s in enumerate(starts[:-1]) if s <= at)
        return first + k + 1, at - starts[k] + 1


def readable_path(el) -> str:
    """The element's path as `/TEI[1]/text[1]/body[1]/div[2]`: local names, each with its rank
    among the siblings of the same name (the form Saxon's path() gives, namespaces left out)."""
    steps = []
    for node in (el, *el.iterancestors()):
        parent = node.getparent()
        rank = 1 if parent is None else [c for c in parent if c.tag == node.tag].index(node) + 1
        steps.append(f"{etree.QName(node).localname}[{rank}]")
    return "/" + "/".join(reversed(steps))
