"""A desktop app remembers (issue 12, points 5 and 7): geometry, splitters, lane mode, the
folders opened (File › Open Recent), export settings and the folders saved into — restored
in a second window. Every test keeps its settings in its own ini file under tmp_path (or in
memory): the user's settings are never read or written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from timeline_app.gui import plain
from timeline_app.gui.export_dialog import ExportDialog
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.settings import RECENT_MAX, Settings, default_folder, user_settings
from timeline_app.gui.state import TimelineState

from .factories import make_timeline
from .helpers import settle, show_window


@pytest.fixture
def ini(tmp_path) -> Path:
    return tmp_path / "settings" / "timeline-app.ini"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder of the test's own: QStandardPaths reads Pictures and Documents from it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def window(qtbot, ini: Path, **kwargs) -> MainWindow:
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    timeline = make_timeline()
    win = MainWindow(
        load=lambda path: timeline, state=TimelineState(timeline), settings=settings, **kwargs
    )
    return show_window(qtbot, win)


def open_and_wait(qtbot, win: MainWindow, path: Path) -> None:
    assert win.open_folder(path)
    qtbot.waitUntil(lambda: win.folder_loader.folder == path and not win.folder_loader.busy)
    settle()


def recent_entries(win: MainWindow) -> list[str]:
    win.recent_menu.aboutToShow.emit()
    return [a.text() for a in win.recent_menu.actions() if not a.isSeparator()]


def test_a_second_window_opens_as_the_first_was_left(qtbot, ini, tmp_path):
    first = window(qtbot, ini)
    first.resize(first.minimumSizeHint().width(), 560)  # the test screen is 800 x 800
    first.move(20, 30)
    settle()
    size, pos = first.size(), first.pos()
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert size.height() != fresh.height()  # not what a window gets by default
    first.splitter.setSizes([300, 200])
    first.beside.setSizes([500, 200])
    first.state.set_lane_mode("outlet")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    open_and_wait(qtbot, first, corpus)
    sizes = first.splitter.sizes(), first.beside.sizes()
    first.close()
    assert ini.exists()

    second = window(qtbot, ini)
    # wider than the screen, the window is shifted left onto it; the rest is as it was
    assert (second.size(), second.pos().y()) == (size, pos.y())
    assert (second.splitter.sizes(), second.beside.sizes()) == sizes
    assert second.state.lane_mode == "outlet"
    assert recent_entries(second)[0] == str(corpus)


def test_open_recent_lists_the_last_folders_first_and_opens_them(qtbot, ini, tmp_path):
    win = window(qtbot, ini)
    assert recent_entries(win) == ["No recent folders"]
    folders = [tmp_path / f"corpus{k}" for k in range(RECENT_MAX + 2)]
    for folder in folders:
        folder.mkdir()
    for folder in (*folders, folders[0]):  # the first again: moves to the top, not twice
        open_and_wait(qtbot, win, folder)
    entries = recent_entries(win)
    assert entries[:3] == [str(folders[0]), str(folders[-1]), str(folders[-2])]
    assert len(entries) == RECENT_MAX + 1 and entries[-1] == "&Clear menu"
    folders[-1].rmdir()  # gone since: shown, but cannot be opened
    win.recent_menu.aboutToShow.emit()
    gone = next(a for a in win.recent_menu.actions() if a.text() == str(folders[-1]))
    assert not gone.isEnabled()
    again = next(a for a in win.recent_menu.actions() if a.text() == str(folders[-2]))
    again.trigger()
    qtbot.waitUntil(lambda: win.folder_loader.folder == folders[-2] and not win.folder_loader.busy)
    next(a for a in win.recent_menu.actions() if a.text() == "&Clear menu").trigger()
    assert recent_entries(win) == ["No recent folders"]


def test_export_dialog_offers_pictures_then_the_last_folder_and_keeps_its_options(
    qtbot, corpus, home, ini
):
    pictures = home / "Pictures"
    settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    dialog = ExportDialog(TimelineState(corpus), corpus.name, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.folder == home  # no Pictures folder yet: home, never the corpus folder
    pictures.mkdir()
    dialog = ExportDialog(TimelineState(corpus), corpus.name, settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.folder == pictures
    dialog.format.setCurrentText("PDF document")
    dialog.theme.setCurrentText("dark")
    dialog.page.setCurrentText("A3")
    dialog.orientation.setCurrentText("portrait")
    saved = home / "talks" / "out.pdf"
    saved.parent.mkdir()
    assert dialog.export_to(saved)

    again = ExportDialog(
        TimelineState(corpus),
        corpus.name,
        settings=Settings(QSettings(str(ini), QSettings.Format.IniFormat)),
    )
    qtbot.addWidget(again)
    assert again.folder == saved.parent
    assert (again.fmt, again.theme.currentText()) == ("pdf", "dark")
    assert (again.page.currentText(), again.orientation.currentText()) == ("A3", "portrait")
    assert again.page.isEnabled() and not again.width_px.isEnabled()


def test_the_save_dialog_starts_in_the_offered_folder(qtbot, corpus, home, monkeypatch):
    (home / "Pictures").mkdir()
    offered = []

    def fake_save(parent, caption, start, filters):
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    dialog = ExportDialog(TimelineState(corpus), corpus.name, settings=Settings())
    qtbot.addWidget(dialog)
    dialog.choose_and_export()
    assert Path(offered[0]).parent == home / "Pictures"


def test_export_data_offers_documents_then_the_last_folder(qtbot, ini, home, monkeypatch):
    (home / "Documents").mkdir()
    elsewhere = home / "exports"
    elsewhere.mkdir()
    offered = []

    def fake_save(parent, caption, start, filters):
        offered.append(Path(start).parent)
        return str(elsewhere / "events.json"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    win = window(qtbot, ini)
    assert win.export_data()
    assert (elsewhere / "events.json").exists()
    assert win.export_data()
    assert offered == [home / "Documents", elsewhere]


def test_default_folders_fall_back_to_home(home):
    assert default_folder("images") == default_folder("data") == home
    (home / "Documents").mkdir()
    assert default_folder("data") == home / "Documents"


def test_unreadable_values_are_ignored(qtbot, ini):
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[window]\nsplitter=a, b\nbeside=1\ngeometry=nonsense\n"
        "[view]\nlane_mode=sideways\n[export]\nwidth=huge\ntheme=purple\n"
    )
    win = window(qtbot, ini)
    assert win.state.lane_mode == "none"
    assert all(size > 0 for size in win.splitter.sizes())
    dialog = ExportDialog(
        win.state, "t", settings=Settings(QSettings(str(ini), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(dialog)
    assert (dialog.width_px.value(), dialog.theme.currentText()) == (1600, "light")


def test_the_app_keeps_its_settings_beside_its_projects_when_told(monkeypatch, tmp_path):
    monkeypatch.setenv("TIMELINE_APP_HOME", str(tmp_path))
    assert Path(user_settings().fileName()) == tmp_path / "settings.ini"


def test_a_window_without_settings_remembers_nothing(qtbot, tmp_path):
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(make_timeline())))
    win.state.set_lane_mode("actor")
    win.close()
    assert win.settings.store is None
    assert not list(tmp_path.iterdir())


def test_recent_names_are_shown_literally_and_unstorable_ones_skipped(qtbot, ini, tmp_path):
    win = window(qtbot, ini)
    odd = tmp_path / "a\x1b[2Jb & c"
    odd.mkdir()
    win.settings.add_recent(odd)
    win.settings.add_recent(tmp_path / "caf\udce9")  # not UTF-8: no settings file holds it
    assert recent_entries(win)[0] == plain.tab_text(str(tmp_path / "a\\x1b[2Jb & c"))
    assert len(win.settings.recent()) == 1
