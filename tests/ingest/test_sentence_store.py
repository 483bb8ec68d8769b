"""Wire families found from the sentence hashes the store keeps are those found by hashing
the texts; a later load reads them back without reading any document, and hashes again
only the documents whose file changed."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator, Mapping

import pytest
from test_wire import _event, _texts

from timeline_app.ingest.sentence_store import StoredHashes, document_keys, hash_documents
from timeline_app.ingest.wire import families_of, sentence_hashes
from timeline_app.model import Document
from timeline_app.store import ProjectStore


class Unread(Mapping[str, Document]):
    """Documents that must not be read: every id known, none given."""

    def __init__(self, ids: list[str]) -> None:
        self._ids = ids

    def __getitem__(self, doc_id: str) -> Document:
        pytest.fail(f"document {doc_id} read instead of its stored hashes")

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def _corpus(seed: int):
    rng = random.Random(seed)
    documents = _texts(rng, 60)
    ids = sorted(documents)[:55]
    events = [_event(k, rng.sample(ids, rng.choice([1, 2, 2, 3, 12]))) for k in range(20)]
    keys = {d: f"sentences|file-{d}/0" for d in documents}  # one document a file
    return documents, events, keys


@pytest.mark.parametrize("seed", range(4))
def test_stored_hashes_give_the_families_of_the_texts(seed):
    documents, events, keys = _corpus(seed)
    expected = families_of(events, documents)
    assert expected, "the articles hold copies"
    store = ProjectStore.in_memory()
    first = StoredHashes(store, documents, keys)
    assert families_of(events, documents, hashes=first) == expected
    assert first.read == 0 and first.hashed > 0
    first.save()
    again = StoredHashes(store, Unread(list(documents)), keys)
    assert families_of(events, Unread(list(documents)), hashes=again) == expected
    assert again.hashed == 0 and again.read == first.hashed
    store.close()


@pytest.mark.parametrize("seed", range(2))
def test_hashes_made_beforehand_are_used_as_hashed_and_kept(seed):
    documents, events, keys = _corpus(seed)
    store = ProjectStore.in_memory()
    known = hash_documents(documents, threading.Event())
    assert known == {d: sentence_hashes(doc) for d, doc in documents.items()}
    first = StoredHashes(store, Unread(list(documents)), keys, known)
    assert families_of(events, Unread(list(documents)), hashes=first) == families_of(
        events, documents
    )
    assert first.read == 0 and first.hashed > 0
    assert first(sorted(documents)) == known
    first.save()
    again = StoredHashes(store, Unread(list(documents)), keys)
    assert again(sorted(documents)) == known
    assert again.hashed == 0
    store.close()


def test_hashing_beforehand_stops_when_told():
    documents, _, _ = _corpus(0)
    stop = threading.Event()
    stop.set()
    assert hash_documents(documents, stop) == {}


def test_a_changed_file_is_hashed_again():
    documents, events, keys = _corpus(0)
    store = ProjectStore.in_memory()
    first = StoredHashes(store, documents, keys)
    ids = sorted(documents)
    first(ids)
    first.save()
    changed = ids[3]
    documents[changed] = Document(changed, documents[changed].path, "A new text of six words here.")
    moved = {**keys, changed: "sentences|file-new/0"}  # its file's key changed with its bytes
    later = StoredHashes(store, documents, moved)
    got = later(ids)
    assert later.hashed == 1 and later.read == len(ids) - 1
    assert got == {d: sentence_hashes(documents[d]) for d in ids}
    store.close()


def test_document_keys_follow_the_files_and_their_order():
    from pathlib import Path

    from timeline_app.ingest.file_results import FileResult

    def result(*ids: str) -> FileResult:
        return FileResult([Document(d, Path(d), "text") for d in ids])

    keys = document_keys(["k1", "k2"], [result("a", "b"), result("b", "c")])
    # the later file's "b" wins, as in the corpus's documents
    assert keys == {"a": "sentences|k1/0", "b": "sentences|k2/0", "c": "sentences|k2/1"}


def test_document_keys_looked_up_are_those_a_dict_holds():
    """Over `LazyDocuments`, each document's key is made when asked for; it is the key the
    dict of every document's would give (a later file's document of the same id wins, and
    within a file its last place)."""
    from timeline_app.ingest.corpus_documents import corpus_documents
    from timeline_app.ingest.file_results import FileResult, Listed

    files = [["a", "b"], ["c"], ["b", "d", "d"], []]
    keys = [f"key{g}" for g in range(len(files))]
    results = [
        FileResult.listed(
            Listed(f"f{g}", keys[g], ids, ["en"] * len(ids), [None] * len(ids), "[]", None),
            "",
            [],
        )
        for g, ids in enumerate(files)
    ]
    eager = document_keys(keys, results)
    documents = corpus_documents(results, source=object())
    lazy = document_keys(keys, results, documents)
    assert not isinstance(lazy, dict)
    assert {d: lazy[d] for d in eager} == eager
    assert sorted(lazy) == sorted(eager) and len(lazy) == len(eager)
    assert "e" not in lazy and lazy.get("e") is None


def test_the_file_of_each_document_looked_up_is_the_one_a_dict_holds():
    """`corpus._rels_of` over `LazyDocuments`: each document's file as the dict of every
    document's gives it, and each file's documents as a scan of that dict finds them."""
    from timeline_app.ingest.corpus import _docs_of, _rels_of
    from timeline_app.ingest.corpus_documents import corpus_documents
    from timeline_app.ingest.file_loader import LoadedFiles
    from timeline_app.ingest.file_results import FileResult, Listed

    files = [["a", "b"], ["c"], ["b", "d", "d"], []]
    rels = [f"f{g}" for g in range(len(files))]
    results = [
        FileResult.listed(Listed(rels[g], "k", ids, [], [None] * len(ids), "[]", None), "", [])
        for g, ids in enumerate(files)
    ]
    loaded = LoadedFiles(results, ["k"] * len(files), [], rels)
    eager = {d: rel for rel, r in zip(rels, results, strict=True) for d in r.doc_ids}
    lazy = _rels_of(loaded, corpus_documents(results, source=object()))
    assert not isinstance(lazy, dict)
    assert {d: lazy[d] for d in eager} == eager and len(lazy) == len(eager)
    for rel in [*rels, "gone"]:
        expected = [d for d, r in eager.items() if r == rel]  # a walk of every document
        assert sorted(_docs_of(rel, lazy, loaded)) == sorted(expected), rel
        assert sorted(_docs_of(rel, eager, loaded)) == sorted(expected), rel
