"""Organisations: `orgName` for every named organisation, linked to the register orgs.xml.

An organisation is named, in any English book, in one of these shapes (the words that
make them are the profile's `[orgs]`; the default profile's are English, a book's
profile adds its own):

- capitalised words ending with an organisation noun (`[orgs] nouns`): "Central
  Committee", "Reparation Commission", "XVII Party Congress", "Kharkov Tractor Works".
  A possessive among them is a common noun's ("People's Commissariat", "Workers' Party":
  the book writes the word in lower case too), never a name's ("Stalin's Secretariat" is
  the Secretariat), but for a founder's or a patron's before a noun of `[orgs] patrons` ("the
  Queen's Hospital", "King's College"; not a place's or a body's). An order is named by its
  members' plural ("the Preaching Friars", "the Knights Templars"; Knights heads a name only
  before "of": "the Knights of Santa Maria", not "the Scottish Knights"). Two such common
  words that "and" joins after "the" are one name ("the Organization and Instruction
  Department"); a quotation may open before the first ("the
  'Anti-Soviet Bloc of Rights and Trotskyites'");
- such a noun followed by "of" or "for" (and "the") and capitalised words, which "and",
  "of", "for" may join: "Committee of Public Safety", "Council of Labour and Defence",
  "People's Commissariat for Procurement"; "the" after a capitalised gerund too ("the
  Commission for Investigating the Frontier"). One word after "of" only when it is a plural,
  an abstract or common noun, an acronym, a body or a place ("of Ministers", "of
  Enlightenment", "of Paris"; not "the Ministry of Turgot", the time he led it), any word
  after a noun of `[orgs] learned`, the town or the founder a learned body is named for
  ("the University of Harvard"), or when
  a body's lower-case noun, singular or plural, follows it ("the All-Russian Conference of
  Bolshevik military party organizations", "of the Moscow party committee"). A
  possessive after it is the whole name's ("the Council of Ministers' bureau") unless
  that word is a place's or a person's ("the Reparation Commission for Germany's"). A saint's
  name after "St." is the name's too ("the Company of St. George"), but not a church's, the
  building named for him ("the Church of St. Roch");
- a name of `[orgs] known` (acronyms and single words: NKVD, Politburo), alone or ending
  a run of capitalised words as a noun does ("Nizhnyi Cheka"); so a capitalised word that
  ends in a suffix of `[orgs] suffixes` and that the book never writes in lower case (a
  pack's, the compounds of a language's institutions' names: "Yugostal", "Yuzhmashtrest");
- a known name, or one so shaped, with a country's acronym or a country's name right after
  it on its line: that country's own body ("NKZem USSR", "Gosplan RSFSR", "Sovnarkom
  Ukraine"; not "the NKVD USSR's", nor a town: "the Moscow Soviet Kharkov");
- a short name in brackets right after an organisation's name, in the text or in the
  index ("Political Bureau (Politburo)", "Communist International (Comintern)", "KGB
  (Committee of State Security)"), or two that "or" joins after an acronym ("(NKRKI or
  Rabkrin)"): the book then uses it alone, as a known name, in the case the index writes
  it or another with two capitals or more ("NKTyazhProm", "NKTyazhprom"); an acronym
  the text writes after "the" twice or more, unless it spells it out as no organisation
  ("NEP (New Economic Policy)"; "G. G. Yagoda (OGPU)" names the body a person served);
- two names that a hyphen or a dash joins without a space, the second a body's noun that a
  known name opens: the body of both ("the Central Committee–Sovnarkom Commission on
  Transport", "the Politburo–Sovnarkom Defence Committee"); otherwise two bodies so joined are
  two ("the joint Central Committee-CCC plenum", "a Central Committee–Sovnarkom
  resolution"), unless the Subject Index heads them as one ("Central Control
  Commission-Rabkrin", the body that merged the two);
- a place's or a people's name qualifying a body's noun in lower case (`[orgs] bodies`,
  up to three `[orgs] ranks` between, two joined by "and" maybe; a meeting's noun, `[orgs]
  meetings`, with one at least: "the Moscow province and city party conference"): "the
  Moscow party committee", "the Ukrainian party organization", "the Kiev province party
  committee", a place's and a party's: "the Kiev Bolshevik committee"; a name no gazetteer
  knows when a territorial unit's word follows it: "the Presnaya district party committee";
  a place's name and ranks before a party's capitalised word: "the Nizhnyi province
  Bolshevik party committee"; a capitalised word whose part after a hyphen is in lower case
  describes, no word of the name: "the Russian-dominated Tashkent Soviet"; a lower-case
  plural alone after "of" says whose body it is: "the Gomel' union of leatherworkers"; a
  Roman numeral alone before a body's capitalised word numbers it: "the IV Duma"; not "the
  Kaganovich commission", a person's); any name before an establishment's noun
  (`[orgs] establishments`): "the Aivazov factory", "the Zhukov institute" (not a people's
  adjective alone: "the German factory");
- a meeting of a place's bodies, in lower case after "the", with its ordinal: a meeting's
  noun, "of", a body's plural, "of", a place's name and maybe its unit's word: "the third
  congress of soviets of Mogiliev province" (not "the congress of Vienna");
- an establishment the register names by a name and its noun ("the Sormovo works"), by its
  name alone where the text lists it with other establishments of that kind ("Sormovo and
  other works", "other works, such as Sormovo");
- a faction: a wing's word (`[orgs] wings`) and capitalised words ending in a plural:
  "Left Communists", "Left Socialist Revolutionaries" (the members alone, "Bolsheviks",
  are no organisation);
- a noun alone, capitalised, right after "the": "the Convention", "the Assembly". It means
  the organisation of that noun the text named last (the Legislative Assembly after the
  Legislative Assembly was named); before the text names one, it is none ("the Court" of
  the king, before the Revolutionary Court). Only in a book that writes the noun so twice
  as often at least as in the names it ends or heads: the book's name for the body ("the
  Convention" 176 times beside "National Convention" once); not a common noun standing for
  one of the names the book writes as often ("the Commission" beside "the Reparation
  Commission" and six other commissions, "the Conference", "the Council"): so in a book
  whose Subject Index lists no organisation, where the text alone tells which bodies it
  names. A noun the book writes so three times or more, and in no longer name or in one
  only, names that one body from its first use, before the longer name too ("the Senate"
  beside "the Roman Senate" once; "the Church" in a book that names no church; not "the
  College", written once, nor "the Court" beside two courts' names). So too after "the" and
  a lower-case word or two that describe it: "the entire Convention", "the unscrupulous
  Commune", "the federal Senate" (not a word that tells another body or points back: "the
  other Committee", "the said Church"); where the book writes that word capitalised before the
  noun as a name and at least half of its uses before the noun, the word is the name's: "the
  constituent Assembly" beside "the Constituent Assembly" (not "the new Legislature");
- a noun without an article that the book writes so as a body's own name: "before Congress
  on February 11", "an act of Congress", "Congress, from the nonattendance of a few
  States" (two uses at least after a preposition, before a stop or a little word, and the
  noun never in lower case: not "in Council" beside "the council"); "the Congress" too;
- a body named by its number of members, called by the number alone after "the" where the
  text names it anywhere, before its name too: "the Council of Four ... the interest of the
  Four", an opening chapter's "where the Four fulfilled their destinies" (not "the Four
  Powers");
- such a name or noun written in capitals among other words in capitals in running text, a
  quotation's emphasis: "WITHOUT THE CONSENT OF CONGRESS", "CONSENT OF THE SENATE" (not a
  word in capitals alone, an acronym's shape, nor a heading's).

A House heads a name only before "of" and its members' plural or a body's noun ("the House
of Representatives", "the House of Commons", "either House of Assembly"; not "the White
House", nor "the House of Bourbon"), and never names one alone.

Never an organisation: a run with a forename or honorific of the profile before the noun
("Frederick Church", "Mr Bank"), a name the profile or the gazetteer knows as a place
("Soviet Union"), a name of `[orgs] not` ("Collected Works"), a Government that a place's
name or a people's adjective alone qualifies (`[orgs] peoples`: "the German Government", "the
French Government", the country's government described, as "the Government of Germany"; not
"the Provisional Government"), a noun that more
capitalised words follow ("Red Army Day": the name goes on and names something else; an
initial does not: "the Central Committee A. A. Ivanov"), a name after "The" written
mid-sentence (a title: "Schapiro, The Communist Party of the Soviet Union"). Words that
begin sentences ("The", "In": the profile's `[inline] english_words`; "But", "Addressing":
a sentence's first word the book also writes in lower case, but not after "the" capitalised:
"the Political Department") are not part of a name. A name the book writes with its noun capitalised is found with
the noun in lower case too ("the Ukrainian Communist party"), but not opening a sentence
with a word the book writes in lower case ("Trade union membership had grown", beside a
title's "Trade Union"): that capital is the sentence's.

The register is seeded from the Subject Index (every heading of one of these shapes, its
bracketed short name an alias; a heading of capitalised words whose sub-entries are
organisations, "Supreme Soviet: Presidium, Budget Commission", unless the book writes its
words in lower case too, "Civil War"; a word the index writes after two places' names and
at the end of such a heading, "Tashkent Soviet", becomes a body's noun as `[orgs] bodies`
are, and so does a one-word heading no title prints that another heading writes after a
place's name, "Duma" and "Moscow Duma"; a known name the index writes after a place's name,
"Cheka: Nizhnyi Cheka", takes a place's name and ranks before it, "the Nizhnyi province
Cheka"; `subtype="index"`), then completed from the text (every
name of these shapes; `subtype="text"`). Every name the register holds is marked as
written too, whatever its shape (the index's "Organization and Assignment Department", a
name an editor adds). An entry this run made that no mention uses is dropped again; an
earlier run's and an editor's stay.

The pass runs after dates and before persons and places, so that an organisation's name
is one name before its words can be a person's or a place's ("Stalin Motor Works",
"Communist Party of the Soviet Union", "the Moscow party committee"): the longest name
wins, and the name passes do not enter an orgName. An orgName is never marked inside a
persName or placeName, nor on a person's or a place's name alone.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, compress, count
from operator import itemgetter
from typing import Any, NamedTuple, cast

import ahocorasick_rs
import regex
from lxml import etree

from ..context import Context
from ..tei import XML_ID, children, make, make_in, q, sub, text_of
from ..textnodes import Slot, wrap_slots_at
from . import eras, gazetteer, registers
from .matching import Matcher, in_latin_1, latin1_bytes, marked_text, word_counts
from .namewords import initial

# A capitalised word: "All-Union", "People's", "Workers'" (not "Notables--Brienne", a dash).
_TOKEN = r"[A-Z]\w*(?:['’][a-z]\w*)*(?:-\w+(?:['’][a-z]\w*)*)*(?:['’](?=\s))?"
# The space between two words of a name: a line may end between them, a paragraph not.
_SP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
# The capitalised words right before a noun.
# An opening quotation mark may come before the first ("the 'Anti-Soviet Bloc ..."), not an
# apostrophe in a word ("O'Brien").
# (Searched in the characters before a noun, anchored at its end: the pattern opens with the
# token's capital, its look-behinds after it, so that `re` tries it at capitals only; the
# first word written out, then any more.)
_RUN_WORD = rf"[A-Z](?<![\w.-].)(?<!\w['’].){_TOKEN.removeprefix('[A-Z]')}{_SP}"
_RUN_BEFORE = re.compile(rf"{_RUN_WORD}(?:{_RUN_WORD})*$")
# "of the Soviet Union", "for Labour and Defence": what follows a noun that heads a name.
# "on" too, as a commission is named for its matter ("Commission on Ukrainization", "Committee
# on Labour and Wages"), but not before a day ("the Politburo on Monday", "on January 5").
# (A capitalised gerund may take "the" before its object: "the Commission for Investigating the
# Frontier", "the All-Russian Collegium for Organizing the Workers' and Peasants' Red Army".)
_POST = re.compile(
    rf"{_SP}(of|for|on){_SP}(?:the{_SP})?({_TOKEN})"
    rf"(?:(?:{_SP}(?:and|of|of{_SP}the|for)|(?<=[a-z]ing){_SP}the)?{_SP}{_TOKEN})*"
)
_DAYS = frozenset(name for name in (*calendar.month_name, *calendar.day_name, *calendar.month_abbr) if name)
# "(NKVD)"; two short names, the first an acronym: "(NKRKI or Rabkrin)", "(NKRKI, or Rabkrin)".
_SHORT_NAME = re.compile(r"\(([A-Z][\w'’-]*)(?:,?[ \t]+or[ \t]+([A-Z][\w'’-]*))?\)")
# A short name the text gives in brackets is an acronym ("NKVD", "TsIK", "CCC-Rabkrin"):
# a word in brackets after a body's name may name its head ("(Grin'ko)") or members.
_ACRONYM = re.compile(r"[A-Z][\w-]*[A-Z][\w-]*")
_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$")
_POSSESSIVE_ENDS = ("'s", "’s", "s'", "s’")  # `_POSSESSIVE` of a word without a line's end
# Another capitalised word: the name goes on ("Party Conference"); not an initial ("the
# Central Committee A. A. Ivanov").
_CONTINUES = re.compile(rf"{_SP}[A-Z](?!\.)")
_NEXT_WORD = re.compile(rf"{_SP}([A-Z][\w'’-]*)")
_LOWER_NOUN = re.compile(rf"{_SP}([a-z]+)(?![\w-])")
_LOWER_WORD = re.compile(rf"{_SP}([a-z]+)(?![\w-])")
# Little words after which a name may end ("the Ukrainian party, which", "the soviet was").
_LITTLE = frozenset(
    "was were is are be been had has have which that who whom whose where when with for in on at to from by of"
    " as into under over since until after before during against but not also then met".split()
)
_THE_AFTER = re.compile(rf"{_SP}(?:the|a|an|its|their|his|her){_SP}")
_ENDS_HERE = re.compile(r"(?![\w'’-])")  # the word ends: not "the Rightists", "the Right-wing"

_RUN_AFTER = re.compile(rf"(?:{_SP}{_TOKEN})+")
_RANK_BEFORE = re.compile(rf"([a-z]+){_SP}$")
_THE_BEFORE = re.compile(rf"(?<![\w-])[Tt]he{_SP}$")
_PLACE_WORD_BEFORE = re.compile(rf"(?<![\w-])[Tt]he{_SP}([A-Z][\w'’-]*){_SP}$")  # "the Moscow " before ranks
_TOKENS = re.compile(_TOKEN)
_APOSTROPHE_S = re.compile(r"['’]s?$")
_OPENING_QUOTES = "'‘’“\""  # a quotation mark after "the" that opens a name ("the 'New Opposition'")
_QUOTED = re.compile(r"['‘](?:The )?$")  # a name that opens a quotation: "'The Union of ...'"
_ABBREVIATION = re.compile(r"(?<![\w-])[A-Z][a-z]?$")  # "of St. Roch": the name is cut short
# A saint's name after "of" and the abbreviation of "Saint" (a space or, as Standard Ebooks
# print it, a no-break space between): the name of a body under his patronage ("the Company of
# St. George"), not of a church, the building named for him ("the Church of St. Roch").
_SAINT_BEFORE = re.compile(r"(?<![\w-])(?:St|Ste|S)$")
_SAINT_NAMED = re.compile(rf"\.(?:{_SP}|\u00a0)[A-Z][a-z]+(?![\w'’-])")
_SAINTS_BUILDINGS = frozenset({"Church"})
_ABSTRACT = re.compile(r"(?:ment|tion|sion|ence|ance|ship|ity|ism|ure|ry|ics)$")
_PAGES_BEFORE = re.compile(r"^[\d\s,.;:–-]+")
_BRACKETED = re.compile(r"\(([^()]+)\)")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
# Nouns that end a name but head none, nor name one alone: "the Centre of the Convention" is
# a part of the Convention (a faction, "the Centre"), "the Anti-Soviet Trotskyite Centre" a body.
_ENDS_ONLY = frozenset({"Centre", "Center"})
# Nouns that alone after "the" name no organisation of the book's: "the Government" is the
# country's government of the moment, not the "Provisional Government" named last (and "the
# Government of Germany" the country's); "The Party, like Antaeus, should keep its links to
# the earth": the party in general, not the "Ukrainian Communist Party" named last.
_NEVER_BARE = frozenset({"Government"})
# "the Forum" alone is Rome's square, a place; a Forum names a body in its name only ("the
# Forum of Incident Response and Security Teams", "the World Telecommunication Policy Forum").
_NOT_ALONE = frozenset({"Government", "Party", "House", "Forum"})
# Nouns that head a name only before "of" and its members' plural or a body's noun: "the House
# of Representatives", "the House of Commons", "either House of Assembly"; not "the White
# House", a building, nor "the House of Bourbon", a dynasty.
_ONLY_BEFORE_OF = frozenset({"House"})
# Members' plurals that name their order only before "of" and its name: "the Knights of Santa
# Maria", "the Knights of St. John"; not "the Scottish Knights", knights of a people, nor "the
# Knights" alone.
_ORDER_BEFORE_OF = frozenset({"Knights"})


# A founder's or patron's possessive right before a noun of `[orgs] patrons`, a saint's
# abbreviated title before it maybe: "the Queen's Hospital", "St. Thomas's Hospital".
_PATRON_BEFORE = re.compile(rf"(?<![\w'’.-])(?:(?:St|Ste|S)\.?(?:{_SP}|\u00a0))?([A-Z][a-z]+)['’]s{_SP}$")


def _patron_before(text: str, hs: int, shapes: Shapes) -> int:
    """Where the name begins that a founder's or a patron's possessive heads before the noun at
    `hs` (-1: none): "the Queen's Hospital", "Guy's Hospital", "King's College", "the
    Children's Hospital"; not a place's or a body's possessive ("Paris's College", "the
    Party's College": theirs, described)."""
    patron = _PATRON_BEFORE.search(text, max(0, hs - 40), hs)
    if patron is None:
        return -1
    word = patron.group(1)
    if word in shapes.nouns or word in shapes.known or _is_place(word, shapes.profile):
        return -1
    return patron.start()


