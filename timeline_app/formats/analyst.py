"""What the analyst made of an event, as every data export writes it: the star, the tags,
the note, whether it was added by hand, whether its sources dispute its date, and how many
independent outlets support each date its sources give.

Disputes and outlet counts are decided in `model.outlets` (wire copies count once); where
that module is not there, each distinct outlet counts once and an article naming no outlet
counts by itself, and an event is disputed when it says so (`Event.disputed`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Event, FuzzyDate, Timeline

__all__ = ["DateCount", "date_counts", "date_counts_words", "is_disputed"]

_date_support: Callable[..., Any] | None
try:  # the disputes work (model/outlets.py) decides independence where it is there
    from ..model.outlets import date_support as _date_support
except ImportError:  # pragma: no cover - until it is merged
    _date_support = None


@dataclass(frozen=True, slots=True)
class DateCount:
    """A date some sources give the event, and how many independent outlets give it."""

    date: FuzzyDate
    outlets: int


def is_disputed(event: Event) -> bool:
    return bool(getattr(event, "disputed", False))


def date_counts(event: Event, timeline: Timeline) -> list[DateCount]:
    """Each date the event's sources give with its independent outlets, best confirmed
    first: most outlets, then the most precise, then the earliest."""
    if _date_support is not None:
        return [
            DateCount(s.date, int(s.independent)) for s in _date_support(event, timeline.documents)
        ]
    who: dict[str, tuple[FuzzyDate, set[str]]] = {}
    for s in event.sources:
        doc = timeline.documents.get(s.doc_id)
        outlet = doc.outlet if doc is not None and doc.outlet else f"\0{s.doc_id}"
        key = s.date.iso() + (s.date.part or "")  # inferred or not, the same date
        who.setdefault(key, (s.date, set()))[1].add(outlet)
    counts = [DateCount(d, len(outlets)) for d, outlets in who.values()]
    if len(counts) > 1:  # as model.outlets ranks them
        counts.sort(key=lambda c: (-c.outlets, (c.date.end - c.date.start).days, c.date.start))
    return counts


def date_counts_words(counts: list[DateCount]) -> str:
    """ "3 May 2023: 2 outlets; 4 May 2023: 1 outlet" ("" for none)."""
    return "; ".join(
        f"{c.date.label()}: {c.outlets} outlet{'s' if c.outlets != 1 else ''}" for c in counts
    )
