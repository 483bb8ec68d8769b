"""What the last load of a folder found in each file, kept so that a cached open reads no
file's record: each file's cache key, its documents' ids, languages and outlets, their names,
and the file's problem and warnings.

Reopening 10,000 unchanged articles used to read and decode 10,000 cache records (45 MB of
JSON: texts, names, time expressions) to learn what fits in one record of 2 MB. A file
whose key is the one listed is taken from the listing (`FileResult.listed`); its documents
are decoded when first read. The listing is written again whenever it no longer says what
the load found, and an entry is used only under the key it was written with, which holds
the file's bytes, its manifest entry, the user's date edits and the extraction code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .cache import ExtractionCache
from .file_results import FileResult, Listed, RecordSource

__all__ = ["Listing", "read_listing"]

_TABLE = "corpus_cache"
_FORMAT = 2
_FIELDS = 8  # key, ids, languages, outlets, names, problem, warnings, digest


class Listing:
    """The listing of one scope (a folder, or one file of it), as read; `context` is what
    the keys of this load depend on besides each file's bytes (`key_context`)."""

    def __init__(
        self, cache: ExtractionCache | None, scope: str, entries: dict[str, Any], context: str
    ) -> None:
        self._cache, self._scope, self._entries = cache, scope, entries
        self._context = context
        self.used = 0  # entries taken by this load

    def key(self, rel: str, digest: str) -> str | None:
        """The cache key of file `rel` with bytes of this `digest`, if the listing knows it:
        a key depends on the bytes, the file's id, its manifest entry, the publication
        dates set by the user and the extraction code, and the listing was written under
        the same of all but the bytes (`key_context`). Hashing them for every file took a
        fifth of a cached open."""
        entry = self._entries.get(rel)
        if isinstance(entry, list) and len(entry) == _FIELDS and entry[7] == digest:
            return entry[0] if isinstance(entry[0], str) else None
        return None

    def result(self, rel: str, key: str, source: RecordSource) -> FileResult | None:
        """The listed result of file `rel` if the listing has it under `key`."""
        entry = self._entries.get(rel)
        if not isinstance(entry, list) or len(entry) != _FIELDS or entry[0] != key:
            return None
        _, ids, languages, outlets, names, problem, warnings, _ = entry
        self.used += 1
        listed = Listed(rel, key, ids, languages, outlets, names, source)
        return FileResult.listed(listed, problem, [(d, w) for d, w in warnings])

    def keep(
        self,
        rels: Sequence[str],
        keys: Sequence[str],
        digests: Sequence[str],
        results: Sequence[FileResult],
    ) -> None:
        """Write the listing of this load, unless it is the one read."""
        if self._cache is None or (self.used == len(rels) == len(self._entries)):
            return
        entries = {
            rel: [
                key,
                r.doc_ids,
                r.languages,
                r.outlets,
                r.names_record(),
                r.problem,
                [list(w) for w in r.warnings],
                digest,
            ]
            for rel, key, digest, r in zip(rels, keys, digests, results, strict=True)
        }
        kept = {"format": _FORMAT, "context": self._context, "files": entries}
        self._cache.cache_many(_TABLE, [(_key(self._scope), kept)])


def read_listing(cache: ExtractionCache | None, scope: str, context: str) -> Listing:
    """The listing of `scope` kept by the last load (empty when none can be read), for a
    load whose keys depend on `context` besides the files' bytes (`key_context`): the
    keys it holds are used only if it was written under the same."""
    kept = cache.cached_many(_TABLE, [_key(scope)]).get(_key(scope)) if cache else None
    ok = isinstance(kept, dict) and kept.get("format") == _FORMAT
    files = kept.get("files") if ok else None  # type: ignore[union-attr]
    listing = Listing(cache, scope, files if isinstance(files, dict) else {}, context)
    if not ok or kept.get("context") != context:  # type: ignore[union-attr]
        listing._entries = {
            rel: [*entry[:7], None]
            for rel, entry in listing._entries.items()
            if isinstance(entry, list) and len(entry) == _FIELDS
        }  # its results may serve under their keys; its keys cannot be taken as known
    return listing


def _key(scope: str) -> str:
    return f"listing|{scope}"
