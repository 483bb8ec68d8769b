"""Key events: the few most important events per stretch of screen, for the current zoom.

A 10,000-event corpus is unreadable whole; "Key events only" keeps, in each bin of the
time axis about a twentieth of the view wide, the `PER_BIN` events with the highest key
score (`model.outlets.key_score`: independent outlets, the user's star and tags). Bins are
laid on a fixed grid whose width is a power of two days, so panning never changes the set
(only zooming by a factor of two or more does), and every bin of the whole timeline is
ranked, so what scrolls into view was chosen the same way. Pure numpy: no Qt.
"""

from __future__ import annotations

import math

import numpy as np

from ..model import Event, Timeline
from ..model.outlets import key_score

__all__ = ["BINS", "PER_BIN", "bin_width", "key_events", "key_scores"]

BINS = 20  # bins across the view
PER_BIN = 3  # events kept per bin


def bin_width(lo: float, hi: float) -> float:
    """The bin width (days) for a view of [lo, hi]: `BINS` bins or a few more, rounded to
    a power of two so that it only changes when the zoom does by twice or more."""
    span = max(hi - lo, 1e-6)
    return float(2.0 ** math.floor(math.log2(span / BINS)))


def key_events(
    x0: np.ndarray,
    x1: np.ndarray,
    score: np.ndarray,
    candidates: np.ndarray,
    width: float,
    *,
    per_bin: int = PER_BIN,
) -> np.ndarray:
    """The `candidates` (indices into the columns, ascending) kept as key events: the
    `per_bin` best scores in each bin of `width` days, binned by the interval's middle;
    ties go to the earlier event. Returned ascending, like the candidates."""
    if not len(candidates):
        return candidates
    mid = (x0[candidates] + x1[candidates]) / 2
    cell = np.floor(mid / width).astype(np.int64)
    order = np.lexsort((-score[candidates], cell))  # by bin, best first (stable: ties by index)
    cell_sorted = cell[order]
    starts = np.r_[0, np.flatnonzero(np.diff(cell_sorted)) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return np.sort(candidates[order[rank < per_bin]])


def key_scores(timeline: Timeline, events: list[Event] | None, n_sources: np.ndarray) -> np.ndarray:
    """Each event's key score, in the order of `events` (the store's); generated columns
    without events rank by their count of sources."""
    if events is None:
        return n_sources.astype(np.float64)
    docs = timeline.documents
    return np.array([key_score(e, docs) for e in events], np.float64)
