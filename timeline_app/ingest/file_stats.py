"""Which files of a folder are unchanged since they were last read, told by their metadata
instead of their bytes: reopening a folder of 10,000 articles then reads none of them.

A file is taken as unchanged when its size, modification time, status-change time (ctime),
inode and device are all those seen when its bytes were last hashed. The ctime is set by
the kernel on every write, rename into place or `touch`, and no program can set it back
(`os.utime` sets only the access and modification times, and itself changes the ctime): a
file rewritten with its old size and modification time is still seen. What such metadata
cannot see is a second write within one tick of the file system's clock after the file was
read (the "racy" case git's index knows), so a file is remembered only if it was last
changed more than RACY_S before it was read; a younger file is read and hashed every time.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from pathlib import Path
from typing import Any

from .cache import ExtractionCache
from .change_records import applied, kept_apart

__all__ = ["RACY_S", "FileStats"]

RACY_S = 2.0  # coarsest file system clock in use (FAT: 2 s); younger files are hashed
_KEY, _CHANGES_KEY = "stats2|", "stats2+|"
_TABLE = "corpus_cache"


class FileStats:
    """The digests of a folder's files by id, with the metadata they were read with.

    Kept as two records (`change_records.py`), like the folder's listing: the whole table
    as some load wrote it, and the entries changed since (None for a file forgotten). An
    update of one file in 10,000 writes the second, not 1.8 MB (whose write, right after
    another load's, took a tenth of a second). A change record of another whole one is not
    applied: an entry left out only makes its file be hashed again, and a stale one never
    matches a file written since (its status-change time differs)."""

    def __init__(self, cache: ExtractionCache | None) -> None:
        self._cache = cache
        self._serial = ""
        self._changes: dict[str, list[Any] | None] = {}  # the change record, as read
        # shared (decoded once per text by the store): its entries are replaced, not changed,
        # in a copy of this load's own
        seen: dict[str, list[Any]] = {}
        if cache is not None:
            got = cache.cached_many(_TABLE, [_KEY, _CHANGES_KEY], shared=True)
            whole, changes = got.get(_KEY), got.get(_CHANGES_KEY)
            if isinstance(whole, dict) and isinstance(whole.get("files"), dict):
                seen = dict(whole["files"])
                self._serial = str(whole.get("serial", ""))
                if (
                    isinstance(changes, dict)
                    and changes.get("of") == self._serial
                    and isinstance(changes.get("files"), dict)
                ):
                    self._changes = dict(changes["files"])
                    applied(seen, self._changes)
        self._seen = seen
        self._changed: set[str] = set()  # the files whose entries this load changed

    def digest(self, rel: str, path: Path | None, st: os.stat_result | None = None) -> str | None:
        """The digest of the file's bytes if its metadata (`os.stat(path)`, or `st` if
        taken already) says they are unchanged."""
        seen = self._seen.get(rel)
        if not isinstance(seen, list) or len(seen) != 6:
            return None
        try:
            st = st if st is not None else os.stat(path)  # type: ignore[arg-type]
        except OSError:
            return None
        if (  # as `_meta(st) == seen[:5]`, without making either list (10,000 files a load)
            seen[0] == st.st_size
            and seen[1] == st.st_mtime_ns
            and seen[2] == st.st_ctime_ns
            and seen[3] == st.st_ino
            and seen[4] == st.st_dev
        ):
            return seen[5]  # type: ignore[no-any-return]
        return None

    def stat(self, path: Path) -> list[int] | None:
        """The file's metadata, to be taken before its bytes are read (None: unreadable)."""
        try:
            return _meta(os.stat(path))
        except OSError:
            return None

    def read(self, rel: str, meta: list[int] | None, data: bytes) -> str:
        """The digest of `data`, read after `meta`; remembered when the file is old enough."""
        digest = hashlib.sha256(data).hexdigest()
        old_enough = meta is not None and max(meta[1], meta[2]) < time.time_ns() - RACY_S * 1e9
        entry = [*meta, digest] if meta is not None and old_enough else None
        if self._seen.get(rel) != entry:
            self._changed.add(rel)
            if entry is None:
                self._seen.pop(rel, None)
            else:
                self._seen[rel] = entry
        return digest

    def keep(self, rels: set[str] | None) -> None:
        """Forget the files not in `rels` (None: forget none, one file was loaded) and
        write what changed to the cache."""
        gone = [] if rels is None else [rel for rel in self._seen if rel not in rels]
        for rel in gone:
            del self._seen[rel]
        self._changed.update(gone)
        if self._cache is not None and self._changed:
            changes = {**self._changes, **{rel: self._seen.get(rel) for rel in self._changed}}
            if self._serial and kept_apart(len(changes), len(self._seen)):
                record = {"of": self._serial, "files": changes}
                self._cache.cache_many(_TABLE, [(_CHANGES_KEY, record)])
                self._changes = changes
            else:
                self._serial = uuid.uuid4().hex
                whole = {"serial": self._serial, "files": self._seen}
                none = {"of": self._serial, "files": {}}
                self._cache.cache_many(_TABLE, [(_KEY, whole), (_CHANGES_KEY, none)])
                self._changes = {}
        self._changed = set()


def _meta(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