def _members_or_body(word: str, shapes: Shapes) -> bool:
    return word.endswith("s") or word in shapes.nouns


_OF_THE = re.compile(rf"^{_SP}(?:of|for|on){_SP}(?:the{_SP})?")
_LOOK_BACK = 100  # characters searched before a noun for the words of its name
# An acronym after "the" ("the NKVD"; the look-behind after the literal lets `re` seek "the"
# first), and how often at least the text so writes it to make it a body's name.
# "the NKVD's" too; one line break at most between, not a break between pieces of the text, where
# a mark made already stood ("lived in the <date>5th century</date> BC": no "the BC")
_THE_ACRONYM = re.compile(r"the(?<![\w-]the)(?=\s)[ \t]*\n?[ \t]*([A-Z]{2,})(?![\w-]|['’](?!s\b))")
_ACRONYM_USES = 2
# A Roman numeral, as written ("the XVII Party Congress"); not "MVD", whose letters are numerals'.
_BRACKETS_AT = re.compile(r" \(([^()]+)\)")
# "the Organization and Instruction Department": two capitalised common words that "and"
# joins before a noun, "the" before them, make one name (not "Moscow and Leningrad Soviets").
_JOINED_COMMON = re.compile(rf"(?<![\w-])the{_SP}([A-Z][a-z]+){_SP}and{_SP}$")
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*) (?:and|or) (?:the )?$")
_JOINED_AFTER = re.compile(r" (?:and|or) (?:the )?([A-Z][\w'’-]*)")
_ACRONYM_AT = re.compile(r"[A-Z]{2,}(?![\w-])")
# A country's acronym or name right after a body's name, on its line: "NKZem USSR", "Sovnarkom
# Ukraine" (not "'s": "the NKVD USSR's"; a name only of a country: `_country_after`).
_COUNTRY_AFTER = re.compile(r"[ \t]+([A-Z]{3,}|[A-Z][a-z]{3,})(?![\w'’-])")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# The ordinals that number a body's meetings in words ("the Seventeenth Comintern congress").
_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
    " fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
)
INDEX_SOURCE = "Subject Index"
TEXT_SOURCE = "named in the text"


class _WordBefore(NamedTuple):
    """What `rank_before` found, read as its match is: `start()`, `group(1)`."""

    at: int
    word: str

    def start(self) -> int:
        return self.at

    def group(self, _: int) -> str:
        return self.word


def rank_before(text: str, at: int) -> _WordBefore | re.Match | None:
    """`_RANK_BEFORE.search(text, max(0, at - 20), at)`: the lower-case word before `at` and
    the space between (`word_before`, read as the pattern's match is)."""
    found = word_before(text, at)
    return None if found is None else _WordBefore(*found)


def word_before(text: str, at: int) -> tuple[int, str] | None:
    """`_RANK_BEFORE.search(text, max(0, at - 20), at)` as its start and its word (a tuple:
    `find` asks it thousands of times for a word it most often drops at once). Where one
    space alone ends there after a letter (most of the places `find` asks of: "the Moscow
    party committee"), the word is read back from the space, without the pattern, which
    tries each of the twenty characters before."""
    if at < 1 or text[at - 1] not in " \t\n":
        return None  # no space before: the pattern's `$` needs one (a line's end before the last is one)
    lo = max(0, at - 20)
    if at < 2 or text[at - 1] != " " or not "a" <= text[at - 2] <= "z":
        m = _RANK_BEFORE.search(text, lo, at)  # several spaces, a line's end: the pattern's `$` weighs them
        return None if m is None else (m.start(), m.group(1))
    start = at - 2
    while start > lo and "a" <= text[start - 1] <= "z":
        start -= 1
    return start, text[start : at - 1]


def run_before(text: str, hs: int) -> re.Match | None:
    """`_RUN_BEFORE.search(text, max(0, hs - _LOOK_BACK), hs)`: the capitalised words right
    before a noun at `hs`, searched from the last word before them (the words back from
    `hs`, between spaces, taken while they begin with a capital), not from a hundred
    characters before, each capital of which the pattern tries. (A run begins in that word
    or after it: the words after its first are whole words, each beginning with a capital;
    the pattern's look-behinds read the characters before where it is searched from.)"""
    lo = max(0, hs - _LOOK_BACK)
    at = hs
    while at > lo:
        while at > lo and text[at - 1] in " \t\n":
            at -= 1
        if at == lo:
            break
        # back to the space before the word; a line's end or a tab in it may part two words
        # (a word after a space that does not begin with a capital, nor after a line's end,
        # is in no run or its first)
        at = max(lo, text.rfind(" ", lo, at) + 1)
        first = at
        while text[first] in "\t\n":
            first += 1
        if not "A" <= text[first] <= "Z":
            break
    return _RUN_BEFORE.search(text, at, hs)


def joined_common(text: str, first: int) -> re.Match | None:
    """`_JOINED_COMMON.search(text, max(0, first - 40), first)`, searched only where "and"
    ends the characters before `first`, spaces left out (seldom)."""
    if not text[max(0, first - 40) : first].rstrip(" \t\n").endswith("and"):
        return None
    return _JOINED_COMMON.search(text, max(0, first - 40), first)


def the_before(text: str, at: int, back: int = 8) -> bool:
    """`_THE_BEFORE.search(text, max(0, at - back), at) is not None` (`back` 4 at least):
    "the" or "The", a word of its own, and the space between it and `at`. Where one space
    alone ends there after a letter, read from the four characters before `at`, without
    the pattern, which tries each of the `back`."""
    if at < 1 or text[at - 1] not in " \t\n":
        return False  # no space before: the pattern's `$` needs one (a line's end before the last is one)
    if at < 2 or text[at - 2] in " \t\n" or text[at - 1] != " ":
        return _THE_BEFORE.search(text, max(0, at - back), at) is not None
    return (
        at >= 4
        and text[at - 4 : at - 1] in ("the", "The")
        and (at == 4 or not (text[at - 5].isalnum() or text[at - 5] in "_-"))
    )


_APOSTROPHES = re.compile(r"['’]")
_HYPHEN_BETWEEN_WORDS = re.compile(r"(?<=\w)-(?=\w)")


def scanner(keys: Mapping[str, Any], split_hyphens: bool = False) -> Matcher:
    """`Matcher(keys, split_hyphens)`, its automaton a DFA, for the scan of the whole book
    for the nouns and known names (`Shapes.heads`): the automaton `Matcher` makes for them
    (a contiguous NFA, for so many keys) reads the bundled book's bytes in 6.3 ms, a DFA its
    `str` in 3.4 ms and its Latin-1 bytes (`LatinScan`, where every key is Latin-1) in 2.4
    ms, made in half a millisecond (its other scans, of other keys, gain nothing). It
    reports the same matches, overlapping ones too, from which `Matcher.find` chooses."""
    matcher = Matcher(keys, split_hyphens=split_hyphens)
    if matcher.automaton is not None:
        matcher.automaton = (
            LatinScan(matcher.keys).as_automaton()
            if in_latin_1(tuple(matcher.keys))
            else ahocorasick_rs.AhoCorasick(matcher.keys, implementation=_DFA)
        )
    return matcher


class LatinScan:
    """A DFA of keys, all Latin-1 and none holding a "?" (`in_latin_1`), that reads a
    text's Latin-1 bytes (`latin1_bytes`), in ASCII lower case when `lower` (the keys
    then in lower case): as an automaton set on a `Matcher` (`find_matches_as_indexes`),
    the places, in characters, of the keys in the text (in `text.lower()` when `lower`,
    for keys of ASCII letters alone, in a text without the Kelvin sign, the one letter
    not ASCII whose lower case is, nor the dotted capital I, whose lower case is two
    characters: `ascii_lowered`)."""

    def __init__(self, keys: list[str], lower: bool = False) -> None:
        self.lower = lower
        self.automaton = ahocorasick_rs.BytesAhoCorasick([latin1_bytes(key) for key in keys], implementation=_DFA)

    def find_matches_as_indexes(self, text: str, overlapping: bool = False) -> list[tuple[int, int, int]]:
        read = latin1_bytes(text)
        return self.automaton.find_matches_as_indexes(read.lower() if self.lower else read, overlapping=overlapping)

    def as_automaton(self) -> ahocorasick_rs.AhoCorasick:
        """This scan, typed as the automaton a `Matcher` takes (it asks of it
        `find_matches_as_indexes` alone)."""
        return cast(ahocorasick_rs.AhoCorasick, self)


def ascii_lowered(keys: list[str], text: str) -> bool:
    """Whether ASCII lower case of `text` (`LatinScan(keys, lower=True)`) finds the lower-case
    `keys` where `text.lower()` writes them: keys of ASCII characters alone, a text without
    the two letters not ASCII whose lower case holds an ASCII one (the Kelvin sign, the
    dotted capital I)."""
    return all(key.isascii() for key in keys) and in_latin_1(tuple(keys)) and not ("\u212a" in text or "\u0130" in text)


_DFA = ahocorasick_rs.Implementation.DFA


