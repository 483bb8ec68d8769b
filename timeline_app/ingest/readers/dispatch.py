"""Article files to text and metadata: the reader for each file's format.

Plain text and Markdown go through `text_reader`, HTML through `html_reader`, JSON and JSON
Lines through `json_reader`, all after `encoding` has made the bytes text. Every reader
returns `Article`s; a file that cannot be read raises ValueError (or OSError) with a reason
a user can act on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .article import Article
from .encoding import decode
from .text_reader import read_text

__all__ = ["read_articles"]


def read_articles(file: Path, doc_id: str, data: bytes | None = None) -> list[Article]:
    """The articles of `file` (whose bytes may be given when already read)."""
    data = file.read_bytes() if data is None else data
    if not data.strip():
        raise ValueError("empty file")
    decoded = decode(data)
    reader = _READERS.get(file.suffix.lower(), read_text)
    articles = reader(decoded.text, file, doc_id)
    if decoded.warning:
        for article in articles:
            article.warnings.append(decoded.warning)
    return articles


def _read_html(text: str, file: Path, doc_id: str) -> list[Article]:
    from .html_reader import read_html  # lxml and trafilatura load only when needed

    return [read_html(text, file, doc_id)]


def _read_json(text: str, file: Path, doc_id: str) -> list[Article]:
    from .json_reader import read_json

    return read_json(text, file, doc_id, lines=file.suffix.lower() == ".jsonl")


_READERS: dict[str, Callable[[str, Path, str], list[Article]]] = {
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_json,
}
