"""Where a load's work runs: engines that map one step of it over its items.

Extraction (a map over files, then over documents) and merging (a map over batches of
interval groups) have one shape whatever runs them: a function of something every task
shares (the manifest, the corpus's names) and of one item, each result handed back with its
item's index so that the caller puts them back in order and the timeline is the same
whichever engine made it. `LocalEngine` runs them on this machine's processes (the default;
it needs nothing installed beyond the app). `DaskEngine` runs them on a Dask distributed
cluster: it is in `dask_engine.py`, the one module that imports Dask (the `dask` extra), and
`open_engine` imports it only when asked for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol, TypeVar

from .local import LocalEngine

__all__ = ["ENGINES", "Engine", "EngineError", "LocalEngine", "Pool", "open_engine"]

ENGINES = ("local", "dask")

S = TypeVar("S")
S_co = TypeVar("S_co", covariant=True)
T = TypeVar("T")
R = TypeVar("R")


class EngineError(ValueError):
    """The engine asked for cannot run: Dask not installed, no scheduler at the address."""


class Pool(Protocol[S_co]):
    """An engine's workers for one step of a load, each holding what the step's tasks share."""

    def map(
        self,
        fn: Callable[[S_co, T], R],
        items: Iterable[T],
        *,
        on_done: Callable[[int, R], None],
    ) -> None:
        """`fn(shared, item)` for every item; `on_done(index, result)` in the calling thread
        as each is done, in any order. `items` may be made as the map goes (files as they
        are read): the workers may start on the first before the last is made. `fn` is a
        module-level function (it is sent by name: the worker imports it). An exception
        from `on_done` or from `items` (a cancel) stops the map: tasks not yet started are
        dropped."""
        ...


class Engine(Protocol):
    """Runs a load's maps somewhere other than the calling thread."""

    name: str

    def workers(self, units: int) -> int:
        """How many tasks run at once for `units` of work (files or documents); 0 when the
        work is better done in the calling process, without the engine."""
        ...

    def pool(self, shared: S, *, workers: int) -> AbstractContextManager[Pool[S]]:
        """Workers, about `workers` tasks at a time, that hold `shared` (sent once per
        worker, not with every task) until the block ends."""
        ...


@contextmanager
def open_engine(
    name: str, *, scheduler: str | None = None, workers: int | None = None
) -> Iterator[Engine]:
    """The engine called `name` (one of ENGINES), ready until the block ends.

    `workers` is the number of processes of the local pool (default: as many as the amount
    of work and the cores call for) or of the local Dask cluster (default: the cores);
    `scheduler` the address of a running Dask scheduler to use instead of a local cluster.
    Raises `EngineError` when the engine cannot run."""
    if name == "local":
        if scheduler is not None:
            raise EngineError("--scheduler is for --engine dask")
        yield LocalEngine(workers)
        return
    if name != "dask":
        raise EngineError(f"no engine {name!r} (engines: {', '.join(ENGINES)})")
    try:
        from .dask_engine import dask_engine
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("dask", "distributed"):
            raise
        raise EngineError(
            "--engine dask needs Dask distributed, which is not installed: "
            "pip install 'timeline-app[dask]' (or 'dask[distributed]')"
        ) from exc
    with dask_engine(scheduler, workers=workers) as engine:
        yield engine
