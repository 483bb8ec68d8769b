"""Events as CSV: one row per event, its sources in the last columns, for spreadsheets.

Several sources share one cell per kind, separated by " | " (files, date expressions, time
context) or a blank line (sentences, which may hold any punctuation); RFC 4180 quoting
keeps cells with commas, quotes and line breaks intact. `planned` is "yes" for a plan or
forecast; `source_context` lists each source's other time expressions with their role. A
span keeps both ends: date "0602/0629", label "602 – 629", start and end the whole interval.
The analyst's columns come last: `starred`, `tags` ("; " between them), `note`, `added`
(by hand), `disputed` and `date_support` ("3 May 2023: 2 outlets; 4 May 2023: 1 outlet").
A file is written with a UTF-8 byte order mark (`CSV_BOM`), the spreadsheet convention:
Excel's and LibreOffice's default import read the text as UTF-8 only when it is there.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..model import Source, Timeline
from .analyst import date_counts, date_counts_words, is_disputed
from .event_json import context_words, event_group, source_sentence

__all__ = ["CSV_BOM", "CSV_COLUMNS", "event_rows", "events_csv"]

CSV_COLUMNS = [
    "id",
    "title",
    "date",
    "label",
    "precision",
    "part",
    "inferred",
    "planned",
    "start",
    "end",
    "group",
    "actors",
    "edited",
    "source_count",
    "source_files",
    "source_dates",
    "source_sentences",
    "source_context",
    "starred",
    "tags",
    "note",
    "added",
    "disputed",
    "date_support",
]
CSV_BOM = "\ufeff"


def events_csv(timeline: Timeline) -> str:
    """The CSV text (header first) of every event the user has not hidden, without the
    byte order mark that a file gets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(event_rows(timeline))
    return out.getvalue()


def event_rows(timeline: Timeline) -> Iterator[list[str | int]]:
    """One row of CSV_COLUMNS per event the user has not hidden (for CSV and xlsx)."""
    for e in timeline.events:
        if e.hidden:
            continue
        d = e.date
        sentences = [source_sentence(timeline, s.doc_id, s.start, s.end) or "" for s in e.sources]
        yield [
            e.id,
            e.title,
            d.iso(),
            d.label(),
            d.precision.value,
            d.part.value if d.part else "",
            "yes" if d.inferred else "no",
            "yes" if e.planned else "no",
            d.start.isoformat(),
            d.end.isoformat(),
            event_group(e, timeline) or "",
            "; ".join(e.actors),
            "; ".join(sorted(e.edited)),
            len(e.sources),
            " | ".join(s.doc_id for s in e.sources),
            " | ".join(s.date_text for s in e.sources),
            "\n\n".join(" ".join(t.split()) for t in sentences),
            _context(e.sources),
            "yes" if e.starred else "no",
            "; ".join(e.tags),
            e.note,
            "yes" if e.added else "no",
            "yes" if is_disputed(e) else "no",
            date_counts_words(date_counts(e, timeline)),
        ]


def _context(sources: list[Source]) -> str:
    """Each source's time context, " | " between sources as in source_files; "" if none."""
    words = [context_words(s.context) for s in sources]
    return " | ".join(words) if any(words) else ""
