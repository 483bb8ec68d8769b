"""Ingest: read articles, find their publication dates and the events they report. No Qt.

`load_corpus` and `CorpusError` are imported when first asked for: an engine's worker
process imports only the modules of its tasks (`pool.py`, `event_finding.py`), not the
whole load with its store (half a second of each worker's start)."""

from typing import Any

__all__ = ["CorpusError", "load_corpus"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
