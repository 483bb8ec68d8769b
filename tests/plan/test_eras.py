"""Eras in the plan: bands in the order they start, tinted alternately, each name with room
up to its end or the next era's start; a picture keeps a strip above the rows for the names.
Plain plan code, no Qt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from timeline_app.formats import read_data_file
from timeline_app.model import Era, Event, FuzzyDate, Timeline
from timeline_app.plan.columns import EventStore
from timeline_app.plan.eras import ERA_STRIP_PX, era_bands, label_room
from timeline_app.plan.scene import SceneSpec, layout_scene

ERAS = Path(__file__).parents[1] / "formats/data/timelinejs3/src/template/eras.json"
REF = date(2000, 1, 1)


def measure(texts: list[str]) -> np.ndarray:
    return np.array([7.0 * len(t) for t in texts], np.float64)


def span(a: int, b: int) -> FuzzyDate:
    return FuzzyDate(a).span_to(FuzzyDate(b))


def x(d: date) -> float:
    return float(d.toordinal() - REF.toordinal())


def test_bands_in_the_order_they_start_tinted_alternately():
    eras = [Era("B", span(2010, 2019)), Era("A", span(2000, 2009)), Era("C", span(2020, 2029))]
    bands = era_bands(eras, REF)
    assert [(b.label, b.shade) for b in bands] == [("A", 0), ("B", 1), ("C", 0)]
    assert bands[0].x0 == 0.0 and bands[0].x1 == x(date(2010, 1, 1))  # to its last day's end


@pytest.mark.parametrize(
    "eras, label_ends, why",
    [
        (
            [Era("A", span(2000, 2010)), Era("B", span(2010, 2020))],
            [date(2010, 1, 1), date(2021, 1, 1)],
            "sharing a year: the first name stops where the second era starts",
        ),
        (
            [Era("A", span(2000, 2020)), Era("B", span(2005, 2008))],
            [date(2005, 1, 1), date(2009, 1, 1)],
            "one inside another: the outer name stops at the inner era",
        ),
        (
            [Era("A", span(2000, 2002)), Era("B", span(2005, 2008))],
            [date(2003, 1, 1), date(2009, 1, 1)],
            "apart: each name up to its own end",
        ),
    ],
)
def test_a_name_runs_up_to_its_end_or_the_next_era(eras, label_ends, why):
    assert [b.label_end for b in era_bands(eras, REF)] == [x(d) for d in label_ends], why


@pytest.mark.parametrize(
    "x0, label_end, room, why",
    [
        (100.0, 400.0, (104.0, 396.0), "inside the plot: inset from both ends"),
        (-300.0, 400.0, (14.0, 396.0), "started before the view: the name slides in"),
        (100.0, 900.0, (104.0, 796.0), "past the view: cut at its right edge"),
        (100.0, 120.0, (104.0, 104.0), "too narrow: no name"),
    ],
)
def test_label_room(x0, label_end, room, why):
    assert label_room(x0, label_end, 10.0, 800.0) == room, why


def test_a_picture_keeps_a_strip_above_the_rows_for_the_names():
    tl = read_data_file(ERAS)
    store = EventStore.from_timeline(tl)
    shown = np.arange(len(store))
    plain = layout_scene(SceneSpec(store, shown, 1600.0), measure)
    with_eras = layout_scene(SceneSpec(store, shown, 1600.0, eras=tl.eras), measure)
    assert plain.eras == [] and with_eras.plot[1] == plain.plot[1] + ERA_STRIP_PX
    assert with_eras.era_top == plain.plot[1]
    assert with_eras.height == plain.height + ERA_STRIP_PX
    left, _, right, _ = with_eras.plot
    names = [name for name, *_ in with_eras.eras]
    assert names == ["Era Test 600-650", "Era Test 650-700", "Era Test 700-720"]
    for _, x0, x1, _, label_end, _ in with_eras.eras:
        assert left <= x0 < x1 <= right and label_end <= right
    assert [shade for _, _, _, shade, _, _ in with_eras.eras] == [0, 1, 0]
    first_row_top = with_eras.row_y(0) - with_eras.geometry.row_px / 2
    assert first_row_top >= with_eras.era_top + ERA_STRIP_PX, "names never over a row"


def test_eras_outside_the_range_are_left_out():
    tl = Timeline(
        events=[Event("e", "An event", FuzzyDate(2022, 5, 1))],
        eras=[Era("Long ago", span(1900, 1950)), Era("Now", span(2021, 2023))],
    )
    store = EventStore.from_timeline(tl)
    scene = layout_scene(SceneSpec(store, np.arange(1), 1200.0, eras=tl.eras), measure)
    assert [name for name, *_ in scene.eras] == ["Now"]
    _, x0, x1, _, _, _ = scene.eras[0]
    assert (x0, x1) == (scene.plot[0], scene.plot[2]), "wider than the view: clipped to it"
