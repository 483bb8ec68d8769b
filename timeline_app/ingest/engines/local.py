"""The default engine: this machine's cores, as a pool of spawned processes (`pool.py`).

Small work stays in the calling process: below PARALLEL_MIN files or documents a pool's
start-up (about a second per process) costs more than it saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from queue import SimpleQueue
from typing import Any, Generic, TypeVar

from ..collector import collector_paused
from ..pool import make_pool, pool_size

__all__ = ["LocalEngine"]

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


class LocalEngine:
    """`workers` processes at most (default: by the amount of work and the cores)."""

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self._workers = workers

    def workers(self, units: int) -> int:
        n = pool_size(units, self._workers)
        return 0 if n == 1 else n

    @contextmanager
    def pool(self, shared: S, *, workers: int) -> Iterator[_Processes[S]]:
        pool = make_pool(workers, _share, (shared,))
        try:
            yield _Processes(pool)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


class _Processes(Generic[S]):
    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self._pool = pool

    def map(
        self,
        fn: Callable[[S, T], R],
        items: Iterable[T],
        *,
        on_done: Callable[[int, R], None],
    ) -> None:
        # each task as its item comes (files are sent as they are read), and the results
        # that are in handed back between two items
        finished: SimpleQueue[Future[R]] = SimpleQueue()
        tasks: dict[Future[R], int] = {}
        try:
            for i, item in enumerate(items):
                future = self._pool.submit(_call, fn, item)
                tasks[future] = i
                future.add_done_callback(finished.put)
                while not finished.empty():
                    self._hand_back(finished.get(), tasks, on_done)
            while tasks:
                self._hand_back(finished.get(), tasks, on_done)
        finally:
            for future in tasks:
                future.cancel()  # those not started yet (after a cancel or an error)

    @staticmethod
    def _hand_back(
        future: Future[R], tasks: dict[Future[R], int], on_done: Callable[[int, R], None]
    ) -> None:
        on_done(tasks.pop(future), future.result())


# -- in the worker processes ------------------------------------------------------------
_shared: Any = None


def _share(shared: object) -> None:
    """What every task shares, once per process (a manifest may list 10,000 files; the
    corpus's names compile into title patterns once)."""
    global _shared
    _shared = shared


def _call(fn: Callable[[Any, T], R], item: T) -> R:
    """A task, with the collector paused as in the loading process (`collector.py`): tasks
    make hundreds of thousands of objects and no cycles, and a worker keeps thousands of
    titles, roles and merge features, over which the collector's full passes were 0.4 s
    of each worker's statement finding and 0.3 s of its merging at 10,000 articles. What
    cycles a task leaves end with the process, which lives as long as its pool."""
    with collector_paused:
        return fn(_shared, item)
