"""A damaged store is kept aside and replaced, its readable edits carried over; a crash's lost
log end and a full disk are named; nothing raises (issue 10, point 6). End to end through the
CLI: tests/security/test_damaged_store.py."""

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from timeline_app.store import SCHEMA_VERSION, ProjectStore, StoreError
from timeline_app.store.codec import DamagedRecord
from timeline_app.store.recovery import is_damage

PAGE = 4096


def _error(cls, message, code):
    exc = cls(message)
    exc.sqlite_errorcode = code
    return exc


DAMAGE = [  # (error, damage?, why)
    (_error(sqlite3.DatabaseError, "file is not a database", 26), True, "SQLITE_NOTADB"),
    (_error(sqlite3.DatabaseError, "database disk image is malformed", 11), True, "CORRUPT"),
    (_error(sqlite3.DatabaseError, "malformed", 11 | (1 << 8)), True, "an extended code"),
    (
        sqlite3.OperationalError("Could not decode to UTF-8 column 'payload'"),
        True,
        "stored text that is not UTF-8",
    ),
    (DamagedRecord("a stored record is unreadable"), True, "a record that is not ours"),
    (_error(sqlite3.OperationalError, "database or disk is full", 13), False, "full: not damage"),
    (_error(sqlite3.OperationalError, "database is locked", 5), False, "busy: not damage"),
    (_error(sqlite3.OperationalError, "disk I/O error", 10), False, "I/O: may pass"),
    (ValueError("no cache table"), False, "a programming error"),
]


@pytest.mark.parametrize(("error", "damage", "why"), DAMAGE)
def test_which_errors_mean_damage(error, damage, why):
    assert is_damage(error) is damage, why


def make_store(path, titles=("Edit one", "Edit two", "Edit three")):
    store = ProjectStore(path)
    store.cache_many("file_cache", [(f"k{i}", {"text": "x" * 3000, "i": i}) for i in range(20)])
    for n, title in enumerate(titles):
        store.add_edit("event.title", f"ev-{n}", {"title": title})
    store.close()


