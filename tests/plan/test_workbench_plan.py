"""The analyst's marks in the plan every picture (and the window) is drawn from: lanes by
tag (an event with two tags in both) and by star, a star before a starred title, a
milestone the user marked as a line with room for its name."""

from __future__ import annotations

import math

import numpy as np
import pytest

from timeline_app.model import Era, Event, FuzzyDate, Timeline
from timeline_app.plan.columns import EventStore
from timeline_app.plan.eras import era_bands
from timeline_app.plan.frame import MAX_LANES, build_lanes
from timeline_app.plan.scene import STAR, SceneSpec, layout_scene


def measure(texts):
    return np.array([7.0 * len(t) for t in texts])


def store_of(*events: Event) -> EventStore:
    return EventStore.from_timeline(Timeline(events=list(events)))


def lanes_of(store: EventStore, mode: str) -> list[tuple[str, list[str]]]:
    lanes = build_lanes(store, np.arange(len(store)), mode)
    return [(lane.name, [store.id_of(int(i)) for i in lane.members]) for lane in lanes]


def day(d: int) -> FuzzyDate:
    return FuzzyDate(2023, 5, d)


@pytest.mark.parametrize(
    ("events", "mode", "lanes", "why"),
    [
        (
            [
                Event("a", "A", day(1), tags=["army", "Minsk"]),
                Event("b", "B", day(2), tags=["Minsk"]),
                Event("c", "C", day(3)),
            ],
            "tag",
            [("Minsk", ["a", "b"]), ("army", ["a"]), ("(no tag)", ["c"])],
            "most used tag first; two tags, two lanes",
        ),
        (
            [Event("a", "A", day(1), starred=True), Event("b", "B", day(2))],
            "starred",
            [("Starred", ["a"]), ("Not starred", ["b"])],
            "starred first",
        ),
        (
            [Event("a", "A", day(1)), Event("b", "B", day(2))],
            "tag",
            [("(no tag)", ["a", "b"])],
            "no tags at all: one lane",
        ),
    ],
)
def test_lanes_by_tag_and_by_star(events, mode, lanes, why):
    assert lanes_of(store_of(*events), mode) == lanes, why


def test_tags_beyond_the_lanes_share_one():
    events = [
        Event(f"e{k}", "E", day(k + 1), tags=[f"t{k}", "shared"]) for k in range(MAX_LANES + 2)
    ]
    lanes = lanes_of(store_of(*events), "tag")
    assert len(lanes) == MAX_LANES - 1  # 8 tags of 13, "Other tags"; no "(no tag)"
    assert lanes[0] == ("shared", [e.id for e in events])
    name, members = lanes[-1]
    assert name == "Other tags" and members == ["e7", "e8", "e9", "e10", "e11"]


def test_only_the_shown_events_make_tag_lanes():
    store = store_of(Event("a", "A", day(1), tags=["x"]), Event("b", "B", day(2), tags=["y"]))
    lanes = build_lanes(store, np.array([1]), "tag")
    assert [(lane.name, lane.members.tolist()) for lane in lanes] == [("y", [1])]


def test_a_starred_title_has_its_star_in_the_picture():
    store = store_of(Event("a", "Summit", day(1), starred=True), Event("b", "Talks", day(20)))
    scene = layout_scene(SceneSpec(store, np.arange(2), 1200.0), measure)
    labelled = {scene.titles[i] for i, *_ in scene.labels}
    assert labelled == {STAR + "Summit", "Talks"}
    assert store.titles == ["Summit", "Talks"], "the window's titles are left as they are"


def test_a_user_milestone_is_a_line_whose_name_runs_to_the_next_era():
    summit = Era("Summit", day(10), id="p1", user=True)
    week = Era("Week", day(20).span_to(day(26)), id="p2", user=True)
    file_day = Era("One day", day(5))  # a file's one-day era stays a band
    bands = era_bands([summit, week, file_day], day(1).start)
    by_name = {b.label: b for b in bands}
    assert (by_name["Summit"].milestone, by_name["Week"].milestone) == (True, False)
    assert not by_name["One day"].milestone
    assert by_name["Summit"].label_end == by_name["Week"].x0
    assert by_name["One day"].label_end == by_name["One day"].x1, "a file's era: its end"
    alone = era_bands([summit], day(1).start)[0]
    assert alone.label_end == math.inf
    short = era_bands([Era("Talks", day(1).span_to(day(2)), id="p", user=True), week], day(1).start)
    assert short[0].label_end == short[1].x0, "a user's short period's name runs on"


def test_a_scene_carries_the_milestone_flag():
    store = store_of(Event("a", "A", day(1)), Event("b", "B", day(30)))
    eras = [Era("Summit", day(10), id="p1", user=True), Era("Week", day(20).span_to(day(26)))]
    scene = layout_scene(SceneSpec(store, np.arange(2), 1200.0, eras=eras), measure)
    assert [(name, milestone) for name, *_, milestone in scene.eras] == [
        ("Summit", True),
        ("Week", False),
    ]


@pytest.mark.parametrize("mode", ["tag", "starred"])
def test_a_store_built_without_the_marks_has_none(mode):
    """A constructor that does not know the marks (generated columns, stored columns)
    still gives lanes by tag and by star: one lane, nothing starred."""
    full = store_of(Event("a", "A", day(1), starred=True, tags=["x"]), Event("b", "B", day(2)))
    bare = EventStore(
        full.ref,
        full.x0,
        full.x1,
        full.precision,
        full.part,
        full.inferred,
        full.planned,
        full.n_sources,
        full.titles,
        full.outlets,
        full.documents,
        full.actors,
    )
    assert bare.starred.tolist() == [False, False] and bare.tags.of(0) == []
    expected = {"tag": [("(no tag)", ["e0", "e1"])], "starred": [("Not starred", ["e0", "e1"])]}
    assert lanes_of(bare, mode) == expected[mode]
