"""Places in a book without an index: names taken from the text on evidence only.

With no index to say which names are places, a capitalised word is a place when the
gazetteer knows it under that very name (not only as another name of somewhere else:
"Wilson" is no name of Uptown, Chicago) and the text uses it as a place:

- a country, continent or state after a preposition of place or after "of"/"and"
  ("the people of Virginia", not "the Prince of Orange"), and so a region or former
  state the profile lists (`[places] regions`: England, Bohemia, Kent, the United
  Provinces — one of two words after "the" too when a lower-case word follows, "the
  deputies of the United Provinces have"; with the pack "classical" the cities of antiquity, states as much as
  towns: "the vast projects of Rome"); so after a
  ruler's title too ("the Empress of Russia", "the Duke of Bavaria"; not a town's name,
  "the Prince of Orange");
- a country under its own name in the gazetteer wherever the book writes it inside a
  sentence, cue or none ("than Poland before the late dismemberment"; not "America",
  another name of the United States), when it is no forename, honorific, person's name or
  word the book writes in lower case ("Chad", "turkey"), nor a name the book writes before a
  comma and a person's noun with "of" ("Niger, head of the Asiatic army": a man);
- a city of 50,000 people or more only after a preposition of place ("in Bath", "to
  Canterbury"; a forename too where it names a city of 100,000 or more and the persons'
  pass found no one of that name: "to Florence"), never after "of" ("the Prince of
  Orange", "a pile of Bolton sheeting"),
  nor after "the" when a lower-case word follows ("in the Roman republic"); and only
  where one use of its name in five, at least, follows such a preposition (the book that
  writes "to Davie" twice and "Davie" twenty-seven times means a man); a city of a million
  people or more after "of" too, as a country is ("the endurance of Rome", "those of
  Alexandria"; not after a title of rank, "the Duke of Milan", nor a forename), where one
  use of its name in five, at least, follows "of" or a preposition of place;
- a country's first-level region (ISO 3166-2: "Vaud", "Bretagne") after a preposition of
  place, or twice after "of"/"and";
- a smaller town twice or more after a locative (`[places] locatives`: "at Fishbourne",
  not "quotes from Homer"), and after a preposition of place in half its uses at least;
  without a GeoNames id, as many towns share a name; a town of 15,000 people or more
  (the gazetteer's well-known part) once after a locative, when the book writes it
  nowhere but after a preposition of place and lists it with no person ("occurred at
  Leamington", not "in Cowley, Milton, and Pope");
- another name the gazetteer knows of a country, state or city of 100,000 people or
  more, one word, after a preposition of place in half its uses at least ("at Treves",
  Trier; "Fiume", Rijeka), never a forename; a name hyphenated as older books write it
  is the name written whole ("Czecho-Slovakia");
- a name no gazetteer holds (a house, an estate, a village of the story) three times or
  more after a locative ("at Langmere") and after a preposition of place in half its uses,
  or four times or more after a preposition of place and in two uses of three, once after
  a locative ("to Stamton", "in Stamton"); seldom before a lower-case word other than a
  function word ("the French army": a language, a people; "to Stamton that day": a town);
- a town whose people the book names after it, plural, after "the" ("the Pisans", "the
  Sienese", "the Athenians"): a city of the gazetteer's well-known part of that very name,
  wherever written ("he pounced down upon Pisa"), when it is no person's name, forename or
  word the book writes in lower case ("the Sirens": "sire");
- a name the book says is a town, a village, a river, a mountain or another kind of place,
  and where it lies, in apposition or after "is"/"was" ("Caieta, a town in Latium", "The
  Elsa is a river in Tuscany", "Bismantova, a mountain in the duchy of Modena"; not "a city of
  hermits"): a place of that kind wherever written, gazetteer or none, when it is no person's
  name, honorific or word the book writes in lower case;
- a name after "the" and a kind of place written in lower case before it ("the river Reno",
  "the isle of Lemnos", "the port of Rotterdam", "the plain of Roncesvalles"): a place of that
  kind wherever written, gazetteer or none, when it is no person's name, honorific, word the
  book writes in lower case nor the first of two capitalised words;
- a name opened by a word of English (`registers.FEATURE_FIRST_WORDS`: "Mount", "Lake",
  "Cape") or of the profile (`[places] first_words`, the default's "Monte", "Mont", "Val"):
  "Mount Tabor", "Monte Aperto", "Lake Champlain", the two words wherever written, when the second is no person's name, honorific, word the book writes
  in lower case nor place found already ("Mount Etna": Etna), and no capitalised word but a
  function word stands before them ("Salt Lake City");
- such a word, a particle of "of" (`[places] first_word_links`, the default's Italian "di",
  "d’": "Val di Chiana", "Val d’Arno", "Val d’ Elsa") and a capitalised word, wherever
  written: a place of the word's type, another than the name after the particle names (the
  valley of the Arno, not the river), when that name is no person's name, honorific, forename
  nor word the book writes in lower case;
- a town whose name opens with a word of the profile (`[places] town_first`, the default's
  "Port" and "Fort"), after a cue ("at Port Burdock");
- a capitalised word and "River" wherever written ("dam up the Yangtsze River"): a river, the
  word no person's name, honorific nor word the book writes in lower case, unless the
  gazetteer's own list knows the whole ("the Yellow River");
- one name before "and other" or "and the other" and a plural word for places, a few words
  maybe between ("from Khotan and other Central Asian states", "Kutcha and the other
  kingdoms"): a place of that kind, not an adjective after "the" ("the American and other
  republics");
- "the", one or two capitalised words and a capitalised word for a region or for islands
  ("Region", "Peninsula", "Islands", "Isles": "in Africa and the Arab Region", "the three
  Balearic Islands"), no word of it one the book writes in lower case: one place;
- a name and "Valley", "Falls" or "Forest" wherever written ("above Keene Valley", "Epping
  Forest"), the first word none the book writes in lower case ("Happy Valley"), nor a
  title quoted whole (Pope's “Windsor Forest.”);
- a name that opens with a word of the profile for a hill, a lake or a valley (`[places]
  openings`; the pack "scots": "Ben", "Loch", "Glen", "Strath", "Inver"), that word and a
  capitalised one joined by a hyphen wherever written ("frae aff Ben-Lomond", "Loch-Ness"),
  written as one word after a preposition of place ("the folk about Glenconner", "beyond
  Benledi"; not "Glencairn" alone, an earl), when it is no word the book writes in lower
  case ("Beneath"), honorific, forename nor person's name;
- a town of the book's own land (`[places] home`), or a place of the gazetteer's well-known
  part, after a person's name and "of", his home ("Dr. Peter Wodrow of Tarbolton", "Dr.
  Taylor of Norwich"), wherever the book writes it;
- a name and a feature of a place of the profile, capitalised as part of the name ("in
  Kellyburn Braes", "Cessnock Banks"), when the first word is no word the book writes in
  lower case, no honorific, and opens no sentence;
- a name after a feature of a place of the profile (`[places] features`) and one of its
  `feature_links` ("the banks of Cree", "the streets of Stamton"; with the pack "scots",
  "the braes o' Nith", verse eliding "of"), or after a word for its folk (`[places] folk`:
  "the lass o' Inverness"), either word written with a capital too ("the bonie Lass of
  Albany"), as after a town's or a district's word and "of" ("the village of Easewood"), when
  it is no word the book writes in lower case nor a possessive; so after a state's word and
  "of" ("the state of Genoa", "the republic of Venice", "the canton of Berne": a country or a
  region; so a bishop's territory, "the diocese of Coutance", "the bishopric of Naples"; not
  "the kingdom of God", a deity's, nor "a state of Nature", a word the book writes in lower
  case too), and after an event's word and "of", a country, a region or a
  city of 50,000 people or more the gazetteer knows ("the treaty of Hanover", "the peace of
  Westphalia"; not "a treaty of Alliance"); a
  capitalised word after the
  name ends it where the book writes that word in lower case (a verse's next line: "the banks
  o' Devon / Was");
- a name after "battle of" or "siege of" (either capitalised): the place it was fought at,
  gazetteer or none ("the battle of Vaila", "Battle of Caravaggio"; not a month, a person's
  name nor a word the book writes in lower case), wherever written;
- a place found and a word of `[places] landscape` for its side or its dale written as one
  word ("down Nithside", "Teviotdale");
- a name with an ending of the profile (`[places] endings`; the pack "british" gives
  "-shire": "Ayrshire", "Fifeshire"), a place of that type wherever written, but not after an
  honorific ("Lord Wiltshire", a peer);
- a name listed with places the book names ("Lyons and Toulon", "Bayonne, Mainz,
  Condé"), where the gazetteer knows a place of that very name, or, in a list of three or
  more, a city of 100,000 people or more by another of its names ("Dresden, Stettin,
  Frankfurt"): the book's own consistency;
- streets, buildings, districts and counties ("Wigmore Street", "Victoria Station", "the
  village of Easewood", "Talbot county"), when the first word is not a common word, an
  honorific, nor the first of a sentence ("Enter Lane" is a stage direction), and no "of"
  and a capitalised word follow ("the British House of Commons" is a body's name). Of three
  words, a first that is a common word but no function word of the profile belongs to the
  name ("Upper Grosvenor Street", "Great Russell Street"); one that may not begin the name
  leaves the other two ("In Grosvenor Street": "Grosvenor Street"); a hyphenated first
  word is one ("Half-Moon Street", never "Moon Street"). A common word before a word of a
  street (`_STREET_HEADS`: "Street", "Road", "Lane", "Square") is a street's name all the same
  where the book writes the two twice or more, neither time opening a sentence ("Straw
  Street", "High Street"; a building's "Opera House", "Upper House" are not taken so). A
  name after a cue leaves its possessive outside ("at Willis's": Willis);
- a town and its region in an address's order ("Dorking, Surrey", "Springfield,
  Illinois"): a place the gazetteer knows of that very name, then a country, state or
  region (the gazetteer's, or the profile's `[places] regions`); any name before a region
  found by its ending ("Sporran, Fifeshire");
- the place a letter is dated from: the name that opens its `dateline` ("Langford, Dec."),
  and the names before a date that ends a paragraph of the running text, opening it or a
  sentence, each with its comma ("Mossgiel, February 22, 1786."; "Robert Burns. Ellisland,
  near Dumfries, 18th May, 1789.": a dateline the book prints as a paragraph, after the
  signature maybe; not in a note, where "Moniteur, 12 March 1793" cites), when it is no month,
  weekday, honorific or forename, no person's name and no word the book writes in lower case.

After the marking, two kinds of mention the persons' pass took for a man are made places
(`establishments`, `saints_buildings`): a shop or an inn named by its keeper's possessive
where it stands ("by Rusper's", "outside Wintershed's,"), and a building named after a saint
whose name is a forename ("Saint Stephen's House"); and a church, a chapel, a monastery or
another building of the Church named after its saint, where it is written ("the church of San
Miniato", "the monastery of St. Victor", "the Church of Santa Maria del Popolo": the noun inside
when capitalised; the saint the persons' pass marked there, or the body the organisations'
pass took it for, becomes the place: `saints_churches`); and a place the profile knows by a name of
two words or more, written whole, where the persons' pass marked a person inside it ("the Heaven of
Venus", a heaven of the pack "christian": the planet's god no person there; `known_over_persons`).

A preposition that opens a sentence is one too ("At Toulon"). Each entry so found has an
evidence note quoting where it was seen; an entry the editor rejected (`<note
type="rejected">`) is not entered again and is marked nowhere (see `places.apply`).

Never a place: a word the profile lists as an honorific or a forename (unless the
gazetteer gives a country or state, Georgia, or a great city, Florence), a name found for a
person, a name joined by a hyphen to a longer word ("Inter-Ally"), a month or a weekday
after a preposition ("in June", "on Monday": a time).

A place whose name the book also writes in lower case ("Reading", "Bath", "Nice",
"Union") is marked only where a preposition of place stands right before it ("in Bath",
not "the Bath" nor "a hot bath"): see `cue_before`; but one the profile knows, or one named
after a feature of a place (`proper_twins`: the river Forth, "the banks of Sark"), wherever
written capitalised inside a sentence ("Now Sark rins over Solway sands"); not where its lower-case uses are rare
beside its capitalised ones, under one in five (Scots "doon", down, once in a book that names
the river Doon nineteen times: `places._common_word`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from functools import cache

import ahocorasick_rs
from lxml import etree

from ..tei import XML_ID, q
from ..textnodes import preceding_text, set_preceding_text
from . import gazetteer, registers
from .dates import MONTHS
from .matching import in_latin_1, latin1_bytes, uses
from .namewords import (
    HYPHENS,
    LISTED_WORD,
    LOWER,
    UPPER,
    great_city,
    initial,
    passage,
    place_name,
    times,
    words_at_start,
)
from .wordscan import matches_at_words, pieces_holding

_NAME = rf"[{UPPER}][{LOWER}'’]+(?:[ -][{UPPER}][{LOWER}'’]+){{0,2}}"
# "Talbot county", "Queen Anne's County": a name before the word for a county is a county's
_COUNTY = re.compile(rf"([{UPPER}](?<!\w.)[{LOWER}'’]+(?:\s[{UPPER}][{LOWER}'’]+)?)\s([Cc]ounty|[Pp]arish|[Cc]anton)\b")
# `(?<!\w.)` after the capital is the `\b` before it: a pattern that opens with a letter is
# sought by `re`'s fast scan for it, one that opens with `\b` is tried at every position
# The first word may be hyphenated ("Half-Moon Street"), never begin after a hyphen ("Moon Street").
_STREET = re.compile(
    rf"([A-Z](?<![\w-].)[a-z'’]+(?:-[A-Z][a-z'’]+)*)((?:\s[A-Z][a-z'’]+)?\s(?:{'|'.join(registers.PLACE_WORDS)}))\b"
)
_OF_CAPITAL = re.compile(rf"\s[Oo]f\s[{UPPER}]")
# The words of a street that a common word may name ("Straw Street", "High Street"), unlike a
# building's ("Opera House", "Upper House")
_STREET_HEADS = ("Street", "Road", "Lane", "Square", "Alley", "Avenue")
_DISTRICTS = ("district", "village", "town", "city", "suburb", "parish", "county")
# A state's word and "of" before its name ("the state of Genoa", "the republic of Venice", "the
# canton of Berne"): what a history calls a polity it names; of the type given.
_POLITIES = {
    "state": "country",
    "republic": "country",
    "kingdom": "country",
    "duchy": "country",
    "principality": "country",
    "electorate": "country",
    "province": "region",
    "canton": "region",
    # the Church's own territories, a bishop's ("the diocese of Coutance", "the bishopric of Naples")
    "diocese": "region",
    "bishopric": "region",
    "archbishopric": "region",
}
# An event and "of" before the place it is named after ("the treaty of Hanover", "the peace of
# Westphalia", "the battle of Waterloo", "the union of Utrecht"): a place the gazetteer knows.
_EVENTS = ("treaty", "peace", "battle", "siege", "union")


@cache
def _district_of(features: tuple[str, ...], links: tuple[str, ...]) -> tuple[re.Pattern, tuple[str, ...]]:
    """A name after a town's or a district's word and "of" ("the village of Easewood"), or
    after a feature of a place (or a word for its folk) and a link of the profile (`[places]
    features`, `folk`, `feature_links`: "the banks of Ayr", "the braes o' Ballochmyle", "the
    lass o' Inverness"), each link's apostrophe written either way, and the capitalised word
    after it, if any (group 2: a name's second word, or the first of a verse's next line);
    and the words it opens with (`_districts_in`)."""
    linked = "|".join(re.escape(w).replace("'", "['’]") for w in links) or "(?!)"
    pattern = re.compile(
        rf"(?:(?:{words_at_start(_DISTRICTS + tuple(_POLITIES) + _EVENTS)}) of|(?:{words_at_start(features)}) (?:{linked})) "
        rf"([{UPPER}][{LOWER}'’]+)(?![\w'’-])(?:\s([{UPPER}][{LOWER}'’]+))?"  # "the village of Goïto"
    )
    return pattern, tuple(dict.fromkeys(_DISTRICTS + tuple(_POLITIES) + _EVENTS + features))


def _districts_in(text: str, pattern: re.Pattern, words: tuple[str, ...]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for `_district_of`'s pattern and words. Its words ("state",
    "town", "union", "banks") are in most paragraphs of a history: the pattern is tried where
    one begins (`matches_at_words`), not in every piece holding one (`pieces_holding`), which
    is most of the book. That takes words of word characters only (a word the scan passes over
    inside another then follows a letter, where the pattern's `\\b` fails); a profile's feature
    of other characters has the pieces searched (an empty one, the whole text)."""
    if not all(words):
        return pattern.finditer(text)
    if all(_WORD.fullmatch(w) for w in words):
        return matches_at_words(pattern, text, words)
    return pieces_holding(pattern, words, text)


_WORD = re.compile(r"\w+")


def _runs_on_through_particle(text: str, end: int, profile) -> bool:
    """Whether a lower-case particle of the profile (`[names] particles`: "di", "de") and a
    capitalised word follow a name at `end`: the name runs on through it ("the castle of
    Monte di Croce", "a castle of Bertrand de Born"), and its first word is no place alone."""
    m = _PARTICLE_AFTER.match(text, end)
    return m is not None and any(m.group(1) == p.lower() for p in profile.particles)


_PARTICLE_AFTER = re.compile(r" ([a-z]+) [A-Z]")


def _after_article(m: re.Match, lowercase: Collection[str], profile) -> bool:
    """Whether a feature's link ends with "the" ("the valley of the Bisenzio") and the name
    after it is no river's or mountain's alone: a word the book writes in lower case too
    ("the walls of the Temple": a common word's capital), a name of two capitalised words
    ("the Southern Ocean", whose first is no name alone), or a region of the profile, which
    keeps its own type ("the hills of the Highlands")."""
    words = m.group().split()
    if words[-2 if m.group(2) is None else -3] != "the":
        return False
    name = m.group(1)
    return name.lower() in lowercase or m.group(2) is not None or name in profile.regions


def _ends_name(name: str, following: str | None, lowercase: Collection[str], profile) -> bool:
    """Whether `name` ends there, though a capitalised word follows it: one the book writes in
    lower case, which opens a verse's next line or a sentence ("the banks o' Devon / Was
    a' my care": the line's "Was"), not a word of a place's name ("Galla Water")."""
    if following is None:
        return True
    word = following.lower()
    return word in lowercase and word not in profile.place_features and word not in profile.landscape


# The words each of those patterns holds, written out (no `[Cc]`): a pattern that opens with
# letters is sought by `re`'s fast scan for them (see `pieces_holding`)
_COUNTY_WORDS = re.compile("County|county|Parish|parish|Canton|canton")
_STREET_WORDS = re.compile("|".join(registers.PLACE_WORDS))
_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish)$")
_MIN_POPULATION = 50_000
_SMALL_SHARE = 0.5  # of a smaller town's uses, those after a preposition of place (twice at least)
# A city so large that "of" before its name is cue enough: "the endurance of Rome"
_WORLD_CITY = 1_000_000
_PLACE_SHARE = 0.2  # of a city's uses, those after a preposition of place ("to Davie" twice in 27: a man)
_REGIONS = ("country", "continent", "state")


