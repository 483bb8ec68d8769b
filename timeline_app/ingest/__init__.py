"""Ingest: read articles, find their publication dates and the events they report. No Qt."""

from .corpus import CorpusError, load_corpus

__all__ = ["CorpusError", "load_corpus"]
