"""What extraction finds in one file, as a unit the project store can cache by content hash.

The expensive parts (HTML extraction, tagging) depend only on the file's bytes, its manifest
entry, a user's publication-date edit and the extraction code itself; all four go into the
cache key, so a changed file, manifest, edit or app version is extracted afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..json_text import compact
from ..model import Document, FuzzyDate
from ..temporal import Timex
from .cache import ExtractionCache
from .documents import document_from_article
from .extract import tag_document
from .language import dates_language, unsupported_problem
from .manifest import Manifest
from .names import Names, gather_names
from .readers import JsonArticleError, read_articles
from .records import (
    date_out,
    document_in,
    document_out,
    names_in,
    names_out,
    timex_in,
    timex_out,
)

__all__ = [
    "FileResult",
    "Listed",
    "RecordSource",
    "code_fingerprint",
    "extract_file",
    "failure_reason",
    "file_key",
    "key_context",
]


class FileResult:
    """The documents of one file, with the names and time expressions found in each.

    A result the folder's listing knows (`listed`) holds only its documents' ids,
    languages and outlets and their names (`record`) until its documents or time
    expressions are first read: then its cache record is decoded (`RecordSource`).

    Time expressions travel as records (`timex_records`: lists of plain values): a result
    sent by a worker, or read from the cache, makes its `Timex` objects only when they are
    read. A load that finds statements on an engine sends the records on as they came, and
    the cache keeps them, so its process never makes the 190,000 objects of 10,000
    articles (pickled as objects they cost five times more than as records)."""

    __slots__ = (
        "_documents",
        "names",
        "_timexes",
        "_timex_records",
        "problem",
        "warnings",
        "record",
        "_listed",
    )

    def __init__(
        self,
        documents: list[Document] | None = None,
        names: list[Names] | None = None,
        timexes: list[list[Timex]] | None = None,
        problem: str = "",  # some records could not be read (the others are here)
        warnings: list[tuple[str, str]] | None = None,  # (doc id, what)
        # the cache record whose names and timexes are not decoded yet (see `from_record`)
        record: dict[str, Any] | None = None,
    ) -> None:
        self._documents: list[Document] | None = [] if documents is None else documents
        self.names: list[Names] = [] if names is None else names
        self._timexes: list[list[Timex]] | None = [] if timexes is None else timexes
        self._timex_records: list[list[list[Any]]] | None = None
        self.problem = problem
        self.warnings: list[tuple[str, str]] = [] if warnings is None else warnings
        self.record = record
        self._listed: Listed | None = None

    def __repr__(self) -> str:
        return f"FileResult({len(self.doc_ids)} documents, problem={self.problem!r})"

    def __getstate__(self) -> tuple[Any, ...]:
        """Sent complete, without the store a listed result reads from; time expressions
        as records."""
        self.complete()
        records = self.timex_records()
        return (self._documents, self.names, records, self.problem, self.warnings)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self._documents, self.names, self._timex_records, self.problem, self.warnings = state
        self._timexes, self.record, self._listed = None, None, None

    @property
    def timexes(self) -> list[list[Timex]]:
        """Each document's time expressions (made from their records when first read)."""
        if self._timexes is None:
            assert self._timex_records is not None
            self._timexes = [[timex_in(t) for t in ts] for ts in self._timex_records]
        return self._timexes

    def timex_records(self) -> list[list[list[Any]]]:
        """Each document's time expressions as records (`records.timex_out`), none made
        into objects for it. Read once the result is complete: its expressions are not
        changed after."""
        if self._timex_records is None:
            self._timex_records = [[timex_out(t) for t in ts] for ts in self.timexes]
        return self._timex_records

    @classmethod
    def listed(cls, listed: Listed, problem: str, warnings: list[tuple[str, str]]) -> FileResult:
        """A cached file as the folder's listing gives it: `listed.names` (their JSON text)
        stand for the record until its documents are read."""
        result = cls(problem=problem, warnings=warnings, record=_ListedRecord(listed.names))
        result._documents, result._listed = None, listed
        return result

    @property
    def documents(self) -> list[Document]:
        if self._documents is None:
            assert self._listed is not None
            self._listed.source.fill([self])
        return self._documents  # type: ignore[return-value]

    @documents.setter
    def documents(self, documents: list[Document]) -> None:
        self._documents = documents

    @property
    def doc_ids(self) -> list[str]:
        """The ids of its documents, none decoded."""
        if self._documents is None and self._listed is not None:
            return self._listed.ids
        return [d.id for d in self.documents]

    @property
    def languages(self) -> list[str]:
        """The language of each of its documents, none decoded."""
        if self._documents is None and self._listed is not None:
            return self._listed.languages
        return [d.language for d in self.documents]

    @property
    def outlets(self) -> list[str | None]:
        """The outlet of each of its documents, none decoded."""
        if self._documents is None and self._listed is not None:
            return self._listed.outlets
        return [d.outlet for d in self.documents]

    @property
    def is_read(self) -> bool:
        """Whether its documents are decoded (a listed result's are not until read)."""
        return self._documents is not None

    def decoded(self, record: dict[str, Any]) -> None:
        """Take the documents of a listed result from its cache `record` (`RecordSource`);
        names and time expressions stay in the record until `complete()`."""
        self._documents = [document_in(d) for d in record["docs"]]
        self.record = {"names": record["names"], "timexes": record["timexes"]}
        self._listed = None

    def to_record(self) -> dict[str, Any]:
        self.complete()
        return {
            "docs": [document_out(d) for d in self.documents],
            "names": [names_out(n) for n in self.names],
            "timexes": self.timex_records(),
            "problem": self.problem,
            "warnings": self.warnings,
        }

    def names_record(self) -> list[Any]:
        """Its documents' names as the cache keeps them, none decoded."""
        if self.record is not None:
            return list(self.record["names"])
        return [names_out(n) for n in self.names]

    def names_text(self) -> str:
        """`names_record()` as compact JSON (the listing's text, for a listed result)."""
        if isinstance(self.record, _ListedRecord) and "names" not in self.record:
            return self.record.text
        return compact(self.names_record())

    @classmethod
    def from_record(cls, r: dict[str, Any], *, lazy: bool = False) -> FileResult:
        """The result a cache record holds. `lazy` leaves names and time expressions in the
        record until `complete()`: a cached reopen of an unchanged corpus never needs them
        (its events come cached too), and they are most of the decoding."""
        result = cls(
            [document_in(d) for d in r["docs"]],
            problem=r["problem"],
            warnings=[tuple(w) for w in r["warnings"]],  # type: ignore[misc]
            record=r,
        )
        return result if lazy else result.complete()

    def complete(self) -> FileResult:
        """Decode what `from_record(lazy=True)` or `listed` left in the record."""
        if self._documents is None:
            self.documents  # noqa: B018 - reads the record, with its time expressions
        r, self.record = self.record, None
        if r is not None:
            self.names = [names_in(n) for n in r["names"]]
            self._timexes, self._timex_records = None, r["timexes"]
        return self


