"""Where extraction results are kept between runs: what the loader asks of a cache."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

__all__ = ["ExtractionCache"]


class ExtractionCache(Protocol):
    """Tables of JSON-able payloads by key, read and written many keys at a time (one query
    per few hundred files, one transaction per batch). The project store implements it.

    Tables: "file_cache", "corpus_cache", and "corpus_columns", whose payloads are bytes
    (`event_columns.py`), kept and given back as they are."""

    def cached_many(self, table: str, keys: list[str], *, shared: bool = False) -> dict[str, Any]:
        """The payloads of the `keys` found in `table`; keys not found are left out.
        `shared`: the caller does not change them, so the cache may give the objects it gave
        before for the same record (the project store does, for big records)."""
        ...

    def cache_many(self, table: str, items: Iterable[tuple[str, Any]]) -> None:
        """Keep each `(key, payload)` of `items` in `table`."""
        ...
