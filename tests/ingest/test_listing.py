"""The folder's listing: a cached open reads no file's record, and says what a full read says."""

import json
import os
from contextlib import contextmanager

import pytest

from timeline_app.ingest import file_loader, load_corpus
from timeline_app.model import FuzzyDate
from timeline_app.model.lazy_documents import LazyDocuments
from timeline_app.store import ProjectStore

ARTICLE = "Talks {i}\nPosted: 0{d}.03.2021\n\nMinister Anna Berg met the council in Riga on {d} March 2021.\n"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    root.mkdir()
    for i in range(6):
        (root / f"a{i}.txt").write_text(ARTICLE.format(i=i, d=i + 1), encoding="utf-8")
    (root / "feed.jsonl").write_text(
        '{"id": "x", "text": "Talks in Oslo on 4 May 2020 ended.", "published": "2020-05-05"}\n'
        "not json\n",
        encoding="utf-8",
    )
    (root / "empty.txt").write_text("", encoding="utf-8")
    return root


def _seen(timeline):
    docs = timeline.documents
    return (
        [(e.id, e.title, e.date.iso(), [s.doc_id for s in e.sources]) for e in timeline.events],
        sorted(str(p) for p in timeline.problems),
        {k: (d.text, d.title, d.outlet, d.published) for k, d in docs.items()},
    )


def _reopen(folder, store):
    return load_corpus(folder, cache=store, lazy=True)


@pytest.mark.parametrize(
    "change",
    [
        "nothing",
        "an article rewritten",
        "an article added",
        "an article removed",
        "the store lost the records",
        "an article rewritten, the merge index lost",  # merged from scratch: all records read
        "the manifest names an article's outlet",  # same bytes, another key
        "the user sets a publication date",
    ],
)
def test_a_listed_open_shows_what_a_fresh_open_shows(folder, tmp_path, change, monkeypatch):
    again_read = []
    record_again = file_loader._record_again
    monkeypatch.setattr(
        file_loader,
        "_record_again",
        lambda *given: again_read.append(given[-1].rel) or record_again(*given),
    )
    store = ProjectStore(tmp_path / "s.sqlite")
    _reopen(folder, store)
    _reopen(folder, store)  # the view's columns are stored
    if change == "an article rewritten":
        (folder / "a2.txt").write_text(ARTICLE.format(i=9, d=8), encoding="utf-8")
        os.utime(folder / "a2.txt", (1, 1))  # an old time: the stats would not tell
    elif change == "an article added":
        (folder / "a9.txt").write_text(ARTICLE.format(i=9, d=9), encoding="utf-8")
    elif change == "an article removed":
        (folder / "a3.txt").unlink()
    elif change == "an article rewritten, the merge index lost":
        (folder / "a2.txt").write_text(ARTICLE.format(i=9, d=8), encoding="utf-8")
        store._db.execute("DELETE FROM corpus_cache WHERE key LIKE 'index|%'")
        store._db.commit()
    elif change == "the store lost the records":
        store._db.execute("DELETE FROM file_cache")
        store._db.commit()
    published = {}
    if change == "the manifest names an article's outlet":
        manifest = {"documents": {"a1.txt": {"outlet": "Riga Courier"}}}
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    elif change == "the user sets a publication date":
        published = {"a4.txt": FuzzyDate(2021, 3, 20)}
    again = load_corpus(folder, cache=store, lazy=True, published=published)
    fresh = load_corpus(folder, published=published)
    assert isinstance(again.documents, LazyDocuments)
    assert _seen(again) == _seen(fresh)
    # a file is read again for its record only when the store lost it
    lost = change == "the store lost the records"
    assert bool(again_read) == lost
    store.close()


@pytest.mark.parametrize(
    ("small", "written"),
    [
        (64, ["listing+|."]),  # a few files changed: only the changes are written
        (0, ["listing|.", "listing+|."]),  # too many: the whole listing, the changes emptied
    ],
)
def test_a_change_writes_the_changed_entries_only(folder, tmp_path, monkeypatch, small, written):
    from timeline_app.ingest import change_records

    store = ProjectStore(tmp_path / "s.sqlite")
    _reopen(folder, store)
    monkeypatch.setattr(change_records, "SMALL", small)
    (folder / "a2.txt").write_text(ARTICLE.format(i=9, d=8), encoding="utf-8")
    (folder / "a3.txt").unlink()
    queries = []
    store._db.set_trace_callback(queries.append)
    again = _reopen(folder, store)
    store._db.set_trace_callback(None)
    keys = sorted(
        k
        for q in queries
        if "INTO corpus_cache" in q
        for k in ("listing|.", "listing+|.")
        if f"'{k}'" in q
    )
    assert keys == sorted(written)
    # and the listing read back says what the folder holds
    third = _reopen(folder, store)
    assert _seen(third) == _seen(again) == _seen(load_corpus(folder))
    store.close()


