"""Light or dark, as the desktop asks: the window follows the system's colour scheme.

Qt 6.5+ reports the scheme (`QStyleHints.colorScheme`) and signals its changes; where it
says nothing (Unknown) a dark platform palette counts as dark. The timeline's colours are
the palettes of exported pictures (plan/palette.py, through render/style.py), so the window
in dark mode looks like a dark export. Where the platform gives widgets no palette of the
scheme (a bare X11 session, the offscreen platform), a Fusion palette of the same colours
is set on the application.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ..plan.palette import Theme, theme
from ..render import style

__all__ = [
    "SCHEMES",
    "apply_scheme",
    "dark_palette",
    "requested_scheme",
    "restyle_background",
    "restyle_plot",
]

SCHEMES = ("light", "dark")
_platform_palette: QPalette | None = None  # the application's palette before ours
_overridden = False  # whether the application has our palette


def requested_scheme() -> str:
    """ "dark" or "light": what the desktop asks for."""
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    if scheme == Qt.ColorScheme.Light:
        return "light"
    window = _original_palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightness() < 128 else "light"


def apply_scheme(scheme: str) -> None:
    """Use `scheme` for the timeline's colours and, where the platform's palette is of the
    other scheme, for the application's widgets (else the platform's palette stays, and
    follows the desktop as Qt makes it)."""
    global _overridden
    pal = theme(scheme)
    style.use_theme(pal)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    platform = _original_palette()
    platform_dark = platform.color(QPalette.ColorRole.Window).lightness() < 128
    if (scheme == "dark") != platform_dark:
        app.setPalette(dark_palette(pal) if scheme == "dark" else app.style().standardPalette())
        _overridden = True
    elif _overridden:
        app.setPalette(platform)
        _overridden = False


def dark_palette(t: Theme) -> QPalette:
    """A widget palette in the dark picture theme's colours."""
    p = QPalette()
    window, base, button = QColor("#25282d"), QColor(t.background), QColor("#2d3137")
    text, muted = QColor(t.text), QColor(t.muted)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(t.band),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: muted,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor("#ffffff"),
        QPalette.ColorRole.Light: QColor("#3a3f47"),
        QPalette.ColorRole.Midlight: QColor("#33373e"),
        QPalette.ColorRole.Mid: QColor("#4a5059"),
        QPalette.ColorRole.Dark: QColor("#15171a"),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.Highlight: QColor("#2f6ea8"),
        QPalette.ColorRole.HighlightedText: QColor("#ffffff"),
        QPalette.ColorRole.Link: QColor(t.event),
        QPalette.ColorRole.LinkVisited: QColor(t.planned),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f747c"))
    return p


def restyle_plot(plot: pg.PlotWidget, *, axis_text: QColor) -> None:
    """Give a pyqtgraph plot the current colours where it copied them when it was made:
    its background, axis pens, a curve's pen and fill, a message's colour."""
    plot.setBackground(style.BACKGROUND)
    item = plot.getPlotItem()
    for axis in item.axes.values():
        axis["item"].setPen(style.MUTED)
        axis["item"].setTextPen(axis_text)
    for child in item.items:
        if isinstance(child, pg.PlotCurveItem):
            fill = QColor(style.EVENT)
            fill.setAlpha(110)
            child.setPen(pg.mkPen(style.EVENT, width=1))
            child.setBrush(fill)
        elif isinstance(child, pg.TextItem):
            child.setColor(style.MUTED)
    plot.viewport().update()


def restyle_background(widget: QWidget) -> None:
    """A widget that fills its own background (the legend) in the current colours."""
    pal = widget.palette()
    pal.setColor(widget.backgroundRole(), style.BACKGROUND)
    widget.setPalette(pal)
    widget.update()


def _original_palette() -> QPalette:
    """The platform's palette: the application's, as long as ours has not replaced it."""
    global _platform_palette
    if _platform_palette is None or not _overridden:
        _platform_palette = QPalette(QGuiApplication.palette())
    return _platform_palette
