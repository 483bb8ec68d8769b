"""A path opened with its project store: cached loading, user edits, undo/redo.

The one place that decides what a path holds: a data file (TimelineJS JSON or CSV, our event
JSON) is read through `formats`, anything else as articles through `ingest`, with the store
(`store`) as the extraction cache and the keeper of the user's edits.

The timeline a user sees is the extracted one with every edit in force applied, in order.
The analyst's work is edits too, through `edit` like any other (one edit, one undo step):
stars, tags and notes ("event.star", "event.tags", "event.tag_add", ...: `store.marks`),
events added by hand ("event.add"/"event.remove": `store.added_events`), periods drawn
("period.add"/"period.remove"), which the timeline holds among its `eras` as `Era`s with
`user` set (`store.periods`), and saved views ("view.save"/"view.delete"), which
`saved_views` lists.
An edit is committed to the store before the new timeline is returned, so whatever a view
shows as done is already on disk.

Loading a large folder takes a while, so it reports progress and partial timelines, and a
window reads the folder again on a worker thread (`read`) and makes the result current on its
own thread (`adopt`), where edits happen. `build` fills a folder's store ahead of time, on an
engine of its choice (a Dask cluster), for the window and the commands to open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .formats import DataFileError, expected_timeline, is_data_file, read_data_file
from .ingest import CorpusError, load_corpus
from .ingest.cache import ExtractionCache
from .ingest.engines import Engine
from .ingest.progress import Partial, Progress
from .ingest.recent import Recent
from .model import Document, Event, FuzzyDate, Problem, Timeline
from .model.lazy_documents import LazyDocuments
from .store import STORE_PROBLEM, Edit, ProjectStore, StoreError, store_path_for
from .store.added_events import added_documents, is_article
from .store.edits import apply_edits, published_overrides, source_positions
from .store.periods import user_periods
from .store.views import saved_views

__all__ = ["Project", "Reading", "build", "open_timeline"]


def open_timeline(
    path: Path | str,
    *,
    cache: ExtractionCache | None = None,
    published: Mapping[str, FuzzyDate | None] | None = None,
    progress: Progress | None = None,
    partial: Partial | None = None,
    engine: Engine | None = None,
    lazy: bool = False,
    recent: Recent | None = None,
) -> Timeline:
    """The timeline at `path`: a data file's events as the file holds them, else the
    articles of a folder or file (`load_corpus`, which the other arguments are for).

    Raises CorpusError when nothing can be read there.
    """
    if is_data_file(path):  # TimelineJS or our event JSON: events, not articles
        try:
            return read_data_file(path)
        except DataFileError as exc:
            raise CorpusError(str(exc)) from exc
    try:
        return load_corpus(
            path,
            cache=cache,
            published=published,
            progress=progress,
            partial=partial,
            engine=engine,
            lazy=lazy,
            recent=recent,
        )
    except CorpusError as exc:  # a .json or .csv that is neither articles nor a timeline
        expected = expected_timeline(path)
        if expected is None:
            raise
        raise CorpusError(f"{exc}; {expected}") from exc


@dataclass(slots=True)
class Reading:
    """The folder as `Project.read` found it: extracted events and, with `edits` applied,
    the timeline to show."""

    base: list[Event]
    timeline: Timeline
    skipped: list[Edit]
    edits: list[Edit]


class Project:
    """Open with `Project(path)`; `timeline` is what to show.

    `progress` and `partial` are passed to `open_timeline` for the first load (partial timelines
    are previews: no edits applied). A `Cancelled` load raises from the constructor. `engine`
    extracts (default: this machine's processes); with `rebuild`, the first load extracts
    and merges every file again rather than take what the store has cached.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        store: ProjectStore | None = None,
        progress: Progress | None = None,
        partial: Partial | None = None,
        engine: Engine | None = None,
        rebuild: bool = False,
    ) -> None:
        self.path = Path(path)
        folder = self.path if self.path.is_dir() else self.path.parent
        self._store_problem: Problem | None = None
        if store is None:
            try:
                store = ProjectStore(store_path_for(folder))
            except StoreError as exc:  # a read-only home, a newer app's store: work on in memory
                store = ProjectStore.in_memory()
                self._store_problem = Problem(STORE_PROBLEM, f"{exc}; edits last this session")
        self.store = store
        self._engine = engine
        self._cache: ExtractionCache = _Rewriting(store) if rebuild else store
        self._recent = Recent()  # what the last read decoded, for the next (`ingest.recent`)
        self.skipped: list[Edit] = []  # edits whose event no longer exists
        self._base: list[Event] = []
        self.timeline = Timeline()
        self.timeline = self.adopt(self.read(progress=progress, partial=partial))
        self._cache = store

    def close(self) -> None:
        """Close the store. The timeline's events may still be decoded from it on demand
        (`ingest/column_cache.py`): read none of them after this."""
        self.store.close()

    def edit(self, kind: str, target: str, value: dict[str, Any]) -> Timeline:
        """Record the edit durably, then return the timeline with it applied.

        Event edits also record where their events' sources are, so that they still apply
        when an event's id changes (see `store.edits.source_positions`)."""
        if kind.startswith("event."):
            value = self._anchored(target, value)
        self.store.add_edit(kind, target, value)
        return self._refresh(reload=kind.startswith("document."))

    def _anchored(self, target: str, value: dict[str, Any]) -> dict[str, Any]:
        by_id = {e.id: e for e in self.timeline.events}
        value = dict(value)
        if target in by_id:
            value["anchors"] = source_positions(by_id[target])
        if "others" in value:
            value["others_anchors"] = {
                o: source_positions(by_id[o]) for o in value["others"] if o in by_id
            }
        return value

    def undo(self) -> Edit | None:
        edit = self.store.undo()
        if edit:
            self._refresh(reload=edit.kind.startswith("document."))
        return edit

    def redo(self) -> Edit | None:
        edit = self.store.redo()
        if edit:
            self._refresh(reload=edit.kind.startswith("document."))
        return edit

    def reload(self, *, progress: Progress | None = None) -> Timeline:
        """Read the folder again (changed files are extracted anew, the rest come cached)."""
        return self.adopt(self.read(progress=progress))

    def read(self, *, progress: Progress | None = None, partial: Partial | None = None) -> Reading:
        """Read the folder and apply the edits in force, leaving the project as it is.

        Safe on a worker thread while the project's own thread goes on (the store serialises
        its calls); give the result to `adopt` on the project's thread.
        """
        edits = self.store.edits()
        extracted = open_timeline(
            self.path,
            cache=self._cache,
            progress=progress,
            partial=partial,
            published=published_overrides(edits),
            engine=self._engine,
            lazy=True,  # the store stays open as long as the project: events read on demand
            recent=self._recent if self._cache is self.store else None,
        )
        events, skipped = apply_edits(extracted.events, edits)
        problems = self._with_store_problems(extracted.problems)
        timeline = _shown(extracted, events, problems, edits)
        return Reading(extracted.events, timeline, skipped, edits)

    def adopt(self, reading: Reading) -> Timeline:
        """Make what `read` found current. Edits made while it read are applied now; if one
        of them changed a publication date, that edit reloaded already and `reading` is
        stale, so it is dropped."""
        edits = self.store.edits()
        if edits == reading.edits:
            self._base, self.timeline, self.skipped = (
                reading.base,
                reading.timeline,
                reading.skipped,
            )
        elif published_overrides(edits) == published_overrides(reading.edits):
            self._base = reading.base
            events, self.skipped = apply_edits(self._base, edits)
            t = reading.timeline
            self.timeline = _shown(t, events, self._with_store_problems(t.problems), edits)
        return self.timeline

    def _refresh(self, *, reload: bool) -> Timeline:
        if reload:
            self.timeline = self.adopt(self.read())
        else:
            edits = self.store.edits()
            events, self.skipped = apply_edits(self._base, edits)
            t = self.timeline
            self.timeline = _shown(t, events, self._with_store_problems(t.problems), edits)
        return self.timeline

    def saved_views(self) -> dict[str, dict[str, Any]]:
        """The views saved ("view.save") and not deleted, by name, in the order saved."""
        return saved_views(self.store.edits())

    def _with_store_problems(self, problems: list[Problem]) -> list[Problem]:
        """`problems` with what the store has to say (a damaged file set aside, a cache that
        could not be written) in place of what it said before: one line each."""
        said = [self._store_problem] if self._store_problem else []
        said += [Problem(STORE_PROBLEM, notice) for notice in self.store.notices]
        return [p for p in problems if p.path != STORE_PROBLEM] + said


