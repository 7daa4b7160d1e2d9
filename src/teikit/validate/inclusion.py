"""A file that XIncludes files judged in the same run: only what inclusion can change is checked.

An edition's corpus file (tei/iron-lazar/iron-lazar.xml) XIncludes its chapters and
registers, which the same run validates one by one; checking the corpus whole checks
all of them a second time (the bundled book: about 0.45 s of its 1.1 s of CPU). Here the
corpus file's verdict is reached without that second check when, and only when, every
document it includes was judged in this run and found with nothing to say, and the
grammar and rules are teikit's own (schema/teikit.rng, schema/teikit.sch, or copies with
the same bytes), for which the argument below was made. Otherwise the corpus file is
checked whole, as before.

When it applies (`covered`): every element the XInclude step placed (documents.ORIGIN) is
a child of the corpus file's root, and its file was validated in this run as it stands on
disk (documents.Loaded.on_disk) with the same bytes as were included (content digests), in
the corpus file's own folder. The included subtree is then the very tree the file's own
check judged, in another document.

teikit.rng (`grammar_covered`: each included document a TEI that libxml2 found valid). In
the grammar one element pattern only can match an element named TEI (define TEI; there is
no name-class wildcard: tests/test_validate_inclusion.py checks both on the grammar), and
the start pattern refers to it; a TEI file that is valid therefore matches that pattern
with its root. Whether an element matches a RELAX NG element pattern depends on its
attributes and content alone, and whether its parent's content matches depends on each
child element only through which element patterns it matches: replacing an included TEI
by another TEI that matches the pattern (owngrammar.STAND_IN, also checked by the tests)
leaves the verdict as it is. So libxml2 judges the corpus file's own elements with each
included document replaced by the stand-in (owngrammar.valid_outside); the one
constraint that spans documents, unique xml:ids, is looked for in the whole corpus as
before (documents.duplicate_ids), and a repeated one goes to jing.

teikit.sch (`schematron_covered`: each included document checked by the same schema with no
finding at all). The corpus file's own elements are checked as before, in the whole
corpus (their rules see everything); the included elements are not walked
(Schematron.check_outside), for no rule of teikit.sch can fire on them in the corpus when
it fired on none of them in their own file:
- date-ranges and empty-paragraphs read only the element and its descendants;
- pointers and registers, a pointer within the document (#id), look the id up by key or
  among every xml:id of the document: the corpus holds every element of the included file
  and more, so a pointer that resolved still resolves;
- a pointer to another file (file.xml#id) is read with document() relative to the
  document's root: the corpus file and the included file are in the same folder, so it
  reads the same file (under the same policy, schematron._LocalOnly);
- note-numbers groups a note with the notes of its chapter, the outermost div or the text
  around it: the root of the corpus, the only element around an included document, must
  not be a div, text or note, so the chapter is the same element and its notes the same;
  a note in neither a div nor a text would be grouped with the like notes of every
  included document: the check is not shortened when the corpus holds one. A note's
  predecessor found in the corpus but not in its own file belongs to another document,
  hence to another chapter, which the rule accepts.
Findings can differ the other way (a pointer to another chapter's id fails in the chapter
and resolves in the corpus): a file with any finding never lets its includer be shortened,
and the corpus is then checked whole, which gives its findings exactly.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from lxml import etree

from .documents import ORIGIN, Loaded
from .owngrammar import is_copy_of

TEI_NS = "http://www.tei-c.org/ns/1.0"
_BUNDLED_SCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schema", "teikit.sch")


@dataclass(frozen=True)
class Judged:
    """What this run found on a file validated as it stands on disk."""

    url: str  # the URL its tree was checked under
    digest: bytes  # documents.content_digest of the bytes judged
    own_valid: bool  # libxml2 found it valid against teikit's own grammar
    clean: frozenset[str]  # the Schematron schemas that ran on it and found nothing


def covered(doc: Loaded, judged: dict[str, Judged]) -> list[etree._Element] | None:
    """The roots of the documents `doc` XIncluded, when each is a file `judged` with the same
    bytes, in `doc`'s folder, and placed as a child of `doc`'s root; else None."""
    if doc.tree is None or not doc.included:
        return None
    root = doc.tree.getroot()
    url = doc.tree.docinfo.URL or ""
    roots = [el for el in root if isinstance(el.tag, str) and el.get(ORIGIN) is not None]
    if len(roots) != sum(len(d) for d in doc.included.values()):
        return None  # an inclusion below the root's children (each one placed one ORIGIN)
    for el in roots:
        target = el.get(ORIGIN) or ""
        found = judged.get(os.path.realpath(target))
        if (
            found is None
            or set(doc.included.get(target, ())) != {found.digest}
            or os.path.dirname(found.url) != os.path.dirname(url)
        ):
            return None
    return roots


def grammar_covered(roots: list[etree._Element], judged: dict[str, Judged]) -> bool:
    return all(
        el.tag == f"{{{TEI_NS}}}TEI" and judged[os.path.realpath(el.get(ORIGIN) or "")].own_valid for el in roots
    )


def schematron_covered(schematron: str, tree, roots: list[etree._Element], judged: dict[str, Judged]) -> bool:
    if not is_bundled_schematron(schematron):
        return False
    root = tree.getroot()
    if root.tag in {f"{{{TEI_NS}}}{n}" for n in ("div", "text", "note")} or _endnote_outside_text(root):
        return False
    return all(schematron in judged[os.path.realpath(el.get(ORIGIN) or "")].clean for el in roots)


_TEXT, _NOTE = f"{{{TEI_NS}}}text", f"{{{TEI_NS}}}note"
_DOCUMENTS = {f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"}


def _endnote_outside_text(el) -> bool:
    """Whether an endnote (place="end") may stand in no div and no text: one anywhere but in
    a text reached through TEI and teiCorpus elements only (the headers, standOff: small)."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag == _TEXT:
            continue
        if child.tag in _DOCUMENTS:
            if _endnote_outside_text(child):
                return True
        elif any(n.get("place") == "end" for n in child.iter(_NOTE)):
            return True
    return False


def is_bundled_schematron(path: str) -> bool:
    """Whether `path` is teikit.sch as bundled (the file, or a copy with the same bytes)."""
    try:
        return is_copy_of(path, _BUNDLED_SCH)
    except OSError:
        return False
