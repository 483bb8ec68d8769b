"""The project store: schema versions, durable edits with undo/redo (a project opened
through it: tests/test_project.py)."""

import sqlite3

import pytest

from timeline_app.store import SCHEMA_VERSION, ProjectStore, StoreVersionError


@pytest.fixture
def store(tmp_path):
    s = ProjectStore(tmp_path / "store.sqlite")
    yield s
    s.close()


def test_new_store_has_the_current_schema(tmp_path):
    ProjectStore(tmp_path / "s.sqlite").close()
    db = sqlite3.connect(tmp_path / "s.sqlite")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
        "file_cache",
        "corpus_cache",
        "edits",
    }


def test_a_store_from_a_newer_app_is_refused_untouched(tmp_path):
    path = tmp_path / "s.sqlite"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(Exception) as info:
        ProjectStore(path)
    assert isinstance(info.value.__cause__, StoreVersionError) or "newer" in str(info.value)


def test_undo_redo_and_a_new_edit_drops_the_redo(store):
    a = store.add_edit("event.title", "e1", {"title": "A"})
    b = store.add_edit("event.title", "e1", {"title": "B"})
    assert [e.seq for e in store.edits()] == [a.seq, b.seq]
    assert store.undo().seq == b.seq and store.undo().seq == a.seq and store.undo() is None
    assert store.redo().seq == a.seq and [e.seq for e in store.edits()] == [a.seq]
    c = store.add_edit("event.title", "e1", {"title": "C"})
    assert not store.can_redo() and [e.seq for e in store.edits()] == [a.seq, c.seq]


@pytest.mark.parametrize(
    "table, payload", [("file_cache", {"text": "x"}), ("corpus_columns", b"\x00\x01")]
)
def test_cache_writes_skip_the_disk_wait_and_edits_keep_it(store, table, payload):
    """A cache batch is committed with synchronous=NORMAL (no fsync: hundreds of batches on
    a first open), and the store is back to FULL before the next edit is committed."""
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    store.cache_many(table, [("k", payload)])
    store.add_edit("title", "ev-1", {"title": "T"})
    store._db.set_trace_callback(None)
    levels = [s.split("=")[1] for s in statements if s.startswith("PRAGMA synchronous=")]
    assert levels == ["NORMAL", "FULL"]
    first_insert = next(i for i, s in enumerate(statements) if s.startswith("INSERT"))
    assert statements.index("PRAGMA synchronous=NORMAL") < first_insert
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.cached_many(table, ["k"]) == {"k": payload}


def test_a_cache_write_inside_an_open_transaction_is_kept(store):
    """SQLite refuses to change synchronous inside a transaction: the write goes on at FULL
    rather than give the cache up."""
    store._db.execute("DELETE FROM file_cache")  # opens a transaction, left open
    store.cache_many("file_cache", [("k", 1)])
    store.cache_many("file_cache", [("k2", 2)])
    assert store.cached_many("file_cache", ["k", "k2"]) == {"k": 1, "k2": 2}


@pytest.mark.parametrize(
    "table, payload", [("file_cache", {"text": "x"}), ("corpus_columns", b"\x00\x01")]
)
def test_forgetting_cache_rows_skips_the_disk_wait_and_edits_keep_it(store, table, payload):
    """Rows no load asks for are dropped as cache rows are written (NORMAL), the others
    kept, and the store is back to FULL before the next edit is committed."""
    store.cache_many(table, [("gone", payload), ("kept", payload)])
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    store.forget_many(table, ["gone", "never there"])
    store.add_edit("title", "ev-1", {"title": "T"})
    store._db.set_trace_callback(None)
    levels = [s.split("=")[1] for s in statements if s.startswith("PRAGMA synchronous=")]
    assert levels == ["NORMAL", "FULL"]
    first_delete = next(i for i, s in enumerate(statements) if s.startswith("DELETE FROM"))
    assert statements.index("PRAGMA synchronous=NORMAL") < first_delete
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.cached_many(table, ["gone", "kept"]) == {"kept": payload}
