"""A corpus folder opened with its project store: cached loading, user edits, undo/redo.

The timeline a user sees is the extracted one with every edit in force applied, in order.
An edit is committed to the store before the new timeline is returned, so whatever a view
shows as done is already on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..ingest import load_corpus
from ..model import Event, Problem, Timeline
from .edits import apply_edits, published_overrides
from .location import store_path_for
from .project_store import Edit, ProjectStore, StoreError

__all__ = ["Project"]


class Project:
    """Open with `Project(path)`; `timeline` is what to show."""

    def __init__(self, path: Path | str, *, store: ProjectStore | None = None) -> None:
        self.path = Path(path)
        folder = self.path if self.path.is_dir() else self.path.parent
        self._store_problem: Problem | None = None
        if store is None:
            try:
                store = ProjectStore(store_path_for(folder))
            except StoreError as exc:  # e.g. a read-only home: work on, but say edits won't last
                store = ProjectStore.in_memory()
                self._store_problem = Problem("project store", f"{exc}; edits last this session")
        self.store = store
        self.skipped: list[Edit] = []  # edits whose event no longer exists
        self._base: list[Event] = []
        self.timeline = self._load()

    def close(self) -> None:
        self.store.close()

    def edit(self, kind: str, target: str, value: dict[str, Any]) -> Timeline:
        """Record the edit durably, then return the timeline with it applied."""
        self.store.add_edit(kind, target, value)
        return self._refresh(reload=kind.startswith("document."))

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

    def reload(self) -> Timeline:
        """Read the folder again (changed files are extracted anew, the rest come cached)."""
        return self._refresh(reload=True)

    def _load(self) -> Timeline:
        edits = self.store.edits()
        timeline = load_corpus(self.path, cache=self.store, published=published_overrides(edits))
        if self._store_problem:
            timeline.problems.append(self._store_problem)
        self._base = timeline.events
        timeline.events, self.skipped = apply_edits(self._base, edits)
        timeline.sort()
        return timeline

    def _refresh(self, *, reload: bool) -> Timeline:
        if reload:
            self.timeline = self._load()
        else:
            events, self.skipped = apply_edits(self._base, self.store.edits())
            self.timeline = Timeline(
                self.timeline.documents, events, self.timeline.problems, self.timeline.name
            )
        return self.timeline
