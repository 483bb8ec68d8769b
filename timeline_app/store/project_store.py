"""The project store: one SQLite file per corpus folder (see `location.py`).

It keeps what extraction found, by content hash, so that reopening a large folder is a read,
not a re-extraction; and every user edit, committed durably (WAL, synchronous=FULL) before
`add_edit` returns, so that no edit the window showed as done is lost if the process dies.

A store may be built on one thread and used on another (the window opens folders on a worker
thread): each call holds the store's lock, so calls from two threads never interleave.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
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
    """Extraction cache and edit log of one corpus; calls are serialised by a lock."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = threading.RLock()
            self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
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
        with self._lock:
            self._db.close()

    # -- the extraction cache -------------------------------------------------------------
    def cached(self, table: str, key: str) -> Any | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT payload FROM {_table(table)} WHERE key = ?", (key,)
            ).fetchone()
        return _loads(row[0]) if row else None

    def cached_many(self, table: str, keys: list[str]) -> dict[str, Any]:
        """The payloads of those `keys` that are cached: one query per 500 keys, not per key."""
        rows: list[tuple[str, str]] = []
        with self._lock:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows += self._db.execute(
                    f"SELECT key, payload FROM {_table(table)} WHERE key IN ({marks})", part
                ).fetchall()
        return {key: _loads(payload) for key, payload in rows}

    def cache(self, table: str, key: str, payload: Any) -> None:
        self.cache_many(table, [(key, payload)])

    def cache_many(self, table: str, items: Iterable[tuple[str, Any]]) -> None:
        """Store payloads by key in one transaction (a commit waits for the disk)."""
        now = time.time()
        rows = [(key, _dumps(payload), now) for key, payload in items]
        with self._lock, self._db:
            self._db.executemany(
                f"INSERT OR REPLACE INTO {_table(table)} (key, payload, used) VALUES (?, ?, ?)",
                rows,
            )

    # -- the edit log ---------------------------------------------------------------------
    def add_edit(self, kind: str, target: str, value: dict[str, Any]) -> Edit:
        """Record an edit durably; it discards what could have been redone."""
        with self._lock, self._db:
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
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, kind, target, value FROM edits WHERE undone = 0 ORDER BY seq"
            ).fetchall()
        return [Edit(seq, kind, target, json.loads(value)) for seq, kind, target, value in rows]

    def can_undo(self) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM edits WHERE undone = 0 LIMIT 1").fetchone()
        return row is not None

    def can_redo(self) -> bool:
        with self._lock:
            row = self._db.execute("SELECT 1 FROM edits WHERE undone = 1 LIMIT 1").fetchone()
        return row is not None

    def _flip(self, select: str, undone: int) -> Edit | None:
        with self._lock, self._db:
            row = self._db.execute(select).fetchone()
            if row is None:
                return None
            self._db.execute("UPDATE edits SET undone = ? WHERE seq = ?", (undone, row[0]))
            seq, kind, target, value = self._db.execute(
                "SELECT seq, kind, target, value FROM edits WHERE seq = ?", (row[0],)
            ).fetchone()
        return Edit(seq, kind, target, json.loads(value))


def _dumps(payload: Any) -> str:
    """JSON; a list is written one item per line, so that `_loads` can read it item by item.

    One json call on a merged corpus (20,000 events: 20 MB) holds the GIL for half a second,
    and the GUI thread waits that long; item by item, it gets its turn between items.
    """
    if isinstance(payload, list) and payload:
        return "[\n" + ",\n".join(map(_dump, payload)) + "\n]"
    return _dump(payload)


def _dump(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _loads(text: str) -> Any:
    if text.startswith("[\n"):  # JSON escapes newlines in strings: each line is one item
        return [json.loads(line) for line in text[2:-2].split(",\n")]
    return json.loads(text)


def _table(name: str) -> str:
    if name not in ("file_cache", "corpus_cache"):
        raise ValueError(f"no cache table {name!r}")
    return name
