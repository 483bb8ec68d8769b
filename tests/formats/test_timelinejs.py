"""TimelineJS3: dates keep their precision both ways, and TimelineJS's own formats open."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.formats import data_kind, read_data_file
from timeline_app.formats.timelinejs import timelinejs_document
from timeline_app.formats.timelinejs_dates import from_timelinejs, to_timelinejs
from timeline_app.formats.writing import data_bytes
from timeline_app.model import DateError, FuzzyDate, Part, Precision

from . import DATA

dates = st.builds(
    lambda y, m, d, part, inferred, kind: (
        FuzzyDate(y, m, min(d, 28), inferred=inferred)
        if kind == "day"
        else FuzzyDate(y, m, part=part, inferred=inferred)
        if kind == "month"
        else FuzzyDate(y, part=part, inferred=inferred)
    ),
    st.integers(1, 9999),
    st.integers(1, 12),
    st.integers(1, 31),
    st.sampled_from([None, *Part]),
    st.booleans(),
    st.sampled_from(["day", "month", "year"]),
)


@given(dates)
def test_every_date_reads_back_as_written(d):
    assert from_timelinejs(*to_timelinejs(d)) == d


@pytest.mark.parametrize(
    "start, end, display, expected, why",
    [
        ({"year": 2022}, None, None, "2022", "only a year: the year"),
        ({"year": 2022, "month": 3}, None, None, "March 2022", "no day: the month"),
        (
            {"year": "2022", "month": "3", "day": "5"},
            None,
            None,
            "5 March 2022",
            "numbers as strings, as sheets give them",
        ),
        (
            {"year": 2022, "month": 1},
            {"year": 2022, "month": 1, "day": 10},
            None,
            "early January 2022",
            "a month cut at the 10th: its early third",
        ),
        (
            {"year": 2022, "month": 1, "day": 5},
            {"year": 2022, "month": 1, "day": 20},
            None,
            "5 January 2022 – 20 January 2022",
            "days within a month: a span of days",
        ),
        (
            {"year": 2022, "month": 1, "day": 28},
            {"year": 2022, "month": 2, "day": 3},
            None,
            "28 January 2022 – 3 February 2022",
            "a week across months is not '2022': a span",
        ),
        (
            {"year": 1914, "month": 7, "day": 28},
            {"year": 1918, "month": 11, "day": 11},
            None,
            "28 July 1914 – 11 November 1918",
            "over several years: a span",
        ),
        (
            {"year": 2022, "month": 5, "day": 1},
            {"year": 2022, "month": 8, "day": 31},
            None,
            "mid 2022",
            "May to August: the middle third of the year",
        ),
        (
            {"year": 2023, "month": 2, "day": 13, "hour": 14, "minute": 30},
            None,
            None,
            "13 February 2023",
            "the time is dropped",
        ),
        (
            {"year": 2022, "month": 3},
            {"year": 2021},
            None,
            "March 2022",
            "an end before the start is ignored",
        ),
    ],
)
def test_reading_rule(start, end, display, expected, why):
    assert from_timelinejs(start, end, display).label() == expected, why


def test_inferred_is_carried_by_display_date():
    d = FuzzyDate(2023, 2, 13, inferred=True)
    start, end, display = to_timelinejs(d)
    assert display == "13 February 2023 (inferred)" and end is None
    assert from_timelinejs(start, end, display).inferred


@pytest.mark.parametrize(
    "start",
    [{}, {"year": None}, {"year": "MMXX"}, {"year": -500}, {"year": 2022, "month": 13}, "2022"],
)
def test_undatable_start_dates_raise_date_error(start):
    with pytest.raises(DateError):
        from_timelinejs(start)


def test_slides_carry_precision_display_group_id_and_source(corpus):
    doc = timelinejs_document(corpus)
    assert doc["title"]["text"]["headline"] == corpus.name and doc["scale"] == "human"
    by_title = {s["text"]["headline"]: s for s in doc["events"]}
    riots = by_title["Riots started in Kazakhstan"]
    assert riots["start_date"] == {"year": 2022, "month": 1, "day": 1}
    assert riots["end_date"] == {"year": 2022, "month": 1, "day": 10}
    assert riots["display_date"] == "early January 2022 (inferred)"
    year = by_title["Belarus will preside over the CSTO"]
    planned = next(
        e.planned for e in corpus.events if e.title == "Belarus will preside over the CSTO"
    )  # "will preside": a plan, if ingest reads it so
    assert year["start_date"] == {"year": 2023}
    assert year["display_date"] == ("Planned: 2023" if planned else "2023")
    assert year["end_date"] == {"year": 2023, "month": 12, "day": 31}
    day = by_title["Tasmagambetov assumed office"]
    assert set(day["start_date"]) == {"year", "month", "day"}
    assert "end_date" not in day and "display_date" not in day
    assert day["group"] == "Artsakhpress"
    assert day["media"]["url"].startswith("<blockquote>") and day["media"]["credit"]
    ids = [s["unique_id"] for s in doc["events"]]
    assert len(set(ids)) == len(ids) and all(e.id in ids for e in corpus.events)


def _key(record):
    return (
        record["id"],
        record["title"],
        record["date"],
        record["precision"],
        record["part"],
        record["start"],
        record["end"],
        record["inferred"],
        record["group"],
    )


def test_our_json_to_timelinejs_and_back_keeps_every_event(corpus, tmp_path):
    ours = tmp_path / "events.json"
    ours.write_bytes(data_bytes(corpus, "json"))
    first = json.loads(ours.read_text())
    tljs = tmp_path / "timeline.json"
    tljs.write_bytes(data_bytes(read_data_file(ours), "timelinejs"))
    assert data_kind(tljs) == "timelinejs"
    back = json.loads(data_bytes(read_data_file(tljs), "json"))
    assert [_key(r) for r in back] == [_key(r) for r in first]
    assert {r["group"] for r in first} >= {"Artsakhpress", None}


def test_years_only_example_opens():
    tl = read_data_file(DATA / "years-only.json")
    assert tl.name == "Collective security in Eurasia"
    assert [e.date.iso() for e in tl.events] == ["1992", "1994", "2002", "2012"]
    assert all(e.date.precision is Precision.YEAR for e in tl.events)
    doc = tl.documents[tl.events[0].sources[0].doc_id]
    assert "Six former Soviet republics sign the treaty." in doc.text
    assert not tl.problems


def test_example_with_times_opens_with_days_groups_and_media():
    tl = read_data_file(DATA / "with-times.json")
    assert tl.name == "The Minsk summit, hour by hour"
    assert [e.id for e in tl.events] == ["extended-meeting", "narrow-format", "press"]
    assert all(e.date == FuzzyDate(2023, 11, 23) for e in tl.events)
    assert tl.event("extended-meeting").title == "Extended meeting & signing of documents"
    groups = [tl.documents[e.sources[0].doc_id].outlet for e in tl.events]
    assert groups == ["Summit", "Summit", "Press"]  # events sort by date, then title
    press = tl.event("press")
    doc = tl.documents[press.sources[0].doc_id]
    quoted = doc.text[press.sources[0].start : press.sources[0].end]
    assert quoted == "We are prepared for this." and "BelTA" in doc.text
    assert "youtube.com" in tl.documents[tl.event("extended-meeting").sources[0].doc_id].text


def test_example_with_eras_and_groups_opens_with_its_eras():
    tl = read_data_file(DATA / "eras-groups.json")
    assert [e.date.label() for e in tl.events] == [
        "early January 2022",
        "2022",
        "2 January 2022",
        "6 January 2022",
        "13 January 2022 – 19 January 2022",
    ]
    assert tl.event("reforms").date.inferred
    assert [(era.label, era.date.label()) for era in tl.eras] == [
        ("Protests", "2 January 2022 – 11 January 2022"),
        ("CSTO mission", "6 January 2022 – 19 January 2022"),
    ]
    assert tl.problems == []


def test_spreadsheet_csv_example_opens():
    path = DATA / "spreadsheet.csv"
    assert data_kind(path) == "timelinejs-csv"
    tl = read_data_file(path)
    assert tl.name == "CSTO chairmanship, 2023"
    got = {e.title: e.date.label() for e in tl.events}
    assert got == {
        "Belarus chairs the CSTO": "2023",
        "Tasmagambetov takes office, as Secretary General": "10 January 2023",
        "Lukashenko meets Tasmagambetov": "13 February 2023",
        "Summit month": "November 2023",
        "Summit in Minsk": "23 November 2023",
    }
    meeting = next(e for e in tl.events if e.title.startswith("Lukashenko"))
    doc = tl.documents[meeting.sources[0].doc_id]
    assert doc.outlet == "Meetings" and 'He calls for "greater unity".' in doc.text
    reasons = " ".join(str(p) for p in tl.problems)
    assert "spreadsheet.csv, row 9: left out" in reasons and "no year" in reasons
    assert [(era.label, era.date.label()) for era in tl.eras] == [
        ("First half of the chairmanship", "1 January 2023 – 30 June 2023")
    ]


def test_a_scraper_json_export_is_not_taken_for_a_data_file(tmp_path):
    scraped = tmp_path / "articles.json"
    scraped.write_text(json.dumps([{"title": "T", "date": "2023-01-01", "text": "Body."}]))
    plain = tmp_path / "table.csv"
    plain.write_text("name,value\na,1\n")
    assert data_kind(scraped) is None and data_kind(plain) is None
