"""The analyst's workbench through the real window, on a copy of the shipped corpus: star,
tag (one event and many), note, add an event, draw a period — each shown at once (list,
detail pane, timeline), undone, and there again when the folder is opened anew."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from timeline_app.gui import main_window
from timeline_app.gui.chronology_dialog import ChronologyDialog
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.marks import ADDED, NOTE, STAR
from timeline_app.gui.state import TimelineState
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.project import Project

from .conftest import settle
from .helpers import show_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
SESSION = "ev-48c779fa10"  # Collective Security Council session, November 2022
OFFICE = "ev-8ba11bc9e5"  # Tasmagambetov assumed office, 10 January 2023
UNITY = "ev-1c3014a73f"  # Lukashenko called for greater unity, 13 February 2023
MET = "ev-10225c839b"  # Lukashenko met with Tasmagambetov, 21 November 2023


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(SHIPPED_CORPUS, tmp_path / "csto")
    return tmp_path / "csto"


def open_window(qtbot, folder) -> MainWindow:
    project = Project(folder)
    state = TimelineState(project.timeline)
    state.set_project(project)  # what the folder loader does once the folder is read
    win = show_window(qtbot, MainWindow(load=None, state=state))
    win.destroyed.connect(project.close)
    return win


@pytest.fixture
def window(qtbot, folder):
    win = open_window(qtbot, folder)
    yield win
    win.state.project.close()


def keys(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.timeline_view.plot, key, modifiers)


def undo(qtbot, window) -> None:
    keys(qtbot, window, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:
    keys(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)


def accept(qtbot, dialog) -> None:
    """Click OK; then activate the window again, as a window manager would."""
    assert dialog.isVisible() and dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog.parent().activateWindow()
    qtbot.waitActive(dialog.parent())
    settle()


def list_title(window, eid: str) -> str | None:
    model = window.event_list.table_model
    row = model.row_of(window.state.store.index_of(eid))
    return None if row is None else model.index(row, 1).data()


def list_tip(window, eid: str) -> str:
    model = window.event_list.table_model
    row = model.row_of(window.state.store.index_of(eid))
    return model.index(row, 1).data(Qt.ItemDataRole.AccessibleTextRole)


def label_of(window, eid: str) -> str | None:
    labels = {e: text for e, text, _ in window.timeline_view.labels.visible_labels()}
    return labels.get(eid)


def select_rows(window, ids: list[str]) -> None:
    """Ctrl-click rows of the event list, as a user picks several events."""
    view, model = window.event_list, window.event_list.table_model
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().clearSelection()
    for eid in ids:
        row = model.row_of(window.state.store.index_of(eid))
        view.selectionModel().select(model.index(row, 0), flags)


def reopened(folder) -> Project:
    return Project(folder)


def test_star_by_key_marks_list_label_and_pane_undoes_and_stays(qtbot, window, folder):
    window.state.select(SESSION)
    title = window.state.selected_event.title
    keys(qtbot, window, Qt.Key.Key_S)
    assert window.state.selected_event.starred
    assert list_title(window, SESSION) == f"{STAR} {title}"
    assert label_of(window, SESSION).startswith(STAR)
    assert f"{STAR} starred" in window.detail_pane.plain_text()
    assert window.edit_actions.undo_action.text().replace("&", "") == "Undo star event"
    assert window.workbench.star_action.text().replace("&", "") == f"{STAR} Unstar"

    undo(qtbot, window)
    assert not window.state.selected_event.starred
    assert list_title(window, SESSION) == title and not label_of(window, SESSION).startswith(STAR)
    assert "starred" not in window.detail_pane.plain_text()
    redo(qtbot, window)
    assert list_title(window, SESSION) == f"{STAR} {title}"
    project = reopened(folder)
    assert project.timeline.event(SESSION).starred
    project.close()


def test_tags_on_one_event_with_completion(qtbot, window, folder):
    window.state.select(OFFICE)
    keys(qtbot, window, Qt.Key.Key_T)
    dialog = window.edit_actions.dialog
    assert dialog.line_edit.text() == "" and not dialog.ok_button().isEnabled()
    qtbot.keyClicks(dialog.line_edit, "appointments, <b>Kazakhstan</b>")
    accept(qtbot, dialog)
    assert window.state.selected_event.tags == ["appointments", "<b>Kazakhstan</b>"]
    assert "Tags: appointments, <b>Kazakhstan</b>" in window.detail_pane.workbench.text()
    assert window.detail_pane.workbench.textFormat() == Qt.TextFormat.PlainText
    assert "Tags: appointments, <b>Kazakhstan</b>" in list_tip(window, OFFICE)
    tags = [window.find_bar.tag.itemText(i) for i in range(window.find_bar.tag.count())]
    assert "appointments" in tags

    window.state.select(UNITY)  # the next dialog completes from the tags in use
    window.workbench.tags_action.trigger()
    dialog = window.edit_actions.dialog
    completer = dialog.completer
    completer.setCompletionPrefix("app")
    assert completer.currentCompletion() == "appointments"
    dialog.reject()

    undo(qtbot, window)
    assert window.state.timeline.event(OFFICE).tags == []
    redo(qtbot, window)
    project = reopened(folder)
    assert project.timeline.event(OFFICE).tags == ["appointments", "<b>Kazakhstan</b>"]
    project.close()


def test_tag_many_rows_at_once_filter_by_tag_and_undo_in_one_step(qtbot, window, folder):
    three = [SESSION, UNITY, MET]
    window.state.select(SESSION)
    select_rows(window, three)
    window.workbench.tags_action.trigger()
    dialog = window.edit_actions.dialog
    assert dialog.windowTitle() == "Tags of 3 events"
    qtbot.keyClicks(dialog.line_edit, "Lukashenko")
    accept(qtbot, dialog)
    tagged = {e.id for e in window.state.timeline.events if e.tags == ["Lukashenko"]}
    assert tagged == set(three)

    combo = window.find_bar.tag
    combo.setCurrentIndex(combo.findData("Lukashenko"))
    shown = {window.state.store.id_of(i) for i in window.state.shown}
    assert shown == set(three)
    assert window.event_list.table_model.rowCount() == 3
    settle()
    drawn = {e for e, _, _ in window.timeline_view.labels.visible_labels()}
    assert drawn <= set(three) and drawn

    undo(qtbot, window)  # one step takes the tag off all three
    assert not any(e.tags for e in window.state.timeline.events)
    assert len(window.state.shown) == 0  # the filter stays on: nothing has the tag now
    redo(qtbot, window)
    assert len(window.state.shown) == 3
    project = reopened(folder)
    assert {e.id for e in project.timeline.events if "Lukashenko" in e.tags} == set(three)
    project.close()


def test_remove_a_tag_shared_by_several_rows(qtbot, window):
    window.state.select(SESSION)
    select_rows(window, [SESSION, MET])
    window.workbench.tags_action.trigger()
    dialog = window.edit_actions.dialog
    qtbot.keyClicks(dialog.line_edit, "summits, Minsk")
    accept(qtbot, dialog)
    select_rows(window, [SESSION, MET])
    window.workbench.tags_action.trigger()
    dialog = window.edit_actions.dialog
    assert dialog.line_edit.text() == "summits, Minsk"
    dialog.line_edit.setText("summits")
    accept(qtbot, dialog)
    for eid in (SESSION, MET):
        assert window.state.timeline.event(eid).tags == ["summits"]


def test_note_in_pane_list_mark_and_tooltip(qtbot, window, folder):
    window.state.select(UNITY)
    title = window.state.selected_event.title
    keys(qtbot, window, Qt.Key.Key_N)
    dialog = window.edit_actions.dialog
    dialog.editor.setPlainText("Check against the <i>Belta</i> report.\nSecond line.")
    accept(qtbot, dialog)
    pane = window.detail_pane.workbench.text()
    assert "Note: Check against the <i>Belta</i> report.\nSecond line." in pane
    assert list_title(window, UNITY) == f"{title} {NOTE}"
    assert label_of(window, UNITY).endswith(NOTE) or label_of(window, UNITY).endswith("…")
    tip = window.timeline_view._tip(window.state.store.index_of(UNITY))
    assert "Check against the &lt;i&gt;Belta&lt;/i&gt; report." in tip
    assert window.edit_actions.undo_action.text().replace("&", "") == "Undo edit note"

    window.find_bar.search.setText("belta")  # search covers notes
    assert UNITY in {window.state.store.id_of(i) for i in window.state.matches}
    window.find_bar.search.clear()
    undo(qtbot, window)
    assert window.state.selected_event.note == "" and list_title(window, UNITY) == title
    assert not window.detail_pane.workbench.isVisible()
    redo(qtbot, window)
    project = reopened(folder)
    assert project.timeline.event(UNITY).note.startswith("Check against")
    project.close()


def test_add_event_by_hand_shown_everywhere_removable_and_undoable(qtbot, window, folder):
    n = len(window.state.store)
    keys(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = window.edit_actions.dialog
    assert not dialog.ok_button().isEnabled()
    qtbot.keyClicks(dialog.title_edit, "Talks in Astana")
    dialog.date.line_edit.setText("2023-02-30")
    assert not dialog.ok_button().isEnabled() and "no day 30" in dialog.date.preview.text()
    dialog.date.line_edit.setText("2023-03-02/2023-03-04")
    assert "2 March 2023" in dialog.date.preview.text()
    dialog.note_edit.setPlainText("From a phone call.")
    dialog.reference.setText("Call with the embassy, 5 March")
    accept(qtbot, dialog)

    added = window.state.selected_event
    assert added is not None and added.added and added.id.startswith("user-")
    assert len(window.state.store) == n + 1
    assert added.date.iso() == "2023-03-02/2023-03-04"
    assert list_title(window, added.id) == f"{ADDED} Talks in Astana {NOTE}"
    assert f"{ADDED} added by hand" in window.detail_pane.plain_text()
    assert "Call with the embassy, 5 March" in window.detail_pane.plain_text()
    assert label_of(window, added.id).startswith(ADDED)
    assert window.workbench.remove_event_action.isEnabled()

    undo(qtbot, window)
    assert len(window.state.store) == n and window.state.selected_id is None
    redo(qtbot, window)
    assert len(window.state.store) == n + 1
    project = reopened(folder)
    assert project.timeline.event(added.id).title == "Talks in Astana"
    project.close()
    window.state.select(added.id)
    window.workbench.remove_event_action.trigger()
    assert len(window.state.store) == n
    undo(qtbot, window)
    assert window.state.timeline.event(added.id).added


def test_draw_a_period_and_a_milestone_then_remove_and_undo(qtbot, window, folder):
    window.workbench.add_period_action.trigger()
    dialog = window.edit_actions.dialog
    qtbot.keyClicks(dialog.label_edit, "Belarus chairs the CSTO")
    dialog.date.line_edit.setText("2023-01-01/2023-12-31")
    accept(qtbot, dialog)
    window.workbench.add_period_action.trigger()
    dialog = window.edit_actions.dialog
    qtbot.keyClicks(dialog.label_edit, "Minsk summit")
    dialog.date.line_edit.setText("2023-11-23")
    accept(qtbot, dialog)

    marks = window.timeline_view.periods.marks
    assert [(m.label, m.milestone) for m in marks] == [
        ("Belarus chairs the CSTO", False),
        ("Minsk summit", True),
    ]
    window.timeline_view.zoom_to_fit()
    settle()
    drawn = [text for text, _, _ in window.timeline_view.periods.visible_labels()]
    assert drawn and drawn[0].startswith("Belarus")
    image = window.timeline_view.plot.grab().toImage()
    assert not image.isNull()

    menu = window.workbench.periods_menu
    menu.aboutToShow.emit()
    entries = [a.text() for a in menu.actions()]
    assert entries == ["Belarus chairs the CSTO — 2023", "Minsk summit — 23 November 2023"] or (
        len(entries) == 2 and entries[1].startswith("Minsk summit")
    )
    menu.actions()[1].trigger()
    assert [m.label for m in window.timeline_view.periods.marks] == ["Belarus chairs the CSTO"]
    undo(qtbot, window)
    assert len(window.timeline_view.periods.marks) == 2
    project = reopened(folder)
    assert sorted(e.label for e in project.timeline.eras if e.user) == [
        "Belarus chairs the CSTO",
        "Minsk summit",
    ]
    project.close()


def test_save_and_restore_a_view_in_one_click(qtbot, window, folder):
    state = window.state
    window.state.select(SESSION)
    keys(qtbot, window, Qt.Key.Key_S)
    window.workbench.starred_only_action.trigger()
    window.find_bar.date_from.setText("2022-11")
    window.find_bar.date_from.editingFinished.emit()
    state.set_lane_mode("outlet")
    state.set_search("session")
    window.timeline_view.zoom_to(100.0, 400.0)
    settle()
    saved_range = state.view_range
    window.workbench.save_view_action.trigger()
    dialog = window.edit_actions.dialog
    dialog.line_edit.setText("Starred, by outlet")
    accept(qtbot, dialog)

    window.workbench.starred_only_action.trigger()  # everything back to plain
    window.find_bar.date_from.clear()
    window.find_bar.date_from.editingFinished.emit()
    assert state.filters["dates"] is None
    state.set_lane_mode("none")
    state.set_search("")
    window.timeline_view.zoom_to_fit()
    settle()
    assert len(state.shown) == len(state.store)

    menu = window.workbench.views_menu
    menu.aboutToShow.emit()
    restore = next(a for a in menu.actions() if a.text() == "Starred, by outlet")
    restore.trigger()
    settle()
    assert state.filters["starred"] is True and window.workbench.starred_only_action.isChecked()
    assert [state.store.id_of(i) for i in state.shown] == [SESSION]
    assert state.lane_mode == "outlet" and window.find_bar.lanes.currentData() == "outlet"
    assert window.find_bar.date_from.text() == "2022-11-01"
    assert state.search_text == "session" and window.find_bar.search.text() == "session"
    assert state.view_range == pytest.approx(saved_range)
    assert window.timeline_view.view_box.viewRange()[0] == pytest.approx(list(saved_range))

    project = reopened(folder)
    assert list(project.saved_views()) == ["Starred, by outlet"]
    project.close()
    delete = window.workbench.delete_views_menu
    assert [a.text() for a in delete.actions()] == ["Starred, by outlet"]
    delete.actions()[0].trigger()
    assert window.state.project.saved_views() == {}
    undo(qtbot, window)
    assert list(window.state.project.saved_views()) == ["Starred, by outlet"]


def test_a_reopened_folder_shows_all_the_work_again(qtbot, window, folder):
    bench = window.workbench
    window.state.select(SESSION)
    keys(qtbot, window, Qt.Key.Key_S)
    bench.tags_action.trigger()
    dialog = window.edit_actions.dialog
    dialog.line_edit.setText("summits")
    accept(qtbot, dialog)
    bench.note_action.trigger()
    dialog = window.edit_actions.dialog
    dialog.editor.setPlainText("Held in Yerevan.")
    accept(qtbot, dialog)
    bench.add_period_action.trigger()
    dialog = window.edit_actions.dialog
    dialog.label_edit.setText("Armenian chair")
    dialog.date.line_edit.setText("2022-01/2022-12")
    accept(qtbot, dialog)
    window.close()

    again = open_window(qtbot, folder)
    again.state.select(SESSION)
    title = again.state.selected_event.title
    assert list_title(again, SESSION) == f"{STAR} {title} {NOTE}"
    shown = again.detail_pane.plain_text()
    assert "Tags: summits" in shown and "Note: Held in Yerevan." in shown
    assert [m.label for m in again.timeline_view.periods.marks] == ["Armenian chair"]
    again.state.project.close()


def test_export_chronology_of_the_starred_or_the_shown_events(qtbot, window, tmp_path, monkeypatch):
    dialog = ChronologyDialog(window.state, window)
    assert not dialog.starred_button.isEnabled() and not dialog.starred()  # none starred
    dialog.deleteLater()
    window.state.select(SESSION)
    keys(qtbot, window, Qt.Key.Key_S)
    window.workbench.note_action.trigger()
    dialog = window.edit_actions.dialog
    dialog.editor.setPlainText("Four outlets; the <b>date</b> is firm.")
    accept(qtbot, dialog)
    session = window.state.selected_event

    assert window.export_chronology(tmp_path / "c.md", starred=True)
    text = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert session.title in text and "Four outlets" in text
    others = [e.title for e in window.state.timeline.events if e.id != SESSION]
    assert not any(t in text for t in others)
    assert "Saved 1 event to" in window.statusBar().currentMessage()

    window.find_bar.outlet.setCurrentIndex(1)  # one outlet: what the window shows now
    shown = [window.state.store.event(int(i)).title for i in window.state.shown]
    assert 0 < len(shown) < len(window.state.store)
    assert window.export_chronology(tmp_path / "c.html", starred=False)
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert all(title.split()[0] in page for title in shown)

    errors = []
    monkeypatch.setattr(main_window, "show_error", lambda _w, title, text: errors.append(text))
    assert not window.export_chronology(tmp_path / "c.txt", starred=True)
    assert len(errors) == 1 and "\n" not in errors[0] and "c.txt" in errors[0]
    assert not (tmp_path / "c.txt").exists()


def test_lanes_by_tag_put_an_event_with_two_tags_in_both(qtbot, window):
    for eid, tags in ((OFFICE, "appointments, Kazakhstan"), (UNITY, "Kazakhstan")):
        window.state.select(eid)
        keys(qtbot, window, Qt.Key.Key_T)
        dialog = window.edit_actions.dialog
        dialog.line_edit.setText(tags)
        accept(qtbot, dialog)
    lanes = window.find_bar.lanes
    lanes.setCurrentIndex(lanes.findData("tag"))
    settle()
    view = window.timeline_view
    members = {
        lane.name: {window.state.store.id_of(int(i)) for i in lane.members}
        for lane in view._planner.lanes
    }
    assert members["Kazakhstan"] == {OFFICE, UNITY}
    assert members["appointments"] == {OFFICE}
    assert OFFICE not in members["(no tag)"] and SESSION in members["(no tag)"]
    ticks = [text for _, text in view.lane_axis._tickLevels[0]]
    assert ticks[:2] == ["Kazakhstan", "appointments"]


def _mouse(widget, kind, pos, buttons) -> None:
    local = QPointF(pos)
    event = QMouseEvent(
        kind,
        local,
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.ShiftModifier,
    )
    QApplication.sendEvent(widget, event)


def test_shift_drag_on_the_timeline_draws_a_period(qtbot, window):
    view = window.timeline_view
    vb, viewport = view.view_box, view.plot.viewport()
    store = window.state.store
    day = store.to_x

    def at(d) -> QPoint:
        return view.plot.mapFromScene(vb.mapViewToScene(QPointF(day(d) + 0.5, 1.0)))

    a, b = at(date(2023, 3, 1)), at(date(2023, 6, 30))
    left = Qt.MouseButton.LeftButton
    _mouse(viewport, QEvent.Type.MouseButtonPress, a, left)
    for k in range(1, 6):
        _mouse(viewport, QEvent.Type.MouseMove, a + (b - a) * k / 5, left)
    before = vb.viewRange()[0]
    _mouse(viewport, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)
    settle()
    assert vb.viewRange()[0] == before  # no pan: the drag marked time
    dialog = window.edit_actions.dialog
    span = dialog.date.value()
    assert span is not None and span.to is not None
    assert abs((span.start - date(2023, 3, 1)).days) <= 3
    assert abs((span.end - date(2023, 6, 30)).days) <= 3
    dialog.label_edit.setText("Spring talks")
    accept(qtbot, dialog)
    assert [m.label for m in view.periods.marks] == ["Spring talks"]


def test_a_damaged_saved_view_says_so_in_one_line(qtbot, window, monkeypatch):
    errors = []
    monkeypatch.setattr(main_window, "show_error", lambda _w, title, text: errors.append(title))
    project = window.state.project
    window.state.replace_timeline(
        project.edit("view.save", "Broken", {"filters": {"dates": ["2022-13-45", None]}}),
        select=None,
    )
    window.workbench.restore_view("Broken")
    assert errors == ["Could not put back the view “Broken”"]
    assert window.state.filters["dates"] is None
