"""The model: plain Python data for documents, dates and events. Never imports Qt."""

from .dates import DateError, FuzzyDate, Part, Precision
from .documents import Document, Span
from .eras import Era
from .events import Event, Source, TimeNote, clean_tags
from .timeline import Problem, Timeline

__all__ = [
    "DateError",
    "Document",
    "Era",
    "Event",
    "FuzzyDate",
    "Part",
    "Precision",
    "Problem",
    "Source",
    "Span",
    "TimeNote",
    "Timeline",
    "clean_tags",
]
