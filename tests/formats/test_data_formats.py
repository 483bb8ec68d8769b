"""Data out: our JSON (valid against its schema, readable back), CSV, iCalendar; the CLI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar

from timeline_app.cli import main
from timeline_app.formats import read_data_file
from timeline_app.formats.events_csv import CSV_COLUMNS
from timeline_app.formats.ics import PLANNED_PREFIX, ics_uid
from timeline_app.formats.writing import data_bytes
from timeline_app.paths import SHIPPED_CORPUS

from . import DATA

SCHEMA = json.loads(
    (Path(__file__).parents[2] / "resources" / "timeline-events.schema.json").read_text()
)


def test_event_json_is_valid_against_its_schema(corpus):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    records = json.loads(data_bytes(corpus, "json"))
    jsonschema.validate(records, SCHEMA)
    jsonschema.validate({"title": corpus.name, "events": records}, SCHEMA)
    bad = dict(records[0], precision="day")  # "2022-01" is not a day
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([bad], SCHEMA)


def test_event_json_reads_back_with_its_sentences_and_dates(corpus, tmp_path):
    path = tmp_path / "events.json"
    path.write_bytes(data_bytes(corpus, "json"))
    back = read_data_file(path)
    assert back.name == "events"
    assert [(e.id, e.title, e.date) for e in back.events] == [
        (e.id, e.title, e.date) for e in corpus.events
    ]
    for old, new in zip(corpus.events, back.events, strict=True):
        assert [s.doc_id for s in new.sources] == [s.doc_id for s in old.sources]
        for so, sn in zip(old.sources, new.sources, strict=True):
            text = back.documents[sn.doc_id].text
            assert text[sn.start : sn.end] == corpus.documents[so.doc_id].text[so.start : so.end]
            if so.start <= so.date_start <= so.date_end <= so.end:  # moved with the sentence
                assert text[sn.date_start : sn.date_end] == so.date_text
    titled = tmp_path / "titled.json"
    titled.write_text(json.dumps({"title": "Mine", "events": json.loads(path.read_text())}))
    assert read_data_file(titled).name == "Mine"


def test_csv_has_one_row_per_event_with_its_sources(corpus):
    rows = list(csv.DictReader(io.StringIO(data_bytes(corpus, "csv").decode("utf-8-sig"))))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(corpus.events)
    by_id = {r["id"]: r for r in rows}
    for e in corpus.events:
        r = by_id[e.id]
        assert (r["title"], r["date"], r["precision"]) == (
            e.title,
            e.date.iso(),
            e.date.precision.value,
        )
        assert r["start"] == e.date.start.isoformat() and r["end"] == e.date.end.isoformat()
        assert int(r["source_count"]) == len(e.sources)
        assert r["source_files"].split(" | ") == [s.doc_id for s in e.sources]
        first = corpus.documents[e.sources[0].doc_id].text[e.sources[0].start : e.sources[0].end]
        assert " ".join(first.split()) in r["source_sentences"]


def test_icalendar_parses_back_with_the_same_all_day_events(corpus):
    data = data_bytes(corpus, "ics")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\nEND:VCALENDAR" in data
    cal = Calendar.from_ical(data)
    assert str(cal["version"]) == "2.0" and cal["prodid"]
    got = {str(ve["uid"]): ve for ve in cal.walk("VEVENT")}
    assert set(got) == {ics_uid(e.id) for e in corpus.events}
    for e in corpus.events:
        ve = got[ics_uid(e.id)]
        start, end = ve.decoded("dtstart"), ve.decoded("dtend")
        assert type(start) is date and type(end) is date  # all-day: VALUE=DATE
        assert (start, end) == (e.date.start, e.date.end + timedelta(days=1))
        assert str(ve["summary"]) == (PLANNED_PREFIX + e.title if e.planned else e.title)
        assert (str(ve.get("status")) == "TENTATIVE") is e.planned
        assert e.date.label() in str(ve["description"])
    month = next(e for e in corpus.events if e.date.precision.value == "month" and not e.date.part)
    ve = got[ics_uid(month.id)]
    assert (ve.decoded("dtend") - ve.decoded("dtstart")).days in (28, 29, 30, 31)


@pytest.mark.parametrize(
    "fmt, check",
    [
        ("json", lambda text: json.loads(text)[0]["id"]),
        ("csv", lambda text: text.startswith("id,title,date")),
        ("timelinejs", lambda text: json.loads(text)["events"][0]["start_date"]["year"]),
        ("ics", lambda text: "BEGIN:VEVENT" in text),
    ],
)
def test_cli_events_formats(fmt, check, capsys, tmp_path):
    assert main(["events", str(SHIPPED_CORPUS), "--format", fmt]) == 0
    assert check(capsys.readouterr().out)
    out = tmp_path / f"events.{fmt}"
    assert main(["events", str(SHIPPED_CORPUS), "--format", fmt, "-o", str(out)]) == 0
    assert check(out.read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize(
    "name", ["years-only.json", "with-times.json", "eras-groups.json", "spreadsheet.csv"]
)
def test_data_files_work_as_path_in_the_headless_commands(name, capsys, tmp_path):
    assert main(["events", str(DATA / name), "--format", "json"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert written == json.loads(data_bytes(read_data_file(DATA / name), "json"))
    # a file with eras is written as {"title", "events", "eras"}, else as the list of events
    records = written["events"] if isinstance(written, dict) else written
    eras = written["eras"] if isinstance(written, dict) else []
    assert bool(eras) == (name in ("eras-groups.json", "spreadsheet.csv"))
    assert main(["export", str(DATA / name), "-o", str(tmp_path / "t.svg")]) == 0
    svg = (tmp_path / "t.svg").read_text()
    assert all(f">{r['title'].replace('&', '&amp;')}</text>" in svg for r in records)
