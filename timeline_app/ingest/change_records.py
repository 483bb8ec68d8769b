"""A table kept in the store as two records: the whole table as some load wrote it, and the
entries changed since (None for an entry gone).

A load that changes a few entries of a large table writes only the second: an update of one
file in 10,000 would otherwise encode and write megabytes. Once the changes are many, the
whole table is written again with no changes since. The folder's listing (`listing.py`),
its files' metadata (`file_stats.py`) and the merge index (`increments.py`) are kept so;
each record says which whole one its changes belong to, in its own way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

__all__ = ["SMALL", "applied", "kept_apart"]

K = TypeVar("K")

SMALL = 64  # changed entries always kept apart from the whole record


def kept_apart(changed: int, entries: int) -> bool:
    """Whether `changed` entries of a table of `entries` go in the change record (at most
    a twentieth of the table, or SMALL), not the whole table again."""
    return changed <= max(SMALL, entries // 20)


def applied(entries: dict[K, Any], changes: Mapping[K, Any]) -> dict[K, Any]:
    """`entries`, changed in place by `changes` (None drops an entry), returned."""
    for k, v in changes.items():
        if v is None:
            entries.pop(k, None)
        else:
            entries[k] = v
    return entries
