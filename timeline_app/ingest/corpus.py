"""Load a folder (or one file) of articles into a Timeline, naming every file that fails.

Each file becomes documents (`file_results.py`, `documents.py`), the documents' candidates
one list of merged events (`event_finding.py`). Data files (TimelineJS, our event JSON) are
not articles: `timeline_app.project` reads them through `timeline_app.formats`.

Loading reports progress per file and can be cancelled (see `progress.py`); many uncached
files are extracted, and many documents' events found, by an engine (`engines/`: this
machine's processes by default, or a Dask cluster); partial timelines can be received while
files are extracted (`preview.py`). With a cache, an unchanged folder is read back, and a
folder where a few files changed is updated where they change it (`increments.py`).
"""

from __future__ import annotations

import copy
import hashlib
import pickle
import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from ..model import Document, Event, FuzzyDate, Problem, Source, Timeline
from ..model.event_columns import ColumnEvents
from ..model.lazy_documents import LazyDocuments
from . import increments
from .actors import Actors, actor_counts, actors_from, assign_actors
from .cache import ExtractionCache
from .collector import collector_paused, release_gradually, release_later
from .column_cache import Origin, forget_columns, read_columns, splice_columns, write_columns
from .corpus_documents import corpus_documents
from .disputes import (
    SentenceOf,
    feed_records,
    groups_of_fed,
    groups_of_records,
    join_disputes,
    join_disputes_near,
    sentences_in,
)
from .engines import Engine, LocalEngine
from .event_finding import Block, find_events
from .file_loader import FileLoader, LoadedFiles
from .file_results import key_context
from .files import find_files
from .listing import read_listing
from .manifest import MANIFEST_NAME, Manifest, ManifestError, read_manifest
from .progress import Cancelled, Partial, Progress
from .recent import Recent
from .records import event_out
from .sentence_store import StoredHashes, document_keys, hash_documents
from .wire import copy_pairs, families_among, families_of

__all__ = [
    "MERGING",
    "Cancelled",
    "CorpusError",
    "Partial",
    "Progress",
    "load_corpus",
]


MERGING = "merging events"  # the `current` of the progress call made once every file is done


class CorpusError(ValueError):
    """Nothing could be loaded from the path (it is missing or holds no readable article)."""


