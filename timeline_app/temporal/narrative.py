"""A story told in an earlier year: its weekdays fall in the week of its own dates.

"The mine collapsed on March 3, 2009. On Thursday, rescuers found two survivors": in a 2013
article, that Thursday is the one after March 3, 2009, not the one before the DCT. The
story's date counts only right before the weekday (the same or the next sentence) and not
for the reporting itself ("officials said Thursday" is the DCT's week).
"""

from __future__ import annotations

import datetime as dt
import re

from .context import Context, Span

__all__ = ["narrative_day", "narrative_year"]

_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)")
_YEAR_VALUE = re.compile(r"^(\d{4})")
_NARRATIVE_BACK = 3  # how many expressions back the story's own date still sets its week
_NARRATIVE_REACH = 250  # how many characters after it, in the same or the next sentence
_SENTENCE_END = re.compile(r"[.!?]['\"’”]*\s")
# "said Thursday": the reporting happens in the DCT's week, whatever the story tells
_REPORTED = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|added)[^\S\n]+(?:on[^\S\n]+|in[^\S\n]+)?\Z"
)


def _near(ctx: Context, end: int, span: Span) -> bool:
    """Whether span follows `end` closely: the same or the next sentence, not reported."""
    if not 0 <= span[0] - end <= _NARRATIVE_REACH:
        return False  # checked before slicing: the cost stays that of the window
    if len(_SENTENCE_END.findall(ctx.text, end, span[0])) > 1:
        return False
    return not _REPORTED.search(ctx.text, max(0, span[0] - 16), span[0])


def narrative_day(ctx: Context, span: Span) -> dt.date | None:
    """The explicit day the story was last told at, when it lies in a year before the DCT's,
    just before this expression and among the last few: a weekday then belongs to that
    day's week."""
    anchor, dct = ctx.anchor, ctx.dct
    if anchor is None or dct is None or anchor.year >= dct.year or anchor.date is None:
        return None
    if ctx.story_end != ctx.anchor_end or not _near(ctx, ctx.anchor_end, span):
        return None  # the day named a happening ("the March 3, 2009, collapse") or is far
    last = ctx.last_matching(_DAY_VALUE, back=_NARRATIVE_BACK)
    if last is None or last[1] != anchor.date.isoformat():
        return None
    return anchor.date


def narrative_year(ctx: Context, span: Span) -> int | None:
    """The year the story was last told in ("In March 2009, ... In June"), when it is
    before the DCT's and named just before this expression: a bare month takes it."""
    year, dct = ctx.story_year, ctx.dct
    if year is None or dct is None or year >= dct.year or not _near(ctx, ctx.story_end, span):
        return None
    last = ctx.last_matching(_YEAR_VALUE, back=1)
    return year if last is not None and int(last[1]) == year else None
