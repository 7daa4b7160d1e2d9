"""Registers: the persons, places and organisations of a book, as TEI `listPerson`,
`listPlace` and `listOrg` (persons.xml, places.xml, orgs.xml).

Seeded from the book's own indexes — the Name Index for persons, the person
headings, the places and the organisations of the Subject Index — and completed by
what the text names (see `discover`). A register written by an earlier run (and perhaps
corrected by an editor since) is the starting point of the next: its entries are
kept as they are, their ids never change, and only what is new is added.

Provenance is data, not wording. Every entry teikit makes carries one
`<note type="source" subtype="...">`: `subtype="index"` when the entry was seeded from
one of the book's indexes, `subtype="text"` when it was found in the text (the note's
words say on what evidence, for a reader; no code reads them). An editor marks an entry
of their own with `subtype="editor"`, or leaves out the source note: `provenance` reads
either as the editor's. An editor may reword, extend or add notes freely; only the
first source note's `@subtype` says where an entry came from. Registers written before
the subtype existed are read once on loading (`load`): their source notes get the
subtype their fixed opening words meant ("Name Index", "Subject Index": index; "named
in the text": text; anything else: editor).

An entry found in the text also says on what evidence, in `<note type="evidence">`
(a verb of saying, an honorific, a preposition of place, with a passage where it was
seen). An editor who finds it wrong rejects it by adding `<note type="rejected">` to
the entry (their reason, if any, as its words): the entry stays in the register, so the
next run knows the name and does not enter it again, and no mention of it is marked.

What an earlier run found in the text and left as it wrote it (`earlier_finding`: its
source note says found in the text, and it holds no note but the converter's, so no
editor rejected it, made it theirs or wrote into it) is no evidence for this run: the
person passes set it aside (`Register.set_aside`) and take it back, its id kept, only
where a rule of this run finds the name again (`Register.bring_back`). Read back as names
of the book, such entries would be marked where the first run's rules did not hold (a
word found after "M." in a prescription, "M. The", marked as "The" everywhere): converted
again into its own output, a book gives the same edition. When the edition is written,
the converter's findings no mark points to, this run's or an earlier run's, leave the register
(`drop_unused_findings`): converted over an older version's output, a book gives the
edition a fresh conversion gives, but for the order of its entries (an entry read back keeps
its place, a new one comes last).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import TeikitError
from ..tei import XML_ID, children, local, make, only, outermost, q, sub, text_of, xpath
from ..xmlio import parse_xml
from . import gazetteer, headings
from .matching import count_words

PERSONS_FILE = "persons.xml"
PLACES_FILE = "places.xml"
ORGS_FILE = "orgs.xml"
# Each kind of register: its file, its list element, and what the list holds.
FILES = {"person": PERSONS_FILE, "place": PLACES_FILE, "org": ORGS_FILE}
LISTS = {"person": "listPerson", "place": "listPlace", "org": "listOrg"}

NOTE = q("note")
# Where a register entry came from: `<note type="source" subtype="...">` (see above).
FROM_INDEX, FROM_TEXT, FROM_EDITOR = "index", "text", "editor"
REJECTED = "rejected"  # an editor's verdict on an entry: `<note type="rejected">`
# The notes the converter writes into an entry it finds in the text; any other is an editor's.
CONVERTERS_NOTES = frozenset({"source", "evidence"})
# How registers written before the subtype existed began their source notes.
_LEGACY_SOURCES = (("Name Index", FROM_INDEX), ("Subject Index", FROM_INDEX), ("named in the text", FROM_TEXT))
PLACE_HEADS = {
    "region": "region",
    "province": "region",
    "district": "district",
    "territory": "region",
    "river": "river",
    "sea": "sea",
    "lake": "lake",
    "canal": "canal",
    "mountains": "mountains",
    "street": "street",
    "square": "square",
    "prospect": "street",
    "island": "island",
    "islands": "island",
    "coalfield": "region",
    "basin": "region",
    "valley": "region",
    "peninsula": "region",
    "steppe": "region",
}

# Features and buildings English names with their word first ("Lake Khasan", "Mount Elbrus",
# "Cape Horn", "Gulf of Finland", "the Hall of Columns"), and the type each word gives.
FEATURE_FIRST_TYPES = {
    "Lake": "lake", "Mount": "mountain", "Cape": "cape", "Isle of": "island", "Gulf of": "sea", "Bay of": "sea",
    "Sea of": "sea", "Strait of": "strait", "Straits of": "strait",
    # buildings named so ("the Hall of Columns", "the Palace of Soviets")
    "Palace of": "site", "Hall of": "site",
}  # fmt: skip
# The one-word ones, English: the first words of places' names in any book, to which a profile
# adds its languages' (`[places] first_words`: "Monte", "Val"; see `first_words`).
FEATURE_FIRST_WORDS = {word: kind for word, kind in FEATURE_FIRST_TYPES.items() if " " not in word}


def first_words(profile) -> dict[str, str]:
    """The words that open a place's name, written with a space before the rest, and the type
    each gives: English's (`FEATURE_FIRST_WORDS`: "Mount Tabor", "Lake Champlain", "Cape
    Peloro") and the profile's (`[places] first_words`: "Monte Aperto", "Val Camonica")."""
    return {**FEATURE_FIRST_WORDS, **profile.place_first_words}


FEATURE_FIRST = re.compile(
    r"\b(" + "|".join(FEATURE_FIRST_TYPES) + r") (?:St\.?\s|Saint\s)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?![\w'’-])"
)  # not "the Palace of St" of "the Palace of St. Cloud": a saint's name is one with it
# Words of the compass that name a part of a place before its name ("North Caucasus").
COMPASS_WORDS = frozenset("North South East West Northern Southern Eastern Western Central".split())

