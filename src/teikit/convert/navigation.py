"""Navigation: the book's table of contents and list of figures become lists that point at
what they list.

The raw lines of the front matter's contents (`div type="contents"`) and list of figures
(`div type="figures"`) are replaced by a `<list>`, one `<item>` an entry: its `<label>`
(number), its title as a `<ref>` to the division or figure when the text has it (plain
text when it does not), and its page as `<num type="page">`. The contents list is the
book's own (`ctx.contents`), or the outline when the book prints none.

The pass runs last, after enrichment, so that names are never marked inside the lists, and
after every division is settled (`structure.settle_empty_divs`: a heading-only division
merged into the next carries its entries with it).

A pointer may cross into another file of the edition, and which file is the writer's choice
(one file per body division). So a `<ref>` made here holds no file name: it carries
`POINTER` (the target's anchor) and the target carries `ANCHOR`; `resolve_pointers` (called
by the writer once it knows the files) sets `@target` and removes both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from lxml import etree

from ..tei import XML_ID, block_line, children, q, sub, xpath
from .accounting import words
from .context import Context
from .figures import figure_id
from .structure import settle_empty_divs

# Internal attributes, removed before writing (like tei.LINE_ATTR).
ANCHOR = "teikit-anchor"
POINTER = "teikit-pointer"

# A view (`Context.view`) that holds while the book's divisions stand as this pass settled
# them: its lists put in none a heading alone. The pass keeps it (`Pass.keeps_views`), so the
# writer, which settles the divisions again where another pass may have run since, need not
# (a walk of every element of the book: 3 ms of the enriched bundled book).
SETTLED = "divisions-settled"


def _anchor(el: etree._Element) -> str:
    """The element's anchor: its xml:id, or one made for it (front and back divisions have
    none) from its place in the document, so that a run gives the same tree every time."""
    if el.get(ANCHOR) is None:
        place = "-".join(str(a.getparent().index(a)) for a in (el, *el.iterancestors()) if a.getparent() is not None)
        el.set(ANCHOR, el.get(XML_ID) or f"div-{place}")
    anchor = el.get(ANCHOR)
    assert anchor is not None
    return anchor


def _pointer(item: etree._Element, text: str, target: etree._Element | None) -> None:
    """Append `text` to the item: a ref to `target` when there is one, else plain text."""
    if target is not None:
        ref = sub(item, "ref", text)
        ref.set(POINTER, _anchor(target))
    elif len(item):
        item[-1].tail = (item[-1].tail or "") + text
    else:
        item.text = (item.text or "") + text


def _page(item: etree._Element, page: str | None) -> None:
    if not page:
        return
    if len(item):
        item[-1].tail = (item[-1].tail or "") + " "
    else:
        item.text = (item.text or "") + " "
    sub(item, "num", page, type="page")


def _contents(tei, ctx: Context, front: etree._Element | None) -> None:
    """`front`: the book's one front matter (None when it has none or several)."""
    found = (
        [d for d in front if d.tag == q("div") and d.get("type") == "contents"]
        if front is not None
        else xpath(tei, "//t:front/t:div[@type='contents']")
    )
    for div in found:
        printed = children(div, "p")
        for b in printed:
            div.remove(b)
        lst = sub(div, "list", type="contents")
        for e in ctx.contents or ctx.outline:
            item = sub(lst, "item")
            if e.label:
                sub(item, "label", e.label).tail = " "
            target = e.div if isinstance(e.div, etree._Element) and e.div.getparent() is not None else None
            if target is None and e.div is not None:
                ctx.report.info(
                    "contents-entry-unlinked",
                    e.line,
                    "the division this contents entry names is no longer in the edition "
                    "(its content was moved, e.g. notes to their references): the entry stays as text",
                    text=e.title,
                )
            _pointer(item, e.title, target)
            _page(item, e.page)
        reported = Counter(w for f in ctx.report.of_kind("dropped-toc-cell") for w in words(f.text or ""))
        missing = (
            Counter(w for b in printed for w in words(" ".join(b.itertext())))
            - Counter(words(" ".join(lst.itertext())))
            - reported
        )
        if missing:
            # The entries as read lack words the printed list holds (a summary under each
            # entry, words the parse left out): the list stays as printed, nothing is lost.
            div.remove(lst)
            for b in printed:
                div.append(b)
            ctx.report.add(
                "contents-kept-as-printed",
                block_line(printed[0]) if printed else None,
                f"the contents list holds words its entries do not ({', '.join(sorted(missing)[:5])}…): "
                "kept as printed, without links",
            )


