"""Index headings read as personal names: `Kaganovich, Mikhail M. (brother)` ->
surname, forenames and initials, the qualifier.

Back-of-book name indexes print a person as "Surname, Forenames (qualifier)".
Text dumps damage them: a stray locator before the name ("6,218 Kaganovich, …"),
a full stop for the comma ("Demchenko. M."), the comma lost ("Vasiliev A.").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"[{_UPPER}][\w'’]*(?:[-‐][{_UPPER}]?[\w'’]+)*"  # the hyphen, or Unicode's (U+2010): "Al‐Ghazzali"
_INITIAL = rf"[{_UPPER}][a-z]{{0,2}}\."
_PARTICLE = r"(?:von|van|de|der|du|la|le)"
_LEADING_LOCATORS = re.compile(r"^(?:[\dxvi,–-]+n?\d*[,;]?\s+)+")
_SEE = re.compile(r"[:;,]?\s+see\s+(?P<target>.+)$")
_QUALIFIER = re.compile(r"\s*\((?P<q>[^)]*)\)")
_NAME = re.compile(
    rf"^(?P<surname>{_WORD}(?: {_WORD})?)(?:\s*[,.]\s*|\s+(?={_INITIAL}))"
    rf"(?P<given>(?:(?:{_INITIAL}|{_WORD}|{_PARTICLE}\b)\s*)+)$"
)
_BARE = re.compile(rf"^(?P<surname>{_WORD}(?: (?:{_PARTICLE} )?(?:{_WORD}|[IVX]+))" "{0,2})$")  # "Alvarez de Paz"
ROLES = {"marshal", "marshall", "general", "admiral", "comrade", "tsar", "professor", "academician"}


@dataclass
class Heading:
    """A person as an index names them."""

    surname: str
    given: list[str] = field(default_factory=list)  # forenames and initials, in order
    roles: list[str] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)
    see: str | None = None  # "see Kaganovich, Maria M."
    printed: str = ""

    @property
    def initials(self) -> str:
        """'L. M.' for ['Lazar', 'M.']: the first letter(s) of each given name."""
        return " ".join(initial_of(g) for g in self.given)

    @property
    def key(self) -> str:
        return key_of(self.surname, self.given)


def key_of(surname: str, given: list[str]) -> str:
    """`Heading.key` of a person so named, without making the heading: "Kaganovich, L. M."."""
    return f"{surname}, {' '.join(initial_of(g) for g in given)}".strip(", ")


def initial_of(given: str) -> str:
    """'Mikhail' -> 'M.', 'Ya.' -> 'Ya.', 'Sh.' -> 'Sh.'"""
    if given.endswith("."):
        return given
    return given[0] + "."


def parse(term: str) -> Heading | None:
    """The heading as a person, or None when it does not read as a personal name."""
    printed = " ".join(term.split())
    text = _LEADING_LOCATORS.sub("", printed)
    see = None
    m = _SEE.search(text)
    if m:
        see, text = m.group("target").strip(" ."), text[: m.start()]
    qualifiers = [q.group("q").strip() for q in _QUALIFIER.finditer(text) if q.group("q").strip()]
    text = _QUALIFIER.sub("", text).strip(" ,;:")
    m = _NAME.match(text)
    if m:
        words = re.findall(rf"{_INITIAL}|{_WORD}|\b{_PARTICLE}\b", m.group("given"))
        roles = [w for w in words if w.lower() in ROLES]
        particles = [w for w in words if re.fullmatch(_PARTICLE, w)]
        given = [w for w in words if w.lower() not in ROLES and w not in particles]
        if not given:
            return None
        surname = " ".join(particles + [m.group("surname")])
        return Heading(surname, given, roles, qualifiers, see, printed)
    m = _BARE.match(text)
    if m and len(text) > 2 and not text.isupper():
        return Heading(m.group("surname"), [], [], qualifiers, see, printed)
    return None


_PREFIX = re.compile(rf"^(?P<surname>{_WORD}),\s+(?P<given>(?:{_INITIAL}\s*)+)")


def parse_prefix(term: str) -> Heading | None:
    """A person at the head of a subject-index heading ("Kaganovich, L. M. aides")."""
    m = _PREFIX.match(" ".join(term.split()))
    if not m:
        return None
    return Heading(m.group("surname"), m.group("given").split(), printed=m.group(0).strip())


# Index headings printed in capitals (small capitals in print) among headings in lower case:
# the typographer's mark of a person's name in a general index ("AUGUSTINE, SAINT, 171"
# beside "Asceticism, 273"). Written as the text writes names: "Augustine, Saint".
_CAPITALS_WORD = re.compile(r"[^\W\d_]+")
_LOWER_PARTICLES = {"de", "da", "di", "del", "della", "des", "du", "la", "le", "van", "von", "der", "den", "ten", "ter"}
MIN_CAPITALS = 5  # headings in capitals, and in lower case, that make the convention


def in_capitals(term: str) -> bool:
    """Whether an index heading (the words before its first comma) is printed in capitals."""
    head = term.split(",")[0]
    if head.isascii() and not head.isupper():  # a letter in lower case, or none: most headings
        return False
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def name_in_capitals(term: str, text_words: Counter[str]) -> bool:
    """Whether a heading printed in capitals is a name the text writes in lower case
    ("ACHILLES": the text has "Achilles"), not an abbreviation, which the text writes in
    capitals only ("NKVD", "USSR"), nor a common word ("CALL": the text has "call", and its
    "Call" may open a sentence). `text_words`: how often the book's running text writes each word."""
    return in_capitals(term) and _read_as_name(term, text_words)


