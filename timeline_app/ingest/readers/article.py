"""What a reader found in one file: the article's text and the metadata its format holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...model import FuzzyDate, Span

__all__ = ["Article"]


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
