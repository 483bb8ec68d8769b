"""The folder watcher: a burst of changes is one `changed`, changes apart are two, and only
after the folder has been quiet for DEBOUNCE_MS."""

from __future__ import annotations

import os
import time

import pytest

from timeline_app.gui.folder_watch import DEBOUNCE_MS, FolderWatch, watch_paths


def _save(path, text: str) -> None:
    """As an editor saves: a new file renamed into place."""
    tmp = path.with_name(path.name + ".saving")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _burst_of_copies(folder, n: int) -> None:
    for k in range(n):
        (folder / f"copy{k:02}.txt").write_text(f"Article {k}.", encoding="utf-8")


def _deleted(folder, n: int) -> None:
    for path in sorted(folder.glob("*.txt"))[:n]:
        path.unlink()


@pytest.fixture
def watched(qtbot, tmp_path):
    for k in range(3):
        (tmp_path / f"a{k}.txt").write_text(f"Article {k}.", encoding="utf-8")
    watch = FolderWatch()
    watch.set_paths(watch_paths(tmp_path))
    fired: list[float] = []
    watch.changed.connect(lambda: fired.append(time.perf_counter()))
    yield tmp_path, watch, fired
    watch.clear()


@pytest.mark.parametrize(
    "burst",
    [
        pytest.param(lambda f: _save(f / "a1.txt", "Rewritten."), id="one save"),
        pytest.param(lambda f: _burst_of_copies(f, 20), id="twenty files copied in"),
        pytest.param(lambda f: _deleted(f, 3), id="every file deleted"),
        pytest.param(
            lambda f: (f / "a0.txt").write_text("In place.", encoding="utf-8"), id="in place"
        ),
    ],
)
def test_a_burst_of_changes_is_one_reload_after_the_quiet_time(qtbot, watched, burst):
    folder, watch, fired = watched
    started = time.perf_counter()
    burst(folder)  # no event is handled meanwhile: the whole burst is queued at once
    qtbot.waitUntil(lambda: len(fired) == 1, timeout=5000)
    assert fired[0] - started >= DEBOUNCE_MS / 1000 * 0.9, "after the folder was quiet"
    qtbot.wait(3 * DEBOUNCE_MS)
    assert len(fired) == 1, "one reload for the whole burst"


def test_changes_further_apart_than_the_quiet_time_are_two_reloads(qtbot, watched):
    folder, watch, fired = watched
    _save(folder / "a1.txt", "First.")
    qtbot.waitUntil(lambda: len(fired) == 1, timeout=5000)
    _save(folder / "a2.txt", "Second.")
    qtbot.waitUntil(lambda: len(fired) == 2, timeout=5000)
    qtbot.wait(3 * DEBOUNCE_MS)
    assert len(fired) == 2