# The last word of a named street, building or site ("Wigmore Street", "Victoria Station"):
# what ends with one names a place, not a person.
PLACE_WORDS = (
    "Boulevard", "Street", "Square", "Avenue", "Road", "Embankment", "Lane", "Place", "Station", "House",
    "Abbey", "Castle", "Bridge", "Inn", "Hotel", "Cathedral", "Gardens", "Terrace",
    "Crescent", "Lodge", "Manor", "Alley", "Park", "Chapel", "Mews", "Wharf", "Hermitage",
)  # fmt: skip


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", re.sub(r"[\s\u2010-\u2015]+", " ", text))
    t = re.sub(r"[^a-z0-9]+", "-", t.encode("ascii", "ignore").decode().lower()).strip("-")
    return t if t[:1].isalpha() else f"x-{t}"


class Register:
    """One register file: its TEI document, its entries by id, new ids kept unique."""

    def __init__(self, kind: str, existing: etree._Element | None = None, header=None, taken: set[str] | None = None):
        self.kind = kind  # "person", "place" or "org"
        # Ids used anywhere the register's will be read beside them: the corpus file includes
        # the book's documents and every register, so one id may serve one element only (a
        # person named "Chapter" is no "chapter", the division; a person and a place named
        # Washington are two ids). Shared by the registers of one conversion.
        self.taken = taken if taken is not None else set()
        if existing is not None:
            self.root = existing
        else:
            self.root = make("TEI")
            self.root.append(header if header is not None else make("teiHeader"))
            sub(sub(self.root, "standOff"), LISTS[kind])
        self.loaded = existing is not None  # read back from an earlier run's output
        self.list = xpath(self.root, f"//t:standOff/t:{LISTS[kind]}")[0]
        self.entries = {e.get(XML_ID): e for e in self.root.iter(q(kind)) if e.get(XML_ID)}
        self.taken.update(self.entries)
        self.added: list[etree._Element] = []
        # An earlier run's findings in the text not found again by this run, by id, out of
        # `entries` while a pass reads the register (`set_aside`); None until first set aside.
        self.unseen: dict[str, etree._Element] | None = None

    def set_aside(self) -> dict[str, etree._Element]:
        """Take out of `entries` the entries an earlier run found in the text
        (`earlier_finding`) that no rule of this run has found again, and return them by id:
        the pass that reads the register then sees what a first run would, and takes one
        back where its rules find the name (`bring_back`). Read once, on the first call (the
        register as loaded); again after `restore`, the same entries less those taken back."""
        if self.unseen is None:
            added = set(self.added)
            self.unseen = {
                ident: entry for ident, entry in self.entries.items() if entry not in added and earlier_finding(entry)
            }
        for ident in self.unseen:
            self.entries.pop(ident, None)
        return self.unseen

    def bring_back(self, entry: etree._Element) -> etree._Element:
        """An entry set aside (`set_aside`) that a rule of this run found again: in `entries`
        once more, its id and its place in the register kept."""
        assert self.unseen is not None
        ident = entry.get(XML_ID)
        del self.unseen[ident]
        self.entries[ident] = entry
        return entry

    def restore(self) -> None:
        """Every entry set aside back in `entries` (they stay in the register, marked nowhere),
        `entries` in the register's order."""
        if self.unseen:
            merged = {**self.entries, **self.unseen}
            order = [entry.get(XML_ID) for entry in self.root.iter(q(self.kind))]
            self.entries.clear()
            self.entries.update({ident: merged[ident] for ident in order if ident in merged})
            self.entries.update(merged)

    def new_id(self, base: str) -> str:
        ident, n = base, 2
        while ident in self.entries or ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        return ident

    def add(self, entry: etree._Element) -> etree._Element:
        self.entries[entry.get(XML_ID)] = entry
        self.taken.add(entry.get(XML_ID))
        if len(self.list) and self.list[-1].tail and not self.list[-1].tail.strip():
            _indent_like(entry, self.list[-1])  # a register read from a file keeps its layout
        self.list.append(entry)
        self.added.append(entry)
        return entry

    def remove(self, entry: etree._Element) -> None:
        """Take back an entry added in this run (its layout with it)."""
        self.drop(entry)
        self.added.remove(entry)

    def drop(self, entry: etree._Element) -> None:
        """Take an entry out of the register file, its layout with it."""
        previous = entry.getprevious()
        if previous is not None:
            previous.tail = entry.tail
        entry.getparent().remove(entry)
        del self.entries[entry.get(XML_ID)]


def _indent_like(entry, last) -> None:
    """Lay out an entry added to a parsed register as its last entry is laid out."""
    inner = last.text if last.text and not last.text.strip() else None
    entry.tail, last.tail = (
        last.tail,
        (last.getprevious().tail if last.getprevious() is not None else last.getparent().text),
    )
    if inner:
        entry.text = inner
        for child in entry:
            child.tail = inner
        if len(entry):
            entry[-1].tail = last[-1].tail if len(last) else last.tail


def load(folder: Path | None, name: str) -> etree._Element | None:
    """A register left in the output folder by an earlier run, if any."""
    if folder is None or not (Path(folder) / name).is_file():
        return None
    root = parse_xml(Path(folder) / name).getroot()
    stand_offs = xpath(root, "//t:standOff")
    if local(root) != "TEI" or not stand_offs:
        raise TeikitError("an existing register must be a TEI document with a standOff", str(Path(folder) / name))
    for note in _untyped_sources(stand_offs):
        words = " ".join(text_of(note).split())
        note.set("subtype", next((kind for opening, kind in _LEGACY_SOURCES if words.startswith(opening)), FROM_EDITOR))
    return root


