"""The project store: schema versions, the extraction cache, durable edits with undo/redo."""

import shutil
import sqlite3

import pytest

from timeline_app.ingest import file_results
from timeline_app.model import FuzzyDate
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project
from timeline_app.store import SCHEMA_VERSION, ProjectStore, StoreVersionError, store_path_for
from timeline_app.store.edits import date_value


@pytest.fixture
def corpus(tmp_path):
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


def test_reopening_uses_the_cache_not_the_tagger(corpus, store, monkeypatch):
    first = Project(corpus, store=store).timeline
    calls = []
    real = file_results.extract_file
    monkeypatch.setattr(
        file_results, "extract_file", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    import timeline_app.ingest.pool as pool_module  # extracts in this process below 200 files

    monkeypatch.setattr(pool_module, "extract_file", file_results.extract_file)
    again = Project(corpus, store=store).timeline
    assert calls == [], "nothing re-extracted"
    assert [(e.id, e.title, e.date) for e in again.events] == [
        (e.id, e.title, e.date) for e in first.events
    ]
    (corpus / "2023-11-26_tokayev-lukashenko-tension.txt").write_text(
        "Ministers meet\nPosted: 27.11.2023\n\nThe ministers met in Minsk on Friday.\n"
    )
    changed = Project(corpus, store=store).timeline
    assert [c[1] for c in calls] == ["2023-11-26_tokayev-lukashenko-tension.txt"]
    assert any(e.date.iso() == "2023-11-24" for e in changed.events)


def test_edits_apply_persist_and_undo(corpus, tmp_path):
    path = tmp_path / "p.sqlite"
    project = Project(corpus, store=ProjectStore(path))
    summit = event_on(project.timeline, "2023-11-23", "summit")
    office = event_on(project.timeline, "2023-01-10", "assumed")
    project.edit("event.title", summit.id, {"title": "CSTO summit in Minsk"})
    project.edit("event.date", office.id, date_value(FuzzyDate(2023, 1, 9)))
    project.edit("event.hidden", summit.id, {"hidden": True})
    project.close()
    reopened = Project(corpus, store=ProjectStore(path))
    by_id = {e.id: e for e in reopened.timeline.events}
    assert by_id[summit.id].title == "CSTO summit in Minsk" and by_id[summit.id].hidden
    assert by_id[office.id].date == FuzzyDate(2023, 1, 9) and "date" in by_id[office.id].edited
    reopened.undo()
    assert not {e.id: e for e in reopened.timeline.events}[summit.id].hidden
    reopened.redo()
    assert {e.id: e for e in reopened.timeline.events}[summit.id].hidden


def test_merge_and_split(corpus, store):
    project = Project(corpus, store=store)
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


def test_publication_date_edit_re_resolves_relative_dates(corpus, store):
    project = Project(corpus, store=store)
    doc = "2023-11-26_tokayev-lukashenko-tension.txt"
    assert event_on(project.timeline, "2023-11-23", "summit")
    project.edit("document.published", doc, {"date": "2023-12-03", "part": None})
    assert project.timeline.documents[doc].published == FuzzyDate(2023, 12, 3)
    assert event_on(project.timeline, "2023-11-30", "summit"), "Thursday before 3 December"
    project.undo()
    assert event_on(project.timeline, "2023-11-23", "summit")


def test_read_only_corpus_folder_works(corpus):
    corpus.chmod(0o555)
    try:
        project = Project(corpus)
        assert project.timeline.events
        assert store_path_for(corpus).exists(), "the store lives outside the corpus"
        assert not (corpus / ".timeline").exists()
    finally:
        corpus.chmod(0o755)


def test_unwritable_store_location_falls_back_to_memory(corpus, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the store folder should be")
    monkeypatch.setenv("TIMELINE_APP_HOME", str(blocked))
    project = Project(corpus)
    assert project.timeline.events
    assert any(p.path == "project store" for p in project.timeline.problems)


def test_edits_survive_a_publication_date_edit_that_moves_their_event(corpus, store):
    project = Project(corpus, store=store)
    summit = event_on(project.timeline, "2023-11-23", "summit")
    project.edit("event.title", summit.id, {"title": "CSTO summit in Minsk"})
    doc = "2023-11-26_tokayev-lukashenko-tension.txt"
    project.edit("document.published", doc, {"date": "2023-12-03", "part": None})
    moved = event_on(project.timeline, "2023-11-30", "CSTO summit")
    assert moved.title == "CSTO summit in Minsk" and not project.skipped


def test_an_edit_finds_its_event_by_its_sources_when_the_id_changed(corpus, store):
    project = Project(corpus, store=store)
    office = event_on(project.timeline, "2023-01-10", "assumed")
    project.edit("event.title", office.id, {"title": "Took office"})
    stored = store.edits()[-1]
    # as if the event were now first reported by another article: a different id
    with store._db:
        store._db.execute("UPDATE edits SET target = 'ev-gone' WHERE seq = ?", (stored.seq,))
    reopened = Project(corpus, store=store)
    assert any(e.title == "Took office" for e in reopened.timeline.events)
    assert not reopened.skipped
