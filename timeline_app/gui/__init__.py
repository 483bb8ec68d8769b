"""The desktop GUI (PySide6 + pyqtgraph); the only package that imports Qt.

Importing this package does not load Qt: `run_gui` imports it once a display is known.
"""

from .app import run_gui

__all__ = ["run_gui"]
