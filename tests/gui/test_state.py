"""The GUI state emits its past-tense signals only on real changes."""

from __future__ import annotations

import pytest

from timeline_app.gui.state import TimelineState
from timeline_app.model import Timeline

from .factories import make_timeline


def record(state: TimelineState) -> list:
    log = []
    state.timeline_changed.connect(lambda: log.append("timeline"))
    state.selection_changed.connect(lambda eid: log.append(("selection", eid)))
    return log


def test_selection_signal_only_on_change(qtbot):
    state = TimelineState(make_timeline())
    log = record(state)
    state.select("e-arrive")
    state.select("e-arrive")
    state.select(None)
    state.select(None)
    assert log == [("selection", "e-arrive"), ("selection", None)]


def test_project_signal_only_when_another_project_opens(qtbot):
    state, project, opened = TimelineState(make_timeline()), object(), []
    state.project_opened.connect(opened.append)
    assert state.project is None
    state.set_project(project)
    state.set_project(project)
    state.set_project(None)
    assert opened == [project, None] and state.project is None


def test_unknown_event_is_rejected(qtbot):
    state = TimelineState(make_timeline())
    with pytest.raises(KeyError):
        state.select("nope")
    assert state.selected_id is None


def test_new_timeline_clears_the_selection(qtbot):
    state = TimelineState(make_timeline())
    state.select("e-arrive")
    log = record(state)
    state.set_timeline(state.timeline)
    assert log == []
    state.set_timeline(Timeline())
    assert log == ["timeline", ("selection", None)]


def test_step_walks_in_date_order_and_stops_at_the_ends(qtbot):
    timeline = make_timeline()
    state = TimelineState(timeline)
    state.select_step(-1)
    assert state.selected_id == timeline.events[-1].id
    state.select_step(1)
    assert state.selected_id == timeline.events[-1].id
    state.select(timeline.events[0].id)
    state.select_step(-1)
    assert state.selected_id == timeline.events[0].id
    state.select_step(2)
    assert state.selected_id == timeline.events[2].id
    TimelineState(Timeline()).select_step(1)  # no events: nothing happens


def test_filters_and_search_signal_once_and_narrow_the_shown_events(qtbot):
    from datetime import date

    timeline = make_timeline()
    state = TimelineState(timeline)
    log = []
    state.filter_changed.connect(lambda: log.append("filter"))
    state.set_filter("outlet", "Caucasus Daily")
    state.set_filter("outlet", "Caucasus Daily")
    assert log == ["filter"]
    assert [timeline.events[i].id for i in state.shown] == [
        "e-withdraw-start",
        "e-withdraw-end",
        "e-summit",
        "e-exercises",
        "e-freeze",
    ]
    state.set_filter("dates", (date(2023, 1, 1), None))
    assert [timeline.events[i].id for i in state.shown] == ["e-exercises", "e-freeze"]
    state.set_search("armenia")
    assert [timeline.events[i].id for i in state.matches] == ["e-exercises", "e-freeze"]
    state.select_step(1)  # steps stay within the shown events
    state.select_step(1)
    state.select_step(1)
    assert state.selected_id == "e-freeze"
    with pytest.raises(ValueError):
        state.set_filter("colour", "red")
    state.set_timeline(Timeline())
    assert len(state.shown) == 0 and state.search_text == ""
