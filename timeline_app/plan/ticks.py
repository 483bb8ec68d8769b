"""Calendar ticks for a date axis in two tiers: the window's axis and exported pictures.

A tick label means little without its context, so at every zoom from an hour to ten
thousand years a `fine` tier of short labels at calendar steps comes with a `coarse` tier
naming the context at its boundaries: minutes and hours with their day, days with their
month and year, months with their year, years with their decade, century or millennium.
The left edge is named too when no boundary is near it. Positions are x values (days from
the reference date). Pure Python, no Qt: the caller passes a text-width function (the
window's axis font, or a picture's), and gets ticks whose labels fit that width.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

__all__ = ["GAP_PX", "TickLabel", "Ticks", "date_ticks", "place_tick_labels"]

GAP_PX = 14.0  # between two tick labels of a tier
COARSE_DX = 3.0  # a coarse label starts this far right of its tick
Measure = Callable[[str], float]
_ABBR = list(calendar.month_abbr)
_NAME = list(calendar.month_name)
_DAY_ABBR = list(calendar.day_abbr)
_DAY_NAME = list(calendar.day_name)


@dataclass(frozen=True, slots=True)
class _Level:
    """Fine ticks every `step` `unit`s, at least `days` apart, under a `context` tier."""

    unit: str
    step: int
    days: float
    context: str | None


_LEVELS = (
    *(_Level("minute", s, s / 1440, "day") for s in (1, 5, 10, 15, 30)),
    *(_Level("hour", s, s / 24, "day") for s in (1, 2, 3, 6)),
    *(_Level("day", s, s, "month") for s in (1, 2, 7)),
    *(_Level("month", s, d, "year") for s, d in ((1, 28), (3, 89), (6, 181))),
    *(_Level("year", s, 365 * s, "decade") for s in (1, 2, 5)),
    *(_Level("year", s, 365 * s, "century") for s in (10, 20, 50)),
    *(_Level("year", s, 365 * s, "millennium") for s in (100, 200, 500)),
    *(_Level("year", s, 365 * s, None) for s in (1000, 2000)),
)
_CONTEXT_DAYS = {
    "day": 1,
    "month": 28,
    "year": 365,
    "decade": 3652,
    "century": 36524,
    "millennium": 365242,
}
_CONTEXT_YEARS = {"decade": 10, "century": 100, "millennium": 1000}
_WORDINGS = {"day": 3, "month": 2, "year": 1, "decade": 1, "century": 1, "millennium": 1}


@dataclass(slots=True)
class Ticks:
    """`fine` ticks with short labels, `coarse` ones naming their context (the first may
    sit at the left edge of the range, naming where it starts)."""

    fine: list[tuple[float, str]] = field(default_factory=list)
    coarse: list[tuple[float, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TickLabel:
    """A label as drawn: `tier` 0 (fine) or 1 (coarse), its tick and its extent in px."""

    tier: int
    tick: float
    left: float
    width: float
    text: str


def _approx_width(text: str) -> float:
    return 7.0 * len(text)


def date_ticks(
    ref: date, lo: float, hi: float, width_px: float, measure: Measure = _approx_width
) -> Ticks:
    """Ticks for x range [lo, hi] drawn `width_px` wide; `measure` gives a label's width.

    The finest level whose labels fit is used; the context tier takes the longest wording
    that fits between its boundaries.
    """
    if not hi > lo or width_px <= 0:
        return Ticks()
    ppd = width_px / (hi - lo)
    o = ref.toordinal()
    first, last = _at(o + math.floor(lo) - 1), _at(o + math.floor(hi) + 1)
    for level in _LEVELS:
        if level.days * ppd < _widest(level.unit, first, last, measure) + GAP_PX:
            continue
        fine = [
            (x, text) for x, text in _ticks(first, last, level.unit, level.step, o) if lo <= x <= hi
        ]
        if level.context is None:
            return Ticks(fine, [])
        return Ticks(fine, _coarse(level.context, first, last, o, lo, hi, ppd, measure))
    return Ticks()


def _coarse(
    unit: str, first: date, last: date, o: int, lo: float, hi: float, ppd: float, measure: Measure
) -> list[tuple[float, str]]:
    """The context tier: each boundary in view, and the left edge if none is near it."""
    room = _CONTEXT_DAYS[unit] * ppd - GAP_PX
    starts = [(x, d) for x, d in _boundaries(first, last, unit, o) if lo <= x <= hi]
    edge = _at(o + math.floor(lo))
    wording = _wording(unit, [d for _, d in starts] + [edge], room, measure)
    out = [(x, _fits(d, unit, wording, (hi - x) * ppd - COARSE_DX, measure)) for x, d in starts]
    edge_text = _context(edge, unit, wording)
    if not starts or (starts[0][0] - lo) * ppd >= measure(edge_text) + GAP_PX + COARSE_DX:
        out.insert(0, (lo, edge_text))
    return out


def place_tick_labels(
    ticks: Ticks,
    lo: float,
    hi: float,
    width_px: float,
    measure: Measure = _approx_width,
    *,
    gap: float = GAP_PX / 2,
) -> list[TickLabel]:
    """Where each label goes in [0, `width_px`]: fine labels centred on their tick, coarse
    ones starting just right of theirs. A label that would leave the width or come within
    `gap` px of the one before it in its tier is left out."""
    if not hi > lo:
        return []
    ppd = width_px / (hi - lo)
    out: list[TickLabel] = []
    for tier, ticks_ in enumerate((ticks.fine, ticks.coarse)):
        end = -math.inf
        for x, text in ticks_:
            px, w = (x - lo) * ppd, measure(text)
            left = px + COARSE_DX if tier else px - w / 2
            if left < 0 or left + w > width_px or left < end + gap:
                continue
            out.append(TickLabel(tier, px, left, w, text))
            end = left + w
    return out


def _ticks(first: date, last: date, unit: str, step: int, o: int) -> Iterator[tuple[float, str]]:
    """Calendar-aligned (x, label) in [first, last]."""
    if unit in ("minute", "hour"):
        every = step * (60 if unit == "hour" else 1)
        for n in range(first.toordinal(), last.toordinal() + 1):
            for m in range(0, 1440, every):
                yield n - o + m / 1440, f"{m // 60:02d}:{m % 60:02d}"
    elif unit == "year":
        for y in range(first.year - first.year % step, last.year + 1, step):
            if y >= 1 and first <= date(y, 1, 1) <= last:
                yield float(date(y, 1, 1).toordinal() - o), str(y)
    else:
        for d in _month_days(first, last, unit, step):
            yield float(d.toordinal() - o), (str(d.day) if unit == "day" else _ABBR[d.month])


def _month_days(first: date, last: date, unit: str, step: int) -> Iterator[date]:
    """Days 1, 1 + step, ... of each month (none within `step` days of the next 1st), or
    months 1, 1 + step, ... of each year, in [first, last]."""
    y, m = first.year, first.month
    while y <= 9999 and date(y, m, 1) <= last:
        if unit == "month":
            if (m - 1) % step == 0 and first <= date(y, m, 1):
                yield date(y, m, 1)
        else:
            end = calendar.monthrange(y, m)[1] - step + 1
            for d in range(1, end + 1, step):
                if first <= date(y, m, d) <= last:
                    yield date(y, m, d)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def _boundaries(first: date, last: date, unit: str, o: int) -> Iterator[tuple[float, date]]:
    """Where each context period starts, in [first, last]."""
    if unit == "day":
        for n in range(first.toordinal(), last.toordinal() + 1):
            yield float(n - o), date.fromordinal(n)
    elif unit == "month":
        for d in _month_days(first, last, "month", 1):
            yield float(d.toordinal() - o), d
    else:
        step = _CONTEXT_YEARS.get(unit, 1)
        for y in range(first.year - first.year % step, last.year + 1, step):
            if y >= 1 and first <= date(y, 1, 1) <= last:
                yield float(date(y, 1, 1).toordinal() - o), date(y, 1, 1)


def _context(d: date, unit: str, wording: int = 0) -> str:
    """The period of `unit` holding `d`, in its `wording`-th form (longest first)."""
    if unit == "day":
        return (
            f"{_DAY_NAME[d.weekday()]} {d.day} {_NAME[d.month]} {d.year}",
            f"{_DAY_ABBR[d.weekday()]} {d.day} {_ABBR[d.month]} {d.year}",
            f"{d.day} {_ABBR[d.month]} {d.year}",
        )[wording]
    if unit == "month":
        return f"{_NAME[d.month] if wording == 0 else _ABBR[d.month]} {d.year}"
    if unit == "year":
        return str(d.year)
    if unit == "decade":
        return f"{d.year - d.year % 10}s"
    n = d.year // _CONTEXT_YEARS[unit] + 1  # 1900 opens the 20th century, as it is read
    return f"{_ordinal(n)} {unit}"


def _wording(unit: str, dates: list[date], room: float, measure: Measure) -> int:
    """The longest wording of `unit` in which every one of `dates` fits `room` px."""
    for k in range(_WORDINGS[unit] - 1):
        if max(measure(_context(d, unit, k)) for d in dates) <= room:
            return k
    return _WORDINGS[unit] - 1


def _fits(d: date, unit: str, wording: int, room: float, measure: Measure) -> str:
    """The context of `d` in `wording` or a shorter one that fits `room` px (the right
    edge), else in `wording`."""
    texts = [_context(d, unit, k) for k in range(wording, _WORDINGS[unit])]
    return next((t for t in texts if measure(t) <= room), texts[0])


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _widest(unit: str, first: date, last: date, measure: Measure) -> float:
    """The widest fine label of `unit` the range can show."""
    samples = {
        "minute": ("00:00", "23:58"),
        "hour": ("00:00", "23:00"),
        "day": ("28", "30", "31"),
        "month": tuple(_ABBR[1:]),
        "year": (str(first.year), str(last.year)),
    }[unit]
    return max(measure(s) for s in samples)


def _at(ordinal: int) -> date:
    """The date of an ordinal, clamped to years 1-9999 (a range may reach past them)."""
    return date.fromordinal(max(1, min(ordinal, date.max.toordinal())))
