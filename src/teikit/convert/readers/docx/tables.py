"""Word tables as TEI tables: rows (`w:tblHeader` → `role="label"`), cells spanning
columns (`w:gridSpan` → `@cols`) and rows (`w:vMerge` → `@rows`, the text of a merged-away
cell kept in the cell it joins), a cell's blocks as paragraphs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ....tei import is_, make, sub
from ..blocks import add_text, demote
from . import paragraphs
from .parts import W

if TYPE_CHECKING:
    from .state import Reader


def table(r: Reader, tbl: etree._Element) -> etree._Element:
    out = make("table")
    pending: dict[int, etree._Element] = {}  # grid column -> cell a vertical merge continues
    for tr in tbl.iterchildren(W + "tr"):
        row = make("row")
        if tr.find(f"{W}trPr/{W}tblHeader") is not None:
            row.set("role", "label")
        col = 0
        for tc in tr.iterchildren(W + "tc"):
            pr = tc.find(W + "tcPr")
            span_el = pr.find(W + "gridSpan") if pr is not None else None
            span = int(span_el.get(W + "val", "1")) if span_el is not None else 1
            vm = pr.find(W + "vMerge") if pr is not None else None
            if vm is not None and vm.get(W + "val", "continue") == "continue" and col in pending:
                top = pending[col]
                top.set("rows", str(int(top.get("rows", "1")) + 1))
                extra = read_cell(r, tc)
                if "".join(extra.itertext()).strip():  # text in a merged-away cell: kept in the top one
                    add_text(top, " ")
                    add_text(top, extra.text)
                    top.extend(list(extra))
                col += span
                continue
            cell = read_cell(r, tc)
            if span > 1:
                cell.set("cols", str(span))
            if vm is not None:
                pending[col] = cell
            else:
                pending.pop(col, None)
            row.append(cell)
            col += span
        if len(row):
            out.append(row)
    if not len(out):
        sub(sub(out, "row"), "cell")
    return out


def read_cell(r: Reader, tc: etree._Element) -> etree._Element:
    cell = make("cell")
    saved, r.after = r.after, []
    blocks = paragraphs.plain_blocks(r, tc)
    r.after = saved
    flat: list = []
    for b in blocks:
        flat.extend(demote(b, ("p",)))
    if len(flat) == 1 and is_(flat[0], "p") and not flat[0].get("rend"):
        cell.text = flat[0].text
        cell.extend(list(flat[0]))
    else:
        cell.extend(flat)
    return cell
