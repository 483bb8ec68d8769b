"""The planner on events that share one interval: stacked while the rows hold them, one
count where they do not, and the kept (selected) event always drawn. No Qt."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from timeline_app.plan.columns import DAY, MONTH, YEAR, EventStore
from timeline_app.plan.frame import Planner, build_lanes
from timeline_app.plan.rows import fit_span

WIDTH = 1000.0


def same_interval_store(n: int, precision: int, *, days: float = 365.0) -> EventStore:
    """`n` events over the same interval of `days` from 2019-01-01 (x = 0)."""
    zeros = np.zeros(n)
    return EventStore.from_columns(
        date(2019, 1, 1),
        zeros,
        zeros + days,
        np.full(n, precision),
        part=np.zeros(n, np.uint8),
        inferred=np.zeros(n, bool),
        n_sources=np.ones(n, np.int32),
        titles=[f"Happening number {k}" for k in range(n)],
        outlet=np.full(n, -1),
        outlet_names=[],
        actor=np.full(n, -1),
        actor_names=[],
    )


def plan(store: EventStore, rows: int, *, keep: int | None = None, view=None):
    planner = Planner(
        store, build_lanes(store, np.arange(len(store)), "none"), lambda i: np.full(len(i), 150.0)
    )
    lo, hi = view or fit_span(float(store.x0.min()), float(store.x1.max()), WIDTH)
    frame = planner.plan(lo, hi, WIDTH, rows, lambda i: np.zeros(len(i)), keep=keep)
    return frame.lanes[0]


# (events, precision, interval in days, rows available, stacked?, why)
CASES = [
    (10, YEAR, 365, 13, True, "ten year bars, thirteen rows: one row each"),
    (10, YEAR, 365, 11, True, "ten bars and the strip row unused: still fits"),
    (10, YEAR, 365, 10, False, "ten bars, nine detail rows: a strip"),
    (10, YEAR, 365, 4, False, "far too few rows"),
    (6, MONTH, 31, 8, True, "six events of the same month"),
    (30, YEAR, 365, 20, False, "thirty events of one year in twenty rows"),
    (3, DAY, 1, 2, True, "a few events of one day are points"),
]


@pytest.mark.parametrize(
    ("n", "precision", "days", "rows", "stacked", "why"), CASES, ids=[c[-1] for c in CASES]
)
def test_same_interval_events_stack_while_rows_hold_them(n, precision, days, rows, stacked, why):
    lane = plan(same_interval_store(n, precision, days=days), rows)
    if stacked:
        assert lane.strip_y is None, why
        assert sorted(lane.detail.tolist()) == list(range(n)), why
        assert len(set(lane.y.tolist())) == (n if precision != DAY else len(set(lane.y))), why
    else:
        assert lane.strip_y is not None and len(lane.detail) == 0, why
        assert [count for _, _, count in lane.clusters] == [n], f"{why}: one bubble"


@pytest.mark.parametrize("rows", [1, 2, 4, 10])
@pytest.mark.parametrize("keep", [0, 4, 9])
def test_the_kept_event_is_drawn_and_not_counted(rows, keep):
    lane = plan(same_interval_store(10, YEAR), rows, keep=keep)
    assert lane.detail.tolist() == [keep]
    assert [count for _, _, count in lane.clusters] == [9]
    assert lane.top <= lane.y[0] < lane.top + rows


def test_a_kept_event_out_of_view_is_not_drawn():
    lane = plan(same_interval_store(10, YEAR), 4, keep=3, view=(400.0, 500.0))
    assert len(lane.detail) == 0 and lane.strip_y is None


def test_a_bubble_covers_the_cells_with_the_same_events_only():
    """Twenty year events and one day in July on a one-row lane (a strip and nothing
    else): the day's cell is a bubble of its own between two of the year's."""
    n = 20
    store = same_interval_store(n, YEAR)
    x0 = np.append(store.x0, 180.0)
    x1 = np.append(store.x1, 181.0)
    mixed = EventStore.from_columns(
        store.ref,
        x0,
        x1,
        np.append(store.precision, DAY),
        part=np.zeros(n + 1, np.uint8),
        inferred=np.zeros(n + 1, bool),
        n_sources=np.ones(n + 1, np.int32),
        titles=[*store.titles, "A day in July"],
        outlet=np.full(n + 1, -1),
        outlet_names=[],
        actor=np.full(n + 1, -1),
        actor_names=[],
    )
    lane = plan(mixed, 1)
    counts = [c for _, _, c in lane.clusters]
    assert counts == [n, n + 1, n]
    lane = plan(mixed, 4)  # with rows, the day is a point and the year one bubble
    assert lane.detail.tolist() == [int(np.flatnonzero(mixed.precision == DAY)[0])]
    assert [c for _, _, c in lane.clusters] == [n]
