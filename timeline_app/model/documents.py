"""Articles as loaded: their text, metadata, and which parts of the text are not story."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path

from .dates import FuzzyDate

__all__ = ["Document", "Span"]


@dataclass(frozen=True, slots=True)
class Span:
    """A character range [start, end) of a document's text, with why it is marked."""

    start: int
    end: int
    kind: str = ""  # e.g. "caption", "credit", "dateline", "boilerplate"

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def __reduce__(self) -> tuple[type[Span], tuple[object, ...]]:
        # pickled as its fields, in one C call, not through dataclasses' per-field state
        # functions: a load sends 10,000 documents and 47,000 spans to workers and back
        return Span, _span_fields(self)


@dataclass(slots=True)
class Document:
    """One article. `id` is its path relative to the corpus folder (stable across runs)."""

    id: str
    path: Path
    text: str
    title: str = ""
    outlet: str | None = None
    language: str = "en"
    published: FuzzyDate | None = None
    published_note: str = ""  # where the publication date came from
    published_span: Span | None = None  # the header line that states it, if any
    day_first: bool = True  # how numeric dates like 01.02.2023 are read
    non_story: list[Span] = field(default_factory=list)  # captions, credits, boilerplate

    def is_story(self, start: int, end: int) -> bool:
        """False for text inside a caption, credit line, header or boilerplate."""
        return not any(s.overlaps(start, end) for s in self.non_story)

    def __reduce__(self) -> tuple[type[Document], tuple[object, ...]]:
        return Document, _document_fields(self)  # as `Span.__reduce__`


# each class's fields in the order its constructor takes them
_span_fields = attrgetter(*(f.name for f in fields(Span)))
_document_fields = attrgetter(*(f.name for f in fields(Document)))
