"""The merged corpus's columns (`model.event_columns`), kept with the corpus cache, so that
reopening a corpus builds no `Event` per event: the view's columns are read straight from
the store, and an event is decoded from its record only when a view asks for it.

One row per column, keyed by the corpus key and the column's name: numbers as the raw bytes
of their array (read back as arrays over the stored bytes, no copy), strings as one text and
where each ends (read back as `Strings`, no object per string). The events' records
(`records.event_out`) are most of the bytes and no view needs them to draw, so they are kept
apart in chunks of `RECORDS_CHUNK` events (a JSON list each), each read from the cache the
first time one of its events is decoded.
Written and read through `write_columns` and `read_columns` only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..model import Document, Event
from ..model.event_columns import (
    PARTS,
    PRECISIONS,
    ColumnEvents,
    EventColumns,
    Groups,
    Strings,
)
from ..model.summary import UNKNOWN_OUTLET
from .cache import ExtractionCache
from .records import event_in, event_out

__all__ = ["COLUMNS_TABLE", "RECORDS_CHUNK", "StoredEventsError", "read_columns", "write_columns"]

COLUMNS_TABLE = "corpus_columns"
RECORDS_CHUNK = 1024  # events per row: ~250 KB, one json call of a few ms (it holds the GIL)
_GROUPS = ("outlets", "documents", "actors")
# every array column and its type
_ARRAYS = {
    "start": np.int64,
    "end": np.int64,
    "precision": np.uint8,
    "part": np.uint8,
    "inferred": np.bool_,
    "planned": np.bool_,
    "n_sources": np.int32,
    "span": np.bool_,
    "disputed": np.bool_,
    **{f"{kind}_ptr": np.int64 for kind in _GROUPS},
    **{f"{kind}_codes": np.int32 for kind in _GROUPS},
}
_STRINGS = ("ids", "titles", *(f"{kind}_names" for kind in _GROUPS))  # each text + ends
_NAMES = (*_ARRAYS, *_STRINGS, *(f"{name}_ends" for name in _STRINGS))


class StoredEventsError(ValueError):
    """An event's stored record cannot be read (the store was damaged or closed since the
    corpus was opened): open the folder again to read its articles."""


def write_columns(
    cache: ExtractionCache,
    key: str,
    events: Sequence[Event],
    documents: Mapping[str, Document],
    records: Sequence[Any] | None = None,
) -> None:
    """Keep the columns and records of the merged `events` of the corpus `key` in `cache`;
    `records` are their `event_out` records when the caller made them already."""
    order = sorted(range(len(events)), key=lambda i: _timeline_order(events[i]))
    columns = _columns_of([events[i] for i in order], documents)
    rows = [(f"{key}/{name}", _column_bytes(columns, name)) for name in _NAMES]
    made = records if records is not None else [event_out(e) for e in events]
    for k in range(0, len(order), RECORDS_CHUNK):
        chunk = [made[i] for i in order[k : k + RECORDS_CHUNK]]
        # ASCII JSON: document ids may hold lone surrogates, which UTF-8 cannot
        data = json.dumps(chunk, separators=(",", ":")).encode()
        rows.append((f"{key}/records/{k // RECORDS_CHUNK}", data))
    cache.cache_many(COLUMNS_TABLE, rows)


def _timeline_order(e: Event) -> tuple[Any, ...]:
    return (e.date.start, e.date.end, e.title)  # as `Timeline.sort` orders events


def read_columns(cache: ExtractionCache, key: str) -> ColumnEvents | None:
    """The events of the corpus `key` over its cached columns, or None when they are not
    cached or cannot be read (then the corpus cache's records are read instead)."""
    rows = cache.cached_many(COLUMNS_TABLE, [f"{key}/{name}" for name in _NAMES])
    if not rows:
        return None
    try:
        columns = _from_rows({k.rpartition("/")[2]: v for k, v in rows.items()})
    except ValueError:
        return None
    return ColumnEvents(columns, _Records(cache, key).event)


class _Records:
    """The events' records, a chunk read from the cache the first time it is needed."""

    def __init__(self, cache: ExtractionCache, key: str) -> None:
        self._cache, self._key = cache, key
        self._chunks: dict[int, list[Any]] = {}

    def event(self, i: int) -> Event:
        k, j = divmod(i, RECORDS_CHUNK)
        chunk = self._chunks.get(k)
        if chunk is None:
            chunk = self._chunks[k] = self._read(k)
        try:
            return event_in(chunk[j])
        except (ValueError, TypeError, IndexError, KeyError) as exc:
            raise StoredEventsError(f"stored event {i} is unreadable: {exc}") from None

    def _read(self, k: int) -> list[Any]:
        name = f"{self._key}/records/{k}"
        try:
            data = self._cache.cached_many(COLUMNS_TABLE, [name]).get(name)
        except Exception as exc:  # a store closed or gone: say what, not how it failed
            raise StoredEventsError(f"the stored events cannot be read: {exc}") from None
        try:
            chunk = json.loads(data) if isinstance(data, bytes) else None
        except ValueError:
            chunk = None
        if not isinstance(chunk, list):
            raise StoredEventsError(f"the stored events' records {k} are missing or damaged")
        return chunk


def _columns_of(events: Sequence[Event], documents: Mapping[str, Document]) -> EventColumns:
    """The columns of `events` (in timeline order); outlets from `documents`."""

    def outlet(doc_id: str) -> str:
        doc = documents.get(doc_id)
        # one "Unknown outlet" lane, not a lane per untitled article's headline
        return (doc.outlet or UNKNOWN_OUTLET) if doc else UNKNOWN_OUTLET

    n = len(events)
    doc_ids = [e.doc_ids for e in events]
    return EventColumns(
        np.fromiter((e.date.start.toordinal() for e in events), np.int64, n),
        np.fromiter((e.date.end.toordinal() for e in events), np.int64, n),
        np.fromiter((PRECISIONS.index(e.date.precision) for e in events), np.uint8, n),
        np.fromiter((PARTS.index(e.date.part) for e in events), np.uint8, n),
        np.fromiter((e.date.inferred for e in events), bool, n),
        np.fromiter((e.planned for e in events), bool, n),
        np.fromiter((len(e.sources) for e in events), np.int32, n),
        [e.id for e in events],
        [e.title for e in events],
        Groups.from_lists([list(dict.fromkeys(outlet(d) for d in ids)) for ids in doc_ids]),
        Groups.from_lists(doc_ids),
        Groups.from_lists([list(e.actors) for e in events]),
        np.fromiter((e.date.to is not None for e in events), bool, n),
        np.fromiter((e.disputed for e in events), bool, n),
    )


def _column_bytes(c: EventColumns, name: str) -> bytes:
    column, ends = name.removesuffix("_ends"), name.endswith("_ends")
    kind, _, part = column.partition("_")
    value = getattr(getattr(c, kind), part) if kind in _GROUPS else getattr(c, column)
    if column in _STRINGS:
        return _ends_bytes(value) if ends else _text_bytes(value)
    return np.ascontiguousarray(value, _ARRAYS[name]).tobytes()


def _from_rows(data: Mapping[str, Any]) -> EventColumns:
    """The columns `write_columns` wrote, arrays over the stored bytes without a copy;
    ValueError if one is missing or unreadable."""
    if not all(isinstance(data.get(name), bytes) for name in _NAMES):
        raise ValueError("stored event columns are incomplete")
    try:
        arrays = {name: np.frombuffer(data[name], kind) for name, kind in _ARRAYS.items()}
        strings = {name: _strings(data[name], data[f"{name}_ends"]) for name in _STRINGS}
    except (ValueError, TypeError) as exc:
        raise ValueError(f"stored event columns are unreadable: {exc}") from None
    groups = {
        kind: Groups(list(strings[f"{kind}_names"]), arrays[f"{kind}_ptr"], arrays[f"{kind}_codes"])
        for kind in _GROUPS
    }
    columns = EventColumns(
        *(arrays[name] for name in ("start", "end", "precision", "part", "inferred")),
        arrays["planned"],
        arrays["n_sources"],
        strings["ids"],
        strings["titles"],
        groups["outlets"],
        groups["documents"],
        groups["actors"],
        arrays["span"],
        arrays["disputed"],
    )
    columns.check()
    return columns


def _text_bytes(strings: Sequence[str]) -> bytes:
    """Strings as one UTF-8 text (lone surrogates, from file names, passed through)."""
    return "".join(strings).encode("utf-8", "surrogatepass")


def _ends_bytes(strings: Sequence[str]) -> bytes:
    return Strings.of(strings).ends.tobytes()


def _strings(text: bytes, ends: bytes) -> Strings:
    return Strings(str(text, "utf-8", "surrogatepass"), np.frombuffer(ends, np.int64))
