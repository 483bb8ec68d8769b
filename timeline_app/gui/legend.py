"""A one-line legend above the plot: what points, hatched bars, hollow and diamond marks
mean."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ..plan import sizes
from ..render import style

__all__ = ["HINT", "LegendBar"]

_SAMPLE_W = 26
HINT = "wheel: zoom  ·  drag: pan  ·  ←/→: previous/next event  ·  Ctrl+0: zoom to fit"


class LegendBar(QWidget):
    """Paints the marker key and, right-aligned, a note (navigation hint or caption)."""

    KEYS = (
        "exact day",
        "month / year (approximate)",
        "date inferred from context",
        sizes.PLANNED_WORDS,
        "selected",
    )

    def __init__(self, note: str = HINT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._note = note
        self._font = style.label_font()
        self._metrics = QFontMetricsF(self._font)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), style.BACKGROUND)
        self.setPalette(pal)

    @property
    def note(self) -> str:
        return self._note

    def set_note(self, note: str) -> None:
        """Show `note` at the right (the navigation hint, or what a filter left out)."""
        if note != self._note:
            self._note = note
            self.update()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(600, int(self._metrics.height()) + 10)

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(100, int(self._metrics.height()) + 10)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self._font)
        cy = self.height() / 2
        x = 10.0
        draws = (self._day, self._bar, self._inferred, self._planned, self._selected)
        for draw, text in zip(draws, self.KEYS, strict=True):
            draw(p, x, cy)
            x += _SAMPLE_W + 4
            p.setPen(style.TEXT)
            p.drawText(QPointF(x, cy + self._metrics.ascent() / 2 - 1), text)
            x += self._metrics.horizontalAdvance(text) + 18
        room = self.width() - x - 10
        if self._note and room > 60:
            note = self._metrics.elidedText(self._note, Qt.TextElideMode.ElideLeft, room)
            w = self._metrics.horizontalAdvance(note)
            p.setPen(style.MUTED)
            p.drawText(QPointF(self.width() - w - 10, cy + self._metrics.ascent() / 2 - 1), note)
        p.end()

    @staticmethod
    def _day(p: QPainter, x: float, cy: float) -> None:
        p.setPen(style.point_pen(False))
        p.setBrush(style.point_brush(False))
        r = sizes.POINT_PX / 2
        p.drawEllipse(QPointF(x + _SAMPLE_W / 2, cy), r, r)

    @staticmethod
    def _bar(p: QPainter, x: float, cy: float) -> None:
        rect = QRectF(x, cy - sizes.BAR_PX / 2, _SAMPLE_W, sizes.BAR_PX)
        p.fillRect(rect, style.APPROX_FILL)
        p.fillRect(rect, style.hatch_brush())
        p.setPen(style.bar_pen(False))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)

    @staticmethod
    def _inferred(p: QPainter, x: float, cy: float) -> None:
        p.setPen(style.point_pen(True))
        p.setBrush(style.point_brush(True))
        r = sizes.POINT_PX / 2
        p.drawEllipse(QPointF(x + r + 1, cy), r, r)
        rect = QRectF(x + 2 * r + 5, cy - sizes.BAR_PX / 2, _SAMPLE_W - 2 * r - 5, sizes.BAR_PX)
        p.setPen(style.bar_pen(True))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)

    @staticmethod
    def _planned(p: QPainter, x: float, cy: float) -> None:
        """A planned bar with its diamond at the start (a planned day is the diamond)."""
        r = sizes.DIAMOND_R
        rect = QRectF(x + r, cy - sizes.BAR_PX / 2, _SAMPLE_W - r, sizes.BAR_PX)
        p.fillRect(rect, style.PLANNED_FILL)
        p.fillRect(rect, style.planned_hatch_brush())
        p.setPen(style.planned_pen(False))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)
        style.draw_planned(p, QPointF(rect.left(), cy), False)

    @staticmethod
    def _selected(p: QPainter, x: float, cy: float) -> None:
        p.setPen(style.selection_pen())
        p.setBrush(Qt.BrushStyle.NoBrush)
        r = sizes.POINT_PX / 2 + 4
        p.drawEllipse(QPointF(x + _SAMPLE_W / 2, cy), r, r)
