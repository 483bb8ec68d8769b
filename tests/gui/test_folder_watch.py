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


@pytest.mark.parametrize(
    ("limit", "with_files"),
    [(100, True), (7, True), (6, False), (2, False), (0, False)],
)
def test_beyond_the_watch_limit_only_folders_are_watched(tmp_path, monkeypatch, limit, with_files):
    """Seven articles and a manifest in three folders: each file is watched while there
    are at most MAX_FILE_WATCHES of them, else only the folders (whichever folder the
    count passes the limit in)."""
    from timeline_app.gui import folder_watch

    for folder, names in {
        "": ["a.txt", "b.md"],
        "x": ["c.txt", "manifest.json", "d.bin"],
        "y": ["e.html", "f.txt", "g.json"],
    }.items():
        (tmp_path / folder).mkdir(exist_ok=True)
        for name in names:
            (tmp_path / folder / name).write_text("Talks.", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("Talks.", encoding="utf-8")
    monkeypatch.setattr(folder_watch, "MAX_FILE_WATCHES", limit)
    folders = [str(tmp_path), str(tmp_path / "x"), str(tmp_path / "y")]
    files = [
        str(tmp_path / f)
        for f in ("a.txt", "b.md", "x/c.txt", "x/manifest.json", "y/e.html", "y/f.txt", "y/g.json")
    ]
    got = watch_paths(tmp_path)
    assert sorted(got) == sorted(folders + (files if with_files else []))