def _size(geo) -> tuple[bool, int]:
    """A place's rank among the gazetteer's answers for a name: a country, a region or a state
    first, then the more populous."""
    return geo.type != "city", geo.population


def _demonym(name: str, geo) -> bool:
    """A people's or a language's word that the gazetteer also knows as a smaller town:
    "Roman" beside Rome, "Bulgarian" (see _ADJECTIVE) beside Bulgaria."""
    if not name.endswith("an"):
        return False
    stems = {name[:-2] + "e", name[:-2] + "a", name[:-2] + "y", name[:-3] + "y", name[:-1]}
    return any((g := gazetteer.lookup(s)) is not None and g.population > geo.population for s in stems if len(s) > 3)


def _words(words) -> str:
    return "|".join(map(re.escape, words)) or "(?!)"


def prepositions(profile) -> str:
    """The profile's prepositions of place as a pattern ("in|at|to")."""
    return _words(profile.place_prepositions)


# The characters `\s` matches in a pattern of `str`: those `str.isspace` says are spaces
# (a test checks both).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# The capitals of `namewords.UPPER`, each (a test checks them).
UPPER_LETTERS = frozenset(c for c in map(chr, range(0x300)) if re.fullmatch(f"[{UPPER}]", c))


def cued_openings(text: str, words: tuple[str, ...], articles: tuple[str, ...], capitals: Collection[str]) -> list[int]:
    """Where `text` writes one of `words`, a space (`\\s`), one of `articles` and a space or
    nothing, and one of `capitals`: each place once, in order. Found in one scan of the text
    (Aho-Corasick, in Rust), the words and spaces (and articles) it writes, each with each of
    `capitals` after it where they are few (else the capital after each looked at). Every such string is found, those inside a longer one too (overlapping
    matches: "In Moscow" in "land In Moscow"). A pattern that opens so (a cue and a name after
    it) is tried there only (`matches_from`), not by `re` at each of the many letters its
    words open with."""
    spaces = "".join(space for space in SPACES if space in text)
    if not spaces or not words:
        return []
    if len(capitals) * _openings_made(words, articles, spaces) <= _MOST_CAPITALISED_OPENINGS:
        # the capital in the automaton's strings: only the openings are reported, not every
        # "in ", "of ", "and " of the book (26,000 places of the bundled book, 15,000
        # openings), which were each made a tuple and looked at: half the time
        capitalised = _capitalised_openings(words, articles, spaces, "".join(sorted(capitals)))
        return sorted({start for _, start, _ in _every_place_in(capitalised, text)})
    size = len(text)
    found = _every_place_in(_openings(words, articles, spaces), text)
    return sorted({start for _, start, end in found if end < size and text[end] in capitals})


def _every_place_in(automaton: Automaton, text: str) -> list[tuple[int, int, int]]:
    """Every place of `automaton`'s strings in `text`, overlapping ones too: an automaton of
    bytes (`_automaton`) scans the text's Latin-1 bytes."""
    if isinstance(automaton, ahocorasick_rs.BytesAhoCorasick):
        return automaton.find_matches_as_indexes(latin1_bytes(text), overlapping=True)
    return automaton.find_matches_as_indexes(text, overlapping=True)


# An automaton of strings, or of their Latin-1 bytes (`_automaton`).
Automaton = ahocorasick_rs.AhoCorasick | ahocorasick_rs.BytesAhoCorasick


def _automaton(strings: list[str]) -> Automaton:
    """A DFA of `strings`, of their Latin-1 bytes where they are Latin-1 (`matching.latin1_bytes`:
    the scan of a book's text that is no Latin-1, as `str`, counted its characters each time)."""
    if in_latin_1(tuple(strings)):
        return ahocorasick_rs.BytesAhoCorasick(
            [s.encode("latin-1") for s in strings], implementation=ahocorasick_rs.Implementation.DFA
        )
    return ahocorasick_rs.AhoCorasick(strings, implementation=ahocorasick_rs.Implementation.DFA)


# The most strings an automaton of openings with their capital is made of (the places
# pass's cues with a space and a line break: 10,000, built in 10 ms once): a longer list of
# capitals (`UPPER_LETTERS`, with an article of a profile's) is looked at after the scan.
_MOST_CAPITALISED_OPENINGS = 40_000


def _openings_made(words: tuple[str, ...], articles: tuple[str, ...], spaces: str) -> int:
    """How many strings `_openings` is made of (at most: a string may be made twice)."""
    return len(words) * len(spaces) * (1 + len(articles) * len(spaces))


@cache
def _capitalised_openings(words: tuple[str, ...], articles: tuple[str, ...], spaces: str, capitals: str) -> Automaton:
    """`_openings`' strings, each with each of `capitals` after it."""
    thes = ("", *(f"{article}{space}" for article in articles for space in spaces))
    return _automaton(
        sorted({f"{w}{space}{the}{capital}" for w in words for space in spaces for the in thes for capital in capitals})
    )


@cache
def _openings(words: tuple[str, ...], articles: tuple[str, ...], spaces: str) -> Automaton:
    thes = ("", *(f"{article}{space}" for article in articles for space in spaces))
    # A DFA: the scan of a book for these openings, which common words hold ("in ", "to "),
    # took half as long as the default automaton's (its states worked out as it reads).
    return _automaton(sorted({f"{w}{space}{the}" for w in words for space in spaces for the in thes}))


