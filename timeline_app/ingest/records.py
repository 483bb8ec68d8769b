"""Model objects to JSON-able records and back, for the extraction cache."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Document, Event, FuzzyDate, Source, Span, TimeNote
from ..temporal import Timex
from .extract import DatedStatement
from .names import Names

__all__ = [
    "date_out",
    "date_in",
    "document_out",
    "document_in",
    "event_out",
    "event_in",
    "names_out",
    "names_in",
    "statement_out",
    "statement_in",
    "timex_out",
    "timex_in",
]


def date_out(d: FuzzyDate | None) -> list[Any] | None:
    if d is None:
        return None
    out = [d.year, d.month, d.day, d.part.value if d.part else None, d.inferred]
    return out + [date_out(d.to)] if d.to is not None else out  # a span: its end last


def date_in(r: list[Any] | None) -> FuzzyDate | None:
    if r is None:
        return None
    if len(r) > 5:  # a span
        return FuzzyDate(r[0], r[1], r[2], r[3], r[4], date_in(r[5]))
    return _date_in(tuple(r))


@lru_cache(maxsize=1 << 16)
def _date_in(r: tuple[Any, ...]) -> FuzzyDate:
    """Dates repeat (a merged corpus has ~10 sources per distinct date) and are immutable:
    build each once, since validating one is most of reading a cached event."""
    return FuzzyDate(r[0], r[1], r[2], r[3], r[4])


def _span_out(s: Span | None) -> list[Any] | None:
    return None if s is None else [s.start, s.end, s.kind]


def _span_in(r: list[Any] | None) -> Span | None:
    return None if r is None else Span(r[0], r[1], r[2])


def document_out(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": str(doc.path),
        "text": doc.text,
        "title": doc.title,
        "outlet": doc.outlet,
        "language": doc.language,
        "published": date_out(doc.published),
        "published_note": doc.published_note,
        "published_span": _span_out(doc.published_span),
        "day_first": doc.day_first,
        "non_story": [_span_out(s) for s in doc.non_story],
    }


def document_in(r: dict[str, Any]) -> Document:
    return Document(
        id=r["id"],
        path=Path(r["path"]),
        text=r["text"],
        title=r["title"],
        outlet=r["outlet"],
        language=r["language"],
        published=date_in(r["published"]),
        published_note=r["published_note"],
        published_span=_span_in(r["published_span"]),
        day_first=r["day_first"],
        non_story=[Span(*s) for s in r["non_story"]],
    )


def timex_out(t: Timex) -> list[Any]:
    return [t.start, t.end, t.text, t.type, t.value, t.mod, t.inferred]


def timex_in(r: list[Any]) -> Timex:
    return Timex(*r)


def names_out(n: Names) -> dict[str, Any]:
    return {"acronyms": n.acronyms, "persons": n.persons}


def names_in(r: dict[str, Any]) -> Names:
    return Names(dict(r["acronyms"]), dict(r["persons"]))


def event_out(e: Event) -> list[Any]:
    return [
        e.id,
        e.title,
        date_out(e.date),
        e.actors,
        [_source_out(s) for s in e.sources],
    ]


def event_in(r: list[Any]) -> Event:
    sources = [_source_in(s) for s in r[4]]
    return Event(r[0], r[1], date_in(r[2]), sources, list(r[3]))  # type: ignore[arg-type]


def _source_out(s: Source) -> list[Any]:
    out = [s.doc_id, s.start, s.end, s.date_start, s.date_end, s.date_text, date_out(s.date)]
    if s.planned or s.context or s.wire:
        out += [s.planned, [[n.start, n.end, n.text, n.role] for n in s.context]]
    return out + [s.wire] if s.wire else out


def _source_in(r: list[Any]) -> Source:
    """Seven fields; nine with the planned mark and the time context; ten with the wire."""
    d, a, b, c, e, t, dt = r[:7]
    planned, context = (r[7], tuple(TimeNote(*n) for n in r[8])) if len(r) > 7 else (False, ())
    wire = r[9] if len(r) > 9 else ""
    return Source(d, a, b, c, e, t, date_in(dt), planned, context, wire)  # type: ignore[arg-type]


def statement_out(placed: tuple[str, int, DatedStatement]) -> list[Any]:
    """A placed statement (its file's id, its number there, the statement) of a merge block."""
    rel, seq, c = placed
    return [rel, seq, _source_out(c.source), c.title, c.names_event, c.sentence]


def statement_in(r: list[Any]) -> tuple[str, int, DatedStatement]:
    return r[0], r[1], DatedStatement(_source_in(r[2]), r[3], r[4], r[5])
