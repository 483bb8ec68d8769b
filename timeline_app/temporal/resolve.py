"""Resolution: a `Spec` plus context (DCT, earlier dates, tense) gives a TimeML value.

Resolution never claims more precision than the reference has: with a month-only DCT,
"Saturday" stays "XXXX-WXX-6". Every value that used the context is marked `inferred`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta, weekday

from . import lexicon as lx
from . import values as vl
from .reference import Reference
from .spec import Spec
from .tense import FUTURE, PAST, UNKNOWN, tense_near

__all__ = ["Context", "Resolved", "resolve"]

_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


@dataclass(slots=True)
class Context:
    """What resolution may look at: the text, the DCT and the expressions seen so far."""

    text: str
    dct: Reference | None
    day_first: bool
    anchor: Reference | None = None  # the last explicit full date in the text
    quarter: tuple[int, int] | None = None  # the last quarter named ("the third quarter")
    history: list[str] = field(default_factory=list)  # values resolved so far

    @property
    def ref(self) -> Reference | None:
        """The DCT for news; for undated narratives, the last explicit date."""
        return self.dct or self.anchor

    def last_matching(self, pattern: re.Pattern[str], back: int = 4) -> re.Match[str] | None:
        """The most recent of the last `back` values that matches `pattern`."""
        for value in reversed(self.history[-back:]):
            m = pattern.match(value)
            if m:
                return m
        return None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved expression: TimeML type, value, mod and whether context was used."""

    type: str
    value: str
    mod: str | None = None
    inferred: bool = False


Span = tuple[int, int]
_TENSE_DAYS = 61  # a nearest date this far on the "wrong" side of the DCT yields to tense


def _tense(ctx: Context, span: Span) -> int:
    """The clause's tense; in an undated narrative every clause is past, so it says nothing
    about the direction from the anchor date and counts as unknown there."""
    if ctx.dct is None:
        return UNKNOWN
    return tense_near(ctx.text, span[0], span[1])


def _pick_year(ref: Reference, month: int, day: int | None, tense: int) -> int:
    """The year of a month(-day) without one: the nearest to the reference, unless the
    clause's tense clearly points the other way and the nearest is over _TENSE_DAYS off."""
    if ref.month is None:
        return ref.year
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


