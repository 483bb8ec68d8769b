"""Our own event JSON, written (`timeline-app events PATH --format json`) and read back.

Written (`event_json`): a list of event records (resources/timeline-events.schema.json),
one per event the user has not hidden (`timeline_records`); a timeline with eras (named
periods, from a TimelineJS file) is written as `{"title", "events", "eras"}`, each era a
`{"title", "date", "label", "start", "end", "part"}` record dated as an event is.

Read back (`timeline_from_records`): a list of event records, or `{"title": ..., "events":
[...], "eras": [...]}` (the title a string or a TimelineJS-style `{"text": {"headline"}}`;
an era that cannot be read is left out and named, the others kept). The articles
themselves are not in the file, only the sentences that report each event, so each cited
file becomes a document holding those sentences (in their original order, offsets moved to
match) with its sources' `outlet` as its outlet, else the group of the events it is first
cited by. A source's `planned` mark (by default the event's) and its time context come
back with it, the context's offsets moved with the sentence.

Every field is checked against resources/timeline-events.schema.json's types (fields the
schema requires but that can be done without, such as `id`, `start` or `sources`, may be
absent): a record with any field of the wrong type is left out and named by its number
and the field ("record 3: source 1: start is not a number ('abc')"); the others load.

The analyst's marks are written and read back: `starred`, `tags`, `note`, `added` (made by
hand), and each source's `wire` (the family of copies of one wire story its article is in)
and `outlet` (its article's; the rebuilt document's outlet, else the event's group).
`disputed` and `date_support` (each date the sources give, with the number of independent
outlets that give it: `model.outlets`) are written for other tools and recomputed from the
sources when the file is read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checked import FieldError, described, flag, needed_text, objects, strings, text, whole
from ..model import (
    DateError,
    Document,
    Era,
    Event,
    FuzzyDate,
    Problem,
    Source,
    Timeline,
    TimeNote,
    clean_tags,
)
from .analyst import date_counts, is_disputed
from .entries import Entry, entry_event, unique_id
from .indented_json import indented

__all__ = [
    "context_words",
    "era_record",
    "event_group",
    "event_json",
    "event_record",
    "is_event_records",
    "source_sentence",
    "timeline_from_records",
    "timeline_records",
]

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PRECISIONS = ("year", "month", "day")
_PARTS = ("early", "mid", "late")


def is_event_records(data: Any) -> bool:
    """Whether parsed JSON is a list of our records (or a `{"events": [...]}` of them): some
    record has our `date` and `precision` (the others are checked, and named, when read),
    or there are none but eras of ours."""
    records = data.get("events") if isinstance(data, Mapping) else data
    eras = data.get("eras") if isinstance(data, Mapping) else None
    return isinstance(records, list) and (
        any(isinstance(r, Mapping) and "precision" in r and "date" in r for r in records)
        or (not records and isinstance(eras, list) and any(_is_era_record(r) for r in eras))
    )


def _is_era_record(r: Any) -> bool:
    """Ours (an ISO `date`), not TimelineJS's (a `start_date` object)."""
    return isinstance(r, Mapping) and isinstance(r.get("date"), str)


@dataclass(slots=True)
class _Source:
    file: str
    start: int
    end: int
    sentence: str
    date_text: str
    date_start: int
    date_end: int
    date: FuzzyDate | None
    planned: bool
    context: list[tuple[int, int, str, str]]
    wire: str = ""
    outlet: str | None = None


@dataclass(slots=True)
class _Record:
    id: str
    title: str
    date: FuzzyDate
    planned: bool
    group: str | None
    actors: list[str]
    edited: list[str]
    sources: list[_Source]
    starred: bool = False
    tags: list[str] = field(default_factory=list)
    note: str = ""
    added: bool = False


