"""Timelines read from data files instead of articles: TimelineJS3 JSON, TimelineJS
spreadsheet CSV, and our own event JSON. No Qt.

`is_data_file(path)` says whether a path given where a corpus is expected is such a file
(a `.json` scraper export of articles is not: it has no dates in TimelineJS's or our form);
`read_data_file(path)` reads it. Errors are `DataFileError` (a ValueError).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checked import loads
from ..model import Problem, Timeline
from .event_json import is_event_records, timeline_from_records
from .timelinejs import is_timelinejs, timeline_from_timelinejs
from .timelinejs_csv import is_timelinejs_header, timelinejs_from_csv

__all__ = ["DataFileError", "data_kind", "is_data_file", "read_data_file"]

_MAX_BYTES = 200 * 1024 * 1024


class DataFileError(ValueError):
    """A data file that cannot be read as a timeline, with the reason in words."""


def data_kind(path: Path | str) -> str | None:
    """"timelinejs", "timelinejs-csv" or "events-json" for a data file, else None."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv") or not path.is_file():
        return None
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", errors="replace") as fh:
                return "timelinejs-csv" if is_timelinejs_header(fh.readline()) else None
        data = _json(path)
    except (OSError, DataFileError):
        return None
    if is_timelinejs(data):
        return "timelinejs"
    return "events-json" if is_event_records(data) else None


def is_data_file(path: Path | str) -> bool:
    return data_kind(path) is not None


def read_data_file(path: Path | str) -> Timeline:
    """The timeline a data file holds; DataFileError if it is not one or cannot be read."""
    path = Path(path)
    kind = data_kind(path)
    if kind is None:
        raise DataFileError(f"{path}: not a TimelineJS file (JSON or spreadsheet CSV) "
                            "nor timeline-app event JSON")
    try:
        if kind == "timelinejs-csv":
            return _sheet(path)
        data = _json(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from exc
    if kind == "timelinejs":
        return timeline_from_timelinejs(data, path)
    return timeline_from_records(data, path)


def _sheet(path: Path) -> Timeline:
    sheet, refused = timelinejs_from_csv(path.read_text(encoding="utf-8-sig"))
    timeline = timeline_from_timelinejs(sheet, path)
    timeline.problems.extend(Problem(f"{path.name}, {where}", f"left out: {why}")
                             for where, why in refused)
    return timeline


def _json(path: Path) -> Any:
    if path.stat().st_size > _MAX_BYTES:
        raise DataFileError(f"{path}: over {_MAX_BYTES // 2**20} MB")
    try:
        return loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:  # ValueError: also "nested too deeply"
        raise DataFileError(f"{path}: not valid JSON ({exc})") from exc
