"""The headless path never loads Qt: the Qt-free packages, the data formats, and the
`events` and `tag` commands, each run in a fresh interpreter that lists the Qt modules it
loaded (pyproject.toml's import contracts check the same statically); nor Dask, which only
`build --engine dask` imports."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.paths import SHIPPED_CORPUS

DATA = Path(__file__).parent / "formats" / "data"
QT_FREE = [
    "timeline_app.model",
    "timeline_app.temporal",
    "timeline_app.ingest",
    "timeline_app.formats",
    "timeline_app.store",
    "timeline_app.project",
    "timeline_app.plan",
    "timeline_app.render",
    "timeline_app.cli",
]
ARTICLE = SHIPPED_CORPUS / "2023-11-26_tokayev-lukashenko-tension.txt"


def qt_modules_after(code: str, roots=("PySide6", "shiboken6", "pyqtgraph")) -> list[str]:
    """The modules under `roots` (by default Qt's) loaded once `code` has run."""
    code += (
        f"\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules "
        f"if m.startswith({tuple(roots)!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_the_qt_free_packages_load_a_corpus_without_qt():
    assert (
        qt_modules_after(
            f"for m in {QT_FREE!r}: __import__(m)\n"
            "from timeline_app.ingest import load_corpus\n"
            "from timeline_app.paths import SHIPPED_CORPUS\n"
            "load_corpus(SHIPPED_CORPUS)\n"
        )
        == []
    )


def test_data_formats_read_and_write_without_qt():
    assert (
        qt_modules_after(
            "from timeline_app.formats import data_bytes, read_data_file\n"
            f"tl = read_data_file({str(DATA / 'spreadsheet.csv')!r})\n"
            "for f in ('json', 'csv', 'timelinejs', 'ics'): data_bytes(tl, f)\n"
        )
        == []
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["events", str(SHIPPED_CORPUS), "--format", "json"],
        ["events", str(DATA / "eras-groups.json"), "--format", "ics"],
        ["tag", str(ARTICLE), "--dct", "2023-11-26"],
    ],
    ids=["events-corpus", "events-data-file", "tag"],
)
def test_headless_commands_load_no_qt(argv, tmp_path):
    argv = [*argv, "-o", str(tmp_path / "out")]
    assert (
        qt_modules_after(f"from timeline_app.cli import main\nassert main({argv!r}) == 0\n") == []
    )


def test_the_events_command_loads_nothing_of_the_window_or_the_pictures(tmp_path):
    argv = ["events", str(SHIPPED_CORPUS), "-o", str(tmp_path / "out")]
    assert (
        qt_modules_after(
            f"from timeline_app.cli import main\nassert main({argv!r}) == 0\n",
            roots=("timeline_app.gui", "timeline_app.render", "timeline_app.plan"),
        )
        == []
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["events", str(SHIPPED_CORPUS), "-o", "{out}"],
        ["tag", str(ARTICLE), "--dct", "2023-11-26", "-o", "{out}"],
        ["build", str(SHIPPED_CORPUS), "--rebuild", "--workers", "2"],
    ],
    ids=["events", "tag", "build-local"],
)
def test_the_local_engine_loads_no_dask(argv, tmp_path):
    """Dask is an optional extra, imported only by `--engine dask` (the build on 2 local
    processes goes through the engine's pool, not around it)."""
    argv = [a.replace("{out}", str(tmp_path / "out")) for a in argv]
    code = f"from timeline_app.cli import main\nassert main({argv!r}) == 0\n"
    assert qt_modules_after(code, roots=("dask", "distributed")) == []
