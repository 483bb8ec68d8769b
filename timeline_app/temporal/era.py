"""Eras rather than days: "today's teenagers" (PRESENT_REF), "at that point" (PAST_REF).

"today" names the DCT's day when something happens on it ("today's meeting", "said
today"), but the present age when it qualifies a kind of thing or a time in general: TimeML
values those PRESENT_REF, and a timeline must not date anything by them. Likewise "at that
point" or "at the time" points back into the story without naming when: PAST_REF.
"""

from __future__ import annotations

import re

from .spec import Match, Spec

__all__ = ["is_era_today", "read_that_point"]

# Happenings a day may own: "today's meeting", "today's editions" stay the DCT's day.
_HAPPENINGS = (
    r"meeting|summit|talks|vote|voting|election|session|visit|attack|bombing|raid|ruling"
    r"|decision|announcement|hearing|trial|verdict|match|game|race|ceremony|speech|address"
    r"|rally|protest|demonstration|strike|deal|signing|launch|release|statement|conference"
    r"|debate|trading|close|closing|opening|auction|offering|sale|editions?|papers?|newspapers?"
    r"|issue|news|headlines?|broadcast|show|program|programme|quiz|report|editorial"
    r"|interview|episode|concert|performance|event|final|storm|deadline|agenda|schedule"
    r"|announcements?|briefing|session|service|funeral|wedding|parade|march|hearings?|markets?"
)
_TODAYS = re.compile(
    rf"(?i)['’]s[^\S\n]+(?:[a-z-]+[^\S\n]+){{0,2}}?(?:{_HAPPENINGS})\b"
    r"|['’]s[^\S\n]+(?P<kind>(?-i:[a-z]))"
)
# "in the mobile era today", "the world today": an age, not a day.
_ERA_BEFORE = re.compile(r"(?i)\b(?:era|age|world|society|generation|culture)[^\S\n]+\Z")


def is_era_today(text: str, start: int, end: int) -> bool:
    """Whether the "today" at text[start:end] names the present age rather than the DCT."""
    if _ERA_BEFORE.search(text, max(0, start - 16), start):
        return True
    m = _TODAYS.match(text, end)
    return m is not None and m["kind"] is not None


# "we're not at that point yet": a stage reached, not a time; "at the time of its founding",
# "at that time when ...": the time is named by what follows.
_STAGE_BEFORE = re.compile(
    r"(?i)(?:\b(?:is|are|was|were|be|been|being|am|not|get|got|reach|"
    r"reached)|['’](?:re|s|m))[^\S\n]+\Z"
)
_NAMED_AFTER = re.compile(
    r"(?i)[^\S\n]*(?:of|when|where|in[^\S\n]+which|that)\b"
    r"|[^\S\n]+(?-i:[A-Z][a-z])"
)  # "at the time Smith was captured"


def read_that_point(m: Match) -> Spec | None:
    """ "at that point", "by that time", "at the time": a time in the story's past; the span
    leaves out the preposition, as TimeML does ("at [the time]")."""
    text = m.string
    if _STAGE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _NAMED_AFTER.match(
        text, m.end()
    ):
        return None
    return Spec("fixed", value="PAST_REF", lead=m.start("what") - m.start())
