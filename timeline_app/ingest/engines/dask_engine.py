"""The Dask engine: a load's maps on a Dask distributed cluster (the `dask` extra).

The only module that imports Dask; `open_engine` imports it only for `--engine dask`.

The calling process stays where the folder and the store are: it reads and hashes the files
(a file's hash is its cache key), sends each one's bytes to the cluster with its task and
writes what comes back into the project store. So workers need timeline_app installed (the
same version: results are cached under it), not access to the folder. Items go to the
workers with `scatter`, never inside the task graph, so a 25 MB article is no large graph;
a few tasks per worker thread are queued at a time, so the cluster holds only those items
and their results while the rest waits here. What every task of a step shares (the
manifest, the corpus's names) is broadcast to the workers once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from importlib import metadata
from typing import Generic, TypeVar

from distributed import Client, Future, LocalCluster, as_completed

from ... import __version__
from ..pool import cores
from . import EngineError

__all__ = ["DaskEngine", "dask_engine"]

_CONNECT_TIMEOUT = "20s"
_WORKER_WAIT = 60  # seconds for a first worker to join the scheduler
_TASKS_PER_THREAD = 3  # queued on the cluster at a time: every thread busy, memory bounded

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")


class DaskEngine:
    """The maps of a load on the cluster `client` is connected to."""

    name = "dask"

    def __init__(self, client: Client) -> None:
        self._client = client

    def workers(self, units: int) -> int:
        """The cluster's worker threads: asked for, the cluster does even a small load."""
        return max(1, sum(self._client.nthreads().values()))

    @contextmanager
    def pool(self, shared: S, *, workers: int) -> Iterator[_OnCluster[S]]:
        common = self._client.scatter(shared, broadcast=True, hash=False)
        try:
            yield _OnCluster(self._client, common, workers)
        finally:
            self._client.cancel([common])


class _OnCluster(Generic[S]):
    def __init__(self, client: Client, common: Future, workers: int) -> None:
        self._client, self._common = client, common
        self._window, self._batch = max(2, workers * _TASKS_PER_THREAD), max(1, workers)

    def map(
        self,
        fn: Callable[[S, T], R],
        items: Iterable[T],
        *,
        on_done: Callable[[int, R], None],
    ) -> None:
        items = list(items)  # sent in windows, by index
        client, common = self._client, self._common
        running = as_completed(with_results=True)
        live: dict[object, tuple[int, Future, Future]] = {}  # task key: index, item, task
        following = 0

        def submit(n: int) -> None:
            nonlocal following
            indices = range(following, min(following + n, len(items)))
            following = indices.stop
            if not indices:
                return
            data = client.scatter([items[i] for i in indices], hash=False)
            tasks = client.map(fn, [common] * len(data), data, pure=False)
            for i, item, task in zip(indices, data, tasks, strict=True):
                live[task.key] = (i, item, task)
                running.add(task)

        try:
            submit(self._window)
            for task, result in running:
                index = live.pop(task.key)[0]
                if len(live) <= self._window - self._batch:
                    submit(self._batch)
                on_done(index, result)
        finally:
            if live:  # a cancel or an error: drop what is queued, free what is held
                running.clear()
                client.cancel([f for _, item, task in live.values() for f in (task, item)])


@contextmanager
def dask_engine(scheduler: str | None, *, workers: int | None = None) -> Iterator[DaskEngine]:
    """An engine on the scheduler at `scheduler`, or on a local cluster of `workers` worker
    processes (default: the cores) started here and stopped when the block ends."""
    with ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers or cores(),
                    threads_per_worker=1,  # the work is Python: processes, not threads
                    processes=True,
                    dashboard_address=":0",  # any free port: never "8787 is in use"
                )
            )
            address = cluster.scheduler_address
        else:
            address = scheduler
        try:
            client = stack.enter_context(Client(address, timeout=_CONNECT_TIMEOUT))
        except (OSError, ValueError) as exc:
            raise EngineError(f"cannot reach a Dask scheduler at {address} ({exc})") from exc
        _check_workers(client, address)
        yield DaskEngine(client)


def _check_workers(client: Client, address: str) -> None:
    """At least one worker, and every worker with our version of timeline_app: its results
    are cached as this version's."""
    try:
        client.wait_for_workers(1, timeout=_WORKER_WAIT)
    except TimeoutError as exc:
        raise EngineError(
            f"no Dask worker joined the scheduler at {address} within {_WORKER_WAIT} s"
        ) from exc
    found = client.run(partial(metadata.version, "timeline-app"), on_error="return")
    wrong = {
        worker: "not installed" if isinstance(v, BaseException) else v
        for worker, v in found.items()
        if v != __version__
    }
    if wrong:
        worker, what = next(iter(wrong.items()))
        raise EngineError(
            f"{len(wrong)} of {len(found)} Dask workers lack timeline-app {__version__} "
            f"(e.g. {worker}: {what}); install it where the workers run"
        )
