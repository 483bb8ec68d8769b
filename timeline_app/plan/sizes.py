"""Sizes of the drawn marks, in pixels, and the legend's word for planned events: the same
for the window and every picture. No Qt."""

from __future__ import annotations

from .rows import DIAMOND_RADIUS

__all__ = [
    "BAR_PX",
    "DIAMOND_R",
    "FADED_OPACITY",
    "MAX_LABEL_PX",
    "PLANNED_WORDS",
    "POINT_PX",
    "ROW_PX",
]

ROW_PX = 26  # vertical distance between timeline rows
BAR_PX = 12  # bar thickness
POINT_PX = 10  # point marker diameter
DIAMOND_R = DIAMOND_RADIUS  # centre to tip of a planned marker: as heavy as a dot
MAX_LABEL_PX = 360  # longer titles are elided
PLANNED_WORDS = "planned / expected"
FADED_OPACITY = 0.3  # events the user hid, when hidden events are shown
