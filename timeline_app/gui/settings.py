"""What the window keeps between runs: its geometry and splitters, recent folders, the
lane mode, export settings and the folders last saved into.

`Settings` wraps a QSettings (`user_settings()`: the user's, or
`$TIMELINE_APP_HOME/settings.ini` when that is set, as in tests) or, with none, a dict
that lasts the session: a window made without settings remembers nothing and reads
nothing of the user's.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

__all__ = ["RECENT_MAX", "Settings", "default_folder", "user_settings"]

RECENT_MAX = 8
_KINDS = {  # what is saved → where to offer saving it when nothing was saved yet
    "images": QStandardPaths.StandardLocation.PicturesLocation,
    "data": QStandardPaths.StandardLocation.DocumentsLocation,
}


def user_settings() -> QSettings:
    """The user's settings: `$TIMELINE_APP_HOME/settings.ini` if that variable is set,
    else Qt's place for this application (~/.config/timeline-app/timeline-app.conf)."""
    home = os.environ.get("TIMELINE_APP_HOME")
    if home:
        return QSettings(str(Path(home) / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings("timeline-app", "timeline-app")


def default_folder(kind: str) -> Path:
    """Where to offer saving `kind` ("images" or "data") the first time: the user's
    Pictures or Documents folder, or the home folder when that does not exist."""
    location = QStandardPaths.writableLocation(_KINDS[kind])
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


class Settings:
    """Typed access to what is remembered; every value is checked when read back (a
    settings file may be old, hand-edited or from another version)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store
        self._memory: dict[str, object] = {}

    # -- raw values ----------------------------------------------------------------------
    def value(self, key: str) -> object:
        if self.store is None:
            return self._memory.get(key)
        return self.store.value(key)

    def set_value(self, key: str, value: object) -> None:
        if self.store is None:
            self._memory[key] = value
        else:
            self.store.setValue(key, value)

    def sync(self) -> None:
        """Write to disk now (Qt otherwise writes later, or when the store is deleted)."""
        if self.store is not None:
            self.store.sync()

    def text(self, key: str, default: str = "") -> str:
        value = self.value(key)
        return value if isinstance(value, str) else default

    def number(self, key: str, default: int) -> int:
        try:
            return int(str(self.value(key)))
        except ValueError:
            return default

    def blob(self, key: str) -> QByteArray | None:
        value = self.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def numbers(self, key: str) -> list[int]:
        """A list of ints (an ini file gives a list of strings, or one string for one)."""
        value = self.value(key)
        items = value if isinstance(value, list) else [value] if value is not None else []
        try:
            return [int(str(v)) for v in items]
        except ValueError:
            return []

    def texts(self, key: str) -> list[str]:
        value = self.value(key)
        items = value if isinstance(value, list) else [value] if value else []
        return [v for v in items if isinstance(v, str) and v]

    # -- what the window keeps -------------------------------------------------------------
    def recent(self) -> list[Path]:
        """Folders and files opened, the last first."""
        return [Path(p) for p in self.texts("recent/paths")][:RECENT_MAX]

    def add_recent(self, path: Path) -> None:
        path = path.absolute()
        if not _storable(path):
            return
        paths = [path, *(p for p in self.recent() if p != path)][:RECENT_MAX]
        self.set_value("recent/paths", [str(p) for p in paths])

    def clear_recent(self) -> None:
        self.set_value("recent/paths", [])

    def last_folder(self, kind: str) -> Path | None:
        """The folder `kind` ("images", "data", "open") was last saved into or opened from,
        if it still exists."""
        text = self.text(f"folders/{kind}")
        return Path(text) if text and Path(text).is_dir() else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        if _storable(folder):
            self.set_value(f"folders/{kind}", str(folder))

    def save_folder(self, kind: str) -> Path:
        """Where to offer saving `kind`: the last folder used, else `default_folder`."""
        return self.last_folder(kind) or default_folder(kind)


def _storable(path: Path) -> bool:
    """Whether a settings file can hold `path`: not a name whose bytes are not UTF-8."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
