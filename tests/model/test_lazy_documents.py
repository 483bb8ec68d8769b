"""LazyDocuments: a dict of documents that decodes each file's documents when first read."""

from pathlib import Path

import pytest

from timeline_app.model import Document
from timeline_app.model.lazy_documents import PREFETCH, LazyDocuments


def _corpus(files: int, per_file: int = 2):
    """`files` groups of `per_file` documents, and a log of the groups each load asked for."""
    docs = [
        [
            Document(f"f{g}#{k}", Path(f"f{g}"), f"text {g} {k}", outlet=f"o{g % 3}")
            for k in range(per_file)
        ]
        for g in range(files)
    ]
    where = {d.id: (g, d.outlet) for g, ds in enumerate(docs) for d in ds}
    asked: list[list[int]] = []

    def load(groups):
        asked.append(list(groups))
        return [[Document(d.id, d.path, d.text, outlet=d.outlet) for d in docs[g]] for g in groups]

    return LazyDocuments(where, load, files), docs, asked


def test_it_knows_ids_counts_and_outlets_without_decoding():
    lazy, docs, asked = _corpus(5)
    assert len(lazy) == 10 and list(lazy) == [d.id for ds in docs for d in ds]
    assert "f3#1" in lazy and "nope" not in lazy
    assert sorted(lazy.stored_outlets()) == sorted(d.outlet for ds in docs for d in ds)
    assert lazy.stored_count() == 10
    assert asked == []


@pytest.mark.parametrize(
    ("reads", "loads"),
    [
        (["f7#0"], [[7]]),  # a lookup here and there: its own file
        (["f7#0", "f7#1", "f7#0"], [[7]]),  # each file once
        (["f7#0", "f2#1"], [[7], [2]]),
        (["f0#0"], [list(range(PREFETCH))]),  # a pass from the start: a batch ahead
        (["f7#0", "f8#0"], [[7], list(range(8, 8 + PREFETCH))]),  # a pass from f7 on
    ],
)
def test_files_are_decoded_when_first_read(reads, loads):
    lazy, docs, asked = _corpus(PREFETCH + 50)
    seen = [lazy[r] for r in reads]
    assert [d.id for d in seen] == reads
    assert asked == loads
    assert lazy[reads[0]] is seen[0]  # the same object every time


def test_a_pass_over_every_document_reads_in_batches():
    lazy, docs, asked = _corpus(3 * PREFETCH + 1)
    assert [d.text for d in lazy.values()] == [d.text for ds in docs for d in ds]
    assert len(asked) == 4


def test_added_documents_sit_beside_the_stored_ones():
    lazy, _, asked = _corpus(3)
    added = Document("e1#source", Path("e1#source"), "typed in")
    with_one = lazy.with_added({added.id: added})
    assert with_one["e1#source"] is added and len(with_one) == 7
    assert "e1#source" not in lazy and len(lazy) == 6
    assert with_one.get("f1#0").text == "text 1 0"
    assert lazy["f1#0"] is with_one["f1#0"]  # decoded once for both
    assert asked == [[1]]
    with pytest.raises(KeyError):
        lazy["e1#source"]


def test_outlets_are_counted_without_decoding():
    from timeline_app.model import Event, FuzzyDate, Source
    from timeline_app.model.outlets import independent_outlets, key_score

    lazy, docs, asked = _corpus(6)
    plain = {d.id: d for ds in docs for d in ds}
    day = FuzzyDate(2020, 1, 1)
    ids = ("f0#0", "f1#1", "f3#0", "f5#0")
    event = Event("e", "t", day, [Source(d, 0, 4, 0, 4, "text", day) for d in ids])
    assert independent_outlets(event.sources, lazy) == independent_outlets(event.sources, plain)
    assert key_score(event, lazy) == key_score(event, plain) == 3  # o0, o1, o2
    assert asked == []


def test_read_all_reads_in_batches_for_any_order_after():
    lazy, docs, asked = _corpus(2 * PREFETCH)
    lazy.read_all()
    assert len(asked) == 2
    assert lazy["f9#1"].text == "text 9 1" and len(asked) == 2
