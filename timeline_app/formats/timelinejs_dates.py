"""TimelineJS3 date objects ↔ `FuzzyDate`: precision carried by which fields are present.

TimelineJS has no precision of its own: `{"year": 2022}` is 1 January 2022 drawn as a
point. So a month or a year is written as a span — `start_date` with only the fields it
knows, `end_date` on its last day — and `display_date` says it in words ("early January
2022"; "(inferred)" when the text did not state the date outright; "Planned: " before it
for a plan or forecast, which TimelineJS has no field for). A span between two dates
("602 – 629") is written as TimelineJS's own files write one: each end with the fields of
its own precision (`{"year": 602}` to `{"year": 629}`).

Reading takes the interval the fields cover (a missing month or day widens it to the whole
year or month). An interval that is exactly one day, part of a month, month, part of a year
or year is that date, so what we write reads back as it was; any other start and end make
a span from the start to the end, each at the precision it was given (602 to 629, 9 to 23
August 622). An end inside the start's own period (a month to its 12th) gives the finest
period that holds start to end, within three times its length (early January); an end
before the start, or one that names no date, is set aside with a note, the start kept.
Hours and minutes are dropped: the model knows days at the finest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ..checked import described
from ..model import DateError, FuzzyDate, Part, Precision

__all__ = [
    "INFERRED_MARK",
    "PLANNED_MARK",
    "from_timelinejs",
    "is_planned_display",
    "slide_date",
    "to_timelinejs",
]

INFERRED_MARK = "(inferred)"
PLANNED_MARK = "Planned:"
_COARSER_LIMIT = 3.0  # a period may be at most this many times longer than the span


def to_timelinejs(
    d: FuzzyDate, *, planned: bool = False
) -> tuple[dict[str, int], dict[str, int] | None, str | None]:
    """(start_date, end_date or None, display_date or None) for the date `d` of an event
    that happened, or with `planned` of one that is only planned or expected."""
    display = f"{d.label()} {INFERRED_MARK}" if d.inferred else d.label()
    if planned:
        display = f"{PLANNED_MARK} {display}"
    if d.to is not None:  # a span: each end at its own precision, as TimelineJS's files do
        return _start_fields(d.first), _start_fields(d.to), display
    if d.precision is Precision.DAY:
        return _fields(d.start, 3), None, display if d.inferred or planned else None
    return _start_fields(d), _fields(d.end, 3), display


def _start_fields(d: FuzzyDate) -> dict[str, int]:
    """The fields that say where a date starts: those of its precision, or for a part of a
    month (year) the first day (month) of that part."""
    if d.precision is Precision.DAY:
        return _fields(d.start, 3)
    if d.part is None:
        return _fields(d.start, 2 if d.precision is Precision.MONTH else 1)
    return _fields(d.start, 3 if d.precision is Precision.MONTH else 2)


def from_timelinejs(
    start: Mapping[str, Any], end: Mapping[str, Any] | None = None, display: str | None = None
) -> FuzzyDate:
    """The `FuzzyDate` of a slide's start_date, end_date and display_date (see
    `slide_date`, which also says why an end_date was set aside)."""
    return slide_date(start, end, display)[0]


def slide_date(
    start: Mapping[str, Any], end: Mapping[str, Any] | None = None, display: str | None = None
) -> tuple[FuzzyDate, str | None]:
    """The date of a slide, and a note when its end_date was set aside (before the start,
    or no date), the start then kept alone.

    Raises DateError for a start with a missing or non-numeric year, a year outside
    1–9999, or fields that name no real day.
    """
    first, last, fields = _interval(start, "start_date")
    inferred = bool(display) and display.strip().lower().endswith(INFERRED_MARK)
    own = _period(first, last, fields, inferred)
    try:
        if not end or _value(end.get("year")) is None:
            return own, None
        e_first, e_last, e_fields = _interval(end, "end_date")
    except DateError as exc:
        return own, f"end_date set aside ({exc}); the start alone is kept"
    if e_first < first:
        return own, (
            f"end_date {FuzzyDate(*e_fields).label()} is before start_date "
            f"{FuzzyDate(*fields).label()}; the start alone is kept"
        )
    whole = _exactly(first, e_last)  # the end says where it ends, even inside the start
    if whole is not None:  # one period exactly: what we write for a month, a part, a year
        return whole.with_inferred(inferred), None
    try:
        return FuzzyDate(*fields, inferred=inferred).span_to(
            FuzzyDate(*e_fields, inferred=inferred)
        ), None
    except DateError:  # the end falls inside the start's own period: the period of both
        return _period(first, e_last, fields, inferred), None


def is_planned_display(display: str | None) -> bool:
    """Whether a display_date marks a planned event ("Planned: September 2027")."""
    return bool(display) and display.strip().lower().startswith(PLANNED_MARK.lower())


def _candidates(first: date, last: date) -> list[FuzzyDate]:
    """The day, parts of the month, month, parts of the year and year of `first`, finest
    first."""
    y, m = first.year, first.month
    days = [FuzzyDate(y, m, first.day)] if first == last else []
    return (
        days
        + [FuzzyDate(y, m, part=p) for p in Part]
        + [FuzzyDate(y, m)]
        + [FuzzyDate(y, part=p) for p in Part]
        + [FuzzyDate(y)]
    )


def _exactly(first: date, last: date) -> FuzzyDate | None:
    """The one period that covers exactly first…last, if there is one."""
    return next((c for c in _candidates(first, last) if c.start == first and c.end == last), None)


def _period(first: date, last: date, fields: tuple[int, ...], inferred: bool) -> FuzzyDate:
    span = (last - first).days + 1
    for c in _candidates(first, last):
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
