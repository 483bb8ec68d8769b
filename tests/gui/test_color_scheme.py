"""The window follows the desktop's colour scheme (issue 12, point 7): dark when the desktop
asks for dark — the widgets' palette, pyqtgraph's background and axes, the timeline's marks
and text in the dark picture theme's colours — and back to light."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from timeline_app.gui import appearance
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.plan.palette import DARK, LIGHT
from timeline_app.render import style

from .factories import make_timeline
from .helpers import settle, show_window


@pytest.fixture(autouse=True)
def light_again():
    """Whatever a test did, the next one starts light (the palette is the application's)."""
    yield
    appearance.apply_scheme("light")


def dark_window(qtbot, **kwargs) -> MainWindow:
    return show_window(qtbot, MainWindow(load=None, state=TimelineState(make_timeline()), **kwargs))


def plot_background(win: MainWindow) -> QColor:
    plot = win.timeline_view.plot
    return plot.grab().toImage().pixelColor(plot.width() - 3, 3)


def test_a_dark_scheme_darkens_widgets_plot_and_marks(qtbot):
    win = dark_window(qtbot, scheme="dark")
    assert win.scheme == "dark"
    assert plot_background(win) == QColor(DARK.background)
    assert win.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert win.event_list.palette().color(QPalette.ColorRole.Base) == QColor(DARK.background)
    assert win.event_list.palette().color(QPalette.ColorRole.Text).lightness() > 200
    assert (style.EVENT.name(), style.TEXT.name()) == (DARK.event, DARK.text)
    # the marks are drawn in the dark theme's event colour
    image = win.timeline_view.plot.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert DARK.event in colours and LIGHT.event not in colours
    overview = win.overview.plot.grab().toImage()
    assert overview.pixelColor(overview.width() - 3, 3).lightness() < 60


def test_the_window_follows_the_desktop_when_it_changes(qtbot, monkeypatch):
    asked = ["light"]
    monkeypatch.setattr(appearance, "requested_scheme", lambda: asked[0])
    win = dark_window(qtbot)
    assert win.scheme == "light" and plot_background(win) == QColor(LIGHT.background)
    asked[0] = "dark"
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    settle()
    assert win.scheme == "dark" and plot_background(win) == QColor(DARK.background)
    asked[0] = "light"
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle()
    assert win.scheme == "light" and plot_background(win) == QColor(LIGHT.background)
    assert win.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_a_fixed_scheme_ignores_the_desktop(qtbot, monkeypatch):
    monkeypatch.setattr(appearance, "requested_scheme", lambda: "light")
    win = dark_window(qtbot, scheme="dark")
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle()
    assert win.scheme == "dark"


def test_the_desktop_scheme_is_read_from_qt():
    hints = QGuiApplication.styleHints()
    expected = {Qt.ColorScheme.Dark: "dark", Qt.ColorScheme.Light: "light"}
    if hints.colorScheme() in expected:
        assert appearance.requested_scheme() == expected[hints.colorScheme()]
    else:  # offscreen says Unknown: the platform palette decides (a light one here)
        assert appearance.requested_scheme() == "light"
    hints.setColorScheme(Qt.ColorScheme.Dark)  # Qt 6.8+: honoured where the platform can
    try:
        if hints.colorScheme() == Qt.ColorScheme.Dark:
            assert appearance.requested_scheme() == "dark"
    finally:
        hints.unsetColorScheme()


def test_an_unknown_scheme_is_refused(qtbot):
    win = dark_window(qtbot)
    with pytest.raises(ValueError, match="light or dark"):
        win.apply_scheme("sepia")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 180
