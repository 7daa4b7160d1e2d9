"""What the enrichment passes share: the text they read, how often it writes each word,
and one-pass name matching.

Names are found with an Aho-Corasick automaton (ahocorasick-rs) built once over every
form a register knows, so a text is scanned once whatever the register's size. The words
of the unmarked text are counted once (`WordCounts`), for every pass that asks whether the
book writes a word in lower case.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import cache, cached_property, lru_cache
from itertools import accumulate, compress, groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import ahocorasick_rs
from lxml import etree

from ..tei import only, q, xpath
from ..textnodes import Finder, Slot, texts, wrap_slots, wrap_slots_only

if TYPE_CHECKING:
    from ..context import Context

# Elements whose words are not running text: titles of works, foreign phrases,
# references, terms, markup made already, code and examples (whose content is not prose:
# TEI's `code` holds text only).
SKIP = (
    "code",
    "eg",
    "title",
    "foreign",
    "bibl",
    "listBibl",
    "ref",
    "num",
    "term",
    "persName",
    "placeName",
    "orgName",
    "date",
    "teiHeader",
    "titlePage",
    "figDesc",
    "label",
)
_REGIONS = (
    "//t:text/t:front/t:div[not(@type='contents' or @type='figures')]"
    " | //t:text/t:body/t:div"
    " | //t:text/t:back/t:div[not(@type='index')]"
)


# What `_REGIONS` selects, read from the book's one `text` (a walk down from it, not XPath's
# search of the whole document for each of the three parts): each part's divisions but
# those of the types named. A bibliography is read: its entries (`bibl`, `listBibl`) are
# `SKIP`ped as titles are, and its paragraphs are prose, as an EPUB's essay on the author's
# works that its publisher tags a bibliography ("Men are still the dupes ... in the days of
# Alexander VI": The Prince's "The Man and His Works").
_LEFT_OUT = {q("front"): ("contents", "figures"), q("body"): (), q("back"): ("index",)}
_DIV = q("div")


# The name of `regions` as a view of the tree (`Context.view`): the marking passes add no
# division (`Pass.keeps_views`), so the book's tree is walked for them once.
REGIONS = "regions"


def regions(tei) -> list:
    """The divisions of running text and notes, in reading order."""
    text = only(tei, "text")
    if text is None:  # none, or several (a group of texts): XPath keeps their order
        return xpath(tei, _REGIONS)
    out: list = []
    for part in text:
        left_out = _LEFT_OUT.get(part.tag)
        if left_out is not None:
            out.extend(d for d in part if d.tag == _DIV and d.get("type") not in left_out)
    return out


def plain_text(tei) -> str:
    """The running text as one string, for passes that learn from the whole book before
    they mark anything (blank lines keep text nodes apart)."""
    return "\n\n".join(t for region in regions(tei) for t in texts(region, SKIP))


# The name of `marked_text` as a view of the tree: the name passes that mark the text through
# `mark` keep it true (`Pass.keeps_views`), so each reads a list, not every element of the book.
TEXT_SLOTS = "text-slots"


def marked_text(ctx: Context) -> list[list[Slot]]:
    """The text nodes of running text and notes, region by region (`regions`), as the name
    passes read them (`SKIP` elements left out, the marks made already among them).

    The same walk of the tree reads the book's `unmarked_text`, kept as that view
    (`UNMARKED_TEXT`) where none is yet: the first pass to mark asks for both, each a walk of
    every element of the book and a read of each text node from lxml (the date pass, which
    makes them with `marked_text_by_units`)."""
    return ctx.view(TEXT_SLOTS, lambda tree: _slots_and_unmarked(ctx))


def _slots_and_unmarked(ctx: Context, units: list[list[list]] | None = None) -> list[list[Slot]]:
    slots: list[list[Slot]] = []
    pieces: list[str] = []
    for region in ctx.view(REGIONS, regions):
        region_slots: list[Slot] = []
        region_units: list[list] | None = None if units is None else []
        _unmarked_walk(region, pieces, region_slots, region_units)
        slots.append(region_slots)
        if units is not None and region_units is not None:
            units.append(region_units)
    ctx.view(UNMARKED_TEXT, lambda tree: "\n\n".join(pieces))
    return slots


# What `marked_text_by_units` tells of each division and note inside a region: the element,
# and the first and last (excluded) indexes of its text nodes in the region's list.
Unit = list


def marked_text_by_units(ctx: Context) -> tuple[list[list[Slot]], list[list[Unit]]]:
    """`marked_text(ctx)`, read from the tree now (as the `TEXT_SLOTS` view from here on,
    any older one forgotten), with where each division and note inside each region
    (`SKIP` elements apart) holds its text nodes in the region's list: [element, start,
    end], in document order (an element before those inside it), the text nodes of the
    divisions and notes inside it among its own (from `start` to `end`). The bounds are
    those of the list as made: true until a text node of the region is wrapped.

    For the date pass, which reads a division's own text nodes apart from its divisions'
    and notes' (`textnodes.text_slots(unit, SKIP + div, note)`): one walk of the book
    gives them and the name passes' list, which it then marks through."""
    ctx.forget(TEXT_SLOTS)
    units: list[list[Unit]] = []
    slots = ctx.view(TEXT_SLOTS, lambda tree: _slots_and_unmarked(ctx, units))
    return slots, units