def _listed_figures(
    ctx: Context, root: etree._Element, figures: list[etree._Element], divs: list[etree._Element]
) -> dict[str, etree._Element]:
    """The elements the list of figures points at, by id: the book's `figure`s by theirs
    (`figures`: all of them, `divs`: every division, both in document order as they were
    before the divisions were settled). An id made for a figure names it alone in a valid
    edition; should one of the ids the list asks for be on no figure, or on a division too,
    every element's id is read (`ctx.ids()`: an XPath over every element of the book,
    5 to 9 ms of the enriched bundled book)."""
    wanted = {figure_id(entry.key) for entry in ctx.figures.values()}
    on_figures = {}
    for fig in figures:
        ident = fig.get(XML_ID)
        if ident in wanted and _in_document(fig, root):
            on_figures[ident] = fig  # of two alike, the last (as `ctx.ids()`)
    if len(on_figures) < len(wanted) or any(d.get(XML_ID) in wanted for d in divs):
        return ctx.ids()
    return on_figures


def _figures(ctx: Context, found: list[etree._Element], targets: Callable[[], dict]) -> None:
    """`found`: the lists of figures (`div type="figures"`) in document order; `targets()`:
    the elements their entries point at, by id (asked only when the book has such a list)."""
    if not found:
        return
    ids = targets()
    for div in found:
        for b in children(div, "p"):
            div.remove(b)
        lst = sub(div, "list")
        for entry in ctx.figures.values():
            item = sub(lst, "item")
            sub(item, "label", entry.label).tail = " "
            _pointer(item, entry.caption, ids.get(figure_id(entry.key)))
            _page(item, entry.page)


_TEXT, _FRONT, _DIV, _FIGURE = q("text"), q("front"), q("div"), q("figure")


def _in_document(el: etree._Element, root: etree._Element) -> bool:
    """Whether `el` still stands in the tree of `root` (not removed, nor inside a removed element)."""
    return el is root or any(a is root for a in el.iterancestors())


def apply(tei, ctx: Context):
    # The book's texts, front matters, divisions and figures, in document order, found by
    # one walk of the book (`Context.skeleton`), or read before the enrichment passes marked
    # the book (they keep the view). Settling the divisions removes some (those left with
    # nothing but headings) and makes none: those kept are those still in the tree.
    root = tei.getroottree().getroot()
    skeleton = ctx.skeleton()
    texts, fronts, divs, figures = skeleton.texts, skeleton.fronts, skeleton.divisions, skeleton.figures
    settle_empty_divs(
        tei,
        ctx,
        # the one text's divisions: with a single text, those below a text
        [d for d in divs if next(d.iterancestors(_TEXT), None) is not None] if len(texts) == 1 else None,
    )
    ctx.tree_changed()
    _figures(
        ctx,
        [d for d in divs if d.get("type") == "figures" and _in_document(d, root)],
        lambda: _listed_figures(ctx, root, figures, divs),
    )
    fronts = [f for f in fronts if _in_document(f, root)]
    _contents(tei, ctx, fronts[0] if len(fronts) == 1 else None)
    ctx.view(SETTLED, lambda tree: True)
    return tei


def resolve_pointers(tei, file_of: Callable[[etree._Element], str]) -> None:
    """Give every ref made by this pass its `@target`: the file that holds the target, alone
    when the target is the file's own division (`ch03.xml`), else with the target's id
    (`ch03.xml#fig2`). `file_of(el)` names the file of an element (the writer's split)."""
    anchors: dict[str, etree._Element] = {}
    refs = []
    for el in tei.iter():  # one walk of the book for both (each took as long as the rest)
        anchor = el.get(ANCHOR)
        if anchor is not None:
            anchors[anchor] = el
        if el.get(POINTER) is not None:
            refs.append(el)
    for ref in refs:
        target = anchors[ref.get(POINTER)]
        whole = target.getparent() is not None and etree.QName(target.getparent()).localname in (
            "front",
            "body",
            "back",
        )
        name = file_of(target)
        ref.set("target", name if whole or target.get(XML_ID) is None else f"{name}#{target.get(XML_ID)}")
    etree.strip_attributes(tei, ANCHOR, POINTER)
