"""Dates on the x axis as days from a reference date near the data, in two tiers.

Epoch seconds (~1.7e9) lose precision in Qt's single-precision paths, so the plot works in
days relative to a reference date close to the events; only the axis converts back to
real dates. Its ticks come from the plan exported pictures use (`plan/ticks.py`),
measured with the axis font at the axis's real width, so no two labels ever run into
each other and the window and a picture label a range alike.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from timeline_app.plan.ticks import TickLabel, Ticks, date_ticks, place_tick_labels

__all__ = ["DayAxis", "DayScale"]

_EPOCH = datetime(1970, 1, 1)
_SECONDS_PER_DAY = 86400
_TICK_PX = 5  # a fine tick below the axis line; a coarse one runs down past both rows
_ROW_GAP = 3  # above each row of labels
_TEXT_FLAGS = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextDontClip


class DayScale:
    """Converts between calendar dates and x positions (float days from `ref`)."""

    def __init__(self, ref: date) -> None:
        self.ref = ref
        self._ref_dt = datetime(ref.year, ref.month, ref.day)
        self.ref_seconds = (self._ref_dt - _EPOCH).days * _SECONDS_PER_DAY  # exact integer

    def to_x(self, value: date | datetime) -> float:
        if not isinstance(value, datetime):
            value = datetime(value.year, value.month, value.day)
        delta = value - self._ref_dt
        return delta.days + delta.seconds / _SECONDS_PER_DAY + delta.microseconds / 8.64e10

    def to_datetime(self, x: float) -> datetime:
        return self._ref_dt + timedelta(days=float(x))

    def to_seconds(self, x: float) -> float:
        return self.ref_seconds + x * _SECONDS_PER_DAY

    def from_seconds(self, s: float) -> float:
        return (s - self.ref_seconds) / _SECONDS_PER_DAY

    def limits(self) -> tuple[float, float]:
        """The x range the axis can label (years 1 to 9999)."""
        return self.to_x(date(1, 1, 2)), self.to_x(date(9998, 12, 31))


class DayAxis(pg.AxisItem):
    """A bottom axis for x values in days from a `DayScale` reference: short labels (times,
    days, months, years) on the upper row, their context (day, month and year, year,
    decade, century) on the lower one, each context period opened by a long tick."""

    def __init__(self, scale: DayScale | None = None, **kwargs) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self.scale_ = scale or DayScale(date.today())
        self._set_font(self.font())

    def set_scale(self, scale: DayScale) -> None:
        self.scale_ = scale
        self._set_limits()
        self.picture = None
        self.update()

    def plan(self) -> tuple[Ticks, list[TickLabel]]:
        """The ticks of the current range and the labels drawn for them (x in px from the
        axis's left edge), measured with the axis font."""
        lo, hi = self.range
        width = self.mapRectFromParent(self.geometry()).width()
        ticks = date_ticks(self.scale_.ref, lo, hi, width, self._measure)
        return ticks, place_tick_labels(ticks, lo, hi, width, self._measure)

    def row_tops(self) -> tuple[float, float]:
        """The y (in the axis's coordinates) where each row of labels starts."""
        fine = _TICK_PX + _ROW_GAP
        return fine, fine + self._metrics.height() + _ROW_GAP

    # -- pyqtgraph overrides ------------------------------------------------------------
    def setStyle(self, **kwargs) -> None:
        super().setStyle(**kwargs)
        if kwargs.get("tickFont") is not None:
            self._set_font(kwargs["tickFont"])

    def setTickFont(self, font: QFont | None) -> None:
        super().setTickFont(font)
        self._set_font(font or self.font())

    def linkToView(self, view) -> None:
        super().linkToView(view)
        self._set_limits()

    def generateDrawSpecs(self, p: QPainter):
        """The axis line, the ticks (and grid lines, if on) and the labels of `plan()`."""
        bounds = self.mapRectFromParent(self.geometry())
        lo, hi = self.range
        if bounds.width() <= 0 or not hi > lo:
            return None
        ticks, labels = self.plan()
        top, left, ppd = bounds.top(), bounds.left(), bounds.width() / (hi - lo)
        view = self.linkedView()
        grid_top = top
        if view is not None and self.grid is not False:
            grid_top = view.mapRectToItem(self, view.boundingRect()).top()
        rows = self.row_tops()
        lengths = (_TICK_PX, rows[1] + self._metrics.height())
        tick_specs = []
        for tier, tier_ticks in enumerate((ticks.fine, ticks.coarse)):
            grid_pen = self._grid_pen(tier)
            for x, _ in tier_ticks:
                if x <= lo:  # the left edge's context label has no tick of its own
                    continue
                px = left + (x - lo) * ppd
                if grid_pen is not None:
                    tick_specs.append((grid_pen, QPointF(px, grid_top), QPointF(px, top)))
                tick_specs.append(
                    (self.tickPen(), QPointF(px, top), QPointF(px, top + lengths[tier]))
                )
        height = self._metrics.height()
        text_specs = [
            (
                QRectF(left + lb.left, top + rows[lb.tier], lb.width + 1, height),
                _TEXT_FLAGS,
                lb.text,
            )
            for lb in labels
        ]
        axis_spec = (
            self.pen(),
            bounds.topLeft() + QPointF(-1, 1),
            bounds.topRight() + QPointF(1, 1),
        )
        return axis_spec, tick_specs, text_specs

    def drawPicture(self, p: QPainter, axisSpec, tickSpecs, textSpecs) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for pen, a, b in (axisSpec, *tickSpecs):
            p.setPen(pen)
            p.drawLine(a, b)
        p.setFont(self._font)
        p.setPen(self.textPen())
        for rect, flags, text in textSpecs:
            p.drawText(rect, int(flags), text)

    # -- helpers ------------------------------------------------------------------------
    def _set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._metrics = QFontMetricsF(self._font)
        self._widths: dict[str, float] = {}
        self.setHeight(math.ceil(self.row_tops()[1] + self._metrics.height() + _ROW_GAP))

    def _measure(self, text: str) -> float:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 5000:
                self._widths.clear()
            width = self._widths[text] = self._metrics.horizontalAdvance(text)
        return width

    def _grid_pen(self, tier: int) -> QPen | None:
        """Grid lines across the view: faint for fine ticks, stronger for context ones."""
        if self.grid is False:
            return None
        color = QColor(self.tickPen().color())
        color.setAlpha(min(255, int(self.grid * (2.5 if tier else 1.0))))
        return QPen(color, 0)

    def _set_limits(self) -> None:
        view = self.linkedView()
        if view is not None:
            lo, hi = self.scale_.limits()
            view.setLimits(xMin=lo, xMax=hi)
