"""Each document's sentence hashes (`wire.sentence_hashes`) kept in the store, so that wire
families are found again without decoding the articles.

An update after one changed file at 10,000 articles finds the wire families of the
documents it touches: that compares the sentences of every document sharing an event with
them (thousands), and decoding each one's file record just to hash its text cost most of
the update. The hashes are stable (BLAKE2b), so a load keeps those it computed, one row per
document keyed by its file's cache key (which changes with the file's bytes, its manifest
entry, the user's edits and the extraction code) and its place in the file, and a later
load reads them back, many at a query; it hashes from the text only the documents the store
does not know (a changed file's, or one that never shared an event before).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence

import numpy as np

from ..model import Document
from ..model.lazy_documents import LazyDocuments
from .cache import ExtractionCache
from .file_results import FileResult
from .wire import sentence_hashes

__all__ = ["StoredHashes", "document_keys", "hash_documents"]

_TABLE = "corpus_columns"  # payloads kept as bytes
_PREFIX = "sentences|"


def document_keys(
    keys: Sequence[str],
    results: Sequence[FileResult],
    documents: Mapping[str, Document] | None = None,
) -> Mapping[str, str]:
    """Each document's store key: its file's cache key and its place there (a later file's
    document of the same id wins, as in the corpus's documents). None decoded.

    With the corpus's `documents` as `LazyDocuments` (which know each one's file), each key
    is made when asked for: an update asks for a few dozen, and a dict of 10,000 documents'
    keys was 2% of it."""
    if isinstance(documents, LazyDocuments) and not documents.added:

        def key_of(doc_id: str, g: int) -> str:
            ids = results[g].doc_ids
            k = len(ids) - 1 - ids[::-1].index(doc_id)  # the last of the file's, as a dict
            return f"{_PREFIX}{keys[g]}/{k}"

        return documents.by_group(key_of)
    out: dict[str, str] = {}
    for key, r in zip(keys, results, strict=True):
        out.update((d, f"{_PREFIX}{key}/{k}") for k, d in enumerate(r.doc_ids))
    return out


def hash_documents(
    documents: Mapping[str, Document], stop: threading.Event
) -> dict[str, list[int]]:
    """The sentence hashes of every document, for `StoredHashes(known=...)`: a load from
    scratch makes them on a thread while its worker processes find the events (2 s at
    10,000 articles that were the loading process's alone after merging). Those made
    until `stop` is set, if it is."""
    out: dict[str, list[int]] = {}
    for doc_id, doc in documents.items():
        if stop.is_set():
            break
        out[doc_id] = sentence_hashes(doc)
    return out


class StoredHashes:
    """`wire.Hashes` read from the store, the missing ones hashed from `documents` and kept
    (written by `save`)."""

    def __init__(
        self,
        cache: ExtractionCache,
        documents: Mapping[str, Document],
        keys: Mapping[str, str],
        known: Mapping[str, list[int]] | None = None,
    ) -> None:
        """`known`: hashes of some of `documents` made already (`hash_documents`), used
        as if hashed here (and kept by `save`)."""
        self._cache, self._documents, self._keys = cache, documents, keys
        self._known = known or {}
        self._new: list[tuple[str, bytes]] = []
        self.read = self.hashed = 0  # documents whose hashes were read, hashed

    def __call__(self, doc_ids: list[str]) -> dict[str, list[int]]:
        known = self._known
        wanted = [self._keys[d] for d in doc_ids if d in self._keys and d not in known]
        rows = self._cache.cached_many(_TABLE, wanted) if wanted else {}
        out: dict[str, list[int]] = {}
        for d in doc_ids:
            key = self._keys.get(d)
            data = rows.get(key) if key is not None else None
            if isinstance(data, bytes) and len(data) % 8 == 0:
                out[d] = np.frombuffer(data, "<u8").tolist()
                self.read += 1
                continue
            hashes = known.get(d)
            out[d] = hashes = sentence_hashes(self._documents[d]) if hashes is None else hashes
            self.hashed += 1
            if key is not None:
                self._new.append((key, np.asarray(hashes, "<u8").tobytes()))
        return out

    def save(self) -> None:
        """Keep the hashes made from texts since the last save."""
        if self._new:
            self._cache.cache_many(_TABLE, self._new)
            self._new = []
