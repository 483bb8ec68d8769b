"""The workbench's marks on an event's title, the same on the timeline, in the list and in
the detail pane: a star, "added by the user", "sources disagree", and a note.

A mark is a character of the label font (DejaVu and the usual desktop fonts have them), so
labels stay plain text: no icon to scale, nothing for a title to inject.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

from timeline_app.model import Document, Event
from timeline_app.model.lazy_events import LazyEvents
from timeline_app.model.outlets import date_support

from ..plan.columns import EventStore

__all__ = [
    "ADDED",
    "DISPUTED",
    "NOTE",
    "STAR",
    "marked_title",
    "store_title",
    "marks_lines",
    "marks_words",
    "workbench_lines",
]

STAR = "★"  # starred by the user
ADDED = "✚"  # added by the user, not found in an article
DISPUTED = "⚠"  # its sources give different dates
NOTE = "¶"  # has a note (its text is the tooltip)


def _prefix(event: Event, disputed: bool | None = None) -> str:
    marks = (
        (STAR, event.starred),
        (ADDED, event.added),
        (DISPUTED, event.disputed if disputed is None else disputed),
    )
    return "".join(mark for mark, on in marks if on)


def marked_title(
    event: Event, title: str | None = None, *, tail: str = "", disputed: bool | None = None
) -> str:
    """`title` (the event's own by default) with the marks the event has: "★✚ Title ¶";
    `tail` goes between the title and the note mark (the list's edited mark); `disputed`:
    `event.disputed` when the caller knows it already (it compares every pair of dates)."""
    prefix = _prefix(event, disputed)
    text = title if title is not None else event.title
    note = f" {NOTE}" if event.note.strip() else ""
    return f"{prefix + ' ' if prefix else ''}{text}{tail}{note}"


def marks_words(event: Event) -> list[str]:
    """The marks in words ("★ starred", "✚ added by hand"), for the detail pane."""
    words = [
        (f"{STAR} starred", event.starred),
        (f"{ADDED} added by hand", event.added),
        (f"{DISPUTED} sources disagree on the date", event.disputed),
    ]
    return [w for w, on in words if on]


def marks_lines(event: Event, *, note_chars: int = 400) -> list[str]:
    """The marks, the tags and the note (cut to `note_chars`), as lines of a tooltip."""
    lines = []
    words = marks_words(event)
    if words:
        lines.append(" · ".join(words))
    if event.tags:
        lines.append("Tags: " + ", ".join(event.tags))
    note = event.note.strip()
    if note:
        cut = note if len(note) <= note_chars else note[: note_chars - 1].rstrip() + "…"
        lines.append(textwrap.fill(f"{NOTE} {cut}", 80, replace_whitespace=False))
    return lines


def workbench_lines(event: Event, documents: Mapping[str, Document]) -> list[str]:
    """What the detail pane says of the analyst's work on `event`: its marks, tags and
    whole note; for an event whose sources disagree, each date with its sources' outlets
    and how many of them are independent ("4 May 2022 — 2 independent outlets: A, B")."""
    lines = []
    words = marks_words(event)
    if words:
        lines.append(" · ".join(words))
    if event.tags:
        lines.append("Tags: " + ", ".join(event.tags))
    if event.note.strip():
        lines.append(f"{NOTE} Note: {event.note.strip()}")
    if event.disputed:
        lines.append("The sources date it differently:")
        for support in date_support(event, documents):
            n = support.independent
            lines.append(
                f"  {support.date.label()} — {n} independent outlet{'s' if n != 1 else ''}"
                f" ({len(support.sources)} source{'s' if len(support.sources) != 1 else ''}):"
                f" {', '.join(support.outlets)}"
            )
    return lines


def store_title(store: EventStore, i: int, *, tail: str = "") -> str:
    """The i-th event's title with its marks, as `marked_title` gives it, without decoding
    an event read from stored columns: such events carry no user edit (no star, tag, note
    or added event; edits make a list of real events), so their one mark is the stored
    disputed flag."""
    events = store.events
    if events is None or isinstance(events, LazyEvents):
        prefix = f"{DISPUTED} " if store.disputed[i] else ""
        return f"{prefix}{store.titles[i]}{tail}"
    return marked_title(events[i], store.titles[i], tail=tail, disputed=bool(store.disputed[i]))
