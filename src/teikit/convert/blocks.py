"""Small tests on blocks of text shared by the structure passes."""

from __future__ import annotations

import functools
import re
import unicodedata

from ..tei import children, local, xpath

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
_TRAILING_REFS = re.compile(rf"(?:[{SUPERSCRIPTS}]+|\^\{{[^}}]*\}}|\[\d+\]|\s+\d{{1,3}})\s*$")
_BEFORE_FIRST_WORD = "'\"‘“(…. "
_TERMINAL = tuple(".!?:…'\"’”)]")
_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "nor",
    "but",
    "of",
    "in",
    "on",
    "to",
    "for",
    "with",
    "from",
    "by",
    "as",
    "at",
    "into",
    "up",
    "upon",
    "over",
    "under",
    "through",
    "after",
    "before",
    "since",
    "until",
    "within",
    "without",
    "between",
    "among",
    "against",
    "about",
    "above",
    "below",
    "via",
    "vs",
    "versus",
    "its",
    "his",
    "her",
    "their",
    "de",
    "la",
    "le",
    "von",
    "van",
    "du",
    "des",
    "der",
    "di",
    "da",
    "is",
    "was",
    "be",
    "not",
    "than",
    "out",
    "off",
    "per",
}


def para_text(block_text: str) -> str:
    """A block's lines joined into one paragraph."""
    lines = [l.strip() for l in block_text.split("\n") if l.strip()]
    parts: list[str] = []  # joined once at the end: linear however long the block
    for line in lines:
        if parts and not _broken_at_hyphen(parts[-1], line):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _broken_at_hyphen(line: str, after: str) -> bool:
    """Whether a line and the next hold one word or compound the line end broke at its
    hyphen (joined with no space): "-" before a lower-case letter ("well-" / "known"), or
    U+2010 HYPHEN after a letter and before any, the mark a transcription gives a
    compound's own hyphen ("awe‐" / "struck", "non‐" / "Christian", "Al‐" / "Ghazzali")."""
    if line.endswith("-"):
        return after[:1].islower()
    return line.endswith("\u2010") and line[-2:-1].isalpha() and after[:1].isalpha()


# A paragraph's text is asked for without its references several times over (is it a
# heading, does it go on, does it end a sentence), and the end-anchored search below tries
# every position of a long paragraph: each text's answer is kept (bounded).
@functools.lru_cache(maxsize=1024)
def strip_refs(text: str) -> str:
    t = text.rstrip()
    while True:
        # every reference form ends in a digit, a superscript, '}' or ']': skip the
        # end-anchored search (which tries each position of the text) on all others
        if not t or not (t[-1].isdigit() or t[-1] in SUPERSCRIPTS or t[-1] in "}]"):
            return t
        s = _TRAILING_REFS.sub("", t).rstrip()
        if s == t:
            return t
        t = s


def ends_sentence(text: str) -> bool:
    t = strip_refs(text)
    return t.endswith(_TERMINAL)


def starts_lower(text: str) -> bool:
    """The text's first word is in lower case. Quotes, an opening bracket and dots may
    stand before it, and so may the specks an OCR text leaves at a line's start, read
    as shapes (`■ wine or lemonade`: Unicode's other symbols, not the accents and
    signs of a garbled word, `^oTtlie`). A mark of italics stops the look (`_b_`
    enumerates)."""
    k = 0
    while k < len(text) and (text[k] in _BEFORE_FIRST_WORD or unicodedata.category(text[k]) == "So"):
        k += 1
    return text[k : k + 1].islower()


def is_title_case(text: str) -> bool:
    """True when every significant word starts with a capital (Title Case)."""
    t = re.sub(r"\([^)]*\)", " ", text)
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ][\w'’-]*", t)]
    significant = [w for w in words[1:] if w.lower() not in _SMALL_WORDS]
    return all(w[0].isupper() for w in significant)


def word_count(text: str) -> int:
    return len(text.split())


# The divisions structure opens inside a chapter from short lines; a play's or a letter's
# own parts (speeches, openers) run across them, so those passes read through them.
SECTION_TYPES = ("section", "subsection")


def through_sections(div) -> list:
    """The division's children in order, with the sections structure opened read through."""
    out: list = []
    for c in children(div):
        if local(c) == "div" and c.get("type") in SECTION_TYPES:
            out.extend(through_sections(c))
        else:
            out.append(c)
    return out


def body_paragraphs(tei) -> int:
    """The paragraphs of the body that the summary counts (a note's paragraphs are the note's)."""
    return len(xpath(tei, "//t:text/t:body//t:p[not(ancestor::t:note)]"))
