"""The store's log is copied into its file on a thread of its own, not by the commit that
fills it: a large cache write returns without waiting for the disk, its pages reach the file
soon after, and closing the store ends the thread and keeps everything."""

from __future__ import annotations

import os
import threading
import time

import pytest

from timeline_app.store import ProjectStore

WRITES = [  # (payloads written, why)
    ([("big", os.urandom(6 * 2**20))], "one write past SQLite's own 4 MB threshold"),
    ([(f"k{i}", os.urandom(2**20)) for i in range(6)], "many rows in one write"),
]


def _threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "store checkpoints"}


@pytest.mark.parametrize(("rows", "why"), WRITES, ids=[w[1] for w in WRITES])
def test_a_large_write_reaches_the_store_file_without_a_commit_waiting(tmp_path, rows, why):
    path = tmp_path / "store.sqlite"
    before = _threads()
    store = ProjectStore(path)
    start = path.stat().st_size
    store.cache_many("corpus_columns", rows)
    size = sum(len(p) for _, p in rows)
    deadline = time.monotonic() + 20
    while path.stat().st_size < start + size and time.monotonic() < deadline:
        time.sleep(0.05)  # the thread copies the log while this one goes on
    assert path.stat().st_size >= start + size, why
    store.close()
    assert _threads() == before, why  # closing ends the thread
    again = ProjectStore(path)
    assert again.cached_many("corpus_columns", [k for k, _ in rows]) == dict(rows), why
    again.close()


def test_a_store_in_memory_has_no_thread():
    before = _threads()
    store = ProjectStore.in_memory()
    store.cache_many("corpus_columns", [("k", b"x" * 100)])
    assert _threads() == before
    store.close()


def test_the_commit_itself_copies_nothing_and_closing_copies_the_rest(tmp_path, monkeypatch):
    """With the thread given nothing to do, a write past SQLite's threshold stays in the log
    (the commit did not wait for a checkpoint), and closing the store copies it in."""
    from timeline_app.store import project_store

    monkeypatch.setattr(project_store._Checkpoints, "due", lambda self: None)
    path = tmp_path / "store.sqlite"
    store = ProjectStore(path)
    start = path.stat().st_size
    store.cache_many("corpus_columns", [("big", b"x" * 6 * 2**20)])
    assert path.stat().st_size == start
    store.close()
    assert path.stat().st_size >= start + 6 * 2**20
    assert not os.path.exists(f"{path}-wal") or os.path.getsize(f"{path}-wal") == 0