class _ListedRecord(dict):  # type: ignore[type-arg]
    """The record of a listed result: {"names": ...}, the names decoded from the listing's
    JSON text when first read (most results' never are)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def __missing__(self, key: str) -> Any:
        if key != "names":
            raise KeyError(key)
        names = self["names"] = json.loads(self.text)
        return names


@dataclass(slots=True)
class Listed:
    """What the folder's listing says of a cached file (`listing.py`): its cache key, its
    documents' ids, languages and outlets, their names as the record has them, and where
    to read the record when they are wanted."""

    rel: str
    key: str
    ids: list[str]
    languages: list[str]
    outlets: list[str | None]
    names: str  # the names record, as JSON text
    source: RecordSource


class RecordSource:
    """Reads the cache records of listed results, many at a query. A record the store no
    longer gives (it could not be read) is made again from the file by `again`."""

    def __init__(
        self,
        cache: ExtractionCache,
        again: Callable[[Listed], dict[str, Any]],
    ) -> None:
        self._cache, self._again = cache, again

    def fill(self, results: Sequence[FileResult]) -> None:
        """Decode the documents of those `results` that are listed and not read yet, a few
        hundred records per read."""
        todo = [(r, r._listed) for r in results if r._listed is not None and r._documents is None]
        for start in range(0, len(todo), _FILL_BATCH):
            part = todo[start : start + _FILL_BATCH]
            records = self._cache.cached_many("file_cache", [x.key for _, x in part])
            for r, x in part:
                record = records.get(x.key)
                r.decoded(record if isinstance(record, dict) else self._again(x))


_FILL_BATCH = 256


def extract_file(
    file: Path,
    doc_id: str,
    data: bytes,
    manifest: Manifest,
    published: Mapping[str, FuzzyDate | None],
) -> FileResult:
    """Read, date and tag one file; raises ValueError/OSError when nothing in it is usable."""
    result = FileResult()
    try:
        articles = read_articles(file, doc_id, data)
    except JsonArticleError as exc:  # some records were fine
        articles, result.problem = exc.articles, str(exc)
    for article in articles:
        doc = document_from_article(article, manifest, published)
        dated = dates_language(doc.language)  # English rules find nonsense in other languages
        result.documents.append(doc)
        result.names.append(gather_names([doc.text]) if dated else Names())
        result.timexes.append(tag_document(doc) if dated else [])  # records not made yet
        result.warnings.extend((article.id, w) for w in article.warnings)
        if not dated:  # loaded (readable in the source view), named, not dated
            result.warnings.append((article.id, unsupported_problem(doc.language)))
    return result


def failure_reason(exc: Exception) -> str:
    """Why a file could not be read, in words for a user."""
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(exc, OSError):
        return f"cannot be read ({exc.strerror or exc})"
    return str(exc)


def file_key(
    doc_id: str,
    data: bytes,
    manifest: Manifest,
    published: Mapping[str, FuzzyDate | None],
    *,
    digest: str | None = None,
) -> str:
    """The cache key of a file with these bytes (or with this `digest` of them)."""
    h = hashlib.sha256((digest or hashlib.sha256(data).hexdigest()).encode())
    meta = manifest.meta(doc_id)
    edits = sorted(
        (k, date_out(v)) for k, v in published.items() if k == doc_id or k.startswith(doc_id + "#")
    )
    context = [
        doc_id,
        meta.title,
        meta.outlet,
        meta.language,
        date_out(meta.published),
        meta.published_note,
        edits,
        code_fingerprint(),
    ]
    h.update(_KEY_JSON.encode(context).encode())
    return h.hexdigest()


def key_context(manifest: Manifest, published: Mapping[str, FuzzyDate | None]) -> str:
    """A hash of what every file's key depends on besides its bytes and its id (`file_key`):
    the whole manifest, every publication date set by the user, the extraction code. Two
    loads with the same context give a file of the same bytes the same key."""
    docs = sorted(
        (name, [m.title, m.outlet, m.language, date_out(m.published), m.published_note])
        for name, m in (manifest.documents or {}).items()
    )
    edits = sorted((k, date_out(v)) for k, v in published.items())
    return hashlib.sha256(_KEY_JSON.encode([docs, edits, code_fingerprint()]).encode()).hexdigest()


# `json.dumps` with options makes an encoder per call, which costs as much as this small
# list: one encoder, the same options, the same text
_KEY_JSON = json.JSONEncoder(sort_keys=True, default=str)


@cache
def code_fingerprint() -> str:
    """A hash of the extraction code: a new version of the tagger invalidates the cache."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    sources = [root / "checked.py"]  # the readers check the fields of JSON articles with it
    for package in ("model", "temporal", "ingest"):
        sources += sorted((root / package).rglob("*.py"))
    for src in sources:
        h.update(src.relative_to(root).as_posix().encode())
        h.update(src.read_bytes())
    return h.hexdigest()[:16]
