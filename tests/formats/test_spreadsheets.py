"""Files for spreadsheets, read back the way a spreadsheet reads them: CSV with the UTF-8
byte order mark, and an Excel workbook (openpyxl, as LibreOffice and Excel open it)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from timeline_app.cli import main
from timeline_app.formats import DATA_FORMATS, data_bytes, write_data
from timeline_app.formats.events_csv import CSV_COLUMNS
from timeline_app.formats.events_xlsx import CELL_LIMIT, SHEET
from timeline_app.formats.writing import format_for_path
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline

TITLE = "Gespräch für Frieden – Ερμού & Łódź"


def accented_timeline() -> Timeline:
    text = 'Am 5. März sprach man über Frieden.\n\n=HYPERLINK("http://x") \x1b[31m\n'
    doc = Document(
        "caf\udce9.txt", Path("caf\udce9.txt"), text, title="Für alle", outlet="Die Zeitung"
    )
    day = FuzzyDate(2023, 3, 5)
    source = Source(doc.id, 0, 35, 3, 11, "5. März", day)
    events = [
        Event("e1", TITLE, day, [source], ["Łódź"]),
        Event("e2", '=HYPERLINK("http://x","click")', FuzzyDate(2023), [source]),
        Event("war", "Roman–Persian war", FuzzyDate(602).span_to(FuzzyDate(629)), [source]),
        Event("long", "x" * (CELL_LIMIT + 10), FuzzyDate(2024, 1)),
    ]
    return Timeline({doc.id: doc}, events, name="Zeitung")


def spreadsheet_decoding(data: bytes) -> str:
    """What LibreOffice's and Excel's default CSV import do: UTF-8 when the file starts
    with its byte order mark, else the system's 8-bit code page (Windows-1252 here)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    return data.decode("cp1252", errors="replace")


def test_csv_file_opens_with_its_accents_in_a_spreadsheet():
    data = data_bytes(accented_timeline(), "csv")
    text = spreadsheet_decoding(data)
    assert TITLE in text and "fÃ¼r" not in text
    assert text.startswith(",".join(CSV_COLUMNS))
    # without the mark the same import garbles it, as the issue saw
    assert "fÃ¼r" in spreadsheet_decoding(data[3:])


def test_csv_on_stdout_has_no_byte_order_mark(capsys, tmp_path):
    path = tmp_path / "events.json"
    write_data(accented_timeline(), "json", path)
    assert main(["events", str(path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("id,title,") and TITLE in out


def _sheet(data: bytes):
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [SHEET]
    rows = list(book[SHEET].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]], rows[0]


def test_xlsx_reads_back_with_every_column_and_accent():
    tl = accented_timeline()
    rows, header = _sheet(data_bytes(tl, "xlsx"))
    assert list(header) == CSV_COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {e.id for e in tl.events}
    assert by_id["e1"]["title"] == TITLE and by_id["e1"]["actors"] == "Łódź"
    assert by_id["e1"]["group"] == "Die Zeitung" and by_id["e1"]["source_count"] == 1
    assert "Am 5. März sprach man über Frieden." in by_id["e1"]["source_sentences"]
    war = by_id["war"]
    assert (war["date"], war["label"], war["start"], war["end"]) == (
        "0602/0629",
        "602 – 629",
        "0602-01-01",
        "0629-12-31",
    )


def test_xlsx_never_holds_a_formula_nor_a_character_a_workbook_cannot():
    rows, _ = _sheet(data_bytes(accented_timeline(), "xlsx"))
    by_id = {r["id"]: r for r in rows}
    assert by_id["e2"]["title"] == '=HYPERLINK("http://x","click")'
    book = openpyxl.load_workbook(io.BytesIO(data_bytes(accented_timeline(), "xlsx")))
    assert all(c.data_type != "f" for row in book[SHEET].iter_rows() for c in row)
    assert by_id["e1"]["source_files"] == "caf\\udce9.txt"  # the name's byte, escaped
    assert len(by_id["long"]["title"]) == CELL_LIMIT and by_id["long"]["title"].endswith("…")


def test_xlsx_escapes_control_characters():
    tl = accented_timeline()
    tl.event("e1").title = "bell\x07 and esc\x1b"
    rows, _ = _sheet(data_bytes(tl, "xlsx"))
    assert {r["id"]: r for r in rows}["e1"]["title"] == "bell\\x07 and esc\\x1b"


def test_xlsx_is_a_format_of_the_cli_and_the_export_dialog(tmp_path, capsys):
    assert DATA_FORMATS["xlsx"][0] == ".xlsx" and format_for_path("t.XLSX") == "xlsx"
    path = tmp_path / "events.json"
    write_data(accented_timeline(), "json", path)
    out = tmp_path / "events.xlsx"
    assert main(["events", str(path), "--format", "xlsx", "-o", str(out)]) == 0
    rows, _ = _sheet(out.read_bytes())
    assert {r["title"] for r in rows} >= {TITLE}


def test_xlsx_to_a_pipe_is_the_workbook(capfdbinary, tmp_path):
    path = tmp_path / "events.json"
    write_data(accented_timeline(), "json", path)
    assert main(["events", str(path), "--format", "xlsx"]) == 0
    rows, _ = _sheet(capfdbinary.readouterr().out)
    assert len(rows) == 4


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_hidden_events_are_left_out(fmt):
    tl = accented_timeline()
    tl.event("e1").hidden = True
    data = data_bytes(tl, fmt)
    text = spreadsheet_decoding(data) if fmt == "csv" else str(_sheet(data)[0])
    assert TITLE not in text and "Roman–Persian war" in text
