"""Eras drawn behind the events: a soft tint over each era's interval, the full height of
the plot, and its name in a strip of its own above the rows, so that it never lies over an
event's title. For the window and every picture alike. No Qt.

Eras are tinted alternately in the order they start, so neighbours read apart even where
they touch; an era's name starts at the left of the part of its band in view and stops at
its end or where the next era starts, whichever comes first (`label_room`). A milestone (a
single day the user marked: `Era.milestone`) is a line; the names of the periods and
milestones the user drew run on to the next era's start (a short period's name would
otherwise be left out).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline_app.model import Era

__all__ = ["ERA_STRIP_PX", "EraBand", "era_bands", "label_room"]

ERA_STRIP_PX = 20.0  # the strip above the rows that holds the eras' names
_INSET = 4.0  # px between a band's edge and its name
_MIN_LABEL = 24.0  # px: narrower than this, a name is left out (the band stays)


@dataclass(frozen=True, slots=True)
class EraBand:
    """An era in the units of the plot: days from the event store's reference date."""

    label: str
    x0: float  # its first day
    x1: float  # the day after its last
    shade: int  # 0 or 1: neighbouring eras are tinted alternately
    label_end: float  # its name may run up to here: its end or the next era's start
    dates: str = ""  # its date in words ("600 – 650"), for a tooltip
    milestone: bool = False  # a single day the user marked: a line at x0, not a tint


def era_bands(eras: Sequence[Era], ref: date) -> list[EraBand]:
    """The bands of `eras`, in the order they start, with x as days from `ref`."""
    o = ref.toordinal()
    spans = sorted(
        (
            float(e.date.start.toordinal() - o),
            float(e.date.end.toordinal() + 1 - o),
            e.label,
            e.date.label(),
            e.user and e.milestone,
            e.user,
        )
        for e in eras
    )
    bands = []
    for k, (x0, x1, label, dates, milestone, user) in enumerate(spans):
        later = [a for a, *_ in spans[k + 1 :] if a > x0]
        end = math.inf if user else x1  # the user's names run on to the next era
        bands.append(EraBand(label, x0, x1, k % 2, min([end, *later]), dates, milestone))
    return bands


def label_room(x0: float, label_end: float, left: float, right: float) -> tuple[float, float]:
    """Where a band's name may be drawn, in px: from the left of the band's part in view
    (`left`…`right` is the plot) to its `label_end`, inset; an empty range (start >= end)
    when there is too little room for a name."""
    start = max(x0, left) + _INSET
    end = min(label_end, right) - _INSET
    return (start, end) if end - start >= _MIN_LABEL else (start, start)
