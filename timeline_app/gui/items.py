"""Custom plot items that draw many events in one pass (one item, not one per event).

Both items keep their data in plot coordinates (x in days, y in rows) but paint in device
pixels, so bars keep a fixed thickness and text stays crisp at any zoom.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from . import style
from .layout import LABEL_GAP, MIN_BAR, MIN_LABEL

__all__ = ["Bar", "BarsItem", "Label", "LabelsItem"]


@dataclass(frozen=True, slots=True)
class Bar:
    event_id: str
    x0: float
    x1: float
    row: int
    inferred: bool
    tip: str


@dataclass(frozen=True, slots=True)
class Label:
    """A label `dx` px right of `anchor_x`, at most `width` px wide; `inside` a bar ending
    at `bar_end` (then it slides right while the bar's start is scrolled out of view)."""

    event_id: str
    anchor_x: float
    row: int
    dx: float
    width: float
    text: str
    inside: bool = False
    bar_end: float = 0.0


def _union_rect(xs0: list[float], xs1: list[float], rows: list[int]) -> QRectF:
    if not xs0:
        return QRectF()
    return QRectF(min(xs0), min(rows) - 1.0, max(xs1) - min(xs0), max(rows) - min(rows) + 2.0)


class BarsItem(pg.GraphicsObject):
    """Month- and year-precision events as hatched bars over their whole interval.

    Signals:
        clicked(str): the id of the event whose bar was clicked.
    """

    clicked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._bars: list[Bar] = []
        self._selected: str | None = None
        self._bounds = QRectF()
        self._tip_shown = False

    def set_bars(self, bars: list[Bar], slack: float) -> None:
        """Replace all bars; `slack` (days) widens the bounds for minimum-width bars."""
        self.prepareGeometryChange()
        self._bars = bars
        rect = _union_rect([b.x0 for b in bars], [b.x1 for b in bars], [b.row for b in bars])
        self._bounds = rect.adjusted(-slack, 0, slack, 0)
        self.update()

    def set_selected(self, event_id: str | None) -> None:
        self._selected = event_id
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        tr = p.transform()
        view = tr.mapRect(vb.viewRect()).adjusted(-10, -10, 10, 10) if vb else None
        p.resetTransform()
        hatch, fill = style.hatch_brush(), style.APPROX_FILL
        for bar in self._bars:
            rect = self._device_rect(tr, bar)
            if view is not None:  # skip bars out of view; clip huge ones when zoomed in
                if not rect.intersects(view):
                    continue
                rect = QRectF(max(rect.left(), view.left()), rect.top(),
                              min(rect.right(), view.right()) - max(rect.left(), view.left()),
                              rect.height())
            selected = bar.event_id == self._selected
            p.fillRect(rect, style.SELECTED_BG if selected else fill)
            p.fillRect(rect, hatch)
            p.setPen(style.bar_pen(bar.inferred, selected))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)

    @staticmethod
    def _device_rect(tr, bar: Bar) -> QRectF:
        a = tr.map(QPointF(bar.x0, bar.row))
        b = tr.map(QPointF(bar.x1, bar.row))
        left, right = round(a.x()), round(max(b.x(), a.x() + MIN_BAR))
        top = round(a.y() - style.BAR_PX / 2)
        return QRectF(left + 0.5, top + 0.5, right - left, style.BAR_PX)

    def bar_at(self, pos: QPointF) -> Bar | None:
        """The bar under `pos` (item coordinates), honouring the minimum drawn width."""
        px_w, px_h = abs(self.pixelWidth()) or 1.0, abs(self.pixelHeight()) or 1.0
        for bar in reversed(self._bars):
            x1 = max(bar.x1, bar.x0 + MIN_BAR * px_w)
            if bar.x0 <= pos.x() <= x1 and abs(pos.y() - bar.row) <= style.BAR_PX / 2 * px_h:
                return bar
        return None

    def mouseClickEvent(self, ev) -> None:  # pyqtgraph override
        bar = self.bar_at(ev.pos()) if ev.button() == Qt.MouseButton.LeftButton else None
        if bar is None:
            ev.ignore()
            return
        ev.accept()
        self.clicked.emit(bar.event_id)

    def hoverEvent(self, ev) -> None:  # pyqtgraph override
        vb = self.getViewBox()
        if vb is None:
            return
        bar = None if ev.isExit() else self.bar_at(ev.pos())
        if bar is not None:
            vb.setToolTip(bar.tip)
            self._tip_shown = True
        elif self._tip_shown:
            vb.setToolTip("")
            self._tip_shown = False


