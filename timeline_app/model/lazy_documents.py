"""A corpus's documents by id, each decoded from the store the first time it is looked up.

Reopening a folder of 10,000 articles used to decode every article (its text, dates and
marked spans) before the first event was shown, though a view reads one article per click.
`LazyDocuments` stands in for the dict: it knows every id, the group (the file) each comes
from and its outlet, and decodes a group when one of its documents is first read, keeping
the same object for every later lookup. A miss just after the group before it was read
decodes the groups that follow too, so a pass over every document (a search index, an
export) costs a few dozen store reads, not one per file, while a lookup here and there
decodes its own file only.

Documents added by hand (`added`, held as objects) sit beside the stored ones: `with_added`
gives the same stored documents with other added ones, without decoding anything.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

from .documents import Document

__all__ = ["LazyDocuments", "read_all"]

PREFETCH = 128  # groups decoded together on a miss
T = TypeVar("T")


class LazyDocuments(Mapping[str, Document]):
    """`where[id] = (group, outlet)`; `load(groups)` decodes those groups' documents, in
    order (each a list of documents, ids as in `where`)."""

    def __init__(
        self,
        where: Mapping[str, tuple[int, str | None]],
        load: Callable[[Sequence[int]], list[list[Document]]],
        groups: int,
        added: Mapping[str, Document] | None = None,
    ) -> None:
        self._stored = _Stored(where, load, groups)
        self._added: Mapping[str, Document] = added or {}

    @classmethod
    def _of(cls, stored: _Stored, added: Mapping[str, Document]) -> LazyDocuments:
        docs = cls.__new__(cls)
        docs._stored, docs._added = stored, added
        return docs

    def with_added(self, added: Mapping[str, Document]) -> LazyDocuments:
        """The same stored documents (decoded or not) with `added` in place of this one's."""
        return LazyDocuments._of(self._stored, added)

    @property
    def added(self) -> Mapping[str, Document]:
        return self._added

    def stored_outlets(self) -> Iterator[str | None]:
        """The outlet of each stored document, none decoded."""
        return (outlet for _, outlet in self._stored.where.values())

    def outlet(self, doc_id: str) -> str | None:
        """The document's outlet, decoded or not (None: it has none, or no such document)."""
        added = self._added.get(doc_id)
        if added is not None:
            return added.outlet
        where = self._stored.where.get(doc_id)
        return where[1] if where is not None else None

    def read_all(self) -> None:
        """Decode every stored document, a batch of files per store read, before a pass that
        looks them up in another order than the folder's (one read per file, else)."""
        for _ in self.values():
            pass

    def by_group(self, value: Callable[[str, int], T]) -> Mapping[str, T]:
        """Each stored document's `value(id, group)`, made when looked up: what a dict over
        every document would hold (its file's path, its store key), for a caller that asks
        for a few dozen of 10,000."""
        return _ByGroup(self._stored.where, value)

    def stored_count(self) -> int:
        return len(self._stored.where)

    def __getitem__(self, doc_id: str) -> Document:
        added = self._added.get(doc_id)
        if added is not None:
            return added
        return self._stored.get(doc_id)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._added or doc_id in self._stored.where

    def __iter__(self) -> Iterator[str]:
        yield from self._stored.where
        yield from (k for k in self._added if k not in self._stored.where)

    def __len__(self) -> int:
        extra = sum(1 for k in self._added if k not in self._stored.where)
        return len(self._stored.where) + extra


class _ByGroup(Mapping[str, T]):
    def __init__(
        self, where: Mapping[str, tuple[int, str | None]], value: Callable[[str, int], T]
    ) -> None:
        self._where, self._value = where, value

    def __getitem__(self, doc_id: str) -> T:
        return self._value(doc_id, self._where[doc_id][0])

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


class _Stored:
    """The stored documents and those decoded so far, shared by every `with_added` copy."""

    def __init__(
        self,
        where: Mapping[str, tuple[int, str | None]],
        load: Callable[[Sequence[int]], list[list[Document]]],
        groups: int,
    ) -> None:
        self.where, self._load, self._groups = where, load, groups
        self._made: dict[str, Document] = {}
        self._loaded = bytearray(groups)  # 1: that group's documents are in `_made`
        self._lock = threading.Lock()  # one object per document, whichever thread reads it

    def get(self, doc_id: str) -> Document:
        made = self._made.get(doc_id)
        if made is not None:
            return made
        group = self.where[doc_id][0]  # KeyError: no such document
        with self._lock:
            if not self._loaded[group]:
                # a pass in folder order (the group before is read) takes the groups that
                # follow as well; a lookup here and there, its own group only
                ahead = group == 0 or self._loaded[group - 1]
                wanted = []
                for g in range(group, self._groups if ahead else group + 1):
                    if not self._loaded[g]:
                        wanted.append(g)
                        if len(wanted) == PREFETCH:
                            break
                for docs in self._load(wanted):
                    self._made.update((d.id, d) for d in docs)
                for g in wanted:
                    self._loaded[g] = 1
        return self._made[doc_id]


def read_all(documents: Mapping[str, Document]) -> None:
    """Before a pass over every document in another order than the folder's: decode those
    not decoded yet, a batch of files per store read (a dict has nothing to decode)."""
    if isinstance(documents, LazyDocuments):
        documents.read_all()
