"""TimelineJS3 JSON files as timelines: `{"title", "events", "eras", "scale"}`.

Each slide of `events` becomes an event (dates by `tljs_dates`, the headline as its title,
`group` as its lane, `unique_id` as its id, the media's blockquote, credit and caption as
its quoted source, a display_date "Planned: …" as a planned event); the title slide names
the timeline. Eras have no place on our timeline, and slides that cannot be dated (no year,
a year outside 1–9999) or hold a field of the wrong type (a `group` that is an object) are
left out; both are reported as problems ("slide 3: left out: group is not a string"), never
as errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model import DateError, Document, Event, Problem, Timeline
from .checked import FieldError, described, text, valid_text
from .entries import Entry, entry_event, plain_text, unique_id
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
    problems: list[Problem] = []
    name = _name(data, path, problems)
    events: list[Event] = []
    documents: dict[str, Document] = {}
    seen: set[str] = set()
    for k, slide in enumerate(data.get("events") or [], start=1):
        label = slide.get("_where") if isinstance(slide, Mapping) else None  # a sheet's row
        where = f"{path.name}, {label if isinstance(label, str) else f'slide {k}'}"
        if not isinstance(slide, Mapping):
            problems.append(Problem(where, "not a slide object"))
            continue
        try:
            entry = _entry(slide, k)
        except ValueError as exc:  # DateError, FieldError
            problems.append(Problem(where, f"left out: {exc}"))
            continue
        entry.id = unique_id(entry.id, seen)
        event, doc = entry_event(entry, f"{path.name}#{entry.id}", path)
        events.append(event)
        documents[doc.id] = doc
    eras = data.get("eras") or []
    if isinstance(eras, list) and eras:
        problems.append(Problem(path.name, f"{len(eras)} era{'s' if len(eras) != 1 else ''} "
                                "(periods drawn behind the slides) not shown"))
    return Timeline(documents, events, problems, name)


def _name(data: Mapping[str, Any], path: Path, problems: list[Problem]) -> str:
    """The title slide's headline, else the file's name (a bad title slide is named)."""
    title = data.get("title")
    if title is None:
        return path.stem
    try:
        words = _object(_object(title, "title").get("text"), "the title's text")
        headline = text(words, "headline")
    except FieldError as exc:
        problems.append(Problem(f"{path.name}, title", f"not used: {exc}"))
        return path.stem
    return plain_text(headline) or path.stem


def _entry(slide: Mapping[str, Any], k: int) -> Entry:
    """The slide as an entry; raises DateError or FieldError naming the first bad field."""
    start = slide.get("start_date")
    if start is None:
        raise DateError("no start_date")
    display = text(slide, "display_date")
    if display is None and isinstance(start, Mapping):
        display = text(start, "display_date")
    end = slide.get("end_date")
    if end is not None and not isinstance(end, Mapping):
        raise FieldError(f"end_date is not an object ({described(end)})")
    date = from_timelinejs(start, end or None, display)
    words = _object(slide.get("text"), "text")
    media = _object(slide.get("media"), "media")
    url = text(media, "url") or ""
    quote = plain_text(url) if url.lstrip().lower().startswith("<blockquote") else ""
    body = plain_text(text(words, "text"))
    if url and not quote:
        body = f"{body}\n\nMedia: {url.strip()}".strip()
    headline = plain_text(text(words, "headline")).replace("\n", " ")
    title = headline or (body.split("\n")[0][:120] if body else "") or "(untitled slide)"
    return Entry(
        id=_slide_id(slide) or f"slide-{k}",
        title=title,
        date=date,
        group=(text(slide, "group") or "").strip() or None,
        body=body,
        quote=quote,
        credit=plain_text(text(media, "credit")),
        caption=plain_text(text(media, "caption")),
        date_text=display.strip() if display else "",
        planned=is_planned_display(display),
    )


def _slide_id(slide: Mapping[str, Any]) -> str | None:
    """`unique_id`: a string, or a number as some hand-written files have it."""
    value = slide.get("unique_id")
    if value is None or isinstance(value, str):
        return valid_text(value) if value else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise FieldError(f"unique_id is not a string ({described(value)})")


def _object(value: Any, what: str) -> Mapping[str, Any]:
    """An object field (an absent one is empty)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise FieldError(f"{what} is not an object ({described(value)})")
    return value
