"""Keeping Python's memory management from freezing the window during and after a load.

`collector_paused`: the cyclic garbage collector, paused while folders load.

A load allocates millions of objects (documents, time expressions, candidates, events), and
each time their number grows by a quarter the collector walks all of them, holding the GIL:
100 ms at 1,000 articles, half a second at 10,000, several seconds in all. A window's GUI
thread would freeze that long, and a headless load would spend a third of a cached reopen
collecting. Loads make almost no reference cycles, so nothing piles up meanwhile. When the
last running load ends, every object alive is frozen (left out of later collections: it is
mostly the timeline just loaded, which reference counting still frees when it is dropped; a
cycle made during the load and dropped before its end is kept, a small leak) and
collection resumes.

`release_gradually`: freeing a big structure frees everything it holds in one go, without
letting another thread run: 170,000 merge candidates take 60 ms. Emptying their list a chunk
at a time (a dict or a set an item at a time) lets the GUI thread in between.

`release_later`: whatever is handed over (a load's leftovers; in the window, what it no
longer shows, a closed project's whole load among it) is freed on a thread of its own, a
hundred objects at a time (`_peel`), a few milliseconds between pauses, and barely at all
while a load runs, so that no thread waits for a cascade of deallocations: the 830,000
objects of a closed project of 10,000 articles, dropped in one go, froze the window for
about 200 ms.
"""

from __future__ import annotations

import gc
import queue
import sys
import threading
import time

__all__ = ["collector_paused", "release_gradually", "release_later"]


class _CollectorPause:
    """A re-entrant context manager, shared by every thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loads = 0
        self._was_enabled = True

    def __enter__(self) -> None:
        with self._lock:
            if self._loads == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._loads += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._loads -= 1
            if self._loads == 0 and self._was_enabled:
                gc.freeze()
                gc.enable()

    @property
    def running(self) -> bool:
        """Whether a load runs now, on any thread."""
        return self._loads > 0


collector_paused = _CollectorPause()


def release_gradually(items: list | dict | set, chunk: int = 1000) -> None:
    """Empty `items` (the last reference to what it holds): a list `chunk` items at a time,
    a few milliseconds each for items of a few objects; a dict or a set an item at a time
    (a loop of Python steps, between any two of which another thread may run)."""
    if isinstance(items, list):
        while items:
            del items[-chunk:]
    elif isinstance(items, dict):
        while items:
            items.popitem()
    else:
        while items:
            items.pop()


_LATER_S = 0.2  # how long the releasing thread waits for the caller's frame to be gone
_STEP_S = 0.002  # it frees for this long at a time, then sleeps (it takes a fifth of the time,
_PAUSE_S = 0.008  # so that the window drawing meanwhile waits little for the interpreter),
_PAUSE_LOADING_S = 0.1  # or this long while a load runs (2%: the load goes on at full speed)


class _Releaser:
    """A thread that frees what it is given a moment later, a little at a time: the objects
    that only it holds are freed on it, not on the thread that made them, after that thread
    has gone on, and never so many at once that another thread waits for them
    (`release_later`)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[tuple[float, tuple[object, ...]]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def put(self, objects: tuple[object, ...]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="release", daemon=True)
                self._thread.start()
        self._queue.put((time.monotonic() + _LATER_S, objects))

    def _run(self) -> None:
        held: list[object] = []
        while True:
            if not held:
                due, objects = self._queue.get()
                time.sleep(max(0.0, due - time.monotonic()))
                held.extend(objects)
                del objects
            _peel(held, _STEP_S)
            time.sleep(_PAUSE_LOADING_S if collector_paused.running else _PAUSE_S)


def _peel(held: list[object], seconds: float) -> None:
    """Free objects from the end of `held` for about `seconds`, `_PEEL_BATCH` at a time.

    Each object that only `held` holds goes, after the objects it holds that the collector
    tracks (containers, instances) are put on `held` in its place: freeing it frees nothing
    else but its strings and numbers, never a cascade. An object that something else holds
    too is only let go (whoever holds it frees it, or it comes back here when its last
    holder is peeled); so is what it holds, however big: a closed project's load is peeled
    down to its last object, while a timeline that shares most of its objects with the one
    shown now costs a look at the few that are its own."""
    end = time.perf_counter() + seconds
    while held and time.perf_counter() < end:
        _peel_batch(held)


_PEEL_BATCH = 100


def _peel_batch(held: list[object]) -> None:
    """One step of `_peel`: at most `_PEEL_BATCH` objects freed, in one call (`clear`)."""
    alone: list[object] = []
    for _ in range(min(len(held), _PEEL_BATCH)):
        obj = held.pop()
        # `obj` and the argument: held here alone (peeling a shared one would be harmless,
        # a waste of time; leaving one that is not would free all it holds in one go)
        if sys.getrefcount(obj) <= 2 and gc.is_tracked(obj):
            alone.append(obj)
    obj = None
    held.extend(filter(gc.is_tracked, gc.get_referents(*alone)))
    alone.clear()  # frees them


_releaser = _Releaser()


def release_later(*objects: object) -> None:
    """Free `objects` (what they hold, if nothing else holds it) on a thread of their own, a
    moment from now and a few milliseconds at a time: a load's own structures, dropped when
    it returns, cost tens of milliseconds of deallocation before its timeline could be
    shown; a closed project's load, hundreds."""
    _releaser.put(objects)
