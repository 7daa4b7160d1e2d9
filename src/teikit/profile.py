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

User patterns (`[running_heads] patterns`) run on the `regex` engine with a time
bound: a pattern that backtracks without end (`^(a+)+$`) stops the run with an
error naming the key and the pattern instead of hanging.
"""

from __future__ import annotations

import copy
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
        "same": "table",
        "not": "strings",
        "regions": "types",
        "prepositions": "strings",
        "links": "strings",
    },
    "names": {
        "honorifics": "strings",
        "forenames": "strings",
        "particles": "strings",
        "speech_verbs": "strings",
        "articles": "strings",
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
_EXPECTED = {
    "string": "a string",
    "strings": "a list of strings",
    "patterns": "a list of strings",
    "table": 'a table of strings (key = "value")',
    "language": 'a language tag such as "ru-Latn" (or "" for none)',
    "languages": 'a table of language tags (term = "de")',
    "types": 'a table of one-word place types (name = "region")',
}

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
    if kind == "language":
        if not isinstance(value, str):
            return _type_name(value)
        return None if value == "" or _LANGUAGE.fullmatch(value) else f'"{value}"'
    if kind in ("languages", "types"):
        wrong = _check_value("table", value)
        if wrong:
            return wrong
        rule = _LANGUAGE if kind == "languages" else _TYPE
        bad = next((k for k, v in value.items() if not rule.fullmatch(v)), None)
        return None if bad is None else f'a table whose "{bad}" is "{value[bad]}"'
    if kind in ("strings", "patterns"):
        if not isinstance(value, list):
            return _type_name(value)
        bad = next((v for v in value if not isinstance(v, str)), None)
        return None if bad is None else f"a list holding {_type_name(bad)}"
    if not isinstance(value, dict):
        return _type_name(value)
    bad = next(((k, v) for k, v in value.items() if not isinstance(v, str)), None)
    return None if bad is None else f'a table whose "{bad[0]}" is {_type_name(bad[1])}'


def check(data: dict, origin: str) -> None:
    """Raise a TeikitError for the first key the schema does not know or whose value
    has the wrong type."""
    for section, value in data.items():
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
    place_links: tuple[str, ...] = ()  # [places] links: "of", "and" (before a country, not a town)
    honorifics: tuple[str, ...] = ()  # [names]: titles written before a name (Mr, Lady)
    forenames: frozenset[str] = frozenset()  # [names]: given names of the book's language
    particles: tuple[str, ...] = ()  # [names]: words that begin a surname (De Courcy)
    speech_verbs: tuple[str, ...] = ()  # [names]: verbs whose subject is a person (said, wrote)
    articles: tuple[str, ...] = ()  # [names]: definite articles (the Senate is a body)
    disabled_passes: tuple[str, ...] = ()  # [passes] disable: names, checked at run
    note_headings: set[str] = field(default_factory=set)  # [notes] headings, lower case
    note_body_words: tuple[str, ...] = ()  # [notes] body_words, lower case
    note_foot_words: set[str] = field(default_factory=set)  # [notes] foot_words, lower case
    note_read_marks: dict[str, str] = field(default_factory=dict)  # [notes] read_marks: as read -> mark
    drama: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [drama]: key -> lower-case words
    letters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [letters]: key -> lower-case words
    source: str = "default"


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = v
    return out


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
    if path is not None:
        own = _load_toml(Path(path))
        check(own, str(path))
        data = _merge(default, own)
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
        honorifics=tuple(data["names"]["honorifics"]),
        forenames=frozenset(data["names"]["forenames"]),
        particles=tuple(data["names"]["particles"]),
        speech_verbs=tuple(data["names"]["speech_verbs"]),
        articles=tuple(data["names"]["articles"]),
        disabled_passes=tuple(data["passes"]["disable"]),
        note_headings={w.lower() for w in data["notes"]["headings"]},
        note_body_words=tuple(w.lower() for w in data["notes"]["body_words"]),
        note_foot_words={w.lower() for w in data["notes"]["foot_words"]},
        note_read_marks=dict(data["notes"]["read_marks"]),
        drama={k: tuple(w.lower() for w in v) for k, v in data["drama"].items()},
        letters={k: tuple(w.lower() for w in v) for k, v in data["letters"].items()},
        source=origin,
    )
