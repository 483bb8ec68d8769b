"""Timelines read from data files instead of articles: TimelineJS3 JSON, TimelineJS 2
JSON, TimelineJS spreadsheet CSV, and our own event JSON. No Qt.

`is_data_file(path)` says whether a path given where a corpus is expected is such a file
(a `.json` scraper export of articles is not: it has no dates in TimelineJS's or our form);
`read_data_file(path)` reads it. Errors are `DataFileError` (a ValueError).
`expected_timeline(path)` says, for a .json or .csv file that is none of these, what a
timeline file would have held.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..checked import loads
from ..model import Problem, Timeline
from .event_json import is_event_records, timeline_from_records
from .timelinejs import is_timelinejs, timeline_from_timelinejs
from .timelinejs2 import is_timelinejs2, timelinejs3_from_v2
from .timelinejs_csv import REQUIRED, is_timelinejs_header, timelinejs_from_csv

__all__ = ["DataFileError", "data_kind", "expected_timeline", "is_data_file", "read_data_file"]

EXPECTED_JSON = (
    'TimelineJS3 JSON ({"events": [slides with a start_date]}), TimelineJS 2 '
    'JSON ({"timeline": {"date": [slides with a startDate]}}) or timeline-app '
    "event JSON (records with date and precision)"
)
EXPECTED_CSV = (
    "a TimelineJS spreadsheet saved as CSV (a header row with the columns "
    + " and ".join(c.title() for c in REQUIRED)
    + ", as in Year, Month, Day, …, "
    "Headline, Text)"
)

_MAX_BYTES = 200 * 1024 * 1024


class DataFileError(ValueError):
    """A data file that cannot be read as a timeline, with the reason in words."""


def data_kind(path: Path | str) -> str | None:
    """ "timelinejs", "timelinejs2", "timelinejs-csv" or "events-json" for a data file,
    else None."""
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
    if is_timelinejs2(data):
        return "timelinejs2"
    return "events-json" if is_event_records(data) else None


def expected_timeline(path: Path | str) -> str | None:
    """For a .json or .csv file that can be read but holds no timeline, what one would have
    held (words for a user who opened it as one); None for other files, and for those that
    cannot be read at all (empty, malformed, nested too deeply: their reason says it)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv") or not path.is_file() or is_data_file(path):
        return None
    try:
        if path.stat().st_size == 0:
            return None
        if suffix == ".json":
            _json(path)
    except (OSError, DataFileError):
        return None
    return f"not a timeline: expected {EXPECTED_CSV if suffix == '.csv' else EXPECTED_JSON}"


def is_data_file(path: Path | str) -> bool:
    return data_kind(path) is not None


def read_data_file(path: Path | str) -> Timeline:
    """The timeline a data file holds; DataFileError if it is not one or cannot be read."""
    path = Path(path)
    kind = data_kind(path)
    if kind is None and path.is_file() and path.stat().st_size == 0:
        raise DataFileError(f"{path}: empty file")
    if kind is None:
        what = EXPECTED_CSV if path.suffix.lower() == ".csv" else EXPECTED_JSON
        raise DataFileError(f"{path}: not a timeline: expected {what}")
    try:
        if kind == "timelinejs-csv":
            return _sheet(path)
        data = _json(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})") from exc
    if kind == "timelinejs":
        return timeline_from_timelinejs(data, path)
    if kind == "timelinejs2":
        doc, notes = timelinejs3_from_v2(data)
        return _noted(timeline_from_timelinejs(doc, path), notes, path)
    return timeline_from_records(data, path)


def _sheet(path: Path) -> Timeline:
    sheet, refused = timelinejs_from_csv(path.read_text(encoding="utf-8-sig"))
    timeline = timeline_from_timelinejs(sheet, path)
    return _noted(timeline, [(where, f"left out: {why}") for where, why in refused], path)


def _noted(timeline: Timeline, notes: list[tuple[str, str]], path: Path) -> Timeline:
    """The timeline with notes on what its file's conversion left out, in file order."""
    problems = [Problem(f"{path.name}, {where}", why) for where, why in notes]
    timeline.problems[:0] = problems
    return timeline


def _json(path: Path) -> Any:
    if path.stat().st_size > _MAX_BYTES:
        raise DataFileError(f"{path}: over {_MAX_BYTES // 2**20} MB")
    try:
        return loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:  # ValueError: also "nested too deeply"
        raise DataFileError(f"{path}: not valid JSON ({exc})") from exc
