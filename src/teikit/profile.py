"""Conversion profiles: what a book's text cannot tell the converter by itself.

A profile is a small TOML file. teikit looks for one beside the source
(`book.txt` -> `book.toml`), or takes one given with `--profile`; every key is
optional and falls back to `profiles/default.toml`.

A profile is checked against SCHEMA before anything is converted: every key must
be one the converter reads (an unknown key is an error, because a misspelt key
would otherwise be silently ignored and the run would look right while doing the
default), and every value must have the type the schema names. Errors are one
line naming the profile file, the key and what was expected:
`book.toml: [running_heads] patterns must be a list of strings, not a string`.

A profile may include packs before its own sections: `include = ["russian"]` names files
`profiles/russian.toml` shipped with teikit, each a profile of the same schema holding what
one language, country or period brings (Russian patronymics, `oblast` and `krai`, Russian
month names in citations). A pack adds to the default profile: its tables add keys, its
lists add items; the book's own profile then overrides as usual. A pack may include packs.
A name no pack has is an error naming the packs there are.

User patterns (`[running_heads] patterns`) run on the `regex` engine with a time
bound: a pattern that backtracks without end (`^(a+)+$`) stops the run with an
error naming the key and the pattern instead of hanging.
"""

from __future__ import annotations

import copy
import datetime
import time
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import regex

from .errors import TeikitError

# Back-matter roles the converter knows (and the schema's div types).
BACK_ROLES = {"notes", "bibliography", "index", "appendix"}

# Value types: "string", "strings" (a list of strings), "patterns" (a list of regular
# expressions), "table" (string keys to string values).
SCHEMA: dict[str, dict[str, str]] = {
    "running_heads": {"patterns": "patterns"},
    "quotes": {"verse_cues": "strings"},
    "inline": {
        "foreign": "languages",
        "foreign_default_lang": "language",
        "english_words": "strings",
        "title_cues": "strings",
    },
    "title_page": {"dedication_cues": "strings"},
    "divisions": {"front": "strings", "back": "table", "ordinals": "strings", "numbers": "strings"},
    "edition": {"publisher": "string", "licence": "string"},
    "places": {
        "known": "types",
        "heads": "types",
        "same": "table",
        "not": "strings",
        "regions": "types",
        "prepositions": "strings",
        "links": "strings",
        "locatives": "strings",
        "features": "strings",
        "feature_links": "strings",
        "folk": "words",
        "landscape": "words",
        "endings": "types",
        "streets": "types",
        "streets_first": "strings",
        "journeys": "strings",
        "holders": "strings",
        "openings": "strings",
        "first_words": "types",
        "first_word_links": "strings",
        "town_first": "strings",
        "states": "strings",
        "home": "table",
    },
    "orgs": {
        "nouns": "strings",
        "known": "strings",
        "not": "strings",
        "bodies": "strings",
        "establishments": "strings",
        "meetings": "strings",
        "ranks": "strings",
        "wings": "strings",
        "peoples": "strings",
        "concepts": "strings",
        "patrons": "strings",
        "learned": "strings",
        "suffixes": "strings",
    },
    "names": {
        "honorifics": "strings",
        "office_titles": "strings",
        "sovereign_titles": "strings",
        "scripture_books": "strings",
        "forenames": "strings",
        "common_forenames": "strings",
        "forename_abbreviations": "table",
        "particles": "strings",
        "forename_particles": "strings",
        "speech_verbs": "strings",
        "person_cues": "strings",
        "person_nouns": "strings",
        "address_words": "strings",
        "epithets": "strings",
        "citations": "strings",
        "determiners": "strings",
        "roles": "strings",
        "joins": "strings",
        "not": "strings",
        "articles": "strings",
        "patronymics": "strings",
        "inflections": "strings",
        "spellings": "table",
        "deities": "strings",
        "invocations": "strings",
        "indefinites": "strings",
        "possessives": "strings",
        "known": "strings",
        "known_titled": "strings",
        "named_after": "strings",
        "planets": "strings",
        "planet_nouns": "strings",
        "saints": "strings",
        "naming": "strings",
        "address_pronouns": "strings",
        "second_person": "strings",
        "addressed": "strings",
        "relatives": "strings",
        "name_links": "strings",
        "peerages": "strings",
        "rulers": "words",
        "titles_of_rank": "titles",
        "families": "families",
    },
    "dates": {
        "months": "months",
        "feasts": "feasts",
        "calendar_months": "months",
        "calendar_years": "days",
        "calendar_events": "table",
        "cues": "strings",
        "figures": "strings",
    },
    "passes": {"disable": "strings"},
    "notes": {"headings": "strings", "body_words": "strings", "foot_words": "strings", "read_marks": "table"},
    "drama": {"act_words": "strings", "scene_words": "strings", "numbers": "strings", "joint_words": "strings"},
    "letters": {
        "salutations": "strings",
        "closings": "strings",
        "between": "strings",
        "headings": "strings",
        "postscripts": "strings",
    },
}
# Values that become attribute values in the TEI must be valid there.
_LANGUAGE = regex.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")  # BCP 47 (xml:lang)
_TYPE = regex.compile(r"[^\s]+")  # one word (@type)
_MONTH_NUMBERS = {str(n) for n in range(1, 13)}
# ASCII digits only (\d also takes other scripts' digits, which an ISO date cannot hold).
_ISO_DAY = regex.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])")  # "1793-09-22"
_YEAR_NUMBER = regex.compile(r"[1-9][0-9]*")  # a year of another calendar: "2" (Year II)
_MONTH_DAY = regex.compile(r"(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])")  # a day of the year: "12-25"


