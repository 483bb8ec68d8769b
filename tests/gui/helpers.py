"""Driving the plot like a user: where a marker is on screen, and clicking it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from timeline_app.gui.timeline_view import TimelineView


def marker_viewport_pos(view: TimelineView, event_id: str) -> QPoint:
    """The marker's position in the plot's viewport pixels, from its data coordinates."""
    scene = view.view_box.mapViewToScene(view.marker_pos(event_id))
    return view.plot.mapFromScene(scene)


def click_event(qtbot, view: TimelineView, event_id: str) -> None:
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                     pos=marker_viewport_pos(view, event_id))