def fold(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


@dataclass
class Shapes:
    """The words that make a name an organisation's, from the profile and the book."""

    nouns: frozenset[str]
    bodies: frozenset[str]  # lower-case nouns of a body a capitalised name qualifies ("Moscow party committee")
    establishments: frozenset[str]  # lower-case nouns any name may qualify ("the Aivazov factory")
    ranks: frozenset[str]  # lower-case words between the name and such a noun ("city party")
    meetings: frozenset[str]  # a body's meeting, after a rank ("the Moscow party conference")
    wings: frozenset[str]  # words that begin a faction's name ("Left Communists")
    place_nouns: frozenset[str]  # nouns that end a place's name ("Soviet Union"): never alone
    known: set[str]  # known names and short names: organisations alone
    placed: set[str]  # known names a place's name and ranks may qualify ("the Nizhnyi province Cheka")
    stops: frozenset[str]  # words that begin sentences, in lower case
    persons: frozenset[str]  # honorifics and forenames: a person's name, not a body
    surnames: frozenset[str]  # the person register's: never an organisation's short name
    not_orgs: frozenset[str]
    text: str  # the book's text: its words in lower case are common words
    peoples: frozenset[str] = frozenset()  # peoples' adjectives no rule derives from a country's name
    concepts: frozenset[str] = frozenset()  # nouns that name a concept too (`_concepts_dropped`)
    patrons: frozenset[str] = frozenset()  # nouns a patron's possessive may head (`_patron_before`)
    learned: frozenset[str] = frozenset()  # nouns that "of" and any one capitalised word complete (`qualifies`)
    suffixes: tuple[str, ...] = ()  # endings of one word that names a body (`_suffixed`)
    profile: Any = None  # for the places it knows
    # What tells `written` at once of most words the text does not write (see there): the
    # counts of the unmarked text's whole words, and the text nodes `text` joins.
    whole: Mapping[str, int] | None = None
    pieces: list[str] | None = None
    _edges: set[str] | None = None
    _common: dict[str, bool] = field(default_factory=dict)
    _opens: dict[str, bool] = field(default_factory=dict)
    _names_with: dict[tuple[str, str], bool] = field(default_factory=dict)  # (`names_with`)
    _capital_words: list[tuple[str, int, int]] | None = None  # (`capital_words`)
    # The words the book writes after "the" (`capitalised_after_the`), found once
    # `opens_names` has sought a few words one by one (`_OPENS_SOUGHT`): a book that asks
    # of two ("the Thy", "the Wad") reads less in two searches than in the scan for all.
    _after_the: set[str] | None = None
    _heads: Matcher | None = None
    _lowered: bytes | None = None  # (`lowered`)
    # The nouns the book writes without an article as a body's name (`_article_less`)
    proper: set[str] = field(default_factory=set)

    @classmethod
    def of(
        cls,
        profile,
        text: str,
        surnames: frozenset[str] = frozenset(),
        whole: Mapping[str, int] | None = None,
        pieces: list[str] | None = None,
    ) -> Shapes:
        """The shapes of `profile` and the book's `text`; `pieces`: the text nodes `text`
        joins (by blank lines), `whole`: the counts of the words of the book's unmarked text
        (`WordCounts.whole`), both given or neither."""
        return cls(
            nouns=frozenset(profile.org_nouns),
            bodies=frozenset(profile.org_bodies)
            | frozenset(profile.org_establishments)
            | frozenset(profile.org_meetings),
            meetings=frozenset(profile.org_meetings),
            establishments=frozenset(profile.org_establishments),
            ranks=frozenset(profile.org_ranks),
            wings=frozenset(profile.org_wings),
            place_nouns=frozenset(
                p.split()[-1] for p in (*profile.known_places, *profile.regions, *gazetteer.known()) if " " in p
            ),
            known=set(profile.known_orgs),
            placed=set(),
            stops=frozenset(profile.english_words),
            persons=frozenset(profile.honorifics) | profile.forenames,
            surnames=surnames,
            not_orgs=profile.not_orgs,
            text=text,
            peoples=profile.org_peoples,
            concepts=frozenset(profile.org_concepts),
            patrons=frozenset(profile.org_patrons),
            learned=frozenset(profile.org_learned),
            suffixes=profile.org_suffixes,
            profile=profile,
            whole=whole,
            pieces=pieces,
        )

    def heads(self) -> Matcher:
        """The nouns and known names, found in one scan (made again after a short name is learnt)."""
        if self._heads is None:
            # split at hyphens: "the Central Committee-CCC plenum" names two (see `_hyphened`)
            self._heads = Matcher(self.head_keys(), split_hyphens=True)
        return self._heads

    def head_keys(self) -> dict[str, None]:
        """The keys of `heads`."""
        return dict.fromkeys(self.nouns | self.known | self.bodies | self.wings)

    def heads_from(self, matcher: Matcher) -> None:
        """`matcher`, made of the keys `head_keys` gives now (`scanner`'s, which finds what
        `Matcher` finds), as `heads` until a word is learnt: not a second automaton made of
        the same keys for the short texts `find` reads after the scan of the book."""
        self._heads = matcher

    def qualifies(self, post: str) -> bool:
        """Whether "of X" can say which body a noun names: any words, but one word only when
        it is a plural (of Ministers), an abstract noun (of Enlightenment), a common word (of
        Finance, of Ten), an acronym or another body
        (of the RSDLP, of the Comintern, of the League), or a place (of Paris): "the
        Ministry of Turgot" is the ministry he led, a time, not a body's name."""
        words = post.split()
        last = words[-1]
        return (
            len(words) > 2 + (words[1] == "the")
            or (last.endswith("s") and last not in self.surnames)  # of Ministers, of Nations
            or _ABSTRACT.search(last) is not None  # of Enlightenment, of Agriculture
            or self.common(last)
            or _ACRONYM.fullmatch(last) is not None
            or last in self.known
            or last in self.nouns
            or _is_place(last, self.profile)
        )

    def country_of(self, words: str) -> bool:
        """Whether capitalised words before a noun say only which country's it is: a place's
        name or a people's adjective ("the United States Government", "the German
        Government", "the French Government")."""
        return _place_or_people(words, self.profile) or words.split()[-1] in self.peoples

    def short_name(self, short: str, profile) -> bool:
        """Whether a word in brackets after an organisation's name may be its short name."""
        return short not in self.surnames and short.lower() not in self.stops and not _is_place(short, profile)

    def learn(self, short: str, alone: bool = False) -> None:
        """A short name, an organisation alone; a noun too when `alone` (the index lists
        "Presidium" as an organisation of its own: "a small Presidium", not a noun alone
        that means the Presidium named last)."""
        if short not in self.known and (alone or short not in self.nouns):
            self.known.add(short)
            self._heads = None

    def learn_body(self, word: str) -> None:
        """A body's noun the book shows (see `body_words`), capitalised and in lower case:
        after a place's name, "the Tashkent Soviet", "the Gomel' soviet"."""
        self.bodies = self.bodies | {word, word.lower()}
        self._heads = None

    def opens_names(self, word: str) -> bool:
        """Whether the book writes a word capitalised after "the", as a name's first word
        ("the Central Committee", "the Political Department"): at a sentence's opening it
        begins a name there too ("Political Department of Red Army"; not "But Komsomol",
        "Addressing Red Army")."""
        if word not in self._opens:
            if self._after_the is None and len(self._opens) >= _OPENS_SOUGHT:
                self._after_the = capitalised_after_the(self.text)
            if self._after_the is None or _WHOLE_WORD.fullmatch(word) is None:
                self._opens[word] = self.written("the " + word)
            else:  # a word of word characters: among those the book writes after "the", all found at once
                self._opens[word] = word in self._after_the
        return self._opens[word]

    def capital_words(self) -> list[tuple[str, int, int]]:
        """`_capital_words(text)`, found once for the passes over the book that read them."""
        if self._capital_words is None:
            self._capital_words = list(_capital_words(self.text))
        return self._capital_words

    def names_with(self, word: str, head: str) -> bool:
        """Whether the book writes a lower-case `word` as the first word of the name of a body
        that `head` ends: it writes the two capitalised ("Constituent Assembly") and at least
        half of the word's uses before the noun ("the constituent Assembly"; not "new", written
        before a hundred other words). Asked of the few words `_described` finds."""
        pair = (word, head)
        if pair not in self._names_with:
            # (the capitalised name first, sought by `str.find`: most words fail there; the
            # pattern opens with the word's letters, which `re` seeks as a literal)
            named = self.written(f"{word[0].upper()}{word[1:]} {head}")
            if named:
                text = self.text
                pairs = re.finditer(rf"{word}{_SP}{re.escape(head)}(?![\w'’-])", text)
                before = sum(1 for m in pairs if m.start() == 0 or not _word_char(text[m.start() - 1]))
                uses = self.whole.get(word, 0) if self.whole is not None else sum(1 for _ in _uses(word, text))
                named = 2 * before >= uses
            self._names_with[pair] = named
        return self._names_with[pair]

    def common(self, word: str) -> bool:
        """Whether the book writes a word (a possessive's: "People's") in lower case too:
        "people", "general"; not "Stalin", "Frederick". Asked of a few words only (a
        sentence's first, a possessive, a forename): each is searched for, not every word
        of the book collected."""
        stem = _POSSESSIVE.sub("", word).lower()
        if stem not in self._common:
            self._common[stem] = self.written(stem)
        return self._common[stem]

    def written(self, word: str) -> bool:
        """`_written(word, self.text)`, not searched for where `may_write` says no."""
        return self.may_write(word) and _written(word, self.text)

    def lowered(self) -> bytes:
        """`text`'s Latin-1 bytes (`latin1_bytes`) in ASCII lower case, made when first asked for."""
        if self._lowered is None:
            self._lowered = latin1_bytes(self.text).lower()
        return self._lowered

    def may_write(self, word: str) -> bool:
        """False for a word `text` does not write whole, told without a search of the book
        (which, not finding it, reads all of it): a word of word characters and hyphens alone
        that is no whole word of the unmarked text (`whole`) nor the first or last of a text
        node (`pieces`). A word a text node writes whole inside it is one of the unmarked text
        too, which holds each text node as it is, only joined to the marks beside it (a date).
        True: the text may write it."""
        if self.whole is not None and word not in self.whole and _WHOLE_WORD.fullmatch(word):
            if self._edges is None:
                self._edges = joined_edge_words(self.text) if self.pieces is not None else set()
            return word in self._edges
        return True


def _written(word: str, text: str) -> bool:
    """Whether `text` holds `word` as a word of its own (found by `str.find`: a pattern
    searched through the whole book for each word asked took far longer)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            return True
        at = text.find(word, end)
    return False


_OPENS_SOUGHT = 3  # words `Shapes.opens_names` seeks one by one before it finds them all at once

# "the" and the word after its space, a capital first ("the " first: a look-behind before it
# made `re` try every position of the book, ten times slower; after the literal, it tests the
# character before "the" only where "the" and its space stand: the whole literal, "the ", is
# what `re` seeks by its prefix, which the look-behind between "the" and the space cut to
# "the" and its thousands of places in "there", "other" …). `[\w-]` is `_word_char`'s: `\w`
# of a `str` pattern is `str.isalnum`'s letters and digits, and "_".
_THE_CAPITALISED = re.compile(r"the (?<![\w-]the )([A-Z][\w-]*)")


def capitalised_after_the(text: str) -> set[str]:
    """The words (runs of `_word_char`s) beginning with a capital A-Z that `text` writes
    whole after "the" and one space, "the" itself a word of its own: a word of word
    characters alone, `word`, is one of them exactly when `_written("the " + word, text)`
    (the run after "the " is all of that word only where no word character follows it).
    Found in one scan of the book for all the words `Shapes.opens_names` asks of, which
    each read all of it when the book does not write them so ("the But", "the These"); the
    pattern reads each word too (each "the" found and its word read in Python took 2.8 ms
    on the bundled book, 2.0 ms so). (A word the scan passes over cannot hold another "the"
    of its own and a space.)"""
    return set(_THE_CAPITALISED.findall(text))


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


_WHOLE_WORD = re.compile(r"[\w-]+")  # the characters of `_word_char`


# A word right after a blank line: a text node's first, in the text nodes joined by them.
_AFTER_BLANK_LINE = re.compile(r"\n\n([\w-]+)")


def joined_edge_words(text: str) -> set[str]:
    """`_edge_words(pieces)` for `text`, the pieces joined by blank lines, read in two scans
    of it (forwards for the first words, backwards for the last), not piece by piece (a
    book's thousands). A piece that holds a blank line itself gives the word after it, and
    the one before, besides: a word inside a piece, whole, which the unmarked text writes
    whole too, so `may_write` never asks these of them (it asks of no word of `whole`)."""
    out = set(_AFTER_BLANK_LINE.findall(text))
    if (first := _WHOLE_WORD.match(text)) is not None:
        out.add(first.group())
    backwards = text[::-1]  # a word's characters reversed are word characters still
    out.update(word[::-1] for word in _AFTER_BLANK_LINE.findall(backwards))
    if (last := _WHOLE_WORD.match(backwards)) is not None:
        out.add(last.group()[::-1])
    return out


def _edge_words(texts: list[str]) -> set[str]:
    """The first word of each text that opens with one, and the last of each that ends with
    one (a word: a run of `_word_char`s). (The plain form of `joined_edge_words`.)"""
    out: set[str] = set()
    for text in texts:
        if (first := _WHOLE_WORD.match(text)) is not None:
            out.add(first.group())
        if _word_char(text[-1]):
            k = len(text) - 1
            while k and _word_char(text[k - 1]):
                k -= 1
            out.add(text[k:])
    return out


class Found(NamedTuple):
    """A name found: a tuple, made by the thousand (a frozen dataclass is slower to make)."""

    start: int
    end: int
    name: str
    head: str
    bare: bool  # a noun alone after "the": means an organisation named elsewhere


def find(text: str, shapes: Shapes, prose: bool = True, heads: list | None = None) -> list[Found]:
    """The organisations' names of `text`, leftmost-longest, not overlapping; `prose`:
    `text` is running text, where a sentence's first word may be a common word (not for a
    name read alone: an index heading, a register's name); `heads`: the nouns and known
    names of `text` as `Matcher.find` gives them, when found already."""
    out: list[Found] = []
    for hs, he, head, value in _hyphened(text, shapes.heads().find(text) if heads is None else heads):
        if value is not None:  # a name of the register, as written
            if not _title(text, hs) and not (prose and initial(text, hs) and shapes.common(head.split()[0])):
                out.append(Found(hs, he, head, head.split()[-1], False))
            continue
        if head in shapes.wings or head in shapes.bodies:
            found = _faction(text, hs, he, head, shapes, prose) if head in shapes.wings else None
            found = found or (_body(text, hs, he, head, shapes, prose) if head in shapes.bodies else None)
            found = found or (_meeting_of_place(text, hs, he, head, shapes) if head in shapes.meetings else None)
            if found is not None:
                out.append(found)
            continue
        if head in shapes.nouns and _goes_on(text, he, shapes):
            continue  # "Party Conference": the name goes on
        words = _words_before(text, hs, shapes, prose)
        if words is None:
            continue  # a person's name: "Frederick Church"
        if words < 0 and head in shapes.patrons:
            words = _patron_before(text, hs, shapes)  # "the Queen's Hospital", "Guy's Hospital"
        post = (
            _POST.match(text, he)
            if head in shapes.nouns and head not in _ENDS_ONLY and not text.startswith(("'", "’"), he)
            else None
        )
        if post and post.group(2) in _DAYS and (post.group(1) == "on" or post.end() == post.end(2)):
            post = None  # "the Central Committee on January 5": a day, no matter; "Address to Congress of January 8"
        start = words if words >= 0 else hs
        if start < hs and head in shapes.known and head not in shapes.nouns and _names_before(text[start:hs], shapes):
            start = hs  # "NKPS NKRKI", "People's Commissariats NKFin" (an index's run-on lines): two names
        end = post.end() if post else he
        if post:
            # A possessive after "of X": the whole name's ("the Council of Ministers' bureau",
            # "the Commission of Party Control's plenum"), but a place's or a person's alone
            # ("the Reparation Commission for Germany's"); a quotation may close ("the
            # 'Anti-Soviet Bloc of Rights and Trotskyites'").
            last = post.group().split()[-1]
            whose = _POSSESSIVE.search(last) or text.startswith(("'s", "’s"), end)
            bare = _APOSTROPHE_S.sub("", last)  # "Ministers'" -> "Ministers", "Control's" -> "Control"
            if text[end - 1] in "'’" and _QUOTED.search(text, max(0, start - 5), start):
                end -= 1
            elif whose and (bare in shapes.surnames or _is_place(bare, shapes.profile)):
                post = None
            elif whose:
                end = post.start() + post.group().rindex(bare) + len(bare)
        if post and head in _NEVER_BARE and _is_place(_OF_THE.sub("", post.group()).strip(), shapes.profile):
            post = None  # "the Government of Germany": the country's government, Germany a place
        if post and head not in _SAINTS_BUILDINGS and text.startswith(".", end):
            saint = _SAINT_NAMED.match(text, end) if _SAINT_BEFORE.search(post.group()) else None
            if saint is not None:
                end = saint.end()  # "the Company of St. George": the saint's name is the body's
        bodies_end = _body_after(text, end, shapes) if post else end  # "... of the Moscow party committee"
        if post and (
            not (shapes.qualifies(text[post.start() : end]) or bodies_end > end or head in shapes.learned)
            or (text.startswith(".", end) and _ABBREVIATION.search(post.group()))
        ):
            post = None  # "the Ministry of Turgot"; "of St. Roch": cut short
        end = bodies_end if post else he
        if head in _ONLY_BEFORE_OF and not (post and _members_or_body(post.group().split()[-1], shapes)):
            continue  # "the White House", a building; "the House of Bourbon", a dynasty
        if head in _ORDER_BEFORE_OF and not post:
            continue  # "the Scottish Knights": knights, no order named
        name = " ".join(text[start:end].split())
        if _title(text, start):
            continue
        if start == hs and not post and head in shapes.placed:
            start = _place_and_ranks_before(text, hs, shapes)  # "the Nizhnyi province Cheka"
            name = " ".join(text[start:end].split())
        if start < hs or post or head in shapes.known:
            if start < hs and not post:
                start = _place_and_ranks_before(text, start, shapes)  # "the Moscow party Control Commission"
                if head.lower() in shapes.ranks:
                    end = _body_after(text, end, shapes)  # "the Moscow Party committee"
                name = " ".join(text[start:end].split())
            if head in _NEVER_BARE and not post and start < hs and shapes.country_of(text[start:hs]):
                continue  # "the German Government": the country's government described, as "the Government of Germany"
            country = _country_after(text, end, shapes)
            if country:
                end = country.end()  # "NKZem USSR", "Gosplan RSFSR": the country's own body
                name = " ".join(text[start:end].split())
            if name.replace("’", "'") not in shapes.not_orgs:  # `fold`, of a name without runs of spaces
                out.append(Found(start, end, name, head, False))
        elif head not in shapes.place_nouns and head not in _NOT_ALONE and head not in _ENDS_ONLY:
            if the_before(text, hs):
                out.append(Found(hs, he, head, head, True))
            elif (described := _described(text, hs, he, head, shapes)) is not None:
                out.append(described)
    if len(out) < 2:
        return out  # (most texts: one name or none, nothing to choose among)
    out.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in out:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return _joint(text, kept, shapes)


_JOINS = ("-", "–")  # a hyphen or a dash between two names without a space: "Central Committee–Sovnarkom"


def _joint(text: str, found: list[Found], shapes: Shapes) -> list[Found]:
    """The names found, a name and the next one that a hyphen or a dash joins without a space
    made one where the second is a body's noun that a known name qualifies: the body of both
    ("the Central Committee–Sovnarkom Commission on Transport", "the Politburo–Sovnarkom
    Defence Committee"); not two bodies acting together before a lower-case noun ("a Central
    Committee–Sovnarkom resolution", "the Central Committee-CCC plenum"), nor beside a body
    of its own ("the Ukrainian Central Committee–Central Control Commission plenum")."""
    joined: list[Found] = []
    for f in found:
        before = joined[-1] if joined else None
        if (
            before is not None
            and f.start == before.end + 1
            and text[before.end] in _JOINS
            and not before.bare
            and _qualified_noun(f, shapes)
        ):
            joined[-1] = Found(before.start, f.end, " ".join(text[before.start : f.end].split()), f.head, False)
        else:
            joined.append(f)
    return joined


def _qualified_noun(f: Found, shapes: Shapes) -> bool:
    """Whether a name found is a body's noun that a known name opens: "Sovnarkom Commission on
    Transport", "Sovnarkom Defence Committee" (not "Central Control Commission")."""
    first = f.name.split(maxsplit=1)[0]
    return not f.bare and f.head in shapes.nouns and first != f.head and first in shapes.known


# Words between "the" and a noun that say the body is another than the one named last ("the
# other Committee", "the second Assembly"): no description of it.
_ANOTHER = frozenset({"other", "another", "former", "rival", "two", "three", "both", "said", "aforesaid"}) | _ORDINALS


def _described(text: str, hs: int, he: int, head: str, shapes: Shapes) -> Found | None:
    """A noun alone after "the" and one lower-case word (or two) that describes its body: "the entire
    Convention", "the existing Assembly", "the unscrupulous Commune" (a noun alone, as after
    "the", which names the body of that noun named last), or, where the book writes that word
    capitalised before the noun as a name and at least half of its uses before the noun, the
    name with its first word in lower case: "the constituent Assembly" beside "the Constituent
    Assembly", "the present constituent Assembly" (not "the new Legislature" beside a heading's
    "The New Legislature": "new" is written before a hundred other words). Not a word that tells another body ("the other
    Committee", "the second Assembly"), nor a little word ("the only Convention")."""
    found = word_before(text, hs)
    if found is None or not _describes(found[1], shapes):
        return None
    start, word = found
    if not the_before(text, start):  # "the present constituent Assembly": two words at most
        earlier = word_before(text, start)
        if earlier is None or not _describes(earlier[1], shapes) or not the_before(text, earlier[0]):
            return None
    if shapes.names_with(word, head):
        return Found(start, he, f"{word} {head}", head, False)
    return Found(hs, he, head, head, True)


def _describes(word: str, shapes: Shapes) -> bool:
    return word not in _ANOTHER and word not in shapes.stops and word not in _LITTLE


def _names_before(words: str, shapes: Shapes) -> bool:
    """Whether the capitalised words before a known name hold another name or a noun, or
    its plural: the known name is one of its own after them ("NKPS NKRKI"), not their end
    ("Nizhnyi Cheka")."""
    for word in words.split():
        bare = _APOSTROPHE_S.sub("", word)
        if bare in shapes.known or bare in shapes.nouns or (bare.endswith("s") and bare[:-1] in shapes.nouns):
            return True
    return False


def _the_whose(text: str, start: int, word: str, shapes: Shapes) -> bool:
    """Whether a possessive after "the", right before a noun, is the name's own ("the
    Freeman's Movement"): not a person's, a place's or a body's ("the Kremlin's
    Secretariat", "the Stalin's group" sic; before more words, "the Komsomol's Central
    Committee", it is the owner's)."""
    bare = _APOSTROPHE_S.sub("", word)
    return (
        the_before(text, start)
        and bare not in shapes.surnames
        and bare not in shapes.persons
        and bare not in shapes.nouns
        and bare not in shapes.known
        and not _is_place(bare, shapes.profile)
    )


def _goes_on(text: str, end: int, shapes: Shapes) -> bool:
    """Whether a capitalised word follows a noun at `end`, continuing the name ("Party
    Conference", "Red Army Day"): not an initial ("the Central Committee A. A. Ivanov") nor
    a person's surname the register holds, a new sentence's subject in a book that begins
    sentences after a date or a place ("At the XVI Party Congress Kaganovich reported")."""
    if not _CONTINUES.match(text, end):
        return False
    word = _NEXT_WORD.match(text, end)
    return word is None or _APOSTROPHE_S.sub("", word.group(1)) not in shapes.surnames


def _hyphened(text: str, heads: list) -> list:
    """The nouns and names found at a hyphen (the scan splits "Central Committee-CCC"),
    kept only where the hyphen joins two organisations' names, each a name of its own
    ("the Central Committee-CCC plenum", "the Central Control Commission-Rabkrin"): not a
    name inside a word ("Anti-Comintern"), nor a noun before any word ("Party-State")."""
    if "-" not in text or not any(text[hs - 1 : hs] == "-" or text[he : he + 1] == "-" for hs, he, _, _ in heads):
        return heads  # (a text without a hyphen, most, told in one scan of it)
    starts = {hs for hs, _, _, _ in heads}
    ends = {he for _, he, _, _ in heads}
    return [
        h
        for h in heads
        if (text[h[0] - 1 : h[0]] != "-" or h[0] - 1 in ends)
        and (text[h[1] : h[1] + 1] != "-" or h[1] + 1 in starts or _ACRONYM_AT.match(text, h[1] + 1))
    ]


def _place_or_people(name: str, profile) -> bool:
    """Whether a name is a place's ("Moscow", "Nizhnyi Novgorod") or a people's, an
    adjective of a country or region ("Ukrainian", "Russian", "German")."""
    if _is_place(name, profile):
        return True
    word = name.split()[-1]
    stems = (word[:-1], word[:-3] + "e", word[:-3] + "a", word[:-2] + "y", word[:-3] + "y")
    return word.endswith(("an", "sh", "se")) and any(len(s) > 3 and _is_place(s, profile) for s in stems)


def _body_after(text: str, end: int, shapes: Shapes) -> int:
    """Where a name ends that lower-case `ranks` and a body's noun, or its plural, continue
    ("of the Moscow party committee", "of Bolshevik military party organizations"), else `end`.
    A body's word that is a rank too ends it only where nothing longer does and a name may
    end ("of the Ukrainian party, which"; "of the Moscow party committee" goes on)."""
    at = end
    found = end
    for _ in range(4):
        word = _LOWER_WORD.match(text, at)
        if word is None:
            break
        w = word.group(1)
        if w in shapes.bodies or (w[-1] == "s" and w[:-1] in shapes.bodies):
            if w not in shapes.ranks:
                return word.end()
            if _ends_name(text, word.end(), shapes):
                found = word.end()
        if w not in shapes.ranks:
            break
        at = word.end()
    return found


def _ends_name(text: str, end: int, shapes: Shapes) -> bool:
    """Whether a body's word that is a rank too ("party", "soviet") ends a name at `end`:
    before a stop, a possessive, a little word, a verb in the past or a sitting's noun ("the
    Ukrainian party, which", "the Ukrainian party's policy", "the Mogiliev soviet was", "the
    Gomel' soviet met", "the Moscow party and the Comintern", "the Moscow city party plenum"); not before a noun it qualifies ("the Kharkov
    party activists", "the Moscow party secretary", "the Ukrainian party and government
    leaders"), nor another rank or body ("the Moscow party committee": that one ends it)."""
    if text[end : end + 1].isalnum() or text[end : end + 1] == "-":
        return False
    word = _LOWER_WORD.match(text, end)
    if word is None:
        return not _NEXT_WORD.match(text, end)  # not "the Moscow party Soviet"
    w = word.group(1)
    if w in ("and", "or"):
        return _THE_AFTER.match(text, word.end()) is not None
    return w in _LITTLE or w in _SITTINGS or (w.endswith("ed") and w not in shapes.ranks)


# A body's sittings, after its name: "the Moscow city party plenum" is a sitting of the Moscow
# city party, as "the Central Committee plenum" is of the Central Committee.
_SITTINGS = frozenset({"plenum", "plenums", "session", "sessions"})


def _place_and_ranks_before(text: str, start: int, shapes: Shapes) -> int:
    """Where a name begins that a place's name and lower-case `ranks` open before its
    capitalised words, after "the": "the Moscow party Control Commission", "the Moscow
    city party Control Commission" (a body of the place's party); else `start`."""
    at = start
    for _ in range(3):
        rank = word_before(text, at)
        if rank is None or rank[1] not in shapes.ranks:
            break
        at = rank[0]
    if at == start:
        return start
    place = _PLACE_WORD_BEFORE.search(text, max(0, at - 40), at)
    if place is None or not _is_place(place.group(1), shapes.profile):
        return start
    return place.start(1)


def _country_after(text: str, end: int, shapes: Shapes) -> re.Match | None:
    """The country a body's name ending at `end` is written with, right after it, where it
    names that country's own body: an acronym ("NKZem USSR", "Gosplan RSFSR") or a country's
    name ("Sovnarkom Ukraine", "Vesenkha Ukraine": a republic's council, not the Union's);
    not a name that goes on ("Gosplan USSR Ministers") nor a town ("the Moscow Soviet
    Kharkov", a list's run-on)."""
    if text[end : end + 1] not in (" ", "\t") or "a" <= text[end + 1 : end + 2] <= "z":
        return None  # (most names: a stop, or a space and a word in lower case, told before the pattern)
    country = _COUNTRY_AFTER.match(text, end)
    if country is None or _CONTINUES.match(text, country.end()):
        return None
    name = country.group(1)
    if name.isupper():
        return country if _is_place(name, shapes.profile) else None
    kind = registers.classify_place(name, shapes.profile)
    return country if kind is not None and kind[0] == "country" else None


def _title(text: str, start: int) -> bool:
    """Whether a name follows "The" written mid-sentence: a title ("Schapiro, The Communist
    Party of the Soviet Union"); not after the number or letter that opens a list's paragraph
    ("(4) The Reparation Commission should be dissolved")."""
    # "T" four characters back first (a name rarely follows it): the pattern, which tries each
    # of the eight characters before, only where "The " may end there
    return (
        start >= 4
        and text[start - 4] == "T"
        and the_before(text, start)
        and not initial(text, start - 4)
        and _LABEL_BEFORE.search(text, max(0, start - 14), start - 4) is None
    )


# The number or letter that opens a paragraph of a list, and the space after it ("(4) The
# Reparation Commission should be dissolved", "9. The League of Cambray"): the sentence
# begins after it.
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:\((?:\d+|[a-zA-Z]|[ivxlc]+)\)|(?:\d+|[ivxlc]+)\.)[ \t]+$")


def _faction(text: str, hs: int, he: int, head: str, shapes: Shapes, prose: bool) -> Found | None:
    """ "Left Communists", "Left Socialist Revolutionaries": a wing's word and capitalised
    words, the last a plural; or the wing's word alone after "the", before a stop or a
    common little word ("a bastion of the Right.", "the Right had"; not "the Right
    deviation"). Not the members alone ("Bolsheviks"), nor "Left Bank"."""
    after = _RUN_AFTER.match(text, he)
    if after is None and the_before(text, hs) and _ENDS_HERE.match(text, he):
        nxt = _LOWER_WORD.match(text, he)
        if nxt is None or nxt.group(1) in shapes.stops:
            return Found(hs, he, head, head, False)  # "a bastion of the Right.", "the Right and the Left"
    if after is None or _POSSESSIVE.search(after.group()) or not after.group().endswith("s"):
        return None
    if prose and initial(text, hs) and shapes.common(head) and not _RUN_AFTER.match(text, he):
        return None
    return Found(hs, after.end(), " ".join(text[hs : after.end()].split()), head, False)


def _body(text: str, hs: int, he: int, head: str, shapes: Shapes, prose: bool) -> Found | None:
    """A body a capitalised name qualifies, in lower case: "the Moscow party committee",
    "the Ukrainian party organization", "the Kiev province party committee", "the Aivazov
    factory": the name, up to three words of `ranks`, the body's noun. Not when the name is
    an organisation's ("the Politburo commission") or, but for an establishment, a person's;
    nor an establishment after a people's adjective alone ("the German factory"); a body's
    word a profile writes capitalised ("the Tashkent Soviet") only after a place's name."""
    if head in shapes.ranks and not _ends_name(text, he, shapes):
        return None  # "the Kharkov party activists": people; "the Ukrainian party, which" is a body (first: "party" is everywhere)
    at = hs
    described = 0  # an establishment's words of what it makes: "the Proletarsky locomotive repair workshop"
    for _ in range(5):
        rank = word_before(text, at)
        if rank is not None and rank[1] == "and" and at < hs:  # "province and city party"
            joined = word_before(text, rank[0])
            rank = joined if joined is not None and joined[1] in shapes.ranks else None
        if rank is None:
            break
        word = rank[1]
        if word not in shapes.ranks:
            whole = _whole_word_at(text, rank[0])
            if (
                head not in shapes.establishments
                or described == 2
                or not whole
                or word in _LITTLE
                or word in shapes.stops
            ):
                if whole:
                    # a word in lower case, whole, right before `at`: `_words_before` finds no
                    # capitalised word there (-1), told without it (most of a body's words
                    # the book writes: "the Soviet Union", "the party line")
                    return None
                break
            described += 1
        at = rank[0]
    start = _words_before(text, at, shapes, prose)
    if start is None or start < 0 or _title(text, start):
        return None
    start = _past_descriptions(text, start, at)  # "the Russian-dominated Tashkent Soviet"
    qualifier = " ".join(text[start:at].split())
    words = qualifier.split()
    if head not in shapes.establishments and not (
        _place_or_people(qualifier, shapes.profile) or _place_or_people(words[0], shapes.profile)
    ):
        placed = _place_and_ranks_before(text, start, shapes)  # "the Nizhnyi province Bolshevik party committee"
        if placed < start:
            start = placed
            qualifier = " ".join(text[start:at].split())
            words = qualifier.split()
    if (words[-1] in shapes.nouns or words[-1] in shapes.known) and not (
        head in shapes.establishments and len(words) == 1 and words[0].endswith(shapes.suffixes)
    ):
        # (a body's name of `[orgs] suffixes` before an establishment's noun is the
        # establishment's own: "the Moskanalstroi trust", as "the Sormovo works")
        # "the Politburo commission": the Politburo's, marked as the Politburo; but a body's
        # word written capitalised ("the NKPS Soviet") and a numbered meeting of a body ("the
        # VI Comintern congress", "the Seventh Comintern congress") name one of their own
        numbered = len(words) > 1 and (_ROMAN.fullmatch(words[0]) or words[0].lower() in _ORDINALS)
        capitalised = head[0].isupper() and head not in shapes.meetings
        if at == hs and (capitalised or (numbered and head in shapes.meetings)) and not _goes_on(text, he, shapes):
            return Found(start, he, " ".join(text[start:he].split()), head, False)
        return None
    if head[0].isupper() and at == hs and len(words) == 1 and _ROMAN.fullmatch(words[0]) and words[0] != "I":
        if the_before(text, start) and not _goes_on(text, he, shapes):
            return Found(start, he, " ".join(text[start:he].split()), head, False)  # "the IV Duma": numbered
        return None
    if head in shapes.meetings and at == hs:
        return None  # "the Genoa conference": a meeting of no body the name says
    if head not in shapes.establishments and (
        any(w in shapes.surnames for w in words)
        or not (
            _place_or_people(qualifier, shapes.profile)
            or _place_or_people(words[0], shapes.profile)
            or _unit_after(text, start + len(text[start:at].rstrip()), shapes)
        )
    ):
        return None  # "the Kaganovich commission": a person's, who is marked; "the Kiev Bolshevik committee" is one
    if start > 1 and text[start - 1] in "–—" and text[start - 2].isalpha():
        return None  # "the Baikal–Amur line": the second half of a name the dash joins
    if head[0].isupper() and not _is_place(qualifier, shapes.profile):
        return None  # "the Tashkent Soviet" is one; "the Ukrainian Soviet government": an adjective
    if (
        head in shapes.establishments
        and len(words) == 1
        and not _is_place(qualifier, shapes.profile)
        and _place_or_people(qualifier, shapes.profile)
    ):
        return None  # "the German factory", "the Ukrainian institute": any of that people's, no name
    name = " ".join(text[start:he].split())
    if _goes_on(text, he, shapes) or fold(name) in shapes.not_orgs:
        return None
    if (head.endswith("s") or head in _ALSO_VERBS) and not the_before(text, start):
        return None  # "the Sormovo works"; not "Stalin works", "Bolsheviks trust", a verb
    if head in _ALSO_VERBS and (after := _LOWER_WORD.match(text, he)) is not None and after.group(1) in _VERB_OBJECTS:
        return None  # "all the powers of the Universe combine to help us": a verb
    members = _MEMBERS_AFTER.match(text, he)
    if (
        members
        and members.group(1) not in shapes.bodies
        and members.group(1)[:-1] not in shapes.bodies
        and ((more := _LOWER_WORD.match(text, members.end())) is None or more.group(1) in _LITTLE)
    ):
        he = members.end()  # "the Gomel' union of leatherworkers": whose union it is says which
        name = " ".join(text[start:he].split())
    return Found(start, he, name, head, False)


def _whole_word(text: str, rank: re.Match | _WordBefore) -> bool:
    """Whether the lower-case word `_RANK_BEFORE` found is a word whole, as `_words_before`
    reads a word's characters (letters, digits, apostrophes, hyphens): not the end of one
    ("s" of "Stalin's", "oscow" of "Moscow", "party" of "Anti-party")."""
    return _whole_word_at(text, rank.start())


def _whole_word_at(text: str, at: int) -> bool:
    """`_whole_word` of the word found at `at`."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")


# The members a body of a place is of, a lower-case plural alone after "of" ("the Gomel' union
# of leatherworkers"); not "of the ...", nor before more lower-case words than a little one ("of
# metal workers", "the Gomel' soviet of workers and soldiers deputies": the name goes on).
_MEMBERS_AFTER = re.compile(rf"{_SP}of{_SP}([a-z]+s)(?![\w'’-])")
# A meeting of a place's bodies, in lower case: "the third congress of soviets of Mogiliev
# province" (a body's plural, "of", a place's name, maybe its unit's word).
_BODIES_OF = re.compile(
    rf"{_SP}of{_SP}([a-z]+){_SP}of{_SP}(?:the{_SP})?((?:{_TOKEN})(?:{_SP}{_TOKEN})*)(?:{_SP}([a-z]+))?"
)
_ORDINAL_BEFORE = re.compile(rf"([a-z]+){_SP}$")  # the lower-case word before a meeting's noun


def _meeting_of_place(text: str, hs: int, he: int, head: str, shapes: Shapes) -> Found | None:
    """A meeting of a place's bodies, its noun in lower case after "the", its ordinal with
    it: "the third congress of soviets of Mogiliev province", one name (the place's is in
    it). Not a meeting of no body ("the congress of Vienna"), nor of people ("the congress
    of peasants of Tambov")."""
    if not head.islower():
        return None
    after = _BODIES_OF.match(text, he)
    if after is None:
        return None
    bodies, place, unit = after.groups()
    if not (bodies.endswith("s") and bodies[:-1] in shapes.bodies) or not _is_place(place, shapes.profile):
        return None
    end = after.end() if unit is not None and _unit_word(unit, shapes) else after.end(2)
    start = hs
    ordinal = _ORDINAL_BEFORE.search(text, max(0, hs - 20), hs)
    if ordinal is not None and ordinal.group(1) in _ORDINALS:
        start = ordinal.start()
    if not the_before(text, start):
        return None
    return Found(start, end, " ".join(text[start:end].split()), head, False)


# A capitalised word whose part after a hyphen is in lower case describes ("Russian-dominated",
# "Bolshevik-controlled"): no word of the name it stands before.
_DESCRIBING = re.compile(r"[A-Z][\w'’]*-[a-z][\w-]*" + _SP)


def _past_descriptions(text: str, start: int, end: int) -> int:
    """Where the capitalised words of a name between `start` and `end` begin once the
    describing words before them are left out ("the Russian-dominated Tashkent Soviet": the
    Tashkent Soviet); `start` when every word describes."""
    at = start
    while (m := _DESCRIBING.match(text, at)) is not None and m.end() < end:
        at = m.end()
    return at


# Establishments' nouns that English writes as verbs too ("Stalin works", "the workers trust
# Lenin", "they combine"): a name only after "the".
_ALSO_VERBS = frozenset({"trust", "combine", "plant"})  # and every noun ending in "s": "works"
# What follows such a word as a verb, not as a noun: "combine to help", "trust them".
_VERB_OBJECTS = frozenset("to with the a an that him her them us me it".split())


# English words of a territorial unit, written between a place's name and a body's noun:
# "the Nizhnyi province party committee", "the Presnaya district party committee" say the
# name is a place's, whatever the gazetteer knows (with a profile's `[places] heads` too:
# "oblast", "raion").
_UNITS = frozenset({"city", "town", "county", "province", "provincial", "district", "regional"})


def _unit_after(text: str, end: int, shapes: Shapes) -> bool:
    """Whether the first lower-case word after a name at `end` is a territorial unit's."""
    word = _LOWER_WORD.match(text, end)
    return word is not None and _unit_word(word.group(1), shapes)


def _unit_word(word: str, shapes: Shapes) -> bool:
    """Whether a lower-case word is a territorial unit's ("province", a pack's "oblast")."""
    heads = shapes.profile.place_heads if shapes.profile is not None else {}
    return word in _UNITS or word in heads


def _words_before(text: str, hs: int, shapes: Shapes, prose: bool) -> int | None:
    """Where the capitalised words of a name before its noun at `hs` begin (-1: none), or
    None when they make a person's name."""
    k = hs - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "'’-"):
        k -= 1
    if text[k : k + 1] in ("'", "‘", "’") and (k == 0 or not text[k - 1].isalnum()):
        k += 1  # a quotation the name opens: "the 'Anti-Soviet Bloc of Rights and Trotskyites'"
    if k < 0 or k == hs - 1 or not text[k : k + 1].isupper():
        # "the Politburo": no capitalised word before (the pattern below is slower); a quotation
        # mark that ends the text, right before `hs` (its end), opens no word either
        return -1
    run = run_before(text, hs)
    if not run:
        return -1
    start, written = run.start(), run.group()
    # The run's words are its tokens (`_TOKENS`): each a token and the spaces after it, no
    # token holding a space. Split at the spaces, each word's place read back from the end
    # as the words are (the tokens found by the pattern, matches made for each, took longer).
    words = written.split()
    first = -1
    end = len(written)
    for word in reversed(words):
        at = end = written.rfind(word, 0, end)
        if word.lower() in shapes.stops:
            break
        if word in shapes.persons and not shapes.common(word):
            return None  # "Frederick Church", "Mr Bank"; but "General Assembly"
        if word.endswith(_POSSESSIVE_ENDS) and (
            not shapes.common(word) or (bare := _APOSTROPHE_S.sub("", word)) in shapes.nouns or bare in shapes.known
        ):
            if at == 0 and len(words) == 1 and _the_whose(text, start, word, shapes):
                first = start  # "the Freeman's Movement": "the" says the possessive is the name's
                continue
            break  # "Stalin's Secretariat", "the Central Committee's Secretariat": the Secretariat
        first = start + at
    # a quotation after "the" opens a name, not a sentence ("rebuked the 'New Opposition'", the
    # “Don’t Worry Movement”)
    quoted = first > 0 and text[first - 1] in _OPENING_QUOTES and _THE_BEFORE.search(text, max(0, first - 6), first - 1)
    if first >= 0 and prose and not quoted and initial(text, first):
        tokens = [(start + t.start(), t.group()) for t in _TOKENS.finditer(written)]  # (most names open no sentence)
        starts = [at for at, _ in tokens]
        opening = tokens[starts.index(first)][1]
        if shapes.common(opening) and not shapes.opens_names(opening):
            rest = [at for at in starts if at > first]
            first = rest[0] if rest else -1  # "But Komsomol", "Addressing Red Army": a sentence's first word
    if first == start:
        joined = joined_common(text, first)
        if joined and shapes.common(joined.group(1)) and shapes.common(words[0]):
            first = joined.start(1)  # "the Organization and Instruction Department": one name
    return first


class Orgs:
    """The organisation register with its look-up by name.

    Names are looked up as one whatever their case, their apostrophes, a hyphen or a space
    between two words ("States-General", "States General") and the spelling of a
    place in them (the profile's `[places] same`): "the Moscow Party Committee" and "the
    Moscow party committee", "Workers' Opposition" and "Workers Opposition", "People's
    Commissariat" and "Peoples' Commissariat", "Nizhny" and "Nizhnyi province party
    committee" are one organisation, its entry named as first registered."""

    def __init__(self, reg: registers.Register, profile=None):
        self.reg = reg
        self.by_name: dict[str, etree._Element] = {}
        self.written: dict[str, etree._Element] = {}  # each name as the register writes it
        self._keys: dict[str, str] = {}  # a name -> `key(name)`
        # each entry's first name (`names(org)[0]`, read when it is learnt: a name added later
        # comes after the last, `add_name`), for `discover`, which asks of every name written
        self.first: dict[Any, str] = {}
        same = dict(profile.same_places) if profile is not None else {}
        same.update({name: name for name in same.values()})
        self._places = {form: _APOSTROPHES.sub("", name).casefold() for form, name in same.items()}
        forms = sorted(self._places, key=lambda f: (-len(f), f))
        self._place_form = re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b") if forms else None
        for org in reg.entries.values():
            self._learn(org)

    def key(self, name: str) -> str:
        """A name as looked up: its words in lower case, without apostrophes, a place's
        other spellings written as the profile's one (each name's made once: a book asks
        for the same names again and again)."""
        key = self._keys.get(name)
        if key is None:
            folded = name if self._place_form is None else self._place_form.sub(self._place, name)
            # a hyphen between two words is a space ("the States-General", the table of
            # contents' "States General"): one body
            unhyphened = _HYPHEN_BETWEEN_WORDS.sub(" ", _APOSTROPHES.sub("", folded))
            key = self._keys[name] = " ".join(unhyphened.casefold().split())
        return key

    def _place(self, m: re.Match) -> str:
        return self._places[m.group()]

    def _learn(self, org) -> None:
        written = names(org)
        for name in written:
            self.by_name.setdefault(self.key(name), org)
            self.written.setdefault(name, org)
        if written:
            self.first.setdefault(org, written[0])

    def find(self, name: str):
        """The organisation of a name, however its case, apostrophes and places are written
        ("the Ukrainian Communist party", "the Moscow party": the register's capitalised)."""
        return self.by_name.get(self.key(name))

    def add(self, name: str, origin: str, note: str, item=None):
        org = self.find(name)
        if org is None:
            org = make("org", attrib={XML_ID: self.reg.new_id(registers.slug(name))})
            sub(org, "orgName", name)
            cited = registers.source_note(org, origin, note)
            if item is None or not registers.cite_index(cited, item):
                cited.text = note.rstrip(": ")
            self.reg.add(org)
            self._learn(org)
        return org

    def add_name(self, org, name: str) -> None:
        """Another name of an organisation (its short name), unless an entry has it."""
        if self.find(name) is None:
            children(org, "orgName")[-1].addnext(make("orgName", name))
            self._learn(org)


def names(org) -> list[str]:
    return [" ".join(text_of(n).split()) for n in org.iter(q("orgName"))]


# The places asked about, for the one profile asked last (a conversion asks of one profile
# hundreds of times, many names again; the entry holds the profile, so its id is not reused).
_PLACES: list = [None, {}]


def _is_place(name: str, profile) -> bool:
    if _PLACES[0] is not profile:
        _PLACES[0], _PLACES[1] = profile, {}
    known: dict[str, bool] = _PLACES[1]
    if name not in known:
        known[name] = name in profile.regions or registers.classify_place(name, profile) is not None
    return known[name]


def _town_spelt_out(short: str, name: str, profile) -> bool:
    """Whether an acronym in brackets after an organisation's name, that the gazetteer knows
    as a town only in another case ("Itu" in Brazil, "Un" in India), spells the initials of
    that name ("International Telecommunications Union (ITU)"): the body's short name, as a
    town is never called by initials; a country's initials stay a place ("USSR", "UK"), and so
    does an acronym that spells no initials of the name ("Organization of Modernist Architects
    (OSA)": the Russian's, unsaid)."""
    if not _town_in_another_case(short, profile):
        return False
    return "".join(m.group()[0] for m in _INITIALS_OF.finditer(name) if not m.group().islower()) == short


def _town_in_another_case(short: str, profile) -> bool:
    """Whether an acronym written in capitals is a place's name only as the gazetteer knows a
    town in another case ("UN" and Un in India, "ITU" and Itu in Brazil): a town is written
    neither in capitals nor after "the", so "the UN" is a body's acronym, no town."""
    if not short.isupper():
        return False
    place = registers.classify_place(short, profile)
    return place is not None and place[0] == "city" and place[1] is not None and place[1].name != short


def _whole(term: str, shapes: Shapes) -> bool:
    found = find(term, shapes, prose=False)
    return len(found) == 1 and not found[0].bare and (found[0].start, found[0].end) == (0, len(term))


def _merged(term: str, shapes: Shapes) -> bool:
    """Whether an index heading is names that hyphens or dashes join without a space, the
    heading of one body that the index names by the bodies it merged ("Central Control
    Commission-Rabkrin"; in the text two bodies' names so joined are two, "the joint Central
    Committee-CCC plenum", unless the index heads them so)."""
    found = find(term, shapes, prose=False)
    return (
        len(found) > 1
        and found[0].start == 0
        and found[-1].end == len(term)
        and all(
            not a.bare and not b.bare and b.start == a.end + 1 and term[a.end] in _JOINS
            for a, b in zip(found, found[1:], strict=False)
        )
    )


def _whole_heading(term: str, shapes: Shapes) -> bool:
    """Whether an index heading is an organisation's name as a whole; two common words that
    "and" joins may open it, as after "the" in the text ("Records and Assignment
    Department")."""
    if _whole(term, shapes) or (("-" in term or "–" in term) and _merged(term, shapes)):
        return True
    if " and " not in term:
        return False
    found = find("the " + term, shapes, prose=False)
    return len(found) == 1 and not found[0].bare and (found[0].start, found[0].end) == (4, len(term) + 4)


def seed(
    orgs: Orgs,
    tei,
    shapes: Shapes,
    profile,
    divs: tuple[list, list] | None = None,
    terms: list[list[tuple[Any, str]]] | None = None,
) -> None:
    """An organisation for every Subject Index heading of an organisation's shape (`divs`:
    `registers.index_divs(tei)`, `terms`: `registers.subject_terms` of its subject indexes,
    when found already)."""
    _, subjects = divs if divs is not None else registers.index_divs(tei)
    index = IndexItems(subjects, terms)
    learnt: list[str] = []
    heads = shapes.heads()
    read = [index.term(item) for item in index.items]
    # the headings' nouns and names found in one scan of them all, each heading's kept for
    # `find` (which asks the same matcher of it again, in `_whole`)
    holding = heads.read_ahead(read)
    for k, item in enumerate(index.items):
        term = read[k]
        if (k not in holding) if holding is not None else not heads.find(term):
            continue  # no organisation's noun or name: most headings
        # (page numbers run into the heading: they hold no bracket; the heading without them and
        # the brackets is read once for `index_bodies` and those after it too)
        shorts = _BRACKETED.findall(term)
        name = index.heading(item)
        # (the bracketed words read as a name only after an acronym: most headings are names
        # that give their short name in brackets, "Political Bureau (Politburo)")
        expansion = next((s for s in shorts if _whole(s, shapes)), None) if _ACRONYM.fullmatch(name) else None
        if expansion:
            name, shorts = expansion, [name]  # "KGB (Committee of State Security)"
        if not name or not _whole_heading(name, shapes) or fold(name) in shapes.not_orgs or _is_place(name, profile):
            continue
        org = orgs.add(name, registers.FROM_INDEX, f"{INDEX_SOURCE}: ", item)
        for short in shorts:
            if _TOKENS.fullmatch(short) and shapes.short_name(short, profile):
                orgs.add_name(org, short)
                learnt.append(short)
    for short in learnt:  # after the headings: each short name learnt makes the nouns' scan anew
        shapes.learn(short)
    taken = index_bodies(subjects, shapes, profile, index)
    for item, word in taken:
        orgs.add(word, registers.FROM_INDEX, f"{INDEX_SOURCE}: ", item)
        shapes.learn(word, alone=True)
    for word in body_words(subjects, [w for _, w in taken], shapes, profile, index):
        shapes.learn_body(word)
    shapes.placed |= set(placed_names(subjects, shapes, profile, index))


class IndexItems:
    """The Subject Index's items that have a heading (a `term`), in the index's order, each
    heading read once: `seed` and the readings after it (`index_bodies`, `body_words`,
    `placed_names`) each walked every item of the index and read its heading again."""

    def __init__(self, subjects: list, terms: list[list[tuple[Any, str]]] | None = None):
        """`terms`: `registers.subject_terms(subjects)`, when read already."""
        self.subjects = subjects
        if terms is None:
            terms = registers.subject_terms(subjects)
        self.items = [item for items in terms for item, _ in items]
        # by the item itself: the list keeps each alive, so no other element takes its key
        self._written: dict[Any, str] = {item: written for items in terms for item, written in items}
        self._terms: dict[Any, str] = {}
        self._headings: dict[Any, str] = {}
        self._titles: Counter | None = None
        self._lists: dict[Any, list] | None = None  # a list -> its items of `items` (`listed`)

    def has_term(self, item) -> bool:
        """Whether an element of the index is one of `items`: an item with a term."""
        return item in self._written

    def listed(self, lst) -> list:
        """The items of `items` that are children of the list `lst` (`lst.iterfind("item")`
        that have a term), in their order: the items grouped by their list once, not each
        list's children walked and each asked for its term (`index_bodies` asks of every list
        of the index)."""
        if self._lists is None:
            self._lists = {}
            for item in self.items:
                self._lists.setdefault(item.getparent(), []).append(item)
        return self._lists.get(lst, [])

    def term(self, item) -> str:
        """An item's term: its words, the stops and commas at its ends left out."""
        term = self._terms.get(item)
        if term is None:
            term = self._terms[item] = " ".join(self._written[item].split()).strip(" ,;")
        return term

    def heading(self, item) -> str:
        """An item's heading: its term less page numbers and brackets."""
        heading = self._headings.get(item)
        if heading is None:
            heading = self._headings[item] = _BRACKETS.sub("", _PAGES_BEFORE.sub("", self.term(item))).strip()
        return heading

    def titles(self) -> Counter:
        """How often the book prints each title (`title` elements), its text as written."""
        if self._titles is None:
            root = self.subjects[0].getroottree() if self.subjects else None
            self._titles = Counter(text_of(t).strip() for t in root.iter(q("title"))) if root is not None else Counter()
        return self._titles


def index_bodies(subjects: list, shapes: Shapes, profile, index: IndexItems | None = None) -> list[tuple[Any, str]]:
    """The one-word organisations the Subject Index lists as parts of an organisation, with
    their items: a word (not a person's, a place's, nor one the book writes in lower case)
    under a heading that names an organisation ("Supreme Court: Military Collegium", "Ukrainian
    Sovnarkom/Council of Ministers: Gosplan, Procuracy"), or among sub-entries a third of which
    at least, two at least, name one ("Communist Party: Central Committee, Orgburo, Politburo,
    Secretariat"); and a one-word heading two of whose sub-entries name organisations, or name
    it after a place ("Sovnarkom: Council of Labour and Defence, Economic Council"; "Cheka:
    Nizhnyi Cheka, Voronezh Cheka"); a heading of capitalised words that no shape makes an
    organisation's, two at least and a third of whose capitalised sub-entries name organisations or are a
    body's noun alone ("Supreme Soviet: Presidium, Budget Commission"; `_named_heading`).
    Not a word the book writes as a title as often as not (a
    journal's, "*Bol'shevik*"; not "the Political Bureau (*Politburo*)" once), nor one it
    writes in lower case once in ten uses or more ("soviet officials"; not a Russian
    title's "komsomol'" twice in 40), unless it is an organisation's noun ("the
    presidium of the Supreme Soviet" beside "the Presidium"). A book that lists its institutions so tells what its
    short names are, in any language: the text alone cannot tell "Politburo" from "Pravda"."""
    out: list[tuple[Any, str]] = []
    taken: set[str] = set()
    if not subjects:
        return out
    index = index if index is not None else IndexItems(subjects)
    titles = index.titles()

    bodies: dict[str, bool] = {}

    def body(name: str) -> bool:
        if name not in bodies:  # a noun alone names a body too: "Supreme Soviet: Presidium"
            bodies[name] = name in shapes.nouns or any(_whole(part, shapes) for part in name.split("/") if part)
        return bodies[name] or name in taken

    def candidate(name: str) -> str | None:
        """The one word a heading may be, by its shape only (the cheap tests)."""
        name = name.split(",")[0].strip()  # "Komsomol, All-Union"
        if not _TOKENS.fullmatch(name) or name in shapes.known or name in shapes.surnames or _ROMAN.fullmatch(name):
            return None
        return name

    words: dict[str, str | None] = {}

    def word(name: str) -> str | None:
        found = candidate(name)
        if found is None or found in words:
            return words.get(found or "")
        words[found] = None
        if fold(found) in shapes.not_orgs or _is_place(found, profile):
            return None
        # a journal's ("*Bol'shevik*"), a common word's ("Soviet": "soviet officials"); the
        # uses in lower case counted (seldom any), the others only as far as they must be
        unwritten = found in shapes.nouns or not shapes.may_write(found.lower())
        both = None if unwritten else uses_in_both_cases(found, shapes)
        if both is not None:  # (the book writes it in lower case too: both counted in one search of it)
            lower, uses = both
            if uses > max(titles[found], 10 * lower):
                words[found] = found
            return words[found]
        lower = 0 if unwritten else sum(1 for _ in _uses(found.lower(), shapes.text))
        needed = max(titles[found], 10 * lower) + 1
        if sum(1 for _, _ in zip(range(needed), _uses(found, shapes.text))) >= needed:
            words[found] = found
        return words[found]

    for div in subjects:
        for lst in div.iter(_LIST):
            parent = lst.getparent()
            if not index.has_term(parent):
                continue  # the index's own list of headings: every kind of heading
            items = index.listed(lst)
            headings = [index.heading(i) for i in items]
            head = index.heading(parent)
            if candidate(head) is None and not any(candidate(h) for h in headings):
                continue  # no one word to learn here: most lists
            capitalised = [h for h in headings if h[:1].isupper()]
            named = sum(1 for h in capitalised if body(h))
            head_word = candidate(head)  # the shape first, the uses in the text (slower) after
            if (
                head_word is None
                and head not in taken
                and named >= 2
                and 3 * named >= len(capitalised)
                and _named_heading(head, shapes, profile)
            ):
                taken.add(head)
                out.append((parent, head))  # "Supreme Soviet: Presidium, Budget Commission"
            if head_word is not None and head_word not in taken:
                after_a_place = any(
                    h.endswith(" " + head_word) and _is_place(h[: -len(head_word)].strip(), profile) for h in headings
                )
                if (named >= 2 or after_a_place) and word(head_word) is not None:
                    taken.add(head_word)
                    out.append((parent, head_word))
            if not (body(head) or (named >= 2 and 3 * named >= len(capitalised))):
                continue
            for item, heading in zip(items, headings):
                found = word(heading)
                if found is not None and found not in taken:
                    taken.add(found)
                    out.append((item, found))
    return out


_LIST = q("list")


def _named_heading(head: str, shapes: Shapes, profile) -> bool:
    """Whether a heading of two capitalised words or more, that no shape makes an
    organisation's, may be one's name: not a person's ("Kaganovich, L. M."), a place's, a
    title (after "The"), nor words the book writes in lower case too, a common phrase's
    ("Civil War": "the civil war")."""
    words = head.split()
    return (
        len(words) >= 2
        and all(_TOKENS.fullmatch(w) for w in words)
        and words[0] != "The"
        and not any(w in shapes.surnames for w in words)
        and not _whole(head, shapes)
        and not _is_place(head, profile)
        and not shapes.written(head.lower())
    )


def body_words(
    subjects: list, learnt: list[str], shapes: Shapes, profile, index: IndexItems | None = None
) -> list[str]:
    """Capitalised words the Subject Index shows to be a body's noun, like the profile's
    `[orgs] bodies`: the last word of an organisation's heading that `index_bodies` learnt
    ("Supreme Soviet") which two headings at least write after a place's name ("Tashkent
    Soviet", "Nizhnyi Novgorod Soviet"): each place has a body of that word ("the Moscow
    Soviet", "the Kiev Soviet", "the Gomel' soviet")."""
    ends = {name.split()[-1] for name in learnt if " " in name}
    ends -= shapes.nouns | shapes.known | shapes.bodies
    ends = {w for w in ends if w[:1].isupper()}
    if not subjects:
        return []
    index = index if index is not None else IndexItems(subjects)
    headings = [index.heading(item) for item in index.items]
    # A one-word heading, the index's name of a body ("Cheka", "Duma"), that a heading writes
    # after a place's name too ("Nizhnyi Cheka", "Moscow Duma"): each place has its body of
    # that name ("the Nizhnyi province Cheka"); not a journal's, a title the book prints
    # ("Pravda": "Leningradskaya Pravda" is a newspaper of its own)
    alone = {h for h in headings if _TOKENS.fullmatch(h) and " " not in h and h[:1].isupper()}
    alone -= shapes.nouns | shapes.bodies | shapes.surnames | shapes.known  # a known name: `placed_names`
    titles = set(index.titles()) if alone else set()
    after_places: Counter = Counter()
    own: set[str] = set()
    for heading in headings:
        words = heading.split()
        if len(words) < 2 or not (words[-1] in ends or words[-1] in alone):
            continue
        if _is_place(" ".join(words[:-1]), profile):
            after_places[words[-1]] += 1
            if words[-1] in alone and words[-1] not in titles and fold(words[-1]) not in shapes.not_orgs:
                own.add(words[-1])
    return sorted({w for w, n in after_places.items() if n >= 2 and w in ends} | own)


def placed_names(subjects: list, shapes: Shapes, profile, index: IndexItems | None = None) -> list[str]:
    """The known names (`[orgs] known`, short names learnt) that Subject Index headings write
    after a place's name ("Cheka: Nizhnyi Cheka, Voronezh Cheka"): a place has its own body of
    that name, which a place's name and a rank's word may qualify in the text ("the Nizhnyi
    province Cheka", one body, as "the Nizhnyi province soviet" is)."""
    found = set()
    index = index if index is not None else IndexItems(subjects)
    for item in index.items:
        words = index.heading(item).split()
        if len(words) >= 2 and words[-1] in shapes.known and _is_place(" ".join(words[:-1]), profile):
            found.add(words[-1])
    return sorted(found)


def discover(
    orgs: Orgs, pieces: list[str], shapes: Shapes, profile, headings: Container[int] = ()
) -> list[list[Found]]:
    """The short names the text gives in brackets after a name, then every name the text
    gives an organisation: what `find` finds in each of the text's `pieces` (`shapes.text`
    is the pieces joined by blank lines). A name found only in `headings` (the pieces'
    indexes), whose capitals the book writes in lower case in its running text, is the
    heading's title case, no name ("The Ruling Group", "the ruling group")."""
    text = shapes.text  # the pieces, joined by blank lines
    for m in _SHORT_NAME.finditer(text):
        _short_name(orgs, text, m, shapes, profile)
    for short in _acronyms(text, shapes, profile):
        shapes.learn(short)
    for short in _listed_acronyms(text, shapes, profile):
        shapes.learn(short)
    for variant in _case_variants(text, shapes):
        shapes.learn(variant)
    for word in _suffixed(text, shapes):
        shapes.learn(word)
    # One scan of the whole text for the nouns, then `find` only where they stand.
    starts = piece_starts(pieces)
    heads: dict[int, list] = {}
    # (the scan of the whole book by an automaton of its own, `scanner`'s: `heads` reads short
    # texts, the index's headings, the words before a short name)
    scan = scanner(shapes.head_keys(), split_hyphens=True)
    for hs, he, head, value in scan.find(text):
        if head in shapes.ranks and not _ends_name(text, he, shapes):
            continue  # "party" before a noun, at every turn of a book on a party: no name's end
        k = bisect_right(starts, hs) - 1
        heads.setdefault(k, []).append((hs - starts[k], he - starts[k], head, value))
    # The register's own names too, as written, when `find` would not find them: the index's
    # ("Organization and Assignment Department") and an editor's, whatever their shape.
    # (`find` reads each name with the scan's matcher, its nouns found for all in one scan:
    # the keys are those of the scan, no word learnt since)
    shapes.heads_from(scan)
    first = orgs.first
    asked = [
        n
        for n, org in orgs.written.items()
        if len(n) > 2 and (registers.provenance(org) != registers.FROM_TEXT or n != first[org])
    ]
    scan.read_ahead(asked)
    odd = {n: orgs.written[n] for n in asked if not _whole(n, shapes)}
    named = Matcher(odd)
    mixed: set[int] = set()  # the pieces such a name stands in: their heads sorted again
    for hs, he, name, org in named.find(text):
        k = bisect_right(starts, hs) - 1
        heads.setdefault(k, []).append((hs - starts[k], he - starts[k], name, org))
        mixed.add(k)
    # `find` in the pieces a noun or name stands in, in their order; the others found nothing.
    # (A piece's nouns and names of the one scan come in their order, none overlapping another:
    # sorted already.)
    found: list[list[Found]] = [[] for _ in pieces]
    for k in sorted(heads):
        found[k] = find(pieces[k], shapes, heads=sorted(heads[k], key=_PLACE_OF) if k in mixed else heads[k])
    found = _concepts_dropped(found, shapes)
    found = _article_less(found, pieces, heads, shapes)
    found = _numbers_alone(found, pieces, shapes.text, starts)
    found = _in_capitals(found, shapes, starts, headings)
    holding = list(compress(count(), found))  # the pieces with a name (of a book's thousands)
    seen: dict[str, list[int]] = {}  # each name found -> the pieces it stands in
    for k in holding:
        for f in found[k]:
            if not f.bare:
                seen.setdefault(f.name, []).append(k)
    for name in sorted(seen):
        # (an acronym learnt, though a town bears it in another case, is a body: "the UN")
        learnt_acronym = len(name) == 2 and name in shapes.known and _town_in_another_case(name, profile)
        if orgs.find(name) is None and (learnt_acronym or not _is_place(name, profile)):
            # (the pieces asked whether they are a heading's only for the few names no entry
            # has, each only until one is not: a heading's element climbed to from each of the
            # thousand pieces with a name took longer)
            if all(k in headings for k in seen[name]) and _title_case(name, shapes):
                continue
            orgs.add(name, registers.FROM_TEXT, TEXT_SOURCE)
    found = _lower_case_nouns(found, pieces, orgs, shapes, starts)
    return _establishments_alone(found, pieces, orgs, shapes, starts)


def _suffixed(text: str, shapes: Shapes) -> list[str]:
    """The words of the text that end in a suffix of `[orgs] suffixes`, capitalised, three
    letters at least before it, and that the book never writes in lower case nor the profile
    or the gazetteer knows as a place: a body's name of one word made as a language makes its
    institutions' names ("Yugostal", "Yuzhmashtrest", "Kolkhoztsentr", "Moskanalstroi"; not
    "Crystal", a word the book writes in lower case too). Only for a profile that lists
    suffixes: read from the book's words counted (`Shapes.whole`) where given, not a scan."""
    if not shapes.suffixes:
        return []
    ends = "|".join(map(re.escape, sorted(shapes.suffixes, key=lambda x: (-len(x), x))))
    if shapes.whole is not None:
        shaped = re.compile(rf"[A-Z][a-z]{{2,}}(?:{ends})")
        words = {w for w in shapes.whole if w.endswith(shapes.suffixes) and shaped.fullmatch(w)}
    else:
        # (a word in quotation marks too: "the steel works of 'Azovstal' and 'Zaporozhstal'")
        words = set(re.findall(rf"(?<![\w-])(?<!\w['’])[A-Z][a-z]{{2,}}(?:{ends})(?![\w-])", text))
    return [
        w for w in sorted(words) if w not in shapes.known and not shapes.common(w) and not _is_place(w, shapes.profile)
    ]


def _concepts_dropped(found: list[list[Found]], shapes: Shapes) -> list[list[Found]]:
    """The names found, less those of one capitalised word and a noun of `[orgs] concepts` that
    the book writes in lower case too: a concept, no body ("development-oriented Information
    Society" beside "the emerging information society"; not "the Internet Society", which the
    book never writes so)."""
    names = {f.name for names in found for f in names if not f.bare and f.head in shapes.concepts}
    concepts = set()
    for name in names:
        words = name.split()
        if len(words) != 2 or words[-1] not in shapes.concepts:
            continue
        counts = uses_in_both_cases(name, shapes)
        if counts is not None and counts[0]:
            concepts.add(name)
    if not concepts:
        return found
    return [[f for f in names if f.bare or f.name not in concepts] for names in found]


# The words after which a noun without an article is a name ("before Congress", "an act of
# Congress"), and the words before a noun that make it a common noun ("every Congress").
_PREPOSITIONS = frozenset(
    "of to in into before by from with for on at upon through against between over under within without"
    " towards toward among about after".split()
)
_DETERMINERS = frozenset(
    "the a an this these those his her its their our your my every each any no some such another one".split()
)
_LOWER_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+)[ \t]*\n?[ \t]*$")


def lower_word_before(text: str, at: int) -> str | None:
    """`_LOWER_BEFORE.search(text, max(0, at - 30), at)`'s word: the lower-case word whole
    right before `at`, spaces, tabs and one line's end between (and one more right before
    `at`); read back from `at`, not searched for from each of the thirty characters before
    (asked at every noun of the book: "before Congress", "every Congress")."""
    k = at
    if k > 0 and text[k - 1] == "\n":
        k -= 1  # the pattern's `$` matches before a line's end that ends what it reads too
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] == "\n":
        k -= 1
        while k > 0 and text[k - 1] in " \t":
            k -= 1
    end = k
    lo = max(0, at - 30)
    while k > lo and "a" <= text[k - 1] <= "z":
        k -= 1
    if k == end or (k > 0 and (text[k - 1].isalnum() or text[k - 1] in "_'’-")):
        return None  # no such word, or the end of a longer one (the pattern's look-behind)
    return text[k:end]


