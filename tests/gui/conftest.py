"""Fixtures for GUI tests: a factory timeline and a shown, settled main window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState

from .factories import make_timeline


def settle() -> None:
    """Let Qt process resizes and range updates (a plot's range is [0, 1] until then)."""
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def timeline():
    return make_timeline()


@pytest.fixture
def window(qtbot, timeline):
    win = MainWindow(load=None, state=TimelineState(timeline))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle()
    win.timeline_view.zoom_to_fit()
    settle()
    return win
