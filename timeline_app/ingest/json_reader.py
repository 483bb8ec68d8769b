"""JSON and JSON Lines exports of scrapers: `title`, `date` or `published`, `url`, `text`.

A .json file holds one article object or a list of them (or {"articles": [...]}); a .jsonl
file holds one per line. A bad record is reported with its line or index while the others load.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .header import parse_date_text
from .readers import Article

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


class JsonArticleError(ValueError):
    """Some records of a JSON file could not be read; `articles` holds the others."""

    def __init__(self, message: str, articles: list[Article]) -> None:
        super().__init__(message)
        self.articles = articles


def read_json(text: str, file: Path, doc_id: str, *, lines: bool) -> list[Article]:
    records, bad = _records(text, lines)
    articles: list[Article] = []
    for where, record in records:
        try:
            rid = doc_id if len(records) == 1 and not lines else f"{doc_id}#{where}"
            articles.append(_article(record, file, rid))
        except ValueError as exc:
            bad.append(f"{_where_name(lines)} {where}: {exc}")
    if bad and not articles:
        raise ValueError(
            "; ".join(bad[:3]) + (f" (and {len(bad) - 3} more)" if len(bad) > 3 else "")
        )
    if bad:
        raise JsonArticleError("; ".join(bad[:3]), articles)
    return articles


def _records(text: str, lines: bool) -> tuple[list[tuple[int, Any]], list[str]]:
    if lines:
        records, bad = [], []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((n, json.loads(line)))
                except json.JSONDecodeError as exc:
                    bad.append(f"line {n}: malformed JSON ({exc.msg})")
        return records, bad
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON ({exc.msg}, line {exc.lineno})") from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    return list(enumerate(items, 1)), []


def _article(record: Any, file: Path, doc_id: str) -> Article:
    if not isinstance(record, dict):
        raise ValueError("not an object")
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"no article text (expected one of {', '.join(_TEXT_KEYS[:3])})")
    article = Article(
        doc_id,
        file,
        text.replace("\r\n", "\n"),
        title=_str(_first(record, _TITLE_KEYS)),
        outlet=_str(_first(record, _OUTLET_KEYS)),
        url=_str(record.get("url")),
        language=_str(record.get("language") or record.get("lang")),
    )
    raw_date = _first(record, _DATE_KEYS)
    if isinstance(raw_date, str) and raw_date.strip():
        article.published = parse_date_text(raw_date)
        article.published_note = f"JSON field: {raw_date}"
        if article.published is None:
            article.warnings.append(f"publication date {raw_date!r} not understood; ignored")
    return article


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if record.get(k) not in (None, "")), None)


def _str(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _where_name(lines: bool) -> str:
    return "line" if lines else "record"
