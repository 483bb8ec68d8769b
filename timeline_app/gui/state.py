"""The GUI's single source of truth: the open project, the timeline, selection, filters,
search, lanes, range, and what is loading."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal

from timeline_app.model import Event, Timeline
from timeline_app.model.search import Part, SearchIndex

from ..plan.columns import EventStore
from ..plan.key_events import bin_width, key_events, key_scores
from .background import BACKGROUND_EVENTS, Background

if TYPE_CHECKING:
    from timeline_app.project import Project

__all__ = ["LANE_MODES", "WORKBENCH_FILTERS", "TimelineState"]

LANE_MODES = {
    "none": "No lanes",
    "outlet": "By outlet",
    "actor": "By actor",
    "document": "By document",
    "tag": "By tag",
    "starred": "Starred apart",
}
WORKBENCH_FILTERS = ("tag", "starred", "disputed")  # None: off; a tag name, or True


class TimelineState(QObject):
    """Holds the open `Project` (None until a folder is opened through it: then nothing is
    editable), the current `Timeline` (and its `EventStore`) and what the user chose to see.

    Views subscribe to it and write to it; they never talk to each other. Every signal is
    emitted only when the value really changed.

    Signals:
        project_opened(object): another project is open (a Project), or none is (None).
        timeline_changed(): a different timeline was set (selection, filters, search reset),
            or an edited version of it replaced it (`replace_timeline`: all of those kept).
        selection_changed(object): the selected event id (str) or None.
        filter_changed(): the set of shown events (`shown`) changed (filters, hidden shown).
        search_changed(): the search text and its `matches` changed.
        lane_mode_changed(str): one of `LANE_MODES`.
        view_range_changed(float, float): the visible x range (days from `store.ref`).
        loading_changed(str): what a folder being read is at ("Reading 12 of 40 files…"),
            or "" once nothing is loading.
    """

    project_opened = Signal(object)
    timeline_changed = Signal()
    selection_changed = Signal(object)
    filter_changed = Signal()
    search_changed = Signal()
    lane_mode_changed = Signal(str)
    view_range_changed = Signal(float, float)
    loading_changed = Signal(str)

    def __init__(
        self,
        timeline: Timeline | None = None,
        parent: QObject | None = None,
        *,
        store: EventStore | None = None,
    ) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._timeline = timeline or Timeline()
        self._store = store or EventStore.from_timeline(self._timeline)
        self._selected: str | None = None
        self._selected_index: int | None = None
        self._lane_mode = "none"
        self._view_range: tuple[float, float] | None = None
        self._range_fitted = False  # the range shows everything, chosen by no user
        self._show_hidden = False  # a view choice: kept across timelines
        self._loading = ""
        self._key_only = False  # only the key events of the zoom (`key_events`)
        self._key_width = 0.0  # the bin width the key events were chosen at
        self._flags: dict[str, np.ndarray] = {}  # per store: starred, disputed, scores
        # built on the first search of a timeline (`_index_of`), from the previous one
        self._index: SearchIndex | None = None
        self._index_of: Timeline | None = None
        self._index_map: np.ndarray | None = None  # index event -> store index (None: same)
        self._indexing: Timeline | None = None  # the timeline whose index is being built
        self._scoring: EventStore | None = None  # the store whose key scores are worked out
        self._background = Background(self)
        self._reset_filters()

    def _reset_filters(self) -> None:
        self._filters: dict[str, object] = {"outlet": None, "actor": None, "dates": None}
        self._filters.update(dict.fromkeys(WORKBENCH_FILTERS))
        self._flags = {}
        self._hidden = _hidden_mask(self._store)
        self._shown = self._compute_shown()
        self._search = ""
        self._matches = np.zeros(0, np.int64)
        self._parts: dict[int, Part] = {}
        self._pending = False

    # -- read ----------------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        """The open project: its store keeps the user's edits (None: nothing is editable)."""
        return self._project

    @property
    def timeline(self) -> Timeline:
        return self._timeline

    @property
    def store(self) -> EventStore:
        return self._store

    @property
    def selected_id(self) -> str | None:
        return self._selected

    @property
    def selected_index(self) -> int | None:
        return self._selected_index

    @property
    def selected_event(self) -> Event | None:
        i = self._selected_index
        return self._store.event(i) if i is not None else None

    @property
    def shown(self) -> np.ndarray:
        """Indices of the events that pass the filters, in date order."""
        return self._shown

    @property
    def hidden(self) -> np.ndarray:
        """Per store index: whether the user hid the event (bool array)."""
        return self._hidden

    @property
    def show_hidden(self) -> bool:
        return self._show_hidden

    @property
    def filters(self) -> dict[str, object]:
        return dict(self._filters)

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def matches(self) -> np.ndarray:
        """Indices of shown events matching the search, in date order."""
        return self._matches

    @property
    def match_parts(self) -> Mapping[int, Part]:
        """For each index in `matches`: the best part of the event that holds the text
        (its title, a source's sentence, or only the article text)."""
        return self._parts

    @property
    def search_pending(self) -> bool:
        """Whether the search waits for the timeline's index (built in the background):
        `matches` is empty until `search_changed` says otherwise."""
        return self._pending

    def match_counts(self) -> dict[Part, int]:
        """How many matches are found in each part (best part of each event), best first."""
        counts = Counter(self._parts.values())
        return {part: counts[part] for part in Part if counts[part]}

    @property
    def lane_mode(self) -> str:
        return self._lane_mode

    @property
    def view_range(self) -> tuple[float, float] | None:
        return self._view_range

    @property
    def view_range_fitted(self) -> bool:
        """Whether the range was set to show every shown event, and not moved since by the
        user: a filter or a new version of the timeline then zooms to fit again."""
        return self._range_fitted

    @property
    def key_only(self) -> bool:
        """Whether only the key events of the current zoom are shown (`key_events`)."""
        return self._key_only

    def event_flags(self, name: str) -> np.ndarray:
        """Per store index: "starred" or "disputed" (bool), or the key "score" (float);
        worked out once per version of the timeline."""
        flags = self._flags.get(name)
        if flags is None:
            flags = self._flags[name] = _event_flags(self._timeline, self._store, name)
        return flags

    @property
    def loading(self) -> str:
        """What the folder being read is at, in words, or "" when nothing is loading."""
        return self._loading

    # -- write ---------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        """Make `project` the open one (its timeline is set apart, with `set_timeline`)."""
        if project is not self._project:
            self._project = project
            self.project_opened.emit(project)

    def set_timeline(self, timeline: Timeline, store: EventStore | None = None) -> None:
        """Show `timeline`; `store` may be given when it was built already (fast path)."""
        if timeline is self._timeline and (store is None or store is self._store):
            return
        had_selection = self._selected is not None
        self._timeline = timeline
        self._store = store or EventStore.from_timeline(timeline)
        self._index = self._index_of = None  # another corpus: nothing to reuse
        self._selected = self._selected_index = None
        self._view_range = None
        self._range_fitted = False
        self._reset_filters()
        self.timeline_changed.emit()
        if had_selection:
            self.selection_changed.emit(None)

    def replace_timeline(
        self, timeline: Timeline, *, select: str | None, store: EventStore | None = None
    ) -> None:
        """Show an edited version of the timeline, keeping filters, search, lanes and the
        visible dates, and selecting `select` (None, or an id that is gone, clears);
        `store` may be given when it was built already.

        An edit must not throw away where the user was looking, unlike opening a corpus;
        a range that was only a fit (the user never zoomed) fits the new version instead,
        so that events a partial load adds come into view.
        """
        old_ref, old_range = self._store.ref, self._view_range
        fitted = self._range_fitted
        had = self._selected
        self._timeline = timeline
        self._store = store or EventStore.from_timeline(timeline)
        # the index is rebuilt on demand; articles left as they were are not folded again
        self._flags = {}  # a star, a tag or a note changed them
        self._hidden = _hidden_mask(self._store)
        try:
            index = self._store.index_of(select) if select is not None else None
        except KeyError:
            select = index = None
        self._selected, self._selected_index = select, index
        self._shown = self._compute_shown()
        self._matches = self._compute_matches()
        self._view_range = None  # views zoom to fit on timeline_changed; restored below
        self._range_fitted = False
        self.timeline_changed.emit()
        if old_range is not None and not fitted:  # same dates, though x is relative to ref
            shift = float((old_ref - self._store.ref).days)
            self.set_view_range(old_range[0] + shift, old_range[1] + shift)
        if select != had:
            self.selection_changed.emit(select)
        self.search_changed.emit()

    def set_show_hidden(self, show: bool) -> None:
        """Whether events the user hid are shown (views draw them faded)."""
        if show == self._show_hidden:
            return
        self._show_hidden = show
        self._shown = self._compute_shown()
        self._matches = self._compute_matches()
        self.filter_changed.emit()
        self.search_changed.emit()

    def select(self, event_id: str | None) -> None:
        """Select an event by id (None clears); unknown ids raise KeyError."""
        index = self._store.index_of(event_id) if event_id is not None else None
        if event_id == self._selected:
            return
        self._selected, self._selected_index = event_id, index
        self.selection_changed.emit(event_id)

    def select_index(self, index: int) -> None:
        self.select(self._store.id_of(int(index)))

    def select_step(self, step: int) -> None:
        """Select the shown event `step` places later (negative: earlier) in date order.

        With nothing selected, a forward step selects the first event and a backward
        step the last; at either end the selection stays put.
        """
        self._step_in(self._shown, step)

    def select_edge(self, last: bool) -> None:
        """Select the first (or last) shown event (Home/End)."""
        if len(self._shown):
            self.select_index(self._shown[-1 if last else 0])

    def find_step(self, step: int) -> None:
        """Select the next (step > 0) or previous search match; wraps around."""
        m = self._matches
        if not len(m):
            return
        cur = self._selected_index
        if cur is None:
            self.select_index(m[0] if step > 0 else m[-1])
            return
        pos = np.searchsorted(m, cur, side="right" if step > 0 else "left")
        pos = pos if step > 0 else pos - 1
        self.select_index(m[pos % len(m)])

    def _step_in(self, order: np.ndarray, step: int) -> None:
        if not len(order):
            return
        cur = self._selected_index
        if cur is None:
            self.select_index(order[0] if step > 0 else order[-1])
            return
        pos = int(np.searchsorted(order, cur))
        at = pos < len(order) and order[pos] == cur
        if not at and step > 0:  # selection filtered out: step from where it would be
            pos -= 1
        pos = min(max(pos + step, 0), len(order) - 1)
        self.select_index(order[pos])

    def set_filter(self, kind: str, value: object) -> None:
        """Filter by "outlet" (name), "actor" (name), "dates" ((date, date)), "tag" (a
        tag), "starred" or "disputed" (True); None: all."""
        if kind not in self._filters:
            raise ValueError(f"no filter {kind!r}")
        if self._filters[kind] == value:
            return
        self._filters[kind] = value
        self._shown = self._compute_shown()
        self._matches = self._compute_matches()
        self.filter_changed.emit()
        self.search_changed.emit()

    def set_search(self, text: str) -> None:
        if text == self._search:
            return
        self._search = text
        self._matches = self._compute_matches()
        self.search_changed.emit()

    def set_lane_mode(self, mode: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"no lane mode {mode!r}")
        if mode != self._lane_mode:
            self._lane_mode = mode
            self.lane_mode_changed.emit(mode)

    def set_view_range(self, lo: float, hi: float, *, fitted: bool = False) -> None:
        """The visible x range; `fitted`: set to show every shown event, not by the user.

        With key events only, a zoom by twice or more chooses them again (filter_changed);
        the range then stays where the user put it."""
        self._range_fitted = fitted
        if self._view_range == (lo, hi):
            return
        self._view_range = (lo, hi)
        self.view_range_changed.emit(lo, hi)
        if self._key_only and bin_width(lo, hi) != self._key_width:
            self._range_fitted = False  # a fit now would zoom, and choose again
            self._refilter()

    def set_key_only(self, key_only: bool) -> None:
        """Show only the key events of the current zoom (or every event that passes)."""
        if key_only != self._key_only:
            self._key_only = key_only
            self._refilter()

    def _refilter(self) -> None:
        self._shown = self._compute_shown()
        self._matches = self._compute_matches()
        self.filter_changed.emit()
        self.search_changed.emit()

    def set_loading(self, text: str) -> None:
        """What the folder being read is at ("" once done or cancelled)."""
        if text != self._loading:
            self._loading = text
            self.loading_changed.emit(text)

    # -- derived -------------------------------------------------------------------------
    def _compute_shown(self) -> np.ndarray:
        s = self._store
        mask = np.ones(len(s), bool) if self._show_hidden else ~self._hidden
        if self._filters["outlet"] is not None:
            mask &= s.outlets.mask(str(self._filters["outlet"]))
        if self._filters["actor"] is not None:
            mask &= s.actors.mask(str(self._filters["actor"]))
        dates = self._filters["dates"]
        if dates is not None:
            lo, hi = dates  # type: ignore[misc]
            lo_x = s.to_x(lo) if isinstance(lo, date) else -np.inf
            hi_x = s.to_x(hi) + 1 if isinstance(hi, date) else np.inf
            mask &= (s.x1 > lo_x) & (s.x0 < hi_x)
        if self._filters["tag"] is not None:
            mask &= _tag_mask(s, str(self._filters["tag"]))
        for kind in ("starred", "disputed"):
            if self._filters[kind]:
                mask &= self.event_flags(kind)
        shown = np.flatnonzero(mask)
        if self._key_only and self._view_range is not None:
            self._key_width = bin_width(*self._view_range)
            score = self._flags.get("score")
            if score is None and len(s) > BACKGROUND_EVENTS:
                self._scores_in_background()  # every event passing meanwhile
                return shown
            score = self.event_flags("score")
            shown = key_events(s.x0, s.x1, score, shown, self._key_width)
        return shown

    def _scores_in_background(self) -> None:
        """Work out the key scores of the store shown now on a thread (each decodes and
        weighs every event's sources: seconds at 30,000), then choose the key events."""
        timeline, store = self._timeline, self._store
        if self._scoring is store:
            return
        self._scoring = store

        def scored(score: np.ndarray) -> None:
            if self._scoring is store:
                self._scoring = None
            if store is self._store:
                self._flags["score"] = score
                if self._key_only:
                    self._refilter()

        self._background.run(lambda: _event_flags(timeline, store, "score"), scored)

    def _compute_matches(self) -> np.ndarray:
        """The shown events holding the search text anywhere in their title, sources'
        sentences or articles (`match_parts` says where); fills `_parts`."""
        found = self._find(self._search)
        if found:
            keep = np.isin(np.fromiter(found, np.int64, len(found)), self._shown)
            found = {i: part for (i, part), k in zip(found.items(), keep, strict=True) if k}
        self._parts = dict(sorted(found.items()))
        return np.fromiter(self._parts, np.int64, len(self._parts))

    def _find(self, text: str) -> dict[int, Part]:
        """Store index -> best part, for every event (shown or not) holding `text`; {} with
        `search_pending` while the index is built in the background."""
        self._pending = False
        if not text.strip():
            return {}
        events = self._store.events
        if events is None:  # generated columns, no articles behind them: titles only
            return dict.fromkeys(self._store.search(text).tolist(), Part.TITLE)
        if self._index is None or self._index_of is not self._timeline:
            if len(events) > BACKGROUND_EVENTS:
                self._pending = True
                self._index_in_background()
                return {}
            self._index_built(self._timeline, _index_of(self._timeline, self._store, self._index))
        assert self._index is not None
        found = self._index.find(text)
        at = self._index_map
        return found if at is None else {int(at[i]): part for i, part in found.items()}

    def _index_in_background(self) -> None:
        """Build the index of the timeline shown now on a thread; the search is done again
        when it is there."""
        timeline, store = self._timeline, self._store
        if self._indexing is timeline:
            return
        self._indexing = timeline

        def built(index: tuple[SearchIndex, np.ndarray | None]) -> None:
            if self._indexing is timeline:
                self._indexing = None
            self._index_built(timeline, index)
            if timeline is self._timeline and self._pending:
                self._matches = self._compute_matches()
                self.search_changed.emit()

        # `self._index` is read when the step starts: the one built by the step before
        self._background.run(lambda: _index_of(timeline, store, self._index), built)

    def _index_built(
        self, timeline: Timeline, index: tuple[SearchIndex, np.ndarray | None]
    ) -> None:
        """Keep `index` (of `timeline`): for searching it if it is shown, or to reuse the
        articles it folded for the version shown now."""
        self._index, self._index_map = index
        self._index_of = timeline