def _untyped_sources(stand_offs: list) -> list:
    """The source notes without a subtype below `stand_offs` (a register's, in document
    order), in document order, each once: what
    `//t:standOff//t:note[@type='source'][not(@subtype)]` finds, each standOff that stands in
    none of the others walked down from in C, its notes' attributes read in Python (XPath's
    search of a register of five thousand entries took twice as long)."""
    return [
        note
        for stand_off in outermost(stand_offs)
        for note in stand_off.iter(NOTE)
        if note.get("type") == "source" and note.get("subtype") is None
    ]


def source_note(entry, source: str, words: str):
    """The note saying where `entry` came from: `source` (FROM_INDEX, FROM_TEXT) as data,
    `words` for the reader."""
    return sub(entry, "note", words, type="source", subtype=source)


def evidence_note(entry, words: str):
    """The note saying on what evidence an entry found in the text was taken (for the
    editor who judges it: see `rejected`)."""
    return sub(entry, "note", words, type="evidence")


def rejected(entry) -> bool:
    """Whether an editor has rejected the entry (`<note type="rejected">`): it names no
    person or place of the book, and nothing is marked for it."""
    return any(note.get("type") == REJECTED for note in entry.iterchildren(NOTE))


# Pointers in a register ("#ident", "places.xml#ident"): none that teikit writes, but an editor
# may relate entries (`relation/@active`, `@sameAs`, `@corresp`); one walk, any attribute.
_REGISTER_POINTERS = etree.XPath("//*/@*[contains(., '#')]", smart_strings=False)


def drop_unused_findings(tei, ctx):
    """Take out of the registers the converter's findings in the text as it wrote them
    (`earlier_finding`: this run's, or an earlier run's read back and left as written) that
    no mark points to, nor an entry of a register read back (an editor may relate entries:
    `relation`, `@sameAs`). A finding no rule marks is no name of the book: entered by a rule
    whose marks a later rule undid ("Mel, Kostantin" from "Kostantin Mel'nikov", a tune's
    "Robin Adair"), or by an earlier version's rule this one no longer holds ("Sovnarkom
    Commission on Transport", now taken whole in "Central Committee–Sovnarkom Commission on
    Transport"), it would stay in the register, marked nowhere, and an edition converted over
    an older one would differ from one converted afresh. Entries of the indexes and of
    editors, rejected ones and those an editor wrote into stay, marked or not."""
    regs = list(ctx.registers.values())
    if not regs:  # the registers' pass did not run
        return tei
    marks = (mark.get("ref") for mark in tei.iter(q("persName"), q("placeName"), q("orgName")))
    # a register written by this run holds no pointer; one read back may hold an editor's
    related = (_REGISTER_POINTERS(reg.root) for reg in regs if reg.loaded)
    pointed: set[str] = set()
    for value in itertools.chain(marks, *related):
        for pointer in (value or "").split():
            pointer_file, hash_sign, ident = pointer.partition("#")
            if hash_sign and (not pointer_file or pointer_file in FILES.values()):
                pointed.add(ident)
    for reg in regs:
        unused = [entry for ident, entry in reg.entries.items() if ident not in pointed and earlier_finding(entry)]
        for entry in unused:
            reg.drop(entry)
        count = f"{reg.kind}s"  # the report's count of the register's entries: "persons", "places", "orgs"
        if unused and count in ctx.report.counts:
            ctx.report.counts[count] = len(reg.entries)
    return tei


def earlier_finding(entry) -> bool:
    """Whether an entry read back from an earlier run's register is that run's finding in
    the text as it wrote it: its source note says found in the text (`provenance`), and it
    holds no note but the converter's (`CONVERTERS_NOTES`). An entry rejected, or annotated
    by an editor (a note of their own), is the editor's, as is one without a source note or
    with `subtype="editor"`."""
    return provenance(entry) == FROM_TEXT and all(
        note.get("type") in CONVERTERS_NOTES for note in entry.iterchildren(NOTE)
    )


def provenance(entry) -> str:
    """Where a register entry came from: FROM_INDEX, FROM_TEXT or FROM_EDITOR (an entry
    without a source note is an editor's)."""
    for note in entry.iterchildren(NOTE):
        if note.get("type") == "source" and note.get("subtype"):
            return note.get("subtype")
    return FROM_EDITOR


# ------------------------------------------------------------------ persons


# A persName, and its surnames and forenames (as `children(el, "surname")` finds them,
# whatever their namespace): the names are read of every entry of a register, some by the
# hundred thousand.
_PERS_NAME, _SURNAMES, _FORENAMES = q("persName"), "{*}surname", "{*}forename"


def _text_inside(el) -> str:
    """`text_of(el)`, read by libxml2's text serialiser."""
    return etree.tostring(el, method="text", encoding=str, with_tail=False)


def person_names(person) -> list[dict]:
    """Each persName of a register entry as {surname, given: [...], full: text}."""
    out = []
    for pn in person.iter(_PERS_NAME):
        out.append(
            {
                "surname": " ".join([text_of(s) for s in pn.iterchildren(_SURNAMES)]),
                "given": [text_of(f) for f in pn.iterchildren(_FORENAMES)],
                # its text (`text_of`) read in C by the text serialiser, not by `itertext`
                # (comments left out, their tails kept, as there): 810 entries of the bundled
                # book read, 5.6 -> 3.7 us each
                "full": " ".join(_text_inside(pn).split()),
            }
        )
    return out


def person_key(person) -> str:
    """The key of a person's first persName, as `person_names` reads it (its other names
    are not read: the key is asked of every entry of the register)."""
    first = next(person.iter(_PERS_NAME), None)
    if first is None:
        return ""
    surname = " ".join([text_of(s) for s in first.iterchildren(_SURNAMES)])
    given = [text_of(f) for f in first.iterchildren(_FORENAMES)]
    return headings.key_of(surname or " ".join(text_of(first).split()), given)  # made by the hundred


