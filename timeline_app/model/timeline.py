"""A loaded corpus: documents, the events found in them, the eras they are set in, and what
could not be loaded."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from .documents import Document
from .eras import Era
from .events import Event
from .lazy_events import LazyEvents

__all__ = ["Problem", "Timeline"]

_SORT_RUN = 2000  # events sorted per C call (see `Timeline.sort`)


def _order(e: Event) -> tuple[date, date, str]:
    return (e.date.start, e.date.end, e.title)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be (fully) loaded, and why, in words for a user."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class Timeline:
    """Events sorted by date, with the documents they cite; `eras` are the named periods
    drawn behind them (a TimelineJS file's), in the order the file gives them."""

    # a dict, or documents decoded when first read (`lazy_documents.py`)
    documents: Mapping[str, Document] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    name: str = ""
    eras: list[Era] = field(default_factory=list)
    _index: dict[str, Event] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.sort()

    def sort(self) -> None:
        """Events by date, then title; events equal in both keep their order. A long list
        is sorted in runs then merged (heapq.merge is stable too): one sort of 30,000
        events is a C call of a tenth of a second that holds the interpreter, and a load
        makes its timeline on a thread beside the window's."""
        events = self.events
        if isinstance(events, list) and len(events) > _SORT_RUN:
            runs = [
                sorted(events[i : i + _SORT_RUN], key=_order)
                for i in range(0, len(events), _SORT_RUN)
            ]
            events[:] = list(heapq.merge(*runs, key=_order))
        else:
            events.sort(key=_order)
        self._index = {}

    def event(self, event_id: str) -> Event:
        """The event with this id (KeyError if none); indexed, as views look up on every click."""
        if isinstance(self.events, LazyEvents):  # by its stored id: decode that one only
            return self.events.by_id(event_id)
        if len(self._index) != len(self.events):
            self._index = {e.id: e for e in self.events}
        return self._index[event_id]
