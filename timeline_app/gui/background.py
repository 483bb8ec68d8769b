"""Work that would freeze the window, done on a daemon thread, its result handed back to the
GUI thread by signal.

The first search of a corpus opened from its store folds the text of every event and
article (decoding each stored event first), and the first edit copies every event: seconds
at 30,000 events, during which the event loop could not paint. `Background.run` does such a
step on a thread of its own, with the collector paused and the thread switch interval short
as a load does (`ingest_worker`), and calls `then(result)` on the GUI thread when it is
done. Steps run one after another in the order given (an edit, then the next one), so each
sees what the previous one made; the window stays usable meanwhile.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from timeline_app.ingest.collector import collector_paused

from .ingest_worker import switching_often

__all__ = ["BACKGROUND_EVENTS", "Background"]

# a timeline of more events is indexed for search and edited in the `Background`: folding,
# copying or first decoding (a corpus opened from its store) takes 0.1-0.2 ms an event
BACKGROUND_EVENTS = 1_000


class Background(QObject):
    """A queue of steps run on one daemon thread at a time, in order; create it on the GUI
    thread. `then` (and `failed`) run on the GUI thread; a step whose owner moved on (the
    window closed) is dropped without a word."""

    _done = Signal(object)  # (then, result) or (failed, exception)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: list[tuple[Callable[[], Any], Callable[[Any], None], Callable | None]] = []
        self._running = False
        self._thread: threading.Thread | None = None
        self._finishing = False
        self._done.connect(self._finished)

    @property
    def busy(self) -> bool:
        """Whether a step runs or waits."""
        return self._running or bool(self._queue)

    def run(
        self,
        work: Callable[[], Any],
        then: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run `work()` after the steps given before; then `then(result)` on the GUI thread,
        or `failed(exception)` if it raised (without `failed`, the traceback goes to stderr:
        a bug, not bad input)."""
        self._queue.append((work, then, failed))
        if not self._running and not self._finishing:
            self._next()

    def finish(self) -> None:
        """Bring every step asked for to its end now, on this thread, showing nothing: the
        window closes, and an edit asked for (saved by its step) must not die with the
        daemon thread. The running step is waited for; those queued run here, in order; one
        that fails says why on stderr in one line, and the others still run."""
        self._finishing = True
        if self._thread is not None:
            self._thread.join()
        while self._queue:
            work, _, _ = self._queue.pop(0)
            try:
                work()
            except Exception as exc:  # a full disk, a store closed: say so, go on
                print(f"timeline-app: a step left when closing failed: {exc}", file=sys.stderr)

    def _next(self) -> None:
        if not self._queue:
            return
        work, then, failed = self._queue.pop(0)
        self._running = True
        self._thread = threading.Thread(
            target=self._run, args=(work, then, failed), name="background", daemon=True
        )
        self._thread.start()

    def _run(self, work: Callable[[], Any], then: Callable, failed: Callable | None) -> None:
        with collector_paused, switching_often:
            try:
                outcome = (then, work())
            except Exception as exc:
                if failed is None:
                    traceback.print_exc(file=sys.stderr)
                outcome = (failed, exc)
        with contextlib.suppress(RuntimeError):  # "Internal C++ object already deleted":
            self._done.emit(outcome)  # the window closed meanwhile

    def _finished(self, outcome: tuple[Callable | None, Any]) -> None:
        self._running = False
        if self._finishing:  # the window closed: its step was brought to an end, not shown
            return
        reply, value = outcome
        try:
            if reply is not None:
                reply(value)
        finally:
            self._next()
