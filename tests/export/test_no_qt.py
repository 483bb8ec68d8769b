"""Data formats and data files need no Qt: the headless `events` command never loads it."""

import json
import subprocess
import sys

from .conftest import DATA


def test_data_export_and_import_load_no_qt(tmp_path):
    code = (
        "import json, sys\n"
        "from timeline_app.export import data_bytes, ImageOptions\n"
        "from timeline_app.interchange import read_data_file\n"
        f"tl = read_data_file({str(DATA / 'spreadsheet.csv')!r})\n"
        "for f in ('json', 'csv', 'timelinejs', 'ics'): data_bytes(tl, f)\n"
        "from timeline_app.cli import main\n"
        f"main(['events', {str(DATA / 'eras-groups.json')!r}, '--format', 'ics',"
        f" '-o', {str(tmp_path / 'x.ics')!r}])\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == []
