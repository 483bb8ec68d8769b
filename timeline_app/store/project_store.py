"""The project store: one SQLite file per corpus folder (see `location.py`).

It keeps what extraction found, by content hash, so that reopening a large folder is a read,
not a re-extraction; and every user edit, committed durably (WAL, synchronous=FULL) before
`add_edit` returns, so that no edit the window showed as done is lost if the process dies.
Cache writes are committed without waiting for the disk (synchronous=NORMAL: a power cut
may lose the last of them, which costs a re-extraction, never a damaged file); the first
open of a large folder commits hundreds of cache batches, and each wait was ~20 ms.

A store may be built on one thread and used on another (the window opens folders on a worker
thread): each call holds the store's lock, so calls from two threads never interleave.

A damaged file (found on opening, or by any call later) is kept aside and a fresh store takes
its place with the edits that could be read (`recovery.py`); a cache that cannot be written
(a full disk) is given up for the session. Either way the timeline opens, and `notices` says
in one line each what happened and what was lost.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from . import notices
from .codec import DamagedRecord, dump, dumps, edit_fields, item_texts, loads, name_out, storable
from .opening import connect, connect_read_only, open_file
from .recovery import (
    EDIT_COLUMNS,
    Salvage,
    damage_reason,
    is_damage,
    put_back,
    salvage_edits,
    set_aside,
)
from .schema import SCHEMA_VERSION, StoreVersionError, migrate

__all__ = ["Edit", "ProjectStore", "StoreError", "StoredItems"]

T = TypeVar("T")


class StoreError(RuntimeError):
    """The store file cannot be opened, or an edit could not be saved."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One user edit: `kind` names what changed ("event.date", "document.published", ...)."""

    seq: int
    kind: str
    target: str
    value: dict[str, Any]


