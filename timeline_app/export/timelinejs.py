"""Events as a TimelineJS3 JSON document, for Knight Lab's TimelineJS.

Each event is a slide: its date as `start_date`/`end_date` fields whose presence carries the
precision, `display_date` for approximate dates (see `interchange/tljs_dates.py`, which
also reads them back), the title as headline, the outlet as `group` (TimelineJS's rows),
the event id as `unique_id`, and its first source quoted as `media` — a blockquote, one
of TimelineJS's media types — credited to the outlet and captioned with the article's
title. Further sources, the people named and the sources' time context ("since 1998
(comparison)") go into the slide's text. A planned event's display_date starts with
"Planned: " (TimelineJS has no field for it; we read it back).
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..interchange.tljs_dates import to_timelinejs
from ..model import Event, Timeline
from .events_json import context_words, event_group, source_sentence

__all__ = ["timelinejs_document"]


def timelinejs_document(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS document of every event the user has not hidden."""
    events = [e for e in timeline.events if not e.hidden]
    seen: set[str] = set()
    n_docs = len({d for e in events for d in e.doc_ids})
    intro = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    if n_docs:
        intro += f" from {n_docs} article{'s' if n_docs != 1 else ''}"
    return {
        "title": {"text": {"headline": _esc(timeline.name or "Timeline"),
                           "text": f"<p>{intro}.</p>"}},
        "events": [_slide(e, timeline, seen) for e in events],
        "scale": "human",
    }


def _slide(event: Event, timeline: Timeline, seen: set[str]) -> dict[str, Any]:
    start, end, display = to_timelinejs(event.date, planned=event.planned)
    slide: dict[str, Any] = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    if display is not None:
        slide["display_date"] = display
    quotes = [_quote(s.doc_id, s.start, s.end, timeline) for s in event.sources]
    quotes = [q for q in quotes if q[0]]
    text = [f"<p>“{_esc(q)}”<br><small>{_esc(credit)}</small></p>"
            for q, credit, _ in quotes[1:]]
    if event.actors:
        text.append(f"<p><small>Named: {_esc(', '.join(event.actors))}</small></p>")
    context = "; ".join(dict.fromkeys(w for s in event.sources if (w := context_words(s.context))))
    if context:
        text.append(f"<p><small>Time context: {_esc(context)}</small></p>")
    slide["text"] = {"headline": _esc(event.title), "text": "".join(text)}
    if quotes:
        quote, credit, caption = quotes[0]
        slide["media"] = {"url": f"<blockquote>{_esc(quote)}</blockquote>",
                          "credit": _esc(credit), "caption": _esc(caption)}
    group = event_group(event, timeline)
    if group:
        slide["group"] = group
    slide["unique_id"] = _unique_id(event.id, seen)
    slide["autolink"] = False  # the texts are quotes; a URL in one is not ours to link
    return slide


def _esc(text: str) -> str:
    """HTML text content: &, < and > escaped; quotes stay readable in the JSON."""
    return html.escape(text, quote=False)


def _quote(doc_id: str, start: int, end: int, timeline: Timeline) -> tuple[str, str, str]:
    """(sentence, credit: the outlet or file, caption: the article's title)."""
    sentence = " ".join((source_sentence(timeline, doc_id, start, end) or "").split())
    doc = timeline.documents.get(doc_id)
    credit = (doc.outlet if doc and doc.outlet else doc_id.split("#")[0])
    named = doc is not None and doc.title not in ("", doc_id, doc.path.name)
    caption = doc.title if named else ""  # not a file name standing in for a title
    return sentence, credit, caption


def _unique_id(event_id: str, seen: set[str]) -> str:
    """TimelineJS puts the id in the page's URL and DOM: letters, digits, - and _ only."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", event_id).strip("-") or "event"
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    seen.add(candidate)
    return candidate
