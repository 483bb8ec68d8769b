"""The corpus summary's figures from the view's columns (`EventStore.facts`) are those a pass
over the events gives (`model.summary`): events per starting year, planned events, the first
day and the last (a span's end included)."""

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline
from timeline_app.model.summary import summarize
from timeline_app.plan.columns import EventStore


def _timeline(dates: list[tuple[str, str | None, bool]]) -> Timeline:
    """Events dated `iso` (or spanning iso..end), planned or not, one article each."""
    docs, events = {}, []
    for i, (iso, end, planned) in enumerate(dates):
        when = FuzzyDate.from_iso(iso)
        if end is not None:
            when = when.span_to(FuzzyDate.from_iso(end))
        doc = Document(f"d{i}.txt", Path(f"d{i}.txt"), "Some text.", title=f"Headline {i}")
        docs[doc.id] = doc
        source = Source(doc.id, 0, 4, 0, 4, "Some", when, planned=planned)
        events.append(Event(f"e{i}", f"Event {i}", when, [source]))
    return Timeline(docs, events)


# (events: iso, span end or None, planned), expected (years, planned, first, last), why
CASES = [
    ([], (Counter(), 0, None, None), "no events: no figures"),
    (
        [("2021-03-04", None, False), ("2021", None, False), ("2023-05", None, True)],
        (Counter({2021: 2, 2023: 1}), 1, date(2021, 1, 1), date(2023, 5, 31)),
        "a year's first day; a month's last",
    ),
    (
        [("1999-12-31", "2002-02", False)],
        (Counter({1999: 1}), 0, date(1999, 12, 31), date(2002, 2, 28)),
        "a span counts in its first year and ends with its end",
    ),
    (
        [("1969-07-20", None, False), ("1970-01-01", None, True)],
        (Counter({1969: 1, 1970: 1}), 1, date(1969, 7, 20), date(1970, 1, 1)),
        "around the epoch",
    ),
]


@pytest.mark.parametrize(("dates", "expected", "why"), CASES)
def test_facts_from_columns_match_the_events(dates, expected, why):
    timeline = _timeline(dates)
    facts = EventStore.from_timeline(timeline).facts()
    assert (facts.years, facts.planned, facts.first, facts.last) == expected, why
    by_events = summarize(timeline)
    by_columns = summarize(timeline, facts=facts)
    assert by_columns == by_events, why