def load_corpus(
    path: Path | str,
    *,
    cache: ExtractionCache | None = None,
    published: Mapping[str, FuzzyDate | None] | None = None,
    progress: Progress | None = None,
    partial: Partial | None = None,
    workers: int | None = None,
    engine: Engine | None = None,
    lazy: bool = False,
    recent: Recent | None = None,
) -> Timeline:
    """Read every article under `path`; bad files become `Timeline.problems`, not exceptions.

    With a `cache`, unchanged files are not extracted again and an unchanged corpus is not
    merged again. `published` holds publication dates set by the user, by document id.
    `progress(done, total, current)` is called per file and once more with MERGING; when it
    returns False the load stops with `Cancelled` (files extracted so far stay cached).
    `partial(timeline)` receives timelines of the files loaded so far, about every second.
    `engine` extracts the files and finds their events (default: this machine's processes,
    `workers` of them; by default as many as the folder's size and the cores call for).
    With `lazy`, an unchanged corpus's events come from the cache's stored columns, each
    decoded when first read (`column_cache.py`): the cache must stay open while they are.
    `recent` holds what the last load with the same `cache` decoded (`recent.py`): give
    the same one to each load of a folder in this process, and reloads are quicker.
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise CorpusError(f"{path}: no such file or folder")
    with collector_paused:
        return _load(
            path,
            cache,
            published or {},
            progress,
            partial,
            engine or LocalEngine(workers),
            lazy=lazy,
            recent=recent if cache is not None else None,
        )


def _load(
    path: Path,
    cache: ExtractionCache | None,
    published: Mapping[str, FuzzyDate | None],
    progress: Progress | None,
    partial: Partial | None,
    engine: Engine,
    *,
    lazy: bool,
    recent: Recent | None,
) -> Timeline:
    found = find_files(path)
    problems = list(found.problems)
    try:
        manifest = read_manifest(found.folder, found.manifest_folders)
    except ManifestError as exc:
        manifest = Manifest()
        problems.append(Problem(MANIFEST_NAME, str(exc)))
    problems.extend(Problem(MANIFEST_NAME, why) for why in manifest.refused)
    name = manifest.name or found.folder.name
    scope = "." if path.is_dir() else found.rel(path)
    listing = read_listing(cache, scope, key_context(manifest, published))
    loaded = FileLoader(
        found,
        manifest,
        published,
        cache,
        problems=problems,
        name=name,
        progress=progress,
        partial=partial,
        engine=engine,
        recent=recent,
        listing=listing,
    ).run()
    listing.keep(loaded.rels, loaded.keys, loaded.digests, loaded.results, loaded.as_listed)
    problems += loaded.problems
    documents = corpus_documents(loaded.results, loaded.source)
    if not documents:
        detail = "; ".join(str(p) for p in problems[:5]) or "no article files found"
        raise CorpusError(f"{path}: nothing could be loaded ({detail})")
    events = _events(
        loaded, documents, cache, progress, engine, scope, recent, listing.listed_names, lazy=lazy
    )
    release_gradually(loaded.results, 50)  # the time expressions and names they hold
    return Timeline(documents, events, problems, name)


def _events(
    loaded: LoadedFiles,
    documents: Mapping[str, Document],
    cache: ExtractionCache | None,
    progress: Progress | None,
    engine: Engine,
    scope: str,
    recent: Recent | None,
    listed: Callable[[str], tuple[str, list[str], str] | None] | None = None,
    *,
    lazy: bool = False,
) -> list[Event]:
    """Candidates from every document, merged; an unchanged corpus comes from the cache
    (with `lazy`, as its stored columns, no event made until one is read), a corpus with a
    few changed files is updated where they change it (`increments.py`; with `lazy`, its
    stored columns too, the passes after merging run near the changed dates only:
    `_updated_columns`).

    Progress goes on as (documents whose candidates are found, documents, MERGING), then
    (documents, documents, MERGING) between steps of the merge, so a cancel is heard.
    """

    def tick(done: int) -> None:
        if progress and progress(done, len(documents), MERGING) is False:
            raise Cancelled("cancelled while merging")

    tick(0)
    corpus_key = hashlib.sha256("|".join(loaded.keys).encode()).hexdigest()
    stored = read_columns(cache, corpus_key) if cache and lazy else None
    if stored is not None:  # no Event made until a view asks for one
        return stored  # type: ignore[return-value]
    index = increments.read_index(cache, scope) if cache else None
    if cache and index and index.corpus == corpus_key:
        kept = increments.kept_events(cache, index, recent)
        if kept is not None:
            events, origins = _joined(kept[0], documents, kept[1])
            if lazy:  # the columns of this corpus are not stored yet: the next open reads them
                write_columns(cache, corpus_key, events, documents, origins=origins)
            return events
    names = None
    if index is not None and listed is not None:  # the last load's, if they still hold
        names = increments.kept_names(index, loaded.rels, loaded.keys, loaded.results, listed)
    names = names or increments.corpus_names(loaded.results)
    state = None
    if cache and index:
        state = increments.update(
            cache,
            index,
            results=loaded.results,
            rels=loaded.rels,
            keys=loaded.keys,
            corpus=corpus_key,
            names=names,
            recent=recent,
        )
    if state is not None and lazy:
        assert cache is not None
        columns = _updated_columns(cache, corpus_key, scope, index, state, loaded, documents)
        if columns is not None:
            release_later(state, index, names)
            return columns  # type: ignore[return-value]
    if state is not None and not state.decode():
        state = None  # the store lost a block's events: read everything again
    updated = state is not None
    hashed: Future[dict[str, list[int]]] | None = None
    copied: Future[set[tuple[str, str]] | None] | None = None
    grouped: _Elsewhere | None = None
    if state is None:
        if loaded.source is not None:  # listed results: their records, a batch per read
            loaded.source.fill(loaded.results)
        results = [r.complete() for r in loaded.results]  # cached: without names, timexes
        texts = [d.text for d in documents.values()]
        # on a thread of this process while it waits for the engine to find the statements:
        # the actors are counted (given to each block's events while it merges others),
        # then, in a store that keeps none yet, the documents' sentences hashed and the
        # copies among them found (the wire families, after merging, are those of copies
        # that share an event; a store that has an index has most hashes already)
        stop = threading.Event()
        with _beside() as beside:
            counted = beside.submit(actor_counts, texts, names.actors)
            if cache and index is None:
                hashed = beside.submit(hash_documents, documents, stop)
                copied = beside.submit(_copies_among, hashed, stop)
            chosen: list[Actors] = []

            def given_actors(events: list[Event]) -> None:
                if not chosen:
                    chosen.append(actors_from(names.actors, *counted.result()))
                _passes_after_merging(events, documents, chosen[0])
                if grouped is not None:  # to the disputes worker while other blocks merge
                    grouped.add(events, documents)

            # the worker that runs the disputes pass after merging starts now (`_Elsewhere`)
            grouped = _Elsewhere(engine, len(documents)) if cache else None
            try:
                blocks = find_events(
                    results,
                    loaded.rels,
                    tick=tick,
                    engine=engine,
                    names=names.titles,
                    merged=given_actors,
                )
            except BaseException:  # a cancel: the hashing need not go on
                stop.set()
                if grouped is not None:
                    grouped.close()
                raise
            if grouped is not None:  # the disputes pass there while this thread keeps blocks
                grouped.submit([b.events for b in blocks], documents)
        counts = counted.result()
        state = increments.from_scratch(
            blocks,
            rels=loaded.rels,
            keys=loaded.keys,
            corpus=corpus_key,
            names=names,
            counts=counts,
        )
    else:  # from scratch, each block's events had these passes as it was merged
        _after_merging(state, documents)
    if not cache:
        return _joined(state.events, documents)[0]
    known = hashed.result() if hashed is not None else None
    hashes = StoredHashes(cache, documents, document_keys(loaded.keys, loaded.results), known)
    copies = copied.result() if copied is not None else None
    families = families_of(state.events, documents, hashes=hashes, copies=copies)
    hashes.save()
    state.index.families = families  # for the next update (`_updated_families`)
    state.save(cache, scope, recent)
    groups = grouped.result() if grouped is not None else None
    events, origins = _joined(state.events, documents, state.origins(), families, groups)
    # the records of most events are kept with their blocks already: writing the columns
    # costs a pass over the events, so the next open is quick
    columns = write_columns(
        cache, corpus_key, events, documents, origins=origins, outlets=_Outlets(documents)
    )
    if index is not None and index.corpus != corpus_key:  # the last load's: no load reads them
        forget_columns(cache, index.corpus)
    # the merge blocks (every statement and its record) die with this call: freed at its
    # return they are one cascade of deallocations that no thread can interrupt (0.2 s at
    # 2,000 articles, half a second at 10,000), a stall of the window
    _release_blocks(state.blocks, [] if updated else blocks)
    return columns if updated and lazy else events  # type: ignore[return-value]


def _release_blocks(kept: list[increments._Kept], found: list[Block]) -> None:
    """Free a load's merge blocks a few hundred statements at a time: a block of a year
    holds thousands (four blocks at a time were 50 ms at 2,000 articles, beyond 200 at
    10,000). Their events lists are left whole: `Recent` may keep them for the next load."""
    for k in kept:
        if k.statements is not None:
            release_gradually(k.statements, 500)  # their records, written already
    for b in found:
        release_gradually(b.statements, 500)
    release_gradually(kept, 1)
    release_gradually(found, 1)


def _copies_among(
    hashed: Future[dict[str, list[int]]], stop: threading.Event
) -> set[tuple[str, str]] | None:
    """The copies among the hashed documents (`wire.copy_pairs`), on the thread that hashed
    them, after it did."""
    return copy_pairs(hashed.result(), stop.is_set)


@contextmanager
def _beside() -> Iterator[ThreadPoolExecutor]:
    """A thread for calls made while the block runs, one after the other in the order
    given (they must touch nothing the block does). If the block raises (a cancel), the
    thread is left to end alone, unheard."""
    pool = ThreadPoolExecutor(1, thread_name_prefix="load-meanwhile")
    try:
        yield pool
    finally:
        pool.shutdown(wait=False)


class _Elsewhere:
    """`disputes.dispute_groups` of a load's merged events on one of the engine's workers,
    asked for from a thread of this process, while this one keeps the merge blocks
    (`increments.from_scratch`, the wire families, `State.save`: a second and a half at
    10,000 articles, with the other core idle). The worker starts when this is made,
    before the statements are found, so that its start-up is not waited for. The events
    go to it as the store's records, with the texts of their documents: on this machine's
    processes, each block's as it merges (`add`: the worker reads them and profiles each
    event while other blocks merge, `disputes.feed_records`), and once all are merged only
    the pairs are left to find (`disputes.groups_of_fed`); on another engine, whose tasks
    may run on any worker, all at once after merging (`disputes.groups_of_records`).
    `result` is None (the pass runs here, after) when the engine would run so little
    here, or the worker fails."""

    def __init__(self, engine: Engine, units: int) -> None:
        self._items: queue.SimpleQueue[tuple[str, Any] | None] = queue.SimpleQueue()
        self._future: Future[list[list[int]] | None] | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._closed = self._submitted = False
        # blocks merged and not sent yet, their events' count, the documents sent
        self._blocks: list[tuple[int, list[Any]]] = []
        self._held = 0
        self._sent: set[str] = set()
        self._texts: dict[str, str] = {}
        self._keys: list[list[Event]] = []
        self._feeds = engine.name == "local"  # one process runs every task of its pool
        if engine.workers(units):
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="load-disputes")
            self._future = self._thread.submit(self._run, engine)

    def _run(self, engine: Engine) -> list[list[int]] | None:
        got: list[list[list[int]]] = []
        with engine.pool(None, workers=1) as pool:
            while (item := self._items.get()) is not None:
                kind, payload = item
                if kind == "feed":
                    pool.map(feed_records, [payload], on_done=lambda _, __: None)
                    continue
                fn = groups_of_fed if kind == "fed" else groups_of_records
                pool.map(fn, [payload], on_done=lambda _, groups: got.append(groups))
                break
        return got[0] if got else None

    def add(self, events: list[Event], documents: Mapping[str, Document]) -> None:
        """The events of one merge block, just merged (they change no more before the
        pass), sent a few hundred at a time."""
        if self._future is None or self._closed or not self._feeds or not events:
            return
        try:
            self._keys.append(events)  # its id names the block: held, never taken again
            self._blocks.append((id(events), [event_out(e) for e in events]))
            self._held += len(events)
            self._note_texts(events, documents)
            if self._held >= _FEED_EVERY:
                self._feed()
        except BaseException:
            self.close()
            raise

    def submit(self, blocks: list[list[Event]], documents: Mapping[str, Document]) -> None:
        """Every block's events, in the order of the load's events (blocks after blocks)."""
        if self._future is None or self._closed:
            return
        try:
            if self._feeds:
                self._feed()
                self._items.put(("fed", [id(events) for events in blocks]))
            else:
                events = [e for b in blocks for e in b]
                self._note_texts(events, documents)
                records = _pieces([event_out(e) for e in events])
                self._items.put(("records", (records, _pieces(list(self._texts.items())))))
            self._submitted = True
        except BaseException:
            self.close()  # never left waiting: the app would wait for it at its exit
            raise

    def _note_texts(self, events: list[Event], documents: Mapping[str, Document]) -> None:
        for e in events:
            for s in e.sources:
                if s.doc_id not in self._sent and (doc := documents.get(s.doc_id)) is not None:
                    self._sent.add(s.doc_id)
                    self._texts[s.doc_id] = doc.text

    def _feed(self) -> None:
        if self._blocks:
            item = (
                pickle.dumps(self._blocks, pickle.HIGHEST_PROTOCOL),
                pickle.dumps(list(self._texts.items()), pickle.HIGHEST_PROTOCOL),
            )
            self._items.put(("feed", item))
        self._blocks, self._held, self._texts = [], 0, {}

    def close(self) -> None:
        """No events will come (a cancel): the worker ends."""
        if not self._closed:
            self._closed = True
            self._items.put(None)
        if self._thread is not None:
            self._thread.shutdown(wait=False)

    def result(self) -> list[set[int]] | None:
        if self._future is None:
            return None
        try:
            groups = self._future.result() if self._submitted and not self._closed else None
        except Exception:  # noqa: BLE001 - a worker that failed: the pass runs here
            groups = None
        finally:
            self.close()
        return None if groups is None else [set(g) for g in groups]


_FEED_EVERY = 500  # events of merged blocks sent to the disputes worker at a time


def _pieces(items: list[Any], size: int = 500) -> list[bytes]:
    """`items` pickled `size` at a time: each call holds the interpreter a few milliseconds."""
    return [
        pickle.dumps(items[i : i + size], pickle.HIGHEST_PROTOCOL)
        for i in range(0, len(items), size)
    ]


def _joined(
    events: list[Event],
    documents: Mapping[str, Document],
    origins: list[Origin] | None = None,
    families: Mapping[str, str] | None = None,
    groups: list[set[int]] | None = None,
) -> tuple[list[Event], list[Origin | None]]:
    """`events` with each happening that sources date differently joined into one event
    (`disputes.py`). Joins reach across merge blocks and drop events, so they are made on
    copies of the whole corpus's events after the blocks are kept, never stored in them.

    With the `origins` of `events` (where the store keeps each one's record), also the
    origin of each joined event that the pass left as it was kept (None for the others).
    `families`: the corpus's wire families, when known (`wire.families_of`); `groups` the
    events to join, when found already (`disputes.dispute_groups` of `events`)."""
    copies = [copy.copy(e) for e in events]
    joined = join_disputes(copies, documents, families=families, groups=groups)
    if origins is None:
        return joined, [None] * len(joined)
    at = {id(c): k for k, c in enumerate(copies)}
    kept: list[Origin | None] = []
    for e in joined:
        k = at.get(id(e))
        kept.append(origins[k] if k is not None and _as_kept(e, events[k]) else None)
    return joined, kept


def _updated_columns(
    cache: ExtractionCache,
    key: str,
    scope: str,
    index: increments.Index,
    state: increments.State,
    loaded: LoadedFiles,
    documents: Mapping[str, Document],
) -> ColumnEvents | None:
    """The columns of the corpus `key` after an update, made from the columns of the last
    load (`index.corpus`) with only the events near the dates the update changed made
    again: the disputes pass runs on those dates (`disputes.join_disputes_near`), the
    columns keep every other row (`column_cache.splice_columns`), and blocks far from
    those dates are never decoded. None when that cannot be done (the last load's columns
    are not stored, the actors changed, a wire family changed, the store lost a block):
    the caller then runs the passes over every event, as from scratch."""
    if state.actors_changed:
        return None  # every event's actors change
    old = read_columns(cache, index.corpus)
    if old is None:
        return None
    rel_of = _rels_of(loaded, documents)
    hashes = StoredHashes(cache, documents, document_keys(loaded.keys, loaded.results, documents))
    try:
        assign_actors(state.fresh, documents, state.actors)  # `_after_merging`, as updated
        families = _updated_families(state, index.families, documents, rel_of, hashes, loaded)
        hashes.save()
        if families is None:
            return None
        if state.changed:
            near = join_disputes_near(
                state.between,
                documents,
                min(iv[0] for iv in state.changed),
                max(iv[1] for iv in state.changed),
                families=families,
                stated_of=lambda ids: state.stated(ids, rel_of),
                sentences=_kept_sentences(state, documents),
            )
            span, events = (near.start, near.end), near.events
        else:  # the same statements in every block: the same events
            span, events = (date.max, date.min), []
    except LookupError:  # a block's events gone from the store
        return None
    state.save(cache, scope, state.recent)
    origins = _near_origins(events, state)
    return splice_columns(
        cache, key, old, span, events, documents, origins=origins, outlets=_Outlets(documents)
    )


def _rels_of(loaded: LoadedFiles, documents: Mapping[str, Document]) -> Mapping[str, str]:
    """Each document's file (a later file's document of the same id wins, as in the
    corpus's documents): looked up in `LazyDocuments` when they are (an update asks for a
    few dozen documents'), else a dict."""
    if isinstance(documents, LazyDocuments) and not documents.added:
        return documents.by_group(lambda _, g: loaded.rels[g])
    return {d: rel for rel, r in zip(loaded.rels, loaded.results, strict=True) for d in r.doc_ids}


def _kept_sentences(state: increments.State, documents: Mapping[str, Document]) -> SentenceOf:
    """The sources' sentences as their merge blocks' statements keep them (`State.sentence`),
    so that the disputes pass near an update decodes no article for them; from the article
    only when a block has no statement of the source."""
    from_documents = sentences_in(documents)

    def sentence_of(source: Source) -> str | None:
        if source.doc_id not in documents:
            return None
        kept = state.sentence(source)
        return kept if kept is not None else from_documents(source)

    return sentence_of


class _Outlets(Mapping[str, "str | None"]):
    """Each document's outlet, looked up when asked, none decoded: the corpus's documents
    know them (`LazyDocuments.outlet`), and the columns ask for the few of an update's
    events (a dict of 10,000 documents' outlets was 3% of an update)."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._documents = documents

    def __getitem__(self, doc_id: str) -> str | None:
        documents = self._documents
        if isinstance(documents, LazyDocuments):
            if doc_id not in documents:
                raise KeyError(doc_id)
            return documents.outlet(doc_id)
        return documents[doc_id].outlet

    def __iter__(self) -> Iterator[str]:
        return iter(self._documents)

    def __len__(self) -> int:
        return len(self._documents)


def _updated_families(
    state: increments.State,
    old: Mapping[str, str],
    documents: Mapping[str, Document],
    rel_of: Mapping[str, str],
    hashes: StoredHashes,
    loaded: LoadedFiles,
) -> dict[str, str] | None:
    """The wire families after an update, or None if one changed (then every event of its
    documents, at any date, is marked and maybe joined again: the caller's full pass).

    A family is a set of documents joined by copies among documents that share an event
    (`wire.py`). An update changes the events of its changed intervals only, and the texts
    of its changed files only, so every pair it adds or drops links two documents of those
    events (before or after) or of those files: `touched`. A family without a touched
    document keeps every link; one with a touched document is found again from the events
    of its documents and the touched ones (every link of such a family lies within them)."""
    touched = {d for rel in state.gone for d in _docs_of(rel, rel_of, loaded)}
    touched.update(s.doc_id for e in (*state.left(), *state.fresh) for s in e.sources)
    members: dict[str, set[str]] = {}
    for d, f in old.items():
        members.setdefault(f, set()).add(d)
    affected = touched | {m for d in touched if d in old for m in members[old[d]]}
    together = state.documents_together(affected, rel_of)
    found = families_among(together, documents, hashes=hashes)
    by_family: dict[str, set[str]] = {}
    for d, f in found.items():
        by_family.setdefault(f, set()).add(d)
    new = {d: f for d, f in old.items() if d not in affected}
    for f, ms in by_family.items():
        if ms & affected:
            new.update(dict.fromkeys(ms, f))
    return new if new == old else None


def _docs_of(rel: str, rel_of: Mapping[str, str], loaded: LoadedFiles) -> list[str]:
    """The documents whose file is `rel` (`rel_of` says it; none if it is not loaded):
    among that file's own, so that a lazy `rel_of` is not walked whole."""
    try:
        g = loaded.rels.index(rel)
    except ValueError:
        return []
    return [d for d in dict.fromkeys(loaded.results[g].doc_ids) if rel_of.get(d) == rel]


def _near_origins(events: list[Event], state: increments.State) -> list[Origin | None]:
    """The origin of each of `events` (joined near the update's dates) that the pass left
    as its block keeps it."""
    kept: dict[str, tuple[Event, Origin]] = {}
    for b in state.blocks:
        if b.events is not None:
            row = increments.events_row(b.key, state.index.actors)
            kept.update((e.id, (e, (row, j))) for j, e in enumerate(b.events))
    out: list[Origin | None] = []
    for e in events:
        k = kept.get(e.id)
        out.append(k[1] if k is not None and _as_kept(e, k[0]) else None)
    return out


_FIELDS = tuple(f.name for f in fields(Event))


def _as_kept(event: Event, kept: Event) -> bool:
    """The copy `event` holds what `kept` holds, field by field (so it has its record)."""
    return all(getattr(event, f) is getattr(kept, f) for f in _FIELDS)


def _after_merging(state: increments.State, documents: Mapping[str, Document]) -> None:
    """The passes over merged events that the store keeps by merge block, the one place for
    them on a load from scratch and on an update alike: `state.events` are all the corpus's
    events, `state.fresh` those merged in this load (all of them from scratch); the others
    come from the store as these passes left them. A pass here may change events but must
    not add, drop or reorder them, and what it gives an event may depend only on that event
    and the documents, unless it runs again on every event. Passes that join events across
    blocks run after, on copies (`_joined`). A load from scratch runs them on each block's
    events as soon as the block is merged (`_passes_after_merging`, from `_events`)."""
    events = state.events if state.actors_changed else state.fresh
    _passes_after_merging(events, documents, state.actors)


def _passes_after_merging(
    events: list[Event], documents: Mapping[str, Document], actors: Actors
) -> None:
    """The passes of `_after_merging` on some of the corpus's merged events."""
    assign_actors(events, documents, actors)
