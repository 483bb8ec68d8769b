"""Where events are too many to draw one by one: a density strip with count bubbles.

One item draws every lane's strip (bins of a few px shaded by how many events overlap
them, on a log scale) and, every ~80 px (or once over cells holding the same events), a
bubble with the count; clicking a bubble asks the view to open that cluster. Its cost
depends on the pixels, not on the events.
A second item shades alternate lanes so their rows read as bands.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from ..plan import sizes
from ..render import style

__all__ = ["DensityItem", "LaneBandsItem", "Strip"]

Strip = tuple[float, np.ndarray, np.ndarray, list[tuple[float, float, int]]]
_BUBBLE_H = 16.0


def _count_text(n: int) -> str:
    return f"{n:,}" if n < 100_000 else f"{n / 1000:.0f}k"


class DensityItem(pg.GraphicsObject):
    """Density strips: (row y, bin edges, counts per bin, clusters (lo, hi, count)).

    Signals:
        cluster_clicked(float, float, float): the x range of the clicked cluster and the
            row of its strip.
    """

    cluster_clicked = Signal(float, float, float)

    def __init__(self) -> None:
        super().__init__()
        self.strips: list[Strip] = []
        self._bounds = QRectF()
        self._font = style.label_font()
        self._metrics = QFontMetricsF(self._font)

    def set_strips(self, strips: list[Strip], bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self.strips = strips
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def paint(self, p: QPainter, *args) -> None:
        if not self.strips:
            return
        tr = p.transform()
        p.resetTransform()
        sx, dx, sy, dy = tr.m11(), tr.m31(), tr.m22(), tr.m32()
        p.setFont(self._font)
        top_count = max((int(c.max()) for _, _, c, _ in self.strips if len(c)), default=1)
        scale = np.log1p(max(top_count, 1))
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        for y, edges, counts, clusters in self.strips:
            cy = y * sy + dy
            xs = edges * sx + dx
            if len(counts):  # the bins as one image row, stretched: one draw call
                alpha = np.where(counts > 0, 50 + 205 * np.log1p(counts) / scale, 0)
                rgba = np.empty((1, len(counts), 4), np.uint8)
                rgba[..., :3] = (style.EVENT.red(), style.EVENT.green(), style.EVENT.blue())
                rgba[..., 3] = np.clip(alpha, 0, 255)
                image = QImage(
                    rgba.data, len(counts), 1, 4 * len(counts), QImage.Format.Format_RGBA8888
                )
                p.drawImage(
                    QRectF(xs[0], cy - sizes.BAR_PX / 2, xs[-1] - xs[0], sizes.BAR_PX), image
                )
            for lo, hi, n in clusters:
                self._bubble(p, ((lo + hi) / 2) * sx + dx, cy, n)

    def _bubble(self, p: QPainter, x: float, y: float, n: int) -> None:
        text = _count_text(n)
        w = self._metrics.horizontalAdvance(text) + 10
        rect = QRectF(x - w / 2, y - _BUBBLE_H / 2, w, _BUBBLE_H)
        p.setPen(style.EVENT)
        p.setBrush(style.BACKGROUND)
        p.drawRoundedRect(rect, _BUBBLE_H / 2, _BUBBLE_H / 2)
        p.setPen(style.TEXT)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def cluster_at(self, pos: QPointF) -> tuple[float, float, float] | None:
        """The x range and strip row of the cluster under `pos` (item coordinates)."""
        px_h = abs(self.pixelHeight()) or 1.0
        for y, _, _, clusters in self.strips:
            if abs(pos.y() - y) > (_BUBBLE_H / 2 + 2) * px_h:
                continue
            for lo, hi, _ in clusters:
                if lo <= pos.x() < hi:
                    return lo, hi, y
        return None

    def mouseClickEvent(self, ev) -> None:  # pyqtgraph override
        hit = self.cluster_at(ev.pos()) if ev.button() == Qt.MouseButton.LeftButton else None
        if hit is None:
            ev.ignore()
            return
        ev.accept()
        self.cluster_clicked.emit(*hit)


class LaneBandsItem(pg.GraphicsObject):
    """Alternate lanes shaded across the whole view, with a line between lanes."""

    def __init__(self) -> None:
        super().__init__()
        self._bands: list[tuple[float, float]] = []  # (top row, rows) of each lane
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_bands(self, bands: list[tuple[float, float]], bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self._bands = bands if len(bands) > 1 else []
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:  # Qt override
        return self._bounds

    def paint(self, p: QPainter, *args) -> None:
        vb = self.getViewBox()
        if vb is None or not self._bands:
            return
        tr = p.transform()
        view = tr.mapRect(vb.viewRect())
        p.resetTransform()
        shade = style.BAND
        p.setPen(style.RULE)
        for k, (top, rows) in enumerate(self._bands):
            y0 = tr.map(QPointF(0, top - 0.5)).y()
            y1 = tr.map(QPointF(0, top + rows - 0.5)).y()
            if k % 2:
                p.fillRect(QRectF(view.left(), y0, view.width(), y1 - y0), shade)
            if k:
                p.drawLine(QPointF(view.left(), y0), QPointF(view.right(), y0))
