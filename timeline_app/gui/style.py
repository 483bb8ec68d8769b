"""Colours, fonts, pens and sizes shared by the plot items, the legend and the export."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF

from .layout import DIAMOND_RADIUS

ROW_PX = 26  # vertical distance between timeline rows
BAR_PX = 12  # bar thickness
POINT_PX = 10  # point marker diameter
DIAMOND_R = DIAMOND_RADIUS  # centre to tip of a planned marker: as heavy as a dot
MAX_LABEL_PX = 360  # longer titles are elided

EVENT = QColor("#1f5f99")
APPROX_FILL = QColor(31, 95, 153, 55)
APPROX_HATCH = QColor(31, 95, 153, 120)
SELECTED = QColor("#e8590c")
SELECTED_BG = QColor(255, 224, 189)
TEXT = QColor("#1d1d1d")
MUTED = QColor("#6b6b6b")
BACKGROUND = QColor("white")
# Planned or expected events (a plan, deadline or forecast, not a fact): their own hue and
# shape (a diamond), so they never pass for something that happened, in colour or in grey.
PLANNED = QColor("#8e3fae")
PLANNED_FILL = QColor(142, 63, 174, 45)
PLANNED_HATCH = QColor(142, 63, 174, 110)
PLANNED_WORDS = "planned / expected"
FADED_OPACITY = 0.3  # events the user hid, when hidden events are shown


def label_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    return font


def axis_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    return font


def point_pen(inferred: bool) -> QPen:
    pen = QPen(EVENT, 2 if inferred else 1)
    pen.setCosmetic(True)
    return pen


def point_brush(inferred: bool) -> QBrush:
    """Inferred dates get a hollow marker: the text did not state them outright."""
    return QBrush(BACKGROUND) if inferred else QBrush(EVENT)


def bar_pen(inferred: bool, selected: bool = False) -> QPen:
    pen = QPen(SELECTED if selected else EVENT, 2.5 if selected else 1.2)
    pen.setCosmetic(True)
    if inferred:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def hatch_brush() -> QBrush:
    """Diagonal hatching: the bar spans the period the date could mean, not an exact day."""
    return QBrush(APPROX_HATCH, Qt.BrushStyle.BDiagPattern)


def selection_pen() -> QPen:
    pen = QPen(SELECTED, 3)
    pen.setCosmetic(True)
    return pen


def diamond(c: QPointF, r: float) -> QPolygonF:
    """A diamond centred on `c`, `r` from centre to tip: the shape of a planned event."""
    return QPolygonF([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                      QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())])


def planned_pen(inferred: bool, *, dashed: bool = False) -> QPen:
    """Thicker when inferred (the marker is hollow then), dashed for an inferred bar."""
    pen = QPen(PLANNED, 2 if inferred else 1.2)
    pen.setCosmetic(True)
    if dashed and inferred:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def planned_brush(inferred: bool) -> QBrush:
    """Filled when the date was stated, hollow when inferred, as for past events."""
    return QBrush(BACKGROUND) if inferred else QBrush(PLANNED)


def planned_hatch_brush() -> QBrush:
    return QBrush(PLANNED_HATCH, Qt.BrushStyle.BDiagPattern)


def draw_planned(p: QPainter, c: QPointF, inferred: bool) -> None:
    """The planned mark (timeline, legend, event list): a violet diamond, hollow when the
    date was inferred."""
    p.setPen(planned_pen(inferred))
    p.setBrush(planned_brush(inferred))
    p.drawPolygon(diamond(c, DIAMOND_R))
