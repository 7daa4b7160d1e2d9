"""teikit's own grammar (schema/teikit.rng) checked in-process by libxml2, jing's verdicts kept.

Why: teikit.rng is small (about 40 KB); libxml2 compiles it in milliseconds and checks the
bundled book (20 files, 2 MB with the corpus file's inclusions) in a fraction of the time a
JVM takes to start, while for large grammars such as tei_all jing stays far faster (libxml2
takes seconds to compile it) and remains the engine (benchmarks/bench_validate.py measures
both). Only this one grammar, which teikit ships and tests, is given to libxml2: a schema a
user or a file names may be hostile, and is staged for jing as `schemas` says.

How the verdicts stay jing's:
- a file libxml2 finds valid is valid by libxml2, an engine's verdict; tests/test_validate.py
  checks on hundreds of mutants of the bundled book (elements removed, added, moved, renamed,
  attributes dropped or given wrong values, text where none may stand) that libxml2 and
  jing agree on every one;
- a file libxml2 finds invalid, or one with a repeated xml:id (which libxml2's RELAX NG does
  not look for), goes to jing as before, so that its messages are jing's and its verdict
  the reference's.

A declared schema is this grammar when it is the same file (real paths) or has the same
bytes as the bundled one (a copy beside an edition).
"""

from __future__ import annotations

import hashlib
import os
from copy import deepcopy
from functools import cache

from lxml import etree

from ..xmlio import safe_parser
from .documents import ORIGIN, duplicate_ids

_BUNDLED = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schema", "teikit.rng")


@cache
def _digest(path: str, key: tuple) -> str:
    """The SHA-256 of a file's bytes, remembered while it keeps its inode, time and size (`key`)."""
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def is_copy_of(path: str, bundled: str) -> bool:
    """Whether `path` is the file `bundled` (the same inode) or a file with the same bytes.
    By stat, not by real paths: os.path.realpath costs a system call per folder of the path,
    and this is asked once or twice for every file validated."""
    st, own = os.stat(path), os.stat(bundled)
    if (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino):
        return True
    if st.st_size != own.st_size:
        return False
    key = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
    own_key = (own.st_dev, own.st_ino, own.st_mtime_ns, own.st_size)
    return _digest(path, key) == _digest(bundled, own_key)


def is_own_grammar(schema: str | None) -> bool:
    """Whether `schema` is teikit's bundled grammar (the file, or a byte-identical copy)."""
    if not schema:
        return False
    try:
        return is_copy_of(schema, _BUNDLED)
    except OSError:
        return False


@cache
def _grammar() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(_BUNDLED, safe_parser()))


_MARKED = etree.XPath("descendant-or-self::*[@o:origin]", namespaces={"o": ORIGIN[1:].split("}")[0]})


def valid(tree: etree._ElementTree) -> bool:
    """libxml2's verdict on a parsed (and XIncluded) document; False also when the document
    repeats an xml:id, which jing must judge."""
    if duplicate_ids(tree):
        return False
    # The origins XInclude left (documents.ORIGIN) are teikit's bookkeeping, not the
    # document's: taken off for the grammar and put back (found by XPath, not by a walk
    # in Python; the tree is not copied: a copy of the whole book costs more than its check).
    marked = [(el, el.get(ORIGIN)) for el in _MARKED(tree.getroot())]
    try:
        for el, _ in marked:
            del el.attrib[ORIGIN]
        return bool(_grammar().validate(tree))
    finally:
        for el, origin in marked:
            el.set(ORIGIN, origin)


# A TEI document valid against teikit.rng, as small as the grammar allows: it stands in for
# an included document already found valid (inclusion.py says why the verdict is the same).
STAND_IN = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
    "<publicationStmt><publisher>p</publisher></publicationStmt><sourceDesc><p>p</p></sourceDesc></fileDesc>"
    '</teiHeader><text><body><div type="chapter"><p>p</p></div></body></text></TEI>'
)


def valid_outside(tree: etree._ElementTree, included: list[etree._Element]) -> bool:
    """libxml2's verdict on `tree` with each of the `included` children of its root (TEI
    documents found valid on their own, inclusion.grammar_covered) replaced by STAND_IN;
    False also when the whole tree repeats an xml:id. The tree itself is not changed: its
    root and the root's other children are copied (the corpus file's own few elements)."""
    if duplicate_ids(tree):
        return False
    root = tree.getroot()
    skip = set(included)  # lxml elements compare and hash by identity
    shell = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
    shell.text = root.text
    for child in root:
        if child in skip:
            copy = etree.fromstring(STAND_IN)
            copy.tail = child.tail
        else:
            copy = deepcopy(child)
        shell.append(copy)
    if _MARKED(shell):  # an origin outside the included children: judged whole instead
        return valid(tree)
    return bool(_grammar().validate(etree.ElementTree(shell)))
