"""Resolving names of days and months: calendar dates, weekdays, holidays, times of day.

The year of "March 3" and the week of "Friday" come from the reference (the DCT, or the
last explicit date of an undated text) and, when that leaves a choice, from the tense of
the clause ("met Friday" looks back, "will meet Friday" ahead).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.relativedelta import relativedelta, weekday

from . import lexicon as lx
from . import values as vl
from .context import Context, Resolved, Span, clause_tense
from .narrative import narrative_day, narrative_year
from .periods import unknown_at
from .reference import Reference
from .spec import Spec
from .tense import FUTURE, PAST

__all__ = ["DAY_RESOLVERS", "with_clock"]

_TENSE_DAYS = 61  # a nearest date this far on the "wrong" side of the DCT yields to tense
_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")
_CLOCK_BACK = 2  # how many expressions back a clock time looks for the day it is on


def _calendar(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """Dates with names: FEBRUARY 13, November 2022, last May, June last year."""
    ref, year, inferred = ctx.ref, spec.year, False
    if year is None:
        if ref is None:
            return with_clock(spec, vl.fmt_date(None, spec.month, spec.day), False)
        inferred = True
        if spec.unit == "year":  # "June last year"
            year = ref.year + (spec.rel or 0)
        elif spec.rel is not None and spec.month is not None and ref.month is not None:
            year = ref.year + _month_rel_offset(spec.month, ref.month, spec.rel)
        elif spec.rel is not None:
            year = ref.year + spec.rel if spec.rel else ref.year
        else:
            year = narrative_year(ctx, span) if spec.day is None else None
            if year is None:
                year = _pick_year(ref, spec.month or 1, spec.day, clause_tense(ctx, span))
                year = _weekday_year(spec, year)
    if spec.day is not None and spec.month is not None:
        dt.date(year, spec.month, spec.day)  # ValueError (Feb 29) drops the expression
    return with_clock(spec, vl.fmt_date(year, spec.month, spec.day), inferred)


def _weekday_year(spec: Spec, year: int) -> int:
    """ "Tuesday 21 November" without a year: the nearest year (to the one picked) in which
    that day is a Tuesday, a year either side at most; else the year picked."""
    if spec.weekday is None or spec.month is None or spec.day is None:
        return year
    for y in (year, year - 1, year + 1):
        try:
            if dt.date(y, spec.month, spec.day).weekday() == spec.weekday:
                return y
        except ValueError:
            continue
    return year


def _pick_year(ref: Reference, month: int, day: int | None, tense: int) -> int:
    """The year of a month(-day) without one: the nearest to the reference, unless the
    clause's tense clearly points the other way and the nearest is over _TENSE_DAYS off."""
    if ref.month is None:
        return ref.year
    if day is None and tense == FUTURE:
        # "will open in September": a month the clause looks ahead to is this one or later,
        # never one already over (a plain month has no day to weigh a near miss against)
        return ref.year if month >= ref.month else ref.year + 1
    here = dt.date(ref.year, ref.month, ref.day or 15)
    target_day = min(day or 15, 28)

    def gap(year: int) -> int:
        return (dt.date(year, month, target_day) - here).days

    year = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: (abs(gap(y)), gap(y)))
    if tense == PAST and gap(year) > _TENSE_DAYS:
        return year - 1
    if tense == FUTURE and gap(year) < -_TENSE_DAYS:
        return year + 1
    return year


def _month_rel_offset(month: int, ref_month: int, rel: int) -> int:
    """Year offset of "last May"/"next May"/"this May" seen from `ref_month`."""
    if rel < 0:
        return -1 if month >= ref_month else 0
    if rel > 0:
        return 1 if month <= ref_month else 0
    return 0


def with_clock(spec: Spec, date_value: str, inferred: bool) -> Resolved:
    """Attach a time of day to a day value, making it a TIME.

    The zone ("5 p.m. EST") is part of the span but not of the value: TimeBank's gold and
    HeidelTime both write the local clock time ("T17:00") without a UTC offset.
    """
    if spec.clock is None:
        return Resolved(spec.type, date_value, spec.mod, inferred)
    h, mi, s = spec.clock
    clock = f"T{h:02d}:{mi:02d}" + (f":{s:02d}" if s is not None else "")
    return Resolved("TIME", date_value + clock, spec.mod, inferred)