_STOP_AFTER = re.compile(r"[ \t]*[.,;:!?)\"”’]")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?]['\"’”]?[ \t\n]+|\n\n|[(\"“‘][ \t]*)$")
_ARTICLE_LESS_USES = 2  # the uses after a preposition, before a stop or a little word, that make one a name


def _article_less(
    found: list[list[Found]], pieces: list[str], heads: Mapping[int, list], shapes: Shapes
) -> list[list[Found]]:
    """A noun the book writes without an article as a body's own name: "Congress" ("the
    President's speech before Congress on February 11", "in his Address to Congress on the
    8th January"), "Parliament". Such a noun, capitalised, stands two times at least after a
    preposition, before a stop or a little word, and the book never writes it in lower case
    ("in Council" beside "the council": an idiom's common noun; "Society" beside "society").
    It is then the name wherever it stands alone: after a lower-case word other than an
    article or a determiner ("every Congress": any one), or opening a sentence ("Congress,
    from the nonattendance of a few States"); and "the Congress" is that body too
    (`Shapes.proper`). (`heads`: the nouns found in each piece, by the piece's index.)"""
    uses: dict[str, list[tuple[int, int, int]]] = {}
    evidence: Counter = Counter()
    for k, hits in heads.items():
        piece = pieces[k]
        for hs, he, head, value in hits:
            if value is not None or head not in shapes.nouns or head in _NOT_ALONE or head in _ENDS_ONLY:
                continue
            if head in shapes.place_nouns or _CONTINUES.match(piece, he) or piece[he : he + 1] in "-'’":
                continue  # "Soviet Union"; "Congress Party", "Congress's": the name goes on
            before = lower_word_before(piece, hs)
            if before is None:
                if _SENTENCE_BEFORE.search(piece, max(0, hs - 6), hs) is None:
                    continue  # a capitalised word before it: a name's words, `find`'s
            elif before in _DETERMINERS:
                continue
            elif before in _PREPOSITIONS:
                after = _LOWER_WORD.match(piece, he)
                if _STOP_AFTER.match(piece, he) or (after is not None and after.group(1) in _LITTLE):
                    evidence[head] += 1
            uses.setdefault(head, []).append((k, hs, he))
    proper = {h for h, n in evidence.items() if n >= _ARTICLE_LESS_USES and not shapes.common(h)}
    if not proper:
        return found
    shapes.proper |= proper
    out = list(found)
    for head in sorted(proper):
        for k, hs, he in uses[head]:
            # (a noun described after "the", `_described`'s, is this body by its own name)
            kept = [f for f in out[k] if not (f.bare and f.start == hs and f.end == he)]
            if not any(f.start < he and hs < f.end for f in kept):
                out[k] = sorted([*kept, Found(hs, he, head, head, False)], key=lambda f: f.start)
    return out


_CARDINALS = frozenset(
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen"
    " Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred Thousand".split()
)
_NUMBERED = re.compile(r"[A-Z][\w'’-]* of ((?:[A-Z][a-z]+ )*[A-Z][a-z]+)$")  # "Council of Four", "of Five Hundred"


def _numbers_alone(found: list[list[Found]], pieces: list[str], text: str, starts: list[int]) -> list[list[Found]]:
    """A body named by its number of members ("the Council of Four", "the Council of Ten")
    that the text calls by the number alone after "the": "the intimate equality of the Four",
    and before it names the body too, as a book's opening chapter alludes to what a later one
    tells ("the President's house, where the Four fulfilled their destinies"); not before
    another capitalised word: "the Four Powers", "the Ten Commandments". (`text`: the pieces
    joined by blank lines, `starts` where each begins.)"""
    first: dict[str, str] = {}  # the number -> the name of its body as first written
    for k in compress(count(), found):
        for f in found[k]:
            numbered = _NUMBERED.search(f.name) if not f.bare and " of " in f.name else None  # (the pattern's words)
            if numbered and all(w in _CARDINALS for w in numbered.group(1).split()):
                first.setdefault(numbered.group(1), f.name)
    if not first:
        return found
    out = list(found)
    for number, name in sorted(first.items()):
        written = "the " + number
        for k in pieces_holding(written, text, starts):
            piece = pieces[k]
            for at in _uses(written, piece):
                hs, he = at + 4, at + len(written)
                if _CONTINUES.match(piece, he) or piece[he : he + 1] in "-'’":
                    continue
                if not any(f.start < he and hs < f.end for f in out[k]):
                    out[k] = sorted([*out[k], Found(hs, he, name, number, False)], key=lambda f: f.start)
    return out


def _in_capitals(
    found: list[list[Found]], shapes: Shapes, starts: list[int], headings: Container[int] = ()
) -> list[list[Found]]:
    """A body's name written in capitals among other words in capitals, the emphasis of a
    quotation in running text: "WITHOUT THE CONSENT OF CONGRESS", "BY AND WITH THE ADVICE
    AND CONSENT OF THE SENATE". The word is the name the book writes in lower case but for
    its capital: a noun it writes without an article as a body's own name (`Shapes.proper`:
    "Congress"), a known name ("Jacobins"), or a noun after "THE", which names the body of
    that noun as "the Senate" does. Not a word in capitals alone (an acronym's shape), nor
    in a heading. (`starts`: where each piece begins in `shapes.text`, the pieces joined
    by blank lines; `headings`: the pieces that are a heading's.)"""
    named = {w.upper(): w for w in shapes.proper | shapes.known if not w.isupper() and " " not in w}
    nouns = {
        w.upper(): w
        for w in shapes.nouns
        if " " not in w and w not in _NOT_ALONE and w not in _ENDS_ONLY and w not in shapes.place_nouns
    }
    if not named and not nouns:
        return found
    text = shapes.text
    out = found
    for word, start, end in shapes.capital_words():
        if word not in named and word not in nouns:
            continue
        before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
        if before is None and _CAPITAL_AFTER.match(text, end) is None:
            continue  # alone in capitals: an acronym's shape, or a word set apart
        k = bisect_right(starts, start) - 1
        if k in headings:
            continue
        hs, he = start - starts[k], end - starts[k]
        if word in named:
            f = Found(hs, he, named[word], named[word], False)
        elif before is not None and before.group(1) == "THE":
            f = Found(hs, he, nouns[word], nouns[word], True)
        else:
            continue
        if not any(g.start < he and hs < g.end for g in out[k]):
            if out is found:
                out = list(found)
            out[k] = sorted([*out[k], f], key=lambda g: g.start)
    return out


# A word in capitals before another, or after it, on its line: the words of an emphasis.
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’-])([A-Z]{2,})[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]{2,}(?![\w'’-])")


# A name listed with "other" establishments of a kind: "to place Sormovo and other works under
# military discipline", "at other works, such as Sormovo in Nizhnyi Novgorod".
# (Each written so that `re` seeks a capital or "other" first, the look-behind after it: the
# look-behind or `\b` first made it try every position of the pieces that hold " other ".)
_AND_OTHER = re.compile(r"([A-Z](?<![\w'’-].)[\w'’-]+) and other ([a-z]+)\b")
_OTHER_SUCH_AS = re.compile(
    r"other(?<!\wother) ([a-z]+),? (?:such as|like|including) ([A-Z][\w'’-]+)(?![\w'’-]| [A-Z])"
)


_PLACE_OF = itemgetter(0, 1)  # (start, end) of a noun or name found, as `Matcher.find` gives it


def piece_starts(pieces: list[str]) -> list[int]:
    """Where each of `pieces` begins in them joined by blank lines (summed in C: a generator
    for each of a book's tens of thousands of pieces took longer)."""
    return [0, *accumulate(map(_PLUS_BLANK_LINE, map(len, pieces[:-1])))]


_PLUS_BLANK_LINE = (2).__add__


def pieces_holding(part: str, text: str, starts: list[int]) -> list[int]:
    """The indexes of the pieces that hold `part` (no line's end in it), in order: `text`
    is the pieces joined by blank lines, `starts` where each begins (`piece_starts`). Found
    by `str.find` in `text`, from each piece found to the next one's start, not asked of
    each of a book's tens of thousands of pieces in turn. (Where `part` is found in `text`
    it lies in one piece: no blank line between two is in it.)"""
    out: list[int] = []
    last = len(starts) - 1
    at = text.find(part)
    while at >= 0:
        k = bisect_right(starts, at) - 1
        out.append(k)
        at = text.find(part, starts[k + 1]) if k < last else -1
    return out


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun if noun.endswith("s") else noun + "s"


def _establishments_alone(
    found: list[list[Found]], pieces: list[str], orgs: Orgs, shapes: Shapes, starts: list[int] | None = None
) -> list[list[Found]]:
    """An establishment the register names by a name and its noun ("the Sormovo works") is
    named by the name alone where the text lists it with other establishments of that kind
    ("Sormovo and other works", "other works, such as Sormovo"): one organisation, not the
    town the works are in. Not where another name is found already. (`starts`:
    `piece_starts(pieces)`, when found already.)"""
    plurals = {_plural(n): n for n in shapes.establishments}  # "factories": "factory"; "works": "works"
    out = list(found)
    starts = piece_starts(pieces) if starts is None else starts
    others = tuple(f"other {plural}" for plural in plurals)  # what a listed establishment's piece holds
    for k in pieces_holding(" other ", shapes.text, starts):  # the few pieces with " other " (one scan)
        piece = pieces[k]
        if not any(other in piece for other in others):
            continue  # "other towns", "each other": the patterns' plurals all of no establishment's kind
        spans = [(m.start(1), m.end(1), m.group(1), m.group(2)) for m in _AND_OTHER.finditer(piece)] + [
            (m.start(2), m.end(2), m.group(2), m.group(1)) for m in _OTHER_SUCH_AS.finditer(piece)
        ]
        extra = []
        for start, end, name, plural in spans:
            noun = plurals.get(plural)
            if noun is None:
                continue  # "Sormovo and other towns": of no establishment's kind
            org = orgs.find(f"{name} {noun}")
            if org is not None and not any(f.start < end and start < f.end for f in out[k]):
                extra.append(Found(start, end, names(org)[0], noun, False))
        if extra:
            out[k] = sorted([*out[k], *extra], key=lambda f: f.start)
    return out


def _title_case(name: str, shapes: Shapes) -> bool:
    """Whether the book writes `name` with the words it writes in lower case elsewhere so
    ("Party Organization": "party organization"; "Stalin Group": "Stalin group"): its
    capitals a heading's, not a name's."""
    lowered = " ".join(w.lower() if shapes.common(w) else w for w in name.split())
    return lowered != name and _written(lowered, shapes.text)


def _lower_case_nouns(
    found: list[list[Found]], pieces: list[str], orgs: Orgs, shapes: Shapes, starts: list[int] | None = None
) -> list[list[Found]]:
    """A name the book writes with its noun in lower case too ("the Ukrainian Communist
    party" beside "the Ukrainian Communist Party"): the same organisation. Only names of two
    words or more the book or the register gives with the noun capitalised, none of their
    other words a place's or a person's ("the Zinoviev-Kamenev opposition" names the two),
    and not where another name is found already, nor opening a sentence with a common word
    ("Trade union membership had grown": the book's "Trade Union" is a title's words).
    (`starts`: `piece_starts(pieces)`, when found already.)"""
    variants: dict[str, str] = {}
    for name in orgs.written:
        words = name.split()
        if (
            len(words) >= 2
            and words[-1] in shapes.nouns
            and all(w[:1].isupper() for w in words)
            and not _place_or_people(" ".join(words[:-1]), shapes.profile)  # "the Moscow party": a place's
            and not any(part in shapes.surnames for w in words[:-1] for part in w.split("-"))
        ):  # nor persons' ("the Zinoviev-Kamenev opposition": the two are marked)
            variants.setdefault(" ".join([*words[:-1], words[-1].lower()]), name)
    if not variants:
        return found
    # One scan of the pieces joined by blank lines (`shapes.text`), which no variant holds,
    # each match then dealt to its piece: a call into the automaton for each of the book's
    # thousands of pieces, most without a variant, took longer than the scan.
    starts = piece_starts(pieces) if starts is None else starts
    written: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, _, name in Matcher(variants).find(shapes.text):
        k = bisect_right(starts, start) - 1
        written.setdefault(k, []).append((start - starts[k], end - starts[k], name))
    out = list(found)
    for k, matches in written.items():
        piece, names = pieces[k], found[k]
        extra = [
            Found(start, end, name, name.split()[-1], False)
            for start, end, name in matches
            if not any(f.start < end and start < f.end for f in names)
            and not _CONTINUES.match(piece, end)
            and _words_before(piece, start, shapes, True) in (-1, start)
            and not (_opens_sentence(piece, start) and shapes.common(name.split()[0]))
        ]
        if extra:
            out[k] = sorted([*names, *extra], key=lambda f: f.start)
    return out


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence or the text: its capital may be the
    sentence's only ("Trade union membership had grown"); not a quotation's first word,
    which a name may open ("denounced the 'Anti-Party group'")."""
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?"


def _acronyms(text: str, shapes: Shapes, profile) -> list[str]:
    """Acronyms the text uses as a body's name, without saying what they stand for: three
    capitals or more ("NKVD", "MGB", "BBC") written after "the" twice or more, as English
    writes an organisation's acronym and a country's ("the USSR": a place, never taken;
    two capitals are no town the gazetteer writes in another case, "the UN" beside Un in
    India: longer, they may be a word in capitals, "the POSSE COMITATUS" beside Posse);
    a Roman numeral's letters only where no use is before another capitalised word (not
    "the XV Congress"); two capitals only where most uses are not ("the CC's commissar",
    "the CC and CCC"; "the UN" seven times, once in "the UN ICT Task Force").
    Not a person's name, a word the text writes in lower case too ("the
    VOICE": emphasis), nor an acronym the text or the index spells out
    (in brackets after the words, or the words in brackets after it) other than as an
    organisation's ("New Economic Policy (NEP)", "Machine Tractor Stations (MTS)": a short
    name taken already is known), one written in the plural ("MTSs", "SRs": members or
    things, not a body), nor one the text joins to a place ("Ukraine and the RSFSR"), nor
    an era's abbreviation ("the 5th century BC", `eras.era_word`)."""
    found: Counter = Counter()
    named: Counter = Counter()  # the uses before another capitalised word: "the XV Congress"
    written = shapes.written if text is shapes.text else lambda word: _written(word, text)
    for m in _THE_ACRONYM.finditer(text):
        found[m.group(1)] += 1
        named[m.group(1)] += _CONTINUES.match(text, m.end()) is not None
    out = []
    for short, n in sorted(found.items()):
        if (
            n < _ACRONYM_USES
            or short in shapes.known
            or short in shapes.nouns
            or (_ROMAN.fullmatch(short) and named[short])  # "the XV Congress"
            or (len(short) < 3 and 2 * named[short] >= n)  # "the CC" alone; "the UN" 7 times, once before "ICT"
            or short in shapes.surnames
            or short.lower() in shapes.stops
            or eras.era_word(short)  # "the 5th century BC": an era, no body
            or written(short.lower())  # "the VOICE": a word written in capitals
            # (before the searches of the book below: "the USSR"; not "the UN", Un a town)
            or (_is_place(short, profile) and not (len(short) == 2 and _town_in_another_case(short, profile)))
            or _spelt_out_before(short, text, shapes)
            # (the acronym's uses found once, for both: each a search of the whole book)
            or _spelt_out_otherwise(short, text, shapes, uses := list(_uses(short, text)))
            or written(short + "s")
            or _with_a_place(short, text, profile, uses)
        ):
            continue
        out.append(short)
    return out


