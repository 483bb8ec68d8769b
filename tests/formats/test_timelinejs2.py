"""TimelineJS 2 files ({"timeline": {"date": [...]}}): their date forms, and what is left
out or set aside, named."""

from __future__ import annotations

import json

import pytest

from timeline_app.formats import data_kind, read_data_file


def v2_file(tmp_path, dates, **timeline):
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "timeline": {
                    "headline": "Old <i>one</i>",
                    "type": "default",
                    "date": dates,
                    **timeline,
                }
            }
        )
    )
    return path


@pytest.mark.parametrize(
    "start, end, label, why",
    [
        ("2012,1,26", None, "26 January 2012", "the documented form"),
        ("2012,1,26,10,30", None, "26 January 2012", "hours and minutes dropped"),
        ("1932", None, "1932", "a year"),
        ("2012,1", None, "January 2012", "a month"),
        ("2012-01-26", None, "26 January 2012", "ISO"),
        ("1/26/2012", None, "26 January 2012", "as its spreadsheets wrote dates"),
        (1932, None, "1932", "a number"),
        ("1991,10,6", "1996,10,31", "6 October 1991 – 31 October 1996", "a span"),
    ],
)
def test_date_forms(tmp_path, start, end, label, why):
    entry = {"startDate": start, "headline": "H"} | ({"endDate": end} if end else {})
    path = v2_file(tmp_path, [entry])
    assert data_kind(path) == "timelinejs2"
    tl = read_data_file(path)
    assert [e.date.label() for e in tl.events] == [label], why
    assert tl.name == "Old one" and not tl.problems


def test_a_bad_slide_is_one_named_problem_and_the_others_load(tmp_path):
    path = v2_file(
        tmp_path,
        [
            {
                "startDate": "2012,1,26",
                "headline": "Good",
                "tag": "Row A",
                "asset": {"media": "<blockquote>Said it.</blockquote>", "credit": "Wire"},
            },
            {"startDate": "last spring", "headline": "No date"},
            "not a slide",
            {"startDate": "2012,2,1", "endDate": "soon", "headline": "Kept"},
            {"startDate": "-500", "headline": "Too early"},
        ],
        era=[{"startDate": "2012", "endDate": "2013", "headline": "Era"}],
    )
    tl = read_data_file(path)
    assert [e.title for e in tl.events] == ["Good", "Kept"]
    good = tl.events[0]
    doc = tl.documents[good.sources[0].doc_id]
    assert doc.outlet == "Row A" and doc.text[good.sources[0].start : good.sources[0].end] == (
        "Said it."
    )
    assert [str(p) for p in tl.problems] == [
        "old.json, slide 2: left out: startDate is not a date of the form 2012,1,26 "
        "('last spring')",
        "old.json, slide 3: left out: not a slide object ('not a slide')",
        "old.json, slide 4: endDate is not a date of the form 2012,1,26 ('soon'); set aside, "
        "the slide kept at its start",
        "old.json, slide 5: left out: year out of range: -500",
    ]
    assert [(era.label, era.date.label()) for era in tl.eras] == [("Era", "2012 – 2013")]


def test_an_empty_timeline2_opens_with_nothing_placed(tmp_path):
    tl = read_data_file(v2_file(tmp_path, []))
    assert tl.events == [] and [str(p) for p in tl.problems] == [
        "old.json: no slide could be placed on the timeline (0 slides in the file)"
    ]
