"""On a large timeline the first search (which folds every text) and every edit (which copies
every event) run in the background, not on the GUI thread: the window shows "Searching…" and
then exactly the matches a search on the GUI thread finds; edits land in the order made, are
saved, and undo; a failed one says why and changes nothing. "Large" is lowered to 0 here so
that the shipped corpus takes the background path."""

from __future__ import annotations

import shutil
import threading

import pytest

from timeline_app.gui import edit_actions, main_window, state
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.model import search as search_module
from timeline_app.model.event_columns import ColumnEvents
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project

from .helpers import show_window

SESSION = "ev-48c779fa10"  # Collective Security Council session, November 2022
MET = "ev-10225c839b"  # Lukashenko met with Tasmagambetov, 21 November 2023


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SHIPPED_CORPUS, tmp_path / "csto")
    Project(tmp_path / "csto").close()  # the first open fills the store: next opens are lazy
    return tmp_path / "csto"


@pytest.fixture
def window(qtbot, folder):
    project = Project(folder)
    assert isinstance(project.timeline.events, ColumnEvents)  # decoded on demand, as at scale
    state = TimelineState(project.timeline)
    state.set_project(project)
    win = show_window(qtbot, MainWindow(load=None, state=state))
    yield win
    qtbot.waitUntil(lambda: not win.edit_actions._background.busy, timeout=30000)
    project.close()


@pytest.fixture
def large(monkeypatch):
    for module in (state, edit_actions):
        monkeypatch.setattr(module, "BACKGROUND_EVENTS", 0)


def search_in_gui_thread(folder, text: str, monkeypatch) -> dict[str, object]:
    """Event id -> part, as the state finds them with the index built where it is asked."""
    project = Project(folder)
    with monkeypatch.context() as small:
        small.setattr(state, "BACKGROUND_EVENTS", 10**9)
        plain = TimelineState(project.timeline)
        plain.set_search(text)
        assert not plain.search_pending
        found = {plain.store.id_of(int(i)): part for i, part in plain.match_parts.items()}
    project.close()
    return found


@pytest.mark.parametrize("text", ["Minsk", "summit", "no such words anywhere"])
def test_first_search_is_indexed_off_the_gui_thread_then_shown(
    qtbot, large, window, folder, monkeypatch, text
):
    threads = []
    real = search_module.SearchIndex.of

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(search_module.SearchIndex, "of", recording)
    with qtbot.waitSignal(window.state.search_changed, timeout=30000):
        window.find_bar.search.setText(text)  # the first change says: searching
        assert window.state.search_pending
        assert window.find_bar.match_label.text() == "Searching…"
        assert not len(window.state.matches)
    qtbot.waitUntil(lambda: not window.state.search_pending, timeout=30000)
    assert threads and threading.main_thread() not in threads
    found = {window.state.store.id_of(int(i)): p for i, p in window.state.match_parts.items()}
    assert found == search_in_gui_thread(folder, text, monkeypatch)
    n = len(found)
    label = window.find_bar.match_label.text()
    assert label.startswith(f"{n} match") and "Searching" not in label


def test_edits_run_in_the_background_in_order_saved_and_undone(qtbot, large, window, folder):
    win, s = window, window.state
    s.select(SESSION)
    shown_before = s.timeline
    assert win.edit_actions.commit("event.star", SESSION, {"starred": True}, SESSION)
    assert win.edit_actions.commit("event.note", MET, {"note": "Check the date"}, SESSION)
    assert s.timeline is shown_before  # nothing is shown before it is saved
    qtbot.waitUntil(lambda: not win.edit_actions._background.busy, timeout=30000)
    assert s.timeline.event(SESSION).starred and s.timeline.event(MET).note == "Check the date"
    assert s.selected_id == SESSION and bool(s.store.starred[s.store.index_of(SESSION)])
    reopened = Project(folder)
    try:
        assert reopened.timeline.event(SESSION).starred
        assert reopened.timeline.event(MET).note == "Check the date"
    finally:
        reopened.close()
    win.edit_actions.undo()
    qtbot.waitUntil(lambda: not win.edit_actions._background.busy, timeout=30000)
    assert s.timeline.event(SESSION).starred and not s.timeline.event(MET).note
    assert win.edit_actions.redo_action.isEnabled()


def test_a_failed_background_edit_says_why_and_changes_nothing(qtbot, large, window, monkeypatch):
    project = window.state.project

    def full_disk(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr(project, "edit", full_disk)
    boxes = []
    monkeypatch.setattr(main_window, "show_error", lambda parent, *text: boxes.append(text))
    shown = window.state.timeline
    with qtbot.waitSignal(window.edit_actions.failed, timeout=30000) as failed:
        window.edit_actions.commit("event.star", SESSION, {"starred": True}, SESSION)
    assert failed.args == ["Could not star event", "No space left on device"]
    assert boxes == [("Could not star event", "No space left on device")]
    assert window.state.timeline is shown
    assert not window.edit_actions._background.busy


def test_key_events_only_are_chosen_once_scored_in_the_background(
    qtbot, large, window, folder, monkeypatch
):
    s = window.state
    everything, told = s.shown.copy(), []
    s.filter_changed.connect(lambda: told.append(len(s.shown)))
    window.workbench.key_only_action.trigger()
    assert s.key_only and list(s.shown) == list(everything)  # all, until scored
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30000)  # then the key events only
    project = Project(folder)
    with monkeypatch.context() as small:
        small.setattr(state, "BACKGROUND_EVENTS", 10**9)
        plain = TimelineState(project.timeline)
        plain.set_view_range(*s.view_range)
        plain.set_key_only(True)
        assert plain.store.ids is not None
        expected = [plain.store.id_of(int(i)) for i in plain.shown]
    project.close()
    assert [s.store.id_of(int(i)) for i in s.shown] == expected


def test_closing_the_window_saves_the_edits_still_on_their_way(qtbot, large, window, folder):
    win = window
    assert win.edit_actions.commit("event.star", SESSION, {"starred": True}, SESSION)
    assert win.edit_actions.commit("event.note", MET, {"note": "Ask the ministry"}, SESSION)
    assert win.edit_actions._background.busy  # one running, one queued
    win.close()  # before either is shown
    assert not win.edit_actions._background._queue
    reopened = Project(folder)
    try:
        assert reopened.timeline.event(SESSION).starred
        assert reopened.timeline.event(MET).note == "Ask the ministry"
    finally:
        reopened.close()
