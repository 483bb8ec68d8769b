"""The events' drawable data as numpy columns: what the view needs per frame, nothing more.

A million `Event` objects are too slow to build and to walk per frame, so the view works on
columns sorted by start: x intervals in days from a reference date (float64, so minutes stay
exact at any date; epoch seconds would not survive Qt's float paths), precision and part
codes, the inferred and planned flags, the source count and, per event, the outlets, documents and
actors it belongs to. `from_timeline` builds it from real events, or, for a corpus reopened
from its project store, straight from the stored columns (`from_event_columns`: no event is
made until a view asks for one); `from_columns` is the fast path for generated data (the
benchmark) and yields the same store. Pure numpy, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from timeline_app.model import Event, FuzzyDate, Part, Precision, Timeline
from timeline_app.model.event_columns import PARTS as STORED_PARTS
from timeline_app.model.event_columns import PRECISIONS as STORED_PRECISIONS
from timeline_app.model.event_columns import ColumnEvents, Groups
from timeline_app.model.lazy_events import EventFacts, LazyEvents
from timeline_app.model.summary import UNKNOWN_OUTLET

__all__ = ["DAY", "MONTH", "YEAR", "EventStore", "Membership", "PARTS"]

DAY, MONTH, YEAR = 0, 1, 2  # precision codes
_PREC_CODE = {Precision.DAY: DAY, Precision.MONTH: MONTH, Precision.YEAR: YEAR}
PARTS: list[Part | None] = [None, Part.EARLY, Part.MID, Part.LATE]  # part codes
# stored columns' codes (model.event_columns) to ours: a lookup table each
_CODE_OF_PRECISION = np.array([_PREC_CODE[p] for p in STORED_PRECISIONS], np.uint8)
_CODE_OF_PART = np.array([PARTS.index(p) for p in STORED_PARTS], np.uint8)
_EPOCH = date(1970, 1, 1)


@dataclass(slots=True)
class Membership(Groups):
    """Which named groups (outlets, documents, actors) each event belongs to, CSR-style,
    as the stored columns keep it (`Groups`), with what the view asks of it; the first
    group of an event is the lane it is drawn in.
    """

    @classmethod
    def single(cls, names: list[str], codes: np.ndarray) -> Membership:
        """One group per event (code -1: none)."""
        has = codes >= 0
        ptr = np.zeros(len(codes) + 1, np.int64)
        np.cumsum(has, out=ptr[1:])
        return cls(list(names), ptr, codes[has].astype(np.int32))

    def primary(self) -> np.ndarray:
        """Each event's first group code, -1 when it has none."""
        out = np.full(len(self.ptr) - 1, -1, np.int32)
        has = self.ptr[1:] > self.ptr[:-1]
        out[has] = self.codes[self.ptr[:-1][has]]
        return out

    def mask(self, name: str) -> np.ndarray:
        """Events that belong to the group `name` (any position, not only the primary)."""
        n = len(self.ptr) - 1
        if name not in self.names:
            return np.zeros(n, bool)
        owner = np.repeat(np.arange(n), np.diff(self.ptr))
        return np.bincount(owner[self.codes == self.names.index(name)], minlength=n) > 0

    def of(self, i: int) -> list[str]:
        return [self.names[c] for c in self.codes[self.ptr[i] : self.ptr[i + 1]]]


