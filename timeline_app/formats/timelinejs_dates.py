"""TimelineJS3 date objects ↔ `FuzzyDate`: precision carried by which fields are present.

TimelineJS has no precision of its own: `{"year": 2022}` is 1 January 2022 drawn as a
point. So a month or a year is written as a span — `start_date` with only the fields it
knows, `end_date` on its last day — and `display_date` says it in words ("early January
2022"; "(inferred)" when the text did not state the date outright; "Planned: " before it
for a plan or forecast, which TimelineJS has no field for).

Reading takes the interval the fields cover (a missing month or day widens it to the whole
year or month) and picks the finest of day, part of a month, month, part of a year and year
that contains it. So what we write reads back as it was, and a span a person made in
TimelineJS reads as the period it falls in — unless that period is much longer than the
span (28 January – 3 February is not "2022"): then the start date is kept at its own
precision. Hours and minutes are dropped: the model knows days at the finest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..checked import described
from ..model import DateError, FuzzyDate, Part, Precision

__all__ = ["INFERRED_MARK", "PLANNED_MARK", "from_timelinejs", "is_planned_display",
           "to_timelinejs"]

INFERRED_MARK = "(inferred)"
PLANNED_MARK = "Planned:"
_COARSER_LIMIT = 3.0  # a period may be at most this many times longer than the span


def to_timelinejs(d: FuzzyDate, *, planned: bool = False
                  ) -> tuple[dict[str, int], dict[str, int] | None, str | None]:
    """(start_date, end_date or None, display_date or None) for the date `d` of an event
    that happened, or with `planned` of one that is only planned or expected."""
    display = f"{d.label()} {INFERRED_MARK}" if d.inferred else d.label()
    if planned:
        display = f"{PLANNED_MARK} {display}"
    if d.precision is Precision.DAY:
        return _fields(d.start, 3), None, display if d.inferred or planned else None
    end = _fields(d.end, 3)
    if d.part is None:
        start = _fields(d.start, 2 if d.precision is Precision.MONTH else 1)
    else:  # a part starts mid-period: its first day (or month) says where
        start = _fields(d.start, 3 if d.precision is Precision.MONTH else 2)
    return start, end, display


def from_timelinejs(start: Mapping[str, Any], end: Mapping[str, Any] | None = None,
                    display: str | None = None) -> FuzzyDate:
    """The `FuzzyDate` of a slide's start_date, end_date and display_date.

    Raises DateError for a missing or non-numeric year, a year outside 1–9999, or fields
    that name no real day.
    """
    s_first, s_last, s_fields = _interval(start, "start_date")
    first, last = s_first, s_last
    if end and _value(end.get("year")) is not None:
        e_first, e_last, _ = _interval(end, "end_date")
        if e_first >= first:  # the end says where it ends, even inside the start's month
            last = e_last
    inferred = bool(display) and display.strip().lower().endswith(INFERRED_MARK)
    return _period(first, last, s_fields, inferred)


def is_planned_display(display: str | None) -> bool:
    """Whether a display_date marks a planned event ("Planned: September 2027")."""
    return bool(display) and display.strip().lower().startswith(PLANNED_MARK.lower())


def _period(first: date, last: date, fields: tuple[int, ...], inferred: bool) -> FuzzyDate:
    span = (last - first).days + 1
    y, m = first.year, first.month
    candidates = [FuzzyDate(y, m, first.day)] if first == last else []
    candidates += [FuzzyDate(y, m, part=p) for p in Part] + [FuzzyDate(y, m)]
    candidates += [FuzzyDate(y, part=p) for p in Part] + [FuzzyDate(y)]
    for c in candidates:
        if c.start <= first and last <= c.end:
            if (c.end - c.start).days + 1 <= _COARSER_LIMIT * span:
                return c.with_inferred(inferred)
            break
    return FuzzyDate(*fields, inferred=inferred)  # the start as precise as it was given


def _interval(obj: Mapping[str, Any], what: str) -> tuple[date, date, tuple[int, ...]]:
    """First and last day a date object covers, and its (year, month, day) as given."""
    if not isinstance(obj, Mapping):
        raise DateError(f"{what} is not an object")
    year = _value(obj.get("year"))
    if year is None:
        raise DateError(f"{what} has no year")
    month = _value(obj.get("month"))
    day = _value(obj.get("day")) if month is not None else None
    fields = tuple(v for v in (year, month, day) if v is not None)
    d = FuzzyDate(*fields)  # validates: year 1-9999, a real month and day
    return d.start, d.end, fields


def _value(v: Any) -> int | None:
    """An integer field as TimelineJS accepts it: a number or a numeric string."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    text = v.strip().replace(",", "") if isinstance(v, str) else None
    if text == "":
        return None
    try:
        return int(text or "not a number")  # a list, an object, 1.5, inf: no number
    except ValueError:
        raise DateError(f"not a number: {described(v)}") from None


def _fields(d: date, n: int) -> dict[str, int]:
    return dict(list({"year": d.year, "month": d.month, "day": d.day}.items())[:n])