def _person_entry(reg: Register, h: headings.Heading, item, source: str, origin: str = FROM_INDEX):
    base = slug(" ".join([h.surname] + h.given))
    person = make("person", attrib={XML_ID: reg.new_id(base)})
    pn = sub(person, "persName")
    sub(pn, "surname", h.surname)
    for k, g in enumerate(h.given):
        pn[-1].tail = ", " if k == 0 else " "
        sub(pn, "forename", g)
    for role in h.roles:
        pn[-1].tail = " "
        sub(pn, "roleName", role)
    for qual in h.qualifiers:
        née = re.match(r"n[ée]e\s+(\S+)$", qual)
        if née:
            sub(sub(person, "persName"), "surname", née.group(1))
        elif qual[:1].isupper() and len(qual.split()) == 1:
            sub(person, "persName", qual)  # another name the person went by
        else:
            sub(person, "note", qual, type="qualifier")
    note = source_note(person, origin, f"{source}: ")
    if item is None:
        note.text = source
    elif not cite_index(note, item):
        note.text += h.printed
    return person


def cite_index(note, item) -> bool:
    """Add an index item's page and note references to a source note; whether it had any."""
    refs = [r for r in children(item, "ref") if r.get("type") in ("page", "note")]
    for k, r in enumerate(refs):
        ref = sub(note, "ref", r.get("n"), type=r.get("type"), n=r.get("n"))
        ref.tail = ", " if k + 1 < len(refs) else None
    return bool(refs)


# The name of `index_divs` as a view of the tree (`Context.view`): the enrichment passes
# mark the running text only, never an index, so the divisions are found once for them.
INDEX_DIVS = "index-divs"


def index_divs(tei, backs: list | None = None) -> tuple[list, list]:
    """(name indexes, subject indexes) among the back matter's index divisions (`backs`:
    every back matter of the book in document order, when found already:
    `Context.skeleton`)."""
    names: list = []
    subjects: list = []
    # the book's back matter, walked down from (not XPath's search)
    back = only(tei, "back") if backs is None else backs[0] if len(backs) == 1 else None
    found = (
        [d for d in back.iter(q("div")) if d.get("type") == "index" and d.find(q("list")) is not None]
        if back is not None
        else xpath(tei, "//t:back//t:div[@type='index'][t:list]")  # none, or several (a group)
    )
    for div in found:
        head = text_of(div.find(q("head"))).lower() if div.find(q("head")) is not None else ""
        (names if re.search(r"\b(name|person|people)", head) else subjects).append(div)
    return names, subjects


# The name of `subject_terms` as a view of the tree (`Context.view`): the registers', the
# organisations' and the places' seeding each read every heading of the subject indexes; the
# enrichment passes mark the running text only, never an index, so they are read once.
SUBJECT_TERMS = "subject-terms"


def subject_terms(subjects: list) -> list[list[tuple[Any, str]]]:
    """For each subject index of `subjects` (`index_divs(tei)[1]`), its items that have a
    term (`.//t:item[t:term]`, in the index's order) with the text of that term as written
    (`text_of`)."""
    return [_termed_items(div) for div in subjects]


_ITEM, _TERM = q("item"), q("term")


def _termed_items(div) -> list[tuple[Any, str]]:
    """The items below `div` that have a term, in document order (what `.//t:item[t:term]`
    finds; found by lxml's walk, each item's first term asked of it: XPath's test of every
    item took half as long again, 3.1 -> 2.2 ms for the bundled book's 928), each with the
    text of its first term (`text_of`)."""
    return [(item, text_of(term)) for item in div.iterdescendants(_ITEM) if (term := item.find(_TERM)) is not None]


def book_subject_terms(ctx) -> list[list[tuple[Any, str]]]:
    """`subject_terms` of the book's subject indexes (`index_divs`), as views of the tree
    (`SUBJECT_TERMS`, `INDEX_DIVS`) of `ctx` (a `teikit.context.Context`)."""
    return ctx.view(SUBJECT_TERMS, lambda tree: subject_terms(ctx.view(INDEX_DIVS, index_divs)[1]))


