"""The data formats of `timeline-app events --format F` and File › Export data…, by name.

json: our records (README, resources/timeline-events.schema.json), with the eras if the
timeline has any; csv: one row per event (a file with the UTF-8 byte order mark
spreadsheets look for); xlsx: the same rows as an Excel workbook; timelinejs: TimelineJS3
JSON; ics: iCalendar. All plain Python, no Qt. Only JSON and TimelineJS carry eras.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..model import Timeline
from ..model.lazy_documents import read_all

__all__ = [
    "BINARY_FORMATS",
    "DATA_FORMATS",
    "data_bytes",
    "format_for_path",
    "stream_json",
    "write_data",
]

# name: (file suffix, what it is, for a file dialog)
DATA_FORMATS = {
    "json": (".json", "Event JSON"),
    "csv": (".csv", "CSV spreadsheet"),
    "xlsx": (".xlsx", "Excel workbook"),
    "timelinejs": (".json", "TimelineJS3 JSON"),
    "ics": (".ics", "iCalendar"),
}


# a file name that is not UTF-8 reaches the data as lone surrogates: written as "\udce9",
# which JSON reads back as the same name and a spreadsheet shows as text
_NOT_UTF8 = "backslashreplace"


BINARY_FORMATS = frozenset({"xlsx"})  # not text: for a file, not a terminal


def data_bytes(timeline: Timeline, fmt: str) -> bytes:
    """The file's bytes for the timeline's events in format `fmt` (text in UTF-8; CSV with
    its byte order mark); ValueError for an unknown format."""
    read_all(timeline.documents)  # every export quotes its events' sources
    if fmt == "json":
        from .event_json import event_json

        return _json(event_json(timeline))
    if fmt == "csv":
        from .events_csv import CSV_BOM, events_csv

        return (CSV_BOM + events_csv(timeline)).encode("utf-8", _NOT_UTF8)
    if fmt == "xlsx":
        from .events_xlsx import events_xlsx

        return events_xlsx(timeline)
    if fmt == "timelinejs":
        from .timelinejs import timelinejs_document

        return _json(timelinejs_document(timeline))
    if fmt == "ics":
        from .ics import ics_calendar

        return ics_calendar(timeline)
    raise ValueError(f"no data format {fmt!r}; use one of {', '.join(DATA_FORMATS)}")


def stream_json(timeline: Timeline, write: Callable[[str], object]) -> None:
    """Our event JSON, record by record, to `write` (the same text as `data_bytes(...,
    "json")`, names that are not UTF-8 escaped the same way)."""
    from .event_json import write_event_json

    read_all(timeline.documents)
    write_event_json(timeline, lambda chunk: write(chunk.encode("utf-8", _NOT_UTF8).decode()))


def write_data(timeline: Timeline, fmt: str, out: Path | str) -> Path:
    """Write the events to `out` in format `fmt`; OSError when it cannot be written."""
    out = Path(out)
    if fmt == "json":
        with out.open("w", encoding="utf-8", newline="") as fh:
            stream_json(timeline, fh.write)
        return out
    out.write_bytes(data_bytes(timeline, fmt))
    return out


def format_for_path(path: Path | str) -> str | None:
    """The format a file name asks for (".json" is ours), or None."""
    suffix = Path(path).suffix.lower()
    return {".csv": "csv", ".ics": "ics", ".json": "json", ".xlsx": "xlsx"}.get(suffix)


def _json(value: object) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8", _NOT_UTF8)
