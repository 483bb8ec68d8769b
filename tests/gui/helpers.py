"""Driving the plot like a user: where a marker is on screen, and clicking it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from timeline_app.gui.timeline_view import TimelineView


def settle() -> None:
    """Let Qt process resizes and range updates (a plot's range is [0, 1] until then)."""
    for _ in range(3):
        QApplication.processEvents()


def show_window(qtbot, win):
    """Show a main window as a user would see it: exposed, settled, zoomed to fit."""
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle()
    win.timeline_view.zoom_to_fit()
    settle()
    return win


def marker_viewport_pos(view: TimelineView, event_id: str) -> QPoint:
    """The marker's position in the plot's viewport pixels, from its data coordinates."""
    scene = view.view_box.mapViewToScene(view.marker_pos(event_id))
    return view.plot.mapFromScene(scene)


def click_event(qtbot, view: TimelineView, event_id: str) -> None:
    qtbot.mouseClick(
        view.plot.viewport(), Qt.MouseButton.LeftButton, pos=marker_viewport_pos(view, event_id)
    )
