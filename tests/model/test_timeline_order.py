"""A timeline's events are in date order, then title, and events equal in both keep the
order they came in, however long the list (a long one is sorted in runs, then merged)."""

from __future__ import annotations

import random

import pytest

from timeline_app.model import Event, FuzzyDate, Timeline
from timeline_app.model import timeline as timeline_module

DATES = [FuzzyDate(2004), FuzzyDate(2004, 3), FuzzyDate(2004, 3, 3), FuzzyDate(2003, 12, 31)]
TITLES = ["A ministry said", "The alliance met", "A ministry said"]


def _events(n: int, seed: int) -> list[Event]:
    rng = random.Random(seed)
    return [Event(f"e{k}", rng.choice(TITLES), rng.choice(DATES)) for k in range(n)]


@pytest.mark.parametrize(
    ("n", "run"),
    [(0, 4), (1, 4), (4, 4), (5, 4), (9, 4), (100, 7), (100, 1000), (2500, 2000)],
)
@pytest.mark.parametrize("seed", [1, 2])
def test_events_by_date_then_title_ties_in_their_order(monkeypatch, n, run, seed):
    monkeypatch.setattr(timeline_module, "_SORT_RUN", run)
    events = _events(n, seed)
    expected = sorted(events, key=lambda e: (e.date.start, e.date.end, e.title))  # stable
    timeline = Timeline(events=list(events))
    assert [e.id for e in timeline.events] == [e.id for e in expected]