def seed_persons(
    reg: Register,
    tei,
    report,
    divs: tuple[list, list] | None = None,
    terms: list[list[tuple[Any, str]]] | None = None,
    texts: list | None = None,
) -> None:
    """Add a person for every name of the indexes the register does not hold yet (`divs`:
    `index_divs(tei)`, `terms`: `subject_terms` of its subject indexes, `texts`: the `text`
    elements below `tei` in document order, when found already)."""
    known = {person_key(p): p for p in reg.entries.values()}
    names, subjects = divs if divs is not None else index_divs(tei)
    by_index = terms if terms is not None else subject_terms(subjects)
    see_refs = []
    for div in names:
        for item, term in _termed_items(div):
            h = headings.parse(term)
            if h is None:
                report.info(
                    "index-heading-not-a-name",
                    item.sourceline,
                    "a Name Index heading that does not read as a personal name",
                    text=term,
                )
                continue
            if h.see:
                see_refs.append(h)
                continue
            if h.key not in known:
                known[h.key] = reg.add(_person_entry(reg, h, item, "Name Index"))
    text_words: Counter | None = None
    for div, items in zip(subjects, by_index):
        # A general index may print persons' names in capitals: those headings are persons.
        tops = xpath(div, "./t:list/t:item[t:term]")
        written = dict(items)  # the top headings are among the items
        top_terms = [written[item] for item in tops]
        capitalised = [term for term in top_terms if headings.in_capitals(term)]
        if text_words is None:  # the words asked for are those of the headings in capitals
            text_words = _RunningWords(tei, few=len(capitalised) < _RunningWords.SOUGHT, texts=texts)
        capitals = headings.capitals_mark_persons(top_terms, text_words, capitalised)
        headed = set(tops)
        for item, term in items:
            if capitals and item in headed and headings.name_in_capitals(term, text_words):
                h = headings.parse(headings.from_capitals(term).rstrip(" ,;"))
                if h is None or (h.see and headings.parse(headings.from_capitals(h.see)) is None):
                    # "NEWMAN, J. H., on dogmatic theology,": the name before the subheading; a
                    # reference that reads as no name ("AURELIUS, see MARCUS. Automatic
                    # writing,", a text dump's lines run on) refers nowhere: the name is a person
                    h = headings.parse(headings.from_capitals(headings.capitals_head(term)).rstrip(" ,;"))
                if h is not None and h.see:
                    see_refs.append(h)
                    continue
            else:
                h = headings.parse_prefix(headings.from_capitals(term) if capitals else term)
            if h and h.key not in known:
                known[h.key] = reg.add(_person_entry(reg, h, item, "Subject Index"))
    for h in see_refs:  # "Privorotskaya, M. M.: see Kaganovich, Maria M."
        assert h.see is not None  # only headings with a `see` are in see_refs
        target = headings.parse(h.see)
        match = [
            p
            for k, p in known.items()
            if target and k.split(",")[0].startswith(target.surname) and k.endswith(target.initials)
        ]
        if len(match) == 1 and h.key not in known:
            alias = sub(match[0], "persName")
            sub(alias, "surname", h.surname)
            match[0].insert(1, alias)
            known[h.key] = match[0]


# Every text node below an element, in document order, as plain strings: the text and
# tails `itertext` gives (not a comment's nor a processing instruction's text, which are no
# text nodes; their tails are).
_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)


class _RunningWords(Counter[str]):
    """How often the book's front and body (not its back, where the indexes are) write each
    word (a run of letters), as `d[word]`: each word counted when it is first asked for.

    The words asked for are those of an index's headings in capitals, mostly none or a few:
    with `few`, each of the first few is sought in the text (`str.find`, its ends checked),
    which is cheaper than counting every word of the book; after them, or without `few`,
    every word is counted once. Either way a word's count is the number of runs of letters
    that are that word."""

    SOUGHT = 16  # words sought one by one, at most, before every word is counted

    def __init__(self, tei, few: bool = False, texts: list | None = None) -> None:
        super().__init__()
        self.tei = tei
        self.few = few
        self.book_texts = texts  # the `text` elements below `tei`, when found already
        self._texts: list[str] | None = None
        self._all: dict[str, int] | None = None  # every run's count (`_letter_runs`)

    def texts(self) -> list[str]:
        """The text nodes of each front and body, joined by spaces: what `" ".join(part.itertext())`
        gives (the text and tail of each element below the part, none of the part's own tail)."""
        if self._texts is None:
            books = self.tei.iter(q("text")) if self.book_texts is None else self.book_texts
            parts = [part for text in books for part in text if part.tag in (q("front"), q("body"))]
            # The text nodes listed by XPath, in C: the iterator handed each up to Python
            # in turn, at twice the cost (13 -> 6 ms on the bundled book).
            self._texts = [" ".join(_TEXT_NODES(part)) for part in parts]
        return self._texts

    def __missing__(self, word: str) -> int:
        if self._all is None and (not self.few or len(self) >= self.SOUGHT):
            self._all = _letter_runs(self.texts())
        if self._all is not None:
            n = self._all.get(word, 0)
        elif _LETTERS.fullmatch(word) is None:
            n = 0  # no run of letters is this word
        else:
            n = sum(_runs_of(word, text) for text in self.texts())
        self[word] = n
        return n


_LETTERS = re.compile(r"[^\W\d_]+")


def _letter_runs(texts: list[str]) -> dict[str, int]:
    """How often `texts` write each run of letters (`_LETTERS`), each run written at least
    once: counted by the words between white space, each distinct word read once (a run holds
    no white space, so each lies in one word; most of a book's words are repeats), a word of
    letters alone its one run, a word with stops or brackets at its ends that leave letters
    alone between them its one run too ("(Moscow),"; most of the others). Counting every run
    the pattern finds in the whole text took twice as long; a `Counter` of the runs, its
    missing keys filled by a call into Python, and each word that is no letters alone searched
    by the pattern, a fifth longer (James's Varieties, 52 -> 41 ms in-process)."""
    words: Counter[str] = Counter()
    for text in texts:
        count_words(text, words)  # a stretch at a time (`matching.count_words` says why)
    runs: dict[str, int] = {}
    get = runs.get
    findall = _LETTERS.findall
    for word, n in words.items():
        if word.isalpha():
            runs[word] = get(word, 0) + n
            continue
        core = word.strip(_NO_LETTERS_AT_ENDS)
        if core.isalpha():
            runs[core] = get(core, 0) + n
        else:
            for run in findall(core):
                runs[run] = get(run, 0) + n
    return runs


# Stops, brackets and quotation marks, none a letter: taken off a word's ends they leave its
# runs of letters as they were.
_NO_LETTERS_AT_ENDS = ",.;:!?()[]{}\"“”‘’'«»*/-—–"


def _runs_of(word: str, text: str) -> int:
    """How many runs of letters of `text` are `word` (itself letters): where it is written
    with no letter right before or after it."""
    n = 0
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _LETTERS.match(text, at - 1)) and (end == len(text) or not _LETTERS.match(text, end)):
            n += 1
        at = text.find(word, end)  # no run of letters begins inside a word of letters
    return n


def from_index(person) -> bool:
    """Whether a register entry was seeded from one of the book's indexes."""
    return provenance(person) == FROM_INDEX


