"""The tick plan the window's axis and exported pictures share (`plan/ticks.py`), without
Qt: which level each zoom gets, what context names it, and labels that never collide."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.plan.ticks import date_ticks, place_tick_labels

REF = date(2022, 1, 1)


def x(when: datetime | date) -> float:
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day)
    delta = when - datetime(REF.year, REF.month, REF.day)
    return delta.days + delta.seconds / 86400


def width(text: str) -> float:
    return 7.0 * len(text)


CASES = [  # (from, to, px, some fine labels, the context labels drawn, why)
    (
        datetime(2023, 11, 21, 10),
        datetime(2023, 11, 21, 11),
        1200,
        ["10:05", "10:30", "10:55"],
        ["Tuesday 21 November 2023"],
        "an hour: minutes under the whole day, named at the edge",
    ),
    (
        datetime(2023, 11, 20, 12),
        datetime(2023, 11, 23, 12),
        1200,
        ["00:00", "06:00", "18:00"],
        [
            "Monday 20 November 2023",
            "Tuesday 21 November 2023",
            "Wednesday 22 November 2023",
            "Thursday 23 November 2023",
        ],
        "three days: hours under each day",
    ),
    (
        datetime(2023, 11, 20, 12),
        datetime(2023, 11, 23, 12),
        500,
        ["21", "22", "23"],
        ["November 2023"],
        "three days, narrow: days under their month",
    ),
    (
        date(2023, 11, 10),
        date(2023, 12, 1),
        1200,
        ["10", "20", "30"],
        ["November 2023"],
        "three weeks: days under the month, no room for December at the very end",
    ),
    (
        date(2023, 10, 10),
        date(2024, 2, 10),
        1200,
        ["1", "8", "15", "22"],
        ["October 2023", "November 2023", "December 2023", "January 2024", "Feb 2024"],
        "four months: weekly days under each month, shorter near the right edge",
    ),
    (
        date(2022, 7, 1),
        date(2025, 7, 1),
        1200,
        ["Jan", "Apr", "Jul", "Oct"],
        ["2022", "2023", "2024", "2025"],
        "three years: quarters under each year",
    ),
    (
        date(1970, 1, 1),
        date(2050, 1, 1),
        1200,
        ["1970", "1975", "2045"],
        ["1970s", "1980s", "1990s", "2000s", "2010s", "2020s", "2030s", "2040s"],
        "eighty years: years under their decade",
    ),
    (
        date(1500, 1, 1),
        date(2300, 1, 1),
        1200,
        ["1500", "1550", "2250"],
        [f"{n}th century" for n in range(16, 21)]
        + ["21st century", "22nd century", "23rd century"],
        "centuries",
    ),
    (
        date(100, 1, 1),
        date(9999, 1, 1),
        1200,
        ["500", "1000", "5000"],
        ["2nd millennium", "3rd millennium"] + [f"{n}th millennium" for n in range(4, 11)],
        "ten thousand years: centuries under their millennium",
    ),
    (
        date(100, 1, 1),
        date(9999, 1, 1),
        400,
        ["2000", "8000"],
        [],
        "ten thousand years, narrow: millennia alone",
    ),
]


@pytest.mark.parametrize(("start", "end", "px", "fine", "coarse", "why"), CASES)
def test_plan_at_each_zoom(start, end, px, fine, coarse, why):
    ticks = date_ticks(REF, x(start), x(end), px, width)
    assert set(fine) <= {t for _, t in ticks.fine}, why
    drawn = place_tick_labels(ticks, x(start), x(end), px, width)
    assert [lb.text for lb in drawn if lb.tier == 1] == coarse, why


def test_the_left_edge_is_named_only_with_room_before_the_first_boundary():
    lo, hi = x(date(2023, 10, 31)), x(date(2023, 11, 20))
    assert [t for _, t in date_ticks(REF, lo, hi, 1200, width).coarse] == ["November 2023"]
    lo = x(date(2023, 10, 20))
    named = date_ticks(REF, lo, hi, 1200, width).coarse
    assert [t for _, t in named] == ["October 2023", "November 2023"] and named[0][0] == lo


def test_a_boundary_near_the_right_edge_takes_a_shorter_wording():
    lo, hi = x(date(2023, 10, 5)), x(date(2023, 11, 3))
    last = date_ticks(REF, lo, hi, 1200, width).coarse[-1]
    assert last[1] == "Nov 2023"


def test_labels_measured_wider_get_fewer_ticks():
    lo, hi = x(date(2023, 1, 1)), x(date(2023, 2, 1))
    narrow = date_ticks(REF, lo, hi, 800, width)
    wide = date_ticks(REF, lo, hi, 800, lambda s: 3 * width(s))
    assert len(wide.fine) < len(narrow.fine)


@settings(max_examples=300, deadline=None)
@given(st.floats(-700_000, 2_900_000), st.floats(-8, 6.6), st.floats(80, 4000))
def test_labels_never_collide_at_any_zoom(lo, log_span, px):
    """From a few minutes to ten thousand years, at any width: never raises, and within a
    tier no label touches the next or leaves the width."""
    hi = lo + 10.0**log_span
    ticks = date_ticks(REF, lo, hi, px, width)
    for tier in (0, 1):
        drawn = [lb for lb in place_tick_labels(ticks, lo, hi, px, width) if lb.tier == tier]
        for a, b in zip(drawn, drawn[1:], strict=False):
            assert b.left >= a.left + a.width + 3
        assert all(lb.left >= 0 and lb.left + lb.width <= px for lb in drawn)