def mark(
    ctx: Context,
    find: Finder,
    region_start=None,
    matcher: Matcher | None = None,
    also: tuple[str, ...] | None = None,
) -> None:
    """`textnodes.wrap(region, find, SKIP)` for each region in turn (`regions`), through the
    `TEXT_SLOTS` view, which stays that of the tree; `region_start()` is called before each
    region (a pass that forgets what it read in the last). `matcher`: the one `find` asks of
    each text, its matches read ahead in one scan of them all (`Matcher.read_ahead`).

    `also` (with `matcher`): the strings besides the matcher's keys that `find` looks for;
    a text node holding no match of `matcher` and none of them is not handed to `find`, which
    must give nothing for it and change nothing (a book's text nodes are tens of thousands, a
    few thousand hold a name: a call for each of the others took most of the marking)."""
    slots = marked_text(ctx)
    if matcher is None:
        for found in slots:
            if region_start is not None:
                region_start()
            wrap_slots(found, find)
        return
    joined = JoinedTexts([text for found in slots for _, _, text in found])
    holding = None if also is None else _texts_holding(joined.texts, also, joined)
    matched = matcher.read_ahead(joined.texts, joined, holding)
    wanted = None if matched is None or holding is None else sorted(matched | holding)
    offset = 0
    for found in slots:
        if region_start is not None:
            region_start()
        if wanted is None:
            wrap_slots(found, find)
        else:
            here = len(found)
            first, last = bisect_left(wanted, offset), bisect_left(wanted, offset + here)
            wrap_slots_only(found, find, [k - offset for k in wanted[first:last]])
            offset += here


FinderAt = Callable[[str, int], list]


def mark_at(
    ctx: Context,
    find_at: FinderAt,
    region_start: Callable[[], None],
    matcher: Matcher,
    joined: JoinedTexts | None = None,
) -> None:
    """`mark(ctx, find, region_start, matcher)` for a `find` that needs to know where each
    text node stands in the book, and gives nothing for a text holding no match of `matcher`:
    `find_at(text, offset)` is called only for the text nodes that hold one (read ahead in one
    scan, `Matcher.read_ahead`), `offset` the length of all the text nodes before it, region
    after region, as a `find` summing the lengths of the texts handed to it would count.
    `region_start()` is called before each region, as `mark` calls it. (A book's text nodes
    are ten thousand, a third of them holding a name: a call for each of the others summed
    their lengths only.) `joined`: the text nodes of `marked_text` as they are, joined
    already for another scan of them (`JoinedTexts`)."""
    slots = marked_text(ctx)
    if joined is None:
        joined = JoinedTexts([text for found in slots for _, _, text in found])
    matched = matcher.read_ahead(joined.texts, joined, ())  # (`find_at` is asked of those matched only)
    wanted = range(len(joined.texts)) if matched is None else sorted(matched)
    offset_of = joined.offset_of
    first = 0  # the index of the region's first text node among all
    for found in slots:
        region_start()
        here = len(found)
        lo, hi = bisect_left(wanted, first), bisect_left(wanted, first + here)
        visit = wanted[lo:hi]
        wrap_slots_only(found, _told_offsets(find_at, [offset_of(k) for k in visit]), [k - first for k in visit])
        first += here


def _told_offsets(find_at: FinderAt, offsets: list[int]) -> Finder:
    """A `find` that hands each text it is given to `find_at` with the next of `offsets`."""
    told = iter(offsets)

    def find(text: str) -> list:
        return find_at(text, next(told))

    return find


def _texts_holding(texts: list[str], strings: tuple[str, ...], joined: JoinedTexts | None = None) -> set[int]:
    """The indexes of the `texts` that hold one of `strings` (none holding a line break): the
    texts joined by blank lines (`joined`, where the caller joined them already), scanned
    once for them all (Aho-Corasick, of their bytes where it can: `bytes_scan`), each place
    found told to its text; a string the scan passes over inside another stands in the same
    text. (`str.find` for each string took twice as long, a test of each text three times.)"""
    if not strings:
        return set()
    if joined is None:
        joined = JoinedTexts(texts)
    starts = joined.starts
    return {bisect_right(starts, at) - 1 for _, at, _ in _strings_scan(strings)(joined.text)}


