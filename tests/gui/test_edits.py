"""User edits through the real window on a copy of the shipped corpus: each edit shows at
once (list, detail pane, timeline), undoes and redoes, and is on disk for the next session."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from timeline_app.gui.detail_pane import DetailPane
from timeline_app.gui.edit_actions import EditActions
from timeline_app.gui.event_list import EventListView
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.model import FuzzyDate
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.plan.columns import MONTH
from timeline_app.project import Project

from .conftest import settle
from .helpers import show_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TENSION = "2023-11-26_tokayev-lukashenko-tension.txt"


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SHIPPED_CORPUS, tmp_path / "csto")
    return tmp_path / "csto"


@pytest.fixture
def project(folder):
    p = Project(folder)
    yield p
    p.close()


@pytest.fixture
def window(qtbot, project):
    state = TimelineState(project.timeline)
    state.set_project(project)  # what the folder loader does once the folder is read
    win = MainWindow(load=None, state=state)
    return show_window(qtbot, win)


def event_id(window, iso: str, word: str) -> str:
    return next(
        e.id for e in window.state.timeline.events if e.date.iso() == iso and word in e.title
    )


def current(window):
    return window.state.timeline.event(window.state.selected_id)


def list_row(window, eid: str) -> tuple[str, str]:
    model = window.event_list.table_model
    row = model.row_of(window.state.store.index_of(eid))
    return model.index(row, 0).data(), model.index(row, 1).data()


def accept(qtbot, dialog) -> None:
    """Click OK; then activate the window again, as a window manager would."""
    assert dialog.isVisible() and dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog.parent().activateWindow()
    qtbot.waitActive(dialog.parent())


def keys(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.timeline_view.plot, key, modifiers)


def test_rename_shows_everywhere_and_undo_redo_by_keys(qtbot, window, folder):
    actions = window.edit_actions
    assert not actions.undo_action.isEnabled() and not actions.redo_action.isEnabled()
    summit = event_id(window, "2023-11-23", "summit")
    window.state.select(summit)
    old = current(window).title
    actions.rename_action.trigger()
    dialog = actions.dialog
    assert dialog.line_edit.text() == old
    dialog.line_edit.clear()
    qtbot.keyClicks(dialog.line_edit, "CSTO summit in Minsk")
    accept(qtbot, dialog)
    settle()
    assert window.state.selected_id == summit
    assert list_row(window, summit)[1] == "CSTO summit in Minsk ✎"
    assert "CSTO summit in Minsk ✎" in window.detail_pane.plain_text()
    labels = {eid: text for eid, text, _ in window.timeline_view.labels.visible_labels()}
    assert labels[summit] == "CSTO summit in Minsk"
    assert actions.undo_action.text().replace("&", "") == "Undo rename event"

    keys(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert current(window).title == old and list_row(window, summit)[1] == old
    assert actions.redo_action.text().replace("&", "") == "Redo rename event"
    keys(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert current(window).title == "CSTO summit in Minsk"
    assert window.state.selected_id == summit
    reopened = Project(folder)  # a new session: the edit is on disk
    assert reopened.timeline.event(summit).title == "CSTO summit in Minsk"
    reopened.close()


def test_date_dialog_validates_and_month_precision_draws_a_bar(qtbot, window):
    office = event_id(window, "2023-01-10", "assumed")
    window.state.select(office)
    window.edit_actions.date_action.trigger()
    dialog = window.edit_actions.dialog
    assert "10 January 2023" in dialog.current_label.text()
    dialog.month.setCurrentIndex(1)  # 31 February: no date
    dialog.day.setValue(31)
    assert not dialog.ok_button().isEnabled() and "no day 31" in dialog.preview.text()
    dialog.precision_buttons["month"].click()
    dialog.part.setCurrentIndex(dialog.part.findData("early"))
    assert not dialog.day.isEnabled() and "1–10 Feb 2023" in (dialog.preview.text())
    accept(qtbot, dialog)
    settle()
    assert current(window).date == FuzzyDate(2023, 2, part="early")
    assert list_row(window, office)[0] == "2023-02 (early)"
    assert "early February 2023 (month precision, early part) (edited)" in (
        window.detail_pane.plain_text()
    )
    i = window.state.store.index_of(office)
    assert window.state.store.precision[i] == MONTH
    marks = window.timeline_view.marks
    assert not marks._point[np.flatnonzero(marks.index == i)[0]], "drawn as a bar"


def test_hide_then_show_hidden_faded(qtbot, window):
    actions = window.edit_actions
    summit = event_id(window, "2023-11-23", "summit")
    window.state.select(summit)
    keys(qtbot, window, Qt.Key.Key_Delete)
    i = window.state.store.index_of(summit)
    assert current(window).hidden and i not in window.state.shown
    assert i not in window.timeline_view.marks.index
    assert window.summary.text().startswith("7 of 8 events shown")
    assert "hidden" in window.detail_pane.plain_text()
    assert actions.hide_action.text().replace("&", "") == "Unhide event"
    actions.show_hidden_action.trigger()
    settle()
    marks = window.timeline_view.marks
    k = np.flatnonzero(marks.index == i)
    assert len(k) and marks._faded[k[0]], "shown, faded"
    assert window.summary.text().startswith("8 events")
    keys(qtbot, window, Qt.Key.Key_Delete)  # Del again unhides
    assert not current(window).hidden


def test_merge_from_the_picker_then_split_the_source_off(qtbot, window):
    actions = window.edit_actions
    office = event_id(window, "2023-01-10", "assumed")
    unity = event_id(window, "2023-02-13", "unity")
    window.state.select(office)
    assert not actions.merge_selected_action.isEnabled()
    actions.merge_action.trigger()
    dialog = actions.dialog
    qtbot.keyClicks(dialog.search, "greater unity")
    assert dialog.chosen_id() == unity
    accept(qtbot, dialog)
    settle()
    assert window.state.selected_id == office
    assert len(current(window).sources) == 4 and len(window.state.timeline.events) == 7
    assert window.detail_pane.tabs.count() == 4
    assert "4 sources (edited)" in window.detail_pane.plain_text()
    assert actions.undo_action.text().replace("&", "") == "Undo merge events"
    moved = current(window).sources[3]
    window.detail_pane.tabs.setCurrentIndex(3)
    assert actions.split_action.isEnabled()
    actions.split_action.trigger()
    settle()
    assert window.state.selected_id == office and len(current(window).sources) == 3
    split = [e for e in window.state.timeline.events if e.sources == [moved]]
    assert len(split) == 1 and len(window.state.timeline.events) == 8


def test_the_merge_picker_lists_the_events_nearest_in_date(qtbot, window, monkeypatch):
    from timeline_app.gui import edit_actions

    monkeypatch.setattr(edit_actions, "PICK_NEAREST", 3)
    store = window.state.store
    at = len(store) // 2
    window.state.select(store.id_of(at))
    window.edit_actions.merge_action.trigger()
    dialog = window.edit_actions.dialog
    listed = [
        dialog.list.topLevelItem(k).data(0, Qt.ItemDataRole.UserRole)
        for k in range(dialog.list.topLevelItemCount())
    ]
    rows = sorted(store.index_of(i) for i in listed)
    # three events around the one merged into, in date order, its neighbours among them
    assert len(rows) == 3 and at - 1 in rows and at + 1 in rows and rows[-1] - rows[0] == 3
    labels = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "the 3 events nearest in date" in labels and "Merge selected" in labels
    qtbot.keyClicks(dialog.search, store.titles[at + 1])
    assert dialog.chosen_id() == store.id_of(at + 1)
    dialog.reject()


def test_merge_the_rows_selected_in_the_list(qtbot, window):
    office = event_id(window, "2023-01-10", "assumed")
    unity = event_id(window, "2023-02-13", "unity")
    window.state.select(unity)
    table = window.event_list
    row = table.table_model.row_of(window.state.store.index_of(office))
    rect = table.visualRect(table.table_model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    assert sorted(table.selected_ids()) == sorted([office, unity])
    assert window.edit_actions.merge_selected_action.isEnabled()
    window.edit_actions.merge_selected_action.trigger()
    assert len(window.state.timeline.events) == 7
    assert window.state.selected_id == office  # the row clicked last is the kept event
    assert table.selected_ids() == [office]


def test_publication_date_re_resolves_and_persists(qtbot, window, folder):
    summit = event_id(window, "2023-11-23", "summit")
    window.state.select(summit)
    assert window.edit_actions.published_action.isEnabled()
    window.edit_actions.published_action.trigger()
    dialog = window.edit_actions.dialog
    assert "26 November 2023" in dialog.current_label.text()
    dialog.month.setCurrentIndex(11)
    dialog.day.setValue(3)
    accept(qtbot, dialog)
    settle()
    moved = current(window)  # the selection follows the event (its id holds its date)
    assert "summit" in moved.title and moved.sources[0].doc_id == TENSION
    assert moved.date.iso() == "2023-11-30", "Thursday before 3 December"
    i = window.state.store.index_of(moved.id)
    assert window.state.store.to_date(window.state.store.x0[i]).isoformat() == "2023-11-30"
    assert "published 3 December 2023 (edited)" in window.detail_pane.plain_text()
    window.edit_actions.hide_action.trigger()
    reopened = Project(folder)
    again = reopened.timeline.event(moved.id)
    assert again.date.iso() == "2023-11-30" and again.hidden
    assert reopened.timeline.documents[TENSION].published == FuzzyDate(2023, 12, 3)
    reopened.close()
    window.edit_actions.undo()
    window.edit_actions.undo()
    assert current(window).id == summit and not current(window).hidden
    assert current(window).date.iso() == "2023-11-23"


def test_a_failed_edit_changes_nothing_shown(qtbot, window, project, monkeypatch):
    from timeline_app.gui import main_window

    errors = []
    monkeypatch.setattr(main_window, "show_error", lambda *a: errors.append(a))

    def disk_full(*args):
        raise OSError("disk full")

    monkeypatch.setattr(project, "edit", disk_full)
    summit = event_id(window, "2023-11-23", "summit")
    window.state.select(summit)
    before = window.state.timeline
    window.edit_actions.hide_action.trigger()
    assert window.state.timeline is before and not current(window).hidden
    assert errors and "disk full" in errors[0][2]


def test_without_a_project_nothing_is_editable(qtbot, window):
    window.state.set_project(None)
    window.state.select(window.state.timeline.events[0].id)
    actions = window.edit_actions
    assert not any(
        a.isEnabled()
        for a in (
            actions.rename_action,
            actions.date_action,
            actions.hide_action,
            actions.undo_action,
        )
    )
    actions.toggle_hidden()
    assert not window.state.timeline.events[0].hidden


def test_selection_with_ctrl_click_keeps_rows(qtbot, window):
    """The list keeps a multi-selection while the state follows the row clicked last."""
    table = window.event_list
    ids = [e.id for e in window.state.timeline.events[:3]]
    window.state.select(ids[0])
    for eid in ids[1:]:
        row = table.table_model.row_of(window.state.store.index_of(eid))
        rect = table.visualRect(table.table_model.index(row, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, CTRL, rect.center())
    assert sorted(table.selected_ids()) == sorted(ids)
    assert window.state.selected_id == ids[-1]


def test_the_edit_actions_need_the_state_and_two_views_not_the_window(qtbot, project):
    state, parent = TimelineState(project.timeline), QWidget()
    qtbot.addWidget(parent)
    actions = EditActions(state, DetailPane(state, parent), EventListView(state, parent), parent)
    done = []
    actions.done.connect(done.append)
    state.select(state.timeline.events[0].id)
    assert not actions.hide_action.isEnabled(), "no project open: nothing is editable"
    state.set_project(project)  # what the folder loader does once a folder is read
    assert actions.hide_action.isEnabled()
    actions.hide_action.trigger()
    assert state.timeline.event(state.selected_id).hidden and done == [
        "Saved: hide event (Ctrl+Z undoes it)"
    ]
    assert project.store.edits()[-1].kind == "event.hidden"
