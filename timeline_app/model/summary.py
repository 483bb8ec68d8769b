"""A corpus at a glance: what an analyst wants to know before choosing an event.

How many documents from which outlets, the span the events cover and the eras they are set
in, how they spread over the years, how many are planned rather than done, and how many
files could not be read. Plain
data and plain-text lines; the window shows them in the detail pane until an event is
chosen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from .documents import Document
from .events import Event
from .lazy_documents import LazyDocuments
from .lazy_events import EventFacts, LazyEvents
from .timeline import Timeline

__all__ = ["UNKNOWN_OUTLET", "CorpusSummary", "summarize"]

UNKNOWN_OUTLET = "Unknown outlet"  # articles that name none: one group, never their titles
_TOP_OUTLETS = 8
_BAR = 24  # characters of the longest year bar
_MAX_ROWS = 24  # more distinct years than this are counted by decade


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    name: str
    documents: int
    outlets: tuple[tuple[str, int], ...]  # (outlet, documents), most documents first
    events: int
    planned: int
    first: date | None
    last: date | None
    by_year: tuple[tuple[int, int], ...]  # (year, events starting in it), in year order
    problems: int
    eras: tuple[tuple[str, str], ...] = ()  # (name, dates in words), in the order they start

    def lines(self) -> list[str]:
        """The summary as plain-text lines (data from documents is never markup)."""
        out = [self.name or "Timeline", ""]
        out.append(
            f"{self.documents} document{_s(self.documents)}, "
            f"{self.events} event{_s(self.events)}"
            + (f" ({self.planned} planned)" if self.planned else "")
        )
        if self.first and self.last:
            out.append(f"Dates: {self.first.isoformat()} – {self.last.isoformat()}")
        if self.eras:
            out += ["", f"Eras ({len(self.eras)}):"]
            out += [f"  {name or '(unnamed)'} — {dates}" for name, dates in self.eras]
        if self.outlets:
            out += ["", f"Outlets ({len(self.outlets)}):"]
            out += [f"  {name} — {n}" for name, n in self.outlets[:_TOP_OUTLETS]]
            rest = sum(n for _, n in self.outlets[_TOP_OUTLETS:])
            if rest:
                out.append(f"  {len(self.outlets) - _TOP_OUTLETS} more — {rest}")
        if self.by_year:
            rows = self.spread()
            top = max(n for _, n in rows)
            out += ["", "Events by decade:" if rows[0][0].endswith("s") else "Events by year:"]
            out += [f"  {k:>5}  {'█' * max(1, round(_BAR * n / top))} {n}" for k, n in rows]
        if self.problems:
            out += [
                "",
                f"{self.problems} file{_s(self.problems)} could not be fully read "
                "(View › Import problems)",
            ]
        return out

    def spread(self) -> list[tuple[str, int]]:
        """Events per year, or per decade when they spread over more than a screenful of
        years (a thousand-year corpus must not list a thousand lines)."""
        if len(self.by_year) <= _MAX_ROWS:
            return [(str(y), n) for y, n in self.by_year]
        decades: Counter[int] = Counter()
        for y, n in self.by_year:
            decades[y - y % 10] += n
        return [(f"{d}s", n) for d, n in sorted(decades.items())]


def summarize(
    timeline: Timeline,
    *,
    is_article: Callable[[Document], bool] = lambda d: True,
    facts: EventFacts | None = None,
) -> CorpusSummary:
    """The corpus in figures. `is_article` tells the documents read from the corpus from
    others the timeline holds (the sources a user typed in for events added by hand), which
    are neither counted as documents nor as an outlet's. `facts`, when given, are those of
    the timeline's events, known some faster way (the view's columns: a pass over 30,000
    events takes a tenth of a second)."""
    outlets = article_outlets(timeline.documents, is_article)
    events = timeline.events
    if facts is None:
        facts = events.facts if isinstance(events, LazyEvents) else _facts(events)
    return CorpusSummary(
        name=timeline.name,
        documents=outlets.total(),
        outlets=tuple(sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))),
        events=len(events),
        planned=facts.planned,
        first=facts.first,
        last=facts.last,
        by_year=tuple(sorted(facts.years.items())),
        problems=len(timeline.problems),
        eras=tuple(
            (era.label, era.date.label())
            for era in sorted(timeline.eras, key=lambda era: (era.date.start, era.date.end))
        ),
    )


def article_outlets(
    documents: Mapping[str, Document], is_article: Callable[[Document], bool]
) -> Counter[str]:
    """How many articles each outlet has; of documents decoded when first read, without
    decoding them (the folder's documents are all articles, the added ones are asked)."""
    if isinstance(documents, LazyDocuments):
        outlets = Counter(o or UNKNOWN_OUTLET for o in documents.stored_outlets())
        extra = documents.added.values()
    else:
        outlets, extra = Counter(), documents.values()
    outlets.update(d.outlet or UNKNOWN_OUTLET for d in extra if is_article(d))
    return outlets


def _facts(events: list[Event]) -> EventFacts:
    return EventFacts(
        Counter(e.date.start.year for e in events),
        sum(1 for e in events if e.planned),
        min((e.date.start for e in events), default=None),
        max((e.date.end for e in events), default=None),
    )


def _s(n: int) -> str:
    return "" if n == 1 else "s"
