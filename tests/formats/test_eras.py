"""Eras (TimelineJS's named periods): read with their spans, a bad one named and the others
kept, written back by TimelineJS and our event JSON, left out by the other formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from timeline_app.formats import data_bytes, read_data_file
from timeline_app.model import Era, Event, FuzzyDate, Timeline

DATA = Path(__file__).parent / "data"
ERAS = DATA / "timelinejs3" / "src" / "template" / "eras.json"
SCHEMA = json.loads(
    (Path(__file__).parents[2] / "resources" / "timeline-events.schema.json").read_text()
)
SLIDE = {"start_date": {"year": 2000}, "text": {"headline": "An event"}}


def tljs_file(tmp_path, eras, name="t.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"events": [SLIDE], "eras": eras}))
    return path


def test_eras_json_gives_its_eras_with_their_spans():
    tl = read_data_file(ERAS)
    got = [
        (e.label, e.date.iso(), e.date.is_span, e.date.start.year, e.date.end.year) for e in tl.eras
    ]
    assert got == [
        ("Era Test 650-700", "0650/0700", True, 650, 700),
        ("Era Test 600-650", "0600/0650", True, 600, 650),
        ("Era Test 700-720", "0700/0720", True, 700, 720),
    ]
    assert not any("era" in str(p) for p in tl.problems)


@pytest.mark.parametrize(
    "start, end, label, why",
    [
        ({"year": "600"}, {"year": "650"}, "600 – 650", "years as strings, as eras.json has them"),
        (
            {"year": 2022, "month": 1, "day": 2},
            {"year": 2022, "month": 1, "day": 11},
            "2 January 2022 – 11 January 2022",
            "days",
        ),
        ({"year": 1943, "month": 7}, {"year": 1946}, "July 1943 – 1946", "each end its own"),
        (
            {"year": 2022, "month": 3},
            {"year": 2022, "month": 3, "day": 31},
            "March 2022",
            "a month",
        ),
        ({"year": 1990}, None, "1990", "no end_date: the start's own period"),
    ],
)
def test_an_era_is_dated_as_a_slide_is(tmp_path, start, end, label, why):
    era = {"start_date": start, "text": {"headline": "Era"}} | ({"end_date": end} if end else {})
    tl = read_data_file(tljs_file(tmp_path, [era]))
    assert [(e.label, e.date.label()) for e in tl.eras] == [("Era", label)], why
    assert tl.problems == [], why


@pytest.mark.parametrize(
    "era, problem, why",
    [
        ({"text": {"headline": "No start"}}, "era 2: left out: no start_date", "no start"),
        (
            {"start_date": {"year": -500}, "end_date": {"year": 10}},
            "era 2: left out: year out of range: -500",
            "before year 1",
        ),
        ({"start_date": {"month": 3}}, "era 2: left out: start_date has no year", "no year"),
        (
            {"start_date": {"year": 1990}, "text": "Headline"},
            "era 2: left out: text is not an object ('Headline')",
            "text of the wrong type",
        ),
        (
            {"start_date": {"year": 1990}, "end_date": 1995},
            "era 2: left out: end_date is not an object (1995)",
            "end_date of the wrong type",
        ),
        ("an era", "era 2: left out: not an era object ('an era')", "not an object"),
    ],
)
def test_a_bad_era_is_named_and_the_others_kept(tmp_path, era, problem, why):
    good = {"start_date": {"year": 1980}, "end_date": {"year": 1989}, "text": {"headline": "80s"}}
    tl = read_data_file(tljs_file(tmp_path, [good, era, good | {"text": {"headline": "Again"}}]))
    assert [e.label for e in tl.eras] == ["80s", "Again"], why
    assert [str(p) for p in tl.problems] == [f"t.json, {problem}"], why
    assert [e.title for e in tl.events] == ["An event"]


def test_an_era_whose_end_is_before_its_start_is_kept_at_its_start(tmp_path):
    era = {"start_date": {"year": 1990}, "end_date": {"year": 1980}, "text": {"headline": "Odd"}}
    tl = read_data_file(tljs_file(tmp_path, [era]))
    assert [(e.label, e.date.label()) for e in tl.eras] == [("Odd", "1990")]
    assert [str(p) for p in tl.problems] == [
        "t.json, era 1: end_date 1980 is before start_date 1990; the start alone is kept"
    ]


def test_eras_that_are_no_list_are_named(tmp_path):
    tl = read_data_file(tljs_file(tmp_path, {"start_date": {"year": 1990}}))
    assert tl.eras == []
    assert [str(p) for p in tl.problems] == ["t.json, eras: not used: not a list (an object)"]


def test_a_timelinejs2_era_without_a_date_is_named(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "timeline": {
                    "headline": "Old",
                    "date": [{"startDate": "2012,1,26", "headline": "Slide"}],
                    "era": [
                        {"startDate": "someday", "headline": "Bad"},
                        {"startDate": "2011,12,1", "endDate": "2012,2,1", "headline": "Good"},
                    ],
                }
            }
        )
    )
    tl = read_data_file(path)
    assert [(e.label, e.date.label()) for e in tl.eras] == [
        ("Good", "1 December 2011 – 1 February 2012")
    ]
    assert [str(p) for p in tl.problems] == [
        "old.json, era 1: left out: startDate is not a date of the form 2012,1,26 ('someday')"
    ]


ROUND_TRIP_ERAS = [
    Era("Years", FuzzyDate(600).span_to(FuzzyDate(650))),
    Era("Days", FuzzyDate(2022, 1, 2).span_to(FuzzyDate(2022, 1, 11))),
    Era("Month to year", FuzzyDate(1943, 7).span_to(FuzzyDate(1946))),
    Era("A year", FuzzyDate(1990)),
    Era("Early March", FuzzyDate(2022, 3, part="early")),
    Era("A day", FuzzyDate(2022, 3, 5)),
    Era("", FuzzyDate(1700).span_to(FuzzyDate(1720))),
    Era("Fish & <chips>", FuzzyDate(1800).span_to(FuzzyDate(1810))),
]


def era_timeline() -> Timeline:
    return Timeline(
        events=[Event("e1", "An event", FuzzyDate(1990, 5, 1))],
        name="With eras",
        eras=list(ROUND_TRIP_ERAS),
    )


@pytest.mark.parametrize("fmt", ["timelinejs", "json"])
def test_round_trip_keeps_the_eras(tmp_path, fmt):
    path = tmp_path / "out.json"
    path.write_bytes(data_bytes(era_timeline(), fmt))
    back = read_data_file(path)
    assert back.eras == ROUND_TRIP_ERAS
    assert back.problems == []
    again = tmp_path / "again.json"
    again.write_bytes(data_bytes(back, fmt))
    assert read_data_file(again).eras == ROUND_TRIP_ERAS


def test_eras_json_round_trips_through_both_formats(tmp_path):
    first = read_data_file(ERAS)
    ours = tmp_path / "ours.json"
    ours.write_bytes(data_bytes(first, "json"))
    tljs = tmp_path / "tljs.json"
    tljs.write_bytes(data_bytes(read_data_file(ours), "timelinejs"))
    assert read_data_file(tljs).eras == first.eras


def test_timelinejs_writes_eras_as_timelinejs_does():
    doc = json.loads(data_bytes(era_timeline(), "timelinejs"))
    assert doc["eras"][0] == {
        "start_date": {"year": 600},
        "end_date": {"year": 650},
        "text": {"headline": "Years"},
    }
    assert doc["eras"][-1]["text"]["headline"] == "Fish &amp; &lt;chips&gt;"
    no_eras = json.loads(data_bytes(Timeline(events=era_timeline().events), "timelinejs"))
    assert "eras" not in no_eras


def test_event_json_with_eras_is_an_object_valid_against_the_schema():
    written = json.loads(data_bytes(era_timeline(), "json"))
    jsonschema.validate(written, SCHEMA)
    assert written["title"] == "With eras" and len(written["events"]) == 1
    assert written["eras"][0] == {
        "title": "Years",
        "date": "0600/0650",
        "label": "600 – 650",
        "start": "0600-01-01",
        "end": "0650-12-31",
        "part": None,
    }
    plain = json.loads(data_bytes(Timeline(events=era_timeline().events), "json"))
    assert isinstance(plain, list), "without eras: the list of events, as before"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(written | {"eras": [{"title": "No date"}]}, SCHEMA)


def test_a_bad_era_in_event_json_is_named_and_the_others_kept(tmp_path):
    written = json.loads(data_bytes(era_timeline(), "json"))
    written["eras"][1]["date"] = "2022-13"
    written["eras"][2]["part"] = "sometime"
    path = tmp_path / "ours.json"
    path.write_text(json.dumps(written))
    tl = read_data_file(path)
    assert [e.label for e in tl.eras] == [
        e.label
        for e in ROUND_TRIP_ERAS
        if e.label
        not in (
            "Days",
            "Month to year",
        )
    ]
    assert [str(p) for p in tl.problems] == [
        "ours.json, era 2: left out: no month 13",
        "ours.json, era 3: left out: part is not one of early, mid, late ('sometime')",
    ]


def test_event_json_with_eras_and_no_events_opens(tmp_path):
    path = tmp_path / "ours.json"
    path.write_bytes(data_bytes(Timeline(name="Only eras", eras=list(ROUND_TRIP_ERAS)), "json"))
    tl = read_data_file(path)
    assert tl.name == "Only eras" and tl.eras == ROUND_TRIP_ERAS and tl.events == []


def test_csv_and_ics_leave_the_eras_out():
    tl = era_timeline()
    rows = list(csv.DictReader(io.StringIO(data_bytes(tl, "csv").decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["An event"]
    assert b"Years" not in data_bytes(tl, "ics")
