"""A corpus's merged events kept in the store by merge block, so that a few changed files
update only the blocks their statements leave and enter.

Merging only ever compares statements that date the same interval (`merge.py`), and a
block's events depend only on its statements in corpus order. So the store keeps, besides
each file's extraction (`file_cache`):

- each block's statements (with their file and number in it) and its events, by content;
- an index of the last load (`Index`): the blocks in order, which blocks each file's
  statements are in, the fingerprint of the corpus-wide names the statements were titled
  with, and the corpus-wide counts the actors are chosen by.

A changed, added or removed file then costs its own statements: the old ones leave their
blocks, the new ones enter theirs, only those blocks are merged again, the others' events
stay in the store until asked for (`State.decode`, `between`, `stated`: an update
whose passes run near its dates only decodes the blocks near them). The result is exactly
what a load from scratch gives (same events, same order). A change of the names learnt from
the whole corpus (a new person, an acronym defined) may change the titles of other
documents: those that mention an added or dropped name are titled again too. A load from
scratch is made instead, and `update` returns None, when nothing usable is kept, when more
than MAX_CHANGED files changed (or are to be titled again), or when names the corpus knew
before and after changed their order (titles try names in order). Actors are chosen by
counts summed over the documents, kept up to date by taking out the old versions' counts and
putting in the new ones'; when that changes an actor's canonical name, every event's actors
are found again (`State.actors_changed`). The index also keeps the corpus's wire families
(`wire.py`), which the passes after merging need and which an update changes only around the
documents it touches (`corpus._updated_families`).
"""

from __future__ import annotations

import copy
import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..json_text import compact
from ..model import Event, Source
from .actors import Actors, actor_counts, actors_from
from .cache import ExtractionCache
from .change_records import applied, kept_apart
from .collector import release_gradually
from .event_finding import Block, Placed, statements_of
from .file_results import FileResult, code_fingerprint
from .language import dates_language
from .merge import merge_candidates
from .names import Names, gather_names
from .people import surname
from .preview import merged_names
from .recent import Recent
from .records import date_in, event_in, event_out, statement_in, statement_out

__all__ = [
    "MAX_CHANGED",
    "CorpusNames",
    "Index",
    "State",
    "corpus_names",
    "events_row",
    "from_scratch",
    "index_rows",
    "kept_events",
    "kept_names",
    "read_index",
    "update",
]

MAX_CHANGED = 200  # more changed files than this: a load from scratch
_TABLE = "corpus_cache"
_FILE_TABLE = "file_cache"  # each file's extraction record, by its cache key
_FORMAT = 3  # of the index and block records


@dataclass(slots=True)
class CorpusNames:
    """The names learnt from the whole corpus: for titles (documents in a language we date)
    and for actors (every document), with one fingerprint for both, in order."""

    titles: Names
    actors: Names
    fingerprint: str


def corpus_names(results: list[FileResult]) -> CorpusNames:
    """Merged from each document's own names (`FileResult.names`, left undecoded in a lazy
    cached result): the same, in the same order, as finding them in all texts at once, at
    the cost of a merge."""
    titles: list[Names] = []
    actors: list[Names] = []
    for r in results:
        raw = r.record["names"] if r.record is not None else None
        for i, language in enumerate(r.languages):  # a listed result's, none decoded
            if dates_language(language):
                n = _names_in(raw[i]) if raw is not None else r.names[i]
                titles.append(n)
                actors.append(n)
            else:  # not dated, so its names were not kept; actors still come from it
                actors.append(gather_names([r.documents[i].text]))
    t, a = merged_names(titles), merged_names(actors)
    fingerprint = _hash(_items(t), _items(a))
    return CorpusNames(t, a, fingerprint)


def kept_names(
    index: Index,
    rels: list[str],
    keys: list[str],
    results: list[FileResult],
    listed: Callable[[str], tuple[str, list[str], str] | None],
) -> CorpusNames | None:
    """`corpus_names(results)` without merging every file's names again, when it is the one
    the last load (`index`) merged: the same files, and each changed one found with the
    same languages (all dated) and the same names, in the same order, as the last load
    found in it (`listed(rel)`: its key, languages and names records then). A change to an
    article seldom adds or drops a name; merging 10,000 files' names was 60 ms of it.
    None when that cannot be told so."""
    if len(rels) != len(index.files):
        return None
    for rel, key, r in zip(rels, keys, results, strict=True):
        was = index.files.get(rel)
        if was is None:
            return None
        if was[0] == key:
            continue
        old = listed(rel)
        if old is None or old[0] != was[0] or old[1] != r.languages:
            return None
        if not all(dates_language(language) for language in r.languages):
            return None  # an undated document's actors come from its text
        if old[2] != r.names_text():  # as compact JSON: the order counts too
            return None
    titles, actors = (Names(dict(a), dict(p)) for a, p in (index.title_names, index.actor_names))
    return CorpusNames(titles, actors, index.names)


