"""Events: something that happened, when, and where each article says so."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import FuzzyDate

__all__ = ["Event", "Source"]


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


@dataclass(slots=True)
class Event:
    """A happening on the timeline. Several sources may report the same event.

    `actors` are the people and organisations its sources name, in canonical form
    (filled by ingest after merging; empty for hand-built events). `hidden` and `edited`
    (the names of the fields a user changed: "date", "title", ...) come from user edits.
    """

    id: str
    title: str
    date: FuzzyDate
    sources: list[Source] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    hidden: bool = False
    edited: set[str] = field(default_factory=set)

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(s.doc_id for s in self.sources))
