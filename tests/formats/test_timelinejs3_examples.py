"""TimelineJS3's own example files (tests/formats/data/timelinejs3, see its NOTICE) open:
each with its events, each slide with an end date as a span, what cannot be placed named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.formats import DataFileError, data_kind, read_data_file
from timeline_app.formats.timelinejs import NOTHING_PLACED

EXAMPLES = Path(__file__).parent / "data" / "timelinejs3"

# (file, kind, events, spans, why)
OPENS = [
    ("contrib/women_in_computing.csv", "timelinejs-csv", 10, 3, "the sheet template"),
    ("contrib/women_in_computing.json", "timelinejs", 10, 3, "the same as JSON"),
    (
        "src/js/core/__tests__/women_in_computing.csv",
        "timelinejs-csv",
        10,
        3,
        "curly quotes in the text",
    ),
    ("src/template/all-media-types.json", "timelinejs", 41, 0, "every media type"),
    (
        "src/template/cosmo-mixed.json",
        "timelinejs",
        5,
        0,
        "6 slides billions of years ago are named and left out",
    ),
    ("src/template/eras.json", "timelinejs", 20, 5, "the 7th century, with eras"),
    ("src/template/my-own-timeline.csv", "timelinejs-csv", 10, 3, "a sheet"),
    ("website/examples/example.json", "timelinejs2", 28, 9, "TimelineJS 2: Elizabeth Taylor"),
    ("website/examples/houston/timeline2.json", "timelinejs2", 18, 0, "TimelineJS 2"),
    ("website/examples/houston/timeline3.json", "timelinejs", 18, 0, "the same in 3"),
    ("website/examples/mediatypes/timeline3.json", "timelinejs", 29, 0, "media types"),
    ("website/examples/republican/timeline3.json", "timelinejs", 13, 0, "days, with scale"),
    (
        "website/examples/shit-people-say/timeline2.json",
        "timelinejs2",
        20,
        0,
        "TimelineJS 2 with '2012,1,26' dates",
    ),
    ("website/examples/shit-people-say/timeline3.json", "timelinejs", 20, 0, "the same in 3"),
    ("website/examples/soundcite/timeline3.json", "timelinejs", 18, 0, "soundcite"),
    ("website/examples/timeline3.json", "timelinejs", 18, 0, "the front page's"),
    ("website/examples/twain/marktwain.json", "timelinejs", 17, 1, "times of day dropped"),
    ("website/examples/user-interface/timeline2.json", "timelinejs2", 22, 0, "TimelineJS 2"),
    ("website/examples/user-interface/timeline3.json", "timelinejs", 22, 0, "the same in 3"),
    (
        "website/static/welcome/welcome.json",
        "timelinejs2",
        17,
        0,
        '3 slides wrapped as {"timeline": {"slides": [...]}}',
    ),
]

# (file, title of a slide, its date in words, why)
SPANS = [
    ("src/template/eras.json", "Last great Roman-Persian War.", "602 – 629", "years"),
    (
        "src/template/eras.json",
        "Muhammad Migrates from Mecca to Medina",
        "9 August 622 – 23 August 622",
        "days within a month",
    ),
    (
        "website/examples/twain/marktwain.json",
        "Hannibal, Missouri",
        "5 January 1920 – 5 January 1923",
        "days, the times dropped",
    ),
    (
        "contrib/women_in_computing.json",
        "...And the women who made it work",
        "July 1943 – 1946",
        "a month to a year",
    ),
    (
        "contrib/women_in_computing.csv",
        "Ada Lovelace",
        "10 December 1815 – 27 November 1852",
        "a sheet's End Year/Month/Day",
    ),
    (
        "website/examples/example.json",
        "AIDS Activism",
        "1985 – 16 February 2011",
        "TimelineJS 2's endDate",
    ),
]


@pytest.mark.parametrize("name, kind, n_events, n_spans, why", OPENS)
def test_example_opens_with_its_events_and_spans(name, kind, n_events, n_spans, why):
    path = EXAMPLES / name
    assert data_kind(path) == kind, why
    tl = read_data_file(path)
    assert len(tl.events) == n_events, why
    assert sum(e.date.is_span for e in tl.events) == n_spans, why
    for e in tl.events:  # every event has its small document, for the detail pane
        assert e.sources and e.sources[0].doc_id in tl.documents


def test_at_least_20_of_the_23_files_open_with_events():
    files = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".json", ".csv"))
    assert len(files) == 23
    opened = [p for p in files if data_kind(p) and read_data_file(p).events]
    assert len(opened) == len(OPENS) == 20


@pytest.mark.parametrize("name, title, label, why", SPANS)
def test_a_slide_with_an_end_is_an_interval(name, title, label, why):
    tl = read_data_file(EXAMPLES / name)
    event = next(e for e in tl.events if e.title == title)
    assert event.date.is_span and event.date.label() == label, why
    assert event.date.start <= event.date.first.end < event.date.to.start <= event.date.end


def test_every_slide_with_a_later_end_date_is_a_span():
    """In TimelineJS3's JSON files, each slide (of a year we place) whose end_date is
    after its start."""
    for path in EXAMPLES.rglob("*.json"):
        if data_kind(path) != "timelinejs":
            continue
        slides = json.loads(path.read_text(encoding="utf-8"))["events"]
        ends = {
            _plain(s["text"]["headline"])
            for s in slides
            if (s.get("end_date") or {}).get("year")
            and _key(s["end_date"]) > _key(s["start_date"])
            and _key(s["start_date"])[0] >= 1
        }
        spans = {e.title for e in read_data_file(path).events if e.date.is_span}
        assert spans == ends, path.name


def _key(d: dict) -> tuple[int, ...]:
    return tuple(int(d.get(k) or 0) for k in ("year", "month", "day"))


def _plain(headline: str) -> str:
    from timeline_app.formats.entries import plain_text

    return plain_text(headline).replace("\n", " ")


def test_a_bad_end_date_is_named_and_the_slide_kept():
    tl = read_data_file(EXAMPLES / "website/examples/example.json")
    film = next(e for e in tl.events if e.title == "Stars in 'Butterfield 8'")
    assert film.date.label() == "1 January 1961" and not film.date.is_span
    assert [str(p) for p in tl.problems] == [
        "example.json, slide 17: end_date set aside (year out of range: 196002152034); "
        "the start alone is kept"
    ]


def test_timelinejs2_reads_title_text_media_and_dates():
    tl = read_data_file(EXAMPLES / "website/examples/houston/timeline2.json")
    assert tl.name == "Whitney Houston 1963 - 2012"
    born = tl.events[0]
    assert born.title == "A Musical Heritage" and born.date.label() == "9 August 1963"
    doc = tl.documents[born.sources[0].doc_id]
    assert "Born in New Jersey" in doc.text and "Media: " in doc.text


def test_eras_are_kept_with_their_spans():
    tl = read_data_file(EXAMPLES / "src/template/eras.json")
    assert [(era.label, era.date.iso()) for era in tl.eras] == [
        ("Era Test 650-700", "0650/0700"),
        ("Era Test 600-650", "0600/0650"),
        ("Era Test 700-720", "0700/0720"),
    ]
    assert tl.problems == []


def test_a_file_where_nothing_can_be_placed_opens_empty_and_says_so():
    tl = read_data_file(EXAMPLES / "src/template/cosmo.json")
    assert tl.events == [] and tl.documents == {}
    reasons = [str(p) for p in tl.problems]
    assert "cosmo.json, slide 1: left out: year out of range: -13800000000" in reasons
    assert reasons[-1] == f"cosmo.json: {NOTHING_PLACED} (7 slides in the file)"


def test_the_cli_exits_1_when_nothing_can_be_placed(capsys, tmp_path):
    path = EXAMPLES / "src/template/cosmo.json"
    assert main(["events", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: nothing could be loaded (no event to place on the timeline)" in err
    assert main(["export", str(path), "-o", str(tmp_path / "t.png")]) == 1
    assert not (tmp_path / "t.png").exists()


@pytest.mark.parametrize(
    "name, says",
    [
        (
            "src/js/core/__tests__/parser_test.csv",
            "not a timeline: expected a TimelineJS spreadsheet saved as CSV (a header row with the "
            "columns Year and Headline",
        ),
        ("website/examples/republican/timeline2.json", "empty file"),
    ],
)
def test_what_is_not_a_timeline_is_told_what_was_expected(name, says, capsys):
    path = EXAMPLES / name
    with pytest.raises(DataFileError, match="not a timeline|empty file") as err:
        read_data_file(path)
    assert says in str(err.value)
    assert main(["events", str(path)]) == 1
    assert says in capsys.readouterr().err


def test_a_json_file_that_is_not_a_timeline_says_what_was_expected(capsys, tmp_path):
    path = tmp_path / "ranks.json"
    path.write_text(json.dumps([{"rank": 1, "url": "/embed/index.html"}]))
    assert main(["events", str(path)]) == 1
    err = capsys.readouterr().err
    assert "not a timeline: expected TimelineJS3 JSON" in err
    assert '{"timeline": {"date": [slides with a startDate]}}' in err
