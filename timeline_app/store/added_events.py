"""Events the user adds by hand ("event.add") and takes away again ("event.remove").

An added event is `added` everywhere and never merged automatically: it is made after
ingest has merged what the articles say, from the edit's value `{"title", "date" (any
precision or a span, as `date_value` writes it), "note", "source": {"text", "reference"}}`.
Its source, when one is given, becomes a small document of its own (`added_documents`):
the pasted text is its text and the sentence the event cites, the reference (a URL, "Le
Monde, 3 May, p. 4") its title; so the detail pane, search and every export treat it like
an article's sentence. Only added events can be removed; others are hidden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import DateError, Document, Event, Source
from .date_values import date_from_value
from .project_store import Edit

__all__ = [
    "ADDED_KINDS",
    "AddedSource",
    "added_documents",
    "is_article",
    "source_document_id",
]


@dataclass(slots=True)
class AddedSource(Document):
    """A document holding the source the user gave for an event added by hand: made from
    the edit log each time the timeline is, never read from the folder."""


def is_article(doc: Document) -> bool:
    """Read from the folder, not typed in for an event added by hand."""
    return not isinstance(doc, AddedSource)


def source_document_id(event_id: str) -> str:
    """The id of the document holding an added event's source."""
    return f"{event_id}#source"


def _source_fields(value: dict[str, object]) -> tuple[str, str]:
    source = value.get("source")
    if not isinstance(source, dict):
        return "", ""
    return str(source.get("text") or "").strip(), str(source.get("reference") or "").strip()


def _add(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    title = edit.value.get("title", "")
    title = title.strip() if isinstance(title, str) else ""
    if not title or edit.target in by_id:
        return False
    try:
        date = date_from_value(edit.value)
    except (DateError, KeyError, ValueError):
        return False
    text, reference = _source_fields(edit.value)
    sources = []
    if text or reference:
        doc_id = source_document_id(edit.target)
        sources.append(Source(doc_id, 0, len(text), 0, 0, "", date))
    note = edit.value.get("note", "")
    by_id[edit.target] = Event(
        edit.target,
        title,
        date,
        sources,
        note=note.strip() if isinstance(note, str) else "",
        added=True,
    )
    order.append(edit.target)  # the timeline sorts its events by date
    return True


def _remove(by_id: dict[str, Event], order: list[str], edit: Edit) -> bool:
    if not by_id[edit.target].added:
        return False
    del by_id[edit.target]
    return True


def added_documents(edits: Iterable[Edit], events: Iterable[Event]) -> dict[str, AddedSource]:
    """The documents holding the sources of added events that some event still cites (the
    added one, or the one the user merged it into)."""
    given = {source_document_id(e.target): e for e in edits if e.kind == "event.add"}
    if not given:
        return {}
    cited = {s.doc_id for e in events for s in e.sources if s.doc_id in given}
    docs = {}
    for doc_id in cited:
        text, reference = _source_fields(given[doc_id].value)
        docs[doc_id] = AddedSource(doc_id, Path(doc_id), text, title=reference)
    return docs


ADDED_KINDS = {"event.add": _add, "event.remove": _remove}
