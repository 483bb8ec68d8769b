"""A folder reopened after one file was added, changed or removed gives exactly the events
JSON a load from scratch gives (same bytes), on generated articles and the shipped corpus;
and it is updated where the file changes it, not merged again whole, unless the change
changes the names learnt from the whole corpus."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.ingest import corpus
from timeline_app.ingest.disputes import stated
from timeline_app.ingest.records import event_out
from timeline_app.paths import SHIPPED_CORPUS

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from articles import write_articles  # noqa: E402

# a sentence naming only what the corpus names already, and one naming a new person
KNOWN = "\nOn 3 March 2004 the ministry published revision {k} of the statement.\n"
NEW_NAME = "\nOn 4 March 2004 Foreign Minister Ivan Testovich said talks would go on.\n"
NEW_ACRONYM = "\nOn 5 March 2004 the Eurasian Customs Board (ECB) met in Minsk.\n"


def _middle(folder: Path) -> Path:
    articles = sorted(p for p in folder.rglob("*.txt"))
    return articles[len(articles) // 2]


def change(folder: Path) -> None:
    path = _middle(folder)
    path.write_text(path.read_text(encoding="utf-8") + KNOWN.format(k=1), encoding="utf-8")


def change_twice(folder: Path) -> None:
    change(folder)
    path = sorted(folder.rglob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + KNOWN.format(k=2), encoding="utf-8")


def add(folder: Path) -> None:
    source = _middle(folder)
    copy = source.with_name("added-" + source.name)
    copy.write_text(source.read_text(encoding="utf-8") + KNOWN.format(k=3), encoding="utf-8")


def add_fresh(folder: Path) -> None:
    """An article of its own (not a copy of another: no wire family changes)."""
    (_middle(folder).parent / "added-fresh.txt").write_text(KNOWN.format(k=5), encoding="utf-8")


def remove_last(folder: Path) -> None:
    sorted(folder.rglob("*.txt"))[-1].unlink()


def name_someone_new(folder: Path) -> None:
    path = _middle(folder)
    path.write_text(path.read_text(encoding="utf-8") + NEW_NAME, encoding="utf-8")


def define_an_acronym(folder: Path) -> None:
    path = _middle(folder)
    path.write_text(path.read_text(encoding="utf-8") + NEW_ACRONYM, encoding="utf-8")


def remove_new_name(folder: Path) -> None:
    """The one document naming the new person no longer does."""
    for path in folder.rglob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if NEW_NAME in text:
            path.write_text(text.replace(NEW_NAME, ""), encoding="utf-8")


def empty_one(folder: Path) -> None:
    """A file that no longer loads: its statements leave, nothing enters."""
    _middle(folder).write_text("", encoding="utf-8")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated") / "articles"
    write_articles(folder, 60, bad=2)
    return folder


def events_json(folder: Path, home: Path, monkeypatch) -> bytes:
    monkeypatch.setenv("TIMELINE_APP_HOME", str(home))
    out = home.parent / f"{home.name}.json"
    assert main(["events", str(folder), "-o", str(out)]) == 0
    return out.read_bytes()


def merged_whole(monkeypatch) -> list[int]:
    """Counts the loads that found every document's statements again."""
    calls: list[int] = []
    real = corpus.find_events

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(corpus, "find_events", counted)
    return calls


CASES = [
    # (corpus, change, merged whole again?, why)
    ("generated", change, False, "a dated sentence more in one article"),
    ("generated", change_twice, False, "two articles changed"),
    ("generated", add, False, "an article added that names no one new"),
    ("generated", remove_last, None, "an article removed (its names may go with it)"),
    ("generated", name_someone_new, False, "a new person: who mentions them is titled again"),
    ("generated", define_an_acronym, False, "a new acronym: who uses it is titled again"),
    ("generated", empty_one, None, "an article emptied: it no longer loads"),
    ("shipped", change, False, "a dated sentence more in one article"),
    ("shipped", add, False, "an article added that names no one new"),
    ("shipped", remove_last, None, "an article removed"),
    ("shipped", name_someone_new, False, "a new person"),
    ("shipped", define_an_acronym, False, "a new acronym"),
]


