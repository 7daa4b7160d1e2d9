"""What the passes of one conversion share besides the TEI tree: the `Context`.

Every field is declared here, with its type and the pass that fills it; a pass reads
only fields an earlier pass provides (the pass registry in `teikit.pipeline` checks the
order by the names the passes declare), so no pass reads a field with a default that
hides a pass run out of order. The tree itself is the first thing passes share: what
can be read from it is read from it.

This module sits below `convert` and `enrich` (both import it; it imports neither at
run time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lxml import etree

from .profile import Profile
from .report import Report
from .tei import q

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .convert.figures import Listed
    from .convert.outline import Entry
    from .teiheader import Book, Ebook

T = TypeVar("T")


# The ids found by libxml2's XPath, attributes and not elements: no Python object is made for
# an element without one (walking every element of a book took longer).
_XML_IDS = etree.XPath("descendant-or-self::*/@xml:id")


def _ids(tree: etree._Element) -> dict[str, etree._Element]:
    """Every element with an xml:id, by id, in document order (of two alike, the last)."""
    return {str(value): value.getparent() for value in _XML_IDS(tree)}


# The name of `Context.skeleton` as a view (`Context.view`).
SKELETON = "skeleton"

_TEXT, _FRONT, _BACK, _DIV, _FIGURE = (q(name) for name in ("text", "front", "back", "div", "figure"))


@dataclass(frozen=True)
class Skeleton:
    """The elements that make a book's structure, each kind in document order: its `text`s,
    `front` and `back` matters, divisions (`div`) and `figure`s."""

    texts: list[etree._Element]
    fronts: list[etree._Element]
    backs: list[etree._Element]
    divisions: list[etree._Element]
    figures: list[etree._Element]


def _skeleton(tree: etree._Element) -> Skeleton:
    """The skeleton of the document of `tree`, found by one walk of it (in C, the tags
    compared there)."""
    found: dict[str, list[etree._Element]] = {_TEXT: [], _FRONT: [], _BACK: [], _DIV: [], _FIGURE: []}
    for el in tree.getroottree().getroot().iter(_TEXT, _FRONT, _BACK, _DIV, _FIGURE):
        found[el.tag].append(el)
    return Skeleton(found[_TEXT], found[_FRONT], found[_BACK], found[_DIV], found[_FIGURE])


@dataclass
class Context:
    """The state of one conversion outside the tree.

    Given by the caller: `source`, `profile`, `report`, `book_id`, `registers_from`.
    Filled by passes (the fact the pass declares it `provides` in brackets):
    `wrapper` by wrapper ["wrapper"], `outline` and `contents` by outline ["outline"],
    `footnotes` by note-bodies ["note-bodies"], `figures` by structure ["figures"], `book` by
    header ["book"], `registers` by registers ["registers"], `person_words` by persons
    ["person-words"]. Views of the tree (`view`, `ids`, `skeleton`) are derived, not stored.
    """

    source: Path
    """The text file converted."""
    profile: Profile
    """The conversion profile (checked against its schema when loaded)."""
    report: Report
    """Where every pass writes its findings; written out as conversion-report.json."""
    book_id: str = "book"
    """The edition's name: the corpus file is `{book_id}.xml`."""
    registers_from: Path | None = None
    """Where an earlier run left persons.xml, places.xml and orgs.xml (read back, never overwritten blind)."""
    outline: list[Entry] = field(default_factory=list)
    """The divisions found, in text order."""
    contents: list[Entry] = field(default_factory=list)
    """The book's own table of contents, every entry, found in the text or not."""
    figures: dict[str, Listed] = field(default_factory=dict)
    """The front matter's list of figures, by label."""
    wrapper: Ebook | None = None
    """The ebook distributor's header and footer, moved out of the text (None: the text had none)."""
    book: Book | None = None
    """Title, author and imprint read from the title page (None until the header pass ran)."""
    metadata: Book | None = None
    """The book as a structured reader (Word, EPUB, Markdown) read it from the file's own
    metadata; the header pass takes it instead of reading a title page."""
    media: dict[str, bytes] = field(default_factory=dict)
    """Files of the input a reader keeps (images), by path under the output folder; the writer writes them."""
    registers: dict[str, Any] = field(default_factory=dict)
    """The person, place and organisation registers ("person", "place", "org"):
    `teikit.enrich.registers.Register`."""
    footnotes: list[Any] = field(default_factory=list)
    """Notes found in the text's stream and the reference each belongs at, set apart until
    the paragraphs are made (`teikit.convert.noteattach.Pending`) ["note-bodies"]."""
    person_words: set[str] = field(default_factory=set)
    """Every surname, forename and alias the person register knows (places must not take them)."""
    places_of_persons_names: dict[str, str] = field(default_factory=dict)
    """Persons' names the persons' pass left where the text names a place by them, each with
    a passage: a peer's land after a preposition of place ("In Galloway sae wide"), a
    journey's destination ("a ticket for Worthing"), for the places pass to enter and mark
    there, though a person keeps the name elsewhere."""
    source_blocks: Any = None
    """The source's blocks read again for passes that ask for its printed lines
    (`teikit.convert.sourcelines.SourceBlocks`), read once when first asked."""
    reader: str = "text"
    """The name of the reader that read the source (`teikit.convert.READERS`)."""
    passes: list[str] = field(default_factory=list)
    """The names of the passes this conversion runs, in order (set by `teikit.pipeline.run`)."""
    tree: etree._Element | None = None
    """The TEI tree the current pass works on (set by `teikit.pipeline.run`)."""
    _views: dict[str, Any] = field(default_factory=dict, repr=False)

    def view(self, name: str, compute: Callable[[etree._Element], T]) -> T:
        """A view derived from the tree (the book's text, an index of ids), computed when
        first asked and kept until the tree changes: `teikit.pipeline.run` calls
        `tree_changed` after every pass that may change it, and a pass that changes the
        tree and then asks for a view calls it itself. Never a copy older than the tree."""
        if name not in self._views:
            if self.tree is None:
                raise RuntimeError(f"view {name!r} asked for before any tree was read")
            self._views[name] = compute(self.tree)
        return self._views[name]

    def tree_changed(self, tree: etree._Element | None = None, keep: Iterable[str] = ()) -> None:
        """Forget every derived view but those named in `keep`, which the change left true
        (and take `tree` as the tree, if given)."""
        if tree is not None:
            self.tree = tree
        self._views = {name: v for name, v in self._views.items() if name in keep}

    def forget(self, name: str) -> None:
        """Forget the view `name` (if kept): a pass that keeps it (`Pass.keeps_views`) but
        changed the tree otherwise than through it."""
        self._views.pop(name, None)

    def ids(self) -> dict[str, etree._Element]:
        """Every element with an xml:id, by id (a view: rebuilt after the tree changes)."""
        return self.view("ids", _ids)

    def skeleton(self) -> Skeleton:
        """The book's texts, front and back matters, divisions and figures (a view,
        `SKELETON`). A pass that adds marks to the text and moves, makes and removes no
        element (the enrichment passes) keeps it (`Pass.keeps_views`): read before the marks,
        on a tree half the size, it serves a pass after them (navigation; every walk of the
        enriched bundled book took 4 to 6 ms, of the book before its marks under 1)."""
        return self.view(SKELETON, _skeleton)

    def need_book(self) -> Book:
        """The book the header pass read; an error (not a default) if it has not run."""
        if self.book is None:
            raise RuntimeError("the header pass has not run: no book (title, author) yet")
        return self.book
