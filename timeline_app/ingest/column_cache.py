"""The merged corpus's columns (`model.event_columns`), kept with the corpus cache, so that
reopening a corpus builds no `Event` per event: the view's columns are read straight from
the store, and an event is decoded from its record only when a view asks for it.

One row per column, keyed by the corpus key and the column's name: numbers as the raw bytes
of their array (read back as arrays over the stored bytes, no copy), strings as one text and
where each ends (read back as `Strings`, no object per string). The events' records
(`records.event_out`) are most of the bytes and no view needs them to draw, so they are kept
apart, and each row points at its record (`record_chunk`, `record_row`): either in a row of
the corpus cache that holds it already (a merge block's events, `increments.py`: most events
leave the passes after merging as they were kept, so writing the columns after a load or an
update encodes only the few that changed), or in a chunk of up to `RECORDS_CHUNK` records
(a JSON list) written with the columns. A chunk is read the first time one of its events
is decoded. Written and read through `write_columns` and `read_columns` only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np

from ..json_text import compact_bytes
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
from .collector import collector_paused
from .records import event_in, event_out

__all__ = [
    "COLUMNS_TABLE",
    "RECORDS_CHUNK",
    "Origin",
    "StoredEventsError",
    "forget_columns",
    "read_columns",
    "splice_columns",
    "write_columns",
]

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
# where each row's record is: the `chunks` name (a text + ends) and the row in it
_POINTERS = {"record_chunk": np.int32, "record_row": np.int32}
_ARRAYS_AND_STRINGS = (*_ARRAYS, *_STRINGS, *(f"{name}_ends" for name in _STRINGS))
_NAMES = (*_ARRAYS_AND_STRINGS, *_POINTERS, "chunks", "chunks_ends")
# a chunk's name says where it is: written with the columns, or a row of the corpus cache
_OWN, _CORPUS = "c:", "b:"
_CORPUS_TABLE = "corpus_cache"

Origin = tuple[str, int]  # a record kept already: (its corpus cache row, its index there)


class StoredEventsError(ValueError):
    """An event's stored record cannot be read (the store was damaged or closed since the
    corpus was opened): open the folder again to read its articles."""


def write_columns(
    cache: ExtractionCache,
    key: str,
    events: Sequence[Event],
    documents: Mapping[str, Document],
    records: Sequence[Any] | None = None,
    *,
    origins: Sequence[Origin | None] | None = None,
    outlets: Mapping[str, str | None] | None = None,
) -> ColumnEvents:
    """Keep the columns and records of the merged `events` of the corpus `key` in `cache`;
    `records` are their `event_out` records when the caller made them already, `origins`
    say which events' records the corpus cache holds already (those are not written again).
    `outlets`: each document's outlet, when known without reading `documents`.
    Returns the events in timeline order over the columns, decoded from `events` in memory.
    """
    order = sorted(range(len(events)), key=lambda i: _timeline_order(events[i]))
    columns = _columns_of([events[i] for i in order], _outlet_of(documents, outlets))
    writer = _RecordsWriter(key, {})
    chunk, row = writer.point(order, events, origins, records)
    writer.write(cache, columns, chunk, row)
    return ColumnEvents(columns, lambda r: events[order[r]])


def splice_columns(
    cache: ExtractionCache,
    key: str,
    old: ColumnEvents,
    span: tuple[date, date],
    events: Sequence[Event],
    documents: Mapping[str, Document],
    *,
    origins: Sequence[Origin | None] | None = None,
    outlets: Mapping[str, str | None] | None = None,
) -> ColumnEvents:
    """Keep as the columns of the corpus `key` the stored columns `old` (`read_columns`)
    with the events whose date meets `span` replaced by `events` (in corpus order): the
    other rows are kept as they are, arrays and records alike. Only the new rows are made
    from events, and only their records not kept yet are written, so an update within a
    few weeks of dates costs those weeks (`outlets` as for `write_columns`: the documents
    are then not read at all). Returns the events over the new columns (the
    kept ones decoded as `old` decodes them, the new ones from `events` in memory).
    ValueError if `old` was not read from the store."""
    if not isinstance(old, _StoredColumnEvents):
        raise ValueError("only stored columns say where their records are")
    lo, hi = span[0].toordinal(), span[1].toordinal()
    c = old.columns
    kept = np.flatnonzero((c.start > hi) | (c.end < lo))
    order = sorted(range(len(events)), key=lambda i: _timeline_order(events[i]))
    fresh = _columns_of([events[i] for i in order], _outlet_of(documents, outlets))
    # no kept row meets the span and every new one does, so no two share (start, end):
    # where a new row goes among the kept ones is told by its dates alone
    at = np.searchsorted(_date_key(c.start[kept], c.end[kept]), _date_key(fresh.start, fresh.end))
    is_new = np.zeros(len(kept) + len(order), bool)
    is_new[at + np.arange(len(order))] = True
    old_rows = np.full(len(is_new), -1, np.int64)
    old_rows[~is_new] = kept
    records = old.records
    writer = _RecordsWriter(key, {name: k for k, name in enumerate(records.names.tolist())})
    chunk, row = np.empty(len(is_new), np.int32), np.empty(len(is_new), np.int32)
    chunk[~is_new], row[~is_new] = records.chunk[kept], records.row[kept]
    chunk[is_new], row[is_new] = writer.point(order, events, origins, None)
    columns = _spliced(c, fresh, kept, is_new)
    writer.write(cache, columns, chunk, row)
    if old.key != key:  # its columns are replaced; records it kept may be pointed at still
        forget_columns(cache, old.key)
    new_rows = np.cumsum(is_new) - 1

    def decode(r: int) -> Event:
        k = int(old_rows[r])
        return records.event(k) if k >= 0 else events[order[int(new_rows[r])]]

    return ColumnEvents(columns, decode)


def forget_columns(cache: ExtractionCache, key: str) -> None:
    """Drop the columns of the corpus `key`, replaced by another's: its arrays, strings
    and pointers (7 MB at 10,000 articles). Its own records stay: the columns spliced from
    it point at them still."""
    _forget(cache, [f"{key}/{name}" for name in _NAMES])


def _forget(cache: ExtractionCache, keys: list[str]) -> None:
    """Drop column rows no load asks for any more (each update writes 7 MB of them at
    10,000 articles), where the cache can (`ProjectStore.forget_many`)."""
    forget = getattr(cache, "forget_many", None)
    if forget is not None:
        forget(COLUMNS_TABLE, keys)


class _RecordsWriter:
    """Where each row's record is (`chunks` by name, the row there), and the records to
    write with the columns (those the corpus cache does not keep)."""

    def __init__(self, key: str, chunks: dict[str, int]) -> None:
        self._key, self._chunks = key, chunks
        self._own: list[Any] = []

    def point(
        self,
        order: Sequence[int],
        events: Sequence[Event],
        origins: Sequence[Origin | None] | None,
        records: Sequence[Any] | None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The chunk and row of the records of `events[i]` for i in `order`."""
        chunk, row = np.empty(len(order), np.int32), np.empty(len(order), np.int32)
        for r, i in enumerate(order):
            origin = origins[i] if origins is not None else None
            if origin is None:
                name = f"{_OWN}{self._key}/records/{len(self._own) // RECORDS_CHUNK}"
                j = len(self._own) % RECORDS_CHUNK
                self._own.append(records[i] if records is not None else event_out(events[i]))
            else:
                name, j = _CORPUS + origin[0], origin[1]
            chunk[r], row[r] = self._chunks.setdefault(name, len(self._chunks)), j
        return chunk, row

    def write(
        self, cache: ExtractionCache, columns: EventColumns, chunk: np.ndarray, row: np.ndarray
    ) -> None:
        """Keep the columns, the pointers and the own records, in one transaction."""
        key = self._key
        rows = [(f"{key}/{name}", _column_bytes(columns, name)) for name in _ARRAYS_AND_STRINGS]
        for k in range(0, len(self._own), RECORDS_CHUNK):
            # document ids may hold lone surrogates, which UTF-8 cannot: then ASCII JSON
            data = compact_bytes(self._own[k : k + RECORDS_CHUNK])
            rows.append((f"{key}/records/{k // RECORDS_CHUNK}", data))
        names = list(self._chunks)
        rows += [
            (f"{key}/record_chunk", chunk.tobytes()),
            (f"{key}/record_row", row.tobytes()),
            (f"{key}/chunks", _text_bytes(names)),
            (f"{key}/chunks_ends", _ends_bytes(names)),
        ]
        cache.cache_many(COLUMNS_TABLE, rows)