class JoinedTexts:
    """`texts` (a book's text nodes) joined by blank lines, for the scans that read them all
    at once (`Matcher.read_ahead`, `_texts_holding`, a pass's own): `text`, made once for them
    all, its Latin-1 bytes with it (`latin1_bytes` keeps a long text's), and `starts`, where
    each text starts in it (the last, where one after them would). A pass whose scans each
    joined and encoded the bundled book's ten to sixteen thousand text nodes spent a
    millisecond on it each time. A match of a string that holds no line break lies in one
    text."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    @cached_property
    def text(self) -> str:
        return "\n\n".join(self.texts)

    @cached_property
    def starts(self) -> list[int]:
        return list(accumulate((len(text) + 2 for text in self.texts), initial=0))

    def offset_of(self, k: int) -> int:
        """Where the k-th text starts in the texts joined without anything between them:
        the summed length of those before it."""
        return self.starts[k] - 2 * k


@cache
def _strings_scan(strings: tuple[str, ...]) -> Callable[[str], list]:
    return bytes_scan(list(strings))


def bytes_scan(
    words: list[str],
    kind: ahocorasick_rs.MatchKind = ahocorasick_rs.MatchKind.Standard,
    implementation: ahocorasick_rs.Implementation | None = None,
) -> Callable[[str], list[tuple[int, int, int]]]:
    """`AhoCorasick(words, kind, implementation=implementation).find_matches_as_indexes`:
    where every word is Latin-1 and none holds a "?" (`in_latin_1`), the same scan of the text's Latin-1 bytes
    (`latin1_bytes`: one byte a character, "?" for one Latin-1 has not), where each word is
    written where the text writes it and nowhere else, so the matches are the same, at the
    same places (`Matcher` says why bytes; the scan for the words a pass's `mark` also asks
    for, `_texts_holding`, took 2.6 ms on the bundled book, 1.9 ms so)."""
    if not in_latin_1(tuple(words)):
        return ahocorasick_rs.AhoCorasick(words, matchkind=kind, implementation=implementation).find_matches_as_indexes
    automaton = ahocorasick_rs.BytesAhoCorasick(
        [word.encode("latin-1") for word in words], matchkind=kind, implementation=implementation
    )

    def scan(text: str) -> list[tuple[int, int, int]]:
        return automaton.find_matches_as_indexes(latin1_bytes(text))

    return scan


def standalone_divisions(ctx: Context) -> list:
    """The divisions of the book's regions that stand alone: each titled (a `head`), holding
    no division, and in verse for the most part (its line groups' text at least half the
    text of all but its head), as the poems and songs of a book of poems are. A name that such a
    division writes is its own: a forename alone in another poem is no bearer of it ("Robin"
    of one song, "Robin Adair" a tune named over two others). A novel's or a treatise's
    divisions are prose: none stands alone so, and the book's names are read book-wide."""
    out = []
    for region in ctx.view(REGIONS, regions):
        for div in region.iter(_DIV):
            if next(div.iterdescendants(_DIV), None) is not None or next(div.iterchildren(_HEAD), None) is None:
                continue
            verse = prose = 0
            for child in div:
                if child.tag != _HEAD:
                    length = _text_length(child)
                    if child.tag in _VERSE:
                        verse += length
                    else:
                        prose += length
            if verse and verse >= prose:
                out.append(div)
    return out


_HEAD, _VERSE = q("head"), (q("lg"), q("l"))


def _text_length(el) -> int:
    """`sum(map(len, el.itertext()))`: the length of the text `el` holds, its tail left out.
    An element's is read as one string, serialised in C, not as each of its text nodes
    (a poem's line group holds dozens); anything else (`itertext` refuses a comment) is
    read as `itertext` reads it."""
    if isinstance(el.tag, str):
        return len(etree.tostring(el, method="text", encoding=str, with_tail=False))
    return sum(map(len, el.itertext()))


def mark_in_divisions(ctx: Context, find_in: Callable[[Any], Finder], divisions: Collection) -> None:
    """`mark`, each text node handed to the finder of the division of `divisions` it stands
    in (`find_in(division)`), or to `find_in(None)` outside them all: a pass whose marks
    depend on the division (`standalone_divisions`). The `TEXT_SLOTS` view stays that of
    the tree: each region's text nodes are wrapped in runs of one division each, in order.
    `divisions` must hold no division (as `standalone_divisions`' hold none)."""
    division_of = _division_of(divisions)
    finders: dict = {}
    for slots in marked_text(ctx):
        out: list[Slot] = []
        wheres = list(map(division_of.get, map(_ELEMENT, slots)))  # told in C, a slot at a time
        done = 0  # the slots before it are in `out`
        for where, run in groupby(wheres):
            part = slots[done : done + len(list(run))]
            done += len(part)
            find = finders.get(where)
            if find is None:
                find = finders[where] = find_in(where)
            wrap_slots(part, find)
            out.extend(part)
        slots[:] = out


_ELEMENT = itemgetter(0)


def _division_of(divisions: Collection) -> dict:
    """Each element of each of `divisions`, the division itself with them, mapped to it: a
    division that stands alone holds none, so it is the nearest division of each; an element
    outside them all is not mapped (None). One walk of the divisions (in C), not a climb
    from each text node's element to its division (`_division_climbing`, its plain form)."""
    return {el: division for division in divisions for el in division.iter()}


def _division_climbing(slot: Slot, divisions: Collection):
    """The plain form of `mark_in_divisions`' division of a text node: its element's nearest
    division (the element itself, if one), if it is one of `divisions`; or None."""
    el = slot[0]
    nearest = el if el.tag == _DIV else next(el.iterancestors(_DIV), None)
    return nearest if nearest in divisions else None


# What the enrichment passes add: read through by `unmarked_text`.
MARKS = ("date", "persName", "placeName", "orgName")
# The name of `unmarked_text` as a view of the tree (`Context.view`): a pass that only adds
# MARKS leaves it true (`Pass.keeps_views`), so the name passes read the text once.
UNMARKED_TEXT = "unmarked-text"


def unmarked_text(tei) -> str:
    """`plain_text` as it was before any enrichment pass marked anything, from the tree as
    it is now: the words inside `MARKS` are read as part of the text node they were cut
    from (a date wrapped in "on 4 May he" still gives "on 4 May he", one piece), so the
    name passes learn from the same text whichever marks an earlier pass made."""
    return _unmarked_of(regions(tei))


def unmarked(ctx: Context) -> str:
    """`unmarked_text` of the book, as a view of the tree (`UNMARKED_TEXT`), its divisions
    those of the `REGIONS` view: a pass that asks for both finds the book's `text` once."""
    return ctx.view(UNMARKED_TEXT, lambda tree: _unmarked_of(ctx.view(REGIONS, regions)))


def unmarked_of(divisions: list) -> str:
    """`unmarked_text` of these divisions alone."""
    return _unmarked_of(divisions)


def _unmarked_of(divisions: list) -> str:
    return "\n\n".join(t for division in divisions for t in _unmarked(division))