def _names_in(r: dict[str, Any]) -> Names:
    return Names(r["acronyms"], r["persons"])  # read only: merged_names copies


def _items(n: Names) -> list[Any]:
    return [[list(kv) for kv in n.acronyms.items()], [list(kv) for kv in n.persons.items()]]


@dataclass(slots=True)
class _Whole:
    """The index record a load wrote whole (its fields as read), which later loads' changes
    are kept against (`index_rows`)."""

    serial: str
    fields: dict[str, Any]


@dataclass(slots=True)
class Index:
    """What the store keeps of the last load of one path (see the module's docstring).

    `files`: file id -> [its cache key, the numbers of the blocks its statements are in];
    `blocks`: [start, end (ISO dates), content key, first file id, its number there].
    `whole`: the record the store keeps it as the changes from, if any (not kept itself).
    An update makes a new index: the entries of one read are not changed in place.
    """

    corpus: str
    names: str
    title_names: list[Any]  # [acronyms, persons] as (key, value) pairs, in order
    actor_names: list[Any]
    actors: str  # fingerprint of the actors chosen
    uses: dict[str, int]
    docs_with: dict[str, int]
    files: dict[str, list[Any]]
    blocks: list[list[Any]]
    families: dict[str, str]  # each document's wire family (`wire.py`), if it has copies
    whole: _Whole | None = None
    parsed: list[tuple[date, date]] | None = None  # `blocks`' intervals (`_intervals`)

    def fields(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in _KEPT}


# the fields the store keeps
_KEPT = tuple(f for f in Index.__slots__ if f not in ("whole", "parsed"))
# fields kept as the entries changed since the whole record (None: an entry gone)
_DIFFED = ("files", "uses", "docs_with", "families")


def read_index(cache: ExtractionCache, scope: str) -> Index | None:
    """The index of the last load of `scope` (None: none, or not readable as one).

    It is kept as two records, like the folder's listing (`listing.py`): the whole index
    as some load wrote it, and the changes since (`index_rows`). An update of one file in
    10,000 used to encode and write 3 MB of index; it writes its few entries."""
    whole_key, changes_key = _index_key(scope), _changes_key(scope)
    # shared: `_applied` copies what it changes; "the entries of one read are not changed"
    got = cache.cached_many(_TABLE, [whole_key, changes_key], shared=True)
    r, changes = _readable(got.get(whole_key)), got.get(changes_key)
    if r is None:
        return None  # blocks merged by other code are merged again
    try:
        fields = {f: r[f] for f in _KEPT}
    except KeyError:
        return None
    serial = r.get("serial")
    if changes is not None or serial is not None:  # an index kept in two records
        changes = _readable(changes)
        if changes is None or not isinstance(serial, str) or changes.get("of") != serial:
            return None  # the changes of another whole index: a damaged store
        try:
            now = _applied(fields, changes)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None
    else:
        now, serial = _applied(fields, _NO_CHANGES), ""
    return Index(**now, whole=_Whole(serial, fields))


def _readable(r: Any) -> dict[str, Any] | None:
    """`r` if it is a record of this format written by this code."""
    if isinstance(r, dict) and r.get("format") == _FORMAT and r.get("code") == code_fingerprint():
        return r
    return None


