"""Planned events and time context in every export: each format says which event is only
planned and carries the sources' context notes; our JSON and TimelineJS read them back."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from icalendar import Calendar
from PySide6.QtGui import QColor, QImage

from timeline_app.formats import read_data_file
from timeline_app.formats.ics import PLANNED_PREFIX, ics_uid
from timeline_app.formats.writing import data_bytes
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline, TimeNote
from timeline_app.plan.palette import DARK, LIGHT
from timeline_app.render import ImageOptions, export_image

from .test_data_formats import SCHEMA

TEXT = (
    "Harbour Post\n\n"
    "The new bridge will open in September 2027, the city said, with tolls due by 2028.\n\n"
    'Exports fell 12% on 3 May 2023 compared with "April, 2019" & <b>x</b>, the ministry '
    "said.\n"
)
BRIDGE = "The new bridge will open in September 2027, the city said, with tolls due by 2028."
EXPORTS = (
    'Exports fell 12% on 3 May 2023 compared with "April, 2019" & <b>x</b>, the ministry said.'
)
COMPARED = 'compared with "April, 2019" & <b>x</b>'


def _note(text: str, role: str) -> TimeNote:
    start = TEXT.index(text)
    return TimeNote(start, start + len(text), text, role)


def _source(
    sentence: str, date_text: str, date: FuzzyDate, *, planned: bool, context: tuple[TimeNote, ...]
) -> Source:
    start = TEXT.index(sentence)
    d0 = TEXT.index(date_text, start)
    return Source(
        "port.txt",
        start,
        start + len(sentence),
        d0,
        d0 + len(date_text),
        date_text,
        date,
        planned,
        context,
    )


def planned_timeline() -> Timeline:
    """One planned event (a month, with a deadline as context) and one that happened (a
    day, compared with an earlier date whose text holds quotes, a comma and markup)."""
    doc = Document(
        "port.txt", Path("/corpus/port.txt"), TEXT, title="Port news", outlet="Harbour Post"
    )
    bridge = Event(
        "e-bridge",
        "New bridge opens",
        FuzzyDate(2027, 9),
        [
            _source(
                BRIDGE,
                "September 2027",
                FuzzyDate(2027, 9),
                planned=True,
                context=(_note("by 2028", "deadline"),),
            )
        ],
    )
    exports = Event(
        "e-exports",
        "Exports fall 12%",
        FuzzyDate(2023, 5, 3),
        [
            _source(
                EXPORTS,
                "3 May 2023",
                FuzzyDate(2023, 5, 3),
                planned=False,
                context=(_note(COMPARED, "comparison"),),
            )
        ],
    )
    return Timeline({"port.txt": doc}, [bridge, exports], name="Port")


# Each format read back as {event id: (planned?, all the text that event carries)}.
def _json(data: bytes) -> dict[str, tuple[bool, str]]:
    return {
        r["id"]: (
            r["planned"] and all(s["planned"] for s in r["sources"]),
            json.dumps([s["context"] for s in r["sources"]], ensure_ascii=False),
        )
        for r in json.loads(data)
    }


def _csv(data: bytes) -> dict[str, tuple[bool, str]]:
    rows = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    return {r["id"]: (r["planned"] == "yes", r["source_context"]) for r in rows}


def _timelinejs(data: bytes) -> dict[str, tuple[bool, str]]:
    slides = json.loads(data)["events"]
    return {
        s["unique_id"]: (s.get("display_date", "").startswith("Planned: "), s["text"]["text"])
        for s in slides
    }


def _ics(data: bytes) -> dict[str, tuple[bool, str]]:
    out = {}
    for ve in Calendar.from_ical(data).walk("VEVENT"):
        tentative = str(ve.get("status", "")) == "TENTATIVE"
        said = str(ve["summary"]).startswith(PLANNED_PREFIX)
        described = str(ve["description"]).startswith("Planned / expected: ")
        assert tentative == said == described, "status, summary and description agree"
        out[str(ve["uid"]).removesuffix(ics_uid(""))] = (tentative, str(ve["description"]))
    return out


@pytest.mark.parametrize(
    "fmt, read, bridge_context, exports_context",
    [
        (
            "json",
            _json,
            '"text": "by 2028", "role": "deadline"',
            '"text": "compared with \\"April, 2019\\" & <b>x</b>", "role": "comparison"',
        ),
        ("csv", _csv, "by 2028 (deadline)", f"{COMPARED} (comparison)"),
        (
            "timelinejs",
            _timelinejs,
            "Time context: by 2028 (deadline)",  # HTML text: escaped
            'Time context: compared with "April, 2019" &amp; &lt;b&gt;x&lt;/b&gt; (comparison)',
        ),
        ("ics", _ics, "Time context: by 2028 (deadline)", f"Time context: {COMPARED} (comparison)"),
    ],
)
def test_each_format_marks_the_planned_event_and_carries_context(
    fmt, read, bridge_context, exports_context
):
    got = read(data_bytes(planned_timeline(), fmt))
    assert set(got) == {"e-bridge", "e-exports"}
    assert got["e-bridge"][0] is True and got["e-exports"][0] is False
    assert bridge_context in got["e-bridge"][1]
    assert exports_context in got["e-exports"][1]


def test_timelinejs_says_planned_in_the_display_date_even_for_a_day():
    tl = planned_timeline()
    tl.event("e-exports").sources[0] = _source(
        EXPORTS, "3 May 2023", FuzzyDate(2023, 5, 3), planned=True, context=()
    )
    slides = {s["unique_id"]: s for s in json.loads(data_bytes(tl, "timelinejs"))["events"]}
    assert slides["e-bridge"]["display_date"] == "Planned: September 2027"
    assert slides["e-exports"]["display_date"] == "Planned: 3 May 2023"
    assert slides["e-exports"]["start_date"] == {"year": 2023, "month": 5, "day": 3}


def test_event_json_with_planned_and_context_is_valid_against_the_schema():
    records = json.loads(data_bytes(planned_timeline(), "json"))
    jsonschema.validate(records, SCHEMA)
    for bad, why in [
        ({k: v for k, v in records[0].items() if k != "planned"}, "planned is required"),
        (dict(records[0], planned="yes"), "planned is a boolean"),
        (
            dict(
                records[0],
                sources=[
                    dict(records[0]["sources"][0], context=[{"start": 1, "end": 2, "text": "x"}])
                ],
            ),
            "a context note has a role",
        ),
    ]:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([bad], SCHEMA)
            pytest.fail(why)


def _round_trip(tl: Timeline, tmp_path: Path, fmt: str = "json") -> Timeline:
    path = tmp_path / f"events-{fmt}.json"
    path.write_bytes(data_bytes(tl, fmt))
    return read_data_file(path)


def test_json_round_trip_keeps_planned_and_context(tmp_path):
    tl = planned_timeline()
    back = _round_trip(tl, tmp_path)
    assert {e.id: e.planned for e in back.events} == {"e-bridge": True, "e-exports": False}
    for old, new in zip(tl.events, back.events, strict=True):
        [so], [sn] = old.sources, new.sources
        assert sn.planned == so.planned
        assert [(n.text, n.role) for n in sn.context] == [(n.text, n.role) for n in so.context]
        text = back.documents[sn.doc_id].text
        assert all(text[n.start : n.end] == n.text for n in sn.context), "offsets moved along"
    again = json.loads(data_bytes(back, "json"))
    first = json.loads(data_bytes(tl, "json"))
    for a, b in zip(first, again, strict=True):
        assert a["planned"] == b["planned"]
        assert [
            (s["planned"], [(n["text"], n["role"]) for n in s["context"]]) for s in a["sources"]
        ] == [(s["planned"], [(n["text"], n["role"]) for n in s["context"]]) for s in b["sources"]]


@pytest.mark.parametrize(
    "record, planned, why",
    [
        (
            {
                "planned": True,
                "sources": [
                    {"file": "a.txt", "start": 0, "end": 5, "sentence": "Soon.", "date": "2030"}
                ],
            },
            True,
            "a source written without its own mark takes the event's",
        ),
        (
            {
                "planned": True,
                "sources": [
                    {
                        "file": "a.txt",
                        "start": 0,
                        "end": 5,
                        "sentence": "Soon.",
                        "date": "2030",
                        "planned": False,
                    }
                ],
            },
            False,
            "the source's own mark wins: not every source speaks of a plan",
        ),
        ({"planned": True, "sources": []}, True, "no source: a small document carries the mark"),
        (
            {
                "sources": [
                    {"file": "a.txt", "start": 0, "end": 5, "sentence": "Soon.", "date": "2030"}
                ]
            },
            False,
            "written before planned existed",
        ),
    ],
)
def test_json_reads_planned_from_hand_written_records(record, planned, why, tmp_path):
    path = tmp_path / "hand.json"
    path.write_text(
        json.dumps([dict(record, id="x", title="Plant opens", date="2030", precision="year")])
    )
    [event] = read_data_file(path).events
    assert event.planned is planned, why


def test_timelinejs_round_trip_keeps_planned(tmp_path):
    back = _round_trip(planned_timeline(), tmp_path, "timelinejs")
    assert {e.id: (e.planned, e.date) for e in back.events} == {
        "e-bridge": (True, FuzzyDate(2027, 9)),
        "e-exports": (False, FuzzyDate(2023, 5, 3)),
    }


def _svg_texts(path: Path) -> list[str]:
    return ["".join(t.itertext()) for t in ET.parse(path).iter("{http://www.w3.org/2000/svg}text")]


def _planned_pixels(image: QImage, color: str) -> int:
    """Pixels within a few levels of the planned colour (its opaque outline and fill)."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = img.constBits()
    arr = np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())
    bgr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[:, :, :3].astype(int)
    c = QColor(color)
    return int((np.abs(bgr - [c.blue(), c.green(), c.red()]).sum(axis=2) < 30).sum())


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_pictures_draw_the_planned_mark_and_key_it(theme, tmp_path):
    tl = planned_timeline()
    options = ImageOptions(width=900, theme=theme.name)
    png = QImage(str(export_image(tl, tmp_path / "p.png", options)))
    assert _planned_pixels(png, theme.planned) > 40  # the diamond, the bar, the legend key
    assert "planned / expected" in _svg_texts(export_image(tl, tmp_path / "p.svg", options))
    bridge = tl.event("e-bridge")
    bridge.sources = [replace(s, planned=False) for s in bridge.sources]
    png = QImage(str(export_image(tl, tmp_path / "n.png", options)))
    assert _planned_pixels(png, theme.planned) == 0
    assert "planned / expected" not in _svg_texts(export_image(tl, tmp_path / "n.svg", options))
    # (the key is drawn only when the picture holds a planned event)
