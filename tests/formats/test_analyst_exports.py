"""Every data export carries the analyst's marks (star, tags, note, added by hand) and each
date's outlets; our JSON reads them back. Texts written for these tests."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from timeline_app.formats import read_data_file
from timeline_app.formats.analyst import date_counts
from timeline_app.formats.writing import data_bytes
from timeline_app.model import Document, Era, Event, FuzzyDate, Source, Timeline

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "resources" / "timeline-events.schema.json").read_text()
)
NOTE = "Check <b>this</b> & the wire copy;\nsecond line."
TEXTS = {
    "a.txt": ("Daily A", "The summit opened on 3 May."),
    "b.txt": ("Weekly B", "The summit opened on 4 May."),
    "c.txt": ("Daily A", "On 3 May the summit opened."),
}


def sourced(doc_id: str, day: int) -> Source:
    text = TEXTS[doc_id][1]
    at = text.index(f"{day} May")
    return Source(doc_id, 0, len(text), at, at + 5, f"{day} May", FuzzyDate(2023, 5, day))


@pytest.fixture
def timeline() -> Timeline:
    docs = {
        doc_id: Document(doc_id, Path(doc_id), text, title=f"Report {doc_id}", outlet=outlet)
        for doc_id, (outlet, text) in TEXTS.items()
    }
    summit = Event(
        "summit",
        "Summit opens",
        FuzzyDate(2023, 5, 3),
        [sourced("a.txt", 3), sourced("b.txt", 4), sourced("c.txt", 3)],
        starred=True,
        tags=["CSTO", "Minsk <talks>"],
        note=NOTE,
    )
    call = Event("user-1", "Phone call", FuzzyDate(2023, 5), added=True, tags=["CSTO"])
    plain = Event("plain", "Delegates leave", FuzzyDate(2023, 5, 9))
    span = FuzzyDate(2023, 5, 1).span_to(FuzzyDate(2023, 5, 10))
    eras = [Era("Summit week", span, id="p1", user=True)]
    return Timeline(docs, [summit, call, plain], name="Marks", eras=eras)


def test_each_date_counts_its_outlets_once(timeline):
    counts = date_counts(timeline.event("summit"), timeline)
    assert [(c.date.iso(), c.outlets) for c in counts] == [("2023-05-03", 1), ("2023-05-04", 1)]


@pytest.mark.parametrize(
    ("source", "documents"),
    [
        (sourced("a.txt", 3), {"a.txt"}),
        (replace(sourced("b.txt", 4), wire="wire-1"), {"b.txt"}),
        (sourced("c.txt", 3), set()),  # its article is not in the timeline
        (replace(sourced("a.txt", 3), date=FuzzyDate(2023, 5, 3, inferred=True)), {"a.txt"}),
    ],
    ids=["an outlet", "a wire copy", "no article", "an inferred date"],
)
def test_one_source_counts_as_the_general_rule_counts_it(timeline, source, documents):
    from timeline_app.model.outlets import date_support

    docs = {k: v for k, v in timeline.documents.items() if k in documents}
    event = Event("one", "One source", source.date, [source])
    general = [(s.date, s.independent) for s in date_support(event, docs)]
    assert [(c.date, c.outlets) for c in date_counts(event, Timeline(docs, [event]))] == general


def _inferred(s: Source) -> Source:
    return replace(s, date=replace(s.date, inferred=True))


MAY_3 = FuzzyDate(2023, 5, 3)


@pytest.mark.parametrize(
    ("sources", "disputed"),
    [
        ([sourced("a.txt", 3), sourced("c.txt", 3)], False),  # one outlet twice
        (
            [replace(sourced("a.txt", 3), date=MAY_3), replace(sourced("c.txt", 3), date=MAY_3)],
            False,
        ),
        ([_inferred(sourced("a.txt", 3)), sourced("c.txt", 3)], False),  # the stated date shown
        ([sourced("a.txt", 3), replace(sourced("b.txt", 4), date=FuzzyDate(2023, 5, 3))], False),
        ([sourced("a.txt", 3), replace(sourced("b.txt", 4), wire="w"), sourced("c.txt", 3)], True),
        ([sourced("a.txt", 3), replace(sourced("b.txt", 4), date=FuzzyDate(2023, 5))], False),
        ([], False),  # added by hand
    ],
    ids=[
        "one outlet",
        "one date object",
        "inferred first",
        "two outlets",
        "two dates",
        "nested",
        "no source",
    ],
)
def test_several_sources_count_as_the_general_rule_counts_them(timeline, sources, disputed):
    from timeline_app.model.outlets import date_support

    event = Event("many", "Several sources", MAY_3, sources)
    general = [(s.date, s.independent) for s in date_support(event, timeline.documents)]
    assert [(c.date, c.outlets) for c in date_counts(event, timeline)] == general
    assert event.disputed is disputed


def test_event_json_carries_the_marks_and_reads_them_back(timeline, tmp_path):
    data = json.loads(data_bytes(timeline, "json"))
    jsonschema.validate(data, SCHEMA)
    records = {r["id"]: r for r in data["events"]}
    assert records["summit"]["date_support"] == [
        {"date": "2023-05-03", "label": "3 May 2023", "outlets": 1},
        {"date": "2023-05-04", "label": "4 May 2023", "outlets": 1},
    ]
    assert [era["title"] for era in data["eras"]] == ["Summit week"]
    path = tmp_path / "events.json"
    path.write_bytes(data_bytes(timeline, "json"))
    back = read_data_file(path)
    marks = [(e.id, e.starred, e.tags, e.note, e.added) for e in back.events]
    assert marks == [(e.id, e.starred, e.tags, e.note, e.added) for e in timeline.events]


def test_event_json_with_a_mark_of_the_wrong_type_names_it(timeline, tmp_path):
    data = json.loads(data_bytes(timeline, "json"))
    next(r for r in data["events"] if r["id"] == "summit")["starred"] = "yes"
    path = tmp_path / "events.json"
    path.write_text(json.dumps(data))
    back = read_data_file(path)
    assert sorted(e.id for e in back.events) == ["plain", "user-1"]
    assert any("starred is not true or false" in p.reason for p in back.problems)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheets_carry_the_marks(timeline, fmt):
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data_bytes(timeline, fmt).decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(data_bytes(timeline, fmt))).active
        header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
        rows = [{k: v or "" for k, v in zip(header, r, strict=True)} for r in body]
    by_id = {r["id"]: r for r in rows}
    summit = by_id["summit"]
    assert (summit["starred"], summit["tags"], summit["note"], summit["added"]) == (
        "yes",
        "CSTO; Minsk <talks>",
        NOTE,
        "no",
    )
    assert summit["date_support"] == "3 May 2023: 1 outlet; 4 May 2023: 1 outlet"
    assert (by_id["user-1"]["added"], by_id["plain"]["starred"]) == ("yes", "no")


def test_icalendar_has_tags_as_categories_a_star_as_priority_and_the_note(timeline):
    cal = Calendar.from_ical(data_bytes(timeline, "ics"))
    by_uid = {str(ve["uid"]).split("@")[0]: ve for ve in cal.walk("VEVENT")}
    summit = by_uid["summit"]
    cats = [str(c) for c in summit["categories"].cats]
    assert cats == ["Daily A", "CSTO", "Minsk <talks>"]
    assert int(summit["priority"]) == 1
    assert str(summit["description"]).startswith(f"Note: {NOTE}")
    assert "priority" not in by_uid["plain"] and "categories" not in by_uid["plain"]
    assert "Added by hand" in str(by_uid["user-1"]["description"])


def test_timelinejs_puts_the_marks_in_the_slide_text_escaped(timeline):
    doc = json.loads(data_bytes(timeline, "timelinejs"))
    slides = {s["unique_id"]: s for s in doc["events"]}
    text = slides["summit"]["text"]["text"]
    assert "★ Key event · Tags: CSTO, Minsk &lt;talks&gt;" in text
    assert "<p>Check &lt;b&gt;this&lt;/b&gt; &amp; the wire copy;<br>second line.</p>" in text
    assert "Added by hand" in slides["user-1"]["text"]["text"]
    assert slides["plain"]["text"]["text"] == ""
    assert [e["text"]["headline"] for e in doc["eras"]] == ["Summit week"]


def test_icalendar_has_the_periods_the_user_drew(timeline):
    timeline.eras.append(Era("Summit", FuzzyDate(2023, 5, 3), id="p2", user=True))
    timeline.eras.append(Era("From a file", FuzzyDate(2023)))
    cal = Calendar.from_ical(data_bytes(timeline, "ics"))
    periods = [ve for ve in cal.walk("VEVENT") if str(ve["uid"]).startswith("period-")]
    assert [
        (str(ve["summary"]), ve["dtstart"].dt.isoformat(), ve["dtend"].dt.isoformat())
        for ve in periods
    ] == [
        ("Period: Summit week", "2023-05-01", "2023-05-11"),
        ("Milestone: Summit", "2023-05-03", "2023-05-04"),
    ]


def test_the_best_confirmed_date_comes_first(timeline):
    timeline.documents["d.txt"] = Document(
        "d.txt", Path("d.txt"), "The summit opened on 4 May.", outlet="Radio D"
    )
    summit = timeline.event("summit")
    summit.sources.append(Source("d.txt", 0, 27, 21, 26, "4 May", FuzzyDate(2023, 5, 4)))
    counts = date_counts(summit, timeline)
    assert [(c.date.iso(), c.outlets) for c in counts] == [("2023-05-04", 2), ("2023-05-03", 1)]


def test_wire_copies_count_once_and_survive_a_round_trip(timeline, tmp_path):
    """Two outlets carrying one wire story are one voice for its date, in the file written
    and in the file read back."""
    timeline.documents["d.txt"] = Document(
        "d.txt", Path("d.txt"), "The summit opened on 4 May.", outlet="Radio D"
    )
    summit = timeline.event("summit")
    wired = [replace(s, wire="w1") if s.doc_id == "b.txt" else s for s in summit.sources]
    summit.sources = [
        *wired,
        Source("d.txt", 0, 27, 21, 26, "4 May", FuzzyDate(2023, 5, 4), wire="w1"),
    ]
    assert summit.disputed
    path = tmp_path / "events.json"
    path.write_bytes(data_bytes(timeline, "json"))
    records = {r["id"]: r for r in json.loads(path.read_text())["events"]}
    assert records["summit"]["disputed"] is True
    assert [(d["date"], d["outlets"]) for d in records["summit"]["date_support"]] == [
        ("2023-05-03", 1),
        ("2023-05-04", 1),
    ]
    back = read_data_file(path)
    again = back.event("summit")
    assert [s.wire for s in again.sources] == [s.wire for s in summit.sources]
    counts = [(c.date.iso(), c.outlets) for c in date_counts(again, back)]
    assert counts == [("2023-05-03", 1), ("2023-05-04", 1)]