def _applied(fields: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The index `fields` with `changes` (as `_changes` made them) made."""
    out = dict(fields)
    for name in _DIFFED:
        # a copy: the whole record's stays as read
        out[name] = applied(dict(out[name]), changes[name])
    blocks = out["blocks"] = list(out["blocks"])
    for n, entry in changes["blocks"].items():
        blocks[int(n)] = entry
    out.update(changes["fields"])
    return out


def _changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """What changed from the index fields `old` to `new`, and how many entries that is."""
    out: dict[str, Any] = {"fields": {}, "blocks": {}}
    size = 0
    for name in _KEPT:
        a, b = old[name], new[name]
        if name in _DIFFED:
            diff = {k: v for k, v in b.items() if a.get(k) != v}
            diff.update((k, None) for k in a if k not in b)
            out[name], size = diff, size + len(diff)
        elif name == "blocks" and len(a) == len(b):
            out["blocks"] = {str(n): e for n, (x, e) in enumerate(zip(a, b, strict=True)) if x != e}
            size += len(out["blocks"])
        elif a != b:
            out["fields"][name] = b
            size += len(b) if isinstance(b, list | dict) else 1
    return out, size


def index_rows(scope: str, index: Index) -> list[tuple[str, Any]]:
    """The store's rows for `index`: the changes since the whole record it was read with
    when they are few, else the whole record again (with no changes since)."""
    head = {"format": _FORMAT, "code": code_fingerprint()}
    fields = index.fields()
    if index.whole is not None and index.whole.serial:
        changes, size = _changes(index.whole.fields, fields)
        if kept_apart(size, len(index.files)):
            return [(_changes_key(scope), {**head, "of": index.whole.serial, **changes})]
    serial = _hash(index.corpus, fields["blocks"][:1], len(index.files), time.time_ns())
    return [
        (_index_key(scope), {**head, "serial": serial, **fields}),
        (_changes_key(scope), {**head, "of": serial, **_NO_CHANGES}),
    ]


_NO_CHANGES: dict[str, Any] = {"fields": {}, "blocks": {}, **{name: {} for name in _DIFFED}}


def kept_events(
    cache: ExtractionCache, index: Index, recent: Recent | None = None
) -> tuple[list[Event], list[tuple[str, int]]] | None:
    """The events of every block of `index`, in order, and where the store keeps each one's
    record (its block's row, its place there: `column_cache.Origin`); None if any is
    missing."""
    keys = [b[2] for b in index.blocks]
    found = _block_events(cache, keys, index.actors, recent)
    if found is None:
        return None
    if recent is not None:
        rows = [_events_key(k, index.actors) for k in keys]
        recent.events = dict(zip(rows, found, strict=True))
    origins = _origins([(k, len(e)) for k, e in zip(keys, found, strict=True)], index.actors)
    return [e for events in found for e in events], origins


def _origins(blocks: list[tuple[str, int]], actors: str) -> list[tuple[str, int]]:
    return [(_events_key(key, actors), j) for key, n in blocks for j in range(n)]


@dataclass(slots=True)
class _Kept:
    """One block as the store keeps it: `statements` are their records when the block's
    content is new (to be written), None when the store has them already."""

    interval: tuple[date, date]
    first: tuple[str, int]
    key: str
    statements: list[Any] | None
    events: list[Event] | None  # None: kept in the store, not decoded yet (`State.decode`)
    # its entry in the index it was read from, when unchanged since (`_index` keeps it: an
    # ISO date made again for each of 8,000 blocks was 3% of a one-file update)
    entry: list[Any] | None = None


@dataclass(slots=True)
class State:
    """A load's blocks and the index to keep, made by `from_scratch` or `update`; `save`
    it once the passes over merged events are done.

    `events` are the corpus's, in order, once every block is decoded (`decode`: an update
    leaves the blocks it did not merge again in the store, `between` and `stated`
    decode only those asked for); `fresh` those merged in this load (all on a load from
    scratch); `actors` the corpus's; `actors_changed`: they differ from the ones the kept
    events were given (always so from scratch). `changed`: the intervals whose events an
    update changed (blocks merged again or emptied); `left`: the events those blocks held
    before, when decoded (`decode_left`). `why` says what an update did."""

    index: Index
    blocks: list[_Kept]
    fresh: list[Event]
    actors: Actors
    actors_changed: bool
    why: str = "from scratch"
    changed: list[tuple[date, date]] = field(default_factory=list)
    old_blocks: dict[tuple[date, date], str] = field(default_factory=dict)  # interval -> key
    old_actors: str = ""  # the key of the actors the kept blocks' events were given
    gone: list[str] = field(default_factory=list)  # files whose statements left and entered
    cache: ExtractionCache | None = None
    recent: Recent | None = None
    # the sentences of the statements of the blocks read for `sentence`, by source
    _sentences: dict[tuple[str, int, int], str] | None = None
    _block_at: dict[tuple[date, date], _Kept] = field(default_factory=dict)
    _read_sentences: set[tuple[date, date]] = field(default_factory=set)
    # the intervals of the blocks `between` read last that lie within the span it was asked for
    _near: set[tuple[date, date]] = field(default_factory=set)
    # the event records `stated` read from the store, by row, decoded as asked for
    _rows: dict[str, _Row] = field(default_factory=dict)

    @property
    def events(self) -> list[Event]:
        return [e for b in self.blocks for e in _decoded(b)]

    def decode(self, numbers: Iterable[int] | None = None) -> bool:
        """Read the events of these blocks (of all: None) from the store, or from `recent`;
        False if the store lost one."""
        wanted = [
            b
            for b in (self.blocks if numbers is None else (self.blocks[n] for n in numbers))
            if b.events is None
        ]
        if not wanted:
            return True
        assert self.cache is not None, "only an update leaves blocks undecoded"
        found = _block_events(self.cache, [b.key for b in wanted], self.old_actors, self.recent)
        if found is None:
            return False
        for b, events in zip(wanted, found, strict=True):
            b.events = events
        return True

    def between(self, lo: date, hi: date) -> list[Event]:
        """The events whose date meets [lo, hi], in corpus order (their blocks decoded)."""
        numbers = [
            n for n, b in enumerate(self.blocks) if b.interval[0] <= hi and lo <= b.interval[1]
        ]
        if not self.decode(numbers):
            raise LookupError("a merge block's events are no longer in the store")
        # the blocks that lie within [lo, hi]: their sentences are read together (`sentence`)
        self._near = {
            iv for n in numbers if lo <= (iv := self.blocks[n].interval)[0] and iv[1] <= hi
        }
        return [
            e
            for n in numbers
            for e in _decoded(self.blocks[n])
            if e.date.start <= hi and lo <= e.date.end
        ]

    def stated(
        self, doc_ids: Iterable[str], rel_of: Mapping[str, str]
    ) -> list[tuple[tuple[date, date], list[tuple[str, int, int]]]]:
        """The events with a source in these documents (`rel_of`: their files), in corpus
        order, as `disputes.stated` gives them: each one's interval and its sources'
        documents and offsets, none of those events made. A block left in the store is not
        decoded for them: only its records with such a source are (a year's block holds
        thousands of events, a document's statements few of them)."""
        out: list[tuple[tuple[date, date], list[tuple[str, int, int]]]] = []
        for e in self._with_sources(doc_ids, rel_of):
            if isinstance(e, Event):
                sources = [(s.doc_id, s.start, s.end) for s in e.sources]
                out.append(((e.date.start, e.date.end), sources))
            else:
                when = date_in(e[2])
                assert when is not None, "an event's record holds its date"
                out.append(((when.start, when.end), [(s[0], s[1], s[2]) for s in e[4]]))
        return out

    def documents_together(
        self, doc_ids: Iterable[str], rel_of: Mapping[str, str]
    ) -> list[set[str]]:
        """The documents of the sources of each event `stated` gives, none of those events
        made (`wire.families_among`)."""
        return [
            {s.doc_id for s in e.sources} if isinstance(e, Event) else {s[0] for s in e[4]}
            for e in self._with_sources(doc_ids, rel_of)
        ]

    def _with_sources(self, doc_ids: Iterable[str], rel_of: Mapping[str, str]) -> list[Any]:
        """The events with a source in these documents, in corpus order: those of decoded
        blocks as events, those of blocks left in the store as their records (a record's
        sources are lists whose first item is the document's id)."""
        wanted = set(doc_ids)
        numbers = sorted(
            {n for d in wanted if d in rel_of for n in self.index.files.get(rel_of[d], [0, []])[1]}
        )
        known = self.recent.events if self.recent is not None else {}
        rows = {
            n: _events_key(self.blocks[n].key, self.old_actors)
            for n in numbers
            if self.blocks[n].events is None
        }
        unread = list({r for r in rows.values() if r not in known and r not in self._rows})
        assert self.cache is not None or not unread, "only an update leaves blocks undecoded"
        if unread and self.cache is not None:
            read = _stored_items(self.cache, unread)
            if any(row not in read for row in unread):
                raise LookupError("a merge block's events are no longer in the store")
            self._rows.update((row, _Row(read[row])) for row in unread)
        out: list[Any] = []
        for n in numbers:
            row = rows.get(n)
            if row is None or row in known:
                events = self.blocks[n].events if row is None else known[row]
                out += [e for e in events or () if any(s.doc_id in wanted for s in e.sources)]
            else:
                try:
                    out += self._rows[row].records_of(wanted)
                except ValueError:  # `DamagedRecord`: an item the store holds is not JSON
                    raise LookupError("a merge block's events can no longer be read") from None
        return out

    def sentence(self, source: Source) -> str | None:
        """The sentence of `source` (the text `[start:end]` of its article) as the statements
        of its merge block keep it, none of the corpus's articles decoded; None when the
        block (or the store) has no statement of that source. A statement's block is the
        one of its date's interval: read from the store the first time one is asked for."""
        iv = (source.date.start, source.date.end)
        if self._sentences is None:
            self._sentences, self._block_at = {}, {b.interval: b for b in self.blocks}
        if iv not in self._read_sentences:
            # with it, the other blocks within the span `between` was last asked for, whose
            # sentences the same pass asks for next: one read of the store, not one a block
            together = [iv]
            if iv in self._near:
                together += [w for w in self._near if w != iv and w not in self._read_sentences]
            self._read_sentences.update(together)
            blocks = [b for w in together if (b := self._block_at.get(w)) is not None]
            rows = [_STATEMENTS + b.key for b in blocks if b.statements is None]
            stored = self.cache.cached_many(_TABLE, rows) if rows and self.cache else {}
            for b in blocks:
                records = (
                    b.statements if b.statements is not None else stored.get(_STATEMENTS + b.key)
                )
                for r in records if isinstance(records, list) else ():
                    self._sentences[(r[2][0], r[2][1], r[2][2])] = r[5]
        return self._sentences.get((source.doc_id, source.start, source.end))

    def left(self) -> list[Event]:
        """The events the blocks of `changed` held before the update, read from the store."""
        assert self.cache is not None, "only an update has blocks that changed"
        keys = [self.old_blocks[iv] for iv in self.changed if iv in self.old_blocks]
        found = _block_events(self.cache, keys, self.old_actors, self.recent)
        if found is None:
            raise LookupError("a merge block's events are no longer in the store")
        return [e for events in found for e in events]

    def origins(self) -> list[tuple[str, int]]:
        """Where `save` keeps the record of each of `events`: its block's row, its place."""
        return _origins([(b.key, len(_decoded(b))) for b in self.blocks], self.index.actors)

    def save(self, cache: ExtractionCache, scope: str, recent: Recent | None = None) -> None:
        """Keep the new blocks' statements, the events of the blocks merged anew (of every
        block when the actors changed), and the index; remember the events in `recent`."""
        if recent is not None:
            known = recent.events
            rows_of = {b.key: _events_key(b.key, self.index.actors) for b in self.blocks}
            recent.events = {
                rows_of[b.key]: events
                for b in self.blocks
                if (events := b.events if b.events is not None else known.get(rows_of[b.key]))
                is not None
            }
        rows: list[tuple[str, Any]] = []
        made: list[list[Any]] = []  # the events' records: one dict each, freed below
        for b in self.blocks:
            if b.statements is not None:
                rows.append((_STATEMENTS + b.key, b.statements))
            if b.statements is not None or self.actors_changed:
                made.append([event_out(e) for e in _decoded(b)])
                rows.append((_events_key(b.key, self.index.actors), made[-1]))
        rows += index_rows(scope, self.index)
        cache.cache_many(_TABLE, rows)
        # freed at the return in one go they held the interpreter 40 ms at 2,000 articles
        for records in made:
            release_gradually(records, 500)


def from_scratch(
    blocks: list[Block],
    *,
    rels: list[str],
    keys: list[str],
    corpus: str,
    names: CorpusNames,
    counts: tuple[Counter[str], Counter[str]],
) -> State:
    """The state of a load from scratch: `blocks` as `find_events` made them."""
    kept = []
    for b in blocks:  # records made by the workers that found them, if an engine did
        records = b.records if b.records is not None else [statement_out(p) for p in b.statements]
        first = b.statements[0]
        kept.append(_Kept(b.interval, (first[0], first[1]), _hash(records), records, b.events))
    in_blocks: dict[str, set[int]] = {}
    for n, b in enumerate(blocks):
        for rel, _, _ in b.statements:
            in_blocks.setdefault(rel, set()).add(n)
    actors = actors_from(names.actors, *counts)
    index = _index(corpus, names, actors, counts, rels, keys, in_blocks, kept)
    return State(index, kept, [e for b in kept for e in _decoded(b)], actors, True)


def update(
    cache: ExtractionCache,
    index: Index,
    *,
    results: list[FileResult],
    rels: list[str],
    keys: list[str],
    corpus: str,
    names: CorpusNames,
    recent: Recent | None = None,
) -> State | None:
    """The corpus's events from `index` and the files that changed since (None: load from
    scratch, see the module's docstring)."""
    new_keys = dict(zip(rels, keys, strict=True))
    files = index.files
    changed = [
        rel
        for rel, key in zip(rels, keys, strict=True)
        if (f := files.get(rel)) is None or f[0] != key
    ]
    removed = [rel for rel in files if rel not in new_keys]
    if len(changed) + len(removed) > MAX_CHANGED:
        return None
    by_rel = dict(zip(rels, results, strict=True))
    redo: list[str] = []  # unchanged files whose titles the change of names may change
    if names.fingerprint != index.names:
        needles = _name_changes(index.title_names, _items(names.titles))
        if needles is None:
            return None
        edited_now = set(changed)
        unchanged = [rel for rel in rels if rel not in edited_now]
        redo = [rel for rel in unchanged if _mentions(by_rel[rel], needles)]
        if len(changed) + len(removed) + len(redo) > MAX_CHANGED:
            return None
    edited = set(changed) | set(removed)
    gone = edited | set(redo)
    counts = _updated_counts(
        cache, index, edited, [by_rel[r] for r in changed], names.actors, results
    )
    if counts is None:
        return None
    edited_here = [rel for rel in rels if rel in edited]  # edited, in folder order
    changed = [rel for rel in rels if rel in gone]  # in folder order, with `redo`
    fresh = statements_of([by_rel[r].complete() for r in changed], changed, names.titles)
    order = {rel: i for i, rel in enumerate(rels)}
    same_in: set[tuple[date, date]] = set()
    if not removed and names.fingerprint == index.names:  # the last load's names, no `redo`
        same_in = _unchanged_intervals(cache, index, edited_here, fresh, names.titles)
    merged = _merged_blocks(cache, index, gone, fresh, order, same_in)
    if merged is None:
        return None
    blocks, old_number, changed_intervals = merged
    in_blocks: dict[str, Collection[int]] = {}
    new_number = {b.interval: n for n, b in enumerate(blocks)}
    # each old block's new number (-1: emptied, so no unchanged file's statement is in it)
    renumber = [new_number.get(old_number[n], -1) for n in range(len(index.blocks))]
    same = all(k == n for n, k in enumerate(renumber))  # most updates add or drop no block
    for rel in rels:
        if rel not in gone:
            old = index.files[rel][1]
            in_blocks[rel] = old if same else sorted(renumber[n] for n in old)
    for rel, _, c in fresh:
        numbers = in_blocks.setdefault(rel, set())
        assert isinstance(numbers, set), "fresh statements are of files that changed"
        numbers.add(new_number[(c.source.date.start, c.source.date.end)])
    actors = actors_from(names.actors, *counts)
    new_index = _index(corpus, names, actors, counts, rels, keys, in_blocks, blocks)
    new_index.families = index.families  # until the caller updates them
    new_index.whole = index.whole  # kept as the changes from the same whole record
    state = State(new_index, blocks, [], actors, new_index.actors != index.actors)
    state.cache, state.recent, state.old_actors = cache, recent, index.actors
    state.changed = changed_intervals
    state.gone = sorted(gone)
    state.old_blocks = {iv: b[2] for iv, b in zip(_intervals(index), index.blocks, strict=True)}
    if state.actors_changed:  # every event's actors are found again: on copies, not on
        if not state.decode():  # the events a timeline made earlier shows
            return None
        for b in blocks:
            if b.statements is None:
                b.events = [copy.copy(e) for e in _decoded(b)]
    merged_anew = [e for b in blocks if b.statements is not None for e in _decoded(b)]
    why = (
        f"{len(edited) - len(removed)} files changed or added, {len(removed)} removed, "
        f"{len(redo)} titled again for a change of names: "
        f"{sum(b.statements is not None for b in blocks)} of {len(blocks)} blocks merged again"
    )
    state.fresh, state.why = merged_anew, why
    return state


def _index(
    corpus: str,
    names: CorpusNames,
    actors: Actors,
    counts: tuple[Counter[str], Counter[str]],
    rels: list[str],
    keys: list[str],
    in_blocks: Mapping[str, Collection[int]],
    blocks: list[_Kept],
) -> Index:
    # a list is an unchanged file's numbers (`update`), sorted already and never changed in
    # place: kept as it is
    files = {
        rel: [key, n if type(n) is list else sorted(n)]
        for rel, key in zip(rels, keys, strict=True)
        for n in (in_blocks.get(rel, ()),)
    }
    entries = [
        b.entry
        if b.entry is not None
        else [b.interval[0].isoformat(), b.interval[1].isoformat(), b.key, *b.first]
        for b in blocks
    ]
    uses, docs_with = ({k: n for k, n in c.items() if n > 0} for c in counts)
    return Index(
        corpus,
        names.fingerprint,
        _items(names.titles),
        _items(names.actors),
        _actors_key(actors),
        uses,
        docs_with,
        files,
        entries,
        {},
    )


def _updated_counts(
    cache: ExtractionCache,
    index: Index,
    edited: set[str],
    changed: list[FileResult],
    names: Names,
    results: list[FileResult],
) -> tuple[Counter[str], Counter[str]] | None:
    """The actor counts with the edited files' old texts taken out and the changed files'
    new texts put in (None: an old version is no longer in the store). A full name the
    corpus did not know before is counted in every text that holds it; one it no longer
    knows is dropped."""
    old_keys = [index.files[rel][0] for rel in edited if rel in index.files]
    old = cache.cached_many("file_cache", old_keys)
    if len(old) != len(set(old_keys)):
        return None
    old_texts = [d["text"] for k in old_keys for d in old[k]["docs"]]
    new_texts = [d.text for r in changed for d in r.documents]
    known = {full for full, _ in index.actor_names[1]}
    kept = Names(persons={f: s for f, s in names.persons.items() if f in known})
    uses = Counter({f: n for f, n in index.uses.items() if f in kept.persons})
    docs_with = Counter(index.docs_with)
    out_uses, out_docs = actor_counts(old_texts, kept)
    in_uses, in_docs = actor_counts(new_texts, kept)
    uses.subtract(out_uses)
    uses.update(in_uses)
    docs_with.subtract(out_docs)
    docs_with.update(in_docs)
    new = Names(persons={f: s for f, s in names.persons.items() if f not in known})
    if new.persons:
        texts = (d.text for r in results for d in r.documents)
        uses.update(actor_counts((t for t in texts if any(f in t for f in new.persons)), new)[0])
    return uses, docs_with


def _name_changes(old: list[Any], new: list[Any]) -> list[str | re.Pattern[str]] | None:
    """What a text must hold for a change of the title names from `old` to `new` to change
    its titles: the surnames of the people added or dropped, the last word of the long
    forms of the acronyms added or dropped (`TitleContext` finds nothing of a name
    without them). None when names both lists hold changed their order (titles try names
    in order): then every document may change."""
    needles: list[str | re.Pattern[str]] = []
    for which in (0, 1):
        before = {k: v for k, v in old[which]}
        after = {k: v for k, v in new[which]}
        if [k for k in before if k in after] != [k for k in after if k in before]:
            return None
        for k in before.keys() ^ after.keys():
            v = before.get(k) or after[k]
            if which == 1:  # a person: full name -> the last word
                needles += [v, surname(k, v)]
            else:  # an acronym's long form -> its last word, spelt with -is- or -iz-
                last = re.escape(k.split()[-1]).replace("iz", "i[sz]").replace("is", "i[sz]")
                needles += [re.compile(last), v]
    return needles


def _mentions(result: FileResult, needles: list[str | re.Pattern[str]]) -> bool:
    return any(
        (n in doc.text) if isinstance(n, str) else bool(n.search(doc.text))
        for doc in result.documents
        for n in needles
    )


def _unchanged_intervals(
    cache: ExtractionCache,
    index: Index,
    edited: list[str],
    fresh: list[Placed],
    titles: Names,
) -> set[tuple[date, date]]:
    """The intervals where each of the `edited` files states now what it stated at the last
    load (the same statements, numbered the same): their blocks are unchanged. An article
    with a sentence added states its other dated sentences as before, in the blocks of
    their years and days, which hold thousands of statements between them; reading and
    hashing those blocks again was most of merging an update. The files' last statements
    are found again from their last records (a few milliseconds a file); an interval is
    left out when a record is gone (its block is then read, as before).
    Only for an update that removes no file and keeps the corpus's names (a file's
    statements are found with them: with others, the blocks hold what the old ones made)."""
    known = [rel for rel in edited if rel in index.files]  # an added file stated nothing
    old_keys = [index.files[rel][0] for rel in known]
    records = cache.cached_many(_FILE_TABLE, old_keys)
    if len(records) != len(set(old_keys)):
        return set()
    try:
        was = [FileResult.from_record(records[k]).complete() for k in old_keys]
    except (KeyError, TypeError, ValueError):  # a record this code cannot read: read blocks
        return set()
    before = _by_interval(statements_of(was, known, titles))
    ours = set(edited)
    now = _by_interval([p for p in fresh if p[0] in ours])
    return {iv for iv in before.keys() | now.keys() if before.get(iv) == now.get(iv)}


def _by_interval(placed: list[Placed]) -> dict[tuple[date, date], list[list[Any]]]:
    out: dict[tuple[date, date], list[list[Any]]] = {}
    for p in placed:
        out.setdefault((p[2].source.date.start, p[2].source.date.end), []).append(statement_out(p))
    return out


def _merged_blocks(
    cache: ExtractionCache,
    index: Index,
    gone: set[str],
    fresh: list[Placed],
    order: Mapping[str, int],
    same_in: Collection[tuple[date, date]] = (),
) -> tuple[list[_Kept], dict[int, tuple[date, date]], list[tuple[date, date]]] | None:
    """Every block after the change, in corpus order, with its events (the untouched ones'
    left in the store); each old block's number -> its interval; the intervals whose events
    changed. Blocks of the intervals `same_in` hold the same statements as before
    (`_unchanged_intervals`): left untouched, unread."""
    intervals = _intervals(index)
    old_number = dict(enumerate(intervals))
    by_interval = {iv: n for n, iv in enumerate(intervals)}
    touched: dict[tuple[date, date], list[list[Any]]] = {}  # interval -> its statements
    for rel in gone:
        for n in index.files.get(rel, [None, []])[1]:
            touched.setdefault(intervals[n], [])
    for p in fresh:
        touched.setdefault((p[2].source.date.start, p[2].source.date.end), []).append(
            statement_out(p)
        )
    for iv in same_in:
        if iv in by_interval:  # a block that was there: still there, as it was
            touched.pop(iv, None)
    old_touched = [by_interval[iv] for iv in touched if iv in by_interval]
    statements = cache.cached_many(_TABLE, [_STATEMENTS + index.blocks[n][2] for n in old_touched])
    if len(statements) != len({index.blocks[n][2] for n in old_touched}):
        return None
    for n in old_touched:
        stored = statements[_STATEMENTS + index.blocks[n][2]]
        touched[intervals[n]].extend(r for r in stored if r[0] not in gone)
    merged: list[_Kept] = []
    for iv, records in list(touched.items()):
        if not records:
            continue  # every statement of the block left it
        records.sort(key=lambda r: (order[r[0]], r[1]))
        key = _hash(records)
        n = by_interval.get(iv)
        if n is not None and key == index.blocks[n][2]:
            del touched[iv]  # the same statements in the same order: the same events
            continue
        placed = [statement_in(r) for r in records]
        events = merge_candidates([c for _, _, c in placed])
        merged.append(_Kept(iv, (records[0][0], records[0][1]), key, records, events))
    gone_numbers = {by_interval[iv] for iv in touched if iv in by_interval}
    blocks = [
        _Kept(intervals[n], (e[3], e[4]), e[2], None, None, e)
        for n, e in enumerate(index.blocks)
        if n not in gone_numbers
    ]
    blocks += merged
    blocks.sort(key=lambda b: (order[b.first[0]], b.first[1]))
    return blocks, old_number, sorted(touched)


def _intervals(index: Index) -> list[tuple[date, date]]:
    """The interval of each block of `index`, read once per index (an update asks twice)."""
    if index.parsed is None or len(index.parsed) != len(index.blocks):
        index.parsed = [(date.fromisoformat(b[0]), date.fromisoformat(b[1])) for b in index.blocks]
    return index.parsed


def _decoded(block: _Kept) -> list[Event]:
    assert block.events is not None, "a block left in the store: decode it first"
    return block.events


def _block_events(
    cache: ExtractionCache, keys: list[str], actors: str, recent: Recent | None
) -> list[list[Event]] | None:
    """The kept events of the blocks with these content keys (None if any is missing):
    from the last load in this process when it made them, else from the store."""
    row_keys = [_events_key(k, actors) for k in keys]
    known = recent.events if recent is not None else {}
    wanted = [k for k in row_keys if k not in known]
    found = cache.cached_many(_TABLE, wanted) if wanted else {}
    if len(found) != len(set(wanted)):
        return None
    return [known[k] if k in known else [event_in(e) for e in found[k]] for k in row_keys]


class _Row:
    """The event records of one block left in the store, as `stated` reads them: the
    places of the items that may hold a source in the documents asked for so far, found
    without decoding the others (each decoded once, when first given)."""

    __slots__ = ("hits", "items", "scanned")

    def __init__(self, items: Any) -> None:
        self.items = items  # `ProjectStore.StoredItems`, or `_Decoded`
        self.scanned: set[str] = set()  # the documents whose items are among `hits`
        self.hits: set[int] = set()

    def records_of(self, docs: set[str]) -> list[Any]:
        """The records with a source in `docs`, in the block's order. A record's sources
        are lists whose first item is the document's id."""
        new = docs - self.scanned
        if new:
            self.hits.update(self.items.holding(new))
            self.scanned |= new
        records = (self.items[i] for i in sorted(self.hits))
        return [r for r in records if any(s[0] in docs for s in r[4])]


class _Decoded:
    """A list payload decoded whole, read as `StoredItems` are (from a cache that gives
    only whole payloads)."""

    __slots__ = ("_items",)

    def __init__(self, items: list[Any]) -> None:
        self._items = items

    def holding(self, strings: Collection[str]) -> list[int]:
        return list(range(len(self._items)))

    def __getitem__(self, i: int) -> Any:
        return self._items[i]


def _stored_items(cache: ExtractionCache, rows: list[str]) -> dict[str, Any]:
    """The event records of these rows, each decoded when first read where the store can
    (`ProjectStore.cached_items`); a row whose payload is no list is left out."""
    items = getattr(cache, "cached_items", None)
    if items is not None:
        return items(_TABLE, rows)  # type: ignore[no-any-return]
    found = cache.cached_many(_TABLE, rows)
    return {row: _Decoded(v) for row, v in found.items() if isinstance(v, list)}


def _actors_key(actors: Actors) -> str:
    patterns = [(p.pattern, name) for p, name in actors.patterns]
    return _hash([list(actors.phrases.values.items()), patterns])


def _hash(*parts: Any) -> str:
    text = compact(parts, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _index_key(scope: str) -> str:
    return "index|" + scope


def _changes_key(scope: str) -> str:
    return "index+|" + scope


_STATEMENTS = "statements|"


def _events_key(block: str, actors: str) -> str:
    return f"events|{block}|{actors}"


def events_row(block: str, actors: str) -> str:
    """The store's row of the events of the block with this content key and actors."""
    return _events_key(block, actors)
