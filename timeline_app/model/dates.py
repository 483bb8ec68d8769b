"""Dates as news text states them: with their precision, a part of a period, and provenance.

A `FuzzyDate` never pretends to know more than the text said: "early January 2022" is the
first ten days of January 2022, not 1 January; "13 February" in a 2023 article is
2023-02-13 *inferred*. Every date covers an inclusive interval [start, end]; a span between
two dates ("602 – 629", "5 January 1920 – 5 January 1923") keeps both ends, each with its
own precision.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

__all__ = ["FuzzyDate", "Part", "Precision", "DateError"]


class DateError(ValueError):
    """A date string or field combination that names no real date."""


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Part(StrEnum):
    """A part of a month or year ("early January", "late 2022")."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


_MONTH_NAMES = list(calendar.month_name)
# A part of a month covers these days; of a year, these months (thirds, as in common usage).
_MONTH_PART_DAYS = {Part.EARLY: (1, 10), Part.MID: (11, 20), Part.LATE: (21, 31)}
_YEAR_PART_MONTHS = {Part.EARLY: (1, 4), Part.MID: (5, 8), Part.LATE: (9, 12)}
_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_SPAN_DASH = " – "


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A calendar date known to year, month or day precision, or a span up to another.

    `part` narrows a month or year to its early/mid/late third; `inferred` says that some
    field (typically the year) came from context, not from the words of the text; `to` is
    the last date of a span ("the war of 602 – 629"): it covers from this date's start to
    `to`'s end. Ordered by the interval covered.
    """

    year: int
    month: int | None = None
    day: int | None = None
    part: Part | None = None
    inferred: bool = False
    to: FuzzyDate | None = None

    def __post_init__(self) -> None:
        self._check_fields()
        if self.to is not None:
            if self.to.to is not None:
                raise DateError("a span ends at a date, not at another span")
            if self.to.start <= self.start or self.to.end <= self._own_end():
                raise DateError(
                    f"a span must end after it starts: {self.to.iso()} is not after "
                    f"{self._own_iso()}"
                )

    def _key(self) -> tuple[Any, ...]:
        return (self.start, self.end, self.precision.value, self.inferred)

    def __lt__(self, other: FuzzyDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: FuzzyDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: FuzzyDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: FuzzyDate) -> bool:
        return self._key() >= other._key()

    def _check_fields(self) -> None:
        if self.part is not None and not isinstance(self.part, Part):
            object.__setattr__(self, "part", Part(self.part))  # "early" -> Part.EARLY
        if not 1 <= self.year <= 9999:
            raise DateError(f"year out of range: {self.year}")
        if self.month is None and self.day is not None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"no month {self.month}")
        if self.day is not None:
            assert self.month is not None
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise DateError(f"{_MONTH_NAMES[self.month]} {self.year} has no day {self.day}")
            if self.part is not None:
                raise DateError("a day has no early/mid/late part")

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_iso(
        cls, text: str, *, part: Part | str | None = None, inferred: bool = False
    ) -> FuzzyDate:
        """Parse "2023", "2023-11" or "2023-11-23", or a span of two such dates "0602/0629"
        (ISO 8601's interval form); raise DateError otherwise."""
        if "/" in text:
            first, _, last = text.partition("/")
            start = cls.from_iso(first, part=part, inferred=inferred)
            return replace(start, to=cls.from_iso(last, inferred=inferred))
        m = _ISO.match(text.strip())
        if not m:
            raise DateError(f"not an ISO date of year, month or day precision: {text!r}")
        y, mo, d = m.group("y", "m", "d")
        return cls(
            int(y),
            int(mo) if mo else None,
            int(d) if d else None,
            Part(part) if part else None,
            inferred,
        )

    @classmethod
    def from_date(cls, value: date, *, inferred: bool = False) -> FuzzyDate:
        return cls(value.year, value.month, value.day, inferred=inferred)

    def with_inferred(self, inferred: bool = True) -> FuzzyDate:
        return replace(self, inferred=inferred)

    # -- what it covers -----------------------------------------------------------------
    def span_to(self, last: FuzzyDate) -> FuzzyDate:
        """This date as the start of a span that ends with `last` (DateError if not later)."""
        return replace(self, to=replace(last, to=None))

    @property
    def is_span(self) -> bool:
        return self.to is not None

    @property
    def first(self) -> FuzzyDate:
        """The start date alone (the date itself when it is no span)."""
        return replace(self, to=None) if self.to is not None else self

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def start(self) -> date:
        """First day of the interval the date covers."""
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        if self.month is not None:
            first = _MONTH_PART_DAYS[self.part][0] if self.part else 1
            return date(self.year, self.month, first)
        first_month = _YEAR_PART_MONTHS[self.part][0] if self.part else 1
        return date(self.year, first_month, 1)

    @property
    def end(self) -> date:
        """Last day (inclusive) of the interval the date covers."""
        if self.to is not None:
            return self.to.end
        return self._own_end()

    def _own_end(self) -> date:
        if self.day is not None:
            return self.start
        if self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if self.part:
                last = min(last, _MONTH_PART_DAYS[self.part][1])
            return date(self.year, self.month, last)
        last_month = _YEAR_PART_MONTHS[self.part][1] if self.part else 12
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def contains(self, other: FuzzyDate) -> bool:
        return self.start <= other.start and other.end <= self.end

    # -- text -----------------------------------------------------------------------------
    def iso(self) -> str:
        """ISO form at the date's own precision: "2023", "2023-11", "2023-11-23"; a span
        as ISO 8601 writes an interval, "0602/0629"."""
        own = self._own_iso()
        return f"{own}/{self.to.iso()}" if self.to is not None else own

    def _own_iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def label(self) -> str:
        """Human form: "23 November 2023", "early January 2022", "2023", "602 – 629"."""
        own = self._own_label()
        return f"{own}{_SPAN_DASH}{self.to.label()}" if self.to is not None else own

    def _own_label(self) -> str:
        if self.day is not None:
            text = f"{self.day} {_MONTH_NAMES[self.month]} {self.year}"  # type: ignore[index]
        elif self.month is not None:
            text = f"{_MONTH_NAMES[self.month]} {self.year}"
        else:
            text = str(self.year)
        return f"{self.part.value} {text}" if self.part else text

    def describe(self) -> str:
        """Label with its precision and provenance, as shown to a user."""
        what = self.precision.value
        if self.to is not None and self.to.precision is not self.precision:
            what = f"{what} to {self.to.precision.value}"
        what = f"{what} precision, {self.part.value} part" if self.part else f"{what} precision"
        if self.to is not None:
            what = f"span, {what}"
        note = ", inferred from context" if self.inferred else ""
        return f"{self.label()} ({what}{note})"

    def __str__(self) -> str:
        return self.label()