class LabelsItem(pg.GraphicsObject):
    """Every event title, placed by `layout.stack` and elided to the room it was given."""

    def __init__(self) -> None:
        super().__init__()
        self._labels: list[Label] = []
        self._selected: str | None = None
        self._bounds = QRectF()
        self._font = style.label_font()
        self._metrics = QFontMetricsF(self._font)
        self._widths: dict[str, float] = {}

    def set_labels(self, labels: list[Label], px_per_day: float) -> None:
        self.prepareGeometryChange()
        self._labels = labels
        if len(self._widths) > 4 * len(labels) + 100:
            self._widths.clear()
        dpp = 1.0 / px_per_day if px_per_day > 0 else 0.0
        ends = [lb.anchor_x + (lb.dx + lb.width) * dpp for lb in labels]
        self._bounds = _union_rect([lb.anchor_x for lb in labels], ends,
                                   [lb.row for lb in labels])
        self.update()

    def set_selected(self, event_id: str | None) -> None:
        self._selected = event_id
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def visible_labels(self) -> list[tuple[str, str, QRectF]]:
        """(event id, text as drawn, scene rectangle) of each label now shown."""
        vb = self.getViewBox()
        if vb is None:
            return []
        view = self.mapRectToScene(vb.viewRect())
        return [(lb.event_id, text, rect)
                for lb, text, rect in self._place(self.sceneTransform(), view)]

    def _place(self, tr, view: QRectF) -> list[tuple[Label, str, QRectF]]:
        """Each drawable label with its elided text and rectangle, in `tr`'s coordinates."""
        out = []
        height = self._metrics.height()
        for lb in self._labels:
            if lb.width <= 0:
                continue
            anchor = tr.map(QPointF(lb.anchor_x, lb.row))
            start, end = anchor.x() + lb.dx, anchor.x() + lb.dx + lb.width
            if lb.inside and start < view.left() + LABEL_GAP:
                bar_end = tr.map(QPointF(lb.bar_end, lb.row)).x() - LABEL_GAP
                start = view.left() + LABEL_GAP
                end = max(end, min(start + lb.width, bar_end))
            end = min(end, view.right() - 2)
            if end <= view.left() or start >= view.right():
                continue
            full = self._text_width(lb.text)
            if end - start < min(MIN_LABEL, full):
                continue
            if full <= end - start + 1:  # elidedText cuts text that fits to the last pixel
                text, width = lb.text, full
            else:
                text = self._metrics.elidedText(lb.text, Qt.TextElideMode.ElideRight,
                                                end - start)
                width = self._metrics.horizontalAdvance(text)
            out.append((lb, text, QRectF(start, anchor.y() - height / 2, width, height)))
        return out

    def _text_width(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        tr = p.transform()
        view = tr.mapRect(vb.viewRect())
        p.resetTransform()
        p.setFont(self._font)
        halo = QColor(255, 255, 255, 200)
        for lb, text, rect in self._place(tr, view):
            if lb.event_id == self._selected:
                p.fillRect(rect.adjusted(-3, -1, 3, 1), style.SELECTED_BG)
            elif lb.inside:
                p.fillRect(rect.adjusted(-2, 0, 2, 0), halo)
            p.setPen(style.TEXT)
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                       | Qt.TextFlag.TextDontClip, text)
