"""Events as an iCalendar file (RFC 5545), written with the `icalendar` library.

Every event is an all-day VEVENT over the days its date covers: one day for a day, the
whole month (or its early/mid/late third) for a month, the year for a year — DTEND is
exclusive, as the RFC says. Calendars show it as a span, which is what the text said.
The description says the date in words with its precision, then the sources (with their
time context: "since 1998 (comparison)"). A planned event — a plan or forecast, not a fact —
is STATUS:TENTATIVE, and its summary and description start with "Planned".

The analyst's marks: tags are CATEGORIES (after the outlet, which was there first), a
starred event is PRIORITY:1 (the highest), and the description opens with the note; an
event added by hand says so, and a disputed one lists each date with its outlets. Periods
the user drew are all-day events of their own, in the category "Period" or "Milestone".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as VEvent

from ..model import Era, Event, Timeline
from .analyst import date_counts, date_counts_words, is_disputed
from .event_json import context_words, event_group, source_sentence

__all__ = ["PLANNED_PREFIX", "PRODID", "ics_calendar", "ics_uid"]

PRODID = "-//timeline-app//Timeline export//EN"
PLANNED_PREFIX = "Planned: "  # before a planned event's summary


def ics_uid(event_id: str) -> str:
    return f"{event_id}@timeline-app"


def ics_calendar(timeline: Timeline) -> bytes:
    """The iCalendar bytes (CRLF line ends, folded lines) of every event not hidden."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", timeline.name or "Timeline")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for e in timeline.events:
        if not e.hidden:
            cal.add_component(_vevent(e, timeline, stamp))
    for era in timeline.eras:
        if era.user:
            cal.add_component(_period(era, stamp))
    return cal.to_ical()


def _period(era: Era, stamp: datetime) -> VEvent:
    """A period the user drew, as an all-day event over its days in the category "Period"
    ("Milestone" for a single day): calendars show it beside the events."""
    kind = "Milestone" if era.milestone else "Period"
    ve = VEvent()
    ve.add("uid", ics_uid(f"period-{era.id}"))
    ve.add("dtstamp", stamp)
    ve.add("dtstart", era.date.start)
    ve.add("dtend", era.date.end + timedelta(days=1))
    ve.add("summary", f"{kind}: {era.label}" if era.label else kind)
    ve.add("description", era.date.describe())
    ve.add("transp", "TRANSPARENT")
    ve.add("categories", [kind])
    return ve


def _vevent(e: Event, timeline: Timeline, stamp: datetime) -> VEvent:
    ve = VEvent()
    ve.add("uid", ics_uid(e.id))
    ve.add("dtstamp", stamp)
    ve.add("dtstart", e.date.start)  # a date, so VALUE=DATE: an all-day event
    ve.add("dtend", e.date.end + timedelta(days=1))
    ve.add("summary", PLANNED_PREFIX + e.title if e.planned else e.title)
    ve.add("description", _description(e, timeline))
    if e.planned:
        ve.add("status", "TENTATIVE")
    ve.add("transp", "TRANSPARENT")  # a record of the past, not time that is busy
    group = event_group(e, timeline)
    categories = ([group] if group else []) + list(e.tags)
    if categories:
        ve.add("categories", categories)
    if e.starred:
        ve.add("priority", 1)
    return ve


def _description(e: Event, timeline: Timeline) -> str:
    lines = [f"Note: {e.note}"] if e.note else []
    lines.append(("Planned / expected: " if e.planned else "") + e.date.describe())
    if e.added:
        lines.append("Added by hand (not found in an article)")
    if is_disputed(e):
        lines.append("Disputed: " + date_counts_words(date_counts(e, timeline)))
    for s in e.sources:
        sentence = " ".join((source_sentence(timeline, s.doc_id, s.start, s.end) or "").split())
        doc = timeline.documents.get(s.doc_id)
        who = (doc.outlet or doc.title) if doc else s.doc_id
        line = f"“{sentence}” — {who or s.doc_id}" if sentence else str(who)
        if s.context:
            line += f"\nTime context: {context_words(s.context)}"
        lines.append(line)
    if e.actors:
        lines.append("Named: " + ", ".join(e.actors))
    return "\n\n".join(lines)
