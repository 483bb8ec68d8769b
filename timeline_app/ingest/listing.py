"""What the last load of a folder found in each file, kept so that a cached open reads no
file's record: each file's cache key, its documents' ids, languages and outlets, their names,
and the file's problem and warnings.

Reopening 10,000 unchanged articles used to read and decode 10,000 cache records (45 MB of
JSON: texts, names, time expressions) to learn what fits in one record of 2 MB. A file
whose key is the one listed is taken from the listing (`FileResult.listed`); its documents
are decoded when first read. Its names are kept as their JSON text, decoded only when read
(a changed file's; every file's when the corpus's names are merged again): decoding them
was half of reading the listing. The listing is written again whenever it no longer says
what the load found, and an entry is used only under the key it was written with, which
holds the file's bytes, its manifest entry, the user's date edits and the extraction code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .cache import ExtractionCache
from .change_records import applied, kept_apart
from .file_results import FileResult, Listed, RecordSource

__all__ = ["Listing", "read_listing"]

_TABLE = "corpus_cache"
_FORMAT = 3
# key, ids, languages, outlets, names (as JSON text), problem, warnings, digest
_FIELDS = 8


class Listing:
    """The listing of one scope (a folder, or one file of it), as read; `context` is what
    the keys of this load depend on besides each file's bytes (`key_context`).

    It is kept as two records (`change_records.py`): the whole listing as some load wrote
    it, and the entries changed since (None for a file gone). A load that changes a few
    files writes only the second, not 10,000 entries; once that holds more than a twentieth
    of the folder, the whole listing is written again."""

    def __init__(
        self,
        cache: ExtractionCache | None,
        scope: str,
        entries: dict[str, Any],
        context: str,
        *,
        changes: dict[str, Any] | None = None,
        same_context: bool = False,
    ) -> None:
        self._cache, self._scope, self._entries = cache, scope, entries
        self._context, self._same_context = context, same_context
        self._changes = changes or {}  # the second record, as read
        self.used = 0  # entries taken by this load

    @property
    def empty(self) -> bool:
        """Whether no load of this scope was listed: a first read of the folder."""
        return not self._entries and not self._changes

    def key(self, rel: str, digest: str) -> str | None:
        """The cache key of file `rel` with bytes of this `digest`, if the listing knows it:
        a key depends on the bytes, the file's id, its manifest entry, the publication
        dates set by the user and the extraction code, and the listing was written under
        the same of all but the bytes (`key_context`). Hashing them for every file took a
        fifth of a cached open."""
        entry = self._entries.get(rel)
        if self._same_context and _entry(entry) and entry[7] == digest:
            return entry[0] if isinstance(entry[0], str) else None
        return None

    def result(self, rel: str, key: str, source: RecordSource) -> FileResult | None:
        """The listed result of file `rel` if the listing has it under `key`."""
        entry = self._entries.get(rel)
        if not _entry(entry) or entry[0] != key:
            return None
        return self._listed(rel, entry, source)

    def _listed(self, rel: str, entry: list[Any], source: RecordSource) -> FileResult:
        key, ids, languages, outlets, names, problem, warnings, _ = entry
        self.used += 1
        listed = Listed(rel, key, ids, languages, outlets, names, source)
        return FileResult.listed(listed, problem, [(d, w) for d, w in warnings])

    def listed_result(
        self, rel: str, digest: str, source: RecordSource, known: Mapping[str, FileResult]
    ) -> tuple[str, FileResult] | None:
        """`key(rel, digest)` and the result under it: the one in `known` (the last load's
        in this process, `Recent`), else `result`'s, in one lookup of the entry (None: the
        listing does not know the file with these bytes)."""
        entry = self._entries.get(rel)
        if not (self._same_context and _entry(entry) and entry[7] == digest):
            return None
        key = entry[0]
        if not isinstance(key, str):
            return None
        r = known.get(key)
        return key, (r if r is not None else self._listed(rel, entry, source))

    def listed_names(self, rel: str) -> tuple[str, list[str], str] | None:
        """The key, languages and names records (as compact JSON) the listing read has for
        file `rel`: what the last load found in that file, as it found it
        (`increments.kept_names`)."""
        entry = self._entries.get(rel)
        return (entry[0], entry[2], entry[4]) if _entry(entry) else None

    def keep(
        self,
        rels: Sequence[str],
        keys: Sequence[str],
        digests: Sequence[str],
        results: Sequence[FileResult],
        as_listed: Sequence[bool] = (),
    ) -> None:
        """Write what this load found where it differs from the listing read. An entry
        under the same key and digest is the same entry (a key fixes what extraction found),
        so only new and changed files are made entries. `as_listed`: which files were
        taken from their entry of this listing (`listed_result`): theirs are the same."""
        if self._cache is None:
            return
        same = as_listed or [False] * len(rels)
        changed: dict[str, Any] = {}
        for rel, key, digest, r, known in zip(rels, keys, digests, results, same, strict=True):
            if known:
                continue
            old = self._entries.get(rel)
            if not (self._same_context and _entry(old) and old[0] == key and old[7] == digest):
                changed[rel] = _entry_of(key, digest, r)
        present: set[str] | None = None  # None: each entry is a file of this load's
        if sum(same) < len(self._entries):
            present = set(rels)
            changed.update((rel, None) for rel in self._entries if rel not in present)
        if not changed:
            return
        changes = {**self._changes, **changed} if self._same_context else changed
        if self._same_context and kept_apart(len(changes), len(rels)):
            record = {"format": _FORMAT, "context": self._context, "files": changes}
            self._cache.cache_many(_TABLE, [(_changes_key(self._scope), record)])
            return
        entries = {**self._entries, **changed} if self._same_context else changed
        files = {rel: e for rel, e in entries.items() if present is None or rel in present}
        whole = {"format": _FORMAT, "context": self._context, "files": files}
        none = {"format": _FORMAT, "context": self._context, "files": {}}
        self._cache.cache_many(
            _TABLE, [(_key(self._scope), whole), (_changes_key(self._scope), none)]
        )


def _entry(entry: Any) -> bool:
    return isinstance(entry, list) and len(entry) == _FIELDS and isinstance(entry[4], str)


def _entry_of(key: str, digest: str, r: FileResult) -> list[Any]:
    return [
        key,
        r.doc_ids,
        r.languages,
        r.outlets,
        r.names_text(),
        r.problem,
        [list(w) for w in r.warnings],
        digest,
    ]


def read_listing(cache: ExtractionCache | None, scope: str, context: str) -> Listing:
    """The listing of `scope` kept by the last load (empty when none can be read), for a
    load whose keys depend on `context` besides the files' bytes (`key_context`): the
    keys it holds are used only if it was written under the same (its results still
    serve a file whose key it has)."""
    if cache is None:
        return Listing(None, scope, {}, context)
    # shared: entries are read, never changed (a load's own are new lists)
    got = cache.cached_many(_TABLE, [_key(scope), _changes_key(scope)], shared=True)
    whole, changes = _files(got.get(_key(scope))), _files(got.get(_changes_key(scope)))
    if whole is None:
        return Listing(cache, scope, {}, context)
    files, written_in = whole
    changed = changes[0] if changes is not None and changes[1] == written_in else {}
    entries = applied(dict(files), changed)
    same = written_in == context
    return Listing(
        cache, scope, entries, context, changes=changed if same else {}, same_context=same
    )


def _files(record: Any) -> tuple[dict[str, Any], Any] | None:
    """The entries of a listing record and the context it was written in."""
    if not isinstance(record, dict) or record.get("format") != _FORMAT:
        return None
    files = record.get("files")
    return (files, record.get("context")) if isinstance(files, dict) else None


def _key(scope: str) -> str:
    return f"listing|{scope}"


def _changes_key(scope: str) -> str:
    return f"listing+|{scope}"