def _calendar(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """Dates with names: FEBRUARY 13, November 2022, last May, June last year."""
    ref, year, inferred = ctx.ref, spec.year, False
    if year is None:
        if ref is None:
            return _with_clock(spec, vl.fmt_date(None, spec.month, spec.day), False)
        inferred = True
        if spec.unit == "year":  # "June last year"
            year = ref.year + (spec.rel or 0)
        elif spec.rel is not None and spec.month is not None and ref.month is not None:
            year = ref.year + _month_rel_offset(spec.month, ref.month, spec.rel)
        elif spec.rel is not None:
            year = ref.year + spec.rel if spec.rel else ref.year
        else:
            year = _pick_year(ref, spec.month or 1, spec.day, _tense(ctx, span))
    if spec.day is not None and spec.month is not None:
        dt.date(year, spec.month, spec.day)  # ValueError (Feb 29) drops the expression
    return _with_clock(spec, vl.fmt_date(year, spec.month, spec.day), inferred)


def _month_rel_offset(month: int, ref_month: int, rel: int) -> int:
    """Year offset of "last May"/"next May"/"this May" seen from `ref_month`."""
    if rel < 0:
        return -1 if month >= ref_month else 0
    if rel > 0:
        return 1 if month <= ref_month else 0
    return 0


def _with_clock(spec: Spec, date_value: str, inferred: bool) -> Resolved:
    """Attach a time of day (and zone) to a day value, making it a TIME."""
    if spec.clock is None:
        return Resolved(spec.type, date_value, spec.mod, inferred)
    h, mi, s = spec.clock
    clock = f"T{h:02d}:{mi:02d}" + (f":{s:02d}" if s is not None else "")
    tz = lx.TIME_ZONES.get(spec.tz or "", "")
    return Resolved("TIME", date_value + clock + tz, spec.mod, inferred)


def _numeric(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """01.02.2023: day-first or month-first as the document decided."""
    a, b, _ = spec.raw or (0, 0, "")
    day, month = (a, b) if ctx.day_first else (b, a)
    if month > 12:
        day, month = month, day
    dt.date(spec.year or 1, month, day)
    return _with_clock(spec, vl.fmt_date(spec.year, month, day), False)


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
    if spec.rel == -1:
        target = day + relativedelta(days=-1, weekday=wd(-1))
    elif spec.rel == 1:
        target = day + relativedelta(days=+1, weekday=wd(+1))
    elif spec.rel == 0 or ctx.dct is None or _tense(ctx, span) == FUTURE:
        target = day + relativedelta(weekday=wd(+1))
    else:
        target = day + relativedelta(weekday=wd(-1))
    if spec.clock:
        return _with_clock(spec, target.isoformat(), True)
    return Resolved(kind, target.isoformat() + part, spec.mod, True)


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
    base = _base_date(ref, unit)
    if base is None:
        return Resolved("DATE", _unknown_at(ref, unit), spec.mod, True)
    value = vl.shift(base, unit, rel)
    return Resolved("DATE", value, spec.mod, True) if value else None


def _base_date(ref: Reference, unit: str) -> dt.date | None:
    """The reference as a date if it is precise enough for `unit` arithmetic."""
    if unit in ("day", "week", "weekend", "fortnight", "hour", "minute", "second"):
        return ref.date
    if unit in ("month", "quarter", "half"):
        return dt.date(ref.year, ref.month, 1) if ref.month else None
    return dt.date(ref.year, ref.month or 1, 1)


def _unknown_at(ref: Reference, unit: str) -> str:
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
    if unit == "year" and spec.amount == 1 and ctx.quarter and rel < 0 \
            and ctx.last_matching(_QUARTER_VALUE, back=3):
        year, q = ctx.quarter
        return Resolved("DATE", f"{year + rel:04d}-Q{q}", spec.mod, True)
    amount, unit = _whole(spec.amount, unit)
    base = _base_date(ref, unit)
    if base is None:
        return Resolved("DATE", _unknown_at(ref, unit), spec.mod, True)
    value = vl.shift(base, unit, rel * amount)
    return Resolved("DATE", value, spec.mod, True) if value else None


def _whole(amount: float, unit: str) -> tuple[int, str]:
    """A whole number of units, moving to a finer unit for "2 1/2 years"."""
    if float(amount).is_integer():
        return int(amount), unit
    finer = {"year": ("month", 12), "decade": ("year", 10), "month": ("day", 30),
             "week": ("day", 7), "day": ("hour", 24)}
    if unit in finer:
        sub, factor = finer[unit]
        return round(amount * factor), sub
    return round(amount), unit


def _duration(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    return Resolved("DURATION", vl.duration_value(spec.unit or "day", spec.amount), spec.mod)


def _fixed(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    return Resolved(spec.type, spec.value or "", spec.mod, False)


def _deictic(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """today, yesterday, tomorrow, tonight, this morning, last night."""
    ref, offset = ctx.ref, int(spec.amount or 0)
    part = f"T{spec.part}" if spec.part and not spec.part.startswith("T") else (spec.part or "")
    kind = "TIME" if part or spec.clock else spec.type
    if ref is None:
        return Resolved(kind, "XXXX-XX-XX" + part, spec.mod, False)
    if ref.date is None:
        return Resolved(kind, _unknown_at(ref, "day") + part, spec.mod, True)
    value = (ref.date + relativedelta(days=offset)).isoformat()
    if spec.clock:
        return _with_clock(spec, value, True)
    return Resolved(kind, value + part, spec.mod, True)


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
    if spec.rel is None and later and _tense(ctx, span) == PAST:
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
    this_past = ctx.text[span[0]:span[1]].lower().startswith("this past")
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
        return Resolved("DATE", vl.fmt_date(ref.year, ref.month), spec.mod, True)
    if unit == "year-end":
        return Resolved("DATE", f"{ref.year:04d}", "END", True)
    if unit in ("weekend", "week") and ref.date is not None:
        return Resolved("DATE", _week_of(ref.date, unit, _tense(ctx, span)), spec.mod, True)
    return None


_YEAR_VALUE = re.compile(r"^(\d{4})(?:$|-)")


def _last_year(ctx: Context) -> int | None:
    """The year of the most recent expression that named one ("that year")."""
    m = ctx.last_matching(_YEAR_VALUE, back=6)
    return int(m[1]) if m else None


def _anaphoric_quarter(spec: Spec, ctx: Context, adj: str) -> Resolved | None:
    """"the quarter", "the latest period": the quarter last named, else the one reported on
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
        named = completed
    if named is None and (spec.unit == "quarter" or spec.rel is not None):
        named = completed
    if named is None:
        return None
    year, q = named
    return Resolved("DATE", f"{year + (spec.rel or 0):04d}-Q{q}", spec.mod, True)


def _week_of(day: dt.date, unit: str, tense: int) -> str:
    """"the weekend": the one just past (or this one) unless the clause looks ahead."""
    if unit == "week":
        return vl.week_value(day)
    saturday = day + relativedelta(weekday=weekday(5)(+1 if tense == FUTURE else -1))
    if tense != FUTURE and day.weekday() == 6:
        saturday = day - dt.timedelta(days=1)
    return vl.week_value(saturday, weekend=True)


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
            year = _pick_year(ref, month, fixed[1] if fixed else 20, _tense(ctx, span))
    if fixed:
        return Resolved("DATE", vl.fmt_date(year, month, fixed[1]), None, spec.year is None)
    if year is None or nth is None:
        return Resolved("DATE", vl.fmt_date(None, month), None, False)
    _, wd, n = nth
    first = dt.date(year, month, 1)
    day = first + relativedelta(day=31 if n < 0 else 1, weekday=weekday(wd)(n))
    return Resolved("DATE", day.isoformat(), None, spec.year is None)


def _clock(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """6:06 AM, noon: on the reference day when one is known."""
    day = _ref_day(ctx)
    base = day.isoformat() if day else "XXXX-XX-XX"
    return _with_clock(spec, base, day is not None)


RESOLVERS: dict[str, Callable[[Spec, Context, Span], Resolved | None]] = {
    "calendar": _calendar, "numeric": _numeric, "weekday": _weekday, "relative": _relative,
    "offset": _offset, "duration": _duration, "fixed": _fixed, "deictic": _deictic,
    "quarter": _quarter, "season": _season, "anaphor": _anaphor, "holiday": _holiday,
    "clock": _clock,
}


def resolve(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """The TimeML reading of `spec` in context; None if it names no real time."""
    try:
        return RESOLVERS[spec.kind](spec, ctx, span)
    except (ValueError, OverflowError):
        return None

