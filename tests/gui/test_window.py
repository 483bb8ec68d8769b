"""The main window driven with real clicks and keys, checked by what it shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.timeline_view import event_tooltip

from .conftest import settle
from .factories import make_timeline
from .helpers import click_event, marker_viewport_pos


def sentence(timeline, source) -> str:
    return timeline.documents[source.doc_id].text[source.start : source.end]


def test_window_shows_corpus_name_and_counts(window):
    assert "CSTO test corpus" in window.windowTitle()
    assert window.summary.text() == "9 events from 3 documents"
    assert window.width() >= 1000 and window.height() >= 700


def test_clicking_a_point_marker_shows_its_sources(qtbot, window, timeline):
    event = timeline.event("e-arrive")
    with qtbot.waitSignal(window.state.selection_changed, timeout=1000) as sig:
        click_event(qtbot, window.timeline_view, event.id)
    assert sig.args == ["e-arrive"]
    text = window.detail_pane.plain_text()
    assert event.title in text
    assert event.date.describe() in text
    assert sentence(timeline, event.sources[0]) in text
    assert "Steppe Herald" in text and "2022/kazakhstan_troops.txt" in text


def test_clicking_a_bar_selects_its_event(qtbot, window, timeline):
    click_event(qtbot, window.timeline_view, "e-summit")
    assert window.state.selected_id == "e-summit"
    text = window.detail_pane.plain_text()
    assert "November 2022 (month precision)" in text
    assert sentence(timeline, timeline.event("e-summit").sources[0]) in text


def test_clicking_empty_space_keeps_the_selection(qtbot, window):
    click_event(qtbot, window.timeline_view, "e-arrive")
    view = window.timeline_view
    empty = view.plot.mapFromScene(
        view.view_box.mapViewToScene(QPointF(view.view_box.viewRange()[0][1] - 1, 12))
    )
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert window.state.selected_id == "e-arrive"


def test_each_source_gets_a_tab_with_its_sentence(qtbot, window, timeline):
    click_event(qtbot, window.timeline_view, "e-withdraw-end")
    tabs = window.detail_pane.tabs
    event = timeline.event("e-withdraw-end")
    assert tabs.count() == len(event.sources) == 2
    for i, source in enumerate(event.sources):
        assert sentence(timeline, source) in tabs.widget(i).toPlainText()


def test_right_and_left_keys_move_the_selection_in_date_order(qtbot, window, timeline):
    window.activateWindow()
    qtbot.waitActive(window)
    ids = [e.id for e in timeline.events]
    seen = []
    for _ in ids:
        qtbot.keyClick(window.timeline_view.plot, Qt.Key.Key_Right)
        seen.append(window.state.selected_id)
    assert seen == ids
    qtbot.keyClick(window.timeline_view.plot, Qt.Key.Key_Right)  # stays at the last
    assert window.state.selected_id == ids[-1]
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.state.selected_id == ids[-2]
    assert timeline.event(ids[-2]).title in window.detail_pane.plain_text()


def test_selecting_an_event_outside_the_view_pans_to_it(window, timeline):
    view = window.timeline_view
    x0, x1 = view.x_span(timeline.event("e-protests"))
    view.view_box.setXRange(x0 - 5, x0 + 25, padding=0)
    settle()
    window.state.select("e-freeze")
    lo, hi = view.view_box.viewRange()[0]
    fx0, fx1 = view.x_span(timeline.event("e-freeze"))
    assert lo <= fx0 and fx1 <= hi
    assert hi - lo == pytest.approx(30)  # panned, not zoomed


def test_zoom_to_fit_covers_all_events(qtbot, window, timeline):
    view = window.timeline_view
    view.view_box.setXRange(0, 10, padding=0)
    settle()
    window.fit_action.trigger()
    lo, hi = view.view_box.viewRange()[0]
    for event in timeline.events:
        x0, x1 = view.x_span(event)
        assert lo <= x0 and x1 <= hi
    assert window.fit_action.shortcut().toString() == "Ctrl+0"


def test_wheel_zooms_time_only(window):
    view = window.timeline_view
    (lo, hi), y_before = view.view_box.viewRange()
    pos = marker_viewport_pos(view, "e-summit")
    wheel = QWheelEvent(
        QPointF(pos),
        QPointF(view.plot.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.plot.viewport(), wheel)
    settle()
    (nlo, nhi), y_after = view.view_box.viewRange()
    assert nhi - nlo < (hi - lo) * 0.9
    assert y_after == y_before
    view.view_box.setXRange(nlo + 10, nhi - 10, padding=0)
    settle()
    assert view.view_box.viewRange()[1] == y_before


def test_drag_pans_time_only(qtbot, window):
    view = window.timeline_view
    (lo, hi), y_before = view.view_box.viewRange()
    vp = view.plot.viewport()
    start = QPoint(vp.width() // 2, vp.height() - 60)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for dx in range(10, 110, 10):
        qtbot.mouseMove(vp, start + QPoint(dx, 40))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 40))
    settle()
    (nlo, nhi), y_after = view.view_box.viewRange()
    assert nlo < lo and nhi - nlo == pytest.approx(hi - lo)
    assert y_after == y_before


def test_labels_are_shown_and_never_overlap(window, timeline):
    shown = window.timeline_view.labels.visible_labels()
    assert {eid for eid, _, _ in shown} == {e.id for e in timeline.events}
    rects = [rect for _, _, rect in shown]
    for i, a in enumerate(rects):
        assert all(not a.intersects(b) for b in rects[i + 1 :])
    long = next(text for eid, text, _ in shown if eid == "e-exercises")
    assert long.endswith("…")


def test_open_folder_error_shows_a_message_not_a_traceback(qtbot, monkeypatch, tmp_path):
    def failing_load(path):
        raise ValueError("no articles found in this folder")

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    win = MainWindow(load=failing_load)
    qtbot.addWidget(win)
    assert win.open_folder(tmp_path)  # the load runs in the background, then fails
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=2000)
    assert "no articles found in this folder" in shown[0].text()
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert win.state.timeline.events == []


def test_empty_window_says_how_to_start(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    settle()
    assert win.summary.text() == "0 events from 0 documents"
    assert win.windowTitle() == "Timeline"
    assert "Open folder" in win.timeline_view.message.textItem.toPlainText()
    assert "No event selected" in win.detail_pane.plain_text()
    assert not win.export_action.isEnabled()
    qtbot.keyClick(win.timeline_view.plot, Qt.Key.Key_Right)  # nothing to select, no error
    assert win.state.selected_id is None


def test_open_folder_loads_and_shows_the_new_timeline(qtbot, tmp_path):
    loaded = make_timeline()
    loaded.name = ""
    win = MainWindow(load=lambda path: loaded)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.state.timeline_changed, timeout=1000):
        assert win.open_folder(tmp_path / "csto")
    assert win.state.timeline is loaded
    assert "csto" in win.windowTitle()
    assert win.summary.text() == "9 events from 3 documents"


def test_export_action_writes_a_png(qtbot, window, tmp_path):
    out = tmp_path / "from_window"
    assert window.export_image(out)
    assert (tmp_path / "from_window.png").stat().st_size > 1000


def test_day_marker_sits_mid_day(window, timeline):
    view = window.timeline_view
    event = timeline.event("e-arrive")
    x = view.marker_pos(event.id).x()
    noon = view.scale.to_datetime(x)
    assert noon.date() == event.date.start and noon.hour == 12
    x0, x1 = view.x_span(timeline.event("e-summit"))
    assert view.scale.to_datetime(x1).date() == timeline.event("e-summit").date.end + timedelta(1)


def test_tooltips_escape_titles(timeline):
    event = timeline.event("e-arrive")
    event.title = "Troops <b>land</b> & stay"
    assert "Troops &lt;b&gt;land&lt;/b&gt; &amp; stay" in event_tooltip(event)


def test_labels_that_fit_are_not_elided(window, timeline):
    view = window.timeline_view
    view.view_box.setXRange(
        view.x_span(timeline.event("e-protests"))[0] - 3,
        view.x_span(timeline.event("e-withdraw-end"))[1] + 12,
        padding=0,
    )
    settle()
    shown = {eid: text for eid, text, _ in view.labels.visible_labels()}
    for eid in ("e-protests", "e-request", "e-arrive", "e-withdraw-start", "e-withdraw-end"):
        assert shown[eid] == timeline.event(eid).title