def _read_as_name(term: str, text_words: Counter[str]) -> bool:
    """`name_in_capitals` of a heading known to be in capitals (`in_capitals`)."""
    written = _CAPITALS_WORD.findall(from_capitals(term.split(",")[0]))
    # a name the text writes more as a common word ("CALL": "call") is taken from no capital;
    # "GOD" is a name where "God" outnumbers "god" three times
    return all(text_words[w] for w in written) and not all(
        text_words[w.lower()] and text_words[w] < 3 * text_words[w.lower()] for w in written
    )


def capitals_mark_persons(terms: list[str], text_words: Counter[str], capitalised: list[str] | None = None) -> bool:
    """Whether an index marks persons by capitals: some of its headings are names in
    capitals (`name_in_capitals`), and more are in lower case (an index printed all in
    capitals marks nothing). `capitalised`: the headings of `terms` in capitals
    (`in_capitals`), in order, when told already.

    Each heading is told in capitals or not once, and the text's words are asked for
    (`text_words`: each a search of the book, or a count of all its words) only while
    enough headings are left to make the convention: an index of subjects names a few
    acronyms in capitals ("NKVD", "USSR"), which the text never writes as names."""
    if capitalised is None:
        capitalised = [t for t in terms if in_capitals(t)]
    lower = len(terms) - len(capitalised)
    if lower < MIN_CAPITALS:
        return False
    names = 0
    left = len(capitalised)
    for term in capitalised:
        left -= 1
        names += _read_as_name(term, text_words)
        if names + left < MIN_CAPITALS:
            return False
    return names >= MIN_CAPITALS and lower >= max(MIN_CAPITALS, names // 4)


def from_capitals(term: str) -> str:
    """An index heading printed in capitals, as the text writes the name ("ALVAREZ DE PAZ" ->
    "Alvarez de Paz"; "AL‐GHAZZALI" -> "Al‐Ghazzali"); words in lower case are kept."""

    def word(m: re.Match) -> str:
        w = m.group()
        if not w.isupper():
            return w
        low = w.lower()
        if low in _LOWER_PARTICLES and m.start() > 0:
            return low
        return w[0] + low[1:]

    return _CAPITALS_WORD.sub(word, term)


def capitals_head(term: str) -> str:
    """The pieces of an index heading printed in capitals, up to the first comma's piece in
    lower case: the person's name before a subheading run on ("NEWMAN, J. H., on dogmatic
    theology," -> "NEWMAN, J. H."; "CAIRD, J., on feeling in religion,")."""
    pieces = term.split(",")
    kept = [pieces[0]]
    for piece in pieces[1:]:
        if any(c.islower() for c in piece):
            break
        kept.append(piece)
    return ",".join(kept)
