"""The shortcuts of issue 14's third round of speed work on the shared machinery give what
their plain forms give, on real books: the navigation pass's one walk of the book (its
texts, front matters, divisions and figures) and its figures looked up among the figures;
the sites an index lists under a place read only from the sub-lists that write a group's
word; a register's source notes without a subtype found by a walk of its standOffs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import EDITION, REGISTERS, SAMPLE, SHARED
from teikit.convert import PASSES, convert_tree, navigation
from teikit.convert.structure import settle_empty_divs
from teikit.enrich import registers
from teikit.pipeline import Registry
from teikit.tei import XML_ID, children, everywhere, make, only, q, sub, text_of, xpath

# Books whose front matter lists their figures (the bundled book), or their contents.
BOOKS = [SAMPLE, *(SHARED / "corpus" / "books" / f"{name}.txt" for name in ("gardiner-french-revolution",))]


def _before_navigation(source: Path, change=None):
    """The book converted up to navigation (enrichment left out: it adds no division, figure
    nor id), `change(tei)` made to it then."""
    tei, ctx = convert_tree(source, passes=Registry(PASSES))
    if change is not None:
        change(tei)
        ctx.tree_changed()
    return tei, ctx


def _navigation_plainly(tei, ctx):
    """The pass as it read the tree before it walked it once: each element sought by a walk
    of its own, the figures' targets among every id of the book (`ctx.ids()`)."""
    settle_empty_divs(tei, ctx)
    ctx.tree_changed()
    navigation._figures(ctx, [d for d in everywhere(tei, "div") if d.get("type") == "figures"], ctx.ids)
    navigation._contents(tei, ctx, only(tei, "front"))
    return tei


def _outcome(tei, ctx) -> tuple[bytes, list]:
    return etree.tostring(tei), [(f.kind, f.line, f.text) for f in ctx.report.findings]


def _compare(source: Path, change=None) -> None:
    tei, ctx = _before_navigation(source, change)
    plain_tei, plain_ctx = _before_navigation(source, change)
    assert _outcome(navigation.apply(tei, ctx), ctx) == _outcome(_navigation_plainly(plain_tei, plain_ctx), plain_ctx)


@pytest.mark.parametrize("source", BOOKS, ids=lambda p: p.stem)
def test_navigation_walking_the_book_once_is_walking_it_for_each(source):
    if not source.is_file():
        pytest.skip(f"{source} absent")
    _compare(source)


def test_the_bundled_book_lists_figures_found_among_its_figures():
    tei, ctx = _before_navigation(SAMPLE)
    assert len(ctx.figures) == 10
    root = tei.getroottree().getroot()
    figures = list(root.iter(navigation._FIGURE))
    found = navigation._listed_figures(ctx, root, figures, list(root.iter(navigation._DIV)))
    ids = ctx.ids()
    assert found == {key: ids[key] for key in found} and set(found) == {f.get(XML_ID) for f in figures}


def _division_named_frontispiece(tei) -> None:
    """The last division given the id of the bundled book's frontispiece (a division and a
    figure of one id: the list pointed at the one written last, the division)."""
    everywhere(tei, "div")[-1].set(XML_ID, "frontispiece")


def test_a_figure_s_id_on_a_division_too_is_looked_up_among_every_id():
    tei, ctx = _before_navigation(SAMPLE, _division_named_frontispiece)
    root = tei.getroottree().getroot()
    targets = navigation._listed_figures(
        ctx, root, list(root.iter(navigation._FIGURE)), list(root.iter(navigation._DIV))
    )
    assert targets["frontispiece"].tag == navigation._DIV
    _compare(SAMPLE, _division_named_frontispiece)


def _figure_three_s_id_on_a_paragraph(tei) -> None:
    """The bundled book's third figure removed, a paragraph given its id: the list pointed
    at the paragraph (an id on no figure)."""
    root = tei.getroottree().getroot()
    fig = next(f for f in root.iter(navigation._FIGURE) if f.get(XML_ID) == "fig3")
    fig.getparent().remove(fig)
    everywhere(tei, "p")[-1].set(XML_ID, "fig3")


def test_a_listed_figure_s_id_on_no_figure_is_looked_up_among_every_id():
    _compare(SAMPLE, _figure_three_s_id_on_a_paragraph)


