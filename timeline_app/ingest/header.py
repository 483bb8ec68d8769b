"""Publication dates from an article's header lines, parsed with python-dateutil.

Handles "Posted: 21.11.2023 14:07:00", "6:06 AM EST, November 26, 2023" and wire datelines
such as "YEREVAN, FEBRUARY 13, ARTSAKHPRESS." (no year: the caller supplies one from context).
dateutil fills missing fields from `default`, so each line is parsed against two different
defaults: a field that changes with the default was not in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from dateutil import parser as du_parser
from dateutil import tz

from ..model import DateError, FuzzyDate, Span

__all__ = ["HeaderDate", "find_header_date", "parse_date_text", "HEADER_LINES"]

HEADER_LINES = 12  # a publication line sits near the top of an article
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A line that is a date and little else, optionally behind a label such as "Posted:".
_DATE_LINE = re.compile(
    r"^(?:(?:posted|published|updated|date|last updated)\s*(?:on)?\s*:?\s*)?"
    r"(?P<date>(?=[^\n]{6,60}$)[^\n]*?(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b(?:"
    + _MONTHS
    + r")\b\.?\s+\d{1,2}|\d{1,2}\s+(?:"
    + _MONTHS
    + r")\b)[^\n]*)$",
    re.IGNORECASE,
)
# "CITY, MONTH DAY, AGENCY." or "CITY, DAY MONTH (AGENCY) -" at the start of a story.
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z .'-]{1,30}),\s+(?P<date>(?:"
    + _MONTHS
    + r")\.?\s+\d{1,2}|\d{1,2}\s+(?:"
    + _MONTHS
    + r"))\b(?:,\s*\d{4})?",
    re.IGNORECASE,
)
_TZINFOS = {
    "EST": tz.tzoffset("EST", -5 * 3600),
    "EDT": tz.tzoffset("EDT", -4 * 3600),
    "CST": tz.tzoffset("CST", -6 * 3600),
    "PST": tz.tzoffset("PST", -8 * 3600),
    "GMT": tz.UTC,
    "UTC": tz.UTC,
    "MSK": tz.tzoffset("MSK", 3 * 3600),
    "CET": tz.tzoffset("CET", 3600),
    "BST": tz.tzoffset("BST", 3600),
}
# two years, months and days apart; the first's month and day are 1 (see `_fields`)
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


@dataclass(frozen=True, slots=True)
class HeaderDate:
    date: FuzzyDate | None  # None when the line had no year and none was supplied
    span: Span  # the date expression in the text
    has_year: bool
    month: int | None
    day: int | None
    line: str


def find_header_date(text: str, *, day_first: bool = True) -> HeaderDate | None:
    """The first header line near the top of `text` that states a date."""
    offset = 0
    for line in text.splitlines(keepends=True)[:HEADER_LINES]:
        found = _parse_line(line.rstrip("\r\n"), offset, day_first)
        if found:
            return found
        offset += len(line)
    return None


def _parse_line(line: str, offset: int, day_first: bool) -> HeaderDate | None:
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    for pattern, kind in ((_DATE_LINE, "publication line"), (_DATELINE, "dateline")):
        m = pattern.match(stripped)
        if not m:
            continue
        fields = _fields(m.group("date"), day_first)
        if fields is None:
            continue
        year, month, day = fields
        start = offset + lead + m.start("date")
        span = Span(start, start + len(m.group("date")), kind)
        date = FuzzyDate(year, month, day) if year else None
        return HeaderDate(date, span, year is not None, month, day, stripped)
    return None


def parse_date_text(text: str, *, day_first: bool = True) -> FuzzyDate | None:
    """A metadata date ("2023-11-21T14:07:00+03:00", "21 Nov 2023", "2022-01") at the
    precision it was written, or None."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2}))?\s*", text)
    if m:  # ISO year or year-month: dateutil would invent the missing day
        try:
            return FuzzyDate(int(m.group(1)), int(m.group(2)) if m.group(2) else None)
        except DateError:
            return None
    fields = _fields(text, day_first)
    if fields is None or fields[0] is None:
        return None
    try:
        return FuzzyDate(*fields)
    except DateError:
        return None


def _fields(text: str, day_first: bool) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) actually written in `text`, or None if it is not a date.

    A line whose year, month and day all differ from the first default's wrote them all (the
    second parse gives the same), so most lines need one parse, not two. A weekday moves a
    date without a day, but from the 1st and the 2nd of a written month to the same day,
    unless the 1st is that weekday: then the day is 1 and the second parse decides."""
    try:
        first = _DEFAULTS[0]
        a = _parse(text, first, day_first)
        written = a.year != first.year and a.month != first.month and a.day != first.day
        if written:
            return a.year, a.month, a.day
        b = _parse(text, _DEFAULTS[1], day_first)
    except (ValueError, OverflowError):
        return None
    year = a.year if a.year == b.year else None
    month = a.month if a.month == b.month else None
    day = a.day if a.day == b.day else None
    if month is None or (day is None and year is None):
        return None
    return year, month, day


def _parse(text: str, default: datetime, day_first: bool) -> datetime:
    return du_parser.parse(text, default=default, dayfirst=day_first, fuzzy=True, tzinfos=_TZINFOS)
