"""What one frame shows, computed from numpy columns at a cost bounded by pixels.

Per lane and per frame: the visible slice comes from `np.searchsorted` on sorted starts;
precision classes (day, then month, then year) are drawn one by one as individual
markers while they fit the lane's rows, and whatever does not fit becomes a density strip
(events overlapping each few-pixel bin) with count bubbles that zoom in when clicked. The
strip's counts are differences of `searchsorted` over sorted starts and ends, so even a
million events cost a few hundred binary searches. No Qt.

A bar wider than the view needs a row and nothing more, so same-interval events (ten
events dated "2019") are stacked while the rows hold them; where they do not, the
strip's neighbouring cells that hold the very same events are one bubble, not "10 10 10".
The event `plan` is told to keep (the selection) is always drawn, never counted in a strip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .columns import DAY, MONTH, YEAR, EventStore
from .labels import place_labels
from .rows import LABEL_GAP, MIN_BAR, POINT_RADIUS, Item, geometry, stack

__all__ = ["Frame", "Lane", "LaneFrame", "Planner", "build_lanes", "overlap_counts"]

MAX_LANES = 10
DETAIL_MAX = 600  # never more individual markers than this in one frame
MARKER_PX = 40  # px a marker and (part of) its label need in a row
FILL = 0.5  # share of a lane's row pixels individual markers may claim
BIN_PX = 3
CLUSTER_PX = 80
SMALL_LANE = 3000  # lanes up to this size are stacked whole: rows stay put when panning
_CLASSES = (DAY, MONTH, YEAR)


@dataclass(slots=True)
class Lane:
    """One lane's events (store indices sorted by start) with their sorted ends."""

    name: str
    members: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    x1_sorted: np.ndarray
    precision: np.ndarray
    max_len: float


@dataclass(slots=True)
class LaneFrame:
    """A lane in one frame: rows [top, top + rows); detail markers and a density strip."""

    name: str
    top: int
    rows: int
    detail: np.ndarray  # store indices drawn individually
    y: np.ndarray  # their rows
    strip_y: float | None = None
    edges: np.ndarray = field(default_factory=lambda: np.zeros(0))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    clusters: list[tuple[float, float, int]] = field(default_factory=list)


@dataclass(slots=True)
class Frame:
    lanes: list[LaneFrame]
    rows: int  # rows used in total
    # labels: (store index, anchor x, row, dx px, width px, inside, bar end x)
    labels: list[tuple[int, float, int, float, float, bool, float]]


def build_lanes(store: EventStore, shown: np.ndarray, mode: str) -> list[Lane]:
    """Split the shown events into lanes by their primary outlet, document or actor; or
    by tag (every tag of an event: one with two tags is drawn in both lanes) or by star.

    The largest `MAX_LANES - 1` groups get a lane each; the rest share "Other".
    """
    if mode == "none" or not len(shown):
        return [_lane("", store, shown)]
    if mode == "tag":
        return _tag_lanes(store, shown)
    if mode == "starred":
        starred = store.starred[shown]
        halves = [("Starred", shown[starred]), ("Not starred", shown[~starred])]
        return [_lane(name, store, part) for name, part in halves if len(part)]
    member = {"outlet": store.outlets, "document": store.documents, "actor": store.actors}[mode]
    codes = member.primary()[shown]
    names = [*member.names, ""]
    codes = np.where(codes < 0, len(names) - 1, codes)
    counts = np.bincount(codes, minlength=len(names))
    ranked = [int(c) for c in np.argsort(-counts, kind="stable") if counts[c]]
    if len(ranked) > MAX_LANES:
        other = np.isin(codes, ranked[MAX_LANES - 1 :])
        codes = np.where(other, -2, codes)
        ranked = [*ranked[: MAX_LANES - 1], -2]
    label = {"outlet": "(no outlet)", "document": "(no document)", "actor": "(no actor)"}[mode]
    lanes = []
    for c in ranked:
        name = "Other" if c == -2 else (names[c] or label)
        lanes.append(_lane(name, store, shown[codes == c]))
    return lanes


