"""User edits applied to extracted events, in the order they were made.

Edits name events by id; ids come from the first source's position, so they hold as long as
that article's text is unchanged. An edit whose event is gone is skipped and reported.

Besides corrections (date, title, hidden, merge, split), the analyst's marks (`marks.py`:
star, note, tags) and events added by hand (`added_events.py`) are event edits here;
periods (`periods.py`) and saved views (`views.py`) are edits too, read from the log by
their own functions, as document edits are by `published_overrides`.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Iterable

from ..model import DateError, Event, FuzzyDate
from ..model.lazy_events import LazyEvents
from .added_events import ADDED_KINDS
from .date_values import date_from_value, date_value
from .marks import MARK_KINDS
from .project_store import Edit

__all__ = [
    "EDIT_KINDS",
    "apply_edits",
    "published_overrides",
    "date_value",
    "date_from_value",
    "source_positions",
]


def source_positions(event: Event) -> list[list[object]]:
    """Where an event's sources are: an edit keeps them (as "anchors" in its stored value)
    to find its event again if the id changes (a new article now reports it first)."""
    return [[s.doc_id, s.start, s.date_start] for s in event.sources]


def published_overrides(edits: Iterable[Edit]) -> dict[str, FuzzyDate | None]:
    """Publication dates set by the user, by document id (applied before extraction)."""
    out: dict[str, FuzzyDate | None] = {}
    for edit in edits:
        if edit.kind == "document.published":
            try:
                out[edit.target] = date_from_value(edit.value) if edit.value.get("date") else None
            except DateError:
                continue
    return out


def apply_edits(events: list[Event], edits: Iterable[Edit]) -> tuple[list[Event], list[Edit]]:
    """The events as the user edited them (copies, if an edit is about one), and the edits
    that found no event.

    When no edit is about an event, the events are given as they are (in a list of their
    own): nothing to copy (34,000 copies were a third of a second of a first open), and
    stored events decoded on demand (`LazyEvents`) stay so, a million of them not decoded
    to find that out. Edits are applied to copies, so no edit changes the events given."""
    edits = list(edits)
    if not any(e.kind in EDIT_KINDS for e in edits):
        return (events if isinstance(events, LazyEvents) else list(events)), []
    by_id = {e.id: copy.copy(e) for e in events}
    for e in by_id.values():
        e.sources, e.edited, e.tags = list(e.sources), set(e.edited), list(e.tags)
    order = list(by_id)
    skipped = []
    for edit in edits:
        handler = EDIT_KINDS.get(edit.kind)
        if handler is None:
            continue  # document edits act before extraction
        edit = _retargeted(by_id, edit)
        present = edit.target in by_id or edit.kind in _CREATING
        if not present or not handler(by_id, order, edit):
            skipped.append(edit)
    return [by_id[i] for i in order if i in by_id], skipped


def _retargeted(by_id: dict[str, Event], edit: Edit) -> Edit:
    """The edit aimed at its event's current id, found through its sources' positions (the
    value's "anchors") if need be."""
    value = dict(edit.value)
    target = _find(by_id, edit.target, value.get("anchors"))
    if "others" in value:  # a value no version wrote (not a list) names no others
        others = value["others"] if isinstance(value["others"], list) else []
        anchors = value.get("others_anchors")
        anchors = anchors if isinstance(anchors, dict) else {}
        value["others"] = [_find(by_id, str(o), anchors.get(str(o))) for o in others]
    return Edit(edit.seq, edit.kind, target, value)


def _find(by_id: dict[str, Event], event_id: str, where: object) -> str:
    if event_id in by_id or not where or not isinstance(where, list):
        return event_id
    try:
        keys = {tuple(a) for a in where}
    except TypeError:  # not a list of positions: nothing to find the event by
        return event_id
    for e in by_id.values():
        if any((s.doc_id, s.start, s.date_start) in keys for s in e.sources):
            return e.id
    return event_id


def _set_date(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    try:
        by_id[edit.target].date = date_from_value(edit.value)
    except (DateError, KeyError, ValueError):
        return False
    by_id[edit.target].edited.add("date")
    return True


def _set_title(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    title = str(edit.value.get("title", "")).strip()
    if not title:
        return False
    by_id[edit.target].title = title
    by_id[edit.target].edited.add("title")
    return True


def _set_hidden(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    by_id[edit.target].hidden = bool(edit.value.get("hidden", True))
    return True


def _merge(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    """The target takes the others' sources; the others disappear."""
    keep = by_id[edit.target]
    others = [o for o in edit.value.get("others", []) if o in by_id and o != keep.id]
    if not others:
        return False
    for other in others:
        keep.sources.extend(s for s in by_id.pop(other).sources if s not in keep.sources)
    keep.edited.add("sources")
    return True


def _split(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    """One source of the target becomes an event of its own, right after it."""
    event = by_id[edit.target]
    doc_id, start, date_start = edit.value.get("source", [None, None, None])
    source = next(
        (
            s
            for s in event.sources
            if (s.doc_id, s.start, s.date_start) == (doc_id, start, date_start)
        ),
        None,
    )
    if source is None or len(event.sources) < 2:
        return False
    event.sources.remove(source)
    new_id = (
        event.id + "-" + hashlib.sha1(f"{doc_id}|{start}|{date_start}".encode()).hexdigest()[:6]
    )
    by_id[new_id] = Event(
        new_id, event.title, source.date, [source], list(event.actors), edited={"sources"}
    )
    order.insert(order.index(event.id) + 1, new_id)
    event.edited.add("sources")
    return True


EDIT_KINDS: dict[str, Callable[[dict[str, Event], list[str], Edit], bool]] = {
    "event.date": _set_date,
    "event.title": _set_title,
    "event.hidden": _set_hidden,
    "event.merge": _merge,
    "event.split": _split,
    **MARK_KINDS,
    **ADDED_KINDS,
}
_CREATING = {"event.add"}  # their target is the id of the event they make
