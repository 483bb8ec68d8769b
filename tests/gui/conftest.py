"""Fixtures for GUI tests: a factory timeline and a shown, settled main window."""

from __future__ import annotations

import pytest

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState

from .factories import make_timeline
from .helpers import settle, show_window

__all__ = ["settle"]  # tests import it from here


@pytest.fixture
def timeline():
    return make_timeline()


@pytest.fixture
def empty_window(qtbot):
    """The window as launched without a folder (the test opens one); closed after the test,
    which stops its loading and watching."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def window(qtbot, timeline):
    return show_window(qtbot, MainWindow(load=None, state=TimelineState(timeline)))
