"""The entry point: find candidate expressions, keep the best non-overlapping ones, resolve.

Pipeline: every named pattern proposes matches (`finditer`, linear time) outside code, URLs
and phone numbers (`masks`); readers turn them into `Spec`s; the longest non-overlapping
candidates win; a time of day next to a day merges into one TIME ("6:06 AM EST, November
26, 2023"); then, in text order, each is resolved against the DCT or, in an undated text,
against the last explicit date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .anchors import find_windows, windows_for
from .masks import masked_spans, overlaps
from .patterns import PATTERNS, Pattern
from .reference import Reference, parse_dct
from .resolve import Context, resolve
from .spec import Spec
from .timex import Timex

__all__ = ["tag", "decide_day_first"]

_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})([./])(\d{1,2})\2\d{2,4}(?!\d)")
# What may stand between a clock time and its day: "9 p.m. Tuesday", "6:06 AM EST, November
# 26", "at noon on Friday", "9 p.m. local time Tuesday".
_JOIN = re.compile(r"[^\S\n]*(?:local[^\S\n]+time[^\S\n]*)?(?:,|on|at)?[^\S\n]*")
# Between a year or month and a clock time that belongs to a day we did not read:
# "2 janvier 2015, 15:53", "1 mars 2019 à 15:20", "24. Dezember 2014,\n10:10".
_AFTER_DATE = re.compile(r"[^\S\n]*(?:(?:[,|•–-]|\bat|à|um|a las|alle|om)[^\S\n]*\n?)?[^\S\n]*")
_EVE = re.compile(r"(?i)\bthe\s+(?:eve\s+of|day\s+(before|after))\s+$")
_WEEK_OF = re.compile(r"(?i)\b(?:the\s+|that\s+|this\s+|next\s+|last\s+)?week\s+of\s+$")
_FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_TOLD_YEAR = re.compile(r"^(\d{4})(?:-\d\d){1,2}$")  # a month or day the text names
# "the Dec. 21, 1988, bombing": a date that names a happening, not the story's time
_ATTRIBUTIVE = re.compile(r"(?i)\bthe[^\S\n]+\Z")
_DAY_KINDS = frozenset({"calendar", "numeric", "weekday", "deictic", "holiday"})


@dataclass(slots=True)
class Candidate:
    """A proposed expression: its span, the pattern that found it and what it says."""

    start: int
    end: int
    name: str
    spec: Spec
    rank: int


def decide_day_first(text: str, day_first: bool | None) -> bool:
    """How to read 01.02.2023: as told, else from the document's unambiguous dates."""
    if day_first is not None:
        return day_first
    dots = slashes = 0
    for m in _NUMERIC_DATE.finditer(text):
        a, b = int(m[1]), int(m[3])
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
        dots += m[2] == "."
        slashes += m[2] == "/"
    return dots >= slashes


def _candidates(text: str) -> list[Candidate]:
    """Every match of every pattern that its reader accepts, outside code, URLs and phone
    numbers (where digits are never dates of the story)."""
    found = []
    windows = find_windows(text)
    masked = masked_spans(text)
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # per anchor set, merged once
    for rank, pattern in enumerate(PATTERNS):
        spans = merged.get(pattern.anchors)
        if spans is None:
            spans = merged[pattern.anchors] = windows_for(windows, pattern.anchors)
        for m in _matches(pattern, text, spans):
            if masked and overlaps(masked, m.start(), m.end()):
                continue
            spec = pattern.read(m)
            if spec is None:
                continue
            start, end = m.start() + spec.lead, m.end() - spec.trim
            if end > start:
                found.append(Candidate(start, end, pattern.name, spec, rank))
    return found