_CAPITALS = re.compile(r"(?<![\w'’-])[A-Z]{3,}(?![\w'’-])")
# `_CAPITALS`' runs of capitals, found by `regex`: `re` tries its lookbehind at every place
# of the book (some 20 ms a book), `regex` finds the runs in a tenth of that. The engines'
# `\w` differ (`regex` counts combining marks and joiners in), so `_capital_words` tests
# the neighbours with `re`'s own `\w` (`str.isalnum()` or "_"), not `regex`'s.
_CAPITAL_RUNS = regex.compile(r"[A-Z]{3,}")


def _joins_a_word(char: str) -> bool:
    """Whether `char` is one `_CAPITALS`' lookarounds exclude beside a run: a character of
    `re`'s word characters (alphanumeric or "_"), an apostrophe or a hyphen."""
    return char.isalnum() or char == "_" or char in "'’-"


def _capital_words(text: str) -> Iterator[tuple[str, int, int]]:
    """What `_CAPITALS.finditer(text)` finds, as (word, start, end): a run of three capitals
    or more that no letter, digit, "_", apostrophe or hyphen touches. A run of capitals
    either matches whole or not at all (a shorter match would have a capital beside it), and
    no match starts inside a run, so the runs `regex` finds, tested at both ends, are all."""
    end_of_text = len(text)
    for run in _CAPITAL_RUNS.finditer(text):
        start, end = run.span()
        if (start and _joins_a_word(text[start - 1])) or (end < end_of_text and _joins_a_word(text[end])):
            continue
        yield run.group(), start, end


