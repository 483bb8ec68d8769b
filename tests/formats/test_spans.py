"""A span between two dates ("602 – 629") is read from TimelineJS and carried by every
writer: our event JSON (read back), CSV, iCalendar, TimelineJS; and the window shows it."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from timeline_app.formats import data_bytes, read_data_file
from timeline_app.formats.ics import ics_uid
from timeline_app.formats.timelinejs import timelinejs_document
from timeline_app.formats.timelinejs_dates import from_timelinejs, slide_date, to_timelinejs
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline
from timeline_app.plan.columns import EventStore

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "resources" / "timeline-events.schema.json").read_text()
)
WAR = FuzzyDate(602).span_to(FuzzyDate(629))
HANNIBAL = FuzzyDate(1920, 1, 5).span_to(FuzzyDate(1923, 1, 5))


def span_timeline() -> Timeline:
    text = "The last great war between Rome and Persia.\n"
    doc = Document(
        "wars.txt", Path("wars.txt"), text, title="Wars of late antiquity", outlet="Chronicle"
    )
    src = Source(doc.id, 0, len(text) - 1, 0, 0, "602 – 629", WAR)
    events = [
        Event("war", "Roman–Persian war", WAR, [src]),
        Event("twain", "Hannibal, Missouri", HANNIBAL, [src]),
        Event("canal", "Grand Canal", FuzzyDate(1943, 7).span_to(FuzzyDate(1946)), [src]),
        Event("day", "A day", FuzzyDate(626, 6, 1), [src]),
    ]
    return Timeline({doc.id: doc}, events, name="Spans")


# (start_date, end_date, expected label, why)
@pytest.mark.parametrize(
    "start, end, label, why",
    [
        ({"year": "602"}, {"year": "629"}, "602 – 629", "years, as eras.json has them"),
        ({"year": 1943, "month": 7}, {"year": 1946}, "July 1943 – 1946", "each end its precision"),
        (
            {"year": 1920, "month": 1, "day": 5, "hour": 6},
            {"year": 1923, "month": 1, "day": 5},
            "5 January 1920 – 5 January 1923",
            "days; the time dropped",
        ),
        ({"year": 633}, {"year": 634}, "633 – 634", "consecutive years"),
        (
            {"year": 2022, "month": 1},
            {"year": 2022, "month": 1, "day": 31},
            "January 2022",
            "exactly a month is the month (what we write for one)",
        ),
        ({"year": 2022}, {"year": 2022, "month": 12, "day": 31}, "2022", "exactly a year"),
    ],
)
def test_a_start_and_an_end_read_as_a_span_unless_exactly_one_period(start, end, label, why):
    assert from_timelinejs(start, end).label() == label, why


@pytest.mark.parametrize(
    "end, note",
    [
        ({"year": 2021}, "end_date 2021 is before start_date March 2022; the start alone is kept"),
        ({"year": "MMXX"}, "end_date set aside (not a number: 'MMXX'); the start alone is kept"),
        ({"year": 2022, "month": 14}, "end_date set aside (no month 14); the start alone is kept"),
    ],
)
def test_an_end_that_cannot_end_the_span_is_set_aside_with_a_note(end, note):
    assert slide_date({"year": 2022, "month": 3}, end) == (FuzzyDate(2022, 3), note)


years = st.integers(1, 9990)
ends = st.sampled_from(["year", "month", "day"])


def _date(year: int, kind: str) -> FuzzyDate:
    return {"year": FuzzyDate(year), "month": FuzzyDate(year, 7), "day": FuzzyDate(year, 7, 14)}[
        kind
    ]


@given(years, st.integers(1, 9), ends, ends, st.booleans())
def test_every_span_reads_back_from_timelinejs_as_written(y, gap, a, b, inferred):
    d = _date(y, a).with_inferred(inferred).span_to(_date(y + gap, b))
    back = from_timelinejs(*to_timelinejs(d))
    assert (back.iso(), back.label(), back.inferred) == (d.iso(), d.label(), d.inferred)


def test_timelinejs_writes_each_end_at_its_own_precision():
    slides = {s["unique_id"]: s for s in timelinejs_document(span_timeline())["events"]}
    assert (slides["war"]["start_date"], slides["war"]["end_date"]) == (
        {"year": 602},
        {"year": 629},
    )
    assert slides["war"]["display_date"] == "602 – 629"
    assert slides["canal"]["end_date"] == {"year": 1946}
    assert slides["twain"]["end_date"] == {"year": 1923, "month": 1, "day": 5}


def test_event_json_carries_the_span_is_valid_and_reads_back(tmp_path):
    tl = span_timeline()
    records = json.loads(data_bytes(tl, "json"))
    jsonschema.validate(records, SCHEMA)
    war = next(r for r in records if r["id"] == "war")
    assert (war["date"], war["label"], war["start"], war["end"], war["precision"]) == (
        "0602/0629",
        "602 – 629",
        "0602-01-01",
        "0629-12-31",
        "year",
    )
    path = tmp_path / "events.json"
    path.write_bytes(data_bytes(tl, "json"))
    back = read_data_file(path)
    assert [(e.id, e.date.iso(), e.date.label()) for e in back.events] == [
        (e.id, e.date.iso(), e.date.label()) for e in tl.events
    ]
    bad = dict(war, date="0602/0629", precision="month")  # the start is a year
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([bad], SCHEMA)


def test_csv_carries_both_ends():
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(data_bytes(span_timeline(), "csv").decode("utf-8-sig")))
    }
    assert (
        rows["twain"]["date"],
        rows["twain"]["label"],
        rows["twain"]["start"],
        rows["twain"]["end"],
    ) == ("1920-01-05/1923-01-05", "5 January 1920 – 5 January 1923", "1920-01-05", "1923-01-05")


def test_icalendar_event_covers_the_whole_span():
    cal = Calendar.from_ical(data_bytes(span_timeline(), "ics"))
    got = {str(ve["uid"]): ve for ve in cal.walk("VEVENT")}
    war = got[ics_uid("war")]
    assert (war.decoded("dtstart"), war.decoded("dtend")) == (date(602, 1, 1), date(630, 1, 1))
    hannibal = got[ics_uid("twain")]
    assert (hannibal.decoded("dtstart"), hannibal.decoded("dtend")) == (
        date(1920, 1, 5),
        date(1923, 1, 5) + timedelta(days=1),
    )
    assert "602 – 629 (span, year precision)" in str(war["description"])


def test_the_event_columns_keep_the_span_for_the_event_list():
    tl = span_timeline()
    store = EventStore.from_timeline(tl)
    i = store.index_of("war")
    assert store.fuzzy_date(i) == WAR
    assert store.x1[i] - store.x0[i] == (date(630, 1, 1) - date(602, 1, 1)).days


def test_event_list_and_detail_pane_show_the_span(qtbot):
    from PySide6.QtCore import Qt

    from timeline_app.gui.detail_pane import DetailPane
    from timeline_app.gui.event_list import EventTableModel
    from timeline_app.gui.state import TimelineState

    state = TimelineState(span_timeline())
    model = EventTableModel(state)
    rows = {model.data(model.index(r, 1)): r for r in range(model.rowCount())}
    war = model.index(rows["Roman–Persian war"], 0)
    assert model.data(war) == "0602/0629"
    assert "602 – 629 (span, year precision)" in model.data(war, Qt.ItemDataRole.ToolTipRole)
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select("war")
    assert "602 – 629 (span, year precision)" in pane.plain_text()