def _numeric(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """01.02.2023: day-first or month-first as the document decided."""
    a, b, _ = spec.raw or (0, 0, "")
    day, month = (a, b) if ctx.day_first else (b, a)
    if month > 12:
        day, month = month, day
    dt.date(spec.year or 1, month, day)
    return with_clock(spec, vl.fmt_date(spec.year, month, day), False)


def _ref_day(ctx: Context) -> dt.date | None:
    ref = ctx.ref
    return ref.date if ref else None


def _weekday(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """Friday, last Friday, Wednesday night: the nearest such day, past preferred."""
    assert spec.weekday is not None
    day = _ref_day(ctx)
    part = f"T{spec.part}" if spec.part else ""
    kind = "TIME" if part else "DATE"
    if day is None:
        return Resolved(kind, f"XXXX-WXX-{spec.weekday + 1}{part}", spec.mod, ctx.ref is not None)
    wd = weekday(spec.weekday)
    story = narrative_day(ctx, span)
    if story is not None and spec.rel is None:
        # "On March 3, 2009, ... On Thursday": the week of the story, not of the DCT
        after = story + relativedelta(weekday=wd(+1))
        before = story + relativedelta(weekday=wd(-1))
        target = after if (after - story) <= (story - before) else before
        return Resolved(kind, target.isoformat() + part, spec.mod, True)
    if spec.rel == -1:
        target = day + relativedelta(days=-1, weekday=wd(-1))
    elif spec.rel == 1:
        target = day + relativedelta(days=+1, weekday=wd(+1))
    elif (
        spec.rel == 0
        or ctx.dct is None
        or (clause_tense(ctx, span) == FUTURE and not _possessive(ctx.text, span[1]))
    ):
        target = day + relativedelta(weekday=wd(+1))
    else:
        target = day + relativedelta(weekday=wd(-1))
    if spec.clock:
        return with_clock(spec, target.isoformat(), True)
    return Resolved(kind, target.isoformat() + part, spec.mod, True)


def _possessive(text: str, end: int) -> bool:
    """ "Wednesday's ruling": news names a day by what happened on it, so it looks back."""
    return text.startswith(("'s", "\u2019s"), end)


def _deictic(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """today, yesterday, tomorrow, tonight, this morning, last night."""
    ref, offset = ctx.ref, int(spec.amount or 0)
    part = f"T{spec.part}" if spec.part and not spec.part.startswith("T") else (spec.part or "")
    kind = "TIME" if part or spec.clock else spec.type
    if ref is None:
        return Resolved(kind, "XXXX-XX-XX" + part, spec.mod, False)
    if ref.date is None:
        return Resolved(kind, unknown_at(ref, "day") + part, spec.mod, True)
    value = (ref.date + relativedelta(days=offset)).isoformat()
    if spec.clock:
        return with_clock(spec, value, True)
    return Resolved(kind, value + part, spec.mod, True)


def _holiday(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """Christmas, Thanksgiving: a fixed day or the n-th weekday of a month."""
    name, ref = spec.value or "", ctx.ref
    fixed, nth = lx.HOLIDAYS.get(name), lx.NTH_WEEKDAY_HOLIDAYS.get(name)
    month = fixed[0] if fixed else (nth[0] if nth else 1)
    year = spec.year
    if year is None and ref is not None:
        if spec.rel is not None and ref.month is not None:
            year = ref.year + _month_rel_offset(month, ref.month, spec.rel)
        else:
            year = _pick_year(ref, month, fixed[1] if fixed else 20, clause_tense(ctx, span))
    if fixed:
        return Resolved("DATE", vl.fmt_date(year, month, fixed[1]), None, spec.year is None)
    if year is None or nth is None:
        return Resolved("DATE", vl.fmt_date(None, month), None, False)
    _, wd, n = nth
    first = dt.date(year, month, 1)
    day = first + relativedelta(day=31 if n < 0 else 1, weekday=weekday(wd)(n))
    return Resolved("DATE", day.isoformat(), None, spec.year is None)


def _clock(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """6:06 AM, noon: on the day the text last named ("on Tuesday ... at 9 p.m."), else on
    the reference day; a clock time alone rarely starts a new day in a story."""
    last = ctx.last_matching(_DAY_VALUE, back=_CLOCK_BACK)
    if last is not None:
        return with_clock(spec, last[1], True)
    day = _ref_day(ctx)
    base = day.isoformat() if day else "XXXX-XX-XX"
    return with_clock(spec, base, day is not None)


DAY_RESOLVERS: dict[str, Callable[[Spec, Context, Span], Resolved | None]] = {
    "calendar": _calendar,
    "numeric": _numeric,
    "weekday": _weekday,
    "deictic": _deictic,
    "holiday": _holiday,
    "clock": _clock,
}
