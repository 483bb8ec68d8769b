"""A damaged store is kept aside, and its edits that can still be read are carried over.

The articles are the truth and the cache is rebuilt from them, so damage must never keep a
timeline from opening; only the edits are the user's own work. The damaged file is renamed,
never deleted or written, and its edit log is read row by row as far as it can be read.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .codec import DamagedRecord, edit_fields
from .opening import connect_read_only

__all__ = [
    "EDIT_COLUMNS",
    "Salvage",
    "damage_reason",
    "is_damage",
    "put_back",
    "salvage_edits",
    "set_aside",
]

EDIT_COLUMNS = "seq, made, kind, target, value, undone"
_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_SIDE_FILES = ("-wal", "-shm", "-journal")
_MAX_PROBES = 1_000_000  # a sequence number beyond this is itself damage


def is_damage(exc: BaseException) -> bool:
    """True for errors that mean the file is damaged (not busy, full or unreadable)."""
    if isinstance(exc, DamagedRecord) or _not_utf8(exc):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return (
        isinstance(exc, sqlite3.DatabaseError)
        and code is not None
        and (code & 0xFF in _DAMAGE_CODES)
    )


def damage_reason(exc: BaseException) -> str:
    """The error in a few words; never the stored text itself (garbage, or the user's)."""
    if _not_utf8(exc):
        return "stored text that is not valid UTF-8"
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _not_utf8(exc: BaseException) -> bool:
    """Python's sqlite3 itself raises this, with no SQLite error code, and the text in it."""
    return (
        isinstance(exc, sqlite3.OperationalError)
        and getattr(exc, "sqlite_errorcode", None) is None
        and "could not decode" in str(exc).lower()
    )


def set_aside(path: Path) -> Path:
    """Rename the store and its side files to `<name>.damaged-YYYYmmdd-HHMMSS[-N]`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
    while any(Path(f"{aside}{s}").exists() for s in ("", *_SIDE_FILES)):
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(aside)
    for suffix in _SIDE_FILES:  # the log belongs to the file: beside a new store it would harm
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{aside}{suffix}")
    return aside


def put_back(aside: Path, path: Path) -> None:
    """Undo `set_aside` (when no fresh store could take its place): the next open tries again
    and says so again, rather than finding a fresh store without the edits."""
    for suffix in ("", *_SIDE_FILES):
        with suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
            if Path(f"{aside}{suffix}").exists():
                Path(f"{aside}{suffix}").rename(f"{path}{suffix}")


@dataclass(slots=True)
class Salvage:
    """The rows of the edit log that could be read, as stored; `lost` rows could not be
    (None: how many is unknown)."""

    rows: list[tuple[object, ...]]
    lost: int | None


def salvage_edits(path: Path) -> Salvage:
    """Every edit of the store at `path` that can still be read; the file is opened read-only
    (SQLite's index of the log it may create beside it is removed again)."""
    sides = [Path(f"{path}{s}") for s in ("-wal", "-shm")]
    new = [side for side in sides if not side.exists()]
    try:
        db = connect_read_only(path)
    except sqlite3.Error:
        return Salvage([], None)
    try:
        return _whole(db) or _row_by_row(db)
    finally:
        db.close()
        for side in new:
            with suppress(OSError):
                if side.name.endswith("-shm") or side.stat().st_size == 0:
                    side.unlink()


def _whole(db: sqlite3.Connection) -> Salvage | None:
    try:
        rows = db.execute(f"SELECT {EDIT_COLUMNS} FROM edits ORDER BY seq").fetchall()
    except sqlite3.Error:
        return None
    good = [r for r in rows if _readable(r)]
    return Salvage(good, len(rows) - len(good))


def _row_by_row(db: sqlite3.Connection) -> Salvage:
    """Each sequence number up to the highest one given out, by itself: a damaged page loses
    only its own rows. Without that number, the log is read in order until it breaks."""
    top = _first(db, "SELECT seq FROM sqlite_sequence WHERE name = 'edits'")
    top = top if isinstance(top, int) else _first(db, "SELECT max(seq) FROM edits")
    if not isinstance(top, int) or not 0 <= top <= _MAX_PROBES:
        rows = []
        try:
            for row in db.execute(f"SELECT {EDIT_COLUMNS} FROM edits ORDER BY seq"):
                rows.append(row)
        except sqlite3.Error:
            pass
        return Salvage([r for r in rows if _readable(r)], None)
    good, lost = [], 0
    for seq in range(1, top + 1):
        try:
            row = db.execute(f"SELECT {EDIT_COLUMNS} FROM edits WHERE seq = ?", (seq,)).fetchone()
        except sqlite3.Error:
            lost += 1
            continue
        if row is not None and _readable(row):
            good.append(row)
        elif row is not None:
            lost += 1
    return Salvage(good, lost)


def _first(db: sqlite3.Connection, sql: str) -> object:
    try:
        row = db.execute(sql).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _readable(row: tuple[object, ...]) -> bool:
    seq, made, kind, target, value, undone = row
    try:
        edit_fields(seq, kind, target, value)
    except DamagedRecord:
        return False
    return isinstance(made, (int, float)) and undone in (0, 1)
