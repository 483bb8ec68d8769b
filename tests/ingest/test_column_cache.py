"""A reopened corpus comes from its stored columns: the same events and the same view columns
as decoding every cached record, with no event decoded until one is asked for; damaged or
missing columns fall back to the records, and edits still apply."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from timeline_app.ingest import column_cache, corpus
from timeline_app.ingest.column_cache import (
    COLUMNS_TABLE,
    RECORDS_CHUNK,
    StoredEventsError,
    read_columns,
    splice_columns,
    write_columns,
)
from timeline_app.ingest.records import event_out
from timeline_app.model import Document, Event, FuzzyDate, Part, Source, Timeline
from timeline_app.model.event_columns import ColumnEvents, Strings
from timeline_app.model.summary import summarize
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.plan.columns import EventStore
from timeline_app.project import Project
from timeline_app.store import ProjectStore

ARTICLES = Path(__file__).resolve().parents[2] / "benchmarks" / "articles.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """60 articles from the benchmark's deterministic generator."""
    folder = tmp_path_factory.mktemp("generated") / "articles"
    subprocess.run(
        [sys.executable, str(ARTICLES), str(folder), "--count", "60"],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture(params=["shipped", "generated"])
def folder(request, tmp_path, generated):
    source = SHIPPED_CORPUS if request.param == "shipped" else generated
    copy = tmp_path / "corpus"
    shutil.copytree(source, copy)
    return copy


def facts(events):
    return [(e.id, e.title, e.date, e.sources, e.actors, e.hidden, e.edited) for e in events]


def store_columns(store: EventStore) -> dict:
    out = {
        name: getattr(store, name).tolist()
        for name in ("x0", "x1", "precision", "part", "inferred", "planned", "n_sources")
    }
    out.update(
        ref=store.ref, titles=list(store.titles), ids=[store.id_of(i) for i in range(len(store))]
    )
    for kind in ("outlets", "documents", "actors"):
        groups = getattr(store, kind)
        out[kind] = [groups.of(i) for i in range(len(store))]
    out["dates"] = [store.fuzzy_date(i) for i in range(len(store))]
    return out


def test_a_reopen_reads_columns_equal_to_the_decoded_records(folder, tmp_path, monkeypatch):
    store = ProjectStore(tmp_path / "s.sqlite")
    first = Project(folder, store=store).timeline
    assert isinstance(first.events, list)  # merged now: real events

    def not_again(*args, **kwargs):
        pytest.fail("merged again instead of reading the store")

    monkeypatch.setattr(corpus, "find_events", not_again)
    again = Project(folder, store=store).timeline
    assert isinstance(again.events, ColumnEvents)
    # nothing decoded to show it: the view's columns, the summary, an event by id
    view = EventStore.from_timeline(again)
    assert summarize(again) == summarize(first)
    some = first.events[len(first.events) // 2]
    assert again.event(some.id) == some
    assert len(again.events.decoded) == 1
    assert facts(again.events) == facts(first.events)
    assert store_columns(view) == store_columns(EventStore.from_timeline(first))
    store.close()


DAMAGE = [  # (column, its bytes for n events (None: the row gone), why)
    ("titles", None, "a column missing"),
    ("start", lambda n: b"abc", "numbers cut mid-value"),
    ("start", lambda n: b"", "numbers missing"),
    ("titles", lambda n: b"\xff\xfe", "titles that are not UTF-8"),
    ("actors_names", lambda n: b"", "names gone"),
    ("titles_ends", lambda n: bytes(8), "too few titles"),
    ("ids_ends", lambda n: bytes(8 * n), "ids that do not add up to their text"),
    ("outlets_codes", lambda n: bytes(4) * 9 + b"\xff\xff\xff\x7f", "an unknown outlet"),
    ("precision", lambda n: bytes([9]) * n, "unknown precision codes"),
    ("record_chunk", None, "where the records are: gone"),
    ("record_row", lambda n: bytes(4), "where the records are: too few rows"),
    ("record_chunk", lambda n: b"\xff\xff\xff\x7f" * n, "records in chunks no one named"),
    ("chunks_ends", lambda n: b"", "the chunks' names gone"),
    (None, None, "a store from before the columns: no column at all"),
]


def test_damaged_or_missing_columns_fall_back_to_the_records(tmp_path):
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    store = ProjectStore(tmp_path / "s.sqlite")
    expected = facts(Project(folder, store=store).timeline.events)
    store.settle()  # the columns are written on the store's own thread
    key = store._db.execute(f"SELECT key FROM {COLUMNS_TABLE}").fetchone()[0].rpartition("/")[0]
    assert isinstance(read_columns(store, key), ColumnEvents)
    for column, data, why in DAMAGE:
        if data is None:  # the row, or every row, gone
            where = f"{key}/{column}" if column else f"{key}/%"
            store._db.execute(f"DELETE FROM {COLUMNS_TABLE} WHERE key LIKE ?", (where,))
            store._db.commit()  # the store's own writes commit theirs
        else:
            store.cache_many(COLUMNS_TABLE, [(f"{key}/{column}", data(len(expected)))])
        assert read_columns(store, key) is None, why
        events = Project(folder, store=store).timeline.events
        assert isinstance(events, list), why
        assert facts(events) == expected, why
        # and the columns are written again for the next open
        assert isinstance(read_columns(store, key), ColumnEvents), why
        assert facts(Project(folder, store=store).timeline.events) == expected, why
    store.close()


def own_records(store: ProjectStore) -> int:
    """The records written with the columns (not those the merge blocks keep)."""
    store.settle()
    rows = store._db.execute(f"SELECT key FROM {COLUMNS_TABLE} WHERE key LIKE '%/records/%'")
    return len(rows.fetchall())


def test_records_the_merge_blocks_keep_are_not_written_again(tmp_path):
    """Most events leave the passes after merging as their block keeps them: the columns
    point at those records instead of encoding them again; the others are written along."""
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    store = ProjectStore(tmp_path / "s.sqlite")
    first = Project(folder, store=store).timeline.events
    assert own_records(store) <= 1, "the few joined or wire-marked events fit one chunk"
    again = Project(folder, store=store).timeline.events
    assert isinstance(again, ColumnEvents)
    assert facts(again) == facts(first)  # each decoded from where its row points
    store.close()


def test_a_record_pointed_at_and_lost_is_named(tmp_path):
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    store = ProjectStore(tmp_path / "s.sqlite")
    Project(folder, store=store)
    events = Project(folder, store=store).timeline.events
    store._db.execute("DELETE FROM corpus_cache WHERE key LIKE 'events|%'")
    with pytest.raises(StoredEventsError, match="missing or damaged"):
        events[0]
    store.close()


def test_edits_apply_to_stored_events(tmp_path):
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    store = ProjectStore(tmp_path / "s.sqlite")
    Project(folder, store=store)
    project = Project(folder, store=store)
    assert isinstance(project.timeline.events, ColumnEvents)
    target = project.timeline.events[1]
    edited = project.edit("event.hidden", target.id, {"hidden": True})
    assert isinstance(edited.events, list)
    assert edited.event(target.id).hidden
    assert isinstance(project.timeline.events, list)
    reopened = Project(folder, store=store).timeline
    assert reopened.event(target.id).hidden  # applied over the stored columns' events
    assert [e.id for e in reopened.events] == [e.id for e in edited.events]
    store.close()


SPAN = FuzzyDate(602, to=FuzzyDate(629))
ODD = "caf\udce9.txt"  # a file name that is not UTF-8, as Python gives it


@pytest.mark.parametrize(
    ("date", "doc_id", "why"),
    [
        (FuzzyDate(2021, 3, 4), "a.txt", "a day"),
        (FuzzyDate(2021, 3, part=Part.EARLY), "a.txt", "part of a month"),
        (FuzzyDate(2020, inferred=True), "a.txt", "an inferred year"),
        (SPAN, "a.txt", "a span: its end is not in the columns, the decoded event has it"),
        (FuzzyDate(2021, 3, 4), ODD, "a document name that is not UTF-8"),
    ],
)
def test_stored_events_round_trip(date, doc_id, why):
    source = Source(doc_id, 0, 9, 0, 4, "then", date, planned=True)
    events = [
        Event("late", "Zeta", FuzzyDate(2030, 1, 1), [source], ["NATO"]),
        Event("e1", "Talks in Riga", date, [source, source], ["CSTO", "Riga"]),
    ]
    documents = {doc_id: Document(doc_id, Path(doc_id), "text", outlet="TASS")}
    store = ProjectStore.in_memory()
    write_columns(store, "k", events, documents)
    stored = read_columns(store, "k")
    assert [e.id for e in stored] == ["e1", "late"], why  # timeline order
    assert facts(stored) == facts(sorted(events, key=lambda e: e.date.start)), why
    view = EventStore.from_timeline(Timeline(events=stored))
    assert view.outlets.of(0) == ["TASS"] and view.documents.of(0) == [doc_id], why
    assert view.fuzzy_date(0) == date and bool(view.planned[0]), why


def test_lazy_events_act_as_a_read_only_sequence():
    event = Event("e1", "Talks", FuzzyDate(2021, 3, 4))
    store = ProjectStore.in_memory()
    write_columns(store, "k", [event, Event("e2", "More", FuzzyDate(2022, 1, 1))], {})
    stored = read_columns(store, "k")
    assert len(stored) == 2 and not stored.decoded
    assert stored[-1].id == "e2" and stored[-1] is stored[1]  # decoded once, kept
    assert [e.id for e in stored[0:2]] == ["e1", "e2"]
    with pytest.raises(IndexError):
        stored[2]
    with pytest.raises(KeyError):
        stored.by_id("nope")
    stored.sort(key=lambda e: e.title)  # a Timeline sorts its events: already in order
    assert [e.id for e in stored] == ["e1", "e2"]
    assert stored.columns.start.tolist() == [e.date.start.toordinal() for e in stored]


def test_records_are_read_a_chunk_at_a_time_and_named_when_lost():
    n = 2 * RECORDS_CHUNK + 5
    events = [
        Event(f"e{i:05d}", f"Event {i}", FuzzyDate(2000 + i // 400, 1 + i % 12, 1 + i % 28))
        for i in range(n)
    ]
    store = ProjectStore.in_memory()
    write_columns(store, "k", events, {})
    stored = read_columns(store, "k")
    events.sort(key=lambda e: (e.date.start, e.date.end, e.title))  # as they are stored
    for i in (0, RECORDS_CHUNK - 1, RECORDS_CHUNK, n - 1):
        assert stored[i] == events[i]
    assert len(stored.decoded) == 4
    store.cache_many(COLUMNS_TABLE, [("k/records/1", b"\x01" * 3)])
    store.cache_many(COLUMNS_TABLE, [("k/records/2", b"")])
    again = read_columns(store, "k")
    assert again[5] == events[5]
    for i in (RECORDS_CHUNK + 1, n - 1):
        with pytest.raises(StoredEventsError):
            again[i]
    later = read_columns(store, "k")
    store.close()
    with pytest.raises(StoredEventsError, match="cannot be read"):
        later[1]  # the store closed under the timeline: a named error, not sqlite's


@pytest.mark.parametrize(
    ("strings", "why"),
    [
        ([], "none"),
        ([""], "one empty string"),
        (["a", "", "b", ""], "empty ones between and last"),
        (["a\x00b", "c"], "a NUL inside"),
        (["caf\udce9.txt", "é"], "a lone surrogate from a file name"),
        (["ab", "a", "b", "ba"], "strings that hold others"),
    ],
)
def test_strings_round_trip_and_find_whole_strings_only(strings, why):
    data = column_cache._text_bytes(strings), column_cache._ends_bytes(strings)
    stored = column_cache._strings(*data)
    assert list(stored) == stored.tolist() == strings and len(stored) == len(strings), why
    for k, s in enumerate(strings):
        assert stored[k] == s and stored[k - len(strings)] == s, why
        assert stored.index(s) == strings.index(s) and s in stored, why
    for missing in ("zz", "a\x00", "abb"):
        if missing not in strings:
            assert missing not in stored, why
            with pytest.raises(ValueError):
                stored.index(missing)


@pytest.mark.parametrize(
    ("text", "ends", "why"),
    [
        ("abc", [1, 2], "the ends fall short of the text"),
        ("abc", [2, 1, 3], "an end before the one before"),
        ("abc", [-1, 3], "a negative end"),
        ("ab", [1, 3], "past the text"),
    ],
)
def test_strings_that_do_not_add_up_are_refused(text, ends, why):
    with pytest.raises(ValueError, match="add up"):
        Strings(text, np.array(ends, np.int64))


def _random_events(rng, n: int, tag: str) -> tuple[list[Event], dict]:
    """Events over two years, some on one day, of random outlets, documents and actors."""
    outlets = ["TASS", "Reuters", "", "BelTA"]
    out = []
    for i in range(n):
        day = date(2020, 1, 1) + timedelta(days=int(rng.integers(0, 730)))
        when = (
            FuzzyDate(day.year, day.month, day.day)
            if rng.random() < 0.8
            else FuzzyDate(day.year, day.month)
        )
        doc = f"d{int(rng.integers(0, 40))}.txt"
        source = Source(doc, 0, 9, 0, 4, "then", when)
        actors = [f"A{int(k)}" for k in rng.integers(0, 12, int(rng.integers(0, 3)))]
        title = f"Talks {int(rng.integers(0, 5))}"  # titles repeat: ties broken by order
        out.append(Event(f"{tag}{i}", title, when, [source], list(dict.fromkeys(actors))))
    documents = {
        f"d{k}.txt": Document(f"d{k}.txt", Path(f"d{k}.txt"), "text", outlet=outlets[k % 4])
        for k in range(40)
    }
    return out, documents


def _column_facts(c) -> dict:
    out = {k: getattr(c, k).tolist() for k in ("start", "end", "precision", "part", "span")}
    out.update(ids=list(c.ids), titles=list(c.titles), disputed=c.disputed.tolist())
    for kind in ("outlets", "documents", "actors"):
        g = getattr(c, kind)
        out[kind] = (list(g.names), g.ptr.tolist(), g.codes.tolist())
    return out


SPANS = [  # (first day, last day, why)
    (date(2020, 3, 1), date(2020, 3, 31), "a month in the middle"),
    (date(2019, 1, 1), date(2020, 1, 15), "at the start"),
    (date(2021, 12, 1), date(2022, 2, 1), "at the end"),
    (date(2020, 6, 10), date(2020, 6, 10), "one day, month-precision events around it"),
    (date(2018, 1, 1), date(2023, 1, 1), "everything"),
    (date(2025, 1, 1), date(2025, 2, 1), "no event inside"),
]


@pytest.mark.parametrize(("lo", "hi", "why"), SPANS, ids=[s[2] for s in SPANS])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_spliced_columns_are_the_columns_written_whole(lo, hi, why, seed):
    """Events within a span replaced (some gone, some new, some changed): the spliced
    columns, their records and a reopen of them are those of the new events written whole."""
    rng = np.random.default_rng(seed)
    old, documents = _random_events(rng, 400, "e")
    meets = lambda e: e.date.start <= hi and lo <= e.date.end  # noqa: E731
    new = [e for e in old if not meets(e) or rng.random() < 0.7]  # some leave
    for k, e in enumerate(new):
        if meets(e) and rng.random() < 0.3:  # some change
            new[k] = Event(e.id, e.title + " again", e.date, e.sources, ["A99", *e.actors])
    extra, _ = _random_events(rng, 60, "n")
    spot = [e for e in extra if meets(e)]
    for e in spot:  # some enter, anywhere in corpus order
        new.insert(int(rng.integers(0, len(new) + 1)), e)
    store = ProjectStore.in_memory()
    kept = [event_out(e) for e in old[:100]]  # a block's row the store keeps
    store.cache_many("corpus_cache", [("events|b|a", kept)])
    origins = [("events|b|a", i) if i < 100 else None for i in range(len(old))]
    write_columns(store, "old", old, documents, origins=origins)
    stored = read_columns(store, "old")
    inside = [e for e in new if meets(e)]
    spliced = splice_columns(store, "new", stored, (lo, hi), inside, documents)
    whole = write_columns(ProjectStore.in_memory(), "whole", new, documents)
    assert _column_facts(spliced.columns) == _column_facts(whole.columns), why
    assert facts(spliced) == facts(whole), why
    again = read_columns(store, "new")
    assert _column_facts(again.columns) == _column_facts(whole.columns), why
    assert facts(again) == facts(whole), why
    store.close()


def test_only_stored_columns_can_be_spliced():
    events = [Event("e1", "Talks", FuzzyDate(2021, 3, 4))]
    made = write_columns(ProjectStore.in_memory(), "k", events, {})
    with pytest.raises(ValueError, match="stored"):
        splice_columns(
            ProjectStore.in_memory(), "k2", made, (date(2021, 1, 1), date(2021, 12, 31)), [], {}
        )


def test_outlets_given_need_no_document():
    """An update knows each document's outlet from the folder's listing: the columns made
    from those, written whole or spliced, are the ones made from the documents."""
    rng = np.random.default_rng(5)
    events, documents = _random_events(rng, 300, "e")
    outlets = {d: doc.outlet for d, doc in documents.items()}
    whole = write_columns(ProjectStore.in_memory(), "whole", events, documents)
    store = ProjectStore.in_memory()
    given = write_columns(store, "given", events, {}, outlets=outlets)
    assert _column_facts(given.columns) == _column_facts(whole.columns)
    lo, hi = date(2020, 3, 1), date(2020, 3, 31)
    inside = [e for e in events if e.date.start <= hi and lo <= e.date.end]
    stored = read_columns(store, "given")
    spliced = splice_columns(store, "spliced", stored, (lo, hi), inside, {}, outlets=outlets)
    assert _column_facts(spliced.columns) == _column_facts(whole.columns)
    store.close()


def _column_sets(store: ProjectStore) -> set[str]:
    """The corpus keys that have columns in the store (records chunks aside)."""
    store.settle()
    rows = store._db.execute(f"SELECT key FROM {COLUMNS_TABLE} WHERE key LIKE '%/start'")
    return {key.split("/")[0] for (key,) in rows.fetchall()}


# (the sentence an update adds, why): spliced near its date, or every pass run again
UPDATES = [
    ("On {day} March 2004 the ministry wrote again.\n", "spliced near the change"),
    (
        "On {day} March 2004 Foreign Minister Ivan Testovich{k} said talks would go on.\n",
        "a new person each time: the actors change, every event's columns are made again",
    ),
]


@pytest.mark.parametrize(("sentence", "why"), UPDATES, ids=[u[1][:20] for u in UPDATES])
def test_an_update_replaces_the_columns_it_spliced_and_the_store_stops_growing(
    tmp_path, generated, sentence, why
):
    """Each update writes the columns of the new corpus; those of the corpus it spliced
    are dropped (7 MB a save at 10,000 articles; on the store's own thread, done by the
    next update or the close at the latest), and the rows it still points at stay: what is
    shown after several changes equals a fresh load's, and reads back the same."""
    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    store = ProjectStore(tmp_path / "s.sqlite")
    Project(folder, store=store)
    Project(folder, store=store)  # the columns of this corpus are read back
    article = sorted(folder.rglob("*.txt"))[7]
    text = article.read_text(encoding="utf-8")
    for k in range(4):
        article.write_text(text + sentence.format(day=k + 3, k="abcd"[k]))
        changed = Project(folder, store=store).timeline
    fresh = Project(folder, store=ProjectStore(tmp_path / "fresh.sqlite")).timeline
    assert facts(changed.events) == facts(fresh.events)
    assert facts(Project(folder, store=store).timeline.events) == facts(fresh.events)
    store.close()
    store = ProjectStore(tmp_path / "s.sqlite")
    assert len(_column_sets(store)) == 1, "one corpus's columns once the store is closed"
    assert facts(Project(folder, store=store).timeline.events) == facts(fresh.events)
    store.close()
