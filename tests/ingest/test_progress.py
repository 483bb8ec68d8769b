"""Loading reports progress per file, can be cancelled, extracts on processes, sends partials."""

from __future__ import annotations

import pytest

from timeline_app.ingest import event_finding, file_loader, pool
from timeline_app.ingest.corpus import MERGING, Cancelled, load_corpus
from timeline_app.ingest.progress import Pacer

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


class DictCache:
    """The cache protocol (`ingest/cache.py`) in memory: any object with these two methods."""

    def __init__(self) -> None:
        self.tables: dict[str, dict] = {"file_cache": {}, "corpus_cache": {}, "corpus_columns": {}}

    def cached_many(self, table, keys, *, shared=False):
        return {k: self.tables[table][k] for k in keys if k in self.tables[table]}

    def cache_many(self, table, items):
        self.tables[table].update(items)


@pytest.fixture
def folder(tmp_path):
    """12 short articles, a few days apart, and one file that cannot be read."""
    root = tmp_path / "news"
    root.mkdir()
    for i in range(12):
        day = 3 + i
        (root / f"a{i:02d}.txt").write_text(
            f"Talks number {i}\nPosted: {day:02d}.03.2021 10:00:00\n\n"
            f"Minister Anna Berg{i} met the delegation of the Council in Riga on "
            f"{WEEKDAYS[i % 5]}, the ministry said.\n"
            f"The previous round took place on {i + 1} February 2019.\n",
            encoding="utf-8",
        )
    (root / "0-broken.json").write_text('{"title": "cut off', encoding="utf-8")
    return root


def summary(timeline):
    return (
        [(e.id, e.title, e.date.iso()) for e in timeline.events],
        [str(p) for p in timeline.problems],
        sorted(timeline.documents),
    )


def test_progress_is_called_per_file_then_for_merging(folder):
    calls = []
    load_corpus(folder, progress=lambda done, total, current: calls.append((done, total, current)))
    files, merging = calls[:13], calls[13:]
    assert [c[:2] for c in files] == [(i, 13) for i in range(1, 14)]
    assert {c[2] for c in files} == {f"a{i:02d}.txt" for i in range(12)} | {"0-broken.json"}
    assert merging == [(0, 12, MERGING), (12, 12, MERGING)]  # documents whose events are found


def test_returning_false_cancels_and_keeps_what_was_extracted(folder):
    cache = DictCache()
    with pytest.raises(Cancelled):
        load_corpus(folder, cache=cache, progress=lambda done, total, current: done < 5)
    assert len(cache.tables["file_cache"]) == 4  # five files done, one of them broken
    extracted = []
    real = pool.extract_file
    pool_patch = pytest.MonkeyPatch()
    pool_patch.setattr(pool, "extract_file", lambda *a: extracted.append(a[1]) or real(*a))
    try:
        timeline = load_corpus(folder, cache=cache)
    finally:
        pool_patch.undo()
    assert len(extracted) == 13 - 4, "the second load starts where the first stopped"
    assert summary(timeline) == summary(load_corpus(folder))


def test_progress_returning_none_goes_on(folder):
    assert load_corpus(folder, progress=lambda *a: None).events


def test_processes_give_the_same_timeline_as_one(folder):
    """Extraction, statements and merging all on two processes: the same events."""
    here = load_corpus(folder, workers=1)
    seen = []
    there = load_corpus(folder, workers=2, progress=lambda d, t, c: seen.append(d))
    assert summary(there) == summary(here)
    assert seen[:13] == list(range(1, 14))
    assert seen[13] == 0 and seen[-1] == 12 and seen[13:] == sorted(seen[13:])
    assert any("0-broken.json" in p for p in summary(there)[1])


def test_a_cancel_stops_the_processes(folder):
    cache = DictCache()
    with pytest.raises(Cancelled):
        load_corpus(folder, cache=cache, workers=2, progress=lambda d, t, c: d < 3)
    assert 1 <= len(cache.tables["file_cache"]) < 13


def test_partial_timelines_grow_while_files_are_extracted(folder, monkeypatch):
    class Always(Pacer):
        def due(self) -> bool:
            return True

    monkeypatch.setattr(file_loader, "Pacer", Always)
    partials = []
    final = load_corpus(folder, partial=partials.append)
    sizes = [len(p.documents) for p in partials]
    assert sizes == sorted(sizes) and sizes[-1] == len(final.documents) == 12
    assert partials[-1].events and partials[-1].name == final.name
    assert any(p.problems for p in partials), "problems show while loading"


def test_pacer_keeps_partials_a_small_share_of_the_load():
    now = [0.0]
    pacer = Pacer(first=0.5, every=1.0, share=0.2, clock=lambda: now[0])
    assert not pacer.due()
    now[0] = 0.6
    assert pacer.due()
    pacer.built(0.1)  # cheap: again in a second
    now[0] = 1.5
    assert not pacer.due()
    now[0] = 1.7
    assert pacer.due()
    pacer.built(1.0)  # expensive: not before 5 s later
    now[0] = 6.0
    assert not pacer.due()
    now[0] = 6.8
    assert pacer.due()


def test_cached_reopen_reads_the_cache_in_batches(folder, tmp_path):
    from timeline_app.store import ProjectStore

    store = ProjectStore(tmp_path / "s.sqlite")
    first = load_corpus(folder, cache=store)
    load_corpus(folder, cache=store, lazy=True)  # the view's columns are stored
    queries = []
    store._db.set_trace_callback(queries.append)
    again = load_corpus(folder, cache=store, lazy=True)
    opening = list(queries)
    texts = [d.text for d in again.documents.values()]  # every document, in folder order
    assert summary(again) == summary(first)
    store.close()
    assert texts == [d.text for d in first.documents.values()]
    # the folder's listing says what each file holds: no article's record is read to open
    # it (the one file that cannot be read is looked up: failures are not cached), and a
    # pass over every document reads them in one query (a batch is 128 files)
    looked_up = [q for q in opening if "FROM file_cache" in q]
    assert len(looked_up) == 1 and looked_up[0].count("'") == 2  # one key
    assert sum("FROM file_cache" in q for q in queries) == 2
    assert not any(q.startswith("INSERT") for q in queries)


def test_merging_step_can_be_cancelled(folder, monkeypatch):
    monkeypatch.setattr(
        event_finding, "merge_candidates", lambda c: pytest.fail("merged after a cancel")
    )
    with pytest.raises(Cancelled):
        load_corpus(folder, progress=lambda d, t, c: c != MERGING)
