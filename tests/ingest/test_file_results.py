"""A file's result as it crosses to and from a worker process, and to the cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from timeline_app.ingest.file_results import FileResult, extract_file
from timeline_app.ingest.manifest import Manifest
from timeline_app.ingest.records import timex_out

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "csto"


@pytest.mark.parametrize("path", sorted(SHIPPED.glob("*.txt"))[:3], ids=lambda p: p.name)
def test_time_expressions_cross_as_records_and_read_back_the_same(path: Path):
    result = extract_file(path, path.name, path.read_bytes(), Manifest(), {})
    assert any(result.timexes), "the shipped articles date things"
    sent = pickle.dumps(result)
    assert b"Timex" not in sent  # plain values, not objects to rebuild one by one
    got = pickle.loads(sent)
    assert got.timex_records() == [[timex_out(t) for t in ts] for ts in result.timexes]
    assert got.timexes == result.timexes
    assert got.to_record() == result.to_record()


def test_a_cached_record_reads_back_the_same_time_expressions():
    path = sorted(SHIPPED.glob("*.txt"))[0]
    result = extract_file(path, path.name, path.read_bytes(), Manifest(), {})
    record = result.to_record()
    for lazy in (False, True):
        back = FileResult.from_record(record, lazy=lazy).complete()
        assert back.timexes == result.timexes
        assert back.to_record() == record