@pytest.mark.parametrize(("which", "act", "whole", "why"), CASES, ids=[c[3] for c in CASES])
def test_an_update_gives_the_events_a_load_from_scratch_gives(
    which, act, whole, why, generated, tmp_path, monkeypatch
):
    folder = tmp_path / "corpus"
    shutil.copytree(generated if which == "generated" else SHIPPED_CORPUS, folder)
    kept = tmp_path / "kept"
    events_json(folder, kept, monkeypatch)  # the store holds the folder as it was
    act(folder)
    calls = merged_whole(monkeypatch)
    updated = events_json(folder, kept, monkeypatch)
    if whole is not None:
        assert bool(calls) is whole, why
    assert updated == events_json(folder, tmp_path / "scratch", monkeypatch), why
    again = merged_whole(monkeypatch)
    assert events_json(folder, kept, monkeypatch) == updated, "reopened as updated"
    assert not again, "an unchanged folder is not merged again"


def test_a_chain_of_updates_stays_exact(generated, tmp_path, monkeypatch):
    """Each update starts from the one before: errors would pile up. A name comes and goes."""
    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    kept = tmp_path / "kept"
    events_json(folder, kept, monkeypatch)
    calls = merged_whole(monkeypatch)
    steps = [change, add, name_someone_new, change_twice, remove_new_name]
    for k, act in enumerate(steps, 1):
        act(folder)
        updated = events_json(folder, kept, monkeypatch)
        assert updated == events_json(folder, tmp_path / f"scratch{k}", monkeypatch)
    assert len(calls) == len(steps), "only the loads from scratch merged everything"


