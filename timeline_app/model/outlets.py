"""Which dates an event's sources give, how many independent outlets confirm each, and how
much an event matters (its key score).

Two sources are *not* independent when their articles come from the same outlet or are
copies of one wire story (`Source.wire`: the same text carried by several outlets). Sources
are grouped by either link, transitively (outlet A and outlet B carrying one wire story are
one voice for that story), and each group counts once. An article whose outlet is unknown
counts by itself, as its own document. Outlet names are compared case- and space-blind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .dates import FuzzyDate
from .documents import Document
from .events import Event, Source
from .lazy_documents import LazyDocuments

__all__ = [
    "STAR_WEIGHT",
    "TAG_WEIGHT",
    "DateSupport",
    "date_support",
    "independent_outlets",
    "is_disputed",
    "key_score",
]

STAR_WEIGHT = 3.0  # a star is the analyst saying "key": worth three outlets
TAG_WEIGHT = 1.0  # each tag (up to MAX_TAGS) says the analyst sorted it: one outlet
MAX_TAGS = 3  # many tags describe an event, they do not make it more important


@dataclass(frozen=True, slots=True)
class DateSupport:
    """One date an event's sources give, the sources giving it, their outlets (the
    document id for an article whose outlet is unknown) and how many of those are
    independent of each other."""

    date: FuzzyDate
    sources: tuple[Source, ...]
    outlets: tuple[str, ...]
    independent: int


def date_support(event: Event, documents: Mapping[str, Document]) -> list[DateSupport]:
    """Each distinct date of `event`'s sources, best confirmed first: most independent
    outlets, then the most precise (shortest interval), then the earliest. The first is
    the date an event joined from disagreeing sources takes."""
    by_date: dict[tuple[date, date], list[Source]] = {}
    for s in event.sources:
        by_date.setdefault((s.date.start, s.date.end), []).append(s)
    support = []
    for sources in by_date.values():
        # a date the text states beats the same date inferred from context
        shown = min((s.date for s in sources), key=lambda d: d.inferred)
        outlets = tuple(dict.fromkeys(_outlet(s, documents) for s in sources))
        support.append(
            DateSupport(shown, tuple(sources), outlets, independent_outlets(sources, documents))
        )
    return sorted(support, key=_rank)


def _rank(s: DateSupport) -> tuple[int, int, date, date]:
    return (-s.independent, (s.date.end - s.date.start).days, s.date.start, s.date.end)


def independent_outlets(sources: Iterable[Source], documents: Mapping[str, Document]) -> int:
    """How many independent voices `sources` are: sources linked by one outlet or one wire
    family count once, transitively; an article of unknown outlet counts as itself."""
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    voices = set()
    for s in sources:
        keys = [_outlet_key(s, documents)] + (["wire:" + s.wire] if s.wire else [])
        first = root(keys[0])
        for k in keys[1:]:
            parent[root(k)] = first
        voices.add(keys[0])
    return len({root(k) for k in voices})


def _outlet(s: Source, documents: Mapping[str, Document]) -> str:
    return _doc_outlet(documents, s.doc_id) or s.doc_id


def _outlet_key(s: Source, documents: Mapping[str, Document]) -> str:
    outlet = _doc_outlet(documents, s.doc_id)
    if outlet and outlet.strip():
        return "outlet:" + " ".join(outlet.casefold().split())
    return "doc:" + s.doc_id


def _doc_outlet(documents: Mapping[str, Document], doc_id: str) -> str | None:
    """The outlet of a document (None: it has none, or there is no such document); of
    documents not decoded yet, without decoding them."""
    if isinstance(documents, LazyDocuments):
        return documents.outlet(doc_id)
    doc = documents.get(doc_id)
    return doc.outlet if doc is not None else None


def is_disputed(event: Event) -> bool:
    """Its sources give dates where neither contains the other (see `Event.disputed`)."""
    return event.disputed


def key_score(event: Event, documents: Mapping[str, Document]) -> float:
    """How much an event matters at a glance: its independent outlets, plus STAR_WEIGHT
    if the user starred it, plus TAG_WEIGHT per tag (at most MAX_TAGS). Higher is more
    important; the window shows the best few per stretch of the axis."""
    score = float(independent_outlets(event.sources, documents))
    if event.starred:
        score += STAR_WEIGHT
    return score + TAG_WEIGHT * min(len(event.tags), MAX_TAGS)
