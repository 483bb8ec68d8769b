"""TimelineJS3 JSON: timelines written for Knight Lab's TimelineJS, and read back.

Written (`timelinejs_document`): each event is a slide: its date as `start_date`/`end_date`
fields whose presence carries the precision, `display_date` for approximate dates (see
`timelinejs_dates.py`, which also reads them back), the title as headline, the outlet as
`group` (TimelineJS's rows) when there are at most MAX_GROUPS outlets (more rows would
fill TimelineJS's page; then no slide has a group), the event id as `unique_id`, and its
first source quoted as `media` — a blockquote, one of TimelineJS's media types — credited to
the outlet, else to the article's title (never its file name), and captioned with the
article's title. Further sources, the people named and the sources' time
context ("since 1998 (comparison)") go into the slide's text. A planned event's
display_date starts with "Planned: " (TimelineJS has no field for it; we read it back).
The analyst's marks have no field in TimelineJS either (its `group` is the lane), so they
open the slide's text, one small paragraph: "★ Key event", "Tags: …", "Added by hand",
"Disputed: 3 May 2023: 2 outlets; 4 May 2023: 1 outlet", then the note as a paragraph of
its own. Periods the user drew are eras like a file's.
The timeline's eras are written as `eras`, dated as slides are.

Read (`timeline_from_timelinejs`, a `{"title", "events", "eras", "scale"}` document): each
slide of `events` becomes an event (dates by `timelinejs_dates`, the headline as its title,
`group` as its lane, `unique_id` as its id, the media's blockquote, credit and caption as
its quoted source, a display_date "Planned: …" as a planned event); the title slide names
the timeline. A slide with an end_date is a span ("602 – 629"; see `timelinejs_dates`).
Each of `eras` becomes an `Era` (its dates read as a slide's, its headline as its label),
drawn behind the events. Slides and eras that cannot be dated (no year, a year outside
1–9999) or hold a field of the wrong type (a `group` that is an object) are left out and
reported as problems ("slide 3: left out: group is not a string"), never as errors, as is
an end_date set aside (before the start). A file in which no slide can be
placed opens empty, with a problem that says so. TimelineJS 2 files are read through
`timelinejs2`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..checked import FieldError, described, text, valid_text
from ..model import DateError, Document, Era, Event, Problem, Timeline
from .analyst import date_counts, date_counts_words, is_disputed
from .entries import Entry, entry_event, plain_text, unique_id
from .event_json import context_words, event_group, source_sentence
from .timelinejs_dates import is_planned_display, slide_date, to_timelinejs

__all__ = [
    "MAX_GROUPS",
    "NOTHING_PLACED",
    "is_timelinejs",
    "timeline_from_timelinejs",
    "timelinejs_document",
]

MAX_GROUPS = 8  # TimelineJS draws a row per group; more would fill its navigation
NOTHING_PLACED = "no slide could be placed on the timeline"


def is_timelinejs(data: Any) -> bool:
    """Whether parsed JSON looks like a TimelineJS document (slides with start dates)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("events"), list):
        return False
    slides = [s for s in data["events"] if isinstance(s, Mapping)]
    return any("start_date" in s for s in slides) or (
        not slides and isinstance(data.get("title"), Mapping)
    )


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
            entry, note = _entry(slide, k)
        except ValueError as exc:  # DateError, FieldError
            problems.append(Problem(where, f"left out: {exc}"))
            continue
        if note:
            problems.append(Problem(where, note))
        entry.id = unique_id(entry.id, seen)
        event, doc = entry_event(entry, f"{path.name}#{entry.id}", path)
        events.append(event)
        documents[doc.id] = doc
    eras = _eras(data.get("eras"), path, problems)
    if not events:
        slides = data.get("events") if isinstance(data.get("events"), list) else []
        problems.append(
            Problem(
                path.name,
                f"{NOTHING_PLACED} ({len(slides)} slide"
                f"{'s' if len(slides) != 1 else ''} in the file)",
            )
        )
    return Timeline(documents, events, problems, name, eras)


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
    return plain_text(headline).replace("\n", " ") or path.stem  # "Name<br/> 1963 - 2012"


def _entry(slide: Mapping[str, Any], k: int) -> tuple[Entry, str | None]:
    """The slide as an entry, and a note on an end_date set aside; raises DateError or
    FieldError naming the first bad field."""
    start = slide.get("start_date")
    if start is None:
        raise DateError("no start_date")
    display = text(slide, "display_date")
    if display is None and isinstance(start, Mapping):
        display = text(start, "display_date")
    end = slide.get("end_date")
    if end is not None and not isinstance(end, Mapping):
        raise FieldError(f"end_date is not an object ({described(end)})")
    date, note = slide_date(start, end or None, display)
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
    ), note