def _sites_plainly(item) -> list[tuple[str, str]]:
    """`registers._sites` as it read every sub-list: each part's words, whatever they write."""
    out: list[tuple[str, str]] = []
    for sub_list in children(item, "list"):
        group = None
        for part in children(sub_list, "item"):
            term = part.find(q("term"))
            words = " ".join(text_of(term).split()).strip(" ,;") if term is not None else ""
            label = registers._GROUP_LABEL.match(words)
            if label:
                kinds = [
                    registers._SITE_GROUPS[w]
                    for w in re.findall(r"[a-z]+", label.group(0))
                    if w in registers._SITE_GROUPS
                ]
                group = kinds[0] if kinds else None
                words = words[label.end() :]
            if group and words[:1].isupper():
                out.append((re.sub(r"\s*\([^)]*\)", "", words), group))
    return out


def _index_with_edges():
    """Sub-lists that name groups of sites, or seem to: run together with their first site,
    split over elements of the term, a group's word in a comment or in a heading's own term,
    a part without a term, a word that holds a group's (\"subdistricts\")."""
    div = make("div", type="index")
    top = sub(div, "list")
    cases = [
        ["districts", "Bauman", "Krasnaya Presnya", "industry", "Zamoskvorechye"],
        ["buildings and locations Bolshoi Theatre", "Kremlin (fortress)", "streets", "Arbat"],
        ["subdistricts", "Lefortovo"],
        ["monuments,", "Pushkin statue;", "quarters", "Old Town"],
        ["housing", "Sokolniki"],
        [None, "squares", "Red Square"],
    ]
    for k, parts in enumerate(cases):
        item = sub(top, "item")
        sub(item, "term", f"Town {k} streets")
        sub_list = sub(item, "list")
        for words in parts:
            part = sub(sub_list, "item")
            if words is not None:
                sub(part, "term", words)
    item = sub(top, "item")
    sub(item, "term", "Split")
    term = sub(sub(sub(item, "list"), "item"), "term", "dis")
    sub(term, "hi", "tricts")
    sub(sub(item[-1], "item"), "term", "Khamovniki")
    item = sub(top, "item")
    sub(item, "term", "Commented")
    term = sub(sub(sub(item, "list"), "item"), "term", "the ")
    term.append(etree.Comment("districts"))
    sub(sub(item[-1], "item"), "term", "Arbat")
    return div


def test_sites_read_from_the_sub_lists_naming_a_group_are_those_read_from_all():
    back = etree.parse(str(EDITION / "back.xml")).getroot()
    items = xpath(back, "//t:item[t:term]") + xpath(_index_with_edges(), ".//t:item[t:term]")
    assert len(items) > 900
    found = [registers._sites(item) for item in items]
    assert found == [_sites_plainly(item) for item in items]
    assert sum(map(len, found)) > 30  # the bundled book's sites of Moscow, and the edges'


def test_sites_of_the_subject_terms_read_are_those_of_the_index():
    """`registers.indexed_sites` given the subject indexes' items read already (`subject_terms`)."""
    back = etree.parse(str(EDITION / "back.xml")).getroot()
    divs = ([], [*xpath(back, "//t:div[@type='index']"), _index_with_edges()])
    terms = registers.subject_terms(divs[1])
    sites = registers.indexed_sites(divs)
    assert len(sites) > 30 and registers.indexed_sites(divs, terms) == sites


def _untyped_sources_plainly(root) -> list:
    return xpath(root, "//t:standOff//t:note[@type='source'][not(@subtype)]")


def _registers_as_an_older_run_left_them() -> list:
    """The bundled edition's registers, their source notes without the subtype an older run
    did not write (some kept), and one with a standOff inside another and one outside it."""
    out = []
    for name in REGISTERS:
        root = etree.parse(str(EDITION / name)).getroot()
        out.append(root)
        old = etree.parse(str(EDITION / name)).getroot()
        for k, note in enumerate(old.iter(q("note"))):
            if k % 3:
                note.attrib.pop("subtype", None)
        out.append(old)
    nested = etree.parse(str(EDITION / REGISTERS[0])).getroot()
    stand_off = nested.find(q("standOff"))
    inner = sub(stand_off, "standOff")
    sub(inner, "note", "Name Index", type="source")
    sub(sub(inner, "standOff"), "note", "the text", type="source")
    sub(nested.find(q("teiHeader")), "note", "outside", type="source")
    sub(sub(nested, "standOff"), "note", "a second", type="source")
    out.append(nested)
    return out


def test_a_register_s_untyped_source_notes_are_those_xpath_finds():
    roots = _registers_as_an_older_run_left_them()
    found = [registers._untyped_sources(xpath(root, "//t:standOff")) for root in roots]
    assert found == [_untyped_sources_plainly(root) for root in roots]
    assert sum(map(len, found)) > 1000 and len(found[-1]) == 3
