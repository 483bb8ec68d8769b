"""A corpus's events: every document's dated statements, merged; on several processes for a
large corpus.

Both steps split cleanly. A document's statements depend only on it and on the names learnt
from the whole corpus; statements are merged only with others that date the same interval
(`merge_candidates` groups them so). So documents go to the pool in chunks and intervals in
batches, and the results are put back in the order one process would have made them: the
timeline is the same either way. `tick(done)` is called between chunks with the number of
documents whose statements are found; it may raise `Cancelled`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from concurrent.futures import Future, as_completed
from datetime import date

from ..model import Document, Event
from ..temporal import Timex
from .collector import release_gradually
from .extract import DatedStatement, extract_candidates
from .file_results import FileResult
from .language import dates_language
from .merge import merge_candidates
from .names import Names
from .pool import make_pool, pool_size
from .preview import merged_names
from .titles import TitleContext

__all__ = ["find_events"]

_DOC_CHUNK = 25  # documents per task
_BATCHES_PER_WORKER = 8  # merge tasks per process: balanced, and a cancel is heard between

Tick = Callable[[int], None]
Pair = tuple[Document, list[Timex]]


def find_events(results: list[FileResult], *, workers: int | None, tick: Tick) -> list[Event]:
    """The merged events of complete `results` (names and time expressions decoded)."""
    names = merged_names(n for r in results for n in r.names)
    pairs = [
        p
        for r in results
        for p in zip(r.documents, r.timexes, strict=True)
        if dates_language(p[0].language)
    ]  # not even a lead dated by its header line
    n_workers = pool_size(len(pairs), workers)
    if n_workers == 1:
        return _here(pairs, names, tick)
    return _on_processes(pairs, names, n_workers, tick)


def _here(pairs: list[Pair], names: Names, tick: Tick) -> list[Event]:
    ctx = TitleContext(names)
    candidates: list[DatedStatement] = []
    for done, (doc, timexes) in enumerate(pairs, 1):
        candidates.extend(extract_candidates(doc, ctx, timexes))
        if done % 50 == 0:
            tick(done)
    tick(len(pairs))
    events: list[Event] = []
    for k, group in enumerate(_by_interval(candidates), 1):
        events.extend(merge_candidates(group))
        if k % 200 == 0:
            tick(len(pairs))
    release_gradually(candidates)
    return events


def _on_processes(pairs: list[Pair], names: Names, workers: int, tick: Tick) -> list[Event]:
    pool = make_pool(workers, _init, (names,))
    try:
        chunks = [pairs[i : i + _DOC_CHUNK] for i in range(0, len(pairs), _DOC_CHUNK)]
        found: list[list[DatedStatement]] = [[] for _ in chunks]
        done = 0
        tasks: dict[Future, int] = {pool.submit(_candidates_of, c): k for k, c in enumerate(chunks)}
        for future in as_completed(tasks):
            found[tasks[future]] = future.result()
            done += len(chunks[tasks[future]])
            tick(done)
        groups = _by_interval([c for part in found for c in part])
        merged: list[list[Event]] = [[] for _ in groups]
        batches = _balanced([len(g) ** 2 for g in groups], workers * _BATCHES_PER_WORKER)
        jobs = {pool.submit(_merge_groups, [groups[i] for i in b]): b for b in batches if b}
        for future in as_completed(jobs):
            for i, events in zip(jobs[future], future.result(), strict=True):
                merged[i] = events
            tick(len(pairs))
        release_gradually(groups)
        return [e for events in merged for e in events]
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _by_interval(candidates: list[DatedStatement]) -> list[list[DatedStatement]]:
    """Candidates grouped by the interval they date, groups in order of first appearance
    (as `merge_candidates` groups them)."""
    groups: dict[tuple[date, date], list[DatedStatement]] = {}
    for c in candidates:
        groups.setdefault((c.source.date.start, c.source.date.end), []).append(c)
    return list(groups.values())


def _balanced(costs: list[int], n: int) -> list[list[int]]:
    """Indices of `costs` in `n` batches of about equal total (largest first, to the
    lightest batch): merging is quadratic in a group's size, so a few groups dominate."""
    heap = [(0, b) for b in range(n)]
    batches: list[list[int]] = [[] for _ in range(n)]
    for i in sorted(range(len(costs)), key=lambda i: -costs[i]):
        load, b = heapq.heappop(heap)
        batches[b].append(i)
        heapq.heappush(heap, (load + costs[i], b))
    return [sorted(b) for b in batches]


# -- in the worker processes ------------------------------------------------------------
_ctx: TitleContext | None = None


def _init(names: Names) -> None:
    """The corpus's names, once per process (its title patterns compile on first use)."""
    global _ctx
    _ctx = TitleContext(names)


def _candidates_of(pairs: list[Pair]) -> list[DatedStatement]:
    assert _ctx is not None, "initializer did not run"
    return [c for doc, timexes in pairs for c in extract_candidates(doc, _ctx, timexes)]


def _merge_groups(groups: list[list[DatedStatement]]) -> list[list[Event]]:
    return [merge_candidates(group) for group in groups]