def _is_day(value: str) -> bool:
    """An ISO date of a day that exists, with the 360 days of a year of another calendar after
    it still a date (a year's first day; datetime's range ends in 9999)."""
    if not _ISO_DAY.fullmatch(value):
        return False
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return False  # "1793-02-31", year 0
    return day.year < 9999


def _is_day_of_year(value: str) -> bool:
    """A day of the year ("MM-DD") that some year has (February 29 included)."""
    if not _MONTH_DAY.fullmatch(value):
        return False
    try:
        datetime.date(2000, int(value[:2]), int(value[3:]))
    except ValueError:
        return False  # "02-30", "04-31"
    return True


_EXPECTED = {
    "string": "a string",
    "strings": "a list of strings",
    "words": "a list of words",
    "patterns": "a list of strings",
    "table": 'a table of strings (key = "value")',
    "language": 'a language tag such as "ru-Latn" (or "" for none)',
    "languages": 'a table of language tags (term = "de")',
    "types": 'a table of one-word place types (name = "region")',
    "months": 'a table of month numbers (word = "4")',
    "feasts": 'a table of days of the year (name = "12-25")',
    "days": 'a table of dates (key = "1793-09-22")',
    "titles": '"person", "ruler" or "land"',
    "families": '"person", "org" or "none"',
}
# The conventions an editor chooses between for a title of rank "of" a land with no name
# ([names] titles_of_rank): the whole title one person; a ruler's title its land alone, a
# peer's one person; or every title its land alone, a place.
TITLE_CONVENTIONS = ("person", "ruler", "land")
# The conventions an editor chooses between for a family or ruling house named by its surname
# ([names] families: "the Lameths", "the Medici", "the house of Sforza"): one mention of persons
# (persName), of a body (orgName, a register entry of the family), or no mention.
FAMILY_CONVENTIONS = ("person", "org", "none")

# Time bounds for user patterns: one search, and all of them over one conversion.
PATTERN_TIMEOUT = 1.0
PATTERN_BUDGET = 20.0