def test_a_file_rewritten_with_its_old_size_and_time_is_seen(generated, tmp_path, monkeypatch):
    """Same size, same modification time, other bytes: still a changed file."""
    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    kept = tmp_path / "kept"
    before = events_json(folder, kept, monkeypatch)
    path = _middle(folder)
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    year = re.findall(r"\b(?:19|20)\d\d\b", text)[-1]  # a year the story dates by
    swapped = text[::-1].replace(year[::-1], str(int(year) - 1)[::-1], 1)[::-1]
    assert len(swapped) == len(text) and swapped != text
    path.write_text(swapped, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = events_json(folder, kept, monkeypatch)
    assert after == events_json(folder, tmp_path / "scratch", monkeypatch)
    assert after != before


def event_records(timeline) -> list:
    return [event_out(e) for e in timeline.events]


@pytest.mark.parametrize(("act", "why"), [(c[1], c[3]) for c in CASES if c[0] == "generated"])
def test_a_project_reloaded_in_the_same_process_is_exact(
    act, why, generated, tmp_path, monkeypatch
):
    """A window's reload: what the last read decoded is taken from memory (`Recent`)."""
    from timeline_app.project import Project
    from timeline_app.store import ProjectStore

    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    project = Project(folder, store=ProjectStore(tmp_path / "kept.sqlite"))
    act(folder)
    reloaded = project.reload()
    scratch = Project(folder, store=ProjectStore.in_memory()).timeline
    assert event_records(reloaded) == event_records(scratch), why
    assert sorted(reloaded.documents) == sorted(scratch.documents)
    project.reload()  # nothing changed: the same events, from memory
    assert event_records(project.timeline) == event_records(scratch)
    project.close()


def test_an_appended_sentence_merges_only_the_block_it_enters(generated, tmp_path, monkeypatch):
    """The article's other statements leave and enter the same blocks unchanged: those
    blocks keep their events (a year's block of thousands is not merged again), and their
    statements are not even read (the article's last statements, found again from its last
    record, tell them unchanged)."""
    from timeline_app.ingest import increments
    from timeline_app.store import ProjectStore

    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    kept = tmp_path / "kept"
    events_json(folder, kept, monkeypatch)
    change(folder)  # one sentence dating 3 March 2004, at the end
    merged: list[int] = []
    real = increments.merge_candidates
    monkeypatch.setattr(increments, "merge_candidates", lambda c: merged.append(1) or real(c))
    read: list[str] = []
    real_read = ProjectStore.cached_many

    def reading(store, table, keys, **kw):
        read.extend(k for k in keys if k.startswith("statements|"))
        return real_read(store, table, keys, **kw)

    monkeypatch.setattr(ProjectStore, "cached_many", reading)
    updated = events_json(folder, kept, monkeypatch)
    assert len(merged) == 1, "the block of 3 March 2004 only"
    assert len(read) <= 1, "at most that block's statements are read"
    monkeypatch.setattr(ProjectStore, "cached_many", real_read)
    assert updated == events_json(folder, tmp_path / "scratch", monkeypatch)


@pytest.mark.parametrize(("act", "why"), [(c[1], c[3]) for c in CASES if c[2] is False])
def test_an_update_keeps_its_columns_for_the_next_open(act, why, generated, tmp_path, monkeypatch):
    """An update writes the updated corpus's columns (pointing at the records its merge
    blocks keep) and gives its events over them; the next open reads those columns, with no
    block's events decoded and nothing merged."""
    from timeline_app.ingest import increments
    from timeline_app.model.event_columns import ColumnEvents
    from timeline_app.project import Project
    from timeline_app.store import ProjectStore

    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    store = ProjectStore(tmp_path / "kept.sqlite")
    Project(folder, store=store)
    act(folder)
    updated = Project(folder, store=store).timeline
    assert isinstance(updated.events, ColumnEvents), why
    scratch = Project(folder, store=ProjectStore.in_memory()).timeline
    assert event_records(updated) == event_records(scratch), why

    def fail(*args, **kwargs):
        pytest.fail("the next open decoded the blocks' events instead of reading columns")

    monkeypatch.setattr(increments, "kept_events", fail)
    monkeypatch.setattr(corpus, "find_events", fail)
    again = Project(folder, store=store).timeline
    assert isinstance(again.events, ColumnEvents), why
    assert event_records(again) == event_records(scratch), why
    store.close()


@pytest.mark.parametrize(
    ("act", "why"),
    [
        (change, "a dated sentence more"),
        (add_fresh, "an article of its own added"),
        (change_twice, "two articles changed"),
    ],
)
def test_an_update_runs_the_passes_near_its_dates_only(act, why, tmp_path, monkeypatch):
    """With the last load's columns stored, an update joins disputes only near the dates it
    changed, splices those rows into the columns, and decodes only the blocks near them:
    no pass over every event, no columns written whole, and still what a load from scratch
    gives."""
    from timeline_app.ingest import increments
    from timeline_app.model.event_columns import ColumnEvents
    from timeline_app.project import Project
    from timeline_app.store import ProjectStore

    folder = tmp_path / "corpus"
    write_articles(folder, 150, bad=0)
    store = ProjectStore(tmp_path / "kept.sqlite")
    Project(folder, store=store)
    blocks = len(increments.read_index(store, ".").blocks)
    act(folder)

    def fail(*args, **kwargs):
        pytest.fail("a pass over every event")

    decoded: list[int] = []
    real = increments._block_events
    monkeypatch.setattr(
        increments,
        "_block_events",
        lambda c, keys, *a: decoded.append(len(keys)) or real(c, keys, *a),
    )
    monkeypatch.setattr(corpus, "join_disputes", fail)
    monkeypatch.setattr(corpus, "write_columns", fail)
    updated = Project(folder, store=store).timeline
    monkeypatch.undo()
    assert isinstance(updated.events, ColumnEvents), why
    assert sum(decoded) < blocks / 2, f"{sum(decoded)} of {blocks} blocks decoded: {why}"
    scratch = Project(folder, store=ProjectStore.in_memory()).timeline
    assert event_records(updated) == event_records(scratch), why
    again = Project(folder, store=store).timeline  # the spliced columns, read back
    assert event_records(again) == event_records(scratch), why
    store.close()


class _WholePayloads:
    """A cache that gives whole payloads only (no `cached_items`), over a store."""

    def __init__(self, store):
        self._store = store

    def cached_many(self, table, keys, *, shared=False):
        return self._store.cached_many(table, keys, shared=shared)

    def cache_many(self, table, items):
        self._store.cache_many(table, items)


READS = [  # (act, cache the state reads, why)
    (change, None, "one changed"),
    (add_fresh, None, "one added"),
    (change, _WholePayloads, "one changed, a cache giving whole payloads"),
]


@pytest.mark.parametrize(("act", "reader", "why"), READS)
def test_the_events_and_sentences_of_a_few_documents_are_read_without_their_blocks(
    act, reader, why, generated, tmp_path, monkeypatch
):
    """`State.stated` and `State.documents_together` decode only the events of the
    documents asked for, from the records of blocks left in the store, and make none:
    they say of the same events, in corpus order, what a pass over every decoded block
    finds, however the documents are asked for (a row read for some is not read again
    for others). `State.sentence` gives each source's sentence as its article has it."""
    from timeline_app.project import Project
    from timeline_app.store import ProjectStore

    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    store = ProjectStore(tmp_path / "kept.sqlite")
    Project(folder, store=store)
    act(folder)
    seen: list[tuple[list, list]] = []
    real = corpus._updated_columns

    def spy(cache, key, scope, index, state, loaded, documents):
        rel_of = {
            d: rel for rel, r in zip(loaded.rels, loaded.results, strict=True) for d in r.doc_ids
        }
        # many, one of those read already, two not read yet, none
        asked = (sorted(rel_of)[::9], sorted(rel_of)[:1], sorted(rel_of)[1:3], [])
        assert any(b.events is None for b in state.blocks), "blocks left in the store"
        if reader is not None:
            state.cache = reader(cache)
        few = [(state.stated(ids, rel_of), state.documents_together(ids, rel_of)) for ids in asked]
        assert state.decode()
        # the sentences the blocks' statements keep are the articles' own
        sources = [s for e in state.events for s in e.sources]
        kept = [state.sentence(s) for s in sources]
        assert kept == [documents[s.doc_id].text[s.start : s.end] for s in sources]
        for ids, got in zip(asked, few, strict=True):
            wanted = set(ids)
            every = [e for e in state.events if wanted & set(e.doc_ids)]
            seen.append((got, (stated(every), [set(e.doc_ids) for e in every])))
        return real(cache, key, scope, index, state, loaded, documents)

    monkeypatch.setattr(corpus, "_updated_columns", spy)
    updated = Project(folder, store=store).timeline
    monkeypatch.undo()
    assert len(seen) == 4 and seen[0][1] and seen[2][1], why
    for few, every in seen:
        assert few == every, why
    scratch = Project(folder, store=ProjectStore.in_memory()).timeline
    assert event_records(updated) == event_records(scratch), why
    store.close()


def test_an_unreadable_event_record_is_read_again_from_the_articles(
    generated, tmp_path, monkeypatch
):
    """An event record of a block left in the store that is not JSON any more: asking for
    what its documents' events state is a `LookupError` (no traceback), and the update
    gives way to a load that loses nothing (the same events as from scratch)."""
    from timeline_app.ingest import increments
    from timeline_app.project import Project
    from timeline_app.store import ProjectStore

    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    store = ProjectStore(tmp_path / "kept.sqlite")
    Project(folder, store=store)
    change(folder)
    raised: list[str] = []
    real = corpus._updated_columns

    def spy(cache, key, scope, index, state, loaded, documents):
        rel_of = {
            d: rel for rel, r in zip(loaded.rels, loaded.results, strict=True) for d in r.doc_ids
        }
        rows = [
            increments.events_row(b.key, state.old_actors) for b in state.blocks if b.events is None
        ]
        for row, text in cache._db.execute(
            f"SELECT key, payload FROM corpus_cache WHERE key IN ({','.join('?' * len(rows))})",
            rows,
        ).fetchall():
            items = text[2:-2].split(",\n")  # each item cut short: none reads as JSON
            cut = "[\n" + ",\n".join(item[:-1] for item in items) + "\n]"
            cache._db.execute("UPDATE corpus_cache SET payload = ? WHERE key = ?", (cut, row))
        try:
            state.stated(sorted(rel_of), rel_of)
        except LookupError as exc:
            raised.append(str(exc))
        return real(cache, key, scope, index, state, loaded, documents)

    monkeypatch.setattr(corpus, "_updated_columns", spy)
    updated = Project(folder, store=store).timeline
    monkeypatch.undo()
    assert raised == ["a merge block's events can no longer be read"]
    scratch = Project(folder, store=ProjectStore.in_memory()).timeline
    assert event_records(updated) == event_records(scratch)
    store.close()


NAMES_CASES = [
    # (change, the last load's corpus names kept?, why)
    (change, True, "a sentence naming no one new: the names merged last time hold"),
    (change_twice, True, "two such changes"),
    (name_someone_new, False, "a new person: the names are merged again"),
    (define_an_acronym, False, "a new acronym: merged again"),
    (add, False, "a file added: merged again"),
]


@pytest.mark.parametrize(("act", "kept", "why"), NAMES_CASES, ids=[c[2] for c in NAMES_CASES])
def test_an_update_merges_the_corpus_names_again_only_when_a_change_could_change_them(
    act, kept, why, generated, tmp_path, monkeypatch
):
    folder = tmp_path / "corpus"
    shutil.copytree(generated, folder)
    store = tmp_path / "kept"
    events_json(folder, store, monkeypatch)
    act(folder)
    merges: list[int] = []
    real = corpus.increments.corpus_names
    monkeypatch.setattr(corpus.increments, "corpus_names", lambda *a: merges.append(1) or real(*a))
    updated = events_json(folder, store, monkeypatch)
    assert (not merges) is kept, why
    monkeypatch.setattr(corpus.increments, "corpus_names", real)
    assert updated == events_json(folder, tmp_path / "scratch", monkeypatch), why
