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
from dataclasses import dataclass
from datetime import date

from ..model import Document, Event
from ..temporal import Timex
from .collector import release_gradually
from .engines import Engine, LocalEngine
from .extract import DatedStatement, extract_candidates
from .file_results import FileResult
from .language import dates_language
from .merge import Cluster, Stated, clusters_of, events_of, merge_candidates, stated
from .names import Names
from .preview import merged_names
from .titles import TitleContext

__all__ = ["Block", "Placed", "find_events", "statements_of"]

_DOC_CHUNK = 25  # documents per task
_BATCHES = 8  # merge tasks per worker: balanced, and a cancel is heard between

Tick = Callable[[int], None]
Pair = tuple[Document, list[Timex]]
# a statement with where it stands in the corpus: its file's id and its number in the file
Placed = tuple[str, int, DatedStatement]


@dataclass(slots=True)
class Block:
    """The statements that date one interval, in corpus order, and the events they merge
    into: what a changed file's statements leave and enter (`increments.py`)."""

    interval: tuple[date, date]
    statements: list[Placed]
    events: list[Event]


def find_events(
    results: list[FileResult],
    rels: list[str],
    *,
    tick: Tick,
    engine: Engine | None = None,
    names: Names | None = None,
) -> list[Block]:
    """The merge blocks of complete `results` (names and time expressions decoded; `rels`
    their files' ids), in order of first appearance: their events, one after the other,
    are the corpus's. Found by `engine` (default: this machine's processes for a large
    corpus) with `names` (default: merged from the results)."""
    names = names or merged_names(n for r in results for n in r.names)
    pairs, where = _pairs(results, rels)
    engine = engine or LocalEngine()
    workers = engine.workers(len(pairs))
    if not workers:
        return _here(pairs, where, names, tick)
    return _on_engine(pairs, where, names, engine, workers, tick)


def statements_of(results: list[FileResult], rels: list[str], names: Names) -> list[Placed]:
    """The dated statements of a few files, placed, found in this process."""
    pairs, where = _pairs(results, rels)
    ctx = TitleContext(names)
    return _placed(where, [extract_candidates(doc, ctx, timexes) for doc, timexes in pairs])


def _pairs(results: list[FileResult], rels: list[str]) -> tuple[list[Pair], list[str]]:
    """Documents to find statements in (not even a lead dated by its header line in a
    language we do not date), with their files' ids."""
    pairs: list[Pair] = []
    where: list[str] = []
    for r, rel in zip(results, rels, strict=True):
        for p in zip(r.documents, r.timexes, strict=True):
            if dates_language(p[0].language):
                pairs.append(p)
                where.append(rel)
    return pairs, where


def _placed(where: list[str], found: list[list[DatedStatement]]) -> list[Placed]:
    """Each document's statements, numbered within its file."""
    placed: list[Placed] = []
    seq: dict[str, int] = {}
    for rel, statements in zip(where, found, strict=True):
        n = seq.get(rel, 0)
        placed.extend((rel, n + k, c) for k, c in enumerate(statements))
        seq[rel] = n + len(statements)
    return placed


def _here(pairs: list[Pair], where: list[str], names: Names, tick: Tick) -> list[Block]:
    ctx = TitleContext(names)
    found: list[list[DatedStatement]] = []
    for done, (doc, timexes) in enumerate(pairs, 1):
        found.append(extract_candidates(doc, ctx, timexes))
        if done % 50 == 0:
            tick(done)
    tick(len(pairs))
    blocks = _by_interval(_placed(where, found))
    release_gradually(found)
    for k, block in enumerate(blocks, 1):
        block.events = merge_candidates([c for _, _, c in block.statements])
        if k % 200 == 0:
            tick(len(pairs))
    return blocks


def _on_engine(
    pairs: list[Pair], where: list[str], names: Names, engine: Engine, workers: int, tick: Tick
) -> list[Block]:
    chunks = [pairs[i : i + _DOC_CHUNK] for i in range(0, len(pairs), _DOC_CHUNK)]
    found: list[list[list[DatedStatement]]] = [[] for _ in chunks]
    done = 0

    def statements_found(k: int, statements: list[list[DatedStatement]]) -> None:
        nonlocal done
        found[k] = statements
        done += len(chunks[k])
        tick(done)

    with engine.pool(names, workers=workers) as pool:
        pool.map(_candidates_of, chunks, on_done=statements_found)
        blocks = _by_interval(_placed(where, [c for part in found for c in part]))
        release_gradually(found)
        # the workers are sent a few strings of each statement and send back its cluster:
        # statements and events as objects cost more to send than merging them
        groups = [[stated(c) for _, _, c in b.statements] for b in blocks]
        batches = [b for b in _balanced([len(g) for g in groups], workers * _BATCHES) if b]

        def batch_merged(k: int, clusters: list[list[Cluster]]) -> None:
            for i, group_clusters in zip(batches[k], clusters, strict=True):
                block = blocks[i]
                block.events = events_of([c for _, _, c in block.statements], group_clusters)
            tick(len(pairs))

        pool.map(_merge_groups, [[groups[i] for i in b] for b in batches], on_done=batch_merged)
    release_gradually(groups)
    return blocks


def _by_interval(placed: list[Placed]) -> list[Block]:
    """Statements grouped by the interval they date, in order of first appearance (as
    `merge_candidates` groups them); events not merged yet."""
    blocks: dict[tuple[date, date], Block] = {}
    for p in placed:
        d = p[2].source.date
        key = (d.start, d.end)
        block = blocks.get(key)
        if block is None:
            block = blocks[key] = Block(key, [], [])
        block.statements.append(p)
    return list(blocks.values())


def _balanced(costs: list[int], n: int) -> list[list[int]]:
    """Indices of `costs` in `n` batches of about equal total (largest first, to the
    lightest batch)."""
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


def _candidates_of(names: Names, pairs: list[Pair]) -> list[list[DatedStatement]]:
    ctx = _title_context(names)
    return [extract_candidates(doc, ctx, timexes) for doc, timexes in pairs]


def _merge_groups(_: Names, groups: list[list[Stated]]) -> list[list[Cluster]]:
    return [clusters_of(group) for group in groups]
