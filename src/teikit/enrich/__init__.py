"""Enrich: persons, places, organisations and dates in the text, linked to registers.

Passes, in order (each `apply(tei, ctx) -> tei`, declared in PASSES with what they
need and provide; see `teikit.pipeline`):
  registers  the person, place and organisation registers: an earlier run's, the persons of the indexes
  dates      date with ISO 8601 values
  orgs       orgName, linked to orgs.xml (its register seeded from the Subject Index)
  persons    persName, linked to persons.xml
  places     placeName, linked to places.xml

An organisation's name is marked before the persons and places it may hold ("Stalin
Motor Works"): the name passes do not enter an orgName (see `orgs`).

A book without an index (for persons: without one that names a person) has no authority
for the registers; its names are taken from the text on evidence only (`textnames` for
persons, `textplaces` for places, both reading `namewords`). A book whose only index is a
subject index naming some persons gets those from it, and the others from the text's
evidence (`textnames` beside the index).

This package builds on `teikit.context` and `teikit.teiheader`, not on `teikit.convert`:
`teikit.convert` puts these passes after its own.

From the first of these passes to the conversion's end Python's cyclic garbage collector
looks at new objects less often (`Pass.collects_rarely`, `teikit.collector`). The
organisations' and the places' passes share the conversion's answers of which names are
places (`classifying_places`); the places' pass reads each register entry's names once
(`registers.naming_places`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from lxml import etree

from ..context import SKELETON, Context
from ..pipeline import Pass
from ..teiheader import build_header
from . import dates, orgs, persons, places, registers, textnames
from .matching import REGIONS, TEXT_SLOTS, UNMARKED_TEXT, WORD_COUNTS, word_counts
from .namewords import UNMARKED_PROSE
from .places import TOWN_NAMES
from .registers import INDEX_DIVS, PLACE_KINDS, SUBJECT_SITES, SUBJECT_TERMS

# The book's ids as plain strings (`Context.ids` finds each one's element too, of no use here).
_ID_VALUES = etree.XPath("descendant-or-self::*/@xml:id", smart_strings=False)


def seed(tei, ctx: Context):
    """Build the registers the name passes link to: an earlier run's, completed from the indexes."""
    folder = ctx.registers_from
    taken = set(_ID_VALUES(tei))  # the book's own ids: no register entry may take one
    person_reg = registers.Register(
        "person",
        registers.load(folder, registers.PERSONS_FILE),
        build_header(ctx.need_book(), ctx, "Register of persons"),
        taken,
    )
    place_reg = registers.Register(
        "place",
        registers.load(folder, registers.PLACES_FILE),
        build_header(ctx.need_book(), ctx, "Register of places"),
        taken,
    )
    org_reg = registers.Register(
        "org",
        registers.load(folder, registers.ORGS_FILE),
        build_header(ctx.need_book(), ctx, "Register of organisations"),
        taken,
    )
    # The book's texts, back matters, divisions and figures, found by one walk of the book
    # for the back matter's indexes and the running words here, and for navigation's pass,
    # which every pass between keeps them for (`Context.skeleton`): read now, before the
    # marks double the tree's nodes (a walk of the marked bundled book took 4 to 6 ms)
    skeleton = ctx.skeleton()
    divs = ctx.view(INDEX_DIVS, lambda tree: registers.index_divs(tree, skeleton.backs))
    registers.seed_persons(
        person_reg,
        tei,
        ctx.report,
        divs,
        registers.book_subject_terms(ctx),
        texts=skeleton.texts if tei is tei.getroottree().getroot() else None,  # found from the root
    )
    ctx.registers = {"person": person_reg, "place": place_reg, "org": org_reg}
    return tei


def without_index(tei, divs: tuple[list, list] | None = None) -> bool:
    """Whether the book has no index to seed the registers: then names come from the
    text alone, held to the evidence `textnames` asks for (`divs`: `registers.index_divs(tei)`,
    when found already)."""
    names, subjects = divs if divs is not None else registers.index_divs(tei)
    return not names and not subjects


