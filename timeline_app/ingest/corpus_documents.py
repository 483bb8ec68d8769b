"""The documents of a corpus's file results by id: a dict when every result is read, else
documents decoded when first looked up (`model.lazy_documents`), so that opening a cached
folder decodes none of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Document
from ..model.lazy_documents import LazyDocuments
from .collector import collector_paused
from .file_results import FileResult, RecordSource

__all__ = ["corpus_documents"]


def corpus_documents(
    results: Sequence[FileResult], source: RecordSource | None
) -> Mapping[str, Document]:
    """Each document of `results` by id (a later file's document of the same id wins, as in
    a dict built in order)."""
    if source is None or all(r.is_read for r in results):
        return {d.id: d for r in results for d in r.documents}
    where: dict[str, tuple[int, str | None]] = {}
    for g, r in enumerate(results):
        ids, outlets = r.doc_ids, r.outlets
        if len(ids) == 1 == len(outlets):  # most files: one article (a tenth of a reload)
            where[ids[0]] = (g, outlets[0])
        else:
            where.update((d, (g, o)) for d, o in zip(ids, outlets, strict=True))
    # each group's result until its documents are read (not the caller's list, which a
    # load empties), then nothing: the documents are kept by `LazyDocuments`
    held: list[FileResult | None] = list(results)

    def load(groups: Sequence[int]) -> list[list[Document]]:
        taken = [held[g] for g in groups]
        with collector_paused:  # many small objects: see `collector.py`
            source.fill([r for r in taken if r is not None])
        for g in groups:
            held[g] = None
        return [r.documents if r is not None else [] for r in taken]

    return LazyDocuments(where, load, len(results))
