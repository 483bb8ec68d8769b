"""The application window: find bar, timeline with overview, sources below, event list.

It remembers (`settings.py`) its geometry and splitters, the folders opened (File › Open
Recent), the lane mode, the export settings and where pictures and data were saved, and
follows the desktop's light or dark colour scheme (`appearance.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from timeline_app.formats import write_data
from timeline_app.model import FuzzyDate, Timeline
from timeline_app.model.summary import article_outlets
from timeline_app.render import ImageOptions, export_image
from timeline_app.store.added_events import is_article
from timeline_app.terminal import shown

from ..render import style
from . import appearance, plain
from .chronology_dialog import ChronologyDialog, ask_chronology_file, chosen_ids
from .detail_pane import DetailPane
from .edit_actions import EditActions
from .event_list import EventListView
from .export_dialog import (
    OPEN_FILTER,
    ExportDialog,
    ask_data_file,
    save_folder,
    subject_of_state,
)
from .find_bar import FindBar
from .folder_loader import FolderLoader
from .overview import OverviewBand
from .problems_panel import ProblemsPanel
from .settings import Settings
from .state import LANE_MODES, TimelineState
from .timeline_view import TimelineView
from .workbench_actions import WorkbenchActions

__all__ = ["MainWindow", "show_error"]

Loader = Callable[[Path], Timeline]


class MainWindow(QMainWindow):
    """Menus, the timeline view, the detail pane and a status line; owns the state.

    Folders open in the background (`folder_loader`), which puts the open folder's
    `Project` in the state (`state.project`: None until one is loaded, or with a custom
    `load`); the Edit menu (`edit_actions`) edits it.

    `settings` is where the window keeps what it remembers (the app passes the user's;
    None: nothing is read or kept beyond this window). `scheme` ("light" or "dark") fixes
    the colour scheme; None follows the desktop's.
    """

    def __init__(
        self,
        load: Loader | None = None,
        state: TimelineState | None = None,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        scheme: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = Settings(settings)
        self.state = state or TimelineState()
        self.timeline_view = TimelineView(self.state)
        self.overview = OverviewBand(self.state)
        self.detail_pane = DetailPane(self.state)
        self.event_list = EventListView(self.state)
        self.find_bar = FindBar(self.state)
        self.timeline_panel = _column(self.timeline_view, self.overview)
        self.timeline_panel.layout().setStretch(0, 1)
        self.timeline_panel.layout().setStretch(1, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.timeline_panel)
        self.splitter.addWidget(self.detail_pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([540, 360])
        self.splitter.setChildrenCollapsible(False)
        beside = self.beside = QSplitter(Qt.Orientation.Horizontal)
        beside.addWidget(self.splitter)
        beside.addWidget(self.event_list)
        beside.setStretchFactor(0, 1)
        beside.setSizes([1040, 400])
        self.setCentralWidget(_column(self.find_bar, beside))
        self.summary = plain.label()
        self.statusBar().addPermanentWidget(self.summary)
        self.problems_panel = ProblemsPanel(self.state)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_panel)
        self.statusBar().insertPermanentWidget(0, self.problems_panel.status_button)
        self.folder_loader = FolderLoader(self.state, load, self)
        self.statusBar().addWidget(self.folder_loader.status, 1)
        self.folder_loader.message.connect(self.statusBar().showMessage)
        self.folder_loader.failed.connect(lambda title, text: show_error(self, title, text))
        self._make_menus()
        self.edit_actions = EditActions(self.state, self.detail_pane, self.event_list, self)
        self.edit_actions.done.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.edit_actions.failed.connect(lambda title, text: show_error(self, title, text))
        self._make_edit_menu()
        self.workbench = WorkbenchActions(self.state, self.edit_actions, self)
        self.workbench.view_restored.connect(self._on_view_restored)
        self.timeline_view.view_box.period_dragged.connect(self._on_period_dragged)
        self._make_workbench_menus()
        self.resize(1440, 900)
        self._opened: Path | None = None  # the folder last recorded as recent
        self._articles = 0  # the timeline's documents that are articles (`_on_new_timeline`)
        self._restore()
        self.scheme = ""
        self._fixed_scheme = scheme
        self.apply_scheme(scheme or appearance.requested_scheme())
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.state.timeline_changed.connect(self._on_new_timeline)
        self.state.filter_changed.connect(self._on_timeline_changed)
        self.state.lane_mode_changed.connect(self._on_lane_mode_changed)
        self._on_new_timeline()
        self.timeline_view.plot.setFocus()  # keys navigate events, not the search box

    def _make_menus(self) -> None:
        def action(menu, text: str, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        self.open_action = action(
            file_menu, "&Open folder…", lambda: self.open_folder(), QKeySequence.StandardKey.Open
        )
        self.open_file_action = action(
            file_menu, "Open &file…", lambda: self.open_file(), "Ctrl+Shift+O"
        )
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.export_action = action(file_menu, "&Export…", lambda: self.export_image(), "Ctrl+E")
        self.export_data_action = action(
            file_menu, "Export &data…", lambda: self.export_data(), "Ctrl+Shift+E"
        )
        self.chronology_action = action(
            file_menu, "Export &chronology…", lambda: self.export_chronology()
        )
        file_menu.addSeparator()
        action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        view_menu = self.view_menu = self.menuBar().addMenu("&View")
        self.fit_action = action(
            view_menu, "Zoom to &fit", self.timeline_view.zoom_to_fit, "Ctrl+0"
        )
        view_menu.addSeparator()
        self.prev_action = action(
            view_menu, "&Previous event", lambda: self.state.select_step(-1), Qt.Key.Key_Left
        )
        self.next_action = action(
            view_menu, "&Next event", lambda: self.state.select_step(1), Qt.Key.Key_Right
        )
        self.first_action = action(
            view_menu, "F&irst event", lambda: self.state.select_edge(last=False), Qt.Key.Key_Home
        )
        self.last_action = action(
            view_menu, "&Last event", lambda: self.state.select_edge(last=True), Qt.Key.Key_End
        )
        self.open_detail_action = action(
            view_menu, "&Open detail", self.open_detail, Qt.Key.Key_Return
        )
        self.open_detail_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        view_menu.addSeparator()
        self.zoom_in_action = action(
            view_menu, "Zoom &in", lambda: self.timeline_view.zoom_by(0.5), "+"
        )
        self.zoom_in_action.setShortcuts(
            [QKeySequence("+"), QKeySequence("="), QKeySequence.StandardKey.ZoomIn]
        )
        self.zoom_out_action = action(
            view_menu, "Zoom &out", lambda: self.timeline_view.zoom_by(2.0), "-"
        )
        self.zoom_out_action.setShortcuts([QKeySequence("-"), QKeySequence.StandardKey.ZoomOut])
        find_menu = self.menuBar().addMenu("F&ind")
        self.find_action = action(
            find_menu, "&Find…", self.focus_search, QKeySequence.StandardKey.Find
        )
        self.find_next_action = action(
            find_menu,
            "Find &next",
            lambda: self.state.find_step(1),
            QKeySequence.StandardKey.FindNext,
        )
        self.find_prev_action = action(
            find_menu,
            "Find &previous",
            lambda: self.state.find_step(-1),
            QKeySequence.StandardKey.FindPrevious,
        )

    def _make_edit_menu(self) -> None:
        """Edit between File and View; Show hidden events at the end of View."""
        actions = self.edit_actions
        menu = QMenu("&Edit", self)
        for act in actions.menu_actions:
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.aboutToShow.connect(actions.refresh)
        self.menuBar().insertMenu(self.view_menu.menuAction(), menu)
        self.view_menu.addSeparator()
        self.view_menu.addAction(actions.show_hidden_action)
        self.detail_pane.set_source_actions(actions.source_actions)
        self.edit_menu = menu

    def _make_workbench_menus(self) -> None:
        """Star, tags, note, add event and period in Edit (and a toolbar); saved views and
        the starred/disputed/key filters in View; the chronology in File."""
        bench = self.workbench
        self.edit_menu.addSeparator()
        for act in bench.event_actions:
            self.edit_menu.addSeparator() if act is None else self.edit_menu.addAction(act)
        self.edit_menu.addMenu(bench.periods_menu)
        self.view_menu.addSeparator()
        for act in (bench.starred_only_action, bench.disputed_only_action, bench.key_only_action):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.view_menu.addAction(bench.save_view_action)
        self.view_menu.addMenu(bench.views_menu)
        bar = self.workbench_bar = self.addToolBar("Workbench")
        bar.setObjectName("workbench")
        bar.setMovable(False)
        for act in (
            bench.star_action,
            bench.tags_action,
            bench.note_action,
            None,
            bench.add_event_action,
            bench.add_period_action,
            None,
            bench.starred_only_action,
            bench.disputed_only_action,
            bench.key_only_action,
        ):
            bar.addSeparator() if act is None else bar.addAction(act)

    # -- commands ----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.find_bar.search.setFocus()
        self.find_bar.search.selectAll()

    def open_detail(self) -> None:
        """Enter: show the selected event's sources (the first one, with keyboard focus)."""
        if self.find_bar.search.hasFocus():
            self.find_bar.search.returnPressed.emit()
            return
        if self.state.selected_id is None:
            self.state.select_step(1)
        sizes = self.splitter.sizes()
        if sizes[1] < 150:  # the pane was squeezed: give it room
            self.splitter.setSizes([sum(sizes) // 2, sum(sizes) - sum(sizes) // 2])
        view = self.detail_pane.tabs.currentWidget()
        (view or self.detail_pane).setFocus()

    def open_folder(self, path: Path | None = None) -> bool:
        """Start loading a folder of articles in the background (asking for it if `path` is
        None); returns whether a load started. Errors go to a dialog when it ends."""
        if path is None:
            chosen = QFileDialog.getExistingDirectory(
                self, "Open a folder of articles", str(self._open_folder_start())
            )
            if not chosen:
                return False
            path = Path(chosen)
        self.folder_loader.open(path)
        return True

    def open_file(self, path: Path | None = None) -> bool:
        """Open one article, or a data file (TimelineJS JSON or CSV, our event JSON)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Open a file", str(self._open_folder_start()), OPEN_FILTER
            )
            if not chosen:
                return False
            path = Path(chosen)
        return self.open_folder(path)

    def export_data(self, path: Path | None = None, fmt: str = "json") -> bool:
        """Save the events as JSON, CSV, TimelineJS or iCalendar (asking if `path` is None)."""
        if path is None:
            folder = self.settings.save_folder("data")
            path, fmt = ask_data_file(self, folder, self._corpus_name())
            if path is None:
                return False
        try:
            write_data(self.state.timeline, fmt, path)
        except OSError as exc:
            show_error(self, "Could not export data", f"{path}\n\n{_reason(exc)}")
            return False
        self.settings.set_last_folder("data", path.absolute().parent)
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    def export_chronology(self, path: Path | None = None, *, starred: bool | None = None) -> bool:
        """Write the starred events (or those shown now) as a chronology to hand in:
        Markdown, HTML or PDF by `path`'s suffix. Asks which events unless `starred` is
        given, and where unless `path` is."""
        if starred is None:
            dialog = ChronologyDialog(self.state, self)
            if not dialog.exec():
                return False
            starred = dialog.starred()
        if path is None:
            folder = self.settings.save_folder("data")
            path = ask_chronology_file(self, folder, self._corpus_name())
            if path is None:
                return False
        from timeline_app.render.chronology import write_chronology  # Qt's PDF: on use

        ids = None if starred else chosen_ids(self.state)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            events = write_chronology(self.state.timeline, path, starred=starred, ids=ids)
        except Exception as exc:  # a bad suffix, a full disk, no permission: one line
            QApplication.restoreOverrideCursor()
            show_error(self, "Could not export the chronology", f"{path}: {_reason(exc)}")
            return False
        QApplication.restoreOverrideCursor()
        self.settings.set_last_folder("data", path.absolute().parent)
        n = len(events)
        self.statusBar().showMessage(f"Saved {n:,} event{'s' if n != 1 else ''} to {path}", 8000)
        return True

    def export_image(self, path: Path | None = None) -> bool:
        """The export dialog (PNG, SVG, PDF with a preview); with `path`, a PNG of what the
        window shows, without asking."""
        if path is None:
            dialog = ExportDialog(
                self.state, self._corpus_name(), None, self, settings=self.settings
            )
            if dialog.exec() and dialog.written:
                self.statusBar().showMessage(f"Saved {dialog.written}", 8000)
            return dialog.written is not None
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_image(
                subject_of_state(self.state, self._corpus_name()),
                path,
                ImageOptions(width=max(1600, self.timeline_view.width())),
            )
        except Exception as exc:  # disk full, permissions, ...
            QApplication.restoreOverrideCursor()
            show_error(self, "Could not export image", f"{path}\n\n{_reason(exc)}")
            return False
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    # -- reactions ---------------------------------------------------------------------
    def _on_period_dragged(self, lo: float, hi: float) -> None:
        """Shift-drag on the timeline: Add period… for the days it covered."""
        store = self.state.store
        first, last = store.to_date(lo), store.to_date(max(hi - 1e-6, lo))
        start = FuzzyDate.from_date(first)
        self.workbench.add_period(
            start if last <= first else start.span_to(FuzzyDate.from_date(last))
        )

    def _on_view_restored(self, name: str, has_range: bool) -> None:
        if not has_range:  # saved showing everything it filtered: fit what it shows now
            self.timeline_view.zoom_to_fit()
        self.statusBar().showMessage(f"View “{name}”", 8000)

    def _on_timeline_changed(self) -> None:
        tl = self.state.timeline
        name = self._corpus_name()
        self.setWindowTitle(plain.window_title(f"{name} — Timeline") if name else "Timeline")
        n = len(self.state.store)
        m = self._articles
        shown = len(self.state.shown)
        count = f"{n:,} event{'s' if n != 1 else ''}"
        if shown != n:
            count = f"{shown:,} of {count} shown"
        self.summary.setText(f"{count} from {m:,} document{'s' if m != 1 else ''}")
        self.export_action.setEnabled(bool(tl.events))
        self.export_data_action.setEnabled(bool(tl.events))
        self.overview.setVisible(bool(n))
        folder = self.folder_loader.folder
        if folder is not None and folder != self._opened:  # a folder or file was opened
            self._opened = folder
            self.settings.add_recent(folder)
            self.settings.set_last_folder("open", folder if folder.is_dir() else folder.parent)

    def _on_new_timeline(self) -> None:
        """Count the articles once per timeline (10,000 documents take 10 ms, and filters,
        which show the count again, change often)."""
        self._articles = article_outlets(self.state.timeline.documents, is_article).total()
        self._on_timeline_changed()

    def _on_color_scheme_changed(self, *args) -> None:
        if self._fixed_scheme is None:
            self.apply_scheme(appearance.requested_scheme())

    def _on_lane_mode_changed(self, mode: str) -> None:
        self.settings.set_value("view/lane_mode", mode)

    def _corpus_name(self) -> str:
        folder = self.folder_loader.folder
        return self.state.timeline.name or (folder.name if folder else "")

    # -- appearance and memory ------------------------------------------------------------
    def apply_scheme(self, scheme: str) -> None:
        """Draw the window light or dark ("light", "dark"), whatever the desktop asks."""
        if scheme not in appearance.SCHEMES:
            raise ValueError(f"no colour scheme {scheme!r}; use light or dark")
        self.scheme = scheme
        appearance.apply_scheme(scheme)
        appearance.restyle_plot(self.timeline_view.plot, axis_text=style.TEXT)
        appearance.restyle_plot(self.overview.plot, axis_text=style.MUTED)
        appearance.restyle_background(self.timeline_view.legend)
        for view in (self.event_list, self.detail_pane):
            view.update()

    def _restore(self) -> None:
        """Geometry, splitters and lane mode as the last window left them."""
        remembered = self.settings
        geometry = remembered.blob("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (("window/splitter", self.splitter), ("window/beside", self.beside)):
            sizes = remembered.numbers(key)
            if len(sizes) == splitter.count() and all(v > 0 for v in sizes):
                splitter.setSizes(sizes)
        mode = remembered.text("view/lane_mode", "none")
        if mode in LANE_MODES:
            self.state.set_lane_mode(mode)

    def save_settings(self) -> None:
        """Keep the geometry and splitters (done when the window closes)."""
        remembered = self.settings
        remembered.set_value("window/geometry", self.saveGeometry())
        remembered.set_value("window/splitter", self.splitter.sizes())
        remembered.set_value("window/beside", self.beside.sizes())
        remembered.set_value("view/lane_mode", self.state.lane_mode)
        remembered.sync()

    def _open_folder_start(self) -> Path:
        """Where File › Open starts: the open folder, else the last one opened, else home."""
        folder = self.folder_loader.folder
        if folder is not None:
            return save_folder(folder)
        return self.settings.last_folder("open") or Path.home()

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in self.settings.recent():
            act = menu.addAction(plain.tab_text(shown(path)))
            act.setEnabled(path.exists())
            act.triggered.connect(lambda checked=False, p=path: self.open_folder(p))
        if menu.isEmpty():
            menu.addAction("No recent folders").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("&Clear menu", self.settings.clear_recent)

    def closeEvent(self, event) -> None:  # Qt override: stop loading and watching
        self.save_settings()
        self.edit_actions.finish()  # edits still on their way are saved, not lost
        self.folder_loader.shutdown()
        super().closeEvent(event)


def _column(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for w in widgets:
        layout.addWidget(w)
    layout.setStretch(len(widgets) - 1, 1)
    return box


def show_error(parent: QWidget, title: str, text: str) -> None:
    """A modal error box that shows `text` literally (Qt would guess rich text)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        plain.window_title(title),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
