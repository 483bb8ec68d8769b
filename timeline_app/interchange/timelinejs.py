"""TimelineJS3 JSON files as timelines: `{"title", "events", "eras", "scale"}`.

Each slide of `events` becomes an event (dates by `tljs_dates`, the headline as its title,
`group` as its lane, `unique_id` as its id, the media's blockquote, credit and caption as
its quoted source, a display_date "Planned: …" as a planned event); the title slide names
the timeline. Eras have no place on our
timeline, and slides that cannot be dated (no year, a year outside 1–9999) are left out;
both are reported as problems, never as errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model import DateError, Document, Event, Problem, Timeline
from .entries import Entry, entry_event, plain_text
from .tljs_dates import from_timelinejs, is_planned_display

__all__ = ["is_timelinejs", "timeline_from_timelinejs"]


def is_timelinejs(data: Any) -> bool:
    """Whether parsed JSON looks like a TimelineJS document (slides with start dates)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("events"), list):
        return False
    slides = [s for s in data["events"] if isinstance(s, Mapping)]
    return any("start_date" in s for s in slides) or (
        not slides and isinstance(data.get("title"), Mapping))


def timeline_from_timelinejs(data: Mapping[str, Any], path: Path) -> Timeline:
    """The timeline of a TimelineJS document read from `path` (which names the events'
    documents: `NAME#ID`)."""
    title = data.get("title") if isinstance(data.get("title"), Mapping) else {}
    name = plain_text(_text(title).get("headline")) or path.stem
    events: list[Event] = []
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    seen: set[str] = set()
    for k, slide in enumerate(data.get("events") or [], start=1):
        label = slide.get("_where") if isinstance(slide, Mapping) else None
        where = f"{path.name}, {label or f'slide {k}'}"
        if not isinstance(slide, Mapping):
            problems.append(Problem(where, "not a slide object"))
            continue
        try:
            entry = _entry(slide, k)
        except DateError as exc:
            problems.append(Problem(where, f"left out: {exc}"))
            continue
        entry.id = _unique(entry.id, seen)
        event, doc = entry_event(entry, f"{path.name}#{entry.id}", path)
        events.append(event)
        documents[doc.id] = doc
    eras = data.get("eras") or []
    if isinstance(eras, list) and eras:
        problems.append(Problem(path.name, f"{len(eras)} era{'s' if len(eras) != 1 else ''} "
                                "(periods drawn behind the slides) not shown"))
    return Timeline(documents, events, problems, name)


def _entry(slide: Mapping[str, Any], k: int) -> Entry:
    start = slide.get("start_date")
    if start is None:
        raise DateError("no start_date")
    display = slide.get("display_date") or _mapping(start).get("display_date")
    date = from_timelinejs(start, _mapping(slide.get("end_date")) or None,
                           display if isinstance(display, str) else None)
    text = _text(slide)
    media = _mapping(slide.get("media"))
    url = media.get("url") if isinstance(media.get("url"), str) else ""
    quote = plain_text(url) if url.lstrip().lower().startswith("<blockquote") else ""
    body = plain_text(text.get("text"))
    if url and not quote:
        body = f"{body}\n\nMedia: {url.strip()}".strip()
    headline = plain_text(text.get("headline")).replace("\n", " ")
    title = headline or (body.split("\n")[0][:120] if body else "") or "(untitled slide)"
    return Entry(
        id=str(slide.get("unique_id") or f"slide-{k}"),
        title=title,
        date=date,
        group=str(slide.get("group") or "").strip() or None,
        body=body,
        quote=quote,
        credit=plain_text(media.get("credit")),
        caption=plain_text(media.get("caption")),
        date_text=display.strip() if isinstance(display, str) else "",
        planned=isinstance(display, str) and is_planned_display(display),
    )


def _text(obj: Mapping[str, Any]) -> Mapping[str, Any]:
    return _mapping(obj.get("text"))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _unique(event_id: str, seen: set[str]) -> str:
    """Ids must be unique on a timeline; a repeated unique_id gets a suffix."""
    candidate, n = event_id, 2
    while candidate in seen:
        candidate, n = f"{event_id}-{n}", n + 1
    seen.add(candidate)
    return candidate
