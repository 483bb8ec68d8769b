"""Dates as an edit's value keeps them: ISO text at its own precision (a span as "a/b") and
the early/mid/late part, so that a user's date comes back exactly as entered."""

from __future__ import annotations

from ..model import FuzzyDate

__all__ = ["date_from_value", "date_value"]


def date_value(date: FuzzyDate) -> dict[str, object]:
    return {"date": date.iso(), "part": date.part.value if date.part else None}


def date_from_value(value: dict[str, object]) -> FuzzyDate:
    """A date a user entered: never inferred (the user said so). DateError if none."""
    return FuzzyDate.from_iso(str(value["date"]), part=value.get("part") or None)  # type: ignore[arg-type]
