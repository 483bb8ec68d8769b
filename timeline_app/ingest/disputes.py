"""Sources that disagree: one happening that articles date differently becomes one event.

`merge.py` merges statements that date the same interval. This pass, run on its events,
joins events that report one happening with *conflicting* dates, neither inside the other
("3 May" / "4 May", "early January" / "13 January"), into one event that keeps each
source's date and is marked disputed (`Event.disputed`). A date inside the other ("early
January" / "10 January") only says more: no dispute, and left to merging. A wrong join is a
false statement to an analyst, so two events are joined only when all of these hold:

- both dates are a day or a part of a month (no vaguer, no span); two days at most
  DAY_GAP apart (a time zone, a "yesterday" read from another day), a part of a month and
  a day at most MAX_GAP days apart (the edge of "early January" is loose); both are facts
  or both plans;
- no article reports both (an article giving two dates gives two happenings), and no
  article of one reports the other's names elsewhere on the other's date;
- their sentences share a name (the last word of a capitalised run) and, with the date
  expressions blanked, at least WORDING of their content words (the same story told, not
  the same topic); neither names an actor (`ingest/actors.py`) the other does not while
  the other names one it lacks; and `merge.py`'s own test of one happening accepts them
  once their dates are set equal;
- the figures in their sentences, if both give any, agree (one's all in the other's):
  "closed at 41" / "closed at 44" are two days' closes, not a dispute;
- neither event has an alike event further apart than that and up to RECUR days away: a
  happening that recurs (a weekly meeting, a daily close, two meetings two days apart) is
  never joined at all;
- their sentences do not already agree on another date ("met on Wednesday, the press
  service said on Thursday" / "... said on Saturday": one meeting, two days of saying),
  and neither's sentences give another date close enough to the other's to be the one it
  means;
- in a joined group every two events pass these tests themselves, never only through a
  third (so two events `merge.py` kept apart on one day are never joined).

Events are compared only within RECUR days of each other and only when they share a name
(a cheap key), so the cost follows the pairs that could join, not all pairs. The joined
event is dated by the date confirmed by most independent outlets (`model.outlets`), ties
going to the most precise date, then the earliest; it keeps the title of the event with
that date and the id of the event whose source comes first (as `merge.py` names events).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date

from ..model import Document, Event, FuzzyDate, Source
from ..model.outlets import date_support
from .extract import DatedStatement
from .merge import jaccard, merge_candidates
from .wire import mark_wire

__all__ = ["DAY_GAP", "MAX_GAP", "RECUR", "WORDING", "join_disputes"]

DAY_GAP = 1  # days two outlets' days for one happening may differ by
MAX_GAP = 3  # days a day may lie outside a part of a month ("early January") given for it
RECUR = 14  # days within which an alike happening further apart means it recurs
_MAX_LENGTH = 11  # days: a date vaguer than a third of a month cannot dispute a day
_SAMPLE = 3  # statements per event put to merge.py's test
_COMMON = FuzzyDate(2000, 1, 1)  # the one date both events' statements are compared at
_NAME = re.compile(r"(?<=[\s(\"“'])[A-Z][\w&'-]*[A-Za-z](?:\s+[A-Z][\w&'-]*[A-Za-z])*")
WORDING = 0.5  # Jaccard of two sentences' content stems: the same story told, not a topic
_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "that",
        "this",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "it",
        "its",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "said",
        "says",
    ]
)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# month and weekday names (and their short forms) say only "when", which differs anyway
_CAL_WORDS = [w.lower() for w in (*calendar.month_name[1:], *calendar.day_name)]
_CALENDAR = frozenset(_CAL_WORDS) | {w[:3] for w in _CAL_WORDS} | {"sept"}


@dataclass(slots=True)
class _Profile:
    """What the tests above read of one event; the costlier parts are read on first use,
    since most events are never compared with any other."""

    index: int
    event: Event
    start: date
    end: date
    docs: frozenset[str]
    sentences: list[tuple[Source, str]]  # each source with its sentence, date expression blanked
    names: frozenset[str]
    # the other dates its sentences give (to other events): what else they date
    other_days: frozenset[tuple[date, date]] = frozenset()
    _figures: frozenset[str] | None = None
    _words: list[frozenset[str]] | None = None

    @property
    def figures(self) -> frozenset[str]:
        if self._figures is None:
            self._figures = frozenset(f for _, t in self.sentences for f in _FIGURE.findall(t))
        return self._figures

    @property
    def words(self) -> list[frozenset[str]]:
        """Content stems of the first few sentences."""
        if self._words is None:
            self._words = [_stems(t) for _, t in self.sentences[:_SAMPLE]]
        return self._words

    def statements(self) -> list[DatedStatement]:
        """The first few sentences as statements of one common date, for `merge.py`."""
        return [
            DatedStatement(
                replace(s, date=_COMMON, date_start=s.start, date_end=s.start),
                self.event.title,
                False,
                t,
            )
            for s, t in self.sentences[:_SAMPLE]
        ]


def join_disputes(events: list[Event], documents: Mapping[str, Document]) -> list[Event]:
    """`events` with wire copies marked (`Source.wire`) and each set of events that report
    one happening with different dates joined into one; order kept (a joined event takes
    the place of its first member)."""
    mark_wire(events, documents)
    profiles = [p for i, e in enumerate(events) if (p := _profile(i, e, documents))]
    _add_other_days(profiles, events)
    near, recurring = _alike_pairs(profiles)
    groups = _groups(near, recurring)
    if not groups:
        return events
    joined: dict[int, Event] = {}
    dropped: set[int] = set()
    for members in groups:
        first = min(members)
        joined[first] = _joined([events[i] for i in sorted(members)], documents)
        dropped.update(i for i in members if i != first)
    return [joined.get(i, e) for i, e in enumerate(events) if i not in dropped]


def _profile(index: int, event: Event, documents: Mapping[str, Document]) -> _Profile | None:
    """None for an event that cannot be disputed: vaguer than a third of a month, or
    without a source whose article is loaded (hand-made events)."""
    d = event.date
    if d.is_span or (d.end - d.start).days >= _MAX_LENGTH:
        return None
    sentences = [
        (s, _without_date(doc.text, s.start, s.end, s.date_start, s.date_end))
        for s in event.sources
        if (doc := documents.get(s.doc_id)) is not None
    ]
    if not sentences:
        return None
    names = frozenset(n for _, t in sentences for n in _names(t))
    return _Profile(index, event, d.start, d.end, frozenset(event.doc_ids), sentences, names)


def _add_other_days(profiles: list[_Profile], events: list[Event]) -> None:
    """The other dates each profile's sentences give ("X met Y on Wednesday, the press
    service said on Thursday" dates the meeting and the saying)."""
    by_sentence: dict[tuple[str, int, int], set[tuple[date, date]]] = defaultdict(set)
    for e in events:
        for s in e.sources:
            by_sentence[(s.doc_id, s.start, s.end)].add((e.date.start, e.date.end))
    for p in profiles:
        days = (by_sentence[(s.doc_id, s.start, s.end)] for s in events[p.index].sources)
        p.other_days = frozenset().union(*days) - {(p.start, p.end)}


