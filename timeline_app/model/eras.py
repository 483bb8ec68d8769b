"""Eras: named periods a timeline is set in, drawn behind its events (TimelineJS's eras)."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import FuzzyDate

__all__ = ["Era"]


@dataclass(frozen=True, slots=True)
class Era:
    """A named period ("Era Test 600-650"): not a happening, the setting of those within it.

    `date` is usually a span (600 – 650, each end at its own precision) but may be any date:
    the era covers the interval the date covers. `label` may be empty (an unnamed band).
    """

    label: str
    date: FuzzyDate