def matches_from(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` for a pattern that can match only at `starts` (in order): each
    tried in turn, from the end of the match before, as `finditer` goes on."""
    end = 0
    match = pattern.match
    for start in starts:
        if start >= end and (m := match(text, start)) is not None:
            end = m.end()
            yield m


def _cued_matches(
    cued: re.Pattern, text: str, cue_words: list[str], article: str, articles: tuple[str, ...]
) -> Iterator[re.Match]:
    """The matches of `discover`'s pattern `cued` in `text`, as its `finditer` gives them.

    That pattern opens with an optional title word and a `\\b`: `re` would try it at every
    position of the book. A match begins at a cue that a capital follows (after an
    article, maybe), or at the capitalised word right before such a cue (its title): those
    places are found by a scan for the cues, spaces and articles (`cued_openings`; `re` would
    try a pattern of the cues at each of their first letters), the pattern is tried there
    only, in order, never inside a match already made but at a title, which may end the
    match before ("Macaulay and the Empress of Russia")."""
    # the cues in one alternation, the look-ahead after it: tried where `cued_openings` says
    at_cue = re.compile(rf"(?:{words_at_start(sorted(set(cue_words)))})(?=\s(?:(?:{article})\s)?[{UPPER}])")
    end = 0
    cues = tuple(sorted(set(cue_words)))
    for cue in matches_from(at_cue, text, cued_openings(text, cues, articles, UPPER_LETTERS)):
        at = cue.start()
        k = at - 2  # the title's first letter: back over the lower-case letters before the space
        while k >= 0 and "a" <= text[k] <= "z":
            k -= 1
        for start in (k, at) if k >= 0 and "A" <= text[k] <= "Z" else (at,):
            # a title may be the name of the match before ("and the Empress of Russia")
            if (start >= end or start == k) and (m := cued.match(text, start)) is not None:
                end = m.end()
                yield m
                break


class Uses:
    """`uses(name, text)` for one text, asked of many names: those of `names` (the names
    `discover` found after cues, a few hundred, a hundred or so of them asked) counted in one
    scan of the text (Aho-Corasick, overlapping matches, each name's in the order of the
    text), not each by a search of the whole book; any other name searched for when asked.
    The same counts: a name's occurrence that is a word of its own counts, and the next is
    sought after its end; one inside a word is passed over, the next sought after its start."""

    def __init__(self, text: str, names: Collection[str]):
        self.text = text
        wanted = sorted(name for name in names if name)
        self.counts = dict.fromkeys(wanted, 0)
        if not wanted:
            return
        ends = [0] * len(wanted)
        counts = [0] * len(wanted)
        size = len(text)
        for index, at, end in ahocorasick_rs.AhoCorasick(wanted).find_matches_as_indexes(text, overlapping=True):
            if (
                at >= ends[index]
                and (at == 0 or not _word_char(text[at - 1]))
                and (end == size or not _word_char(text[end]))
            ):
                counts[index] += 1
                ends[index] = end
        self.counts = dict(zip(wanted, counts))

    def __call__(self, name: str) -> int:
        n = self.counts.get(name)
        return uses(name, self.text) if n is None else n


def discover(places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]) -> None:
    """Add the places the text names as places, on the evidence above."""
    strong: Counter = Counter()
    weak: Counter = Counter()
    located: Counter = Counter()  # after a locative ("in", "at"): where something is
    after_of: Counter = Counter()  # after "of" and no title of rank: "the endurance of Rome"
    # "At Toulon" opens a sentence as "at Toulon" stands inside one
    cue_words = [w for cue in profile.place_prepositions + profile.place_links for w in (cue, cue.capitalize())]
    article = _words(profile.articles)
    cued = re.compile(
        rf"(\b[A-Z][a-z]+\s)?\b({_words(cue_words)})\s((?:{article})\s)?({_NAME})(?![\w-]|\.\w)(?=(\s[a-z]+)?)"
    )
    for m in pieces_holding(_COUNTY, _COUNTY_WORDS, text):
        name = m.group(1)
        if (
            not initial(text, m.start())
            and name.split()[0].lower() not in lowercase
            and name not in not_places
            and name.split()[0] not in profile.honorifics
            and places.find(m.group(0)) is None
        ):
            places.add(
                m.group(0),
                "region",
                None,
                "named in the text",
                evidence=f"a county's or a canton's name: {passage(text, m.start(), m.end())}",
            )
    seen: dict[str, str] = {}  # a passage where each was seen, strong cue first
    titled: dict[str, str] = {}  # after a title of rank and "of": "the Empress of Russia"
    for m in _cued_matches(cued, text, cue_words, article, tuple(profile.articles)):
        title, cue, the, name, after = m.groups()
        if name.endswith(("'s", "’s")):
            name = name[:-2]  # "at Willis's": the place is Willis, the possessive stays outside
        if the and after and not (" " in name and name in profile.regions):
            # "in the Roman republic", "the Surrey hills": an adjective; not a state of two
            # words the profile lists ("the deputies of the United Provinces have"), a name
            # whole whatever follows it
            continue
        if cue in profile.place_links and title and title.strip() in profile.honorifics:
            titled.setdefault(name, passage(text, m.start(1), m.end(4)))
            continue  # "the Duke of Norfolk", "the Prince of Orange": a title (a country's, below)
        cue = cue.lower()
        is_strong = cue in profile.place_prepositions
        (strong if is_strong else weak)[name] += 1
        if cue in profile.place_locatives:
            located[name] += 1
        if cue == "of":
            after_of[name] += 1
        if name not in seen or (is_strong and strong[name] == 1):
            seen[name] = passage(text, m.start(2), m.end(4))
    count = Uses(text, strong.keys() | weak.keys())  # the uses of the names found, asked below

    def evidence(name: str, what: str) -> str:
        cue = (
            f"after a preposition of place {times(strong[name])}"
            if strong[name]
            else f"after 'of' or 'and' {times(weak[name])}"
        )
        return f"{what}; {cue}: {seen[name]}"

    function_words = set(profile.english_words)
    for m in pieces_holding(_STREET, _STREET_WORDS, text):
        if _OF_CAPITAL.match(text, m.end()):
            continue  # "the British House of Commons": the first words of a longer name, a body's
        first, rest = m.group(1), m.group(2)
        three = rest.count(" ") == 2  # "Upper Grosvenor Street", "In Grosvenor Street"
        if (
            (first.lower() not in lowercase or (three and first.lower() not in function_words))
            and first not in profile.honorifics
            and not initial(text, m.start())
        ):
            name = first + rest
        elif three and rest.split()[0].lower() not in lowercase and rest.split()[0] not in profile.honorifics:
            name = rest.strip()
        elif (
            rest.strip() in _STREET_HEADS
            and first not in profile.honorifics
            and not initial(text, m.start())
            and _mid_sentence_uses(first + rest, text) >= 2
        ):
            name = first + rest  # "Straw Street": a common word, a street's name twice
        else:
            continue
        if places.find(name) is None:
            places.add(
                name,
                "street",
                None,
                "named in the text",
                evidence=f"a street's or a building's name: {passage(text, m.start(), m.end())}",
            )
    for name in landforms(text, lowercase, not_places | set(profile.honorifics)):
        if places.find(name) is None:
            places.add(
                name, "place", None, "named in the text", evidence=f"a valley's, a fall's or a forest's name: {name}"
            )
    _rivers(places, text, not_places, profile, lowercase)
    _one_among_others(places, text, not_places, profile, lowercase)
    _headed_regions(places, text, not_places, profile, lowercase)
    _named_features(places, text, not_places, profile, lowercase)
    _landscapes(places, text, not_places, profile, lowercase)
    features = tuple(profile.place_features) + tuple(profile.place_folk)
    # a song names them with a capital too: "the bonie Lass of Albany", "On the Braes o' Killiecrankie"
    features += tuple(w[:1].upper() + w[1:] for w in features)
    district_of, district_words = _district_of(features, tuple(profile.feature_links))
    for m in _districts_in(text, district_of, district_words):
        name = m.group(1)
        if name.endswith(("'s", "’s")) or not _ends_name(name, m.group(2), lowercase, profile):
            continue  # "the lass o' Patie's mill": a man's mill; "the banks of Galla Water": one name of two
        if _runs_on_through_particle(text, m.end(1), profile):
            continue  # "the castle of Monte di Croce", "a castle of Bertrand de Born": a longer name's first word
        if _after_article(m, lowercase, profile):
            continue  # "the walls of the Temple", "the waters of the Southern Ocean", "the hills of the Highlands"
        if (
            places.find(name) is None
            and name not in not_places
            and (name.lower() not in lowercase or _feature_of_common_word(m.group().split()[0], name, text, profile))
            and name not in profile.honorifics
            and name not in profile.deities  # "the kingdom of God"
            and not _ADJECTIVE.search(name)
        ):
            word = m.group().split()[0]
            polity = _POLITIES.get(word)
            geo = gazetteer.lookup_named(name)
            if word in _EVENTS:
                # under its own name or another ("Hanover", Hannover's English name)
                geo = max((g for g in (geo, gazetteer.lookup(name)) if g is not None), key=_size, default=None)
                if geo is None or geo.type == "city" and geo.population < _MIN_POPULATION:
                    continue  # "a treaty of Alliance": Alliance, Ohio, is a town of 22,000
                polity = "settlement" if geo.type == "city" else geo.type
            feature = polity is None and not m.group().startswith(_DISTRICTS)  # "the banks of Ayr": a river's, a town's
            places.add(
                name,
                polity or ("place" if feature else "settlement"),
                geo,
                "named in the text",
                evidence=f"named {'after a feature of a place' if feature else 'a town or district'}: "
                f"{passage(text, m.start(), m.end(1))}",
            )
    _battlefields(places, text, not_places, profile, lowercase)
    _endings(places, text, not_places, profile)
    for name in sorted(set(strong) | set(weak)):
        words = name.split()
        if (
            len(words) == 2
            and words[0] in profile.place_town_first
            and words[1] not in not_places
            and places.find(name) is None
        ):
            places.add(
                name,
                "settlement",
                gazetteer.lookup_named(name),
                "named in the text",
                evidence=evidence(name, f"a town's name opening with '{words[0]}'"),
            )
            continue
        if (
            name in not_places
            or places.find(name) is not None
            or _ADJECTIVE.search(name)
            or _month(words[0], profile)  # "in June", "on Monday": a time
            or words[0].lower() in _WEEKDAYS
            or name in profile.honorifics
            or any(w in not_places for w in name.split())
        ):
            continue
        if name in profile.regions:
            places.add(
                name,
                profile.regions[name],
                None,
                "named in the text",
                evidence=evidence(name, "a region of the profile"),
            )
            continue
        geo = _named(name)
        other = None if geo is not None else _other_name(name, strong[name], count, profile)
        if other is not None:
            places.add(
                name,
                other.type,
                other,
                "named in the text; GeoNames",
                evidence=evidence(name, f"another name of {other.name}, a {other.type} in GeoNames"),
            )
            continue
        if geo is not None and _demonym(name, geo):
            continue
        if geo is None or (geo.type not in _REGIONS and geo.population < _MIN_POPULATION):
            _smaller(
                places,
                name,
                (strong[name], weak[name], located[name]),
                text,
                not_places,
                profile,
                lowercase,
                evidence,
                count,
            )
        elif geo.type in _REGIONS:
            places.add(
                name, geo.type, geo, "named in the text; GeoNames", evidence=evidence(name, f"a {geo.type} in GeoNames")
            )
        elif (
            strong[name]
            and strong[name] >= _PLACE_SHARE * count(name)
            and geo.population >= _MIN_POPULATION
            and (name not in profile.forenames or great_city(name))  # "to Florence": no person found
            and not (name.lower() in lowercase and not _strong_only(name, text, profile))
        ) or (
            # a city of the world written as what a state does or suffers ("the endurance of
            # Rome"), as a country is; not a forename ("the husband of Florence")
            after_of[name]
            and strong[name] + after_of[name] >= _PLACE_SHARE * count(name)
            and geo.population >= _WORLD_CITY
            and name not in profile.forenames
            and name.lower() not in lowercase
        ):
            places.add(
                name,
                geo.type,
                geo,
                "named in the text; GeoNames",
                evidence=evidence(name, f"a {geo.type} of {geo.population:,} people in GeoNames"),
            )
    for name, where in sorted(titled.items()):
        # a ruler's country or region is a place all the same: "the Empress of Russia", "the
        # Duke of Bavaria" (not "the Prince of Orange": a town's name in a title)
        if name in not_places or places.find(name) is not None:
            continue
        if name in profile.regions:
            kind = profile.regions[name]
            places.add(name, kind, None, "named in the text", evidence=f"a {kind} after a ruler's title: {where}")
        elif (geo := _named(name)) is not None and geo.type in _REGIONS:
            places.add(
                name,
                geo.type,
                geo,
                "named in the text; GeoNames",
                evidence=f"a {geo.type} after a ruler's title: {where}",
            )
    _opened(places, text, not_places, profile, lowercase, strong, seen)
    _addresses(places, text, not_places, profile, lowercase)
    _countries(places, text, not_places, profile, lowercase)
    _towns_of_peoples(places, text, not_places, profile, lowercase)
    _apposed_kinds(places, text, not_places, profile, lowercase)
    _kinds_before(places, text, not_places, profile, lowercase)
    _first_words(places, text, not_places, profile, lowercase)
    _linked_first_words(places, text, not_places, profile, lowercase)
    _listed(places, text, not_places, profile, lowercase)
    _compounds(places, text, not_places, profile, lowercase)
    _homes(places, text, not_places, profile, lowercase)


# A capitalised word, or two (a country's name may have two: "New Zealand"), not inside a longer one,
# maybe with a possessive after it ("While Europe's eye is fix'd": a country's or a continent's
# name, as often as its people's or its rulers' deeds, its possessive).
# (The capital first, the look-behind after it: `re` scans for the capital, a pattern opening
# with a look-behind is tried at every position.)
_CAPITALISED = re.compile(rf"[{UPPER}](?<![\w'’-].)[{LOWER}]+(?: [{UPPER}][{LOWER}]+)?(?![\w-]|['’](?!s(?![\w'’-])))")


_LANDS = ("country", "continent")
# Adjectives of the compass that qualify a name ("the Northern Sung period", "the Northern
# barbarians"): no region alone, though ISO 3166-2 names regions so (Ghana's Northern)
_COMPASS_ADJECTIVES = frozenset({"Northern", "Southern", "Eastern", "Western", "Central"})


def _countries(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """A country or a continent under its own name in the gazetteer ("Poland", "Europe"; not
    "America" as a country, another name of the United States, but America the continent)
    wherever the book writes it inside a sentence, cue or none: a country does and suffers as
    its people do ("than Poland before the late dismemberment", "If Denmark, any body spak
    o't", "How libbet Italy was singin"), and a poem names it with an epithet between ("in
    sweet Senegal"); such a name is seldom anything else. Not a forename or a name found for
    a person ("Chad", "Israel"), an honorific, a people's word ("Roman"), a word the book
    writes in lower case ("turkey", "china"), nor a name the book writes only where a
    sentence begins, nor one the book introduces as a man, a person's noun in apposition
    ("Niger, head of the Asiatic army": `_apposed_to_a_person`). After a verse line's capitalised first word ("If Denmark", "Or Poland")
    and in the possessive ("While Europe's eye is fix'd") it is inside a sentence all the same."""
    seen: dict[str, int] = {}
    for m in _CAPITALISED.finditer(text):
        name, at = m.group(), m.start()
        first, _, second = name.partition(" ")
        if (name not in seen or first not in seen) and not initial(text, at):
            seen.setdefault(name, at)
            seen.setdefault(first, at)
        if second:
            # the second of two is a name of its own after a verse line's first word ("While
            # Europe's eye is fix'd"), a word inside a sentence
            seen.setdefault(second, at + len(first) + 1)

    def no_land(name: str) -> bool:  # whatever the gazetteer says of it
        return (
            name in not_places
            or name.lower() in lowercase
            or name in profile.forenames
            or name in profile.honorifics
            or any(w in not_places for w in name.split())
            or _ADJECTIVE.search(name) is not None
        )

    # one query for the names that may be a country's (a country ranks first among a name's
    # places), not for those no answer would make one (most of a poem's capitalised words,
    # which it also writes in lower case); then each country's asked whether it is its own
    countries = {
        n for n, geo in gazetteer.lookup_many([n for n in seen if not no_land(n)]).items() if geo.type in _LANDS
    }
    for name, at in sorted(seen.items()):
        if name not in countries or places.find(name) is not None or no_land(name):
            continue
        if _apposed_to_a_person(name, text, profile):
            continue
        geo = gazetteer.lookup_named(name)
        if geo is not None and geo.type in _LANDS:
            places.add(
                name,
                geo.type,
                geo,
                "named in the text; GeoNames",
                evidence=f"a {geo.type} in GeoNames, under its own name: {passage(text, at, at + len(name))}",
            )


@cache
def _person_apposition(nouns: tuple[str, ...]) -> re.Pattern:
    words = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True)) or "(?!)"
    return re.compile(rf", (?:{words}) of (?:the |an? )?[{UPPER}{LOWER}]")


def _apposed_to_a_person(name: str, text: str, profile) -> bool:
    """Whether the book writes `name` before a comma and a person's noun or role of the
    profile in lower case and "of", no article between (`[names] person_nouns`, `roles`:
    "Niger, head of the Asiatic army", "Charles, king of France"): a man so introduced, whom
    the gazetteer's country of that name does not make a place where no cue says one is (The
    Prince's emperor Niger: "decided to attack Niger", "killed Niger")."""
    pattern = _person_apposition((*profile.person_nouns, *profile.roles))
    written = f"{name},"
    at = text.find(written)
    while at >= 0:
        if (at == 0 or not _word_char(text[at - 1])) and pattern.match(text, at + len(name)):
            return True
        at = text.find(written, at + 1)
    return False


_COMPOUND = re.compile(r"([A-Z](?<![\w'’-].)[a-z]+?)s?(side|dale)(?![\w'’-])")


def compounds(text: str) -> Iterator[re.Match]:
    """`_COMPOUND.finditer(text)`, the pattern tried only at the capital that opens a word
    ending in "side" or "dale" (found by `str.find`; `re` tried it at every capital of the
    book): a match is a capital and the lower-case letters after it up to such an ending,
    before no word's character, so it opens at the capital right before the run of
    lower-case letters that holds the ending, and nowhere else."""
    starts = set()
    for ending in ("side", "dale"):
        at = text.find(ending)
        while at >= 0:
            end = at + len(ending)
            if _NO_WORD_GOES_ON.match(text, end) is not None:
                start = at
                while start > 0 and "a" <= text[start - 1] <= "z":
                    start -= 1
                if start < at and start > 0:  # a letter at least before the ending (`[a-z]+?`) and a capital before it
                    starts.add(start - 1)
            at = text.find(ending, at + 1)
    return matches_from(_COMPOUND, text, sorted(starts))


def _compounds(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """A place's name and a word of the profile's `[places] landscape` for its side or its
    valley written as one word ("down Nithside", "Teviotdale", "Nithsdale", with a linking
    "s"): a place, where the first part is a place found already (the river Nith, Teviot), and
    the whole is no word the book writes in lower case ("Beside") nor a person's name."""
    endings = {"side", "dale"} & set(profile.landscape)
    if not endings:
        return
    for m in compounds(text):
        name, part, ending = m.group(), m.group(1), m.group(2)
        if (
            ending not in endings
            or name.lower() in lowercase
            or name in not_places
            or places.find(name) is not None
            or places.find(part) is None
        ):
            continue
        places.add(
            name,
            "region" if ending == "dale" else "place",
            None,
            "named in the text",
            evidence=f"a place's name and a word for its land: {passage(text, m.start(), m.end())}",
        )


@cache
def _feature_after(features: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A capitalised word and a feature of a place of the profile, capitalised ("Kellyburn
    Braes", "Cessnock Banks"), and the pattern of those words (`pieces_holding`)."""
    words = "|".join(re.escape(f[:1].upper() + f[1:]) for f in features) or "(?!)"
    return re.compile(rf"([A-Z](?<![\w'’-].)[a-z'’]+)\s({words})(?![\w'’-])"), re.compile(words)


def _named_features(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """A name and a feature of a place of the profile (`[places] features`), the feature
    capitalised as a part of the name ("in Kellyburn Braes", "Cessnock Banks"): a place, when
    the first word is no word the book writes in lower case ("Flowery Banks"), no honorific,
    and does not open a sentence ("The Banks")."""
    pattern, words = _feature_after(tuple(profile.place_features))
    for m in pieces_holding(pattern, words, text):
        first = m.group(1)
        name = f"{first} {m.group(2)}"  # one space, as written across a line's end or not
        if (
            first.lower() in lowercase
            or first in profile.honorifics
            or first in not_places
            or initial(text, m.start())
            or places.find(name) is not None
        ):
            continue
        places.add(
            name,
            "place",
            None,
            "named in the text",
            evidence=f"a name and a feature of a place: {passage(text, m.start(), m.end())}",
        )


@cache
def _landscape_after(nouns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A capitalised word, its possessive maybe, before a lower-case word of the profile's
    `[places] landscape` ("the Cumnock hills", "Coila's plains"), or joined to it by a hyphen
    ("the Berwick-law", "on Yarrow-braes": group 3 the hyphen), and the pattern of those words
    (`pieces_holding`)."""
    words = "|".join(map(re.escape, nouns)) or "(?!)"
    return (
        re.compile(rf"([A-Z](?<![\w'’-].)[a-z]+)(?:(['’]s)?\s|(-))({words})(?![\w'’-])"),
        re.compile(rf"(?<=[\s-])(?:{words})(?![\w'’-])"),
    )


# A people's or a language's adjective, or a name of the same shape: "the Roman walls", "the
# Highland hills" is no more a place than "the Irish shore" (see also _ADJECTIVE).
_PEOPLES = re.compile(r"(?:an|ic|land)$")
# An abstract noun, which verse personifies: "If e'er Detraction shore to smit you" (cut).
_ABSTRACT = re.compile(r"(?:tion|sion|ness|ment|ity|ance|ence)$")


def _landscapes(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """A name before a lower-case word for a stretch of land or water (`[places] landscape`:
    "the distant Cumnock hills", "owre Galston muirs", "on Carrick shore", "Coila's plains"):
    the name is a place, when it is no word the book writes in lower case, no honorific,
    forename nor a person's name, no people's adjective ("the Roman walls") nor abstract noun
    (personified: "Detraction"), and opens no sentence. Not a possessive before "side" (a body's: "Pegasus' side").
    Joined by a hyphen, the name and the word are one place's name ("the Berwick-law", a
    hill, "Berwick" alone the town; "on Yarrow-braes"), on the same terms."""
    if not profile.landscape:
        return
    pattern, words = _landscape_after(tuple(profile.landscape))
    for m in pieces_holding(pattern, words, text):
        name, possessive, hyphen, noun = m.groups()
        if (
            name.lower() in lowercase
            or name in profile.honorifics
            or name in profile.forenames
            or name in not_places
            or (possessive and noun == "side")
            or _ADJECTIVE.search(name)
            or _PEOPLES.search(name)
            or _ABSTRACT.search(name)
            or initial(text, m.start())
            or (not hyphen and places.find(name) is not None)
        ):
            continue
        if hyphen:
            # a place found already joined to the word is another's name all the same: "on
            # Yarrow-braes", the river Yarrow's hillsides
            name = f"{name}-{noun}"
            if places.find(name) is not None:
                continue
        places.add(
            name,
            "place",
            None if hyphen else gazetteer.lookup_named(name),
            "named in the text",
            evidence=f"a name before a word for its land or water: {passage(text, m.start(), m.end())}",
        )


# English words after a name that make a place of it, a valley, a waterfall, a forest:
# "above Keene Valley", "Bruar Falls", "Epping Forest".
LANDFORM_WORDS = ("Valley", "Falls", "Forest")
_LANDFORM = re.compile(rf"([{UPPER}](?<![\w'’-].)[{LOWER}]+ (?:{'|'.join(LANDFORM_WORDS)}))(?![\w'’-])")


def landforms(text: str, lowercase: Collection[str], not_places: Collection[str]) -> Iterator[str]:
    """The names of a capitalised word and a word of `LANDFORM_WORDS` ("Keene Valley"), the
    first word none the book writes in lower case ("Happy Valley", "the Great Forest") nor
    one of `not_places`; not a title quoted whole (Pope's “Windsor Forest.”)."""
    for m in pieces_holding(_LANDFORM, LANDFORM_WORDS, text):
        first = m.group(1).split()[0]
        quoted = m.start() > 0 and text[m.start() - 1] in "“‘\"'"
        if first.lower() not in lowercase and first not in not_places and not quoted:
            yield m.group(1)


# A capitalised word and "River" ("the Yangtsze River"), a name in its own script maybe before
# it ("the 濰 Wei River", as translations of Chinese give it, outside the name)
_RIVER = re.compile(rf"([{UPPER}](?<![\w'’-].)[{LOWER}]+ River)(?![\w'’-])")


def _rivers(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """A capitalised word and "River", the English way of naming a river ("dam up the Yangtsze
    River itself", "the Fei River"), wherever written: a river, when the word is no person's
    name, honorific nor word the book writes in lower case ("the Happy River" of an allegory),
    unless the gazetteer's own list knows the whole as a river ("across the Yellow River",
    though the book writes "yellow"); not a title quoted whole."""
    for m in pieces_holding(_RIVER, (" River",), text):
        name = m.group(1)
        first = name.split()[0]
        known = gazetteer.known_as(name)
        if known is not None and known.type != "river":
            continue
        if known is None and (
            first.lower() in lowercase
            or first in not_places
            or first in profile.honorifics
            or first in profile.forenames
        ):
            continue
        if (m.start() > 0 and text[m.start() - 1] in "“‘\"'") or places.find(name) is not None:
            continue
        places.add(
            name,
            "river",
            known,
            "named in the text",
            evidence=f"a name and 'River': {passage(text, m.start(), m.end())}",
        )


# Plural words for places after "and other" or "and the other", and the type each gives
_OTHER_KINDS = {
    "towns": "settlement", "villages": "settlement", "cities": "city", "ports": "city", "provinces": "region",
    "regions": "region", "countries": "country", "states": "country", "kingdoms": "country",
    "principalities": "country", "republics": "country", "islands": "island",
}  # fmt: skip
# One name, "and"/"or", "other" maybe after "the", up to three words and such a plural word:
# "from Khotan and other Central Asian states", "Kutcha and the other kingdoms"
_ONE_AMONG_OTHERS = re.compile(
    rf"(?<![\w'’-])([{UPPER}][{LOWER}]+(?:-[{LOWER}]+)?) (?:and|or) (?:the )?other (?:[A-Za-z-]+ ){{0,3}}"
    rf"({'|'.join(_OTHER_KINDS)})(?![\w'’-])"
)
_OTHERS_WORDS = (" and other ", " or other ", " and the other ", " or the other ")
_THE_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he\s$")


def _one_among_others(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """One name before "and other" (or "and the other") and a plural word for places, a
    few words maybe between ("from Khotan and other Central Asian states", "Kutcha and the
    other kingdoms", The Art of War's notes): a place of that kind, though no gazetteer knows
    it, where it is no person's name, honorific, forename, word the book writes in lower case
    nor adjective after "the" ("the American and other republics")."""
    for m in pieces_holding(_ONE_AMONG_OTHERS, _OTHERS_WORDS, text):
        name = m.group(1)
        if (
            name in not_places
            or name in profile.honorifics
            or name in profile.forenames
            or name.lower() in lowercase
            or _ADJECTIVE.search(name)
            or _THE_BEFORE.search(text, max(0, m.start() - 4), m.start())
            or places.find(name) is not None
        ):
            continue
        places.add(
            name,
            _OTHER_KINDS[m.group(2)],
            gazetteer.lookup_named(name),
            "named in the text",
            evidence=f"a name before 'and other {m.group(2)}': {passage(text, m.start(), m.end())}",
        )


# Capitalised words that end the name of a region or a group of islands, and the type each gives
_REGION_HEADS = {"Region": "region", "Peninsula": "region", "Islands": "island", "Isles": "island"}
# "the Arab Region", "the three Balearic Islands", "the West India Islands": "the", a number
# maybe, one or two capitalised words and such a head
_HEADED_REGION = re.compile(
    rf"(?<![\w'’-])[Tt]he (?:(?:two|three|four|five|six|seven|eight|nine|ten) )?"
    rf"((?:[{UPPER}][{LOWER}]+ ){{1,2}}(?:{'|'.join(_REGION_HEADS)}))(?![\w'’-])"
)


def _headed_regions(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """One or two capitalised words and a capitalised word for a region or for islands
    (`_REGION_HEADS`: "Region", "Peninsula", "Islands", "Isles") after "the", a number maybe
    between ("Africa and the Arab Region", "the three Balearic Islands", "the vicinity of the
    West India Islands"): the whole a place of that kind, though no gazetteer knows it, where
    no word of it is a person's name, an honorific, a forename or a word the book writes in
    lower case."""
    for m in pieces_holding(_HEADED_REGION, tuple(f" {head}" for head in _REGION_HEADS), text):
        name = m.group(1)
        words = name.split()[:-1]
        if places.find(name) is not None or any(
            w in not_places or w in profile.honorifics or w in profile.forenames or w.lower() in lowercase
            for w in words
        ):
            continue
        places.add(
            name,
            _REGION_HEADS[name.rpartition(" ")[2]],
            gazetteer.known_as(name),
            "named in the text",
            evidence=f"a name and '{name.rpartition(' ')[2]}': {passage(text, m.start(), m.end())}",
        )


@cache
def _opening_pattern(openings: tuple[str, ...]) -> re.Pattern:
    """A word of `openings` and a capitalised word joined by a hyphen ("Ben-Lomond"), or
    three lower-case letters or more joined to it ("Glenconner"), a word of its own."""
    return re.compile(rf"(?<![\w'’-])(?:{_words(openings)})(?:-[{UPPER}][{LOWER}]+|[{LOWER}]{{3,}})(?![\w'’-])")


def _opened(
    places: registers.Places,
    text: str,
    not_places,
    profile,
    lowercase: Collection[str],
    strong: Counter,
    seen: dict[str, str],
) -> None:
    """A name that opens with a word of the profile's `[places] openings` (a hill's, a
    lake's, a valley's: Scots "Ben", "Loch", "Glen"): joined to a capitalised word by a
    hyphen, a place wherever written ("frae aff Ben-Lomond"); written as one word, a place
    after a preposition of place ("the folk about Glenconner"), the lairds and earls named
    after such lands being named so alone or after "of" ("Glencairn", "Earl of Glencairn").
    Never a word the book writes in lower case ("Beneath"), an honorific, a forename, nor a
    person's name."""
    if not profile.place_openings:
        return
    pattern = _opening_pattern(tuple(profile.place_openings))
    for m in pieces_holding(pattern, tuple(profile.place_openings), text):
        name = m.group()
        hyphened = "-" in name
        if (
            (not hyphened and not strong[name])
            or name.lower() in lowercase
            or name in profile.honorifics
            or name in profile.forenames
            or name in not_places
            or places.find(name) is not None
        ):
            continue
        where = passage(text, m.start(), m.end()) if hyphened else seen[name]
        places.add(
            name,
            "place",
            None,
            "named in the text",
            evidence=f"a name opening with a word for a hill, a lake or a valley: {where}",
        )


@cache
def _ending_patterns(endings: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A capitalised word with one of `endings` ("Ayrshire": two letters at least before the
    ending), and the pattern of the endings alone (`pieces_holding`)."""
    written = "|".join(map(re.escape, endings))
    return re.compile(rf"([A-Z](?<![\w'’-].)[a-z]{{2,}}(?:{written}))(?![\w'’-])"), re.compile(written)


def _ending(name: str, profile) -> str | None:
    """The type a name's ending gives it (`[places] endings`: "Fifeshire", a county), if any."""
    return next((kind for end, kind in profile.place_endings.items() if name.endswith(end)), None)


def _endings(places: registers.Places, text: str, not_places: set[str], profile) -> None:
    """A place named by an ending of the profile (`[places] endings`: "in Ayrshire", "Sporran,
    Fifeshire"), wherever the book writes it: not after an honorific ("Lord Wiltshire" is a
    peer), nor a person's name."""
    if not profile.place_endings:
        return
    pattern, ending_words = _ending_patterns(tuple(sorted(profile.place_endings)))
    for m in pieces_holding(pattern, ending_words, text):
        name = m.group(1)
        if name in not_places or places.find(name) is not None or name in profile.regions:
            continue
        behind = text[max(0, m.start() - 20) : m.start()].split()
        if behind and behind[-1] in profile.honorifics:
            continue
        kind = _ending(name, profile) or "place"
        places.add(
            name, kind, None, "named in the text", evidence=f"a {kind}'s name: {passage(text, m.start(), m.end())}"
        )


_OTHER_NAME_POPULATION = 100_000  # a city known by another name ("Treves", Trier) is a large one


def _named(name: str):
    """The gazetteer's place of that very name; a name hyphenated as older books write it
    is also the name written whole ("Czecho-Slovakia", Czechoslovakia)."""
    geo = gazetteer.lookup_named(name)
    if geo is None and "-" in name:
        first, rest = name.split("-", 1)
        geo = gazetteer.lookup_named(first + rest.replace("-", "").lower())
    return geo


def _other_name(name: str, strong: int, count: Uses, profile) -> gazetteer.GeoPlace | None:
    """The place a name the gazetteer knows only as another name of it ("Treves" of Trier,
    "Fiume" of Rijeka) names here, if any: a country or state, or a city of 100,000 people
    or more, after a preposition of place in half the name's uses at least; one word ("the
    White House" is no name of Casablanca), never a forename (persons share such names)."""
    if " " in name or not strong or name in profile.forenames:
        return None
    geo = gazetteer.lookup(name)
    if geo is None or not (geo.type in _REGIONS or geo.population >= _OTHER_NAME_POPULATION):
        return None
    return geo if strong >= _SMALL_SHARE * count(name) else None


_DATELINE_PLACE = re.compile(rf"({_NAME})\s*(?:[,.;:]|$)")


def datelines(places: registers.Places, tei, not_places: set[str], profile, lowercase: Collection[str]) -> None:
    """The places letters are dated from: the name that opens a `dateline`, and the names
    that date a paragraph of the running text as a letter's dateline does (see the module)."""
    for dateline in tei.iter(q("dateline")):
        written = " ".join("".join(dateline.itertext()).split())
        m = _DATELINE_PLACE.match(written)
        if m is not None:
            _dated_from(places, m.group(1), written, not_places, profile, lowercase)
    for block in tei.iter(q("p")):
        for name, written in _dating_names(block):
            _dated_from(places, name, written, not_places, profile, lowercase)


def _dated_from(places, name: str, written: str, not_places, profile, lowercase: Collection[str]) -> None:
    """Enter `name`, a place a letter is dated from (`written`: the words dating it), unless it
    may be no place: a person's name, a month, weekday, honorific or forename, a word the book
    writes in lower case."""
    if (
        places.find(name) is not None
        or name in not_places
        or any(w.lower() in lowercase for w in name.split())
        or any(w in profile.honorifics or w in profile.forenames or _month(w, profile) for w in name.split())
        or any(w.lower().rstrip(".") in _WEEKDAYS for w in name.split())
    ):
        return
    places.add(
        name,
        "settlement",
        gazetteer.lookup_named(name),
        "named in the text",
        evidence=f"the place a letter is dated from: “{written}”",
    )


# The names before a date that ends a paragraph, each and a comma, after the paragraph's start
# or a sentence's end: "Mossgiel, February 22, 1786.", "… Robert Burns. Ellisland, near Dumfries,
# 18th May, 1789." (a letter's or a verse epistle's dateline, which the book prints as a
# paragraph, or as the last sentence of one, after the signature).
_DATING_NAMES = re.compile(rf"(?:^|[.!?]\s+)((?:(?:near\s)?{_NAME},\s+)+)$")
_DATING_NAME = re.compile(rf"(?:near\s)?({_NAME}),")
_AFTER_DATELINE = frozenset(" \t\n.”\"’'")


def _dating_names(block) -> list[tuple[str, str]]:
    """The names that date a paragraph as a dateline does (`_DATING_NAMES`), each with the
    words of that dateline: none in a note (a citation, "Moniteur, 12 March 1793"), nor where
    the date is no paragraph's last words."""
    if not len(block) or block[-1].tag != q("date") or not set(block[-1].tail or "") <= _AFTER_DATELINE:
        return []
    if any(a.tag == q("note") for a in block.iterancestors()):
        return []
    date = block[-1]
    before = date.getprevious()
    text = (before.tail if before is not None else block.text) or ""
    m = _DATING_NAMES.search(text)
    if m is None:
        return []
    written = " ".join((m.group(1) + "".join(date.itertext())).split())
    return [(n.group(1), written) for n in _DATING_NAME.finditer(m.group(1))]


# A battle or a siege and "of" before the place it is named after ("the battle of Vaila", "the
# siege of Leyden"): a field or a town, whether the gazetteer knows it or not.
_BATTLEFIELD = re.compile(
    r"(?:[Bb](?<![\w-].)attles?|[Ss](?<![\w-].)ieges?) of ([A-Z][a-z'’]+)(?![\w'’-])(?:\s([A-Z][a-z'’]+))?"
)
_BATTLE_WORDS = ("attle", "iege")  # sought first (`pieces_holding`), either capital


def _battlefields(
    places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]
) -> None:
    """A name after "battle of" or "siege of" (either word capitalised, "Battle of Caravaggio")
    is a place, gazetteer or none ("the battle of Vaila", "the famous battle of Montaperti"):
    the place of the gazetteer if it knows one of that name, else a place of unknown kind.
    Not a month or a weekday ("the battle of June"), a person's name, an honorific, a deity, a
    word the book writes in lower case ("a battle of Wits"), a possessive, a people's adjective
    ("the battle of English"), nor the first word of a longer name ("the siege of Monte di
    Croce", "the battle of San Romano")."""
    for m in pieces_holding(_BATTLEFIELD, _BATTLE_WORDS, text):
        name = m.group(1)
        if name.endswith(("'s", "’s")) or not _ends_name(name, m.group(2), lowercase, profile):
            continue
        if _runs_on_through_particle(text, m.end(1), profile):
            continue
        if (
            places.find(name) is not None
            or name in not_places
            or name.lower() in lowercase
            or name in profile.honorifics
            or name in profile.deities
            or _ADJECTIVE.search(name)
            or _month(name, profile)
            or name.lower() in _WEEKDAYS
        ):
            continue
        geo = max(
            (g for g in (gazetteer.lookup_named(name), gazetteer.lookup(name)) if g is not None),
            key=_size,
            default=None,
        )
        places.add(
            name,
            "place" if geo is None else "settlement" if geo.type == "city" else geo.type,
            geo,
            "named in the text",
            evidence=f"a battle or a siege named after it: {passage(text, m.start(), m.end(1))}",
        )


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _month(word: str, profile) -> bool:
    return word.lower().rstrip(".") in MONTHS or word.lower() in profile.months


# The region in a look-ahead: in "Gervase Park, Dorking, Surrey" a word is the region of one
# pair and the town of the next.
_ADDRESS = re.compile(rf"({LISTED_WORD}),\s(?=({_NAME})(?![\w'’-]|\s[{UPPER}]))")


def _addresses(places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]) -> None:
    """A town and its region, "Dorking, Surrey" (see the module)."""

    def may_be_place(name: str) -> bool:
        return not (
            name in not_places
            or any(w.lower() in lowercase for w in name.split())
            or any(w in profile.forenames or w in profile.honorifics for w in name.split())
            or _ADJECTIVE.search(name)
        )

    for m in _ADDRESS.finditer(text):
        town, region = m.groups()
        if initial(text, m.start()) or not may_be_place(town) or not may_be_place(region):
            continue
        kind = profile.regions.get(region)
        geo = None
        if kind is None and places.find(region) is not None:
            kind = _ending(region, profile)  # "Fifeshire", found by its ending (`_endings`)
        if kind is None:
            geo = gazetteer.lookup_named(region)
            if geo is None or geo.type not in _REGIONS:
                continue
            kind = geo.type
        found = gazetteer.lookup_named(town, everything=True)
        if (
            found is not None
            and _demonym(town, found)
            or found is None
            and kind != "county"
            and _ending(region, profile) is None
        ):
            continue  # a town no gazetteer holds only before a county ("Sporran, Fifeshire")
        where = passage(text, m.start(), m.end() + len(region))
        if places.find(region) is None:
            places.add(
                region,
                kind,
                geo,
                "named in the text",
                evidence=f"a region after a town, as addresses name them: {where}",
            )
        if places.find(town) is None:
            places.add(
                town,
                "settlement" if found is None or found.type == "city" else found.type,
                gazetteer.lookup_named(town),
                "named in the text",
                evidence=f"a town before its region, as addresses name them: {where}",
            )


# A town's people named after it, plural, after "the": "the Pisans" (Pisa), "the Sienese" (Siena),
# "the Paduans", "the Athenians" (Athens), "the Thebans" (Thebes); the ending (group 2) and
# what it follows (group 1), to which the town's name adds back "a", "e", "o", "s", "es" or
# nothing.
_PEOPLE_OF_TOWN = re.compile(rf"[Tt](?<![\w'’-].)he ([{UPPER}][{LOWER}]{{2,}}?)(ians|ans|ns|ese)(?![\w'’-])")
_TOWN_ENDINGS = ("", "a", "e", "o", "s", "es")


def _towns_of_peoples(
    places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]
) -> None:
    """A town whose people the book names after it, plural, after "the" ("the Pisans", "the
    Sienese", "the Paduans"), is a place wherever the book writes its name: a city of the
    gazetteer's well-known part (15,000 people or more) of that very name, written inside a
    sentence at least once, when it is no person's name, forename, honorific, deity nor word the
    book writes in lower case ("the Sirens": the book's "sire"). The people's word is the
    evidence, the name the place ("he pounced down upon Pisa", "After this, Lucca and Siena
    yielded": no preposition of place before either)."""
    peoples: dict[str, str] = {}
    for m in _PEOPLE_OF_TOWN.finditer(text):
        stem = m.group(1)
        for ending in _TOWN_ENDINGS:
            peoples.setdefault(stem + ending, m.group(0))
    for name, where in sorted(peoples.items()):
        if (
            len(name) < 4
            or places.find(name) is not None
            or name in not_places
            or name.lower() in lowercase
            or name in profile.forenames
            or name in profile.honorifics
            or name in profile.deities
        ):
            continue
        geo = gazetteer.lookup_named(name)
        if geo is None or geo.type != "city" or not _mid_sentence_uses(name, text):
            continue
        places.add(
            name,
            "settlement",
            geo,
            "named in the text; GeoNames",
            evidence=f"a town whose people the book names after it: {where}",
        )


# The kind of place a name is said to be, and the type its entry takes.
_KINDS = {
    "town": "settlement",
    "city": "settlement",
    "village": "settlement",
    "hamlet": "settlement",
    "seaport": "settlement",
    "port": "settlement",
    "river": "river",
    "stream": "river",
    "mountain": "mountain",
    "hill": "mountain",
    "island": "island",
    "fortress": "place",
    "castle": "place",
    "province": "region",
    "region": "region",
    "district": "region",
    "county": "region",
    "place": "place",
}
# "Caieta, a town in Latium", "Bertinoro, is a small town in Romagna", "The Elsa is a river in
# Tuscany", "Corneto, a village in the Papal States", "Bismantova, a mountain in the duchy of
# Modena": a name (group 1), a comma or "is"/"was", "a"/"an" and up to two words before the
# kind (group 2), and where it lies: a preposition and a capitalised name, maybe after "the"
# and a word and "of" ("a city of hermits", "a river of speech" say no place).
_APPOSED_KIND = re.compile(
    rf"([{UPPER}](?<![\w'’-].)[{LOWER}]+(?: [{UPPER}][{LOWER}]+)?)(?:,\s|,?\s(?:is|was)\s)an?\s(?:[a-z]+\s){{0,2}}?"
    rf"({'|'.join(_KINDS)})\s(?:in|of|on|near)\s(?:the\s)?(?:[a-z]+\s(?:of\s)?)?[{UPPER}]"
)
# `_APPOSED_KIND`'s kinds, sought first (`pieces_holding`): only the paragraphs holding one are searched
_APPOSED_KIND_WORDS = tuple(_KINDS)


def _apposed_kinds(
    places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]
) -> None:
    """A name the book says is a town, a river, a mountain or another kind of place, and where
    it lies, in apposition or with "is"/"was" ("Caieta, a town in Latium", "Noli, a town in the
    Genoese territory", "Buggia is a city in Africa", "Tambernich is a mountain of Sclavonia"):
    a place of that kind wherever written, gazetteer or none, when it is no person's name, no
    honorific and its first word is none the book writes in lower case ("It is an island in
    the South Pacific Ocean", "There is a place in Hell"). An article before it stays outside
    ("The Elsa is a river in Tuscany": Elsa)."""
    articles = {a.capitalize() for a in profile.articles}
    for m in pieces_holding(_APPOSED_KIND, _APPOSED_KIND_WORDS, text):
        words = m.group(1).split()
        if words[0] in articles:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        if (
            places.find(name) is not None
            or name in not_places
            or any(w in not_places or w in profile.honorifics for w in words)
            or words[0].lower() in lowercase
        ):
            continue
        kind = _KINDS[m.group(2)]
        places.add(
            name,
            kind,
            None,
            "named in the text",
            evidence=f"a {m.group(2)} by the book's own words: {passage(text, m.start(), m.end())}",
        )


# A kind of place written before its name, and the type its entry takes: "the river Reno", "the
# isle of Lemnos", "the island of Kamberg", "the port of Rotterdam", "the plain of Roncesvalles".
_KINDS_BEFORE = {
    "river": "river",
    "isle of": "island",
    "island of": "island",
    "port of": "settlement",
    "plain of": "place",
}
# The kind in lower case after "the" (group 1), the name (group 2): one capitalised word that no
# other follows ("the river Des Moines" is no river Des).
_KIND_BEFORE = re.compile(
    rf"[Tt](?<![\w'’-].)he ({'|'.join(_KINDS_BEFORE)}) ([{UPPER}][{LOWER}]+)(?![\w'’-])(?!\s[{UPPER}])"
)
# `_KIND_BEFORE`'s kinds, sought first (`pieces_holding`): only the paragraphs holding one are searched
_KINDS_BEFORE_WORDS = tuple(f"{kind} " for kind in _KINDS_BEFORE)


def _kinds_before(
    places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]
) -> None:
    """A name after "the" and a kind of place written in lower case before it ("the river
    Reno", "the river Phlegethon", "the isle of Lemnos", "the port of Rotterdam", "the plain of
    Roncesvalles"): a place of that kind wherever written, gazetteer or none, when it is no
    person's name, honorific nor word the book writes in lower case (a verse's next line: "the
    river / Lifted")."""
    for m in pieces_holding(_KIND_BEFORE, _KINDS_BEFORE_WORDS, text):
        name = m.group(2)
        if (
            places.find(name) is not None
            or name in not_places
            or name in profile.honorifics
            or name in profile.deities
            or name.lower() in lowercase
        ):
            continue
        places.add(
            name,
            _KINDS_BEFORE[m.group(1)],
            None,
            "named in the text",
            evidence=f"named after its kind: {passage(text, m.start(), m.end())}",
        )


@cache
def _first_word_pattern(words: tuple[str, ...]) -> re.Pattern:
    """One of `words` (group 1), a space and one capitalised word (group 2) that no other
    follows ("Mount Holyoke College" is a college's name)."""
    return re.compile(
        rf"(?<![\w'’-])({'|'.join(map(re.escape, words))}) ([{UPPER}][{LOWER}]+)(?![\w'’-])(?!\s[{UPPER}])"
    )


_WORD_BEFORE = re.compile(r"(\w+)\s$")


def _first_words(
    places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]
) -> None:
    """A name opened by a word of English or the profile (`registers.first_words`: "Mount Tabor", "Monte
    Aperto", "Lake Champlain", "Cape Peloro"), the two words a place of the type the word gives
    wherever written, when the second is no person's name, honorific nor word the book writes in
    lower case ("Mount Delectable"), nor a place found already ("Mount Etna": Etna), and no
    capitalised word but a function word stands before them ("Salt Lake City", "Thomas Lake
    Harris": a longer name's)."""
    first_words = registers.first_words(profile)
    function_words = set(profile.english_words)
    words = tuple(first_words)
    for m in pieces_holding(_first_word_pattern(words), tuple(f"{word} " for word in words), text):
        word, second = m.groups()
        name = m.group(0)
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and before.group(1)[0].isupper() and before.group(1).lower() not in function_words:
            continue
        if (
            places.find(name) is not None
            or places.find(second) is not None
            or second in not_places
            or second in profile.honorifics
            or second.lower() in lowercase
        ):
            continue
        places.add(
            name,
            first_words[word],
            None,
            "named in the text",
            evidence=f"a name opened by '{word}': {passage(text, m.start(), m.end())}",
        )


@cache
def _linked_first_word_pattern(words: tuple[str, ...], links: tuple[str, ...]) -> re.Pattern:
    """One of `words` (group 1), a space, one of `links` (a space after it, or none after an
    elided one: "d’Arno", "d’ Elsa") and one capitalised word (group 2) no other follows."""
    joins = "|".join(re.escape(link) + (" ?" if link[-1] in "’'" else " ") for link in links)
    return re.compile(
        rf"(?<![\w'’-])({'|'.join(map(re.escape, words))}) (?:{joins})([{UPPER}][{LOWER}]+)(?![\w'’-])(?!\s[{UPPER}])"
    )


def _linked_first_words(
    places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]
) -> None:
    """A name opened by a word of the profile (`[places] first_words`) and a particle of "of"
    (`[places] first_word_links`: "Val di Chiana", "Val d’Arno", "Val d’ Elsa", "Monte di
    Croce"), a place of the type the word gives wherever written: another place than the one
    named after the particle (the valley of the Arno, not the river), found or not, when that
    name is no person's name, honorific, forename ("Val de Grace") nor word the book writes in
    lower case. The same name written with and without a space after an elided particle ("Val
    d’Arno", "Val d’ Arno") is one place."""
    if not profile.place_first_word_links:
        return
    first_words = registers.first_words(profile)
    words = tuple(first_words)
    pattern = _linked_first_word_pattern(words, profile.place_first_word_links)
    for m in pieces_holding(pattern, tuple(f"{word} " for word in words), text):
        word, second = m.groups()
        name = m.group(0)
        if (
            second in not_places
            or second in profile.honorifics
            or second in profile.forenames
            or second.lower() in lowercase
            or places.find(name) is not None
        ):
            continue
        # the other way of writing an elided particle, with or without a space after it
        elided = text[m.start(2) - 1] in "’'"
        other = places.find(f"{name[: m.start(2) - m.start()]} {second}" if elided else name.replace("’ ", "’"))
        if other is not None:
            places.alias(name, other)
            continue
        places.add(
            name,
            first_words[word],
            None,
            "named in the text",
            evidence=f"a name opened by '{word}' and a particle: {passage(text, m.start(), m.end())}",
        )


# A city listed with places under another of its names, known the world over: "Stettin"
# (Szczecin), "Frankfurt" (Frankfurt am Main), of 100,000 people or more.
_LISTED_CITY_BY_ANOTHER_NAME = 100_000


def _city_by_another_name(name: str):
    """The gazetteer's city of `_LISTED_CITY_BY_ANOTHER_NAME` people or more that `name` is
    another name of, if any."""
    geo = gazetteer.lookup(name)
    return geo if geo is not None and geo.type == "city" and geo.population >= _LISTED_CITY_BY_ANOTHER_NAME else None


# `LISTED_WORD` with its lower-case letters held (possessive `++`): what follows them in
# `_listed`'s pattern (a hyphen, a comma, a space, the end of a list, no word character
# after it) never follows a letter given back, so `re` gives none back to try it; the same
# matches, found in half the time (it tried each of a book's capitalised words, letter by
# letter from its end).
_LISTED_WORD_HELD = rf"[{UPPER}][{LOWER}]++(?:[{HYPHENS}][{UPPER}][{LOWER}]++)?"


def list_of_names(joins: tuple[str, ...], w: str) -> re.Pattern:
    """Names of the pattern `w` in a list that one of `joins` closes ("Lyons and Toulon"), or
    that commas join, three or more ("Hamburg, Magdeburg, Dresden")."""
    join = "|".join(map(re.escape, joins))
    return re.compile(rf"{w}(?:,\s{w})*,?\s(?:{join})\s{w}(?![\w'’-]|\s[{UPPER}])|{w}(?:,\s{w}){{2,}}")


def _listed(places: registers.Places, text: str, not_places: set[str], profile, lowercase: Collection[str]) -> None:
    """Names listed with places the book names ("in Lyons, Toulon, Bordeaux", "Lyons and
    Toulon"), in the book's lists read twice, so that a place a later list shows makes an
    earlier list's too: the book's own consistency. A name is taken when the gazetteer knows a place of
    that very name (any size, or a country's region), or a city of 100,000 people or more by
    it as another of its names in a list of three or more ("Hamburg, Magdeburg, Dresden,
    Stettin, Frankfurt": Szczecin, Frankfurt am Main; not "Here's to Maitland and Wycombe",
    two lords), and it is no person's name, no
    forename, no word the book writes in lower case. Many places share a small town's name:
    the entry has no GeoNames id unless the well-known part of the gazetteer holds it."""
    if not profile.name_joins:
        return
    listed = list_of_names(tuple(profile.name_joins), _LISTED_WORD_HELD)
    word = re.compile(LISTED_WORD)
    # two rounds: a list may hold only places found in the first ("to hold Capua, Carthage, and
    # Numantia" before a later "Allesandria, Capua, Genoa" lists Capua with Genoa)
    lists = [(m, word.findall(m.group())) for m in listed.finditer(text)]
    for m, names in lists + lists:
        if not any(places.find(n) is not None for n in names):
            continue
        if re.search(rf"(?:[{UPPER}][\w.'’]*|['’]s)\s$", text[max(0, m.start() - 30) : m.start()]):
            names = names[1:]  # "King's College, Cambridge": the first is the end of a longer name
        for name in names:
            if (
                places.find(name) is not None
                or name in not_places
                or name.lower() in lowercase
                or name in profile.forenames
                or name in profile.honorifics
                or _ADJECTIVE.search(name)
            ):
                continue
            geo = gazetteer.lookup_named(name, everything=True)
            known = gazetteer.lookup_named(name)
            if geo is None and len(names) >= 3:  # not "to Maitland and Wycombe", two lords
                geo = known = _city_by_another_name(name)
            if geo is None or _demonym(name, geo):
                continue
            places.add(
                name,
                geo.type if geo.type != "city" else "settlement",
                known,
                "named in the text",
                evidence=f"a place's name in the gazetteer, listed with places: {passage(text, m.start(), m.end())}",
            )


def _smaller(
    places, name: str, cues: tuple[int, int, int], text: str, not_places, profile, lowercase, evidence, count: Uses
) -> None:
    """A place the well-known part of the gazetteer does not hold: a first-level region of a
    country (ISO 3166-2: "Vaud", "Valais") after a preposition of place, or twice after
    "of"/"and", but for an adjective of the compass ("the Northern barbarians"); a smaller
    town after a preposition of place in half its uses at least, twice
    or more after a locative ("at Fishbourne", `[places] locatives`; not "quotes from Homer"),
    never a forename nor a word the book writes in lower case. Many small towns share a name:
    the entry has no GeoNames id (`cues`: after a preposition, after "of"/"and", after a locative)."""
    strong, weak, located = cues
    geo = gazetteer.lookup_named(name, everything=True)
    if name in not_places or name.lower() in lowercase or name in profile.forenames:
        return
    if geo is None:
        _unknown(places, name, cues, text, evidence, profile, count)
        return
    if geo.type == "region" and (strong or weak >= 2) and name not in _COMPASS_ADJECTIVES:
        places.add(name, "region", None, "named in the text; ISO 3166-2", evidence=evidence(name, "a country's region"))
    elif (
        geo.type == "city"
        and strong
        and strong >= _SMALL_SHARE * count(name)
        and (home := _at_home(name, profile)) is not None
        and not _demonym(name, geo)
        and not _listed_with_persons(name, text, not_places)
    ):
        # "In Tarbolton, ye ken": a town of the book's own land, as a well-known town is
        places.add(
            name,
            "settlement",
            home,
            "named in the text; GeoNames",
            evidence=evidence(name, "a town of the book's land in GeoNames"),
        )
    elif geo.type == "city" and located >= 2 and strong >= _SMALL_SHARE * count(name) and not _demonym(name, geo):
        places.add(name, "settlement", None, "named in the text", evidence=evidence(name, "a town's name in GeoNames"))
    elif (
        located
        and strong == count(name)
        and (known := gazetteer.lookup_named(name)) is not None
        and known.geonameid == geo.geonameid
        and not _demonym(name, geo)
        and not _listed_with_persons(name, text, not_places)
    ):
        # a town of 15,000 people or more (the gazetteer's well-known part), written only
        # after a preposition of place, once after a locative: "occurred at Leamington"
        places.add(name, "settlement", None, "named in the text", evidence=evidence(name, "a town's name in GeoNames"))


# A person's name, "of" and one capitalised word: "Dr. Peter Wodrow of Tarbolton", "Dr. David
# Shaw of Coylton"; after a comma, and a noun of his office maybe: "Capt. Wm. Roddirk, of
# Corbiston", "Rev. Wm. Boyd, pastor of Fenwick" (the capital first: `re` scans for it).
_STOP_AFTER = re.compile(r"[.,;:)!?]")


@cache
def _of_home(roles: tuple[str, ...]) -> re.Pattern:
    office = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"([{UPPER}](?<![\w'’-].)[{LOWER}]+)(?: |, (?:(?:{office}) )?)of ([{UPPER}][{LOWER}]+)(?![\w'’-]|\s[{UPPER}])"
    )


def _homes(places: registers.Places, text: str, not_places, profile, lowercase: Collection[str]) -> None:
    """A town of the book's own land (`[places] home`), or a place the well-known part of the
    gazetteer holds under that very name, after a person's name and "of", as a note names a man
    by his parish or his town ("Dr. Peter Wodrow of Tarbolton", "Dr. Taylor of Norwich",
    "Archimedes of Syracuse"): his home, a place wherever the book writes it; after a comma too,
    and a noun of one who holds a place of the profile (`[places] holders`) maybe ("Capt. Wm. Roddirk, of
    Corbiston", "Rev. Wm. Boyd, pastor of Fenwick", "Wallace, laird of Craigie"). A name the
    gazetteer does not hold in the book's land nor among well-known places is his estate, farm
    or parish all the same, a place without a GeoNames id ("George Dempster of Dunnichen", "Sir
    Adam Ferguson of Kilkerran", "Rev. Alexander Moodie of Riccarton"): a notes' way of naming
    a man; where the book writes it after "of" only (verse calls a laird by his land: "chaste
    Kilkerran", "Bold Richardton's heroic swell"). The name before "of"
    is one the persons' pass found (`not_places` holds its words; not a word the profile says
    is never a place's), the place's no person's name, forename, honorific or word the book
    writes in lower case ("the God of Nature"); one word, no second capitalised word after it
    ("of New Cumnock"). A people's word of the profile (`[orgs] peoples`) after "a" or "an"
    names a man as well ("Sordello was a Mantuan of Sirier": his birthplace)."""
    persons = not_places - set(profile.not_places)
    found = list(_of_home(tuple(profile.place_holders)).finditer(text))
    # how often the book writes each name found, and "of" before it, all counted in one scan
    # (`Uses`): two searches of the whole book for each name took most of this pass
    count = Uses(text, {written for m in found for written in (m.group(2), f"of {m.group(2)}")})
    for m in found:
        person, name = m.groups()
        if (
            (person not in persons and not _one_of_a_people(text, m.start(), person, profile))
            or name in not_places
            or name.lower() in lowercase
            or name in profile.forenames
            or name in profile.honorifics
            or places.find(name) is not None
        ):
            continue
        home = _at_home(name, profile)
        what = "a town of the book's land"
        if home is None and place_name(name):
            home, what = gazetteer.lookup_named(name), "a well-known place"
        if home is None:
            # (a name the gazetteer does not vouch for: only one a clause's stop ends, as a
            # notes' "of Dunnichen." does, not "of Scottish birth"; and one the book writes
            # after "of" only, for verse calls a laird by his land: "chaste Kilkerran", "Bold
            # Richardton's heroic swell", "Barr Steenie!")
            if _STOP_AFTER.match(text, m.end()) and count(f"of {name}") == count(name):
                places.add(
                    name,
                    "place",
                    None,
                    "named in the text",
                    evidence=f"a name after a person's name and 'of': {passage(text, m.start(), m.end())}",
                )
            continue
        if _demonym(name, home):
            continue
        places.add(
            name,
            "settlement" if home.type == "city" else home.type,
            home,
            "named in the text; GeoNames",
            evidence=f"{what} after a person's name and 'of': {passage(text, m.start(), m.end())}",
        )


def _one_of_a_people(text: str, start: int, word: str, profile) -> bool:
    """Whether `word`, at `start`, is a people's word of the profile (`[orgs] peoples`) after
    "a" or "an": one man of that people ("a Mantuan of Sirier")."""
    return word in profile.org_peoples and _A_BEFORE.search(text, max(0, start - 4), start) is not None


_A_BEFORE = re.compile(r"(?<![\w'’-])[Aa]n? $")


def _at_home(name: str, profile) -> gazetteer.GeoPlace | None:
    """The gazetteer's town of that very name inside a land of `[places] home`, if any."""
    if not profile.home:
        return None
    for geo in gazetteer.lookup_all_named(name):
        if geo.type == "city" and geo.lat is not None and geo.lng is not None:
            if any(s <= geo.lat <= n and w <= geo.lng <= e for s, n, w, e in profile.home):
                return geo
    return None


def _listed_with_persons(name: str, text: str, not_places) -> bool:
    """Whether the text lists a name with a word that is no place (a person's name found
    already): "in Cowley, Milton, and Pope" names poets, not a town."""
    start = 0
    while (at := text.find(name, start)) >= 0:  # found by `str.find`, as `uses` does
        start = at + len(name)
        if at and _word_char(text[at - 1]):
            continue
        m = _LISTED_NEXT.match(text, start)
        if m is not None and m.group(1) in not_places:
            return True
    return False


_LISTED_NEXT = re.compile(rf",?\s(?:(?:and|or)\s)?([{UPPER}][{LOWER}]+)")


_UNKNOWN_LOCATED = 3  # uses after a locative that make a place of a name no gazetteer holds
_UNKNOWN_STRONG = 4  # or uses after a preposition of place, two in three of its uses, one a locative
_MOSTLY = 2 / 3


def _unknown(places, name: str, cues: tuple[int, int, int], text: str, evidence, profile, count: Uses) -> None:
    """A name no gazetteer holds (a house, an estate, a village of the story: "at Churchill"):
    a place where the book writes it after a locative three times or more and after a
    preposition of place in half its uses at least, or after a preposition of place four
    times or more and in two uses of three, once after a locative ("walked to Gilhampton",
    "at Gilhampton"); and seldom before a lower-case word other than a function word (once
    in three uses at most: "the French army" is a language's, a people's; "to Stamton that
    day" a town's)."""
    strong, _, located = cues
    if " " in name or not located:
        return
    n = count(name)
    if not (
        located >= _UNKNOWN_LOCATED
        and strong >= _SMALL_SHARE * n
        or strong >= _UNKNOWN_STRONG
        and strong >= _MOSTLY * n
    ):
        return
    if _attributive(name, text, profile) * 3 > n:
        return
    places.add(name, "place", None, "named in the text", evidence=evidence(name, "a name no gazetteer holds"))


def _attributive(name: str, text: str, profile) -> int:
    """How often `name` stands before a lower-case word that is no function word of the
    profile, as an adjective before its noun does ("the French army"; not "to Stamton that
    day", "from Easewood to Stamton his imagination ran")."""
    function_words = set(profile.english_words)
    # the look-behind after the first letter: `re` skips to that letter (see `words_at_start`)
    after = re.findall(rf"{re.escape(name[0])}(?<![\w-].){re.escape(name[1:])} ([a-z]+)", text)
    return sum(word not in function_words for word in after)


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"  # the regular expressions' \w, or a hyphen


def _strong_only(name: str, text: str, profile) -> bool:
    """Whether a common word names a place right after a preposition of place ("in Bath")."""
    return re.search(rf"\b(?:{prepositions(profile)})\s{re.escape(name)}\b", text) is not None


def cue_before(text: str, start: int, pattern: re.Pattern) -> bool:
    """Whether a preposition of place stands right before `start` ("in ", "to "):
    `pattern` is `before(profile)`."""
    return pattern.search(text[max(0, start - 16) : start]) is not None


def before(profile) -> re.Pattern:
    """A preposition of place, or a feature of a place and its link ("the banks o' "), right
    before the end of a text (`cue_before`)."""
    return re.compile(rf"\b(?:{prepositions(profile)}|{_feature_links(profile)})\s$")


def _feature_links(profile) -> str:
    """`[places] features` and a link after them as a pattern ("banks of|banks o'"), each
    link's apostrophe written either way."""
    features, links = tuple(profile.place_features), tuple(profile.feature_links)
    if not features or not links:
        return "(?!)"
    linked = "|".join(re.escape(w).replace("'", "['’]") for w in links)
    return rf"(?:{_words(features)}) (?:{linked})"


def _feature_of_common_word(word: str, name: str, text: str, profile) -> bool:
    """Whether a name the book also writes in lower case stands after a feature of a place
    of the profile and its link ("She tripped by the banks o' Earn", "the banks of Sark":
    Scots "earn", an eagle, "sark", a shirt, elsewhere), and the book writes it capitalised
    mid-sentence twice or more ("Blythe by the banks of Earn", "Now Sark rins over Solway
    sands"): a place there, as a proper noun of the book, marked only after such a feature and
    link (`cue_before`). Not one capitalised once ("The streets of Mankind were wide, for
    mankind is many"), nor after a town's or a district's word ("the town of Reading" needs
    more), nor a word the profile says is never a name (`[names] not`: "the shores of Fate") or
    with an abstract noun's ending ("the shores of Eternity")."""
    return (
        word in profile.place_features
        and name not in profile.not_names
        and _ABSTRACT.search(name) is None
        and _mid_sentence_uses(name, text) >= _PROPER_USES
    )


_PROPER_USES = 2  # mid-sentence capitalised uses that make a common word's twin a proper noun


def proper_twins(names: Collection[str], text: str, profile) -> frozenset[str]:
    """Of `names` (places whose names the book also writes in lower case), those it knows as
    places on evidence that is no preposition's: the profile's own places (`[places] known`:
    the river Forth, beside "forth") and those it writes after a feature of a place and its
    link ("the banks of Sark", Scots "sark" a shirt elsewhere), capitalised mid-sentence twice
    or more (`_feature_of_common_word`). Such a name is the place wherever the book writes it
    capitalised inside a sentence, as verse does a river's ("Now Sark rins over Solway
    sands", "Gied Forth an' Tay a lift aboon"), not only after a preposition of place (see
    `places.apply`); where it opens a sentence or a verse's line it stays the common word
    ("Forth I did fare")."""
    twins = {name for name in names if name in profile.known_places}
    for name in set(names) - twins:
        if (
            name not in profile.not_names
            and _ABSTRACT.search(name) is None
            and after_feature(name, text, profile)
            and _mid_sentence_uses(name, text) >= _PROPER_USES
        ):
            twins.add(name)
    return frozenset(twins)


def after_feature(name: str, text: str, profile) -> bool:
    """Whether `text` writes `name` as a word (no letter, digit, hyphen nor apostrophe after
    it) right after a feature of a place, its link and a space (`_feature_links`: "the banks
    of Sark"): `re.search(rf"\\b{_feature_links(profile)} {name}(?![\\w'’-])", text)`, the
    name found by `str.find` and the feature and link sought only in the few characters
    before each place it is written (`re` tried the pattern at every position of the book,
    a tenth of a second for Burns's seven names)."""
    before = _feature_link_before(tuple(profile.place_features), tuple(profile.feature_links))
    if before is None:
        return False
    pattern, reach = before
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (
            text[at - 1 : at] == " "
            and _NO_WORD_GOES_ON.match(text, end) is not None
            and pattern.search(text, max(0, at - reach), at) is not None
        ):
            return True
        at = text.find(name, at + 1)
    return False


_NO_WORD_GOES_ON = re.compile(r"(?![\w'’-])")


@cache
def _feature_link_before(features: tuple[str, ...], links: tuple[str, ...]) -> tuple[re.Pattern, int] | None:
    """A pattern of a feature, its link and a space that ends where it is sought (`after_feature`),
    and the longest string it matches (each character of a feature or a link is one
    character of the text), or None without features or links."""
    if not features or not links:
        return None
    linked = "|".join(re.escape(w).replace("'", "['’]") for w in links)
    pattern = re.compile(rf"\b(?:{_words(features)}) (?:{linked}) \Z")
    return pattern, max(map(len, features)) + 1 + max(map(len, links)) + 1


def _mid_sentence_uses(name: str, text: str) -> int:
    """How often `text` writes `name` as a word of its own where it opens no sentence,
    paragraph, quotation or bracket (`namewords.initial`)."""
    n = 0
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "'’-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] in "-")
        )
        if whole and not initial(text, at):
            n += 1
        at = text.find(name, end)
    return n


# The possessive of a name written alone, and the word after it, maybe quoted ("Chaucer's
# "Chequers"": a name follows, the inn's own): a stop, a line's end or a function word ends the
# shop's name ("by Rusper's to take a better view"), a noun does not ("Rusper's hair").
_POSSESSIVE_END = re.compile(r"['’]s(?![\w'’-])\s*([\"'‘“]?)([A-Za-z]*)")
# Where a shop stands, not whither nor whence ("his effort to Morrison's" is Morrison's effort):
# the locatives and these.
_ESTABLISHMENT_CUES = ("by", "outside", "beyond", "opposite", "past", "inside", "into")


def establishments(tei, places: registers.Places, profile) -> int:
    """A shop or an inn named by its keeper's possessive where it stands ("by Rusper's",
    "outside Wintershed's", "at Willis's"; the locatives of the profile and `_ESTABLISHMENT_CUES`),
    which the persons' pass marked as the man: a place, its `persName` made a `placeName` (the
    possessive outside, as "at Willis's" is marked) linked to an entry of that name ("Rusper's").
    Only a surname written alone (not "Mr. Rusper's", a man's; nor a forename, "at Tom's", a home
    as often as not; nor a deity), with no name or noun after the possessive ("Rusper's door" is
    the man's) but a stop or a function word of the profile. Returns how many mentions it made
    places."""
    function_words = set(profile.english_words)
    cue = re.compile(rf"\b(?:{_words(profile.place_locatives + _ESTABLISHMENT_CUES)})\s+$", re.IGNORECASE)
    made = 0
    for person in list(tei.iter(q("persName"))):
        name = "".join(person.itertext())
        if (
            len(person)
            or not re.fullmatch(rf"[{UPPER}][{LOWER}]+", name)
            or name in profile.forenames
            or name in profile.deities
        ):
            continue
        after = _POSSESSIVE_END.match(person.tail or "")
        if after is None or after.group(1) or (after.group(2) and after.group(2) not in function_words):
            continue
        text_before = preceding_text(person)
        if cue.search(text_before[-20:]) is None:
            continue
        shop = f"{name}'s"
        place = places.find(shop)
        if place is None:
            where = " ".join((text_before[-40:] + name + (person.tail or "")[:30]).split())
            place = places.add(
                shop,
                "building",
                None,
                "named in the text",
                evidence=f"a shop or an inn by its keeper's name: “…{where}…”",
            )
        person.tag = q("placeName")
        person.attrib.clear()
        person.set("ref", f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
        made += 1
    return made


_SAINT_BEFORE = re.compile(r"\b(?:Saint|St\.)\s$")
_SAINTS_BUILDING = re.compile(rf"['’]s?\s(?:{'|'.join(registers.PLACE_WORDS)})(?![\w'’-])")


def saints_buildings(tei, places: registers.Places) -> int:
    """A building or a street named after a saint ("Saint Stephen's House", "St. James's
    Park"), whose saint the persons' pass marked as a person of that forename ("Saint
    <persName>Stephen</persName>'s House"): the whole name made one `placeName`, linked to an
    entry of that name. Returns how many mentions it made places."""
    made = 0
    for person in list(tei.iter(q("persName"))):
        if len(person):
            continue
        text_before = preceding_text(person)
        saint = _SAINT_BEFORE.search(text_before)
        after = _SAINTS_BUILDING.match(person.tail or "")
        if saint is None or after is None:
            continue
        name = text_before[saint.start() :] + (person.text or "") + after.group()
        name = " ".join(name.split())
        set_preceding_text(person, text_before[: saint.start()])
        place = places.find(name)
        if place is None:
            place = places.add(name, "building", None, "named in the text", evidence=f"a saint's building: “{name}”")
        person.tag = q("placeName")
        person.attrib.clear()
        person.set("ref", f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
        person.text = text_before[saint.start() :] + (person.text or "") + after.group()
        person.tail = (person.tail or "")[after.end() :]
        made += 1
    return made


def _known_holding_words(known: dict[str, str]) -> dict[str, list[tuple[str, str, str]]]:
    """The profile's known places of two words or more, by each capitalised word inside them:
    the words before it, the words after it, the whole name."""
    holding: dict[str, list[tuple[str, str, str]]] = {}
    for name in sorted(known):
        words = name.split()
        if len(words) < 2:
            continue
        for k, word in enumerate(words):
            if word[:1].isupper():
                before = " ".join(words[:k]) + " " if k else ""
                after = " " + " ".join(words[k + 1 :]) if k + 1 < len(words) else ""
                holding.setdefault(word, []).append((before, after, name))
    return holding


def known_over_persons(tei, places: registers.Places, profile) -> int:
    """A place the profile knows by a name of two words or more (`[places] known`), written
    whole, inside which the persons' pass marked a person ("the Heaven of
    <persName>Venus</persName>", a heaven of the christian pack named after its planet, the
    planet after its god): the whole name made one `placeName`, the person's mention gone.
    Returns how many persons' mentions became places."""
    holding = _known_holding_words(profile.known_places)
    if not holding:
        return 0
    made = 0
    for person in list(tei.iter(q("persName"))):
        if len(person) or person.text not in holding:
            continue
        text_before = preceding_text(person)
        tail = person.tail or ""
        for words_before, words_after, name in holding[person.text]:
            if not text_before.endswith(words_before) or not tail.startswith(words_after):
                continue
            opening = len(text_before) - len(words_before)
            if words_before and opening and (text_before[opening - 1].isalnum() or text_before[opening - 1] in "-'’"):
                continue  # the name runs on before: no whole of the profile's
            closing = len(words_after)
            if closing < len(tail) and (tail[closing].isalnum() or tail[closing] == "-"):
                continue  # "the Heaven of Venusberg"
            set_preceding_text(person, text_before[:opening])
            place = places.find(name)
            if place is None:
                kind = profile.known_places[name]
                place = places.add(name, kind, None, "named in the text", evidence=f"a {kind} of the profile: “{name}”")
            person.tag = q("placeName")
            person.attrib.clear()
            person.set("ref", f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
            person.text = name
            person.tail = tail[closing:]
            made += 1
            break
    return made


# A word of one name alone after a locative and a space, no possessive nor capitalised word after it
_WORD_AFTER = re.compile(rf"['’]s\b|\s+[{UPPER}]|-")


def cities_over_persons(tei, places: registers.Places, profile) -> int:
    """A city of a million people or more under its own name in the gazetteer, which the book
    also names a person by ("Paris", Priam's son: "Paris I saw, Tristan"), and writes after a
    locative of the profile (`[places] locatives`: "studied at Paris", "a street in Paris") in one
    of its uses as that person in five at least: the city there, the person's mention made a
    `placeName`; not before a possessive or another capitalised word ("in Paris's arms"), and not
    where the locatives are rarer (a man named Sydney the book writes "looked at Sydney" once).
    Returns how many persons' mentions became places."""
    if not profile.place_locatives:
        return 0
    locative = re.compile(rf"(?:^|\s)(?i:{'|'.join(map(re.escape, profile.place_locatives))})\s$")
    mentions: dict[str, list] = {}
    for person in tei.iter(q("persName")):
        if not len(person) and person.text and " " not in person.text:
            mentions.setdefault(person.text, []).append(person)
    made = 0
    for name, persons in sorted(mentions.items()):
        cued = []
        for person in persons:
            text_before = preceding_text(person)
            if locative.search(text_before[-12:]) and not _WORD_AFTER.match(person.tail or ""):
                cued.append(person)
        if not cued or len(cued) * 5 < len(persons):
            continue
        geo = gazetteer.lookup_named(name)
        if geo is None or geo.type != "city" or geo.population < _WORLD_CITY:
            continue
        place = places.find(name)
        if place is None:
            place = places.add(
                name,
                geo.type,
                geo,
                "named in the text; GeoNames",
                evidence=f"a city of {geo.population:,} people in GeoNames, after a preposition of place",
            )
        for person in cued:
            person.attrib.clear()
            person.tag = q("placeName")
            person.set("ref", f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
            made += 1
    return made


# A building of the Church and "of" before the saint it is dedicated to ("the church of San
# Miniato", "the Church of Santa Maria del Popolo", "the monastery of St. Victor"): the noun
# (group 1) written with a capital belongs to the name.
_CHURCH_NOUNS = (
    "church|chapel|monastery|convent|abbey|cathedral|baptistery|basilica|oratory|priory|cloister|capella|cappella"
)
_SAINT_TITLE = r"(?:St\.|Saint|San|Santa|Santo|Sant['’]\s?)"
_CHURCH_BEFORE = re.compile(rf"\b((?i:{_CHURCH_NOUNS}) of )({_SAINT_TITLE} ?)?$")
# the rest of a saint's name after it: Italian particles and capitalised words ("del Popolo",
# "d’ Horta", "Alberighi"); not an epithet ("the Baptist")
_SAINT_NAME_RUNS_ON = re.compile(
    rf"(?:\s(?:del|della|degli|dei|di|de|d['’]\s?)\s?[{UPPER}][{LOWER}]+|\s[{UPPER}][{LOWER}]+)*"
)
_CHURCH_WRITTEN = re.compile(rf"\b((?i:{_CHURCH_NOUNS}) of )({_SAINT_TITLE} ?[{UPPER}][{LOWER}]+)(?![\w'’-])")
_ORG_CHURCH = re.compile(rf"((?i:{_CHURCH_NOUNS}) of ){_SAINT_TITLE} ?[{UPPER}]")


def saints_churches(tei, places: registers.Places) -> tuple[int, int, int]:
    """A church, a chapel, a monastery or another building of the Church named after its saint
    ("the church of San Miniato", "the monastery of St. Victor", "the Church of Santa Maria del
    Popolo"): a building's noun and "of" before a saint's title (St., Saint, San, Santa, Santo,
    Sant') and his name, with the Italian particles and capitalised words that run on ("del
    Popolo", "d’ Horta"), is a place where it is written, the noun inside when capitalised ("the
    Church of Santa Maria del Popolo"), outside when not ("the church of San Miniato"). The saint
    the persons' pass marked there, or the body the organisations' pass took it for ("the Church
    of Santa Maria"), becomes the place; elsewhere the saint stays a person. Returns how many
    persons' and organisations' mentions became places, and how many places were marked anew."""
    persons = orgs = 0
    for el in list(tei.iter(q("persName"), q("orgName"))):
        if len(el) or el.getparent() is None:
            continue
        before = el.getprevious()
        text_before = (before.tail if before is not None else el.getparent().text) or ""
        inner = el.text or ""
        if el.tag == q("orgName"):
            m = _ORG_CHURCH.match(inner)
            if m is None:
                continue
            lead = "" if m.group(1)[0].isupper() else m.group(1)  # "the church of": the noun outside
            cut = 0
        elif "of " not in text_before[-12:]:
            continue  # most persons: no building's "of" right before
        else:
            m = _CHURCH_BEFORE.search(text_before[-40:])
            if m is None or (m.group(2) is None and re.match(_SAINT_TITLE, inner) is None):
                continue
            lead = (m.group(1) if m.group(1)[0].isupper() else "") + (m.group(2) or "")
            cut = len(m.group(2) or "") + (len(m.group(1)) if m.group(1)[0].isupper() else 0)
        if el.tag == q("orgName"):
            name_text = inner[len(lead) :]
            if lead:
                text_before += lead
        else:
            name_text = lead + inner
            text_before = text_before[: len(text_before) - cut]
        tail = el.tail or ""
        runs_on = _runs_on(tail, 0)
        name_text += tail[:runs_on]
        name = " ".join(name_text.split())
        if before is not None:
            before.tail = text_before
        else:
            el.getparent().text = text_before
        if el.tag == q("orgName"):
            orgs += 1
        else:
            persons += 1
        _place_mark(el, places, name, name_text, tail[runs_on:])
    wrapped = 0
    for el in list(tei.iter()):
        if el.tag in (q("persName"), q("orgName"), q("placeName")) or not isinstance(el.tag, str):
            continue
        wrapped += _churches_in_text(el, places)
    return persons, orgs, wrapped


def _runs_on(text: str, at: int) -> int:
    """Where a saint's name that ends at `at` ends with the words that run on (`_SAINT_NAME_RUNS_ON`)."""
    m = _SAINT_NAME_RUNS_ON.match(text, at)
    return at if m is None else m.end()


def _place_mark(el, places: registers.Places, name: str, text: str, tail: str) -> None:
    place = places.find(name)
    if place is None:
        place = places.add(
            name, "building", None, "named in the text", evidence=f"a church named after its saint: “{name}”"
        )
    el.tag = q("placeName")
    el.attrib.clear()
    el.set("ref", f"{registers.PLACES_FILE}#{place.get(XML_ID)}")
    el.text = text
    el.tail = tail


def _churches_in_text(el, places: registers.Places) -> int:
    """The churches named after a saint no pass marked, in `el`'s own text and its children's
    tails ("the convent of Santa Scolastica"): each wrapped in a new `placeName`. Returns how
    many."""
    made = 0
    slots = [(None, el.text)] + [(child, child.tail) for child in el]
    while slots:
        child, text = slots.pop()
        if not text or " of S" not in text:  # a saint's title after "of": in few texts
            continue
        m = _CHURCH_WRITTEN.search(text)
        if m is None:
            continue
        start = m.start(1) if m.group(1)[0].isupper() else m.start(2)
        end = _runs_on(text, m.end())
        place = etree.Element(q("placeName"))
        _place_mark(place, places, " ".join(text[start:end].split()), text[start:end], text[end:])
        if child is None:
            el.text = text[:start]
            el.insert(0, place)
        else:
            child.tail = text[:start]
            child.addnext(place)
        slots.append((place, place.tail))  # another church after it
        made += 1
    return made
