"""Resolving periods: relative units, offsets, quarters, seasons and anaphoric periods.

"last week", "two years ago", "the third quarter", "this summer", "the year-earlier
period": values at the granularity of the unit named, counted from the reference or from
the period the text last talked about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.relativedelta import relativedelta, weekday

from . import values as vl
from .context import Context, Resolved, Span, clause_tense
from .reference import Reference
from .spec import Spec
from .tense import FUTURE, PAST

__all__ = ["PERIOD_RESOLVERS", "unknown_at"]

_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR_VALUE = re.compile(r"^(\d{4})(?:$|-)")
_DAY_STEPS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}


def _relative(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """last week, this year, next month, the following year, early next year."""
    unit, ref = spec.unit or "year", ctx.ref
    rel = spec.rel if spec.rel is not None else 0
    if spec.value == "anchored" and unit == "year":
        year = _last_year(ctx)
        if year is not None:
            return Resolved("DATE", f"{year + rel:04d}", spec.mod, True)
    if ref is None:
        return None
    anchor = _last_date(ctx, unit) if spec.value == "anchored" else None
    base = anchor or _base_date(ref, unit)
    if base is None:
        return Resolved("DATE", unknown_at(ref, unit), spec.mod, True)
    value = vl.shift(base, unit, rel)
    return Resolved("DATE", value, spec.mod, True) if value else None


def _base_date(ref: Reference, unit: str) -> dt.date | None:
    """The reference as a date if it is precise enough for `unit` arithmetic."""
    if unit in ("day", "week", "weekend", "fortnight", "hour", "minute", "second"):
        return ref.date
    if unit in ("month", "quarter", "half"):
        return dt.date(ref.year, ref.month, 1) if ref.month else None
    return dt.date(ref.year, ref.month or 1, 1)


def unknown_at(ref: Reference, unit: str) -> str:
    """An underspecified value at `unit` granularity when the reference is too coarse."""
    if unit in ("week", "weekend"):
        return "XXXX-WXX"
    if unit in ("day", "hour", "minute", "second"):
        return f"{vl.fmt_date(ref.year, ref.month)}-XX" if ref.month else f"{ref.year:04d}-XX-XX"
    return f"{ref.year:04d}-XX"


def _offset(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """two days ago, a year earlier, three weeks later."""
    unit, rel = spec.unit or "day", spec.rel or -1
    if spec.amount is None:
        return Resolved("DATE", "PAST_REF" if rel < 0 else "FUTURE_REF", spec.mod, False)
    ref = ctx.ref
    if ref is None:
        return None
    last = ctx.last_matching(_DATE_VALUE, back=1) if spec.value == "earlier" else None
    if last is not None and last[3] is not None and unit in _DAY_STEPS:
        # "Aug. 12 ... a year earlier": the same day a year before the day just named
        amount, unit = _whole(spec.amount, unit)
        day = dt.date(int(last[1]), int(last[2]), int(last[3]))
        moved = day - relativedelta(**{_DAY_STEPS[unit]: amount})  # type: ignore[arg-type]
        return Resolved("DATE", moved.isoformat(), spec.mod, True)
    if (
        unit == "year"
        and spec.amount == 1
        and ctx.quarter
        and rel < 0
        and ctx.last_matching(_QUARTER_VALUE, back=3)
    ):
        year, q = ctx.quarter
        return Resolved("DATE", f"{year + rel:04d}-Q{q}", spec.mod, True)
    amount, unit = _whole(spec.amount, unit)
    base = _base_date(ref, unit)
    if base is None:
        return Resolved("DATE", unknown_at(ref, unit), spec.mod, True)
    if unit in _SECONDS:  # "49 minutes ago": the day it was then, not 49 days back
        amount, unit = _days_away(ref, rel * amount * _SECONDS[unit]), "day"
        rel = 1
    value = vl.shift(base, unit, rel * amount)
    return Resolved("DATE", value, spec.mod, True) if value else None


_SECONDS = {"hour": 3600, "minute": 60, "second": 1}


def _days_away(ref: Reference, seconds: float) -> int:
    """Whole days between the reference day and a moment `seconds` from the reference time
    (midday when the DCT gives no time)."""
    now = 3600 * (ref.hour if ref.hour is not None else 12) + 60 * (ref.minute or 0)
    return int((now + seconds) // 86400)


def _whole(amount: float, unit: str) -> tuple[int, str]:
    """A whole number of units, moving to a finer unit for "2 1/2 years"."""
    if float(amount).is_integer():
        return int(amount), unit
    finer = {
        "year": ("month", 12),
        "decade": ("year", 10),
        "month": ("day", 30),
        "week": ("day", 7),
        "day": ("hour", 24),
    }
    if unit in finer:
        sub, factor = finer[unit]
        return round(amount * factor), sub
    return round(amount), unit


def _quarter(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """the third quarter, 1988 second quarter, next year's first quarter, first half."""
    part, ref = spec.part or "Q1", ctx.ref
    if spec.year is not None:
        _note_quarter(ctx, spec.year, part)
        return Resolved("DATE", f"{spec.year:04d}-{part}", spec.mod, False)
    if ref is None:
        return Resolved("DATE", f"XXXX-{part}", spec.mod, False)
    year = ref.year + (spec.rel or 0)
    later = ref.month is not None and part[0] == "Q" and int(part[1]) > vl.quarter_of(ref.month)
    if spec.rel is None and later and clause_tense(ctx, span) == PAST:
        year -= 1  # "the fourth quarter" in a January report on last year
    if spec.rel != -1:
        _note_quarter(ctx, year, part)
    return Resolved("DATE", f"{year:04d}-{part}", spec.mod, True)


