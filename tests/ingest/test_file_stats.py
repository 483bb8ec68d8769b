"""Files known unchanged by their metadata: every way of changing a file is still seen."""

from __future__ import annotations

import os
import time

import pytest

from timeline_app.ingest import file_stats
from timeline_app.ingest.file_stats import FileStats
from timeline_app.store import ProjectStore

OLD = time.time_ns() - 10**11  # an mtime well in the past


def rewrite_same_size_and_time(path):
    st = path.stat()
    path.write_bytes(path.read_bytes().replace(b"a", b"b"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def replace_by_rename(path):
    tmp = path.with_name("new.tmp")
    tmp.write_bytes(path.read_bytes() + b"!")
    os.utime(tmp, ns=(OLD, OLD))
    os.replace(tmp, path)


def append(path):
    with path.open("ab") as fh:
        fh.write(b"more")
    os.utime(path, ns=(OLD, OLD))


def touch(path):
    os.utime(path, None)


def nothing(path):
    pass


CASES = [
    # (change, known unchanged afterwards?, why)
    (nothing, True, "untouched: its metadata is as it was"),
    (rewrite_same_size_and_time, False, "other bytes, same size and mtime: the ctime moved"),
    (replace_by_rename, False, "an editor's save: another inode"),
    (append, False, "another size, even with the old mtime"),
    (touch, False, "a new mtime (the bytes are hashed again, the key stays)"),
]


@pytest.mark.parametrize(("act", "known", "why"), CASES, ids=[c[2] for c in CASES])
def test_only_an_untouched_file_is_known_by_its_metadata(act, known, why, tmp_path, monkeypatch):
    store = ProjectStore(tmp_path / "store.sqlite")
    path = tmp_path / "a.txt"
    path.write_bytes(b"aaaa")
    os.utime(path, ns=(OLD, OLD))
    monkeypatch.setattr(file_stats, "RACY_S", 0.0)
    time.sleep(0.05)
    stats = FileStats(store)  # (a ctime cannot be set back: "old" here is 50 ms)
    digest = stats.read("a.txt", stats.stat(path), path.read_bytes())
    stats.keep({"a.txt"})
    time.sleep(0.01)
    act(path)
    again = FileStats(store).digest("a.txt", path)
    assert (again == digest) is known, why
    assert again is None or again == digest


def test_a_file_read_just_after_it_changed_is_hashed_every_time(tmp_path):
    """Within RACY_S of its last change, a second write could leave the same metadata."""
    store = ProjectStore(tmp_path / "store.sqlite")
    path = tmp_path / "a.txt"
    path.write_bytes(b"young")
    stats = FileStats(store)
    stats.read("a.txt", stats.stat(path), path.read_bytes())
    stats.keep({"a.txt"})
    assert FileStats(store).digest("a.txt", path) is None


def test_files_no_longer_in_the_folder_are_forgotten(tmp_path, monkeypatch):
    store = ProjectStore(tmp_path / "store.sqlite")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(name.encode())
    monkeypatch.setattr(file_stats, "RACY_S", 0.0)
    time.sleep(0.05)
    stats = FileStats(store)
    for name in ("a.txt", "b.txt"):
        path = tmp_path / name
        stats.read(name, stats.stat(path), path.read_bytes())
    stats.keep({"a.txt"})
    kept = FileStats(store)
    assert kept.digest("a.txt", tmp_path / "a.txt") is not None
    assert kept.digest("b.txt", tmp_path / "b.txt") is None
