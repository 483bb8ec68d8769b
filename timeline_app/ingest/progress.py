"""Progress, cancelling and partial results of a long load, without Qt.

`load_corpus` calls `progress(done, total, current)` once per file (`current` is the file's
id), then, once every file is read, with `current` = "merging events" while events are found
and merged (`done` and `total` then count documents). A callback that returns
False asks the load to stop: `Cancelled` is raised at the next file. Nothing is lost by
cancelling: every file extracted so far is already in the cache, so opening the folder again
starts where this load stopped.

`partial(timeline)` receives timelines of the files loaded so far while extraction runs.
`Pacer` spaces them: the first after `first` seconds, then every `every` seconds, but never
so often that building them takes more than `share` of the load.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ..model import Timeline

__all__ = ["Cancelled", "Pacer", "Partial", "Progress"]

Progress = Callable[[int, int, str], "bool | None"]
Partial = Callable[[Timeline], None]


class Cancelled(Exception):
    """The progress callback asked the load to stop (not a ValueError: nothing was wrong)."""


class Pacer:
    """When the next partial timeline is due."""

    def __init__(
        self,
        *,
        first: float = 0.5,
        every: float = 1.0,
        share: float = 0.2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._every, self._share = every, share
        self._next = clock() + first

    def due(self) -> bool:
        return self._clock() >= self._next

    def built(self, cost_s: float) -> None:
        """A partial took `cost_s` to build: wait long enough that they stay a small share."""
        self._next = self._clock() + max(self._every, cost_s / self._share)
