"""Load a folder (or one file) of articles into a Timeline, naming every file that fails.

Each file becomes documents (`file_results.py`, `documents.py`), the documents' candidates
one list of merged events (`event_finding.py`). Data files (TimelineJS, our event JSON) are
not articles: `timeline_app.project` reads them through `timeline_app.formats`.

Loading reports progress per file and can be cancelled (see `progress.py`); many uncached
files are extracted, and many documents' events found, by an engine (`engines/`: this
machine's processes by default, or a Dask cluster); partial timelines can be received while
files are extracted (`preview.py`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from ..model import Document, Event, FuzzyDate, Problem, Timeline
from .actors import assign_actors
from .cache import ExtractionCache
from .collector import collector_paused, release_gradually
from .column_cache import read_columns, write_columns
from .disputes import join_disputes
from .engines import Engine, LocalEngine
from .event_finding import find_events
from .file_loader import FileLoader
from .file_results import FileResult
from .files import find_files
from .manifest import MANIFEST_NAME, Manifest, ManifestError, read_manifest
from .progress import Cancelled, Partial, Progress
from .records import event_in, event_out

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
    ).run()
    problems += loaded.problems
    documents = {d.id: d for r in loaded.results for d in r.documents}
    if not documents:
        detail = "; ".join(str(p) for p in problems[:5]) or "no article files found"
        raise CorpusError(f"{path}: nothing could be loaded ({detail})")
    events = _events(loaded.results, documents, loaded.keys, cache, progress, engine, lazy=lazy)
    release_gradually(loaded.results, 50)  # the time expressions and names they hold
    return Timeline(documents, events, problems, name)


def _events(
    results: list[FileResult],
    documents: dict[str, Document],
    keys: list[str],
    cache: ExtractionCache | None,
    progress: Progress | None = None,
    engine: Engine | None = None,
    *,
    lazy: bool = False,
) -> list[Event]:
    """Candidates from every document, merged; an unchanged corpus comes from the cache
    (with `lazy`, as its stored columns, no event made until one is read).

    Progress goes on as (documents whose candidates are found, documents, MERGING), then
    (documents, documents, MERGING) between steps of the merge, so a cancel is heard.
    """

    def tick(done: int) -> None:
        if progress and progress(done, len(documents), MERGING) is False:
            raise Cancelled("cancelled while merging")

    tick(0)
    corpus_key = hashlib.sha256("|".join(keys).encode()).hexdigest()
    stored = read_columns(cache, corpus_key) if cache and lazy else None
    if stored is not None:  # no Event made until a view asks for one
        return stored  # type: ignore[return-value]
    record = cache.cached_many("corpus_cache", [corpus_key]).get(corpus_key) if cache else None
    if record is not None:
        events = [event_in(r) for r in record]
        if cache and lazy:  # a store from before the columns: the next open reads them
            write_columns(cache, corpus_key, events, documents, record)
        return events
    results = [r.complete() for r in results]  # cached results come without names, timexes
    events = find_events(results, tick=tick, engine=engine)
    assign_actors(events, documents)
    events = join_disputes(events, documents)  # one happening dated differently: one event
    if cache:
        records = [event_out(e) for e in events]
        cache.cache_many("corpus_cache", [(corpus_key, records)])
        write_columns(cache, corpus_key, events, documents, records)
    return events
