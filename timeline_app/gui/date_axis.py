"""Dates on the x axis as days from a reference date near the data.

Epoch seconds (~1.7e9) lose precision in Qt's single-precision paths, so the plot works in
days relative to a reference date close to the events; only the axis converts back to real
dates for its tick labels.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date, datetime, timedelta

import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as dax
from PySide6.QtGui import QFontMetrics

__all__ = ["DayAxis", "DayScale"]

_EPOCH = datetime(1970, 1, 1)
_SECONDS_PER_DAY = 86400


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


# Tick levels for a news timeline: years/months, months/days, days; hours only when a
# couple of days fill the view (the zoom goes down to one hour).
_MONTH_DAY = dax.ZoomLevel([
    dax.TickSpec(dax.MONTH_SPACING, dax.makeMStepper(1), "%b %Y"),
    dax.TickSpec(dax.DAY_SPACING, dax.makeSStepper(dax.DAY_SPACING), "%d", autoSkip=[1, 2, 5]),
], "MMM 0000")
_DAY = dax.ZoomLevel([
    dax.TickSpec(dax.DAY_SPACING, dax.makeSStepper(dax.DAY_SPACING), "%d %b %Y", autoSkip=[1]),
], "00 MMM 0000")
_HOUR = dax.ZoomLevel([
    dax.TickSpec(dax.DAY_SPACING, dax.makeSStepper(dax.DAY_SPACING), "%d %b %Y"),
    dax.TickSpec(dax.HOUR_SPACING, dax.makeSStepper(dax.HOUR_SPACING), "%H:%M",
                 autoSkip=[1, 2, 3, 6, 12]),
], "00:00")


class DayAxis(pg.DateAxisItem):
    """A bottom date axis for x values in days from a `DayScale` reference."""

    def __init__(self, scale: DayScale | None = None, **kwargs) -> None:
        super().__init__(orientation="bottom", utcOffset=0, **kwargs)
        self.scale_ = scale or DayScale(date.today())
        self.fontMetrics = QFontMetrics(self.font())  # replaced by the painter's on each paint
        self.zoomLevels = OrderedDict([
            (float("inf"), dax.YEAR_MONTH_ZOOM_LEVEL),
            (10 * dax.DAY_SPACING, _MONTH_DAY),
            (1.5 * dax.DAY_SPACING, _DAY),
            (2 * dax.HOUR_SPACING, _HOUR),
        ])

    def set_scale(self, scale: DayScale) -> None:
        self.scale_ = scale
        self._set_limits()
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):  # pyqtgraph override
        s = self.scale_
        levels = super().tickValues(s.to_seconds(minVal), s.to_seconds(maxVal), size)
        return [(spacing, [s.from_seconds(v) for v in values]) for spacing, values in levels]

    def tickStrings(self, values, scale, spacing):
        return super().tickStrings([self.scale_.to_seconds(v) for v in values], scale, spacing)

    def linkToView(self, view):
        super().linkToView(view)
        self._set_limits()

    def _set_limits(self) -> None:
        view = self.linkedView()
        if view is not None:
            lo, hi = self.scale_.limits()
            view.setLimits(xMin=lo, xMax=hi)
