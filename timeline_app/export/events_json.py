"""Events as JSON records for other tools (`timeline-app events PATH --format json`)."""

from __future__ import annotations

from typing import Any

from ..model import Event, Timeline

__all__ = ["event_record", "timeline_records"]


def event_record(event: Event, timeline: Timeline) -> dict[str, Any]:
    """One event: its interval (ISO, inclusive), precision and every source's offsets."""
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
        "edited": sorted(event.edited),
        "actors": list(event.actors),
        "sources": [
            {
                "file": s.doc_id,
                "start": s.start,
                "end": s.end,
                "sentence": timeline.documents[s.doc_id].text[s.start : s.end]
                if s.doc_id in timeline.documents
                else None,
                "text": s.date_text,
                "date_start": s.date_start,
                "date_end": s.date_end,
                "date": s.date.iso(),
                "inferred": s.date.inferred,
            }
            for s in event.sources
        ],
    }


def timeline_records(timeline: Timeline) -> list[dict[str, Any]]:
    """Every event the user has not hidden."""
    return [event_record(e, timeline) for e in timeline.events if not e.hidden]
