"""The window's date axis from six hours to eighty years, on the real window at 1600×1000:
two tiers from the export's tick plan, each label naming the date at its tick, measured
with the axis font, never running into its neighbour, always under its context; and zoom
to fit hugs the events."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtGui import QFontMetricsF

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.gui.timeline_view import TimelineView
from timeline_app.model import Timeline
from timeline_app.plan.ticks import TickLabel
from timeline_app.render import style

from .conftest import settle
from .factories import make_decades_timeline, make_timeline, make_wide_timeline
from .helpers import show_window

GAP_PX = 3  # at least this much between two labels of a tier
MONTHS = "|".join(calendar.month_name[1:])
ABBRS = "|".join(calendar.month_abbr[1:])
DAYS = "|".join(calendar.day_name) + "|" + "|".join(calendar.day_abbr)
DAY = rf"({DAYS}) \d{{1,2}} ({MONTHS}|{ABBRS}) \d{{4}}"
CENTRE = datetime(2010, 6, 15, 12)

ZOOMS = [  # (zoom, span in days, a fine label, its context, why)
    ("6 hours", 0.25, r"\d\d:\d\d", DAY, "times under their day, month and year"),
    ("3 days", 3, r"\d\d:\d\d", DAY, "times under their day, month and year"),
    ("3 weeks", 21, r"\d{1,2}", rf"({MONTHS}|{ABBRS}) \d{{4}}", "days under month and year"),
    ("4 months", 122, r"\d{1,2}", rf"({MONTHS}|{ABBRS}) \d{{4}}", "days under month and year"),
    ("3 years", 3 * 365.25, rf"({ABBRS})", r"\d{4}", "months under their year"),
    ("80 years", 80 * 365.25, r"\d{4}", r"\d{3}0s", "years under their decade"),
]


@pytest.fixture
def wide_window(qtbot):
    win = MainWindow(load=None, state=TimelineState(make_decades_timeline()))
    win.resize(1600, 1000)
    return show_window(qtbot, win)


def zoom(view: TimelineView, span: float) -> tuple[list[TickLabel], list[TickLabel]]:
    """Zoom to `span` days around CENTRE; the fine and the coarse labels the axis draws."""
    c = view.scale.to_x(CENTRE)
    view.zoom_to(c - span / 2, c + span / 2)
    settle()
    _, labels = view.axis.plan()
    return [lb for lb in labels if lb.tier == 0], [lb for lb in labels if lb.tier == 1]


def when(view: TimelineView, lb: TickLabel) -> datetime:
    """The date and time at a label's tick, to the minute."""
    lo, hi = view.axis.range
    width = view.axis.geometry().width()
    t = view.scale.to_datetime(lo + lb.tick * (hi - lo) / width) + timedelta(seconds=30)
    return t.replace(second=0, microsecond=0)


def names(lb: TickLabel, t: datetime) -> bool:
    """Whether a fine label names the instant at its tick."""
    if ":" in lb.text:
        return t.strftime("%H:%M") == lb.text
    if lb.text in calendar.month_abbr:
        return t.day == 1 and calendar.month_abbr[t.month] == lb.text and t.hour == 0
    if len(lb.text) == 4:
        return (t.year, t.month, t.day, t.hour) == (int(lb.text), 1, 1, 0)
    return t.day == int(lb.text) and t.hour == t.minute == 0


def test_axis_spans_the_plot_and_has_room_for_two_rows(wide_window):
    view = wide_window.timeline_view
    assert wide_window.size().width() == 1600
    assert view.axis.geometry().width() == pytest.approx(view.view_box.width(), abs=1)
    fine_top, coarse_top = view.axis.row_tops()
    height = QFontMetricsF(style.axis_font()).height()
    assert fine_top + height <= coarse_top and coarse_top + height <= view.axis.height()