def _index_of(
    timeline: Timeline, store: EventStore, reuse: SearchIndex | None
) -> tuple[SearchIndex, np.ndarray | None]:
    """The search index of `timeline`, with the store index of each of its events (None:
    the same order, as `EventStore.from_timeline` keeps it); safe on a worker thread."""
    index = SearchIndex.of(timeline, reuse=reuse)
    events = store.events
    assert events is not None
    same = (
        events is timeline.events
        or len(events) == len(timeline.events)
        and all(a is b for a, b in zip(events, timeline.events, strict=True))
    )
    at = None if same else np.array([store.index_of(e.id) for e in timeline.events], np.int64)
    return index, at


def _event_flags(timeline: Timeline, store: EventStore, name: str) -> np.ndarray:
    events = store.events
    if name == "score":
        return key_scores(timeline, events, store.n_sources)
    if name == "starred":
        return store.starred
    if name != "disputed":
        raise ValueError(f"no event flag {name!r}")
    return store.disputed  # generated columns: none (no sources to disagree)


def _tag_mask(store: EventStore, tag: str) -> np.ndarray:
    """The events tagged `tag`, in whatever case (a tag is one word whatever its case)."""
    key, tags = tag.casefold(), store.tags
    mask = np.zeros(len(store), bool)
    for name in tags.names:
        if name.casefold() == key:
            mask |= tags.mask(name)
    return mask


def _hidden_mask(store: EventStore) -> np.ndarray:
    """The store's events hidden by the user (a copy: the state's own)."""
    return store.hidden.copy()
