"""Titles near the right edge of a picture, moved left of their marker where a row is free.

In the window a label cut by the edge is whole after a pan; in a picture it stays cut, and
the last events of a news timeline are often the ones a report is about. So before the
scene is compacted, each label the right edge would cut is given a row where the space
left of its marker is free of other markers and labels, and drawn there, ending at the
marker. Works on the planner's frame (rows per lane as planned), in pixels. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .columns import DAY, EventStore
from .frame import Frame
from .rows import DIAMOND_RADIUS, LABEL_GAP, POINT_RADIUS

__all__ = ["move_edge_labels"]

_GAP = 12.0  # between the moved label and anything else in its row


def move_edge_labels(
    frame: Frame,
    store: EventStore,
    lo: float,
    ppd: float,
    width: float,
    widths: Callable[[np.ndarray], np.ndarray],
) -> None:
    """Move labels that would end past `width` px to the left of their marker, in place."""
    marks: dict[int, tuple[float, float]] = {}  # store index -> marker extent px
    rows: dict[int, int] = {}
    where: dict[int, tuple[int, int]] = {}  # store index -> (lane, position in lane)
    for k, f in enumerate(frame.lanes):
        for j, (i, row) in enumerate(zip(f.detail.tolist(), f.y.tolist(), strict=True)):
            marks[i] = _extent(store, i, lo, ppd)
            rows[i], where[i] = int(row), (k, j)
    busy: dict[int, list[tuple[float, float, int]]] = {}  # row -> (start, end, owner)
    for i, (a, b) in marks.items():
        busy.setdefault(rows[i], []).append((a, b, i))
    for i, anchor, row, dx, w, inside, _ in frame.labels:
        if w > 0:  # a label inside its bar will run on past the bar: reserve its whole title
            start = (anchor - lo) * ppd + dx
            end = start + (max(w, float(widths(np.array([i]))[0])) if inside else w)
            busy.setdefault(row, []).append((start, end, i))
    for n, (i, anchor, row, dx, _, inside, bar_end) in enumerate(frame.labels):
        full = float(widths(np.array([i]))[0])
        start = (anchor - lo) * ppd + dx
        if i not in marks or start + full <= width - 2:
            continue
        m0, m1 = marks[i]
        if inside and full + 2 * LABEL_GAP <= m1 - m0:
            continue  # it fits inside its bar
        new_start = m0 - LABEL_GAP - full
        if new_start < 0:
            continue
        k, j = where[i]
        lane = frame.lanes[k]
        first = lane.top + (1 if lane.strip_y is not None else 0)
        candidates = [row, *(r for r in range(first, lane.top + lane.rows) if r != row)]
        free = next(
            (r for r in candidates if _free(busy.get(r, []), new_start - _GAP, m1 + _GAP, i)), None
        )
        if free is None:
            continue
        busy[row] = [b for b in busy.get(row, []) if b[2] != i]
        busy.setdefault(free, []).extend([(m0, m1, i), (new_start, m0 - LABEL_GAP, i)])
        lane.y[j] = free
        anchor_px = (anchor - lo) * ppd
        frame.labels[n] = (i, anchor, free, new_start - anchor_px, full, False, bar_end)


def _extent(store: EventStore, i: int, lo: float, ppd: float) -> tuple[float, float]:
    """The marker's left and right px; a planned event's diamond reaches further out."""
    x0, x1 = (float(store.x0[i]) - lo) * ppd, (float(store.x1[i]) - lo) * ppd
    planned = bool(store.planned[i])
    if store.precision[i] == DAY:
        c, r = (x0 + x1) / 2, DIAMOND_RADIUS if planned else POINT_RADIUS
        return c - r, c + r
    return x0 - (DIAMOND_RADIUS if planned else 0.0), max(x1, x0 + 5.0)


def _free(spans: list[tuple[float, float, int]], a: float, b: float, own: int) -> bool:
    return all(e <= a or s >= b or owner == own for s, e, owner in spans)
