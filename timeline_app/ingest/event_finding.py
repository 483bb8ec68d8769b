"""A corpus's events: every document's dated statements, merged; by an engine (`engines/`:
several processes for a large corpus, or a Dask cluster) or in this process.

Both steps split cleanly. A document's statements depend only on it and on the names learnt
from the whole corpus; statements are merged only with others that date the same interval
(`merge_candidates` groups them so). So documents go to the engine in chunks and intervals in
batches, and the results are put back in the order one process would have made them: the
timeline is the same either way. `tick(done)` is called between chunks with the number of
documents whose statements are found; it may raise `Cancelled`.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import date

from ..model import Document, Event
from ..temporal import Timex
from .collector import release_gradually
from .engines import Engine, LocalEngine
from .extract import DatedStatement, extract_candidates
from .file_results import FileResult
from .language import dates_language
from .merge import merge_candidates
from .names import Names
from .preview import merged_names
from .titles import TitleContext

__all__ = ["find_events"]

_DOC_CHUNK = 25  # documents per task
_BATCHES = 8  # merge tasks per worker: balanced, and a cancel is heard between

Tick = Callable[[int], None]
Pair = tuple[Document, list[Timex]]


def find_events(
    results: list[FileResult], *, tick: Tick, engine: Engine | None = None
) -> list[Event]:
    """The merged events of complete `results` (names and time expressions decoded), found
    by `engine` (default: this machine's processes for a large corpus)."""
    names = merged_names(n for r in results for n in r.names)
    pairs = [
        p
        for r in results
        for p in zip(r.documents, r.timexes, strict=True)
        if dates_language(p[0].language)
    ]  # not even a lead dated by its header line
    engine = engine or LocalEngine()
    workers = engine.workers(len(pairs))
    if not workers:
        return _here(pairs, names, tick)
    return _on_engine(pairs, names, engine, workers, tick)


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


def _on_engine(
    pairs: list[Pair], names: Names, engine: Engine, workers: int, tick: Tick
) -> list[Event]:
    chunks = [pairs[i : i + _DOC_CHUNK] for i in range(0, len(pairs), _DOC_CHUNK)]
    found: list[list[DatedStatement]] = [[] for _ in chunks]
    done = 0

    def statements_found(k: int, statements: list[DatedStatement]) -> None:
        nonlocal done
        found[k] = statements
        done += len(chunks[k])
        tick(done)

    with engine.pool(names, workers=workers) as pool:
        pool.map(_candidates_of, chunks, on_done=statements_found)
        groups = _by_interval([c for part in found for c in part])
        release_gradually(found)
        merged: list[list[Event]] = [[] for _ in groups]
        costs = [len(g) ** 2 for g in groups]
        batches = [b for b in _balanced(costs, workers * _BATCHES) if b]

        def batch_merged(k: int, events: list[list[Event]]) -> None:
            for i, group_events in zip(batches[k], events, strict=True):
                merged[i] = group_events
            tick(len(pairs))

        pool.map(_merge_groups, [[groups[i] for i in b] for b in batches], on_done=batch_merged)
    release_gradually(groups)
    return [e for events in merged for e in events]


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


# -- in the engine's workers ------------------------------------------------------------
_context: tuple[Names, TitleContext] | None = None


def _title_context(names: Names) -> TitleContext:
    """The corpus's names as a TitleContext, made once per worker and kept while its tasks
    share the same `names` (its title patterns compile on first use)."""
    global _context
    if _context is None or _context[0] is not names:
        _context = (names, TitleContext(names))
    return _context[1]


def _candidates_of(names: Names, pairs: list[Pair]) -> list[DatedStatement]:
    ctx = _title_context(names)
    return [c for doc, timexes in pairs for c in extract_candidates(doc, ctx, timexes)]


def _merge_groups(_: Names, groups: list[list[DatedStatement]]) -> list[list[Event]]:
    return [merge_candidates(group) for group in groups]