def _eras(eras: Any, path: Path, problems: list[Problem]) -> list[Era]:
    """The file's eras, dated as slides are; one that cannot be dated is left out and
    named, the others kept."""
    if eras is None:
        return []
    if not isinstance(eras, list):
        problems.append(Problem(f"{path.name}, eras", f"not used: not a list ({described(eras)})"))
        return []
    kept: list[Era] = []
    for k, era in enumerate(eras, start=1):
        label = era.get("_where") if isinstance(era, Mapping) else None  # a sheet's row
        where = f"{path.name}, {label if isinstance(label, str) else f'era {k}'}"
        if not isinstance(era, Mapping):
            problems.append(Problem(where, f"left out: not an era object ({described(era)})"))
            continue
        try:
            start = era.get("start_date")
            if start is None:
                raise DateError("no start_date")
            end = era.get("end_date")
            if end is not None and not isinstance(end, Mapping):
                raise FieldError(f"end_date is not an object ({described(end)})")
            date, note = slide_date(start, end or None)
            words = _object(era.get("text"), "text")
            name = plain_text(text(words, "headline")).replace("\n", " ").strip()
        except ValueError as exc:  # DateError, FieldError
            problems.append(Problem(where, f"left out: {exc}"))
            continue
        if note:
            problems.append(Problem(where, note))
        kept.append(Era(name, date))
    return kept


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


# Writing


def timelinejs_document(timeline: Timeline) -> dict[str, Any]:
    """The TimelineJS document of every event the user has not hidden."""
    events = [e for e in timeline.events if not e.hidden]
    seen: set[str] = set()
    n_docs = len({d for e in events for d in e.doc_ids})
    intro = f"{len(events)} event{'s' if len(events) != 1 else ''}"
    if n_docs:
        intro += f" from {n_docs} article{'s' if n_docs != 1 else ''}"
    grouped = len({event_group(e, timeline) for e in events} - {None}) <= MAX_GROUPS
    return {
        "title": {
            "text": {"headline": _esc(timeline.name or "Timeline"), "text": f"<p>{intro}.</p>"}
        },
        "events": [_slide(e, timeline, seen, grouped=grouped) for e in events],
        **({"eras": [_era(era) for era in timeline.eras]} if timeline.eras else {}),
        "scale": "human",
    }


def _era(era: Era) -> dict[str, Any]:
    """An era as TimelineJS has one: its dates as a slide's (which read back as they were),
    its label as headline; TimelineJS shows no display_date for an era."""
    start, end, _ = to_timelinejs(era.date)
    return {
        "start_date": start,
        "end_date": end or start,
        "text": {"headline": _esc(era.label)},
    }


def _slide(event: Event, timeline: Timeline, seen: set[str], *, grouped: bool) -> dict[str, Any]:
    start, end, display = to_timelinejs(event.date, planned=event.planned)
    slide: dict[str, Any] = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    if display is not None:
        slide["display_date"] = display
    quotes = [_quote(s.doc_id, s.start, s.end, timeline) for s in event.sources]
    quotes = [q for q in quotes if q[0]]
    text = _marks(event, timeline)
    text += [
        f"<p>“{_esc(q)}”" + (f"<br><small>{_esc(credit)}</small>" if credit else "") + "</p>"
        for q, credit, _ in quotes[1:]
    ]
    if event.actors:
        text.append(f"<p><small>Named: {_esc(', '.join(event.actors))}</small></p>")
    context = "; ".join(dict.fromkeys(w for s in event.sources if (w := context_words(s.context))))
    if context:
        text.append(f"<p><small>Time context: {_esc(context)}</small></p>")
    slide["text"] = {"headline": _esc(event.title), "text": "".join(text)}
    if quotes:
        quote, credit, caption = quotes[0]
        slide["media"] = {
            "url": f"<blockquote>{_esc(quote)}</blockquote>",
            "credit": _esc(credit),
            "caption": _esc(caption),
        }
    group = event_group(event, timeline) if grouped else None
    if group:
        slide["group"] = group
    slide["unique_id"] = _unique_id(event.id, seen)
    slide["autolink"] = False  # the texts are quotes; a URL in one is not ours to link
    return slide


def _marks(event: Event, timeline: Timeline) -> list[str]:
    """The analyst's marks as the slide text's first paragraphs (escaped: a tag or a note
    is text, not markup)."""
    marks = ["★ Key event"] if event.starred else []
    if event.tags:
        marks.append("Tags: " + ", ".join(event.tags))
    if event.added:
        marks.append("Added by hand")
    if is_disputed(event):
        marks.append("Disputed: " + date_counts_words(date_counts(event, timeline)))
    out = [f"<p><small>{_esc(' · '.join(marks))}</small></p>"] if marks else []
    if event.note:
        out.append("<p>" + "<br>".join(_esc(line) for line in event.note.splitlines()) + "</p>")
    return out


def _esc(text: str) -> str:
    """HTML text content: &, < and > escaped; quotes stay readable in the JSON."""
    return html.escape(text, quote=False)


def _quote(doc_id: str, start: int, end: int, timeline: Timeline) -> tuple[str, str, str]:
    """(sentence, credit: the outlet, else the article's title, caption: the article's
    title); a file name standing in for a title is neither."""
    sentence = " ".join((source_sentence(timeline, doc_id, start, end) or "").split())
    doc = timeline.documents.get(doc_id)
    named = doc is not None and doc.title not in ("", doc_id, doc.path.name, doc_id.split("#")[0])
    caption = doc.title if doc is not None and named else ""
    credit = doc.outlet if doc is not None and doc.outlet else caption
    return sentence, credit, caption


def _unique_id(event_id: str, seen: set[str]) -> str:
    """TimelineJS puts the id in the page's URL and DOM: letters, digits, - and _ only."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", event_id).strip("-") or "event"
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    seen.add(candidate)
    return candidate
