"""Timelines as data files, each format read and written in one module. No Qt.

Our event JSON (`event_json`), TimelineJS3 JSON (`timelinejs`) and the TimelineJS
spreadsheet saved as CSV (`timelinejs_csv`, read only), one row per event as CSV
(`events_csv`, written only) and iCalendar (`ics`, written only). `reading` says whether a
path is a data file and reads it; `writing` turns a timeline into any of the formats.
"""

from .reading import DataFileError, data_kind, expected_timeline, is_data_file, read_data_file
from .writing import DATA_FORMATS, data_bytes, write_data

__all__ = [
    "DATA_FORMATS",
    "DataFileError",
    "data_bytes",
    "data_kind",
    "expected_timeline",
    "is_data_file",
    "read_data_file",
    "write_data",
]
