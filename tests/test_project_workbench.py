"""The analyst's work on a folder through the Project API: every mark, added event, period
and saved view is in the store, undoes one step at a time and is there again on reopening."""

import shutil

import pytest

from timeline_app.formats import write_data
from timeline_app.formats.chronology import Quote, chronology_entries
from timeline_app.model import FuzzyDate
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project
from timeline_app.store import ProjectStore
from timeline_app.store.added_events import source_document_id
from timeline_app.store.edits import date_value


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    return folder


def by_id(project):
    return {e.id: e for e in project.timeline.events}


def test_workbench_edits_persist_undo_and_reopen(folder, tmp_path):
    path = tmp_path / "p.sqlite"
    project = Project(folder, store=ProjectStore(path))
    first, second, third = (e.id for e in project.timeline.events[:3])
    span = FuzzyDate(2023, 1, 1).span_to(FuzzyDate(2023, 3, 31))
    project.edit("event.star", first, {"starred": True})
    project.edit("event.note", first, {"note": "Key: the first report."})
    project.edit("event.tag_add", second, {"tag": "Minsk", "others": [first, third]})
    project.edit(
        "event.add",
        "user-0123456789ab",
        {
            **date_value(FuzzyDate(2023, 2)),
            "title": "Envoy visits Yerevan",
            "note": "from a phone call",
            "source": {"text": "The envoy came.", "reference": "call notes, 2 Feb"},
        },
    )
    project.edit("period.add", "period-1", {"label": "Winter talks", **date_value(span)})
    project.edit("view.save", "Minsk only", {"tags": ["Minsk"], "zoom": 2.5})
    project.close()

    reopened = Project(folder, store=ProjectStore(path))
    events = by_id(reopened)
    assert events[first].starred and events[first].note == "Key: the first report."
    assert [events[i].tags for i in (first, second, third)] == [["Minsk"]] * 3
    added = events["user-0123456789ab"]
    assert (added.title, added.date, added.added) == (
        "Envoy visits Yerevan",
        FuzzyDate(2023, 2),
        True,
    )
    doc = reopened.timeline.documents[source_document_id(added.id)]
    assert (doc.text, doc.title) == ("The envoy came.", "call notes, 2 Feb")
    positions = [e.id for e in reopened.timeline.events]
    dates = [e.date.start for e in reopened.timeline.events]
    assert dates == sorted(dates) and "user-0123456789ab" in positions  # in date order
    assert [(p.label, p.date, p.user) for p in reopened.timeline.eras] == [
        ("Winter talks", span, True)
    ]
    assert reopened.saved_views() == {"Minsk only": {"tags": ["Minsk"], "zoom": 2.5}}

    undone = [reopened.undo().kind for _ in range(3)]
    assert undone == ["view.save", "period.add", "event.add"]
    assert reopened.saved_views() == {} and reopened.timeline.eras == []
    assert "user-0123456789ab" not in by_id(reopened)
    assert source_document_id("user-0123456789ab") not in reopened.timeline.documents
    assert reopened.undo().kind == "event.tag_add"  # one step for all three events
    assert all(e.tags == [] for e in reopened.timeline.events)
    reopened.redo()
    assert [by_id(reopened)[i].tags for i in (first, second, third)] == [["Minsk"]] * 3
    reopened.close()


def test_an_added_event_is_never_merged_and_can_be_removed(folder, tmp_path):
    project = Project(folder, store=ProjectStore(tmp_path / "p.sqlite"))
    twin = project.timeline.events[0]
    project.edit("event.add", "user-1", {"title": twin.title, **date_value(twin.date)})
    same = [
        e
        for e in project.timeline.events
        if e.title == twin.title and e.date.iso() == twin.date.iso()
    ]
    assert sorted(e.added for e in same) == [False, True]  # the same words, still two events
    project.edit("event.remove", "user-1", {})
    assert "user-1" not in by_id(project)
    project.edit("event.remove", twin.id, {})  # an article's event is hidden, not removed
    assert twin.id in by_id(project)
    assert [e.kind for e in project.skipped] == ["event.remove"]
    project.close()


def test_an_exported_added_event_opens_again_with_its_source(folder, tmp_path):
    project = Project(folder, store=ProjectStore(tmp_path / "p.sqlite"))
    project.edit(
        "event.add",
        "user-1",
        {
            "title": "Envoy visits",
            **date_value(FuzzyDate(2023, 2, 2)),
            "source": {"text": "The envoy came.", "reference": "notes"},
        },
    )
    project.edit("event.star", "user-1", {"starred": True})
    out = tmp_path / "events.json"
    write_data(project.timeline, "json", out)
    project.close()
    again = Project(out, store=ProjectStore(tmp_path / "again.sqlite"))
    added = by_id(again)["user-1"]
    (source,) = added.sources
    text = again.timeline.documents[source.doc_id].text
    assert (added.added, added.starred, text[source.start : source.end]) == (
        True,
        True,
        "The envoy came.",
    )
    again.edit("event.title", "user-1", {"title": "Envoy visits Minsk"})  # an edit on top
    assert source.doc_id in again.timeline.documents, "the file's documents are kept"
    again.close()


def test_an_added_event_merged_into_an_article_event_keeps_its_source(folder, tmp_path):
    project = Project(folder, store=ProjectStore(tmp_path / "p.sqlite"))
    keep = next(e for e in project.timeline.events if e.sources)
    project.edit(
        "event.add",
        "user-1",
        {
            "title": "Call",
            **date_value(keep.date),
            "source": {"text": "It rang.", "reference": "log"},
        },
    )
    project.edit("event.merge", keep.id, {"others": ["user-1"]})
    merged = by_id(project)[keep.id]
    assert "user-1" not in by_id(project) and not merged.added
    doc_id = source_document_id("user-1")
    assert doc_id in [s.doc_id for s in merged.sources]
    assert project.timeline.documents[doc_id].text == "It rang."
    entries = chronology_entries(project.timeline, ids={keep.id})
    assert entries[0].quotes[-1] == Quote("It rang.", "log")
    assert all("user-1" not in q.citation for q in entries[0].quotes)
    project.close()