def _without_date(text: str, start: int, end: int, date_start: int, date_end: int) -> str:
    """The sentence with its date expression blanked: the dates differ by definition."""
    if start <= date_start and date_end <= end:
        return text[start:date_start] + " " * (date_end - date_start) + text[date_end:end]
    return text[start:end]


def _names(sentence: str) -> set[str]:
    """The last word of each capitalised run ("Motors" for "Halvorsen Motors", "Lukashenko"
    for "President Lukashenko"), the opening word too unless a function word ("The"),
    months and days left out. An opening "Protesters" counts: more pairs are compared
    and more articles tell dates apart, both on the safe side."""
    out = set()
    for run in _NAME.findall(" " + sentence):
        last = run.split()[-1].lower()
        if last not in _CALENDAR and last not in _STOP:
            out.add(last)
    return out


def _stems(sentence: str) -> frozenset[str]:
    """Content words of a sentence, cut to six letters ("talks"/"talked" agree)."""
    words = _WORD.findall(sentence.lower())
    return frozenset(w[:6] for w in words if w not in _STOP and w not in _CALENDAR)


def _allowed_gap(a: _Profile, b: _Profile) -> int:
    both_days = a.start == a.end and b.start == b.end
    return DAY_GAP if both_days else MAX_GAP


def _gap(a: _Profile, b: _Profile) -> int:
    """Days between two dates' intervals; 0 when they overlap (one inside the other)."""
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def _nested(a: _Profile, b: _Profile) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _alike_pairs(profiles: list[_Profile]) -> tuple[list[tuple[int, int]], set[int]]:
    """Pairs of events (by index) that could be one happening and lie close enough,
    and the events that have an alike event further than that (they recur)."""
    near: list[tuple[int, int]] = []
    recurring: set[int] = set()
    on_day: dict[tuple[date, date], list[_Profile]] = defaultdict(list)
    for p in profiles:
        on_day[(p.start, p.end)].append(p)
    for a, b in _candidates(profiles):
        if _nested(a, b) or not _alike(a, b):
            continue  # a date inside the other says more: merging's business, no dispute
        if _gap(a, b) > _allowed_gap(a, b):
            recurring.update((a.index, b.index))  # even when one article tells both
        elif _apart(a, b, on_day) or not _one_happening(a, b):
            continue
        else:
            near.append((a.index, b.index))
    return near, recurring


