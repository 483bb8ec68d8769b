"""A merged corpus's events as columns: what a view draws, with each event's record beside it.

Decoding a million cached event records into `Event` objects takes longer than anything
else in reopening a large corpus, and the view needs none of them to draw: it needs dates,
precision, titles and what each event belongs to, as arrays (`plan.columns.EventStore`).
`EventColumns` holds those in timeline order; `ColumnEvents` is the timeline's sequence of
events over them, each decoded from its stored record only when a view asks for it. Ingest
writes and reads them with the corpus cache (`ingest/column_cache.py`). Plain data: no I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Self, overload

import numpy as np

from .dates import FuzzyDate, Part, Precision
from .events import Event
from .lazy_events import EventFacts, LazyEvents

__all__ = ["PARTS", "PRECISIONS", "ColumnEvents", "EventColumns", "Groups", "Strings"]

PRECISIONS = [Precision.DAY, Precision.MONTH, Precision.YEAR]  # precision codes
PARTS: list[Part | None] = [None, Part.EARLY, Part.MID, Part.LATE]  # part codes
_EPOCH = date(1970, 1, 1).toordinal()


@dataclass(slots=True)
class Groups:
    """Which named groups each event belongs to, CSR-style: event i belongs to `names[c]`
    for each c in `codes[ptr[i]:ptr[i + 1]]`, the first one its primary group."""

    names: list[str]
    ptr: np.ndarray
    codes: np.ndarray

    @classmethod
    def from_lists(cls, groups: list[list[str]]) -> Self:
        names: dict[str, int] = {}
        codes = [names.setdefault(g, len(names)) for gs in groups for g in gs]
        ptr = np.zeros(len(groups) + 1, np.int64)
        np.cumsum([len(gs) for gs in groups], out=ptr[1:])
        return cls(list(names), ptr, np.asarray(codes, np.int32))


class Strings(Sequence[str]):
    """Many strings kept as one text and where each ends: a million titles or ids read
    from a store without making a million objects; each is cut out when asked for."""

    def __init__(self, text: str, ends: np.ndarray) -> None:
        if len(ends) and (int(ends[-1]) != len(text) or bool((np.diff(ends) < 0).any())):
            raise ValueError("stored strings do not add up to their text")
        if len(ends) and int(ends[0]) < 0:
            raise ValueError("stored strings do not add up to their text")
        self._text, self._ends = text, ends

    @classmethod
    def of(cls, strings: Sequence[str]) -> Strings:
        ends = np.zeros(len(strings), np.int64)
        np.cumsum([len(s) for s in strings], out=ends)
        return cls("".join(strings), ends)

    @property
    def text(self) -> str:
        return self._text

    @property
    def ends(self) -> np.ndarray:
        return self._ends

    def __len__(self) -> int:
        return len(self._ends)

    def tolist(self) -> list[str]:
        ends = self._ends.tolist()
        starts = [0, *ends[:-1]] if ends else []
        return [self._text[a:b] for a, b in zip(starts, ends, strict=True)]

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        k = i + len(self) if i < 0 else i
        if not 0 <= k < len(self):
            raise IndexError(i)
        return self._text[int(self._ends[k - 1]) if k else 0 : int(self._ends[k])]

    def __contains__(self, value: object) -> bool:
        try:
            self.index(value)
        except ValueError:
            return False
        return True

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """Where `value` is, found by a scan of the one text (C speed: no index to build);
        ValueError if it is not there."""
        if not isinstance(value, str):
            raise ValueError(value)
        stop = len(self) if stop is None else stop
        at = self._text.find(value)
        while at >= 0:
            k = int(np.searchsorted(self._ends, at, side="right"))  # the string holding `at`
            begins = int(self._ends[k - 1]) if k else 0
            whole = begins == at and k < len(self) and int(self._ends[k]) == at + len(value)
            if whole and start <= k < stop:
                return k
            at = self._text.find(value, at + 1)
        if value == "" and len(self):  # empty strings begin where the last one ended
            empty = np.flatnonzero(np.diff(self._ends, prepend=0) == 0)
            inside = empty[(empty >= start) & (empty < stop)]
            if len(inside):
                return int(inside[0])
        raise ValueError(value)


@dataclass(slots=True)
class EventColumns:
    """`len(start)` events in timeline order (start, end, title), as columns."""

    start: np.ndarray  # int64: the first day's ordinal
    end: np.ndarray  # int64: the last day's ordinal
    precision: np.ndarray  # uint8: index into PRECISIONS
    part: np.ndarray  # uint8: index into PARTS
    inferred: np.ndarray  # bool
    planned: np.ndarray  # bool
    n_sources: np.ndarray  # int32
    ids: Sequence[str]
    titles: Sequence[str]
    outlets: Groups
    documents: Groups
    actors: Groups
    span: np.ndarray  # bool: the date is a span, whose end the columns do not hold
    disputed: np.ndarray  # bool: its sources date it differently (Event.disputed)

    def __len__(self) -> int:
        return len(self.start)

    def check(self) -> None:
        """ValueError unless every column has one entry per event (a damaged store)."""
        n = len(self)
        same = [len(c) for c in (self.end, self.precision, self.part, self.inferred)]
        same += [len(c) for c in (self.planned, self.n_sources, self.ids, self.titles)]
        same += [len(self.span), len(self.disputed)]
        ptrs = [g.ptr for g in (self.outlets, self.documents, self.actors)]
        if any(k != n for k in same) or any(len(p) != n + 1 for p in ptrs):
            raise ValueError("stored event columns disagree in length")
        if n and (
            int(self.precision.max()) >= len(PRECISIONS) or int(self.part.max()) >= len(PARTS)
        ):
            raise ValueError("stored event columns hold unknown codes")
        for g in (self.outlets, self.documents, self.actors):
            if len(g.codes) != int(g.ptr[-1]) or (len(g.codes) and g.codes.max() >= len(g.names)):
                raise ValueError("stored event columns name unknown groups")

    def date(self, i: int) -> FuzzyDate | None:
        """The i-th event's date from the columns (None for a span: decode the event)."""
        if self.span[i]:
            return None
        start = date.fromordinal(int(self.start[i]))
        p = PRECISIONS[int(self.precision[i])]
        return FuzzyDate(
            start.year,
            start.month if p != Precision.YEAR else None,
            start.day if p == Precision.DAY else None,
            PARTS[int(self.part[i])],
            bool(self.inferred[i]),
        )

    def facts(self) -> EventFacts:
        """What a summary needs, from the columns alone."""
        if not len(self):
            return EventFacts()
        years = (self.start - _EPOCH).astype("datetime64[D]").astype("datetime64[Y]")
        found, counts = np.unique(years.astype(np.int64) + 1970, return_counts=True)
        return EventFacts(
            Counter(dict(zip(found.tolist(), counts.tolist(), strict=True))),
            int(self.planned.sum()),
            date.fromordinal(int(self.start.min())),
            date.fromordinal(int(self.end.max())),
        )


class ColumnEvents(LazyEvents):
    """The events of `columns`, the i-th made by `decode(i)` when first asked for."""

    def __init__(self, columns: EventColumns, decode: Callable[[int], Event]) -> None:
        super().__init__(columns.ids, decode, columns.facts())
        self.columns = columns
