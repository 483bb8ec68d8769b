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
from typing import Any

from ..model import Document, Event
from .collector import release_gradually
from .engines import Engine, LocalEngine
from .extract import DatedStatement, extract_candidates
from .file_results import FileResult
from .language import dates_language
from .merge import Cluster, Stated, clusters_of, events_of, merge_candidates
from .names import Names
from .preview import merged_names
from .records import statement_in, statement_out, timex_in
from .titles import TitleContext

__all__ = ["Block", "Placed", "find_events", "statements_of"]

_DOC_CHUNK = 25  # documents per task
_BATCHES = 8  # merge tasks per worker: balanced, and a cancel is heard between

Tick = Callable[[int], None]
Merged = Callable[[list[Event]], None]
# a document, its file's result and its number there: its time expressions are read as
# objects in this process, sent to an engine as the records the result holds
Pair = tuple[Document, FileResult, int]
# a statement with where it stands in the corpus: its file's id and its number in the file
Placed = tuple[str, int, DatedStatement]
# what a worker is sent of a document, and sends back of each statement: records (lists of
# plain values, `records.py`) cost a fraction of model objects to pickle and unpickle
Sent = tuple[Document, list[list[Any]]]
Record = list[Any]


@dataclass(slots=True)
class Block:
    """The statements that date one interval, in corpus order, and the events they merge
    into: what a changed file's statements leave and enter (`increments.py`). `records`:
    the statements as the store keeps them (`records.statement_out`), when an engine's
    workers sent them so (None: made when kept)."""

    interval: tuple[date, date]
    statements: list[Placed]
    events: list[Event]
    records: list[Record] | None = None


def find_events(
    results: list[FileResult],
    rels: list[str],
    *,
    tick: Tick,
    engine: Engine | None = None,
    names: Names | None = None,
    merged: Merged | None = None,
) -> list[Block]:
    """The merge blocks of complete `results` (names and time expressions decoded; `rels`
    their files' ids), in order of first appearance: their events, one after the other,
    are the corpus's. Found by `engine` (default: this machine's processes for a large
    corpus) with `names` (default: merged from the results). `merged(events)` is called
    in this thread with each block's events as soon as they are made: a pass over them
    runs there while the engine merges the other blocks."""
    names = names or merged_names(n for r in results for n in r.names)
    pairs, where = _pairs(results, rels)
    engine = engine or LocalEngine()
    workers = engine.workers(len(pairs))
    merged = merged or _nothing
    if not workers:
        return _here(pairs, where, names, tick, merged)
    return _on_engine(pairs, where, names, engine, workers, tick, merged)


def _nothing(events: list[Event]) -> None:
    pass


def statements_of(results: list[FileResult], rels: list[str], names: Names) -> list[Placed]:
    """The dated statements of a few files, placed, found in this process."""
    pairs, where = _pairs(results, rels)
    ctx = TitleContext(names)
    return _placed(where, [extract_candidates(doc, ctx, r.timexes[k]) for doc, r, k in pairs])


def _pairs(results: list[FileResult], rels: list[str]) -> tuple[list[Pair], list[str]]:
    """Documents to find statements in (not even a lead dated by its header line in a
    language we do not date), with their files' ids."""
    pairs: list[Pair] = []
    where: list[str] = []
    for r, rel in zip(results, rels, strict=True):
        for k, doc in enumerate(r.documents):
            if dates_language(doc.language):
                pairs.append((doc, r, k))
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


def _here(
    pairs: list[Pair], where: list[str], names: Names, tick: Tick, merged: Merged
) -> list[Block]:
    ctx = TitleContext(names)
    found: list[list[DatedStatement]] = []
    for done, (doc, r, k) in enumerate(pairs, 1):
        found.append(extract_candidates(doc, ctx, r.timexes[k]))
        if done % 50 == 0:
            tick(done)
    tick(len(pairs))
    blocks = _by_interval(_placed(where, found))
    release_gradually(found)
    for k, block in enumerate(blocks, 1):
        block.events = merge_candidates([c for _, _, c in block.statements])
        merged(block.events)
        if k % 200 == 0:
            tick(len(pairs))
    return blocks


