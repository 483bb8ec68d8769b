"""What the last load of a folder decoded, kept in memory for the next load in this process.

A window reloads its folder whenever a file changes. Reading every unchanged file's
documents and every unchanged merge block's events back from the store would cost as much
as a cached reopen; the objects the last load made are the same (both are keyed by content:
a file's cache key, a block's content and actors), so the next load takes them from here.
Only a load that uses the store's cache may use this: a rebuild starts with nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Event
from .file_results import FileResult

__all__ = ["Recent"]


@dataclass(slots=True)
class Recent:
    """File results by cache key and block events by their store key, of the last load.

    Events here are shared with the timeline that load made: they are not changed in place
    afterwards (edits work on copies, `store.edits.apply_edits`)."""

    results: dict[str, FileResult] = field(default_factory=dict)
    events: dict[str, list[Event]] = field(default_factory=dict)

    def keep_results(self, keys: list[str], results: list[FileResult]) -> None:
        """Remember these results (without their documents' raw records: the documents
        are decoded already)."""
        for r in results:
            if r.record is not None and "docs" in r.record:
                r.record = {"names": r.record["names"], "timexes": r.record["timexes"]}
        self.results = dict(zip(keys, results, strict=True))
