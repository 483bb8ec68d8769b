"""A folder opened as a project: the store as its extraction cache, edits that apply, persist
and undo, publication dates that re-resolve, stores that cannot be written."""

import gc
import shutil
from collections import Counter

import pytest

from timeline_app.ingest import file_results
from timeline_app.model import FuzzyDate
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project
from timeline_app.store import ProjectStore, store_path_for
from timeline_app.store.edits import date_value


@pytest.fixture
def folder(tmp_path):
    """A copy of the shipped corpus (its store is written; the original stays as shipped)."""
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    return folder


@pytest.fixture
def store(tmp_path):
    s = ProjectStore(tmp_path / "store.sqlite")
    yield s
    s.close()


def event_on(timeline, iso, word):
    return next(e for e in timeline.events if e.date.iso() == iso and word in e.title)


def test_reopening_uses_the_cache_not_the_tagger(folder, store, monkeypatch):
    first = Project(folder, store=store).timeline
    calls = []
    real = file_results.extract_file
    monkeypatch.setattr(
        file_results, "extract_file", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    import timeline_app.ingest.pool as pool_module  # extracts in this process below 200 files

    monkeypatch.setattr(pool_module, "extract_file", file_results.extract_file)
    again = Project(folder, store=store).timeline
    assert calls == [], "nothing re-extracted"
    assert [(e.id, e.title, e.date) for e in again.events] == [
        (e.id, e.title, e.date) for e in first.events
    ]
    (folder / "2023-11-26_tokayev-lukashenko-tension.txt").write_text(
        "Ministers meet\nPosted: 27.11.2023\n\nThe ministers met in Minsk on Friday.\n"
    )
    changed = Project(folder, store=store).timeline
    assert [c[1] for c in calls] == ["2023-11-26_tokayev-lukashenko-tension.txt"]
    assert any(e.date.iso() == "2023-11-24" for e in changed.events)


def test_edits_apply_persist_and_undo(folder, tmp_path):
    path = tmp_path / "p.sqlite"
    project = Project(folder, store=ProjectStore(path))
    summit = event_on(project.timeline, "2023-11-23", "summit")
    office = event_on(project.timeline, "2023-01-10", "assumed")
    project.edit("event.title", summit.id, {"title": "CSTO summit in Minsk"})
    project.edit("event.date", office.id, date_value(FuzzyDate(2023, 1, 9)))
    project.edit("event.hidden", summit.id, {"hidden": True})
    project.close()
    reopened = Project(folder, store=ProjectStore(path))
    by_id = {e.id: e for e in reopened.timeline.events}
    assert by_id[summit.id].title == "CSTO summit in Minsk" and by_id[summit.id].hidden
    assert by_id[office.id].date == FuzzyDate(2023, 1, 9) and "date" in by_id[office.id].edited
    reopened.undo()
    assert not {e.id: e for e in reopened.timeline.events}[summit.id].hidden
    reopened.redo()
    assert {e.id: e for e in reopened.timeline.events}[summit.id].hidden


def test_merge_and_split(folder, store):
    project = Project(folder, store=store)
    unity = event_on(project.timeline, "2023-02-13", "unity")
    office = event_on(project.timeline, "2023-01-10", "assumed")
    n = len(project.timeline.events)
    source = unity.sources[1]
    project.edit(
        "event.split", unity.id, {"source": [source.doc_id, source.start, source.date_start]}
    )
    assert len(project.timeline.events) == n + 1
    assert len({e.id: e for e in project.timeline.events}[unity.id].sources) == 1
    project.edit("event.merge", office.id, {"others": [unity.id]})
    merged = {e.id: e for e in project.timeline.events}[office.id]
    assert len(project.timeline.events) == n and len(merged.sources) == 3


def test_publication_date_edit_re_resolves_relative_dates(folder, store):
    project = Project(folder, store=store)
    doc = "2023-11-26_tokayev-lukashenko-tension.txt"
    assert event_on(project.timeline, "2023-11-23", "summit")
    project.edit("document.published", doc, {"date": "2023-12-03", "part": None})
    assert project.timeline.documents[doc].published == FuzzyDate(2023, 12, 3)
    assert event_on(project.timeline, "2023-11-30", "summit"), "Thursday before 3 December"
    project.undo()
    assert event_on(project.timeline, "2023-11-23", "summit")


def test_read_only_corpus_folder_works(folder):
    folder.chmod(0o555)
    try:
        project = Project(folder)
        assert project.timeline.events
        assert store_path_for(folder).exists(), "the store lives outside the corpus"
        assert not (folder / ".timeline").exists()
    finally:
        folder.chmod(0o755)


def test_unwritable_store_location_falls_back_to_memory(folder, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the store folder should be")
    monkeypatch.setenv("TIMELINE_APP_HOME", str(blocked))
    project = Project(folder)
    assert project.timeline.events
    assert any(p.path == "project store" for p in project.timeline.problems)


def test_edits_survive_a_publication_date_edit_that_moves_their_event(folder, store):
    project = Project(folder, store=store)
    summit = event_on(project.timeline, "2023-11-23", "summit")
    project.edit("event.title", summit.id, {"title": "CSTO summit in Minsk"})
    doc = "2023-11-26_tokayev-lukashenko-tension.txt"
    project.edit("document.published", doc, {"date": "2023-12-03", "part": None})
    moved = event_on(project.timeline, "2023-11-30", "CSTO summit")
    assert moved.title == "CSTO summit in Minsk" and not project.skipped


def test_an_edit_finds_its_event_by_its_sources_when_the_id_changed(folder, store):
    project = Project(folder, store=store)
    office = event_on(project.timeline, "2023-01-10", "assumed")
    project.edit("event.title", office.id, {"title": "Took office"})
    stored = store.edits()[-1]
    # as if the event were now first reported by another article: a different id
    with store._db:
        store._db.execute("UPDATE edits SET target = 'ev-gone' WHERE seq = ?", (stored.seq,))
    reopened = Project(folder, store=store)
    assert any(e.title == "Took office" for e in reopened.timeline.events)
    assert not reopened.skipped


def test_a_timelinejs_file_keeps_its_eras_through_edits_reloads_and_reopening(tmp_path):
    """A data file is read anew on every open (the store caches articles' extraction, not
    data files); the project rebuilds its timeline on each edit, undo and reload."""
    from pathlib import Path

    path = tmp_path / "eras.json"
    shutil.copy(Path(__file__).parent / "formats/data/timelinejs3/src/template/eras.json", path)
    store_file = tmp_path / "p.sqlite"
    project = Project(path, store=ProjectStore(store_file))
    labels = ["Era Test 650-700", "Era Test 600-650", "Era Test 700-720"]

    def eras(p):
        return [e.label for e in p.timeline.eras]

    assert eras(project) == labels
    event = project.timeline.events[0]
    project.edit("event.title", event.id, {"title": "Renamed"})
    assert eras(project) == labels and project.timeline.events[0].title == "Renamed"
    project.undo()
    assert eras(project) == labels
    project.redo()
    project.reload()
    assert eras(project) == labels and project.timeline.events[0].title == "Renamed"
    project.close()
    reopened = Project(path, store=ProjectStore(store_file))
    assert eras(reopened) == labels and reopened.timeline.events[0].title == "Renamed"
    reopened.close()


def test_a_closed_project_leaves_no_cycle_behind(folder):
    """What a load made is freed when its project is dropped, without the cycle collector:
    each load ends with `gc.freeze()` (`ingest.collector`), and a cycle frozen while its
    project was open would stay in memory for good (all its results, documents, events)."""
    gc.unfreeze()  # what earlier tests left is not this test's
    gc.collect()
    for _ in range(2):  # a first open, then a cached reopen
        project = Project(folder)
        assert project.timeline.events
        project.close()
        del project
    gc.unfreeze()  # the frozen objects too, as a long session would hold them
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        kept = Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    # what a load holds (events are left out: other tests' views may make cycles of them)
    ours = ("FileLoader", "RecordSource", "FileResult", "Document", "ProjectStore")
    assert {kind: kept[kind] for kind in ours if kept[kind]} == {}
