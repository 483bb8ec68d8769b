"""The application window: timeline on top, the selected event's sources below."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from timeline_app.export import export_png
from timeline_app.model import Timeline

from .detail_pane import DetailPane
from .state import TimelineState
from .timeline_view import TimelineView

__all__ = ["MainWindow", "show_error"]

Loader = Callable[[Path], Timeline]


class MainWindow(QMainWindow):
    """Menus, the timeline view, the detail pane and a status line; owns the state."""

    def __init__(self, load: Loader | None = None, state: TimelineState | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state or TimelineState()
        self._load = load
        self._folder: Path | None = None
        self.timeline_view = TimelineView(self.state)
        self.detail_pane = DetailPane(self.state)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.timeline_view)
        splitter.addWidget(self.detail_pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([480, 420])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.summary = QLabel()
        self.statusBar().addPermanentWidget(self.summary)
        self._make_menus()
        self.resize(1400, 900)
        self.state.timeline_changed.connect(self._on_timeline_changed)
        self._on_timeline_changed()

    def _make_menus(self) -> None:
        def action(menu, text: str, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        file_menu = self.menuBar().addMenu("&File")
        self.open_action = action(file_menu, "&Open folder…", lambda: self.open_folder(),
                                  QKeySequence.StandardKey.Open)
        self.export_action = action(file_menu, "&Export image…", lambda: self.export_image(),
                                    "Ctrl+E")
        file_menu.addSeparator()
        action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        view_menu = self.menuBar().addMenu("&View")
        self.fit_action = action(view_menu, "Zoom to &fit", self.timeline_view.zoom_to_fit,
                                 "Ctrl+0")
        view_menu.addSeparator()
        self.prev_action = action(view_menu, "&Previous event", lambda: self.state.select_step(-1),
                                  Qt.Key.Key_Left)
        self.next_action = action(view_menu, "&Next event", lambda: self.state.select_step(1),
                                  Qt.Key.Key_Right)

    # -- commands ----------------------------------------------------------------------
    def open_folder(self, path: Path | None = None) -> bool:
        """Load a folder of articles (asking for it if `path` is None); errors go to a dialog."""
        if path is None:
            chosen = QFileDialog.getExistingDirectory(self, "Open a folder of articles",
                                                      str(self._folder or Path.home()))
            if not chosen:
                return False
            path = Path(chosen)
        if self._load is None:
            show_error(self, "Cannot open folders", "No corpus loader is available.")
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            timeline = self._load(path)
        except Exception as exc:  # any loader failure is reported, never a traceback
            QApplication.restoreOverrideCursor()
            show_error(self, "Could not open folder",
                       f"Could not read the articles in\n{path}\n\n{_reason(exc)}")
            return False
        QApplication.restoreOverrideCursor()
        self._folder = path
        self.state.set_timeline(timeline)
        return True

    def export_image(self, path: Path | None = None) -> bool:
        """Save the whole timeline as a PNG (asking where if `path` is None)."""
        if path is None:
            default = (self._folder or Path.home()) / f"{self._corpus_name() or 'timeline'}.png"
            chosen, _ = QFileDialog.getSaveFileName(self, "Export timeline image", str(default),
                                                    "PNG image (*.png)")
            if not chosen:
                return False
            path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_png(self.state.timeline, path, width=max(1600, self.timeline_view.width()))
        except Exception as exc:  # disk full, permissions, ...
            QApplication.restoreOverrideCursor()
            show_error(self, "Could not export image", f"{path}\n\n{_reason(exc)}")
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    # -- reactions ---------------------------------------------------------------------
    def _on_timeline_changed(self) -> None:
        tl = self.state.timeline
        name = self._corpus_name()
        self.setWindowTitle(f"{name} — Timeline" if name else "Timeline")
        n, m = len(tl.events), len(tl.documents)
        text = f"{n} event{'s' if n != 1 else ''} from {m} document{'s' if m != 1 else ''}"
        if tl.problems:
            text += f" · {len(tl.problems)} file{'s' if len(tl.problems) != 1 else ''} skipped"
        self.summary.setText(text)
        self.summary.setToolTip("<br>".join(html.escape(str(p)) for p in tl.problems[:30]))
        self.export_action.setEnabled(bool(tl.events))

    def _corpus_name(self) -> str:
        return self.state.timeline.name or (self._folder.name if self._folder else "")


def show_error(parent: QWidget, title: str, text: str) -> None:
    """A modal error box that shows `text` literally (Qt would guess rich text)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
