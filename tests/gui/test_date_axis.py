"""x positions are days from a reference date near the data, and round-trip exactly."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from timeline_app.gui.date_axis import DayScale
from timeline_app.gui.state import TimelineState
from timeline_app.gui.timeline_view import TimelineView

from .conftest import settle
from .factories import make_wide_timeline


def test_positions_round_trip_to_the_minute_from_1900_to_2400(qtbot):
    timeline = make_wide_timeline()
    view = TimelineView(TimelineState(timeline))
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show()
    settle()
    assert abs(view.scale.ref.year - 1900) < 5  # a reference near the data, not 1970
    for event in timeline.events:
        x0, x1 = view.x_span(event)
        start = datetime.combine(event.date.start, datetime.min.time())
        assert view.scale.to_datetime(x0).replace(second=0, microsecond=0) == start
        assert view.scale.to_datetime(x1) - view.scale.to_datetime(x0) == timedelta(days=1)
        mid = view.scale.to_datetime(view.marker_pos(event.id).x())
        assert mid.replace(second=0, microsecond=0) == start + timedelta(hours=12)


def test_minutes_survive_far_from_the_reference():
    scale = DayScale(date(2023, 1, 1))
    for when in (datetime(1900, 3, 1, 7, 41), datetime(2400, 12, 31, 23, 59)):
        assert scale.to_datetime(scale.to_x(when)).replace(microsecond=0, second=0) == when


def test_axis_labels_real_dates(qtbot):
    scale = DayScale(date(2022, 1, 1))
    view = TimelineView(TimelineState(make_wide_timeline()))
    qtbot.addWidget(view)
    view.resize(1000, 300)
    view.show()
    settle()
    view.axis.set_scale(scale)
    view.zoom_to(scale.to_x(date(2022, 1, 1)), scale.to_x(date(2024, 12, 1)))
    settle()
    ticks, _ = view.axis.plan()
    years = [(scale.to_datetime(x).date(), text) for x, text in ticks.coarse]
    assert years[1:] == [(date(y, 1, 1), str(y)) for y in (2023, 2024)]
    assert years[0][1] == "2022"  # the left edge names its year
    view.zoom_to(scale.to_x(date(2022, 3, 1)), scale.to_x(date(2022, 3, 20)))
    settle()
    ticks, labels = view.axis.plan()
    assert [text for _, text in ticks.fine][:3] == ["1", "2", "3"]
    assert [lb.text for lb in labels if lb.tier == 1] == ["March 2022"]