def _spliced(
    old: EventColumns, fresh: EventColumns, kept: np.ndarray, is_new: np.ndarray
) -> EventColumns:
    """The columns whose rows are `old`'s `kept` ones where `is_new` is False and `fresh`'s
    rows, in order, where it is True."""
    n = len(is_new)

    def merged(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.empty(n, a.dtype)
        out[~is_new], out[is_new] = a[kept], b
        return out

    arrays = [
        merged(getattr(old, name), getattr(fresh, name))
        for name in ("start", "end", "precision", "part", "inferred", "planned", "n_sources")
    ]
    return EventColumns(
        *arrays,
        _spliced_strings(old.ids, fresh.ids, kept, is_new),
        _spliced_strings(old.titles, fresh.titles, kept, is_new),
        _spliced_groups(old.outlets, fresh.outlets, kept, is_new),
        _spliced_groups(old.documents, fresh.documents, kept, is_new),
        _spliced_groups(old.actors, fresh.actors, kept, is_new),
        merged(old.span, fresh.span),
        merged(old.disputed, fresh.disputed),
    )


def _spliced_strings(
    old: Sequence[str], fresh: Sequence[str], kept: np.ndarray, is_new: np.ndarray
) -> Strings:
    """`_spliced` for one column of strings, cut from `old`'s one text by runs of kept
    rows (a run is one slice of it), never one object per kept row."""
    was = old if isinstance(old, Strings) else Strings.of(list(old))
    new = list(fresh)
    ends = was.ends
    starts = np.zeros(len(ends), np.int64)
    starts[1:] = ends[:-1]
    lengths = np.empty(len(is_new), np.int64)
    lengths[~is_new] = (ends - starts)[kept]
    lengths[is_new] = [len(s) for s in new]
    source = np.full(len(is_new), -2, np.int64)  # each row's old row, -2 for a new one
    source[~is_new] = kept
    # a run of kept rows ends where the next row is not the next old row
    breaks = np.flatnonzero(is_new[:-1] | is_new[1:] | (np.diff(source) != 1)) + 1
    firsts = np.concatenate(([0], breaks)).tolist() if len(is_new) else []
    lasts = np.concatenate((breaks, [len(is_new)])).tolist() if len(is_new) else []
    text, fresh_at = was.text, np.cumsum(is_new) - 1
    pieces = [
        new[int(fresh_at[a])]
        if is_new[a]
        else text[int(starts[source[a]]) : int(ends[source[b - 1]])]
        for a, b in zip(firsts, lasts, strict=True)
    ]
    return Strings("".join(pieces), np.cumsum(lengths))


def _spliced_groups(old: Groups, fresh: Groups, kept: np.ndarray, is_new: np.ndarray) -> Groups:
    """`_spliced` for one kind of groups, the names in the order they first appear (as
    `Groups.from_lists` names them), none unused."""
    names = {name: k for k, name in enumerate(old.names)}
    fresh_codes = np.asarray([names.setdefault(g, len(names)) for g in fresh.names], np.int64)
    lengths = np.empty(len(is_new), np.int64)
    lengths[~is_new] = np.diff(old.ptr)[kept]
    lengths[is_new] = np.diff(fresh.ptr)
    ptr = np.zeros(len(is_new) + 1, np.int64)
    np.cumsum(lengths, out=ptr[1:])
    codes = np.empty(int(ptr[-1]), np.int64)
    # each kept row's codes, then each new row's, copied in one go by where they start
    owner = np.repeat(np.arange(len(is_new)), lengths)
    within = np.arange(len(codes)) - ptr[owner]
    from_old = ~is_new[owner]
    src_row = np.empty(len(is_new), np.int64)
    src_row[~is_new] = old.ptr[:-1][kept]
    src_row[is_new] = fresh.ptr[:-1]
    at = src_row[owner] + within
    codes[from_old] = old.codes[at[from_old]]
    codes[~from_old] = fresh_codes[fresh.codes[at[~from_old]]]
    all_names = list(names)
    # where each name first appears (np.unique's return_index sorts every code: 30 ms for
    # the documents of 10,000 articles' events; this is one pass)
    first = np.full(len(all_names), len(codes), np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    used = np.flatnonzero(first < len(codes))
    by_first = used[np.argsort(first[used], kind="stable")]
    renumber = np.zeros(len(all_names), np.int64)
    renumber[by_first] = np.arange(len(by_first))
    return Groups([all_names[k] for k in by_first.tolist()], ptr, renumber[codes].astype(np.int32))


def _date_key(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    return start.astype(np.int64) * (1 << 32) + end.astype(np.int64)


def _timeline_order(e: Event) -> tuple[Any, ...]:
    return (e.date.start, e.date.end, e.title)  # as `Timeline.sort` orders events


def read_columns(cache: ExtractionCache, key: str) -> ColumnEvents | None:
    """The events of the corpus `key` over its cached columns, or None when they are not
    cached or cannot be read (then the corpus cache's records are read instead)."""
    rows = cache.cached_many(COLUMNS_TABLE, [f"{key}/{name}" for name in _NAMES])
    if not rows:
        return None
    try:
        data = {k.rpartition("/")[2]: v for k, v in rows.items()}
        columns = _from_rows(data)
        records = _Records(cache, *_pointers(data, len(columns)))
    except ValueError:
        return None
    return _StoredColumnEvents(columns, records, key)


class _StoredColumnEvents(ColumnEvents):
    """Events over stored columns, with where their records are (for `splice_columns`)."""

    def __init__(self, columns: EventColumns, records: _Records, key: str) -> None:
        super().__init__(columns, records.event)
        self.records, self.key = records, key


def _pointers(data: Mapping[str, Any], n: int) -> tuple[Strings, np.ndarray, np.ndarray]:
    """The chunks' names and each row's chunk and place in it; ValueError if unreadable."""
    if not all(isinstance(data.get(name), bytes) for name in (*_POINTERS, "chunks", "chunks_ends")):
        raise ValueError("stored record pointers are incomplete")
    try:
        chunks = _strings(data["chunks"], data["chunks_ends"])
        chunk, row = (np.frombuffer(data[name], kind) for name, kind in _POINTERS.items())
    except (ValueError, TypeError) as exc:
        raise ValueError(f"stored record pointers are unreadable: {exc}") from None
    if len(chunk) != n or len(row) != n:
        raise ValueError("stored record pointers disagree in length")
    if n and (int(chunk.min()) < 0 or int(chunk.max()) >= len(chunks) or int(row.min()) < 0):
        raise ValueError("stored record pointers point nowhere")
    return chunks, chunk, row


class _Records:
    """The events' records, a chunk read from the cache the first time it is needed."""

    def __init__(
        self, cache: ExtractionCache, names: Strings, chunk: np.ndarray, row: np.ndarray
    ) -> None:
        self._cache, self.names, self.chunk, self.row = cache, names, chunk, row
        self._chunks: dict[int, list[Any]] = {}

    def event(self, i: int) -> Event:
        k, j = int(self.chunk[i]), int(self.row[i])
        # decoding makes many small objects: the cyclic collector would walk every object
        # of the process again and again (two thirds of decoding 34,000 events), see
        # `collector.py`
        with collector_paused:
            chunk = self._chunks.get(k)
            if chunk is None:
                chunk = self._chunks[k] = self._read(self.names[k])
            try:
                return event_in(chunk[j])
            except (ValueError, TypeError, IndexError, KeyError) as exc:
                raise StoredEventsError(f"stored event {i} is unreadable: {exc}") from None

    def _read(self, name: str) -> list[Any]:
        table, key = (
            (_CORPUS_TABLE, name.removeprefix(_CORPUS))
            if name.startswith(_CORPUS)
            else (COLUMNS_TABLE, name.removeprefix(_OWN))
        )
        try:
            data = self._cache.cached_many(table, [key]).get(key)
        except Exception as exc:  # a store closed or gone: say what, not how it failed
            raise StoredEventsError(f"the stored events cannot be read: {exc}") from None
        try:
            chunk = json.loads(data) if isinstance(data, bytes) else data
        except ValueError:
            chunk = None
        if not isinstance(chunk, list):
            raise StoredEventsError(f"the stored events' records {key} are missing or damaged")
        return chunk


def _outlet_of(
    documents: Mapping[str, Document], outlets: Mapping[str, str | None] | None
) -> Callable[[str], str]:
    """The outlet lane of a document id: from `outlets` when given, else from `documents`;
    one "Unknown outlet" lane, not a lane per untitled article's headline."""
    if outlets is not None:
        return lambda doc_id: outlets.get(doc_id) or UNKNOWN_OUTLET

    def outlet(doc_id: str) -> str:
        doc = documents.get(doc_id)
        return (doc.outlet or UNKNOWN_OUTLET) if doc else UNKNOWN_OUTLET

    return outlet


def _columns_of(events: Sequence[Event], outlet: Callable[[str], str]) -> EventColumns:
    """The columns of `events` (in timeline order); `outlet` names each document's lane."""

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
    if not all(isinstance(data.get(name), bytes) for name in _ARRAYS_AND_STRINGS):
        raise ValueError("stored event columns are incomplete")
    try:
        arrays = {name: np.frombuffer(data[name], kind) for name, kind in _ARRAYS.items()}
        strings = {name: _strings(data[name], data[f"{name}_ends"]) for name in _STRINGS}
    except (ValueError, TypeError) as exc:
        raise ValueError(f"stored event columns are unreadable: {exc}") from None
    groups = {
        kind: Groups(
            strings[f"{kind}_names"].tolist(), arrays[f"{kind}_ptr"], arrays[f"{kind}_codes"]
        )
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
    text = strings.text if isinstance(strings, Strings) else "".join(strings)
    return text.encode("utf-8", "surrogatepass")


def _ends_bytes(strings: Sequence[str]) -> bytes:
    ends = strings.ends if isinstance(strings, Strings) else Strings.of(strings).ends
    return np.ascontiguousarray(ends, np.int64).tobytes()


def _strings(text: bytes, ends: bytes) -> Strings:
    return Strings(str(text, "utf-8", "surrogatepass"), np.frombuffer(ends, np.int64))
