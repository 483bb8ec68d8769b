"""The project store: one SQLite file per corpus folder (see `location.py`).

It keeps what extraction found, by content hash, so that reopening a large folder is a read,
not a re-extraction; and every user edit, committed durably (WAL, synchronous=FULL) before
`add_edit` returns, so that no edit the window showed as done is lost if the process dies.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema import migrate

__all__ = ["Edit", "ProjectStore", "StoreError"]


class StoreError(RuntimeError):
    """The store file cannot be opened or is damaged."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One user edit: `kind` names what changed ("event.date", "document.published", ...)."""

    seq: int
    kind: str
    target: str
    value: dict[str, Any]


class ProjectStore:
    """Extraction cache and edit log of one corpus. Use from one thread."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            migrate(self._db)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the project store {path}: {exc}") from exc

    @classmethod
    def in_memory(cls) -> ProjectStore:
        """A store that lasts as long as the process (when no file can be written)."""
        return cls(":memory:")

    def close(self) -> None:
        self._db.close()

    # -- the extraction cache -------------------------------------------------------------
    def cached(self, table: str, key: str) -> Any | None:
        row = self._db.execute(
            f"SELECT payload FROM {_table(table)} WHERE key = ?", (key,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def cache(self, table: str, key: str, payload: Any) -> None:
        with self._db:
            self._db.execute(
                f"INSERT OR REPLACE INTO {_table(table)} (key, payload, used) VALUES (?, ?, ?)",
                (key, json.dumps(payload, ensure_ascii=False, separators=(",", ":")), time.time()),
            )

    # -- the edit log ---------------------------------------------------------------------
    def add_edit(self, kind: str, target: str, value: dict[str, Any]) -> Edit:
        """Record an edit durably; it discards what could have been redone."""
        with self._db:
            self._db.execute("DELETE FROM edits WHERE undone = 1")
            cur = self._db.execute(
                "INSERT INTO edits (made, kind, target, value) VALUES (?, ?, ?, ?)",
                (time.time(), kind, target, json.dumps(value, ensure_ascii=False)),
            )
        return Edit(int(cur.lastrowid or 0), kind, target, value)

    def undo(self) -> Edit | None:
        """Take back the latest edit still in force."""
        return self._flip("SELECT seq FROM edits WHERE undone = 0 ORDER BY seq DESC LIMIT 1", 1)

    def redo(self) -> Edit | None:
        """Put back the edit undone first among those undone since the last new edit."""
        return self._flip("SELECT seq FROM edits WHERE undone = 1 ORDER BY seq ASC LIMIT 1", 0)

    def edits(self) -> list[Edit]:
        """The edits in force, oldest first."""
        rows = self._db.execute(
            "SELECT seq, kind, target, value FROM edits WHERE undone = 0 ORDER BY seq"
        ).fetchall()
        return [Edit(seq, kind, target, json.loads(value)) for seq, kind, target, value in rows]

    def can_undo(self) -> bool:
        return (
            self._db.execute("SELECT 1 FROM edits WHERE undone = 0 LIMIT 1").fetchone() is not None
        )

    def can_redo(self) -> bool:
        return (
            self._db.execute("SELECT 1 FROM edits WHERE undone = 1 LIMIT 1").fetchone() is not None
        )

    def _flip(self, select: str, undone: int) -> Edit | None:
        with self._db:
            row = self._db.execute(select).fetchone()
            if row is None:
                return None
            self._db.execute("UPDATE edits SET undone = ? WHERE seq = ?", (undone, row[0]))
            seq, kind, target, value = self._db.execute(
                "SELECT seq, kind, target, value FROM edits WHERE seq = ?", (row[0],)
            ).fetchone()
        return Edit(seq, kind, target, json.loads(value))


def _table(name: str) -> str:
    if name not in ("file_cache", "corpus_cache"):
        raise ValueError(f"no cache table {name!r}")
    return name