# How `_unmarked` reads an element by its tag: a mark's text goes on with the piece around
# it (_MARK), another element's breaks the piece and is read (_READ) or not (_SKIPPED: those
# of SKIP, comments and processing instructions).
_SKIPPED, _READ, _MARK = 0, 1, 2
_UNIT = 3  # a division or note, read as _READ, its bounds told (`marked_text_by_units`)
# A `foreign` element: skipped, but for a romanised name (`romanised_name`), whose text goes
# on with the piece around it and is read, as the sentence's own (_INLINE)
_FOREIGN, _INLINE = 4, 5
_NOTE = q("note")
_FOREIGN_TAG = q("foreign")
_MARK_NAMES, _SKIP_NAMES = frozenset(MARKS), frozenset(SKIP)


def _reading(tag) -> int:
    if not isinstance(tag, str):
        return _SKIPPED
    if tag == _FOREIGN_TAG:
        return _FOREIGN
    name = tag.rsplit("}", 1)[-1]
    return _MARK if name in _MARK_NAMES else _SKIPPED if name in _SKIP_NAMES else _READ


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A romanised name's words: each opens with a capital; letters, the modifier letters and
# apostrophes of a romanisation (Wade-Giles's aspirate "Tsʽao", Hawaiian's ʻokina) and
# hyphens inside ("Yao-chʽên"), a possessive's "’s" after the last ("Ho Shih’s")
_ROMANISED_WORD = re.compile(r"[^\W\d_][^\W\d_ʼʽʻ'’-]*(?:[ʼʽʻ'’-][^\W\d_]+)*")
_MAX_NAME_WORDS = 4


def romanised_name(el) -> bool:
    """Whether a `foreign` element holds a name romanised, not a foreign phrase: its
    language's tag writes the Latin script for a tongue written in another (a script subtag
    `Latn`: "zh-Latn-wadegile", "ja-Latn", "ar-Latn"), it holds no element but marks, and its
    text is one to four words, each opening with a capital ("Ho Shih", "Mei Yao-chʽên", "Wu";
    not "fou⁴", nor "yin and yang"). Its words are the sentence's own: the name passes read
    them with the words around them ("Ho Shih says") and mark them, a mark made inside it."""
    lang = el.get(_XML_LANG)
    if not lang or "-latn" not in lang.lower():
        return False
    if any(not isinstance(c.tag, str) or c.tag.rsplit("}", 1)[-1] not in _MARK_NAMES for c in el):
        return False
    words = "".join(el.itertext()).split()
    if not 0 < len(words) <= _MAX_NAME_WORDS:
        return False
    for w in words:
        if w.endswith(("’s", "'s")):
            w = w[:-2]
        if not (w[:1].isupper() and _ROMANISED_WORD.fullmatch(w)):
            return False
    return True


def pieces_in(ctx: Context, tag: str) -> frozenset[str]:
    """The pieces of the book's unmarked text (`unmarked`) that `tag` elements of its
    regions hold, but those of their notes ("Blythe Was She" of a heading, not the note it
    bears): the verse lines (`l`) or the headings (`head`), which a pass reads otherwise
    than prose."""
    out: set[str] = set()
    name, note = q(tag), q("note")
    for region in ctx.view(REGIONS, regions):
        for el in region.iter(name):
            if not len(el):  # most lines and headings: their text is their one piece
                if el.text:
                    out.add(el.text)
                continue
            pieces = _unmarked(el)
            if el.find(f".//{note}") is not None:
                held = {piece for n in el.iter(note) for piece in _unmarked(n)}
                pieces = [piece for piece in pieces if piece not in held]
            out.update(pieces)
    return frozenset(out)


def _unmarked(el) -> list[str]:
    pieces: list[str] = []
    _unmarked_walk(el, pieces)
    return pieces


def _unmarked_walk(el, pieces: list[str], slots: list[Slot] | None = None, units: list[Unit] | None = None) -> None:
    """Add the pieces of `el`'s unmarked text to `pieces`; and, given `slots`, its text nodes
    as `textnodes.text_slots(el, SKIP)` gives them, read in the same walk: the marks are
    among SKIP's names, so the elements this walk enters outside a mark (`_READ`) are those
    `text_slots` enters, and the text nodes it reads there are those `text_slots` gives.
    Given `units` too, each division and note it enters outside a mark, with the bounds of
    its text nodes in `slots` (`marked_text_by_units`)."""
    # Each piece is gathered as a list of its texts and joined once when an element boundary
    # ends it: adding to a piece's string text by text copied it each time (quadratic in a
    # long paragraph). How each tag is read is decided once per tag of the walk.
    piece: list[str] = []
    # (divisions and notes are read as any element is, their bounds told when units are asked)
    reading: dict = {} if units is None else {_DIV: _UNIT, _NOTE: _UNIT}

    # The walk is handed itself to call (`again`): a function that named itself from its
    # closure would hold itself, a cycle only the cyclic collector frees, with all it reaches.
    def walk(e, out: list[Slot] | None, again: Callable) -> None:
        # `out`: where the slots go; None inside a mark (and when none are asked for)
        nonlocal piece
        text = e.text  # each text read from lxml once: a read converts it from UTF-8
        if text:
            piece.append(text)
            if out is not None:
                out.append((e, None, text))
        for child in e:
            tag = child.tag
            how = reading.get(tag)
            if how is None:
                how = reading[tag] = _reading(tag)
            # An element without children (most marks, a line's or a page's break) is read
            # here, not by a call of the walk: its text alone goes on with the piece (a
            # mark's) or is a piece of its own.
            if how == _FOREIGN:
                how = _INLINE if romanised_name(child) else _SKIPPED
            if how == _MARK:
                if len(child):
                    again(child, None, again)
                elif inner := child.text:
                    piece.append(inner)
            elif how == _INLINE:
                again(child, out, again)  # the piece goes on through it, its text read
            else:
                if piece:
                    pieces.append("".join(piece))
                    piece = []
                if how == _READ or how == _UNIT:
                    bounds = None
                    if how == _UNIT and out is not None and units is not None:
                        bounds = [child, len(out), 0]
                        units.append(bounds)
                    if len(child):
                        again(child, out, again)
                        if piece:
                            pieces.append("".join(piece))
                            piece = []
                    elif inner := child.text:
                        pieces.append(inner)
                        if out is not None:
                            out.append((child, None, inner))
                    if bounds is not None and out is not None:
                        bounds[2] = len(out)
            tail = child.tail
            if tail:
                piece.append(tail)
                if out is not None:
                    out.append((e, child, tail))

    walk(el, slots, walk)
    if piece:
        pieces.append("".join(piece))


