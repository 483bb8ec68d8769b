"""Publication dates from header lines: which fields the text really had (dateutil)."""

import random

import pytest
from dateutil import parser

from timeline_app.ingest import header
from timeline_app.ingest.header import find_header_date
from timeline_app.model import FuzzyDate

CASES = [
    # (text, expected date or None, expected (has_year, month, day), span text, why)
    (
        "Posted: 21.11.2023 14:07:00\n\nStory.",
        FuzzyDate(2023, 11, 21),
        (True, 11, 21),
        "21.11.2023 14:07:00",
        "day-first numeric date behind a label",
    ),
    (
        "Title\n\ned. TWA\n\n6:06 AM EST, November 26, 2023\n\nStory.",
        FuzzyDate(2023, 11, 26),
        (True, 11, 26),
        "6:06 AM EST, November 26, 2023",
        "US style with time zone (no warning)",
    ),
    (
        "Title\n\n\nYEREVAN, FEBRUARY 13, ARTSAKHPRESS. Belarusian President spoke.",
        None,
        (False, 2, 13),
        "FEBRUARY 13",
        "a dateline gives month and day but no year",
    ),
    (
        "Published: March 2021\nStory",
        FuzzyDate(2021, 3),
        (True, 3, None),
        "March 2021",
        "a month without a day stays month precision",
    ),
]


@pytest.mark.parametrize(("text", "date", "fields", "span_text", "why"), CASES)
def test_header_dates(text, date, fields, span_text, why):
    found = find_header_date(text)
    assert found is not None, why
    assert found.date == date, why
    assert (found.has_year, found.month, found.day) == fields, why
    assert text[found.span.start : found.span.end] == span_text, why


@pytest.mark.parametrize(
    "text",
    [
        "CSTO operation in Kazakhstan developed by Minsk, Moscow: Lukashenko\nA long story line.",
        "Meeting with CSTO Secretary General Imangali Tasmagambetov\n\n  • 10\n",
        "Posted: 30.02.2023\n",
    ],
)
def test_no_header_date(text):
    assert find_header_date(text) is None


def test_month_first_when_asked():
    found = find_header_date("Posted: 03/04/2023\n", day_first=False)
    assert found is not None and found.date == FuzzyDate(2023, 3, 4)


def _two_parses(text, day_first):
    """The fields as two parses against defaults years, months and days apart give them."""
    try:
        a, b = (
            parser.parse(text, default=d, dayfirst=day_first, fuzzy=True, tzinfos=header._TZINFOS)
            for d in header._DEFAULTS
        )
    except (ValueError, OverflowError):
        return None
    pairs = zip((a.year, a.month, a.day), (b.year, b.month, b.day), strict=True)
    fields = tuple(x if x == y else None for x, y in pairs)
    return None if fields[1] is None or fields[0] is None and fields[2] is None else fields


@pytest.mark.parametrize("day_first", [True, False])
def test_one_parse_gives_what_two_give(day_first):
    """A line with every field written away from the first default is parsed once; lines
    with weekdays, missing fields, the defaults' own values, bad days: all as two parses."""
    rng = random.Random(7)
    parts = [
        ["", "Monday, ", "Sat ", "Posted: ", "8:22 PM EST, ", "Sunrise "],
        ["July", "Jan.", "January", "Feb", "December", "", "month"],
        [" 25", " 1", " 29", " 31", " 2", ""],
        [", 1995", ", 2001", " 2002", ", 01", ""],
        ["", " 14:07:00", " GMT", " (TASS)"],
    ]
    texts = ["21.11.2023 14:07:00", "01/02/2001", "13/01/2001", "2001-01-01", "30.02.2019"]
    texts += ["".join(rng.choice(p) for p in parts) for _ in range(600)]
    for text in texts:
        assert header._fields(text, day_first) == _two_parses(text, day_first), text
