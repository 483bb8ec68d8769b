"""The corpus at a glance: counts, outlets (an article naming none is "Unknown outlet", never
its title), the span, events by year or by decade, problems."""

from pathlib import Path

import pytest

from timeline_app.model import Document, Event, FuzzyDate, Problem, Timeline
from timeline_app.model.summary import UNKNOWN_OUTLET, summarize


def _doc(i: int, outlet: str | None) -> Document:
    return Document(f"d{i}.txt", Path(f"d{i}.txt"), "text", title=f"Headline {i}", outlet=outlet)


def _timeline(outlets: list[str | None], dates: list[str], problems: int = 0) -> Timeline:
    docs = {d.id: d for d in (_doc(i, o) for i, o in enumerate(outlets))}
    events = [Event(f"e{i}", f"Event {i}", FuzzyDate.from_iso(d)) for i, d in enumerate(dates)]
    return Timeline(
        docs, events, [Problem(f"bad{i}.pdf", "not text") for i in range(problems)], name="corpus"
    )


# (outlets, event dates, expected outlets, expected rows, why)
CASES = [
    (
        ["BelTA", "BelTA", "TASS"],
        ["2022-01-06", "2023-11", "2023"],
        (("BelTA", 2), ("TASS", 1)),
        [("2022", 1), ("2023", 2)],
        "years, busiest outlet first",
    ),
    (
        [None, None, "Reuters"],
        ["2021"],
        (("Unknown outlet", 2), ("Reuters", 1)),
        [("2021", 1)],
        "articles without an outlet are one group",
    ),
    (
        ["A"],
        [f"{y}" for y in range(1900, 2000, 3)],
        (("A", 1),),
        [(f"{d}s", 4 if d in (1900, 1930, 1960, 1990) else 3) for d in range(1900, 2000, 10)],
        "a century of years is counted by decade",
    ),
    ([], [], (), [], "an empty timeline"),
]


@pytest.mark.parametrize(("outlets", "dates", "expected", "rows", "why"), CASES)
def test_summary(outlets, dates, expected, rows, why):
    s = summarize(_timeline(outlets, dates))
    assert s.outlets == expected, why
    assert s.spread() == rows, why
    assert s.documents == len(outlets) and s.events == len(dates)


def test_lines_say_span_outlets_and_problems():
    s = summarize(_timeline([None, "BelTA"], ["2022-01-06", "2023-11-23"], problems=2))
    text = "\n".join(s.lines())
    assert "2 documents, 2 events" in text
    assert "Dates: 2022-01-06 – 2023-11-23" in text
    assert f"  {UNKNOWN_OUTLET} — 1" in text and "Headline" not in text
    assert "2 files could not be fully read" in text


def test_documents_that_are_not_articles_are_not_counted():
    """A source the user typed in for an event added by hand is in the timeline's documents
    but is no article of the corpus: neither a document nor an outlet's."""
    timeline = _timeline(["BelTA", "TASS", "typed"], ["2023"])
    s = summarize(timeline, is_article=lambda d: d.outlet != "typed")
    assert s.documents == 2
    assert s.outlets == (("BelTA", 1), ("TASS", 1))