# A word a comma, "and" or "or" joins to a word before or after it in a list: "the OECD and
# APEC", "OECD, ITU, APEC", "ITU, WIPO, and UNESCO" ("the" before it may be); or a slash
# between them, no space: "ICANN/IANA", two bodies named as one.
_LISTED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)(?:(?:,(?: and| or)?| and| or) (?:the )?|/)$")
_LISTED_AFTER = re.compile(r"(?:(?:,(?: and| or)?| and| or) (?:the )?|/)([A-Z][\w'’-]*)(?![\w'’-])")
_LISTED_USES = 2


def _listed_acronyms(text: str, shapes: Shapes, profile) -> list[str]:
    """Acronyms of three capitals or more that the text lists with a body it names by a known
    name or short name (joined by a comma, "and", "or" or a slash: "the OECD and APEC", "ITU,
    WIPO, and UNESCO", "ICANN/IANA") twice or more: bodies too, as `_acronyms` takes those
    written after "the", and with the same exceptions (a place, a word the text writes in
    lower case, one it spells out in brackets after it, in the plural or joined to a place's
    name, a known body's name no place there). Words the acronym follows in brackets do not
    make it a policy's or a thing's ("New Economic Policy (NEP)"): listed so with bodies, it
    is a body whose name ends in no body's noun ("Internet Assigned Numbers Authority
    (IANA)"). Not one the text writes only joined by a slash to another: part of one name
    ("UN/CEFACT", `_slashed`)."""
    listed: Counter = Counter()
    for short, start, end in shapes.capital_words() if text is shapes.text else _capital_words(text):
        if short in shapes.known:
            continue
        before = _LISTED_BEFORE.search(text, max(0, start - 40), start)
        after = _LISTED_AFTER.match(text, end)
        if any(joined is not None and joined.group(1) in shapes.known for joined in (before, after)):
            listed[short] += 1
    written = shapes.written if text is shapes.text else lambda word: _written(word, text)
    out = []
    for short, n in sorted(listed.items()):
        if (
            n < _LISTED_USES
            or short in shapes.nouns
            or short in shapes.surnames
            or short.lower() in shapes.stops
            or eras.era_word(short)
            or written(short.lower())
            or _is_place(short, profile)
            or _spelt_out_otherwise(short, text, shapes, uses := list(_uses(short, text)))
            or written(short + "s")
            or _with_a_place(short, text, profile, uses, shapes.known)
            or all(_slashed(text, at, short) for at in uses)
        ):
            continue
        out.append(short)
    return out


