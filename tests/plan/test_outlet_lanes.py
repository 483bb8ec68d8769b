"""Lanes by outlet: articles that name no outlet share one "Unknown outlet" lane; they are
never given a lane per headline."""

from pathlib import Path

import numpy as np
import pytest

from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline
from timeline_app.plan.columns import EventStore
from timeline_app.plan.frame import build_lanes


def _timeline(outlets: list[str | None]) -> Timeline:
    docs, events = {}, []
    date = FuzzyDate.from_iso("2023-11-23")
    for i, outlet in enumerate(outlets):
        doc = Document(
            f"d{i}.txt", Path(f"d{i}.txt"), "Text.", title=f"Headline {i}", outlet=outlet
        )
        docs[doc.id] = doc
        events.append(Event(f"e{i}", f"Event {i}", date, [Source(doc.id, 0, 5, 0, 4, "x", date)]))
    return Timeline(docs, events)


# (outlets of the articles, lanes expected with their sizes, why)
CASES = [
    ([None, None, "BelTA"], {"Unknown outlet": 2, "BelTA": 1}, "no outlet: one shared lane"),
    (["TASS", "TASS"], {"TASS": 2}, "named outlets only"),
    ([None], {"Unknown outlet": 1}, "a single untitled article"),
]


@pytest.mark.parametrize(("outlets", "lanes", "why"), CASES)
def test_lanes_by_outlet(outlets, lanes, why):
    store = EventStore.from_timeline(_timeline(outlets))
    built = build_lanes(store, np.arange(len(store)), "outlet")
    assert {lane.name: len(lane.members) for lane in built} == lanes, why
