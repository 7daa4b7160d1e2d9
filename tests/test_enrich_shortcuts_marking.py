"""The organisations' pass marks and reads the text nodes by shortcuts that give what their
plain forms give: `textnodes.wrap_slots_at` (only the text nodes marked visited) against
`textnodes.wrap_slots` (a call for each), `orgs.HeadingPieces` (a text node's
element found from its index) against `orgs._in_heading` climbed from each text node, `orgs.piece_starts`
against the offsets summed piece by piece. On the bundled book's edition, whose text nodes
every mark of the passes cuts, and on the bundled book converted afresh."""

from __future__ import annotations

import copy
import re
from itertools import accumulate

from lxml import etree

from conftest import SAMPLE
from teikit.enrich import matching, orgs, registers
from teikit.tei import make, q, text_of
from teikit.textnodes import text_slots, wrap_slots, wrap_slots_at

EDITION = SAMPLE.parent.parent / "tei" / "iron-lazar"


def _chapters() -> list:
    return [etree.parse(str(path)).getroot() for path in sorted(EDITION.glob("*.xml")) if path.stem != "persons"]


def test_wrapping_only_the_text_nodes_marked_is_wrapping_each_in_turn():
    """`wrap_slots_at` with the spans a finder gives a few text nodes against `wrap_slots`
    handing that finder every one: the same tree (marks at a text node's ends, one text node
    marked whole, several in one) and the same list of text nodes after, region by region."""
    pattern = re.compile(r"\b(?:[A-Z][a-z]+ )?(?:Committee|Politburo|Party)\b|^\S+$|^\w+|\w+$")
    compared = 0
    for chapter in _chapters()[:6]:
        plain, shortcut = chapter, copy.deepcopy(chapter)
        for tei in (plain, shortcut):
            assert tei.tag == q("TEI")
        plain_slots = [text_slots(d, matching.SKIP) for d in matching.regions(plain)]
        short_slots = [text_slots(d, matching.SKIP) for d in matching.regions(shortcut)]
        for k, (slots, other) in enumerate(zip(plain_slots, short_slots)):
            texts = [text for _, _, text in other]

            def find(text: str, k=k):
                # a few text nodes only (those a region's count picks), as a pass's names stand
                if (len(text) + k) % 7:
                    return []
                return [(m.start(), m.end(), make("orgName")) for m in pattern.finditer(text)]

            wrap_slots(slots, find)
            wrap_slots_at(other, {j: find(text) for j, text in enumerate(texts) if (len(text) + k) % 7 == 0})
            compared += sum(1 for _ in plain.iter(q("orgName")))
        assert etree.tostring(plain) == etree.tostring(shortcut)
        assert [[(s[2]) for s in r] for r in plain_slots] == [[(s[2]) for s in r] for r in short_slots]
        # the lists are those of the trees as they now are
        assert [[t for _, _, t in r] for r in short_slots] == [
            [t for _, _, t in text_slots(d, matching.SKIP)] for d in matching.regions(shortcut)
        ]
    assert compared > 100


def test_the_pieces_of_headings_told_by_their_index_are_those_climbed_to():
    """`HeadingPieces` (a text node's element found from its index among the regions, when
    asked) against `_in_heading` of each text node's element, in a walk of them all: on
    the edition's chapters and back matter (headings holding a label, a date, names), and
    a heading given a note (a block: its text is no heading's) and a hi inside that note;
    no index outside the text nodes is a heading's."""
    chapters = _chapters()
    extra = copy.deepcopy(chapters[0])
    head = next(extra.iter(q("head")))
    note = etree.SubElement(head, q("note"))
    note.text = "A note in a heading"
    hi = etree.SubElement(note, q("hi"))
    hi.text = "emphasis in it"
    hi.tail = " and after"
    note.tail = " the heading goes on"
    found_some = 0
    for tei in [*chapters, extra]:
        regions = [text_slots(d, matching.SKIP) for d in matching.regions(tei)]
        slots = [s for region in regions for s in region]
        plain = frozenset(k for k, (el, _, _) in enumerate(slots) if orgs._in_heading(el))
        headings = orgs.HeadingPieces(regions)
        assert frozenset(k for k in range(len(slots)) if k in headings) == plain
        assert not {-1, len(slots), len(slots) + 5, "0", None} & {
            k for k in (-1, len(slots), len(slots) + 5, "0", None) if k in headings
        }
        found_some += len(plain)
    assert found_some > 50
    regions = [text_slots(d, matching.SKIP) for d in matching.regions(extra)]
    texts = [t for region in regions for _, _, t in region]
    headings = orgs.HeadingPieces(regions)
    picked = {text for k, text in enumerate(texts) if k in headings}
    assert " the heading goes on" in picked and "A note in a heading" not in picked and "emphasis in it" not in picked


