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
"""

from __future__ import annotations

import gc
import queue
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


class _Releaser:
    """A thread that drops the references it is given a moment later: the objects they
    held (when it held the last references) are freed on it, not on the thread that made
    them, after that thread has gone on (`release_later`)."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[tuple[object, ...]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def put(self, objects: tuple[object, ...]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="release", daemon=True)
                self._thread.start()
        self._queue.put(objects)

    def _run(self) -> None:
        while True:
            objects = self._queue.get()
            time.sleep(_LATER_S)
            del objects


_releaser = _Releaser()


def release_later(*objects: object) -> None:
    """Free `objects` (what they hold, if nothing else holds it) on a thread of their own, a
    moment from now: a load's own structures, dropped when it returns, cost tens of
    milliseconds of deallocation before its timeline could be shown."""
    _releaser.put(objects)