def new_person(reg: Register, surname: str, given: list[str], why: str):
    """A person found in the text (`why`: on what evidence, for the reader)."""
    h = headings.Heading(surname, given)
    person = _person_entry(reg, h, None, why, FROM_TEXT)
    return reg.add(person)


# ------------------------------------------------------------------ places


def place_entry(
    reg: Register,
    name: str,
    kind: str | None,
    geo: gazetteer.GeoPlace | None,
    source: str,
    origin: str = FROM_TEXT,
    evidence: str | None = None,
):
    """A new place: `origin` where it came from (FROM_INDEX, FROM_TEXT), `source` its
    source note's words, `evidence` what the text showed (an evidence note)."""
    base = slug(geo.name if geo else name)
    place = make("place", attrib={XML_ID: reg.new_id(base)})
    if kind:
        place.set("type", kind)
    sub(place, "placeName", name)
    if geo and gazetteer.fold(geo.name) != gazetteer.fold(name):
        sub(place, "placeName", geo.name)
    if geo and geo.lat is not None:
        sub(sub(place, "location"), "geo", f"{geo.lat:g} {geo.lng:g}")
    if geo and geo.geonameid is not None:
        sub(place, "idno", str(geo.geonameid), type="geonames")
    source_note(place, origin, source)
    if evidence:
        evidence_note(place, evidence)
    return reg.add(place)


# The names read of each entry of the place register while a pass reads them (`naming_places`).
_NAMES_READ: ContextVar[dict[Any, tuple[str, ...]] | None] = ContextVar("place_names_read", default=None)


@contextmanager
def naming_places() -> Iterator[None]:
    """`place_names` read once per entry inside (the places' pass asks for an entry's names
    ten times and more: 3,000 questions of 300 entries in the bundled book), each entry's
    read again after `Places` gives it a name, which no other code does."""
    token = _NAMES_READ.set({})
    try:
        yield
    finally:
        _NAMES_READ.reset(token)


def place_names(place) -> list[str]:
    """The names of a place register's entry (its `placeName`s, spaces made single)."""
    read = _NAMES_READ.get()
    if read is None:
        return _names_of(place)
    names = read.get(place)
    if names is None:
        names = read[place] = tuple(_names_of(place))
    return list(names)


def _names_of(place) -> list[str]:
    return [" ".join(text_of(n).split()) for n in place.iter(_PLACE_NAME)]


def _named_anew(place) -> None:
    """Forget the names read of `place` (`naming_places`): it has one more."""
    read = _NAMES_READ.get()
    if read is not None:
        read.pop(place, None)


_PLACE_NAME = q("placeName")


def typed_lookup(name: str, kind: str):
    """The gazetteer's entry for a place the profile knows, only when it is the same kind of
    place (Turkestan the region is not Turkistan the town) under the same name, however
    romanised: a profile lists the places the gazetteer does not hold under their names, and
    one of another place's other names is no link ("Kronstadt" is Brasov's German name, not
    GeoNames' Kronshtadt)."""
    geo = gazetteer.lookup(name)
    if geo is None or geo.type != kind or gazetteer.fold(geo.name) != gazetteer.fold(name):
        return None
    return geo


# The name of the answers of `classify_place` for one conversion (`Context.view`, of no part
# of the tree: every pass that asks keeps it), held while a pass runs (`classifying`).
PLACE_KINDS = "place-kinds"
_CLASSIFIED: ContextVar[tuple[Any, dict[str, Any], dict[str, str]] | None] = ContextVar(
    "classified_places", default=None
)


@contextmanager
def classifying(profile, answers: dict[str, Any]) -> Iterator[None]:
    """`classify_place` of `profile` answered once per name inside, kept in `answers` (the
    conversion's: the passes ask of the same names hundreds of times, the organisations' and
    the places' alike, and with the heads of names of places merged once); another
    profile's questions are answered afresh."""
    token = _CLASSIFIED.set((profile, answers, PLACE_HEADS | profile.place_heads))
    try:
        yield
    finally:
        _CLASSIFIED.reset(token)


def classify_place(name: str, profile) -> tuple[str | None, gazetteer.GeoPlace | None] | None:
    """(type, gazetteer entry) when a name is a place, else None."""
    scope = _CLASSIFIED.get()
    if scope is None or scope[0] is not profile:
        return _classify_place(name, profile, PLACE_HEADS | profile.place_heads)
    answers = scope[1]
    if name not in answers:
        answers[name] = _classify_place(name, profile, scope[2])
    return answers[name]


def _classify_place(name: str, profile, heads: dict[str, str]) -> tuple[str | None, gazetteer.GeoPlace | None] | None:
    """`classify_place`, `heads` the heads of names of places (`PLACE_HEADS`, the profile's)."""
    if name in profile.not_places:
        return None
    canonical = profile.same_places.get(name, name)
    if canonical in profile.known_places:
        return profile.known_places[canonical], typed_lookup(canonical, profile.known_places[canonical])
    words = name.split()
    if not words or not all(w[:1].isupper() or w in ("of", "the", "on") for w in words):
        head = words[-1].lower() if words else ""  # heads: a pack's too ("oblast", "krai")
        if head in heads and words[0][:1].isupper():
            return heads[head], None
        return None
    own = gazetteer.known_as(canonical)  # gazetteer.toml's names: Turkestan the region, not the town;
    if own is not None:  # however romanised: the index's "Bashkirya" is its Bashkiria
        return own.type, own
    unit = heads.get(words[-1].lower()) if len(words) > 1 else None
    if unit is not None:  # "Don River", "Northern Territory": a feature's or a unit's word ends the name
        return unit, gazetteer.lookup(canonical, everything=True)
    first = FEATURE_FIRST.match(canonical)
    if first:  # "Lake Khasan", "Mount Elbrus": the feature's word first, the English way
        return FEATURE_FIRST_TYPES[first.group(1)], gazetteer.lookup(canonical, everything=True)
    if len(words) == 2 and words[0] in COMPASS_WORDS and classify_place(words[1], profile) is not None:
        return "region", None  # "North Caucasus": a part of a place
    geo = gazetteer.lookup_romanised(canonical)  # "Krivoi Rog": GeoNames' Krivoy Rog
    if geo is None:  # a sea, a river, a former country; not a village: a topic may be named like one
        geo = gazetteer.lookup(canonical, everything=True)
        geo = geo if geo is not None and geo.type not in ("city", "region") else None
    if geo:
        return geo.type, geo
    return None


