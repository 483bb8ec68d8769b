"""Load a folder (or one file) of articles into a Timeline, naming every file that fails."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Document, FuzzyDate, Problem, Timeline
from .actors import assign_actors
from .extract import Candidate, context_year, extract_candidates
from .files import find_files
from .header import HeaderDate, find_header_date
from .json_reader import JsonArticleError
from .manifest import MANIFEST_NAME, Manifest, ManifestError, read_manifest
from .merge import merge_candidates
from .names import gather_names
from .non_story import find_non_story
from .readers import Article, read_articles
from .titles import TitleContext

__all__ = ["CorpusError", "load_corpus", "document_from_article"]


class CorpusError(ValueError):
    """Nothing could be loaded from the path (it is missing or holds no readable article)."""


def load_corpus(path: Path | str) -> Timeline:
    """Read every article under `path`; bad files become `Timeline.problems`, not exceptions."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise CorpusError(f"{path}: no such file or folder")
    found = find_files(path)
    problems = list(found.problems)
    try:
        manifest = read_manifest(found.folder)
    except ManifestError as exc:
        manifest = Manifest()
        problems.append(Problem(MANIFEST_NAME, str(exc)))
    problems.extend(Problem(MANIFEST_NAME, why) for why in manifest.refused)
    documents: dict[str, Document] = {}
    for file in found.files:
        doc_id = found.rel(file)
        try:
            articles = read_articles(file, doc_id)
        except JsonArticleError as exc:  # some records were fine
            articles = exc.articles
            problems.append(Problem(doc_id, str(exc)))
        except (OSError, ValueError) as exc:
            problems.append(Problem(doc_id, _reason(exc)))
            continue
        for article in articles:
            documents[article.id] = document_from_article(article, manifest)
            problems.extend(Problem(article.id, w) for w in article.warnings)
    if not documents:
        detail = "; ".join(str(p) for p in problems[:5]) or "no article files found"
        raise CorpusError(f"{path}: nothing could be loaded ({detail})")
    ctx = TitleContext(gather_names(d.text for d in documents.values()))
    candidates: list[Candidate] = []
    for doc in documents.values():
        candidates.extend(extract_candidates(doc, ctx))
    name = manifest.name or found.folder.name
    events = merge_candidates(candidates)
    assign_actors(events, documents)
    return Timeline(documents, events, problems, name)


def document_from_article(article: Article, manifest: Manifest) -> Document:
    """A Document with its publication date: manifest, else page/record metadata, else the
    text's header lines."""
    text = article.text
    meta = manifest.meta(article.id)
    day_first = _day_first(text)
    header = find_header_date(text, day_first=day_first)
    published, note = meta.published, meta.published_note
    if published is None and article.published is not None:
        published, note = article.published, article.published_note
    if published is None and header is not None:
        published, note = _header_published(header, text), f"header: {header.line}"
    doc = Document(
        id=article.id,
        path=article.path,
        text=text,
        language=meta.language or article.language or "en",
        title=meta.title or article.title or _first_line(text),
        outlet=meta.outlet or article.outlet,
        published=published,
        published_note=note,
        published_span=header.span if header else None,
        day_first=day_first,
    )
    spans = find_non_story(text, header_spans=[header.span] if header else [], title=article.title)
    doc.non_story = sorted({*spans, *article.non_story}, key=lambda s: (s.start, s.end))
    return doc


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


def _reason(exc: Exception) -> str:
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    if isinstance(exc, OSError):
        return f"cannot be read ({exc.strerror or exc})"
    return str(exc)
