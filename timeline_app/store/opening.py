"""Opening a store file: refuse a newer one untouched, notice damage, say what a crash lost.

Damage is looked for where it costs little and matters most: the file's header and schema
(read by any statement), the edit log (checked and read whole, it is small), and the end of
the write-ahead log after a crash. The cache is checked as it is read (see `ProjectStore`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

from .codec import DamagedRecord, edit_fields
from .notices import log_tail_lost
from .schema import check_version, migrate
from .wal import WalIndex, WalTail, read_index, unread_tail

__all__ = ["connect", "connect_read_only", "open_file"]


def connect(target: Path | str) -> sqlite3.Connection:
    return sqlite3.connect(target, timeout=30, check_same_thread=False)


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that never writes to the file at `path`; `immutable` also leaves its
    log unread and makes no side file beside it (for a damaged file set aside)."""
    uri = f"file:{quote(os.fsencode(path))}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def open_file(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """The store at `path`, migrated and checked, and a notice if a crash lost its last write.

    Raises `StoreVersionError` for a newer store (nothing written), `DamagedRecord` or
    `sqlite3.DatabaseError` for a damaged one (`recovery.is_damage`), other errors as they come.
    """
    was_empty = path.is_file() and path.stat().st_size == 0
    wal = Path(f"{path}-wal")
    index = read_index(Path(f"{path}-shm")) if wal.is_file() else None  # before SQLite resets it
    if path.is_file():
        _check_version_read_only(path)
    db = connect(path)
    try:
        version = check_version(db)  # "file is not a database" is raised here
        notice = _lost_log_tail(db, path, wal, index) if wal.is_file() else None
        if version == 0 and was_empty:  # a store always holds its schema: this one was cut
            raise DamagedRecord("empty: 0 bytes")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        migrate(db)
        _check_edits(db)
    except BaseException:
        db.close()
        raise
    return db, notice


def _check_version_read_only(path: Path) -> None:
    """`StoreVersionError` for a newer store, found without writing to it: a connection that
    may write would copy its log into it on closing."""
    db = connect_read_only(path)
    try:
        check_version(db)
    except sqlite3.DatabaseError:
        pass  # damage: found again below, on the connection that can act on it
    finally:
        db.close()


def _check_edits(db: sqlite3.Connection) -> None:
    for table in ("edits", "sqlite_sequence"):
        result = [r[0] for r in db.execute(f"PRAGMA quick_check({table})")]
        if result != ["ok"]:
            found = " ".join(result[0].replace("*** in database main ***", "").split())
            raise DamagedRecord(f"integrity check: {found[:120]}")
    for seq, kind, target, value in db.execute("SELECT seq, kind, target, value FROM edits"):
        edit_fields(seq, kind, target, value)


def _lost_log_tail(
    db: sqlite3.Connection, path: Path, wal: Path, index: WalIndex | None
) -> str | None:
    """After a crash: the log's last write that SQLite could not read, copied aside, named.

    Runs before anything is written, while the log is as the crash left it. How many frames
    SQLite read is in the index it has just rebuilt (a pure read: a full disk allows it)."""
    kept = _frames_read(db, Path(f"{path}-shm"))
    tail = unread_tail(wal, kept, index) if kept is not None else None
    if tail is None:
        return None
    copy = _copied_aside(wal)
    edits = db.execute("SELECT count(*) FROM edits").fetchone()[0] if _has_edits(db) else 0
    notice = log_tail_lost(
        tail.unread, copy, edits, committed=tail.committed, edit_seen=_edit_pages_in(db, tail)
    )
    with suppress(sqlite3.OperationalError):  # the unread end goes: said once, not again
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return notice


def _copied_aside(wal: Path) -> Path | None:
    copy = wal.with_name(f"{wal.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        shutil.copyfile(wal, copy)
    except OSError:
        return None
    return copy


def _frames_read(db: sqlite3.Connection, shm: Path) -> int | None:
    rebuilt = read_index(shm)
    if rebuilt is not None:
        return rebuilt.frames
    try:  # no index to read: a checkpoint reports the count too
        row = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[1] if row and row[1] >= 0 else None


def _has_edits(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'edits'").fetchone() is not None


def _edit_pages_in(db: sqlite3.Connection, tail: WalTail) -> bool:
    """Whether the unread frames held pages of the edit log (an edit adds to `edits` and
    `sqlite_sequence`; an undo changes `edits`); the cache's pages are elsewhere."""
    try:
        pages = {
            r[0]
            for r in db.execute(
                "SELECT pageno FROM dbstat WHERE name IN ('edits', 'sqlite_sequence')"
            )
        }
    except sqlite3.Error:  # no dbstat in this SQLite
        return False
    return bool(pages & tail.pages)
