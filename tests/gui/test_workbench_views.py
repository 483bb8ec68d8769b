"""The workbench's parts that need no project: dates and tags as typed, key events per
zoom, starred/disputed filters, a saved view's round trip, a disputed event's pane."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.marks import DISPUTED, STAR
from timeline_app.gui.saved_views import capture_view, restore_view
from timeline_app.gui.state import TimelineState
from timeline_app.gui.tag_dialog import parse_tags
from timeline_app.gui.workbench_dialogs import parse_date
from timeline_app.model import DateError, Document, Event, FuzzyDate, Source, Timeline
from timeline_app.plan.key_events import BINS, PER_BIN, bin_width, key_events

from .factories import make_timeline
from .helpers import settle, show_window


@pytest.mark.parametrize(
    ("typed", "iso", "says", "why"),
    [
        ("2022", "2022", "2022", "a year"),
        ("2022-01", "2022-01", "January 2022", "a month"),
        ("early 2022-01", "2022-01", "early January 2022", "a part of a month"),
        (" 2022-01-06 ", "2022-01-06", "6 January 2022", "blanks around"),
        ("2022-01-06/2022-01-19", "2022-01-06/2022-01-19", "19 January 2022", "ISO span"),
        ("2022-01-06 – 2022-01-19", "2022-01-06/2022-01-19", "6 January 2022", "dash span"),
        ("2022-03/2022-05", "2022-03/2022-05", "May 2022", "a span of months"),
    ],
)
def test_dates_as_typed(typed, iso, says, why):
    value = parse_date(typed)
    assert value.iso() == iso, why
    assert says in value.describe(), why


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "nothing typed"),
        ("January 2022", "not the app's form"),
        ("2022-02-30", "no such day"),
        ("late 2022-01-05", "a part of a day"),
        ("2022-05/2022-03", "a span ending before it starts"),
    ],
)
def test_what_is_no_date_says_why(typed, why):
    with pytest.raises(DateError) as caught:
        parse_date(typed)
    assert str(caught.value), why


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("", []),
        ("troops", ["troops"]),
        ("troops,  Kazakhstan ,", ["troops", "Kazakhstan"]),
        ("CSTO, csto, Csto", ["CSTO"]),
        ("to   check, <b>x</b>", ["to check", "<b>x</b>"]),
    ],
)
def test_tags_as_typed(typed, tags):
    assert parse_tags(typed) == tags


def test_bins_only_change_when_the_zoom_doubles():
    assert bin_width(0, 100 * BINS) == 64.0
    assert bin_width(37, 37 + 100 * BINS) == 64.0  # panning: the same bins
    assert bin_width(0, 120 * BINS) == 64.0  # zooming out a little: the same
    assert bin_width(0, 130 * BINS) == 128.0


def test_key_events_keep_the_best_few_per_bin():
    x0 = np.array([0, 1, 2, 3, 10, 11, 30], float)
    x1 = x0 + 1
    score = np.array([1, 5, 5, 2, 0, 0, 9], float)
    kept = key_events(x0, x1, score, np.arange(7), 8.0, per_bin=2)
    # bin [0, 8): scores 1, 5, 5, 2 -> the two 5s; [8, 16): both; [24, 32): the one
    assert kept.tolist() == [1, 2, 4, 5, 6]
    only = key_events(x0, x1, score, np.array([0, 3, 6]), 8.0, per_bin=1)
    assert only.tolist() == [3, 6]  # only candidates are ranked


def _many_events(n: int) -> Timeline:
    doc = Document("a.txt", Path("a.txt"), "x", title="a", outlet="Herald")
    events = []
    for k in range(n):
        day = date(2020, 1, 1).toordinal() + k
        d = date.fromordinal(day)
        sources = [Source("a.txt", 0, 1, 0, 1, "x", FuzzyDate(d.year, d.month, d.day))]
        events.append(
            Event(f"e{k:04d}", f"Event {k}", FuzzyDate(d.year, d.month, d.day), sources * (k % 4))
        )
    return Timeline({"a.txt": doc}, events)


def test_key_events_only_follows_the_zoom(qtbot):
    state = TimelineState(_many_events(2000))
    win = show_window(qtbot, MainWindow(load=None, state=state))
    n = len(state.shown)
    win.workbench.key_only_action.trigger()  # 2,000 events: scored in the background
    qtbot.waitUntil(lambda: len(state.shown) < n, timeout=10000)
    settle()
    fitted = len(state.shown)
    assert 0 < fitted < n
    assert fitted <= (BINS * 2 + 2) * PER_BIN  # a few per bin of the view
    win.timeline_view.zoom_by(1 / 8)
    settle()
    zoomed = set(state.shown.tolist())
    lo, hi = state.view_range
    s = state.store
    in_view = [i for i in zoomed if s.x0[i] < hi and s.x1[i] > lo]
    assert len(in_view) >= BINS  # more detail in view than the whole fitted range had
    assert len(win.event_list.table_model.order) == len(zoomed)
    win.workbench.key_only_action.trigger()
    assert len(state.shown) == n and not win.workbench.key_only_action.isChecked()


def _disputed_timeline() -> Timeline:
    """One happening dated 3 May by two outlets carrying one wire story and 4 May by a
    third outlet: a disputed event."""
    text = "Talks opened in Minsk on 3 May."
    docs = {
        k: Document(k, Path(k), text, title=f"Story {k}", outlet=outlet)
        for k, outlet in (("a.txt", "Herald"), ("b.txt", "Courier"), ("c.txt", "Tribune"))
    }
    end = len(text)

    def src(doc_id: str, day: int, wire: str = "") -> Source:
        s = Source(doc_id, 0, end, 25, 30, f"{day} May", FuzzyDate(2022, 5, day))
        return replace(s, wire=wire) if wire else s

    disputed = Event(
        "e-talks",
        "Talks opened in Minsk",
        FuzzyDate(2022, 5, 3),
        [src("a.txt", 3, "w1"), src("b.txt", 3, "w1"), src("c.txt", 4)],
    )
    plain = Event("e-other", "Other news", FuzzyDate(2022, 6, 1), [src("c.txt", 4)])
    return Timeline(docs, [disputed, plain])


def test_a_disputed_event_lists_each_date_with_its_independent_outlets(qtbot):
    state = TimelineState(_disputed_timeline())
    win = show_window(qtbot, MainWindow(load=None, state=state))
    state.select("e-talks")
    text = win.detail_pane.plain_text()
    assert f"{DISPUTED} sources disagree on the date" in text
    assert "3 May 2022 — 1 independent outlet (2 sources): Herald, Courier" in text
    assert "4 May 2022 — 1 independent outlet (1 source): Tribune" in text
    model = win.event_list.table_model
    assert model.index(model.row_of(0), 1).data() == f"{DISPUTED} Talks opened in Minsk"
    win.workbench.disputed_only_action.trigger()
    assert [state.store.id_of(i) for i in state.shown] == ["e-talks"]
    assert model.rowCount() == 1


def test_starred_only_and_a_view_round_trip_without_a_project(qtbot):
    timeline = make_timeline()
    first = timeline.events[2]
    first.starred = True
    state = TimelineState(timeline)
    win = show_window(qtbot, MainWindow(load=None, state=state))
    assert not win.workbench.star_action.isEnabled()  # nothing to edit without a project
    win.workbench.starred_only_action.trigger()
    assert [state.store.id_of(i) for i in state.shown] == [first.id]
    assert win.event_list.table_model.index(0, 1).data().startswith(STAR)
    state.set_filter("dates", (date(2022, 1, 1), None))
    state.set_lane_mode("actor")
    view = capture_view(state)
    assert view["filters"]["dates"] == ["2022-01-01", None]

    other = TimelineState(timeline)
    restore_view(other, view)
    assert other.filters == state.filters and other.lane_mode == "actor"
    assert other.shown.tolist() == state.shown.tolist()
