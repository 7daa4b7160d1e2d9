"""Conversion profiles: what a book's text cannot tell the converter by itself.

A profile is a small TOML file. teikit looks for one beside the source
(`book.txt` -> `book.toml`), or takes one given with `--profile`; every key is
optional and falls back to `profiles/default.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import TeikitError


# Back-matter roles the converter knows (and the schema's div types).
BACK_ROLES = {"notes", "bibliography", "index", "appendix"}


@dataclass
class Profile:
    running_heads: list[re.Pattern] = field(default_factory=list)
    verse_cues: list[str] = field(default_factory=list)
    foreign_terms: dict[str, str] = field(default_factory=dict)
    foreign_default_lang: str | None = None
    english_words: set[str] = field(default_factory=set)
    title_cues: list[str] = field(default_factory=list)
    front_titles: list[str] = field(default_factory=list)
    back_roles: dict[str, str] = field(default_factory=dict)
    edition_publisher: str = "teikit"
    edition_licence: str = ""
    known_places: dict[str, str] = field(default_factory=dict)   # name -> type
    same_places: dict[str, str] = field(default_factory=dict)    # variant -> name
    not_places: set[str] = field(default_factory=set)
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
        raise TeikitError(f"cannot read profile: {exc}", str(path)) from None


def load_profile(path: str | Path | None = None, source: str | Path | None = None) -> Profile:
    default = tomllib.loads(resources.files("teikit").joinpath("profiles/default.toml").read_text("utf-8"))
    data, origin = default, "default"
    if path is None and source is not None:
        beside = Path(source).with_suffix(".toml")
        if beside.is_file():
            path = beside
    if path is not None:
        data = _merge(default, _load_toml(Path(path)))
        origin = str(path)
    try:
        heads = [re.compile(p) for p in data.get("running_heads", {}).get("patterns", [])]
    except re.error as exc:
        raise TeikitError(f"bad running-head pattern: {exc}", origin) from None
    roles = data.get("divisions", {}).get("back", {})
    unknown = sorted({r for r in roles.values()} - BACK_ROLES)
    if unknown:
        raise TeikitError(f"unknown back-matter role(s) {', '.join(unknown)} in [divisions.back]; "
                          f"known: {', '.join(sorted(BACK_ROLES))}", origin)
    inline = data.get("inline", {})
    div = data.get("divisions", {})
    edition = data.get("edition", {})
    places = data.get("places", {})
    return Profile(
        running_heads=heads,
        verse_cues=[w.lower() for w in data.get("quotes", {}).get("verse_cues", [])],
        foreign_terms={k.lower(): v for k, v in inline.get("foreign", {}).items()},
        foreign_default_lang=inline.get("foreign_default_lang") or None,
        english_words={w.lower() for w in inline.get("english_words", [])},
        title_cues=[w.lower() for w in inline.get("title_cues", [])],
        front_titles=[t.lower() for t in div.get("front", [])],
        back_roles={k.lower(): v for k, v in div.get("back", {}).items()},
        edition_publisher=edition.get("publisher", "teikit"),
        edition_licence=edition.get("licence", ""),
        known_places=dict(places.get("known", {})),
        same_places=dict(places.get("same", {})),
        not_places=set(places.get("not", [])),
        source=origin,
    )
