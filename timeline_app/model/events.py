"""Events: something that happened, when, and where each article says so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .dates import FuzzyDate

__all__ = ["Event", "Source", "TimeNote", "clean_tags"]


@dataclass(frozen=True, slots=True)
class TimeNote:
    """A time expression of a source's sentence that dates no event: a comparison base
    ("since 1998"), a bound or deadline ("by 2027"), generic time ("today's world").

    Kept so the detail pane can show it as context ("since 1998 — comparison"); it is
    never put on the axis. Offsets are into the document's text; `role` is a word for a
    reader: "comparison", "bound", "deadline", "generic".
    """

    start: int
    end: int
    text: str
    role: str


@dataclass(frozen=True, slots=True)
class Source:
    """One article's statement of an event: the sentence and the date expression in it.

    Offsets are Python string offsets into the document's text. `date_start`/`date_end`
    may point outside the sentence when the date came from the article's header (an
    undated lead sentence dated by publication).
    """

    doc_id: str
    start: int
    end: int
    date_start: int
    date_end: int
    date_text: str
    date: FuzzyDate
    planned: bool = False  # a plan, deadline or forecast: not (yet) a fact
    context: tuple[TimeNote, ...] = ()  # the sentence's other, non-dating time expressions
    wire: str = ""  # the family of copies of one wire story the article belongs to, if any


@dataclass(slots=True)
class Event:
    """A happening on the timeline. Several sources may report the same event.

    `actors` are the people and organisations its sources name, in canonical form
    (filled by ingest after merging; empty for hand-built events). `hidden` and `edited`
    (the names of the fields a user changed: "date", "title", ...) come from user edits.

    The analyst's marks, also from edits: `starred` (a key event), `tags` (free words, in
    the order given, unique regardless of case: see `clean_tags`) and a plain-text `note`.
    `added` says the user made the event by hand: ingest never merges it with another.
    """

    id: str
    title: str
    date: FuzzyDate
    sources: list[Source] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    hidden: bool = False
    edited: set[str] = field(default_factory=set)
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    note: str = ""
    added: bool = False

    @property
    def planned(self) -> bool:
        """Every source speaks of it as planned or expected, none as having happened."""
        return bool(self.sources) and all(s.planned for s in self.sources)

    @property
    def disputed(self) -> bool:
        """Its sources date it differently: two of their dates where neither contains the
        other ("3 May" / "4 May"; "early January" / "15 January"; not "January" / "3
        January", which only says more)."""
        first = self.sources[0].date if self.sources else None
        if all(s.date is first for s in self.sources):  # one date (decoded dates are shared)
            return False
        dates = list({(s.date.start, s.date.end): s.date for s in self.sources}.values())
        return any(
            not (a.contains(b) or b.contains(a))
            for i, a in enumerate(dates)
            for b in dates[i + 1 :]
        )

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(s.doc_id for s in self.sources))


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as an event keeps them: blanks collapsed, empty ones dropped, and only the first
    of those that differ in case alone ("CSTO", "csto"): a tag is one word for the analyst."""
    kept: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag:
            kept.setdefault(tag.casefold(), tag)
    return list(kept.values())