@pytest.mark.parametrize(
    ("zoom_name", "span", "fine_re", "context_re", "why"), ZOOMS, ids=[z[0] for z in ZOOMS]
)
def test_axis_labels_at_each_zoom(wide_window, zoom_name, span, fine_re, context_re, why):
    view = wide_window.timeline_view
    fine, coarse = zoom(view, span)
    assert len(fine) >= 4 and coarse, (zoom_name, fine, coarse)
    metrics = QFontMetricsF(style.axis_font())
    width = view.axis.geometry().width()
    for tier in (fine, coarse):
        for lb in tier:
            assert lb.width == pytest.approx(metrics.horizontalAdvance(lb.text))
            assert lb.left >= 0 and lb.left + lb.width <= width, (zoom_name, lb)
        for a, b in zip(tier, tier[1:], strict=False):  # left to right, never touching
            assert b.left >= a.left + a.width + GAP_PX, (zoom_name, a, b)
    for lb in fine:
        assert re.fullmatch(fine_re, lb.text), (zoom_name, lb.text, why)
        assert names(lb, when(view, lb)), (zoom_name, lb.text, when(view, lb))
    for lb in coarse:
        assert re.fullmatch(context_re, lb.text), (zoom_name, lb.text, why)
    assert coarse[0].tick <= fine[0].tick, (zoom_name, "the first labels have no context")
    for lb in coarse:  # a context boundary names the period it opens
        t = when(view, lb)
        if lb.tick > 0:
            assert str(t.year) in lb.text and (":" in fine[0].text or t.day == 1), lb


def test_axis_draws_the_planned_labels(wide_window):
    view = wide_window.timeline_view
    for _, span, *_ in ZOOMS:
        zoom(view, span)
        _, labels = view.axis.plan()
        _, _, texts = view.axis.generateDrawSpecs(None)
        assert [t for _, _, t in texts] == [lb.text for lb in labels]
        assert [r.left() for r, _, _ in texts] == pytest.approx([lb.left for lb in labels])


def test_axis_labels_from_an_hour_to_ten_thousand_years(wide_window):
    view = wide_window.timeline_view
    for span in (1 / 24, 0.5, 10, 60, 400, 2000, 10_000, 100_000, 1_000_000, 3_652_425):
        fine, coarse = zoom(view, span)
        assert len(fine) >= 3, span
        for tier in (fine, coarse):
            for a, b in zip(tier, tier[1:], strict=False):
                assert b.left >= a.left + a.width + GAP_PX, (span, a, b)


@pytest.mark.parametrize("make", [make_timeline, make_decades_timeline, make_wide_timeline])
def test_zoom_to_fit_leaves_a_small_margin(qtbot, make):
    timeline: Timeline = make()
    win = MainWindow(load=None, state=TimelineState(timeline))
    win.resize(1600, 1000)
    show_window(qtbot, win)
    view = win.timeline_view
    view.zoom_to(0, 1)
    settle()
    win.fit_action.trigger()
    settle()
    lo, hi = view.view_box.viewRange()[0]
    first = min(view.x_span(e)[0] for e in timeline.events)
    last = max(view.x_span(e)[1] for e in timeline.events)
    assert 0 < (first - lo) / (hi - lo) <= 0.05
    assert 0 < (hi - last) / (hi - lo) <= 0.05


def test_titles_at_the_right_edge_are_drawn_left_of_their_marker(window, timeline):
    view = window.timeline_view
    window.fit_action.trigger()
    settle()
    shown = {eid: (text, rect) for eid, text, rect in view.labels.visible_labels()}
    text, rect = shown["e-freeze"]  # the last event, at the right edge after a fit
    assert text == timeline.event("e-freeze").title
    marker_x = view.view_box.mapViewToScene(view.marker_pos("e-freeze")).x()
    assert rect.right() < marker_x
    right = view.view_box.mapRectToScene(view.view_box.boundingRect()).right()
    assert all(r.right() <= right for _, r in shown.values())


def test_a_day_past_the_right_edge_gets_no_label(window, timeline):
    view = window.timeline_view
    x = view.scale.to_x(date(2024, 2, 22))  # e-freeze's day; its dot sits at noon
    view.zoom_to(x - 3, x + 0.25)
    settle()
    assert "e-freeze" not in {eid for eid, _, _ in view.labels.visible_labels()}
