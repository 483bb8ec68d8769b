"""Article files to text and metadata, one reader per format.

Plain text and Markdown are read as they are; HTML and JSON go through `html_reader` and
`json_reader`. Every reader returns `Article`s; a file that cannot be read raises ValueError
(or OSError) with a reason a user can act on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import FuzzyDate, Span
from .encoding import decode

__all__ = ["Article", "read_articles"]


@dataclass(slots=True)
class Article:
    """What a reader found in one file (a JSON Lines file may hold many)."""

    id: str
    path: Path
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    published: FuzzyDate | None = None
    published_note: str = ""
    non_story: list[Span] = field(default_factory=list)  # known from the format (HTML)
    warnings: list[str] = field(default_factory=list)  # e.g. a guessed encoding


def read_articles(file: Path, doc_id: str, data: bytes | None = None) -> list[Article]:
    """The articles of `file` (whose bytes may be given when already read)."""
    data = file.read_bytes() if data is None else data
    if not data.strip():
        raise ValueError("empty file")
    decoded = decode(data)
    reader = _READERS.get(file.suffix.lower(), _read_plain)
    articles = reader(decoded.text, file, doc_id)
    if decoded.warning:
        for article in articles:
            article.warnings.append(decoded.warning)
    return articles


def _read_plain(text: str, file: Path, doc_id: str) -> list[Article]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("no text (only whitespace)")
    return [Article(doc_id, file, text)]


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