def _slashed(text: str, at: int, short: str) -> bool:
    """Whether a slash joins the acronym at `at` to the word before or after it: one name
    where the text never writes the acronym without ("UN/CEFACT", a UN centre), two bodies
    where it does ("ICANN/IANA", and "IANA" alone)."""
    end = at + len(short)
    return (at > 0 and text[at - 1] == "/") or text.startswith("/", end)


def _case_variants(text: str, shapes: Shapes) -> list[str]:
    """The other cases the text writes a known short name in, where the name has two
    capitals or more, as the text's does: the index's "NKTyazhProm" is the text's
    "NKTyazhprom" (not "Sto", a Russian title's word beside "STO"; nor "PRESIDIUM", a heading
    in capitals). Sought in the text in lower case, all in one scan."""
    names = {k.lower(): k for k in sorted(shapes.known) if sum(c.isupper() for c in k) >= 2 and " " not in k}
    if not names:
        return []
    if "\u0130" in text:
        return []  # a letter whose lower case is longer, "İ": the places in `text.lower()` would not be the text's
    matcher = Matcher(names)
    scanned = text
    if ascii_lowered(matcher.keys, text):
        # the text's bytes in ASCII lower case (`LatinScan`), not `text.lower()` (2.7 ms on the
        # bundled book, the scan of its bytes after it 0.5 ms more): the same places, the
        # words around them told in `text` as they would be in its lower case (a character
        # and its lower case are both letters or digits, or neither)
        matcher.automaton = LatinScan(matcher.keys, lower=True).as_automaton()
    else:
        scanned = text.lower()
    out: set[str] = set()
    for start, end, _, name in matcher.find(scanned):  # one scan for them all
        written = text[start:end]
        # (most places write the name as it is: its capitals counted only where they do not)
        if written != name and not written.isupper() and written not in shapes.known:
            if sum(c.isupper() for c in written) >= 2:
                out.add(written)
    return sorted(out)


