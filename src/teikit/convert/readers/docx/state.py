"""What the Word reader keeps while it reads one document: the package's parts, the report
and what it gathers for it (what is not mapped, tracked changes, the languages of the
text), the media to copy, note numbering, the blocks waiting to follow the current
paragraph, open fields, and cached style lookups. The reading itself is in the modules
beside this one, each a set of functions of this state."""

from __future__ import annotations

from collections import Counter

from lxml import etree

from ..common import Media, Unmapped
from .parts import Doc


class Reader:
    """The state of one conversion; a new one per document."""

    def __init__(self, doc: Doc, report, accept_changes: bool = False):
        self.doc = doc
        self.report = report
        self.accept = accept_changes
        self.unmapped = Unmapped("docx")
        self.media = Media()
        self.counter: Counter = Counter()  # notes numbered so far, by place (foot, end)
        self.refs = 0
        self.comments_given: set[str] = set()
        self.after: list = []  # blocks to place after the current paragraph (images, text boxes)
        self.fields: list[dict] = []  # the complex fields open at this point (instruction, ref)
        self.where = "word/document.xml"  # the part being read, for the report
        self.char_styles: dict[str, tuple[str | None, list[str]]] = {}
        self.bookmarks: dict[str, etree._Element] = {}  # part#name -> the block it stands in
        # Characters of text by the language Word marks them in: the most is the text's language
        # (the document defaults only say how Word was set up: a Slovene Word writing English).
        self.lang_chars: Counter = Counter()
        self.para_lang: str | None = None
        self.style_langs: dict[str | None, str | None] = {}
        self.changes: Counter = Counter()  # tracked insertions and deletions met
        self.deleted: list[tuple[str, str]] = []  # (part, text) of each deletion accepted (left out)
