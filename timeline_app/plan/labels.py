"""Label placement by priority: the selected event first, then events with more sources.

Rows come from `layout.stack` (which already reserves label room where it can); this pass
decides which labels are drawn and how wide, so that no label covers another label or the
marker of another event. Per row it keeps the markers merged into disjoint segments (a
query looks at one or two) and the placed labels as disjoint intervals.
Pure Python, in pixels; no Qt.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .rows import LABEL_GAP, MIN_LABEL

__all__ = ["place_labels"]


class _Row:
    """One row's markers merged into disjoint segments, and its placed labels."""

    def __init__(self, markers: list[tuple[float, float, int]]) -> None:
        markers.sort()
        self.seg0: list[float] = []
        self.seg1: list[float] = []
        self.members: list[list[tuple[float, float, int]]] = []
        for m in markers:
            if self.seg1 and m[0] < self.seg1[-1]:
                self.seg1[-1] = max(self.seg1[-1], m[1])
                self.members[-1].append(m)
            else:
                self.seg0.append(m[0])
                self.seg1.append(m[1])
                self.members.append([m])
        self.l0: list[float] = []
        self.l1: list[float] = []

    def room(self, a: float, b: float, own: int) -> float:
        """How far right of `a` (up to `b`) a label of item `own` may extend."""
        end = b
        s = max(bisect_right(self.seg0, a) - 1, 0)
        while s < len(self.seg0) and self.seg0[s] < end:
            if self.seg1[s] > a:
                for m0, m1, owner in self.members[s]:
                    if owner != own and m1 > a and m0 < end:
                        end = min(end, m0 - LABEL_GAP if m0 > a else a)
            s += 1
        i = bisect_right(self.l0, a) - 1
        if i >= 0 and self.l1[i] > a:
            return a
        if i + 1 < len(self.l0):
            end = min(end, self.l0[i + 1] - LABEL_GAP)
        return end

    def take(self, a: float, b: float) -> None:
        i = bisect_right(self.l0, a)
        self.l0.insert(i, a)
        self.l1.insert(i, b)


def place_labels(
    m0: Sequence[float],
    m1: Sequence[float],
    l0: Sequence[float],
    want: Sequence[float],
    rows: Sequence[int],
    order: Sequence[int],
    limit: Sequence[float] | None = None,
) -> list[float]:
    """The width each label may use (0: not drawn), placing labels in `order`.

    `m0`/`m1` are each item's marker extent, `l0` where its label starts and `want` its
    full width, all in px; `limit` optionally caps where a label may end (e.g. inside its
    own bar). A label is cut short at the first obstacle, and dropped if that leaves
    less than `MIN_LABEL` px of a longer title.
    """
    by_row: dict[int, list[tuple[float, float, int]]] = {}
    for i, r in enumerate(rows):
        by_row.setdefault(r, []).append((m0[i], m1[i], i))
    row_of = {r: _Row(ms) for r, ms in by_row.items()}
    out = [0.0] * len(rows)
    for i in order:
        if want[i] <= 0:
            continue
        a = l0[i]
        b = a + want[i]
        if limit is not None:
            b = min(b, limit[i])
        row = row_of[rows[i]]
        end = row.room(a, b, i)
        width = end - a
        if width <= 0 or width < min(MIN_LABEL, want[i]):
            continue
        out[i] = width
        row.take(a, end)
    return out
