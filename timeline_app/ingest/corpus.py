"""Load a folder (or one file) of articles into a Timeline, naming every file that fails.

Loading reports progress per file and can be cancelled (see `progress.py`); many uncached
files are extracted on several processes (`pool.py`); partial timelines can be received while
files are extracted (`preview.py`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from ..interchange import DataFileError, is_data_file, read_data_file
from ..model import Document, Event, FuzzyDate, Problem, Timeline
from .actors import assign_actors
from .collector import collector_paused, release_gradually
from .event_finding import find_events
from .extract import context_year
from .file_loader import FileLoader
from .file_results import FileResult
from .files import find_files
from .header import HeaderDate, find_header_date
from .language import document_language
from .manifest import MANIFEST_NAME, DocMeta, Manifest, ManifestError, read_manifest
from .non_story import find_non_story
from .progress import Cancelled, Partial, Progress
from .readers import Article
from .records import event_in, event_out

__all__ = [
    "Cancelled",
    "CorpusError",
    "ExtractionCache",
    "Partial",
    "Progress",
    "document_from_article",
    "load_corpus",
]

MERGING = "merging events"  # the `current` of the progress call made once every file is done


class CorpusError(ValueError):
    """Nothing could be loaded from the path (it is missing or holds no readable article)."""


class ExtractionCache(Protocol):
    """Where extraction results are kept between runs (the project store implements it).

    A cache may also offer `cached_many(table, keys) -> {key: payload}` and
    `cache_many(table, [(key, payload)])`; they are used when present.
    """

    def cached(self, table: str, key: str) -> Any | None: ...

    def cache(self, table: str, key: str, payload: Any) -> None: ...


def load_corpus(
    path: Path | str,
    *,
    cache: ExtractionCache | None = None,
    published: Mapping[str, FuzzyDate | None] | None = None,
    progress: Progress | None = None,
    partial: Partial | None = None,
    workers: int | None = None,
) -> Timeline:
    """Read every article under `path`; bad files become `Timeline.problems`, not exceptions.

    With a `cache`, unchanged files are not extracted again and an unchanged corpus is not
    merged again. `published` holds publication dates set by the user, by document id.
    `progress(done, total, current)` is called per file and once more with MERGING; when it
    returns False the load stops with `Cancelled` (files extracted so far stay cached).
    `partial(timeline)` receives timelines of the files loaded so far, about every second.
    `workers` sets the number of extracting processes (default: by folder size and cores).
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise CorpusError(f"{path}: no such file or folder")
    if is_data_file(path):  # TimelineJS or our event JSON: events, not articles
        try:
            return read_data_file(path)
        except DataFileError as exc:
            raise CorpusError(str(exc)) from exc
    with collector_paused:
        return _load(path, cache, published or {}, progress, partial, workers)


def _load(
    path: Path,
    cache: ExtractionCache | None,
    published: Mapping[str, FuzzyDate | None],
    progress: Progress | None,
    partial: Partial | None,
    workers: int | None,
) -> Timeline:
    found = find_files(path)
    problems = list(found.problems)
    try:
        manifest = read_manifest(found.folder)
    except ManifestError as exc:
        manifest = Manifest()
        problems.append(Problem(MANIFEST_NAME, str(exc)))
    problems.extend(Problem(MANIFEST_NAME, why) for why in manifest.refused)
    name = manifest.name or found.folder.name
    loaded = FileLoader(
        found,
        manifest,
        published,
        cache,
        problems=problems,
        name=name,
        progress=progress,
        partial=partial,
        workers=workers,
    ).run()
    problems += loaded.problems
    documents = {d.id: d for r in loaded.results for d in r.documents}
    if not documents:
        detail = "; ".join(str(p) for p in problems[:5]) or "no article files found"
        raise CorpusError(f"{path}: nothing could be loaded ({detail})")
    events = _events(loaded.results, documents, loaded.keys, cache, progress, workers)
    release_gradually(loaded.results, 50)  # the time expressions and names they hold
    return Timeline(documents, events, problems, name)


def _events(
    results: list[FileResult],
    documents: dict[str, Document],
    keys: list[str],
    cache: ExtractionCache | None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> list[Event]:
    """Candidates from every document, merged; an unchanged corpus comes from the cache.

    Progress goes on as (documents whose candidates are found, documents, MERGING), then
    (documents, documents, MERGING) between steps of the merge, so a cancel is heard.
    """

    def tick(done: int) -> None:
        if progress and progress(done, len(documents), MERGING) is False:
            raise Cancelled("cancelled while merging")

    tick(0)
    corpus_key = hashlib.sha256("|".join(keys).encode()).hexdigest()
    record = cache.cached("corpus_cache", corpus_key) if cache else None
    if record is not None:
        return [event_in(r) for r in record]
    results = [r.complete() for r in results]  # cached results come without names, timexes
    events = find_events(results, workers=workers, tick=tick)
    assign_actors(events, documents)
    if cache:
        cache.cache("corpus_cache", corpus_key, [event_out(e) for e in events])
    return events


def document_from_article(
    article: Article, manifest: Manifest, edited: Mapping[str, FuzzyDate | None] | None = None
) -> Document:
    """A Document with its publication date: the user's edit, else the manifest, else the
    page's or record's metadata, else the text's header lines; its language: `language.py`."""
    text = article.text
    meta = manifest.meta(article.id)
    day_first = _day_first(text)
    header = find_header_date(text, day_first=day_first)
    published, note = _publication(article, meta, edited or {}, header)
    doc = Document(
        id=article.id,
        path=article.path,
        text=text,
        title=meta.title or article.title or _first_line(text),
        outlet=meta.outlet or article.outlet,
        published=published,
        published_note=note,
        published_span=header.span if header else None,
        day_first=day_first,
    )
    spans = find_non_story(text, header_spans=[header.span] if header else [], title=article.title)
    doc.non_story = sorted({*spans, *article.non_story}, key=lambda s: (s.start, s.end))
    doc.language = document_language(
        text, doc.non_story, manifest=meta.language, page=article.language
    )
    return doc


def _publication(
    article: Article,
    meta: DocMeta,
    edited: Mapping[str, FuzzyDate | None],
    header: HeaderDate | None,
) -> tuple[FuzzyDate | None, str]:
    """The first publication date known, and where it came from."""
    if article.id in edited:  # the user's word, even "not known" (None)
        return edited[article.id], "set by the user"
    if meta.published is not None:
        return meta.published, meta.published_note
    if article.published is not None:
        return article.published, article.published_note
    if header is not None:
        return _header_published(header, article.text), f"header: {header.line}"
    return None, meta.published_note


def _header_published(header: HeaderDate, text: str) -> FuzzyDate | None:
    if header.date is not None:
        return header.date
    year = context_year(text)  # a dateline without a year: the year the text is about
    if year is None or header.month is None:
        return None
    return FuzzyDate(year, header.month, header.day, inferred=True)


def _day_first(text: str) -> bool:
    """Numeric dates read day first unless the text proves month first (a 2nd field > 12)."""
    for a, b in re.findall(r"\b(\d{1,2})[./](\d{1,2})[./]\d{2,4}\b", text):
        if int(a) > 12:
            return True
        if int(b) > 12:
            return False
    return True


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]