def timeline_from_records(data: Any, path: Path) -> Timeline:
    """The timeline of our event JSON read from `path`."""
    records = data.get("events") if isinstance(data, Mapping) else data
    problems, parsed = [], []
    for k, r in enumerate(records or [], start=1):
        try:
            parsed.append(_record(r, k))
        except ValueError as exc:  # FieldError, DateError, a bad part
            problems.append(Problem(f"{path.name}, record {k}", f"left out: {exc}"))
    sentences: dict[str, dict[tuple[int, int], str]] = {}
    outlets: dict[str, str | None] = {}
    for rec in parsed:
        for s in rec.sources:
            sentences.setdefault(s.file, {}).setdefault((s.start, s.end), s.sentence)
            if s.outlet:  # the article's own outlet, where the file says it
                outlets.setdefault(s.file, s.outlet)
        if rec.sources:
            outlets.setdefault(rec.sources[0].file, rec.group)
    documents, moved = _documents(sentences, outlets, path)
    events, seen = [], set()
    for rec in parsed:
        event_id = unique_id(rec.id, seen)
        if rec.sources:
            event = Event(
                event_id,
                rec.title,
                rec.date,
                [_source(s, moved, rec.date) for s in rec.sources],
                rec.actors,
            )
        elif rec.group or rec.planned:  # no source: a small document carries the mark
            entry = Entry(event_id, rec.title, rec.date, rec.group, planned=rec.planned)
            event, doc = entry_event(entry, f"{path.name}#{event_id}", path)
            documents[doc.id] = doc
        else:
            event = Event(event_id, rec.title, rec.date, actors=rec.actors)
        event.edited = set(rec.edited)
        event.starred, event.tags, event.note, event.added = (
            rec.starred,
            rec.tags,
            rec.note,
            rec.added,
        )
        events.append(event)
    eras = _eras(data.get("eras") if isinstance(data, Mapping) else None, path, problems)
    return Timeline(documents, events, problems, _name(data) or path.stem, eras)


def _eras(eras: Any, path: Path, problems: list[Problem]) -> list[Era]:
    """The file's eras; one with a field of the wrong type is left out and named."""
    if eras is None:
        return []
    if not isinstance(eras, list):
        problems.append(Problem(f"{path.name}, eras", f"not used: not a list ({described(eras)})"))
        return []
    kept = []
    for k, r in enumerate(eras, start=1):
        try:
            if not isinstance(r, Mapping):
                raise FieldError(f"not an object ({described(r)})")
            part = text(r, "part")
            if part is not None and part not in _PARTS:
                raise FieldError(f"part is not one of {', '.join(_PARTS)} ({described(part)})")
            date = FuzzyDate.from_iso(needed_text(r, "date"), part=part or None)
            kept.append(Era((text(r, "title") or "").strip(), date))
        except ValueError as exc:  # FieldError, DateError
            problems.append(Problem(f"{path.name}, era {k}", f"left out: {exc}"))
    return kept


def _name(data: Any) -> str | None:
    """The file's title: a string, or TimelineJS's {"text": {"headline"}}; else none."""
    name = data.get("title") if isinstance(data, Mapping) else None
    if isinstance(name, Mapping):
        inner = name.get("text")
        name = inner.get("headline") if isinstance(inner, Mapping) else None
    return (name.strip() or None) if isinstance(name, str) else None


def _record(r: Any, k: int) -> _Record:
    """One record, every field checked; raises ValueError naming the first bad one."""
    if not isinstance(r, Mapping):
        raise FieldError(f"not an object ({described(r)})")
    title = needed_text(r, "title")
    for key in ("start", "end"):  # written for other tools; the date says the same
        day = text(r, key)
        if day is not None and not _ISO_DAY.fullmatch(day):
            raise FieldError(f"{key} is not a date of the form 2023-11-23 ({described(day)})")
    text(r, "label")
    planned = flag(r, "planned")
    return _Record(
        id=text(r, "id") or f"event-{k}",
        title=title.strip() or "(untitled)",
        date=_date(r),
        planned=planned,
        group=text(r, "group") or None,
        actors=strings(r, "actors"),
        edited=strings(r, "edited"),
        sources=[_checked_source(s, i, planned) for i, s in enumerate(objects(r, "sources"), 1)],
        starred=flag(r, "starred"),
        tags=clean_tags(strings(r, "tags")),
        note=text(r, "note") or "",
        added=flag(r, "added"),
    )


