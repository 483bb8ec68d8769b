"""A timeline's events kept as stored records, each made an `Event` only when one is asked for.

A corpus of a million events is drawn from columns (`plan.columns`); building a million
`Event` objects to open it would take longer than everything else together. `LazyEvents`
stands in for the list: it knows every id and what a summary needs, and decodes an event the
first time it is read (the selected event, the visible rows of the list), keeping it so that
the same object comes back every time. Iterating decodes everything (an export, the search
index): that is the slow path, taken only when a view needs every event.

The sequence is read-only and already in timeline order, with events as extracted (none
hidden or edited): applying edits copies it into a list of real events.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, overload

from .events import Event

__all__ = ["EventFacts", "LazyEvents"]


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What a corpus summary needs of every event, known without decoding them."""

    years: Counter[int] = field(default_factory=Counter)  # events starting in each year
    planned: int = 0
    first: date | None = None
    last: date | None = None


class LazyEvents(Sequence[Event]):
    """`len(ids)` events in timeline order; `decode(i)` makes the i-th from its record."""

    def __init__(
        self, ids: Sequence[str], decode: Callable[[int], Event], facts: EventFacts
    ) -> None:
        self._ids = ids
        self._decode = decode
        self.facts = facts
        self._made: dict[int, Event] = {}
        self._index: dict[str, int] | None = None
        self._lock = threading.Lock()  # one event per index, whichever thread decodes it

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> list[Event]: ...
    def __getitem__(self, i: int | slice) -> Event | list[Event]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        k = i + len(self) if i < 0 else i
        if not 0 <= k < len(self):
            raise IndexError(i)
        event = self._made.get(k)
        if event is None:  # a search index built in the background decodes too
            with self._lock:
                event = self._made.get(k)
                if event is None:
                    event = self._made[k] = self._decode(k)
        return event

    def __iter__(self) -> Iterator[Event]:
        return (self[k] for k in range(len(self)))

    def sort(self, *, key: Callable[[Event], Any] | None = None, reverse: bool = False) -> None:
        """Nothing to do: whoever built the sequence stored it in timeline order (what
        `Timeline` asks for); the argument list is `list.sort`'s, so a Timeline can hold it."""

    @property
    def decoded(self) -> list[Event]:
        """The events made so far (the rest were never asked for)."""
        return list(self._made.values())

    def position(self, event_id: str) -> int:
        """The index of the event with this id (KeyError if none), without decoding any:
        from a dict of a list's ids, or from the ids' own `index` (stored ids scan their
        one text faster than a dict of a million of them is built)."""
        if not isinstance(self._ids, list):
            try:
                return self._ids.index(event_id)
            except ValueError:
                raise KeyError(event_id) from None
        if self._index is None:
            self._index = {eid: k for k, eid in enumerate(self._ids)}
        return self._index[event_id]

    def by_id(self, event_id: str) -> Event:
        return self[self.position(event_id)]
