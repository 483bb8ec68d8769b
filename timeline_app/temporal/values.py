"""TimeML value strings and calendar arithmetic at a given granularity (via dateutil)."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from .lexicon import TIME_UNITS, UNITS

__all__ = ["fmt_date", "shift", "duration_value", "week_value", "quarter_of"]


def fmt_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """ "2023-11-23", "2023-11", "2023", "XXXX-11-23" (unknown year)."""
    out = "XXXX" if year is None else f"{year:04d}"
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            out += f"-{day:02d}"
    return out


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month is in."""
    return (month - 1) // 3 + 1


def week_value(d: dt.date, weekend: bool = False) -> str:
    """The ISO week of a day: "2023-W47" (or "2023-W47-WE" for its weekend)."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if weekend else "")


def shift(d: dt.date, unit: str, n: int) -> str | None:
    """The period `n` units away from `d`, written at that unit's granularity."""
    if unit in ("day", "hour", "minute", "second"):
        return (d + relativedelta(days=n)).isoformat()
    if unit in ("week", "weekend", "fortnight"):
        return week_value(
            d + relativedelta(weeks=n * (2 if unit == "fortnight" else 1)), unit == "weekend"
        )
    if unit == "month":
        moved = d + relativedelta(months=n)
        return fmt_date(moved.year, moved.month)
    if unit == "quarter":
        moved = d + relativedelta(months=3 * n)
        return f"{moved.year:04d}-Q{quarter_of(moved.month)}"
    if unit == "half":
        moved = d + relativedelta(months=6 * n)
        return f"{moved.year:04d}-H{1 if moved.month <= 6 else 2}"
    if unit in ("year", "season"):
        return f"{d.year + n:04d}"
    if unit == "decade":
        return f"{(d.year + 10 * n) // 10:03d}"
    if unit == "century":
        return f"{(d.year + 100 * n) // 100:02d}"
    if unit == "millennium":
        return f"{(d.year + 1000 * n) // 1000}"
    return None


def _number(x: float) -> str:
    """3.0 -> "3", 2.5 -> "2.5"."""
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def duration_value(unit: str, amount: float | None) -> str:
    """TimeML duration: P3D, PT2H, P1W, P20Y (two decades), PXY (many years)."""
    if unit == "decade" and amount is not None:
        unit, amount = "year", amount * 10
    elif unit == "century" and amount is not None:
        unit, amount = "year", amount * 100
    elif unit == "weekend":
        unit, amount = "day", 2 * (amount or 1)
    elif unit == "fortnight":
        unit, amount = "week", 2 * (amount if amount is not None else 1)
    code = UNITS[unit] if unit != "season" else "M"
    t = "T" if unit in TIME_UNITS else ""
    if amount is None:
        return f"P{t}X{code}"
    whole, frac = int(amount), amount - int(amount)
    finer = _FINER.get(unit)
    if frac and finer:  # "2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S
        sub, factor = finer
        rest = f"{_number(frac * factor)}{UNITS[sub]}"
        head = f"{whole}{code}" if whole else ""
        if sub in TIME_UNITS and not t:
            return f"P{head}T{rest}"
        return f"P{t}{head}{rest}"
    return f"P{t}{_number(amount)}{code}"


_FINER = {
    "year": ("month", 12),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
    "week": ("day", 7),
    "month": ("day", 30),
}
