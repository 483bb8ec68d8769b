"""The event list beside the timeline: a sortable table (date, title, sources).

The model is virtual: rows are positions in an index array over the state's shown
events, so a million rows cost one array, and a cell is formatted only when Qt paints it.
Selecting a row selects the event in the state; a selection made elsewhere scrolls the
table to it. Ctrl/Shift-click selects several rows (for "Merge selected"). Titles the user
edited end in EDITED_MARK; hidden events (listed when shown) are greyed; planned events
have the timeline's violet diamond before their title (and say so in the tooltips).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..plan import sizes
from ..render import style
from ..render.style import MUTED
from . import plain
from .marks import marks_lines, store_title
from .state import TimelineState

__all__ = ["EventListView", "EventTableModel"]

_HEADERS = ("Date", "Title", "Sources")
EDITED_MARK = " ✎"  # after the title of an event the user edited
_ROOT = QModelIndex()
# Qt asks `data` for a dozen roles per cell at each paint; PySide's enums cost a Python
# call each to read or combine, so the ones `data` answers are read once here
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ANSWERED = frozenset({_DISPLAY, _FOREGROUND, _DECORATION, _TOOLTIP, _ACCESSIBLE, _ALIGNMENT})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class EventTableModel(QAbstractTableModel):
    """Rows are the state's shown events in the order of the chosen sort column."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.order = state.shown
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self._row_of: np.ndarray | None = None
        self._planned_icon: QIcon | None = None
        state.timeline_changed.connect(self._reload)
        state.filter_changed.connect(self._reload)

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:  # Qt override
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:  # Qt override
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # Qt override
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        return None

    def data(self, index: QModelIndex, role=_DISPLAY):  # Qt override
        if role not in _ANSWERED or not index.isValid():
            return None
        i = int(self.order[index.row()])
        s = self.state.store
        col = index.column()
        if role == _DISPLAY:
            if col == 0:
                d = s.fuzzy_date(i)
                return (
                    d.iso() + ("?" if d.inferred else "") + (f" ({d.part.value})" if d.part else "")
                )
            if col == 1:
                # workbench marks: ★ starred, ✚ added, ⚠ disputed, ¶ a note
                return store_title(s, i, tail=EDITED_MARK if s.edited(i) else "")
            return int(s.n_sources[i])
        if role == _FOREGROUND and self.state.hidden[i]:
            return QColor(MUTED)
        if role == _DECORATION and col == 1 and s.planned[i]:
            return self.planned_icon()
        if role in (_TOOLTIP, _ACCESSIBLE) and col < 2:
            tip = s.fuzzy_date(i).describe() if col == 0 else s.titles[i]
            tip = f"{tip} — {sizes.PLANNED_WORDS}" if s.planned[i] else tip
            if col == 1 and s.events is not None:
                tip = "\n".join([tip, *marks_lines(s.events[i])])
            return plain.tooltip(tip) if role == _TOOLTIP else tip
        if role == _ALIGNMENT and col == 2:
            return _RIGHT
        return None

    def planned_icon(self) -> QIcon:
        """The timeline's planned diamond, drawn once, for the title cells."""
        if self._planned_icon is None:
            size = int(2 * sizes.DIAMOND_R + 4)
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            style.draw_planned(p, QPointF(size / 2, size / 2), False)
            p.end()
            self._planned_icon = QIcon(pixmap)
        return self._planned_icon

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt override
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.order = self._sorted(column, order)
        self._row_of = None
        self.layoutChanged.emit()

    def _sorted(self, column: int, order: Qt.SortOrder) -> np.ndarray:
        shown, s = self.state.shown, self.state.store
        if column == 0:
            keyed = shown  # the store is in date order already
        elif column == 1:
            titles = s.titles
            keyed = np.array(sorted(shown.tolist(), key=titles.__getitem__), np.int64)
        else:
            keyed = shown[np.argsort(s.n_sources[shown], kind="stable")]
        return keyed[::-1] if order == Qt.SortOrder.DescendingOrder else keyed

    def row_of(self, index: int) -> int | None:
        """The table row showing store index `index`, or None if it is filtered out."""
        if self._row_of is None:
            self._row_of = np.full(len(self.state.store), -1, np.int64)
            self._row_of[self.order] = np.arange(len(self.order))
        row = int(self._row_of[index])
        return row if row >= 0 else None

    def _reload(self) -> None:
        self.beginResetModel()
        self.order = self._sorted(*self._sort)
        self._row_of = None
        self.endResetModel()


class EventListView(QTableView):
    """The table, kept in sync with the state's selection in both directions."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.table_model = EventTableModel(state, self)
        self.setModel(self.table_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # a million rows: no measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # fixed, not ResizeToContents: that measures 1,000 rows on every new timeline (25,000
        # data() calls, the largest part of showing a timeline of 20,000 events)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(0, 120)
        self.setColumnWidth(2, self.fontMetrics().horizontalAdvance(_HEADERS[2]) + 28)
        self.selectionModel().currentRowChanged.connect(self._on_row_changed)
        state.selection_changed.connect(self._on_selection_changed)
        self.table_model.modelReset.connect(self._show_selection)
        self.table_model.layoutChanged.connect(self._show_selection)

    def selected_ids(self) -> list[str]:
        order, s = self.table_model.order, self.state.store
        return [s.id_of(int(order[ix.row()])) for ix in self.selectionModel().selectedRows()]

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self.state.select_index(int(self.table_model.order[current.row()]))

    def _on_selection_changed(self, event_id: str | None) -> None:
        i = self.state.selected_index
        row = self.table_model.row_of(i) if i is not None else None
        sel = self.selectionModel()
        if row is not None and sel.currentIndex().row() == row:
            return  # the echo of a click here: the view applies it (Ctrl+click adds a row)
        self._show_selection()

    def _show_selection(self) -> None:
        i = self.state.selected_index
        row = self.table_model.row_of(i) if i is not None else None
        sel = self.selectionModel()
        sel.blockSignals(True)  # an echo of the state's own selection
        if row is None:
            sel.clearSelection()
        else:
            index = self.table_model.index(row, 0)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            sel.setCurrentIndex(index, flags)
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        sel.blockSignals(False)
        self.viewport().update()
