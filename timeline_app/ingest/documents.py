"""An article as a `Document`: its publication date (the user's edit, the manifest, the
page's metadata or the text's header lines, in that order), its non-story spans and its
language."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Document, FuzzyDate
from .extract import context_year
from .header import HeaderDate, find_header_date
from .language import document_language
from .manifest import DocMeta, Manifest
from .non_story import find_non_story
from .readers import Article

__all__ = ["document_from_article"]


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
    if header is not None and not _states(header, published):
        header = None  # a dated caption near the top ("Minsk, May 28, 2021 (Reuters)") on a
        # page whose metadata dates it otherwise is no publication line
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


def _states(header: HeaderDate, published: FuzzyDate | None) -> bool:
    """Whether the header line states the publication date (or could: no year of its own)."""
    if published is None:
        return True
    if header.date is None:
        return header.month in (None, published.month)
    return header.date.first.contains(published.first) or published.contains(header.date)


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
