"""The "Import problems" panel: every file that could not be (fully) loaded, and why.

A dock with a two-column table (file, reason), and a status-bar button that counts them
("3 import problems") and opens the dock. Both follow the state's timeline, so partial
timelines fill the table while a folder loads. The dock opens by itself when a folder's first
problem arrives; once the user has closed it, it stays closed until the next folder.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from timeline_app.model import Problem
from timeline_app.terminal import shown

from . import plain
from .state import TimelineState

__all__ = ["ProblemsPanel", "ProblemTableModel"]

_HEADERS = ("File", "Reason")
_ROOT = QModelIndex()
_EMPTY = "No import problems: every file in the folder was read."
_LINK_STYLE = (
    "QPushButton { color: palette(link); text-decoration: underline; border: none;"
    " padding: 0 6px; }"
)
_ROWS_SHOWN = 4  # the dock opens this many rows tall: it comes up early, with rows to come


class ProblemTableModel(QAbstractTableModel):
    """Rows are problems, in the order the loader found them (folder order)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        if problems == self.problems:
            return
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:  # Qt override
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:  # Qt override
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # Qt override
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):  # Qt override
        if not index.isValid():
            return None
        p = self.problems[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = shown(p.path if index.column() == 0 else p.reason)  # names are escaped
        return text if role == Qt.ItemDataRole.DisplayRole else plain.tooltip(text)


class ProblemsPanel(QDockWidget):
    """The dock; `status_button` belongs in the status bar."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__("Import problems", parent)
        self.setObjectName("import-problems")
        self.state = state
        self.model = ProblemTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 360)
        self.empty = QLabel(_EMPTY)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid);")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.setWidget(self.stack)
        self.status_button = QPushButton()
        self.status_button.setFlat(True)
        self.status_button.setStyleSheet(_LINK_STYLE)  # reads as a link: it opens the panel
        self.status_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status_button.setToolTip("Show the files that could not be loaded, and why")
        self.status_button.clicked.connect(self.reveal)
        self._name = None  # the corpus whose problems are shown
        self._auto = True  # may open by itself (until the user closes it)
        self.hide()
        self.visibilityChanged.connect(self._on_visibility_changed)
        state.timeline_changed.connect(self._on_timeline_changed)
        self._on_timeline_changed()

    def reveal(self) -> None:
        self._open()
        self.raise_()
        self.table.setFocus()

    def _open(self) -> None:
        """Show the dock, a few rows tall (Qt would give it a third of the window)."""
        was_visible = self.isVisible()
        self.show()
        window = self.parentWidget()
        if not was_visible and hasattr(window, "resizeDocks"):
            height = (
                self.table.horizontalHeader().height()
                + 2 * self.table.frameWidth()
                + _ROWS_SHOWN * self.table.verticalHeader().defaultSectionSize()
                + self.fontMetrics().height()
                + 3
            )  # the dock's title bar
            window.resizeDocks([self], [height], Qt.Orientation.Vertical)

    def _on_timeline_changed(self) -> None:
        timeline = self.state.timeline
        if timeline.name != self._name:  # another folder: it may open by itself again
            self._name, self._auto = timeline.name, True
        problems = timeline.problems
        self.model.set_problems(problems)
        self.stack.setCurrentWidget(self.table if problems else self.empty)
        n = len(problems)
        self.status_button.setText(f"{n:,} import problem{'s' if n != 1 else ''}")
        self.status_button.setVisible(bool(n))
        if n and self._auto and not self.isVisible():
            self._auto = False
            # showing the dock lays the window out anew: not in the same event-loop turn as
            # the new timeline's own work, so that neither freezes the window for long
            QTimer.singleShot(0, self._open)

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._auto = False  # shown once: from now on the user decides
