"""The TEI namespace and small helpers for building TEI trees with lxml."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
NSMAP = {None: TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def q(name: str) -> str:
    """Clark name of a TEI element: q('p') -> '{http://www.tei-c.org/ns/1.0}p'."""
    return f"{{{TEI_NS}}}{name}"


def local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def is_(el: etree._Element, *names: str) -> bool:
    return isinstance(el.tag, str) and local(el) in names


def make(name: str, text: str | None = None, attrib: dict | None = None,
         line: int | None = None, **kw) -> etree._Element:
    """Create a detached TEI element; `line` records the source line it came from."""
    attrs = dict(attrib or {})
    attrs.update({k.rstrip("_"): v for k, v in kw.items() if v is not None})
    el = etree.Element(q(name), attrs, nsmap=NSMAP)
    if text is not None:
        el.text = text
    if line:
        el.sourceline = line
    return el


def sub(parent: etree._Element, name: str, text: str | None = None,
        attrib: dict | None = None, line: int | None = None, **kw) -> etree._Element:
    el = make(name, text, attrib, line, **kw)
    parent.append(el)
    return el


def text_of(el: etree._Element) -> str:
    """All the text inside an element, notes included."""
    return "".join(el.itertext())


def children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and (not names or local(c) in names)]


def xpath(el: etree._Element, expr: str):
    return el.xpath(expr, namespaces={"t": TEI_NS, "xml": XML_NS})
