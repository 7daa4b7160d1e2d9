"""The helpers of `tei` that the converter and the marking passes call by the ten thousand
give what their plain forms give: `is_` (the local name read from the cache of names)
against the name split off each tag, `make_in` (keyword attributes set one by one) against
`make` (the attributes gathered in a dict first). On the bundled book's edition: every
element, comment and processing instruction of its chapters, and the attributes its marks
carry."""

from __future__ import annotations

from lxml import etree

from conftest import SAMPLE
from teikit import tei
from teikit.tei import is_, make, make_in, q

EDITION = SAMPLE.parent.parent / "tei" / "iron-lazar"


def _chapters() -> list:
    return [etree.parse(str(path)).getroot() for path in sorted(EDITION.glob("*.xml"))]


def _plain_local(node) -> str:
    return node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""


def test_is_reads_the_name_of_every_node_as_split_off_its_tag():
    """Each node asked for its own name, another element's, none, and "" (a comment's), the
    names' cache empty at first (each name split anew) and then full: an XInclude element
    and a comment and a processing instruction among the TEI elements."""
    chapters = _chapters()
    root = chapters[0]
    root.append(etree.Element(f"{{{tei.XI_NS}}}include"))
    root.append(etree.Comment("a comment"))
    root.append(etree.ProcessingInstruction("teikit", "a note"))
    nodes = [node for chapter in chapters for node in chapter.iter()]
    names = sorted({_plain_local(node) for node in nodes})
    assert {"p", "persName", "placeName", "include", ""} <= set(names)
    tei._LOCAL_NAMES.clear()
    for _ in range(2):  # names split by `local` as asked, then read from the cache
        for node in nodes:
            own = _plain_local(node)
            for asked in ((own,), ("p",), ("persName", "placeName"), ("",), ("include", "div"), ()):
                assert is_(node, *asked) == (own in asked), (node.tag, asked)
        assert tei._LOCAL_NAMES


def test_make_in_sets_keyword_attributes_as_make_does():
    """The attributes of the edition's marks and blocks (`ref`, `when`, `type`, `xml:id`...)
    given as keywords, a trailing "_" dropped, one left None, one named twice (`type` and
    `type_`), with or without an `attrib` too: the same element as `make` builds."""
    chapters = _chapters()
    doc = chapters[0]
    compared = 0
    for chapter in chapters:
        for el in chapter.iter(q("placeName"), q("persName"), q("date"), q("orgName"), q("div"), q("note")):
            name = _plain_local(el)
            kw = {("type_" if key == "type" else key): value for key, value in el.attrib.items()}
            variants = [
                ({}, kw),
                ({}, {**kw, "n": None}),
                ({}, {"type": "a", **kw, "type_": "b"}),
                ({"rend": "italic"}, kw),
                ({"type": "first"}, {**kw, "type_": "second"}),
            ]
            for attrib, keywords in variants:
                made = make_in(doc, name, "text", attrib=attrib or None, **keywords)
                plain = make(name, "text", attrib=attrib or None, **keywords)
                assert etree.tostring(made) == etree.tostring(plain), (name, attrib, keywords)
                compared += 1
    assert compared > 5000


def test_make_and_sub_given_an_attrib_alone_make_what_keywords_make():
    """The attributes of the edition's elements given as `attrib` (no keyword: handed to lxml
    as they are) and as keywords (gathered by `_attributes`): the same elements, made apart
    (`make`) and in a parent (`sub`)."""
    compared = 0
    for chapter in _chapters():
        for el in chapter.iter(etree.Element):
            if not el.attrib:
                continue
            name, attrib = _plain_local(el), dict(el.attrib)
            kw = {("type_" if key == "type" else key): value for key, value in attrib.items()}
            assert etree.tostring(make(name, "text", attrib=attrib)) == etree.tostring(make(name, "text", **kw))
            by_attrib, by_keywords = make("p"), make("p")
            tei.sub(by_attrib, name, "text", attrib=attrib)
            tei.sub(by_keywords, name, "text", **kw)
            assert etree.tostring(by_attrib) == etree.tostring(by_keywords), (name, attrib)
            compared += 1
    assert compared > 1000
