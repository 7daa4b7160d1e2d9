"""The shortcuts of the persons pass's later rules (a poem as its own scope, a quoted word
and a work's title no mention) find what the plain forms they stand for find.

Each (the divisions' elements mapped in one walk, a person's fit to a name told once for
every poem, a test told by `endswith` before a pattern's search) is compared with its plain
form on the real text or tree of a book of the corpus (skipped where it is absent) and on
strings made to catch the edges: a shortcut that answered otherwise once would change the
edition.
"""

from __future__ import annotations

import re

from lxml import etree

from teikit.convert import convert_tree, default_passes
from teikit.enrich import matching, persons, textnames
from teikit.enrich.matching import (
    marked_text,
    pieces_in,
    standalone_divisions,
    unmarked,
    unmarked_of,
    uses_of,
    word_counts,
)
from teikit.enrich.namewords import Words, unmarked_prose
from teikit.enrich.textnames import Name
from teikit.pipeline import Pass
from teikit.profile import load_profile
from test_enrich_noindex import _book, _book_profile

BURNS = "burns-poems-and-songs"


def _before_persons(name: str, look) -> None:
    """Convert the book of the corpus `name`, `look(tei, ctx)` called right before its persons pass."""
    passes = default_passes().add(Pass("look", look, changes_tree=False), before="persons")
    convert_tree(_book(name), profile=_book_profile(name), passes=passes)


def test_each_text_node_is_in_the_division_its_element_climbs_to():
    """`matching._division_of` (each element of the poems that stand alone, mapped in one
    walk) gives each of Burns's text nodes, as the persons pass reads them, the division
    its element's climb to the nearest division gives (`_division_climbing`)."""
    told: dict[bool, int] = {True: 0, False: 0}

    def look(tei, ctx):
        divisions = standalone_divisions(ctx)
        inside = set(divisions)
        division_of = matching._division_of(divisions)
        for slots in marked_text(ctx):
            for slot in slots:
                expected = matching._division_climbing(slot, inside)
                assert division_of.get(slot[0]) is expected, slot[2][:60]
                told[expected is not None] += 1
        return tei

    _before_persons(BURNS, look)
    assert told[True] > 10_000 and told[False] > 100  # the poems' lines, and the prose around them


def _standalone_plainly(ctx) -> list:
    """`standalone_divisions` as it was written: a division below found by `find`, its
    children's text lengths summed over `itertext`."""
    out = []
    for region in ctx.view(matching.REGIONS, matching.regions):
        for div in region.iter(matching._DIV):
            if div.find(f".//{matching._DIV}") is not None or div.find(matching._HEAD) is None:
                continue
            verse = prose = 0
            for child in div:
                if child.tag != matching._HEAD:
                    length = sum(map(len, child.itertext()))
                    if child.tag in matching._VERSE:
                        verse += length
                    else:
                        prose += length
            if verse and verse >= prose:
                out.append(div)
    return out


def test_the_poems_that_stand_alone_are_those_the_plain_reading_finds():
    """`standalone_divisions` (each child's text serialised at once, `_text_length`) finds
    in Burns's book the poems its plain form finds; and `_text_length` of every element of
    the book, and of edges (a comment, a nested mark, an entity's character), is the sum
    of its text nodes' lengths."""
    seen = []

    def look(tei, ctx):
        divisions = standalone_divisions(ctx)
        assert divisions == _standalone_plainly(ctx)
        seen.append(len(divisions))
        for el in tei.iter():
            if isinstance(el.tag, str):
                assert matching._text_length(el) == sum(map(len, el.itertext())), el.tag
        return tei

    _before_persons(BURNS, look)
    assert seen[0] > 300
    edges = etree.fromstring(
        "<lg><l>O <!--x-->my <hi>Luve&amp;<?pi y?> <persName>Jean</persName></hi>, é\u2014</l>tail</lg>"
    )[0]
    assert matching._text_length(edges) == sum(map(len, edges.itertext())) == len("O my Luve& Jean, é\u2014")


def test_the_capitals_of_the_headings_are_counted_once_as_afresh():
    """`_capitals_in_headings` kept for a `Words` (asked by the discovery, then by the
    marking) is what counting afresh gives after the discovery read Burns's book."""
    kept = []

    def look(tei, ctx):
        text = unmarked(ctx)
        words = Words(
            text,
            ctx.profile,
            unmarked_prose(ctx),
            word_counts(ctx).lower,
            lines=pieces_in(ctx, "l"),
            headings=pieces_in(ctx, "head"),
        )
        first = textnames._capitals_in_headings(words)
        textnames.discover(text, words)
        kept.append((first, textnames._capitals_in_headings(words), textnames._count_capitals_in_headings(words)))
        return tei

    _before_persons(BURNS, look)
    first, again, afresh = kept[0]
    assert again is first and first == afresh
    assert sum(afresh.values()) > 500