def _candidates(profiles: list[_Profile]) -> Iterator[tuple[_Profile, _Profile]]:
    """Pairs of events with different dates, within RECUR days, sharing a name: each name's
    events in date order, each compared with those starting at most RECUR days after it
    ends. Each pair once."""
    by_name: dict[str, list[_Profile]] = defaultdict(list)
    for p in profiles:
        for name in p.names:
            by_name[name].append(p)
    seen: set[tuple[int, int]] = set()
    for group in by_name.values():
        group.sort(key=lambda p: (p.start, p.end, p.index))
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if (b.start - a.end).days > RECUR:
                    break
                key = (min(a.index, b.index), max(a.index, b.index))
                if (a.start, a.end) != (b.start, b.end) and key not in seen:
                    seen.add(key)
                    yield a, b


def _told_apart(
    a: _Profile, b: _Profile, on_day: Mapping[tuple[date, date], list[_Profile]]
) -> bool:
    """An article of `b` also reports something of `a`'s names on `a`'s date (in another
    event): it knows both dates, so they are two happenings, not a disagreement."""
    return any(
        c is not a and c.docs & b.docs and c.names & a.names for c in on_day[(a.start, a.end)]
    )


def _apart(a: _Profile, b: _Profile, on_day: Mapping[tuple[date, date], list[_Profile]]) -> bool:
    """Told apart by the articles: one article reports both, or their sentences agree on
    another date (they differ on a side's: the day it was said), or an article of one
    reports something of the other's names on the other's date."""
    return bool(
        a.docs & b.docs
        or a.other_days & b.other_days
        or _other_day_fits(a, b)
        or _other_day_fits(b, a)
        or _told_apart(a, b, on_day)
        or _told_apart(b, a, on_day)
    )


def _other_day_fits(a: _Profile, b: _Profile) -> bool:
    """`b`'s sentences give another date close enough to `a`'s to be its happening ("held
    a meeting on Tuesday, the press service said on Wednesday" against "in late May"):
    which of `b`'s dates the other means is unclear, so none is joined."""
    allowed = _allowed_gap(a, b)
    return any(
        max((start - a.end).days, (a.start - end).days, 0) <= allowed for start, end in b.other_days
    )


def _alike(a: _Profile, b: _Profile) -> bool:
    """Told alike (both facts or both plans, no actor each lacks, figures that agree, the
    same wording); cheapest tests first."""
    if a.event.planned != b.event.planned:
        return False
    actors_a, actors_b = set(a.event.actors), set(b.event.actors)
    if actors_a - actors_b and actors_b - actors_a:
        return False  # each names someone the other does not
    if a.figures and b.figures and not (a.figures <= b.figures or b.figures <= a.figures):
        return False  # "closed at 41" / "closed at 44": two days' closes
    return any(jaccard(x, y) >= WORDING for x in a.words for y in b.words)


def _one_happening(a: _Profile, b: _Profile) -> bool:
    """`merge.py`'s own test, on their statements set to one date (the costliest test)."""
    merged = merge_candidates([*a.statements(), *b.statements()])
    return any(set(e.doc_ids) & a.docs and set(e.doc_ids) & b.docs for e in merged)


def _groups(near: list[tuple[int, int]], recurring: set[int]) -> list[set[int]]:
    """Events joined through near pairs, none of them recurring, each group of two or more
    in which every two events are a near pair (never two events merge.py kept apart, or
    two that are only alike through a third)."""
    pairs = {(min(i, j), max(i, j)) for i, j in near if i not in recurring and j not in recurring}
    group_of: dict[int, set[int]] = {}
    for i, j in sorted(pairs):
        gi, gj = group_of.get(i, {i}), group_of.get(j, {j})
        if gi is gj:
            continue
        if all((min(x, y), max(x, y)) in pairs for x in gi for y in gj):
            union = gi | gj
            for k in union:
                group_of[k] = union
    unique = {id(g): g for g in group_of.values()}
    return [g for g in unique.values() if len(g) > 1]


def _joined(members: list[Event], documents: Mapping[str, Document]) -> Event:
    """One event of `members`' sources, dated by the best confirmed date."""
    sources = sorted(
        (s for e in members for s in e.sources), key=lambda s: (s.doc_id, s.start, s.date_start)
    )
    first = next(e for e in members if sources[0] in e.sources)
    merged = Event(first.id, first.title, first.date, sources)
    best = date_support(merged, documents)[0].date
    titled = next(
        (e for e in members if (e.date.start, e.date.end) == (best.start, best.end)), first
    )
    merged.title, merged.date = titled.title, best
    merged.actors = list(dict.fromkeys(a for e in [titled, *members] for a in e.actors))
    return merged