def _type_name(value) -> str:
    names = {str: "a string", bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return next((n for t, n in names.items() if type(value) is t), "a date or time")


def _check_value(kind: str, value) -> str | None:
    """None when `value` fits `kind`, else what it is instead ("a string")."""
    if kind == "string":
        return None if isinstance(value, str) else _type_name(value)
    if kind == "titles":
        if not isinstance(value, str):
            return _type_name(value)
        return None if value in TITLE_CONVENTIONS else f'"{value}"'
    if kind == "families":
        if not isinstance(value, str):
            return _type_name(value)
        return None if value in FAMILY_CONVENTIONS else f'"{value}"'
    if kind == "language":
        if not isinstance(value, str):
            return _type_name(value)
        return None if value == "" or _LANGUAGE.fullmatch(value) else f'"{value}"'
    if kind in ("months", "days", "feasts"):
        wrong = _check_value("table", value)
        if wrong:
            return wrong
        # The keys of months and feasts are names searched for in the text: an empty one is
        # found everywhere (or stops the search), one without a letter ("12") is a number of
        # anything. Those of days are the other calendar's years as its dates number them
        # ("2" for Year II): any other key would never be looked up.
        if any(not k.strip() for k in value):
            return "a table with an empty name"
        if kind == "days":
            odd = next((k for k in value if not _YEAR_NUMBER.fullmatch(k)), None)
            if odd is not None:
                return f'a table whose key "{odd}" is no year number (1, 2, 3...)'
        else:
            odd = next((k for k in value if not any(c.isalpha() for c in k)), None)
            if odd is not None:
                return f'a table whose name "{odd}" has no letter'
        fits = {"months": _MONTH_NUMBERS.__contains__, "days": _is_day, "feasts": _is_day_of_year}[kind]
        bad = next((k for k, v in value.items() if not fits(v)), None)
        return None if bad is None else f'a table whose "{bad}" is "{value[bad]}"'
    if kind in ("languages", "types"):
        wrong = _check_value("table", value)
        if wrong:
            return wrong
        rule = _LANGUAGE if kind == "languages" else _TYPE
        bad = next((k for k, v in value.items() if not rule.fullmatch(v)), None)
        return None if bad is None else f'a table whose "{bad}" is "{value[bad]}"'
    if kind in ("strings", "patterns", "words"):
        if not isinstance(value, list):
            return _type_name(value)
        bad = next((v for v in value if not isinstance(v, str)), None)
        if bad is not None:
            return f"a list holding {_type_name(bad)}"
        # Words searched for in the text: an empty one is found before any space or stop.
        if kind == "words" and any(not v.strip() for v in value):
            return "a list holding an empty string"
        return None
    if not isinstance(value, dict):
        return _type_name(value)
    bad = next(((k, v) for k, v in value.items() if not isinstance(v, str)), None)
    return None if bad is None else f'a table whose "{bad[0]}" is {_type_name(bad[1])}'


def packs() -> list[str]:
    """The names of the packs teikit ships (profiles/NAME.toml), for `include`."""
    folder = resources.files("teikit").joinpath("profiles")
    return sorted(f.name[:-5] for f in folder.iterdir() if f.name.endswith(".toml") and f.name != "default.toml")


def check(data: dict, origin: str) -> None:
    """Raise a TeikitError for the first key the schema does not know or whose value
    has the wrong type."""
    if "include" in data:
        names = data["include"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TeikitError(
                f'include must be a list of pack names (include = ["russian"]), not {_type_name(names)}', origin
            )
        unknown = [n for n in names if n not in packs()]
        if unknown:
            raise TeikitError(
                f"unknown profile pack {unknown[0]!r} in include (packs: {', '.join(packs()) or 'none'})", origin
            )
    for section, value in data.items():
        if section == "include":
            continue
        if section not in SCHEMA:
            known = ", ".join(f"[{s}]" for s in SCHEMA)
            raise TeikitError(f"unknown section [{section}] (known: {known})", origin)
        if not isinstance(value, dict):
            raise TeikitError(f"{section} must be a section [{section}], not {_type_name(value)}", origin)
        for key, v in value.items():
            kind = SCHEMA[section].get(key)
            if kind is None:
                known = ", ".join(SCHEMA[section])
                raise TeikitError(f"unknown key {key} in [{section}] (known: {known})", origin)
            wrong = _check_value(kind, v)
            if wrong:
                raise TeikitError(f"[{section}] {key} must be {_EXPECTED[kind]}, not {wrong}", origin)


class Patterns:
    """The profile's running-head patterns, searched with a time bound."""

    def __init__(self, sources: list[str], origin: str):
        self.origin = origin
        self.sources = list(sources)
        self.compiled = []
        for src in sources:
            try:
                rx = regex.compile(src)
            except regex.error as exc:
                raise TeikitError(
                    f"[running_heads] patterns: '{src}' is not a valid regular expression: {exc}", origin
                ) from None
            if rx.search("", timeout=PATTERN_TIMEOUT):
                # '', '.*' or '^' would match every line and remove the whole book
                raise TeikitError(
                    f"[running_heads] patterns: '{src}' matches an empty line, "
                    "so it would remove every line of the book",
                    origin,
                )
            self.compiled.append(rx)
        self.budget = PATTERN_BUDGET

    def __len__(self) -> int:
        return len(self.compiled)

    def __iter__(self):
        return iter(self.compiled)

    def search(self, text: str) -> bool:
        """True when a pattern matches `text`; a pattern that runs too long is an error."""
        for src, rx in zip(self.sources, self.compiled):
            t0 = time.perf_counter()
            try:
                found = rx.search(text, timeout=min(PATTERN_TIMEOUT, max(self.budget, 0.01)))
            except TimeoutError:
                raise TeikitError(
                    f"[running_heads] patterns: '{src}' takes too long on a line "
                    f"of {len(text)} characters (it backtracks without end); "
                    "simplify the pattern",
                    self.origin,
                ) from None
            self.budget -= time.perf_counter() - t0
            if self.budget <= 0:
                raise TeikitError(
                    f"[running_heads] patterns: '{src}' made the patterns run "
                    f"over {PATTERN_BUDGET:.0f} s in all; simplify them",
                    self.origin,
                )
            if found:
                return True
        return False


@dataclass
class Profile:
    running_heads: Patterns = field(default_factory=lambda: Patterns([], "default"))
    verse_cues: list[str] = field(default_factory=list)
    foreign_terms: dict[str, str] = field(default_factory=dict)
    foreign_default_lang: str | None = None
    english_words: set[str] = field(default_factory=set)
    title_cues: list[str] = field(default_factory=list)
    dedication_cues: tuple[str, ...] = ()
    front_titles: list[str] = field(default_factory=list)
    back_roles: dict[str, str] = field(default_factory=dict)
    number_words: dict[str, int] = field(default_factory=dict)  # "first" -> 1, "two" -> 2
    edition_publisher: str = "teikit"
    edition_licence: str = ""
    known_places: dict[str, str] = field(default_factory=dict)  # name -> type
    same_places: dict[str, str] = field(default_factory=dict)  # variant -> name
    not_places: set[str] = field(default_factory=set)
    regions: dict[str, str] = field(default_factory=dict)  # [places] regions: name -> type
    place_prepositions: tuple[str, ...] = ()  # [places] prepositions: "in", "to" (before a place)
    place_locatives: tuple[str, ...] = ()  # [places] locatives: "in", "at" (where one is, not whence)
    place_links: tuple[str, ...] = ()  # [places] links: "of", "and" (before a country, not a town)
    place_features: tuple[str, ...] = ()  # [places] features: "banks", "vale" (the banks of Ayr)
    feature_links: tuple[str, ...] = ()  # [places] feature_links: "of" (a pack adds a dialect's "o'")
    place_folk: tuple[str, ...] = ()  # [places] folk: "lass", "lads" (the lass o' Inverness), from a pack
    landscape: tuple[str, ...] = ()  # [places] landscape: "hills", "muirs" (the Cumnock hills), from a pack
    place_endings: dict[str, str] = field(default_factory=dict)  # [places] endings: "shire" -> "county"
    place_streets: dict[str, str] = field(default_factory=dict)  # [places] streets: "ploshchad" -> "square"
    streets_first: tuple[str, ...] = ()  # [places] streets_first: "Prospekt" (Prospekt Marx), from a pack
    journeys: tuple[str, ...] = ()  # [places] journeys: "ticket", "train" (a ticket for Worthing)
    place_holders: tuple[str, ...] = ()  # [places] holders: "minister", "laird" (Boyd, pastor of Fenwick)
    place_openings: tuple[str, ...] = ()  # [places] openings: "Ben", "Glen" (Ben-Lomond, about Glenconner), from a pack
    # [places] first_words: "Mount" -> "mountain", "Lake" -> "lake" ("Mount Tabor", "Lake Champlain")
    place_first_words: dict[str, str] = field(default_factory=dict)
    # [places] first_word_links: "di", "d’" between a first word and a name ("Val di Chiana")
    place_first_word_links: tuple[str, ...] = ()
    place_town_first: tuple[str, ...] = ()  # [places] town_first: "Port", "Fort" (at Port Burdock)
    # [places] states: a period's states also named as dynasties or surnames ("Chʽin", "Han")
    place_states: tuple[str, ...] = ()
    # [places] home: the lands the book is of, each a box (south, north, west, east in degrees)
    home: tuple[tuple[float, float, float, float], ...] = ()
    honorifics: tuple[str, ...] = ()  # [names]: titles written before a name (Mr, Lady)
    # [names]: titles of an office written before a name the book marks already (Principal
    # Caird), no cue to a name of their own ("the Principal Allied Powers")
    office_titles: tuple[str, ...] = ()
    # [names]: titles written before a sovereign's or a pontiff's name the book names on evidence
    # of its own (Pope Alexander); alone, the word may be a surname (the poet Pope)
    sovereign_titles: tuple[str, ...] = ()
    # [names]: books of scripture named after a person, cited by the name alone ("“In Job,”
    # says", "As in Isaiah:"): after "in" and before a stop, the book, no mention
    scripture_books: tuple[str, ...] = ()
    forenames: frozenset[str] = frozenset()  # [names]: given names of the book's language
    common_forenames: frozenset[str] = frozenset()  # [names]: given names that are common words too (Will, Rob)
    forename_abbreviations: dict[str, str] = field(default_factory=dict)  # [names]: "Wm." -> "William"
    particles: tuple[str, ...] = ()  # [names]: words that begin a surname (De Courcy)
    # [names]: particles in lower case that follow only a given name (Oliverotto da Fermo)
    forename_particles: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()  # [names]: verbs whose subject is a person (said, wrote)
    person_cues: tuple[str, ...] = ()  # [names]: words after a person's name (who, himself, died)
    person_nouns: tuple[str, ...] = ()  # [names]: nouns a person has or is (wife, death; the minister)
    address_words: tuple[str, ...] = ()  # [names]: words before a name one speaks to (dear Algy)
    epithets: tuple[str, ...] = ()  # [names]: adjectives verse sets before a person's name (poor Mailie)
    citations: tuple[str, ...] = ()  # [names]: words before an author cited (according to, in the words of)
    determiners: tuple[str, ...] = ()  # [names]: words before a noun naming a person (the poet Milton)
    roles: tuple[str, ...] = ()  # [names]: nouns of office or calling written before a name (its mayor, Pache)
    not_names: frozenset[str] = frozenset()  # [names] not: capitalised words never a person alone (God)
    name_joins: tuple[str, ...] = ()  # [names] joins: words joining names in a list (and, or)
    articles: tuple[str, ...] = ()  # [names]: definite articles (the Senate is a body)
    patronymics: tuple[str, ...] = ()  # [names]: endings of patronymics (ovich), from a pack
    inflections: tuple[str, ...] = ()  # [names]: case endings a surname takes in cited titles (Molotov-u), from a pack
    spellings: dict[str, str] = field(
        default_factory=dict
    )  # [names]: letters a surname is also written with ("ie" = "'e")
    deities: tuple[str, ...] = ()  # [names]: names of God and of gods, persons wherever written (God, the Lord)
    invocations: tuple[str, ...] = ()  # [names]: a word naming God only before a wish's verb (Scots "Gude help")
    indefinites: tuple[str, ...] = ()  # [names]: words before a deity's name that make it none (a God, my Lord)
    possessives: tuple[str, ...] = ()  # [names]: possessives: "my God" is God; "Esarhaddon, his son," a person
    known_persons: tuple[str, ...] = ()  # [names] known: persons of myth and history known by one name (Homer)
    known_titled: tuple[str, ...] = ()  # [names]: those of them English names after "the" (the Buddha)
    named_after: tuple[str, ...] = ()  # [names]: nouns of things named after a person (the Gifford lectures)
    planets: tuple[str, ...] = ()  # [names]: gods' names that name planets too (Venus, Mars)
    planet_nouns: tuple[str, ...] = ()  # [names]: nouns of planets: a sentence with one names the planet
    saints: tuple[str, ...] = ()  # [names]: saints' titles ("St."): the name after one a saint's, found so
    naming: tuple[str, ...] = ()  # [names]: words that name a person after them ("a man named", "a certain")
    address_pronouns: tuple[str, ...] = ()  # [names]: pronouns after a name one speaks to (Craigdarroch, thou)
    second_person: tuple[str, ...] = ()  # [names]: words speaking to one (thy): "thy sang, Barbauld,"
    addressed: tuple[str, ...] = ()  # [names]: words of a clause a name called on closes ("with you, Dumourier;")
    relatives: tuple[str, ...] = ()  # [names]: relative pronouns of persons (Carnot, who)
    name_links: tuple[str, ...] = ()  # [names]: words joining a forename to what tells it apart (Meg o' the Mill)
    peerages: tuple[str, ...] = ()  # [names]: titles of a peer "of" his title's name (Earl of Glencairn)
    rulers: tuple[str, ...] = ()  # [names]: titles of a ruler "of" his land (the Elector of Bavaria)
    titles_of_rank: str = "land"  # [names]: "person" (the Duke of Milan one person), "ruler" or "land" (Milan a place)
    families: str = "person"  # [names]: "person" (the Lameths persons), "org" (the Medici a body) or "none"
    place_heads: dict[str, str] = field(default_factory=dict)  # [places] heads: "oblast" -> "region"
    months: dict[str, int] = field(default_factory=dict)  # [dates] months: "aprelya" -> 4
    feasts: dict[str, str] = field(default_factory=dict)  # [dates] feasts: "Lammas" -> "08-01"
    date_cues: tuple[str, ...] = ()  # [dates] cues: words before a month that make it a date ("frae")
    date_figures: tuple[str, ...] = ()  # [dates] figures: words before "in May" that make it any year's ("blooms")
    calendar_months: dict[str, int] = field(default_factory=dict)  # [dates]: "Thermidor" -> 11
    calendar_years: dict[str, str] = field(default_factory=dict)  # [dates]: "2" -> "1793-09-22"
    calendar_events: dict[str, str] = field(default_factory=dict)  # [dates]: "Thermidor 9" -> "2"
    packs: tuple[str, ...] = ()  # the packs included, in order
    org_nouns: tuple[str, ...] = ()  # [orgs] nouns: the last word of an organisation's name (Committee)
    known_orgs: tuple[str, ...] = ()  # [orgs] known: names of organisations alone (Politburo, NKVD)
    not_orgs: frozenset[str] = frozenset()  # [orgs] not: names shaped like an organisation's that are none
    org_bodies: tuple[str, ...] = ()  # [orgs] bodies: a body's noun in lower case (the Moscow party committee)
    org_establishments: tuple[str, ...] = ()  # [orgs] establishments: nouns any name qualifies (factory)
    org_ranks: tuple[str, ...] = ()  # [orgs] ranks: words between a name and that noun (city, province)
    org_meetings: tuple[str, ...] = ()  # [orgs] meetings: a body's meeting, after a rank (party conference)
    org_wings: tuple[str, ...] = ()  # [orgs] wings: words that begin a faction's name (Left Communists)
    org_peoples: frozenset[str] = frozenset()  # [orgs] peoples: a people's adjective no rule derives (French)
    org_concepts: tuple[str, ...] = ()  # [orgs] concepts: nouns that name a concept too (the information society)
    org_patrons: tuple[str, ...] = ()  # [orgs] patrons: nouns a patron's possessive heads (Queen's Hospital)
    org_learned: tuple[str, ...] = ()  # [orgs] learned: nouns "of" and any one name complete (University of Harvard)
    org_suffixes: tuple[str, ...] = ()  # [orgs] suffixes: endings of one word that names a body (Yugostal)
    disabled_passes: tuple[str, ...] = ()  # [passes] disable: names, checked at run
    note_headings: set[str] = field(default_factory=set)  # [notes] headings, lower case
    note_body_words: tuple[str, ...] = ()  # [notes] body_words, lower case
    note_foot_words: set[str] = field(default_factory=set)  # [notes] foot_words, lower case
    note_read_marks: dict[str, str] = field(default_factory=dict)  # [notes] read_marks: as read -> mark
    drama: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [drama]: key -> lower-case words
    letters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [letters]: key -> lower-case words
    source: str = "default"


def _home_box(name: str, box: str, origin: str) -> tuple[float, float, float, float]:
    """A land of `[places] home` as its box: "south north west east", degrees of latitude
    and longitude (west negative), as "54.6 60.9 -8.7 -0.7" for Scotland."""
    try:
        south, north, west, east = (float(x) for x in box.split())
    except ValueError:
        raise TeikitError(
            f"[places] home: {name} must be four numbers, south north west east in degrees "
            f'("54.6 60.9 -8.7 -0.7"), not {box!r}',
            origin,
        ) from None
    if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
        raise TeikitError(
            f"[places] home: {name} must run south to north and west to east within the globe, not {box!r}", origin
        )
    return south, north, west, east


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


def _extend(base: dict, pack: dict) -> dict:
    """A pack added to a profile: tables gain its keys, lists its items."""
    out = dict(base)
    for k, v in pack.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _extend(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


def _with_packs(data: dict, names: list[str], seen: list[str]) -> dict:
    """`data` with the packs `names` added, each once, a pack's own includes first."""
    for name in names:
        if name in seen:
            continue
        seen.append(name)
        origin = f"profiles/{name}.toml"
        pack = tomllib.loads(resources.files("teikit").joinpath(origin).read_text("utf-8"))
        check(pack, origin)
        data = _with_packs(data, pack.pop("include", []), seen)
        data = _extend(data, pack)
    return data


def _load_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise TeikitError(f"profile is not valid TOML: {exc}", str(path)) from None
    except OSError as exc:
        raise TeikitError(f"cannot read profile: {exc.strerror}", str(path)) from None
    except UnicodeDecodeError:
        raise TeikitError("profile is not UTF-8 text", str(path)) from None


@cache
def _default_data() -> dict:
    """The packaged default profile, parsed and checked once a process (parsing took longer
    than the rest of loading a profile)."""
    data = tomllib.loads(resources.files("teikit").joinpath("profiles/default.toml").read_text("utf-8"))
    check(data, "profiles/default.toml")
    return data


def load_profile(path: str | Path | None = None, source: str | Path | None = None) -> Profile:
    default = copy.deepcopy(_default_data())  # a profile keeps lists of it: each its own
    data, origin = default, "default"
    if path is None and source is not None:
        beside = Path(source).with_suffix(".toml")
        if beside.is_file():
            path = beside
    included: list[str] = []
    if path is not None:
        own = _load_toml(Path(path))
        check(own, str(path))
        data = _merge(_with_packs(default, own.pop("include", []), included), own)
        origin = str(path)
    heads = Patterns(data["running_heads"]["patterns"], origin)
    roles = data["divisions"]["back"]
    unknown = sorted({r for r in roles.values()} - BACK_ROLES)
    if unknown:
        raise TeikitError(
            f"unknown back-matter role(s) {', '.join(unknown)} in [divisions.back]; "
            f"known: {', '.join(sorted(BACK_ROLES))}",
            origin,
        )
    inline = data["inline"]
    div = data["divisions"]
    edition = data["edition"]
    places = data["places"]
    return Profile(
        running_heads=heads,
        verse_cues=[w.lower() for w in data["quotes"]["verse_cues"]],
        foreign_terms={k.lower(): v for k, v in inline["foreign"].items()},
        foreign_default_lang=inline["foreign_default_lang"] or None,
        english_words={w.lower() for w in inline["english_words"]},
        title_cues=[w.lower() for w in inline["title_cues"]],
        dedication_cues=tuple(w.lower() for w in data["title_page"]["dedication_cues"] if w.strip()),
        front_titles=[t.lower() for t in div["front"]],
        back_roles={k.lower(): v for k, v in div["back"].items()},
        number_words={
            w.lower(): k + 1 for words in (div["numbers"], div["ordinals"]) for k, w in enumerate(words) if w.strip()
        },
        edition_publisher=edition["publisher"],
        edition_licence=edition["licence"],
        known_places=dict(places["known"]),
        same_places=dict(places["same"]),
        not_places=set(places["not"]),
        regions=dict(places["regions"]),
        place_prepositions=tuple(places["prepositions"]),
        place_links=tuple(places["links"]),
        place_locatives=tuple(places["locatives"]),
        place_features=tuple(places["features"]),
        feature_links=tuple(places["feature_links"]),
        place_folk=tuple(places["folk"]),
        landscape=tuple(places["landscape"]),
        place_endings=dict(places["endings"]),
        place_streets=dict(places["streets"]),
        streets_first=tuple(places["streets_first"]),
        journeys=tuple(places["journeys"]),
        place_holders=tuple(places.get("holders", ())),
        place_openings=tuple(places.get("openings", ())),
        place_first_words=dict(places.get("first_words", {})),
        place_first_word_links=tuple(places.get("first_word_links", ())),
        place_town_first=tuple(places.get("town_first", ())),
        place_states=tuple(places.get("states", ())),
        home=tuple(_home_box(name, box, origin) for name, box in sorted(places["home"].items())),
        honorifics=tuple(data["names"]["honorifics"]),
        office_titles=tuple(data["names"].get("office_titles", ())),
        sovereign_titles=tuple(data["names"].get("sovereign_titles", ())),
        scripture_books=tuple(data["names"].get("scripture_books", ())),
        forenames=frozenset(data["names"]["forenames"]),
        common_forenames=frozenset(data["names"]["common_forenames"]),
        forename_abbreviations=dict(data["names"].get("forename_abbreviations", {})),
        particles=tuple(data["names"]["particles"]),
        forename_particles=tuple(data["names"].get("forename_particles", ())),
        speech_verbs=tuple(data["names"]["speech_verbs"]),
        person_cues=tuple(data["names"]["person_cues"]),
        person_nouns=tuple(data["names"]["person_nouns"]),
        address_words=tuple(data["names"]["address_words"]),
        epithets=tuple(data["names"]["epithets"]),
        citations=tuple(data["names"]["citations"]),
        determiners=tuple(data["names"]["determiners"]),
        roles=tuple(data["names"]["roles"]),
        not_names=frozenset(data["names"]["not"]),
        name_joins=tuple(data["names"]["joins"]),
        articles=tuple(data["names"]["articles"]),
        patronymics=tuple(data["names"]["patronymics"]),
        inflections=tuple(data["names"]["inflections"]),
        spellings=dict(data["names"]["spellings"]),
        deities=tuple(data["names"]["deities"]),
        invocations=tuple(data["names"]["invocations"]),
        indefinites=tuple(data["names"]["indefinites"]),
        possessives=tuple(data["names"].get("possessives", ())),
        known_persons=tuple(data["names"]["known"]),
        known_titled=tuple(data["names"]["known_titled"]),
        named_after=tuple(data["names"].get("named_after", ())),
        planets=tuple(data["names"].get("planets", ())),
        planet_nouns=tuple(data["names"].get("planet_nouns", ())),
        saints=tuple(data["names"].get("saints", ())),
        naming=tuple(data["names"].get("naming", ())),
        address_pronouns=tuple(data["names"]["address_pronouns"]),
        second_person=tuple(data["names"]["second_person"]),
        addressed=tuple(data["names"]["addressed"]),
        relatives=tuple(data["names"]["relatives"]),
        name_links=tuple(data["names"]["name_links"]),
        peerages=tuple(data["names"]["peerages"]),
        rulers=tuple(data["names"]["rulers"]),
        titles_of_rank=data["names"]["titles_of_rank"],
        families=data["names"]["families"],
        place_heads=dict(places["heads"]),
        months={k: int(v) for k, v in data["dates"]["months"].items()},
        feasts=dict(data["dates"]["feasts"]),
        date_cues=tuple(data["dates"].get("cues", ())),
        date_figures=tuple(data["dates"].get("figures", ())),
        calendar_months={k: int(v) for k, v in data["dates"]["calendar_months"].items()},
        calendar_years=dict(data["dates"]["calendar_years"]),
        calendar_events=dict(data["dates"].get("calendar_events", {})),
        packs=tuple(included),
        org_nouns=tuple(data["orgs"]["nouns"]),
        known_orgs=tuple(data["orgs"]["known"]),
        not_orgs=frozenset(data["orgs"]["not"]),
        org_bodies=tuple(data["orgs"]["bodies"]),
        org_establishments=tuple(data["orgs"]["establishments"]),
        org_ranks=tuple(data["orgs"]["ranks"]),
        org_meetings=tuple(data["orgs"]["meetings"]),
        org_wings=tuple(data["orgs"]["wings"]),
        org_peoples=frozenset(data["orgs"]["peoples"]),
        org_concepts=tuple(data["orgs"].get("concepts", ())),
        org_patrons=tuple(data["orgs"].get("patrons", ())),
        org_learned=tuple(data["orgs"].get("learned", ())),
        org_suffixes=tuple(data["orgs"].get("suffixes", ())),
        disabled_passes=tuple(data["passes"]["disable"]),
        note_headings={w.lower() for w in data["notes"]["headings"]},
        note_body_words=tuple(w.lower() for w in data["notes"]["body_words"]),
        note_foot_words={w.lower() for w in data["notes"]["foot_words"]},
        note_read_marks=dict(data["notes"]["read_marks"]),
        drama={k: tuple(w.lower() for w in v) for k, v in data["drama"].items()},
        letters={k: tuple(w.lower() for w in v) for k, v in data["letters"].items()},
        source=origin,
    )