def _note_quarter(ctx: Context, year: int, part: str) -> None:
    """Remember a named quarter for "the quarter", "the latest period" later on."""
    if part.startswith("Q"):
        ctx.quarter = (year, int(part[1]))


def _season(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """this summer, last fall, the winter of 1994."""
    if spec.year is not None:
        return Resolved("DATE", f"{spec.year:04d}-{spec.part}", spec.mod, False)
    ref = ctx.ref
    if ref is None:
        return Resolved("DATE", f"XXXX-{spec.part}", spec.mod, False)
    this_past = ctx.text[span[0] : span[1]].lower().startswith("this past")
    year = ref.year + (0 if this_past else (spec.rel or 0))
    return Resolved("DATE", f"{year:04d}-{spec.part}", spec.mod, True)


def _anaphor(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """the quarter, the latest period, the year-earlier quarter, the current year."""
    ref, unit, adj = ctx.ref, spec.unit, spec.value or ""
    if spec.year is not None:
        if unit == "quarter" and ctx.quarter:
            return Resolved("DATE", f"{spec.year:04d}-Q{ctx.quarter[1]}", spec.mod, True)
        return Resolved("DATE", f"{spec.year:04d}", spec.mod, False)
    if unit in ("quarter", "period"):
        return _anaphoric_quarter(spec, ctx, adj)
    if ref is None:
        return None
    if unit == "year":
        year = _last_year(ctx) if adj == "that" else None
        year = ref.year if year is None else year
        return Resolved("DATE", f"{year + (spec.rel or 0):04d}", spec.mod, True)
    if unit == "month" and ref.month:
        named = _last_date(ctx, "month") if adj in ("", "that") else None
        month = (named.year, named.month) if named else (ref.year, ref.month)
        return Resolved("DATE", vl.fmt_date(*month), spec.mod, True)  # "during the month"
    if unit == "year-end":
        return Resolved("DATE", f"{ref.year:04d}", "END", True)
    if unit in ("weekend", "week") and ref.date is not None:
        return Resolved("DATE", _week_of(ref.date, unit, clause_tense(ctx, span)), spec.mod, True)
    return None


_DATE_VALUE = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?(?:$|T)")


def _last_date(ctx: Context, unit: str) -> dt.date | None:
    """The day (or month) the text last named, for "the following day", "the next month":
    those count from the time the story is at, not from the DCT."""
    m = ctx.last_matching(_DATE_VALUE, back=4)
    if m is None or (m[3] is None and unit in ("day", "week", "weekend")):
        return None
    return dt.date(int(m[1]), int(m[2]), int(m[3] or 1))


def _last_year(ctx: Context) -> int | None:
    """The year of the most recent expression that named one ("that year")."""
    m = ctx.last_matching(_YEAR_VALUE, back=6)
    return int(m[1]) if m else None


def _anaphoric_quarter(spec: Spec, ctx: Context, adj: str) -> Resolved | None:
    """ "the quarter", "the latest period": the quarter last named, else the one reported on
    (the last completed quarter before the DCT)."""
    ref, named = ctx.ref, ctx.quarter
    completed = None
    if ref is not None and ref.month is not None:
        q = vl.quarter_of(ref.month)
        current = (ref.year, q)
        completed = (ref.year - 1, 4) if q == 1 else (ref.year, q - 1)
        if adj in ("current", "same") and named is None:
            named = current
    if "latest" in adj and completed and (named is None or named > completed):
        named = ctx.quarter = completed  # the story is back on the quarter reported on
    if named is None and (spec.unit == "quarter" or spec.rel is not None):
        named = completed
    if named is None:
        return None
    year, q = named
    return Resolved("DATE", f"{year + (spec.rel or 0):04d}-Q{q}", spec.mod, True)


def _anaphoric_day(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """ "Earlier that day", "the next morning": counted from the day the text last named;
    with none named, only "later in the day" means the reference day (news of today)."""
    day = _last_date(ctx, "day")
    if day is None and spec.value == "in the day" and ctx.ref is not None:
        day = ctx.ref.date
    if day is None:
        return None
    value = (day + dt.timedelta(days=spec.rel or 0)).isoformat()
    return Resolved(spec.type, value + (f"T{spec.part}" if spec.part else ""), spec.mod, True)


def _week_of(day: dt.date, unit: str, tense: int) -> str:
    """ "the weekend": the one just past (or this one) unless the clause looks ahead."""
    if unit == "week":
        return vl.week_value(day)
    saturday = day + relativedelta(weekday=weekday(5)(+1 if tense == FUTURE else -1))
    if tense != FUTURE and day.weekday() == 6:
        saturday = day - dt.timedelta(days=1)
    return vl.week_value(saturday, weekend=True)


PERIOD_RESOLVERS: dict[str, Callable[[Spec, Context, Span], Resolved | None]] = {
    "relative": _relative,
    "offset": _offset,
    "quarter": _quarter,
    "season": _season,
    "anaphor": _anaphor,
    "anaphoric_day": _anaphoric_day,
}
