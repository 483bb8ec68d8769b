"""x positions are days from a reference date near the data, and round-trip exactly."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from timeline_app.gui.date_axis import DayAxis, DayScale
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
    axis = DayAxis(scale)
    x0, x1 = scale.to_x(date(2022, 1, 1)), scale.to_x(date(2024, 12, 1))
    levels = axis.tickValues(x0, x1, 1000)
    years = levels[0][1]
    assert [scale.to_datetime(x).date() for x in years] == [date(y, 1, 1) for y in (2023, 2024)]
    assert axis.tickStrings(years, 1, levels[0][0]) == ["2023", "2024"]
    days = axis.tickValues(scale.to_x(date(2022, 3, 1)), scale.to_x(date(2022, 3, 20)), 1000)
    month_ticks, day_ticks = days[0][1], days[1][1]
    assert axis.tickStrings(day_ticks[:2], 1, days[1][0])[0].isdigit()
    assert month_ticks == [] or "2022" in axis.tickStrings(month_ticks, 1, days[0][0])[0]
