"""Stacking events into rows so that markers and labels of nearby events never overlap.

Pure Python (no Qt) so it is easy to test. Works in pixels at a given zoom (pixels per
day) but never depends on the pan offset: panning does not reshuffle rows, only zooming
and resizing do.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "DIAMOND_RADIUS",
    "Item",
    "Placement",
    "fit_span",
    "geometry",
    "stack",
    "POINT_RADIUS",
    "MIN_LABEL",
]

POINT_RADIUS = 5.0  # px, half the marker size
DIAMOND_RADIUS = POINT_RADIUS * 1.3  # px, centre to tip of a planned event's diamond
LABEL_GAP = 5.0  # px between a marker and its label
ITEM_GAP = 12.0  # px between one item's end and the next item's start in the same row
MIN_LABEL = 45.0  # px; a label squeezed below this is not drawn at all
MIN_BAR = 5.0  # px; bars are never drawn thinner than this
INSIDE_BAR = 60.0  # px; bars at least this wide carry their label inside


@dataclass(frozen=True, slots=True)
class Item:
    """An event to place: its interval [x0, x1) in days, marker kind and label width."""

    x0: float
    x1: float
    point: bool
    label_w: float


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an item went: its row and its label, `label_dx` px right of the anchor.

    The anchor is the point's centre or the bar's start. `label_w` is the width the label
    may use (0 = no label). `inside` labels lie over their bar.
    """

    row: int
    label_dx: float
    label_w: float
    inside: bool


def _geometry(item: Item, ppd: float) -> tuple[float, float, float, bool]:
    """(marker start, marker end, label start) in px, and whether the label is inside."""
    if item.point:
        c = (item.x0 + item.x1) / 2 * ppd
        return c - POINT_RADIUS, c + POINT_RADIUS, c + POINT_RADIUS + LABEL_GAP, False
    a = item.x0 * ppd
    b = max(item.x1 * ppd, a + MIN_BAR)
    if b - a >= INSIDE_BAR:
        return a, b, a + LABEL_GAP, True
    return a, b, b + LABEL_GAP, False


geometry = _geometry


def stack(items: Sequence[Item], px_per_day: float, max_rows: int) -> tuple[list[Placement], int]:
    """Greedy interval stacking; returns one placement per item and the rows used.

    Each item takes the first row that is free at its start. When all `max_rows` rows
    are busy it goes to a row where its marker still fits, cutting short (or dropping) the
    label before it; only when even markers do not fit may markers overlap, and then the
    item gets no label. Labels never overlap other labels or markers.
    """
    geo = [_geometry(it, px_per_day) for it in items]
    order = sorted(range(len(items)), key=lambda i: (geo[i][0], i))
    label_free: list[float] = []  # per row: where the last item's label ends (+ gap)
    marker_free: list[float] = []  # per row: where the last item's marker ends (+ gap)
    rows = [0] * len(items)
    allowed = [it.label_w for it in items]
    for i in order:
        start, m_end, l_start, _ = geo[i]
        row = next((r for r, f in enumerate(label_free) if f <= start), None)
        if row is None and len(label_free) < max(1, max_rows):
            label_free.append(-math.inf)
            marker_free.append(-math.inf)
            row = len(label_free) - 1
        if row is None:  # crowded: cut a label short rather than cover a marker
            fits = [r for r, f in enumerate(marker_free) if f <= start]
            if not fits:  # markers must overlap here; a label on top would be unreadable
                allowed[i] = 0.0
            row = min(
                fits or range(len(marker_free)), key=lambda r: (label_free[r], marker_free[r])
            )
        end = max(m_end, l_start + allowed[i])
        label_free[row] = max(label_free[row], end + ITEM_GAP)
        marker_free[row] = max(marker_free[row], m_end + LABEL_GAP)
        rows[i] = row

    last_in_row: dict[int, int] = {}
    for i in order:  # cut each label at the next marker in its row
        prev = last_in_row.get(rows[i])
        if prev is not None:
            limit = geo[i][0] - ITEM_GAP - geo[prev][2]
            allowed[prev] = min(allowed[prev], limit)
        last_in_row[rows[i]] = i

    out = []
    for i, it in enumerate(items):
        start, _, l_start, inside = geo[i]
        anchor = start + POINT_RADIUS if it.point else start
        shown = allowed[i] > 0 and allowed[i] >= min(MIN_LABEL, it.label_w)
        width = allowed[i] if shown else 0.0
        out.append(Placement(rows[i], l_start - anchor, width, inside))
    return out, len(label_free)


def fit_span(lo: float, hi: float, width_px: float, margin: float = 0.02) -> tuple[float, float]:
    """The x range showing [lo, hi] with `margin` of the span and about a marker's width
    more on each side, as a picture's fit does; less than ten days are shown as ten.

    No room is kept for the labels of the last events: titles the right edge would cut
    are drawn left of their marker (`edge_labels.py`).
    """
    if hi - lo < 10.0:
        mid = (lo + hi) / 2
        lo, hi = mid - 5.0, mid + 5.0
    span = hi - lo
    pad = margin * span + span * 12.0 / max(width_px, 1.0)
    return lo - pad, hi + pad