def _matches(pattern: Pattern, text: str, spans: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The pattern's matches inside the windows around its anchors."""
    for lo, hi in spans:
        yield from pattern.regex.finditer(text, lo, hi)


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first (then earlier pattern), dropping anything that overlaps a keeper."""
    cands.sort(key=lambda c: (c.start - c.end, c.rank, c.start))
    taken: list[Candidate] = []
    occupied = bytearray()
    for c in cands:
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start : c.end]):
            continue
        occupied[c.start : c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _is_day(spec: Spec) -> bool:
    """Whether the spec names a single day, so a time of day can attach to it."""
    if spec.kind == "calendar":
        return spec.day is not None and spec.clock is None
    return spec.kind in _DAY_KINDS and spec.clock is None and not spec.part


def _compose(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Merge a time of day with an adjacent day into one TIME expression; drop one that
    follows a year or month ("1 mars 2019 à 15:20"): its day is one we could not read."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _JOIN.fullmatch(text, prev.end, c.start):
            pair = (prev.spec, c.spec)
            clock, day = pair if prev.spec.kind == "clock" else pair[::-1]
            if clock.kind == "clock" and _is_day(day):
                spec = dataclasses.replace(day, clock=clock.clock, tz=clock.tz, type="TIME")
                out[-1] = Candidate(prev.start, c.end, "composed", spec, prev.rank)
                continue
        if (
            prev is not None
            and c.spec.kind == "clock"
            and _coarse(prev.spec)
            and _AFTER_DATE.fullmatch(text, prev.end, c.start)
        ):
            c = dataclasses.replace(c, spec=Spec("drop"))
        out.append(c)
    return out


def _coarse(spec: Spec) -> bool:
    """A year or a month without its day: a clock right after it is on an unread day."""
    if spec.kind == "fixed":
        return spec.year is not None
    return spec.kind == "calendar" and spec.day is None and spec.month is not None


def _next_day(m: re.Match[str], day: dt.date) -> str:
    """ "the eve of <day>", "the day before <day>": the day before; "the day after": after."""
    step = 1 if (m.group(1) or "").lower() == "after" else -1
    return (day + dt.timedelta(days=step)).isoformat()


def _week(m: re.Match[str], day: dt.date) -> str:
    """ "the week of March 6": that day's ISO week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# words before a day that name another time, and what they make of the day
_AROUND_DAY: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], str]], ...] = (
    (_EVE, _next_day),
    (_WEEK_OF, _week),
)


def _around_day(text: str, c: Candidate, value: str) -> tuple[int, str] | None:
    """The start and value of a phrase around a day ("the eve of", "the week of"), which
    spans the whole phrase; None when the day stands alone."""
    if not _FULL_DATE.match(value):
        return None
    for pattern, make in _AROUND_DAY:
        m = pattern.search(text, max(0, c.start - 20), c.start)
        if m:
            return m.start(), make(m, dt.date.fromisoformat(value))
    return None


def _emit(text: str, c: Candidate, ctx: Context) -> Timex | None:
    """Resolve one candidate in context and record it for the ones after it."""
    res = resolve(c.spec, ctx, (c.start, c.end))
    if res is None or not res.value:
        return None
    start, value = c.start, res.value
    around = _around_day(text, c, value)
    if around:
        start, value = around
    ctx.history.append(value)
    full = _FULL_DATE.match(value)
    if full and not res.inferred and not around:
        ctx.anchor = Reference(int(full[1]), int(full[2]), int(full[3]))
        ctx.anchor_end = c.end
    told = _TOLD_YEAR.match(value)
    if (
        told
        and not res.inferred
        and not around
        and not _ATTRIBUTIVE.search(text, max(0, start - 6), start)
    ):
        ctx.story_year, ctx.story_end = int(told[1]), c.end
    return Timex(start, c.end, text[start : c.end], res.type, value, res.mod, res.inferred)


def tag(
    text: str, *, dct: str | dt.date | dt.datetime | None = None, day_first: bool | None = None
) -> list[Timex]:
    """TimeML TIMEX3 expressions in `text`, sorted by start and non-overlapping."""
    if not isinstance(text, str) or not text:
        return []
    ctx = Context(text, parse_dct(dct), decide_day_first(text, day_first))
    chosen = _compose(text, _select(_candidates(text)))
    out = []
    for c in chosen:
        if c.spec.kind == "drop":
            continue
        timex = _emit(text, c, ctx)
        if timex is not None:
            out.append(timex)
    return out
