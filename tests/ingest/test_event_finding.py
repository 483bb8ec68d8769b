"""Events found by an engine are the events found in this process, and the blocks an engine
makes carry the store's records of their statements (sent back by its workers as records)."""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from timeline_app.ingest.event_finding import find_events
from timeline_app.ingest.file_results import extract_file
from timeline_app.ingest.manifest import Manifest
from timeline_app.ingest.records import statement_out

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from articles import write_articles  # noqa: E402

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "csto"


class _InThread:
    """An engine whose pool runs each task in the calling thread, as a worker would: the
    items and results are pickled both ways, so what crosses is what a process gets."""

    name = "in-thread"

    def workers(self, units: int) -> int:
        return 2

    @contextmanager
    def pool(self, shared: object, *, workers: int) -> Iterator[_InThread]:
        self._shared = shared
        yield self

    def map(
        self, fn: Callable, items: Sequence[object], *, on_done: Callable[[int, object], None]
    ) -> None:
        for i in reversed(range(len(items))):  # any order: the caller puts them back
            item = pickle.loads(pickle.dumps(items[i]))
            on_done(i, pickle.loads(pickle.dumps(fn(self._shared, item))))


class _Here:
    name = "here"

    def workers(self, units: int) -> int:
        return 0


def _results(folder: Path) -> tuple[list, list[str]]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".html"))
    results = [extract_file(p, p.name, p.read_bytes(), Manifest(), {}) for p in files]
    return results, [p.name for p in files]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    write_articles(folder, 60)
    return folder


@pytest.mark.parametrize("corpus", ["shipped", "generated"])
def test_an_engine_finds_the_blocks_found_here(corpus: str, generated: Path) -> None:
    results, rels = _results(SHIPPED if corpus == "shipped" else generated)
    here = find_events(results, rels, tick=lambda done: None, engine=_Here())
    ticks: list[int] = []
    there = find_events(results, rels, tick=ticks.append, engine=_InThread())
    assert [b.interval for b in there] == [b.interval for b in here]
    assert [b.statements for b in there] == [b.statements for b in here]
    assert [b.events for b in there] == [b.events for b in here]
    assert sum(len(b.events) for b in there) > 5
    # the records the workers sent are those the store would make of the statements
    for b in there:
        assert b.records == [statement_out(p) for p in b.statements]
    assert here[0].records is None  # found here: made when kept
    documents = sum(len(r.documents) for r in results)
    assert ticks and max(ticks) == documents  # progress counts every document


@pytest.mark.parametrize("engine", [_Here(), _InThread()], ids=["here", "engine"])
def test_each_blocks_events_are_handed_over_once_as_merged(engine, generated: Path) -> None:
    results, rels = _results(generated)
    handed: list[list] = []
    blocks = find_events(results, rels, tick=lambda done: None, engine=engine, merged=handed.append)
    assert len(handed) == len(blocks)
    by_id = {id(events) for events in handed}
    assert all(id(b.events) in by_id for b in blocks), "the blocks' own lists, to change"
