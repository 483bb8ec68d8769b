"""run_gui never lets Qt abort: without a display it says what to do instead."""

from __future__ import annotations

import sys

import timeline_app.gui.app as app_module
from timeline_app.gui import run_gui
from timeline_app.render.display import has_display


def test_no_display_prints_one_line_and_returns_2(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    assert not has_display()

    def no_load(path):
        raise AssertionError("must not load without a display")

    assert run_gui(None, no_load) == 2
    err = capsys.readouterr().err
    assert err == app_module.NO_DISPLAY_MESSAGE + "\n"
    assert "timeline-app export PATH -o timeline.png" in err


def test_a_display_or_platform_counts(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert has_display()


def test_missing_xcb_library_is_reported_instead_of_aborting(monkeypatch, capsys):
    import ctypes.util

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":99")
    for var in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert run_gui(None, lambda path: None) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "libxcb-cursor" in err
