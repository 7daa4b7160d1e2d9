"""Enrichment marks the text and never changes it: on every document of the corpus, the words
of the edition's `text` are the same, in the same order, with the enrichment passes as
without them.

A mark is made by cutting a text node at its span; two marks over the same words (a name
lengthened by a title over a title found alone: "Pope" and "Pope Gregory IX") once wrote the
words twice: The Divine Comedy's edition read "PopePope Gregory IX" and "Charles of
AnjouAnjou" 58 times (found 2026-12-07). No test then compared the text across the passes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import FINISHING, PASSES, convert_tree
from teikit.pipeline import Registry
from teikit.tei import TEI_NS as TEI
from teikit.textnodes import wrap

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = [
    "sources/iron-lazar.txt",
    *(f"books/{p.name}" for p in sorted((CORPUS / "books").glob("*.txt"))),
    "epub/dante-alighieri_the-divine-comedy_henry-wadsworth-longfellow",
    "epub/niccolo-machiavelli_the-prince_w-k-marriott",
    "epub/sun-tzu_the-art-of-war_lionel-giles",
    "docx/wgig-background-report-2005.docx",
]
_BLOCKS = tuple(f"{{{TEI}}}{tag}" for tag in ("p", "l", "head", "item", "cell", "label", "quote", "note"))


def _blocks(tree) -> list[str]:
    """The text of each block of the edition's `text` elements, white space collapsed."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    return [
        " ".join("".join(block.itertext()).split())
        for text in root.iter(f"{{{TEI}}}text")
        for block in text.iter(*_BLOCKS)
    ]


def _first_difference(plain: list[str], marked: list[str]) -> str:
    for i, (a, b) in enumerate(zip(plain, marked)):
        if a != b:
            at = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            return f"block {i}: {a[max(0, at - 60) : at + 60]!r} became {b[max(0, at - 60) : at + 60]!r}"
    return f"{len(plain)} blocks became {len(marked)}"


@pytest.mark.parametrize("name", SOURCES)
def test_enrichment_changes_no_word_of_the_text(name):
    source = ROOT / name if name.startswith("sources/") else CORPUS / name
    if not source.exists():
        pytest.skip(f"the corpus is not beside the project ({source} absent)")
    marked, _ = convert_tree(source)
    plain, _ = convert_tree(source, passes=Registry(PASSES + FINISHING))
    plain_blocks, marked_blocks = _blocks(plain), _blocks(marked)
    assert re.search(r"\w", "".join(plain_blocks)), "the edition holds no text"
    assert plain_blocks == marked_blocks, _first_difference(plain_blocks, marked_blocks)


def test_a_span_over_the_one_before_it_never_writes_its_words_twice():
    """The cut's own guard: a finder that breaks its contract (sorted spans that do not
    overlap) loses a mark, never a word and never writes one twice. The sentence is the
    Divine Comedy's note that lost it ("a nephew of Charles of Anjou, King of Sicily"), the
    spans those a person's finder gave: the whole name, then its byname found alone."""
    sentence = "II wished to marry his niece to a nephew of Charles of Anjou, King of Sicily."
    p = etree.fromstring(f"<p>{sentence}</p>")
    whole = sentence.index("Charles of Anjou")
    byname = sentence.index("Anjou")

    def find(text):
        if text != sentence:
            return []
        return [
            (whole, whole + len("Charles of Anjou"), etree.Element("persName")),
            (byname, byname + len("Anjou"), etree.Element("placeName")),
        ]

    wrap(p, find)
    assert "".join(p.itertext()) == sentence
    assert [(el.tag, el.text) for el in p] == [("persName", "Charles of Anjou")]
