"""Extracting files, here or in worker processes, and the process pool of the local engine.

`extract_file` is pure (bytes in, `FileResult` out), so a large folder is extracted by an
engine (`engines/`: by default this machine's processes) while the calling thread keeps the
cache: a SQLite connection belongs to its process, and the GUI needs its own thread free.
The local engine's processes are spawned, never forked: a GUI process has threads, and a fork
copies the locks they hold. Each task is a handful of files, so results (and progress) arrive
steadily and a cancel waits for one handful at most. Below PARALLEL_MIN files a pool's
start-up (about a second per process) is not worth it.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..model import Event, FuzzyDate
from .file_results import FileResult, extract_file, failure_reason
from .manifest import Manifest
from .preview import preview_events

__all__ = [
    "PARALLEL_MIN",
    "PREVIEW_SHARE",
    "Extracted",
    "PreviewBudget",
    "Job",
    "Shared",
    "chunked",
    "cores",
    "extract_chunk",
    "extract_here",
    "make_pool",
    "pool_size",
]

PARALLEL_MIN = 200
_CHUNK = 8  # files per task: ~0.1 s of work
_MAX_WORKERS = 8
_NICE = 10  # added to the workers' niceness
_GC_THRESHOLD = 10_000  # allocations between a worker's young collections (default 700)
PREVIEW_SHARE = 0.1  # of a worker's extraction time, at most, spent on preview events

Job = tuple[int, Path, str, bytes]  # (index in the folder's file list, file, doc id, bytes)
# (index, the result or why the file failed, the file's preview events or None)
Extracted = tuple[int, FileResult | str, list[Event] | None]
# what every extracting task shares: the manifest, publication dates set by the user, and
# whether to make preview events
Shared = tuple[Manifest, dict[str, FuzzyDate | None], bool]


def pool_size(n_files: int, workers: int | None = None) -> int:
    """Processes to extract `n_files` with (1: in the calling process). `workers` overrides."""
    if workers is not None:
        return max(1, workers)
    if n_files < PARALLEL_MIN:
        return 1
    return max(1, min(cores(), _MAX_WORKERS, n_files // _CHUNK))


def cores() -> int:
    """The cores this process may run on (a container may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def extract_here(
    job: Job, manifest: Manifest, published: Mapping[str, FuzzyDate | None]
) -> Extracted:
    """One file in this process; a file that cannot be read yields its reason, not an error."""
    index, file, doc_id, data = job
    try:
        return index, extract_file(file, doc_id, data, manifest, published), None
    except (OSError, ValueError) as exc:
        return index, failure_reason(exc), None


def chunked(batches: Iterable[list[Job]]) -> Iterator[list[Job]]:
    """The jobs of `batches` in the handfuls that the tasks of `extract_chunk` take, each
    as soon as it is full (the last one as the batches end): files are sent as they are
    read, or (one batch) all at once."""
    jobs: list[Job] = []
    for batch in batches:
        jobs += batch
        while len(jobs) >= _CHUNK:
            yield jobs[:_CHUNK]
            jobs = jobs[_CHUNK:]
    if jobs:
        yield jobs


def extract_chunk(shared: Shared, jobs: list[Job]) -> list[Extracted]:
    """A handful of files, in a worker of an engine (`engines/`); with `previews`, the
    preview events of those files `_preview_budget` has time for ([] for the others)."""
    manifest, published, previews = shared
    out = []
    for job in jobs:
        started = time.perf_counter()
        index, result, _ = extract_here(job, manifest, published)
        _preview_budget.spent(extracting=time.perf_counter() - started)
        preview = None
        if previews and isinstance(result, FileResult):
            preview = _preview(result) if _preview_budget.allows() else []
        out.append((index, result, preview))
    return out


class PreviewBudget:
    """Preview events of a file cost about as much as extracting it (a title context per
    file, then its candidates and merging): made for every file, they would make the
    window's first open half as slow again as the same open without a window. So a worker
    makes them only while they stay within `share` of its extraction time: a sample of
    the files, spread over the whole load, that a partial timeline shows."""

    def __init__(self, share: float = PREVIEW_SHARE) -> None:
        self._share = share
        self._extracting = self._previewing = 0.0

    def allows(self) -> bool:
        return self._previewing <= self._share * self._extracting

    def spent(self, *, extracting: float = 0.0, previewing: float = 0.0) -> None:
        self._extracting += extracting
        self._previewing += previewing


_preview_budget = PreviewBudget()  # one per worker process


def _preview(result: FileResult) -> list[Event]:
    started = time.perf_counter()
    try:
        return preview_events(result)
    finally:
        _preview_budget.spent(previewing=time.perf_counter() - started)


def make_pool(
    workers: int, initializer: Callable[..., None], initargs: tuple
) -> ProcessPoolExecutor:
    """Spawned processes at a lower priority, each set up once by `initializer`.

    Lower priority: when they take every core, the window that waits for them must still
    get the CPU as soon as it needs it.
    """
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_started,
        initargs=(initializer, initargs),
    )
    for _ in range(workers):  # each task asked for before one is free starts a process: all
        pool.submit(_ready)  # start now, importing the app while the caller prepares the work
    return pool


def _ready() -> None:
    """A task that does nothing: the process that takes it has started."""


def _started(initializer: Callable[..., None], initargs: tuple) -> None:
    with contextlib.suppress(OSError, AttributeError):  # AttributeError: no nice on Windows
        os.nice(_NICE)
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), name="watch-parent", daemon=True).start()
    initializer(*initargs)
    # the cyclic collector: what the worker has made so far (its modules, what its tasks
    # share) is left out of every collection, and young collections come 14 times less
    # often. A task makes tens of thousands of objects and almost no cycles; at the
    # default threshold each worker finding statements in 5,000 articles collected 1,400
    # times, half a second in all (0.1-0.2 s at this one)
    gc.freeze()
    gc.set_threshold(_GC_THRESHOLD, 10, 10)


def _exit_with(parent: int) -> None:
    """End this worker when the app that started it is gone (killed, crashed): its queues
    stay open from this side, so it would otherwise wait for work forever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