def _on_engine(
    pairs: list[Pair],
    where: list[str],
    names: Names,
    engine: Engine,
    workers: int,
    tick: Tick,
    merged: Merged,
) -> list[Block]:
    # time expressions go as records, statements come back as the store's records: the
    # objects cost this process, which waits for the workers, more to pickle than the
    # workers spend finding the statements in a tenth of the corpus
    chunks = [
        [(doc, r.timex_records()[k]) for doc, r, k in pairs[i : i + _DOC_CHUNK]]
        for i in range(0, len(pairs), _DOC_CHUNK)
    ]
    found: list[list[list[Record]]] = [[] for _ in chunks]
    statements: list[list[list[DatedStatement]]] = [[] for _ in chunks]
    done = 0

    def statements_found(k: int, records: list[list[Record]]) -> None:
        nonlocal done
        found[k] = records
        # decoded here, while the workers find the next chunks' statements
        statements[k] = [[statement_in(r)[2] for r in rs] for rs in records]
        done += len(records)
        tick(done)

    with engine.pool(names, workers=workers) as pool:
        pool.map(_candidates_of, chunks, on_done=statements_found)
        blocks = _by_interval_records(
            where,
            [r for part in found for r in part],
            [c for part in statements for c in part],
        )
        release_gradually(found)
        release_gradually(statements)
        # the workers are sent a few strings of each statement and send back its cluster:
        # statements and events as objects cost more to send than merging them
        groups = [[_stated(r) for r in b.records or ()] for b in blocks]
        batches = [b for b in _balanced([len(g) for g in groups], workers * _BATCHES) if b]

        def batch_merged(k: int, clusters: list[list[Cluster]]) -> None:
            for i, group_clusters in zip(batches[k], clusters, strict=True):
                block = blocks[i]
                block.events = events_of([c for _, _, c in block.statements], group_clusters)
                merged(block.events)
            tick(len(pairs))

        pool.map(_merge_groups, [[groups[i] for i in b] for b in batches], on_done=batch_merged)
    release_gradually(groups)
    return blocks


def _by_interval_records(
    where: list[str], found: list[list[Record]], statements: list[list[DatedStatement]]
) -> list[Block]:
    """`_by_interval` of the statements that workers found in each document, given also
    as their records (placed in their files here, as `_placed` places statements): the
    blocks keep the records for the store."""
    blocks: dict[tuple[date, date], Block] = {}
    seq: dict[str, int] = {}
    # decoded dates are shared (`records.date_in`), and finding an interval is not free
    interval_of: dict[int, tuple[date, date]] = {}
    for rel, records, found_here in zip(where, found, statements, strict=True):
        n = seq.get(rel, 0)
        for r, c in zip(records, found_here, strict=True):
            r[0], r[1] = rel, n
            d = c.source.date
            key = interval_of.get(id(d))  # the dates live as long as their statements
            if key is None:
                key = interval_of[id(d)] = (d.start, d.end)
            block = blocks.get(key)
            if block is None:
                block = blocks[key] = Block(key, [], [], [])
            block.statements.append((rel, n, c))
            block.records.append(r)  # type: ignore[union-attr]
            n += 1
        seq[rel] = n
    return list(blocks.values())


def _stated(r: Record) -> Stated:
    """`merge.stated` of a statement, from its record."""
    s = r[2]
    return r[3], r[5], r[4], (s[0], s[1], s[3])


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


def _candidates_of(names: Names, sent: list[Sent]) -> list[list[Record]]:
    """Each document's statements, as records not placed yet (`_by_interval_records`)."""
    ctx = _title_context(names)
    out = []
    for doc, timexes in sent:
        statements = extract_candidates(doc, ctx, [timex_in(t) for t in timexes])
        out.append([statement_out(("", 0, c)) for c in statements])
    return out


def _merge_groups(_: Names, groups: list[list[Stated]]) -> list[list[Cluster]]:
    return [clusters_of(group) for group in groups]
