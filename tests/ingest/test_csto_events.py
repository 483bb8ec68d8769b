"""The shipped CSTO corpus yields the events the first issue asks for, via the real CLI."""

import json
import subprocess
import sys
from datetime import date

import pytest

from timeline_app.model import Part, Precision
from timeline_app.paths import SHIPPED_CORPUS

ARTSAKH = "2023-02-13_artsakhpress_lukashenko-calls-for-unity.txt"
PRESIDENT = "2023-02_president-by_meeting-with-tasmagambetov.txt"
NOV21 = "2023-11-21_lukashenko-meets-tasmagambetov.txt"
TENSION = "2023-11-26_tokayev-lukashenko-tension.txt"
KAZAKH = "2022-01_csto-operation-in-kazakhstan.txt"


@pytest.fixture(scope="module")
def timeline(corpus):
    return corpus  # the session's shipped corpus (tests/conftest.py)


@pytest.fixture(scope="module")
def records():
    out = subprocess.run(
        [sys.executable, "-m", "timeline_app", "events", str(SHIPPED_CORPUS), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def find(records, *, start, end=None, words=(), files=None):
    """Events over [start, end] whose title or source sentences hold all `words`."""
    hits = []
    for r in records:
        text = " ".join([r["title"], *(s["sentence"] for s in r["sources"])]).lower()
        if (
            r["start"] == start
            and (end is None or r["end"] == end)
            and all(w.lower() in text for w in words)
            and (files is None or files <= {s["file"] for s in r["sources"]})
        ):
            hits.append(r)
    return hits


def test_every_record_has_the_documented_fields(records):
    assert records, "no events at all"
    for r in records:
        assert {"id", "title", "start", "end", "precision", "inferred", "sources"} <= set(r)
        assert r["precision"] in ("year", "month", "day") and r["start"] <= r["end"]
        for s in r["sources"]:
            assert {"file", "start", "end", "text"} <= set(s) and s["start"] < s["end"]
    assert len({r["id"] for r in records}) == len(records)


def test_kazakhstan_operation_early_january_2022_stays_a_part_of_the_month(records):
    hits = find(records, start="2022-01-01", end="2022-01-10", words=["Kazakhstan"])
    assert len(hits) == 1
    assert hits[0]["precision"] == "month" and hits[0]["part"] == "early"
    assert hits[0]["sources"][0]["text"] == "early January"
    operation = find(records, start="2022-01-01", end="2022-01-31", words=["operation"])
    assert operation and all(r["precision"] == "month" for r in operation)


def test_unity_meeting_is_one_event_with_two_sources_year_inferred(records):
    hits = find(records, start="2023-02-13", words=["unity", "Tasmagambetov"])
    assert len(hits) == 1
    event = hits[0]
    assert event["precision"] == "day" and event["end"] == "2023-02-13"
    assert {s["file"] for s in event["sources"]} == {ARTSAKH, PRESIDENT}
    assert event["inferred"] is True and all(s["inferred"] for s in event["sources"])
    assert not find(records, start="2023-02-13", words=["Yerevan"]), "a dateline is no event"


def test_meeting_on_the_eve_of_the_council_session(records):
    hits = find(records, start="2023-11-21", words=["Tasmagambetov", "eve"], files={NOV21})
    assert len(hits) == 1 and hits[0]["precision"] == "day"


def test_minsk_summit_is_the_thursday_before_the_article(records):
    hits = find(records, start="2023-11-23", words=["summit", "Minsk"], files={TENSION})
    assert len(hits) == 1 and hits[0]["precision"] == "day"
    assert hits[0]["sources"][0]["text"] == "Thursday"


@pytest.mark.parametrize(
    ("start", "end", "precision", "words", "why"),
    [
        ("2023-01-10", "2023-01-10", "day", ["Tasmagambetov", "assumed"], "took office"),
        ("2022-11-01", "2022-11-30", "month", ["session"], "the November 2022 Council session"),
        ("2023-01-01", "2023-12-31", "year", ["Belarus", "preside"], "Belarus's chairmanship"),
    ],
)
def test_other_seed_events(records, start, end, precision, words, why):
    hits = find(records, start=start, end=end, words=words)
    assert len(hits) == 1, why
    assert hits[0]["precision"] == precision, why


def test_took_office_and_session_merge_across_articles(records):
    office = find(records, start="2023-01-10", words=["assumed"])[0]
    assert {s["file"] for s in office["sources"]} == {ARTSAKH, PRESIDENT}
    session = find(records, start="2022-11-01", end="2022-11-30", words=["session"])[0]
    assert {NOV21, ARTSAKH, PRESIDENT} <= {s["file"] for s in session["sources"]}


def test_captions_and_credits_date_nothing(records):
    assert not [r for r in records if r["start"].startswith(("2019", "2021"))]
    kazakh = [r for r in records if any(s["file"] == KAZAKH for s in r["sources"])]
    assert kazakh and all(r["start"].startswith("2022-01") for r in kazakh)


def test_source_offsets_point_at_the_sentence_and_date(timeline):
    for event in timeline.events:
        for s in event.sources:
            text = timeline.documents[s.doc_id].text
            assert text[s.date_start : s.date_end] == s.date_text
            assert s.start <= s.date_start < s.date_end <= s.end or s.date_end <= s.start


def test_publication_dates_and_precision(timeline):
    docs = timeline.documents
    assert docs[NOV21].published.iso() == "2023-11-21"
    assert docs[TENSION].published.iso() == "2023-11-26"
    kazakh = docs[KAZAKH].published
    assert kazakh.precision is Precision.MONTH and kazakh.inferred and kazakh.iso() == "2022-01"


def test_events_sorted_by_date(timeline):
    starts = [e.date.start for e in timeline.events]
    assert starts == sorted(starts) and starts[0] >= date(2022, 1, 1)
    assert any(e.date.part is Part.EARLY for e in timeline.events)
