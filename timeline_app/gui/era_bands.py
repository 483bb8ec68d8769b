"""Eras behind the timeline: each era's interval tinted the full height of the plot, its
name in the strip the view keeps above the rows (plan/eras.py plans both, as pictures do);
hovering the strip shows an era's whole name and its dates."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from ..plan.eras import EraBand, label_room
from ..render import style
from . import plain
from .items import HoverTips

__all__ = ["EraBandsItem"]


class EraBandsItem(HoverTips, pg.GraphicsObject):
    """Era bands (x in days from the store's reference date) and their names, drawn in
    device pixels so the names stay crisp; `strip_bottom` is the y (rows) where the names'
    strip ends and the rows begin. Takes no clicks: the events above it do."""

    def __init__(self) -> None:
        super().__init__()
        self.bands: list[EraBand] = []
        self.strip_bottom = -0.5
        self._bounds = QRectF()
        self._font = style.era_font()
        self._metrics = QFontMetricsF(self._font)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_bands(self, bands: list[EraBand], strip_bottom: float, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self.bands = bands
        self.strip_bottom = strip_bottom
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def visible_labels(self) -> list[tuple[str, float, float]]:
        """The names drawn and where, (text, left px, right px) in view-box pixels: those
        of the eras in view with room for them, elided to their room."""
        vb = self.getViewBox()
        if vb is None:
            return []
        lo, hi = vb.viewRange()[0]
        width = vb.width()
        if hi <= lo or width <= 0:
            return []
        k = width / (hi - lo)
        out = []
        for b in self.bands:
            if not b.label or b.x1 <= lo or b.x0 >= hi:
                continue
            start, end = label_room((b.x0 - lo) * k, (b.label_end - lo) * k, 0.0, width)
            text = self._metrics.elidedText(b.label, Qt.TextElideMode.ElideRight, end - start)
            if end > start and text and text != "…":
                out.append((text, start, start + self._metrics.horizontalAdvance(text)))
        return out

    def band_at(self, pos: QPointF) -> EraBand | None:
        """The era whose name's strip is under `pos` (item coordinates): of eras that
        overlap there, the one that starts last, as its name is the one drawn there."""
        if pos.y() >= self.strip_bottom:
            return None
        under = [b for b in self.bands if b.x0 <= pos.x() < b.x1]
        return under[-1] if under else None

    def hoverEvent(self, ev) -> None:  # pyqtgraph override: the whole name and the dates
        band = None if ev.isExit() else self.band_at(ev.pos())
        tip = None if band is None else f"{band.label or 'Era'}\n{band.dates}"
        self.show_tip(None if tip is None else plain.tooltip(tip))

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        if vb is None or not self.bands:
            return
        tr = p.transform()
        view = tr.mapRect(vb.viewRect())
        p.resetTransform()
        for b in self.bands:
            x0 = max(tr.map(QPointF(b.x0, 0)).x(), view.left())
            x1 = min(tr.map(QPointF(b.x1, 0)).x(), view.right())
            if x1 > x0:
                rect = QRectF(x0, view.top(), x1 - x0, view.height())
                p.fillRect(rect, style.era_tint(style.ERA, b.shade))
        strip_bottom = tr.map(QPointF(0, self.strip_bottom)).y()
        m = self._metrics
        baseline = (view.top() + strip_bottom + m.ascent() - m.descent()) / 2
        p.setFont(self._font)
        p.setPen(style.ERA_TEXT)
        for text, start, _ in self.visible_labels():
            p.drawText(QPointF(view.left() + start, baseline), text)