def _uses(word: str, text: str):
    """Where `text` writes `word` as a word of its own, found by `str.find` (a pattern
    searched for each acronym through the whole book took a quarter of a second)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end == len(text) or not _word_char(text[end])):
            yield at
        at = text.find(word, end)


def uses_in_both_cases(word: str, shapes: Shapes) -> tuple[int, int] | None:
    """How often `shapes.text` writes `word` in lower case and as it is (`_uses` of each,
    counted), from one search of the text's Latin-1 bytes in ASCII lower case (`Shapes.lowered`)
    for the word in lower case, each place read in the text: not two searches of the whole
    book. None for a word the search cannot count so: one not of ASCII characters alone, or
    with a "?" (a character Latin-1 has not in the text), or one whose lower case two places
    may overlap in ("Abab": `_uses` counts those it reads first)."""
    lower = word.lower()
    if not word.isascii() or "?" in word or any(lower[:k] == lower[-k:] for k in range(1, len(lower))):
        return None
    text, lowered, key = shapes.text, shapes.lowered(), lower.encode("ascii")
    size, n = len(text), len(word)
    in_lower = as_written = 0
    at = lowered.find(key)
    while at >= 0:
        end = at + n
        written = text[at:end]
        if (written == lower or written == word) and (
            (at == 0 or not _word_char(text[at - 1])) and (end == size or not _word_char(text[end]))
        ):
            in_lower += written == lower
            as_written += written == word
        at = lowered.find(key, end)  # (the places of a word that none overlaps: each read)
    return in_lower, as_written


def _with_a_place(short: str, text: str, profile, uses: list[int] | None = None, bodies: Container[str] = ()) -> bool:
    """Whether the text joins an acronym to a place's name by "and" or "or": a place too
    ("between Ukraine and the RSFSR"). The acronym's uses are found first (`_uses`; `uses`,
    when found already), the words either side looked at there; a word of `bodies` is a
    body's name, though a town bears it too ("the OECD, ITU and APEC": no Itu)."""
    for start in _uses(short, text) if uses is None else uses:
        before = _JOINED_BEFORE.search(text, max(0, start - 60), start)
        after = _JOINED_AFTER.match(text, start + len(short))
        for joined in (before, after):
            if joined is not None and joined.group(1) not in bodies and _is_place(joined.group(1), profile):
                return True
    return False


_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]*\n?[ \t]*$")


def _spelt_out_before(short: str, text: str, shapes: Shapes) -> bool:
    """Whether the text writes an acronym in brackets after words that it stands for ("New
    Economic Policy (NEP)"): not after a person's name, where it names the body the person
    served ("G. G. Yagoda (OGPU)", "Ordzhonikidze (CCC)")."""
    bracketed = f"({short})"
    at = text.find(bracketed)
    while at >= 0:
        before = _WORD_BEFORE.search(text, max(0, at - 60), at)
        if before is None or _APOSTROPHE_S.sub("", before.group(1)) not in shapes.surnames:
            return True
        at = text.find(bracketed, at + 1)
    return False


def _spelt_out_otherwise(short: str, text: str, shapes: Shapes, uses: list[int] | None = None) -> bool:
    """Whether the text gives words in brackets after an acronym ("NEP (New Economic
    Policy)"), none of them an organisation's name ("the Ukrainian MVD (Ukrainian Ministry
    of Internal Affairs)", "GPU (the Chief Political Administration, the secret police)"
    are one). `uses`: the acronym's uses (`_uses`), when found already."""
    spelt = [  # what the brackets say before a comma, "the" left out; another short name says nothing
        words
        for m in (_BRACKETS_AT.match(text, at + len(short)) for at in (_uses(short, text) if uses is None else uses))
        if m is not None
        and len((words := re.sub(r"^the\s+", "", re.split(r"[,;]", m.group(1))[0].strip())).split()) > 1
    ]
    return bool(spelt) and not any(
        (found := find(words, shapes)) and not found[-1].bare and found[-1].end == len(words.rstrip())
        for words in spelt
    )


def _short_name(orgs: Orgs, text: str, m: re.Match, shapes: Shapes, profile) -> None:
    """An acronym in brackets right after an organisation's name: another name of it; and
    a word "or" joins to the acronym there, a third ("People's Commissariat of Workers' and
    Peasants' Inspection (NKRKI or Rabkrin)"), where it is no common word ("(NKVD or
    police)" is lower-case anyway)."""
    short = m.group(1)
    if not _ACRONYM.fullmatch(short):
        return
    town = not shapes.short_name(short, profile)  # "(ITU)": the body's only where it spells its name
    if town and (short in shapes.surnames or short.lower() in shapes.stops or not short.isupper()):
        return
    other = m.group(2)
    if other is not None and (not shapes.short_name(other, profile) or shapes.common(other)):
        other = None
    stop = m.start()
    while stop and text[stop - 1] in " \t\n":
        stop -= 1
    cut = max(0, stop - _LOOK_BACK)
    before = find(text[cut:stop], shapes)
    if (
        before
        and not before[-1].bare
        and before[-1].end == stop - cut
        and not _is_place(before[-1].name, profile)
        and not _spells_more(short, text[cut:stop], before[-1].start)
        and (not town or _town_spelt_out(short, before[-1].name, profile))
    ):
        full = before[-1].name
        org = orgs.find(short)  # the index may give either alone
        if org is None:
            org = orgs.find(full)
        if org is None:
            org = orgs.add(full, registers.FROM_TEXT, TEXT_SOURCE)
        orgs.add_name(org, full)
        for name in (short, other) if other else (short,):
            orgs.add_name(org, name)
            shapes.learn(name)


_INITIALS_OF = re.compile(r"[A-Z][\w'’]*(?:-[\w'’]+)*|[a-z]+")


def _spells_more(short: str, before: str, start: int) -> bool:
    """Whether an acronym in brackets spells the initials of capitalised words reaching
    back past `start`, where the organisation's name found in `before` begins: it abbreviates
    the longer name, which the name found only ends ("World Summit on the Information Society
    (WSIS)": a summit, not the Information Society; "Organisation for Economic Co-operation
    and Development (OECD)" is the name found). Words in lower case between are skipped."""
    if not short.isupper():
        return False
    letters = short
    for m in reversed(list(_INITIALS_OF.finditer(before))):
        word = m.group()
        if word.islower():
            continue
        if not letters or word[0] != letters[-1]:
            return False
        letters = letters[:-1]
        if not letters:
            return m.start() < start
    return False


def _in_heading(el) -> bool:
    """Whether a text node's element is a heading's or inside one (a label, a hi)."""
    while el is not None:
        tag = el.tag
        if tag == _HEAD:
            return True
        if tag in _BLOCKS:
            return False
        el = el.getparent()
    return False


_HEAD = q("head")
_BLOCKS = frozenset(q(t) for t in ("p", "note", "item", "div", "body", "front", "back", "quote", "cell", "l"))


class HeadingPieces:
    """The text nodes of `regions` (all of them in turn, as `matching.marked_text` gives
    them) that are a heading's, by their indexes: `k in headings` is `_in_heading` of the
    element of the k-th text node, climbed from when asked. The pass asks of the text nodes
    that hold an organisation's name only, a few hundred or thousand of a book's tens of
    thousands: the headings' elements found in a walk of every division (a poem's lines
    too), and every text node's element looked up among them, took longer."""

    def __init__(self, regions: list[list[Slot]]) -> None:
        self.regions = regions
        self.starts = list(accumulate(map(len, regions), initial=0))  # each region's first index

    def __contains__(self, k: object) -> bool:
        if not isinstance(k, int) or not 0 <= k < self.starts[-1]:
            return False
        r = bisect_right(self.starts, k) - 1
        return _in_heading(self.regions[r][k - self.starts[r]][0])


class OrgMarks:
    """The orgName of a mention of an organisation, linked to its entry: a copy of one made
    for that organisation at its first mention (lxml copies it, its link with it, in C: an
    element made and its link set for each of a book's thousands of mentions took three
    times as long). `used`: the ids of the organisations marked, each added at its first."""

    def __init__(self, tei, used: set[str]) -> None:
        self.tei = tei
        self.used = used
        self._made: dict[Any, etree._Element] = {}  # an organisation's entry -> its first mark

    def mark(self, org) -> etree._Element:
        made = self._made.get(org)
        if made is None:
            made = self._made[org] = mark_of(self.tei, org)
            self.used.add(org.get(XML_ID))
        return made.__copy__()


def mark_of(tei, org) -> etree._Element:
    """A new orgName linked to the organisation `org` (the plain form of `OrgMarks.mark`)."""
    el = make_in(tei, "orgName")
    el.set("ref", f"{registers.ORGS_FILE}#{org.get(XML_ID)}")
    return el


# How many times at least a book writes a noun alone after "the" for each time it writes it in
# a name (`book_names`).
_ALONE_SHARE = 2


def book_names(found: list[list[Found]]) -> set[str]:
    """The nouns that name a body alone after "the" in this book (`find`'s bare names, of
    the book's pieces, `found`): those the book writes alone twice as often at least as in
    the names they end or head. Such a noun is the book's name for the body ("the
    Convention" 176 times beside "National Convention" once; "the Senate"); a noun the book
    writes in full names as often is a common noun standing for one of them ("the
    Commission" 42 times beside "the Reparation Commission" 52 and six other commissions,
    "the Conference", "the Council"). Asked only of a book whose Subject Index lists no
    organisation: in the bundled book, whose index lists them, the rule took two common
    nouns from its development samples ("the Council" for VTsSPS, "the Commission") but
    also one body its held-out samples mark."""
    alone: Counter = Counter()
    named: Counter = Counter()
    for names in filter(None, found):  # the pieces with a name, a few of a book's thousands
        for f in names:
            if f.bare:
                alone[f.head] += 1
            else:
                named[f.head] += 1
    return {head for head, n in alone.items() if n >= _ALONE_SHARE * named[head]}


# How many times at least a book writes a noun alone after "the" for the noun to be a body's
# own name (`own_names`): "the College" once is a common word's capital.
_OWN_NAME_USES = 3


def _country_s(name: str, head: str, country_of: Callable[[str], bool]) -> bool:
    """Whether a name is its noun after words that say only whose country's body it is ("the
    Roman Senate"), not a longer name ("the Convention of Pennsylvania")."""
    return name.endswith(" " + head) and country_of(name[: -len(head)].strip())


def own_names(found: list[list[Found]], country_of: Callable[[str], bool]) -> dict[str, str]:
    """The nouns that are a body's own name in this book (of `find`'s names in the book's
    pieces, `found`), each with the name of its body: a noun written alone after "the" three
    times or more, in no longer name, or in one only that says no more than whose country's
    body it is (`country_of` its words before the noun: "the Senate" eight times, "the Roman
    Senate" once: the Roman Senate; "the Church" in a book that names no church: the Church).
    Such a noun names its body from its first use, before the longer name too. Not a noun of
    another body's name ("the Convention" of the Federalist beside "the Convention of
    Pennsylvania"), nor of several ("the Court" beside the Revolutionary Court)."""
    alone: Counter = Counter()
    named: dict[str, set[str]] = {}
    for names in filter(None, found):
        for f in names:
            if f.bare:
                alone[f.head] += 1
            else:
                named.setdefault(f.head, set()).add(f.name)
    own = {}
    for head, n in alone.items():
        longer = named.get(head, set())
        if n >= _OWN_NAME_USES and len(longer) <= 1 and all(_country_s(name, head, country_of) for name in longer):
            own[head] = next(iter(longer), head)
    return own


def apply(tei, ctx: Context):
    """Find, register and mark the organisations of the book."""
    reg = ctx.registers["org"]
    regions = marked_text(ctx)
    pieces = [text for found in regions for _, _, text in found]
    surnames = {text_of(s) for s in ctx.registers["person"].list.iter(q("surname"))}
    shapes = Shapes.of(
        ctx.profile, "\n\n".join(pieces), frozenset(surnames), whole=word_counts(ctx).whole, pieces=pieces
    )
    orgs = Orgs(reg, ctx.profile)
    divs = ctx.view(registers.INDEX_DIVS, registers.index_divs)
    seed(orgs, tei, shapes, ctx.profile, divs, registers.book_subject_terms(ctx))
    headings = HeadingPieces(regions)
    found = discover(orgs, pieces, shapes, ctx.profile, headings)  # each piece's names, in turn
    last: dict[str, etree._Element] = {}  # a noun -> the organisation of that noun named last
    used: set[str] = set()
    counts: Counter = Counter()
    # (a book whose Subject Index lists organisations keeps every noun alone: see `book_names`)
    indexed = any(registers.provenance(org) == registers.FROM_INDEX for org in reg.entries.values())
    alone = None if indexed else book_names(found) | shapes.proper
    own = {} if indexed else own_names(found, shapes.country_of)

    marks = OrgMarks(tei, used)

    def spans_of(names: list[Found]) -> list:  # the pieces' names in their order: `last` follows them
        spans = []
        for f in names:
            if f.bare:
                org = last.get(f.head) if alone is None or f.head in alone else None
                if org is None and f.head in own and (alone is None or f.head in alone):
                    org = last[f.head] = orgs.add(own[f.head], registers.FROM_TEXT, TEXT_SOURCE)  # (or its entry)
                if org is None:
                    continue  # none of this noun named yet ("the Court" is the king's), or a common noun
            else:
                org = orgs.find(f.name)
                if org is None:
                    continue  # a place's name (see discover)
                last[f.head] = org
            spans.append((f.start, f.end, marks.mark(org)))
        counts["orgName"] += len(spans)
        counts["linked"] += len(spans)  # (every mark links its organisation)
        return spans

    # `matching.mark(ctx, find)` for a `find` handed each piece in turn, the pieces without a
    # name not visited (most of a book's)
    at = 0  # the first piece of the region
    for slots in regions:
        spans = {k - at: spans_of(found[k]) for k in compress(range(at, at + len(slots)), found[at : at + len(slots)])}
        at += len(slots)
        wrap_slots_at(slots, spans)
    for org in list(reg.added):
        if org.get(XML_ID) not in used and registers.provenance(org) != registers.FROM_INDEX:
            reg.remove(org)
    ctx.report.counts["orgs"] = len(reg.entries)
    ctx.report.counts["orgName"] = counts["orgName"]
    ctx.report.counts["orgName_linked"] = counts["linked"]
    return tei