def test_where_each_piece_begins_in_the_joined_text():
    """`piece_starts` against the offsets summed piece by piece, on the edition's pieces:
    each piece is found at its offset in the pieces joined by blank lines."""
    for tei in _chapters():
        pieces = [t for d in matching.regions(tei) for _, _, t in text_slots(d, matching.SKIP)]
        starts = orgs.piece_starts(pieces)
        assert starts == list(accumulate((len(p) + 2 for p in pieces[:-1]), initial=0))
        joined = "\n\n".join(pieces)
        assert all(joined.startswith(p, at) for p, at in zip(pieces, starts))
    assert orgs.piece_starts([]) == [0] and orgs.piece_starts(["x"]) == [0]


def test_the_pieces_holding_a_word_found_in_the_joined_text_are_those_asked_in_turn():
    """`pieces_holding` (`str.find` in the pieces joined by blank lines) against asking each
    piece whether it holds the words: on the edition's pieces, for the words the pass seeks
    (" other ") and others, one found in most pieces, one that would run over a blank line
    between two pieces if it could ("s\n\nT" is never sought: a line's end is in no part);
    and on pieces that hold blank lines and the word at their edges."""
    samples = [[t for d in matching.regions(tei) for _, _, t in text_slots(d, matching.SKIP)] for tei in _chapters()]
    samples.append([" other ", "x other \n\n other y", "", " other", "other ", "\n\n", "a other b other c", " other "])
    seen = 0
    for pieces in samples:
        joined, starts = "\n\n".join(pieces), orgs.piece_starts(pieces)
        for part in (" other ", " the ", "Committee", " other", "zzqx"):
            plain = [k for k, piece in enumerate(pieces) if part in piece]
            assert orgs.pieces_holding(part, joined, starts) == plain, part
            seen += len(plain)
    assert seen > 1000


def test_the_subject_index_headings_are_read_once_for_the_passes_that_seed_from_them():
    """`registers.SUBJECT_TERMS` (the subject indexes' items and terms, read by the registers
    pass) is the same list when places reads it, and what the final tree gives; seeding
    the places' and the persons' registers and reading the organisations' headings from it
    gives what each gives reading the index itself (`terms` not given)."""
    from teikit.convert import convert_tree, default_passes
    from teikit.enrich.registers import INDEX_DIVS, SUBJECT_TERMS, book_subject_terms, index_divs, subject_terms
    from teikit.pipeline import Pass
    from teikit.profile import load_profile

    found, trees = [], []

    def read(tei, ctx):
        found.append(ctx.view(SUBJECT_TERMS, lambda tree: None))  # None: not read before
        assert book_subject_terms(ctx) is found[-1]
        trees.append((tei, ctx.view(INDEX_DIVS, index_divs)))
        return tei

    passes = default_passes().add(Pass("read1", read, changes_tree=False), after="registers")
    passes = passes.add(Pass("read2", read, changes_tree=False), after="places")
    tree, _ = convert_tree(SAMPLE, passes=passes)
    assert found[0] is found[1] and found[0] is not None
    divs = index_divs(tree)
    assert [[(id(i), t) for i, t in items] for items in found[1]] == [
        [(id(i), t) for i, t in items] for items in subject_terms(divs[1])
    ]
    assert sum(map(len, found[0])) > 500  # the sample's Subject Index

    tei, divs = trees[1]
    terms = found[1]
    profile = load_profile(source=SAMPLE)

    def seeded_places(**given):
        places = registers.Places(registers.Register("place"))
        topics = registers.seed_places(places, tei, profile, set(), None, divs, **given)
        return sorted(topics), etree.tostring(places.reg.root)

    assert seeded_places(terms=terms) == seeded_places()

    class Report:
        def info(self, *args, **kwargs):
            pass

    def seeded_persons(**given):
        reg = registers.Register("person")
        registers.seed_persons(reg, tei, Report(), divs, **given)
        return etree.tostring(reg.root)

    assert seeded_persons(terms=terms) == seeded_persons()
    # the organisations' reading of the headings, as it was, each item's term read from it
    items = [item for div in divs[1] for item in div.iter(q("item")) if item.find(q("term")) is not None]
    index = orgs.IndexItems(divs[1], terms)
    assert index.items == items
    assert [index.term(i) for i in items] == [" ".join(text_of(i.find(q("term"))).split()).strip(" ,;") for i in items]