def pages_of(path, table):
    db = sqlite3.connect(path)
    pages = [r[0] for r in db.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    db.close()
    return pages


def overwrite(path, offset, data):
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(data)


def titles(store):
    return [e.value["title"] for e in store.edits()]


def aside(path):
    return sorted(p.name for p in path.parent.glob(path.name + ".damaged-*"))


def test_a_damaged_cache_found_while_loading_is_replaced_edits_kept(tmp_path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    overwrite(path, (pages_of(path, "file_cache")[-1] - 1) * PAGE, b"\xff" * PAGE)
    store = ProjectStore(path)  # the edit log checks out: the damage is found when read
    assert store.notices == []
    found = store.cached_many("file_cache", [f"k{i}" for i in range(20)])
    # the records in the pages left whole are read from the file set aside, the damaged
    # page's are cache misses (a timeline opened before the damage was found loses nothing)
    assert 0 < len(found) < 20, "the damaged page's records are misses"
    assert all(found[k] == {"text": "x" * 3000, "i": int(k[1:])} for k in found)
    (notice,) = store.notices
    assert notice.startswith("damaged (") and "3 edits recovered, none lost" in notice
    assert titles(store) == ["Edit one", "Edit two", "Edit three"]
    store.cache("file_cache", "k0", {"again": True})
    assert store.cached("file_cache", "k0") == {"again": True}, "the fresh store caches"
    missed = next(f"k{i}" for i in range(20) if f"k{i}" not in found)
    assert store.cached("file_cache", missed) is None, "no damaged record read back"
    store.close()
    assert len(aside(path)) == 1 and f"kept as {path}.damaged-" in notice


def test_an_edit_that_cannot_be_read_is_counted_lost(tmp_path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    data = path.read_bytes()
    overwrite(path, data.index(b"Edit two"), b"\xff" * 8)
    store = ProjectStore(path)
    assert "2 edits recovered, 1 lost" in store.notice
    assert [(e.seq, e.value["title"]) for e in store.edits()] == [
        (1, "Edit one"),
        (3, "Edit three"),
    ]
    assert store.add_edit("event.title", "ev-9", {"title": "new"}).seq == 4
    store.close()


def test_a_destroyed_edit_log_is_counted_lost(tmp_path):
    path = tmp_path / "s.sqlite"
    make_store(path)
    (edits_page,) = pages_of(path, "edits")
    overwrite(path, (edits_page - 1) * PAGE, b"\xff" * PAGE)
    store = ProjectStore(path)
    assert "0 edits recovered, 3 lost" in store.notice and store.edits() == []
    store.close()


@pytest.mark.parametrize(
    ("damage", "why", "edits"),
    [
        (
            lambda p: overwrite(p, 0, b"\xff" * 100),
            "file is not a database",
            "its edits could not be read: any it held are lost",
        ),
        (
            lambda p: p.write_bytes(b""),
            "empty: 0 bytes",
            "its edits could not be read: any it held are lost",
        ),
        (
            lambda p: p.write_bytes(os.urandom(3 * PAGE)),
            "file is not a database",
            "its edits could not be read: any it held are lost",
        ),
    ],
)
def test_an_unreadable_file_is_kept_aside_and_a_fresh_store_started(tmp_path, damage, why, edits):
    path = tmp_path / "s.sqlite"
    make_store(path)
    damage(path)
    before = path.read_bytes()
    store = ProjectStore(path)
    assert store.notice.startswith(f"damaged ({why}): kept as {path}.damaged-")
    assert edits in store.notice and store.edits() == []
    store.close()
    (kept,) = aside(path)
    assert (tmp_path / kept).read_bytes() == before, "kept as it was"
    assert ProjectStore(path).notices == [], "the fresh store is sound"


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_newer_store_is_refused_byte_for_byte_untouched(tmp_path, journal):
    path = tmp_path / "s.sqlite"
    make_store(path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode={journal}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="is from a newer version of timeline_app"):
        ProjectStore(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert aside(path) == []


def test_a_full_disk_loses_the_cache_not_the_timeline_nor_an_edit(tmp_path):
    store = ProjectStore(tmp_path / "s.sqlite")
    (pages,) = store._db.execute("PRAGMA page_count").fetchone()
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own SQLITE_FULL from here
    store.cache_many("file_cache", [("k", {"text": "x" * 20000})])  # does not raise
    assert store.notices == [
        "the cache could not be written (database or disk is full): the timeline is read from "
        "the articles and will be read from them again next time"
    ]
    assert store.cached("file_cache", "k") is None
    with pytest.raises(StoreError, match="the edit could not be saved"):
        store.add_edit("event.title", "ev-1", {"title": "y" * 20000})
    assert store.edits() == [], "an edit that could not be saved is not shown as made"
    store.close()


WRITER = textwrap.dedent("""
    import os, sys
    from timeline_app.store import ProjectStore
    store = ProjectStore(sys.argv[1])
    store.cache_many("file_cache", [(f"k{i}", "x" * 3000) for i in range(5)])
    for n in range(3):
        store.add_edit("event.title", f"ev-{n}", {"title": f"Edit {n}"})
    if sys.argv[2] == "cache last":
        store.cache_many("file_cache", [("last", "z" * 3000)])
    if sys.argv[2] == "rollback":  # a write that spills into the log, then is rolled back
        store._db.execute("PRAGMA cache_size = 2")
        store._db.executemany("INSERT INTO file_cache VALUES (?, ?, 0)",
                              [(f"r{i}", "y" * 5000) for i in range(40)])
        store._db.rollback()
    os._exit(0)  # a crash: the log is not checkpointed
""")


def crashed_writer(path, mode="edits"):
    subprocess.run([sys.executable, "-c", WRITER, str(path), mode], check=True, timeout=60)
    return path.parent / (path.name + "-wal")


def test_a_log_torn_after_a_commit_names_the_lost_edit(tmp_path):
    path = tmp_path / "s.sqlite"
    wal = crashed_writer(path)
    os.truncate(wal, wal.stat().st_size - 100)
    store = ProjectStore(path)
    assert titles(store) == ["Edit 0", "Edit 1"]
    (notice,) = store.notices
    assert notice.startswith("the end of its write-ahead log was cut off or damaged (")
    assert notice.endswith("2 edits kept, at least one later edit (or undo) is lost")
    store.close()
    assert list(tmp_path.glob("s.sqlite-wal.damaged-*")), "the torn log is kept"
    assert ProjectStore(path).notices == [], "said once"


def test_a_log_cut_between_two_commits_still_names_the_lost_edit(tmp_path):
    path = tmp_path / "s.sqlite"
    wal = crashed_writer(path)
    os.truncate(wal, _end_of_commit(wal, -2))  # a whole edit gone: the log looks complete
    store = ProjectStore(path)
    assert titles(store) == ["Edit 0", "Edit 1"]
    assert "2 edits kept, at least one later edit (or undo) is lost" in store.notice
    store.close()


def test_a_log_torn_in_a_cache_write_keeps_every_edit_and_says_so(tmp_path):
    path = tmp_path / "s.sqlite"
    wal = crashed_writer(path, "cache last")
    os.truncate(wal, wal.stat().st_size - 100)
    store = ProjectStore(path)
    assert titles(store) == ["Edit 0", "Edit 1", "Edit 2"]
    assert store.notice.endswith("all 3 edits kept, only cached results were lost (rebuilt)")
    assert store.cached("file_cache", "last") is None
    store.close()


def test_without_the_log_index_an_unreadable_end_is_named_as_possibly_lost(tmp_path):
    path = tmp_path / "s.sqlite"
    wal = crashed_writer(path)
    os.truncate(wal, wal.stat().st_size - 100)
    (tmp_path / "s.sqlite-shm").unlink()
    store = ProjectStore(path)
    assert "ends in an unfinished or damaged write" in store.notice
    assert store.notice.endswith(
        "2 edits kept, and if that write was a saved edit (or undo), it is lost"
    )
    store.close()


def test_a_rolled_back_write_left_in_the_log_is_no_loss(tmp_path):
    path = tmp_path / "s.sqlite"
    crashed_writer(path, "rollback")
    store = ProjectStore(path)
    assert store.notices == [] and titles(store) == ["Edit 0", "Edit 1", "Edit 2"]
    store.close()


def _end_of_commit(wal, which):
    """Where the log ends just after its `which`-th commit frame (Python index)."""
    data = wal.read_bytes()
    frame = 24 + int.from_bytes(data[8:12], "big")
    ends = [
        32 + (i + 1) * frame
        for i in range((len(data) - 32) // frame)
        if int.from_bytes(data[32 + i * frame + 4 : 32 + i * frame + 8], "big")
    ]
    return ends[which]


def test_when_no_fresh_store_can_be_written_the_damaged_one_stays_for_next_time(
    tmp_path, monkeypatch
):
    import timeline_app.store.project_store as project_store

    path = tmp_path / "s.sqlite"
    make_store(path)
    damaged = path.read_bytes()
    damaged = (
        damaged[: damaged.index(b"Edit two")]
        + b"\xff" * 8
        + damaged[damaged.index(b"Edit two") + 8 :]
    )
    path.write_bytes(damaged)
    monkeypatch.setattr(project_store, "_fresh_file", lambda path, salvage: None)  # a full disk
    store = ProjectStore(path)
    assert store.notice.startswith("damaged (")
    assert store.notice.endswith(
        "): it could not be moved aside and is left as it is, a store in memory is used "
        "instead; 2 edits recovered, 1 lost; the cache is rebuilt from the articles; edits "
        "last this session only"
    )
    assert titles(store) == ["Edit one", "Edit three"], "this session has what could be read"
    store.close()
    assert path.read_bytes() == damaged and aside(path) == [], "put back as it was"


NEWER = textwrap.dedent("""
    import os, sqlite3, sys
    from timeline_app.store import ProjectStore
    store = ProjectStore(sys.argv[1])
    store.add_edit("event.title", "ev-0", {"title": "by a newer app"})
    store._db.execute(f"PRAGMA user_version = {int(sys.argv[2])}")
    os._exit(0)  # its log is left beside it
""")


def test_a_newer_store_with_its_log_is_not_checkpointed_into(tmp_path):
    path = tmp_path / "s.sqlite"
    subprocess.run(
        [sys.executable, "-c", NEWER, str(path), str(SCHEMA_VERSION + 1)], check=True, timeout=60
    )
    files = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.glob("s.sqlite*")}
    assert tmp_path / "s.sqlite-wal" in files
    with pytest.raises(StoreError, match="newer version"):
        ProjectStore(path)
    for p, digest in files.items():
        if not p.name.endswith("-shm"):  # SQLite's index of the log may be rebuilt
            assert hashlib.sha256(p.read_bytes()).hexdigest() == digest, p.name
