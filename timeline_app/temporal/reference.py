"""The reference point relative expressions resolve against: a DCT or an earlier date.

A reference knows only as much as it was given: "2022-01" has a month but no day, so
"Saturday" resolved against it keeps an unknown day ("XXXX-WXX-6") instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Reference", "parse_dct"]

_DCT = re.compile(
    r"\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2}))?)?)?"
)


@dataclass(frozen=True, slots=True)
class Reference:
    """A point known to year, month, day or minute precision (unknown fields are None)."""

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def date(self) -> dt.date | None:
        """The calendar day, if the reference is known to the day."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    @property
    def quarter(self) -> int | None:
        """The quarter (1-4) of the reference month, if known."""
        return None if self.month is None else (self.month - 1) // 3 + 1

    @classmethod
    def from_date(cls, d: dt.date) -> Reference:
        """A day-precision reference."""
        return cls(d.year, d.month, d.day)


def _checked(
    year: int, month: int | None, day: int | None, hour: int | None, minute: int | None
) -> Reference | None:
    """Drop fields that do not name a real calendar point, keeping what is valid."""
    if not 1 <= year <= 9998:
        return None
    if month is None or not 1 <= month <= 12:
        return Reference(year)
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return Reference(year, month)
    if day is None:
        return Reference(year, month)
    if hour is None or minute is None or hour > 23 or minute > 59:
        return Reference(year, month, day)
    return Reference(year, month, day, hour, minute)


def parse_dct(dct: str | dt.date | dt.datetime | None) -> Reference | None:
    """Parse a (possibly partial) ISO DCT; anything unreadable gives None, never an error."""
    if dct is None:
        return None
    if isinstance(dct, dt.datetime):
        return Reference(dct.year, dct.month, dct.day, dct.hour, dct.minute)
    if isinstance(dct, dt.date):
        return Reference.from_date(dct)
    if not isinstance(dct, str):
        return None
    m = _DCT.match(dct)
    if not m:
        return None

    def num(key: str) -> int | None:
        return int(m[key]) if m[key] else None

    return _checked(int(m["y"]), num("m"), num("d"), num("H"), num("M"))