def _persons(tei, ctx: Context):
    # An index that names no person (a subject index of events and places) is no
    # authority for persons either: the text's evidence decides, as without an index. A
    # subject index that names some persons among its subjects names only those it found
    # worth a heading: the text's evidence adds the others, beside them. A Name Index names
    # them all.
    indexed = any(registers.from_index(p) for p in ctx.registers["person"].entries.values())
    if not indexed:
        return textnames.apply(tei, ctx)
    tei = persons.apply(tei, ctx)
    names, _ = ctx.view(INDEX_DIVS, registers.index_divs)
    return tei if names else textnames.apply(tei, ctx, beside_index=True)


def _places(tei, ctx: Context):
    """The places' pass, each entry's names read once (`registers.naming_places`)."""
    with registers.naming_places():
        return _seeded_places(tei, ctx)


def _seeded_places(tei, ctx: Context):
    place_register = registers.Places(ctx.registers["place"])
    divs = ctx.view(INDEX_DIVS, registers.index_divs)
    counts = word_counts(ctx)
    topics = registers.seed_places(
        place_register,
        tei,
        ctx.profile,
        ctx.person_words,
        ctx.report,
        divs,
        common_word=lambda name: places.common_word(name, counts.lower, counts.capitalised),
        terms=registers.book_subject_terms(ctx),
        sites=registers.book_subject_sites(ctx),
    )
    return places.apply(tei, ctx, strict=without_index(tei, divs), topics=topics)


def classifying_places(apply: Callable) -> Callable:
    """A pass's `apply` run with the conversion's answers of `registers.classify_place`
    (`registers.classifying`: the bundled book's organisations and places ask 1,400 times,
    of 1,132 names), kept between passes as a view none changes."""

    @wraps(apply)
    def run(tei, ctx: Context):
        with registers.classifying(ctx.profile, ctx.view(PLACE_KINDS, lambda tree: {})):
            return apply(tei, ctx)

    return run


# The views of the tree every pass that marks the running text keeps (`Pass.keeps_views`);
# dates, organisations, persons and places keep the text slots too (dates makes them, and
# marks through them or forgets them); the answers of
# `registers.classify_place` (`PLACE_KINDS`) read no tree; a mark is made by cutting a text
# node (`teikit.textnodes`), a mark's name changed in place, no other element made, moved
# nor removed, so the book's skeleton (`SKELETON`: texts, divisions, figures) stands.
_MARKING_KEEPS = (
    REGIONS,
    UNMARKED_TEXT,
    UNMARKED_PROSE,
    WORD_COUNTS,
    TOWN_NAMES,
    INDEX_DIVS,
    SUBJECT_TERMS,
    SUBJECT_SITES,
    PLACE_KINDS,
    SKELETON,
)


# Dates go first: "4 May" is a date before "May" can be a person's surname. Organisations
# next: "Stalin Motor Works" is one name before "Stalin" can be a person's.
PASSES = [
    Pass(
        "registers",
        seed,
        needs=("book", "indexes"),
        provides=("registers",),
        doc="the person, place and organisation registers: an earlier run's, the indexes' persons",
        keeps_views=(INDEX_DIVS, SUBJECT_TERMS, SKELETON),  # it reads the tree only
        collects_rarely=True,
    ),
    Pass(
        "dates",
        dates.apply,
        needs=("paragraphs",),
        provides=("dates",),
        doc="date, with ISO 8601 values",
        keeps_views=(*_MARKING_KEEPS, TEXT_SLOTS),  # it marks through them, or forgets them
        collects_rarely=True,
    ),
    Pass(
        "orgs",
        classifying_places(orgs.apply),
        needs=("registers", "dates"),
        provides=("orgs",),
        doc="orgName, linked to orgs.xml",
        keeps_views=(*_MARKING_KEEPS, TEXT_SLOTS),
        collects_rarely=True,
    ),
    Pass(
        "persons",
        _persons,
        needs=("registers", "book", "dates"),
        provides=("persons", "person-words"),
        doc="persName, linked to persons.xml",
        keeps_views=(*_MARKING_KEEPS, TEXT_SLOTS),
        collects_rarely=True,
    ),
    Pass(
        "places",
        classifying_places(_places),
        needs=("registers", "person-words"),
        provides=("places",),
        doc="placeName, linked to places.xml",
        keeps_views=(*_MARKING_KEEPS, TEXT_SLOTS),
        collects_rarely=True,
    ),
]
