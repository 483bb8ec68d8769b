"""Date-axis ticks for exported pictures: calendar-aligned, labelled, never crowded.

The window's axis is pyqtgraph's (tick values in epoch seconds); a picture needs ticks on
calendar boundaries it can label in two tiers — days under their month, months under
their year — and it must be computed without a widget. Pure Python, no Qt.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Ticks", "date_ticks"]

_GAP_PX = 14.0  # between two tick labels
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)
_MONTH_STEPS = (1, 3, 6)
_DAY_STEPS = (1, 2, 7)
_ABBR = list(calendar.month_abbr)
_NAME = list(calendar.month_name)


@dataclass(slots=True)
class Ticks:
    """`fine` ticks with short labels, `coarse` ones (month or year) naming their context.

    Positions are x values (days from the reference date), labels are plain text.
    """

    fine: list[tuple[float, str]] = field(default_factory=list)
    coarse: list[tuple[float, str]] = field(default_factory=list)


def _approx_width(text: str) -> float:
    return 7.0 * len(text)


def date_ticks(ref: date, lo: float, hi: float, width_px: float,
               measure: Callable[[str], float] = _approx_width) -> Ticks:
    """Ticks for x range [lo, hi] drawn `width_px` wide; `measure` gives a label's width."""
    if hi <= lo or width_px <= 0:
        return Ticks()
    ppd = width_px / (hi - lo)
    o = ref.toordinal()
    first, last = _at(o + int(lo) - 1), _at(o + int(hi) + 1)

    def x(d: date) -> float:
        return float(d.toordinal() - o)

    for unit, step, days in _levels():
        if days * ppd < measure(_widest(unit)) + _GAP_PX:
            continue
        fine = [(x(d), _label(d, unit)) for d in _dates(first, last, unit, step)
                if lo <= x(d) <= hi]
        coarse_unit = {"day": "month", "month": "year"}.get(unit)
        coarse: list[tuple[float, str]] = []
        if coarse_unit:
            starts = [d for d in _dates(first, last, coarse_unit, 1) if lo <= x(d) <= hi]
            coarse = [(x(d), _context(d, coarse_unit)) for d in starts]
            first_shown = _at(o + int(lo))
            if not starts or x(starts[0]) - lo > measure(_context(first_shown, coarse_unit)) + 20:
                coarse.insert(0, (lo, _context(first_shown, coarse_unit)))  # name the left edge
        return Ticks(fine, coarse)
    return Ticks()


def _levels() -> Iterator[tuple[str, int, float]]:
    """(unit, step, approximate days between ticks), finest first."""
    yield from (("day", s, float(s)) for s in _DAY_STEPS)
    yield from (("month", s, 30.4 * s) for s in _MONTH_STEPS)
    yield from (("year", s, 365.25 * s) for s in _YEAR_STEPS)


def _dates(first: date, last: date, unit: str, step: int) -> Iterator[date]:
    """Calendar-aligned dates in [first, last]: day 1, 1 + step, ... of each month; month
    1, 1 + step, ... of each year; years divisible by step."""
    if unit == "year":
        for y in range(first.year - first.year % step, last.year + 1, step):
            if y >= 1 and first <= date(y, 1, 1) <= last:
                yield date(y, 1, 1)
        return
    y, m = first.year, first.month
    while date(y, m, 1) <= last:
        if unit == "month":
            if (m - 1) % step == 0 and first <= date(y, m, 1):
                yield date(y, m, 1)
        else:
            last_day = calendar.monthrange(y, m)[1]  # no tick a day before the next 1st
            end = last_day if step == 1 else min(last_day, 29 if step == 2 else 28)
            for d in range(1, end + 1, step):
                if first <= date(y, m, d) <= last:
                    yield date(y, m, d)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        if y > 9999:
            return


def _label(d: date, unit: str) -> str:
    if unit == "day":
        return str(d.day)
    return _ABBR[d.month] if unit == "month" else str(d.year)


def _context(d: date, unit: str) -> str:
    return f"{_NAME[d.month]} {d.year}" if unit == "month" else str(d.year)


def _widest(unit: str) -> str:
    return {"day": "28", "month": "May", "year": "2000"}[unit]


def _at(ordinal: int) -> date:
    """The date of an ordinal, clamped to years 1-9999 (a range may reach past them)."""
    return date.fromordinal(max(1, min(ordinal, date.max.toordinal())))
