"""Word's tracked changes. By default an insertion (`w:ins`, `w:moveTo`) is kept as `add`
and a deletion (`w:del`, `w:moveFrom`) as `del`: the edition does not decide for its editor
which revision stands. Accepted (`accept_changes`), insertions are plain text and deletions
are left out, each deletion's words listed in the report with their count, so that nothing
leaves the text unsaid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ..common import words as count_words

if TYPE_CHECKING:
    from .state import Reader


def deletion(r: Reader, el: etree._Element) -> None:
    """A tracked deletion accepted: left out of the text, its words kept for the report."""
    r.changes["deletions"] += 1
    text = " ".join("".join(el.itertext()).split())
    if text:
        r.deleted.append((r.where, text))


def report_changes(r: Reader) -> None:
    """Say what became of the tracked changes: kept as add/del, or accepted with every
    deletion's words listed, so that nothing leaves the text unsaid."""
    ins, dels = r.changes["insertions"], r.changes["deletions"]
    if not ins and not dels:
        return
    if not r.accept:
        r.report.info("tracked-changes", None, f"docx: {ins} insertions kept as add, {dels} deletions as del")
        return
    n_words = sum(sum(count_words(text).values()) for _, text in r.deleted)
    r.report.add(
        "tracked-changes",
        None,
        f"docx: tracked changes accepted: {ins} insertions kept as text, {dels} deletions left out "
        f"({n_words} words, each listed in the report)",
    )
    for where, text in r.deleted:
        r.report.info("deletion-left-out", None, f"a tracked deletion in {where}, left out", text=text)
