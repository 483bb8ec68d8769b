"""The bar above the timeline: search with next/previous match, filters, and lanes.

Every control writes to the state, and shows what the state holds: when the state resets
the search (another corpus) the box empties; when it keeps it (an edit, a partial load)
the box keeps its text and the count is that of the new timeline. The count says where
the text was found ("5 matches — 1 in titles, 4 in article text"). The date fields'
placeholders are the corpus's own first and last months.
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
from timeline_app.model.search import Part

from . import plain
from .state import LANE_MODES, TimelineState

__all__ = ["FindBar", "parse_bound"]

_ALL = "All"
_NAME_CHARS = 18  # outlet and actor choices are this wide; longer names are elided
_DEBOUNCE_EVENTS = 20_000  # search as the user types up to this many events, then pause
_IN = {
    Part.TITLE: "in titles",
    Part.TAGS: "in tags",
    Part.NOTE: "in notes",
    Part.SENTENCE: "in dated sentences",
    Part.ARTICLE: "in article text",
}


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
    """Search box (Ctrl+F focuses it), ◀ ▶ match buttons, outlet/actor/tag/date filters,
    lanes."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.search = QLineEdit(
            placeholderText="Find in titles, tags, notes and articles  (Ctrl+F)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Ctrl+F, or a click
        self.prev_button = QToolButton(text="◀", toolTip="Previous match (Shift+F3)")
        self.next_button = QToolButton(text="▶", toolTip="Next match (F3 or Enter)")
        self.match_label = plain.label()
        self.outlet = QComboBox(toolTip="Only events reported by this outlet")
        self.actor = QComboBox(toolTip="Only events that name this person or organisation")
        self.tag = QComboBox(toolTip="Only events you gave this tag")
        for combo in (self.outlet, self.actor, self.tag):  # a long name must not widen the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(_NAME_CHARS)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(110)
            edit.setToolTip("A year, a month or a day: 2022, 2022-03 or 2022-03-05")
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
            ("Tag", self.tag),
            ("Dates", self.date_from),
            ("–", self.date_to),
            ("Lanes", self.lanes),
        ):
            layout.addWidget(QLabel(text))
            layout.addWidget(w)
        self.search.setMinimumWidth(220)
        self._debounce = QTimer(self, singleShot=True, interval=200)

        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._on_text_edited)
        self.search.returnPressed.connect(self._on_return)
        self.prev_button.clicked.connect(lambda: self.state.find_step(-1))
        self.next_button.clicked.connect(lambda: self.state.find_step(1))
        self.outlet.currentIndexChanged.connect(lambda _: self._apply_choice("outlet", self.outlet))
        self.actor.currentIndexChanged.connect(lambda _: self._apply_choice("actor", self.actor))
        self.tag.currentIndexChanged.connect(lambda _: self._apply_choice("tag", self.tag))
        self.date_from.editingFinished.connect(self._apply_dates)
        self.date_to.editingFinished.connect(self._apply_dates)
        self.lanes.currentIndexChanged.connect(
            lambda _: self.state.set_lane_mode(self.lanes.currentData())
        )
        state.timeline_changed.connect(self._on_timeline_changed)
        state.search_changed.connect(self._on_search_changed)
        state.selection_changed.connect(lambda _: self._on_search_changed())
        state.lane_mode_changed.connect(self._on_lane_mode_changed)
        state.filter_changed.connect(self._on_filter_changed)
        self._on_timeline_changed()

    def _on_text_edited(self, text: str) -> None:
        """The state follows the box: at once, or after a pause in typing on a large
        timeline; an emptied box clears the search at once."""
        if not text.strip() or len(self.state.store) <= _DEBOUNCE_EVENTS:
            self._debounce.stop()
            self._apply_search()
        else:
            self.match_label.setText("…")  # the count of the old text would be a lie
            self._debounce.start()

    def _apply_search(self) -> None:
        self._debounce.stop()
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
        for kind, combo, names in (
            ("outlet", self.outlet, s.outlets.names),
            ("actor", self.actor, s.actors.names),
            ("tag", self.tag, s.tags.names),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_ALL, None)
            for name in sorted(names, key=str.casefold):
                combo.addItem(name, name)
            combo.setEnabled(bool(names))
            combo.blockSignals(False)
            chosen = self.state.filters[kind]  # kept by an edit or a partial load
            if chosen is not None and combo.findData(chosen) < 0:
                combo.addItem(str(chosen), chosen)  # no event has it now; still the filter
            combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else 0)
            combo.blockSignals(False)
        self._show_dates()
        self._on_search_changed()

    def _on_filter_changed(self) -> None:
        """Show filters set elsewhere (a saved view put back) in the boxes."""
        for kind, combo in (("outlet", self.outlet), ("actor", self.actor), ("tag", self.tag)):
            chosen = self.state.filters[kind]
            combo.blockSignals(True)
            if chosen is not None and combo.findData(chosen) < 0:
                combo.addItem(str(chosen), chosen)
            combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else 0)
            combo.blockSignals(False)
        dates = self.state.filters["dates"]
        if dates is not None:
            for edit, day in zip((self.date_from, self.date_to), dates, strict=True):  # type: ignore[arg-type]
                if parse_bound(edit.text(), end=edit is self.date_to) != day:
                    self._set_text(edit, day.isoformat() if isinstance(day, date) else "")
        self._show_dates()

    def _show_dates(self) -> None:
        """The date fields: empty unless a date filter is kept; placeholders from the
        corpus's first and last month."""
        s = self.state.store
        if len(s):
            first, last = s.to_date(float(s.x0.min())), s.to_date(float(s.x1.max()) - 1)
            lo, hi = f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"
        else:
            lo = hi = "YYYY-MM"
        self.date_from.setPlaceholderText(f"from ({lo})")
        self.date_to.setPlaceholderText(f"to ({hi})")
        dates = self.state.filters["dates"]
        if dates is None:
            self._set_text(self.date_from, "")
            self._set_text(self.date_to, "")

    @staticmethod
    def _set_text(edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)

    def _on_search_changed(self) -> None:
        """The box and count show the state's search; text typed but not yet searched
        (a large timeline waits for a pause) is searched first: it is the newest."""
        if self._debounce.isActive():
            self._apply_search()
        self._set_text(self.search, self.state.search_text)
        self.match_label.setText(self.match_text())

    def match_text(self) -> str:
        """ "2 of 5 matches — 1 in titles, 4 in article text" ("" with no search text,
        "Searching…" while the index of a large timeline is built)."""
        m = self.state.matches
        if not self.state.search_text.strip():
            return ""
        if self.state.search_pending:  # the index of a large timeline is being built
            return "Searching…"
        i = self.state.selected_index
        at = ""
        if i is not None and len(m):
            pos = int(m.searchsorted(i))
            at = f"{pos + 1} of " if pos < len(m) and m[pos] == i else ""
        text = f"{at}{len(m):,} match{'es' if len(m) != 1 else ''}"
        where = [f"{n:,} {_IN[part]}" for part, n in self.state.match_counts().items()]
        return f"{text} — {', '.join(where)}" if where else text

    def _on_lane_mode_changed(self, mode: str) -> None:
        self.lanes.blockSignals(True)
        self.lanes.setCurrentIndex(self.lanes.findData(mode))
        self.lanes.blockSignals(False)
