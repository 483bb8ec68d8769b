"""What extraction finds in one file, as a unit the project store can cache by content hash.

The expensive parts (HTML extraction, tagging) depend only on the file's bytes, its manifest
entry, a user's publication-date edit and the extraction code itself; all four go into the
cache key, so a changed file, manifest, edit or app version is extracted afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..model import Document, FuzzyDate
from ..temporal import Timex
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

__all__ = ["FileResult", "code_fingerprint", "extract_file", "failure_reason", "file_key"]


@dataclass(slots=True)
class FileResult:
    """The documents of one file, with the names and time expressions found in each."""

    documents: list[Document] = field(default_factory=list)
    names: list[Names] = field(default_factory=list)
    timexes: list[list[Timex]] = field(default_factory=list)
    problem: str = ""  # some records could not be read (the others are here)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (doc id, what)
    # the cache record whose names and timexes are not decoded yet (see `from_record`)
    record: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    def to_record(self) -> dict[str, Any]:
        self.complete()
        return {
            "docs": [document_out(d) for d in self.documents],
            "names": [names_out(n) for n in self.names],
            "timexes": [[timex_out(t) for t in ts] for ts in self.timexes],
            "problem": self.problem,
            "warnings": self.warnings,
        }

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
        """Decode what `from_record(lazy=True)` left in the record."""
        r, self.record = self.record, None
        if r is not None:
            self.names = [names_in(n) for n in r["names"]]
            self.timexes = [[timex_in(t) for t in ts] for ts in r["timexes"]]
        return self


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
        result.timexes.append(tag_document(doc) if dated else [])
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
    h.update(json.dumps(context, sort_keys=True, default=str).encode())
    return h.hexdigest()


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
