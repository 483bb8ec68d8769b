"""Periods the user draws ("period.add", "period.remove"), as eras of the timeline.

A period is `model.eras.Era` with `user` set and the edit's target as its `id`: so every
view and picture that draws eras draws it (a span shaded, a single day a milestone line,
`Era.milestone`). The value is `{"label": str, "date": ...}` (`date_value`'s form).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import DateError, Era
from .date_values import date_from_value
from .project_store import Edit

__all__ = ["user_periods"]


def user_periods(edits: Iterable[Edit]) -> list[Era]:
    """The periods in force, in the order drawn; one whose date cannot be read is left out."""
    periods: dict[str, Era] = {}
    for edit in edits:
        if edit.kind == "period.add":
            try:
                date = date_from_value(edit.value)
            except (DateError, KeyError, ValueError):
                continue
            label = " ".join(str(edit.value.get("label", "")).split())
            periods[edit.target] = Era(label, date, id=edit.target, user=True)
        elif edit.kind == "period.remove":
            periods.pop(edit.target, None)
    return list(periods.values())