def _find_plainly(linker: textnames.Linker, name: Name, told_apart: bool, written) -> object | None:
    """`Linker.find` as it was written before its fit was told apart from the uses (the
    plain form of `Linker.fitting` cached once for every poem)."""
    person = linker.by_key.get(name.key())
    if person is not None:
        return person
    if name.surname:
        names = linker.by_surname.get(name.surname, [])
    else:
        names = linker.by_first.get(name.given[0], []) if name.given else []
    fitting = [(n, p) for n, p in names if textnames._fits(name, n)]
    if len({id(p) for _, p in fitting}) != 1:
        return None
    known, person = fitting[0]
    if name.surname or not known.surname:
        return person
    uses, least = (
        (linker.written, textnames.MIN_WRITTEN) if written is None else (written, textnames.MIN_WRITTEN_IN_DIVISION)
    )
    if told_apart or max(uses.get(form, 0) for form in textnames.full_forms(known)) < least:
        return None
    return person


def test_a_names_fit_told_once_links_in_each_poem_as_the_plain_find():
    """`Linker.linked` of `Linker.fitting` (the fit told once, for the book and every poem
    that stands alone) links each name of the persons Burns's first run registers, whole
    and cut to its forename or surname, as the plain `find` does, book-wide and in each poem."""
    linked = []

    def look(tei, ctx):
        entries = {key: p for key, p in ctx.registers["person"].entries.items()}
        linked.append((entries, [unmarked_of([d]) for d in standalone_divisions(ctx)]))
        return tei

    passes = default_passes().add(Pass("look", look, changes_tree=False), after="persons")
    convert_tree(_book(BURNS), profile=_book_profile(BURNS), passes=passes)
    entries, poems = linked[0]
    names = {n for p in entries.values() for n in textnames.entry_names(p)}
    names |= {Name("", n.given[:1], "") for n in names if n.given} | {Name(n.hon, (), n.surname) for n in names}
    full = {form for n in names if n.given and n.surname for form in textnames.full_forms(n)}
    linker = textnames.Linker(entries, uses_of(full, "\n\n".join(poems)))
    fitting = {name: linker.fitting(name) for name in names}
    forms = sorted(full)
    scopes = [None, *(uses_of(forms, poem) for poem in poems)]
    both = 0
    for name in names:
        for told_apart in (False, True):
            for written in scopes:
                expected = _find_plainly(linker, name, told_apart, written)
                assert linker.linked(fitting[name], told_apart, written) is expected, name
                both += expected is not None and fitting[name][1] is not None
    assert len(names) > 200 and len(poems) > 300
    assert both > 0  # some forename alone is linked where its poem writes the full name


# A work's title after its author's possessive: the line's end and the text's own before the name.
WORKS = (
    "Sénancour’s novel of Obermann, Tolstoy's novel of\nAnna, Hugo's poem of  Ruth, Scott's novel of\n\nIvanhoe, "
    "Mill's essay of Liberty. Defoe's novel ofCrusoe, Byron's poem of \nHarold, the word “God”, the words 'Christ',"
)


def test_a_works_title_and_a_quoted_word_are_told_as_the_patterns_tell_them():
    """`persons._OF_BEFORE` (told by `endswith`) before the work's-title pattern, and the
    opening quote before `_the_word_quoted`, refuse no mention the patterns find: before
    every capital of James's book (whose "Sénancour’s novel of Obermann" this rule was
    made for) and at every position of the edges."""
    work_of = persons._work_of_pattern(load_profile().title_cues)
    assert work_of is not None
    james = _book("james-varieties-of-religious-experience").read_text(encoding="utf-8")
    found = quoted = 0
    for text, positions in (
        (james, [m.start() for m in re.finditer(r"[A-Z]", james)]),
        (WORKS, range(len(WORKS) + 1)),
    ):
        for start in positions:
            expected = work_of.search(text, max(0, start - 40), start) is not None
            told = text.endswith(persons._OF_BEFORE, 0, start) and work_of.search(text, max(0, start - 40), start)
            assert bool(told) == expected, (text[max(0, start - 40) : start], start)
            found += expected
            for end in range(start + 1, min(len(text), start + 12) + 1):
                word = persons._the_word_quoted(text, start, end)
                assert not word or text[start - 1 : start] in persons._QUOTES_OPENING
                quoted += word
    assert found > 5 and quoted > 1  # the edges are found, not only refused
