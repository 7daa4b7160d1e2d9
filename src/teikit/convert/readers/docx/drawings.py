"""Word drawings: an image (`a:blip`, VML `v:imagedata`) → `figure`/`graphic`, the media
copied under `media/` (its description → `figDesc`); a text box's blocks kept as
paragraphs after their anchor (reported); charts, SmartArt diagrams, shapes without text,
embedded objects and linked or missing images reported by kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ....tei import make, sub
from ..blocks import demote
from . import paragraphs
from .parts import WP, A, R, V, W

if TYPE_CHECKING:
    from .state import Reader


# What a drawing without an image holds, by its graphic data's kind (DrawingML `a:graphicData/@uri`).
_GRAPHIC_KINDS = {
    "drawingml/2006/chart": "charts",
    "drawing/2014/chartex": "charts",
    "drawingml/2006/diagram": "SmartArt diagrams",
    "wordprocessingShape": "shapes",
    "wordprocessingGroup": "groups of shapes",
    "wordprocessingCanvas": "drawing canvases",
    "drawingml/2006/picture": "pictures without image data",
}


def drawing(r: Reader, d: etree._Element) -> None:
    boxes = [t for t in d.iter(W + "txbxContent")]
    for box in boxes:
        r.unmapped.add("text boxes", r.where, "kept as paragraphs after their anchor")
        saved = r.after
        r.after = []
        found = paragraphs.plain_blocks(r, box)
        r.after = saved + [b for el in found for b in demote(el, ("p", "quote", "lg", "list", "table"))]
    rids = [b.get(R + "embed") for b in d.iter(A + "blip")] + [i.get(R + "id") for i in d.iter(f"{{{V}}}imagedata")]
    rids = [rid for rid in rids if rid]
    if not rids:
        if d.tag == W + "object":
            r.unmapped.add("embedded objects", r.where, "left out")
        elif not boxes:
            r.unmapped.add(_drawing_kind(d), r.where, "left out")
        return
    fig = make("figure")
    for rid in rids[:1]:
        target, external, _ = r.doc.rels.get(rid, ("", False, ""))
        if external or not target:
            r.unmapped.add("linked images", r.where, "kept as their description")
        elif r.doc.pkg.has(target):
            sub(fig, "graphic", url=r.media.add(target, r.doc.pkg.read(target)))
        else:
            r.unmapped.add("images missing from the package", r.where, "kept as their description")
    for pr in d.iter(WP + "docPr"):
        desc = (pr.get("descr") or pr.get("title") or "").strip()
        if desc:
            sub(fig, "figDesc", desc)
        break
    if len(fig):
        r.after.insert(0, fig)


def _drawing_kind(d: etree._Element) -> str:
    for data in d.iter(A + "graphicData"):
        uri = data.get("uri") or ""
        for key, kind in _GRAPHIC_KINDS.items():
            if uri.endswith(key):
                return kind
    return "drawings without an image (shapes, ink)"
