"""Every file of a corpus to its `FileResult`: from the cache when unchanged, else extracted
(by an engine, `engines/`: on several processes for many files, or on a Dask cluster), with
progress per file and partial timelines.

The cache is read and written in batches, from the calling thread only: one query per few
hundred keys rather than one per file, one transaction per half second of extraction rather
than one per file (a store's commit waits for the disk). A cancel still writes what was
extracted, so the next open starts where this one stopped.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from ..model import Document, Event, FuzzyDate, Problem, Timeline
from .cache import ExtractionCache
from .corpus_documents import corpus_documents
from .engines import Engine, LocalEngine
from .file_results import (
    FileResult,
    Listed,
    RecordSource,
    extract_file,
    failure_reason,
    file_key,
)
from .file_stats import FileStats
from .files import CorpusFiles
from .listing import Listing
from .manifest import Manifest
from .names import Names
from .pool import Extracted, Job, Shared, chunked, extract_chunk, extract_here
from .preview import PreviewEvents, preview_events
from .progress import Cancelled, Pacer, Partial, Progress
from .recent import Recent

__all__ = ["FileLoader", "LoadedFiles"]

_READ_BATCH = 256  # files read and looked up per cache query
_WRITE_EVERY = 0.5  # seconds between cache transactions while extracting


@dataclass(slots=True)
class LoadedFiles:
    """The files that loaded (in folder order) with their ids, their cache keys, and the
    problems."""

    results: list[FileResult]
    keys: list[str]
    problems: list[Problem]
    rels: list[str]
    # where listed results read their documents (None: no cache)
    source: RecordSource | None = None
    digests: list[str] = field(default_factory=list)  # of the files' bytes
    # each file taken as the folder's listing has it (its entry then needs no new one)
    as_listed: list[bool] = field(default_factory=list)


class FileLoader:
    """One pass over `found.files`; `problems` are those found before (folder, manifest)."""

    def __init__(
        self,
        found: CorpusFiles,
        manifest: Manifest,
        published: Mapping[str, FuzzyDate | None],
        cache: ExtractionCache | None,
        *,
        problems: list[Problem],
        name: str,
        progress: Progress | None = None,
        partial: Partial | None = None,
        engine: Engine | None = None,
        recent: Recent | None = None,
        listing: Listing | None = None,
    ) -> None:
        self._found, self._manifest, self._published = found, manifest, published
        self._recent, self._listing = recent, listing
        # not a method of this loader: the source outlives the load (the corpus's documents
        # read through it), and a loader it held would be a cycle holding every result
        again = functools.partial(_record_again, found, manifest, published)
        self._source = RecordSource(cache, again) if cache is not None else None
        self._cache, self._writes = cache, _CacheWriter(cache)
        self._progress, self._partial = progress, partial
        self._engine = engine or LocalEngine()
        self._base_problems, self._name = problems, name
        n = len(found.files)
        self._results: list[FileResult | None] = [None] * n
        self._keys: list[str] = [""] * n
        self._digests: list[str] = [""] * n  # of each file's bytes (its key holds it)
        self._as_listed = [False] * n
        self._problems: list[list[Problem]] = [[] for _ in range(n)]
        # preview events of the files extracted in this load and not yet in `_joined`
        # (None: to be made from the result when a partial timeline is built)
        self._previews: dict[int, list[Event] | None] = {}
        self._joined = PreviewEvents()
        self._done = 0
        self._pacer = Pacer()

    def run(self) -> LoadedFiles:
        """Raises `Cancelled` when the progress callback returns False."""
        shared = (self._manifest, dict(self._published), self._partial is not None)
        # a folder read for the first time (or without a store): every file will be
        # extracted, so the engine's workers start before the files are read (a spawned
        # process imports the app for a third of a second) and take each handful of files
        # as it is read (reading 10,000 files takes one to two seconds, which the workers
        # spent waiting when the files went to them only once all were read)
        listed = self._listing is not None and not self._listing.empty
        first = not listed and not self._recent_results()
        early = self._engine.workers(len(self._found.files)) if first else 0
        with self._engine.pool(shared, workers=early) if early else nullcontext() as ready:
            try:
                if ready is not None:  # the workers take each handful of files as it is read
                    chunks = chunked(self._read_batches())
                    ready.map(extract_chunk, chunks, on_done=self._extracted_chunk)
                else:
                    self._extract(shared, [j for js in self._read_batches() for j in js])
            finally:
                self._writes.flush()
        done = [i for i, r in enumerate(self._results) if r is not None]
        loaded = LoadedFiles(
            [self._results[i] for i in done],  # type: ignore[misc]
            [self._keys[i] for i in done],
            [p for ps in self._problems for p in ps],
            [self._found.rels[i] for i in done],
            self._source,
            [self._digests[i] for i in done],
            [self._as_listed[i] for i in done],
        )
        if self._recent is not None:
            self._recent.keep_results(loaded.keys, loaded.results)
        return loaded

    def _extract(self, shared: Shared, pending: list[Job]) -> None:
        """The files that were not cached, on the engine's workers if they are many."""
        workers = self._engine.workers(len(pending))
        if workers:
            with self._engine.pool(shared, workers=workers) as pool:
                pool.map(extract_chunk, chunked([pending]), on_done=self._extracted_chunk)
        else:
            for job in pending:
                self._extracted(extract_here(job, self._manifest, self._published))

    def _recent_results(self) -> bool:
        return self._recent is not None and bool(self._recent.results)

    def _read_batches(self) -> Iterator[list[Job]]:
        """Key every file (by its metadata if unchanged since it was last read, else by its
        bytes); finish the cached ones; yield the others, read, a batch at a time.

        Most files of a reopened folder are unchanged and listed (`listing.py`): they are
        finished as they are met, a dict lookup and two objects each (10,000 of them are
        walked on every update of a window's folder)."""
        files, rels, metas = self._found.files, self._found.rels, self._found.stats
        stats = FileStats(self._cache)
        known = self._recent.results if self._recent is not None else {}
        listing, source = self._listing, self._source
        quick = listing.listed_result if listing is not None and source is not None else None
        for start in range(0, len(files), _READ_BATCH):
            batch, pending = [], []
            for i in range(start, min(start + _READ_BATCH, len(files))):
                doc_id = rels[i]
                digest = stats.digest(doc_id, None, metas[i])
                if digest is not None and quick is not None:  # unchanged: listed, most likely
                    got = quick(doc_id, digest, source, known)  # type: ignore[arg-type]
                    if got is not None:
                        self._digests[i], self._keys[i] = digest, got[0]
                        self._as_listed[i] = True
                        self._finished(i, doc_id, got[1])
                        continue
                data: bytes | None = None  # not read: known by its metadata
                if digest is None:
                    read = self._read(i, doc_id, stats)
                    if read is None:
                        continue
                    data, digest = read
                self._digests[i] = digest
                listed_key = self._listing.key(doc_id, digest) if self._listing else None
                self._keys[i] = listed_key or file_key(
                    doc_id, data or b"", self._manifest, self._published, digest=digest
                )
                batch.append((i, doc_id, data))
            listed: dict[int, FileResult] = {}
            if self._listing is not None and self._source is not None:
                for i, doc_id, _ in batch:
                    if self._keys[i] not in known:
                        r = self._listing.result(doc_id, self._keys[i], self._source)
                        if r is not None:
                            listed[i] = r
            asked = [self._keys[i] for i, _, _ in batch if i not in listed]
            hits = _lookup(self._cache, [k for k in asked if k not in known])
            for i, doc_id, data in batch:
                record = hits.get(self._keys[i])
                if self._keys[i] in known:
                    self._finished(i, doc_id, known[self._keys[i]])
                elif i in listed:
                    self._finished(i, doc_id, listed[i])
                elif record is not None:
                    self._finished(i, doc_id, FileResult.from_record(record, lazy=True))
                elif data is not None:
                    pending.append((i, files[i], doc_id, data))
                else:  # known by its metadata, but no longer cached: read it after all
                    again = self._read(i, doc_id, stats)
                    if again is not None:
                        self._digests[i] = again[1]
                        self._keys[i] = file_key(
                            doc_id, b"", self._manifest, self._published, digest=again[1]
                        )
                        pending.append((i, files[i], doc_id, again[0]))
            yield pending
        stats.keep(set(rels) if self._found.root else None)

    def _read(self, i: int, doc_id: str, stats: FileStats) -> tuple[bytes, str] | None:
        """The file's bytes and their digest (None: it failed, and is reported)."""
        file = self._found.files[i]
        meta = stats.stat(file)
        try:
            data = self._found.read(file)  # regular files only, size-capped
        except (OSError, ValueError) as exc:
            self._failed(i, doc_id, failure_reason(exc))
            return None
        return data, stats.read(doc_id, meta, data)

    def _extracted_chunk(self, _: int, chunk: list[Extracted]) -> None:
        for done in chunk:
            self._extracted(done)

    def _extracted(self, done: Extracted) -> None:
        index, result, preview = done
        doc_id = self._found.rels[index]
        if isinstance(result, str):
            self._failed(index, doc_id, result)
        else:
            self._writes.add(self._keys[index], result.to_record())
            if self._partial is not None:
                self._previews[index] = preview
            self._finished(index, doc_id, result)
        if self._partial is not None and self._pacer.due():
            started = time.perf_counter()
            self._partial(self._partial_timeline())
            self._pacer.built(time.perf_counter() - started)

    def _failed(self, index: int, doc_id: str, reason: str) -> None:
        self._problems[index] = [Problem(doc_id, reason)]
        self._tick(doc_id)

    def _finished(self, index: int, doc_id: str, result: FileResult) -> None:
        self._results[index] = result
        if result.problem or result.warnings:
            problems = [Problem(doc_id, result.problem)] if result.problem else []
            problems += [Problem(d, what) for d, what in result.warnings]
            self._problems[index] = problems
        self._tick(doc_id)

    def _tick(self, doc_id: str) -> None:
        self._done += 1
        if self._progress and self._progress(self._done, len(self._results), doc_id) is False:
            raise Cancelled(f"cancelled after {self._done} of {len(self._results)} files")

    def _partial_timeline(self) -> Timeline:
        """Documents so far; preview events of the files extracted in this load."""
        for i, preview in sorted(self._previews.items()):
            result = self._results[i]
            self._joined.add(
                preview_events(result) if preview is None and result else preview or []
            )
        self._previews.clear()
        documents = corpus_documents([r for r in self._results if r is not None], self._source)
        problems = self._base_problems + [p for ps in self._problems for p in ps]
        return Timeline(documents, self._joined.events(), problems, self._name)


