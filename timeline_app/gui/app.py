"""Entry point of the desktop GUI, called by the CLI."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from timeline_app.model import Timeline

from ..render.display import has_display, xcb_problem

__all__ = ["run_gui", "NO_DISPLAY_MESSAGE"]

NO_DISPLAY_MESSAGE = (
    "timeline-app: no display found; to render the timeline without a window "
    "use: timeline-app export PATH -o timeline.png"
)


def run_gui(path: Path | None, load: Callable[[Path], Timeline] | None = None) -> int:
    """Open the main window and start loading `path` (a folder or an article) in the
    background, through its project store unless a `load` function is given; return the
    exit code. The window keeps what it remembers in the user's settings
    (`settings.user_settings`).

    Returns 2 with a one-line message on stderr when there is no display or Qt's X11
    libraries are missing, instead of letting Qt abort the process.
    """
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    problem = xcb_problem()
    if problem is not None:
        print(f"timeline-app: cannot open a window: {problem}", file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow
    from .settings import user_settings

    app = QApplication.instance() or QApplication(sys.argv[:1] or ["timeline-app"])
    app.setOrganizationName("timeline-app")
    app.setApplicationName("timeline-app")
    window = MainWindow(load, settings=user_settings())
    window.show()
    if path is not None:  # load once the window is up, so that progress and errors show in it
        QTimer.singleShot(0, lambda: window.open_folder(Path(path)))
    return app.exec()
