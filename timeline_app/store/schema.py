"""The store's schema, versioned: each migration takes version N to N + 1.

A store written by a newer version of the app is refused rather than damaged.
"""

from __future__ import annotations

import sqlite3

__all__ = ["SCHEMA_VERSION", "StoreVersionError", "check_version", "migrate"]

MIGRATIONS: list[str] = [
    # 0 -> 1: the extraction cache and the edit log
    """
    CREATE TABLE file_cache (
        key TEXT PRIMARY KEY,          -- content hash + what extraction depended on
        payload TEXT NOT NULL,         -- JSON: the file's documents, names, dates
        used REAL NOT NULL
    );
    CREATE TABLE corpus_cache (
        key TEXT PRIMARY KEY,          -- hash of every file key: the merged timeline
        payload TEXT NOT NULL,
        used REAL NOT NULL
    );
    CREATE TABLE edits (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        made REAL NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        value TEXT NOT NULL,           -- JSON
        undone INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 1 -> 2: the merged corpus as view columns (ingest/event_columns.py), beside its records
    """
    CREATE TABLE corpus_columns (
        key TEXT PRIMARY KEY,          -- the corpus_cache key
        payload BLOB NOT NULL,         -- an npz of numpy columns: no pickle
        used REAL NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreVersionError(RuntimeError):
    """The store was written by a newer version of timeline_app."""

    def __init__(self, version: int) -> None:
        super().__init__(
            f"store schema {version} is newer than this app's ({SCHEMA_VERSION}); "
            "update timeline_app"
        )
        self.version = version


def check_version(conn: sqlite3.Connection) -> int:
    """The store's schema version; `StoreVersionError` if it is newer than ours.

    Only reads: a newer store is refused before anything (even the journal mode) is written.
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreVersionError(version)
    return version


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the store to SCHEMA_VERSION, one transaction per step; returns the version."""
    version = check_version(conn)
    for step in range(version, SCHEMA_VERSION):
        try:  # the step and its version number commit together, or not at all
            conn.executescript(
                f"BEGIN; {MIGRATIONS[step]}; PRAGMA user_version = {step + 1}; COMMIT;"
            )
        except sqlite3.Error:
            conn.rollback()
            raise
    return SCHEMA_VERSION