def _record_again(
    found: CorpusFiles,
    manifest: Manifest,
    published: Mapping[str, FuzzyDate | None],
    listed: Listed,
) -> dict[str, Any]:
    """The record of a listed file that the store could not give back: the file read and
    extracted again, or documents without text that say why they have none."""
    i = found.rels.index(listed.rel)
    try:
        data = found.read(found.files[i])
        result = extract_file(found.files[i], listed.rel, data, manifest, published)
        if result.doc_ids == listed.ids:
            return result.to_record()
        why = "it changed since it was listed"
    except (OSError, ValueError) as exc:
        why = failure_reason(exc)
    title = f"(text not available: {why})"
    gone = FileResult(
        [Document(d, found.files[i], "", title=title) for d in listed.ids],
        names=[Names() for _ in listed.ids],
        timexes=[[] for _ in listed.ids],
    )
    return gone.to_record()


def _lookup(cache: ExtractionCache | None, keys: list[str]) -> dict[str, Any]:
    if cache is None or not keys:
        return {}
    return cache.cached_many("file_cache", keys)


class _CacheWriter:
    """Extraction results written to the cache a transaction at a time."""

    def __init__(self, cache: ExtractionCache | None) -> None:
        self._cache = cache
        self._items: list[tuple[str, Any]] = []
        self._last = time.monotonic()

    def add(self, key: str, record: Any) -> None:
        if self._cache is None:
            return
        self._items.append((key, record))
        if time.monotonic() - self._last >= _WRITE_EVERY:
            self.flush()

    def flush(self) -> None:
        if self._cache is not None and self._items:
            self._cache.cache_many("file_cache", self._items)
        self._items = []
        self._last = time.monotonic()
