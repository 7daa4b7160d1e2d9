"""Families and ruling houses named by their surname, as the editor chose to mark them.

An edition marks "the Lameths", "the Medici" or "the house of Sforza" in one of three ways,
an editor's choice (`[names] families`): as persons (teikit's default, `textnames.families`:
the plural of a surname in "s" after "the", a person's mention linked to no one), as a body
("org": an orgName linked to an `org` entry of the family in the organisations' register,
its evidence noted: "a family's name"), or not at all ("none"). This module serves the last
two: which words name a family (`family_names`), where the book writes them in a family's
place (`FamilyMentions`), and the family's register entry (`FamilyEntries`).

A family's name is a word of one of these kinds:

- a surname the book gives persons of two forenames or more, the last word after a particle
  too ("Vitelli" of Pagolo and Niccolò Vitelli, "Medici" of Lorenzo and Giuliano de’ Medici):
  the surname itself, as a surname of Italian and of other tongues is its own plural ("the
  Vitelli"; a surname one person bears is his after "the" too: "the Magdalene", Mary's), or its
  plural in "s" as `textnames.families` finds it ("the Lameths", of one bearer too; not a
  name used as a type, "the Xaviers, Brébeufs, Jogues": men like Francis Xavier);
- a surname the book gives a person with a forename, written after "house of" or "family of"
  ("the house of Sforza", beside Francesco Sforza), or between "the" and "family" or "house";
- a capitalised word the book writes between "the" and "family" or "house" ("the Colonna
  house", "the Adimari family");
- a capitalised word listed with a family's name: each after its "the" ("the Baglioni, the
  Vitelli, and the Orsini"), two sharing the article ("the Orsini and Vitelli") or the noun
  after them ("Orsini and Colonnesi factions"), joined by "and", "or" or a comma; the lists
  read again with each family found ("the Orsini and the Colonnesi").

A word found so by its place alone (the last two kinds) is none where it is a word the book
also writes in lower case, a place the gazetteer knows, a people's word or adjective (`[orgs]
peoples` and their plurals, "the Venetians", "the Swiss"; "the Swabian house"), a deity's name
or a word of a person's name the book gives on evidence of its own (a forename, an honorific):
`refused`; a surname is none where it is one of those but a person's.

A family's name is a mention of the family only where the book writes it in a family's
place: after "the" (and a number or "both": "the two Robespierres") with no capitalised word
after it (a forename or a title: no family "the Medici Pope"), and not the "the" of an
epithet after a name written mid-sentence ("Tʽang the Completer and Wang": none of the lists
above either); after "house of" or "family of" (and "the"); before "family", "families",
"house", "houses", "faction", "factions", "party" or "parties" in lower case ("the Bentivogli
family"); or listed with such a mention, sharing its article or its noun ("the Orsini and
Vitelli", "Orsini and Colonnesi factions"). Elsewhere the word is what the persons' rules make it ("Sforza had the Bracceschi
always against him": the man; "Cesare Borgia": a whole name, never a family inside it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping

from lxml import etree

from ..tei import XML_ID, make, make_in, q, sub, text_of
from . import registers
from .namewords import LOWER, PIECE_BREAK, UPPER, passage

EVIDENCE = "a family's name"  # how a family's entry's evidence note begins
SOURCE = "named in the text"  # as `orgs` says of the bodies it finds there

# The nouns after a family's name that say it names the family ("the Bentivogli family",
# "the Colonna house", "the Orsini and Colonnesi factions"); the first two make a family's
# name of a capitalised word alone (`family_names`).
_NOUNS = ("family", "families", "house", "houses", "faction", "factions", "party", "parties")
_NAMING_NOUNS = ("family", "house")
# (the space between two words may be a line's end: "two brothers, the\nLameths")
_SP = r"\s"
_NUMBER = rf"(?:(?:two|three|four|five|both){_SP})?"
# (a dash is no hyphen: "the Lameths--both of them nobles")
_NOT_IN_WORD = r"(?<![\w'’])(?<!\w-)"
_WORD_ENDS = r"(?![\w'’]|-\w)"
_WORD = rf"[{UPPER}][{LOWER}]+"
_ENDS = rf"{_WORD_ENDS}(?!\s[{UPPER}])"  # no more of the word, no capitalised word after it
_AND = rf"{_SP}(?:and|or){_SP}"
_JOIN = rf"(?:,?{_AND}|,{_SP})"
_NOUN = rf"{_SP}(?:{'|'.join(_NOUNS)}){_WORD_ENDS}"

# The shapes that tell a family's name by its place, over the whole prose (`family_names`):
# two listed after their own "the" (the second sought ahead, so that "the A, the B, and the
# C" gives both pairs), two sharing the article, two sharing the noun; a word before a noun
# that names families, and after one and "of". (Each sought from letters it opens with, "he"
# of "the", "and", "or", "of", that `re` finds by its fast scan; what stands before them told
# after: `_article_at`, `_WORD_BEFORE`.)
_LISTED_EACH = re.compile(rf"he{_SP}{_NUMBER}({_WORD})(?={_JOIN}the{_SP}({_WORD}){_ENDS})")
_SHARING_ARTICLE = re.compile(rf"he{_SP}({_WORD}){_AND}({_WORD}){_ENDS}")
_SHARING_NOUN = [re.compile(rf"{joint}{_SP}({_WORD}){_NOUN}") for joint in ("and", "or")]
_BEFORE_NAMING_NOUN = re.compile(rf"he{_SP}({_WORD}){_SP}(?:{'|'.join(_NAMING_NOUNS)}){_WORD_ENDS}")
_AFTER_NAMING_NOUN = re.compile(rf"of{_SP}(?:the{_SP})?({_WORD}){_ENDS}")
_WORD_BEFORE = re.compile(rf"(?<![\w'’])({_WORD}){_SP}\Z")
_NAMING_NOUN_BEFORE = re.compile(rf"{_NOT_IN_WORD}(?:{'|'.join(_NAMING_NOUNS)}){_SP}\Z")


def _article_at(text: str, at: int) -> bool:
    """Whether "he" at `at` is the article's: "the" or "The", a word of its own."""
    return at >= 1 and text[at - 1] in "Tt" and (at < 2 or not (text[at - 2].isalnum() or text[at - 2] in "_'’-"))


