"""The project store: schema versions, durable edits with undo/redo (a project opened
through it: tests/test_project.py)."""

import sqlite3
import time

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


# (keys cached before, what the cache does, the statement that changes its rows, keys left)
CACHE_CHANGES = [
    ([], lambda store, table, payload: store.cache_many(table, [("k", payload)]), "INSERT", ["k"]),
    (
        ["gone", "k"],
        lambda store, table, payload: store.forget_many(table, ["gone", "never there"]),
        "DELETE",
        ["k"],
    ),
]


@pytest.fixture
def memory_store():
    s = ProjectStore.in_memory()
    yield s
    s.close()


@pytest.mark.parametrize(
    ("before", "change", "statement", "left"), CACHE_CHANGES, ids=["write", "forget"]
)
@pytest.mark.parametrize(
    "table, payload", [("file_cache", {"text": "x"}), ("corpus_columns", b"\x00\x01")]
)
def test_cache_changes_skip_the_disk_wait_and_edits_keep_it(
    memory_store, table, payload, before, change, statement, left
):
    """A cache batch (rows written, or rows no load asks for dropped) is committed with
    synchronous=NORMAL (no fsync: hundreds of batches on a first open), and the store is
    back to FULL before the next edit is committed. (In memory: a file's store drops rows
    on another thread, below.)"""
    store = memory_store
    store.cache_many(table, [(key, payload) for key in before])
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    change(store, table, payload)
    store.add_edit("title", "ev-1", {"title": "T"})
    store._db.set_trace_callback(None)
    levels = [s.split("=")[1] for s in statements if s.startswith("PRAGMA synchronous=")]
    assert levels == ["NORMAL", "FULL"]
    first_change = next(i for i, s in enumerate(statements) if s.startswith(statement))
    assert statements.index("PRAGMA synchronous=NORMAL") < first_change
    assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.cached_many(table, ["gone", "k"]) == {key: payload for key in left}


@pytest.mark.parametrize("table", ["file_cache", "corpus_columns"])
def test_a_file_store_drops_rows_on_another_thread_and_by_its_close(tmp_path, table):
    """Rows no load asks for (the 7 MB of columns an update replaces) are dropped on the
    checkpoints' thread and connection: the caller's connection deletes nothing and does not
    wait; closing the store drops what is still to drop, and keeps the other rows."""
    path = tmp_path / "s.sqlite"
    payload = b"\x00\x01" if table == "corpus_columns" else {"text": "x"}
    store = ProjectStore(path)
    store.cache_many(table, [("gone", payload), ("k", payload)])
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    store.forget_many(table, ["gone", "never there"])
    store._db.set_trace_callback(None)
    store.close()
    assert not [s for s in statements if s.startswith("DELETE")]
    reopened = ProjectStore(path)
    assert reopened.cached_many(table, ["gone", "k"]) == {"k": payload}
    reopened.close()


def test_a_cache_write_inside_an_open_transaction_is_kept(store):
    """SQLite refuses to change synchronous inside a transaction: the write goes on at FULL
    rather than give the cache up."""
    store._db.execute("DELETE FROM file_cache")  # opens a transaction, left open
    store.cache_many("file_cache", [("k", 1)])
    store.cache_many("file_cache", [("k2", 2)])
    assert store.cached_many("file_cache", ["k", "k2"]) == {"k": 1, "k2": 2}


def test_a_big_record_read_shared_is_decoded_once_per_text(store):
    """A folder's listing and index are read on every reload: read `shared`, a record with
    the same text is given back as the objects decoded the first time; changed, it is
    decoded again; read without `shared`, it is always a fresh copy the caller may change."""
    big = {"files": {f"f{i}.txt": [f"key{i}", [i]] for i in range(400)}}
    store.cache_many("corpus_cache", [("listing|.", big), ("small", {"a": 1})])
    first = store.cached_many("corpus_cache", ["listing|.", "small"], shared=True)
    again = store.cached_many("corpus_cache", ["listing|.", "small"], shared=True)
    assert first == again and first["listing|."] == big
    assert again["listing|."] is first["listing|."], "the same text: not decoded again"
    assert again["small"] is not first["small"], "a small record is simply decoded"
    own = store.cached_many("corpus_cache", ["listing|."])["listing|."]
    assert own == big and own is not first["listing|."]
    big["files"]["new.txt"] = ["key", []]
    store.cache_many("corpus_cache", [("listing|.", big)])
    changed = store.cached_many("corpus_cache", ["listing|."], shared=True)["listing|."]
    assert changed == big and "new.txt" not in first["listing|."]["files"]


def test_columns_are_written_on_another_thread_and_read_back_once_written(tmp_path):
    """An update's columns (7 MB at 10,000 articles) are written on the checkpoints' thread
    and connection: the caller's connection inserts nothing; a read of that table waits
    until they are written, and finds them; so does a store opened after the close."""
    path = tmp_path / "s.sqlite"
    store = ProjectStore(path)
    rows = [(f"corpus/{k}", bytes([k]) * 100_000) for k in range(20)]
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    store.cache_many("corpus_columns", rows)
    store._db.set_trace_callback(None)
    assert not [s for s in statements if s.startswith("INSERT")]
    assert store.cached_many("corpus_columns", [k for k, _ in rows]) == dict(rows)
    store.cache_many("corpus_columns", rows[:1])
    store.close()
    reopened = ProjectStore(path)
    assert reopened.cached_many("corpus_columns", [k for k, _ in rows]) == dict(rows)
    reopened.close()


def test_rows_given_while_others_are_written_are_written_by_the_close(tmp_path):
    """The close writes every row given, those given while an earlier batch was being
    written included (a store's columns are read by the next open)."""
    path = tmp_path / "s.sqlite"
    store = ProjectStore(path)
    big = [(f"big/{k}", bytes([k]) * 1_000_000) for k in range(30)]
    store.cache_many("corpus_columns", big)
    time.sleep(0.01)  # the first batch under way
    store.cache_many("corpus_columns", [("last", b"\x01")])
    store.close()
    reopened = ProjectStore(path)
    found = reopened.cached_many("corpus_columns", ["last", "big/29"])
    reopened.close()
    assert found == {"last": b"\x01", "big/29": bytes([29]) * 1_000_000}
