"""The shared enrichment machinery's shortcuts (issue 14's speed work) give what their
plain forms give, on the bundled edition's chapters (real marked text) and on trees made to
catch the edges (comments, processing instructions, marks nested, empty text nodes)."""

from __future__ import annotations

from conftest import EDITION
from lxml import etree

from teikit.enrich import registers
from teikit.tei import make, q, sub


def _chapters() -> list:
    return [etree.parse(str(path)).getroot() for path in sorted(EDITION.glob("ch*.xml"))]


def _with_comments_and_instructions():
    """A TEI tree whose front and body hold comments and processing instructions (with text
    and tails of their own), marks nested and empty text nodes."""
    tei = make("TEI")
    text = sub(tei, "text")
    front = sub(text, "front")
    sub(front, "p", "Preface by")
    front.tail = "\n"
    body = sub(text, "body")
    p = sub(body, "p", "In ")
    p.append(etree.Comment(" Moscow, said the editor "))
    p[-1].tail = "Moscow "
    p.append(etree.ProcessingInstruction("page", "12 Stalin"))
    p[-1].tail = "Stalin met "
    name = sub(p, "persName", "")
    sub(name, "forename", "Lazar").tail = " "
    sub(name, "surname", "Kaganovich").tail = ""
    name.tail = " there."
    sub(body, "p")  # empty
    sub(sub(text, "back"), "p", "Index: Zyxwvut")
    return tei


def _plain_running_texts(tei) -> list[str]:
    """What `_RunningWords.texts` stands for: each front's and body's text by `itertext`."""
    parts = [part for text in tei.iter(q("text")) for part in text if part.tag in (q("front"), q("body"))]
    return [" ".join(part.itertext()) for part in parts]


def test_running_words_read_the_text_nodes_itertext_gives():
    """`registers._RunningWords.texts` (the text nodes listed by XPath) against `itertext`."""
    trees = [*_chapters(), _with_comments_and_instructions()]
    assert sum(len(t) for tree in trees for t in _plain_running_texts(tree)) > 500_000
    for tree in trees:
        assert registers._RunningWords(tree).texts() == _plain_running_texts(tree)
