"""The real window driven through zoom, pan, overview drag, search, filter and the keyboard,
checking after each step what it shows: the range, the selection, the list, the detail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from timeline_app.gui.timeline_view import MAX_SPAN_DAYS, MIN_SPAN_DAYS

from .conftest import settle
from .helpers import click_event


def span(view) -> float:
    lo, hi = view.view_box.viewRange()[0]
    return hi - lo


def drag(qtbot, widget, start: QPoint, dx: int) -> None:
    """Press, move with the button held (QTest's mouseMove drops it), release.

    pyqtgraph drops mouse moves that come faster than a screen refresh, hence the waits.
    """
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(widget, left, pos=start)
    for step in (dx // 3, 2 * dx // 3, dx):
        qtbot.wait(25)
        pos = QPointF(start + QPoint(step, 0))
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            pos,
            QPointF(widget.mapToGlobal(pos)),
            Qt.MouseButton.NoButton,
            left,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, move)
    qtbot.mouseRelease(widget, left, pos=start + QPoint(dx, 0))
    settle()


def table_titles(window) -> list[str]:
    model = window.event_list.table_model
    return [model.index(r, 1).data() for r in range(model.rowCount())]


def test_zoom_keys_and_limits(qtbot, window):
    view, plot = window.timeline_view, window.timeline_view.plot
    before = span(view)
    qtbot.keyClick(plot, Qt.Key.Key_Plus)
    assert span(view) == pytest.approx(before / 2)
    qtbot.keyClick(plot, Qt.Key.Key_Minus)
    assert span(view) == pytest.approx(before)
    for _ in range(30):
        window.zoom_in_action.trigger()
    assert span(view) == pytest.approx(MIN_SPAN_DAYS, rel=0.01)  # an hour, no less
    settle()
    _, labels = view.axis.plan()  # the axis labels times under their day at that zoom
    times = [lb.text for lb in labels if lb.tier == 0]
    assert len(times) >= 3 and all(t[2] == ":" and t.replace(":", "").isdigit() for t in times)
    assert [lb.text for lb in labels if lb.tier == 1]
    for _ in range(40):
        window.zoom_out_action.trigger()
    assert span(view) <= MAX_SPAN_DAYS * 1.001


def test_overview_follows_the_view_and_drags_it(qtbot, window):
    view, overview = window.timeline_view, window.overview
    lo, hi = view.view_box.viewRange()[0]
    view.zoom_to(lo, lo + (hi - lo) / 4)
    settle()
    region = overview.region.getRegion()
    assert region == pytest.approx((lo, lo + (hi - lo) / 4))
    # drag the region 150 px to the right on the real overview widget
    vb = overview.view_box
    centre = vb.mapViewToScene(QPointF((region[0] + region[1]) / 2, 0.5 * vb.viewRange()[1][1]))
    start = overview.plot.mapFromScene(centre)
    days_per_px = (overview.span[1] - overview.span[0]) / vb.width()
    drag(qtbot, overview.plot.viewport(), start, 150)
    nlo, nhi = view.view_box.viewRange()[0]
    assert nhi - nlo == pytest.approx(region[1] - region[0], rel=1e-6)
    assert nlo - region[0] == pytest.approx(150 * days_per_px, rel=0.15)
    assert window.state.view_range == pytest.approx((nlo, nhi))


def test_search_finds_next_and_previous_and_shows_the_detail(qtbot, window, timeline):
    window.activateWindow()
    qtbot.waitActive(window)
    window.find_action.trigger()
    assert window.find_bar.search.hasFocus()
    qtbot.keyClicks(window.find_bar.search, "withdrawal")
    qtbot.keyClick(window.find_bar.search, Qt.Key.Key_Return)
    # titles: "Withdrawal ... begins" and "... completes withdrawal" (their article too)
    assert [timeline.events[i].id for i in window.state.matches] == [
        "e-withdraw-start",
        "e-withdraw-end",
    ]
    assert window.state.selected_id == "e-withdraw-start"
    assert window.find_bar.match_label.text() == "1 of 2 matches — 2 in titles"
    assert "Withdrawal of alliance troops begins" in window.detail_pane.plain_text()
    window.find_next_action.trigger()
    assert window.state.selected_id == "e-withdraw-end"
    window.find_next_action.trigger()  # wraps around
    assert window.state.selected_id == "e-withdraw-start"
    window.find_prev_action.trigger()
    assert window.state.selected_id == "e-withdraw-end"
    marks = window.timeline_view.marks
    assert set(marks.index[marks._match].tolist()) == set(window.state.matches.tolist())


def test_filters_change_what_every_view_shows(qtbot, window, timeline):
    bar = window.find_bar
    bar.outlet.setCurrentIndex(bar.outlet.findText("Caucasus Daily"))
    settle()
    caucasus = [e for e in timeline.events if e.sources[0].doc_id != "2022/kazakhstan_troops.txt"]
    assert window.summary.text() == f"{len(caucasus)} of 9 events shown from 3 documents"
    assert table_titles(window) == [e.title for e in caucasus]
    shown_ids = {timeline.events[i].id for i in window.timeline_view.marks.index}
    assert shown_ids == {e.id for e in caucasus}
    assert window.overview.curve.yData.max() >= 1
    # and a date range on top: 2022 only
    bar.date_from.setText("2022")
    bar.date_to.setText("2022")
    bar.date_to.editingFinished.emit()
    settle()
    in_2022 = [e.title for e in caucasus if e.date.start.year == 2022]
    assert table_titles(window) == in_2022
    assert window.summary.text().startswith(f"{len(in_2022)} of 9 events shown")
    bar.outlet.setCurrentIndex(0)
    bar.date_from.setText("")
    bar.date_to.setText("")
    bar.date_to.editingFinished.emit()
    assert window.summary.text() == "9 events from 3 documents"


def test_keyboard_navigation_keeps_list_view_and_detail_in_sync(qtbot, window, timeline):
    window.activateWindow()
    qtbot.waitActive(window)
    plot = window.timeline_view.plot
    ids = [e.id for e in timeline.events]
    qtbot.keyClick(plot, Qt.Key.Key_End)
    assert window.state.selected_id == ids[-1]
    qtbot.keyClick(plot, Qt.Key.Key_Home)
    assert window.state.selected_id == ids[0]
    qtbot.keyClick(plot, Qt.Key.Key_Right)
    assert window.state.selected_id == ids[1]
    current = window.event_list.currentIndex()
    assert window.event_list.table_model.index(current.row(), 1).data() == timeline.events[1].title
    qtbot.keyClick(plot, Qt.Key.Key_Return)
    assert window.detail_pane.tabs.currentWidget().hasFocus()
    assert timeline.events[1].title in window.detail_pane.plain_text()
    # clicking a row in the list selects on the timeline, and pans it there
    view = window.timeline_view
    view.zoom_to(*view.x_span(timeline.event("e-protests")))
    settle()
    row = [e.id for e in timeline.events].index("e-freeze")
    rect = window.event_list.visualRect(window.event_list.table_model.index(row, 1))
    qtbot.mouseClick(window.event_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selected_id == "e-freeze"
    lo, hi = view.view_box.viewRange()[0]
    x0, x1 = view.x_span(timeline.event("e-freeze"))
    assert lo <= x0 and x1 <= hi
    assert "e-freeze" in {eid for eid, _, _ in view.labels.visible_labels()}


def test_sorting_the_list_keeps_the_selection(qtbot, window, timeline):
    click_event(qtbot, window.timeline_view, "e-summit")
    window.event_list.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert table_titles(window) == sorted(e.title for e in timeline.events)
    assert window.event_list.selected_ids() == ["e-summit"]


def test_lanes_by_outlet_put_each_outlet_in_its_band(qtbot, window, timeline):
    window.find_bar.lanes.setCurrentIndex(window.find_bar.lanes.findData("outlet"))
    settle()
    frame = window.timeline_view.frame
    # the outlet with most events first
    assert [lane.name for lane in frame.lanes] == ["Caucasus Daily", "Steppe Herald"]
    ticks = window.timeline_view.lane_axis._tickLevels[0]
    assert [name for _, name in ticks] == ["Caucasus Daily", "Steppe Herald"]
    for lane in frame.lanes:
        assert all(lane.top <= y < lane.top + lane.rows for y in lane.y)
        outlets = {
            timeline.documents[timeline.events[i].sources[0].doc_id].outlet for i in lane.detail
        }
        assert outlets == {lane.name}
