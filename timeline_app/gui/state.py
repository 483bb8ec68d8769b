"""The GUI's single source of truth: the loaded timeline and the selected event."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from timeline_app.model import Event, Timeline

__all__ = ["TimelineState"]


class TimelineState(QObject):
    """Holds the current `Timeline` and the selected event id; views subscribe to it.

    Signals:
        timeline_changed(): a different timeline was set (the selection is cleared first).
        selection_changed(object): the selected event id (str) or None; only on a change.
    """

    timeline_changed = Signal()
    selection_changed = Signal(object)

    def __init__(self, timeline: Timeline | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeline = timeline or Timeline()
        self._selected: str | None = None

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @property
    def selected_id(self) -> str | None:
        return self._selected

    @property
    def selected_event(self) -> Event | None:
        return self._timeline.event(self._selected) if self._selected is not None else None

    def set_timeline(self, timeline: Timeline) -> None:
        if timeline is self._timeline:
            return
        had_selection = self._selected is not None
        self._timeline = timeline
        self._selected = None
        self.timeline_changed.emit()
        if had_selection:
            self.selection_changed.emit(None)

    def select(self, event_id: str | None) -> None:
        """Select an event by id (None clears); unknown ids raise KeyError."""
        if event_id is not None:
            self._timeline.event(event_id)
        if event_id == self._selected:
            return
        self._selected = event_id
        self.selection_changed.emit(event_id)

    def select_step(self, step: int) -> None:
        """Select the event `step` places later (negative: earlier) in date order.

        With nothing selected, a forward step selects the first event and a backward
        step the last; at either end the selection stays put.
        """
        events = self._timeline.events
        if not events:
            return
        ids = [e.id for e in events]
        if self._selected is None:
            index = 0 if step > 0 else len(ids) - 1
        else:
            index = min(max(ids.index(self._selected) + step, 0), len(ids) - 1)
        self.select(ids[index])