def test_a_listed_files_names_are_decoded_only_when_read(folder, tmp_path, monkeypatch):
    """The listing keeps each file's names as their JSON text: a cached open decodes none
    of them, and those read are the ones the record holds."""
    from timeline_app.ingest import file_results

    store = ProjectStore(tmp_path / "s.sqlite")
    _reopen(folder, store)
    fresh = {r.doc_ids[0]: r.names_record() for r in _results(folder, None)}
    decoded = []
    real = file_results.json.loads
    monkeypatch.setattr(file_results.json, "loads", lambda t: decoded.append(t) or real(t))
    listed = _results(folder, store)
    assert listed and not decoded, "a listed result's names stay text until read"
    by_id = {r.doc_ids[0]: r for r in listed}
    assert by_id["a1.txt"].names_text() == json.dumps(fresh["a1.txt"], separators=(",", ":"))
    assert not decoded, "its text is given as the listing keeps it"
    assert {d: r.names_record() for d, r in by_id.items()} == fresh
    assert len(decoded) == len(listed)
    store.close()


def test_a_first_read_sends_files_to_the_workers_before_the_last_is_read(
    folder, tmp_path, monkeypatch
):
    from timeline_app.ingest import pool

    monkeypatch.setattr(file_loader, "_READ_BATCH", 2)  # small batches, handfuls of one file
    monkeypatch.setattr(pool, "_CHUNK", 1)
    log: list[str] = []
    read = file_loader.FileLoader._read

    def reading(self, i, doc_id, stats):
        log.append("read")
        return read(self, i, doc_id, stats)

    monkeypatch.setattr(file_loader.FileLoader, "_read", reading)
    store = ProjectStore(tmp_path / "s.sqlite")
    timeline = load_corpus(folder, cache=store, lazy=True, engine=_Recording(log, tasks=True))
    last_read = len(log) - 1 - log[::-1].index("read")
    assert "task" in log[:last_read]
    assert _seen(timeline) == _seen(load_corpus(folder))


def _results(folder, store):
    """The file results of a load of `folder` (listed ones, with a store)."""
    from timeline_app.ingest.corpus import key_context, read_listing
    from timeline_app.ingest.file_loader import FileLoader
    from timeline_app.ingest.files import find_files
    from timeline_app.ingest.manifest import Manifest

    found, manifest = find_files(folder), Manifest()
    listing = read_listing(store, ".", key_context(manifest, {}))
    loaded = FileLoader(found, manifest, {}, store, problems=[], name="news", listing=listing).run()
    return [r for r in loaded.results if r.doc_ids and r.doc_ids[0].startswith("a")]


class _Recording:
    """An engine that runs each task here and says when its pool was entered: before the
    folder's files were read, or after."""

    name = "recording"

    def __init__(self, log: list[str], *, tasks: bool = False) -> None:
        self._log, self._tasks = log, tasks

    def workers(self, units: int) -> int:
        return 2 if units >= 3 else 0

    @contextmanager
    def pool(self, shared, *, workers):
        self._log.append("pool")
        self._shared = shared
        yield self

    def map(self, fn, items, *, on_done):
        for i, item in enumerate(items):
            if self._tasks:
                self._log.append("task")
            on_done(i, fn(self._shared, item))


@pytest.mark.parametrize(
    ("opens", "expected"),
    [
        (1, ["pool", "read"]),  # a first read: the workers start while the files are read
        (2, ["read"]),  # listed, nothing to extract: no pool
    ],
    ids=["first read", "listed"],
)
def test_the_workers_start_before_the_files_are_read_only_on_a_first_read(
    folder, tmp_path, monkeypatch, opens, expected
):
    store = ProjectStore(tmp_path / "s.sqlite")
    log: list[str] = []
    read = file_loader.FileLoader._read_batches

    def reading(self):
        log.append("read")
        return read(self)

    monkeypatch.setattr(file_loader.FileLoader, "_read_batches", reading)
    for _ in range(opens):
        log.clear()
        timeline = load_corpus(folder, cache=store, lazy=True, engine=_Recording(log))
    assert log[: log.index("read") + 1] == expected  # (events are found on a pool after)
    assert _seen(timeline) == _seen(load_corpus(folder))  # what a load without them finds
