"""Splitting a long timeline across PDF pages: consecutive date ranges, similar in load.

Equal spans of time would leave pages empty (news clusters around a few weeks), so each
page gets about the same number of events and the boundaries fall halfway between the
last event of one page and the first of the next. No Qt.
"""

from __future__ import annotations

import math

import numpy as np

from .columns import EventStore

__all__ = ["MAX_PAGES", "auto_pages", "split_ranges"]

MAX_PAGES = 100
_PX_PER_EVENT_ROW = 450.0  # a label and its marker, with room around them


def auto_pages(n_events: int, plot_width: float, rows: int) -> int:
    """How many pages `n_events` need so that most of their labels fit."""
    per_page = max(8, int(max(rows, 1) * plot_width / _PX_PER_EVENT_ROW))
    return max(1, min(MAX_PAGES, math.ceil(n_events / per_page)))


def split_ranges(
    store: EventStore, shown: np.ndarray, pages: int, bounds: tuple[float, float] | None = None
) -> list[tuple[float, float]]:
    """Consecutive x ranges, one per page, covering `bounds` (default: the shown events)."""
    if not len(shown):
        return [bounds or (0.0, 365.0)]
    x0 = np.sort(store.x0[shown])
    if bounds is None:
        lo, hi = float(x0[0]), float(store.x1[shown].max())
        pad = 0.03 * max(hi - lo, 1.0)
        bounds = (lo - pad, hi + pad)
    lo, hi = bounds
    pages = max(1, min(pages, len(x0)))
    cuts: list[float] = []
    for k in range(1, pages):
        at = k * len(x0) // pages
        cut = (float(x0[at - 1]) + float(x0[at])) / 2
        if lo < cut < hi and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    edges = [lo, *cuts, hi]
    return list(zip(edges[:-1], edges[1:], strict=True))
