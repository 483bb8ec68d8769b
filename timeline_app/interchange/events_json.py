"""Our own event JSON read back: what `timeline-app events --format json` writes.

Accepted: a list of event records, or `{"title": ..., "events": [...]}` (the title a string
or a TimelineJS-style `{"text": {"headline"}}`). The articles themselves are not in the
file, only the sentences that report each event, so each cited file becomes a document
holding those sentences (in their original order, offsets moved to match) with the group
of the events it is first cited by as its outlet. A source's `planned` mark (by default the
event's) and its time context come back with it, the context's offsets moved with the
sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model import DateError, Document, Event, FuzzyDate, Problem, Source, Timeline, TimeNote
from .entries import Entry, entry_event

__all__ = ["is_event_records", "timeline_from_records"]


def is_event_records(data: Any) -> bool:
    """Whether parsed JSON is a list of our records (or a `{"events": [...]}` of them)."""
    records = data.get("events") if isinstance(data, Mapping) else data
    return (isinstance(records, list) and bool(records)
            and all(isinstance(r, Mapping) and "precision" in r and "date" in r
                    for r in records))


def timeline_from_records(data: Any, path: Path) -> Timeline:
    """The timeline of our event JSON read from `path`."""
    records = data.get("events") if isinstance(data, Mapping) else data
    name = data.get("title") if isinstance(data, Mapping) else None
    if isinstance(name, Mapping):
        name = (name.get("text") or {}).get("headline")
    events, problems = [], []
    sentences: dict[str, dict[tuple[int, int], str]] = {}
    outlets: dict[str, str | None] = {}
    parsed = []
    for k, r in enumerate(records or [], start=1):
        try:
            date = _date(r)
        except (DateError, TypeError, ValueError) as exc:
            problems.append(Problem(f"{path.name}, event {k}", f"left out: {exc}"))
            continue
        sources = [s for s in r.get("sources") or [] if isinstance(s, Mapping) and s.get("file")]
        for s in sources:
            span = (int(s.get("start") or 0), int(s.get("end") or 0))
            sentences.setdefault(str(s["file"]), {}).setdefault(span, s.get("sentence") or "")
        if sources:
            outlets.setdefault(str(sources[0]["file"]), r.get("group") or None)
        parsed.append((r, date, sources, k))
    documents, moved = _documents(sentences, outlets, path)
    for r, date, sources, k in parsed:
        event_id = str(r.get("id") or f"event-{k}")
        title = str(r.get("title") or "(untitled)")
        planned = bool(r.get("planned"))
        if sources:
            event = Event(event_id, title, date,
                          [_source(s, moved, date, planned) for s in sources],
                          [str(a) for a in r.get("actors") or []])
        elif r.get("group") or planned:  # no source: a small document carries the mark
            entry = Entry(event_id, title, date, str(r.get("group") or "") or None,
                          planned=planned)
            event, doc = entry_event(entry, f"{path.name}#{event_id}", path)
            documents[doc.id] = doc
        else:
            event = Event(event_id, title, date, actors=[str(a) for a in r.get("actors") or []])
        event.edited = {str(e) for e in r.get("edited") or []}
        events.append(event)
    return Timeline(documents, events, problems, str(name or path.stem))


def _date(r: Mapping[str, Any]) -> FuzzyDate:
    date = FuzzyDate.from_iso(str(r["date"]), part=r.get("part") or None,
                              inferred=bool(r.get("inferred")))
    if r.get("precision") and r["precision"] != date.precision.value:
        raise DateError(f"date {r['date']} is not of {r['precision']} precision")
    return date


def _documents(sentences: dict[str, dict[tuple[int, int], str]],
               outlets: dict[str, str | None], path: Path
               ) -> tuple[dict[str, Document], dict[tuple[str, int, int], int]]:
    """A document per cited file and where each (file, start, end) sentence now starts."""
    documents, moved = {}, {}
    for file, spans in sentences.items():
        text = ""
        for (start, end), sentence in sorted(spans.items()):
            moved[(file, start, end)] = len(text)
            text += (sentence or "") + "\n\n"
        documents[file] = Document(file, path.parent / file, text, title=file,
                                   outlet=outlets.get(file))
    return documents, moved


def _source(s: Mapping[str, Any], moved: dict[tuple[str, int, int], int],
            fallback: FuzzyDate, planned: bool) -> Source:
    """The source with its offsets moved into the rebuilt document; `planned`: the event's
    mark, for sources written without their own."""
    file, start, end = str(s["file"]), int(s.get("start") or 0), int(s.get("end") or 0)
    at = moved[(file, start, end)]
    length = len(s.get("sentence") or "")
    d0, d1 = int(s.get("date_start") or 0), int(s.get("date_end") or 0)
    if start <= d0 <= d1 <= end:  # the date expression inside the sentence moves with it
        d0, d1 = at + d0 - start, at + d1 - start
    else:  # it was in the article's header, which the file does not hold
        d0 = d1 = at
    try:
        date = FuzzyDate.from_iso(str(s["date"]), inferred=bool(s.get("inferred")))
    except (KeyError, DateError):
        date = fallback
    context = tuple(n for c in s.get("context") or [] if (n := _note(c, start, end, at)))
    return Source(file, at, at + length, d0, d1, str(s.get("text") or ""), date,
                  bool(s.get("planned", planned)), context)


def _note(c: Any, start: int, end: int, at: int) -> TimeNote | None:
    """A context note moved with its sentence (to the sentence's start if outside it);
    None for one that is not an object with integer offsets."""
    if not isinstance(c, Mapping):
        return None
    try:
        n0, n1 = int(c.get("start") or 0), int(c.get("end") or 0)
    except (TypeError, ValueError):
        return None
    n0, n1 = (at + n0 - start, at + n1 - start) if start <= n0 <= n1 <= end else (at, at)
    return TimeNote(n0, n1, str(c.get("text") or ""), str(c.get("role") or ""))
