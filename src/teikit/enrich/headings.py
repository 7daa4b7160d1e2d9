"""Index headings read as personal names: `Kaganovich, Mikhail M. (brother)` ->
surname, forenames and initials, the qualifier.

Back-of-book name indexes print a person as "Surname, Forenames (qualifier)".
Text dumps damage them: a stray locator before the name ("6,218 Kaganovich, …"),
a full stop for the comma ("Demchenko. M."), the comma lost ("Vasiliev A.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"[{_UPPER}][\w'’]*(?:-[{_UPPER}]?[\w'’]+)*"
_INITIAL = rf"[{_UPPER}][a-z]{{0,2}}\."
_PARTICLE = r"(?:von|van|de|der|du|la|le)"
_LEADING_LOCATORS = re.compile(r"^(?:[\dxvi,–-]+n?\d*[,;]?\s+)+")
_SEE = re.compile(r"[:;,]?\s+see\s+(?P<target>.+)$")
_QUALIFIER = re.compile(r"\s*\((?P<q>[^)]*)\)")
_NAME = re.compile(
    rf"^(?P<surname>{_WORD}(?: {_WORD})?)(?:\s*[,.]\s*|\s+(?={_INITIAL}))"
    rf"(?P<given>(?:(?:{_INITIAL}|{_WORD}|{_PARTICLE}\b)\s*)+)$"
)
_BARE = re.compile(rf"^(?P<surname>{_WORD}(?: (?:{_WORD}|[IVX]+))" "{0,2})$")
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
        return f"{self.surname}, {self.initials}".strip(", ")


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
