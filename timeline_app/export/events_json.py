"""Events as JSON records for other tools (`timeline-app events PATH --format json`)."""

from __future__ import annotations

from typing import Any

from ..model import Event, Source, Timeline, TimeNote

__all__ = ["context_words", "event_group", "event_record", "source_sentence",
           "timeline_records"]


def event_group(event: Event, timeline: Timeline) -> str | None:
    """The outlet of the event's first source: its lane "by outlet", TimelineJS's `group`.

    None when that article names no outlet (the view then shows the article's title).
    """
    for s in event.sources:
        doc = timeline.documents.get(s.doc_id)
        if doc is not None:
            return doc.outlet or None
    return None


def source_sentence(timeline: Timeline, doc_id: str, start: int, end: int) -> str | None:
    """The text a source points at, or None when its document is not loaded."""
    doc = timeline.documents.get(doc_id)
    return doc.text[start:end] if doc is not None else None


def context_words(notes: tuple[TimeNote, ...]) -> str:
    """A source's time context in words: "since 1998 (comparison); by 2027 (deadline)"."""
    return "; ".join(f"{n.text} ({n.role})" for n in notes)


def event_record(event: Event, timeline: Timeline) -> dict[str, Any]:
    """One event: its interval (ISO, inclusive), precision, whether it is only planned,
    and every source's offsets and time context."""
    d = event.date
    return {
        "id": event.id,
        "title": event.title,
        "start": d.start.isoformat(),
        "end": d.end.isoformat(),
        "date": d.iso(),
        "label": d.label(),
        "precision": d.precision.value,
        "part": d.part.value if d.part else None,
        "inferred": d.inferred,
        "planned": event.planned,
        "edited": sorted(event.edited),
        "group": event_group(event, timeline),
        "actors": list(event.actors),
        "sources": [_source_record(s, timeline) for s in event.sources],
    }


def _source_record(s: Source, timeline: Timeline) -> dict[str, Any]:
    return {
        "file": s.doc_id,
        "start": s.start,
        "end": s.end,
        "sentence": source_sentence(timeline, s.doc_id, s.start, s.end),
        "text": s.date_text,
        "date_start": s.date_start,
        "date_end": s.date_end,
        "date": s.date.iso(),
        "inferred": s.date.inferred,
        "planned": s.planned,
        "context": [{"start": n.start, "end": n.end, "text": n.text, "role": n.role}
                    for n in s.context],
    }


def timeline_records(timeline: Timeline) -> list[dict[str, Any]]:
    """Every event the user has not hidden."""
    return [event_record(e, timeline) for e in timeline.events if not e.hidden]
