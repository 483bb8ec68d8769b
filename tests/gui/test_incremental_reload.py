"""A watched folder in which one article changes: the window shows exactly what a load from
scratch shows, updated where the article changes it (not merged again whole)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from timeline_app.ingest import corpus
from timeline_app.ingest.records import event_out
from timeline_app.model.event_columns import ColumnEvents
from timeline_app.project import Project
from timeline_app.store import ProjectStore

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from articles import write_articles  # noqa: E402

CHANGES = [
    # (file, new text after the old, why)
    (12, "On 3 March 2004 the ministry published revision 2 of the statement.\n", "a date more"),
    (5, "", "the same text saved again: nothing to merge"),
]


@pytest.fixture
def window(empty_window):
    return empty_window


@pytest.mark.parametrize(("which", "more", "why"), CHANGES, ids=[c[2] for c in CHANGES])
def test_one_changed_article_updates_the_shown_timeline(
    qtbot, window, tmp_path, monkeypatch, which, more, why
):
    folder = tmp_path / "news"
    write_articles(folder, 30)
    with qtbot.waitSignal(window.state.project_opened, timeout=60000):
        assert window.open_folder(folder)
    merged_whole: list[int] = []
    real = corpus.find_events
    monkeypatch.setattr(
        corpus, "find_events", lambda *a, **k: merged_whole.append(1) or real(*a, **k)
    )
    joined_whole: list[int] = []  # the disputes pass over every event
    real_join = corpus.join_disputes
    monkeypatch.setattr(
        corpus, "join_disputes", lambda *a, **k: joined_whole.append(1) or real_join(*a, **k)
    )
    shown: list[object] = []
    window.state.timeline_changed.connect(lambda *a: shown.append(a))

    path = sorted(folder.rglob("*.txt"))[which]
    tmp = path.with_name(path.name + ".saving")  # as an editor saves: renamed into place
    tmp.write_text(path.read_text(encoding="utf-8") + more, encoding="utf-8")
    tmp.replace(path)
    qtbot.waitUntil(lambda: bool(shown) and not window.folder_loader.busy, timeout=30000)
    assert not merged_whole, "only the blocks the article's statements leave and enter"
    assert not joined_whole, "disputes joined near the changed dates only"
    # shown from the updated stored columns: no event made to draw them
    assert isinstance(window.state.timeline.events, ColumnEvents), why

    scratch = Project(folder, store=ProjectStore.in_memory()).timeline
    assert [event_out(e) for e in window.state.timeline.events] == [
        event_out(e) for e in scratch.events
    ], why
    assert len(window.state.store) == len(scratch.events)