def _tag_lanes(store: EventStore, shown: np.ndarray) -> list[Lane]:
    """A lane per tag, the most used first: an event with two tags is in both lanes. Tags
    beyond `MAX_LANES - 2` share "Other tags" (each event once); untagged events come last,
    in "(no tag)"."""
    tags = store.tags
    owner = np.repeat(np.arange(len(tags.ptr) - 1), np.diff(tags.ptr))
    in_shown = np.zeros(len(store), bool)
    in_shown[shown] = True
    keep = in_shown[owner]
    counts = np.bincount(tags.codes[keep], minlength=len(tags.names))
    ranked = [int(c) for c in np.argsort(-counts, kind="stable") if counts[c]]
    lanes = []
    for c in ranked[: MAX_LANES - 2]:
        members = np.unique(owner[keep & (tags.codes == c)])
        lanes.append(_lane(tags.names[c], store, members))
    rest = np.isin(tags.codes, ranked[MAX_LANES - 2 :]) & keep
    if rest.any():
        lanes.append(_lane("Other tags", store, np.unique(owner[rest])))
    untagged = shown[tags.ptr[shown + 1] == tags.ptr[shown]]
    if len(untagged):
        lanes.append(_lane("(no tag)", store, untagged))
    return lanes


def _lane(name: str, store: EventStore, members: np.ndarray) -> Lane:
    x0, x1 = store.x0[members], store.x1[members]
    return Lane(
        name,
        members,
        x0,
        x1,
        np.sort(x1),
        store.precision[members],
        float((x1 - x0).max()) if len(members) else 0.0,
    )


def _merge_same(
    x0s: np.ndarray, x1s: np.ndarray, edges: np.ndarray, counts: np.ndarray, lo: float, hi: float
) -> list[tuple[float, float, int]]:
    """Clusters (lo, hi, count) of the cells with events, neighbouring cells that hold
    the very same events made one: no event ends in the first or starts in the second.
    A merged run is cut to the view [lo, hi], so its one bubble is in sight."""
    ends = np.searchsorted(x1s, edges, side="right")  # events ended by each edge
    starts = np.searchsorted(x0s, edges, side="left")  # events started before each edge
    # cells k and k + 1 share their events: none ends in (e[k], e[k+1]] nor starts in
    # [e[k+1], e[k+2])
    same = (ends[1:-1] == ends[:-2]) & (starts[2:] == starts[1:-1])
    out: list[tuple[float, float, int]] = []
    k, n = 0, len(counts)
    while k < n:
        if counts[k] <= 0:
            k += 1
            continue
        j = k
        while j + 1 < n and same[j] and counts[j + 1] > 0:
            j += 1
        a, b = float(edges[k]), float(edges[j + 1])
        if j > k:
            a, b = max(a, lo), min(b, hi)
        out.append((a, b, int(counts[k])))
        k = j + 1
    return out