class ProjectStore:
    """Extraction cache and edit log of one corpus; calls are serialised by a lock.

    `notices` are one-line messages for the user (see `notices.py`), oldest first.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        self.notices: list[str] = []
        self._lock = threading.RLock()
        self._cache_writable = True
        # once damage replaced the file: what can still be read from it (`_Aside`)
        self._aside: _Aside | None = None
        self._checkpoints: _Checkpoints | None = None
        # (text, payload) of big records read `shared`, by the text: a few of them at most
        self._shared: _SharedPayloads = _SharedPayloads()
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except StoreVersionError as exc:  # never written to: a newer app's edits stay intact
            raise StoreError(notices.newer_store(path, exc.version, SCHEMA_VERSION)) from exc
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the project store {path}: {exc}") from exc

    @classmethod
    def in_memory(cls) -> ProjectStore:
        """A store that lasts as long as the process (when no file can be written)."""
        return cls(":memory:")

    @property
    def notice(self) -> str | None:
        """The notices in one line, or None when there is nothing to say."""
        return "; ".join(self.notices) or None

    def settle(self) -> None:
        """Return once every cache row given is written (`_Checkpoints`): for a reader of
        the file that does not go through this store (another process, a test's SQL)."""
        if self._checkpoints is not None:
            self._checkpoints.written()

    def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.stop()
        with self._lock:
            self._db.close()
        self._shared = _SharedPayloads()  # a folder's listing and index, decoded

    @property
    def caches(self) -> bool:
        """Whether extraction results are still kept: False once a write failed (a full
        disk), for the rest of the session."""
        return self._cache_writable

    # -- the extraction cache -------------------------------------------------------------
    def cached(self, table: str, key: str) -> Any | None:
        return self.cached_many(table, [key]).get(key)

    def cached_many(self, table: str, keys: list[str], *, shared: bool = False) -> dict[str, Any]:
        """The payloads of those `keys` that are cached: one query per 500 keys, not per key.

        A cache that cannot be read is a cache miss (the articles are read instead).
        `shared`: the caller will not change the payloads, so a payload read before with
        the same text is given again as the same objects, not decoded again (a folder's
        listing and index, 6 MB of JSON at 10,000 articles, read on every reload)."""
        if not shared:
            return self._cached(table, keys, loads)
        return self._cached(table, keys, self._decoded_once)

    def _decoded_once(self, text: Any) -> Any:
        payload = self._shared.get(text) if isinstance(text, str) else _MISSING
        if payload is _MISSING:
            payload = loads(text)
            if isinstance(text, str) and len(text) >= _SHARED_MIN:
                self._shared.put(text, payload)
        return payload

    def cached_items(self, table: str, keys: list[str]) -> dict[str, StoredItems]:
        """`cached_many` for payloads that are lists, each given as its items' JSON, an item
        decoded when first read (`StoredItems`): an update reads a few documents' events out
        of merge blocks that hold thousands, a few more documents' at a time, and decoding
        whole blocks (or reading them again for each few) was most of its reading. A
        payload that is no list is left out."""
        found = self._cached(table, keys, _items_of)
        return {key: items for key, items in found.items() if items is not None}

    def _cached(self, table: str, keys: list[str], parse: Callable[[Any], Any]) -> dict[str, Any]:
        if self._checkpoints is not None:
            self._checkpoints.written(table, keys)  # rows still being written

        def read(db: sqlite3.Connection) -> dict[str, Any]:
            rows: list[tuple[str, str]] = []
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows += db.execute(
                    f"SELECT key, payload FROM {_table(table)} WHERE key IN ({marks})", part
                ).fetchall()
            found = _payloads(table, rows, parse)
            if len(found) < len(set(keys)) and self._aside is not None:
                found.update(self._aside.payloads(table, set(keys) - found.keys(), parse))
            return found

        try:
            return self._call(read)
        except sqlite3.OperationalError as exc:  # busy, an I/O error: not damage
            self._note(notices.cache_unreadable(damage_reason(exc)))
            return {}

    def cache(self, table: str, key: str, payload: Any) -> None:
        self.cache_many(table, [(key, payload)])

    def cache_many(self, table: str, items: Iterable[tuple[str, Any]]) -> None:
        """Store payloads by key in one transaction (a commit waits for the disk).

        When that fails (a full disk), the cache is given up for the session: the timeline
        was read from the articles and is shown all the same."""
        if not self._cache_writable:
            return
        now = time.time()
        blob = table in _BLOB_TABLES
        rows = [(key, payload if blob else dumps(payload), now) for key, payload in items]
        if blob and self._checkpoints is not None:  # read back by a later load, if at all
            self._checkpoints.write(_table(table), rows)
            return

        def write(db: sqlite3.Connection) -> None:
            db.executemany(
                f"INSERT OR REPLACE INTO {_table(table)} (key, payload, used) VALUES (?, ?, ?)",
                rows,
            )

        try:
            try:
                self._call(_relaxed(write))
            except UnicodeEncodeError:  # a name that is not UTF-8 (see codec.py)
                rows = [(key, storable(payload), used) for key, payload, used in rows]
                self._call(_relaxed(write))
        except sqlite3.OperationalError as exc:
            self._cache_writable = False
            self._note(notices.cache_unwritable(damage_reason(exc)))
            return
        if self._checkpoints is not None:
            self._checkpoints.due()

    def forget_many(self, table: str, keys: Iterable[str]) -> None:
        """Drop the payloads of `keys` from `table` (rows no load asks for any more), so
        that the space is used again. Failing (a full disk, a busy store) loses nothing:
        the rows stay, unused."""
        if not self._cache_writable:
            return
        rows = [(key,) for key in keys]
        if self._checkpoints is not None:  # a file: on the checkpoints' thread, unwaited
            self._checkpoints.forget(_table(table), rows)
            return

        def drop(db: sqlite3.Connection) -> None:
            db.executemany(f"DELETE FROM {_table(table)} WHERE key = ?", rows)

        with suppress(sqlite3.OperationalError):
            self._call(_relaxed(drop))

    # -- the edit log ---------------------------------------------------------------------
    def add_edit(self, kind: str, target: str, value: dict[str, Any]) -> Edit:
        """Record an edit durably; it discards what could have been redone.

        `StoreError` if it could not be saved (a full disk): then it was not made."""

        def add(db: sqlite3.Connection) -> int:
            with db:
                db.execute("DELETE FROM edits WHERE undone = 1")
                cur = db.execute(
                    "INSERT INTO edits (made, kind, target, value) VALUES (?, ?, ?, ?)",
                    (time.time(), kind, name_out(target), storable(dump(value))),
                )
            return int(cur.lastrowid or 0)

        try:
            seq = self._call(add)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the edit could not be saved ({damage_reason(exc)})") from exc
        return Edit(seq, kind, target, value)

    def undo(self) -> Edit | None:
        """Take back the latest edit still in force."""
        return self._flip("SELECT seq FROM edits WHERE undone = 0 ORDER BY seq DESC LIMIT 1", 1)

    def redo(self) -> Edit | None:
        """Put back the edit undone first among those undone since the last new edit."""
        return self._flip("SELECT seq FROM edits WHERE undone = 1 ORDER BY seq ASC LIMIT 1", 0)

    def edits(self) -> list[Edit]:
        """The edits in force, oldest first."""

        def read(db: sqlite3.Connection) -> list[Edit]:
            rows = db.execute(
                "SELECT seq, kind, target, value FROM edits WHERE undone = 0 ORDER BY seq"
            ).fetchall()
            return [Edit(*edit_fields(*row)) for row in rows]

        return self._call(read)

    def can_undo(self) -> bool:
        return self._exists("SELECT 1 FROM edits WHERE undone = 0 LIMIT 1")

    def can_redo(self) -> bool:
        return self._exists("SELECT 1 FROM edits WHERE undone = 1 LIMIT 1")

    def _exists(self, sql: str) -> bool:
        return self._call(lambda db: db.execute(sql).fetchone() is not None)

    def _flip(self, select: str, undone: int) -> Edit | None:
        def flip(db: sqlite3.Connection) -> Edit | None:
            with db:
                row = db.execute(select).fetchone()
                if row is None:
                    return None
                db.execute("UPDATE edits SET undone = ? WHERE seq = ?", (undone, row[0]))
                found = db.execute(
                    "SELECT seq, kind, target, value FROM edits WHERE seq = ?", (row[0],)
                ).fetchone()
            return Edit(*edit_fields(*found))

        try:
            return self._call(flip)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"the change could not be saved ({damage_reason(exc)})") from exc

    # -- opening, and damage --------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return _fresh_in_memory()
        try:
            db, notice = open_file(self.path)
        except (sqlite3.DatabaseError, ValueError) as exc:
            if not is_damage(exc):
                raise
            return self._replace(damage_reason(exc))
        if notice:
            self._note(notice)
        return self._checkpointed(db)

    def _checkpointed(self, db: sqlite3.Connection) -> sqlite3.Connection:
        """`db`, a store file, with its log copied into it on a thread of its own
        (`_Checkpoints`), not by the commit that fills it."""
        assert self.path is not None
        db.execute("PRAGMA wal_autocheckpoint=0")
        if self._checkpoints is None:  # told of a failure through a weak reference: the
            # store holds its checkpoints, and a cycle would outlive a closed project
            failed = weakref.WeakMethod(self._write_failed)
            self._checkpoints = _Checkpoints(self.path, lambda exc: _told(failed, exc))
        return db

    def _call(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work` on the store; if it finds the file damaged, once more on a fresh store."""
        with self._lock:
            try:
                return work(self._db)
            except (sqlite3.DatabaseError, ValueError) as exc:
                if self.path is None or not is_damage(exc):
                    raise
                self._db = self._replace(damage_reason(exc))
            return work(self._db)

    def _replace(self, why: str) -> sqlite3.Connection:
        """Keep the damaged file aside; a fresh store takes its place with what edits can be
        read. Where none can, the damaged file stays and the fresh store is in memory."""
        assert self.path is not None
        with suppress(AttributeError, sqlite3.Error):
            self._db.close()
        try:
            aside: Path | None = set_aside(self.path)
        except OSError:
            aside = None
        salvage = salvage_edits(aside or self.path)
        db = _fresh_file(self.path, salvage) if aside else None
        if aside is not None and db is None:  # a full disk: try again next time
            put_back(aside, self.path)
            aside = None
        fresh = db is not None
        if db is not None:
            db = self._checkpointed(db)
        else:
            db = _fresh_in_memory()
            _put_edits(db, salvage)
        edits = notices.edits_salvaged(len(salvage.rows), salvage.lost)
        self._note(notices.damaged(why, aside, edits, fresh=fresh))
        self._aside = _Aside(aside or self.path)
        return db

    def _write_failed(self, exc: sqlite3.Error) -> None:
        """A write on the checkpoints' thread failed (a full disk): as `cache_many` does."""
        if isinstance(exc, sqlite3.OperationalError):
            self._cache_writable = False
            self._note(notices.cache_unwritable(damage_reason(exc)))

    def _note(self, notice: str) -> None:
        if notice not in self.notices:
            self.notices.append(notice)


class _SharedPayloads:
    """The last few payloads read `shared` (`ProjectStore.cached_many`), with their texts:
    a folder's listing, its index and their change records. A payload is given again only
    for the same text, so what the store holds is what the caller gets."""

    _KEEP = 8

    def __init__(self) -> None:
        self._items: list[tuple[str, Any]] = []

    def get(self, text: str) -> Any:
        for known, payload in self._items:
            if known == text:  # a length check first, then one memory compare
                return payload
        return _MISSING

    def put(self, text: str, payload: Any) -> None:
        self._items = [(text, payload), *self._items[: self._KEEP - 1]]


_MISSING = object()


def _told(method: weakref.WeakMethod, exc: sqlite3.Error) -> None:  # type: ignore[type-arg]
    """Call the store's `_write_failed`, if the store is still there."""
    bound = method()
    if bound is not None:
        bound(exc)


class _Checkpoints:
    """Copies a store file's log into the file (a checkpoint) on a thread of its own,
    after cache writes; and writes or drops the cache rows nobody waits for on it.

    SQLite does it by itself at the commit that takes the log past 4 MB, and waits for the
    disk twice there: an update of one file in 10,000 writes the corpus's columns (7 MB),
    and its commit took 0.1 s instead of 0.03. SQLite's documentation suggests this for
    such cases: its own checkpoints off, and one on another connection and thread. A
    passive checkpoint never blocks a reader or a writer; closing the store's connection
    checkpoints what is left, as always. Durability is the log's, unchanged: an edit is
    durable once its commit returns, and a crash in a checkpoint loses nothing.

    The rows given to `write` (the columns an update makes, read by the next load) and to
    `forget` (the columns it replaced) are written and dropped here, in the order given,
    so the load that made them goes on; a read of a table with rows still to write waits
    for them (`written`), and so does the close. A crash before they are written loses
    cache rows only: the next load makes them again."""

    def __init__(self, path: Path, failed: Callable[[sqlite3.Error], None]) -> None:
        # opened read-write only if there (a file set aside meanwhile is not made again)
        self._uri = f"file:{quote(os.fsencode(path))}?mode=rw"
        self._failed = failed
        self._due = threading.Event()
        self._stopping = False
        # (SQL, rows, table written or None) in order; rows still to write, by table
        self._jobs: list[tuple[str, list[tuple[Any, ...]], str | None]] = []
        self._writing: Counter[tuple[str, str]] = Counter()
        self._done = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="store checkpoints", daemon=True)
        self._thread.start()

    def due(self) -> None:
        self._due.set()

    def write(self, table: str, rows: list[tuple[str, Any, float]]) -> None:
        """Write these rows (key, payload, time used) of `table`, replacing any of the same
        keys: 7 MB of columns took an update's thread 40 ms at 10,000 articles."""
        sql = f"INSERT OR REPLACE INTO {table} (key, payload, used) VALUES (?, ?, ?)"
        with self._done:
            self._jobs.append((sql, rows, table))
            self._writing.update((table, row[0]) for row in rows)
        self._due.set()

    def forget(self, table: str, rows: list[tuple[str]]) -> None:
        """Drop these rows of `table` (`ProjectStore.forget_many`): rows no load reads any
        more, so nobody waits for them to go. Deleting the 7 MB of columns an update
        replaces took its thread 50 ms at 10,000 articles."""
        with self._done:
            self._jobs.append((f"DELETE FROM {table} WHERE key = ?", rows, None))
        self._due.set()

    def written(self, table: str | None = None, keys: Iterable[str] = ()) -> None:
        """Return once none of these rows of `table` is still to write (no table: no row
        at all). A read of other rows does not wait: the window reads events' records
        while an update's columns are written."""
        with self._done:
            while self._thread.is_alive() and (
                any((table, key) in self._writing for key in keys)
                if table is not None
                else bool(self._writing)
            ):
                self._done.wait(0.5)

    def stop(self) -> None:
        """Write and drop the rows still given, then end (closing the store checkpoints)."""
        with self._done:
            self._stopping = True
        self._due.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self._due.wait()
            self._due.clear()
            with self._done:
                jobs, self._jobs = self._jobs, []
            try:
                self._work(jobs)
            finally:
                with self._done:
                    for _, rows, table in jobs:
                        if table is not None:
                            self._writing.subtract((table, row[0]) for row in rows)
                            self._writing += Counter()  # drops the counts at zero
                    self._done.notify_all()
                    ended = self._stopping and not self._jobs
                    if self._stopping:  # jobs given while these ran are done first
                        self._due.set()
            if ended:
                return

    def _work(self, jobs: list[tuple[str, list[tuple[Any, ...]], str | None]]) -> None:
        """The jobs in one transaction, then a passive checkpoint. Busy or gone: rows to
        drop stay unused (`forget_many`), rows to write are not kept (`failed` is told)."""
        db = None
        try:
            db = sqlite3.connect(self._uri, uri=True, timeout=30)
            if jobs:
                db.execute("PRAGMA synchronous=NORMAL")  # cache rows: no wait for the disk
                with db:
                    for sql, rows, _ in jobs:
                        db.executemany(sql, rows)
            if not self._stopping:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as exc:
            if any(table is not None for _, _, table in jobs):
                self._failed(exc)
        except OSError:
            pass
        finally:
            if db is not None:
                db.close()


class _Aside:
    """The damaged file a fresh store replaced, read for cache records the fresh one lacks.

    A timeline opened from the store reads some records later (an article's text on a click,
    events as a view asks for them): when damage is found in one page, the records in all the
    others are still good, and the timeline shown must not lose them. The file is opened
    read-only and as immutable (no side file is made beside it); a record that cannot be
    read from it is a cache miss, like any other."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._db: sqlite3.Connection | None = None

    def payloads(
        self, table: str, keys: Iterable[str], parse: Callable[[Any], Any] = loads
    ) -> dict[str, Any]:
        """The payloads of those `keys` that can be read, decoded by `parse` as in
        `cached_many` (or `cached_items`)."""
        found: dict[str, Any] = {}
        for key in sorted(keys):  # one by one: a record in the damaged page fails alone
            with suppress(sqlite3.Error, OSError, ValueError):
                if self._db is None:
                    self._db = connect_read_only(self._path, immutable=True)
                rows = self._db.execute(
                    f"SELECT key, payload FROM {_table(table)} WHERE key = ?", (key,)
                ).fetchall()
                found.update(_payloads(table, rows, parse))
        return found


def _payloads(
    table: str, rows: list[tuple[str, Any]], parse: Callable[[Any], Any] = loads
) -> dict[str, Any]:
    """Rows of a cache table as payloads by key, each read by `parse`; `DamagedRecord` if
    one is not readable."""
    if table in _BLOB_TABLES:  # bytes as they were given: the codec is the caller's
        return {key: payload for key, payload in rows if isinstance(payload, bytes)}
    return {key: parse(payload) for key, payload in rows}


class StoredItems:
    """The items of a list payload as their JSON (one line each, as `dumps` writes them),
    each decoded when first read: `holding` finds the few items a caller wants without
    decoding the others."""

    __slots__ = ("_decoded", "_texts")

    def __init__(self, texts: list[str]) -> None:
        self._texts = texts
        self._decoded: dict[int, Any] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def holding(self, strings: Collection[str]) -> list[int]:
        """The places of the items whose JSON holds one of `strings` as a JSON string (a
        name anywhere in the item, in any field: others may come too), in order."""
        needles = [storable(dump(s)) for s in strings]
        return [i for i, t in enumerate(self._texts) if any(map(t.__contains__, needles))]

    def __getitem__(self, i: int) -> Any:
        """The item at `i`, decoded once; `DamagedRecord` if its JSON is not readable."""
        if i not in self._decoded:
            self._decoded[i] = loads(self._texts[i])
        return self._decoded[i]


def _items_of(text: Any) -> StoredItems | None:
    """A stored list's items undecoded (None: the payload is no list, left out as if it
    were missing); `DamagedRecord` if it is not what `dumps` writes."""
    if not isinstance(text, str):
        raise DamagedRecord("a stored record is not text")
    texts = item_texts(text)
    if texts is None:  # an empty list, or no list
        whole = loads(text)
        if not isinstance(whole, list):
            return None
        texts = [dump(item) for item in whole]
    return StoredItems(texts)


def _fresh_in_memory() -> sqlite3.Connection:
    db = connect(":memory:")
    migrate(db)
    return db


def _fresh_file(path: Path, salvage: Salvage) -> sqlite3.Connection | None:
    db = None
    try:
        db = open_file(path)[0]
        _put_edits(db, salvage)
        return db
    except (OSError, sqlite3.Error, ValueError):
        if db is not None:
            db.close()
        return None


def _put_edits(db: sqlite3.Connection, salvage: Salvage) -> None:
    marks = ",".join("?" * len(EDIT_COLUMNS.split(",")))
    with db:
        db.executemany(f"INSERT INTO edits ({EDIT_COLUMNS}) VALUES ({marks})", salvage.rows)


def _relaxed(work: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
    """`work` in one transaction that does not wait for the disk: the cache's rows can be
    made again, a power cut loses at most the last batch. SQLite refuses the setting
    inside a transaction; edits are committed durably (FULL) again after."""

    def write(db: sqlite3.Connection) -> None:
        relaxed = not db.in_transaction
        if relaxed:
            db.execute("PRAGMA synchronous=NORMAL")
        try:
            with db:
                work(db)
        finally:
            if relaxed:
                db.execute("PRAGMA synchronous=FULL")

    return write


_SHARED_MIN = 4096  # shorter payloads are decoded again: cheaper than keeping them
_BLOB_TABLES = ("corpus_columns",)  # tables whose payloads are bytes, not JSON


def _table(name: str) -> str:
    if name not in ("file_cache", "corpus_cache", *_BLOB_TABLES):
        raise ValueError(f"no cache table {name!r}")
    return name
