"""Watching the open corpus folder: added, changed and deleted files reload the timeline.

QFileSystemWatcher watches the folder, its subfolders and its article files: a folder's
watch reports files added, deleted or renamed into place (how most editors save), a file's
watch reports a file rewritten in place. Events come in bursts (a copy of 100 files, an
editor's save), so they are debounced: `changed` is emitted once things have been quiet for
DEBOUNCE_MS. Watching a file costs a kernel watch, so beyond MAX_FILE_WATCHES files only the
folders are watched (files added or deleted are still seen; rewrites in place are not).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from timeline_app.ingest.files import ARTICLE_SUFFIXES
from timeline_app.ingest.manifest import MANIFEST_NAME

__all__ = ["DEBOUNCE_MS", "MAX_FILE_WATCHES", "FolderWatch", "watch_paths"]

# A save (a temporary file renamed into place) comes as events a few ms apart; a copy of many
# files, as events well under this apart. Waited on every change the user makes, so short:
# a burst that pauses longer is read twice (the second reload waits for the first), which
# costs time, never a wrong timeline.
DEBOUNCE_MS = 50
MAX_FILE_WATCHES = 4000


def watch_paths(path: Path) -> list[str]:
    """The folders and article files to watch under `path` (a folder or one file).

    Plain Python, so that a worker thread can walk a large folder instead of the GUI thread.
    """
    if not path.is_dir():
        return [str(path)]
    folders, files = [str(path)], []
    many = False  # more files than are watched: only their number is known, not their paths
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folders += [os.path.join(root, d) for d in dirs]
        if many:
            continue
        files += [
            os.path.join(root, n)
            for n in names
            if n == MANIFEST_NAME or n.lower().endswith(ARTICLE_SUFFIXES)
        ]
        many = len(files) > MAX_FILE_WATCHES  # a folder of 10,000 articles is walked per reload
    return folders + ([] if many else files)


class FolderWatch(QObject):
    """Watches a set of paths; `set_paths` replaces it.

    Signals:
        changed(): something under the folder changed, and then nothing for DEBOUNCE_MS.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_change)
        self._watcher.fileChanged.connect(self._on_change)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(DEBOUNCE_MS)
        self._quiet.timeout.connect(self.changed)

    def set_paths(self, paths: list[str]) -> None:
        """Watch exactly `paths`. Qt drops the watch of a file that was deleted or replaced
        by a rename, so calling this after each reload watches the new file."""
        old = set(self._watcher.files()) | set(self._watcher.directories())
        gone = old - set(paths)
        if gone:
            self._watcher.removePaths(sorted(gone))
        missing = [p for p in paths if p not in old]
        if missing:
            self._watcher.addPaths(missing)

    def clear(self) -> None:
        self._quiet.stop()
        self.set_paths([])

    def watched(self) -> list[str]:
        return [*self._watcher.directories(), *self._watcher.files()]

    def _on_change(self, path: str) -> None:
        self._quiet.start()  # (re)start: one reload per burst
