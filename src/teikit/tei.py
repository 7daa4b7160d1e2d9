"""The TEI namespace and small helpers for building TEI trees with lxml."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
NSMAP = {None: TEI_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
# lxml's sourceline is 16-bit (libxml2 stores it in an unsigned short): a source line past
# 65,535 is kept in this attribute instead, read back by line_of and removed before writing.
LINE_ATTR = "teikit-line"
_MAX_SOURCELINE = 65535


def q(name: str) -> str:
    """Clark name of a TEI element: q('p') -> '{http://www.tei-c.org/ns/1.0}p'."""
    return f"{{{TEI_NS}}}{name}"


# Local names by tag, each split off its namespace once: the passes ask for the names of
# the same few tags millions of times. Bounded, should a reader meet endless names.
_LOCAL_NAMES: dict[object, str] = {}
_LOCAL_NAMES_MAX = 10_000


def local(el: etree._Element) -> str:
    """The element's name without its namespace ("" for a comment or processing instruction)."""
    tag = el.tag
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_MAX:
            _LOCAL_NAMES[tag] = name
    return name


def is_(el: etree._Element, *names: str) -> bool:
    # the name known already read here, not through a call of `local` (asked by the ten
    # thousand while the book's structure is built)
    name = _LOCAL_NAMES.get(el.tag)
    if name is None:
        name = local(el)
    return name in names  # a comment's "" is no element's name


# Clark names by local name: elements are made by the ten thousand, of a few dozen names.
_CLARK: dict[str, str] = {}


def _clark(name: str) -> str:
    tag = _CLARK.get(name)
    if tag is None:
        tag = _CLARK[name] = q(name)
    return tag


def _attributes(attrib: dict | None, kw: dict) -> dict | None:
    """`attrib` with the keyword attributes given (a trailing "_" dropped: `type_`), those
    that are None left out; `attrib` itself when there are none (lxml copies it): the
    makers ask for it only when there are (a call saved on each of the ten thousand
    elements a conversion makes)."""
    if not kw:
        return attrib
    attrs = dict(attrib) if attrib else {}
    for k, v in kw.items():
        if v is not None:
            attrs[k.rstrip("_")] = v
    return attrs


def make(
    name: str, text: str | None = None, attrib: dict | None = None, line: int | None = None, **kw
) -> etree._Element:
    """Create a detached TEI element; `line` records the source line it came from."""
    el = etree.Element(_clark(name), _attributes(attrib, kw) if kw else attrib, nsmap=NSMAP)
    if text is not None:
        el.text = text
    if line:
        set_line(el, line)
    return el


# An empty element of each name, copied by `make_in`.
_BLANKS: dict[str, etree._Element] = {}


def make_in(
    doc: etree._Element, name: str, text: str | None = None, attrib: dict | None = None, **kw
) -> etree._Element:
    """`make`, for an element to be linked into the tree of `doc` (any element of it): the
    marking passes make thousands. It is a copy of an empty element of that name (lxml
    copies it in C), its attributes then set in their order: making it with
    `makeelement`, which reads the tag, the namespaces and the attributes in Python,
    took twice as long, the move into `doc`'s document on linking counted (measured: 2.9
    against 1.3 µs an element). Until it is linked, it stands in a document of its own."""
    blank = _BLANKS.get(name)
    if blank is None:
        blank = _BLANKS[name] = etree.Element(_clark(name), nsmap=NSMAP)
    el = blank.__copy__()
    if not attrib:
        # keyword attributes alone (a place's `ref`): set as `_attributes` would list them,
        # without the dict made for it (an attribute named twice, `type` and `type_`, is set
        # where it was first, to the last value, as a dict keeps it)
        for key, value in kw.items():
            if value is not None:
                el.set(key.rstrip("_"), value)
    else:
        for key, value in (_attributes(attrib, kw) or attrib).items():  # never None here: `attrib` is not empty
            el.set(key, value)
    if text is not None:
        el.text = text
    return el


