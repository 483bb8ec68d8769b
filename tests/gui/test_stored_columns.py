"""A folder reopened in the window is drawn from its stored columns (no event decoded for the
first frame), and shows exactly what the first open showed: rows, detail, summary, search."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from timeline_app.gui.main_window import MainWindow
from timeline_app.model.event_columns import ColumnEvents
from timeline_app.model.lazy_documents import LazyDocuments
from timeline_app.paths import SHIPPED_CORPUS

ARTICLES = Path(__file__).resolve().parents[2] / "benchmarks" / "articles.py"


@pytest.fixture(params=["shipped", "generated"])
def folder(request, tmp_path):
    """The shipped corpus, or 40 generated articles (more events than the list has rows)."""
    folder = tmp_path / "corpus"
    if request.param == "shipped":
        shutil.copytree(SHIPPED_CORPUS, folder)
    else:
        subprocess.run(
            [sys.executable, str(ARTICLES), str(folder), "--count", "40"],
            check=True,
            capture_output=True,
        )
    return folder


@pytest.fixture
def window(empty_window):
    return empty_window


def opened(qtbot, win, path):
    with qtbot.waitSignal(win.state.project_opened, timeout=60000):
        assert win.open_folder(path)
    qtbot.waitUntil(lambda: not win.state.loading, timeout=60000)


def rows(win) -> list[tuple]:
    model = win.event_list.model()
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return [
        tuple(model.index(r, c).data(role) for c in range(model.columnCount()) for role in roles)
        for r in range(model.rowCount())
    ]


def seen(win) -> dict:
    """What the window shows of the opened corpus."""
    state = win.state
    out = {"rows": rows(win), "summary": win.detail_pane.plain_text()}
    details = []
    for i in range(0, len(state.store), max(1, len(state.store) // 12)):
        state.select_index(i)
        details.append(win.detail_pane.plain_text())
    state.select(None)
    state.set_search("Lukashenko")
    out.update(details=details, matches=state.matches.tolist(), parts=dict(state.match_parts))
    state.set_search("")
    return out


def test_a_reopened_folder_shows_what_the_first_open_showed(qtbot, window, folder):
    opened(qtbot, window, folder)
    assert isinstance(window.state.timeline.events, list)  # merged on this open
    first = seen(window)

    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    opened(qtbot, other, folder)
    events = other.state.timeline.events
    assert isinstance(events, ColumnEvents)
    # the articles come from the folder's listing, each decoded when first shown
    assert isinstance(other.state.timeline.documents, LazyDocuments)
    table = other.event_list
    visible = table.viewport().height() // max(1, table.rowHeight(0)) + 2
    assert len(events.decoded) <= visible < len(events) or len(events) <= visible
    assert seen(other) == first
    other.close()