_PLACE_QUALIFIER = re.compile(r"\s*\((?P<q>town|city|village|region|province|river|district)\)\s*$", re.I)
_TYPE_OF_QUALIFIER = {
    "town": "city",
    "city": "city",
    "village": "village",
    "region": "region",
    "province": "region",
    "river": "river",
    "district": "district",
}


# The Wade-Giles aspirate (U+02BD), which tells two syllables apart ("Chʽin", the state of
# Qin, is not "Chin", the state of Jin): a letter of a place's name, kept when names are folded
_ASPIRATE = "\u02bd"


def _key(name: str) -> str:
    """The register's key for a place's name: the gazetteer's folded spelling
    (`gazetteer.fold`), the Wade-Giles aspirate kept as a letter of its own."""
    return gazetteer.fold(name.replace(_ASPIRATE, "h")) if _ASPIRATE in name else gazetteer.fold(name)


class Places:
    """The place register with its lookups: by folded name and by GeoNames id."""

    def __init__(self, reg: Register):
        self.reg = reg
        self.by_name: dict[str, etree._Element] = {}
        self.by_geo: dict[str, etree._Element] = {}
        # Forms the text writes for a place that the register need not hold ("Dnieper River").
        self.forms: dict[str, etree._Element] = {}
        for place in reg.entries.values():
            self._learn(place)

    def _learn(self, place, names: list[str] | None = None) -> None:
        """Find `place` by its names (`names`: its `place_names`, when read already) and id."""
        for n in place_names(place) if names is None else names:
            self.by_name.setdefault(_key(n), place)
        for idno in children(place, "idno"):
            if idno.get("type") == "geonames":
                self.by_geo.setdefault(idno.text.strip(), place)

    def find(self, name: str):
        return self.by_name.get(_key(name))

    def alias(self, name: str, place) -> None:
        """Another spelling the text writes of a place (`places.close_spellings`): found and
        marked as the place, not written into its entry."""
        self.by_name.setdefault(_key(name), place)
        self.forms.setdefault(name, place)

    def add_name(self, place, name: str) -> None:
        names = children(place, "placeName")
        names[-1].addnext(make("placeName", name))
        _named_anew(place)
        self._learn(place)

    def add(self, name: str, kind: str | None, geo, source: str, origin: str = FROM_TEXT, evidence: str | None = None):
        """The entry for a place, made or extended (Petrograd and Leningrad are one city);
        `evidence` for a new entry's evidence note."""
        place = self.find(name)
        if place is None and geo is not None:  # by GeoNames id, else by the gazetteer's own name
            place = self.by_geo.get(str(geo.geonameid)) if geo.geonameid is not None else self.find(geo.name)
        names = None
        if place is None:
            place = place_entry(self.reg, name, kind, geo, source, origin, evidence)
        else:
            names = place_names(place)
            if _key(name) not in {_key(n) for n in names} and place in self.reg.added:
                children(place, "placeName")[-1].addnext(make("placeName", name))
                _named_anew(place)
                names = None  # read again, the new one with them
        self._learn(place, names)
        return place


# Sub-headings of a place that group its parts ("Moscow: buildings and locations: Lenin Hills
# ...; districts: Bauman ..."), and the type of place each part is.
_SITE_GROUPS = {
    "buildings": "site", "locations": "site", "sites": "site", "monuments": "site", "streets": "street",
    "squares": "square", "districts": "district", "suburbs": "district", "quarters": "district",
}  # fmt: skip
_GROUP_LABEL = re.compile(r"^(?:[a-z]+(?: and | |, ))*[a-z]+\b\s*")


def _sites(item) -> list[tuple[str, str]]:
    """The parts of a place its index entry lists under a sub-heading that groups them:
    capitalised sub-headings after "buildings and locations" or "districts", up to the next
    sub-heading in lower case ("industry")."""
    out: list[tuple[str, str]] = []
    for sub_list in item.iterchildren(_ANY_LIST):  # `children(item, "list")`, without its call
        if not _may_group(sub_list):
            continue  # most of an index's sub-headings: none names a group, none is read
        group = None
        for part in children(sub_list, "item"):
            term = part.find(q("term"))
            words = " ".join(text_of(term).split()).strip(" ,;") if term is not None else ""
            label = _GROUP_LABEL.match(words)
            if label:  # "districts", or "buildings and locations Bolshoi Theatre" run together
                kinds = [_SITE_GROUPS[w] for w in re.findall(r"[a-z]+", label.group(0)) if w in _SITE_GROUPS]
                group = kinds[0] if kinds else None
                words = words[label.end() :]
            if group and words[:1].isupper():
                out.append((re.sub(r"\s*\([^)]*\)", "", words), group))
    return out


_ANY_LIST = "{*}list"


def _may_group(sub_list) -> bool:
    """Whether a sub-heading of `sub_list` may name a group of sites (`_SITE_GROUPS`): its
    text, read in C, writes one of their words (a sub-heading's label, which names the group,
    is its term's words, which the list's text holds as written)."""
    text = etree.tostring(sub_list, method="text", encoding=str, with_tail=False)
    return any(word in text for word in _SITE_GROUPS)


