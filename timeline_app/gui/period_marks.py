"""The periods and milestones the user drew (Edit › Add period…), over the timeline.

A period is shaded in an accent colour the full height of the plot, with an edge at each
end; a milestone (one day) is a dashed line. Their labels go in the strip above the rows,
as eras' names do, so they never cover an event's title; hovering a shade, a line or a
label shows the label and the dates. The file's own eras are drawn by `era_bands`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from timeline_app.model import Era

from ..render import style
from . import plain
from .items import HoverTips

__all__ = ["PERIOD_COLOR", "PeriodMark", "PeriodsItem", "TimelineViewBox", "period_marks"]

PERIOD_COLOR = QColor("#d9822b")  # reads on the light and the dark background alike
_SHADE_ALPHA = 38
_INSET = 4.0
_HIT_PX = 4.0  # how near a milestone's line the mouse must be for its tooltip


@dataclass(frozen=True, slots=True)
class PeriodMark:
    """A user period in plot units: days from the store's reference date."""

    label: str
    x0: float  # its first day
    x1: float  # the day after its last
    milestone: bool  # one day: a line at its middle, not a shade
    dates: str  # its dates in words, for the tooltip

    @property
    def line_x(self) -> float:
        return (self.x0 + self.x1) / 2


def period_marks(eras: list[Era], ref_ordinal: int) -> list[PeriodMark]:
    """The marks of the user's periods among `eras` (those with `user` set), by start."""
    marks = [
        PeriodMark(
            e.label,
            float(e.date.start.toordinal() - ref_ordinal),
            float(e.date.end.toordinal() + 1 - ref_ordinal),
            e.date.start == e.date.end,
            e.date.label(),
        )
        for e in eras
        if e.user
    ]
    return sorted(marks, key=lambda m: (m.x0, m.x1))


class PeriodsItem(HoverTips, pg.GraphicsObject):
    """Draws `PeriodMark`s; `strip_bottom` is the y (rows) where the label strip ends.
    Takes no clicks: the events over it do."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[PeriodMark] = []
        self.strip_bottom = -0.5
        self._bounds = QRectF()
        self._font = style.era_font()
        self._metrics = QFontMetricsF(self._font)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(True)

    def set_marks(self, marks: list[PeriodMark], strip_bottom: float, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self.marks = marks
        self.strip_bottom = strip_bottom
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def visible_labels(self) -> list[tuple[str, float, float]]:
        """(text, left px, right px) of each label drawn, in view-box pixels: those in view
        with room, elided to the room before the next mark starts; a milestone's goes left
        of its line when the right edge would cut it."""
        vb = self.getViewBox()
        if vb is None:
            return []
        lo, hi = vb.viewRange()[0]
        width = vb.width()
        if hi <= lo or width <= 0:
            return []
        k = width / (hi - lo)
        out = []
        for n, m in enumerate(self.marks):
            left = ((m.line_x if m.milestone else m.x0) - lo) * k
            right = ((m.line_x if m.milestone else m.x1) - lo) * k
            if left >= width or right < 0:
                continue
            start = max(left, 0.0) + _INSET
            nxt = [(o.line_x if o.milestone else o.x0) for o in self.marks[n + 1 :]]
            stop = min([(x - lo) * k for x in nxt if (x - lo) * k > start] + [width]) - _INSET
            full = self._metrics.horizontalAdvance(m.label)
            if m.milestone and stop - start < full and left - _INSET - full >= 0:
                start = left - _INSET - full  # no room right of the line: left of it
                stop = left - _INSET + 1
            text = self._metrics.elidedText(m.label, Qt.TextElideMode.ElideRight, stop - start)
            if stop - start > 12 and text and text != "…":
                out.append((text, start, start + self._metrics.horizontalAdvance(text)))
        return out

    def mark_at(self, pos: QPointF) -> PeriodMark | None:
        """The mark under `pos` (item coordinates): a milestone's line within a few px,
        else the last-starting period whose span holds it."""
        vb = self.getViewBox()
        if vb is None:
            return None
        lo, hi = vb.viewRange()[0]
        px = (hi - lo) / max(vb.width(), 1.0)
        near = [m for m in self.marks if m.milestone and abs(pos.x() - m.line_x) <= _HIT_PX * px]
        if near:
            return near[0]
        under = [m for m in self.marks if not m.milestone and m.x0 <= pos.x() < m.x1]
        return under[-1] if under else None

    def hoverEvent(self, ev) -> None:  # pyqtgraph override: the label and the dates
        mark = None if ev.isExit() else self.mark_at(ev.pos())
        self.show_tip(None if mark is None else plain.tooltip(f"{mark.label}\n{mark.dates}"))

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        if vb is None or not self.marks:
            return
        tr = p.transform()
        view = tr.mapRect(vb.viewRect())
        p.resetTransform()
        shade = QColor(PERIOD_COLOR)
        shade.setAlpha(_SHADE_ALPHA)
        edge = QPen(PERIOD_COLOR, 1.0)
        line = QPen(PERIOD_COLOR, 2.0, Qt.PenStyle.DashLine)
        for m in self.marks:
            if m.milestone:
                x = tr.map(QPointF(m.line_x, 0)).x()
                if view.left() <= x <= view.right():
                    p.setPen(line)
                    p.drawLine(QPointF(x, view.top()), QPointF(x, view.bottom()))
                continue
            x0, x1 = tr.map(QPointF(m.x0, 0)).x(), tr.map(QPointF(m.x1, 0)).x()
            a, b = max(x0, view.left()), min(x1, view.right())
            if b <= a:
                continue
            p.fillRect(QRectF(a, view.top(), b - a, view.height()), shade)
            p.setPen(edge)
            for x in (x0, x1):
                if view.left() <= x <= view.right():
                    p.drawLine(QPointF(x, view.top()), QPointF(x, view.bottom()))
        strip_bottom = tr.map(QPointF(0, self.strip_bottom)).y()
        metrics = self._metrics
        baseline = (view.top() + strip_bottom + metrics.ascent() - metrics.descent()) / 2
        p.setFont(self._font)
        p.setPen(PERIOD_COLOR.darker(130))
        for text, start, _ in self.visible_labels():
            p.drawText(QPointF(view.left() + start, baseline), text)


class TimelineViewBox(pg.ViewBox):
    """The timeline's view box: a drag pans, as pyqtgraph's does; a drag with Shift held
    marks a stretch of time instead (a box follows the mouse), for a period.

    Signals:
        period_dragged(float, float): the stretch marked, [lo, hi] in plot x units.
    """

    period_dragged = Signal(float, float)

    def mouseDragEvent(self, ev, axis=None) -> None:  # pyqtgraph override
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if ev.button() != Qt.MouseButton.LeftButton or not shift:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        if not ev.isFinish():
            self.updateScaleBox(ev.buttonDownPos(), ev.pos())
            return
        self.rbScaleBox.hide()
        a = self.mapToView(ev.buttonDownPos()).x()
        b = self.mapToView(ev.pos()).x()
        self.period_dragged.emit(min(a, b), max(a, b))