def pieces_holding(pattern: re.Pattern, words: re.Pattern | tuple[str, ...], text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern whose every match holds a match of `words` and
    spans no blank line (its spaces are single `\\s`), and whose look-aheads read the end of
    a text as they read a blank line: only the pieces of `text` between blank lines that
    hold one of the words are searched, most of a book is not (a pattern `re` tries at every
    capital, or at every position, is tried in a few pieces). The same matches, in the same
    order (a piece is searched in `text`, which its look-behinds see). `words` may be the
    words themselves, none holding a blank line, found by one Aho-Corasick scan (a pattern of
    words, or of a space and words, is tried by `re` at every character, or every space):
    only where each word begins and ends counts, to find its piece, which holds it whole."""
    found = (m.span() for m in words.finditer(text)) if isinstance(words, re.Pattern) else words_in(words, text)
    yield from pieces_around(pattern, text, found)


def pieces_around(pattern: re.Pattern, text: str, found: Iterable[tuple[int, int]]) -> Iterator[re.Match]:
    """`pattern.finditer` in each piece of `text` between blank lines that holds one of the
    spans `found` (in order, leftmost first), each piece once: `pieces_holding`'s search,
    its words found by whatever scan the caller made."""
    for start, end in pieces_of(text, found):
        yield from pattern.finditer(text, start, end)


def pieces_of(text: str, found: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The bounds of each piece of `text` between blank lines that holds one of the spans
    `found` (in order, leftmost first), each piece once."""
    end = 0
    for word_start, word_end in found:
        if word_start < end:
            continue  # in the piece given last
        start = text.rfind("\n\n", 0, word_start)
        start = 0 if start < 0 else start + 2
        end = text.find("\n\n", word_end)
        end = len(text) if end < 0 else end
        yield start, end


def words_in(words: tuple[str, ...], text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the words of `words` in `text`, leftmost first, the longest of those
    at one place, each found after the end of the one before (`pieces_holding`): every place
    they are written where none can overlap another (`places.can_overlap`)."""
    for _, start, end in _word_automaton(words).find_matches_as_indexes(text):
        yield start, end


@cache
def _word_automaton(words: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(list(words), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def matches_at_words(pattern: re.Pattern, text: str, words: tuple[str, ...], before: int = 0) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern every match of which begins `before` characters
    before one of `words`, where the character right before that word is one no word holds
    (a space before "province", no letter before "North"): the words found in one scan of the
    text (Aho-Corasick), the pattern tried there only, not at every position (`re` tries a
    pattern opening with a space at every space, one opening with a look-behind or with
    several words at every character). The same matches: the scan reports every place such a
    word begins (the leftmost first, then after its end: a word is passed over only inside
    another, whose characters would stand before it), each tried, as `finditer` goes on, from
    the end of the match before."""
    yield from matches_before(
        pattern, text, (at for _, at, _ in _word_automaton(words).find_matches_as_indexes(text)), before
    )


def matches_before(pattern: re.Pattern, text: str, starts: Iterable[int], before: int = 0) -> Iterator[re.Match]:
    """`matches_at_words`'s search, its words' starts (in order) found by whatever scan the
    caller made: the pattern tried `before` characters before each, from the end of the
    match before."""
    end = 0
    match = pattern.match
    for at in starts:
        start = at - before
        if start < end or start < 0:
            continue
        m = match(text, start)
        if m is not None:
            end = m.end()
            yield m


# A word and the hyphens joining it to others ("well-known", "Moscow-Leningrad"), with
# the apostrophe it may follow ("'t" of "don't"): each counted whole, as one scan gives them.
_TOKEN = re.compile(r"['’]?[\w-]+")
# The name of `word_counts` as a view of the tree: the marking passes keep it (`Pass.keeps_views`).
WORD_COUNTS = "word-counts"
# Marks that are never part of a token (`_TOKEN`), taken off the ends of a word between spaces
# ("(Moscow),"): what is left of most is letters only, one token.
_NOT_IN_TOKENS = ',.;:!?()[]{}"“”‘«»*/'


def tokens(text: str) -> dict[str, int]:
    """How often `text` writes each token (`_TOKEN`), in the order each first comes: what
    `Counter(_TOKEN.findall(text))` gives, counted by the words between spaces, each told
    apart once. No token holds white space, so the tokens of a text are those of its words in
    turn; a word of letters alone, once the marks at its ends are off, is its one token, the
    others are scanned by the pattern (the pattern over the whole book made a string of every
    token, nine in ten of them repeats)."""
    out: dict[str, int] = {}
    get = out.get
    findall = _TOKEN.findall
    for word, n in count_words(text).items():
        if word.isalpha():
            out[word] = get(word, 0) + n
            continue
        core = word.strip(_NOT_IN_TOKENS)
        if core.isalpha():
            out[core] = get(core, 0) + n
        else:
            for token in findall(core):
                out[token] = get(token, 0) + n
    return out


_STRETCH = 1 << 15  # characters of text whose words are listed and counted at a time (`count_words`)


def count_words(text: str, counts: Counter[str] | None = None) -> Counter[str]:
    """`Counter(text.split())` (added into `counts` where given): the words between white
    space, counted a stretch of the text at a time, each stretch cut at a space (which no word
    holds), in their order. The list of a whole book's words, made and then counted, took an
    eighth longer: its strings were out of the processor's cache by the time they were counted."""
    counts = Counter() if counts is None else counts
    count = counts.update
    start, size = 0, len(text)
    while start < size:
        end = text.find(" ", start + _STRETCH)
        if end < 0:
            end = size
        count(text[start:end].split())
        start = end
    return counts


class WordCounts:
    """How often the unmarked text writes each word, from one scan of it.

    `lower`: words in lower case (a-z) that stand alone: not joined by a hyphen to another
    word nor written after an apostrophe ("people"; not "well-known", nor the "t" of
    "don't"). `capitalised`: such words with a capital first ("Moscow"). `lower_parts`:
    every run of lower-case letters between characters that are no letters, digits or
    underscores, hyphens and apostrophes among them ("well" and "known", the "t" of "don't").
    `whole`: every word as a run of letters, digits, underscores and hyphens between other
    characters ("well-known", the "t" of "don't"), for `uses`.
    """

    def __init__(self, text: str):
        counted = self._tokens = tokens(text)
        # One walk over the distinct tokens fills the three, each in the order its words
        # first come (as three walks would). Told by str's tests (in ASCII, letters all
        # lower-case: [a-z]+; a capital, then lower-case letters: [A-Z][a-z]+), not a
        # pattern's match for each of the book's words.
        lower: dict[str, int] = {}
        capitalised: dict[str, int] = {}
        parts: dict[str, int] = {}
        for token, n in counted.items():
            if token.isascii() and token.isalpha():  # a word of letters alone: its only part
                if token.islower():
                    lower[token] = n
                    parts[token] = parts.get(token, 0) + n
                elif len(token) > 1 and token[0].isupper() and token[1:].islower():
                    capitalised[token] = n
                continue
            for part in token.lstrip("'’").split("-"):
                if part.isascii() and part.isalpha() and part.islower():
                    parts[part] = parts.get(part, 0) + n
        self.lower: Counter[str] = Counter(lower)
        self.capitalised: Counter[str] = Counter(capitalised)
        self.lower_parts: Counter[str] = Counter(parts)

    @cached_property
    def whole(self) -> dict[str, int]:
        # A token is such a run, after the apostrophe it may follow (`_TOKEN`).
        out: dict[str, int] = {}
        for token, n in self._tokens.items():
            run = token[1:] if token[0] in "'’" else token
            out[run] = out.get(run, 0) + n
        return out

    def uses(self, name: str, text: str) -> int:
        """`uses(name, text)` for the text these are the counts of: a name of one `whole`
        word is counted already (asked of a dozen candidates, each a search of the whole
        book), another is sought."""
        return self.whole.get(name, 0) if _WHOLE_WORD.fullmatch(name) else uses(name, text)


_WHOLE_WORD = re.compile(r"[\w-]+")


def uses(name: str, text: str) -> int:
    """How often `text` writes `name` as a word of its own (not inside a word or a
    hyphenated one). Found by `str.find`, not by a pattern: a pattern made for each
    candidate and run over the whole book took most of the places pass."""
    n = start = 0
    while (at := text.find(name, start)) >= 0:
        end = at + len(name)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            n += 1
            start = end  # occurrences do not overlap
        else:
            start = at + 1
    return n


def uses_of(names: Collection[str], text: str) -> dict[str, int]:
    """`{name: uses(name, text)}` for each of `names` (none empty), from one scan of `text`
    for them all (each `uses` a search of the whole book). `uses` reads a name's places in
    `text` in order and counts one that stands as a word of its own and begins at or after
    the end of the last it counted: so here, from every place of every name the scan finds,
    overlapping ones too."""
    wanted = sorted(set(names))
    counts = dict.fromkeys(wanted, 0)
    if not wanted:
        return counts
    last_end = [0] * len(wanted)  # where the last use counted of each name ends
    size = len(text)
    automaton = ahocorasick_rs.AhoCorasick(wanted)
    for index, at, end in sorted(automaton.find_matches_as_indexes(text, overlapping=True), key=_START_OF_PLACE):
        if (
            at >= last_end[index]
            and (at == 0 or not _word_char(text[at - 1]))
            and (end == size or not _word_char(text[end]))
        ):
            counts[wanted[index]] += 1
            last_end[index] = end
    return counts


_START_OF_PLACE = itemgetter(1)  # of a place as `find_matches_as_indexes` gives it: (name, start, end)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"  # the regular expressions' \w, or a hyphen


def word_counts(ctx: Context) -> WordCounts:
    """The words of the book's unmarked text (`unmarked_text`), counted once for every pass."""
    text = unmarked(ctx)
    return ctx.view(WORD_COUNTS, lambda tree: WordCounts(text))


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-"


_START, _END = itemgetter(0), itemgetter(1)  # of a match as `Matcher.find` gives it


# Characters that are no letter nor digit, hyphen nor apostrophe: a match between two of them
# is a whole word whatever `Matcher.find`'s tests of hyphens and apostrophes say.
_PLAIN_AROUND = frozenset(' \n\t,.;:!?()[]"“”')
_UNMADE = object()
_KEY_INDEX = itemgetter(0)  # of a place as `find_matches_as_indexes` gives it


class Matcher:
    """Whole-word, case-sensitive matches of many keys in one scan.

    The keys are sought in the text's Latin-1 bytes (`latin1_bytes`), one byte for each character
    (a character Latin-1 has not written "?"), so the scan's offsets are the text's: the same
    places as a scan of the text itself by `automaton` (a key is found wherever it is
    written; a place found for a key that has a "?" or a character Latin-1 has not is kept
    only where the text writes that key). `ahocorasick_rs` gives the places in a `str` in
    characters, counted anew along the text at each scan: a scan of the bundled book's
    text took 2.4 ms, one of its bytes 1.5 ms, the bytes made in 0.5 ms (once for the
    matchers that scan one text in turn). An `automaton` set by a caller (a DFA,
    for a scan it makes faster) is the one the scans use."""

    def __init__(self, keys: Mapping[str, Any], split_hyphens: bool = False):
        self.split_hyphens = split_hyphens  # "Moscow-Leningrad" names two places
        # An empty key names nothing (and the automaton refuses it).
        self.keys = [key for key in keys if key]
        self.values = [keys[key] for key in self.keys]
        self.empty = not self.keys
        self._automaton: Any = _UNMADE  # the scan of a `str`, made when first asked for
        self._given = False  # whether a caller set `automaton`
        self._ahead: dict[str, list] = {}  # `find`'s answers for the texts read ahead, by text

    @cached_property
    def _bytes(self) -> ahocorasick_rs.BytesAhoCorasick | None:
        # The scan in Rust reports every match, overlapping ones too, as (key's index, start,
        # end): twice as fast as pyahocorasick's over a book's text. Made when first asked
        # for: a caller that sets `automaton` never asks (the organisations' nouns' DFA,
        # `orgs.scanner`: ~0.14 ms for their 193 keys).
        return None if self.empty else ahocorasick_rs.BytesAhoCorasick([latin1_bytes(key) for key in self.keys])

    @cached_property
    def _checked(self) -> frozenset[int]:
        # The keys whose Latin-1 bytes other characters' may be (a "?" in the text): those
        # `in_latin_1` refuses, told by str's tests in C (`in_latin_1((key,))` for each, its
        # cache of a thousand words missed by a book's thousands of names, took ~2 ms of a
        # conversion of the bundled book).
        return frozenset(
            k for k, key in enumerate(self.keys) if "?" in key or not (key.isascii() or max(key) <= "\xff")
        )

    @property
    def automaton(self) -> ahocorasick_rs.AhoCorasick | None:
        """The keys' automaton over a `str` (`AhoCorasick(keys)`), None without keys."""
        if self._automaton is _UNMADE:
            self._automaton = None if self.empty else ahocorasick_rs.AhoCorasick(self.keys)
        return self._automaton

    @automaton.setter
    def automaton(self, automaton: ahocorasick_rs.AhoCorasick | None) -> None:
        self._automaton, self._given = automaton, True

    def places(self, text: str) -> list[tuple[int, int, int]]:
        """Every place a key is written in `text`, overlapping ones too: (key's index, start,
        end): those `automaton.find_matches_as_indexes(text, overlapping=True)` gives."""
        if self._given:
            return [] if self._automaton is None else self._automaton.find_matches_as_indexes(text, overlapping=True)
        if self._bytes is None:
            return []
        found = self._bytes.find_matches_as_indexes(latin1_bytes(text), overlapping=True)
        if self._checked:
            # The places of the keys to check told in C (a test of each place in Python took
            # a millisecond a scan of the book): only those are read, and the list made anew
            # only where one is not the key's.
            told = map(self._checked.__contains__, map(_KEY_INDEX, found))
            keys = self.keys
            wrong = {
                k for k in compress(range(len(found)), told) if text[found[k][1] : found[k][2]] != keys[found[k][0]]
            }
            if wrong:
                found = [m for k, m in enumerate(found) if k not in wrong]
        return found

    def read_ahead(
        self, texts: list[str], joined: JoinedTexts | None = None, asked: Collection[int] | None = None
    ) -> set[int] | None:
        """Find the matches of each of `texts` in one scan of them all, for `find` to give
        when asked for that text (a pass that hands every text node of the book to `find`,
        one call into the automaton for each). The texts are joined by blank lines, which no
        key holds (else each is left to `find`): a match never runs from one into the next,
        and the ends of each are read as `find` reads them, as no letter, hyphen nor
        apostrophe. Returns the indexes of the texts that hold a match, or None where they
        are left to `find`. `joined`: the texts joined already (`JoinedTexts`), for the other
        scans of them. `asked`: the indexes of the texts, besides those that hold a match,
        that `find` will be asked of (None: any of them): only those are given their answer
        of none, another found anew if asked (the answers of a book's ten to sixteen thousand
        text nodes, each text hashed, took ~0.6-0.9 ms of a pass that asks of a few hundred
        of those without a match, or none)."""
        self._ahead = {}
        if self.empty if not self._given else self._automaton is None:
            return set()
        if any("\n\n" in key for key in self.keys):
            return None
        # Every text asked of has its answer, most none (made at once, in C); the matches, in
        # the order of the texts, are dealt out by walking the texts' offsets along with them.
        # A text written twice has the same matches each time: its first list is kept.
        ahead: dict[str, Any] = dict.fromkeys(texts if asked is None else [texts[k] for k in asked], ())
        if joined is None:
            joined = JoinedTexts(texts)
        starts = joined.starts
        # (`find`'s choice of the matches to keep made here, in the same walk as their dealing:
        # a walk of its own, and a list of them made for this one, took ~1 ms of the bundled
        # book's persons pass.)
        k, last = 0, -1
        found: list = []
        matched: set[int] = set()
        kept_end = -1  # where the match kept last ends
        for start, end, key, value in self._whole_words(joined.text):
            if start < kept_end:
                continue
            kept_end = end
            while starts[k + 1] <= start:
                k += 1
            if k != last:
                last, found = k, []
                matched.add(k)
                if not ahead.get(texts[k]):
                    ahead[texts[k]] = found
            found.append((start - starts[k], end - starts[k], key, value))
        self._ahead = ahead
        return matched

    def find(self, text: str) -> list[tuple[int, int, str, Any]]:
        """Leftmost-longest, non-overlapping whole-word matches: (start, end, key, value)."""
        if self.empty if not self._given else self._automaton is None:
            return []
        if self._ahead:
            ahead = self._ahead.get(text)
            if ahead is not None:
                return list(ahead)  # the caller's own, as a scan's
        out, last = [], -1
        for m in self._whole_words(text):
            if m[0] >= last:
                out.append(m)
                last = m[1]
        return out

    def _whole_words(self, text: str) -> list[tuple[int, int, str, Any]]:
        """The whole-word matches of `text` (start, end, key, value), overlapping ones too,
        leftmost first and the longest first of those at one place: `find` keeps each that
        starts at or after the end of the one kept before."""
        # The hot loop of every name pass (each text node of the book): the word-character
        # tests are written out, not called. Most places stand between two characters of
        # `_PLAIN_AROUND` (a space, a stop, a bracket: 6,610 of the 7,365 places of the bundled
        # book's indexed surnames): kept at once, as the tests below would keep them. Else a
        # letter or digit next to the match rejects it ("Ivan" in "Ivanov") whatever else
        # holds; only a hyphen's or an apostrophe's case is weighed further.
        found = []
        size = len(text)
        split_hyphens = self.split_hyphens
        keys, values = self.keys, self.values
        plain = _PLAIN_AROUND
        for index, start, after_at in self.places(text):
            after = text[after_at] if after_at < size else " "
            before = text[start - 1] if start else " "
            if after in plain and before in plain:
                found.append((start, after_at, keys[index], values[index]))
                continue
            if after.isalnum() or before.isalnum():
                continue
            end = after_at - 1  # the match's last character
            if before == "-" and text[start - 2 : start] == "--":
                before = " "  # "contrasts--England": a dash written as two hyphens
            if after == "-" and text[after_at : end + 3] == "--":
                after = " "
            if split_hyphens:
                if before == "-" and start >= 2 and text[start - 2].isalpha():
                    before = " "
                if after == "-" and text[end + 2 : end + 3].isupper():
                    after = " "
            if before == "-" or after == "-" or before in "'’" and start >= 2 and text[start - 2].isalpha():
                continue
            found.append((start, after_at, keys[index], values[index]))
        if len(found) < 2:
            return found
        # Leftmost first, the longest first of those at one place: sorted by their ends, the
        # last first, then by their starts, which keeps that order among those of one start
        # (a stable sort), each sort keyed in C (a key made in Python for each of a book's
        # ten thousand matches took four times as long).
        found.sort(key=_END, reverse=True)
        found.sort(key=_START)
        return found


def kept_for_text(read: Callable[[str], Any]) -> Callable[[str], Any]:
    """`read(text)`, its answer kept for the text it read last, told by identity (the same
    string, not an equal one: a conversion's own text, never another run's of the same book,
    whose answer would flatter a benchmark that converts it again): for what two passes, or
    one pass for many words, ask of the book's whole text. The last text stays referenced
    until another is read."""
    kept: list = [None, None]

    def answer(text: str) -> Any:
        if kept[0] is not text:
            kept[:] = [text, read(text)]
        return kept[1]

    answer.__doc__ = read.__doc__
    answer.__name__ = read.__name__
    return answer


# A text this long is kept with its Latin-1 bytes (`latin1_bytes`): a book's text is scanned by
# several matchers in turn.
_LONG = 10_000
_ENCODED: dict[int, tuple[str, bytes]] = {}  # by the text's id: (the text, its bytes)
_ENCODED_KEPT = 4


def latin1_bytes(text: str) -> bytes:
    """`text` in Latin-1, one byte for each character, "?" for one Latin-1 has not: what a
    scan of bytes reads for a text, its places those of the text's characters."""
    if len(text) < _LONG:
        return text.encode("latin-1", "replace")
    kept = _ENCODED.get(id(text))
    if kept is not None and kept[0] is text:
        return kept[1]
    encoded = text.encode("latin-1", "replace")
    if len(_ENCODED) >= _ENCODED_KEPT:
        del _ENCODED[next(iter(_ENCODED))]  # the oldest
    _ENCODED[id(text)] = (text, encoded)
    return encoded


@lru_cache(maxsize=1024)
def in_latin_1(words: tuple[str, ...]) -> bool:
    """Whether every letter of `words` is a Latin-1 letter and none is "?": a scan of a
    text's `latin1_bytes` finds them where the text writes them, and only there."""
    return all(word.isascii() or max(word) <= "\xff" for word in words) and not any("?" in word for word in words)