def set_line(el: etree._Element, line: int) -> None:
    """Record the source line an element came from, whatever its size."""
    el.sourceline = min(line, _MAX_SOURCELINE)
    if line >= _MAX_SOURCELINE:  # libxml2 reads its largest line number back as unknown
        el.set(LINE_ATTR, str(line))
    elif el.get(LINE_ATTR) is not None:
        del el.attrib[LINE_ATTR]


def line_of(el: etree._Element) -> int | None:
    """The source line an element came from (see set_line); None for one a pass made."""
    big = el.get(LINE_ATTR)
    return int(big) if big is not None else el.sourceline


def block_line(el: etree._Element) -> int:
    """The source line of a block, for arithmetic on the lines it holds: its own, else its
    nearest ancestor's, else 0 ("unknown" in a report). Every block the reader makes has its
    line; a block a pass made from Python may not, and must not stop the conversion."""
    for node in (el, *el.iterancestors()):
        line = line_of(node)
        if line is not None:
            return line
    return 0


def sub(
    parent: etree._Element,
    name: str,
    text: str | None = None,
    attrib: dict | None = None,
    line: int | None = None,
    **kw,
) -> etree._Element:
    """Create a TEI element as the last child of `parent` (made in place: an element made
    apart and appended is moved from a document of its own, which took twice as long)."""
    el = etree.SubElement(parent, _clark(name), _attributes(attrib, kw) if kw else attrib, nsmap=NSMAP)
    if text is not None:
        el.text = text
    if line:
        set_line(el, line)
    return el


def text_of(el: etree._Element) -> str:
    """All the text inside an element, notes included."""
    if not len(el) and isinstance(el.tag, str):
        # An element of text alone (a register's surname, an index's term): asked by the
        # ten thousand, its text is read directly, not through lxml's walk of its subtree.
        return el.text or ""
    return "".join(el.itertext())


def children(el: etree._Element, *names: str) -> list[etree._Element]:
    """The child elements of `el` (no comment nor processing instruction), those of the
    local names given if any, whatever their namespace: chosen by lxml's walk in C (the
    local names as "{*}name"), not tested one by one in Python (the name passes ask for the
    parts of a register's names by the thousand)."""
    if not names:
        return list(el.iterchildren(etree.Element))
    tags = [f"{{*}}{name}" for name in names if name]  # "{*}" alone would take every element
    return list(el.iterchildren(*tags)) if tags else []


def outermost(blocks: list[etree._Element]) -> list[etree._Element]:
    """Those of `blocks` (in document order) that stand inside none of the others. Each one
    kept hands its descendants to lxml's walk below it (in C), rather than every block
    asking its ancestors in Python: most blocks hold no other."""
    inside = set(blocks)
    tags = {b.tag for b in blocks}
    nested: set[etree._Element] = set()
    for b in blocks:
        if b not in nested:
            nested.update(d for d in b.iterdescendants(*tags) if d in inside)
    return [b for b in blocks if b not in nested]


def xpath(el: etree._Element, expr: str):
    return el.xpath(expr, namespaces={"t": TEI_NS, "xml": XML_NS})


# XPath's `//t:name` builds a node set of the whole document and sorts it into document
# order; on a book's tree that took tens of milliseconds a call. Walking the tree with
# lxml's `iter` (in C, in document order, nothing to sort) finds the same elements in a
# fraction of it. The passes ask for the book's `text` this way, then go down from it.


def everywhere(el: etree._Element, name: str) -> list[etree._Element]:
    """Every `name` element of el's document in document order: what `//t:name` gives."""
    return list(el.getroottree().getroot().iter(q(name)))


def only(el: etree._Element, name: str) -> etree._Element | None:
    """The one `name` element of el's document; None when it has none or several (a
    `group` of texts), where a caller falls back on XPath, which keeps document order
    across nested elements."""
    found = None
    for e in el.getroottree().getroot().iter(q(name)):
        if found is not None:
            return None
        found = e
    return found


def unique_id(base: str, seen: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not in `seen` yet; recorded in `seen`."""
    ident, k = base, 2
    while ident in seen:
        ident, k = f"{base}-{k}", k + 1
    seen.add(ident)
    return ident
