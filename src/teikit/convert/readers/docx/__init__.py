"""Word (DOCX): the OOXML package read directly with lxml (ECMA-376, WordprocessingML).

No library covers what is needed here (python-docx reads neither notes nor comments nor
tracked changes), and the parts are plain XML: `word/document.xml` and the parts its
relationships name (styles, numbering, footnotes, endnotes, comments, settings,
images, hyperlinks), each parsed safely from a bounded `Package`.

`read` turns a document into the tree a structured reader returns (see `common`): the
title page and header from the title styles and the document properties, divisions nested
by heading level, notes and comments at their references, phrases, lists, tables, images,
breaks. The modules of this package, each a part of that reading:

- `parts`: the package's parts (relationships, styles, numbering, notes, comments,
  settings, document properties);
- `state`: what one conversion keeps while it reads;
- `styles`: style chains and names, heading levels, character styles, `hi/@rend` values;
- `paragraphs`: blocks in order, title page, quotations, verse, bibliographies, lists;
- `tables`: tables, merged cells;
- `runs`: phrases, links, breaks, symbols, fields;
- `notes`: footnotes, endnotes, comments;
- `changes`: tracked changes, kept as `add`/`del` or accepted (`accept_changes=True`);
- `drawings`: images, text boxes, and the drawings reported as not mapped.

The header: title, subtitle, author and date from the title styles, else the document
properties (`docProps/core.xml`: title, creator, language, identifier, rights; `app.xml`:
the program and company, with the dates and last editor as a note on the source). When the
properties name no language, the text's is the one most of its characters are marked in
(`w:lang` of the run, its character style, its paragraph style or the default paragraph
style, else the document defaults). Header and footer parts (running heads) are left out
and reported, as is everything else not mapped, by kind and the part first seen in.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ....context import Context
from ....errors import TeikitError
from ....tei import is_
from ..blocks import add_text, resolve_links
from ..common import assemble, language_tag, new_tree
from ..package import OLE_MAGIC, Package, magic
from . import changes, paragraphs
from .parts import open_doc
from .state import Reader

__all__ = ["Reader", "read"]


def read(path: Path, ctx: Context, accept_changes: bool = False) -> etree._Element:
    if magic(Path(path)) == OLE_MAGIC:
        raise TeikitError(
            "an encrypted Word document or a legacy .doc (a Compound File, not OOXML): "
            "save it unencrypted as .docx first",
            str(path),
        )
    with Package(path) as pkg:
        doc = open_doc(pkg)
        reader = Reader(doc, ctx.report, accept_changes)
        front, body, book, title_page = paragraphs.body(reader)
        for ident in sorted(set(doc.comments) - reader.comments_given):
            ctx.report.add("comment-unreferenced", None, f"comment {ident} has no reference in the text: left out")
        headers = [t for t, ext, kind in doc.rels.values() if kind.endswith(("/header", "/footer")) and not ext]
        if headers:
            reader.unmapped.add("header and footer parts", "word/_rels", "left out (running heads)")
            reader.unmapped.seen["header and footer parts"] = len(headers)
        tei = new_tree()
        assemble(tei, front, body, [], title_page)
        where = {}
        for name, el in reader.bookmarks.items():
            div = next((a for a in el.iterancestors() if is_(a, "div")), None)
            if div is not None:
                member, _, frag = name.partition("#")
                where[(member, frag)] = div
        resolve_links(tei, where, reader.unmapped)
    changes.report_changes(reader)
    _merge_adjacent(tei)
    if book.title == "Untitled":
        heads = [h for h in tei.iter("{http://www.tei-c.org/ns/1.0}head")]
        book.title = "".join(heads[0].itertext()).strip() if heads else Path(path).stem.replace("-", " ").title()
    if book.language is None:  # the document properties name none: the language most of the text is in
        marked = [(n, lang) for lang, n in reader.lang_chars.items() if language_tag(lang)]
        book.language = language_tag(max(marked)[1]) if marked else None
    ctx.metadata = book
    ctx.media.update(reader.media.files)
    ctx.report.counts["notes"] = ctx.report.counts["notes_linked"] = reader.refs
    ctx.report.counts["chapters"] = len(body)
    ctx.report.info("reader", None, f"Word: {reader.refs} notes at their references")
    reader.unmapped.report(ctx.report)
    return tei


def _merge_adjacent(tei: etree._Element) -> None:
    """Runs of one formatting split by Word (spell-check, revisions) become one element."""
    for el in list(tei.iter("{http://www.tei-c.org/ns/1.0}hi", "{http://www.tei-c.org/ns/1.0}seg")):
        nxt = el.getnext()
        parent = el.getparent()
        if parent is None:
            continue
        while nxt is not None and not el.tail and nxt.tag == el.tag and dict(nxt.attrib) == dict(el.attrib):
            add_text(el, nxt.text)
            el.extend(list(nxt))
            el.tail = nxt.tail
            parent.remove(nxt)
            nxt = el.getnext()
