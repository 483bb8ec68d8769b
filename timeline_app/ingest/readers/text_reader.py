"""Plain text and Markdown articles: the text as it is, with its line ends made "\\n"."""

from __future__ import annotations

from pathlib import Path

from .article import Article

__all__ = ["read_text"]


def read_text(text: str, file: Path, doc_id: str) -> list[Article]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("no text (only whitespace)")
    return [Article(doc_id, file, text)]
