"""Whether a window can be shown at all. No Qt import here: this runs before Qt loads."""

from __future__ import annotations

import os
import sys

__all__ = ["has_display", "use_offscreen_if_headless", "xcb_problem"]


def has_display() -> bool:
    """False on Linux/BSD with no X11/Wayland display and no Qt platform chosen.

    Without this check Qt aborts the process ("could not connect to display").
    """
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def use_offscreen_if_headless() -> None:
    """Select Qt's offscreen platform (before QApplication) when no window could open."""
    if not has_display() or xcb_problem() is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def xcb_problem() -> str | None:
    """Why Qt's X11 (xcb) platform would fail to load, or None.

    Qt aborts the process when the plugin's system libraries are missing (e.g. on a fresh
    Debian without libxcb-cursor0); checking first lets us say what to install instead.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or not os.environ.get("DISPLAY"):
        return None
    if os.environ.get("WAYLAND_DISPLAY") or (platform and not platform.startswith("xcb")):
        return None
    import ctypes
    import ctypes.util
    from importlib.util import find_spec

    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = os.path.join(
        spec.submodule_search_locations[0], "Qt", "plugins", "platforms", "libqxcb.so"
    )
    try:
        if os.path.exists(plugin):
            ctypes.CDLL(plugin)
    except OSError as exc:
        missing = str(exc).split(":")[0] if ".so" in str(exc) else str(exc)
        return f"a system library needed by Qt's X11 support is missing: {missing}"
    if ctypes.util.find_library("xcb-cursor") is None:
        return (
            "a system library needed by Qt's X11 support is missing: libxcb-cursor.so.0 "
            "(install the libxcb-cursor0 package)"
        )
    return None
