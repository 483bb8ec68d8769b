"""Events read from a data file, given a small document each so the views work as usual.

A TimelineJS slide or one of our JSON records has no article behind it, but the detail
pane shows an event's sources in their document, and lanes "by outlet" come from the
documents. So each entry becomes a short synthetic document — headline, date in words,
the quoted source, its credit, the slide's text — with one source pointing at the quote
(or the text) and at the date line, and the entry's group as the document's outlet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..model import Document, Event, FuzzyDate, Source

__all__ = ["Entry", "entry_event", "plain_text", "unique_id"]


@dataclass(slots=True)
class Entry:
    """One event as a data file states it (all text plain, not HTML)."""

    id: str
    title: str
    date: FuzzyDate
    group: str | None = None
    body: str = ""
    quote: str = ""
    credit: str = ""
    caption: str = ""
    date_text: str = ""  # e.g. TimelineJS's display_date
    actors: list[str] = field(default_factory=list)
    planned: bool = False  # a plan or forecast, not a fact


def entry_event(entry: Entry, doc_id: str, path: Path) -> tuple[Event, Document]:
    """The event and its one-source document (id `doc_id`, kept at `path`)."""
    date_line = entry.date_text or entry.date.label()
    parts = [entry.title, date_line, ""]
    text = "\n".join(parts)
    spans: dict[str, tuple[int, int]] = {}

    def add(key: str, value: str, after: str = "\n\n") -> None:
        nonlocal text
        if value:
            spans[key] = (len(text), len(text) + len(value))
            text += value + after

    add("quote", entry.quote, "\n")
    credit = ", ".join(v for v in (entry.credit, entry.caption) if v)
    add("credit", f"— {credit}" if credit else "")
    add("body", entry.body)
    start, end = spans.get("quote") or spans.get("body") or (0, len(entry.title))
    date_start = len(entry.title) + 1
    source = Source(
        doc_id,
        start,
        end,
        date_start,
        date_start + len(date_line),
        date_line,
        entry.date,
        planned=entry.planned,
    )
    # Lanes "by outlet" fall back to the title: ungrouped entries share the file's lane.
    doc = Document(
        doc_id,
        path,
        text.rstrip() + "\n",
        title=entry.caption or path.name,
        outlet=entry.group or None,
    )
    event = Event(entry.id, entry.title, entry.date, [source], list(entry.actors))
    return event, doc


class _Text(HTMLParser):
    """Collects the text of an HTML fragment, with line breaks where blocks end."""

    _BREAKS = {"br", "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BREAKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        self.out.append(data)


def plain_text(html: object) -> str:
    """The text of an HTML fragment (TimelineJS headlines and texts may hold HTML)."""
    if not isinstance(html, str) or not html.strip():
        return ""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.out).splitlines()]
    return "\n".join(line for line in lines if line)


def unique_id(event_id: str, seen: set[str]) -> str:
    """Ids must be unique on a timeline; a repeated one gets a suffix ("a", "a-2")."""
    candidate, n = event_id, 2
    while candidate in seen:
        candidate, n = f"{event_id}-{n}", n + 1
    seen.add(candidate)
    return candidate