# What stands before or after a family's name in a family's place (`FamilyMentions`).
_AFTER_THE = re.compile(rf"{_NOT_IN_WORD}[Tt]he{_SP}{_NUMBER}\Z")
_AFTER_HOUSE_OF = re.compile(rf"{_NOT_IN_WORD}(?:house|houses|family|families){_SP}of{_SP}(?:the{_SP})?\Z")
_BEFORE_NOUN = re.compile(_NOUN)
_CAPITAL_AFTER = re.compile(rf"\s[{UPPER}]")
_NOT_IN_WORD_AT = re.compile(_NOT_IN_WORD)
_JOINED = re.compile(_AND)
# A capitalised word right before an article, and what stands before it (`_an_epithets`)
_NAME_BEFORE = re.compile(rf"(?<![\w'’])[{UPPER}][\w'’-]*\s\Z")
_SENTENCE_OPENS = ".!?:;“‘\"'(—"


def _an_epithets(text: str, at: int) -> bool:
    """Whether the "the" at `at` is an epithet's, after a name written mid-sentence ("Tʽang the
    Completer and Wang", "Alexander the Great"): no family's article."""
    name = _NAME_BEFORE.search(text, max(0, at - 40), at)
    if name is None:
        return False
    opening = text[max(0, name.start() - 3) : name.start()].rstrip()
    return bool(opening) and opening[-1] not in _SENTENCE_OPENS and opening[-1] != "\0"


def _quoted(prose: str, start: int, end: int) -> str:
    """`passage` of the piece of the prose joined (`Words.prose_joined`) that holds
    `prose[start:end]`: the quotation stays within its piece."""
    at = prose.rfind(PIECE_BREAK, 0, start)
    at = 0 if at < 0 else at + len(PIECE_BREAK)
    until = prose.find(PIECE_BREAK, end)
    return passage(prose[at : len(prose) if until < 0 else until], start - at, end - at)


def last_word(surname: str, particles: Collection[str]) -> str:
    """The word of a surname that names its family: the surname of one word, or the last after
    particles ("de’ Medici" -> "Medici"); "" for another of several words."""
    parts = surname.split()
    if len(parts) == 1:
        return parts[0]
    small = {p.lower() for p in particles}
    return parts[-1] if all(p.lower() in small for p in parts[:-1]) else ""


def family_names(
    prose: str,
    surnames: Mapping[str, Collection[str]],
    plurals: Iterable[str],
    refused: Callable[[str], bool],
) -> dict[str, str]:
    """The words that name families in `prose` (the book's prose joined), each with the
    evidence for it, for the editor (see the module's docstring): `surnames`, the words of
    the surnames the book gives persons with a forename (`last_word`), each with a name of
    each of its forenames (two or more: a family's name); `plurals`, the plurals in "s" `textnames.families` finds.
    `refused(word)`: a word that names no family by its place alone."""
    found: dict[str, str] = {}
    for word in sorted(plurals):
        found[word] = "the plural of a surname the book gives a person"
    for m in _BEFORE_NAMING_NOUN.finditer(prose):
        word, the = m.group(1), m.start() - 1
        if word not in found and _article_at(prose, m.start()) and not _an_epithets(prose, the):
            if word in surnames or not refused(word):
                found[word] = f"written with a family's noun: {_quoted(prose, the, m.end())}"
    for m in _AFTER_NAMING_NOUN.finditer(prose):
        word = m.group(1)
        # (a surname only: a house of another kind's name, "the house of Caiaphas", his)
        if word in surnames and word not in found and prose[m.start() - 1 : m.start()] in (" ", "\n"):
            noun = _NAMING_NOUN_BEFORE.search(prose, max(0, m.start() - 10), m.start())
            if noun is not None:
                found[word] = f"written with a family's noun: {_quoted(prose, noun.start(), m.end())}"
    for word in sorted(surnames):
        bearers = sorted(surnames[word])
        if word not in found and len(bearers) > 1:
            found[word] = f"the surname of persons of several forenames: {', '.join(bearers[:3])}"
    pairs: list[tuple[str, str, int, int]] = []
    for pattern in (_LISTED_EACH, _SHARING_ARTICLE):
        pairs += (
            (m.group(1), m.group(2), m.start() - 1, m.end(2))
            for m in pattern.finditer(prose)
            if _article_at(prose, m.start()) and not _an_epithets(prose, m.start() - 1)
        )
    for pattern in _SHARING_NOUN:
        for m in pattern.finditer(prose):
            before = _WORD_BEFORE.search(prose, max(0, m.start() - 40), m.start())
            if before is not None and prose[m.start() - 1 : m.start()] in (" ", "\n"):
                pairs.append((before.group(1), m.group(1), before.start(), m.end(1)))
    pairs.sort(key=lambda p: p[2])  # the lists in the book's order: each word's first evidence
    more = True
    while more:
        more = False
        for first, second, start, end in pairs:
            for known, other in ((first, second), (second, first)):
                if known in found and other not in found and (other in surnames or not refused(other)):
                    found[other] = f"listed with the family {known}: {_quoted(prose, start, end)}"
                    more = True
    return found


