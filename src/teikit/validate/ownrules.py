"""teikit's own Schematron rules (schema/teikit.sch): a file they find nothing in, told in-process.

Why: the rules compiled to XSLT 1.0 and run by libxslt cost about 12 ms of CPU a chapter of
the bundled book (about a thousand elements, each matched against every pattern's
predicates), more than jing's whole RELAX NG check of it. Most files they are run on are
clean; that they are can be shown for a small part of that cost: the values the rules test,
gathered by a few XPath expressions (libxml2, the engine libxslt evaluates them with), and
the look-ups the rules make (ids, registers) done on sets in Python.

This module only ever says "the rules find nothing here" (is_clean), never what they find:
a file it cannot show clean, for whatever reason, is given to the compiled rules, so that
every finding, its message and its place stay theirs. It errs on that side: what it
checks is a superset of what the rules check (every pointer attribute of every element,
where the rules skip some elements), and it shows nothing clean when a file holds a value
whose XPath reading it does not reproduce:

- a pointer attribute holding XML whitespace other than spaces (str:tokenize splits at
  spaces only, normalize-space at all whitespace);
- a pointer to another document whose name is not a plain relative path (letters, digits,
  '.', '_', '-' and '/' between names that do not start with a dot), or a validated tree whose
  URL is not a plain absolute path: libxml2's URI resolution is reproduced only for these;
- a pointer to the validated file itself (libxslt reads it from the tree being checked), or
  to a document that cannot be parsed;
- a document with a DOCTYPE (entity references, attribute defaults);
- an endnote number, or the number of the endnote before it, that is not a plain integer
  (number()'s reading of other strings is left to libxml2), or a note inside another note
  (the rule's preceding axis then skips ancestors).

Only teikit.sch itself is read so, recognised as owngrammar recognises teikit.rng (the same
file, or a file with the same bytes; schematron.Schematron): any other Schematron keeps the
compiled path. Documents the rules read with document() are read as schematron._LocalOnly
reads them (the same policy: allowed local files only, anything else an empty document),
parsed with the same parser, and remembered by their stamp (time, size, inode and a digest
of their bytes), so that a register changed on disk is read again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from lxml import etree

from .documents import XML_ID, stamp_of

TEI = "{http://www.tei-c.org/ns/1.0}"
_PERSON, _PLACE_ENTRY = TEI + "person", TEI + "place"
_DIV, _TEXT = TEI + "div", TEI + "text"
# The pointer attributes the rules read (pattern "pointers").
POINTERS = (
    "target",
    "ref",
    "sameAs",
    "corresp",
    "copyOf",
    "next",
    "prev",
    "who",
    "resp",
    "ana",
    "source",
    "hand",
    "synch",
)
# Matched whole (fullmatch): '$' would also match before a final newline, which a value may
# hold as a character reference (&#10;).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")
_PLAIN_URL = re.compile(r"/[A-Za-z0-9/._-]*")


class Declined(Exception):
    """The file holds something whose XPath reading this module does not reproduce."""


class Target:
    """What the rules ask of a document read with document(): its xml:ids, those of its
    tei:person and tei:place elements."""

    __slots__ = ("ids", "persons", "places")

    def __init__(self, tree: etree._ElementTree | None):
        self.ids: set[str] = set()
        self.persons: set[str] = set()
        self.places: set[str] = set()
        if tree is None:
            return
        for el in tree.getroot().iter(etree.Element):
            value = el.get(XML_ID)
            if value is None:
                continue
            self.ids.add(value)
            if el.tag == _PERSON:
                self.persons.add(value)
            elif el.tag == _PLACE_ENTRY:
                self.places.add(value)


# A document read with document(), by the real path it resolved to: (stamp, Target).
_read: dict[str, tuple[tuple, Target]] = {}


class Documents:
    """document() as the compiled rules have it: `resolve(url)` gives the real path of an
    allowed local file or None (an empty document), `parser` reads it (schematron.py)."""

    def __init__(self, resolve: Callable[[str], str | None], parser: etree.XMLParser):
        self.resolve, self.parser = resolve, parser
        self._real: dict[str, str | None] = {}  # url -> real path (None: an empty document)
        self._targets: dict[str, Target] = {}  # real path -> what it holds, read once here

    def target(self, base: str, name: str, own: str) -> Target:
        """The document `name` (from a pointer) names, as read from the validated file at
        `base` (its URL), whose real path is `own`."""
        if not _PLAIN_NAME.fullmatch(name):
            raise Declined(name)
        url = os.path.join(os.path.dirname(base), name)
        if url not in self._real:
            self._real[url] = self.resolve(url)
        real = self._real[url]
        if real is None:
            return _EMPTY
        if real == own:
            raise Declined(name)  # libxslt reads the tree being checked, not the file
        found = self._targets.get(real)
        if found is None:
            found = self._targets[real] = self._read(real, name)
        return found

    def _read(self, real: str, name: str) -> Target:
        stamp = stamp_of(real)
        if stamp is None:
            raise Declined(name)
        known = _read.get(real)
        if known is not None and known[0] == stamp:
            return known[1]
        try:
            found = Target(etree.parse(real, self.parser))
        except (etree.XMLSyntaxError, OSError):
            raise Declined(name) from None
        if stamp_of(real) != stamp:  # changed while it was read: not remembered
            raise Declined(name)
        _read[real] = (stamp, found)
        return found


_EMPTY = Target(None)


_NS = {"tei": TEI[1:-1]}
_POINTER_SET = frozenset(POINTERS)
_PERS, _PLACE, _NOTE, _P = TEI + "persName", TEI + "placeName", TEI + "note", TEI + "p"
_XML_SPACE = " \t\r\n"
_PERSON_IDS = etree.XPath("//tei:person/@xml:id", namespaces=_NS, smart_strings=False)
_PLACE_IDS = etree.XPath("//tei:place/@xml:id", namespaces=_NS, smart_strings=False)
# Pattern "date-ranges": whether an element a rule of it applies to fails its assert, as the
# rules write them (evaluated by the same engine, libxml2's XPath).
_FROM_TO = "@from and @to and not(starts-with(@from, '-') or starts-with(@to, '-'))"
_NOT_BEFORE_AFTER = "@notBefore and @notAfter and not(starts-with(@notBefore, '-') or starts-with(@notAfter, '-'))"


def _ascending(low: str, high: str) -> str:
    return (
        f"number(substring(concat(translate({low}, '-', ''), '00000000'), 1, 8))"
        f" <= number(substring(concat(translate({high}, '-', ''), '99999999'), 1, 8))"
    )


_BACKWARDS = etree.XPath(
    f"boolean(self::*[{_FROM_TO}][not({_ascending('@from', '@to')})]"
    f" | self::*[not({_FROM_TO}) and {_NOT_BEFORE_AFTER}][not({_ascending('@notBefore', '@notAfter')})])"
)


_ISO_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}")


def _backwards(el) -> bool:
    """Whether an element with @from or @notBefore fails the rule of "date-ranges" that applies
    to it. Bounds written as ISO dates of the common era are compared here (the rules' number()
    of their digits, padded, is that integer); any other element is asked of _BACKWARDS."""
    low, high = el.get("from"), el.get("to")
    if low is not None and high is not None and not (low.startswith("-") or high.startswith("-")):
        pass  # the first rule applies
    else:
        low, high = el.get("notBefore"), el.get("notAfter")
        if low is None or high is None or low.startswith("-") or high.startswith("-"):
            return False  # no rule applies
    if _ISO_DATE.fullmatch(low) and _ISO_DATE.fullmatch(high):
        return int((low.replace("-", "") + "00000000")[:8]) > int((high.replace("-", "") + "99999999")[:8])
    return bool(_BACKWARDS(el))


def is_clean(tree: etree._ElementTree, documents: Documents) -> bool:
    """True only when teikit.sch's rules find nothing in `tree` (see the module docstring);
    False when they may find something or this module does not reproduce what they would
    read: the compiled rules then judge the file.

    One walk of the tree gathers what the rules test: every pointer attribute's value, the
    xml:ids, the elements with date bounds, the notes and the paragraphs."""
    info = tree.docinfo
    if info.internalDTD is not None or info.system_url or info.public_id:
        return False  # entities, defaults: what a DOCTYPE can change is left to the rules
    values: list[str] = []
    ids: set[str] = set()
    named: list[tuple[bool, str]] = []  # (a persName's, its @ref) for persName and placeName
    dated = []
    notes = []
    paragraphs = []
    for el in tree.getroot().iter(etree.Element):
        tag = el.tag
        for key, value in el.items():
            if key in _POINTER_SET:
                values.append(value)
                if key == "ref" and (tag == _PERS or tag == _PLACE):
                    named.append((tag == _PERS, value))
            elif key == XML_ID:
                ids.add(value)
            elif key == "from" or key == "notBefore":
                dated.append(el)
        if tag == _NOTE:
            notes.append(el)
        elif tag == _P:
            paragraphs.append(el)
    try:
        return (
            _pointers_clean(tree, documents, values, ids, named)
            and not any(_backwards(el) for el in dated)
            and not any(_empty(p) for p in paragraphs)
            and _notes_clean(notes)
        )
    except Declined:
        return False


def _empty(p) -> bool:
    """Whether a tei:p fails its rule: normalize-space(.) = '' and no child element."""
    if p.text and p.text.strip(_XML_SPACE):
        return False
    if next(p.iterchildren(etree.Element), None) is not None:
        return False
    return not "".join(p.itertext()).strip(_XML_SPACE)


def _pointers_clean(tree, documents: Documents, values: list[str], ids: set[str], named) -> bool:
    """Patterns "pointers" and "registers" find nothing: every pointer of every pointer
    attribute (`values`: of any element, a superset of the elements the rules apply to)
    resolves, and every pointer of a persName's or placeName's @ref (`named`) names a person
    or a place.

    The rules split attribute values into pointers at spaces only (str:tokenize(..., ' ')),
    and normalize-space the single pointer of a persName, placeName or orgName: the same
    pointers as a split at spaces when the value holds no other XML whitespace (a value that
    does is not read here)."""
    if not values:
        return True
    joined = " ".join(set(values))
    if "\t" in joined or "\n" in joined or "\r" in joined:
        return False
    base = tree.docinfo.URL or ""
    own: list[str] = []
    by_name: dict[str, Target] = {}

    def target(name: str) -> Target:
        found = by_name.get(name)
        if found is None:
            if not own:
                if not _PLAIN_URL.fullmatch(base) or os.path.normpath(base) != base:
                    raise Declined(base)
                own.append(os.path.realpath(base))
            found = by_name[name] = documents.target(base, name, own[0])
        return found

    for token in set(joined.split(" ")):
        before, hash_, after = token.partition("#")
        if not hash_ or ":" in before:
            continue  # not a pointer the rules check (no '#', or a URI scheme)
        if after not in (target(before).ids if before else ids):
            return False
    local: dict[bool, set[str]] = {}
    for is_person, ref in set(named):
        for token in ref.split(" "):
            before, hash_, after = token.partition("#")
            if not hash_ or ":" in before:
                continue
            if before:
                known = target(before).persons if is_person else target(before).places
            else:
                if is_person not in local:
                    local[is_person] = set((_PERSON_IDS if is_person else _PLACE_IDS)(tree))
                known = local[is_person]
            if after not in known:
                return False
    return True


_NUMBER = re.compile(r"[ \t\r\n]*-?[0-9]{1,15}[ \t\r\n]*")
_DIGIT = re.compile(r"[0-9]")


def _number(value: str) -> float:
    """XPath's number() on a string: plain integers (the usual note numbers) and strings
    without a digit (NaN); anything else is not read here."""
    if _NUMBER.fullmatch(value):
        return float(int(value))
    if not _DIGIT.search(value):
        return float("nan")
    raise Declined(value)


def _notes_clean(notes: list) -> bool:
    """Pattern "note-numbers" finds nothing in a tree whose tei:note elements are `notes`, in
    document order: each numbered endnote's number is used once in its chapter and is above
    the number of the endnote before it, as the rule reads them.

    The rule applies to a note with place="end" whose @n is a number, not inside another note.
    With no note inside another (else not read here), a note's preceding notes are the notes
    before it in document order, and the rule's $previous is the last of them with @n and
    place="end"."""
    seen: set = set()
    above: dict = {}  # element -> _Above of it and its ancestors (notes share their parents)
    previous = None  # the last note so far with @n and place="end": (note, chapter, in a notes div)
    for note in notes:
        parent = note.getparent()
        where = _above(parent, above) if parent is not None else _NOTHING
        if where.note:
            raise Declined("a note inside a note")
        n = note.get("n")
        if n is None or note.get("place") != "end":
            continue
        chapter = where.chapter()
        number = _number(n)
        if number == number:  # not NaN: the rule applies
            key = (chapter, n)
            if key in seen:
                return False  # a number used twice in a chapter
            seen.add(key)
            if previous is not None and not where.notes_div:
                _, before_chapter, before_in_notes = previous
                before = _number(previous[0].get("n"))
                if (
                    not before_in_notes
                    and before_chapter is chapter
                    and before == before  # a NaN is not compared
                    and not number > before
                ):
                    return False
        previous = (note, chapter, where.notes_div)
    return True


class _Above:
    """What a note's rule asks of an element and its ancestors: the outermost tei:div and the
    nearest tei:text among them (with their depths), whether one is a div of type "notes", and
    whether one is a tei:note."""

    __slots__ = ("depth", "div", "div_depth", "text", "text_depth", "notes_div", "note")

    def __init__(self):
        self.depth = self.div_depth = self.text_depth = -1
        self.div = self.text = None
        self.notes_div = self.note = False

    def chapter(self):
        """(ancestor::tei:div[last()] | ancestor::tei:text[1])[last()] of a child: the later in
        document order of the two, the deeper (None when there is neither)."""
        if self.div is None or (self.text is not None and self.text_depth > self.div_depth):
            return self.text
        return self.div


_NOTHING = _Above()


def _above(el, memo: dict) -> _Above:
    found = memo.get(el)
    if found is not None:
        return found
    parent = el.getparent()
    up = _above(parent, memo) if parent is not None else _NOTHING
    found = _Above()
    found.depth = up.depth + 1
    found.div, found.div_depth, found.text, found.text_depth = up.div, up.div_depth, up.text, up.text_depth
    found.notes_div, found.note = up.notes_div, up.note
    tag = el.tag
    if tag == _DIV:
        if found.div is None:  # the outermost
            found.div, found.div_depth = el, found.depth
        found.notes_div = found.notes_div or el.get("type") == "notes"
    elif tag == _TEXT:
        found.text, found.text_depth = el, found.depth  # the nearest
    elif tag == _NOTE:
        found.note = True
    memo[el] = found
    return found
