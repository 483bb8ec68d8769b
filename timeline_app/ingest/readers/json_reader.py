"""JSON and JSON Lines exports of scrapers: `title`, `date` or `published`, `url`, `text`.

A .json file holds one article object or a list of them (or {"articles": [...]}); a .jsonl
file holds one per line. A bad record is reported with its line or index while the others
load: malformed or too deeply nested JSON, not an object, no text, or a text that is not a
string leave the record out; a title, outlet, url, language or date of the wrong type is
ignored and named. JSON Lines are read one line at a time, so memory follows the articles
kept, not the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...checked import FieldError, described, loads, valid_text
from ...model import DateError, FuzzyDate
from ..header import parse_date_text
from .article import Article

__all__ = ["read_json", "JsonArticleError"]

_TEXT_KEYS = ("text", "content", "body", "article", "maintext")
_DATE_KEYS = (
    "date",
    "published",
    "published_at",
    "publication_date",
    "datePublished",
    "pubDate",
    "date_publish",
    "time",
)
_TITLE_KEYS = ("title", "headline")
_OUTLET_KEYS = ("outlet", "source", "sitename", "site_name", "publisher")
_LANGUAGE_KEYS = ("language", "lang")
_SHOWN_BAD = 3  # problems quoted in a file's message; the rest are counted
# a date that starts with a four-digit year is year-month-day (ISO 8601 and its kin), never
# day first; and most exports write it so, which is read here without dateutil
_YEAR_FIRST = re.compile(
    r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*"
)


class JsonArticleError(ValueError):
    """Some records of a JSON file could not be read; `articles` holds the others."""

    def __init__(self, message: str, articles: list[Article]) -> None:
        super().__init__(message)
        self.articles = articles


def read_json(text: str, file: Path, doc_id: str, *, lines: bool) -> list[Article]:
    articles: list[Article] = []
    bad: list[str] = []
    n_bad = 0
    for where, rid, record in _lines(text, doc_id) if lines else _items(text, doc_id):
        try:
            articles.append(_article(_parsed(record) if lines else record, file, rid))
        except ValueError as exc:
            n_bad += 1
            if len(bad) < _SHOWN_BAD:  # a million bad lines must not be a million strings
                bad.append(f"{'line' if lines else 'record'} {where}: {exc}")
    if not n_bad:
        return articles
    message = "; ".join(bad) + (f" (and {n_bad - len(bad)} more)" if n_bad > len(bad) else "")
    if not articles:
        raise ValueError(message)
    raise JsonArticleError(message, articles)


def _lines(text: str, doc_id: str) -> Iterator[tuple[int, str, str]]:
    """(line number, record id, line) for each line that is not blank, one at a time.

    Lines end at "\\n" only: a JSON string may hold U+2028, which `splitlines` would split.
    """
    start, n, size = 0, 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        n += 1
        line = text[start:end]
        start = end + 1
        if line.strip():
            yield n, f"{doc_id}#{n}", line


def _items(text: str, doc_id: str) -> Iterator[tuple[int, str, Any]]:
    data = _parsed(text, whole_file=True)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    for k, item in enumerate(items, 1):
        yield k, doc_id if len(items) == 1 else f"{doc_id}#{k}", item


def _parsed(text: str, *, whole_file: bool = False) -> Any:
    """The JSON value; ValueError saying why not (malformed, nested too deeply, ...)."""
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        where = f", line {exc.lineno}" if whole_file else ""
        raise ValueError(f"malformed JSON ({exc.msg}{where})") from None


def _article(record: Any, file: Path, doc_id: str) -> Article:
    if not isinstance(record, dict):
        raise FieldError(f"not an object ({described(record)})")
    key, text = _first(record, _TEXT_KEYS)
    if text is None:
        raise FieldError(f"no article text (expected one of {', '.join(_TEXT_KEYS[:3])})")
    if not isinstance(text, str):
        raise FieldError(f"{key} is not a string ({described(text)})")
    if not text.strip():
        raise FieldError(f"no article text ({key} is blank)")
    ignored: list[str] = []
    article = Article(
        doc_id,
        file,
        valid_text(text.replace("\r\n", "\n")),
        title=_str(record, _TITLE_KEYS, ignored),
        outlet=_str(record, _OUTLET_KEYS, ignored),
        url=_str(record, ("url",), ignored),
        language=_str(record, _LANGUAGE_KEYS, ignored),
    )
    raw_date = _str(record, _DATE_KEYS, ignored)
    if raw_date is not None:
        article.published, article.published_note = _published(raw_date)
        if article.published is None:
            article.warnings.append(f"publication date {raw_date!r} not understood; ignored")
    if ignored:
        article.warnings.append(f"{'; '.join(ignored)}; ignored")
    return article


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, Any]:
    """The first of `keys` with a value (not null, not ""), and that value."""
    return next(((k, record[k]) for k in keys if record.get(k) not in (None, "")), ("", None))


def _str(record: dict[str, Any], keys: tuple[str, ...], ignored: list[str]) -> str | None:
    """The first of `keys` with a value, stripped, if it is a string; else it is `ignored`."""
    key, value = _first(record, keys)
    if value is None:
        return None
    if not isinstance(value, str):
        ignored.append(f"{key} is not a string ({described(value)})")
        return None
    return valid_text(value.strip()) or None


@lru_cache(maxsize=4096)  # an export's records often share their dates
def _published(raw: str) -> tuple[FuzzyDate | None, str]:
    """The publication date a record states, and the note saying where it came from."""
    m = _YEAR_FIRST.fullmatch(raw)
    if m:
        try:
            date: FuzzyDate | None = FuzzyDate(*(int(g) for g in m.groups()))
        except DateError:
            date = None
    else:
        date = parse_date_text(raw)
    return date, f"JSON field: {raw}"
