"""What the analyst made of an event, as every data export writes it: the star, the tags,
the note, whether it was added by hand, whether its sources dispute its date, and how many
independent outlets support each date its sources give.

Disputes and independence are decided in `model.outlets` (copies of one wire story count
once; an article naming no outlet counts by itself); this module words them for exports.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Event, FuzzyDate, Source, Timeline
from ..model.outlets import date_support, independent_outlets

__all__ = ["DateCount", "date_counts", "date_counts_words", "is_disputed"]


@dataclass(frozen=True, slots=True)
class DateCount:
    """A date some sources give the event, and how many independent outlets give it."""

    date: FuzzyDate
    outlets: int


def is_disputed(event: Event) -> bool:
    return event.disputed


def date_counts(event: Event, timeline: Timeline) -> list[DateCount]:
    """Each date the event's sources give with its independent outlets, best confirmed
    first: most outlets, then the most precise, then the earliest."""
    sources = event.sources
    if len(sources) == 1:  # most events: one date, one voice, no article looked up
        return [DateCount(sources[0].date, 1)]
    if len(sources) > 1 and _one_interval(sources):  # merged: one date, as date_support gives it
        shown = min((s.date for s in sources), key=lambda d: d.inferred)
        return [DateCount(shown, independent_outlets(sources, timeline.documents))]
    return [DateCount(s.date, s.independent) for s in date_support(event, timeline.documents)]


def _one_interval(sources: list[Source]) -> bool:
    """Whether every source dates the same interval (decoded dates are often one object)."""
    first = sources[0].date
    start, end = first.start, first.end
    return all(s.date is first or (s.date.start, s.date.end) == (start, end) for s in sources)


def date_counts_words(counts: list[DateCount]) -> str:
    """ "3 May 2023: 2 outlets; 4 May 2023: 1 outlet" ("" for none)."""
    return "; ".join(
        f"{c.date.label()}: {c.outlets} outlet{'s' if c.outlets != 1 else ''}" for c in counts
    )
