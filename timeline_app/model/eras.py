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

    A period the user drew (the edit "period.add") has `user` set and the edit's target as
    its `id`, by which "period.remove" takes it away; a file's eras have neither. A user
    period of a single day is a milestone (`milestone`): a line, not a shaded span.
    """

    label: str
    date: FuzzyDate
    id: str = ""
    user: bool = False

    @property
    def milestone(self) -> bool:
        """A single day: drawn as a line with its label ("summit"), not as a band."""
        return self.date.start == self.date.end
