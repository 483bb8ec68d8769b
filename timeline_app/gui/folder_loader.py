"""Opening folders in the background, and keeping them current.

`open(path)` builds the folder's `Project` on a worker (`ingest_worker.py`): `status` (the
window puts it in its status bar) shows progress with Cancel, and the state's `loading`
says the same in words for the empty canvas; partial timelines replace each other as files
are read (after the first, keeping what the user chose meanwhile: search, filters, a zoom),
and the state gets the project when the load is done. Then the
folder is watched (`folder_watch.py`): changes read the folder again in the background
(cached, so only changed files are extracted) and the timeline is replaced, keeping the
selection, filters and visible dates. A cancelled or failed open leaves the window as it was
before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from timeline_app.ingest.progress import Partial, Progress
from timeline_app.model import Timeline
from timeline_app.project import Project

from ..plan.columns import EventStore
from .folder_watch import FolderWatch, watch_paths
from .ingest_status import IngestStatus, progress_text
from .ingest_worker import IngestWorker, Job, Outcome, release_in_background
from .state import TimelineState

__all__ = ["FolderLoader"]

_SHOW_RELOAD_AFTER_MS = 400  # a quick reload does not flash the progress bar
_QUIT_WAIT_S = 3.0
_RELEASE_AFTER_MS = 100  # see `_retire`


class FolderLoader(QObject):
    """The open folder: `folder` once opened; its project and timeline go to `state`.

    `load`, when given, replaces the project store (tests and embedding): a callable
    returning a `Timeline` for a path, run on the worker without progress or watching.

    Signals:
        message(str, int): a line for the status bar, and for how many ms to show it.
        failed(str, str): a folder could not be opened (a title, what happened).
    """

    message = Signal(str, int)
    failed = Signal(str, str)

    def __init__(
        self,
        state: TimelineState,
        load: Callable[[Path], Timeline] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state, self._load = state, load
        self.folder: Path | None = None
        self.status = IngestStatus()
        self.status.cancel_requested.connect(self.cancel)
        self.watch = FolderWatch(self)
        self.watch.changed.connect(self.reload)
        self._worker: IngestWorker | None = None
        self._reloading = False  # the running job re-reads the open folder
        self._partial_shown = False  # the state shows a partial timeline of the running job
        self._stale = False  # the folder changed while a job ran
        self._before: tuple[Timeline, EventStore] | None = None  # shown before a new open
        self._show_status = QTimer(self, singleShot=True, interval=_SHOW_RELOAD_AFTER_MS)
        self._show_status.timeout.connect(lambda: self.status.begin("Updating…"))
        self._retired: list[object] = []
        self._release = QTimer(self, singleShot=True, interval=_RELEASE_AFTER_MS)
        self._release.timeout.connect(self._release_retired)

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def open(self, path: Path) -> None:
        """Start reading `path`; what is on screen stays usable meanwhile."""
        self._stop_worker()
        self._before = (self.state.timeline, self.state.store)
        load = self._load
        if load is None:

            def job(progress: Progress, partial: Partial | None) -> tuple[object, Timeline]:
                project = Project(path, progress=progress, partial=partial)
                return (project, watch_paths(path)), project.timeline
        else:

            def job(progress: Progress, partial: Partial | None) -> tuple[object, Timeline]:
                timeline = load(path)
                return (timeline, []), timeline

        self._start(job, path, reloading=False)
        self.status.begin(f"Opening {path.name}…")
        self.state.set_loading(f"Opening {path.name}…")

    def reload(self) -> None:
        """Read the open folder again (the watcher calls this after a change)."""
        project = self.state.project
        if project is None:
            return
        if self._worker is not None:
            self._stale = True  # once this job is done
            return

        def job(progress: Progress, partial: Partial | None) -> tuple[object, Timeline]:
            reading = project.read(progress=progress)
            return (reading, watch_paths(project.path)), reading.timeline

        self._start(job, project.path, reloading=True)
        self._show_status.start()

    def cancel(self) -> None:
        """Stop the running load; the window goes back to what it showed before it."""
        if self._worker is None:
            return
        self.status.cancelling()
        self._stop_worker()
        self._end_status()
        if not self._reloading and self._before is not None:
            self.state.set_timeline(*self._before)
        self.message.emit(
            "Loading cancelled; what was read is cached, so opening the folder "
            "again continues from there",
            8000,
        )

    def shutdown(self) -> None:
        """The window closes: stop watching, cancel, give the worker a moment to stop."""
        self.watch.clear()
        worker = self._worker
        self._stop_worker()
        if worker is not None:
            worker.wait(_QUIT_WAIT_S)
        if self.state.project is not None:
            self.state.project.close()

    # -- the worker ------------------------------------------------------------------------
    def _start(self, job: Job, path: Path, *, reloading: bool) -> None:
        worker = IngestWorker(job, partials=not reloading)
        worker.progressed.connect(lambda *a: self._on_progress(worker, *a))
        worker.partial_ready.connect(lambda t, s: self._on_partial(worker, t, s))
        worker.finished.connect(lambda outcome: self._on_finished(worker, path, outcome))
        worker.failed.connect(lambda reason: self._on_failed(worker, path, reason))
        worker.cancelled.connect(lambda: self._forget(worker))
        self._worker, self._reloading, self._stale = worker, reloading, False
        self._partial_shown = False
        worker.start()

    def _on_progress(self, worker: IngestWorker, done: int, total: int, current: str) -> None:
        if worker is not self._worker:
            return
        self.status.set_progress(done, total, current)
        if not self._reloading:  # a reload keeps showing the timeline it re-reads
            self.state.set_loading(progress_text(done, total, current))

    def _stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.cancel()  # its signals are ignored from now on
            self._worker = None

    def _forget(self, worker: IngestWorker) -> None:
        if worker is self._worker:
            self._worker = None
            self._end_status()

    def _end_status(self) -> None:
        self._show_status.stop()
        self.status.end()
        self.state.set_loading("")

    def _on_partial(self, worker: IngestWorker, timeline: Timeline, store: EventStore) -> None:
        if worker is self._worker:
            keep = self._partial_shown or self.state.selected_id is not None
            self._partial_shown = True
            self._show(timeline, store, keep=keep)

    def _on_finished(self, worker: IngestWorker, path: Path, outcome: Outcome) -> None:
        if worker is not self._worker:
            return
        self._forget(worker)
        result, paths = outcome.result  # type: ignore[misc]
        if self._reloading:
            project = self.state.project
            timeline = project.adopt(result) if project is not None else outcome.timeline
            if timeline is not self.state.timeline:
                store = outcome.store if timeline is outcome.timeline else None
                self._show(timeline, store, keep=True)
        else:
            old = self.state.project
            self._retire(self._before)
            self._before = None
            project = result if isinstance(result, Project) else None
            if old is not None and old is not project:
                old.close()
                self._retire(old)
            self.folder = path
            self.state.set_project(project)
            keep = self._partial_shown or self.state.selected_id is not None
            self._show(outcome.timeline, outcome.store, keep=keep)
            n = len(outcome.timeline.documents)
            self.message.emit(
                f"Read {n:,} document{'s' if n != 1 else ''} in {outcome.seconds:.1f} s", 6000
            )
        self.watch.set_paths(paths if self.state.project is not None else [])
        if self._stale:
            self.reload()

    def _on_failed(self, worker: IngestWorker, path: Path, reason: str) -> None:
        if worker is not self._worker:
            return
        self._forget(worker)
        if self._reloading:
            self.message.emit(f"Could not read {path} again: {reason}", 8000)
            return
        if self._before is not None:
            self.state.set_timeline(*self._before)
        self.failed.emit(
            "Could not open folder", f"Could not read the articles in\n{path}\n\n{reason}"
        )

    def _retire(self, *objects: object) -> None:
        """Hold what is no longer shown (timelines, stores, projects) to free it later.

        Freeing a timeline of 20,000 events takes 50 to 150 ms that no thread can interrupt
        (one cascade of deallocations); done inside `set_timeline` it would add to the new
        timeline's own work in one long stall.
        """
        self._retired.append(objects)
        self._release.start()

    def _release_retired(self) -> None:
        """Free what was retired on the releasing thread, a few milliseconds at a time."""
        retired, self._retired[:] = list(self._retired), []
        release_in_background(retired)

    def _show(self, timeline: Timeline, store: EventStore | None, *, keep: bool) -> None:
        """Show `timeline`; with `keep`, where the user was (selection, filters, dates)."""
        state = self.state
        self._retire(state.timeline, state.store)
        if keep:
            state.replace_timeline(timeline, select=state.selected_id, store=store)
        else:
            state.set_timeline(timeline, store)
