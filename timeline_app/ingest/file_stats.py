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
from pathlib import Path
from typing import Any

from .cache import ExtractionCache

__all__ = ["RACY_S", "FileStats"]

RACY_S = 2.0  # coarsest file system clock in use (FAT: 2 s); younger files are hashed
_KEY = "stats|"
_TABLE = "corpus_cache"


class FileStats:
    """The digests of a folder's files by id, with the metadata they were read with."""

    def __init__(self, cache: ExtractionCache | None) -> None:
        self._cache = cache
        # shared (decoded once per text by the store): its entries are replaced, not changed,
        # in a copy of this load's own
        kept = None
        if cache is not None:
            kept = cache.cached_many(_TABLE, [_KEY], shared=True).get(_KEY)
        self._seen: dict[str, list[Any]] = dict(kept) if isinstance(kept, dict) else {}
        self._changed = False

    def digest(self, rel: str, path: Path | None, st: os.stat_result | None = None) -> str | None:
        """The digest of the file's bytes if its metadata (`os.stat(path)`, or `st` if
        taken already) says they are unchanged."""
        seen = self._seen.get(rel)
        if seen is None:
            return None
        try:
            now = _meta(st if st is not None else os.stat(path))  # type: ignore[arg-type]
        except OSError:
            return None
        return seen[-1] if seen[:-1] == now else None

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
            self._changed = True
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
        if self._cache is not None and (self._changed or gone):
            self._cache.cache_many(_TABLE, [(_KEY, self._seen)])
        self._changed = False


def _meta(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]
