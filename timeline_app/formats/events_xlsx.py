"""Events as an Excel workbook (.xlsx), written with openpyxl: the CSV's rows in a sheet.

A workbook carries its text as Unicode, so accents open right in Excel, LibreOffice and
Numbers without an import dialog. One sheet, "Events", with the columns of `events_csv`
(a span's date "0602/0629" and its words "602 – 629", start and end as ISO dates, which sort
as text and, unlike spreadsheet dates, reach before 1900); the header row is frozen and
filterable. Every value is written as text or a number, never as a formula: a title that
begins with "=" stays a title. Characters a workbook cannot hold (control characters, a
file name's undecodable bytes) are written escaped ("\\x1b"), and a cell is cut at the
32,767 characters a spreadsheet cell holds, ending with "…".
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..model import Timeline
from .events_csv import CSV_COLUMNS, event_rows

__all__ = ["CELL_LIMIT", "SHEET", "events_xlsx"]

SHEET = "Events"
CELL_LIMIT = 32_767  # characters in one cell (Excel's limit; LibreOffice's is larger)
_WIDTHS = {
    "title": 50,
    "label": 24,
    "source_sentences": 80,
    "source_context": 40,
    "note": 50,
    "date_support": 40,
}
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def events_xlsx(timeline: Timeline) -> bytes:
    """The workbook's bytes: a header row, then one row per event the user has not hidden."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(CSV_COLUMNS)
    for row in event_rows(timeline):
        sheet.append([_cell(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=…" is text the corpus wrote, never a formula
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for k, name in enumerate(CSV_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(k)].width = _WIDTHS.get(name, 14)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = _UNSAFE.sub(_escaped, value)
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def _escaped(m: re.Match[str]) -> str:
    """A control character as "\\x1b", an undecodable byte's surrogate as "\\udce9"."""
    code = ord(m.group())
    return f"\\u{code:04x}" if code >= 0xD800 else f"\\x{code:02x}"
