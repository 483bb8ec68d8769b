"""Files known unchanged by their metadata: every way of changing a file is still seen."""

from __future__ import annotations

import os
import time

import pytest

from timeline_app.ingest import change_records, file_stats
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


def _written(store, act):
    """The stats rows `act` writes."""
    queries = []
    store._db.set_trace_callback(queries.append)
    act()
    store._db.set_trace_callback(None)
    return sorted(
        k
        for q in queries
        if "INTO corpus_cache" in q
        for k in ("stats2|", "stats2+|")
        if f"'{k}'" in q
    )


def test_a_few_changed_files_write_their_entries_only(tmp_path, monkeypatch):
    """The table of 100 files is written whole once; a change of one file writes the
    change record; more changes than a twentieth of the files, the whole table again. Each
    read gives back every entry kept."""
    monkeypatch.setattr(file_stats, "RACY_S", 0.0)
    monkeypatch.setattr(change_records, "SMALL", 2)
    store = ProjectStore(tmp_path / "store.sqlite")
    paths = []
    for k in range(100):
        paths.append(tmp_path / f"a{k}.txt")
        paths[-1].write_bytes(b"x" * k)
        os.utime(paths[-1], ns=(OLD, OLD))
    time.sleep(0.05)
    rels = {p.name for p in paths}

    def load(changed):
        stats = FileStats(store)
        digests = {}
        for p in paths:
            d = stats.digest(p.name, p)
            if d is None or p in changed:
                d = stats.read(p.name, stats.stat(p), p.read_bytes())
            digests[p.name] = d
        return stats, digests

    stats, first = load(paths)
    assert _written(store, lambda: stats.keep(rels)) == ["stats2+|", "stats2|"]
    # a twentieth of 100 files: up to 5 entries in the change record
    steps = [(k, ["stats2+|"]) for k in range(3, 8)] + [
        (8, ["stats2+|", "stats2|"]),
        (9, ["stats2+|"]),
    ]
    for k, expected in steps:
        append(paths[k])
        time.sleep(0.01)
        stats, digests = load([])
        assert digests[paths[k].name] != first[paths[k].name]
        assert _written(store, lambda stats=stats: stats.keep(rels)) == expected, k
        known = FileStats(store)
        assert all(known.digest(p.name, p) == digests[p.name] for p in paths), k
    store.close()


def test_the_changes_of_another_whole_table_are_not_applied(tmp_path, monkeypatch):
    monkeypatch.setattr(file_stats, "RACY_S", 0.0)
    store = ProjectStore(tmp_path / "store.sqlite")
    path = tmp_path / "a.txt"
    path.write_bytes(b"aaaa")
    os.utime(path, ns=(OLD, OLD))
    time.sleep(0.05)
    stats = FileStats(store)
    digest = stats.read("a.txt", stats.stat(path), path.read_bytes())
    stats.keep({"a.txt"})
    assert FileStats(store).digest("a.txt", path) == digest
    store.cache_many("corpus_cache", [("stats2+|", {"of": "another", "files": {"a.txt": None}})])
    assert FileStats(store).digest("a.txt", path) == digest, "the forgetting is not applied"
    store.cache_many(
        "corpus_cache", [("stats2+|", {"of": FileStats(store)._serial, "files": {"a.txt": None}})]
    )
    assert FileStats(store).digest("a.txt", path) is None, "its own changes are"
    store.close()