def indexed_sites(divs: tuple[list, list], terms: list[list[tuple[Any, str]]] | None = None) -> list[str]:
    """The names of the sites a Subject Index lists under a place (`_sites`: "Moscow,
    buildings and locations, Prospekt Marx"), each a place whole, as `seed_places` enters it
    (`terms`: `subject_terms` of the subject indexes, when found already: its items are
    those read here)."""
    _, subjects = divs
    if terms is not None:
        return [name for items in terms for item, _ in items for name, _ in _sites(item)]
    return [name for div in subjects for item in xpath(div, ".//t:item[t:term]") for name, _ in _sites(item)]


def _heading_parts(written: str) -> tuple[str, str | None, list[str]]:
    """A Subject Index heading as written read as (the name, the type of place its bracket
    says, the other names its brackets give): "Dnieper (river)", "Abyssinia (Ethiopia)"."""
    term = " ".join(written.split()).strip(" ,;")
    if "(" not in term:  # most headings: no pattern is tried on them
        return term, None, []
    kind = None
    m = _PLACE_QUALIFIER.search(term)
    if m:
        term, kind = term[: m.start()], _TYPE_OF_QUALIFIER[m.group("q").lower()]
    aliases = [a for a in re.findall(r"\(([A-Z][^)]*)\)", term) if len(a.split()) <= 2]
    return re.sub(r"\s*\([^)]*\)", "", term).strip(), kind, aliases


# The name of `subject_sites` of the book as a view of the tree (`Context.view`): the persons'
# pass reads the sites of every heading of the subject indexes (`book_indexed_sites`), the
# places' seeding those of the places among them; no enrichment pass marks an index.
SUBJECT_SITES = "subject-sites"


def subject_sites(terms: list[list[tuple[Any, str]]]) -> dict[Any, list[tuple[str, str]]]:
    """`_sites` of each item of `terms` (`subject_terms`) that lists any, by item, in the
    indexes' order."""
    return {item: sites for items in terms for item, _ in items if (sites := _sites(item))}


def book_subject_sites(ctx) -> dict[Any, list[tuple[str, str]]]:
    """`subject_sites` of the book's subject indexes (`book_subject_terms`), as a view of the
    tree (`SUBJECT_SITES`) of `ctx` (a `teikit.context.Context`)."""
    return ctx.view(SUBJECT_SITES, lambda tree: subject_sites(book_subject_terms(ctx)))


def book_indexed_sites(ctx) -> list[str]:
    """`indexed_sites` of the book (`index_divs`), read from `book_subject_sites`."""
    return [name for sites in book_subject_sites(ctx).values() for name, _ in sites]


def seed_places(
    places: Places,
    tei,
    profile,
    person_surnames: set[str],
    report,
    divs: tuple[list, list] | None = None,
    common_word: Callable[[str], bool] = lambda name: False,
    terms: list[list[tuple[Any, str]]] | None = None,
    sites: dict[Any, list[tuple[str, str]]] | None = None,
) -> set[str]:
    """A place for every Subject Index heading that names one; the profile's own list next.
    Returns the headings that name no place: topics ("Pravda", "Duma"), which the text
    may name like a town somewhere. `divs`: `index_divs(tei)`, `terms`: `subject_terms` of
    its subject indexes, `sites`: `subject_sites` of those, when found already.

    Not a place: a heading that is a person's surname, also when the index prints persons'
    names in capitals ("KANT": Kant the philosopher, not the town in India), nor a heading
    `common_word` says the book writes as a word of its language ("Soul", a topic, though
    GeoNames gives it as another name of Seoul; "YOUNG", a person the text calls Young)."""
    topics: set[str] = set()
    _, subjects = divs if divs is not None else index_divs(tei)
    for items in terms if terms is not None else subject_terms(subjects):
        for item, written in items:
            term, kind, aliases = _heading_parts(written)
            if not term or term in person_surnames:
                continue
            written = headings.from_capitals(term) if headings.in_capitals(term) else term  # "KANT": Kant
            if written in person_surnames:
                continue
            if common_word(written):
                topics.add(term)
                continue
            found = classify_place(term, profile)
            if found is None and kind is None:
                topics.add(term)
                continue
            ptype, geo = found or (kind, None)
            place = places.add(term, kind or ptype, geo, "Subject Index", FROM_INDEX)
            for alias in aliases:  # "Baltic–White Sea canal (Belomor)", "Abyssinia (Ethiopia)"
                if places.find(alias) is None and alias not in person_surnames:
                    places.add_name(place, alias)
            for name, sort in sites.get(item, ()) if sites is not None else _sites(item):
                if places.find(name) is None and name not in person_surnames:
                    # from the index as its heading is: kept though the text never names it
                    places.add(name, sort, None, "Subject Index", FROM_INDEX)
    for name, ptype in profile.known_places.items():
        places.add(name, ptype, typed_lookup(name, ptype), "named in the text")
    for variant, name in profile.same_places.items():
        place = places.find(name)
        # "Piter" is Petrograd's: one place, not one of its own (a name written into an entry
        # this run made; an earlier run's or an editor's stays as it is, the name marked with it)
        if place is not None and places.find(variant) is None and place in places.reg.added:
            places.add_name(place, variant)
    return topics


def report_unresolved(report, unresolved: Counter, among: str) -> None:
    """One `person-unresolved` finding per name that fits several persons (`among`: which)."""
    for name, n in unresolved.most_common():
        report.add(
            "person-unresolved",
            None,
            f"{n} mention(s) of '{name}' could mean more than one person {among}; tagged without @ref",
            text=name,
        )