def _date(r: Mapping[str, Any]) -> FuzzyDate:
    iso, precision = needed_text(r, "date"), needed_text(r, "precision")
    if precision not in _PRECISIONS:
        raise FieldError(
            f"precision is not one of {', '.join(_PRECISIONS)} ({described(precision)})"
        )
    part = text(r, "part")
    if part is not None and part not in _PARTS:
        raise FieldError(f"part is not one of {', '.join(_PARTS)} ({described(part)})")
    date = FuzzyDate.from_iso(iso, part=part or None, inferred=flag(r, "inferred"))
    if precision != date.precision.value:
        raise DateError(f"date {iso} is not of {precision} precision")
    return date


def _checked_source(s: Mapping[str, Any], i: int, planned: bool) -> _Source:
    try:
        start, end = whole(s, "start"), whole(s, "end")
        if end < start:
            raise FieldError(f"end ({end}) is before start ({start})")
        file, iso = text(s, "file"), text(s, "date")
        if not file:
            raise FieldError("no file")
        return _Source(
            file=file,
            start=start,
            end=end,
            sentence=text(s, "sentence") or "",
            date_text=text(s, "text") or "",
            date_start=whole(s, "date_start"),
            date_end=whole(s, "date_end"),
            date=FuzzyDate.from_iso(iso, inferred=flag(s, "inferred")) if iso else None,
            planned=flag(s, "planned", default=planned),
            context=[_note(c, j) for j, c in enumerate(objects(s, "context"), 1)],
            wire=text(s, "wire") or "",
            outlet=text(s, "outlet") or None,
        )
    except ValueError as exc:
        raise FieldError(f"source {i}: {exc}") from None


def _note(c: Mapping[str, Any], j: int) -> tuple[int, int, str, str]:
    try:
        return whole(c, "start"), whole(c, "end"), text(c, "text") or "", text(c, "role") or ""
    except FieldError as exc:
        raise FieldError(f"context {j}: {exc}") from None


def _documents(
    sentences: dict[str, dict[tuple[int, int], str]], outlets: dict[str, str | None], path: Path
) -> tuple[dict[str, Document], dict[tuple[str, int, int], int]]:
    """A document per cited file and where each (file, start, end) sentence now starts."""
    documents, moved = {}, {}
    for file, spans in sentences.items():
        body = ""
        for (start, end), sentence in sorted(spans.items()):
            moved[(file, start, end)] = len(body)
            body += sentence + "\n\n"
        documents[file] = Document(
            file, path.parent / file, body, title=file, outlet=outlets.get(file)
        )
    return documents, moved


def _source(s: _Source, moved: dict[tuple[str, int, int], int], fallback: FuzzyDate) -> Source:
    """The source with its offsets moved into the rebuilt document."""
    at = moved[(s.file, s.start, s.end)]
    d0, d1 = s.date_start, s.date_end
    if s.start <= d0 <= d1 <= s.end:  # the date expression inside the sentence moves with it
        d0, d1 = at + d0 - s.start, at + d1 - s.start
    else:  # it was in the article's header, which the file does not hold
        d0 = d1 = at
    context = tuple(_moved_note(n, s.start, s.end, at) for n in s.context)
    return Source(
        s.file,
        at,
        at + len(s.sentence),
        d0,
        d1,
        s.date_text,
        s.date or fallback,
        s.planned,
        context,
        s.wire,
    )


def _moved_note(n: tuple[int, int, str, str], start: int, end: int, at: int) -> TimeNote:
    """A context note moved with its sentence (to the sentence's start if outside it)."""
    n0, n1, words, role = n
    n0, n1 = (at + n0 - start, at + n1 - start) if start <= n0 <= n1 <= end else (at, at)
    return TimeNote(n0, n1, words, role)


# Writing