def _shown(
    t: Timeline, events: list[Event], problems: list[Problem], edits: list[Edit]
) -> Timeline:
    """`t` with `events` (edits applied) and the user's own parts from `edits`: the sources
    of events added by hand as documents, and the periods drawn, after the file's eras (as
    `Era`s with `user` set: see `store.periods`)."""
    added = added_documents(edits, events)
    documents: Mapping[str, Document]
    if isinstance(t.documents, LazyDocuments):  # none of the folder's documents decoded
        documents = t.documents.with_added(added)
    else:
        documents = {k: d for k, d in t.documents.items() if is_article(d)}
        documents.update(added)
    eras = [e for e in t.eras if not e.user] + user_periods(edits)
    return Timeline(documents, events, problems, t.name, eras)


def build(path: Path | str, *, engine: Engine, rebuild: bool = False) -> Timeline:
    """Extract and merge the articles at `path` on `engine` into the project store that
    `Project(path)` opens (the window, `events`, `export`); return the timeline they will
    show, edits applied. With `rebuild`, every file is extracted again, cached or not.

    Raises CorpusError when nothing can be read, StoreError when the store cannot be opened
    or its cache written: a build that keeps nothing is no build."""
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    store = ProjectStore(store_path_for(folder))
    try:
        timeline = Project(path, store=store, engine=engine, rebuild=rebuild).timeline
        if not store.caches:
            raise StoreError(store.notice or "the project store's cache cannot be written")
        return timeline
    finally:
        store.close()


class _Rewriting:
    """The store as a cache that has nothing yet and keeps everything: a rebuild."""

    def __init__(self, store: ProjectStore) -> None:
        self._store = store

    def cached_many(self, table: str, keys: list[str], *, shared: bool = False) -> dict[str, Any]:
        return {}

    def cache_many(self, table: str, items: Iterable[tuple[str, Any]]) -> None:
        self._store.cache_many(table, items)
