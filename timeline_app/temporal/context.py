"""What resolution works with: the document context and the resolved result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .reference import Reference
from .tense import UNKNOWN, tense_near

__all__ = ["Context", "Resolved", "Span", "clause_tense"]

Span = tuple[int, int]


@dataclass(slots=True)
class Context:
    """What resolution may look at: the text, the DCT and the expressions seen so far."""

    text: str
    dct: Reference | None
    day_first: bool
    anchor: Reference | None = None  # the last explicit full date in the text
    anchor_end: int = 0  # where that date ends in the text
    story_year: int | None = None  # the year of the last explicit month or day that sets
    # the story's time (not "the March 3, 2009, attack", which names a happening)
    story_end: int = 0  # where that expression ends in the text
    quarter: tuple[int, int] | None = None  # the last quarter named ("the third quarter")
    history: list[str] = field(default_factory=list)  # values resolved so far

    @property
    def ref(self) -> Reference | None:
        """The DCT for news; for undated narratives, the last explicit date."""
        return self.dct or self.anchor

    def last_matching(self, pattern: re.Pattern[str], back: int = 4) -> re.Match[str] | None:
        """The most recent of the last `back` values that matches `pattern`."""
        for value in reversed(self.history[-back:]):
            m = pattern.match(value)
            if m:
                return m
        return None


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved expression: TimeML type, value, mod and whether context was used."""

    type: str
    value: str
    mod: str | None = None
    inferred: bool = False


def clause_tense(ctx: Context, span: Span) -> int:
    """The clause's tense; in an undated narrative every clause is past, so it says nothing
    about the direction from the anchor date and counts as unknown there."""
    if ctx.dct is None:
        return UNKNOWN
    return tense_near(ctx.text, span[0], span[1])
