"""Readers for the two ends of a range: "the 2015-2016 season", "1968-69", "the 2015/16
title", "between 6 and 9 months".

TimeML marks each end of a range as an expression of its own ("2015" and "2016"; "1968" and
"69", valued 1969; "6" and "9 months", both durations). The second year of "1968-69" and the
first amount of "between 6 and 9 months" say nothing alone, so they are read here with the
other end in view.
"""

from __future__ import annotations

from . import lexicon as lx
from . import nondates as nd
from .spec import Match, Spec, norm

__all__ = ["read_range_start", "read_range_end", "read_between_first"]

_MAX_SPAN = 50  # years a range of years may cover ("1914-1918", "1945-90")


def year_range(first: int, second: str) -> int | None:
    """The closing year of "<first>-<second>", or None when it is no range of years.

    A two-digit end takes the first year's century ("1968-69", "1999-00"); one that could be
    a month ("2009-12" is December 2009 as often as 2009 to 2012) counts only as the year
    right after ("2011-12" is a season).
    """
    end = int(second)
    if len(second) == 2:
        full = first // 100 * 100 + end
        full += 100 if full <= first else 0
        if end <= 12 and full != first + 1:
            return None
        end = full
    return end if 0 < end - first <= _MAX_SPAN else None


def _is_year(text: str, start: int, end: int, year: int) -> bool:
    """A year where the text reads it as one (not "pages 1968-1969" or "$1990-2000")."""
    return (
        1000 <= year <= 2199
        and text[start - 1 : start] not in ("$", "#", "+", "€", "£")
        and not nd.not_a_year(text, start, end, year)
    )


def read_range_start(m: Match) -> Spec | None:
    """The "2015" of "2015-2016" and "2015-16"."""
    year, text = int(m["year"]), m.string
    last = year_range(year, m["end"])
    if (
        last is None
        or not _is_year(text, m.start(), m.end(), year)
        or nd.not_a_year(text, m.start("end"), m.end("end"), last)
    ):
        return None  # "1990-2000 km"
    return Spec("fixed", value=f"{year:04d}", year=year)


def read_range_end(m: Match) -> Spec | None:
    """The "2016" of "2015-2016", and the "69" of "1968-69" (valued 1969); the span is the
    end alone."""
    first = int(m["first"])
    year = year_range(first, m["end"])
    if (
        year is None
        or not _is_year(m.string, m.start(), m.end("first"), first)
        or nd.not_a_year(m.string, m.start("end"), m.end(), year)
    ):
        return None
    return Spec("fixed", value=f"{year:04d}", year=year, lead=m.start("end") - m.start())


def read_between_first(m: Match) -> Spec | None:
    """The "6" of "between 6 and 9 months": a duration in the unit the range ends with."""
    amount = lx.words_to_number(norm(m["num"]))
    unit = lx.UNIT_FORMS.get(m["unit"].lower())
    if amount is None or unit is None or lx.words_to_number(norm(m["num2"])) is None:
        return None
    return Spec("duration", "DURATION", unit=unit, amount=amount, lead=m.start("num") - m.start())
