"""Colours, fonts, pens and brushes shared by the window's plot items, its legend and the
exported pictures (sizes: plan/sizes.py).

The colours are the light or dark palette of exported pictures (plan/palette.py), as the
desktop asks (`use_theme`, called by the window when the colour scheme changes). They are
changed in place, so every module that imported them, and every pen or brush made from
them from then on, draws in the new scheme.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF

from ..plan.palette import LIGHT, Theme
from ..plan.sizes import DIAMOND_R

EVENT = QColor(LIGHT.event)
APPROX_FILL = QColor(LIGHT.approx_fill)
APPROX_HATCH = QColor(LIGHT.hatch)
SELECTED = QColor("#e8590c")
SELECTED_BG = QColor(255, 224, 189)
TEXT = QColor(LIGHT.text)
MUTED = QColor(LIGHT.muted)
BACKGROUND = QColor(LIGHT.background)
BAND = QColor(LIGHT.band)  # every other lane
RULE = QColor(LIGHT.rule)  # lines between lanes
HALO = QColor(LIGHT.halo)  # behind a label over a bar
# Planned or expected events (a plan, deadline or forecast, not a fact): their own hue and
# shape (a diamond), so they never pass for something that happened, in colour or in grey.
PLANNED = QColor(LIGHT.planned)
PLANNED_FILL = QColor(LIGHT.planned_fill)
PLANNED_HATCH = QColor(LIGHT.planned_hatch)
# Eras (named periods from a TimelineJS file): a soft tint behind the events, their name
# in a warm hue of its own, apart from the events' blue and the plans' violet.
ERA = QColor(LIGHT.era)
ERA_TEXT = QColor(LIGHT.era_text)

# the selection is the window's own (pictures have none): orange on either background
_SELECTION = {"light": ("#e8590c", "#ffe0bd"), "dark": ("#ff8c42", "#6b3a17")}
_current = LIGHT


def use_theme(theme: Theme) -> None:
    """Draw the window in `theme` from now on (the colours above change in place)."""
    global _current
    _current = theme
    for color, value in (
        (EVENT, theme.event),
        (APPROX_FILL, theme.approx_fill),
        (APPROX_HATCH, theme.hatch),
        (TEXT, theme.text),
        (MUTED, theme.muted),
        (BACKGROUND, theme.background),
        (BAND, theme.band),
        (RULE, theme.rule),
        (HALO, theme.halo),
        (PLANNED, theme.planned),
        (PLANNED_FILL, theme.planned_fill),
        (PLANNED_HATCH, theme.planned_hatch),
        (ERA, theme.era),
        (ERA_TEXT, theme.era_text),
        (SELECTED, _SELECTION[theme.name][0]),
        (SELECTED_BG, _SELECTION[theme.name][1]),
    ):
        color.setRgba(QColor(value).rgba())


def current_theme() -> Theme:
    """The palette the window draws in."""
    return _current


def era_tint(color: QColor, shade: int) -> QColor:
    """An era's tint (the palette's `era`): every other era (`shade` 1) at half the
    strength, so that neighbours read apart."""
    tint = QColor(color)
    if shade:
        tint.setAlphaF(tint.alphaF() / 2)
    return tint


def era_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8.5)
    font.setBold(True)
    return font


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
    return QPolygonF(
        [
            QPointF(c.x(), c.y() - r),
            QPointF(c.x() + r, c.y()),
            QPointF(c.x(), c.y() + r),
            QPointF(c.x() - r, c.y()),
        ]
    )


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