class FamilyMentions:
    """The mentions of families in a piece of text: a word of `names` (`family_names`) where
    the book writes it in a family's place (see the module's docstring): (start, end, word)."""

    def __init__(self, names: Collection[str]):
        ordered = sorted(names, key=lambda w: (-len(w), w))
        # (the names first, that `re` seeks by their first letters; what stands before told after)
        self._word = re.compile(rf"(?:{'|'.join(map(re.escape, ordered))}){_WORD_ENDS}") if ordered else None

    def __call__(self, piece: str) -> list[tuple[int, int, str]]:
        if self._word is None:
            return []
        written = [(m.start(), m.end()) for m in self._word.finditer(piece) if _NOT_IN_WORD_AT.match(piece, m.start())]
        if not written:
            return []
        article = [False] * len(written)  # placed by its own "the": its article shared after it
        noun = [False] * len(written)  # placed by a noun after it: the noun shared before it
        placed = [False] * len(written)
        for k, (start, end) in enumerate(written):
            before = piece[max(0, start - 30) : start]
            ends = _CAPITAL_AFTER.match(piece, end) is None
            the = _AFTER_THE.search(before) if ends else None
            article[k] = the is not None and not _an_epithets(piece, start - len(before) + the.start())
            noun[k] = _BEFORE_NOUN.match(piece, end) is not None
            placed[k] = article[k] or noun[k] or (ends and _AFTER_HOUSE_OF.search(before) is not None)
        for k in range(len(written) - 1):
            # "the Orsini and Vitelli", "Orsini and Colonnesi factions": one word between them
            (_, end), (start, _) = written[k], written[k + 1]
            if _JOINED.fullmatch(piece, end, start) is None:
                continue
            if article[k] and _CAPITAL_AFTER.match(piece, written[k + 1][1]) is None:
                placed[k + 1] = True
            if noun[k + 1]:
                placed[k] = True
        return [(start, end, piece[start:end]) for (start, end), here in zip(written, placed) if here]


class FamilyEntries:
    """The register entries of the families marked (an `org` of the organisations' register),
    each made at its first mention with the evidence for it and a passage where
    it was seen: an entry a register holds already under that name (an earlier run's, or an
    editor's) is taken as it is; one the editor rejected is marked nowhere."""

    def __init__(self, reg: registers.Register, evidence: Mapping[str, str]):
        self.reg = reg
        self.evidence = evidence
        self.entries: dict[str, etree._Element] = {}
        self.rejected: set[str] = set()
        for org in reg.entries.values():  # (an organisation named by one word is that family)
            for name in org.iter(q("orgName")):
                word = " ".join(text_of(name).split())
                if registers.rejected(org):
                    self.rejected.add(word)
                else:
                    self.entries.setdefault(word, org)
        self.models: dict[str, etree._Element] = {}  # a family's name -> its orgName, to be copied
        self.marked = 0

    def mark(self, tei, word: str, piece: str, start: int, end: int) -> etree._Element | None:
        """A new orgName of the family `word` (None if the editor rejected it), its entry made
        at its first mention."""
        if word in self.rejected:
            return None
        model = self.models.get(word)
        if model is None:
            org = self.entries.get(word)
            if org is None:
                org = make("org", attrib={XML_ID: self.reg.new_id(registers.slug(word))})
                sub(org, "orgName", word)
                registers.source_note(org, registers.FROM_TEXT, SOURCE)
                why = self.evidence.get(word, "")
                if not why.endswith("”"):  # evidence without a passage: where it was first marked
                    why = f"{why}: {passage(piece, start, end)}"
                registers.evidence_note(org, f'{EVIDENCE} ([names] families = "org"): {why}')
                self.reg.add(org)
                self.entries[word] = org
            model = self.models[word] = make_in(tei, "orgName", ref=f"{registers.ORGS_FILE}#{org.get(XML_ID)}")
        self.marked += 1
        return model.__copy__()
