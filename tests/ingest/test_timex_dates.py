"""Tagger values become calendar intervals, or nothing when they name none."""

from pathlib import Path

import pytest

from timeline_app.ingest.extract import fuzzy_from_timex
from timeline_app.model import Document, FuzzyDate, Part
from timeline_app.temporal import Timex

DOC = Document(id="a.txt", path=Path("a.txt"), text="", published=FuzzyDate(2022, 1))

CASES = [
    # (value, mod, inferred, expected, why)
    ("2023-11-23", None, True, FuzzyDate(2023, 11, 23, inferred=True), "a day"),
    ("2023-11-23TNI", None, False, FuzzyDate(2023, 11, 23), "Thursday night is that day"),
    ("2023-11-21T14:07:00", None, False, FuzzyDate(2023, 11, 21), "a clock time is its day"),
    ("2022-01", "START", True, FuzzyDate(2022, 1, part=Part.EARLY, inferred=True), "early January"),
    ("2022", "END", False, FuzzyDate(2022, part=Part.LATE), "late 2022"),
    ("2023-11-23", "START", False, FuzzyDate(2023, 11, 23), "a day has no part"),
    (
        "XXXX-WXX-6",
        None,
        True,
        FuzzyDate(2022, 1, inferred=True),
        "a Saturday in a January article",
    ),
    ("2023-02-30", None, False, None, "no such day"),
    ("2023-W47", None, False, None, "weeks are not shown yet"),
    ("PRESENT_REF", None, False, None, "no interval"),
    ("P3D", None, False, None, "a duration is no date"),
]


@pytest.mark.parametrize(("value", "mod", "inferred", "expected", "why"), CASES)
def test_fuzzy_from_timex(value, mod, inferred, expected, why):
    timex = Timex(0, 1, "x", "DATE", value, mod, inferred)
    assert fuzzy_from_timex(timex, DOC) == expected, why
