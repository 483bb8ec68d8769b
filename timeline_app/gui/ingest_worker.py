"""Reading a folder off the GUI thread: progress, cancel and partial timelines, by signal.

A job runs on a daemon Python thread rather than a QThread: a load can sit in one long step
(merging the events of 10,000 articles) where it cannot look at its cancel flag, and a
daemon thread never holds up quitting, where Qt aborts if a running QThread is destroyed.
The thread never touches widgets: it emits the worker's signals, and Qt queues them to the
GUI thread, which owns the worker. It also builds each timeline's `EventStore` (plain numpy),
so that the GUI thread only swaps the new timeline in.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from timeline_app.ingest import CorpusError
from timeline_app.ingest.collector import collector_paused, release_later
from timeline_app.ingest.progress import Cancelled, Partial, Progress
from timeline_app.model import Timeline

from ..plan.columns import EventStore

__all__ = ["IngestWorker", "Job", "Outcome", "release_in_background", "switching_often"]

PROGRESS_EVERY = 0.05  # seconds between progress signals: the bar needs no more
SWITCH_INTERVAL = 0.001  # seconds; see `_SwitchOften`
PARTIAL_PAUSE_S = 0.25  # at most this long the job waits while a partial is shown

# A job gets the progress callback (and the partial one, when partials are wanted) and
# returns its result with the timeline to show.
Job = Callable[[Progress, Partial | None], tuple[object, Timeline]]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a finished job returned, with its timeline's store and how long it took."""

    result: object
    timeline: Timeline
    store: EventStore
    seconds: float


class _SwitchOften:
    """Python's thread switch interval, shortened while any load runs.

    A thread that wants the GIL waits for the running one to hand it over, by default after
    5 ms; the GUI thread wants it at every call into Python (each slot, each paint), and
    with a load running in pure Python those waits add up to stalls of 100 ms. At 1 ms they
    stay under 30 ms, for a per cent or two of the load's speed.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loads = 0
        self._default = sys.getswitchinterval()

    def __enter__(self) -> None:
        with self._lock:
            if self._loads == 0:
                self._default = sys.getswitchinterval()
                sys.setswitchinterval(min(self._default, SWITCH_INTERVAL))
            self._loads += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._loads -= 1
            if self._loads == 0:
                sys.setswitchinterval(self._default)


switching_often = _SwitchOften()


class IngestWorker(QObject):
    """Runs one job on its own thread; create it on the GUI thread, then `start()`.

    Signals:
        progressed(int, int, str): files done, total, current file (throttled).
        partial_ready(object, object): a partial Timeline of the files so far, its EventStore.
        finished(object): an `Outcome`.
        failed(str): why the job failed, in words for a user.
        cancelled(): the job stopped because `cancel()` was called.
    """

    progressed = Signal(int, int, str)
    partial_ready = Signal(object, object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    # the job's thread sends a partial through this one connection (see `_on_partial_made`)
    _partial_made = Signal(object, object)

    def __init__(self, job: Job, *, partials: bool = True) -> None:
        super().__init__()
        self._job, self._partials = job, partials
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ingest", daemon=True)
        self._last_progress = 0.0
        # set while no partial timeline waits to be shown: see `_partial`
        self._shown = threading.Event()
        self._shown.set()
        self._partial_made.connect(self._on_partial_made)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next file; `cancelled` follows (or nothing, if it is
        already done)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the thread to end; returns whether it did."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- on the worker thread ------------------------------------------------------------
    def _run(self) -> None:
        with collector_paused, switching_often:  # the whole job (see collector.py and above)
            self._run_job()

    def _run_job(self) -> None:
        started = time.perf_counter()
        try:
            result, timeline = self._job(self._progress, self._partial if self._partials else None)
            store = EventStore.from_timeline(timeline)
        except Cancelled:
            self._send(self.cancelled)
            return
        except (CorpusError, OSError, ValueError) as exc:  # bad input: the message says it all
            self._send(self.failed, str(exc) or type(exc).__name__)
            return
        except Exception as exc:  # a bug must reach the user as a message, not kill the thread
            traceback.print_exc(file=sys.stderr)
            self._send(self.failed, f"{type(exc).__name__}: {exc}")
            return
        if self._cancel.is_set():  # asked during the last step: the caller has moved on
            self._send(self.cancelled)
            return
        self._send(self.finished, Outcome(result, timeline, store, time.perf_counter() - started))

    def _send(self, signal: SignalInstance, *args: object) -> None:
        """Emit, unless the window that owned this worker is gone (closed while a load
        ran): the result then has nowhere to go, and the user must see no traceback."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Internal C++ object already deleted"
            self._cancel.set()

    def _progress(self, done: int, total: int, current: str) -> bool:
        if self._cancel.is_set():
            return False
        now = time.monotonic()
        if now - self._last_progress >= PROGRESS_EVERY or done == total:
            self._last_progress = now
            self._send(self.progressed, done, total, current)
        return True

    def _partial(self, timeline: Timeline) -> None:
        """Send a partial timeline, unless the last one is not shown yet: two waiting in
        the GUI thread's queue are shown in one go (the event loop does not turn between
        them), 100 ms or more each at 30,000 events, and the first would be replaced
        unseen. The next partial, a second or more later, has more files anyway."""
        if self._cancel.is_set() or not self._shown.is_set():
            return
        self._shown.clear()
        self._send(self._partial_made, timeline, EventStore.from_timeline(timeline))
        # Showing it is the GUI thread's longest work of a load (100 ms or more at 30,000
        # events). With this thread running Python meanwhile, the two take turns at the
        # interpreter and the window freezes twice as long; the worker processes extract
        # on regardless. So the job waits until it is shown, or PARTIAL_PAUSE_S.
        self._shown.wait(PARTIAL_PAUSE_S)

    def _on_partial_made(self, timeline: Timeline, store: EventStore) -> None:
        """On the GUI thread: every slot of `partial_ready` runs now, within this one queued
        call (emitted from the job's thread, each slot would be queued on its own, and the
        job let go between two of them); once they have, and the event loop has turned (to
        paint), the job goes on and the next partial may come."""
        self._send(self.partial_ready, timeline, store)
        QTimer.singleShot(0, self._shown.set)


def release_in_background(retired: list) -> None:
    """Free `retired` (the last references to timelines, stores, projects) on the releasing
    thread, a few milliseconds at a time (`collector.release_later`).

    Dropping a timeline frees its events in one uninterruptible cascade, and a closed project
    its whole load (830,000 objects at 10,000 articles: about 200 ms), holding the GIL that
    the GUI thread needs; freed a hundred objects at a time on another thread, with pauses,
    they never keep it waiting long.
    """
    release_later(*retired)
    retired.clear()