@dataclass(slots=True)
class EventStore:
    """Columns for `len(x0)` events sorted by (start, end); index i is the i-th event."""

    ref: date
    x0: np.ndarray  # float64 days from `ref`: start of the interval
    x1: np.ndarray  # float64 days from `ref`: end of the interval (exclusive)
    precision: np.ndarray  # uint8 DAY/MONTH/YEAR
    part: np.ndarray  # uint8 index into PARTS
    inferred: np.ndarray  # bool
    planned: np.ndarray  # bool: a plan or forecast (Event.planned), drawn as such
    n_sources: np.ndarray  # int32
    titles: Sequence[str]  # a list, or stored `Strings`
    outlets: Membership
    documents: Membership
    actors: Membership
    ids: Sequence[str] | None = None  # None: generated ids f"{id_prefix}{i}"
    id_prefix: str = "e"
    events: Sequence[Event] | None = None  # the real events (or decoded on demand)
    _index: dict[str, int] = field(default_factory=dict)
    # the analyst's marks (Event.starred, Event.tags); left out, no event has any
    starred: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    tags: Membership = field(default_factory=lambda: Membership.from_lists([]))
    # sources that date the event differently (Event.disputed); left out, none do
    disputed: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    # hidden by the user (Event.hidden), worked out with the rest where the store is made
    # (a loader's thread), not by the view; left out, none are
    hidden: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))

    def __post_init__(self) -> None:
        n = len(self.x0)
        if len(self.starred) != n:  # left out by the constructor
            self.starred = np.zeros(n, bool)
        if len(self.disputed) != n:
            self.disputed = np.zeros(n, bool)
        if len(self.hidden) != n:
            self.hidden = np.zeros(n, bool)
        if len(self.tags.ptr) != n + 1:
            self.tags = Membership([], np.zeros(n + 1, np.int64), np.zeros(0, np.int32))

    def __len__(self) -> int:
        return len(self.x0)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def from_timeline(cls, timeline: Timeline) -> EventStore:
        """The store of a loaded timeline (whose events are already sorted by date); of a
        corpus read from its stored columns, without making any event."""
        events = timeline.events
        if isinstance(events, ColumnEvents):
            return cls.from_event_columns(events)
        docs = timeline.documents
        ref = _ref_date(min((e.date.start for e in events), default=date.today()))
        o = ref.toordinal()
        x0 = np.array([e.date.start.toordinal() - o for e in events], np.float64)
        x1 = np.array([e.date.end.toordinal() + 1 - o for e in events], np.float64)

        def outlet(doc_id: str) -> str:
            doc = docs.get(doc_id)
            # one "Unknown outlet" lane, not a lane per untitled article's headline
            return (doc.outlet or UNKNOWN_OUTLET) if doc else UNKNOWN_OUTLET

        return cls(
            ref,
            x0,
            x1,
            np.array([_PREC_CODE[e.date.precision] for e in events], np.uint8),
            np.array([PARTS.index(e.date.part) for e in events], np.uint8),
            np.array([e.date.inferred for e in events], bool),
            np.array([e.planned for e in events], bool),
            np.array([len(e.sources) for e in events], np.int32),
            [e.title for e in events],
            Membership.from_lists(
                [list(dict.fromkeys(outlet(d) for d in e.doc_ids)) for e in events]
            ),
            Membership.from_lists([e.doc_ids for e in events]),
            Membership.from_lists([list(e.actors) for e in events]),
            ids=[e.id for e in events],
            events=list(events),
            starred=np.array([e.starred for e in events], bool),
            disputed=np.array([e.disputed for e in events], bool),
            tags=Membership.from_lists([list(e.tags) for e in events]),
            hidden=np.array([e.hidden for e in events], bool),
        )

    @classmethod
    def from_event_columns(cls, events: ColumnEvents) -> EventStore:
        """The store of a corpus's stored columns (`model.event_columns`), in the same order
        and with the same content as `from_timeline` gives for its decoded events; events
        are decoded only when a view asks for one (`event`, `fuzzy_date`)."""
        c = events.columns
        ref = _ref_date(date.fromordinal(int(c.start.min())) if len(c) else date.today())
        o = ref.toordinal()
        return cls(
            ref,
            (c.start - o).astype(np.float64),
            (c.end + 1 - o).astype(np.float64),
            _CODE_OF_PRECISION[c.precision],
            _CODE_OF_PART[c.part],
            c.inferred.astype(bool),
            c.planned.astype(bool),
            c.n_sources.astype(np.int32),
            c.titles,
            Membership(c.outlets.names, c.outlets.ptr, c.outlets.codes),
            Membership(c.documents.names, c.documents.ptr, c.documents.codes),
            Membership(c.actors.names, c.actors.ptr, c.actors.codes),
            ids=c.ids,
            events=events,
            disputed=c.disputed.astype(bool),
        )

    @classmethod
    def from_columns(
        cls,
        ref: date,
        x0: np.ndarray,
        x1: np.ndarray,
        precision: np.ndarray,
        *,
        part: np.ndarray,
        inferred: np.ndarray,
        n_sources: np.ndarray,
        titles: list[str],
        outlet: np.ndarray,
        outlet_names: list[str],
        actor: np.ndarray,
        actor_names: list[str],
        id_prefix: str = "g",
        planned: np.ndarray | None = None,
    ) -> EventStore:
        """Generated events, one outlet and one actor each (codes; -1 for none); none
        planned unless `planned` says so.

        Columns are re-sorted by (start, end) so the store looks exactly like one built
        from a timeline; documents are the outlets (one synthetic document per outlet).
        """
        sort = np.lexsort((x1, x0))
        order = None if np.all(sort[1:] > sort[:-1]) else sort  # sorted: skip the copies

        def take(a: np.ndarray) -> np.ndarray:
            return a if order is None else np.asarray(a)[order]

        titles = titles if order is None else [titles[i] for i in order]
        outlet, actor = take(outlet), take(actor)
        return cls(
            ref,
            take(x0).astype(np.float64),
            take(x1).astype(np.float64),
            take(precision).astype(np.uint8),
            take(part).astype(np.uint8),
            take(inferred).astype(bool),
            np.zeros(len(x0), bool) if planned is None else take(planned).astype(bool),
            take(n_sources).astype(np.int32),
            titles,
            Membership.single(outlet_names, outlet),
            Membership.single(outlet_names, outlet),
            Membership.single(actor_names, actor),
            id_prefix=id_prefix,
        )

    # -- lookup -------------------------------------------------------------------------
    def id_of(self, i: int) -> str:
        return self.ids[i] if self.ids is not None else f"{self.id_prefix}{i}"

    def index_of(self, event_id: str) -> int:
        """The index of the event with this id; KeyError if there is none."""
        if isinstance(self.events, LazyEvents):  # one index of the ids, not two
            return self.events.position(event_id)
        if self.ids is None:
            rest = event_id[len(self.id_prefix) :]
            if event_id.startswith(self.id_prefix) and rest.isdigit() and int(rest) < len(self):
                return int(rest)
            raise KeyError(event_id)
        if len(self._index) != len(self.ids):
            self._index = {eid: i for i, eid in enumerate(self.ids)}
        return self._index[event_id]

    def fuzzy_date(self, i: int) -> FuzzyDate:
        if isinstance(self.events, ColumnEvents):  # from the stored columns, but a span
            stored = self.events.columns.date(i)
            if stored is not None:
                return stored
        if self.events is not None:  # the real date: a span's end is not in the columns
            return self.events[i].date
        start = self.ref + timedelta(days=int(self.x0[i]))
        p = int(self.precision[i])
        return FuzzyDate(
            start.year,
            start.month if p != YEAR else None,
            start.day if p == DAY else None,
            PARTS[int(self.part[i])],
            bool(self.inferred[i]),
        )

    def edited(self, i: int) -> bool:
        """Whether the user changed the event (events decoded on demand never were)."""
        events = self.events
        return events is not None and not isinstance(events, LazyEvents) and bool(events[i].edited)

    def event(self, i: int) -> Event:
        """The real event, or for generated data one made from the columns (no sources)."""
        if self.events is not None:
            return self.events[i]
        return Event(self.id_of(i), self.titles[i], self.fuzzy_date(i))

    def search(self, text: str) -> np.ndarray:
        """Indices of events whose title contains `text`, any case: the search of generated
        columns, which have no articles (a real timeline is searched through
        `model.search.SearchIndex`, over the whole text of its sources)."""
        needle = text.strip().lower()
        if not needle:
            return np.zeros(0, np.int64)
        return np.fromiter((i for i, t in enumerate(self.titles) if needle in t.lower()), np.int64)

    def facts(self) -> EventFacts:
        """What a corpus summary needs of the events (`model.summary`), from the columns:
        the same as a pass over the events gives."""
        if not len(self):
            return EventFacts()
        days = (self.ref - _EPOCH).days + self.x0.astype(np.int64)
        years = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        found, counts = np.unique(years, return_counts=True)
        return EventFacts(
            Counter(dict(zip(found.tolist(), counts.tolist(), strict=True))),
            int(self.planned.sum()),
            self.to_date(float(self.x0.min())),
            self.to_date(float(self.x1.max()) - 1),
        )

    def to_date(self, x: float) -> date:
        return self.ref + timedelta(days=int(np.floor(x)))

    def to_x(self, value: date) -> float:
        return float(value.toordinal() - self.ref.toordinal())


def _ref_date(first: date) -> date:
    """A reference near the data: 1 January of the first event's year."""
    return date(first.year, 1, 1)
