"""Persons a book's general index reveals by what its entries say of them.

A general index mixes persons, places and subjects under one alphabet ("Calonne, ministry
of, 27"; "Cathelineau, crosses the Loire, 160; is killed, 161"; "Belgium, invaded by the
French, 111") and does not say which headings are persons; the way indexers write entries
does. A heading is read as a person's name when one of its entries (the words after the
heading, and each sub-entry) is written as only a person's is:

- in a person's words: `his`, `her`, `himself`, `herself` ("Burke, his Reflections on …");
- as something a person has or undergoes, followed by "of": a noun of the profile's
  `[names] person_nouns` ("execution of", "ministry of", "death of");
- as an act of the heading's, opening with a verb in the third person: a lower-case word in
  -s, not followed by "of" (plural nouns are: "relations of"), that the book also writes
  after "to" ("crosses" and "to cross"), so a verb by the book's own usage, not by a list.
  Countries, towns and regions act in indexes too ("Austria, forms an alliance"; "Toulon,
  surrenders"): this evidence counts only for a heading the gazetteer holds as no place
  and the book never writes after a preposition of place other than "to" and "from"
  ("in England"), which may stand before persons ("wrote to Danton").

Only a heading of one capitalised word (hyphened parts allowed) that the book writes in its
running text is read; one whose entry opens with "the" ("Artois, the Count of"; "Lameth,
the brothers") is not, as the heading is then part of a title or a group's name. Which
words may be a person's name at all (no common word, no body, no people in the plural) the
caller decides (`teikit.enrich.textnames`).

    index_persons(tei, words, text)   # {heading word: the entry that is the evidence}
"""

from __future__ import annotations

import re

from ..tei import q, text_of, xpath
from . import registers
from .namewords import LISTED_WORD, Words, place_name

PRONOUNS = re.compile(r"\b(?:his|her|himself|herself)\b")
_HEADING = re.compile(rf"^({LISTED_WORD})\s*,\s*(.*)$")
_FIRST_WORD = re.compile(r"^([a-z]+)\b\s*(\w*)")
# "to" and the word after it, the `\b` before "to" tested after it (`(?<!\w.{3})`: no word
# character before the "t"): a pattern that opens with letters written out is sought by
# `re`'s fast search for them, one that opens with `\b` is tried at every position.
_AFTER_TO = re.compile(r"to (?<!\w.{3})([a-z]+)\b")


def index_persons(tei, words: Words, text: str) -> dict[str, str]:
    """{a heading of the book's indexes read as a person's name: the entry that shows it}."""
    _, subjects = registers.index_divs(tei)
    if not subjects:
        return {}
    infinitives = set(_AFTER_TO.findall(text))
    nouns = set(words.person_nouns)
    locatives = "|".join(re.escape(p) for p in words.place_prepositions if p not in ("to", "from")) or "(?!)"
    # the words the text writes after a preposition of place, found in one scan (a search
    # of the whole text per heading doubled the conversion time of a book with a long index)
    located = set(re.findall(rf"\b(?:{locatives}) ({LISTED_WORD})(?![\w'’-])", text))
    found: dict[str, str] = {}
    for div in subjects:
        for item in xpath(div, "./t:list/t:item[t:term]"):  # headings, not their sub-entries
            term = " ".join(text_of(item.find(q("term"))).split())
            m = _HEADING.match(term)
            if m is None or m.group(2).startswith("the ") or m.group(1) in found or not words.caps[m.group(1)]:
                continue
            heading = m.group(1)
            entries = [m.group(2)] + [" ".join(text_of(t).split()) for t in xpath(item, "./t:list/t:item/t:term")]
            entries = [e.strip(" ,;") for e in entries]
            shown = next((e for e in entries if _in_persons_words(e, nouns)), None)
            if shown is None and not place_name(heading) and heading not in located:
                shown = next((e for e in entries if _an_act(e, infinitives)), None)
            if shown is not None:
                found[heading] = f"{heading}, {shown}"
    return found


def _in_persons_words(entry: str, nouns: set[str]) -> bool:
    """Whether an index entry speaks of a person: a pronoun, or "execution of" (see the module)."""
    if PRONOUNS.search(entry):
        return True
    m = _FIRST_WORD.match(entry)
    return m is not None and m.group(2) == "of" and m.group(1) in nouns


def _an_act(entry: str, infinitives: set[str]) -> bool:
    """Whether an index entry opens with a verb in the third person (see the module)."""
    m = _FIRST_WORD.match(entry)
    if m is None or m.group(2) == "of":
        return False
    first = m.group(1)
    return len(first) > 3 and first.endswith("s") and not first.endswith("ss") and _verb_stem(first, infinitives)


def _verb_stem(word: str, infinitives: set[str]) -> bool:
    """Whether the book writes `word` less its third-person ending after "to"."""
    stems = {word[:-1]}
    if word.endswith("es"):
        stems.add(word[:-2])
    if word.endswith("ies"):
        stems.add(word[:-3] + "y")
    return bool(stems & infinitives)
