"""The bar above the timeline: search with next/previous match, filters, and lanes.

Every control writes to the state; the bar only reads it back to show the match count
and to refill the outlet and actor choices when another timeline is loaded.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from timeline_app.model import DateError, FuzzyDate

from . import plain
from .state import LANE_MODES, TimelineState

__all__ = ["FindBar", "parse_bound"]

_ALL = "All"
_NAME_CHARS = 18  # outlet and actor choices are this wide; longer names are elided


def parse_bound(text: str, *, end: bool) -> date | None:
    """ "2022", "2022-03" or "2022-03-05" as the first (or, for `end`, last) day it covers."""
    text = text.strip()
    if not text:
        return None
    try:
        d = FuzzyDate.from_iso(text)
    except DateError:
        return None
    return d.end if end else d.start


class FindBar(QWidget):
    """Search box (Ctrl+F focuses it), ◀ ▶ match buttons, outlet/actor/date filters, lanes."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.search = QLineEdit(placeholderText="Find in titles and sources  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Ctrl+F, or a click
        self.prev_button = QToolButton(text="◀", toolTip="Previous match (Shift+F3)")
        self.next_button = QToolButton(text="▶", toolTip="Next match (F3 or Enter)")
        self.match_label = plain.label()
        self.outlet = QComboBox(toolTip="Only events reported by this outlet")
        self.actor = QComboBox(toolTip="Only events that name this person or organisation")
        for combo in (self.outlet, self.actor):  # a long name must not widen the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(_NAME_CHARS)
        self.date_from = QLineEdit(placeholderText="from (2022-01)")
        self.date_to = QLineEdit(placeholderText="to (2023)")
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(110)
        self.lanes = QComboBox(toolTip="Lay events out in rows by …")
        for key, text in LANE_MODES.items():
            self.lanes.addItem(text, key)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for w in (self.search, self.prev_button, self.next_button, self.match_label):
            layout.addWidget(w)
        layout.addSpacing(12)
        for text, w in (
            ("Outlet", self.outlet),
            ("Actor", self.actor),
            ("Dates", self.date_from),
            ("–", self.date_to),
            ("Lanes", self.lanes),
        ):
            layout.addWidget(QLabel(text))
            layout.addWidget(w)
        self.search.setMinimumWidth(220)
        self._debounce = QTimer(self, singleShot=True, interval=200)

        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.search.returnPressed.connect(self._on_return)
        self.prev_button.clicked.connect(lambda: self.state.find_step(-1))
        self.next_button.clicked.connect(lambda: self.state.find_step(1))
        self.outlet.currentIndexChanged.connect(lambda _: self._apply_choice("outlet", self.outlet))
        self.actor.currentIndexChanged.connect(lambda _: self._apply_choice("actor", self.actor))
        self.date_from.editingFinished.connect(self._apply_dates)
        self.date_to.editingFinished.connect(self._apply_dates)
        self.lanes.currentIndexChanged.connect(
            lambda _: self.state.set_lane_mode(self.lanes.currentData())
        )
        state.timeline_changed.connect(self._on_timeline_changed)
        state.search_changed.connect(self._on_search_changed)
        state.selection_changed.connect(lambda _: self._on_search_changed())
        state.lane_mode_changed.connect(self._on_lane_mode_changed)
        self._on_timeline_changed()

    def _apply_search(self) -> None:
        self.state.set_search(self.search.text())

    def _on_return(self) -> None:
        self._debounce.stop()
        self._apply_search()
        self.state.find_step(1)

    def _apply_choice(self, kind: str, combo: QComboBox) -> None:
        self.state.set_filter(kind, combo.currentData())

    def _apply_dates(self) -> None:
        lo = parse_bound(self.date_from.text(), end=False)
        hi = parse_bound(self.date_to.text(), end=True)
        self.state.set_filter("dates", None if lo is None and hi is None else (lo, hi))

    def _on_timeline_changed(self) -> None:
        s = self.state.store
        for combo, names in ((self.outlet, s.outlets.names), (self.actor, s.actors.names)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_ALL, None)
            for name in sorted(names, key=str.casefold):
                combo.addItem(name, name)
            combo.setEnabled(bool(names))
            combo.blockSignals(False)
        for edit in (self.search, self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self._on_search_changed()

    def _on_search_changed(self) -> None:
        m = self.state.matches
        if not self.state.search_text.strip():
            self.match_label.setText("")
            return
        i = self.state.selected_index
        at = ""
        if i is not None and len(m):
            pos = int(m.searchsorted(i))
            at = f"{pos + 1} of " if pos < len(m) and m[pos] == i else ""
        self.match_label.setText(f"{at}{len(m):,} match{'es' if len(m) != 1 else ''}")

    def _on_lane_mode_changed(self, mode: str) -> None:
        self.lanes.blockSignals(True)
        self.lanes.setCurrentIndex(self.lanes.findData(mode))
        self.lanes.blockSignals(False)