def overlap_counts(x0_sorted: np.ndarray, x1_sorted: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """How many intervals [x0, x1) overlap each [edges[k], edges[k + 1])."""
    started = np.searchsorted(x0_sorted, edges[1:], side="left")
    ended = np.searchsorted(x1_sorted, edges[:-1], side="right")
    return started - ended


class Planner:
    """Computes frames for a list of lanes, caching row stacking per zoom."""

    def __init__(
        self, store: EventStore, lanes: list[Lane], measure: Callable[[np.ndarray], np.ndarray]
    ) -> None:
        self.store = store
        self.lanes = lanes
        self.measure = measure  # label widths in px of store indices
        self._stacks: dict[tuple[object, ...], tuple[np.ndarray, np.ndarray]] = {}

    def lane_rows(self, rows_available: int) -> int:
        return max(1, rows_available // max(1, len(self.lanes)))

    def plan(
        self,
        lo: float,
        hi: float,
        width_px: float,
        rows_available: int,
        priority: Callable[[np.ndarray], np.ndarray],
        *,
        keep: int | None = None,
    ) -> Frame:
        """The frame for x range [lo, hi] drawn `width_px` wide; `priority` ranks labels.

        `keep` (a store index, the selected event): drawn as a marker if it is in view,
        even where the events around it are a density strip.
        """
        ppd = width_px / (hi - lo)
        per_lane = self.lane_rows(rows_available)
        frames, labels = [], []
        for k, lane in enumerate(self.lanes):
            top = k * per_lane
            frame = self._plan_lane(k, lane, lo, hi, ppd, width_px, top, per_lane, keep)
            frames.append(frame)
            labels.extend(self._labels(frame, ppd, priority))
        return Frame(frames, per_lane * len(self.lanes), labels)

    def _plan_lane(
        self,
        k: int,
        lane: Lane,
        lo: float,
        hi: float,
        ppd: float,
        width_px: float,
        top: int,
        rows: int,
        keep: int | None = None,
    ) -> LaneFrame:
        a = int(np.searchsorted(lane.x0, lo - lane.max_len, side="left"))
        b = int(np.searchsorted(lane.x0, hi, side="right"))
        vis = a + np.flatnonzero(lane.x1[a:b] > lo)
        prec = lane.precision[vis]
        classes = self._classes(lane, vis, prec, (lo, hi), ppd, width_px, rows)
        in_detail = np.isin(prec, classes)
        aggregated = not bool(in_detail.all())
        if aggregated and rows == 1:  # no room for a strip and markers: strip only
            classes, in_detail = [], np.zeros(len(vis), bool)
        kept = np.zeros(len(vis), bool)
        if keep is not None and aggregated:
            kept = (lane.members[vis] == keep) & ~in_detail
        frame = LaneFrame(lane.name, top, rows, np.zeros(0, np.int64), np.zeros(0))
        first_row = top + (1 if aggregated else 0)
        if aggregated:
            frame.strip_y = top + 0.0
            whole = not classes and not kept.any()
            self._strip(frame, lane, vis[~in_detail & ~kept], whole, lo, hi, ppd, width_px)
        if classes:
            n_rows = rows - (1 if aggregated else 0)
            pos, row = self._stack(k, lane, vis[in_detail], tuple(classes), lo, hi, ppd, n_rows)
            frame.detail = lane.members[pos]
            frame.y = first_row + row
        if kept.any():
            self._add_kept(frame, lane, int(vis[kept][0]), ppd, first_row, top + rows)
        return frame

    def _classes(
        self,
        lane: Lane,
        vis: np.ndarray,
        prec: np.ndarray,
        view: tuple[float, float],
        ppd: float,
        width_px: float,
        rows: int,
    ) -> list[int]:
        """The precision classes drawn as markers: finer classes first, while they fit.

        Each class costs the pixels its markers and labels need, of which rows may be
        filled to `FILL`; a bar over more than half the view needs a whole row (no other
        such bar fits beside it, and its label is inside it), no more: ten bars over the
        same year fit ten rows.
        """
        detail_rows = rows - 1 if rows > 1 else 1
        x0, x1 = np.maximum(lane.x0[vis], view[0]), np.minimum(lane.x1[vis], view[1])
        bar_px = np.where(prec == DAY, 0.0, (x1 - x0) * ppd)  # the part in view
        demand = bar_px + MARKER_PX
        full = demand > width_px / 2
        classes: list[int] = []
        used, whole_rows, px = 0, 0, 0.0
        for c in _CLASSES:
            of_class = prec == c
            n = int(np.count_nonzero(of_class))
            n_full = int(np.count_nonzero(of_class & full))
            need = float(demand[of_class & ~full].sum())
            rows_needed = whole_rows + n_full + (px + need) / (FILL * width_px)
            if used + n > DETAIL_MAX or rows_needed > detail_rows:
                break
            classes.append(c)
            used, whole_rows, px = used + n, whole_rows + n_full, px + need
        return classes

    def _add_kept(
        self, frame: LaneFrame, lane: Lane, pos: int, ppd: float, first: int, end: int
    ) -> None:
        """Draw the lane's event at `pos` as a marker in the first row where its marker
        overlaps no other (else the first row below the strip, or the strip's own row)."""
        point = lane.precision[pos] == DAY
        x0, x1 = float(lane.x0[pos]) * ppd, float(lane.x1[pos]) * ppd
        a, b = ((x0 + x1) / 2 - POINT_RADIUS, (x0 + x1) / 2 + POINT_RADIUS) if point else (x0, x1)
        b = max(b, a + MIN_BAR)
        s = self.store
        d0, d1 = s.x0[frame.detail] * ppd, s.x1[frame.detail] * ppd
        d1 = np.maximum(d1, d0 + MIN_BAR)
        busy = frame.y[(d0 < b + LABEL_GAP) & (d1 > a - LABEL_GAP)]
        row = next((r for r in range(first, end) if r not in busy), None)
        if row is None:
            row = first if first < end else int(frame.strip_y or 0)
        frame.detail = np.append(frame.detail, lane.members[pos]).astype(np.int64)
        frame.y = np.append(frame.y, float(row))

    def _strip(
        self,
        frame: LaneFrame,
        lane: Lane,
        pos: np.ndarray,
        whole: bool,
        lo: float,
        hi: float,
        ppd: float,
        width_px: float,
    ) -> None:
        if whole:
            x0s, x1s = lane.x0, lane.x1_sorted
        else:
            x0s, x1s = np.sort(lane.x0[pos]), np.sort(lane.x1[pos])
        n_bins = max(1, int(np.ceil(width_px / BIN_PX)))
        frame.edges = lo + np.arange(n_bins + 1) * (BIN_PX / ppd)
        frame.counts = overlap_counts(x0s, x1s, frame.edges)
        cw = CLUSTER_PX / ppd
        first = np.floor(lo / cw) * cw  # aligned to a grid: clusters stay put when panning
        cedges = first + np.arange(int(np.ceil((hi - first) / cw)) + 1) * cw
        counts = overlap_counts(x0s, x1s, cedges)
        frame.clusters = _merge_same(x0s, x1s, cedges, counts, lo, hi)

    def _stack(
        self,
        k: int,
        lane: Lane,
        vis: np.ndarray,
        classes: tuple[int, ...],
        lo: float,
        hi: float,
        ppd: float,
        rows: int,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Positions (in the lane) and rows of the visible detailed events."""
        if len(lane.members) <= SMALL_LANE:
            win_lo, win_hi = -np.inf, np.inf
        else:  # stack a window aligned to the view width: rows only move at its edges
            w = hi - lo
            g = np.floor(lo / w)
            win_lo, win_hi = (g - 0.25) * w, (g + 2) * w
        key = (k, round(ppd, 9), rows, classes, win_lo)
        cached = self._stacks.get(key)
        if cached is None:
            if len(self._stacks) > 64:
                self._stacks.clear()
            a = int(np.searchsorted(lane.x0, win_lo - lane.max_len))
            b = int(np.searchsorted(lane.x0, win_hi, side="right"))
            span = a + np.flatnonzero(
                (lane.x1[a:b] > win_lo) & np.isin(lane.precision[a:b], classes)
            )
            idx = lane.members[span]
            widths = self.measure(idx)
            items = [
                Item(float(x0), float(x1), bool(p == DAY), float(w))
                for x0, x1, p, w in zip(
                    lane.x0[span], lane.x1[span], lane.precision[span], widths, strict=True
                )
            ]
            placements, _ = stack(items, ppd, rows)
            cached = (span, np.array([p.row for p in placements], np.int64))
            self._stacks[key] = cached
        span, row = cached
        at = np.searchsorted(span, vis)
        return vis, row[at]

    def _labels(
        self, frame: LaneFrame, ppd: float, priority: Callable[[np.ndarray], np.ndarray]
    ) -> list[tuple[int, float, int, float, float, bool, float]]:
        idx = frame.detail
        if not len(idx):
            return []
        s = self.store
        x0, x1, prec = s.x0[idx], s.x1[idx], s.precision[idx]
        widths = self.measure(idx)
        geo = [
            geometry(Item(float(a), float(b), bool(p == DAY), 0.0), ppd)
            for a, b, p in zip(x0, x1, prec, strict=True)
        ]
        m0 = [g[0] for g in geo]
        m1 = [g[1] for g in geo]
        l0 = [g[2] for g in geo]
        limit = [g[1] - LABEL_GAP if g[3] else np.inf for g in geo]
        rows = [int(r) for r in frame.y]
        order = [int(i) for i in np.argsort(-priority(idx), kind="stable")]
        allowed = place_labels(m0, m1, l0, [float(w) for w in widths], rows, order, limit)
        out = []
        for j, i in enumerate(idx):
            point = prec[j] == DAY
            anchor = float((x0[j] + x1[j]) / 2 if point else x0[j])
            out.append(
                (
                    int(i),
                    anchor,
                    rows[j],
                    l0[j] - anchor * ppd,
                    allowed[j],
                    bool(geo[j][3]),
                    float(x1[j]),
                )
            )
        return out