def event_group(event: Event, timeline: Timeline) -> str | None:
    """The outlet of the event's first source: its lane "by outlet", TimelineJS's `group`.

    None when that article names no outlet (the view then shows it under "Unknown outlet").
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


def event_record(
    event: Event, timeline: Timeline, iso: Callable[[FuzzyDate], str] = FuzzyDate.iso
) -> dict[str, Any]:
    """One event: its interval (ISO, inclusive), precision, whether it is only planned,
    and every source's offsets and time context. `iso` writes a source's date (a writer
    of many events remembers the dates it wrote: sources share them)."""
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
        "sources": [_source_record(s, timeline, iso) for s in event.sources],
        "starred": event.starred,
        "tags": list(event.tags),
        "note": event.note,
        "added": event.added,
        "disputed": is_disputed(event),
        "date_support": [
            {"date": c.date.iso(), "label": c.date.label(), "outlets": c.outlets}
            for c in date_counts(event, timeline)
        ],
    }


def _source_record(
    s: Source, timeline: Timeline, iso: Callable[[FuzzyDate], str]
) -> dict[str, Any]:
    doc = timeline.documents.get(s.doc_id)
    return {
        "file": s.doc_id,
        "start": s.start,
        "end": s.end,
        "sentence": doc.text[s.start : s.end] if doc is not None else None,
        "text": s.date_text,
        "date_start": s.date_start,
        "date_end": s.date_end,
        "date": iso(s.date),
        "inferred": s.date.inferred,
        "planned": s.planned,
        "context": [
            {"start": n.start, "end": n.end, "text": n.text, "role": n.role} for n in s.context
        ],
        "wire": s.wire,
        "outlet": doc.outlet or None if doc is not None else None,
    }


def _remembered_iso() -> Callable[[FuzzyDate], str]:
    """`FuzzyDate.iso`, each date object's text made once: the sources of a merged corpus
    share their date objects (`ingest.records.date_in`): 168,000 sources, 12,000 date
    objects at 10,000 articles. Kept by the object's id with the object itself, for one
    writing: no other date takes its id meanwhile."""
    known: dict[int, tuple[FuzzyDate, str]] = {}

    def iso(d: FuzzyDate) -> str:
        kept = known.get(id(d))
        if kept is None:
            kept = known[id(d)] = (d, d.iso())
        return kept[1]

    return iso


def timeline_records(timeline: Timeline) -> list[dict[str, Any]]:
    """Every event the user has not hidden."""
    return [event_record(e, timeline) for e in timeline.events if not e.hidden]


def era_record(era: Era) -> dict[str, Any]:
    """An era: its name, and its date as an event's (ISO, words, first and last day)."""
    d = era.date
    return {
        "title": era.label,
        "date": d.iso(),
        "label": d.label(),
        "start": d.start.isoformat(),
        "end": d.end.isoformat(),
        "part": d.part.value if d.part else None,
    }


def event_json(timeline: Timeline) -> list[dict[str, Any]] | dict[str, Any]:
    """What `--format json` writes: the records, or with eras `{"title", "events", "eras"}`."""
    records = timeline_records(timeline)
    if not timeline.eras:
        return records
    return {
        "title": timeline.name,
        "events": records,
        "eras": [era_record(era) for era in timeline.eras],
    }


def write_event_json(timeline: Timeline, write: Callable[[str], object]) -> None:
    """Write what `event_json` returns, as `json.dumps(..., indent=2, ensure_ascii=False)`
    would, one record at a time: a million events never stand in memory as one string
    (nor as a list of dicts)."""
    iso = _remembered_iso()
    records = (event_record(e, timeline, iso) for e in timeline.events if not e.hidden)
    if not timeline.eras:
        _write_list(records, write, depth=0, floats=False)
        write("\n")
        return
    write("{\n  " + json.dumps("title") + ": " + json.dumps(timeline.name, ensure_ascii=False))
    write(",\n  " + json.dumps("events") + ": ")
    _write_list(records, write, depth=1, floats=False)
    write(",\n  " + json.dumps("eras") + ": ")
    _write_list((era_record(era) for era in timeline.eras), write, depth=1, floats=False)
    write("\n}\n")


def _write_list(
    items: Iterable[Any], write: Callable[[str], object], *, depth: int, floats: bool = True
) -> None:
    """`items` as a JSON array at `depth`; `floats=False`: they hold none (event and era
    records: str, int, bool and None in lists and dicts; tests/formats/test_stream_json.py)."""
    pad = "  " * (depth + 1)
    first = True
    for item in items:
        write(("[\n" if first else ",\n") + pad + indented(item, pad, floats=floats))
        first = False
    write("[]" if first else "\n" + "  " * depth + "]")
