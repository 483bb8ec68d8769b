"""A filter zooms to what it leaves, unless the user zoomed since (then the view stays and
the legend says how many filtered events are out of view); the date fields' placeholders
are the corpus's own first and last months."""

from __future__ import annotations

import pytest

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.model import Event, FuzzyDate, Timeline

from .conftest import settle
from .factories import make_timeline, make_wide_timeline
from .helpers import show_window


def set_dates(window, lo: str, hi: str) -> None:
    bar = window.find_bar
    bar.date_from.setText(lo)
    bar.date_to.setText(hi)
    bar.date_to.editingFinished.emit()
    settle()


def visible_ids(window) -> set[str]:
    view = window.timeline_view
    lo, hi = view.view_box.viewRange()[0]
    s = window.state.store
    return {s.id_of(int(i)) for i in window.state.shown if s.x1[i] > lo and s.x0[i] < hi}


def test_a_date_range_zooms_to_what_it_leaves(window, timeline):
    view = window.timeline_view
    whole = view.view_box.viewRange()[0]
    set_dates(window, "2022-01", "2022-01")
    lo, hi = view.view_box.viewRange()[0]
    january = [e for e in timeline.events if e.date.start.strftime("%Y-%m") == "2022-01"]
    assert hi - lo < (whole[1] - whole[0]) / 10  # a month, not two years
    for e in january:
        x0, x1 = view.x_span(e)
        assert lo <= x0 and x1 <= hi, e.title
    assert visible_ids(window) == {e.id for e in january}
    assert len(view.marks.index) == len(january)  # each drawn as a marker, none piled up
    assert "out of view" not in view.legend.note
    set_dates(window, "", "")  # and back to everything
    assert view.view_box.viewRange()[0] == pytest.approx(whole, rel=1e-6)


def test_after_the_user_zoomed_a_filter_keeps_the_range_and_counts_what_is_out(window):
    view = window.timeline_view
    set_dates(window, "2022", "2024")  # a fit: the user has not zoomed yet
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    settle()
    chosen = view.view_box.viewRange()[0]
    assert not window.state.view_range_fitted
    set_dates(window, "2022", "2023")
    assert view.view_box.viewRange()[0] == pytest.approx(chosen)
    out = view.out_of_view()
    assert out > 0
    n = len(window.state.shown)
    assert view.legend.note.startswith(f"{out} of {n} filtered events out of view")
    window.fit_action.trigger()  # Ctrl+0: everything the filter leaves, and no note
    settle()
    assert view.out_of_view() == 0 and "out of view" not in view.legend.note
    assert window.state.view_range_fitted


def test_the_overview_counts_as_the_user_choosing_a_range(window):
    lo, hi = window.timeline_view.view_box.viewRange()[0]
    window.state.set_view_range(lo + 30, lo + 60)  # what dragging the overview region does
    settle()
    window.find_bar.outlet.setCurrentIndex(window.find_bar.outlet.findText("Caucasus Daily"))
    settle()
    assert window.timeline_view.view_box.viewRange()[0] == pytest.approx([lo + 30, lo + 60])


def _one_event(iso: str) -> Event:
    return Event(f"e{iso}", f"Something in {iso}", FuzzyDate.from_iso(iso))


# (timeline, from placeholder, to placeholder, why)
PLACEHOLDERS = [
    (make_timeline(), "from (2022-01)", "to (2024-02)", "the factory corpus: January 2022 on"),
    (make_wide_timeline(), "from (1900-03)", "to (2400-12)", "five centuries"),
    (
        Timeline(events=[_one_event("2019")]),
        "from (2019-01)",
        "to (2019-12)",
        "a year: its first and last month",
    ),
    (Timeline(), "from (YYYY-MM)", "to (YYYY-MM)", "no events: the form, not a date"),
]


@pytest.mark.parametrize(
    ("timeline", "lo", "hi", "why"), PLACEHOLDERS, ids=[w for *_, w in PLACEHOLDERS]
)
def test_date_placeholders_come_from_the_corpus(qtbot, timeline, lo, hi, why):
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(timeline)))
    bar = win.find_bar
    assert (bar.date_from.placeholderText(), bar.date_to.placeholderText()) == (lo, hi), why


def test_placeholders_follow_another_corpus(window, corpus):
    window.state.set_timeline(corpus)
    settle()
    first = min(e.date.start for e in corpus.events)
    assert window.find_bar.date_from.placeholderText() == f"from ({first:%Y-%m})"
