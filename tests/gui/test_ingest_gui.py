"""Opening a folder in the background: progress, partial timelines, Cancel, import problems,
and a watched folder whose changes update the timeline."""

from __future__ import annotations

import time

import pytest

from timeline_app.ingest import file_loader, load_corpus, pool
from timeline_app.ingest.progress import Pacer

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int, day: int = 0) -> str:
    day = day or 3 + i
    return (
        f"Talks number {i}\nPosted: {day:02d}.03.2021 10:00:00\n\n"
        f"Minister Anna Berg{i} met the delegation of the Council in Riga on "
        f"{WEEKDAYS[i % 5]}, the ministry said.\n"
        f"The previous round took place on {i + 1} February 2019.\n"
    )


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    root.mkdir()
    for i in range(6):
        (root / f"a{i:02d}.txt").write_text(article(i), encoding="utf-8")
    return root


@pytest.fixture
def window(empty_window):
    return empty_window


def open_and_wait(qtbot, win, path):
    with qtbot.waitSignal(win.state.project_opened, timeout=5000):
        assert win.open_folder(path)
    return win.state.project


def test_open_runs_in_the_background_with_progress_and_ends_with_every_event(qtbot, window, folder):
    seen = []
    assert window.open_folder(folder)
    assert window.folder_loader.status.isVisible(), "progress shows at once"
    window.folder_loader._worker.progressed.connect(lambda *a: seen.append(a))
    assert window.state.project is None, "open_folder returned before the folder was read"
    qtbot.waitUntil(lambda: window.state.project is not None, timeout=5000)
    expected = load_corpus(folder)
    assert len(window.state.store) == len(expected.events)
    assert sorted(window.state.timeline.documents) == sorted(expected.documents)
    assert not window.folder_loader.status.isVisible()
    assert seen and seen[-1][1] == 6
    assert window.folder_loader.folder == folder
    assert not window.problems_panel.status_button.isVisible()


def test_partial_timelines_show_while_files_are_read(qtbot, window, folder, monkeypatch):
    class Always(Pacer):
        def due(self) -> bool:
            return True

    monkeypatch.setattr(file_loader, "Pacer", Always)
    sizes = []
    window.state.timeline_changed.connect(
        lambda: sizes.append(len(window.state.timeline.documents))
    )
    open_and_wait(qtbot, window, folder)
    # one partial at least (those made while the last waits to be shown are dropped)
    assert len(sizes) >= 2 and sizes[0] < 6
    assert sizes == sorted(sizes) and sizes[-1] == 6


def test_cancel_stops_and_leaves_a_usable_window(qtbot, window, folder, monkeypatch):
    real = pool.extract_file
    monkeypatch.setattr(pool, "extract_file", lambda *a: time.sleep(0.3) or real(*a))
    before = window.state.timeline
    assert window.open_folder(folder)
    worker = window.folder_loader._worker
    qtbot.waitUntil(
        lambda: window.folder_loader.status.label.text().startswith("Reading 1 /"), timeout=3000
    )
    window.folder_loader.status.cancel_button.click()
    assert not window.folder_loader.busy and not window.folder_loader.status.isVisible()
    assert window.state.timeline is before and window.state.project is None
    assert worker.wait(2.0), "the worker stops at its next file"
    monkeypatch.setattr(pool, "extract_file", real)
    project = open_and_wait(qtbot, window, folder)  # usable: open again, cached files skip
    assert len(project.timeline.documents) == 6


def test_a_bad_file_is_named_in_the_import_problems_panel(qtbot, window, folder):
    (folder / "broken.json").write_text('{"title": "cut off', encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    open_and_wait(qtbot, window, folder)
    panel = window.problems_panel
    rows = [(p.path, p.reason) for p in panel.model.problems]
    assert ("scan.pdf", "not an article format (.pdf); skipped") in rows
    assert any(f == "broken.json" and "malformed JSON" in r for f, r in rows)
    qtbot.waitUntil(panel.isVisible, timeout=1000)  # it opens by itself
    assert panel.stack.currentWidget() is panel.table
    assert panel.model.rowCount() == 2
    assert panel.status_button.isVisible() and panel.status_button.text() == "2 import problems"
    panel.close()
    panel.status_button.click()
    assert panel.isVisible()
    assert len(window.state.timeline.documents) == 6, "every other file loads"


def test_no_problems_says_so(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel = window.problems_panel
    assert not panel.isVisible() and not panel.status_button.isVisible()
    panel.reveal()
    assert panel.stack.currentWidget() is panel.empty and "No import problems" in panel.empty.text()


def test_watched_folder_follows_added_changed_and_deleted_files(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    state = window.state
    kept = next(e for e in state.timeline.events if e.sources[0].doc_id == "a00.txt")
    state.select(kept.id)

    (folder / "a06.txt").write_text(article(6), encoding="utf-8")
    qtbot.waitUntil(lambda: "a06.txt" in state.timeline.documents, timeout=5000)
    assert state.selected_id == kept.id, "the selection is kept when its event still exists"

    (folder / "a01.txt").write_text(article(1, day=28), encoding="utf-8")  # rewritten in place
    qtbot.waitUntil(lambda: "28.03.2021" in state.timeline.documents["a01.txt"].text, timeout=5000)

    (folder / "a02.txt").unlink()
    qtbot.waitUntil(lambda: "a02.txt" not in state.timeline.documents, timeout=5000)
    assert state.selected_id == kept.id
    assert window.state.project.timeline is state.timeline
