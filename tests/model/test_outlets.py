"""Which dates an event's sources give, how many independent outlets confirm each, whether it
is disputed, and its key score: events and articles built by hand."""

from pathlib import Path

import pytest

from timeline_app.model import Document, Event, FuzzyDate, Source
from timeline_app.model.outlets import (
    STAR_WEIGHT,
    TAG_WEIGHT,
    date_support,
    independent_outlets,
    is_disputed,
    key_score,
)


def _doc(doc_id, outlet):
    return Document(doc_id, Path(doc_id), "text", outlet=outlet)


def _source(doc_id, iso, *, wire="", part=None, inferred=False):
    date = FuzzyDate.from_iso(iso, part=part, inferred=inferred)
    return Source(doc_id, 0, 4, 0, 4, iso, date, wire=wire)


DOCS = {
    d.id: d
    for d in [
        _doc("a", "Daily Courier"),
        _doc("b", "Evening Herald"),
        _doc("c", "daily  courier"),  # the same outlet, spelt otherwise
        _doc("d", "Morning Post"),
        _doc("e", None),
        _doc("f", None),
        _doc("g", "Bishkek Gazette"),
    ]
}

# (sources as (doc, date, wire family), independent outlets, why)
INDEPENDENT = [
    ([("a", "2024-05-03", ""), ("b", "2024-05-03", "")], 2, "two outlets"),
    ([("a", "2024-05-03", ""), ("c", "2024-05-03", "")], 1, "one outlet, case and spaces aside"),
    ([("a", "2024-05-03", "w"), ("b", "2024-05-03", "w")], 1, "two outlets print one wire story"),
    (
        [("a", "2024-05-03", "w"), ("b", "2024-05-03", "w"), ("g", "2024-05-03", "")],
        2,
        "a wire story and an outlet's own report",
    ),
    (
        [("a", "2024-05-03", "w"), ("b", "2024-05-03", ""), ("c", "2024-05-03", "w")],
        2,
        "the Courier twice (one of them the wire) and the Herald",
    ),
    ([("e", "2024-05-03", ""), ("f", "2024-05-03", "")], 2, "unknown outlets count by article"),
    ([("e", "2024-05-03", ""), ("e", "2024-05-03", "")], 1, "one article twice"),
    ([("e", "2024-05-03", "w"), ("f", "2024-05-03", "w")], 1, "unknown outlets, one wire story"),
    ([("zz", "2024-05-03", "")], 1, "an article not loaded counts as itself"),
    ([], 0, "no source, no voice"),
]


@pytest.mark.parametrize(("sources", "expected", "why"), INDEPENDENT)
def test_independent_outlets(sources, expected, why):
    built = [_source(d, iso, wire=w) for d, iso, w in sources]
    assert independent_outlets(built, DOCS) == expected, why


# (sources as (doc, date, part, wire), [(date, independent, outlets)] best first, why)
SUPPORT = [
    (
        [
            ("a", "2024-05-03", None, "w"),
            ("b", "2024-05-03", None, "w"),
            ("d", "2024-05-04", None, ""),
        ],
        [
            ("2024-05-03", 1, ("Daily Courier", "Evening Herald")),
            ("2024-05-04", 1, ("Morning Post",)),
        ],
        "a tie: the earliest date first",
    ),
    (
        [
            ("a", "2024-05-03", None, ""),
            ("b", "2024-05-04", None, ""),
            ("d", "2024-05-04", None, ""),
        ],
        [
            ("2024-05-04", 2, ("Evening Herald", "Morning Post")),
            ("2024-05-03", 1, ("Daily Courier",)),
        ],
        "most independent outlets first, whatever the order",
    ),
    (
        [("a", "2024-01", "early", ""), ("d", "2024-01-13", None, "")],
        [("2024-01-13", 1, ("Morning Post",)), ("2024-01", 1, ("Daily Courier",))],
        "a tie: the more precise date first",
    ),
    (
        [("e", "2024-05-03", None, "")],
        [("2024-05-03", 1, ("e",))],
        "an article of unknown outlet is named by its file",
    ),
]


@pytest.mark.parametrize(("sources", "expected", "why"), SUPPORT)
def test_date_support(sources, expected, why):
    built = [_source(d, iso, part=p, wire=w) for d, iso, p, w in sources]
    event = Event("ev", "t", built[0].date, built)
    got = [(s.date.iso(), s.independent, s.outlets) for s in date_support(event, DOCS)]
    assert got == expected, why


def test_date_support_shows_a_stated_date_over_the_same_date_inferred():
    sources = [_source("a", "2024-05-03", inferred=True), _source("b", "2024-05-03")]
    (support,) = date_support(Event("ev", "t", sources[0].date, sources), DOCS)
    assert not support.date.inferred and len(support.sources) == 2


# (source dates as (iso, part), disputed, why)
DISPUTED = [
    ([("2024-05-03", None), ("2024-05-04", None)], True, "two days"),
    ([("2024-05-03", None), ("2024-05-03", None)], False, "one day twice"),
    ([("2024-01", "early"), ("2024-01-13", None)], True, "a day outside a part of a month"),
    ([("2024-01", "early"), ("2024-01-10", None)], False, "a day inside it only says more"),
    ([("2024-01", None), ("2024-01-13", None)], False, "a day inside its month"),
    ([("2024", None), ("2024-05-03", None), ("2024-05-03", None)], False, "nested throughout"),
    ([("2024", None), ("2023-12-31", None)], True, "a day just outside a year"),
    ([("2024-05-03", None)], False, "one source"),
    ([], False, "no source"),
]


@pytest.mark.parametrize(("dates", "expected", "why"), DISPUTED)
def test_disputed(dates, expected, why):
    sources = [_source("a", iso, part=part) for iso, part in dates]
    event = Event("ev", "t", FuzzyDate(2024), sources)
    assert event.disputed is expected, why
    assert is_disputed(event) is expected, why


# (docs of the sources, starred, tags, score, why)
KEY = [
    (["a", "b", "d"], False, [], 3.0, "three outlets"),
    (["a", "c"], False, [], 1.0, "one outlet twice"),
    (["a"], True, [], 1.0 + STAR_WEIGHT, "a star"),
    (["a"], False, ["army"], 1.0 + TAG_WEIGHT, "a tag"),
    (["a"], True, ["a", "b", "c", "d", "e"], 1.0 + STAR_WEIGHT + 3 * TAG_WEIGHT, "tags capped"),
]


@pytest.mark.parametrize(("docs", "starred", "tags", "expected", "why"), KEY)
def test_key_score(docs, starred, tags, expected, why):
    sources = [_source(d, "2024-05-03") for d in docs]
    event = Event("ev", "t", sources[0].date, sources, starred=starred, tags=tags)
    assert key_score(event, DOCS) == expected, why


def test_key_score_of_an_event_without_marks_is_its_outlets():
    event = Event("ev", "t", FuzzyDate(2024, 5, 3), [_source("a", "2024-05-03")])
    assert key_score(event, DOCS) == 1.0


# (events as (id, iso date, docs, starred), days per stretch, per stretch, kept ids, why)
